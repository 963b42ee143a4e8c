import { readFileSync } from 'node:fs';
import { analyzeDataset } from '../../src/analysis/analyze';
import { chainOverview } from '../../src/analysis/overview';
import { DatasetSchema } from '../../src/domain/schema';
import { columnFormatter, formatShare } from '../../src/i18n/format';
import { DEMO_FILE, routeEditedDemo } from './demo-route';
import { expect, test } from './fixtures';

const demo = DatasetSchema.parse(JSON.parse(readFileSync('data/demo.v1.json', 'utf8')));
const overview = new Map(chainOverview(analyzeDataset(demo)).map((r) => [r.chainId, r]));
// One unit and precision per column (issue 11): chosen from the column's largest figure.
const needFmt = columnFormatter(
  [...overview.values()].map((r) => r.need),
  'zh',
);
const gapFmt = columnFormatter(
  [...overview.values()].map((r) => r.gap),
  'zh',
);

// Expected figures come from domain.md §3/§4.2 (links and demo enterprises per chain), not from the app.
const CHAINS = [
  { id: 'nev', zh: '新能源汽车及动力电池', links: 17, enterprises: 256 },
  { id: 'ic', zh: '集成电路', links: 15, enterprises: 232 },
  { id: 'pv', zh: '光伏', links: 16, enterprises: 220 },
  { id: 'cm', zh: '工程机械', links: 16, enterprises: 180 },
  { id: 'tex', zh: '纺织服装', links: 14, enterprises: 210 },
  { id: 'app', zh: '智能家电', links: 14, enterprises: 186 },
  { id: 'rail', zh: '轨道交通装备', links: 16, enterprises: 178 },
  { id: 'robot', zh: '工业机器人', links: 14, enterprises: 218 },
];

test('the first screen lists the eight chains with their figures', async ({ page }) => {
  await page.goto('./');
  const table = page.getByTestId('chain-table');
  await expect(table).toBeVisible();
  await expect(table.locator('tbody tr')).toHaveCount(8);
  for (const chain of CHAINS) {
    const row = table.locator(`tr[data-chain="${chain.id}"]`);
    await expect(row.locator('th')).toContainText(chain.zh);
    await expect(row.locator('[data-col="links"]')).toHaveText(String(chain.links));
    await expect(row.locator('[data-col="enterprises"]')).toHaveText(String(chain.enterprises));
    // The screen shows what the analysis computes, and the demo has real need, gap and coverage.
    const want = overview.get(chain.id)!;
    expect(want.gap).toBeGreaterThan(0);
    expect(want.smeCoverage).toBeGreaterThan(0);
    await expect(row.locator('[data-col="need"]')).toHaveText(needFmt.format(want.need));
    await expect(row.locator('[data-col="gap"] .value')).toHaveText(gapFmt.format(want.gap));
    await expect(row.locator('[data-col="smeCoverage"] .value')).toHaveText(
      formatShare(want.smeCoverage, 'zh'),
    );
    await expect(row.locator('[data-col="need"]')).toHaveText(/^[\d.,]+(万元|亿元)$/);
  }
  await expect(table.locator('tfoot')).toContainText('1,680');
  await expect(page.getByTestId('synthetic-watermark')).toHaveText(
    '示例数据（合成） · SYNTHETIC DEMO DATA',
  );
  await expect(page.getByTestId('as-of')).toContainText('2025-06-30');
});

