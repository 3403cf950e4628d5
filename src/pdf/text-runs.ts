/**
 * pdf.js text content → `TextRun[]` in the page's reading frame (top-left origin, points).
 */
import type { BBox } from '../types.js';
import { apply, boxOfPoints, multiply, type Matrix } from './geometry.js';
import { resolveSharedGlyphs } from './normalize.js';
import type { PageGraphics, TextPaint } from './rules.js';

/** One piece of text as pdf.js reports it, placed on the page. */
export interface TextRun {
  /** The text the glyphs show (not yet normalised): pdf.js's, with ambiguous glyphs resolved. */
  text: string;
  /** The text as the file's ToUnicode map gives it, when that differs from `text`. */
  source?: string;
  /** Box in the reading frame: [x0, top, x1, bottom] (pt). */
  bbox: BBox;
  /** Font size in points (the glyph height the text was drawn at). */
  fontSize: number;
  /** Direction of the text in the reading frame, in degrees: 0 = left to right. */
  angle: number;
  /**
   * The run begins a cell whatever the gap before it: the producer's text had a space between it
   * and the CJK text or number before it (Chinese has no word spaces), or the run before it is
   * one of the caller's cell labels.
   */
  cellStart?: boolean;
  /** The run is a cell of its own (one of the caller's cell labels): no wrapped text joins it. */
  wholeCell?: boolean;
  /** The run is the first line of one of the caller's cell labels, wrapped: it begins a cell, never goes on from a text above. */
  labelStart?: boolean;
  /**
   * The run is a cell label's two lines read as one on the line of the row they are centred on:
   * where it begins shows no place where other lines' texts begin.
   */
  restacked?: boolean;
  /**
   * Where runs joined into this one began (`joinTouchingRuns`): the character index in `text` and
   * its x. Valid only while `text` is the text they were taken for (a run cut apart drops them).
   */
  seams?: { text: string; at: readonly (readonly [number, number])[] };
  /** Set when the text may not be visible: drawn invisible, or painted white (see `separateHidden`). */
  paint?: 'invisible' | 'white';
  /** Luminance of the paint, for white text (0 black … 1 white). */
  luminance?: number;
}

/** The subset of a pdf.js TextItem that this module reads. */
export interface TextItemLike {
  str: string;
  transform: number[];
  width: number;
  height: number;
  fontName: string;
}

export interface FontStyleLike {
  ascent?: number;
  descent?: number;
  vertical?: boolean;
}

/** Returns true for the items that carry a glyph (pdf.js also reports marked content and gaps). */
export function isTextItem(item: unknown): item is TextItemLike {
  return typeof (item as TextItemLike).str === 'string' && Array.isArray((item as TextItemLike).transform);
}

/**
 * Given pdf.js text items and the matrix from user space to the reading frame, returns one run
 * per item that holds visible characters; whitespace-only items (pdf.js gap markers) are
 * dropped.
 */
