/**
 * Reads the rows of the indicator table against its header row. A row is anchored on its 分值/得分
 * pair (the last two numbers with at most the 偏差原因分析 after them), which gives the row's shift
 * against the header (`shifted_cells`). Cells left of 三级指标 are labels: level-1 and level-2
 * names are recognised by the vocabulary; a level-2 name in the level-1 column is noted
 * (`level2_in_level1_column`); other text there is the 三级指标 when that column is empty
 * (`label_in_wrong_column`) and garbage otherwise (`garbage_label`). A row with no numbers that
 * continues the previous one is joined to it (`wrapped_cell_joined`).
 */
import { FIELD_LABELS, indicatorColOf, labelKey, level1Of, level2Of, type IndicatorColKey } from '../domain/labels.js';
import { isNumber } from '../domain/values.js';
import { report, type StageContext } from '../stage.js';
import type { Cell, MergeRole, Row } from '../types.js';
import { readAmount } from './text.js';

export interface LabelMark {
  text: string;
  merge?: MergeRole;
}

export interface IndicatorRow {
  row: Row;
  level3: string | null;
  target: string | null;
  actual: string | null;
  weight: string | null;
  score: string | null;
  deviation_reason: string;
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
}

export type IndicatorHeader = Partial<Record<IndicatorColKey, number>>;

/** Column positions of the indicator header row. */
export function readIndicatorHeader(row: Row): IndicatorHeader {
  const h: IndicatorHeader = {};
  row.cells.forEach((c, i) => {
    const k = indicatorColOf(c.text);
    if (k && h[k] === undefined) h[k] = i;
  });
  return h;
}

/** Whether a row is an indicator header (三级指标 plus at least two other column labels). */
export function isIndicatorHeader(row: Row): boolean {
  const keys = new Set(row.cells.map((c) => indicatorColOf(c.text)).filter((k) => k !== undefined));
  return keys.has('level3') && keys.size >= 3;
}

const TOTAL_LABELS = new Set<string>(FIELD_LABELS.total.map(labelKey));

/** The numbers of a total row (分值 100 and the total score), or undefined when it is not one. */
function totalRowValues(row: Row): { texts: { cell: Cell; at: number }[]; labelled: boolean } | undefined {
  const texts: { cell: Cell; at: number }[] = [];
  let labelled = false;
  for (let i = 0; i < row.cells.length; i++) {
    const c = row.cells[i]!;
    if (c.text === '') continue;
    if (TOTAL_LABELS.has(labelKey(c.text))) {
      labelled = true;
      continue;
    }
    if (!isNumber(c.text)) return undefined;
    texts.push({ cell: c, at: i });
  }
  if (texts.length > 2 || (texts.length === 0 && !labelled)) return undefined;
  return { texts, labelled };
}

/** Index of the 分值 cell: the last pair of numbers followed by at most one non-empty cell. */
function weightIndex(cells: readonly Cell[]): number {
  let after = 0; // non-empty cells right of i
  for (let i = cells.length - 1; i >= 1; i--) {
    if (after <= 1 && isNumber(cells[i]!.text) && isNumber(cells[i - 1]!.text)) return i - 1;
    if (cells[i]!.text !== '') after++;
    if (after > 1) return -1;
  }
  return -1;
}

function text(cells: readonly Cell[], at: number | undefined): string | null {
  if (at === undefined || at < 0 || at >= cells.length) return null;
  const t = cells[at]!.text;
  return t === '' ? null : t;
}

