import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { analyzeDataset } from '../../src/analysis/analyze';
import { batchKpis } from '../../src/analysis/kpis';
import {
  applyStatusEdits,
  firstLoanIdsOf,
  itemKey,
  meetingBatches,
} from '../../src/analysis/meeting';
import {
  approvedEnterprises,
  bankBatchRows,
  enterpriseAliases,
  linkCoverageRows,
} from '../../src/analysis/present';
import { DatasetSchema } from '../../src/domain/schema';
import { formatCount, formatShare } from '../../src/i18n/format';
import { expect, test } from './fixtures';

const demo = DatasetSchema.parse(JSON.parse(readFileSync('data/demo.v1.json', 'utf8')));
const analysis = analyzeDataset(demo);
const meeting = demo.meetings.find((m) => m.chainIds.includes('nev'))!;
const chainId = meeting.chainIds[0]!;
const batches = meetingBatches(demo, meeting);
const firstLoanIds = firstLoanIdsOf(analysis, batches);
const SCENE_COUNT = 6;

/** Every enterprise name and USCC of the dataset: none may show while names are hidden. */
const secrets = demo.enterprises.flatMap((e) => [e.nameZh, e.nameEn ?? '', e.uscc]).filter(Boolean);

async function expectNoEnterpriseNames(page: Page) {
  const text = await page.locator('body').innerText();
  const shown = secrets.filter((s) => text.includes(s));
  expect(shown, 'enterprise names or USCCs in the page').toEqual([]);
}

async function expectSceneReady(page: Page, n: number) {
  await expect(page.getByTestId('view-present')).toHaveAttribute('data-scene', String(n));
  await expect(page.getByTestId('scene')).toHaveAttribute('data-scene-ready', 'true', {
    timeout: 30_000,
  });
  await expect(page.getByTestId('scene-counter')).toHaveText(`${n} / ${SCENE_COUNT}`);
}

test('the presenter steps through the six scenes with →, each a URL, names hidden throughout', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto(`./?view=present&meeting=${meeting.id}`);
  await expect(page.getByTestId('present-title')).toHaveText(meeting.titleZh);
  const titles: string[] = [];
  for (let n = 1; n <= SCENE_COUNT; n++) {
    await expectSceneReady(page, n);
    if (n === 1) await expect(page).not.toHaveURL(/scene=/);
    else await expect(page).toHaveURL(new RegExp(`[?&]scene=${n}(&|$)`));
    titles.push((await page.getByTestId('scene-title').innerText()).trim());
    await expectNoEnterpriseNames(page);
    await page.keyboard.press('ArrowRight');
  }
  // Six different scenes; → on the last one stays there.
  expect(new Set(titles).size).toBe(SCENE_COUNT);
  await expectSceneReady(page, SCENE_COUNT);

  // Large type: body text of at least 28 px on a 1920 × 1080 screen.
  const px = await page
    .getByTestId('view-present')
    .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  expect(px).toBeGreaterThanOrEqual(28);

  // ← goes back; a scene's URL opens that scene.
  await page.keyboard.press('ArrowLeft');
  await expectSceneReady(page, SCENE_COUNT - 1);
  await page.goto(`./?view=present&meeting=${meeting.id}&scene=3`);
  await expectSceneReady(page, 3);
  await expect(page.getByTestId('scene-title')).toHaveText(titles[2]!);
});

test('names are hidden as “企业 #n” until N shows them', async ({ page }) => {
  const aliases = enterpriseAliases(analysis.index.enterprisesByChain.get(chainId) ?? []);
  const first = approvedEnterprises(batches, firstLoanIds)[0]!;
  const enterprise = analysis.index.enterpriseById.get(first.enterpriseId)!;

  await page.goto(`./?view=present&meeting=${meeting.id}&scene=6`);
  await expectSceneReady(page, 6);
  const list = page.getByTestId('approved-enterprises');
  await expect(list.locator('li').first()).toContainText(`企业 #${aliases.get(enterprise.id)}`);
  await expect(page.getByTestId('view-present')).toContainText('企业 #');
  await expectNoEnterpriseNames(page);

  await page.keyboard.press('n');
  await expect(page).toHaveURL(/names=1/);
  await expect(page.getByTestId('names-toggle')).toHaveAttribute('aria-pressed', 'true');
  await expect(list.locator('li').first()).toContainText(enterprise.nameZh);
  await expect(page.getByTestId('view-present')).not.toContainText('企业 #');

  await page.keyboard.press('N');
  await expect(list.locator('li').first()).toContainText(`企业 #${aliases.get(enterprise.id)}`);
  await expectNoEnterpriseNames(page);
});

