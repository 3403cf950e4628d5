/**
 * An amount and the rate beside it cut apart at the wrong digit by the PDF layer (src/repair/funds.ts,
 * `recutAtRate`): read at the other cut only where the amounts give that rate, so that a row whose
 * printed figures do not add up stays as printed, to be flagged. The PDF it is read from is in
 * test/pdf/layouts.test.ts (193).
 */
import { describe, expect, test } from 'vitest';
import { recutAtRate } from '../src/repair/funds.js';
import type { Cell } from '../src/types.js';

const row = (...texts: string[]): Cell[] => texts.map((text, k) => ({ text, rowSpan: 1, colSpan: 1, page: 1, bbox: [100 + 60 * k, 200, 150 + 60 * k, 212] }));
const texts = (cells: readonly Cell[] | undefined): string[] | undefined => cells?.map((c) => c.text);

describe('recutAtRate', () => {
  test('247 | 896.23% beside a budget of 2575 is 2478 | 96.23%', () => {
    expect(texts(recutAtRate(row('总额', '2575', '2575', '247', '896.23%', '10', '9.62'), 1, ['/'])?.cells)).toEqual(['总额', '2575', '2575', '2478', '96.23%', '10', '9.62']);
  });
  test('a rate the amounts give as printed stays', () => {
    expect(recutAtRate(row('总额', '2575', '2575', '2478', '96.23%', '10', '9.62'), 1, ['/'])).toBeUndefined();
  });
  test('a row no cut makes add up stays as printed, to be flagged', () => {
    expect(recutAtRate(row('总额', '3100', '3100', '247', '896.23%', '10', '9.62'), 1, ['/'])).toBeUndefined();
  });
  test('a weight beside the rate (10 | 92.41%, the national form) is no amount to recut: no rate without its decimals is made (1092.4 | 1%)', () => {
    expect(recutAtRate(row('年度资金总额', '15494396.02', '18700000.00', '10', '92.41%'), 1, ['/'])).toBeUndefined();
  });
  test('a rate two other figures of the row give stays, whatever stands beside it (10 | 96.3%: 1743 / 1810, not 109 | 6.3%)', () => {
    expect(recutAtRate(row('年度资金总额', '1930', '1810', '1743', '10', '96.3%', '9.63'), 1, ['/'])).toBeUndefined();
  });
});
