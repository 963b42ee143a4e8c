/// <reference lib="webworker" />
/**
 * The analysis worker (issue 12): validates a columnar dataset file (columnar.ts, column by column)
 * and runs the enterprise analysis off the main thread, then hands the page the result as typed
 * columns whose buffers are transferred, not copied (analysis-columns.ts). The page reads the same
 * bytes without validating them meanwhile (analysis-client.ts).
 * Messages: page → worker `analyse` (id, bytes); worker → page `analysed` (id, columns, ms) or
 * `failed` (id, the DatasetLoadError's kind, message and issues). The page parses every reply.
 */
// First: zod must not probe `new Function` under the app's CSP (see ../zod-config.ts).
import '../zod-config';
import { analyzeDataset } from '../analysis/analyze';
import { toAnalysisColumns, transferablesOf } from '../analysis/analysis-columns';
import type { AnalysisWorkerReply, AnalysisWorkerRequest } from './analysis-client';
import { decodeDataset } from './columnar';
import { DatasetLoadError } from './load-error';

declare const self: DedicatedWorkerGlobalScope;

self.onmessage = (event: MessageEvent<AnalysisWorkerRequest>) => {
  const { id, bytes } = event.data;
  const started = performance.now();
  let reply: AnalysisWorkerReply;
  try {
    const dataset = decodeDataset(new Uint8Array(bytes));
    const columns = toAnalysisColumns(dataset, analyzeDataset(dataset).byEnterprise);
    reply = { type: 'analysed', id, columns, ms: performance.now() - started };
    self.postMessage(reply, transferablesOf(columns));
  } catch (err) {
    reply =
      err instanceof DatasetLoadError
        ? { type: 'failed', id, kind: err.kind, message: err.message, issues: [...err.issues] }
        : { type: 'failed', id, kind: 'format', message: String(err), issues: [] };
    self.postMessage(reply);
  }
};
