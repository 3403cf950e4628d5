/**
 * What the benchmark's loop workers share: the task and reply shapes, the message loop that times
 * each task, and the pdf.js page walk (text content and operator list of every page, nothing else).
 * Imports nothing that loads pdf.js, so each worker decides how pdf.js is loaded.
 */
import { parentPort } from 'node:worker_threads';
import { signalReady } from '../batch/pool.js';
import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';

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

/** Reads every page of `doc` as a bare loop does: text content, operator list, cleanup; returns the page count. */
export async function walkPages(doc: PDFDocumentProxy): Promise<number> {
  for (let p = 1; p <= doc.numPages; p++) {
    const page = await doc.getPage(p);
    await page.getTextContent();
    await page.getOperatorList();
    page.cleanup();
  }
  return doc.numPages;
}

/** Answers every task posted to this worker with the pages `run` read and the time it took. */
export function serveLoop(run: (task: LoopTask) => Promise<number>): void {
  parentPort!.on('message', (task: LoopTask & { id: number }) => {
    void (async () => {
      const t = performance.now();
      let pages = 0;
      let error: string | undefined;
      try {
        pages = await run(task);
      } catch (e) {
        error = (e as Error).message;
      }
      const reply: LoopReply = { id: task.id, pages, ms: performance.now() - t, ...(error ? { error } : {}) };
      parentPort!.postMessage(reply);
    })();
  });
  signalReady(parentPort);
}
