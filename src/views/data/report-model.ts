/**
 * Pure helpers of the validation report: the summary line, severity filter and counts, paging,
 * row labels. The report component only lays them out.
 */
import type { ImportIssueRow } from '../../data/import-client';
import { formatCount, type Lang } from '../../i18n/format';
import { translate } from '../../i18n/messages';
import type { Severity, SheetKey } from '../../import/issues';
import type { SheetSummary } from '../../import/validate';

/**
 * The summary of §7.1, numbers with thousands separators.
 * @example summaryLine({ rows: 1234, imported: 1201, rejected: 33, withWarnings: 57, emptySkipped: 0 }, 'zh')
 * // '1,234 行：1,201 行导入，33 行拒绝，57 行有警告'
 * @example summaryLine(same, 'en') // '1,234 rows: 1,201 imported, 33 rejected, 57 with warnings'
 */
export function summaryLine(s: SheetSummary, lang: Lang): string {
  return translate(lang, 'data.report.line', {
    rows: formatCount(s.rows, lang),
    imported: formatCount(s.imported, lang),
    rejected: formatCount(s.rejected, lang),
    warnings: formatCount(s.withWarnings, lang),
  });
}

export type SeverityFilter = Severity | 'all';
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

/** Issues per severity, and all of them. */
export function severityCounts(issues: readonly ImportIssueRow[]): Record<SeverityFilter, number> {
  const out = { all: issues.length, error: 0, warning: 0, info: 0 };
  for (const i of issues) out[i.severity]++;
  return out;
}

export const filterIssues = (
  issues: readonly ImportIssueRow[],
  severity: SeverityFilter,
): readonly ImportIssueRow[] =>
  severity === 'all' ? issues : issues.filter((i) => i.severity === severity);

export interface Page<T> {
  items: T[];
  /** 0-based page, clamped to the pages there are. */
  page: number;
  pages: number;
  /** 1-based positions of the first and last item shown; 0 when empty. */
  from: number;
  to: number;
}

/**
 * One page of a list.
 * @example pageOf([1, 2, 3, 4, 5], 1, 2) // { items: [3, 4], page: 1, pages: 3, from: 3, to: 4 }
 */
export function pageOf<T>(items: readonly T[], page: number, size: number): Page<T> {
  const pages = Math.max(1, Math.ceil(items.length / size));
  const p = Math.min(Math.max(0, Math.floor(page)), pages - 1);
  const slice = items.slice(p * size, (p + 1) * size);
  return {
    items: slice,
    page: p,
    pages,
    from: slice.length > 0 ? p * size + 1 : 0,
    to: p * size + slice.length,
  };
}

/**
 * The row column of the report: row 0 is the whole file or sheet, row 1 the header row.
 * @example rowLabel(0, 'zh') // '整个文件'
 * @example rowLabel(12, 'en') // '12'
 */
export function rowLabel(row: number, lang: Lang): string {
  if (row === 0) return translate(lang, 'data.report.row.file');
  if (row === 1) return translate(lang, 'data.report.row.header');
  return formatCount(row, lang);
}

export const sheetLabel = (sheet: SheetKey, lang: Lang): string =>
  translate(lang, `data.sheet.${sheet}`);

/** Enterprise rows rejected only for a wrong USCC check character: the user may keep them (§7.3). */
export function overridableRows(issues: readonly ImportIssueRow[]): Set<number> {
  const checkRows = new Set<number>();
  const otherErrors = new Set<number>();
  for (const i of issues) {
    if (i.sheet !== 'enterprises' || i.severity !== 'error') continue;
    if (i.code === 'E_USCC_CHECK') checkRows.add(i.row);
    else otherErrors.add(i.row);
  }
  return new Set([...checkRows].filter((r) => !otherErrors.has(r)));
}
