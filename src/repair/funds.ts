/**
 * Reads the funds block: a header row naming the fund columns (the template's column labels),
 * then one row per fund row (the template's row labels). Each row's values are read relative to
 * its own row label, so a row shifted left or right as a whole still reads right
 * (`shifted_cells`). Repairs: the total row's label printed in the header row with its values on
 * the next, unlabelled row (`fund_header_merged`); a row's figures drawn two in a cell
 * (`values_joined`); the rest of a row wrapped onto a line of its own (`wrapped_cell_joined`).
 */
import { labelKey, looksLikeLabel } from '../domain/labels.js';
import type { FundColKey, FundRowKey } from '../domain/template.js';
import type { Vocabulary } from '../domain/vocabulary.js';
import { report, type StageContext } from '../stage.js';
import type { Cell, Row } from '../types.js';
import { joinWrapped } from '../wrap.js';
import { compactFigure, readAmount } from './text.js';

export interface FundCell {
  value: string | null;
  cell?: Cell;
  row: Row;
}
export type FundsRead = Partial<Record<FundRowKey, Partial<Record<FundColKey, FundCell>>>>;

export interface FundsResult {
  funds: FundsRead;
  /** Count of amounts that carried thousands separators. */
  separators: number;
  /** Count of figures wrapped inside their cell (joined). */
  wrapped: number;
}

/** Columns that hold text, not a figure. */
const TEXT_COLS: ReadonlySet<FundColKey> = new Set(['deviation_reason']);
const VALUE_LIKE = /^(-|—|[+-]?[\d,]+(\.\d+)?%?)$/;

/**
 * The gap (0–4 cells) after a fund row label that puts the most value-like cells (figures and
 * placeholders) under the columns; on a tie, the gap the total row showed (an empty cell under a
 * header the rows leave blank, 年度预算数（万元）).
 */
function bestGap(cells: readonly Cell[], start: number, offsets: readonly number[], placeholders: readonly string[], preferred: number): number {
  const valueLike = (t: string): boolean => VALUE_LIKE.test(compactFigure(t)) || placeholders.includes(t.trim());
  let best = preferred;
  let bestCount = offsets.filter((o) => valueLike(cells[start + preferred + o]?.text ?? '')).length;
  for (let gap = 0; gap <= 4; gap++) {
    const count = offsets.filter((o) => valueLike(cells[start + gap + o]?.text ?? '')).length;
    if (count > bestCount) {
      best = gap;
      bestCount = count;
    }
  }
  return best;
}

/**
 * A fund row label read into one cell with a neighbour's text: the row's first figure (总额50.00: a
 * borderless table whose label column has no header to anchor it; or between the lines of the
 * label wrapped beside it: 年度资金总10.8额：) or a piece of the side label
 * printed down the block (总额预算执行情况(10分), 预总额, 行情况单位资金(10分)). Returns the label's row, the label and the
 * figure, if any.
 */
export function gluedFundRow(text: string, v: Vocabulary): { key: FundRowKey; label: string; figure?: string } | undefined {
  const t = text.trim();
  const fig = /^(.*?[^\d\s,.+-])\s*([+-]?\d[\d,]*(?:\.\d+)?%?)$/s.exec(t);
  if (fig) {
    const key = v.fundRow(fig[1]!);
    if (key) return { key, label: fig[1]!.trim(), figure: fig[2]! };
  }
  // The figure between the lines of a label wrapped beside it (年度资金总 10.8 额：).
  const inside = /^([^\d]+?)\s*([+-]?\d[\d,]*(?:\.\d+)?%?)\s*([^\d]+)$/s.exec(t);
  if (inside) {
    const key = v.fundRow(inside[1]! + inside[3]!);
    if (key) return { key, label: (inside[1]! + inside[3]!).trim(), figure: inside[2]! };
  }
  const side = (s: string): boolean => v.isSidePiece(s);
  const chars = Array.from(t);
  for (let i = 1; i < chars.length; i++) {
    const head = chars.slice(0, i).join('');
    const tail = chars.slice(i).join('');
    const k1 = v.fundRow(head);
    if (k1 && side(tail)) return { key: k1, label: head.trim() };
    const k2 = v.fundRow(tail);
    if (k2 && side(head)) return { key: k2, label: tail.trim() };
  }
  // The label between two pieces of the side label (行情况 单位资金 (10分)).
  for (let i = 1; i < chars.length; i++) {
    for (let j = chars.length - 1; j > i; j--) {
      const mid = chars.slice(i, j).join('');
      const k = v.fundRow(mid);
      if (k && side(chars.slice(0, i).join('')) && side(chars.slice(j).join(''))) return { key: k, label: mid.trim() };
    }
  }
  return undefined;
}

