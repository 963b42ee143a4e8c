import type { Enterprise, ProductCode } from '../domain/schema';
import { isLenderRelation, isLiveRelation, type DatasetIndex } from './dataset-index';
import { daysBetween } from './dates';
import { isLargeFirm, type EnterpriseMetrics } from './metrics';
import { DEFAULT_PARAMS, type Params } from './params';
import type { ProductRecommendation } from './types';

/** Products that keep existing credit running; the only ones left when the gap is 0 (§5.5). */
export const CONTINUITY_PRODUCTS: readonly ProductCode[] = ['RENEWAL_NO_PRINCIPAL', 'REVOLVING'];

const CAPEX_PURPOSES = new Set(['tech_upgrade', 'equipment_renewal', 'digital_transformation']);
const MORTGAGEABLE = new Set(['mortgage_property', 'mortgage_equipment']);

/**
 * §5.5 product rules: each rule that matches adds a product with a score and a reason code.
 * Sorted by score (desc) then code. Leaders are not financing targets and get none.
 * @example a micro firm with no lender, need 80 and no mortgageable collateral →
 *   [FIRST_LOAN 0.9 M-NO-BANK-CREDIT, GOV_GUARANTEE 0.7 M-NO-COLLATERAL-SMALL]
 */
export function recommendProducts(
  index: DatasetIndex,
  e: Enterprise,
  m: EnterpriseMetrics,
  params: Params = DEFAULT_PARAMS,
): ProductRecommendation[] {
  if (e.isChainLeader) return [];
  const p = params.products;
  const out = new Map<ProductCode, ProductRecommendation>();
  const add = (code: ProductCode, score: number, reason: string) => {
    const prev = out.get(code);
    if (!prev) out.set(code, { code, score, reasons: [reason] });
    else
      out.set(code, {
        code,
        score: Math.max(prev.score, score),
        reasons: [...prev.reasons, reason],
      });
  };

  const link = index.linkById.get(e.primaryLinkId);
  const toLarge = (index.edgesBySupplier.get(e.id) ?? []).filter((edge) => {
    const buyer = index.enterpriseById.get(edge.buyerId);
    return buyer !== undefined && isLargeFirm(buyer, params);
  });
  const largeBuyerReceivables = toLarge.reduce(
    (s, edge) => s + (edge.receivableOutstanding ?? 0),
    0,
  );
  const isSrdi = e.srdiTier === 'srdi' || e.srdiTier === 'little_giant';
  const smallOrMicro = m.computedSize === 'small' || m.computedSize === 'micro';
  const asOf = index.dataset.meta.asOf;
  const purposes = e.needPurposes ?? [];

  if (toLarge.length > 0 && (largeBuyerReceivables > 0 || (e.dsoDays ?? 0) >= p.arMinDsoDays)) {
    add('SCF_AR', 0.9, 'M-AR-ON-LEADER');
  }
  if (!m.covered && m.need > 0) add('FIRST_LOAN', 0.9, 'M-NO-BANK-CREDIT');
  const patents = e.inventionPatents ?? 0;
  if (patents >= 1) add('IP_PLEDGE', patents >= p.ipPledgeStrongPatents ? 0.8 : 0.5, 'M-PATENTS');

  const maturing = (index.relationsByEnterprise.get(e.id) ?? []).some((r) => {
    if (!isLiveRelation(r) || !isLenderRelation(index, r) || !r.maturityDate) return false;
    const days = daysBetween(asOf, r.maturityDate);
    if (days < 0 || days > params.renewalWindowDays) return false;
    // Medium firms qualify only for working-capital loans maturing by the cut-off [E15].
    if (m.computedSize === 'medium') {
      return r.product === 'WC_LOAN' && r.maturityDate <= params.mediumRenewalCutoff;
    }
    return smallOrMicro;
  });
  if (maturing) add('RENEWAL_NO_PRINCIPAL', 0.8, 'M-MATURING-90D');

  if (
    purposes.some((x) => CAPEX_PURPOSES.has(x)) ||
    (e.capexPlan ?? 0) > 0 ||
    e.preferredTenor === 'medium_long'
  ) {
    add('MLT_LOAN', 0.8, 'M-CAPEX');
  }
  if (e.taxCreditGrade === 'A' || e.taxCreditGrade === 'B' || e.srdiTier !== 'none') {
    add('CREDIT_LOAN', 0.7, 'M-TAX-OR-SRDI');
  }
  // Missing collateral information counts as none: the guarantee is the safer suggestion.
  if (smallOrMicro && !(e.collateralAvailable ?? []).some((c) => MORTGAGEABLE.has(c))) {
    add('GOV_GUARANTEE', 0.7, 'M-NO-COLLATERAL-SMALL');
  }
  const exportPct = e.exportSharePct ?? 0;
  if (exportPct >= p.exportMinSharePct) add('INSURANCE', 0.6, 'M-EXPORT-CREDIT-INSURANCE');
  if (e.techBreakthrough?.kind === 'first_set') add('INSURANCE', 0.7, 'M-FIRST-SET-INSURANCE');
  if (toLarge.length > 0 && (e.revenueGrowthPct ?? -Infinity) >= p.ordersMinGrowthPct) {
    add('SCF_ORDER', 0.6, 'M-ORDERS-GROWTH');
  }
  if (link?.commodityCollateral) add('SCF_WAREHOUSE', 0.6, 'M-STANDARD-COMMODITY');
  if (isSrdi && ((e.rdIntensityPct ?? 0) >= p.equityMinRdPct || link?.isWeak)) {
    add('EQUITY', 0.6, 'M-SRDI-RND');
  }
  if ((e.dioDays ?? 0) >= p.inventoryMinDioDays) add('SCF_INVENTORY', 0.5, 'M-HIGH-INVENTORY');
  if (m.covered && purposes.includes('working_capital')) add('REVOLVING', 0.5, 'M-WORKING-CAPITAL');
  if (exportPct >= p.exportMinSharePct) add('TRADE_FINANCE', 0.5, 'M-EXPORTER');

  let list = [...out.values()];
  if (m.gap <= 0) list = list.filter((r) => CONTINUITY_PRODUCTS.includes(r.code));
  return list.sort((a, b) => b.score - a.score || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}
