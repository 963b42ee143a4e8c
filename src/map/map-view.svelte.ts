/**
 * The maplibre adapter: an `{@attach}` factory that owns one map per element, pushes the Atlas
 * state into it from nested effects and sends user actions out through callbacks.
 *
 * - The enterprise and city sources are built from the input's `universe` (the whole chain) and get
 *   `setData` only when it (or the language) changes. Everything a filter, overlay or selection
 *   changes (shown or hidden, colour, bubble size, highlight, dim, selection, the province
 *   choropleth, which link's flows are drawn) is feature state, diffed so that an action touches
 *   only the features whose state changes: no GeoJSON is rebuilt, serialised or re-tiled for it.
 * - The scoped province's outline has its own source, set to that province when the scope changes:
 *   as a state of the province source, every frame drew every province border invisibly. (The
 *   chosen link's flows stay feature state: as a layer filter, which re-tiles their source, link
 *   selection measured slower.)
 * - What does not change what is drawn follows once the frame after the marks is drawn: label
 *   placement (a city label's offset, which labels compete for room), the flows of every link for
 *   new filters (at once instead while a link's flows are on screen), and the firms' features
 *   and feature states while the map is zoomed out below the firms (at once when it zooms
 *   towards them).
 * - `data-ready` is "false" while an update is applied and "true" once the map is idle after it
 *   (marks drawn); `data-labels` is "pending" until what follows is placed too.
 *   `data-highlighted-count` is the number of enterprise features in highlight state;
 *   `data-camera` is the key of the last place the map was moved to (see `MapInput.camera`).
 * - The Map is exposed for tests and the bench as the non-enumerable `el.chainAtlasMap`.
 */
import {
  Popup,
  setWorkerUrl,
  type ErrorEvent,
  type GeoJSONSource,
  type MapGeoJSONFeature,
  type MapMouseEvent,
  type StyleSpecification,
} from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { untrack } from 'svelte';
import type { Attachment } from 'svelte/attachments';
import type { ProvinceBasemap } from './basemap';
import {
  buildAllFlowFeatures,
  buildCityFeatures,
  buildEnterpriseFeatures,
  buildFeatureStates,
  buildProvinceLabelFeatures,
  buildScopeFeatures,
  diffStates,
  pointBounds,
  polygonBounds,
  provincesNamedByCities,
  type MapCamera,
  type MapInput,
} from './features';
import {
  buildMapStyle,
  buildOverlayStyle,
  ENTERPRISE_MIN_ZOOM,
  labelSizes,
  languageLayouts,
  LAYERS,
  provinceLabelFilter,
  SOURCES,
} from './layers';
import { BUNDLED_BASEMAP, type MapConfig } from './map-config';
import { adoptEarlyMap, createMaplibreMap, type Viewport } from './early-map';
import { provinceFile } from './warm-up';
import { enterpriseTooltip, groupTooltip, type TooltipContent } from './tooltip';

export type { Viewport } from './early-map';

export interface MapViewOptions {
  getConfig: () => MapConfig;
  initialView?: Viewport;
  onselectenterprise(id: string): void;
  onselectcity(cityId: string): void;
  onselectprovince(provinceZh: string): void;
  onviewport(v: Viewport): void;
}

/** Credits shown in the (compact) attribution control; plain text, no external links. */
export { ATTRIBUTION } from './early-map';

/** Layers a pointer can pick, in priority order (an enterprise over its city over its province). */
const PICK_ORDER = [LAYERS.enterpriseCircles, LAYERS.cityBubbles, LAYERS.provinceChoropleth];
/** Zoom a city opens to: its firms on their rings, ≥ 24 px apart (see layers.ENTERPRISE_MIN_ZOOM). */
const CITY_ZOOM = ENTERPRISE_MIN_ZOOM + 0.7;
/** Least zoom when a firm is chosen: its ring and its name are drawn. */
const FIRM_ZOOM = ENTERPRISE_MIN_ZOOM + 1;

/**
 * A link's cities already in view that a move would enlarge less than twice (one zoom level) are
 * not moved to: a link spread over the chain's cities leaves the map where it is; a link in one
 * corner of the country is zoomed to.
 */
const STAY_ZOOM = 1;

/**
 * The South China Sea inset's corner (SouthSeaInset.svelte: 72 px wide, 78 with its frame, its
 * map and caption about 100 px tall, 48 px above the bottom edge), kept free of the fitted data.
 */
const INSET_ROOM = 84;
const INSET_HEIGHT = 152;
/** The zoom buttons' corner (top right: two 29 px buttons 10 px from the edges). */
const NAV_ROOM = { width: 48, height: 78 } as const;

