import type { Download, Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { analyzeDataset } from '../../src/analysis/analyze';
import { bankWhiteSpace, whiteSpaceFirms } from '../../src/analysis/white-space';
import { productOf } from '../../src/domain/products';
import { DatasetSchema } from '../../src/domain/schema';
import { expect, test } from './fixtures';

const demo = DatasetSchema.parse(JSON.parse(readFileSync('data/demo.v1.json', 'utf8')));
const analysis = analyzeDataset(demo);
const asOf = demo.meta.asOf;
const BANK = 'b-ccb-changzhou';
const bank = demo.banks.find((b) => b.id === BANK)!;
const targets = whiteSpaceFirms(analysis, BANK, { chainId: 'nev' });
const others = demo.banks.filter((b) => b.id !== BANK);

async function download(page: Page, testid: string): Promise<Download> {
  const [d] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testid).click()]);
  return d;
}
async function bytesOf(d: Download): Promise<Buffer> {
  const path = await d.path();
  expect(path).not.toBeNull();
  return readFileSync(path);
}

test('the target list: my white-space firms, largest gap first, sortable', async ({ page }) => {
  expect(targets.length, 'the demo bank has white-space firms in NEV').toBeGreaterThan(3);
  await page.goto(`./?view=coverage&chain=nev&bank=${BANK}`);
  const list = page.getByTestId('target-list');
  await expect(list).toHaveAttribute('data-count', String(targets.length));
  const rows = list.locator('tbody tr');
  await expect(rows).toHaveCount(Math.min(15, targets.length));
  await expect(rows.first()).toHaveAttribute('data-enterprise', targets[0]!.enterpriseId);
  await expect(rows.first()).toContainText(targets[0]!.nameZh);
  // Products in words, reasons in words (the code only in a tooltip), flags in words.
  await expect(rows.first()).toContainText(productOf(targets[0]!.products[0]!).nameZh);
  await expect(rows.first()).not.toContainText('M-');

  // Sorting by need puts the largest need first; again, the smallest.
  const byNeed = [...targets].sort(
    (a, b) => b.need - a.need || b.gap - a.gap || (a.enterpriseId < b.enterpriseId ? -1 : 1),
  );
  await list.locator('th button[data-sort="need"]').click();
  await expect(rows.first()).toHaveAttribute('data-enterprise', byNeed[0]!.enterpriseId);
  await expect(list.locator('th[aria-sort="descending"] button')).toHaveAttribute(
    'data-sort',
    'need',
  );
  await list.locator('th button[data-sort="need"]').click();
  await expect(list.locator('th[aria-sort="ascending"] button')).toHaveAttribute(
    'data-sort',
    'need',
  );
  const needs = await rows.evaluateAll((trs) =>
    trs.map((tr) => tr.getAttribute('data-enterprise')),
  );
  const smallestNeed = Math.min(...targets.map((t) => t.need));
  expect(targets.find((t) => t.enterpriseId === needs[0])?.need).toBe(smallestNeed);
});

test('the target list exports as CSV and XLSX with every firm, my products and no other bank', async ({
  page,
}) => {
  await page.goto(`./?view=coverage&chain=nev&bank=${BANK}`);
  const csvDownload = await download(page, 'target-export-csv');
  expect(csvDownload.suggestedFilename()).toBe(`白区目标企业清单_nev_${asOf}.csv`);
  const bytes = await bytesOf(csvDownload);
  expect([...bytes.subarray(0, 3)], 'UTF-8 BOM').toEqual([0xef, 0xbb, 0xbf]);
  const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(3));
  const parsed = Papa.parse<string[]>(text, { newline: '\r\n' });
  const blank = parsed.data.findIndex((r) => r.length === 1 && r[0] === '');
  const [header = [], ...rows] = parsed.data.slice(0, blank);
  expect(header).toContain('本行适配产品 / My products that fit');
  expect(header).toContain('首贷对象 / First-loan case');
  expect(rows).toHaveLength(targets.length);
  const name = header.indexOf('企业名称 / Enterprise name');
  const gap = header.indexOf('融资缺口（万元） / Financing gap (10k CNY)');
  const products = header.indexOf('本行适配产品 / My products that fit');
  const reasons = header.indexOf('适配理由 / Why they fit');
  const first = header.indexOf('首贷对象 / First-loan case');
  expect(rows.map((r) => r[name])).toEqual(targets.map((t) => t.nameZh));
  expect(rows.map((r) => Number(r[gap]))).toEqual(targets.map((t) => t.gap));
  expect(rows[0]![products]).toBe(targets[0]!.products.map((c) => productOf(c).nameZh).join('、'));
  for (const r of rows) expect(r[reasons]).not.toMatch(/M-[A-Z]/);
  expect(rows.map((r) => r[first])).toEqual(targets.map((t) => (t.firstLoan ? '是' : '否')));
  expect(text).toContain(`银行 / Bank：${bank.nameZh}`);
  expect(text).toContain('合成演示数据 / Synthetic demo data');
  for (const o of others) expect(text, o.nameZh).not.toContain(o.nameZh);

  const xlsx = await download(page, 'target-export-xlsx');
  expect(xlsx.suggestedFilename()).toBe(`白区目标企业清单_nev_${asOf}.xlsx`);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(new Uint8Array(await bytesOf(xlsx)).buffer);
  const ws = wb.getWorksheet('白区目标企业清单');
  expect(ws).toBeDefined();
  const values = (n: number) => {
    const v = ws!.getRow(n).values;
    return Array.isArray(v) ? v.slice(1) : [];
  };
  expect(values(1)).toEqual(header);
  expect(values(2)[name]).toBe(targets[0]!.nameZh);
  expect(values(2)[gap]).toBe(targets[0]!.gap);
  expect(values(targets.length + 1)[name]).toBe(targets.at(-1)!.nameZh);

  // In English the file is named in English; the contents stay the Chinese list format.
  await page.getByTestId('lang-toggle').click();
  const en = await download(page, 'target-export-csv');
  expect(en.suggestedFilename()).toBe(`white-space-targets_nev_${asOf}.csv`);
});

test('the coverage PNG of my bank includes the white space and the target list', async ({
  page,
}) => {
  const heightOf = async (q: string) => {
    await page.goto(`./?view=coverage&chain=nev${q}`);
    await expect(page.getByTestId('map')).toHaveAttribute('data-ready', 'true', {
      timeout: 30_000,
    });
    const d = await download(page, 'export-png');
    const png = await bytesOf(d);
    expect([...png.subarray(1, 4)]).toEqual([0x50, 0x4e, 0x47]);
    return png.readUInt32BE(20);
  };
  const without = await heightOf('');
  const withList = await heightOf(`&bank=${BANK}`);
  // 2× scale: the two tables add a line of 22 px per white-space link and per target firm.
  const lines = bankWhiteSpace(analysis, BANK, { chainId: 'nev' }).length + targets.length;
  expect(lines).toBeGreaterThan(5);
  expect(withList - without).toBeGreaterThanOrEqual(2 * 22 * lines);
});
