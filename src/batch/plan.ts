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
