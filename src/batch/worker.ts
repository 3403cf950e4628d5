/**
 * Worker thread: runs `processFileTo` on one input at a time and streams its records into the cache
 * (atomically, `CacheWriter`) before answering, so the main thread only ever holds manifest entries.
 * Text dumps are read here from their path, in chunks; PDFs arrive as bytes.
 * The memory guard (`memory-guard.ts`) cuts streams that inflate past the limit; such a file is
 * reported `too_large` and, like a file that ran out of room, never cached.
 * > **Note**: pdf.js runs on the thread that calls it in Node; one worker per core is what
 * > makes extraction parallel.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { diagnostic } from '../diagnostics.js';
import type { ProjectRecord } from '../domain/schema.js';
import { processFileTo } from '../pipeline.js';
import type { FileResult, ManifestEntry } from '../result.js';
import type { Settings } from '../settings.js';
import { CacheWriter } from './cache.js';
import { installMemoryGuard, resetTrip, tripped } from './memory-guard.js';

/** One file to process. */
export interface WorkerTask {
  id?: number;
  /** The path as given (for names and messages). */
  path: string;
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
}

/** The answer: the manifest entry, and the full result when it was not cached. */
export interface WorkerReply {
  id: number;
  entry: ManifestEntry;
  /** JSON of the full `FileResult` when it was not written to the cache. */
  json?: string;
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

/** Errors of results that depend on the memory of the run, not on the file: never cached. */
const UNCACHED = new Set(['resource_limit', 'too_large']);

const setup = (workerData ?? {}) as WorkerSetup;
installMemoryGuard({ streamBytes: setup.streamBytes ?? Infinity, ...(setup.usage ? { usage: setup.usage } : {}) });

async function handle(task: WorkerTask & { id: number }): Promise<WorkerReply> {
  resetTrip();
  const cache = task.cachePath ? new CacheWriter(task.cachePath) : undefined;
  const held: ProjectRecord[] = [];
  const source = task.source instanceof Uint8Array ? Buffer.from(task.source.buffer, task.source.byteOffset, task.source.byteLength) : task.source;
  let summary;
  try {
    summary = await processFileTo(
      { path: task.path, sha256: task.sha256, size: task.size, ...(task.bytes ? { bytes: task.bytes } : {}), ...(source !== undefined ? { source } : {}), ...(task.rawPath ? { rawPath: task.rawPath } : {}) },
      task.settings,
      (r) => (cache ? cache.add(r) : void held.push(r)),
    );
  } catch (e) {
    await cache?.discard().catch(() => undefined); // a full disk: leave no spill file behind
    throw e;
  }
  const { entry, diagnostics } = summary;
  const trip = tripped();
  if (trip) {
    // pdf.js may have gone on with a partial page: whatever it made of the file is dropped.
    await cache?.discard();
    const message = `${entry.file}: ${trip.what} inflates past the stream limit of ${trip.limit} bytes (a decompression bomb?); the file was not read`;
    const failed: ManifestEntry = { ...entry, status: 'failed', tables: 0, flagged_tables: 0, error: { code: 'too_large', message } };
    delete failed.encoding;
    const result: FileResult = { entry: failed, records: [], diagnostics: [diagnostic('too_large', message, { file: entry.file }, { severity: 'error' })] };
    return { id: task.id, entry: failed, json: JSON.stringify(result) };
  }
  if (cache && !UNCACHED.has(entry.error?.code ?? '')) {
    await cache.commit(entry, diagnostics);
    return { id: task.id, entry };
  }
  await cache?.discard();
  return { id: task.id, entry, json: JSON.stringify({ entry, records: held, diagnostics } satisfies FileResult) };
}

parentPort!.on('message', (task: WorkerTask & { id: number }) => {
  void handle(task).then(
    (reply) => parentPort!.postMessage(reply),
    (e: unknown) => {
      // processFileTo never throws for bad input: a rejection is a system error (a full disk,
      // which stops the run) or a bug, left unhandled so that the worker dies and the pool
      // reports the file and replaces the worker.
      const code = (e as NodeJS.ErrnoException)?.code;
      if (typeof code === 'string' && (e as NodeJS.ErrnoException).syscall) {
        const entry = { file: task.path, path: task.path, sha256: task.sha256, bytes: task.size, kind: 'unknown', status: 'failed', tables: 0, flagged_tables: 0, duration_ms: 0 } as ManifestEntry;
        parentPort!.postMessage({ id: task.id, entry, fatal: { code, message: (e as Error).message } } satisfies WorkerReply);
        return;
      }
      throw e;
    },
  );
});
