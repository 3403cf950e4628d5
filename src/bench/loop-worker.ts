/**
 * Worker of the benchmark loops: given a PDF's bytes, does one of
 *   pdfjs   — pdf.js as ziping drives it (src/pdf/pdfjs.ts, `openPdf`), then getTextContent and
 *             getOperatorList of every page (the naive loop is bare-worker.ts);
 *   extract — the PDF layer (`extractPdf`): pdf.js plus rules, grid, rows;
 *   process — the whole per-file pipeline (`processFile`), no cache, no dataset.
 * and answers the page count and the time spent.
 */
import { parentPort } from 'node:worker_threads';
import { extractPdf } from '../pdf/index.js';
import { openPdf } from '../pdf/document.js';
import { processFile, STREAM_ANCHORS } from '../pipeline.js';
import { defaultSettings } from '../settings.js';

export type LoopMode = 'bare' | 'pdfjs' | 'extract' | 'process';

export interface LoopTask {
  mode: LoopMode;
  path: string;
  bytes: Uint8Array;
}

export interface LoopReply {
  id: number;
  pages: number;
  ms: number;
  error?: string;
}

async function pdfjs(bytes: Uint8Array, file: string): Promise<number> {
  const { doc, close } = await openPdf(bytes, file);
  try {
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      await page.getTextContent();
      await page.getOperatorList();
      page.cleanup();
    }
    return doc.numPages;
  } finally {
    await close();
  }
}

parentPort!.on('message', (task: LoopTask & { id: number }) => {
  void (async () => {
    const t = performance.now();
    let pages = 0;
    let error: string | undefined;
    try {
      if (task.mode === 'pdfjs') pages = await pdfjs(task.bytes, task.path);
      else if (task.mode === 'extract') pages = (await extractPdf(task.bytes, { file: task.path, anchors: STREAM_ANCHORS })).pages.length;
      else pages = (await processFile({ path: task.path, bytes: task.bytes }, defaultSettings)).entry.pages ?? 0;
    } catch (e) {
      error = (e as Error).message;
    }
    const reply: LoopReply = { id: task.id, pages, ms: performance.now() - t, ...(error ? { error } : {}) };
    parentPort!.postMessage(reply);
  })();
});
