/**
 * Loads and analyses a columnar dataset with the work split over two threads (issue 12): the
 * analysis worker validates the file and computes every enterprise's metrics and role, while the
 * page reads the same bytes (without validating them again) and builds its index before it waits
 * for the worker; the worker's result arrives as typed columns in transferred buffers and becomes
 * the page's Analysis. Nothing crosses as an object graph. A file on the app's own server is
 * downloaded by the worker itself, which sends the page a copy before it analyses: neither waits
 * for the page's thread, busy loading the first view's code. A page without workers, or whose
 * worker script cannot load, does the same work on the main thread.
 */
import { z } from 'zod';
import { fromAnalysisColumns, type AnalysisColumns } from '../analysis/analysis-columns';
import { analyzeDataset } from '../analysis/analyze';
import { buildDatasetIndex, type DatasetIndex } from '../analysis/dataset-index';
import { DEFAULT_PARAMS } from '../analysis/params';
import type { Analysis } from '../analysis/types';
import { decodeDataset } from './columnar';
import { DatasetLoadError } from './load-error';

/**
 * The file itself, or where it is: `url` as the page names it (in messages), `href` resolved
 * against the page (the worker would resolve `url` against its own script).
 */
export type AnalysisWorkerRequest =
  { id: number; bytes: ArrayBuffer } | { id: number; url: string; href: string };

const ColumnsSchema = z.object({
  rows: z.number().int().nonnegative(),
  numbers: z.instanceof(Float64Array),
  flags: z.instanceof(Uint8Array),
  size: z.instanceof(Uint8Array),
  role: z.instanceof(Uint8Array),
  bankCount: z.instanceof(Int32Array),
  lenderStart: z.instanceof(Int32Array),
  lenders: z.instanceof(Int32Array),
  reasonStart: z.instanceof(Int32Array),
  reasons: z.instanceof(Uint16Array),
  reasonCodes: z.array(z.string()),
  secondaryStart: z.instanceof(Int32Array),
  secondary: z.instanceof(Uint8Array),
}) satisfies z.ZodType<AnalysisColumns>;

const ReplySchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('bytes'), id: z.number(), bytes: z.instanceof(ArrayBuffer) }),
  z.object({
    type: z.literal('analysed'),
    id: z.number(),
    columns: ColumnsSchema,
    ms: z.number(),
  }),
  z.object({
    type: z.literal('failed'),
    id: z.number(),
    kind: z.enum(['fetch', 'json', 'format', 'schema']),
    message: z.string(),
    issues: z.array(z.object({ path: z.string(), message: z.string() })),
  }),
]);
export type AnalysisWorkerReply = z.infer<typeof ReplySchema>;

interface Pending {
  resolve(columns: AnalysisColumns): void;
  reject(err: Error): void;
  /** A download by the worker: the page's copy of the file, before the analysis. */
  onBytes?(bytes: Uint8Array): void;
}

let worker: Worker | null = null;
/** The worker could not start here (no Worker, its script did not load): work on the page. */
let workerBroken = typeof Worker === 'undefined';
let nextId = 1;
const pending = new Map<number, Pending>();

function failAll(err: Error) {
  for (const p of pending.values()) p.reject(err);
  pending.clear();
}

/** Starts the analysis worker now, so its script loads while the dataset downloads. */
export function startAnalysisWorker(): void {
  if (worker || workerBroken) return;
  try {
    worker = new Worker(new URL('./analysis.worker.ts', import.meta.url), { type: 'module' });
  } catch {
    workerBroken = true;
    return;
  }
  worker.onmessage = (event: MessageEvent<unknown>) => {
    const parsed = ReplySchema.safeParse(event.data);
    if (!parsed.success) {
      failAll(new Error(`analysis worker: unexpected reply (${parsed.error.message})`));
      return;
    }
    const reply = parsed.data;
    const p = pending.get(reply.id);
    if (!p) return;
    if (reply.type === 'bytes') {
      p.onBytes?.(new Uint8Array(reply.bytes));
      return;
    }
    pending.delete(reply.id);
    if (reply.type === 'analysed') p.resolve(reply.columns);
    else p.reject(new DatasetLoadError(reply.kind, reply.message, reply.issues));
  };
  worker.onerror = (event) => {
    // The script did not load or threw at start: the page does the work from now on.
    event.preventDefault();
    workerBroken = true;
    worker?.terminate();
    worker = null;
    failAll(new WorkerUnavailable(event.message || 'analysis worker failed to start'));
  };
}

