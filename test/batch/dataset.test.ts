/**
 * One dataset per output folder, as a data journalist uses it (issue 13): two departments' files
 * with the same names, runs that add and update, a typo, a file that breaks, a sidecar of sources.
 * Each test names the defect it holds.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import Papa from 'papaparse';
import { beforeAll, expect, test } from 'vitest';
import { ensureBuilt, ziping } from '../cli-helpers.js';
import { DEV, describeDev, HAS_DEV } from '../helpers.js';

let work: string;
const OUTPUTS = ['projects.json', 'projects.csv', 'indicators.csv', 'issues.csv', 'inputs.csv', 'manifest.json', 'datapackage.json', 'report.html', 'ziping.xlsx'];

function csv(dir: string, name: string): Array<Record<string, string>> {
  return Papa.parse<Record<string, string>>(readFileSync(path.join(work, dir, name)).subarray(3).toString('utf8'), { header: true, skipEmptyLines: true }).data;
}
const ids = (dir: string): string[] => csv(dir, 'projects.csv').map((r) => r.id!);
/** The published files' bytes, without the run-dependent manifest fields. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of OUTPUTS.filter((n) => n !== 'ziping.xlsx')) {
    const text = readFileSync(path.join(work, dir, name), 'utf8');
    out[name] = name === 'manifest.json' ? JSON.stringify(JSON.parse(text), (k, v) => (k === 'duration_ms' || k === 'cached' ? undefined : v)) : text;
  }
  return out;
}
/** A copy of an output folder (its dataset index points at the same root: the folders are siblings). */
const copyOut = (from: string, to: string): void => cpSync(path.join(work, from), path.join(work, to), { recursive: true });
const put = (rel: string, from: string): void => {
  mkdirSync(path.dirname(path.join(work, rel)), { recursive: true });
  copyFileSync(path.join(DEV, from), path.join(work, rel));
};

beforeAll(() => {
  ensureBuilt();
  if (!HAS_DEV) return;
  work = mkdtempSync(path.join(os.tmpdir(), 'ziping-dataset-'));
  put('reports/人社局/附件1.txt', 'tab_dump_01.txt');
  put('reports/教委/附件1.txt', 'tab_dump_03.txt');
}, 60_000);

