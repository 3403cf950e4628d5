/**
 * Given the rows of one table, returns the template whose labels fit it best. A template fits a
 * table when its vocabulary finds the funds block or the indicator block there; among those that
 * fit, each label of the table the template knows counts for it and each label only another
 * template knows counts against it; ties go to the template listed first. When none fits, the
 * table is read with the union of every template's labels and the labels no template knows are
 * named (`unknown_template`), so that a user can write the template.
 */
import { labelKey } from '../domain/labels.js';
import type { TemplateSet, Vocabulary } from '../domain/vocabulary.js';
import type { Row } from '../types.js';
import { findSections } from './sections.js';

export interface TemplateChoice {
  vocabulary: Vocabulary;
  /** False when no template fits and the table is read by the union of their labels. */
  known: boolean;
  /** Labels of the table that no template knows (only when `known` is false). */
  unknownLabels: string[];
}

/** Longest text that can be a label. */
const MAX_LABEL = 24;

/** The distinct short texts of a table, normalised: the candidates for its labels. */
function labelCandidates(rows: readonly Row[]): Set<string> {
  const out = new Set<string>();
  for (const r of rows) {
    for (const c of r.cells) {
      const k = labelKey(c.text);
      if (k !== '' && k.length <= MAX_LABEL) out.add(k);
    }
  }
  return out;
}

/** Whether a text reads like a label: short, no figures, no sentence punctuation. */
function looksLikeLabel(text: string): boolean {
  const k = labelKey(text);
  return k.length >= 2 && k.length <= 12 && !/[\d%。，；,;]/.test(k) && /\p{Script=Han}/u.test(k);
}

/**
 * Labels no template knows: in a row that holds a known label, the other label-like cells,
 * except the value printed right after a field label (项目名称 | 某某项目).
 */
function unknownLabelsOf(rows: readonly Row[], union: Vocabulary): string[] {
  const out: string[] = [];
  for (const r of rows) {
    const cells = r.cells.filter((c) => c.text !== '');
    if (!cells.some((c) => union.knows(c.text))) continue;
    cells.forEach((c, i) => {
      if (union.knows(c.text) || !looksLikeLabel(c.text)) return;
      const prev = cells[i - 1];
      if (prev && union.field(prev.text) !== undefined) return;
      const k = labelKey(c.text);
      if (!out.includes(k)) out.push(k);
    });
  }
  return out;
}

/** Picks the template for a table. */
export function detectTemplate(rows: readonly Row[], set: TemplateSet): TemplateChoice {
  const candidates = labelCandidates(rows);
  let best: { v: Vocabulary; score: number } | undefined;
  for (const v of set.templates) {
    const s = findSections(rows, v);
    if (s.funds < 0 && s.indicators < 0) continue;
    let score = 0;
    for (const k of candidates) {
      if (v.knows(k)) score++;
      else if (set.union.knows(k)) score--;
    }
    if (!best || score > best.score) best = { v, score };
  }
  if (best) return { vocabulary: best.v, known: true, unknownLabels: [] };
  return { vocabulary: set.union, known: false, unknownLabels: unknownLabelsOf(rows, set.union) };
}
