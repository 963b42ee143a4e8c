/**
 * A table as a drawing, for PNG exports of lists (the strategist's target list): a title, a header
 * row and rows of strings in fixed-width columns, each cell cut with “…” to its column. Pure layout,
 * drawn on a canvas by `drawTableScene`.
 */
import { fitText, type SceneText } from './matrix';

export interface TableColumnSpec {
  header: string;
  width: number;
  align?: 'start' | 'end';
}

export interface TableScene {
  width: number;
  height: number;
  fontSize: number;
  title: SceneText;
  headers: SceneText[];
  rows: SceneText[][];
  /** y of the line under the header and of each row's bottom rule. */
  rules: number[];
}

const PAD = 8;

/**
 * Lays out a table: the title on top, then the header and one line per row.
 * @example buildTableScene('T', [{ header: 'A', width: 40 }], [['x']], 12)
 * // → { width: 56, title at y 20, header at y 44, row at y 66, … }
 */
export function buildTableScene(
  title: string,
  columns: readonly TableColumnSpec[],
  rows: readonly (readonly string[])[],
  fontSize = 12,
): TableScene {
  const line = fontSize + 10;
  const width = PAD * 2 + columns.reduce((s, c) => s + c.width, 0);
  const lefts = columns.map((_, i) => PAD + columns.slice(0, i).reduce((s, c) => s + c.width, 0));
  const cell = (text: string, i: number, y: number): SceneText => {
    const c = columns[i];
    const w = (c?.width ?? 0) - 8;
    const left = lefts[i] ?? PAD;
    const fitted = fitText(text, w, fontSize);
    return {
      x: c?.align === 'end' ? left + (c.width ?? 0) - 8 : left,
      y,
      text: fitted,
      anchor: c?.align === 'end' ? 'end' : 'start',
      ...(fitted !== text ? { full: text } : {}),
    };
  };
  const titleY = PAD + fontSize + 4;
  const headerY = titleY + line + 2;
  const rules = [headerY + 6];
  const laidRows = rows.map((r, ri) => {
    const y = headerY + line * (ri + 1);
    rules.push(y + 6);
    return r.map((text, i) => cell(text, i, y));
  });
  return {
    width,
    height: (rules[rules.length - 1] ?? headerY) + PAD,
    fontSize,
    title: { x: PAD, y: titleY, text: title, anchor: 'start' },
    headers: columns.map((c, i) => cell(c.header, i, headerY)),
    rows: laidRows,
    rules,
  };
}

type Ctx = CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D;

/** Every string the table draws, to load the fonts first. */
export const tableTexts = (t: TableScene): string =>
  [t.title.text, ...t.headers.map((h) => h.text), ...t.rows.flat().map((c) => c.text)].join('');

export function drawTableScene(ctx: Ctx, t: TableScene, fontFamily: string): void {
  const put = (s: SceneText) => {
    ctx.textAlign = s.anchor === 'end' ? 'right' : 'left';
    ctx.fillText(s.text, s.x, s.y);
  };
  ctx.save();
  ctx.fillStyle = '#1d2733';
  ctx.font = `700 ${t.fontSize + 2}px ${fontFamily}`;
  put(t.title);
  ctx.font = `700 ${t.fontSize}px ${fontFamily}`;
  ctx.fillStyle = '#4a5868';
  for (const h of t.headers) put(h);
  ctx.font = `400 ${t.fontSize}px ${fontFamily}`;
  ctx.fillStyle = '#1d2733';
  for (const r of t.rows) for (const c of r) put(c);
  ctx.strokeStyle = '#dde3ea';
  for (const y of t.rules) {
    ctx.beginPath();
    ctx.moveTo(8, y + 0.5);
    ctx.lineTo(t.width - 8, y + 0.5);
    ctx.stroke();
  }
  ctx.restore();
}
