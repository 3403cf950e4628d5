/** Shared helpers for tests: run the pipeline on real files, compare with gold records. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe } from 'vitest';
import { DEV_CORPUS, hasDevCorpus, missingCorpusMessage } from '../src/dev/shared.js';
import { processFile } from '../src/pipeline.js';
import type { FileResult } from '../src/result.js';
import { defaultSettings, Settings } from '../src/settings.js';
import type { ProjectRecord } from '../src/domain/schema.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** The development corpus: ../shared/corpus/dev beside the checkout (src/dev/shared.ts). */
export const DEV = DEV_CORPUS;
/** Whether it is there. Under CI (CI=true) a missing corpus fails the run instead of skipping. */
export const HAS_DEV = hasDevCorpus();
if (!HAS_DEV) {
  if (process.env.CI === 'true') throw new Error(`${missingCorpusMessage()}; under CI the suites that need it must run`);
  console.warn(`skipping the suites that need the development corpus: ${missingCorpusMessage()}`);
}
/** `describe` for suites that read the development corpus: skipped, with the message above, where it is missing. */
export const describeDev = HAS_DEV ? describe : describe.skip;
export const SAMPLE = path.join(ROOT, 'samples/shanghai_rsj_2023_dump.txt');

export async function run(file: string, settings: Record<string, unknown> = {}): Promise<FileResult> {
  return processFile({ path: file, bytes: new Uint8Array(readFileSync(file)) }, Settings.parse({ ...defaultSettings, ...settings }));
}

/** Runs the pipeline on text given inline (as if read from `name`). */
export async function runText(text: string, name = 'inline.txt'): Promise<FileResult> {
  return processFile({ path: name, bytes: new Uint8Array(Buffer.from(text, 'utf8')) }, defaultSettings);
}

export interface GoldProject {
  title: string;
  project_name: string;
  department: string;
  implementing_unit: string;
  funds: Record<string, Record<string, string>>;
  goal_expected: string;
  goal_actual: string;
  indicators: Record<string, string>[];
  total_weight: string | null;
  total_score: string | null;
  grade: string | null;
  injected_errors: string[];
}

export function gold(stem: string): GoldProject[] {
  return (JSON.parse(readFileSync(path.join(DEV, `${stem}.json`), 'utf8')) as { projects: GoldProject[] }).projects;
}

const IND_FIELDS = ['level1', 'level2', 'level3', 'target', 'actual', 'weight', 'score', 'deviation_reason'] as const;

/** The fields the gold format holds, picked from a record, for an exact comparison. */
export function comparable(r: ProjectRecord): Omit<GoldProject, 'injected_errors'> {
  return {
    title: r.title ?? '',
    project_name: r.project_name ?? '',
    department: r.department ?? '',
    implementing_unit: r.implementing_unit ?? '',
    funds: r.funds as unknown as Record<string, Record<string, string>>,
    goal_expected: r.goal_expected ?? '',
    goal_actual: r.goal_actual ?? '',
    indicators: r.indicators.map((i) => Object.fromEntries(IND_FIELDS.map((f) => [f, i[f]])) as Record<string, string>),
    total_weight: r.total_weight,
    total_score: r.total_score,
    grade: r.grade,
  };
}

export function goldComparable(g: GoldProject): Omit<GoldProject, 'injected_errors'> {
  const { injected_errors: _i, ...rest } = g;
  const { anomalies: _a, ...clean } = rest as GoldProject & { anomalies?: unknown };
  return clean;
}

/** Rows of a dump given as arrays of cells, joined with tabs. */
export function dump(lines: readonly (readonly string[] | string)[]): string {
  return lines.map((l) => (typeof l === 'string' ? l : l.join('\t'))).join('\n') + '\n';
}
