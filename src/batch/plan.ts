/** How many worker threads a run starts: --jobs, --max-memory and the machine's cores and memory. */
import os from 'node:os';

/**
 * Peak resident memory of a run, in MiB: a fixed part (Node, the main thread) and a part per
 * worker thread (a V8 isolate with pdf.js and its garbage). `npm run bench` fits about 195 + 112
 * per worker (bench/RESULTS.md, 2 cores); these give more from one worker up, so that a budget
 * computed from them holds with some margin on unseen files.
 */
export const MEMORY_MODEL = { mainMb: 180, workerMb: 140 } as const;

/** Memory this process may use, in MiB: the machine's, or a container's limit when lower. */
export function machineMemoryMb(): number {
  const limit = process.constrainedMemory?.() ?? 0; // 0 or undefined: no cgroup limit
  const total = os.totalmem();
  return (limit > 0 && limit < total ? limit : total) / 2 ** 20;
}

/** Given a memory budget in MiB, returns how many workers fit in it (at least one). */
export function workersWithin(budgetMb: number): number {
  return Math.max(1, Math.floor((budgetMb - MEMORY_MODEL.mainMb) / MEMORY_MODEL.workerMb));
}

/** Given the options, returns the number of worker threads and why, when it is not what was asked. */
export function planJobs(opts: { jobs?: number; maxMemoryMb?: number }, cores = os.availableParallelism(), totalMb = machineMemoryMb()): { jobs: number; note?: string } {
  const wanted = Math.max(1, opts.jobs ?? cores);
  if (opts.maxMemoryMb !== undefined) {
    const fit = workersWithin(opts.maxMemoryMb);
    if (fit >= wanted) return { jobs: wanted };
    const over = MEMORY_MODEL.mainMb + MEMORY_MODEL.workerMb > opts.maxMemoryMb ? ' (even one may go over it)' : '';
    return { jobs: fit, note: `--max-memory ${opts.maxMemoryMb} MiB holds ${fit} worker(s) of about ${MEMORY_MODEL.workerMb} MiB, not ${wanted}${over}` };
  }
  if (opts.jobs !== undefined) return { jobs: wanted };
  // Default: one per core, but never more than half the machine's memory holds.
  const fit = workersWithin(totalMb / 2);
  return fit >= wanted ? { jobs: wanted } : { jobs: fit, note: `${fit} worker(s), not one per core (${cores}): each needs about ${MEMORY_MODEL.workerMb} MiB and this machine (or container) has ${Math.round(totalMb)} MiB` };
}

/** The memory bounds of a run (see `memoryLimits`). */
export interface MemoryLimits {
  /** Resident memory the whole process may reach before the watchdog stops the largest worker, in MiB. */
  ceilingMb: number;
  /** V8 old-space limit of each worker, in MiB. */
  heapMb: number;
  /** Largest decompressed stream or single buffer a worker may make, in bytes. */
  streamBytes: number;
}

/** Largest stream or buffer a file may inflate to, whatever the budget: no form PDF needs more. */
export const MAX_STREAM_BYTES = 256 * 2 ** 20;
/** Smallest stream limit a tight budget leaves. */
const MIN_STREAM_BYTES = 16 * 2 ** 20;

/**
 * Given the workers and the budget, returns the memory bounds. With --max-memory each worker gets
 * its share of what the main thread leaves: its heap limit is that share (or --worker-heap, when
 * lower), its largest stream a quarter of it (a growing buffer is copied, and pdf.js joins the
 * chunks of a stream), and the budget itself is the ceiling. Without one, the ceiling is 90 % of
 * the machine's (or container's) memory, streams stop at `MAX_STREAM_BYTES` and the heap at
 * --worker-heap (2048 MiB).
 */
export function memoryLimits(opts: { jobs: number; maxMemoryMb?: number; workerHeapMb?: number }, totalMb = machineMemoryMb()): MemoryLimits {
  const heapDefault = opts.workerHeapMb ?? 2048;
  if (opts.maxMemoryMb === undefined) return { ceilingMb: Math.floor(totalMb * 0.9), heapMb: heapDefault, streamBytes: MAX_STREAM_BYTES };
  const shareMb = Math.max(64, (opts.maxMemoryMb - MEMORY_MODEL.mainMb) / Math.max(1, opts.jobs));
  return {
    ceilingMb: opts.maxMemoryMb,
    heapMb: Math.floor(Math.min(heapDefault, shareMb)),
    streamBytes: Math.round(Math.min(MAX_STREAM_BYTES, Math.max(MIN_STREAM_BYTES, (shareMb * 2 ** 20) / 4))),
  };
}
