/** Cleaning of cell text: HTML tags in goal texts, thousands separators in amounts. */
import { amountOf } from '../domain/values.js';
import type { Cell } from '../types.js';

const ENTITIES: Record<string, string> = { nbsp: ' ', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", ldquo: '“', rdquo: '”' };

/** Whether a text carries HTML tags. */
export function hasHtml(text: string): boolean {
  return /<\/?(?:p|br|div|span|b|strong|i|em|font|li|ul|ol)\b[^>]*>/i.test(text);
}

/**
 * Removes HTML: each <p>…</p> or <br> becomes its own paragraph, paragraphs joined with "\n";
 * entities decoded; blanks around paragraphs trimmed.
 */
export function stripHtml(text: string): string {
  const marked = text
    .replace(/<br\s*\/?>/gi, '\u0001')
    .replace(/<\/(?:p|div|li)>/gi, '\u0001')
    .replace(/<[^>]+>/g, '')
    .replace(/&(#\d+|#x[0-9a-f]+|[a-z]+);/gi, (m, e: string) => {
      if (e[0] === '#') {
        const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
        return Number.isFinite(code) ? String.fromCodePoint(code) : m;
      }
      return ENTITIES[e.toLowerCase()] ?? m;
    });
  return marked
    .split('\u0001')
    .map((p) => p.trim())
    .filter((p) => p !== '')
    .join('\n');
}

/** Trims every line of a multi-line text and drops empty lines. */
export function tidy(text: string): string {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .join('\n');
}

/** Placeholders every form uses for "nothing here". */
export const PLACEHOLDERS: readonly string[] = ['-', '—', '/', '－'];

/**
 * A figure a narrow cell wrapped onto two lines (92.2 / 2%, read "92.2 2%"): the figure without
 * the break; otherwise the text as it is.
 */
export function compactFigure(text: string): string {
  const t = text.trim();
  if (!/\s/.test(t)) return t;
  const c = t.replace(/\s+/g, '');
  return /^[+-]?[\d,]+(?:\.\d+)?%?$/.test(c) ? c : t;
}

/** An amount cell: the decimal string, whether it had separators or was wrapped; null for blank or a placeholder. */
export function readAmount(text: string | undefined, placeholders: readonly string[] = PLACEHOLDERS): { value: string | null; separators: boolean; wrapped: boolean; bad: boolean } {
  const raw = (text ?? '').trim();
  if (raw === '' || placeholders.includes(raw)) return { value: null, separators: false, wrapped: false, bad: false };
  const t = compactFigure(raw);
  const v = amountOf(t.replace(/%$/, ''));
  if (v === undefined) return { value: null, separators: false, wrapped: false, bad: true };
  return { value: v, separators: t.includes(','), wrapped: t !== raw, bad: false };
}

/** Page numbers printed in a footer (-1-, 第1页, 第1页 共2页, 1/2): no part of any table. */
const PAGE_NUMBER = /^(?:[-－—–]\s*\d{1,4}\s*[-－—–]|第\s*\d{1,4}\s*页(?:\s*[，,]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*\/\s*\d{1,4})$/;

/** Whether a row holds nothing but a page number (a footer a text extraction kept among the rows). */
export function isPageNumberRow(texts: readonly string[]): boolean {
  return texts.length === 1 && PAGE_NUMBER.test(texts[0]!.trim());
}

/** A cell emptied where it stands: no text, no merge, its box kept. */
export function blank(c: Cell): Cell {
  const { raw: _raw, merge: _merge, ...rest } = c;
  return { ...rest, text: '', rowSpan: 1 };
}

/** How far two cells' boxes overlap across (negative: the gap between them); undefined without boxes. */
export function acrossOverlap(a: Cell, b: Cell): number | undefined {
  if (!a.bbox || !b.bbox) return undefined;
  return Math.min(a.bbox[2], b.bbox[2]) - Math.max(a.bbox[0], b.bbox[0]);
}

/** Index of the cell of `cells` whose box overlaps `cell`'s most across (-1: none, or no boxes). */
export function mostOverlapped(cell: Cell, cells: readonly Cell[]): number {
  let at = -1, most = 0;
  cells.forEach((c, n) => {
    const o = acrossOverlap(c, cell) ?? 0;
    if (o > most) [at, most] = [n, o];
  });
  return at;
}
