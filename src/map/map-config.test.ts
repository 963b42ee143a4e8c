import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BUNDLED_BASEMAP, parseMapConfig } from './map-config';

describe('parseMapConfig()', () => {
  it('accepts the bundled GeoJSON basemap', () => {
    const raw = { basemap: { type: 'geojson', url: 'basemap/china-provinces.geojson' } };
    expect(parseMapConfig(raw)).toEqual({ config: raw, notice: null });
  });

  it('accepts a deployer’s style URL with an optional province layer and font file', () => {
    const raw = {
      basemap: {
        type: 'style',
        url: 'https://intranet.example/tianditu-style.json',
        provincesUrl: 'approved/provinces.geojson',
      },
      fonts: 'fonts/font-faces.json',
    };
    expect(parseMapConfig(raw)).toEqual({ config: raw, notice: null });
  });

  it('accepts allowed origins and writes them as origins', () => {
    const raw = {
      allowedOrigins: ['https://gis.intranet/', 'http://10.0.0.7:8080'],
      basemap: { type: 'style', url: 'https://gis.intranet/s.json' },
    };
    expect(parseMapConfig(raw).config.allowedOrigins).toEqual([
      'https://gis.intranet',
      'http://10.0.0.7:8080',
    ]);
  });

  it.each([
    ['an unknown type', { basemap: { type: 'wms', url: 'x' } }, 'basemap.type'],
    ['a missing URL', { basemap: { type: 'geojson' } }, 'basemap.url'],
    [
      'a javascript: URL',
      { basemap: { type: 'style', url: 'javascript:alert(1)' } },
      'basemap.url',
    ],
    [
      'a protocol-relative URL',
      { basemap: { type: 'style', url: '//cdn.example/s.json' } },
      'basemap.url',
    ],
    ['an unknown basemap key', { basemap: { type: 'geojson', url: 'a', tiles: [] } }, 'basemap'],
    ['no object at all', 'geojson', '(root)'],
    [
      'an allowed origin with a path',
      { allowedOrigins: ['https://gis.intranet/tiles'], basemap: { type: 'geojson', url: 'a' } },
      'allowedOrigins.0',
    ],
    [
      'a wildcard origin',
      { allowedOrigins: ['*'], basemap: { type: 'geojson', url: 'a' } },
      'allowedOrigins.0',
    ],
  ])(
    'parseMapConfig() falls back to the bundled basemap on %s and names the field',
    (_, raw, field) => {
      const { config, notice } = parseMapConfig(raw);
      expect(config).toEqual({ basemap: BUNDLED_BASEMAP });
      expect(notice).toContain('内置示意底图');
      expect(notice).toContain('bundled demo basemap');
      expect(notice).toContain(`${field}:`);
    },
  );

  it('the shipped static/config.json selects the bundled basemap and allows no other host', () => {
    const raw: unknown = JSON.parse(
      readFileSync(new URL('../../static/config.json', import.meta.url), 'utf8'),
    );
    expect(parseMapConfig(raw)).toEqual({
      config: { allowedOrigins: [], basemap: BUNDLED_BASEMAP },
      notice: null,
    });
  });
});
