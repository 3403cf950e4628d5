/**
 * Writes the dataset one input at a time, in dataset order, one record at a time: each record's
 * share of every output (and each input's file-level diagnostics and manifest entry) is rendered by
 * `DatasetRenderer` and appended, so memory is bounded by the largest record, not the largest
 * input (plus a summary of each flagged table for the report). Nothing is visible before `close`,
 * which puts every file in place (manifest.json last); the bytes of projects.json, the CSVs and the
 * manifest equal `emitDataset` over all results at once (a test holds this).
 */
import { rename, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic } from '../diagnostics.js';
import type { ProjectRecord } from '../domain/schema.js';
import { CSV_FILES, DatasetRenderer, isFlagged, recordsJson, type DatasetTotals, type EmitOptions, type RenderedInput } from '../emit/dataset.js';
import { dataPackage } from '../emit/datapackage.js';
import { XlsxWriter } from '../emit/xlsx.js';
import { ReportCollector } from '../report/report.js';
import type { Crop, FileResult, ManifestEntry } from '../result.js';
import { AtomicWriter, tempPathFor } from './atomic.js';
import type { SourceMeta } from './sources.js';

export type { DatasetTotals };

/** How the dataset is written. */
export interface WriterOptions extends EmitOptions {
  /** Write ziping.xlsx (default true). */
  xlsx?: boolean;
  /** Write report.html (default true). */
  report?: boolean;
}

/** The files a dataset consists of (besides the CSV tables). */
export const OUTPUT_FILES = ['projects.json', 'projects.csv', 'indicators.csv', 'issues.csv', 'inputs.csv', 'manifest.json', 'datapackage.json', 'ziping.xlsx', 'report.html'] as const;

/** Streams every output of the dataset into `outDir`. */
export class DatasetWriter {
  private readonly renderer: DatasetRenderer;
  private readonly json: AtomicWriter;
  private readonly csv = new Map<string, AtomicWriter>();
  private readonly xlsx?: { writer: XlsxWriter; tmp: string };
  private readonly report?: ReportCollector;
  private records = 0;
  /** The crops of the input being written, and the folder they are in. */
  private current?: { crops: readonly Crop[]; cacheDir?: string };

  /** @param outDir the output folder (exists). */
  constructor(private readonly outDir: string, private readonly opts: WriterOptions) {
    this.renderer = new DatasetRenderer(opts);
    this.json = new AtomicWriter(path.join(outDir, 'projects.json'));
    try {
      for (const name of CSV_FILES) {
        const out = new AtomicWriter(path.join(outDir, name));
        this.csv.set(name, out);
        out.write(this.renderer.header(name));
      }
      if (opts.xlsx !== false) {
        const tmp = tempPathFor(path.join(outDir, 'ziping.xlsx'));
        this.xlsx = { writer: new XlsxWriter(tmp, opts.headers ?? 'en'), tmp };
      }
    } catch (e) {
      void this.abort();
      throw e;
    }
    if (opts.report !== false) this.report = new ReportCollector();
  }

  /**
   * Appends one input's result (call in dataset order). `cacheDir`: the folder its crops are in.
   */
  add(result: FileResult, meta?: SourceMeta, cacheDir?: string): void {
    this.beginFile(result.entry, result.diagnostics, meta, result.crops ?? [], cacheDir);
    for (const r of result.records) this.addRecord(r);
    this.endFile();
  }

  /**
   * Starts the next input (in dataset order): its file-level diagnostics. Its records follow with
   * `addRecord`, then `endFile`. `crops` and `cacheDir`: its page crops and the folder they are in.
   */
  beginFile(entry: ManifestEntry, diagnostics: readonly Diagnostic[], meta?: SourceMeta, crops: readonly Crop[] = [], cacheDir?: string): void {
    this.current = { crops, ...(cacheDir !== undefined ? { cacheDir } : {}) };
    this.append(this.renderer.begin(entry, diagnostics, meta));
  }

  /** Appends one record of the current input. */
  addRecord(record: ProjectRecord): void {
    const part = this.renderer.record(record);
    this.append(part);
    this.report?.addRecords(part.records, this.current?.crops ?? [], this.current?.cacheDir);
  }

  /** Ends the current input (its manifest entry and row of inputs.csv). */
  endFile(): void {
    const part = this.renderer.end();
    this.append(part);
    this.report?.addInput(part.entry);
    this.current = undefined;
  }

  private append(part: RenderedInput): void {
    if (part.json.length) {
      this.json.write(this.records === 0 ? '[\n' : ',\n');
      this.json.write(recordsJson(part.json));
      this.records += part.json.length;
    }
    for (const name of CSV_FILES) {
      const rows = part.rows[name];
      if (rows.length) this.csv.get(name)!.write(this.renderer.body(name, rows));
    }
    if (this.xlsx) {
      const flagged = new Set(part.records.filter(isFlagged).map((r) => r.id));
      const ofFlagged = (key: string) => (row: Record<string, unknown>) => flagged.has(String(row[key]));
      if (part.rows['projects.csv'].length) this.xlsx.writer.add('projects.csv', part.rows['projects.csv'], ofFlagged('id'));
      if (part.rows['indicators.csv'].length) this.xlsx.writer.add('indicators.csv', part.rows['indicators.csv'], ofFlagged('project_id'));
      if (part.rows['issues.csv'].length) this.xlsx.writer.add('issues.csv', part.rows['issues.csv'], (row) => row.kind === 'issue' && flagged.has(String(row.project_id)));
      if (part.rows['inputs.csv'].length) this.xlsx.writer.add('inputs.csv', part.rows['inputs.csv'], (row) => row.status === 'flagged' || row.status === 'failed');
    }
  }

  /**
   * Finishes every file and renames them into place (manifest.json last); returns the totals. On
   * failure (a full disk) nothing temporary is left.
   */
  async close(): Promise<DatasetTotals> {
    const pkg = new AtomicWriter(path.join(this.outDir, 'datapackage.json'));
    let html: AtomicWriter | undefined;
    const manifest = new AtomicWriter(path.join(this.outDir, 'manifest.json'));
    try {
      this.json.write(this.records === 0 ? '[]\n' : '\n]\n');
      pkg.write(JSON.stringify(dataPackage(this.opts), null, 2) + '\n');
      if (this.report) {
        html = new AtomicWriter(path.join(this.outDir, 'report.html'));
        html.write(await this.report.html(this.renderer.totals));
      }
      manifest.write(this.renderer.manifest());
      if (this.xlsx) await this.xlsx.writer.commit();
      this.json.commit();
      for (const c of this.csv.values()) c.commit();
      pkg.commit();
      html?.commit();
      if (this.xlsx) await rename(this.xlsx.tmp, path.join(this.outDir, 'ziping.xlsx'));
      // A report of an earlier dataset would now be wrong.
      if (!this.report) await rm(path.join(this.outDir, 'report.html'), { force: true });
      manifest.commit();
    } catch (e) {
      pkg.abort();
      html?.abort();
      manifest.abort();
      await this.abort();
      throw e;
    }
    return this.renderer.totals;
  }

  /** Drops every temporary file (after an error, or a run that wrote nothing). */
  async abort(): Promise<void> {
    this.json.abort();
    for (const c of this.csv.values()) c.abort();
    if (this.xlsx) {
      // Close the workbook's stream first, or it may write its file after the removal.
      await this.xlsx.writer.commit().catch(() => undefined);
      await rm(this.xlsx.tmp, { force: true });
    }
  }
}
