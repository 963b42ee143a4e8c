import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { analyzeDataset } from '../../src/analysis/analyze';
import { rankUncoveredLinks } from '../../src/analysis/coverage';
import {
  buildCoverageMatrix,
  explainPriority,
  isSmallCount,
  scopeEnterprises,
  sortMatrixRows,
} from '../../src/analysis/coverage-view';
import { bankWhiteSpace } from '../../src/analysis/white-space';
import { DatasetSchema, isLenderType, type InstitutionType } from '../../src/domain/schema';
import { columnFormatter, formatCount, formatShare } from '../../src/i18n/format';
import { INSTITUTION_LABELS } from '../../src/i18n/labels';
import { expect, test } from './fixtures';

const demo = DatasetSchema.parse(JSON.parse(readFileSync('data/demo.v1.json', 'utf8')));
const analysis = analyzeDataset(demo);
const nev = demo.chains.find((c) => c.id === 'nev')!;
const scope = { chainId: 'nev' };
const matrix = buildCoverageMatrix(analysis, scope, { byType: true });
const lenders = demo.banks.filter((b) => isLenderType(b.type));

/** The map has drawn the current state (it clears data-ready while redrawing). */
async function mapDrawn(page: Page) {
  await expect(page.getByTestId('map')).toHaveAttribute('data-ready', 'true', { timeout: 30_000 });
}

/** Link ids of the matrix rows, top to bottom. */
const rowOrder = (page: Page) =>
  page
    .getByTestId('coverage-matrix')
    .locator('g[role="row"]')
    .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-link')));

test('the matrix: links × institution types; “<3” only where the perspective requires it', async ({
  page,
}) => {
  await page.goto('./?view=coverage&chain=nev&persp=public');
  await expect(page.getByTestId('view-coverage')).toBeVisible();
  await expect.poll(() => rowOrder(page)).toEqual(nev.linkIds);

  // One column per lender type present, in §2.8 order.
  const columnKeys = await page
    .getByTestId('coverage-matrix')
    .locator('g.col')
    .evaluateAll((cols) => cols.map((c) => c.getAttribute('data-column')));
  expect(columnKeys).toEqual(matrix.columns.map((c) => c.key));
  expect(columnKeys.every((k) => k?.startsWith('type:'))).toBe(true);

  // On a public screen a type serving one or two SMEs of a link shows “<3”; more show count and share.
  const small = [...matrix.cells.values()].find((c) => isSmallCount(c.smesServed))!;
  const large = [...matrix.cells.values()].find((c) => c.smesServed >= 3)!;
  expect(small).toBeDefined();
  expect(large).toBeDefined();
  const cell = (linkId: string, key: string) =>
    page.locator(`g[role="row"][data-link="${linkId}"] g[role="gridcell"][data-column="${key}"]`);
  await expect(cell(small.linkId, small.key)).toHaveText('<3');
  await expect(cell(large.linkId, large.key)).toHaveText(
    `${large.smesServed}${formatShare(large.share, 'zh')}`,
  );

  // Hover explains the cell in words: the type, the link, n of N SMEs.
  await cell(large.linkId, large.key).hover();
  const type = large.key.replace('type:', '') as InstitutionType;
  const link = demo.links.find((l) => l.id === large.linkId)!;
  await expect(page.getByTestId('cell-detail')).toContainText(INSTITUTION_LABELS[type].zh);
  await expect(page.getByTestId('cell-detail')).toContainText(link.nameZh);
  await expect(page.getByTestId('cell-detail')).toContainText(
    `服务 ${large.smesServed} / ${large.smes} 家中小企业`,
  );
  // The detail of a “<3” cell does not give the number away either.
  await cell(small.linkId, small.key).hover();
  await expect(page.getByTestId('cell-detail')).toContainText('不足3家');

  // The department sees the real count in the same cell.
  await page.goto('./?view=coverage&chain=nev');
  await expect(cell(small.linkId, small.key)).toHaveText(
    `${small.smesServed}${formatShare(small.share, 'zh')}`,
  );

  // Keyboard: the matrix is one focus stop; arrow keys move and explain, Enter maps the link.
  const [firstLink, secondLink] = nev.linkIds.map((id) => demo.links.find((l) => l.id === id)!);
  await page.locator('g[role="gridcell"][tabindex="0"]').focus();
  await expect(page.getByTestId('cell-detail')).toContainText(firstLink!.nameZh);
  await page.keyboard.press('ArrowDown');
  await expect(page.getByTestId('cell-detail')).toContainText(secondLink!.nameZh);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('map-link-select')).toHaveValue(secondLink!.id);
});

