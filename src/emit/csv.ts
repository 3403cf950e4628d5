/** CSV text (papaparse) safe for spreadsheets: formula-looking cells are neutralised. */
import iconv from 'iconv-lite';
import Papa from 'papaparse';

// Full-width ＝＋－＠ too: Excel and WPS read them as = + - @ when a cell is typed in or imported.
const FORMULA_START = /^[=+\-@\t\r\uff1d\uff0b\uff0d\uff20]/;
const PLAIN_NUMBER = /^[+-]?\d+(\.\d+)?%?$/;
// eslint-disable-next-line no-control-regex
const NUL = /\u0000/g;

/**
 * Neutralises a cell that a spreadsheet would run as a formula (starts with = + - @, their
 * full-width forms ＝＋－＠, tab or CR) by prefixing a single quote; numbers such as -1.5 and the
 * placeholder "-" are left as they are. A NUL character (which ends a string in many CSV readers)
 * becomes U+FFFD.
 */
export function neutralise(value: string): string {
  const text = value.includes('\u0000') ? value.replace(NUL, '\ufffd') : value;
  if (text === '-' || PLAIN_NUMBER.test(text)) return text;
  return FORMULA_START.test(text) ? `'${text}` : text;
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
