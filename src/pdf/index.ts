/**
 * The PDF layer: given the bytes of a PDF, returns every row of the document in reading order
 * (table rows with their cells, and lines of text outside tables), page information and
 * diagnostics. It knows geometry only, never the words of the form.
 */
import { diagnostic, InputError, type Diagnostic } from '../diagnostics.js';
import type { BBox, Row } from '../types.js';
import { looksTruncated, openPdf, toInputError } from './document.js';
import { invert, multiply, transformBox, type Matrix } from './geometry.js';
import { mergeRules, pageTooComplex } from './grid.js';
import { pageToLayout, type PageLayout } from './page-rows.js';
import { operatorListToGraphics, type PageGraphics } from './rules.js';
import { resolvePdfSettings, type PdfSettings } from './settings.js';
import { stitchPageBreak } from './stitch.js';
import { dominantTextRotation, itemPaints, separateHidden, textItemsToRuns, type HiddenRun, type TextRun } from './text-runs.js';

export { normalizeCjk } from './normalize.js';
export type { PdfSettings } from './settings.js';
export { DEFAULT_PDF_SETTINGS } from './settings.js';

export interface PdfPageInfo {
  /** 1-based page number. */
  page: number;
  /** Displayed size in points (after /Rotate). */
  width: number;
  height: number;
  /** The page's /Rotate (0, 90, 180, 270). */
  rotation: number;
  /** False when the page has no text layer (a scan or a blank page). */
  hasText: boolean;
  /** Ruled tables found on the page. */
  tables: number;
  mode: 'lattice' | 'stream' | 'none';
}

export interface PdfExtraction {
  pages: PdfPageInfo[];
  rows: Row[];
  diagnostics: Diagnostic[];
}

export interface PdfOptions {
  /** File name for diagnostics and errors. */
  file: string;
  /** Refuse documents with more pages (`too_many_pages`). */
  maxPages?: number;
  /** Header labels that help find columns on pages without ruling lines. */
  anchors?: readonly string[];
  signal?: AbortSignal;
  /** Overrides of the geometry tolerances. */
  settings?: Partial<PdfSettings>;
}

/** What one page yields, with the intermediates kept for `inspect`. */
export interface PageResult {
  info: PdfPageInfo;
  layout: PageLayout;
  runs: TextRun[];
  graphics: PageGraphics;
  /** Maps a box from the reading frame to the displayed page. */
  toDisplay: (b: BBox) => BBox;
  /** Extra rotation applied to make the text upright (0 when the displayed page reads upright). */
  frameRotation: number;
  diagnostics: Diagnostic[];
}

/**
 * Given the bytes of a PDF, returns its rows page by page, top to bottom, with page info and
 * diagnostics. Throws `InputError` (`pdf_encrypted`, `pdf_invalid`, `too_many_pages`).
 */
export async function extractPdf(data: Uint8Array, opts: PdfOptions): Promise<PdfExtraction> {
  const pages: PdfPageInfo[] = [];
  const rows: Row[] = [];
  const diagnostics: Diagnostic[] = [];
  if (looksTruncated(data)) {
    diagnostics.push(diagnostic('pdf_warning', 'the file has no %%EOF marker near its end: it may be truncated', { file: opts.file }));
  }
  // The previous page's rows, for a row cut by the page break.
  let prev: { rows: readonly Row[]; height: number } | null = null;
  await forEachPage(data, opts, (res) => {
    pages.push(res.info);
    diagnostics.push(...res.diagnostics);
    if (prev) stitchPageBreak(prev.rows, res.layout.rows, prev.height);
    prev = { rows: res.layout.rows, height: res.info.height };
    res.layout.rows.forEach((row, i) => {
      if (i === 0 && res.info.page > 1) row.breakBefore = true;
      rows.push(row);
    });
  });
  return { pages, rows, diagnostics };
}

/**
 * Opens the PDF and calls `onPage` with the result of each page in order (or only `only`).
 * Shared by `extractPdf` and `inspect`.
 */
export async function forEachPage(
  data: Uint8Array,
  opts: PdfOptions,
  onPage: (res: PageResult) => void | Promise<void>,
  only?: number,
): Promise<void> {
  const s = resolvePdfSettings(opts.settings);
  opts.signal?.throwIfAborted();
  const opened = await openPdf(data, opts.file);
  try {
    const { doc } = opened;
    if (opts.maxPages !== undefined && doc.numPages > opts.maxPages) {
      throw new InputError('too_many_pages', `the PDF has ${doc.numPages} pages, over the limit of ${opts.maxPages}`, opts.file);
    }
    for (let p = 1; p <= doc.numPages; p++) {
      if (only !== undefined && p !== only) continue;
      opts.signal?.throwIfAborted();
      let res: PageResult;
      try {
        res = await readPage(doc, p, opts, s);
      } catch (err) {
        if (opts.signal?.aborted) throw opts.signal.reason;
        throw toInputError(err, opts.file);
      }
      await onPage(res);
    }
  } finally {
    await opened.close();
  }
}

