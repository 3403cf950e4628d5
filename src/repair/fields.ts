/**
 * Reads the text fields of a table by their labels, whatever the template: a value printed
 * beside its label (项目名称 | 某某项目; 评价结论 | …), or, under a row that holds only labels
 * (年度总体目标 | 预期目标 | 实际完成情况), in the rows below, each value under its label. Repairs:
 * the project name printed on the line before its 项目名称 label (`name_after_label`), a label
 * and its value in one cell ("实施单位 上海市教育委员会", `label_value_joined`), HTML tags in texts
 * (`html_removed`).
 */
import { labelKey } from '../domain/labels.js';
import type { FieldKey } from '../domain/template.js';
import type { Vocabulary } from '../domain/vocabulary.js';
import { report, type StageContext } from '../stage.js';
import type { Cell, Row } from '../types.js';
import { joinWrapped } from '../wrap.js';
import { isIgnoredRow } from './sections.js';
import { acrossOverlap, hasHtml, isPageNumberRow, stripHtml, tidy } from './text.js';

export interface FieldValue {
  value: string;
  row: Row;
  cell: Cell;
}
export type Fields = Partial<Record<FieldKey, FieldValue>>;

/** Fields that hold prose: paragraphs kept, HTML removed. */
const TEXT_FIELDS: ReadonlySet<FieldKey> = new Set(['goal_expected', 'goal_actual', 'implementation_summary', 'evaluation_conclusion', 'problems', 'improvements']);

/**
 * Restores paragraph breaks that a dump flattened: a blank after a full stop, or a numbered
 * paragraph ("2、", "(3)") right after one, starts a new line; in a text of numbered paragraphs
 * every full stop does (a paragraph whose number was lost still starts on its own line).
 */
function paragraphs(text: string): string {
  const numbered = (text.match(/(?:^|[。；;])\s*\d{1,2}[、.．]/g) ?? []).length >= 2;
  if (numbered) text = text.replace(/。[ \t\u3000]*(?=\S)/g, '。\n');
  return text.replace(/([。；;！!])[ \t\u3000]+/g, '$1\n').replace(/([。；;！!])(?=(?:\d{1,2}|[一二三四五六七八九十]{1,2})[、.．]|[（(]\d{1,2}[）)])/g, '$1\n');
}

/**
 * A field label a text begins with (2.项目实施内容及过程概述根据…), the longest, and the text after
 * it. A numbered one may be the first line of a label a narrow cell wrapped (2.项目实施内 | 容及过
 * 程概述): then `tail` is the label's rest, printed elsewhere in the row.
 */
function labelBefore(text: string, v: Vocabulary): { key: FieldKey; label: string; rest: string; tail: string } | undefined {
  const numbered = /^\s*(?:\d{1,2}|[一二三四五六七八九十]{1,2})[.．、]\s*/.exec(text);
  const t = numbered ? text.slice(numbered[0].length) : text;
  for (let len = Math.min(16, t.length - 1); len >= 4; len--) {
    const key = v.field(t.slice(0, len));
    if (key) return { key, label: t.slice(0, len), rest: t.slice(len).replace(/^[\s：:]+/, ''), tail: '' };
  }
  if (!numbered) return undefined;
  // (Numbered, three characters are enough: 2.项目实 | 施内容及 | 过程概述.)
  for (let len = Math.min(16, t.length - 1); len >= 3; len--) {
    const head = t.slice(0, len);
    const full = textLabels(v).find((l) => l.length > len && l.startsWith(head));
    if (full) return { key: v.field(full)!, label: full, rest: t.slice(len), tail: full.slice(len) };
  }
  return undefined;
}

/** The field label of a text that is a field label and a section label (or a piece of one) side by side, if it is one. */
function besideSection(text: string, v: Vocabulary): string | undefined {
  const k = labelKey(text);
  if (v.field(k) !== undefined) return undefined;
  // (Or a piece of it, two characters or more: 项目年度目标项目基 where the section label 项目基 /
  // 本情况 is centred on the line between two fields' rows.)
  const section = (x: string): boolean => v.isSection(x) || (x.length >= 2 && v.isSectionPiece(x));
  for (let i = 2; i + 2 <= k.length; i++) {
    const [a, b] = [k.slice(0, i), k.slice(i)];
    if (v.field(a) !== undefined && section(b)) return a;
    if (section(a) && v.field(b) !== undefined) return b;
  }
  // (Or the section label wrapped in its narrow cell, its lines read around the field's label:
  // 项目基本情 + 项目年度目标 + 况.)
  if (k.length > 24) return undefined;
  for (let i = 1; i + 3 <= k.length; i++) {
    for (let j = i + 2; j < k.length; j++) {
      if (v.field(k.slice(i, j)) !== undefined && section(k.slice(0, i) + k.slice(j))) return k.slice(i, j);
    }
  }
  return undefined;
}

