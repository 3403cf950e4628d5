/**
 * Memory bounds inside a worker thread, for files built to exhaust memory (decompression bombs):
 *
 * - every decompressed stream pdf.js reads is cut at `streamBytes`: its `DecompressionStream`
 *   (how pdf.js inflates Flate and Brotli streams in Node) counts what it gives, and the typed
 *   arrays its own decoders grow (LZW, run-length, the Flate fallback, images) cannot be made
 *   larger than that either;
 * - the worker publishes what its isolate holds (V8 heap in use plus memory outside it: array
 *   buffers, zlib output) in a shared slot, several times a second, for the pool's watchdog
 *   (`src/batch/pool.ts`), which stops the worker that holds the most when the process goes over
 *   the run's memory ceiling.
 *
 * pdf.js catches the errors of a stream it cannot decode and goes on with a partial page, so a
 * cut stream is also recorded here (`tripped()`): the worker then reports the file as
 * `too_large` whatever pdf.js made of it.
 * > **Note**: the guard replaces the typed-array constructors of the worker's global object with
 * > proxies; instances, prototypes and `instanceof` are those of the built-ins (Node's own code
 * > uses its private copies and is not affected).
 */

/** What the guard refused: the first allocation or stream over the limit in the current task. */
export interface Trip {
  what: string;
  /** Bytes asked for (an allocation) or produced so far (a stream), when cut. */
  bytes: number;
  limit: number;
}

/** How the guard is set up in one worker. */
export interface GuardOptions {
  /** Largest decompressed stream or single buffer, in bytes. */
  streamBytes: number;
  /** Shared slots of the pool (Int32, MiB in use per worker) and this worker's index. */
  usage?: { buffer: SharedArrayBuffer; slot: number };
  /** How often usage is published, in milliseconds. */
  intervalMs?: number;
}

const TYPED = [
  'ArrayBuffer', 'Uint8Array', 'Uint8ClampedArray', 'Int8Array', 'Uint16Array', 'Int16Array',
  'Uint32Array', 'Int32Array', 'Float32Array', 'Float64Array', 'BigInt64Array', 'BigUint64Array',
] as const;

let limit = Infinity;
let trip: Trip | undefined;
let installed = false;

/** The first refusal since the last `resetTrip`, if any. */
export function tripped(): Trip | undefined {
  return trip;
}

/** Forgets the last refusal (call before each task). */
export function resetTrip(): void {
  trip = undefined;
}

function refuse(what: string, bytes: number): RangeError {
  trip ??= { what, bytes, limit };
  return new RangeError(`${what} of ${bytes} bytes is over the limit of ${limit} bytes`);
}

/** Bytes a typed-array constructor call would allocate (0 for a view on an existing buffer). */
function requestedBytes(name: string, perElement: number, args: readonly unknown[]): number {
  const a = args[0];
  if (typeof a === 'number') return a * perElement;
  if (name === 'ArrayBuffer' || a === null || typeof a !== 'object') return 0;
  if (a instanceof ArrayBuffer || (typeof SharedArrayBuffer !== 'undefined' && a instanceof SharedArrayBuffer)) return 0;
  const length = (a as { length?: unknown }).length;
  return typeof length === 'number' ? length * perElement : 0;
}

function guardTypedArrays(): void {
  const g = globalThis as unknown as Record<string, unknown>;
  for (const name of TYPED) {
    const Ctor = g[name] as (new (...args: unknown[]) => object) & { BYTES_PER_ELEMENT?: number };
    if (typeof Ctor !== 'function') continue;
    const per = Ctor.BYTES_PER_ELEMENT ?? 1;
    const proxy: object = new Proxy(Ctor, {
      construct(target, args, newTarget) {
        const bytes = requestedBytes(name, per, args);
        if (bytes > limit) throw refuse(`a ${name}`, bytes);
        // `new Proxy()` passes the proxy as newTarget: construct the built-in itself then.
        return Reflect.construct(target, args, newTarget === proxy ? target : newTarget) as object;
      },
    });
    Object.defineProperty(globalThis, name, { value: proxy, writable: true, configurable: true, enumerable: false });
  }
}

function guardDecompression(): void {
  const g = globalThis as { DecompressionStream?: new (format: string) => { readable: ReadableStream<Uint8Array>; writable: WritableStream<Uint8Array> } };
  const Native = g.DecompressionStream;
  if (!Native) return;
  g.DecompressionStream = class CappedDecompressionStream {
    readonly readable: ReadableStream<Uint8Array>;
    readonly writable: WritableStream<Uint8Array>;
    constructor(format: string) {
      const inner = new Native!(format);
      let total = 0;
      this.writable = inner.writable;
      this.readable = inner.readable.pipeThrough(new TransformStream<Uint8Array, Uint8Array>({
        transform(chunk, controller) {
          total += chunk.byteLength;
          if (total > limit) controller.error(refuse(`a ${format} stream`, total));
          else controller.enqueue(chunk);
        },
      }));
    }
  } as unknown as typeof Native;
}

function publishUsage(usage: NonNullable<GuardOptions['usage']>, intervalMs: number): void {
  const view = new Int32Array(usage.buffer);
  const tick = (): void => {
    const m = process.memoryUsage();
    Atomics.store(view, usage.slot, Math.round((m.heapUsed + m.external) / 2 ** 20));
  };
  tick();
  setInterval(tick, intervalMs).unref();
}

/** Installs the guard in this thread (once; later calls only change the limit). */
export function installMemoryGuard(opts: GuardOptions): void {
  limit = opts.streamBytes;
  if (installed) return;
  installed = true;
  guardTypedArrays();
  guardDecompression();
  if (opts.usage) publishUsage(opts.usage, opts.intervalMs ?? 100);
}
