/**
 * Acceptance bar of the PDF layer, against the gold JSON beside each PDF of the development
 * corpus and of the producer fixtures: every gold indicator is one row whose consecutive cells
 * are level3, target, actual, weight, score and deviation_reason; the project name and goal
 * texts are single cells; indicator rows have as many cells as their section's header row,
 * with `continued` placeholders under merged labels.
 *
 * > **Note**: these tests may use the form's words: they check the layer from outside.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { extractPdf, type PdfExtraction } from '../../src/pdf/index.js';
import type { Row } from '../../src/types.js';
import { STREAM_ANCHORS } from '../../src/pipeline.js';
import { DEV } from '../helpers.js';

const PRODUCERS = path.resolve(import.meta.dirname, '../fixtures/producers');

/** Fixtures the layer does not handle yet; their tests are expected to fail (see the report). */
const KNOWN_GAPS: Record<string, ReadonlyArray<'indicators' | 'texts' | 'structure'>> = {};

interface GoldIndicator {
  level1: string | null; level2: string | null; level3: string | null; target: string | null;
  actual: string | null; weight: string | null; score: string | null; deviation_reason: string | null;
}
interface GoldProject { project_name: string; goal_expected: string | null; goal_actual: string | null; indicators: GoldIndicator[] }

function listPdfs(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.pdf') && existsSync(path.join(dir, f.replace(/\.pdf$/, '.json'))))
    .sort()
    .map((f) => path.join(dir, f));
}

/** Returns the index in `row` where `seq` starts as consecutive cells, or -1. */
function findRun(row: Row, seq: readonly string[]): number {
  const texts = row.cells.map((c) => c.text);
  for (let i = 0; i + seq.length <= texts.length; i++) {
    if (seq.every((v, k) => texts[i + k] === v)) return i;
  }
  return -1;
}

const isIndicatorHeader = (row: Row) => findRun(row, ['一级指标', '二级指标']) >= 0;

const cache = new Map<string, Promise<PdfExtraction>>();
function extract(file: string): Promise<PdfExtraction> {
  let p = cache.get(file);
  if (!p) cache.set(file, (p = extractPdf(new Uint8Array(readFileSync(file)), { file: path.basename(file), anchors: STREAM_ANCHORS })));
  return p;
}

/** For each gold indicator in order, the index of its row in `rows` (-1 when not found). */
function locateIndicators(rows: readonly Row[], projects: readonly GoldProject[]): Array<{ seq: string[]; row: number; at: number }> {
  const out: Array<{ seq: string[]; row: number; at: number }> = [];
  let from = 0;
  for (const p of projects) {
    for (const ind of p.indicators) {
      const seq = [ind.level3, ind.target, ind.actual, ind.weight, ind.score, ind.deviation_reason].map((v) => v ?? '');
      let row = -1, at = -1;
      // Rows come in reading order, so each indicator is found after the previous one.
      for (let r = from; r < rows.length && row < 0; r++) {
        const i = findRun(rows[r], seq);
        if (i >= 0) { row = r; at = i; }
      }
      out.push({ seq, row, at });
      if (row >= 0) from = row + 1;
    }
  }
  return out;
}

for (const [label, dir] of [['dev corpus', DEV], ['producer fixtures', PRODUCERS]] as const) {
  const pdfs = listPdfs(dir);
  describe.skipIf(pdfs.length === 0)(label, () => {
    for (const file of pdfs) {
      const name = path.basename(file);
      const gold = JSON.parse(readFileSync(file.replace(/\.pdf$/, '.json'), 'utf8')) as { projects: GoldProject[] };
      const t = (kind: 'indicators' | 'texts' | 'structure') => (KNOWN_GAPS[name]?.includes(kind) ? test.fails : test);

      t('indicators')(`${name}: every indicator is one row with its six cells in order`, async () => {
        const { rows } = await extract(file);
        const missing = locateIndicators(rows, gold.projects).filter((l) => l.row < 0).map((l) => l.seq.join(' | '));
        expect(missing).toEqual([]);
      });

      t('texts')(`${name}: project names and goal texts are single cells`, async () => {
        const { rows } = await extract(file);
        const texts = new Set(rows.flatMap((r) => r.cells.map((c) => c.text)));
        const missing: string[] = [];
        for (const p of gold.projects) {
          for (const v of [p.project_name, p.goal_expected, p.goal_actual]) if (v && !texts.has(v)) missing.push(v);
        }
        expect(missing).toEqual([]);
      });

      t('structure')(`${name}: indicator rows line up with their header row`, async () => {
        const { rows } = await extract(file);
        const problems: string[] = [];
        for (const { seq, row, at } of locateIndicators(rows, gold.projects)) {
          if (row < 0) continue;
          let h = row - 1;
          while (h >= 0 && !isIndicatorHeader(rows[h])) h--;
          if (h < 0) { problems.push(`no header above ${seq[0]}`); continue; }
          const header = rows[h];
          const r = rows[row];
          const level3At = header.cells.findIndex((c) => c.text === '三级指标');
          if (r.cells.length !== header.cells.length) problems.push(`${seq[0]}: ${r.cells.length} cells, header has ${header.cells.length}`);
          if (at !== level3At) problems.push(`${seq[0]}: level3 in cell ${at}, header says ${level3At}`);
          // The label cells left of level3: text or a placeholder; an empty plain cell only in
          // the first or last table row of a page (a merged group cut by the page break, one
          // row long on this page, whose label the producer printed on the other page).
          const isBody = (o: Row) => o.page === r.page && o.cells.length > 1 && !isIndicatorHeader(o);
          const firstOnPage = !rows.slice(0, row).some(isBody) || !rows.slice(row + 1).some(isBody);
          for (const c of r.cells.slice(0, at)) {
            if (c.merge === 'continued' && c.text !== '') problems.push(`${seq[0]}: placeholder with text`);
            if (c.merge === undefined && c.text === '' && !firstOnPage) problems.push(`${seq[0]}: empty label cell that is no merge`);
          }
        }
        expect(problems).toEqual([]);
      });
    }
  });
}
