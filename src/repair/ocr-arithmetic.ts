/**
 * The form's arithmetic as a check on OCR. A misread digit breaks the form's rules (执行率 =
 * 执行数 / 预算数, 得分 ≤ 分值, Σ = total, weights sum to 100; check/check.ts). Given a record
 * read from a scan, every figure (and the grade) that OCR read with low confidence is re-checked:
 *
 * - readings: the recogniser's other readings of the cell, its second choice at each doubtful
 *   character, the look-alikes OCR confuses in printed figures (8/6/3/9/0/5, 1/7, "." for ","
 *   or ":"), a stray mark dropped, and a figure alone when marks were read beside it;
 * - a reading *holds* when every rule the figure takes part in is met with it and no other rule
 *   breaks. Which rules a figure takes part in is found by trying it (check.ts is run with the
 *   figure changed: the rules whose outcome moves are its rules), so the arithmetic lives in one
 *   place only;
 * - when the figure as read does not hold and exactly one other reading does (and no other
 *   doubtful figure's reading would mend the same rule), that reading replaces it and the repair
 *   is logged as `ocr_corrected` with both readings;
 * - otherwise the figure is kept as read and, unless the arithmetic confirms it, flagged
 *   `ocr_uncertain` with its cell's box. A rule still broken on an OCR'd table says whether some
 *   reading would have mended it: a table inconsistent under every reading is flagged as such.
 *
 * It never corrects a figure read with confidence, so a real inconsistency in the published
 * table stays what it is.
 */
import { Decimal } from 'decimal.js';
import { checkRecord } from '../check/check.js';
import type { Template } from '../domain/template.js';
import { CODES, diagnostic, type Diagnostic } from '../diagnostics.js';
import type { BBox, CellOcr, Provenance, Row } from '../types.js';
import type { UncheckedRecord } from '../validate/validate.js';
import { readAmount } from './text.js';

/** Below this a character (or a cell's weakest character) is doubtful. */
export const LOW_CONFIDENCE = 0.9;
/** Readings of the whole cell less likely than this, relative to the best, are not considered. */
const MIN_ALTERNATIVE = 0.003;
/** Look-alikes in printed figures (both directions are listed). */
const CONFUSIONS: Readonly<Record<string, string>> = {
  '0': '8693', '1': '7', '3': '8950', '5': '63', '6': '850', '7': '1', '8': '6390', '9': '830',
  '.': ',:', ',': '.', ':': '.', '：': '.', '，': '.', '。': '.',
};
const NUMBER_CHARS = /^[0-9.,+\-%]$/;

/** An OCR'd cell found by its page and box. */
export interface OcrCell {
  text: string;
  ocr: CellOcr;
  page: number;
  bbox: BBox;
}

const cellKey = (page: number | undefined, bbox: BBox | undefined): string => `${page ?? 0}:${(bbox ?? []).map((v) => v.toFixed(2)).join(',')}`;

/** Given rows, returns their OCR'd cells keyed by page and box. */
export function ocrCellsOf(rows: readonly Row[]): Map<string, OcrCell> {
  const out = new Map<string, OcrCell>();
  for (const r of rows) for (const c of r.cells) if (c.ocr && c.bbox) out.set(cellKey(c.page ?? r.page, c.bbox), { text: c.text, ocr: c.ocr, page: (c.page ?? r.page)!, bbox: c.bbox });
  return out;
}

/** The fields re-checked: every figure of the form and the grade. */
function checkedFields(rec: UncheckedRecord): string[] {
  const out: string[] = [];
  for (const [rk, row] of Object.entries(rec.funds)) {
    // A row the form does not have is null; 原因 is text, no figure.
    if (row) for (const ck of Object.keys(row)) if (ck !== 'deviation_reason') out.push(`funds.${rk}.${ck}`);
  }
  rec.indicators.forEach((_, i) => out.push(`indicators.${i}.weight`, `indicators.${i}.score`));
  out.push('total_weight', 'total_score', 'grade');
  return out;
}

function getField(rec: UncheckedRecord, field: string): string | null {
  let o: unknown = rec;
  for (const k of field.split('.')) o = (o as Record<string, unknown> | null)?.[k];
  return (o as string | null | undefined) ?? null;
}

