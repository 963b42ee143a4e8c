/**
 * Browser downloads of the exported lists: a Blob behind an object URL, clicked through a temporary
 * <a download>, the URL revoked afterwards. The file contents come from the pure writers in
 * src/export/.
 */
import { toCsv, type ExportTable } from '../../export/csv';
import { buildXlsx, loadExcelJs, type WorkbookInfo } from '../../export/xlsx';

export const CSV_TYPE = 'text/csv;charset=utf-8';
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  // Some browsers read the URL after click() returns: revoke on the next turn.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

export function downloadCsv(table: ExportTable, fileName: string): void {
  downloadBlob(new Blob([toCsv(table)], { type: CSV_TYPE }), fileName);
}

/** exceljs is loaded here, at the click, never with the view. */
export async function downloadXlsx(
  tables: readonly ExportTable[],
  fileName: string,
  info: WorkbookInfo,
): Promise<void> {
  const excel = await loadExcelJs();
  const bytes = await buildXlsx(excel, tables, info);
  downloadBlob(new Blob([bytes], { type: XLSX_TYPE }), fileName);
}
