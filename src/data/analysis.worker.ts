/// <reference lib="webworker" />
/**
 * The analysis worker (issue 12): validates a columnar dataset file (columnar.ts, column by column)
 * and runs the enterprise analysis off the main thread, then hands the page the result as typed
 * columns whose buffers are transferred, not copied (analysis-columns.ts). The page reads the same
 * bytes without validating them meanwhile (analysis-client.ts).
 * Messages: page → worker the file itself (id, bytes) or where it is (id, url, href), which the
 * worker downloads and answers first with `bytes` (a copy for the page); then worker → page
 * `analysed` (id, columns, ms) or `failed` (id, the DatasetLoadError's kind, message and issues).
 * The page parses every reply.
 */
// First: zod must not probe `new Function` under the app's CSP (see ../zod-config.ts).
import '../zod-config';
import { analyzeDataset } from '../analysis/analyze';
import { toAnalysisColumns, transferablesOf } from '../analysis/analysis-columns';
import type { AnalysisWorkerReply, AnalysisWorkerRequest } from './analysis-client';
import { decodeDataset } from './columnar';
import { fetchColumnarBytes } from './dataset-source';
import { DatasetLoadError } from './load-error';

declare const self: DedicatedWorkerGlobalScope;

self.onmessage = async (event: MessageEvent<AnalysisWorkerRequest>) => {
  const request = event.data;
  const { id } = request;
  const started = performance.now();
  let reply: AnalysisWorkerReply;
  try {
    let bytes: Uint8Array;
    if ('url' in request) {
      // Messages name the file as the page knows it; the download goes to the page-resolved URL
      // (a worker resolves relative URLs against its own script).
      bytes = await fetchColumnarBytes(request.url, (_input, init) => fetch(request.href, init));
      // The page reads its own copy meanwhile (its index, the first view's fonts).
      const copy = bytes.slice().buffer;
      self.postMessage({ type: 'bytes', id, bytes: copy } satisfies AnalysisWorkerReply, [copy]);
    } else {
      bytes = new Uint8Array(request.bytes);
    }
    const dataset = decodeDataset(bytes);
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