/** Keys of the firms' deferred features and feature states (see their effects). */
const ENTERPRISE_DATA = 'enterprise-data';
const ENTERPRISE_STATES = 'enterprise-states';
/**
 * From this zoom (a level below the one the firms are drawn from) the firms' features and states
 * are applied with the update; further out, once the update's marks are drawn.
 */
const FIRMS_SYNC_ZOOM = ENTERPRISE_MIN_ZOOM - 1;

/** Half-size in pixels of the box searched around the pointer, so small circles are easy to hit. */
const PICK_SLOP = 4;

const round = (v: number, digits: number) => Math.round(v * 10 ** digits) / 10 ** digits;

/** Builds the tooltip's DOM from text only: names from files are never parsed as HTML. */
function tooltipNode(c: TooltipContent): HTMLElement {
  const root = document.createElement('div');
  root.className = 'chainatlas-tooltip-body';
  const title = document.createElement('div');
  title.className = 'chainatlas-tooltip-title';
  title.textContent = c.title;
  root.append(title);
  if (c.subtitle) {
    const sub = document.createElement('div');
    sub.className = 'chainatlas-tooltip-subtitle';
    sub.textContent = c.subtitle;
    root.append(sub);
  }
  for (const row of c.rows) {
    const line = document.createElement('div');
    line.className = 'chainatlas-tooltip-row';
    if (row.label) {
      const label = document.createElement('span');
      label.textContent = row.label;
      line.append(label);
    }
    const value = document.createElement('span');
    value.className = 'num';
    value.textContent = row.value;
    line.append(value);
    root.append(line);
  }
  return root;
}

/**
 * `{@attach mapView(() => input, { getConfig: () => config, onselectenterprise, … })}`.
 * The map is created once per element; a new config (getConfig) recreates it. Everything else
 * in the input is pushed into the live map.
 */
export function mapView(getInput: () => MapInput, opts: MapViewOptions): Attachment<HTMLElement> {
  return (el) => {
    const config = opts.getConfig();
    return untrack(() => createMapView(el, getInput, opts, config));
  };
}

