import { describe, expect, it } from 'vitest';
import { LABEL_FONT } from './font-faces';
import { CONFIG_URL, loadMapConfig } from './load-config';
import { BUNDLED_BASEMAP } from './map-config';

const FONTS = { [LABEL_FONT]: [{ url: 'fonts/a.woff2', 'unicode-range': ['U+4E00-9FFF'] }] };

/** A fetch that answers from a table of URL → JSON body (a number is an HTTP error status). */
function createFetch(table: Record<string, unknown>) {
  const requested: string[] = [];
  const fetchImpl = (url: string) => {
    requested.push(url);
    const body = table[url];
    if (body === undefined) return Promise.reject(new TypeError(`Failed to fetch ${url}`));
    const status = typeof body === 'number' ? body : 200;
    return Promise.resolve({ ok: status === 200, status, json: () => Promise.resolve(body) });
  };
  return { fetchImpl, requested };
}

describe('loadMapConfig()', () => {
  it('reads config.json then the default font file, both relative to the page', async () => {
    const style = { type: 'style', url: 'https://intranet.example/s.json' };
    const { fetchImpl, requested } = createFetch({
      'config.json': { basemap: style },
      'fonts/font-faces.json': FONTS,
    });
    expect(await loadMapConfig(fetchImpl)).toEqual({
      config: { basemap: style, fontFaces: FONTS },
      notice: null,
    });
    expect(requested).toEqual([CONFIG_URL, 'fonts/font-faces.json']);
  });

  it('uses the font file the config names', async () => {
    const { fetchImpl, requested } = createFetch({
      'config.json': { basemap: BUNDLED_BASEMAP, fonts: 'approved/fonts.json' },
      'approved/fonts.json': FONTS,
    });
    expect((await loadMapConfig(fetchImpl)).config.fontFaces).toEqual(FONTS);
    expect(requested[1]).toBe('approved/fonts.json');
  });

  it('falls back to the bundled basemap when config.json is missing, with a notice', async () => {
    const { fetchImpl } = createFetch({ 'config.json': 404, 'fonts/font-faces.json': FONTS });
    const { config, notice } = await loadMapConfig(fetchImpl);
    expect(config).toEqual({ basemap: BUNDLED_BASEMAP, fontFaces: FONTS });
    expect(notice).toContain('config.json: HTTP 404');
  });

  it('falls back to the bundled basemap when config.json is invalid, naming the field', async () => {
    const { fetchImpl } = createFetch({
      'config.json': { basemap: { type: 'tiles' } },
      'fonts/font-faces.json': FONTS,
    });
    const { config, notice } = await loadMapConfig(fetchImpl);
    expect(config.basemap).toEqual(BUNDLED_BASEMAP);
    expect(notice).toContain('basemap.type');
  });

  it('keeps the basemap but draws with local fonts when the font file fails', async () => {
    const { fetchImpl } = createFetch({ 'config.json': { basemap: BUNDLED_BASEMAP } });
    const { config, notice } = await loadMapConfig(fetchImpl);
    expect(config).toEqual({ basemap: BUNDLED_BASEMAP, fontFaces: null });
    expect(notice).toContain('Failed to fetch fonts/font-faces.json');
  });

  it('rejects a font file without the label font and says so', async () => {
    const { fetchImpl } = createFetch({
      'config.json': { basemap: BUNDLED_BASEMAP },
      'fonts/font-faces.json': { Other: [{ url: 'a.woff2' }] },
    });
    const { config, notice } = await loadMapConfig(fetchImpl);
    expect(config.fontFaces).toBeNull();
    expect(notice).toContain(`no faces for the label font "${LABEL_FONT}"`);
  });
});
