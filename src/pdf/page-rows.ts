/**
 * One page's runs and rules → `Row[]` in reading order: table rows (one cell per grid cell
 * that intersects the row band, with merge placeholders) interleaved with rows of text found
 * outside any table.
 */
import type { BBox, Cell, Row } from '../types.js';
import { cellAt, mergeRules, rulesToTables, upperBound, type GridCell, type Table } from './grid.js';
import { linesToCell, runsToLines, splitLineIntoChunks, type BoxMapper, type TextLine } from './lines.js';
import type { Rule } from './rules.js';
import type { PdfSettings } from './settings.js';
import { formHints, linesToStreamRows, type AlignVotes, type FormHints, type StreamCarry } from './stream.js';
import { joinTouchingRuns, splitRunAt, splitRunAtCellSpaces, type TextRun } from './text-runs.js';

/** Everything found on one page, kept for `inspect`. */
export interface PageLayout {
  /** Rules after snapping and joining. */
  rules: Rule[];
  tables: Table[];
  rows: Row[];
  mode: 'lattice' | 'stream' | 'none';
  /** Columns of a rule-less table that runs on at the foot of the page (for the next page). */
  carry: StreamCarry | null;
  /** Pitch of wrapped text seen so far (em), for the next page. */
  pitchEm: number | undefined;
  /** Votes for each vertical alignment of cells seen so far, for the next page. */
  alignVotes?: AlignVotes;
  /** Column edges of the ruled table lowest on the page, for the next page. */
  lastGrid?: readonly number[];
}

interface PendingRow {
  top: number;
  row: Row;
}

/**
 * Given the runs and rules of a page (reading frame), returns its rows and layout.
 * `toDisplay` maps boxes back to the displayed orientation for output.
 */
export function pageToLayout(
  page: number,
  runs: readonly TextRun[],
  rawRules: readonly Rule[],
  s: PdfSettings,
  anchors: readonly string[] | undefined,
  toDisplay: BoxMapper,
  stream: { carry?: StreamCarry | null; pageWidth?: number; pitchEm?: number; alignVotes?: AlignVotes; priorGrid?: readonly number[] } & FormHints = {},
): PageLayout {
  // Runs touching on a line are one word for the question whether text crosses a rule.
  const rules = bridgeRuleGaps(mergeRules(rawRules, s), joinTouchingRuns(runs));
  const found = withPriorEdges(rulesToTables(rules, s), rules, runs, stream.priorGrid, s);
  // A frame around the whole table, or rules between rows only, make a "grid" whose cells hold
  // whole rows of text: such a table is read from its text, its horizontal rules kept as row
  // separators.
  const tables: Table[] = [];
  const hRules: Rule[] = [];
  const inTables = new Set<Rule>();
  for (const t of found) {
    const runsOf = runsPerCell(t, runs);
    if (isDegenerate(t, runsOf, s)) {
      for (const r of t.rules) if (r.orient === 'h') hRules.push(r);
    } else tables.push(splitOpenCells(t, runsOf, s));
    for (const r of t.rules) inTables.add(r);
  }
  for (const r of rules) if (r.orient === 'h' && !inTables.has(r)) hRules.push(r);
  const pending: PendingRow[] = [];
  const outside: TextRun[] = [];
  // Assign each run to the table cell holding its centre; a run drawn across a cell border
  // (two cells' text in one run) is first cut at the border.
  const perCell = tables.map((t) => t.cells.map(() => [] as TextRun[]));
  for (const whole of runs) {
    for (const run of splitAtBorders(whole, tables)) {
      const cx = (run.bbox[0] + run.bbox[2]) / 2, cy = (run.bbox[1] + run.bbox[3]) / 2;
      let placed = false;
      for (let ti = 0; ti < tables.length && !placed; ti++) {
        const t = tables[ti];
        if (cx < t.bbox[0] || cx > t.bbox[2] || cy < t.bbox[1] || cy > t.bbox[3]) continue;
        const ci = cellAt(t, cx, cy);
        if (ci >= 0) {
          perCell[ti][ci].push(run);
          placed = true;
        }
      }
      if (!placed) outside.push(run);
    }
  }
  const beside = besidePriorColumns(tables, outside, stream.priorGrid);
  for (let ti = 0; ti < tables.length; ti++) {
    overflowBelow(tables[ti], perCell[ti], outside);
    overflowUp(tables[ti], perCell[ti]);
    for (const r of tableToRows(page, tables[ti], perCell[ti], s, toDisplay, ti === 0 ? beside : [])) pending.push(r);
  }
  let mode: PageLayout['mode'] = tables.length ? 'lattice' : 'none';
  let carry: StreamCarry | null = null;
  let pitchEm = stream.pitchEm;
  let alignVotes = stream.alignVotes;
  if (outside.length) {
    const lines = runsToLines(joinTouchingRuns(outside).flatMap(splitRunAtCellSpaces), s.lineToleranceEm);
    if (tables.length === 0 && (looksTabular(lines, s) || stream.carry)) {
      mode = 'stream';
      const res = linesToStreamRows(page, lines, s, anchors, toDisplay, {
        hRules,
        carry: stream.carry ?? null,
        ...(stream.pageWidth !== undefined ? { pageWidth: stream.pageWidth } : {}),
        ...(stream.pitchEm !== undefined ? { pitchEm: stream.pitchEm } : {}),
        ...(stream.alignVotes ? { alignVotes: stream.alignVotes } : {}),
        ...formHints(stream),
      });
      alignVotes = res.alignVotes;
      for (const row of res.rows) pending.push({ top: row.top, row: row.row });
      carry = res.carry;
      pitchEm = res.pitchEm;
    } else {
      for (const line of lines) pending.push({ top: line.bbox[1], row: lineToRow(page, line, s, toDisplay) });
    }
  }
  pending.sort((a, b) => a.top - b.top);
  const lowest = tables.reduce<Table | null>((m, t) => (!m || t.bbox[3] > m.bbox[3] ? t : m), null);
  return { rules, tables, rows: pending.map((p) => p.row), mode, carry, pitchEm, ...(alignVotes ? { alignVotes } : {}), ...(lowest ? { lastGrid: lowest.xs } : {}) };
}

