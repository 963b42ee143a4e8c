/// <reference lib="webworker" />
/**
 * The import worker (domain.md §7.1, §7.6): reads and validates the user's files off the main
 * thread so the page stays responsive. Messages: page → worker `start` (files, reference, options)
 * and `cancel`; worker → page `progress`, `done` (summary, issues, rejected rows and the Dataset,
 * by structured clone) or `failed`. The page parses every message it receives (import-client.ts) and
 * also terminates the worker on cancel, since validation is one synchronous pass.
 */
// First: zod must not probe `new Function` under the app's CSP (see ../zod-config.ts).
import '../zod-config';
import type { ImportWorkerMessage, ImportWorkerRequest } from './import-client';
import { ImportJobError, runImportJob } from './import-job';

declare const self: DedicatedWorkerGlobalScope;

const post = (message: ImportWorkerMessage) => self.postMessage(message);

/** At most one progress message per percent. */
let lastPercent = -1;
const progress = (fraction: number) => {
  const percent = Math.floor(fraction * 100);
  if (percent === lastPercent) return;
  lastPercent = percent;
  post({ type: 'progress', fraction: Math.min(1, Math.max(0, fraction)) });
};

let controller: AbortController | null = null;

self.onmessage = (event: MessageEvent<ImportWorkerRequest>) => {
  const message = event.data;
  if (message.type === 'cancel') {
    controller?.abort(new DOMException('import cancelled', 'AbortError'));
    return;
  }
  controller = new AbortController();
  lastPercent = -1;
  const started = performance.now();
  runImportJob(message.request, { signal: controller.signal, onProgress: progress }).then(
    (result) => post({ type: 'done', ms: performance.now() - started, ...result }),
    (err: unknown) => {
      if (controller?.signal.aborted) return;
      post(
        err instanceof ImportJobError
          ? { type: 'failed', code: err.code, messageZh: err.messageZh, messageEn: err.message }
          : {
              type: 'failed',
              code: 'E_INTERNAL',
              messageZh: `导入失败：${String(err)}`,
              messageEn: `import failed: ${String(err)}`,
            },
      );
    },
  );
};
