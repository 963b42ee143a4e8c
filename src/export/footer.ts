import type { DatasetMeta } from '../domain/schema';

/**
 * The line every export carries (CSV, XLSX, PNG, PDF): what the data are and their date.
 * Synthetic data use the verbatim wording of domain.md §8.4.
 * @example exportFooter(demoMeta) // '合成演示数据 / Synthetic demo data — demo-v1 — generated 2025-06-30'
 */
export function exportFooter(meta: DatasetMeta): string {
  if (meta.isSynthetic) {
    return `合成演示数据 / Synthetic demo data — ${meta.datasetId} — generated ${meta.asOf}`;
  }
  return `用户导入数据 / User-imported data — ${meta.datasetId} — 数据日期 / as of ${meta.asOf}`;
}

/**
 * Neutralises spreadsheet formula prefixes (= + - @, tab, CR) so a cell from untrusted data is shown
 * as text, never run as a formula (domain.md §7.5, CSV injection).
 * @example safeCell('=HYPERLINK("x")') // "'=HYPERLINK(\"x\")"
 */
export function safeCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}
