#!/usr/bin/env node
/** Command line: argv → options → pipeline. The only place that sets exit codes. */
import { mkdir, readdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { emitDataset } from './emit/dataset.js';
import { processFile } from './pipeline.js';
import type { FileResult } from './result.js';
import { Settings } from './settings.js';

const SUPPORTED = /\.(pdf|txt|tsv|text)$/i;

async function collect(inputs: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  for (const input of inputs) {
    let st;
    try {
      st = await stat(input);
    } catch {
      out.push(input); // reported as read_failed
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

async function ingest(args: string[]): Promise<number> {
  const inputs: string[] = [];
  let outDir = 'out';
  const raw: Record<string, unknown> = {};
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--out' || a === '-o') outDir = args[++i]!;
    else if (a === '--encoding') raw.csvEncoding = args[++i];
    else if (a === '--input-encoding') raw.encoding = args[++i];
    else if (a.startsWith('-')) throw new Error(`unknown option ${a}`);
    else inputs.push(a);
  }
  if (inputs.length === 0) throw new Error('usage: ziping ingest <file or folder>... --out <dir>');
  const settings = Settings.parse(raw);
  const files = await collect(inputs);
  const results: FileResult[] = [];
  for (const f of files) {
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await readFile(f));
    } catch (e) {
      results.push({
        entry: { file: path.basename(f), path: f, sha256: '', bytes: 0, kind: 'unknown', status: 'failed', error: { code: 'read_failed', message: `${f}: ${(e as Error).message}` }, tables: 0, flagged_tables: 0, duration_ms: 0 },
        records: [],
        diagnostics: [],
      });
      continue;
    }
    const r = await processFile({ path: f, bytes }, settings);
    results.push(r);
    const e = r.entry;
    process.stderr.write(`${e.status.padEnd(7)} ${f}: ${e.tables} table(s)${e.flagged_tables ? `, ${e.flagged_tables} flagged` : ''}${e.error ? ` — ${e.error.message}` : ''}\n`);
  }
  await mkdir(outDir, { recursive: true });
  for (const [name, data] of emitDataset(results, { csvEncoding: settings.csvEncoding })) {
    const tmp = path.join(outDir, `.${name}.tmp`);
    await writeFile(tmp, data);
    await rename(tmp, path.join(outDir, name));
  }
  const ok = results.filter((r) => r.entry.status !== 'failed').length;
  process.stderr.write(`${results.length} input(s): ${ok} processed, ${results.length - ok} failed → ${outDir}/\n`);
  return ok > 0 ? 0 : 1;
}

async function main(argv: string[]): Promise<number> {
  const [cmd, ...rest] = argv;
  if (cmd === 'ingest') return ingest(rest);
  process.stderr.write('usage: ziping ingest <file or folder>... --out <dir>\n');
  return 2;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stderr.write(`ziping: ${(e as Error).message ?? String(e)}\n`);
    process.exit(2);
  },
);
