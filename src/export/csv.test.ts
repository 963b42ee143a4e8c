import { describe, expect, it } from 'vitest';
import { CSV_BOM, csvField, toCsv, type ExportTable } from './csv';

const tableOf = (over: Partial<ExportTable> = {}): ExportTable => ({
  name: '表',
  columns: [
    { header: '企业名称 / Enterprise name', kind: 'text', width: 30 },
    { header: '融资缺口（万元） / Financing gap (10k CNY)', kind: 'amount', width: 16 },
  ],
  rows: [
    ['示例·常州·隔膜企业017（演示）', 850],
    ['甲, 乙', 1200.5],
  ],
  footer: ['合成演示数据 / Synthetic demo data — demo-v1 — generated 2025-06-30'],
  ...over,
});

describe('csvField()', () => {
  it.each([
    ['plain text', '示例企业', '示例企业'],
    ['a comma', '甲,乙', '"甲,乙"'],
    ['quotes, doubled', 'say "hi"', '"say ""hi"""'],
    ['a line break', 'a\nb', '"a\nb"'],
    ['a carriage return', 'a\rb', '"a\rb"'],
    ['a formula', '=HYPERLINK("x")', '"\'=HYPERLINK(""x"")"'],
    ['a leading minus in text', '-5', "'-5"],
    ['a leading at-sign', '@SUM(A1)', "'@SUM(A1)"],
  ])('%s: %s → %s', (_title, input, expected) => {
    expect(csvField(input)).toBe(expected);
  });

  it.each([
    [850, '850'],
    [1200.5, '1200.5'],
    [-5, '-5'],
    [0, '0'],
    [null, ''],
    [Number.NaN, ''],
  ])('writes %s as %s (numbers are never prefixed)', (input, expected) => {
    expect(csvField(input)).toBe(expected);
  });
});

describe('toCsv()', () => {
  it('starts with the UTF-8 byte-order mark', () => {
    expect(toCsv(tableOf()).startsWith(CSV_BOM)).toBe(true);
    expect(new TextEncoder().encode(toCsv(tableOf())).slice(0, 3)).toEqual(
      new Uint8Array([0xef, 0xbb, 0xbf]),
    );
  });

  it('writes header, rows, an empty line and the footer, each line ended by CRLF', () => {
    expect(toCsv(tableOf())).toBe(
      CSV_BOM +
        '企业名称 / Enterprise name,融资缺口（万元） / Financing gap (10k CNY)\r\n' +
        '示例·常州·隔膜企业017（演示）,850\r\n' +
        '"甲, 乙",1200.5\r\n' +
        '\r\n' +
        '合成演示数据 / Synthetic demo data — demo-v1 — generated 2025-06-30\r\n',
    );
  });

  it('has no bare LF outside quoted fields', () => {
    const text = toCsv(tableOf({ rows: [['a\nb', 1]] }));
    const outsideQuotes = text.replace(/"(?:[^"]|"")*"/g, '');
    expect(outsideQuotes).not.toMatch(/[^\r]\n/);
  });

  it('writes no empty line when there is no footer', () => {
    expect(toCsv(tableOf({ rows: [], footer: [] }))).toBe(
      CSV_BOM + '企业名称 / Enterprise name,融资缺口（万元） / Financing gap (10k CNY)\r\n',
    );
  });

  it('does not mutate the table', () => {
    const t = tableOf();
    const before = structuredClone(t);
    toCsv(t);
    expect(t).toEqual(before);
  });
});
