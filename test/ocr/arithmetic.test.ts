/**
 * The form's arithmetic as a check on OCR (src/repair/ocr-arithmetic.ts), on a real record: the
 * Chromium fixture read from its text layer, with some of its figures then "misread" as OCR
 * would, every cell carrying OCR details as a scanned page gives them. No OCR engine is needed.
 */
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { checkRecord } from '../../src/check/check.js';
import type { ProjectRecord } from '../../src/domain/schema.js';
import { TEMPLATES } from '../../src/domain/templates/index.js';
import { readAmount } from '../../src/repair/text.js';
import { readingsOf, reviewOcrArithmetic, type OcrCell } from '../../src/repair/ocr-arithmetic.js';
import type { CellOcr } from '../../src/types.js';
import { ROOT, run } from '../helpers.js';

let base: ProjectRecord;
beforeAll(async () => {
  const res = await run(path.join(ROOT, 'test/fixtures/producers/chromium_bordered_01.pdf'));
  base = res.records[0]!;
  expect(base.check.status).toBe('ok');
}, 60_000);

const get = (rec: ProjectRecord, field: string): string | null =>
  field.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)?.[k], rec) as string | null;

/** What OCR gives for one cell: its text, how sure it was of each character, its other readings. */
interface Read {
  text: string;
  chars?: number[];
  alternatives?: Array<{ text: string; p: number }>;
}

/**
 * The record as OCR would give it: every figure's cell read with confidence 0.99, except the
 * `reads` given (their values in the record are what validation makes of the text read).
 */
function scanned(reads: Record<string, Read>): { record: ProjectRecord; cells: Map<string, OcrCell> } {
  const record = structuredClone(base);
  const cells = new Map<string, OcrCell>();
  for (const [field, p] of Object.entries(record.provenance)) {
    if (!p.bbox || !p.page || field.startsWith('goal') || /^indicators\.\d+$/.test(field)) continue;
    const read = reads[field];
    const text = read?.text ?? get(record, field) ?? '';
    const chars = read?.chars ?? Array.from(text).map(() => 0.99);
    const ocr: CellOcr = { confidence: Math.min(...chars), chars, alternatives: read?.alternatives ?? [] };
    cells.set(`${p.page}:${p.bbox.map((v) => v.toFixed(2)).join(',')}`, { text, ocr, page: p.page, bbox: p.bbox });
    if (read) {
      const keys = field.split('.');
      const owner = keys.slice(0, -1).reduce<Record<string, unknown>>((o, k) => o[k] as Record<string, unknown>, record as unknown as Record<string, unknown>);
      owner[keys.at(-1)!] = field === 'grade' ? text : readAmount(text).value;
    }
  }
  return { record, cells };
}

function review(reads: Record<string, Read>) {
  const { record, cells } = scanned(reads);
  const template = TEMPLATES.find((t) => t.id === base.template)!;
  const out = reviewOcrArithmetic(record, template, 0, cells);
  const { issues } = checkRecord(out.record, template, 0);
  out.annotate(issues);
  return { ...out, checks: issues };
}

