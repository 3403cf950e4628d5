/**
 * `ziping ingest` end to end on real files: determinism across concurrency, kill -9 and resume,
 * shards merged, and a corpus of bad files. Spawns dist/cli.js (built first when stale), since
 * the workers run compiled code.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, expect, test } from 'vitest';
import { DEV, describeDev, HAS_DEV } from '../helpers.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const CLI = path.join(ROOT, 'dist/cli.js');
const PRODUCERS = path.join(ROOT, 'test/fixtures/producers');
const OUTPUTS = ['projects.json', 'projects.csv', 'indicators.csv', 'issues.csv', 'manifest.json'];

/** Rebuilds dist/ when a source file is newer than dist/cli.js (tsc emits despite type errors elsewhere). */
function ensureBuilt(): void {
  const built = existsSync(CLI) ? statSync(CLI).mtimeMs : 0;
  const newest = (readdirSync(path.join(ROOT, 'src'), { recursive: true }) as string[])
    .map((f) => statSync(path.join(ROOT, 'src', f)).mtimeMs).reduce((a, b) => Math.max(a, b), 0);
  if (newest > built) spawnSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'ignore' });
}

function ingest(args: string[], cwd: string): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, 'ingest', ...args], { cwd, encoding: 'utf8', timeout: 240_000 });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** The outputs of a run, with the two run-dependent manifest fields removed. */
function outputs(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of OUTPUTS) {
    const text = readFileSync(path.join(dir, name)).toString('latin1');
    out[name] = name === 'manifest.json' ? JSON.stringify(JSON.parse(readFileSync(path.join(dir, name), 'utf8')), (k, v) => (k === 'duration_ms' || k === 'cached' ? undefined : v), 2) : text;
  }
  return out;
}

function manifest(dir: string): { totals: Record<string, number>; inputs: Array<Record<string, any>> } {
  return JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
}

let work: string;
beforeAll(() => {
  ensureBuilt();
  if (!HAS_DEV) return;
  // A small mixed corpus: every producer, text dumps (GBK too), a multi-page report, a scan,
  // a duplicate under another name; as a folder plus an explicit file.
  work = mkdtempSync(path.join(os.tmpdir(), 'ziping-ingest-'));
  mkdirSync(path.join(work, 'corpus/calc'), { recursive: true });
  mkdirSync(path.join(work, 'corpus/other'), { recursive: true });
  for (const f of ['dept_report_calc_B.pdf', 'single_calc_01.pdf', 'single_calc_03.pdf', 'tab_dump_01.txt', 'tab_dump_02_gbk.txt']) copyFileSync(path.join(DEV, f), path.join(work, 'corpus/calc', f));
  for (const f of ['chromium_multi_01.pdf', 'chromium_borderless_01.pdf', 'writer_docx_multi_01.pdf', 'scan_chromium_bordered_01.pdf']) copyFileSync(path.join(PRODUCERS, f), path.join(work, 'corpus/other', f));
  copyFileSync(path.join(DEV, 'single_calc_01.pdf'), path.join(work, 'corpus/other/copy_of_single.pdf'));
  copyFileSync(path.join(DEV, 'single_calc_04.pdf'), path.join(work, 'extra.pdf'));
}, 120_000);

// OCR is tested on its own (test/ocr); here the scan stays unread, as the batch machinery is under test.
const INPUTS = ['corpus', 'extra.pdf', '--ocr', 'off'];

