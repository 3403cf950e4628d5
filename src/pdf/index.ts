/**
 * The PDF layer: given the bytes of a PDF, returns every row of the document in reading order
 * (table rows with their cells, and lines of text outside tables), page information and
 * diagnostics. It knows geometry only, never the words of the form.
 */
import { diagnostic, InputError, type Diagnostic } from '../diagnostics.js';
import type { BBox, Row } from '../types.js';
import { looksTruncated, openPdf, toInputError, type OpenedPdf } from './document.js';
import { invert, multiply, transformBox, type Matrix } from './geometry.js';
import { mergeRules, pageTooComplex } from './grid.js';
import { pageToLayout, type PageLayout } from './page-rows.js';
import { operatorListToGraphics, type PageGraphics } from './rules.js';
import { readScannedPage, OcrDeferred, type PageOcr } from './scanned-page.js';
import { resolvePdfSettings, type PdfSettings } from './settings.js';
import { splitFurniture, type MarginMemory } from './furniture.js';
import { findSideJoins, glueSidePages, mapCellsBack, shiftRules, type SideJoin } from './side-pages.js';
import { stitchPageBreak } from './stitch.js';
import { formHints, type AlignVotes, type GroupWords, type StreamCarry } from './stream.js';
import { dominantTextRotation, itemPaints, separateHidden, textItemsToRuns, type HiddenRun, type TextRun } from './text-runs.js';

export { normalizeCjk } from './normalize.js';
export type { PdfSettings } from './settings.js';
export type { GroupWords } from './stream.js';
export { DEFAULT_PDF_SETTINGS } from './settings.js';
export { OcrDeferred, type PageOcr } from './scanned-page.js';

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
  /** Set when the page was read by OCR (or OCR was wanted and could not run: `error`). */
  ocr?: PageOcrInfo;
}

