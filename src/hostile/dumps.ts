/**
 * Hostile and messy text dumps, made from a good one: a stray invalid byte, a file cut in the
 * middle of a character, half UTF-8 and half GBK, a NUL byte, comma- and tab-separated `.csv`
 * copies, a dump repeated to any size, and binary junk.
 */
import iconv from 'iconv-lite';

/** Given a UTF-8 dump, returns it with one byte replaced by 0xFF, in the middle of the file. */
export function oneBadByte(utf8: Buffer): Buffer {
  const out = Buffer.from(utf8);
  // A byte of an ASCII digit or letter, so no multi-byte character is broken around it.
  let at = Math.floor(out.length / 2);
  while (out[at]! >= 0x80 || out[at] === 0x0a || out[at] === 0x09) at++;
  out[at] = 0xff;
  return out;
}

/** Given a UTF-8 dump, returns it cut in the middle of its last multi-byte character. */
export function cutMidCharacter(utf8: Buffer): Buffer {
  let end = utf8.length - 1;
  while (end > 0 && !(utf8[end]! >= 0xe0 && utf8[end]! <= 0xef)) end--;
  return utf8.subarray(0, end + 1); // the lead byte of a 3-byte character, without its two followers
}

/** Given a UTF-8 dump, returns its first half in UTF-8 and its second half (from a line start) in GBK. */
export function halfUtf8HalfGbk(text: string): Buffer {
  const cut = text.indexOf('\n', Math.floor(text.length / 2)) + 1;
  return Buffer.concat([Buffer.from(text.slice(0, cut), 'utf8'), iconv.encode(text.slice(cut), 'gbk')]);
}

/** Given a UTF-8 dump, returns it with a NUL byte in a text cell. */
export function withNul(utf8: Buffer): Buffer {
  const text = utf8.toString('utf8');
  const at = text.indexOf('项目名称');
  const eol = text.indexOf('\n', at);
  return Buffer.from(`${text.slice(0, eol)}\u0000${text.slice(eol)}`, 'utf8');
}

/** Given a tab-separated dump, returns it comma-separated, quoting cells as RFC 4180 does. */
export function toCommaCsv(text: string): Buffer {
  const quote = (cell: string): string => (/[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
  return Buffer.from(text.split('\n').map((line) => line.split('\t').map(quote).join(',')).join('\r\n'), 'utf8');
}

/** Given a dump, returns it repeated until it holds at least `bytes` bytes. */
export function repeatedDump(dump: Buffer, bytes: number): Buffer {
  return Buffer.concat(Array<Buffer>(Math.max(1, Math.ceil(bytes / dump.length))).fill(dump));
}

/** Bytes that are no text in any encoding: a deterministic pseudo-random sequence. */
export function binaryJunk(bytes: number, seed = 7): Buffer {
  const out = Buffer.alloc(bytes);
  let s = seed;
  for (let i = 0; i < bytes; i++) out[i] = ((s = (s * 1103515245 + 12345) & 0x7fffffff) >> 16) & 0xff;
  return out;
}
