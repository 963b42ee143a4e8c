/**
 * Pure builders from what the Atlas wants drawn (MapInput) to what maplibre draws: GeoJSON
 * FeatureCollections for the sources and the feature states (highlight, dim, selected, the
 * choropleth's colour) that the adapter applies with `setFeatureState`.
 */
import type { City } from '../domain/schema';
import { choroplethFill } from './layers';
import {
  cityRingOptions,
  enterprisePoints,
  ringCount,
  RING_SPACING_PX,
  type RingOptions,
  type RingSector,
} from './ring-layout';

type LayoutOptions = RingOptions & { sectors?: ReadonlyMap<string, RingSector> };

/** Where an enterprise is drawn and what it is called: nothing that an overlay, filter or selection changes. */
export interface MapPlace {
  id: string;
  cityId: string;
  lat?: number;
  lon?: number;
  label: string;
  linkId: string;
}

/** An enterprise to draw now, with its overlay class and colour. */
export interface MapEnterprise extends MapPlace {
  cls: string;
  color: string;
  /** Optional figure line for the tooltip, already formatted (e.g. '缺口 850万元'). */
  detail?: string;
}

/** An aggregate (city or province) with its overlay class and colour; `label` explains the class. */
export interface MapGroup {
  key: string;
  label: string;
  enterprises: number;
  gap: number;
  cls: string;
  color: string;
}

export interface MapFlow {
  fromCityId: string;
  toCityId: string;
  value: number;
  direction: 'out' | 'in';
}

export interface MapInput {
  lang: 'zh' | 'en';
  cities: readonly City[];
  /** The filtered set to draw. */
  enterprises: readonly MapEnterprise[];
  /**
   * Every enterprise the map may draw (the whole chain), the same array (===) while only filters,
   * overlay or selection change. The sources are built from it once; `enterprises` then only sets
   * feature states (shown, colour), so a filter or overlay change rebuilds no source and no mark
   * moves. Without it the sources follow `enterprises`. Must contain every drawn enterprise.
   */
  universe?: readonly MapPlace[];
  /** key = cityId */
  cityGroups: ReadonlyMap<string, MapGroup>;
  /** key = provinceZh */
  provinceGroups: ReadonlyMap<string, MapGroup>;
  /** null = no highlight (all normal); else these are highlighted, the rest dimmed. */
  highlightIds: ReadonlySet<string> | null;
  selectedEnterpriseId: string | null;
  /**
   * Supply flows per link (the chain's links, for the shown enterprises), asked for when the map
   * needs them: at once while a link's flows are shown, else after the marks are drawn. The map
   * holds them all and shows those of `flowLink`, so selecting a link rebuilds no source. A new
   * function means new flows.
   */
  flowsByLink: () => ReadonlyMap<string, readonly MapFlow[]>;
  /** The link whose flows are drawn; null = none. */
  flowLink: string | null;
  scope: { provinceZh?: string; cityId?: string };
  /**
   * Where the map looks. The adapter eases there when `key` changes (a new chain, a province, a
   * city, a link or an enterprise chosen), never on a filter or overlay that keeps the key.
   */
  camera?: MapCamera;
  /** Labels drawn this many times their normal size (1 when absent): 1.7 on a projector. */
  labelScale?: number;
}

/**
 * The place the map moves to: the cities holding a set of firms (a chain, a link), a province's
 * outline, one city opened into its firms, or one firm.
 */
export type MapCamera =
  | { key: string; kind: 'cities'; cityIds: readonly string[] }
  | { key: string; kind: 'province'; provinceZh: string; cityIds: readonly string[] }
  | { key: string; kind: 'city'; cityId: string }
  | { key: string; kind: 'enterprise'; enterpriseId: string; cityId: string };

/**
 * The extent of a set of points, or null for none.
 * @example pointBounds([{ lon: 120, lat: 30 }, { lon: 118, lat: 32 }]) // [[118, 30], [120, 32]]
 */
export function pointBounds(
  points: readonly { lon: number; lat: number }[],
): [[number, number], [number, number]] | null {
  if (points.length === 0) return null;
  let w = Infinity;
  let s = Infinity;
  let e = -Infinity;
  let n = -Infinity;
  for (const p of points) {
    w = Math.min(w, p.lon);
    e = Math.max(e, p.lon);
    s = Math.min(s, p.lat);
    n = Math.max(n, p.lat);
  }
  return [
    [w, s],
    [e, n],
  ];
}

