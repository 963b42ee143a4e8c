import type { Locator, Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { analyzeDataset } from '../../src/analysis/analyze';
import { batchKpis, FUNNEL_STAGES, type BatchKpis } from '../../src/analysis/kpis';
import {
  applyStatusEdits,
  firstLoanIdsOf,
  itemKey,
  meetingBatches,
  type StatusEdits,
} from '../../src/analysis/meeting';
import { DatasetSchema } from '../../src/domain/schema';
import { formatCount, formatShare } from '../../src/i18n/format';
import { expect, test } from './fixtures';

const demo = DatasetSchema.parse(JSON.parse(readFileSync('data/demo.v1.json', 'utf8')));
const analysis = analyzeDataset(demo);
const meeting = demo.meetings.find((m) => m.chainIds.includes('nev'))!;
const original = meetingBatches(demo, meeting);
const firstLoanIds = firstLoanIdsOf(analysis, original);

/** A pushed item of a batch with at least three items, whose firm had no lender (a first loan). */
const batch = original.find(
  (b) =>
    b.items.length >= 3 &&
    b.items.some((i) => i.status === 'pushed' && firstLoanIds.has(i.enterpriseId)),
)!;
const item = batch.items.find((i) => i.status === 'pushed' && firstLoanIds.has(i.enterpriseId))!;
const key = itemKey(batch.id, item.enterpriseId);

/** The KPIs the page must show for a set of edits, computed with kpis.ts as the page should. */
function expected(edits: StatusEdits) {
  const edited = applyStatusEdits(original, edits);
  const items = edited.flatMap((b) => b.items);
  const bankItems = edited.filter((b) => b.bankId === batch.bankId).flatMap((b) => b.items);
  return {
    meeting: batchKpis(items, { firstLoanIds }),
    bank: batchKpis(bankItems, { firstLoanIds }),
  };
}

/** Every KPI cell of a row of the KPI table reads as the analysis says. */
async function expectKpiRow(row: Locator, k: BatchKpis) {
  for (const count of ['pushed', 'contacted', 'approved', 'disbursed', 'declined'] as const) {
    await expect(row.locator(`[data-kpi="${count}"]`)).toHaveText(formatCount(k[count], 'zh'));
  }
  for (const share of [
    'dockingRate',
    'approvalRate',
    'disbursementRate',
    'approvedGapShare',
  ] as const) {
    await expect(row.locator(`[data-kpi="${share}"]`)).toHaveText(formatShare(k[share], 'zh'));
  }
  await expect(row.locator('[data-kpi="firstLoans"]')).toHaveText(
    formatCount(k.firstLoans ?? 0, 'zh'),
  );
}

async function expectFunnel(page: Page, k: BatchKpis) {
  const funnel = page.getByTestId('funnel');
  for (const stage of FUNNEL_STAGES) {
    await expect(funnel.locator(`g[data-stage="${stage}"] .count`)).toHaveText(
      formatCount(k[stage], 'zh'),
    );
  }
  await expect(funnel.locator('[data-stage="declined"] .count')).toHaveText(String(k.declined));
}

async function openMeeting(page: Page) {
  await page.goto(`./?view=meeting&meeting=${meeting.id}`);
  await expect(page.getByTestId('view-meeting')).toHaveAttribute('data-draft', 'loaded');
}

test('an official approves a batch item: KPIs and funnel follow, and the change survives a reload', async ({
  page,
}) => {
  const before = expected({});
  const after = expected({ [key]: { status: 'approved' } });
  // The change moves every stage it passes and adds a first loan.
  expect(after.meeting.approved).toBe(before.meeting.approved + 1);
  expect(after.meeting.contacted).toBe(before.meeting.contacted + 1);
  expect(after.meeting.firstLoans).toBe((before.meeting.firstLoans ?? 0) + 1);

  await openMeeting(page);
  await expect(page.getByTestId('meeting-title')).toHaveText(meeting.titleZh);
  const table = page.getByTestId('meeting-kpis');
  const meetingRow = table.locator('tr[data-scope="meeting"]');
  const bankRow = table.locator(`tr[data-scope="bank"][data-key="${batch.bankId}"]`);
  await expectKpiRow(meetingRow, before.meeting);
  await expectKpiRow(bankRow, before.bank);
  await expectFunnel(page, before.meeting);

  const row = page.locator(`tr[data-item="${key}"]`);
  await expect(row.locator('select[data-field="status"]')).toHaveValue('pushed');
  await row.locator('select[data-field="status"]').selectOption('approved');
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved');

  await expectKpiRow(meetingRow, after.meeting);
  await expectKpiRow(bankRow, after.bank);
  await expectFunnel(page, after.meeting);
  await expect(row.locator('input[data-field="date"]')).not.toHaveValue('');

  await page.reload();
  await expect(page.getByTestId('view-meeting')).toHaveAttribute('data-draft', 'loaded');
  await expect(row.locator('select[data-field="status"]')).toHaveValue('approved');
  await expectKpiRow(meetingRow, after.meeting);
  await expectFunnel(page, after.meeting);

  // Back to the dataset's statuses, for good.
  await page.getByTestId('meeting-reset').click();
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved');
  await expect(row.locator('select[data-field="status"]')).toHaveValue('pushed');
  await expectKpiRow(meetingRow, before.meeting);
  await page.reload();
  await expect(page.getByTestId('view-meeting')).toHaveAttribute('data-draft', 'loaded');
  await expect(row.locator('select[data-field="status"]')).toHaveValue('pushed');
  await expectFunnel(page, before.meeting);
});

test('a decline records its reason, shows beside the funnel and is kept', async ({ page }) => {
  const reason = '关联交易风险 / related-party risk';
  const edits = { [key]: { status: 'declined' as const, declineReason: reason } };
  const after = expected(edits);
  const reasonCount = applyStatusEdits(original, edits)
    .flatMap((b) => b.items)
    .filter((i) => i.status === 'declined' && i.declineReason === reason).length;

  await openMeeting(page);
  const row = page.locator(`tr[data-item="${key}"]`);
  await row.locator('select[data-field="status"]').selectOption('declined');
  await row.locator('select[data-field="reason"]').selectOption(reason);
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved');
  await expectFunnel(page, after.meeting);
  await expect(page.getByTestId('funnel-aside')).toContainText(`关联交易风险 ${reasonCount}`);

  await page.reload();
  await expect(page.getByTestId('view-meeting')).toHaveAttribute('data-draft', 'loaded');
  await expect(row.locator('select[data-field="reason"]')).toHaveValue(reason);
  await expectKpiRow(page.locator('tr[data-scope="meeting"]'), after.meeting);
});

test('the meeting page reads in English, and opens the presentation of the same meeting', async ({
  page,
}) => {
  await openMeeting(page);
  await page.getByTestId('lang-toggle').click();
  await expect(page.getByTestId('meeting-title')).toHaveText(meeting.titleEn!);
  await expect(page.getByTestId('funnel')).toContainText('Docking rate');
  await page.getByTestId('meeting-present').click();
  await expect(page).toHaveURL(new RegExp(`view=present.*meeting=${meeting.id}`));
  await expect(page.getByTestId('view-present')).toBeVisible();
});

test('without local storage the page says so in both languages and still follows edits', async ({
  page,
}) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'indexedDB', { value: undefined, configurable: true });
  });
  await page.goto(`./?view=meeting&meeting=${meeting.id}`);
  await expect(page.getByTestId('view-meeting')).toHaveAttribute('data-draft', 'error');
  await expect(page.getByTestId('storage-error').first()).toContainText('浏览器禁止本地存储');

  const after = expected({ [key]: { status: 'approved' } });
  await page.locator(`tr[data-item="${key}"] select[data-field="status"]`).selectOption('approved');
  await expectKpiRow(page.locator('tr[data-scope="meeting"]'), after.meeting);
  await page.getByTestId('lang-toggle').click();
  await expect(page.getByTestId('storage-error').first()).toContainText(
    'This browser refuses local storage',
  );
});

