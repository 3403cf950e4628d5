/**
 * Debugging aids (`ziping inspect`): print the reconstructed grid of each page, or draw a page
 * with its rules in red and its cells in blue (after pdfplumber's `debug_tablefinder`).
 */
import { createRequire } from 'node:module';
import { writeFile } from 'node:fs/promises';
import type { BBox, Cell } from '../types.js';
import { openPdf } from './document.js';
import { forEachPage, type PageResult, type PdfOptions } from './index.js';
import { formHints } from './stream.js';

export interface InspectOptions extends Pick<PdfOptions, 'anchors' | 'cellLabels' | 'groupNames' | 'freeLines' | 'groupWords' | 'settings' | 'ocr'> {
  file: string;
  /** 1-based page; all pages when absent. */
  page?: number;
}

function cellLabel(c: Cell): string {
  let tag = '';
  if (c.merge === 'continued') tag += '^';
  if (c.rowSpan > 1) tag += `r${c.rowSpan}`;
  if (c.colSpan > 1) tag += `c${c.colSpan}`;
  const text = JSON.stringify(c.text.length > 40 ? c.text.slice(0, 39) + '…' : c.text);
  return tag ? `{${tag}}${text}` : text;
}

function fmtBox(b: BBox | undefined): string {
  return b ? `[${b.map((v) => v.toFixed(1)).join(', ')}]` : '';
}

/** Given a PDF, returns a text listing per page: size, mode, tables and each row's cells. */
export async function inspectPdf(data: Uint8Array, opts: InspectOptions): Promise<string> {
  const out: string[] = [];
  await forEachPage(
    data,
    { file: opts.file, anchors: opts.anchors, ...formHints(opts), settings: opts.settings, ...(opts.ocr ? { ocr: opts.ocr } : {}) },
    (res) => {
      const i = res.info;
      out.push(
        `page ${i.page}: ${i.width}×${i.height} pt, /Rotate ${i.rotation}` +
          (res.frameRotation ? `, text turned by ${res.frameRotation}°` : '') +
          `, ${i.hasText ? `${res.runs.length} text runs` : 'no text'}, ${res.layout.rules.length} rules, ` +
          `${i.tables} table(s), mode ${i.mode}` +
          (res.graphics.images.length ? `, ${res.graphics.images.length} image(s)` : ''),
      );
      res.layout.tables.forEach((t, k) => {
        out.push(`  table ${k + 1}: ${t.ys.length - 1} rows × ${t.xs.length - 1} columns, ${t.cells.length} cells, bbox ${fmtBox(t.bbox)}`);
      });
      for (const d of res.diagnostics) out.push(`  ${d.severity} ${d.code}: ${d.message}`);
      for (const row of res.layout.rows) {
        out.push(`  ${fmtBox(row.bbox)} [${row.cells.length}] ${row.cells.map(cellLabel).join(' | ')}`);
      }
    },
    opts.page,
  );
  return out.join('\n') + '\n';
}

export interface RenderOptions extends InspectOptions {
  page: number;
  outPath: string;
  /** Pixels per point (default 2). */
  scale?: number;
}

interface Ctx2D {
  fillStyle: string;
  strokeStyle: string;
  lineWidth: number;
  fillRect(x: number, y: number, w: number, h: number): void;
  strokeRect(x: number, y: number, w: number, h: number): void;
  beginPath(): void;
  moveTo(x: number, y: number): void;
  lineTo(x: number, y: number): void;
  stroke(): void;
  arc(x: number, y: number, r: number, a0: number, a1: number): void;
}

/**
 * Draws one page to a PNG: the page as pdf.js renders it (or a blank page when rendering
 * fails), rules in red, table cells in blue, text runs outlined in light grey.
 * > **Note**: needs `@napi-rs/canvas` (an optional dependency of pdfjs-dist).
 */
export async function renderInspectPng(data: Uint8Array, opts: RenderOptions): Promise<void> {
  const scale = opts.scale ?? 2;
  let result: PageResult | null = null;
  await forEachPage(data, { file: opts.file, anchors: opts.anchors, ...formHints(opts), settings: opts.settings, ...(opts.ocr ? { ocr: opts.ocr } : {}) }, (res) => { result = res; }, opts.page);
  const res = result as PageResult | null;
  if (!res) throw new RangeError(`page ${opts.page} is not in ${opts.file}`);
  const require = createRequire(import.meta.url);
  const napi = require('@napi-rs/canvas') as {
    createCanvas(w: number, h: number): { getContext(k: '2d'): Ctx2D; encode(f: 'png'): Promise<Buffer> };
  };
  const W = Math.ceil(res.info.width * scale), H = Math.ceil(res.info.height * scale);
  const canvas = napi.createCanvas(W, H);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, W, H);
  try {
    const opened = await openPdf(data, opts.file, { render: true });
    try {
      const page = await opened.doc.getPage(opts.page);
      const viewport = page.getViewport({ scale, rotation: page.rotate });
      await page.render({ canvas: canvas as unknown as HTMLCanvasElement, canvasContext: ctx as unknown as CanvasRenderingContext2D, viewport }).promise;
    } finally {
      await opened.close();
    }
  } catch {
    // Geometry alone is still worth a picture.
  }
  const box = (b: BBox) => [b[0] * scale, b[1] * scale, (b[2] - b[0]) * scale, (b[3] - b[1]) * scale] as const;
  ctx.strokeStyle = 'rgba(160,160,160,0.8)';
  ctx.lineWidth = 1;
  for (const r of res.runs) ctx.strokeRect(...box(res.toDisplay(r.bbox)));
  ctx.strokeStyle = 'rgba(0,90,255,0.9)';
  ctx.lineWidth = 2;
  for (const t of res.layout.tables) for (const c of t.cells) {
    const [x, y, w, h] = box(res.toDisplay(c.bbox));
    ctx.strokeRect(x + 2, y + 2, w - 4, h - 4);
  }
  ctx.strokeStyle = 'rgba(255,0,0,0.9)';
  ctx.lineWidth = 1.5;
  for (const r of res.layout.rules) {
    const b: BBox = r.orient === 'h' ? [r.start, r.pos, r.end, r.pos] : [r.pos, r.start, r.pos, r.end];
    const d = res.toDisplay(b);
    ctx.beginPath();
    ctx.moveTo(d[0] * scale, d[1] * scale);
    ctx.lineTo(d[2] * scale, d[3] * scale);
    ctx.stroke();
  }
  await writeFile(opts.outPath, await canvas.encode('png'));
}