/** How OCR went on one page. */
export type PageOcrInfo =
  | { read: true; skewDeg: number; lines: number; meanConfidence: number; ms: number }
  | { read: false; error: string; unavailable: boolean };

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
  /** Texts that are a cell of their own (row labels): on pages without ruling lines, what follows one begins a cell. */
  cellLabels?: readonly string[];
  /** Names that row labels print whole (row groups, rows): on pages without ruling lines, one is no wrapped label's first line. */
  groupNames?: readonly string[];
  /** Beginnings of lines that are no part of any table (signature lines): on pages without ruling lines, such a line stands alone. */
  freeLines?: readonly string[];
  /** Words of a row's name that say its groups: on pages without ruling lines, they settle where labels fit two placements. */
  groupWords?: readonly GroupWords[];
  signal?: AbortSignal;
  /** Overrides of the geometry tolerances. */
  settings?: Partial<PdfSettings>;
  /** Reads pages without a text layer (or every page, `force`); without it they are reported `ocr_required`. */
  ocr?: PageOcr;
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
  /** Set on a page that prints the columns right of page `sideOf`'s: its text was read with that page. */
  sideOf?: number;
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
    if (res.sideOf !== undefined) return;
    if (prev) stitchPageBreak(prev.rows, res.layout.rows, prev.height, opts.cellLabels, opts.groupNames);
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
  // Scanned pages are drawn from a second copy opened for drawing (glyph outlines built), on demand.
  let forDrawing: Promise<OpenedPdf> | undefined;
  const drawable = (): Promise<OpenedPdf> => (forDrawing ??= openPdf(data, opts.file, { render: true }));
  try {
    const { doc } = opened;
    if (opts.maxPages !== undefined && doc.numPages > opts.maxPages) {
      throw new InputError('too_many_pages', `the PDF has ${doc.numPages} pages, over the limit of ${opts.maxPages}`, opts.file);
    }
    // Columns of a rule-less table running on at the foot of the previous page.
    let carry: StreamCarry | null = null;
    let pitchEm: number | undefined;
    let alignVotes: AlignVotes | undefined;
    // Column edges of the ruled table the page before ended with.
    let priorGrid: readonly number[] | undefined;
    // Lines of the pages' margins, to know a running header or footer when it comes again.
    const margins: MarginMemory = [];
    // Every page's content first, to find pages that print another page's columns on the right.
    const contents = new Map<number, PageContent>();
    let joins: SideJoin[] = [];
    if (only === undefined && doc.numPages > 1) {
      try {
        for (let p = 1; p <= doc.numPages; p++) {
          opts.signal?.throwIfAborted();
          contents.set(p, await loadPage(doc, p, s));
        }
      } catch (err) {
        if (opts.signal?.aborted) throw opts.signal.reason;
        throw toInputError(err, opts.file);
      }
      joins = findSideJoins([...contents].filter(([, c]) => c.frameRotation === 0).map(([page, c]) => ({ page, width: c.frameWidth, height: c.frameHeight, runs: c.visible.runs, drawn: c.drawn })));
    }
    for (let p = 1; p <= doc.numPages; p++) {
      if (only !== undefined && p !== only) continue;
      opts.signal?.throwIfAborted();
      let res: PageResult;
      try {
        const side = joins.find((j) => j.page === p);
        if (side) {
          const own = contents.get(p)!;
          contents.delete(p);
          await onPage(sidePageResult(own, p, side, opts.file, { carry, pitchEm, alignVotes }));
          continue;
        }
        const content = contents.get(p) ?? (await loadPage(doc, p, s));
        contents.delete(p);
        const sides = joins.filter((j) => j.into === p).map((j) => ({ join: j, content: contents.get(j.page)! }));
        res = await readPage(content, p, opts, s, { carry, ...(pitchEm !== undefined ? { pitchEm } : {}), ...(alignVotes ? { alignVotes } : {}), ...(priorGrid ? { priorGrid } : {}) }, drawable, margins, sides);
        carry = res.layout.carry;
        pitchEm = res.layout.pitchEm;
        alignVotes = res.layout.alignVotes ?? alignVotes;
        priorGrid = res.layout.lastGrid;
      } catch (err) {
        if (opts.signal?.aborted) throw opts.signal.reason;
        if (err instanceof OcrDeferred) {
          err.pages = doc.numPages;
          throw err;
        }
        throw toInputError(err, opts.file);
      }
      await onPage(res);
    }
  } finally {
    await opened.close();
    if (forDrawing) await (await forDrawing.catch(() => null))?.close();
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

/** What a page holds before it is laid out: its visible text and graphics in the reading frame. */
interface PageContent {
  rotation: number;
  display: { width: number; height: number };
  frameRotation: number;
  frameWidth: number;
  frameHeight: number;
  toDisplay: (b: BBox) => BBox;
  graphics: PageGraphics;
  visible: ReturnType<typeof separateHidden>;
  /** Every run drawn, text clipped away included (`side-pages`). */
  drawn: readonly TextRun[];
}

async function loadPage(doc: Doc, p: number, s: PdfSettings): Promise<PageContent> {
  const page = await doc.getPage(p);
  try {
    const rotation = ((page.rotate % 360) + 360) % 360;
    const display = page.getViewport({ scale: 1, rotation });
    const text = await page.getTextContent({ includeMarkedContent: true });
    const ops = await page.getOperatorList();
    const vt = (extra: number): Matrix => page.getViewport({ scale: 1, rotation: (rotation + extra) % 360 }).transform as unknown as Matrix;
    const frameRotation = text.items.length ? dominantTextRotation(text.items, vt) : 0;
    const toFrame = vt(frameRotation);
    // Frame → user space → display.
    const frameToDisplay = multiply(display.transform as unknown as Matrix, invert(toFrame));
    const toDisplay = frameRotation === 0 ? (b: BBox) => b : (b: BBox) => transformBox(frameToDisplay, b);
    const graphics = operatorListToGraphics(ops.fnArray, ops.argsArray, toFrame, s, frameRotation % 180 === 0 ? display : { width: display.height, height: display.width });
    // Clips (text a producer clipped away) and paints (text drawn invisible, transparent or white).
    const paints = graphics.clipped || graphics.unseen ? itemPaints(text.items, graphics.texts) : undefined;
    const frameWidth = frameRotation % 180 === 0 ? display.width : display.height;
    const frameHeight = frameRotation % 180 === 0 ? display.height : display.width;
    // Only text a reader can see goes into cells (issue 12): invisible or white-on-white text is reported.
    const runs = textItemsToRuns(text.items, text.styles, toFrame, paints);
    const visible = separateHidden(runs, graphics);
    const drawn = graphics.clipped ? textItemsToRuns(text.items, text.styles, toFrame) : runs;
    return { rotation, display: { width: display.width, height: display.height }, frameRotation, frameWidth, frameHeight, toDisplay, graphics, visible, drawn };
  } finally {
    page.cleanup();
  }
}

/** A page read with the page whose columns it goes on: no rows of its own. */
function sidePageResult(c: PageContent, p: number, join: SideJoin, file: string, stream: { carry: StreamCarry | null; pitchEm: number | undefined; alignVotes: AlignVotes | undefined }): PageResult {
  const info: PdfPageInfo = { page: p, width: Math.round(c.display.width * 100) / 100, height: Math.round(c.display.height * 100) / 100, rotation: c.rotation, hasText: true, tables: 0, mode: 'none' };
  const layout: PageLayout = { rules: [], tables: [], rows: [], mode: 'none', carry: stream.carry, pitchEm: stream.pitchEm, ...(stream.alignVotes ? { alignVotes: stream.alignVotes } : {}) };
  const diagnostics = [
    diagnostic('side_page', `page ${p} prints the columns right of page ${join.into}'s (a sheet wider than the paper, printed down then across; ${join.twins} texts drawn on both show where): it was read with page ${join.into}`, { file, page: p }),
  ];
  return { info, layout, runs: [], graphics: c.graphics, toDisplay: c.toDisplay, frameRotation: c.frameRotation, diagnostics, sideOf: join.into };
}

async function readPage(
  content: PageContent,
  p: number,
  opts: PdfOptions,
  s: PdfSettings,
  stream: { carry: StreamCarry | null; pitchEm?: number; alignVotes?: AlignVotes; priorGrid?: readonly number[] },
  drawable: () => Promise<OpenedPdf>,
  margins?: MarginMemory,
  sides: ReadonlyArray<{ join: SideJoin; content: PageContent }> = [],
): Promise<PageResult> {
  const { rotation, display, frameRotation, toDisplay, graphics, visible, frameHeight } = content;
  let { frameWidth } = content;
  // Page numbers and slanted text (watermarks, seal rings) are never table cells.
  const split = splitFurniture(visible.runs, frameHeight, s, margins, graphics.rules);
  let { furniture } = split;
  let ocrFurniture: typeof furniture = [];
  let runs = split.content;
  // The pages that print this page's columns on the right go on its right (each without its
  // page number, and without its copies of texts drawn on both).
  let glued: ReturnType<typeof glueSidePages> | null = null;
  if (sides.length) {
    const parts = sides.map(({ join, content: c }) => {
      const own = splitFurniture(c.visible.runs, c.frameHeight, s, undefined, c.graphics.rules);
      furniture = [...furniture, ...own.furniture];
      graphics.rules = [...graphics.rules, ...shiftRules(c.graphics.rules, join.dx)];
      frameWidth = Math.max(frameWidth, c.frameWidth + join.dx);
      return { page: join.page, dx: join.dx, runs: own.content };
    });
    glued = glueSidePages(runs, parts);
    runs = glued.runs;
  }
  // A page past PAGE_LIMITS (a 1000 × 1000 grid) is not laid out: it would hold the worker for minutes.
  const tooComplex = pageTooComplex(mergeRules(graphics.rules, s), runs.length, s);
  let layout: PageLayout = tooComplex
    ? { rules: [], tables: [], rows: [], mode: 'none', carry: null, pitchEm: stream.pitchEm, ...(stream.alignVotes ? { alignVotes: stream.alignVotes } : {}) }
    : pageToLayout(p, runs, graphics.rules, s, opts.anchors, toDisplay, { ...stream, pageWidth: frameWidth, ...formHints(opts) });
  const diagnostics: Diagnostic[] = hiddenDiagnostics(visible.hidden, visible.textLayer, p, opts.file, toDisplay);
  if (tooComplex) diagnostics.push(diagnostic('page_too_complex', `page ${p} holds ${tooComplex}: it was not read`, { file: opts.file, page: p }));
  const hasText = runs.length > 0;
  const drawn = graphics.images.length > 0 || graphics.paths > 0;
  // A scan is an image; text turned into outlines is many paths. A page with a few lines and
  // no text (a table's empty end) is no reason to run OCR. Nor is a page whose text layer holds
  // only page furniture, with no image of a quarter of the page or more (a running header over a
  // seal).
  const pageArea = frameWidth * frameHeight;
  const large = graphics.images.some((b) => (b[2] - b[0]) * (b[3] - b[1]) >= 0.25 * pageArea);
  const scanLike = visible.runs.length > 0 ? large : graphics.images.length > 0 || graphics.paths >= 50;
  let ocrInfo: PageOcrInfo | undefined;
  let shownBy = toDisplay;
  // (A page too complex to lay out is not drawn for OCR either: it is no scan, and drawing it costs as much.)
  if (opts.ocr && !tooComplex && (opts.ocr.mode === 'force' ? hasText || drawn : !hasText && scanLike)) {
    const scanned = await readScannedPage((await drawable()).doc, p, opts.ocr, s, opts.anchors, { ...stream, pageWidth: display.width, ...formHints(opts) });
    if ('layout' in scanned) {
      ({ layout, runs } = scanned);
      ocrFurniture = scanned.furniture;
      graphics.rules = scanned.rules;
      shownBy = scanned.toDisplay;
      ocrInfo = scanned.info;
      diagnostics.push(diagnostic('ocr_read', `page ${p} was read by OCR: ${scanned.info.lines} text line(s), mean confidence ${scanned.info.meanConfidence}, skew ${scanned.info.skewDeg}° undone`, { file: opts.file, page: p }));
    } else {
      ocrInfo = { read: false, error: scanned.error, unavailable: scanned.unavailable };
      diagnostics.push(diagnostic('ocr_required', `page ${p}${hasText ? '' : ' has no text layer and'} was not read by OCR: ${scanned.error}`, { file: opts.file, page: p }));
    }
  } else if (!hasText && drawn) {
    diagnostics.push(
      diagnostic('ocr_required', `page ${p} has no text layer${graphics.images.length ? ' (it holds an image: a scan?)' : ''}; it needs OCR`, { file: opts.file, page: p }),
    );
  }
  // (An OCR'd page's layout comes from its image, not from the text layer the furniture was found in.)
  if (ocrInfo?.read) furniture = ocrFurniture;
  if (glued) mapCellsBack(layout.rows, glued.parts);
  if (furniture.length) {
    const what = furniture.map((f) => (f.kind === 'page_number' ? `page number "${f.text}"` : f.kind === 'running_text' ? `running header/footer "${f.text.slice(0, 20)}"` : `slanted text "${f.text.slice(0, 20)}"`)).join(', ');
    diagnostics.push(diagnostic('page_furniture', `page ${p}: ${what} set aside (not part of any table)`, { file: opts.file, page: p, bbox: (ocrInfo?.read ? shownBy : toDisplay)(furniture[0].bbox) }));
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
    ...(ocrInfo ? { ocr: ocrInfo } : {}),
  };
  return { info, layout, runs, graphics, toDisplay: shownBy, frameRotation, diagnostics };
}
