import { describe, expect, it } from 'vitest';
import {
  degreesPerPixel,
  enterprisePoints,
  offsetLngLat,
  ringCount,
  ringOffsets,
  RING_SPACING_PX,
} from './ring-layout';

const S3 = 8.660254; // 10 · sin 60°, rounded to 6 decimals like ringOffsets

describe('ringOffsets()', () => {
  it('ringOffsets(0) is empty', () => {
    expect(ringOffsets(0)).toEqual([]);
  });

  it('ringOffsets(1) puts the one item due north on the first ring', () => {
    expect(ringOffsets(1)).toEqual([[0, RING_SPACING_PX]]);
  });

  it('ringOffsets(2) spreads a partial ring evenly: north and south', () => {
    expect(ringOffsets(2)).toEqual([
      [0, 10],
      [0, -10],
    ]);
  });

  it('ringOffsets(6) is a hexagon clockwise from north', () => {
    expect(ringOffsets(6)).toEqual([
      [0, 10],
      [S3, 5],
      [S3, -5],
      [0, -10],
      [-S3, -5],
      [-S3, 5],
    ]);
  });

  it('ringOffsets(7) starts the second ring (radius 20) due north', () => {
    const out = ringOffsets(7);
    expect(out).toHaveLength(7);
    expect(out[6]).toEqual([0, 20]);
  });

  it('ringOffsets(18) fills rings of 6 and 12; slot 8 is 30° round the second ring', () => {
    const out = ringOffsets(18);
    expect(out[7]).toEqual([10, 17.320508]);
  });

  it('ringOffsets(36) has 6, 12 and 18 items at radius 10, 20 and 30', () => {
    const radii = ringOffsets(36).map(([x, y]) => Math.round(Math.hypot(x, y)));
    expect(radii.filter((r) => r === 10)).toHaveLength(6);
    expect(radii.filter((r) => r === 20)).toHaveLength(12);
    expect(radii.filter((r) => r === 30)).toHaveLength(18);
  });

  it('ringOffsets({spacingPx, firstRingSlots}) scales the rings and their size', () => {
    expect(ringOffsets(1, { spacingPx: 4 })).toEqual([[0, 4]]);
    const out = ringOffsets(5, { firstRingSlots: 4 });
    expect(out[4]).toEqual([0, 20]);
  });

  it('ringOffsets({sector}) uses the centres of equal arcs of the sector', () => {
    expect(ringOffsets(3, { sector: { center: 0, sweep: 180 } })).toEqual([
      [-S3, 5],
      [0, 10],
      [S3, 5],
    ]);
  });

  it('a northern half-ring keeps 200 items strictly north of the centre', () => {
    const out = ringOffsets(200, { sector: { center: 0, sweep: 180 } });
    expect(out).toHaveLength(200);
    expect(out.every(([, y]) => y > 0)).toBe(true);
    expect(new Set(out.map(([x, y]) => `${x},${y}`)).size).toBe(200);
  });

  it.each([-1, 1.5, Number.NaN])('ringOffsets(%s) rejects an invalid count', (n) => {
    expect(() => ringOffsets(n)).toThrow(`invalid ring count: ${n}`);
  });

  it('no two slots coincide for 200 items', () => {
    const keys = new Set(ringOffsets(200).map(([x, y]) => `${x},${y}`));
    expect(keys.size).toBe(200);
  });
});

describe('ringCount()', () => {
  it.each([
    [0, 0],
    [1, 1],
    [6, 1],
    [7, 2],
    [18, 2],
    [19, 3],
    [36, 3],
    [37, 4],
  ])('%d items need %d rings', (n, rings) => {
    expect(ringCount(n)).toBe(rings);
  });

  it('a half-ring holds half the slots: 3, 6, 9 …', () => {
    const half = { sector: { center: 0, sweep: 180 } };
    expect(ringCount(3, half)).toBe(1);
    expect(ringCount(4, half)).toBe(2);
    expect(ringCount(18, half)).toBe(3);
    expect(ringCount(19, half)).toBe(4);
  });

  it('agrees with the rings ringOffsets() fills', () => {
    const outer = Math.max(...ringOffsets(37).map(([x, y]) => Math.hypot(x, y)));
    expect(Math.round(outer)).toBe(ringCount(37) * 10);
  });
});

