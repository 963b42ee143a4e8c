/**
 * Loads and analyses a columnar dataset with the work split over two threads (issue 12): the
 * analysis worker validates the file and computes every enterprise's metrics and role, while the
 * page reads the same bytes (without validating them again) and builds its index before it waits
 * for the worker; the worker's result arrives as typed columns in transferred buffers and becomes
 * the page's Analysis. Nothing crosses as an object graph. A page without workers, or whose
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

export interface AnalysisWorkerRequest {
  id: number;
  bytes: ArrayBuffer;
}

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
  // Meanwhile: the same bytes on the page, unchecked, and their index (the worker's verdict
  // decides below; nothing is shown before it).
  let index: DatasetIndex | null = null;
  let readError: unknown = null;
  try {
    index = buildDatasetIndex(decodeDataset(bytes, { validate: false }));
  } catch (err) {
    readError = err;
  }
  if (index) {
    try {
      onRead?.(index);
    } catch {
      // Warming is optional: the analysis goes on.
    }
  }
  let result: AnalysisColumns;
  try {
    result = await columns;
  } catch (err) {
    if (err instanceof WorkerUnavailable) return analyseHere(bytes);
    throw err;
  }
  if (!index) throw readError instanceof Error ? readError : new Error(String(readError));
  return fromAnalysisColumns(index, DEFAULT_PARAMS, result);
}

/** Everything on this thread: validate, read, analyse. */
function analyseHere(bytes: Uint8Array): Analysis {
  return analyzeDataset(decodeDataset(bytes));
}
