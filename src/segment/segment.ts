/**
 * Given the rows of one file, returns one block per project table. A table opens at a title line
 * (any template's title; a duplicated title is dropped) or, without a title, at a 项目名称/主管部门
 * row after a finished table; it ends at its grade row or where the next begins. A table whose
 * title says it is no project table (部门整体支出绩效自评表) is skipped up to the next project
 * table, and reported (`non_project_table`).
 */
import type { TemplateSet } from '../domain/vocabulary.js';
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

/** Given rows of one file and the templates, returns one block per project table. */
export function rowsToBlocks(rows: readonly Row[], ctx: StageContext, set: TemplateSet): ProjectBlock[] {
  const v = set.union;
  /**
   * The title text when a row is a title line (its only text is a title, possibly repeated; a
   * signature line under the table before may share its row, where tables follow one another
   * with no rule between: 项目负责人：… | 部门预算项目支出绩效自评表(2023年度)).
   */
  const titleOf = (row: Row, test: (t: string) => boolean): string | undefined => {
    // (Or run into it, read as one text: 项目负责人：…部门预算项目支出绩效自评表（2023年度）.)
    const texts = nonEmpty(row).flatMap((t) => {
      if (!v.isIgnored(t)) return [t];
      const title = test === set.isTitle ? set.titleAfterSignature(t) : undefined;
      return title ? [title] : [];
    });
    if (texts.length === 0 || !texts.every((t) => test(t))) return undefined;
    return texts[0]!.replace(/\s+/g, '');
  };
  type Kind = 'name' | 'department' | 'opens' | 'grade';
  const hasField = (row: Row, ...kinds: Kind[]): boolean =>
    row.cells.some((c) => {
      for (const text of [c.text, c.text.split(/\s+/)[0] ?? '']) {
        const f = v.field(text);
        if (kinds.includes('name') && f === 'project_name') return true;
        if (kinds.includes('department') && f === 'department') return true;
        if (kinds.includes('grade') && f === 'grade') return true;
        if (kinds.includes('opens') && (v.isFundsHeader(text) || v.isSection(text))) return true;
      }
      return false;
    });
  /** Whether a row could be the project name printed before its 项目名称 label: one short text. */
  const looksLikeName = (row: Row): boolean => {
    const texts = nonEmpty(row);
    return texts.length === 1 && texts[0]!.length <= 60 && !v.knows(texts[0]!);
  };
  const blocks: ProjectBlock[] = [];
  let skipping: { title: string; row: Row; rows: number } | null = null;
  const endSkip = (): void => {
    if (!skipping) return;
    report(ctx, 'non_project_table', `"${skipping.title}" is not a project table: its ${skipping.rows} row(s) were skipped`, { row: skipping.row });
    skipping = null;
  };
  let cur: (ProjectBlock & { closed: boolean; hasName: boolean }) | null = null;
  let pending: Row[] = [];

  const open = (title: string | null, first: Row[]): void => {
    cur = { title, rows: [...first], closed: false, hasName: first.some((r) => hasField(r, 'name')) };
    blocks.push(cur);
  };
  const dropPending = (): void => {
    if (pending.length > 0) {
      report(ctx, 'orphan_rows', `${pending.length} row(s) outside any table were ignored`, { row: pending[0] });
    }
    pending = [];
  };

  for (const row of rows) {
    const other = titleOf(row, set.isNonProjectTitle);
    if (other !== undefined) {
      // A department-wide table (or another that is no project table): skipped up to the next table.
      endSkip();
      dropPending();
      if (cur) (cur as { closed: boolean }).closed = true;
      skipping = { title: other, row, rows: 0 };
      continue;
    }
    const title = titleOf(row, set.isTitle);
    if (skipping && title === undefined && !hasField(row, 'name')) {
      (skipping as { rows: number }).rows++;
      continue;
    }
    endSkip();
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
    const isName = hasField(row, 'name');
    if (c && !c.closed) {
      // A second 项目名称 in an unfinished table means a new, untitled table starts here.
      if (isName && c.hasName && c.rows.some((r) => hasField(r, 'opens'))) {
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
  endSkip();
  dropPending();
  return blocks.map(({ title, rows: r }) => ({ title, rows: r }));
}