type Ring = readonly (readonly number[])[];

/**
 * The extent of a province's outline without its far-flung islands: the polygons whose own extent
 * is at least a tenth of the largest's (Hainan's South China Sea islands would otherwise make it
 * half the sea). Null when the geometry has no polygon.
 * @example polygonBounds({ type: 'Polygon', coordinates: [[[0, 0], [2, 0], [2, 1], [0, 0]]] }) // [[0, 0], [2, 1]]
 */
export function polygonBounds(geometry: {
  type: string;
  coordinates?: unknown;
}): [[number, number], [number, number]] | null {
  const polygons: Ring[][] =
    geometry.type === 'Polygon'
      ? [geometry.coordinates as Ring[]]
      : geometry.type === 'MultiPolygon'
        ? (geometry.coordinates as Ring[][])
        : [];
  const boxes = polygons.flatMap((rings) => {
    const outer = rings[0];
    if (!outer || outer.length === 0) return [];
    const b = pointBounds(outer.map((c) => ({ lon: Number(c[0]), lat: Number(c[1]) })));
    return b ? [b] : [];
  });
  const size = (b: [[number, number], [number, number]]) =>
    (b[1][0] - b[0][0]) * (b[1][1] - b[0][1]);
  const largest = Math.max(0, ...boxes.map(size));
  const kept = boxes.filter((b) => size(b) >= largest / 10);
  return pointBounds(
    kept.flatMap((b) => [
      { lon: b[0][0], lat: b[0][1] },
      { lon: b[1][0], lat: b[1][1] },
    ]),
  );
}

export interface PointGeometry {
  type: 'Point';
  coordinates: [number, number];
}
export interface LineGeometry {
  type: 'LineString';
  coordinates: [number, number][];
}
export interface Feature<G, P> {
  type: 'Feature';
  id?: number;
  geometry: G;
  properties: P;
}
export interface FeatureCollection<G, P> {
  type: 'FeatureCollection';
  features: Feature<G, P>[];
}

export const emptyCollection = <G, P>(): FeatureCollection<G, P> => ({
  type: 'FeatureCollection',
  features: [],
});

export type EnterpriseProps = {
  id: string;
  cityId: string;
  linkId: string;
  label: string;
  placement: 'own' | 'ring';
};

/**
 * Enterprise points, ordered by enterprise id and numbered 1, 2, 3 … in that order (feature ids
 * for `setFeatureState`; 0 is avoided because some code paths treat it as “no id”).
 * @example
 * buildEnterpriseFeatures({ cities: [suzhou], enterprises: [{ id: 'b', cityId: 'suzhou', … }, { id: 'a', … }] })
 * // → features a (id 1) and b (id 2) on Suzhou's first ring; numericIds Map { 'a' → 1, 'b' → 2 }
 */
export function buildEnterpriseFeatures(
  input: { cities: MapInput['cities']; enterprises: readonly MapPlace[] },
  opts: LayoutOptions & { zoom?: number } = {},
): {
  collection: FeatureCollection<PointGeometry, EnterpriseProps>;
  numericIds: Map<string, number>;
  unplaced: string[];
} {
  const cities = new Map(input.cities.map((c) => [c.id, { lon: c.lon, lat: c.lat }]));
  const byId = new Map(input.enterprises.map((e) => [e.id, e]));
  const { points, unplaced } = enterprisePoints(input.enterprises, cities, opts);
  points.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const numericIds = new Map<string, number>();
  const features: Feature<PointGeometry, EnterpriseProps>[] = [];
  for (const p of points) {
    const e = byId.get(p.id);
    if (!e || numericIds.has(p.id)) continue;
    const id = features.length + 1;
    numericIds.set(p.id, id);
    features.push({
      type: 'Feature',
      id,
      geometry: { type: 'Point', coordinates: [p.lon, p.lat] },
      properties: {
        id: e.id,
        cityId: e.cityId,
        linkId: e.linkId,
        label: e.label,
        placement: p.placement,
      },
    });
  }
  return { collection: { type: 'FeatureCollection', features }, numericIds, unplaced };
}

