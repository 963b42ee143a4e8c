/**
 * The map before the data (issue 12): a page that opens on the Atlas creates its map at
 * navigation, with the basemap, while the dataset is still being downloaded, parsed and analysed;
 * the map view adopts it when it mounts instead of starting a new one. Under software WebGL the
 * basemap's first frames (worker tiling, label fonts, shaders) take about a second, which now runs
 * beside the data instead of after it.
 *
 * Only for the bundled kind of basemap (an inline style over a GeoJSON province file) and a
 * configuration without notices: a deployer's remote style can fail and fall back, which the
 * view's adapter must see from the start.
 */
import { Map as MaplibreMap, NavigationControl } from 'maplibre-gl';
import { CHINA_BOUNDS, buildMapStyle } from './layers';
import type { MapConfig } from './map-config';
import { sharedMapConfig } from './load-config';
import { makeTransformRequest } from './request-gate';
import { warmUpMap } from './warm-up';

export const ATTRIBUTION = 'Natural Earth · GeoNames';

export interface Viewport {
  lon: number;
  lat: number;
  zoom: number;
}

type Lang = 'zh' | 'en';

/** An unadopted map is removed after this long (the view never came: an error, another view). */
const UNCLAIMED_MS = 30_000;

/**
 * Creates the page's maplibre map in `container`: every request through the gate, no rotation,
 * labels without cross-fade. A `style` config gets its overlay through `transformStyle` (passed in).
 */
export function createMaplibreMap(
  container: HTMLElement,
  config: MapConfig,
  style: ConstructorParameters<typeof MaplibreMap>[0]['style'],
  view: Viewport | undefined,
  extra: Partial<ConstructorParameters<typeof MaplibreMap>[0]> = {},
): MaplibreMap {
  const map = new MaplibreMap({
    container,
    // Every request of the map, the worker's included, goes through the gate (request-gate.ts).
    transformRequest: makeTransformRequest(config, location.href),
    style,
    ...extra,
    ...(view
      ? { center: [view.lon, view.lat] as [number, number], zoom: view.zoom }
      : { bounds: CHINA_BOUNDS, fitBoundsOptions: { padding: 12 } }),
    minZoom: 2,
    // Rings are schematic: zooming further would suggest a precision the positions do not have.
    maxZoom: 12,
    dragRotate: false,
    pitchWithRotate: false,
    touchPitch: false,
    attributionControl: { compact: true, customAttribution: ATTRIBUTION },
    // Labels appear at once: no 300 ms cross-fade after every update before the map is idle.
    fadeDuration: 0,
  });
  map.touchZoomRotate.disableRotation();
  map.keyboard.disableRotation();
  map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
  skipSkyPass(map);
  return map;
}

/**
 * maplibre 6 draws its sky, a quad over the whole canvas with a costly fragment shader, in every
 * frame, whether the style has a sky or not. This map is never pitched (no rotation, no pitch
 * gestures), so the sky's horizon stays above the canvas and the pass draws no pixel. Without a
 * GPU (SwiftShader) it was 40 % of every frame on the bench's machine: 86 → 63 ms a frame at
 * 1099×355; an empty map at 1600×1000 took 178 ms with it, 3 ms without. The painter's draw
 * functions are not public API; `sky-pass.spec.ts` fails if maplibre stops honouring this.
 * Returns whether the pass was skipped.
 */
export function skipSkyPass(map: MaplibreMap): boolean {
  const painter = (map as unknown as { painter?: { drawFunctions?: Record<string, unknown> } })
    .painter;
  const draw = painter?.drawFunctions;
  if (!painter || !draw || typeof draw.sky !== 'function') return false;
  painter.drawFunctions = { ...draw, sky: () => {} };
  return true;
}

interface EarlyMap {
  map: MaplibreMap;
  host: HTMLElement;
  config: MapConfig;
  lang: Lang;
  styleLoaded: boolean;
  timer: ReturnType<typeof setTimeout>;
}

let early: EarlyMap | null = null;
let started = false;
/** The early map was created: this page has WebGL 2 (maplibre throws without it). */
let created = false;
/**
 * A view has asked for the map (adoptEarlyMap): an early map started after that would never be
 * adopted, only draw unseen and hold maplibre's workers (a Retry could not replace them).
 */
let claimed = false;

/**
 * Starts the map for a page opening on a map view (once per page): loads the configuration, then
 * creates the map in a host element kept out of sight until a view adopts it.
 */
export function startEarlyMap(lang: Lang, view: Viewport | undefined): void {
  if (started) return;
  started = true;
  warmUpMap();
  void sharedMapConfig().then(({ config, notice }) => {
    if (claimed || notice !== null || config.basemap.type !== 'geojson') return;
    const host = document.createElement('div');
    host.dataset.earlyMap = '';
    // Roughly the size the map pane will have; the view resizes it when it adopts the map.
    host.style.cssText = `position:fixed;left:0;top:0;width:${Math.round(innerWidth / 2)}px;height:${Math.round(innerHeight * 0.8)}px;opacity:0;pointer-events:none;z-index:-1`;
    document.body.append(host);
    let map: MaplibreMap;
    try {
      map = createMaplibreMap(
        host,
        config,
        buildMapStyle(config.basemap, config.fontFaces, lang),
        view,
      );
    } catch {
      // No WebGL: the view says so when it mounts.
      host.remove();
      return;
    }
    created = true;
    const entry: EarlyMap = {
      map,
      host,
      config,
      lang,
      styleLoaded: false,
      timer: setTimeout(() => {
        if (early !== entry) return;
        early = null;
        map.remove();
        host.remove();
      }, UNCLAIMED_MS),
    };
    map.once('style.load', () => (entry.styleLoaded = true));
    early = entry;
  });
}

/** Whether a map was created at navigation on this page (so WebGL 2 works here). */
export function earlyMapCreated(): boolean {
  return created;
}

/**
 * The early map, if there is one for this configuration (the same loaded object) and language,
 * handed over once: its host is the caller's to place (style reset) and the map's to remove. Once
 * a view has asked, no early map is started any more, and one for another configuration or
 * language is removed.
 */
export function adoptEarlyMap(
  config: MapConfig,
  lang: Lang,
): { map: MaplibreMap; host: HTMLElement; styleLoaded: boolean } | null {
  claimed = true;
  const e = early;
  if (!e) return null;
  early = null;
  clearTimeout(e.timer);
  if (e.config !== config || e.lang !== lang) {
    // Not the map the view needs: removed now, not left drawing unseen until its timeout.
    e.map.remove();
    e.host.remove();
    return null;
  }
  e.host.removeAttribute('style');
  delete e.host.dataset.earlyMap;
  return { map: e.map, host: e.host, styleLoaded: e.styleLoaded };
}