/**
 * A funds header cell holding a label of the block and a column label drawn as one ("年度预算数(万元)
 * 年初预算": a borderless layer found no boundary between them): the column's key.
 */
function gluedFundCol(text: string, v: Vocabulary): FundColKey | undefined {
  const chars = Array.from(text.trim());
  for (let i = 2; i < chars.length - 1; i++) {
    const key = v.fundCol(chars.slice(i).join(''));
    if (key && v.knows(chars.slice(0, i).join(''))) return key;
  }
  return undefined;
}

/** The cells of a row with a glued fund row label read apart, and where the label is. */
function splitGlued(cells: readonly Cell[], v: Vocabulary): { cells: Cell[]; at: number } | undefined {
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i]!;
    const g = gluedFundRow(c.text, v);
    if (!g) continue;
    const label: Cell = { ...c, text: g.label };
    delete label.raw;
    if (g.figure === undefined) return { cells: [...cells.slice(0, i), label, ...cells.slice(i + 1)], at: i };
    const figure: Cell = { ...c, text: g.figure, rowSpan: 1 };
    delete figure.raw;
    delete figure.merge;
    return { cells: [...cells.slice(0, i), label, figure, ...cells.slice(i + 1)], at: i };
  }
  return undefined;
}

/** The positive figures of a row's cells from `from` on, less the cells at `skip`. */
function figuresBut(cells: readonly Cell[], from: number, skip: readonly number[], placeholders: readonly string[]): number[] {
  return cells.slice(from).flatMap((c, k) => (skip.includes(from + k) ? [] : [Number(readAmount(c.text, placeholders).value ?? NaN)])).filter((x) => x > 0);
}

/** Whether rate b (86.19%) is amount a over one of `others`, within what its last digit may have been rounded or cut by. */
function rateOf(a: string, b: string, others: readonly number[]): boolean {
  const step = 10 ** -(b.replace('%', '').split('.')[1]?.length ?? 0);
  return others.some((x) => Math.abs((Number(a) / x) * 100 - Number(b.slice(0, -1))) < step);
}

/**
 * The one cut of an amount glued to a rate (15684.32%) whose rate is the amount over another figure
 * of the row (156 / 185 = 84.32%); undefined when none or more than one cut is.
 */
function rateCut(t: string, others: readonly number[]): [string, string] | undefined {
  if (!/^\d[\d.]*%$/.test(t)) return undefined;
  let found: [string, string] | undefined;
  for (let k = 1; k < t.length - 1; k++) {
    const a = t.slice(0, k), b = t.slice(k);
    if (!/^\d+(?:\.\d+)?$/.test(a) || !/^(?:0|[1-9]\d*)(?:\.(\d+))?%$/.test(b) || !rateOf(a, b, others)) continue;
    if (found) return undefined;
    found = [a, b];
  }
  return found;
}

/**
 * An amount and the rate beside it that the layer cut apart at the wrong digit (247 | 896.23% for
 * 2478 | 96.23%: one run of glyphs over both cells, no space between): where the rate is the amount
 * over no other figure of the row and one other cut of the joined digits before the rate's point
 * makes it so (2478 / 2575), the two are read at that cut.
 */
