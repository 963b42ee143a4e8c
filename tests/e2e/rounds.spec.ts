import type { Download, Page } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

test('an import saved as a new round of a saved dataset is compared with it, figure by hand', async ({
  page,
}) => {
  // The fixtures' credit lines are live on 2025-06-30 (tests/fixtures/import/README.md).
  await page.clock.setFixedTime(new Date('2025-06-30T10:00:00+08:00'));
  const dir = 'tests/fixtures/import';
  // Round 2 three months on: one more line, 宜宾川锂 (need 1,500万元, no credit before) gets
  // 1,000万元 from 国有大型商业银行A.
  const round2 = join(tmpdir(), 'credit_relations.round2.csv');
  writeFileSync(
    round2,
    readFileSync(join(dir, 'credit_relations.clean.csv'), 'utf8').trimEnd() +
      '\r\n91511502MA62QW1EXU,国有大型商业银行A（示例）,国有大型商业银行,流动资金贷款,1000,0,3.2,信用,,2025-06-20,2026-06-20,是\r\n',
  );
  const importAs = async (files: string[], name: string, roundOf: string | null) => {
    await page.goto('./?view=data');
    await page.getByTestId('import-file-input').setInputFiles(files);
    await expect(page.getByTestId('import-files').locator('tbody tr')).toHaveCount(files.length);
    await page.getByTestId('import-picker').getByTestId('dataset-name').fill(name);
    await page.getByTestId('import-start').click();
    await expect(page.getByTestId('import-report')).toBeVisible({ timeout: 30_000 });
    if (roundOf) await page.getByTestId('save-as').selectOption({ label: `“${roundOf}”的新一轮` });
    await page.getByTestId('save-locally').click();
    await expect(page.getByTestId('import-saved')).toContainText(name);
  };
  const clean = (f: string) => join(dir, `${f}.clean.csv`);
  await importAs(
    [clean('enterprises'), clean('credit_relations'), clean('supply_edges')],
    '会前',
    null,
  );
  await importAs([clean('enterprises'), round2, clean('supply_edges')], '会后', '会前');
  await expect(page.getByTestId('import-saved')).toContainText('作为“会前”的新一轮');
  // The dataset the round belongs to is the active one; the list says what the new one is.
  await expect(page.getByTestId('active-dataset')).toContainText('会前');
  const list = page.getByTestId('dataset-list');
  await expect(
    list.locator('li').filter({ hasText: '会后' }).getByTestId('dataset-kind'),
  ).toHaveText('“会前”的后续轮次');

  // The fixtures have no docking batches: the saved round is round 2.
  await page.getByTestId('report-compare-rounds').click();
  await expect(page).toHaveURL(/view=atlas.*cmp=1\.\.2|cmp=1\.\.2.*view=atlas/);
  await page.goto('./?view=atlas&chain=nev&cmp=1..2');
  await waitDrawn(page);
  await expect(page.getByTestId('rounds-label')).toBeVisible();
  // Δ gap of the lithium link: max(0, 1,500 − 1,000) − 1,500 = −1,000万元; nothing else moved.
  const csv = await downloadedCsv(page, 'compare-export-csv');
  const [header = [], ...rows] = csv.rows;
  const gapAt = header.indexOf('缺口变化（万元） / Δ gap (10k CNY)');
  const approvedAt = header.findIndex((h) => h.includes('Δ approved'));
  const lithium = rows.find((r) => r[0] === '锂矿及锂盐');
  expect(lithium?.[gapAt]).toBe('-1000');
  expect(lithium?.[approvedAt]).toBe('1000');
  // Every other link of the chain is unchanged (footer lines have no such column).
  const moved = rows.filter((r) => (r[gapAt] ?? '0') !== '0' && r[gapAt] !== '').map((r) => r[0]);
  expect(moved).toEqual(['锂矿及锂盐']);
  expect(csv.text).toContain('第1轮 → 第2轮');

  // Unpaired on the Data page, the dataset has no round 2 any more: the link says so.
  await page.goto('./?view=data');
  await list.locator('li').filter({ hasText: '会后' }).getByTestId('pair-dataset').selectOption('');
  await expect(page.getByTestId('dataset-status')).toContainText('不再是其他数据集的轮次');
  await page.goto('./?view=atlas&chain=nev&cmp=1..2');
  await expect(page.getByText('unknown round: 2')).toBeVisible();

  // On a laptop: paired with the demo instead, the pairing control stays inside its card …
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto('./?view=data');
  // By its name (the other dataset's pairing list names it too).
  const after = list
    .locator('li')
    .filter({ has: page.getByTestId('dataset-name').getByText('会后', { exact: true }) });
  await after.getByTestId('pair-dataset').selectOption({ label: '示例数据（合成）' });
  await expect(page.getByTestId('dataset-status')).toContainText('“示例数据（合成）”的后续轮次');
  const card = await list.boundingBox();
  const select = await after.getByTestId('pair-dataset').boundingBox();
  expect(select && card && select.x + select.width).toBeLessThanOrEqual(
    (card?.x ?? 0) + (card?.width ?? 0),
  );
  // … and the demo has three rounds (its meeting outcomes are round 2, the import round 3): the
  // comparison bar offers before and after in one row, the canvases keep their room.
  await list.locator('li[data-dataset="demo-v1"]').getByTestId('use-dataset').click();
  // The switch is saved before the page is left (a navigation right after the click could reload
  // with the import still active: CI saw it once).
  await expect(
    list.locator('li[data-dataset="demo-v1"]').getByTestId('active-badge'),
  ).toBeVisible();
  await page.goto('./?view=atlas&chain=nev&cmp=1..3');
  await waitDrawn(page);
  await expect(page.getByTestId('round-from')).toHaveValue('1');
  await expect(page.getByTestId('round-to')).toHaveValue('3');
  await expect(page.getByTestId('round-to').locator('option:checked')).toHaveText(
    '第3轮 · 会后 · 2025-06-30',
  );
  const bar = page.getByTestId('compare-bar');
  const barBox = await bar.boundingBox();
  const fromBox = await page.getByTestId('round-from').boundingBox();
  const legendBox = await page.getByTestId('delta-legend').boundingBox();
  // One row: the pickers and the legend share a line, and nothing overflows the bar.
  expect(Math.abs((fromBox?.y ?? 0) - (legendBox?.y ?? 100))).toBeLessThan(12);
  expect(await bar.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
  expect(barBox?.height ?? 100).toBeLessThan(40);
  expect(
    await page
      .getByTestId('round-from')
      .evaluate((el) => parseFloat(getComputedStyle(el).fontSize)),
  ).toBeGreaterThanOrEqual(12);
});
