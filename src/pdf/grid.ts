/**
 * Rules → tables: snap and join collinear rules, group touching rules into tables, build each
 * table's grid from the rule positions and merge grid cells that no rule separates
 * (after pdfplumber's `edges_to_intersections` → `intersections_to_cells` → `cells_to_tables`,
 * which follows Nurminen's thesis and Tabula).
 */
import type { BBox } from '../types.js';
import type { Rule } from './rules.js';
import type { PdfSettings } from './settings.js';

/** A cell of a table grid: rows [row, row + rowSpan), columns [col, col + colSpan). */
export interface GridCell {
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
  bbox: BBox;
}

/**
 * What one page may hold before its rules are ignored (a form page holds a few tables of a few
 * hundred cells; a page past these is built to exhaust the reader): grid cells (crossings of
 * distinct rule positions), separate tables, text runs, ruling lines (after joining).
 */
export const PAGE_LIMITS = { cells: 100_000, tables: 500, runs: 100_000, rules: 20_000 } as const;

/** A ruled table: grid lines, cells, and the merged rules it was built from. */
export interface Table {
  /** x of every column boundary, left to right. */
  xs: number[];
  /** y of every row boundary, top to bottom. */
  ys: number[];
  /** Cells in row-major order of their top-left grid position. */
  cells: GridCell[];
  bbox: BBox;
  rules: Rule[];
  /** Index of the cell covering each grid position (row-major, -1: none), built on first use by `cellAt`. */
  at?: Int32Array;
}

/**
 * Given merged rules and the number of text runs of a page, returns why the page is too complex to
 * build its grid (over `PAGE_LIMITS`), or undefined. Sorting only: O(rules · log rules).
 */
export function pageTooComplex(merged: readonly Rule[], runs: number, s: PdfSettings): string | undefined {
  if (runs > PAGE_LIMITS.runs) return `${runs} text runs (limit ${PAGE_LIMITS.runs})`;
  if (merged.length > PAGE_LIMITS.rules) return `${merged.length} ruling lines (limit ${PAGE_LIMITS.rules})`;
  const distinct = (orient: 'h' | 'v'): number => clusterValues(merged.filter((r) => r.orient === orient).map((r) => r.pos), s.snapTolerancePt).length;
  const cells = Math.max(0, distinct('h') - 1) * Math.max(0, distinct('v') - 1);
  if (cells > PAGE_LIMITS.cells) return `a ruled grid of up to ${cells} cells (limit ${PAGE_LIMITS.cells})`;
  return undefined;
}

const area = (c: GridCell): number => c.rowSpan * c.colSpan;

/**
 * Index of the cell of `t` that holds the point, or -1: two binary searches and a lookup. The
 * answer is the one a scan of `t.cells` in order would give (of the cells whose box holds the
 * point, bounds included, the first of the fewest grid positions): boxes overlap where a region
 * the rules leave open wraps closed cells (Writer drops some borders of merged label cells), and
 * the closed cell holds what lies inside it; a point on a grid line (in two cells' boxes) is
 * settled by that scan.
 */
export function cellAt(t: Table, x: number, y: number): number {
  const nr = t.ys.length - 1, nc = t.xs.length - 1;
  if (!t.at) {
    const at = new Int32Array(nr * nc).fill(-1);
    t.cells.forEach((c, i) => {
      for (let r = c.row; r < c.row + c.rowSpan; r++) {
        for (let k = r * nc + c.col; k < r * nc + c.col + c.colSpan; k++) if (at[k]! < 0 || area(t.cells[at[k]!]) > area(c)) at[k] = i;
      }
    });
    t.at = at;
  }
  if (x < t.xs[0] || x > t.xs[nc] || y < t.ys[0] || y > t.ys[nr]) return -1;
  const c = Math.min(nc - 1, Math.max(0, upperBound(t.xs, x) - 1));
  const r = Math.min(nr - 1, Math.max(0, upperBound(t.ys, y) - 1));
  if (x === t.xs[c] || x === t.xs[c + 1] || y === t.ys[r] || y === t.ys[r + 1]) {
    let best = -1;
    for (let i = 0; i < t.cells.length; i++) {
      const b = t.cells[i].bbox;
      if (x >= b[0] && x <= b[2] && y >= b[1] && y <= b[3] && (best < 0 || area(t.cells[i]) < area(t.cells[best]))) best = i;
    }
    return best;
  }
  return t.at[r * nc + c]!;
}

