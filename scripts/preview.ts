import { chromium, type Browser } from '@playwright/test';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';

/**
 * Serves the built app with `vite preview` for the scripts (bench, screenshots). Runs vite's own
 * binary under node so that `kill()` stops the server itself (through npx it would stop only the
 * wrapper and leave a stale server on the port), and refuses a port that is already taken, so a
 * measurement can never be made against an old build.
 */
export function startPreview(root: string, port: number, outDir = 'dist'): ChildProcess {
  const probe = createServer();
  probe.once('error', () => {
    console.error(`port ${port} is already in use: stop the server there or choose another port`);
    process.exit(1);
  });
  probe.listen(port, '127.0.0.1', () => probe.close());
  return spawn(
    process.execPath,
    [
      join(root, 'node_modules/vite/bin/vite.js'),
      'preview',
      '--host',
      '127.0.0.1',
      '--port',
      String(port),
      '--strictPort',
      '--outDir',
      outDir,
    ],
    { cwd: root, stdio: 'ignore' },
  );
}

/** Waits until the preview server answers (at most about 20 s). */
export async function waitForServer(url: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    try {
      await fetch(url);
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  throw new Error(`no server answered at ${url}`);
}

/**
 * Debian's Chromium, headless, with every packet kept on this machine (the flags stack-notes.md
 * measured): the same browser and flags as the Playwright tests.
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: execFileSync('sh', ['-c', 'command -v chromium'], { encoding: 'utf8' }).trim(),
    args: [
      '--no-sandbox',
      '--enable-unsafe-swiftshader',
      '--disable-background-networking',
      '--disable-features=NetworkTimeServiceQuerying',
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost',
    ],
  });
}
