/** How many worker threads a run starts: --jobs, --max-memory and the machine's cores and memory. */
import os from 'node:os';

/**
 * Peak resident memory of a run, as measured by `npm run bench` (bench/RESULTS.md): the main
 * thread with Node itself, and each worker thread (a V8 isolate with pdf.js and its garbage), in
 * MiB. Rounded up: a budget computed from them should hold on unseen files.
 */
export const MEMORY_MODEL = { mainMb: 180, workerMb: 140 } as const;

/** Given a memory budget in MiB, returns how many workers fit in it (at least one). */
export function workersWithin(budgetMb: number): number {
  return Math.max(1, Math.floor((budgetMb - MEMORY_MODEL.mainMb) / MEMORY_MODEL.workerMb));
}

/** Given the options, returns the number of worker threads and why, when it is not what was asked. */
export function planJobs(opts: { jobs?: number; maxMemoryMb?: number }, cores = os.availableParallelism(), totalMb = os.totalmem() / 2 ** 20): { jobs: number; note?: string } {
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
  return fit >= wanted ? { jobs: wanted } : { jobs: fit, note: `${fit} worker(s), not one per core (${cores}): each needs about ${MEMORY_MODEL.workerMb} MiB and this machine has ${Math.round(totalMb)} MiB` };
}
