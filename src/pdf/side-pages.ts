/**
 * Pages that print the columns right of an earlier page's. A spreadsheet wider than its paper is
 * printed down, then across (LibreOffice Calc's default page order): the first pages hold the
 * left columns of every row, the pages after them the columns that did not fit, row for row at
 * the same heights. A text whose cell runs over the cut between two such pages (a merged title,
 * a goal's paragraph, a note) is drawn on both, each copy clipped to its page, at the same height
 * and shifted by the same amount: that shift tells which page goes on which, and where.
 *
 * Given the visible runs of every page, finds each page that goes on an earlier one so, and
 * glues its runs and rules to the right of that page's (one wide page); cells read there are
 * mapped back to the page they were printed on.
 */
import type { BBox, Row } from '../types.js';
import type { Rule } from './rules.js';
import type { TextRun } from './text-runs.js';

/** Page `page` prints the columns right of page `into`'s: its x plus `dx` is `into`'s x. */
export interface SideJoin {
  page: number;
  into: number;
  dx: number;
  /** Texts drawn on both pages (the evidence). */
  twins: number;
}

export interface SidePage {
  page: number;
  width: number;
  height: number;
  /** The runs a reader sees. */
  runs: readonly TextRun[];
  /** Every run drawn, clipped ones too (each copy of a twin is often visible on one page only). */
  drawn: readonly TextRun[];
}

/** Twins needed to join two pages: one text drawn on both by chance is no evidence. */
const MIN_TWINS = 3;

const key = (r: TextRun): string => r.text.replace(/\s+/gu, '');

/**
 * The shift that most texts of three characters or more drawn on two pages at one height and font
 * size share (each drawn further right on the earlier page), given those texts' shifts; null where
 * fewer than MIN_TWINS share one.
 */
function commonShift(shifts: number[]): { dx: number; twins: number } | null {
  shifts.sort((x, y) => x - y);
  let best: { dx: number; twins: number } | null = null;
  for (let i = 0; i < shifts.length; i++) {
    let j = i;
    while (j + 1 < shifts.length && shifts[j + 1]! - shifts[i]! < 0.5) j++;
    if (j - i + 1 >= MIN_TWINS && (!best || j - i + 1 > best.twins)) best = { dx: shifts[Math.floor((i + j) / 2)]!, twins: j - i + 1 };
  }
  return best;
}

const overlaps = (p: BBox, q: BBox): boolean => p[0] < q[2] - 0.5 && p[2] > q[0] + 0.5 && p[1] < q[3] - 0.5 && p[3] > q[1] + 0.5;

/**
 * Whether page b, shifted by dx, lies beside page a rather than over it: its texts that are no
 * twins of a's stay clear of a's texts (two pages of two tables whose centred titles happen to
 * share a height would cover each other).
 */
function besideOnly(a: SidePage, b: SidePage, dx: number): boolean {
  const own = shiftRuns(b.runs, dx).filter((r) => !a.runs.some((o) => isTwin(o, r)));
  if (!own.length) return false;
  const over = own.filter((r) => a.runs.some((o) => overlaps(o.bbox, r.bbox))).length;
  return over <= 0.1 * own.length;
}

const isTwin = (o: TextRun, r: TextRun): boolean => key(o) === key(r) && Math.abs(o.bbox[0] - r.bbox[0]) < 1 && Math.abs(o.bbox[1] - r.bbox[1]) < 0.5;

/**
 * The pages that go on an earlier page's columns to the right, each joined to the first page of
 * its row of pages (a sheet three pages wide joins its third page to the first, the shifts added).
 */
