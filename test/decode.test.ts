/** Encodings of text dumps: detection and decoding with iconv-lite. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, test } from 'vitest';
import { decodeText } from '../src/decode/decode.js';
import { InputError } from '../src/diagnostics.js';
import { DEV, describeDev, HAS_DEV } from './helpers.js';

const utf8 = HAS_DEV ? readFileSync(path.join(DEV, 'tab_dump_02.txt'), 'utf8') : '';
const bytes = (b: Buffer): Uint8Array => new Uint8Array(b);
/** Lines come back joined with "\n", without the file's last line break. */
const lines = utf8.replace(/\n$/, '');
const clean = (text: string, encoding: string) => ({ text, encoding, diagnostics: [] });

describeDev('decodeText', () => {
  test('UTF-8 without BOM', () => {
    expect(decodeText(bytes(Buffer.from(utf8)), 'a.txt')).toEqual(clean(lines, 'utf-8'));
  });
  test('UTF-8 with BOM', () => {
    const d = decodeText(bytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(utf8)])), 'a.txt');
    expect(d).toEqual(clean(lines, 'utf-8-bom'));
  });
  test('GBK (the corpus copy)', () => {
    const d = decodeText(bytes(readFileSync(path.join(DEV, 'tab_dump_02_gbk.txt'))), 'gbk.txt');
    expect(d.encoding).toBe('gb18030');
    expect(d.text).toBe(lines);
  });
  test('GB18030 characters outside GBK', () => {
    const text = `${lines}\n𠀀𠀁`;
    expect(decodeText(bytes(iconv.encode(text, 'gb18030')), 'a.txt').text).toBe(text);
  });
  test('UTF-16 LE and BE, with and without BOM', () => {
    expect(decodeText(bytes(iconv.encode(utf8, 'utf-16le', { addBOM: true })), 'a.txt')).toEqual(clean(lines, 'utf-16le'));
    expect(decodeText(bytes(iconv.encode(utf8, 'utf-16be', { addBOM: true })), 'a.txt')).toEqual(clean(lines, 'utf-16be'));
    expect(decodeText(bytes(iconv.encode(utf8, 'utf-16le')), 'a.txt')).toEqual(clean(lines, 'utf-16le'));
    expect(decodeText(bytes(iconv.encode(utf8, 'utf-16be')), 'a.txt')).toEqual(clean(lines, 'utf-16be'));
  });
  test('empty and binary input are errors naming the file', () => {
    expect(() => decodeText(new Uint8Array(), 'empty.txt')).toThrow(/empty\.txt: the file is empty/);
    const random = new Uint8Array(4096).map((_, i) => (i * 7919 + 13) % 256);
    let err: unknown;
    try {
      decodeText(random, 'noise.bin');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).message).toMatch(/^noise\.bin: /);
  });
});
