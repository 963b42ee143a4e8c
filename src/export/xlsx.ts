/**
 * XLSX writer for the exported lists, on exceljs 4.4 (never the npm `xlsx` package, domain.md §7.6).
 * The writer takes the exceljs module as an argument so that it runs unchanged in Node tests; the
 * app loads exceljs with `loadExcelJs()` when the user clicks, so it never weighs on the first view.
 */
import type { ColumnKind, ExportTable } from './csv';

export type ExcelJs = typeof import('exceljs');

/** exceljs's browser bundle is CommonJS: bundlers hand it over as `default`, Node as the module. */
export async function loadExcelJs(): Promise<ExcelJs> {
  const loaded: ExcelJs & { default?: ExcelJs } = await import('exceljs');
  return loaded.default ?? loaded;
}

export interface WorkbookInfo {
  title: string;
  subject: string;
  /** The footer line (what the data are and their date). */
  description: string;
  keywords: string;
  /** When the workbook was made; passed in so that the output does not depend on the clock. */
  created: Date;
}

export const WORKBOOK_CREATOR = 'ChainAtlas 产业链金融地图';

/** Excel number formats by column kind: amounts in 万元 with two decimals, scores with four. */
export const NUMBER_FORMATS: Record<ColumnKind, string | undefined> = {
  text: undefined,
  integer: '0',
  amount: '#,##0.00',
  score: '0.0000',
};

const HEADER_FILL = 'FFE8EEF5';

/**
 * The tables as an .xlsx workbook, one sheet per table: a bold, frozen, filterable header row,
 * column widths, numbers as numbers with their format, and the footer lines in the last rows
 * (after an empty row), each merged across the table's width.
 */
export async function buildXlsx(
  excel: ExcelJs,
  tables: readonly ExportTable[],
  info: WorkbookInfo,
): Promise<Uint8Array<ArrayBuffer>> {
  const wb = new excel.Workbook();
  wb.creator = WORKBOOK_CREATOR;
  wb.lastModifiedBy = WORKBOOK_CREATOR;
  wb.created = info.created;
  wb.modified = info.created;
  wb.title = info.title;
  wb.subject = info.subject;
  wb.description = info.description;
  wb.keywords = info.keywords;
  wb.company = WORKBOOK_CREATOR;

  for (const table of tables) {
    const ws = wb.addWorksheet(table.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    const width = Math.max(1, table.columns.length);
    ws.columns = table.columns.map((c, i) => ({
      key: `c${i}`,
      width: c.width,
      ...(NUMBER_FORMATS[c.kind] && { style: { numFmt: NUMBER_FORMATS[c.kind] } }),
    }));

    const header = ws.addRow(table.columns.map((c) => c.header));
    header.font = { bold: true };
    header.alignment = { vertical: 'middle', wrapText: true };
    header.eachCell((cell) => {
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: HEADER_FILL } };
      cell.border = { bottom: { style: 'thin', color: { argb: 'FF7A8796' } } };
    });
    header.height = 32;

    for (const row of table.rows) ws.addRow(row.map((cell) => cell ?? null));

    if (table.columns.length > 0) {
      ws.autoFilter = {
        from: { row: 1, column: 1 },
        to: { row: 1, column: table.columns.length },
      };
    }

    if (table.footer.length > 0) ws.addRow([]);
    for (const line of table.footer) {
      const row = ws.addRow([line]);
      row.font = { italic: true, color: { argb: 'FF4A5868' } };
      if (width > 1) ws.mergeCells(row.number, 1, row.number, width);
    }
  }

  const buffer = await wb.xlsx.writeBuffer();
  return new Uint8Array(buffer);
}