/**
 * Writer leaves the edges between the cells a page break cut undrawn at the next page's top, also
 * where no band below draws them (the rest of a row beside labels merged over rows, the total row
 * merged over the label columns under it: 分) | 指标 | 服务对象满意率 in one cell). The first band of
 * the page's first table, where that table shares its outer edges with the grid the page before
 * ended with, takes that grid's edges inside a cell where texts on one line stand on both sides of
 * one, clear of it, and no text comes near it.
 */
function withPriorEdges(found: Table[], rules: readonly Rule[], runs: readonly TextRun[], prior: readonly number[] | undefined, s: PdfSettings): Table[] {
  const t = found[0];
  const tol = s.snapTolerancePt;
  if (!prior || prior.length < 3 || !t || t.ys.length < 3) return found;
  if (Math.abs(t.xs[0] - prior[0]) > tol || Math.abs(t.xs[t.xs.length - 1] - prior[prior.length - 1]) > tol) return found;
  const added: Rule[] = [];
  for (const c of t.cells) {
    if (c.row !== 0 || c.rowSpan !== 1) continue;
    const inside = runs.filter((r) => r.text.trim() !== '' && (r.bbox[0] + r.bbox[2]) / 2 > c.bbox[0] && (r.bbox[0] + r.bbox[2]) / 2 < c.bbox[2] && (r.bbox[1] + r.bbox[3]) / 2 > c.bbox[1] && (r.bbox[1] + r.bbox[3]) / 2 < c.bbox[3]);
    for (const x of prior) {
      if (x <= c.bbox[0] + tol || x >= c.bbox[2] - tol || t.xs.some((g) => Math.abs(g - x) < tol)) continue;
      // (Texts on one line, each clear of the edge by a cell's padding: a paragraph's line drawn as
      // two texts meeting at the edge, 标；会员对项目政策知晓度不 | 高，…, is one cell's.)
      const clear = (r: TextRun, side: -1 | 1): boolean => (side < 0 ? r.bbox[2] <= x - 0.2 * r.fontSize : r.bbox[0] >= x + 0.2 * r.fontSize);
      const oneLine = (a: TextRun, b: TextRun): boolean => Math.min(a.bbox[3], b.bbox[3]) - Math.max(a.bbox[1], b.bbox[1]) > 0.5 * Math.min(a.bbox[3] - a.bbox[1], b.bbox[3] - b.bbox[1]);
      if (inside.some((l) => clear(l, -1) && inside.some((r) => clear(r, 1) && oneLine(l, r))) && !inside.some((r) => !clear(r, -1) && !clear(r, 1))) {
        added.push({ orient: 'v', pos: x, start: c.bbox[1], end: c.bbox[3] });
      }
    }
  }
  return added.length ? rulesToTables([...rules, ...added], s) : found;
}