export function recutAtRate(cells: readonly Cell[], from: number, placeholders: readonly string[]): { cells: Cell[]; at: number } | undefined {
  for (let i = from; i + 1 < cells.length; i++) {
    const a = cells[i]!.text.trim(), b = cells[i + 1]!.text.trim();
    if (!/^\d+(?:\.\d+)?$/.test(a) || !/^\d[\d.]*%$/.test(b)) continue;
    const others = figuresBut(cells, from, [i, i + 1], placeholders);
    // (A rate two other figures of the row give is read right, whatever stands beside it: 10 |
    // 96.3% in the national form, a weight before the rate, 1743 / 1810.)
    if (rateOf(a, b, others) || others.some((y) => rateOf(String(y), b, others))) continue;
    // (Only digits before the rate's point move: its decimals are as printed, so a rate with none
    // left, which any amount near its ratio would match, is never made.)
    const m = rateCut(a + b, others);
    const decimals = (t: string): string | undefined => /\.(\d+)%$/.exec(t)?.[1];
    if (!m || m[0] === a || decimals(b) === undefined || decimals(m[1]) !== decimals(b)) continue;
    const out = [...cells];
    out[i] = { ...cells[i]!, text: m[0] };
    out[i + 1] = { ...cells[i + 1]!, text: m[1] };
    return { cells: out, at: i };
  }
  return undefined;
}

/**
 * A rate wrapped over two lines and centred on its row (97.81 / %), beside an amount on one line
 * between them that the layer took into the rate's cell, read line by line: 97.81 29.88 %, glued.
 * The one cut of the digits into a rate and then an amount where the rate is the amount over another
 * figure of the row (29.88 / 30.55 = 97.81%) gives the amount and the rate; undefined when none or
 * more than one cut does.
 */
function rateBeforeAmount(digits: string, others: readonly number[]): [string, string] | undefined {
  let found: [string, string] | undefined;
  for (let k = 1; k < digits.length; k++) {
    const rate = digits.slice(0, k), amount = digits.slice(k);
    if (!/^(?:0|[1-9]\d*)(?:\.\d+)?$/.test(rate) || !/^(?:0|[1-9]\d*)(?:\.\d+)?$/.test(amount) || !rateOf(amount, `${rate}%`, others)) continue;
    if (found) return undefined;
    found = [amount, `${rate}%`];
  }
  return found;
}

/**
 * Two figures of neighbouring cells drawn in one cell with a space between them (315.17 99.03%),
 * or glued where the row's other figures tell their decimals (753.3870.04%), beside an empty
 * cell, where the layer put a column's edge on the wrong side of one of them: the two are read
 * apart, into that cell and the empty one.
 */
function splitSpacedFigures(cells: readonly Cell[], from: number, placeholders: readonly string[]): { cells: Cell[]; at: number; parts: [string, string] } | undefined {
  // Glued without a space (753.3870.04%: an amount run over its cell's edge into the rate's), two
  // figures are told apart by the decimals the row's other figures print.
  const decimals = cells.slice(from).map((c) => /^\d[\d,]*\.(\d+)%?$/.exec(c.text.trim())?.[1]?.length).filter((d): d is number => d !== undefined);
  const d = decimals.length >= 2 && decimals.every((x) => x === decimals[0]) ? decimals[0]! : undefined;
  const glued = (t: string): RegExpExecArray | null => (d === undefined ? null : new RegExp(`^(\\d[\\d,]*\\.\\d{${d}})(\\d[\\d,]*\\.\\d{${d}}%?)$`).exec(t));
  // Glued where the decimals do not tell (15684.32%: an amount run into the rate beside it), at
  // the one cut whose rate is the amount over another figure of the row (156 / 185 = 84.32%).
  const byRate = (t: string, i: number): [string, string] | undefined => rateCut(t, figuresBut(cells, from, [i], placeholders));
  for (let i = from; i < cells.length; i++) {
    const t = cells[i]!.text.trim();
    const wrapped = /^([\d.]+)\n%$/.exec(t);
    const r = wrapped ? null : (/^(\S+)\s+(\S+)$/.exec(t) ?? glued(t));
    const m = wrapped ? rateBeforeAmount(wrapped[1]!, figuresBut(cells, from, [i], placeholders)) : r ? [r[1]!, r[2]!] : byRate(t, i);
    if (!m || readAmount(m[0], placeholders).value === null || readAmount(m[1], placeholders).value === null) continue;
    const to = i > from && cells[i - 1]!.text === '' ? i - 1 : cells[i + 1]?.text === '' ? i + 1 : -1;
    if (to < 0) continue;
    const out = [...cells];
    const [a, b] = to < i ? [to, i] : [i, to];
    out[a] = { ...cells[a]!, text: m[0] };
    out[b] = { ...cells[b]!, text: m[1] };
    return { cells: out, at: i, parts: [m[0], m[1]] };
  }
  return undefined;
}

