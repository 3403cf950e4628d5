/**
 * pdf.js operator list → ruling lines (`Rule[]`) and image boxes, in the reading frame.
 *
 * Rules come from stroked straight segments (LibreOffice draws cell borders as lines) and from
 * thin filled rectangles (Chromium draws borders as filled rectangles). The current transform
 * is tracked through save / restore / transform and form XObjects.
 */
import { OPS } from './pdfjs.js';
import type { BBox } from '../types.js';
import { apply, boxOfPoints, IDENTITY, multiply, round2, type Matrix } from './geometry.js';
import type { PdfSettings } from './settings.js';

/** A horizontal or vertical ruling line. */
export interface Rule {
  /** 'h': horizontal (at y = pos, from start to end along x); 'v': vertical (at x = pos). */
  orient: 'h' | 'v';
  pos: number;
  start: number;
  end: number;
}

/** What the operator list of one page holds, besides text. */
export interface PageGraphics {
  rules: Rule[];
  /** Boxes of painted images (scans show up as one page-sized image). */
  images: BBox[];
  /** Count of painted paths (stroked or filled), to tell a blank page from drawn content. */
  paths: number;
  /**
   * The text shown by each text-showing operator, in order, with the rectangular clip in
   * effect (reading frame; null when none narrower than the page) and how it is painted. Used to
   * drop text that a producer clipped away (LibreOffice Calc prints a merged label cut by a page
   * break outside its cell and clips it) and text a reader cannot see.
   */
  texts: TextPaint[];
  /** True when some text was drawn under a clip narrower than the page. */
  clipped: boolean;
  /** True when some text was drawn invisible, transparent or white (see `TextPaint.paint`). */
  unseen: boolean;
  /** Filled areas whose colour is not white (big enough to be a background, not a rule), with their luminance. */
  fills: Array<{ bbox: BBox; luminance: number }>;
}

/**
 * How one text-showing operator paints: `visible`; `invisible` (render mode 3 or 7, or fully
 * transparent); `white` (painted in white or near-white: visible only on a darker background).
 */
export interface TextPaint {
  chars: string;
  clip: BBox | null;
  paint: 'visible' | 'invisible' | 'white';
  /** Luminance of the colour the text is painted in (0 black … 1 white). */
  luminance: number;
}