/**
 * Closes a gap in a vertical rule that runs on above and below it when no text crosses the gap:
 * LibreOffice Writer leaves such gaps in the borders of a .docx table beside merged cells, where
 * the page still reads as one ruled column edge. A gap that text crosses is a cell spanning
 * columns, and stays open. A rule that stops short of the table's foot is carried on likewise.
 */
function bridgeRuleGaps(rules: Rule[], runs: readonly TextRun[]): Rule[] {
  const out: Rule[] = [];
  const byPos = new Map<number, Rule[]>();
  for (const r of rules) {
    if (r.orient !== 'v') { out.push(r); continue; }
    let l = byPos.get(r.pos);
    if (!l) byPos.set(r.pos, (l = []));
    l.push(r);
  }
  const vs = rules.filter((r) => r.orient === 'v');
  const crossed = (x: number, y0: number, y1: number): boolean => runs.some((t) => t.bbox[0] < x - 1 && t.bbox[2] > x + 1 && t.bbox[3] > y0 && t.bbox[1] < y1);
  for (const [x, segs] of byPos) {
    segs.sort((a, b) => a.start - b.start);
    let cur = { ...segs[0] };
    const closed: Rule[] = [];
    for (const next of segs.slice(1)) {
      if (crossed(x, cur.end, next.start)) {
        closed.push(cur);
        cur = { ...next };
      } else cur.end = Math.max(cur.end, next.end);
    }
    closed.push(cur);
    // The last piece may stop where the table goes on (Writer leaves the edge of a merged cell
    // cut by a page break undrawn): it runs on to where two other edges of the table end.
    const last = closed[closed.length - 1];
    const further = vs.filter((r) => r.pos !== x && r.start <= last.end && r.end > last.end + 1).map((r) => r.end).sort((a, b) => b - a);
    if (further.length >= 2 && !crossed(x, last.end, further[1])) last.end = further[1];
    out.push(...closed);
  }
  const textIn = (x0: number, x1: number, y0: number, y1: number): boolean => runs.some((t) => t.text.trim() !== '' && t.bbox[0] > x0 && t.bbox[2] < x1 && t.bbox[3] > y0 && t.bbox[1] < y1);
  closeOpenTop(out, crossed, textIn);
  return out;
}

/**
 * Writer leaves the edges of the cells a page break cut undrawn at the top of the next page: the
 * table's first band, under the rule drawn over the whole table, is closed only from some
 * column on (or up to some column), its outer edge and the edges left of that column starting
 * one band lower. Each such edge runs up to the rule, where no text crosses it and no other rule
 * crosses it in between (the band is one row).
 */
