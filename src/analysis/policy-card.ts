/**
 * §5.5 chain policy card (一链一策): which products a chain's SMEs need most, where, and which
 * policy tools support them.
 */
import type { DisplayRole, Enterprise, ProductCode } from '../domain/schema';
import type { DatasetIndex } from './dataset-index';
import { roundWan } from './metrics';
import { inScope, type Scope } from './scope';
import type { Analysis, EnterpriseAnalysis } from './types';

/** Policy tools a card can point to; the UI translates the keys. */
export const POLICY_TOOL_KEYS = [
  /** Government-backed guarantee fee ≤ 1% up to 500 万元, ≤ 1.5% above (A15). */
  'guarantee_fee_cap',
  /** 科技创新和技术改造再贷款, relending for tech innovation and upgrades [E28]. */
  'tech_relending',
  /** 保障中小企业款项支付条例: large buyers pay SMEs within 60 days (A13). */
  'payment_60_days',
  /** 金规〔2024〕13号 renewal without principal repayment [E15]. */
  'renewal_rules',
  /** 首贷培育: first-loan cultivation for firms without bank credit [S4, S5]. */
  'first_loan',
  /** 支小再贷款, relending for small businesses [S5]. */
  'small_business_relending',
  /** 再贴现, rediscounting of commercial and supply-chain bills [S5]. */
  'rediscount',
  /** 贷款风险补偿 funds [S4]. */
  'risk_compensation',
  /** 银发〔2020〕226号 supply-chain finance opinions [E21]. */
  'scf_rules',
] as const;
export type PolicyToolKey = (typeof POLICY_TOOL_KEYS)[number];

/** The tools relevant to each product, most specific first; products not listed have none. */
export const PRODUCT_POLICY_TOOLS: Partial<Record<ProductCode, readonly PolicyToolKey[]>> = {
  SCF_AR: ['payment_60_days', 'rediscount', 'scf_rules'],
  SCF_ORDER: ['scf_rules'],
  SCF_WAREHOUSE: ['scf_rules'],
  SCF_INVENTORY: ['scf_rules'],
  IP_PLEDGE: ['risk_compensation'],
  FIRST_LOAN: ['first_loan', 'small_business_relending'],
  CREDIT_LOAN: ['small_business_relending', 'risk_compensation'],
  RENEWAL_NO_PRINCIPAL: ['renewal_rules'],
  MLT_LOAN: ['tech_relending'],
  GOV_GUARANTEE: ['guarantee_fee_cap'],
};

export interface LinkWeight {
  linkId: string;
  weight: number;
}

export interface PolicyCardProduct {
  code: ProductCode;
  /** Σ gap × score over SMEs with a gap that have the product in their top 3 (万元-weighted). */
  weight: number;
  firms: number;
  /** Σ gap of those firms, 万元. */
  gapAddressed: number;
  /** Where the weight concentrates, heaviest first; each firm counts in its primary link. */
  topLinks: LinkWeight[];
  roleMix: Record<DisplayRole, number>;
  policyTools: readonly PolicyToolKey[];
}

export interface ProductUse {
  code: ProductCode;
  firms: number;
  weight: number;
}

/** How a weak link's SMEs are treated: which products they are recommended. */
export interface WeakLinkTreatment {
  linkId: string;
  smes: number;
  smesWithGap: number;
  gap: number;
  /** Over the link's SMEs with a gap; most firms first, then weight, then code. */
  products: ProductUse[];
}

export interface PolicyCard {
  chainId: string;
  totals: { smes: number; firmsWithGap: number; gap: number };
  products: PolicyCardProduct[];
  /** The chain's weak links in display order. */
  weakLinks: WeakLinkTreatment[];
  /** Lenders with a live relation to an SME in scope, by SMEs served (desc) then id. */
  participatingBanks: { bankId: string; smesServed: number }[];
}

const compareStrings = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

const emptyRoleMix = (): Record<DisplayRole, number> => ({
  fill: 0,
  stabilize: 0,
  extend: 0,
  strengthen: 0,
  leader: 0,
  general: 0,
});

/** The link a firm's weight is attributed to: its primary link, or its first link in the chain. */
export function chainLinkOf(
  index: DatasetIndex,
  e: Enterprise,
  chainId: string,
): string | undefined {
  const inChain = (id: string) => index.linkById.get(id)?.chainId === chainId;
  return inChain(e.primaryLinkId) ? e.primaryLinkId : e.linkIds.find(inChain);
}

interface Accumulator {
  weight: number;
  firms: number;
  gap: number;
  links: Map<string, number>;
  roleMix: Record<DisplayRole, number>;
}

