/**
 * Scans of a Calc, a Writer and a Chromium table (test/fixtures/scans, made from fixtures with a
 * text layer by scripts/fixtures/scan.mjs: 150–200 dpi, turned by up to 0.9°, noise, JPEG, one
 * with a red seal over its total row) read by OCR reproduce the gold of their source: at least
 * 98 % of the figures and of the 三级指标 names exactly, every figure that is not right either
 * corrected by the arithmetic (logged) or flagged, injected inconsistencies flagged and clean
 * tables not. Skipped where the optional OCR packages are not installed.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Decimal } from 'decimal.js';
import { beforeAll, describe, expect, test } from 'vitest';
import type { ProjectRecord } from '../../src/domain/schema.js';
import { ocrInstalled } from '../../src/ocr/index.js';
import type { FileResult } from '../../src/result.js';
import { ROOT, run, type GoldProject } from '../helpers.js';

const DIR = path.join(ROOT, 'test/fixtures/scans');
const SCANS = readdirSync(DIR).filter((f) => f.endsWith('.pdf')).sort();

interface ScanGold {
  source: string;
  scanned_from: string;
  seal_pt?: [number, number, number];
  projects: GoldProject[];
}

/** score.py's comparison: NFKC, no blanks, figures by value ("7.0" is "7.00"), separators removed. */
function norm(v: string | null | undefined): string {
  const s = (v ?? '').normalize('NFKC').replace(/\s+/g, '').replace(/,/g, '');
  return /^-?\d+(\.\d+)?$/.test(s) ? `#${new Decimal(s).toString()}` : s;
}

const FUND_COLS = ['initial_budget', 'full_year_budget', 'executed', 'execution_rate'] as const;

/** Every figure of the form: [field path, gold, read]. */
function figures(g: GoldProject, r: ProjectRecord): Array<[string, string | null, string | null]> {
  const out: Array<[string, string | null, string | null]> = [];
  for (const row of ['total', 'fiscal_appropriation', 'carryover', 'other'] as const) {
    const cols = row === 'total' ? [...FUND_COLS, 'weight', 'score'] : FUND_COLS;
    for (const c of cols) out.push([`funds.${row}.${c}`, g.funds[row]?.[c] ?? null, (r.funds[row] as Record<string, string | null>)[c] ?? null]);
  }
  g.indicators.forEach((gi, i) => {
    const ri = r.indicators[i];
    out.push([`indicators.${i}.weight`, gi.weight ?? null, ri?.weight ?? null], [`indicators.${i}.score`, gi.score ?? null, ri?.score ?? null]);
  });
  out.push(['total_weight', g.total_weight, r.total_weight], ['total_score', g.total_score, r.total_score]);
  return out;
}

const results = new Map<string, FileResult>();

describe.skipIf(!ocrInstalled())('scans read by OCR', () => {
  beforeAll(async () => {
    for (const f of SCANS) results.set(f, await run(path.join(DIR, f)));
  }, 600_000);

  test('there are scans of Calc, Writer and Chromium tables, one with a seal', () => {
    const golds = SCANS.map((f) => JSON.parse(readFileSync(path.join(DIR, f.replace(/\.pdf$/, '.json')), 'utf8')) as ScanGold);
    expect(golds.map((g) => g.scanned_from.split('_')[0]).sort()).toEqual(['chromium', 'single', 'writer']);
    expect(golds.filter((g) => g.seal_pt)).toHaveLength(1);
  });

  for (const f of SCANS) {
    test(`${f}: figures and 三级指标 as in the gold, every wrong figure corrected or flagged`, () => {
      const gold = JSON.parse(readFileSync(path.join(DIR, f.replace(/\.pdf$/, '.json')), 'utf8')) as ScanGold;
      const res = results.get(f)!;
      expect(res.entry.status).not.toBe('failed');
      expect(res.entry.ocr).toMatchObject({ status: 'read', pages: [1] });
      expect(res.diagnostics.map((d) => d.code)).toContain('ocr_read');
      expect(res.records).toHaveLength(gold.projects.length);
      let right = 0, all = 0, namesRight = 0, names = 0;
      const unflagged: string[] = [];
      res.records.forEach((r, k) => {
        const g = gold.projects[k]!;
        expect(r.indicators).toHaveLength(g.indicators.length);
        for (const [field, want, got] of figures(g, r)) {
          all++;
          if (norm(want) === norm(got)) { right++; continue; }
          // Not right: flagged at the figure, or the table is flagged by its arithmetic.
          const flagged = r.issues.some((d) => d.location.field === field && d.code === 'ocr_uncertain') || r.check.status === 'mismatch';
          if (!flagged) unflagged.push(`${field}: gold ${want}, read ${got}`);
        }
        g.indicators.forEach((gi, i) => {
          names++;
          if (norm(gi.level3) === norm(r.indicators[i]?.level3)) namesRight++;
        });
        // A correction is right: it gives the gold figure.
        for (const d of r.repairs.filter((x) => x.code === 'ocr_corrected')) {
          const want = figures(g, r).find(([field]) => field === d.location.field)?.[1];
          expect(norm(d.expected), `${f}: ${d.message}`).toBe(norm(want));
          expect(d.location.bbox).toBeDefined();
        }
        // Injected inconsistencies are flagged with their code; clean tables raise no flag.
        const codes = new Set(r.issues.map((d) => d.code));
        for (const code of g.injected_errors) expect(codes, `${f} table ${k + 1}`).toContain(code);
        if (g.injected_errors.length === 0) expect(r.check.status, `${f} table ${k + 1}: ${r.issues.map((d) => d.message).join('; ')}`).toBe('ok');
        // Values say they were read by OCR, with how sure it was.
        expect(r.provenance['total_score']).toMatchObject({ page: 1, ocr: true, confidence: expect.any(Number) });
        expect(r.indicators[0]!.provenance).toMatchObject({ ocr: true });
      });
      expect(unflagged).toEqual([]);
      expect(right / all, `${f}: figures ${right}/${all}`).toBeGreaterThanOrEqual(0.98);
      expect(namesRight / names, `${f}: 三级指标 ${namesRight}/${names}`).toBeGreaterThanOrEqual(0.98);
    }, 60_000);
  }

  test('under the red seal, the total row is read right (by OCR, or by the arithmetic, logged)', () => {
    const f = SCANS.find((s) => s.includes('seal'))!;
    const gold = JSON.parse(readFileSync(path.join(DIR, f.replace(/\.pdf$/, '.json')), 'utf8')) as ScanGold;
    const r = results.get(f)!.records[0]!;
    expect([r.total_weight, r.total_score]).toEqual([gold.projects[0]!.total_weight, gold.projects[0]!.total_score]);
    // The cells of the total row lie under the seal.
    const [sx, sy, sr] = gold.seal_pt!;
    const box = r.provenance['total_score']!.bbox!;
    expect(Math.hypot((box[0] + box[2]) / 2 - sx, (box[1] + box[3]) / 2 - sy)).toBeLessThan(sr);
  });
});
