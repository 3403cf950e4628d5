/**
 * Given the text of a dump, returns one Row per non-blank line: tab-separated (`.txt`, `.tsv`),
 * or, for a `.csv`, tab- or comma-separated (whichever its first lines hold more of; commas with
 * RFC 4180 quotes). `RowReader` does the same line by line, for dumps read in chunks.
 */
import type { Cell, Row } from '../types.js';
import { CsvRecords } from './csv-fields.js';

/** How the cells of a line are separated. */
export type Delimiter = 'tab' | 'comma' | 'auto';

/** Given the raw fields of one line, returns its cells (trimmed; trailing empty cells dropped). */
export function fieldsToCells(fields: readonly string[]): Cell[] {
  const cells = fields.map((raw) => {
    const text = raw.replace(/\u00a0|\u3000/g, ' ').trim();
    return text === raw ? { text, rowSpan: 1, colSpan: 1 } : { text, raw, rowSpan: 1, colSpan: 1 };
  });
  // Trailing empty cells carry no meaning in a dump (their count varies from line to line).
  while (cells.length > 1 && cells[cells.length - 1]!.text === '') cells.pop();
  return cells;
}

/** Lines looked at to tell a tab-separated `.csv` from a comma-separated one. */
const SNIFF_LINES = 50;

/** Turns lines (in order, numbered from 1) into rows; blank lines mark `breakBefore` on the next row. */
export class RowReader {
  private blank = false;
  private delimiter: Delimiter;
  private readonly csv = new CsvRecords();
  /** Lines held while the delimiter is not decided yet (`auto`). */
  private held: Array<[string, number]> = [];
  private tabs = 0;
  private commas = 0;

  /** @param delimiter `auto`: tabs or commas, whichever the first lines hold more of. */
  constructor(delimiter: Delimiter = 'tab') {
    this.delimiter = delimiter;
  }

  /** Takes one line; returns the rows it completes (more than one once an `auto` delimiter is decided). */
  pushAll(text: string, line: number): Row[] {
    if (this.delimiter !== 'auto') {
      const row = this.push(text, line);
      return row ? [row] : [];
    }
    this.held.push([text, line]);
    for (const ch of text) {
      if (ch === '\t') this.tabs++;
      else if (ch === ',') this.commas++;
    }
    if (this.held.length < SNIFF_LINES) return [];
    return this.decide();
  }

  /** Decides an `auto` delimiter on the lines held and returns their rows. */
  private decide(): Row[] {
    this.delimiter = this.tabs >= this.commas ? 'tab' : 'comma';
    const out: Row[] = [];
    for (const [t, l] of this.held) {
      const row = this.push(t, l);
      if (row) out.push(row);
    }
    this.held = [];
    return out;
  }

  /** Takes one line (the delimiter must be decided); returns the row it completes, if any. */
  push(text: string, line: number): Row | undefined {
    if (this.delimiter === 'comma') {
      const rec = this.csv.push(text, line);
      if (!rec) return undefined;
      if (rec.fields.every((f) => f.trim() === '') && !rec.quoted) return this.markBlank();
      return this.row(fieldsToCells(rec.fields), rec.line);
    }
    if (text.trim() === '') return this.markBlank();
    return this.row(fieldsToCells(text.split('\t')), line);
  }

  /** Ends the input; returns the last rows (lines held undecided, a quoted CSV field left open). */
  end(): Row[] {
    const out = this.delimiter === 'auto' ? this.decide() : [];
    if (this.delimiter !== 'comma') return out;
    const rec = this.csv.end();
    if (rec) out.push(this.row(fieldsToCells(rec.fields), rec.line));
    return out;
  }

  private markBlank(): undefined {
    this.blank = true;
    return undefined;
  }

  private row(cells: Cell[], line: number): Row {
    const row: Row = { cells, line };
    if (this.blank) row.breakBefore = true;
    this.blank = false;
    return row;
  }
}

/** Splits dump text into rows of cells; blank lines mark `breakBefore` on the next row. */
export function textToRows(text: string, delimiter: Delimiter = 'tab'): Row[] {
  const reader = new RowReader(delimiter);
  const rows: Row[] = [];
  text.split(/\r\n|\r|\n/).forEach((line, i) => rows.push(...reader.pushAll(line, i + 1)));
  rows.push(...reader.end());
  return rows;
}
