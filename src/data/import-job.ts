/**
 * One import, start to finish (domain.md §7): read every file (readCsv / readXlsx), validate the
 * workbook, build the Dataset, and collect the rejected rows for the download. No DOM: it runs in the
 * import worker (import.worker.ts) and in Node under vitest. The page talks to it only through the
 * messages of import-client.ts.
 */
import { SOURCE_CREDIT_FROM_APPROVED } from '../analysis/completeness';
import type { Dataset, DatasetMeta } from '../domain/schema';
import type { Crs } from '../import/coordinates';
import type { CsvEncoding } from '../import/encoding';
import { NotTextFileError, UnsupportedEncodingError } from '../import/encoding';
import { SHEET_KEYS, type ImportIssue, type SheetKey } from '../import/issues';
import { ImportFileError, readCsv, readXlsx } from '../import/read';
import {
  buildImportedDataset,
  validateWorkbook,
  type ImportReference,
  type ImportSummary,
  type WorkbookRows,
} from '../import/validate';

/** A file chosen by the user: a CSV holds one sheet (chosen or guessed), an XLSX any of the three. */
export interface ImportFile {
  file: Blob;
  name: string;
  kind: 'csv' | 'xlsx';
  /** For a CSV: the sheet it holds. */
  sheet?: SheetKey;
}

export interface ImportJobOptions {
  datasetId: string;
  name: string;
  /** Data date of the dataset, 'YYYY-MM-DD'. */
  asOf: string;
  /** Today, 'YYYY-MM-DD' (plausibility of dates). */
  now: string;
  unitYuan: boolean;
  crs: Crs;
  /** Enterprise-sheet rows whose failed USCC check character the user keeps (§7.3). */
  overrideUsccCheckRows?: number[];
}

export interface ImportJobRequest {
  files: ImportFile[];
  reference: ImportReference;
  options: ImportJobOptions;
}

/** The rejected rows of one sheet as they were in the file, for “download rejected rows”. */
export interface RejectedSheet {
  sheet: SheetKey;
  fileName: string;
  headers: string[];
  rows: { row: number; cells: string[] }[];
}

/** How each file was read. */
export interface FileReport {
  name: string;
  kind: 'csv' | 'xlsx';
  sheets: SheetKey[];
  encoding?: CsvEncoding;
}

export interface ImportJobResult {
  summary: ImportSummary;
  issues: ImportIssue[];
  files: FileReport[];
  rejected: RejectedSheet[];
  dataset: Dataset;
}

/** The reading phase ends at 40 % of the bar, validation at 95 %, building the dataset fills the rest. */
export const PHASE_END = { read: 0.4, validate: 0.95 } as const;

/** A file the job cannot read at all; the message is bilingual and names the file. */
export class ImportJobError extends Error {
  constructor(
    readonly code: string,
    readonly messageZh: string,
    messageEn: string,
  ) {
    super(messageEn);
    this.name = 'ImportJobError';
  }
}

const SHEET_ZH: Record<SheetKey, string> = {
  enterprises: '企业清单',
  creditRelations: '授信关系',
  supplyEdges: '供应关系',
};

function fileError(name: string, kind: ImportFile['kind'], err: unknown): ImportJobError {
  if (err instanceof ImportFileError) {
    return new ImportJobError(err.code, `${name}：${err.messageZh}`, `${name}: ${err.message}`);
  }
  if (err instanceof UnsupportedEncodingError) {
    return new ImportJobError('E_ENCODING', `${name}：${err.messageZh}`, `${name}: ${err.message}`);
  }
  if (err instanceof NotTextFileError) {
    return new ImportJobError(err.code, `${name}：${err.messageZh}`, `${name}: ${err.message}`);
  }
  // exceljs and its zip reader fail on damaged workbooks with their own English text: never shown.
  if (kind === 'xlsx') {
    return new ImportJobError(
      'E_NOT_XLSX',
      `${name}：无法读取该Excel文件：文件已损坏，或不是.xlsx工作簿（旧版.xls请在Excel中另存为.xlsx）`,
      `${name}: cannot read this Excel file: it is damaged or not an .xlsx workbook (save an old .xls as .xlsx in Excel)`,
    );
  }
  return new ImportJobError(
    'E_READ',
    `${name}：无法读取（${String(err)}）`,
    `${name}: cannot be read (${String(err)})`,
  );
}

/**
 * Runs one import. `onProgress` gets the overall fraction 0…1 (reading by file size, then
 * validation); `signal` stops it between chunks of rows with the signal's reason.
 * @example (await runImportJob({ files: [csv], reference, options })).summary.total.imported // 10
 */
export async function runImportJob(
  request: ImportJobRequest,
  opts: { signal?: AbortSignal; onProgress?: (fraction: number) => void } = {},
): Promise<ImportJobResult> {
  const { reference, options } = request;
  const report = opts.onProgress ?? (() => {});
  // The raw rows stay inside readAndValidate: once it returns they can be collected before the
  // dataset is built (100k rows of strings are a large share of the worker's peak heap).
  const { result, rejected, fileReports } = await readAndValidate(request, opts, report);
  opts.signal?.throwIfAborted();

  const dataset = buildImportedDataset(result, reference, {
    datasetId: options.datasetId,
    titleZh: options.name,
    titleEn: options.name,
    asOf: options.asOf,
  });
  dataset.meta.sources = importSources(fileReports, result.issues);
  report(1);

  return {
    summary: result.summary,
    issues: result.issues,
    files: fileReports,
    rejected,
    dataset,
  };
}

