/** The repository names the shared folder only as ../shared, through one helper per language. */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { ROOT } from './helpers.js';

test('no tracked file holds an absolute path to the shared folder or the work tree', () => {
  const files = execFileSync('git', ['ls-files', '-z'], { cwd: ROOT, encoding: 'utf8' }).split('\0').filter(Boolean);
  const offenders = files.filter((f) => !/\.(pdf|png|xlsx)$/i.test(f) && /\/work\/(shared|wt-|main)/.test(readFileSync(path.join(ROOT, f), 'latin1')));
  expect(offenders).toEqual([]);
});

test('tests, the bench and the Python scripts find the corpus through the helpers', () => {
  const users = ['test/helpers.ts', 'src/bench/bench.ts', 'scripts/fixtures/make.py', 'bench/compare/compare.py'];
  for (const f of users) expect(readFileSync(path.join(ROOT, f), 'utf8'), f).toMatch(/dev\/shared\.js|shared_dir import dev_corpus/);
});
