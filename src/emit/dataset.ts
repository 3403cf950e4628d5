/**
 * Given the results of every input (in dataset order), renders the dataset: projects.json, the
 * CSV tables (projects, indicators, issues, inputs) and manifest.json. `DatasetRenderer` takes one
 * input at a time (the streaming writer appends what it returns); `emitDataset` renders all at
 * once. Pure: the same results give byte-identical files.
 *
 * Two inputs may hold the same table (a PDF and its text dump, one dump in two encodings): the
 * later copy is left out of the tables, listed in the manifest and issues.csv as a duplicate of
 * the kept one, and not counted twice. An input's rows are made one record at a time (`begin`,
 * `record`, `end`), so that a file of any size streams through.
 */
import { createHash } from 'node:crypto';
import { Decimal } from 'decimal.js';
import { CODES, diagnostic, type Diagnostic } from '../diagnostics.js';
import { AMOUNT_COLS, FUND_ROW_NAMES, INDICATOR_COLUMNS, INPUT_COLUMNS, ISSUE_COLUMNS, PROJECT_COLUMNS, TABLES, WAN_SUFFIX, type HeaderLanguage, type TableFile } from '../domain/columns.js';
import type { ProjectRecord } from '../domain/schema.js';
import type { FileResult, ManifestEntry } from '../result.js';
import type { SourceMeta } from '../batch/sources.js';
import { csvHeader, csvRows, encodeCsv, type CsvValue } from './csv.js';
import { TOOL_VERSION } from '../version.js';

export { TOOL_VERSION };

export interface EmitOptions {
  csvEncoding: 'utf-8' | 'gb18030';
  /** Header line of the CSV (and xlsx) tables: English keys (default) or Chinese. */
  headers?: HeaderLanguage;
  /** Prefix formula-looking text cells with ' (default true; `--csv-guard off`). */
  csvGuard?: boolean;
}

/** CSV tables in the order they are written. */
export const CSV_FILES: readonly TableFile[] = Object.keys(TABLES) as TableFile[];

export type Row = Record<string, CsvValue>;

const FUND_ROWS = Object.keys(FUND_ROW_NAMES) as (keyof typeof FUND_ROW_NAMES)[];
const FUND_COLS = ['initial_budget', 'full_year_budget', 'executed', 'execution_rate', 'weight', 'score', 'deviation_reason'] as const;
const WanDecimal = Decimal.clone({ precision: 60 });

/** Given a printed amount and its unit, returns it in 万元, exactly (元 ÷ 10000), as a plain decimal. */
export function toWan(value: string | null | undefined, unit: ProjectRecord['unit']): string | null {
  if (value === null || value === undefined) return null;
  if (unit === '万元') return value;
  return new WanDecimal(value).div(10000).toFixed();
}

/** Whether a table needs review: a figure does not add up, or an error-level problem. */
export function isFlagged(r: ProjectRecord): boolean {
  return r.check.status !== 'ok' || r.issues.some((d) => d.severity === 'error');
}

/** One row of projects.csv. */
export function projectRow(r: ProjectRecord): Row {
  const row: Row = {
    id: r.id, path: r.source.path, file: r.source.file, index: r.source.index,
    pages: r.source.pages?.join(' '), lines: r.source.lines?.join('-'),
    template: r.template, unit: r.unit, title: r.title, year: r.year, project_name: r.project_name, department: r.department,
    implementing_unit: r.implementing_unit, goal_expected: r.goal_expected, goal_actual: r.goal_actual,
    implementation_summary: r.implementation_summary,
    indicators: r.indicators.length, total_weight: r.total_weight, total_score: r.total_score, grade: r.grade,
    grade_source: r.grade_source, evaluation_conclusion: r.evaluation_conclusion, problems: r.problems, improvements: r.improvements,
    'check.status': r.check.status,
    'check.recomputed_execution_rate': r.check.recomputed_execution_rate,
    'check.recomputed_exec_score': r.check.recomputed_exec_score,
    'check.recomputed_total_weight': r.check.recomputed_total_weight,
    'check.recomputed_total_score': r.check.recomputed_total_score,
    'check.recomputed_grade': r.check.recomputed_grade,
    issue_codes: [...new Set(r.issues.map((d) => d.code))].join(';'),
    repair_codes: [...new Set(r.repairs.map((d) => d.code))].join(';'),
    sha256: r.source.sha256,
    source_url: r.source.url, source_published: r.source.published, source_department: r.source.department, source_year: r.source.year,
  };
  for (const rk of FUND_ROWS) {
    // A row the form does not have is null: its columns stay empty.
    const f = (r.funds[rk] ?? {}) as Record<string, string | null>;
    for (const c of FUND_COLS) {
      if (!(c in f)) continue;
      row[`funds.${rk}.${c}`] = f[c];
      if ((AMOUNT_COLS as readonly string[]).includes(c)) row[`funds.${rk}.${c}${WAN_SUFFIX}`] = toWan(f[c], r.unit);
    }
  }
  return row;
}