/** A copy of `rec` with `field` set (only the objects on the way are copied). */
function withField(rec: UncheckedRecord, field: string, value: string | null): UncheckedRecord {
  const keys = field.split('.');
  const copy = (o: unknown, i: number): unknown => {
    if (i === keys.length) return value;
    const k = keys[i]!;
    if (Array.isArray(o)) {
      const a = [...o];
      a[Number(k)] = copy(a[Number(k)], i + 1);
      return a;
    }
    return { ...(o as object), [k]: copy((o as Record<string, unknown>)[k], i + 1) };
  };
  return copy(rec, 0) as UncheckedRecord;
}

/** Each check outcome of a record: key `code@field` → what it printed and expected. */
function outcomes(rec: UncheckedRecord, template: Template, project: number): Map<string, string> {
  const { issues } = checkRecord(rec, template, project);
  return new Map(issues.map((d) => [`${d.code}@${d.location.field ?? ''}`, `${d.actual ?? ''}|${d.expected ?? ''}`]));
}

/** A value far from `v` of the same kind, to see which rules a field takes part in. */
function perturbed(field: string, v: string | null): string {
  if (field === 'grade') return `${v ?? ''}?`;
  return v === null ? '1.23' : new Decimal(v).times(1.37).plus(0.01).toFixed(2);
}

/** Check keys whose outcome moves when `field` changes: the rules it takes part in. */
function rulesOf(rec: UncheckedRecord, field: string, base: Map<string, string>, template: Template, project: number): Set<string> {
  const other = outcomes(withField(rec, field, perturbed(field, getField(rec, field))), template, project);
  const moved = new Set<string>();
  for (const [k, v] of other) if (base.get(k) !== v) moved.add(k);
  for (const k of base.keys()) if (!other.has(k)) moved.add(k);
  return moved;
}

/** Whether the record's arithmetic confirms `field`: it takes part in some rule and all of its rules hold. */
function holds(rec: UncheckedRecord, field: string, template: Template, project: number): { holds: boolean; base: Map<string, string> } {
  const base = outcomes(rec, template, project);
  if (getField(rec, field) === null) return { holds: false, base };
  const rules = rulesOf(rec, field, base, template, project);
  return { holds: rules.size > 0 && [...rules].every((k) => !base.has(k)), base };
}

/** Decimals of a figure ("7.00" → 2). */
const decimalsOf = (v: string | null): number => (v?.split('.')[1] ?? '').length;

/** The value a cell text gives a field: an amount (separators and % removed) or, for the grade, the text. */
function valueOf(field: string, text: string): string | null {
  if (field === 'grade') return text.trim() === '' ? null : text.trim();
  return readAmount(text).value;
}

/** Other readings of a cell: the recogniser's, its second choices and look-alikes at doubtful characters, stray marks dropped. */
export function readingsOf(text: string, ocr: CellOcr, numeric: boolean): string[] {
  const out = new Set<string>();
  for (const a of ocr.alternatives ?? []) if (a.p >= MIN_ALTERNATIVE) out.add(a.text);
  const chars = Array.from(text);
  const conf = ocr.chars && ocr.chars.length === chars.length ? ocr.chars : undefined;
  chars.forEach((ch, i) => {
    const doubtful = (conf ? conf[i]! < LOW_CONFIDENCE : ocr.confidence < LOW_CONFIDENCE) || (numeric && !NUMBER_CHARS.test(ch));
    if (!doubtful) return;
    const put = (s: string): void => { out.add([...chars.slice(0, i), s, ...chars.slice(i + 1)].join('')); };
    const second = ocr.seconds?.[i];
    if (second && second.p >= 0.01) put(second.char);
    if (numeric) {
      for (const alt of CONFUSIONS[ch] ?? '') put(alt);
      put(''); // a speck read as a mark
    }
  });
  // A figure with marks beside it (a seal's stroke, a speck read as letters): the figure alone.
  if (numeric) for (const m of text.matchAll(/[+-]?\d[\d,.]*%?/g)) if (m[0] !== text) out.add(m[0]);
  out.delete(text);
  return [...out];
}

export interface OcrReview {
  record: UncheckedRecord;
  /** `ocr_corrected` repairs. */
  repairs: Diagnostic[];
  /** `ocr_uncertain` flags. */
  issues: Diagnostic[];
  /** Fields whose value was replaced (their earlier `missing_cell` reports no longer apply). */
  corrected: Set<string>;
  /** Adds to each check issue of the final record what OCR could have to do with it. */
  annotate(issues: Diagnostic[]): void;
}

/** Most doubtful figures for which pairs of readings are tried. */
const PAIR_LIMIT = 8;

interface Move {
  parts: Array<{ d: Doubt; o: Doubt['options'][number] }>;
  /** Check keys that fail before and hold after. */
  mends: Set<string>;
}