/** Reads every file and validates the workbook; returns the result and the rejected rows. */
async function readAndValidate(
  request: ImportJobRequest,
  opts: { signal?: AbortSignal },
  report: (fraction: number) => void,
) {
  const { files, reference, options } = request;
  const totalBytes = files.reduce((n, f) => n + f.file.size, 0) || 1;
  let bytesBefore = 0;

  const sheets: Partial<Record<SheetKey, string[][]>> = {};
  const fileOf: Partial<Record<SheetKey, string>> = {};
  const encodings: Partial<Record<SheetKey, CsvEncoding>> = {};
  const readIssues: ImportIssue[] = [];
  const fileReports: FileReport[] = [];

  for (const f of files) {
    const start = bytesBefore;
    const onProgress = (x: number) =>
      report(((start + x * f.file.size) / totalBytes) * PHASE_END.read);
    const bytes = await f.file.arrayBuffer();
    opts.signal?.throwIfAborted();
    try {
      if (f.kind === 'csv') {
        const sheet = f.sheet ?? 'enterprises';
        if (sheets[sheet]) {
          throw new ImportJobError(
            'E_SHEET_TWICE',
            `${f.name}：已有文件作为“${SHEET_ZH[sheet]}”，每张表只能选一个文件`,
            `${f.name}: another file is already the ${sheet} sheet; one file per sheet`,
          );
        }
        const csv = await readCsv(new Uint8Array(bytes), { signal: opts.signal, onProgress });
        sheets[sheet] = csv.rows;
        fileOf[sheet] = f.name;
        encodings[sheet] = csv.encoding;
        fileReports.push({ name: f.name, kind: 'csv', sheets: [sheet], encoding: csv.encoding });
      } else {
        const xlsx = await readXlsx(bytes, { signal: opts.signal, onProgress });
        const found = SHEET_KEYS.filter((k) => xlsx.sheets[k] !== undefined);
        for (const k of found) {
          if (sheets[k]) {
            throw new ImportJobError(
              'E_SHEET_TWICE',
              `${f.name}：工作表“${SHEET_ZH[k]}”已由另一个文件提供`,
              `${f.name}: the ${k} sheet is already given by another file`,
            );
          }
          sheets[k] = xlsx.sheets[k];
          fileOf[k] = f.name;
        }
        readIssues.push(...xlsx.issues);
        fileReports.push({ name: f.name, kind: 'xlsx', sheets: found });
      }
    } catch (err) {
      if (opts.signal?.aborted || err instanceof ImportJobError) throw err;
      throw fileError(f.name, f.kind, err);
    }
    bytesBefore += f.file.size;
  }
  report(PHASE_END.read);

  const enterprises = sheets.enterprises;
  if (!enterprises) {
    throw new ImportJobError(
      'E_NO_ENTERPRISES',
      '缺少企业清单：请选择企业清单文件（或含“企业清单”工作表的.xlsx）',
      'no enterprise sheet: choose the enterprise file (or an .xlsx with an Enterprises sheet)',
    );
  }
  const workbook: WorkbookRows = {
    enterprises,
    creditRelations: sheets.creditRelations,
    supplyEdges: sheets.supplyEdges,
  };
  const result = validateWorkbook(workbook, reference, {
    now: options.now,
    asOf: options.asOf,
    unitYuan: options.unitYuan,
    crs: options.crs,
    encodings,
    readIssues,
    overrideUsccCheckRows: new Set(options.overrideUsccCheckRows ?? []),
    onProgress: (x) => report(PHASE_END.read + x * (PHASE_END.validate - PHASE_END.read)),
  });
  return { result, rejected: rejectedSheets(workbook, fileOf, result.issues), fileReports };
}

/** Provenance in meta.sources: one entry per file, and a marker when credit came from 已获授信. */
function importSources(
  files: readonly FileReport[],
  issues: readonly ImportIssue[],
): DatasetMeta['sources'] {
  const out: DatasetMeta['sources'] = files.map((f, i) => ({
    id: `file-${i + 1}`,
    title: f.name,
    note: [...f.sheets.map((s) => SHEET_ZH[s]), f.encoding ?? ''].filter(Boolean).join(' · '),
  }));
  if (issues.some((i) => i.code === 'I_CREDIT_SYNTHESISED')) {
    out.push({
      id: SOURCE_CREDIT_FROM_APPROVED,
      title: '授信关系按“已获授信”列生成 / Credit relations built from the approved-credit column',
    });
  }
  return out;
}

/**
 * The rows an error rejected, with the cells exactly as read, sheet by sheet.
 * @example rejectedSheets({ enterprises: rows }, { enterprises: 'a.csv' }, issues)[0].rows[0].row // 3
 */
export function rejectedSheets(
  workbook: WorkbookRows,
  fileOf: Partial<Record<SheetKey, string>>,
  issues: readonly ImportIssue[],
): RejectedSheet[] {
  const out: RejectedSheet[] = [];
  for (const sheet of SHEET_KEYS) {
    const rows = workbook[sheet];
    if (!rows) continue;
    const rejectedRows = new Set(
      issues
        .filter((i) => i.sheet === sheet && i.severity === 'error' && i.row >= 2)
        .map((i) => i.row),
    );
    if (rejectedRows.size === 0) continue;
    out.push({
      sheet,
      fileName: fileOf[sheet] ?? '',
      headers: [...(rows[0] ?? [])],
      rows: [...rejectedRows]
        .sort((a, b) => a - b)
        .map((row) => ({ row, cells: [...(rows[row - 1] ?? [])] })),
    });
  }
  return out;
}
