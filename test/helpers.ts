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
  funds: Record<string, Record<string, string | null> | null>;
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
/** Fields of the extended record (issue 10), compared where a gold has them. */
const TOP_EXTRA = ['year', 'grade_source', 'evaluation_conclusion', 'problems', 'improvements', 'implementation_summary'] as const;
const IND_EXTRA = ['target_nature', 'target_value', 'target_unit', 'actual_value'] as const;

/** A record's fund rows as the gold has them: the gold's rows, and in each the gold's columns. */
function fundsLike(funds: ProjectRecord['funds'], like: GoldProject['funds']): GoldProject['funds'] {
  const out: GoldProject['funds'] = {};
  const rows = funds as unknown as Record<string, Record<string, string | null> | null>;
  for (const [rk, gold] of Object.entries(like)) {
    const row = rows[rk] ?? null;
    out[rk] = gold === null || row === null ? row : Object.fromEntries(Object.keys(gold).map((c) => [c, row[c] ?? null]));
  }
  return out;
}

/**
 * The fields the gold format holds, picked from a record, for an exact comparison: the dev
 * corpus fields, and the extended ones (issue 10) where the gold has them.
 */
export function comparable(r: ProjectRecord, like?: GoldProject): Omit<GoldProject, 'injected_errors'> {
  const g = like as (GoldProject & Record<string, unknown>) | undefined;
  const out: Omit<GoldProject, 'injected_errors'> & Record<string, unknown> = {
    title: r.title ?? '',
    project_name: r.project_name ?? '',
    department: r.department ?? '',
    implementing_unit: r.implementing_unit ?? '',
    funds: g ? fundsLike(r.funds, g.funds) : (r.funds as unknown as GoldProject['funds']),
    goal_expected: r.goal_expected ?? '',
    goal_actual: r.goal_actual ?? '',
    indicators: r.indicators.map((i, n) => {
      const gi = g?.indicators[n];
      const fields = [...IND_FIELDS, ...IND_EXTRA.filter((f) => gi && f in gi)];
      return Object.fromEntries(fields.map((f) => [f, i[f]])) as Record<string, string>;
    }),
    total_weight: r.total_weight,
    total_score: r.total_score,
    grade: r.grade,
  };
  for (const f of TOP_EXTRA) if (g && f in g) out[f] = r[f];
  return out;
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
