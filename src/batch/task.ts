/**
 * What a worker does with one input (the batch workers and the OCR pool's alike): runs
 * `processFileTo` and streams its records into the cache (atomically, `CacheWriter`) before
 * answering, so the main thread only ever holds manifest entries. Text dumps are read here from
 * their path, in chunks; PDFs arrive as bytes, and the pages of their flagged tables are drawn for
 * report.html. A file whose streams inflated past the memory guard's limit is reported `too_large`
 * and, like a file that ran out of room, never cached.
 */
import { diagnostic } from '../diagnostics.js';
import type { ProjectRecord } from '../domain/schema.js';
import type { PageOcr } from '../pdf/index.js';
import { processFileTo } from '../pipeline.js';
import { cropsWanted, drawCrops, type CropWanted } from '../report/crops.js';
import type { Crop, FileResult, ManifestEntry } from '../result.js';
import { CacheWriter } from './cache.js';
import { resetTrip, tripped } from './memory-guard.js';
import type { WorkerReply, WorkerTask } from './worker.js';

/** Errors of results that depend on the memory of the run, not on the file: never cached. */
const UNCACHED = new Set(['resource_limit', 'too_large']);

/**
 * Processes one task; `ocr`: how scanned pages are read (the OCR pool's reader; default: as the
 * task says, `defer` or OCR in this thread).
 */
export async function handleTask(task: WorkerTask & { id: number }, ocr?: PageOcr): Promise<WorkerReply> {
  resetTrip();
  const cache = task.cachePath ? new CacheWriter(task.cachePath) : undefined;
  const held: ProjectRecord[] = [];
  const wanted: CropWanted[] = [];
  const drawing = task.crops === true && task.cachePath !== undefined && task.bytes !== undefined;
  let n = 0;
  const source = task.source instanceof Uint8Array ? Buffer.from(task.source.buffer, task.source.byteOffset, task.source.byteLength) : task.source;
  let summary;
  try {
    summary = await processFileTo(
      {
        path: task.path, sha256: task.sha256, size: task.size,
        ...(task.name ? { name: task.name } : {}), ...(task.bytes ? { bytes: task.bytes } : {}), ...(source !== undefined ? { source } : {}), ...(task.rawPath ? { rawPath: task.rawPath } : {}),
      },
      task.settings,
      (r) => {
        // Only what to draw is kept of a record (for the crops of flagged tables).
        const w = drawing ? cropsWanted(r, n) : undefined;
        n++;
        if (w) wanted.push(w);
        return cache ? cache.add(r) : void held.push(r);
      },
      ocr ? { ocr } : task.ocr ? { ocr: task.ocr } : {},
    );
  } catch (e) {
    await cache?.discard().catch(() => undefined); // a full disk: leave no spill file behind
    throw e;
  }
  const { entry, diagnostics } = summary;
  if (summary.deferred) {
    // A scan: nothing is cached here, the OCR pool reads the file again.
    await cache?.discard();
    return { id: task.id, entry, deferred: summary.deferred };
  }
  const trip = tripped();
  if (trip) {
    // pdf.js may have gone on with a partial page: whatever it made of the file is dropped.
    await cache?.discard();
    const message = `${entry.path}: ${trip.what} inflates past the stream limit of ${trip.limit} bytes (a decompression bomb?); the file was not read`;
    const failed: ManifestEntry = { ...entry, status: 'failed', tables: 0, flagged_tables: 0, error: { code: 'too_large', message } };
    delete failed.encoding;
    delete failed.ocr;
    const result: FileResult = { entry: failed, records: [], diagnostics: [diagnostic('too_large', message, { file: entry.path }, { severity: 'error' })] };
    return { id: task.id, entry: failed, json: JSON.stringify(result) };
  }
  if (cache && !UNCACHED.has(entry.error?.code ?? '')) {
    let crops: Crop[] = [];
    if (drawing && entry.kind === 'pdf' && wanted.length) {
      crops = await drawCrops(entry.file, wanted, task.bytes!, task.cachePath!);
      // Drawing is for the report only: a page too big to draw just has no picture.
      if (tripped()) crops = [];
      resetTrip();
    }
    await cache.commit(entry, diagnostics, crops);
    return { id: task.id, entry };
  }
  await cache?.discard();
  return { id: task.id, entry, json: JSON.stringify({ entry, records: held, diagnostics } satisfies FileResult) };
}

/**
 * The answer to a task whose handling threw: a system error (a full disk, which stops the run)
 * is answered `fatal`; anything else is a bug, rethrown so that the worker dies and the pool
 * reports the file and replaces the worker.
 */
export function fatalReply(task: WorkerTask & { id: number }, e: unknown): WorkerReply {
  const code = (e as NodeJS.ErrnoException)?.code;
  if (typeof code === 'string' && (e as NodeJS.ErrnoException).syscall) {
    const path = task.name ?? task.path;
    const entry = { file: path.split('/').pop() ?? path, path, sha256: task.sha256, bytes: task.size, kind: 'unknown', status: 'failed', tables: 0, flagged_tables: 0, duration_ms: 0 } as ManifestEntry;
    return { id: task.id, entry, fatal: { code, message: (e as Error).message } };
  }
  throw e;
}
