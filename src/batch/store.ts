/**
 * The dataset an output folder holds (`<out>/.dataset.json`): every input ever ingested into it,
 * keyed by its path relative to the dataset root, with where its result is. Each run adds new
 * inputs, updates those whose content changed and leaves the others as they are; the published
 * files are rewritten from it. `--replace` starts from an empty one. It is written last, and only
 * by a run that processed something, so a failed or empty run never loses a dataset (issue 13).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { FileResult } from '../result.js';
import { TOOL_VERSION } from '../version.js';
import { writeFileAtomic } from './atomic.js';
import type { SourceMeta } from './sources.js';

/** A dataset that cannot be added to as asked (another root, a damaged index). */
export class DatasetError extends Error {}

/** Name of the dataset index inside the output folder. */
export const STORE_FILE = '.dataset.json';

/** One input of the dataset. */
export interface StoreItem {
  /** Path relative to the dataset root, with `/`: the key, and the prefix of its record ids. */
  path: string;
  sha256: string;
  /** Status of its result (ok, flagged, failed, skipped). */
  status?: 'ok' | 'flagged' | 'failed' | 'skipped';
  /** Cache file (in `<out>/.cache`) holding the result, when there is one. */
  cache?: string;
  /** The result itself when it is not cached (read failures, duplicates, timeouts). */
  result?: FileResult;
  /** Metadata from a sources.csv sidecar. */
  meta?: SourceMeta;
}

export interface DatasetStore {
  tool: 'ziping';
  version: string;
  /** The dataset root, relative to the output folder: input paths are relative to it. */
  root: string;
  items: StoreItem[];
}

/** Reads the dataset of `outDir`; undefined when there is none yet. A damaged one is an error. */
export async function loadStore(outDir: string): Promise<DatasetStore | undefined> {
  let text: string;
  try {
    text = await readFile(path.join(outDir, STORE_FILE), 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
  let store: DatasetStore;
  try {
    store = JSON.parse(text) as DatasetStore;
  } catch (e) {
    throw new DatasetError(`${path.join(outDir, STORE_FILE)} is damaged (${(e as Error).message}); use --replace to start the dataset over`);
  }
  if (store?.tool !== 'ziping' || !Array.isArray(store.items) || typeof store.root !== 'string') {
    throw new DatasetError(`${path.join(outDir, STORE_FILE)} is not a ziping dataset index; use --replace to start the dataset over`);
  }
  return store;
}

/** Writes the dataset index atomically. */
export async function saveStore(outDir: string, store: DatasetStore): Promise<void> {
  await writeFileAtomic(path.join(outDir, STORE_FILE), JSON.stringify(store) + '\n');
}

/** An empty dataset rooted at `root` (an absolute path). */
export function emptyStore(outDir: string, root: string): DatasetStore {
  return { tool: 'ziping', version: TOOL_VERSION, root: toPosix(path.relative(path.resolve(outDir), root)) || '.', items: [] };
}

/** The dataset root of a store, as an absolute path. */
export function rootOf(outDir: string, store: DatasetStore): string {
  return path.resolve(outDir, store.root);
}

/** Given the dataset root and a file path, returns the file's dataset path: relative, with `/`. */
export function datasetPath(root: string, file: string): string {
  return toPosix(path.relative(root, path.resolve(file)));
}

function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}

/** Whether a result holds tables (a failed input does not). */
export function processed(status: string | undefined): boolean {
  return status === 'ok' || status === 'flagged';
}
