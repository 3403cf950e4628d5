/** Output files: CSV encodings and formula neutralisation, the committed JSON Schema. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import Papa from 'papaparse';
import { describe, expect, test } from 'vitest';
import { neutralise } from '../src/emit/csv.js';
import { emitDataset } from '../src/emit/dataset.js';
import { projectRecordJsonSchema } from '../src/emit/json-schema.js';
import { ProjectRecord } from '../src/domain/schema.js';
import { DEV, ROOT, run } from './helpers.js';

describe('CSV', () => {
  test('neutralises formula-looking cells, leaves numbers and "-"', () => {
    expect(neutralise('=100.00(%)')).toBe("'=100.00(%)");
    expect(neutralise('+1')).toBe('+1');
    expect(neutralise('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(neutralise('-1.5')).toBe('-1.5');
    expect(neutralise('-')).toBe('-');
    expect(neutralise('-2+3')).toBe("'-2+3");
    expect(neutralise('≥90%')).toBe('≥90%');
  });
  test('UTF-8 with BOM by default, GB18030 on request; one indicator row per indicator', async () => {
    const res = await run(path.join(DEV, 'tab_dump_01.txt'));
    const utf8 = emitDataset([res], { csvEncoding: 'utf-8' });
    const csv = utf8.get('indicators.csv')!;
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const parsed = Papa.parse<Record<string, string>>(csv.subarray(3).toString('utf8'), { header: true, skipEmptyLines: true });
    expect(parsed.data).toHaveLength(res.records.reduce((n, r) => n + r.indicators.length, 0));
    expect(parsed.data[0]).toMatchObject({ project_id: 'tab_dump_01.txt#1', level3: '首席技师资助完成率', target: "'=100.00(%)", target_op: "'=", target_value: '100.00', target_unit: '%' });
    const gb = emitDataset([res], { csvEncoding: 'gb18030' }).get('projects.csv')!;
    expect(iconv.decode(gb, 'gb18030')).toBe(utf8.get('projects.csv')!.subarray(3).toString('utf8'));
  });
});

test('a dataset with no tables has header-only CSVs', () => {
  const files = emitDataset([], { csvEncoding: 'utf-8' });
  expect(files.get('issues.csv')!.subarray(3).toString('utf8')).toBe('project_id,file,kind,code,severity,stage,message,page,line,field,actual,expected\r\n');
});

describe('JSON Schema', () => {
  test('schemas/project-record.schema.json is current (npm run schema rewrites it)', () => {
    expect(readFileSync(path.join(ROOT, 'schemas/project-record.schema.json'), 'utf8')).toBe(projectRecordJsonSchema());
  });
  test('records validate against the zod schema', async () => {
    const res = await run(path.join(DEV, 'tab_dump_02.txt'));
    for (const r of res.records) expect(ProjectRecord.safeParse(r).success).toBe(true);
  });
});
