/**
 * The accuracy scorer on small hand-made records: normalisation, LCS alignment of indicator rows,
 * project matching, penalties and flags — and agreement with ../shared/tools/score.py on the same
 * input (skipped where python3 or the shared folder is missing).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { buildReport, NOT_ON_PAGE, toMarkdown } from '../../src/bench/accuracy/report.js';
import { compareProject, indexOutputs, lcsAlign, norm, scoreGoldFile, type JsonObject } from '../../src/bench/accuracy/score.js';
import { ROOT } from '../helpers.js';

const ind = (level3: string, over: Partial<Record<string, string>> = {}): JsonObject => ({
  level1: '产出指标', level2: '数量指标', level3, target: '≥200(人)', actual: '265.00(人)', weight: '10.00', score: '10.00',
  deviation_reason: '', ...over,
});

const fundRow = { initial_budget: '100.00', full_year_budget: '100.00', executed: '90.00', execution_rate: '90.00' };

function project(name: string, over: JsonObject = {}): JsonObject {
  return {
    title: '财政项目支出绩效自我评价', project_name: name, department: '上海市民政局', implementing_unit: '上海市救助管理站',
    funds: {
      total: { ...fundRow, weight: '10.00', score: '9.00' },
      fiscal_appropriation: { ...fundRow },
      carryover: { initial_budget: '0.00', full_year_budget: '0.00', executed: '0.00', execution_rate: '0.00' },
      other: { initial_budget: '0.00', full_year_budget: '0.00', executed: '0.00', execution_rate: '0.00' },
    },
    goal_expected: '全年计划完成A。\n确保参与培训20人次。', goal_actual: '已完成。',
    indicators: [ind('甲'), ind('乙'), ind('丙')],
    total_weight: '100', total_score: '39.00', grade: '差', anomalies: [], injected_errors: [], ...over,
  };
}

/** ziping's record shape: source as {file}, issues with codes. */
function output(file: string, p: JsonObject, codes: string[] = []): JsonObject {
  return { ...p, source: { file, index: 0 }, issues: codes.map((code) => ({ code })) };
}

describe('norm', () => {
  test('numbers compare as numbers, separators removed', () => {
    expect(norm('1,068.30')).toBe(norm('1068.3'));
    expect(norm('100')).toBe(norm('100.00'));
    expect(norm('0.00')).toBe(norm('0'));
    expect(norm('98.4')).not.toBe(norm('98.45'));
  });
  test('as score.py: -0 is not 0, and a non-number keeps its commas', () => {
    expect(norm('-0')).not.toBe(norm('0'));
    expect(norm('a,b')).toBe('a,b');
  });
  test('NFKC, tags and whitespace (Python\'s \\s, not JavaScript\'s)', () => {
    expect(norm('≥200（人）')).toBe(norm('≥200(人)'));
    expect(norm('<p>确保</p>参与\n培训\u3000２０人次')).toBe('确保参与培训20人次');
    expect(norm('户\u001f籍')).toBe('户籍'); // U+001F is whitespace to Python
    expect(norm('户\ufeff籍')).toBe('户\ufeff籍'); // U+FEFF is not
    expect(norm(null)).toBe('');
    expect(norm(undefined)).toBe('');
  });
  test('户 and 戶 are different values', () => {
    expect(norm('用户满意度')).not.toBe(norm('用戶满意度'));
  });
});

describe('lcsAlign', () => {
  test('keeps order and skips rows that match nothing', () => {
    const pairs = lcsAlign([ind('A'), ind('B'), ind('C')], [ind('A'), ind('X'), ind('C'), ind('D')]);
    expect([...pairs.entries()]).toEqual([[0, 0], [2, 2]]);
  });
  test('a swapped pair aligns only one of the two', () => {
    const pairs = lcsAlign([ind('A'), ind('B')], [ind('B'), ind('A')]);
    expect(pairs.size).toBe(1);
  });
});

