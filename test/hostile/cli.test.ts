/**
 * Issue 12, items 3, 9, 11 and 12 (the command line and the output folder): two runs into one
 * --out, malformed cache entries, terminal escapes, `--`, exit codes, formula characters and NUL
 * bytes in CSV cells, ids of dash-named files, temporary files after a failed write.
 */
import { spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import Papa from 'papaparse';
import { beforeAll, describe, expect, test } from 'vitest';
import { writeFileAtomic } from '../../src/batch/atomic.js';
import { lockOutput, OutputLocked } from '../../src/batch/lock.js';
import { fileLine, jsonReporter, type FileEvent } from '../../src/batch/progress.js';
import { neutralise } from '../../src/emit/csv.js';
import { safeLine } from '../../src/terminal.js';
import { CLI, cli, cliAsync, DEV, ensureBuilt, events, SAMPLE } from './helpers.js';

let work: string;
beforeAll(() => {
  ensureBuilt();
  work = mkdtempSync(path.join(os.tmpdir(), 'ziping-cli-'));
}, 120_000);

const outputs = (dir: string) => Object.fromEntries(['projects.json', 'projects.csv', 'indicators.csv', 'issues.csv'].map((f) => [f, readFileSync(path.join(dir, f), 'utf8')]));

describe('the output folder lock', () => {
  test('a second run into a folder in use says so and stops; the first one writes its dataset', async () => {
    const dir = path.join(work, 'concurrent');
    mkdirSync(path.join(dir, 'in'), { recursive: true });
    for (let i = 0; i < 6; i++) writeFileSync(path.join(dir, `in/dump${i}.txt`), Buffer.concat([readFileSync(SAMPLE), Buffer.from('\n'.repeat(i + 1))]));
    const first = cliAsync(['ingest', 'in', '--out', 'out', '--jobs', '1'], dir);
    let firstErr = '';
    first.stderr.on('data', (d: Buffer) => (firstErr += d.toString()));
    // Wait until the first run holds the lock, then start the second.
    while (!existsSync(path.join(dir, 'out/.lock'))) await new Promise((r) => setTimeout(r, 20));
    const second = cli(['ingest', 'in', '--out', 'out', '--jobs', '1'], dir);
    expect(second.code).toBe(3);
    expect(second.stderr).toMatch(/^ziping: out is in use by another ziping run \(pid \d+, started [^)]+\); wait for it to finish or use another --out/);
    const [code] = await once(first, 'exit');
    expect(code, firstErr).toBe(0);
    expect(JSON.parse(readFileSync(path.join(dir, 'out/manifest.json'), 'utf8')).totals.inputs).toBe(6);
    expect(existsSync(path.join(dir, 'out/.lock'))).toBe(false);
    expect(readdirSync(path.join(dir, 'out')).filter((f) => f.includes('tmp'))).toEqual([]);
  }, 180_000);

  test('a lock left by a run that is gone is taken over; one held by this process is not', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'ziping-lock-'));
    const child = cliAsync(['--version-that-does-not-exist'], dir);
    await once(child, 'exit');
    writeFileSync(path.join(dir, '.lock'), JSON.stringify({ pid: child.pid, host: os.hostname(), started: 'then', token: 'dead' }));
    const unlock = await lockOutput(dir);
    expect(JSON.parse(readFileSync(path.join(dir, '.lock'), 'utf8')).pid).toBe(process.pid);
    await expect(lockOutput(dir)).rejects.toBeInstanceOf(OutputLocked);
    await unlock();
    expect(existsSync(path.join(dir, '.lock'))).toBe(false);
  });
});

describe('the cache', () => {
  test('a malformed cache entry is a miss: the file is processed again, the outputs are those of a clean run', () => {
    const dir = path.join(work, 'cache');
    mkdirSync(dir, { recursive: true });
    const inputs = [path.join(DEV, 'tab_dump_01.txt'), path.join(DEV, 'single_calc_01.pdf')];
    expect(cli(['ingest', ...inputs, '--out', 'clean', '--jobs', '1'], dir).code).toBe(0);
    expect(cli(['ingest', ...inputs, '--out', 'out', '--jobs', '1'], dir).code).toBe(0);
    const cache = path.join(dir, 'out/.cache');
    const names = readdirSync(cache).sort();
    // Valid JSON, a field missing (the record's indicators), and a head that lies about its records.
    const [a, b] = names.map((n) => readFileSync(path.join(cache, n), 'utf8').split('\n'));
    const rec = JSON.parse(a![1]!);
    delete rec.indicators;
    writeFileSync(path.join(cache, names[0]!), [a![0], JSON.stringify(rec), ...a!.slice(2)].join('\n'));
    const head = JSON.parse(b![0]!);
    delete head.entry.status;
    writeFileSync(path.join(cache, names[1]!), [JSON.stringify(head), ...b!.slice(1)].join('\n'));
    const r = cli(['ingest', ...inputs, '--out', 'out', '--jobs', '1', '--json'], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(events(r.stdout).at(-1)!.totals.cached).toBe(0);
    expect(outputs(path.join(dir, 'out'))).toEqual(outputs(path.join(dir, 'clean')));
  }, 120_000);
});

describe('the terminal', () => {
  const event = (p: string, message: string): FileEvent => ({
    event: 'file', index: 0, path: p, bytes: 1, status: 'failed', kind: 'text', pages: null, tables: 0, flagged_tables: 0, cached: false,
    duration_ms: 0, error: { code: 'no_table', message }, duplicate_of: null, skip_reason: null,
  });

  test('escape sequences, C1 controls and bidi overrides in names and messages are shown escaped', () => {
    const line = fileLine(event('\u001b[2J\u001b]0;x\u0007a\u009b31m\u202eb.txt', 'bad \u001b[31m'));
    expect(line).toBe('failed  \\x1b[2J\\x1b]0;x\\x07a\\x9b31m\\u202eb.txt: 0 table(s) — bad \\x1b[31m\n');
    let json = '';
    jsonReporter({ write: (s: string) => ((json += s), true) } as unknown as NodeJS.WritableStream)(event('\u009b2J.txt', '\u202e'));
    expect(json.endsWith('}\n')).toBe(true);
    expect(json.slice(0, -1)).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202e]/);
    expect(JSON.parse(json).path).toBe('\u009b2J.txt');
    expect(safeLine('line\nbreak')).toBe('line\\x0abreak');
  });
});

