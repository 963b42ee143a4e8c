import type { Download, Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { DELTA_COLORS } from '../../src/overlays/delta';
import { VERDICT_COLORS } from '../../src/overlays/overlays';
import { expect, test } from './fixtures';

// A large screen: the detail panel (where the comparison is listed) is open beside the canvases.
test.use({ viewport: { width: 1680, height: 1050 } });

async function waitDrawn(page: Page) {
  await expect(page.getByTestId('chain-graph')).toHaveAttribute('data-ready', 'true');
  await expect(page.getByTestId('map')).toHaveAttribute('data-ready', 'true', { timeout: 30_000 });
}

/** The rows of a CSV the page downloads when `testid` is clicked (BOM and footer off). */
async function downloadedCsv(page: Page, testid: string) {
  const [d]: [Download, unknown] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId(testid).click(),
  ]);
  const path = await d.path();
  const text = readFileSync(path)
    .toString('utf8')
    .replace(/^\uFEFF/, '');
  const rows = Papa.parse<string[]>(text, { newline: '\r\n' }).data;
  return { name: d.suggestedFilename(), text, rows };
}

/** A link card's data as cytoscape holds it: its verdict colour and its change line. */
function card(page: Page, linkId: string) {
  return page.getByTestId('chain-graph').evaluate((el, id) => {
    const cy = (el as unknown as { chainAtlasCy: import('cytoscape').Core }).chainAtlasCy;
    const node = cy.getElementById(id);
    return {
      color: String(node.data('color')),
      delta: String(node.data('delta') ?? ''),
      label: String(node.data('label')),
    };
  }, linkId);
}

/** The colours of the drawn firms whose primary link is `linkId`. */
function firmColours(page: Page, linkId: string) {
  return page.getByTestId('map').evaluate((el, id) => {
    const m = (el as unknown as { chainAtlasMap: import('maplibre-gl').Map }).chainAtlasMap;
    const shown = m
      .queryRenderedFeatures({ layers: ['enterprise-circles'] })
      .filter((f) => f.properties['linkId'] === id && (f.state as { shown?: boolean }).shown);
    return [...new Set(shown.map((f) => String((f.state as { color?: string }).color)))];
  }, linkId);
}

test('the compare view shows what round 2 changed, with the figure worked out by hand', async ({
  page,
}) => {
  await page.goto('./?view=atlas&chain=tex');
  await waitDrawn(page);
  await page.getByTestId('rounds-compare').click();
  await expect(page).toHaveURL(/cmp=1\.\.2/);
  await waitDrawn(page);

  // Chemical fibres (化学纤维) at the Shaoxing meeting, from the demo's batches:
  //   e-tex-shaoxing-013, gap 70, approved by 2 banks → 35 + 35;
  //   e-tex-shaoxing-028, gap 16,920, approved by 2 banks → 8,460 + 8,460;
  //   e-tex-shaoxing-016, gap 1,070, disbursed by 1 bank → 1,070.
  // Δ gap = −(70 + 16,920 + 1,070) = −18,060 万元 = −1.8亿元 (one decimal, the column's unit).
  // Verdict: 8 of 20 SMEs covered and need met 30,110 ÷ 75,388 = 0.40 < 0.50 → underfunded;
  // after, 10 of 20 (0.50 < 0.70) and 48,170 ÷ 75,388 = 0.64 → partial.
  const row = page.locator('[data-testid="compare-table"] tr[data-key="tex.chemfiber"]');
  await expect(row).toHaveAttribute('data-verdict-changed', 'true');
  await expect(row).toContainText('满足不足');
  await expect(row).toContainText('部分覆盖');
  await expect(row.locator('td.num').first()).toHaveText('−1.8');
  await expect(page.locator('[data-testid="compare-table"] thead th').nth(2)).toHaveText(
    'Δ缺口（亿元）',
  );
  // Rows whose verdict changed come first.
  await expect(page.locator('[data-testid="compare-table"] tbody tr').first()).toHaveAttribute(
    'data-verdict-changed',
    'true',
  );
  // The trace names the five credit lines that made the change.
  await row.locator('details summary').click();
  await expect(row.locator('details li')).toHaveCount(5);

  const chem = await card(page, 'tex.chemfiber');
  expect(chem.color).toBe(VERDICT_COLORS.partial);
  expect(chem.delta).toBe('−1.8亿元\n判定变化');

  // The map: Zhejiang (Shaoxing) holds the largest fall of the chain's gap → dark blue.
  const zhejiang = await page.getByTestId('map').evaluate((el) => {
    const m = (el as unknown as { chainAtlasMap: import('maplibre-gl').Map }).chainAtlasMap;
    return m.getFeatureState({ source: 'provinces', id: '浙江' })['color'] as string;
  });
  expect(zhejiang).toBe(DELTA_COLORS.down_big);

  // The export carries the same figure in 万元, and says what was compared.
  const csv = await downloadedCsv(page, 'compare-export-csv');
  expect(csv.name).toBe('轮次对比_tex_2025-06-30.csv');
  const [header = [], ...rows] = csv.rows;
  const chemRow = rows.find((r) => r[0] === '化学纤维（涤纶/锦纶/氨纶）');
  expect(chemRow?.[header.indexOf('缺口变化（万元） / Δ gap (10k CNY)')]).toBe('-18060');
  expect(chemRow?.[header.indexOf('判定（后） / Verdict after')]).toBe('部分覆盖');
  expect(csv.text).toContain('轮次对比：第1轮 → 第2轮');

  // The presentation gets a last scene: what this round achieved, with the same link.
  await page.getByTestId('rounds-present').click();
  await expect(page.getByTestId('scene-counter')).toHaveText('7 / 7');
  await expect(page.getByTestId('scene-title')).toHaveText('本轮成效');
  const scene = page.getByTestId('scene-round');
  await expect(scene.locator('li[data-link="tex.chemfiber"]')).toContainText('部分覆盖');
  await page.goBack();
  await waitDrawn(page);

  await page.getByTestId('rounds-stop').click();
  await expect(page).not.toHaveURL(/cmp=/);
  await expect(page.getByTestId('compare-panel')).toHaveCount(0);
});