export function textItemsToRuns(
  items: readonly unknown[],
  styles: Readonly<Record<string, FontStyleLike>>,
  toFrame: Matrix,
  paints?: readonly ItemPaint[],
): TextRun[] {
  const runs: TextRun[] = [];
  // Marked-content tags open around the current item (pdf.js reports them with
  // includeMarkedContent): a Span is where a producer gave the true text as /ActualText.
  const tags: Array<string | null> = [];
  for (let idx = 0; idx < items.length; idx++) {
    const whole = items[idx];
    const mark = whole as { type?: string; tag?: string | null };
    if (mark.type === 'beginMarkedContent' || mark.type === 'beginMarkedContentProps') {
      tags.push(mark.tag ?? null);
      continue;
    }
    if (mark.type === 'endMarkedContent') {
      tags.pop();
      continue;
    }
    if (!isTextItem(whole) || whole.str.trim() === '') continue;
    // An item joining text painted differently (a hidden "1" before a printed "16.00") is cut
    // where the paint changes; `paints` is indexed like `items` (marked content included).
    const wp = paints?.[idx];
    for (const { item, p } of wp && 'perChar' in wp ? splitByPaint(whole, wp) : [{ item: whole, p: wp ?? null }]) {
    if (item.str.trim() === '') continue;
    const t = item.transform as unknown as Matrix;
    const sx = Math.hypot(t[0], t[1]);
    const sy = Math.hypot(t[2], t[3]);
    if (sx === 0 || sy === 0) continue;
    const dx = t[0] / sx, dy = t[1] / sx; // text direction, user space
    const ux = t[2] / sy, uy = t[3] / sy; // glyph "up", user space
    const style = styles[item.fontName];
    const vertical = style?.vertical === true;
    // Glyph extent around the baseline; CJK fonts report ascent ≈ 0.88, descent ≈ -0.12.
    let asc = style?.ascent && style.ascent > 0.3 && style.ascent < 1.5 ? style.ascent : 0.8;
    let desc = style?.descent && style.descent < 0 && style.descent > -0.6 ? style.descent : -0.2;
    const size = sy;
    let pts: Array<[number, number]>;
    const o: [number, number] = [t[4], t[5]];
    // Spaces at an item's ends (Writer ends a figure with one: "187.18 ") are no ink: the run's
    // box is its text's, so that it does not reach into the next cell. A space is taken as a
    // quarter em, the least a font gives it.
    const chars = Array.from(item.str);
    let [lead, trail] = vertical ? [0, 0] : edgeSpaces(chars);
    if (item.width <= (lead + trail) * SPACE_EM * sy) lead = trail = 0;
    if (!vertical) {
      const w = item.width - (lead + trail) * SPACE_EM * sy;
      o[0] += dx * lead * SPACE_EM * sy;
      o[1] += dy * lead * SPACE_EM * sy;
      pts = [
        [o[0] + ux * size * desc, o[1] + uy * size * desc],
        [o[0] + ux * size * asc, o[1] + uy * size * asc],
        [o[0] + dx * w + ux * size * desc, o[1] + dy * w + uy * size * desc],
        [o[0] + dx * w + ux * size * asc, o[1] + dy * w + uy * size * asc],
      ];
    } else {
      // Vertical fonts: the origin is the top centre of the column, text runs down.
      const h = item.height;
      asc = 0.5; desc = -0.5;
      pts = [
        [o[0] + dx * size * desc, o[1] + dy * size * desc],
        [o[0] + dx * size * asc, o[1] + dy * size * asc],
        [o[0] + dx * size * desc - ux * h, o[1] + dy * size * desc - uy * h],
        [o[0] + dx * size * asc - ux * h, o[1] + dy * size * asc - uy * h],
      ];
    }
    const framePts = pts.map(([x, y]) => apply(toFrame, x, y));
    const m = multiply(toFrame, t);
    // In the frame y grows downwards, so an upright left-to-right run has m[1] ≈ 0, m[0] > 0.
    let angle = vertical ? 90 : Math.round((Math.atan2(m[1], m[0]) * 180) / Math.PI);
    if (angle < 0) angle += 360;
    const bbox = boxOfPoints(framePts);
    const clip = p?.clip;
    if (clip) {
      // Drop text drawn outside its clip rectangle: it is not visible.
      const cx = (bbox[0] + bbox[2]) / 2, cy = (bbox[1] + bbox[3]) / 2;
      if (cx < clip[0] - 1 || cx > clip[2] + 1 || cy < clip[1] - 1 || cy > clip[3] + 1) continue;
    }
    const run: TextRun = { text: lead || trail ? chars.slice(lead, chars.length - trail).join('') : item.str, bbox, fontSize: Math.round(Math.hypot(m[2], m[3]) * 100) / 100, angle };
    if (tags.includes('Span')) {
      const shown = resolveSharedGlyphs(item.str);
      if (shown !== item.str) {
        run.text = shown;
        run.source = item.str;
      }
    }
    if (p && p.paint !== 'visible') {
      run.paint = p.paint;
      run.luminance = p.luminance;
    }
    runs.push(run);
    }
  }
  return runs;
}

/** Width of a space taken off a run's box, in ems: the least a font gives one. */
const SPACE_EM = 0.25;

