/**
 * The batch: inputs → content hashes → this shard's files → cache hits, duplicates and files over
 * the byte limit answered at once → the rest processed in worker threads (one per core) → a run
 * index (`.run.json`) and the dataset, written in input order whatever the order of completion.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import pLimit from 'p-limit';
import { diagnostic, type Code } from '../diagnostics.js';
import { TOOL_VERSION } from '../version.js';
import type { FileResult, ManifestEntry } from '../result.js';
import type { Settings } from '../settings.js';
import { removeStaleTemps, writeFileAtomic } from './atomic.js';
import { CACHE_DIR, cacheName, settingsHash, validCached } from './cache.js';
import type { DatasetTotals, WriterOptions } from './dataset-writer.js';
import { lockOutput } from './lock.js';
import { OrderedEmitter } from './ordered-emitter.js';
import { memoryLimits, planJobs } from './plan.js';
import { gatherInputs, type InputEntry } from './inputs.js';
import { readSources, type SourceMeta } from './sources.js';
import type { Shard } from './shard.js';
import { DatasetError, datasetPath, emptyStore, loadStore, processed, rootOf, saveStore, type DatasetStore, type StoreItem } from './store.js';
import { WorkerPool, type Outcome } from './pool.js';
import { OcrPool, planOcr } from './ocr-pool.js';
import { ocrInstalled } from '../ocr/index.js';
import { fileEvent, type DoneEvent, type Reporter } from './progress.js';
import type { WorkerReply, WorkerSetup, WorkerTask } from './worker.js';

/** Name of the run index inside the output folder (what `merge` reads). */
export const RUN_FILE = '.run.json';

export { parseShard, type Shard } from './shard.js';
export { DatasetError } from './store.js';

export interface IngestOptions {
  /** Files, folders and globs as typed (bytes for an argument that is not UTF-8). */
  inputs: ReadonlyArray<string | Buffer>;
  outDir: string;
  settings: Settings;
  /** Worker threads (default: one per core, as many as half the machine's memory holds). */
  jobs?: number;
  /** Memory budget of the whole run in MiB: fewer workers are started when `jobs` would not fit. */
  maxMemoryMb?: number;
  shard?: Shard;
  report: Reporter;
  /** V8 old-space limit of each worker, in MiB. */
  workerHeapMb?: number;
  /** Files read or hashed at once. */
  ioConcurrency?: number;
  /** OCR workers (default 1; each uses every core it is given). */
  ocrJobs?: number;
  /** Time allowed per page read by OCR, on top of the per-file limit. */
  ocrPageMs?: number;
  /** The dataset root for a new dataset (default: the working directory); an existing one keeps its own. */
  root?: string;
  /** Start the dataset over instead of adding to it. */
  replace?: boolean;
  /** Metadata sidecars named on the command line (`--sources`). */
  sources?: readonly string[];
  /** How the outputs are written (headers, CSV guard, report, xlsx). */
  output?: Omit<WriterOptions, 'csvEncoding'>;
}

/** One input of this shard as recorded in the run index (or an input the dataset already held). */
export interface RunItem {
  /** Position in the full input list (-1: held by the dataset, not an input of this run). */
  index: number;
  /** The path to read, as given. */
  path: string;
  /** The path relative to the dataset root: the input's name in the dataset. */
  rel: string;
  sha256: string;
  /** Cache file name (in `<out>/.cache`) holding the result, when there is one. */
  cache?: string;
  /** The result itself when it is not cached (read failures, duplicates, timeouts, crashes). */
  result?: FileResult;
  /** Whether the result came from the cache in this run. */
  cached: boolean;
  /** Status of its result, once known. */
  status?: ManifestEntry['status'];
  /** What this run did to the dataset with it. */
  change?: Change;
  /** Metadata from a sources.csv sidecar. */
  meta?: SourceMeta;
}

/** The run index: enough to rebuild the dataset of this shard, or of all shards merged. */
export interface RunIndex {
  tool: 'ziping';
  version: string;
  settings_hash: string;
  settings: Settings;
  /** Inputs in the full list (every shard). */
  inputs: number;
  shard: Shard | null;
  items: RunItem[];
}