class WorkerUnavailable extends Error {}

function analyseInWorker(bytes: Uint8Array): Promise<AnalysisColumns> {
  startAnalysisWorker();
  const w = worker;
  if (!w) return Promise.reject(new WorkerUnavailable('no worker'));
  const id = nextId++;
  // The worker gets its own copy, transferred: the page keeps reading the original.
  const copy = bytes.slice().buffer;
  return new Promise<AnalysisColumns>((resolve, reject) => {
    pending.set(id, { resolve, reject });
    w.postMessage({ id, bytes: copy } satisfies AnalysisWorkerRequest, [copy]);
  });
}

/**
 * The Analysis of a columnar dataset file: validated and analysed in the worker while the page
 * reads the bytes; a DatasetLoadError ('format', 'schema') when the file is not valid.
 * `onRead` gets the page's own read of the file as soon as it has it, before the worker's verdict:
 * unchecked, for warming what the first view will need (its fonts), never for showing.
 * @example await analyseColumnar(await source.loadBytes()) // Analysis
 */
export async function analyseColumnar(
  bytes: Uint8Array,
  onRead?: (unchecked: DatasetIndex) => void,
): Promise<Analysis> {
  if (workerBroken) return analyseHere(bytes);
  const columns = analyseInWorker(bytes);
  // Meanwhile: the same bytes on the page (the worker's verdict decides below).
  return combine(bytes, readOnPage(bytes), columns, onRead);
}

/** A file the worker downloads and analyses: the page's copy first, then the analysis. */
interface WorkerDownload {
  bytes: Promise<Uint8Array>;
  /** The page's read of its copy, made as soon as the copy arrives, and handed to `onRead`. */
  read: Promise<PageRead>;
  onRead: ((unchecked: DatasetIndex) => void) | undefined;
  columns: Promise<AnalysisColumns>;
}

/** Downloads started before anyone asked (prefetchColumnarAnalysis), by URL, taken once. */
const started = new Map<string, WorkerDownload>();

function downloadInWorker(
  url: string,
  onRead?: (unchecked: DatasetIndex) => void,
): WorkerDownload | null {
  startAnalysisWorker();
  const w = worker;
  if (!w) return null;
  const id = nextId++;
  let gotBytes!: (bytes: Uint8Array) => void;
  let noBytes!: (err: Error) => void;
  const bytes = new Promise<Uint8Array>((resolve, reject) => {
    gotBytes = resolve;
    noBytes = reject;
  });
  const columns = new Promise<AnalysisColumns>((resolve, reject) => {
    pending.set(id, {
      resolve,
      reject: (err) => {
        noBytes(err);
        reject(err);
      },
      onBytes: gotBytes,
    });
  });
  // Read at once, before the worker's answer (which may come before anyone asks for it).
  const read = bytes.then((b) => {
    const r = readOnPage(b);
    if ('index' in r) warm(onRead, r.index);
    return r;
  });
  // Handled where they are taken up; a download nobody takes up must not report a rejection.
  read.catch(() => {});
  columns.catch(() => {});
  const href = new URL(url, location.href).href;
  w.postMessage({ id, url, href } satisfies AnalysisWorkerRequest);
  return { bytes, read, onRead, columns };
}

