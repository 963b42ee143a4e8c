import type { Page } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { runImportJob } from '../../src/data/import-job';
import { makeLargeEnterprisesCsv } from '../../src/import/make-large-csv';
import { loadDemoReference } from '../../src/import/test-support';
import { expect, test } from './fixtures';

const FIXTURES = 'tests/fixtures/import';
const fixture = (name: string) => join(FIXTURES, name);
const CLEAN = ['enterprises.clean.csv', 'credit_relations.clean.csv', 'supply_edges.clean.csv'];

/** Records in an IndexedDB store of the app, read in the page. */
const storedCount = (page: Page, store: 'datasets' | 'datasetInfo') =>
  page.evaluate(
    (name) =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('chainatlas');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains(name)) {
            db.close();
            resolve(0);
            return;
          }
          const req = db.transaction(name).objectStore(name).count();
          req.onsuccess = () => {
            db.close();
            resolve(req.result);
          };
          req.onerror = () => reject(req.error);
        };
      }),
    store,
  );

async function openDataView(page: Page) {
  await page.goto('./?view=data');
  await expect(page.getByTestId('view-data')).toBeVisible();
}

async function importFiles(page: Page, names: string[]) {
  await page.getByTestId('import-file-input').setInputFiles(names.map(fixture));
  await expect(page.getByTestId('import-files').locator('tbody tr')).toHaveCount(names.length);
  await page.getByTestId('import-start').click();
  await expect(page.getByTestId('import-report')).toBeVisible({ timeout: 30_000 });
}

// The fixtures' expected results (tests/fixtures/import/README.md) are worked out for
// now = 2025-06-30: later, their credit lines have matured and the totals differ from 已获授信.
// The page's date is fixed to that day; timers keep running.
test.beforeEach(async ({ page }) => {
  await page.clock.setFixedTime(new Date('2025-06-30T10:00:00+08:00'));
});

/** Every CSP violation the page reports (the built app carries a strict CSP, vite.config.ts). */
const RECORD_CSP = `window.__csp = []; document.addEventListener('securitypolicyviolation', (e) => {
  window.__csp.push(e.violatedDirective + ' ' + e.blockedURI);
});`;
const cspViolations = (page: Page) =>
  page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);

/** The enterprise count in the overview's total row. */
const overviewTotalEnterprises = (page: Page) =>
  page.getByTestId('chain-table').locator('tfoot td').nth(1);

test('the mistakes fixture: README counts, the HTML name as text, rejected rows downloaded and read back', async ({
  page,
}) => {
  await page.addInitScript(RECORD_CSP);
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await openDataView(page);
  await expect(page.getByTestId('local-only')).toHaveText(
    /数据仅在本地浏览器中处理，不上传 \/ Processed locally in your browser, never uploaded/,
  );
  await page.getByTestId('import-file-input').setInputFiles(fixture('enterprises.mistakes.csv'));
  // English-only headers are still recognised as the enterprise list.
  await expect(page.getByTestId('sheet-select')).toHaveValue('enterprises');
  await page.getByTestId('import-start').click();

  const report = page.getByTestId('import-report');
  await expect(page.getByTestId('summary-total')).toContainText(
    '10 行：6 行导入，4 行拒绝，3 行有警告',
  );
  await expect(page.getByTestId('summary-total')).toContainText(
    '10 rows: 6 imported, 4 rejected, 3 with warnings',
  );
  await expect(page.getByTestId('summary-enterprises')).toContainText('另有 1 个空行已跳过');
  await expect(page.getByTestId('issue-count-all')).toHaveText('9');
  await expect(page.getByTestId('issue-count-error')).toHaveText('4');
  await expect(page.getByTestId('issue-count-warning')).toHaveText('3');
  await expect(page.getByTestId('issue-count-info')).toHaveText('2');
  const rows = page.getByTestId('issue-table').locator('tbody tr');
  await expect(rows).toHaveCount(9);
  await expect(page.locator('tr[data-code="E_USCC_CHECK"] .suggestion')).toHaveText('U');
  await expect(page.locator('tr[data-code="W_UNIT_YUAN"] .suggestion')).toHaveText('52000');

  // The HTML name is shown literally; no element is created from it and nothing runs.
  const nameRow = page.locator('tr[data-code="W_NAME_SUFFIX"]');
  await expect(nameRow.locator('.value')).toHaveText('<img src=x onerror=alert(1)>');
  await expect(page.locator('img')).toHaveCount(0);
  expect(dialogs).toEqual([]);

  await page.getByTestId('issue-table').locator('button[data-severity="warning"]').click();
  await expect(rows).toHaveCount(3);
  await expect(rows.locator('.tag')).toHaveText(['警告', '警告', '警告']);

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    report.getByTestId('download-rejected').click(),
  ]);
  expect(download.suggestedFilename()).toBe('enterprises.mistakes-rejected-rows.csv');
  const bytes = readFileSync(await download.path());
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const csv = Papa.parse<string[]>(bytes.toString('utf8').slice(1), { skipEmptyLines: true });
  const [header, ...data] = csv.data;
  expect(header?.slice(0, 4)).toEqual(['USCC', 'Enterprise name', 'Chain', 'Chain link']);
  expect(header?.at(-1)).toBe('错误信息 / Messages');
  expect(header).toHaveLength(13);
  expect(data.map((r) => r[0])).toEqual([
    '91320411MA1CDE2F40',
    '91320404MA3FG5HJ0X',
    '91320402MA4KL6MN1M',
    '91320412MA27RT4K2G',
  ]);
  expect(data[0]?.at(-1)).toContain('校验码');
  expect(data[1]?.at(-1)).toContain('Chain link');
  // The negative amount is neutralised for spreadsheets (CSV injection), the message says why.
  expect(data[2]?.[9]).toBe("'-500");
  expect(data[2]?.at(-1)).toMatch(/不能为负/);
  expect(data[3]?.at(-1)).toMatch(/重复|duplicate/i);

  // Nothing is stored before the user confirms.
  expect(await storedCount(page, 'datasets')).toBe(0);

  // §7.3: the user keeps the row whose only error is the check character; it is imported, flagged.
  await page.getByTestId('issue-table').locator('button[data-severity="all"]').click();
  await page.getByTestId('keep-row').check();
  await page.getByTestId('recheck').click();
  await expect(page.getByTestId('summary-total')).toContainText(
    '10 行：7 行导入，3 行拒绝，4 行有警告',
  );
  await expect(page.locator('tr[data-code="W_USCC_CHECK_OVERRIDE"]')).toHaveAttribute(
    'data-row',
    '3',
  );
  expect(await cspViolations(page)).toEqual([]);
});

