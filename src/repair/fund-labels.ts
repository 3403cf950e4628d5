/**
 * Fund row labels printed out of line with their figures. A layer without rules may wrap a
 * narrow label column's text across the rows (年度资金 over 总额, the second line read as a row of
 * its own) or run several labels together in one cell (年度资金总额：其中：本 | 年财政拨（元） |
 * 款上年结转资金其他资金). When some row of figures has no label of its own, the label column of
 * the whole block is read as one text: where it spells, in order, exactly as many fund row labels
 * of the template as the block has rows of figures (a unit in brackets, or other text between
 * them, skipped), each row of figures takes its label in that order (`fund_labels_in_order`);
 * a row whose figures begin at its first cell (its label cell left out of the row, where a ruled
 * cell lost its left rule at a page's top) gets a cell for it before them. The rows stay as many.
 */
import { labelKey } from '../domain/labels.js';
import type { FundRowKey } from '../domain/template.js';
import type { Vocabulary } from '../domain/vocabulary.js';
import { report, type StageContext } from '../stage.js';
import type { Cell, Row } from '../types.js';
import { blank, readAmount } from './text.js';
import { gluedFundRow } from './funds.js';

/** A figure at the end of a label cell (总额2975.79: the row's first figure read into it). */
const FIGURE_AFTER = /(?<=[^\d\s,.+-])\s*([+-]?\d[\d,]*(?:\.\d+)?%?)$/;
/** A figure with decimals between two lines of a label (年度资金 20.91 总额). */
const FIGURE_INSIDE = /(?<=\p{Script=Han})\s*[+-]?\d[\d,]*\.\d+%?\s*(?=\p{Script=Han})/gu;
/** A unit in brackets (（元）, (万元)) printed inside the label column by the block's side label. */
const UNIT = /[（(]\s*万?元\s*[）)]/g;

/**
 * Given the rows of a funds block (its header excluded), returns them with labels read in order.
 * The header's cells before its column labels count first (the side label and the first rows'
 * labels read up into it: 预算执行情况(10分)总额其中：财政资金).
 */
export function readFundLabelsInOrder(rows: readonly Row[], v: Vocabulary, ctx: StageContext, header?: Row): Row[] {
  const placeholders = v.template.placeholders;
  const isFigure = (t: string): boolean => readAmount(t, placeholders).value !== null || placeholders.includes(t);
  // A cell of figures: one, or several a layer drew in one cell (2,903 2,903).
  const isValue = (t: string): boolean => t.trim() !== '' && t.trim().split(/\s+/).every(isFigure);
  // The cells before a row's first figure; a row of figures has two or more.
  const firstValue = rows.map((r) => r.cells.findIndex((c) => isValue(c.text)));
  const figureRows = rows.flatMap((r, i) => (r.cells.filter((c) => isValue(c.text)).length >= 2 ? [i] : []));
  if (figureRows.length < 2) return [...rows];
  const labelCells = (i: number): number[] => rows[i]!.cells.flatMap((c, n) => (c.text !== '' && (firstValue[i]! < 0 || n < firstValue[i]!) && !/^[\d.,%]+$/.test(c.text.trim()) ? [n] : []));
  // A row's own label: a cell that reads as one, its first figure or points glued to it or not.
  const labelOf = (text: string): string => text.replace(FIGURE_AFTER, '').replace(/^[（(]\d+分[）)]/, '');
  const ownLabel = (i: number): boolean => labelCells(i).filter((n) => v.fundRow(labelOf(rows[i]!.cells[n]!.text)) !== undefined || gluedFundRow(rows[i]!.cells[n]!.text, v) !== undefined).length === 1;
  if (figureRows.every(ownLabel)) return [...rows];

  // (A header cell that is a fund row's label alone, 年度资金总额 over its figures, the funds reader
  // reads as such.)
  const firstCol = header && !header.cells.some((c) => v.fundRow(c.text) !== undefined) ? header.cells.findIndex((c) => v.fundCol(c.text) !== undefined) : -1;
  const above = header && firstCol > 0 ? header.cells.slice(0, firstCol).map((c) => labelKey(c.text)).join('') : '';
  // Each label cell's text, with the cell it was read from (the header's count as none).
  // (A figure read into a label cell, after a line of the label or between two, 其中:当16.96 |
  // 年财政拨款, 年度资金20.91总额, is no part of the text.)
  const unfigured = (t: string): string => t.replace(FIGURE_AFTER, '').replace(FIGURE_INSIDE, '');
  const pieces = rows.flatMap((r, i) => labelCells(i).map((n) => ({ text: labelKey(unfigured(r.cells[n]!.text)), cell: r.cells[n]! })));
  const text = (above + pieces.map((x) => x.text).join('')).replace(UNIT, '');
  // The cell a label was read from: the one that holds its first character (units removed).
  const sourceAt = (p: number): Cell | undefined => {
    let at = above.replace(UNIT, '').length;
    for (const x of pieces) {
      at += x.text.replace(UNIT, '').length;
      if (p < at) return x.cell;
    }
    return undefined;
  };
  const labels = v.template.funds.rows.flatMap((r) => r.labels.map((l) => ({ key: r.key, label: labelKey(l) }))).sort((a, b) => b.label.length - a.label.length);
  const found: Array<{ key: FundRowKey; label: string; from: Cell | undefined }> = [];
  for (let p = 0; p < text.length; ) {
    const hit = labels.find((l) => text.startsWith(l.label, p));
    if (!hit) {
      p++;
      continue;
    }
    found.push({ ...hit, from: sourceAt(p) });
    p += hit.label.length;
  }
  const keys = new Set(found.map((f) => f.key));
  if (found.length !== figureRows.length || keys.size !== found.length) return [...rows];

  const out = rows.map((r) => ({ ...r, cells: [...r.cells] }));
  rows.forEach((_, i) => {
    for (const n of labelCells(i)) out[i]!.cells[n] = blank(rows[i]!.cells[n]!);
  });
  figureRows.forEach((i, k) => {
    const at = labelCells(i).at(-1) ?? (firstValue[i]! > 0 ? firstValue[i]! - 1 : undefined);
    if (at === undefined) {
      // A row whose figures begin at its first cell (its label cell left out of the row: a
      // ruled row whose label cell lost its left rule) gets its label in a cell before them.
      const src = found[k]!.from ?? rows[i]!.cells[0]!;
      const { raw: _raw, merge: _merge, ...cell } = src;
      out[i]!.cells.unshift({ ...cell, text: found[k]!.label, rowSpan: 1, colSpan: 1 });
      return;
    }
    // A figure the label cell held (总额2975.79, 年度资金20.91总额) stays after the label, for the
    // funds reader.
    const figure = FIGURE_AFTER.exec(rows[i]!.cells[at]!.text)?.[1] ?? rows[i]!.cells[at]!.text.match(FIGURE_INSIDE)?.[0]?.trim();
    out[i]!.cells[at] = { ...rows[i]!.cells[at]!, text: figure ? `${found[k]!.label} ${figure}` : found[k]!.label, rowSpan: 1 };
  });
  report(ctx, 'fund_labels_in_order', `the fund row labels were printed out of line with their figures: read in order as ${found.map((f) => f.label).join(', ')}`, { row: rows[figureRows[0]!] }, { actual: figureRows.map((i) => labelCells(i).map((n) => rows[i]!.cells[n]!.text).join('')).join(' | '), expected: found.map((f) => f.label).join(' | ') });
  return out;
}