function closeOpenTop(rules: Rule[], crossed: (x: number, y0: number, y1: number) => boolean, textIn: (x0: number, x1: number, y0: number, y1: number) => boolean): void {
  const vs = rules.filter((r) => r.orient === 'v');
  if (vs.length < 3) return;
  const top = Math.min(...vs.map((r) => r.start));
  const closed = vs.filter((r) => r.start < top + 1).map((r) => r.pos);
  if (closed.length < 2) return;
  const lo = Math.min(...closed), hi = Math.max(...closed);
  const firstAt = new Map<number, Rule>();
  for (const r of vs) if (!firstAt.has(r.pos) || r.start < firstAt.get(r.pos)!.start) firstAt.set(r.pos, r);
  const hAt = (y: number, x: number): boolean => rules.some((r) => r.orient === 'h' && Math.abs(r.pos - y) < 1 && r.start <= x + 1 && r.end >= x - 1);
  const hBetween = (y0: number, y1: number, x: number): boolean => rules.some((r) => r.orient === 'h' && r.pos > y0 + 1 && r.pos < y1 - 1 && r.start <= x + 1 && r.end >= x - 1);
  const runsOn = (x: number, r: Rule): boolean => hAt(top, x) && hAt(r.start, x) && !hBetween(top, r.start, x) && !crossed(x, top, r.start);
  // In a band so cut (the table reaching past it), an edge between cells it leaves undrawn inside
  // the closed part runs up to the rule alike where text stands on both sides of it between the
  // edges drawn there (标 | 检定规范性: the rest of a group's label and the first level-3 name). (A
  // paragraph's rest in a cell merged over columns has none right of its lines' ends.)
  const cut = [...firstAt.keys()].some((x) => x < lo - 1 || x > hi + 1);
  const drawn = [...closed].sort((a, b) => a - b);
  const textBothSides = (x: number, r: Rule): boolean => {
    const xl = Math.max(...drawn.filter((d) => d < x - 1)), xr = Math.min(...drawn.filter((d) => d > x + 1));
    return textIn(xl, x, top, r.start) && textIn(x, xr, top, r.start);
  };
  for (const [x, r] of firstAt) {
    if (r.start < top + 1) continue;
    const inside = x >= lo - 1 && x <= hi + 1;
    if (inside && !(cut && x > lo + 1 && x < hi - 1 && textBothSides(x, r))) continue;
    if (runsOn(x, r)) r.start = top;
  }
}

/**
 * Whether a ruled "table" is only a frame: its cells hold lines of text split into several
 * chunks (columns the rules do not draw), on at least three lines and in most cells with text.
 */
function isDegenerate(t: Table, perCell: readonly TextRun[][], s: PdfSettings): boolean {
  // One column: no vertical rule inside the frame (a frame, or a frame with rules between rows).
  if (t.xs.length <= 2) return true;
  let withText = 0, tabular = 0, multiLines = 0;
  for (const cellRuns of perCell) {
    if (!cellRuns.length) continue;
    withText++;
    let multi = 0;
    for (const l of runsToLines(cellRuns, s.lineToleranceEm)) if (splitLineIntoChunks(l, s.chunkGapEm).length >= 2) multi++;
    if (multi) tabular++;
    multiLines += multi;
  }
  return multiLines >= 3 && tabular * 2 >= withText;
}

/** The runs of each cell of `t` (by the run's centre). */
function runsPerCell(t: Table, runs: readonly TextRun[]): TextRun[][] {
  const perCell = t.cells.map(() => [] as TextRun[]);
  for (const run of runs) {
    const cx = (run.bbox[0] + run.bbox[2]) / 2, cy = (run.bbox[1] + run.bbox[3]) / 2;
    if (cx < t.bbox[0] || cx > t.bbox[2] || cy < t.bbox[1] || cy > t.bbox[3]) continue;
    const ci = cellAt(t, cx, cy);
    if (ci >= 0) perCell[ci].push(run);
  }
  return perCell;
}

/**
 * Lines a cell's paragraph ran on with below its cell, drawn over the text of the cell under it
 * (Chromium lets a cell merged over rows that a page break cuts overflow: 标的可衡量性。 over the
 * header 未完成原因分析): a line that overlaps a text of its cell, begins where the last line of
 * the cell above begins and follows it at the line pitch goes back to that cell.
 */
