/**
 * Field-by-field scoring of ziping records against gold records, with the semantics of
 * ../shared/tools/score.py: values normalised (NFKC, HTML tags dropped, whitespace dropped,
 * numbers compared as numbers); projects matched by source file and order, then by name;
 * indicator rows aligned by LCS on level 3; unmatched output rows count against; extra projects
 * cost ten fields each. Extended fields of issue 10 (year, conclusion rows, extra fund rows,
 * split target parts …) are scored when the gold has them, and only then.
 */
import path from 'node:path';
import { Decimal } from 'decimal.js';

/** A JSON value as read from a gold file or projects.json. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

/** Check codes score.py counts as arithmetic flags (false flags on clean tables). */
export const ARITH_CODES: ReadonlySet<string> = new Set([
  'total_mismatch', 'rate_mismatch', 'exec_score_mismatch', 'weight_sum_not_100', 'score_exceeds_weight',
  'grade_mismatch', 'missing_total_score',
]);
/** Every check code (a flag of any kind on an injected table). */
export const CHECK_CODES: ReadonlySet<string> = new Set([...ARITH_CODES, 'funds_sum_mismatch']);

export const FUND_ROWS = ['total', 'fiscal_appropriation', 'carryover', 'other'] as const;
export const FUND_COLS = ['initial_budget', 'full_year_budget', 'executed', 'execution_rate'] as const;
export const TOP_FIELDS = ['project_name', 'department', 'implementing_unit', 'goal_expected', 'goal_actual',
  'total_weight', 'total_score', 'grade'] as const;
export const IND_FIELDS = ['level1', 'level2', 'level3', 'target', 'actual', 'weight', 'score', 'deviation_reason'] as const;
/** Fields of the extended canonical record (issue 10), scored only when the gold has the key. */
export const TOP_EXTRA = ['year', 'grade_source', 'evaluation_conclusion', 'problems', 'improvements', 'implementation_summary'] as const;
export const FUND_EXTRA_ROWS = ['fiscal_special_account', 'unit_funds'] as const;
export const IND_EXTRA = ['target_nature', 'target_value', 'target_unit', 'actual_value'] as const;

/** What a field is, for the report's breakdown by group. */
export type FieldGroup = 'header' | 'goals' | 'funds' | 'indicators' | 'totals' | 'conclusion' | 'extra_rows';

const GROUP_OF: Record<string, FieldGroup> = {
  project_name: 'header', department: 'header', implementing_unit: 'header', year: 'header',
  goal_expected: 'goals', goal_actual: 'goals',
  total_weight: 'totals', total_score: 'totals', grade: 'totals', grade_source: 'totals',
  evaluation_conclusion: 'conclusion', problems: 'conclusion', improvements: 'conclusion', implementation_summary: 'conclusion',
};

/** One compared field: its path, group, the gold value and what ziping gave. */
export interface Mismatch { field: string; group: FieldGroup; gold: Json; got: Json }

export interface ProjectScore {
  ok: number;
  total: number;
  /** matched / total per field group (extra indicator rows count in `extra_rows`) */
  groups: Partial<Record<FieldGroup, { ok: number; total: number }>>;
  /** matched / total per indicator field name (level1 … deviation_reason, and the extended ones) */
  indicatorFields: Record<string, { ok: number; total: number }>;
  mismatches: Mismatch[];
  extraRows: number;
}