interface Doubt {
  field: string;
  cell: OcrCell;
  /** Values the other readings give, each with its cell text. */
  options: Array<{ value: string | null; text: string }>;
}

/**
 * Given a record read (in part) by OCR, its template (rounding, sums), its index in the file and the OCR'd
 * cells of its rows, returns it with the figures the arithmetic corrects, and what it did.
 */
export function reviewOcrArithmetic(record: UncheckedRecord, template: Template, project: number, cells: ReadonlyMap<string, OcrCell>): OcrReview {
  const repairs: Diagnostic[] = [];
  const issues: Diagnostic[] = [];
  const corrected = new Set<string>();
  const none: OcrReview = { record, repairs, issues, corrected, annotate: () => undefined };
  if (cells.size === 0) return none;
  markProvenance(record, cells);
  const file = record.source.file;
  const cellOf = (field: string): OcrCell | undefined => {
    const p = record.provenance[field];
    return p?.bbox ? cells.get(cellKey(p.page, p.bbox)) : undefined;
  };
  // How many decimals the table's figures mostly have.
  const counts = new Map<number, number>();
  for (const field of checkedFields(record)) {
    const v = field === 'grade' ? null : getField(record, field);
    if (v !== null) counts.set(decimalsOf(v), (counts.get(decimalsOf(v)) ?? 0) + 1);
  }
  const usualDecimals = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 2;
  // The doubtful figures: read with low confidence, or not readable as a figure at all.
  const doubts: Doubt[] = [];
  for (const field of checkedFields(record)) {
    const cell = cellOf(field);
    if (!cell || cell.text === '' || cell.text === '-') continue;
    const numeric = field !== 'grade';
    const value = getField(record, field);
    const unreadable = numeric && value === null;
    if (cell.ocr.confidence >= LOW_CONFIDENCE && !unreadable) continue;
    // Readings of the same figure ("3.1" and "3.10") are one reading: the one written as the
    // table's figures mostly are (as many decimals), else as long as what was read (a character
    // misread rather than one lost), stands for it.
    const same = (a: string, b: string | null): boolean => (numeric ? b !== null && new Decimal(a).eq(b) : a === b);
    const len = Array.from(cell.text).length;
    const rank = (o: { value: string | null; text: string }): number =>
      (decimalsOf(o.value) === usualDecimals ? 2 : 0) + (Array.from(o.text).length === len ? 1 : 0);
    const options: Doubt['options'] = [];
    for (const text of readingsOf(cell.text, cell.ocr, numeric)) {
      const v = valueOf(field, text);
      if (v === null || same(v, value)) continue;
      const twin = options.findIndex((o) => same(v, o.value));
      if (twin < 0) options.push({ value: v, text });
      else if (rank({ value: v, text }) > rank(options[twin]!)) options[twin] = { value: v, text };
    }
    doubts.push({ field, cell, options });
  }
  if (doubts.length === 0) return none;

  let rec = record;
  const fixedBy = new Map<string, string[]>(); // check key → fields whose reading would mend it
  for (let round = 0; round < 6; round++) {
    const base = outcomes(rec, template, project);
    const open = doubts.filter((d) => !corrected.has(d.field) && !holds(rec, d.field, template, project).holds);
    if (open.length === 0) break;
    /** Readings of one or two figures taken together, when they hold and break nothing that held. */
    const tryMove = (parts: Move['parts']): Move | null => {
      let next = rec;
      for (const p of parts) next = withField(next, p.d.field, p.o.value);
      const after = outcomes(next, template, project);
      if ([...after.keys()].some((k) => !base.has(k))) return null;
      if (!parts.every((p) => holds(next, p.d.field, template, project).holds)) return null;
      return { parts, mends: new Set([...base.keys()].filter((k) => !after.has(k))) };
    };
    let moves: Move[] = [];
    for (const d of open) for (const o of d.options) { const m = tryMove([{ d, o }]); if (m) moves.push(m); }
    // Two figures that only hold together (a figure unreadable, so the rule of the other could not
    // be checked), when no single one does.
    if (moves.length === 0 && open.length <= PAIR_LIMIT) {
      for (let i = 0; i < open.length; i++) {
        for (let j = i + 1; j < open.length; j++) {
          for (const a of open[i]!.options) for (const b of open[j]!.options) {
            const m = tryMove([{ d: open[i]!, o: a }, { d: open[j]!, o: b }]);
            if (m) moves.push(m);
          }
        }
      }
    }
    for (const m of moves) for (const k of m.mends) fixedBy.set(k, [...new Set([...(fixedBy.get(k) ?? []), ...m.parts.map((p) => p.d.field)])]);
    // Exactly one reading: no other move touches its figures or mends the same rules.
    const fields = (m: Move): string[] => m.parts.map((p) => p.d.field);
    const chosen = moves.filter((m) => moves.every((o) => o === m || (!fields(o).some((f) => fields(m).includes(f)) && ![...o.mends].some((k) => m.mends.has(k)))));
    if (chosen.length === 0) break;
    for (const m of chosen) {
      for (const { d, o } of m.parts) {
        const before = getField(rec, d.field);
        rec = withField(rec, d.field, o.value);
        corrected.add(d.field);
        const loc = { file, page: d.cell.page, bbox: d.cell.bbox, project, field: d.field };
        const why = m.parts.length === 1
          ? `"${o.text}" is the only reading that makes the arithmetic hold`
          : `"${o.text}", with "${m.parts.find((x) => x.d !== d)!.o.text}" for ${m.parts.find((x) => x.d !== d)!.d.field}, are the only readings that make the arithmetic hold`;
        repairs.push(diagnostic('ocr_corrected', `OCR read "${d.cell.text}" (confidence ${d.cell.ocr.confidence}); ${why}`, loc, { actual: before ?? d.cell.text, expected: o.value! }));
      }
    }
  }
  // What is left doubtful and not confirmed is flagged with its box.
  const finalBase = outcomes(rec, template, project);
  for (const d of doubts) {
    if (corrected.has(d.field) || holds(rec, d.field, template, project).holds) continue;
    const options = d.options.filter((o) => {
      const h = holds(withField(rec, d.field, o.value), d.field, template, project);
      return h.holds && [...h.base.keys()].every((k) => finalBase.has(k));
    });
    const why = options.length > 1
      ? `several readings make the arithmetic hold (${options.map((o) => `"${o.text}"`).join(', ')})`
      : options.length === 1
        ? `the reading "${options[0]!.text}" would make the arithmetic hold, but so would another doubtful figure`
        : d.options.length
          ? `no other reading (${d.options.slice(0, 4).map((o) => `"${o.text}"`).join(', ')}) makes the arithmetic hold`
          : 'the arithmetic does not confirm it and OCR offers no other reading';
    issues.push(diagnostic('ocr_uncertain', `OCR read "${d.cell.text}" with confidence ${d.cell.ocr.confidence}; kept as read: ${why}`,
      { file, page: d.cell.page, bbox: d.cell.bbox, project, field: d.field }, { actual: d.cell.text, ...(options.length ? { expected: options.map((o) => o.text).join(' | ') } : {}) }));
  }
  const uncertain = new Set(issues.map((d) => d.location.field));
  const annotate = (list: Diagnostic[]): void => {
    for (const d of list) {
      if (CODES[d.code].stage !== 'check' || d.code === 'ocr_uncertain' || d.code === 'missing_total_score') continue;
      const key = `${d.code}@${d.location.field ?? ''}`;
      const menders = (fixedBy.get(key) ?? []).filter((f) => uncertain.has(f));
      if (menders.length) d.message += ` (OCR: a reading of the doubtful ${menders.join(', ')} would make this hold; see ocr_uncertain)`;
      else d.message += ' (the table is read by OCR: no reading of its doubtful figures makes this hold)';
    }
  };
  return { record: rec, repairs, issues, corrected, annotate };
}

/** Marks every provenance entry read by OCR: `ocr: true` and the lowest confidence of its cells. */
function markProvenance(record: UncheckedRecord, cells: ReadonlyMap<string, OcrCell>): void {
  const all = [...cells.values()];
  const mark = (p: Provenance): void => {
    if (!p.bbox || p.page === undefined) return;
    const exact = cells.get(cellKey(p.page, p.bbox));
    const inside = exact ? [exact] : all.filter((c) => c.page === p.page && within(c.bbox, p.bbox!));
    if (inside.length === 0) return;
    p.ocr = true;
    p.confidence = Math.min(...inside.map((c) => c.ocr.confidence));
  };
  for (const p of Object.values(record.provenance)) mark(p);
  for (const ind of record.indicators) if (ind.provenance && ind.provenance.ocr === undefined) mark(ind.provenance);
}

function within(inner: BBox, outer: BBox): boolean {
  const cx = (inner[0] + inner[2]) / 2, cy = (inner[1] + inner[3]) / 2;
  return cx >= outer[0] && cx <= outer[2] && cy >= outer[1] && cy <= outer[3];
}
