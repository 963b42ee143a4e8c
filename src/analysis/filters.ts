import { normalizeUscc } from '../domain/uscc';
import type { DisplayRole, Enterprise, SizeClass, SrdiTier, Stage } from '../domain/schema';
import { coverageBy, type Verdict } from './coverage';
import { memoPer } from './memo';
import type { Analysis } from './types';

/** The Atlas filters (issue 3 item 6). `null` means “any”. Amounts in 万元. */
export interface Filters {
  province: string | null;
  city: string | null;
  stage: Stage | null;
  link: string | null;
  role: DisplayRole | null;
  size: SizeClass | null;
  srdi: SrdiTier | null;
  verdict: Verdict | null;
  lender: string | null;
  gapMin: number | null;
}

export const EMPTY_FILTERS: Filters = {
  province: null,
  city: null,
  stage: null,
  link: null,
  role: null,
  size: null,
  srdi: null,
  verdict: null,
  lender: null,
  gapMin: null,
};

export type FacetKey = Exclude<keyof Filters, 'gapMin'>;
export const FACET_KEYS: readonly FacetKey[] = [
  'province',
  'city',
  'stage',
  'link',
  'role',
  'size',
  'srdi',
  'verdict',
  'lender',
];

/** What filtering needs besides the analysis: the chain and each firm's link × city verdict. */
export interface ChainContext {
  analysis: Analysis;
  chainId: string;
  /** The chain's enterprises (unfiltered). */
  enterprises: readonly Enterprise[];
  /** Verdict of each enterprise's primary link × city group, computed over the whole chain. */
  verdictOf: ReadonlyMap<string, Verdict>;
}

/** Contexts already built, per analysis (an analysis never changes, so neither does its context). */
const contexts = memoPer<Analysis, string, ChainContext>();

/**
 * The chain's enterprises and their link × city verdicts, computed once per chain and analysis:
 * a second call returns the same object, so a filter change neither recomputes the chain's link ×
 * city groups nor gives the views a new context.
 */
export function buildChainContext(analysis: Analysis, chainId: string): ChainContext {
  return contexts(analysis, chainId, () => computeChainContext(analysis, chainId));
}

function computeChainContext(analysis: Analysis, chainId: string): ChainContext {
  const enterprises = analysis.index.enterprisesByChain.get(chainId) ?? [];
  const groups = coverageBy(analysis, enterprises, 'linkCity');
  const verdictOf = new Map<string, Verdict>();
  for (const e of enterprises) {
    const g = groups.get(`${e.primaryLinkId}|${e.cityId}`);
    if (g) verdictOf.set(e.id, g.verdict);
  }
  return { analysis, chainId, enterprises, verdictOf };
}

/** The value an enterprise has on each facet (several for `link` and `lender`). */
function facetValues(ctx: ChainContext, e: Enterprise, key: FacetKey): readonly string[] {
  const { index } = ctx.analysis;
  const a = ctx.analysis.byEnterprise.get(e.id);
  switch (key) {
    case 'province': {
      const p = index.cityById.get(e.cityId)?.provinceZh;
      return p ? [p] : [];
    }
    case 'city':
      return [e.cityId];
    case 'stage': {
      const s = index.linkById.get(e.primaryLinkId)?.stage;
      return s ? [s] : [];
    }
    case 'link':
      return e.linkIds.filter((l) => index.linkById.get(l)?.chainId === ctx.chainId);
    case 'role':
      return a ? [a.role] : [];
    case 'size':
      return a ? [a.computedSize] : [];
    case 'srdi':
      return [e.srdiTier];
    case 'verdict': {
      const v = ctx.verdictOf.get(e.id);
      return v ? [v] : [];
    }
    case 'lender':
      return a?.lenderIds ?? [];
  }
}

/**
 * Every enterprise's values on every facet, aligned with `ctx.enterprises`: computed once per
 * chain context, so filtering and counting only look values up.
 */
interface FacetTable {
  values: Record<FacetKey, readonly (readonly string[])[]>;
  gaps: readonly number[];
}
const facetTables = memoPer<ChainContext, 'all', FacetTable>();

function facetTable(ctx: ChainContext): FacetTable {
  return facetTables(ctx, 'all', () => ({
    values: Object.fromEntries(
      FACET_KEYS.map((key) => [key, ctx.enterprises.map((e) => facetValues(ctx, e, key))]),
    ) as unknown as FacetTable['values'],
    gaps: ctx.enterprises.map((e) => ctx.analysis.byEnterprise.get(e.id)?.gap ?? 0),
  }));
}