/**
 * The rest of the section label whose first part, two characters or more, stands beside the field's
 * label `own` in `text` (年度总体目 beside 预期目标: 标), or "" where the section label is whole there.
 */
function sectionRest(text: string, own: string, v: Vocabulary): string {
  const k = labelKey(text);
  const i = k.indexOf(own);
  if (i < 0) return '';
  const head = k.slice(0, i) + k.slice(i + own.length);
  if (head.length < 2) return '';
  const full = v.template.sections.map(labelKey).find((l) => l.length > head.length && l.startsWith(head));
  return full ? full.slice(head.length) : '';
}

/**
 * `text` without the pieces of `tail`, in order, each the longest that follows the one before
 * and two characters or more; undefined when the tail is not all there.
 */
function withoutPieces(text: string, tail: string): string | undefined {
  let out = text, rest = tail, from = 0;
  while (rest !== '') {
    let k = rest.length;
    while (k >= 2 && out.indexOf(rest.slice(0, k), from) < 0) k--;
    if (k < 2 && !(k === rest.length && out.indexOf(rest, from) >= 0)) return undefined;
    const n = Math.max(k, 1);
    const at = out.indexOf(rest.slice(0, n), from);
    if (at < 0) return undefined;
    out = out.slice(0, at) + out.slice(at + n);
    from = at;
    rest = rest.slice(n);
  }
  return out;
}

/** The labels of the template's text fields. */
function textLabels(v: Vocabulary): string[] {
  return [...TEXT_FIELDS].flatMap((k) => (v.template.fields[k] ?? []).map(labelKey));
}

/**
 * A field's whole label inside a text, with text that is no label on both sides: the label and
 * the texts before and after it, for a field of one short value (实施单位（盖章）). (Labels of six or
 * more characters keep words from being taken for one.)
 */
function labelInside(text: string, v: Vocabulary): { label: string; before: string; after: string } | undefined {
  const t = text.replace(/\s+/g, '');
  // (Fields of one short value only: a paragraph's label stands beside its paragraph.)
  const short = (Object.entries(v.template.fields) as [FieldKey, string[] | undefined][]).filter(([k]) => !TEXT_FIELDS.has(k));
  for (const label of short.flatMap(([, ls]) => (ls ?? []).map(labelKey))) {
    if (label.length < 6) continue;
    const at = t.indexOf(label);
    if (at <= 0 || at + label.length >= t.length) continue;
    const before = t.slice(0, at), after = t.slice(at + label.length);
    if (isLabel(before, v) || isLabel(after, v) || labelBefore(after, v) || v.knows(before) || v.knows(after)) continue;
    return { label, before, after };
  }
  return undefined;
}

/** Splits "实施单位 上海市…" or "项目名称：…" into the label's field and the value. */
function splitJoined(text: string, v: Vocabulary): { key: FieldKey; label: string; value: string } | undefined {
  const m = /^(\S{2,8}?)[\s：:]+(.+)$/s.exec(text);
  if (!m) return undefined;
  const key = v.field(m[1]!);
  return key ? { key, label: m[1]!, value: m[2]!.trim() } : undefined;
}

/**
 * A field label whose first line and last line enclose the value beside it, as a borderless
 * layer reads a label wrapped in a narrow cell: the label, the value, the label's own value when
 * the next cell holds it before the label's end, and whether the label's end was the next cell.
 */