export type CityProps = {
  cityId: string;
  label: string;
  /** Enterprises of the city's group (0 without a group). */
  count: number;
  /** Bubble radius in px (zoom ≥ 5); 0 without a group. */
  radius: number;
  /** Outer radius of the city's enterprise rings in px at the ring reference zoom; 0 without rings. */
  ringRadius: number;
  /** Whether the city has a group; the label layer draws only these. */
  shown: boolean;
};

/**
 * Bubble radius in pixels for a city with `count` enterprises: area grows with the count
 * (4 + 1.6·√count), capped at 28 px so the Yangtze delta stays readable at country zoom.
 * @example cityRadius(0) // 4; cityRadius(25) // 12; cityRadius(100) // 20; cityRadius(900) // 28
 */
export function cityRadius(count: number): number {
  return Math.min(28, Math.round((4 + 1.6 * Math.sqrt(Math.max(0, count))) * 10) / 10);
}

/**
 * One point per city that has a group or an enterprise in `enterprises` (the places: the
 * universe when there is one), numbered in city-id order, labelled in the input language. Only
 * cities with a group are `shown`; the others are there so that a filter can bring them back
 * through feature state alone. `ringRadius` tells the label how far out the city's enterprise
 * rings reach (enterprises with own coordinates are not on them).
 * @example buildCityFeatures({ lang: 'en', cities: [suzhou], cityGroups: Map { suzhou → { enterprises: 25, … } }, enterprises: 25 on Suzhou's rings })
 * // → one point at Suzhou, properties { cityId: 'suzhou', label: 'Suzhou', count: 25, radius: 12, ringRadius: 30, shown: true }
 */
export function buildCityFeatures(
  input: Pick<MapInput, 'lang' | 'cities' | 'cityGroups'> & { enterprises: readonly MapPlace[] },
  opts: LayoutOptions = {},
): {
  collection: FeatureCollection<PointGeometry, CityProps>;
  numericIds: Map<string, number>;
} {
  const cities = [...input.cities].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const onRings = new Map<string, number>();
  const placed = new Set<string>();
  for (const e of input.enterprises) {
    placed.add(e.cityId);
    if (e.lat === undefined || e.lon === undefined) {
      onRings.set(e.cityId, (onRings.get(e.cityId) ?? 0) + 1);
    }
  }
  const numericIds = new Map<string, number>();
  const features: Feature<PointGeometry, CityProps>[] = [];
  for (const c of cities) {
    const g = input.cityGroups.get(c.id);
    if ((!g && !placed.has(c.id)) || numericIds.has(c.id)) continue;
    const id = features.length + 1;
    numericIds.set(c.id, id);
    features.push({
      type: 'Feature',
      id,
      geometry: { type: 'Point', coordinates: [c.lon, c.lat] },
      properties: {
        cityId: c.id,
        label: input.lang === 'zh' ? c.nameZh : c.nameEn,
        count: g?.enterprises ?? 0,
        radius: g ? cityRadius(g.enterprises) : 0,
        ringRadius:
          ringCount(onRings.get(c.id) ?? 0, cityRingOptions(c.id, opts)) *
          (opts.spacingPx ?? RING_SPACING_PX),
        shown: g !== undefined,
      },
    });
  }
  return { collection: { type: 'FeatureCollection', features }, numericIds };
}

/**
 * Provinces whose name a drawn city label already shows (a municipality such as 北京 or 上海 whose
 * city carries the province's name), so the province label can step aside.
 * @example provincesNamedByCities({ cities: [shanghai, suzhou], cityGroups: Map { shanghai, suzhou } }) // ['上海']
 */
export function provincesNamedByCities(input: Pick<MapInput, 'cities' | 'cityGroups'>): string[] {
  const out = new Set<string>();
  for (const c of input.cities) {
    if (c.nameZh === c.provinceZh && input.cityGroups.has(c.id)) out.add(c.provinceZh);
  }
  return [...out].sort();
}

/** Flows above this many lines are not drawn (domain.md §9.2): the map would be a hairball. */
export const MAX_FLOW_LINES = 200;

export type FlowProps = {
  fromCityId: string;
  toCityId: string;
  value: number;
  direction: 'out' | 'in';
  width: number;
};

