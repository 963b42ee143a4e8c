/**
 * Comparison of two analyses of the same firms (issue 14): two rounds of a dataset (before → after
 * a docking round) or a baseline and a scenario. Every figure comes from the existing §5.2 group
 * coverage (`groupCoverage`, `coverageBy`, `bankFootprintCoverage`); this module only pairs them up,
 * takes differences and says which relations and firms made each difference.
 */
import type { CreditRelation, Enterprise } from '../domain/schema';
import {
  bankFootprintCoverage,
  coverageBy,
  groupCoverage,
  type GroupCoverage,
  type Verdict,
} from './coverage';
import { isLiveRelation } from './dataset-index';
import { roundWan } from './metrics';
import type { Analysis } from './types';

export const COMPARISON_KINDS = ['chain', 'link', 'city', 'province', 'linkCity', 'bank'] as const;
export type ComparisonKind = (typeof COMPARISON_KINDS)[number];

/** A group's figures in one of the two analyses. Amounts in 万元, over the group's SMEs (§5.2). */
export interface CompareFigures {
  need: number;
  /** Σ approved (live lines, §5.1) of the SMEs; for a bank row, the bank's own live lines to them. */
  approved: number;
  gap: number;
  smes: number;
  coveredSmes: number;
  /** covered SMEs ÷ SMEs; null without SMEs */
  smeCoverage: number | null;
  verdict: Verdict;
}

export interface ComparisonRow {
  kind: ComparisonKind;
  /** chain id, link id, city id, province (Chinese name), `linkId|cityId` or bank id */
  key: string;
  before: CompareFigures;
  after: CompareFigures;
  /** after − before; smeCoverage in share points (0–1), null when either side has no SMEs. */
  delta: { need: number; approved: number; gap: number; smeCoverage: number | null };
  verdictChanged: boolean;
  /** The relations added, removed or changed between the analyses that touch this group, sorted. */
  relationIds: string[];
  /** The group's firms whose need or relations changed, sorted. */
  enterpriseIds: string[];
}

export interface Comparison {
  /** Every chain of the dataset. */
  chains: ComparisonRow[];
  /** Links, cities and link × city groups of the scope (one chain, or every firm). */
  links: ComparisonRow[];
  cities: ComparisonRow[];
  /** By province (Chinese name, as `coverageBy` keys it). */
  provinces: ComparisonRow[];
  linkCities: ComparisonRow[];
  /**
   * Banks that own a changed relation in the scope: the actors of the round or scenario. Their
   * `approved` is the bank's own live lines to the scope's SMEs; need, gap, coverage and verdict are
   * those of the SMEs in the bank's footprint (§5.2), served by anyone.
   */
  banks: ComparisonRow[];
  /** Every changed relation id (added, removed, or line / status / outstanding changed), sorted. */
  relationIds: string[];
  /** Every firm whose need or relations changed, sorted. */
  enterpriseIds: string[];
}

const compareStrings = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

const sameRelation = (a: CreditRelation, b: CreditRelation): boolean =>
  a.bankId === b.bankId &&
  a.enterpriseId === b.enterpriseId &&
  a.creditLine === b.creditLine &&
  a.outstanding === b.outstanding &&
  a.status === b.status;

/**
 * The relations that differ between two datasets: added, removed, or with another bank, firm, line,
 * outstanding or status.
 * @example changedRelations([r1 (300)], [r1 (300, matured), r2]) // [r1, r2]
 */
export function changedRelations(
  before: readonly CreditRelation[],
  after: readonly CreditRelation[],
): CreditRelation[] {
  const beforeById = new Map(before.map((r) => [r.id, r]));
  const afterIds = new Set<string>();
  const out: CreditRelation[] = [];
  for (const r of after) {
    afterIds.add(r.id);
    const old = beforeById.get(r.id);
    if (!old || !sameRelation(old, r)) out.push(r);
  }
  for (const r of before) if (!afterIds.has(r.id)) out.push(r);
  return out.sort((x, y) => compareStrings(x.id, y.id));
}

function figuresOf(g: GroupCoverage, approved: number): CompareFigures {
  return {
    need: g.need,
    approved: roundWan(approved),
    gap: g.gap,
    smes: g.smes,
    coveredSmes: g.coveredSmes,
    smeCoverage: g.enterpriseCoverage,
    verdict: g.verdict,
  };
}

