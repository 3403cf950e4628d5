/**
 * Given the bytes of a text dump held whole, returns its text (lines joined with "\n") and the
 * encoding it was in: UTF-8 (with or without BOM), UTF-16 (BOM, or guessed from NUL bytes) or
 * GB18030/GBK, line by line (`lines.ts`). Throws InputError for empty or binary input. The batch
 * streams dumps through `LineDecoder` instead; this is the same decoding for callers holding bytes.
 */
import { InputError, type Diagnostic } from '../diagnostics.js';
import { LineDecoder, type TextEncoding } from './lines.js';

export type { TextEncoding } from './lines.js';

export interface Decoded {
  text: string;
  encoding: TextEncoding;
  /** Replaced bytes and lines in another encoding (`decode_replaced`, `mixed_encoding`). */
  diagnostics: Diagnostic[];
}

/** Decodes a text dump, detecting its encoding unless `forced` names one. */
export function decodeText(bytes: Uint8Array, file: string, forced: string = 'auto'): Decoded {
  if (bytes.length === 0) throw new InputError('empty_file', `${file}: the file is empty (0 bytes)`, file);
  const dec = new LineDecoder(file, forced);
  const lines = [...dec.push(bytes), ...dec.end()];
  return { text: lines.map((l) => l.text).join('\n'), encoding: dec.encoding, diagnostics: dec.diagnostics() };
}
