/**
 * The OCR layer: a drawn page → ruling lines and text lines (page.ts), on PaddleOCR PP-OCRv4 models
 * run by onnxruntime (runtime.ts), both optional dependencies. `localOcr` gives the PDF layer a
 * reader that runs in this thread; `ocrInstalled` tells, without loading anything, whether the
 * packages are there. Knows nothing of the form.
 */
import { createRequire } from 'node:module';
import type { PageOcr } from '../pdf/scanned-page.js';
import { readPageImage } from './page.js';
import { loadRuntime, OCR_PACKAGES } from './runtime.js';

export { OcrUnavailable, OCR_PACKAGES, loadRuntime } from './runtime.js';
export type { OcrPage, OcrLine } from './page.js';

/** Whether the OCR packages can be found (they are not loaded). */
export function ocrInstalled(): boolean {
  const req = createRequire(import.meta.url);
  try {
    req.resolve(OCR_PACKAGES[0]);
    // The models package exports only its ./node entry.
    req.resolve(`${OCR_PACKAGES[1]}/node`);
    return true;
  } catch {
    return false;
  }
}

/**
 * A page reader that runs OCR in this thread (the models are loaded on the first page).
 * `threads`: the engine's threads (default: every core).
 */
export function localOcr(mode: 'auto' | 'force', dpi: number, threads?: number): PageOcr {
  const reader: PageOcr = {
    mode,
    dpi,
    read: async (page) => {
      const rt = await loadRuntime(threads);
      reader.engine = rt.engine;
      return readPageImage(rt, page.rgba, page.width, page.height, page.dpi);
    },
  };
  return reader;
}
