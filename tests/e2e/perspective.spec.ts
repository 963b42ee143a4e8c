import type { Download, Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { analyzeDataset } from '../../src/analysis/analyze';
import { DatasetSchema } from '../../src/domain/schema';
import { expect, test } from './fixtures';

/**
 * Issue 11, item 1: in bank perspective every view, scene and export names only my bank; every
 * other institution appears as a count or by its type (domain.md §9.3).
 */
const demo = DatasetSchema.parse(JSON.parse(readFileSync('data/demo.v1.json', 'utf8')));
const analysis = analyzeDataset(demo);
const BANK = 'b-ccb-changzhou';
const mine = demo.banks.find((b) => b.id === BANK)!;
const others = demo.banks.filter((b) => b.id !== BANK);
// A NEV firm in Changzhou that borrows from my bank and from others: its panel lists lenders.
const shared = demo.enterprises.find((e) => {
  const a = analysis.byEnterprise.get(e.id);
  return e.linkIds.some((l) => l.startsWith('nev.')) && (a?.lenderIds.length ?? 0) >= 2;
})!;
const meeting = demo.meetings.find((m) => m.chainIds.includes('nev'))!;

/** Every text a reader or a screen reader gets: text nodes, titles, labels, option texts. */
async function pageWords(page: Page): Promise<string> {
  return page.evaluate(() => {
    const parts = [document.body.textContent ?? ''];
    for (const el of document.querySelectorAll('[title],[aria-label],[alt],[placeholder]')) {
      for (const a of ['title', 'aria-label', 'alt', 'placeholder']) {
        const v = el.getAttribute(a);
        if (v) parts.push(v);
      }
    }
    return parts.join('\n');
  });
}

function expectNoOtherName(text: string, where: string) {
  for (const o of others) {
    expect(text, `${where} names ${o.id}`).not.toContain(o.nameZh);
    expect(text, `${where} names ${o.id}`).not.toContain(o.nameEn);
  }
}

async function download(page: Page, testid: string): Promise<Download> {
  const [d] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testid).click()]);
  return d;
}
async function fileText(d: Download): Promise<string> {
  const path = await d.path();
  expect(path).not.toBeNull();
  const bytes = readFileSync(path);
  if (d.suggestedFilename().endsWith('.csv')) return new TextDecoder().decode(bytes);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(new Uint8Array(bytes).buffer);
  const out: string[] = [wb.title ?? '', wb.subject ?? '', wb.description ?? '', wb.keywords ?? ''];
  wb.eachSheet((ws) => {
    out.push(ws.name);
    ws.eachRow((row) => {
      const v = row.values;
      if (Array.isArray(v))
        out.push(v.map((x) => (x === null || x === undefined ? '' : String(x))).join('\t'));
    });
  });
  return out.join('\n');
}

const VIEWS: [string, string][] = [
  ['overview', '?'],
  ['atlas with a firm that borrows from several banks', `?view=atlas&chain=nev&ent=${shared.id}`],
  ['coverage', '?view=coverage&chain=nev'],
  ['coverage in Changzhou', '?view=coverage&chain=nev&prov=江苏&city=changzhou'],
  ['policy', '?view=policy&chain=nev&prov=江苏&city=changzhou'],
  ['meeting', `?view=meeting&meeting=${meeting.id}`],
  ['data', '?view=data'],
  ...[1, 2, 3, 4, 5, 6].map((n): [string, string] => [
    `present scene ${n} with names shown`,
    `?view=present&meeting=${meeting.id}&scene=${n}&names=1`,
  ]),
];

test('bank perspective: no view, in either language, names another institution', async ({
  page,
}) => {
  test.setTimeout(180_000);
  expect(shared, 'a NEV firm with two lenders').toBeDefined();
  for (const lang of ['zh', 'en'] as const) {
    for (const [what, q] of VIEWS) {
      await page.goto(`./${q}&bank=${BANK}${lang === 'en' ? '&lang=en' : ''}`);
      await expect(page.locator('main')).not.toHaveAttribute('aria-busy', 'true');
      await expect(page.locator('.loading')).toHaveCount(0);
      if (what.startsWith('policy')) {
        // Every tab of the Policy view, not only the first.
        for (const tab of ['card', 'batch', 'lists']) {
          await page.getByTestId(`policy-tab-${tab}`).click();
          expectNoOtherName(await pageWords(page), `${lang} ${what} ${tab}`);
        }
        continue;
      }
      if (what.startsWith('atlas')) {
        await expect(page.getByTestId('enterprise-panel')).toBeVisible();
      }
      const words = await pageWords(page);
      expectNoOtherName(words, `${lang} ${what}`);
      if (!what.startsWith('present') && what !== 'data') {
        // My bank is named in the header.
        expect(words, `${lang} ${what}`).toContain(lang === 'zh' ? mine.nameZh : mine.nameEn);
      }
    }
  }
});

test('bank perspective: every export names no other institution', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto(`./?view=policy&chain=nev&prov=江苏&city=changzhou&bank=${BANK}`);
  const files: Download[] = [];
  await page.getByTestId('policy-tab-batch').click();
  files.push(await download(page, 'batch-export-csv'), await download(page, 'batch-export-xlsx'));
  await page.getByTestId('policy-tab-lists').click();
  for (const id of ['enterprises-export', 'needs-export']) {
    files.push(await download(page, `${id}-csv`), await download(page, `${id}-xlsx`));
  }
  await page.goto(`./?view=coverage&chain=nev&bank=${BANK}`);
  files.push(await download(page, 'target-export-csv'), await download(page, 'target-export-xlsx'));
  expect(files).toHaveLength(8);
  for (const f of files) {
    const text = await fileText(f);
    expect(text.length, f.suggestedFilename()).toBeGreaterThan(100);
    expectNoOtherName(text, f.suggestedFilename());
  }
  // The batch file holds my bank's rows only: its name is in it.
  expect(await fileText(files[0]!)).toContain(mine.nameZh);
});

test('the perspective is chosen in the header and kept in the URL', async ({ page }) => {
  await page.goto('./?view=coverage&chain=nev');
  await expect(page.getByTestId('perspective-select')).toHaveValue('gov');
  await page.getByTestId('perspective-select').selectOption('public');
  await expect(page).toHaveURL(/persp=public/);
  await expect(page.getByTestId('white-space-public')).toBeVisible();
  await page.getByTestId('perspective-select').selectOption('bank');
  await page.getByTestId('my-bank-picker').selectOption(BANK);
  await expect(page).toHaveURL(new RegExp(`bank=${BANK}`));
  await expect(page).not.toHaveURL(/persp=/);
  await page.reload();
  await expect(page.getByTestId('perspective-select')).toHaveValue('bank');
  await expect(page.getByTestId('my-bank-name')).toContainText(mine.nameZh);
  // The department names banks again (the bank stays chosen for its policy card).
  await page.getByTestId('perspective-select').selectOption('gov');
  await expect(page).toHaveURL(/persp=gov/);
});