/** How many spaces (ASCII or no-break) an item's text begins and ends with. */
function edgeSpaces(chars: readonly string[]): [number, number] {
  const space = (ch: string | undefined): boolean => ch === ' ' || ch === '\u00a0';
  let lead = 0, trail = 0;
  while (lead < chars.length && space(chars[lead])) lead++;
  while (trail < chars.length - lead && space(chars[chars.length - 1 - trail])) trail++;
  return [lead, trail];
}

/**
 * Cuts an item where the paint of its characters changes; each piece gets its share of the item's
 * advance (by character count: the cut needs to land in the right cell, not on the exact glyph).
 */
function splitByPaint(item: TextItemLike, paint: { clip: BBox | null; perChar: readonly TextPaint[] }): Array<{ item: TextItemLike; p: TextPaint }> {
  const chars = Array.from(item.str);
  const t = item.transform;
  const sx = Math.hypot(t[0]!, t[1]!) || 1;
  const dx = t[0]! / sx, dy = t[1]! / sx;
  const per = item.width / chars.length;
  const out: Array<{ item: TextItemLike; p: TextPaint }> = [];
  let start = 0;
  for (let c = 1; c <= chars.length; c++) {
    if (c < chars.length && paint.perChar[c]!.paint === paint.perChar[start]!.paint) continue;
    const off = start * per;
    const piece: TextItemLike = { ...item, str: chars.slice(start, c).join(''), width: (c - start) * per, transform: [t[0]!, t[1]!, t[2]!, t[3]!, t[4]! + dx * off, t[5]! + dy * off] };
    out.push({ item: piece, p: { ...paint.perChar[start]!, clip: paint.clip } });
    start = c;
  }
  return out;
}

/**
 * Given text items and the user-space → display matrix of each of the four page rotations,
 * returns the extra rotation (0, 90, 180, 270) that makes most text read left to right.
 */
export function dominantTextRotation(items: readonly unknown[], displayFor: (extra: number) => Matrix): number {
  const weight = new Map<number, number>();
  const base = displayFor(0);
  for (const item of items) {
    if (!isTextItem(item) || item.str.trim() === '') continue;
    const m = multiply(base, item.transform as unknown as Matrix);
    let a = Math.round(Math.atan2(m[1], m[0]) / (Math.PI / 2)) * 90;
    if (a < 0) a += 360;
    a %= 360;
    weight.set(a, (weight.get(a) ?? 0) + item.str.length);
  }
  let best = 0, bestW = -1;
  for (const [a, w] of weight) if (w > bestW) { best = a; bestW = w; }
  // Text pointing down (90° in a y-down frame) reads upright after turning the page by 270°.
  return (360 - best) % 360;
}

/**
 * Given pdf.js text items and the text-showing operators of the same page (in order, with
 * their clip and paint), returns the operator of each item. Items and operators are aligned on
 * their non-blank characters; pdf.js may split or join operators into items and normalise some
 * characters, so the walk re-synchronises on the next matching character.
 */
export function itemPaints(items: readonly unknown[], ops: readonly TextPaint[]): ItemPaint[] {
  return alignItems(items, ops).map((per) => {
    const first = per?.find((op) => op !== null) ?? null;
    if (!per || !first) return null;
    // pdf.js joins the operators of one line into one item: a hidden "1" before a printed "16.00"
    // comes as "116.00". Such an item is cut where the paint changes.
    if (!per.some((op) => op !== null && op.paint !== first.paint)) return first;
    let last = first;
    return { clip: first.clip, perChar: per.map((op) => (op === null ? last : (last = op))) };
  });
}

/** The clip of each item (see `itemPaints`). */
export function itemClips(items: readonly unknown[], ops: ReadonlyArray<{ chars: string; clip: BBox | null }>): Array<BBox | null> {
  return alignItems(items, ops).map((per) => per?.find((op) => op !== null)?.clip ?? null);
}

/**
 * How an item is painted: one operator's paint (and clip) for the whole item, or, for an item
 * joining text painted differently, the paint of each character (and the clip of the first).
 */
export type ItemPaint = TextPaint | { clip: BBox | null; perChar: readonly TextPaint[] } | null;

