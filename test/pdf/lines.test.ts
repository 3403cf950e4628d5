/** Joining the lines of one cell: numbers wrapped inside a narrow cell stay one number. */
import { describe, expect, test } from 'vitest';
import { linesToCellText, type TextLine } from '../../src/pdf/lines.js';
import type { TextRun } from '../../src/pdf/text-runs.js';
import type { BBox } from '../../src/types.js';

function line(text: string, top: number, x1: number): TextLine {
  const bbox: BBox = [100, top, x1, top + 9];
  const run: TextRun = { text, bbox, fontSize: 9, angle: 0 };
  return { runs: [run], bbox, fontSize: 9 };
}

describe('linesToCellText', () => {
  test('an amount wrapped in a narrow cell (Chromium, 元 amounts) is joined without a space', () => {
    expect(linesToCellText([line('14,503,00', 0, 140), line('0.00', 10, 118)], [98, 0, 142, 20])).toBe('14,503,000.00');
  });
  test('Latin words wrapped across lines keep one space', () => {
    expect(linesToCellText([line('annual', 0, 140), line('report', 10, 128)], [98, 0, 142, 20])).toBe('annual report');
  });
});
