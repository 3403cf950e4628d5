/**
 * How the PDF layer treats its input: encrypted, owner-protected, truncated and rotated PDFs,
 * page limits, scans, cancellation, and clean CJK text. The qpdf-derived fixtures are made by
 * `make-fixtures.sh` into a temporary folder; those tests are skipped when qpdf is missing.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { InputError } from '../../src/diagnostics.js';
import { extractPdf, type PdfExtraction } from '../../src/pdf/index.js';

const HERE = import.meta.dirname;
const BASE = path.join(HERE, '../fixtures/pdf-layer/single_calc_01.pdf');
const SCAN = path.join(HERE, '../fixtures/producers/scan_chromium_bordered_01.pdf');
const hasQpdf = (() => {
  try {
    execFileSync('qpdf', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

const read = (f: string) => new Uint8Array(readFileSync(f));
const texts = (x: PdfExtraction) => x.rows.map((r) => r.cells.map((c) => c.text));

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'resolved';
  } catch (err) {
    expect(err).toBeInstanceOf(InputError);
    return (err as InputError).code;
  }
}

let base: PdfExtraction;
beforeAll(async () => {
  base = await extractPdf(read(BASE), { file: 'single_calc_01.pdf' });
});

describe.skipIf(!hasQpdf)('qpdf-derived fixtures', () => {
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'ziping-pdf-'));
    execFileSync('sh', [path.join(HERE, 'make-fixtures.sh'), BASE, dir]);
  });
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('a PDF that needs a user password throws pdf_encrypted', async () => {
    expect(await codeOf(extractPdf(read(path.join(dir, 'encrypted-user.pdf')), { file: 'e.pdf' }))).toBe('pdf_encrypted');
  });

  test('a PDF with an owner password only opens and gives the same rows', async () => {
    const x = await extractPdf(read(path.join(dir, 'encrypted-owner.pdf')), { file: 'o.pdf' });
    expect(texts(x)).toEqual(texts(base));
  });

  test('a page turned by /Rotate 90 gives the same rows, boxes in the displayed page', async () => {
    const x = await extractPdf(read(path.join(dir, 'rotated-90.pdf')), { file: 'r.pdf' });
    expect(texts(x)).toEqual(texts(base));
    const [p] = x.pages;
    expect(p).toMatchObject({ rotation: 90, width: base.pages[0].height, height: base.pages[0].width, mode: 'lattice' });
    for (const row of x.rows) {
      for (const c of row.cells) {
        const [x0, top, x1, bottom] = c.bbox!;
        expect(x0 >= 0 && x1 <= p.width && top >= 0 && bottom <= p.height && x0 <= x1 && top <= bottom).toBe(true);
      }
    }
    // Turning the page clockwise moves the title (top of the form) to the right-hand side.
    const title = x.rows[0].cells[0].bbox!;
    expect(title[0]).toBeGreaterThan(p.width / 2);
  });
});

describe('input errors', () => {
  test('a truncated PDF throws pdf_invalid', async () => {
    const bytes = read(BASE);
    for (const frac of [0.3, 0.6, 0.95]) {
      expect(await codeOf(extractPdf(bytes.slice(0, Math.floor(bytes.length * frac)), { file: 't.pdf' }))).toBe('pdf_invalid');
    }
  });

  test('bytes that are not a PDF throw pdf_invalid', async () => {
    expect(await codeOf(extractPdf(new TextEncoder().encode('项目名称\t得分\n'), { file: 'x.pdf' }))).toBe('pdf_invalid');
    expect(await codeOf(extractPdf(new Uint8Array(0), { file: 'empty.pdf' }))).toBe('pdf_invalid');
    expect(await codeOf(extractPdf(new TextEncoder().encode('%PDF-1.7\n garbage'), { file: 'g.pdf' }))).toBe('pdf_invalid');
  });

  test('more pages than maxPages throws too_many_pages', async () => {
    expect(await codeOf(extractPdf(read(BASE), { file: 'p.pdf', maxPages: 0 }))).toBe('too_many_pages');
    await expect(extractPdf(read(BASE), { file: 'p.pdf', maxPages: 1 })).resolves.toBeTruthy();
  });

  test('an aborted signal rejects', async () => {
    const ac = new AbortController();
    ac.abort(new Error('stop'));
    await expect(extractPdf(read(BASE), { file: 'a.pdf', signal: ac.signal })).rejects.toThrow('stop');
  });

  test('the caller’s bytes are left usable', async () => {
    const bytes = read(BASE);
    await extractPdf(bytes, { file: 'b.pdf' });
    expect(bytes.byteLength).toBeGreaterThan(0);
    expect(new TextDecoder().decode(bytes.subarray(0, 5))).toBe('%PDF-');
  });
});

describe('pages and text', () => {
  test('page info and reading order', () => {
    expect(base.pages).toEqual([{ page: 1, width: 595.3, height: 841.89, rotation: 0, hasText: true, tables: 1, mode: 'lattice' }]);
    expect(base.rows[0].cells.map((c) => c.text)).toEqual(['财政项目支出绩效自我评价']);
    const tops = base.rows.map((r) => r.bbox![1]);
    expect([...tops].sort((a, b) => a - b)).toEqual(tops);
    expect(base.rows.every((r) => r.page === 1 && !r.breakBefore)).toBe(true);
  });

  test('CJK text decodes cleanly (no replacement, private-use or radical code points)', () => {
    const all = base.rows.flatMap((r) => r.cells.map((c) => c.text)).join('');
    expect(all).not.toMatch(/[\uFFFD\uE000-\uF8FF\u2E80-\u2FDF\uF900-\uFAFF]/u);
    expect(all).toContain('出租汽车行业服务质量考核专项');
    expect(all).toContain('项目资金（万元）');
    expect(all).toContain('其中：当年财政拨款');
  });

  test('merged cells: a start with its span, then aligned placeholders', () => {
    const rows = base.rows.map((r) => r.cells);
    const funds = rows.findIndex((cells) => cells[0]?.text === '项目资金（万元）');
    expect(rows[funds][0]).toMatchObject({ rowSpan: 5, merge: 'start', colSpan: 2 });
    for (let k = 1; k < 5; k++) {
      expect(rows[funds + k][0]).toMatchObject({ text: '', merge: 'continued', rowSpan: 1, colSpan: 2 });
      expect(rows[funds + k]).toHaveLength(rows[funds].length);
    }
  });

  test.skipIf(!existsSync(SCAN))('a page without a text layer reports ocr_required', async () => {
    const x = await extractPdf(read(SCAN), { file: 'scan.pdf' });
    expect(x.pages.every((p) => !p.hasText)).toBe(true);
    expect(x.rows).toEqual([]);
    expect(x.diagnostics.map((d) => [d.code, d.severity, d.location.page])).toEqual(x.pages.map((p) => ['ocr_required', 'warning', p.page]));
  });
});

const BORDERLESS = path.join(HERE, '../fixtures/producers/chromium_borderless_01.pdf');
describe.skipIf(!existsSync(BORDERLESS))('stream mode (no ruling lines)', () => {
  test('anchors give the header its columns and the page reports stream_table', async () => {
    const anchors = ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析'];
    const x = await extractPdf(read(BORDERLESS), { file: 'b.pdf', anchors });
    expect(x.pages[0]).toMatchObject({ mode: 'stream', tables: 0, hasText: true });
    expect(x.diagnostics.map((d) => [d.code, d.severity])).toContainEqual(['stream_table', 'info']);
    const header = x.rows.find((r) => r.cells.some((c) => c.text === '偏差原因分析'))!;
    // The wrapped 一级指/标 label is one cell.
    expect(header.cells.map((c) => c.text)).toEqual(anchors);
    const row = x.rows.find((r) => r.cells.some((c) => c.text === '审计项目完成率'))!;
    expect(row.cells.map((c) => c.text)).toEqual(['', '', '审计项目完成率', '=100.00(%)', '100.00(%)', '14.00', '14.00', '']);
  });
});
