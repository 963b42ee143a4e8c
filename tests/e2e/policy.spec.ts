import type { Download, Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { analyzeDataset } from '../../src/analysis/analyze';
import { buildBatches } from '../../src/analysis/batch';
import {
  buildEnterpriseList,
  buildNeedsList,
  needsTotals,
  summarizeBatch,
} from '../../src/analysis/lists';
import { buildPolicyCard } from '../../src/analysis/policy-card';
import { productOf } from '../../src/domain/products';
import { DatasetSchema } from '../../src/domain/schema';
import { expect, test } from './fixtures';

const demo = DatasetSchema.parse(JSON.parse(readFileSync('data/demo.v1.json', 'utf8')));
const analysis = analyzeDataset(demo);
const asOf = demo.meta.asOf;

/** Chinese first: a header reads “融资缺口（万元） / Financing gap (10k CNY)”. */
const CHINESE_FIRST = /^[\u4e00-\u9fff]/;
const GAP_HEADER = '融资缺口（万元） / Financing gap (10k CNY)';

const sum = (xs: readonly number[]) => Math.round(xs.reduce((s, x) => s + x, 0) * 100) / 100;

async function bytesOf(download: Download): Promise<Buffer> {
  const path = await download.path();
  expect(path, 'the download was saved').not.toBeNull();
  return readFileSync(path);
}

async function downloadFrom(page: Page, testid: string): Promise<Download> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId(testid).click(),
  ]);
  return download;
}

/**
 * A downloaded CSV read back as a spreadsheet would: UTF-8 with a BOM, CRLF lines, RFC 4180 fields.
 * Returns the header, the data rows (up to the empty line) and the footer lines.
 */
function readCsv(bytes: Buffer) {
  expect([...bytes.subarray(0, 3)], 'UTF-8 byte-order mark').toEqual([0xef, 0xbb, 0xbf]);
  const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(3));
  // Every line ends in CRLF; no field of these lists holds a line break.
  const lines = text.split('\r\n');
  expect(lines.at(-1)).toBe('');
  for (const line of lines) expect(line).not.toMatch(/[\r\n]/);
  const parsed = Papa.parse<string[]>(text, { newline: '\r\n', skipEmptyLines: false });
  expect(parsed.errors).toEqual([]);
  const isBlank = (r: string[]) => r.length === 1 && r[0] === '';
  const blank = parsed.data.findIndex(isBlank);
  const [header = [], ...rows] = parsed.data.slice(0, blank);
  const footer = parsed.data
    .slice(blank + 1)
    .filter((r) => !isBlank(r))
    .map((r) => r.join(','));
  return { header, rows, footer, lastLine: footer.at(-1) };
}

/** A downloaded workbook's sheet: header, data rows (up to the first empty row), footer lines. */
async function readSheet(bytes: Buffer, name: string) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(new Uint8Array(bytes).buffer);
  const ws = wb.getWorksheet(name);
  expect(ws, `sheet ${name}`).toBeDefined();
  const values = (n: number) => {
    const v = ws!.getRow(n).values;
    return Array.isArray(v) ? v.slice(1) : [];
  };
  const header = values(1) as string[];
  const rows: unknown[][] = [];
  let n = 2;
  for (; n <= ws!.rowCount && values(n).length > 0; n++) rows.push(values(n));
  const footer: string[] = [];
  for (n += 1; n <= ws!.rowCount; n++) footer.push(String(ws!.getCell(n, 1).value));
  return { wb, ws: ws!, header, rows, footer };
}

