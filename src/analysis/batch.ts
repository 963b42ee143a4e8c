/**
 * §5.6 batch builder (一批): which SMEs are recommended to which bank, and what is left for
 * guarantees and policy tools. Pure and deterministic: the same analysis gives the same batches.
 */
import {
  isLenderType,
  type Bank,
  type Batch,
  type BatchItem,
  type DisplayRole,
  type Enterprise,
  type InstitutionType,
  type ProductCode,
  type SizeClass,
} from '../domain/schema';
import { inScope, type Scope } from './scope';
import type { Analysis, EnterpriseAnalysis, ProductRecommendation } from './types';

export interface BatchOptions {
  /** Defaults to params.batch.maxPerBank (one meeting's worth). */
  maxPerBank?: number;
  /** Defaults to params.batch.maxBanksPerEnterprise: the firm keeps a choice. */
  maxBanksPerEnterprise?: number;
}

export interface BatchAssignmentItem {
  enterpriseId: string;
  bankId: string;
  /** 1-based position in the bank's list, by score. */
  rank: number;
  /** 0–1, rounded to 4 decimals. */
  score: number;
  /** What the score is made of: each weighted term of §5.6, rounded to 4 decimals. */
  factors: ScoreFactors;
  /** The firm's top products that the bank offers, in the firm's order. */
  recommendedProducts: ProductCode[];
  /** Role reasons (R-…) then the reasons (M-…) of the recommended products, without repeats. */
  reasonCodes: string[];
  /** 万元 */
  gap: number;
}

/** One bank's list, best first. */
/** The weighted terms of a §5.6 pair score (they add up to the score, up to rounding). */
export interface ScoreFactors {
  /** 0.35 × mean fit of the firm's top products the bank offers. */
  fit: number;
  /** 0.25 × √(gap ÷ largest gap). */
  gap: number;
  /** 0.20 × role weight. */
  role: number;
  /** 0.10 × size fit of the bank's type. */
  size: number;
  /** 0.10 × novelty (no lender yet, existing lender, other). */
  novelty: number;
}

export interface BatchAssignment {
  bankId: string;
  items: BatchAssignmentItem[];
}

/** Tools suggested for a firm no bank took (§5.6 step 5). */
export const UNASSIGNED_TOOLS = ['GOV_GUARANTEE', 'POLICY_RELENDING'] as const;
export type UnassignedTool = (typeof UNASSIGNED_TOOLS)[number];

/**
 * `no_matching_bank`: no eligible lender in the firm's city offers any of its top products.
 * `banks_full`: some did, but every one of them had reached maxPerBank.
 */
export type UnassignedReason = 'no_matching_bank' | 'banks_full';

export interface UnassignedCandidate {
  enterpriseId: string;
  gap: number;
  role: DisplayRole;
  computedSize: SizeClass;
  reason: UnassignedReason;
  suggestedTools: UnassignedTool[];
}

export interface BatchResult {
  /** Only banks that received at least one firm, sorted by bank id. */
  assignments: BatchAssignment[];
  /** Candidates assigned to no bank, largest gap first, then by id. */
  unassigned: UnassignedCandidate[];
}

/** §5.6 sizeFit: policy banks lend mostly to medium firms, rural and village banks to small. */
const SIZE_FIT_BY_TYPE: Partial<Record<InstitutionType, Partial<Record<SizeClass, number>>>> = {
  policy_bank: { medium: 1.0, small: 0.3, micro: 0.3 },
  rural_commercial_bank: { small: 1.0, micro: 1.0, medium: 0.6 },
  rural_cooperative: { small: 1.0, micro: 1.0, medium: 0.6 },
  village_bank: { small: 1.0, micro: 1.0, medium: 0.6 },
};

const sizeFitOf = (bank: Bank, size: SizeClass): number =>
  SIZE_FIT_BY_TYPE[bank.type]?.[size] ?? 1.0;

