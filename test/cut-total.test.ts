/**
 * The total score's last digit at the next page's top (src/repair/cut-total.ts): taken only where
 * the scores add up to the completed total, so that a table whose printed figures do not add up
 * stays flagged. The PDFs it is read from are in test/pdf/layouts.test.ts (185, 194).
 */
import { describe, expect, test } from 'vitest';
import { joinCutTotal } from '../src/repair/cut-total.js';
import type { Diagnostic } from '../src/diagnostics.js';
import type { Cell, Row } from '../src/types.js';

const cell = (text: string, x0: number, x1: number, page: number, y: number): Cell => ({ text, rowSpan: 1, colSpan: 1, page, bbox: [x0, y, x1, y + 12] });
const rows = (digit: string): Row[] => [
  { page: 2, bbox: [60, 760, 510, 776], cells: [cell('合计', 60, 300, 2, 764), cell('100', 400, 440, 2, 764), cell('99.4', 450, 480, 2, 764)] },
  { page: 3, bbox: [37, 57, 511, 70], cells: [cell('项目负责人：孙华伟', 37, 200, 3, 57), cell(digit, 455, 462, 3, 57)] },
];

describe('joinCutTotal', () => {
  test('99.4 and the 4 under it make 99.44 when the scores add up to it, and the digit leaves its row', () => {
    const seen: Diagnostic[] = [];
    const given = rows('4');
    const got = joinCutTotal(given, 0, { value: '99.4', row: given[0]!, cell: given[0]!.cells[2]!, scores: ['9.44', '50', '40'] }, { file: 'f.pdf', report: (d) => seen.push(d) });
    expect(got?.value).toBe('99.44');
    expect(got?.rows[1]!.cells.map((c) => c.text)).toEqual(['项目负责人：孙华伟', '']);
    expect(seen.map((d) => d.code)).toEqual(['wrapped_cell_joined']);
  });
  test('a digit that does not make the scores\' sum is left alone: the printed total stays, to be flagged', () => {
    const given = rows('5');
    expect(joinCutTotal(given, 0, { value: '99.4', row: given[0]!, cell: given[0]!.cells[2]!, scores: ['9.44', '50', '40'] }, { file: 'f.pdf', report: () => undefined })).toBeUndefined();
  });
  test('a total that already adds up takes nothing from the next page', () => {
    const given = rows('4');
    expect(joinCutTotal(given, 0, { value: '99.4', row: given[0]!, cell: given[0]!.cells[2]!, scores: ['9.4', '50', '40'] }, { file: 'f.pdf', report: () => undefined })).toBeUndefined();
  });
  test('99 over .2 over 3, each in a row of its own at the next page\'s top, make 99.23', () => {
    const given: Row[] = [
      { page: 6, bbox: [100, 770, 450, 782], cells: [cell('', 100, 300, 6, 770), cell('100', 400, 425, 6, 770), cell('99', 430, 445, 6, 770)] },
      { page: 7, bbox: [430, 70, 445, 80], cells: [cell('.2', 433, 443, 7, 70)] },
      { page: 7, bbox: [430, 82, 445, 92], cells: [cell('3', 435, 441, 7, 82)] },
    ];
    const got = joinCutTotal(given, 0, { value: '99', row: given[0]!, cell: given[0]!.cells[2]!, scores: ['9.23', '50', '40'] }, { file: 'f.pdf', report: () => undefined });
    expect(got?.value).toBe('99.23');
    expect(got?.rows.slice(1).map((r) => r.cells[0]!.text)).toEqual(['', '']);
  });
});

