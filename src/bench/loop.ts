/**
 * One benchmark loop in its own process (so its peak memory is its own):
 *   node dist/bench/loop.js <bare|pdfjs|extract|process> <jobs> <file-list>
 * reads the files with bounded I/O, fans them out to <jobs> worker threads exactly as `ingest`
 * does (bytes transferred), and prints {pages, wall_ms, worker_ms, cpu_ms, peak_rss_mb, errors} as JSON.
 */
import { readFile } from 'node:fs/promises';
import pLimit from 'p-limit';
import { setHeapGrowth } from '../batch/heap.js';
import { WorkerPool } from '../batch/pool.js';
import { cpuMs } from '../batch/run.js';
import type { LoopMode, LoopReply, LoopTask } from './loop-serve.js';

const [mode, jobsText, listFile] = process.argv.slice(2);
const jobs = Number(jobsText);
// The naive loop keeps V8's defaults; the others run as `ziping ingest` does.
if (mode !== 'bare') setHeapGrowth();
const files = (await readFile(listFile!, 'utf8')).split('\n').filter(Boolean);
const t0 = performance.now();
const pool = new WorkerPool<LoopTask, LoopReply>({ script: new URL(mode === 'bare' ? './bare-worker.js' : './loop-worker.js', import.meta.url), size: jobs });
const io = pLimit(8);
const slots = pLimit(jobs + 2);
let pages = 0, workerMs = 0, errors = 0;
await Promise.all(files.map((f) => slots(async () => {
  const data = await io(() => readFile(f));
  const bytes = data.byteOffset === 0 && data.byteLength === data.buffer.byteLength ? new Uint8Array(data.buffer) : new Uint8Array(data);
  const out = await pool.run({ mode: mode as LoopMode, path: f, bytes }, [bytes.buffer as ArrayBuffer]);
  if (!out.ok || out.value.error) errors++;
  if (out.ok) {
    pages += out.value.pages;
    workerMs += out.value.ms;
  }
})));
await pool.close();
process.stdout.write(JSON.stringify({ pages, wall_ms: Math.round(performance.now() - t0), worker_ms: Math.round(workerMs), cpu_ms: cpuMs(), peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024), errors }) + '\n');
