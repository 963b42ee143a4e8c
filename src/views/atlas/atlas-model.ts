/**
 * The Atlas view model: pure functions from the analysis and the user's choices to what the graph,
 * the map and the panels draw. Views call these through `$derived`; nothing here touches the DOM.
 */
import { enterpriseNeighbourhood, flowsByLink, type CityFlow } from '../../analysis/atlas';
import { coverageBy, groupCoverage, type GroupCoverage } from '../../analysis/coverage';
import {
  buildChainContext,
  facetCounts,
  filterEnterprises,
  type ChainContext,
  type FacetKey,
  type Filters,
} from '../../analysis/filters';
import { memoPer } from '../../analysis/memo';
import type { Analysis } from '../../analysis/types';
import type { Chain, Enterprise, Link } from '../../domain/schema';
import type { GraphInput, LinkStat } from '../../graph/elements';
import type { Lang } from '../../i18n/format';
import type { MapCamera, MapEnterprise, MapGroup, MapInput, MapPlace } from '../../map/features';
import {
  colorOf,
  enterpriseClass,
  groupClass,
  groupOverlay,
  OVERLAYS,
  type Overlay,
} from '../../overlays/overlays';

export interface AtlasModel {
  ctx: ChainContext;
  chain: Chain;
  links: Link[];
  /** The chain's enterprises that pass the filters. */
  visible: Enterprise[];
  counts: Record<FacetKey, Map<string, number>>;
  linkGroups: Map<string, GroupCoverage>;
  cityGroups: Map<string, GroupCoverage>;
  provinceGroups: Map<string, GroupCoverage>;
  /**
   * Supply flows of every link of the chain between the shown firms' cities, computed on the
   * first call (the map asks for them once it has drawn the marks, or at once for a chosen link).
   */
  flows: () => Map<string, CityFlow[]>;
}

/** Filters applied, groups computed: everything that does not depend on the overlay or selection. */
export function buildAtlasModel(analysis: Analysis, chainId: string, filters: Filters): AtlasModel {
  const ctx = buildChainContext(analysis, chainId);
  const chain = analysis.index.chainById.get(chainId);
  if (!chain) throw new Error(`unknown chain: ${chainId}`);
  const links = chain.linkIds.flatMap((id) => analysis.index.linkById.get(id) ?? []);
  const visible = filterEnterprises(ctx, filters);
  let flows: Map<string, CityFlow[]> | null = null;
  return {
    ctx,
    chain,
    links,
    visible,
    counts: facetCounts(ctx, filters),
    linkGroups: coverageBy(analysis, visible, 'link'),
    cityGroups: coverageBy(analysis, visible, 'city'),
    provinceGroups: coverageBy(analysis, visible, 'province'),
    flows: () => (flows ??= flowsByLink(analysis.index, visible, chain.linkIds)),
  };
}

/** Every enterprise's class under an overlay, per chain context (computed once, then looked up). */
const classTables = memoPer<ChainContext, Overlay, Map<string, string>>();

function classTable(ctx: ChainContext, overlay: Overlay): Map<string, string> {
  return classTables(ctx, overlay, () => {
    const table = new Map<string, string>();
    for (const e of ctx.enterprises) {
      const a = ctx.analysis.byEnterprise.get(e.id);
      table.set(
        e.id,
        a
          ? enterpriseClass(overlay, a, a.computedSize, e.srdiTier, ctx.verdictOf.get(e.id))
          : 'insufficient_data',
      );
    }
    return table;
  });
}

/** The overlay class of an enterprise (its link × city verdict for the verdict overlay). */
export function classOf(model: AtlasModel, overlay: Overlay, e: Enterprise): string {
  return classTable(model.ctx, overlay).get(e.id) ?? 'insufficient_data';
}

const nameOf = (x: { nameZh: string; nameEn?: string }, lang: Lang) =>
  lang === 'zh' ? x.nameZh : (x.nameEn ?? x.nameZh);

/** What is highlighted: the selected enterprise with its suppliers and buyers, or the selected link. */
export interface Highlight {
  graph: { linkIds: ReadonlySet<string>; enterpriseIds: ReadonlySet<string> } | null;
  /** Enterprise ids to highlight on the map (the rest dimmed); null = nothing selected. */
  map: ReadonlySet<string> | null;
}

export function highlightFor(
  model: AtlasModel,
  link: string | null,
  enterprise: string | null,
): Highlight {
  const visibleIds = enterprise ? new Set(model.visible.map((e) => e.id)) : new Set<string>();
  if (enterprise && visibleIds.has(enterprise)) {
    const n = enterpriseNeighbourhood(model.ctx.analysis.index, enterprise);
    const ids = new Set(
      [enterprise, ...n.supplierIds, ...n.buyerIds].filter((id) => visibleIds.has(id)),
    );
    return { graph: { linkIds: new Set(n.linkIds), enterpriseIds: ids }, map: ids };
  }
  if (link) {
    return {
      graph: null,
      map: new Set(model.visible.filter((e) => e.linkIds.includes(link)).map((e) => e.id)),
    };
  }
  return { graph: null, map: null };
}

