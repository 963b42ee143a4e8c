/**
 * §5.6 step 6: pipeline KPIs of pushed batches (对接率, 授信率, 放款率, 首贷户数).
 * Counts are per batch item, i.e. per bank × enterprise: a firm pushed to three banks counts three
 * times, as each bank's docking is a separate contact.
 */
import type { Batch, BatchItem, BatchStatus } from '../domain/schema';
import { roundWan } from './metrics';

/** The progressive stages, in order; `declined` and `withdrawn` are terminal side exits. */
export const FUNNEL_STAGES = ['pushed', 'contacted', 'approved', 'disbursed'] as const;
export type FunnelStage = (typeof FUNNEL_STAGES)[number];

/**
 * The furthest progressive stage an item at this status has passed. A decline comes from a bank
 * that looked at the firm, so it counts as contacted. A withdrawal is not known to have followed a
 * contact, so it counts only as pushed.
 */
const REACHED: Record<BatchStatus, FunnelStage> = {
  pushed: 'pushed',
  contacted: 'contacted',
  approved: 'approved',
  disbursed: 'disbursed',
  declined: 'contacted',
  withdrawn: 'pushed',
};

/**
 * Has an item at `status` reached `stage`?
 * @example hasReached('disbursed', 'approved') // true
 * @example hasReached('declined', 'approved') // false
 */
export const hasReached = (status: BatchStatus, stage: FunnelStage): boolean =>
  FUNNEL_STAGES.indexOf(REACHED[status]) >= FUNNEL_STAGES.indexOf(stage);

export interface BatchKpis {
  /** Items that reached each stage: one at `disbursed` also counts as contacted and approved. */
  pushed: number;
  contacted: number;
  approved: number;
  disbursed: number;
  /** Items currently at these terminal statuses. */
  declined: number;
  withdrawn: number;
  /** 对接率 contacted ÷ pushed; null when nothing was pushed. */
  dockingRate: number | null;
  /** 授信率 approved ÷ pushed */
  approvalRate: number | null;
  /** 放款率 disbursed ÷ pushed */
  disbursementRate: number | null;
  /** Σ gap of the items, 万元. */
  gapTotal: number;
  /**
   * Σ gap of approved (or disbursed) items ÷ gapTotal; null when gapTotal = 0. Items do not record
   * the amount approved, so this is the share of the batch's gap whose firms got an approval, not
   * §5.6's Σ approved ÷ Σ gap.
   */
  approvedGapShare: number | null;
  /** 首贷户数: approved items whose firm had no lender; null when `firstLoanIds` was not given. */
  firstLoans: number | null;
}

export interface KpiOptions {
  /** Enterprises without a lender when the batch was built (e.g. `lenderIds.length === 0`). */
  firstLoanIds?: ReadonlySet<string>;
}

const rate = (n: number, d: number): number | null => (d > 0 ? n / d : null);

/**
 * KPIs of a list of batch items.
 * @example
 * batchKpis([{ status: 'disbursed', gap: 300, … }, { status: 'declined', gap: 100, … }])
 * // → { pushed: 2, contacted: 2, approved: 1, disbursed: 1, declined: 1, dockingRate: 1,
 * //     approvalRate: 0.5, gapTotal: 400, approvedGapShare: 0.75, firstLoans: null, … }
 */
export function batchKpis(items: readonly BatchItem[], options: KpiOptions = {}): BatchKpis {
  const reached = (stage: FunnelStage) => items.filter((i) => hasReached(i.status, stage));
  const approvedItems = reached('approved');
  const pushed = items.length;
  const contacted = reached('contacted').length;
  const approved = approvedItems.length;
  const disbursed = reached('disbursed').length;
  const gapTotal = roundWan(items.reduce((s, i) => s + i.gap, 0));
  const approvedGap = roundWan(approvedItems.reduce((s, i) => s + i.gap, 0));
  const { firstLoanIds } = options;
  return {
    pushed,
    contacted,
    approved,
    disbursed,
    declined: items.filter((i) => i.status === 'declined').length,
    withdrawn: items.filter((i) => i.status === 'withdrawn').length,
    dockingRate: rate(contacted, pushed),
    approvalRate: rate(approved, pushed),
    disbursementRate: rate(disbursed, pushed),
    gapTotal,
    approvedGapShare: rate(approvedGap, gapTotal),
    firstLoans: firstLoanIds
      ? approvedItems.filter((i) => firstLoanIds.has(i.enterpriseId)).length
      : null,
  };
}

export type KpiGrouping = 'bank' | 'chain' | 'meeting';

export interface KpiGroup {
  /** The bank, chain or meeting id. */
  key: string;
  batchIds: string[];
  kpis: BatchKpis;
}

const keyOf = (batch: Batch, by: KpiGrouping): string | undefined =>
  by === 'bank' ? batch.bankId : by === 'chain' ? batch.chainId : batch.meetingId;

/**
 * KPIs per bank, chain or meeting over the items of the batches, sorted by key. Batches without a
 * meeting are left out of the `meeting` grouping.
 * @example
 * // batch x of b1 holds one pushed item, batch y of b1 one approved item
 * groupKpis([x, y], 'bank')
 * // → [{ key: 'b1', batchIds: ['x', 'y'], kpis: { pushed: 2, approved: 1, approvalRate: 0.5 … } }]
 */
export function groupKpis(
  batches: readonly Batch[],
  by: KpiGrouping,
  options: KpiOptions = {},
): KpiGroup[] {
  const groups = new Map<string, Batch[]>();
  for (const batch of batches) {
    const key = keyOf(batch, by);
    if (key === undefined) continue;
    groups.set(key, [...(groups.get(key) ?? []), batch]);
  }
  return [...groups]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, group]) => ({
      key,
      batchIds: group.map((b) => b.id),
      kpis: batchKpis(
        group.flatMap((b) => b.items),
        options,
      ),
    }));
}

/**
 * The progressive stages with their counts, in order, for a funnel chart.
 * @example funnel(kpis) // → [{ stage: 'pushed', count: 20 }, { stage: 'contacted', count: 15 }, …]
 */
export const funnel = (kpis: BatchKpis): { stage: FunnelStage; count: number }[] =>
  FUNNEL_STAGES.map((stage) => ({ stage, count: kpis[stage] }));