/** Σ approved over the SMEs of a group (each firm once). */
function smeApproved(analysis: Analysis, members: readonly Enterprise[]): number {
  let sum = 0;
  const seen = new Set<string>();
  for (const e of members) {
    if (seen.has(e.id)) continue;
    seen.add(e.id);
    const a = analysis.byEnterprise.get(e.id);
    if (a?.isSme) sum += a.approved;
  }
  return sum;
}

function toRow(
  kind: ComparisonKind,
  key: string,
  before: CompareFigures,
  after: CompareFigures,
  relationIds: string[],
  enterpriseIds: string[],
): ComparisonRow {
  return {
    kind,
    key,
    before,
    after,
    delta: {
      need: roundWan(after.need - before.need),
      approved: roundWan(after.approved - before.approved),
      gap: roundWan(after.gap - before.gap),
      smeCoverage:
        before.smeCoverage !== null && after.smeCoverage !== null
          ? after.smeCoverage - before.smeCoverage
          : null,
    },
    verdictChanged: before.verdict !== after.verdict,
    relationIds,
    enterpriseIds,
  };
}

/**
 * Rows with a changed verdict first, then the largest change of gap (either sign), then by key.
 * @example sortComparisonRows([a (Δgap −900), b (verdict changed, Δgap −100)]) // [b, a]
 */
export function sortComparisonRows(rows: readonly ComparisonRow[]): ComparisonRow[] {
  return [...rows].sort(
    (x, y) =>
      Number(y.verdictChanged) - Number(x.verdictChanged) ||
      Math.abs(y.delta.gap) - Math.abs(x.delta.gap) ||
      compareStrings(x.key, y.key),
  );
}

/** Is anything different in this row (a figure, the verdict or a traced change)? */
export const isChangedRow = (row: ComparisonRow): boolean =>
  row.verdictChanged ||
  row.delta.need !== 0 ||
  row.delta.approved !== 0 ||
  row.delta.gap !== 0 ||
  (row.delta.smeCoverage ?? 0) !== 0 ||
  row.relationIds.length > 0;

export interface CompareOptions {
  /** Narrow links, cities, link × city and banks to one chain; chains are always all listed. */
  chainId?: string;
}

/**
 * Per chain, link, city, link × city and bank: need, approved credit, gap, SME coverage and verdict
 * before and after, their differences, and the changed relations and firms behind each row. Both
 * analyses must be of the same firms (two rounds, or a baseline and a scenario). Rows are sorted with
 * `sortComparisonRows`. Inputs are not mutated.
 * @example
 * // t.mid: SMEs e1 (need 1000, no line) and e2, e3 (need 1000, 600 each from b1);
 * // after: r9 = b2 lends e1 1000
 * compareAnalyses(before, after).links[0]
 * // → { key: 't.mid', before: { gap: 1800, smeCoverage: 0.667, verdict: 'underfunded' … },
 * //     after: { gap: 800, smeCoverage: 1, verdict: 'covered' … },
 * //     delta: { gap: -1000, approved: 1000, … }, verdictChanged: true, relationIds: ['r9'], … }
 */
