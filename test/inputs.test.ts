/** Bad input gets a clear per-file error; the reference sample gives its 30 tables. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { emitDataset } from '../src/emit/dataset.js';
import { processFile } from '../src/pipeline.js';
import { defaultSettings } from '../src/settings.js';
import { DEV, describeDev, HAS_DEV, run, SAMPLE } from './helpers.js';

const good = HAS_DEV ? readFileSync(path.join(DEV, 'tab_dump_03.txt')) : Buffer.alloc(0);
const from = (name: string, b: Uint8Array | Buffer) => processFile({ path: name, bytes: new Uint8Array(b) }, defaultSettings);

describeDev('bad input', () => {
  test('empty, binary, no table, truncated: each a clear error; the good file still goes through', async () => {
    const truncatedText = good.toString('utf8').slice(0, good.toString('utf8').indexOf('一级指标'));
    const results = await Promise.all([
      from('empty.txt', new Uint8Array()),
      from('binary.txt', new Uint8Array(2048).map((_, i) => (i * 131 + 7) % 256)),
      from('notes.txt', Buffer.from('会议纪要\n今天讨论了预算。\n')),
      from('truncated.txt', Buffer.from(truncatedText)),
      from('fake.pdf', Buffer.from('%PDF-1.7\n1 0 obj garbage')),
      from('tab_dump_03.txt', good),
    ]);
    const byFile = Object.fromEntries(results.map((r) => [r.entry.file, r.entry]));
    expect(byFile['empty.txt']).toMatchObject({ status: 'failed', error: { code: 'empty_file' } });
    expect(byFile['binary.txt']).toMatchObject({ status: 'failed', error: { code: 'binary_file' } });
    expect(byFile['notes.txt']).toMatchObject({ status: 'failed', error: { code: 'no_table' } });
    expect(byFile['truncated.txt']).toMatchObject({ status: 'failed', error: { code: 'truncated_table' } });
    expect(byFile['fake.pdf']).toMatchObject({ status: 'failed', error: { code: 'pdf_invalid' } });
    for (const e of Object.values(byFile)) if (e.error) expect(e.error.message.startsWith(e.file)).toBe(true);
    expect(byFile['tab_dump_03.txt']).toMatchObject({ status: 'flagged', tables: 3 });
    const manifest = JSON.parse(emitDataset(results, { csvEncoding: 'utf-8' }).get('manifest.json')!.toString('utf8'));
    expect(manifest.inputs.map((e: { file: string }) => e.file)).toEqual(['empty.txt', 'binary.txt', 'notes.txt', 'truncated.txt', 'fake.pdf', 'tab_dump_03.txt']);
    expect(manifest.totals).toMatchObject({ inputs: 6, failed: 5, flagged: 1, tables: 4 });
  });
});

test('a file named .pdf that is text, not a PDF, says so in its error', async () => {
  const r = await from('minutes.pdf', Buffer.from('会议纪要\n今天讨论了预算。\n'));
  expect(r.entry).toMatchObject({ status: 'failed', error: { code: 'no_table' } });
  expect(r.entry.error?.message).toMatch(/^minutes\.pdf: .*named \.pdf but has no PDF header/);
});

describe('samples/ (Shanghai 人社局 2023)', () => {
  test('30 tables; the one without a printed total is flagged, not guessed', async () => {
    const res = await run(SAMPLE);
    expect(res.records).toHaveLength(30);
    expect(res.entry.encoding).toBe('utf-8');
    for (const r of res.records) {
      expect(r.project_name).toBeTruthy();
      expect(r.department).toBe('上海市人力资源和社会保障局');
      for (const ind of r.indicators) {
        expect(ind.level2, `${r.project_name}: ${ind.level3}`).not.toBeNull();
        expect(['产出指标', '效益指标', '满意度指标']).toContain(ind.level1);
      }
    }
    const missing = res.records.filter((r) => r.total_score === null);
    expect(missing.map((r) => r.project_name)).toEqual(['劳动保障工作经费']);
    expect(missing[0]!.issues.map((d) => d.code)).toContain('missing_total_score');
    expect(res.records.filter((r) => r.total_score !== null).every((r) => r.check.status === 'ok')).toBe(true);
  });
});
