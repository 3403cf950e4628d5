/**
 * `ziping inspect <file.pdf> [--page N] [--png [DIR]]`: prints the grid ziping reconstructed for each
 * table of a PDF and, with --png, draws each page with rules (red) and cells (blue) outlined.
 */
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from './cli-args.js';
import { inspectPdf, renderInspectPng } from './pdf/inspect.js';
import { STREAM_ANCHORS } from './pipeline.js';
import { safeText } from './terminal.js';

/** Runs the inspect command; returns the exit code. */
export async function inspectCommand(args: readonly string[], write: (s: string) => void = (s) => process.stdout.write(s)): Promise<number> {
  let file: string | undefined;
  let page: number | undefined;
  let png: string | undefined;
  let optionsEnd = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (optionsEnd) file = a;
    else if (a === '--') optionsEnd = true;
    else if (a === '--page') page = Number(args[++i]);
    else if (a === '--png') png = args[i + 1] && !args[i + 1]!.startsWith('-') && !/\.pdf$/i.test(args[i + 1]!) ? args[++i]! : '.';
    else if (a.startsWith('-')) throw new UsageError(`inspect: unknown option ${a}`);
    else file = a;
  }
  if (!file) throw new UsageError('usage: ziping inspect <file.pdf> [--page N] [--png [DIR]]');
  if (page !== undefined && (!Number.isInteger(page) || page < 1)) throw new UsageError('inspect: --page takes a page number from 1');
  const data = new Uint8Array(await readFile(file));
  const name = path.basename(file);
  // Cell text comes from the file: escape what a terminal would run.
  write(safeText(await inspectPdf(data, { file: name, anchors: STREAM_ANCHORS, ...(page ? { page } : {}) })));
  if (png !== undefined) {
    await mkdir(png, { recursive: true });
    const pages = page ? [page] : [...(await inspectPdf(data, { file: name, anchors: STREAM_ANCHORS })).matchAll(/^page (\d+)/gm)].map((m) => Number(m[1]));
    for (const p of pages.length ? pages : [1]) {
      const outPath = path.join(png, `${name.replace(/\.pdf$/i, '')}.page-${p}.png`);
      await renderInspectPng(data, { file: name, page: p, outPath, anchors: STREAM_ANCHORS });
      write(`wrote ${safeText(outPath)}\n`);
    }
  }
  return 0;
}
