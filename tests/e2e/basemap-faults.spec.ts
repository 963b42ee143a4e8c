/**
 * Deployment faults of the map, each against the built app: a broken, missing or refused
 * config.json or basemap file, a host the deployer did not allow (in config.json or in the CSP),
 * a server that does not know `.mjs`, a worker that does not load or never answers, no WebGL.
 * Every fault is said on the map, bilingual; and in every test no request leaves 127.0.0.1 but
 * those to the intranet host a test deliberately allows (answered here, never by a network).
 */
import { readdirSync } from 'node:fs';
import {
  ATLAS,
  DIST,
  expect,
  expectDrawn,
  indexWithIntranetInCsp,
  INTRANET,
  json,
  notice,
  PNG,
  provinces,
  styleLayerIds,
  test,
  type Answer,
} from './basemap-net';

test.describe('config.json that cannot be used: the bundled map, and the map says why', () => {
  const cases: [string, Answer, string][] = [
    ['missing (404)', { status: 404, contentType: 'text/plain', body: 'Not Found' }, 'HTTP 404'],
    [
      'answered with the index page (as vite preview does for a missing file)',
      { contentType: 'text/html', body: '<!doctype html><html><head></head></html>' },
      'config.json: not valid JSON',
    ],
    [
      'not JSON',
      { contentType: 'application/json', body: '{ "basemap": ' },
      'config.json: not valid JSON',
    ],
    ['JSON of the wrong shape', json({ basemap: { type: 'wms', url: 'x' } }), 'basemap.type'],
  ];
  for (const [what, config, why] of cases) {
    test(`config.json ${what}`, async ({ page, net }) => {
      net.local.set('config.json', config);
      await page.goto(ATLAS);
      await expect(notice(page)).toContainText('已改用内置示意底图');
      await expect(notice(page)).toContainText('using the bundled demo basemap');
      await expect(notice(page)).toContainText(why);
      await expectDrawn(page);
      await expect(notice(page)).toBeVisible();
    });
  }

  test('the shipped config.json draws the bundled map with no notice', async ({ page }) => {
    await page.goto(ATLAS);
    await expectDrawn(page);
    await expect(page.getByTestId('map-failure')).toHaveCount(0);
    await expect(notice(page)).toHaveCount(0);
  });
});

test.describe('a basemap file that cannot be used', () => {
  const cases: [string, Answer, string][] = [
    ['missing (404)', { status: 404, contentType: 'text/plain', body: 'Not Found' }, 'HTTP 404'],
    [
      'not province GeoJSON',
      json({ type: 'Topology', objects: {} }),
      'basemap/approved.geojson: type',
    ],
  ];
  for (const [what, file, why] of cases) {
    test(`basemap file ${what}: the bundled map, with a notice`, async ({ page, net }) => {
      net.local.set(
        'config.json',
        json({ basemap: { type: 'geojson', url: 'basemap/approved.geojson' } }),
      );
      net.local.set('basemap/approved.geojson', file);
      await page.goto(ATLAS);
      await expect(notice(page)).toContainText('底图文件无法使用，已改用内置示意底图');
      await expect(notice(page)).toContainText('The basemap file could not be used');
      await expect(notice(page)).toContainText(why);
      await expectDrawn(page);
    });
  }
});

