/**
 * Two tabs of the app open at once (two pages of one browser context share IndexedDB and hear each
 * other over BroadcastChannel): no edit made in one is lost to the other, and “erase all local data”
 * in one empties the other for good.
 */
import type { BrowserContext, Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { batchKpis } from '../../src/analysis/kpis';
import { applyStatusEdits, itemKey, meetingBatches } from '../../src/analysis/meeting';
import { DatasetSchema, type BatchStatus } from '../../src/domain/schema';
import { formatCount } from '../../src/i18n/format';
import { expect, isLocalUrl, test } from './fixtures';

const demo = DatasetSchema.parse(JSON.parse(readFileSync('data/demo.v1.json', 'utf8')));
const meeting = demo.meetings.find((m) => m.chainIds.includes('nev'))!;
const original = meetingBatches(demo, meeting);

/** Three pushed items of the meeting, from different batches where the data allow. */
const pushed = original.flatMap((b) =>
  b.items
    .filter((i) => i.status === 'pushed')
    .slice(0, 1)
    .map((i) => itemKey(b.id, i.enterpriseId)),
);
const [X, Y, Z] = pushed as [string, string, string];

/** A second tab in the same browser context; its requests are held to the same local-only rule. */
async function openSecondTab(context: BrowserContext, foreign: string[]): Promise<Page> {
  const tab = await context.newPage();
  tab.on('request', (req) => {
    if (!isLocalUrl(req.url())) foreign.push(req.url());
  });
  return tab;
}

async function openMeeting(tab: Page) {
  await tab.goto(`./?view=meeting&meeting=${meeting.id}`);
  await expect(tab.getByTestId('view-meeting')).toHaveAttribute('data-draft', 'loaded');
}

const statusOf = (tab: Page, key: string) =>
  tab.locator(`tr[data-item="${key}"] select[data-field="status"]`);

async function setStatus(tab: Page, key: string, status: BatchStatus) {
  await statusOf(tab, key).selectOption(status);
  await expect(tab.getByTestId('save-state')).toHaveAttribute('data-state', 'saved');
}

async function expectStatuses(tab: Page, expected: Record<string, BatchStatus>) {
  for (const [key, status] of Object.entries(expected)) {
    await expect(statusOf(tab, key), `${key} in ${tab.url()}`).toHaveValue(status);
  }
}

test.beforeAll(() => {
  expect(pushed.length, 'three pushed items in the meeting’s batches').toBeGreaterThanOrEqual(3);
});

test('two tabs edit two items of a meeting: each edit shows in both tabs and both survive a reload', async ({
  page: tabA,
  context,
  foreignRequests,
}) => {
  const tabB = await openSecondTab(context, foreignRequests);
  await openMeeting(tabA);
  await openMeeting(tabB);
  await expectStatuses(tabA, { [X]: 'pushed', [Y]: 'pushed' });
  await expectStatuses(tabB, { [X]: 'pushed', [Y]: 'pushed' });

  // A approves X; B, open since before, hears it without a reload.
  await setStatus(tabA, X, 'approved');
  await expectStatuses(tabB, { [X]: 'approved', [Y]: 'pushed' });

  // B contacts Y; A hears it, and keeps its own X.
  await setStatus(tabB, Y, 'contacted');
  await expectStatuses(tabA, { [X]: 'approved', [Y]: 'contacted' });
  await expectStatuses(tabB, { [X]: 'approved', [Y]: 'contacted' });
  await expect(tabA.getByTestId('save-state')).toContainText('本机已修改 2 项');

  for (const tab of [tabA, tabB]) {
    await tab.reload();
    await expect(tab.getByTestId('view-meeting')).toHaveAttribute('data-draft', 'loaded');
    await expectStatuses(tab, { [X]: 'approved', [Y]: 'contacted', [Z]: 'pushed' });
  }
});

test('a tab that cannot hear the others still keeps their edits when it writes its own', async ({
  page: tabA,
  context,
  foreignRequests,
}) => {
  const tabB = await openSecondTab(context, foreignRequests);
  // Tab B hears nothing (no BroadcastChannel): it shows only what it loaded.
  await tabB.addInitScript(() => {
    Object.defineProperty(window, 'BroadcastChannel', { value: undefined, configurable: true });
  });
  await openMeeting(tabA);
  await openMeeting(tabB);

  await setStatus(tabA, X, 'approved');
  await setStatus(tabB, Y, 'declined');
  // B's write is a change of Y only: X, which B never saw, is still stored as A set it.
  await tabB.reload();
  await expect(tabB.getByTestId('view-meeting')).toHaveAttribute('data-draft', 'loaded');
  await expectStatuses(tabB, { [X]: 'approved', [Y]: 'declined' });
  await tabA.reload();
  await expect(tabA.getByTestId('view-meeting')).toHaveAttribute('data-draft', 'loaded');
  await expectStatuses(tabA, { [X]: 'approved', [Y]: 'declined' });
});

test('erase all in one tab empties the other, which never writes the erased statuses back', async ({
  page: tabA,
  context,
  foreignRequests,
}) => {
  const tabB = await openSecondTab(context, foreignRequests);
  await openMeeting(tabA);
  await openMeeting(tabB);
  await setStatus(tabB, X, 'approved');
  await setStatus(tabB, Y, 'disbursed');
  await expectStatuses(tabA, { [X]: 'approved', [Y]: 'disbursed' });

  // Tab A erases everything from the Data view; B stays open on the meeting.
  await tabA.goto('./?view=data');
  await tabA.getByTestId('erase-all').click();
  await tabA.getByTestId('confirm-erase').click();
  await expect(tabA.getByTestId('tools-status')).toBeVisible();

  await expectStatuses(tabB, { [X]: 'pushed', [Y]: 'pushed', [Z]: 'pushed' });
  await expect(tabB.getByTestId('meeting-reset')).toBeDisabled();

  // A new edit in B stores that edit alone, not B's statuses from before the erase.
  await setStatus(tabB, Z, 'contacted');
  await tabB.reload();
  await expect(tabB.getByTestId('view-meeting')).toHaveAttribute('data-draft', 'loaded');
  await expectStatuses(tabB, { [X]: 'pushed', [Y]: 'pushed', [Z]: 'contacted' });
});

test('the presentation open in one tab follows a status set in another', async ({
  page: tabA,
  context,
  foreignRequests,
}) => {
  const disbursed = (edits: Parameters<typeof applyStatusEdits>[1]) =>
    formatCount(
      batchKpis(applyStatusEdits(original, edits).flatMap((b) => b.items)).disbursed,
      'zh',
    );
  const tabB = await openSecondTab(context, foreignRequests);
  await tabB.goto(`./?view=present&meeting=${meeting.id}&scene=6`);
  const count = tabB.locator('g[data-stage="disbursed"] .count');
  await expect(count).toHaveText(disbursed({}));

  await openMeeting(tabA);
  await setStatus(tabA, X, 'disbursed');
  await expect(count).toHaveText(disbursed({ [X]: { status: 'disbursed' } }));
});

test('a policy saved in one tab shows in the other, and erase all brings back the generated card', async ({
  page: tabA,
  context,
  foreignRequests,
}) => {
  const tabB = await openSecondTab(context, foreignRequests);
  const url = './?view=policy&chain=nev&bank=b-state-b';
  const generatedTitle = '国有大型商业银行B（示例） — 新能源汽车及动力电池产业链专属方案';
  await tabA.goto(url);
  await tabB.goto(url);
  await expect(tabB.getByTestId('policy-title-zh')).toHaveValue(generatedTitle);

  await tabA.getByTestId('policy-title-zh').fill('两个标签页的方案（测试）');
  await tabA.getByTestId('policy-save').click();
  await expect(tabA.getByTestId('policy-status')).toContainText('已保存在本机');
  await expect(tabB.getByTestId('policy-title-zh')).toHaveValue('两个标签页的方案（测试）');
  await expect(tabB.getByTestId('policy-status')).toContainText('已保存在本机');

  await tabA.goto('./?view=data');
  await tabA.getByTestId('erase-all').click();
  await tabA.getByTestId('confirm-erase').click();
  await expect(tabA.getByTestId('tools-status')).toBeVisible();

  await expect(tabB.getByTestId('policy-title-zh')).toHaveValue(generatedTitle);
  await expect(tabB.getByTestId('policy-status')).toHaveText('自动生成，尚未保存');
  await tabB.reload();
  await expect(tabB.getByTestId('policy-title-zh')).toHaveValue(generatedTitle);
});