describeDev('ingest', () => {
  let reference: Record<string, string>;

  test('jobs 1 and jobs 2 give byte-identical outputs; duplicates are skipped', () => {
    const a = ingest([...INPUTS, '--out', 'out-j1', '--jobs', '1'], work);
    const b = ingest([...INPUTS, '--out', 'out-j2', '--jobs', '2', '--json'], work);
    expect(a.code, a.stderr).toBe(0);
    expect(b.code, b.stderr).toBe(0);
    reference = outputs(path.join(work, 'out-j1'));
    expect(outputs(path.join(work, 'out-j2'))).toEqual(reference);
    const m = manifest(path.join(work, 'out-j1'));
    expect(m.inputs.map((e) => e.path)).toEqual([
      'corpus/calc/dept_report_calc_B.pdf', 'corpus/calc/single_calc_01.pdf', 'corpus/calc/single_calc_03.pdf', 'corpus/calc/tab_dump_01.txt',
      'corpus/calc/tab_dump_02_gbk.txt', 'corpus/other/chromium_borderless_01.pdf', 'corpus/other/chromium_multi_01.pdf',
      'corpus/other/copy_of_single.pdf', 'corpus/other/scan_chromium_bordered_01.pdf', 'corpus/other/writer_docx_multi_01.pdf', 'extra.pdf',
    ]);
    const copy = m.inputs[7]!;
    expect([copy.status, copy.skip_reason, copy.duplicate_of]).toEqual(['skipped', 'duplicate', 'corpus/calc/single_calc_01.pdf']);
    expect(m.inputs[8]!.error.code).toBe('ocr_required');
    // --json: NDJSON on stdout, one file event per input, then done.
    const events = b.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(events[0].event).toBe('start');
    expect(events.filter((e) => e.event === 'file')).toHaveLength(11);
    expect(events.at(-1)).toMatchObject({ event: 'done', totals: { inputs: 11, skipped: 1, failed: 1 } });
    // Line-oriented stderr when not a TTY, one line per file, as the first ingest printed.
    expect(a.stderr.split('\n').filter((l) => /^(ok|flagged|failed|skipped) /.test(l))).toHaveLength(11);
  }, 180_000);

  test('a re-run answers everything from the cache with the same outputs', () => {
    const r = ingest([...INPUTS, '--out', 'out-j1', '--json'], work);
    const done = JSON.parse(r.stdout.trim().split('\n').at(-1)!);
    expect(done.totals.cached).toBe(10);
    expect(done.workers_started).toBe(0);
    expect(outputs(path.join(work, 'out-j1'))).toEqual(reference);
    expect(manifest(path.join(work, 'out-j1')).inputs.filter((e) => e.cached)).toHaveLength(10);
  }, 60_000);

  test('killed with SIGKILL mid-run, then resumed: the same outputs as an uninterrupted run', async () => {
    const out = path.join(work, 'out-kill');
    const child = spawn(process.execPath, [CLI, 'ingest', ...INPUTS, '--out', 'out-kill', '--jobs', '2'], { cwd: work, stdio: 'ignore' });
    const cached = (): number => (existsSync(path.join(out, '.cache')) ? readdirSync(path.join(out, '.cache')).filter((f) => f.endsWith('.json')).length : 0);
    const exited = new Promise((resolve) => child.on('exit', resolve));
    while (cached() < 3 && child.exitCode === null) await new Promise((r) => setTimeout(r, 20));
    child.kill('SIGKILL');
    await exited;
    const before = cached();
    expect(before).toBeGreaterThanOrEqual(3);
    expect(before).toBeLessThan(10); // killed mid-run, not after
    expect(existsSync(path.join(out, 'manifest.json'))).toBe(false);
    const r = ingest([...INPUTS, '--out', 'out-kill', '--jobs', '2', '--json'], work);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout.trim().split('\n').at(-1)!).totals.cached).toBeGreaterThanOrEqual(3);
    expect(outputs(out)).toEqual(reference);
    expect(readdirSync(out).filter((f) => f.includes('tmp'))).toEqual([]);
  }, 180_000);

  test('--max-memory starts only the workers that fit, and the run stays within it', () => {
    // 400 MiB holds one worker; four were asked for.
    const r = ingest([...INPUTS, '--out', 'out-mem', '--jobs', '4', '--max-memory', '400MB', '--json'], work);
    expect(r.code, r.stderr).toBe(0);
    const events = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(events.find((e) => e.event === 'warning')?.message).toMatch(/--max-memory 400 MiB holds 1 worker/);
    expect(events.find((e) => e.event === 'start')).toMatchObject({ jobs: 1 });
    const done = events.at(-1);
    expect(done).toMatchObject({ event: 'done', workers_started: 1 });
    expect(done.peak_rss_mb).toBeLessThanOrEqual(400);
    expect(outputs(path.join(work, 'out-mem'))).toEqual(reference);
  }, 180_000);

  test('three shards merged equal a single run', () => {
    for (const i of [1, 2, 3]) {
      const r = ingest([...INPUTS, '--out', `out-shard${i}`, '--shard', `${i}/3`, '--jobs', '1'], work);
      expect(r.code, r.stderr).toBe(0);
    }
    // A shard with no input writes no dataset; its run index says what it took.
    const shardInputs = [1, 2, 3].map((i) => (JSON.parse(readFileSync(path.join(work, `out-shard${i}/.run.json`), 'utf8')) as { items: unknown[] }).items.length);
    expect(shardInputs.reduce((a, b) => a + b)).toBe(11);
    expect(shardInputs.filter((n) => n > 0).length).toBeGreaterThan(1);
    const m = spawnSync(process.execPath, [CLI, 'merge', 'out-shard1', 'out-shard2', 'out-shard3', '--out', 'out-merged'], { cwd: work, encoding: 'utf8' });
    expect(m.status, m.stderr).toBe(0);
    expect(outputs(path.join(work, 'out-merged'))).toEqual(reference);
    // Never over a dataset silently.
    const again = spawnSync(process.execPath, [CLI, 'merge', 'out-shard1', 'out-shard2', 'out-shard3', '--out', 'out-merged'], { cwd: work, encoding: 'utf8' });
    expect([again.status, again.stderr]).toEqual([1, expect.stringMatching(/out-merged\/ already holds a dataset: merge into a new folder, or add --replace/)]);
    const over = spawnSync(process.execPath, [CLI, 'merge', 'out-shard1', 'out-shard2', 'out-shard3', '--out', 'out-merged', '--replace'], { cwd: work, encoding: 'utf8' });
    expect(over.status, over.stderr).toBe(0);
    const missing = spawnSync(process.execPath, [CLI, 'merge', 'out-shard1', 'out-shard3', '--out', 'out-bad'], { cwd: work, encoding: 'utf8' });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/a shard is missing/);
  }, 180_000);
});