test('a full storage refuses a new edit with a message and keeps the edits stored before', async ({
  page,
}) => {
  const other = batch.items.find((i) => i.enterpriseId !== item.enterpriseId)!;
  const otherKey = itemKey(batch.id, other.enterpriseId);
  const otherStatus = other.status === 'declined' ? 'contacted' : 'declined';

  await openMeeting(page);
  const row = page.locator(`tr[data-item="${key}"]`);
  await row.locator('select[data-field="status"]').selectOption('approved');
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved');

  // The browser's storage is full from now on.
  await page.evaluate(() => {
    IDBObjectStore.prototype.put = () => {
      throw new DOMException('full', 'QuotaExceededError');
    };
  });
  const otherRow = page.locator(`tr[data-item="${otherKey}"]`);
  await otherRow.locator('select[data-field="status"]').selectOption(otherStatus);
  await expect(page.getByTestId('storage-error')).toContainText('浏览器存储空间已满');
  // Shown here, but not stored.
  await expect(otherRow.locator('select[data-field="status"]')).toHaveValue(otherStatus);

  await page.reload();
  await expect(page.getByTestId('view-meeting')).toHaveAttribute('data-draft', 'loaded');
  await expect(row.locator('select[data-field="status"]')).toHaveValue('approved');
  await expect(otherRow.locator('select[data-field="status"]')).toHaveValue(other.status);
});
