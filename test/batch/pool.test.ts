// The pool against a tiny worker that echoes, hangs or crashes on demand. The worker takes a
// while to load (as the real one does with pdf.js, or any worker on a loaded machine): the time
// limit must count only the task, so the echoes never time out however slow the start.
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, test } from 'vitest';
import { WorkerPool } from '../../src/batch/pool.js';

const WORKER = `
import { parentPort } from 'node:worker_threads';
const t = Date.now();
while (Date.now() - t < 700) {} // loading: longer than the 500 ms limit
parentPort.on('message', (m) => {
  if (m.op === 'hang') for (;;) {}
  if (m.op === 'exit') process.exit(3);
  if (m.op === 'throw') throw new Error('boom');
  parentPort.postMessage({ id: m.id, echo: m.value, size: m.bytes ? m.bytes.byteLength : 0 });
});
parentPort.postMessage({ ziping_worker_ready: true });
`;

test('a hung or crashed worker is replaced; its task reports why; the others go on', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ziping-pool-'));
  writeFileSync(path.join(dir, 'w.mjs'), WORKER);
  const pool = new WorkerPool<{ op: string; value?: number; bytes?: Uint8Array }, { echo: number; size: number }>({
    script: pathToFileURL(path.join(dir, 'w.mjs')), size: 2, timeoutMs: 500,
  });
  const bytes = new Uint8Array(1000);
  const outs = await Promise.all([
    pool.run({ op: 'echo', value: 1, bytes }, [bytes.buffer]),
    pool.run({ op: 'hang' }),
    pool.run({ op: 'exit' }),
    pool.run({ op: 'throw' }),
    pool.run({ op: 'echo', value: 2 }),
    pool.run({ op: 'echo', value: 3 }),
  ]);
  await pool.close();
  expect(bytes.byteLength).toBe(0); // transferred, not copied
  expect(outs.map((o) => (o.ok ? o.value.echo : o.reason))).toEqual([1, 'timeout', 'crash', 'crash', 2, 3]);
  expect(outs[0]!.ok && outs[0]!.value.size).toBe(1000);
  expect(outs[3]!.ok ? '' : outs[3]!.message).toMatch(/boom/);
  expect(pool.replaced).toBe(3);
}, 60_000);
