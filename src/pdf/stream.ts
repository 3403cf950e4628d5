/**
 * Stream mode: a page with text but no ruling lines. Builds logical table rows from lines.
 *
 * 1. Sections: a line holding two or more of the caller's anchors (header labels) starts a
 *    section; lines that overlap it vertically (wrapped header labels) form its header row.
 *    Text above the first header is a section of its own.
 * 2. Columns per section: between header labels, in the widest white gap there; left of the
 *    first label, from white space between the section's chunks. Without a header, from
 *    vertical white space that no chunk crosses.
 * 3. Each line is cut at the boundaries into pieces; in each column, pieces of consecutive lines
 *    that touch form a block (a wrapped cell).
 * 4. The key column is the one with the most blocks: each of its blocks is one row. Every other
 *    block joins the row whose centre is nearest. A block centred on its row is that row's cell;
 *    one that is not (a label centred on a group of rows) becomes a merged cell over the rows it
 *    is centred on (`start` and `continued`, like a ruled table's rowspan).
 * 5. Blocks above the first row or below the last one, touching neither, are rows of free text.
 */
import type { BBox, Cell, Row } from '../types.js';
import { unionBox } from './geometry.js';
import { lineText, linesToCellText, makeCell, splitLineIntoChunks, type BoxMapper, type TextLine } from './lines.js';
import { normalizeCjk } from './normalize.js';
import type { PdfSettings } from './settings.js';
import type { TextRun } from './text-runs.js';

/** A line's runs inside one column. */
interface Piece extends TextLine {
  line: number;
  col: number;
}

/** Pieces of one column on touching lines: one (possibly wrapped) cell's text. */
interface Block {
  col: number;
  pieces: Piece[];
  bbox: BBox;
  center: number;
  fontSize: number;
}

interface LogicalRow {
  /** Vertical extent used to place merged labels. */
  top: number;
  bottom: number;
  center: number;
  /** Pieces per column. */
  cols: Piece[][];
  merge: Array<{ role: 'start' | 'continued'; span: number } | undefined>;
}

/** Given the lines of a rule-less page, returns its rows with their top (reading frame). */
export function linesToStreamRows(
  page: number,
  lines: readonly TextLine[],
  s: PdfSettings,
  anchors: readonly string[] | undefined,
  toDisplay: BoxMapper,
): Array<{ top: number; row: Row }> {
  const wanted = [...new Set((anchors ?? []).map((a) => normalizeCjk(a)).filter((a) => a.length > 0))].sort((x, y) => y.length - x.length);
  // Sections: [start, end) line ranges, each with its header lines and anchor hits.
  interface Section { start: number; end: number; header: Set<number>; hits: Array<[number, number]> | null }
  const sections: Section[] = [];
  let covered = -1;
  if (wanted.length) {
    for (let li = 0; li < lines.length; li++) {
      if (li <= covered) continue;
      const line = lines[li];
      const near: TextLine[] = [];
      for (let k = li - 1; k >= 0 && Math.abs(lines[k].bbox[1] - line.bbox[1]) < 1.5 * line.fontSize; k--) near.push(lines[k]);
      for (let k = li + 1; k < lines.length && Math.abs(lines[k].bbox[1] - line.bbox[1]) < 1.5 * line.fontSize; k++) near.push(lines[k]);
      const hits = anchorHits(line, wanted, near);
      if (!hits) continue;
      const header = new Set<number>([li]);
      let first = li, last = li;
      for (let k = li - 1; k > covered && lines[k].bbox[3] > line.bbox[1] + 0.5; k--) { header.add(k); first = k; }
      for (let k = li + 1; k < lines.length && lines[k].bbox[1] < line.bbox[3] - 0.5; k++) { header.add(k); last = k; }
      if (sections.length) sections[sections.length - 1].end = first;
      else if (first > 0) sections.push({ start: 0, end: first, header: new Set(), hits: null });
      sections.push({ start: first, end: lines.length, header, hits });
      covered = last;
    }
  }
  if (sections.length === 0) sections.push({ start: 0, end: lines.length, header: new Set(), hits: null });

  const out: Array<{ top: number; row: Row }> = [];
  for (const sec of sections) {
    const secLines = lines.slice(sec.start, sec.end);
    const bounds = sec.hits ? anchoredBounds(secLines, sec.hits) : gapBoundaries(secLines, s);
    if (!bounds) {
      for (const line of secLines) out.push({ top: line.bbox[1], row: freeRow(page, [line], toDisplay, line.bbox) });
      continue;
    }
    sectionRows(page, lines, sec.start, sec.end, sec.header, bounds, s, toDisplay, out);
  }
  return out;
}