function wrappedAround(text: string, next: string | undefined, v: Vocabulary): { label: string; value: string; own?: string; usedNext: boolean } | undefined {
  const t = labelKey(text);
  if (v.field(t)) return undefined;
  for (const labels of Object.values(v.template.fields)) {
    for (const label of labels ?? []) {
      const l = labelKey(label);
      for (let k = 3; k < l.length; k++) {
        const head = l.slice(0, k), tail = l.slice(k);
        if (!t.startsWith(head)) continue;
        if (t.length > l.length && t.endsWith(tail)) return { label: l, value: t.slice(head.length, t.length - tail.length), usedNext: false };
        if (next !== undefined && labelKey(next) === tail) return { label: l, value: t.slice(head.length), usedNext: true };
        // The next cell holds the label's own value, then the label's end ("实施单位（盖宜宾市…" |
        // "宜宾市…中心章）"), a layer having put the column edges across the label.
        const n = next === undefined ? '' : labelKey(next);
        if (n.length > tail.length && n.endsWith(tail)) return { label: l, value: t.slice(head.length), own: n.slice(0, n.length - tail.length), usedNext: true };
      }
    }
  }
  return undefined;
}

/**
 * A field label a narrow cell wrapped over several lines that a borderless layer read as rows of
 * their own, its value's lines between them ("2.项目实施" / "根据年初计划…" / "内容及过" /
 * "务均按期完成。" / "程概述", or "年度目标" / its value / "完成情况" on the next section's first
 * row): the first row holds the label and its value side by side; of the rows taken, a value's
 * is left blank, and a label piece's cell.
 */
function joinStackedLabels(rows: readonly Row[], v: Vocabulary, ctx: StageContext): Row[] {
  const out: Row[] = rows.map((r) => r);
  const single = (row: Row | undefined): { at: number; text: string } | undefined => {
    const filled = row?.cells.flatMap((c, at) => (c.text === '' ? [] : [{ at, text: c.text }])) ?? [];
    return filled.length === 1 ? filled[0] : undefined;
  };
  const labels = Object.values(v.template.fields).flatMap((ls) => (ls ?? []).map(labelKey)).filter((l) => l.length >= 6);
  for (let r = 0; r < rows.length; r++) {
    // A label's first line beside its value, its other lines on rows of their own under it (centred,
    // they may fall into another column: 年度目标完成情 | 本年度… over 况): the label is made whole.
    const filled = rows[r]!.cells.flatMap((c, at) => (c.text === '' ? [] : [{ at, text: c.text }]));
    const lead = filled.length >= 2 ? filled[0]! : undefined;
    const leadHead = lead ? labelKey(lead.text) : '';
    const leadLabel = leadHead.length >= 3 && !v.field(leadHead) && !filled.slice(1).some((c) => isLabel(c.text, v)) ? labels.find((l) => l.startsWith(leadHead)) : undefined;
    if (lead && leadLabel) {
      let got = leadHead, k = r + 1;
      for (; k < rows.length && k <= r + 2 && got !== leadLabel; k++) {
        const alone = single(rows[k]);
        const t = alone ? labelKey(alone.text) : '';
        if (t === '' || !leadLabel.startsWith(got + t) || !nextLine(rows[k - 1]!, rows[k]!)) break;
        got += t;
      }
      if (got === leadLabel) {
        // The value's last lines may follow, alone on their rows, in its column or the label's.
        const val = filled[1]!, labelEnd = k;
        let more = '';
        for (; k < rows.length && k <= r + 10; k++) {
          const alone = single(rows[k]);
          if (!alone || (alone.at !== lead.at && alone.at !== val.at) || isLabel(alone.text, v) || !nextLine(rows[k - 1]!, rows[k]!)) break;
          more += alone.text;
        }
        out[r] = { ...rows[r]!, cells: rows[r]!.cells.map((c, at) => (at === lead.at ? { ...c, text: leadLabel } : at === val.at ? { ...c, text: c.text + more } : c)) };
        for (let j = r + 1; j < k; j++) out[j] = { ...rows[j]!, cells: rows[j]!.cells.map((c) => ({ ...c, text: '' })) };
        report(ctx, 'wrapped_cell_joined', `label "${leadLabel}" was printed over ${labelEnd - r} lines, its value beside the first`, { row: rows[r]! }, { actual: [lead.text, ...rows.slice(r + 1, labelEnd).map((x) => single(x)!.text)].join(' | '), expected: leadLabel });
        r = k - 1;
        continue;
      }
    }
    const first = single(rows[r]);
    const head = first ? labelKey(first.text) : '';
    const label = head.length >= 3 && !v.field(head) ? labels.find((l) => l.startsWith(head)) : undefined;
    if (!first || !label) continue;
    // The label's other lines are in its column (alone on their row, or on the next section's
    // first row); its value's lines are rows of one cell.
    let got = head, end = r;
    const value: string[] = [];
    const taken = new Map<number, number>();
    for (let k = r + 1; k < rows.length && k <= r + 8 && got !== label; k++) {
      // A line of the label, centred, may fall into the (empty) column right of its first line's.
      const alone = single(rows[k]);
      const at = rows[k]!.cells[first.at]?.text || !(alone && alone.at === first.at + 1) ? first.at : alone.at;
      const t = labelKey(rows[k]!.cells[at]?.text ?? '');
      if (t !== '' && label.startsWith(got + t)) {
        got += t;
        taken.set(k, at);
        end = k;
        continue;
      }
      if (!alone || alone.at < first.at) break;
      value.push(alone.text);
      end = k;
    }
    if (got !== label) continue;
    // The value may run on past the label's last line: its lines on rows of one cell in that
    // column, each beside or right under the one before, none a label.
    for (let k = end + 1; k < rows.length && k <= end + 8; k++) {
      const alone = single(rows[k]);
      if (!alone || alone.at !== first.at || isLabel(alone.text, v) || !underLine(rows[k - 1]!, rows[k]!)) break;
      value.push(alone.text);
      end = k;
    }
    const row = rows[r]!;
    const cells = row.cells.map((c) => ({ ...c }));
    cells[first.at] = { ...cells[first.at]!, text: label };
    out[r] = { ...row, cells: [...cells.slice(0, first.at + 1), { ...cells[first.at]!, text: value.join('') }, ...cells.slice(first.at + 1)] };
    // The rows taken keep their indices: a value's row is left blank, a label piece's cell too.
    for (let k = r + 1; k <= end; k++) {
      out[k] = { ...rows[k]!, cells: rows[k]!.cells.map((c, at) => (taken.has(k) && at !== taken.get(k) ? c : { ...c, text: '' })) };
    }
    report(ctx, 'wrapped_cell_joined', `label "${label}" was printed over ${taken.size + 1} lines with its value's lines between them`, { row }, { actual: [first.text, ...[...taken].map(([k, at]) => rows[k]!.cells[at]!.text)].join(' | '), expected: label });
    r = end;
  }
  return out;
}