test('a batch built with 2 enterprises per bank exports to CSV and XLSX with the rows and gap the screen and buildBatches give', async ({
  page,
}) => {
  const scope = { chainId: 'nev', provinceZh: '江苏' };
  const expected = summarizeBatch(buildBatches(analysis, scope, { maxPerBank: 2 }));
  const byDefault = summarizeBatch(buildBatches(analysis, scope));
  // The parameter must change the batch, or this test could not tell it was applied.
  expect(expected.items).not.toBe(byDefault.items);
  expect(expected.unassigned).toBeGreaterThan(0);

  await page.goto('./?view=policy&chain=nev&prov=江苏');
  await page.getByTestId('policy-tab-batch').click();
  const summary = page.getByTestId('batch-summary');
  await expect(summary).toHaveAttribute('data-items', String(byDefault.items));

  await page.getByTestId('batch-max-per-bank').fill('2');
  await expect(summary).toHaveAttribute('data-items', String(expected.items));
  await expect(summary).toHaveAttribute('data-firm-gap', String(expected.firmGap));
  await expect(summary).toHaveAttribute('data-unassigned', String(expected.unassigned));
  await expect(page.getByTestId('batch-items')).toHaveText(String(expected.items));
  const heads = page.getByTestId('batch-bank-head');
  await expect(heads).toHaveCount(expected.banks);
  const shownGaps = await heads.evaluateAll((els) => els.map((el) => Number(el.dataset['gap'])));
  const shownItemGap = sum(shownGaps);
  expect(shownItemGap).toBe(expected.itemGap);

  // CSV
  const csvDownload = await downloadFrom(page, 'batch-export-csv');
  expect(csvDownload.suggestedFilename()).toBe(`批次推荐清单_nev_江苏_${asOf}.csv`);
  const csv = readCsv(await bytesOf(csvDownload));
  expect(csv.header.length).toBe(13);
  for (const h of csv.header) expect(h).toMatch(CHINESE_FIRST);
  expect(csv.rows).toHaveLength(expected.items);
  const gapCol = csv.header.indexOf(GAP_HEADER);
  const usccCol = csv.header.indexOf('统一社会信用代码 / USCC');
  expect(gapCol).toBeGreaterThanOrEqual(0);
  expect(sum(csv.rows.map((r) => Number(r[gapCol])))).toBe(shownItemGap);
  const firmGaps = new Map(csv.rows.map((r) => [r[usccCol], Number(r[gapCol])]));
  expect(firmGaps.size).toBe(expected.firms);
  expect(sum([...firmGaps.values()])).toBe(expected.firmGap);
  expect(csv.lastLine).toContain('合成演示数据 / Synthetic demo data');
  expect(csv.lastLine).toContain(asOf);

  // XLSX
  const xlsxDownload = await downloadFrom(page, 'batch-export-xlsx');
  expect(xlsxDownload.suggestedFilename()).toBe(`批次推荐清单_nev_江苏_${asOf}.xlsx`);
  const bytes = await bytesOf(xlsxDownload);
  const sheet = await readSheet(bytes, '批次推荐清单');
  expect(sheet.header).toEqual(csv.header);
  expect(sheet.ws.getRow(1).getCell(1).font?.bold).toBe(true);
  expect(sheet.rows).toHaveLength(expected.items);
  expect(sum(sheet.rows.map((r) => r[gapCol] as number))).toBe(expected.itemGap);
  expect(typeof sheet.rows[0]?.[gapCol]).toBe('number');
  expect(sheet.footer.at(-1)).toBe(csv.lastLine);
  expect(sheet.wb.creator).toBe('ChainAtlas 产业链金融地图');
  const unassigned = await readSheet(bytes, '未分配企业');
  expect(unassigned.rows).toHaveLength(expected.unassigned);
});

