/**
 * §5.3 bank white space: links where a bank has no presence yet but the need fits its catalogue,
 * and the link × lender presence matrix. Other lenders appear only as counts (§9.3).
 */
import {
  LENDER_TYPES,
  type Bank,
  type Chain,
  type InstitutionType,
  type ProductCode,
} from '../domain/schema';
import { roundWan } from './metrics';
import { inScope, type Scope } from './scope';
import type { Analysis, EnterpriseAnalysis } from './types';

export interface CompetitorCounts {
  /** Distinct other lenders serving an SME of the link in the bank's footprint. */
  lenders: number;
  /** The same lenders by type; only types present, in §2.8 order. */
  byType: Partial<Record<InstitutionType, number>>;
}

export interface WhiteSpaceEntry {
  linkId: string;
  /** SMEs of the link in scope and in the bank's footprint. */
  smes: number;
  smesWithGap: number;
  /** Σ gap of those SMEs with a gap, 万元. */
  gap: number;
  /** Share of the SMEs with a gap whose top products include any product the bank offers. */
  fitShare: number;
  /** The bank's products in the top products of ≥ minProductFitShare of them; most firms first. */
  fitProducts: ProductCode[];
  /** gap × fitShare, 万元: the ranking key. */
  score: number;
  competitors: CompetitorCounts;
}

const compareStrings = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

const inFootprint = (bank: Bank, cityId: string): boolean =>
  bank.level === 'national' || bank.cityIds.includes(cityId);

function chainOf(analysis: Analysis, scope: Scope): Chain {
  const chain = analysis.index.chainById.get(scope.chainId);
  if (!chain) throw new Error(`unknown chain: ${scope.chainId}`);
  return chain;
}

/** SMEs of a link within the scope, with their city. */
function smesOfLink(analysis: Analysis, linkId: string, scope: Scope) {
  const { index } = analysis;
  return (index.enterprisesByLink.get(linkId) ?? []).flatMap((e) => {
    const a = analysis.byEnterprise.get(e.id);
    return a?.isSme && inScope(index, e, scope) ? [{ cityId: e.cityId, a }] : [];
  });
}

function competitorsOf(analysis: Analysis, bankId: string, smes: readonly EnterpriseAnalysis[]) {
  const others = new Set(smes.flatMap((a) => a.lenderIds).filter((id) => id !== bankId));
  const counts = new Map<InstitutionType, number>();
  for (const id of others) {
    const type = analysis.index.bankById.get(id)?.type;
    if (type !== undefined) counts.set(type, (counts.get(type) ?? 0) + 1);
  }
  const byType: Partial<Record<InstitutionType, number>> = {};
  for (const type of LENDER_TYPES) {
    const n = counts.get(type);
    if (n !== undefined) byType[type] = n;
  }
  return { lenders: others.size, byType };
}

/**
 * §5.3 white space of a bank in a scope: links with a gap in its footprint where it serves no SME
 * yet and its catalogue fits the need; ranked by Σ gap × fitShare, ties by link id.
 * @example
 * // t.mid: 3 SMEs in the bank's city, none served by it, gaps 100/200/300, 2 with SCF_AR in top 3
 * bankWhiteSpace(analysis, 'b1', { chainId: 't' })
 * // → [{ linkId: 't.mid', smes: 3, smesWithGap: 3, gap: 600, fitShare: 0.667,
 * //      fitProducts: ['SCF_AR'], score: 400, competitors: { lenders: 0, byType: {} } }]
 */