/**
 * A fund row whose figures, counted one by one, are exactly as many as the figure columns, where
 * the layer drew two of them in one cell (10.0 10.0) and left another cell of the run empty: a
 * column edge put on the wrong side of a figure. The figures are read in order, one a column.
 */
function spreadFigures(cells: readonly Cell[], from: number, count: number, placeholders: readonly string[]): { cells: Cell[]; at: number } | undefined {
  const figure = (t: string): boolean => readAmount(t, placeholders).value !== null || placeholders.includes(t);
  const tokens: string[] = [];
  let at = -1;
  let end = from;
  for (; end < cells.length; end++) {
    const t = cells[end]!.text.trim();
    if (t === '') continue;
    const parts = t.split(/\s+/);
    if (!parts.every(figure)) break;
    if (parts.length > 1 && at < 0) at = end;
    tokens.push(...parts);
  }
  if (at < 0 || tokens.length !== count || end - from < count) return undefined;
  const out = [...cells];
  for (let i = from; i < end; i++) out[i] = { ...cells[i]!, text: tokens[i - from] ?? '' };
  return { cells: out, at };
}

/**
 * The rest of a fund row that a narrow cell wrapped onto a line read as a row of its own (100. over
 * 00%, 按计划完 over 成支出, 年度 over 资金总额): a row with no label of its own, on the grid of the
 * row above, whose every piece completes the cell above it, one surely (digits after a number cut at
 * its point or in a thousands group: 5,005,4 over 17; the rest of one cut among its digits with its
 * point: 120996 over 6.6; a % after a number, text under text; digits that give a figure the
 * decimals its column prints: 92.9 over 1), the others surely or beside such a one (digits under
 * digits: 1 over 0; text under an empty cell, which goes on the text above it in its column: a
 * reason merged over the fund rows). It is joined to that row (`wrapped_cell_joined`).
 */
