/**
 * The “two lists” of the 2023 action (domain.md §2.5) and the batch recommendation list (§5.6) as
 * plain rows: what the Policy & batch view shows and what the CSV / XLSX exports write. Pure.
 * Amounts in 万元.
 */
import { chainLinkOf } from './policy-card';
import type {
  DisplayRole,
  Enterprise,
  FinancingPurpose,
  ProductCode,
  SizeClass,
  SrdiTier,
} from '../domain/schema';
import type { BatchResult, ScoreFactors, UnassignedReason, UnassignedTool } from './batch';
import type { DatasetIndex } from './dataset-index';
import { roundWan } from './metrics';
import { inScope, type Scope } from './scope';
import type { Analysis, EnterpriseAnalysis } from './types';

/** Who an enterprise is and where it sits: the columns every list starts with. */
export interface EnterpriseIdentity {
  enterpriseId: string;
  nameZh: string;
  nameEn: string;
  uscc: string;
  cityId: string;
  /** The firm's link in this chain: its primary link, or its first link of the chain. */
  linkId: string;
}

/** 链上企业清单: one row per enterprise of the chain in scope, chain leaders included. */
export interface EnterpriseListRow extends EnterpriseIdentity {
  /** By the industrial standard (§2.6), as everywhere else in the app. */
  size: SizeClass;
  srdiTier: SrdiTier;
  role: DisplayRole;
}

/** 融资需求清单: enterprises with a financing need. */
export interface NeedsListRow extends EnterpriseIdentity {
  need: number;
  approved: number;
  gap: number;
  purposes: FinancingPurpose[];
  preferredTenor: 'short' | 'medium_long' | null;
  /** The firm's top products (params.products.topPerFirm), best first. */
  recommendedProducts: ProductCode[];
}

/** 批次推荐清单: one row per (bank, enterprise) pair of a batch. */
export interface BatchListRow extends EnterpriseIdentity {
  bankId: string;
  rank: number;
  score: number;
  /** The weighted terms of the score (§5.6). */
  factors: ScoreFactors;
  role: DisplayRole;
  recommendedProducts: ProductCode[];
  reasonCodes: string[];
  gap: number;
}

/** A candidate no bank took, with the tools suggested instead (§5.6 step 5). */
export interface UnassignedListRow extends EnterpriseIdentity {
  role: DisplayRole;
  size: SizeClass;
  gap: number;
  reason: UnassignedReason;
  suggestedTools: UnassignedTool[];
}

const compareStrings = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function identityOf(index: DatasetIndex, e: Enterprise, chainId: string): EnterpriseIdentity {
  return {
    enterpriseId: e.id,
    nameZh: e.nameZh,
    nameEn: e.nameEn ?? e.nameZh,
    uscc: e.uscc,
    cityId: e.cityId,
    linkId: chainLinkOf(index, e, chainId) ?? e.primaryLinkId,
  };
}

/** The chain's enterprises in scope with their analysis, in dataset order. */
function enterprisesInScope(analysis: Analysis, scope: Scope) {
  const { index } = analysis;
  const out: { e: Enterprise; a: EnterpriseAnalysis }[] = [];
  for (const e of index.enterprisesByChain.get(scope.chainId) ?? []) {
    const a = analysis.byEnterprise.get(e.id);
    if (a && inScope(index, e, scope)) out.push({ e, a });
  }
  return out;
}

/**
 * 链上企业清单 of a chain in scope, upstream → downstream: by the link's position in the chain,
 * then city id, then enterprise id.
 * @example
 * // chain t: links [t.up, t.mid]; e2 in t.mid (city a), e1 in t.up (city b)
 * buildEnterpriseList(analysis, { chainId: 't' }).map((r) => r.enterpriseId) // → ['e1', 'e2']
 */
export function buildEnterpriseList(analysis: Analysis, scope: Scope): EnterpriseListRow[] {
  const { index } = analysis;
  const chain = index.chainById.get(scope.chainId);
  if (!chain) throw new Error(`unknown chain: ${scope.chainId}`);
  const position = new Map(chain.linkIds.map((id, i) => [id, i] as const));
  return enterprisesInScope(analysis, scope)
    .map(({ e, a }): EnterpriseListRow => ({
      ...identityOf(index, e, chain.id),
      size: a.computedSize,
      srdiTier: e.srdiTier,
      role: a.role,
    }))
    .sort(
      (x, y) =>
        (position.get(x.linkId) ?? Infinity) - (position.get(y.linkId) ?? Infinity) ||
        compareStrings(x.cityId, y.cityId) ||
        compareStrings(x.enterpriseId, y.enterpriseId),
    );
}

/**
 * 融资需求清单 of a chain in scope: enterprises with need > 0, largest gap first, then largest
 * need, then id.
 * @example
 * // e1 need 1000, approved 300 (gap 700); e2 need 0; e3 need 200, approved 0 (gap 200)
 * buildNeedsList(analysis, { chainId: 't' }).map((r) => [r.enterpriseId, r.gap])
 * // → [['e1', 700], ['e3', 200]]
 */
