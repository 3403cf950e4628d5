/**
 * Worker of the benchmark's naive baseline: pdfjs-dist as its documentation has Node use it
 * (getDocument with the CMap, standard-font and wasm directories and eval off, everything else at
 * its default), then getTextContent and getOperatorList of every page, nothing else. It loads
 * pdf.js directly, not through src/pdf/pdfjs.ts, so none of ziping's tuning reaches it.
 */
import { parentPort } from 'node:worker_threads';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { pdfjsAssetDirs } from '../pdf/assets.js';
import type { LoopReply, LoopTask } from './loop-worker.js';

async function bare(bytes: Uint8Array): Promise<number> {
  const task = getDocument({ data: bytes, ...pdfjsAssetDirs(), cMapPacked: true, isEvalSupported: false, verbosity: 0 });
  try {
    const doc = await task.promise;
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      await page.getTextContent();
      await page.getOperatorList();
      page.cleanup();
    }
    return doc.numPages;
  } finally {
    await task.destroy();
  }
}

parentPort!.on('message', (task: LoopTask & { id: number }) => {
  void (async () => {
    const t = performance.now();
    let pages = 0;
    let error: string | undefined;
    try {
      pages = await bare(task.bytes);
    } catch (e) {
      error = (e as Error).message;
    }
    const reply: LoopReply = { id: task.id, pages, ms: performance.now() - t, ...(error ? { error } : {}) };
    parentPort!.postMessage(reply);
  })();
});