/** An enterprise's links without repeats (a list may name one twice), kept per enterprise. */
const linkSets = memoPer<Enterprise, 'links', readonly string[]>();
const distinctLinks = (e: Enterprise) => linkSets(e, 'links', () => [...new Set(e.linkIds)]);

export function buildLinkStats(model: AtlasModel, overlay: Overlay): Map<string, LinkStat> {
  const { analysis } = model.ctx;
  const classes = classTable(model.ctx, overlay);
  // One pass over the shown firms: a firm counts on each of its links in this chain.
  const tally = new Map(
    model.links.map((l) => [
      l.id,
      { enterprises: 0, leaders: 0, mix: {} as Record<string, number> },
    ]),
  );
  for (const e of model.visible) {
    const cls = classes.get(e.id) ?? 'insufficient_data';
    for (const linkId of distinctLinks(e)) {
      const t = tally.get(linkId);
      if (!t) continue;
      t.enterprises++;
      if (e.isChainLeader) t.leaders++;
      t.mix[cls] = (t.mix[cls] ?? 0) + 1;
    }
  }
  const out = new Map<string, LinkStat>();
  for (const link of model.links) {
    const t = tally.get(link.id) ?? { enterprises: 0, leaders: 0, mix: {} };
    out.set(link.id, {
      coverage: model.linkGroups.get(link.id) ?? groupCoverage(analysis, []),
      enterprises: t.enterprises,
      leaders: t.leaders,
      mix: t.mix,
    });
  }
  return out;
}

export function buildGraphInput(
  model: AtlasModel,
  opts: {
    lang: Lang;
    overlay: Overlay;
    link: string | null;
    highlight: Highlight;
    /** The cards' font size, CSS px (see GraphInput.fontPx). */
    fontPx: number;
  },
): GraphInput {
  const selected = opts.link && model.links.some((l) => l.id === opts.link) ? opts.link : null;
  return {
    chain: model.chain,
    links: model.links,
    lang: opts.lang,
    overlay: opts.overlay,
    linkStats: buildLinkStats(model, opts.overlay),
    selectedLinkId: selected,
    highlight: opts.highlight.graph,
    fontPx: opts.fontPx,
  };
}

function mapGroup(overlay: Overlay, key: string, label: string, g: GroupCoverage): MapGroup {
  const cls = groupClass(overlay, g);
  return {
    key,
    label,
    enterprises: g.enterprises,
    gap: g.gap,
    cls,
    color: colorOf(groupOverlay(overlay), cls),
  };
}

/**
 * Every enterprise of the chain as the map places it: the map's `universe`. Built once per chain
 * context and language (the same array on every call), so a filter or overlay change rebuilds no
 * map source.
 */
export function buildMapUniverse(ctx: ChainContext, lang: Lang): readonly MapPlace[] {
  return universes(ctx, lang, () =>
    ctx.enterprises.map((e): MapPlace => ({
      id: e.id,
      cityId: e.cityId,
      ...(e.lat !== undefined && e.lon !== undefined ? { lat: e.lat, lon: e.lon } : {}),
      label: nameOf(e, lang),
      linkId: e.primaryLinkId,
    })),
  );
}
const universes = memoPer<ChainContext, Lang, readonly MapPlace[]>();

/** Each firm as the map draws it under an overlay and language, per chain context (built once). */
const mapEnterpriseTables = memoPer<ChainContext, string, Map<string, MapEnterprise>>();

/** Every firm of the chain as a map mark under an overlay and language (built once, kept). */
function mapEnterpriseTable(
  ctx: ChainContext,
  overlay: Overlay,
  lang: Lang,
): Map<string, MapEnterprise> {
  return mapEnterpriseTables(ctx, `${overlay}|${lang}`, () => {
    const table = new Map<string, MapEnterprise>();
    const classes = classTable(ctx, overlay);
    for (const e of ctx.enterprises) {
      const cls = classes.get(e.id) ?? 'insufficient_data';
      table.set(e.id, {
        id: e.id,
        cityId: e.cityId,
        ...(e.lat !== undefined && e.lon !== undefined ? { lat: e.lat, lon: e.lon } : {}),
        label: nameOf(e, lang),
        cls,
        color: colorOf(overlay, cls),
        linkId: e.primaryLinkId,
      });
    }
    return table;
  });
}

