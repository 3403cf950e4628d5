/**
 * One page's runs and rules → `Row[]` in reading order: table rows (one cell per grid cell
 * that intersects the row band, with merge placeholders) interleaved with rows of text found
 * outside any table.
 */
import type { BBox, Cell, Row } from '../types.js';
import { cellAt, mergeRules, rulesToTables, type Table } from './grid.js';
import { linesToCellText, lineText, makeCell, runsToLines, splitLineIntoChunks, type BoxMapper, type TextLine } from './lines.js';
import type { Rule } from './rules.js';
import type { PdfSettings } from './settings.js';
import { linesToStreamRows } from './stream.js';
import type { TextRun } from './text-runs.js';

/** Everything found on one page, kept for `inspect`. */
export interface PageLayout {
  /** Rules after snapping and joining. */
  rules: Rule[];
  tables: Table[];
  rows: Row[];
  mode: 'lattice' | 'stream' | 'none';
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
): PageLayout {
  const rules = mergeRules(rawRules, s);
  const tables = rulesToTables(rules, s);
  const pending: PendingRow[] = [];
  const outside: TextRun[] = [];
  // Assign each run to the table cell holding its centre.
  const perCell = tables.map((t) => t.cells.map(() => [] as TextRun[]));
  for (const run of runs) {
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
  for (let ti = 0; ti < tables.length; ti++) {
    for (const r of tableToRows(page, tables[ti], perCell[ti], s, toDisplay)) pending.push(r);
  }
  let mode: PageLayout['mode'] = tables.length ? 'lattice' : 'none';
  if (outside.length) {
    const lines = runsToLines(outside, s.lineToleranceEm);
    if (tables.length === 0 && looksTabular(lines, s)) {
      mode = 'stream';
      for (const row of linesToStreamRows(page, lines, s, anchors, toDisplay)) pending.push({ top: row.top, row: row.row });
    } else {
      for (const line of lines) pending.push({ top: line.bbox[1], row: lineToRow(page, line, s, toDisplay) });
    }
  }
  pending.sort((a, b) => a.top - b.top);
  return { rules, tables, rows: pending.map((p) => p.row), mode };
}

/** Given a table and the runs of each of its cells, returns one row per grid row band. */
function tableToRows(page: number, t: Table, cellRuns: TextRun[][], s: PdfSettings, toDisplay: BoxMapper): PendingRow[] {
  const nr = t.ys.length - 1;
  const byRow: Array<Array<{ col: number; cell: Cell }>> = Array.from({ length: nr }, () => []);
  t.cells.forEach((gc, i) => {
    const lines = runsToLines(cellRuns[i], s.lineToleranceEm);
    const raw = linesToCellText(lines, gc.bbox);
    const bbox = toDisplay(gc.bbox);
    const extra: Partial<Cell> = { rowSpan: gc.rowSpan, colSpan: gc.colSpan };
    if (gc.rowSpan > 1) extra.merge = 'start';
    byRow[gc.row].push({ col: gc.col, cell: makeCell(raw, page, bbox, extra) });
    for (let r = gc.row + 1; r < gc.row + gc.rowSpan; r++) {
      const band = toDisplay([gc.bbox[0], t.ys[r], gc.bbox[2], t.ys[r + 1]]);
      byRow[r].push({ col: gc.col, cell: { text: '', merge: 'continued', rowSpan: 1, colSpan: gc.colSpan, page, bbox: band } });
    }
  });
  const rows: PendingRow[] = [];
  for (let r = 0; r < nr; r++) {
    if (byRow[r].length === 0) continue;
    byRow[r].sort((a, b) => a.col - b.col);
    const x0 = t.xs[byRow[r][0].col];
    const last = byRow[r][byRow[r].length - 1];
    const x1 = t.xs[last.col + last.cell.colSpan];
    rows.push({ top: t.ys[r], row: { cells: byRow[r].map((e) => e.cell), page, bbox: toDisplay([x0, t.ys[r], x1, t.ys[r + 1]]) } });
  }
  return rows;
}

/** A line outside any table: one cell per chunk separated by a wide gap. */
function lineToRow(page: number, line: TextLine, s: PdfSettings, toDisplay: BoxMapper): Row {
  const chunks = splitLineIntoChunks(line, s.chunkGapEm);
  return {
    cells: chunks.map((c) => makeCell(lineText(c), page, toDisplay(c.bbox))),
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
