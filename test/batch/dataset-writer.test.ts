// The streaming writer must give the bytes of emitDataset over all results at once.
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, vi } from 'vitest';
import { DatasetWriter } from '../../src/batch/dataset-writer.js';
import { OrderedEmitter } from '../../src/batch/ordered-emitter.js';
import type { RunItem } from '../../src/batch/run.js';
import { emitDataset } from '../../src/emit/dataset.js';
import { processFile } from '../../src/pipeline.js';
import type { FileResult } from '../../src/result.js';
import { defaultSettings } from '../../src/settings.js';
import { DEV, describeDev } from '../helpers.js';

const INPUTS = (): string[] => [`${DEV}/tab_dump_01.txt`, `${DEV}/tab_dump_02_gbk.txt`, `${DEV}/single_calc_01.pdf`, 'test/fixtures/producers/writer_docx_01.pdf'];
const COMPARED = ['projects.json', 'projects.csv', 'indicators.csv', 'issues.csv', 'inputs.csv', 'manifest.json'];
const NO_EXTRAS = { xlsx: false, report: false } as const;

async function written(results: FileResult[], csvEncoding: 'utf-8' | 'gb18030', headers: 'en' | 'zh' = 'en'): Promise<Map<string, Buffer>> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ziping-writer-'));
  const w = new DatasetWriter(dir, { csvEncoding, headers, ...NO_EXTRAS });
  for (const r of results) w.add(r);
  await w.close();
  return new Map(COMPARED.map((n) => [n, readFileSync(path.join(dir, n))]));
}

const item = (index: number, result: FileResult | undefined, extra: Partial<RunItem> = {}): RunItem => ({
  index, path: result?.entry.path ?? `in${index}.txt`, rel: result?.entry.path ?? `in${index}.txt`, sha256: '', cached: false, ...(result ? { result } : {}), ...extra,
});

describeDev('streamed dataset', () => {
  test('streamed output equals emitDataset (utf-8 and gb18030, English and Chinese headers, with an empty and a failed input)', async () => {
    const results: FileResult[] = [];
    for (const p of INPUTS()) results.push(await processFile({ path: p, bytes: new Uint8Array(readFileSync(p)) }, defaultSettings));
    results.splice(2, 0, await processFile({ path: 'empty.pdf', bytes: new Uint8Array(0) }, defaultSettings));
    expect(results[2]!.entry.status).toBe('failed');
    for (const enc of ['utf-8', 'gb18030'] as const) {
      for (const headers of ['en', 'zh'] as const) {
        const want = emitDataset(results, { csvEncoding: enc, headers });
        const got = await written(results, enc, headers);
        for (const name of COMPARED) expect(got.get(name)!.equals(want.get(name)!), `${enc} ${headers} ${name}`).toBe(true);
      }
    }
  }, 60_000);

  test('results known out of order are written in dataset order, the same bytes as all at once', async () => {
    const results: FileResult[] = [];
    for (const p of INPUTS()) results.push(await processFile({ path: p, bytes: new Uint8Array(readFileSync(p)) }, defaultSettings));
    const items = results.map((result, index) => item(index, result));
    const dir = mkdtempSync(path.join(os.tmpdir(), 'ziping-ordered-'));
    const emitter = new OrderedEmitter(dir, dir, items, { csvEncoding: 'utf-8', ...NO_EXTRAS });
    // The last one first: nothing can be written until the first arrives.
    for (const i of [3, 1, 2, 0]) emitter.ready(items[i]!);
    await emitter.finish();
    expect(emitter.written.map((e) => e.file)).toEqual(INPUTS().map((p) => path.basename(p)));
    for (const [name, bytes] of emitDataset(results, { csvEncoding: 'utf-8' })) {
      if (name === 'manifest.json') continue; // entries gain `cached: false`; compared above
      expect(readFileSync(path.join(dir, name)).equals(bytes), name).toBe(true);
    }
  }, 60_000);

  test('a result that never arrives fails the write and leaves no output behind', async () => {
    const r = await processFile({ path: INPUTS()[0]!, bytes: new Uint8Array(readFileSync(INPUTS()[0]!)) }, defaultSettings);
    const items = [0, 1].map((index) => item(index, r, { path: `in${index}.txt`, rel: `in${index}.txt` }));
    const dir = mkdtempSync(path.join(os.tmpdir(), 'ziping-ordered-'));
    const emitter = new OrderedEmitter(dir, dir, items, { csvEncoding: 'utf-8' });
    emitter.ready(items[1]!);
    await expect(emitter.finish()).rejects.toThrow(/in0\.txt: no result to write/);
    expect(readdirSync(dir)).toEqual([]);
  });
});

test('no result at all equals emitDataset of nothing', async () => {
  const want = emitDataset([], { csvEncoding: 'utf-8' });
  const got = await written([], 'utf-8');
  for (const name of COMPARED) expect(got.get(name)!.equals(want.get(name)!), name).toBe(true);
});

test('a result that cannot be read stops the run at the next file, not at the end', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ziping-ordered-'));
  const items = [item(0, undefined, { path: 'gone.pdf', rel: 'gone.pdf', cache: 'missing.json' })];
  const emitter = new OrderedEmitter(dir, dir, items, { csvEncoding: 'utf-8' });
  emitter.ready(items[0]!);
  // The next file's check sees the failure as soon as the read has failed (polled: no fixed delay).
  await vi.waitFor(() => expect(() => emitter.throwIfFailed()).toThrow(/gone\.pdf: its cached result .*missing\.json is missing/), { timeout: 10_000 });
  await expect(emitter.finish()).rejects.toThrow(/gone\.pdf/);
  expect(readdirSync(dir).filter((f) => !f.startsWith('.'))).toEqual([]);
  // Temporary files are gone too (the xlsx one is closed before it is removed).
  expect(readdirSync(dir)).toEqual([]);
});

test('finishing the workbook twice (an abort after a failed close) gives the first outcome, not a new error', async () => {
  const { XlsxWriter } = await import('../../src/emit/xlsx.js');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ziping-xlsx-'));
  const w = new XlsxWriter(path.join(dir, 'book.xlsx'));
  await w.commit();
  await expect(w.commit()).resolves.toBeUndefined();
  expect(readdirSync(dir)).toEqual(['book.xlsx']);
});
