/**
 * The maplibre style of the Atlas map as pure data: the bundled basemap (province polygons from
 * GeoJSON, sea names, labels drawn with the fonts of `font-faces`) and the data layers on top
 * (province choropleth, flows, city bubbles at country zoom, enterprise rings from zoom 6).
 * The province polygons come from the configured (relative) URL, tiled by maplibre's worker; the
 * other sources start empty and the adapter fills them with `setData`. What changes with a filter,
 * an overlay or a selection (shown or hidden, colour, bubble size, highlight, dim, selection) is
 * feature state, so none of these rebuilds a source. The province scope's outline has its own
 * source holding that province only: as a state of the province source it drew every province's
 * border, invisibly, in every frame.
 */
import type {
  ExpressionSpecification,
  FilterSpecification,
  FontFacesSpecification,
  GeoJSONSourceSpecification,
  LayerSpecification,
  StyleSpecification,
} from 'maplibre-gl';
import { LABEL_FONT } from './font-faces';
import { RING_REFERENCE_ZOOM } from './ring-layout';
import { rgb } from 'd3-color';
import type { BasemapConfig } from './map-config';

export const SOURCES = {
  provinces: 'provinces',
  provinceLabels: 'province-labels',
  seas: 'seas',
  cities: 'cities',
  enterprises: 'enterprises',
  flows: 'flows',
  scope: 'scope',
} as const;

export const LAYERS = {
  background: 'background',
  provinceCasing: 'province-casing',
  provinceChoropleth: 'province-choropleth',
  provinceOutline: 'province-outline',
  provinceScope: 'province-scope',
  flowsIn: 'flows-in',
  flowsOut: 'flows-out',
  cityBubbles: 'city-bubbles',
  cityCounts: 'city-counts',
  enterpriseCircles: 'enterprise-circles',
  provinceLabels: 'province-labels',
  enterpriseLabels: 'enterprise-labels',
  cityLabels: 'city-labels',
  seaLabels: 'sea-labels',
  provinceLabelsPriority: 'province-labels-priority',
} as const;

/**
 * Province-level units whose name is always drawn, ahead of city labels in label collisions
 * (maplibre places the topmost symbol layer first): a map of China without 台湾 or 海南 named is
 * wrong. 香港 and 澳门 are named from zoom 5, where the Pearl River delta has room for them.
 */
export const PRIORITY_PROVINCES = ['台湾', '海南'] as const;
export const SAR_PROVINCES = ['香港', '澳门'] as const;
export const SAR_LABEL_MIN_ZOOM = 5;

/**
 * City bubbles (with their firm count) show below this zoom, individual enterprises on their rings
 * from it: rings are RING_SPACING_PX = 10 px apart at zoom 8 and grow ×2 per zoom level, so from
 * 9.3 neighbouring firms are at least 10 × 2^1.3 ≈ 24.6 px apart, large enough to click.
 */
export const ENTERPRISE_MIN_ZOOM = 9.3;
/** Enterprise names are drawn from this zoom (hover shows them earlier). */
export const ENTERPRISE_LABEL_MIN_ZOOM = 10;

/** All of China, the South China Sea islands included (lon/lat south-west, north-east). */
export const CHINA_BOUNDS: [[number, number], [number, number]] = [
  [73.4, 3.6],
  [135.1, 53.6],
];

export const COLORS = {
  sea: '#e8eef4',
  land: '#f7f5ef',
  provinceLine: '#9aa6b2',
  casing: '#7f8d9b',
  scope: '#0b4f8a',
  ink: '#1d2733',
  inkSoft: '#5b6876',
  seaInk: '#5d7fa3',
  halo: '#ffffff',
  markStroke: '#3d4a59',
  selected: '#111827',
  flowOut: '#0b4f8a',
  flowIn: '#6a3d9a',
} as const;

type Lang = 'zh' | 'en';

const state = (key: 'highlight' | 'dim' | 'selected'): ExpressionSpecification => [
  'boolean',
  ['feature-state', key],
  false,
];

