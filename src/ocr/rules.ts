/**
 * Ruling lines of a scanned page: long thin runs of ink, horizontal and vertical, in the
 * straightened page averaged along each direction (after the run-length view of pdfplumber's
 * `edges`: a line is a run longer than any glyph stroke, a few pixels thick). A border meets
 * other borders, and glyph strokes, kept inside their cell by its padding, do not: a horizontal
 * line crosses or ends on at least two vertical ones, with little ink joined to its sides; a
 * vertical line is judged between each pair of horizontal lines it crosses, and kept there when it
 * is dark right up to both and nothing is joined to it. Also returns the mask of the lines'
 * pixels, which the text detector is spared.
 */
import type { Rule } from '../pdf/rules.js';
import type { GrayImage } from './image.js';

/** Tunables in pixels; `findRules` derives them from the resolution. */
export interface RuleFinding {
  /** Shortest horizontal line. */
  minHLen: number;
  /** Shortest vertical line. */
  minVLen: number;
  /** Thickest line (a thicker run is a filled area). */
  maxThick: number;
  /** Gap of missing ink bridged inside one run (noise, JPEG). */
  gap: number;
  /** How close a line must come to another to meet it. */
  touch: number;
  /** How close a vertical line's end must be to the centre of the horizontal line it ends on. */
  end: number;
  /** A vertical line touching a horizontal one at one end only must be this long. */
  longV: number;
  /** How much darker than the paper a line is (grey levels, after averaging along it). */
  contrast: number;
  /** Pixels averaged on each side along a line. */
  smooth: number;
  /** Distance from a horizontal line at which its sides are looked at. */
  clear: number;
  /** Share of a horizontal line's length that may have ink at that distance. */
  maxSideInk: number;
  /** Share of a vertical piece along which other ink may be joined to it. */
  maxJoined: number;
  /** Where a vertical piece must be dark next to the lines it meets: from, to pixels away from their centres. */
  junction: [number, number];
}

/** Default tunables at `dpi`: lines of at least 24 pt (horizontal) or 8 pt (vertical), at most 3 pt thick. */
export function ruleFindingAt(dpi: number): RuleFinding {
  const pt = dpi / 72;
  return { minHLen: Math.round(24 * pt), minVLen: Math.round(8 * pt), maxThick: Math.max(3, Math.round(3 * pt)), gap: Math.max(1, Math.round(0.6 * pt)), touch: Math.max(3, Math.round(2.5 * pt)), end: Math.max(3, Math.round(2 * pt)), longV: Math.round(40 * pt), contrast: 20, smooth: Math.max(2, Math.round(0.8 * pt)), clear: Math.max(2, Math.round(0.9 * pt)), maxSideInk: 0.3, maxJoined: 0.12, junction: [Math.max(2, Math.round(1 * pt)), Math.max(4, Math.round(2.2 * pt))] };
}

interface Segment {
  /** Position across the line, start and end along it (pixels). */
  pos: number;
  start: number;
  end: number;
  /** The runs it was built from: [line index, start, end]. */
  runs: Array<[number, number, number]>;
}

/**
 * Given a mask read along lines (`line(i)` gives line i of `count`, each `len` long), returns
 * the segments made of runs of at least `minLen` ink pixels (gaps up to `gap` bridged) stacked on
 * consecutive lines.
 */
