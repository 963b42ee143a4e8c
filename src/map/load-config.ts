/**
 * Loads the runtime map configuration (`config.json`, then the font-faces file it names), both
 * fetched relative to the page. Never rejects: whatever fails falls back to the bundled basemap or
 * to local fonts, and the notice says so.
 */
import { parseFontFaces } from './font-faces';
import {
  DEFAULT_FONT_FACES_URL,
  fallbackNotice,
  parseMapConfig,
  BUNDLED_BASEMAP,
  type MapConfig,
} from './map-config';

export const CONFIG_URL = 'config.json';

type FetchLike = (url: string) => Promise<Pick<Response, 'ok' | 'status' | 'json'>>;

async function fetchJson(fetchImpl: FetchLike, url: string): Promise<unknown> {
  const res = await fetchImpl(url);
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  return (await res.json()) as unknown;
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * @example
 * const { config, notice } = await loadMapConfig();
 * // config.basemap → { type: 'geojson', url: 'basemap/china-provinces.geojson' }; notice → null
 */
export async function loadMapConfig(
  fetchImpl: FetchLike = (url) => fetch(url),
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
  const fontsUrl = file.fonts ?? DEFAULT_FONT_FACES_URL;
  let fontFaces = null;
  try {
    const parsed = parseFontFaces(await fetchJson(fetchImpl, fontsUrl));
    fontFaces = parsed.fontFaces;
    if (parsed.error !== null) throw new Error(`${fontsUrl}: ${parsed.error}`);
  } catch (e) {
    notices.push(
      `地图字体未能加载，标注可能无法显示中文 / Map fonts could not be loaded, labels may miss glyphs — ${message(e)}`,
    );
  }
  return {
    config: { basemap: file.basemap, fontFaces },
    notice: notices.length > 0 ? notices.join('\n') : null,
  };
}

let shared: ReturnType<typeof loadMapConfig> | null = null;

/**
 * The page's map configuration, loaded once: the first caller (the map's warm-up, as soon as a map
 * view's code arrives) starts the download, every view reuses it.
 */
export function sharedMapConfig(): ReturnType<typeof loadMapConfig> {
  shared ??= loadMapConfig();
  return shared;
}
