/**
 * Page furniture: text on a page that belongs to no table — page numbers in the top or bottom
 * margin (-1-, 第 1 页 共 3 页, 1/3, Page 1 of 3) and text drawn at a slant (a diagonal
 * watermark, the ring of characters of a vector seal). Given a page's runs, returns the runs of
 * its content and the furniture set aside, so that no such text becomes a cell.
 */
import type { BBox } from '../types.js';
import { unionBox } from './geometry.js';
import { lineText, runsToLines } from './lines.js';
import { compactText, normalizeCjk } from './normalize.js';
import type { Rule } from './rules.js';
import type { PdfSettings } from './settings.js';
import type { TextRun } from './text-runs.js';

export interface Furniture {
  kind: 'page_number' | 'slanted_text' | 'running_text';
  text: string;
  bbox: BBox;
}

const PAGE_NUMBER = [
  /^[-—–－~]?\d{1,4}[-—–－~]?$/u,
  /^第\d{1,4}页(?:[,，]?共\d{1,4}页)?$/u,
  /^共\d{1,4}页[,，]?第\d{1,4}页$/u,
  /^\d{1,4}\/\d{1,4}$/u,
  /^page\d{1,4}(?:of\d{1,4})?$/iu,
];

/** A page number in words (第 1 页), or with the page count (第 1 页 共 6 页, 共 6 页 第 1 页, Page 1 of 6). */
const WORDED_PAGE_NUMBER = /^(?:第\d{1,4}页(?:[,，]?共\d{1,4}页)?|共\d{1,4}页[,，]?第\d{1,4}页|page\d{1,4}of\d{1,4})$/iu;

/** Share of the page height at the top and at the bottom where a running header or footer of the text's size is printed. */
const MARGIN_BAND = 0.1;
/** Share of the page height at the top and at the bottom where a running header or footer printed smaller than the text may be. */
const RUNNING_BAND = 0.15;
/** The same for a repeated line printed smaller than the text (a header under a wide top margin of a small page). */
const SMALL_RUNNING_BAND = 0.2;
/** Characters from which a repeated line in the margin band is running text even with the table close under it. */
const RUNNING_TEXT_MIN_CHARS = 10;
/** Degrees from upright (or from a quarter turn, vertical writing) that still count as upright. */
const UPRIGHT_TOLERANCE_DEG = 3;

function isUpright(angle: number): boolean {
  const off = angle % 90;
  return off <= UPRIGHT_TOLERANCE_DEG || off >= 90 - UPRIGHT_TOLERANCE_DEG;
}

/** Whether a line's text is a page number or page count, as printed in a header or footer. */
export function isPageNumber(text: string): boolean {
  const t = compactText(text);
  return PAGE_NUMBER.some((re) => re.test(t));
}

/**
 * Lines printed in the top or bottom margin band of earlier pages of a document (text and top),
 * to recognise a running header or footer when it comes again.
 */
export type MarginMemory = Array<{ text: string; top: number; band: 'top' | 'bottom' }>;

/**
 * Given the runs of a page and its height (reading frame), returns the content runs and the
 * furniture. A page number must sit in the top or bottom band of the page (15 %), alone: with
 * clear space (one line) between it and any text above, under or beside it. A running header or
 * footer needs that space on the table's side only: a line no larger than the page's text that an
 * earlier page printed at the same place (`memory`, which this call extends with the page's margin
 * lines), unless it is printed smaller than the text; a short one must stand alone at its height.
 * Text in a ruled row (a horizontal rule over it and one under it, each within two lines, both
 * across it: `rules`) is a cell's, never a page number (a total's last digit that a page break
 * carried onto the next page), nor are digits flush with a figure of the lines next to them. Of
 * two page numbers on one page, only the one in the band where earlier pages printed theirs is one.
 */
