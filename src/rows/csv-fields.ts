/**
 * Comma-separated lines → fields (RFC 4180): fields may be quoted, `""` is a quote inside a quoted
 * field, and a quoted field may hold line breaks, so one record can span several lines.
 */

/** One record: its fields, the line it starts on, and whether any field was quoted. */
export interface CsvRecord {
  fields: string[];
  line: number;
  quoted: boolean;
}

/** A quoted field left open longer than this many lines is closed (a stray quote, not a field). */
const MAX_RECORD_LINES = 1000;

/** Assembles records from lines pushed in order. */
export class CsvRecords {
  private fields: string[] = [];
  private field = '';
  private inQuotes = false;
  private quoted = false;
  private start = 0;

  /** Takes one line (without its line break); returns the record it completes, if any. */
  push(text: string, line: number): CsvRecord | undefined {
    if (!this.inQuotes) {
      this.start = line;
      this.fields = [];
      this.field = '';
      this.quoted = false;
    } else this.field += '\n';
    for (let i = 0; i < text.length; i++) {
      const c = text[i]!;
      if (this.inQuotes) {
        if (c !== '"') this.field += c;
        else if (text[i + 1] === '"') { this.field += '"'; i++; }
        else this.inQuotes = false;
      } else if (c === '"' && this.field.trim() === '') {
        this.inQuotes = true;
        this.quoted = true;
        this.field = '';
      } else if (c === ',') {
        this.fields.push(this.field);
        this.field = '';
      } else this.field += c;
    }
    if (this.inQuotes && line - this.start < MAX_RECORD_LINES) return undefined;
    this.inQuotes = false;
    this.fields.push(this.field);
    return { fields: this.fields, line: this.start, quoted: this.quoted };
  }

  /** Ends the input: a record whose quote never closed is returned as read. */
  end(): CsvRecord | undefined {
    if (!this.inQuotes) return undefined;
    this.inQuotes = false;
    this.fields.push(this.field);
    return { fields: this.fields, line: this.start, quoted: this.quoted };
  }
}
