/** Given the text of a tab-separated dump, returns one Row per non-blank line. */
import type { Row } from '../types.js';

/** Splits dump text into rows of cells; blank lines mark `breakBefore` on the next row. */
export function textToRows(text: string): Row[] {
  const rows: Row[] = [];
  const lines = text.split(/\r\n|\r|\n/);
  let blank = false;
  lines.forEach((line, i) => {
    if (line.trim() === '') {
      blank = true;
      return;
    }
    const cells = line.split('\t').map((raw) => {
      const text = raw.replace(/\u00a0|\u3000/g, ' ').trim();
      return text === raw ? { text, rowSpan: 1, colSpan: 1 } : { text, raw, rowSpan: 1, colSpan: 1 };
    });
    // Trailing empty cells carry no meaning in a dump (their count varies from line to line).
    while (cells.length > 1 && cells[cells.length - 1]!.text === '') cells.pop();
    const row: Row = { cells, line: i + 1 };
    if (blank) row.breakBefore = true;
    blank = false;
    rows.push(row);
  });
  return rows;
}