export function buildNeedsList(analysis: Analysis, scope: Scope): NeedsListRow[] {
  const { index, params } = analysis;
  return enterprisesInScope(analysis, scope)
    .filter(({ a }) => a.need > 0)
    .map(({ e, a }): NeedsListRow => ({
      ...identityOf(index, e, scope.chainId),
      need: a.need,
      approved: a.approved,
      gap: a.gap,
      purposes: [...(e.needPurposes ?? [])],
      preferredTenor: e.preferredTenor ?? null,
      recommendedProducts: a.recommendedProducts
        .slice(0, params.products.topPerFirm)
        .map((p) => p.code),
    }))
    .sort(
      (x, y) => y.gap - x.gap || y.need - x.need || compareStrings(x.enterpriseId, y.enterpriseId),
    );
}

/**
 * The batch recommendation list: every item of every bank, banks in the result's order (by id),
 * items by rank.
 * @example
 * // result: b1 ← [e2 rank 1, e1 rank 2]; b2 ← [e1 rank 1]
 * buildBatchList(analysis, result, 't').map((r) => `${r.bankId}:${r.enterpriseId}`)
 * // → ['b1:e2', 'b1:e1', 'b2:e1']
 */
export function buildBatchList(
  analysis: Analysis,
  result: BatchResult,
  chainId: string,
): BatchListRow[] {
  const { index } = analysis;
  return result.assignments.flatMap(({ bankId, items }) =>
    [...items]
      .sort((x, y) => x.rank - y.rank)
      .flatMap((item): BatchListRow[] => {
        const e = index.enterpriseById.get(item.enterpriseId);
        const a = analysis.byEnterprise.get(item.enterpriseId);
        if (!e || !a) return [];
        return [
          {
            ...identityOf(index, e, chainId),
            bankId,
            rank: item.rank,
            score: item.score,
            factors: { ...item.factors },
            role: a.role,
            recommendedProducts: [...item.recommendedProducts],
            reasonCodes: [...item.reasonCodes],
            gap: item.gap,
          },
        ];
      }),
  );
}

/** The candidates no bank took, in the result's order (largest gap first). */
export function buildUnassignedList(
  analysis: Analysis,
  result: BatchResult,
  chainId: string,
): UnassignedListRow[] {
  const { index } = analysis;
  return result.unassigned.flatMap((u): UnassignedListRow[] => {
    const e = index.enterpriseById.get(u.enterpriseId);
    if (!e) return [];
    return [
      {
        ...identityOf(index, e, chainId),
        role: u.role,
        size: u.computedSize,
        gap: u.gap,
        reason: u.reason,
        suggestedTools: [...u.suggestedTools],
      },
    ];
  });
}

export interface BatchSummary {
  /** Banks that received at least one enterprise. */
  banks: number;
  /** (bank, enterprise) pairs: the rows of the recommendation list. */
  items: number;
  /** Distinct enterprises recommended to at least one bank. */
  firms: number;
  /** Σ gap over the items: a firm recommended to three banks counts three times. */
  itemGap: number;
  /** Σ gap over the distinct firms: each firm once. */
  firmGap: number;
  unassigned: number;
  unassignedGap: number;
  /** Per bank, in the result's order: items and their Σ gap. */
  perBank: { bankId: string; items: number; gap: number }[];
}

/**
 * Counts and Σ gap of a batch result, with firms recommended to several banks counted once in
 * `firmGap` and once per bank in `itemGap`.
 * @example
 * // b1 ← [e1 gap 500, e2 gap 300]; b2 ← [e1 gap 500]; unassigned e3 gap 100
 * summarizeBatch(result)
 * // → { banks: 2, items: 3, firms: 2, itemGap: 1300, firmGap: 800, unassigned: 1, unassignedGap: 100, … }
 */
export function summarizeBatch(result: BatchResult): BatchSummary {
  const firmGaps = new Map<string, number>();
  const perBank = result.assignments.map(({ bankId, items }) => {
    for (const item of items) firmGaps.set(item.enterpriseId, item.gap);
    return { bankId, items: items.length, gap: sumWan(items.map((i) => i.gap)) };
  });
  return {
    banks: perBank.filter((b) => b.items > 0).length,
    items: perBank.reduce((s, b) => s + b.items, 0),
    firms: firmGaps.size,
    itemGap: sumWan(perBank.map((b) => b.gap)),
    firmGap: sumWan([...firmGaps.values()]),
    unassigned: result.unassigned.length,
    unassignedGap: sumWan(result.unassigned.map((u) => u.gap)),
    perBank,
  };
}

/** Σ of amounts in 万元, kept to 2 decimals so that totals are exact to the hundred yuan. */
export function sumWan(amounts: readonly number[]): number {
  return roundWan(amounts.reduce((s, x) => s + x, 0));
}

/** Σ need, approved and gap of a financing-needs list. */
export function needsTotals(rows: readonly NeedsListRow[]): {
  need: number;
  approved: number;
  gap: number;
} {
  return {
    need: sumWan(rows.map((r) => r.need)),
    approved: sumWan(rows.map((r) => r.approved)),
    gap: sumWan(rows.map((r) => r.gap)),
  };
}