test('the clean files: saved only on confirm, active after a reload, then back to the demo, renamed and deleted', async ({
  page,
}) => {
  await openDataView(page);
  await page.getByTestId('import-file-input').setInputFiles(CLEAN.map(fixture));
  const files = page.getByTestId('import-files');
  await expect(files.locator('tr[data-file="enterprises.clean.csv"] select')).toHaveValue(
    'enterprises',
  );
  await expect(files.locator('tr[data-file="credit_relations.clean.csv"] select')).toHaveValue(
    'creditRelations',
  );
  await expect(files.locator('tr[data-file="supply_edges.clean.csv"] select')).toHaveValue(
    'supplyEdges',
  );
  await page.getByTestId('dataset-name').fill('E2E 清洁清单');
  await page.getByTestId('import-start').click();
  await expect(page.getByTestId('summary-total')).toContainText(
    '26 行：26 行导入，0 行拒绝，0 行有警告',
  );
  await expect(page.getByTestId('summary-creditRelations')).toContainText('10 行：10 行导入');
  await expect(page.getByTestId('summary-supplyEdges')).toContainText('6 行：6 行导入');
  await expect(page.getByTestId('no-issues')).toBeVisible();
  expect(await storedCount(page, 'datasets')).toBe(0);

  await page.getByTestId('save-locally').click();
  await expect(page.getByTestId('import-saved')).toContainText('E2E 清洁清单');
  expect(await storedCount(page, 'datasets')).toBe(1);
  await expect(page.getByTestId('active-dataset')).toContainText('E2E 清洁清单');

  // After a reload the imported dataset is still the active one, in every view.
  await page.goto('./');
  await page.reload();
  await expect(overviewTotalEnterprises(page)).toHaveText('10');
  await expect(page.getByTestId('active-dataset')).toContainText('E2E 清洁清单');
  await expect(page.getByTestId('synthetic-watermark')).toHaveCount(0);
  // 5 chains have enterprises; the other 3 say “no data” instead of zeros.
  await expect(page.locator('[data-gap="empty-chains"]')).toContainText('3 条产业链没有企业数据');
  for (const chain of ['cm', 'app', 'rail']) {
    await expect(page.locator(`tr[data-chain="${chain}"] [data-col="nodata"]`)).toHaveText(
      '无数据',
    );
  }
  // Rows 2–6 of enterprises.clean.csv are on the NEV chain (one of them by its Chinese name).
  await expect(page.locator('tr[data-chain="nev"] [data-col="enterprises"]')).toHaveText('5');

  // Back to the demo.
  await page.goto('./?view=data');
  const list = page.getByTestId('dataset-list');
  const imported = list.locator('li[data-dataset^="import-"]');
  await expect(imported.getByTestId('active-badge')).toBeVisible();
  await list.locator('li[data-dataset="demo-v1"]').getByTestId('use-dataset').click();
  await expect(
    list.locator('li[data-dataset="demo-v1"]').getByTestId('active-badge'),
  ).toBeVisible();
  await expect(page.getByTestId('dataset-notice')).toHaveCount(0);
  await page.getByTestId('nav').locator('button[data-view="overview"]').click();
  await expect(overviewTotalEnterprises(page)).toHaveText('1,680');
  await page.reload();
  await expect(overviewTotalEnterprises(page)).toHaveText('1,680');

  // Rename, then delete (with a confirmation).
  await page.goto('./?view=data');
  await imported.getByTestId('rename-dataset').click();
  await imported.getByTestId('rename-input').fill('常州试点清单');
  await imported.getByTestId('rename-save').click();
  await expect(imported.getByTestId('dataset-name')).toHaveText('常州试点清单');
  await page.reload();
  await expect(imported.getByTestId('dataset-name')).toHaveText('常州试点清单');
  await imported.getByTestId('delete-dataset').click();
  await expect(page.getByTestId('delete-dialog')).toContainText('常州试点清单');
  await page.getByTestId('confirm-delete').click();
  await expect(page.getByTestId('no-datasets')).toBeVisible();
  expect(await storedCount(page, 'datasets')).toBe(0);
  expect(await storedCount(page, 'datasetInfo')).toBe(0);
});

