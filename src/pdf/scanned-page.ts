/**
 * Pages without a text layer (scans), read by OCR: the page is drawn, the OCR layer gives its
 * ruling lines and text lines in pixels of the straightened image, and from here on the page is
 * what a PDF with vector rules and text would give: the rules go through the same grid builder
 * (grid.ts, merged cells included) and the lines are placed in its cells (page-rows.ts). Every
 * cell holding OCR text gets its confidence and the recogniser's other readings (`Cell.ocr`).
 * Boxes are mapped back to the page as displayed (the scan's skew undone).
 */
import type { OcrPage } from '../ocr/page.js';
import type { BBox, Cell, CellOcr, Row } from '../types.js';
import { splitFurniture, type Furniture } from './furniture.js';
import { boxOfPoints } from './geometry.js';
import { pageToLayout, type PageLayout } from './page-rows.js';
import { normalizeCjk } from './normalize.js';
import { renderPage, type RenderedPage } from './render.js';
import type { PDFDocumentProxy } from './pdfjs.js';
import type { Rule } from './rules.js';
import type { AlignVotes, FormHints, StreamCarry } from './stream.js';
import type { PdfSettings } from './settings.js';
import type { TextRun } from './text-runs.js';

/** How the PDF layer gets pages read: given a drawn page, its rules and lines (ocr/page.ts). */
export interface PageOcr {
  /** `auto`: pages without a text layer; `force`: every page. */
  mode: 'auto' | 'force';
  /** Resolution pages are drawn at. */
  dpi: number;
  read(page: RenderedPage): Promise<OcrPage>;
  /** The engine's name, once it has read a page. */
  engine?: string;
}

/**
 * Thrown by a `PageOcr` that does not read pages itself (a batch worker handing scans to the OCR
 * pool): extraction stops at the first page that needs OCR.
 */
export class OcrDeferred extends Error {
  override readonly name = 'OcrDeferred';
  /** Pages of the document (set by the PDF layer). */
  pages?: number;
}

/** State of rule-less tables carried from page to page (see pageToLayout). */
export interface StreamState extends FormHints {
  carry?: StreamCarry | null;
  pageWidth?: number;
  pitchEm?: number;
  alignVotes?: AlignVotes;
}

/** What an OCR'd page yields. */
export interface ScannedLayout {
  layout: PageLayout;
  runs: TextRun[];
  rules: Rule[];
  toDisplay: (b: BBox) => BBox;
  /** Page numbers and slanted text the OCR read, set aside. */
  furniture: Furniture[];
}

/** Given the OCR of a page, maps a box of the straightened image (pt) to the page as displayed. */
export function straightenedToDisplay(ocr: Pick<OcrPage, 'width' | 'height' | 'dpi' | 'skewDeg'>): (b: BBox) => BBox {
  const k = 72 / ocr.dpi;
  if (ocr.skewDeg === 0) return (b) => b;
  // The page was turned by -skew to straighten it; turn points back by +skew about the image centre.
  const a = (ocr.skewDeg * Math.PI) / 180, cos = Math.cos(a), sin = Math.sin(a);
  const cx = ((ocr.width - 1) / 2) * k, cy = ((ocr.height - 1) / 2) * k;
  const back = (x: number, y: number): [number, number] => {
    const dx = x - cx, dy = y - cy;
    return [cx + dx * cos - dy * sin, cy + dx * sin + dy * cos];
  };
  return (b) => boxOfPoints([back(b[0], b[1]), back(b[2], b[1]), back(b[0], b[3]), back(b[2], b[3])]);
}