/**
 * The §5.5 policy card of a chain in scope.
 * @example
 * // SMEs with a gap: A gap 1000, top products [SCF_AR 0.9]; B gap 500, [SCF_AR 0.8, MLT_LOAN 0.8]
 * buildPolicyCard(analysis, { chainId: 'nev' }).products
 * // → [{ code: 'SCF_AR', weight: 1300, firms: 2, gapAddressed: 1500, … },
 * //    { code: 'MLT_LOAN', weight: 400, firms: 1, gapAddressed: 500, … }]
 */
export function buildPolicyCard(analysis: Analysis, scope: Scope): PolicyCard {
  const { index, params } = analysis;
  const chain = index.chainById.get(scope.chainId);
  if (!chain) throw new Error(`unknown chain: ${scope.chainId}`);
  const topPerFirm = params.products.topPerFirm;

  const smes = new Map<string, { e: Enterprise; a: EnterpriseAnalysis }>();
  for (const e of index.enterprisesByChain.get(chain.id) ?? []) {
    const a = analysis.byEnterprise.get(e.id);
    if (a?.isSme && inScope(index, e, scope)) smes.set(e.id, { e, a });
  }
  const withGap = [...smes.values()].filter(({ a }) => a.gap > 0);

  const byProduct = new Map<ProductCode, Accumulator>();
  for (const { e, a } of withGap) {
    const linkId = chainLinkOf(index, e, chain.id);
    for (const p of a.recommendedProducts.slice(0, topPerFirm)) {
      const acc = byProduct.get(p.code) ?? {
        weight: 0,
        firms: 0,
        gap: 0,
        links: new Map<string, number>(),
        roleMix: emptyRoleMix(),
      };
      const w = a.gap * p.score;
      acc.weight += w;
      acc.firms += 1;
      acc.gap += a.gap;
      acc.roleMix[a.role] += 1;
      if (linkId !== undefined) acc.links.set(linkId, (acc.links.get(linkId) ?? 0) + w);
      byProduct.set(p.code, acc);
    }
  }

  const products = [...byProduct]
    .map(([code, acc]): PolicyCardProduct => ({
      code,
      weight: roundWan(acc.weight),
      firms: acc.firms,
      gapAddressed: roundWan(acc.gap),
      topLinks: [...acc.links]
        .map(([linkId, weight]) => ({ linkId, weight: roundWan(weight) }))
        .sort((x, y) => y.weight - x.weight || compareStrings(x.linkId, y.linkId))
        .slice(0, params.policyCard.linksPerProduct),
      roleMix: acc.roleMix,
      policyTools: PRODUCT_POLICY_TOOLS[code] ?? [],
    }))
    .sort((x, y) => y.weight - x.weight || compareStrings(x.code, y.code))
    .slice(0, params.policyCard.products);

  const weakLinks = chain.linkIds
    .filter((id) => index.linkById.get(id)?.isWeak === true)
    .map((linkId): WeakLinkTreatment => {
      const inLink = (index.enterprisesByLink.get(linkId) ?? []).flatMap((e) => {
        const entry = smes.get(e.id);
        return entry ? [entry.a] : [];
      });
      const gapped = inLink.filter((a) => a.gap > 0);
      const uses = new Map<ProductCode, ProductUse>();
      for (const a of gapped) {
        for (const p of a.recommendedProducts.slice(0, topPerFirm)) {
          const use = uses.get(p.code) ?? { code: p.code, firms: 0, weight: 0 };
          use.firms += 1;
          use.weight += a.gap * p.score;
          uses.set(p.code, use);
        }
      }
      return {
        linkId,
        smes: inLink.length,
        smesWithGap: gapped.length,
        gap: roundWan(gapped.reduce((s, a) => s + a.gap, 0)),
        products: [...uses.values()]
          .map((u) => ({ ...u, weight: roundWan(u.weight) }))
          .sort(
            (x, y) => y.firms - x.firms || y.weight - x.weight || compareStrings(x.code, y.code),
          ),
      };
    });

  const served = new Map<string, number>();
  for (const { a } of smes.values()) {
    for (const bankId of a.lenderIds) served.set(bankId, (served.get(bankId) ?? 0) + 1);
  }
  const participatingBanks = [...served]
    .map(([bankId, smesServed]) => ({ bankId, smesServed }))
    .sort((x, y) => y.smesServed - x.smesServed || compareStrings(x.bankId, y.bankId));

  return {
    chainId: chain.id,
    totals: {
      smes: smes.size,
      firmsWithGap: withGap.length,
      gap: roundWan(withGap.reduce((s, { a }) => s + a.gap, 0)),
    },
    products,
    weakLinks,
    participatingBanks,
  };
}