/**
 * Starts downloading and analysing the columnar file at `url` in the worker now, before it is
 * known whether the page will show it (the app asks the browser's store for the active dataset
 * meanwhile); analyseColumnarUrl takes it up. `onRead` gets the page's read of the file when it
 * arrives (see analyseColumnar). False when there is no worker to do it. A download that is never
 * taken up (another dataset is active) is kept: the demo's few megabytes.
 */
export function prefetchColumnarAnalysis(
  url: string,
  onRead?: (unchecked: DatasetIndex) => void,
): boolean {
  if (workerBroken) return false;
  if (started.has(url)) return true;
  const download = downloadInWorker(url, onRead);
  if (download) started.set(url, download);
  return download !== null;
}

/**
 * The Analysis of the columnar file at `url` (a source's `columnarUrl`): downloaded, validated and
 * analysed in the worker, which hands the page a copy of the bytes to read meanwhile; a prefetched
 * download is taken up, and retried once if it failed to download. Without a worker (or when its
 * script cannot load), `loadBytes` downloads the file on the page and analyseColumnar goes on.
 * @example await analyseColumnarUrl(source.columnarUrl, source.loadBytes) // Analysis
 */
export async function analyseColumnarUrl(
  url: string,
  loadBytes: () => Promise<Uint8Array>,
  onRead?: (unchecked: DatasetIndex) => void,
): Promise<Analysis> {
  const early = started.get(url);
  started.delete(url);
  const onPage = async () => analyseColumnar(await loadBytes(), onRead);
  const attempt = async (download: WorkerDownload | null): Promise<Analysis> => {
    if (!download) return onPage();
    let bytes: Uint8Array;
    try {
      bytes = await download.bytes;
    } catch (err) {
      if (err instanceof WorkerUnavailable) return onPage();
      throw err;
    }
    // A prefetch has handed its read to its own `onRead` already.
    const again = onRead === download.onRead ? undefined : onRead;
    return combine(bytes, await download.read, download.columns, again);
  };
  if (early) {
    try {
      return await attempt(early);
    } catch (err) {
      // Downloaded before it was asked for: a failed download is tried once more, now.
      if (!(err instanceof DatasetLoadError && err.kind === 'fetch')) throw err;
    }
  }
  return attempt(workerBroken ? null : downloadInWorker(url, onRead));
}

/** The page's own read of a file: unchecked (the worker validates), with its index. */
type PageRead = { index: DatasetIndex } | { error: unknown };

function readOnPage(bytes: Uint8Array): PageRead {
  try {
    return { index: buildDatasetIndex(decodeDataset(bytes, { validate: false })) };
  } catch (error) {
    return { error };
  }
}

/** Hands the page's read to `onRead`, for warming only: a failure there changes nothing. */
function warm(onRead: ((unchecked: DatasetIndex) => void) | undefined, index: DatasetIndex) {
  try {
    onRead?.(index);
  } catch {
    // Warming is optional: the analysis goes on.
  }
}

/**
 * The page's side of a worker analysis: hands its read of the file to `onRead`, then combines
 * the index with the worker's columns (nothing is shown before the worker's verdict).
 */
async function combine(
  bytes: Uint8Array,
  read: PageRead,
  columns: Promise<AnalysisColumns>,
  onRead?: (unchecked: DatasetIndex) => void,
): Promise<Analysis> {
  if ('index' in read) warm(onRead, read.index);
  let result: AnalysisColumns;
  try {
    result = await columns;
  } catch (err) {
    if (err instanceof WorkerUnavailable) return analyseHere(bytes);
    throw err;
  }
  if (!('index' in read)) {
    throw read.error instanceof Error ? read.error : new Error(String(read.error));
  }
  return fromAnalysisColumns(read.index, DEFAULT_PARAMS, result);
}

/** Everything on this thread: validate, read, analyse. */
function analyseHere(bytes: Uint8Array): Analysis {
  return analyzeDataset(decodeDataset(bytes));
}