export function splitFurniture(runs: readonly TextRun[], pageHeight: number, s: PdfSettings, memory?: MarginMemory, rules: readonly Rule[] = []): { content: TextRun[]; furniture: Furniture[] } {
  const furniture: Furniture[] = [];
  const upright: TextRun[] = [];
  const slanted: TextRun[] = [];
  for (const r of runs) (isUpright(r.angle) ? upright : slanted).push(r);
  if (slanted.length) {
    furniture.push({ kind: 'slanted_text', text: slanted.map((r) => r.text).join(''), bbox: unionBox(slanted.map((r) => r.bbox)) });
  }
  const lines = runsToLines(upright, s.lineToleranceEm);
  const drop = new Set<TextRun>();
  const sizes = upright.map((r) => r.fontSize).sort((a, b) => a - b);
  const bodySize = sizes.length ? sizes[Math.floor(sizes.length / 2)] : 0;
  const seen: MarginMemory = [];
  const numberBands = new Map<Furniture, 'top' | 'bottom'>();
  lines.forEach((line, i) => {
    const top = line.bbox[1], bottom = line.bbox[3];
    // A line that begins (or ends) inside the band: a header printed low in a wide margin.
    const smaller = line.fontSize < 0.95 * bodySize;
    const band = smaller ? SMALL_RUNNING_BAND : RUNNING_BAND;
    const inTop = top < band * pageHeight, inBottom = bottom > (1 - band) * pageHeight;
    if (!inTop && !inBottom) return;
    const inNumberBand = inTop ? top < MARGIN_BAND * pageHeight : bottom > (1 - MARGIN_BAND) * pageHeight;
    const text = lineText(line);
    const norm = compactText(text);
    const side = inTop ? 'top' : 'bottom';
    seen.push({ text: norm, top, band: side });
    // A page number in words (第1页, 第1页 共6页) is no cell's text: half a line of space will do
    // (a small margin under a table that runs to the band).
    const gap = WORDED_PAGE_NUMBER.test(norm) ? line.fontSize / 2 : line.fontSize;
    const above = lines[i - 1], below = lines[i + 1];
    const clear = !(inBottom && above && top - above.bbox[3] < gap) && !(inTop && below && below.bbox[1] - bottom < gap);
    // A page number stands alone: no other line at its height, half a line off (a cell's wrapped
    // digits 10. / 00), nor right above or under it (the last digit of 1 / 0 / 0 at a page's top).
    const besideIt = lines.some((o) => o !== line && o.bbox[1] < bottom && o.bbox[3] > top);
    const alone = clear && !besideIt && !(above && top - above.bbox[3] < gap) && !(below && below.bbox[1] - bottom < gap);
    // A title is printed larger than the text; a running header or footer is not, and it is one
    // piece of text (a table's header row repeated on each page is several cells). Printed smaller
    // than the text, it needs no clear space beside it (a table run on close under it).
    const oneText = line.runs.every((r, k) => k === 0 || r.bbox[0] - line.runs[k - 1].bbox[2] < line.fontSize);
    const repeated = oneText && norm.length > 0 && !!memory?.some((m) => m.band === side && m.text === norm && Math.abs(m.top - top) < line.fontSize);
    // Alone, it may stand a little higher (a footer in a wide margin): anywhere in the band.
    const x = (line.bbox[0] + line.bbox[2]) / 2, reach = 2 * line.fontSize;
    const across = (r: Rule): boolean => r.orient === 'h' && r.start < x && r.end > x;
    const ruledRow = rules.some((r) => across(r) && r.pos < top && r.pos > top - reach) && rules.some((r) => across(r) && r.pos > bottom && r.pos < bottom + reach);
    // Nor are digits alone set flush with a figure of the lines toward the table, a few lines off:
    // the rest of a figure a page break cut, in its column (67 of 2 / 4. | 67 over 2 / 2. / 70).
    const flushWithFigure = /^\d{1,4}$/u.test(norm) && lines.some((o, k) => (inTop ? k > i && k <= i + 4 : k < i && k >= i - 4) && o.runs.some((r) => /\d/u.test(r.text) && Math.abs(r.bbox[2] - line.bbox[2]) < 0.3));
    // (A page number within the band for text of any size.)
    const numberPlace = inTop ? top < RUNNING_BAND * pageHeight : bottom > (1 - RUNNING_BAND) * pageHeight;
    let kind: Furniture['kind'] | null = numberPlace && alone && !ruledRow && !flushWithFigure && isPageNumber(text) ? 'page_number' : null;
    // Below the top tenth (or above the bottom one) only a line smaller than the text is one.
    // In the page's margin band a long line an earlier page printed there is one too, with the
    // table run on close under it (a repeated header row is several cells; a label is short).
    const longText = norm.length >= RUNNING_TEXT_MIN_CHARS;
    // A short one with a line beside it, at its height, is the piece of a wrapped label there (单位
    // of 度量 / 单位 beside a table header repeated at each page's top).
    if (!kind && repeated && (longText || !besideIt) && ((inNumberBand && line.fontSize <= 1.05 * bodySize && (clear || longText)) || smaller)) kind = 'running_text';
    if (!kind) return;
    for (const r of line.runs) drop.add(r);
    const f: Furniture = { kind, text: normalizeCjk(text), bbox: line.bbox };
    furniture.push(f);
    if (kind === 'page_number') numberBands.set(f, side);
  });
  keepUsualPageNumber(furniture, numberBands, drop, memory);
  memory?.push(...seen);
  return { content: upright.filter((r) => !drop.has(r)), furniture };
}

/**
 * Two page numbers on one page: the one in the band where earlier pages printed theirs is the
 * page's, and the others are cells' texts again (49 at a page's top, the last digits of the total
 * 87.49 that a page break carried over, where the pages print -1-, -2- at their foot).
 */
function keepUsualPageNumber(furniture: Furniture[], bands: ReadonlyMap<Furniture, 'top' | 'bottom'>, drop: Set<TextRun>, memory?: MarginMemory): void {
  const usual = (b: 'top' | 'bottom' | undefined): boolean => !!memory?.some((m) => m.band === b && isPageNumber(m.text));
  const numbers = [...bands.keys()];
  if (numbers.length < 2 || !numbers.some((f) => usual(bands.get(f)))) return;
  for (const f of numbers) {
    if (usual(bands.get(f))) continue;
    furniture.splice(furniture.indexOf(f), 1);
    for (const r of [...drop]) if (r.bbox[0] >= f.bbox[0] - 0.5 && r.bbox[2] <= f.bbox[2] + 0.5 && r.bbox[1] >= f.bbox[1] - 0.5 && r.bbox[3] <= f.bbox[3] + 0.5) drop.delete(r);
  }
}
