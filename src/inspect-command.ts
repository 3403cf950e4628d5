/**
 * `ziping inspect <file.pdf> [--page N] [--png [DIR]]`: prints the grid ziping reconstructed for each
 * table of a PDF and, with --png, draws each page with rules (red) and cells (blue) outlined.
 */
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { inspectPdf, renderInspectPng } from './pdf/inspect.js';
import { STREAM_ANCHORS } from './pipeline.js';

/** Runs the inspect command; returns the exit code. */
export async function inspectCommand(args: readonly string[], write: (s: string) => void = (s) => process.stdout.write(s)): Promise<number> {
  let file: string | undefined;
  let page: number | undefined;
  let png: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--page') page = Number(args[++i]);
    else if (a === '--png') png = args[i + 1] && !args[i + 1]!.startsWith('-') && !/\.pdf$/i.test(args[i + 1]!) ? args[++i]! : '.';
    else if (a.startsWith('-')) throw new Error(`inspect: unknown option ${a}`);
    else file = a;
  }
  if (!file) throw new Error('usage: ziping inspect <file.pdf> [--page N] [--png [DIR]]');
  if (page !== undefined && (!Number.isInteger(page) || page < 1)) throw new Error('inspect: --page takes a page number from 1');
  const data = new Uint8Array(await readFile(file));
  const name = path.basename(file);
  // Scanned pages are read by OCR, as `ingest` reads them (when it is installed).
  const { localOcr } = await import('./ocr/index.js');
  const ocr = localOcr('auto', 200);
  write(await inspectPdf(data, { file: name, anchors: STREAM_ANCHORS, ocr, ...(page ? { page } : {}) }));
  if (png !== undefined) {
    await mkdir(png, { recursive: true });
    const pages = page ? [page] : [...(await inspectPdf(data, { file: name, anchors: STREAM_ANCHORS, ocr })).matchAll(/^page (\d+)/gm)].map((m) => Number(m[1]));
    for (const p of pages.length ? pages : [1]) {
      const outPath = path.join(png, `${name.replace(/\.pdf$/i, '')}.page-${p}.png`);
      await renderInspectPng(data, { file: name, page: p, outPath, anchors: STREAM_ANCHORS, ocr });
      write(`wrote ${outPath}\n`);
    }
  }
  return 0;
}