function sectionRows(
  page: number,
  lines: readonly TextLine[],
  start: number,
  end: number,
  headerLines: ReadonlySet<number>,
  bounds: readonly number[],
  s: PdfSettings,
  toDisplay: BoxMapper,
  out: Array<{ top: number; row: Row }>,
): void {
  const ncols = bounds.length + 1;
  const headerPieces: Piece[] = [];
  const byCol: Piece[][] = Array.from({ length: ncols }, () => []);
  let x0 = Infinity, x1 = -Infinity;
  for (let li = start; li < end; li++) {
    x0 = Math.min(x0, lines[li].bbox[0]);
    x1 = Math.max(x1, lines[li].bbox[2]);
    for (const p of cutLine(lines[li], li, bounds)) (headerLines.has(li) ? headerPieces : byCol[p.col]).push(p);
  }
  const colX = (c: number): [number, number] => [c === 0 ? Math.min(x0, bounds[0] ?? x0) : bounds[c - 1], c === bounds.length ? Math.max(x1, bounds[c - 1] ?? x1) : bounds[c]];
  // Blocks: touching pieces of one column.
  const blocks: Block[][] = byCol.map((ps, col) => {
    const bs: Block[] = [];
    for (const p of ps) {
      const b = bs[bs.length - 1];
      if (b && p.bbox[1] - b.bbox[3] < 0.2 * Math.max(p.fontSize, b.fontSize)) {
        b.pieces.push(p);
        b.bbox = unionBox([b.bbox, p.bbox]);
        b.center = (b.bbox[1] + b.bbox[3]) / 2;
        b.fontSize = Math.max(b.fontSize, p.fontSize);
      } else bs.push({ col, pieces: [p], bbox: p.bbox, center: (p.bbox[1] + p.bbox[3]) / 2, fontSize: p.fontSize });
    }
    return bs;
  });
  // The key column: most blocks on lines with text in another column too (a title line is no
  // table row), then fewest wrapped blocks, then leftmost.
  const piecesOnLine = new Map<number, number>();
  for (const ps of byCol) for (const p of ps) piecesOnLine.set(p.line, (piecesOnLine.get(p.line) ?? 0) + 1);
  const counts = blocks.map((bs) => bs.filter((b) => b.pieces.some((p) => piecesOnLine.get(p.line)! > 1)).length);
  let key = -1;
  for (let c = 0; c < ncols; c++) {
    if (blocks[c].length === 0) continue;
    if (key < 0 || counts[c] > counts[key]) { key = c; continue; }
    if (counts[c] === counts[key] && wrapped(blocks[c]) < wrapped(blocks[key])) key = c;
  }
  const rows: LogicalRow[] = [];
  const newRow = (bbox: BBox): LogicalRow => ({ top: bbox[1], bottom: bbox[3], center: (bbox[1] + bbox[3]) / 2, cols: Array.from({ length: ncols }, () => []), merge: new Array(ncols).fill(undefined) });
  let hasHeader = false;
  if (headerPieces.length) {
    const hr = newRow(unionBox(headerPieces.map((p) => p.bbox)));
    for (const p of headerPieces) hr.cols[p.col].push(p);
    rows.push(hr);
    hasHeader = true;
  }
  if (key >= 0) {
    for (const b of blocks[key]) {
      const r = newRow(b.bbox);
      r.cols[key].push(...b.pieces);
      rows.push(r);
    }
  }
  const free: Piece[] = [];
  if (rows.length === 0) {
    for (const bs of blocks) for (const b of bs) free.push(...b.pieces);
  } else {
    // Attach the other blocks to their nearest row; note those centred on it.
    const centres = rows.map((r) => r.center);
    const first = rows[0], last = rows[rows.length - 1];
    const attached: Array<Array<{ b: Block; n: number; centred: boolean }>> = Array.from({ length: ncols }, () => []);
    for (let c = 0; c < ncols; c++) {
      if (c === key) continue;
      for (const b of blocks[c]) {
        if ((b.bbox[3] <= first.top && !hasHeader) || b.bbox[1] >= last.bottom) {
          free.push(...b.pieces);
          continue;
        }
        const n = nearest(centres, b.center);
        attached[c].push({ b, n, centred: Math.abs(b.center - rows[n].center) <= 0.3 * b.fontSize });
      }
    }
    // Row extents from the blocks centred on them.
    for (const col of attached) for (const a of col) {
      if (!a.centred) continue;
      const r = rows[a.n];
      r.top = Math.min(r.top, a.b.bbox[1]);
      r.bottom = Math.max(r.bottom, a.b.bbox[3]);
    }
    for (let c = 0; c < ncols; c++) placeColumn(rows, c, attached[c]);
  }
  for (const r of rows) {
    const cells: Cell[] = [];
    for (let c = 0; c < ncols; c++) {
      const [cx0, cx1] = colX(c);
      const ps = r.cols[c];
      const m = r.merge[c];
      if (m?.role === 'continued') {
        cells.push({ text: '', merge: 'continued', rowSpan: 1, colSpan: 1, page, bbox: toDisplay([cx0, r.top, cx1, r.bottom]) });
        continue;
      }
      const extra: Partial<Cell> = m?.role === 'start' ? { rowSpan: m.span, merge: 'start' } : {};
      if (ps.length === 0) {
        cells.push(makeCell('', page, toDisplay([cx0, r.top, cx1, r.bottom]), extra));
        continue;
      }
      ps.sort((a, b) => a.bbox[1] - b.bbox[1] || a.bbox[0] - b.bbox[0]);
      cells.push(makeCell(linesToCellText(ps, null), page, toDisplay(unionBox(ps.map((p) => p.bbox))), extra));
    }
    out.push({ top: r.center, row: { cells, page, bbox: toDisplay([x0, r.top, x1, r.bottom]) } });
  }
  // Free text: one row per line, one cell per piece.
  free.sort((a, b) => a.line - b.line || a.bbox[0] - b.bbox[0]);
  for (let i = 0; i < free.length;) {
    let j = i;
    while (j < free.length && free[j].line === free[i].line) j++;
    const ps = free.slice(i, j);
    const box = unionBox(ps.map((p) => p.bbox));
    out.push({ top: (box[1] + box[3]) / 2, row: freeRow(page, ps, toDisplay, box) });
    i = j;
  }
}

