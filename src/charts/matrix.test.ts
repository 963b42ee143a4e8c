import { describe, expect, it } from 'vitest';
import {
  buildMatrixScene,
  EMPTY_CELL_COLOR,
  estimateTextWidth,
  fitText,
  presenceCell,
  presenceColor,
  presenceLegend,
  SMALL_CELL_COLOR,
  SMALL_CELL_INK,
  textColorOn,
  wrapText,
  type MatrixChartInput,
} from './matrix';

describe('presenceColor()', () => {
  it.each([
    [0.01, '#deebf7'],
    [0.1, '#9ecae1'],
    [0.249, '#9ecae1'],
    [0.25, '#6baed6'],
    [0.5, '#3182bd'],
    [0.75, '#08519c'],
    [1, '#08519c'],
  ])('share %d → %s', (share, color) => {
    expect(presenceColor(share)).toBe(color);
  });

  it('has a legend entry per class, bounds from 0 to 1', () => {
    expect(presenceLegend().map((e) => [e.from, e.to])).toEqual([
      [0, 0.1],
      [0.1, 0.25],
      [0.25, 0.5],
      [0.5, 0.75],
      [0.75, 1],
    ]);
  });
});

describe('presenceCell()', () => {
  it.each([
    [0, 0, '', EMPTY_CELL_COLOR],
    [0, null, '', EMPTY_CELL_COLOR],
    [3, 0.3, '3', '#6baed6'],
    [21, 0.8, '21', '#08519c'],
  ])('%d SMEs served, share %s → “%s”', (n, share, text, fill) => {
    expect(presenceCell(n, share)).toEqual({ text, fill });
  });

  it.each([
    [1, 1],
    [2, 0.05],
  ])('%d SMEs served (share %d) → “<3”, not shaded by share (§9.3)', (n, share) => {
    expect(presenceCell(n, share)).toEqual({
      text: '<3',
      fill: SMALL_CELL_COLOR,
      textColor: SMALL_CELL_INK,
    });
  });
});

describe('textColorOn()', () => {
  it.each([
    ['#08519c', '#ffffff'],
    ['#3182bd', '#ffffff'],
    ['#deebf7', '#1d2733'],
    ['#fdd77a', '#1d2733'],
    ['#7f0000', '#ffffff'],
    ['not a colour', '#1d2733'],
  ])('%s → %s', (fill, ink) => {
    expect(textColorOn(fill)).toBe(ink);
  });
});

describe('estimateTextWidth() / fitText()', () => {
  it.each([
    ['正极材料', 12, 48],
    ['A1 b', 10, 20.4],
    ['（示例）', 10, 40],
    ['', 12, 0],
  ])('estimateTextWidth(%s, %d) = %d', (text, size, width) => {
    expect(estimateTextWidth(text, size)).toBeCloseTo(width, 6);
  });

  it('keeps a text that fits and cuts one that does not with “…”', () => {
    expect(fitText('正极材料', 48, 12)).toBe('正极材料');
    // '正极' 24 + '…' 6.24 = 30.24 ≤ 36; '正极材' + '…' = 42.24 > 36
    expect(fitText('正极材料', 36, 12)).toBe('正极…');
    // 'Lithium, n' = L .62 + ithium .52×6 + ',' .52 + ' ' .28 + 'n' .52 = 5.06 em; + '…' .52 = 55.8
    expect(fitText('Lithium, nickel and cobalt', 60, 10)).toBe('Lithium, n…');
  });
});

