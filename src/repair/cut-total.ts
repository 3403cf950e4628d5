/**
 * A total score a page break cut after a digit: a narrow 得分 cell wraps 99.44 onto two lines (or
 * 99.23 onto three, 99 / .2 / 3), the break falls between them, and the next page's first rows hold
 * the rest alone under that cell (beside the signature line, or in rows of their own). Read alone
 * the total is 99.4, which the form's arithmetic does not give. The rest completes it only where the
 * completed total is the one the funds' and indicators' scores add up to, and the total as printed
 * is not, so a table whose printed figures do not add up stays flagged (`wrapped_cell_joined`).
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
  if (value === null || !cell || page === undefined || !/^\d+\.?\d*$/.test(value) || total.scores.some((s) => s === null)) return undefined;
  const expected = sum(total.scores as string[]);
  if (same(expected, value)) return undefined;
  // The first rows of the next page: the pieces under the total's cell, line by line (99 over .2
  // over 3: a cell two characters wide), while they complete a number.
  let k = at + 1;
  while (k < rows.length && rows[k]!.page === page) k++;
  const out = [...rows];
  let joined = value;
  const taken: string[] = [];
  for (let n = 0; n < MAX_PIECES && k + n < rows.length && rows[k + n]!.page === page + 1; n++) {
    const next = rows[k + n]!;
    const i = next.cells.findIndex((c) => /^(?:\d{1,2}|\.\d{0,2})$/.test(c.text.trim()) && (acrossOverlap(c, cell) ?? 0) > 0);
    if (i < 0) break;
    const piece = next.cells[i]!.text.trim();
    if (piece.startsWith('.') && joined.includes('.')) break;
    joined += piece;
    taken.push(piece);
    out[k + n] = { ...next, cells: next.cells.map((c, m) => (m === i ? blank(c) : c)) };
    if (!/^\d+\.\d+$/.test(joined) || !same(expected, joined)) continue;
    report(ctx, 'wrapped_cell_joined', `the total score ${value} went on over the page break: ${taken.join(' ')} stand${taken.length === 1 ? 's' : ''} at the next page's top (${joined}, as the scores add up)`, { row: rows[at]!, cell }, { actual: value, expected: joined });
    return { value: joined, rows: out };
  }
  return undefined;
}

/** At most this many lines of a total wrapped in its cell stand at the next page's top. */
const MAX_PIECES = 3;
