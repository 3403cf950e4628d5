/**
 * Given what the user typed (files, folders, globs), returns the inputs in a fixed order: each
 * argument in turn, folder contents and glob matches sorted by path. Every entry of a folder is
 * returned, to be read or reported as skipped with its reason (a dot-file, another type of file, a
 * FIFO, a symlinked folder, the run's own output folder); a subfolder that cannot be listed is one
 * input with its error, and the walk goes on. Names are read as bytes, so a name that is not UTF-8
 * (GBK names from zips made on Chinese Windows) can still be opened; it is shown decoded as well as
 * possible. Metadata sidecars (`sources.csv`) found in folders are returned apart, and arguments
 * that name nothing are named through `warn`.
 */
import { readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import iconv from 'iconv-lite';
import type { SkipReason } from '../result.js';
import { SIDECAR_NAME } from './sources.js';

/** File names read when walking a folder; files named explicitly always count. */
export const SUPPORTED = /\.(pdf|txt|tsv|text|csv)$/i;

const GLOB_CHARS = /[*?[{]/;

/** One input: a file to read, or a folder entry skipped or unreadable. */
export interface InputEntry {
  /** The path for display and the manifest, decoded as well as possible. */
  path: string;
  /** The path for the file system: the string, or the raw bytes when they are not UTF-8. */
  fsPath: string | Buffer;
  /** Hex of the path's bytes when they are not valid UTF-8. */
  rawPath?: string;
  /** Not to be read, and why. */
  skip?: SkipReason;
  /** Could not be listed or examined (an unreadable folder, a broken link). */
  error?: string;
}

/** Given the bytes of a name, returns its text: UTF-8 when valid, else GB18030 when it reads cleanly, else UTF-8 with replacements. */
export function decodeName(bytes: Buffer): { text: string; utf8: boolean } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), utf8: true };
  } catch {
    const gb = iconv.decode(bytes, 'gb18030');
    return { text: gb.includes('\ufffd') ? bytes.toString('utf8') : gb, utf8: false };
  }
}

/** Given a path in bytes, returns the input entry for it (display text, raw hex when not UTF-8). */
function entryOf(bytes: Buffer, extra: Partial<InputEntry> = {}): InputEntry {
  const { text, utf8 } = decodeName(bytes);
  return utf8 ? { path: text, fsPath: text, ...extra } : { path: text, fsPath: bytes, rawPath: bytes.toString('hex'), ...extra };
}

function join(dir: Buffer, name: Buffer): Buffer {
  return dir.length === 0 || dir[dir.length - 1] === 0x2f ? Buffer.concat([dir, name]) : Buffer.concat([dir, Buffer.from('/'), name]);
}

/** What a walk needs to know besides the folder. */
interface WalkOptions {
  /** The run's output folder (resolved), never read as input. */
  outDir?: string;
  /** Files only, matched against their path relative to the walk's root (globs). */
  match?: RegExp;
  warn: (message: string) => void;
  /** Where metadata sidecars found in the folder go (they are not inputs). */
  sidecars?: string[];
}

/**
 * Walks a folder (bytes path), appending every entry: files to read, entries skipped with their
 * reason, subfolders that cannot be listed with their error. Symbolic links to files are read
 * (under the link's name); links to folders are not followed (no loops).
 */
