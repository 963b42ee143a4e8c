/**
 * Loads the runtime map configuration (`config.json`, then the font-faces file it names), both
 * fetched relative to the page. Never rejects: whatever fails falls back to the bundled basemap or
 * to local fonts, and the notice says so. Every URL in the file is checked against the page's
 * origin and the file's `allowedOrigins` before anything fetches it (request-gate.ts).
 */
import { parseFontFaces } from './font-faces';
import {
  DEFAULT_FONT_FACES_URL,
  fallbackNotice,
  parseMapConfig,
  BUNDLED_BASEMAP,
  refusedNotice,
  type BasemapConfig,
  type MapConfig,
} from './map-config';
import { checkConfigUrl } from './request-gate';

export const CONFIG_URL = 'config.json';

type FetchLike = (url: string) => Promise<Pick<Response, 'ok' | 'status' | 'json'>>;

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

async function fetchJson(fetchImpl: FetchLike, url: string): Promise<unknown> {
  const res = await fetchImpl(url);
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  try {
    return (await res.json()) as unknown;
  } catch (e) {
    // A server that answers a missing file with its index page sends HTML here.
    throw new Error(`${url}: not valid JSON (${message(e)})`, { cause: e });
  }
}

/**
 * The configured basemap with every URL the page may not use removed: a basemap or style on a
 * host not allowed falls back to the bundled map, a province file not allowed is left out.
 */
function allowedBasemap(
  basemap: BasemapConfig,
  pageUrl: string,
  allowedOrigins: readonly string[],
): { basemap: BasemapConfig; notices: string[] } {
  const main = checkConfigUrl(basemap.url, pageUrl, allowedOrigins);
  if (!main.ok) {
    return { basemap: BUNDLED_BASEMAP, notices: [refusedNotice(`basemap.url: ${main.why}`)] };
  }
  if (basemap.type === 'style' && basemap.provincesUrl !== undefined) {
    const provinces = checkConfigUrl(basemap.provincesUrl, pageUrl, allowedOrigins);
    if (!provinces.ok) {
      return {
        basemap: { type: 'style', url: basemap.url },
        notices: [refusedNotice(`basemap.provincesUrl: ${provinces.why}`)],
      };
    }
  }
  return { basemap, notices: [] };
}

const pageHref = (): string => globalThis.location?.href ?? 'http://localhost/';

/**
 * @example
 * const { config, notice } = await loadMapConfig();
 * // config.basemap → { type: 'geojson', url: 'basemap/china-provinces.geojson' }; notice → null
 */
export async function loadMapConfig(
  fetchImpl: FetchLike = (url) => fetch(url),
  pageUrl: string = pageHref(),
): Promise<{ config: MapConfig; notice: string | null }> {
  const notices: string[] = [];
  let file;
  try {
    const parsed = parseMapConfig(await fetchJson(fetchImpl, CONFIG_URL));
    file = parsed.config;
    if (parsed.notice) notices.push(parsed.notice);
  } catch (e) {
    file = { basemap: BUNDLED_BASEMAP };
    notices.push(fallbackNotice(message(e)));
  }
  const allowedOrigins = file.allowedOrigins ?? [];
  const checked = allowedBasemap(file.basemap, pageUrl, allowedOrigins);
  notices.push(...checked.notices);
  const fontsUrl = file.fonts ?? DEFAULT_FONT_FACES_URL;
  let fontFaces = null;
  try {
    const fontsCheck = checkConfigUrl(fontsUrl, pageUrl, allowedOrigins);
    if (!fontsCheck.ok) throw new Error(`fonts: ${fontsCheck.why}`);
    const parsed = parseFontFaces(await fetchJson(fetchImpl, fontsUrl));
    fontFaces = parsed.fontFaces;
    if (parsed.error !== null) throw new Error(`${fontsUrl}: ${parsed.error}`);
  } catch (e) {
    notices.push(
      `地图字体未能加载，标注可能无法显示中文 / Map fonts could not be loaded, labels may miss glyphs — ${message(e)}`,
    );
  }
  return {
    config: { basemap: checked.basemap, fontFaces, allowedOrigins },
    notice: notices.length > 0 ? notices.join('\n') : null,
  };
}

let shared: ReturnType<typeof loadMapConfig> | null = null;
/** The loaded configuration, once `shared` has resolved. */
let loaded: Awaited<ReturnType<typeof loadMapConfig>> | undefined;

/**
 * The page's map configuration, loaded once: the first caller (the map's warm-up, as soon as a map
 * view's code arrives) starts the download, every view reuses it.
 */
export function sharedMapConfig(): ReturnType<typeof loadMapConfig> {
  if (!shared) {
    shared = loadMapConfig();
    shared.then(
      (r) => (loaded = r),
      () => {},
    );
  }
  return shared;
}

/**
 * The configuration if it has already been loaded (the warm-up started it at navigation), else
 * undefined: a view that opens after it can create its map in its first render.
 */
export function peekMapConfig(): Awaited<ReturnType<typeof loadMapConfig>> | undefined {
  return loaded;
}