export function bankWhiteSpace(
  analysis: Analysis,
  bankId: string,
  scope: Scope,
): WhiteSpaceEntry[] {
  const bank = analysis.index.bankById.get(bankId);
  if (!bank) throw new Error(`unknown bank: ${bankId}`);
  const { topPerFirm } = analysis.params.products;
  const { minProductFitShare } = analysis.params.whiteSpace;
  const entries: WhiteSpaceEntry[] = [];

  for (const linkId of chainOf(analysis, scope).linkIds) {
    const all = smesOfLink(analysis, linkId, scope);
    if (all.some(({ a }) => a.lenderIds.includes(bank.id))) continue;
    const reachable = all.filter(({ cityId }) => inFootprint(bank, cityId)).map(({ a }) => a);
    const gapped = reachable.filter((a) => a.gap > 0);
    if (gapped.length === 0) continue;

    const topCodes = gapped.map((a) =>
      a.recommendedProducts.slice(0, topPerFirm).map((p) => p.code),
    );
    const fitProducts = [...new Set(bank.products)]
      .map((code) => ({ code, firms: topCodes.filter((codes) => codes.includes(code)).length }))
      .filter(({ firms }) => firms / gapped.length >= minProductFitShare)
      .sort((x, y) => y.firms - x.firms || compareStrings(x.code, y.code))
      .map(({ code }) => code);
    if (fitProducts.length === 0) continue;

    const servable = topCodes.filter((codes) => codes.some((c) => bank.products.includes(c)));
    const fitShare = servable.length / gapped.length;
    const gap = roundWan(gapped.reduce((s, a) => s + a.gap, 0));
    entries.push({
      linkId,
      smes: reachable.length,
      smesWithGap: gapped.length,
      gap,
      fitShare,
      fitProducts,
      score: roundWan(gap * fitShare),
      competitors: competitorsOf(analysis, bank.id, reachable),
    });
  }
  return entries.sort((x, y) => y.score - x.score || compareStrings(x.linkId, y.linkId));
}

export interface PresenceCell {
  bankId: string;
  linkId: string;
  /** SMEs of the link the bank serves (live lender relation). */
  smesServed: number;
  smes: number;
  /** smesServed ÷ smes; null for a link without SMEs. */
  share: number | null;
}

export interface PresenceRow {
  linkId: string;
  smes: number;
  /** SMEs of the link served by at least one lender. */
  smesServed: number;
  share: number | null;
  /** Distinct lenders present in the link. */
  lenders: number;
}

export interface PresenceColumn {
  bankId: string;
  /** Distinct SMEs the bank serves in the chain (a firm in two links counts once). */
  smesServed: number;
  /** Links where the bank serves at least one SME. */
  links: number;
}

export interface PresenceMatrix {
  /** The chain's links, in display order. */
  linkIds: string[];
  /** Lenders serving any SME in scope, most SMEs served first, then by id. */
  bankIds: string[];
  /** Every link × bank, row-major: for each link in `linkIds`, each bank in `bankIds`. */
  cells: PresenceCell[];
  rows: PresenceRow[];
  columns: PresenceColumn[];
  /** Distinct SMEs over all links. */
  total: { smes: number; smesServed: number; share: number | null; lenders: number };
}

const share = (n: number, d: number): number | null => (d > 0 ? n / d : null);

/**
 * §5.2/§5.3 coverage matrix of a chain in scope: the chain's links × the lenders present.
 * @example
 * // t.mid: 2 SMEs, b1 serves one; t.up: 1 SME, unserved
 * presenceMatrix(analysis, { chainId: 't' }).cells
 * // → [{ bankId: 'b1', linkId: 't.up', smesServed: 0, smes: 1, share: 0 },
 * //    { bankId: 'b1', linkId: 't.mid', smesServed: 1, smes: 2, share: 0.5 }, …]
 */
