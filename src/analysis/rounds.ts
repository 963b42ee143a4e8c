/**
 * Rounds (轮次): dated snapshots of a dataset's credit relations and needs, so that a docking round
 * can be compared before → after (issue 14). The dataset format holds one snapshot; round 2 is
 * derived from it here, deterministically, by serving the docking meetings' batch outcomes, so every
 * difference between the rounds is explainable item by item. Pure: nothing here touches storage.
 *
 * Which outcomes count: each batch item's status in the dataset, with the follow-up statuses kept in
 * this browser (the meeting page's drafts, `StatusEdits`) laid over it — what the official sees on
 * the meeting page is what round 2 serves. Only `approved` and `disbursed` items become credit;
 * `declined`, `withdrawn`, `pushed` and `contacted` change nothing.
 */
import type {
  Batch,
  BatchItem,
  CollateralType,
  CreditRelation,
  Dataset,
  ProductCode,
} from '../domain/schema';
import { addDays } from './dates';
import { applyStatusEdits, itemKey, type StatusEdits } from './meeting';
import { roundWan } from './metrics';

/** Batch statuses that mean the bank granted the line (§5.6 step 6). */
export const CREDIT_OUTCOMES: ReadonlySet<BatchItem['status']> = new Set(['approved', 'disbursed']);

/** The relation id of the credit a batch item became: traceable to the item (`itemKey`). */
export const roundRelationId = (batchId: string, enterpriseId: string): string =>
  `round:${itemKey(batchId, enterpriseId)}`;

/**
 * The collateral a new line of a product is written with (a receivable pledge for receivables
 * finance…); unsecured credit otherwise.
 * @example collateralOfProduct('SCF_AR') // 'pledge_receivable'
 */
export function collateralOfProduct(product: ProductCode): CollateralType {
  switch (product) {
    case 'SCF_AR':
      return 'pledge_receivable';
    case 'SCF_WAREHOUSE':
      return 'pledge_warehouse_receipt';
    case 'SCF_INVENTORY':
      return 'pledge_inventory';
    case 'IP_PLEDGE':
      return 'pledge_ip';
    case 'GOV_GUARANTEE':
      return 'guarantee_gov';
    case 'INSURANCE':
      return 'insurance';
    default:
      return 'credit';
  }
}

/** One batch item that became credit in the next round, with the amount and where it came from. */
export interface RoundCredit {
  relationId: string;
  meetingId: string | null;
  batchId: string;
  bankId: string;
  enterpriseId: string;
  status: 'approved' | 'disbursed';
  product: ProductCode;
  /** 万元 */
  amount: number;
  /** `offer`: an accepted offer of the batch names the amount; `gap_share`: the rule below. */
  amountSource: 'offer' | 'gap_share';
  /** YYYY-MM-DD: the item's status date, else the meeting's date, else the batch's. */
  date: string;
}

const compareStrings = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The batch items of a dataset that become credit, with their amounts.
 *
 * Amount rule: an accepted offer of the same batch, bank and firm names the amount and product.
 * Otherwise, since batch items do not record an amount, the item's gap (the firm's gap when the
 * batch was built) less what accepted offers gave the firm is shared equally among the other banks
 * that approved it, so that a round never lends a firm more than the gap the batches were built on;
 * the last item in batch-id order takes the rounding remainder. The product is the item's first recommended product (one the bank offers,
 * §5.6), else a working-capital loan.
 * @example
 * // e1 (gap 900) approved by b1 and disbursed by b2; e2 (gap 500) declined by b1
 * buildRoundCredits(dataset).map((c) => [c.bankId, c.enterpriseId, c.amount])
 * // → [['b1', 'e1', 450], ['b2', 'e1', 450]]   (900 ÷ 2; e2 changes nothing)
 */
export function buildRoundCredits(dataset: Dataset, edits: StatusEdits = {}): RoundCredit[] {
  const batches = [...applyStatusEdits(dataset.batches, edits)].sort((x, y) =>
    compareStrings(x.id, y.id),
  );
  const meetingById = new Map(dataset.meetings.map((m) => [m.id, m]));
  const meetingOf = (b: Batch) =>
    (b.meetingId !== undefined ? meetingById.get(b.meetingId) : undefined) ??
    dataset.meetings.find((m) => m.batchIds.includes(b.id));
  const offers = new Map(
    dataset.offers
      .filter((o) => o.status === 'accepted' && o.batchId !== undefined)
      .map((o) => [`${o.batchId}|${o.bankId}|${o.enterpriseId}`, o]),
  );

  const offerOf = (batch: Batch, item: BatchItem) =>
    offers.get(`${batch.id}|${batch.bankId}|${item.enterpriseId}`);
  const granted: { batch: Batch; item: BatchItem }[] = [];
  // Per firm: how many grants share its gap, and how much accepted offers already gave it.
  const sharing = new Map<string, { n: number; offered: number }>();
  for (const batch of batches) {
    for (const item of batch.items) {
      if (!CREDIT_OUTCOMES.has(item.status)) continue;
      granted.push({ batch, item });
      const s = sharing.get(item.enterpriseId) ?? { n: 0, offered: 0 };
      const offer = offerOf(batch, item);
      if (offer) s.offered = roundWan(s.offered + offer.amount);
      else s.n++;
      sharing.set(item.enterpriseId, s);
    }
  }

  const sharedSoFar = new Map<string, { n: number; sum: number }>();
  return granted.map(({ batch, item }) => {
    const meeting = meetingOf(batch);
    const offer = offerOf(batch, item);
    let amount: number;
    if (offer) {
      amount = offer.amount;
    } else {
      const { n, offered } = sharing.get(item.enterpriseId) ?? { n: 1, offered: 0 };
      const pot = roundWan(Math.max(0, item.gap - offered));
      const so = sharedSoFar.get(item.enterpriseId) ?? { n: 0, sum: 0 };
      amount = so.n === n - 1 ? roundWan(Math.max(0, pot - so.sum)) : roundWan(pot / n);
      sharedSoFar.set(item.enterpriseId, { n: so.n + 1, sum: roundWan(so.sum + amount) });
    }
    return {
      relationId: roundRelationId(batch.id, item.enterpriseId),
      meetingId: meeting?.id ?? null,
      batchId: batch.id,
      bankId: batch.bankId,
      enterpriseId: item.enterpriseId,
      status: item.status as 'approved' | 'disbursed',
      product: offer?.product ?? item.recommendedProducts[0] ?? 'WC_LOAN',
      amount,
      amountSource: offer ? 'offer' : 'gap_share',
      date: item.statusDate ?? meeting?.date ?? batch.createdAt,
    };
  });
}

