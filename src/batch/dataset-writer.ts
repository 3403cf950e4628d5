/**
 * Writes the dataset one input at a time, in input order, with memory bounded by the largest
 * single input: each file's share of every output is rendered by `emitDataset` on that file
 * alone and appended. The bytes equal `emitDataset` over all results at once (a test holds
 * this); only the manifest entries are kept until the end.
 */
import path from 'node:path';
import { emitDataset, manifestOf, type EmitOptions } from '../emit/dataset.js';
import type { FileResult, ManifestEntry } from '../result.js';
import { AtomicWriter } from './atomic.js';

const CSV_FILES = ['projects.csv', 'indicators.csv', 'issues.csv'] as const;
const CRLF = Buffer.from('\r\n');

/** Streams projects.json, the CSVs and manifest.json into `outDir`; nothing is visible before `close`. */
export class DatasetWriter {
  private readonly json: AtomicWriter;
  private readonly csv = new Map<string, AtomicWriter>();
  private readonly entries: ManifestEntry[] = [];
  private records = 0;

  /** @param outDir the output folder (exists). @param opts CSV encoding. */
  constructor(private readonly outDir: string, private readonly opts: EmitOptions) {
    this.json = new AtomicWriter(path.join(outDir, 'projects.json'));
    const empty = emitDataset([], opts);
    for (const name of CSV_FILES) {
      const out = new AtomicWriter(path.join(outDir, name));
      out.write(headerOf(empty.get(name)!));
      this.csv.set(name, out);
    }
  }

  /** Appends one input's result (call in input order). */
  add(result: FileResult): void {
    this.entries.push(result.entry);
    const files = emitDataset([result], this.opts);
    // projects.json of one file is "[\n  {…},\n  {…}\n]\n" or "[]\n": keep the inside.
    if (result.records.length) {
      const one = files.get('projects.json')!;
      this.json.write(this.records === 0 ? '[\n' : ',\n');
      this.json.write(one.subarray(2, one.length - 3));
      this.records += result.records.length;
    }
    for (const name of CSV_FILES) {
      const body = bodyOf(files.get(name)!);
      if (body.length === 0) continue;
      this.csv.get(name)!.write(body);
    }
  }

  /** Finishes every file and renames them into place (manifest.json last). */
  close(): void {
    this.json.write(this.records === 0 ? '[]\n' : '\n]\n');
    this.json.commit();
    for (const c of this.csv.values()) c.commit();
    const manifest = new AtomicWriter(path.join(this.outDir, 'manifest.json'));
    manifest.write(JSON.stringify(manifestOf(this.entries.map((entry) => ({ entry, records: [], diagnostics: [] }))), null, 2) + '\n');
    manifest.commit();
  }

  /** Drops every temporary file (after an error). */
  abort(): void {
    this.json.abort();
    for (const c of this.csv.values()) c.abort();
  }
}

/** The BOM (if any) and header line of an encoded CSV, CRLF included (column names are ASCII). */
function headerOf(csv: Buffer): Buffer {
  return csv.subarray(0, csv.indexOf(CRLF) + 2);
}

/** The rows of an encoded CSV after its header; empty when it has none. */
function bodyOf(csv: Buffer): Buffer {
  const body = csv.subarray(csv.indexOf(CRLF) + 2);
  return body;
}