describe('compareProject', () => {
  test('a perfect record scores every field', () => {
    const g = project('P');
    const s = compareProject(g, g);
    // 8 top fields + 4 fund rows × 4 + 2 (total weight/score) + 3 rows × 8 indicator fields
    expect(s.total).toBe(8 + 18 + 24);
    expect(s.ok).toBe(s.total);
  });
  test('a missing row costs its fields (a blank 偏差原因分析 matches nothing), an extra row one more', () => {
    const g = project('P');
    const o = project('P', { indicators: [ind('甲'), ind('丙'), ind('丁'), ind('戊')] });
    const s = compareProject(g, o);
    expect(s.total).toBe(50 + 2);
    expect(s.ok).toBe(50 - 7);
    expect(s.extraRows).toBe(2);
    expect(s.groups.extra_rows).toEqual({ ok: 0, total: 2 });
    expect(s.mismatches.filter((m) => m.field.startsWith('ind[1].'))).toHaveLength(7);
  });
  test('extended fields are scored only when the gold has them', () => {
    const g = project('P', { year: '2023', evaluation_conclusion: '评价等级为“优”' });
    g.indicators = [ind('甲', { target_nature: '≥', target_value: '200', target_unit: '人' })];
    (g.funds as JsonObject).unit_funds = { initial_budget: '1.00', full_year_budget: null, executed: null, execution_rate: null };
    const o = project('P', { year: '2023' });
    o.indicators = [ind('甲')];
    const s = compareProject(g, o);
    expect(s.total).toBe(8 + 2 + 18 + 4 + 8 + 3);
    expect(s.mismatches.map((m) => m.field).sort()).toEqual(['evaluation_conclusion', 'funds.unit_funds.initial_budget',
      'ind[0].target_nature', 'ind[0].target_unit', 'ind[0].target_value']);
  });
});

describe('scoreGoldFile', () => {
  const gold = { source: 'f1.pdf', producer: 'c: x', projects: [project('一'), project('二', { injected_errors: ['total_mismatch'], total_score: '40.00' })] };

  test('matches by file and order, then by name; extra tables cost ten fields each', () => {
    const out = [output('f1.pdf', project('二', { total_score: '40.00' }), ['total_mismatch']), output('f1.pdf', project('一')),
      output('f1.pdf', project('三')), output('other.pdf', project('一', { department: 'x' }))];
    const s = scoreGoldFile(gold, indexOutputs(out));
    expect(s.projects.map((p) => [p.found, p.score.ok === p.score.total])).toEqual([[true, true], [true, true]]);
    expect(s.extraProjects).toBe(1);
    expect(s.penalty).toBe(10);
    expect(s.projects[1]!.flags).toMatchObject({ detected: true, flagged: true });
    expect(s.projects[0]!.flags).toMatchObject({ falseFlag: false });
  });
  test('a false flag on a clean table, a missed injection, a table not found', () => {
    const out = [output('f1.pdf', project('一'), ['rate_mismatch']), output('f1.pdf', project('二'), ['funds_sum_mismatch'])];
    const s = scoreGoldFile(gold, indexOutputs(out));
    expect(s.projects[0]!.flags).toMatchObject({ falseFlag: true });
    expect(s.projects[1]!.flags).toMatchObject({ detected: false, flagged: true });
    const none = scoreGoldFile(gold, indexOutputs([]));
    expect(none.projects.every((p) => !p.found && p.flags === null && p.score.ok < p.score.total)).toBe(true);
  });

  test('the report sums tables by producer and counts the penalty once per file', () => {
    const out = [output('f1.pdf', project('一')), output('f1.pdf', project('二', { total_score: '40.00' })), output('f1.pdf', project('三'))];
    const scored = scoreGoldFile(gold, indexOutputs(out));
    const r = buildReport([{ name: 'f1', gold, features: { producer: 'chromium-html', borders: 'none', template: 't' }, scored }],
      { seed: 1, count: 2, templates: ['t'], timings: {}, goldCheck: null });
    expect(r.overall).toMatchObject({ ok: 100, total: 110, found: 2, gold: 2 });
    expect(r.dimensions.producer!['chromium-html']).toMatchObject({ ok: 100, total: 110, files: 1 });
    expect(r.flags).toMatchObject({ injected: 1, detected: 0, clean: 1, falseFlags: 0 });
    expect(r.worst[0]!.mismatches[0]).toMatchObject({ field: 'extra_projects', got: '1' });
  });

  test('a file whose gold is not on the page is left out of every figure and listed with its score', () => {
    const out = [output('f1.pdf', project('一'), ['rate_mismatch']), output('f1.pdf', project('二', { total_score: '40.00' }))];
    const scored = scoreGoldFile(gold, indexOutputs(out));
    const clean = scoreGoldFile({ ...gold, source: 'f2.pdf' }, indexOutputs([output('f2.pdf', project('一')), output('f2.pdf', project('二', { total_score: '40.00' }))]));
    const features = { producer: 'writer-html', borders: 'none', template: 't' };
    const r = buildReport([
      { name: 'f1', gold, features, scored, goldProblems: [`${NOT_ON_PAGE}: 传×1`] },
      { name: 'f2', gold: { ...gold, source: 'f2.pdf' }, features, scored: clean, goldProblems: ['2 overlapping words'] },
    ], { seed: 1, count: 2, templates: ['t'], timings: {}, goldCheck: null });
    expect(r.overall).toMatchObject({ gold: 2, found: 2 });
    expect(r.overall.ok).toBe(r.overall.total);
    expect(r.flags.falseFlags).toBe(0);
    expect(r.leftOut).toEqual([expect.objectContaining({ name: 'f1', falseFlags: 1 })]);
    expect(r.goldProblems.map((g) => g.name)).toEqual(['f1', 'f2']);
    expect(toMarkdown(r)).toContain('## Files left out (gold not on the page)');
  });
});