/** Text a reader cannot see, and why. */
export interface HiddenRun {
  run: TextRun;
  why: 'invisible' | 'white on white';
}

/**
 * Given the runs of a page and its graphics, returns the runs a reader sees, the ones hidden
 * (invisible, or white where nothing darker is behind them), and whether the page is an OCR'd
 * scan: no visible text, and invisible text over a page image. There the invisible layer is the
 * page's text (scanners put the recognised text there), so it is kept.
 */
export function separateHidden(runs: readonly TextRun[], graphics: Pick<PageGraphics, 'images' | 'fills'>): { runs: TextRun[]; hidden: HiddenRun[]; textLayer: boolean } {
  const visible: TextRun[] = [];
  const hidden: HiddenRun[] = [];
  const inside = (r: TextRun, b: BBox): boolean => {
    const cx = (r.bbox[0] + r.bbox[2]) / 2, cy = (r.bbox[1] + r.bbox[3]) / 2;
    return cx >= b[0] && cx <= b[2] && cy >= b[1] && cy <= b[3];
  };
  for (const r of runs) {
    if (r.paint === undefined) visible.push(r);
    else if (r.paint === 'white' && (graphics.images.some((b) => inside(r, b)) || graphics.fills.some((f) => f.luminance < (r.luminance ?? 1) - 0.1 && inside(r, f.bbox)))) visible.push(r);
    else hidden.push({ run: r, why: r.paint === 'invisible' ? 'invisible' : 'white on white' });
  }
  const textLayer = visible.length === 0 && hidden.length > 0 && graphics.images.length > 0 &&
    hidden.every((h) => h.why === 'invisible' && graphics.images.some((b) => inside(h.run, b)));
  if (textLayer) return { runs: hidden.map((h) => h.run), hidden: [], textLayer };
  return { runs: visible, hidden, textLayer };
}

/**
 * For each item, the operator of each of its characters (null for blanks and characters that
 * match none). Characters are matched in order from where the previous one matched, looking up
 * to 64 characters ahead, so the walk re-synchronises after text pdf.js normalised.
 */
function alignItems<T extends { chars: string }>(items: readonly unknown[], ops: readonly T[]): Array<Array<T | null> | null> {
  const opChars: string[] = [];
  const opIndex: number[] = [];
  ops.forEach((op, k) => {
    for (const ch of op.chars) { opChars.push(ch); opIndex.push(k); }
  });
  const out: Array<Array<T | null> | null> = new Array<Array<T | null> | null>(items.length).fill(null);
  let pos = 0;
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    if (!isTextItem(item)) continue;
    const chars = Array.from(item.str);
    const per: Array<T | null> = new Array<T | null>(chars.length).fill(null);
    let any = false;
    let at = pos, first = -1, last = -1, matched = 0, solid = 0;
    for (let c = 0; c < chars.length; c++) {
      if (/\s/.test(chars[c]!)) continue;
      solid++;
      for (let k = at; k < Math.min(opChars.length, at + 64); k++) {
        if (opChars[k] === chars[c]) {
          per[c] = ops[opIndex[k]!]!;
          if (first < 0) first = k;
          last = k;
          at = k + 1;
          matched++;
          any = true;
          break;
        }
      }
    }
    // An item whose characters were found scattered (not one stretch of the operators' text) was
    // not found: its paint and clip are unknown, and the walk stays where it was.
    if (any && (matched < solid || last - first + 1 > 2 * solid + 2)) continue;
    if (any) {
      out[i] = per;
      pos = at;
    }
  }
  return out;
}

/** Whether a character takes a full em (CJK ideographs, kana, full-width forms and punctuation). */
export function isWide(ch: string): boolean {
  const cp = ch.codePointAt(0)!;
  return (cp >= 0x2e80 && cp <= 0x9fff) || (cp >= 0xac00 && cp <= 0xd7af) || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xfe30 && cp <= 0xfe4f) || (cp >= 0xff00 && cp <= 0xff60) || cp >= 0x20000;
}

/**
 * Estimated x of every character boundary of an upright run (n + 1 values for n characters):
 * wide characters take one em, the others share what is left of the run's width.
 */