function overflowUp(t: Table, perCell: TextRun[][]): void {
  perCell.forEach((runs, ci) => {
    const top = t.cells[ci]!.bbox[1];
    for (const r of [...runs].sort((a, b) => a.bbox[1] - b.bbox[1])) {
      const em = r.fontSize;
      const over = runs.some((o) => o !== r && Math.min(o.bbox[2], r.bbox[2]) - Math.max(o.bbox[0], r.bbox[0]) > 0.5 * em && Math.min(o.bbox[3], r.bbox[3]) - Math.max(o.bbox[1], r.bbox[1]) > 0.2 * em);
      if (!over || r.bbox[1] - top > 1.5 * em) continue;
      const ai = cellAt(t, r.bbox[0] + 0.5, top - 1);
      if (ai < 0 || ai === ci) continue;
      const above = perCell[ai]!;
      const last = above.reduce<TextRun | null>((m, o) => (!m || o.bbox[3] > m.bbox[3] ? o : m), null);
      if (!last || Math.abs(last.bbox[0] - r.bbox[0]) > 0.5 || r.bbox[1] - last.bbox[3] > 0.6 * em || r.bbox[1] < last.bbox[3] - 0.2 * em) continue;
      runs.splice(runs.indexOf(r), 1);
      above.push(r);
    }
  });
}

/**
 * Lines a cell of the table's last row ran on with below the table's foot (Chromium lets the text
 * of a cell a page break cuts run past the rule it draws there: 按计划完 / 成支出, 情况(10 / 分)):
 * a line outside the table, inside that cell's edges, right under its last line at the line
 * pitch, the two crossing the foot, goes back to the cell; so do the lines under it.
 */
function overflowBelow(t: Table, perCell: TextRun[][], outside: TextRun[]): void {
  const foot = t.bbox[3];
  const below = outside.filter((r) => r.bbox[1] > foot - 0.5 * r.fontSize && r.bbox[1] < foot + r.fontSize).sort((a, b) => a.bbox[1] - b.bbox[1]);
  for (const r of below) {
    const em = r.fontSize;
    const ci = cellAt(t, (r.bbox[0] + r.bbox[2]) / 2, foot - 1);
    if (ci < 0) continue;
    const cell = t.cells[ci]!;
    if (r.bbox[0] < cell.bbox[0] - 0.5 || r.bbox[2] > cell.bbox[2] + 0.5) continue;
    const runs = perCell[ci]!;
    const last = runs.reduce<TextRun | null>((m, o) => (!m || o.bbox[3] > m.bbox[3] ? o : m), null);
    // (The text crosses the foot: this line begins above it, or the line above ends below it. A
    // line under the table that only follows its last line closely, a signature, does neither.)
    const crosses = r.bbox[1] < foot - 0.1 * em || (last !== null && last.bbox[3] > foot + 0.1 * em);
    if (!last || !crosses || r.bbox[1] - last.bbox[3] > 0.6 * em || r.bbox[1] < last.bbox[3] - 0.2 * em) continue;
    outside.splice(outside.indexOf(r), 1);
    runs.push(r);
  }
}

/**
 * A "cell" over several rows and columns of the grid whose texts each stand inside one column,
 * in two columns or more, is no merged cell but an open region: the producer left out the rules
 * around it (Writer drops the borders of vertically merged label cells in some tables). It is
 * cut back along the grid's lines: in each column, each paragraph (lines at the text's own
 * pitch) is a cell over the rows it covers, and the other rows' cells are empty. Which rows a
 * label names is then the repair's question, as in a text dump.
 */
function splitOpenCells(t: Table, perCell: readonly TextRun[][], s: PdfSettings): Table {
  const nc = t.xs.length - 1;
  const cells: GridCell[] = [];
  let changed = false;
  t.cells.forEach((gc, i) => {
    const parts = gc.rowSpan >= 2 && gc.colSpan >= 2 ? openRegionParts(t, gc, perCell[i], s) : null;
    if (!parts) {
      cells.push(gc);
      return;
    }
    changed = true;
    // The grid positions this region holds (closed cells inside its box hold their own).
    const owns = (r: number, c: number): boolean => cellAt(t, (t.xs[c] + t.xs[c + 1]) / 2, (t.ys[r] + t.ys[r + 1]) / 2) === i;
    for (let c = gc.col; c < gc.col + gc.colSpan; c++) {
      for (let r = gc.row; r < gc.row + gc.rowSpan; r++) {
        if (!owns(r, c) || parts[c - gc.col].some((p) => p.from < r && p.to >= r && owns(p.from, c))) continue;
        const para = parts[c - gc.col].find((p) => p.from === r);
        let to = r;
        while (para && to < para.to && owns(to + 1, c)) to++;
        cells.push({ row: r, col: c, rowSpan: to - r + 1, colSpan: 1, bbox: [t.xs[c], t.ys[r], t.xs[c + 1], t.ys[to + 1]] });
      }
    }
  });
  if (!changed) return t;
  cells.sort((a, b) => a.row * nc + a.col - (b.row * nc + b.col));
  return { ...t, cells, at: undefined };
}

