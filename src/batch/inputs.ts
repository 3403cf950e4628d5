/**
 * Given what the user typed (files, folders, globs), returns the input paths in a fixed order:
 * each argument in turn, folder contents and glob matches sorted by path.
 */
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { SIDECAR_NAME } from './sources.js';

/** File names picked up when walking a folder; files named explicitly always count. */
export const SUPPORTED = /\.(pdf|txt|tsv|text)$/i;

const GLOB_CHARS = /[*?[{]/;

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
export async function expandGlob(glob: string): Promise<string[]> {
  const parts = glob.split(/[\\/]/);
  const firstGlob = parts.findIndex((p) => GLOB_CHARS.test(p));
  const baseParts = parts.slice(0, firstGlob);
  const base = baseParts.length === 0 ? '.' : baseParts.join('/') || '/';
  const re = globToRegExp(parts.slice(firstGlob).join('/'));
  let entries;
  try {
    entries = await readdir(base, { recursive: true, withFileTypes: true });
  } catch {
    return [];
  }
  const out: string[] = [];
  for (const e of entries) {
    if (!e.isFile()) continue;
    const full = path.join(e.parentPath ?? base, e.name);
    const rel = path.relative(base, full).split(path.sep).join('/');
    if (re.test(rel)) out.push(baseParts.length === 0 ? rel : path.join(base, rel));
  }
  return out.sort();
}

/** What the arguments of `ingest` name. */
export interface CollectedInputs {
  /** Files to process, in input order. */
  files: string[];
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
 * Given input arguments, returns the files to process in input order, the sidecars found in
 * folders, and the arguments that name nothing. A folder's files that are not read are named
 * through `warn`, and so is an argument that names nothing.
 */
export async function gatherInputs(inputs: readonly string[], warn: (message: string) => void = () => undefined): Promise<CollectedInputs> {
  const out: CollectedInputs = { files: [], sidecars: [], missing: [] };
  for (const input of inputs) {
    let st;
    try {
      st = await stat(input);
    } catch {
      if (GLOB_CHARS.test(input)) {
        const matched = await expandGlob(input);
        if (matched.length === 0) {
          warn(`${input}: no file matches`);
          out.missing.push(input);
        }
        out.files.push(...matched);
      } else {
        warn(`${input}: no such file or folder`);
        out.missing.push(input);
      }
      continue;
    }
    if (st.isDirectory()) {
      const entries = (await readdir(input, { recursive: true, withFileTypes: true })).filter((e) => e.isFile());
      const full = (e: (typeof entries)[number]): string => path.join(e.parentPath ?? input, e.name);
      out.sidecars.push(...entries.filter((e) => e.name === SIDECAR_NAME).map(full).sort());
      out.files.push(...entries.filter((e) => SUPPORTED.test(e.name) && !e.name.startsWith('.')).map(full).sort());
      const skipped = entries.filter((e) => e.name !== SIDECAR_NAME && (!SUPPORTED.test(e.name) || e.name.startsWith('.'))).map((e) => path.relative(input, full(e))).sort();
      if (skipped.length && !entries.some((e) => SUPPORTED.test(e.name) && !e.name.startsWith('.'))) warn(`${input}: nothing to read: ${skipped.length} file(s) skipped (only .pdf, .txt, .tsv and .text files are read, hidden ones never): ${someOf(skipped)}`);
    } else out.files.push(input);
  }
  return out;
}

/** Given input arguments, returns the files to process in input order (see `gatherInputs`). */
export async function collectInputs(inputs: readonly string[], warn: (message: string) => void = () => undefined): Promise<string[]> {
  return (await gatherInputs(inputs, warn)).files;
}
