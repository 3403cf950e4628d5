/** The command line as a new user meets it (issue 13, defect 7): help, version, mistakes. */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { ensureBuilt, ziping } from './cli-helpers.js';
import { ROOT, SAMPLE } from './helpers.js';

let work: string;
const version = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
const FIXTURE = path.join(ROOT, 'test/fixtures/producers/chromium_multi_01.pdf'); // 3 pages

beforeAll(() => {
  ensureBuilt();
  work = mkdtempSync(path.join(os.tmpdir(), 'ziping-cli-'));
}, 60_000);

describe('help and version', () => {
  test('--help exits 0 with examples and what each output is; so does each command\'s --help', () => {
    const h = ziping(['--help'], work);
    expect(h.code).toBe(0);
    expect(h.stdout).toMatch(/usage: ziping ingest/);
    expect(h.stdout).toMatch(/examples:/);
    const i = ziping(['ingest', '--help'], work);
    expect(i.code).toBe(0);
    for (const out of ['report.html', 'projects.csv', 'indicators.csv', 'issues.csv', 'inputs.csv', 'ziping.xlsx', 'datapackage.json', 'manifest.json']) expect(i.stdout).toContain(out);
    for (const opt of ['--replace', '--csv-guard on|off', '--headers en|zh', '--sources']) expect(i.stdout).toContain(opt);
    for (const cmd of ['merge', 'inspect']) {
      const r = ziping([cmd, '--help'], work);
      expect([r.code, r.stderr]).toEqual([0, '']);
      expect(r.stdout).toMatch(new RegExp(`usage: ziping ${cmd}`));
    }
    expect(ziping(['help', 'inspect'], work).stdout).toMatch(/usage: ziping inspect/);
  }, 60_000);
  test('--version prints the version of package.json', () => {
    for (const flag of ['--version', '-V']) expect(ziping([flag], work)).toMatchObject({ code: 0, stdout: `ziping ${version}\n` });
  }, 60_000);
  test('an unknown command is named, with the commands there are', () => {
    const r = ziping(['ingset', 'samples'], work);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown command 'ingset' \(did you mean 'ingest'\?\); the commands are ingest, merge, inspect/);
  }, 60_000);
});

describe('ingest mistakes', () => {
  test('--encoding takes utf8 and gbk; a wrong one is named without internal names', () => {
    for (const enc of ['utf8', 'gbk']) {
      const r = ziping(['ingest', SAMPLE, '--out', `enc-${enc}`, '--encoding', enc, '--input-encoding', 'UTF8'], work);
      expect(r.code, `${enc}: ${r.stderr}`).toBe(0);
    }
    expect(readFileSync(path.join(work, 'enc-gbk/projects.csv')).subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))).toBe(false);
    const bad = ziping(['ingest', SAMPLE, '--out', 'enc-bad', '--encoding', 'latin1'], work);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--encoding wants utf-8 or gb18030 \(also utf8, gbk\), not latin1/);
    expect(bad.stderr).not.toMatch(/csvEncoding|encoding:|invalid_enum|Invalid/);
    const bad2 = ziping(['ingest', SAMPLE, '--out', 'enc-bad', '--input-encoding', 'big5'], work);
    expect(bad2.stderr).toMatch(/--input-encoding wants auto, utf-8, gb18030, utf-16le or utf-16be/);
    expect(ziping(['ingest', SAMPLE, '--out', 'x', '--csv-guard', 'maybe'], work).stderr).toMatch(/--csv-guard wants on or off, not maybe/);
    expect(ziping(['ingest', SAMPLE, '--out', 'x', '--headers', 'fr'], work).stderr).toMatch(/--headers wants en or zh, not fr/);
  }, 120_000);
  test('a missing input is one clear line (no ENOENT); among others, a warning and the rest goes on', () => {
    const alone = ziping(['ingest', 'nosuch.pdf', '--out', 'missing'], work);
    expect(alone.code).toBe(1);
    expect(alone.stderr).toMatch(/^warning: nosuch\.pdf: no such file or folder$/m);
    expect(alone.stderr).not.toMatch(/ENOENT|at .*\.js/);
    const some = ziping(['ingest', SAMPLE, 'nosuch.pdf', '--out', 'missing'], work);
    expect(some.code, some.stderr).toBe(0);
    expect(some.stderr).toMatch(/^warning: nosuch\.pdf: no such file or folder$/m);
    expect(some.stderr).toMatch(/1 not found/);
  }, 60_000);
  test('a folder with nothing readable names what it skipped', () => {
    mkdirSync(path.join(work, 'office'), { recursive: true });
    writeFileSync(path.join(work, 'office/自评表.docx'), 'x');
    writeFileSync(path.join(work, 'office/自评表.xlsx'), 'x');
    const r = ziping(['ingest', 'office', '--out', 'office-out'], work);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/office: nothing to read: 2 file\(s\) skipped .*: 自评表\.docx, 自评表\.xlsx/);
  }, 60_000);
});

describe('inspect', () => {
  test('--page past the last page is an error naming the page count', () => {
    const r = ziping(['inspect', FIXTURE, '--page', '40'], work);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--page 40: .*chromium_multi_01\.pdf has 3 page\(s\)/);
    expect(r.stdout).toBe('');
  }, 60_000);
  test('a missing file is one clear line', () => {
    const r = ziping(['inspect', 'nosuch.pdf'], work);
    expect([r.code, r.stderr]).toEqual([1, 'ziping inspect: nosuch.pdf: no such file\n']);
  }, 60_000);
  test('--png writes into the folder it is given, and nowhere else', () => {
    const cwd = mkdtempSync(path.join(os.tmpdir(), 'ziping-inspect-'));
    const r = ziping(['inspect', FIXTURE, '--page', '2', '--png', 'pictures'], cwd);
    expect(r.code, r.stderr).toBe(0);
    expect(readdirSync(cwd)).toEqual(['pictures']);
    expect(readdirSync(path.join(cwd, 'pictures'))).toEqual(['chromium_multi_01.page-2.png']);
    expect(r.stdout).toMatch(/wrote pictures\/chromium_multi_01\.page-2\.png/);
    // Without a folder: a usage error, not pictures in the working folder.
    const bare = ziping(['inspect', FIXTURE, '--png'], cwd);
    expect(bare.code).toBe(2);
    expect(bare.stderr).toMatch(/--png needs a value/);
    expect(readdirSync(cwd)).toEqual(['pictures']);
  }, 60_000);
});