type Doc = Awaited<ReturnType<typeof openPdf>>['doc'];

/** Hidden runs reported one by one, this many per page; then one line for the rest. */
const MAX_HIDDEN_REPORTS = 20;

/** `hidden_text` for each run left out (with its box), or `text_layer_over_image` for an OCR'd scan. */
function hiddenDiagnostics(hidden: readonly HiddenRun[], textLayer: boolean, page: number, file: string, toDisplay: (b: BBox) => BBox): Diagnostic[] {
  if (textLayer) {
    return [diagnostic('text_layer_over_image', `page ${page} is an image with an invisible text layer over it (an OCR'd scan): that layer was read as the page's text`, { file, page })];
  }
  const out = hidden.slice(0, MAX_HIDDEN_REPORTS).map((h) =>
    diagnostic('hidden_text', `page ${page}: text "${h.run.text.trim().slice(0, 40)}" is ${h.why === 'invisible' ? 'drawn invisible' : 'white on a white page'}: left out of the cells`, { file, page, bbox: toDisplay(h.run.bbox) }, { actual: h.run.text.trim().slice(0, 200) }),
  );
  if (hidden.length > MAX_HIDDEN_REPORTS) out.push(diagnostic('hidden_text', `page ${page}: ${hidden.length - MAX_HIDDEN_REPORTS} more hidden text run(s) left out`, { file, page }));
  return out;
}

async function readPage(doc: Doc, p: number, opts: PdfOptions, s: PdfSettings): Promise<PageResult> {
  const page = await doc.getPage(p);
  try {
    const rotation = ((page.rotate % 360) + 360) % 360;
    const display = page.getViewport({ scale: 1, rotation });
    const text = await page.getTextContent();
    const ops = await page.getOperatorList();
    const vt = (extra: number): Matrix => page.getViewport({ scale: 1, rotation: (rotation + extra) % 360 }).transform as unknown as Matrix;
    const frameRotation = text.items.length ? dominantTextRotation(text.items, vt) : 0;
    const toFrame = vt(frameRotation);
    // Frame → user space → display.
    const frameToDisplay = multiply(display.transform as unknown as Matrix, invert(toFrame));
    const toDisplay = frameRotation === 0 ? (b: BBox) => b : (b: BBox) => transformBox(frameToDisplay, b);
    const graphics = operatorListToGraphics(ops.fnArray, ops.argsArray, toFrame, s);
    const paints = graphics.clipped || graphics.unseen ? itemPaints(text.items, graphics.texts) : undefined;
    // Only text a reader can see goes into cells (issue 12): invisible or white-on-white text is reported.
    const { runs, hidden, textLayer } = separateHidden(textItemsToRuns(text.items, text.styles, toFrame, paints), graphics);
    // A page past PAGE_LIMITS (a 1000 × 1000 grid) is not laid out: it would hold the worker for minutes.
    const tooComplex = pageTooComplex(mergeRules(graphics.rules, s), runs.length, s);
    const layout = tooComplex ? { rules: [], tables: [], rows: [], mode: 'none' as const } : pageToLayout(p, runs, graphics.rules, s, opts.anchors, toDisplay);
    const diagnostics: Diagnostic[] = hiddenDiagnostics(hidden, textLayer, p, opts.file, toDisplay);
    if (tooComplex) diagnostics.push(diagnostic('page_too_complex', `page ${p} holds ${tooComplex}: it was not read`, { file: opts.file, page: p }));
    const hasText = runs.length > 0;
    if (!hasText && (graphics.images.length > 0 || graphics.paths > 0)) {
      diagnostics.push(
        diagnostic('ocr_required', `page ${p} has no text layer${graphics.images.length ? ' (it holds an image: a scan?)' : ''}; it needs OCR`, { file: opts.file, page: p }),
      );
    }
    if (layout.mode === 'stream') {
      diagnostics.push(diagnostic('stream_table', `page ${p} has no ruling lines: columns were inferred from text alignment`, { file: opts.file, page: p }));
    }
    const info: PdfPageInfo = {
      page: p,
      width: Math.round(display.width * 100) / 100,
      height: Math.round(display.height * 100) / 100,
      rotation,
      hasText,
      tables: layout.tables.length,
      mode: layout.mode,
    };
    return { info, layout, runs, graphics, toDisplay, frameRotation, diagnostics };
  } finally {
    page.cleanup();
  }
}
