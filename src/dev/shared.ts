/**
 * Where the development corpus is: `../shared/corpus/dev` beside the checkout (as in CI), or
 * `$ZIPING_DEV_CORPUS`. The one place that names it for TypeScript (tests, bench);
 * `scripts/shared_dir.py` is its twin for the Python scripts and follows the same rule.
 * > **Note**: never an absolute machine path: the checkout may be anywhere.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (this module is `src/dev/shared.ts` or `dist/dev/shared.js`). */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The shared folder beside the checkout. */
export const SHARED_DIR = path.resolve(REPO_ROOT, '../shared');

/** The development corpus (PDFs and dumps with gold JSON). */
export const DEV_CORPUS = process.env.ZIPING_DEV_CORPUS ? path.resolve(process.env.ZIPING_DEV_CORPUS) : path.join(SHARED_DIR, 'corpus/dev');

/** Whether the development corpus is there (one file of it is enough to tell a missing folder). */
export function hasDevCorpus(): boolean {
  return existsSync(path.join(DEV_CORPUS, 'tab_dump_01.txt'));
}

/** Why a suite that needs the corpus cannot run, in words. */
export function missingCorpusMessage(): string {
  const where = process.env.ZIPING_DEV_CORPUS ? `$ZIPING_DEV_CORPUS (${DEV_CORPUS})` : `../shared/corpus/dev beside the checkout (${DEV_CORPUS})`;
  return `the development corpus is missing: expected at ${where}`;
}