test.describe('hosts the deployer did not allow are never asked', () => {
  test('an external style URL not listed in allowedOrigins', async ({ page, net }) => {
    net.local.set(
      'config.json',
      json({ basemap: { type: 'style', url: `${INTRANET}/tianditu-style.json` } }),
    );
    await page.goto(ATLAS);
    await expect(notice(page)).toContainText('地图配置中的地址未获允许');
    await expect(notice(page)).toContainText(`${INTRANET} is not listed in "allowedOrigins"`);
    await expectDrawn(page);
    expect(net.requests.filter((u) => u.startsWith(INTRANET))).toEqual([]);
  });

  test('an external GeoJSON basemap URL not listed in allowedOrigins', async ({ page, net }) => {
    net.local.set(
      'config.json',
      json({ basemap: { type: 'geojson', url: 'https://evil.example/provinces.geojson' } }),
    );
    await page.goto(ATLAS);
    await expect(notice(page)).toContainText('https://evil.example is not listed');
    await expectDrawn(page);
    expect(net.requests.filter((u) => u.includes('evil.example'))).toEqual([]);
  });

  test('an allowed style whose sources, tiles and glyphs point elsewhere: the gate refuses them, in the worker too', async ({
    page,
    net,
  }) => {
    net.local.set('index.html', indexWithIntranetInCsp());
    net.local.set(
      'config.json',
      json({
        allowedOrigins: [INTRANET],
        basemap: { type: 'style', url: `${INTRANET}/tianditu-style.json` },
      }),
    );
    net.intranet.set(
      '/tianditu-style.json',
      json({
        version: 8,
        glyphs: 'https://evil.example/fonts/{fontstack}/{range}.pbf',
        sources: {
          // GeoJSON by URL is fetched by maplibre's worker, which the page's CSP does not cover.
          outside: { type: 'geojson', data: 'https://evil.example/roads.geojson' },
          tiles: {
            type: 'raster',
            tiles: ['https://evil.example/t/{z}/{x}/{y}.png'],
            tileSize: 256,
          },
        },
        layers: [
          {
            id: 'intranet-background',
            type: 'background',
            paint: { 'background-color': '#dde7ee' },
          },
          { id: 'outside-tiles', type: 'raster', source: 'tiles' },
          { id: 'outside-lines', type: 'line', source: 'outside' },
        ],
      }),
    );
    await page.goto(ATLAS);
    await expect(notice(page)).toContainText('已拦截');
    await expect(notice(page)).toContainText('the map may not request https://evil.example');
    await expectDrawn(page);
    expect(net.requests.filter((u) => u.includes('evil.example'))).toEqual([]);
  });

  test('a host allowed in config.json but not in the CSP: the map says the CSP refused it', async ({
    page,
    net,
  }) => {
    net.local.set(
      'config.json',
      json({
        allowedOrigins: [INTRANET],
        basemap: { type: 'style', url: `${INTRANET}/tianditu-style.json` },
      }),
    );
    // Nothing answers for the intranet: a request that got past the CSP would fail the test.
    await page.goto(ATLAS);
    await expect(notice(page)).toContainText(
      `The page's Content-Security-Policy blocked ${INTRANET} (connect-src)`,
    );
    await expect(notice(page)).toContainText('底图样式无法加载，已改用内置示意底图');
    await expectDrawn(page);
  });
});

test('the README’s intranet example works when followed: config.json and the CSP line', async ({
  page,
  net,
}) => {
  net.local.set('index.html', indexWithIntranetInCsp());
  net.local.set(
    'config.json',
    json({
      allowedOrigins: [INTRANET],
      basemap: {
        type: 'style',
        url: `${INTRANET}/tianditu-style.json`,
        provincesUrl: 'basemap/approved-provinces.geojson',
      },
    }),
  );
  net.local.set('basemap/approved-provinces.geojson', provinces());
  net.intranet.set(
    '/tianditu-style.json',
    json({
      version: 8,
      sources: {
        tianditu: {
          type: 'raster',
          tiles: [`${INTRANET}/tiles/{z}/{x}/{y}.png`],
          tileSize: 256,
        },
      },
      layers: [
        { id: 'intranet-background', type: 'background', paint: { 'background-color': '#dde7ee' } },
        { id: 'intranet-tiles', type: 'raster', source: 'tianditu' },
      ],
    }),
  );
  // Every tile /tiles/{z}/{x}/{y}.png.
  net.intranet.set('/tiles/*', { contentType: 'image/png', body: PNG });
  await page.goto(ATLAS);
  await expectDrawn(page);
  const layers = await styleLayerIds(page);
  expect(layers).toContain('intranet-tiles');
  expect(layers).toContain('province-choropleth');
  expect(net.requests).toContain(`${INTRANET}/tianditu-style.json`);
  expect(net.requests.some((u) => u.startsWith(`${INTRANET}/tiles/`))).toBe(true);
  await expect(notice(page)).toHaveCount(0);
  await expect(page.getByTestId('map-failure')).toHaveCount(0);
});

test.describe('an allowed intranet basemap that fails', () => {
  const readmeConfig = json({
    allowedOrigins: [INTRANET],
    basemap: {
      type: 'style',
      url: `${INTRANET}/tianditu-style.json`,
      provincesUrl: 'basemap/approved-provinces.geojson',
    },
  });

  test('its style does not load: the bundled map, and the map says so', async ({ page, net }) => {
    net.local.set('index.html', indexWithIntranetInCsp());
    net.local.set('config.json', readmeConfig);
    net.local.set('basemap/approved-provinces.geojson', provinces());
    net.intranet.set('/tianditu-style.json', {
      status: 503,
      contentType: 'text/plain',
      body: 'Service Unavailable',
    });
    await page.goto(ATLAS);
    await expect(notice(page)).toContainText('底图样式无法加载，已改用内置示意底图');
    await expect(notice(page)).toContainText('The basemap style could not be loaded');
    await expectDrawn(page);
  });
});

