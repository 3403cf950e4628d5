/**
 * Issue 12, "must show": the generated hostile corpus mixed into good files, ingested with
 * `--max-memory 1GB --jobs 2`, finishes under 1 GB of peak memory with every input in the manifest
 * with its status, and every good file's records identical to a clean run of the good files alone.
 * Items 2 (an unreadable folder), 7 (a GBK name), 8 (every folder entry), 11 (escape sequences)
 * are checked on the same run. The run is unprivileged (as `nobody` when the tests run as root),
 * so that the unreadable folder is unreadable. OCR is off: one OCR worker alone needs about 1.5 GB
 * (`--max-memory` cannot hold it), and the page images here are bombs, not scans (an image bomb
 * read with OCR on is cut by the OCR worker's memory guard: test/hostile/memory.test.ts).
 */
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { writeHostileCorpus, type CorpusEntry } from '../../src/hostile/corpus.js';
import { CAN_DROP, cli, DEV, ensureBuilt, events, IS_ROOT, PRODUCERS, SAMPLE } from './helpers.js';

const GOOD = [path.join(DEV, 'single_calc_01.pdf'), path.join(DEV, 'tab_dump_01.txt'), path.join(DEV, 'tab_dump_02_gbk.txt'), path.join(PRODUCERS, 'chromium_multi_01.pdf'), SAMPLE];

let work: string;
let entries: CorpusEntry[];
let run: ReturnType<typeof cli>;
let manifest: { inputs: Array<Record<string, any>> };

beforeAll(() => {
  ensureBuilt();
  work = mkdtempSync(path.join(os.tmpdir(), 'ziping-hostile-'));
  chmodSync(work, 0o777); // the unprivileged run writes its output here
  // A 2.5 MiB dump: cut into chunks (20,000 rows each) and streamed; the bombs inflate to 2 and 4 GiB.
  entries = writeHostileCorpus(path.join(work, 'corpus'), { good: GOOD, dump: SAMPLE, dumpMb: 2.5, bombMb: 2048 });
  mkdirSync(path.join(work, 'out'), { mode: 0o777 });
  chmodSync(path.join(work, 'out'), 0o777);
  run = cli(['ingest', 'corpus', '--out', 'out', '--max-memory', '1GB', '--jobs', '2', '--ocr', 'off', '--json'], work, { unprivileged: true });
  manifest = JSON.parse(readFileSync(path.join(work, 'out/manifest.json'), 'utf8'));
}, 600_000);

afterAll(() => {
  chmodSync(path.join(work, 'corpus/hostile/entries/unreadable'), 0o755);
  rmSync(work, { recursive: true, force: true });
});

describe('the hostile corpus, mixed into good files', () => {
  test('the run finishes, under 1 GB of peak memory', () => {
    expect(run.code, run.stderr).toBe(0);
    const done = events(run.stdout).at(-1)!;
    expect(done.event).toBe('done');
    expect(done.peak_rss_mb).toBeLessThan(1024);
  });

  test('every input is in the manifest, in order, with the status and reason it should have', () => {
    const unprivileged = !IS_ROOT || CAN_DROP;
    const expected = entries.filter((e) => unprivileged || !e.path.includes('unreadable'));
    const got = manifest.inputs.map((e) => e.path.replace(/^corpus\//, ''));
    // Unprivileged, the unreadable folder is one failed entry; as root it would be read.
    expect(got.filter((p) => !p.includes('unreadable'))).toEqual(expected.map((e) => e.path).filter((p) => !p.includes('unreadable')));
    const byPath = new Map(manifest.inputs.map((e) => [e.path.replace(/^corpus\//, ''), e]));
    for (const e of expected) {
      const m = byPath.get(e.path)!;
      expect(m, e.path).toBeDefined();
      if (e.expect.status === 'read') expect(['ok', 'flagged'], e.path).toContain(m.status);
      else if (e.expect.status === 'failed') expect([m.status, m.error?.code], e.path).toEqual(['failed', e.expect.code]);
      else expect([m.status, m.skip_reason], e.path).toEqual(['skipped', e.expect.reason]);
    }
  });

  test.skipIf(IS_ROOT && !CAN_DROP)('an unreadable subfolder is one failed entry and the run goes on', () => {
    const e = manifest.inputs.find((i) => i.path === 'corpus/hostile/entries/unreadable')!;
    expect(e).toMatchObject({ status: 'failed', error: { code: 'read_failed' } });
    expect(e.error.message).toMatch(/cannot list this folder: EACCES/);
  });

  test('a GBK file name is read by its bytes, shown decoded, its bytes kept in raw_path', () => {
    const e = manifest.inputs.find((i) => i.file === '绩效自评表.txt')!;
    expect(e).toMatchObject({ status: 'flagged', tables: 30, raw_path: expect.stringMatching(/^[0-9a-f]+$/) });
    expect(Buffer.from(e.raw_path, 'hex').subarray(-14).toString('hex')).toBe('bca8d0a7d7d4c6c0b1ed2e747874'); // 绩效自评表.txt in GBK
  });

  test('escape sequences in a file name never reach the terminal raw', () => {
    expect(run.stderr).not.toMatch(/\u001b/);
    expect(run.stdout).not.toMatch(/\u001b/);
    expect(run.stderr).toContain('\\x1b[31mred\\x1b[0m\\x1b]0;owned\\x07.txt');
  });

  test("every good file's records are those of a clean run of the good files alone", () => {
    const clean = mkdtempSync(path.join(os.tmpdir(), 'ziping-clean-'));
    // The same paths (record ids are paths relative to the dataset root), read alone.
    const r = cli(['ingest', ...GOOD.map((f) => `corpus/good/${path.basename(f)}`), '--out', path.join(clean, 'out'), '--jobs', '1', '--ocr', 'off'], work);
    expect(r.code, r.stderr).toBe(0);
    const records = (dir: string) => (JSON.parse(readFileSync(path.join(dir, 'projects.json'), 'utf8')) as Array<{ id: string; source: { file: string } }>)
      .sort((a, b) => (a.id < b.id ? -1 : 1));
    const goodNames = new Set(GOOD.map((f) => path.basename(f)));
    const mixedGood = records(path.join(work, 'out')).filter((rec) => goodNames.has(rec.source.file));
    const want = records(path.join(clean, 'out'));
    expect(want.length).toBeGreaterThan(40);
    expect(mixedGood).toEqual(want);
    rmSync(clean, { recursive: true, force: true });
  }, 120_000);
});
