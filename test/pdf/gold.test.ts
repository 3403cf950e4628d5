/**
 * Acceptance bar of the PDF layer on the development corpus: for every gold indicator there is
 * one row whose cells hold level3, target, actual, weight, score and deviation_reason, in that
 * order and next to each other; the goal texts and the project name are single cells.
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { extractPdf, type PdfExtraction } from '../../src/pdf/index.js';
import type { Row } from '../../src/types.js';

const CORPUS = process.env.ZIPING_DEV_CORPUS ?? '/work/shared/corpus/dev';
const pdfs = existsSync(CORPUS) ? readdirSync(CORPUS).filter((f) => f.endsWith('.pdf')).sort() : [];

interface GoldIndicator {
  level1: string | null; level2: string | null; level3: string | null; target: string | null;
  actual: string | null; weight: string | null; score: string | null; deviation_reason: string | null;
}
interface GoldProject { project_name: string; goal_expected: string | null; goal_actual: string | null; indicators: GoldIndicator[] }

/** Returns the index in `row` where `seq` starts as consecutive cells, or -1. */
function findRun(row: Row, seq: readonly string[]): number {
  const texts = row.cells.map((c) => c.text);
  for (let i = 0; i + seq.length <= texts.length; i++) {
    if (seq.every((v, k) => texts[i + k] === v)) return i;
  }
  return -1;
}

describe.skipIf(pdfs.length === 0)('dev corpus', () => {
  const cache = new Map<string, Promise<PdfExtraction>>();
  const extract = (f: string) => {
    let p = cache.get(f);
    if (!p) cache.set(f, (p = extractPdf(new Uint8Array(readFileSync(path.join(CORPUS, f))), { file: f })));
    return p;
  };

  for (const f of pdfs) {
    const gold = JSON.parse(readFileSync(path.join(CORPUS, f.replace(/\.pdf$/, '.json')), 'utf8')) as { projects: GoldProject[] };

    test(`${f}: every indicator is one row with its six cells in order`, async () => {
      const { rows } = await extract(f);
      const missing: string[] = [];
      let from = 0;
      for (const p of gold.projects) {
        for (const ind of p.indicators) {
          const seq = [ind.level3, ind.target, ind.actual, ind.weight, ind.score, ind.deviation_reason].map((v) => v ?? '');
          // Rows come in reading order, so each indicator is found after the previous one.
          let found = -1;
          for (let r = from; r < rows.length; r++) if (findRun(rows[r], seq) >= 0) { found = r; break; }
          if (found < 0) missing.push(`${p.project_name}: ${seq.join(' | ')}`);
          else from = found + 1;
        }
      }
      expect(missing).toEqual([]);
    });

    test(`${f}: project names and goal texts are single cells`, async () => {
      const { rows } = await extract(f);
      const texts = new Set(rows.flatMap((r) => r.cells.map((c) => c.text)));
      const missing: string[] = [];
      for (const p of gold.projects) {
        for (const v of [p.project_name, p.goal_expected, p.goal_actual]) if (v && !texts.has(v)) missing.push(v);
      }
      expect(missing).toEqual([]);
    });
  }
});
