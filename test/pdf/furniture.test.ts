/**
 * Page furniture: what is printed in a page's margins and belongs to no table.
 */
import { describe, expect, test } from 'vitest';
import { splitFurniture, type MarginMemory } from '../../src/pdf/furniture.js';
import { DEFAULT_PDF_SETTINGS } from '../../src/pdf/settings.js';
import type { TextRun } from '../../src/pdf/text-runs.js';

const H = 842;
const run = (text: string, x: number, top: number, size = 9): TextRun => ({ text, bbox: [x, top, x + size * [...text].length, top + size], fontSize: size, angle: 0 });
/** A page: what its margins hold, then table text below. */
const page = (margin: TextRun[]): TextRun[] => [
  ...margin,
  ...Array.from({ length: 20 }, (_, i) => run(`第${i}行的文字`, 60, 120 + 20 * i)),
];
const texts = (runs: readonly TextRun[]): string[] => runs.map((r) => r.text);

describe('running headers and footers', () => {
  test('a line repeated at the same place in the top margin of a later page is set aside there', () => {
    const memory: MarginMemory = [];
    const header = (): TextRun => run('上海市农业农村委员会2023年度项目支出绩效自评结果', 120, 30);
    const first = splitFurniture(page([header()]), H, DEFAULT_PDF_SETTINGS, memory);
    expect(texts(first.content)).toContain('上海市农业农村委员会2023年度项目支出绩效自评结果');
    const second = splitFurniture(page([header()]), H, DEFAULT_PDF_SETTINGS, memory);
    expect(texts(second.content)).not.toContain('上海市农业农村委员会2023年度项目支出绩效自评结果');
    expect(second.furniture).toEqual([expect.objectContaining({ kind: 'running_text' })]);
  });

  test('a title printed larger than the text, and a table header row repeated on each page, stay', () => {
    const memory: MarginMemory = [];
    const margin = (): TextRun[] => [run('财政项目支出绩效自我评价', 150, 30, 16), run('年初预算数', 60, 60), run('全年预算数', 200, 60), run('全年执行数', 340, 60)];
    splitFurniture(page(margin()), H, DEFAULT_PDF_SETTINGS, memory);
    const second = splitFurniture(page(margin()), H, DEFAULT_PDF_SETTINGS, memory);
    expect(second.furniture).toEqual([]);
    expect(texts(second.content)).toEqual(expect.arrayContaining(['财政项目支出绩效自我评价', '年初预算数', '全年预算数']));
  });

  test('a short line with a line beside it at its height (the last line of a wrapped header label) stays; alone it would go', () => {
    const margin = (beside: boolean): TextRun[] => [run('度量', 400, 30), ...(beside ? [run('一级指标', 110, 36), run('指标值', 360, 36)] : []), run('单位', 400, 41)];
    for (const beside of [true, false]) {
      const memory: MarginMemory = [];
      splitFurniture(page(margin(beside)), H, DEFAULT_PDF_SETTINGS, memory);
      const second = splitFurniture(page(margin(beside)), H, DEFAULT_PDF_SETTINGS, memory);
      if (beside) expect(texts(second.content)).toContain('单位');
      else expect(second.furniture.map((f) => f.text)).toContain('单位');
    }
  });

  test('text that differs from page to page (a note in the margin) stays', () => {
    const memory: MarginMemory = [];
    splitFurniture(page([run('附件1', 60, 30)]), H, DEFAULT_PDF_SETTINGS, memory);
    const second = splitFurniture(page([run('附件2', 60, 30)]), H, DEFAULT_PDF_SETTINGS, memory);
    expect(texts(second.content)).toContain('附件2');
  });
});

describe('page numbers', () => {
  const digit = (): TextRun[] => [run('9', 444, 44, 10)];
  test('a lone number in the top band is a page number', () => {
    const { content, furniture } = splitFurniture(digit(), H, DEFAULT_PDF_SETTINGS);
    expect(content).toEqual([]);
    expect(furniture).toEqual([expect.objectContaining({ kind: 'page_number', text: '9' })]);
  });
  test('of two on one page, the one where the pages before printed theirs is the page number; the other is a cell\'s text', () => {
    const memory: MarginMemory = [];
    splitFurniture([run('-1-', 290, 800)], H, DEFAULT_PDF_SETTINGS, memory);
    const second = splitFurniture([run('49', 444, 44, 10), run('-2-', 290, 800)], H, DEFAULT_PDF_SETTINGS, memory);
    expect(texts(second.content)).toEqual(['49']);
    expect(second.furniture.map((f) => f.text)).toEqual(['-2-']);
    // With no page number printed before, both stay page numbers.
    expect(splitFurniture([run('49', 444, 44, 10), run('-2-', 290, 800)], H, DEFAULT_PDF_SETTINGS, []).content).toEqual([]);
  });
  test('digits set flush with a figure a few lines under them are the rest of a figure a page break cut', () => {
    // 67 at a page's top over 2 / 2. / 70 ending where it ends: the executed amount 24.67 cut after 24.
    const top = [run('67', 444, 44, 8), run('2', 452, 60.5, 8), run('2.', 444, 71.7, 8), run('其中:当年财政拨款', 155, 71.7, 8), run('70', 444, 83, 8)];
    const { content, furniture } = splitFurniture(top, H, DEFAULT_PDF_SETTINGS);
    expect(texts(content)).toContain('67');
    expect(furniture).toEqual([]);
    // Not flush with them, it is the page's number.
    expect(splitFurniture([run('67', 280, 44, 8), ...top.slice(1)], H, DEFAULT_PDF_SETTINGS).furniture).toEqual([expect.objectContaining({ kind: 'page_number', text: '67' })]);
  });
  test('one in a ruled row, a rule over it and one under it, is a cell\'s text', () => {
    const rules = [{ orient: 'h' as const, pos: 41, start: 60, end: 560 }, { orient: 'h' as const, pos: 57, start: 60, end: 560 }];
    const { content, furniture } = splitFurniture(digit(), H, DEFAULT_PDF_SETTINGS, undefined, rules);
    expect(texts(content)).toEqual(['9']);
    expect(furniture).toEqual([]);
    // A rule beside it, not across it, makes no row.
    expect(splitFurniture(digit(), H, DEFAULT_PDF_SETTINGS, undefined, rules.map((r) => ({ ...r, end: 400 }))).content).toEqual([]);
  });
});
