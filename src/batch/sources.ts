/**
 * Metadata sidecars: a `sources.csv` (columns `path`, `url`, `published`, `department`, and
 * optionally `year`) says where each input was published, so that every record can be cited.
 * Paths in it are relative to its own folder. Found in any folder given to `ingest`, or named
 * with `--sources`. Any encoding ziping reads dumps in (UTF-8 with or without BOM, GBK…).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import Papa from 'papaparse';
import { decodeText } from '../decode/decode.js';
import { datasetPath } from './store.js';

/** File name of a metadata sidecar found in an input folder. */
export const SIDECAR_NAME = 'sources.csv';

/** What a sidecar says about one input. */
export interface SourceMeta {
  url?: string;
  published?: string;
  department?: string;
  year?: string;
}

const FIELDS = ['url', 'published', 'department', 'year'] as const;

/** Header names accepted for each column (English, or the Chinese of `--headers zh`). */
const ALIASES: Record<string, 'path' | (typeof FIELDS)[number]> = {
  path: 'path', file: 'path', 文件路径: 'path', 文件: 'path',
  url: 'url', 来源网址: 'url', 网址: 'url', 链接: 'url',
  published: 'published', 发布日期: 'published', 发布时间: 'published',
  department: 'department', 发布部门: 'department', 部门: 'department',
  year: 'year', 年度: 'year', 年份: 'year',
};

/** Reads one sidecar; returns its rows keyed by dataset path, and problems in words. */
export async function readSources(file: string, root: string): Promise<{ meta: Map<string, SourceMeta>; problems: string[] }> {
  const problems: string[] = [];
  const meta = new Map<string, SourceMeta>();
  const name = path.relative(process.cwd(), file) || file;
  let text: string;
  try {
    text = decodeText(new Uint8Array(await readFile(file)), name).text;
  } catch (e) {
    return { meta, problems: [`${name}: cannot be read (${(e as Error).message}); its metadata is not used`] };
  }
  const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: 'greedy', transformHeader: (h) => ALIASES[h.trim().toLowerCase()] ?? ALIASES[h.trim()] ?? h.trim() });
  if (!parsed.meta.fields?.includes('path')) {
    return { meta, problems: [`${name}: no path column (expected path, url, published, department); its metadata is not used`] };
  }
  parsed.data.forEach((row, i) => {
    const p = row.path?.trim();
    if (!p) return void problems.push(`${name}, row ${i + 2}: empty path; row ignored`);
    const m: SourceMeta = {};
    for (const f of FIELDS) {
      const v = row[f]?.trim();
      if (v) m[f] = v;
    }
    meta.set(datasetPath(root, path.resolve(path.dirname(file), p)), m);
  });
  return { meta, problems };
}