/** Whether a row's line is the next line under another's, on one page: less than a line's height of white between them. */
function nextLine(above: Row, row: Row): boolean {
  const a = above.bbox, b = row.bbox;
  return !!a && !!b && above.page === row.page && b[1] >= a[1] && b[1] - a[3] < b[3] - b[1];
}

/**
 * Whether a row's line sits beside another's (on its line) or right under it, on one page: the
 * white between them under a fifth of its height.
 */
function underLine(above: Row, row: Row): boolean {
  const a = above.bbox, b = row.bbox;
  if (!a || !b || above.page !== row.page) return false;
  const h = b[3] - b[1];
  return b[1] - a[3] < 0.2 * h && b[1] >= a[1] - 0.2 * h;
}

/** Whether a cell holds a label (of a field or a part of the form) rather than a value. */
function isLabel(text: string, v: Vocabulary): boolean {
  return v.field(text) !== undefined || v.isSection(text) || v.isFundsHeader(text);
}

/**
 * Whether a short text is a piece of a section label (情况 of 项目基本情况): a merged label cell
 * whose text a page break split, printed beside the values that continue there.
 */
function isLabelFragment(text: string, v: Vocabulary): boolean {
  const k = labelKey(text);
  if (k.length === 0 || k.length > 6) return false;
  return v.isSectionPiece(k);
}

/**
 * Whether a cell is the table's year line or unit line ((2023年度), 单位：万元): a borderless layer
 * may set it into the rows of a label cell beside it (项目名称 over three lines); it is no value.
 */
export function isYearOrUnitLine(text: string, v: Vocabulary): boolean {
  const k = labelKey(text);
  if (k === '' || k.length > 12) return false;
  if (v.unitOf(text) !== undefined && !v.isFundsHeader(text)) return true;
  const y = v.yearOf(text);
  return y !== undefined && k.replace(y, '').replace(/[()（）年度]/g, '') === '';
}

/**
 * A field's value that begins with the table's year or unit line ((2023年度) over the project
 * name, read into its cell by a layer without rules), without that line (`title_line_joined`).
 */