test('the two lists of a city export with the rows and totals of the analysis', async ({
  page,
}) => {
  const scope = { chainId: 'nev', cityId: 'changzhou' };
  const enterprises = buildEnterpriseList(analysis, scope);
  const needs = buildNeedsList(analysis, scope);
  const totals = needsTotals(needs);
  expect(needs.length).toBeGreaterThan(5);

  await page.goto('./?view=policy&chain=nev&prov=江苏&city=changzhou');
  await page.getByTestId('policy-tab-lists').click();
  await expect(page.getByTestId('list-enterprises')).toHaveAttribute(
    'data-rows',
    String(enterprises.length),
  );
  await expect(page.getByTestId('list-needs')).toHaveAttribute('data-gap', String(totals.gap));

  const csvDownload = await downloadFrom(page, 'enterprises-export-csv');
  expect(csvDownload.suggestedFilename()).toBe(`链上企业清单_nev_常州_${asOf}.csv`);
  const csv = readCsv(await bytesOf(csvDownload));
  expect(csv.header.map((h) => h.split(' / ')[0])).toEqual([
    '序号',
    '企业名称',
    '统一社会信用代码',
    '所在城市',
    '产业链环节',
    '企业规模',
    '专精特新等级',
    '链上角色',
  ]);
  expect(csv.rows.map((r) => r[2])).toEqual(enterprises.map((e) => e.uscc));

  const xlsxDownload = await downloadFrom(page, 'needs-export-xlsx');
  expect(xlsxDownload.suggestedFilename()).toBe(`融资需求清单_nev_常州_${asOf}.xlsx`);
  const sheet = await readSheet(await bytesOf(xlsxDownload), '融资需求清单');
  for (const h of sheet.header) expect(h).toMatch(CHINESE_FIRST);
  expect(sheet.rows).toHaveLength(needs.length);
  const col = (h: string) => sheet.header.indexOf(h);
  expect(sum(sheet.rows.map((r) => r[col(GAP_HEADER)] as number))).toBe(totals.gap);
  expect(
    sum(sheet.rows.map((r) => r[col('融资需求（万元） / Financing need (10k CNY)')] as number)),
  ).toBe(totals.need);
});

test('an edited policy card is saved as the bank’s policy and is still there after a reload', async ({
  page,
}) => {
  const card = buildPolicyCard(analysis, { chainId: 'nev' });
  await page.goto('./?view=policy&chain=nev&persp=gov&bank=b-state-b');
  const doc = page.getByTestId('policy-doc');
  await expect(doc.locator('tr[data-product]')).toHaveCount(5);
  await expect(doc.locator('tr[data-product] .pname')).toHaveText(
    card.products.map((p) => productOf(p.code).nameZh),
  );
  await expect(page.getByTestId('policy-doc-issuer')).toHaveText('国有大型商业银行B（示例）');

  await page.getByTestId('policy-title-zh').fill('常州市新能源汽车产业链专项融资方案（测试）');
  await page.getByTestId('policy-quota').fill('88888');
  await expect(page.getByTestId('policy-status')).toHaveText('有未保存的修改');
  await page.getByTestId('policy-save').click();
  await expect(page.getByTestId('policy-status')).toContainText('已保存在本机');

  await page.reload();
  await expect(page.getByTestId('policy-title-zh')).toHaveValue(
    '常州市新能源汽车产业链专项融资方案（测试）',
  );
  await expect(page.getByTestId('policy-quota')).toHaveValue('88888');
  await expect(page.getByTestId('policy-doc-title')).toHaveText(
    '常州市新能源汽车产业链专项融资方案（测试）',
  );
  await expect(page.getByTestId('policy-doc-quota')).toHaveText('88,888万元（8.8888亿元）');
  await expect(page.getByTestId('policy-status')).toContainText('已保存在本机');

  // Another bank has its own policy: the generated card.
  await page.getByTestId('policy-bank').selectOption('b-state-a');
  await expect(page.getByTestId('policy-title-zh')).toHaveValue(
    '国有大型商业银行A（示例） — 新能源汽车及动力电池产业链专属方案',
  );

  // Back to bank B, restore the generated card: unsaved until saved.
  await page.getByTestId('policy-bank').selectOption('b-state-b');
  await expect(page.getByTestId('policy-quota')).toHaveValue('88888');
  await page.getByTestId('policy-restore').click();
  await expect(page.getByTestId('policy-title-zh')).toHaveValue(
    '国有大型商业银行B（示例） — 新能源汽车及动力电池产业链专属方案',
  );
  await expect(page.getByTestId('policy-status')).toHaveText('已恢复为自动生成的内容，保存后生效');
});