/** For each grid column of an open region, its paragraphs as row ranges; null when `gc` is a true merged cell. */
function openRegionParts(t: Table, gc: GridCell, cellRuns: readonly TextRun[], s: PdfSettings): Array<Array<{ from: number; to: number }>> | null {
  const chunks = runsToLines(cellRuns, s.lineToleranceEm).flatMap((l) => splitLineIntoChunks(l, s.chunkGapEm));
  if (chunks.length < 3) return null;
  const colOf = (b: BBox): number => {
    for (let c = gc.col; c < gc.col + gc.colSpan; c++) if (b[0] >= t.xs[c] - 0.5 && b[2] <= t.xs[c + 1] + 0.5) return c;
    return -1;
  };
  const cols = chunks.map((ch) => colOf(ch.bbox));
  // A line across a column boundary is a paragraph of the merged cell.
  if (cols.some((c) => c < 0) || new Set(cols).size < 2) return null;
  const rowOf = (y: number): number => Math.min(gc.row + gc.rowSpan - 1, Math.max(gc.row, upperBound(t.ys, y) - 1));
  const parts: Array<Array<{ from: number; to: number }>> = Array.from({ length: gc.colSpan }, () => []);
  for (let c = gc.col; c < gc.col + gc.colSpan; c++) {
    const mine = chunks.filter((_, k) => cols[k] === c).sort((a, b) => a.bbox[1] - b.bbox[1]);
    let cur: { top: number; bottom: number; size: number } | null = null;
    const flush = (): void => {
      if (cur) parts[c - gc.col].push({ from: rowOf(cur.top + 0.5 * cur.size), to: rowOf(cur.bottom - 0.5 * cur.size) });
    };
    for (const ch of mine) {
      const size = ch.bbox[3] - ch.bbox[1];
      if (cur && ch.bbox[1] - cur.bottom < 0.6 * size) cur.bottom = Math.max(cur.bottom, ch.bbox[3]);
      else {
        flush();
        cur = { top: ch.bbox[1], bottom: ch.bbox[3], size };
      }
    }
    flush();
  }
  return parts;
}

/** Cuts a run where a vertical rule of a table crosses it (a producer drew two cells' text as one run). */
function splitAtBorders(run: TextRun, tables: readonly Table[]): TextRun[] {
  if (run.angle !== 0) return [run];
  const cy = (run.bbox[1] + run.bbox[3]) / 2;
  const margin = 0.3 * run.fontSize;
  const xs: number[] = [];
  for (const t of tables) {
    if (cy < t.bbox[1] || cy > t.bbox[3] || run.bbox[2] < t.bbox[0] || run.bbox[0] > t.bbox[2]) continue;
    for (const r of t.rules) {
      if (r.orient === 'v' && r.pos > run.bbox[0] + margin && r.pos < run.bbox[2] - margin && r.start <= cy && r.end >= cy) xs.push(r.pos);
    }
  }
  if (xs.length === 0) return [run];
  xs.sort((a, b) => b - a);
  const out: TextRun[] = [];
  let rest = run;
  for (const x of xs) {
    const parts = splitRunAt(rest, x);
    if (!parts) continue;
    out.unshift(parts[1]);
    rest = parts[0];
  }
  out.unshift(rest);
  return out;
}

