/**
 * Figures of the presentation scenes (docking meeting, §9.1): aggregates only, with the §9.3
 * confidentiality rules: enterprises get a stable number instead of their name, and a figure of a
 * group with fewer than three enterprises is shown as “<3”.
 */
import type { Batch, Enterprise, InstitutionType } from '../domain/schema';
import { LENDER_TYPES } from '../domain/schema';
import { groupCoverage, coverageBy, rankUncoveredLinks, type Verdict } from './coverage';
import { hasReached, type BatchKpis, batchKpis } from './kpis';
import type { Analysis } from './types';

/** §9.3: a figure about fewer enterprises than this is not shown. */
export const MIN_GROUP_SIZE = 3;

/**
 * Is a group too small to show its figures (§9.3)?
 * @example isSmallGroup(2) // true; isSmallGroup(3) // false
 */
export const isSmallGroup = (count: number, min: number = MIN_GROUP_SIZE): boolean => count < min;

/**
 * A group's figure, or “<3” when the group has fewer than `min` enterprises (§9.3): the figure of
 * one or two firms would disclose them.
 * @example suppressSmall(2, '850万元') // '<3'
 * @example suppressSmall(3, '850万元') // '850万元'
 */
export const suppressSmall = (
  count: number,
  value: string,
  min: number = MIN_GROUP_SIZE,
): string => (isSmallGroup(count, min) ? `<${min}` : value);

/**
 * A stable number per enterprise (1, 2, …) in the order of their ids, for “企业 #17” when names
 * are hidden. The same enterprises give the same numbers whatever order they come in.
 * @example enterpriseAliases([{ id: 'e-b' }, { id: 'e-a' }]) // Map { 'e-a' → 1, 'e-b' → 2 }
 */
export function enterpriseAliases(
  enterprises: readonly Pick<Enterprise, 'id'>[],
): Map<string, number> {
  const ids = [...new Set(enterprises.map((e) => e.id))].sort((a, b) =>
    a < b ? -1 : a > b ? 1 : 0,
  );
  return new Map(ids.map((id, i) => [id, i + 1]));
}

/** Scene 1: the chain in six figures. Amounts in 万元; coverage over SMEs (§5.2). */
export interface ChainSummary {
  links: number;
  enterprises: number;
  smes: number;
  leaders: number;
  need: number;
  gap: number;
  /** gap ÷ need over SMEs; null without need. */
  gapShare: number | null;
  smeCoverage: number | null;
  /** Links with verdict blind spot, uncovered or underfunded. */
  uncoveredLinks: number;
}

/**
 * @example chainSummary(analysis, 't') // { links: 4, enterprises: 5, smes: 4, leaders: 1, … }
 */
export function chainSummary(analysis: Analysis, chainId: string): ChainSummary {
  const { index } = analysis;
  const chain = index.chainById.get(chainId);
  if (!chain) throw new Error(`unknown chain: ${chainId}`);
  const members = index.enterprisesByChain.get(chainId) ?? [];
  const g = groupCoverage(analysis, members);
  return {
    links: chain.linkIds.length,
    enterprises: g.enterprises,
    smes: g.smes,
    leaders: members.filter((e) => e.isChainLeader).length,
    need: g.need,
    gap: g.gap,
    gapShare: g.need > 0 ? g.gap / g.need : null,
    smeCoverage: g.enterpriseCoverage,
    uncoveredLinks: rankUncoveredLinks(analysis, members, 'link').length,
  };
}

/** Scene 3: one city of the chain. */
export interface CityGapRow {
  cityId: string;
  enterprises: number;
  smes: number;
  gap: number;
  smeCoverage: number | null;
  /** Fewer than three SMEs: gap and coverage are not shown, and the city is not ranked. */
  suppressed: boolean;
}

const compareStrings = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The chain's cities by SME financing gap, largest first (ties by id). Cities with fewer than
 * three SMEs come last, by id: their rank would hint at the figure that is hidden.
 * @example cityGapRanking(analysis, 't') // [{ cityId: 'b', gap: 900 … }, { cityId: 'a', gap: 400 … }, { cityId: 'c', suppressed: true … }]
 */