export function joinFundRests(rows: readonly Row[], v: Vocabulary, ctx: StageContext): Row[] {
  const out: Row[] = [];
  const isText = (t: string): boolean => !/^[\d.,%/—-]*$/.test(t.trim());
  // A row's label, whole or with a piece of the side label run into it (况总额).
  const isLabel = (t: string): boolean => v.fundRow(t) !== undefined || gluedFundRow(t, v) !== undefined;
  // The most decimals a column's figures print (a figure printing fewer may be cut: 92.9 over 1
  // in a column of 94.78).
  const decimalsOf = (t: string): number | undefined => /^\d[\d,]*\.(\d+)%?$/.exec(t.trim())?.[1]?.length;
  const colDecimals = (n: number): number | undefined => {
    const ds = rows.map((r) => decimalsOf(r.cells[n]?.text ?? '')).filter((d): d is number => d !== undefined);
    return ds.length ? Math.max(...ds) : undefined;
  };
  for (const row of rows) {
    const prev = out[out.length - 1];
    const filled = row.cells.flatMap((c, n) => (c.text === '' ? [] : [n]));
    const pair = (n: number): [string, string] => [prev!.cells[n]!.text.trim(), row.cells[n]!.text.trim()];
    // The nearest text above in a column, where the cell right above is empty: a cell merged over
    // the rows between (a reason beside the fund rows), which the piece goes on.
    const textAbove = (n: number): number => {
      for (let k = out.length - 1; k >= 0; k--) {
        const cells = out[k]!.cells;
        // (On the rows' grid only.)
        if (cells.length !== row.cells.length) return -1;
        if (cells[n]!.text !== '') return isText(cells[n]!.text) ? k : -1;
      }
      return -1;
    };
    // Sure: digits after a number cut at its point or in a thousands group (5,005,4 over 17), the
    // rest of one cut among its digits with its point, a % after a number, text under text.
    const surely = (n: number): boolean => {
      const [up, t] = pair(n);
      const group = /,(\d{1,2})$/.exec(up)?.[1], lead = /^(\d+)(?:\.\d+)?%?$/.exec(t)?.[1];
      return (/\d\.$/.test(up) && /^\d+%?$/.test(t)) || (/^\d+$/.test(up) && /^\d*\.\d+%?$/.test(t)) || (/^\d+$/.test(up) && t === '.') || (/\d$/.test(up) && t === '%') ||
        (group !== undefined && lead !== undefined && group.length + lead.length === 3) || (up !== '' && isText(up) && isText(t) && v.fundRow(t) === undefined && !v.knows(t)) ||
        (/^\d+%?$/.test(t) && decimalsOf(up) !== undefined && colDecimals(n) !== undefined && decimalsOf(up + t) === colDecimals(n) && decimalsOf(up)! < colDecimals(n)!);
    };
    // Digits under digits (1 over 0), a rate's last digit and % under its first ones (93.9 over
    // 3%), a figure's last decimals under it (10.0 over 0, the weight's column printing no other
    // figure): only beside a sure rest.
    const maybe = (n: number): boolean => {
      const [up, t] = pair(n);
      return (/^\d+$/.test(up) && /^\d+%?$/.test(t)) || (/^\d+\.\d+$/.test(up) && /^\d+%?$/.test(t)) || (up === '' && isText(t) && textAbove(n) >= 0) ||
        // (A few characters under the row's label: a side label set a character a line beside it,
        // (1 / 0分) of (10分), which the label does not take.)
        (isLabel(up) && Array.from(t).length <= 3 && !isLabel(t));
    };
    // The row above is a fund row: by its label, or by one the two rows' labels make (年度 over 资金总额).
    const fundAbove = (): boolean => prev!.cells.some((c, n) => c.text !== '' && (isLabel(c.text) || v.fundRow(c.text + row.cells[n]!.text) !== undefined));
    // A line of text alone under an empty cell of a fund row: the first line of a note merged over
    // the fund rows and centred there, set between two rows (户籍人口统计口径 under the total's empty
    // 原因, over the rest beside 其中：财政资金).
    const noteStart = (): boolean => filled.length === 1 && prev!.cells[filled[0]!]!.text === '' && isText(row.cells[filled[0]!]!.text) && !v.knows(row.cells[filled[0]!]!.text);
    const completes = (): boolean => noteStart() || (filled.some(surely) && filled.every((n) => surely(n) || maybe(n)));
    if (prev && filled.length > 0 && prev.cells.length === row.cells.length && row.cells.every((c) => v.fundRow(c.text) === undefined) && fundAbove() && completes()) {
      // A row label stays one: what would spoil it is a piece of the side label beside it ((1 of (10分)).
      // (Nor do digits join it: 况总额( over 1 would read as a label and its first figure.)
      const join = (c: Cell, t: string): Cell => (t === '' || (isLabel(c.text) && (!isLabel(c.text + t) || /\d/.test(t))) ? c : { ...c, text: c.text + t });
      // Text under an empty cell goes on the text above it in its column.
      // (With none above, the note's first line: it goes in the empty cell.)
      const wentUp = new Set<number>();
      for (const n of filled) {
        const k = prev.cells[n]!.text === '' && isText(row.cells[n]!.text) ? textAbove(n) : -1;
        if (k < 0) continue;
        const at = out[k]!;
        out[k] = { ...at, cells: at.cells.map((c, m) => (m === n ? { ...c, text: c.text + row.cells[n]!.text } : c)) };
        wentUp.add(n);
      }
      const last = out[out.length - 1]!;
      out[out.length - 1] = { ...last, cells: last.cells.map((c, n) => (wentUp.has(n) ? c : join(c, row.cells[n]!.text))) };
      report(ctx, 'wrapped_cell_joined', 'the rest of a fund row wrapped onto a line of its own was joined to it', { row }, { actual: filled.map((n) => row.cells[n]!.text).join(' | ') });
      continue;
    }
    // The first line of a figure a narrow cell set above its row's line (96.19% as 9 over 6.19%, the
    // cell's two lines centred where the label has one): digits alone on a row of their own, under
    // no figure of the row above in their column, over a fund row whose cell there begins with a
    // digit or its point. They begin that cell.
    const lead = prev && !prev.cells.some((c) => isLabel(c.text)) ? prev : undefined;
    const above = out[out.length - 2];
    const leadCols = lead ? lead.cells.flatMap((c, n) => (c.text.trim() === '' ? [] : [n])) : [];
    const leads = lead !== undefined && leadCols.length > 0 && lead.cells.length === row.cells.length && above?.cells.length === row.cells.length &&
      row.cells.some((c) => isLabel(c.text)) &&
      leadCols.every((n) => /^\d+\.?$/.test(lead.cells[n]!.text.trim()) && /^[\d.]/.test(row.cells[n]!.text.trim()) &&
        (above!.cells[n]!.text.trim() === '' || v.template.placeholders.includes(above!.cells[n]!.text.trim())));
    if (leads) {
      out[out.length - 1] = { ...row, cells: row.cells.map((c, n) => (leadCols.includes(n) ? { ...c, text: lead.cells[n]!.text.trim() + c.text.trim() } : c)) };
      report(ctx, 'wrapped_cell_joined', 'the first line of a fund row\'s figure, set above the row\'s line, was joined to it', { row }, { actual: leadCols.map((n) => `${lead.cells[n]!.text} | ${row.cells[n]!.text}`).join('; ') });
      continue;
    }
    out.push(row);
  }
  return out;
}