/** A colour held in feature state (`fallback` until the adapter has set one). */
const stateColor = (fallback: string): ExpressionSpecification => [
  'to-color',
  ['coalesce', ['feature-state', 'color'], fallback],
];

/** `value`, or 0 for a feature the filters hide (feature state `shown: false`). */
const ifShown = (value: number | ExpressionSpecification): ExpressionSpecification => [
  'case',
  ['==', ['feature-state', 'shown'], false],
  0,
  value,
];

/** `text-field` in a language: the English property falls back to the Chinese one. */
export function labelField(lang: Lang, zhKey: string, enKey: string): ExpressionSpecification {
  return lang === 'zh' ? ['get', zhKey] : ['coalesce', ['get', enKey], ['get', zhKey]];
}

const EMPTY: GeoJSONSourceSpecification['data'] = { type: 'FeatureCollection', features: [] };

/**
 * Seas and island groups named on Chinese reference maps, placed by hand at open water (labels
 * only; the islands themselves are polygons of the basemap's Hainan feature).
 */
export const SEA_LABELS: { nameZh: string; nameEn: string; lon: number; lat: number }[] = [
  { nameZh: '渤海', nameEn: 'Bohai Sea', lon: 120.2, lat: 38.9 },
  { nameZh: '黄海', nameEn: 'Yellow Sea', lon: 123.0, lat: 35.3 },
  { nameZh: '东海', nameEn: 'East China Sea', lon: 125.0, lat: 29.0 },
  { nameZh: '南海', nameEn: 'South China Sea', lon: 115.5, lat: 14.2 },
  { nameZh: '西沙群岛', nameEn: 'Xisha Islands', lon: 111.9, lat: 16.1 },
  { nameZh: '南沙群岛', nameEn: 'Nansha Islands', lon: 114.6, lat: 9.6 },
];

/**
 * The sources of the data layers. The province polygons are fetched and tiled by maplibre's worker
 * from `provincesUrl` (relative URLs resolve against the page), joined on `provinceZh`; the
 * others start empty until the adapter sets their data.
 */
export function buildDataSources(
  provincesUrl?: string,
): Record<string, GeoJSONSourceSpecification> {
  return {
    [SOURCES.provinces]: {
      type: 'geojson',
      data: provincesUrl ?? EMPTY,
      promoteId: 'provinceZh',
      // Outlines only: a coarser simplification and a thin tile buffer halve the tiling work.
      tolerance: 0.6,
      buffer: 32,
    },
    [SOURCES.cities]: { type: 'geojson', data: EMPTY },
    [SOURCES.enterprises]: { type: 'geojson', data: EMPTY },
    [SOURCES.flows]: { type: 'geojson', data: EMPTY },
    [SOURCES.scope]: { type: 'geojson', data: EMPTY },
  };
}

function basemapSources(): Record<string, GeoJSONSourceSpecification> {
  return {
    [SOURCES.provinceLabels]: { type: 'geojson', data: EMPTY },
    [SOURCES.seas]: {
      type: 'geojson',
      data: {
        type: 'FeatureCollection',
        features: SEA_LABELS.map((s) => ({
          type: 'Feature',
          geometry: { type: 'Point', coordinates: [s.lon, s.lat] },
          properties: { nameZh: s.nameZh, nameEn: s.nameEn },
        })),
      },
    },
  };
}

/**
 * The casing is a wide line under the opaque province fill: where two provinces meet the fill
 * hides it on both sides, so only its outer half along the coast and the national boundary shows,
 * drawn stronger than the province borders. Miter joins (bevelled at sharp turns): round ones
 * would add two and a half times the vertices for a difference under a pixel.
 */
function provinceCasing(): LayerSpecification {
  return {
    id: LAYERS.provinceCasing,
    type: 'line',
    source: SOURCES.provinces,
    paint: {
      'line-color': COLORS.casing,
      'line-width': ['interpolate', ['linear'], ['zoom'], 3, 2, 7, 4],
    },
  };
}

