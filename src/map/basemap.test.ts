import { readFileSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseProvinceBasemap } from './basemap';

const square = {
  type: 'Polygon',
  coordinates: [
    [
      [0, 0],
      [1, 0],
      [1, 1],
      [0, 0],
    ],
  ],
};

describe('parseProvinceBasemap()', () => {
  it('accepts province polygons keyed by provinceZh, keeping extra properties', () => {
    const raw = {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { provinceZh: '江苏', code: 32 }, geometry: square },
      ],
    };
    const out = parseProvinceBasemap(raw);
    expect(out.error).toBeNull();
    expect(out.basemap?.features[0]?.properties).toEqual({ provinceZh: '江苏', code: 32 });
  });

  it.each([
    [
      'a feature without provinceZh',
      { properties: {}, geometry: square },
      'features.0.properties.provinceZh',
    ],
    [
      'a point instead of a polygon',
      { properties: { provinceZh: '江苏' }, geometry: { type: 'Point', coordinates: [1, 2] } },
      'features.0.geometry.type',
    ],
  ])('rejects %s and names the field', (_, feature, where) => {
    const out = parseProvinceBasemap({
      type: 'FeatureCollection',
      features: [{ type: 'Feature', ...feature }],
    });
    expect(out.basemap).toBeNull();
    expect(out.error).toContain(`${where}:`);
  });
});

describe('static/basemap/china-provinces.geojson', () => {
  const file = new URL('../../static/basemap/china-provinces.geojson', import.meta.url);
  const parsed = parseProvinceBasemap(JSON.parse(readFileSync(file, 'utf8')));
  const features = parsed.basemap?.features ?? [];
  const byZh = new Map(features.map((f) => [f.properties.provinceZh, f]));

  it('parses and stays small enough to ship (≤ 1.2 MB)', () => {
    expect(parsed.error).toBeNull();
    expect(statSync(file).size).toBeLessThanOrEqual(1_200_000);
  });

  it('has the 34 province-level units once each, Taiwan, Hong Kong and Macao included', () => {
    expect(features).toHaveLength(34);
    expect(byZh.size).toBe(34);
    for (const [zh, iso] of [
      ['台湾', 'CN-TW'],
      ['香港', 'CN-HK'],
      ['澳门', 'CN-MO'],
      ['海南', 'CN-HI'],
      ['内蒙古', 'CN-NM'],
      ['广西', 'CN-GX'],
    ]) {
      expect(byZh.get(zh ?? '')?.properties.iso, zh).toBe(iso);
    }
  });

  it('uses the province names of data/chains.json, Chinese and English', () => {
    const chains = JSON.parse(
      readFileSync(new URL('../../data/chains.json', import.meta.url), 'utf8'),
    ) as { cities: { provinceZh: string; provinceEn: string }[] };
    const provinces = new Map(chains.cities.map((c) => [c.provinceZh, c.provinceEn]));
    expect(provinces.size).toBe(20);
    for (const [zh, en] of provinces) {
      expect(byZh.get(zh)?.properties.provinceEn, zh).toBe(en);
    }
  });

  it('draws the South China Sea islands with Hainan (Paracels near 16.5°N, Spratlys near 10°N)', () => {
    const hainan = JSON.stringify(byZh.get('海南')?.geometry.coordinates);
    const lats = [...hainan.matchAll(/\[(\d+\.?\d*),(\d+\.?\d*)\]/g)].map((m) => Number(m[2]));
    expect(lats.some((lat) => lat > 15.7 && lat < 17)).toBe(true);
    expect(lats.some((lat) => lat > 9 && lat < 11.5)).toBe(true);
  });

  it('gives every unit a label point inside China’s box, coordinates at 3 decimals', () => {
    for (const f of features) {
      const { labelLon = NaN, labelLat = NaN, provinceZh } = f.properties;
      expect(labelLon, provinceZh).toBeGreaterThan(73);
      expect(labelLon, provinceZh).toBeLessThan(135.2);
      expect(labelLat, provinceZh).toBeGreaterThan(18);
      expect(labelLat, provinceZh).toBeLessThan(53.6);
    }
    const sample = JSON.stringify(features[0]?.geometry.coordinates);
    expect(sample).not.toMatch(/\.\d{4,}/);
  });
});
