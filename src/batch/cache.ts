/**
 * The per-file result cache kept in the output folder (`<out>/.cache/<sha256>-<key>.json`): a
 * result is reused when the content, the path as given, the tool's code (its version and a hash of
 * the code itself, so a rebuilt tool never serves results of the old one) and every setting that
 * changes results are the same. Timeouts and worker crashes are never cached, so a re-run tries
 * those files again.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { TOOL_VERSION } from '../emit/dataset.js';
import type { FileResult } from '../result.js';
import type { Settings } from '../settings.js';

/** Name of the cache folder inside the output folder. */
export const CACHE_DIR = '.cache';

let fingerprint: string | undefined;

/** A hash of the code that produces results: every module beside this one's folder (dist/ or src/). */
export function codeFingerprint(): string {
  if (fingerprint) return fingerprint;
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const hash = createHash('sha256');
  const files = readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.(js|ts)$/.test(e.name) && !e.name.endsWith('.d.ts'))
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
  for (const f of files) hash.update(path.relative(root, f)).update('\0').update(readFileSync(f)).update('\0');
  fingerprint = hash.digest('hex').slice(0, 16);
  return fingerprint;
}

/**
 * Given settings, returns a short hash of the tool version, its code fingerprint and every setting that changes a
 * cached result. Left out: `csvEncoding` (how the dataset is written), `timeoutMs` (timeouts
 * are never cached) and `maxBytes` (checked on the file size before the cache is consulted).
 */
export function settingsHash(settings: Settings): string {
  const { csvEncoding: _c, timeoutMs: _t, maxBytes: _b, ...rest } = settings;
  const sorted = Object.fromEntries(Object.entries(rest).sort(([a], [b]) => (a < b ? -1 : 1)));
  return createHash('sha256').update(JSON.stringify({ tool: 'ziping', version: TOOL_VERSION, code: codeFingerprint(), settings: sorted })).digest('hex').slice(0, 16);
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