function segments(count: number, len: number, at: (i: number, j: number) => number, minLen: number, gap: number, maxThick: number): Segment[] {
  const out: Segment[] = [];
  let open: Segment[] = [];
  for (let i = 0; i < count; i++) {
    const runs: Array<[number, number]> = [];
    let start = -1, last = -1;
    for (let j = 0; j < len; j++) {
      if (!at(i, j)) continue;
      if (start >= 0 && j - last - 1 <= gap) last = j;
      else {
        if (start >= 0 && last - start + 1 >= minLen) runs.push([start, last]);
        start = last = j;
      }
    }
    if (start >= 0 && last - start + 1 >= minLen) runs.push([start, last]);
    const next: Segment[] = [];
    for (const [a, b] of runs) {
      // Join the open segment this run overlaps most (a line one or two pixels off level steps between lines).
      let host: Segment | undefined;
      let bestOverlap = 0;
      for (const s of open) {
        const lastRun = s.runs[s.runs.length - 1]!;
        const ov = Math.min(b, lastRun[2]) - Math.max(a, lastRun[1]);
        if (ov > bestOverlap && ov >= 0.5 * Math.min(b - a, lastRun[2] - lastRun[1])) { bestOverlap = ov; host = s; }
      }
      if (host && host.runs[host.runs.length - 1]![0] === i - 1 && !next.includes(host)) {
        host.runs.push([i, a, b]);
        host.start = Math.min(host.start, a);
        host.end = Math.max(host.end, b);
        next.push(host);
      } else {
        const s: Segment = { pos: 0, start: a, end: b, runs: [[i, a, b]] };
        out.push(s);
        next.push(s);
      }
    }
    open = next;
  }
  const kept: Segment[] = [];
  for (const s of out) {
    // Its position: the line where it has the most ink (glyph strokes beside a border, joined to
    // it by the averaging, must not pull it sideways), with the neighbours on either side that are
    // nearly as full (a line two pixels thick). Its thickness: ink per unit of length (a line a
    // little off level steps across lines without getting thicker).
    let weight = 0;
    const per = new Map<number, number>();
    for (const [i, a, b] of s.runs) { weight += b - a + 1; per.set(i, (per.get(i) ?? 0) + b - a + 1); }
    const most = Math.max(...per.values());
    const full = [...per.entries()].filter(([, n]) => n >= 0.7 * most).map(([i]) => i);
    s.pos = full.reduce((a, i) => a + i, 0) / full.length;
    const perColumn = weight / (s.end - s.start + 1);
    if (perColumn <= maxThick) kept.push(s);
  }
  return kept;
}

/**
 * Ink along one direction: each pixel averaged with its `r` neighbours before and after it along
 * that direction, then compared with the paper. A faint hairline (a thin border scanned comes out
 * grey) survives the averaging along itself while noise and glyph strokes across it fade.
 */
function directionalMask(img: GrayImage, horizontal: boolean, r: number, cut: number): Uint8Array {
  const { width: w, height: h, data } = img;
  const out = new Uint8Array(w * h);
  const n = 2 * r + 1;
  if (horizontal) {
    for (let y = 0; y < h; y++) {
      const row = y * w;
      let sum = 0;
      for (let x = -r; x <= r; x++) sum += data[row + Math.min(w - 1, Math.max(0, x))]!;
      for (let x = 0; x < w; x++) {
        if (sum / n < cut) out[row + x] = 1;
        sum += data[row + Math.min(w - 1, x + r + 1)]! - data[row + Math.max(0, x - r)]!;
      }
    }
  } else {
    for (let x = 0; x < w; x++) {
      let sum = 0;
      for (let y = -r; y <= r; y++) sum += data[Math.min(h - 1, Math.max(0, y)) * w + x]!;
      for (let y = 0; y < h; y++) {
        if (sum / n < cut) out[y * w + x] = 1;
        sum += data[Math.min(h - 1, y + r + 1) * w + x]! - data[Math.max(0, y - r) * w + x]!;
      }
    }
  }
  return out;
}

/**
 * Share of a segment's length along which ink touches it from the side (a few pixels away): a
 * glyph stroke has other strokes joined to it, a border runs clear of the text in its cells.
 */
function sideInk(s: Segment, from: number, to: number, at: (i: number, j: number) => number, count: number, len: number, away: number): number {
  if (to < from) return 0;
  let touched = 0;
  const lo = Math.floor(Math.min(...s.runs.map((r) => r[0]))), hi = Math.ceil(Math.max(...s.runs.map((r) => r[0])));
  for (let j = from; j <= to; j++) {
    let ink = false;
    for (const side of [lo - away, hi + away]) {
      if (side >= 0 && side < count && j < len && at(side, j)) ink = true;
    }
    if (ink) touched++;
  }
  return touched / (to - from + 1);
}

/**
 * Whether a vertical piece between two horizontal lines looks like a border: dark at both of its
 * ends (those that meet a line) just inside the band, and with ink joined to its sides along at most a small share of its
 * length. Darkness is judged against the piece's own (a faint hairline is faint all along).
 */
