/**
 * Atomic file writes: data goes to a temporary file in the same folder, then `rename` replaces
 * the target, so a reader (or a run killed at any moment) sees the old file or the new one,
 * never half of one.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { open, readdir, rename, rm, type FileHandle } from 'node:fs/promises';
import path from 'node:path';

/** Suffix of temporary files; `removeStaleTemps` deletes leftovers of killed runs. */
export const TEMP_SUFFIX = '.ziping-tmp';

/** A fresh temporary path beside `target` (same folder, so that rename is atomic; removed by `removeStaleTemps` if left behind). */
export function tempPathFor(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}${TEMP_SUFFIX}`);
}

/**
 * Writes `data` to `target` atomically (or lets `data` write through the file handle). A write
 * that fails (a full disk) leaves nothing behind: the temporary file is removed.
 * > **Note**: no fsync: rename is atomic against a killed process (kill -9), which is what the
 * > cache must survive; an fsync per file cost ~30 ms a file in the benchmark.
 */
export async function writeFileAtomic(target: string, data: string | Uint8Array | ((fh: FileHandle) => Promise<void>)): Promise<void> {
  const tmp = tempPathFor(target);
  const fh = await open(tmp, 'w');
  try {
    try {
      if (typeof data === 'function') await data(fh);
      else await fh.writeFile(data);
    } finally {
      await fh.close();
    }
    await rename(tmp, target);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
}

/** A file written in pieces (synchronously, in order) and put in place by `commit`. */
export class AtomicWriter {
  private readonly tmp: string;
  private fd: number;
  /** Bytes written so far. */
  size = 0;

  /** @param target the final path. */
  constructor(readonly target: string) {
    this.tmp = tempPathFor(target);
    this.fd = openSync(this.tmp, 'w');
  }

  /** Appends bytes or UTF-8 text. */
  write(chunk: string | Uint8Array): void {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    let off = 0;
    while (off < buf.length) off += writeSync(this.fd, buf, off, buf.length - off);
    this.size += buf.length;
  }

  /** Flushes to disk and renames onto the target; on failure the temporary file is removed. */
  commit(): void {
    try {
      fsyncSync(this.fd);
      closeSync(this.fd);
      this.fd = -1;
      renameSync(this.tmp, this.target);
      this.done = true;
    } catch (e) {
      this.abort();
      throw e;
    }
  }

  /** Drops the temporary file (nothing once committed). */
  abort(): void {
    if (this.done) return;
    if (this.fd >= 0) {
      try { closeSync(this.fd); } catch { /* already failing */ }
    }
    this.fd = -1;
    rmSync(this.tmp, { force: true });
  }

  private done = false;
}

/** Deletes temporary files left in `dir` by a killed run. */
export async function removeStaleTemps(dir: string): Promise<void> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return;
  }
  await Promise.all(names.filter((n) => n.endsWith(TEMP_SUFFIX)).map((n) => rm(path.join(dir, n), { force: true })));
}
