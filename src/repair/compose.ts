/**
 * Composes the canonical target and actual of an indicator from the cells the form prints, by
 * the template's rule: where a form prints 指标性质 / 指标值 / 度量单位 / 完成值, target is the first
 * three joined without spaces (≥30篇, 定性健全) and actual 完成值 with 度量单位 (35篇), or 完成值
 * alone for a qualitative (定性) target. Forms that print the target in one cell keep it as is.
 */
import type { IndicatorColKey, Template } from '../domain/template.js';
import type { ValueKey } from './indicator-rows.js';

type Values = Partial<Record<ValueKey, string | null>>;

function part(values: Values, key: IndicatorColKey): string | null {
  const v = (values as Partial<Record<IndicatorColKey, string | null>>)[key];
  const t = v?.trim() ?? '';
  return t === '' ? null : t;
}

/** Joins the printed parts without spaces; null when nothing but a unit is printed (no value). */
function join(values: Values, keys: readonly IndicatorColKey[]): string | null {
  const parts = keys.map((k) => part(values, k));
  if (parts.every((p, i) => p === null || keys[i] === 'target_unit')) return null;
  return parts.filter((p) => p !== null).join('');
}

/** Given an indicator row's printed columns, returns its canonical target and actual. */
export function composeValues(values: Values, template: Template): { target: string | null; actual: string | null } {
  const rule = template.indicators.compose;
  if (!rule) return { target: part(values, 'target'), actual: part(values, 'actual') };
  const target = join(values, rule.target);
  const bare = rule.bare_actual_when;
  const isBare = bare !== undefined && bare.values.includes(part(values, bare.column) ?? '');
  const actual = isBare ? part(values, rule.actual[0]!) : join(values, rule.actual);
  // A table that prints target and actual whole (read by the union of templates) keeps them.
  return { target: target ?? part(values, 'target'), actual: actual ?? part(values, 'actual') };
}
