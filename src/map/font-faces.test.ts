import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isAllowedResourceUrl, LABEL_FONT, parseFontFaces, parseFontsourceCss } from './font-faces';

const CSS = `/* noto-sans-latin-400-normal */
@font-face {
  font-family: 'Noto Sans';
  font-weight: 400;
  src: url(./files/noto-sans-latin-400-normal.woff2) format('woff2'), url(./files/noto-sans-latin-400-normal.woff) format('woff');
  unicode-range: U+0000-00FF,U+0131, U+2000-206F;
}
@font-face {
  font-family: 'Old';
  src: url(./files/old.woff) format('woff');
}
@font-face {
  src: url('./files/all.woff2') format('woff2');
}`;

describe('parseFontsourceCss()', () => {
  it('reads the woff2 file and the unicode ranges of each rule, skipping rules without woff2', () => {
    expect(parseFontsourceCss(CSS)).toEqual([
      {
        file: 'noto-sans-latin-400-normal.woff2',
        unicodeRange: ['U+0000-00FF', 'U+0131', 'U+2000-206F'],
      },
      { file: 'all.woff2', unicodeRange: [] },
    ]);
  });
});

describe('isAllowedResourceUrl()', () => {
  it.each([
    ['fonts/a.woff2', true],
    ['./basemap/x.geojson', true],
    ['/app/config.json', true],
    ['https://intranet.example/style.json', true],
    ['http://10.0.0.5/style.json', true],
    ['//cdn.example/x', false],
    ['javascript:alert(1)', false],
    ['data:application/json,{}', false],
    ['', false],
    [' fonts/a.woff2', false],
  ])('%s → %s', (url, ok) => {
    expect(isAllowedResourceUrl(url)).toBe(ok);
  });
});

describe('parseFontFaces()', () => {
  it('accepts a font-faces declaration for the label font', () => {
    const raw = { [LABEL_FONT]: [{ url: 'fonts/a.woff2', 'unicode-range': ['U+4E00-9FFF'] }] };
    expect(parseFontFaces(raw)).toEqual({ fontFaces: raw, error: null });
  });

  it.each([
    ['an empty list', { [LABEL_FONT]: [] }, LABEL_FONT],
    [
      'a bad range',
      { [LABEL_FONT]: [{ url: 'a.woff2', 'unicode-range': ['4E00'] }] },
      'unicode-range',
    ],
    ['a foreign scheme', { [LABEL_FONT]: [{ url: 'ftp://x/a.woff2' }] }, 'url'],
    ['no label font', { Other: [{ url: 'a.woff2' }] }, 'label font'],
  ])('rejects %s and says where', (_, raw, where) => {
    const out = parseFontFaces(raw);
    expect(out.fontFaces).toBeNull();
    expect(out.error).toContain(where);
  });

  it('the shipped static/fonts/font-faces.json is valid and every file it names exists', () => {
    const dir = new URL('../../static/', import.meta.url);
    const raw: unknown = JSON.parse(readFileSync(new URL('fonts/font-faces.json', dir), 'utf8'));
    const { fontFaces, error } = parseFontFaces(raw);
    expect(error).toBeNull();
    const faces = fontFaces?.[LABEL_FONT];
    if (!Array.isArray(faces)) throw new Error('expected a list of faces');
    // Latin first (Noto Sans), then the CJK subsets of Noto Sans SC covering 中 (U+4E2D).
    expect(
      faces
        .slice(0, 2)
        .map((f) => f.url)
        .sort(),
    ).toEqual([
      'fonts/noto-sans-latin-400-normal.woff2',
      'fonts/noto-sans-latin-ext-400-normal.woff2',
    ]);
    expect(faces.length).toBeGreaterThan(90);
    for (const f of faces) {
      expect(f.url.startsWith('fonts/'), f.url).toBe(true);
      expect(existsSync(new URL(f.url, dir)), f.url).toBe(true);
    }
    const covers = (cp: number) =>
      faces.some((f) =>
        (f['unicode-range'] ?? []).some((r) => {
          const [a = '', b = a] = r.slice(2).split('-');
          return cp >= parseInt(a, 16) && cp <= parseInt(b, 16);
        }),
      );
    for (const ch of '中国内蒙古广西壮族鄂尔多斯台湾澳门渤海南沙群岛AZaz’') {
      expect(covers(ch.codePointAt(0) ?? 0), ch).toBe(true);
    }
    expect(existsSync(new URL('fonts/LICENSE-noto-sans-sc.txt', dir))).toBe(true);
    expect(existsSync(new URL('fonts/LICENSE-noto-sans.txt', dir))).toBe(true);
  });
});
