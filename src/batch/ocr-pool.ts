/**
 * The OCR pool: files with scanned pages, handed over by the batch workers (which stop at the
 * first page without a text layer), are read again here by workers that also run OCR. It is a
 * pool of its own because OCR needs far more memory per worker than text extraction (the models
 * and their buffers, outside V8's heap) and every core per page: a few OCR workers beside the
 * usual ones keep text-layer files fast. Its memory is part of `--max-memory`: `planOcr` takes it
 * out of the budget before the batch workers are counted.
 */
import os from 'node:os';
import { WorkerPool, type Outcome } from './pool.js';
import type { WorkerReply, WorkerTask } from './worker.js';

/**
 * Peak resident memory of one OCR worker, in MiB (PP-OCRv4 on onnxruntime at 200 dpi; `npm run
 * bench` measures it, bench/RESULTS.md): a little above what was measured, as MEMORY_MODEL is.
 */
export const OCR_WORKER_MB = 1500;

/** Time allowed per page read by OCR, on top of the per-file limit. */
export const OCR_PAGE_MS = 60_000;

export interface OcrPlan {
  /** OCR workers (0: OCR is off or not installed). */
  workers: number;
  /** Memory budget left for everything else, in MiB (undefined when there is no budget). */
  restMb?: number;
  note?: string;
}

/**
 * Given the OCR mode, whether OCR is installed, the OCR workers asked for and the memory budget,
 * returns how many OCR workers to start and the budget left for the rest of the run.
 */
export function planOcr(opts: { ocr: 'auto' | 'off' | 'force'; installed: boolean; ocrJobs?: number; maxMemoryMb?: number }): OcrPlan {
  if (opts.ocr === 'off' || !opts.installed) return opts.maxMemoryMb !== undefined ? { workers: 0, restMb: opts.maxMemoryMb } : { workers: 0 };
  const wanted = Math.max(1, opts.ocrJobs ?? 1);
  if (opts.maxMemoryMb === undefined) return { workers: wanted };
  // Leave room for the main thread and one batch worker (plan.ts MEMORY_MODEL: about 320 MiB).
  const fit = Math.floor((opts.maxMemoryMb - 320) / OCR_WORKER_MB);
  const workers = Math.max(1, Math.min(wanted, fit));
  const restMb = Math.max(1, opts.maxMemoryMb - workers * OCR_WORKER_MB);
  const note = fit < wanted
    ? `--max-memory ${opts.maxMemoryMb} MiB holds ${Math.max(0, fit)} OCR worker(s) of about ${OCR_WORKER_MB} MiB${fit < 1 ? ': scanned files are read by one anyway and may go over it' : `, not ${wanted}`}`
    : undefined;
  return { workers, restMb, ...(note ? { note } : {}) };
}

/** One file for OCR: the batch worker's task, with the page count its reply gave. */
export interface OcrTask extends WorkerTask {
  pages: number;
}

/** A lazily started pool of OCR workers; each uses every core it is given for one page at a time. */
export class OcrPool {
  private pool: WorkerPool<WorkerTask & { threads: number }, WorkerReply> | undefined;

  /**
   * @param size OCR workers at most.
   * @param timeoutMs the per-file limit; each page adds `pageMs`.
   */
  constructor(private readonly size: number, private readonly timeoutMs: number, private readonly pageMs = OCR_PAGE_MS, private readonly heapMb = 2048) {}

  /** Workers started (replacements included) and replaced. */
  get started(): number { return this.pool?.started ?? 0; }
  get replaced(): number { return this.pool?.replaced ?? 0; }

  /** Reads one file with OCR; `transfer` lists buffers moved to the worker. */
  run(task: OcrTask, transfer: readonly ArrayBuffer[] = []): Promise<Outcome<WorkerReply>> {
    this.pool ??= new WorkerPool({
      script: new URL('./ocr-worker.js', import.meta.url),
      size: this.size,
      timeoutMs: this.timeoutMs,
      resourceLimits: { maxOldGenerationSizeMb: this.heapMb },
    });
    const threads = Math.max(1, Math.floor(os.availableParallelism() / this.size));
    return this.pool.run({ ...task, threads }, transfer, this.timeoutMs + task.pages * this.pageMs);
  }

  async close(): Promise<void> {
    await this.pool?.close();
  }
}