interface Hashed {
  index: number;
  path: string;
  input: InputEntry;
  sha256?: string;
  bytes?: number;
  kind?: ManifestEntry['kind'];
  error?: string;
}

/** Given the bytes' start, returns the kind `processFile` would give before reading further. */
function kindOf(head: Buffer, size: number): ManifestEntry['kind'] {
  return head.toString('latin1').includes('%PDF-') ? 'pdf' : size === 0 ? 'unknown' : 'text';
}

/**
 * Files up to this size are read whole to be hashed (faster than a stream); larger ones are
 * streamed. Small, because up to `ioConcurrency` files are hashed at once on the main thread.
 */
const HASH_WHOLE_MAX = 4 * 2 ** 20;

/** Given a path, returns the content's sha256, its size and the kind `processFile` will see; `wholeMax`: see HASH_WHOLE_MAX. */
export async function hashFile(file: string | Buffer, wholeMax = HASH_WHOLE_MAX): Promise<{ sha256: string; bytes: number; kind: ManifestEntry['kind'] }> {
  const st = await stat(file);
  if (!st.isFile()) throw new Error(st.isDirectory() ? 'EISDIR: is a directory' : 'not a regular file');
  const hash = createHash('sha256');
  if (st.size <= wholeMax) {
    const data = await readFile(file);
    return { sha256: hash.update(data).digest('hex'), bytes: data.length, kind: kindOf(data.subarray(0, 1024), data.length) };
  }
  let head = Buffer.alloc(0);
  let bytes = 0;
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    if (head.length < 1024) head = Buffer.concat([head, chunk.subarray(0, 1024 - head.length)]);
    hash.update(chunk);
    bytes += chunk.length;
  }
  return { sha256: hash.digest('hex'), bytes, kind: kindOf(head, bytes) };
}

/** Given a content hash (or, for unreadable inputs, the input index), returns its shard (1-based). */
export function shardOf(item: { index: number; sha256?: string }, count: number): number {
  // By content, so duplicates always fall in the same shard as their original.
  const n = item.sha256 ? parseInt(item.sha256.slice(0, 12), 16) : item.index;
  return (n % count) + 1;
}


/** A failed result made outside `processFile`, shaped like the ones it makes. */
function failedResult(base: Omit<ManifestEntry, 'status' | 'tables' | 'flagged_tables' | 'duration_ms'>, code: Code, message: string, ms = 0): FileResult {
  const entry: ManifestEntry = { ...base, status: 'failed', tables: 0, flagged_tables: 0, duration_ms: Math.round(ms), error: { code, message } };
  return { entry, records: [], diagnostics: [diagnostic(code, message, { file: base.file }, { severity: 'error' })] };
}

/** The manifest entry of an input skipped without reading it (a folder entry that is no input). */
function skippedEntry(input: InputEntry, base: { file: string; path: string }): ManifestEntry {
  return {
    ...base, ...(input.rawPath ? { raw_path: input.rawPath } : {}), sha256: '', bytes: 0, kind: 'unknown',
    status: 'skipped', skip_reason: input.skip!, tables: 0, flagged_tables: 0, duration_ms: 0,
  };
}

/** How one input of this run changed the dataset. */
export type Change = 'added' | 'updated' | 'unchanged' | 'kept';

/**
 * Runs the batch and writes the dataset of `outDir`: this run's inputs are added to what it
 * already holds (or replace it, with `replace`), and every output is rewritten from the whole.
 * Nothing is written when no input could be processed. Returns the final event (also given to
 * `report`). Takes the output folder's lock first (`lock.ts`): a second run into the same folder
 * stops with `OutputLocked` instead of deleting the first one's temporary files.
 */
export async function runIngest(opts: IngestOptions): Promise<DoneEvent> {
  const { outDir } = opts;
  await mkdir(outDir, { recursive: true });
  const unlock = await lockOutput(outDir);
  try {
    return await ingestLocked(opts);
  } finally {
    await unlock();
  }
}

