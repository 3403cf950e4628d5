/** The README documents every diagnostic code and the two commands a new user runs. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { CODES } from '../src/diagnostics.js';
import { ROOT } from './helpers.js';

const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');

test('every diagnostic code is in the README with its stage, severity and meaning', () => {
  for (const [code, info] of Object.entries(CODES)) {
    expect(readme).toContain(`| \`${code}\` | ${info.stage} | ${info.severity} | ${info.meaning} |`);
  }
});

test('the README shows the install-and-run and the test commands', () => {
  expect(readme).toContain('npm ci && npm start');
  expect(readme).toContain('npm test');
});
