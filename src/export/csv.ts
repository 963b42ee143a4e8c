/**
 * CSV writer for the exported lists: UTF-8 with a byte-order mark (so that Excel on Chinese Windows
 * reads UTF-8, not GBK), CRLF line ends, RFC 4180 quoting, and every text cell neutralised against
 * formula injection (domain.md §7.5). The same `ExportTable` feeds the XLSX writer.
 */
import { safeCell } from './footer';

/** A cell: text, a number (amounts in 万元, scores, counts) or empty. */
export type Cell = string | number | null;

/** How a column's numbers are shown in a spreadsheet; text columns hold strings. */
export type ColumnKind = 'text' | 'integer' | 'amount' | 'score';

export interface ExportColumn {
  /** The header as written, e.g. '融资缺口（万元） / Financing gap (10k CNY)'. */
  header: string;
  kind: ColumnKind;
  /** Spreadsheet column width in characters. */
  width: number;
}

/** A table to export: one header row, data rows, then footer lines (what the data are, the date). */
export interface ExportTable {
  /** Sheet name in a workbook (≤ 31 characters, none of : \ / ? * [ ]). */
  name: string;
  columns: ExportColumn[];
  rows: Cell[][];
  footer: string[];
}

export const CSV_BOM = '\uFEFF';
const CRLF = '\r\n';

/**
 * One CSV field: numbers as written by JavaScript, text through `safeCell`, quoted when it holds a
 * comma, a quote or a line break (quotes doubled).
 * @example csvField('a,"b"') // → '"a,""b"""'
 * @example csvField('=1+1') // → "'=1+1"
 * @example csvField(-5) // → '-5'  (a number is not text: it is never prefixed)
 */
export function csvField(cell: Cell): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  const text = safeCell(cell);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The table as CSV text, BOM first: the header row, the data rows, an empty line and the footer
 * lines, every line ended by CRLF.
 * @example
 * toCsv({ name: 's', columns: [{ header: '名称', kind: 'text', width: 10 }], rows: [['甲']], footer: ['脚注'] })
 * // → '\uFEFF名称\r\n甲\r\n\r\n脚注\r\n'
 */
export function toCsv(table: ExportTable): string {
  const lines = [
    table.columns.map((c) => csvField(c.header)).join(','),
    ...table.rows.map((row) => row.map(csvField).join(',')),
  ];
  if (table.footer.length > 0) lines.push('', ...table.footer.map(csvField));
  return CSV_BOM + lines.map((l) => l + CRLF).join('');
}
