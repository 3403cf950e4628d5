/**
 * `ziping inspect <file.pdf> [--page N] [--png DIR]`: prints the grid ziping reconstructed for each
 * table of a PDF and, with --png, draws each page (or page N) into DIR with rules (red) and cells
 * (blue) outlined.
 */
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from './cli-args.js';
import { InputError } from './diagnostics.js';
import { openPdf } from './pdf/document.js';
import { inspectPdf, renderInspectPng } from './pdf/inspect.js';
import { STREAM_HINTS } from './pipeline.js';
import { safeText } from './terminal.js';

export interface InspectArgs {
  file: string;
  /** 1-based page; every page when absent. */
  page?: number;
  /** Folder for the pictures. */
  png?: string;
}

/** Runs the inspect command; returns the exit code (1: the file cannot be read; 2: no such page). */
export async function inspectCommand(args: InspectArgs, write: (s: string) => void = (s) => process.stdout.write(s), warn: (s: string) => void = (s) => process.stderr.write(s)): Promise<number> {
  const { file, page, png } = args;
  let data: Uint8Array;
  try {
    data = new Uint8Array(await readFile(file));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    warn(`ziping inspect: ${safeText(file)}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder, not a PDF' : (e as Error).message}\n`);
    return 1;
  }
  const name = path.basename(file);
  let pages: number;
  try {
    const opened = await openPdf(data, name);
    pages = opened.doc.numPages;
    await opened.close();
  } catch (e) {
    warn(`ziping inspect: ${safeText(file)}: ${e instanceof InputError ? e.message : `cannot be read as a PDF (${(e as Error).message})`}\n`);
    return 1;
  }
  if (page !== undefined && page > pages) throw new UsageError(`--page ${page}: ${file} has ${pages} page(s)`);
  // Scanned pages are read by OCR, as `ingest` reads them (when it is installed).
  const { localOcr } = await import('./ocr/index.js');
  const ocr = localOcr('auto', 200);
  // Cell text comes from the file: escape what a terminal would run.
  write(safeText(await inspectPdf(data, { file: name, ...STREAM_HINTS, ocr, ...(page ? { page } : {}) })));
  if (png !== undefined) {
    await mkdir(png, { recursive: true });
    for (let p = page ?? 1; p <= (page ?? pages); p++) {
      const outPath = path.join(png, `${name.replace(/\.pdf$/i, '')}.page-${p}.png`);
      await renderInspectPng(data, { file: name, page: p, outPath, ...STREAM_HINTS, ocr });
      write(`wrote ${safeText(outPath)}\n`);
    }
  }
  return 0;
}
