/**
 * The page's side of the import worker: starts it, passes progress on, parses every message it
 * sends back with zod (the worker is code we ship, but what it carries comes from the user's file),
 * and stops it on cancel. Also peeks at a CSV's header line to guess which sheet it holds.
 */
import Papa from 'papaparse';
import { z } from 'zod';
import { guessDelimiter } from '../import/delimiter';
import { assertTextBytes, decodeCsvBytes, type CsvEncoding } from '../import/encoding';
import { guessSheet } from '../import/headers';
import { ISSUE_CATALOGUE, type IssueCode, type SheetKey } from '../import/issues';
import type { ImportJobRequest } from './import-job';

// ---------------------------------------------------------------- message schemas

const SheetKeySchema = z.enum(['enterprises', 'creditRelations', 'supplyEdges']);
const ISSUE_CODES = Object.keys(ISSUE_CATALOGUE) as [IssueCode, ...IssueCode[]];

export const ImportIssueSchema = z.object({
  sheet: SheetKeySchema,
  row: z.number().int().nonnegative(),
  column: z.string(),
  value: z.string(),
  code: z.enum(ISSUE_CODES),
  severity: z.enum(['error', 'warning', 'info']),
  messageZh: z.string(),
  messageEn: z.string(),
  suggestion: z.string().optional(),
});

const count = z.number().int().nonnegative();
export const SheetSummarySchema = z.object({
  rows: count,
  imported: count,
  rejected: count,
  withWarnings: count,
  emptySkipped: count,
});

export const ImportSummarySchema = z.object({
  enterprises: SheetSummarySchema,
  creditRelations: SheetSummarySchema,
  supplyEdges: SheetSummarySchema,
  total: SheetSummarySchema,
});

const FileReportSchema = z.object({
  name: z.string(),
  kind: z.enum(['csv', 'xlsx']),
  sheets: z.array(SheetKeySchema),
  encoding: z.enum(['utf-8', 'utf-8-bom', 'gb18030']).optional(),
});

export const RejectedSheetSchema = z.object({
  sheet: SheetKeySchema,
  fileName: z.string(),
  headers: z.array(z.string()),
  rows: z.array(z.object({ row: z.number().int().min(2), cells: z.array(z.string()) })),
});

/** Everything the worker may send. `dataset` is parsed with DatasetSchema when it is saved. */
export const ImportWorkerMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('progress'), fraction: z.number().min(0).max(1) }),
  z.object({
    type: z.literal('done'),
    ms: z.number().nonnegative(),
    summary: ImportSummarySchema,
    issues: z.array(ImportIssueSchema),
    files: z.array(FileReportSchema),
    rejected: z.array(RejectedSheetSchema),
    dataset: z.unknown(),
  }),
  z.object({
    type: z.literal('failed'),
    code: z.string(),
    messageZh: z.string(),
    messageEn: z.string(),
  }),
]);
export type ImportWorkerMessage = z.infer<typeof ImportWorkerMessageSchema>;
export type ImportDone = Extract<ImportWorkerMessage, { type: 'done' }>;
export type ImportIssueRow = z.infer<typeof ImportIssueSchema>;
export type RejectedSheetRows = z.infer<typeof RejectedSheetSchema>;

/** What the page sends to the worker. */
export type ImportWorkerRequest = { type: 'start'; request: ImportJobRequest } | { type: 'cancel' };

/** The import failed (file unreadable, worker crashed, message malformed); bilingual. */
export class ImportFailedError extends Error {
  constructor(
    readonly code: string,
    readonly messageZh: string,
    messageEn: string,
  ) {
    super(messageEn);
    this.name = 'ImportFailedError';
  }
}

/**
 * Parses one message from the worker.
 * @example parseWorkerMessage({ type: 'progress', fraction: 0.5 }) // { type: 'progress', fraction: 0.5 }
 * @example parseWorkerMessage({ type: 'progress', fraction: 2 }) // throws ImportFailedError
 */
export function parseWorkerMessage(data: unknown): ImportWorkerMessage {
  const parsed = ImportWorkerMessageSchema.safeParse(data);
  if (parsed.success) return parsed.data;
  const first = parsed.error.issues[0];
  const where = first ? `${first.path.map(String).join('.') || '(root)'}: ${first.message}` : '';
  throw new ImportFailedError(
    'E_MESSAGE',
    `导入程序返回了无法识别的结果（${where}）`,
    `the import worker sent an unexpected message (${where})`,
  );
}

