/**
 * Issue 12, items 4 and 10 (PDF): only text a reader can see goes into a cell, hidden text is
 * reported with its box, an OCR'd scan keeps its invisible text layer; grids are built by sort and
 * sweep, and a page past the limits is reported instead of holding the worker.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { digitOverlayPdf, digitWidth, hiddenDigitPdf, hugeGridPdf, ocrLayerPdf } from '../../src/hostile/pdfs.js';
import { cellAt, mergeRules, rulesToTables } from '../../src/pdf/grid.js';
import { extractPdf, forEachPage } from '../../src/pdf/index.js';
import type { Rule } from '../../src/pdf/rules.js';
import { resolvePdfSettings } from '../../src/pdf/settings.js';
import { processFile } from '../../src/pipeline.js';
import { defaultSettings } from '../../src/settings.js';
import { PRODUCERS } from './helpers.js';

const texts = async (pdf: Buffer) => {
  const r = await extractPdf(new Uint8Array(pdf), { file: 'x.pdf' });
  return { rows: r.rows.map((row) => row.cells.map((c) => c.text)), diagnostics: r.diagnostics };
};

describe('hidden text', () => {
  test.each(['invisible', 'invisible-same-line', 'white', 'transparent'] as const)('a "1" drawn %s before 16.00 stays out of the cell and is reported with its box', async (how) => {
    const { rows, diagnostics } = await texts(hiddenDigitPdf(how));
    expect(rows).toEqual([['label', 'value'], ['score', '16.00']]);
    const hidden = diagnostics.filter((d) => d.code === 'hidden_text');
    expect(hidden).toHaveLength(1);
    expect(hidden[0]).toMatchObject({ severity: 'warning', actual: '1', location: { page: 1 } });
    // Its box: just left of the number, on its line (the number is at x = 310, in the lower row).
    const [x0, top, x1, bottom] = hidden[0]!.location.bbox!;
    expect(x1).toBeGreaterThan(300);
    expect(x0).toBeLessThan(310);
    expect(top).toBeGreaterThan(842 - 700 + 30);
    expect(bottom).toBeLessThan(842 - 700 + 60);
  });

  test('white text on a dark cell is seen, so it is read', async () => {
    const { rows, diagnostics } = await texts(hiddenDigitPdf('white-on-dark'));
    expect(rows).toEqual([['label', 'value'], ['score', '116.00']]);
    expect(diagnostics.map((d) => d.code)).not.toContain('hidden_text');
  });

  test('an OCR\'d scan: the invisible text over the page image is the page\'s text, and it says so', async () => {
    const { rows, diagnostics } = await texts(ocrLayerPdf());
    expect(rows).toEqual([['label', 'value'], ['score', '16.00']]);
    expect(diagnostics.map((d) => d.code)).toEqual(['text_layer_over_image']);
  });

  test.skipIf(spawnSync('qpdf', ['--version']).status !== 0)('a hidden "1" laid over a real form: the records are those of the clean file', async () => {
    const file = path.join(PRODUCERS, 'chromium_bordered_01.pdf');
    const clean = await processFile({ path: 'form.pdf', bytes: new Uint8Array(readFileSync(file)) }, defaultSettings);
    // The first indicator score printed as d.dd, and its run on the page.
    let target: { page: number; height: number; width: number; bbox: readonly number[]; size: number; text: string } | undefined;
    await forEachPage(new Uint8Array(readFileSync(file)), { file: 'form.pdf' }, (res) => {
      const run = res.runs.find((r) => /^\d\.\d\d$/.test(r.text.trim()));
      if (run && !target) target = { page: res.info.page, height: res.info.height, width: res.info.width, bbox: run.bbox, size: run.fontSize, text: run.text.trim() };
    });
    expect(target).toBeDefined();
    const t = target!;
    const dir = mkdtempSync(path.join(os.tmpdir(), 'ziping-hidden-'));
    for (const how of ['invisible', 'white'] as const) {
      // Baseline: a fifth of the font size above the run's bottom (the descent of the fixtures' fonts).
      const overlay = digitOverlayPdf(t.width, t.height, t.bbox[0]! - digitWidth(t.size), t.height - t.bbox[3]! + 0.2 * t.size, t.size, how);
      writeFileSync(path.join(dir, 'overlay.pdf'), overlay);
      execFileSync('qpdf', [file, '--overlay', path.join(dir, 'overlay.pdf'), `--to=${t.page}`, '--', path.join(dir, `${how}.pdf`)]);
      const res = await processFile({ path: 'form.pdf', bytes: new Uint8Array(readFileSync(path.join(dir, `${how}.pdf`))) }, defaultSettings);
      expect(res.records, how).toEqual(clean.records.map((r) => ({ ...r, source: { ...r.source, sha256: res.records[0]!.source.sha256 } })));
      const hidden = res.diagnostics.filter((d) => d.code === 'hidden_text');
      expect(hidden.map((d) => [d.actual, d.location.page]), how).toEqual([['1', t.page]]);
      expect(JSON.stringify(res.records)).not.toContain(`"1${t.text}"`);
    }
  }, 60_000);
});

describe('grids', () => {
  const s = resolvePdfSettings();

  test('merged cells come out of the sweep as a rule-by-rule check gives them, and every point lands in its cell', () => {
    // 3 columns × 4 rows of 20 × 10 pt; the rule between columns 1 and 2 is missing in row 1
    // (a cell spanning two columns), the rule under row 1 is missing in column 0 (two rows).
    const xs = [0, 20, 40, 60], ys = [0, 10, 20, 30, 40];
    const rules: Rule[] = [
      { orient: 'h', pos: 0, start: 0, end: 60 }, { orient: 'h', pos: 10, start: 0, end: 60 },
      { orient: 'h', pos: 20, start: 20, end: 60 }, { orient: 'h', pos: 30, start: 0, end: 60 }, { orient: 'h', pos: 40, start: 0, end: 60 },
      { orient: 'v', pos: 0, start: 0, end: 40 }, { orient: 'v', pos: 20, start: 0, end: 40 },
      { orient: 'v', pos: 40, start: 0, end: 10 }, { orient: 'v', pos: 40, start: 20, end: 40 }, { orient: 'v', pos: 60, start: 0, end: 40 },
    ];
    const [t] = rulesToTables(mergeRules(rules, s), s);
    expect(t!.xs).toEqual(xs);
    expect(t!.ys).toEqual(ys);
    expect(t!.cells.map((c) => [c.row, c.col, c.rowSpan, c.colSpan])).toEqual([
      [0, 0, 1, 1], [0, 1, 1, 1], [0, 2, 1, 1],
      [1, 0, 2, 1], [1, 1, 1, 2],
      [2, 1, 1, 1], [2, 2, 1, 1],
      [3, 0, 1, 1], [3, 1, 1, 1], [3, 2, 1, 1],
    ]);
    // The first cell of the fewest grid positions among those whose box holds the point.
    const linear = (x: number, y: number) => {
      const holds = t!.cells.map((c, i) => ({ c, i })).filter(({ c }) => x >= c.bbox[0] && x <= c.bbox[2] && y >= c.bbox[1] && y <= c.bbox[3]);
      return holds.length ? holds.reduce((a, b) => (b.c.rowSpan * b.c.colSpan < a.c.rowSpan * a.c.colSpan ? b : a)).i : -1;
    };
    for (let x = 1; x < 60; x += 2) for (let y = 1; y < 40; y += 2) expect(cellAt(t!, x, y)).toBe(linear(x, y));
    expect(cellAt(t!, -5, 5)).toBe(-1);
  });

  test('a 200 × 200 grid with text in every third cell: every digit in its cell', async () => {
    const r = await extractPdf(new Uint8Array(hugeGridPdf(200, 3)), { file: 'grid.pdf' });
    expect(r.rows).toHaveLength(200);
    expect(r.rows.every((row) => row.cells.length === 200)).toBe(true);
    for (const [ri, row] of r.rows.entries()) {
      row.cells.forEach((c, ci) => {
        const k = ri * 200 + ci;
        expect(c.text).toBe(k % 3 === 0 ? String(k % 10) : '');
      });
    }
  }, 60_000);

  test('a page ruled 1000 × 1000 is reported as too complex, not laid out', async () => {
    const r = await extractPdf(new Uint8Array(hugeGridPdf(1000)), { file: 'grid.pdf' });
    expect(r.diagnostics.find((d) => d.code === 'page_too_complex')?.message).toMatch(/page 1 holds a ruled grid of up to 1000000 cells \(limit 100000\)/);
    expect(r.rows).toEqual([]);
  }, 60_000);
});
