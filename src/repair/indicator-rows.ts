/**
 * Reads the rows of the indicator table against its header row, with the template's columns. A
 * row is anchored on its weight/score pair (the last two numbers with at most the deviation
 * reason after them), which gives the row's shift against the header (`shifted_cells`). Cells
 * left of 三级指标 are labels: level-1 and level-2 names are recognised by the template's
 * framework; a level-2 name in the level-1 column is noted (`level2_in_level1_column`); other
 * text there is the 三级指标 when that column is empty (`label_in_wrong_column`) and garbage
 * otherwise (`garbage_label`). A row with no numbers that continues the previous one is joined to
 * it (`wrapped_cell_joined`), and so is a line of it read inside the level name beside it. The
 * table ends at its total row (the template's total labels, or an unlabelled row of one or two
 * numbers where the template allows it, a lone one being the total weight or under 得分), or at a
 * row that holds a field label (评价结论 …), which gives the totals too when it holds two figures
 * under 分值 and 得分 and the grade or the total label (`total_on_field_row`).
 */
import { labelKey } from '../domain/labels.js';
import type { IndicatorColKey } from '../domain/template.js';
import type { Vocabulary } from '../domain/vocabulary.js';
import { isNumber } from '../domain/values.js';

/** A plain number, a figure wrapped inside its cell (92.2 2) counting as one. */
const isFigure = (text: string): boolean => isNumber(compactFigure(text));
import { report, type StageContext } from '../stage.js';
import type { Cell, MergeRole, Row } from '../types.js';
import { hasFieldLabel, isIgnoredRow, isIndicatorHeader } from './sections.js';
import { labelsIn } from './stacked-fields.js';
import { acrossOverlap, compactFigure, isPageNumberRow, mostOverlapped, readAmount } from './text.js';

export interface LabelMark {
  text: string;
  merge?: MergeRole;
  continuesFromPage?: boolean;
}

/** Columns printed as text between the level labels and the weight. */
export type ValueKey = Exclude<IndicatorColKey, 'level1' | 'level2' | 'weight' | 'score'>;

export interface IndicatorRow {
  row: Row;
  /** Each text column as printed (null when blank); deviation_reason "" when blank. */
  values: Partial<Record<ValueKey, string | null>>;
  weight: string | null;
  score: string | null;
  /** Level-1 name printed on this row, if any. */
  printedLevel1?: string;
  /** Level-2 name printed on this row, if any. */
  printedLevel2?: string;
  /** The cell in the level-2 column, with its merge role (PDF). */
  level2Cell?: LabelMark;
  /** Garbage printed in a label column. */
  garbage?: string;
  cells: Partial<Record<IndicatorColKey, Cell>>;
}

export interface IndicatorTable {
  rows: IndicatorRow[];
  totalWeight: { value: string | null; row: Row; cell?: Cell } | null;
  totalScore: { value: string | null; row: Row; cell?: Cell } | null;
  separators: number;
  /** Count of figures wrapped inside their cell (joined). */
  wrapped: number;
  /** Index (in the rows given) of the first row after the table: its total row's next, or where it stopped. */
  end: number;
}

export type IndicatorHeader = Partial<Record<IndicatorColKey, number>>;

/** Column positions of the indicator header row. */
export function readIndicatorHeader(row: Row, v: Vocabulary): IndicatorHeader {
  const h: IndicatorHeader = {};
  row.cells.forEach((c, i) => {
    // A label whose last line a layer without rules put in a column of its own (偏差原因分析及改进措
    // | 施) is the label of the column its first lines are in.
    const next = row.cells[i + 1];
    const k = v.indicatorCol(c.text) ?? (next && c.text !== '' && next.text !== '' && v.indicatorCol(next.text) === undefined ? v.indicatorCol(c.text + next.text) : undefined);
    if (k && h[k] === undefined) h[k] = i;
  });
  return h;
}

/** The text columns of the template from 三级指标 to the last before the weight, in printed order. */
function valueColumns(v: Vocabulary): ValueKey[] {
  return v.template.indicators.columns
    .map((c) => c.key)
    .filter((k): k is ValueKey => k !== 'level1' && k !== 'level2' && k !== 'weight' && k !== 'score' && k !== 'deviation_reason');
}

/** Whether a cell's text begins with a total label run into other text (合计项目实施程序规范…). */
function totalFirst(text: string, v: Vocabulary): boolean {
  return v.template.total.labels.some((l) => text.startsWith(l) && text.length > l.length && !/^[\d.\s]/.test(text.slice(l.length)));
}

/** The numbers of a total row (its weight and the total score), or undefined when it is not one. */
function totalRowValues(row: Row, v: Vocabulary): { texts: { cell: Cell; at: number }[]; labelled: boolean } | undefined {
  const texts: { cell: Cell; at: number }[] = [];
  let labelled = false;
  // The ends of the last group's level names wrapped onto the total row's line (满意度指 over
  // 标(10分), or its points alone: (10分)) are no cells of it.
  let fragments = 0;
  const withTotalText = row.cells.some((x) => totalFirst(x.text.trim(), v));
  for (let i = 0; i < row.cells.length; i++) {
    const c = row.cells[i]!;
    if (c.text === '') continue;
    if (v.isTotal(c.text) || totalFirst(c.text.trim(), v)) {
      labelled = true;
      continue;
    }
    // A field's label merged over this row and the ones below (评价结论 set beside 合计 by a
    // borderless layer, or 评价结论存在问题, two labels run together) is no cell of it; nor is one
    // on the line of a total label run into the field's text (合计项目实施…: stacked rows read as one).
    if ((c.rowSpan > 1 || withTotalText) && (v.field(c.text) !== undefined || labelsIn(c.text, v) !== null)) {
      fragments++;
      continue;
    }
    if (!isFigure(c.text)) {
      // labelKey leaves nothing of a points label alone; its end a narrow cell wrapped (满意度指标(10 over 分)) is one too.
      const points = labelKey(c.text) === '' || /^\d*\s*分\s*[)）]$/.test(c.text.trim());
      if (!(points || v.isFragment(c.text)) || v.isTotal(c.text)) return undefined;
      fragments++;
      continue;
    }
    texts.push({ cell: c, at: i });
  }
  if (fragments > 0 && !labelled) return undefined;
  if (texts.length > 2 || (texts.length === 0 && !labelled)) return undefined;
  if (!labelled && !v.template.total.unlabelled) return undefined;
  return { texts, labelled };
}

