/**
 * Given the results of every input (in input order), returns the dataset files: projects.json,
 * projects.csv, indicators.csv, issues.csv and manifest.json, as bytes keyed by file name. Pure:
 * the same results give byte-identical files.
 */
import { CODES, type Diagnostic } from '../diagnostics.js';
import type { ProjectRecord } from '../domain/schema.js';
import type { FileResult } from '../result.js';
import { encodeCsv, toCsv, type CsvValue } from './csv.js';

export const TOOL_VERSION = '0.1.0';

export interface EmitOptions {
  csvEncoding: 'utf-8' | 'gb18030';
}

const FUND_ROWS = ['total', 'fiscal_appropriation', 'carryover', 'other'] as const;
const FUND_COLS = ['initial_budget', 'full_year_budget', 'executed', 'execution_rate'] as const;

export const PROJECT_COLUMNS: readonly string[] = [
  'id', 'file', 'index', 'pages', 'lines', 'template', 'unit', 'title', 'project_name', 'department', 'implementing_unit',
  ...FUND_ROWS.flatMap((r) => [...FUND_COLS.map((c) => `funds.${r}.${c}`), ...(r === 'total' ? ['funds.total.weight', 'funds.total.score'] : [])]),
  'goal_expected', 'goal_actual', 'indicators', 'total_weight', 'total_score', 'grade',
  'check.status', 'check.recomputed_execution_rate', 'check.recomputed_exec_score', 'check.recomputed_total_weight',
  'check.recomputed_total_score', 'check.recomputed_grade', 'issue_codes', 'repair_codes', 'sha256',
];

export const INDICATOR_COLUMNS: readonly string[] = [
  'project_id', 'n', 'level1', 'level2', 'level3', 'target', 'actual', 'weight', 'score', 'deviation_reason',
  'target_op', 'target_value', 'target_unit', 'actual_op', 'actual_value', 'actual_unit', 'achievement', 'page', 'line',
];

export const ISSUE_COLUMNS: readonly string[] = [
  'project_id', 'file', 'kind', 'code', 'severity', 'stage', 'message', 'page', 'line', 'field', 'actual', 'expected',
];

function projectRow(r: ProjectRecord): Record<string, CsvValue> {
  const row: Record<string, CsvValue> = {
    id: r.id, file: r.source.file, index: r.source.index,
    pages: r.source.pages?.join(' '), lines: r.source.lines?.join('-'),
    template: r.template, unit: r.unit, title: r.title, project_name: r.project_name, department: r.department,
    implementing_unit: r.implementing_unit, goal_expected: r.goal_expected, goal_actual: r.goal_actual,
    indicators: r.indicators.length, total_weight: r.total_weight, total_score: r.total_score, grade: r.grade,
    'check.status': r.check.status,
    'check.recomputed_execution_rate': r.check.recomputed_execution_rate,
    'check.recomputed_exec_score': r.check.recomputed_exec_score,
    'check.recomputed_total_weight': r.check.recomputed_total_weight,
    'check.recomputed_total_score': r.check.recomputed_total_score,
    'check.recomputed_grade': r.check.recomputed_grade,
    issue_codes: [...new Set(r.issues.map((d) => d.code))].join(';'),
    repair_codes: [...new Set(r.repairs.map((d) => d.code))].join(';'),
    sha256: r.source.sha256,
  };
  for (const rk of FUND_ROWS) {
    const f = r.funds[rk] as Record<string, string | null>;
    for (const c of [...FUND_COLS, 'weight', 'score']) if (c in f) row[`funds.${rk}.${c}`] = f[c];
  }
  return row;
}

function issueRow(d: Diagnostic | ProjectRecord['issues'][number], kind: 'issue' | 'repair', projectId: string): Record<string, CsvValue> {
  const stage = d.code in CODES ? CODES[d.code as keyof typeof CODES].stage : '';
  return {
    project_id: projectId, file: d.location.file, kind, code: d.code, severity: d.severity, stage, message: d.message,
    page: d.location.page, line: d.location.line, field: d.location.field, actual: d.actual, expected: d.expected,
  };
}

/** The manifest: one entry per input given, and totals. */
export function manifestOf(results: readonly FileResult[]): unknown {
  const count = (s: string): number => results.filter((r) => r.entry.status === s).length;
  return {
    tool: 'ziping',
    version: TOOL_VERSION,
    totals: {
      inputs: results.length,
      ok: count('ok'),
      flagged: count('flagged'),
      failed: count('failed'),
      skipped: count('skipped'),
      tables: results.reduce((a, r) => a + r.entry.tables, 0),
      flagged_tables: results.reduce((a, r) => a + r.entry.flagged_tables, 0),
      pages: results.reduce((a, r) => a + (r.entry.pages ?? 0), 0),
    },
    inputs: results.map((r) => r.entry),
  };
}

/** Renders every output file of a dataset. */
export function emitDataset(results: readonly FileResult[], opts: EmitOptions): Map<string, Buffer> {
  const records = results.flatMap((r) => r.records);
  const files = new Map<string, Buffer>();
  files.set('projects.json', Buffer.from(JSON.stringify(records, null, 2) + '\n', 'utf8'));
  files.set('projects.csv', encodeCsv(toCsv(PROJECT_COLUMNS, records.map(projectRow)), opts.csvEncoding));
  const indicators = records.flatMap((r) =>
    r.indicators.map((ind, i) => ({
      project_id: r.id, n: i + 1, level1: ind.level1, level2: ind.level2, level3: ind.level3, target: ind.target,
      actual: ind.actual, weight: ind.weight, score: ind.score, deviation_reason: ind.deviation_reason,
      target_op: ind.target_parsed?.op, target_value: ind.target_parsed?.value, target_unit: ind.target_parsed?.unit,
      actual_op: ind.actual_parsed?.op, actual_value: ind.actual_parsed?.value, actual_unit: ind.actual_parsed?.unit,
      achievement: ind.achievement, page: ind.provenance?.page, line: ind.provenance?.line,
    })),
  );
  files.set('indicators.csv', encodeCsv(toCsv(INDICATOR_COLUMNS, indicators), opts.csvEncoding));
  const issues = results.flatMap((res) => [
    ...res.diagnostics.map((d) => issueRow(d, 'issue', '')),
    ...res.records.flatMap((r) => [...r.issues.map((d) => issueRow(d, 'issue', r.id)), ...r.repairs.map((d) => issueRow(d, 'repair', r.id))]),
  ]);
  files.set('issues.csv', encodeCsv(toCsv(ISSUE_COLUMNS, issues), opts.csvEncoding));
  files.set('manifest.json', Buffer.from(JSON.stringify(manifestOf(results), null, 2) + '\n', 'utf8'));
  return files;
}
