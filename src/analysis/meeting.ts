/**
 * Docking meetings (政银企对接会, §5.6 step 6, §6 DockingMeeting): which meeting to show, its batches,
 * the follow-up statuses an official edits on top of the dataset's own, and the KPIs and funnel of
 * the edited pipeline. Pure: edits are plain records, the storage lives in the view.
 */
import type { Batch, BatchItem, BatchStatus, Dataset, DockingMeeting } from '../domain/schema';
import {
  batchKpis,
  FUNNEL_STAGES,
  groupKpis,
  type BatchKpis,
  type FunnelStage,
  type KpiGroup,
} from './kpis';
import type { Analysis } from './types';

/** A follow-up status set by hand; it replaces the dataset's status, date and reason of one item. */
export interface StatusEdit {
  status: BatchStatus;
  /** YYYY-MM-DD */
  statusDate?: string;
  declineReason?: string;
}

/** Edits by item key (`itemKey(batchId, enterpriseId)`). */
export type StatusEdits = Readonly<Record<string, StatusEdit>>;

/**
 * The key of one batch item: an enterprise appears at most once in a bank's batch.
 * @example itemKey('bt-1', 'e-7') // 'bt-1|e-7'
 */
export const itemKey = (batchId: string, enterpriseId: string): string =>
  `${batchId}|${enterpriseId}`;

/**
 * The meeting to show: the requested one if the dataset has it, else the first meeting of the
 * chain, else the first meeting; null when the dataset has none.
 * @example pickMeeting([m1 (chain ic), m2 (chain nev)], null, 'nev') // m2
 */
export function pickMeeting(
  meetings: readonly DockingMeeting[],
  meetingId: string | null,
  chainId: string | null,
): DockingMeeting | null {
  return (
    meetings.find((m) => m.id === meetingId) ??
    (chainId !== null ? meetings.find((m) => m.chainIds.includes(chainId)) : undefined) ??
    meetings[0] ??
    null
  );
}

/**
 * The batches presented at a meeting: those listed in `batchIds` (in that order), then any other
 * batch whose `meetingId` names the meeting.
 * @example meetingBatches(dataset, { batchIds: ['y', 'x'], … }) // [batch y, batch x]
 */
export function meetingBatches(
  dataset: Pick<Dataset, 'batches'>,
  meeting: DockingMeeting,
): Batch[] {
  const byId = new Map(dataset.batches.map((b) => [b.id, b]));
  const listed = meeting.batchIds.flatMap((id) => byId.get(id) ?? []);
  const listedIds = new Set(listed.map((b) => b.id));
  const others = dataset.batches.filter((b) => b.meetingId === meeting.id && !listedIds.has(b.id));
  return [...listed, ...others];
}

function applyEdit(item: BatchItem, edit: StatusEdit): BatchItem {
  const out: BatchItem = { ...item, status: edit.status };
  delete out.statusDate;
  delete out.declineReason;
  if (edit.statusDate !== undefined) out.statusDate = edit.statusDate;
  if (edit.status === 'declined' && edit.declineReason !== undefined) {
    out.declineReason = edit.declineReason;
  }
  return out;
}

/**
 * The batches with the edits laid over the dataset's statuses. An edit replaces status, date and
 * reason together; edits of items the batches do not hold are ignored. Inputs are not mutated.
 * @example
 * applyStatusEdits([{ id: 'x', items: [{ enterpriseId: 'e1', status: 'pushed' }] }],
 *   { 'x|e1': { status: 'contacted', statusDate: '2025-07-01' } })
 * // → [{ id: 'x', items: [{ enterpriseId: 'e1', status: 'contacted', statusDate: '2025-07-01' }] }]
 */
export function applyStatusEdits(batches: readonly Batch[], edits: StatusEdits): Batch[] {
  return batches.map((batch) => ({
    ...batch,
    items: batch.items.map((item) => {
      const edit = edits[itemKey(batch.id, item.enterpriseId)];
      return edit ? applyEdit(item, edit) : item;
    }),
  }));
}

const sameAsItem = (item: BatchItem, edit: StatusEdit): boolean =>
  item.status === edit.status &&
  item.statusDate === edit.statusDate &&
  (edit.status !== 'declined' || item.declineReason === edit.declineReason);

/**
 * The edits after one item changed. An edit that brings the item back to the dataset's own status
 * (same status, date and reason) is dropped, so the edits list only real changes.
 * @example
 * // dataset: x|e1 pushed
 * withStatusEdit({}, batches, 'x', 'e1', { status: 'contacted' }) // { 'x|e1': { status: 'contacted' } }
 * withStatusEdit({ 'x|e1': … }, batches, 'x', 'e1', { status: 'pushed' }) // {}
 */
