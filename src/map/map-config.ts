/**
 * The deployer's map configuration, `static/config.json`, read at runtime so that an approved
 * basemap (审图号) can replace the bundled demo outlines without rebuilding the app:
 *
 *   { "basemap": { "type": "geojson", "url": "basemap/china-provinces.geojson" } }
 *   { "basemap": { "type": "style", "url": "https://intranet.example/tianditu-style.json",
 *                  "provincesUrl": "approved/provinces.geojson" } }
 *
 * `geojson`: province polygons with a `provinceZh` property (and optionally provinceEn, labelLon,
 * labelLat), drawn as the whole basemap. `style`: a maplibre style URL drawn under the data; the
 * optional `provincesUrl` adds the province choropleth and province clicks on top of it.
 * Relative URLs resolve against the page, so the app works under any sub-path.
 *
 * Every URL must be on the page's own origin unless its origin is listed in `allowedOrigins`
 * (`"allowedOrigins": ["https://gis.intranet"]`); request-gate.ts enforces it for every request
 * the map makes. The page's Content-Security-Policy must allow the same origin (README).
 */
import type { FontFacesSpecification } from 'maplibre-gl';
import { z } from 'zod';
import { isAllowedResourceUrl } from './font-faces';
import { parseOrigin } from './request-gate';

const UrlSchema = z
  .string()
  .min(1)
  .refine(isAllowedResourceUrl, { message: 'URL must be relative or http(s)' });

export const BasemapConfigSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('geojson'), url: UrlSchema }).strict(),
  z
    .object({ type: z.literal('style'), url: UrlSchema, provincesUrl: UrlSchema.optional() })
    .strict(),
]);
export type BasemapConfig = z.infer<typeof BasemapConfigSchema>;

/** An origin as a deployer lists it: `https://gis.intranet` (a trailing slash is dropped). */
const OriginSchema = z
  .string()
  .refine((s) => parseOrigin(s) !== null, {
    message: 'must be an origin like "https://gis.intranet" (scheme and host, no path)',
  })
  .transform((s) => parseOrigin(s) ?? s);

/**
 * config.json as a deployer writes it. `fonts` points at a maplibre `font-faces` JSON file;
 * `allowedOrigins` lists the other hosts the map may request (none by default).
 */
export const MapConfigFileSchema = z.object({
  basemap: BasemapConfigSchema,
  fonts: UrlSchema.optional(),
  allowedOrigins: z.array(OriginSchema).max(50).optional(),
});
export type MapConfigFile = z.infer<typeof MapConfigFileSchema>;

/** What the map is drawn with: the basemap and the label fonts loaded from config.json. */
export interface MapConfig {
  basemap: BasemapConfig;
  /** maplibre `font-faces`; null: labels use whatever fonts the machine has. */
  fontFaces: FontFacesSpecification | null;
  /** Origins besides the page's that the map may request (request-gate.ts); none if absent. */
  allowedOrigins?: readonly string[];
}

export const BUNDLED_BASEMAP: BasemapConfig = {
  type: 'geojson',
  url: 'basemap/china-provinces.geojson',
};
export const DEFAULT_FONT_FACES_URL = 'fonts/font-faces.json';
export const DEFAULT_MAP_CONFIG: MapConfig = { basemap: BUNDLED_BASEMAP, fontFaces: null };

/**
 * Parses config.json. Never throws: an invalid file falls back to the bundled basemap, with a
 * bilingual notice naming the first bad field for the UI to show.
 * @example parseMapConfig({ basemap: { type: 'style', url: 'https://intranet/s.json' } }).config.basemap.type // 'style'
 * @example parseMapConfig({ basemap: { type: 'wms' } }).notice // '地图配置无效…: basemap.type: …'
 */
export function parseMapConfig(raw: unknown): { config: MapConfigFile; notice: string | null } {
  const parsed = MapConfigFileSchema.safeParse(raw);
  if (parsed.success) return { config: parsed.data, notice: null };
  const issue = parsed.error.issues[0];
  const where = issue ? `${issue.path.join('.') || '(root)'}: ${issue.message}` : 'invalid';
  return { config: { basemap: BUNDLED_BASEMAP }, notice: fallbackNotice(where) };
}

/** The notice shown when the configured basemap cannot be used. */
export const fallbackNotice = (why: string): string =>
  `地图配置无效，已改用内置示意底图 / Invalid map configuration, using the bundled demo basemap — ${why}`;

/** The notice shown when config.json names a host it does not allow. */
export const refusedNotice = (why: string): string =>
  `地图配置中的地址未获允许，已改用内置示意底图 / A map address in the configuration is not allowed, using the bundled demo basemap — ${why}`;

/**
 * The notice shown when a basemap file cannot be loaded or is not province GeoJSON; `fellBack`:
 * the bundled map is drawn instead (a deployer's file failed, not the bundled one).
 */
export const basemapFileNotice = (why: string, fellBack: boolean): string =>
  fellBack
    ? `底图文件无法使用，已改用内置示意底图 / The basemap file could not be used, showing the bundled demo basemap — ${why}`
    : `底图文件无法使用，省界无法显示 / The basemap file could not be used, province outlines are missing — ${why}`;

/** The notice shown when a deployer's `provincesUrl` cannot be used (the style stays). */
export const provincesFileNotice = (why: string): string =>
  `省级区划文件无法使用，省份着色和点击不可用 / The province file could not be used, province colouring and clicks are off — ${why}`;

/** The notice shown when a deployer's basemap style fails and the bundled map is drawn instead. */
export const styleFallbackNotice = (why: string): string =>
  `底图样式无法加载，已改用内置示意底图 / The basemap style could not be loaded, showing the bundled demo basemap — ${why}`;
