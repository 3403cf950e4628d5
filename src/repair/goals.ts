/**
 * Reads 年度总体目标: the 预期目标 and 实际完成情况 texts, each from the column of its label in the
 * goal header row (nearest column when cells are shifted). Repairs: HTML tags (`html_removed`).
 */
import { fieldOf } from '../domain/labels.js';
import { report, type StageContext } from '../stage.js';
import type { Cell, Row } from '../types.js';
import { hasHtml, stripHtml, tidy } from './text.js';

export interface GoalText {
  value: string;
  row: Row;
  cell: Cell;
}
export interface Goals {
  expected?: GoalText;
  actual?: GoalText;
}

/**
 * Restores paragraph breaks that a dump flattened: a blank after a full stop, or a numbered
 * paragraph ("2、", "(3)") right after one, starts a new line; in a text of numbered paragraphs
 * every full stop does (a paragraph whose number was lost still starts on its own line).
 */
function paragraphs(text: string): string {
  // In a text of numbered one-sentence paragraphs, every full stop ends a paragraph.
  const numbered = (text.match(/(?:^|[。；;])\s*\d{1,2}[、.．]/g) ?? []).length >= 2;
  if (numbered) text = text.replace(/。[ \t\u3000]*(?=\S)/g, '。\n');
  return text.replace(/([。；;！!])[ \t\u3000]+/g, '$1\n').replace(/([。；;！!])(?=(?:\d{1,2}|[一二三四五六七八九十]{1,2})[、.．]|[（(]\d{1,2}[）)])/g, '$1\n');
}

/** Given the goal header row and the text rows after it, returns the two goal texts. */
export function readGoals(header: Row, rows: readonly Row[], ctx: StageContext): Goals {
  let e = -1;
  let a = -1;
  header.cells.forEach((c, i) => {
    const f = fieldOf(c.text);
    if (f === 'goal_expected' && e < 0) e = i;
    if (f === 'goal_actual' && a < 0) a = i;
  });
  const parts: { expected: GoalText[]; actual: GoalText[] } = { expected: [], actual: [] };
  let html = false;
  for (const row of rows) {
    const cells = row.cells
      .map((cell, i) => ({ cell, i }))
      .filter(({ cell }) => cell.text !== '' && fieldOf(cell.text) === undefined);
    cells.forEach(({ cell, i }, n) => {
      let side: 'expected' | 'actual';
      if (e >= 0 && a >= 0) {
        const de = Math.abs(i - e);
        const da = Math.abs(i - a);
        side = de < da ? 'expected' : da < de ? 'actual' : n === 0 ? 'expected' : 'actual';
        if (cells.length === 2) side = n === 0 ? 'expected' : 'actual';
      } else side = n === 0 ? 'expected' : 'actual';
      let value = cell.text;
      if (hasHtml(value)) {
        html = true;
        value = stripHtml(value);
      }
      parts[side].push({ value: tidy(paragraphs(value)), row, cell });
    });
  }
  if (html) report(ctx, 'html_removed', 'HTML tags removed from the goal texts; paragraphs joined with line breaks', { row: rows[0], field: 'goal_expected' });
  const join = (list: GoalText[]): GoalText | undefined =>
    list.length === 0 ? undefined : { value: list.map((p) => p.value).join('\n'), row: list[0]!.row, cell: list[0]!.cell };
  const out: Goals = {};
  const ex = join(parts.expected);
  const ac = join(parts.actual);
  if (ex) out.expected = ex;
  if (ac) out.actual = ac;
  return out;
}
