/**
 * Assigns each indicator row its level-2 name (and so its level 1) from the merged label cells.
 *
 * With merge information (PDF grids) a label covers exactly the rows of its merged cell, and
 * rows without a label (a group continued from the previous page) continue the group above.
 *
 * Without it (text dumps) a merged label is printed on one row of its group, with blank label
 * cells around it: usually its first row, sometimes its middle row (vertically centred,
 * `floor((n-1)/2)`, as pdftotext prints merged cells). The groups are the partition of the rows
 * that explains where each label is printed with the fewest centred labels, found by a dynamic
 * programme over group boundaries: a label on the first row costs nothing, on the middle row 1
 * (a label at offset o fits groups of 2o+1 and 2o+2 rows; ties go to the even size), anywhere
 * else a lot; a group that contradicts a level-1 name printed in it costs more, and a row whose
 * 三级指标 names another level 2 of the table (…及时率 → 时效指标) costs a little more than one
 * centred label, which settles the ties a centred label leaves.
 * `merged_label_group` reports the rows so assigned.
 */
import { level2Hint } from '../domain/labels.js';
import type { Level1 } from '../domain/template.js';
import { report, type StageContext } from '../stage.js';
import type { IndicatorRow } from './indicator-rows.js';

/** The level 1 of a level-2 name under the template's framework. */
export type Level1Of = (level2: string) => Level1 | undefined;

export interface LevelAssignment {
  level1: string | null;
  level2: string | null;
}

const COST_MIDDLE = 1;
const COST_ODD_SIZE = 0.01;
const COST_CEIL_MIDDLE = 1.5;
const COST_ELSEWHERE = 10;
const COST_LEVEL1_CONFLICT = 5;
const COST_HINT_CONFLICT = 1.5;

/** Cost of printing a group's label `offset` rows below its first row in a group of `size`. */
function placementCost(offset: number, size: number): number {
  if (offset === 0) return 0;
  const mid = Math.floor((size - 1) / 2);
  if (offset === mid) return COST_MIDDLE + (size % 2) * COST_ODD_SIZE;
  if (offset === Math.ceil((size - 1) / 2)) return COST_CEIL_MIDDLE;
  return COST_ELSEWHERE + Math.abs(offset - mid);
}

/** Level-2 name of each row: the cheapest partition of the rows into label groups. */
function assignByPlacement(rows: readonly IndicatorRow[], level1Of: Level1Of): (string | null)[] {
  const n = rows.length;
  const labels = rows.map((r, i) => ({ name: r.printedLevel2, at: i })).filter((l): l is { name: string; at: number } => !!l.name);
  if (labels.length === 0) return rows.map(() => null);
  const m = labels.length;
  // conflicts[i][r]: prefix cost of rows < r that contradict label i: a printed level 1 of another
  // family, or a 三级指标 name that says another level 2 of this table (及时率 → 时效指标).
  const conflicts = labels.map((l) => {
    const fam = level1Of(l.name);
    const pre = [0];
    rows.forEach((r, i) => {
      const hint = level2Hint(r.values.level3 ?? null);
      const hintConflict = hint !== undefined && hint !== l.name && labels.some((x) => x.name === hint);
      pre.push(pre[i]! + (r.printedLevel1 && r.printedLevel1 !== fam ? COST_LEVEL1_CONFLICT : 0) + (hintConflict ? COST_HINT_CONFLICT : 0));
    });
    return pre;
  });
  // best[i][e]: least cost of groups 0..i with group i ending (exclusive) at e.
  const best: number[][] = labels.map(() => new Array<number>(n + 1).fill(Infinity));
  const from: number[][] = labels.map(() => new Array<number>(n + 1).fill(-1));
  for (let i = 0; i < m; i++) {
    const p = labels[i]!.at;
    const next = i + 1 < m ? labels[i + 1]!.at : n;
    const starts = i === 0 ? [0] : range(labels[i - 1]!.at + 1, p + 1);
    for (const s of starts) {
      const before = i === 0 ? 0 : best[i - 1]![s]!;
      if (!Number.isFinite(before)) continue;
      const ends = i === m - 1 ? [n] : range(p + 1, next + 1);
      for (const e of ends) {
        const c = before + placementCost(p - s, e - s) + (conflicts[i]![e]! - conflicts[i]![s]!);
        if (c < best[i]![e]!) {
          best[i]![e] = c;
          from[i]![e] = s;
        }
      }
    }
  }
  const out: (string | null)[] = rows.map(() => null);
  let e = n;
  for (let i = m - 1; i >= 0; i--) {
    const s = from[i]![e]!;
    for (let r = s; r < e; r++) out[r] = labels[i]!.name;
    e = s;
  }
  return out;
}

