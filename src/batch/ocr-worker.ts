/**
 * OCR pool worker: runs `processFileTo` with OCR in this thread (the models are loaded once, on the
 * first scanned page, and kept) and streams the result into the cache before answering, as the
 * batch worker does (`task.ts`). The memory guard cuts what a page decodes at `MAX_STREAM_BYTES`
 * (a page drawn at 600 dpi needs about half of it): an image built to inflate to gigabytes is
 * reported `too_large` instead of being drawn.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { localOcr } from '../ocr/index.js';
import { installMemoryGuard } from './memory-guard.js';
import { MAX_STREAM_BYTES } from './plan.js';
import { signalReady } from './pool.js';
import { fatalReply, handleTask } from './task.js';
import type { WorkerSetup, WorkerTask } from './worker.js';

const setup = (workerData ?? {}) as WorkerSetup;
installMemoryGuard({ streamBytes: setup.streamBytes ?? MAX_STREAM_BYTES, ...(setup.usage ? { usage: setup.usage } : {}) });

parentPort!.on('message', (task: WorkerTask & { id: number; threads: number }) => {
  const mode = task.settings.ocr === 'force' ? 'force' : 'auto';
  // As in worker.ts: a rejection is a full disk (answered `fatal`) or a bug (the worker dies).
  void handleTask(task, localOcr(mode, task.settings.ocrDpi, task.threads)).then(
    (reply) => parentPort!.postMessage(reply),
    (e: unknown) => parentPort!.postMessage(fatalReply(task, e)),
  );
});
signalReady(parentPort);
