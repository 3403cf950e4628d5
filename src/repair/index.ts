/**
 * Given one project block (rows of one table), returns a draft record: every field read from its
 * section, with the repairs that made it readable reported to the context. Sections are found by
 * their labels (domain/labels.ts); each section is read by its own module.
 */
import { fieldOf, fundColOf, fundRowOf, labelKey, type FundColKey, type FundRowKey } from '../domain/labels.js';
import { report, type StageContext } from '../stage.js';
import type { ProjectBlock } from '../segment/segment.js';
import type { Cell, Provenance, Row } from '../types.js';
import { readFunds, type FundsRead } from './funds.js';
import { readGoals } from './goals.js';
import { readHeaderFields } from './header-fields.js';
import { isIndicatorHeader, readIndicatorRows, type IndicatorRow } from './indicator-rows.js';
import { assignLevels } from './label-groups.js';

export interface DraftIndicator extends Pick<IndicatorRow, 'level3' | 'target' | 'actual' | 'weight' | 'score' | 'deviation_reason'> {
  level1: string | null;
  level2: string | null;
  source: IndicatorRow;
}

export interface Draft {
  title: string | null;
  project_name: string | null;
  department: string | null;
  implementing_unit: string | null;
  funds: FundsRead;
  goal_expected: string | null;
  goal_actual: string | null;
  indicators: DraftIndicator[];
  total_weight: string | null;
  total_score: string | null;
  grade: string | null;
  /** Every label-like text seen, normalised (for template detection). */
  labels: Set<string>;
  /** Which sections were found. */
  sections: { funds: boolean; goals: boolean; indicators: boolean; total: boolean; grade: boolean };
  provenance: Record<string, Provenance>;
  rows: Row[];
}

function where(file: string, row: Row, cell?: Cell): Provenance {
  const p: Provenance = { file };
  const page = cell?.page ?? row.page;
  if (page !== undefined) p.page = page;
  if (row.line !== undefined) p.line = row.line;
  const bbox = cell?.bbox ?? row.bbox;
  if (bbox !== undefined) p.bbox = bbox;
  if (cell?.raw !== undefined) p.raw = cell.raw;
  return p;
}

function isFundsHeader(row: Row): boolean {
  const cols = row.cells.filter((c) => fundColOf(c.text) !== undefined).length;
  return cols >= 3 || row.cells.some((c) => fieldOf(c.text) === 'funds_header');
}
function isGoalHeader(row: Row): boolean {
  return row.cells.some((c) => {
    const f = fieldOf(c.text);
    return f === 'goal_expected' || f === 'goal_actual';
  });
}
function isGradeRow(row: Row): boolean {
  return row.cells.some((c) => fieldOf(c.text) === 'grade' || /^评分等级[：:]/.test(c.text));
}

type ScalarField = 'project_name' | 'department' | 'implementing_unit' | 'goal_expected' | 'goal_actual' | 'total_weight' | 'total_score' | 'grade';

