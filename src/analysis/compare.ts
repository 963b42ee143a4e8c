/**
 * Comparison of two analyses of the same firms (issue 14): two rounds of a dataset (before → after
 * a docking round) or a baseline and a scenario. Every figure comes from the existing §5.2 group
 * coverage (`groupCoverage`, `coverageBy`, `bankFootprintCoverage`); this module only pairs them up,
 * takes differences and says which relations and firms made each difference.
 */
import type { CreditRelation, Enterprise } from '../domain/schema';
import { bankFootprintCoverage, groupCoverage, type GroupCoverage, type Verdict } from './coverage';
import { isLiveRelation } from './dataset-index';
import { memoPer } from './memo';
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

/** Figures of groups that did not change, per analysis and `scope|kind|key`. */
const unchangedFigures = memoPer<Analysis, string, CompareFigures>();

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

/** Σ approved over the SMEs of a group, each firm once (`membersBy` never lists a firm twice). */
function smeApproved(analysis: Analysis, members: readonly Enterprise[]): number {
  let sum = 0;
  for (const e of members) {
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
  // Two saved rounds need not list the same firms: one that left has changed too.
  for (const e of datasetBefore.enterprises) {
    if (!after.index.enterpriseById.has(e.id)) changedFirms.add(e.id);
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

  /**
   * A group's row: each side's figures over that side's members (two saved rounds may list
   * different firms; a round or a scenario lists the same ones). A group's figures read only its
   * firms' needs and live lines, so a group without a changed firm has the same members and figures
   * on both sides: they are taken from the earlier analysis, computed once per analysis, scope and
   * group (the baseline is shared by every scenario run).
   */
  const scopeKey = options.chainId ?? '*';
  const rowOf = (
    kind: ComparisonKind,
    key: string,
    membersB: readonly Enterprise[],
    membersA: readonly Enterprise[],
  ) => {
    const t = traceOf([...membersA, ...membersB]);
    const figuresIn = (analysis: Analysis, members: readonly Enterprise[]) =>
      figuresOf(groupCoverage(analysis, members), smeApproved(analysis, members));
    if (t.enterpriseIds.length === 0) {
      const same = unchangedFigures(before, `${scopeKey}|${kind}|${key}`, () =>
        figuresIn(before, membersB),
      );
      return toRow(kind, key, same, same, t.relationIds, t.enterpriseIds);
    }
    return toRow(
      kind,
      key,
      figuresIn(before, membersB),
      figuresIn(after, membersA),
      t.relationIds,
      t.enterpriseIds,
    );
  };

  // A firm whose list names the chain twice is one member (as groupCoverage counts it).
  const chainMembers = (analysis: Analysis, chainId: string) => [
    ...new Set(analysis.index.enterprisesByChain.get(chainId) ?? []),
  ];
  const chains = datasetAfter.chains.map((chain) =>
    rowOf('chain', chain.id, chainMembers(before, chain.id), chainMembers(after, chain.id)),
  );

  const scopeOf = (analysis: Analysis) =>
    options.chainId !== undefined
      ? (analysis.index.enterprisesByChain.get(options.chainId) ?? [])
      : analysis.index.dataset.enterprises;
  const scopeB = scopeOf(before);
  const scopeA = scopeOf(after);

  const grouped = (by: 'link' | 'city' | 'province' | 'linkCity', kind: ComparisonKind) => {
    const groupsB = membersBy(before, scopeB, by);
    const groupsA = membersBy(after, scopeA, by);
    const keys = new Set([...groupsA.keys(), ...groupsB.keys()]);
    return sortComparisonRows(
      [...keys].map((key) => rowOf(kind, key, groupsB.get(key) ?? [], groupsA.get(key) ?? [])),
    );
  };

  const scopeIds = new Set(scopeA.map((e) => e.id));
  const inScope = changed.filter((r) => scopeIds.has(r.enterpriseId));
  const bankIds = [...new Set(inScope.map((r) => r.bankId))].sort();
  const linesB = bankLines(before, scopeB, bankIds);
  const linesA = bankLines(after, scopeA, bankIds);
  // National banks share one footprint (every firm), local banks one per set of cities: each
  // footprint's coverage is computed once.
  const footprints = new Map<string, [GroupCoverage | null, GroupCoverage | null]>();
  const footprintOf = (bankId: string) => {
    const bank = after.index.bankById.get(bankId);
    const key = !bank ? '' : bank.level === 'national' ? '*' : [...bank.cityIds].sort().join('|');
    let pair = footprints.get(key);
    if (!pair) {
      pair = [
        bankFootprintCoverage(before, bankId, scopeB),
        bankFootprintCoverage(after, bankId, scopeA),
      ];
      footprints.set(key, pair);
    }
    return pair;
  };
  const banks: ComparisonRow[] = [];
  for (const bankId of bankIds) {
    const [b, a] = footprintOf(bankId);
    if (!a || !b) continue;
    const own = inScope.filter((r) => r.bankId === bankId);
    banks.push(
      toRow(
        'bank',
        bankId,
        figuresOf(b, linesB.get(bankId) ?? 0),
        figuresOf(a, linesA.get(bankId) ?? 0),
        own.map((r) => r.id),
        [...new Set(own.map((r) => r.enterpriseId))].sort(),
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
    // A list may name a link twice: the firm is one member of that group.
    for (const key of keys.length > 1 ? new Set(keys) : keys) {
      const list = out.get(key);
      if (list) list.push(e);
      else out.set(key, [e]);
    }
  }
  return out;
}

/** Σ each bank's live lines to the SMEs among the given firms (万元), in one pass. */
function bankLines(
  analysis: Analysis,
  enterprises: readonly Enterprise[],
  bankIds: readonly string[],
): Map<string, number> {
  const wanted = new Set(bankIds);
  const sums = new Map<string, number>();
  for (const e of enterprises) {
    if (!analysis.byEnterprise.get(e.id)?.isSme) continue;
    for (const r of analysis.index.relationsByEnterprise.get(e.id) ?? []) {
      if (wanted.has(r.bankId) && isLiveRelation(r)) {
        sums.set(r.bankId, (sums.get(r.bankId) ?? 0) + r.creditLine);
      }
    }
  }
  return sums;
}
