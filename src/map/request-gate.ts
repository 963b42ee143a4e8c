/**
 * The one gate every request of the map passes: maplibre's `transformRequest` (style, sources,
 * tiles, sprites, glyphs and font files, whether the page or maplibre's worker sends them) and the
 * check of the URLs in config.json before they are used. A request may go to the page's own origin
 * or to an origin the deployer listed in config.json (`"allowedOrigins": ["https://gis.intranet"]`);
 * anything else is rewritten to the `chainatlas-blocked:` scheme, whose handler (registered in
 * warm-up.ts) fails it with a message naming the origin, so nothing leaves the machine.
 *
 * The page's Content-Security-Policy does not cover maplibre's worker (a worker loaded from a URL
 * gets its own policy, from its response headers, which a static server does not send): this gate
 * is what keeps the worker from sending a GET to a host nobody allowed.
 */
import type { AddProtocolAction, RequestParameters } from 'maplibre-gl';

/** The scheme a refused request is rewritten to; no browser or server knows it. */
export const BLOCKED_PROTOCOL = 'chainatlas-blocked';
const BLOCKED_PREFIX = `${BLOCKED_PROTOCOL}://`;

/** Every message about a refused request starts with this, so the map can recognise it. */
export const BLOCKED_MARK = '已拦截 / Blocked';

/** Longest URL quoted in a message: a notice stays readable whatever a style asks for. */
const MAX_QUOTED_URL = 160;

const quote = (url: string) =>
  url.length > MAX_QUOTED_URL ? `${url.slice(0, MAX_QUOTED_URL)}…` : url;

/**
 * The origin of an http(s) address written as a deployer would list it, or null.
 * @example parseOrigin('https://gis.intranet/') // 'https://gis.intranet'
 * @example parseOrigin('https://gis.intranet/tiles') // null (a path is not an origin)
 */
export function parseOrigin(text: string): string | null {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (url.username || url.password || url.search || url.hash) return null;
  if (url.pathname !== '/' || !/^https?:\/\/[^/]+\/?$/i.test(text)) return null;
  return url.origin;
}

/** The origin of `url` resolved against the page, or null when it is not an http(s) URL. */
function originOf(url: string, pageUrl: string): string | null {
  try {
    const resolved = new URL(url, pageUrl);
    return resolved.protocol === 'http:' || resolved.protocol === 'https:' ? resolved.origin : null;
  } catch {
    return null;
  }
}

export type UrlCheck = { ok: true } | { ok: false; origin: string | null; why: string };

/**
 * Checks a URL from config.json before anything fetches it: relative URLs and the page's own
 * origin pass, other origins only when config.json lists them in `allowedOrigins`.
 * @example checkConfigUrl('basemap/a.geojson', 'http://127.0.0.1:4173/app/', []) // { ok: true }
 * @example checkConfigUrl('https://gis.intranet/s.json', 'http://127.0.0.1/', []).ok // false
 * @example checkConfigUrl('https://gis.intranet/s.json', 'http://127.0.0.1/', ['https://gis.intranet']) // { ok: true }
 */
export function checkConfigUrl(
  url: string,
  pageUrl: string,
  allowedOrigins: readonly string[] = [],
): UrlCheck {
  const origin = originOf(url, pageUrl);
  if (origin === null) return { ok: false, origin: null, why: `${quote(url)}: not an http(s) URL` };
  if (origin === new URL(pageUrl).origin || allowedOrigins.includes(origin)) return { ok: true };
  return {
    ok: false,
    origin,
    why: `${quote(url)}: ${origin} is not listed in "allowedOrigins" in config.json`,
  };
}

/**
 * Whether the map may request `url`: the page's origin, an allowed origin, or data held in the
 * page (`data:`, `blob:`). Everything else (other hosts, `file:`, unknown schemes) is refused.
 */
export function isAllowedRequest(
  url: string,
  pageUrl: string,
  allowedOrigins: readonly string[] = [],
): boolean {
  if (/^(data|blob):/i.test(url)) return true;
  return checkConfigUrl(url, pageUrl, allowedOrigins).ok;
}

/**
 * maplibre's `transformRequest` for a map drawn with `config`: allowed URLs pass unchanged,
 * refused ones are rewritten to `chainatlas-blocked://…`, which fails without any network access.
 * @example
 * const gate = makeTransformRequest({ allowedOrigins: [] }, 'http://127.0.0.1:4173/');
 * gate('http://127.0.0.1:4173/basemap/a.geojson') // { url: 'http://127.0.0.1:4173/basemap/a.geojson' }
 * gate('https://tiles.example/1/2/3.png').url     // 'chainatlas-blocked://https%3A%2F%2Ftiles.example…'
 */
export function makeTransformRequest(
  config: { allowedOrigins?: readonly string[] | undefined },
  pageUrl: string,
): (url: string) => RequestParameters {
  const allowed = config.allowedOrigins ?? [];
  return (url: string): RequestParameters =>
    isAllowedRequest(url, pageUrl, allowed)
      ? { url }
      : { url: `${BLOCKED_PREFIX}${encodeURIComponent(url)}` };
}

/** The URL a blocked request was meant for. */
export function blockedTarget(blockedUrl: string): string {
  const encoded = blockedUrl.startsWith(BLOCKED_PREFIX)
    ? blockedUrl.slice(BLOCKED_PREFIX.length)
    : blockedUrl;
  try {
    return decodeURIComponent(encoded);
  } catch {
    return encoded;
  }
}

/**
 * The message a refused request fails with (maplibre reports it as a map `error` event).
 * @example blockedRequestMessage('https://tiles.example/1/2/3.png')
 * // '已拦截 / Blocked: 地图请求的来源未获允许 / the map may not request https://tiles.example (…)'
 */
export function blockedRequestMessage(url: string): string {
  let origin: string;
  try {
    origin = new URL(url).origin;
  } catch {
    origin = quote(url);
  }
  return `${BLOCKED_MARK}: 地图请求的来源未获允许 / the map may not request ${origin} (${quote(url)}); list it in "allowedOrigins" in config.json to allow it`;
}

/** The handler of the `chainatlas-blocked:` scheme: fails every request, naming its target. */
export const refuseBlockedRequest: AddProtocolAction = (params) =>
  Promise.reject(new Error(blockedRequestMessage(blockedTarget(params.url))));

/** The origin named in a message of `blockedRequestMessage`, or null for any other message. */
export function blockedOriginOf(message: string): string | null {
  if (!message.startsWith(BLOCKED_MARK)) return null;
  return /the map may not request (\S+)/.exec(message)?.[1] ?? null;
}