/** The shown firms as map marks: the same objects for the same chain, overlay and language. */
function mapEnterprisesOf(model: AtlasModel, overlay: Overlay, lang: Lang): MapEnterprise[] {
  const marks = mapEnterpriseTable(model.ctx, overlay, lang);
  return model.visible.flatMap((e) => marks.get(e.id) ?? []);
}

/**
 * Builds, ahead of use, what an overlay change will look up (each firm's class and map mark under
 * every overlay) so that the first change to an overlay costs no more than the next. Cheap to call
 * again: built tables are kept per chain.
 */
export function warmOverlayTables(
  ctx: ChainContext,
  lang: Lang,
  overlays: readonly Overlay[] = OVERLAYS,
): void {
  for (const overlay of overlays) mapEnterpriseTable(ctx, overlay, lang);
}

/**
 * What the map draws. With `universe` (the Atlas) the map keeps the chain's marks in place and
 * only shows, hides and colours them; without it (a scene whose names are hidden) the sources
 * follow the drawn set.
 */
export function buildMapInput(
  model: AtlasModel,
  opts: {
    lang: Lang;
    overlay: Overlay;
    link: string | null;
    enterprise: string | null;
    highlight: Highlight;
    filters: Filters;
    universe?: readonly MapPlace[];
  },
): MapInput {
  const { index } = model.ctx.analysis;
  const cityGroups = new Map<string, MapGroup>();
  for (const [cityId, g] of model.cityGroups) {
    const city = index.cityById.get(cityId);
    cityGroups.set(
      cityId,
      mapGroup(opts.overlay, cityId, city ? nameOf(city, opts.lang) : cityId, g),
    );
  }
  const provinceGroups = new Map<string, MapGroup>();
  for (const [provinceZh, g] of model.provinceGroups) {
    const city = index.dataset.cities.find((c) => c.provinceZh === provinceZh);
    const label = opts.lang === 'zh' ? provinceZh : (city?.provinceEn ?? provinceZh);
    provinceGroups.set(provinceZh, mapGroup(opts.overlay, provinceZh, label, g));
  }
  return {
    lang: opts.lang,
    cities: index.dataset.cities,
    enterprises: mapEnterprisesOf(model, opts.overlay, opts.lang),
    cityGroups,
    provinceGroups,
    highlightIds: opts.highlight.map,
    selectedEnterpriseId: opts.enterprise,
    flowsByLink: model.flows,
    flowLink: opts.link && model.links.some((l) => l.id === opts.link) ? opts.link : null,
    ...(opts.universe ? { universe: opts.universe } : {}),
    scope: {
      ...(opts.filters.province ? { provinceZh: opts.filters.province } : {}),
      ...(opts.filters.city ? { cityId: opts.filters.city } : {}),
    },
    camera: cameraFor(model, opts),
  };
}

/** The distinct cities of some firms, sorted (so that the same set gives the same key). */
const citiesOf = (firms: readonly { cityId: string }[]) =>
  [...new Set(firms.map((e) => e.cityId))].sort();

/**
 * Where the map looks for the user's current focus, most specific first: the chosen firm, the
 * chosen link's (filtered) firms, the scoped city, the scoped province, else the chain's firms.
 * The key changes only when that focus does: a filter on role or size leaves the map where it is.
 * @example cameraFor(model, { link: null, enterprise: null, filters: EMPTY_FILTERS }).key // 'chain:nev'
 */
export function cameraFor(
  model: AtlasModel,
  opts: { link: string | null; enterprise: string | null; filters: Filters },
): MapCamera {
  const { index } = model.ctx.analysis;
  const e = opts.enterprise ? index.enterpriseById.get(opts.enterprise) : undefined;
  if (e) return { key: `e:${e.id}`, kind: 'enterprise', enterpriseId: e.id, cityId: e.cityId };
  const { province, city } = opts.filters;
  const link = opts.link && model.links.some((l) => l.id === opts.link) ? opts.link : null;
  if (link) {
    const firms = model.visible.filter((x) => x.linkIds.includes(link));
    if (firms.length > 0) {
      return {
        key: `l:${link}|${province ?? ''}|${city ?? ''}`,
        kind: 'cities',
        cityIds: citiesOf(firms),
      };
    }
  }
  if (city) return { key: `c:${city}`, kind: 'city', cityId: city };
  if (province) {
    return {
      key: `p:${province}`,
      kind: 'province',
      provinceZh: province,
      cityIds: index.dataset.cities.filter((c) => c.provinceZh === province).map((c) => c.id),
    };
  }
  return {
    key: `chain:${model.chain.id}`,
    kind: 'cities',
    cityIds: citiesOf(model.ctx.enterprises),
  };
}
