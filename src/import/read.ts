/**
 * Reading uploaded files into rows of strings (domain.md §7.1, §7.6): CSV through papaparse on the
 * decoded text, XLSX through exceljs. No DOM: both run in a Web Worker and in Node. Both report
 * progress and honour an AbortSignal between chunks of rows, yielding to the event loop there so a
 * cancel message can arrive.
 */
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { guessDelimiter } from './delimiter';
import { assertTextBytes, decodeCsvBytes, type CsvEncoding } from './encoding';
import { SHEET_KEYS, type ImportIssue, type SheetKey } from './issues';
import { normalizeHeaderPart } from './headers';

/** §7.6 size limits. */
export const MAX_FILE_BYTES = 100 * 1024 * 1024;
export const MAX_ROWS = 200_000;
const CHUNK_ROWS = 2000;

export interface ReadOptions {
  /** Called with 0…1 as rows are read. */
  onProgress?: (fraction: number) => void;
  /** Checked between chunks of rows; an abort rejects with the signal's reason. */
  signal?: AbortSignal;
}

/** A file the reader refuses (too large, too many rows), with a bilingual message. */
export class ImportFileError extends Error {
  constructor(
    readonly code: 'E_FILE_TOO_LARGE' | 'E_TOO_MANY_ROWS' | 'E_NOT_XLSX',
    readonly messageZh: string,
    messageEn: string,
  ) {
    super(messageEn);
    this.name = 'ImportFileError';
  }
}

const tooLarge = (bytes: number) =>
  new ImportFileError(
    'E_FILE_TOO_LARGE',
    `文件${(bytes / 1024 / 1024).toFixed(1)} MB，超过100 MB上限`,
    `the file is ${(bytes / 1024 / 1024).toFixed(1)} MB, over the 100 MB limit`,
  );

const tooManyRows = (rows?: number) =>
  new ImportFileError(
    'E_TOO_MANY_ROWS',
    `${rows === undefined ? '' : `有内容的数据行共${rows.toLocaleString('en-US')}行，`}超过${MAX_ROWS.toLocaleString('en-US')}行上限，请拆分文件`,
    `${rows === undefined ? '' : `${rows.toLocaleString('en-US')} data rows with content: `}more than ${MAX_ROWS.toLocaleString('en-US')} rows; split the file`,
  );

/**
 * A damaged or foreign .xlsx: one message in both languages, never the zip or XML library's own
 * text (which names internals such as “End of data reached” or “Can't find end of central directory”).
 */
const notXlsx = () =>
  new ImportFileError(
    'E_NOT_XLSX',
    '无法读取该Excel文件：文件已损坏，或不是.xlsx工作簿（旧版.xls请在Excel中另存为.xlsx）',
    'cannot read this Excel file: it is damaged or not an .xlsx workbook (save an old .xls as .xlsx in Excel)',
  );

/** Lets queued messages (a cancel) run, then throws if the signal was aborted. */
async function checkpoint(signal: AbortSignal | undefined): Promise<void> {
  await new Promise<void>((resolve) => setTimeout(resolve, 0));
  signal?.throwIfAborted();
}

export interface CsvRows {
  /** Every line of the file as cells, the header first; nothing is skipped (empty lines included). */
  rows: string[][];
  encoding: CsvEncoding;
}

/**
 * Decodes (BOM → UTF-8 → GB18030) and parses one CSV file. Only the empty string papaparse reports
 * after a final line break is dropped, since it is not a line; empty lines stay for validation to
 * report. Throws ImportFileError over the §7.6 limits, and the abort reason on cancel.
 * @example (await readCsv(new TextEncoder().encode('a,b\n1,2\n'))).rows // [['a', 'b'], ['1', '2']]
 */