/**
 * Level-2 name of each row from merged cells: a label covers its rows; gaps continue the group
 * above. A merged cell printed without text is a group split by a page break: at the bottom of a
 * page it takes the label of the group that opens the next page (LibreOffice prints the text in
 * one part only) unless the source shows that group beginning there, at the top of a page it
 * continues the group above.
 */
function assignBySpans(rows: readonly IndicatorRow[]): (string | null)[] {
  interface Group { start: number; label: string | null; fromPage?: boolean; merged: boolean }
  const groups: Group[] = [];
  rows.forEach((r, i) => {
    // Every cell of the level-2 column that is not the continuation of a merged cell opens a group;
    // so does another level-2 name printed on a row that a merged cell seems to continue (a name
    // read into the level-1 cell beside it, 满意度指标服务对象满意度指标: the merge is the layer's guess).
    const last = groups[groups.length - 1];
    const renamed = !!r.printedLevel2 && r.level2Cell?.merge === 'continued' && !!last?.label && last.label !== r.printedLevel2;
    const starts = i === 0 || (r.level2Cell !== undefined && r.level2Cell.merge !== 'continued') || (!!r.printedLevel2 && !r.level2Cell) || renamed;
    if (starts) groups.push({ start: i, label: r.printedLevel2 ?? null, merged: r.level2Cell?.merge === 'start', ...(r.level2Cell?.continuesFromPage !== undefined ? { fromPage: r.level2Cell.continuesFromPage } : {}) });
    else if (r.printedLevel2 && groups.length) groups[groups.length - 1]!.label ??= r.printedLevel2;
  });
  const pageOf = (i: number): number => rows[i]?.row.page ?? 0;
  const firstOnPage = (i: number): boolean => i === 0 || pageOf(i - 1) !== pageOf(i);
  // From the foot of each page up: the empty cells there (one or several) go with the group that
  // opens the next page, unless they are plain cells (no merge known) under a label that is one
  // plain cell too: rows under a label printed on its group's first row.
  const underPlainLabel = (n: number): boolean => {
    let k = n;
    while (k >= 0 && groups[k]!.label === null && !groups[k]!.merged) k--;
    return k >= 0 && k < n && !groups[k]!.merged && groups[k]!.label !== null && pageOf(groups[k]!.start) === pageOf(groups[n]!.start) && n - k >= 2;
  };
  // (Nor do plain empty cells on a page that prints no level-2 name at all: the page lies inside
  // one group, begun on a page before, whose label is printed there. A label cut by a break is
  // printed in one part: at the top of its first part, or where the whole cell's middle falls,
  // which for a group running over a whole page is on that page or the one before, rarely after.)
  const labelledPages = new Set(rows.flatMap((r) => (r.printedLevel2 ? [r.row.page] : [])));
  const fromBelow = new Set<Group>();
  for (let n = groups.length - 2; n >= 0; n--) {
    const g = groups[n]!, next = groups[n + 1]!;
    if (g.label !== null || firstOnPage(g.start) || next.label === null || underPlainLabel(n)) continue;
    if (!g.merged && !labelledPages.has(pageOf(g.start))) continue;
    // (Or the group at the page's foot that the break cuts, unlabelled here, named by its part on the next page.)
    const nextEnd = groups[n + 2]?.start ?? rows.length;
    const namedAfterBreak = !next.merged && pageOf(next.start) === pageOf(g.start) && pageOf(nextEnd - 1) > pageOf(next.start) && !rows[next.start]!.printedLevel2;
    // (Or empty cells right under a merged label whose cell ends above them: they are no part of
    // that group, so of the one named below them.)
    const afterClosed = n > 0 && groups[n - 1]!.merged && groups[n - 1]!.label !== null;
    const opensNext = (firstOnPage(next.start) && pageOf(next.start) === pageOf(g.start) + 1 && next.fromPage !== false) || namedAfterBreak || afterClosed;
    if (opensNext || fromBelow.has(next)) {
      g.label = next.label;
      fromBelow.add(g);
    }
  }
  const out: (string | null)[] = rows.map(() => null);
  let cur: string | null = null;
  groups.forEach((g, n) => {
    if (g.label !== null) cur = g.label;
    const end = groups[n + 1]?.start ?? rows.length;
    for (let i = g.start; i < end; i++) out[i] = cur;
  });
  // Rows before the first label belong to it (its merged cell started on an earlier page).
  const first = out.findIndex((x) => x !== null);
  for (let i = 0; i < first; i++) out[i] = out[first]!;
  return out;
}

