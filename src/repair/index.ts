/**
 * Given one project block (rows of one table) and the templates, returns a draft record: the
 * template that fits the table (detect-template.ts), then every field read with that template's
 * vocabulary by one generic reader — text fields by their labels (fields.ts), the funds block
 * (funds.ts), the indicator table and its total row (indicator-rows.ts, label-groups.ts), target
 * and actual composed from their printed parts (compose.ts), the grade from its cell or named in
 * the conclusion, the year and the unit. Nothing here knows a form: the words are the template's.
 */
import { labelKey } from '../domain/labels.js';
import type { FieldKey, FundColKey, FundRowKey, Template } from '../domain/template.js';
import type { TemplateSet, Vocabulary } from '../domain/vocabulary.js';
import { report, type StageContext } from '../stage.js';
import type { ProjectBlock } from '../segment/segment.js';
import type { Cell, Provenance, Row } from '../types.js';
import { composeValues } from './compose.js';
import { detectTemplate } from './detect-template.js';
import { isYearOrUnitLine, readFields } from './fields.js';
import { blank } from './text.js';
import { readFunds, type FundsRead } from './funds.js';
import { readIndicatorRows, type IndicatorRow } from './indicator-rows.js';
import { joinLabelPieces } from './label-pieces.js';
import { joinFiguresCutAtPoint } from './cut-figures.js';
import { joinCutTotal } from './cut-total.js';
import { readFundLabelsInOrder } from './fund-labels.js';
import { assignLevels } from './label-groups.js';
import { findSections, isFundsHeader, isIndicatorHeader, joinHeadersCutByPage, joinWrappedHeaders } from './sections.js';
import { splitStackedFields } from './stacked-fields.js';

export interface DraftIndicator {
  level1: string | null;
  level2: string | null;
  level3: string | null;
  target: string | null;
  actual: string | null;
  weight: string | null;
  score: string | null;
  deviation_reason: string;
  target_nature: string | null;
  target_value: string | null;
  target_unit: string | null;
  actual_value: string | null;
  source: IndicatorRow;
}

/** Text fields of the draft: one per canonical field the templates can print. */
export type DraftFields = Record<Exclude<FieldKey, 'grade'>, string | null>;

