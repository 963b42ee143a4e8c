/**
 * An allowed intranet style whose parts fail (issue 13): the adapter gates every request in the
 * Map's own options (`transformRequest`), and a failing source is not taken for a failing style,
 * so the approved basemap stays and the map says what is off.
 */
import {
  ATLAS,
  expect,
  expectDrawn,
  indexWithIntranetInCsp,
  INTRANET,
  json,
  notice,
  styleLayerIds,
  test,
} from './basemap-net';

const README_CONFIG = json({
  allowedOrigins: [INTRANET],
  basemap: {
    type: 'style',
    url: `${INTRANET}/tianditu-style.json`,
    provincesUrl: 'basemap/approved-provinces.geojson',
  },
});

test.describe('an allowed intranet style keeps being drawn when a part of it fails', () => {
  test('its province file is missing: the style stays, and the map says what is off', async ({
    page,
    net,
  }) => {
    net.local.set('index.html', indexWithIntranetInCsp());
    net.local.set('config.json', README_CONFIG);
    net.local.set('basemap/approved-provinces.geojson', {
      status: 404,
      contentType: 'text/plain',
      body: 'Not Found',
    });
    net.intranet.set(
      '/tianditu-style.json',
      json({
        version: 8,
        sources: {},
        layers: [
          {
            id: 'intranet-background',
            type: 'background',
            paint: { 'background-color': '#dde7ee' },
          },
        ],
      }),
    );
    await page.goto(ATLAS);
    await expect(notice(page)).toContainText('省级区划文件无法使用');
    await expect(notice(page)).toContainText('basemap/approved-provinces.geojson: HTTP 404');
    await expect(notice(page)).not.toContainText('底图样式无法加载');
    await expectDrawn(page);
  });

  test('a source of the style on a host not allowed is refused, and the style stays', async ({
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
        sources: { outside: { type: 'geojson', data: 'https://evil.example/roads.geojson' } },
        layers: [
          {
            id: 'intranet-background',
            type: 'background',
            paint: { 'background-color': '#dde7ee' },
          },
          { id: 'outside-lines', type: 'line', source: 'outside' },
        ],
      }),
    );
    await page.goto(ATLAS);
    await expect(notice(page)).toContainText('the map may not request https://evil.example');
    await expectDrawn(page);
    expect(await styleLayerIds(page)).toContain('intranet-background');
    await expect(notice(page)).not.toContainText('底图样式无法加载');
    expect(net.requests.filter((u) => u.includes('evil.example'))).toEqual([]);
  });
});