export interface RunImportOptions {
  /** Aborting stops the worker (it is terminated) and rejects with the signal's reason. */
  signal: AbortSignal;
  onProgress: (fraction: number) => void;
}

/**
 * Runs one import in a fresh Web Worker.
 * @example const done = await runImport({ files, reference, options }, { signal, onProgress })
 */
export function runImport(request: ImportJobRequest, opts: RunImportOptions): Promise<ImportDone> {
  return new Promise<ImportDone>((resolve, reject) => {
    opts.signal.throwIfAborted();
    const worker = new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module' });
    const stop = () => {
      opts.signal.removeEventListener('abort', onAbort);
      worker.terminate();
    };
    const onAbort = () => {
      worker.postMessage({ type: 'cancel' } satisfies ImportWorkerRequest);
      stop();
      reject(opts.signal.reason);
    };
    opts.signal.addEventListener('abort', onAbort, { once: true });
    worker.onmessage = (event: MessageEvent<unknown>) => {
      let message: ImportWorkerMessage;
      try {
        message = parseWorkerMessage(event.data);
      } catch (err) {
        stop();
        reject(err);
        return;
      }
      if (message.type === 'progress') {
        opts.onProgress(message.fraction);
      } else if (message.type === 'done') {
        stop();
        resolve(message);
      } else {
        stop();
        reject(new ImportFailedError(message.code, message.messageZh, message.messageEn));
      }
    };
    worker.onerror = (event: ErrorEvent) => {
      stop();
      reject(
        new ImportFailedError(
          'E_WORKER',
          `导入程序出错：${event.message}`,
          `the import worker failed: ${event.message}`,
        ),
      );
    };
    worker.postMessage({ type: 'start', request } satisfies ImportWorkerRequest);
  });
}

// ---------------------------------------------------------------- sheet guessing

const PEEK_BYTES = 64 * 1024;

/**
 * The header cells and encoding of a CSV, read from its first 64 KB; throws NotTextFileError for a
 * file that is not text (a renamed .xlsx, a PDF…), so the page can refuse it at once. The slice ends at a line break
 * (an ASCII byte in UTF-8 and GBK alike), so no character is cut in two and the encoding guess holds.
 * @example await peekCsvHeader(new Blob(['a,b\n1,2\n'])) // { headers: ['a', 'b'], encoding: 'utf-8' }
 */
export async function peekCsvHeader(
  file: Blob,
): Promise<{ headers: string[]; encoding: CsvEncoding }> {
  let bytes = new Uint8Array(await file.slice(0, PEEK_BYTES).arrayBuffer());
  if (file.size > PEEK_BYTES) {
    const lastBreak = bytes.lastIndexOf(0x0a);
    if (lastBreak > 0) bytes = bytes.subarray(0, lastBreak + 1);
  }
  assertTextBytes(bytes);
  const { text, encoding } = decodeCsvBytes(bytes);
  const parsed = Papa.parse<string[]>(text, {
    delimiter: guessDelimiter(text),
    preview: 1,
    skipEmptyLines: false,
  });
  const headers = (parsed.data[0] ?? []).map((h) => String(h).trim());
  return { headers, encoding };
}

const NAME_HINTS: [RegExp, SheetKey][] = [
  [/credit|relation|授信/i, 'creditRelations'],
  [/supply|edge|供应/i, 'supplyEdges'],
  [/enterprise|企业/i, 'enterprises'],
];

/**
 * The sheet a CSV holds: from its headers (guessSheet), else from its file name, else null.
 * @example guessCsvSheet(['供应商统一社会信用代码', '客户统一社会信用代码'], 'x.csv') // 'supplyEdges'
 * @example guessCsvSheet(['foo'], '授信关系.csv') // 'creditRelations'
 */
export function guessCsvSheet(headers: readonly string[], fileName: string): SheetKey | null {
  const byHeaders = guessSheet(headers);
  if (byHeaders) return byHeaders;
  return NAME_HINTS.find(([re]) => re.test(fileName))?.[1] ?? null;
}
