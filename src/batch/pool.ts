/**
 * A pool of worker threads running one task at a time each. A worker that crashes, runs out of
 * memory or exceeds the per-task time limit is terminated and replaced; its task resolves with
 * the reason instead of a value, and the pool goes on.
 *
 * A worker says it has loaded by posting {@link READY} (see `signalReady`); its first task is
 * sent, and its time limit starts, only then, so that starting a worker (loading pdf.js, a busy
 * machine) never counts against a file.
 */
import { Worker, type MessagePort, type ResourceLimits } from 'node:worker_threads';

/** The message a worker posts once its module has loaded and it listens for tasks. */
export const READY = { ziping_worker_ready: true } as const;

/** Called by a worker script after it has set up its message handler. */
export function signalReady(port: MessagePort | null): void {
  port?.postMessage(READY);
}

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
  /** Resolves when the worker has posted READY (or died before). */
  ready: Promise<void>;
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
    await slot.ready;
    const id = this.nextId++;
    const started = performance.now();
    return new Promise<Outcome<Out>>((resolve) => {
      if ((slot as { dead?: boolean }).dead) {
        // It died while loading: the task was never sent.
        resolve({ ok: false, reason: 'crash', message: 'the worker died while starting', ms: 0 });
        return;
      }
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
    let loaded!: () => void;
    const slot: Slot = { worker, ready: new Promise<void>((r) => (loaded = r)) };
    worker.on('message', (msg: { id: number } & Record<string, unknown>) => {
      if (msg && (msg as Record<string, unknown>).ziping_worker_ready === true) return loaded();
      slot.settle?.({ ok: true, value: msg as unknown as Out, ms: 0 });
    });
    worker.once('exit', () => loaded());
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
      // An idle (or still loading) worker died: forget it, a new one is started when needed.
      (slot as { dead?: boolean }).dead = true;
      this.live--;
      const i = this.idle.indexOf(slot);
      if (i >= 0) this.idle.splice(i, 1);
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