/** Points of a quadratic curve from a to b bowing to the right of travel by `bend` × length. */
export function curvedLine(
  a: readonly [number, number],
  b: readonly [number, number],
  bend = 0.18,
  segments = 16,
): [number, number][] {
  const [ax, ay] = a;
  const [bx, by] = b;
  // Control point: midpoint pushed perpendicular (right-hand normal (dy, -dx)), so that the
  // flows a→b and b→a bow to opposite sides instead of overlapping.
  const cx = (ax + bx) / 2 + (by - ay) * bend;
  const cy = (ay + by) / 2 - (bx - ax) * bend;
  const out: [number, number][] = [];
  for (let i = 0; i <= segments; i++) {
    const t = i / segments;
    const u = 1 - t;
    const x = u * u * ax + 2 * u * t * cx + t * t * bx;
    const y = u * u * ay + 2 * u * t * cy + t * t * by;
    out.push([Math.round(x * 1e5) / 1e5, Math.round(y * 1e5) / 1e5]);
  }
  return out;
}

/**
 * Flow lines between city pairs: flows with the same (from, to, direction) are summed; flows
 * inside one city or touching an unknown city are not drawn (counted in `skipped`). Width grows
 * with √(value ÷ largest value), 1.5–8 px. Above MAX_FLOW_LINES lines nothing is drawn and
 * `hidden` is true so the UI can say why.
 * @example
 * buildFlowFeatures({ cities, flows: [{ fromCityId: 'wuxi', toCityId: 'suzhou', value: 100, direction: 'out' }] })
 * // → one curved line Wuxi → Suzhou, width 8; { hidden: false, lines: 1, skipped: 0 }
 */
export function buildFlowFeatures(
  input: Pick<MapInput, 'cities'> & { flows: readonly MapFlow[] },
  maxLines: number = MAX_FLOW_LINES,
): {
  collection: FeatureCollection<LineGeometry, FlowProps>;
  hidden: boolean;
  lines: number;
  skipped: number;
} {
  const cities = new Map(input.cities.map((c) => [c.id, c]));
  const sums = new Map<string, MapFlow>();
  let skipped = 0;
  for (const f of input.flows) {
    if (f.fromCityId === f.toCityId || !cities.has(f.fromCityId) || !cities.has(f.toCityId)) {
      skipped++;
      continue;
    }
    const k = `${f.fromCityId}\u0000${f.toCityId}\u0000${f.direction}`;
    const prev = sums.get(k);
    sums.set(k, { ...f, value: (prev?.value ?? 0) + f.value });
  }
  const flows = [...sums.values()].sort((a, b) => b.value - a.value);
  if (flows.length > maxLines) {
    return { collection: emptyCollection(), hidden: true, lines: flows.length, skipped };
  }
  const max = Math.max(0, ...flows.map((f) => f.value));
  const features = flows.map((f, i): Feature<LineGeometry, FlowProps> => {
    const from = cities.get(f.fromCityId) as City;
    const to = cities.get(f.toCityId) as City;
    const width = max > 0 ? Math.round((1.5 + 6.5 * Math.sqrt(f.value / max)) * 10) / 10 : 1.5;
    return {
      type: 'Feature',
      id: i + 1,
      geometry: {
        type: 'LineString',
        coordinates: curvedLine([from.lon, from.lat], [to.lon, to.lat]),
      },
      properties: { ...f, width },
    };
  });
  return {
    collection: { type: 'FeatureCollection', features },
    hidden: false,
    lines: flows.length,
    skipped,
  };
}

export type LinkFlowProps = FlowProps & { linkId: string };

/** Where each link's lines are in the all-links flow collection. */
export interface LinkFlows {
  /** Feature ids of the link's lines (none when hidden). */
  ids: number[];
  /** More than the maximum number of lines: none drawn. */
  hidden: boolean;
  lines: number;
}

/**
 * Every link's flow lines in one collection (the map's flow source): each link's lines exactly as
 * `buildFlowFeatures` draws them, tagged with `linkId` and numbered 1, 2, 3 … across the links in
 * the map's order, so that choosing a link only changes which lines are shown (feature state).
 * @example
 * buildAllFlowFeatures({ cities, flowsByLink: Map { 'nev.cell' → [wuxi → suzhou 100 out], 'nev.pack' → [] } })
 * // → one line (id 1, linkId 'nev.cell'); byLink Map { 'nev.cell' → { ids: [1], hidden: false, lines: 1 }, 'nev.pack' → { ids: [], … lines: 0 } }
 */