export async function readCsv(bytes: Uint8Array, opts: ReadOptions = {}): Promise<CsvRows> {
  if (bytes.byteLength > MAX_FILE_BYTES) throw tooLarge(bytes.byteLength);
  opts.signal?.throwIfAborted();
  assertTextBytes(bytes);
  const { text, encoding } = decodeCsvBytes(bytes);
  const rows: string[][] = [];
  await new Promise<void>((resolve, reject) => {
    let failed = false;
    Papa.parse<string[]>(text, {
      header: false,
      delimiter: guessDelimiter(text),
      skipEmptyLines: false,
      step: (result, parser) => {
        if (failed) return;
        rows.push(result.data);
        // Header + MAX_ROWS + the empty string after a final line break; exact check below.
        if (rows.length > MAX_ROWS + 2) {
          failed = true;
          parser.abort();
          reject(tooManyRows());
          return;
        }
        if (rows.length % CHUNK_ROWS === 0) {
          parser.pause();
          opts.onProgress?.(text.length > 0 ? result.meta.cursor / text.length : 1);
          checkpoint(opts.signal).then(
            () => parser.resume(),
            (reason: unknown) => {
              failed = true;
              parser.abort();
              reject(reason);
            },
          );
        }
      },
      complete: () => {
        if (!failed) resolve();
      },
    });
  });
  const last = rows[rows.length - 1];
  if (last && last.length === 1 && last[0] === '' && /\r?\n$/.test(text)) rows.pop();
  if (rows.length > MAX_ROWS + 1) throw tooManyRows();
  opts.onProgress?.(1);
  return { rows, encoding };
}

// ---------------------------------------------------------------- XLSX

/** Sheet names accepted for each sheet (§7.1): Chinese, English, or both “企业清单 / Enterprises”. */
const SHEET_NAMES: Record<SheetKey, readonly string[]> = {
  enterprises: ['企业清单', 'enterprises', 'enterprise'],
  creditRelations: ['授信关系', 'creditrelations', 'credit relations', 'relations'],
  supplyEdges: ['供应关系', 'supplyedges', 'supply edges', 'supply'],
};

/**
 * The sheet a worksheet name stands for. Excel forbids '/' in sheet names, so a bilingual name comes
 * as “企业清单 Enterprises”, “企业清单-Enterprises” or “企业清单（Enterprises）”: any part between
 * spaces, '/', '|', '-', '_' or brackets may match, and so may a name that starts with the Chinese one.
 * @example sheetKeyOfName('企业清单 Enterprises') // 'enterprises'
 * @example sheetKeyOfName('Credit relations') // 'creditRelations'
 */
export function sheetKeyOfName(name: string): SheetKey | undefined {
  const text = name.normalize('NFKC');
  const whole = normalizeHeaderPart(text.replace(/[()]/g, ''));
  const parts = [whole, ...text.split(/[/|()\s_\-–—·,:]+/).map(normalizeHeaderPart)];
  for (const key of SHEET_KEYS) {
    const names = SHEET_NAMES[key].map(normalizeHeaderPart);
    if (parts.some((p) => p !== '' && names.includes(p))) return key;
    if (whole.startsWith(names[0] ?? '\u0000')) return key;
  }
  return undefined;
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** Numbers as plain text: no exponent for ordinary magnitudes (1e21 and beyond keep it). */
function numberText(n: number): string {
  const s = String(n);
  if (!/e/i.test(s) || Math.abs(n) >= 1e21) return s;
  return n.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 20 });
}

/**
 * A cell value as the text a user sees: dates → YYYY-MM-DD (exceljs gives UTC dates), numbers as
 * plain digits, rich text joined, hyperlinks → their text, formulas → their cached result, errors →
 * '#N/A' style text (which then fails the field's parser with the value shown).
 * @example cellText(new Date(Date.UTC(2025, 2, 1))) // '2025-03-01'
 * @example cellText({ richText: [{ text: '常州' }, { text: '锂源' }] }) // '常州锂源'
 */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return numberText(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return '';
    return `${value.getUTCFullYear()}-${pad2(value.getUTCMonth() + 1)}-${pad2(value.getUTCDate())}`;
  }
  if (typeof value === 'object') {
    if ('richText' in value && Array.isArray(value.richText)) {
      return value.richText.map((part: unknown) => cellText(part)).join('');
    }
    if ('formula' in value || 'sharedFormula' in value) {
      return 'result' in value ? cellText(value.result) : '';
    }
    if ('text' in value) return cellText(value.text);
    if ('error' in value) return cellText(value.error);
  }
  return '';
}

/**
 * The filled part of a worksheet: the last row and column holding a value, and how many rows hold
 * one. exceljs's rowCount and columnCount also count cells that only carry formatting.
 */
