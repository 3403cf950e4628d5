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
  for (let li = 0; li < lines.length; li++) {
    const line = lines[li];
    const header = wanted.length ? anchorBoundaries(line, wanted, lines.filter((o, k) => k !== li && Math.abs(o.bbox[1] - line.bbox[1]) < 1.5 * line.fontSize)) : null;
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

/**
 * When the line holds two or more anchors, returns column boundaries midway between them
 * (with the wrapped anchors found on the `near` lines).
 * An anchor may be part of a run (pdf.js joins adjacent header cells, "年度指标值实际完成值"):
 * its extent is then estimated from its share of the run's characters.
 */
function anchorBoundaries(line: TextLine, anchors: readonly string[], near: readonly TextLine[]): number[] | null {
  const hits: Array<[number, number]> = [];
  for (const r of line.runs) {
    const t = normalizeCjk(r.text);
    const n = Array.from(t).length;
    if (n === 0) continue;
    const perChar = (r.bbox[2] - r.bbox[0]) / n;
    // Longest anchors first, so that a short anchor inside a long one is not taken alone.
    const taken: boolean[] = new Array(t.length).fill(false);
    for (const a of [...anchors].sort((x, y) => y.length - x.length)) {
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
  const bounds: number[] = [];
  for (let i = 1; i < hits.length; i++) bounds.push((hits[i - 1][1] + hits[i][0]) / 2);
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