export function charEdges(run: TextRun): number[] {
  // Where the run is runs joined, each part's start is known: estimate the parts apart.
  const seams = run.seams?.text === run.text ? run.seams.at : [];
  if (seams.length > 0) {
    const chars = Array.from(run.text);
    const cuts = [[0, run.bbox[0]] as const, ...seams, [chars.length, run.bbox[2]] as const];
    const edges: number[] = [];
    for (let k = 0; k + 1 < cuts.length; k++) {
      const [i, x0] = cuts[k]!, [j, x1] = cuts[k + 1]!;
      if (j <= i || x1 < x0) return charEdges({ ...run, seams: undefined });
      const part = charEdges({ ...run, text: chars.slice(i, j).join(''), bbox: [x0, run.bbox[1], x1, run.bbox[3]], seams: undefined });
      // A part's start is its seam's x, exact; its end is the next part's start.
      edges.push(...(k + 2 === cuts.length ? part : part.slice(0, -1)));
    }
    return edges;
  }
  const chars = Array.from(run.text);
  const width = run.bbox[2] - run.bbox[0];
  const wide = chars.filter(isWide).length;
  const narrow = chars.length - wide;
  let wideW = run.fontSize;
  let narrowW = narrow ? (width - wide * wideW) / narrow : 0;
  // Spaces alone may be narrower than any glyph: pdf.js puts one between two texts that nearly
  // touch (two cells' texts without padding, 经济效益指标 信息平台利用率), as wide as the white there.
  const spacesOnly = chars.every((ch) => isWide(ch) || /\s/.test(ch));
  if ((narrowW < 0.15 * run.fontSize && !(spacesOnly && narrowW >= 0)) || wide * wideW > width) {
    // The estimate does not fit: fall back to equal shares.
    wideW = narrowW = width / Math.max(1, chars.length);
  }
  const edges = [run.bbox[0]];
  for (const ch of chars) edges.push(edges[edges.length - 1] + (isWide(ch) ? wideW : narrowW));
  return edges;
}

/**
 * Splits an upright run at x: at the character boundary nearest x, or with `atSpace` only at a
 * space within 0.6 em of x (the space is dropped). Returns null when there is nothing to split
 * (x outside the run, no such space, or one side would be empty).
 */
/**
 * The part of a run from character `from` to `to`, spaces at both ends trimmed, drawn from `x0` to
 * `x1`: with the seams that fall inside it, so that its character edges stay those the producer
 * drew (a part cut from a run of joined texts keeps where each text began).
 */
export function sliceRun(run: TextRun, from: number, to: number, x0: number, x1: number): TextRun {
  const chars = Array.from(run.text);
  let a = from, b = to;
  while (a < b && /\s/.test(chars[a]!)) a++;
  while (b > a && /\s/.test(chars[b - 1]!)) b--;
  const text = chars.slice(a, b).join('');
  const piece: TextRun = { ...run, text, bbox: [x0, run.bbox[1], x1, run.bbox[3]], seams: undefined };
  const at = (run.seams?.text === run.text ? run.seams.at : []).filter(([k]) => k > a && k < b).map(([k, x]) => [k - a, x] as const);
  if (at.length) piece.seams = { text, at };
  return piece;
}

export function splitRunAt(run: TextRun, x: number, atSpace = false): [TextRun, TextRun] | null {
  if (run.angle !== 0 || x <= run.bbox[0] || x >= run.bbox[2]) return null;
  const chars = Array.from(run.text);
  const edges = charEdges(run);
  let cut = -1, skip = 0, bestD = Infinity;
  for (let i = 0; i < chars.length; i++) {
    if (atSpace) {
      if (chars[i] !== ' ' && chars[i] !== '\u3000') continue;
      const d = Math.abs((edges[i] + edges[i + 1]) / 2 - x);
      if (d <= 0.6 * run.fontSize && d < bestD) { cut = i; skip = 1; bestD = d; }
    } else if (i > 0) {
      const d = Math.abs(edges[i] - x);
      if (d < bestD) { cut = i; skip = 0; bestD = d; }
    }
  }
  if (cut < 0) return null;
  const left = chars.slice(0, cut).join(''), right = chars.slice(cut + skip).join('');
  if (left.trim() === '' || right.trim() === '') return null;
  return [sliceRun(run, 0, cut, run.bbox[0], edges[cut]!), sliceRun(run, cut + skip, chars.length, edges[cut + skip]!, run.bbox[2])];
}

