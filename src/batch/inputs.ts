/**
 * Given what the user typed (files, folders, globs), returns the input paths in a fixed order:
 * each argument in turn, folder contents and glob matches sorted by path.
 */
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';

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

/**
 * Given input arguments, returns the files to process in input order. A missing path is kept
 * (it is reported as `read_failed`); a glob matching nothing is reported through `warn`.
 */
export async function collectInputs(inputs: readonly string[], warn: (message: string) => void = () => undefined): Promise<string[]> {
  const out: string[] = [];
  for (const input of inputs) {
    let st;
    try {
      st = await stat(input);
    } catch {
      if (GLOB_CHARS.test(input)) {
        const matched = await expandGlob(input);
        if (matched.length === 0) warn(`${input}: no file matches`);
        out.push(...matched);
      } else out.push(input);
      continue;
    }
    if (st.isDirectory()) {
      const entries = (await readdir(input, { recursive: true, withFileTypes: true }))
        .filter((e) => e.isFile() && SUPPORTED.test(e.name) && !e.name.startsWith('.'))
        .map((e) => path.join(e.parentPath ?? input, e.name))
        .sort();
      out.push(...entries);
    } else out.push(input);
  }
  return out;
}
