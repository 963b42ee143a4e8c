/**
 * PNG export of a view (issue 4 item 6): title, the view's pictures (map canvas, chain graph,
 * matrix), the legend, the filters in force, the data date and, for synthetic data, a red stamp.
 *
 * The layout is pure (`layoutExport`, `wrapItems`, `stackImages`) and tested in Node with a fake
 * text measure; `composeExportPng` only draws that layout on a canvas. Capture helpers take the
 * pictures from the live libraries without importing them (only src/map and src/graph do).
 */

export interface ExportLegendItem {
  label: string;
  color: string;
}

/** A picture placed in the content area (x, y, w, h in CSS pixels from its top-left corner). */
export interface ExportImage {
  image: CanvasImageSource;
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface ExportParts {
  title: string;
  subtitle?: string;
  legend: ExportLegendItem[];
  /** The choices in force (chain, region, bank, order…), one per entry; wrapped on “ · ”. */
  filters: string[];
  /** `exportFooter(meta)`: what the data are and their date. */
  footer: string;
  /** Synthetic dataset: draw the §8.4 stamp. */
  synthetic: boolean;
  images: ExportImage[];
  /** Size of the content area that holds the images; the header and the notes are added around it. */
  width: number;
  height: number;
}

/** domain.md §8.4, verbatim (the same text as the on-screen watermark). */
export const STAMP_TEXT = '示例数据（合成） · SYNTHETIC DEMO DATA';
export const EXPORT_FONT_FAMILY = '"Noto Sans SC", "Noto Sans", sans-serif';

export interface FontSpec {
  size: number;
  weight: 400 | 700;
}
/** Width of a text in a font, in CSS pixels (canvas `measureText`, or a fake in tests). */
export type Measure = (text: string, font: FontSpec) => number;

export const EXPORT_FONTS = {
  title: { size: 22, weight: 700 },
  subtitle: { size: 14, weight: 400 },
  stamp: { size: 13, weight: 700 },
  legend: { size: 12, weight: 400 },
  filters: { size: 12, weight: 400 },
  footer: { size: 11, weight: 400 },
} as const satisfies Record<string, FontSpec>;

export const EXPORT_PAD = 24;
/** Narrowest export: room for a title and the stamp side by side. */
export const EXPORT_MIN_WIDTH = 640;
const SWATCH = 12;
const LINE = 18;

export interface PlacedText {
  x: number;
  /** Alphabetic baseline. */
  y: number;
  text: string;
}

export interface ExportLayout {
  width: number;
  height: number;
  title: PlacedText[];
  subtitle: PlacedText[];
  stamp: { x: number; y: number; w: number; h: number; text: PlacedText } | null;
  content: { x: number; y: number; w: number; h: number };
  legend: { swatch: { x: number; y: number; size: number; color: string }; label: PlacedText }[];
  filters: PlacedText[];
  footer: PlacedText[];
}

/** Splits a string that is too wide on its own, character by character (CJK has no spaces). */
function breakChars(text: string, maxWidth: number, width: (s: string) => number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const ch of text) {
    if (line !== '' && width(line + ch) > maxWidth) {
      lines.push(line);
      line = ch.trimStart();
    } else {
      line += ch;
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}

/**
 * Greedy wrapping of items joined by `sep`: a line takes items while it fits; an item wider than a
 * whole line is broken between characters.
 * @example wrapItems(['产业链：新能源汽车', '地区：全国'], ' · ', 120, (s) => s.length * 12)
 * // → ['产业链：新能源汽车', '地区：全国']  (both on one line would be 16 characters = 192 px)
 */
export function wrapItems(
  items: readonly string[],
  sep: string,
  maxWidth: number,
  width: (s: string) => number,
): string[] {
  const lines: string[] = [];
  let line = '';
  const place = (item: string) => {
    if (width(item) <= maxWidth) {
      line = item;
      return;
    }
    const parts = breakChars(item, maxWidth, width);
    line = parts.pop() ?? '';
    lines.push(...parts);
  };
  for (const raw of items) {
    const item = raw.trim();
    if (item === '') continue;
    if (line === '') {
      place(item);
    } else if (width(line + sep + item) <= maxWidth) {
      line = line + sep + item;
    } else {
      lines.push(line);
      place(item);
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}

/**
 * Where everything goes. Top: the title (wrapped) and subtitle on the left, the stamp on the right.
 * Then the content area (`width` × `height`, the images). Below it: legend swatches flowing in rows,
 * the filters line(s) and the footer. Margins are EXPORT_PAD; the page is at least EXPORT_MIN_WIDTH.
 * @example
 * layoutExport({ title: 'T', legend: [], filters: [], footer: 'F', synthetic: false, width: 800, height: 400 }, measure)
 * // → width 848; content { x: 24, y: 68, w: 800, h: 400 }; footer baseline 68 + 400 + 14 + 13 = 495; height 520
 */
export function layoutExport(parts: Omit<ExportParts, 'images'>, measure: Measure): ExportLayout {
  const F = EXPORT_FONTS;
  const width = Math.max(EXPORT_MIN_WIDTH, Math.ceil(parts.width + 2 * EXPORT_PAD));
  const inner = width - 2 * EXPORT_PAD;

  let stamp: ExportLayout['stamp'] = null;
  if (parts.synthetic) {
    const w = Math.ceil(measure(STAMP_TEXT, F.stamp)) + 20;
    const h = F.stamp.size + 12;
    const x = width - EXPORT_PAD - w;
    stamp = {
      x,
      y: EXPORT_PAD,
      w,
      h,
      text: { x: x + 10, y: EXPORT_PAD + 6 + F.stamp.size - 2, text: STAMP_TEXT },
    };
  }
  const titleRoom = inner - (stamp ? stamp.w + 16 : 0);
  let y = EXPORT_PAD;
  const title = wrapItems([parts.title], ' ', titleRoom, (s) => measure(s, F.title)).map(
    (text): PlacedText => {
      y += F.title.size + 6;
      return { x: EXPORT_PAD, y: y - 6, text };
    },
  );
  const subtitle = parts.subtitle
    ? wrapItems([parts.subtitle], ' ', titleRoom, (s) => measure(s, F.subtitle)).map(
        (text): PlacedText => {
          y += F.subtitle.size + 6;
          return { x: EXPORT_PAD, y: y - 4, text };
        },
      )
    : [];
  const headerBottom = Math.max(y, stamp ? stamp.y + stamp.h : 0) + 16;
  const content = { x: EXPORT_PAD, y: headerBottom, w: parts.width, h: parts.height };

  y = content.y + content.h + 14;
  const legend: ExportLayout['legend'] = [];
  let x = EXPORT_PAD;
  for (const item of parts.legend) {
    const w = SWATCH + 5 + Math.ceil(measure(item.label, F.legend));
    if (x > EXPORT_PAD && x + w > width - EXPORT_PAD) {
      x = EXPORT_PAD;
      y += LINE;
    }
    legend.push({
      swatch: { x, y, size: SWATCH, color: item.color },
      label: { x: x + SWATCH + 5, y: y + SWATCH - 1, text: item.label },
    });
    x += w + 16;
  }
  if (legend.length > 0) y += LINE + 6;

  const filters = wrapItems(parts.filters, ' · ', inner, (s) => measure(s, F.filters)).map(
    (text): PlacedText => {
      const at = { x: EXPORT_PAD, y: y + F.filters.size, text };
      y += LINE;
      return at;
    },
  );
  if (filters.length > 0) y += 4;
  const footer = wrapItems([parts.footer], ' ', inner, (s) => measure(s, F.footer)).map(
    (text): PlacedText => {
      const at = { x: EXPORT_PAD, y: y + F.footer.size + 2, text };
      y += LINE - 2;
      return at;
    },
  );
  return {
    width,
    height: Math.ceil(y + EXPORT_PAD - 2),
    title,
    subtitle,
    stamp,
    content,
    legend,
    filters,
    footer,
  };
}

/**
 * Stacks pictures top to bottom, each scaled down (never up) to `maxWidth`, with `gap` between them.
 * @example stackImages([{ w: 1000, h: 500 }, { w: 400, h: 300 }], 800, 10)
 * // → { items: [{ x: 0, y: 0, w: 800, h: 400 }, { x: 0, y: 410, w: 400, h: 300 }], width: 800, height: 710 }
 */
export function stackImages(
  sizes: readonly { w: number; h: number }[],
  maxWidth: number,
  gap: number,
): { items: { x: number; y: number; w: number; h: number }[]; width: number; height: number } {
  let y = 0;
  let width = 0;
  const items = sizes.map(({ w, h }, i) => {
    const k = w > maxWidth ? maxWidth / w : 1;
    const item = { x: 0, y: y + (i > 0 ? gap : 0), w: Math.round(w * k), h: Math.round(h * k) };
    y = item.y + item.h;
    width = Math.max(width, item.w);
    return item;
  });
  return { items, width, height: y };
}

// ---- drawing ----------------------------------------------------------------------------------

type AnyCanvas = HTMLCanvasElement | OffscreenCanvas;
export type Ctx = CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D;

export const cssFont = (f: FontSpec): string => `${f.weight} ${f.size}px ${EXPORT_FONT_FAMILY}`;

/** A canvas of the given pixel size: a DOM canvas in a page (it sees the page's fonts), else offscreen. */
export function createCanvas(width: number, height: number): AnyCanvas {
  if (typeof document !== 'undefined') {
    const c = document.createElement('canvas');
    c.width = width;
    c.height = height;
    return c;
  }
  return new OffscreenCanvas(width, height);
}

export function context2d(canvas: AnyCanvas): Ctx {
  const ctx = canvas.getContext('2d') as Ctx | null;
  if (!ctx) throw new Error('2D canvas is not available');
  return ctx;
}

/**
 * Loads the web-font faces (Noto Sans SC is split by unicode range) that the texts need, so the
 * canvas does not draw fallback boxes for glyphs that have not been fetched yet.
 */
export async function loadFonts(text: string, fonts: readonly FontSpec[]): Promise<void> {
  if (typeof document === 'undefined' || !('fonts' in document) || text === '') return;
  await Promise.all(fonts.map((f) => document.fonts.load(cssFont(f), text).catch(() => [])));
}

async function toPngBlob(canvas: AnyCanvas): Promise<Blob> {
  if ('convertToBlob' in canvas) return canvas.convertToBlob({ type: 'image/png' });
  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (b) => (b ? resolve(b) : reject(new Error('the canvas could not be encoded as PNG'))),
      'image/png',
    ),
  );
}

const INK = '#1d2733';
const SOFT = '#4a5868';
const STAMP_RED = '#c53030';

/**
 * Draws the export on a white canvas at `scale` × its CSS size and returns it as a PNG blob.
 * @example const blob = await composeExportPng({ title: '银行覆盖', legend, filters, footer, synthetic: true, images: [{ image: mapCanvas, x: 0, y: 0, w: 900, h: 500 }], width: 900, height: 500 })
 */
export async function composeExportPng(
  parts: ExportParts,
  opts: { scale?: number } = {},
): Promise<Blob> {
  const scale = opts.scale ?? 2;
  const F = EXPORT_FONTS;
  const texts = [
    parts.title,
    parts.subtitle ?? '',
    STAMP_TEXT,
    ...parts.legend.map((l) => l.label),
    ...parts.filters,
    parts.footer,
  ].join('');
  await loadFonts(texts, Object.values(F));

  const probe = context2d(createCanvas(1, 1));
  const measure: Measure = (text, font) => {
    probe.font = cssFont(font);
    return probe.measureText(text).width;
  };
  const layout = layoutExport(parts, measure);
  const canvas = createCanvas(Math.round(layout.width * scale), Math.round(layout.height * scale));
  const ctx = context2d(canvas);
  ctx.scale(scale, scale);
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, layout.width, layout.height);
  ctx.textBaseline = 'alphabetic';
  ctx.textAlign = 'left';

  const write = (list: readonly PlacedText[], font: FontSpec, color: string) => {
    ctx.font = cssFont(font);
    ctx.fillStyle = color;
    for (const t of list) ctx.fillText(t.text, t.x, t.y);
  };
  write(layout.title, F.title, INK);
  write(layout.subtitle, F.subtitle, SOFT);

  const { content } = layout;
  for (const img of parts.images) {
    ctx.drawImage(img.image, content.x + img.x, content.y + img.y, img.w, img.h);
  }

  for (const item of layout.legend) {
    const s = item.swatch;
    ctx.fillStyle = s.color;
    ctx.fillRect(s.x, s.y, s.size, s.size);
    ctx.strokeStyle = 'rgba(0,0,0,0.25)';
    ctx.strokeRect(s.x + 0.5, s.y + 0.5, s.size - 1, s.size - 1);
  }
  write(
    layout.legend.map((l) => l.label),
    F.legend,
    INK,
  );
  write(layout.filters, F.filters, INK);
  write(layout.footer, F.footer, SOFT);

  // Last, so nothing covers it.
  if (layout.stamp) {
    const s = layout.stamp;
    ctx.fillStyle = STAMP_RED;
    ctx.fillRect(s.x, s.y, s.w, s.h);
    write([s.text], F.stamp, '#ffffff');
  }
  return toPngBlob(canvas);
}

// ---- capture ----------------------------------------------------------------------------------

/** The few maplibre calls the capture needs (the adapter exposes the map as `el.chainAtlasMap`). */
interface MapLike {
  getCanvas(): HTMLCanvasElement;
  once(type: 'render', listener: () => void): unknown;
  triggerRepaint(): void;
}

/** The cytoscape call the capture needs (`el.chainAtlasCy`). */
interface GraphLike {
  png(opts: { output: 'blob-promise'; full: boolean; scale: number; bg: string }): Promise<Blob>;
}

function hostedInstance(el: Element, prop: string, methods: readonly string[]): unknown {
  const v: unknown = Reflect.get(el, prop);
  if (typeof v !== 'object' || v === null) return null;
  return methods.every((m) => typeof Reflect.get(v, m) === 'function') ? v : null;
}

/** The element inside `root` (or `root` itself) that hosts a live map, if any. */
function findHost(root: Element, prop: string, methods: readonly string[]): unknown {
  const candidates = [root, ...root.querySelectorAll('*')];
  for (const el of candidates) {
    const inst = hostedInstance(el, prop, methods);
    if (inst) return inst;
  }
  return null;
}

export interface Captured {
  image: CanvasImageSource;
  /** CSS size of the picture on screen. */
  w: number;
  h: number;
}

/**
 * A copy of the map as drawn now. maplibre clears its WebGL buffer after each frame (no
 * `preserveDrawingBuffer`), so the copy is taken inside the `render` event of a forced repaint,
 * while the frame is still in the buffer.
 */
export function captureMapImage(root: Element, timeoutMs = 5000): Promise<Captured> {
  const map = findHost(root, 'chainAtlasMap', [
    'getCanvas',
    'once',
    'triggerRepaint',
  ]) as MapLike | null;
  if (!map) return Promise.reject(new Error('no map to capture'));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the map did not repaint')), timeoutMs);
    map.once('render', () => {
      clearTimeout(timer);
      const src = map.getCanvas();
      const copy = createCanvas(src.width, src.height);
      context2d(copy).drawImage(src, 0, 0);
      resolve({ image: copy, w: src.clientWidth || src.width, h: src.clientHeight || src.height });
    });
    map.triggerRepaint();
  });
}