/** Given the header and the rows after it, reads indicator rows and the total row. */
export function readIndicatorRows(headerRow: Row, rows: readonly Row[], ctx: StageContext): IndicatorTable {
  const h = readIndicatorHeader(headerRow);
  const out: IndicatorTable = { rows: [], totalWeight: null, totalScore: null, separators: 0 };
  const hw = h.weight ?? 5;
  const hl3 = h.level3 ?? 2;
  for (const row of rows) {
    const cells = row.cells;
    if (cells.every((c) => c.text === '')) continue;
    if (isIndicatorHeader(row)) {
      report(ctx, 'repeated_header', 'a repeated indicator header row was dropped', { row });
      continue;
    }
    const total = totalRowValues(row);
    if (total && out.rows.length > 0) {
      const [a, b] = total.texts;
      let weightCell: { cell: Cell; at: number } | undefined = a;
      let scoreCell: { cell: Cell; at: number } | undefined = b;
      // A lone number is the 分值 total (100) unless it sits under 得分 and is not the weights' sum.
      const weightSum = out.rows.reduce((acc, r) => acc + Number(r.weight ?? 0), 0) + 10;
      const lone = a && !b ? Number(a.cell.text.replace(/,/g, '')) : NaN;
      const isWeight = lone === 100 || Math.abs(lone - weightSum) < 1e-9;
      if (a && !b && !isWeight && h.score !== undefined && h.weight !== undefined && a.at >= h.score) {
        weightCell = undefined;
        scoreCell = a;
      }
      const wv = readAmount(weightCell?.cell.text);
      const sv = readAmount(scoreCell?.cell.text);
      out.totalWeight = { value: wv.value, row, ...(weightCell ? { cell: weightCell.cell } : {}) };
      out.totalScore = { value: sv.value, row, ...(scoreCell ? { cell: scoreCell.cell } : {}) };
      break;
    }
    let w = weightIndex(cells);
    let scoreCut = false;
    if (w < 0) {
      // A row cut short after its 分值 (the score cell fell off the end of a shifted row).
      let last = cells.length - 1;
      while (last >= 0 && cells[last]!.text === '') last--;
      if (last >= 3 && isNumber(cells[last]!.text) && !isNumber(cells[last - 1]!.text) && last === cells.length - 1 && last - hw > 0) {
        w = last;
        scoreCut = true;
        report(ctx, 'shifted_cells', 'row shifted right past the end of the table: its 得分 cell is missing', { row }, { actual: cells.map((c) => c.text).join(' | ') });
      }
    }
    if (w < 0) {
      const prev = out.rows[out.rows.length - 1];
      const filled = cells.filter((c) => c.text !== '');
      const labelsOnly = filled.every((c) => level1Of(c.text) || level2Of(c.text));
      if (prev && !labelsOnly && filled.length <= 3) {
        // A wrapped continuation of the previous row: append each piece to the field in its column.
        const k = prev.cells.weight ? prev.row.cells.indexOf(prev.cells.weight) - hw : 0;
        const fields: [IndicatorColKey, 'level3' | 'target' | 'actual' | 'deviation_reason'][] = [
          ['level3', 'level3'], ['target', 'target'], ['actual', 'actual'], ['deviation_reason', 'deviation_reason'],
        ];
        cells.forEach((c, i) => {
          if (c.text === '') return;
          const f = fields.find(([key]) => h[key] !== undefined && h[key]! + k === i);
          if (!f) return;
          const cur = prev[f[1]];
          prev[f[1]] = (cur ?? '') + c.text;
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
    const ir: IndicatorRow = {
      row,
      level3: text(cells, at('level3') ?? hl3 + k),
      target: text(cells, at('target')),
      actual: text(cells, at('actual')),
      weight: null,
      score: null,
      deviation_reason: text(cells, at('deviation_reason')) ?? '',
      cells: {},
    };
    for (const key of ['level3', 'target', 'actual', 'weight', 'score', 'deviation_reason'] as const) {
      const i = at(key);
      if (i !== undefined && cells[i]) ir.cells[key] = cells[i]!;
    }
    const wv = readAmount(text(cells, w >= 0 ? w : at('weight')) ?? undefined);
    const sv = readAmount(scoreCut ? undefined : (text(cells, w >= 0 ? w + 1 : at('score')) ?? undefined));
    if (wv.separators) out.separators++;
    if (sv.separators) out.separators++;
    ir.weight = wv.value;
    ir.score = sv.value;
    const l1At = at('level1');
    const l2At = at('level2');
    if (l2At !== undefined && l2At >= 0 && cells[l2At]) {
      const c = cells[l2At]!;
      ir.level2Cell = c.merge ? { text: c.text, merge: c.merge } : { text: c.text };
    }
    // Left of 分值: level names (by vocabulary), then 三级指标, 年度指标值, 实际完成值 in order.
    const end = w >= 0 ? w : (at('weight') ?? cells.length);
    const texts: number[] = [];
    for (let i = 0; i < Math.min(end, cells.length); i++) {
      const t = cells[i]!.text;
      if (t === '') continue;
      const l1 = level1Of(t);
      const l2 = level2Of(t);
      if (l1 && i < (at('level3') ?? hl3 + k)) ir.printedLevel1 = l1;
      else if (l2 && i < (at('level3') ?? hl3 + k)) {
        ir.printedLevel2 = l2;
        // Left of the level-2 column both as printed and as shifted: a whole row shifted is not this.
        if (h.level2 !== undefined && l2At !== undefined && i < Math.min(h.level2, l2At)) {
          report(ctx, 'level2_in_level1_column', `level-2 name ${l2} printed in the level-1 column`, { row, cell: cells[i] });
        }
      } else texts.push(i);
    }
    if (texts.length >= 3) {
      // Three texts are the three value columns, wherever they were printed.
      const [i3, it, ia] = texts.slice(-3) as [number, number, number];
      const moved = i3 !== at('level3') || it !== at('target') || ia !== at('actual');
      if (moved) {
        report(ctx, 'label_in_wrong_column', '三级指标/年度指标值/实际完成值 were not under their headers; read in order', { row }, { actual: [i3, it, ia].map((i) => cells[i]!.text).join(' | ') });
      }
      ir.level3 = cells[i3]!.text;
      ir.target = cells[it]!.text;
      ir.actual = cells[ia]!.text;
      ir.cells.level3 = cells[i3]!;
      ir.cells.target = cells[it]!;
      ir.cells.actual = cells[ia]!;
      for (const g of texts.slice(0, -3)) {
        ir.garbage = cells[g]!.text;
        report(ctx, 'garbage_label', `label cell holds "${cells[g]!.text}", which is not a label of the form; ignored`, { row, cell: cells[g] }, { actual: cells[g]!.text });
      }
    } else if (ir.level3 === null && texts.length > 0 && texts[0]! < (at('level3') ?? hl3 + k)) {
      const i = texts[0]!;
      ir.level3 = cells[i]!.text;
      ir.cells.level3 = cells[i]!;
      report(ctx, 'label_in_wrong_column', `三级指标 "${cells[i]!.text}" printed in a label column`, { row, cell: cells[i] });
    }
    out.rows.push(ir);
  }
  return out;
}