/**
 * The last line of a column label the page break carried to the next page, read into the first
 * fund row's cell with its figure (年初预算 at one page's foot, 数1088.38 under it at the next one's
 * top): joined to the label, the figure left alone (`wrapped_cell_joined`).
 */
function joinHeaderRests(header: Row, rows: readonly Row[], v: Vocabulary, ctx: StageContext): { header: Row; rows: readonly Row[] } {
  const first = rows.findIndex((r) => r.cells.some((c) => readAmount(c.text, v.template.placeholders).value !== null));
  const row = rows[first];
  if (!row || row.cells.length !== header.cells.length || row.page === header.page) return { header, rows };
  let cells = header.cells, values = row.cells;
  header.cells.forEach((c, i) => {
    const m = /^(\p{Script=Han}{1,3})\s*([+-]?\d[\d,]*(?:\.\d+)?%?)$/u.exec(values[i]!.text.trim());
    if (!m || c.text === '' || v.fundCol(c.text) !== undefined || v.fundCol(c.text + m[1]) === undefined) return;
    cells = cells.map((x, k) => (k === i ? { ...x, text: x.text + m[1] } : x));
    values = values.map((x, k) => (k === i ? { ...x, text: m[2]! } : x));
    report(ctx, 'wrapped_cell_joined', `the rest of the column label ${c.text}${m[1]} on the next page was read with the first fund row's figure`, { row, cell: row.cells[i] }, { actual: row.cells[i]!.text, expected: m[2] });
  });
  if (cells === header.cells) return { header, rows };
  return { header: { ...header, cells }, rows: rows.map((r, k) => (k === first ? { ...r, cells: values } : r)) };
}

