/**
 * Hostile PDFs, generated (nothing big is committed): decompression bombs, invisible text, a scan
 * with an OCR text layer, huge ruled grids, documents of many pages.
 */
import { buildPdf, flate, pdfString, ref, type PageSpec } from './pdf-writer.js';
import { nestedZlibBomb, zlibBomb } from './deflate-bomb.js';

const MiB = 2 ** 20;

/** A one-page PDF whose content stream inflates to `inflatedMiB` MiB of spaces (one Flate layer, or two). */
export function bombPdf(inflatedMiB: number, nested = false): Buffer {
  const data = nested ? nestedZlibBomb(inflatedMiB * MiB) : zlibBomb(inflatedMiB * MiB);
  const filter = nested ? '/Filter [/FlateDecode /FlateDecode]' : '/Filter /FlateDecode';
  return buildPdf([{ content: [{ dict: filter, data }, flate('BT /Helv 12 Tf 72 720 Td (after the bomb) Tj ET')] }]);
}

/** A one-page PDF with an image XObject whose data inflates to `inflatedMiB` MiB (a square 8-bit gray image). */
export function imageBombPdf(inflatedMiB: number): Buffer {
  const side = Math.floor(Math.sqrt(inflatedMiB * MiB));
  const data = zlibBomb(inflatedMiB * MiB, 0);
  return buildPdf([{ content: 'q 500 0 0 700 40 70 cm /Im1 Do Q' }], (w) =>
    `/XObject << /Im1 ${ref(w.add({ dict: `/Type /XObject /Subtype /Image /Width ${side} /Height ${side} /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode`, data }))} >>`);
}

/** Rules of a ruled table: `rows` × `cols` cells of `w` × `h` pt from (x, top) in PDF coordinates. */
function grid(x: number, top: number, cols: number, rows: number, w: number, h: number): string {
  const out: string[] = ['0.5 w'];
  for (let r = 0; r <= rows; r++) out.push(`${x} ${top - r * h} m ${x + cols * w} ${top - r * h} l`);
  for (let c = 0; c <= cols; c++) out.push(`${x + c * w} ${top} m ${x + c * w} ${top - rows * h} l`);
  out.push('S');
  return out.join('\n');
}

/** Helvetica width of "1" (and of every digit), in text space units per point of font size. */
const DIGIT_WIDTH = 0.556;

/**
 * A 2 × 2 ruled table whose lower right cell prints "16.00", with a "1" drawn right before it in
 * the way `how` says: invisible (render mode 3; in its own text object or in the number's),
 * white on the white page, fully transparent, or (the control case) white on a dark cell, which a
 * reader does see.
 */
export function hiddenDigitPdf(how: 'invisible' | 'invisible-same-line' | 'white' | 'transparent' | 'white-on-dark' | 'none'): Buffer {
  const x = 100, top = 700, w = 150, h = 30, size = 10;
  const numX = x + w + 60, baseY = top - h - 20;
  const oneX = numX - DIGIT_WIDTH * size;
  const parts = [grid(x, top, 2, 2, w, h), `BT /Helv ${size} Tf ${x + 10} ${top - 20} Td (label) Tj ET`, `BT /Helv ${size} Tf ${x + w + 10} ${top - 20} Td (value) Tj ET`, `BT /Helv ${size} Tf ${x + 10} ${baseY} Td (score) Tj ET`];
  if (how === 'white-on-dark') parts.push(`q 0.2 g ${x + w + 1} ${top - 2 * h + 1} ${w - 2} ${h - 2} re f Q`);
  // In one text object, pdf.js joins the two into one item "116.00".
  if (how === 'invisible-same-line') parts.push(`BT /Helv ${size} Tf ${oneX} ${baseY} Td 3 Tr (1) Tj 0 Tr (16.00) Tj ET`);
  else parts.push(`BT /Helv ${size} Tf ${numX} ${baseY} Td (16.00) Tj ET`);
  if (how === 'invisible') parts.push(`BT 3 Tr /Helv ${size} Tf ${oneX} ${baseY} Td (1) Tj ET`);
  if (how === 'white' || how === 'white-on-dark') parts.push(`q 1 g BT /Helv ${size} Tf ${oneX} ${baseY} Td (1) Tj ET Q`);
  if (how === 'transparent') parts.push(`q /Clear gs BT /Helv ${size} Tf ${oneX} ${baseY} Td (1) Tj ET Q`);
  return buildPdf([{ content: parts.join('\n'), resources: '/ExtGState << /Clear << /ca 0 /CA 0 >> >>' }]);
}