/** Number of values in sorted `arr` that are ≤ v. */
export function upperBound(arr: readonly number[], v: number): number {
  let lo = 0, hi = arr.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (arr[mid] <= v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Number of values in sorted `arr` that are < v. */
function lowerBound(arr: readonly number[], v: number): number {
  let lo = 0, hi = arr.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (arr[mid] < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Given rules, returns them with positions within `snapTolerancePt` snapped to their mean and
 * collinear pieces overlapping or separated by up to `joinTolerancePt` joined.
 */
export function mergeRules(rules: readonly Rule[], s: PdfSettings): Rule[] {
  const out: Rule[] = [];
  for (const orient of ['h', 'v'] as const) {
    const list = rules.filter((r) => r.orient === orient).sort((a, b) => a.pos - b.pos);
    for (const group of clusterSorted(list, (r) => r.pos, s.snapTolerancePt)) {
      const pos = Math.round((group.reduce((acc, r) => acc + r.pos, 0) / group.length) * 100) / 100;
      group.sort((a, b) => a.start - b.start);
      let cur: Rule | null = null;
      for (const r of group) {
        if (cur && r.start <= cur.end + s.joinTolerancePt) {
          if (r.end > cur.end) cur.end = r.end;
        } else {
          if (cur) out.push(cur);
          cur = { orient, pos, start: r.start, end: r.end };
        }
      }
      if (cur) out.push(cur);
    }
  }
  return out;
}

/** Splits items sorted by `key` into groups where consecutive keys differ by ≤ tol. */
export function clusterSorted<T>(sorted: readonly T[], key: (t: T) => number, tol: number): T[][] {
  const groups: T[][] = [];
  let prev = -Infinity;
  for (const item of sorted) {
    const k = key(item);
    if (groups.length === 0 || k - prev > tol) groups.push([item]);
    else groups[groups.length - 1].push(item);
    prev = k;
  }
  return groups;
}

/** Returns the sorted cluster means of `values` with tolerance `tol`. */
function clusterValues(values: number[], tol: number): number[] {
  values.sort((a, b) => a - b);
  return clusterSorted(values, (v) => v, tol).map((g) => Math.round((g.reduce((a, b) => a + b, 0) / g.length) * 100) / 100);
}

/** True when horizontal rule h and vertical rule v touch (within tol). */
function touches(h: Rule, v: Rule, tol: number): boolean {
  return v.pos >= h.start - tol && v.pos <= h.end + tol && h.pos >= v.start - tol && h.pos <= v.end + tol;
}

/**
 * Given merged rules of a page, returns its tables: groups of touching rules with at least two
 * horizontal and two vertical rules, each with its grid and (merged) cells.
 */
export function rulesToTables(merged: readonly Rule[], s: PdfSettings): Table[] {
  const hs = merged.filter((r) => r.orient === 'h');
  const vs = merged.filter((r) => r.orient === 'v');
  const n = hs.length + vs.length;
  const parent = Array.from({ length: n }, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]];
    return i;
  };
  const tol = s.intersectionTolerancePt;
  // Vertical rules sorted by x let each horizontal rule visit only the ones within its span.
  const vOrder = vs.map((_, j) => j).sort((a, b) => vs[a].pos - vs[b].pos);
  for (let i = 0; i < hs.length; i++) {
    const h = hs[i];
    let lo = 0, hi = vOrder.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (vs[vOrder[mid]].pos < h.start - tol) lo = mid + 1;
      else hi = mid;
    }
    for (let k = lo; k < vOrder.length && vs[vOrder[k]].pos <= h.end + tol; k++) {
      const j = vOrder[k];
      if (touches(h, vs[j], tol)) parent[find(i)] = find(hs.length + j);
    }
  }
  const groups = new Map<number, Rule[]>();
  for (let i = 0; i < n; i++) {
    const root = find(i);
    const r = i < hs.length ? hs[i] : vs[i - hs.length];
    let g = groups.get(root);
    if (!g) groups.set(root, (g = []));
    g.push(r);
  }
  const tables: Table[] = [];
  for (const rules of groups.values()) {
    if (tables.length >= PAGE_LIMITS.tables) break;
    const t = rulesToTable(rules, s);
    if (t) tables.push(t);
  }
  tables.sort((a, b) => a.bbox[1] - b.bbox[1] || a.bbox[0] - b.bbox[0]);
  return tables;
}

/** Builds the grid of one group of touching rules; null when it does not enclose any cell. */
function rulesToTable(rules: Rule[], s: PdfSettings): Table | null {
  const hs = rules.filter((r) => r.orient === 'h');
  const vs = rules.filter((r) => r.orient === 'v');
  if (hs.length < 1 || vs.length < 2) return null;
  const tol = s.intersectionTolerancePt;
  // A table cut by a page break has vertical rules running past its last (or first)
  // horizontal rule: Chromium leaves the cut row open. Close it with an implied rule where
  // the verticals end, so the cut row still becomes a row of cells. A page inside two rows
  // cut at both ends has one horizontal rule only.
  const left = Math.min(...vs.map((r) => r.pos)), right = Math.max(...vs.map((r) => r.pos));
  const top = Math.min(...hs.map((r) => r.pos)), bottom = Math.max(...hs.map((r) => r.pos));
  const vTop = Math.min(...vs.map((r) => r.start)), vBottom = Math.max(...vs.map((r) => r.end));
  if (vTop < top - 2 * tol) hs.push({ orient: 'h', pos: vTop, start: left, end: right });
  if (vBottom > bottom + 2 * tol) hs.push({ orient: 'h', pos: vBottom, start: left, end: right });
  if (hs.length < 2) return null;
  const xs = clusterValues(vs.map((r) => r.pos), s.snapTolerancePt);
  const ys = clusterValues(hs.map((r) => r.pos), s.snapTolerancePt);
  const nr = ys.length - 1, nc = xs.length - 1;
  if (nr < 1 || nc < 1 || nr * nc > PAGE_LIMITS.cells) return null;
  // hasV[r][c]: a vertical rule at xs[c] covers row band r; hasH[r][c]: a rule at ys[r] covers column c.
  const hasV: boolean[][] = Array.from({ length: nr }, () => new Array<boolean>(nc + 1).fill(false));
  const hasH: boolean[][] = Array.from({ length: nr + 1 }, () => new Array<boolean>(nc).fill(false));
  const xIndex = (x: number) => nearestIndex(xs, x);
  const yIndex = (y: number) => nearestIndex(ys, y);
  // Each rule visits only the bands it covers (found by binary search): linear in rules and cells.
  for (const v of vs) {
    const c = xIndex(v.pos);
    // Bands r with ys[r] ≥ v.start − tol and ys[r + 1] ≤ v.end + tol.
    for (let r = lowerBound(ys, v.start - tol); r < nr && ys[r + 1] <= v.end + tol; r++) hasV[r][c] = true;
  }
  for (const h of hs) {
    const r = yIndex(h.pos);
    for (let c = lowerBound(xs, h.start - tol); c < nc && xs[c + 1] <= h.end + tol; c++) hasH[r][c] = true;
  }
  // Union grid cells that no rule separates.
  const id = (r: number, c: number) => r * nc + c;
  const parent = Array.from({ length: nr * nc }, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]];
    return i;
  };
  for (let r = 0; r < nr; r++) {
    for (let c = 0; c < nc; c++) {
      if (c + 1 < nc && !hasV[r][c + 1]) parent[find(id(r, c + 1))] = find(id(r, c));
      if (r + 1 < nr && !hasH[r + 1][c]) parent[find(id(r + 1, c))] = find(id(r, c));
    }
  }
  const comps = new Map<number, { r0: number; r1: number; c0: number; c1: number; members: number }>();
  for (let r = 0; r < nr; r++) {
    for (let c = 0; c < nc; c++) {
      const root = find(id(r, c));
      const e = comps.get(root);
      if (!e) comps.set(root, { r0: r, r1: r, c0: c, c1: c, members: 1 });
      else {
        e.r0 = Math.min(e.r0, r); e.r1 = Math.max(e.r1, r);
        e.c0 = Math.min(e.c0, c); e.c1 = Math.max(e.c1, c);
        e.members++;
      }
    }
  }
  const cells: GridCell[] = [];
  for (const e of comps.values()) {
    // A region is a cell when rules close it on all four sides (at least partly); open
    // regions are the space around a ragged table.
    let top = false, bottom = false, left = false, right = false;
    for (let c = e.c0; c <= e.c1; c++) {
      if (hasH[e.r0][c]) top = true;
      if (hasH[e.r1 + 1][c]) bottom = true;
    }
    for (let r = e.r0; r <= e.r1; r++) {
      if (hasV[r][e.c0]) left = true;
      if (hasV[r][e.c1 + 1]) right = true;
    }
    // A region touching the table's first or last boundary may be cut by a page break.
    if (e.r0 === 0) top = true;
    if (e.r1 === nr - 1) bottom = true;
    // The rest of a cell a page break cut, in the first band, at the table's right edge: Writer
    // leaves that edge undrawn there (the note 原因 merged beside the fund rows).
    if (e.r0 === 0 && e.r1 === 0 && e.c1 === nc - 1 && left && bottom && nr > 1) right = true;
    if (!(top && bottom && left && right)) continue;
    cells.push({
      row: e.r0, col: e.c0, rowSpan: e.r1 - e.r0 + 1, colSpan: e.c1 - e.c0 + 1,
      bbox: [xs[e.c0], ys[e.r0], xs[e.c1 + 1], ys[e.r1 + 1]],
    });
  }
  if (cells.length === 0) return null;
  cells.sort((a, b) => a.row - b.row || a.col - b.col);
  return { xs, ys, cells, bbox: [xs[0], ys[0], xs[nc], ys[nr]], rules };
}

/** Index of the value in sorted `arr` nearest to `v`. */
export function nearestIndex(arr: readonly number[], v: number): number {
  let lo = 0, hi = arr.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (arr[mid] < v) lo = mid + 1;
    else hi = mid;
  }
  if (lo > 0 && Math.abs(arr[lo - 1] - v) <= Math.abs(arr[lo] - v)) return lo - 1;
  return lo;
}