function borderLike(img: GrayImage, v: Segment, from: number, to: number, paper: number, t: RuleFinding, checkFrom = true, checkTo = true): boolean {
  const x = Math.round(v.pos);
  const w = img.width;
  const px = (xx: number, y: number): number => (xx >= 0 && xx < w && y >= 0 && y < img.height ? img.data[y * w + xx]! : 255);
  const darkest = (y: number): number => Math.min(px(x - 1, y), px(x, y), px(x + 1, y));
  const middle: number[] = [];
  for (let y = from + t.junction[1]; y <= to - t.junction[1]; y++) middle.push(darkest(y));
  if (middle.length === 0) return true;
  middle.sort((a, b) => a - b);
  const own = middle[Math.floor(middle.length / 2)]!;
  const cut = paper - 0.5 * (paper - own);
  let light = 0;
  for (let d = t.junction[0]; d <= t.junction[1]; d++) {
    if (checkFrom && darkest(from + d) >= cut) light++;
    if (checkTo && darkest(to - d) >= cut) light++;
  }
  if (light > 1) return false;
  // Width of the dark run through the line at each height: wider than the line where a stroke joins it.
  let joinedRows = 0, rows = 0;
  for (let y = from + t.junction[1]; y <= to - t.junction[1]; y++) {
    rows++;
    let l = x, r = x;
    while (l > x - 12 && px(l - 1, y) < cut) l--;
    while (r < x + 12 && px(r + 1, y) < cut) r++;
    if (r - l + 1 > t.maxThick + 2) joinedRows++;
  }
  return joinedRows <= t.maxJoined * rows;
}

/** Share of a vertical piece that is dark, judged against the piece's own darkness. */
function solid(img: GrayImage, v: Segment, from: number, to: number, paper: number): number {
  const x = Math.round(v.pos);
  const d: number[] = [];
  for (let y = Math.max(0, from); y <= Math.min(img.height - 1, to); y++) {
    let m = 255;
    for (let dx = -1; dx <= 1; dx++) if (x + dx >= 0 && x + dx < img.width) m = Math.min(m, img.data[y * img.width + x + dx]!);
    d.push(m);
  }
  if (d.length === 0) return 0;
  const own = [...d].sort((a, b) => a - b)[Math.floor(d.length / 4)]!;
  const cut = paper - 0.5 * (paper - own);
  return d.filter((m) => m < cut).length / d.length;
}

/**
 * Given a straightened page and its paper grey, returns its ruling lines (pixels, top-left
 * origin) and a mask of the pixels they cover.
 */
