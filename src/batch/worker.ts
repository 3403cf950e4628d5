/**
 * Worker thread: runs `processFileTo` on one input at a time and streams its records into the cache
 * (atomically, `CacheWriter`) before answering, so the main thread only ever holds manifest entries
 * (`task.ts`). Text dumps are read here from their path, in chunks; PDFs arrive as bytes. A file
 * with scanned pages is answered `deferred` when the task says so: the OCR pool reads it.
 * The memory guard (`memory-guard.ts`) cuts streams that inflate past the limit; such a file is
 * reported `too_large` and, like a file that ran out of room, never cached.
 * > **Note**: pdf.js runs on the thread that calls it in Node; one worker per core is what
 * > makes extraction parallel.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { ManifestEntry } from '../result.js';
import type { Settings } from '../settings.js';
import { installMemoryGuard } from './memory-guard.js';
import { signalReady } from './pool.js';
import { fatalReply, handleTask } from './task.js';

/** One file to process. */
export interface WorkerTask {
  id?: number;
  /** The path to read, as given (for messages when there is no `name`). */
  path: string;
  /** The input's name in the dataset (its path relative to the dataset root). */
  name?: string;
  /** The content (PDFs); absent: the worker reads `source` in chunks. */
  bytes?: Uint8Array;
  /** Where to read the file: the path, or the raw bytes of a name that is not UTF-8. */
  source?: string | Uint8Array;
  /** The path's bytes in hex when they are not UTF-8. */
  rawPath?: string;
  sha256: string;
  size: number;
  settings: Settings;
  /** Where to write the full result; undefined: send it back instead. */
  cachePath?: string;
  /** `defer`: a file with scanned pages is not read here but answered `deferred` (for the OCR pool). */
  ocr?: 'defer';
  /** Draw crops of the pages of flagged tables for report.html (beside the cache file). */
  crops?: boolean;
}

/** The answer: the manifest entry, and the full result when it was not cached. */
export interface WorkerReply {
  id: number;
  entry: ManifestEntry;
  /** JSON of the full `FileResult` when it was not written to the cache. */
  json?: string;
  /** Set when the file needs OCR and was deferred (nothing cached): its page count. */
  deferred?: { pages: number };
  /** Set when the worker could not write (a full disk): the run cannot go on. */
  fatal?: { code: string; message: string };
}

/** What the pool gives every worker it starts. */
export interface WorkerSetup {
  /** Largest decompressed stream or buffer, in bytes. */
  streamBytes?: number;
  /** The pool's shared usage slots (see `WorkerPool`). */
  usage?: { buffer: SharedArrayBuffer; slot: number };
}

const setup = (workerData ?? {}) as WorkerSetup;
installMemoryGuard({ streamBytes: setup.streamBytes ?? Infinity, ...(setup.usage ? { usage: setup.usage } : {}) });

parentPort!.on('message', (task: WorkerTask & { id: number }) => {
  // processFileTo never throws for bad input: a rejection is a system error (a full disk, which
  // stops the run) or a bug, left unhandled so that the worker dies and the pool reports the file
  // and replaces the worker.
  void handleTask(task).then(
    (reply) => parentPort!.postMessage(reply),
    (e: unknown) => parentPort!.postMessage(fatalReply(task, e)),
  );
});
signalReady(parentPort);
