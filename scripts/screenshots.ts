/**
 * Screenshots for the README, taken headless in Debian's Chromium against the built app.
 * Usage: npm run build && npx tsx scripts/screenshots.ts   (starts `vite preview` itself)
 */
import { chromium } from '@playwright/test';
import { execFileSync, spawn } from 'node:child_process';

const PORT = 4179;
const BASE = `http://127.0.0.1:${PORT}/`;
const ATLAS_READY = '[data-testid="chain-graph"][data-ready="true"]';
const MAP_READY = '[data-testid="map"][data-ready="true"]';
const SHOTS: { file: string; path: string; wait?: string[]; width?: number; height?: number }[] = [
  { file: 'overview-zh.png', path: '' },
  { file: 'overview-en.png', path: '?lang=en' },
  {
    file: 'atlas-zh.png',
    path: '?view=atlas&chain=nev&link=nev.cell',
    wait: [ATLAS_READY, MAP_READY],
  },
  {
    file: 'atlas-en.png',
    path: '?lang=en&view=atlas&chain=ic&ov=role&ent=e-ic-wuxi-021&map=120.3,31.6,7.2',
    wait: [ATLAS_READY, MAP_READY],
  },
];

async function main() {
  const server = spawn(
    'npx',
    ['vite', 'preview', '--host', '127.0.0.1', '--port', String(PORT), '--strictPort'],
    {
      stdio: 'ignore',
    },
  );
  try {
    for (let i = 0; i < 50; i++) {
      try {
        await fetch(BASE);
        break;
      } catch {
        await new Promise((r) => setTimeout(r, 200));
      }
    }
    const browser = await chromium.launch({
      executablePath: execFileSync('sh', ['-c', 'command -v chromium'], {
        encoding: 'utf8',
      }).trim(),
      args: [
        '--no-sandbox',
        '--enable-unsafe-swiftshader',
        '--disable-background-networking',
        '--disable-features=NetworkTimeServiceQuerying',
        '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost',
      ],
    });
    for (const shot of SHOTS) {
      const page = await browser.newPage({
        viewport: { width: shot.width ?? 1440, height: shot.height ?? 900 },
        deviceScaleFactor: 1,
      });
      await page.goto(BASE + shot.path);
      for (const selector of shot.wait ?? ['[data-testid="chain-table"]']) {
        await page.waitForSelector(selector, { timeout: 30_000 });
      }
      await page.evaluate(() => document.fonts.ready);
      await page.screenshot({ path: `docs/screenshots/${shot.file}` });
      await page.close();
      console.log(`docs/screenshots/${shot.file}`);
    }
    await browser.close();
  } finally {
    server.kill();
  }
}

await main();
