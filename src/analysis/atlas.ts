import type { Enterprise } from '../domain/schema';
import type { DatasetIndex } from './dataset-index';
import { roundWan } from './metrics';

/**
 * An enterprise's place in the chain: its own links, the links its suppliers sell from and the links
 * its buyers buy into, plus those counterparties (issue 3: selecting an enterprise highlights its
 * link, its suppliers and buyers).
 * @example enterpriseNeighbourhood(index, 'e-nev-changzhou-017')
 *   // { linkIds: ['nev.cell', 'nev.separator'], supplierIds: [], buyerIds: ['e-nev-changzhou-001'] }
 */
export function enterpriseNeighbourhood(
  index: DatasetIndex,
  enterpriseId: string,
): { linkIds: string[]; supplierIds: string[]; buyerIds: string[] } {
  const e = index.enterpriseById.get(enterpriseId);
  if (!e) return { linkIds: [], supplierIds: [], buyerIds: [] };
  const links = new Set<string>([e.primaryLinkId]);
  const suppliers = new Set<string>();
  const buyers = new Set<string>();
  for (const edge of index.edgesByBuyer.get(e.id) ?? []) {
    suppliers.add(edge.supplierId);
    links.add(edge.fromLinkId);
  }
  for (const edge of index.edgesBySupplier.get(e.id) ?? []) {
    buyers.add(edge.buyerId);
    links.add(edge.toLinkId);
  }
  return {
    linkIds: [...links].sort(),
    supplierIds: [...suppliers].sort(),
    buyerIds: [...buyers].sort(),
  };
}

/** Trade between two cities for one link, summed over enterprise-level supply edges. */
export interface CityFlow {
  fromCityId: string;
  toCityId: string;
  /** Σ annualValue in 万元 */
  value: number;
  /** 'out': the link's firms sell to the other city; 'in': they buy from it. */
  direction: 'out' | 'in';
  edges: number;
}

/**
 * Supply flows of a link between cities (domain.md §9.2): edges whose supplier is in the link
 * (sales, 'out') or whose buyer is (purchases, 'in'), aggregated by city pair. Only enterprises in
 * `visible` count, so the flows follow the filters. Same-city trade is left out (no line to draw).
 * Sorted by value, largest first.
 */
export function flowsForLink(
  index: DatasetIndex,
  visible: readonly Enterprise[],
  linkId: string,
): CityFlow[] {
  const shown = new Set(visible.map((e) => e.id));
  const flows = new Map<string, CityFlow>();
  const add = (from: string, to: string, value: number, direction: CityFlow['direction']) => {
    if (from === to) return;
    const key = `${from}|${to}|${direction}`;
    const f = flows.get(key) ?? { fromCityId: from, toCityId: to, value: 0, direction, edges: 0 };
    f.value = roundWan(f.value + value);
    f.edges++;
    flows.set(key, f);
  };
  for (const edge of index.dataset.supplyEdges) {
    if (edge.fromLinkId !== linkId && edge.toLinkId !== linkId) continue;
    if (!shown.has(edge.supplierId) && !shown.has(edge.buyerId)) continue;
    const supplier = index.enterpriseById.get(edge.supplierId);
    const buyer = index.enterpriseById.get(edge.buyerId);
    if (!supplier || !buyer) continue;
    if (edge.fromLinkId === linkId && shown.has(supplier.id)) {
      add(supplier.cityId, buyer.cityId, edge.annualValue, 'out');
    } else if (edge.toLinkId === linkId && shown.has(buyer.id)) {
      add(supplier.cityId, buyer.cityId, edge.annualValue, 'in');
    }
  }
  return [...flows.values()].sort(
    (a, b) =>
      b.value - a.value ||
      a.fromCityId.localeCompare(b.fromCityId) ||
      a.toCityId.localeCompare(b.toCityId),
  );
}