test('sorting changes the row order as the analysis says', async ({ page }) => {
  await page.goto('./?view=coverage&chain=nev');
  await expect.poll(() => rowOrder(page)).toEqual(nev.linkIds);

  await page.getByTestId('row-order').locator('[data-order="gap"]').click();
  const byGap = sortMatrixRows(matrix.rows, 'gap').map((r) => r.linkId);
  expect(byGap).not.toEqual(nev.linkIds);
  await expect.poll(() => rowOrder(page)).toEqual(byGap);

  await page.getByTestId('row-order').locator('[data-order="coverage"]').click();
  const byCoverage = sortMatrixRows(matrix.rows, 'coverage').map((r) => r.linkId);
  await expect.poll(() => rowOrder(page)).toEqual(byCoverage);
  // The least covered link comes first: its share is the lowest of the chain.
  const shares = matrix.rows.map((r) => r.share ?? Infinity);
  expect(matrix.rows.find((r) => r.linkId === byCoverage[0])?.share).toBe(Math.min(...shares));

  await page.getByTestId('row-order').locator('[data-order="chain"]').click();
  await expect.poll(() => rowOrder(page)).toEqual(nev.linkIds);
});

test('the uncovered links are ranked by priority and put the chosen link on the map', async ({
  page,
}) => {
  const ranked = rankUncoveredLinks(analysis, scopeEnterprises(analysis, scope), 'link');
  expect(ranked.length).toBeGreaterThan(1);
  await page.goto('./?view=coverage&chain=nev');
  await mapDrawn(page);
  const items = page.getByTestId('coverage-uncovered-list').locator('li');
  await expect(items.first()).toHaveAttribute('data-link', ranked[0]!.linkId);
  await expect(items.nth(1)).toHaveAttribute('data-link', ranked[1]!.linkId);
  // The map starts on the top uncovered link, then follows a click.
  await expect(page.getByTestId('coverage-map-card')).toHaveAttribute(
    'data-link',
    ranked[0]!.linkId,
  );
  await items.nth(1).getByRole('button').click();
  await expect(page.getByTestId('coverage-map-card')).toHaveAttribute(
    'data-link',
    ranked[1]!.linkId,
  );
  await expect(page.getByTestId('map-link-select')).toHaveValue(ranked[1]!.linkId);
  await mapDrawn(page);

  // Scoping to a province and back to all of China.
  await page.getByTestId('coverage-province-select').selectOption('江苏');
  await expect(page.getByTestId('coverage-scope')).toContainText('江苏');
  await page.getByTestId('region-reset').click();
  await expect(page.getByTestId('coverage-scope')).toContainText('全国');
});

