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
 */
import type { FontFacesSpecification } from 'maplibre-gl';
import { z } from 'zod';
import { isAllowedResourceUrl } from './font-faces';

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

/** config.json as a deployer writes it. `fonts` points at a maplibre `font-faces` JSON file. */
export const MapConfigFileSchema = z.object({
  basemap: BasemapConfigSchema,
  fonts: UrlSchema.optional(),
});
export type MapConfigFile = z.infer<typeof MapConfigFileSchema>;

/** What the map is drawn with: the basemap and the label fonts loaded from config.json. */
export interface MapConfig {
  basemap: BasemapConfig;
  /** maplibre `font-faces`; null: labels use whatever fonts the machine has. */
  fontFaces: FontFacesSpecification | null;
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
