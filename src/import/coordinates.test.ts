import { describe, expect, it } from 'vitest';
import type { City } from '../domain/schema';
import { checkPoint, haversineKm, nearestCity, parseDegrees, toWgs84 } from './coordinates';
import type { ParseResult } from './issues';
import { loadDemoReference } from './test-support';

const cities = loadDemoReference().cities;
const cityOf = (id: string): City => {
  const c = cities.find((x) => x.id === id);
  if (!c) throw new Error(`no city ${id}`);
  return c;
};
const changzhou = cityOf('changzhou'); // 31.7736, 119.954

const codesOf = <T extends { notes: { code: string }[] }>(r: ParseResult<T>) =>
  r.ok ? r.value.notes.map((n) => n.code) : [r.code];

describe('parseDegrees()', () => {
  it.each([
    ['119.954', 119.954, 3],
    ['119.9540°', 119.954, 4],
    ['119.954E', 119.954, 3],
    ['N31.7736', 31.7736, 4],
    ['１１９．９５４', 119.954, 3],
    ['120', 120, 0],
    // 120 + 17/60 + 19/3600 = 120.288611…
    ['120°17′19″E', 120 + 17 / 60 + 19 / 3600, 4],
    ['120°17\'19"E', 120 + 17 / 60 + 19 / 3600, 4],
    ['31度46分25秒', 31 + 46 / 60 + 25 / 3600, 4],
    ['东经120°17′', 120 + 17 / 60, 2],
    ['31°46′25″S', -(31 + 46 / 60 + 25 / 3600), 4],
  ])('reads %j', (raw, deg, decimals) => {
    const r = parseDegrees(raw);
    expect(r.ok).toBe(true);
    if (r.ok && r.value) {
      expect(r.value.value).toBeCloseTo(deg, 9);
      expect(r.value.decimals).toBe(decimals);
    }
  });

  it('gives null for blank, never 0', () => {
    expect(parseDegrees('')).toEqual({ ok: true, value: null });
  });

  it.each(['abc', '120°75′', '1.2.3', '120°17′61″'])('rejects %j with E_BAD_COORD', (raw) => {
    expect(parseDegrees(raw)).toMatchObject({ ok: false, code: 'E_BAD_COORD' });
  });
});

describe('haversineKm()', () => {
  it('is 0 for the same point and ≈ 39 km from Changzhou to Wuxi', () => {
    expect(haversineKm(31.7736, 119.954, 31.7736, 119.954)).toBe(0);
    expect(haversineKm(31.7736, 119.954, 31.5689, 120.2886)).toBeCloseTo(39, 0);
  });

  it('is about 111.2 km per degree of latitude', () => {
    expect(haversineKm(30, 120, 31, 120)).toBeCloseTo(111.2, 1);
  });
});

describe('toWgs84()', () => {
  it('passes WGS-84 through', () => {
    expect(toWgs84(31.7736, 119.954, 'WGS84')).toEqual({ lat: 31.7736, lon: 119.954 });
  });

  it.each([
    ['GCJ02', 0.1, 0.8],
    ['BD09', 0.5, 1.6],
  ] as const)('moves a %s point in China by %s–%s km', (crs, minKm, maxKm) => {
    const p = toWgs84(31.7736, 119.954, crs);
    const km = haversineKm(p.lat, p.lon, 31.7736, 119.954);
    expect(km).toBeGreaterThan(minKm);
    expect(km).toBeLessThan(maxKm);
  });
});

describe('checkPoint()', () => {
  it('gives no point and no note when both cells are blank', () => {
    expect(checkPoint({ lat: '', lon: '' })).toEqual({
      ok: true,
      value: { point: null, notes: [] },
    });
  });

  it('accepts a point near its city without notes', () => {
    expect(checkPoint({ lat: '31.7101', lon: '119.9712', city: changzhou })).toEqual({
      ok: true,
      value: { point: { lat: 31.7101, lon: 119.9712 }, notes: [] },
    });
  });

  it('ignores a half point with W_COORD_INCOMPLETE', () => {
    const r = checkPoint({ lat: '31.77', lon: '' });
    expect(r.ok && r.value.point).toBe(null);
    expect(codesOf(r)).toEqual(['W_COORD_INCOMPLETE']);
  });

  it('swaps latitude and longitude back with W_COORD_SWAPPED and the swapped suggestion', () => {
    const r = checkPoint({ lat: '119.9612', lon: '31.7801', city: changzhou });
    expect(r.ok && r.value.point).toEqual({ lat: 31.7801, lon: 119.9612 });
    expect(codesOf(r)).toEqual(['W_COORD_SWAPPED']);
    expect(r.ok && r.value.notes[0]?.suggestion).toBe('lat=31.7801, lon=119.9612');
  });

  it.each([
    ['0', '0'],
    ['48.85', '2.35'], // Paris
    ['60', '120'],
    ['31.77', '140'],
  ])('rejects lat %s lon %s with E_COORD_RANGE', (lat, lon) => {
    expect(codesOf(checkPoint({ lat, lon }))).toEqual(['E_COORD_RANGE']);
  });

  it('warns below 18.1° (South China Sea) with W_COORD_SOUTH', () => {
    expect(codesOf(checkPoint({ lat: '16.83', lon: '112.33' }))).toEqual(['W_COORD_SOUTH']);
  });

  it('notes fewer than 2 decimals with I_COORD_PRECISION', () => {
    expect(codesOf(checkPoint({ lat: '31.8', lon: '120', city: changzhou }))).toEqual([
      'I_COORD_PRECISION',
    ]);
  });

  it('warns more than 150 km from the stated city with W_COORD_FAR', () => {
    // Wuhan (30.5833, 114.2667) is ~ 550 km from Changzhou.
    const r = checkPoint({ lat: '30.5833', lon: '114.2667', city: changzhou });
    expect(codesOf(r)).toEqual(['W_COORD_FAR']);
  });

  it('does not warn at 140 km', () => {
    // 1.259° of latitude ≈ 140 km due north of Changzhou.
    const r = checkPoint({ lat: String(31.7736 + 1.259), lon: '119.954', city: changzhou });
    expect(codesOf(r)).toEqual([]);
  });

  it('converts GCJ-02 input to WGS-84 before the checks', () => {
    const r = checkPoint({ lat: '31.7736', lon: '119.954', crs: 'GCJ02' });
    const expected = toWgs84(31.7736, 119.954, 'GCJ02');
    expect(r.ok && r.value.point?.lat).toBeCloseTo(expected.lat, 6);
    expect(r.ok && r.value.point?.lon).toBeCloseTo(expected.lon, 6);
    expect(r.ok && r.value.point?.lon).not.toBe(119.954);
  });

  it('passes on a parse error of either cell', () => {
    expect(checkPoint({ lat: 'north', lon: '120' })).toMatchObject({
      ok: false,
      code: 'E_BAD_COORD',
    });
  });
});

describe('nearestCity()', () => {
  it('finds Changzhou for a point in Wujin', () => {
    const near = nearestCity(cities, 31.7101, 119.9712);
    expect(near?.city.id).toBe('changzhou');
    expect(near?.km).toBeCloseTo(7.2, 0);
  });

  it('is undefined without cities', () => {
    expect(nearestCity([], 31, 120)).toBeUndefined();
  });
});
