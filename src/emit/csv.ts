/**
 * CSV text (papaparse): a header line and rows, CRLF ends. By default safe for spreadsheets:
 * text that a spreadsheet would run as a formula is prefixed with `'` (`--csv-guard off` leaves
 * every value as it is, for pandas, csvkit and databases). A NUL character never goes raw into a cell.
 */
import iconv from 'iconv-lite';
import Papa from 'papaparse';
import type { Column, HeaderLanguage } from '../domain/columns.js';
import { headerOf } from '../domain/columns.js';

// Full-width ＝＋－＠ too: Excel and WPS read them as = + - @ when a cell is typed in or imported.
const FORMULA_START = /^[=+\-@\t\r\uff1d\uff0b\uff0d\uff20]/;
const PLAIN_NUMBER = /^[+-]?\d+(\.\d+)?%?$/;
// eslint-disable-next-line no-control-regex
const NUL = /\u0000/g;

/**
 * Neutralises a cell that a spreadsheet would run as a formula (starts with = + - @, their
 * full-width forms ＝＋－＠, tab or CR) by prefixing a single quote. Left alone: numbers such as
 * -1.5, and a lone sign ("-" as a placeholder, "=" as a parsed operator), which no spreadsheet runs.
 * A NUL character is replaced too (see `withoutNul`).
 */
export function neutralise(value: string): string {
  const text = withoutNul(value);
  if (text.length === 1 || PLAIN_NUMBER.test(text)) return text;
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/**
 * A NUL character (which ends a string in many CSV readers and databases) becomes U+FFFD; it never
 * goes raw into a cell, whatever `--csv-guard` says.
 */
export function withoutNul(value: string): string {
  return value.includes('\u0000') ? value.replace(NUL, '\ufffd') : value;
}

export type CsvValue = string | number | boolean | null | undefined;

/** The header line of a table, CRLF-ended. */
export function csvHeader(columns: readonly Column[], lang: HeaderLanguage = 'en'): string {
  return Papa.unparse([columns.map((c) => headerOf(c, lang))], { newline: '\r\n', quotes: false }) + '\r\n';
}

/** Rows (objects keyed by column key) as CSV lines, each CRLF-ended; '' for none. */
export function csvRows(columns: readonly Column[], rows: readonly Record<string, CsvValue>[], guard = true): string {
  if (rows.length === 0) return '';
  const data = rows.map((r) => columns.map((c) => {
    const v = r[c.key];
    if (v === null || v === undefined) return '';
    return guard ? neutralise(String(v)) : withoutNul(String(v));
  }));
  return Papa.unparse(data, { newline: '\r\n', quotes: false }) + '\r\n';
}

/** Renders rows as CSV with a header line (English keys). */
export function toCsv(columns: readonly Column[], rows: readonly Record<string, CsvValue>[], guard = true): string {
  return csvHeader(columns) + csvRows(columns, rows, guard);
}

/**
 * Encodes CSV text: UTF-8, with a BOM at the start of the file (so Excel/WPS detect it), or
 * GB18030. `start`: whether this text opens the file.
 */
export function encodeCsv(text: string, encoding: 'utf-8' | 'gb18030', start = true): Buffer {
  if (encoding === 'gb18030') return iconv.encode(text, 'gb18030');
  const body = Buffer.from(text, 'utf8');
  return start ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), body]) : body;
}
