/** CJK normalisation of extracted text (src/pdf/normalize.ts). */
import { expect, test } from 'vitest';
import { normalizeCjk } from '../../src/pdf/normalize.js';

test('Kangxi radicals and supplement forms become unified ideographs', () => {
  expect(normalizeCjk('⼈⼒资源和社会保障局')).toBe('人力资源和社会保障局');
  expect(normalizeCjk('⻔诊⻓期')).toBe('门诊长期');
});

test('compatibility ideographs take their canonical form', () => {
  expect(normalizeCjk('\uF900')).toBe('\u8C48');
});

test('full-width digits, letters and signs become ASCII; CJK punctuation stays', () => {
  expect(normalizeCjk('１２．５％ ＡＢｃ')).toBe('12.5% ABc');
  expect(normalizeCjk('项目资金（万元）')).toBe('项目资金（万元）');
  expect(normalizeCjk('其中：当年财政拨款，合计。')).toBe('其中：当年财政拨款，合计。');
  expect(normalizeCjk('≥90%')).toBe('≥90%');
});

test('spaces next to CJK characters go; Latin word spaces stay, collapsed', () => {
  expect(normalizeCjk('项目 名称')).toBe('项目名称');
  expect(normalizeCjk('达到 2023 年 12 月')).toBe('达到2023年12月');
  expect(normalizeCjk('\u3000年度\u3000')).toBe('年度');
  expect(normalizeCjk('  Top   10  ')).toBe('Top 10');
});

test('line breaks are kept, each line trimmed', () => {
  expect(normalizeCjk('提高。 \n 2、确保')).toBe('提高。\n2、确保');
});