function contentExtent(sheet: ExcelJS.Worksheet): {
  lastRow: number;
  width: number;
  filled: number;
} {
  let lastRow = 0;
  let width = 0;
  let filled = 0;
  sheet.eachRow((row, number) => {
    let any = false;
    row.eachCell((cell, col) => {
      if (cellText(cell.value).trim() === '') return;
      any = true;
      width = Math.max(width, col);
    });
    if (!any) return;
    filled++;
    lastRow = Math.max(lastRow, number);
  });
  return { lastRow, width, filled };
}

export interface XlsxRows {
  sheets: Partial<Record<SheetKey, string[][]>>;
  /** File-level notes: sheets not recognised, the single sheet read as the enterprise list. */
  issues: ImportIssue[];
}

/**
 * Reads an .xlsx workbook (exceljs `xlsx.load`, which works in browsers, workers and Node). Sheets
 * are found by name (§7.1); a workbook with one unrecognised sheet is read as the enterprise list
 * (I_SHEET_ASSUMED); other unrecognised sheets are listed (I_SHEET_IGNORED). Rows keep their
 * spreadsheet position, so row numbers in the report match Excel (blank rows in between are kept).
 * @example (await readXlsx(buffer)).sheets.enterprises?.[0] // the header row
 */
export async function readXlsx(bytes: ArrayBuffer, opts: ReadOptions = {}): Promise<XlsxRows> {
  if (bytes.byteLength > MAX_FILE_BYTES) throw tooLarge(bytes.byteLength);
  opts.signal?.throwIfAborted();
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes);
  } catch {
    throw notXlsx();
  }
  opts.signal?.throwIfAborted();

  const issues: ImportIssue[] = [];
  const chosen: { key: SheetKey; sheet: ExcelJS.Worksheet }[] = [];
  const unknown: ExcelJS.Worksheet[] = [];
  for (const sheet of workbook.worksheets) {
    const key = sheetKeyOfName(sheet.name);
    if (key && !chosen.some((c) => c.key === key)) chosen.push({ key, sheet });
    else unknown.push(sheet);
  }
  const [only] = workbook.worksheets;
  if (chosen.length === 0 && workbook.worksheets.length === 1 && only) {
    chosen.push({ key: 'enterprises', sheet: only });
    unknown.length = 0;
    issues.push({
      sheet: 'enterprises',
      row: 0,
      column: '',
      value: only.name,
      code: 'I_SHEET_ASSUMED',
      severity: 'info',
      messageZh: `工作表“${only.name}”未按模板命名，已按企业清单读取`,
      messageEn: `sheet "${only.name}" is not named as in the template; read as the enterprise list`,
    });
  }
  for (const sheet of unknown) {
    issues.push({
      sheet: 'enterprises',
      row: 0,
      column: '',
      value: sheet.name,
      code: 'I_SHEET_IGNORED',
      severity: 'info',
      messageZh: `工作表“${sheet.name}”不是企业清单、授信关系或供应关系，已忽略`,
      messageEn: `sheet "${sheet.name}" is not Enterprises, CreditRelations or SupplyEdges; ignored`,
    });
  }

  // Rows with content only: a sheet with formatting applied to a million empty rows (rowCount
  // 1,000,000) holds as many rows as it has filled ones. Rows after the last filled one are dropped;
  // empty rows between filled ones stay, so row numbers match Excel.
  const extents = chosen.map(({ sheet }) => contentExtent(sheet));
  const dataRows = extents.reduce((n, e) => n + Math.max(0, e.filled - 1), 0);
  if (dataRows > MAX_ROWS) throw tooManyRows(dataRows);
  const totalRows = extents.reduce((n, e) => n + e.lastRow, 0) || 1;
  let done = 0;
  const sheets: XlsxRows['sheets'] = {};
  for (const [i, { key, sheet }] of chosen.entries()) {
    const { lastRow, width } = extents[i] ?? { lastRow: 0, width: 0 };
    const rows: string[][] = [];
    for (let r = 1; r <= lastRow; r++) {
      const row = sheet.getRow(r);
      const cells: string[] = [];
      for (let c = 1; c <= width; c++) cells.push(cellText(row.getCell(c).value));
      rows.push(cells);
      done++;
      if (done % CHUNK_ROWS === 0) {
        opts.onProgress?.(done / totalRows);
        await checkpoint(opts.signal);
      }
    }
    sheets[key] = rows;
  }
  opts.onProgress?.(1);
  return { sheets, issues };
}
