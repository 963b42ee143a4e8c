/**
 * Screenshots for the README, taken headless in Debian's Chromium against the built app.
 * Usage: npm run build && npx tsx scripts/screenshots.ts   (starts `vite preview` itself)
 *        npx tsx scripts/screenshots.ts data-report-zh.png   (only the shots named)
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
  /** Clicked in order once the page is ready (then the waits are awaited again). */
  click?: string[];
  /** A file chosen in the import picker, then imported; the shot waits for the report. */
  upload?: string;
}[] = [
  { file: 'overview-zh.png', path: '' },
  { file: 'overview-en.png', path: '?lang=en' },
  // The Atlas at the two screens it is judged on: a 1366 × 768 laptop and a 1920 × 1080 projector.
  {
    file: 'atlas-1366-zh.png',
    path: '?view=atlas&chain=nev',
    wait: [ATLAS_READY, MAP_READY],
    width: 1366,
    height: 768,
    settleMs: 800,
  },
  {
    file: 'atlas-1366-en.png',
    path: '?lang=en&view=atlas&chain=pv&ov=role',
    wait: [ATLAS_READY, MAP_READY],
    width: 1366,
    height: 768,
    settleMs: 800,
  },
  {
    file: 'atlas-1920-zh.png',
    path: '?view=atlas&chain=nev&link=nev.cell',
    wait: [ATLAS_READY, MAP_READY],
    width: 1920,
    height: 1080,
    settleMs: 800,
  },
  {
    file: 'atlas-1920-en.png',
    path: '?lang=en&view=atlas&chain=ic&ov=gap&prov=江苏',
    wait: [ATLAS_READY, MAP_READY],
    width: 1920,
    height: 1080,
    settleMs: 800,
  },
  // Round comparison (issue 14): the way a user gets there, with the panel the comparison opens.
  {
    file: 'rounds-zh.png',
    path: '?view=atlas&chain=tex',
    wait: [ATLAS_READY, MAP_READY],
    click: ['[data-testid="rounds-compare"]'],
    width: 1366,
    height: 768,
    settleMs: 1500,
  },
  {
    file: 'rounds-en.png',
    path: '?lang=en&view=atlas&chain=tex',
    wait: [ATLAS_READY, MAP_READY],
    click: ['[data-testid="rounds-compare"]'],
    width: 1920,
    height: 1080,
    settleMs: 1500,
  },
  {
    file: 'scenario-zh.png',
    path: '?view=atlas&chain=nev&scn=withdraw_type~joint_stock_bank~nev',
    wait: [ATLAS_READY, MAP_READY],
    click: ['[data-testid="panel-toggle"]'],
    width: 1920,
    height: 1080,
    settleMs: 1500,
  },
  {
    file: 'scenario-en.png',
    path: '?lang=en&view=atlas&chain=nev&scn=withdraw_type~joint_stock_bank~nev',
    wait: [ATLAS_READY, MAP_READY],
    click: ['[data-testid="panel-toggle"]'],
    width: 1366,
    height: 768,
    settleMs: 1500,
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
    file: 'data-report-zh.png',
    path: '?view=data',
    wait: ['[data-testid="view-data"]'],
    upload: 'tests/fixtures/import/enterprises.mistakes.csv',
    width: 1366,
    height: 768,
  },
  {
    file: 'meeting-zh.png',
    path: '?view=meeting&chain=nev',
    wait: ['[data-testid="view-meeting"]'],
  },
  {
    file: 'present-scene-1.png',
    path: '?view=present&meeting=m-nev-ningde&scene=1',
    wait: ['[data-testid="scene"]', ATLAS_READY],
    settleMs: 1500,
    width: 1920,
    height: 1080,
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
    const only = process.argv.slice(2);
    for (const shot of SHOTS.filter((s) => only.length === 0 || only.includes(s.file))) {
      const page = await browser.newPage({
        viewport: { width: shot.width ?? 1440, height: shot.height ?? 900 },
        deviceScaleFactor: 1,
      });
      if (shot.print) await page.emulateMedia({ media: 'print' });
      await page.goto(BASE + shot.path);
      for (const selector of shot.wait ?? ['[data-testid="chain-table"]']) {
        await page.waitForSelector(selector, { timeout: 60_000, state: 'attached' });
      }
      if (shot.click) {
        for (const selector of shot.click) await page.click(selector);
        for (const selector of shot.wait ?? []) {
          await page.waitForSelector(selector, { timeout: 60_000, state: 'attached' });
        }
      }
      if (shot.upload) {
        await page.getByTestId('import-file-input').setInputFiles(shot.upload);
        await page.getByTestId('import-start').click();
        await page.getByTestId('summary-total').waitFor({ timeout: 60_000 });
        await page.evaluate(() => window.scrollTo(0, 0));
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
