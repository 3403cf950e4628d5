/** Output files: CSV encodings and formula neutralisation, the committed JSON Schema. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import Papa from 'papaparse';
import { describe, expect, test } from 'vitest';
import { neutralise } from '../src/emit/csv.js';
import { emitDataset, toWan } from '../src/emit/dataset.js';
import { projectRecordJsonSchema } from '../src/emit/json-schema.js';
import { ProjectRecord } from '../src/domain/schema.js';
import { INDICATOR_COLUMNS, INPUT_COLUMNS, ISSUE_COLUMNS, PROJECT_COLUMNS } from '../src/domain/columns.js';
import { processFile } from '../src/pipeline.js';
import { defaultSettings } from '../src/settings.js';
import { DEV, HAS_DEV, ROOT, run } from './helpers.js';

/** Rows of an encoded CSV (UTF-8 with BOM), keyed by header. */
function parseCsv(csv: Buffer): Array<Record<string, string>> {
  return Papa.parse<Record<string, string>>(csv.subarray(3).toString('utf8'), { header: true, skipEmptyLines: true }).data;
}

describe('CSV', () => {
  test('neutralises formula-looking cells, leaves numbers, "-" and a lone operator', () => {
    expect(neutralise('=100.00(%)')).toBe("'=100.00(%)");
    expect(neutralise('+1')).toBe('+1');
    expect(neutralise('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(neutralise('-1.5')).toBe('-1.5');
    expect(neutralise('-')).toBe('-');
    expect(neutralise('=')).toBe('='); // the parsed operator: no spreadsheet runs a lone "="
    expect(neutralise('-2+3')).toBe("'-2+3");
    expect(neutralise('≥90%')).toBe('≥90%');
  });
  test.skipIf(!HAS_DEV)('UTF-8 with BOM by default, GB18030 on request; one indicator row per indicator; op/value/unit as columns', async () => {
    const res = await run(path.join(DEV, 'tab_dump_01.txt'));
    const utf8 = emitDataset([res], { csvEncoding: 'utf-8' });
    const csv = utf8.get('indicators.csv')!;
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const parsed = parseCsv(csv);
    expect(parsed).toHaveLength(res.records.reduce((n, r) => n + r.indicators.length, 0));
    expect(parsed[0]).toMatchObject({ project_id: 'tab_dump_01.txt#1', level3: '首席技师资助完成率', target: "'=100.00(%)", target_op: '=', target_value: '100.00', target_unit: '%' });
    const gb = emitDataset([res], { csvEncoding: 'gb18030' }).get('projects.csv')!;
    expect(iconv.decode(gb, 'gb18030')).toBe(utf8.get('projects.csv')!.subarray(3).toString('utf8'));
  });
  test.skipIf(!HAS_DEV)('--csv-guard off gives every value as printed; the guard changes nothing else', async () => {
    const res = await run(path.join(DEV, 'tab_dump_01.txt'));
    const raw = parseCsv(emitDataset([res], { csvEncoding: 'utf-8', csvGuard: false }).get('indicators.csv')!);
    const guarded = parseCsv(emitDataset([res], { csvEncoding: 'utf-8' }).get('indicators.csv')!);
    expect(raw[0]!.target).toBe('=100.00(%)');
    const ind = res.records.flatMap((r) => r.indicators);
    expect(raw.map((r) => r.target)).toEqual(ind.map((i) => i.target ?? ''));
    expect(raw.map((r) => r.actual)).toEqual(ind.map((i) => i.actual ?? ''));
    // Guarded cells differ only by the leading quote.
    guarded.forEach((g, i) => expect(g.target!.replace(/^'(?=[=+\-@])/, '')).toBe(raw[i]!.target));
  });
  test('--headers zh: the Chinese header line from the one mapping in src/domain/columns.ts', () => {
    const files = emitDataset([], { csvEncoding: 'utf-8', headers: 'zh' });
    const header = (name: string): string[] => files.get(name)!.subarray(3).toString('utf8').trim().split(',');
    expect(header('projects.csv')).toEqual(PROJECT_COLUMNS.map((c) => c.zh));
    expect(header('indicators.csv').slice(0, 6)).toEqual(['记录编号', '指标序号', '文件路径', '一级指标', '二级指标', '三级指标']);
    for (const cols of [PROJECT_COLUMNS, INDICATOR_COLUMNS, ISSUE_COLUMNS, INPUT_COLUMNS]) expect(new Set(cols.map((c) => c.zh)).size).toBe(cols.length);
  });
});

describe('amounts in 万元', () => {
  test('a table printed in 元 gets exact 万元 columns beside the printed ones; a 万元 table keeps its figures', async () => {
    const yuan = await run(path.join(ROOT, 'test/fixtures/producers/chromium_yuan_01.pdf'));
    const wan = await run(path.join(ROOT, 'test/fixtures/producers/chromium_bordered_01.pdf'));
    expect(yuan.records[0]!.unit).toBe('元');
    expect(wan.records[0]!.unit).toBe('万元');
    const rows = parseCsv(emitDataset([yuan, wan], { csvEncoding: 'utf-8' }).get('projects.csv')!);
    const y = rows[0]!, w = rows.at(-1)!;
    expect([y['funds.total.full_year_budget'], y['funds.total.full_year_budget_wan']]).toEqual(['14503000.00', '1450.3']);
    expect([y['funds.total.executed'], y['funds.total.executed_wan']]).toEqual(['12521800.00', '1252.18']);
    expect(w['funds.total.executed_wan']).toBe(w['funds.total.executed']);
    // Exact: no binary rounding, however many digits.
    expect(toWan('1.23', '元')).toBe('0.000123');
    expect(toWan('123456789012345.67', '元')).toBe('12345678901.234567');
    // Every amount column has its 万元 twin right after it.
    const keys = PROJECT_COLUMNS.map((c) => c.key);
    for (const k of keys.filter((k) => /\.(initial_budget|full_year_budget|executed)$/.test(k))) expect(keys[keys.indexOf(k) + 1]).toBe(`${k}_wan`);
  }, 60_000);
});

describe('ids and duplicate tables', () => {
  test('two files of the same name in two folders give different ids; every CSV carries the path', async () => {
    const bytes = readFileSync(path.join(ROOT, 'test/fixtures/producers/chromium_bordered_01.pdf'));
    const a = await processFile({ path: 'x', name: '人社局/附件1.pdf', bytes: new Uint8Array(bytes) }, defaultSettings);
    const b = await processFile({ path: 'x', name: '教委/附件1.pdf', bytes: new Uint8Array(bytes) }, defaultSettings);
    expect(a.records.map((r) => r.id)).toEqual(['人社局/附件1.pdf#1']);
    expect(b.records.map((r) => r.id)).toEqual(['教委/附件1.pdf#1']);
    expect(a.records[0]!.source).toMatchObject({ path: '人社局/附件1.pdf', file: '附件1.pdf' });
    expect(Object.values(a.records[0]!.provenance).every((p) => p.file === '人社局/附件1.pdf')).toBe(true);
    for (const d of [...a.records[0]!.issues, ...a.records[0]!.repairs]) expect(d.location.file).toBe('人社局/附件1.pdf');
    const files = emitDataset([a], { csvEncoding: 'utf-8' });
    for (const name of ['projects.csv', 'indicators.csv', 'issues.csv', 'inputs.csv']) {
      const rows = parseCsv(files.get(name)!);
      expect(rows.every((r) => r.path === '人社局/附件1.pdf'), name).toBe(true);
    }
  }, 60_000);
  test.skipIf(!HAS_DEV)('the same tables in two files (one dump in two encodings) are counted once and listed as duplicates', async () => {
    const utf8 = await run(path.join(DEV, 'tab_dump_02.txt'));
    const gbk = await run(path.join(DEV, 'tab_dump_02_gbk.txt'));
    const files = emitDataset([utf8, gbk], { csvEncoding: 'utf-8' });
    const projects = parseCsv(files.get('projects.csv')!);
    expect(projects.map((p) => p.id)).toEqual(utf8.records.map((r) => r.id));
    const m = JSON.parse(files.get('manifest.json')!.toString('utf8'));
    expect(m.totals).toMatchObject({ tables: 4, duplicate_tables: 4, flagged_tables: utf8.entry.flagged_tables });
    expect(m.inputs[1].duplicate_tables).toEqual(gbk.records.map((r, i) => ({ id: r.id, duplicate_of: utf8.records[i]!.id })));
    const dup = parseCsv(files.get('issues.csv')!).filter((r) => r.code === 'duplicate_table');
    expect(dup.map((r) => [r.path, r.actual, r.expected])).toEqual(gbk.records.map((r, i) => ['tab_dump_02_gbk.txt', r.id, utf8.records[i]!.id]));
    // Issues are counted once: the kept tables' only.
    const issues = parseCsv(files.get('issues.csv')!).filter((r) => r.kind === 'issue' && r.project_id);
    expect(new Set(issues.map((r) => r.path))).toEqual(new Set(['tab_dump_02.txt']));
    // projects.json keeps every input's tables traceable, the copies marked.
    const json = JSON.parse(files.get('projects.json')!.toString('utf8')) as Array<{ id: string; duplicate_of?: string }>;
    expect(json.map((r) => [r.id, r.duplicate_of])).toEqual([
      ...utf8.records.map((r) => [r.id, undefined]),
      ...gbk.records.map((r, i) => [r.id, utf8.records[i]!.id]),
    ]);
  }, 60_000);
});

describe('a PDF and its text dump', () => {
  test.skipIf(!HAS_DEV)('give one table, the dump\'s listed as a duplicate of the PDF\'s', async () => {
    const file = path.join(DEV, 'single_calc_03.pdf');
    const bytes = new Uint8Array(readFileSync(file));
    // The dump a publisher would post beside the PDF: the same rows, cells separated by tabs.
    const { extractPdf } = await import('../src/pdf/index.js');
    const { STREAM_ANCHORS } = await import('../src/pipeline.js');
    const rows = (await extractPdf(bytes, { file: 'a.pdf', anchors: STREAM_ANCHORS })).rows;
    const text = rows.map((r) => r.cells.map((c) => c.text.replace(/\n/g, ' ')).join('\t')).join('\n') + '\n';
    const pdf = await processFile({ path: file, name: '教委/附件1.pdf', bytes }, defaultSettings);
    const dump = await processFile({ path: 'x', name: '教委/附件1.txt', bytes: new Uint8Array(Buffer.from(text)) }, defaultSettings);
    expect(dump.entry.kind).toBe('text');
    // Check issues name the file by its dataset path, as every other location does.
    expect(pdf.records[0]!.issues.map((d) => d.location.file)).toEqual(pdf.records[0]!.issues.map(() => '教委/附件1.pdf'));
    expect(pdf.records[0]!.issues.length).toBeGreaterThan(0);
    const files = emitDataset([pdf, dump], { csvEncoding: 'utf-8' });
    expect(parseCsv(files.get('projects.csv')!).map((r) => r.id)).toEqual(['教委/附件1.pdf#1']);
    const m = JSON.parse(files.get('manifest.json')!.toString('utf8'));
    expect(m.inputs[1].duplicate_tables).toEqual([{ id: '教委/附件1.txt#1', duplicate_of: '教委/附件1.pdf#1' }]);
    expect(m.totals).toMatchObject({ tables: 1, flagged_tables: 1, duplicate_tables: 1 });
  }, 60_000);
});

test('a dataset with no tables has header-only CSVs', () => {
  const files = emitDataset([], { csvEncoding: 'utf-8' });
  expect(files.get('issues.csv')!.subarray(3).toString('utf8')).toBe('project_id,path,file,kind,code,severity,stage,message,page,line,field,actual,expected\r\n');
});

describe('JSON Schema', () => {
  test('schemas/project-record.schema.json is current (npm run schema rewrites it)', () => {
    expect(readFileSync(path.join(ROOT, 'schemas/project-record.schema.json'), 'utf8')).toBe(projectRecordJsonSchema());
  });
  test.skipIf(!HAS_DEV)('records validate against the zod schema', async () => {
    const res = await run(path.join(DEV, 'tab_dump_02.txt'));
    for (const r of res.records) expect(ProjectRecord.safeParse(r).success).toBe(true);
  });
});