describe('OCR figures re-checked by the arithmetic', () => {
  test('a digit misread with low confidence is corrected when exactly one reading makes the arithmetic hold, and the repair is logged with both readings', () => {
    // 全年执行数 3.10 read "3.16", the 6 doubtful: 3.18, 3.15, 3.10, 3.1 … only 3.10 (= 3.1) fits
    // 执行率 73.28 and the column sum 2.99 + 0.00 + 0.11.
    const r = review({ 'funds.total.executed': { text: '3.16', chars: [0.99, 0.99, 0.98, 0.55] } });
    expect(r.record.funds.total.executed).toBe('3.10');
    expect(r.repairs).toEqual([expect.objectContaining({
      code: 'ocr_corrected', actual: '3.16', expected: '3.10',
      location: expect.objectContaining({ field: 'funds.total.executed', page: 1, bbox: base.provenance['funds.total.executed']!.bbox }),
    })]);
    expect(r.issues).toEqual([]);
    expect(r.checks).toEqual([]);
  });

  test('an unreadable figure ("0,00" with a doubtful comma) is filled only with the reading the arithmetic confirms', () => {
    const r = review({ 'funds.carryover.initial_budget': { text: '0,00', chars: [0.99, 0.5, 0.99, 0.99] } });
    expect(r.record.funds.carryover?.initial_budget).toBe('0.00');
    expect([...r.corrected]).toEqual(['funds.carryover.initial_budget']);
    expect(r.repairs.map((d) => [d.code, d.actual, d.expected])).toEqual([['ocr_corrected', '0,00', '0.00']]);
  });

  test('a figure partly hidden by a seal and read with marks beside it is read as the figure alone when that holds', () => {
    const r = review({ 'indicators.11.score': { text: '8.00 Tel', chars: [0.99, 0.99, 0.99, 0.99, 0.5, 0.3, 0.2, 0.2] } });
    expect(r.record.indicators[11]!.score).toBe('8.00');
    expect(r.repairs.map((d) => d.location.field)).toEqual(['indicators.11.score']);
  });

  test('two doubtful figures that could each mend the same rule: neither is changed, both are flagged with their box', () => {
    // Indicator 5's 得分 8.00 read "6.00" (doubtful), and the total 94.92 read with an alternative
    // "92.92" that the misread 6.00 would make right: two readings mend the total, so none is taken.
    const r = review({
      'indicators.4.score': { text: '6.00', chars: [0.5, 0.99, 0.99, 0.99] },
      total_score: { text: '94.92', chars: [0.99, 0.99, 0.99, 0.99, 0.6], alternatives: [{ text: '92.92', p: 0.3 }] },
    });
    expect(r.repairs).toEqual([]);
    expect(r.record.indicators[4]!.score).toBe('6.00');
    expect(r.record.total_score).toBe('94.92');
    expect(r.issues.map((d) => [d.code, d.location.field])).toEqual([['ocr_uncertain', 'indicators.4.score'], ['ocr_uncertain', 'total_score']]);
    for (const d of r.issues) expect(d.location.bbox).toEqual(base.provenance[d.location.field!]!.bbox);
    const total = r.checks.find((d) => d.code === 'total_mismatch')!;
    expect(total.message).toMatch(/a reading of the doubtful .* would make this hold/);
  });

  test('figures read with confidence are never changed: a real inconsistency stays flagged', () => {
    const r = review({ total_score: { text: '96.92' } });
    expect(r.repairs).toEqual([]);
    expect(r.record.total_score).toBe('96.92');
    expect(r.checks.map((d) => d.code)).toEqual(['total_mismatch']);
  });

  test('a table inconsistent under every reading is flagged as such, its doubtful figure kept as read', () => {
    // The printed total is 2 too high (a real error); indicator 3's 5.60 is doubtful, but none of
    // its readings (6.60, 3.60, 5.80, 5.00 …) closes the gap of 2.00.
    const r = review({ total_score: { text: '96.92' }, 'indicators.2.score': { text: '5.60', chars: [0.7, 0.99, 0.99, 0.99] } });
    expect(r.repairs).toEqual([]);
    expect(r.record.indicators[2]!.score).toBe('5.60');
    expect(r.issues).toEqual([expect.objectContaining({ code: 'ocr_uncertain', actual: '5.60' })]);
    expect(r.issues[0]!.message).toMatch(/no other reading .* makes the arithmetic hold/);
    const total = r.checks.find((d) => d.code === 'total_mismatch')!;
    expect(total.message).toMatch(/no reading of its doubtful figures makes this hold/);
  });

  test('a doubtful figure that the arithmetic confirms is kept and not flagged', () => {
    const r = review({ 'funds.other.executed': { text: '0.11', chars: [0.6, 0.99, 0.7, 0.8] } });
    expect(r.repairs).toEqual([]);
    expect(r.issues).toEqual([]);
  });

  test('provenance of values read by OCR says so, with the confidence', () => {
    const r = review({ 'funds.total.executed': { text: '3.16', chars: [0.99, 0.99, 0.98, 0.55] } });
    expect(r.record.provenance['funds.total.executed']).toMatchObject({ file: 'chromium_bordered_01.pdf', page: 1, ocr: true, confidence: 0.55 });
    expect(r.record.indicators[0]!.provenance).toMatchObject({ ocr: true });
  });
});

describe('readings of a doubtful cell', () => {
  test('look-alikes at doubtful characters only, second choices, stray marks dropped, figures beside marks', () => {
    const rs = readingsOf('8.06', { confidence: 0.5, chars: [0.99, 0.99, 0.99, 0.5], seconds: [{ char: '', p: 0 }, { char: '', p: 0 }, { char: '', p: 0 }, { char: '5', p: 0.3 }] }, true);
    expect(rs).toEqual(expect.arrayContaining(['8.05', '8.08', '8.00', '8.0']));
    expect(rs.some((t) => t.startsWith('6') || t.startsWith('3'))).toBe(false); // the sure 8 stays
    expect(readingsOf('1O0', { confidence: 0.99, chars: [0.99, 0.99, 0.99] }, true)).toContain('10'); // a letter in a figure is doubtful
    expect(readingsOf('100海', { confidence: 0.99, chars: [0.99, 0.99, 0.99, 0.99] }, true)).toContain('100');
  });
});
