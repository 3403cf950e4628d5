/**
 * The per-file result cache kept in the output folder (`<out>/.cache/<sha256>-<key>.json`): a
 * result is reused when the content, the path as given, the tool's code (its version and a hash of
 * the code itself, so a rebuilt tool never serves results of the old one) and every setting that
 * changes results are the same. Timeouts, worker crashes and files stopped for memory are never
 * cached, so a re-run tries those files again. Every entry is validated (zod, `cache-schema.ts`)
 * before it is used: a malformed one is a miss, and the file is processed again.
 */
import { createHash } from 'node:crypto';
import { createReadStream, readdirSync, readFileSync } from 'node:fs';
import { open, rm, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { Diagnostic } from '../diagnostics.js';
import type { ProjectRecord } from '../domain/schema.js';
import type { Crop, FileResult, ManifestEntry } from '../result.js';
import type { Settings } from '../settings.js';
import { tempPathFor, writeFileAtomic } from './atomic.js';
import { TOOL_VERSION } from '../version.js';
import { CACHE_FORMAT, CacheHead, CachedRecord } from './cache-schema.js';

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
  // (For a name that is not UTF-8, `inputPath` is its bytes in hex: decoded names may collide.)
  // The path is part of the key: records name their file, so the same bytes under another
  // name are a different result.
  const key = createHash('sha256').update(`${settingsKey}\0${inputPath}`).digest('hex').slice(0, 16);
  return `${sha256}-${key}.json`;
}

/**
 * Writes one cache entry: records are added as they are made (held in memory up to `SPILL_BYTES`,
 * then spilled to a temporary file beside the target), and `commit` puts the head line and the
 * records in place atomically. Format: NDJSON, the head (`CacheHead`) then one record per line.
 */
export class CacheWriter {
  private lines: string[] = [];
  private held = 0;
  private count = 0;
  private spill?: { path: string; fh: FileHandle };

  /** @param target the cache file to write. */
  constructor(readonly target: string) {}

  /** Appends one record. */
  async add(record: ProjectRecord): Promise<void> {
    const line = JSON.stringify(record) + '\n';
    this.count++;
    if (!this.spill && this.held + line.length > SPILL_BYTES) {
      const p = tempPathFor(this.target);
      this.spill = { path: p, fh: await open(p, 'w') };
      await this.spill.fh.writeFile(this.lines.join(''));
      this.lines = [];
    }
    if (this.spill) await this.spill.fh.writeFile(line);
    else {
      this.lines.push(line);
      this.held += line.length;
    }
  }

  /** Writes the head (with the page crops drawn for the report, if any) and the records into place. */
  async commit(entry: ManifestEntry, diagnostics: readonly Diagnostic[], crops?: readonly Crop[]): Promise<void> {
    const head = JSON.stringify({ format: CACHE_FORMAT, entry, diagnostics, records: this.count, ...(crops?.length ? { crops } : {}) }) + '\n';
    if (!this.spill) return writeFileAtomic(this.target, head + this.lines.join(''));
    const spill = this.spill;
    await spill.fh.close();
    try {
      await writeFileAtomic(this.target, async (fh) => {
        await fh.writeFile(head);
        for await (const chunk of createReadStream(spill.path, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) await fh.writeFile(chunk);
      });
    } finally {
      await rm(spill.path, { force: true });
    }
  }

  /** Drops what was written (the entry is not cached). */
  async discard(): Promise<void> {
    this.lines = [];
    if (!this.spill) return;
    await this.spill.fh.close().catch(() => undefined);
    await rm(this.spill.path, { force: true });
  }
}

/** Records held in memory before a cache entry spills to disk. */
const SPILL_BYTES = 8 << 20;

/** Reads the first line of a file (up to `max` bytes); undefined when there is none. */
async function firstLine(file: string, max = 64 << 20): Promise<string | undefined> {
  const fh = await open(file, 'r');
  try {
    const parts: Buffer[] = [];
    let pos = 0;
    for (;;) {
      const buf = Buffer.allocUnsafe(64 << 10);
      const { bytesRead } = await fh.read(buf, 0, buf.length, pos);
      if (bytesRead === 0) return undefined;
      const nl = buf.subarray(0, bytesRead).indexOf(0x0a);
      parts.push(buf.subarray(0, nl >= 0 ? nl : bytesRead));
      if (nl >= 0) return Buffer.concat(parts).toString('utf8');
      pos += bytesRead;
      if (pos > max) return undefined;
    }
  } finally {
    await fh.close();
  }
}

/** The head of a cache entry, validated; undefined when absent, unreadable or malformed (a miss). */
export async function readCachedHead(cacheDir: string, name: string): Promise<CacheHead | undefined> {
  try {
    const line = await firstLine(path.join(cacheDir, name));
    if (line === undefined) return undefined;
    const res = CacheHead.safeParse(JSON.parse(line));
    return res.success ? (res.data as CacheHead) : undefined;
  } catch {
    return undefined;
  }
}

/** Thrown when a cache entry turns out malformed while it is read. */
export class BadCacheEntry extends Error {}

/**
 * The records of a cache entry, one at a time, each validated; throws `BadCacheEntry` on a
 * malformed line or when the count differs from the head's.
 */
export async function* readCachedRecords(cacheDir: string, name: string, expected: number): AsyncGenerator<ProjectRecord> {
  const file = path.join(cacheDir, name);
  const lines = createInterface({ input: createReadStream(file, { highWaterMark: 1 << 20 }), crlfDelay: Infinity });
  let n = -1;
  for await (const line of lines) {
    if (++n === 0) continue; // the head
    if (line === '' ) continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch (e) {
      throw new BadCacheEntry(`${file}: record ${n} is not JSON (${(e as Error).message})`);
    }
    const res = CachedRecord.safeParse(parsed);
    if (!res.success) throw new BadCacheEntry(`${file}: record ${n} is malformed (${res.error.issues[0]?.path.join('.')}: ${res.error.issues[0]?.message})`);
    yield parsed as ProjectRecord;
  }
  if (n < 0) throw new BadCacheEntry(`${file}: empty`);
  if (n !== expected) throw new BadCacheEntry(`${file}: ${n} record(s), its head says ${expected}`);
}

/** Reads and validates a whole cache entry; the head when every part is valid, else undefined (a miss). */
export async function validCached(cacheDir: string, name: string): Promise<CacheHead | undefined> {
  const head = await readCachedHead(cacheDir, name);
  if (!head) return undefined;
  try {
    for await (const _ of readCachedRecords(cacheDir, name, head.records)) void _;
    return head;
  } catch {
    return undefined;
  }
}

/** Reads and validates a whole cache entry into memory (records included); undefined when it is not valid (a miss). */
export async function readCached(cacheDir: string, name: string): Promise<FileResult | undefined> {
  const head = await readCachedHead(cacheDir, name);
  if (!head) return undefined;
  const records: ProjectRecord[] = [];
  try {
    for await (const r of readCachedRecords(cacheDir, name, head.records)) records.push(r);
  } catch {
    return undefined;
  }
  return { entry: head.entry, records, diagnostics: head.diagnostics, ...(head.crops?.length ? { crops: head.crops } : {}) };
}
