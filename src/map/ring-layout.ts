/**
 * Schematic ring layout (domain.md §9.2): enterprises without coordinates of their own are drawn
 * on concentric rings around their city point — 6 on the first ring, 12 on the second, 18 … —
 * never at invented street positions. An enterprise that brings its own lat/lon (an import) keeps it.
 *
 * Offsets are in screen pixels at a reference zoom (RING_REFERENCE_ZOOM), x east and y north, and
 * are turned into fixed geographic offsets: the ring then grows with the map as the user zooms in,
 * so the circles (fixed pixel radius) separate instead of piling up. Fixed pixel offsets would need
 * a per-feature `circle-translate`, which maplibre does not support.
 */

/** Zoom at which ring offsets are given in pixels (maplibre 512-px tiles). */
export const RING_REFERENCE_ZOOM = 8;
/** Distance between rings (and first ring radius) in pixels at the reference zoom. */
export const RING_SPACING_PX = 10;
/** Slots on the first ring; ring k holds k × this many. */
export const FIRST_RING_SLOTS = 6;

/** A part of the ring: centre bearing (degrees clockwise from north) and width in degrees. */
export interface RingSector {
  center: number;
  sweep: number;
}

export interface RingOptions {
  spacingPx?: number;
  firstRingSlots?: number;
  /** Lay the rings out over this sector only (default: the whole circle). */
  sector?: RingSector;
}

/**
 * Cities whose point lies a few kilometres from the boundary of a special administrative region:
 * their rings open to the north only, so that no enterprise of Shenzhen is drawn inside Hong Kong
 * and none of Zhuhai inside Macao.
 */
export const DEFAULT_RING_SECTORS: ReadonlyMap<string, RingSector> = new Map([
  ['shenzhen', { center: 0, sweep: 180 }],
  ['zhuhai', { center: 0, sweep: 180 }],
]);

/** Slots on ring k: k × 6 around the whole circle, the matching share of it for a sector. */
function slotsOnRing(ring: number, opts: RingOptions): number {
  const full = (opts.firstRingSlots ?? FIRST_RING_SLOTS) * ring;
  const sweep = opts.sector?.sweep ?? 360;
  return sweep >= 360 ? full : Math.max(1, Math.round((full * sweep) / 360));
}

const round6 = (v: number) => Math.round(v * 1e6) / 1e6 + 0; // + 0 turns -0 into 0

/**
 * Offsets [dx, dy] (pixels at the reference zoom, y north) for n items on concentric rings: ring k
 * has radius k × spacing and k × 6 slots, starting due north and going clockwise. A last ring that
 * is not full spreads its items evenly around the whole ring. With a sector, each ring holds its
 * share of the slots, placed at the centres of equal arcs of the sector.
 * @example ringOffsets(2) // [[0, 10], [0, -10]]
 * @example ringOffsets(7).length // 7: a full first ring of 6, then one due north on ring 2 ([0, 20])
 * @example ringOffsets(3, { sector: { center: 0, sweep: 180 } }) // [[-8.660254, 5], [0, 10], [8.660254, 5]]
 */
export function ringOffsets(n: number, opts: RingOptions = {}): [number, number][] {
  if (!Number.isInteger(n) || n < 0) throw new Error(`invalid ring count: ${n}`);
  const spacing = opts.spacingPx ?? RING_SPACING_PX;
  const sector = opts.sector && opts.sector.sweep < 360 ? opts.sector : null;
  const out: [number, number][] = [];
  for (let ring = 1; out.length < n; ring++) {
    const slots = Math.min(slotsOnRing(ring, opts), n - out.length);
    const r = ring * spacing;
    for (let i = 0; i < slots; i++) {
      const degrees = sector
        ? sector.center - sector.sweep / 2 + (sector.sweep * (i + 0.5)) / slots
        : (360 * i) / slots;
      const angle = (degrees * Math.PI) / 180;
      out.push([round6(r * Math.sin(angle)), round6(r * Math.cos(angle))]);
    }
  }
  return out;
}