/**
 * Splits a run where its text has a space between two numbers or between two CJK characters:
 * pdf.js joins the texts of neighbouring cells into one run with a space when they nearly touch
 * ("5.76 10.00"), while Chinese text has no word spaces. Latin words stay together.
 */
export function splitRunAtCellSpaces(run: TextRun): TextRun[] {
  if (run.angle !== 0 || !/\s/.test(run.text.trim())) return [run];
  const chars = Array.from(run.text);
  const edges = charEdges(run);
  const cuts: number[] = [];
  for (let i = 1; i < chars.length - 1; i++) {
    if (!/\s/.test(chars[i]) || /\s/.test(chars[i - 1])) continue;
    let j = i;
    while (j < chars.length && /\s/.test(chars[j])) j++;
    if (j >= chars.length) break;
    const a = chars[i - 1], b = chars[j];
    const numbers = /[\d%)）]/.test(a) && /[-+\d(（]/.test(b);
    // CJK beside Latin or digits is spaced by Writer's autospace ("2023 年"): that space stays.
    if (numbers || (isWide(a) && isWide(b))) cuts.push(i);
  }
  if (cuts.length === 0) return [run];
  const out: TextRun[] = [];
  let start = 0;
  for (const c of [...cuts, chars.length]) {
    let s = start;
    while (s < c && /\s/.test(chars[s])) s++;
    if (s < c) out.push({ ...sliceRun(run, s, c, edges[s]!, edges[c]!), ...(start > 0 ? { cellStart: true } : {}) });
    start = c;
  }
  return out;
}

/**
 * Joins runs that touch on one line into one: a producer changes font mid-word (Chromium puts
 * Kangxi-mapped glyphs into font subsets of their own, so "预期⽬标" arrives as three runs).
 * Runs closer than `gapEm` of their size, on the same baseline, become one run.
 */
export function joinTouchingRuns(runs: readonly TextRun[], gapEm = 0.15): TextRun[] {
  const sorted = [...runs].sort((a, b) => a.bbox[1] + a.bbox[3] - (b.bbox[1] + b.bbox[3]) || a.bbox[0] - b.bbox[0]);
  const out: TextRun[] = [];
  const open: TextRun[] = [];
  for (const r of sorted) {
    const cy = (r.bbox[1] + r.bbox[3]) / 2;
    const prev = open.find((p) => {
      const py = (p.bbox[1] + p.bbox[3]) / 2;
      const em = Math.max(p.fontSize, r.fontSize);
      const gap = r.bbox[0] - p.bbox[2];
      return p.angle === r.angle && Math.abs(py - cy) < 0.2 * em && Math.abs(p.fontSize - r.fontSize) < 0.5 && gap > -0.1 * em && gap < gapEm * em;
    });
    if (prev) {
      const joined: TextRun = { ...prev, text: prev.text + r.text, bbox: [prev.bbox[0], Math.min(prev.bbox[1], r.bbox[1]), r.bbox[2], Math.max(prev.bbox[3], r.bbox[3])] };
      const n = Array.from(prev.text).length;
      const at = [...(prev.seams?.text === prev.text ? prev.seams.at : []), [n, r.bbox[0]] as const, ...(r.seams?.text === r.text ? r.seams.at.map(([i, x]) => [n + i, x] as const) : [])];
      joined.seams = { text: joined.text, at };
      if (prev.source !== undefined || r.source !== undefined) joined.source = (prev.source ?? prev.text) + (r.source ?? r.text);
      out[out.indexOf(prev)] = joined;
      open[open.indexOf(prev)] = joined;
      continue;
    }
    out.push(r);
    open.push(r);
    // Only runs of the current band of lines can be continued.
    while (open.length && (open[0].bbox[3] + open[0].bbox[1]) / 2 < cy - 2 * r.fontSize) open.shift();
  }
  return out;
}
