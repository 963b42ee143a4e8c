/**
 * The coverage matrix as a drawing: rows × columns of cells with row labels, horizontal column
 * labels wrapped to the column's width, and totals, laid out with d3 band scales. The output is a plain "scene" of positioned rectangles and
 * strings, drawn by Svelte as SVG and by the PNG export on a canvas, so both show the same picture.
 */
import { max, sum } from 'd3-array';
import { scaleBand, scaleThreshold } from 'd3-scale';
import { isSmallCount } from '../analysis/coverage-view';

/** Share of a link's SMEs a bank serves → fill; a single-hue ramp (colour-blind safe). */
export const PRESENCE_BREAKS = [0.1, 0.25, 0.5, 0.75] as const;
export const PRESENCE_COLORS = ['#deebf7', '#9ecae1', '#6baed6', '#3182bd', '#08519c'] as const;
/** No presence: the cell stays blank. */
export const EMPTY_CELL_COLOR = '#f6f8fa';
/** Fewer than 3 SMEs (§9.3): not shaded by share, since the share would give the count away. */
export const SMALL_CELL_COLOR = '#e3e7ec';
/** Text of a “<3” cell: present but quieter than the cells that carry a count. */
export const SMALL_CELL_INK = '#5b6776';

const presenceScale = scaleThreshold<number, string>()
  .domain([...PRESENCE_BREAKS])
  .range([...PRESENCE_COLORS]);

/**
 * @example presenceColor(0.05) // '#deebf7'; presenceColor(0.5) // '#3182bd'; presenceColor(1) // '#08519c'
 */
export const presenceColor = (share: number): string => presenceScale(share);

/** The legend of the ramp: one entry per class with its bounds (0–1). */
export function presenceLegend(): { from: number; to: number; color: string }[] {
  const bounds = [0, ...PRESENCE_BREAKS, 1];
  return PRESENCE_COLORS.map((color, i) => ({
    from: bounds[i] ?? 0,
    to: bounds[i + 1] ?? 1,
    color,
  }));
}

/**
 * What a presence cell shows: nothing for no presence, “<3” below three SMEs (§9.3), else the count
 * of SMEs served on the share's colour.
 * @example presenceCell(0, 0) // { text: '', fill: EMPTY_CELL_COLOR }
 * @example presenceCell(2, 0.4) // { text: '<3', fill: SMALL_CELL_COLOR, textColor: SMALL_CELL_INK }
 * @example presenceCell(6, 0.3) // { text: '6', fill: '#6baed6' }
 */
export function presenceCell(
  smesServed: number,
  share: number | null,
  opts: { hideSmall?: boolean; shareText?: string } = {},
): CellStyle {
  if (smesServed <= 0 || share === null) return { text: '', fill: EMPTY_CELL_COLOR };
  if ((opts.hideSmall ?? true) && isSmallCount(smesServed)) {
    return { text: '<3', fill: SMALL_CELL_COLOR, textColor: SMALL_CELL_INK };
  }
  return {
    text: String(smesServed),
    ...(opts.shareText ? { sub: opts.shareText } : {}),
    fill: presenceColor(share),
  };
}

/**
 * Dark or white text on a fill, by the fill's relative luminance (WCAG).
 * @example textColorOn('#08519c') // '#ffffff'; textColorOn('#deebf7') // '#1d2733'
 */
