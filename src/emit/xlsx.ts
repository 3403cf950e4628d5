/**
 * `ziping.xlsx` (exceljs, streamed): sheets projects, indicators, issues and inputs with the
 * columns of the CSV tables (domain/columns.ts). Numbers are stored as numbers, text as text (so
 * no cell can run as a formula), the header row is frozen and filterable, and the rows of flagged
 * tables are coloured.
 */
import ExcelJS from 'exceljs';
import { headerOf, TABLES, type Column, type HeaderLanguage, type TableFile } from '../domain/columns.js';
import type { CsvValue } from './csv.js';

/** Sheet name of each table. */
const SHEETS: Record<TableFile, string> = {
  'projects.csv': 'projects',
  'indicators.csv': 'indicators',
  'issues.csv': 'issues',
  'inputs.csv': 'inputs',
};

/** Fill of rows that belong to a flagged table (light orange). */
export const FLAGGED_FILL = 'FFFCE4D6';

/** Given a cell value and its column, returns what the sheet stores: numbers as numbers. */
export function cellValue(v: CsvValue, col: Column): string | number | null {
  if (v === null || v === undefined || v === '') return null;
  if (col.type === 'integer' || col.type === 'number') {
    const n = Number(v);
    if (Number.isFinite(n)) return n;
  }
  return String(v);
}

/** Streams the sheets into an .xlsx file; rows are committed as they come. */
export class XlsxWriter {
  private readonly book: ExcelJS.stream.xlsx.WorkbookWriter;
  private readonly sheets = new Map<TableFile, ExcelJS.Worksheet>();

  /** @param file where to write (a temporary path: the caller renames it into place). */
  constructor(file: string, private readonly lang: HeaderLanguage = 'en') {
    this.book = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true, useSharedStrings: false });
    this.book.creator = 'ziping';
    for (const [name, cols] of Object.entries(TABLES) as Array<[TableFile, readonly Column[]]>) {
      const ws = this.book.addWorksheet(SHEETS[name], { views: [{ state: 'frozen', ySplit: 1 }] });
      ws.columns = cols.map((c) => ({ header: headerOf(c, lang), key: c.key, width: Math.min(40, Math.max(8, headerOf(c, lang).length * (lang === 'zh' ? 2 : 1) + 2)) }));
      ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: cols.length } };
      ws.getRow(1).font = { bold: true };
      this.sheets.set(name, ws);
    }
  }

  /** Appends rows to a sheet; `flagged` rows get the flagged colour. */
  add(name: TableFile, rows: readonly Record<string, CsvValue>[], flagged: (row: Record<string, CsvValue>) => boolean = () => false): void {
    const ws = this.sheets.get(name)!;
    const cols = TABLES[name];
    for (const r of rows) {
      const row = ws.addRow(cols.map((c) => cellValue(r[c.key], c)));
      if (flagged(r)) for (let i = 1; i <= cols.length; i++) row.getCell(i).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: FLAGGED_FILL } };
      row.commit();
    }
  }

  private finishing?: Promise<void>;

  /**
   * Finishes the file. Calling it again returns the first call's outcome (an abort after a failed
   * finish must not fail anew with "archive already finalizing" and hide the first error).
   */
  commit(): Promise<void> {
    this.finishing ??= (async () => {
      for (const ws of this.sheets.values()) ws.commit();
      await this.book.commit();
    })();
    return this.finishing;
  }
}
