/**
 * Recomputes the published arithmetic of a record with decimal.js, by the rules of the template it
 * was read with (its rounding, which fund rows sum to which, its total weight and grade bands),
 * and reports every figure that does not add up, with the recomputed value beside the printed
 * one. Nothing is corrected.
 */
import { Decimal } from 'decimal.js';
import type { CheckResult } from '../domain/schema.js';
import { exactRate, executionRate, executionScore, fixed2, gradeOf, printedAs, printedShort, same, sum } from '../domain/score.js';
import { FUND_ROW_KEYS, type FundRowKey, type Template } from '../domain/template.js';
import { diagnostic, type Code, type Diagnostic } from '../diagnostics.js';
import type { UncheckedRecord } from '../validate/validate.js';

const SUM_COLS = ['initial_budget', 'full_year_budget', 'executed'] as const;

type FundRowValues = { initial_budget: string | null; full_year_budget: string | null; executed: string | null; execution_rate: string | null };

/** Returns the check block and the check issues of a record. */
export function checkRecord(rec: UncheckedRecord, template: Template, project: number): { check: CheckResult; issues: Diagnostic[] } {
  const rounding = template.rounding;
  const issues: Diagnostic[] = [];
  let incomplete = false;
  const flag = (code: Code, message: string, field: string, actual?: string | null, expected?: string | null): void => {
    const p = rec.provenance[field];
    const loc = { file: rec.source.path, project, field, ...(p?.page ? { page: p.page } : {}), ...(p?.line ? { line: p.line } : {}), ...(p?.bbox ? { bbox: p.bbox } : {}) };
    const extra: { actual?: string; expected?: string } = {};
    if (actual != null) extra.actual = actual;
    if (expected != null) extra.expected = expected;
    issues.push(diagnostic(code, message, loc, extra));
  };
  const t = rec.funds.total;
  const rowOf = (rk: FundRowKey): FundRowValues | null => (rec.funds as Record<FundRowKey, FundRowValues | null>)[rk];
  const nameOf = (rk: FundRowKey): string => template.funds.rows.find((r) => r.key === rk)?.labels[0] ?? rk;

  // 执行率 of each fund row the form has.
  let recomputedRate: string | null = null;
  for (const rk of FUND_ROW_KEYS) {
    const r = rowOf(rk);
    const spec = template.funds.rows.find((x) => x.key === rk);
    if (!r || !spec) continue;
    if (r.executed === null || r.full_year_budget === null || r.execution_rate === null) {
      // A cell the form may leave as a placeholder does not make the record incomplete.
      const optional = (['executed', 'full_year_budget', 'execution_rate'] as const).every((c) => r[c] !== null || spec.optional.includes(c));
      if (!optional) incomplete = true;
      continue;
    }
    const rate = executionRate(r.executed, r.full_year_budget, rounding);
    if (rk === 'total') recomputedRate = fixed2(rate);
    if (!printedAs(exactRate(r.executed, r.full_year_budget), r.execution_rate, rounding)) {
      flag('rate_mismatch', `${nameOf(rk)} 执行率 printed ${r.execution_rate}, ${r.executed} / ${r.full_year_budget} × 100 gives ${fixed2(rate)}`, `funds.${rk}.execution_rate`, r.execution_rate, fixed2(rate));
    }
  }
  // 得分 of budget execution.
  let recomputedExecScore: string | null = null;
  if (t.weight !== null && t.execution_rate !== null) {
    const s = executionScore(t.weight, t.execution_rate, rounding);
    recomputedExecScore = fixed2(s);
    if (t.score !== null && !printedAs(new Decimal(t.weight).times(t.execution_rate).div(100), t.score, rounding)) {
      flag('exec_score_mismatch', `funds 得分 printed ${t.score}, ${t.weight} × ${t.execution_rate} / 100 gives ${fixed2(s)}`, 'funds.total.score', t.score, fixed2(s));
    }
  } else incomplete = true;
  if (t.score === null) incomplete = true;
  // Fund rows add up per column, as the template says.
  const rule = template.funds.sum;
  const totalRow = rowOf(rule.total) ?? (rule.total === 'total' ? t : null);
  for (const col of SUM_COLS) {
    const total = totalRow?.[col] ?? null;
    const parts = rule.parts.map((rk) => {
      const v = rowOf(rk)?.[col] ?? null;
      // A cell printed / or blank counts 0 where the template says so; a row that was not read at
      // all (no cell of it found) is unknown, not 0.
      const read = rec.provenance[`funds.${rk}.${col}`] !== undefined;
      return v === null && rule.placeholder_is_zero && read ? '0' : v;
    });
    if (total === null || parts.some((p) => p === null)) continue;
    const s = sum(parts as string[]);
    if (!same(s, total)) {
      flag('funds_sum_mismatch', `${nameOf(rule.total)} ${col} printed ${total}, ${rule.parts.map(nameOf).join(' + ')} add up to ${s.toFixed(2)}`, `funds.${rule.total}.${col}`, total, s.toFixed(2));
    }
  }
  // Indicators.
  const weights = rec.indicators.map((i) => i.weight);
  const scores = rec.indicators.map((i) => i.score);
  rec.indicators.forEach((ind, i) => {
    if (ind.weight !== null && ind.score !== null && new Decimal(ind.score).gt(ind.weight)) {
      flag('score_exceeds_weight', `indicator ${i + 1} (${ind.level3 ?? ''}) 得分 ${ind.score} is above its weight ${ind.weight}`, `indicators.${i}.score`, ind.score, `≤ ${ind.weight}`);
    }
  });
  let recomputedWeight: string | null = null;
  if (t.weight !== null && weights.every((w) => w !== null) && rec.indicators.length > 0) {
    const w = sum([t.weight, ...(weights as string[])]);
    recomputedWeight = fixed2(w);
    const printed = rec.total_weight ?? template.total.weight;
    if (!same(w, printed)) {
      flag('weight_sum_not_100', `funds weight + Σ indicator weights = ${fixed2(w)}, printed total weight ${printed}`, 'total_weight', rec.total_weight, fixed2(w));
    }
  } else incomplete = true;
  let recomputedTotal: string | null = null;
  if (t.score !== null && scores.every((s) => s !== null) && rec.indicators.length > 0) {
    const s = sum([t.score, ...(scores as string[])]);
    recomputedTotal = fixed2(s);
    // (A total printed to fewer decimals than its parts, cut by the template's rule, adds up.)
    if (rec.total_score !== null && !same(s, rec.total_score) && !printedShort(s, rec.total_score, rounding)) {
      flag('total_mismatch', `printed total ${rec.total_score}, funds 得分 + Σ 得分 = ${fixed2(s)}`, 'total_score', rec.total_score, fixed2(s));
    }
  } else incomplete = true;
  if (rec.total_score === null) {
    incomplete = true;
    flag('missing_total_score', `the total score is not printed${recomputedTotal ? ` (the printed parts add up to ${recomputedTotal}; not filled in)` : ''}`, 'total_score', null, recomputedTotal);
  }
  // Grade: what is printed (in its cell or named in the conclusion) against the band of the total.
  const bands = template.grade.bands;
  const gradeBase = rec.total_score ?? recomputedTotal;
  const recomputedGrade = gradeBase !== null ? gradeOf(gradeBase, bands) : null;
  // Only against a printed total: where none was read (missing_total_score), the grade is not judged
  // by figures that may be incomplete.
  if (rec.grade !== null && rec.total_score !== null && recomputedGrade !== rec.grade) {
    const where = rec.grade_source === 'conclusion' ? '评价结论 names' : '评分等级 printed';
    flag('grade_mismatch', `${where} ${rec.grade}, a total of ${rec.total_score} gives ${recomputedGrade}`, 'grade', rec.grade, recomputedGrade);
  }
  if (rec.grade === null && template.grade.required) incomplete = true;
  const status: CheckResult['status'] = issues.some((d) => d.code !== 'missing_total_score') ? 'mismatch' : incomplete ? 'incomplete' : 'ok';
  return {
    check: {
      status,
      rounding,
      recomputed_execution_rate: recomputedRate,
      recomputed_exec_score: recomputedExecScore,
      recomputed_total_weight: recomputedWeight,
      recomputed_total_score: recomputedTotal,
      recomputed_grade: recomputedGrade,
      printed_execution_rate: t.execution_rate,
      printed_exec_score: t.score,
      printed_total_weight: rec.total_weight,
      printed_total_score: rec.total_score,
      printed_grade: rec.grade,
    },
    issues,
  };
}