const round4 = (x: number): number => Math.round(x * 10_000) / 10_000;

const compareStrings = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

const isEligible = (bank: Bank, cityId: string): boolean =>
  isLenderType(bank.type) && (bank.level === 'national' || bank.cityIds.includes(cityId));

interface Pair {
  enterpriseId: string;
  bankId: string;
  score: number;
  factors: ScoreFactors;
  recommendedProducts: ProductCode[];
  reasonCodes: string[];
  gap: number;
}

const reasonCodesOf = (a: EnterpriseAnalysis, offered: readonly ProductRecommendation[]) => [
  ...new Set([...a.roleReasons, ...offered.flatMap((p) => p.reasons)]),
];

function suggestedToolsOf(a: EnterpriseAnalysis, topProducts: readonly ProductCode[]) {
  const tools: UnassignedTool[] = [];
  // Government-backed guarantors must keep ≥ 80% of their business small-micro (A15).
  if (a.computedSize !== 'medium') tools.push('GOV_GUARANTEE');
  // Policy banks serve medium firms; tech-upgrade relending [E28] channels medium/long-term loans.
  if (a.computedSize === 'medium' || topProducts.includes('MLT_LOAN')) {
    tools.push('POLICY_RELENDING');
  }
  return tools;
}

/**
 * §5.6 steps 1–5: candidates, eligible lenders, pair scores, greedy assignment, leftovers.
 * @example
 * // one small 'general' firm, gap 500, top products [FIRST_LOAN 0.9], no lender; one national bank
 * buildBatches(analysis, { chainId: 't' })
 * // → { assignments: [{ bankId: 'b1', items: [{ enterpriseId: 'e1', rank: 1, score: 0.865 … }] }],
 * //     unassigned: [] }     score = 0.35·0.9 + 0.25·√1 + 0.20·0.5 + 0.10·1 + 0.10·1
 */