function provinceOutline(): LayerSpecification {
  return {
    id: LAYERS.provinceOutline,
    type: 'line',
    source: SOURCES.provinces,
    paint: {
      'line-color': COLORS.provinceLine,
      'line-width': ['interpolate', ['linear'], ['zoom'], 3, 0.6, 7, 1.2],
    },
  };
}

const provinceIn = (names: readonly string[]): ExpressionSpecification => [
  'in',
  ['get', 'provinceZh'],
  ['literal', [...names]],
];

/**
 * Filter of the ordinary province labels: not the priority units (they have their own layer) and
 * not the provinces a drawn city already names (北京, 上海: the city label says it).
 * @example provinceLabelFilter(['上海']) // ['all', ['!', ['in', …台湾, 海南, 香港, 澳门]], ['!', ['in', …['上海']]]]
 */
export function provinceLabelFilter(namedByCities: readonly string[] = []): FilterSpecification {
  return [
    'all',
    ['!', provinceIn([...PRIORITY_PROVINCES, ...SAR_PROVINCES])],
    ['!', provinceIn(namedByCities)],
  ];
}

type SymbolLayer = Extract<LayerSpecification, { type: 'symbol' }>;

const provinceLabelLayout = (lang: Lang): NonNullable<SymbolLayer['layout']> => ({
  'text-field': labelField(lang, 'provinceZh', 'provinceEn'),
  'text-font': [LABEL_FONT],
  'text-size': PROVINCE_LABEL_SIZE,
  'text-max-width': 7,
  'text-padding': 2,
});

const provinceLabelPaint: NonNullable<SymbolLayer['paint']> = {
  'text-color': COLORS.inkSoft,
  'text-halo-color': COLORS.halo,
  'text-halo-width': 1.2,
};

/** Ordinary province names: below city labels, so a city name wins a collision. */
function provinceLabelLayer(lang: Lang): LayerSpecification {
  return {
    id: LAYERS.provinceLabels,
    type: 'symbol',
    source: SOURCES.provinceLabels,
    filter: provinceLabelFilter(),
    layout: provinceLabelLayout(lang),
    paint: provinceLabelPaint,
  };
}

/** Sea names and the priority provinces: above city labels, placed first. */
function priorityLabelLayers(lang: Lang): LayerSpecification[] {
  return [
    {
      id: LAYERS.seaLabels,
      type: 'symbol',
      source: SOURCES.seas,
      layout: {
        'text-field': labelField(lang, 'nameZh', 'nameEn'),
        'text-font': [LABEL_FONT],
        'text-size': SEA_LABEL_SIZE,
        // Spaced-out characters: the Chinese cartographic convention for water bodies.
        'text-letter-spacing': lang === 'zh' ? 0.3 : 0.05,
        'text-max-width': 8,
      },
      paint: {
        'text-color': COLORS.seaInk,
        'text-halo-color': COLORS.sea,
        'text-halo-width': 1,
      },
    },
    {
      id: LAYERS.provinceLabelsPriority,
      type: 'symbol',
      source: SOURCES.provinceLabels,
      filter: [
        'any',
        provinceIn(PRIORITY_PROVINCES),
        ['all', provinceIn(SAR_PROVINCES), ['>=', ['zoom'], SAR_LABEL_MIN_ZOOM]],
      ],
      layout: {
        ...provinceLabelLayout(lang),
        // Off the small islands' label point, on whichever side is free.
        'text-variable-anchor': ['left', 'right', 'bottom', 'top'],
        'text-radial-offset': 0.6,
      },
      paint: { ...provinceLabelPaint, 'text-color': COLORS.ink },
    },
  ];
}

/** How strongly an overlay's colour covers a province (the land or basemap shows through). */
export const CHOROPLETH_OPACITY = 0.45;