/**
 * Cost of a label's placement as the layout alone judges it: `placementCost` without its
 * preference for even groups, which is a convention, not something the page shows.
 */
function layoutCost(offset: number, size: number): number {
  return offset !== 0 && offset === Math.floor((size - 1) / 2) ? COST_MIDDLE : placementCost(offset, size);
}

/** A boundary between two label groups that the printed layout does not settle. */
export interface AmbiguousBoundary {
  /** Index of the label whose group ends at the boundary. */
  label: number;
  /** Row indexes at which the next group may start, equally well explained by the layout. */
  starts: number[];
}

/**
 * The boundaries between label groups that the layout leaves open: where two or more rows could
 * start the next group at the least total layout cost (placements and printed level-1 names,
 * not the 三级指标 wording).
 */
function ambiguousBoundaries(rows: readonly IndicatorRow[], labels: ReadonlyArray<{ name: string; at: number }>, level1Of: Level1Of): AmbiguousBoundary[] {
  const n = rows.length, m = labels.length;
  if (m < 2) return [];
  const conflict = labels.map((l) => {
    const fam = level1Of(l.name);
    const pre = [0];
    rows.forEach((r, i) => pre.push(pre[i]! + (r.printedLevel1 && r.printedLevel1 !== fam ? COST_LEVEL1_CONFLICT : 0)));
    return pre;
  });
  const groupCost = (i: number, s: number, e: number): number => layoutCost(labels[i]!.at - s, e - s) + conflict[i]![e]! - conflict[i]![s]!;
  const startsOf = (i: number): number[] => (i === 0 ? [0] : range(labels[i - 1]!.at + 1, labels[i]!.at + 1));
  // fwd[i][e]: least cost of groups 0..i with group i ending at e; bwd[i][s]: groups i..m-1, group i starting at s.
  const fwd = labels.map(() => new Array<number>(n + 1).fill(Infinity));
  for (let i = 0; i < m; i++) {
    for (const s of startsOf(i)) {
      const before = i === 0 ? 0 : fwd[i - 1]![s]!;
      if (!Number.isFinite(before)) continue;
      const ends = i === m - 1 ? [n] : range(labels[i]!.at + 1, labels[i + 1]!.at + 1);
      for (const e of ends) fwd[i]![e] = Math.min(fwd[i]![e]!, before + groupCost(i, s, e));
    }
  }
  const bwd = labels.map(() => new Array<number>(n + 1).fill(Infinity));
  for (let i = m - 1; i >= 0; i--) {
    const ends = i === m - 1 ? [n] : range(labels[i]!.at + 1, labels[i + 1]!.at + 1);
    for (const s of startsOf(i)) {
      for (const e of ends) {
        const after = i === m - 1 ? 0 : bwd[i + 1]![e]!;
        bwd[i]![s] = Math.min(bwd[i]![s]!, groupCost(i, s, e) + after);
      }
    }
  }
  const best = fwd[m - 1]![n]!;
  const out: AmbiguousBoundary[] = [];
  for (let i = 0; i < m - 1; i++) {
    const starts = range(labels[i]!.at + 1, labels[i + 1]!.at + 1).filter((e) => fwd[i]![e]! + bwd[i + 1]![e]! <= best + 1e-6);
    if (starts.length > 1) out.push({ label: i, starts });
  }
  return out;
}

