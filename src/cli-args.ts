/** Parsing of command-line values (durations, sizes, counts); errors are `UsageError`s. */

/** A mistake in the command line: the message is printed with the usage. */
export class UsageError extends Error {}

/** Parses 90, 90s, 1500ms, 2m, 1h into milliseconds (plain numbers are seconds). */
export function parseDurationMs(text: string): number {
  const m = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/.exec(text.trim());
  if (!m) throw new UsageError(`not a duration: ${text}`);
  const unit = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[(m[2] ?? 's') as 'ms' | 's' | 'm' | 'h'];
  return Math.max(1, Math.round(Number(m[1]) * unit));
}

/** Parses 200MB, 1.5GB, 500k, 1024 into bytes (units are powers of 1024; plain numbers are bytes). */
export function parseBytes(text: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*(b|k|kb|kib|m|mb|mib|g|gb|gib)?$/i.exec(text.trim());
  if (!m) throw new UsageError(`not a size: ${text}`);
  const u = (m[2] ?? 'b').toLowerCase()[0]!;
  return Math.round(Number(m[1]) * ({ b: 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 } as Record<string, number>)[u]!);
}

/** Parses a memory size for --max-memory into MiB: 500MB, 2GB, 512 (plain numbers are MiB). */
export function parseMemoryMb(text: string): number {
  const mb = /^\d+(?:\.\d+)?$/.test(text.trim()) ? Number(text) : parseBytes(text) / 2 ** 20;
  if (!(mb >= 1)) throw new UsageError(`--max-memory wants a size of at least 1 MiB, not ${text}`);
  return Math.floor(mb);
}

export function positiveInt(flag: string, text: string | undefined): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`${flag} wants a positive whole number, not ${text}`);
  return n;
}

/** Parses a resolution for --ocr-dpi: a whole number of pixels per inch from 100 to 600. */
export function dpiOf(flag: string, text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 100 || n > 600) throw new UsageError(`${flag} wants a resolution from 100 to 600 (pixels per inch), not ${text}`);
  return n;
}

/** Given a flag's value and the values it takes, returns it; the error lists them. */
export function oneOf<T extends string>(flag: string, text: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(text)) return text as T;
  throw new UsageError(`${flag} wants ${allowed.join(' or ')}, not ${text}`);
}

/** Names people type for the encodings ziping writes CSV in. */
const CSV_ENCODINGS: Record<string, 'utf-8' | 'gb18030'> = { 'utf-8': 'utf-8', utf8: 'utf-8', gb18030: 'gb18030', gbk: 'gb18030', gb2312: 'gb18030', cp936: 'gb18030' };

/** Parses --encoding: utf-8 (utf8) or gb18030 (gbk, gb2312, cp936: GB18030 holds them). */
export function csvEncodingOf(text: string): 'utf-8' | 'gb18030' {
  const e = CSV_ENCODINGS[text.trim().toLowerCase().replace(/_/g, '-')];
  if (!e) throw new UsageError(`--encoding wants utf-8 or gb18030 (also utf8, gbk), not ${text}`);
  return e;
}

type InputEncoding = 'auto' | 'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be';
const INPUT_ENCODINGS: Record<string, InputEncoding> = {
  auto: 'auto', 'utf-8': 'utf-8', utf8: 'utf-8', gb18030: 'gb18030', gbk: 'gb18030', gb2312: 'gb18030', cp936: 'gb18030',
  'utf-16le': 'utf-16le', utf16le: 'utf-16le', 'utf-16be': 'utf-16be', utf16be: 'utf-16be',
};

/** Parses --input-encoding, with the usual aliases (utf8, gbk, utf16le…). */
export function inputEncodingOf(text: string): InputEncoding {
  const e = INPUT_ENCODINGS[text.trim().toLowerCase().replace(/_/g, '-')];
  if (!e) throw new UsageError(`--input-encoding wants auto, utf-8, gb18030, utf-16le or utf-16be (also utf8, gbk), not ${text}`);
  return e;
}