describe('names that are not UTF-8', () => {
  test('a GBK name given on the command line is read by its bytes and shown decoded', () => {
    const dir = path.join(work, 'gbk-arg');
    mkdirSync(dir, { recursive: true });
    const name = iconv.encode('自评表.txt', 'gbk');
    writeFileSync(Buffer.concat([Buffer.from(`${dir}/`), name]), readFileSync(path.join(DEV, 'tab_dump_01.txt')));
    // Node cannot pass bytes that are not UTF-8 as an argument: bash does, from printf escapes.
    const escaped = [...name].map((b) => `\\x${b.toString(16)}`).join('');
    const r = spawnSync('bash', ['-c', `"${process.execPath}" "${CLI}" ingest "$(printf '${escaped}')" --out out --jobs 1`], { cwd: dir, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const [entry] = JSON.parse(readFileSync(path.join(dir, 'out/manifest.json'), 'utf8')).inputs;
    expect(entry).toMatchObject({ path: '自评表.txt', status: 'ok', tables: 5, raw_path: name.toString('hex') });
  }, 60_000);
});

describe('command line details', () => {
  test('-- ends the options: a file named -x.txt is read, its CSV id equals its JSON id', () => {
    const dir = path.join(work, 'dash');
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, '-x.txt'), readFileSync(path.join(DEV, 'tab_dump_01.txt')));
    const r = cli(['ingest', '--out', 'out', '--jobs', '1', '--', '-x.txt'], dir);
    expect(r.code, r.stderr).toBe(0);
    const json = JSON.parse(readFileSync(path.join(dir, 'out/projects.json'), 'utf8')) as Array<{ id: string }>;
    const csv = Papa.parse<Record<string, string>>(readFileSync(path.join(dir, 'out/projects.csv'), 'utf8').slice(1), { header: true, skipEmptyLines: true }).data;
    expect(json.map((x) => x.id)).toEqual(['./-x.txt#1', './-x.txt#2', './-x.txt#3', './-x.txt#4', './-x.txt#5']);
    expect(csv.map((x) => x.id)).toEqual(json.map((x) => x.id));
    // Without --, a name starting with a dash is an unknown option: a usage error.
    const u = cli(['ingest', '--out', 'out2', '-x.txt'], dir);
    expect(u.code).toBe(2);
    expect(u.stderr).toMatch(/unknown option -x\.txt \(to name a file that starts with "-", put it after "--"\)/);
  }, 60_000);

  test('a run that cannot write its output exits 3 (runtime error), not 2 (usage)', () => {
    const dir = path.join(work, 'enotdir');
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'file'), 'x');
    const r = cli(['ingest', path.join(DEV, 'tab_dump_01.txt'), '--out', 'file/out'], dir);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/^ziping: ENOTDIR/);
    expect(r.stderr).not.toMatch(/usage:/);
  });

  test('full-width ＝＋－＠ are neutralised in CSV cells; a NUL never goes raw into a cell', () => {
    expect(['＝1+1', '＋1', '－1', '＠SUM(A1)'].map(neutralise)).toEqual(["'＝1+1", "'＋1", "'－1", "'＠SUM(A1)"]);
    expect(neutralise('a\u0000b')).toBe('a\ufffdb');
    expect(neutralise('\u0000=1')).toBe('\ufffd=1');
  });

  test('a disk that fills up mid-run: exit 3 with the error, no temporary file left, no half dataset', () => {
    const dir = path.join(work, 'full');
    mkdirSync(dir, { recursive: true });
    // `ulimit -f` makes every write past 100 KiB fail (EFBIG), as a full disk does (ENOSPC).
    const r = spawnSync('bash', ['-c', `ulimit -f 100; "${process.execPath}" "${CLI}" ingest "${SAMPLE}" "${path.join(DEV, 'single_calc_01.pdf')}" --out out --jobs 1`], { cwd: dir, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(3);
    expect(r.stderr).toMatch(/^ziping: EFBIG: file too large, write/);
    const left = (readdirSync(path.join(dir, 'out'), { recursive: true }) as string[]).filter((f) => !f.endsWith('.cache'));
    expect(left.filter((f) => /tmp|projects|manifest|\.lock/.test(f))).toEqual([]);
  }, 60_000);

  test('a write that fails (a full disk) leaves no temporary file behind', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'ziping-enospc-'));
    const full = Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    await expect(writeFileAtomic(path.join(dir, 'x.json'), async (fh) => {
      await fh.writeFile('partial');
      throw full;
    })).rejects.toThrow(/ENOSPC/);
    expect(readdirSync(dir)).toEqual([]);
  });
});
