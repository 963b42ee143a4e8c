/**
 * The South China Sea inset (南海诸岛) drawn beside a map whose view leaves the islands out: maps
 * of China published in China must show them, in the view or in an inset in a lower corner. The
 * outlines come from the same province file as the map (its Hainan feature holds the islands);
 * this module only projects them into a small SVG (pure, no DOM).
 */
import type { BasemapConfig } from './map-config';

/** The inset's extent (lon/lat): the South China Sea down to the Nansha Islands. */
export const INSET_BOUNDS = { west: 106, east: 122, south: 7, north: 24 } as const;

type Position = readonly number[];
type Ring = readonly Position[];

/**
 * SVG path data of the polygons of a GeoJSON geometry inside the inset's extent, projected
 * equirectangularly (longitudes shortened by cos 15.5°, the extent's middle) into a box `width` px
 * wide; points closer than `minStep` px to the last kept one are dropped, and an island smaller
 * than that is drawn as a 1.6 px square so that it stays visible. Rings wholly outside the extent
 * are skipped.
 * @example insetPath({ type: 'Polygon', coordinates: [[[110, 20], [111, 20], [111, 19], [110, 20]]] }, 100)
 * // 'M25,25.9L31.3,25.9L31.3,32.4L25,25.9Z' (rounded to 0.1 px)
 */
export function insetPath(
  geometry: { type: string; coordinates?: unknown },
  width: number,
  minStep = 0.6,
): string {
  const polygons: Ring[][] =
    geometry.type === 'Polygon'
      ? [geometry.coordinates as Ring[]]
      : geometry.type === 'MultiPolygon'
        ? (geometry.coordinates as Ring[][])
        : [];
  const { west, east, south, north } = INSET_BOUNDS;
  const k = width / ((east - west) * Math.cos((((south + north) / 2) * Math.PI) / 180));
  const xScale = k * Math.cos((((south + north) / 2) * Math.PI) / 180);
  const project = (p: Position): [number, number] => [
    Math.round((Number(p[0]) - west) * xScale * 10) / 10,
    Math.round((north - Number(p[1])) * k * 10) / 10,
  ];
  const parts: string[] = [];
  for (const rings of polygons) {
    for (const ring of rings) {
      const inside = ring.some((p) => {
        const lon = Number(p[0]);
        const lat = Number(p[1]);
        return lon >= west && lon <= east && lat >= south && lat <= north;
      });
      if (!inside) continue;
      const kept: [number, number][] = [];
      for (const p of ring) {
        const xy = project(p);
        const last = kept[kept.length - 1];
        if (last && Math.hypot(xy[0] - last[0], xy[1] - last[1]) < minStep) continue;
        kept.push(xy);
      }
      const first = kept[0];
      if (!first) continue;
      if (kept.length < 3) {
        const r = (n: number) => Math.round(n * 10) / 10;
        parts.push(`M${r(first[0] - 0.8)},${r(first[1] - 0.8)}h1.6v1.6h-1.6Z`);
        continue;
      }
      parts.push(`${kept.map(([x, y], i) => `${i === 0 ? 'M' : 'L'}${x},${y}`).join('')}Z`);
    }
  }
  return parts.join('');
}

/** The inset's height for a width, px (the extent's proportions). */
export function insetHeight(width: number): number {
  const { west, east, south, north } = INSET_BOUNDS;
  const k = width / ((east - west) * Math.cos((((south + north) / 2) * Math.PI) / 180));
  return Math.round((north - south) * k);
}

/**
 * The province file an inset draws from: the map's own (the bundled or configured GeoJSON, or a
 * deployer style's `provincesUrl`); null when a style brings no province file.
 * @example insetSource({ type: 'geojson', url: 'basemap/china-provinces.geojson' }) // 'basemap/china-provinces.geojson'
 */
export function insetSource(basemap: BasemapConfig | undefined): string | null {
  if (!basemap) return null;
  return basemap.type === 'geojson' ? basemap.url : (basemap.provincesUrl ?? null);
}