function withoutYearLine(key: FieldKey, found: FieldValue, v: Vocabulary, ctx: StageContext): FieldValue {
  const t = found.value.trim();
  for (let k = Math.min(14, t.length - 2); k >= 4; k--) {
    // In brackets ((2023年度)) or a unit (单位：万元): a name may begin with 2023年度 itself.
    const line = t.slice(0, k);
    if (!/^[（(].*[）)]$|单位/.test(line) || !isYearOrUnitLine(line, v)) continue;
    const value = t.slice(k).trim();
    report(ctx, 'title_line_joined', `the line "${t.slice(0, k)}" shared a cell with the ${key} and was set apart`, { row: found.row, cell: found.cell, field: key }, { actual: t, expected: value });
    return { ...found, value };
  }
  return found;
}

/** Horizontal overlap of two cells on the same page, or undefined when their boxes are not comparable. */
function overlap(a: Cell, b: Cell): number | undefined {
  return a.page === b.page ? acrossOverlap(a, b) : undefined;
}

interface Column {
  key: FieldKey;
  at: number;
  cell: Cell;
}

/**
 * The column a value cell belongs to: by overlap of boxes (PDF), else by nearest position. A part
 * of a cell's lines (`part`) has its cell's box, which its other lines may widen: by position.
 */
function columnOf(cols: readonly Column[], cell: Cell, at: number, n: number, count: number, part = false): Column {
  if (count === cols.length) return cols[n]!;
  const overlaps = cols.map((c) => (part ? undefined : overlap(c.cell, cell)));
  if (overlaps.every((o) => o !== undefined)) {
    let best = 0;
    overlaps.forEach((o, i) => {
      if (o! > overlaps[best]!) best = i;
    });
    return cols[best]!;
  }
  let best = cols[0]!;
  let bestD = Infinity;
  for (const c of cols) {
    const d = Math.abs(c.at - at);
    // A cell halfway between two labels: the first cell of a row goes left, the others right.
    if (d < bestD || (d === bestD && n > 0)) {
      best = c;
      bestD = d;
    }
  }
  return best;
}

/**
 * Given the rows of a table and which of them belong to the funds and indicator blocks, returns
 * every text field found, with the row and cell it was read from.
 */