async function walk(dir: Buffer, root: Buffer, opts: WalkOptions, out: InputEntry[]): Promise<void> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true, encoding: 'buffer' });
  } catch (e) {
    if (opts.match) return opts.warn(`${decodeName(dir).text}: cannot list this folder (${(e as Error).message})`);
    out.push(entryOf(dir, { error: `cannot list this folder: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` }));
    return;
  }
  for (const e of entries) {
    const name = e.name as unknown as Buffer;
    const full = join(dir, name);
    if (opts.match) {
      // Globs match files by pattern; everything else in the tree is not an input.
      if (name[0] === 0x2e) continue;
      if (e.isDirectory()) await walk(full, root, opts, out);
      else if (e.isFile() || e.isSymbolicLink()) {
        const rel = decodeName(full.subarray(root.length === 0 ? 0 : root.length + (root[root.length - 1] === 0x2f ? 0 : 1))).text;
        if (opts.match.test(rel)) out.push(entryOf(full));
      }
      continue;
    }
    if (name[0] === 0x2e) { out.push(entryOf(full, { skip: 'hidden' })); continue; }
    if (e.isDirectory()) {
      if (opts.outDir && (await resolved(full)) === opts.outDir) out.push(entryOf(full, { skip: 'output_folder' }));
      else await walk(full, root, opts, out);
      continue;
    }
    let isFile = e.isFile();
    if (e.isSymbolicLink()) {
      let st;
      try {
        st = await stat(full);
      } catch (err) {
        out.push(entryOf(full, { error: `broken symbolic link (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})` }));
        continue;
      }
      if (st.isDirectory()) { out.push(entryOf(full, { skip: 'symlinked_folder' })); continue; }
      isFile = st.isFile();
    }
    if (!isFile) out.push(entryOf(full, { skip: 'not_a_file' }));
    else if (opts.sidecars && name.equals(SIDECAR_NAME_BYTES)) opts.sidecars.push(decodeName(full).text);
    else if (!SUPPORTED.test(decodeName(name).text)) out.push(entryOf(full, { skip: 'unsupported_type' }));
    else out.push(entryOf(full));
  }
}

const SIDECAR_NAME_BYTES = Buffer.from(SIDECAR_NAME);

/** Input order within a folder or a glob: by path. */
const byPath = (a: InputEntry, b: InputEntry): number => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);

/** The real path of a folder, as text (to compare with the output folder's). */
async function resolved(p: string | Buffer): Promise<string> {
  try {
    return (await realpath(p, { encoding: 'buffer' })).toString('utf8');
  } catch {
    return path.resolve(typeof p === 'string' ? p : p.toString('utf8'));
  }
}

/**
 * Given a glob (`**`, `*`, `?`, `[…]`, `{a,b}`; `/` separates segments), returns a regular
 * expression matching whole relative paths written with `/`.
 */
