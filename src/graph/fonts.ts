/**
 * The chain diagram's web font. Cytoscape draws labels on a canvas and caches them as bitmaps, so
 * the faces that cover a label's characters must be loaded before it is first drawn, or the cache
 * keeps the fallback's empty boxes. Noto Sans SC comes in about a hundred unicode-range files; the
 * diagram's text needs twenty or so of them, in two weights.
 *
 * Issue 12: the page asks for them as soon as it has read the dataset (the chain's link names),
 * while the analysis worker is still at work, instead of when the diagram mounts. A measured load
 * of the demo waited 0.7–1.2 s between the diagram's elements and its first drawing for them.
 * Small on purpose: the page's first chunk imports it, cytoscape stays in the Atlas's.
 */
import type { DatasetIndex } from '../analysis/dataset-index';
import type { Lang } from '../i18n/format';
import { BADGE_TEXT, LEADERS_TEXT, STAGE_TEXT } from './diagram-words';

/** The font family an element draws with (the page's, which follows the language). */
export function fontFamilyOf(el: Element): string {
  const family = typeof getComputedStyle === 'function' ? getComputedStyle(el).fontFamily : '';
  return family || "'Noto Sans SC', 'Noto Sans', system-ui, sans-serif";
}

const fontSpec = (el: Element) => `12px ${fontFamilyOf(el)}`;

/**
 * The characters found loaded, by font: a face once loaded stays loaded, and `document.fonts.check`
 * over a whole diagram's text took 5 ms of every overlay or filter change under a profile.
 */
const loadedChars = new Map<string, Set<string>>();

/** Whether the faces of the element's font that cover `text` are loaded (or cannot be checked). */
export function fontReady(el: Element, text: string): boolean {
  const fonts = typeof document !== 'undefined' ? document.fonts : undefined;
  if (!fonts || text === '') return true;
  const spec = fontSpec(el);
  let known = loadedChars.get(spec);
  if (!known) {
    known = new Set();
    loadedChars.set(spec, known);
  }
  const unseen = [...new Set(text)].filter((c) => !known.has(c));
  if (unseen.length === 0) return true;
  const rest = unseen.join('');
  try {
    if (!(fonts.check(spec, rest) && fonts.check(`bold ${spec}`, rest))) return false;
  } catch {
    return true;
  }
  for (const c of unseen) known.add(c);
  return true;
}

/** Loads the faces (regular and bold) of the element's font that cover `text`; never rejects. */
export async function loadFont(el: Element, text: string): Promise<void> {
  if (typeof document === 'undefined' || !document.fonts) return;
  try {
    await Promise.all([
      document.fonts.load(fontSpec(el), text),
      document.fonts.load(`bold ${fontSpec(el)}`, text),
    ]);
  } catch {
    // An unavailable web font falls back to the system's; the graph is drawn either way.
  }
}

/** The characters of counts and figures on the cards: units, digits and separators. */
const FIGURE_TEXT: Record<Lang, string> = {
  zh: '·家万亿元0123456789.,%−',
  en: '·firms CNY m bn 0123456789.,%−',
};

/** What the diagram writes besides link names: stage headers, badges, counts and figures. */
const fixedText = (lang: Lang): string =>
  [...Object.values(STAGE_TEXT), ...Object.values(BADGE_TEXT)].map((w) => w[lang]).join('') +
  LEADERS_TEXT[lang] +
  FIGURE_TEXT[lang];

/**
 * The characters of a chain's diagram in a language: its link names and the fixed words.
 * @example diagramText(index, 'nev', 'zh') // '上游中游下游…正极材料电解液…'
 */
export function diagramText(index: DatasetIndex, chainId: string, lang: Lang): string {
  let text = fixedText(lang);
  for (const link of index.linkById.values()) {
    if (link.chainId === chainId) text += lang === 'zh' ? link.nameZh : link.nameEn;
  }
  return text;
}

/** Starts loading the page font's faces for `text` (regular and bold); never rejects. */
export function preloadDiagramFont(text: string): Promise<void> {
  if (typeof document === 'undefined') return Promise.resolve();
  return loadFont(document.documentElement, text);
}