/**
 * A scanned page as OCR software leaves it: one page-sized image, and the recognised text drawn
 * invisible (render mode 3) over it, here a small ruled-looking table's words.
 */
export function ocrLayerPdf(): Buffer {
  const side = 64;
  const pixels = Buffer.alloc(side * side, 0xff);
  for (let i = 0; i < side; i++) pixels[8 * side + i] = pixels[40 * side + i] = 0; // two dark lines
  const words = [[72, 760, 'label'], [300, 760, 'value'], [72, 730, 'score'], [300, 730, '16.00']] as const;
  const text = words.map(([x, y, s]) => `BT 3 Tr /Helv 10 Tf ${x} ${y} Td ${pdfString(s)} Tj ET`).join('\n');
  return buildPdf([{ content: `q 595 0 0 842 0 0 cm /Scan Do Q\n${text}` }], (w) =>
    `/XObject << /Scan ${ref(w.add({ dict: `/Type /XObject /Subtype /Image /Width ${side} /Height ${side} /ColorSpace /DeviceGray /BitsPerComponent 8`, data: pixels }))} >>`);
}

/**
 * A page holding an `n` × `n` ruled grid of `cellPt` cells (one stroked line per rule; the page
 * grows to fit), a digit in every `every`-th cell (none when 0).
 */
export function hugeGridPdf(n: number, every = 0, cellPt = 6): Buffer {
  const side = n * cellPt + 20;
  const top = side - 10;
  const parts = [grid(10, top, n, n, cellPt, cellPt)];
  if (every > 0) {
    const fs = cellPt * 0.6;
    for (let k = 0; k < n * n; k += every) {
      const r = Math.floor(k / n), c = k % n;
      parts.push(`BT /Helv ${fs.toFixed(2)} Tf ${(10 + c * cellPt + cellPt * 0.25).toFixed(2)} ${(top - (r + 1) * cellPt + cellPt * 0.25).toFixed(2)} Td (${k % 10}) Tj ET`);
    }
  }
  return buildPdf([{ content: [flate(parts.join('\n'))], width: side, height: side }]);
}

/** A document of `pages` tiny pages (a flat page tree), each with one line of text. */
export function manyPagesPdf(pages: number): Buffer {
  const specs: PageSpec[] = [];
  for (let p = 1; p <= pages; p++) specs.push({ content: `BT /Helv 8 Tf 20 20 Td (${p}) Tj ET`, width: 100, height: 50 });
  return buildPdf(specs);
}

/**
 * A one-page PDF of `width` × `height` pt holding only a "1" in Helvetica at (x, baseline) (PDF
 * coordinates), drawn `how`: to lay over a real form with `qpdf --overlay`, right before a number.
 */
export function digitOverlayPdf(width: number, height: number, x: number, baseline: number, size: number, how: 'invisible' | 'white'): Buffer {
  const draw = how === 'invisible' ? `BT 3 Tr /Helv ${size} Tf ${x} ${baseline} Td (1) Tj ET` : `q 1 g BT /Helv ${size} Tf ${x} ${baseline} Td (1) Tj ET Q`;
  return buildPdf([{ content: draw, width, height }]);
}

/** Width of a Helvetica digit at `size` pt. */
export function digitWidth(size: number): number {
  return DIGIT_WIDTH * size;
}