/**
 * An overlay colour as drawn over the land at CHOROPLETH_OPACITY, as one opaque colour (rounded
 * as an 8-bit blend would be): the bundled basemap draws the provinces in a single fill layer with
 * it, instead of a translucent choropleth over a land fill (every province's triangles and pixels
 * drawn once per frame, not twice).
 * @example choroplethFill('#d7301f') // 'rgb(233, 156, 145)' (0.45 × (215, 48, 31) + 0.55 × (247, 245, 239))
 */
export function choroplethFill(color: string): string {
  const c = rgb(color);
  const land = rgb(COLORS.land);
  const a = CHOROPLETH_OPACITY * (Number.isFinite(c.opacity) ? c.opacity : 1);
  const mix = (top: number, under: number) => Math.round(top * a + under * (1 - a));
  return rgb(mix(c.r, land.r), mix(c.g, land.g), mix(c.b, land.b)).toString();
}

/**
 * The data layers over a deployer's basemap, bottom to top. Marks read `highlight`, `dim` and
 * `selected` feature states; the provinces read `color` (a translucent choropleth over the base).
 */
export function buildDataLayers(lang: Lang): LayerSpecification[] {
  return [
    {
      id: LAYERS.provinceChoropleth,
      type: 'fill',
      source: SOURCES.provinces,
      paint: {
        'fill-color': ['to-color', ['coalesce', ['feature-state', 'color'], 'rgba(0,0,0,0)']],
        'fill-opacity': CHOROPLETH_OPACITY,
      },
    },
    ...dataMarkLayers(),
    ...dataLabelLayers(lang),
  ];
}

/**
 * The bundled basemap's provinces, with the choropleth: opaque, the land colour or the overlay's
 * colour already blended over it (feature state `fill`, see choroplethFill).
 */
function provinceFill(): LayerSpecification {
  return {
    id: LAYERS.provinceChoropleth,
    type: 'fill',
    source: SOURCES.provinces,
    paint: { 'fill-color': ['to-color', ['coalesce', ['feature-state', 'fill'], COLORS.land]] },
  };
}

const dimmed = (normal: number, dim: number): ExpressionSpecification => [
  'case',
  state('dim'),
  dim,
  normal,
];

/** Bubble size at country zoom, as a share of the full radius reached at zoom 5. */
const BUBBLE_SCALE_AT_Z3 = 0.6;
/** City labels keep one size so that their offset (in ems) can be computed from pixels. */
const CITY_LABEL_SIZE = 13;
/** Size of the firm count drawn in a city's bubble. */
const COUNT_LABEL_SIZE = 12;
const ENTERPRISE_LABEL_SIZE = 11;
const PROVINCE_LABEL_SIZE: ExpressionSpecification = [
  'interpolate',
  ['linear'],
  ['zoom'],
  3,
  11,
  6,
  14,
  9,
  16,
];
const SEA_LABEL_SIZE: ExpressionSpecification = ['interpolate', ['linear'], ['zoom'], 3, 11, 7, 14];

/**
 * Every label layer's `text-size` scaled by `scale` (the presentation draws labels for the back of
 * a room): numbers multiplied, the stops of a zoom interpolation multiplied.
 * @example labelSizes(2).find((l) => l.layerId === 'city-labels')?.size // 26
 */
export function labelSizes(scale: number): {
  layerId: string;
  size: number | ExpressionSpecification;
  /** The city labels' offset from their mark, in the scaled label's ems (same pixels). */
  radialOffset?: ExpressionSpecification;
}[] {
  const times = (size: number | ExpressionSpecification): number | ExpressionSpecification => {
    if (typeof size === 'number') return Math.round(size * scale * 10) / 10;
    const [op, interpolation, input, ...stops] = size as unknown as unknown[];
    return [
      op,
      interpolation,
      input,
      ...stops.map((v, i) => (i % 2 === 1 ? Math.round(Number(v) * scale * 10) / 10 : v)),
    ] as unknown as ExpressionSpecification;
  };
  return [
    {
      layerId: LAYERS.cityLabels,
      size: times(CITY_LABEL_SIZE),
      radialOffset: cityLabelOffset(scale),
    },
    { layerId: LAYERS.cityCounts, size: times(COUNT_LABEL_SIZE) },
    { layerId: LAYERS.enterpriseLabels, size: times(ENTERPRISE_LABEL_SIZE) },
    { layerId: LAYERS.provinceLabels, size: times(PROVINCE_LABEL_SIZE) },
    { layerId: LAYERS.provinceLabelsPriority, size: times(PROVINCE_LABEL_SIZE) },
    { layerId: LAYERS.seaLabels, size: times(SEA_LABEL_SIZE) },
  ];
}

