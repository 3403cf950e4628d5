/** Writing a run's dataset in input order, from results held by the run index or the cache. */
import path from 'node:path';
import type { ManifestEntry } from '../result.js';
import type { Settings } from '../settings.js';
import { CACHE_DIR, readCachedHead, readCachedRecords } from './cache.js';
import { DatasetWriter } from './dataset-writer.js';
import type { RunItem } from './run.js';

/**
 * Writes the dataset of `items` in input order while they are still being processed: `ready(item)`
 * says that an item's result is known (in `item.result` or its cache file), and every item whose
 * predecessors are all known is read and appended at once, one at a time, so that the end of the
 * run only has the tail left to write. Memory stays bounded by the largest single result.
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
  constructor(outDir: string, private readonly cacheRoot: string | ((item: RunItem) => string), items: readonly RunItem[], csvEncoding: Settings['csvEncoding']) {
    this.sorted = [...items].sort((a, b) => a.index - b.index);
    this.writer = new DatasetWriter(outDir, { csvEncoding });
  }

  /** Marks `item` as known and writes whatever can now be written, in order. */
  ready(item: RunItem): void {
    this.known.add(item);
    this.chain = this.chain.then(() => this.drain());
    this.chain.catch((e: unknown) => {
      this.error ??= e; // reported by throwIfFailed() and finish()
    });
  }

  /** Waits for the writes, then puts every output in place; returns the manifest entries. */
  async finish(): Promise<ManifestEntry[]> {
    try {
      await this.chain;
      if (this.next < this.sorted.length) throw new Error(`${this.sorted[this.next]!.path}: no result to write`);
    } catch (e) {
      this.writer.abort();
      throw e;
    }
    this.writer.close();
    return this.entries;
  }

  /** Throws the error that stopped the writing, if one did (a full disk, a missing cache file). */
  throwIfFailed(): void {
    if (this.error !== undefined) throw this.error;
  }

  /** Drops the partial outputs (after an error elsewhere). */
  abort(): void {
    this.failed = true;
    this.writer.abort();
  }

  private async drain(): Promise<void> {
    while (!this.failed && this.next < this.sorted.length && this.known.has(this.sorted[this.next]!)) {
      const item = this.sorted[this.next]!;
      const result = item.result;
      if (result) {
        result.entry.cached = item.cached;
        this.entries.push(result.entry);
        this.writer.add(result);
      } else {
        // Streamed from the cache one record at a time: a file of any size passes in flat memory.
        const root = typeof this.cacheRoot === 'string' ? this.cacheRoot : this.cacheRoot(item);
        const dir = path.join(root, CACHE_DIR);
        const head = await readCachedHead(dir, item.cache!);
        if (this.failed) return; // aborted while reading
        if (!head) throw new Error(`${item.path}: its cached result ${path.join(dir, item.cache!)} is missing or unreadable`);
        head.entry.cached = item.cached;
        this.entries.push(head.entry);
        this.writer.beginFile(head.entry, head.diagnostics);
        for await (const record of readCachedRecords(dir, item.cache!, head.records)) {
          if (this.failed) return;
          this.writer.addRecord(record);
        }
      }
      this.known.delete(item);
      this.next++;
    }
  }
}

/**
 * Writes the dataset of `items` (any order; written in input order) into `outDir`, reading each
 * result from `cacheRoot/.cache` or the item itself, one at a time; returns the manifest entries.
 */
export async function writeDataset(outDir: string, cacheRoot: string | ((item: RunItem) => string), items: readonly RunItem[], csvEncoding: Settings['csvEncoding']): Promise<ManifestEntry[]> {
  const emitter = new OrderedEmitter(outDir, cacheRoot, items, csvEncoding);
  for (const item of items) emitter.ready(item);
  return emitter.finish();
}
