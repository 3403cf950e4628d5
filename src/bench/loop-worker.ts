/**
 * Worker of the benchmark loops: given a PDF's bytes, does one of
 *   pdfjs   — pdf.js as ziping drives it (src/pdf/pdfjs.ts, `openPdf`), then getTextContent and
 *             getOperatorList of every page (the naive loop is bare-worker.ts);
 *   extract — the PDF layer (`extractPdf`): pdf.js plus rules, grid, rows;
 *   process — the whole per-file pipeline (`processFile`), no cache, no dataset.
 * and answers the page count and the time spent.
 */
import { openPdf } from '../pdf/document.js';
import { extractPdf } from '../pdf/index.js';
import { processFile, STREAM_HINTS } from '../pipeline.js';
import { defaultSettings } from '../settings.js';
import { serveLoop, walkPages } from './loop-serve.js';

serveLoop(async (task) => {
  if (task.mode === 'pdfjs') {
    const { doc, close } = await openPdf(task.bytes, task.path);
    try {
      return await walkPages(doc);
    } finally {
      await close();
    }
  }
  if (task.mode === 'extract') return (await extractPdf(task.bytes, { file: task.path, ...STREAM_HINTS })).pages.length;
  return (await processFile({ path: task.path, bytes: task.bytes }, defaultSettings)).entry.pages ?? 0;
});
