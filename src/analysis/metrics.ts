import { classifyIndustrial } from '../domain/size';
import type { Enterprise, SizeClass } from '../domain/schema';
import { isLenderRelation, isLiveRelation, type DatasetIndex } from './dataset-index';
import { daysBetween } from './dates';
import { DEFAULT_PARAMS, type Params } from './params';

/** Enterprise-level financing figures of domain.md §5.1. Amounts in 万元. */
export interface EnterpriseMetrics {
  enterpriseId: string;
  need: number;
  /** Σ creditLine over live (active / approved-undrawn) relations, every institution type. */
  approved: number;
  outstanding: number;
  /** max(0, need − approved) */
  gap: number;
  /** gap ÷ need; null when need = 0 (shown as “—”, never 0%). */
  gapRatio: number | null;
  /** min(approved, need) ÷ need; null when need = 0. */
  needCoverage: number | null;
  /** Distinct lenders (bank types only) with a live relation, sorted. */
  lenderIds: string[];
  bankCount: number;
  covered: boolean;
  utilisation: number | null;
  firstLoanCandidate: boolean;
  renewalDue: boolean;
  overCovered: boolean;
  receivableStress: boolean;
  computedSize: SizeClass;
  /** Leaders and large firms are not SMEs; group coverage counts SMEs only (§5.2). */
  isSme: boolean;
}

/** Amounts are stored with at most 2 decimals; keep sums that way so totals are exact to the fen. */
export const roundWan = (x: number): number => Math.round(x * 100) / 100;

/** The computed size drives SME status: a declared size is a claim, the rule is the standard. */
export const computedSizeOf = (e: Enterprise, params: Params = DEFAULT_PARAMS): SizeClass =>
  classifyIndustrial(e.employees, e.revenue, params.size);

/** Leader or large firm: the buyers whose payment terms the 2025 regulation limits (A13). */
export const isLargeFirm = (e: Enterprise, params: Params = DEFAULT_PARAMS): boolean =>
  e.isChainLeader || computedSizeOf(e, params) === 'large';

/**
 * §5.1 metrics for one enterprise.
 * @example need 900, one live 300 line from a bank → gap 600, gapRatio 0.667, bankCount 1
 */
export function computeEnterpriseMetrics(
  index: DatasetIndex,
  e: Enterprise,
  params: Params = DEFAULT_PARAMS,
): EnterpriseMetrics {
  const asOf = index.dataset.meta.asOf;
  const live = (index.relationsByEnterprise.get(e.id) ?? []).filter(isLiveRelation);
  const approved = roundWan(live.reduce((s, r) => s + r.creditLine, 0));
  const outstanding = roundWan(live.reduce((s, r) => s + r.outstanding, 0));
  const need = e.financingNeed;
  const gap = roundWan(Math.max(0, need - approved));
  const lenderIds = [
    ...new Set(live.filter((r) => isLenderRelation(index, r)).map((r) => r.bankId)),
  ].sort();
  const bankCount = lenderIds.length;
  const covered = bankCount >= 1;
  const renewalDue = live.some((r) => {
    if (!r.maturityDate) return false;
    const days = daysBetween(asOf, r.maturityDate);
    return days >= 0 && days <= params.renewalWindowDays;
  });

  const rs = params.receivableStress;
  let largeBuyerReceivables = 0;
  let longTermToLargeBuyer = false;
  for (const edge of index.edgesBySupplier.get(e.id) ?? []) {
    const buyer = index.enterpriseById.get(edge.buyerId);
    if (!buyer || !isLargeFirm(buyer, params)) continue;
    largeBuyerReceivables += edge.receivableOutstanding ?? 0;
    if ((edge.paymentTermDays ?? 0) > rs.largeBuyerTermDays) longTermToLargeBuyer = true;
  }
  const receivableStress =
    (e.dsoDays ?? 0) > rs.dsoDays ||
    (e.revenue > 0 && largeBuyerReceivables > rs.largeBuyerReceivablesShareOfRevenue * e.revenue) ||
    longTermToLargeBuyer;

  const computedSize = computedSizeOf(e, params);
  return {
    enterpriseId: e.id,
    need,
    approved,
    outstanding,
    gap,
    gapRatio: need > 0 ? gap / need : null,
    needCoverage: need > 0 ? Math.min(approved, need) / need : null,
    lenderIds,
    bankCount,
    covered,
    utilisation: approved > 0 ? outstanding / approved : null,
    firstLoanCandidate: !covered && need > 0 && !e.dishonestDebtor,
    renewalDue,
    overCovered: need > 0 && approved > params.overCoverageFactor * need,
    receivableStress,
    computedSize,
    isSme: !e.isChainLeader && computedSize !== 'large',
  };
}

/** §5.1 metrics for every enterprise, keyed by id. */
export function computeAllMetrics(
  index: DatasetIndex,
  params: Params = DEFAULT_PARAMS,
): Map<string, EnterpriseMetrics> {
  return new Map(
    index.dataset.enterprises.map((e) => [e.id, computeEnterpriseMetrics(index, e, params)]),
  );
}
