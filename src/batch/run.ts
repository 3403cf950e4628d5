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
import { TOOL_VERSION } from '../emit/dataset.js';
import type { FileResult, ManifestEntry } from '../result.js';
import type { Settings } from '../settings.js';
import { removeStaleTemps, writeFileAtomic } from './atomic.js';
import { CACHE_DIR, cacheName, settingsHash, validCached } from './cache.js';
import { lockOutput } from './lock.js';
import { OrderedEmitter } from './ordered-emitter.js';
import { memoryLimits, planJobs } from './plan.js';
import { collectInputs, type InputEntry } from './inputs.js';
import { WorkerPool } from './pool.js';
import { fileEvent, type DoneEvent, type Reporter } from './progress.js';
import type { WorkerReply, WorkerSetup, WorkerTask } from './worker.js';

/** Name of the run index inside the output folder (what `merge` reads). */
export const RUN_FILE = '.run.json';

/** Which part of the input list this run takes: `index` in 1..count. */
export interface Shard {
  index: number;
  count: number;
}

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
}

/** One input of this shard as recorded in the run index. */
export interface RunItem {
  /** Position in the full input list. */
  index: number;
  path: string;
  sha256: string;
  /** Cache file name (in `<out>/.cache`) holding the result, when there is one. */
  cache?: string;
  /** The result itself when it is not cached (read failures, duplicates, timeouts, crashes). */
  result?: FileResult;
  /** Whether the result came from the cache in this run. */
  cached: boolean;
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

/** Parses `i/n` (1 ≤ i ≤ n). */
export function parseShard(text: string): Shard {
  const m = /^(\d+)\/(\d+)$/.exec(text);
  const index = m ? Number(m[1]) : NaN, count = m ? Number(m[2]) : NaN;
  if (!m || count < 1 || index < 1 || index > count) throw new Error(`--shard wants i/n with 1 ≤ i ≤ n, not ${text}`);
  return { index, count };
}

/** A failed result made outside `processFile`, shaped like the ones it makes. */
function failedResult(base: Omit<ManifestEntry, 'status' | 'tables' | 'flagged_tables' | 'duration_ms'>, code: Code, message: string, ms = 0): FileResult {
  const entry: ManifestEntry = { ...base, status: 'failed', tables: 0, flagged_tables: 0, duration_ms: Math.round(ms), error: { code, message } };
  return { entry, records: [], diagnostics: [diagnostic(code, message, { file: base.file }, { severity: 'error' })] };
}

/** The manifest entry of an input skipped without reading it. */
function skippedEntry(input: InputEntry, file: string): ManifestEntry {
  return {
    file, path: input.path, ...(input.rawPath ? { raw_path: input.rawPath } : {}), sha256: '', bytes: 0, kind: 'unknown',
    status: 'skipped', skip_reason: input.skip!, tables: 0, flagged_tables: 0, duration_ms: 0,
  };
}

/**
 * Runs the batch and writes the dataset; returns the final event (also given to `report`).
 * Takes the output folder's lock first (`lock.ts`): a second run into the same folder stops with
 * `OutputLocked` instead of deleting the first one's temporary files.
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
  const plan = planJobs(opts);
  const jobs = plan.jobs;
  if (plan.note) report({ event: 'warning', message: plan.note });
  const limits = memoryLimits({ jobs, ...(opts.maxMemoryMb !== undefined ? { maxMemoryMb: opts.maxMemoryMb } : {}), ...(opts.workerHeapMb !== undefined ? { workerHeapMb: opts.workerHeapMb } : {}) });
  const io = pLimit(opts.ioConcurrency ?? 8);

  const inputs = await collectInputs(opts.inputs, { warn: (message) => report({ event: 'warning', message }), outDir });
  const paths = inputs.map((i) => i.path);
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
  const key = settingsHash(settings);

  const items: RunItem[] = [];
  const entries = new Map<number, ManifestEntry>();
  const firstOf = new Map<string, string>();
  const lookups: RunItem[] = [];
  for (const h of mine) {
    const file = path.basename(h.path);
    const raw = h.input.rawPath ? { raw_path: h.input.rawPath } : {};
    const item: RunItem = { index: h.index, path: h.path, sha256: h.sha256 ?? '', cached: false };
    items.push(item);
    if (h.input.skip) {
      item.result = { entry: skippedEntry(h.input, file), records: [], diagnostics: [] };
      continue;
    }
    if (h.error !== undefined || h.sha256 === undefined) {
      item.result = failedResult({ file, path: h.path, ...raw, sha256: '', bytes: 0, kind: 'unknown' }, 'read_failed', `${h.path}: ${h.error}`);
      continue;
    }
    // Duplicates: the later input of the same content is skipped, decided in input order.
    const first = firstOf.get(h.sha256);
    if (first !== undefined) {
      const entry: ManifestEntry = {
        file, path: h.path, ...raw, sha256: h.sha256, bytes: h.bytes!, kind: h.kind!,
        status: 'skipped', skip_reason: 'duplicate', duplicate_of: first, tables: 0, flagged_tables: 0, duration_ms: 0,
      };
      item.result = { entry, records: [], diagnostics: [] };
      continue;
    }
    firstOf.set(h.sha256, h.path);
    if (h.bytes! > settings.maxBytes) {
      const base = { file, path: h.path, ...raw, sha256: h.sha256, bytes: h.bytes!, kind: h.kind! };
      item.result = failedResult(base, 'too_large', `${file}: ${h.bytes} bytes, over the per-file limit of ${settings.maxBytes}`);
      continue;
    }
    item.cache = cacheName(h.sha256, h.input.rawPath ?? h.path, key);
    lookups.push(item);
  }
  const hits = new Map<number, ManifestEntry>();
  await Promise.all(lookups.map((item) => io(async () => {
    const hit = await validCached(cacheDir, item.cache!);
    if (hit) {
      item.cached = true;
      hits.set(item.index, hit.entry);
    }
  })));
  const work = lookups.filter((item) => !item.cached);
  // The dataset is written while files are processed, in input order (only the tail is left at the end).
  const emitter = new OrderedEmitter(outDir, outDir, items, settings.csvEncoding);
  const settle = (item: RunItem, entry: ManifestEntry): void => {
    entries.set(item.index, entry);
    report(fileEvent(item.index, entry, item.cached));
    emitter.ready(item);
  };
  try {
    return await processAndEmit();
  } catch (e) {
    emitter.abort(); // no half-written dataset; the cache keeps what was done
    throw e;
  }

  async function processAndEmit(): Promise<DoneEvent> {
    report({
      event: 'start', inputs: paths.length, shard_inputs: items.length, shard: opts.shard ? `${opts.shard.index}/${opts.shard.count}` : null,
      cached: hits.size, todo: work.length, todo_bytes: work.reduce((a, item) => a + hashed[item.index]!.bytes!, 0), jobs, out: outDir,
    });
    for (const item of items) {
      if (item.result) settle(item, item.result.entry);
      else if (item.cached) settle(item, hits.get(item.index)!);
    }

    let workerMs = 0;
    const setup: WorkerSetup = { streamBytes: limits.streamBytes };
    const pool = new WorkerPool<WorkerTask, WorkerReply>({
      script: new URL('./worker.js', import.meta.url),
      size: Math.min(jobs, Math.max(1, work.length)),
      timeoutMs: settings.timeoutMs,
      resourceLimits: { maxOldGenerationSizeMb: limits.heapMb },
      workerData: { ...setup },
      ceilingMb: limits.ceilingMb,
    });
    const slots = pLimit(jobs + 2); // bytes of at most jobs + 2 files in memory at once
    try {
      await Promise.all(work.map((item) => slots(async () => {
        const file = path.basename(item.path);
        const h = hashed[item.index]!;
        const raw = h.input.rawPath ? { raw_path: h.input.rawPath } : {};
        const base = { file, path: item.path, ...raw, sha256: item.sha256, bytes: h.bytes!, kind: h.kind! };
        emitter.throwIfFailed(); // a full disk stops the run now, not hours later
        const task: WorkerTask = {
          path: item.path, sha256: item.sha256, size: h.bytes!, settings, cachePath: path.join(cacheDir, item.cache!),
          ...(h.input.rawPath ? { rawPath: h.input.rawPath } : {}),
        };
        const transfer: ArrayBuffer[] = [];
        if (h.kind === 'pdf') {
          // PDFs are read whole (pdf.js needs every byte); dumps are read by the worker in chunks.
          let data: Buffer;
          try {
            data = await io(() => readFile(h.input.fsPath));
          } catch (e) {
            item.result = failedResult(base, 'read_failed', `${item.path}: ${(e as Error).message}`);
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
          ? failedResult(base, 'timeout', `${file}: took longer than the per-file limit of ${settings.timeoutMs} ms; its worker was stopped`, out.ms)
          : out.reason === 'memory'
            ? failedResult(base, 'resource_limit', `${file}: ${out.message}; its worker was stopped`, out.ms)
            : failedResult(base, 'internal_error', `${file}: ${out.message}`, out.ms);
        delete item.cache; // never cached: the next run tries again
        settle(item, item.result.entry);
      })));
    } finally {
      await pool.close();
    }
    const t3 = performance.now();

    const index: RunIndex = {
      tool: 'ziping', version: TOOL_VERSION, settings_hash: key, settings, inputs: paths.length, shard: opts.shard ?? null, items,
    };
    await writeFileAtomic(path.join(outDir, RUN_FILE), JSON.stringify(index) + '\n');
    await emitter.finish();
    const t4 = performance.now();

    const all = [...entries.values()];
    const count = (s: string): number => all.filter((e) => e.status === s).length;
    const done: DoneEvent = {
      event: 'done', out: outDir,
      totals: {
        inputs: items.length, ok: count('ok'), flagged: count('flagged'), failed: count('failed'), skipped: count('skipped'),
        duplicates: all.filter((e) => e.skip_reason === 'duplicate').length,
        cached: hits.size, pages: all.reduce((a, e) => a + (e.pages ?? 0), 0), tables: all.reduce((a, e) => a + e.tables, 0),
        flagged_tables: all.reduce((a, e) => a + e.flagged_tables, 0),
      },
      stages: { collect_ms: ms(t1 - t0), hash_ms: ms(t2 - t1), process_ms: ms(t3 - t2), emit_ms: ms(t4 - t3), total_ms: ms(t4 - t0) },
      worker_ms: ms(workerMs), workers_started: pool.started, workers_replaced: pool.replaced, workers_stopped_for_memory: pool.stoppedForMemory,
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

/** CPU time of this process so far (user + system, all threads), in milliseconds. */
export function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return Math.round((user + system) / 1000);
}

function ms(x: number): number {
  return Math.round(x);
}
