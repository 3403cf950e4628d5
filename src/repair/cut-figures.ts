/**
 * Figures a page break cut right after their point (100. at one page's foot, 00 at the next
 * one's top): the digits alone on the first row of the next page, each under a figure of the
 * row above that ends at its point, complete that figure (`wrapped_cell_joined`). The row of
 * digits is left blank, so the rows stay as many; text without digits beside them (the rest of a
 * level name the break cut) stays where it is.
 */
import { report, type StageContext } from '../stage.js';
import type { Cell, Row } from '../types.js';
import { blank, mostOverlapped } from './text.js';

/** The cell of `row` that stands over `cell`: the same slot on one grid, else the one its box overlaps most. */
function cellOver(row: Row, cell: Cell, at: number, width: number): Cell | undefined {
  return row.cells.length === width ? row.cells[at] : row.cells[mostOverlapped(cell, row.cells)];
}

/**
 * Given rows, returns them with figures cut at their point by a page break made whole. A header
 * the next page repeats (`repeated`) may stand between the two parts.
 */
export function joinFiguresCutAtPoint(rows: readonly Row[], ctx: StageContext, repeated: (row: Row) => boolean = () => false): Row[] {
  const out = rows.map((r) => ({ ...r, cells: [...r.cells] }));
  for (let i = 0; i + 1 < out.length; i++) {
    const up = out[i]!;
    let d = i + 1;
    while (d + 1 < out.length && out[d]!.page === up.page! + 1 && repeated(out[d]!)) d++;
    const down = out[d]!;
    if (up.page === undefined || down.page !== up.page + 1) continue;
    // (The row may also hold the rest of a label the break cut, 产出指 over 标: it stays.)
    const filled = down.cells.flatMap((c, n) => (/^\d+%?$/.test(c.text.trim()) ? [n] : []));
    if (filled.length === 0 || down.cells.some((c) => /\d/.test(c.text) && !/^\d+%?$/.test(c.text.trim()))) continue;
    const over = filled.map((n) => cellOver(up, down.cells[n]!, n, down.cells.length));
    if (!over.every((c) => c !== undefined && /\d\.$/.test(c.text.trim()))) continue;
    const rests = filled.map((n) => down.cells[n]!.text.trim());
    filled.forEach((n, k) => {
      const c = over[k]!;
      up.cells[up.cells.indexOf(c)] = { ...c, text: c.text.trim() + down.cells[n]!.text.trim() };
      down.cells[n] = blank(down.cells[n]!);
    });
    report(ctx, 'wrapped_cell_joined', 'figures a page break cut after their point were joined to their digits on the next page', { row: up }, { actual: rests.join(' | ') });
  }
  return out;
}
