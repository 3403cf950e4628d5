/**
 * One scanned page: RGBA pixels → straightened grey image → ruling lines (`Rule[]`) and text
 * lines with what they say, their confidence and the recogniser's other readings. Everything in
 * pixels of the straightened image; `skewDeg` maps them back. Knows nothing of what the page is.
 */
import type { Rule } from '../pdf/rules.js';
import type { Reading } from './ctc.js';
import { detectText, type PixelBox } from './detect.js';
import { estimateSkew } from './deskew.js';
import { binarize, otsu, rgbaToGray, rotate, type GrayImage } from './image.js';
import { recognizeBoxes } from './recognize.js';
import { dilate, findRules, ruleFindingAt } from './rules.js';
import type { OcrRuntime } from './runtime.js';

/** A text line read on the page. */
export interface OcrLine {
  text: string;
  /** Box in pixels of the straightened image. */
  box: PixelBox;
  /** Lowest character confidence (0–1). */
  confidence: number;
  /** Confidence of each character of `text`. */
  chars: number[];
  /** For each character, the recogniser's second choice there ('' for nothing) and its probability. */
  seconds: Array<{ char: string; p: number }>;
  /** Other readings of the whole line, most likely first, with probabilities relative to the best. */
  alternatives: Reading[];
}

export interface OcrPage {
  /** Size of the image in pixels and its resolution. */
  width: number;
  height: number;
  dpi: number;
  /** Clockwise angle of the scan that was undone (degrees). */
  skewDeg: number;
  /** Ruling lines, in pixels of the straightened image. */
  rules: Rule[];
  lines: OcrLine[];
  /** Time spent, milliseconds. */
  ms: { prepare: number; detect: number; recognize: number };
}

/**
 * Splits a text box where a vertical rule crosses it (a detector may join the texts of two
 * neighbouring cells) and trims it where a horizontal rule cuts through it.
 */
export function splitAtRules(box: PixelBox, rules: readonly Rule[], margin: number): PixelBox[] {
  const [x0, y0, x1, y1] = box;
  const cy = (y0 + y1) / 2;
  const cuts = rules
    .filter((r) => r.orient === 'v' && r.pos > x0 + margin && r.pos < x1 - margin && r.start <= cy && r.end >= cy)
    .map((r) => r.pos)
    .sort((a, b) => a - b);
  const pieces: PixelBox[] = [];
  let left = x0;
  for (const c of [...cuts, Infinity]) {
    const right = Math.min(c === Infinity ? x1 : c - margin / 2, x1);
    if (right - left > margin) pieces.push([left, y0, right, y1]);
    left = c + margin / 2;
  }
  // A horizontal rule through the box: keep the side holding the box's centre.
  return pieces.map((p) => {
    let [a, b, c, d] = p;
    const mid = (a + c) / 2;
    for (const r of rules) {
      if (r.orient !== 'h' || r.start > mid || r.end < mid || r.pos <= b || r.pos >= d) continue;
      if (r.pos < cy) b = r.pos + margin / 2;
      else d = r.pos - margin / 2;
    }
    return [a, b, c, d] as PixelBox;
  });
}

/** Marks that a speck of dirt is read as. */
const STRAY = /^[.,:;'`·、。，．：；'"|_~-]$/u;

/**
 * A line starting or ending with a mark read with low confidence (a speck of dirt next to the
 * text): the mark is dropped, and the reading with it kept as an alternative.
 */
export function dropStrayMarks(line: OcrLine, below = 0.9): OcrLine {
  const chars = Array.from(line.text);
  let a = 0, b = chars.length;
  while (a < b && STRAY.test(chars[a]!) && line.chars[a]! < below) a++;
  while (b > a && STRAY.test(chars[b - 1]!) && line.chars[b - 1]! < below) b--;
  if (a === 0 && b === chars.length) return line;
  return {
    ...line,
    text: chars.slice(a, b).join(''),
    chars: line.chars.slice(a, b),
    seconds: line.seconds.slice(a, b),
    alternatives: [{ text: line.text, p: 1 }, ...line.alternatives.filter((x) => x.text !== chars.slice(a, b).join(''))],
  };
}

/** The paper's grey: the most common light value. */
export function paperLevel(img: GrayImage): number {
  const hist = new Uint32Array(256);
  for (let i = 0; i < img.data.length; i += 7) hist[img.data[i]!]++;
  let best = 255;
  for (let v = 128; v < 256; v++) if (hist[v]! > hist[best]!) best = v;
  return best;
}

/** Given the RGBA pixels of a page rendered at `dpi`, returns its rules and text lines. */
export async function readPageImage(rt: OcrRuntime, rgba: Uint8ClampedArray | Uint8Array, width: number, height: number, dpi: number): Promise<OcrPage> {
  const t0 = performance.now();
  let gray = rgbaToGray(rgba, width, height);
  const threshold = Math.min(200, Math.max(60, otsu(gray)));
  const skewDeg = estimateSkew(gray, binarize(gray, threshold));
  if (Math.abs(skewDeg) >= 0.03) gray = rotate(gray, -skewDeg);
  // Thin borders print faint (a hairline scanned is a grey line): lines are looked for in a
  // lighter mask than text, anything clearly darker than the paper; noise makes no long runs.
  const paper = paperLevel(gray);
  const { rules, lineMask } = findRules(gray, paper, ruleFindingAt(dpi));
  // The detector and recogniser see the page without its lines (they would join cells' texts).
  const wipe = dilate(lineMask, width, height, 1);
  const clean: GrayImage = { width, height, data: Uint8ClampedArray.from(gray.data) };
  for (let i = 0; i < wipe.length; i++) if (wipe[i]) clean.data[i] = paper;
  const t1 = performance.now();
  const found = await detectText(rt, clean);
  const margin = Math.max(2, Math.round(dpi / 72));
  const boxes = found.flatMap((f) => splitAtRules(f.box, rules, margin)).filter((b) => b[2] - b[0] >= 4 && b[3] - b[1] >= 4);
  const t2 = performance.now();
  const decoded = await recognizeBoxes(rt, clean, boxes);
  const lines: OcrLine[] = [];
  decoded.forEach((d, i) => {
    const line = dropStrayMarks({ text: d.text, box: boxes[i]!, confidence: 0, chars: d.chars, seconds: d.seconds, alternatives: d.alternatives });
    if (line.text.trim() === '') return;
    line.confidence = line.chars.length ? Math.min(...line.chars) : 0;
    lines.push(line);
  });
  const t3 = performance.now();
  return { width, height, dpi, skewDeg, rules, lines, ms: { prepare: Math.round(t1 - t0), detect: Math.round(t2 - t1), recognize: Math.round(t3 - t2) } };
}
