import { describe, expect, it } from 'vitest';
import { LABEL_FONT } from './font-faces';
import { CONFIG_URL, loadMapConfig } from './load-config';
import { BUNDLED_BASEMAP } from './map-config';

const PAGE = 'http://127.0.0.1:4173/app/';
const INTRANET = 'https://gis.intranet';

const FONTS = { [LABEL_FONT]: [{ url: 'fonts/a.woff2', 'unicode-range': ['U+4E00-9FFF'] }] };

/** A body that is not JSON (a server answering a missing file with its index page). */
class NotJson {
  constructor(readonly text: string) {}
}

/** A fetch that answers from a table of URL → JSON body (a number is an HTTP error status). */
function createFetch(table: Record<string, unknown>) {
  const requested: string[] = [];
  const fetchImpl = (url: string) => {
    requested.push(url);
    const body = table[url];
    if (body === undefined) return Promise.reject(new TypeError(`Failed to fetch ${url}`));
    const status = typeof body === 'number' ? body : 200;
    const json = () =>
      body instanceof NotJson
        ? Promise.reject(new SyntaxError(`Unexpected token '<', "${body.text}" is not valid JSON`))
        : Promise.resolve(body);
    return Promise.resolve({ ok: status === 200, status, json });
  };
  return { fetchImpl, requested };
}

describe('loadMapConfig()', () => {
  it('reads config.json then the default font file, both relative to the page', async () => {
    const { fetchImpl, requested } = createFetch({
      'config.json': { basemap: BUNDLED_BASEMAP },
      'fonts/font-faces.json': FONTS,
    });
    expect(await loadMapConfig(fetchImpl, PAGE)).toEqual({
      config: { basemap: BUNDLED_BASEMAP, fontFaces: FONTS, allowedOrigins: [] },
      notice: null,
    });
    expect(requested).toEqual([CONFIG_URL, 'fonts/font-faces.json']);
  });

  it('uses a style on a host that config.json allows (the README’s intranet example)', async () => {
    const basemap = {
      type: 'style',
      url: `${INTRANET}/tianditu-style.json`,
      provincesUrl: 'basemap/approved-provinces.geojson',
    };
    const { fetchImpl } = createFetch({
      'config.json': { allowedOrigins: [INTRANET], basemap },
      'fonts/font-faces.json': FONTS,
    });
    expect(await loadMapConfig(fetchImpl, PAGE)).toEqual({
      config: { basemap, fontFaces: FONTS, allowedOrigins: [INTRANET] },
      notice: null,
    });
  });

  it('refuses a style on a host config.json does not allow, before anything fetches it', async () => {
    const { fetchImpl, requested } = createFetch({
      'config.json': { basemap: { type: 'style', url: `${INTRANET}/tianditu-style.json` } },
      'fonts/font-faces.json': FONTS,
    });
    const { config, notice } = await loadMapConfig(fetchImpl, PAGE);
    expect(config.basemap).toEqual(BUNDLED_BASEMAP);
    expect(notice).toContain('未获允许');
    expect(notice).toContain('bundled demo basemap');
    expect(notice).toContain(`basemap.url: ${INTRANET}/tianditu-style.json: ${INTRANET} is not`);
    expect(requested.some((u) => u.startsWith(INTRANET))).toBe(false);
  });

  it('refuses an external GeoJSON basemap that is not allowed', async () => {
    const { fetchImpl } = createFetch({
      'config.json': {
        allowedOrigins: [INTRANET],
        basemap: { type: 'geojson', url: 'https://evil.example/provinces.geojson' },
      },
      'fonts/font-faces.json': FONTS,
    });
    const { config, notice } = await loadMapConfig(fetchImpl, PAGE);
    expect(config.basemap).toEqual(BUNDLED_BASEMAP);
    expect(notice).toContain('https://evil.example is not listed');
  });

  it('keeps an allowed style but leaves out a province file on a host not allowed', async () => {
    const { fetchImpl } = createFetch({
      'config.json': {
        allowedOrigins: [INTRANET],
        basemap: {
          type: 'style',
          url: `${INTRANET}/s.json`,
          provincesUrl: 'https://evil.example/p.geojson',
        },
      },
      'fonts/font-faces.json': FONTS,
    });
    const { config, notice } = await loadMapConfig(fetchImpl, PAGE);
    expect(config.basemap).toEqual({ type: 'style', url: `${INTRANET}/s.json` });
    expect(notice).toContain('basemap.provincesUrl');
  });

  it('does not fetch a font file on a host not allowed', async () => {
    const { fetchImpl, requested } = createFetch({
      'config.json': { basemap: BUNDLED_BASEMAP, fonts: 'https://evil.example/fonts.json' },
    });
    const { config, notice } = await loadMapConfig(fetchImpl, PAGE);
    expect(config.fontFaces).toBeNull();
    expect(notice).toContain('fonts: https://evil.example/fonts.json');
    expect(requested).toEqual([CONFIG_URL]);
  });

  it('says config.json is not JSON when a server answers with its index page', async () => {
    const { fetchImpl } = createFetch({
      'config.json': new NotJson('<!doctype html>'),
      'fonts/font-faces.json': FONTS,
    });
    const { config, notice } = await loadMapConfig(fetchImpl, PAGE);
    expect(config.basemap).toEqual(BUNDLED_BASEMAP);
    expect(notice).toContain('config.json: not valid JSON');
  });

  it('uses the font file the config names', async () => {
    const { fetchImpl, requested } = createFetch({
      'config.json': { basemap: BUNDLED_BASEMAP, fonts: 'approved/fonts.json' },
      'approved/fonts.json': FONTS,
    });
    expect((await loadMapConfig(fetchImpl, PAGE)).config.fontFaces).toEqual(FONTS);
    expect(requested[1]).toBe('approved/fonts.json');
  });

  it('falls back to the bundled basemap when config.json is missing, with a notice', async () => {
    const { fetchImpl } = createFetch({ 'config.json': 404, 'fonts/font-faces.json': FONTS });
    const { config, notice } = await loadMapConfig(fetchImpl, PAGE);
    expect(config).toEqual({ basemap: BUNDLED_BASEMAP, fontFaces: FONTS, allowedOrigins: [] });
    expect(notice).toContain('config.json: HTTP 404');
  });

  it('falls back to the bundled basemap when config.json is invalid, naming the field', async () => {
    const { fetchImpl } = createFetch({
      'config.json': { basemap: { type: 'tiles' } },
      'fonts/font-faces.json': FONTS,
    });
    const { config, notice } = await loadMapConfig(fetchImpl, PAGE);
    expect(config.basemap).toEqual(BUNDLED_BASEMAP);
    expect(notice).toContain('basemap.type');
  });

  it('keeps the basemap but draws with local fonts when the font file fails', async () => {
    const { fetchImpl } = createFetch({ 'config.json': { basemap: BUNDLED_BASEMAP } });
    const { config, notice } = await loadMapConfig(fetchImpl, PAGE);
    expect(config).toEqual({ basemap: BUNDLED_BASEMAP, fontFaces: null, allowedOrigins: [] });
    expect(notice).toContain('Failed to fetch fonts/font-faces.json');
  });

  it('rejects a font file without the label font and says so', async () => {
    const { fetchImpl } = createFetch({
      'config.json': { basemap: BUNDLED_BASEMAP },
      'fonts/font-faces.json': { Other: [{ url: 'a.woff2' }] },
    });
    const { config, notice } = await loadMapConfig(fetchImpl, PAGE);
    expect(config.fontFaces).toBeNull();
    expect(notice).toContain(`no faces for the label font "${LABEL_FONT}"`);
  });
});
