/** Exact arithmetic of the form (decimal.js): numbers stay strings until here. */
import { Decimal } from 'decimal.js';
import { gradeFor, type GradeBand } from './labels.js';
import type { Rounding } from './template.js';

/** Cuts a value to `dp` decimals as the template publishes it (truncation or half-up rounding). */
export function cut(value: Decimal, rounding: Rounding, dp = 2): Decimal {
  return value.toDecimalPlaces(dp, rounding === 'round' ? Decimal.ROUND_HALF_UP : Decimal.ROUND_DOWN);
}

/** Whether a printed figure is the exact value cut by the template's rule (`either`: truncated or rounded). */
export function printedAs(exact: Decimal, printed: string, rounding: Rounding): boolean {
  const rules: Rounding[] = rounding === 'either' ? ['truncate', 'round'] : [rounding];
  return rules.some((r) => cut(exact, r).eq(printed));
}

/**
 * Whether a printed sum shows fewer decimals than its parts give and is their exact sum cut to the
 * decimals it shows by the template's rule (a total 93.9 of parts adding up to 93.95, truncated).
 */
export function printedShort(exact: Decimal, printed: string, rounding: Rounding): boolean {
  const dp = /\.(\d+)$/.exec(printed)?.[1]?.length ?? 0;
  if (dp >= exact.decimalPlaces()) return false;
  const rules: Rounding[] = rounding === 'either' ? ['truncate', 'round'] : [rounding];
  return rules.some((r) => cut(exact, r, dp).eq(printed));
}

/** 全年执行数 / 全年预算数 × 100, uncut; 0 when the budget is 0. */
export function exactRate(executed: string, budget: string): Decimal {
  const b = new Decimal(budget);
  return b.isZero() ? new Decimal(0) : new Decimal(executed).div(b).times(100);
}

/** 执行率 = 全年执行数 / 全年预算数 × 100, cut to 2 decimals; "0" when the budget is 0. */
export function executionRate(executed: string, budget: string, rounding: Rounding): Decimal {
  const b = new Decimal(budget);
  if (b.isZero()) return new Decimal(0);
  return cut(new Decimal(executed).div(b).times(100), rounding);
}

/** 得分 = 分数 × 执行率 / 100, cut to 2 decimals. */
export function executionScore(weight: string, rate: string, rounding: Rounding): Decimal {
  return cut(new Decimal(weight).times(rate).div(100), rounding);
}

/** Sum of decimal strings. */
export function sum(values: readonly string[]): Decimal {
  return values.reduce((acc, v) => acc.plus(v), new Decimal(0));
}

/** Numeric equality of two printed decimals ("98.4" equals "98.40"). */
export function same(a: Decimal | string, b: Decimal | string): boolean {
  return new Decimal(a).eq(b);
}

/** The grade band of a total score under a template's bands (highest first). */
export function gradeOf(total: string | Decimal, bands: readonly GradeBand[]): string | null {
  return gradeFor(new Decimal(total), bands);
}

/** Two-decimal text of a decimal, as the form prints it. */
export function fixed2(d: Decimal): string {
  return d.toFixed(2);
}
