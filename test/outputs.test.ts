/**
 * What a user opens after `ziping ingest` (issue 13): report.html in a real browser, ziping.xlsx
 * read back, datapackage.json against the Frictionless profile and the CSVs it describes.
 * One small run: two departments (a 附件1.pdf each), a dump and a table printed in 元.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { TABLES, type TableFile } from '../src/domain/columns.js';
import type { ProjectRecord } from '../src/domain/schema.js';
import { isFlagged } from '../src/emit/dataset.js';
import { FLAGGED_FILL } from '../src/emit/xlsx.js';
import { Browser, CHROMIUM, type Page } from './browser.js';
import { ensureBuilt, ziping } from './cli-helpers.js';
import { DEV, describeDev, HAS_DEV, ROOT } from './helpers.js';

let work: string;
const out = (...p: string[]): string => path.join(work, 'out', ...p);
const records = (): ProjectRecord[] => JSON.parse(readFileSync(out('projects.json'), 'utf8')) as ProjectRecord[];

function csvRows(file: string): { header: string[]; rows: string[][] } {
  const text = readFileSync(file).subarray(3).toString('utf8');
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: true });
  return { header: parsed.data[0]!, rows: parsed.data.slice(1) };
}

beforeAll(() => {
  ensureBuilt();
  if (!HAS_DEV) return;
  work = mkdtempSync(path.join(os.tmpdir(), 'ziping-outputs-'));
  const put = (rel: string, from: string): void => {
    mkdirSync(path.dirname(path.join(work, rel)), { recursive: true });
    copyFileSync(from, path.join(work, rel));
  };
  put('reports/教委/附件1.pdf', path.join(DEV, 'single_calc_03.pdf')); // weight_sum_not_100
  put('reports/人社局/附件1.pdf', path.join(DEV, 'single_calc_01.pdf'));
  put('reports/人社局/自评表.txt', path.join(DEV, 'tab_dump_02.txt')); // total_mismatch
  put('reports/财政局/yuan.pdf', path.join(ROOT, 'test/fixtures/producers/chromium_yuan_01.pdf'));
  for (const [dir, extra] of [['out', []], ['out-zh', ['--headers', 'zh', '--encoding', 'gbk']]] as const) {
    const r = ziping(['ingest', 'reports', '--out', dir, ...extra], work);
    if (r.code !== 0) throw new Error(r.stderr);
  }
}, 180_000);

describeDev('report.html', () => {
  let browser: Browser | undefined;
  let page: Page;
  const hasBrowser = CHROMIUM !== '';
  if (!hasBrowser && process.env.CI === 'true') throw new Error('chromium is missing (CI=true): .ci/run installs it');

  beforeAll(async () => {
    if (!hasBrowser) return;
    browser = await Browser.launch();
    page = await browser.open(`file://${out('report.html')}`);
  }, 60_000);
  afterAll(async () => browser?.close());

  test.skipIf(!hasBrowser)('opens without a console message, an error or a network request', () => {
    expect(page.log.exceptions).toEqual([]);
    expect(page.log.console).toEqual([]);
    expect(page.log.failed).toEqual([]);
    expect(page.log.requests.filter((u) => !u.startsWith('file:') && !u.startsWith('data:'))).toEqual([]);
  });

  test.skipIf(!hasBrowser)('lists exactly the flagged tables, each with department, file, place, rule and figures', async () => {
    const flagged = records().filter(isFlagged);
    expect(flagged.length).toBeGreaterThanOrEqual(2);
    const listed = await page.eval<Array<{ id: string; dept: string; text: string }>>(
      `[...document.querySelectorAll('article.flagged')].map((a) => ({ id: a.dataset.id, dept: a.dataset.department, text: a.innerText }))`,
    );
    expect(listed.map((a) => a.id).sort()).toEqual(flagged.map((r) => r.id).sort());
    for (const a of listed) {
      const r = flagged.find((x) => x.id === a.id)!;
      expect(a.dept).toBe(r.department);
      expect(a.text).toContain(r.source.path);
      expect(a.text).toMatch(r.source.pages ? new RegExp(`第 ${r.source.pages[0]} 页`) : /第 \d+–\d+ 行/);
      for (const d of r.issues) {
        expect(a.text).toContain(d.code);
        if (d.actual) expect(a.text).toContain(d.actual);
        if (d.expected) expect(a.text).toContain(d.expected);
      }
    }
    // The summary has a row per department, with its tables counted once.
    const rows = await page.eval<Array<[string, string, string]>>(`[...document.querySelectorAll('#departments tbody tr')].map((tr) => [...tr.cells].slice(0, 3).map((c) => c.textContent))`);
    const depts = new Map<string, number>();
    for (const r of records()) depts.set(r.department!, (depts.get(r.department!) ?? 0) + 1);
    expect(Object.fromEntries(rows.map(([d, n]) => [d, Number(n)]))).toEqual(Object.fromEntries(depts));
  });

  test.skipIf(!hasBrowser)('filters by status and by department', async () => {
    const flagged = records().filter(isFlagged);
    const dept = flagged[0]!.department!;
    const shown = (): Promise<string[]> => page.eval(`[...document.querySelectorAll('article.flagged')].filter((a) => !a.hidden).map((a) => a.dataset.id)`);
    const set = (id: string, value: string): Promise<unknown> => page.eval(`(() => { const s = document.getElementById(${JSON.stringify(id)}); s.value = ${JSON.stringify(value)}; s.dispatchEvent(new Event('change')); })()`);
    await set('filter-department', dept);
    expect((await shown()).sort()).toEqual(flagged.filter((r) => r.department === dept).map((r) => r.id).sort());
    await set('filter-department', '');
    await set('filter-status', 'incomplete');
    expect(await shown()).toEqual(flagged.filter((r) => r.check.status === 'incomplete').map((r) => r.id));
    await set('filter-status', 'mismatch');
    expect((await shown()).sort()).toEqual(flagged.filter((r) => r.check.status === 'mismatch').map((r) => r.id).sort());
    expect(await page.eval(`document.getElementById('shown').textContent`)).toBe(`${flagged.filter((r) => r.check.status === 'mismatch').length} / ${flagged.length}`);
    await set('filter-status', '');
  });

  test.skipIf(!hasBrowser)('screenshot: the page crop outlines the flagged cell in red, around the printed figure', async () => {
    const { loadImage, createCanvas } = createRequire(import.meta.url)('@napi-rs/canvas') as typeof import('@napi-rs/canvas');
    const marks = await page.eval<Array<{ id: string; code: string; bbox: number[]; page: number; x: number; y: number; w: number; h: number }>>(`[...document.querySelectorAll('.mark')].map((m) => {
      const r = m.getBoundingClientRect();
      return { id: m.closest('article').dataset.id, code: m.dataset.code, bbox: m.dataset.bbox.split(',').map(Number), page: Number(m.closest('figure').dataset.page), x: r.x + scrollX, y: r.y + scrollY, w: r.width, h: r.height };
    })`);
    // The PDF table at fault (教委/附件1.pdf, weight_sum_not_100) has its crop and mark.
    const pdfFlagged = records().filter((r) => isFlagged(r) && r.source.kind === 'pdf');
    expect(pdfFlagged.length).toBeGreaterThan(0);
    expect(new Set(marks.map((m) => m.id))).toEqual(new Set(pdfFlagged.map((r) => r.id)));
    mkdirSync(path.join(ROOT, '.test-output'), { recursive: true });
    writeFileSync(path.join(ROOT, '.test-output/report.png'), await page.screenshot());
    for (const m of marks) {
      const r = pdfFlagged.find((x) => x.id === m.id)!;
      const issue = r.issues.find((d) => d.code === m.code && d.location.page === m.page)!;
      // Where the figure is, by poppler (not by ziping): a printed word equal to it inside the box.
      const words = [...execFileSync('pdftotext', ['-bbox', '-f', String(m.page), '-l', String(m.page), path.join(work, r.source.path), '-'], { encoding: 'utf8' })
        .matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((w) => ({ box: w.slice(1, 5).map(Number), text: w[5] }));
      const inside = words.filter((w) => {
        const cx = (w.box[0]! + w.box[2]!) / 2, cy = (w.box[1]! + w.box[3]!) / 2;
        return cx > m.bbox[0]! && cx < m.bbox[2]! && cy > m.bbox[1]! && cy < m.bbox[3]!;
      });
      expect(inside.map((w) => w.text).join(''), `${m.id} ${m.code}`).toBe(issue.actual);
      // The screenshot: a red frame on the mark's edges, dark glyphs inside it.
      const pad = 6;
      const shot = await loadImage(await page.screenshot({ x: m.x - pad, y: m.y - pad, width: m.w + 2 * pad, height: m.h + 2 * pad }));
      const canvas = createCanvas(shot.width, shot.height);
      const ctx = canvas.getContext('2d');
      ctx.drawImage(shot, 0, 0);
      const px = ctx.getImageData(0, 0, shot.width, shot.height).data;
      const at = (x: number, y: number): number[] => { const i = (Math.round(y) * shot.width + Math.round(x)) * 4; return [px[i]!, px[i + 1]!, px[i + 2]!]; };
      const red = ([r0, g, b]: number[]): boolean => r0! > 200 && g! < 80 && b! < 80;
      const edges = [[pad + m.w / 2, pad + 1], [pad + m.w / 2, pad + m.h - 2], [pad + 1, pad + m.h / 2], [pad + m.w - 2, pad + m.h / 2]];
      for (const [x, y] of edges) expect(red(at(x!, y!)), `edge at ${x},${y} of ${m.id}`).toBe(true);
      let dark = 0;
      for (let y = pad + 4; y < pad + m.h - 4; y++) for (let x = pad + 4; x < pad + m.w - 4; x++) { const [r0, g, b] = at(x, y); if (r0! < 100 && g! < 100 && b! < 100) dark++; }
      expect(dark, `glyphs inside the mark of ${m.id}`).toBeGreaterThan(5);
    }
    console.log(`report screenshot: ${path.join(ROOT, '.test-output/report.png')}`);
  }, 60_000);

  test('self-contained: no external reference in the file', () => {
    const html = readFileSync(out('report.html'), 'utf8');
    expect(html).not.toMatch(/(src|href)="(?!data:|#)/);
    expect(html).not.toMatch(/https?:\/\//);
  });
});

describeDev('ziping.xlsx', () => {
  test('reads back: four sheets with the CSV columns, numbers as numbers, header frozen, flagged rows coloured', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out('ziping.xlsx'));
    expect(book.worksheets.map((w) => w.name)).toEqual(['projects', 'indicators', 'issues', 'inputs']);
    const ws = book.getWorksheet('projects')!;
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(TABLES['projects.csv'].map((c) => c.key));
    const col = (key: string): number => header.indexOf(key) + 1;
    const recs = records();
    expect(ws.rowCount).toBe(recs.length + 1);
    for (let i = 0; i < recs.length; i++) {
      const row = ws.getRow(i + 2);
      const r = recs[i]!;
      expect(row.getCell(col('id')).value).toBe(r.id);
      expect(row.getCell(col('funds.total.executed')).value).toBe(Number(r.funds.total.executed));
      expect(typeof row.getCell(col('funds.total.executed_wan')).value).toBe('number');
      expect(row.getCell(col('indicators')).value).toBe(r.indicators.length);
      const fill = row.getCell(1).fill as { fgColor?: { argb?: string } } | undefined;
      expect(fill?.fgColor?.argb === FLAGGED_FILL, r.id).toBe(isFlagged(r));
    }
    const yuan = recs.find((r) => r.unit === '元')!;
    const yuanRow = ws.getRow(recs.indexOf(yuan) + 2);
    expect(yuanRow.getCell(col('funds.total.executed_wan')).value).toBe(Number(yuan.funds.total.executed) / 10000);
    // Text that looks like a formula is text, never a formula.
    const ind = book.getWorksheet('indicators')!;
    ind.eachRow((row) => row.eachCell((cell) => expect(cell.type).not.toBe(ExcelJS.ValueType.Formula)));
    expect(ind.rowCount).toBe(recs.reduce((n, r) => n + r.indicators.length, 0) + 1);
    // --headers zh: the same Chinese header line as the CSV.
    const zh = new ExcelJS.Workbook();
    await zh.xlsx.readFile(path.join(work, 'out-zh/ziping.xlsx'));
    expect((zh.getWorksheet('projects')!.getRow(1).values as unknown[]).slice(1)).toEqual(TABLES['projects.csv'].map((c) => c.zh));
  }, 60_000);
});

describeDev('datapackage.json', () => {
  for (const [dir, lang] of [['out', 'en'], ['out-zh', 'zh']] as const) {
    test(`valid against the Frictionless tabular-data-package profile; its schemas are the CSVs exactly (${lang} headers)`, async () => {
      const descriptor = JSON.parse(readFileSync(path.join(work, dir, 'datapackage.json'), 'utf8')) as { resources: Array<{ name: string; path: TableFile; encoding: string; schema: { fields: Array<{ name: string; type: string }>; primaryKey?: string[]; foreignKeys?: Array<{ fields: string[]; reference: { resource: string; fields: string[] } }> } }> };
      // The official Frictionless library (datapackage-js) checks the descriptor against its profile.
      const { Package } = await import('datapackage');
      const pkg = await Package.load(descriptor, path.join(work, dir), true);
      expect(pkg.errors.map((e) => e.message)).toEqual([]);
      expect(pkg.valid).toBe(true);
      expect(descriptor.resources.map((r) => r.path)).toEqual(['projects.csv', 'indicators.csv', 'issues.csv', 'inputs.csv']);
      const values = new Map<string, Map<string, Array<string>>>();
      for (const res of descriptor.resources) {
        const bytes = readFileSync(path.join(work, dir, res.path));
        expect(res.encoding).toBe(lang === 'zh' ? 'gb18030' : 'utf-8-sig');
        const text = lang === 'zh' ? new TextDecoder('gb18030').decode(bytes) : bytes.subarray(3).toString('utf8');
        const parsed = Papa.parse<string[]>(text, { skipEmptyLines: true }).data;
        const header = parsed[0]!;
        expect(header, res.path).toEqual(res.schema.fields.map((f) => f.name));
        expect(header, res.path).toEqual(TABLES[res.path].map((c) => (lang === 'zh' ? c.zh : c.key)));
        const cols = new Map<string, string[]>(header.map((h, i) => [h, parsed.slice(1).map((row) => row[i]!)]));
        values.set(res.name, cols);
        for (const f of res.schema.fields) {
          const re = f.type === 'integer' ? /^-?\d+$/ : f.type === 'number' ? /^-?\d+(\.\d+)?$/ : /.*/s;
          for (const v of cols.get(f.name)!) if (v !== '') expect(v, `${res.name}.${f.name}`).toMatch(re);
        }
        if (res.schema.primaryKey) {
          const keys = parsed.slice(1).map((row) => res.schema.primaryKey!.map((k) => row[header.indexOf(k)]).join('\0'));
          expect(new Set(keys).size, `${res.name} primary key`).toBe(keys.length);
        }
      }
      // Every foreign key resolves.
      for (const res of descriptor.resources) for (const fk of res.schema.foreignKeys ?? []) {
        const from = values.get(res.name)!.get(fk.fields[0]!)!.filter((v) => v !== '');
        const to = new Set(values.get(fk.reference.resource)!.get(fk.reference.fields[0]!)!);
        expect(from.filter((v) => !to.has(v)), `${res.name}.${fk.fields[0]} → ${fk.reference.resource}`).toEqual([]);
        expect(from.length).toBeGreaterThan(0);
      }
    }, 60_000);
  }
  test('the Frictionless library reads every table with its types and foreign keys', async () => {
    // datapackage-js has no reader for a byte-order mark: it reads a copy without one.
    const copy = mkdtempSync(path.join(os.tmpdir(), 'ziping-dp-'));
    const descriptor = JSON.parse(readFileSync(out('datapackage.json'), 'utf8')) as { resources: Array<{ path: string; encoding: string }> };
    for (const r of descriptor.resources) {
      writeFileSync(path.join(copy, r.path), readFileSync(out(r.path)).subarray(3));
      r.encoding = 'utf-8';
    }
    writeFileSync(path.join(copy, 'datapackage.json'), JSON.stringify(descriptor));
    const { Package } = await import('datapackage');
    const pkg = await Package.load(path.join(copy, 'datapackage.json'), copy, true);
    const read = Object.fromEntries(await Promise.all(pkg.resources.map(async (r) => [r.name, await r.read({ keyed: true, relations: true })] as const)));
    expect(read.projects!.length).toBe(records().length);
    expect(typeof read.projects![0]!.indicators).toBe('number');
    expect(read.indicators!.every((row) => typeof row.project_id === 'object')).toBe(true); // resolved to its project
  }, 60_000);
});