/**
 * The credit relation a granted item becomes: a disbursed item is an active line fully drawn, an
 * approved one an approved, undrawn line; one year's tenor from the item's date. A first loan when
 * the firm had no live line before the round.
 * @example
 * toRoundRelation({ relationId: 'round:x|e1', bankId: 'b1', enterpriseId: 'e1', status: 'approved',
 *   product: 'FIRST_LOAN', amount: 450, date: '2025-07-01', … }, true)
 * // → { id: 'round:x|e1', status: 'approved_undrawn', creditLine: 450, outstanding: 0,
 * //     collateral: 'credit', startDate: '2025-07-01', maturityDate: '2026-07-01', isFirstLoan: true, … }
 */
export function toRoundRelation(credit: RoundCredit, isFirstLoan: boolean): CreditRelation {
  return {
    id: credit.relationId,
    bankId: credit.bankId,
    enterpriseId: credit.enterpriseId,
    product: credit.product,
    creditLine: credit.amount,
    outstanding: credit.status === 'disbursed' ? credit.amount : 0,
    collateral: collateralOfProduct(credit.product),
    tenorMonths: 12,
    startDate: credit.date,
    maturityDate: addDays(credit.date, 365),
    status: credit.status === 'disbursed' ? 'active' : 'approved_undrawn',
    isFirstLoan,
  };
}

/**
 * Round 2 of a dataset: round 1 with every granted batch item (`buildRoundCredits`) added as a
 * credit relation, and the batches carrying the statuses that were served. Needs, firms, banks and
 * the data date are unchanged, so every difference between the rounds is one of these relations.
 * Declined items change nothing. The input is not mutated.
 * @example
 * // round 1: e1 need 1000, no line; batch x: b1 approved e1 (gap 1000)
 * const r2 = deriveRound(dataset);
 * r2.creditRelations // → [{ id: 'round:x|e1', bankId: 'b1', creditLine: 1000, status: 'approved_undrawn', … }]
 * // e1's gap: 1000 in round 1 → 0 in round 2
 */
export function deriveRound(dataset: Dataset, edits: StatusEdits = {}): Dataset {
  return withCredits(dataset, edits, buildRoundCredits(dataset, edits));
}

function withCredits(dataset: Dataset, edits: StatusEdits, credits: readonly RoundCredit[]) {
  const hadLine = new Set(
    dataset.creditRelations
      .filter((r) => r.status === 'active' || r.status === 'approved_undrawn')
      .map((r) => r.enterpriseId),
  );
  const existingIds = new Set(dataset.creditRelations.map((r) => r.id));
  const added = credits
    .filter((c) => !existingIds.has(c.relationId))
    .map((c) => toRoundRelation(c, !hadLine.has(c.enterpriseId)));
  return {
    ...dataset,
    creditRelations: [...dataset.creditRelations, ...added],
    batches: applyStatusEdits(dataset.batches, edits),
  };
}

/** One round of a dataset: round 1 is the dataset as loaded. */
export interface Round {
  /** '1', '2' … as in the URL (`cmp=1..2`). */
  id: string;
  readonly dataset: Dataset;
  /** YYYY-MM-DD: the data date for round 1, the latest granted item's date for round 2. */
  date: string;
  /** The items served to make this round from the previous one (empty for round 1). */
  credits: RoundCredit[];
}

/**
 * The rounds of a dataset: round 1 as loaded, and round 2 when its meetings' batches have granted
 * at least one item (with the browser's follow-up edits laid over the dataset's statuses).
 * @example buildRounds(demo).map((r) => r.id) // ['1', '2']
 * @example buildRounds(importWithoutBatches).map((r) => r.id) // ['1']
 */
export function buildRounds(dataset: Dataset, edits: StatusEdits = {}): Round[] {
  const first: Round = { id: '1', dataset, date: dataset.meta.asOf, credits: [] };
  const credits = buildRoundCredits(dataset, edits);
  if (credits.length === 0) return [first];
  const date = credits.reduce((max, c) => (c.date > max ? c.date : max), dataset.meta.asOf);
  // Round 2's dataset copies every credit relation (100,000 at scale): built when first read (a
  // comparison), not whenever the Atlas lists the rounds.
  let derived: Dataset | null = null;
  const second: Round = {
    id: '2',
    get dataset() {
      return (derived ??= withCredits(dataset, edits, credits));
    },
    date,
    credits,
  };
  return [first, second];
}