/**
 * Index of the weight cell: the last pair of numbers followed by at most one non-empty cell. On a
 * row a page break cuts (`cut`), a number ending on its point (20. over the next page's 00) is
 * one too: its digits are on the next page. A column empty in the row and in the header (a
 * spare grid column between 分值 and 得分) parts no pair.
 */
function weightIndex(cells: readonly Cell[], cut = false, spare: (i: number) => boolean = () => false): number {
  const figure = (t: string): boolean => isFigure(t) || (cut && /^\d+\.$/.test(t.trim()));
  const at = cells.flatMap((c, i) => (c.text === '' && spare(i) ? [] : [i]));
  let after = 0; // non-empty cells right of i
  for (let j = at.length - 1; j >= 1; j--) {
    const i = at[j]!, before = at[j - 1]!;
    if (after <= 1 && figure(cells[i]!.text) && figure(cells[before]!.text)) return before;
    if (cells[i]!.text !== '') after++;
    if (after > 1) return -1;
  }
  return -1;
}

/**
 * A row whose cell under 得分 (`i`) begins with a figure and goes on with Han text, right of a
 * figure, the cells after it empty or none: the score and the note beside it drawn as one text.
 * The cells with the two apart.
 */
function scoreBeforeNote(cells: readonly Cell[], i: number): { cells: Cell[]; at: number } | undefined {
  if (i < 1 || i >= cells.length || cells.slice(i + 1).some((c) => c.text !== '')) return undefined;
  const m = /^(\d+(?:\.\d+)?)\s*(\p{Script=Han}[\s\S]*)$/u.exec(cells[i]!.text.trim());
  if (!m || !isFigure(cells[i - 1]!.text)) return undefined;
  const out = [...cells];
  out[i] = { ...cells[i]!, text: m[1]! };
  out[i + 1] = { ...(cells[i + 1] ?? cells[i]!), text: m[2]! };
  return { cells: out, at: i };
}

/** The column whose cell in `cells` lies over `cell` on the page (most horizontal overlap), if boxes tell. */
function columnByBox<K extends IndicatorColKey>(cell: Cell, cells: Partial<Record<IndicatorColKey, Cell>>, keys: readonly K[]): K | undefined {
  const present = keys.filter((k) => cells[k] !== undefined);
  return present[mostOverlapped(cell, present.map((k) => cells[k]!))];
}

/** Index of the cell of `cells` that stands under a header cell (most of its width), where boxes tell. */
function underHeader(head: Cell | undefined, cells: readonly Cell[]): number | undefined {
  if (!head?.bbox) return undefined;
  const width = (c: Cell): number => (c.bbox ? c.bbox[2] - c.bbox[0] : 0);
  const i = cells.findIndex((c) => (acrossOverlap(c, head) ?? 0) > 0.5 * Math.max(width(head), width(c)));
  return i < 0 ? undefined : i;
}

/** The one level name a piece of a label cut by a page break starts (服务对象满 → 服务对象满意度指标; 数 → 数量指标). */
function completeLevel(text: string, v: Vocabulary): { level1?: string; level2?: string } {
  const k = labelKey(text);
  if (!k) return {};
  const names2 = Object.keys(v.template.indicators.framework).filter((n) => v.level2(n) && n.length > k.length && n.startsWith(k));
  const names1 = [...new Set(Object.values(v.template.indicators.framework))].filter((n) => n.length > k.length && n.startsWith(k));
  if (names2.length === 1 && names1.length === 0) return { level2: names2[0]! };
  if (names1.length === 1 && names2.length === 0) return { level1: names1[0]! };
  return {};
}

/** The one place where a text splits into what `left` and `right` each read (both defined), if any. */
function splitInTwo<A, B>(text: string, left: (s: string) => A | undefined, right: (s: string) => B | undefined): [A, B] | undefined {
  for (let k = 2; k < text.length - 1; k++) {
    const a = left(text.slice(0, k));
    const b = a === undefined ? undefined : right(text.slice(k));
    if (a !== undefined && b !== undefined) return [a, b];
  }
  return undefined;
}

/**
 * A level-1 name and a level-2 name printed as one cell (two merged cells' labels on one line,
 * drawn or read as one run: 满意度指标服务对象满意度指标), read apart.
 */
function gluedLevels(text: string, v: Vocabulary): { level1: string; level2: string } | undefined {
  const both = splitInTwo(text, (s) => v.level1(s), (s) => v.level2(s));
  if (both) return { level1: both[0], level2: both[1] };
  // The level 2 first where the rule between the two cells is missing and the level 1, set lower
  // in its taller cell, is read after it (服务对象满意度指标满意度指标): only a pair of the framework.
  const after = splitInTwo(text, (s) => v.level2(s), (s) => v.level1(s));
  if (after && v.template.indicators.framework[after[0]] === after[1]) return { level1: after[1], level2: after[0] };
  return interleavedLevels(text, v);
}

/** A level-2 name followed by other text that is no level name (数量指标展品数量): the two. */
function nameBeforeText(text: string, v: Vocabulary): { name: string; rest: string } | undefined {
  const t = text.trim();
  for (const name of Object.keys(v.template.indicators.framework)) {
    const rest = t.startsWith(name) ? t.slice(name.length).trim() : '';
    if (rest.length >= 2 && !v.level1(rest) && !v.level2(rest) && !v.isFragment(rest) && !v.isSection(rest)) return { name, rest };
  }
  return undefined;
}

/**
 * A level-2 name followed by other text (`nameBeforeText`), or the same after a level-1 name of its
 * family (产出指标(50分) + 数量指标 + APP注册用户数: three cells' texts drawn as one line).
 */
