/**
 * The OCR layer below recognition, on pages drawn from real PDFs (no OCR models needed): the skew
 * of a turned page is found, and the ruling lines found in the pixels build the same grid, merged
 * cells included, as the PDF's vector rules do (grid.ts and page-rows.ts for both). Also the CTC
 * decoder, stray marks, and taking a red seal out of a colour scan.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { decodeCtc } from '../../src/ocr/ctc.js';
import { estimateSkew } from '../../src/ocr/deskew.js';
import { binarize, otsu, rgbaToGray, rotate } from '../../src/ocr/image.js';
import { dropStrayMarks, paperLevel } from '../../src/ocr/page.js';
import { findRules, ruleFindingAt } from '../../src/ocr/rules.js';
import { openPdf } from '../../src/pdf/document.js';
import type { Table } from '../../src/pdf/grid.js';
import { forEachPage, type PageResult } from '../../src/pdf/index.js';
import { pageToLayout } from '../../src/pdf/page-rows.js';
import { loadCanvas, renderPage } from '../../src/pdf/render.js';
import { DEFAULT_PDF_SETTINGS } from '../../src/pdf/settings.js';
import { DEV, ROOT } from '../helpers.js';

const DPI = 200;

async function drawn(file: string): Promise<{ gray: ReturnType<typeof rgbaToGray>; vector: PageResult }> {
  const data = new Uint8Array(readFileSync(file));
  const { doc, close } = await openPdf(data, path.basename(file), { render: true });
  const page = await renderPage(doc, 1, DPI).finally(close);
  let vector: PageResult | undefined;
  await forEachPage(data, { file: path.basename(file) }, (r) => { vector = r; }, 1);
  return { gray: rgbaToGray(page.rgba, page.width, page.height), vector: vector! };
}

/** The grid of a table as (row, col, rowSpan, colSpan) of each cell. */
const shape = (t: Table): string[] => t.cells.map((c) => `${c.row},${c.col},${c.rowSpan},${c.colSpan}`);

/**
 * The tables that the ruling lines found in the pixels give, laid out as a scanned page is
 * (page-rows.ts: rules merged, gaps that no text crosses closed, frames set aside), with the page's
 * own text standing in for what OCR would read.
 */
function gridFromPixels(gray: ReturnType<typeof rgbaToGray>, vector: PageResult): Table[] {
  const k = 72 / DPI;
  const { rules } = findRules(gray, paperLevel(gray), ruleFindingAt(DPI));
  const pt = rules.map((r) => ({ orient: r.orient, pos: r.pos * k, start: r.start * k, end: r.end * k }));
  return pageToLayout(1, vector.runs, pt, DEFAULT_PDF_SETTINGS, undefined, (b) => b).tables;
}

describe.skipIf(!loadCanvas())('scanned page geometry', () => {
  for (const file of [path.join(DEV, 'single_calc_01.pdf'), path.join(ROOT, 'test/fixtures/producers/chromium_bordered_01.pdf'), path.join(ROOT, 'test/fixtures/producers/writer_docx_01.pdf')]) {
    test(`${path.basename(file)}: ruling lines in the pixels give the vector grid, merged cells included`, async () => {
      const { gray, vector } = await drawn(file);
      const tables = gridFromPixels(gray, vector);
      expect(tables.map((t) => [t.ys.length, t.xs.length])).toEqual(vector.layout.tables.map((t) => [t.ys.length, t.xs.length]));
      tables.forEach((t, i) => {
        const v = vector.layout.tables[i]!;
        expect(shape(t)).toEqual(shape(v));
        t.xs.forEach((x, j) => expect(Math.abs(x - v.xs[j]!)).toBeLessThan(1.5));
        t.ys.forEach((y, j) => expect(Math.abs(y - v.ys[j]!)).toBeLessThan(1.5));
      });
    }, 60_000);
  }

  test('a page turned by 0.7° is found turned by 0.7°, and straightened gives the same grid', async () => {
    const { gray, vector } = await drawn(path.join(DEV, 'single_calc_01.pdf'));
    const turned = rotate(gray, 0.7);
    const skew = estimateSkew(turned, binarize(turned, otsu(turned)));
    expect(Math.abs(skew - 0.7)).toBeLessThanOrEqual(0.05);
    const straight = rotate(turned, -skew);
    expect(gridFromPixels(straight, vector).map(shape)).toEqual(vector.layout.tables.map(shape));
  }, 60_000);
});

describe('recognition helpers', () => {
  test('CTC: repeated classes collapse, blanks separate, each character keeps its confidence, other readings come from the beam', () => {
    const charset = ['', '1', '0', '.', '7'];
    // Steps: 1 1 _ 0 . 0 0 ; the "." is unsure (0.55) against a blank (0.45).
    const rows = [[0, 1, 0, 0, 0], [0.1, 0.9, 0, 0, 0], [1, 0, 0, 0, 0], [0, 0, 1, 0, 0], [0.45, 0, 0, 0.55, 0], [0, 0, 1, 0, 0], [0.2, 0, 0.8, 0, 0]];
    const probs = Float32Array.from(rows.flat());
    const d = decodeCtc(probs, 0, rows.length, charset.length, charset);
    expect(d.text).toBe('10.0');
    expect(d.chars).toEqual([1, 1, 0.55, 1].map((v) => Math.fround(v)));
    expect(d.alternatives[0]!.text).toBe('100');
    expect(d.alternatives[0]!.p).toBeCloseTo(0.45 / 0.55, 2);
  });

  test('a mark read with low confidence at either end of a line is a speck: dropped, the full reading kept as an alternative', () => {
    const line = dropStrayMarks({ text: '.9.00', box: [0, 0, 10, 10], confidence: 0.4, chars: [0.4, 0.99, 0.99, 0.99, 0.99], seconds: Array(5).fill({ char: '', p: 0 }), alternatives: [] });
    expect(line.text).toBe('9.00');
    expect(line.chars).toHaveLength(4);
    expect(line.alternatives[0]!.text).toBe('.9.00');
    // A sure full stop stays.
    expect(dropStrayMarks({ ...line, text: '完成。', chars: [0.99, 0.99, 0.98], alternatives: [] }).text).toBe('完成。');
  });

  test('a red seal is taken out; black text, also under the seal, stays dark', () => {
    const paper = [238, 238, 238], black = [40, 40, 40], seal = [214, 95, 105], textUnderSeal = [120, 50, 50];
    const px = [...Array(60).fill(paper), ...Array(60).fill(seal), black, textUnderSeal].flat().map((v, i) => (i % 3 === 2 ? [v, 255] : [v])).flat();
    const g = rgbaToGray(Uint8ClampedArray.from(px), px.length / 4, 1);
    expect(g.data[0]).toBe(238);
    expect(g.data[60]).toBe(255); // seal → paper
    expect(g.data[120]).toBeLessThan(60); // black text
    expect(g.data[121]).toBeLessThan(100); // text under the seal
  });
});
