/**
 * Given the bytes of a text dump, returns its text and the encoding it was in: UTF-8 (with or
 * without BOM), UTF-16 (BOM, or guessed from NUL bytes) or GB18030/GBK. Throws InputError for
 * empty, binary or undecodable input.
 */
import iconv from 'iconv-lite';
import { InputError } from '../diagnostics.js';

export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gb18030';

export interface Decoded {
  text: string;
  encoding: TextEncoding;
}

/** Share of control characters (other than tab, CR, LF, FF) above which text is called binary. */
const MAX_CONTROL_SHARE = 0.01;

function controlShare(text: string): number {
  let n = 0;
  let total = 0;
  for (const ch of text) {
    total++;
    const c = ch.codePointAt(0)!;
    if ((c < 0x20 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 0x7f || c === 0xfffd) n++;
  }
  return total === 0 ? 0 : n / total;
}

/** Guesses UTF-16 without BOM from where NUL bytes fall (ASCII-heavy or CJK text both show it). */
function guessUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  if (bytes.length < 4 || bytes.length % 2 !== 0) return undefined;
  let evenNul = 0;
  let oddNul = 0;
  const n = Math.min(bytes.length, 4096);
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  if (oddNul > pairs * 0.2 && evenNul < pairs * 0.02) return 'utf-16le';
  if (evenNul > pairs * 0.2 && oddNul < pairs * 0.02) return 'utf-16be';
  return undefined;
}

function strictUtf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** Decodes a text dump, detecting its encoding unless `forced` names one. */
export function decodeText(bytes: Uint8Array, file: string, forced: string = 'auto'): Decoded {
  if (bytes.length === 0) throw new InputError('empty_file', `${file}: the file is empty (0 bytes)`, file);
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let decoded: Decoded | undefined;
  if (forced !== 'auto') {
    const enc = forced === 'utf-8' ? 'utf-8' : forced;
    decoded = { text: iconv.decode(buf, enc, { stripBOM: true }), encoding: enc as TextEncoding };
  } else if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) {
    const text = strictUtf8(bytes.subarray(3));
    if (text === undefined) throw new InputError('undecodable', `${file}: starts with a UTF-8 BOM but is not valid UTF-8`, file);
    decoded = { text, encoding: 'utf-8-bom' };
  } else if (buf[0] === 0xff && buf[1] === 0xfe) {
    decoded = { text: iconv.decode(buf.subarray(2), 'utf-16le'), encoding: 'utf-16le' };
  } else if (buf[0] === 0xfe && buf[1] === 0xff) {
    decoded = { text: iconv.decode(buf.subarray(2), 'utf-16be'), encoding: 'utf-16be' };
  } else {
    const utf16 = guessUtf16(bytes);
    if (utf16) {
      decoded = { text: iconv.decode(buf, utf16), encoding: utf16 };
    } else {
      const utf8 = strictUtf8(bytes);
      if (utf8 !== undefined) decoded = { text: utf8, encoding: 'utf-8' };
      else if (bytes.includes(0)) {
        throw new InputError('binary_file', `${file}: binary content (NUL bytes), not a text dump or a PDF`, file);
      } else {
        decoded = { text: iconv.decode(buf, 'gb18030'), encoding: 'gb18030' };
      }
    }
  }
  if (controlShare(decoded.text) > MAX_CONTROL_SHARE) {
    const code = decoded.encoding === 'gb18030' ? 'binary_file' : 'undecodable';
    throw new InputError(
      code,
      `${file}: does not decode as text (tried ${decoded.encoding}; too many control or invalid characters)`,
      file,
    );
  }
  return decoded;
}