export interface Draft extends DraftFields {
  /** The template the table was read with (the union of all, id `unknown`, when none fits). */
  template: Template;
  /** False when no template fits the table. */
  templateKnown: boolean;
  title: string | null;
  year: string | null;
  unit: '万元' | '元';
  funds: FundsRead;
  indicators: DraftIndicator[];
  total_weight: string | null;
  total_score: string | null;
  grade: string | null;
  grade_source: 'cell' | 'conclusion' | null;
  /** Which sections were found. */
  sections: { funds: boolean; indicators: boolean; total: boolean; fields: boolean };
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

const TEXT_KEYS = ['project_name', 'department', 'implementing_unit', 'goal_expected', 'goal_actual', 'implementation_summary', 'evaluation_conclusion', 'problems', 'improvements'] as const;

/**
 * The year of a table: in its title, else on a short line before its first label. The year line
 * may share its row with the unit line (（2023年度） | 单位：万元) or be cut into cells
 * (（2023 | 年度）): each short text is tried, then the row's texts joined.
 */
function yearOf(rows: readonly Row[], title: string | null, v: Vocabulary): { value: string; row?: Row } | null {
  const fromTitle = title ? v.yearOf(title) : undefined;
  if (fromTitle) return { value: fromTitle };
  let first = true;
  for (const row of rows) {
    const texts = row.cells.filter((c) => c.text !== '').map((c) => c.text);
    // (A title wrapped inside its year, 自评表（2023 / 年度）: its last line goes on it.)
    if (first && title && texts.length === 1 && labelKey(texts[0]!).length <= 12) {
      const y = v.yearOf(title + texts[0]!);
      if (y && !v.yearOf(texts[0]!)) return { value: y, row };
    }
    if (texts.length) first = false;
    if (texts.some((t) => v.knows(t))) {
      // A year line set into the rows of a label beside it (项目名称 | (2023年度)).
      const line = texts.find((t) => isYearOrUnitLine(t, v) && v.yearOf(t));
      if (line) return { value: v.yearOf(line)!, row };
      if (isFundsHeader(row, v) || isIndicatorHeader(row, v)) break;
      continue;
    }
    if (texts.length === 0 || texts.length > 3 || texts.some((t) => labelKey(t).length > 12)) continue;
    for (const t of [...texts, texts.join('')]) {
      const y = v.yearOf(t);
      if (y) return { value: y, row };
    }
  }
  return null;
}

/**
 * A signature line (项目负责人：…, 财务负责人：…: the template's `ignore`) that the rows carry beside
 * cells of the table (a line under a borderless table set into its last rows) is set aside, so
 * that the rest of the row (a total row, a field) is read; a row of nothing else stays as it is.
 */
function setAsideSignatures(rows: readonly Row[], v: Vocabulary, ctx: StageContext): Row[] {
  return rows.map((row) => {
    const filled = row.cells.filter((c) => c.text !== '');
    const signatures = filled.filter((c) => v.isIgnored(c.text));
    if (signatures.length === 0 || signatures.length === filled.length) return row;
    for (const c of signatures) report(ctx, 'signature_set_aside', `"${c.text}" is a signature line, not a cell of the table: set aside`, { row, cell: c }, { actual: c.text });
    return { ...row, cells: row.cells.map((c) => (signatures.includes(c) ? blank(c) : c)) };
  });
}

/** The unit the table names (a funds label, a 单位 line), else the template's. */
function unitOf(rows: readonly Row[], v: Vocabulary): { value: '万元' | '元'; row?: Row; cell?: Cell } {
  for (const row of rows) {
    for (const cell of row.cells) {
      if (cell.text === '' || cell.text.length > 16) continue;
      const u = v.unitOf(cell.text);
      if (u) return { value: u, row, cell };
    }
  }
  return { value: v.template.unit };
}

/** Reads a table block into a draft record. */
export function readBlock(block: ProjectBlock, ctx: StageContext, set: TemplateSet): Draft {
  const rows = joinWrappedHeaders(joinHeadersCutByPage(setAsideSignatures(splitStackedFields(block.rows, set.union, ctx), set.union, ctx), set.union, ctx), set.union, ctx);
  const choice = detectTemplate(rows, set);
  const v = choice.vocabulary;
  const t = v.template;
  if (!choice.known) {
    const named = choice.unknownLabels.length ? `; labels no template knows: ${choice.unknownLabels.slice(0, 20).join(', ')}` : '';
    report(ctx, 'unknown_template', `the table fits no template (${set.templates.map((x) => x.template.id).join(', ')}): read by the labels of all of them${named}`, { row: rows[0] }, { actual: choice.unknownLabels.join(', ') });
  }
  const sec = findSections(rows, v);
  const unit = unitOf(rows, v);
  const year = yearOf(rows, block.title, v);

  const draft: Draft = {
    template: t,
    templateKnown: choice.known,
    title: block.title,
    year: year?.value ?? null,
    unit: unit.value,
    project_name: null,
    department: null,
    implementing_unit: null,
    goal_expected: null,
    goal_actual: null,
    implementation_summary: null,
    evaluation_conclusion: null,
    problems: null,
    improvements: null,
    funds: {},
    indicators: [],
    total_weight: null,
    total_score: null,
    grade: null,
    grade_source: null,
    sections: { funds: sec.funds >= 0, indicators: sec.indicators >= 0, total: false, fields: false },
    provenance: {},
    rows,
  };
  if (year?.row) draft.provenance.year = where(ctx.file, year.row);
  if (unit.row) draft.provenance.unit = where(ctx.file, unit.row, unit.cell);
  const set1 = (key: 'total_weight' | 'total_score' | 'grade' | (typeof TEXT_KEYS)[number], found: { value: string | null; row: Row; cell?: Cell } | null | undefined): void => {
    if (!found) return;
    draft[key] = found.value;
    draft.provenance[key] = where(ctx.file, found.row, found.cell);
  };

  // Funds.
  let separators = 0;
  let wrapped = 0;
  if (sec.funds >= 0) {
    const res = readFunds(rows[sec.funds]!, readFundLabelsInOrder(rows.slice(sec.funds + 1, sec.fundsEnd), v, ctx, rows[sec.funds]), v, ctx);
    draft.funds = res.funds;
    separators += res.separators;
    wrapped += res.wrapped;
    for (const [rk, cols] of Object.entries(res.funds) as [FundRowKey, Partial<Record<FundColKey, { row: Row; cell?: Cell }>>][]) {
      for (const [ck, val] of Object.entries(cols) as [FundColKey, { row: Row; cell?: Cell }][]) {
        draft.provenance[`funds.${rk}.${ck}`] = where(ctx.file, val.row, val.cell);
      }
    }
  }

  // Indicators and the total row.
  let indEnd = -1;
  let fieldRows = rows;
  if (sec.indicators >= 0) {
    const joined = joinLabelPieces(rows[sec.indicators]!, joinFiguresCutAtPoint(rows.slice(sec.indicators + 1), ctx, (r) => isIndicatorHeader(r, v)), v, ctx);
    const table = readIndicatorRows(joined.header, joined.rows, v, ctx);
    indEnd = sec.indicators + 1 + table.end;
    separators += table.separators;
    wrapped += table.wrapped;
    const levels = assignLevels(table.rows, v.level1Of, ctx);
    draft.indicators = table.rows.map((r, i) => {
      const { target, actual } = composeValues(r.values, t);
      const val = (k: 'target_nature' | 'target_value' | 'target_unit' | 'actual_value'): string | null => r.values[k] ?? null;
      return {
        level1: levels[i]!.level1,
        level2: levels[i]!.level2,
        level3: r.values.level3 ?? null,
        target,
        actual,
        weight: r.weight,
        score: r.score,
        deviation_reason: r.values.deviation_reason ?? '',
        target_nature: val('target_nature'),
        target_value: val('target_value'),
        target_unit: val('target_unit'),
        actual_value: val('actual_value'),
        source: r,
      };
    });
    draft.indicators.forEach((ind, i) => {
      draft.provenance[`indicators.${i}`] = where(ctx.file, ind.source.row);
      for (const [key, cell] of Object.entries(ind.source.cells)) {
        if (cell && cell.text !== '') draft.provenance[`indicators.${i}.${key}`] = where(ctx.file, ind.source.row, cell);
      }
    });
    if (table.totalWeight || table.totalScore) draft.sections.total = true;
    set1('total_weight', table.totalWeight);
    set1('total_score', table.totalScore);
    // The total's last digit may stand at the next page's top. (The indicator reader works on
    // copies of the rows, which keep each row's box: the total row is found by it.)
    const tr = table.totalScore?.row;
    const at = tr ? rows.findIndex((r) => r.page === tr.page && r.bbox !== undefined && r.bbox === tr.bbox) : -1;
    const cut = table.totalScore && at >= 0 ? joinCutTotal(rows, at, { ...table.totalScore, scores: [draft.funds.total?.score?.value ?? null, ...draft.indicators.map((x) => x.score)] }, ctx) : undefined;
    if (cut) {
      draft.total_score = cut.value;
      fieldRows = cut.rows;
    }
  }

  // Text fields: every row outside the funds block and the indicator table.
  const inFunds = (i: number): boolean => sec.funds >= 0 && i >= sec.funds && i < sec.fundsEnd;
  const inIndicators = (i: number): boolean => sec.indicators >= 0 && i >= sec.indicators && i < indEnd;
  const fields = readFields(fieldRows, (i) => inFunds(i) || inIndicators(i), v, ctx);
  for (const key of TEXT_KEYS) set1(key, fields[key]);
  draft.sections.fields = Object.keys(fields).length > 0;

  // Grade: printed in its cell, else named in the conclusion.
  if (fields.grade) {
    set1('grade', fields.grade);
    draft.grade_source = 'cell';
  } else if (draft.evaluation_conclusion && fields.evaluation_conclusion) {
    const g = v.gradeIn(draft.evaluation_conclusion);
    if (g) {
      draft.grade = g;
      draft.grade_source = 'conclusion';
      draft.provenance.grade = where(ctx.file, fields.evaluation_conclusion.row, fields.evaluation_conclusion.cell);
      report(ctx, 'grade_from_conclusion', `the grade ${g} was read from the 评价结论 text (no grade cell)`, { row: fields.evaluation_conclusion.row, cell: fields.evaluation_conclusion.cell, field: 'grade' }, { actual: draft.evaluation_conclusion, expected: g });
    }
  }

  if (wrapped > 0) {
    report(ctx, 'wrapped_cell_joined', `${wrapped} figure(s) wrapped inside their cell were joined (92.2 / 2% → 92.22)`, { row: rows[sec.funds] ?? rows[0] });
  }
  if (separators > 0) {
    report(ctx, 'thousands_separator', `thousands separators removed from ${separators} amount(s)`, { row: rows[sec.funds] ?? rows[0] });
  }
  return draft;
}
