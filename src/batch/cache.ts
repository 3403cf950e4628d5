/**
 * The per-file result cache kept in the output folder (`<out>/.cache/<sha256>-<key>.json`): a
 * result is reused when the content, the path as given, the tool version and every setting that
 * changes results are the same. Timeouts and worker crashes are never cached, so a re-run tries
 * those files again.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { TOOL_VERSION } from '../emit/dataset.js';
import type { FileResult } from '../result.js';
import type { Settings } from '../settings.js';

/** Name of the cache folder inside the output folder. */
export const CACHE_DIR = '.cache';

/**
 * Given settings, returns a short hash of the tool version and every setting that changes a
 * cached result. Left out: `csvEncoding` (how the dataset is written), `timeoutMs` (timeouts
 * are never cached) and `maxBytes` (checked on the file size before the cache is consulted).
 */
export function settingsHash(settings: Settings): string {
  const { csvEncoding: _c, timeoutMs: _t, maxBytes: _b, ...rest } = settings;
  const sorted = Object.fromEntries(Object.entries(rest).sort(([a], [b]) => (a < b ? -1 : 1)));
  return createHash('sha256').update(JSON.stringify({ tool: 'ziping', version: TOOL_VERSION, settings: sorted })).digest('hex').slice(0, 16);
}

/** Given a file's content hash, its path as given and the settings hash, returns its cache file name. */
export function cacheName(sha256: string, inputPath: string, settingsKey: string): string {
  // The path is part of the key: records name their file, so the same bytes under another
  // name are a different result.
  const key = createHash('sha256').update(`${settingsKey}\0${inputPath}`).digest('hex').slice(0, 16);
  return `${sha256}-${key}.json`;
}

/** Reads a cached result; undefined when absent or unreadable (then the file is processed again). */
export async function readCached(cacheDir: string, name: string): Promise<FileResult | undefined> {
  try {
    const r = JSON.parse(await readFile(path.join(cacheDir, name), 'utf8')) as FileResult;
    return r && typeof r === 'object' && r.entry && Array.isArray(r.records) ? r : undefined;
  } catch {
    return undefined;
  }
}
