/**
 * Given the rows of one file, returns one block per project table. A table opens at a title line
 * (财政项目支出绩效自我评价 and variants; a duplicated title is dropped) or, without a title, at a
 * 项目名称/主管部门 row after a finished table; it ends at its 评分等级 row or where the next begins.
 */
import { fieldOf, isTitle } from '../domain/labels.js';
import { report, type StageContext } from '../stage.js';
import type { Row } from '../types.js';

export interface ProjectBlock {
  /** The title line as printed, or null for an untitled table. */
  title: string | null;
  rows: Row[];
}

function nonEmpty(row: Row): string[] {
  return row.cells.map((c) => c.text).filter((t) => t !== '');
}

/** The title text when a row is a title line (its only text is a title, possibly repeated). */
function titleOf(row: Row): string | undefined {
  const texts = nonEmpty(row);
  if (texts.length === 0 || !texts.every((t) => isTitle(t))) return undefined;
  return texts[0]!.replace(/\s+/g, '');
}

function hasField(row: Row, ...keys: string[]): boolean {
  return row.cells.some((c) => {
    const f = fieldOf(c.text) ?? fieldOf(c.text.split(/\s+/)[0] ?? '');
    return f !== undefined && keys.includes(f);
  });
}

/** Whether a row could be the project name printed before its 项目名称 label: one short text. */
function looksLikeName(row: Row): boolean {
  const texts = nonEmpty(row);
  return texts.length === 1 && texts[0]!.length <= 60 && fieldOf(texts[0]!) === undefined;
}

export function rowsToBlocks(rows: readonly Row[], ctx: StageContext): ProjectBlock[] {
  const blocks: ProjectBlock[] = [];
  let cur: (ProjectBlock & { closed: boolean; hasName: boolean }) | null = null;
  let pending: Row[] = [];

  const open = (title: string | null, first: Row[]): void => {
    cur = { title, rows: [...first], closed: false, hasName: first.some((r) => hasField(r, 'project_name')) };
    blocks.push(cur);
  };
  const dropPending = (): void => {
    if (pending.length > 0) {
      report(ctx, 'orphan_rows', `${pending.length} row(s) outside any table were ignored`, { row: pending[0] });
    }
    pending = [];
  };

  for (const row of rows) {
    const title = titleOf(row);
    const c = cur as (ProjectBlock & { closed: boolean; hasName: boolean }) | null;
    if (title !== undefined) {
      if (c && !c.closed && c.rows.length === 0) {
        report(ctx, 'duplicate_title', `duplicated title line "${title}" dropped`, { row });
        continue;
      }
      dropPending();
      open(title, []);
      continue;
    }
    const isName = hasField(row, 'project_name');
    if (c && !c.closed) {
      // A second 项目名称 in an unfinished table means a new, untitled table starts here.
      if (isName && c.hasName && c.rows.some((r) => hasField(r, 'funds_header', 'goal_header'))) {
        c.closed = true;
        const last = c.rows[c.rows.length - 1];
        if (last && looksLikeName(last)) pending.push(c.rows.pop()!);
      } else {
        c.rows.push(row);
        if (isName) c.hasName = true;
        if (hasField(row, 'grade')) c.closed = true;
        continue;
      }
    }
    if (isName || hasField(row, 'department')) {
      const lead = pending.length > 0 && looksLikeName(pending[pending.length - 1]!) ? [pending.pop()!] : [];
      dropPending();
      report(ctx, 'untitled_table', 'a table without a title line starts here', { row });
      open(null, [...lead, row]);
      continue;
    }
    pending.push(row);
  }
  dropPending();
  return blocks.map(({ title, rows: r }) => ({ title, rows: r }));
}