export function textColorOn(fill: string): string {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(fill);
  if (!m) return INK;
  const lin = (hex: string) => {
    const c = parseInt(hex, 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const l = 0.2126 * lin(m[1] ?? '0') + 0.7152 * lin(m[2] ?? '0') + 0.0722 * lin(m[3] ?? '0');
  return l < 0.3 ? '#ffffff' : INK;
}

const INK = '#1d2733';

/**
 * Approximate width of a string in pixels, without a canvas: CJK and full-width characters are one
 * em, Latin capitals and digits 0.62 em, other characters 0.52 em, spaces 0.28 em. Good enough to
 * lay out labels; real text can be a few percent off either way.
 * @example estimateTextWidth('正极', 12) // 24
 * @example estimateTextWidth('A1 b', 10) // 6.2 + 6.2 + 2.8 + 5.2 = 20.4
 */
export function estimateTextWidth(text: string, fontSize: number): number {
  let em = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (code >= 0x2e80 || (code >= 0xff00 && code <= 0xffef)) em += 1;
    else if (ch === ' ') em += 0.28;
    else if (/[A-Z0-9%]/.test(ch)) em += 0.62;
    else em += 0.52;
  }
  return Math.round(em * fontSize * 100) / 100;
}

/**
 * The text, cut with “…” so that its estimated width fits.
 * @example fitText('Lithium, nickel and cobalt', 60, 10) // 'Lithium, n…'
 */
export function fitText(text: string, maxWidth: number, fontSize: number): string {
  if (estimateTextWidth(text, fontSize) <= maxWidth) return text;
  const chars = [...text];
  while (chars.length > 0 && estimateTextWidth(`${chars.join('')}…`, fontSize) > maxWidth) {
    chars.pop();
  }
  return `${chars.join('').trimEnd()}…`;
}

/**
 * A text broken into lines no wider than `maxWidth`: at spaces between Latin words, anywhere between
 * CJK characters; a word is never split (one longer than the line is cut with “…”), and the last
 * allowed line ends with “…” when text is left over.
 * @example wrapText('Joint-stock bank', 60, 10) // ['Joint-stock', 'bank']
 * @example wrapText('国有大型商业银行', 40, 10) // ['国有大型', '商业银行']
 */
export function wrapText(
  text: string,
  maxWidth: number,
  fontSize: number,
  maxLines: number,
): string[] {
  const tokens = text.match(/[\u2e80-\uffef]|[^\s\u2e80-\uffef]+|\s+/gu) ?? [];
  const lines: string[] = [];
  let line = '';
  for (const tok of tokens) {
    if (/^\s+$/.test(tok)) {
      if (line) line += ' ';
      continue;
    }
    const next = line + tok;
    if (estimateTextWidth(next.trimEnd(), fontSize) <= maxWidth || line.trim() === '') {
      line = next;
      continue;
    }
    lines.push(line.trimEnd());
    line = tok;
  }
  if (line.trim()) lines.push(line.trimEnd());
  const out = lines.slice(0, maxLines);
  if (lines.length > maxLines) {
    out[maxLines - 1] = fitText(
      `${out[maxLines - 1] ?? ''} ${lines[maxLines] ?? ''}`,
      maxWidth,
      fontSize,
    );
    if (!out[maxLines - 1]?.endsWith('…')) out[maxLines - 1] = `${out[maxLines - 1] ?? ''}…`;
  }
  return out.map((l) => fitText(l, maxWidth, fontSize));
}

export interface CellStyle {
  /** The first line: SMEs served, or “<3”. */
  text: string;
  /** An optional second line in smaller type: the share. */
  sub?: string;
  fill: string;
  /** Text colour; by default dark or white for contrast with the fill. */
  textColor?: string;
}

export interface MatrixChartRow {
  key: string;
  label: string;
  /** Colour of the chip before the label (the link's verdict). */
  chipColor: string;
  /** Tooltip of the row label (what the chip means), shown on hover. */
  title?: string;
  /** One string per row-total column, already formatted. */
  totals: string[];
  selected?: boolean;
}

export interface MatrixChartColumn {
  key: string;
  label: string;
  /** A last header line under the wrapped label (e.g. “6家”). */
  sublabel?: string;
  /** Hover text: the full name. */
  title?: string;
  /** Drawn indented (a bank under its expanded type). */
  child?: boolean;
  /** A type column that can show its banks (`expand`) or fold them again (`collapse`). */
  toggle?: 'expand' | 'collapse';
  /** One string per column-total line, already formatted. */
  totals: string[];
  /** Drawn in bold (the user's own bank). */
  emphasis?: boolean;
}

export interface MatrixChartInput {
  rows: readonly MatrixChartRow[];
  columns: readonly MatrixChartColumn[];
  cell: (rowKey: string, columnKey: string) => CellStyle;
  /** Header of the label column, e.g. “环节 Link”. */
  rowHeader: string;
  /** Headers of the row-total columns (as many as each row's totals). */
  rowTotalHeaders: readonly string[];
  /** Headers of the column-total lines (as many as each column's totals). */
  columnTotalHeaders: readonly string[];
}

export interface MatrixDims {
  cellWidth: number;
  cellHeight: number;
  /** Gap between cells, as a share of a band (d3 paddingInner). */
  padding: number;
  labelWidth: number;
  /** Width of each row-total column. */
  totalWidths: readonly number[];
  /** Longest column label, in px along the text, before it is cut with “…” (legacy; unused). */
  columnLabelMax: number;
  /** Lines a column label may wrap into (its sublabel comes on top of these). */
  columnLabelLines: number;
  /** Width of a child column (a bank under its expanded type): room for its name. */
  childCellWidth?: number;
  fontSize: number;
}

export const DEFAULT_DIMS: MatrixDims = {
  cellWidth: 24,
  cellHeight: 24,
  padding: 0.1,
  labelWidth: 160,
  totalWidths: [40, 52, 66],
  columnLabelMax: 150,
  columnLabelLines: 3,
  fontSize: 12,
};

export interface SceneText {
  x: number;
  y: number;
  text: string;
  anchor: 'start' | 'middle' | 'end';
  /** The uncut text, when `text` was cut. */
  full?: string;
}

export interface SceneCell {
  rowKey: string;
  columnKey: string;
  x: number;
  y: number;
  w: number;
  h: number;
  fill: string;
  text: string;
  sub?: string;
  textColor: string;
}

export interface SceneRow {
  key: string;
  /** The row's band across labels, totals and cells (for hover and selection). */
  band: { x: number; y: number; w: number; h: number };
  chip: { x: number; y: number; size: number; color: string };
  label: SceneText;
  /** Tooltip of the label: the row's title, else its uncut label. */
  title: string;
  totals: SceneText[];
  selected: boolean;
}

export interface SceneColumn {
  key: string;
  x: number;
  w: number;
  /** The header: wrapped label lines, centred over the column, the sublabel last. */
  lines: SceneText[];
  /** Hover text of the header. */
  title: string;
  totals: SceneText[];
  emphasis: boolean;
  child: boolean;
  toggle: 'expand' | 'collapse' | null;
}

export interface MatrixScene {
  width: number;
  height: number;
  fontSize: number;
  grid: { x: number; y: number; w: number; h: number };
  headers: SceneText[];
  rows: SceneRow[];
  columns: SceneColumn[];
  cells: SceneCell[];
}

/**
 * Baselines of a cell's text: one line centred, or the count above the share.
 * @example cellTextY({ y: 0, h: 34, sub: '40.0%' }, 12) // { text: 14.5, sub: 27 }
 */
export function cellTextY(
  c: { y: number; h: number; sub?: string | undefined },
  fontSize: number,
): { text: number; sub: number } {
  const mid = c.y + c.h / 2;
  if (!c.sub) return { text: mid + (fontSize - 1) * 0.36, sub: mid };
  return { text: mid - 2.5, sub: mid + fontSize - 1 };
}

const CHIP = 10;
const MARGIN = 6;

/**
 * Positions every part of the matrix. Rows are bands of `cellHeight` below a header whose height
 * fits the column label with the most lines: labels are horizontal, wrapped to the column's width
 * (full text on hover), so the drawing is no wider than the grid. Column totals are lines under it.
 * @example
 * buildMatrixScene({ rows: [r1, r2], columns: [c1, c2, c3], … }, { cellWidth: 20, cellHeight: 20, padding: 0, … })
 * // → cells of 20 × 20, c2's cells at x = grid.x + 20, r2's at y = grid.y + 20
 */
export function buildMatrixScene(
  input: MatrixChartInput,
  dims: Partial<MatrixDims> = {},
): MatrixScene {
  const d = { ...DEFAULT_DIMS, ...dims };
  const fs = d.fontSize;
  const small = fs - 1;
  const lineH = small + 3;
  // Each column's slot; the cell leaves `padding` of it free on the right.
  const slots = input.columns.map((c) =>
    c.child ? (d.childCellWidth ?? d.cellWidth) : d.cellWidth,
  );
  const bandOf = (i: number) => (slots[i] ?? d.cellWidth) * (1 - d.padding);
  const columnLines = input.columns.map((c, i) => {
    const labelRoom = bandOf(i) - 2;
    return [
      ...wrapText(
        c.label,
        labelRoom,
        small,
        c.sublabel ? Math.max(1, d.columnLabelLines - 1) : d.columnLabelLines,
      ),
      ...(c.sublabel ? [fitText(c.sublabel, labelRoom, small)] : []),
    ];
  });
  const mostLines = max(columnLines, (l) => l.length) ?? 0;
  const headerHeight = Math.max(fs * 2 + 8, Math.ceil(mostLines * lineH + 10));

  const totalsWidth = sum(d.totalWidths.slice(0, input.rowTotalHeaders.length));
  const gridX = MARGIN + d.labelWidth + totalsWidth + 8;
  const gridY = MARGIN + headerHeight;
  const gridW = sum(slots);
  const lefts = slots.map((_, i) => gridX + sum(slots.slice(0, i)));
  const gridH = input.rows.length * d.cellHeight;
  const y = scaleBand<string>()
    .domain(input.rows.map((r) => r.key))
    .range([gridY, gridY + gridH])
    .paddingInner(d.padding);
  const ch = y.bandwidth();
  const baseline = (top: number, h: number) => Math.round((top + h / 2 + fs * 0.36) * 10) / 10;

  /** Right edge of each row-total column. */
  const totalRights = d.totalWidths
    .slice(0, input.rowTotalHeaders.length)
    .map((_, i) => MARGIN + d.labelWidth + sum(d.totalWidths.slice(0, i + 1)));
  const labelX = MARGIN + CHIP + 6;
  const labelMax = d.labelWidth - CHIP - 10;

  const headers: SceneText[] = [
    { x: MARGIN, y: gridY - 8, text: input.rowHeader, anchor: 'start' },
    ...input.rowTotalHeaders.map((text, i): SceneText => ({
      x: totalRights[i] ?? 0,
      y: gridY - 8,
      text,
      anchor: 'end',
    })),
  ];
  const totalsTop = gridY + gridH + 6;
  const lineHeight = fs + 6;
  input.columnTotalHeaders.forEach((text, i) => {
    headers.push({
      x: gridX - 8,
      y: totalsTop + lineHeight * i + fs,
      text,
      anchor: 'end',
    });
  });

  const rows: SceneRow[] = input.rows.map((r) => {
    const top = y(r.key) ?? gridY;
    const label = fitText(r.label, labelMax, fs);
    return {
      key: r.key,
      band: { x: MARGIN, y: top, w: gridX + gridW - MARGIN, h: ch },
      chip: { x: MARGIN, y: top + (ch - CHIP) / 2, size: CHIP, color: r.chipColor },
      label: {
        x: labelX,
        y: baseline(top, ch),
        text: label,
        anchor: 'start',
        ...(label !== r.label ? { full: r.label } : {}),
      },
      title: r.title ?? r.label,
      totals: r.totals.map((text, i) => ({
        x: totalRights[i] ?? 0,
        y: baseline(top, ch),
        text,
        anchor: 'end',
      })),
      selected: r.selected === true,
    };
  });

  const columns: SceneColumn[] = input.columns.map((c, i) => {
    const left = lefts[i] ?? gridX;
    const cw = bandOf(i);
    const lines = columnLines[i] ?? [];
    // Bottom-aligned: the last line sits 6 px above the grid.
    const firstBaseline = gridY - 6 - (lines.length - 1) * lineH;
    return {
      key: c.key,
      x: left,
      w: cw,
      lines: lines.map((text, j) => ({
        x: Math.round((left + cw / 2) * 10) / 10,
        y: Math.round((firstBaseline + j * lineH) * 10) / 10,
        text,
        anchor: 'middle',
      })),
      title: c.title ?? [c.label, c.sublabel].filter(Boolean).join(' '),
      child: c.child === true,
      toggle: c.toggle ?? null,
      totals: c.totals.map((text, j) => ({
        x: Math.round((left + cw / 2) * 10) / 10,
        y: totalsTop + lineHeight * j + fs,
        text,
        anchor: 'middle',
      })),
      emphasis: c.emphasis === true,
    };
  });

  const cells: SceneCell[] = [];
  for (const r of input.rows) {
    for (const [i, c] of input.columns.entries()) {
      const style = input.cell(r.key, c.key);
      const cx = lefts[i] ?? gridX;
      const cw = bandOf(i);
      const cy = y(r.key) ?? gridY;
      cells.push({
        rowKey: r.key,
        columnKey: c.key,
        x: cx,
        y: cy,
        w: cw,
        h: ch,
        fill: style.fill,
        text: style.text,
        ...(style.sub ? { sub: style.sub } : {}),
        textColor: style.textColor ?? textColorOn(style.fill),
      });
    }
  }

  const totalLines = input.columnTotalHeaders.length;
  return {
    width: Math.ceil(gridX + gridW + MARGIN),
    height: Math.ceil(totalsTop + lineHeight * totalLines + MARGIN),
    fontSize: fs,
    grid: { x: gridX, y: gridY, w: gridW, h: gridH },
    headers,
    rows,
    columns,
    cells,
  };
}