export function cityGapRanking(analysis: Analysis, chainId: string): CityGapRow[] {
  const members = analysis.index.enterprisesByChain.get(chainId) ?? [];
  const rows = [...coverageBy(analysis, members, 'city')].map(([cityId, g]): CityGapRow => ({
    cityId,
    enterprises: g.enterprises,
    smes: g.smes,
    gap: g.gap,
    smeCoverage: g.enterpriseCoverage,
    suppressed: isSmallGroup(g.smes),
  }));
  return rows.sort(
    (a, b) =>
      Number(a.suppressed) - Number(b.suppressed) ||
      (a.suppressed ? 0 : b.gap - a.gap) ||
      compareStrings(a.cityId, b.cityId),
  );
}

/**
 * Scene 4: distinct lenders with a live line to an SME of the chain, counted by institution type
 * (counts only: no bank is named). Types in §2.8 order; types without a lender are left out.
 * @example lendersByType(analysis, 't') // [{ type: 'large_state_bank', count: 2 }, { type: 'city_commercial_bank', count: 1 }]
 */
export function lendersByType(
  analysis: Analysis,
  chainId: string,
): { type: InstitutionType; count: number }[] {
  const { index } = analysis;
  const members = index.enterprisesByChain.get(chainId) ?? [];
  const lenders = new Set(groupCoverage(analysis, members).lenderIds);
  const counts = new Map<InstitutionType, number>();
  for (const id of lenders) {
    const bank = index.bankById.get(id);
    if (bank) counts.set(bank.type, (counts.get(bank.type) ?? 0) + 1);
  }
  return LENDER_TYPES.flatMap((type) => {
    const count = counts.get(type);
    return count ? [{ type, count }] : [];
  });
}

/** Scene 4: one link's SME coverage. */
export interface LinkCoverageRow {
  linkId: string;
  smes: number;
  coveredSmes: number;
  enterpriseCoverage: number | null;
  lenderCount: number;
  verdict: Verdict;
  suppressed: boolean;
}

/**
 * Scene 4: the SME coverage of each link, in the chain's link order.
 * @example linkCoverageRows(analysis, 't')[0] // { linkId: 't.up', smes: 4, coveredSmes: 1, enterpriseCoverage: 0.25, … }
 */
export function linkCoverageRows(analysis: Analysis, chainId: string): LinkCoverageRow[] {
  const { index } = analysis;
  const chain = index.chainById.get(chainId);
  if (!chain) throw new Error(`unknown chain: ${chainId}`);
  const members = index.enterprisesByChain.get(chainId) ?? [];
  const groups = coverageBy(analysis, members, 'link');
  return chain.linkIds.map((linkId) => {
    const g = groups.get(linkId) ?? groupCoverage(analysis, []);
    return {
      linkId,
      smes: g.smes,
      coveredSmes: g.coveredSmes,
      enterpriseCoverage: g.enterpriseCoverage,
      lenderCount: g.lenderCount,
      verdict: g.verdict,
      suppressed: isSmallGroup(g.smes),
    };
  });
}

/** Scene 6: one bank's batch at the meeting. */
export interface BankBatchRow {
  bankId: string;
  /** Distinct enterprises in the bank's batches: the group size for §9.3. */
  enterprises: number;
  kpis: BatchKpis;
}

/**
 * Scene 6: each bank's pipeline, largest batch first (then by bank id).
 * @example bankBatchRows([b1: 2 items, b2: 5 items], new Set()) // [{ bankId: 'b2', enterprises: 5 … }, { bankId: 'b1', … }]
 */
