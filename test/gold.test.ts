/**
 * Every file of the development corpus (../shared/corpus/dev) and of our producer fixtures
 * (test/fixtures/producers: Chromium, LibreOffice Writer, borderless, landscape, split, multi-project,
 * 元, scanned) reproduces its gold records field for field.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { comparable, DEV, goldComparable, HAS_DEV, ROOT, run, type GoldProject } from './helpers.js';

// The dev corpus is left out where it is missing (helpers.ts says so; under CI it fails instead).
const DIRS = [...(HAS_DEV ? [DEV] : []), path.join(ROOT, 'test/fixtures/producers')];

interface GoldFile {
  projects: GoldProject[];
  expected_diagnostics?: string[];
}

for (const dir of DIRS) {
  const inputs = readdirSync(dir).filter((f) => /\.(txt|pdf)$/.test(f)).sort();
  describe(path.basename(dir), () => {
    test('has inputs', () => {
      expect(inputs.length).toBeGreaterThanOrEqual(4);
    });
    for (const f of inputs) {
      const gold = JSON.parse(readFileSync(path.join(dir, f.replace(/\.\w+$/, '.json')), 'utf8')) as GoldFile;
      test(f, { timeout: 60_000 }, async () => {
        const res = await run(path.join(dir, f));
        const expected = gold.projects;
        for (const code of gold.expected_diagnostics ?? []) {
          expect(res.diagnostics.map((d) => d.code)).toContain(code);
        }
        if (expected.length === 0) {
          expect(res.records).toEqual([]);
          expect(res.entry.status).toBe('failed');
          return;
        }
        expect(res.entry.status).not.toBe('failed');
        expect(res.records.map((r) => r.project_name)).toEqual(expected.map((g) => g.project_name));
        res.records.forEach((r, i) => {
          expect(comparable(r, expected[i]), `${f} table ${i + 1}`).toEqual(goldComparable(expected[i]!));
          // Injected inconsistencies are flagged with their code; clean tables raise no flag.
          const codes = new Set(r.issues.map((d) => d.code));
          for (const code of expected[i]!.injected_errors) expect(codes, `${f} table ${i + 1}`).toContain(code);
          if (expected[i]!.injected_errors.length === 0) expect(r.check.status, `${f} table ${i + 1}`).toBe('ok');
          // Provenance: PDF values point at their page and box, dump values at their line.
          for (const ind of r.indicators) {
            expect(ind.provenance?.file).toBe(f);
            if (f.endsWith('.pdf')) expect(ind.provenance?.page).toBeGreaterThan(0);
            else expect(ind.provenance?.line).toBeGreaterThan(0);
          }
        });
      });
    }
  });
}
