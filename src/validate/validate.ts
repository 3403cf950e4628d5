/**
 * Given a draft record, returns the canonical ProjectRecord (domain/schema.ts) without its check:
 * values kept as read, parsed target/actual values added, every required cell that is missing
 * reported as `missing_cell` (and kept null: nothing is invented).
 */
import { detectTemplate, type FundColKey, type FundRowKey, type Template } from '../domain/labels.js';
import { ProjectRecord, type IndicatorRecord } from '../domain/schema.js';
import { achievementOf, parseValue } from '../domain/values.js';
import { diagnostic, type Diagnostic } from '../diagnostics.js';
import type { Draft } from '../repair/index.js';
import type { StageContext } from '../stage.js';

export type UncheckedRecord = Omit<ProjectRecord, 'check'>;

export interface SourceInfo {
  /** The input's path relative to the dataset root (the record id's prefix). */
  path: string;
  file: string;
  sha256: string;
  kind: 'pdf' | 'text';
  index: number;
}

const FUND_COLS: readonly FundColKey[] = ['initial_budget', 'full_year_budget', 'executed', 'execution_rate'];
const FUND_ROWS: readonly FundRowKey[] = ['total', 'fiscal_appropriation', 'carryover', 'other'];

function fundRow(draft: Draft, rk: FundRowKey, cols: readonly FundColKey[]): Record<string, string | null> {
  const row = draft.funds[rk] ?? {};
  const out: Record<string, string | null> = {};
  for (const c of cols) out[c] = row[c]?.value ?? null;
  return out;
}

/**
 * The id of a file's `index`-th table: `<file>#<n>`. A file name a spreadsheet would take for a
 * formula (`-x.pdf`, `=x.pdf`) is written `./-x.pdf`, so the id is the same in JSON and CSV (where
 * such a cell would otherwise be neutralised with a quote).
 */
export function recordId(file: string, index: number): string {
  return `${/^[=+\-@\t\r\uff1d\uff0b\uff0d\uff20]/.test(file) ? './' : ''}${file}#${index + 1}`;
}

/** Builds the record and reports missing required cells to `ctx`. */
export function validateDraft(draft: Draft, src: SourceInfo, ctx: StageContext): { record: UncheckedRecord; template: Template } {
  const template = detectTemplate(draft.labels);
  const missing = (field: string, what: string): void => {
    const loc = { file: ctx.file, field, ...(ctx.project !== undefined ? { project: ctx.project } : {}) };
    const p = draft.provenance[field];
    ctx.report(diagnostic('missing_cell', `${what} is empty or unreadable`, { ...loc, ...(p?.page ? { page: p.page } : {}), ...(p?.line ? { line: p.line } : {}) }));
  };
  if (!draft.project_name) missing('project_name', '项目名称');
  if (!draft.department) missing('department', '主管部门');
  if (!draft.implementing_unit) missing('implementing_unit', '实施单位');
  if (!draft.goal_expected) missing('goal_expected', '预期目标');
  if (!draft.goal_actual) missing('goal_actual', '实际完成情况');
  if (!draft.total_weight) missing('total_weight', 'total 分值');
  if (!draft.grade) missing('grade', '评分等级');
  const funds = {
    total: fundRow(draft, 'total', [...FUND_COLS, 'weight', 'score']),
    fiscal_appropriation: fundRow(draft, 'fiscal_appropriation', FUND_COLS),
    carryover: fundRow(draft, 'carryover', FUND_COLS),
    other: fundRow(draft, 'other', FUND_COLS),
  };
  for (const rk of FUND_ROWS) {
    for (const [ck, v] of Object.entries(funds[rk])) if (v === null) missing(`funds.${rk}.${ck}`, `项目资金 ${rk} ${ck}`);
  }
  const indicators: IndicatorRecord[] = draft.indicators.map((d, i) => {
    for (const f of ['level2', 'level3', 'target', 'actual', 'weight', 'score'] as const) {
      if (d[f] === null) missing(`indicators.${i}.${f}`, `indicator ${i + 1} ${f}`);
    }
    const ind: IndicatorRecord = {
      level1: d.level1,
      level2: d.level2,
      level3: d.level3,
      target: d.target,
      actual: d.actual,
      weight: d.weight,
      score: d.score,
      deviation_reason: d.deviation_reason,
      target_parsed: parseValue(d.target),
      actual_parsed: parseValue(d.actual),
      achievement: achievementOf(d.actual),
    };
    const p = draft.provenance[`indicators.${i}`];
    if (p) ind.provenance = p;
    return ind;
  });
  const source: UncheckedRecord['source'] = { path: src.path, file: src.file, sha256: src.sha256, kind: src.kind, index: src.index };
  const pages = [...new Set(draft.rows.map((r) => r.page).filter((p): p is number => p !== undefined))].sort((a, b) => a - b);
  if (pages.length) source.pages = pages;
  const lines = draft.rows.map((r) => r.line).filter((l): l is number => l !== undefined);
  if (lines.length) source.lines = [Math.min(...lines), Math.max(...lines)];
  const record: UncheckedRecord = {
    id: recordId(src.path, src.index),
    source,
    template: template.id,
    unit: template.unit,
    title: draft.title,
    project_name: draft.project_name,
    department: draft.department,
    implementing_unit: draft.implementing_unit,
    funds: funds as unknown as UncheckedRecord['funds'],
    goal_expected: draft.goal_expected,
    goal_actual: draft.goal_actual,
    indicators,
    total_weight: draft.total_weight,
    total_score: draft.total_score,
    grade: draft.grade,
    issues: [],
    repairs: [],
    provenance: draft.provenance as UncheckedRecord['provenance'],
  };
  return { record, template };
}

/** Checks a finished record against the schema; returns the zod issues as diagnostics. */
export function schemaDiagnostics(record: ProjectRecord, file: string, project: number): Diagnostic[] {
  const res = ProjectRecord.safeParse(record);
  if (res.success) return [];
  return res.error.issues.map((iss) =>
    diagnostic('schema_violation', `${iss.path.join('.')}: ${iss.message}`, { file, project, field: iss.path.join('.') }),
  );
}