export function buildAllFlowFeatures(
  input: Pick<MapInput, 'cities'> & { flowsByLink: ReadonlyMap<string, readonly MapFlow[]> },
  maxLines: number = MAX_FLOW_LINES,
): {
  collection: FeatureCollection<LineGeometry, LinkFlowProps>;
  byLink: Map<string, LinkFlows>;
} {
  const features: Feature<LineGeometry, LinkFlowProps>[] = [];
  const byLink = new Map<string, LinkFlows>();
  for (const [linkId, flows] of input.flowsByLink) {
    const one = buildFlowFeatures({ cities: input.cities, flows }, maxLines);
    const ids: number[] = [];
    for (const f of one.collection.features) {
      const id = features.length + 1;
      ids.push(id);
      features.push({ ...f, id, properties: { ...f.properties, linkId } });
    }
    byLink.set(linkId, { ids, hidden: one.hidden, lines: one.lines });
  }
  return { collection: { type: 'FeatureCollection', features }, byLink };
}

export type ProvinceLabelProps = { provinceZh: string; provinceEn: string };

/** What the adapter needs from a basemap feature: the join key and optional label point. */
export interface BasemapFeature {
  properties: {
    provinceZh: string;
    provinceEn?: string;
    labelLon?: number;
    labelLat?: number;
  } | null;
  geometry: { type: string; coordinates: unknown } | null;
}

function bboxCenter(coords: unknown): [number, number] | null {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  const walk = (c: unknown): void => {
    if (!Array.isArray(c)) return;
    if (typeof c[0] === 'number' && typeof c[1] === 'number') {
      minX = Math.min(minX, c[0]);
      maxX = Math.max(maxX, c[0]);
      minY = Math.min(minY, c[1]);
      maxY = Math.max(maxY, c[1]);
      return;
    }
    for (const x of c) walk(x);
  };
  walk(coords);
  return Number.isFinite(minX) ? [(minX + maxX) / 2, (minY + maxY) / 2] : null;
}

/**
 * Label points of the basemap's provinces: its labelLon/labelLat, or the centre of the feature's
 * bounding box for a deployer's file without them.
 * @example buildProvinceLabelFeatures([{ properties: { provinceZh: '江苏', provinceEn: 'Jiangsu', labelLon: 119.9, labelLat: 33 }, … }])
 * // → one point [119.9, 33] with { provinceZh: '江苏', provinceEn: 'Jiangsu' }
 */
export function buildProvinceLabelFeatures(
  basemap: readonly BasemapFeature[],
): FeatureCollection<PointGeometry, ProvinceLabelProps> {
  const features: Feature<PointGeometry, ProvinceLabelProps>[] = [];
  for (const f of basemap) {
    const p = f.properties;
    if (!p) continue;
    const at: [number, number] | null =
      typeof p.labelLon === 'number' && typeof p.labelLat === 'number'
        ? [p.labelLon, p.labelLat]
        : bboxCenter(f.geometry?.coordinates);
    if (!at) continue;
    features.push({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: at },
      properties: { provinceZh: p.provinceZh, provinceEn: p.provinceEn ?? p.provinceZh },
    });
  }
  return { type: 'FeatureCollection', features };
}

/**
 * The scope outline's source: the basemap's features of the scoped province (none without a
 * scope). Its own small source, so that a scope change tiles one province, and no frame draws an
 * outline for the others.
 * @example buildScopeFeatures(basemap, '江苏').features.map((f) => f.properties.provinceZh) // ['江苏']
 */
export function buildScopeFeatures(
  basemap: readonly BasemapFeature[],
  provinceZh: string | undefined,
): FeatureCollection<NonNullable<BasemapFeature['geometry']>, { provinceZh: string }> {
  const features: Feature<NonNullable<BasemapFeature['geometry']>, { provinceZh: string }>[] = [];
  if (provinceZh === undefined) return { type: 'FeatureCollection', features };
  for (const f of basemap) {
    if (f.properties?.provinceZh !== provinceZh || !f.geometry) continue;
    features.push({ type: 'Feature', geometry: f.geometry, properties: { provinceZh } });
  }
  return { type: 'FeatureCollection', features };
}

/** An enterprise's look: drawn or hidden by the filters, its overlay colour, highlight. */
export type MarkState = {
  shown: boolean;
  color: string | null;
  highlight: boolean;
  dim: boolean;
  selected: boolean;
};
/** A city bubble's look; `radius` follows its group's count (0 when hidden). */
export type CityState = MarkState & { radius: number };
/**
 * A province's overlay colour: `color` as drawn translucent over a deployer's basemap, `fill` the
 * same blended over the bundled basemap's land (one opaque fill layer, see choroplethFill).
 */