test('a bank with fewer than 3 enterprises in its batch shows “<3”, larger ones their figures', async ({
  page,
}) => {
  const rows = bankBatchRows(batches, firstLoanIds);
  const small = rows.find((r) => r.enterprises < 3);
  const large = rows.find((r) => r.enterprises >= 3);
  expect(small, 'the demo meeting has a bank with fewer than 3 enterprises').toBeDefined();
  expect(large).toBeDefined();

  await page.goto(`./?view=present&meeting=${meeting.id}&scene=6`);
  await expectSceneReady(page, 6);
  const table = page.getByTestId('bank-batches');
  const smallCells = table.locator(`tr[data-bank="${small!.bankId}"] td`);
  await expect(smallCells).toHaveText(['<3', '<3', '<3', '<3']);
  await expect(table.locator(`tr[data-bank="${large!.bankId}"] td`).first()).toHaveText(
    formatCount(large!.kpis.pushed, 'zh'),
  );
});

test('a link with fewer than 3 SMEs shows “<3” for its coverage on the bank-coverage scene', async ({
  page,
}) => {
  // Find, in the demo, a chain with such a link and the meeting about that chain.
  const chain = demo.chains.find((c) =>
    linkCoverageRows(analysis, c.id).some((r) => r.suppressed),
  )!;
  expect(chain, 'the demo has a link with fewer than 3 SMEs').toBeDefined();
  const rows = linkCoverageRows(analysis, chain.id);
  const small = rows.find((r) => r.suppressed)!;
  const large = rows.find((r) => !r.suppressed)!;
  const m = demo.meetings.find((x) => x.chainIds[0] === chain.id)!;

  await page.goto(`./?view=present&meeting=${m.id}&scene=4`);
  await expectSceneReady(page, 4);
  const table = page.getByTestId('link-coverage');
  await expect(table.locator(`[data-link="${small.linkId}"] [data-col="coverage"]`)).toHaveText(
    '<3',
  );
  await expect(table.locator(`[data-link="${large.linkId}"] [data-col="coverage"]`)).toHaveText(
    formatShare(large.enterpriseCoverage, 'zh'),
  );
});

test('Escape leaves for the meeting page; the presentation reads in English', async ({ page }) => {
  await page.goto(`./?view=present&meeting=${meeting.id}&scene=2&lang=en`);
  await expectSceneReady(page, 2);
  await expect(page.getByTestId('scene-title')).toHaveText('Weak and uncovered links');
  await expect(page.getByTestId('present-title')).toHaveText(meeting.titleEn!);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('view-meeting')).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`view=meeting.*meeting=${meeting.id}`));
});

test('a click on a control leaves Space to the scenes', async ({ page }) => {
  await page.goto(`./?view=present&meeting=${meeting.id}&scene=2`);
  await expectSceneReady(page, 2);
  await page.getByTestId('names-toggle').click();
  await expect(page.getByTestId('names-toggle')).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press(' ');
  await expectSceneReady(page, 3);
  await expect(page.getByTestId('names-toggle')).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('PageUp');
  await expectSceneReady(page, 2);
});

test('the batches scene shows the follow-up statuses edited on the meeting page', async ({
  page,
}) => {
  const batch = batches.find((b) => b.items.some((i) => i.status === 'pushed'))!;
  const item = batch.items.find((i) => i.status === 'pushed')!;
  const key = itemKey(batch.id, item.enterpriseId);
  const edited = applyStatusEdits(batches, { [key]: { status: 'disbursed' } });
  const before = batchKpis(batches.flatMap((b) => b.items));
  const after = batchKpis(edited.flatMap((b) => b.items));
  expect(after.disbursed).toBe(before.disbursed + 1);

  await page.goto(`./?view=meeting&meeting=${meeting.id}`);
  await expect(page.getByTestId('view-meeting')).toHaveAttribute('data-draft', 'loaded');
  await page
    .locator(`tr[data-item="${key}"] select[data-field="status"]`)
    .selectOption('disbursed');
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved');
  await page.getByTestId('meeting-present').click();
  await expectSceneReady(page, 1);
  await page.keyboard.press('End');
  await expectSceneReady(page, SCENE_COUNT);
  await expect(page.locator('g[data-stage="disbursed"] .count')).toHaveText(
    formatCount(after.disbursed, 'zh'),
  );

  // A new page (reload) reads the same statuses from this browser's storage.
  await page.reload();
  await expectSceneReady(page, SCENE_COUNT);
  await expect(page.locator('g[data-stage="disbursed"] .count')).toHaveText(
    formatCount(after.disbursed, 'zh'),
  );
});