/** The rows of indicators.csv of one table. */
export function indicatorRows(r: ProjectRecord): Row[] {
  return r.indicators.map((ind, i) => ({
    project_id: r.id, n: i + 1, path: r.source.path, level1: ind.level1, level2: ind.level2, level3: ind.level3, target: ind.target,
    actual: ind.actual, weight: ind.weight, score: ind.score, deviation_reason: ind.deviation_reason, target_nature: ind.target_nature,
    target_op: ind.target_parsed?.op, target_value: ind.target_parsed?.value, target_unit: ind.target_parsed?.unit,
    actual_op: ind.actual_parsed?.op, actual_value: ind.actual_parsed?.value, actual_unit: ind.actual_parsed?.unit,
    achievement: ind.achievement, page: ind.provenance?.page, line: ind.provenance?.line,
  }));
}

/** One row of issues.csv. */
export function issueRow(d: Diagnostic | ProjectRecord['issues'][number], kind: 'issue' | 'repair', projectId: string, entry: ManifestEntry): Row {
  const stage = d.code in CODES ? CODES[d.code as keyof typeof CODES].stage : '';
  return {
    project_id: projectId, path: entry.path, file: entry.file, kind, code: d.code, severity: d.severity, stage, message: d.message,
    page: d.location.page, line: d.location.line, field: d.location.field, actual: d.actual, expected: d.expected,
  };
}

/** One row of inputs.csv. */
export function inputRow(e: ManifestEntry): Row {
  return {
    path: e.path, file: e.file, sha256: e.sha256, bytes: e.bytes, kind: e.kind, status: e.status, error_code: e.error?.code, error: e.error?.message,
    duplicate_of: e.duplicate_of, encoding: e.encoding, pages: e.pages, tables: e.tables, flagged_tables: e.flagged_tables,
    duplicate_tables: e.duplicate_tables?.length ?? 0, url: e.source?.url, published: e.source?.published, department: e.source?.department, year: e.source?.year,
  };
}

/** What identifies a table whatever file it came from: project, department and every figure. */
export function tableSignature(r: ProjectRecord): string | undefined {
  if (!r.project_name) return undefined;
  const squeeze = (s: string | null): string => (s ?? '').replace(/\s+/g, '');
  const parts = {
    p: squeeze(r.project_name), d: squeeze(r.department), u: r.unit, f: r.funds,
    i: r.indicators.map((i) => [squeeze(i.level3), squeeze(i.target), squeeze(i.actual), i.weight, i.score]),
    t: [r.total_weight, r.total_score, r.grade],
  };
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex');
}

/** What one input adds to each output. */
export interface RenderedInput {
  /** The kept records (duplicates of earlier tables left out). */
  records: ProjectRecord[];
  /**
   * Every record, in file order, for projects.json: a duplicate stays there with `duplicate_of`
   * naming the table it repeats (so each input's tables can be traced), while the CSVs, the
   * workbook, the report and the totals count it once.
   */
  json: ProjectRecord[];
  /** Rows of each CSV table. */
  rows: Record<TableFile, Row[]>;
  /** The manifest entry, with its metadata and duplicate tables. */
  entry: ManifestEntry;
}

/** Totals of a dataset. */
export interface DatasetTotals {
  inputs: number;
  ok: number;
  flagged: number;
  failed: number;
  skipped: number;
  /** Tables in the dataset (duplicates left out). */
  tables: number;
  flagged_tables: number;
  /** Tables left out as copies of an earlier one. */
  duplicate_tables: number;
  pages: number;
}

/** Renders a dataset one input at a time, in dataset order. */
export class DatasetRenderer {
  private readonly seen = new Map<string, string>();
  private readonly entries: ManifestEntry[] = [];
  readonly totals: DatasetTotals = { inputs: 0, ok: 0, flagged: 0, failed: 0, skipped: 0, tables: 0, flagged_tables: 0, duplicate_tables: 0, pages: 0 };
  /** The input being rendered (between `begin` and `end`). */
  private current?: { entry: ManifestEntry; meta?: SourceMeta; duplicates: NonNullable<ManifestEntry['duplicate_tables']> };

  constructor(readonly opts: EmitOptions) {}

  /** Given one input's result and its metadata, returns what it adds; metadata is set on its records. */
  add(result: FileResult, meta?: SourceMeta): RenderedInput {
    const parts = [this.begin(result.entry, result.diagnostics, meta), ...result.records.map((r) => this.record(r)), this.end()];
    const rows = (name: TableFile): Row[] => parts.flatMap((p) => p.rows[name]);
    return {
      records: parts.flatMap((p) => p.records),
      json: parts.flatMap((p) => p.json),
      entry: parts[parts.length - 1]!.entry,
      rows: { 'projects.csv': rows('projects.csv'), 'indicators.csv': rows('indicators.csv'), 'issues.csv': rows('issues.csv'), 'inputs.csv': rows('inputs.csv') },
    };
  }