function wrapped(bs: readonly Block[]): number {
  let n = 0;
  for (const b of bs) if (b.pieces.length > 1) n++;
  return n;
}

/** Index of the value in ascending `xs` nearest to `v`. */
function nearest(xs: readonly number[], v: number): number {
  let lo = 0, hi = xs.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid] < v) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 && Math.abs(xs[lo - 1] - v) <= Math.abs(xs[lo] - v) ? lo - 1 : lo;
}

/**
 * Places the blocks of one column: a centred block is its row's cell; any other one is a label
 * merged over the rows it is centred on, starting at the first row not yet taken when that fits.
 */
function placeColumn(rows: LogicalRow[], c: number, attached: Array<{ b: Block; n: number; centred: boolean }>): void {
  attached.sort((a, b) => a.b.center - b.b.center);
  let p = 0;
  for (let r = 0; r < rows.length; r++) if (rows[r].cols[c].length) p = r + 1;
  const MAX = 200;
  for (let k = 0; k < attached.length; k++) {
    const { b, n, centred } = attached[k];
    if (centred || n < p) {
      rows[n].cols[c].push(...b.pieces);
      if (n >= p) p = n + 1;
      continue;
    }
    const limit = Math.min(rows.length - 1, k + 1 < attached.length ? Math.max(n, attached[k + 1].n - 1) : rows.length - 1, n + MAX);
    const tol = 0.5 * b.fontSize;
    const errOf = (i: number, j: number) => Math.abs((rows[i].top + rows[j].bottom) / 2 - b.center) + 0.1 * (j - i);
    let best: [number, number, number] | null = null;
    // Prefer a group that starts at the first free row (label groups follow one another).
    for (let j = n; j <= limit; j++) {
      const e = errOf(p, j);
      if (e < tol && (!best || e < best[2])) best = [p, j, e];
    }
    if (!best) {
      for (let i = Math.max(p + 1, n - MAX); i <= n; i++) {
        for (let j = n; j <= limit; j++) {
          const e = errOf(i, j);
          if (e < tol && (!best || e < best[2])) best = [i, j, e];
        }
      }
    }
    const [i, j] = best ?? [n, n];
    rows[i].cols[c].push(...b.pieces);
    if (j > i) {
      rows[i].merge[c] = { role: 'start', span: j - i + 1 };
      for (let r = i + 1; r <= j; r++) rows[r].merge[c] = { role: 'continued', span: 1 };
    }
    p = j + 1;
  }
}