test('my bank: the white space equals the analysis and competitors appear only as counts', async ({
  page,
}) => {
  // A local bank with white space in NEV where other banks are present.
  const bank = lenders
    .filter((b) => b.level !== 'national')
    .find((b) => (bankWhiteSpace(analysis, b.id, scope)[0]?.competitors.lenders ?? 0) > 0)!;
  expect(bank, 'a bank with white space and competitors').toBeDefined();
  const first = bankWhiteSpace(analysis, bank.id, scope)[0]!;

  await page.goto('./?view=coverage&chain=nev');
  await page.getByTestId('perspective-select').selectOption('bank');
  await expect(page.getByTestId('white-space-need-bank')).toBeVisible();
  await page.getByTestId('my-bank-picker').selectOption(bank.id);
  await expect(page).toHaveURL(new RegExp(`bank=${bank.id}`));
  // Once chosen, the header names my bank and holds no list of the others.
  await expect(page.getByTestId('my-bank-name')).toContainText(bank.nameZh);
  await expect(page.getByTestId('my-bank-picker')).toHaveCount(0);

  const entry = page.getByTestId('white-space-entry').first();
  await expect(entry).toHaveAttribute('data-link', first.linkId);
  const wsGaps = columnFormatter(
    bankWhiteSpace(analysis, bank.id, scope).map((w) => w.gap),
    'zh',
  );
  await expect(entry.getByTestId('ws-gap')).toHaveText(wsGaps.format(first.gap));
  await expect(entry.getByTestId('ws-smes')).toHaveText(
    `${formatCount(first.smesWithGap, 'zh')} / ${formatCount(first.smes, 'zh')} 家`,
  );
  await expect(entry.getByTestId('competitor-count')).toHaveText(
    `其他 ${first.competitors.lenders} 家银行已进入`,
  );
  await expect(entry.getByTestId('competitor-types')).toHaveText(
    `（${Object.entries(first.competitors.byType)
      .map(([type, count]) => `${INSTITUTION_LABELS[type as InstitutionType].zh} ${count}`)
      .join('、')}）`,
  );

  // No other bank is named in the white space or in the matrix of my-bank mode (§9.3).
  const whiteSpace = (await page.getByTestId('white-space').innerText()).trim();
  const matrixText = await page.getByTestId('coverage-matrix').textContent();
  expect(whiteSpace.length).toBeGreaterThan(0);
  for (const other of demo.banks.filter((b) => b.id !== bank.id)) {
    expect(whiteSpace).not.toContain(other.nameZh);
    expect(matrixText).not.toContain(other.nameZh);
  }
  // The matrix names my bank and counts the others by type.
  await expect(page.getByTestId('coverage-matrix')).toContainText(bank.nameZh);
  await expect(page.getByTestId('matrix-mode')).toBeVisible();

  // The same in English.
  await page.getByTestId('lang-toggle').click();
  await expect(entry.getByTestId('competitor-count')).toHaveText(
    `${first.competitors.lenders} other banks present`,
  );
  const whiteSpaceEn = await page.getByTestId('white-space').innerText();
  for (const other of demo.banks.filter((b) => b.id !== bank.id)) {
    expect(whiteSpaceEn).not.toContain(other.nameEn);
  }

  // A bank the dataset does not have (or that is not a lender) is reported, not used.
  const guarantor = demo.banks.find((b) => !isLenderType(b.type))!;
  await page.goto(`./?view=coverage&chain=nev&persp=gov&bank=${guarantor.id}`);
  await expect(page.getByTestId('unknown-bank')).toContainText(guarantor.id);
  await expect(page.getByTestId('white-space')).toHaveCount(0);
});

test('the PNG export downloads a PNG image of the matrix and the map', async ({
  page,
}, testInfo) => {
  await page.goto('./?view=coverage&chain=nev');
  await mapDrawn(page);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('export-png').click(),
  ]);
  expect(download.suggestedFilename()).toBe(`chainatlas-coverage-nev-${demo.meta.asOf}.png`);
  const path = testInfo.outputPath('coverage-export.png');
  await download.saveAs(path);
  const bytes = readFileSync(path);
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(bytes.length).toBeGreaterThan(20_000);
  // Width and height from the IHDR chunk: a page-sized picture, not an empty canvas.
  const width = bytes.readUInt32BE(16);
  const height = bytes.readUInt32BE(20);
  expect(width).toBeGreaterThan(1000);
  expect(height).toBeGreaterThan(1000);
});

test('at 1366 × 768 the matrix fits its box in both languages and both perspectives', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  for (const q of ['', '&bank=b-ccb-changzhou', '&lang=en', '&lang=en&bank=b-ccb-changzhou']) {
    await page.goto(`./?view=coverage&chain=nev${q}`);
    await expect.poll(() => rowOrder(page)).toEqual(nev.linkIds);
    const box = page.getByTestId('coverage-matrix-scroll');
    const [sw, cw] = await box.evaluate((el) => [el.scrollWidth, el.clientWidth]);
    expect(cw, q).toBeGreaterThan(400);
    expect(sw, `matrix scrollWidth ≤ clientWidth ${q}`).toBeLessThanOrEqual(cw);
    const page_ = await page.evaluate(() => [
      document.documentElement.scrollWidth,
      document.documentElement.clientWidth,
    ]);
    expect(page_[0], `page ${q}`).toBeLessThanOrEqual(page_[1]!);
  }
});