function namesBeforeText(text: string, v: Vocabulary): { level1?: string; name: string; rest: string } | undefined {
  const plain = nameBeforeText(text, v);
  if (plain) return plain;
  const t = text.trim();
  for (let k = 2; k < t.length - 3; k++) {
    const level1 = v.level1(t.slice(0, k));
    const after = level1 ? nameBeforeText(t.slice(k), v) : undefined;
    if (level1 && after && v.template.indicators.framework[after.name] === level1) return { level1, ...after };
  }
  return undefined;
}

/**
 * A level name with a line of the next column's text read inside it, between its own two lines
 * (社会效益指 + 便利度 + 标): the name and that line.
 */
function nameAroundLine(text: string, v: Vocabulary): { name: string; line: string } | undefined {
  const t = labelKey(text);
  const names = [...Object.keys(v.template.indicators.framework), ...new Set(Object.values(v.template.indicators.framework))];
  const isName = (s: string): string | undefined => v.level1(s) ?? v.level2(s);
  // (Two names run together, 社会效益指标服务对象满意度指标, are two rows' labels, not this.)
  if (isName(t) || /\d/.test(t) || splitInTwo(t, isName, isName)) return undefined;
  for (const name of names) {
    const n = labelKey(name);
    if (t.length <= n.length) continue;
    for (let i = 1; i < n.length; i++) {
      const line = t.slice(i, i + t.length - n.length);
      if (t.startsWith(n.slice(0, i)) && t.endsWith(n.slice(i)) && !names.some((m) => line.includes(labelKey(m)))) return { name, line };
    }
  }
  return undefined;
}

/**
 * Two level names wrapped side by side and read line by line into one cell: the level 1's lines
 * and the level 2's taken in turns (满意度 + 服务对象满意度指 + 指标; 满意 + 服务 + 度指 + 对象 + 标 +
 * 满意度指标), the level 2's last line there too or left to the next cell. Each name's characters
 * keep their order, and the text begins with the level 1, or with the level 2 where both are whole.
 */
function interleavedLevels(text: string, v: Vocabulary): { level1: string; level2: string } | undefined {
  const t = labelKey(text);
  for (const [l2, l1] of Object.entries(v.template.indicators.framework)) {
    const a = labelKey(l1), b = labelKey(l2);
    if (t.length >= a.length + 2 && t.length <= a.length + b.length && t.startsWith(a[0]!) && interleaves(t, a, b.slice(0, t.length - a.length))) return { level1: l1, level2: l2 };
    // (The level 2 first, both whole, where the level 1 is set lower: 服务对象满意度指 + 满意度指标 + 标.)
    if (t.length === a.length + b.length && t.startsWith(b[0]!) && !t.startsWith(a[0]!) && interleaves(t, b, a)) return { level1: l1, level2: l2 };
  }
  return undefined;
}

/** Whether `t` is `a` and `b` taken in turns, a run of each at a time, both whole and in order. */
function interleaves(t: string, a: string, b: string): boolean {
  // ok[i][j]: t's first i + j characters are a's first i and b's first j.
  const ok: boolean[][] = Array.from({ length: a.length + 1 }, () => new Array<boolean>(b.length + 1).fill(false));
  ok[0]![0] = true;
  for (let i = 0; i <= a.length; i++) {
    for (let j = 0; j <= b.length; j++) {
      if (i > 0 && ok[i - 1]![j] && a[i - 1] === t[i + j - 1]) ok[i]![j] = true;
      if (j > 0 && ok[i]![j - 1] && b[j - 1] === t[i + j - 1]) ok[i]![j] = true;
    }
  }
  return ok[a.length]![b.length]!;
}

/**
 * A label cell that also holds the section's side label (产出指标绩效指标(90分): the level-1 name and
 * 绩效指标 on one line), without the side label; other text as it is.
 */
function withoutSection(text: string, v: Vocabulary): string {
  const level = (s: string): string | undefined => (v.level1(s) || v.level2(s) ? s : undefined);
  const section = (s: string): true | undefined => (v.isSection(s) ? true : undefined);
  return splitInTwo(text, level, section)?.[0] ?? splitInTwo(text, section, level)?.[1] ?? text;
}

function text(cells: readonly Cell[], at: number | undefined): string | null {
  if (at === undefined || at < 0 || at >= cells.length) return null;
  const t = cells[at]!.text;
  return t === '' ? null : t;
}

/**
 * The texts that follow the labels of a repeated header row (三级指标 | 率: the last line of a
 * name a page break cut, under the header the next page repeats), or null when the row is no
 * header with such texts.
 */
function headerRests(row: Row, v: Vocabulary): string[] | null {
  const labels = v.template.indicators.columns.flatMap((c) => c.labels).map((l) => l.replace(/\s+/g, '')).sort((a, b) => b.length - a.length);
  let found = false;
  const heads: string[] = [], rests: string[] = [];
  for (const c of row.cells) {
    const t = c.text.replace(/\s+/g, '');
    const l = v.indicatorCol(c.text) === undefined ? labels.find((x) => t.length > x.length && t.startsWith(x)) : undefined;
    heads.push(l ?? c.text);
    rests.push(l ? t.slice(l.length) : '');
    if (l) found = true;
  }
  return found && isIndicatorHeader({ ...row, cells: row.cells.map((c, i) => ({ ...c, text: heads[i]! })) }, v) ? rests : null;
}

/**
 * The header row with the rest of its labels that a page break put at the next page's top (年度指 |
 * 偏差原因分析及 over 标值 | 改进措施) joined to them, where the row after it holds nothing but
 * pieces of labels, each under a label, and a join makes a column label the piece alone is not;
 * else the header row.
 */
