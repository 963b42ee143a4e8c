/**
 * “Download the rejected rows” (domain.md §7.1): the rows an error kept out, with their original
 * columns and one more column of messages, as a UTF-8 CSV with BOM (so Excel reads Chinese), every
 * cell neutralised against formula injection (safeCell). Fixed in Excel, the file imports again: the
 * messages column is then an unknown column, kept aside and never scored.
 */
import type { ImportIssueRow, RejectedSheetRows } from '../../data/import-client';
import { safeCell } from '../../export/footer';

export const MESSAGES_HEADER = '错误信息 / Messages';

const csvField = (value: string) =>
  /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;

/**
 * The message cell of one row: every issue of that row, zh / en, with the column and suggestion.
 * @example rowMessages(issues, 'enterprises', 3) // 'USCC：校验码错误，应为U / check character wrong, expected U（建议 / suggestion: U）'
 */
export function rowMessages(
  issues: readonly ImportIssueRow[],
  sheet: RejectedSheetRows['sheet'],
  row: number,
): string {
  return issues
    .filter((i) => i.sheet === sheet && i.row === row)
    .map((i) => {
      const where = i.column === '' ? '' : `${i.column}：`;
      const hint = i.suggestion ? `（建议 / suggestion: ${i.suggestion}）` : '';
      return `${where}${i.messageZh} / ${i.messageEn}${hint}`;
    })
    .join('；');
}

/**
 * The CSV text (BOM first, CRLF line ends as Excel writes them).
 * @example buildRejectedRowsCsv({ sheet: 'enterprises', fileName: 'a.csv', headers: ['USCC'], rows: [{ row: 2, cells: ['=1'] }] }, [])
 * // '\uFEFFUSCC,错误信息 / Messages\r\n\'=1,\r\n'
 */
export function buildRejectedRowsCsv(
  rejected: RejectedSheetRows,
  issues: readonly ImportIssueRow[],
): string {
  // A reduce, not Math.max(...rows): a file with every row rejected may have 200,000 of them.
  const width = rejected.rows.reduce(
    (w, r) => Math.max(w, r.cells.length),
    rejected.headers.length,
  );
  const pad = (cells: readonly string[]) =>
    Array.from({ length: width }, (_, i) => safeCell(cells[i] ?? ''));
  const lines = [[...pad(rejected.headers), MESSAGES_HEADER]];
  for (const r of rejected.rows) {
    lines.push([...pad(r.cells), safeCell(rowMessages(issues, rejected.sheet, r.row))]);
  }
  return `\uFEFF${lines.map((cells) => cells.map(csvField).join(',')).join('\r\n')}\r\n`;
}

/**
 * The download's file name: the source file's stem, the sheet when a workbook held several.
 * @example rejectedRowsFileName({ sheet: 'enterprises', fileName: '企业.csv', … }) // '企业-rejected-rows.csv'
 */
export function rejectedRowsFileName(rejected: RejectedSheetRows): string {
  const stem = rejected.fileName.replace(/\.[^.]+$/, '') || 'import';
  const sheet = /\.xlsx$/i.test(rejected.fileName) ? `-${rejected.sheet}` : '';
  return `${stem}${sheet}-rejected-rows.csv`;
}
