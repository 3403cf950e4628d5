/**
 * Text runs → lines → cell text. Given the runs inside one box, group them into lines by their
 * vertical centres, order each line left to right, and join the lines: CJK lines with nothing,
 * Latin words with one space, and a line that stops clearly short of the box's right edge
 * (a paragraph end) with "\n".
 */
import type { BBox, Cell } from '../types.js';
import { unionBox } from './geometry.js';
import { isCjkChar, normalizeCjk } from './normalize.js';
import type { TextRun } from './text-runs.js';

/** One visual line of text. */
export interface TextLine {
  runs: TextRun[];
  bbox: BBox;
  fontSize: number;
}

/** Given runs, returns lines top to bottom, each with its runs left to right. */
export function runsToLines(runs: readonly TextRun[], toleranceEm: number): TextLine[] {
  const sorted = [...runs].sort((a, b) => centerY(a) - centerY(b) || a.bbox[0] - b.bbox[0]);
  const lines: TextLine[] = [];
  let cur: TextRun[] = [];
  let curCenter = 0, curSize = 0;
  for (const r of sorted) {
    const c = centerY(r);
    if (cur.length && Math.abs(c - curCenter) <= toleranceEm * Math.max(curSize, r.fontSize)) {
      cur.push(r);
      curCenter = (curCenter * (cur.length - 1) + c) / cur.length;
      curSize = Math.max(curSize, r.fontSize);
    } else {
      if (cur.length) lines.push(makeLine(cur));
      cur = [r];
      curCenter = c;
      curSize = r.fontSize;
    }
  }
  if (cur.length) lines.push(makeLine(cur));
  return lines;
}

function centerY(r: TextRun): number {
  return (r.bbox[1] + r.bbox[3]) / 2;
}

function makeLine(runs: TextRun[]): TextLine {
  runs.sort((a, b) => a.bbox[0] - b.bbox[0]);
  return { runs, bbox: unionBox(runs.map((r) => r.bbox)), fontSize: Math.max(...runs.map((r) => r.fontSize)) };
}

/** The text a run shows, or (`source`) the text its PDF encodes when the two differ. */
export type RunText = (r: TextRun) => string;
const shownText: RunText = (r) => r.text;
/** The text of a run as the file encodes it (before ambiguous glyphs were resolved). */
export const sourceText: RunText = (r) => r.source ?? r.text;

/** Joins the runs of one line: a visible gap between Latin text becomes one space. */
export function lineText(line: TextLine, pick: RunText = shownText): string {
  let out = '';
  let prev: TextRun | null = null;
  for (const r of line.runs) {
    if (prev) {
      const gap = r.bbox[0] - prev.bbox[2];
      const a = lastChar(out), b = firstChar(pick(r));
      if (gap > 0.2 * Math.min(prev.fontSize, r.fontSize) && !(isCjkChar(a) && isCjkChar(b)) && a !== ' ' && b !== ' ') out += ' ';
    }
    out += pick(r);
    prev = r;
  }
  return out;
}

function lastChar(s: string): string {
  const t = s.trimEnd();
  return t ? Array.from(t).pop()! : ' ';
}

function firstChar(s: string): string {
  const t = s.trimStart();
  return t ? String.fromCodePoint(t.codePointAt(0)!) : ' ';
}

/** Characters that may not start a line (kinsoku): they stay with the word before them. */
const NO_LINE_START = /^[、。，．,.;；:：！!？?）)\]】》」』”’%％]+/u;

/**
 * Estimates the width of the first unbreakable token of a line: a run of non-CJK characters up
 * to a space, or one CJK character, plus any closing punctuation after it.
 */
function firstTokenWidth(line: TextLine): number {
  const r = line.runs[0];
  const text = r.text.trimStart();
  const chars = Array.from(r.text);
  const perChar = chars.length ? (r.bbox[2] - r.bbox[0]) / chars.length : r.fontSize;
  let n = 0;
  const all = Array.from(text);
  if (all.length === 0) return 0;
  if (isCjkChar(all[0])) n = 1;
  else while (n < all.length && !isCjkChar(all[n]) && all[n] !== ' ') n++;
  const rest = all.slice(n).join('');
  const m = NO_LINE_START.exec(rest);
  if (m) n += Array.from(m[0]).length;
  return n * perChar;
}

/** Sentence-final punctuation: in CJK text a paragraph ends after one of these. */
const SENTENCE_END = /[。！？；!?;]$/u;

/** A list marker at the start of a line: "2、", "3.", "（二）", "一、", "(1)". */
const LIST_MARKER = /^(?:\d{1,2}[、.．)）]|[（(]\s*[\d一二三四五六七八九十]{1,3}\s*[）)]|[一二三四五六七八九十]{1,3}、)/u;

const ASCII_LETTER = /[A-Za-z]/;