export function withStatusEdit(
  edits: StatusEdits,
  original: readonly Batch[],
  batchId: string,
  enterpriseId: string,
  edit: StatusEdit,
): StatusEdits {
  const key = itemKey(batchId, enterpriseId);
  const item = original
    .find((b) => b.id === batchId)
    ?.items.find((i) => i.enterpriseId === enterpriseId);
  if (!item) throw new Error(`unknown batch item: ${key}`);
  const rest: Record<string, StatusEdit> = { ...edits };
  delete rest[key];
  const clean: StatusEdit = {
    status: edit.status,
    ...(edit.statusDate ? { statusDate: edit.statusDate } : {}),
    ...(edit.status === 'declined' && edit.declineReason
      ? { declineReason: edit.declineReason }
      : {}),
  };
  return sameAsItem(item, clean) ? rest : { ...rest, [key]: clean };
}

/**
 * Enterprises of the items that had no lender (no live bank credit) in the dataset: an approval
 * for one of them is a first loan (首贷).
 * @example firstLoanIdsOf(analysis, [batch with e1 (no lender), e2 (one lender)]) // Set { 'e1' }
 */
export function firstLoanIdsOf(analysis: Analysis, batches: readonly Batch[]): Set<string> {
  const ids = new Set<string>();
  for (const b of batches) {
    for (const i of b.items) {
      if (analysis.byEnterprise.get(i.enterpriseId)?.lenderIds.length === 0)
        ids.add(i.enterpriseId);
    }
  }
  return ids;
}

export interface MeetingKpis {
  /** Over every item of the meeting's batches. */
  meeting: BatchKpis;
  byChain: KpiGroup[];
  byBank: KpiGroup[];
}

/**
 * KPIs of a meeting's (edited) batches, for the meeting, per chain and per bank.
 * @example meetingKpis([x (b1: approved), y (b2: pushed)], new Set()).meeting.approvalRate // 0.5
 */
export function meetingKpis(
  batches: readonly Batch[],
  firstLoanIds: ReadonlySet<string>,
): MeetingKpis {
  const options = { firstLoanIds };
  return {
    meeting: batchKpis(
      batches.flatMap((b) => b.items),
      options,
    ),
    byChain: groupKpis(batches, 'chain', options),
    byBank: groupKpis(batches, 'bank', options),
  };
}

export interface FunnelRow {
  stage: FunnelStage;
  count: number;
  /** count ÷ pushed (the KPI rates); null when nothing was pushed. */
  ofPushed: number | null;
  /** count ÷ the previous stage's count; null for the first stage or when the previous is 0. */
  ofPrevious: number | null;
}

/**
 * The funnel's rows, pushed → contacted → approved → disbursed.
 * @example funnelRows({ pushed: 10, contacted: 8, approved: 4, disbursed: 2, … })
 * // → [{ stage: 'pushed', count: 10, ofPushed: 1, ofPrevious: null },
 * //    { stage: 'contacted', count: 8, ofPushed: 0.8, ofPrevious: 0.8 },
 * //    { stage: 'approved', count: 4, ofPushed: 0.4, ofPrevious: 0.5 }, …]
 */
export function funnelRows(kpis: Pick<BatchKpis, FunnelStage>): FunnelRow[] {
  return FUNNEL_STAGES.map((stage, i) => {
    const count = kpis[stage];
    const previous = i > 0 ? kpis[FUNNEL_STAGES[i - 1] as FunnelStage] : 0;
    return {
      stage,
      count,
      ofPushed: kpis.pushed > 0 ? count / kpis.pushed : null,
      ofPrevious: i > 0 && previous > 0 ? count / previous : null,
    };
  });
}

/**
 * Declined items by reason, most frequent first, then by reason; a missing reason counts as ''.
 * @example declineReasons([declined 'a', declined 'b', declined 'a', pushed]) // [{ reason: 'a', count: 2 }, { reason: 'b', count: 1 }]
 */
export function declineReasons(items: readonly BatchItem[]): { reason: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const i of items) {
    if (i.status !== 'declined') continue;
    const reason = i.declineReason ?? '';
    counts.set(reason, (counts.get(reason) ?? 0) + 1);
  }
  return [...counts]
    .map(([reason, count]) => ({ reason, count }))
    .sort((a, b) => b.count - a.count || (a.reason < b.reason ? -1 : a.reason > b.reason ? 1 : 0));
}