function headerWithRest(headerRow: Row, next: Row | undefined, v: Vocabulary): Row {
  if (!next || headerRow.page === undefined || next.page === undefined || next.page <= headerRow.page || next.cells.length !== headerRow.cells.length) return headerRow;
  const rest = next.cells.map((c, i) => ({ c, head: headerRow.cells[i]! })).filter(({ c }) => c.text !== '');
  if (!rest.length || !rest.every(({ c, head }) => head.text !== '' && !isFigure(c.text) && v.isFragment(c.text))) return headerRow;
  const joins = (i: number): boolean => next.cells[i]!.text !== '' && v.indicatorCol(headerRow.cells[i]!.text) === undefined && v.indicatorCol(headerRow.cells[i]!.text + next.cells[i]!.text) !== undefined;
  if (!headerRow.cells.some((_, i) => joins(i))) return headerRow;
  return { ...headerRow, cells: headerRow.cells.map((c, i) => (joins(i) ? { ...c, text: c.text + next.cells[i]!.text } : c)) };
}

/** Given the header and the rows after it, reads indicator rows and the total row. */
export function readIndicatorRows(firstHeader: Row, given: readonly Row[], v: Vocabulary, ctx: StageContext): IndicatorTable {
  const rows = [...given];
  // The header the rows are read by: a page that repeats it with the same columns in another grid
  // (a spare column the first page's grid had) is read by its own.
  let headerRow = firstHeader;
  let h = readIndicatorHeader(headerWithRest(headerRow, rows.find((r) => r.cells.some((c) => c.text !== '')), v), v);
  const out: IndicatorTable = { rows: [], totalWeight: null, totalScore: null, separators: 0, wrapped: 0, end: rows.length };
  const valueKeys = valueColumns(v);
  const placeholders = v.template.placeholders;
  let hw = h.weight ?? valueKeys.length + 2;
  let hl3 = h.level3 ?? 2;
  // The header each row was read by, for the rows that continue it.
  const readBy = new Map<IndicatorRow, { h: IndicatorHeader; hw: number }>();
  const fundsWeight = Number(v.template.funds.weight);
  const totalWeight = Number(v.template.total.weight);
  // Level names read as a row of their own, for the next indicator row.
  let pending: { row: Row; level1: string | undefined; level2: string | undefined } | undefined;
  // The 三级指标 of a later row of a merged level-name cell, read into that cell after the name
  // (经济效益指标促进区域GDP增长 over two rows, the second row's 三级指标 empty), for that row.
  let spilled: { rest: string; cell: Cell; rowsLeft: number } | undefined;
  // A level name a page break cut (服务对象满 at one page's foot), for the next page's first row:
  // the rest of it (意度指标) may stand in that row's 三级指标 cell, before the name there, or after
  // it where the rest stands a line lower (执法检查社会影响力 over 指标 of 效益 / 指标).
  let cutName: { name: string; rest: string; row: Row } | undefined;
  for (let n = 0; n < rows.length; n++) {
    const row = rows[n]!;
    const cells = row.cells;
    if (cells.every((c) => c.text === '')) continue;
    if (isPageNumberRow(cells.map((c) => c.text).filter((t) => t !== ''))) continue;
    if (isIndicatorHeader(row, v)) {
      const again = readIndicatorHeader(row, v);
      const keys = (x: IndicatorHeader): string => Object.keys(x).sort().join();
      if (keys(again) === keys(h) && row.cells.length !== headerRow.cells.length) {
        headerRow = row;
        h = again;
        hw = h.weight ?? valueKeys.length + 2;
        hl3 = h.level3 ?? 2;
      }
      report(ctx, 'repeated_header', 'a repeated indicator header row was dropped', { row });
      continue;
    }
    const rests = headerRests(row, v);
    if (rests) {
      // The rest of the row a page break cut, read into the header the next page repeats: that
      // rest is read on as a row of its own, the header dropped.
      report(ctx, 'repeated_header', `a repeated indicator header row was dropped; what followed its labels (${rests.filter(Boolean).join(' | ')}) was kept`, { row });
      rows[n] = { ...row, cells: cells.map((c, i) => ({ ...c, text: rests[i] ?? '' })) };
      n--;
      continue;
    }
    if (joinNumberRests(row, out.rows, ctx)) continue;
    const apart = h.score !== undefined ? scoreBeforeNote(cells, h.score) : undefined;
    if (apart) {
      // The score and the 偏差原因分析 beside it drawn as one text (2.45 偏差原因：因政策), the cell
      // right of it empty or none: read apart, and the row read again.
      report(ctx, 'values_joined', `a score and the note beside it shared one cell ("${cells[apart.at]!.text}"): read apart`, { row, cell: cells[apart.at] }, { actual: cells[apart.at]!.text, expected: `${apart.cells[apart.at]!.text} | ${apart.cells[apart.at + 1]!.text}` });
      rows[n] = { ...row, cells: apart.cells };
      n--;
      continue;
    }
    // A tall row's figures set at its top, apart from its names (7.00 | 3.23 beside the first line
    // of a long 偏差原因分析, 项目完成时间 beside its third): a row of nothing but one or two figures
    // under 分值 and 得分, right above a row with a 三级指标 and those cells empty, is that row's.
    const figureAt = cells.flatMap((c, i) => (c.text === '' ? [] : [i]));
    const below = rows[n + 1];
    if (
      below && figureAt.length > 0 && figureAt.length <= 2 && figureAt.every((i) => i >= hw && isFigure(cells[i]!.text)) &&
      below.cells.length === cells.length && (below.cells[hl3]?.text ?? '') !== '' && figureAt.every((i) => below.cells[i]!.text === '') &&
      !hasFieldLabel(below, v) && !below.cells.some((c) => v.isTotal(c.text))
    ) {
      rows[n + 1] = { ...below, cells: below.cells.map((c, i) => (figureAt.includes(i) ? cells[i]! : c)) };
      report(ctx, 'wrapped_cell_joined', `figures printed above the names of their row were read into it (${below.cells[hl3]!.text})`, { row }, { actual: cells.map((c) => c.text).join(' | '), expected: rows[n + 1]!.cells.map((c) => c.text).join(' | ') });
      continue;
    }
    const total = totalRowValues(row, v);
    // A lone number is the total weight (100) unless it sits under 得分 and is not the weights' sum;
    // unlabelled, neither (a digit a narrow weight cell wrapped), it is no total.
    const weightSum = out.rows.reduce((acc, r) => acc + Number(r.weight ?? 0), 0) + fundsWeight;
    const [ta, tb] = total?.texts ?? [];
    const lone = ta && !tb ? Number(ta.cell.text.replace(/,/g, '')) : NaN;
    const isWeight = lone === totalWeight || Math.abs(lone - weightSum) < 1e-9;
    const underScore = ta !== undefined && h.score !== undefined && h.weight !== undefined && ta.at >= h.score;
    if (total && out.rows.length > 0 && (total.labelled || !ta || tb || isWeight || underScore)) {
      const [a, b] = total.texts;
      let weightCell: { cell: Cell; at: number } | undefined = a;
      let scoreCell: { cell: Cell; at: number } | undefined = b;
      if (a && !b && !isWeight && underScore) {
        weightCell = undefined;
        scoreCell = a;
      }
      const wv = readAmount(weightCell?.cell.text, placeholders);
      const sv = readAmount(scoreCell?.cell.text, placeholders);
      if (wv.wrapped) out.wrapped++;
      if (sv.wrapped) out.wrapped++;
      out.totalWeight = { value: wv.value, row, ...(weightCell ? { cell: weightCell.cell } : {}) };
      out.totalScore = { value: sv.value, row, ...(scoreCell ? { cell: scoreCell.cell } : {}) };
      out.end = n + 1;
      break;
    }
    if (out.rows.length > 0 && (hasFieldLabel(row, v) || isIgnoredRow(row, v))) {
      // The table ended without a total row: the rows from here are fields (评价结论 …). A field's
      // row that holds two figures under 分值 and 得分 and the grade (评分等级 | 优 | 100 | 99.90:
      // the total row's label lost) or the total label (评价结论 | … | 合计 | 100 | 94.3: the two
      // rows read as one) also gives the totals; the fields reader still reads the field.
      const figures = cells.flatMap((c, i) => (isFigure(c.text) ? [i] : []));
      const totalsHere = cells.some((c) => v.field(c.text) === 'grade' || v.isTotal(c.text));
      if (totalsHere && figures.length === 2 && h.weight !== undefined && h.score !== undefined && figures[0] === h.weight && figures[1] === h.score) {
        out.totalWeight = { value: readAmount(cells[figures[0]]!.text, placeholders).value, row, cell: cells[figures[0]]! };
        out.totalScore = { value: readAmount(cells[figures[1]]!.text, placeholders).value, row, cell: cells[figures[1]]! };
        report(ctx, 'total_on_field_row', 'the total row\'s figures were printed on a field\'s row: read as the totals', { row }, { actual: cells.map((c) => c.text).join(' | ') });
      }
      out.end = n;
      break;
    }
    // (A row a page break cuts is its page's last: the next row is on a later page.)
    const spare = (i: number): boolean => headerRow.cells.length === cells.length && (headerRow.cells[i]?.text ?? '') === '';
    let w = weightIndex(cells, row.page !== undefined && (rows[n + 1]?.page ?? row.page) > row.page, spare);
    let scoreCut = false;
    if (w < 0) {
      // A row cut short after its weight (the score cell fell off the end of a shifted row).
      let last = cells.length - 1;
      while (last >= 0 && cells[last]!.text === '') last--;
      if (last >= 3 && isFigure(cells[last]!.text) && !isFigure(cells[last - 1]!.text) && last === cells.length - 1 && last - hw > 0) {
        w = last;
        scoreCut = true;
        report(ctx, 'shifted_cells', 'row shifted right past the end of the table: its 得分 cell is missing', { row }, { actual: cells.map((c) => c.text).join(' | ') });
      }
    }
    // (Right under the header, the rest of a column label it wrapped may stand beside them: 值 of
    // 指标 / 标 / 值.)
    const headerRest = (c: Cell, i: number): boolean => out.rows.length === 0 && i >= (h.level3 ?? hl3) && !isFigure(c.text) && v.isFragment(c.text) && (headerRow.cells[i]?.text ?? '') !== '';
    if (w < 0 && cells.every((c, i) => c.text === '' || i < (h.level3 ?? hl3) || headerRest(c, i))) {
      // Text in the label columns only, no figures: a merged label (绩效指标(90分), a level name)
      // whose text a page break split; its rows are the neighbours'. Whole level names on such a
      // row (a group's labels at the top of the part a page break cuts, read as a row of their
      // own) name the group the next row begins, where that row prints none.
      const names = cells.filter((c) => c.text !== '' && (v.level1(c.text) || v.level2(c.text)));
      pending = names.length ? { row, level1: names.map((c) => v.level1(c.text)).find((x) => x), level2: names.map((c) => v.level2(c.text)).find((x) => x) } : undefined;
      continue;
    }
    if (w < 0) {
      const prev = out.rows[out.rows.length - 1];
      const filled = cells.filter((c) => c.text !== '');
      const labelsOnly = filled.every((c) => v.level1(c.text) || v.level2(c.text));
      // The rest of a row a page break cut, at the top of the next page, may hold a piece of
      // every text column (群众投 / 诉下降率, ≥95 / %) and of the level names beside them.
      const cutByPage = prev?.row.page !== undefined && row.page !== undefined && row.page > prev.row.page;
      if (prev && !labelsOnly && (filled.length <= 3 || cutByPage)) {
        // A wrapped continuation of the previous row: append each piece to the field in its column,
        // found by position on the page where both have boxes (a row a page break cut in two has
        // other merged cells than its first part), else by the previous row's shift; on another
        // page with as many cells, by the shift (the next page may set the table elsewhere).
        const by = readBy.get(prev) ?? { h, hw };
        const k = prev.cells.weight ? prev.row.cells.indexOf(prev.cells.weight) - by.hw : 0;
        const keys = [...valueKeys, 'deviation_reason' as const];
        const byIndex = (i: number): ValueKey | 'deviation_reason' | undefined => keys.find((f) => by.h[f] !== undefined && by.h[f]! + k === i);
        const sameGrid = cutByPage && cells.length === prev.row.cells.length;
        cells.forEach((c, i) => {
          if (c.text === '') return;
          // The rest of the level name the break cut (服务 | 对象满意度指标), already read whole.
          if (cutName?.row === prev.row && labelKey(c.text) === labelKey(cutName.rest)) {
            report(ctx, 'wrapped_cell_joined', `the rest of the level name ${cutName.name} a page break cut (${cutName.rest}) stands on the next page`, { row, cell: c }, { actual: c.text, expected: cutName.name });
            cutName = undefined;
            return;
          }
          // Digits under the weight or score a narrow cell wrapped (1 / 5, 6 / .9, 1 / 2.00) complete it.
          // (On the next page's grid with as many cells, by its column.)
          const figure = sameGrid ? (['weight', 'score'] as const).find((f) => by.h[f] !== undefined && by.h[f]! + k === i) : columnByBox(c, prev.cells, ['weight', 'score'] as const);
          const t = c.text.trim();
          if (figure && prev[figure] !== null && /^\d*\.?\d+$/.test(t) && /^\d+(?:\.\d+)?$/.test(prev[figure] + t) && (sameGrid || columnByBox(c, prev.cells, [...keys, figure]) === figure)) {
            prev[figure] = prev[figure] + t;
            return;
          }
          const key = sameGrid ? byIndex(i) : (columnByBox(c, prev.cells, keys) ?? byIndex(i));
          if (!key) return;
          prev.values[key] = (prev.values[key] ?? '') + c.text;
        });
        report(ctx, 'wrapped_cell_joined', 'a row continuing the previous indicator was joined to it', { row }, { actual: filled.map((c) => c.text).join(' | ') });
        continue;
      }
      if (labelsOnly) continue;
    }
    const k = w >= 0 ? w - hw : 0;
    if (k !== 0) {
      report(ctx, 'shifted_cells', `indicator row shifted ${k > 0 ? 'right' : 'left'} by ${Math.abs(k)} cell(s)`, { row }, { actual: cells.map((c) => c.text).join(' | ') });
    }
    const at = (key: IndicatorColKey): number | undefined => (h[key] === undefined ? undefined : h[key]! + k);
    const ir: IndicatorRow = { row, values: {}, weight: null, score: null, cells: {} };
    for (const key of valueKeys) ir.values[key] = text(cells, key === 'level3' ? (at('level3') ?? hl3 + k) : at(key));
    // (A row the shift puts past its last cell, where the header has an empty column before 原因 that
    // this page's grid lacks: the cell under the header's, right of the weight.)
    const devShift = at('deviation_reason');
    const devUnder = devShift !== undefined && devShift >= cells.length ? underHeader(headerRow.cells[h.deviation_reason ?? -1], cells) : undefined;
    const devAt = devUnder !== undefined && w >= 0 && devUnder > w + 1 ? devUnder : devShift;
    ir.values.deviation_reason = text(cells, devAt) ?? '';
    for (const key of [...valueKeys, 'weight', 'score', 'deviation_reason'] as const) {
      const i = key === 'deviation_reason' ? devAt : at(key);
      if (i !== undefined && cells[i]) ir.cells[key] = cells[i]!;
    }
    const wv = readAmount(text(cells, w >= 0 ? w : at('weight')) ?? undefined, placeholders);
    let scoreAt = w + 1;
    while (w >= 0 && scoreAt < cells.length - 1 && cells[scoreAt]!.text === '' && spare(scoreAt)) scoreAt++;
    const sv = readAmount(scoreCut ? undefined : (text(cells, w >= 0 ? scoreAt : at('score')) ?? undefined), placeholders);
    if (wv.separators) out.separators++;
    if (sv.separators) out.separators++;
    if (wv.wrapped) out.wrapped++;
    if (sv.wrapped) out.wrapped++;
    ir.weight = wv.value;
    ir.score = sv.value;
    // The level-2 column by position where both rows have boxes (a page whose grid has a column
    // more or less right of the labels shifts the values, not the labels), else by the shift.
    const l2At = underHeader(headerRow.cells[h.level2 ?? -1], cells) ?? at('level2');
    if (l2At !== undefined && l2At >= 0 && cells[l2At]) {
      const c = cells[l2At]!;
      ir.level2Cell = { text: c.text, ...(c.merge ? { merge: c.merge } : {}), ...(c.continuesFromPage !== undefined ? { continuesFromPage: c.continuesFromPage } : {}) };
    }
    // Left of the weight: level names (by the framework), then the text columns in order.
    const l3At = at('level3') ?? hl3 + k;
    const end = w >= 0 ? w : (at('weight') ?? cells.length);
    const texts: number[] = [];
    // A row whose merged cells the PDF layer gave fewer slots (a page with another grid) shifts
    // its labels left with the rest: what stands before its last text columns are labels still.
    const filled = cells.slice(0, Math.min(end, cells.length)).flatMap((c, i) => (c.text === '' ? [] : [i]));
    const labelEnd = Math.max(l3At, filled.length > valueKeys.length ? filled[filled.length - valueKeys.length]! : l3At);
    for (let i = 0; i < Math.min(end, cells.length); i++) {
      let t = i < labelEnd ? withoutSection(cells[i]!.text, v) : cells[i]!.text;
      if (t === '') continue;
      const cut = i < labelEnd && i + 1 === l3At && !gluedLevels(t, v) ? nameAroundLine(t, v) : undefined;
      if (cut && ir.values.level3) {
        // The 三级指标's last line read into the level name beside it (社会效益指 + 便利度 + 标).
        report(ctx, 'wrapped_cell_joined', `the line "${cut.line}" inside the label "${t}" ends the 三级指标 beside it`, { row, cell: cells[i] }, { actual: t, expected: `${cut.name} | ${ir.values.level3}${cut.line}` });
        ir.values.level3 += cut.line;
        t = cut.name;
      }
      const l1 = v.level1(t);
      const l2 = v.level2(t);
      const both = l1 || l2 || i >= labelEnd ? undefined : gluedLevels(t, v);
      // Two names of one level run together (社会效益指标服务对象满意度指标): the labels of this row's
      // group and of the next one, read onto one line; this row takes the first.
      const pair = l1 || l2 || both || i >= labelEnd ? undefined : (splitInTwo(t, (x) => v.level1(x), (x) => v.level1(x)) ?? splitInTwo(t, (x) => v.level2(x), (x) => v.level2(x)));
      if (l1 && i < labelEnd) ir.printedLevel1 = l1;
      else if (both) {
        ir.printedLevel1 = both.level1;
        ir.printedLevel2 = both.level2;
        report(ctx, 'level_labels_joined', `"${t}" read as level 1 ${both.level1} and level 2 ${both.level2}`, { row, cell: cells[i] }, { actual: t });
      } else if (pair) {
        if (v.level1(pair[0])) ir.printedLevel1 = pair[0];
        else ir.printedLevel2 = pair[0];
        report(ctx, 'level_labels_joined', `"${t}" holds two level names, ${pair[0]} and ${pair[1]}: this row takes ${pair[0]}`, { row, cell: cells[i] }, { actual: t, expected: pair[0] });
      } else if (l2 && i < labelEnd) {
        ir.printedLevel2 = l2;
        // Left of the level-2 column both as printed and as shifted: a whole row shifted is not this.
        if (h.level2 !== undefined && l2At !== undefined && i < Math.min(h.level2, l2At)) {
          report(ctx, 'level2_in_level1_column', `level-2 name ${l2} printed in the level-1 column`, { row, cell: cells[i] });
        }
      } else if (i < labelEnd && ir.values.level3 !== null && (cells[i]!.rowSpan > 1) && nameBeforeText(t, v)) {
        const { name, rest } = nameBeforeText(t, v)!;
        ir.printedLevel2 = name;
        spilled = { rest, cell: cells[i]!, rowsLeft: cells[i]!.rowSpan - 1 };
      } else if (i < labelEnd && i + 1 === l3At && ir.values.level3 !== null && cells[i]!.rowSpan === 1 && !t.includes('\n') && nameBeforeText(t, v)) {
        // A level-2 name and the first text of the 三级指标 beside it on one line (数量指标APP |
        // 注册用户数: the column's edge drawn through the 三级指标's first word): the text begins it.
        const { name, rest } = nameBeforeText(t, v)!;
        ir.printedLevel2 = name;
        report(ctx, 'label_in_wrong_column', `"${rest}" in the cell of the level name ${name} begins the 三级指标 beside it`, { row, cell: cells[i] }, { actual: `${t} | ${ir.values.level3}`, expected: `${name} | ${rest}${ir.values.level3}` });
        ir.values.level3 = rest + ir.values.level3;
      } else if (i < labelEnd && ir.values.level3 === null && namesBeforeText(t, v)) {
        // A level-2 name and the 三级指标 beside it read as one cell (数量指标展品数量), the 三级指标
        // column empty; also with the level 1 before them (产出指标(50分)数量指标APP注册用户数).
        const { level1, name, rest } = namesBeforeText(t, v)!;
        if (level1) ir.printedLevel1 = level1;
        ir.printedLevel2 = name;
        ir.values.level3 = rest;
        ir.cells.level3 = cells[i]!;
        report(ctx, 'label_in_wrong_column', `三级指标 "${rest}" printed in the cell of the level name ${name}`, { row, cell: cells[i] }, { actual: t, expected: `${level1 ? `${level1} | ` : ''}${name} | ${rest}` });
      } else if (i < labelEnd && (v.isSection(t) || v.isSectionPiece(t) || v.isFragment(t))) {
        // A piece of a merged label (绩效指标, 可持续影响指标) that a page break split: no value; the
        // start of a level name stands for it (its end is on the next page, in a row of its own).
        const whole = completeLevel(t, v);
        if (whole.level1) ir.printedLevel1 = whole.level1;
        if (whole.level2) ir.printedLevel2 = whole.level2;
        if (whole.level1 || whole.level2) {
          report(ctx, 'wrapped_cell_joined', `label "${t}" cut by a page break read as ${whole.level1 ?? whole.level2}`, { row, cell: cells[i] }, { actual: t, expected: whole.level1 ?? whole.level2 ?? '' });
          const name = (whole.level1 ?? whole.level2)!;
          const piece = labelKey(t);
          if (name.startsWith(piece) && name.length > piece.length) cutName = { name, rest: name.slice(piece.length), row };
        }
      } else texts.push(i);
    }
    const nv = valueKeys.length;
    // Texts right of the labels all under their headers (a text column may be empty: 定性 has no
    // unit) read as they stand; what is left of them in a label column is garbage.
    const underHeaders = new Set(valueKeys.map((key) => (key === 'level3' ? l3At : at(key))));
    const onGrid = ir.values.level3 !== null && texts.filter((i) => i >= l3At).every((i) => underHeaders.has(i));
    if (onGrid && texts.length <= nv) {
      for (const g of texts.filter((i) => i < l3At)) {
        ir.garbage = cells[g]!.text;
        report(ctx, 'garbage_label', `label cell holds "${cells[g]!.text}", which is not a label of the form; ignored`, { row, cell: cells[g] }, { actual: cells[g]!.text });
      }
    } else if (texts.length >= nv) {
      // As many texts as text columns: they are those columns, wherever they were printed.
      const picked = texts.slice(-nv);
      const moved = picked.some((i, j) => i !== (valueKeys[j] === 'level3' ? l3At : at(valueKeys[j]!)));
      if (moved) {
        report(ctx, 'label_in_wrong_column', `${valueKeys.join('/')} were not under their headers; read in order`, { row }, { actual: picked.map((i) => cells[i]!.text).join(' | ') });
      }
      picked.forEach((i, j) => {
        ir.values[valueKeys[j]!] = cells[i]!.text;
        ir.cells[valueKeys[j]!] = cells[i]!;
      });
      for (const g of texts.slice(0, -nv)) {
        ir.garbage = cells[g]!.text;
        report(ctx, 'garbage_label', `label cell holds "${cells[g]!.text}", which is not a label of the form; ignored`, { row, cell: cells[g] }, { actual: cells[g]!.text });
      }
    } else if (ir.values.level3 === null && texts.length > 0 && texts[0]! < l3At) {
      const i = texts[0]!;
      ir.values.level3 = cells[i]!.text;
      ir.cells.level3 = cells[i]!;
      report(ctx, 'label_in_wrong_column', `三级指标 "${cells[i]!.text}" printed in a label column`, { row, cell: cells[i] });
    }
    if (spilled && spilled.cell.page === row.page && !ir.row.cells.includes(spilled.cell)) {
      if (ir.values.level3 === null) {
        ir.values.level3 = spilled.rest;
        ir.cells.level3 = spilled.cell;
        report(ctx, 'label_in_wrong_column', `三级指标 "${spilled.rest}" printed in the merged cell of the level name above it`, { row, cell: spilled.cell }, { actual: spilled.cell.text, expected: spilled.rest });
        spilled = undefined;
      } else if (--spilled.rowsLeft <= 0) spilled = undefined;
    }
    // (A row that prints only the level 1 takes the level 2 above it where that name is of this
    // level 1: 产出指标(80分) a line under 数量指标, both set at the top of a group a break cuts.)
    const fits = pending?.level2 !== undefined && ir.printedLevel2 === undefined && ir.printedLevel1 !== undefined && pending.level1 === undefined && v.template.indicators.framework[pending.level2] === ir.printedLevel1;
    if (pending && ((ir.printedLevel1 === undefined && ir.printedLevel2 === undefined && (pending.level1 || pending.level2)) || fits)) {
      if (pending.level1) ir.printedLevel1 = pending.level1;
      if (pending.level2) ir.printedLevel2 = pending.level2;
      report(ctx, 'group_labels_above', `the level names on the row above (${[pending.level1, pending.level2].filter(Boolean).join(', ')}) begin this row's group`, { row: pending.row }, { actual: [pending.level1, pending.level2].filter(Boolean).join(' | ') });
    }
    pending = undefined;
    if (cutName && cutName.row !== row) {
      const l3 = ir.values.level3;
      const head = l3?.startsWith(cutName.rest) ?? false;
      const tail = !head && (l3?.endsWith(cutName.rest) ?? false);
      // (A rest of one character, 标 of 经济效益指 / 标, only where nothing stands left of the 三级指标:
      // a cell of its own for the rest, the 三级指标 may begin with that character.)
      const l3Cell = ir.cells.level3 ? row.cells.indexOf(ir.cells.level3) : -1;
      const alone = l3Cell >= 0 && row.cells.slice(0, l3Cell).every((c) => c.text === '');
      if (l3 && row.page !== undefined && cutName.row.page !== undefined && row.page > cutName.row.page && (head || tail) && l3.length > cutName.rest.length && (cutName.rest.length >= 2 || (head && alone))) {
        ir.values.level3 = head ? l3.slice(cutName.rest.length) : l3.slice(0, l3.length - cutName.rest.length);
        report(ctx, 'label_in_wrong_column', `the rest of the level name ${cutName.name} a page break cut (${cutName.rest}) was read into the 三级指标 beside it`, { row, ...(ir.cells.level3 ? { cell: ir.cells.level3 } : {}) }, { actual: l3, expected: head ? `${cutName.rest} | ${ir.values.level3}` : `${ir.values.level3} | ${cutName.rest}` });
      }
      cutName = undefined;
    }
    // The rest of a level name's points a page break cut (效益指标(30 | 分)), read into the front of
    // the 三级指标 of the next page's first row: no 三级指标 begins so.
    const prevRow = out.rows[out.rows.length - 1];
    const pointsRest = /^[\d.]*分[)）]/u.exec(ir.values.level3 ?? '')?.[0];
    if (pointsRest && ir.values.level3!.length > pointsRest.length && prevRow?.row.page !== undefined && row.page !== undefined && row.page > prevRow.row.page) {
      report(ctx, 'label_in_wrong_column', `the rest of a level name's points a page break cut (${pointsRest}) was read into the 三级指标 beside it`, { row, ...(ir.cells.level3 ? { cell: ir.cells.level3 } : {}) }, { actual: ir.values.level3!, expected: ir.values.level3!.slice(pointsRest.length) });
      ir.values.level3 = ir.values.level3!.slice(pointsRest.length);
    }
    out.rows.push(ir);
    readBy.set(ir, { h, hw });
  }
  return out;
}

