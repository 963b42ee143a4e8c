/**
 * Draws a matrix scene (./matrix.ts) on a 2D canvas for the PNG export. The SVG of the view cannot
 * be used for that: an SVG drawn as an image sees no web fonts, and machines without CJK fonts would
 * show boxes for every Chinese label. The canvas uses the page's fonts (Noto Sans SC).
 */
import { cellTextY, type MatrixScene, type SceneText } from './matrix';

type Ctx = CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D;

const INK = '#1d2733';
const SOFT = '#4a5868';
const LINE = '#dde3ea';
const SELECTED = '#fff4d6';

/** Every string the scene draws, to load the fonts for them before drawing. */
export function sceneTexts(scene: MatrixScene): string {
  return [
    ...scene.headers.map((t) => t.text),
    ...scene.rows.flatMap((r) => [r.label.text, ...r.totals.map((t) => t.text)]),
    ...scene.columns.flatMap((c) => [
      ...c.lines.map((t) => t.text),
      ...c.totals.map((t) => t.text),
    ]),
    ...scene.cells.flatMap((c) => [c.text, c.sub ?? '']),
  ].join('');
}

function text(ctx: Ctx, t: SceneText): void {
  ctx.textAlign = t.anchor === 'middle' ? 'center' : t.anchor === 'end' ? 'right' : 'left';
  ctx.fillText(t.text, t.x, t.y);
}

/** Draws the scene at (0, 0) in scene units; the caller scales the context for sharp output. */
export function drawMatrixScene(ctx: Ctx, scene: MatrixScene, fontFamily: string): void {
  const fs = scene.fontSize;
  ctx.save();
  ctx.textBaseline = 'alphabetic';

  ctx.fillStyle = SOFT;
  ctx.font = `700 ${fs - 1}px ${fontFamily}`;
  for (const h of scene.headers) text(ctx, h);

  for (const r of scene.rows) {
    if (r.selected) {
      ctx.fillStyle = SELECTED;
      ctx.fillRect(r.band.x, r.band.y, r.band.w, r.band.h);
    }
    ctx.fillStyle = r.chip.color;
    ctx.fillRect(r.chip.x, r.chip.y, r.chip.size, r.chip.size);
    ctx.strokeStyle = 'rgba(0,0,0,0.2)';
    ctx.strokeRect(r.chip.x + 0.5, r.chip.y + 0.5, r.chip.size - 1, r.chip.size - 1);
    ctx.fillStyle = INK;
    ctx.font = `${r.selected ? 700 : 400} ${fs}px ${fontFamily}`;
    text(ctx, r.label);
    ctx.font = `${fs}px ${fontFamily}`;
    for (const t of r.totals) text(ctx, t);
  }

  for (const c of scene.cells) {
    ctx.fillStyle = c.fill;
    ctx.fillRect(c.x, c.y, c.w, c.h);
    if (c.text) {
      ctx.fillStyle = c.textColor;
      ctx.textAlign = 'center';
      const y = cellTextY(c, fs);
      ctx.font = `${c.sub ? 700 : 400} ${fs - 1}px ${fontFamily}`;
      ctx.fillText(c.text, c.x + c.w / 2, y.text);
      if (c.sub) {
        ctx.font = `${fs - 2}px ${fontFamily}`;
        ctx.fillText(c.sub, c.x + c.w / 2, y.sub);
      }
    }
  }
  ctx.strokeStyle = LINE;
  ctx.strokeRect(scene.grid.x - 0.5, scene.grid.y - 0.5, scene.grid.w + 1, scene.grid.h + 1);

  for (const c of scene.columns) {
    ctx.fillStyle = c.emphasis ? INK : SOFT;
    ctx.font = `${c.emphasis ? 700 : 400} ${fs - 1}px ${fontFamily}`;
    for (const t of c.lines) text(ctx, t);
    ctx.font = `${fs - 2}px ${fontFamily}`;
    ctx.fillStyle = SOFT;
    for (const t of c.totals) text(ctx, t);
  }
  ctx.restore();
}