test('a failed save says so in both languages and keeps the policy saved before', async ({
  page,
}) => {
  await page.goto('./?view=policy&chain=pv&persp=gov&bank=b-state-c');
  await page.getByTestId('policy-title-zh').fill('第一版');
  await page.getByTestId('policy-save').click();
  await expect(page.getByTestId('policy-status')).toContainText('已保存在本机');

  // The browser's storage is full from now on.
  await page.evaluate(() => {
    IDBObjectStore.prototype.put = () => {
      throw new DOMException('full', 'QuotaExceededError');
    };
  });
  await page.getByTestId('policy-title-zh').fill('第二版');
  await page.getByTestId('policy-save').click();
  const error = page.getByTestId('policy-save-error');
  await expect(error).toContainText('浏览器存储空间已满');
  await expect(error).toContainText('Browser storage is full');
  await expect(page.getByTestId('policy-title-zh')).toHaveValue('第二版');

  await page.reload();
  await expect(page.getByTestId('policy-title-zh')).toHaveValue('第一版');
});

test('printing gives an A4 policy card with the five products and no app controls', async ({
  page,
}) => {
  const card = buildPolicyCard(analysis, { chainId: 'ic' });
  await page.goto('./?view=policy&chain=ic');
  await expect(page.getByTestId('policy-doc').locator('tr[data-product]')).toHaveCount(5);
  // Printing from another tab still prints the card.
  await page.getByTestId('policy-tab-batch').click();
  await expect(page.getByTestId('policy-doc')).toBeHidden();

  await page.emulateMedia({ media: 'print' });
  const doc = page.getByTestId('policy-doc');
  await expect(doc).toBeVisible();
  const rows = doc.locator('tr[data-product]');
  await expect(rows).toHaveCount(5);
  for (const [i, p] of card.products.entries()) {
    await expect(rows.nth(i)).toBeVisible();
    await expect(rows.nth(i).locator('.pname')).toHaveText(productOf(p.code).nameZh);
  }
  // The tools of the five products, and the guarantee-fee caps the generated policy sets (1%).
  await expect(doc.locator('[data-tool]')).toHaveCount(
    new Set([...card.products.flatMap((p) => p.policyTools), 'guarantee_fee_cap']).size,
  );
  await expect(page.getByTestId('policy-doc-stamp')).toBeVisible();
  await expect(page.getByTestId('policy-doc-asof')).toHaveText(asOf);
  await expect(page.getByTestId('nav')).toBeHidden();
  await expect(page.getByTestId('policy-editor')).toBeHidden();
  await expect(page.getByTestId('policy-toolbar')).toBeHidden();
  await expect(page.getByTestId('batch-panel')).toBeHidden();
  await expect(page.getByTestId('synthetic-watermark')).toBeHidden();

  const pdf = await page.pdf({ format: 'A4' });
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(pdf.length).toBeGreaterThan(10_000);
});

test('the card is issued on the meeting date, within its validity, never on today’s date', async ({
  page,
}) => {
  const meeting = demo.meetings
    .filter((m) => m.chainIds.includes('nev') && m.date <= asOf)
    .sort((a, b) => (a.date < b.date ? 1 : -1))[0]!;
  const today = new Date().toISOString().slice(0, 10);
  expect(meeting.date).not.toBe(today);
  await page.goto('./?view=policy&chain=nev');
  await expect(page.getByTestId('policy-doc-issued')).toHaveText(meeting.date);
  await expect(page.getByTestId('policy-issue-date')).toContainText(meeting.date);
  await expect(page.getByTestId('policy-issue-problem')).toHaveCount(0);
  // A region without a meeting of this chain takes the data date.
  await page.goto('./?view=policy&chain=nev&prov=江苏');
  const inJiangsu = demo.meetings.some(
    (m) =>
      m.chainIds.includes('nev') &&
      demo.cities.find((c) => c.id === m.cityId)?.provinceZh === '江苏',
  );
  expect(inJiangsu).toBe(false);
  await expect(page.getByTestId('policy-doc-issued')).toHaveText(asOf);
  // Editable: a date after the validity is flagged as expired.
  await page.getByTestId('policy-issue-input').fill('2026-12-04');
  await page.getByTestId('policy-issue-input').dispatchEvent('change');
  await expect(page.getByTestId('policy-doc-issued')).toHaveText('2026-12-04');
  await expect(page.getByTestId('policy-issue-problem')).toBeVisible();
});
