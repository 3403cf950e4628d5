import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { DEV, describeDev } from '../helpers.js';
import { collectInputs, gatherInputs, globToRegExp } from '../../src/batch/inputs.js';
import { hashFile, parseShard, shardOf } from '../../src/batch/run.js';

describe('globToRegExp', () => {
  test('stars, double stars, classes and alternatives', () => {
    expect(globToRegExp('*.pdf').test('a.pdf')).toBe(true);
    expect(globToRegExp('*.pdf').test('d/a.pdf')).toBe(false);
    expect(globToRegExp('**/*.pdf').test('a.pdf')).toBe(true);
    expect(globToRegExp('**/*.pdf').test('d/e/a.pdf')).toBe(true);
    expect(globToRegExp('d/**/x?.{pdf,txt}').test('d/e/x1.txt')).toBe(true);
    expect(globToRegExp('d/**/x?.{pdf,txt}').test('d/e/x12.txt')).toBe(false);
    expect(globToRegExp('[ab].pdf').test('b.pdf')).toBe(true);
    expect(globToRegExp('[!ab].pdf').test('b.pdf')).toBe(false);
    expect(globToRegExp('a+b.pdf').test('a+b.pdf')).toBe(true);
  });
});

describe('collectInputs', () => {
  test('folders sorted, every entry kept (skipped ones with their reason), files and globs as given, missing ones named', async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'ziping-inputs-'));
    mkdirSync(path.join(root, 'd/sub'), { recursive: true });
    for (const f of ['d/b.pdf', 'd/a.TXT', 'd/sub/c.tsv', 'd/notes.md', 'd/.hidden.pdf', 'd/e.csv', 'x.csv', 'g1.pdf', 'g2.pdf']) writeFileSync(path.join(root, f), 'x');
    const warnings: string[] = [];
    const got = await collectInputs([path.join(root, 'd'), path.join(root, 'x.csv'), path.join(root, 'g*.pdf'), path.join(root, 'missing.pdf'), path.join(root, 'none*.pdf')], { warn: (w) => warnings.push(w) });
    expect(got.map((e) => [path.relative(root, e.path), e.skip ?? ''])).toEqual([
      ['d/.hidden.pdf', 'hidden'], ['d/a.TXT', ''], ['d/b.pdf', ''], ['d/e.csv', ''], ['d/notes.md', 'unsupported_type'], ['d/sub/c.tsv', ''],
      ['x.csv', ''], ['g1.pdf', ''], ['g2.pdf', ''],
    ]);
    // An argument that names nothing is said so (and counted as not found), not read.
    expect(warnings).toEqual([`${path.join(root, 'missing.pdf')}: no such file or folder`, `${path.join(root, 'none*.pdf')}: no file matches`]);
    // The old calling style (a warn function) still works.
    expect((await collectInputs([path.join(root, 'x.csv')], () => undefined)).map((e) => e.path)).toEqual([path.join(root, 'x.csv')]);
  });
  test('a folder with nothing to read names what it skipped; sidecars are found, not read', async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'ziping-inputs-'));
    mkdirSync(path.join(root, 'd/sub'), { recursive: true });
    for (const f of ['d/报告.docx', 'd/.hidden.pdf', 'd/sub/sources.csv']) writeFileSync(path.join(root, f), 'x');
    const warnings: string[] = [];
    const got = await gatherInputs([path.join(root, 'd'), path.join(root, 'gone.pdf')], (w) => warnings.push(w));
    expect(got.files.map((e) => [path.relative(root, e.path), e.skip ?? ''])).toEqual([['d/.hidden.pdf', 'hidden'], ['d/报告.docx', 'unsupported_type']]);
    expect(got.sidecars).toEqual([path.join(root, 'd/sub/sources.csv')]);
    expect(got.missing).toEqual([path.join(root, 'gone.pdf')]);
    expect(warnings).toEqual([
      `${path.join(root, 'd')}: nothing to read: 2 file(s) skipped (only .pdf, .txt, .tsv, .text and .csv files are read, hidden ones never): .hidden.pdf, 报告.docx`,
      `${path.join(root, 'gone.pdf')}: no such file or folder`,
    ]);
  });
});

describe('collectInputs: links, FIFOs, the output folder', () => {
  test('a link to a file is read, a link to a folder and a FIFO are skipped, the output folder inside an input is skipped', async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'ziping-entries-'));
    mkdirSync(path.join(root, 'in/out/.cache'), { recursive: true });
    mkdirSync(path.join(root, 'in/sub'));
    writeFileSync(path.join(root, 'in/a.txt'), 'x');
    writeFileSync(path.join(root, 'in/out/projects.csv'), 'x');
    symlinkSync('a.txt', path.join(root, 'in/link.txt'));
    symlinkSync('sub', path.join(root, 'in/link-dir'));
    symlinkSync('nowhere.txt', path.join(root, 'in/broken.txt'));
    execFileSync('mkfifo', [path.join(root, 'in/pipe.txt')]);
    const got = await collectInputs([path.join(root, 'in')], { outDir: path.join(root, 'in/out') });
    expect(got.map((e) => [path.relative(root, e.path), e.skip ?? e.error ?? ''])).toEqual([
      ['in/a.txt', ''], ['in/broken.txt', 'broken symbolic link (ENOENT)'], ['in/link-dir', 'symlinked_folder'], ['in/link.txt', ''],
      ['in/out', 'output_folder'], ['in/pipe.txt', 'not_a_file'],
    ]);
  });
});

describe('shards', () => {
  test('parseShard takes i/n with 1 ≤ i ≤ n', () => {
    expect(parseShard('2/3')).toEqual({ index: 2, count: 3 });
    expect(() => parseShard('0/3')).toThrow(/--shard/);
    expect(() => parseShard('4/3')).toThrow(/--shard/);
  });
  test('shardOf follows the content hash, or the index when there is none', () => {
    expect(shardOf({ index: 5, sha256: '00000000000a' + 'f'.repeat(52) }, 4)).toBe((10 % 4) + 1);
    expect(shardOf({ index: 5 }, 4)).toBe(2);
  });
});

describe('settingsHash', () => {
  test('ignores what never changes a cached result, not what does', async () => {
    const { settingsHash } = await import('../../src/batch/cache.js');
    const { Settings } = await import('../../src/settings.js');
    const base = settingsHash(Settings.parse({}));
    expect(settingsHash(Settings.parse({ csvEncoding: 'gb18030', timeoutMs: 5, maxBytes: 10 }))).toBe(base);
    expect(settingsHash(Settings.parse({ maxPages: 10 }))).not.toBe(base);
    expect(settingsHash(Settings.parse({ encoding: 'gb18030' }))).not.toBe(base);
  });
});

describeDev('hashFile', () => {
  test('gives the same hash, size and kind whether a file is read whole or streamed', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'ziping-hash-'));
    const pdf = path.join(DEV, 'dept_report_calc_A.pdf');
    const text = path.join(dir, 'dump.txt');
    writeFileSync(text, readFileSync(path.join(DEV, 'tab_dump_01.txt')));
    for (const [file, kind] of [[pdf, 'pdf'], [text, 'text']] as const) {
      const bytes = readFileSync(file);
      const want = { sha256: createHash('sha256').update(bytes).digest('hex'), bytes: bytes.length, kind };
      expect(await hashFile(file)).toEqual(want);
      expect(await hashFile(file, 0)).toEqual(want); // streamed in 1 MiB chunks
    }
  });
});
