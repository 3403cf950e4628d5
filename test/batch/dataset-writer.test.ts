// The streaming writer must give the bytes of emitDataset over all results at once.
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from 'vitest';
import { DEV, describeDev } from '../helpers.js';
import { DatasetWriter } from '../../src/batch/dataset-writer.js';
import { emitDataset } from '../../src/emit/dataset.js';
import { processFile } from '../../src/pipeline.js';
import type { FileResult } from '../../src/result.js';
import { defaultSettings } from '../../src/settings.js';

const INPUTS = [`${DEV}/tab_dump_01.txt`, `${DEV}/tab_dump_02_gbk.txt`, `${DEV}/single_calc_01.pdf`, 'test/fixtures/producers/writer_docx_01.pdf'];

function written(results: FileResult[], csvEncoding: 'utf-8' | 'gb18030'): Map<string, Buffer> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ziping-writer-'));
  const w = new DatasetWriter(dir, { csvEncoding });
  for (const r of results) w.add(r);
  w.close();
  return new Map([...emitDataset([], { csvEncoding }).keys()].map((n) => [n, readFileSync(path.join(dir, n))]));
}

test('streamed output equals emitDataset (utf-8 and gb18030, with an empty and a failed input)', async () => {
  const results: FileResult[] = [];
  for (const p of INPUTS) results.push(await processFile({ path: p, bytes: new Uint8Array(readFileSync(p)) }, defaultSettings));
  results.splice(2, 0, await processFile({ path: 'empty.pdf', bytes: new Uint8Array(0) }, defaultSettings));
  expect(results[2]!.entry.status).toBe('failed');
  for (const enc of ['utf-8', 'gb18030'] as const) {
    const want = emitDataset(results, { csvEncoding: enc });
    const got = written(results, enc);
    for (const [name, bytes] of want) expect(got.get(name)!.equals(bytes), `${enc} ${name}`).toBe(true);
  }
}, 60_000);

test('no result at all equals emitDataset of nothing', () => {
  const want = emitDataset([], { csvEncoding: 'utf-8' });
  const got = written([], 'utf-8');
  for (const [name, bytes] of want) expect(got.get(name)!.equals(bytes), name).toBe(true);
});

test('results known out of order are written in input order, the same bytes as all at once', async () => {
  const { OrderedEmitter } = await import('../../src/batch/ordered-emitter.js');
  const results: FileResult[] = [];
  for (const p of INPUTS) results.push(await processFile({ path: p, bytes: new Uint8Array(readFileSync(p)) }, defaultSettings));
  const items = results.map((result, index) => ({ index, path: result.entry.path, sha256: result.entry.sha256, result, cached: false }));
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ziping-ordered-'));
  const emitter = new OrderedEmitter(dir, dir, items, 'utf-8');
  // The last one first: nothing can be written until the first arrives.
  for (const i of [3, 1, 2, 0]) emitter.ready(items[i]!);
  const entries = await emitter.finish();
  expect(entries.map((e) => e.path)).toEqual(INPUTS);
  for (const [name, bytes] of emitDataset(results, { csvEncoding: 'utf-8' })) {
    if (name === 'manifest.json') continue; // entries gain `cached: false`; compared above
    expect(readFileSync(path.join(dir, name)).equals(bytes), name).toBe(true);
  }
});

test('a result that never arrives fails the write and leaves no output behind', async () => {
  const { OrderedEmitter } = await import('../../src/batch/ordered-emitter.js');
  const r = await processFile({ path: INPUTS[0]!, bytes: new Uint8Array(readFileSync(INPUTS[0]!)) }, defaultSettings);
  const items = [0, 1].map((index) => ({ index, path: `in${index}.txt`, sha256: '', result: r, cached: false }));
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ziping-ordered-'));
  const emitter = new OrderedEmitter(dir, dir, items, 'utf-8');
  emitter.ready(items[1]!);
  await expect(emitter.finish()).rejects.toThrow(/in0\.txt: no result to write/);
  expect(readdirSync(dir)).toEqual([]);
});

test('a result that cannot be read stops the run at the next file, not at the end', async () => {
  const { OrderedEmitter } = await import('../../src/batch/ordered-emitter.js');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ziping-ordered-'));
  const items = [{ index: 0, path: 'gone.pdf', sha256: '', cache: 'missing.json', cached: false }];
  const emitter = new OrderedEmitter(dir, dir, items, 'utf-8');
  emitter.ready(items[0]!);
  await new Promise((r) => setTimeout(r, 50));
  expect(() => emitter.throwIfFailed()).toThrow(/gone\.pdf: its cached result .*missing\.json is missing/);
  await expect(emitter.finish()).rejects.toThrow(/gone\.pdf/);
  expect(readdirSync(dir)).toEqual([]);
});
