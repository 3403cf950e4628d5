/**
 * Writes the dataset one input at a time, in dataset order, with memory bounded by the largest
 * single input (plus a summary of each flagged table for the report): each input's share of every
 * output is rendered by `DatasetRenderer` and appended. Nothing is visible before `close`, which
 * puts every file in place (manifest.json last); the bytes of projects.json, the CSVs and the
 * manifest equal `emitDataset` over all results at once (a test holds this).
 */
import { rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { CSV_FILES, DatasetRenderer, isFlagged, recordsJson, type DatasetTotals, type EmitOptions } from '../emit/dataset.js';
import { dataPackage } from '../emit/datapackage.js';
import { XlsxWriter } from '../emit/xlsx.js';
import { ReportCollector } from '../report/report.js';
import type { FileResult } from '../result.js';
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

  /** @param outDir the output folder (exists). */
  constructor(private readonly outDir: string, private readonly opts: WriterOptions) {
    this.renderer = new DatasetRenderer(opts);
    this.json = new AtomicWriter(path.join(outDir, 'projects.json'));
    for (const name of CSV_FILES) {
      const out = new AtomicWriter(path.join(outDir, name));
      out.write(this.renderer.header(name));
      this.csv.set(name, out);
    }
    if (opts.xlsx !== false) {
      const tmp = tempPathFor(path.join(outDir, 'ziping.xlsx'));
      this.xlsx = { writer: new XlsxWriter(tmp, opts.headers ?? 'en'), tmp };
    }
    if (opts.report !== false) this.report = new ReportCollector();
  }

  /**
   * Appends one input's result (call in dataset order). `cacheDir`: the folder its crops are in.
   */
  add(result: FileResult, meta?: SourceMeta, cacheDir?: string): void {
    const part = this.renderer.add(result, meta);
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
      this.xlsx.writer.add('projects.csv', part.rows['projects.csv'], ofFlagged('id'));
      this.xlsx.writer.add('indicators.csv', part.rows['indicators.csv'], ofFlagged('project_id'));
      this.xlsx.writer.add('issues.csv', part.rows['issues.csv'], (row) => row.kind === 'issue' && flagged.has(String(row.project_id)));
      this.xlsx.writer.add('inputs.csv', part.rows['inputs.csv'], (row) => row.status === 'flagged' || row.status === 'failed');
    }
    this.report?.add(part, result.crops ?? [], cacheDir);
  }

  /** Finishes every file and renames them into place (manifest.json last); returns the totals. */
  async close(): Promise<DatasetTotals> {
    this.json.write(this.records === 0 ? '[]\n' : '\n]\n');
    const pkg = new AtomicWriter(path.join(this.outDir, 'datapackage.json'));
    pkg.write(JSON.stringify(dataPackage(this.opts), null, 2) + '\n');
    let html: AtomicWriter | undefined;
    if (this.report) {
      html = new AtomicWriter(path.join(this.outDir, 'report.html'));
      html.write(await this.report.html(this.renderer.totals));
    }
    if (this.xlsx) await this.xlsx.writer.commit();
    this.json.commit();
    for (const c of this.csv.values()) c.commit();
    pkg.commit();
    html?.commit();
    if (this.xlsx) await rename(this.xlsx.tmp, path.join(this.outDir, 'ziping.xlsx'));
    // A report of an earlier dataset would now be wrong.
    if (!this.report) await rm(path.join(this.outDir, 'report.html'), { force: true });
    const manifest = new AtomicWriter(path.join(this.outDir, 'manifest.json'));
    manifest.write(this.renderer.manifest());
    manifest.commit();
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
