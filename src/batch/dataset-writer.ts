/**
 * Writes the dataset one input at a time, in input order, one record at a time: each record's share
 * of every output (and each file's diagnostics) is rendered by `emitDataset` on that piece alone
 * and appended, so memory is bounded by the largest record, not the largest input. The bytes equal
 * `emitDataset` over all results at once (a test holds this); only the manifest entries are kept
 * until the end.
 */
import path from 'node:path';
import type { Diagnostic } from '../diagnostics.js';
import type { ProjectRecord } from '../domain/schema.js';
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
    try {
      const empty = emitDataset([], opts);
      for (const name of CSV_FILES) {
        const out = new AtomicWriter(path.join(outDir, name));
        this.csv.set(name, out);
        out.write(headerOf(empty.get(name)!));
      }
    } catch (e) {
      this.abort();
      throw e;
    }
  }

  /** Appends one input's result (call in input order). */
  add(result: FileResult): void {
    this.beginFile(result.entry, result.diagnostics);
    for (const r of result.records) this.addRecord(r);
  }

  /** Starts the next input (in input order): its manifest entry and file-level diagnostics. */
  beginFile(entry: ManifestEntry, diagnostics: readonly Diagnostic[]): void {
    this.entries.push(entry);
    if (diagnostics.length) this.append(emitDataset([{ entry, records: [], diagnostics: [...diagnostics] }], this.opts));
  }

  /** Appends one record of the current input. */
  addRecord(record: ProjectRecord): void {
    const files = emitDataset([{ entry: this.entries[this.entries.length - 1]!, records: [record], diagnostics: [] }], this.opts);
    // projects.json of one record is "[\n  {…}\n]\n": keep the inside.
    const one = files.get('projects.json')!;
    this.json.write(this.records === 0 ? '[\n' : ',\n');
    this.json.write(one.subarray(2, one.length - 3));
    this.records++;
    this.append(files);
  }

  private append(files: Map<string, Buffer>): void {
    for (const name of CSV_FILES) {
      const body = bodyOf(files.get(name)!);
      if (body.length === 0) continue;
      this.csv.get(name)!.write(body);
    }
  }

  /** Finishes every file and renames them into place (manifest.json last); on failure nothing temporary is left. */
  close(): void {
    try {
      this.json.write(this.records === 0 ? '[]\n' : '\n]\n');
      this.json.commit();
      for (const c of this.csv.values()) c.commit();
      const manifest = new AtomicWriter(path.join(this.outDir, 'manifest.json'));
      try {
        manifest.write(JSON.stringify(manifestOf(this.entries.map((entry) => ({ entry, records: [], diagnostics: [] }))), null, 2) + '\n');
        manifest.commit();
      } catch (e) {
        manifest.abort();
        throw e;
      }
    } catch (e) {
      this.abort();
      throw e;
    }
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
