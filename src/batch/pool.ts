/**
 * A pool of worker threads running one task at a time each. A worker that crashes, runs out of
 * memory or exceeds the per-task time limit is terminated and replaced; its task resolves with
 * the reason instead of a value, and the pool goes on.
 *
 * With a memory ceiling, a watchdog samples the resident memory of the process several times a
 * second; when it is over the ceiling, the busy worker that holds the most memory (as each worker
 * publishes it, `src/batch/memory-guard.ts`), if that is a good share of the ceiling, is stopped
 * and its task resolves with `memory`; one at a time, letting memory settle in between.
 * Threads share one process, so this is the only way to bound memory held outside the V8 heaps
 * (array buffers, zlib output), which `resourceLimits` does not count.
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
  workerData?: Record<string, unknown>;
  /** Resident memory the whole process may hold, in MiB; the watchdog is off without it. */
  ceilingMb?: number;
  /** How often the watchdog samples, in milliseconds. */
  watchMs?: number;
  /** Resident memory of the process in bytes (tests replace it). */
  rss?: () => number;
}

/** What a task gives: the worker's reply, or why there is none. */
export type Outcome<T> =
  | { ok: true; value: T; ms: number }
  | { ok: false; reason: 'timeout' | 'crash' | 'memory'; message: string; ms: number };

interface Slot {
  worker: Worker;
  /** Resolves when the worker has posted READY (or died before). */
  ready: Promise<void>;
  /** Index of the worker's usage slot in `usage`. */
  index: number;
  /** Settles the task in flight (undefined when idle). */
  settle?: (o: Outcome<unknown>) => void;
  /** When the task in flight started (performance.now()). */
  since?: number;
  dead?: boolean;
}

/** After stopping a worker, the watchdog lets memory settle this long before it stops another. */
const SETTLE_MS = 1000;

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
  /** Workers stopped by the memory watchdog. */
  stoppedForMemory = 0;
  /** MiB in use per worker slot, as each worker publishes it (Int32 per slot). */
  readonly usage: SharedArrayBuffer;
  private readonly usageView: Int32Array;
  private readonly slots: Array<Slot | undefined>;
  private watchdog: NodeJS.Timeout | undefined;
  private lastStop = -Infinity;

  /** @param opts see `PoolOptions`. */
  constructor(private readonly opts: PoolOptions) {
    this.usage = new SharedArrayBuffer(4 * Math.max(1, opts.size));
    this.usageView = new Int32Array(this.usage);
    this.slots = new Array<Slot | undefined>(Math.max(1, opts.size));
  }

  /** Runs one task on a free worker; `transfer` lists buffers moved (not copied) to it; `timeoutMs` overrides the pool's limit. */
  async run(task: In, transfer: readonly ArrayBuffer[] = [], timeoutMs = this.opts.timeoutMs): Promise<Outcome<Out>> {
    const slot = await this.acquire();
    await slot.ready;
    const id = this.nextId++;
    const started = performance.now();
    return new Promise<Outcome<Out>>((resolve) => {
      if (slot.dead) {
        // It died while loading: the task was never sent.
        resolve({ ok: false, reason: 'crash', message: 'the worker died while starting', ms: 0 });
        return;
      }
      let timer: NodeJS.Timeout | undefined;
      slot.since = started;
      slot.settle = (o) => {
        if (timer) clearTimeout(timer);
        slot.settle = undefined;
        slot.since = undefined;
        resolve({ ...o, ms: performance.now() - started } as Outcome<Out>);
      };
      this.watch();
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
    if (this.watchdog) clearInterval(this.watchdog);
    this.watchdog = undefined;
    const all = this.idle.splice(0);
    this.live -= all.length;
    await Promise.all(all.map((s) => s.worker.terminate()));
  }

  /** Starts the watchdog when there is a ceiling and it is not running yet. */
  private watch(): void {
    if (this.opts.ceilingMb === undefined || this.watchdog) return;
    this.watchdog = setInterval(() => this.check(), this.opts.watchMs ?? 100);
    this.watchdog.unref();
  }

  /** One watchdog round: over the ceiling, stop the busy worker holding the most memory. */
  private check(): void {
    const busy = this.slots.filter((s): s is Slot => s !== undefined && !s.dead && s.settle !== undefined);
    if (busy.length === 0) {
      clearInterval(this.watchdog);
      this.watchdog = undefined;
      return;
    }
    const now = performance.now();
    const rssMb = (this.opts.rss ?? (() => process.memoryUsage.rss()))() / 2 ** 20;
    if (rssMb <= this.opts.ceilingMb! || now - this.lastStop < SETTLE_MS) return;
    // The worker that says it holds a good share of the ceiling, the most of all. A worker stuck in
    // one long computation cannot say what it holds: when the process is well over the ceiling and
    // nobody owns up, the one busy the longest is stopped.
    const held = (s: Slot): number => Atomics.load(this.usageView, s.index);
    const most = busy.reduce((a, b) => (held(b) > held(a) ? b : a));
    const share = this.opts.ceilingMb! / (2 * Math.max(1, this.opts.size));
    let victim: Slot | undefined = held(most) >= share ? most : undefined;
    if (!victim && rssMb > this.opts.ceilingMb! * 1.25) victim = busy.reduce((a, b) => (b.since! < a.since! ? b : a));
    if (!victim) return;
    this.lastStop = now;
    this.stoppedForMemory++;
    const settle = victim.settle!;
    this.retire(victim);
    settle({
      ok: false, reason: 'memory', ms: 0,
      message: `the process went over the memory ceiling of ${this.opts.ceilingMb} MiB (${Math.round(rssMb)} MiB) while this file held ${held(victim)} MiB`,
    });
  }

  private spawn(): Slot {
    let index = this.slots.findIndex((s) => s === undefined || s.dead);
    if (index < 0) index = 0;
    Atomics.store(this.usageView, index, 0);
    const worker = new Worker(this.opts.script, {
      workerData: { ...this.opts.workerData, usage: { buffer: this.usage, slot: index } },
      ...(this.opts.resourceLimits ? { resourceLimits: this.opts.resourceLimits } : {}),
    });
    this.started++;
    this.live++;
    let loaded!: () => void;
    const slot: Slot = { worker, index, ready: new Promise<void>((r) => (loaded = r)) };
    this.slots[index] = slot;
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
      if (e.code === 'ERR_WORKER_OUT_OF_MEMORY') {
        const settle = slot.settle;
        if (!settle) return;
        this.retire(slot);
        return settle({ ok: false, reason: 'memory', message: `its worker ran out of heap (${e.message})`, ms: 0 });
      }
      die(`the worker crashed: ${e.message}`);
    });
    worker.on('exit', (code) => {
      if (slot.settle) return die(`the worker exited with code ${code}`);
      if (slot.dead) return;
      // An idle (or still loading) worker died: forget it, a new one is started when needed.
      slot.dead = true;
      this.live--;
      const i = this.idle.indexOf(slot);
      if (i >= 0) this.idle.splice(i, 1);
    });
    return slot;
  }

  /** Takes a dead or hung worker out of service (its slot is refilled by `release`). */
  private retire(slot: Slot): void {
    const w = slot.worker;
    slot.dead = true;
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
    if (slot.dead) next = this.closed || this.waiting.length === 0 ? undefined : this.spawn();
    if (!next) return;
    const waiter = this.waiting.shift();
    if (waiter) waiter(next);
    else if (this.closed) {
      this.live--;
      void next.worker.terminate();
    } else this.idle.push(next);
  }
}
