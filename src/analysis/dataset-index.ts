import {
  isLenderType,
  type Bank,
  type Chain,
  type City,
  type CreditRelation,
  type Dataset,
  type Enterprise,
  type Link,
  type SupplyEdge,
} from '../domain/schema';

/** Lookup tables over a parsed dataset, built once per dataset and shared by every analysis. */
export interface DatasetIndex {
  readonly dataset: Dataset;
  readonly enterpriseById: ReadonlyMap<string, Enterprise>;
  readonly linkById: ReadonlyMap<string, Link>;
  readonly chainById: ReadonlyMap<string, Chain>;
  readonly cityById: ReadonlyMap<string, City>;
  readonly bankById: ReadonlyMap<string, Bank>;
  readonly relationsByEnterprise: ReadonlyMap<string, readonly CreditRelation[]>;
  readonly edgesBySupplier: ReadonlyMap<string, readonly SupplyEdge[]>;
  readonly edgesByBuyer: ReadonlyMap<string, readonly SupplyEdge[]>;
  /** Enterprises by every link they belong to (an enterprise may sit in several links). */
  readonly enterprisesByLink: ReadonlyMap<string, readonly Enterprise[]>;
  readonly enterprisesByChain: ReadonlyMap<string, readonly Enterprise[]>;
}

function groupBy<T>(items: readonly T[], keysOf: (item: T) => readonly string[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    for (const key of keysOf(item)) {
      const list = out.get(key);
      if (list) list.push(item);
      else out.set(key, [item]);
    }
  }
  return out;
}

const byId = <T extends { id: string }>(items: readonly T[]) =>
  new Map(items.map((item) => [item.id, item] as const));

export function buildDatasetIndex(dataset: Dataset): DatasetIndex {
  return {
    dataset,
    enterpriseById: byId(dataset.enterprises),
    linkById: byId(dataset.links),
    chainById: byId(dataset.chains),
    cityById: byId(dataset.cities),
    bankById: byId(dataset.banks),
    relationsByEnterprise: groupBy(dataset.creditRelations, (r) => [r.enterpriseId]),
    edgesBySupplier: groupBy(dataset.supplyEdges, (e) => [e.supplierId]),
    edgesByBuyer: groupBy(dataset.supplyEdges, (e) => [e.buyerId]),
    enterprisesByLink: groupBy(dataset.enterprises, (e) => e.linkIds),
    enterprisesByChain: groupBy(dataset.enterprises, (e) => e.chainIds),
  };
}

/** A relation that currently provides credit (§5.1). */
export const isLiveRelation = (r: CreditRelation): boolean =>
  r.status === 'active' || r.status === 'approved_undrawn';

/** Is this relation's institution a lender (bank-type, §2.8)? Unknown banks are not lenders. */
export function isLenderRelation(index: DatasetIndex, r: CreditRelation): boolean {
  const bank = index.bankById.get(r.bankId);
  return bank !== undefined && isLenderType(bank.type);
}

/**
 * The chain a view opens on when none is chosen: the first chain (in dataset order) that has
 * enterprises, so an import covering one chain does not open on an empty one.
 * @example defaultChainId(index) // 'app' for the demo; 'nev' for an import of NEV firms only
 */
export function defaultChainId(index: DatasetIndex): string {
  const chains = index.dataset.chains;
  const withFirms = chains.find((c) => (index.enterprisesByChain.get(c.id)?.length ?? 0) > 0);
  return (withFirms ?? chains[0])?.id ?? '';
}

/**
 * The chain a view opens on for a requested id (the URL's): that chain when the dataset has it,
 * else defaultChainId (an unknown id falls back; the view says so).
 * @example chainToOpen(index, 'nev') // 'nev'; chainToOpen(index, 'nope') // defaultChainId(index)
 */
export function chainToOpen(index: DatasetIndex, requested: string | null): string {
  return requested !== null && index.chainById.has(requested) ? requested : defaultChainId(index);
}