function range(a: number, b: number): number[] {
  const r: number[] = [];
  for (let i = a; i < b; i++) r.push(i);
  return r;
}

/** Given the indicator rows of one table, returns level 1 and level 2 for each. */
export function assignLevels(rows: readonly IndicatorRow[], level1Of: Level1Of, ctx: StageContext): LevelAssignment[] {
  const spans = rows.some((r) => r.level2Cell?.merge !== undefined);
  const level2 = spans ? assignBySpans(rows) : assignByPlacement(rows, level1Of);
  if (!spans) reportAmbiguity(rows, level2, level1Of, ctx);
  let filled = 0;
  const out = rows.map((r, i) => {
    const l2 = level2[i] ?? null;
    if (l2 && !r.printedLevel2) filled++;
    let l1: string | null = l2 ? (level1Of(l2) ?? null) : null;
    if (!l2) {
      l1 = r.printedLevel1 ?? null;
      report(ctx, 'unassigned_level2', `no level-2 label could be assigned to "${r.values.level3 ?? ''}"`, { row: r.row });
    }
    if (l2 && r.printedLevel1 && r.printedLevel1 !== l1) {
      report(ctx, 'level1_from_level2', `printed level 1 ${r.printedLevel1} contradicts level 2 ${l2}; using ${l1}`, { row: r.row }, { actual: r.printedLevel1, expected: l1 ?? '' });
    }
    if (l2 && r.garbage) {
      report(ctx, 'level1_from_level2', `level 1 set to ${l1} from level 2 ${l2} (label cell printed "${r.garbage}")`, { row: r.row }, { actual: r.garbage, expected: l1 ?? '' });
    }
    return { level1: l1 as Level1 | string | null, level2: l2 };
  });
  if (filled > 0) {
    report(ctx, 'merged_label_group', `${filled} indicator row(s) took the level-2 label of their merged group (${spans ? 'merged cells' : 'label printed on the first or middle row'})`, { row: rows[0]?.row });
  }
  return out;
}

/**
 * Reports each boundary between two label groups that the printed layout leaves open
 * (`ambiguous_label_group`), with both readings and what decided between them.
 */
function reportAmbiguity(rows: readonly IndicatorRow[], level2: readonly (string | null)[], level1Of: Level1Of, ctx: StageContext): void {
  const labels = rows.map((r, i) => ({ name: r.printedLevel2, at: i })).filter((l): l is { name: string; at: number } => !!l.name);
  for (const b of ambiguousBoundaries(rows, labels, level1Of)) {
    const first = labels[b.label]!, next = labels[b.label + 1]!;
    const chosen = b.starts.find((e) => level2[e] === next.name && level2[e - 1] === first.name) ?? b.starts[0]!;
    const other = b.starts.find((e) => e !== chosen)!;
    const reading = (e: number): string => `${first.name} to row ${e}, ${next.name} from row ${e + 1}`;
    const named = rows.slice(Math.min(chosen, other), Math.max(chosen, other)).map((r) => r.values.level3 ?? '').filter(Boolean);
    const decidedBy = named.some((t) => level2Hint(t) !== undefined) ? `the 三级指标 wording (${named.map((t) => `"${t}"`).join(', ')})` : 'the convention that a centred label sits above the middle of an even group';
    report(
      ctx,
      'ambiguous_label_group',
      `the printed labels fit two groupings equally well: ${reading(chosen)} (chosen, by ${decidedBy}), or ${reading(other)}`,
      { row: rows[Math.min(chosen, other)]!.row, field: `indicators.${Math.min(chosen, other)}.level2` },
      { actual: reading(chosen), expected: b.starts.filter((e) => e !== chosen).map(reading).join(' | ') },
    );
  }
}
