/**
 * When OCR runs and what the manifest says about it: `--ocr off`, OCR not installed, text-layer
 * files never sent to OCR, `--ocr force`; and in a batch, scans go to the OCR pool (shown in the
 * progress, cached like the rest) while text files are done by the usual workers.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { ocrInstalled, OcrUnavailable } from '../../src/ocr/index.js';
import type { OcrPage } from '../../src/ocr/page.js';
import type { PageOcr } from '../../src/pdf/index.js';
import { processFile } from '../../src/pipeline.js';
import { defaultSettings, Settings } from '../../src/settings.js';
import { ROOT } from '../helpers.js';

const SCAN = path.join(ROOT, 'test/fixtures/scans/scan_writer_docx_01.pdf');
const TEXT = path.join(ROOT, 'test/fixtures/producers/chromium_bordered_01.pdf');
const read = (f: string) => ({ path: f, bytes: new Uint8Array(readFileSync(f)) });

/** A page reader that records the pages it was asked for and reads nothing. */
function recorder(mode: 'auto' | 'force'): PageOcr & { asked: number[] } {
  const asked: number[] = [];
  return {
    mode, dpi: 100, asked,
    read: async (page) => {
      asked.push(asked.length + 1);
      return { width: page.width, height: page.height, dpi: page.dpi, skewDeg: 0, rules: [], lines: [], ms: { prepare: 0, detect: 0, recognize: 0 } } satisfies OcrPage;
    },
  };
}

describe('OCR modes', { timeout: 60_000 }, () => {
  test('--ocr off: the scan is reported ocr_required and the manifest says OCR was off', async () => {
    const res = await processFile(read(SCAN), Settings.parse({ ocr: 'off' }));
    expect(res.entry.status).toBe('failed');
    expect(res.entry.error?.code).toBe('ocr_required');
    expect(res.entry.ocr).toMatchObject({ mode: 'off', status: 'off', pages: [] });
    expect(res.diagnostics.map((d) => d.code)).toContain('ocr_required');
  });

  test('OCR not installed: the scan is skipped, and the manifest says why', async () => {
    const missing: PageOcr = { mode: 'auto', dpi: 200, read: () => Promise.reject(new OcrUnavailable('OCR is not installed: onnxruntime-node could not be loaded')) };
    const res = await processFile(read(SCAN), defaultSettings, undefined, { ocr: missing });
    expect(res.entry.ocr).toMatchObject({ status: 'not_installed', pages: [], message: expect.stringMatching(/not installed/) });
    expect(res.entry.error).toMatchObject({ code: 'ocr_required', message: expect.stringMatching(/scan_writer_docx_01\.pdf: .*not read: .*not installed/) });
  });

  test('a file with a text layer never goes to OCR (auto); every page does with force', async () => {
    const auto = recorder('auto');
    const res = await processFile(read(TEXT), defaultSettings, undefined, { ocr: auto });
    expect(auto.asked).toEqual([]);
    expect(res.entry.status).toBe('ok');
    expect(res.entry.ocr).toBeUndefined();
    const force = recorder('force');
    const forced = await processFile(read(TEXT), Settings.parse({ ocr: 'force' }), undefined, { ocr: force });
    expect(force.asked).toEqual([1]);
    expect(forced.entry.ocr).toMatchObject({ mode: 'force', status: 'read', pages: [1] });
  });

  test('a batch worker defers a scan (nothing read, nothing cached) and reads a text file itself', async () => {
    const res = await processFile(read(SCAN), defaultSettings, undefined, { ocr: 'defer' });
    expect(res.deferred).toEqual({ pages: 1 });
    expect(res.records).toEqual([]);
    const text = await processFile(read(TEXT), defaultSettings, undefined, { ocr: 'defer' });
    expect(text.deferred).toBeUndefined();
    expect(text.entry.status).toBe('ok');
  });
});

describe.skipIf(!ocrInstalled())('OCR in a batch', () => {
  test('the scan goes to the OCR pool (an ocr event, its own memory in --max-memory), then comes from the cache', () => {
    const work = mkdtempSync(path.join(os.tmpdir(), 'ziping-ocr-'));
    copyFileSync(SCAN, path.join(work, 'scan.pdf'));
    copyFileSync(TEXT, path.join(work, 'text.pdf'));
    const cli = (args: string[]) => spawnSync(process.execPath, [path.join(ROOT, 'dist/cli.js'), 'ingest', 'scan.pdf', 'text.pdf', '--out', 'out', '--json', ...args], { cwd: work, encoding: 'utf8', timeout: 300_000 });
    const first = cli(['--max-memory', '1200MB']);
    expect(first.status, first.stderr).toBe(0);
    const events = first.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, any>);
    expect(events.filter((e) => e.event === 'ocr').map((e) => e.path)).toEqual(['scan.pdf']);
    expect(events.find((e) => e.event === 'warning')?.message).toMatch(/--max-memory 1200 MiB holds 0 OCR worker\(s\) of about 1500 MiB/);
    const done = events.at(-1)!;
    expect(done).toMatchObject({ event: 'done', totals: { inputs: 2, failed: 0 }, ocr: { files: 1, pages: 1, workers_started: 1 } });
    const manifest = JSON.parse(readFileSync(path.join(work, 'out/manifest.json'), 'utf8')) as { inputs: Array<Record<string, any>> };
    expect(manifest.inputs.map((e) => [e.file, e.status, e.ocr?.status ?? null])).toEqual([['scan.pdf', 'ok', 'read'], ['text.pdf', 'ok', null]]);
    expect(first.stderr).toMatch(/ocr {5}scan\.pdf: pages without a text layer, queued for OCR/);
    const again = cli([]);
    const last = JSON.parse(again.stdout.trim().split('\n').at(-1)!) as Record<string, any>;
    expect(last).toMatchObject({ totals: { cached: 2 }, workers_started: 0 });
    expect(last.ocr).toBeUndefined();
  }, 300_000);
});
