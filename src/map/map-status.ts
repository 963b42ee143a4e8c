/**
 * What the map's area says when the map cannot be drawn (no WebGL, its worker did not load, it
 * did not draw in time, it failed) and the notices shown on it (the page's CSP refused a host).
 * Bilingual, as every message of the app; no library text where it would only confuse (WebGL).
 */

/** How long a map may take to draw before its area says so and offers a retry. */
export const MAP_DRAW_LIMIT_MS = 20_000;

export type MapFailureKind = 'webgl' | 'worker' | 'timeout' | 'error';

export interface MapFailure {
  kind: MapFailureKind;
  /** What was reported, quoted as the cause; never shown for `webgl`. */
  cause: string | null;
}

/** Longest cause quoted: a stack-sized library message must not fill the map's area. */
const MAX_CAUSE = 300;

const TEXT: Record<MapFailureKind, { zh: string; en: string }> = {
  webgl: {
    zh: '此浏览器无法显示地图：WebGL 2 不可用（可能已被关闭，或显卡驱动不支持）。页面的其他部分照常可用。',
    en: 'This browser cannot show the map: WebGL 2 is unavailable (turned off, or not supported by the graphics driver). The rest of the page works as usual.',
  },
  worker: {
    zh: '地图的工作线程脚本未能加载。请确认服务器以 JavaScript 类型（text/javascript）提供 assets 目录中的 .js 文件。',
    en: "The map's worker script did not load. Check that the server sends the .js files in assets/ as JavaScript (text/javascript).",
  },
  timeout: {
    zh: `地图在 ${MAP_DRAW_LIMIT_MS / 1000} 秒内未能绘制完成。`,
    en: `The map did not finish drawing within ${MAP_DRAW_LIMIT_MS / 1000} s.`,
  },
  error: { zh: '地图无法显示。', en: 'The map could not be shown.' },
};

/**
 * The bilingual text of a failure, with its cause (shortened) where one is worth quoting.
 * @example describeMapFailure({ kind: 'webgl', cause: 'WebGL2 is required… openstreetmap.org' }).cause // null
 */
export function describeMapFailure(f: MapFailure): {
  zh: string;
  en: string;
  cause: string | null;
} {
  const cause =
    f.kind === 'webgl' || f.cause === null || f.cause.trim() === ''
      ? null
      : f.cause.length > MAX_CAUSE
        ? `${f.cause.slice(0, MAX_CAUSE)}…`
        : f.cause;
  return { ...TEXT[f.kind], cause };
}

/**
 * The failure an error thrown or reported by the map stands for.
 * @example failureOf('Worker failed to load. Check that the worker URL is correct.').kind // 'worker'
 * @example failureOf('WebGL2 is required to display this map. …').kind // 'webgl'
 */
export function failureOf(message: string): MapFailure {
  if (/worker failed to load|failed to fetch worker script/i.test(message)) {
    return { kind: 'worker', cause: message };
  }
  if (/webgl/i.test(message)) return { kind: 'webgl', cause: null };
  return { kind: 'error', cause: message };
}

/** Whether this browser can give maplibre 6 the WebGL 2 context it needs. */
export function hasWebGL2(doc: Document = document): boolean {
  try {
    const gl = doc.createElement('canvas').getContext('webgl2');
    if (!gl) return false;
    // Only a probe: give the context back (browsers cap how many a page may hold).
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return true;
  } catch {
    return false;
  }
}

/**
 * The notice for a request the page's Content-Security-Policy refused, or null when it is not a
 * request to another host (the app itself never makes one).
 * @example cspNotice('connect-src', 'https://gis.intranet/s.json', 'http://127.0.0.1:4173')
 * // '页面的内容安全策略（CSP）拦截了 https://gis.intranet … connect-src …'
 */
export function cspNotice(
  directive: string,
  blockedUri: string,
  pageOrigin: string,
): string | null {
  let origin: string;
  try {
    const url = new URL(blockedUri);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    origin = url.origin;
  } catch {
    return null;
  }
  if (origin === pageOrigin) return null;
  const where = directive.split(' ')[0] ?? directive;
  return `页面的内容安全策略（CSP）拦截了 ${origin}（${where}），请将其加入 index.html 中 CSP 的 ${where} / The page's Content-Security-Policy blocked ${origin} (${where}): add it to ${where} in the CSP meta tag of index.html`;
}