/** Decimals a plain number prints (-1: none, or no number). */
const decimalsIn = (value: string | null): number => (value === null ? -1 : (/\.(\d*)$/.exec(value)?.[1]?.length ?? -1));

/**
 * The digits a narrow weight or score cell wrapped onto a line the layer read as a row of its
 * own ("4.0" over "0", the row cut by a page's foot): a row holding nothing but such digits, each
 * under the weight or score of the row above, which then prints the decimals the other rows of
 * its column print (two rows or more) where alone it prints fewer. They are joined to that row.
 */
function joinNumberRests(row: Row, rows: IndicatorRow[], ctx: StageContext): boolean {
  const prev = rows[rows.length - 1];
  const filled = row.cells.filter((c) => c.text !== '');
  if (!prev || filled.length === 0 || filled.length > 2 || !filled.every((c) => /^\d{1,3}$/.test(c.text.trim()))) return false;
  const joins: Array<['weight' | 'score', string]> = [];
  for (const c of filled) {
    const key = columnByBox(c, prev.cells, ['weight', 'score'] as const);
    const upper = key ? prev[key] : null;
    if (!key || upper === null || joins.some(([k]) => k === key)) return false;
    const usual = rows.map((r) => decimalsIn(r[key]));
    const want = decimalsIn(upper) + c.text.trim().length;
    if (decimalsIn(upper) < 0 || usual.filter((d) => d === want).length < 2 || usual.some((d) => d > want)) return false;
    joins.push([key, upper + c.text.trim()]);
  }
  for (const [key, value] of joins) prev[key] = value;
  report(ctx, 'wrapped_cell_joined', 'digits alone on a row were joined to the number above them that they complete', { row }, { actual: filled.map((c) => c.text).join(' | '), expected: joins.map(([, value]) => value).join(' | ') });
  return true;
}
