/**
 * A pool of worker threads running one task at a time each. A worker that crashes, runs out of
 * memory or exceeds the per-task time limit is terminated and replaced; its task resolves with
 * the reason instead of a value, and the pool goes on.
 */
import { Worker, type ResourceLimits } from 'node:worker_threads';

export interface PoolOptions {
  /** The worker module (compiled JavaScript). */
  script: URL;
  /** Most workers alive at once. */
  size: number;
  /** Per-task wall-clock limit in milliseconds (0: none). */
  timeoutMs?: number;
  /** V8 heap limits of each worker, so one file cannot exhaust the process. */
  resourceLimits?: ResourceLimits;
  workerData?: unknown;
}

/** What a task gives: the worker's reply, or why there is none. */
export type Outcome<T> =
  | { ok: true; value: T; ms: number }
  | { ok: false; reason: 'timeout' | 'crash'; message: string; ms: number };

interface Slot {
  worker: Worker;
  /** Settles the task in flight (undefined when idle). */
  settle?: (o: Outcome<unknown>) => void;
}

/** Tasks carry an `id` the worker echoes back in its reply. */
export class WorkerPool<In extends object, Out> {
  private readonly idle: Slot[] = [];
  private readonly waiting: Array<(slot: Slot) => void> = [];
  private live = 0;
  private nextId = 1;
  private closed = false;
  /** Workers started, including replacements. */
  started = 0;
  /** Workers replaced after a crash or a timeout. */
  replaced = 0;

  /** @param opts see `PoolOptions`. */
  constructor(private readonly opts: PoolOptions) {}

  /** Runs one task on a free worker; `transfer` lists buffers moved (not copied) to it; `timeoutMs` overrides the pool's limit. */
  async run(task: In, transfer: readonly ArrayBuffer[] = [], timeoutMs = this.opts.timeoutMs): Promise<Outcome<Out>> {
    const slot = await this.acquire();
    const id = this.nextId++;
    const started = performance.now();
    return new Promise<Outcome<Out>>((resolve) => {
      let timer: NodeJS.Timeout | undefined;
      slot.settle = (o) => {
        if (timer) clearTimeout(timer);
        slot.settle = undefined;
        resolve({ ...o, ms: performance.now() - started } as Outcome<Out>);
      };
      if (timeoutMs) {
        timer = setTimeout(() => {
          const settle = slot.settle;
          if (!settle) return;
          this.retire(slot);
          settle({ ok: false, reason: 'timeout', message: `over the time limit of ${timeoutMs} ms`, ms: performance.now() - started });
        }, timeoutMs);
      }
      slot.worker.postMessage({ ...task, id }, [...transfer]);
    }).finally(() => this.release(slot));
  }

  /** Terminates every worker. */
  async close(): Promise<void> {
    this.closed = true;
    const all = this.idle.splice(0);
    this.live -= all.length;
    await Promise.all(all.map((s) => s.worker.terminate()));
  }

  private spawn(): Slot {
    const worker = new Worker(this.opts.script, {
      workerData: this.opts.workerData,
      ...(this.opts.resourceLimits ? { resourceLimits: this.opts.resourceLimits } : {}),
    });
    this.started++;
    this.live++;
    const slot: Slot = { worker };
    worker.on('message', (msg: { id: number } & Record<string, unknown>) => {
      slot.settle?.({ ok: true, value: msg as unknown as Out, ms: 0 });
    });
    const die = (message: string): void => {
      const settle = slot.settle;
      if (!settle) return;
      this.retire(slot);
      settle({ ok: false, reason: 'crash', message, ms: 0 });
    };
    worker.on('error', (e: Error & { code?: string }) => {
      die(e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? `the worker ran out of memory (${e.message})` : `the worker crashed: ${e.message}`);
    });
    worker.on('exit', (code) => {
      if (slot.settle) return die(`the worker exited with code ${code}`);
      if ((slot as { dead?: boolean }).dead) return;
      // An idle worker died: forget it, a new one is started when needed.
      (slot as { dead?: boolean }).dead = true;
      const i = this.idle.indexOf(slot);
      if (i >= 0) { this.idle.splice(i, 1); this.live--; }
    });
    return slot;
  }

  /** Takes a dead or hung worker out of service (its slot is refilled by `release`). */
  private retire(slot: Slot): void {
    const w = slot.worker;
    (slot as { dead?: boolean }).dead = true;
    this.live--;
    this.replaced++;
    w.removeAllListeners('message');
    w.terminate().catch(() => undefined);
  }

  private acquire(): Promise<Slot> {
    const slot = this.idle.pop();
    if (slot) return Promise.resolve(slot);
    if (this.live < this.opts.size) return Promise.resolve(this.spawn());
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private release(slot: Slot): void {
    let next: Slot | undefined = slot;
    if ((slot as { dead?: boolean }).dead) next = this.closed || this.waiting.length === 0 ? undefined : this.spawn();
    if (!next) return;
    const waiter = this.waiting.shift();
    if (waiter) waiter(next);
    else if (this.closed) {
      this.live--;
      void next.worker.terminate();
    } else this.idle.push(next);
  }
}
