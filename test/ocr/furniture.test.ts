/**
 * A page drawn for OCR (no text layer a table could come from) may show its page number in the
 * image: read by OCR, it is set aside as on a page with a text layer, never a table's row.
 */
import { describe, expect, test } from 'vitest';
import type { OcrLine, OcrPage } from '../../src/ocr/page.js';
import { scannedPageLayout } from '../../src/pdf/scanned-page.js';
import { DEFAULT_PDF_SETTINGS } from '../../src/pdf/settings.js';

/** An OCR line of `text` in a box of pixels, read with full confidence. */
const line = (text: string, box: [number, number, number, number]): OcrLine => ({
  text, box, confidence: 1, chars: Array.from(text).map(() => 1), seconds: [], alternatives: [],
});

/** A B5 page at 200 dpi (1386 × 1969 px). */
const page = (lines: OcrLine[]): OcrPage => ({ width: 1386, height: 1969, dpi: 200, skewDeg: 0, rules: [], lines, ms: { prepare: 0, detect: 0, recognize: 0 } });

describe('page numbers read by OCR', () => {
  test('a page with nothing but a seal and its footer 第3页 yields no row; the footer is furniture', () => {
    const out = scannedPageLayout(3, page([line('第3页', [638, 1870, 724, 1911])]), { ...DEFAULT_PDF_SETTINGS }, undefined);
    expect(out.layout.rows.flatMap((r) => r.cells.map((c) => c.text)).filter(Boolean)).toEqual([]);
    expect(out.furniture.map((f) => [f.kind, f.text])).toEqual([['page_number', '第3页']]);
  });
  test('a table\'s text in the body stays; only the footer goes', () => {
    const out = scannedPageLayout(2, page([line('评分等级', [200, 900, 330, 940]), line('优', [700, 900, 740, 940]), line('-2-', [670, 1880, 716, 1915])]), { ...DEFAULT_PDF_SETTINGS }, undefined);
    expect(out.layout.rows.flatMap((r) => r.cells.map((c) => c.text)).filter(Boolean)).toEqual(['评分等级', '优']);
    expect(out.furniture.map((f) => f.text)).toEqual(['-2-']);
  });
});