/**
 * The whole chain diagram (cytoscape's own PNG, on white): the diagram is drawn at zoom 1 and a
 * chain wider than its pane pans, so the picture takes every card, not only those in view.
 */
export async function captureGraphImage(root: Element, scale = 2): Promise<Captured> {
  const cy = findHost(root, 'chainAtlasCy', ['png']) as GraphLike | null;
  if (!cy) throw new Error('no chain graph to capture');
  const blob = await cy.png({ output: 'blob-promise', full: true, scale, bg: '#ffffff' });
  const image = await createImageBitmap(blob);
  return { image, w: image.width / scale, h: image.height / scale };
}

/**
 * A picture drawn by `draw` on a white canvas of `width` × `height` CSS pixels at `scale`, once the
 * fonts for `text` are loaded (e.g. the coverage matrix from its scene).
 */
export async function renderImage(
  width: number,
  height: number,
  draw: (ctx: Ctx) => void,
  opts: { scale?: number; text?: string; fonts?: readonly FontSpec[] } = {},
): Promise<Captured> {
  const scale = opts.scale ?? 2;
  await loadFonts(opts.text ?? '', opts.fonts ?? []);
  const canvas = createCanvas(Math.ceil(width * scale), Math.ceil(height * scale));
  const ctx = context2d(canvas);
  ctx.scale(scale, scale);
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, width, height);
  draw(ctx);
  return { image: canvas, w: width, h: height };
}

