/**
 * Issue 12, items 1 and 5 (memory): a decompression bomb is cut at the stream limit and reported
 * `too_large`; a worker that runs out of heap, or holds the most memory when the process goes
 * over the run's ceiling, is stopped and its file reported `resource_limit`, never as a bug.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, test } from 'vitest';
import { memoryLimits } from '../../src/batch/plan.js';
import { WorkerPool } from '../../src/batch/pool.js';
import type { WorkerReply, WorkerTask } from '../../src/batch/worker.js';
import { bombPdf, imageBombPdf } from '../../src/hostile/pdfs.js';
import { ocrInstalled } from '../../src/ocr/index.js';
import { defaultSettings } from '../../src/settings.js';
import { ensureBuilt, ROOT } from './helpers.js';

beforeAll(() => ensureBuilt(), 120_000);

/** Runs one PDF through the real worker (dist/batch/worker.js, or the OCR pool's) with a stream limit. */
async function inWorker(name: string, pdf: Buffer, streamBytes: number | undefined, script = 'dist/batch/worker.js'): Promise<WorkerReply> {
  const pool = new WorkerPool<WorkerTask & { threads?: number }, WorkerReply>({ script: pathToFileURL(path.join(ROOT, script)), size: 1, workerData: streamBytes ? { streamBytes } : {} });
  try {
    const bytes = new Uint8Array(pdf);
    const out = await pool.run({ path: name, bytes, sha256: 'x', size: bytes.length, settings: defaultSettings, threads: 2 }, [bytes.buffer as ArrayBuffer]);
    if (!out.ok) throw new Error(`${out.reason}: ${out.message}`);
    return out.value;
  } finally {
    await pool.close();
  }
}

describe('decompression bombs', () => {
  test.each([
    ['a content stream inflating to 2 GiB', () => bombPdf(2048)],
    ['a stream inflating to 4 GiB through two Flate layers', () => bombPdf(4096, true)],
  ])('%s is cut at the stream limit: too_large, nothing of it kept', async (_what, make) => {
    const reply = await inWorker('bomb.pdf', make(), 32 * 2 ** 20);
    expect(reply.entry).toMatchObject({ status: 'failed', tables: 0, error: { code: 'too_large' } });
    expect(reply.entry.error!.message).toMatch(/^bomb\.pdf: a deflate stream inflates past the stream limit of 33554432 bytes/);
    expect(JSON.parse(reply.json!).records).toEqual([]);
  }, 60_000);

  test('an image whose data inflates past the limit does not make the worker hold it', async () => {
    const reply = await inWorker('image.pdf', imageBombPdf(512), 32 * 2 ** 20);
    // pdf.js either declines to decode it or the guard cuts it: never more than the limit held.
    expect(['too_large', 'ocr_required', 'no_table']).toContain(reply.entry.error?.code);
  }, 60_000);

  test.skipIf(!ocrInstalled())('with OCR, the OCR worker does not draw an image that inflates to gigabytes: too_large', async () => {
    // Its own limit (no budget given): MAX_STREAM_BYTES; drawing the page would otherwise take gigabytes.
    const reply = await inWorker('image.pdf', imageBombPdf(512), undefined, 'dist/batch/ocr-worker.js');
    expect(reply.entry).toMatchObject({ status: 'failed', tables: 0, error: { code: 'too_large' } });
    expect(reply.entry.error!.message).toMatch(/inflates past the stream limit of 268435456 bytes/);
  }, 120_000);

  test('the limits follow --max-memory: each worker gets its share, streams a quarter of it', () => {
    expect(memoryLimits({ jobs: 2, maxMemoryMb: 1024 }, 16_000)).toEqual({ ceilingMb: 1024, heapMb: 422, streamBytes: 422 * 2 ** 20 / 4 });
    expect(memoryLimits({ jobs: 2 }, 16_000)).toEqual({ ceilingMb: 14_400, heapMb: 2048, streamBytes: 256 * 2 ** 20 });
  });
});

const GREEDY = `
import { parentPort, workerData } from 'node:worker_threads';
const view = new Int32Array(workerData.usage.buffer);
const held = [];
parentPort.on('message', (m) => {
  if (m.op === 'heap') { const a = []; for (;;) a.push({ n: a.length, s: 'x'.repeat(64) + a.length }); }
  if (m.op === 'hold') {
    // Memory outside the V8 heap (as a bomb's zlib output), published as the memory guard does.
    for (let i = 0; i < m.mb; i++) held.push(Buffer.alloc(2 ** 20, 1));
    Atomics.store(view, workerData.usage.slot, m.mb);
    setTimeout(() => parentPort.postMessage({ id: m.id, done: true }), m.ms);
    return;
  }
  parentPort.postMessage({ id: m.id, done: true });
});
parentPort.postMessage({ ziping_worker_ready: true });
`;

describe('the worker pool', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ziping-greedy-'));
  writeFileSync(path.join(dir, 'w.mjs'), GREEDY);
  const script = pathToFileURL(path.join(dir, 'w.mjs'));

  test('a worker out of heap: its task resolves with `memory` (not a crash), the pool goes on', async () => {
    const pool = new WorkerPool<{ op: string }, { done: boolean }>({ script, size: 1, resourceLimits: { maxOldGenerationSizeMb: 64 } });
    const outs = await Promise.all([pool.run({ op: 'heap' }), pool.run({ op: 'echo' })]);
    await pool.close();
    expect(outs.map((o) => (o.ok ? 'ok' : o.reason))).toEqual(['memory', 'ok']);
  }, 60_000);

  test('over the ceiling, the worker holding the most is stopped; the one holding little finishes', async () => {
    let rss = 100 * 2 ** 20;
    const pool = new WorkerPool<{ op: string; mb?: number; ms?: number }, { done: boolean }>({ script, size: 2, ceilingMb: 500, watchMs: 20, rss: () => rss });
    const big = pool.run({ op: 'hold', mb: 300, ms: 3000 });
    const small = pool.run({ op: 'hold', mb: 10, ms: 1500 });
    // Once both have published what they hold, the process goes over the ceiling.
    const usage = new Int32Array(pool.usage);
    while (!(usage.includes(300) && usage.includes(10))) await new Promise((r) => setTimeout(r, 10));
    rss = 600 * 2 ** 20;
    const [a, b] = await Promise.all([big, small]);
    await pool.close();
    expect(a.ok ? 'ok' : a.reason).toBe('memory');
    expect(a.ok ? '' : a.message).toMatch(/went over the memory ceiling of 500 MiB \(600 MiB\) while this file held 300 MiB/);
    expect(b.ok).toBe(true);
    expect(pool.stoppedForMemory).toBe(1);
  }, 60_000);
});
