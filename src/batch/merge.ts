/**
 * Given the output folders of the shards of one command (`ingest --shard i/n`), writes the
 * dataset a single run would have written: items are taken from each shard's run index and
 * results from its cache, in input order.
 */
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from '../cli-args.js';
import { lockOutput } from './lock.js';
import { writeDataset } from './ordered-emitter.js';
import { RUN_FILE, type RunIndex, type RunItem } from './run.js';
import type { Settings } from '../settings.js';

/** What a merge wrote. */
export interface MergeSummary {
  inputs: number;
  failed: number;
  shards: number;
}

/** Reads and checks the run indexes, then writes the merged dataset into `outDir` (under its lock). Bad folders are `UsageError`s. */
export async function mergeShards(dirs: readonly string[], outDir: string, csvEncoding?: Settings['csvEncoding']): Promise<MergeSummary> {
  if (dirs.length === 0) throw new UsageError('merge: no shard folder given');
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
  await mkdir(outDir, { recursive: true });
  const unlock = await lockOutput(outDir);
  let entries;
  try {
    entries = await writeDataset(outDir, (item) => dirOf.get(item)!, items, csvEncoding ?? first.settings.csvEncoding);
  } finally {
    await unlock();
  }
  const failed = entries.filter((e) => e.status === 'failed').length;
  return { inputs: items.length, failed, shards: runs.length };
}