function createMapView(
  el: HTMLElement,
  getInput: () => MapInput,
  opts: MapViewOptions,
  config: MapConfig,
): () => void {
  setWorkerUrl(workerUrl);
  el.dataset.ready = 'false';
  el.dataset.labels = 'placed';
  el.dataset.highlightedCount = '0';
  const startLang = getInput().lang;
  const basemap = config.basemap;
  const view = opts.initialView;

  // The map created at navigation (early-map.ts), or a new one, in a host filling the element.
  const adopted = adoptEarlyMap(config, startLang);
  const host = adopted?.host ?? document.createElement('div');
  host.className = 'map-host';
  el.append(host);
  const map =
    adopted?.map ??
    createMaplibreMap(
      host,
      config,
      basemap.type === 'geojson'
        ? buildMapStyle(basemap, config.fontFaces, startLang)
        : basemap.url,
      view,
      basemap.type === 'style'
        ? {
            transformStyle: (_prev: StyleSpecification | undefined, next: StyleSpecification) =>
              buildOverlayStyle(next, config.fontFaces, startLang, basemap.provincesUrl),
          }
        : {},
    );
  if (adopted) map.resize();
  Object.defineProperty(el, 'chainAtlasMap', { value: map, configurable: true });

  // Bumped on every `style.load`: sources are (re)created empty, so every effect pushes again.
  let styleVersion = $state(adopted?.styleLoaded ? 1 : 0);
  let provinces = $state.raw<ProvinceBasemap | null>(null);
  let provincesPending = false;

  const input = $derived(getInput());
  const lang = $derived(input.lang);
  const cities = $derived(input.cities);
  const enterprises = $derived(input.enterprises);
  const universe = $derived(input.universe ?? input.enterprises);
  const cityGroups = $derived(input.cityGroups);
  const provinceGroups = $derived(input.provinceGroups);
  const highlightIds = $derived(input.highlightIds);
  const selectedEnterpriseId = $derived(input.selectedEnterpriseId);
  const flowsByLink = $derived(input.flowsByLink);
  const flowLink = $derived(input.flowLink);
  const scopeProvince = $derived(input.scope.provinceZh);
  const scopeCity = $derived(input.scope.cityId);

  const enterpriseData = $derived(buildEnterpriseFeatures({ cities, enterprises: universe }));
  const cityData = $derived(buildCityFeatures({ lang, cities, cityGroups, enterprises: universe }));
  /** The city features' numbering; feature states stay valid while it does not change. */
  const cityIdsKey = $derived([...cityData.numericIds.keys()].join());
  const namedByCities = $derived(provincesNamedByCities({ cities, cityGroups }));
  const enterpriseById = $derived(new Map(enterprises.map((e) => [e.id, e])));
  const cityById = $derived(new Map(cities.map((c) => [c.id, c])));

  // ---- readiness: false while applying, true after the next idle ---------------------------
  /** Syncs waiting for the marks to be drawn (labels, flows not on screen), by what they sync. */
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  const deferred = new Map<string, () => void>();
  /** A sync has been applied and the map has not been idle since. */
  let syncing = false;
  const onLabelsIdle = () => {
    syncing = false;
    if (deferred.size === 0) el.dataset.labels = 'placed';
  };
  function flushDeferred() {
    if (deferred.size === 0) {
      if (!syncing) el.dataset.labels = 'placed';
      return;
    }
    const syncs = [...deferred.values()];
    deferred.clear();
    for (const sync of syncs) sync();
    syncing = true;
    map.off('idle', onLabelsIdle);
    map.once('idle', onLabelsIdle);
    map.triggerRepaint();
  }
  /**
   * Runs `sync` once the marks of the current update are drawn, replacing an earlier one under
   * `key`. Checked after this round of effects, which may still make the map busy.
   */
  function defer(key: string, sync: () => void) {
    deferred.set(key, sync);
    el.dataset.labels = 'pending';
    queueMicrotask(() => {
      if (el.dataset.ready === 'true') flushSoon();
    });
  }
  /**
   * Runs the deferred syncs after the next frame has been drawn: an update's own marks (and the
   * graph's repaint in the same frame) are not kept waiting for what can follow them.
   */
  let flushTimer: ReturnType<typeof setTimeout> | null = null;
  let flushFrame: number | null = null;
  function flushSoon() {
    if (flushFrame !== null || flushTimer !== null) return;
    flushFrame = requestAnimationFrame(() => {
      flushFrame = null;
      flushTimer = setTimeout(() => {
        flushTimer = null;
        if (el.dataset.ready === 'true') flushDeferred();
      }, 0);
    });
  }
  const onIdle = () => {
    if (provincesPending) return;
    el.dataset.ready = 'true';
    flushSoon();
  };
  function busy() {
    el.dataset.ready = 'false';
    // `idle` can fire in the same frame as other events: register, then force a frame.
    map.off('idle', onIdle);
    map.once('idle', onIdle);
    map.triggerRepaint();
  }

  const setSource = (id: string, data: Parameters<GeoJSONSource['setData']>[0]) => {
    map.getSource<GeoJSONSource>(id)?.setData(data);
  };

  // ---- province labels: maplibre's worker tiles the polygons from the URL in the style; the
  // same file is read here once to check it (zod) and to take the label points from it.
  const abort = new AbortController();
  async function loadProvinces(url: string): Promise<void> {
    provincesPending = true;
    try {
      const basemap = await provinceFile(url);
      if (abort.signal.aborted) return;
      provincesPending = false;
      provinces = basemap;
    } catch (e) {
      if (abort.signal.aborted) return;
      const why = e instanceof Error ? e.message : String(e);
      el.dataset.basemapError = why;
      console.warn(`[map] province outlines not usable: ${why}`);
      if (basemap.type === 'geojson' && url !== BUNDLED_BASEMAP.url) {
        provincesUrlInUse = BUNDLED_BASEMAP.url;
        await loadProvinces(BUNDLED_BASEMAP.url);
      } else {
        provincesPending = false;
        busy();
      }
    }
  }
  let provincesUrlInUse = basemap.type === 'geojson' ? basemap.url : basemap.provincesUrl;
  /** The province file the style points maplibre's worker at. */
  let provincesUrlInStyle = provincesUrlInUse;
  if (provincesUrlInUse) void loadProvinces(provincesUrlInUse);

  // ---- map events ---------------------------------------------------------------------------
  let fellBack = false;
  const onStyleLoad = () => {
    styleVersion++;
  };
  const onError = (e: ErrorEvent) => {
    // A deployer's style that cannot be loaded (intranet down) must not leave a blank map.
    // Only the style itself: a failing source (tiles, provincesUrl) carries a sourceId.
    if (basemap.type === 'style' && !fellBack && !('sourceId' in e) && !map.isStyleLoaded()) {
      fellBack = true;
      el.dataset.basemapError = e.error.message;
      console.warn(`[map] basemap style failed, using the bundled basemap: ${e.error.message}`);
      // No diff and no transformStyle: maplibre would wait for the failed style to load first.
      const fallback = buildMapStyle(
        BUNDLED_BASEMAP,
        config.fontFaces,
        untrack(() => lang),
      );
      map.setStyle(fallback, { diff: false, transformStyle: undefined });
      provincesUrlInUse = BUNDLED_BASEMAP.url;
      provincesUrlInStyle = BUNDLED_BASEMAP.url;
      void loadProvinces(BUNDLED_BASEMAP.url);
      return;
    }
    console.warn(`[map] ${e.error.message}`);
  };
  const onMoveEnd = () => {
    const c = map.getCenter();
    opts.onviewport({ lon: round(c.lng, 4), lat: round(c.lat, 4), zoom: round(map.getZoom(), 2) });
  };

  function pick(e: MapMouseEvent): MapGeoJSONFeature | null {
    const layers = PICK_ORDER.filter((id) => map.getLayer(id));
    if (layers.length === 0) return null;
    const { x, y } = e.point;
    // Features the filters hide are still in the source (feature state `shown: false`).
    const hits = map
      .queryRenderedFeatures(
        [
          [x - PICK_SLOP, y - PICK_SLOP],
          [x + PICK_SLOP, y + PICK_SLOP],
        ],
        { layers },
      )
      .filter((f) => (f.state as { shown?: unknown }).shown !== false);
    for (const layerId of layers) {
      if (layerId === LAYERS.provinceChoropleth) break;
      const hit = hits.find((f) => f.layer.id === layerId);
      if (hit) return hit;
    }
    // No mark near the pointer: the province exactly under it (a box would reach a neighbour's
    // border and could pick it).
    if (!map.getLayer(LAYERS.provinceChoropleth)) return null;
    return (
      map
        .queryRenderedFeatures(e.point, { layers: [LAYERS.provinceChoropleth] })
        .find((f) => (f.state as { shown?: unknown }).shown !== false) ?? null
    );
  }

  const propString = (f: MapGeoJSONFeature, key: string): string | null => {
    const v: unknown = f.properties[key];
    return typeof v === 'string' ? v : null;
  };

  const onClick = (e: MapMouseEvent) => {
    const hit = pick(e);
    if (!hit) return;
    const layerId = hit.layer.id;
    if (layerId === LAYERS.enterpriseCircles) {
      const id = propString(hit, 'id');
      if (id) opts.onselectenterprise(id);
    } else if (layerId === LAYERS.cityBubbles) {
      const id = propString(hit, 'cityId');
      if (id) opts.onselectcity(id);
    } else {
      const zh = propString(hit, 'provinceZh');
      if (zh) opts.onselectprovince(zh);
    }
  };

  const popup = new Popup({
    closeButton: false,
    closeOnClick: false,
    className: 'chainatlas-tooltip',
    maxWidth: '280px',
    offset: 12,
  });
  let hoverKey: string | null = null;

  function tooltipFor(hit: MapGeoJSONFeature): { key: string; content: TooltipContent } | null {
    const l = lang;
    if (hit.layer.id === LAYERS.enterpriseCircles) {
      const ent = enterpriseById.get(propString(hit, 'id') ?? '');
      if (!ent) return null;
      const city = cityById.get(ent.cityId);
      const cityName = city ? (l === 'zh' ? city.nameZh : city.nameEn) : null;
      return { key: `e:${ent.id}`, content: enterpriseTooltip(ent, cityName) };
    }
    if (hit.layer.id === LAYERS.cityBubbles) {
      const cityId = propString(hit, 'cityId') ?? '';
      const city = cityById.get(cityId);
      if (!city) return null;
      const name = l === 'zh' ? city.nameZh : `${city.nameEn}, ${city.provinceEn}`;
      return { key: `c:${cityId}`, content: groupTooltip(name, cityGroups.get(cityId), l) };
    }
    const zh = propString(hit, 'provinceZh');
    if (!zh) return null;
    const name = l === 'zh' ? zh : (propString(hit, 'provinceEn') ?? zh);
    return { key: `p:${zh}`, content: groupTooltip(name, provinceGroups.get(zh), l) };
  }

  const hideTooltip = () => {
    hoverKey = null;
    popup.remove();
    map.getCanvas().style.cursor = '';
  };
  const onMouseMove = (e: MapMouseEvent) => {
    const hit = pick(e);
    const tip = hit ? tooltipFor(hit) : null;
    if (!tip) {
      hideTooltip();
      return;
    }
    map.getCanvas().style.cursor = 'pointer';
    if (tip.key !== hoverKey) {
      hoverKey = tip.key;
      popup.setDOMContent(tooltipNode(tip.content));
    }
    popup.setLngLat(e.lngLat);
    if (!popup.isOpen()) popup.addTo(map);
  };

  map.on('style.load', onStyleLoad);
  map.on('error', onError);
  map.on('moveend', onMoveEnd);
  map.on('click', onClick);
  map.on('mousemove', onMouseMove);
  map.on('mouseout', hideTooltip);

  // ---- data pushed from nested effects --------------------------------------------------------
  $effect(() => {
    const version = styleVersion;
    const data = provinces;
    if (version === 0 || !data) return;
    // The style points the worker at the configured file; after a fallback, at the bundled one.
    if (provincesUrlInUse && provincesUrlInUse !== provincesUrlInStyle) {
      setSource(SOURCES.provinces, provincesUrlInUse);
      provincesUrlInStyle = provincesUrlInUse;
    }
    if (map.getSource(SOURCES.provinceLabels)) {
      setSource(SOURCES.provinceLabels, buildProvinceLabelFeatures(data.features));
    }
    busy();
  });

  // The firms' features: below the zoom they are drawn from, sent to maplibre's worker after the
  // marks are drawn (15,000 features at 100k, nothing of them on screen); at once near that zoom.
  $effect(() => {
    const version = styleVersion;
    const data = enterpriseData.collection;
    if (version === 0) return;
    const push = () => setSource(SOURCES.enterprises, data);
    if (map.getZoom() < FIRMS_SYNC_ZOOM) {
      defer(ENTERPRISE_DATA, push);
      return;
    }
    deferred.delete(ENTERPRISE_DATA);
    push();
    busy();
  });

  // The city source: set at once when its features are renumbered (a new universe, a new style),
  // otherwise (counts, radii, which labels show) synced after the marks are drawn.
  let citiesPushed: { version: number; ids: string; json: string } | null = null;
  $effect(() => {
    const version = styleVersion;
    const data = cityData.collection;
    const ids = cityIdsKey;
    if (version === 0) return;
    const json = JSON.stringify(data);
    const pushed = citiesPushed;
    if (pushed?.version === version && pushed.json === json) return;
    citiesPushed = { version, ids, json };
    if (pushed?.version === version && pushed.ids === ids) {
      defer(SOURCES.cities, () => setSource(SOURCES.cities, data));
      return;
    }
    setSource(SOURCES.cities, data);
    busy();
  });

  let namedPushed: { version: number; key: string } | null = null;
  $effect(() => {
    const version = styleVersion;
    const named = namedByCities;
    if (version === 0 || !map.getLayer(LAYERS.provinceLabels)) return;
    const key = named.join();
    const pushed = namedPushed;
    if (pushed?.version === version && pushed.key === key) return;
    namedPushed = { version, key };
    const apply = () => map.setFilter(LAYERS.provinceLabels, provinceLabelFilter(named));
    if (pushed?.version === version) {
      defer(LAYERS.provinceLabels, apply);
      return;
    }
    apply();
    busy();
  });

  // The scope outline: its own source holds the scoped province (the style starts it empty).
  let scopePushed: { version: number; province: string | undefined; data: unknown } | null = null;
  $effect(() => {
    const version = styleVersion;
    const province = scopeProvince;
    const data = provinces;
    if (version === 0 || !data) return;
    const pushed = scopePushed;
    // A new style starts with the scope source empty.
    const same =
      pushed?.version === version
        ? pushed.province === province && pushed.data === data
        : province === undefined;
    scopePushed = { version, province, data };
    if (same) return;
    setSource(SOURCES.scope, buildScopeFeatures(data.features, province));
    busy();
  });

  // The flow source holds every link's lines; which are shown is feature state. New flows (the
  // filters changed) are computed and set at once while a link's flows are on screen, else after
  // the marks are drawn.
  let flowsFor: { version: number; flows: unknown } | null = null;
  let flowsJson = '';
  /** The flow features in the source, with the numbering their states refer to. */
  let flowsInSource = $state.raw<ReturnType<typeof buildAllFlowFeatures> | null>(null);
  $effect(() => {
    const version = styleVersion;
    const flowsOf = flowsByLink;
    const cityList = cities;
    const showing = untrack(() => flowLink) !== null;
    if (version === 0) return;
    if (flowsFor?.version === version && flowsFor.flows === flowsOf) return;
    const first = flowsFor?.version !== version;
    flowsFor = { version, flows: flowsOf };
    const push = () => {
      const data = buildAllFlowFeatures({ cities: cityList, flowsByLink: flowsOf() });
      const json = JSON.stringify(data.collection);
      if (!first && json === flowsJson) return;
      flowsJson = json;
      setSource(SOURCES.flows, data.collection);
      map.removeFeatureState({ source: SOURCES.flows });
      flowsInSource = data;
    };
    if (first || showing) {
      push();
      busy();
    } else {
      defer(SOURCES.flows, push);
    }
  });

  let flowStates: ReadonlyMap<number, Record<string, unknown>> = new Map();
  let flowStatesFor: unknown = null;
  let lastFlowLink: string | null = null;
  $effect(() => {
    const link = flowLink;
    const data = flowsInSource;
    const current = data?.byLink.get(link ?? '');
    el.dataset.flowsHidden = String(current?.hidden ?? false);
    el.dataset.flowLines = String(current?.lines ?? 0);
    if (!data) return;
    if (flowStatesFor !== data) flowStates = new Map();
    flowStatesFor = data;
    const shown = new Set(current?.ids ?? []);
    // A plain value handed to maplibre, not state.
    // eslint-disable-next-line svelte/prefer-svelte-reactivity
    const next = new Map<number, Record<string, unknown>>();
    for (const f of data.collection.features) {
      if (f.id !== undefined) next.set(f.id, { shown: shown.has(f.id) });
    }
    flowStates = applyStates(SOURCES.flows, flowStates, next);
    // With no link chosen before or now no line is visible either way: nothing to redraw.
    if (link !== null || lastFlowLink !== null) busy();
    lastFlowLink = link;
  });

  $effect(() => {
    const version = styleVersion;
    const l = lang;
    if (version === 0) return;
    for (const { layerId, textField } of languageLayouts(l)) {
      if (map.getLayer(layerId)) map.setLayoutProperty(layerId, 'text-field', textField);
    }
    busy();
  });

  // Label sizes: scaled (a presentation) after every new style; nothing to do at scale 1.
  let scaledFor: { version: number; scale: number } | null = null;
  $effect(() => {
    const version = styleVersion;
    const scale = input.labelScale ?? 1;
    if (version === 0) return;
    if (scaledFor === null && scale === 1) return;
    if (scaledFor?.version === version && scaledFor.scale === scale) return;
    scaledFor = { version, scale };
    for (const { layerId, size, radialOffset } of labelSizes(scale)) {
      if (!map.getLayer(layerId)) continue;
      map.setLayoutProperty(layerId, 'text-size', size);
      if (radialOffset) map.setLayoutProperty(layerId, 'text-radial-offset', radialOffset);
    }
    busy();
  });

  // Feature states: the fast path for selection and highlight.
  let appliedFor: { version: number; ent: unknown; city: string } | null = null;
  let prevEnterprises: ReadonlyMap<number, Record<string, unknown>> = new Map();
  let prevCities: ReadonlyMap<number, Record<string, unknown>> = new Map();
  let prevProvinces: ReadonlyMap<string, Record<string, unknown>> = new Map();
  $effect(() => {
    const version = styleVersion;
    const ent = enterpriseData;
    const city = cityIdsKey;
    const states = buildFeatureStates(
      {
        enterprises,
        cityGroups,
        highlightIds,
        selectedEnterpriseId,
        provinceGroups,
        scope: { provinceZh: scopeProvince, cityId: scopeCity },
      },
      ent.numericIds,
      untrack(() => cityData.numericIds),
    );
    el.dataset.highlightedCount = String(states.highlighted);
    if (version === 0) return;
    // New data renumbers features (and a new style drops all states): start from scratch.
    if (appliedFor?.version !== version) prevProvinces = new Map();
    if (appliedFor?.version !== version || appliedFor.ent !== ent) {
      map.removeFeatureState({ source: SOURCES.enterprises });
      prevEnterprises = new Map();
    }
    if (appliedFor?.version !== version || appliedFor.city !== city) {
      map.removeFeatureState({ source: SOURCES.cities });
      prevCities = new Map();
    }
    appliedFor = { version, ent, city };
    const applyEnterprises = () => {
      prevEnterprises = applyStates(SOURCES.enterprises, prevEnterprises, states.enterprises);
    };
    // Below the zoom the firms are drawn from (15,000 of them at 100k), their states follow the
    // marks that are drawn; a zoom towards the firms applies them at once (onZoom).
    if (map.getZoom() < FIRMS_SYNC_ZOOM) {
      defer(ENTERPRISE_STATES, applyEnterprises);
    } else {
      deferred.delete(ENTERPRISE_STATES);
      applyEnterprises();
    }
    prevCities = applyStates(SOURCES.cities, prevCities, states.cities);
    prevProvinces = applyStates(SOURCES.provinces, prevProvinces, states.provinces);
    busy();
  });

  /** Zooming towards the firms: their deferred features and states are applied at once. */
  function onZoom() {
    if (map.getZoom() < FIRMS_SYNC_ZOOM) return;
    for (const key of [ENTERPRISE_DATA, ENTERPRISE_STATES]) {
      const sync = deferred.get(key);
      if (!sync) continue;
      deferred.delete(key);
      sync();
    }
  }
  map.on('zoom', onZoom);

  // ---- camera: the map moves to the user's focus (chain, province, city, link, firm) -------
  /** The camera key last applied; the first one is skipped when the URL gave a viewport. */
  let cameraKey: string | null = view ? (untrack(() => getInput().camera?.key) ?? null) : null;
  /** The user has panned or zoomed since the last move the app made. */
  let userMovedMap = view !== undefined;
  const onMoveStart = (e: { originalEvent?: unknown }) => {
    if (e.originalEvent) userMovedMap = true;
  };
  map.on('movestart', onMoveStart);

  /**
   * Room kept free around a fitted extent of `points`: a margin that shrinks with a small map, and
   * the corner boxes drawn over the map (the zoom buttons top right, the legend bottom left, the
   * South China Sea inset bottom right) on their side only when a point would otherwise land under
   * them — a corner is a corner, not a whole side.
   */
  function fitPadding(
    bounds: [[number, number], [number, number]],
    points: readonly { lon: number; lat: number }[],
  ) {
    const w = el.clientWidth;
    const h = el.clientHeight;
    const margin = (size: number) => Math.round(Math.min(36, Math.max(12, size * 0.06)));
    const pad = { top: margin(h), bottom: margin(h), left: margin(w), right: margin(w) };
    type Cover = { x: 'left' | 'right'; y: 'top' | 'bottom'; width: number; height: number };
    const covers: Cover[] = [
      { x: 'right', y: 'top', width: NAV_ROOM.width, height: NAV_ROOM.height },
    ];
    // The view's box around the map (`data-map-frame`) holds its legend and inset.
    const frame = el.closest('[data-map-frame]') ?? el.parentElement;
    const legend = frame?.querySelector<HTMLDetailsElement>('details.legend');
    if (legend) {
      covers.push({
        x: 'left',
        y: 'bottom',
        width: legend.offsetWidth + 14,
        height: legend.offsetHeight + 14,
      });
    }
    if (frame?.querySelector('[data-inset-slot]')) {
      covers.push({ x: 'right', y: 'bottom', width: INSET_ROOM, height: INSET_HEIGHT });
    }
    // Where the points would be drawn (Web Mercator, 512 px tiles) with a padding.
    const drawnWith = (padding: typeof pad) => {
      const target = map.cameraForBounds(bounds, { padding, maxZoom: CITY_ZOOM - 1 });
      if (!target?.center || target.zoom === undefined) return [];
      const world = 512 * 2 ** target.zoom;
      const mx = (lon: number) => ((180 + lon) / 360) * world;
      const my = (lat: number) =>
        ((180 - (180 / Math.PI) * Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360))) / 360) *
        world;
      const c = target.center as { lng: number; lat: number };
      return points.map((p) => ({
        x: mx(p.lon) - mx(c.lng) + w / 2,
        y: my(p.lat) - my(c.lat) + h / 2,
      }));
    };
    const isUnder = (p: { x: number; y: number }, cover: Cover) =>
      (cover.y === 'top' ? p.y <= cover.height : p.y >= h - cover.height) &&
      (cover.x === 'left' ? p.x <= cover.width : p.x >= w - cover.width);
    // Each box kept clear beside it, above or below it, or not at all: of the paddings that leave
    // no point under a box, the one whose fit fills the map most (at most 3 boxes: 27 tries).
    let best: { pad: typeof pad; share: number; clear: boolean } | null = null;
    const tries = 3 ** covers.length;
    for (let t = 0; t < tries; t++) {
      const p = { ...pad };
      covers.forEach((cover, i) => {
        const choice = Math.floor(t / 3 ** i) % 3;
        if (choice === 1 && w > cover.width * 2.5) p[cover.x] = Math.max(p[cover.x], cover.width);
        if (choice === 2 && h > cover.height * 2.5) p[cover.y] = Math.max(p[cover.y], cover.height);
      });
      const drawn = drawnWith(p);
      if (drawn.length === 0) continue;
      const clear = !covers.some((k) => drawn.some((q) => isUnder(q, k)));
      const xs = drawn.map((q) => q.x);
      const ys = drawn.map((q) => q.y);
      const share = Math.max(
        (Math.max(...xs) - Math.min(...xs)) / w,
        (Math.max(...ys) - Math.min(...ys)) / h,
      );
      if (!best || (clear && !best.clear) || (clear === best.clear && share > best.share)) {
        best = { pad: p, share, clear };
      }
    }
    return best?.pad ?? pad;
  }

  const cityPoint = (id: string) => {
    const c = cityById.get(id);
    return c ? { lon: c.lon, lat: c.lat } : null;
  };

  /** Moves to a camera; false when it cannot yet (no size, or the province outline not loaded). */
  function moveTo(camera: MapCamera, animate: boolean): boolean {
    if (el.clientWidth === 0 || el.clientHeight === 0) return false;
    // Eased, unless the user asked the system for less motion.
    const still =
      typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
    const duration = animate && !still ? 600 : 0;
    if (camera.kind === 'enterprise') {
      const f = enterpriseData.collection.features.find(
        (x) => x.properties.id === camera.enterpriseId,
      );
      const at = f
        ? f.geometry.coordinates
        : [cityById.get(camera.cityId)?.lon, cityById.get(camera.cityId)?.lat];
      const [lon, lat] = at;
      if (lon === undefined || lat === undefined) return true;
      map.easeTo({ center: [lon, lat], zoom: Math.max(map.getZoom(), FIRM_ZOOM), duration });
      return true;
    }
    if (camera.kind === 'city') {
      const p = cityPoint(camera.cityId);
      if (p) map.easeTo({ center: [p.lon, p.lat], zoom: CITY_ZOOM, duration });
      return true;
    }
    let bounds: [[number, number], [number, number]] | null = null;
    if (camera.kind === 'province') {
      const feature = provinces?.features.find(
        (f) => f.properties.provinceZh === camera.provinceZh,
      );
      bounds = feature ? polygonBounds(feature.geometry) : null;
      if (!bounds && provincesPending) return false;
    }
    const points = camera.cityIds.flatMap((id) => cityPoint(id) ?? []);
    bounds ??= pointBounds(points);
    if (!bounds) return true;
    const options = { padding: fitPadding(bounds, points), maxZoom: CITY_ZOOM - 1 };
    // A link already in view that would grow less than twice (spread over the chain's cities)
    // does not move the map: no jolt, no redraw for nothing (see STAY_ZOOM). A new chain, a
    // province or a city always moves it.
    const target =
      animate && camera.key.startsWith('l:') ? map.cameraForBounds(bounds, options) : undefined;
    const view = map.getBounds();
    if (
      target?.zoom !== undefined &&
      Math.abs(target.zoom - map.getZoom()) < STAY_ZOOM &&
      view.contains(bounds[0]) &&
      view.contains(bounds[1])
    ) {
      return true;
    }
    map.fitBounds(bounds, { ...options, duration });
    return true;
  }

  let cameraPending = false;
  $effect(() => {
    const camera = input.camera;
    // The province outlines may arrive after the camera asked for one.
    void provinces;
    if (!camera) return;
    if (camera.key === cameraKey && !cameraPending) return;
    const first = cameraKey === null;
    cameraKey = camera.key;
    cameraPending = !moveTo(camera, !first);
    if (!cameraPending) {
      userMovedMap = false;
      el.dataset.camera = camera.key;
    }
  });

  // A new size (a panel folded, a pane maximised) keeps the focus in view until the user moves.
  const resizeObserver =
    typeof ResizeObserver === 'undefined'
      ? null
      : new ResizeObserver(() => {
          const camera = untrack(() => input.camera);
          if (!camera || el.clientWidth === 0) return;
          map.resize();
          // Not while the map eases to a place: that move already heads for it.
          if (map.isMoving()) return;
          if (cameraPending || !userMovedMap) cameraPending = !moveTo(camera, false);
        });
  resizeObserver?.observe(el);

  function applyStates<K extends string | number>(
    source: string,
    prev: ReadonlyMap<K, Record<string, unknown>>,
    next: ReadonlyMap<K, Record<string, unknown>>,
  ): ReadonlyMap<K, Record<string, unknown>> {
    const { set, remove } = diffStates(prev, next);
    for (const id of remove) map.removeFeatureState({ source, id });
    for (const [id, s] of set) map.setFeatureState({ source, id }, s);
    // `next` is built fresh for every update and only read afterwards: no copy needed.
    return next;
  }

  return () => {
    abort.abort();
    map.off('style.load', onStyleLoad);
    map.off('error', onError);
    map.off('moveend', onMoveEnd);
    map.off('movestart', onMoveStart);
    resizeObserver?.disconnect();
    map.off('click', onClick);
    map.off('mousemove', onMouseMove);
    map.off('mouseout', hideTooltip);
    map.off('idle', onIdle);
    map.off('idle', onLabelsIdle);
    map.off('zoom', onZoom);
    if (flushFrame !== null) cancelAnimationFrame(flushFrame);
    if (flushTimer !== null) clearTimeout(flushTimer);
    deferred.clear();
    popup.remove();
    map.remove();
    host.remove();
    Reflect.deleteProperty(el, 'chainAtlasMap');
  };
}
