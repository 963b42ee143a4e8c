import type { Enterprise } from '../domain/schema';
import type { DatasetIndex } from './dataset-index';
import { memoPer } from './memo';
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

/** Supply edges touching a set of links, per index (computed once per chain's link set). */
const edgesByLinks = memoPer<DatasetIndex, string, DatasetIndex['dataset']['supplyEdges']>();

function edgesTouching(index: DatasetIndex, linkIds: ReadonlySet<string>) {
  return edgesByLinks(index, [...linkIds].sort().join('\u0000'), () =>
    index.dataset.supplyEdges.filter((e) => linkIds.has(e.fromLinkId) || linkIds.has(e.toLinkId)),
  );
}

/**
 * Supply flows between cities for each of `linkIds` (domain.md §9.2), in one pass over the edges
 * that touch them: for a link, edges whose supplier is in the link (sales, 'out') or whose buyer
 * is (purchases, 'in'), aggregated by city pair. Only enterprises in `visible` count, so the flows
 * follow the filters. Same-city trade is left out (no line to draw). Each list is sorted by
 * value, largest first; every requested link has a list (maybe empty).
 * @example flowsByLink(index, visible, ['t.mid', 't.down']).get('t.mid') // same as flowsForLink(index, visible, 't.mid')
 */
export function flowsByLink(
  index: DatasetIndex,
  visible: readonly Enterprise[],
  linkIds: readonly string[],
): Map<string, CityFlow[]> {
  const wanted = new Set(linkIds);
  const shown = new Set(visible.map((e) => e.id));
  const sums = new Map<string, Map<string, CityFlow>>(linkIds.map((l) => [l, new Map()]));
  const add = (
    linkId: string,
    from: string,
    to: string,
    value: number,
    direction: CityFlow['direction'],
  ) => {
    if (from === to) return;
    const flows = sums.get(linkId);
    if (!flows) return;
    const key = `${from}|${to}|${direction}`;
    const f = flows.get(key) ?? { fromCityId: from, toCityId: to, value: 0, direction, edges: 0 };
    f.value = roundWan(f.value + value);
    f.edges++;
    flows.set(key, f);
  };
  for (const edge of edgesTouching(index, wanted)) {
    const supplierShown = shown.has(edge.supplierId);
    const buyerShown = shown.has(edge.buyerId);
    if (!supplierShown && !buyerShown) continue;
    const supplier = index.enterpriseById.get(edge.supplierId);
    const buyer = index.enterpriseById.get(edge.buyerId);
    if (!supplier || !buyer) continue;
    // As seen from each link the edge touches: a sale of the supplier's link, else a purchase of
    // the buyer's link (an edge inside one link is that link's sale).
    for (const linkId of new Set([edge.fromLinkId, edge.toLinkId])) {
      if (!wanted.has(linkId)) continue;
      if (edge.fromLinkId === linkId && supplierShown) {
        add(linkId, supplier.cityId, buyer.cityId, edge.annualValue, 'out');
      } else if (edge.toLinkId === linkId && buyerShown) {
        add(linkId, supplier.cityId, buyer.cityId, edge.annualValue, 'in');
      }
    }
  }
  const out = new Map<string, CityFlow[]>();
  for (const [linkId, flows] of sums) {
    out.set(
      linkId,
      [...flows.values()].sort(
        (a, b) =>
          b.value - a.value ||
          a.fromCityId.localeCompare(b.fromCityId) ||
          a.toCityId.localeCompare(b.toCityId),
      ),
    );
  }
  return out;
}

/**
 * Supply flows of a link between cities: `flowsByLink` for one link.
 */
export function flowsForLink(
  index: DatasetIndex,
  visible: readonly Enterprise[],
  linkId: string,
): CityFlow[] {
  return flowsByLink(index, visible, [linkId]).get(linkId) ?? [];
}
