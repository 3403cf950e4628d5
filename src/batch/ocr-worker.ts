/**
 * OCR pool worker: runs `processFile` with OCR in this thread (the models are loaded once, on the
 * first scanned page, and kept) and writes the result to the cache before answering, as the batch
 * worker does.
 */
import { parentPort } from 'node:worker_threads';
import { localOcr } from '../ocr/index.js';
import { processFile } from '../pipeline.js';
import { addCrops } from '../report/crops.js';
import { writeFileAtomic } from './atomic.js';
import { signalReady } from './pool.js';
import type { WorkerReply, WorkerTask } from './worker.js';

parentPort!.on('message', (task: WorkerTask & { id: number; threads: number }) => {
  void (async () => {
    const mode = task.settings.ocr === 'force' ? 'force' : 'auto';
    const result = await processFile({ path: task.path, ...(task.name ? { name: task.name } : {}), bytes: task.bytes }, task.settings, undefined, { ocr: localOcr(mode, task.settings.ocrDpi, task.threads) });
    if (task.crops && task.cachePath) await addCrops(result, task.bytes, task.cachePath);
    const json = JSON.stringify(result);
    if (task.cachePath) await writeFileAtomic(task.cachePath, json);
    const reply: WorkerReply = { id: task.id, entry: result.entry, ...(task.cachePath ? {} : { json }) };
    parentPort!.postMessage(reply);
  })();
  // As in worker.ts: a rejection is a bug or a full disk; the worker dies and the pool reports it.
});
signalReady(parentPort);
