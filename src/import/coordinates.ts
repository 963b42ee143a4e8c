/**
 * Coordinates of imported enterprises (domain.md §7.4): decimal or DMS parsing, the China envelope,
 * swapped latitude/longitude, precision, distance from the stated city, and GCJ-02 / BD-09 → WGS-84.
 */
import gcoord from 'gcoord';
import type { City } from '../domain/schema';
import { CHINA_ENVELOPE, MAINLAND_LAT_MIN } from '../domain/invariants';
import { fail, note, ok, type ParseResult, type ValueNote } from './issues';
import { isBlank, quoteRaw } from './values';

/** The coordinate reference system a file's points are in (file-level option, §7.4). */
export type Crs = 'WGS84' | 'GCJ02' | 'BD09';

/** A point further than this from its stated city is suspicious (§7.4). */
export const CITY_DISTANCE_WARN_KM = 150;

export interface ParsedDegrees {
  value: number;
  /** Decimal places as written; DMS with minutes counts as precise (≥ 4). */
  decimals: number;
}

const DMS_RE =
  /^([NSEW])?\s*(\d+(?:\.\d+)?)\s*(?:°|度|\s)\s*(?:(\d+(?:\.\d+)?)\s*(?:′|'|分|\s)\s*)?(?:(\d+(?:\.\d+)?)\s*(?:″|"|''|′′|秒)?\s*)?([NSEW])?$/i;
const DECIMAL_RE = /^([NSEW])?\s*([+-]?\d+(?:\.(\d*))?)\s*°?\s*([NSEW])?$/i;

/**
 * Degrees from decimal text (`119.954`, `119.954°E`) or degrees-minutes-seconds (`120°17′19″E`,
 * `31度46分25秒`). S and W make the value negative. Blank → null (never 0).
 * @example parseDegrees('120°17′19″E') // { ok: true, value: { value: 120.288611…, decimals: 4 } }
 * @example parseDegrees('31.7736') // { ok: true, value: { value: 31.7736, decimals: 4 } }
 */
export function parseDegrees(raw: string): ParseResult<ParsedDegrees | null> {
  if (isBlank(raw)) return ok(null);
  const text = raw
    .normalize('NFKC')
    .trim()
    .replace(/[\u2212\u2013]/g, '-')
    .replace(/^(东经|北纬)/, '')
    .replace(/^(西经|南纬)/, '-');
  const dec = DECIMAL_RE.exec(text);
  if (dec) {
    const hemisphere = (dec[1] ?? dec[4] ?? '').toUpperCase();
    const n = Number(dec[2]);
    const value = hemisphere === 'S' || hemisphere === 'W' ? -n : n;
    return ok({ value, decimals: dec[3]?.length ?? 0 });
  }
  const dms = DMS_RE.exec(text);
  if (dms && (dms[3] !== undefined || dms[4] !== undefined)) {
    const deg = Number(dms[2]);
    const min = Number(dms[3] ?? 0);
    const sec = Number(dms[4] ?? 0);
    if (min < 60 && sec < 60) {
      const hemisphere = (dms[1] ?? dms[5] ?? '').toUpperCase();
      const n = deg + min / 60 + sec / 3600;
      // One arc-minute ≈ 1.8 km (2 decimals), one arc-second ≈ 31 m (4 decimals).
      const decimals = dms[4] !== undefined ? 4 : 2;
      return ok({ value: hemisphere === 'S' || hemisphere === 'W' ? -n : n, decimals });
    }
  }
  return fail(
    'E_BAD_COORD',
    `无法识别的坐标“${quoteRaw(raw)}”（应为十进制度数，如119.954）`,
    `unrecognised coordinate "${quoteRaw(raw)}" (expected decimal degrees such as 119.954)`,
  );
}

const EARTH_RADIUS_KM = 6371.0088;
const rad = (deg: number) => (deg * Math.PI) / 180;

/**
 * Great-circle distance in km.
 * @example haversineKm(31.7736, 119.954, 31.5689, 120.2886) // ≈ 39 (Changzhou–Wuxi)
 */
export function haversineKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const dLat = rad(lat2 - lat1);
  const dLon = rad(lon2 - lon1);
  const a =
    Math.sin(dLat / 2) ** 2 + Math.cos(rad(lat1)) * Math.cos(rad(lat2)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
}

const inLat = (v: number) => v >= CHINA_ENVELOPE.latMin && v <= CHINA_ENVELOPE.latMax;
const inLon = (v: number) => v >= CHINA_ENVELOPE.lonMin && v <= CHINA_ENVELOPE.lonMax;
const round6 = (v: number) => Math.round(v * 1e6) / 1e6;

/**
 * A GCJ-02 or BD-09 point in WGS-84 (gcoord); WGS-84 passes through.
 * @example toWgs84(31.7736, 119.954, 'WGS84') // { lat: 31.7736, lon: 119.954 }
 */
export function toWgs84(lat: number, lon: number, crs: Crs): { lat: number; lon: number } {
  if (crs === 'WGS84') return { lat, lon };
  const [x, y] = gcoord.transform(
    [lon, lat],
    crs === 'GCJ02' ? gcoord.GCJ02 : gcoord.BD09,
    gcoord.WGS84,
  );
  return { lat: y, lon: x };
}

export interface PointInput {
  /** Raw cell texts. */
  lat: string;
  lon: string;
  /** The city the row states, for the 150 km consistency check. */
  city?: City;
  crs?: Crs;
}

export interface CheckedPoint {
  /** WGS-84, 6 decimals; null when the row gives no point (the city point is used). */
  point: { lat: number; lon: number } | null;
  notes: ValueNote[];
}

/**
 * All §7.4 checks for one row's point. Blank lat and lon → no point. Only one of them → the point is
 * ignored with W_COORD_INCOMPLETE. Swapped values (lat in the longitude range and lon in the latitude
 * range) are swapped back with W_COORD_SWAPPED, because no Chinese latitude exceeds 53.6 and the
 * alternative is rejecting the row. Then the CRS conversion, the envelope (E_COORD_RANGE), the
 * South China Sea warning (W_COORD_SOUTH), precision (I_COORD_PRECISION) and the distance from the
 * stated city (W_COORD_FAR).
 * @example checkPoint({ lat: '119.954', lon: '31.7736' }).value.point // { lat: 31.7736, lon: 119.954 } (W_COORD_SWAPPED)
 */
export function checkPoint(input: PointInput): ParseResult<CheckedPoint> {
  const latR = parseDegrees(input.lat);
  if (!latR.ok) return latR;
  const lonR = parseDegrees(input.lon);
  if (!lonR.ok) return lonR;
  const latP = latR.value;
  const lonP = lonR.value;
  if (latP === null && lonP === null) return ok({ point: null, notes: [] });
  if (latP === null || lonP === null) {
    return ok({
      point: null,
      notes: [
        note(
          'W_COORD_INCOMPLETE',
          '经度、纬度只填了一项，坐标已忽略，按城市位置显示',
          'only one of latitude and longitude is given; the point is ignored and the city point used',
        ),
      ],
    });
  }
  const notes: ValueNote[] = [];
  let lat = latP.value;
  let lon = lonP.value;
  if (!(inLat(lat) && inLon(lon)) && inLon(lat) && inLat(lon)) {
    [lat, lon] = [lon, lat];
    notes.push(
      note(
        'W_COORD_SWAPPED',
        `经纬度可能颠倒，已按纬度${lat}、经度${lon}导入`,
        `latitude and longitude look swapped; imported as lat ${lat}, lon ${lon}`,
        `lat=${lat}, lon=${lon}`,
      ),
    );
  }
  if (!(inLat(lat) && inLon(lon))) {
    return fail(
      'E_COORD_RANGE',
      `坐标（纬度${lat}，经度${lon}）超出中国范围（经度73.4–135.1，纬度3.8–53.6）`,
      `point (lat ${lat}, lon ${lon}) is outside China (lon 73.4–135.1, lat 3.8–53.6)`,
    );
  }
  const wgs = toWgs84(lat, lon, input.crs ?? 'WGS84');
  const point = { lat: round6(wgs.lat), lon: round6(wgs.lon) };
  if (point.lat < MAINLAND_LAT_MIN) {
    notes.push(
      note(
        'W_COORD_SOUTH',
        `纬度${point.lat}低于18.1°（南海岛礁），请核对`,
        `latitude ${point.lat} is below 18.1° (South China Sea islands); please check`,
      ),
    );
  }
  if (Math.min(latP.decimals, lonP.decimals) < 2) {
    notes.push(
      note(
        'I_COORD_PRECISION',
        '坐标小数不足2位（约1公里以上误差），按近似位置处理',
        'fewer than 2 decimals (error above ~1 km): treated as an approximate location',
      ),
    );
  }
  if (input.city) {
    const km = haversineKm(point.lat, point.lon, input.city.lat, input.city.lon);
    if (km > CITY_DISTANCE_WARN_KM) {
      const d = Math.round(km);
      notes.push(
        note(
          'W_COORD_FAR',
          `坐标距所填城市${input.city.nameZh}约${d}公里（超过150公里）`,
          `point is about ${d} km from the stated city ${input.city.nameEn} (more than 150 km)`,
        ),
      );
    }
  }
  return ok({ point, notes });
}

/**
 * The catalogue city nearest to a point, with its distance in km.
 * @example nearestCity(cities, 31.78, 119.95) // { city: changzhou, km: ≈0.7 }
 */
export function nearestCity(
  cities: readonly City[],
  lat: number,
  lon: number,
): { city: City; km: number } | undefined {
  let best: { city: City; km: number } | undefined;
  for (const city of cities) {
    const km = haversineKm(lat, lon, city.lat, city.lon);
    if (!best || km < best.km) best = { city, km };
  }
  return best;
}