/**
 * Radius of a city bubble: `radius` at zoom ≥ 5, smaller at country zoom so the Yangtze delta's
 * bubbles do not merge. Exponential (base 2) like the ring offsets, so the label offset can follow.
 */
const stateRadius: ExpressionSpecification = [
  'number',
  ['coalesce', ['feature-state', 'radius'], ['get', 'radius']],
];
const bubbleRadius: ExpressionSpecification = [
  'interpolate',
  ['exponential', 2],
  ['zoom'],
  3,
  ['*', BUBBLE_SCALE_AT_Z3, stateRadius],
  5,
  stateRadius,
];

/**
 * City label offset (ems) beside its mark: the bubble below ENTERPRISE_MIN_ZOOM, the outer
 * enterprise ring from it — `ringRadius` px at the reference zoom 8 grows ×2 per zoom level, which
 * an exponential base-2 interpolation between ENTERPRISE_MIN_ZOOM and 12 (×16) reproduces exactly.
 */
const cityLabelOffset = (scale = 1): ExpressionSpecification => {
  // Ems of a label `scale` times the usual size: the same pixel distance from the mark.
  const em = (v: ExpressionSpecification): ExpressionSpecification =>
    scale === 1 ? v : ['/', v, scale];
  return [
    'interpolate',
    ['exponential', 2],
    ['zoom'],
    3,
    em(['+', 0.25, ['*', BUBBLE_SCALE_AT_Z3 / CITY_LABEL_SIZE, ['get', 'radius']]]),
    5,
    em(['+', 0.25, ['/', ['get', 'radius'], CITY_LABEL_SIZE]]),
    ENTERPRISE_MIN_ZOOM - 0.001,
    em(['+', 0.25, ['/', ['get', 'radius'], CITY_LABEL_SIZE]]),
    ENTERPRISE_MIN_ZOOM,
    em([
      '+',
      0.6,
      [
        '*',
        2 ** (ENTERPRISE_MIN_ZOOM - RING_REFERENCE_ZOOM) / CITY_LABEL_SIZE,
        ['get', 'ringRadius'],
      ],
    ]),
    12,
    em(['+', 0.6, ['/', ['*', 16, ['get', 'ringRadius']], CITY_LABEL_SIZE]]),
  ];
};

