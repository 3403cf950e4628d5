/**
 * Issue 12, items 5, 6 and 8 (dumps): partial decoding keeps every table of a damaged file and
 * says where bytes were replaced; real binaries stay `binary_file`; dumps saved as .csv are read;
 * large dumps are decoded and segmented chunk by chunk, with the same records as read whole.
 */
import { execFileSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { LineDecoder } from '../../src/decode/lines.js';
import type { ProjectRecord } from '../../src/domain/schema.js';
import { binaryJunk, cutMidCharacter, halfUtf8HalfGbk, oneBadByte, repeatedDump, toCommaCsv, withNul } from '../../src/hostile/dumps.js';
import { processFile, processFileTo } from '../../src/pipeline.js';
import { defaultSettings } from '../../src/settings.js';
import { SAMPLE } from './helpers.js';

const sample = readFileSync(SAMPLE);
const read = (name: string, bytes: Buffer) => processFile({ path: name, bytes: new Uint8Array(bytes) }, defaultSettings);
/** What a record says, without where it came from (file name, hash). */
const content = (r: ProjectRecord) => {
  const { id: _i, source: _s, provenance: _p, issues, repairs, ...rest } = r;
  const strip = (d: ProjectRecord['issues'][number]) => ({ code: d.code, message: d.message, line: d.location.line });
  return { ...rest, indicators: rest.indicators.map(({ provenance: _q, ...i }) => i), issues: issues.map(strip), repairs: repairs.map(strip) };
};

describe('partial decoding', () => {
  test('one invalid byte: all 30 tables, the byte replaced and reported with its offset', async () => {
    const bytes = oneBadByte(sample);
    const at = bytes.findIndex((b, i) => b !== sample[i]);
    const res = await read('bad-byte.txt', bytes);
    expect(res.records).toHaveLength(30);
    expect(res.entry.encoding).toBe('utf-8');
    const d = res.diagnostics.filter((x) => x.code === 'decode_replaced');
    expect(d).toHaveLength(1);
    expect(d[0]!.actual).toBe(`bytes ${at}–${at}`);
    expect(d[0]!.severity).toBe('warning');
  });

  test('a UTF-8 file cut mid-character: all 30 tables, the cut character reported at the end', async () => {
    const bytes = cutMidCharacter(sample);
    const res = await read('cut.txt', bytes);
    expect(res.records).toHaveLength(30);
    expect(res.diagnostics.find((x) => x.code === 'decode_replaced')?.actual).toBe(`bytes ${bytes.length - 1}–${bytes.length - 1}`);
  });

  test('half UTF-8, half GBK: all 30 tables read as from the UTF-8 file, the other half reported', async () => {
    const [clean, mixed] = await Promise.all([read('a.txt', sample), read('a.txt', halfUtf8HalfGbk(sample.toString('utf8')))]);
    expect(mixed.records.map(content)).toEqual(clean.records.map(content));
    const d = mixed.diagnostics.filter((x) => x.code === 'mixed_encoding');
    expect(d).toHaveLength(1);
    expect(d[0]!.message).toMatch(/^lines \d+–\d+ \(bytes \d+–\d+\) are not (utf-8|gb18030) like the rest of the file/);
  });

  test('a NUL byte: replaced (never kept raw), reported, tables kept', async () => {
    const res = await read('nul.txt', withNul(sample));
    expect(res.records).toHaveLength(30);
    expect(JSON.stringify(res.records)).not.toContain('\\u0000');
    expect(res.diagnostics.map((d) => d.code)).toContain('decode_replaced');
  });

  test('binary junk is still binary_file', async () => {
    const res = await read('junk.txt', binaryJunk(64 << 10));
    expect(res.entry.error?.code).toBe('binary_file');
  });

  test('the lines do not depend on how the bytes are chunked (multi-byte characters across chunks)', () => {
    const bytes = halfUtf8HalfGbk(sample.toString('utf8'));
    const whole = new LineDecoder('x.txt');
    const want = [...whole.push(bytes), ...whole.end()];
    const chunked = new LineDecoder('x.txt');
    const got = [];
    for (let at = 0; at < bytes.length; at += 7) got.push(...chunked.push(bytes.subarray(at, at + 7)));
    got.push(...chunked.end());
    expect(got).toEqual(want);
    expect(chunked.diagnostics()).toEqual(whole.diagnostics());
  });
});

describe('.csv dumps', () => {
  test('comma-separated (quoted) and tab-separated .csv give the records of the .txt', async () => {
    const text = sample.toString('utf8');
    const [txt, comma, tab] = await Promise.all([read('a.txt', sample), read('a.csv', toCommaCsv(text)), read('b.csv', sample)]);
    expect(comma.records.map(content)).toEqual(txt.records.map(content));
    expect(tab.records.map(content)).toEqual(txt.records.map(content));
  });
});

describe('large dumps', () => {
  test('segmented in chunks cut before a title: the same records as in one piece', async () => {
    const big = repeatedDump(sample, 3 * sample.length);
    const whole: ProjectRecord[] = [];
    const chunked: ProjectRecord[] = [];
    const a = await processFileTo({ path: 'big.txt', bytes: new Uint8Array(big) }, defaultSettings, (r) => void whole.push(r), { chunkRows: 1e9 });
    // Chunks of at least 100 rows: the file is segmented in about 25 pieces.
    const b = await processFileTo({ path: 'big.txt', bytes: new Uint8Array(big) }, defaultSettings, (r) => void chunked.push(r), { chunkRows: 100 });
    expect(whole).toHaveLength(90);
    expect(chunked).toEqual(whole);
    expect(b).toEqual({ ...a, entry: { ...a.entry, duration_ms: b.entry.duration_ms } });
  });

  test('running out of room (a string or buffer too large for the engine) is a resource error, not a bug', async () => {
    const res = await processFileTo({ path: 'big.txt', bytes: new Uint8Array(sample) }, defaultSettings, () => {
      throw new RangeError('Invalid string length');
    });
    expect(res.entry.error).toEqual({ code: 'resource_limit', message: 'big.txt: ran out of room (Invalid string length)' });
  });

  test('records come out while the file is still being read (memory does not follow the file size)', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'ziping-stream-'));
    const fifo = path.join(dir, 'dump.txt');
    execFileSync('mkfifo', [fifo]);
    let first!: () => void;
    const gotFirst = new Promise<void>((resolve) => (first = resolve));
    const records: ProjectRecord[] = [];
    const done = processFileTo({ path: fifo, source: fifo, sha256: 'x', size: 0 }, defaultSettings, (r) => { records.push(r); first(); }, { chunkRows: 100 });
    const writer = createWriteStream(fifo);
    // Two copies of the sample, then wait: a pipeline that held the rows until the end would never answer.
    writer.write(Buffer.concat([sample, sample]));
    const timeout = new Promise<string>((resolve) => setTimeout(() => resolve('no record before the end of the file'), 30_000));
    expect(await Promise.race([gotFirst.then(() => 'streamed'), timeout])).toBe('streamed');
    expect(records.length).toBeLessThan(60);
    writer.end(sample);
    const summary = await done;
    expect(summary.entry.tables).toBe(90);
    expect(records).toHaveLength(90);
  }, 60_000);
});
