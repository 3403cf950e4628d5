/**
 * A total score a page break cut after a digit: a narrow 得分 cell wraps 99.44 onto two lines, the
 * break falls between them, and the next page's first row holds the last digit alone under that
 * cell (beside the signature line, or in a row of its own). Read alone the total is 99.4, which the
 * form's arithmetic does not give. The digit completes it only where the completed total is the
 * one the funds' and indicators' scores add up to, and the total as printed is not, so a table
 * whose printed figures do not add up stays flagged (`wrapped_cell_joined`).
 */
import { same, sum } from '../domain/score.js';
import { report, type StageContext } from '../stage.js';
import type { Cell, Row } from '../types.js';
import { acrossOverlap, blank } from './text.js';

/** The total as read, its row and cell, and the scores it should be the sum of (funds first). */
export interface CutTotal {
  value: string | null;
  row: Row;
  cell?: Cell;
  scores: readonly (string | null)[];
}

/**
 * Given a block's rows, the index of its total row and the total as read, returns the completed
 * total and the rows with the digit taken off, or undefined when no digit completes it.
 */
export function joinCutTotal(rows: readonly Row[], at: number, total: CutTotal, ctx: StageContext): { value: string; rows: Row[] } | undefined {
  const { value, cell } = total;
  const page = rows[at]?.page;
  if (value === null || !cell || page === undefined || !/^\d+\.\d*$/.test(value) || total.scores.some((s) => s === null)) return undefined;
  const expected = sum(total.scores as string[]);
  if (same(expected, value)) return undefined;
  // The first row of the next page.
  let k = at + 1;
  while (k < rows.length && rows[k]!.page === page) k++;
  const next = rows[k];
  if (!next || next.page !== page + 1) return undefined;
  const i = next.cells.findIndex((c) => /^\d{1,2}$/.test(c.text.trim()) && (acrossOverlap(c, cell) ?? 0) > 0);
  if (i < 0) return undefined;
  const joined = value + next.cells[i]!.text.trim();
  if (!same(expected, joined)) return undefined;
  report(ctx, 'wrapped_cell_joined', `the total score ${value} went on over the page break: its last digit ${next.cells[i]!.text.trim()} stands at the next page's top (${joined}, as the scores add up)`, { row: rows[at]!, cell }, { actual: value, expected: joined });
  const out = [...rows];
  out[k] = { ...next, cells: next.cells.map((c, n) => (n === i ? blank(c) : c)) };
  return { value: joined, rows: out };
}