test.describe('scripts any static server can serve', () => {
  test('the build emits no .mjs file', () => {
    const files = readdirSync(DIST, { recursive: true, encoding: 'utf8' });
    expect(files.some((f) => /maplibre-gl-worker-[\w-]+\.js$/.test(f))).toBe(true);
    expect(files.filter((f) => f.endsWith('.mjs'))).toEqual([]);
  });

  test('the map draws when the server sends every unknown extension as application/octet-stream', async ({
    page,
    context,
  }) => {
    // An IIS without extra MIME mappings: .js, .css, .html, .json known, anything else octet-stream.
    const known = /\.(js|css|html|json)$|\/$/;
    const typed: string[] = [];
    await context.route(/^http:\/\/127\.0\.0\.1:\d+\/.+\.[a-z0-9]+$/i, async (route) => {
      const response = await route.fetch();
      const path = new URL(route.request().url()).pathname;
      if (known.test(path)) return route.fulfill({ response });
      typed.push(path);
      return route.fulfill({
        response,
        headers: { ...response.headers(), 'content-type': 'application/octet-stream' },
      });
    });
    await page.goto(ATLAS);
    await expectDrawn(page);
    await expect(page.getByTestId('map-failure')).toHaveCount(0);
    expect(typed.some((p) => p.endsWith('.geojson'))).toBe(true);
  });
});

test.describe('a map that cannot draw says so, with a retry', () => {
  const WORKER = /\/assets\/maplibre-gl-worker-[\w-]+\.js$/;

  test('its worker does not load: the cause, then Retry draws the map', async ({
    page,
    context,
  }) => {
    let refuse = true;
    await context.route(WORKER, (route) =>
      refuse
        ? route.fulfill({ status: 404, contentType: 'text/plain', body: 'Not Found' })
        : route.fallback(),
    );
    await page.goto(ATLAS);
    const failure = page.getByTestId('map-failure');
    await expect(failure).toHaveAttribute('data-kind', 'worker', { timeout: 30_000 });
    await expect(failure).toContainText('工作线程脚本未能加载');
    await expect(failure).toContainText("The map's worker script did not load");
    await expect(failure).toContainText('Worker failed to load');
    refuse = false;
    await page.getByTestId('map-retry').click();
    await expectDrawn(page);
    await expect(failure).toHaveCount(0);
  });

  test('it has not drawn in time: the area says so, then Retry draws the map', async ({
    page,
    context,
    net,
  }) => {
    test.setTimeout(120_000);
    let hang = true;
    await context.route(WORKER, (route) => {
      if (!hang) return route.fallback();
      net.hanging.push(route);
      return undefined;
    });
    await page.goto(ATLAS);
    const failure = page.getByTestId('map-failure');
    await expect(failure).toHaveAttribute('data-kind', 'timeout', { timeout: 60_000 });
    await expect(failure).toContainText('地图在 20 秒内未能绘制完成');
    await expect(failure).toContainText('The map did not finish drawing within 20 s');
    hang = false;
    await page.getByTestId('map-retry').click();
    await expectDrawn(page);
    await expect(failure).toHaveCount(0);
  });

  test('no WebGL: a plain bilingual message, no library text, no outside link', async ({
    page,
  }) => {
    await page.addInitScript(() => {
      const original = HTMLCanvasElement.prototype.getContext;
      HTMLCanvasElement.prototype.getContext = function (
        this: HTMLCanvasElement,
        type: string,
        ...rest: unknown[]
      ) {
        if (/webgl/i.test(type)) return null;
        return (original as (...a: unknown[]) => unknown).call(this, type, ...rest);
      } as typeof original;
    });
    await page.goto(ATLAS);
    const failure = page.getByTestId('map-failure');
    await expect(failure).toHaveAttribute('data-kind', 'webgl');
    await expect(failure).toContainText('WebGL 2 不可用');
    await expect(failure).toContainText('WebGL 2 is unavailable');
    await expect(failure).not.toContainText('openstreetmap');
    await expect(failure).not.toContainText('We are sorry');
    await expect(failure.locator('a')).toHaveCount(0);
    await expect(page.getByTestId('view-error')).toHaveCount(0);
    // The rest of the Atlas works.
    await expect(page.getByTestId('chain-graph')).toHaveAttribute('data-ready', 'true');
    // The message is not under the legend: the legend is not drawn over its centre.
    const box = await failure.boundingBox();
    expect(box).not.toBeNull();
    if (box) {
      const atCentre = await page.evaluate(
        ([x, y]) =>
          document.elementFromPoint(x, y)?.closest('[data-testid="map-failure"]') !== null,
        [box.x + box.width / 2, box.y + box.height / 2] as const,
      );
      expect(atCentre).toBe(true);
    }
  });
});
