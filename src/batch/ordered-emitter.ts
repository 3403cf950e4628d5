/** Writing a dataset in its order, from results held by the run index, the dataset index or the cache. */
import path from 'node:path';
import type { ManifestEntry } from '../result.js';
import { CACHE_DIR, readCachedHead, readCachedRecords } from './cache.js';
import { DatasetWriter, type DatasetTotals, type WriterOptions } from './dataset-writer.js';
import type { RunItem } from './run.js';

/**
 * Writes the dataset of `items` (in the order given) while they are still being processed: `ready(item)`
 * says that an item's result is known (in `item.result` or its cache file), and every item whose
 * predecessors are all known is read and appended at once, one at a time, so that the end of the
 * run only has the tail left to write. A cached result is streamed one record at a time, so memory
 * stays bounded by the largest single record.
 */
export class OrderedEmitter {
  private readonly sorted: RunItem[];
  private readonly known = new Set<RunItem>();
  private readonly writer: DatasetWriter;
  private readonly entries: ManifestEntry[] = [];
  private next = 0;
  private chain: Promise<void> = Promise.resolve();
  private failed = false;
  private error: unknown;

  /**
   * @param outDir where the dataset goes (exists).
   * @param cacheRoot the folder whose `.cache` holds each item's result, or a function giving it per item.
   */
  constructor(outDir: string, private readonly cacheRoot: string | ((item: RunItem) => string), items: readonly RunItem[], opts: WriterOptions) {
    this.sorted = [...items];
    this.writer = new DatasetWriter(outDir, opts);
  }

  /** Marks `item` as known and writes whatever can now be written, in order. */
  ready(item: RunItem): void {
    this.known.add(item);
    this.chain = this.chain.then(() => this.drain());
    this.chain.catch((e: unknown) => {
      this.error ??= e; // reported by throwIfFailed() and finish()
    });
  }

  /** Waits for the writes, then puts every output in place; returns the dataset's totals. */
  async finish(): Promise<DatasetTotals> {
    try {
      await this.chain;
      if (this.next < this.sorted.length) throw new Error(`${this.sorted[this.next]!.path}: no result to write`);
      return await this.writer.close();
    } catch (e) {
      await this.writer.abort();
      throw e;
    }
  }

  /** The manifest entries written so far, in dataset order. */
  get written(): readonly ManifestEntry[] {
    return this.entries;
  }

  /** Throws the error that stopped the writing, if one did (a full disk, a missing cache file). */
  throwIfFailed(): void {
    if (this.error !== undefined) throw this.error;
  }

  /** Drops the partial outputs (after an error elsewhere, or a run that writes nothing). */
  async abort(): Promise<void> {
    this.failed = true;
    await this.chain.catch(() => undefined);
    await this.writer.abort();
  }

  private async drain(): Promise<void> {
    while (!this.failed && this.next < this.sorted.length && this.known.has(this.sorted[this.next]!)) {
      const item = this.sorted[this.next]!;
      const result = item.result;
      const root = typeof this.cacheRoot === 'string' ? this.cacheRoot : this.cacheRoot(item);
      const dir = path.join(root, CACHE_DIR);
      if (result) {
        result.entry.cached = item.cached;
        this.entries.push(result.entry);
        this.writer.add(result, item.meta, dir);
      } else {
        // Streamed from the cache one record at a time: a file of any size passes in flat memory.
        const head = await readCachedHead(dir, item.cache!);
        if (this.failed) return; // aborted while reading
        if (!head) throw new Error(`${item.path}: its cached result ${path.join(dir, item.cache!)} is missing or unreadable`);
        head.entry.cached = item.cached;
        this.entries.push(head.entry);
        this.writer.beginFile(head.entry, head.diagnostics, item.meta, head.crops ?? [], dir);
        for await (const record of readCachedRecords(dir, item.cache!, head.records)) {
          if (this.failed) return;
          this.writer.addRecord(record);
        }
        this.writer.endFile();
      }
      this.known.delete(item);
      this.next++;
    }
  }
}

/**
 * Writes the dataset of `items` (in the order given) into `outDir`, reading each result from
 * `cacheRoot/.cache` or the item itself, one at a time; returns the dataset's totals.
 */
export async function writeDataset(outDir: string, cacheRoot: string | ((item: RunItem) => string), items: readonly RunItem[], opts: WriterOptions): Promise<DatasetTotals> {
  const emitter = new OrderedEmitter(outDir, cacheRoot, items, opts);
  for (const item of items) emitter.ready(item);
  return emitter.finish();
}
