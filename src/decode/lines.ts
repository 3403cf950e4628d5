/**
 * Bytes of a text dump, chunk by chunk → decoded lines, with memory bounded by the longest line
 * (never by the file). The encoding is decided line by line (see `decodeLine`), so a file cut
 * mid-character, a stray invalid byte or a file that is half UTF-8 and half GBK loses only the bytes
 * that decode in no encoding; those are replaced by U+FFFD and reported with their byte offsets
 * (`decode_replaced`), lines in another encoding than the file's are reported (`mixed_encoding`).
 * Whether a file is text at all is decided on the share of undecodable characters in its first
 * MiB (`binary_file`).
 */
import iconv from 'iconv-lite';
import { diagnostic, InputError, type Diagnostic } from '../diagnostics.js';

export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gb18030';

/** One line of the dump: its text (no line break), 1-based number and byte offset in the file. */
export interface DecodedLine {
  text: string;
  line: number;
  offset: number;
}

/** Share of undecodable characters (U+FFFD, control characters, NUL) above which a file is binary. */
export const MAX_BAD_SHARE = 0.05;
/** How much of a file the binary verdict looks at. */
const SAMPLE_BYTES = 1 << 20;
/** A line longer than this is cut (a dump's lines are a few KB; a file of one huge line is not a dump). */
export const MAX_LINE_BYTES = 4 << 20;
/** Each kind of decoding problem is reported this many times per file, then summed up. */
const MAX_REPORTS = 20;

const utf8 = new TextDecoder('utf-8');

/**
 * Returns the byte offsets (relative to `bytes`) where invalid UTF-8 sequences start, each with
 * its length, following the WHATWG decoder's "maximal subpart" rule (one U+FFFD per entry).
 */
export function invalidUtf8(bytes: Uint8Array): Array<[at: number, length: number]> {
  const bad: Array<[number, number]> = [];
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) { i++; continue; }
    let need = 0, lo = 0x80, hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) { need = 2; if (b === 0xe0) lo = 0xa0; if (b === 0xed) hi = 0x9f; }
    else if (b >= 0xf0 && b <= 0xf4) { need = 3; if (b === 0xf0) lo = 0x90; if (b === 0xf4) hi = 0x8f; }
    else { bad.push([i, 1]); i++; continue; }
    let j = 1;
    for (; j <= need; j++) {
      const c = bytes[i + j];
      if (c === undefined || c < (j === 1 ? lo : 0x80) || c > (j === 1 ? hi : 0xbf)) break;
    }
    if (j > need) i += need + 1;
    else { bad.push([i, j]); i += j; }
  }
  return bad;
}

/** Whether a character is one these documents are made of: ASCII, CJK, their punctuation and symbols. */
function plausible(c: number): boolean {
  return (c >= 0x20 && c < 0x7f) || c === 9 || c === 12 || (c >= 0xa0 && c <= 0xff) || (c >= 0x2000 && c <= 0x27bf) ||
    (c >= 0x3000 && c <= 0x303f) || (c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) ||
    (c >= 0xff00 && c <= 0xffef && c !== 0xfffd) || (c >= 0x20000 && c <= 0x323af) || (c >= 0x2e80 && c <= 0x2fdf) || (c >= 0x3200 && c <= 0x33ff);
}

/** Whether a character stands for bytes that did not decode, or is a control character text never holds. */
function isBad(c: number): boolean {
  return c === 0xfffd || (c < 0x20 && c !== 9 && c !== 12 && c !== 13) || c === 0x7f;
}

/** Counts implausible characters of a decoded line. */
function implausible(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c < 0x80 && c >= 0x20) continue;
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) c = text.codePointAt(i++)!;
    if (!plausible(c)) n++;
  }
  return n;
}

/** Control bytes text never holds (tab, LF, FF and CR are text). */
function isControlByte(b: number): boolean {
  return (b < 0x20 && b !== 9 && b !== 10 && b !== 12 && b !== 13) || b === 0x7f;
}

/**
 * Given the bytes of one line (no line break) and the encodings allowed, returns its text, the
 * encoding used and the offsets (in the line) of bytes replaced by U+FFFD. A line is UTF-8 when it
 * is valid UTF-8 (unless it then reads as letters of other scripts and GB18030 reads it as clean
 * Chinese: short GBK lines can be valid UTF-8 by chance), or when at most a fifth of its non-ASCII
 * bytes are invalid (a stray byte, a character cut off); otherwise it is GB18030.
 */
