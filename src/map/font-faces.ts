/**
 * Label fonts without a glyph server: maplibre 6 draws text from the font files a style lists in
 * its `font-faces` property, fetching a file only when a codepoint in its `unicode-range` is drawn.
 * `scripts/build-basemap.ts` turns @fontsource's CSS into `static/fonts/font-faces.json`; the app
 * loads and checks that file at runtime (load-config.ts).
 */
import type { FontFacesSpecification } from 'maplibre-gl';
import { z } from 'zod';

/** The font name every label layer asks for (`text-font`); font-faces.json declares its files. */
export const LABEL_FONT = 'Noto Sans';

/** One `@font-face` rule of a @fontsource stylesheet: the woff2 file name and its unicode ranges. */
export interface FontsourceFace {
  file: string;
  unicodeRange: string[];
}

const FONT_FACE_RULE = /@font-face\s*\{([^}]*)\}/g;
const WOFF2_URL = /url\(\s*['"]?([^'")]*?\.woff2)['"]?\s*\)/;
const UNICODE_RANGE = /unicode-range\s*:\s*([^;]+);?/;
const RANGE_TOKEN = /^U\+[0-9A-F?]{1,6}(-[0-9A-F]{1,6})?$/i;

/**
 * Reads the woff2 file and unicode ranges of each `@font-face` rule of a @fontsource stylesheet,
 * in stylesheet order. Rules without a woff2 source are skipped; a rule without `unicode-range`
 * covers everything (empty list).
 * @example
 * parseFontsourceCss("@font-face { src: url(./files/a-400-normal.woff2) format('woff2'); unicode-range: U+0000-00FF,U+0131; }")
 * // → [{ file: 'a-400-normal.woff2', unicodeRange: ['U+0000-00FF', 'U+0131'] }]
 */
export function parseFontsourceCss(css: string): FontsourceFace[] {
  const faces: FontsourceFace[] = [];
  for (const [, body = ''] of css.matchAll(FONT_FACE_RULE)) {
    const url = WOFF2_URL.exec(body)?.[1];
    if (!url) continue;
    const file = url.slice(url.lastIndexOf('/') + 1);
    const ranges = UNICODE_RANGE.exec(body)?.[1] ?? '';
    const unicodeRange = ranges
      .split(',')
      .map((r) => r.trim())
      .filter((r) => r.length > 0);
    faces.push({ file, unicodeRange });
  }
  return faces;
}

/** A URL a map resource may come from: relative to the page, or http(s). Nothing else. */
export function isAllowedResourceUrl(url: string): boolean {
  if (url.trim() !== url || url.length === 0) return false;
  if (url.startsWith('//')) return false;
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]?.toLowerCase();
  return scheme === undefined || scheme === 'http' || scheme === 'https';
}

const FontFaceSchema = z.object({
  url: z.string().refine(isAllowedResourceUrl, { message: 'font URL must be relative or http(s)' }),
  'unicode-range': z
    .array(z.string().regex(RANGE_TOKEN, { message: 'not a unicode range' }))
    .optional(),
});

/** The file `static/fonts/font-faces.json`: maplibre's `font-faces` value, one entry per font name. */
export const FontFacesFileSchema = z.record(z.string().min(1), z.array(FontFaceSchema).min(1));

/**
 * Checks a loaded font-faces.json. Returns the maplibre `font-faces` value, or the first problem.
 * @example parseFontFaces({ 'Noto Sans': [{ url: 'fonts/a.woff2' }] }).fontFaces // { 'Noto Sans': [...] }
 * @example parseFontFaces({ 'Noto Sans': [] }).error // 'Noto Sans: Too small: …'
 */
export function parseFontFaces(
  raw: unknown,
): { fontFaces: FontFacesSpecification; error: null } | { fontFaces: null; error: string } {
  const parsed = FontFacesFileSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      fontFaces: null,
      error: `${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}`,
    };
  }
  if (!(LABEL_FONT in parsed.data)) {
    return { fontFaces: null, error: `no faces for the label font "${LABEL_FONT}"` };
  }
  return { fontFaces: parsed.data, error: null };
}
