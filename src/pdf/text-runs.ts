/**
 * pdf.js text content → `TextRun[]` in the page's reading frame (top-left origin, points).
 */
import type { BBox } from '../types.js';
import { apply, boxOfPoints, multiply, type Matrix } from './geometry.js';
import type { PageGraphics, TextPaint } from './rules.js';

/** One piece of text as pdf.js reports it, placed on the page. */
export interface TextRun {
  /** Text as pdf.js decoded it (not yet normalised). */
  text: string;
  /** Box in the reading frame: [x0, top, x1, bottom] (pt). */
  bbox: BBox;
  /** Font size in points (the glyph height the text was drawn at). */
  fontSize: number;
  /** Direction of the text in the reading frame, in degrees: 0 = left to right. */
  angle: number;
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
  for (let idx = 0; idx < items.length; idx++) {
    const whole = items[idx];
    if (!isTextItem(whole) || whole.str.trim() === '') continue;
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
    if (!vertical) {
      const w = item.width;
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
    const run: TextRun = { text: item.str, bbox, fontSize: Math.round(Math.hypot(m[2], m[3]) * 100) / 100, angle };
    if (p && p.paint !== 'visible') {
      run.paint = p.paint;
      run.luminance = p.luminance;
    }
    runs.push(run);
    }
  }
  return runs;
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
    for (let c = 0; c < chars.length; c++) {
      if (/\s/.test(chars[c]!)) continue;
      for (let k = pos; k < Math.min(opChars.length, pos + 64); k++) {
        if (opChars[k] === chars[c]) {
          per[c] = ops[opIndex[k]!]!;
          pos = k + 1;
          any = true;
          break;
        }
      }
    }
    if (any) out[i] = per;
  }
  return out;
}
