/**
 * One glyph, two code points (issue 9): Chromium (Skia) writes the lowest code point that maps
 * to a glyph into the ToUnicode map — a Kangxi radical or a CJK Extension A character where
 * Noto CJK SC shares the glyph with a common ideograph — and the text it shaped into an
 * /ActualText span, which poppler reads and pdf.js does not. The cells must hold what a reader
 * sees; the code points of the file stay available as `raw`.
 *
 * The fixture is test/fixtures/glyphs/chromium_noto_sc.pdf, printed by Chromium from the HTML
 * beside it (Noto Sans CJK SC, as Debian's fonts-noto-cjk installs it).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { extractPdf } from '../../src/pdf/index.js';
import { normalizeCjk } from '../../src/pdf/normalize.js';

const FIXTURE = path.resolve(import.meta.dirname, '../fixtures/glyphs/chromium_noto_sc.pdf');

describe('glyphs shared by two code points', async () => {
  const x = await extractPdf(new Uint8Array(readFileSync(FIXTURE)), { file: 'chromium_noto_sc.pdf' });
  const cells = x.rows.flatMap((r) => r.cells);
  const cell = (text: string) => cells.find((c) => c.text === text);

  test('the cells hold what the page shows', () => {
    expect(cells.map((c) => c.text)).toEqual([
      '服务对象', '用户满意度', '门户网站访问户数',
      '物资采购', '胶囊采购量', '见贝车长页风飞马鱼鸟麦黄齿龙龟',
      '人员', '会员', '户籍人口',
    ]);
  });

  test('the code points of the file are kept as raw text', () => {
    expect(cell('用户满意度')?.raw).toBe('⽤⼾满意度');
    expect(cell('胶囊采购量')?.raw).toMatch(/^㬵/);
    expect(cell('门户网站访问户数')?.raw).toContain('⼾');
  });

  test('Kangxi DOOR is drawn 户 in simplified-Chinese fonts, not NFKC’s 戶', () => {
    expect(normalizeCjk('⼾籍')).toBe('户籍');
    expect(normalizeCjk('⾨')).toBe('門');
  });
});