export type ProvinceState = { color: string; fill: string };

export interface FeatureStates {
  /** By enterprise feature id: every feature of the source. */
  enterprises: Map<number, MarkState>;
  /** By city feature id: every feature; `selected` marks the scoped city. */
  cities: Map<number, CityState>;
  /** By provinceZh; only provinces with a colour (the scope outline has its own source). */
  provinces: Map<string, ProvinceState>;
  /** Enterprise features in highlight state. */
  highlighted: number;
}

/**
 * The feature states for an input, one per feature of the sources: a feature is `shown` when its
 * enterprise is in `enterprises` (its city when it has a group), with that enterprise's (group's)
 * colour. With `highlightIds` null nothing is highlighted or dimmed; otherwise the listed
 * enterprises are highlighted and the other shown ones dimmed, and a city is highlighted when one
 * of its shown enterprises is, dimmed when none is.
 * @example
 * buildFeatureStates({ enterprises: [a (red)], highlightIds: new Set(['a']), selectedEnterpriseId: 'a', … }, Map { a → 1, b → 2 }, …)
 * // → enterprises Map { 1 → { shown: true, color: red, highlight: true, dim: false, selected: true },
 * //                     2 → { shown: false, color: null, highlight: false, dim: false, selected: false } }
 */
export function buildFeatureStates(
  input: Pick<
    MapInput,
    | 'enterprises'
    | 'cityGroups'
    | 'highlightIds'
    | 'selectedEnterpriseId'
    | 'provinceGroups'
    | 'scope'
  >,
  enterpriseIds: ReadonlyMap<string, number>,
  cityIds: ReadonlyMap<string, number>,
): FeatureStates {
  const enterprises = new Map<number, MarkState>();
  const cities = new Map<number, CityState>();
  const provinces = new Map<string, ProvinceState>();
  const hl = input.highlightIds;
  const hidden: MarkState = {
    shown: false,
    color: null,
    highlight: false,
    dim: false,
    selected: false,
  };
  for (const id of enterpriseIds.values()) enterprises.set(id, hidden);
  let highlighted = 0;
  const litCities = new Set<string>();
  for (const e of input.enterprises) {
    const id = enterpriseIds.get(e.id);
    if (id === undefined) continue;
    const highlight = hl !== null && hl.has(e.id);
    if (highlight) {
      highlighted++;
      litCities.add(e.cityId);
    }
    enterprises.set(id, {
      shown: true,
      color: e.color,
      highlight,
      dim: hl !== null && !highlight,
      selected: e.id === input.selectedEnterpriseId,
    });
  }
  for (const [cityId, id] of cityIds) {
    const g = input.cityGroups.get(cityId);
    const highlight = g !== undefined && hl !== null && litCities.has(cityId);
    cities.set(id, {
      shown: g !== undefined,
      color: g?.color ?? null,
      radius: g ? cityRadius(g.enterprises) : 0,
      highlight,
      dim: g !== undefined && hl !== null && !highlight,
      selected: cityId === input.scope.cityId,
    });
  }
  for (const [provinceZh, g] of input.provinceGroups) {
    provinces.set(provinceZh, { color: g.color, fill: choroplethFill(g.color) });
  }
  return { enterprises, cities, provinces, highlighted };
}

/**
 * The calls that turn the `prev` states into `next`: `set` for new or changed entries, `remove`
 * for keys that went back to the default.
 * @example diffStates(new Map([[1, s1], [2, s2]]), new Map([[2, s2b], [3, s3]])) // { set: [[2, s2b], [3, s3]], remove: [1] }
 */
export function diffStates<K, S extends Record<string, unknown>>(
  prev: ReadonlyMap<K, S>,
  next: ReadonlyMap<K, S>,
): { set: [K, S][]; remove: K[] } {
  const set: [K, S][] = [];
  const remove: K[] = [];
  for (const [k, s] of next) {
    const p = prev.get(k);
    if (!p || Object.keys(s).some((f) => s[f] !== p[f])) set.push([k, s]);
  }
  for (const k of prev.keys()) if (!next.has(k)) remove.push(k);
  return { set, remove };
}