/** Given the funds header row and the rows of the block, reads every fund row the template has. */
export function readFunds(headerRow: Row, fundRows: readonly Row[], v: Vocabulary, ctx: StageContext): FundsResult {
  const { header, rows } = joinHeaderRests(headerRow, fundRows, v, ctx);
  const cols: { key: FundColKey; at: number }[] = [];
  let mergedRow: FundRowKey | undefined;
  header.cells.forEach((c, i) => {
    const key = v.fundCol(c.text) ?? gluedFundCol(c.text, v);
    if (key && !cols.some((x) => x.key === key)) cols.push({ key, at: i });
    const rk = v.fundRow(c.text);
    if (rk) mergedRow = rk;
  });
  const funds: FundsRead = {};
  let separators = 0;
  let wrapped = 0;
  if (cols.length === 0) return { funds, separators, wrapped };
  // Where the value columns start: the first known column, or a column label this template does
  // not know printed before it (the header's first cell is the block's own label).
  let first = cols[0]!.at;
  const lead = header.cells.findIndex((c) => c.text !== '');
  for (let i = lead + 1; i < first; i++) {
    const t = header.cells[i]!.text;
    if (looksLikeLabel(t) && !v.knows(t)) {
      first = i;
      break;
    }
  }
  const span = cols[cols.length - 1]!.at - first + 1;
  const totalKey = v.template.funds.rows[0]!.key;
  const placeholders = v.template.placeholders;
  // The shift between the header label column and the first value column, as printed.
  let expectedLabelAt = first - 1;
  let totalGap = 0;
  if (mergedRow) {
    report(ctx, 'fund_header_merged', 'the label of a fund row was printed in the funds header row', { row: header });
  }
  const figures = cols.filter((c) => !TEXT_COLS.has(c.key));
  // The fund rows in the order read.
  const order: FundRowKey[] = [];
  // Lines of a text column on rows above the total, by column.
  const leadText: Partial<Record<FundColKey, FundCell[]>> = {};

  for (const row of joinFundRests(rows, v, ctx)) {
    let cells = row.cells;
    let labelAt = cells.findIndex((c) => v.fundRow(c.text) !== undefined);
    if (labelAt < 0) {
      const glued = splitGlued(cells, v);
      if (glued) {
        cells = glued.cells;
        labelAt = glued.at;
        report(ctx, 'label_value_joined', `fund row label "${cells[labelAt]!.text}" shared one cell with "${row.cells[labelAt]!.text.replace(cells[labelAt]!.text, '')}"`, { row, cell: row.cells[labelAt] }, { actual: row.cells[labelAt]!.text, expected: cells[labelAt]!.text });
      }
    }
    // Where the row's figures start: after its label, or (the label printed in the header row) under
    // the header's first value column, on the header's grid.
    const from = labelAt >= 0 ? labelAt + 1 : mergedRow && cells.length === header.cells.length ? first : -1;
    const spread = from >= 0 ? spreadFigures(cells, from, figures.length, placeholders) : undefined;
    if (spread) {
      report(ctx, 'values_joined', `two figures of a fund row shared one cell ("${cells[spread.at]!.text}") and another cell was empty: its ${figures.length} figures were read in order`, { row, cell: cells[spread.at] }, { actual: cells.map((c) => c.text).join(' | '), expected: spread.cells.map((c) => c.text).join(' | ') });
      cells = spread.cells;
    }
    // (A row may have two such cells: 67 100 and 93.00 / 93 / %.)
    for (let k = 0; labelAt >= 0 && k < 2; k++) {
      const apart = splitSpacedFigures(cells, labelAt + 1, placeholders);
      if (!apart) break;
      report(ctx, 'values_joined', `two figures of fund row ${cells[labelAt]!.text} shared one cell beside an empty one: "${cells[apart.at]!.text}" read apart`, { row, cell: cells[apart.at] }, { actual: cells[apart.at]!.text, expected: apart.parts.join(' | ') });
      cells = apart.cells;
    }
    const recut = labelAt >= 0 ? recutAtRate(cells, labelAt + 1, placeholders) : undefined;
    if (recut) {
      report(ctx, 'values_joined', `an amount and a rate of fund row ${cells[labelAt]!.text} were cut apart at the wrong digit ("${cells[recut.at]!.text}" | "${cells[recut.at + 1]!.text}"): read at the cut whose rate the amounts give`, { row, cell: cells[recut.at] }, { actual: `${cells[recut.at]!.text} | ${cells[recut.at + 1]!.text}`, expected: `${recut.cells[recut.at]!.text} | ${recut.cells[recut.at + 1]!.text}` });
      cells = recut.cells;
    }
    let key: FundRowKey | undefined = labelAt >= 0 ? v.fundRow(cells[labelAt]!.text) : undefined;
    // A line of a text column alone on a row above the total (原因 merged down the fund rows, its
    // text centred, its first line above the total's): the start of the total's text there.
    if (key === undefined && order.length === 0 && cells.length === header.cells.length) {
      const texts = cells.map((c, i) => [c, i] as const).filter(([c]) => c.text.trim() !== '');
      const col = texts.length === 1 ? cols.find((c) => TEXT_COLS.has(c.key) && c.at === texts[0]![1]) : undefined;
      if (col && !v.knows(texts[0]![0].text)) {
        (leadText[col.key] ??= []).push({ value: texts[0]![0].text.trim(), row, cell: texts[0]![0] });
        continue;
      }
    }
    if (key === undefined) {
      if (!mergedRow || funds[mergedRow]) continue;
      // Values of the row whose label sits in the header: the run of cells ending at the last one.
      key = mergedRow;
      let last = cells.length - 1;
      while (last >= 0 && cells[last]!.text === '') last--;
      labelAt = last - span;
      if (labelAt < -1) continue;
    } else if (labelAt !== expectedLabelAt) {
      report(ctx, 'shifted_cells', `fund row ${cells[labelAt]!.text} is shifted ${labelAt - expectedLabelAt > 0 ? 'right' : 'left'} by ${Math.abs(labelAt - expectedLabelAt)} cell(s)`, { row }, { actual: cells.map((c) => c.text).join(' | ') });
    }
    if (funds[key]) continue;
    // Values may start a cell or two after the label (an empty cell printed in between).
    const gap = bestGap(cells, labelAt + 1, figures.map((c) => c.at - first), placeholders, totalGap);
    if (gap > 0) report(ctx, 'shifted_cells', `values of fund row ${key} start ${gap} cell(s) after its label`, { row });
    const values: Partial<Record<FundColKey, FundCell>> = {};
    for (const col of cols) {
      const cell = cells[labelAt + 1 + gap + (col.at - first)];
      let value: string | null;
      if (TEXT_COLS.has(col.key)) {
        const t = (cell?.text ?? '').trim();
        value = t === '' || placeholders.includes(t) ? null : t;
      } else {
        const a = readAmount(cell?.text, placeholders);
        if (a.separators) separators++;
        if (a.wrapped) wrapped++;
        value = a.value;
      }
      const fc: FundCell = { value, row };
      if (cell) fc.cell = cell;
      values[col.key] = fc;
    }
    if (key === totalKey) {
      for (const [k, pieces] of Object.entries(leadText) as [FundColKey, FundCell[]][]) {
        const own = values[k];
        const all = own?.value != null ? [...pieces, own] : pieces;
        const text = all.map((fc) => fc.value!).reduce(joinWrapped);
        report(ctx, 'wrapped_cell_joined', `the ${k} text above the total row was read as the start of the total's cell`, { row: all[0]!.row, cell: all[0]!.cell }, { actual: all.map((fc) => fc.value).join(' | '), expected: text });
        values[k] = { ...(own ?? { row }), value: text };
      }
    }
    funds[key] = values;
    order.push(key);
    if (key === totalKey) {
      expectedLabelAt = labelAt;
      totalGap = gap;
    }
  }
  mergeTextDown(funds, order, totalKey, cols.filter((c) => TEXT_COLS.has(c.key)).map((c) => c.key), ctx);
  return { funds, separators, wrapped };
}

