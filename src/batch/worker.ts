/**
 * Worker thread: runs `processFile` on one input at a time and writes the result to the cache
 * (atomically) before answering, so the main thread only ever holds manifest entries.
 * > **Note**: pdf.js runs on the thread that calls it in Node; one worker per core is what
 * > makes extraction parallel.
 */
import { parentPort } from 'node:worker_threads';
import { processFile } from '../pipeline.js';
import { addCrops } from '../report/crops.js';
import { signalReady } from './pool.js';
import type { ManifestEntry } from '../result.js';
import type { Settings } from '../settings.js';
import { writeFileAtomic } from './atomic.js';

/** One file to process. */
export interface WorkerTask {
  id?: number;
  path: string;
  /** The input's name in the dataset (its path relative to the dataset root). */
  name?: string;
  bytes: Uint8Array;
  settings: Settings;
  /** Where to write the full result; undefined: send it back instead. */
  cachePath?: string;
  /** `defer`: a file with scanned pages is not read here but answered `deferred` (for the OCR pool). */
  ocr?: 'defer';
  /** Draw crops of the pages of flagged tables for report.html (beside the cache file). */
  crops?: boolean;
}

/** The answer: the manifest entry (and the full result when there is no cache path). */
export interface WorkerReply {
  id: number;
  entry: ManifestEntry;
  /** JSON of the full `FileResult` when the task had no cache path. */
  json?: string;
  /** Set when the file needs OCR and was deferred (nothing cached): its page count. */
  deferred?: { pages: number };
}

parentPort!.on('message', (task: WorkerTask & { id: number }) => {
  void (async () => {
    const result = await processFile({ path: task.path, ...(task.name ? { name: task.name } : {}), bytes: task.bytes }, task.settings, undefined, task.ocr ? { ocr: task.ocr } : {});
    if (result.deferred) {
      parentPort!.postMessage({ id: task.id, entry: result.entry, deferred: result.deferred } satisfies WorkerReply);
      return;
    }
    if (task.crops && task.cachePath) await addCrops(result, task.bytes, task.cachePath);
    const json = JSON.stringify(result);
    if (task.cachePath) await writeFileAtomic(task.cachePath, json);
    const reply: WorkerReply = { id: task.id, entry: result.entry, ...(task.cachePath ? {} : { json }) };
    parentPort!.postMessage(reply);
  })();
  // processFile never throws for bad input: a rejection here is a bug or a full disk. It is left
  // unhandled on purpose, so the worker dies and the pool reports the file and replaces it.
});
signalReady(parentPort);
