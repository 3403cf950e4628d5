/**
 * Given the rows of one table, returns the template whose labels fit it best. A template fits a
 * table when its vocabulary finds the funds block or the indicator block there and understands
 * their header rows and row labels (at most one label it does not know in each, the start of one
 * of its labels split by a page break counting as known); among those that fit, each label of the
 * table the template knows counts for it and each label only another template knows counts
 * against it (a fund row label's lines a narrow cell wrapped onto two rows, 年度 over 资金总额, are
 * one label where the template reads them so); ties go to the template that understands more of
 * the blocks' labels (偏差原因分析及, the start of a header label a page break cut, is national's
 * 偏差原因分析及改进措施 and no Shanghai label), then to the template listed first. When none
 * fits, the table is read with the union of every template's labels and the labels no template
 * knows are named (`unknown_template`), so that a user can write the template.
 */
import { labelKey, looksLikeLabel } from '../domain/labels.js';
import type { TemplateSet, Vocabulary } from '../domain/vocabulary.js';
import { isNumber } from '../domain/values.js';
import type { Row } from '../types.js';
import { readFundLabelsInOrder } from './fund-labels.js';
import { gluedFundRow, joinFundRests } from './funds.js';
import { findSections } from './sections.js';

export interface TemplateChoice {
  vocabulary: Vocabulary;
  /** False when no template fits and the table is read by the union of their labels. */
  known: boolean;
  /** Labels of the table that no template knows (only when `known` is false). */
  unknownLabels: string[];
}

/** A context for readers run only to see what they make of the rows: their reports go nowhere. */
const QUIET = { file: '', report: (): void => undefined };

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


/**
 * Labels no template knows: in a row that holds a known label, the other label-like cells,
 * except the value printed right after a field label (项目名称 | 某某项目).
 */
function unknownLabelsOf(rows: readonly Row[], union: Vocabulary): string[] {
  const out: string[] = [];
  for (const r of rows) {
    const cells = r.cells.filter((c) => c.text !== '');
    // Rows with figures are values (indicator rows, fund rows), not labels.
    if (!cells.some((c) => union.knows(c.text)) || cells.some((c) => isNumber(c.text))) continue;
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

/**
 * Whether a text is a label of a template, or the start of one (预算执行 of 预算执行情况): a merged
 * label cell whose text a page break split keeps its first part in the header row, and a narrow
 * cell wraps a label's last character (绩效指 / 标): three characters or more may lack one.
 */
function understood(text: string, v: Vocabulary): boolean {
  if (v.knows(text)) return true;
  const k = labelKey(text);
  for (const l of v.labels) if ((l.length >= k.length + 2 || (k.length >= 3 && l.length > k.length)) && l.startsWith(k)) return true;
  return false;
}

/** How many label-like cells of the given cells a template does not understand. */
function notUnderstood(cells: readonly { text: string }[], v: Vocabulary): number {
  return cells.filter((c) => c.text !== '' && looksLikeLabel(c.text) && !understood(c.text, v)).length;
}

/** Labels a template may not know in a block's header or row labels and still fit the table. */
const TOLERATED = 1;

/**
 * How many labels of the parts of the table it finds a template does not understand, or null
 * where it does not fit the table (see the module comment).
 */
function misses(rows: readonly Row[], v: Vocabulary): number | null {
  const s = findSections(rows, v);
  if (s.funds < 0 && s.indicators < 0) return null;
  const header = s.indicators >= 0 ? notUnderstood(rows[s.indicators]!.cells, v) : 0;
  if (header > TOLERATED) return null;
  if (s.funds >= 0) {
    // The labels of the fund rows: rows with figures (a row of a label's pieces cut by a page break has none).
    // (Labels run together down their column count as read in order, as the funds reader reads them.)
    // (So do a label's lines a narrow cell wrapped onto a row of their own: 年度 over 资金总额.)
    const rowLabels = joinFundRests(readFundLabelsInOrder(rows.slice(s.funds + 1, s.fundsEnd), v, QUIET), v, QUIET)
      .filter((r) => r.cells.some((c) => isNumber(c.text.replace(/%$/, ''))))
      .map((r) => {
        // A line of the side label wrapped one piece a row (预算 / 执行 / 情况 / (10 / 分)) stands left of the row's label.
        const filled = r.cells.filter((c) => c.text !== '');
        return filled[0] && v.isSidePiece(filled[0].text) && filled[1] && !isNumber(filled[1].text.replace(/%$/, '')) ? filled[1] : filled[0];
      })
      .filter((c): c is NonNullable<typeof c> => c !== undefined)
      // A row label read into one cell with its first figure or a piece of the side label is its label.
      .filter((c) => !gluedFundRow(c.text, v));
    const funds = notUnderstood(rows[s.funds]!.cells, v) + notUnderstood(rowLabels, v);
    if (funds > TOLERATED) return null;
    return header + funds;
  }
  return header;
}

/** The rows with the lines of fund rows a narrow cell wrapped (年度 over 资金总额) joined as a template reads them. */
function withFundRestsJoined(rows: readonly Row[], v: Vocabulary): readonly Row[] {
  const s = findSections(rows, v);
  if (s.funds < 0) return rows;
  return [...rows.slice(0, s.funds + 1), ...joinFundRests(rows.slice(s.funds + 1, s.fundsEnd), v, QUIET), ...rows.slice(s.fundsEnd)];
}

/** Picks the template for a table. */
export function detectTemplate(rows: readonly Row[], set: TemplateSet): TemplateChoice {
  let best: { v: Vocabulary; score: number; missed: number } | undefined;
  for (const v of set.templates) {
    const missed = misses(rows, v);
    if (missed === null) continue;
    const candidates = labelCandidates(withFundRestsJoined(rows, v));
    let score = 0;
    for (const k of candidates) {
      if (v.knows(k)) score++;
      else if (set.union.knows(k)) score--;
    }
    if (!best || score > best.score || (score === best.score && missed < best.missed)) best = { v, score, missed };
  }
  if (best) return { vocabulary: best.v, known: true, unknownLabels: [] };
  return { vocabulary: set.union, known: false, unknownLabels: unknownLabelsOf(rows, set.union) };
}