async function ingestLocked(opts: IngestOptions): Promise<DoneEvent> {
  const t0 = performance.now();
  const { settings, outDir, report } = opts;
  // OCR's memory comes out of the budget first; its pool starts only when a scan turns up.
  const ocrWanted = settings.ocr !== 'off';
  const installed = ocrWanted && ocrInstalled();
  const ocrPlan = planOcr({ ocr: settings.ocr, installed, ...(opts.ocrJobs ? { ocrJobs: opts.ocrJobs } : {}), ...(opts.maxMemoryMb !== undefined ? { maxMemoryMb: opts.maxMemoryMb } : {}) });
  if (ocrPlan.note) report({ event: 'warning', message: ocrPlan.note });
  const plan = planJobs({ ...(opts.jobs !== undefined ? { jobs: opts.jobs } : {}), ...(ocrPlan.restMb !== undefined ? { maxMemoryMb: ocrPlan.restMb } : {}) });
  const jobs = plan.jobs;
  if (plan.note) report({ event: 'warning', message: ocrPlan.workers && opts.maxMemoryMb !== undefined ? `${plan.note} (after ${opts.maxMemoryMb - ocrPlan.restMb!} MiB for OCR)` : plan.note });
  // The batch workers' heaps and streams come out of what OCR leaves; the whole budget is the
  // process's ceiling (OCR workers are threads of the same process).
  const limits = memoryLimits({ jobs, ...(ocrPlan.restMb !== undefined ? { maxMemoryMb: ocrPlan.restMb } : {}), ...(opts.workerHeapMb !== undefined ? { workerHeapMb: opts.workerHeapMb } : {}) });
  if (opts.maxMemoryMb !== undefined) limits.ceilingMb = opts.maxMemoryMb;
  const io = pLimit(opts.ioConcurrency ?? 8);

  // The dataset already there, and its root: input paths are made relative to it, so that a
  // re-run from another folder names every file the same way.
  const existing = opts.replace ? undefined : await loadStore(outDir);
  const collected = await gatherInputs(opts.inputs, { warn: (message) => report({ event: 'warning', message }), outDir });
  const inputs = collected.files;
  const paths = inputs.map((i) => i.path);
  let root = path.resolve(opts.root ?? defaultRoot(paths));
  if (existing) {
    const held = rootOf(outDir, existing);
    if (opts.root !== undefined && path.resolve(opts.root) !== held) {
      throw new DatasetError(`${outDir}/ holds a dataset rooted at ${path.relative('.', held) || '.'}, not ${opts.root}: leave --root out, or use --replace to start over`);
    }
    root = held;
  }
  const store: DatasetStore = existing ?? emptyStore(outDir, root);
  const t1 = performance.now();
  const hashed: Hashed[] = await Promise.all(inputs.map((input, index) => io(async (): Promise<Hashed> => {
    if (input.skip || input.error !== undefined) return { index, path: input.path, input, ...(input.error !== undefined ? { error: input.error } : {}) };
    try {
      return { index, path: input.path, input, ...(await hashFile(input.fsPath)) };
    } catch (e) {
      return { index, path: input.path, input, error: (e as Error).message };
    }
  })));
  const t2 = performance.now();

  const mine = opts.shard ? hashed.filter((h) => shardOf(h, opts.shard!.count) === opts.shard!.index) : hashed;
  const cacheDir = path.join(outDir, CACHE_DIR);
  await mkdir(cacheDir, { recursive: true });
  await Promise.all([removeStaleTemps(outDir), removeStaleTemps(cacheDir)]);
  // Results made without OCR because it was not installed are not reused once it is.
  const key = settingsHash(ocrWanted && !installed ? ({ ...settings, ocrInstalled: false } as Settings) : settings);

  // Metadata sidecars: those found in the folders given, then those named with --sources.
  const meta = new Map<string, SourceMeta>();
  for (const file of [...collected.sidecars, ...(opts.sources ?? [])]) {
    const read = await readSources(file, root);
    for (const problem of read.problems) report({ event: 'warning', message: problem });
    for (const [k, v] of read.meta) meta.set(k, v);
  }

  const held = new Map(store.items.map((item, i) => [item.path, { item, i }]));
  const items: RunItem[] = [];
  const seen = new Set<string>();
  const firstOf = new Map<string, string>();
  for (const item of store.items) if (item.status !== 'skipped' && item.status !== 'failed' && !firstOf.has(item.sha256)) firstOf.set(item.sha256, item.path);
  const lookups: RunItem[] = [];
  for (const h of mine) {
    const rel = datasetPath(root, h.path);
    if (seen.has(rel)) continue; // the same file named twice (a folder and a file in it)
    seen.add(rel);
    const file = path.posix.basename(rel);
    const old = held.get(rel)?.item;
    const item: RunItem = { index: h.index, path: h.path, rel, sha256: h.sha256 ?? '', cached: false, change: !old ? 'added' : old.sha256 === h.sha256 ? 'unchanged' : 'updated' };
    const m = meta.get(rel) ?? old?.meta;
    if (m) item.meta = m;
    items.push(item);
    const raw = h.input.rawPath ? { raw_path: h.input.rawPath } : {};
    if (h.input.skip) {
      item.result = { entry: skippedEntry(h.input, { file, path: rel }), records: [], diagnostics: [] };
      continue;
    }
    if (h.error !== undefined || h.sha256 === undefined) {
      item.result = failedResult({ file, path: rel, ...raw, sha256: '', bytes: 0, kind: 'unknown' }, 'read_failed', `${rel}: ${h.error}`);
      continue;
    }
    // Duplicates: an input with the content of one already in the dataset, or of an earlier one
    // of this run, is skipped and names it.
    const first = firstOf.get(h.sha256);
    if (first !== undefined && first !== rel) {
      const entry: ManifestEntry = {
        file, path: rel, ...raw, sha256: h.sha256, bytes: h.bytes!, kind: h.kind!,
        status: 'skipped', skip_reason: 'duplicate', duplicate_of: first, tables: 0, flagged_tables: 0, duration_ms: 0,
      };
      item.result = { entry, records: [], diagnostics: [] };
      continue;
    }
    firstOf.set(h.sha256, rel);
    if (h.bytes! > settings.maxBytes) {
      const base = { file, path: rel, ...raw, sha256: h.sha256, bytes: h.bytes!, kind: h.kind! };
      item.result = failedResult(base, 'too_large', `${rel}: ${h.bytes} bytes, over the per-file limit of ${settings.maxBytes}`);
      continue;
    }
    // (For a name that is not UTF-8, its bytes: decoded names may collide.)
    item.cache = cacheName(h.sha256, h.input.rawPath ?? rel, key);
    lookups.push(item);
  }
  const unmatched = [...meta.keys()].filter((k) => !seen.has(k) && !held.has(k));
  if (unmatched.length) report({ event: 'warning', message: `sources.csv: ${unmatched.length} row(s) name no input: ${unmatched.slice(0, 5).join(', ')}${unmatched.length > 5 ? ' …' : ''}` });

  // The dataset after this run: what it held, in its order, each input of this run in the place
  // of its earlier version or after the rest.
  const slots: RunItem[] = store.items.map((s) => {
    const item: RunItem = { index: -1, path: s.path, rel: s.path, sha256: s.sha256, cached: true, status: s.status };
    if (s.cache !== undefined) item.cache = s.cache;
    if (s.result !== undefined) item.result = s.result;
    const m = meta.get(s.path) ?? s.meta;
    if (m) item.meta = m;
    return item;
  });
  for (const item of items) {
    const at = held.get(item.rel);
    if (at) slots[at.i] = item;
    else slots.push(item);
  }
  const mineSet = new Set(items);

  const hits = new Map<number, ManifestEntry>();
  await Promise.all(lookups.map((item) => io(async () => {
    const hit = await validCached(cacheDir, item.cache!);
    if (hit) {
      item.cached = true;
      hits.set(item.index, hit.entry);
    }
  })));
  const work = lookups.filter((item) => !item.cached);
  // The dataset is written while files are processed, in its order (only the tail is left at the end).
  const emitter = new OrderedEmitter(outDir, outDir, slots, { ...opts.output, csvEncoding: settings.csvEncoding });
  const entries = new Map<number, ManifestEntry>();
  const settle = (item: RunItem, entry: ManifestEntry): void => {
    // A failure never replaces a result that had tables: the earlier one is kept, and said so.
    const old = held.get(item.rel)?.item;
    if (entry.status === 'failed' && old && processed(old.status)) {
      report({ event: 'warning', message: `${item.rel}: ${entry.error?.message ?? 'failed'}; the dataset keeps its earlier result` });
      item.change = 'kept';
      item.sha256 = old.sha256;
      item.status = old.status;
      delete item.result;
      delete item.cache;
      if (old.cache !== undefined) item.cache = old.cache;
      if (old.result !== undefined) item.result = old.result;
    } else item.status = entry.status;
    entries.set(item.index, entry);
    report(fileEvent(item.index, entry, item.cached));
    emitter.ready(item);
  };
  try {
    return await processAndEmit();
  } catch (e) {
    await emitter.abort(); // no half-written dataset; the cache keeps what was done
    throw e;
  }

  async function processAndEmit(): Promise<DoneEvent> {
    /** Settles an item from a worker's answer (a failure is never cached: the next run tries again). */
    const finish = (item: RunItem, base: Omit<ManifestEntry, 'status' | 'tables' | 'flagged_tables' | 'duration_ms'>, out: Outcome<WorkerReply>, limit: string): void => {
      if (out.ok) {
        if (out.value.fatal) {
          // The worker could not write its cache (a full disk): the run stops, with that error.
          throw Object.assign(new Error(`${out.value.fatal.message} (writing the cache in ${cacheDir})`), { code: out.value.fatal.code });
        }
        if (out.value.json !== undefined) {
          // Not cached (it depends on the run's memory, not on the file): held in the run index.
          item.result = JSON.parse(out.value.json) as FileResult;
          delete item.cache;
        }
        return settle(item, out.value.entry);
      }
      item.result = out.reason === 'timeout'
        ? failedResult(base, 'timeout', `${item.rel}: took longer than ${limit}; its worker was stopped`, out.ms)
        : out.reason === 'memory'
          ? failedResult(base, 'resource_limit', `${item.rel}: ${out.message}; its worker was stopped`, out.ms)
          : failedResult(base, 'internal_error', `${item.rel}: ${out.message}`, out.ms);
      delete item.cache; // never cached: the next run tries again
      settle(item, item.result.entry);
    };
    report({
      event: 'start', inputs: paths.length, shard_inputs: items.length, shard: opts.shard ? `${opts.shard.index}/${opts.shard.count}` : null,
      cached: hits.size, todo: work.length, todo_bytes: work.reduce((a, item) => a + hashed[item.index]!.bytes!, 0), jobs, out: outDir,
    });
    for (const slot of slots) if (!mineSet.has(slot)) emitter.ready(slot);
    for (const item of items) {
      if (item.result) settle(item, item.result.entry);
      else if (item.cached) settle(item, hits.get(item.index)!);
    }

    let workerMs = 0;
    let ocrFiles = 0, ocrPages = 0;
    const ocrPool = new OcrPool(ocrPlan.workers || 1, settings.timeoutMs, opts.ocrPageMs, opts.workerHeapMb ?? 2048);
    const ocrSlots = pLimit(ocrPlan.workers + 1); // bytes of files waiting for OCR
    const ocrRuns: Promise<void>[] = [];
    const setup: WorkerSetup = { streamBytes: limits.streamBytes };
    const pool = new WorkerPool<WorkerTask, WorkerReply>({
      script: new URL('./worker.js', import.meta.url),
      size: Math.min(jobs, Math.max(1, work.length)),
      timeoutMs: settings.timeoutMs,
      resourceLimits: { maxOldGenerationSizeMb: limits.heapMb },
      workerData: { ...setup },
      ceilingMb: limits.ceilingMb,
    });
    const slotsIo = pLimit(jobs + 2); // bytes of at most jobs + 2 files in memory at once
    try {
      await Promise.all(work.map((item) => slotsIo(async () => {
        const file = path.posix.basename(item.rel);
        const h = hashed[item.index]!;
        const raw = h.input.rawPath ? { raw_path: h.input.rawPath } : {};
        const base = { file, path: item.rel, ...raw, sha256: item.sha256, bytes: h.bytes!, kind: h.kind! };
        emitter.throwIfFailed(); // a full disk stops the run now, not hours later
        const cachePath = path.join(cacheDir, item.cache!);
        const crops = opts.output?.report !== false;
        const task: WorkerTask = {
          path: item.path, name: item.rel, sha256: item.sha256, size: h.bytes!, settings, cachePath, crops,
          ...(h.input.rawPath ? { rawPath: h.input.rawPath } : {}), ...(ocrPlan.workers ? { ocr: 'defer' as const } : {}),
        };
        const transfer: ArrayBuffer[] = [];
        if (h.kind === 'pdf') {
          // PDFs are read whole (pdf.js needs every byte); dumps are read by the worker in chunks.
          let data: Buffer;
          try {
            data = await io(() => readFile(h.input.fsPath));
          } catch (e) {
            item.result = failedResult(base, 'read_failed', `${item.rel}: ${(e as Error).message}`);
            delete item.cache;
            return settle(item, item.result.entry);
          }
          // Transfer, not copy: the buffer must own its whole ArrayBuffer.
          const bytes = data.byteOffset === 0 && data.byteLength === data.buffer.byteLength ? new Uint8Array(data.buffer) : new Uint8Array(data);
          task.bytes = bytes;
          transfer.push(bytes.buffer as ArrayBuffer);
        } else task.source = h.input.fsPath;
        const out = await pool.run(task, transfer);
        workerMs += out.ms;
        if (out.ok && out.value.deferred) {
          // A scan: read again in the OCR pool, outside these slots, so that text files go on meanwhile.
          const pages = out.value.deferred.pages;
          report({ event: 'ocr', index: item.index, path: item.rel, pages });
          ocrRuns.push(ocrSlots(async () => {
            let again: Buffer;
            try {
              again = await io(() => readFile(h.input.fsPath));
            } catch (e) {
              item.result = failedResult(base, 'read_failed', `${item.rel}: ${(e as Error).message}`);
              delete item.cache;
              return settle(item, item.result.entry);
            }
            const b = new Uint8Array(again.buffer, again.byteOffset, again.byteLength).slice();
            const ocrOut = await ocrPool.run({
              path: item.path, name: item.rel, bytes: b, sha256: item.sha256, size: h.bytes!, settings, cachePath, crops, pages,
              ...(h.input.rawPath ? { rawPath: h.input.rawPath } : {}),
            }, [b.buffer as ArrayBuffer]);
            workerMs += ocrOut.ms;
            ocrFiles++;
            if (ocrOut.ok) ocrPages += ocrOut.value.entry.ocr?.pages.length ?? 0;
            finish(item, base, ocrOut, `the per-file limit of ${settings.timeoutMs} ms and ${Math.round((opts.ocrPageMs ?? 60_000) / 1000)} s per page for OCR`);
          }));
          return;
        }
        finish(item, base, out, `the per-file limit of ${settings.timeoutMs} ms`);
      })));
      await Promise.all(ocrRuns);
    } finally {
      await Promise.all([pool.close(), ocrPool.close()]);
    }
    const t3 = performance.now();

    const index: RunIndex = {
      tool: 'ziping', version: TOOL_VERSION, settings_hash: key, settings, inputs: paths.length, shard: opts.shard ?? null, items,
    };
    await writeFileAtomic(path.join(outDir, RUN_FILE), JSON.stringify(index) + '\n');
    const all = [...entries.values()];
    const count = (s: string): number => all.filter((e) => e.status === s).length;
    // A run that processed nothing (every input failed or was a folder entry that is no input, or
    // there was none) leaves the dataset as it was; a duplicate counts as processed.
    const notInput = (i: RunItem): boolean => i.status === 'skipped' && entries.get(i.index)?.skip_reason !== 'duplicate';
    // Folder entries that are no input (listed in the manifest as skipped) add nothing.
    const changes = (c: Change): number => items.filter((i) => i.change === c && !notInput(i)).length;
    const useful = items.filter((i) => i.change !== 'kept' && i.status !== 'failed' && !notInput(i)).length;
    let dataset: DatasetTotals | null = null;
    if (useful > 0) {
      dataset = await emitter.finish();
      const next: DatasetStore = { ...store, version: TOOL_VERSION, items: slots.map(toStoreItem) };
      await saveStore(outDir, next);
    } else {
      await emitter.abort(); // the summary says that nothing was written
    }
    const t4 = performance.now();

    const done: DoneEvent = {
      event: 'done', out: outDir,
      totals: {
        inputs: items.length, ok: count('ok'), flagged: count('flagged'), failed: count('failed'), skipped: count('skipped'),
        duplicates: all.filter((e) => e.skip_reason === 'duplicate').length, cached: hits.size, pages: all.reduce((a, e) => a + (e.pages ?? 0), 0), tables: all.reduce((a, e) => a + e.tables, 0),
        flagged_tables: all.reduce((a, e) => a + e.flagged_tables, 0),
        added: changes('added'), updated: changes('updated'), unchanged: changes('unchanged'), kept: changes('kept'), missing: collected.missing.length,
      },
      dataset,
      report: dataset && opts.output?.report !== false ? path.join(outDir, 'report.html') : null,
      stages: { collect_ms: ms(t1 - t0), hash_ms: ms(t2 - t1), process_ms: ms(t3 - t2), emit_ms: ms(t4 - t3), total_ms: ms(t4 - t0) },
      worker_ms: ms(workerMs), workers_started: pool.started, workers_replaced: pool.replaced, workers_stopped_for_memory: pool.stoppedForMemory,
      ...(ocrFiles ? { ocr: { files: ocrFiles, pages: ocrPages, workers_started: ocrPool.started, workers_replaced: ocrPool.replaced } } : {}),
      peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
      cpu_ms: cpuMs(),
    };
    if (opts.maxMemoryMb !== undefined && done.peak_rss_mb > opts.maxMemoryMb) {
      report({ event: 'warning', message: `peak memory ${done.peak_rss_mb} MiB went over --max-memory ${opts.maxMemoryMb} MiB; use fewer --jobs or a larger budget` });
    }
    report(done);
    return done;
  }
}

/**
 * The root of a new dataset: the working directory, or when an input lies outside it, the
 * deepest folder that holds every input (so that no id starts with ../).
 */
export function defaultRoot(files: readonly string[]): string {
  const cwd = path.resolve('.');
  const abs = files.map((f) => path.resolve(f));
  if (abs.every((f) => !path.relative(cwd, f).startsWith('..'))) return cwd;
  let common = path.dirname(abs[0]!);
  for (const f of abs) while (path.relative(common, f).startsWith('..')) common = path.dirname(common);
  return common;
}

/** The dataset index entry of a slot. */
function toStoreItem(item: RunItem): StoreItem {
  const out: StoreItem = { path: item.rel, sha256: item.sha256 };
  if (item.status !== undefined) out.status = item.status;
  if (item.cache !== undefined) out.cache = item.cache;
  if (item.result !== undefined) out.result = item.result;
  if (item.meta !== undefined) out.meta = item.meta;
  return out;
}


/** CPU time of this process so far (user + system, all threads), in milliseconds. */
export function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return Math.round((user + system) / 1000);
}

function ms(x: number): number {
  return Math.round(x);
}