export function bankBatchRows(
  batches: readonly Batch[],
  firstLoanIds: ReadonlySet<string>,
): BankBatchRow[] {
  const byBank = new Map<string, Batch[]>();
  for (const b of batches) byBank.set(b.bankId, [...(byBank.get(b.bankId) ?? []), b]);
  return [...byBank]
    .map(([bankId, list]) => {
      const items = list.flatMap((b) => b.items);
      return {
        bankId,
        enterprises: new Set(items.map((i) => i.enterpriseId)).size,
        kpis: batchKpis(items, { firstLoanIds }),
      };
    })
    .sort((a, b) => b.kpis.pushed - a.kpis.pushed || compareStrings(a.bankId, b.bankId));
}

/** Scene 6: an enterprise with at least one approval at the meeting. */
export interface ApprovedEnterprise {
  enterpriseId: string;
  /** Its furthest stage over all banks. */
  stage: 'approved' | 'disbursed';
  /** Banks whose item reached approval. */
  banks: number;
  firstLoan: boolean;
}

/**
 * Enterprises with at least one item approved or disbursed: disbursed first, then by number of
 * banks (most first), then by id.
 * @example approvedEnterprises([x: e1 approved, y: e1 disbursed, y: e2 pushed], new Set(['e1']))
 * // → [{ enterpriseId: 'e1', stage: 'disbursed', banks: 2, firstLoan: true }]
 */
export function approvedEnterprises(
  batches: readonly Batch[],
  firstLoanIds: ReadonlySet<string>,
): ApprovedEnterprise[] {
  const byEnterprise = new Map<string, ApprovedEnterprise>();
  for (const item of batches.flatMap((b) => b.items)) {
    if (!hasReached(item.status, 'approved')) continue;
    const prev = byEnterprise.get(item.enterpriseId);
    const disbursed = hasReached(item.status, 'disbursed') || prev?.stage === 'disbursed';
    byEnterprise.set(item.enterpriseId, {
      enterpriseId: item.enterpriseId,
      stage: disbursed ? 'disbursed' : 'approved',
      banks: (prev?.banks ?? 0) + 1,
      firstLoan: firstLoanIds.has(item.enterpriseId),
    });
  }
  const rank = (e: ApprovedEnterprise) => (e.stage === 'disbursed' ? 0 : 1);
  return [...byEnterprise.values()].sort(
    (a, b) =>
      rank(a) - rank(b) || b.banks - a.banks || compareStrings(a.enterpriseId, b.enterpriseId),
  );
}

const TYPE_ORDER: readonly InstitutionType[] = [...LENDER_TYPES, 'other'];

/**
 * Items grouped by the institution type of each (§2.8 order, types with items only), for the
 * places where a perspective may count institutions but not name them (§9.3). Input order is kept
 * within a group.
 * @example groupByType([b1 (large state), c1 (joint-stock), b2 (large state)], (b) => b.type)
 * // → [['large_state_bank', [b1, b2]], ['joint_stock_bank', [c1]]]
 */
export function groupByType<T>(
  items: readonly T[],
  typeOf: (item: T) => InstitutionType | undefined,
): [InstitutionType, T[]][] {
  const groups = new Map<InstitutionType, T[]>();
  for (const item of items) {
    const type = typeOf(item) ?? 'other';
    groups.set(type, [...(groups.get(type) ?? []), item]);
  }
  return TYPE_ORDER.flatMap((t): [InstitutionType, T[]][] => {
    const g = groups.get(t);
    return g ? [[t, g]] : [];
  });
}

/**
 * A letter per bank within its type, in input order (A, B, …), so unnamed banks stay apart:
 * “国有大型商业银行 A”.
 * @example typeLetters(['b1', 'c1', 'b2'], typeOf) // Map { b1 → 'A', c1 → 'A', b2 → 'B' }
 */
export function typeLetters(
  bankIds: readonly string[],
  typeOf: (bankId: string) => InstitutionType | undefined,
): Map<string, string> {
  const seen = new Map<InstitutionType, number>();
  const out = new Map<string, string>();
  for (const id of bankIds) {
    const type = typeOf(id) ?? 'other';
    const n = seen.get(type) ?? 0;
    seen.set(type, n + 1);
    out.set(id, n < 26 ? String.fromCharCode(65 + n) : String(n + 1));
  }
  return out;
}