export function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*') {
      if (glob[i + 1] === '*') {
        // `**/` matches zero or more whole segments; a bare `**` anything.
        if (glob[i + 2] === '/') { re += '(?:[^/]*(?:/|$))*'; i += 2; } else { re += '.*'; i += 1; }
      } else re += '[^/]*';
    } else if (c === '?') re += '[^/]';
    else if (c === '[') {
      const end = glob.indexOf(']', i + 1);
      if (end < 0) re += '\\[';
      else {
        const body = glob.slice(i + 1, end).replace(/^!/, '^').replace(/\\/g, '\\\\');
        re += `[${body}]`;
        i = end;
      }
    } else if (c === '{') {
      const end = glob.indexOf('}', i + 1);
      if (end < 0) re += '\\{';
      else {
        re += `(?:${glob.slice(i + 1, end).split(',').map((alt) => globToRegExp(alt).source.slice(1, -1)).join('|')})`;
        i = end;
      }
    } else re += c.replace(/[.+^$()|\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

/** Given a glob, returns the matching files (not folders), sorted by path. */
export async function expandGlob(glob: string, warn: (message: string) => void = () => undefined): Promise<InputEntry[]> {
  const parts = glob.split(/[\\/]/);
  const firstGlob = parts.findIndex((p) => GLOB_CHARS.test(p));
  const baseParts = parts.slice(0, firstGlob);
  const base = baseParts.length === 0 ? '' : baseParts.join('/') || '/';
  const out: InputEntry[] = [];
  await walk(Buffer.from(base === '' ? '.' : base), Buffer.from(base === '' ? '.' : base), { match: globToRegExp(parts.slice(firstGlob).join('/')), warn }, out);
  // Without a base folder, paths are given relative to the working directory, as typed.
  if (base === '') for (const e of out) e.path = e.path.replace(/^\.\//, ''), typeof e.fsPath === 'string' && (e.fsPath = e.path);
  return out.sort(byPath);
}

/** Options of `gatherInputs` and `collectInputs`. */
export interface CollectOptions {
  /** Told about an argument that names nothing, a folder with nothing to read, a folder a glob could not list. */
  warn?: (message: string) => void;
  /** The run's output folder: never read as input, reported as skipped when a folder holds it. */
  outDir?: string;
}

/** What the arguments of `ingest` name. */
export interface CollectedInputs {
  /** Inputs in input order: files to read, and folder entries skipped or unreadable. */
  files: InputEntry[];
  /** Metadata sidecars (`sources.csv`) found in the folders given. */
  sidecars: string[];
  /** Arguments that name nothing (no such file or folder, a glob matching nothing). */
  missing: string[];
}

/** Up to `n` names, then how many more. */
function someOf(names: readonly string[], n = 5): string {
  return names.length <= n ? names.join(', ') : `${names.slice(0, n).join(', ')} and ${names.length - n} more`;
}

/**
 * Given input arguments (strings, or bytes for an argument that is not UTF-8), returns the inputs
 * in input order, the sidecars found in folders, and the arguments that name nothing (each named
 * through `warn`). A folder whose entries are all skipped is named through `warn` with them.
 */
export async function gatherInputs(inputs: ReadonlyArray<string | Buffer>, options: CollectOptions | ((message: string) => void) = {}): Promise<CollectedInputs> {
  const opts: CollectOptions = typeof options === 'function' ? { warn: options } : options;
  const warn = opts.warn ?? (() => undefined);
  const outDir = opts.outDir !== undefined ? await resolved(opts.outDir) : undefined;
  const out: CollectedInputs = { files: [], sidecars: [], missing: [] };
  for (const input of inputs) {
    const bytes = typeof input === 'string' ? Buffer.from(input) : input;
    const shown = entryOf(bytes);
    let st;
    try {
      st = await stat(shown.fsPath);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (typeof input === 'string' && GLOB_CHARS.test(input)) {
        const matched = await expandGlob(input, warn);
        if (matched.length === 0) {
          warn(`${input}: no file matches`);
          out.missing.push(input);
        }
        out.files.push(...matched);
      } else if (code === 'ENOENT' || code === 'ENOTDIR') {
        warn(`${shown.path}: no such file or folder`);
        out.missing.push(shown.path);
      } else out.files.push(shown); // there but not examinable (EACCES, ELOOP …): reported read_failed
      continue;
    }
    if (st.isDirectory()) {
      const found: InputEntry[] = [];
      const sidecars: string[] = [];
      await walk(bytes, bytes, { warn, sidecars, ...(outDir !== undefined ? { outDir } : {}) }, found);
      out.sidecars.push(...sidecars.sort());
      found.sort(byPath);
      out.files.push(...found);
      const skipped = found.filter((e) => e.skip).map((e) => path.relative(shown.path, e.path)).sort();
      if (skipped.length && !found.some((e) => !e.skip && e.error === undefined)) {
        warn(`${shown.path}: nothing to read: ${skipped.length} file(s) skipped (only .pdf, .txt, .tsv, .text and .csv files are read, hidden ones never): ${someOf(skipped)}`);
      }
    } else if (!st.isFile()) out.files.push({ ...shown, skip: 'not_a_file' });
    else out.files.push(shown);
  }
  return out;
}

/** Given input arguments, returns the inputs in input order (see `gatherInputs`). */
export async function collectInputs(inputs: ReadonlyArray<string | Buffer>, options: CollectOptions | ((message: string) => void) = {}): Promise<InputEntry[]> {
  return (await gatherInputs(inputs, options)).files;
}

/**
 * The command line's arguments as bytes, when the system keeps them (Linux: /proc/self/cmdline):
 * Node decodes arguments as UTF-8 and loses the bytes of those that are not. Returns, for each of
 * `args`, its bytes when they differ from its UTF-8 encoding, else the string itself.
 */
export async function rawArguments(args: readonly string[]): Promise<Array<string | Buffer>> {
  if (!args.some((a) => a.includes('\ufffd'))) return [...args];
  let raw: Buffer[];
  try {
    const { readFile } = await import('node:fs/promises');
    const data = await readFile('/proc/self/cmdline');
    raw = [];
    let from = 0;
    for (let i = data.indexOf(0); i >= 0; i = data.indexOf(0, from)) {
      raw.push(data.subarray(from, i));
      from = i + 1;
    }
  } catch {
    return [...args];
  }
  const tail = raw.slice(raw.length - args.length);
  if (tail.length !== args.length) return [...args];
  return args.map((a, i) => (a.includes('\ufffd') && tail[i]!.toString('utf8') === a && !tail[i]!.equals(Buffer.from(a)) ? tail[i]! : a));
}