export function presenceMatrix(analysis: Analysis, scope: Scope): PresenceMatrix {
  const linkIds = [...chainOf(analysis, scope).linkIds];
  const smesByLink = new Map(
    linkIds.map((linkId) => [linkId, smesOfLink(analysis, linkId, scope).map(({ a }) => a)]),
  );
  const distinct = new Map<string, EnterpriseAnalysis>();
  for (const smes of smesByLink.values()) for (const a of smes) distinct.set(a.enterpriseId, a);

  const servedByBank = new Map<string, number>();
  for (const a of distinct.values()) {
    for (const id of a.lenderIds) servedByBank.set(id, (servedByBank.get(id) ?? 0) + 1);
  }
  const bankIds = [...servedByBank]
    .sort(([a, x], [b, y]) => y - x || compareStrings(a, b))
    .map(([id]) => id);

  const cells: PresenceCell[] = [];
  const rows: PresenceRow[] = [];
  const linksByBank = new Map<string, number>();
  for (const linkId of linkIds) {
    const smes = smesByLink.get(linkId) ?? [];
    for (const bankId of bankIds) {
      const smesServed = smes.filter((a) => a.lenderIds.includes(bankId)).length;
      if (smesServed > 0) linksByBank.set(bankId, (linksByBank.get(bankId) ?? 0) + 1);
      cells.push({
        bankId,
        linkId,
        smesServed,
        smes: smes.length,
        share: share(smesServed, smes.length),
      });
    }
    const served = smes.filter((a) => a.lenderIds.length > 0).length;
    rows.push({
      linkId,
      smes: smes.length,
      smesServed: served,
      share: share(served, smes.length),
      lenders: new Set(smes.flatMap((a) => a.lenderIds)).size,
    });
  }

  const all = [...distinct.values()];
  const served = all.filter((a) => a.lenderIds.length > 0).length;
  return {
    linkIds,
    bankIds,
    cells,
    rows,
    columns: bankIds.map((bankId) => ({
      bankId,
      smesServed: servedByBank.get(bankId) ?? 0,
      links: linksByBank.get(bankId) ?? 0,
    })),
    total: {
      smes: all.length,
      smesServed: served,
      share: share(served, all.length),
      lenders: bankIds.length,
    },
  };
}

/** One firm of the strategist's target list: a white-space firm my bank can call. */
export interface TargetFirm {
  enterpriseId: string;
  nameZh: string;
  nameEn: string;
  uscc: string;
  cityId: string;
  /** The white-space link the firm sits on. */
  linkId: string;
  need: number;
  gap: number;
  /** My bank's products among the firm's top products, best first. */
  products: ProductCode[];
  /** The §5.5 reason codes (M-…) of those products, without repeats. */
  reasons: string[];
  /** No lender yet: a first-loan candidate (首贷). */
  firstLoan: boolean;
  /** A loan matures within 90 days: a renewal case (续贷). */
  renewal: boolean;
}

/**
 * The target list behind a bank's white space: every SME of its white-space links, in scope and in
 * its footprint, with a gap and at least one of the bank's products among its top products.
 * Largest gap first, ties by id. A firm on two white-space links appears once, on the first.
 * @example whiteSpaceFirms(analysis, 'b1', { chainId: 't' })
 * // → [{ enterpriseId: 'm3', linkId: 't.mid', gap: 300, products: ['SCF_AR'], firstLoan: true, … }, …]
 */
export function whiteSpaceFirms(analysis: Analysis, bankId: string, scope: Scope): TargetFirm[] {
  const bank = analysis.index.bankById.get(bankId);
  if (!bank) throw new Error(`unknown bank: ${bankId}`);
  const { topPerFirm } = analysis.params.products;
  const offered = new Set(bank.products);
  const seen = new Set<string>();
  const out: TargetFirm[] = [];
  for (const entry of bankWhiteSpace(analysis, bankId, scope)) {
    for (const e of analysis.index.enterprisesByLink.get(entry.linkId) ?? []) {
      const a = analysis.byEnterprise.get(e.id);
      if (!a?.isSme || a.gap <= 0 || seen.has(e.id)) continue;
      if (!inScope(analysis.index, e, scope) || !inFootprint(bank, e.cityId)) continue;
      const fit = a.recommendedProducts.slice(0, topPerFirm).filter((p) => offered.has(p.code));
      if (fit.length === 0) continue;
      seen.add(e.id);
      out.push({
        enterpriseId: e.id,
        nameZh: e.nameZh,
        nameEn: e.nameEn ?? e.nameZh,
        uscc: e.uscc,
        cityId: e.cityId,
        linkId: entry.linkId,
        need: a.need,
        gap: a.gap,
        products: fit.map((p) => p.code),
        reasons: [...new Set(fit.flatMap((p) => p.reasons))],
        firstLoan: a.firstLoanCandidate,
        renewal: a.renewalDue,
      });
    }
  }
  return out.sort((x, y) => y.gap - x.gap || compareStrings(x.enterpriseId, y.enterpriseId));
}
