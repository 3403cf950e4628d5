/**
 * Draws a page to pixels with pdf.js on @napi-rs/canvas (an optional dependency), for OCR and
 * for `inspect --png`. The page is drawn as displayed (its /Rotate applied) on white.
 */
import { createRequire } from 'node:module';
import type { PDFDocumentProxy } from './pdfjs.js';

interface NapiCanvas {
  getContext(kind: '2d'): {
    fillStyle: string;
    fillRect(x: number, y: number, w: number, h: number): void;
    getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray };
  };
}
interface NapiModule {
  createCanvas(w: number, h: number): NapiCanvas;
}

let napi: NapiModule | null | undefined;

/** The canvas package, or null when it is not installed. */
export function loadCanvas(): NapiModule | null {
  if (napi === undefined) {
    try {
      napi = createRequire(import.meta.url)('@napi-rs/canvas') as NapiModule;
    } catch {
      napi = null;
    }
  }
  return napi;
}

/** The canvas package is missing. */
export class CanvasUnavailable extends Error {
  override readonly name = 'CanvasUnavailable';
}

/** A page drawn to RGBA pixels. */
export interface RenderedPage {
  rgba: Uint8ClampedArray;
  width: number;
  height: number;
  /** Pixels per inch. */
  dpi: number;
}

/**
 * Given an open document (opened with `render: true`), draws page `p` at `dpi`. Throws when the
 * canvas package is missing.
 */
export async function renderPage(doc: PDFDocumentProxy, p: number, dpi: number): Promise<RenderedPage> {
  const mod = loadCanvas();
  if (!mod) throw new CanvasUnavailable('OCR is not installed: @napi-rs/canvas is missing, so pages cannot be drawn');
  const page = await doc.getPage(p);
  try {
    const viewport = page.getViewport({ scale: dpi / 72, rotation: page.rotate });
    const width = Math.ceil(viewport.width), height = Math.ceil(viewport.height);
    const canvas = mod.createCanvas(width, height);
    const ctx = canvas.getContext('2d');
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, width, height);
    await page.render({ canvas: canvas as unknown as HTMLCanvasElement, canvasContext: ctx as unknown as CanvasRenderingContext2D, viewport }).promise;
    return { rgba: ctx.getImageData(0, 0, width, height).data, width, height, dpi };
  } finally {
    page.cleanup();
  }
}
