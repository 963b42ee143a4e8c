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
 * Chromium's flags for the tests, the bench and the screenshots: every packet kept on this machine
 * (the flags stack-notes.md measured), and no browser-interface page beside ours.
 *
 * `WebUIOmniboxPopup`: Chromium 156 loads its address bar's popup, a WebUI page in a renderer of
 * its own, for every new window, and headless Playwright opens a window per browser context. A
 * trace of the bench's cold navigation showed that page taking 4.3 s of CPU (2.9 s on its main
 * thread) on this machine's two cores while the app loaded; without it the Atlas was drawn
 * 1.6 s sooner (median of 6 runs each, alternated). A person's browser loads that page once when
 * it starts, not with each page, so it is left out of what we measure.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--enable-unsafe-swiftshader',
  '--no-first-run',
  '--disable-sync',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-features=NetworkTimeServiceQuerying,WebUIOmniboxPopup',
  // Every name but the local host fails to resolve: no packet leaves the machine.
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost',
];

/** Debian's Chromium, headless, with CHROMIUM_ARGS: the same browser and flags as the tests. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: execFileSync('sh', ['-c', 'command -v chromium'], { encoding: 'utf8' }).trim(),
    args: CHROMIUM_ARGS,
  });
}