/**
 * A text column read on the total row only (原因) whose cell is merged down the fund rows: its
 * wrapped lines fall beside the rows below the total, and the first may fall below the total row
 * when the cell centres its text. The pieces on the rows after the total, in order, are the rest of
 * the total's text (`wrapped_cell_joined`); no other row reads that column.
 */
function mergeTextDown(funds: FundsRead, order: readonly FundRowKey[], totalKey: FundRowKey, keys: readonly FundColKey[], ctx: StageContext): void {
  const total = funds[totalKey];
  const from = order.indexOf(totalKey);
  if (!total || from < 0) return;
  for (const key of keys) {
    const pieces = order.slice(from + 1).map((k) => funds[k]?.[key]).filter((fc): fc is FundCell => fc?.value != null);
    if (pieces.length === 0) continue;
    const head = total[key];
    const all = head?.value != null ? [head, ...pieces] : pieces;
    const text = all.map((fc) => fc.value!).reduce(joinWrapped);
    report(ctx, 'wrapped_cell_joined', `the ${key} text beside the fund rows below the total was read as the rest of the total's cell`, { row: all[0]!.row, cell: all[0]!.cell }, { actual: all.map((fc) => fc.value).join(' | '), expected: text });
    total[key] = { ...all[0]!, value: text };
    for (const fc of pieces) fc.value = null;
  }
}
