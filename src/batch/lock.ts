/**
 * The output folder's lock: `<out>/.lock` holds the pid, host and start time of the run writing
 * there. A second run into the same folder stops with `OutputLocked` (it would otherwise delete the
 * first one's temporary files as stale); a lock whose process is gone (killed, crashed) is stale and
 * taken over.
 */
import { randomBytes } from 'node:crypto';
import { unlinkSync } from 'node:fs';
import { link, open, readFile, rename, unlink } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/** Name of the lock file inside the output folder. */
export const LOCK_FILE = '.lock';

/** Another run holds the output folder. */
export class OutputLocked extends Error {
  constructor(message: string, readonly holder: LockInfo | undefined) {
    super(message);
    this.name = 'OutputLocked';
  }
}

/** What the lock file says. */
export interface LockInfo {
  pid: number;
  host: string;
  started: string;
  /** A random token, so that a run only ever removes its own lock. */
  token: string;
}

function parse(text: string): LockInfo | undefined {
  try {
    const v = JSON.parse(text) as Partial<LockInfo>;
    return typeof v.pid === 'number' && typeof v.host === 'string' && typeof v.token === 'string' ? (v as LockInfo) : undefined;
  } catch {
    return undefined;
  }
}

/** Whether the process that wrote the lock may still be running (unknowable on another host: yes). */
function alive(info: LockInfo): boolean {
  if (info.host !== os.hostname()) return true;
  if (info.pid === process.pid) return true;
  try {
    process.kill(info.pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes the lock of `outDir` (which exists); returns the function that releases it. Throws
 * `OutputLocked` when a live run holds it.
 */
export async function lockOutput(outDir: string): Promise<() => Promise<void>> {
  const file = path.join(outDir, LOCK_FILE);
  const mine: LockInfo = { pid: process.pid, host: os.hostname(), started: new Date().toISOString(), token: randomBytes(8).toString('hex') };
  const text = JSON.stringify(mine) + '\n';
  for (let attempt = 0; attempt < 20; attempt++) {
    try {
      const fh = await open(file, 'wx');
      try {
        await fh.writeFile(text);
      } finally {
        await fh.close();
      }
      const onExit = (): void => {
        try { unlinkSync(file); } catch { /* gone already */ }
      };
      process.once('exit', onExit);
      return async () => {
        process.removeListener('exit', onExit);
        const now = await readFile(file, 'utf8').catch(() => '');
        if (parse(now)?.token === mine.token) await unlink(file).catch(() => undefined);
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    let seen: string;
    try {
      seen = await readFile(file, 'utf8');
    } catch {
      continue; // released meanwhile
    }
    const info = parse(seen);
    if (info === undefined && seen === '' && attempt < 10) {
      await new Promise((r) => setTimeout(r, 50)); // being written
      continue;
    }
    if (info && alive(info)) {
      throw new OutputLocked(
        `${outDir} is in use by another ziping run (pid ${info.pid}${info.host !== os.hostname() ? ` on ${info.host}` : ''}, started ${info.started}); ` +
        `wait for it to finish or use another --out (if that run is gone, delete ${file})`,
        info,
      );
    }
    // Stale: move it aside, and put it back if what was moved is not what was judged (a new lock).
    const aside = `${file}.stale-${process.pid}-${randomBytes(4).toString('hex')}`;
    try {
      await rename(file, aside);
    } catch {
      continue;
    }
    const moved = await readFile(aside, 'utf8').catch(() => '');
    if (moved !== seen) await link(aside, file).catch(() => undefined);
    await unlink(aside).catch(() => undefined);
  }
  throw new OutputLocked(`${outDir}: could not take its lock ${file}`, undefined);
}