/** Luminance (0 … 1) of a pdf.js hex colour "#rrggbb"; black when it cannot be read. */
export function luminanceOf(hex: unknown): number {
  if (typeof hex !== 'string' || !/^#[0-9a-f]{6}$/i.test(hex)) return 0;
  const v = (i: number): number => parseInt(hex.slice(i, i + 2), 16) / 255;
  return 0.2126 * v(1) + 0.7152 * v(3) + 0.0722 * v(5);
}

/** Text at least this light is "white": on a white page nobody sees it. */
export const WHITE_LUMINANCE = 0.94;

/** Background fills kept per page (each white run is checked against them: a page of more is decoration). */
const MAX_FILLS = 2000;

// Path-building opcodes inside a constructPath buffer (pdf.js DrawOPS).
const DRAW_MOVE = 0, DRAW_LINE = 1, DRAW_CURVE = 2, DRAW_QUAD = 3, DRAW_CLOSE = 4;

const STROKE_OPS = new Set<number>([OPS.stroke, OPS.closeStroke, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);
const FILL_OPS = new Set<number>([OPS.fill, OPS.eoFill, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);
const IMAGE_OPS = new Set<number>([
  OPS.paintImageXObject, OPS.paintInlineImageXObject, OPS.paintImageMaskXObject, OPS.paintImageXObjectRepeat,
  OPS.paintImageMaskXObjectRepeat, OPS.paintSolidColorImageMask, OPS.paintInlineImageXObjectGroup, OPS.paintImageMaskXObjectGroup,
]);

type Pt = [number, number];

/**
 * Given a page's operator list and the matrix from user space to the reading frame, returns
 * its rules (unmerged) and image boxes.
 */
export function operatorListToGraphics(
  fnArray: ArrayLike<number>,
  argsArray: ArrayLike<unknown>,
  toFrame: Matrix,
  settings: PdfSettings,
  frame?: { width: number; height: number },
): PageGraphics {
  const rules: Rule[] = [];
  const images: BBox[] = [];
  const texts: PageGraphics['texts'] = [];
  const fills: PageGraphics['fills'] = [];
  let paths = 0;
  let clipped = false;
  let unseen = false;
  let ctm: Matrix = toFrame;
  let clip: BBox | null = null;
  let clipNext = false;
  // What decides whether text can be seen: render mode (Tr), fill and stroke colour and alpha.
  let paint = { mode: 0, fill: 0, stroke: 0, fillAlpha: 1, strokeAlpha: 1 };
  const stack: Array<{ ctm: Matrix; clip: BBox | null; paint: typeof paint }> = [];
  // Where the next text is drawn (text space, under the text matrix): pdf.js reports no text
  // drawn off the page, so such text must not be matched to its items either.
  let textMatrix: Matrix | null = null;
  let lineX = 0, lineY = 0, leading = 0;
  const n = fnArray.length;
  for (let i = 0; i < n; i++) {
    const fn = fnArray[i];
    switch (fn) {
      case OPS.save:
        stack.push({ ctm, clip, paint });
        break;
      case OPS.restore: {
        const st = stack.pop();
        if (st) ({ ctm, clip, paint } = st);
        break;
      }
      case OPS.setTextRenderingMode:
        paint = { ...paint, mode: Number((argsArray[i] as [number])[0]) || 0 };
        break;
      case OPS.setFillRGBColor:
        paint = { ...paint, fill: luminanceOf((argsArray[i] as [string])[0]) };
        break;
      case OPS.setStrokeRGBColor:
        paint = { ...paint, stroke: luminanceOf((argsArray[i] as [string])[0]) };
        break;
      case OPS.setGState: {
        for (const [key, value] of ((argsArray[i] as [Array<[string, unknown]>])[0] ?? [])) {
          if (key === 'ca' && typeof value === 'number') paint = { ...paint, fillAlpha: value };
          if (key === 'CA' && typeof value === 'number') paint = { ...paint, strokeAlpha: value };
        }
        break;
      }
      case OPS.clip:
      case OPS.eoClip:
        clipNext = true;
        break;
      case OPS.beginText:
        textMatrix = null;
        lineX = lineY = 0;
        break;
      case OPS.setTextMatrix: {
        const m = (argsArray[i] as [ArrayLike<number>])[0];
        if (m && m.length === 6) textMatrix = Array.from(m) as unknown as Matrix;
        lineX = lineY = 0;
        break;
      }
      case OPS.setLeading:
        leading = -Number((argsArray[i] as [number])[0]) || 0;
        break;
      case OPS.setLeadingMoveText:
      case OPS.moveText: {
        const [x, y] = argsArray[i] as [number, number];
        if (fn === OPS.setLeadingMoveText) leading = Number(y) || 0;
        lineX += Number(x) || 0;
        lineY += Number(y) || 0;
        break;
      }
      case OPS.nextLine:
        lineY += leading;
        break;
      case OPS.showText: {
        if (frame) {
          // The start of the text, on the page or not (a merged cell's label that the producer
          // centred over the part of the cell on the next page is drawn below this one).
          const [ux, uy] = textMatrix ? apply(textMatrix, lineX, lineY) : [lineX, lineY];
          const [fx, fy] = apply(ctm, ux, uy);
          if (fy < -1 || fy > frame.height + 1 || fx > frame.width + 1) break;
        }
        const glyphs = (argsArray[i] as [unknown[]])[0];
        let chars = '';
        for (const g of glyphs) {
          const u = (g as { unicode?: string } | null)?.unicode;
          if (typeof u === 'string') chars += u;
        }
        chars = chars.replace(/\s+/g, '');
        if (chars) {
          const t = textPaint(paint);
          texts.push({ chars, clip, ...t });
          if (clip) clipped = true;
          if (t.paint !== 'visible') unseen = true;
        }
        break;
      }
      case OPS.transform:
        ctm = multiply(ctm, argsArray[i] as unknown as Matrix);
        break;
      case OPS.paintFormXObjectBegin: {
        stack.push({ ctm, clip, paint });
        const [m] = argsArray[i] as [Matrix | null];
        if (Array.isArray(m) || ArrayBuffer.isView(m)) ctm = multiply(ctm, Array.from(m as ArrayLike<number>) as unknown as Matrix);
        break;
      }
      case OPS.paintFormXObjectEnd: {
        const st = stack.pop();
        if (st) ({ ctm, clip, paint } = st);
        break;
      }
      case OPS.constructPath: {
        const [op, [buf], minMax] = argsArray[i] as [number, [Float32Array | null], unknown];
        if (clipNext) {
          clipNext = false;
          const r = buf ? singleRect(buf, ctm) : null;
          if (r) clip = clip ? intersect(clip, r) : r;
        }
        if (!buf || !minMax) break;
        const stroke = STROKE_OPS.has(op);
        const fill = FILL_OPS.has(op);
        if (!stroke && !fill) break; // endPath: a clip, nothing painted
        paths++;
        pathToRules(buf, ctm, stroke, fill, settings, rules);
        if (fill && paint.fill < WHITE_LUMINANCE && paint.fillAlpha > 0) {
          const m = minMax as ArrayLike<number>;
          const box = boxOfPoints([apply(ctm, m[0]!, m[1]!), apply(ctm, m[2]!, m[1]!), apply(ctm, m[0]!, m[3]!), apply(ctm, m[2]!, m[3]!)]);
          // A background, not a rule: thick in both directions.
          if (box[2] - box[0] > settings.maxRuleThicknessPt && box[3] - box[1] > settings.maxRuleThicknessPt && fills.length < MAX_FILLS) fills.push({ bbox: box, luminance: paint.fill });
        }
        break;
      }
      default:
        if (IMAGE_OPS.has(fn)) {
          images.push(boxOfPoints([apply(ctm, 0, 0), apply(ctm, 1, 0), apply(ctm, 0, 1), apply(ctm, 1, 1)]));
        }
    }
  }
  return { rules, images, paths, texts, clipped, unseen, fills };
}

/** How text is painted under the current state (render modes: PDF 32000-1 §9.3.6). */
function textPaint(p: { mode: number; fill: number; stroke: number; fillAlpha: number; strokeAlpha: number }): Pick<TextPaint, 'paint' | 'luminance'> {
  const mode = p.mode & 7;
  if (mode === 3 || mode === 7) return { paint: 'invisible', luminance: 1 };
  const fills = mode === 0 || mode === 2 || mode === 4 || mode === 6;
  const strokes = mode === 1 || mode === 2 || mode === 5 || mode === 6;
  const shown: number[] = [];
  if (fills && p.fillAlpha > 0) shown.push(p.fill);
  if (strokes && p.strokeAlpha > 0) shown.push(p.stroke);
  if (shown.length === 0) return { paint: 'invisible', luminance: 1 };
  const darkest = Math.min(...shown);
  return { paint: darkest >= WHITE_LUMINANCE ? 'white' : 'visible', luminance: darkest };
}

/** The box of a path that is one axis-aligned rectangle, else null. */
function singleRect(buf: Float32Array, ctm: Matrix): BBox | null {
  const pts: Pt[] = [];
  for (let k = 0; k < buf.length; ) {
    const op = buf[k++];
    if (op === DRAW_MOVE || op === DRAW_LINE) {
      if (op === DRAW_MOVE && pts.length) return null; // a second subpath
      pts.push(apply(ctm, buf[k], buf[k + 1]));
      k += 2;
    } else if (op === DRAW_CLOSE) {
      continue;
    } else {
      return null;
    }
  }
  return rectOf(pts);
}

function intersect(a: BBox, b: BBox): BBox {
  return [Math.max(a[0], b[0]), Math.max(a[1], b[1]), Math.min(a[2], b[2]), Math.min(a[3], b[3])];
}

/** Appends the rules of one painted path. */
function pathToRules(buf: Float32Array, ctm: Matrix, stroke: boolean, fill: boolean, s: PdfSettings, out: Rule[]): void {
  const subpaths: Pt[][] = [];
  let cur: Pt[] = [];
  let curved = false;
  const curvedSubpaths = new Set<Pt[]>();
  for (let k = 0; k < buf.length; ) {
    const op = buf[k++];
    if (op === DRAW_MOVE) {
      if (cur.length) subpaths.push(cur);
      cur = [apply(ctm, buf[k], buf[k + 1])];
      k += 2;
    } else if (op === DRAW_LINE) {
      cur.push(apply(ctm, buf[k], buf[k + 1]));
      k += 2;
    } else if (op === DRAW_CURVE) {
      cur.push(apply(ctm, buf[k + 4], buf[k + 5]));
      curvedSubpaths.add(cur);
      curved = true;
      k += 6;
    } else if (op === DRAW_QUAD) {
      cur.push(apply(ctm, buf[k + 2], buf[k + 3]));
      curvedSubpaths.add(cur);
      curved = true;
      k += 4;
    } else if (op === DRAW_CLOSE) {
      if (cur.length) {
        cur.push(cur[0]);
        subpaths.push(cur);
        cur = [cur[cur.length - 1]];
      }
    } else {
      break; // unknown opcode: stop rather than misread the buffer
    }
  }
  if (cur.length > 1) subpaths.push(cur);
  void curved;
  for (const sp of subpaths) {
    if (curvedSubpaths.has(sp)) continue;
    if (fill) {
      const r = rectOf(sp);
      if (r) {
        const w = r[2] - r[0], h = r[3] - r[1];
        if (h <= s.maxRuleThicknessPt && w >= s.minRuleLengthPt) {
          out.push({ orient: 'h', pos: round2((r[1] + r[3]) / 2), start: r[0], end: r[2] });
          continue;
        }
        if (w <= s.maxRuleThicknessPt && h >= s.minRuleLengthPt) {
          out.push({ orient: 'v', pos: round2((r[0] + r[2]) / 2), start: r[1], end: r[3] });
          continue;
        }
      }
    }
    if (!stroke) continue;
    for (let j = 1; j < sp.length; j++) {
      const [x0, y0] = sp[j - 1], [x1, y1] = sp[j];
      const dx = Math.abs(x1 - x0), dy = Math.abs(y1 - y0);
      if (dy <= 0.5 && dx >= s.minRuleLengthPt) {
        out.push({ orient: 'h', pos: round2((y0 + y1) / 2), start: round2(Math.min(x0, x1)), end: round2(Math.max(x0, x1)) });
      } else if (dx <= 0.5 && dy >= s.minRuleLengthPt) {
        out.push({ orient: 'v', pos: round2((x0 + x1) / 2), start: round2(Math.min(y0, y1)), end: round2(Math.max(y0, y1)) });
      }
    }
  }
}

/** Returns the box of a closed axis-aligned rectangle subpath, or null. */
function rectOf(sp: Pt[]): BBox | null {
  const pts = sp.length > 1 && sp[0][0] === sp[sp.length - 1][0] && sp[0][1] === sp[sp.length - 1][1] ? sp.slice(0, -1) : sp;
  if (pts.length !== 4 && pts.length !== 2) return null;
  if (pts.length === 4) {
    for (let j = 0; j < 4; j++) {
      const [ax, ay] = pts[j], [bx, by] = pts[(j + 1) % 4];
      if (Math.abs(ax - bx) > 0.01 && Math.abs(ay - by) > 0.01) return null;
    }
  }
  return boxOfPoints(pts);
}