test('the department opens a type into its banks; a bank cannot', async ({ page }) => {
  await page.goto('./?view=coverage&chain=nev');
  const head = page.locator('g.col[data-column="type:joint_stock_bank"] [role="button"]');
  await head.click();
  const expanded = buildCoverageMatrix(analysis, scope, {
    byType: true,
    expandTypes: ['joint_stock_bank'],
  });
  const jsb = expanded.columns.filter((c) => c.kind === 'bank').map((c) => c.key);
  expect(jsb.length).toBeGreaterThan(1);
  for (const id of jsb) {
    await expect(page.locator(`g.col[data-column="${id}"]`)).toContainText(
      demo.banks.find((b) => b.id === id)!.nameZh.slice(0, 4),
    );
  }
  await head.click();
  await expect(page.locator(`g.col[data-column="${jsb[0]}"]`)).toHaveCount(0);

  await page.goto('./?view=coverage&chain=nev&bank=b-ccb-changzhou');
  await expect(page.locator('g.col[data-column="type:joint_stock_bank"]')).toBeVisible();
  await expect(page.locator('g.col [role="button"]')).toHaveCount(0);
});

test('a white-space link click shows the link in my bank’s cities only', async ({ page }) => {
  const ws = bankWhiteSpace(analysis, 'b-ccb-changzhou', scope);
  expect(ws.length).toBeGreaterThan(0);
  await page.goto('./?view=coverage&chain=nev&bank=b-ccb-changzhou');
  await page.getByTestId('white-space-entry').first().getByRole('button').click();
  const card = page.getByTestId('coverage-map-card');
  await expect(card).toHaveAttribute('data-link', ws[0]!.linkId);
  await expect(card).toHaveAttribute('data-cities', 'changzhou');
  // A click on the same link in the uncovered list or the matrix shows every city again.
  await page.getByTestId('map-link-select').selectOption(nev.linkIds[0]!);
  await expect(card).not.toHaveAttribute('data-cities', 'changzhou');
});

test('uncovered links show their priority and rank from 1 within a city (Coverage and Atlas)', async ({
  page,
}) => {
  const inHefei = rankUncoveredLinks(
    analysis,
    scopeEnterprises(analysis, { chainId: 'nev', cityId: 'hefei' }),
    'link',
  );
  expect(inHefei.length).toBeGreaterThan(1);
  const priorities = inHefei.map((u) => explainPriority(u, analysis.params).priority);
  // Sorted by the priority shown, largest first.
  expect([...priorities].sort((a, b) => b - a)).toEqual(priorities);

  await page.goto('./?view=coverage&chain=nev&prov=安徽&city=hefei');
  const items = page.getByTestId('coverage-uncovered-list').locator('li');
  await expect(items).toHaveCount(Math.min(5, inHefei.length));
  const ranks = await items.evaluateAll((lis) => lis.map((li) => li.getAttribute('data-rank')));
  expect(ranks).toEqual(ranks.map((_, i) => String(i + 1)));
  await expect(items.first()).toHaveAttribute('data-link', inHefei[0]!.linkId);
  await expect(items.first().getByTestId('priority')).toContainText('优先级 = 缺口');

  await page.goto('./?view=atlas&chain=nev&prov=安徽&city=hefei');
  // On a laptop the detail panel starts folded until something is chosen: open it.
  const toggle = page.getByTestId('panel-toggle');
  if ((await toggle.getAttribute('aria-expanded')) === 'false') await toggle.click();
  const start = page.getByTestId('uncovered-list').locator('li');
  await expect(start.first()).toHaveAttribute('data-rank', '1');
  await expect(start.first()).toHaveAttribute('data-link', inHefei[0]!.linkId);
  const atlasRanks = await start.evaluateAll((lis) =>
    lis.map((li) => li.getAttribute('data-rank')),
  );
  expect(atlasRanks).toEqual(atlasRanks.map((_, i) => String(i + 1)));
  await expect(start.first().getByTestId('start-priority')).toContainText('优先级');
});
