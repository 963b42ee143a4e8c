import { describe, expect, it } from 'vitest';
import {
  EXPORT_MIN_WIDTH,
  layoutExport,
  stackImages,
  STAMP_TEXT,
  wrapItems,
  type ExportParts,
  type Measure,
} from './png';

/** Every character is one em wide: widths are easy to work out by hand. */
const em: Measure = (text, font) => [...text].length * font.size;
const chars = (s: string) => [...s].length * 10;

describe('wrapItems()', () => {
  it('keeps items on one line while they fit, joined by the separator', () => {
    // 'a · b' = 5 characters = 50
    expect(wrapItems(['a', 'b'], ' · ', 50, chars)).toEqual(['a · b']);
  });

  it('starts a new line before an item that would overflow', () => {
    // 'abc · de' = 8 = 80 > 70; 'de · f' = 6 = 60
    expect(wrapItems(['abc', 'de', 'f'], ' · ', 70, chars)).toEqual(['abc', 'de · f']);
  });

  it('breaks an item wider than a line between characters (CJK has no spaces)', () => {
    expect(wrapItems(['产业链：新能源汽车及动力电池'], ' · ', 60, chars)).toEqual([
      '产业链：新能',
      '源汽车及动力',
      '电池',
    ]);
    // the rest of a broken item shares its line with the next item when it fits
    expect(wrapItems(['一二三四五六七', '八'], '·', 50, chars)).toEqual(['一二三四五', '六七·八']);
  });

  it('skips empty items and returns no line for nothing', () => {
    expect(wrapItems(['', '  ', 'x'], ' · ', 100, chars)).toEqual(['x']);
    expect(wrapItems([], ' · ', 100, chars)).toEqual([]);
  });

  it('does not mutate its input', () => {
    const items = ['b', 'a'];
    wrapItems(items, ' · ', 10, chars);
    expect(items).toEqual(['b', 'a']);
  });
});

const base: Omit<ExportParts, 'images'> = {
  title: 'T',
  legend: [],
  filters: [],
  footer: 'F',
  synthetic: false,
  width: 800,
  height: 400,
};

describe('layoutExport()', () => {
  it('puts the title on top, the content below it and the footer at the bottom', () => {
    const l = layoutExport(base, em);
    expect(l.width).toBe(848);
    // title: 24 + 22 + 6 = 52, baseline at 46; header bottom 52 + 16 = 68
    expect(l.title).toEqual([{ x: 24, y: 46, text: 'T' }]);
    expect(l.content).toEqual({ x: 24, y: 68, w: 800, h: 400 });
    // under the content: 68 + 400 + 14 = 482; footer baseline 482 + 11 + 2
    expect(l.footer).toEqual([{ x: 24, y: 495, text: 'F' }]);
    expect(l.height).toBe(520);
    expect(l.stamp).toBeNull();
  });

  it('draws the synthetic stamp at the top right and keeps the title clear of it', () => {
    const l = layoutExport({ ...base, synthetic: true, title: '银'.repeat(40) }, em);
    // stamp: '示例数据（合成）' 8 + ' · ' 3 + 'SYNTHETIC DEMO DATA' 19 = 30 characters;
    // 30 × 13 + 20 = 410 wide, 25 high, right-aligned at 848 − 24
    expect([...STAMP_TEXT].length).toBe(30);
    expect(l.stamp).toEqual({
      x: 414,
      y: 24,
      w: 410,
      h: 25,
      text: { x: 424, y: 41, text: STAMP_TEXT },
    });
    // title room: 800 − 410 − 16 = 374 px = 17 characters of 22 px per line
    expect(l.title.map((t) => [...t.text].length)).toEqual([17, 17, 6]);
    expect(l.title.map((t) => t.y)).toEqual([46, 74, 102]);
    // 24 + 3 × 28 = 108, + 16
    expect(l.content.y).toBe(124);
  });

  it('adds the subtitle under the title', () => {
    const l = layoutExport({ ...base, subtitle: 'Sub' }, em);
    // after the title 52; subtitle 52 + 14 + 6 = 72, baseline 68; header 72 + 16
    expect(l.subtitle).toEqual([{ x: 24, y: 68, text: 'Sub' }]);
    expect(l.content.y).toBe(88);
  });

  it('flows legend swatches in rows and wraps the filters line', () => {
    const legend = [
      { label: 'a'.repeat(30), color: '#111111' },
      { label: 'b'.repeat(30), color: '#222222' },
      { label: 'c'.repeat(10), color: '#333333' },
    ];
    const filters = ['x'.repeat(40), 'y'.repeat(40), 'z'.repeat(10)];
    const l = layoutExport({ ...base, width: 600, legend, filters }, em);
    // inner width 600; an item is 12 + 5 + 30 × 12 = 377 wide (+16 between items)
    expect(l.legend.map((i) => [i.swatch.x, i.swatch.y, i.label.x])).toEqual([
      [24, 482, 41],
      [24, 500, 41], // 24 + 377 + 16 + 377 > 624: second row
      [417, 500, 434], // 24 + 377 + 16 = 417; 417 + 137 fits
    ]);
    expect(l.legend[0]?.label.y).toBe(493);
    // filters start 500 + 18 + 6 = 524: 'x…x · y…y' = 83 × 12 = 996 > 600 → one per line;
    // 'y…y · z…z' = 53 × 12 = 636 > 600 → z on its own line
    expect(l.filters.map((f) => [f.y, f.text.length])).toEqual([
      [536, 40],
      [554, 40],
      [572, 10],
    ]);
    // footer: 524 + 3 × 18 + 4 = 582, baseline + 13
    expect(l.footer[0]?.y).toBe(595);
  });

  it('is never narrower than the minimum width', () => {
    const l = layoutExport({ ...base, width: 100, height: 50 }, em);
    expect(l.width).toBe(EXPORT_MIN_WIDTH);
    expect(l.content.w).toBe(100);
  });
});

describe('stackImages()', () => {
  it('stacks pictures with a gap, scaling down the ones wider than the limit', () => {
    expect(
      stackImages(
        [
          { w: 1000, h: 500 },
          { w: 400, h: 300 },
        ],
        800,
        10,
      ),
    ).toEqual({
      items: [
        { x: 0, y: 0, w: 800, h: 400 },
        { x: 0, y: 410, w: 400, h: 300 },
      ],
      width: 800,
      height: 710,
    });
  });

  it('is empty for no pictures', () => {
    expect(stackImages([], 800, 10)).toEqual({ items: [], width: 0, height: 0 });
  });
});