export function buildBatches(
  analysis: Analysis,
  scope: Scope,
  options: BatchOptions = {},
): BatchResult {
  const { index, params } = analysis;
  const maxPerBank = options.maxPerBank ?? params.batch.maxPerBank;
  const maxBanksPerEnterprise = options.maxBanksPerEnterprise ?? params.batch.maxBanksPerEnterprise;
  const { weights, roleWeight, novelty } = params.batch;
  const topPerFirm = params.products.topPerFirm;

  const candidates: { e: Enterprise; a: EnterpriseAnalysis }[] = [];
  for (const e of index.dataset.enterprises) {
    const a = analysis.byEnterprise.get(e.id);
    if (!a || !a.isSme || a.gap <= 0 || e.isChainLeader || a.role === 'leader') continue;
    if (e.dishonestDebtor || !inScope(index, e, scope)) continue;
    candidates.push({ e, a });
  }
  const maxGap = candidates.reduce((max, c) => Math.max(max, c.a.gap), 0);
  const banks = [...index.dataset.banks].sort((x, y) => compareStrings(x.id, y.id));

  const pairs: Pair[] = [];
  const hasPair = new Set<string>();
  for (const { e, a } of candidates) {
    const top = a.recommendedProducts.slice(0, topPerFirm);
    for (const bank of banks) {
      if (!isEligible(bank, e.cityId)) continue;
      const offered = top.filter((p) => bank.products.includes(p.code));
      if (offered.length === 0) continue;
      const fit = offered.reduce((s, p) => s + p.score, 0) / offered.length;
      const noveltyScore =
        a.lenderIds.length === 0
          ? novelty.noLender
          : a.lenderIds.includes(bank.id)
            ? novelty.existingLender
            : novelty.other;
      const terms = {
        fit: weights.fit * fit,
        gap: weights.gap * Math.sqrt(a.gap / maxGap),
        role: weights.role * roleWeight[a.role],
        size: weights.size * sizeFitOf(bank, a.computedSize),
        novelty: weights.novelty * noveltyScore,
      };
      const score = terms.fit + terms.gap + terms.role + terms.size + terms.novelty;
      pairs.push({
        enterpriseId: e.id,
        bankId: bank.id,
        score: round4(score),
        factors: {
          fit: round4(terms.fit),
          gap: round4(terms.gap),
          role: round4(terms.role),
          size: round4(terms.size),
          novelty: round4(terms.novelty),
        },
        recommendedProducts: offered.map((p) => p.code),
        reasonCodes: reasonCodesOf(a, offered),
        gap: a.gap,
      });
      hasPair.add(e.id);
    }
  }
  pairs.sort(
    (x, y) =>
      y.score - x.score ||
      compareStrings(x.enterpriseId, y.enterpriseId) ||
      compareStrings(x.bankId, y.bankId),
  );

  const byBank = new Map<string, BatchAssignmentItem[]>();
  const banksPerEnterprise = new Map<string, number>();
  for (const pair of pairs) {
    const list = byBank.get(pair.bankId) ?? [];
    const taken = banksPerEnterprise.get(pair.enterpriseId) ?? 0;
    if (list.length >= maxPerBank || taken >= maxBanksPerEnterprise) continue;
    // Pairs arrive in descending score, so the push order is the bank's rank order.
    list.push({ ...pair, rank: list.length + 1 });
    byBank.set(pair.bankId, list);
    banksPerEnterprise.set(pair.enterpriseId, taken + 1);
  }

  const assignments = [...byBank]
    .map(([bankId, items]) => ({ bankId, items }))
    .sort((x, y) => compareStrings(x.bankId, y.bankId));

  const unassigned = candidates
    .filter(({ e }) => !banksPerEnterprise.has(e.id))
    .map(({ e, a }): UnassignedCandidate => ({
      enterpriseId: e.id,
      gap: a.gap,
      role: a.role,
      computedSize: a.computedSize,
      reason: hasPair.has(e.id) ? 'banks_full' : 'no_matching_bank',
      suggestedTools: suggestedToolsOf(
        a,
        a.recommendedProducts.slice(0, topPerFirm).map((p) => p.code),
      ),
    }))
    .sort((x, y) => y.gap - x.gap || compareStrings(x.enterpriseId, y.enterpriseId));

  return { assignments, unassigned };
}

export interface ToBatchesOptions {
  chainId: string;
  cityId?: string;
  meetingId?: string;
  /** YYYY-MM-DD, passed in so that the output does not depend on the clock. */
  createdAt: string;
  ruleVersion: string;
  /** Batch ids are `${idPrefix}-${bankId}`. */
  idPrefix: string;
}

/**
 * The domain `Batch` records of a batch result, one per bank, sorted by bank id; every item starts
 * as `pushed`.
 * @example
 * toBatches(result, { chainId: 't', createdAt: '2025-07-01', ruleVersion: '1', idPrefix: 'm1' })
 * // → [{ id: 'm1-b1', bankId: 'b1', chainId: 't', …,
 * //      items: [{ enterpriseId: 'e1', rank: 1, status: 'pushed', … }] }]
 */
export function toBatches(result: BatchResult, options: ToBatchesOptions): Batch[] {
  const { chainId, cityId, meetingId, createdAt, ruleVersion, idPrefix } = options;
  return [...result.assignments]
    .sort((x, y) => compareStrings(x.bankId, y.bankId))
    .map(({ bankId, items }) => ({
      id: `${idPrefix}-${bankId}`,
      bankId,
      chainId,
      ...(cityId !== undefined && { cityId }),
      ...(meetingId !== undefined && { meetingId }),
      createdAt,
      ruleVersion,
      items: items.map((item): BatchItem => ({
        enterpriseId: item.enterpriseId,
        rank: item.rank,
        score: item.score,
        recommendedProducts: [...item.recommendedProducts],
        reasonCodes: [...item.reasonCodes],
        gap: item.gap,
        status: 'pushed',
      })),
    }));
}