/** A line that is only the start of a number, and a line that only ends one. */
const WRAPPED_NUMBER_HEAD = /^[+-]?\d[\d,.]*$/;
const WRAPPED_NUMBER_TAIL = /^[\d,.]+%?$/;

/**
 * Given the lines of one cell (top to bottom) and the cell's box, returns the cell text.
 *
 * Lines are joined as the cell wrapped them; a paragraph break becomes "\n". In CJK text a
 * break needs evidence from the writing, not only the geometry (a short line also comes from a
 * wrapped number or bracket): the line ends a sentence (。) and either the next line's first
 * token would have fitted after it or the next line opens a list item ("2、"). In Latin text a
 * line is a break when the next line's first word would have fitted after it.
 */
export function linesToCellText(lines: readonly TextLine[], box: BBox | null, pick: RunText = shownText): string {
  if (lines.length === 0) return '';
  const texts = lines.map((l) => lineText(l, pick));
  if (lines.length === 1) return texts[0];
  const cjk = texts.some((t) => Array.from(t).some(isCjkChar));
  const maxRight = Math.max(...lines.map((l) => l.bbox[2]));
  const minLeft = Math.min(...lines.map((l) => l.bbox[0]));
  // The usable right edge: the cell's rule less the padding seen on the left (left-aligned
  // text), never left of the widest line (centred text).
  const limit = box ? Math.max(maxRight, box[2] - Math.max(0, minLeft - box[0])) : maxRight;
  let out = texts[0];
  for (let i = 1; i < lines.length; i++) {
    const prev = lines[i - 1], next = lines[i];
    const room = limit - prev.bbox[2];
    const fits = room > firstTokenWidth(next) + 0.25 * prev.fontSize;
    const prevText = texts[i - 1].trimEnd(), nextText = texts[i].trimStart();
    const a = lastChar(out), b = firstChar(nextText);
    let hard: boolean;
    if (cjk) {
      const list = LIST_MARKER.test(nextText);
      hard = (SENTENCE_END.test(prevText) && (fits || list)) || (list && fits);
    } else {
      hard = fits;
    }
    if (hard) out += '\n';
    // A number wrapped inside a narrow cell ("14,503,00" / "0.00") continues without a space.
    else if (WRAPPED_NUMBER_HEAD.test(prevText) && WRAPPED_NUMBER_TAIL.test(nextText)) out += '';
    // Digits on both sides of the break are one number cut by it ("≥100.0" / "0(%)").
    else if (/[\d.]/.test(a) && /\d/.test(b)) out += '';
    else if (ASCII_LETTER.test(a) && ASCII_LETTER.test(b)) out += ' ';
    // A number's unit in brackets on the next line ("≥85.00" / "(%)") follows it without a space.
    else if (!cjk && a !== '-' && /[\w,.;:!?)%]/.test(a) && /[\w(]/.test(b) && !(/\d/.test(a) && b === '(')) out += ' ';
    out += texts[i];
  }
  return out;
}

/**
 * Builds a cell with normalised text, keeping `raw` (the text as the file encodes it, `source`
 * when given) when it differs from the cell's text.
 */
export function makeCell(shown: string, page: number, bbox: BBox, extra: Partial<Cell> = {}, source: string = shown): Cell {
  const text = normalizeCjk(shown);
  const cell: Cell = { text, rowSpan: 1, colSpan: 1, ...extra, page, bbox };
  const trimmedRaw = source.trim();
  if (trimmedRaw !== text) cell.raw = trimmedRaw;
  return cell;
}

/** Builds the cell of the given lines (see `linesToCellText` and `makeCell`). */
export function linesToCell(lines: readonly TextLine[], box: BBox | null, page: number, bbox: BBox, extra: Partial<Cell> = {}): Cell {
  return makeCell(linesToCellText(lines, box), page, bbox, extra, linesToCellText(lines, box, sourceText));
}

/** Maps a box from the reading frame to the displayed page. */
export type BoxMapper = (b: BBox) => BBox;

/** Splits a line where the gap between runs exceeds `gapEm` × font size. */
export function splitLineIntoChunks(line: TextLine, gapEm: number): TextLine[] {
  const chunks: TextLine[] = [];
  let cur: TextRun[] = [];
  for (const r of line.runs) {
    const prev = cur[cur.length - 1];
    if (prev && r.bbox[0] - prev.bbox[2] > gapEm * Math.max(prev.fontSize, r.fontSize)) {
      chunks.push(chunkOf(cur));
      cur = [];
    }
    cur.push(r);
  }
  if (cur.length) chunks.push(chunkOf(cur));
  return chunks;
}

function chunkOf(runs: TextRun[]): TextLine {
  return { runs, bbox: unionBox(runs.map((r) => r.bbox)), fontSize: Math.max(...runs.map((r) => r.fontSize)) };
}