/** Reads a table block into a draft record. */
export function readBlock(block: ProjectBlock, ctx: StageContext): Draft {
  const rows = block.rows;
  const find = (pred: (r: Row) => boolean, from = 0): number => {
    for (let i = from; i < rows.length; i++) if (pred(rows[i]!)) return i;
    return -1;
  };
  const fundsAt = find(isFundsHeader);
  const goalsAt = find(isGoalHeader, Math.max(fundsAt, 0));
  const indAt = find(isIndicatorHeader, Math.max(goalsAt, fundsAt, 0));
  const gradeAt = find(isGradeRow, Math.max(indAt, 0));
  const firstSection = [fundsAt, goalsAt, indAt].filter((i) => i >= 0);
  const headerEnd = firstSection.length ? Math.min(...firstSection) : rows.length;

  const draft: Draft = {
    title: block.title,
    project_name: null,
    department: null,
    implementing_unit: null,
    funds: {},
    goal_expected: null,
    goal_actual: null,
    indicators: [],
    total_weight: null,
    total_score: null,
    grade: null,
    labels: new Set(),
    sections: { funds: fundsAt >= 0, goals: goalsAt >= 0, indicators: indAt >= 0, total: false, grade: gradeAt >= 0 },
    provenance: {},
    rows,
  };
  for (const r of rows) for (const c of r.cells) if (c.text.length <= 20 && c.text !== '') draft.labels.add(labelKey(c.text));
  /** Sets a scalar field with where it was read. */
  const set = (key: ScalarField, found: { value: string | null; row: Row; cell?: Cell } | null | undefined): void => {
    if (!found) return;
    draft[key] = found.value;
    draft.provenance[key] = where(ctx.file, found.row, found.cell);
  };

  // Header fields.
  const header = readHeaderFields(rows.slice(0, headerEnd), ctx);
  for (const key of ['project_name', 'department', 'implementing_unit'] as const) set(key, header[key]);

  // Funds.
  let separators = 0;
  if (fundsAt >= 0) {
    const end = [goalsAt, indAt, gradeAt].find((i) => i > fundsAt) ?? rows.length;
    const res = readFunds(rows[fundsAt]!, rows.slice(fundsAt + 1, end), ctx);
    draft.funds = res.funds;
    separators += res.separators;
    for (const [rk, cols] of Object.entries(res.funds) as [FundRowKey, Partial<Record<FundColKey, { row: Row; cell?: Cell }>>][]) {
      for (const [ck, v] of Object.entries(cols) as [FundColKey, { row: Row; cell?: Cell }][]) {
        draft.provenance[`funds.${rk}.${ck}`] = where(ctx.file, v.row, v.cell);
      }
    }
  }

  // Goals.
  if (goalsAt >= 0) {
    const end = indAt > goalsAt ? indAt : gradeAt > goalsAt ? gradeAt : rows.length;
    const goals = readGoals(rows[goalsAt]!, rows.slice(goalsAt + 1, end), ctx);
    set('goal_expected', goals.expected);
    set('goal_actual', goals.actual);
  }

  // Indicators and the total row.
  if (indAt >= 0) {
    const end = gradeAt > indAt ? gradeAt : rows.length;
    const table = readIndicatorRows(rows[indAt]!, rows.slice(indAt + 1, end), ctx);
    separators += table.separators;
    const levels = assignLevels(table.rows, ctx);
    draft.indicators = table.rows.map((r, i) => ({
      level1: levels[i]!.level1,
      level2: levels[i]!.level2,
      level3: r.level3,
      target: r.target,
      actual: r.actual,
      weight: r.weight,
      score: r.score,
      deviation_reason: r.deviation_reason,
      source: r,
    }));
    draft.indicators.forEach((ind, i) => {
      draft.provenance[`indicators.${i}`] = where(ctx.file, ind.source.row);
      for (const [key, cell] of Object.entries(ind.source.cells)) {
        if (cell && cell.text !== '') draft.provenance[`indicators.${i}.${key}`] = where(ctx.file, ind.source.row, cell);
      }
    });
    if (table.totalWeight || table.totalScore) draft.sections.total = true;
    set('total_weight', table.totalWeight);
    set('total_score', table.totalScore);
  }

  // Grade.
  if (gradeAt >= 0) {
    const row = rows[gradeAt]!;
    const i = row.cells.findIndex((c) => fieldOf(c.text) === 'grade' || /^评分等级[：:]/.test(c.text));
    const joined = /^评分等级[：:]\s*(\S+)/.exec(row.cells[i]!.text);
    if (joined) set('grade', { value: joined[1]!, row, cell: row.cells[i]! });
    else {
      const cell = row.cells.slice(i + 1).find((c) => c.text !== '');
      if (cell) set('grade', { value: cell.text, row, cell });
    }
  }

  if (separators > 0) {
    report(ctx, 'thousands_separator', `thousands separators removed from ${separators} amount(s)`, { row: rows[fundsAt] ?? rows[0] });
  }
  return draft;
}

/** Fund row keys in output order. */
export const FUND_ROWS: readonly FundRowKey[] = ['total', 'fiscal_appropriation', 'carryover', 'other'];
export { fundRowOf };