/** Two links × three banks; row totals in two columns, one column-total line. */
function input(over: Partial<MatrixChartInput> = {}): MatrixChartInput {
  return {
    rows: [
      { key: 'r1', label: '上游', chipColor: '#d7301f', totals: ['2', '50%'] },
      { key: 'r2', label: '中游', chipColor: '#1a9850', totals: ['3', '100%'], selected: true },
    ],
    columns: [
      { key: 'c1', label: 'Bank one', totals: ['4'] },
      { key: 'c2', label: 'Bank two', totals: ['<3'], emphasis: true },
      { key: 'c3', label: 'B3', totals: ['0'] },
    ],
    cell: (r, c) => ({ text: `${r}${c}`, fill: r === 'r1' ? '#08519c' : '#deebf7' }),
    rowHeader: '环节',
    rowTotalHeaders: ['银行', '覆盖'],
    columnTotalHeaders: ['服务'],
    ...over,
  };
}

const dims = {
  cellWidth: 20,
  cellHeight: 20,
  padding: 0,
  labelWidth: 100,
  totalWidths: [30, 40, 50],
  columnLabelMax: 200,
  fontSize: 10,
};

describe('wrapText()', () => {
  it.each([
    ['Joint-stock bank', 60, ['Joint-stock', 'bank']],
    ['国有大型商业银行', 40, ['国有大型', '商业银行']],
    ['City commercial bank', 200, ['City commercial bank']],
    ['a b c d e f', 11, ['a', 'b', 'c…']],
  ] as const)('%s in %d px → %j (words never split)', (text, width, lines) => {
    expect(wrapText(text, width, 10, 3)).toEqual(lines);
  });
});

