/** Every file of the development corpus reproduces its gold records field for field. */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { comparable, DEV, gold, goldComparable, run } from './helpers.js';

const inputs = readdirSync(DEV).filter((f) => /\.(txt|pdf)$/.test(f)).sort();

describe('development corpus', () => {
  test('has inputs', () => {
    expect(inputs.length).toBeGreaterThanOrEqual(4);
  });
  for (const f of inputs) {
    const stem = f.replace(/\.\w+$/, '');
    test(f, { timeout: 60_000 }, async () => {
      const res = await run(path.join(DEV, f));
      const expected = gold(stem);
      expect(res.entry.status).not.toBe('failed');
      expect(res.records.map((r) => r.project_name)).toEqual(expected.map((g) => g.project_name));
      res.records.forEach((r, i) => {
        expect(comparable(r), `${f} table ${i + 1}`).toEqual(goldComparable(expected[i]!));
        // Injected inconsistencies are flagged with their code; clean tables raise no arithmetic flag.
        const codes = new Set(r.issues.map((d) => d.code));
        for (const code of expected[i]!.injected_errors) expect(codes, `${f} table ${i + 1}`).toContain(code);
        if (expected[i]!.injected_errors.length === 0) expect(r.check.status, `${f} table ${i + 1}`).toBe('ok');
      });
    });
  }
});
