/**
 * Given the rows of one table and a template's vocabulary, returns where each part of the form
 * is: the funds header row, the indicator header row, and which rows are text fields (label and
 * value). The parts may come in any order (Sichuan prints 项目基本情况 before the funds, Shanghai
 * after); each is recognised by its labels alone.
 */
import type { Vocabulary } from '../domain/vocabulary.js';
import { report, type StageContext } from '../stage.js';
import type { Cell, Row } from '../types.js';

/** Whether a row is the funds header: enough fund column labels, or a funds label (项目资金（万元）). */
export function isFundsHeader(row: Row, v: Vocabulary): boolean {
  const keys = new Set(row.cells.map((c) => v.fundCol(c.text)).filter((k) => k !== undefined));
  return keys.size >= v.template.funds.min_columns || row.cells.some((c) => v.isFundsHeader(c.text));
}

/** Whether a row is an indicator header: 三级指标 plus at least two other column labels. */
export function isIndicatorHeader(row: Row, v: Vocabulary): boolean {
  const keys = new Set(row.cells.map((c) => v.indicatorCol(c.text)).filter((k) => k !== undefined));
  return keys.has('level3') && keys.size >= 3;
}

/** Whether a row holds a label of a text field (项目名称, 预期目标, 评价结论 …). */
export function hasFieldLabel(row: Row, v: Vocabulary): boolean {
  return row.cells.some((c) => v.field(c.text) !== undefined);
}

/** Whether a row starts with a line that is not part of the record (项目负责人：…). */
export function isIgnoredRow(row: Row, v: Vocabulary): boolean {
  const first = row.cells.find((c) => c.text !== '');
  return first !== undefined && v.isIgnored(first.text);
}

export interface Sections {
  /** Index of the funds header row, or -1. */
  funds: number;
  /** Index after the last funds row. */
  fundsEnd: number;
  /** Index of the indicator header row, or -1. */
  indicators: number;
}

/**
 * Finds the funds and indicator header rows. The funds rows run from the funds header to the
 * next row that holds a field label, the indicator header or the end; the indicator rows run
 * to their total row, which the indicator reader finds.
 */
export function findSections(rows: readonly Row[], v: Vocabulary): Sections {
  const funds = rows.findIndex((r) => isFundsHeader(r, v));
  const indicators = rows.findIndex((r, i) => i !== funds && isIndicatorHeader(r, v));
  let fundsEnd = rows.length;
  if (funds >= 0) {
    for (let i = funds + 1; i < rows.length; i++) {
      const r = rows[i]!;
      if (i === indicators || hasFieldLabel(r, v) || r.cells.some((c) => v.isSection(c.text)) || isIgnoredRow(r, v)) {
        fundsEnd = i;
        break;
      }
    }
  }
  return { funds, fundsEnd, indicators };
}

/**
 * A header row a page break cut in two (绩效指 | 一 | 二级 | 三级指 … at one page's foot, 标 | 级指标 |
 * 指标 | 标 … at the next one's top): neither part reads as a header and the two joined cell by
 * cell do. They are read as one row, at the first part's place (`wrapped_cell_joined`).
 */
export function joinHeadersCutByPage(rows: readonly Row[], v: Vocabulary, ctx: StageContext): Row[] {
  const isHeader = (r: Row): boolean => isIndicatorHeader(r, v) || isFundsHeader(r, v);
  const out: Row[] = [];
  for (let i = 0; i < rows.length; i++) {
    const a = rows[i]!;
    const b = rows[i + 1];
    if (b && a.page !== undefined && b.page === a.page + 1 && a.cells.length === b.cells.length && !isHeader(a) && !isHeader(b)) {
      const joined: Row = { ...a, cells: a.cells.map((c, k) => joinCut(c, b.cells[k]!)) };
      if (isHeader(joined)) {
        report(ctx, 'wrapped_cell_joined', 'a header row a page break cut in two was joined', { row: a }, { actual: `${a.cells.map((c) => c.text).join(' | ')} / ${b.cells.map((c) => c.text).join(' | ')}`, expected: joined.cells.map((c) => c.text).join(' | ') });
        out.push(joined);
        i++;
        continue;
      }
    }
    out.push(a);
  }
  return out;
}

/** A cell and the rest of it on the next page: one text; a merge the rest begins goes on below. */
function joinCut(a: Cell, b: Cell): Cell {
  const { raw: _raw, ...cell } = a;
  return { ...cell, text: a.text + b.text, rowSpan: Math.max(a.rowSpan, b.rowSpan), ...(b.merge ?? a.merge ? { merge: b.merge ?? a.merge } : {}) };
}