export function compareAnalyses(
  before: Analysis,
  after: Analysis,
  options: CompareOptions = {},
): Comparison {
  const datasetBefore = before.index.dataset;
  const datasetAfter = after.index.dataset;
  const changed = changedRelations(datasetBefore.creditRelations, datasetAfter.creditRelations);
  const changedByFirm = new Map<string, string[]>();
  for (const r of changed) {
    const list = changedByFirm.get(r.enterpriseId);
    if (list) list.push(r.id);
    else changedByFirm.set(r.enterpriseId, [r.id]);
  }
  const changedFirms = new Set(changedByFirm.keys());
  for (const e of datasetAfter.enterprises) {
    const old = before.index.enterpriseById.get(e.id);
    if (!old || old.financingNeed !== e.financingNeed) changedFirms.add(e.id);
  }

  /** The changed relations and firms among a group's members. */
  const traceOf = (members: readonly Enterprise[]) => {
    const relationIds = new Set<string>();
    const enterpriseIds = new Set<string>();
    for (const e of members) {
      if (!changedFirms.has(e.id)) continue;
      enterpriseIds.add(e.id);
      for (const id of changedByFirm.get(e.id) ?? []) relationIds.add(id);
    }
    return { relationIds: [...relationIds].sort(), enterpriseIds: [...enterpriseIds].sort() };
  };

  const chains = datasetAfter.chains.map((chain) => {
    const membersB = before.index.enterprisesByChain.get(chain.id) ?? [];
    const membersA = after.index.enterprisesByChain.get(chain.id) ?? [];
    const t = traceOf(membersA);
    return toRow(
      'chain',
      chain.id,
      figuresOf(groupCoverage(before, membersB), smeApproved(before, membersB)),
      figuresOf(groupCoverage(after, membersA), smeApproved(after, membersA)),
      t.relationIds,
      t.enterpriseIds,
    );
  });

  const scopeOf = (analysis: Analysis) =>
    options.chainId !== undefined
      ? (analysis.index.enterprisesByChain.get(options.chainId) ?? [])
      : analysis.index.dataset.enterprises;
  const scopeB = scopeOf(before);
  const scopeA = scopeOf(after);

  const grouped = (by: 'link' | 'city' | 'province' | 'linkCity', kind: ComparisonKind) => {
    const covB = coverageBy(before, scopeB, by);
    const covA = coverageBy(after, scopeA, by);
    const membersB = membersBy(before, scopeB, by);
    const membersA = membersBy(after, scopeA, by);
    const rows: ComparisonRow[] = [];
    for (const [key, a] of covA) {
      const b = covB.get(key);
      if (!b) continue;
      const mA = membersA.get(key) ?? [];
      const t = traceOf(mA);
      rows.push(
        toRow(
          kind,
          key,
          figuresOf(b, smeApproved(before, membersB.get(key) ?? [])),
          figuresOf(a, smeApproved(after, mA)),
          t.relationIds,
          t.enterpriseIds,
        ),
      );
    }
    return sortComparisonRows(rows);
  };

  const scopeIds = new Set(scopeA.map((e) => e.id));
  const bankIds = [
    ...new Set(changed.filter((r) => scopeIds.has(r.enterpriseId)).map((r) => r.bankId)),
  ].sort();
  const banks: ComparisonRow[] = [];
  for (const bankId of bankIds) {
    const b = bankFootprintCoverage(before, bankId, scopeB);
    const a = bankFootprintCoverage(after, bankId, scopeA);
    if (!a || !b) continue;
    const relationIds = changed
      .filter((r) => r.bankId === bankId && scopeIds.has(r.enterpriseId))
      .map((r) => r.id);
    const enterpriseIds = [
      ...new Set(
        changed
          .filter((r) => r.bankId === bankId && scopeIds.has(r.enterpriseId))
          .map((r) => r.enterpriseId),
      ),
    ].sort();
    banks.push(
      toRow(
        'bank',
        bankId,
        figuresOf(b, bankLines(before, bankId, scopeB)),
        figuresOf(a, bankLines(after, bankId, scopeA)),
        relationIds,
        enterpriseIds,
      ),
    );
  }

  return {
    chains: sortComparisonRows(chains),
    links: grouped('link', 'link'),
    cities: grouped('city', 'city'),
    provinces: grouped('province', 'province'),
    linkCities: grouped('linkCity', 'linkCity'),
    banks: sortComparisonRows(banks),
    relationIds: changed.map((r) => r.id),
    enterpriseIds: [...changedFirms].sort(),
  };
}

/** Members of each group, keyed as `coverageBy` keys them (link, city, province, `linkId|cityId`). */
function membersBy(
  analysis: Analysis,
  enterprises: readonly Enterprise[],
  by: 'link' | 'city' | 'province' | 'linkCity',
): Map<string, Enterprise[]> {
  const out = new Map<string, Enterprise[]>();
  for (const e of enterprises) {
    const province = analysis.index.cityById.get(e.cityId)?.provinceZh;
    const keys =
      by === 'link'
        ? e.linkIds
        : by === 'city'
          ? [e.cityId]
          : by === 'province'
            ? province !== undefined
              ? [province]
              : []
            : e.linkIds.map((l) => `${l}|${e.cityId}`);
    for (const key of keys) {
      const list = out.get(key);
      if (list) list.push(e);
      else out.set(key, [e]);
    }
  }
  return out;
}

/** Σ a bank's live lines to the SMEs among the given firms (万元). */
function bankLines(analysis: Analysis, bankId: string, enterprises: readonly Enterprise[]): number {
  let sum = 0;
  for (const e of enterprises) {
    if (!analysis.byEnterprise.get(e.id)?.isSme) continue;
    for (const r of analysis.index.relationsByEnterprise.get(e.id) ?? []) {
      if (r.bankId === bankId && isLiveRelation(r)) sum += r.creditLine;
    }
  }
  return sum;
}