// Python's \s (str patterns): Unicode whitespace, which differs from JavaScript's \s
// (JavaScript adds U+FEFF, Python adds U+001C–U+001F and U+0085).
const PY_SPACE = /[\t\n\v\f\r\x1c-\x20\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/g;
const TAG = /<[^>]+>/g;
const NUMBER = /^-?\d+(\.\d+)?$/;

/** Given any value, returns its normal form: "" for null, NFKC, no tags, no whitespace; a number
 *  (separators removed) as "#" + its canonical decimal, so "1,068.30" equals "1068.3". */
export function norm(v: unknown): string {
  if (v === null || v === undefined) return '';
  let s: string;
  if (typeof v === 'boolean') s = v ? 'True' : 'False';
  else if (typeof v === 'number') s = String(v);
  else if (typeof v === 'string') s = v;
  else s = JSON.stringify(v);
  s = s.normalize('NFKC').replace(TAG, '').replace(PY_SPACE, '');
  const plain = s.replaceAll(',', '');
  if (NUMBER.test(plain)) {
    const d = new Decimal(plain);
    return '#' + (d.isZero() ? (d.isNegative() ? '-0' : '0') : d.toFixed());
  }
  return s;
}

function isObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Given an object and a path of keys, returns the value there, or null. */
export function get(d: unknown, ...keys: string[]): Json {
  let cur: unknown = d;
  for (const k of keys) {
    if (!isObject(cur)) return null;
    cur = cur[k];
  }
  return (cur ?? null) as Json;
}

/** The file name without folder and extension. */
export function stem(name: unknown): string {
  const b = path.basename(String(name ?? ''));
  const dot = b.lastIndexOf('.');
  return dot >= 0 ? b.slice(0, dot) : b;
}

/** The source file of a record: a string (gold) or {file} (ziping). */
export function sourceOf(p: JsonObject): string {
  const s = p.source;
  if (isObject(s)) return String(s.file ?? s.path ?? '');
  return typeof s === 'string' ? s : '';
}

/** Order-preserving alignment of indicator rows on normalised level 3 (longest common
 *  subsequence); returns gold index → output index. Ties go as score.py breaks them. */
export function lcsAlign(g: readonly JsonObject[], o: readonly JsonObject[]): Map<number, number> {
  const n = g.length, m = o.length;
  const gk = g.map((r) => norm(r.level3)), ok = o.map((r) => norm(r.level3));
  const dp: Int32Array[] = Array.from({ length: n + 1 }, () => new Int32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      dp[i]![j] = gk[i] === ok[j] ? dp[i + 1]![j + 1]! + 1 : Math.max(dp[i + 1]![j]!, dp[i]![j + 1]!);
    }
  }
  const pairs = new Map<number, number>();
  let i = 0, j = 0;
  while (i < n && j < m) {
    if (gk[i] === ok[j]) { pairs.set(i, j); i++; j++; }
    else if (dp[i + 1]![j]! >= dp[i]![j + 1]!) i++;
    else j++;
  }
  return pairs;
}

function objects(v: Json): JsonObject[] {
  return Array.isArray(v) ? v.filter(isObject) : [];
}

/** Given a gold project and the output matched to it (or nothing), compares every field. */
export function compareProject(g: JsonObject, o: JsonObject | null): ProjectScore {
  const res: ProjectScore = { ok: 0, total: 0, groups: {}, indicatorFields: {}, mismatches: [], extraRows: 0 };
  const out = o ?? {};
  const cmp = (field: string, group: FieldGroup, gv: Json, ov: Json, indField?: string): void => {
    const good = norm(gv) === norm(ov);
    res.total++;
    const gr = (res.groups[group] ??= { ok: 0, total: 0 });
    gr.total++;
    if (indField) {
      const f = (res.indicatorFields[indField] ??= { ok: 0, total: 0 });
      f.total++;
      if (good) f.ok++;
    }
    if (good) { res.ok++; gr.ok++; } else res.mismatches.push({ field, group, gold: gv, got: ov });
  };
  for (const f of TOP_FIELDS) cmp(f, GROUP_OF[f]!, g[f] ?? null, out[f] ?? null);
  for (const f of TOP_EXTRA) if (f in g) cmp(f, GROUP_OF[f]!, g[f] ?? null, out[f] ?? null);
  const gFunds = isObject(g.funds) ? g.funds : {};
  const rows: string[] = [...FUND_ROWS, ...FUND_EXTRA_ROWS.filter((r) => r in gFunds)];
  for (const r of rows) {
    const cols: string[] = [...FUND_COLS];
    if (r === 'total') {
      cols.push('weight', 'score');
      if (isObject(gFunds.total) && 'deviation_reason' in gFunds.total) cols.push('deviation_reason');
    }
    for (const c of cols) cmp(`funds.${r}.${c}`, 'funds', get(g, 'funds', r, c), get(out, 'funds', r, c));
  }
  const gInd = objects(g.indicators ?? null);
  const oInd = objects(out.indicators ?? null);
  const pairs = lcsAlign(gInd, oInd);
  gInd.forEach((gr, i) => {
    const j = pairs.get(i);
    const orow: JsonObject = j === undefined ? {} : oInd[j]!;
    for (const f of IND_FIELDS) cmp(`ind[${i}].${f}`, 'indicators', gr[f] ?? null, orow[f] ?? null, f);
    for (const f of IND_EXTRA) if (f in gr) cmp(`ind[${i}].${f}`, 'indicators', gr[f] ?? null, orow[f] ?? null, f);
  });
  const extra = Math.max(0, oInd.length - pairs.size);
  if (extra) {
    // spurious rows count against accuracy
    res.total += extra;
    const gr = (res.groups.extra_rows ??= { ok: 0, total: 0 });
    gr.total += extra;
    res.extraRows = extra;
    res.mismatches.push({ field: 'extra_indicator_rows', group: 'extra_rows', gold: 0, got: extra });
  }
  return res;
}