test('switching to English changes the labels and the URL, and back restores Chinese', async ({
  page,
}) => {
  await page.goto('./');
  await expect(page.getByRole('heading', { name: '重点产业链总览' })).toBeVisible();
  await page.getByTestId('lang-toggle').click();
  await expect(page.getByRole('heading', { name: 'Key industrial chains' })).toBeVisible();
  await expect(page).toHaveURL(/\?lang=en$/);
  await expect(page.locator('tr[data-chain="nev"] th .chain')).toHaveText(
    'New-energy vehicles & power batteries',
  );
  await expect(page.locator('tr[data-chain="nev"] [data-col="gap"] .value')).toHaveText(
    /^CNY [\d.,]+(m|bn)$/,
  );
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  // One unit and one precision down the gap column: never “CNY 2bn” beside “CNY 2.3bn”.
  const gaps = await page.locator('tbody [data-col="gap"] .value').allInnerTexts();
  expect(gaps).toHaveLength(8);
  const shape = (t: string) => t.replace(/\d/g, '9').replace(/9+(,9+)*/, 'N');
  expect(new Set(gaps.map(shape)).size, gaps.join(' | ')).toBe(1);
  await page.goBack();
  await expect(page.getByRole('heading', { name: '重点产业链总览' })).toBeVisible();
});

test('a link in English opens in English; a malformed parameter is reset with a notice', async ({
  page,
}) => {
  await page.goto('./?lang=en');
  await expect(page.getByRole('heading', { name: 'Key industrial chains' })).toBeVisible();
  await page.goto('./?lang=xx');
  await expect(page.getByRole('status')).toContainText('lang=xx');
  await expect(page.getByRole('heading', { name: '重点产业链总览' })).toBeVisible();
});

test('a corrupt dataset shows a bilingual error naming what failed, not a blank page', async ({
  page,
}) => {
  await routeEditedDemo(page, (data) => {
    data.enterprises[3]!.financingNeed = -50;
  });
  await page.goto('./');
  const panel = page.getByTestId('error-panel');
  await expect(panel).toBeVisible();
  await expect(panel).toContainText('数据无法加载');
  await expect(panel).toContainText('The data could not be loaded');
  await expect(panel).toContainText('enterprises.3.financingNeed');
  await expect(page.getByRole('banner')).toContainText('产业链金融地图');
});

test('a missing dataset file shows the fetch error', async ({ page }) => {
  await page.route(DEMO_FILE, (route) => route.fulfill({ status: 404, body: 'not found' }));
  await page.goto('./');
  await expect(page.getByTestId('error-panel')).toContainText('无法获取数据文件');
  await expect(page.getByTestId('error-panel')).toContainText('HTTP 404');
});

test('English at 1366 × 768: the header holds one line, every tab and the language button whole', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  for (const q of ['?lang=en', '?lang=en&view=coverage&chain=nev&bank=b-ccb-changzhou']) {
    await page.goto(`./${q}`);
    await expect(page.getByTestId('lang-toggle')).toHaveText('中文');
    const boxes = await page.evaluate(() => {
      const els = [
        ...document.querySelectorAll<HTMLElement>('[data-testid="nav"] button'),
        document.querySelector<HTMLElement>('[data-testid="lang-toggle"]')!,
      ];
      return els.map((el) => {
        const r = el.getBoundingClientRect();
        const line = parseFloat(getComputedStyle(el).lineHeight) || 20;
        return {
          text: el.textContent,
          bottom: Math.round(r.bottom),
          lines: el.clientHeight / line,
          sw: el.scrollWidth,
          cw: el.clientWidth,
        };
      });
    });
    // One row: every tab ends on the same line; none wraps or is cut.
    const bottoms = new Set(boxes.slice(0, -1).map((b) => b.bottom));
    expect(bottoms.size, JSON.stringify(boxes)).toBe(1);
    for (const b of boxes) {
      expect(b.sw, b.text ?? '').toBeLessThanOrEqual(b.cw);
      expect(b.lines, b.text ?? '').toBeLessThan(2);
    }
    const bar = page.getByTestId('context-bar');
    const [sw, cw, h] = await bar.evaluate((el) => [
      el.scrollWidth,
      el.clientWidth,
      el.clientHeight,
    ]);
    expect(sw).toBeLessThanOrEqual(cw);
    expect(h).toBeLessThan(48);
    const doc = await page.evaluate(() => [
      document.documentElement.scrollWidth,
      document.documentElement.clientWidth,
    ]);
    expect(doc[0]).toBeLessThanOrEqual(doc[1]!);
  }
});