test('a scenario changes a named link’s verdict on the graph and the map, and is removed', async ({
  page,
}) => {
  // Shenzhen's NEV firms: the map is close enough to draw each firm.
  await page.goto('./?view=atlas&chain=nev&city=shenzhen');
  await waitDrawn(page);
  expect((await card(page, 'nev.anode')).color).toBe(VERDICT_COLORS.partial);
  expect(await firmColours(page, 'nev.anode')).toEqual([VERDICT_COLORS.partial]);

  // Joint-stock banks leave the NEV chain: their lines to anode makers in Shenzhen lapse, and
  // fewer than 40 % of the link's SMEs there keep a lender → uncovered.
  await page.getByTestId('scenario-open').click();
  await page.getByTestId('scenario-kind').selectOption('withdraw_type');
  await page.getByTestId('scenario-type').selectOption('joint_stock_bank');
  await page.getByTestId('scenario-apply').click();
  await expect
    .poll(() => new URL(page.url()).searchParams.get('scn'))
    .toBe('withdraw_type~joint_stock_bank~nev');
  await waitDrawn(page);

  await expect(page.getByTestId('scenario-label')).toHaveText('情景模拟');
  await expect(page.getByTestId('header-scenario')).toContainText('情景模拟');
  await expect(page.getByTestId('compare-panel')).toHaveAttribute('data-mode', 'scenario');
  await expect(page.getByTestId('scenario-text')).toContainText('股份制');
  const anode = await card(page, 'nev.anode');
  expect(anode.color).toBe(VERDICT_COLORS.uncovered);
  expect(anode.delta).toContain('判定变化');
  expect(await firmColours(page, 'nev.anode')).toEqual([VERDICT_COLORS.uncovered]);

  // Its export says it is a scenario, in the first header and the footer.
  const csv = await downloadedCsv(page, 'compare-export-csv');
  expect(csv.name).toBe('情景模拟_nev_2025-06-30.csv');
  expect(csv.rows[0]?.[0]).toBe('情景模拟 Scenario · 名称 / Name');
  expect(csv.text).toContain('情景模拟：股份制商业银行（全部）退出新能源汽车及动力电池');

  // The scenario is in the URL: a reload shows it again.
  await page.reload();
  await waitDrawn(page);
  expect((await card(page, 'nev.anode')).color).toBe(VERDICT_COLORS.uncovered);

  await page.getByTestId('scenario-remove').click();
  await expect(page).not.toHaveURL(/scn=/);
  await waitDrawn(page);
  await expect(page.getByTestId('scenario-label')).toHaveCount(0);
  expect((await card(page, 'nev.anode')).color).toBe(VERDICT_COLORS.partial);
  expect(await firmColours(page, 'nev.anode')).toEqual([VERDICT_COLORS.partial]);
});

test('in bank perspective the comparison names no other bank and lists only its own lines', async ({
  page,
}) => {
  const demo = JSON.parse(readFileSync('data/demo.v1.json', 'utf8')) as {
    banks: { id: string; nameZh: string }[];
  };
  const mine = 'b-ccb-shaoxing';
  await page.goto(`./?view=atlas&chain=tex&cmp=1..2&bank=${mine}`);
  await waitDrawn(page);
  const panel = page.getByTestId('compare-panel');
  await panel.locator('[data-tab="banks"]').click();
  // Several banks served the Shaoxing batches; only this one has a row, the others are counted.
  await expect(panel.locator('[data-testid="compare-table"] tbody tr')).toHaveCount(1);
  await expect(panel.locator(`tr[data-key="${mine}"]`)).toHaveCount(1);
  await expect(page.getByTestId('compare-banks-hidden')).toBeVisible();
  // Chemical fibres: 5 changed lines, 2 of them this bank's (e-013 and e-028), 3 only counted.
  await panel.locator('[data-tab="links"]').click();
  const chem = panel.locator('tr[data-key="tex.chemfiber"]');
  await chem.locator('details summary').click();
  await expect(chem.locator('details summary')).toContainText('5');
  await expect(chem.locator('details li')).toHaveCount(3);
  await expect(chem.locator('details li').last()).toContainText('其他机构的授信 3 笔');
  const text = await panel.innerText();
  for (const b of demo.banks) {
    if (b.id !== mine) expect(text, b.id).not.toContain(b.nameZh);
  }
});
