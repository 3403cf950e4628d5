/**
 * Rows of text fields printed without padding under one another (评价结论, 存在问题, 改进措施), which
 * a layer without rules read as one row: the label cell holds the labels one after another, a
 * signature line perhaps after them (评价结论存在问题改进措施项目负责人：…; one label is enough
 * where a signature line follows it: 改进措施项目负责人：…), and one other cell holds one
 * paragraph per label (or, where a paragraph break was lost, as many sentences). Each label gets
 * its row back with its paragraph (`stacked_fields_split`); the signature line, and signature
 * cells beside the row (填报人：…), become a row of their own, which the readers skip. Labels read into one cell
 * merged over as many rows as they name, a section's side label among them (项目年度目标项目基本情况
 * 年度目标完成情况 over the two goal rows), go one to each row. Anything else (labels and
 * paragraphs that do not pair one to one) is left as it is.
 */
import { labelKey } from '../domain/labels.js';
import type { Vocabulary } from '../domain/vocabulary.js';
import { report, type StageContext } from '../stage.js';
import type { Row } from '../types.js';
import { blank } from './text.js';

/**
 * The field labels a text is made of, in order, and what follows them; null unless two or more,
 * or one with a signature line after it (改进措施项目负责人：…).
 */
export function labelsIn(text: string, v: Vocabulary): { labels: string[]; rest: string } | null {
  let k = labelKey(text);
  const labels: string[] = [];
  while (k !== '') {
    let len = k.length;
    while (len >= 2 && v.field(k.slice(0, len)) === undefined && !v.isSection(k.slice(0, len))) len--;
    if (len < 2) break;
    // A section's side label among them (项目基本情况) names no row of its own.
    if (v.field(k.slice(0, len)) !== undefined) labels.push(k.slice(0, len));
    k = k.slice(len);
  }
  if (labels.length === 0 || (k !== '' && !v.isIgnored(k)) || (labels.length === 1 && k === '')) return null;
  return { labels, rest: k };
}

/** Given a table's rows, returns them with each stacked field row split (see above). */
export function splitStackedFields(rows: readonly Row[], v: Vocabulary, ctx: StageContext): Row[] {
  const out = rows.map((r) => r);
  return out.flatMap((row, r) => {
    // (Signature lines beside them, 填报人：…, stay on a row of their own.)
    const filled = row.cells.flatMap((c, i) => (c.text === '' || v.isIgnored(c.text) ? [] : [i]));
    if (filled.length !== 2) return [row];
    const [li, vi] = filled as [number, number];
    const found = labelsIn(row.cells[li]!.text, v);
    const paragraphs = found ? paragraphsFor(row.cells[vi]!.text, found.labels.length) : [];
    if (found && !found.rest && spreadOverRows(out, r, li, found.labels)) {
      report(ctx, 'stacked_fields_split', `${found.labels.length} field labels read into one cell merged over their rows: split into ${found.labels.join(', ')}`, { row, cell: row.cells[li] }, { actual: row.cells[li]!.text, expected: found.labels.join(' | ') });
      return [out[r]!];
    }
    if (!found || paragraphs.length !== found.labels.length) return [row];
    report(ctx, 'stacked_fields_split', `${found.labels.length} field rows printed without padding were read as one: split into ${found.labels.join(', ')}`, { row, cell: row.cells[li] }, { actual: row.cells[li]!.text, expected: found.labels.join(' | ') });
    const made = found.labels.map((label, n): Row => ({
      ...row,
      cells: row.cells.map((c, i) => (i === li ? { ...blank(c), text: label } : i === vi ? { ...blank(c), text: paragraphs[n]! } : blank(c))),
    }));
    const signed = row.cells.some((c, i) => i !== li && i !== vi && c.text !== '');
    if (found.rest || signed) made.push({ ...row, cells: row.cells.map((c, i) => (i === li ? { ...blank(c), text: found.rest } : i === vi ? blank(c) : c)) });
    return made;
  });
}

/**
 * The labels of a cell merged over as many rows as it names fields, each row below holding one
 * value and nothing in the label's column: each row gets its label (in `rows`, in place).
 */
function spreadOverRows(rows: Row[], r: number, li: number, labels: readonly string[]): boolean {
  const row = rows[r]!;
  if (row.cells[li]!.rowSpan !== labels.length || r + labels.length > rows.length) return false;
  const below = rows.slice(r + 1, r + labels.length);
  if (!below.every((b) => b.cells.length === row.cells.length && b.cells[li]!.text === '' && b.cells.filter((c) => c.text !== '').length === 1)) return false;
  rows[r] = { ...row, cells: row.cells.map((c, i) => (i === li ? { ...blank(c), text: labels[0]! } : c)) };
  below.forEach((b, n) => {
    rows[r + 1 + n] = { ...b, cells: b.cells.map((c, i) => (i === li ? { ...blank(c), text: labels[n + 1]! } : c)) };
  });
  return true;
}

/**
 * A value cell's paragraphs, one per label: as printed, or, where a paragraph break was lost (two
 * fields' texts run together), its sentences when they are exactly as many as the labels.
 */
function paragraphsFor(text: string, count: number): string[] {
  const paragraphs = text.split('\n');
  if (paragraphs.length >= count) return paragraphs;
  const sentences = paragraphs.flatMap((p) => p.split(/(?<=。)(?=.)/u));
  return sentences.length === count ? sentences : paragraphs;
}