const SCORE_PY = path.resolve(ROOT, '../shared/tools/score.py');
const hasPython = spawnSync('python3', ['--version']).status === 0;

describe.skipIf(!existsSync(SCORE_PY) || !hasPython)('agreement with score.py', () => {
  test('same field accuracy, projects and flags on a hand-made output with every kind of mismatch', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'ziping-score-'));
    try {
      const golds = [
        { source: 'a.pdf', producer: 'p1', projects: [project('一'), project('二', { injected_errors: ['grade_mismatch'], grade: '优' })] },
        { source: 'b.pdf', producer: 'p2', projects: [project('三'), project('四', { total_score: null, injected_errors: ['missing_total_score'] })] },
        { source: 'c.pdf', producer: 'p2', projects: [project('五')] },
      ];
      const out = [
        output('a.pdf', project('二', { grade: '优', goal_actual: '已 完成。' }), ['grade_mismatch']),
        output('a.pdf', project('一', { total_score: '39', department: '上海市民政局 ' }), ['total_mismatch']),
        output('b.pdf', project('三', { indicators: [ind('乙'), ind('甲', { score: '9.00' }), ind('丙'), ind('丁')] })),
        output('b.pdf', project('四x')),
        output('b.pdf', project('六')),
        output('c.pdf', project('五', { funds: { total: { initial_budget: '1,00.00' } } })),
      ];
      writeFileSync(path.join(dir, 'projects.json'), JSON.stringify(out));
      const goldFiles = golds.map((g, i) => { const f = path.join(dir, `g${i}.json`); writeFileSync(f, JSON.stringify(g)); return f; });
      const py = spawnSync('python3', [SCORE_PY, path.join(dir, 'projects.json'), ...goldFiles, '--json'], { encoding: 'utf8' });
      expect(py.status, py.stderr).toBe(0);
      const ref = JSON.parse(py.stdout) as { field_accuracy: number; by_producer: Record<string, { field_accuracy: number; projects_found: number; projects_gold: number }>; injected_detected: string; clean_false_flags: string };
      const idx = indexOutputs(out);
      const scored = golds.map((g) => scoreGoldFile(g, idx));
      let ok = 0, total = 0, inj = 0, hit = 0, clean = 0, falseFlags = 0;
      const byProducer: Record<string, { ok: number; total: number; found: number; gold: number }> = {};
      for (const f of scored) {
        const b = (byProducer[f.producer] ??= { ok: 0, total: 0, found: 0, gold: 0 });
        b.total += f.penalty; total += f.penalty;
        for (const p of f.projects) {
          ok += p.score.ok; total += p.score.total; b.ok += p.score.ok; b.total += p.score.total;
          b.gold++; if (p.found) b.found++;
          if (p.flags?.injected.length) { inj++; if (p.flags.detected) hit++; } else if (p.flags) { clean++; if (p.flags.falseFlag) falseFlags++; }
        }
      }
      expect(Math.round((ok / total) * 1e5) / 1e5).toBe(ref.field_accuracy);
      expect(ok / total).toBeLessThan(0.95); // the input does exercise mismatches
      for (const [k, v] of Object.entries(ref.by_producer)) {
        const b = byProducer[k]!;
        expect([Math.round((b.ok / b.total) * 1e5) / 1e5, b.found, b.gold]).toEqual([v.field_accuracy, v.projects_found, v.projects_gold]);
      }
      expect(`${hit}/${inj}`).toBe(ref.injected_detected);
      expect(`${falseFlags}/${clean}`).toBe(ref.clean_false_flags);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
