/**
 * Given the output folders of the shards of one command (`ingest --shard i/n`), writes the
 * dataset a single run would have written: items are taken from each shard's run index and
 * results from its cache, in input order. The results (and their page crops) are copied into the
 * output folder's cache, so that it is a dataset of its own that later runs can add to.
 */
import { copyFile, mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from '../cli-args.js';
import type { WriterOptions } from './dataset-writer.js';
import { CACHE_DIR, validCached } from './cache.js';
import { lockOutput } from './lock.js';
import { writeDataset } from './ordered-emitter.js';
import { RUN_FILE, type RunIndex, type RunItem } from './run.js';
import { DatasetError, emptyStore, loadStore, rootOf, saveStore, type StoreItem } from './store.js';

/** What a merge wrote. */
export interface MergeSummary {
  inputs: number;
  failed: number;
  shards: number;
}

/** Reads and checks the run indexes, then writes the merged dataset into `outDir` (under its lock). Bad folders are `UsageError`s. */
export async function mergeShards(dirs: readonly string[], outDir: string, output: Partial<WriterOptions> = {}, replace = false): Promise<MergeSummary> {
  if (dirs.length === 0) throw new UsageError('merge: no shard folder given');
  // Never over a dataset silently: merge writes a whole one.
  if (!replace && (await loadStore(outDir).catch(() => 'damaged'))) {
    throw new DatasetError(`${outDir}/ already holds a dataset: merge into a new folder, or add --replace to write over it`);
  }
  const runs: Array<{ dir: string; run: RunIndex }> = [];
  for (const dir of dirs) {
    let run: RunIndex;
    try {
      run = JSON.parse(await readFile(path.join(dir, RUN_FILE), 'utf8')) as RunIndex;
    } catch (e) {
      throw new UsageError(`merge: ${dir} holds no readable ${RUN_FILE} (${(e as Error).message}); is it an ingest output folder?`);
    }
    runs.push({ dir, run });
  }
  const first = runs[0]!.run;
  for (const { dir, run } of runs) {
    if (run.version !== first.version || run.settings_hash !== first.settings_hash) {
      throw new UsageError(`merge: ${dir} was made with other settings or another version (${run.version}/${run.settings_hash}, not ${first.version}/${first.settings_hash})`);
    }
    if (run.inputs !== first.inputs) throw new UsageError(`merge: ${dir} saw ${run.inputs} inputs, ${runs[0]!.dir} saw ${first.inputs}: not the same command`);
  }
  const owner = new Map<number, string>();
  const items: RunItem[] = [];
  const dirOf = new Map<RunItem, string>();
  for (const { dir, run } of runs) {
    for (const item of run.items) {
      const seen = owner.get(item.index);
      if (seen !== undefined) throw new UsageError(`merge: input ${item.index} (${item.path}) is in both ${seen} and ${dir}`);
      owner.set(item.index, dir);
      items.push(item);
      dirOf.set(item, dir);
    }
  }
  if (items.length !== first.inputs) {
    const shards = runs.map((r) => (r.run.shard ? `${r.run.shard.index}/${r.run.shard.count}` : 'all')).join(', ');
    throw new UsageError(`merge: the folders hold ${items.length} of ${first.inputs} inputs (shards ${shards}): a shard is missing`);
  }
  items.sort((a, b) => a.index - b.index);
  const cacheDir = path.join(outDir, CACHE_DIR);
  await mkdir(cacheDir, { recursive: true });
  const unlock = await lockOutput(outDir);
  try {
    return await mergeLocked();
  } finally {
    await unlock();
  }

  async function mergeLocked(): Promise<MergeSummary> {
    for (const item of items) {
      if (!item.cache) continue;
      const from = path.join(dirOf.get(item)!, CACHE_DIR);
      const head = await validCached(from, item.cache);
      if (!head) throw new UsageError(`merge: ${item.rel}: its cached result ${path.join(from, item.cache)} is missing or unreadable`);
      await copyFile(path.join(from, item.cache), path.join(cacheDir, item.cache));
      for (const crop of head.crops ?? []) await copyFile(path.join(from, crop.png), path.join(cacheDir, crop.png)).catch(() => undefined);
    }
    const totals = await writeDataset(outDir, outDir, items, { csvEncoding: first.settings.csvEncoding, ...output });
    // The root of the shards' datasets (they share it: the same command in the same folder); a
    // shard that took no input wrote none.
    let root = path.resolve('.');
    for (const { dir } of runs) {
      const held = await loadStore(dir).catch(() => undefined);
      if (held) {
        root = rootOf(dir, held);
        break;
      }
    }
    const store = emptyStore(outDir, root);
    store.items = items.map((item): StoreItem => ({
      path: item.rel, sha256: item.sha256, ...(item.status ? { status: item.status } : {}), ...(item.cache ? { cache: item.cache } : {}),
      ...(item.result ? { result: item.result } : {}), ...(item.meta ? { meta: item.meta } : {}),
    }));
    await saveStore(outDir, store);
    return { inputs: items.length, failed: totals.failed, shards: runs.length };
  }
}
