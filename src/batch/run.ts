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
import { CACHE_DIR, cacheName, readCached, settingsHash } from './cache.js';
import { OrderedEmitter } from './ordered-emitter.js';
import { planJobs } from './plan.js';
import { collectInputs } from './inputs.js';
import { WorkerPool, type Outcome } from './pool.js';
import { OcrPool, planOcr } from './ocr-pool.js';
import { ocrInstalled } from '../ocr/index.js';
import { fileEvent, type DoneEvent, type Reporter } from './progress.js';
import type { WorkerReply, WorkerTask } from './worker.js';

/** Name of the run index inside the output folder (what `merge` reads). */
export const RUN_FILE = '.run.json';

/** Which part of the input list this run takes: `index` in 1..count. */
export interface Shard {
  index: number;
  count: number;
}

export interface IngestOptions {
  /** Files, folders and globs as typed. */
  inputs: readonly string[];
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
export async function hashFile(file: string, wholeMax = HASH_WHOLE_MAX): Promise<{ sha256: string; bytes: number; kind: ManifestEntry['kind'] }> {
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

/** Runs the batch and writes the dataset; returns the final event (also given to `report`). */
export async function runIngest(opts: IngestOptions): Promise<DoneEvent> {
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
  const io = pLimit(opts.ioConcurrency ?? 8);

  const paths = await collectInputs(opts.inputs, (message) => report({ event: 'warning', message }));
  const t1 = performance.now();
  const hashed: Hashed[] = await Promise.all(paths.map((p, index) => io(async (): Promise<Hashed> => {
    try {
      return { index, path: p, ...(await hashFile(p)) };
    } catch (e) {
      return { index, path: p, error: (e as Error).message };
    }
  })));
  const t2 = performance.now();

  const mine = opts.shard ? hashed.filter((h) => shardOf(h, opts.shard!.count) === opts.shard!.index) : hashed;
  const cacheDir = path.join(outDir, CACHE_DIR);
  await mkdir(cacheDir, { recursive: true });
  await Promise.all([removeStaleTemps(outDir), removeStaleTemps(cacheDir)]);
  // Results made without OCR because it was not installed are not reused once it is.
  const key = settingsHash(ocrWanted && !installed ? ({ ...settings, ocrInstalled: false } as Settings) : settings);

  const items: RunItem[] = [];
  const entries = new Map<number, ManifestEntry>();
  const firstOf = new Map<string, string>();
  const lookups: RunItem[] = [];
  for (const h of mine) {
    const file = path.basename(h.path);
    const item: RunItem = { index: h.index, path: h.path, sha256: h.sha256 ?? '', cached: false };
    items.push(item);
    if (h.error !== undefined || h.sha256 === undefined) {
      item.result = failedResult({ file, path: h.path, sha256: '', bytes: 0, kind: 'unknown' }, 'read_failed', `${h.path}: ${h.error}`);
      continue;
    }
    // Duplicates: the later input of the same content is skipped, decided in input order.
    const first = firstOf.get(h.sha256);
    if (first !== undefined) {
      const entry: ManifestEntry = {
        file, path: h.path, sha256: h.sha256, bytes: h.bytes!, kind: h.kind!,
        status: 'skipped', skip_reason: 'duplicate', duplicate_of: first, tables: 0, flagged_tables: 0, duration_ms: 0,
      };
      item.result = { entry, records: [], diagnostics: [] };
      continue;
    }
    firstOf.set(h.sha256, h.path);
    if (h.bytes! > settings.maxBytes) {
      const base = { file, path: h.path, sha256: h.sha256, bytes: h.bytes!, kind: h.kind! };
      item.result = failedResult(base, 'too_large', `${file}: ${h.bytes} bytes, over the per-file limit of ${settings.maxBytes}`);
      continue;
    }
    item.cache = cacheName(h.sha256, h.path, key);
    lookups.push(item);
  }
  const hits = new Map<number, ManifestEntry>();
  await Promise.all(lookups.map((item) => io(async () => {
    const hit = await readCached(cacheDir, item.cache!);
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
    /** Settles an item from a worker's answer (a failure is never cached: the next run tries again). */
    const finish = (item: RunItem, base: Omit<ManifestEntry, 'status' | 'tables' | 'flagged_tables' | 'duration_ms'>, file: string, out: Outcome<WorkerReply>, limit: string): void => {
      if (out.ok) return settle(item, out.value.entry);
      item.result = out.reason === 'timeout'
        ? failedResult(base, 'timeout', `${file}: took longer than ${limit}; its worker was stopped`, out.ms)
        : failedResult(base, 'internal_error', `${file}: ${out.message}`, out.ms);
      delete item.cache;
      settle(item, item.result.entry);
    };
    report({
      event: 'start', inputs: paths.length, shard_inputs: items.length, shard: opts.shard ? `${opts.shard.index}/${opts.shard.count}` : null,
      cached: hits.size, todo: work.length, todo_bytes: work.reduce((a, item) => a + hashed[item.index]!.bytes!, 0), jobs, out: outDir,
    });
    for (const item of items) {
      if (item.result) settle(item, item.result.entry);
      else if (item.cached) settle(item, hits.get(item.index)!);
    }

    let workerMs = 0;
    let ocrFiles = 0, ocrPages = 0;
    const ocrPool = new OcrPool(ocrPlan.workers || 1, settings.timeoutMs, opts.ocrPageMs, opts.workerHeapMb ?? 2048);
    const ocrSlots = pLimit(ocrPlan.workers + 1); // bytes of files waiting for OCR
    const ocrRuns: Promise<void>[] = [];
    const pool = new WorkerPool<WorkerTask, WorkerReply>({
      script: new URL('./worker.js', import.meta.url),
      size: Math.min(jobs, Math.max(1, work.length)),
      timeoutMs: settings.timeoutMs,
      resourceLimits: { maxOldGenerationSizeMb: opts.workerHeapMb ?? 2048 },
    });
    const slots = pLimit(jobs + 2); // bytes of at most jobs + 2 files in memory at once
    try {
      await Promise.all(work.map((item) => slots(async () => {
        const file = path.basename(item.path);
        const h = hashed[item.index]!;
        const base = { file, path: item.path, sha256: item.sha256, bytes: h.bytes!, kind: h.kind! };
        emitter.throwIfFailed(); // a full disk stops the run now, not hours later
        let data: Buffer;
        try {
          data = await io(() => readFile(item.path));
        } catch (e) {
          item.result = failedResult(base, 'read_failed', `${item.path}: ${(e as Error).message}`);
          delete item.cache;
          return settle(item, item.result.entry);
        }
        // Transfer, not copy: the buffer must own its whole ArrayBuffer.
        const bytes = data.byteOffset === 0 && data.byteLength === data.buffer.byteLength ? new Uint8Array(data.buffer) : new Uint8Array(data);
        const cachePath = path.join(cacheDir, item.cache!);
        const out = await pool.run({ path: item.path, bytes, settings, cachePath, ...(ocrPlan.workers ? { ocr: 'defer' as const } : {}) }, [bytes.buffer as ArrayBuffer]);
        workerMs += out.ms;
        if (out.ok && out.value.deferred) {
          // A scan: read again in the OCR pool, outside these slots, so that text files go on meanwhile.
          const pages = out.value.deferred.pages;
          report({ event: 'ocr', index: item.index, path: item.path, pages });
          ocrRuns.push(ocrSlots(async () => {
            let again: Buffer;
            try {
              again = await io(() => readFile(item.path));
            } catch (e) {
              item.result = failedResult(base, 'read_failed', `${item.path}: ${(e as Error).message}`);
              delete item.cache;
              return settle(item, item.result.entry);
            }
            const b = new Uint8Array(again.buffer, again.byteOffset, again.byteLength).slice();
            const ocrOut = await ocrPool.run({ path: item.path, bytes: b, settings, cachePath, pages }, [b.buffer as ArrayBuffer]);
            workerMs += ocrOut.ms;
            ocrFiles++;
            if (ocrOut.ok) ocrPages += ocrOut.value.entry.ocr?.pages.length ?? 0;
            finish(item, base, file, ocrOut, `the per-file limit of ${settings.timeoutMs} ms and ${Math.round((opts.ocrPageMs ?? 60_000) / 1000)} s per page for OCR`);
          }));
          return;
        }
        finish(item, base, file, out, `the per-file limit of ${settings.timeoutMs} ms`);
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
    await emitter.finish();
    const t4 = performance.now();

    const all = [...entries.values()];
    const count = (s: string): number => all.filter((e) => e.status === s).length;
    const done: DoneEvent = {
      event: 'done', out: outDir,
      totals: {
        inputs: items.length, ok: count('ok'), flagged: count('flagged'), failed: count('failed'), skipped: count('skipped'),
        cached: hits.size, pages: all.reduce((a, e) => a + (e.pages ?? 0), 0), tables: all.reduce((a, e) => a + e.tables, 0),
        flagged_tables: all.reduce((a, e) => a + e.flagged_tables, 0),
      },
      stages: { collect_ms: ms(t1 - t0), hash_ms: ms(t2 - t1), process_ms: ms(t3 - t2), emit_ms: ms(t4 - t3), total_ms: ms(t4 - t0) },
      worker_ms: ms(workerMs), workers_started: pool.started, workers_replaced: pool.replaced,
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

/** CPU time of this process so far (user + system, all threads), in milliseconds. */
export function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return Math.round((user + system) / 1000);
}

function ms(x: number): number {
  return Math.round(x);
}