test('a GBK CSV with Chinese headers in another order imports', async ({ page }) => {
  await openDataView(page);
  await page.getByTestId('import-file-input').setInputFiles(fixture('enterprises.gbk.csv'));
  const row = page.getByTestId('import-files').locator('tr[data-file="enterprises.gbk.csv"]');
  await expect(row.locator('select')).toHaveValue('enterprises');
  await expect(row).toContainText('GBK 编码');
  await page.getByTestId('import-start').click();
  await expect(page.getByTestId('summary-total')).toContainText(
    '5 行：5 行导入，0 行拒绝，0 行有警告',
  );
  await expect(page.locator('tr[data-code="I_ENCODING"]')).toContainText('GB18030');
  await page.getByTestId('save-locally').click();
  await expect(page.getByTestId('import-saved')).toBeVisible();
  await expect(page.locator('[data-gap="credit-from-approved"]')).toHaveText(
    '本数据集未提供授信关系：覆盖率与缺口按“已获授信”列估算',
  );
  await expect(page.locator('[data-gap="no-supply"]')).toHaveText(
    '未提供供应关系：稳链角色与供应流向不可用',
  );
  await page.getByTestId('report-open-overview').click();
  await expect(overviewTotalEnterprises(page)).toHaveText('5');
});

test('an XLSX with three sheets imports; backup, a refused restore, erase all and a restore', async ({
  page,
}) => {
  await page.addInitScript(RECORD_CSP);
  await openDataView(page);
  await importFiles(page, ['all-sheets.xlsx']);
  await expect(page.getByTestId('summary-total')).toContainText(
    '26 行：26 行导入，0 行拒绝，0 行有警告',
  );
  await expect(page.getByTestId('summary-enterprises')).toHaveAttribute('data-rows', '10');
  await expect(page.getByTestId('summary-creditRelations')).toHaveAttribute('data-rows', '10');
  await expect(page.getByTestId('summary-supplyEdges')).toHaveAttribute('data-rows', '6');
  await expect(page.locator('tr[data-code="I_SHEET_IGNORED"] .value')).toHaveText('说明');
  await page.getByTestId('save-locally').click();
  await expect(page.getByTestId('import-saved')).toContainText('all-sheets');

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('backup').click(),
  ]);
  const backupPath = await download.path();
  const backup = JSON.parse(readFileSync(backupPath, 'utf8')) as {
    format: string;
    datasets: { name: string; dataset: { enterprises: unknown[] } }[];
  };
  expect(backup.format).toBe('chainatlas-backup');
  expect(backup.datasets.map((d) => [d.name, d.dataset.enterprises.length])).toEqual([
    ['all-sheets', 10],
  ]);

  // A file that is not a backup: a bilingual error, and nothing is overwritten.
  const bogus = join(tmpdir(), 'chainatlas-not-a-backup.json');
  writeFileSync(bogus, JSON.stringify({ hello: 'world' }));
  await page.getByTestId('restore-input').setInputFiles(bogus);
  await expect(page.getByTestId('tools-error')).toContainText('不是本应用的备份文件');
  await expect(page.getByTestId('tools-error')).toContainText('not a ChainAtlas backup file');
  await expect(page.locator('li[data-dataset^="import-"]')).toHaveCount(1);

  await page.getByTestId('erase-all').click();
  await page.getByTestId('confirm-erase').click();
  await expect(page.getByTestId('no-datasets')).toBeVisible();
  await expect(
    page.locator('li[data-dataset="demo-v1"]').getByTestId('active-badge'),
  ).toBeVisible();
  expect(await storedCount(page, 'datasets')).toBe(0);

  await page.getByTestId('restore-input').setInputFiles(backupPath);
  await expect(page.getByTestId('tools-status')).toContainText('已恢复 1 个数据集');
  await expect(page.locator('li[data-dataset^="import-"] [data-testid="dataset-name"]')).toHaveText(
    'all-sheets',
  );
  expect(await cspViolations(page)).toEqual([]);
});

