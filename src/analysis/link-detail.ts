import type { DisplayRole, Enterprise, InstitutionType } from '../domain/schema';
import { groupCoverage, type GroupCoverage } from './coverage';
import type { Analysis, EnterpriseAnalysis } from './types';

/** Financing status of an SME, for the link panel's breakdown. */
export type FinancingStatus = 'covered' | 'firstLoan' | 'noNeed' | 'other';

/**
 * covered: ≥ 1 lender; firstLoan: no lender, need > 0, not a dishonest debtor (§5.1);
 * noNeed: no lender and no declared need; other: what is left (a dishonest debtor without credit).
 */
export function financingStatus(a: EnterpriseAnalysis): FinancingStatus {
  if (a.covered) return 'covered';
  if (a.firstLoanCandidate) return 'firstLoan';
  if (a.need === 0) return 'noNeed';
  return 'other';
}

/** Everything the link panel shows, over the enterprises currently visible (filters applied). */
export interface LinkDetail {
  linkId: string;
  coverage: GroupCoverage;
  enterpriseIds: string[];
  leaders: number;
  byRole: Record<DisplayRole, number>;
  /** SMEs only */
  byStatus: Record<FinancingStatus, number>;
  /** Lenders serving the link's SMEs, counted by institution type (never named: §9.3). */
  lendersByType: Partial<Record<InstitutionType, number>>;
  /** Enterprises with the largest gaps, largest first (ties by id). */
  topByGap: { enterpriseId: string; gap: number }[];
}

/**
 * @example linkDetail(analysis, visible, 'nev.cell').coverage.enterprises // 42
 */
export function linkDetail(
  analysis: Analysis,
  visible: readonly Enterprise[],
  linkId: string,
  top = 5,
): LinkDetail {
  const members = visible.filter((e) => e.linkIds.includes(linkId));
  const byRole: Record<DisplayRole, number> = {
    fill: 0,
    stabilize: 0,
    extend: 0,
    strengthen: 0,
    leader: 0,
    general: 0,
  };
  const byStatus: Record<FinancingStatus, number> = {
    covered: 0,
    firstLoan: 0,
    noNeed: 0,
    other: 0,
  };
  const ranked: { enterpriseId: string; gap: number }[] = [];
  for (const e of members) {
    const a = analysis.byEnterprise.get(e.id);
    if (!a) continue;
    byRole[a.role]++;
    if (a.isSme) byStatus[financingStatus(a)]++;
    if (a.gap > 0) ranked.push({ enterpriseId: e.id, gap: a.gap });
  }
  const coverage = groupCoverage(analysis, members);
  const lendersByType: Partial<Record<InstitutionType, number>> = {};
  for (const bankId of coverage.lenderIds) {
    const type = analysis.index.bankById.get(bankId)?.type;
    if (type) lendersByType[type] = (lendersByType[type] ?? 0) + 1;
  }
  ranked.sort((a, b) => b.gap - a.gap || a.enterpriseId.localeCompare(b.enterpriseId));
  return {
    linkId,
    coverage,
    enterpriseIds: members.map((e) => e.id),
    leaders: members.filter((e) => e.isChainLeader).length,
    byRole,
    byStatus,
    lendersByType,
    topByGap: ranked.slice(0, top),
  };
}
