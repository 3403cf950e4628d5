/**
 * Given the rows of one table and a template's vocabulary, returns where each part of the form
 * is: the funds header row, the indicator header row, and which rows are text fields (label and
 * value). The parts may come in any order (Sichuan prints 项目基本情况 before the funds, Shanghai
 * after); each is recognised by its labels alone.
 */
import type { Vocabulary } from '../domain/vocabulary.js';
import { report, type StageContext } from '../stage.js';
import type { Cell, Row } from '../types.js';
import { mostOverlapped } from './text.js';

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
 * cell do. They are read as one row, at the first part's place (`wrapped_cell_joined`). Parts
 * that each name a fund row are rows of their own.
 */
export function joinHeadersCutByPage(rows: readonly Row[], v: Vocabulary, ctx: StageContext): Row[] {
  const isHeader = (r: Row): boolean => isIndicatorHeader(r, v) || isFundsHeader(r, v);
  // (Two rows that each name a fund row are those rows, the section's side label cut beside them:
  // 预算执行 | 其中：财政资金 | 377.85 … over 情况(10分) | 财政专户管理资金 | / ….)
  const fundRow = (r: Row): boolean => r.cells.some((c) => v.fundRow(c.text) !== undefined);
  const out: Row[] = [];
  for (let i = 0; i < rows.length; i++) {
    const a = rows[i]!;
    const b = rows[i + 1];
    if (b && a.page !== undefined && b.page === a.page + 1 && a.cells.length === b.cells.length && !isHeader(a) && !isHeader(b) && !(fundRow(a) && fundRow(b))) {
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

/** A text without the points a side label prints, whole or cut by a wrap ((10分), 情况(10 over 分)). */
function withoutPoints(text: string): string {
  return text.replace(/[（(]\s*\d+\s*分\s*[）)]/g, '').replace(/[（(]\s*\d+\s*$/, '').replace(/^\s*\d*\s*分\s*[）)]/, '');
}

/**
 * A header row whose labels a narrow cell wrapped onto lines that a layer without rules read as
 * rows of their own (预算执 over 行率, 年度预算数 over (万元), 偏差原因分 over 析及改进措施): up to two
 * rows right above or three right under the header (预 | 年度预算 over 数(万元) over 行情况 over
 * 算执行率), holding no figure and nothing the form names on its own, are joined to it, cell by
 * cell on one grid or else by position, when that makes more of its cells column labels
 * (`wrapped_cell_joined`). A row that only the row under it makes an indicator header (一级 over
 * 指标, 三级指 over 标: 三级指标 wrapped too) is such a header.
 */
export function joinWrappedHeaders(rows: readonly Row[], v: Vocabulary, ctx: StageContext): Row[] {
  const labelsIn = (r: Row, funds: boolean): number => new Set(r.cells.map((c) => (funds ? v.fundCol(c.text) : v.indicatorCol(c.text))).filter((k) => k !== undefined)).size;
  // (Under the header, a piece may be a column label of its own that ends another's: 预算 over 执行率,
  // 预算执行率 cut by a page break, where 执行率 is another template's label. The labels the join
  // makes decide.)
  const piecesOnly = (r: Row | undefined, under = false): r is Row =>
    !!r && r.cells.some((c) => c.text !== '') && r.cells.every((c) => c.text === '' || (!/\d/.test(withoutPoints(c.text)) && (!v.knows(c.text) || (under && (v.fundCol(c.text) !== undefined || v.indicatorCol(c.text) !== undefined))) && !v.fundRow(c.text)));
  // The section's side label (预算执行情况(10分)) may begin its merged cell on a row of pieces under
  // the header: it stays where it is, on a row of its own, and the pieces beside it are joined.
  const isSide = (c: Cell): boolean => c.text !== '' && (v.isFundsHeader(withoutPoints(c.text)) || v.isSection(withoutPoints(c.text)));
  const pieceOf = (r: Row | undefined): Row | undefined => (r ? { ...r, cells: r.cells.map((c) => (isSide(c) ? { ...c, text: '' } : c)) } : undefined);
  const sideOf = (r: Row): Row | undefined => (r.cells.some(isSide) ? { ...r, cells: r.cells.map((c) => (isSide(c) ? c : { ...c, text: '' })) } : undefined);
  const out: Row[] = [...rows];
  for (let i = 0; i < out.length; i++) {
    const a = out[i]!;
    const funds = isFundsHeader(a, v);
    // (Or one that only its row under makes a header: 三级指 over 标, 一级 over 指标.)
    const next = pieceOf(out[i + 1]);
    const madeByNext = (): boolean => piecesOnly(next, true) && out[i + 1]!.page === a.page && isIndicatorHeader(joinOnto(a, next, false) ?? a, v);
    if (!funds && !isIndicatorHeader(a, v) && !madeByNext()) continue;
    let best = a, most = labelsIn(a, funds), above = 0, below = 0;
    const under: Row[] = [];
    for (let k = 1, p = pieceOf(out[i + k]); k <= 3 && piecesOnly(p, true) && !isFundsHeader(p, v) && !isIndicatorHeader(p, v); k++, p = pieceOf(out[i + k])) under.push(p);
    const over: Row[] = [];
    for (let k = 1; k <= 2 && i - k >= 0 && piecesOnly(out[i - k]) && out[i - k]!.page === a.page; k++) over.push(out[i - k]!);
    const joinAll = (b: number, t: number): Row | undefined => {
      let joined: Row | undefined = a;
      for (let k = 0; k < b && joined; k++) joined = joinOnto(joined, under[k]!, false);
      for (let k = 0; k < t && joined; k++) joined = joinOnto(joined, over[k]!, true);
      return joined;
    };
    // Below first, then above, each taking one row more while it qualifies; then both at once,
    // where only pieces above and under together make a label (预 / 算执行 / 率).
    for (let k = 1; k <= under.length; k++) {
      const joined = joinAll(k, 0);
      const got = joined ? labelsIn(joined, funds) : -1;
      if (joined && (got > most || (below > 0 && got === most))) [best, most, below] = [joined, got, k];
    }
    for (let k = 1; k <= over.length; k++) {
      const joined = joinAll(below, k);
      const got = joined ? labelsIn(joined, funds) : -1;
      if (joined && got > most) [best, most, above] = [joined, got, k];
    }
    for (let b = 1; b <= under.length && above + below === 0; b++) {
      for (let t = 1; t <= over.length; t++) {
        const joined = joinAll(b, t);
        const got = joined ? labelsIn(joined, funds) : -1;
        if (joined && got > most) [best, most, below, above] = [joined, got, b, t];
      }
    }
    if (above + below === 0) continue;
    const taken = out.slice(i - above, i + below + 1);
    report(ctx, 'wrapped_cell_joined', `a header row whose labels wrapped onto ${above + below} row(s) beside it was joined`, { row: a }, { actual: taken.map((r) => r.cells.map((c) => c.text).join(' | ')).join(' / '), expected: best.cells.map((c) => c.text).join(' | ') });
    const sides = out.slice(i + 1, i + below + 1).map(sideOf).filter((r): r is Row => r !== undefined);
    out.splice(i - above, above + below + 1, best, ...sides);
    i -= above;
  }
  return out;
}

/**
 * A row with the pieces of another row's cells added to them (`before`: in front), cell by cell
 * on one grid, else each piece to the cell it overlaps most across; undefined when a piece
 * overlaps none or the boxes do not tell.
 */
function joinOnto(row: Row, pieces: Row, before: boolean): Row | undefined {
  const join = (c: Cell, p: Cell): Cell => (before ? joinCut(p, c) : joinCut(c, p));
  if (pieces.cells.length === row.cells.length) return { ...row, cells: row.cells.map((c, n) => join(c, pieces.cells[n]!)) };
  const cells = [...row.cells];
  for (const p of pieces.cells) {
    if (p.text === '') continue;
    const at = mostOverlapped(p, row.cells);
    if (at < 0) return undefined;
    cells[at] = join(cells[at]!, p);
  }
  return { ...row, cells };
}

/** A cell and the rest of it on the next page: one text; a merge the rest begins goes on below. */
function joinCut(a: Cell, b: Cell): Cell {
  const { raw: _raw, ...cell } = a;
  return { ...cell, text: a.text + b.text, rowSpan: Math.max(a.rowSpan, b.rowSpan), ...(b.merge ?? a.merge ? { merge: b.merge ?? a.merge } : {}) };
}