describe('buildMatrixScene()', () => {
  it('places the grid after the labels and the row totals, below the column-label header', () => {
    const s = buildMatrixScene(input(), dims);
    // x: margin 6 + labels 100 + totals 30 + 40 (two headers) + gap 8 = 184
    // header: 'Bank one' (36 px at 9 px) does not fit the column's 18 px: two lines of 9 + 3 px,
    //         2 × 12 + 10 = 34 (at least 2 × 10 + 8 = 28); y = 6 + 34 = 40
    expect(s.grid).toEqual({ x: 184, y: 40, w: 60, h: 40 });
    expect(s.cells.map((c) => [c.rowKey, c.columnKey, c.x, c.y, c.w, c.h])).toEqual([
      ['r1', 'c1', 184, 40, 20, 20],
      ['r1', 'c2', 204, 40, 20, 20],
      ['r1', 'c3', 224, 40, 20, 20],
      ['r2', 'c1', 184, 60, 20, 20],
      ['r2', 'c2', 204, 60, 20, 20],
      ['r2', 'c3', 224, 60, 20, 20],
    ]);
  });

  it('colours the cell text for contrast unless the cell names a colour, and keeps the strings', () => {
    const s = buildMatrixScene(
      input({
        cell: (r, c) =>
          c === 'c3'
            ? { text: '<3', fill: '#e3e7ec', textColor: '#5b6776' }
            : { text: `${r}${c}`, fill: r === 'r1' ? '#08519c' : '#deebf7' },
      }),
      dims,
    );
    expect(s.cells[0]).toMatchObject({ text: 'r1c1', fill: '#08519c', textColor: '#ffffff' });
    expect(s.cells[3]).toMatchObject({ text: 'r2c1', fill: '#deebf7', textColor: '#1d2733' });
    expect(s.cells[2]).toMatchObject({ text: '<3', textColor: '#5b6776' });
  });

  it('right-aligns the row totals at the end of their columns and marks the selected row', () => {
    const s = buildMatrixScene(input(), dims);
    expect(s.rows[0]?.totals.map((t) => [t.x, t.text, t.anchor])).toEqual([
      [136, '2', 'end'],
      [176, '50%', 'end'],
    ]);
    expect(s.rows.map((r) => r.selected)).toEqual([false, true]);
    expect(s.rows.map((r) => r.title)).toEqual(['上游', '中游']);
    // chip centred in the band; label baseline at mid-band + 0.36 em
    expect(s.rows[1]?.chip).toEqual({ x: 6, y: 65, size: 10, color: '#1a9850' });
    expect(s.rows[1]?.label).toMatchObject({ x: 22, y: 73.6, text: '中游' });
  });

  it('centres horizontal column labels over their column and puts the totals under the grid', () => {
    const s = buildMatrixScene(input(), dims);
    // 'Bank one' breaks at the space; 'Bank' alone (19.6 px) is still wider than 18 px and is cut,
    // never split. Bottom line 6 px above the grid (40 − 6 = 34), the line above 12 px higher.
    expect(s.columns[0]?.lines.map((t) => [t.text, t.x, t.y, t.anchor])).toEqual([
      ['Ba…', 194, 22, 'middle'],
      ['one', 194, 34, 'middle'],
    ]);
    expect(s.columns[0]?.title).toBe('Bank one');
    expect(s.columns[2]?.lines.map((t) => [t.text, t.y])).toEqual([['B3', 34]]);
    // totals line: grid bottom 80 + 6 + font 10 = 96, centred
    expect(s.columns[1]?.totals).toEqual([{ x: 214, y: 96, text: '<3', anchor: 'middle' }]);
    expect(s.columns.map((c) => c.emphasis)).toEqual([false, true, false]);
    expect(s.headers.map((h) => [h.text, h.x, h.y, h.anchor])).toEqual([
      ['环节', 6, 32, 'start'],
      ['银行', 136, 32, 'end'],
      ['覆盖', 176, 32, 'end'],
      ['服务', 176, 96, 'end'],
    ]);
  });

  it('is no wider than the grid (labels wrap inside their column) and holds the total lines', () => {
    const s = buildMatrixScene(input(), dims);
    // right: grid end 244 + margin 6; bottom: 80 + 6 + one line of 16 + margin 6
    expect([s.width, s.height]).toEqual([250, 108]);
  });

  it('cuts long labels with “…” and keeps the full text', () => {
    const s = buildMatrixScene(
      input({
        rows: [{ key: 'r1', label: '锂镍钴资源开采与冶炼加工', chipColor: '#fff', totals: [] }],
        columns: [{ key: 'c1', label: 'A very long bank name indeed', totals: [] }],
      }),
      { ...dims, labelWidth: 80, columnLabelMax: 60 },
    );
    // label room: 80 − chip 10 − 10 = 60 px at 10 px → 5 characters + “…”
    expect(s.rows[0]?.label).toMatchObject({
      text: '锂镍钴资源…',
      full: '锂镍钴资源开采与冶炼加工',
    });
    expect(s.columns[0]?.title).toBe('A very long bank name indeed');
    // without a title, the tooltip is the uncut label
    expect(s.rows[0]?.title).toBe('锂镍钴资源开采与冶炼加工');
    // at most three lines, each within the column (20 − 2 px), the last one ending with “…”
    const lines = s.columns[0]?.lines.map((t) => t.text) ?? [];
    expect(lines.length).toBe(3);
    expect(lines[2]?.endsWith('…')).toBe(true);
    for (const l of lines) expect(estimateTextWidth(l, 9)).toBeLessThanOrEqual(18);
  });

  it('gives a bank under its expanded type a wider column, for its name', () => {
    const s = buildMatrixScene(
      input({
        columns: [
          { key: 'c1', label: 'Type', totals: [] },
          { key: 'c2', label: 'Bank two', totals: [], child: true },
          { key: 'c3', label: 'B3', totals: [] },
        ],
      }),
      { ...dims, childCellWidth: 50 },
    );
    expect(s.columns.map((c) => [c.x, c.w, c.child])).toEqual([
      [184, 20, false],
      [204, 50, true],
      [254, 20, false],
    ]);
    // 'Bank two' fits on one line at 48 px
    expect(s.columns[1]?.lines.map((l) => l.text)).toEqual(['Bank two']);
    expect(s.grid.w).toBe(90);
  });

  it('draws an empty matrix as headers only', () => {
    const s = buildMatrixScene(input({ rows: [], columns: [] }), dims);
    expect(s.cells).toEqual([]);
    expect(s.grid.w).toBe(0);
    expect(s.height).toBeGreaterThan(0);
  });
});
