/**
 * Opening a PDF with pdf.js for untrusted input in Node: no eval, no system fonts, no network;
 * CMaps and standard fonts from the installed pdfjs-dist; embedded fonts into a sink unless the
 * page is to be drawn. pdf.js errors are turned into `InputError`s with a stable code.
 */
import { pdfjsAssetDirs } from './assets.js';
import { getDocument, type PDFDocumentLoadingTask, type PDFDocumentProxy } from './pdfjs.js';
import { InputError } from '../diagnostics.js';

/** A loading task and its document; `close()` releases both. */
export interface OpenedPdf {
  doc: PDFDocumentProxy;
  close(): Promise<void>;
}

/** How a document is opened. */
export interface OpenOptions {
  /**
   * The pages will be drawn (`page.render`), so pdf.js must build glyph outlines. Off (the
   * default), embedded fonts go to a font sink instead; see `fontSink`.
   */
  render?: boolean;
}

/**
 * Where pdf.js "loads" embedded fonts when nothing is drawn. With `disableFontFace` (pdf.js's
 * default in Node) its worker turns every glyph shown into a path for canvas drawing: a third of
 * the time on Chromium output, and garbage. Fonts enabled with an `ownerDocument` whose font set
 * accepts and drops them skip that; text content and operator lists are the same either way
 * (the evaluator reads `disableFontFace` only to decide whether to build those paths).
 */
function fontSink(): Document {
  const g = globalThis as { FontFace?: unknown };
  // pdf.js makes `new FontFace(name, data)`; Node has no FontFace, so a stand-in that loads at once.
  g.FontFace ??= class FontFace {
    readonly loaded: Promise<this>;
    constructor(readonly family: string) {
      this.loaded = Promise.resolve(this);
    }
    load(): Promise<this> {
      return this.loaded;
    }
  };
  const fonts = { add: (): void => undefined, delete: (): boolean => true };
  return { fonts } as unknown as Document;
}

/**
 * Given the bytes of a PDF, returns the opened document. Throws `InputError` with
 * `pdf_encrypted` (a user password is needed) or `pdf_invalid` (not a readable PDF).
 * > **Note**: pdf.js transfers the buffer it is given to its worker, so a copy is passed.
 */
export async function openPdf(data: Uint8Array, file: string, opts: OpenOptions = {}): Promise<OpenedPdf> {
  if (!hasPdfHeader(data)) throw new InputError('pdf_invalid', 'not a PDF: no %PDF- header', file);
  const dirs = pdfjsAssetDirs();
  const task: PDFDocumentLoadingTask = getDocument({
    data: data.slice(),
    ...dirs,
    cMapPacked: true,
    isEvalSupported: false,
    ...(opts.render ? { disableFontFace: true } : { disableFontFace: false, ownerDocument: fontSink() }),
    useSystemFonts: false,
    verbosity: 0,
    stopAtErrors: false,
    isOffscreenCanvasSupported: false,
    disableAutoFetch: true,
    disableStream: true,
  });
  try {
    const doc = await task.promise;
    return { doc, close: async () => { await task.destroy(); } };
  } catch (err) {
    await task.destroy().catch(() => undefined);
    throw toInputError(err, file);
  }
}

/** Maps a pdf.js failure to an `InputError`. */
export function toInputError(err: unknown, file: string): InputError {
  if (err instanceof InputError) return err;
  const name = (err as { name?: string })?.name ?? '';
  const message = (err as { message?: string })?.message ?? String(err);
  if (name === 'PasswordException') return new InputError('pdf_encrypted', `the PDF needs a password to open (${message})`, file);
  return new InputError('pdf_invalid', `the PDF could not be read: ${message}`, file);
}

/** True when "%PDF-" appears in the first KiB (readers accept leading junk up to there). */
function hasPdfHeader(data: Uint8Array): boolean {
  const head = Buffer.from(data.buffer, data.byteOffset, Math.min(data.byteLength, 1024)).toString('latin1');
  return head.includes('%PDF-');
}

/**
 * True when the file looks cut short: no "%%EOF" marker in its last 2 KiB. pdf.js rebuilds
 * the cross-reference table of such files and can return partial pages silently.
 */
export function looksTruncated(data: Uint8Array): boolean {
  const n = Math.min(data.byteLength, 2048);
  const tail = Buffer.from(data.buffer, data.byteOffset + data.byteLength - n, n).toString('latin1');
  return !tail.includes('%%EOF');
}