export function decodeLine(bytes: Uint8Array, allowed: 'auto' | 'utf-8' | 'gb18030'): { text: string; encoding: 'ascii' | 'utf-8' | 'gb18030'; replaced: number[] } {
  let ascii = true;
  let nonAscii = 0;
  for (let i = 0; i < bytes.length; i++) if (bytes[i]! >= 0x80) { ascii = false; nonAscii++; }
  if (ascii) return { text: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1'), encoding: 'ascii', replaced: [] };
  if (allowed === 'gb18030') return gbLine(bytes);
  const bad = invalidUtf8(bytes);
  if (allowed === 'utf-8') return { text: utf8.decode(bytes), encoding: 'utf-8', replaced: bad.map(([at]) => at) };
  const invalidBytes = bad.reduce((a, [, len]) => a + len, 0);
  if (invalidBytes === 0) {
    const text = utf8.decode(bytes);
    if (implausible(text) === 0) return { text, encoding: 'utf-8', replaced: [] };
    const gb = gbLine(bytes);
    return gb.replaced.length === 0 && implausible(gb.text) < implausible(text) ? gb : { text, encoding: 'utf-8', replaced: [] };
  }
  if (invalidBytes <= nonAscii / 5) return { text: utf8.decode(bytes), encoding: 'utf-8', replaced: bad.map(([at]) => at) };
  return gbLine(bytes);
}

function gbLine(bytes: Uint8Array): { text: string; encoding: 'gb18030'; replaced: number[] } {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const text = iconv.decode(buf, 'gb18030');
  const replaced: number[] = [];
  if (text.includes('\ufffd')) {
    // Where the replaced bytes are: re-encode the text before each U+FFFD to find its byte offset.
    let from = 0;
    for (let i = text.indexOf('\ufffd'); i >= 0; i = text.indexOf('\ufffd', i + 1)) {
      from = iconv.encode(text.slice(0, i).replace(/\ufffd/g, '?'), 'gb18030').length;
      replaced.push(from);
    }
  }
  return { text, encoding: 'gb18030', replaced };
}

/** A run of problems of one kind, reported as one diagnostic. */
interface Span {
  firstLine: number;
  lastLine: number;
  firstByte: number;
  lastByte: number;
  count: number;
}

/** Collects ranges of lines with one kind of problem, merging consecutive lines, capped. */
class SpanLog {
  readonly spans: Span[] = [];
  total = 0;
  extra = 0;

  /** Adds a line; it joins the last span when it follows it (or `joins` says so). */
  add(line: number, firstByte: number, lastByte: number, count: number, joins = false): void {
    this.total += count;
    const last = this.spans[this.spans.length - 1];
    if (last && (last.lastLine >= line - 1 || joins)) {
      last.lastLine = line;
      last.lastByte = lastByte;
      last.count += count;
    } else if (this.spans.length < MAX_REPORTS) this.spans.push({ firstLine: line, lastLine: line, firstByte, lastByte, count });
    else this.extra += count;
  }
}

function lines(s: Span): string {
  return s.firstLine === s.lastLine ? `line ${s.firstLine}` : `lines ${s.firstLine}–${s.lastLine}`;
}

/**
 * Decodes a dump pushed in chunks; `push` and `end` return the complete lines decoded so far.
 * Throws `InputError` (`binary_file`, `undecodable`) as soon as the first MiB shows the file is not text.
 */
export class LineDecoder {
  private pending: Uint8Array[] = [];
  private pendingBytes = 0;
  /** Byte offset in the file of the first pending byte. */
  private offset = 0;
  private lineNo = 0;
  private started = false;
  private mode: 'auto' | 'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be' = 'auto';
  private bom = false;
  private utf16?: ReturnType<typeof iconv.getDecoder>;
  private utf16Text = '';
  private utf16Bytes = 0;
  private readonly replaced = new SpanLog();
  private readonly counts = { 'utf-8': 0, gb18030: 0 };
  private readonly byEncoding = { 'utf-8': new SpanLog(), gb18030: new SpanLog() };
  private sampleChars = 0;
  private sampleBad = 0;
  private judged = false;
  private cutLines = 0;
  private lastEncoding: 'utf-8' | 'gb18030' | undefined;

  /** @param file name for messages. @param forced encoding forced by the user, or auto. */
  constructor(private readonly file: string, private readonly forced: string = 'auto') {}

  /** The encoding of the file: the BOM's or the forced one, else the one most lines are in. */
  get encoding(): TextEncoding {
    if (this.mode === 'utf-16le' || this.mode === 'utf-16be') return this.mode;
    if (this.bom) return 'utf-8-bom';
    if (this.mode !== 'auto') return this.mode;
    return this.counts.gb18030 > this.counts['utf-8'] ? 'gb18030' : 'utf-8';
  }

  /** Takes the next chunk of bytes; returns the lines it completed. */
  push(chunk: Uint8Array): DecodedLine[] {
    const out: DecodedLine[] = [];
    if (chunk.length === 0) return out;
    if (!this.started) chunk = this.start(chunk);
    if (this.utf16) {
      this.utf16Bytes += chunk.length;
      this.utf16Text += this.utf16.write(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
      this.splitUtf16(out, false);
      return out;
    }
    let from = 0;
    for (let i = chunk.indexOf(0x0a); i >= 0; i = chunk.indexOf(0x0a, from)) {
      this.pending.push(chunk.subarray(from, i));
      this.pendingBytes += i - from;
      this.flushLine(out, 1);
      from = i + 1;
    }
    if (from < chunk.length) {
      this.pending.push(chunk.subarray(from));
      this.pendingBytes += chunk.length - from;
      if (this.pendingBytes > MAX_LINE_BYTES) { this.cutLines++; this.flushLine(out, 0); }
    }
    return out;
  }

  /** Ends the input; returns the last lines. */
  end(): DecodedLine[] {
    const out: DecodedLine[] = [];
    if (this.utf16) {
      this.utf16Text += this.utf16.end() ?? '';
      this.splitUtf16(out, true);
    } else if (this.pendingBytes > 0 || this.pending.length > 0) this.flushLine(out, 0);
    if (!this.judged) this.judge();
    return out;
  }

  /** File-level diagnostics: replaced bytes and lines in another encoding than the file's. */
  diagnostics(): Diagnostic[] {
    const out: Diagnostic[] = [];
    const file = this.file;
    for (const s of this.replaced.spans) {
      out.push(diagnostic('decode_replaced', `${lines(s)}: ${s.count} undecodable byte sequence(s) (bytes ${s.firstByte}–${s.lastByte}) replaced by U+FFFD`, { file, line: s.firstLine }, { actual: `bytes ${s.firstByte}–${s.lastByte}` }));
    }
    if (this.replaced.extra) out.push(diagnostic('decode_replaced', `${this.replaced.extra} more undecodable byte sequence(s) replaced by U+FFFD (${this.replaced.total} in all)`, { file }));
    const main = this.encoding;
    if (main === 'utf-8' || main === 'gb18030') {
      const other = main === 'utf-8' ? 'gb18030' : 'utf-8';
      const log = this.byEncoding[other];
      for (const s of log.spans) {
        out.push(diagnostic('mixed_encoding', `${lines(s)} (bytes ${s.firstByte}–${s.lastByte}) are not ${main} like the rest of the file: decoded as ${other}`, { file, line: s.firstLine }, { actual: other, expected: main }));
      }
      if (log.extra) out.push(diagnostic('mixed_encoding', `${log.extra} more line(s) decoded as ${other}`, { file }));
    }
    if (this.cutLines) out.push(diagnostic('decode_replaced', `${this.cutLines} line(s) longer than ${MAX_LINE_BYTES} bytes were cut`, { file }));
    return out;
  }

  /** Looks at the first bytes: BOM, UTF-16 without BOM, forced encoding. */
  private start(chunk: Uint8Array): Uint8Array {
    this.started = true;
    const f = this.forced;
    if (f === 'utf-16le' || f === 'utf-16be') return this.startUtf16(f, chunk);
    if (f === 'utf-8' || f === 'gb18030') {
      this.mode = f;
      if (f === 'utf-8' && chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) return this.skip(chunk, 3);
      return chunk;
    }
    if (chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) {
      this.mode = 'utf-8';
      this.bom = true;
      return this.skip(chunk, 3);
    }
    if (chunk[0] === 0xff && chunk[1] === 0xfe) return this.startUtf16('utf-16le', this.skip(chunk, 2));
    if (chunk[0] === 0xfe && chunk[1] === 0xff) return this.startUtf16('utf-16be', this.skip(chunk, 2));
    const guess = guessUtf16(chunk);
    if (guess) return this.startUtf16(guess, chunk);
    return chunk;
  }

  private skip(chunk: Uint8Array, n: number): Uint8Array {
    this.offset += n;
    return chunk.subarray(n);
  }

  private startUtf16(enc: 'utf-16le' | 'utf-16be', chunk: Uint8Array): Uint8Array {
    this.mode = enc;
    this.utf16 = iconv.getDecoder(enc, { stripBOM: true });
    return chunk;
  }

  /** Splits decoded UTF-16 text into lines (offsets are estimated from UTF-16 code units). */
  private splitUtf16(out: DecodedLine[], last: boolean): void {
    let from = 0;
    for (let i = this.utf16Text.indexOf('\n'); i >= 0; i = this.utf16Text.indexOf('\n', from)) {
      this.emitText(out, this.utf16Text.slice(from, i), this.offset, []);
      this.offset += (i - from + 1) * 2;
      from = i + 1;
    }
    this.utf16Text = this.utf16Text.slice(from);
    if (last && this.utf16Text) this.emitText(out, this.utf16Text, this.offset, []);
    if (!this.judged && (last || this.offset >= SAMPLE_BYTES)) this.judge();
  }

  /** Decodes the pending bytes as one line; `lf` bytes of line break follow it. */
  private flushLine(out: DecodedLine[], lf: number): void {
    const bytes = this.pending.length === 1 ? this.pending[0]! : Buffer.concat(this.pending);
    this.pending = [];
    this.pendingBytes = 0;
    const allowed = this.mode === 'utf-8' || this.mode === 'gb18030' ? this.mode : 'auto';
    const d = decodeLine(bytes, allowed);
    if (d.encoding !== 'ascii') {
      this.counts[d.encoding]++;
      // Lines of one encoding separated only by ASCII lines are one span.
      this.byEncoding[d.encoding].add(this.lineNo + 1, this.offset, this.offset + bytes.length - 1, 1, this.lastEncoding === d.encoding);
      this.lastEncoding = d.encoding;
    }
    // Control bytes are single bytes in UTF-8 and GB18030 (never part of a multi-byte character).
    const replaced = d.replaced.map((r) => this.offset + r);
    for (let i = 0; i < bytes.length; i++) if (isControlByte(bytes[i]!)) replaced.push(this.offset + i);
    this.emitText(out, d.text, this.offset, replaced);
    this.offset += bytes.length + lf;
    if (!this.judged && this.offset >= SAMPLE_BYTES) this.judge();
  }

  /**
   * Emits the lines of one decoded line of bytes (a lone CR also ends a line, as in `textToRows`);
   * `replacedAt`: file offsets of the bytes replaced by U+FFFD (control characters included).
   */
  private emitText(out: DecodedLine[], raw: string, offset: number, replacedAt: number[]): void {
    const trimmed = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    // eslint-disable-next-line no-control-regex
    const text = trimmed.replace(/[\u0000-\u0008\u000b\u000e-\u001f\u007f]/g, '\ufffd');
    if (replacedAt.length === 0 && text !== trimmed) replacedAt = [offset]; // UTF-16: the line's offset
    if (replacedAt.length) {
      replacedAt.sort((a, b) => a - b);
      this.replaced.add(this.lineNo + 1, replacedAt[0]!, replacedAt[replacedAt.length - 1]!, replacedAt.length);
    }
    if (!this.judged) {
      this.sampleChars += text.length;
      let n = 0;
      for (let i = 0; i < text.length; i++) if (isBad(text.charCodeAt(i))) n++;
      this.sampleBad += n;
    }
    const parts = text.includes('\r') ? text.split('\r') : [text];
    for (const p of parts) out.push({ text: p, line: ++this.lineNo, offset });
  }

  /** The binary verdict on the sample. */
  private judge(): void {
    this.judged = true;
    if (this.sampleChars === 0 || this.sampleBad / this.sampleChars <= MAX_BAD_SHARE) return;
    const pct = Math.round((this.sampleBad / this.sampleChars) * 100);
    const enc = this.encoding;
    if (enc === 'utf-16le' || enc === 'utf-16be' || this.forced !== 'auto') {
      throw new InputError('undecodable', `${this.file}: does not decode as ${enc} (${pct}% of its characters are invalid or control characters)`, this.file);
    }
    throw new InputError('binary_file', `${this.file}: binary content, not a text dump or a PDF (${pct}% of the characters in its first MiB decode in no text encoding)`, this.file);
  }
}

/** Guesses UTF-16 without BOM from where NUL bytes fall (ASCII-heavy or CJK text both show it). */
function guessUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  if (bytes.length < 4) return undefined;
  let evenNul = 0;
  let oddNul = 0;
  const n = Math.min(bytes.length - (bytes.length % 2), 4096);
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  if (oddNul > pairs * 0.2 && evenNul < pairs * 0.02) return 'utf-16le';
  if (evenNul > pairs * 0.2 && oddNul < pairs * 0.02) return 'utf-16be';
  return undefined;
}