  /**
   * Starts one input (the streaming writer then gives its records one at a time to `record`, and
   * calls `end`): returns the rows of its file-level diagnostics.
   */
  begin(resultEntry: ManifestEntry, diagnostics: readonly Diagnostic[], meta?: SourceMeta): RenderedInput {
    const entry: ManifestEntry = { ...resultEntry };
    if (meta && Object.keys(meta).length) entry.source = meta;
    this.current = { entry, ...(meta && Object.keys(meta).length ? { meta } : {}), duplicates: [] };
    return this.part(entry, [], [], diagnostics.map((d) => issueRow(d, 'issue', '', entry)));
  }

  /** One record of the current input: its share of each output (a copy of an earlier table is left out of the tables, and said so). */
  record(r: ProjectRecord): RenderedInput {
    const { entry, meta, duplicates } = this.current!;
    const rec: ProjectRecord = meta ? { ...r, source: { ...r.source, ...meta } } : r;
    const sig = tableSignature(rec);
    const first = sig === undefined ? undefined : this.seen.get(sig);
    if (first !== undefined) {
      duplicates.push({ id: rec.id, duplicate_of: first });
      this.totals.duplicate_tables++;
      const note = diagnostic('duplicate_table', `table ${rec.source.index + 1} (${rec.project_name}) is the same table as ${first} (project, department and every figure): counted once, as that one`, { file: entry.path, ...(rec.source.pages ? { page: rec.source.pages[0]! } : {}), ...(rec.source.lines ? { line: rec.source.lines[0] } : {}) }, { actual: rec.id, expected: first });
      return this.part(entry, [], [{ ...rec, duplicate_of: first }], [issueRow(note, 'issue', '', entry)]);
    }
    if (sig !== undefined) this.seen.set(sig, rec.id);
    this.totals.tables++;
    if (isFlagged(rec)) this.totals.flagged_tables++;
    const part = this.part(entry, [rec], [rec], [...rec.issues.map((d) => issueRow(d, 'issue', rec.id, entry)), ...rec.repairs.map((d) => issueRow(d, 'repair', rec.id, entry))]);
    part.rows['projects.csv'] = [projectRow(rec)];
    part.rows['indicators.csv'] = indicatorRows(rec);
    return part;
  }

  /** Ends the current input: its manifest entry (with its duplicate tables) and its row of inputs.csv. */
  end(): RenderedInput {
    const { entry, duplicates } = this.current!;
    this.current = undefined;
    if (duplicates.length) entry.duplicate_tables = duplicates;
    this.entries.push(entry);
    const t = this.totals;
    t.inputs++;
    t[entry.status]++;
    t.pages += entry.pages ?? 0;
    const part = this.part(entry, [], [], []);
    part.rows['inputs.csv'] = [inputRow(entry)];
    return part;
  }

  private part(entry: ManifestEntry, records: ProjectRecord[], json: ProjectRecord[], issues: Row[]): RenderedInput {
    return { records, json, entry, rows: { 'projects.csv': [], 'indicators.csv': [], 'issues.csv': issues, 'inputs.csv': [] } };
  }

  /** The header line of a CSV table, encoded. */
  header(name: TableFile): Buffer {
    return encodeCsv(csvHeader(TABLES[name], this.opts.headers ?? 'en'), this.opts.csvEncoding, true);
  }

  /** Rows of a CSV table, encoded (no header). */
  body(name: TableFile, rows: readonly Row[]): Buffer {
    return encodeCsv(csvRows(TABLES[name], rows, this.opts.csvGuard ?? true), this.opts.csvEncoding, false);
  }

  /** manifest.json: the tool, the totals and one entry per input, in dataset order. */
  manifest(): string {
    return JSON.stringify({ tool: 'ziping', version: TOOL_VERSION, totals: this.totals, inputs: this.entries }, null, 2) + '\n';
  }
}

/** Records as the inside of projects.json's array (each indented as in the whole file), or ''. */
export function recordsJson(records: readonly ProjectRecord[]): string {
  if (!records.length) return '';
  const whole = JSON.stringify(records, null, 2);
  return whole.slice(2, whole.length - 2);
}

/** Renders every output file of a dataset (all inputs at once) as bytes by file name. */
export function emitDataset(results: readonly FileResult[], opts: EmitOptions, metas: readonly (SourceMeta | undefined)[] = []): Map<string, Buffer> {
  const r = new DatasetRenderer(opts);
  const parts = results.map((res, i) => r.add(res, metas[i]));
  const files = new Map<string, Buffer>();
  const inside = parts.map((p) => recordsJson(p.json)).filter(Boolean);
  files.set('projects.json', Buffer.from(inside.length ? `[\n${inside.join(',\n')}\n]\n` : '[]\n', 'utf8'));
  for (const name of CSV_FILES) files.set(name, Buffer.concat([r.header(name), ...parts.map((p) => r.body(name, p.rows[name]))]));
  files.set('manifest.json', Buffer.from(r.manifest(), 'utf8'));
  return files;
}

/** Column names of the CSV tables (English keys), for tests and tools. */
export const COLUMN_KEYS = {
  projects: PROJECT_COLUMNS.map((c) => c.key),
  indicators: INDICATOR_COLUMNS.map((c) => c.key),
  issues: ISSUE_COLUMNS.map((c) => c.key),
  inputs: INPUT_COLUMNS.map((c) => c.key),
};
