/**
 * Worker of the benchmark's naive baseline: pdfjs-dist as its documentation has Node use it
 * (getDocument with the CMap, standard-font and wasm directories and eval off, everything else at
 * its default), then getTextContent and getOperatorList of every page, nothing else. It loads
 * pdf.js directly, not through src/pdf/pdfjs.ts, so none of ziping's tuning reaches it.
 */
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { pdfjsAssetDirs } from '../pdf/assets.js';
import { serveLoop, walkPages } from './loop-serve.js';

serveLoop(async ({ bytes }) => {
  const task = getDocument({ data: bytes, ...pdfjsAssetDirs(), cMapPacked: true, isEvalSupported: false, verbosity: 0 });
  try {
    return await walkPages(await task.promise);
  } finally {
    await task.destroy();
  }
});