export function findRules(img: GrayImage, paper: number, t: RuleFinding): { rules: Rule[]; lineMask: Uint8Array } {
  const { width, height } = img;
  const cut = paper - t.contrast;
  const hMask = directionalMask(img, true, t.smooth, cut);
  const vMask = directionalMask(img, false, t.smooth, cut);
  const hAt = (y: number, x: number): number => hMask[y * width + x]!;
  const vAt = (x: number, y: number): number => vMask[y * width + x]!;
  // Side ink is looked for in the plain ink mask (text strokes are not smoothed away there).
  const ink = (x: number, y: number): number => (img.data[y * width + x]! < cut ? 1 : 0);
  // A line along the image's edge is the scanner's (the lid, the platen's frame), not a border.
  const edge = Math.max(4, Math.round(0.006 * Math.min(width, height)));
  const inside = (sg: Segment, across: number): boolean => sg.pos >= edge && sg.pos <= across - 1 - edge;
  const hRuns = segments(height, width, hAt, t.minHLen, t.gap, t.maxThick).filter((h) => inside(h, height));
  // Ink beside a horizontal line that is another such line (two tables a point apart) is no text.
  const onH = new Uint8Array(width * height);
  for (const h of hRuns) for (const [y, a, b] of h.runs) for (let x = a; x <= b; x++) onH[y * width + x] = 1;
  const hsAll = hRuns.filter((h) => sideInk(h, h.start, h.end, (y, x) => (onH[y * width + x] ? 0 : ink(x, y)), height, width, t.clear) < t.maxSideInk);
  const vsAll = segments(width, height, vAt, t.minVLen, t.gap, t.maxThick).filter((v) => inside(v, width));
  const touches = (h: Segment, v: { pos: number; start: number; end: number }): boolean =>
    v.pos >= h.start - t.touch && v.pos <= h.end + t.touch && h.pos >= v.start - t.touch && h.pos <= v.end + t.touch;
  // A border ends on horizontal lines at both ends; one cut by the page's edge or a page break
  // ends on one and is long.
  // The horizontal line a vertical one ends on: the nearest (two tables a point apart print two lines).
  const lineAt = (y: number, x: number, hs: readonly Segment[]): Segment | undefined => {
    let best: Segment | undefined;
    for (const h of hs) {
      if (Math.abs(h.pos - y) > t.end || x < h.start - t.touch || x > h.end + t.touch) continue;
      if (!best || Math.abs(h.pos - y) < Math.abs(best.pos - y)) best = h;
    }
    return best;
  };
  const endsOn = (v: { pos: number; start: number; end: number }, hs: readonly Segment[]): boolean => {
    const top = lineAt(v.start, v.pos, hs) !== undefined, bottom = lineAt(v.end, v.pos, hs) !== undefined;
    return (top && bottom) || ((top || bottom) && v.end - v.start >= t.longV);
  };
  // Glyph strokes side by side can make a long horizontal run inside a cell; a border runs from
  // one vertical border to another.
  const hs = hsAll.filter((h) => vsAll.filter((v) => endsOn(v, hsAll) && touches(h, v)).length >= 2);
  // A vertical line is judged row by row, between the horizontal lines it crosses: a glyph stroke
  // standing on a border continues it into the cell above (the padding is a pixel or two), and
  // shows there by the strokes joined to it.
  const vs: Segment[] = [];
  const keep = (v: Segment, from: number, to: number): void => {
    vs.push({ ...v, start: from, end: to, runs: v.runs.map(([x, a, b]) => [x, Math.max(a, from), Math.min(b, to)] as [number, number, number]).filter((r) => r[2] >= r[1]) });
  };
  for (const v of vsAll) {
    const cuts = hs.filter((h) => h.start - t.touch <= v.pos && h.end + t.touch >= v.pos && h.pos > v.start + t.end && h.pos < v.end - t.end).map((h) => h.pos).sort((a, b) => a - b);
    const bounds = [v.start, ...cuts, v.end];
    const open: Array<{ from: number; to: number; openEnd: 'from' | 'to' }> = [];
    let kept = 0;
    for (let k = 0; k + 1 < bounds.length; k++) {
      let from = Math.round(bounds[k]!), to = Math.round(bounds[k + 1]!);
      // Ends measured from the centre of the line they meet.
      const top = lineAt(from, v.pos, hs), bottom = lineAt(to, v.pos, hs);
      if (top) from = Math.round(top.pos);
      if (bottom) to = Math.round(bottom.pos);
      if (!top || !bottom) {
        // The first or last piece of a table cut by a page break (Chromium leaves the cut row
        // open): kept below if the rest of the line is a border.
        if ((top || bottom) && (k === 0 || k + 2 === bounds.length)) open.push({ from, to, openEnd: top ? 'to' : 'from' });
        if (!(top || bottom) || to - from < t.longV) continue;
      }
      // A border is ink right up to the lines it meets, and nothing is joined to it; a glyph
      // stroke leaves the cell's padding blank at an end, or has other strokes joined to it.
      if (!borderLike(img, v, from, to, paper, t, top !== undefined, bottom !== undefined)) continue;
      keep(v, from, to);
      kept++;
    }
    // An open piece continues a border past the table's last line (no line beyond it at all),
    // and is ink all along: glyph strokes beside a table are not.
    const beyond = (o: { from: number; to: number; openEnd: 'from' | 'to' }): boolean =>
      hs.some((h) => h.start - t.touch <= v.pos && h.end + t.touch >= v.pos && (o.openEnd === 'from' ? h.pos < o.from - t.end : h.pos > o.to + t.end));
    if (kept > 0) {
      for (const o of open) {
        if (o.to - o.from >= t.longV || beyond(o) || solid(img, v, o.from, o.to, paper) < 0.9) continue;
        if (borderLike(img, v, o.from, o.to, paper, t, o.openEnd === 'to', o.openEnd === 'from')) keep(v, o.from, o.to);
      }
    }
  }
  const lineMask = new Uint8Array(width * height);
  const rules: Rule[] = [];
  for (const h of hs) {
    rules.push({ orient: 'h', pos: h.pos, start: h.start, end: h.end + 1 });
    for (const [y, a, b] of h.runs) for (let x = a; x <= b; x++) lineMask[y * width + x] = 1;
  }
  for (const v of vs) {
    rules.push({ orient: 'v', pos: v.pos, start: v.start, end: v.end + 1 });
    for (const [x, a, b] of v.runs) for (let y = a; y <= b; y++) lineMask[y * width + x] = 1;
  }
  return { rules, lineMask };
}

/** Returns `mask` grown by `r` pixels in every direction (a square structuring element). */
export function dilate(mask: Uint8Array, width: number, height: number, r: number): Uint8Array {
  const tmp = new Uint8Array(mask.length);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (!mask[y * width + x]) continue;
      for (let dx = -r; dx <= r; dx++) {
        const xx = x + dx;
        if (xx >= 0 && xx < width) tmp[y * width + xx] = 1;
      }
    }
  }
  const out = new Uint8Array(mask.length);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (!tmp[y * width + x]) continue;
      for (let dy = -r; dy <= r; dy++) {
        const yy = y + dy;
        if (yy >= 0 && yy < height) out[yy * width + x] = 1;
      }
    }
  }
  return out;
}