/**
 * The Atlas export: the chain graph above the map, at most `maxWidth` wide.
 * @example
 * exportAtlasParts({ graph: graphPaneEl, map: mapPaneEl, title: '新能源汽车 · 产业链图谱', legend, filters, footer, synthetic: true })
 */
export async function exportAtlasParts(opts: {
  graph: Element | null;
  map: Element | null;
  title: string;
  subtitle?: string;
  legend: ExportLegendItem[];
  filters: string[];
  footer: string;
  synthetic: boolean;
  maxWidth?: number;
}): Promise<ExportParts> {
  const pictures: Captured[] = [];
  if (opts.graph) pictures.push(await captureGraphImage(opts.graph));
  if (opts.map) pictures.push(await captureMapImage(opts.map));
  const stack = stackImages(pictures, opts.maxWidth ?? 1200, 12);
  return {
    title: opts.title,
    ...(opts.subtitle ? { subtitle: opts.subtitle } : {}),
    legend: opts.legend,
    filters: opts.filters,
    footer: opts.footer,
    synthetic: opts.synthetic,
    images: pictures.map((p, i) => ({
      image: p.image,
      ...(stack.items[i] ?? { x: 0, y: 0, w: p.w, h: p.h }),
    })),
    width: stack.width,
    height: stack.height,
  };
}

/** Saves a blob as a file through an object URL and a temporary `<a download>`. */
export function downloadBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  // Revoke after the browser has started the download.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
