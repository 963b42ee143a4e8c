import { describe, expect, it } from 'vitest';
import { insetHeight, insetPath, insetSource } from './inset';

describe('South China Sea inset', () => {
  // 100 px for 16° of longitude: 6.25 px per degree east; 6.25 / cos 15.5° = 6.486 px per degree north.
  it('projects a polygon inside the extent (rounded to 0.1 px)', () => {
    const square = {
      type: 'Polygon',
      coordinates: [
        [
          [110, 20],
          [111, 20],
          [111, 19],
          [110, 20],
        ],
      ],
    };
    // (110 − 106) × 6.25 = 25; (24 − 20) × 6.486 = 25.94 → 25.9; (111 − 106) × 6.25 = 31.25 → 31.3;
    // (24 − 19) × 6.486 = 32.43 → 32.4
    expect(insetPath(square, 100)).toBe('M25,25.9L31.3,25.9L31.3,32.4L25,25.9Z');
  });

  it('leaves out rings wholly outside the extent and points closer than the step', () => {
    const multi = {
      type: 'MultiPolygon',
      coordinates: [
        [
          [
            [80, 40],
            [81, 40],
            [80, 41],
            [80, 40],
          ],
        ],
        [
          [
            [114, 10],
            [114.01, 10],
            [114.5, 10],
            [114, 10],
          ],
        ],
      ],
    };
    // Only the Nansha ring: (114 − 106) × 6.25 = 50, (24 − 10) × 6.486 = 90.8; 114.01 is
    // 0.06 px from 114 (dropped); 114.5 → 53.1.
    expect(insetPath(multi, 100)).toBe('M50,90.8L53.1,90.8L50,90.8Z');
  });

  it('draws an island smaller than a step as a 1.6 px square', () => {
    const islet = {
      type: 'Polygon',
      coordinates: [
        [
          [112.33, 16.82],
          [112.34, 16.82],
          [112.34, 16.84],
          [112.33, 16.82],
        ],
      ],
    };
    // (112.33 − 106) × 6.25 = 39.56 → 39.6; (24 − 16.82) × 6.486 = 46.57 → 46.6; square from −0.8.
    expect(insetPath(islet, 100)).toBe('M38.8,45.8h1.6v1.6h-1.6Z');
  });

  it('is as tall as the extent is long: 17° × 6.486 px', () => {
    expect(insetHeight(100)).toBe(110);
  });
});

describe('insetSource', () => {
  it("draws from the map's own province file, or none for a style without one", () => {
    expect(insetSource({ type: 'geojson', url: 'basemap/a.geojson' })).toBe('basemap/a.geojson');
    expect(
      insetSource({ type: 'style', url: 'https://gis.intranet/s.json', provincesUrl: 'p.geojson' }),
    ).toBe('p.geojson');
    expect(insetSource({ type: 'style', url: 'https://gis.intranet/s.json' })).toBeNull();
    expect(insetSource(undefined)).toBeNull();
  });
});
