/** Parsing of printed values: amounts, target/actual values and achievement phrases. */
import type { ParsedValue } from './schema.js';

const NUMBER_RE = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/;

/** Whether a cell holds a plain number (thousands separators allowed). */
export function isNumber(text: string): boolean {
  return NUMBER_RE.test(text.trim());
}

/** The amount with separators removed, or undefined when the text is not a number. */
export function amountOf(text: string): string | undefined {
  const t = text.trim();
  if (!NUMBER_RE.test(t)) return undefined;
  return t.replace(/,/g, '').replace(/^\+/, '');
}

const OPS: Record<string, ParsedValue['op']> = {
  '=': '=', '＝': '=', '≥': '≥', '>=': '≥', '≧': '≥', '≤': '≤', '<=': '≤', '≦': '≤',
  '>': '>', '<': '<', '约': '≈', '≈': '≈', '不低于': '≥', '不少于': '≥', '不高于': '≤', '不超过': '≤',
  '大于等于': '≥', '小于等于': '≤', '大于': '>', '小于': '<', '达到': '≥', '达到≥': '≥',
};
const VALUE_RE = /^(达到≥|不低于|不少于|不高于|不超过|大于等于|小于等于|大于|小于|达到|>=|<=|[=＝≥≧≤≦><约≈])?\s*([+-]?\d[\d,]*(?:\.\d+)?)\s*(?:\(([^()]*)\)|（([^（）]*)）|([%‰A-Za-z\u4e00-\u9fff/·]+))?$/;

/**
 * Splits a target or actual value like "≥90%", "=100.00(%)", "≥200(人)", "约400台" into
 * {op, value, unit}; null when the text is not of that shape (e.g. "达成指标", "全年稳定运行").
 */
export function parseValue(text: string | null): ParsedValue | null {
  if (text == null) return null;
  const m = VALUE_RE.exec(text.trim());
  if (!m) return null;
  const value = m[2]!.replace(/,/g, '');
  if (!/^-?\d+(\.\d+)?$/.test(value.replace(/^\+/, ''))) return null;
  const unit = (m[3] ?? m[4] ?? m[5] ?? '').trim();
  return { op: m[1] ? (OPS[m[1]] ?? null) : null, value: value.replace(/^\+/, ''), unit: unit || null };
}

/** The achievement status of a printed actual value, when it is a status phrase. */
export function achievementOf(text: string | null): '达成' | '部分达成' | '未达成' | null {
  if (!text) return null;
  const t = text.replace(/\s+/g, '');
  if (t.startsWith('部分达成')) return '部分达成';
  if (t.startsWith('未达成') || t.startsWith('未完成')) return '未达成';
  if (t.startsWith('达成') || t === '已达成' || t === '已完成' || t === '完成') return '达成';
  return null;
}
