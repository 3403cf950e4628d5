/**
 * Stream mode: a page with text but no ruling lines. Given its lines, find column boundaries
 * from the caller's anchors (header labels) when a line holds them, else from vertical gaps
 * that no multi-chunk line crosses, and cut every line at those boundaries.
 */
import type { BBox, Row } from '../types.js';
import { unionBox } from './geometry.js';
import { lineText, makeCell, splitLineIntoChunks, type BoxMapper, type TextLine } from './lines.js';
import { normalizeCjk } from './normalize.js';
import type { PdfSettings } from './settings.js';
import type { TextRun } from './text-runs.js';

/** Given the lines of a rule-less page, returns its rows with their top (reading frame). */
export function linesToStreamRows(
  page: number,
  lines: readonly TextLine[],
  s: PdfSettings,
  anchors: readonly string[] | undefined,
  toDisplay: BoxMapper,
): Array<{ top: number; row: Row }> {
  const wanted = (anchors ?? []).map((a) => normalizeCjk(a)).filter((a) => a.length > 0);
  const out: Array<{ top: number; row: Row }> = [];
  let bounds: number[] | null = gapBoundaries(lines, s);
  for (const line of lines) {
    const header = wanted.length ? anchorBoundaries(line, wanted) : null;
    if (header) bounds = header;
    const cells = bounds && bounds.length ? cutLine(line, bounds) : splitLineIntoChunks(line, s.chunkGapEm);
    out.push({
      top: line.bbox[1],
      row: {
        cells: cells.map((c) => makeCell(c.runs.length ? lineText(c) : '', page, toDisplay(c.bbox))),
        page,
        bbox: toDisplay(line.bbox),
      },
    });
  }
  return out;
}

/** Cuts a line at the boundaries; empty columns give empty cells (with a box spanning the gap). */
function cutLine(line: TextLine, bounds: readonly number[]): TextLine[] {
  const cols: TextRun[][] = Array.from({ length: bounds.length + 1 }, () => []);
  for (const r of line.runs) {
    const cx = (r.bbox[0] + r.bbox[2]) / 2;
    let k = 0;
    while (k < bounds.length && cx > bounds[k]) k++;
    cols[k].push(r);
  }
  return cols.map((runs, k) => {
    if (runs.length) return { runs, bbox: unionBox(runs.map((r) => r.bbox)), fontSize: Math.max(...runs.map((r) => r.fontSize)) };
    const x0 = k === 0 ? line.bbox[0] : bounds[k - 1];
    const x1 = k === bounds.length ? line.bbox[2] : bounds[k];
    const bbox: BBox = [x0, line.bbox[1], Math.max(x0, x1), line.bbox[3]];
    return { runs, bbox, fontSize: line.fontSize };
  });
}

/** When the line holds two or more anchors, returns boundaries midway between them. */
function anchorBoundaries(line: TextLine, anchors: readonly string[]): number[] | null {
  const hits: BBox[] = [];
  for (const r of line.runs) {
    const t = normalizeCjk(r.text);
    if (anchors.some((a) => t === a || (t.length >= 2 && a.startsWith(t)) || t.startsWith(a))) hits.push(r.bbox);
  }
  if (hits.length < 2) return null;
  hits.sort((a, b) => a[0] - b[0]);
  const bounds: number[] = [];
  for (let i = 1; i < hits.length; i++) bounds.push((hits[i - 1][2] + hits[i][0]) / 2);
  return bounds;
}

/**
 * Column boundaries from white space: x ranges covered by no chunk of any line that has two or
 * more chunks. Returns the middle of each inner gap.
 */
function gapBoundaries(lines: readonly TextLine[], s: PdfSettings): number[] | null {
  const spans: Array<[number, number]> = [];
  for (const l of lines) {
    const chunks = splitLineIntoChunks(l, s.chunkGapEm);
    if (chunks.length < 2) continue;
    for (const c of chunks) spans.push([c.bbox[0], c.bbox[2]]);
  }
  if (spans.length < 4) return null;
  spans.sort((a, b) => a[0] - b[0]);
  const bounds: number[] = [];
  let end = spans[0][1];
  for (const [x0, x1] of spans.slice(1)) {
    if (x0 > end + 1) bounds.push((end + x0) / 2);
    if (x1 > end) end = x1;
  }
  return bounds.length ? bounds : null;
}