function freeRow(page: number, pieces: readonly TextLine[], toDisplay: BoxMapper, box: BBox): Row {
  return {
    cells: pieces.map((p) => makeCell(lineText(p), page, toDisplay(p.bbox))),
    page,
    bbox: toDisplay(box),
  };
}

/** Cuts a line at the boundaries into non-empty pieces, by the centre of each run. */
function cutLine(line: TextLine, li: number, bounds: readonly number[]): Piece[] {
  const cols: TextRun[][] = Array.from({ length: bounds.length + 1 }, () => []);
  for (const r of line.runs) {
    const cx = (r.bbox[0] + r.bbox[2]) / 2;
    let k = 0;
    while (k < bounds.length && cx > bounds[k]) k++;
    cols[k].push(r);
  }
  const out: Piece[] = [];
  cols.forEach((runs, col) => {
    if (runs.length) out.push({ runs, bbox: unionBox(runs.map((r) => r.bbox)), fontSize: Math.max(...runs.map((r) => r.fontSize)), line: li, col });
  });
  return out;
}

/**
 * When the line holds two or more anchors, returns their x extents left to right (with the
 * wrapped anchors found on the `near` lines), else null.
 * An anchor may be part of a run (pdf.js joins adjacent header cells, "年度指标值实际完成值"):
 * its extent is then estimated from its share of the run's characters.
 */
function anchorHits(line: TextLine, anchors: readonly string[], near: readonly TextLine[]): Array<[number, number]> | null {
  const hits: Array<[number, number]> = [];
  for (const r of line.runs) {
    const t = normalizeCjk(r.text);
    const n = Array.from(t).length;
    if (n === 0) continue;
    const perChar = (r.bbox[2] - r.bbox[0]) / n;
    // Longest anchors first (the caller sorted them), so that a short anchor inside a long one is not taken alone.
    const taken: boolean[] = new Array(t.length).fill(false);
    for (const a of anchors) {
      let from = 0;
      for (let at = t.indexOf(a, from); at >= 0; at = t.indexOf(a, from)) {
        from = at + a.length;
        if (taken.slice(at, at + a.length).some(Boolean)) continue;
        taken.fill(true, at, at + a.length);
        const c0 = Array.from(t.slice(0, at)).length, c1 = c0 + Array.from(a).length;
        hits.push([r.bbox[0] + c0 * perChar, r.bbox[0] + c1 * perChar]);
      }
    }
  }
  if (hits.length < 2) return null;
  // A header cell that wrapped ("一级指" over "标") sits on a neighbouring line: take the
  // start of an anchor there when it overlaps no hit.
  for (const o of near) {
    for (const r of o.runs) {
      const t = normalizeCjk(r.text);
      if (Array.from(t).length < 2 || !anchors.some((a) => a.startsWith(t))) continue;
      if (hits.some(([x0, x1]) => r.bbox[0] < x1 && r.bbox[2] > x0)) continue;
      hits.push([r.bbox[0], r.bbox[2]]);
    }
  }
  hits.sort((a, b) => a[0] - b[0]);
  return hits;
}