/**
 * Rings needed for n items: the smallest k with 6 + 12 + … + 6k ≥ n (or the sector's share).
 * @example ringCount(0) // 0; ringCount(6) // 1; ringCount(7) // 2; ringCount(18) // 2; ringCount(19) // 3
 * @example ringCount(7, { sector: { center: 0, sweep: 180 } }) // 2 (3 + 6 slots)
 */
export function ringCount(n: number, opts: RingOptions = {}): number {
  let rings = 0;
  let capacity = 0;
  while (capacity < n) {
    rings++;
    capacity += slotsOnRing(rings, opts);
  }
  return rings;
}

/** Degrees of longitude per pixel at a zoom, with maplibre's 512-px world tile. */
export const degreesPerPixel = (zoom: number): number => 360 / (512 * 2 ** zoom);

/**
 * Moves a point by a pixel offset measured at `zoom` (local Mercator scale: a degree of latitude
 * spans 1/cos(lat) times the pixels of a degree of longitude).
 * @example offsetLngLat(120, 0, [512, 0], 0) // [480, 0]: 512 px at zoom 0 is 360°
 */
export function offsetLngLat(
  lon: number,
  lat: number,
  [dx, dy]: readonly [number, number],
  zoom: number = RING_REFERENCE_ZOOM,
): [number, number] {
  const k = degreesPerPixel(zoom);
  return [lon + dx * k, lat + dy * k * Math.cos((lat * Math.PI) / 180)];
}

export interface RingPlaceable {
  id: string;
  cityId: string;
  lat?: number;
  lon?: number;
}

export interface PlacedPoint {
  id: string;
  lon: number;
  lat: number;
  /** 'own': the enterprise's coordinates; 'ring': a schematic slot around its city point. */
  placement: 'own' | 'ring';
}

/** Options of a city's rings: the shared spacing and slots, and the city's sector if it has one. */
export function cityRingOptions(
  cityId: string,
  opts: RingOptions & { sectors?: ReadonlyMap<string, RingSector> } = {},
): RingOptions {
  const sector = (opts.sectors ?? DEFAULT_RING_SECTORS).get(cityId);
  const { spacingPx, firstRingSlots } = opts;
  return { spacingPx, firstRingSlots, ...(sector ? { sector } : {}) };
}

/**
 * Positions of enterprises: own coordinates when both lat and lon are given, otherwise a ring slot
 * around the city point, slots handed out in id order within a city (so the result does not depend
 * on input order); cities in `sectors` (default DEFAULT_RING_SECTORS) use their sector only.
 * Enterprises whose city is unknown are returned in `unplaced`.
 * @example
 * enterprisePoints([{ id: 'a', cityId: 'c' }], new Map([['c', { lon: 120, lat: 0 }]]))
 * // → { points: [{ id: 'a', lon: 120, lat: 0.0274…, placement: 'ring' }], unplaced: [] }
 */
export function enterprisePoints(
  enterprises: readonly RingPlaceable[],
  cities: ReadonlyMap<string, { lon: number; lat: number }>,
  opts: RingOptions & { zoom?: number; sectors?: ReadonlyMap<string, RingSector> } = {},
): { points: PlacedPoint[]; unplaced: string[] } {
  const byCity = new Map<string, RingPlaceable[]>();
  const points: PlacedPoint[] = [];
  const unplaced: string[] = [];
  for (const e of enterprises) {
    if (e.lat !== undefined && e.lon !== undefined) {
      points.push({ id: e.id, lon: e.lon, lat: e.lat, placement: 'own' });
    } else if (!cities.has(e.cityId)) {
      unplaced.push(e.id);
    } else {
      const list = byCity.get(e.cityId);
      if (list) list.push(e);
      else byCity.set(e.cityId, [e]);
    }
  }
  for (const [cityId, members] of byCity) {
    const city = cities.get(cityId);
    if (!city) continue;
    const sorted = [...members].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const offsets = ringOffsets(sorted.length, cityRingOptions(cityId, opts));
    sorted.forEach((e, i) => {
      const [lon, lat] = offsetLngLat(city.lon, city.lat, offsets[i] ?? [0, 0], opts.zoom);
      points.push({ id: e.id, lon, lat, placement: 'ring' });
    });
  }
  return { points, unplaced };
}