/** Marks of the data: scope outline, flows, city bubbles, enterprise circles. */
function dataMarkLayers(): LayerSpecification[] {
  const flow = (direction: 'in' | 'out'): LayerSpecification => ({
    id: direction === 'out' ? LAYERS.flowsOut : LAYERS.flowsIn,
    type: 'line',
    source: SOURCES.flows,
    filter: ['==', ['get', 'direction'], direction],
    // Miter joins: the curves turn a few degrees per segment, where round joins only add vertices.
    layout: { 'line-cap': direction === 'out' ? 'round' : 'butt' },
    paint: {
      'line-color': direction === 'out' ? COLORS.flowOut : COLORS.flowIn,
      'line-width': ['get', 'width'],
      // The source holds every link's flows; the adapter shows the chosen link's (feature state).
      'line-opacity': ['case', ['==', ['feature-state', 'shown'], true], 0.7, 0],
      // Incoming flows dashed, so the two directions differ without relying on colour alone.
      ...(direction === 'in' ? { 'line-dasharray': [2, 1.5] } : {}),
    },
  });
  return [
    {
      id: LAYERS.provinceScope,
      type: 'line',
      source: SOURCES.scope,
      paint: { 'line-color': COLORS.scope, 'line-width': 2.5 },
    },
    flow('in'),
    flow('out'),
    {
      id: LAYERS.cityBubbles,
      type: 'circle',
      source: SOURCES.cities,
      maxzoom: ENTERPRISE_MIN_ZOOM,
      layout: { 'circle-sort-key': ['-', 0, ['get', 'count']] },
      paint: {
        'circle-color': stateColor(COLORS.markStroke),
        'circle-radius': bubbleRadius,
        'circle-opacity': ifShown(dimmed(0.85, 0.25)),
        'circle-stroke-color': [
          'case',
          state('selected'),
          COLORS.scope,
          state('highlight'),
          COLORS.selected,
          COLORS.markStroke,
        ],
        'circle-stroke-width': ['case', state('selected'), 3, state('highlight'), 2, 1.4],
        'circle-stroke-opacity': ifShown(dimmed(1, 0.35)),
      },
    },
    {
      id: LAYERS.enterpriseCircles,
      type: 'circle',
      source: SOURCES.enterprises,
      minzoom: ENTERPRISE_MIN_ZOOM,
      paint: {
        'circle-color': stateColor(COLORS.markStroke),
        'circle-radius': [
          'interpolate',
          ['linear'],
          ['zoom'],
          6,
          ['case', state('selected'), 6, 2.8],
          8,
          ['case', state('selected'), 8, 4.5],
          11,
          ['case', state('selected'), 11, 7],
        ],
        'circle-opacity': ifShown(dimmed(1, 0.2)),
        'circle-stroke-color': [
          'case',
          state('selected'),
          COLORS.selected,
          state('highlight'),
          COLORS.selected,
          COLORS.markStroke,
        ],
        'circle-stroke-width': ['case', state('selected'), 2.5, state('highlight'), 1.2, 0.5],
        'circle-stroke-opacity': ifShown(dimmed(1, 0.3)),
      },
    },
  ];
}

/** Data labels: enterprise names when zoomed in, city names on top of them. */
function dataLabelLayers(lang: Lang): LayerSpecification[] {
  return [
    {
      // The firms a bubble stands for, in it: the map shows the chain's firms at every zoom.
      id: LAYERS.cityCounts,
      type: 'symbol',
      source: SOURCES.cities,
      maxzoom: ENTERPRISE_MIN_ZOOM,
      filter: ['all', ['==', ['get', 'shown'], true], ['>', ['get', 'count'], 0]],
      layout: {
        'text-field': ['to-string', ['get', 'count']],
        'text-font': [LABEL_FONT],
        'text-size': COUNT_LABEL_SIZE,
        'symbol-sort-key': ['-', 0, ['get', 'count']],
        'text-ignore-placement': true,
        'text-padding': 0,
      },
      paint: {
        'text-color': COLORS.ink,
        'text-halo-color': COLORS.halo,
        'text-halo-width': 1.4,
        'text-opacity': ifShown(dimmed(1, 0.4)),
      },
    },
    {
      id: LAYERS.enterpriseLabels,
      type: 'symbol',
      source: SOURCES.enterprises,
      minzoom: ENTERPRISE_LABEL_MIN_ZOOM,
      layout: {
        'text-field': ['get', 'label'],
        'text-font': [LABEL_FONT],
        'text-size': ENTERPRISE_LABEL_SIZE,
        'text-anchor': 'left',
        'text-offset': [0.9, 0],
        'text-optional': true,
        'text-max-width': 12,
      },
      paint: {
        'text-color': COLORS.ink,
        'text-halo-color': COLORS.halo,
        'text-halo-width': 1.2,
        'text-opacity': ifShown(dimmed(1, 0.35)),
      },
    },
    {
      id: LAYERS.cityLabels,
      type: 'symbol',
      source: SOURCES.cities,
      // Cities the filters hide vanish at once (feature state); their place is given up when the
      // adapter next syncs the source's properties.
      filter: ['==', ['get', 'shown'], true],
      layout: {
        'text-field': ['get', 'label'],
        'text-font': [LABEL_FONT],
        'text-size': CITY_LABEL_SIZE,
        // Beside the bubble or ring, whichever side is free.
        'text-variable-anchor': ['left', 'right', 'top', 'bottom'],
        'text-radial-offset': cityLabelOffset(),
        'text-justify': 'auto',
        'symbol-sort-key': ['-', 0, ['get', 'count']],
        'text-padding': 1,
        // Chinese city names are 2–4 characters; English ones (“Taizhou (Zhejiang)”) may wrap.
        'text-max-width': lang === 'zh' ? 6 : 9,
      },
      paint: {
        'text-color': COLORS.ink,
        'text-halo-color': COLORS.halo,
        'text-halo-width': 1.5,
        'text-opacity': ifShown(dimmed(1, 0.45)),
      },
    },
  ];
}

