/**
 * Text that a line wrap cut, made whole again: a neutral helper for every layer that joins the
 * lines of one cell (the PDF layer across a page break, the repair layer across merged rows).
 */

/**
 * Joins two pieces of one cell's text as a line wrap joins them: Latin words with a space, the
 * digits of a number cut by the break without one (≤300.0 | 0(元/人)).
 */
export function joinWrapped(a: string, b: string): string {
  if (!a) return b;
  if (!b) return a;
  if (/[\d.]$/.test(a) && /^\d/.test(b)) return a + b;
  return /[A-Za-z0-9]$/.test(a) && /^[A-Za-z0-9]/.test(b) ? `${a} ${b}` : a + b;
}
