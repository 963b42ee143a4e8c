/**
 * The network of the basemap browser tests: every request of the page and its workers is routed;
 * 127.0.0.1 is served by `vite preview` unless a test overrides a path, the intranet host
 * (`https://gis.intranet`) is answered from a table when a test allows it, and any other request
 * is aborted and fails the test. Helpers for the deployer's edits the README describes.
 */
import { test as base, expect, type BrowserContext, type Page, type Route } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const INTRANET = 'https://gis.intranet';
export const ATLAS = './?view=atlas&chain=nev';
export const DIST = process.env.E2E_DIST ?? 'dist';
/** A 1×1 PNG, enough for a raster tile. */
export const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

export type Answer = { status?: number; contentType?: string; body: string | Buffer } | 'hang';

/** What a test serves in place of the built files (by path under the app) and the intranet. */
export interface Net {
  local: Map<string, Answer>;
  intranet: Map<string, Answer>;
  /** Every URL the page and its workers asked for. */
  requests: string[];
  /** Requests to a host that is neither 127.0.0.1 nor an intranet host the test allows. */
  foreign: string[];
  /** Routes left hanging ("hang"), to release at the end. */
  hanging: Route[];
}

export const json = (value: unknown): Answer => ({
  contentType: 'application/json',
  body: JSON.stringify(value),
});

async function answer(route: Route, a: Answer, net: Net): Promise<void> {
  if (a === 'hang') {
    net.hanging.push(route);
    return;
  }
  await route.fulfill({
    status: a.status ?? 200,
    contentType: a.contentType ?? 'application/octet-stream',
    body: a.body,
  });
}

/**
 * Routes every request of the context (pages and workers): 127.0.0.1 is served by `vite
 * preview` unless the test overrides the path; the intranet host is answered from `net.intranet`
 * when the test allows it; anything else is recorded as foreign and aborted.
 */
async function routeNet(context: BrowserContext, net: Net): Promise<void> {
  context.on('request', (req) => net.requests.push(req.url()));
  await context.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (url.protocol === 'data:' || url.protocol === 'blob:') return route.fallback();
    if (url.hostname === '127.0.0.1') {
      const local = net.local.get(url.pathname.replace(/^\//, '') || 'index.html');
      return local === undefined ? route.fallback() : answer(route, local, net);
    }
    const remote =
      url.origin === INTRANET
        ? (net.intranet.get(url.pathname) ??
          net.intranet.get(url.pathname.replace(/[^/]+\/[^/]+\/[^/]+$/, '*')))
        : undefined;
    if (remote !== undefined) return answer(route, remote, net);
    net.foreign.push(url.href);
    return route.abort('blockedbyclient');
  });
}

export const test = base.extend<{ net: Net }>({
  net: [
    async ({ context }, use) => {
      const net: Net = {
        local: new Map(),
        intranet: new Map(),
        requests: [],
        foreign: [],
        hanging: [],
      };
      await routeNet(context, net);
      await use(net);
      for (const route of net.hanging) await route.abort().catch(() => {});
      expect(net.foreign, 'requests that left 127.0.0.1').toEqual([]);
      const outside = net.requests.filter((u) => {
        const { protocol, hostname, origin } = new URL(u);
        return (
          !['data:', 'blob:'].includes(protocol) &&
          hostname !== '127.0.0.1' &&
          !(origin === INTRANET && net.intranet.size > 0)
        );
      });
      expect(outside, 'requests to hosts other than 127.0.0.1').toEqual([]);
    },
    { auto: true },
  ],
});

/** dist/index.html with the CSP edited as the README tells a deployer: the host added to two directives. */
export function indexWithIntranetInCsp(): Answer {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  const edited = html
    .replace("connect-src 'self' data: blob:", `connect-src 'self' data: blob: ${INTRANET}`)
    .replace("img-src 'self' data: blob:", `img-src 'self' data: blob: ${INTRANET}`);
  if (edited === html) throw new Error('the CSP line of dist/index.html was not found');
  return { contentType: 'text/html', body: edited };
}

/** The app's own province file, as a deployer's approved file would be. */
export const provinces = (): Answer => ({
  contentType: 'application/geo+json',
  body: readFileSync(join(DIST, 'basemap/china-provinces.geojson')),
});

export const mapOf = (page: Page) => page.getByTestId('map');
export const notice = (page: Page) => page.getByTestId('map-notice');

export async function expectDrawn(page: Page): Promise<void> {
  await expect(mapOf(page)).toHaveAttribute('data-ready', 'true', { timeout: 45_000 });
}

/** The ids of the layers of the style the map is drawing. */
export function styleLayerIds(page: Page): Promise<string[]> {
  return mapOf(page).evaluate((el) => {
    const map = (
      el as HTMLElement & { chainAtlasMap: { getStyle(): { layers: { id: string }[] } } }
    ).chainAtlasMap;
    return map.getStyle().layers.map((l) => l.id);
  });
}

export { expect };