/**
 * The complete style for the bundled (or a deployer's) province GeoJSON: background as sea, land
 * and outlines, province names, data marks, then data labels, and the seas and priority provinces
 * (台湾, 海南, 香港, 澳门) on top: maplibre places the topmost symbol layer first, so a city name
 * wins a collision with a province name but not with 台湾.
 * No glyph server and no external source: fonts come from `font-faces`, data from `setData`.
 * @example buildMapStyle({ type: 'geojson', url: 'basemap/china-provinces.geojson' }, null, 'zh').layers[0].id // 'background'
 */
export function buildMapStyle(
  basemap: BasemapConfig,
  fontFaces: FontFacesSpecification | null,
  lang: Lang,
): StyleSpecification {
  if (basemap.type !== 'geojson') {
    throw new Error(`buildMapStyle needs a geojson basemap, got ${basemap.type}`);
  }
  return {
    version: 8,
    name: 'ChainAtlas',
    ...(fontFaces ? { 'font-faces': fontFaces } : {}),
    sources: { ...buildDataSources(basemap.url), ...basemapSources() },
    layers: [
      { id: LAYERS.background, type: 'background', paint: { 'background-color': COLORS.sea } },
      provinceCasing(),
      provinceFill(),
      provinceOutline(),
      // Drawn under the data marks (a ring or bubble is never hidden by a province name), yet
      // still below the city labels in placement order, so a city name wins a collision.
      provinceLabelLayer(lang),
      ...dataMarkLayers(),
      ...dataLabelLayers(lang),
      ...priorityLabelLayers(lang),
    ],
  };
}

/**
 * A deployer's basemap style (e.g. Tianditu on the intranet) with the data sources and layers
 * added on top and the label fonts merged into its `font-faces`; with `provincesUrl` (an approved
 * province GeoJSON) the choropleth and province clicks work too. Used as maplibre's
 * `transformStyle`, so the base style's own layers are untouched.
 */
export function buildOverlayStyle(
  base: StyleSpecification,
  fontFaces: FontFacesSpecification | null,
  lang: Lang,
  provincesUrl?: string,
): StyleSpecification {
  const faces = { ...(base['font-faces'] ?? {}), ...(fontFaces ?? {}) };
  return {
    ...base,
    ...(Object.keys(faces).length > 0 ? { 'font-faces': faces } : {}),
    sources: { ...base.sources, ...buildDataSources(provincesUrl) },
    layers: [...base.layers, ...buildDataLayers(lang)],
  };
}

/** Layers whose `text-field` depends on the language (city labels take it from the data). */
export function languageLayouts(
  lang: Lang,
): { layerId: string; textField: ExpressionSpecification }[] {
  return [
    { layerId: LAYERS.seaLabels, textField: labelField(lang, 'nameZh', 'nameEn') },
    { layerId: LAYERS.provinceLabels, textField: labelField(lang, 'provinceZh', 'provinceEn') },
    {
      layerId: LAYERS.provinceLabelsPriority,
      textField: labelField(lang, 'provinceZh', 'provinceEn'),
    },
  ];
}