export function findSideJoins(pages: readonly SidePage[]): SideJoin[] {
  const joins: SideJoin[] = [];
  const root = new Map<number, { into: number; dx: number }>();
  // The texts of the pages seen so far, by text: each page is looked up once, not against each page before it.
  const drawnAt = new Map<string, Array<{ at: number; run: TextRun }>>();
  for (let i = 0; i < pages.length; i++) {
    const b = pages[i]!;
    const shifts = new Map<number, number[]>();
    for (const r of b.drawn) {
      for (const { at, run: o } of drawnAt.get(key(r)) ?? []) {
        const a = pages[at]!;
        if (Math.abs(a.width - b.width) > 1 || Math.abs(a.height - b.height) > 1) continue;
        const dx = o.bbox[0] - r.bbox[0];
        if (dx > 2 && Math.abs(o.bbox[1] - r.bbox[1]) < 0.3 && Math.abs(o.fontSize - r.fontSize) < 0.1) {
          const list = shifts.get(at);
          if (list) list.push(dx);
          else shifts.set(at, [dx]);
        }
      }
    }
    for (const r of b.drawn) {
      const k = key(r);
      if (Array.from(k).length < 3 || r.angle !== 0) continue;
      const list = drawnAt.get(k);
      if (list) list.push({ at: i, run: r });
      else drawnAt.set(k, [{ at: i, run: r }]);
    }
    if (!b.runs.length) continue;
    let best: { q: SidePage; dx: number; twins: number } | null = null;
    for (const [at, found] of [...shifts].sort((x, y) => x[0] - y[0])) {
      const t = commonShift(found);
      if (t && (!best || t.twins > best.twins) && besideOnly(pages[at]!, b, t.dx)) best = { q: pages[at]!, ...t };
    }
    if (!best) continue;
    const up = root.get(best.q.page);
    const join = { page: b.page, into: up ? up.into : best.q.page, dx: best.dx + (up ? up.dx : 0), twins: best.twins };
    root.set(b.page, { into: join.into, dx: join.dx });
    joins.push(join);
  }
  return joins;
}

/** Runs moved right by dx. */
export function shiftRuns(runs: readonly TextRun[], dx: number): TextRun[] {
  return runs.map((r) => ({
    ...r,
    bbox: [r.bbox[0] + dx, r.bbox[1], r.bbox[2] + dx, r.bbox[3]] as BBox,
    ...(r.seams ? { seams: { text: r.seams.text, at: r.seams.at.map(([k, x]) => [k, x + dx] as const) } } : {}),
  }));
}

/** Rules moved right by dx. */
export function shiftRules(rules: readonly Rule[], dx: number): Rule[] {
  return rules.map((r) => (r.orient === 'h' ? { ...r, start: r.start + dx, end: r.end + dx } : { ...r, pos: r.pos + dx }));
}

/**
 * The runs of a page with the runs of its side pages glued on their right (each side page's
 * copies of texts the page already holds left out), and where each side page's part begins.
 */
export function glueSidePages(runs: readonly TextRun[], sides: ReadonlyArray<{ page: number; dx: number; runs: readonly TextRun[] }>): { runs: TextRun[]; parts: Array<{ page: number; dx: number; from: number }> } {
  const out = [...runs];
  const parts: Array<{ page: number; dx: number; from: number }> = [];
  for (const side of sides) {
    const own = shiftRuns(side.runs, side.dx).filter((r) => !out.some((o) => isTwin(o, r)));
    if (!own.length) continue;
    parts.push({ page: side.page, dx: side.dx, from: Math.min(...own.map((r) => r.bbox[0])) - 0.5 });
    out.push(...own);
  }
  return { runs: out, parts };
}

/** Cells that lie in a side page's part are given that page and their place on it. */
export function mapCellsBack(rows: readonly Row[], parts: ReadonlyArray<{ page: number; dx: number; from: number }>): void {
  if (!parts.length) return;
  const sorted = [...parts].sort((a, b) => b.from - a.from);
  for (const row of rows) {
    for (const cell of row.cells) {
      if (!cell.bbox) continue;
      const part = sorted.find((p) => cell.bbox![0] >= p.from);
      if (!part) continue;
      cell.page = part.page;
      cell.bbox = [cell.bbox[0] - part.dx, cell.bbox[1], cell.bbox[2] - part.dx, cell.bbox[3]];
    }
  }
}