/**
 * Column boundaries of a section with a header: between neighbouring labels, the middle of the
 * widest gap that no run of the section covers (else midway between the labels); left of the
 * first label, white space between the section's chunks.
 */
function anchoredBounds(lines: readonly TextLine[], hits: ReadonlyArray<[number, number]>): number[] {
  const runs: Array<readonly [number, number]> = [];
  for (const l of lines) for (const r of l.runs) runs.push([r.bbox[0], r.bbox[2]]);
  runs.sort((a, b) => a[0] - b[0]);
  const bounds: number[] = [];
  // Left of the first label: gaps between runs wider than a third of an em (a run split
  // inside a word leaves none; other lines cover it anyway).
  const left = hits[0][0];
  const spans: Array<[number, number, number]> = [];
  for (const l of lines) for (const r of l.runs) if (r.bbox[0] < left - 0.5) spans.push([r.bbox[0], Math.min(r.bbox[2], left), r.fontSize]);
  if (spans.length) {
    spans.sort((a, b) => a[0] - b[0]);
    let end = spans[0][1];
    for (const [a, b, size] of spans.slice(1)) {
      if (a > end + Math.max(1, size / 3)) bounds.push((end + a) / 2);
      if (b > end) end = b;
    }
    if (end < left - 1) bounds.push((end + left) / 2);
  }
  for (let i = 1; i < hits.length; i++) {
    const a = hits[i - 1][1], b = hits[i][0];
    bounds.push(b > a ? widestGap(runs, a, b) ?? (a + b) / 2 : (a + b) / 2);
  }
  return bounds;
}

/** Middle of the widest stretch of (a, b) that no span covers, or null. `spans` sorted by start. */
function widestGap(spans: ReadonlyArray<readonly [number, number]>, a: number, b: number): number | null {
  let cur = a, best: [number, number] | null = null;
  for (const [x0, x1] of spans) {
    if (x0 >= b) break;
    if (x1 <= cur) continue;
    if (x0 > cur && (!best || x0 - cur > best[1] - best[0])) best = [cur, x0];
    cur = Math.max(cur, x1);
    if (cur >= b) break;
  }
  if (cur < b && (!best || b - cur > best[1] - best[0])) best = [cur, b];
  return best && best[1] - best[0] >= 1 ? (best[0] + best[1]) / 2 : null;
}

/**
 * Column boundaries from white space: x ranges covered by no chunk of any line that has two or
 * more chunks, then split further by chunks of one-chunk lines that cross none of those.
 * Returns the middle of each inner gap.
 */
function gapBoundaries(lines: readonly TextLine[], s: PdfSettings): number[] | null {
  const multi: Array<[number, number]> = [];
  const single: Array<[number, number]> = [];
  for (const l of lines) {
    const chunks = splitLineIntoChunks(l, s.chunkGapEm);
    for (const c of chunks) (chunks.length >= 2 ? multi : single).push([c.bbox[0], c.bbox[2]]);
  }
  if (multi.length < 4) return null;
  const first = gaps(multi);
  if (!first.length) return null;
  const spans = [...multi, ...single.filter(([a, b]) => !first.some((x) => a < x && b > x))];
  return gaps(spans);
}

function gaps(spans: Array<[number, number]>): number[] {
  spans.sort((a, b) => a[0] - b[0]);
  const bounds: number[] = [];
  let end = spans[0][1];
  for (const [x0, x1] of spans.slice(1)) {
    if (x0 > end + 1) bounds.push((end + x0) / 2);
    if (x1 > end) end = x1;
  }
  return bounds;
}