describeDev('bad inputs', () => {
  test('corrupt, truncated, empty, random, encrypted, text named .pdf and a 3,003-page file: each reported, the rest processed', () => {
    const dir = path.join(work, 'bad');
    mkdirSync(dir, { recursive: true });
    const good = readFileSync(path.join(DEV, 'single_calc_02.pdf'));
    const corrupt = Buffer.from(good);
    for (let i = 400; i < corrupt.length - 200; i += 97) corrupt[i] = (corrupt[i]! * 31 + 7) & 0xff;
    writeFileSync(path.join(dir, 'corrupt.pdf'), corrupt);
    writeFileSync(path.join(dir, 'truncated.pdf'), good.subarray(0, Math.floor(good.length / 3)));
    writeFileSync(path.join(dir, 'empty.pdf'), '');
    let seed = 42;
    writeFileSync(path.join(dir, 'random.pdf'), Buffer.from(Array.from({ length: 50_000 }, () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) >> 16) & 0xff)));
    execFileSync('qpdf', ['--encrypt', 'user', 'owner', '256', '--', path.join(DEV, 'single_calc_03.pdf'), path.join(dir, 'password.pdf')]);
    execFileSync('qpdf', ['--encrypt', '', 'owner', '256', '--', path.join(DEV, 'single_calc_04.pdf'), path.join(dir, 'owner_only.pdf')]);
    copyFileSync(path.join(DEV, 'tab_dump_03.txt'), path.join(dir, 'text_named.pdf'));
    writeFileSync(path.join(dir, 'binary_named.pdf'), Buffer.concat([Buffer.from([0, 1, 2, 0xff, 0xfe, 0]), Buffer.alloc(3000, 0x81)]));
    execFileSync('qpdf', ['--empty', '--pages', ...Array(273).fill(path.join(DEV, 'dept_report_calc_A.pdf')), '--', path.join(dir, 'big_3003_pages.pdf')]);
    copyFileSync(path.join(DEV, 'single_calc_01.pdf'), path.join(dir, 'good.pdf'));
    writeFileSync(path.join(dir, 'large.txt'), Buffer.alloc(3 * 1024 * 1024, 0x41));

    const started = Date.now();
    const r = ingest([dir, path.join(dir, 'missing.pdf'), '--out', path.join(work, 'out-bad-inputs'), '--max-pages', '200', '--max-bytes', '2MB', '--timeout', '60s', '--json'], work);
    expect(Date.now() - started).toBeLessThan(60_000);
    expect(r.code, r.stderr).toBe(0);
    // A path that names nothing is a warning, not an input of the dataset.
    expect(r.stderr).toMatch(/warning: .*missing\.pdf: no such file or folder/);
    const byFile = Object.fromEntries(manifest(path.join(work, 'out-bad-inputs')).inputs.map((e) => [e.file, e]));
    const code = (f: string): string => byFile[f]!.error?.code ?? byFile[f]!.status;
    expect(code('good.pdf')).toBe('ok');
    expect(byFile['owner_only.pdf']!.status).toBe('ok'); // an owner password alone must not stop us
    expect(byFile['text_named.pdf']!.kind).toBe('text');
    expect(byFile['text_named.pdf']!.tables).toBeGreaterThan(0);
    expect(code('password.pdf')).toBe('pdf_encrypted');
    expect(code('empty.pdf')).toBe('empty_file');
    expect(code('big_3003_pages.pdf')).toBe('too_many_pages');
    expect(code('large.txt')).toBe('too_large');
    expect(byFile['missing.pdf']).toBeUndefined();
    for (const f of ['corrupt.pdf', 'truncated.pdf', 'random.pdf', 'binary_named.pdf']) {
      expect(byFile[f]!.status === 'failed' || byFile[f]!.status === 'flagged', f).toBe(true);
      if (byFile[f]!.status === 'failed') expect(byFile[f]!.error.message.length, f).toBeGreaterThan(0);
    }
    const done = JSON.parse(r.stdout.trim().split('\n').at(-1)!);
    expect(done.totals).toMatchObject({ inputs: 11, missing: 1 });
    expect(done.peak_rss_mb).toBeLessThan(500);
  }, 180_000);

  test('the 3,003-page file itself completes within the limits when allowed', () => {
    const r = ingest([path.join(work, 'bad/big_3003_pages.pdf'), '--out', path.join(work, 'out-big'), '--timeout', '5s', '--json'], work);
    // Either processed within 5 s (unlikely on 2 cores) or stopped by the time limit: never a stall.
    const events = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    const done = events.at(-1);
    const e = events.find((x) => x.event === 'file');
    expect(e.status === 'failed' ? e.error.code : 'ok').toMatch(/^(ok|timeout)$/);
    // A run that processed nothing writes nothing.
    expect(existsSync(path.join(work, 'out-big/manifest.json'))).toBe(e.status !== 'failed');
    expect(done.stages.total_ms).toBeLessThan(30_000);
    expect(r.code).toBe(e.status === 'failed' ? 1 : 0);
  }, 60_000);

  test('nothing processable: exit code 1', () => {
    const r = ingest([path.join(work, 'bad/empty.pdf'), path.join(work, 'bad/password.pdf'), '--out', path.join(work, 'out-none')], work);
    expect(r.code).toBe(1);
  }, 60_000);
});
