/** CSV text (papaparse) safe for spreadsheets: formula-looking cells are neutralised. */
import iconv from 'iconv-lite';
import Papa from 'papaparse';

const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?\d+(\.\d+)?%?$/;

/**
 * Neutralises a cell that a spreadsheet would run as a formula (starts with = + - @, tab or CR) by
 * prefixing a single quote; numbers such as -1.5 and the placeholder "-" are left as they are.
 */
export function neutralise(value: string): string {
  if (value === '-' || PLAIN_NUMBER.test(value)) return value;
  return FORMULA_START.test(value) ? `'${value}` : value;
}

export type CsvValue = string | number | boolean | null | undefined;

/** Renders rows (objects with the same keys as `columns`) as CSV with a header line and CRLF ends. */
export function toCsv(columns: readonly string[], rows: readonly Record<string, CsvValue>[]): string {
  const data = rows.map((r) => columns.map((c) => {
    const v = r[c];
    if (v === null || v === undefined) return '';
    return neutralise(String(v));
  }));
  const text = Papa.unparse({ fields: [...columns], data }, { newline: '\r\n', quotes: false });
  // Papa ends a header-only CSV with a line break already; every line ends with exactly one.
  return text.endsWith('\r\n') ? text : `${text}\r\n`;
}

/** Encodes CSV text: UTF-8 with a BOM (so Excel/WPS detect it), or GB18030. */
export function encodeCsv(text: string, encoding: 'utf-8' | 'gb18030'): Buffer {
  if (encoding === 'gb18030') return iconv.encode(text, 'gb18030');
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
}
