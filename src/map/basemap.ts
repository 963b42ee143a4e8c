/**
 * The province GeoJSON a basemap config points at (the bundled china-provinces.geojson or a
 * deployer's approved file), checked at the boundary: polygons with a `provinceZh` property, the
 * key the choropleth and province clicks join on.
 */
import { z } from 'zod';
import type { BasemapFeature } from './features';

const ProvincePropertiesSchema = z.looseObject({
  provinceZh: z.string().min(1),
  provinceEn: z.string().min(1).optional(),
  labelLon: z.number().finite().optional(),
  labelLat: z.number().finite().optional(),
});

export const ProvinceBasemapSchema = z.looseObject({
  type: z.literal('FeatureCollection'),
  features: z.array(
    z.looseObject({
      type: z.literal('Feature'),
      properties: ProvincePropertiesSchema,
      geometry: z.looseObject({
        type: z.enum(['Polygon', 'MultiPolygon']),
        coordinates: z.array(z.unknown()),
      }),
    }),
  ),
});
export type ProvinceBasemap = z.infer<typeof ProvinceBasemapSchema>;

/**
 * Checks a loaded province GeoJSON; the error names the first bad feature and field.
 * @example parseProvinceBasemap({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: … }] }).error
 * // 'features.0.properties.provinceZh: Invalid input: expected string, received undefined'
 */
export function parseProvinceBasemap(
  raw: unknown,
):
  | { basemap: ProvinceBasemap & { features: BasemapFeature[] }; error: null }
  | { basemap: null; error: string } {
  const parsed = ProvinceBasemapSchema.safeParse(raw);
  if (parsed.success) return { basemap: parsed.data, error: null };
  const issue = parsed.error.issues[0];
  return {
    basemap: null,
    error: issue ? `${issue.path.join('.')}: ${issue.message}` : 'invalid province GeoJSON',
  };
}