/** The facets (of those filtered) that enterprise `i` fails, as a count and the last one failed. */
function failures(
  table: FacetTable,
  i: number,
  active: readonly FacetKey[],
  f: Filters,
): { count: number; last: FacetKey | null } {
  let count = 0;
  let last: FacetKey | null = null;
  for (const key of active) {
    const want = f[key] as string;
    if (!(table.values[key][i] as readonly string[]).includes(want)) {
      count++;
      last = key;
    }
  }
  return { count, last };
}

const activeFacets = (f: Filters) => FACET_KEYS.filter((key) => f[key] !== null);

/**
 * The chain's enterprises that pass every filter.
 * @example filterEnterprises(ctx, { ...EMPTY_FILTERS, city: 'changzhou', role: 'fill' })
 */
export function filterEnterprises(ctx: ChainContext, filters: Filters): Enterprise[] {
  const table = facetTable(ctx);
  const active = activeFacets(filters);
  return ctx.enterprises.filter(
    (_, i) =>
      failures(table, i, active, filters).count === 0 &&
      (filters.gapMin === null || (table.gaps[i] as number) >= filters.gapMin),
  );
}

/**
 * Live counts for the filter controls: for each facet, how many enterprises each value would leave,
 * given all the *other* filters (so a chosen value never hides its alternatives). An enterprise
 * that passes every filter counts on every facet; one that fails exactly one facet counts on that
 * facet only; one that fails two or more counts nowhere.
 */
export function facetCounts(
  ctx: ChainContext,
  filters: Filters,
): Record<FacetKey, Map<string, number>> {
  const out = Object.fromEntries(FACET_KEYS.map((k) => [k, new Map<string, number>()])) as Record<
    FacetKey,
    Map<string, number>
  >;
  const table = facetTable(ctx);
  const active = activeFacets(filters);
  const count = (key: FacetKey, i: number) => {
    const counts = out[key];
    for (const v of new Set(table.values[key][i])) counts.set(v, (counts.get(v) ?? 0) + 1);
  };
  for (let i = 0; i < ctx.enterprises.length; i++) {
    if (filters.gapMin !== null && (table.gaps[i] as number) < filters.gapMin) continue;
    const failed = failures(table, i, active, filters);
    if (failed.count === 0) for (const key of FACET_KEYS) count(key, i);
    else if (failed.count === 1 && failed.last) count(failed.last, i);
  }
  return out;
}

/** One search hit: an enterprise or a link of the chain. */
export interface SearchHit {
  kind: 'enterprise' | 'link';
  id: string;
}

/**
 * Search by name (zh or en, case-insensitive substring), USCC (prefix, after normalising
 * full-width and lower-case input) or link name. Links first, then enterprises, at most `limit`.
 * @example searchChain(ctx, '隔膜') // [{ kind: 'link', id: 'nev.separator' }, { kind: 'enterprise', … }]
 */
export function searchChain(ctx: ChainContext, query: string, limit = 12): SearchHit[] {
  const q = query.trim().toLowerCase();
  if (q.length === 0) return [];
  const uscc = normalizeUscc(query);
  const { index } = ctx.analysis;
  const chain = index.chainById.get(ctx.chainId);
  const hits: SearchHit[] = [];
  for (const linkId of chain?.linkIds ?? []) {
    const link = index.linkById.get(linkId);
    if (!link) continue;
    if (link.nameZh.toLowerCase().includes(q) || link.nameEn.toLowerCase().includes(q)) {
      hits.push({ kind: 'link', id: linkId });
    }
  }
  for (const e of ctx.enterprises) {
    if (hits.length >= limit) break;
    const byName = e.nameZh.toLowerCase().includes(q) || (e.nameEn ?? '').toLowerCase().includes(q);
    const byUscc = uscc.length >= 4 && e.uscc.startsWith(uscc);
    if (byName || byUscc) hits.push({ kind: 'enterprise', id: e.id });
  }
  return hits.slice(0, limit);
}

/**
 * The filters that hide an enterprise of the chain: each active facet it fails, and `gapMin` when
 * its gap is below the threshold. Empty when the filters show it (or it is not of the chain).
 * @example filtersHiding(ctx, { ...EMPTY_FILTERS, role: 'fill', city: 'changzhou' }, 'e-nev-changzhou-003')
 * // ['role'] for a stabilising firm of Changzhou
 */
export function filtersHiding(
  ctx: ChainContext,
  filters: Filters,
  enterpriseId: string,
): (keyof Filters)[] {
  const i = ctx.enterprises.findIndex((e) => e.id === enterpriseId);
  if (i < 0) return [];
  const table = facetTable(ctx);
  const out: (keyof Filters)[] = activeFacets(filters).filter(
    (key) => !(table.values[key][i] as readonly string[]).includes(filters[key] as string),
  );
  if (filters.gapMin !== null && (table.gaps[i] as number) < filters.gapMin) out.push('gapMin');
  return out;
}