/** Given a table and the runs of each of its cells, returns one row per grid row band. */
function tableToRows(page: number, t: Table, cellRuns: TextRun[][], s: PdfSettings, toDisplay: BoxMapper, left: readonly TextRun[][] = []): PendingRow[] {
  const nr = t.ys.length - 1;
  const byRow: Array<Array<{ col: number; cell: Cell }>> = Array.from({ length: nr }, () => []);
  t.cells.forEach((gc, i) => {
    const lines = runsToLines(cellRuns[i], s.lineToleranceEm);
    const bbox = toDisplay(gc.bbox);
    const extra: Partial<Cell> = { rowSpan: gc.rowSpan, colSpan: gc.colSpan };
    if (gc.rowSpan > 1) extra.merge = 'start';
    byRow[gc.row].push({ col: gc.col, cell: linesToCell(lines, gc.bbox, page, bbox, extra) });
    for (let r = gc.row + 1; r < gc.row + gc.rowSpan; r++) {
      const band = toDisplay([gc.bbox[0], t.ys[r], gc.bbox[2], t.ys[r + 1]]);
      byRow[r].push({ col: gc.col, cell: { text: '', merge: 'continued', rowSpan: 1, colSpan: gc.colSpan, page, bbox: band } });
    }
  });
  const rows: PendingRow[] = [];
  for (let r = 0; r < nr; r++) {
    if (byRow[r].length === 0) continue;
    byRow[r].sort((a, b) => a.col - b.col);
    let x0 = t.xs[byRow[r][0].col];
    const last = byRow[r][byRow[r].length - 1];
    const x1 = t.xs[last.col + last.cell.colSpan];
    const cells = byRow[r].map((e) => e.cell);
    const mine = left[r] ?? [];
    if (mine.length) {
      const box: BBox = [Math.min(...mine.map((x) => x.bbox[0])), t.ys[r], x0, t.ys[r + 1]];
      cells.unshift(linesToCell(runsToLines(mine, s.lineToleranceEm), box, page, toDisplay(box)));
      x0 = box[0];
    }
    rows.push({ top: t.ys[r], row: { cells, page, bbox: toDisplay([x0, t.ys[r], x1, t.ys[r + 1]]) } });
  }
  return rows;
}

/**
 * Chromium draws no rules for the merged label cells a page break cut on the page after it: that
 * page's first grid begins right of where the page before's grid began, and those cells' text (a
 * group's name set at the top of its part, 成本指 / 标) stands left of it, beside its rows. Such text,
 * within the page before's grid and the rows' height, is taken out of `outside`, per row of the
 * first table (the row its middle is in): a cell before the row's first.
 */
function besidePriorColumns(tables: readonly Table[], outside: TextRun[], prior: readonly number[] | undefined): TextRun[][] {
  const t = tables[0];
  if (!t || !prior?.length) return [];
  const left = Math.min(...prior);
  if (left >= t.bbox[0] - 1) return [];
  const out: TextRun[][] = [];
  for (const run of [...outside]) {
    const cy = (run.bbox[1] + run.bbox[3]) / 2;
    if (run.angle !== 0 || run.bbox[0] < left - 1 || run.bbox[2] > t.bbox[0] + 0.5 || cy <= t.ys[0]! || cy >= t.ys[t.ys.length - 1]!) continue;
    const r = t.ys.findIndex((y, k) => k + 1 < t.ys.length && cy >= y && cy < t.ys[k + 1]!);
    if (r < 0) continue;
    (out[r] ??= []).push(run);
    outside.splice(outside.indexOf(run), 1);
  }
  return out;
}

/** A line outside any table: one cell per chunk separated by a wide gap. */
function lineToRow(page: number, line: TextLine, s: PdfSettings, toDisplay: BoxMapper): Row {
  const chunks = splitLineIntoChunks(line, s.chunkGapEm);
  return {
    cells: chunks.map((c) => linesToCell([c], null, page, toDisplay(c.bbox))),
    page,
    bbox: toDisplay(line.bbox),
  };
}

/** A page without rules is tabular when several lines split into two or more chunks. */
function looksTabular(lines: readonly TextLine[], s: PdfSettings): boolean {
  let multi = 0;
  for (const l of lines) if (splitLineIntoChunks(l, s.chunkGapEm).length >= 2) multi++;
  return multi >= 3;
}
