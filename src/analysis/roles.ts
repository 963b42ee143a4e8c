import type { ChainRole, Enterprise } from '../domain/schema';
import type { DatasetIndex } from './dataset-index';
import type { EnterpriseMetrics } from './metrics';
import { DEFAULT_PARAMS, type Params } from './params';
import type { RoleResult } from './types';

/** Reason codes of §5.4, in the order the UI lists them. */
export const ROLE_REASON_CODES = [
  'R-FILL-BREAKTHROUGH',
  'R-FILL-SRDI',
  'R-FILL-PATENTS',
  'R-FILL-SCARCE',
  'R-STAB-KEY-SUPPLIER',
  'R-STAB-DEPENDENT-STRESSED',
  'R-STAB-BREAKPOINT',
  'R-EXT-LINK',
  'R-STR-LITTLE-GIANT',
  'R-STR-CHAMPION',
  'R-STR-RND',
  'R-STR-GROWTH',
  'R-STR-ADVANTAGE-LINK',
] as const;
export type RoleReasonCode = (typeof ROLE_REASON_CODES)[number];

/** Precedence: filling a weak link is the scarcest role, then keeping output running (§5.4). */
export const ROLE_PRECEDENCE: readonly ChainRole[] = ['fill', 'stabilize', 'extend', 'strengthen'];

const linkCityKey = (linkId: string, cityId: string) => `${linkId}|${cityId}`;

/**
 * Listed SMEs per link × city (an enterprise counts in each link it belongs to). Scarcity and
 * breakpoint rules read these counts; they only see the list, not firms outside it (§5.4 limitation).
 */
export function countSmesByLinkCity(
  index: DatasetIndex,
  metrics: ReadonlyMap<string, EnterpriseMetrics>,
): Map<string, number> {
  const counts = new Map<string, number>();
  for (const e of index.dataset.enterprises) {
    if (!metrics.get(e.id)?.isSme) continue;
    for (const linkId of e.linkIds) {
      const key = linkCityKey(linkId, e.cityId);
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  return counts;
}

export interface RoleContext {
  index: DatasetIndex;
  metrics: ReadonlyMap<string, EnterpriseMetrics>;
  smesByLinkCity: ReadonlyMap<string, number>;
  params?: Params;
}

/**
 * The primary role of §5.4 with its reason codes; the other roles that matched are secondary.
 * @example a little giant in a weak link with a first-set breakthrough → role 'fill'
 *   (R-FILL-BREAKTHROUGH, R-FILL-SRDI), secondary ['strengthen'] (R-STR-LITTLE-GIANT)
 */
export function assignRole(ctx: RoleContext, e: Enterprise): RoleResult {
  if (e.isChainLeader) return { role: 'leader', reasons: [], secondaryRoles: [], allReasons: [] };
  const p = (ctx.params ?? DEFAULT_PARAMS).roles;
  const { index } = ctx;
  const link = index.linkById.get(e.primaryLinkId);
  const m = ctx.metrics.get(e.id);
  const smesHere = ctx.smesByLinkCity.get(linkCityKey(e.primaryLinkId, e.cityId)) ?? 0;
  const isSrdi = e.srdiTier === 'srdi' || e.srdiTier === 'little_giant';

  const fill: RoleReasonCode[] = [];
  if (link?.isWeak) {
    if (e.techBreakthrough) fill.push('R-FILL-BREAKTHROUGH');
    if (isSrdi) fill.push('R-FILL-SRDI');
    if ((e.inventionPatents ?? 0) >= p.fillMinPatents) fill.push('R-FILL-PATENTS');
    if (smesHere <= p.fillScarceMaxSmes) fill.push('R-FILL-SCARCE');
  }

  const stabilize: RoleReasonCode[] = [];
  const toLeaders = (index.edgesBySupplier.get(e.id) ?? []).filter(
    (edge) => index.enterpriseById.get(edge.buyerId)?.isChainLeader === true,
  );
  if (
    toLeaders.some(
      (edge) =>
        edge.shareOfBuyerLinkPurchases >= p.keySupplierMinShare &&
        edge.buyerAlternatives <= p.keySupplierMaxAlternatives,
    )
  ) {
    stabilize.push('R-STAB-KEY-SUPPLIER');
  }
  const leaderSalesShare = toLeaders.reduce((s, edge) => s + edge.shareOfSupplierSales, 0);
  const materialToLeader = toLeaders.some(
    (edge) => edge.shareOfBuyerLinkPurchases >= p.dependentMaterialMinShare,
  );
  const underStress =
    (e.dsoDays ?? 0) > p.dependentDsoDaysAbove || (m?.gapRatio ?? 0) > p.dependentGapRatioAbove;
  if (leaderSalesShare >= p.dependentMinLeaderSalesShare && materialToLeader && underStress) {
    stabilize.push('R-STAB-DEPENDENT-STRESSED');
  }
  if (link && !link.isWeak && !link.isExtension && smesHere <= p.breakpointMaxSmes) {
    stabilize.push('R-STAB-BREAKPOINT');
  }

  const extend: RoleReasonCode[] = link?.isExtension ? ['R-EXT-LINK'] : [];

  const strengthen: RoleReasonCode[] = [];
  if (e.srdiTier === 'little_giant') strengthen.push('R-STR-LITTLE-GIANT');
  if (e.isSingleChampion) strengthen.push('R-STR-CHAMPION');
  if ((e.rdIntensityPct ?? 0) >= p.strengthenMinRdPct) strengthen.push('R-STR-RND');
  if ((e.revenueGrowthPct ?? -Infinity) >= p.strengthenMinGrowthPct)
    strengthen.push('R-STR-GROWTH');
  if (link?.isAdvantage && isSrdi) strengthen.push('R-STR-ADVANTAGE-LINK');

  const matched: Record<ChainRole, RoleReasonCode[]> = { fill, stabilize, extend, strengthen };
  const assigned: Record<ChainRole, boolean> = {
    fill: fill.includes('R-FILL-BREAKTHROUGH') || fill.length >= 2,
    stabilize: stabilize.length >= 1,
    extend: extend.length >= 1,
    strengthen:
      strengthen.includes('R-STR-LITTLE-GIANT') ||
      strengthen.includes('R-STR-CHAMPION') ||
      strengthen.length >= 2 ||
      (e.srdiTier === 'srdi' && strengthen.length >= 1),
  };
  const roles = ROLE_PRECEDENCE.filter((r) => assigned[r]);
  const allReasons = ROLE_PRECEDENCE.flatMap((r) => matched[r]);
  const [primary, ...secondaryRoles] = roles;
  if (!primary) return { role: 'general', reasons: [], secondaryRoles: [], allReasons };
  return { role: primary, reasons: matched[primary], secondaryRoles, allReasons };
}