/** Given the OCR of page `page`, returns its rows, with OCR details on each cell read. */
export function scannedPageLayout(
  page: number,
  ocr: OcrPage,
  s: PdfSettings,
  anchors: readonly string[] | undefined,
  stream: StreamState = {},
): ScannedLayout {
  const k = 72 / ocr.dpi;
  const rules: Rule[] = ocr.rules.map((r) => ({ orient: r.orient, pos: r.pos * k, start: r.start * k, end: r.end * k }));
  const read: TextRun[] = ocr.lines.map((l) => {
    const bbox: BBox = [l.box[0] * k, l.box[1] * k, l.box[2] * k, l.box[3] * k];
    // A detected box holds the glyphs with a margin of about a tenth of their height each side.
    return { text: l.text, bbox, fontSize: Math.round((bbox[3] - bbox[1]) * 0.8 * 100) / 100, angle: 0 };
  });
  // Page numbers read from the image are no table's text, as on a page with a text layer (a page
  // that holds only a seal and its footer is drawn for OCR).
  const { content, furniture } = splitFurniture(read, ocr.height * k, s);
  const kept = new Set(content);
  const lines = ocr.lines.filter((_, i) => kept.has(read[i]!));
  const runs = read.filter((r) => kept.has(r));
  const toDisplay = straightenedToDisplay(ocr);
  const layout = pageToLayout(page, runs, rules, s, anchors, toDisplay, stream);
  annotateCells(layout.rows, { ...ocr, lines }, runs.map((r) => toDisplay(r.bbox)));
  return { layout, runs, rules, toDisplay, furniture };
}

/**
 * Draws page `p` of `doc` (opened for drawing), reads it with `ocr` and lays it out; returns
 * why not when OCR could not run (not installed, no canvas, a failure of the engine).
 * `OcrDeferred` is passed on.
 */
export async function readScannedPage(
  doc: PDFDocumentProxy,
  p: number,
  ocr: PageOcr,
  s: PdfSettings,
  anchors: readonly string[] | undefined,
  stream: StreamState = {},
): Promise<(ScannedLayout & { info: { read: true; skewDeg: number; lines: number; meanConfidence: number; ms: number } }) | { error: string; unavailable: boolean }> {
  const t0 = performance.now();
  let read: OcrPage;
  try {
    read = await ocr.read(await renderPage(doc, p, ocr.dpi));
  } catch (e) {
    if (e instanceof OcrDeferred) throw e;
    const name = (e as Error)?.name;
    return { error: (e as Error)?.message ?? String(e), unavailable: name === 'OcrUnavailable' || name === 'CanvasUnavailable' };
  }
  const scanned = scannedPageLayout(p, read, s, anchors, stream);
  const mean = read.lines.length ? read.lines.reduce((a, l) => a + l.confidence, 0) / read.lines.length : 0;
  const info = { read: true as const, skewDeg: read.skewDeg, lines: read.lines.length, meanConfidence: Math.round(mean * 1000) / 1000, ms: Math.round(performance.now() - t0) };
  return { ...scanned, info };
}

/** Sets `Cell.ocr` on every cell that holds OCR lines (matched by the line's centre). */
function annotateCells(rows: readonly Row[], ocr: OcrPage, lineBoxes: readonly BBox[]): void {
  const centres = lineBoxes.map((b) => [(b[0] + b[2]) / 2, (b[1] + b[3]) / 2] as const);
  for (const row of rows) {
    for (const cell of row.cells) {
      if (!cell.bbox || cell.text === '') continue;
      const b = cell.bbox;
      const inside: number[] = [];
      centres.forEach(([x, y], i) => {
        if (x >= b[0] && x <= b[2] && y >= b[1] && y <= b[3]) inside.push(i);
      });
      if (inside.length === 0) continue;
      cell.ocr = cellOcr(cell, inside.map((i) => ocr.lines[i]!));
    }
  }
}

function cellOcr(cell: Cell, lines: OcrPage['lines']): CellOcr {
  const confidence = Math.round(Math.min(...lines.map((l) => l.confidence)) * 1000) / 1000;
  const out: CellOcr = { confidence };
  const only = lines.length === 1 ? lines[0]! : undefined;
  // Character details only where they line up with the cell's text one to one.
  if (only && normalizeCjk(only.text) === cell.text && Array.from(cell.text).length === only.chars.length) {
    out.chars = only.chars.map((c) => Math.round(c * 1000) / 1000);
    out.seconds = only.seconds.map((x) => ({ char: normalizeCjk(x.char), p: Math.round(x.p * 1000) / 1000 }));
    out.alternatives = only.alternatives.map((a) => ({ text: normalizeCjk(a.text), p: a.p }));
  }
  return out;
}