describe('pixel offsets to degrees', () => {
  it('degreesPerPixel(0) is 360° over a 512-px world; zoom 8 is 256 times finer', () => {
    expect(degreesPerPixel(0)).toBe(0.703125);
    expect(degreesPerPixel(8)).toBe(0.00274658203125);
  });

  it('offsetLngLat() shrinks the latitude step by cos(lat) (Mercator)', () => {
    const [lon, lat] = offsetLngLat(120, 60, [10, 10], 8);
    expect(lon).toBeCloseTo(120.0274658203125, 12);
    expect(lat).toBeCloseTo(60.01373291015625, 12);
  });
});

describe('enterprisePoints()', () => {
  const cities = new Map([
    ['c', { lon: 120, lat: 0 }],
    ['d', { lon: 100, lat: 30 }],
  ]);

  it('hands out ring slots in id order, whatever the input order', () => {
    const { points } = enterprisePoints(
      [
        { id: 'b', cityId: 'c' },
        { id: 'a', cityId: 'c' },
      ],
      cities,
    );
    const a = points.find((p) => p.id === 'a');
    const b = points.find((p) => p.id === 'b');
    expect(a?.lon).toBeCloseTo(120, 12);
    expect(a?.lat).toBeCloseTo(0.0274658203125, 12);
    expect(b?.lat).toBeCloseTo(-0.0274658203125, 12);
    expect(a?.placement).toBe('ring');
  });

  it('keeps an enterprise’s own coordinates and leaves the ring to the others', () => {
    const { points } = enterprisePoints(
      [
        { id: 'own', cityId: 'c', lat: 31.3, lon: 120.6 },
        { id: 'x', cityId: 'c' },
      ],
      cities,
    );
    expect(points.find((p) => p.id === 'own')).toEqual({
      id: 'own',
      lon: 120.6,
      lat: 31.3,
      placement: 'own',
    });
    // x is alone on the ring: due north
    expect(points.find((p) => p.id === 'x')?.lat).toBeCloseTo(0.0274658203125, 12);
  });

  it('an enterprise with only a latitude goes on its city ring', () => {
    const { points } = enterprisePoints([{ id: 'half', cityId: 'd', lat: 10 }], cities);
    expect(points[0]?.placement).toBe('ring');
    expect(points[0]?.lon).toBeCloseTo(100, 12);
  });

  it('an enterprise of an unknown city is reported, not placed', () => {
    const { points, unplaced } = enterprisePoints([{ id: 'lost', cityId: 'nowhere' }], cities);
    expect(points).toEqual([]);
    expect(unplaced).toEqual(['lost']);
  });

  it('opens Shenzhen’s rings to the north, away from Hong Kong, by default', () => {
    const sz = new Map([['shenzhen', { lon: 114.0683, lat: 22.5455 }]]);
    const many = Array.from({ length: 120 }, (_, i) => ({ id: `e${i}`, cityId: 'shenzhen' }));
    const { points } = enterprisePoints(many, sz);
    expect(points.every((p) => p.lat > 22.5455)).toBe(true);
    const full = enterprisePoints(many, sz, { sectors: new Map() });
    expect(full.points.some((p) => p.lat < 22.5455)).toBe(true);
  });

  it('does not mutate its input', () => {
    const input = Object.freeze([
      Object.freeze({ id: 'b', cityId: 'c' }),
      Object.freeze({ id: 'a', cityId: 'c' }),
    ]);
    enterprisePoints(input, cities);
    expect(input.map((e) => e.id)).toEqual(['b', 'a']);
  });
});