export function readFields(printed: readonly Row[], skip: (i: number) => boolean, v: Vocabulary, ctx: StageContext): Fields {
  const rows = joinStackedLabels(printed, v, ctx);
  const parts: Partial<Record<FieldKey, FieldValue[]>> = {};
  const add = (key: FieldKey, value: string, row: Row, cell: Cell): void => {
    (parts[key] ??= []).push({ value, row, cell });
  };
  let pending: Column[] | null = null;
  let pendingFilled = false;
  // The rest of a wrapped label whose first line began a row's text (述 of 2.项目实施内容及过程概).
  let labelTail = '';
  // The rest of a section label whose first part a field's label took in (besideSection), and its column.
  let sectionTail = '';
  let sectionTailAt = -1;
  // The field whose text began on a row with its label and wraps on over the rows below.
  let wrapsOn: FieldKey | null = null;
  let nameLabelRow = -1;
  let html = false;
  /** A label and its value in one cell ("实施单位 上海市…"). */
  const joined = (cell: Cell, row: Row): void => {
    const j = splitJoined(cell.text, v);
    if (!j || parts[j.key]) return;
    add(j.key, j.value, row, cell);
    report(ctx, 'label_value_joined', `"${j.label}" and its value shared one cell`, { row, cell, field: j.key }, { actual: cell.text, expected: j.value });
  };

  /** The value of a label merged over several rows with nothing beside it on its first: beside it on a row below, within the label's rows. */
  const valueBelow = (key: FieldKey, cell: Cell, at: number, r: number): void => {
    for (let d = 1; d < cell.rowSpan && r + d < rows.length; d++) {
      const below = rows[r + d]!.cells.findIndex((c, i) => i > at && c.text !== '' && !isYearOrUnitLine(c.text, v));
      if (below < 0) continue;
      const c = rows[r + d]!.cells[below]!;
      if (!isLabel(c.text, v)) add(key, c.text, rows[r + d]!, c);
      break;
    }
  };

  type Placed = { cell: Cell; at: number; part?: boolean };
  /** A row's values under the labels of the row above (`pending`), each in its column. */
  const fillPending = (cells: readonly Placed[], row: Row): void => {
    const values = cells.filter(({ cell }) => {
      if (labelTail !== '' && labelKey(cell.text) === labelTail) {
        labelTail = '';
        return false;
      }
      return !isLabel(cell.text, v) && !isLabelFragment(cell.text, v);
    });
    values.forEach(({ cell, at, part }, n) => {
      const col = columnOf(pending!, cell, at, n, values.length, part);
      if (pendingFilled && !TEXT_FIELDS.has(col.key)) return;
      const last = parts[col.key]?.[parts[col.key]!.length - 1];
      // The lines of a cell that ran over rows without rules (one paragraph) go on its last part.
      if (col.key === wrapsOn && last) last.value += cell.text;
      else add(col.key, cell.text, row, cell);
    });
    if (values.length) pendingFilled = true;
  };
  /** A text field begun by its label at the start of `first`, its text after it and in `rest`. */
  const startField = (found: NonNullable<ReturnType<typeof labelBefore>>, first: Placed, rest: readonly Placed[], row: Row): void => {
    const joinedValue = [[found.rest, ...first.cell.text.split('\n').slice(1)].join(''), ...rest.map(({ cell }) => cell.text)].join('');
    // The label's rest, whole or in its lines between the text's (施内容及 | 过程概述), is no text.
    const pieced = found.tail !== '' ? withoutPieces(joinedValue, found.tail) : undefined;
    const tailHere = pieced !== undefined;
    // Else the label's rest may begin the text (概 | 述: its first line run in, the last below).
    let lead = 0;
    while (!tailHere && lead < found.tail.length - 1 && joinedValue[lead] === found.tail[lead]) lead++;
    const value = pieced ?? joinedValue.slice(lead);
    if (value !== '') add(found.key, value, row, first.cell);
    report(ctx, 'label_value_joined', `"${found.label}" and its value shared one cell`, { row, cell: first.cell, field: found.key }, { actual: first.cell.text, expected: value });
    // Its text goes on in the rows below; the label's rest may stand alone on one of them.
    pending = [{ key: found.key, at: first.at, cell: first.cell }];
    pendingFilled = value !== '';
    labelTail = tailHere ? '' : found.tail.slice(lead);
    wrapsOn = found.key;
  };

  rows.forEach((row, r) => {
    if (skip(r) || isIgnoredRow(row, v)) {
      pending = null;
      wrapsOn = null;
      // A field's label merged over the last row of a block and the rows below (评价结论 set
      // beside 合计 by a borderless layer) still names the value below.
      if (skip(r)) {
        row.cells.forEach((cell, at) => {
          const key = cell.rowSpan > 1 ? v.field(cell.text) : undefined;
          if (key && !parts[key]) valueBelow(key, cell, at, r);
        });
      }
      return;
    }
    const filled = row.cells.map((cell, at) => ({ cell, at })).filter(({ cell }) => cell.text !== '' && !isYearOrUnitLine(cell.text, v));
    // The rest of a section label wrapped in its narrow cell, read with a field's label on the row
    // above (年度总体目 + 预期目标), that begins the first text under it (标 + 1.完成…): no text of it.
    if (sectionTail !== '') {
      const first = filled[0];
      const text = first?.cell.text.trimStart() ?? '';
      if (first && first.at === sectionTailAt && text.startsWith(sectionTail) && text.length > sectionTail.length) {
        filled[0] = { cell: { ...first.cell, text: text.slice(sectionTail.length).trimStart() }, at: first.at };
        report(ctx, 'section_label_joined', `the rest "${sectionTail}" of a section label began the text under it`, { row, cell: first.cell }, { actual: first.cell.text, expected: filled[0].cell.text });
      }
      sectionTail = '';
    }
    // A label a narrow cell wrapped into the next cell ("实施单位（盖" | "章）") is one label.
    const cells: typeof filled = [];
    for (let n = 0; n < filled.length; n++) {
      const a = filled[n]!, b = filled[n + 1];
      // A label wrapped around a value: the label's first line, the value beside its second
      // ("实施单位（盖邛崃市商务局章）", or "实施单位（盖宜宾市…" | "章）").
      const around = wrappedAround(a.cell.text, b?.cell.text, v);
      if (around) {
        // Text before the label's end in the next cell is the value of the label before it
        // (主管部门 | 实施单位（盖 + its value | 章） | the unit); text the label encloses is its own.
        const value = around.value === '' ? [] : [{ cell: { ...a.cell, text: around.value }, at: a.at }];
        const label = { cell: { ...a.cell, text: around.label }, at: a.at };
        const own = around.own ? [{ cell: { ...b!.cell, text: around.own }, at: b!.at }] : [];
        // Enclosed whole by the label's lines, it is the value of the label before it where that
        // label has none and a value follows (主管部门 | 实施单位 + the department + （盖章） | the unit).
        const prev = cells[cells.length - 1];
        const before = !around.usedNext && prev !== undefined && v.field(prev.cell.text) !== undefined && b !== undefined && !isLabel(b.cell.text, v);
        cells.push(...(around.usedNext || before ? [...value, label, ...own] : [label, ...value]));
        report(ctx, 'label_value_joined', `label "${around.label}" was printed around its value`, { row, cell: a.cell }, { actual: a.cell.text, expected: around.value });
        if (around.usedNext) n++;
        continue;
      }
      // A field's label and the section label centred beside its rows read as one cell
      // (项目年度目标项目基本情况): the field's label.
      const own = besideSection(a.cell.text, v);
      if (own) {
        [sectionTail, sectionTailAt] = [sectionRest(a.cell.text, own, v), a.at];
        cells.push({ cell: { ...a.cell, text: own }, at: a.at });
        report(ctx, 'section_label_joined', `section label read into the label "${own}"`, { row, cell: a.cell }, { actual: a.cell.text, expected: own });
        continue;
      }
      // A label centred beside its value's two lines, read into one cell with them
      // (彭州市…执法大 + 实施单位（盖章） + 队): its value is the text around it, unless the cell
      // before is a label waiting for its value, which the text before it then is.
      const inside = labelInside(a.cell.text, v);
      if (inside) {
        const prev = cells[cells.length - 1];
        const waiting = prev !== undefined && v.field(prev.cell.text) !== undefined;
        const label = { cell: { ...a.cell, text: inside.label }, at: a.at };
        cells.push(...(waiting
          ? [{ cell: { ...a.cell, text: inside.before }, at: a.at }, label, { cell: { ...a.cell, text: inside.after }, at: a.at }]
          : [label, { cell: { ...a.cell, text: inside.before + inside.after }, at: a.at }]));
        report(ctx, 'label_value_joined', `label "${inside.label}" was read into one cell with the text around it`, { row, cell: a.cell }, { actual: a.cell.text, expected: waiting ? `${inside.before} | ${inside.label} | ${inside.after}` : `${inside.label} | ${inside.before}${inside.after}` });
        continue;
      }
      const both = b ? a.cell.text + b.cell.text : '';
      if (b && !v.field(a.cell.text) && !v.field(b.cell.text) && v.field(both)) {
        cells.push({ cell: { ...a.cell, text: both }, at: a.at });
        report(ctx, 'wrapped_cell_joined', `label "${both}" was printed over two cells`, { row, cell: a.cell }, { actual: `${a.cell.text} | ${b.cell.text}`, expected: both });
        n++;
        continue;
      }
      cells.push(a);
    }
    if (isPageNumberRow(cells.map(({ cell }) => cell.text))) return;
    const labels = cells.filter(({ cell }) => v.field(cell.text) !== undefined);
    if (labels.length > 0) {
      if (labels.some(({ cell }) => v.field(cell.text) === 'project_name')) nameLabelRow = r;
      // (A piece of a section label beside them, 情况 of a wrapped 项目基本情况, is no value.)
      const onlyLabels = cells.every(({ cell }) => isLabel(cell.text, v) || isLabelFragment(cell.text, v));
      if (onlyLabels) {
        // A row of labels: their values follow in the rows below, each under its label.
        pending = labels.map(({ cell, at }) => ({ key: v.field(cell.text)!, at, cell }));
        wrapsOn = null;
        pendingFilled = false;
        return;
      }
      pending = null;
      wrapsOn = null;
      const used = new Set<number>();
      cells.forEach(({ cell }, n) => {
        const key = v.field(cell.text);
        if (!key) {
          if (!used.has(n)) joined(cell, row);
          return;
        }
        // Beside a label merged over several rows, a total row's label (合计) is the table's
        // last row, not the value: the value is on a row below.
        const next = cells[n + 1] && !(cell.rowSpan > 1 && v.isTotal(cells[n + 1]!.cell.text)) ? cells[n + 1] : undefined;
        if (!next && cell.rowSpan > 1 && !parts[key]) {
          // Its value is on a row below (a year or unit line took the first).
          valueBelow(key, cell, cells[n]!.at, r);
          return;
        }
        if (!next || isLabel(next.cell.text, v)) return;
        used.add(n + 1);
        if (!parts[key]) add(key, next.cell.text, row, next.cell);
      });
      return;
    }
    if (pending) {
      const open = pending;
      const starts = (t: string): ReturnType<typeof labelBefore> => {
        const found = labelBefore(t, v) ?? (v.field(t) !== undefined ? { key: v.field(t)!, label: labelKey(t), rest: '', tail: '' } : undefined);
        return found && TEXT_FIELDS.has(found.key) && !open.some((c) => c.key === found.key) && !parts[found.key] ? found : undefined;
      };
      // A row whose first cell begins with another text field's label, its value run on after it
      // (2.项目实施内容及过程概述根据年初计划… under the goals), is that field's row. So is the rest
      // of a row from a line of a value cell that begins with one (the goal's last line and the
      // label below it read as one cell).
      let at = -1;
      let line = 0;
      for (let n = 0; n < cells.length && at < 0; n++) {
        const lines = cells[n]!.cell.text.split('\n');
        const k = lines.findIndex((l, i) => (i > 0 || n === 0) && starts(l) !== undefined);
        if (k >= 0) [at, line] = [n, k];
      }
      if (at < 0) {
        fillPending(cells, row);
        return;
      }
      const lines = cells[at]!.cell.text.split('\n');
      const before = lines.slice(0, line).join('\n');
      const labelCell = { cell: { ...cells[at]!.cell, text: lines.slice(line).join('\n') }, at: cells[at]!.at };
      const kept = before ? [{ cell: { ...cells[at]!.cell, text: before }, at: cells[at]!.at, part: true }] : [];
      const found = starts(lines[line]!)!;
      // A row that begins with the label is the field's row. Where the label follows other
      // lines of its cell (the row above read into it) and text follows it there, the field's
      // text is in that cell and the cells beside it go on the fields above; a label alone has
      // its text in the next cells.
      const inCell = line > 0 && (found.rest !== '' || lines.length > line + 1);
      fillPending(inCell ? [...cells.slice(0, at), ...kept, ...cells.slice(at + 1)] : [...cells.slice(0, at), ...kept], row);
      startField(found, labelCell, inCell ? [] : cells.slice(at + 1), row);
      return;
    }
    for (const { cell } of cells) joined(cell, row);
  });

  const out: Fields = {};
  for (const [key, list] of Object.entries(parts) as [FieldKey, FieldValue[]][]) {
    if (!list.length) continue;
    if (!TEXT_FIELDS.has(key)) {
      out[key] = withoutYearLine(key, list[0]!, v, ctx);
      continue;
    }
    const texts = list.map((p) => {
      let value = p.value;
      if (hasHtml(value)) {
        html = true;
        value = stripHtml(value);
      }
      return tidy(paragraphs(value));
    });
    // A paragraph a page break cut mid-sentence goes on without a break (…确保完成调研走访次数不
    // at one page's foot, 少于2次；… at the next one's top).
    let value = '';
    let last: FieldValue | undefined;
    texts.forEach((t, i) => {
      if (t === '') return;
      const part = list[i]!;
      const cut = last !== undefined && part.row.page !== undefined && last.row.page !== undefined && part.row.page > last.row.page && !/[。；;！!？?：:]$/u.test(value);
      if (cut) report(ctx, 'wrapped_cell_joined', `the ${key} text a page break cut mid-sentence goes on on the next page`, { row: part.row, field: key }, { actual: t });
      value = value === '' ? t : cut ? joinWrapped(value, t) : `${value}\n${t}`;
      last = part;
    });
    if (value !== '') out[key] = { value, row: list[0]!.row, cell: list[0]!.cell };
  }
  if (html) report(ctx, 'html_removed', 'HTML tags removed from the text fields; paragraphs joined with line breaks', { row: out.goal_expected?.row ?? rows[0], field: 'goal_expected' });

  if (!out.project_name && nameLabelRow > 0) {
    const prev = rows[nameLabelRow - 1]!;
    const texts = prev.cells.filter((c) => c.text !== '');
    if (!skip(nameLabelRow - 1) && texts.length === 1 && !isLabel(texts[0]!.text, v) && !splitJoined(texts[0]!.text, v)) {
      out.project_name = { value: texts[0]!.text, row: prev, cell: texts[0]! };
      report(ctx, 'name_after_label', '项目名称 was printed on the line after the project name', { row: rows[nameLabelRow], field: 'project_name' }, { actual: texts[0]!.text });
    }
  }
  return out;
}
