/** One test per check code: a real table (tab_dump_01, 非机动车停放秩序治理专项资金) with one figure changed. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { DEV, describeDev, HAS_DEV, runText } from './helpers.js';

// The first table of tab_dump_01.txt, as published (consistent: total 64.21, grade 中).
const source = HAS_DEV ? readFileSync(path.join(DEV, 'tab_dump_01.txt'), 'utf8') : '';
const first = source.slice(0, source.indexOf('财政项目支出绩效自我评价', 30));

async function codesAfter(from: string, to: string): Promise<{ codes: string[]; status: string; check: Record<string, unknown> }> {
  expect(first.includes(from), from).toBe(true);
  const res = await runText(first.replace(from, to), 'tab_dump_01_edited.txt');
  const r = res.records[0]!;
  return { codes: r.issues.map((d) => d.code), status: r.check.status, check: r.check };
}

describeDev('checks', () => {
  test('the published table is consistent', async () => {
    const res = await runText(first);
    expect(res.records[0]!.check).toMatchObject({ status: 'ok', recomputed_total_score: '64.21', recomputed_execution_rate: '25.64', recomputed_exec_score: '2.56', recomputed_grade: '中', recomputed_total_weight: '100.00' });
    expect(res.records[0]!.issues).toEqual([]);
  });
  test('total_mismatch', async () => {
    const r = await codesAfter('\t100\t64.21', '\t100\t65.21');
    expect(r.codes).toContain('total_mismatch');
    expect(r.status).toBe('mismatch');
    expect(r.check.recomputed_total_score).toBe('64.21');
  });
  test('a total printed to fewer decimals, cut by the template\'s rule, adds up; cut otherwise, it does not', async () => {
    const short = await codesAfter('\t100\t64.21', '\t100\t64.2');
    expect(short.codes).not.toContain('total_mismatch');
    expect(short.check.recomputed_total_score).toBe('64.21');
    const off = await codesAfter('\t100\t64.21', '\t100\t64.3');
    expect(off.codes).toContain('total_mismatch');
  });
  test('rate_mismatch (truncation, not rounding: 6.41/25 = 25.64)', async () => {
    const r = await codesAfter('6.41\t10.00\t25.64\t2.56', '6.41\t10.00\t25.65\t2.56');
    expect(r.codes).toContain('rate_mismatch');
  });
  test('exec_score_mismatch', async () => {
    const r = await codesAfter('25.64\t2.56', '25.64\t2.57');
    expect(r.codes).toContain('exec_score_mismatch');
  });
  test('weight_sum_not_100', async () => {
    const r = await codesAfter('退休证印制个数\t=6.00(个)\t6.00(个)\t12.00\t12.00', '退休证印制个数\t=6.00(个)\t6.00(个)\t14.00\t12.00');
    expect(r.codes).toContain('weight_sum_not_100');
    expect(r.check.recomputed_total_weight).toBe('102.00');
  });
  test('score_exceeds_weight', async () => {
    const r = await codesAfter('首席技师资助完成率\t=100.00(%)\t100.00(%)\t5.00\t5.00', '首席技师资助完成率\t=100.00(%)\t100.00(%)\t5.00\t6.00');
    expect(r.codes).toContain('score_exceeds_weight');
  });
  test('grade_mismatch', async () => {
    const r = await codesAfter('评分等级\t\t中', '评分等级\t\t良');
    expect(r.codes).toContain('grade_mismatch');
  });
  test('missing_total_score: flagged, never guessed', async () => {
    const res = await runText(first.replace('\t100\t64.21', '\t100\t'));
    const rec = res.records[0]!;
    expect(rec.total_score).toBeNull();
    expect(rec.total_weight).toBe('100');
    expect(rec.issues.map((d) => d.code)).toContain('missing_total_score');
    expect(rec.check.status).toBe('incomplete');
    expect(rec.check.recomputed_total_score).toBe('64.21');
  });
  test('funds_sum_mismatch', async () => {
    const r = await codesAfter('其中：当年财政拨款\t0.00\t25.00\t6.41', '其中：当年财政拨款\t0.00\t24.00\t6.41');
    expect(r.codes).toContain('funds_sum_mismatch');
  });
  test('missing_cell', async () => {
    const r = await codesAfter('上年结转资金\t0.00\t0.00\t0.00', '上年结转资金\t\t0.00\t0.00');
    expect(r.codes).toContain('missing_cell');
  });
});