test('a 100,000-row import shows moving progress, can be cancelled back to the picker, then completes', async ({
  page,
}) => {
  const path = join(tmpdir(), 'chainatlas-enterprises-100k.csv');
  writeFileSync(path, makeLargeEnterprisesCsv(100_000, loadDemoReference()));
  await openDataView(page);
  await page.getByTestId('import-file-input').setInputFiles(path);
  await expect(page.getByTestId('sheet-select')).toHaveValue('enterprises');
  await page.getByTestId('import-start').click();

  const bar = page.getByTestId('import-progress');
  const percent = async () => Number(await bar.getAttribute('aria-valuenow'));
  await expect.poll(percent).toBeGreaterThan(0);
  const first = await percent();
  await expect.poll(percent).toBeGreaterThan(first);
  // The page answers while the worker works.
  const frame = await page.evaluate(
    () => new Promise<number>((resolve) => requestAnimationFrame(() => resolve(performance.now()))),
  );
  expect(frame).toBeGreaterThan(0);

  await page.getByTestId('import-cancel').click();
  await expect(page.getByTestId('import-cancelled')).toContainText('已取消');
  await expect(page.getByTestId('import-running')).toHaveCount(0);
  await expect(page.getByTestId('import-start')).toBeEnabled();
  await expect(page.getByTestId('import-report')).toHaveCount(0);
  expect(await storedCount(page, 'datasets')).toBe(0);

  // The same file again, to the end: the worker reads and checks all 100,000 rows.
  await page.getByTestId('import-start').click();
  await expect(page.getByTestId('summary-total')).toContainText(
    '100,000 行：100,000 行导入，0 行拒绝，0 行有警告',
    { timeout: 45_000 },
  );
});

test('a dataset saved by the first version of the local store is migrated and still opens', async ({
  page,
}) => {
  const { dataset } = await runImportJob({
    files: [
      {
        file: new Blob([readFileSync(fixture('enterprises.clean.csv'))]),
        name: 'enterprises.clean.csv',
        kind: 'csv',
        sheet: 'enterprises',
      },
    ],
    reference: loadDemoReference(),
    options: {
      datasetId: 'import-legacy',
      name: '旧版数据',
      asOf: '2025-06-30',
      now: '2025-06-30',
      unitYuan: false,
      crs: 'WGS84',
    },
  });
  // Version 1 of the database (drafts, datasets, settings), written before the app first runs.
  await page.goto('./config.json');
  await page.evaluate(
    (ds) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('chainatlas', 1);
        open.onupgradeneeded = () => {
          const db = open.result;
          db.createObjectStore('drafts', { keyPath: 'key' });
          db.createObjectStore('datasets', { keyPath: 'id' });
          db.createObjectStore('settings', { keyPath: 'key' });
        };
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(['datasets', 'settings'], 'readwrite');
          tx.objectStore('datasets').put({
            id: 'import-legacy',
            name: '旧版数据',
            createdAt: '2025-06-01T08:00:00.000Z',
            dataset: ds,
          });
          tx.objectStore('settings').put({ key: 'activeDatasetId', value: 'import-legacy' });
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    dataset,
  );
  await page.goto('./');
  await expect(overviewTotalEnterprises(page)).toHaveText('10');
  await page.getByTestId('nav').locator('button[data-view="data"]').click();
  const item = page.locator('li[data-dataset="import-legacy"]');
  await expect(item.getByTestId('dataset-name')).toHaveText('旧版数据');
  await expect(item).toContainText('10 家企业');
  await expect(item.getByTestId('active-badge')).toBeVisible();
  expect(await storedCount(page, 'datasetInfo')).toBe(1);
});