describeDev('one dataset per output folder', () => {
  test('defect 1: two departments\' 附件1 get distinct ids from their paths; every table joins its indicators and issues', () => {
    const r = ziping(['ingest', 'reports', '--out', 'all'], work);
    expect(r.code, r.stderr).toBe(0);
    const all = ids('all');
    expect(new Set(all).size).toBe(all.length);
    expect(all.filter((id) => id.startsWith('reports/人社局/附件1.txt#')).length).toBeGreaterThan(0);
    expect(all.filter((id) => id.startsWith('reports/教委/附件1.txt#')).length).toBeGreaterThan(0);
    const known = new Set(all);
    for (const row of csv('all', 'indicators.csv')) expect(known.has(row.project_id!), row.project_id).toBe(true);
    for (const row of csv('all', 'issues.csv')) if (row.project_id) expect(known.has(row.project_id), row.project_id).toBe(true);
    expect(csv('all', 'inputs.csv').map((r) => r.path)).toEqual(['reports/人社局/附件1.txt', 'reports/教委/附件1.txt']);
  }, 60_000);

  test('defect 3: runs add to the folder\'s dataset; the summary says what was added, updated, unchanged', () => {
    const a = ziping(['ingest', 'reports/人社局', '--out', 'grown'], work);
    expect(a.code, a.stderr).toBe(0);
    expect(a.stderr).toMatch(/grown\/: 1 added, 0 updated, 0 unchanged/);
    const b = ziping(['ingest', 'reports/教委', '--out', 'grown'], work);
    expect(b.code, b.stderr).toBe(0);
    expect(b.stderr).toMatch(/grown\/: 1 added, 0 updated, 0 unchanged → \d+ table\(s\) from 2 input\(s\)/);
    // Built in two runs or in one, the same dataset, byte for byte.
    expect(snapshot('grown')).toEqual(snapshot('all'));
    const again = ziping(['ingest', 'reports', '--out', 'grown'], work);
    expect(again.stderr).toMatch(/grown\/: 0 added, 0 updated, 2 unchanged/);
    expect(snapshot('grown')).toEqual(snapshot('all'));
    // From another folder: the dataset keeps its root, so the same files are the same inputs.
    const elsewhere = ziping(['ingest', '教委', '--out', '../grown'], path.join(work, 'reports'));
    expect(elsewhere.stderr).toMatch(/0 added, 0 updated, 1 unchanged/);
    expect(snapshot('grown')).toEqual(snapshot('all'));
  }, 120_000);

  test('defect 3: a changed file is updated in place; --replace starts over', () => {
    const dir = 'updated';
    copyOut('all', dir);
    const before = ids(dir);
    // Its root is kept: another one is refused rather than giving the same files new ids.
    const root = ziping(['ingest', 'reports', '--out', dir, '--root', 'reports'], work);
    expect([root.code, root.stderr]).toEqual([1, expect.stringMatching(/holds a dataset rooted at \., not reports/)]);
    // The same path with new content: its tables are replaced, the others stay.
    writeFileSync(path.join(work, 'reports/教委/附件1.txt'), readFileSync(path.join(DEV, 'tab_dump_02.txt')));
    const u = ziping(['ingest', 'reports/教委', '--out', dir], work);
    expect(u.stderr).toMatch(/0 added, 1 updated, 0 unchanged/);
    const after = ids(dir);
    expect(after.filter((id) => id.startsWith('reports/人社局/'))).toEqual(before.filter((id) => id.startsWith('reports/人社局/')));
    const projects = csv(dir, 'projects.csv').filter((p) => p.path === 'reports/教委/附件1.txt');
    expect(projects.map((p) => p.sha256)).toEqual(projects.map(() => statHash('reports/教委/附件1.txt')));
    const rep = ziping(['ingest', 'reports/人社局', '--out', dir, '--replace'], work);
    expect(rep.stderr).toMatch(/1 added, 0 updated, 0 unchanged → \d+ table\(s\) from 1 input\(s\)/);
    expect(new Set(csv(dir, 'projects.csv').map((p) => p.path))).toEqual(new Set(['reports/人社局/附件1.txt']));
    copyFileSync(path.join(DEV, 'tab_dump_03.txt'), path.join(work, 'reports/教委/附件1.txt'));
  }, 120_000);

  test('defect 2: a typo, or a run whose every input fails, leaves the dataset as it was', () => {
    const dir = 'kept';
    copyOut('all', dir);
    const before = snapshot(dir);
    const mtimes = OUTPUTS.map((n) => statSync(path.join(work, dir, n)).mtimeMs);
    const typo = ziping(['ingest', 'reports/typo.txt', '--out', dir], work);
    expect(typo.code).toBe(1);
    expect(typo.stderr).toMatch(/reports\/typo\.txt: no such file or folder/);
    expect(typo.stderr).toMatch(/kept\/ is left as it was/);
    expect(typo.stderr).not.toMatch(/ENOENT/);
    writeFileSync(path.join(work, 'empty.txt'), '');
    const failed = ziping(['ingest', 'empty.txt', '--out', dir], work);
    expect(failed.code).toBe(1);
    const replaced = ziping(['ingest', 'empty.txt', '--out', dir, '--replace'], work);
    expect(replaced.code).toBe(1);
    expect(snapshot(dir)).toEqual(before);
    expect(OUTPUTS.map((n) => statSync(path.join(work, dir, n)).mtimeMs)).toEqual(mtimes);
  }, 120_000);

  test('a file that breaks keeps its earlier tables; the same content under another name is a duplicate, not new tables', () => {
    const dir = 'safe';
    copyOut('all', dir);
    const before = ids(dir);
    mkdirSync(path.join(work, 'broken/教委'), { recursive: true });
    const keep = readFileSync(path.join(work, 'reports/教委/附件1.txt'));
    writeFileSync(path.join(work, 'reports/教委/附件1.txt'), '');
    const r = ziping(['ingest', 'reports', '--out', dir], work);
    writeFileSync(path.join(work, 'reports/教委/附件1.txt'), keep);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/reports\/教委\/附件1\.txt: .*the dataset keeps its earlier result/);
    expect(ids(dir)).toEqual(before);
    put('copy.txt', 'tab_dump_01.txt');
    const d = ziping(['ingest', 'copy.txt', '--out', dir], work);
    expect(d.code, d.stderr).toBe(0);
    expect(d.stderr).toMatch(/skipped copy\.txt: duplicate of reports\/人社局\/附件1\.txt/);
    expect(ids(dir)).toEqual(before);
  }, 120_000);

  test('sources.csv (GBK, as Excel saves it) puts url, date and department into every record', () => {
    mkdirSync(path.join(work, 'cited/人社局'), { recursive: true });
    copyFileSync(path.join(DEV, 'tab_dump_01.txt'), path.join(work, 'cited/人社局/附件1.txt'));
    copyFileSync(path.join(DEV, 'tab_dump_03.txt'), path.join(work, 'cited/附件2.txt'));
    writeFileSync(path.join(work, 'cited/sources.csv'), iconv.encode('path,url,published,department,year\r\n人社局/附件1.txt,https://rsj.example.gov.cn/a.html,2024-05-30,上海市人力资源和社会保障局,2023\r\n附件2.txt,https://example.gov.cn/b.html,2024-06-01,某局,2023\r\nnot-here.pdf,https://x,2024-01-01,无,2023\r\n', 'gbk'));
    const r = ziping(['ingest', 'cited', '--out', 'cited-out'], work);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/sources\.csv: 1 row\(s\) name no input: cited\/not-here\.pdf/);
    const projects = csv('cited-out', 'projects.csv');
    const byPath = (p: string) => projects.filter((x) => x.path === p);
    expect(byPath('cited/人社局/附件1.txt').length).toBeGreaterThan(0);
    for (const p of byPath('cited/人社局/附件1.txt')) expect([p.source_url, p.source_published, p.source_department, p.source_year]).toEqual(['https://rsj.example.gov.cn/a.html', '2024-05-30', '上海市人力资源和社会保障局', '2023']);
    for (const p of byPath('cited/附件2.txt')) expect(p.source_url).toBe('https://example.gov.cn/b.html');
    const records = JSON.parse(readFileSync(path.join(work, 'cited-out/projects.json'), 'utf8')) as Array<{ source: { url?: string } }>;
    expect(records.every((x) => x.source.url?.startsWith('https://'))).toBe(true);
    expect(csv('cited-out', 'inputs.csv').map((x) => x.url)).toEqual(['https://rsj.example.gov.cn/a.html', 'https://example.gov.cn/b.html']);
    // A later run without the sidecar keeps what it said.
    const again = ziping(['ingest', 'cited/附件2.txt', '--out', 'cited-out'], work);
    expect(again.code, again.stderr).toBe(0);
    expect(csv('cited-out', 'projects.csv').every((x) => x.source_url)).toBe(true);
  }, 120_000);

  test('nothing is left behind: no temporary files in the output folder', () => {
    for (const dir of ['all', 'grown', 'updated', 'kept', 'safe', 'cited-out']) {
      expect(readdirSync(path.join(work, dir)).filter((f) => f.includes('tmp')), dir).toEqual([]);
    }
  });
});

function statHash(rel: string): string {
  return createHash('sha256').update(readFileSync(path.join(work, rel))).digest('hex');
}
