/**
 * Screenshots for the README, taken headless in Debian's Chromium against the built app.
 * Usage: npm run build && npx tsx scripts/screenshots.ts   (starts `vite preview` itself)
 */
import { launchChromium, startPreview, waitForServer } from './preview';

const PORT = 4179;
const BASE = `http://127.0.0.1:${PORT}/`;
const ATLAS_READY = '[data-testid="chain-graph"][data-ready="true"]';
const MAP_READY = '[data-testid="map"][data-ready="true"]';
const SHOTS: {
  file: string;
  path: string;
  wait?: string[];
  width?: number;
  height?: number;
  print?: boolean;
  /** Extra wait for views without a readiness flag for everything they draw. */
  settleMs?: number;
}[] = [
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
  {
    file: 'coverage-zh.png',
    path: '?view=coverage&chain=nev&bank=b-ccb-changzhou',
    wait: ['[data-testid="view-coverage"]'],
    settleMs: 2500,
  },
  {
    file: 'policy-print-zh.png',
    path: '?view=policy&chain=nev',
    wait: ['[data-testid="view-policy"]'],
    width: 900,
    height: 1270,
    print: true,
  },
  {
    file: 'meeting-zh.png',
    path: '?view=meeting&chain=nev',
    wait: ['[data-testid="view-meeting"]'],
  },
  {
    file: 'present-scene-2.png',
    path: '?view=present&meeting=m-nev-ningde&scene=2',
    wait: ['[data-testid="scene"]'],
    settleMs: 8000,
    width: 1920,
    height: 1080,
  },
  {
    file: 'present-scene-6.png',
    path: '?view=present&meeting=m-nev-ningde&scene=6',
    wait: ['[data-testid="scene"]'],
    settleMs: 4000,
    width: 1920,
    height: 1080,
  },
];

async function main() {
  const server = startPreview(process.cwd(), PORT);
  try {
    await waitForServer(BASE);
    const browser = await launchChromium();
    for (const shot of SHOTS) {
      const page = await browser.newPage({
        viewport: { width: shot.width ?? 1440, height: shot.height ?? 900 },
        deviceScaleFactor: 1,
      });
      if (shot.print) await page.emulateMedia({ media: 'print' });
      await page.goto(BASE + shot.path);
      for (const selector of shot.wait ?? ['[data-testid="chain-table"]']) {
        await page.waitForSelector(selector, { timeout: 60_000, state: 'attached' });
      }
      await page.evaluate(() => document.fonts.ready);
      if (shot.settleMs) await page.waitForTimeout(shot.settleMs);
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