/** Check codes a record reports (issues, flags, check.issues), as score.py reads them. */
export function issueCodes(o: JsonObject): Set<string> {
  const codes = new Set<string>();
  const take = (list: Json | undefined): void => {
    if (!Array.isArray(list)) return;
    for (const it of list) {
      const c = isObject(it) ? it.code : it;
      if (c !== null && c !== undefined && c !== '' && c !== false) codes.add(String(c));
    }
  };
  take(o.issues);
  take(o.flags);
  if (isObject(o.check)) take(o.check.issues);
  return codes;
}

/** Outputs indexed for matching: by source stem (in output order) and by project name. */
export interface OutputIndex { bySource: Map<string, JsonObject[]>; byName: Map<string, JsonObject[]> }

export function indexOutputs(out: readonly JsonObject[]): OutputIndex {
  const bySource = new Map<string, JsonObject[]>();
  const byName = new Map<string, JsonObject[]>();
  for (const p of out) {
    const s = stem(sourceOf(p));
    (bySource.get(s) ?? bySource.set(s, []).get(s)!).push(p);
    const n = norm(p.project_name);
    (byName.get(n) ?? byName.set(n, []).get(n)!).push(p);
  }
  return { bySource, byName };
}

/** How an injected or clean table fared with the checks. */
export interface FlagOutcome {
  injected: string[];
  /** codes ziping reported on the matched record */
  codes: string[];
  /** injected table: one of its injected codes was reported (score.py's "detected") */
  detected?: boolean;
  /** injected table: any check code was reported */
  flagged?: boolean;
  /** clean table: an arithmetic code was reported where the gold expects none (score.py) */
  falseFlag?: boolean;
  /** clean table: funds_sum_mismatch was reported (not in score.py's set) */
  falseFundsSum?: boolean;
}

export interface ScoredProject { index: number; name: string; found: boolean; score: ProjectScore; flags: FlagOutcome | null }
export interface ScoredFile { source: string; producer: string; projects: ScoredProject[]; extraProjects: number; penalty: number }

/** Given one gold file ({source, producer, projects}) or a bare list of projects, and the indexed
 *  outputs, matches and scores every gold project. */
export function scoreGoldFile(gold: Json, idx: OutputIndex): ScoredFile {
  let projects: JsonObject[], src: string | null, producer: string;
  if (Array.isArray(gold)) { projects = objects(gold); src = null; producer = 'text (list gold)'; }
  else if (isObject(gold)) {
    projects = objects(gold.projects ?? null);
    src = typeof gold.source === 'string' && gold.source ? gold.source : null;
    producer = typeof gold.producer === 'string' ? gold.producer : '?';
  } else throw new Error('a gold file is a JSON object or array');
  const cands = src ? idx.bySource.get(stem(src)) ?? [] : [];
  const scored: ScoredProject[] = projects.map((g, i) => {
    const gname = norm(g.project_name);
    let o: JsonObject | null = null;
    if (cands.length && i < cands.length && norm(cands[i]!.project_name) === gname) o = cands[i]!;
    if (o === null) {
      let named = cands.filter((c) => norm(c.project_name) === gname);
      if (!named.length && !src) named = idx.byName.get(gname) ?? [];
      o = named[0] ?? (i < cands.length ? cands[i]! : null);
    }
    const score = compareProject(g, o);
    let flags: FlagOutcome | null = null;
    if (o !== null) {
      const inj = Array.isArray(g.injected_errors) ? g.injected_errors.map(String) : [];
      const codes = issueCodes(o);
      flags = { injected: inj, codes: [...codes].sort() };
      if (inj.length) {
        flags.detected = inj.some((c) => codes.has(c));
        flags.flagged = [...codes].some((c) => CHECK_CODES.has(c));
      } else {
        const anomalies = Array.isArray(g.anomalies) ? g.anomalies.map(String) : [];
        const expectedMissing = anomalies.some((a) => a.includes('missing total') || a.includes('total_score'));
        flags.falseFlag = [...codes].some((c) => ARITH_CODES.has(c)) && !(g.total_score === null || g.total_score === undefined || expectedMissing);
        flags.falseFundsSum = codes.has('funds_sum_mismatch');
      }
    }
    return { index: i, name: String(g.project_name ?? ''), found: o !== null, score, flags };
  });
  const extraProjects = src ? Math.max(0, cands.length - projects.length) : 0;
  return { source: src ?? 'list', producer, projects: scored, extraProjects, penalty: extraProjects * 10 };
}
