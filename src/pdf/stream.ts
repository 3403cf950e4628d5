/**
 * Stream mode: text with no ruling lines around it (a borderless table, or one whose only rules
 * are horizontal or an outer frame). Builds the rows a ruled grid would have given.
 *
 * 1. Sections: a line holding two or more of the caller's anchors (header labels) starts a
 *    section; lines overlapping it vertically (wrapped labels) are its header row. A title line
 *    (one chunk in a clearly larger font) is a row of its own and ends the section. Lines before
 *    the first header continue the previous page's last section when the caller carries its
 *    columns over (a table running over a page break), else they form a section without header.
 * 2. Columns: between header labels, in the stretch of white space that the fewest lines cross
 *    (the widest such stretch); left of the first label and in sections without a header, at the
 *    gaps between the chunks of lines.
 * 3. Pieces: each line is cut at the column boundaries that fall into a gap of the line, never
 *    inside a word (a run spanning a boundary is a cell spanning columns; a run whose text has a
 *    space at a boundary is split there). A piece belongs to the column of its left edge.
 * 4. Blocks: in each column, a piece joins the block above it when it continues a wrapped
 *    paragraph: it follows at the text's own line pitch (the smallest pitch between lines of one
 *    column in the section) and the line above is full (it reaches the column's right edge).
 * 5. Rows: blocks of different columns that share their vertical alignment (centre, top or
 *    bottom, whichever the section uses) are one row. A block aligned with nothing that follows
 *    the block above it at the line pitch is another paragraph of that cell; one that overlaps
 *    rows is a label merged over the rows it is aligned with (`start` / `continued`, like a ruled
 *    table's rowspan); any other is a row of its own.
 * Horizontal rules, when the caller passes them, separate rows: nothing joins across one.
 */
import type { BBox, Cell, Row } from '../types.js';
import { unionBox } from './geometry.js';
import { lineText, linesToCell, makeCell, type BoxMapper, type TextLine } from './lines.js';
import { compactText, FIGURE, isCjkChar, normalizeCjk, PLACEHOLDER, unnumbered } from './normalize.js';
import type { Rule } from './rules.js';
import type { PdfSettings } from './settings.js';
import { charEdges, isWide, sliceRun, splitRunAt, type TextRun } from './text-runs.js';

/** Columns of the last section of a page, handed to the next page's first lines. */
export interface StreamCarry {
  /** The header labels' extents, and the boundaries left of the first label, of the section. */
  hits: Array<[number, number]>;
  leftBounds: number[];
  /** Boundaries of columns the header gives no label (see `unlabelledColumns`). */
  unlabelled: number[];
  /** Every boundary of the section's columns on that page. */
  bounds: number[];
  /** Label columns of the section, when its rows showed them (else the next page decides). */
  labelCols?: number[];
  /** Row groups left open at the foot of the page, by label column (see OpenGroup). */
  openGroups?: Record<number, OpenGroup>;
  /**
   * Row groups a page break cut at the foot of the page whose label stood there, centred on the
   * whole merged cell, by label column: the extent the cell's rest takes on the next page.
   */
  cutRests?: Record<number, number>;
  /** Horizontal extent of the section's text. */
  x0: number;
  x1: number;
  /** Width of the page it came from (a carry applies only to a page of the same width). */
  pageWidth: number;
  /** Set when the page held the header alone (at its foot): no text showed the columns left of the labels. */
  headerOnly?: boolean;
}

/**
 * Data rows at the foot of a page that no label of a column covers: the first part of a merged
 * cell that a page break cut, whose label stands on the next page. `height` is their extent.
 */
export interface OpenGroup {
  height: number;
}

/** What the form tells the PDF layer about its text, as data (the layer knows no form). */
export interface FormHints {
  /** Texts that are a cell of their own (labels such as 项目名称): what follows them begins a cell. */
  cellLabels?: readonly string[];
  /** Names that row labels print whole (row groups, rows): such a label is no wrapped label's first line. */
  groupNames?: readonly string[];
  /** Beginnings of lines that are no part of any table (a signature line under it): such a line stands alone. */
  freeLines?: readonly string[];
  /**
   * Words that say which named groups a row belongs to where its name (its text in the first
   * column after the label columns) ends with one, bracketed notes aside: the first entry whose
   * word ends it names them (…完成及时率: 时效指标 and 产出指标; not 满意度调查常态化开展).
   */
  groupWords?: readonly GroupWords[];
}

/** Words of a row's name and the groups they say it belongs to. */
export interface GroupWords {
  words: readonly string[];
  groups: readonly string[];
}

/** The form hints of an options object, without keys it leaves unset. */
export function formHints(o: FormHints): FormHints {
  return {
    ...(o.cellLabels ? { cellLabels: o.cellLabels } : {}),
    ...(o.groupNames ? { groupNames: o.groupNames } : {}),
    ...(o.freeLines ? { freeLines: o.freeLines } : {}),
    ...(o.groupWords ? { groupWords: o.groupWords } : {}),
  };
}

export interface StreamHints extends FormHints {
  /** Horizontal rules of the region: rows never span one. */
  hRules?: readonly Rule[];
  /** Columns carried over from the previous page. */
  carry?: StreamCarry | null;
  pageWidth?: number;
  /** Pitch of wrapped text seen on earlier pages (em). */
  pitchEm?: number;
  /** Votes for each vertical alignment of cells on earlier pages. */
  alignVotes?: AlignVotes;
}

export interface StreamResult {
  rows: Array<{ top: number; row: Row }>;
  /** Columns of the section that reaches the end of the page, if it has a header. */
  carry: StreamCarry | null;
  /** Pitch of wrapped text (em) on this page and the ones before, when known. */
  pitchEm: number | undefined;
  /** Votes for each vertical alignment of cells, on this page and the ones before. */
  alignVotes: AlignVotes;
}

/** A line's runs inside one column (or, in a section without columns, one chunk). */
interface Piece {
  runs: TextRun[];
  bbox: BBox;
  fontSize: number;
  line: number;
  col: number;
  /** The piece crosses the right boundary of its column (a cell spanning columns). */
  spans: boolean;
}

/** Pieces of one column on consecutive lines that belong to one cell. */
interface Block {
  col: number;
  pieces: Piece[];
  bbox: BBox;
  fontSize: number;
}

type Align = 'middle' | 'top' | 'bottom';

/** A row being built: its extent, the pieces of each column, and merges over rows below. */
interface LogicalRow {
  top: number;
  bottom: number;
  cols: Piece[][];
  merge: Array<{ role: 'start' | 'continued'; span: number } | undefined>;
  /** By column: whether the label placed here continues a group the page before left open. */
  fromPage?: Array<boolean | undefined>;
}

interface Section {
  start: number;
  end: number;
  header: Set<number>;
  hits: Array<[number, number]> | null;
  /** The header of the previous page's last section, which these lines continue. */
  carried?: { hits: Array<[number, number]>; leftBounds: number[]; unlabelled: number[]; bounds: number[]; headerOnly?: boolean };
  labelCols?: number[];
  /** The label columns the previous page's table showed, where the section repeats its header (no labels placed by them: where its data columns begin). */
  priorLabelCols?: number[];
  /** Set when the section goes on with the previous page's table (with its header repeated or not). */
  breakAbove?: { openGroups?: Record<number, OpenGroup>; cutRests?: Record<number, number> };
}

/** Gap between runs of CJK text (which has no word spaces) that separates two cells, in em. */
const CJK_CELL_GAP_EM = 0.45;

/** Given the lines of a region without a grid, returns its rows with their top (reading frame). */
export function linesToStreamRows(
  page: number,
  lines: readonly TextLine[],
  s: PdfSettings,
  anchors: readonly string[] | undefined,
  toDisplay: BoxMapper,
  hints: StreamHints = {},
): StreamResult {
  const wanted = [...new Set((anchors ?? []).map((a) => normalizeCjk(a)).filter((a) => a.length > 0))].sort((x, y) => y.length - x.length);
  lines = splitGluedLabelStarts(markCellLabels(centreWrappedLabels(lines, hints.cellLabels ?? []), hints.cellLabels ?? []), wanted);
  const body = bodyFontSize(lines);
  // A line that begins with a free line's words (a signature line under a table) is read alone
  // like a title, even where it follows the table's last line at the pitch of its text.
  const free = (hints.freeLines ?? []).map(compactText).filter((t) => t.length > 0);
  const isFree = (l: TextLine): boolean => { const t = compactText(lineText(l)); return free.some((f) => t.startsWith(f)); };
  const isTitle = (l: TextLine): boolean => (l.fontSize >= 1.25 * body && l.runs.length > 0 && splitChunks(l, s).length === 1) || isFree(l);
  const sections: Section[] = [];
  const titles = new Set<number>();
  let covered = -1;
  let open: Section | null = null;
  // A carry applies only to a page of the same width; it hands on the groups its page left open.
  const sameWidth = (carry: StreamCarry): boolean => hints.pageWidth !== undefined && Math.abs(carry.pageWidth - hints.pageWidth) < 1;
  const openOf = (carry: StreamCarry): NonNullable<Section['breakAbove']> => ({ ...(carry.openGroups ? { openGroups: carry.openGroups } : {}), ...(carry.cutRests ? { cutRests: carry.cutRests } : {}) });
  const startSection = (sec: Section): void => {
    const prev = open as Section | null;
    if (prev && sections.includes(prev)) prev.end = Math.min(prev.end, sec.start);
    sections.push(sec);
    open = sec;
  };
  for (let li = 0; li < lines.length; li++) {
    if (li <= covered) continue;
    if (isTitle(lines[li])) {
      if (open) (open as Section).end = li;
      open = null;
      titles.add(li);
      continue;
    }
    const hitsAt = (k: number): Array<[number, number]> | null => {
      const at = lines[k], near: TextLine[] = [];
      // A label set one character per line reaches two lines or more above and below the anchor
      // line; a side label stacked beside the header reaches further (it must be seen whole).
      for (let j = k - 1; j >= 0 && Math.abs(lines[j].bbox[1] - at.bbox[1]) < 8 * at.fontSize; j--) near.push(lines[j]);
      for (let j = k + 1; j < lines.length && Math.abs(lines[j].bbox[1] - at.bbox[1]) < 8 * at.fontSize; j++) near.push(lines[j]);
      return wanted.length ? anchorHits(at, wanted, near) : null;
    };
    let found = hitsAt(li);
    // The first line that shows labels is the header's whatever line it hands the anchor to.
    const firstHit = li;
    if (found) {
      // The anchor line is the one of the header's lines that holds the most labels (the first
      // may hold only the tops of wrapped labels).
      const top = lines[li];
      for (let k = li + 1; k < lines.length && lines[k].bbox[1] - top.bbox[1] < 1.5 * top.fontSize; k++) {
        const more = hitsAt(k);
        if (more && more.length > found.length) { found = more; li = k; }
      }
    }
    const line = lines[li];
    const hits = found;
    if (hits) {
      const header = new Set<number>();
      for (let k = firstHit; k <= li; k++) header.add(k);
      // Lines overlapping the anchor line, and the lines of labels that wrapped above or below
      // it (every run over the labels a piece of a label: "年初预" over "算数").
      // Lines that hold only pieces of labels left of the labels (年度 of 年度 / 预算 / 数(万 / 元),
      // a column the header gives no anchor) are the header's when a line of label pieces lies beyond them.
      const side = hits.length > 1 && sideLabelFirst(lines, li, hits[0], wanted);
      // A run under (over) the label pieces the header holds over it (the lines taken and
      // `pending`) continues no label unless the two make a piece of one (原因 over 偏差原, the first
      // line of a reason in the row under; 情况, the end of the label 年度目标完成情况 above, over
      // 年度预算数(万 of the funds header).
      const foldedWanted = wanted.map(fullWidth);
      const continues = (k: number, pending: readonly number[]) => (r: TextRun, t: string): boolean => {
        const held = [...header, ...pending]
          .filter((j) => j !== k)
          .sort((a, b) => a - b)
          .flatMap((j) => lines[j].runs.filter((o) => o.bbox[0] < r.bbox[2] - 0.5 && o.bbox[2] > r.bbox[0] + 0.5))
          .map((o) => compactText(o.text))
          .join('');
        if (held === '') return true;
        const joined = fullWidth(k > li ? held + t : t + held);
        return foldedWanted.some((a) => a.includes(joined));
      };
      const wrapped = (k: number, next: number, pending: readonly number[]): 'label' | 'beside' | 'other' => {
        const kind = Math.abs(centreOf(lines[k]) - centreOf(lines[next])) < 2 * line.fontSize ? labelFragments(lines[k], hits, wanted, side, continues(k, pending)) : 'other';
        return kind === 'left' ? 'other' : kind;
      };
      // A line overlapping the anchor line is the header's unless a text over the labels is no
      // piece of one (the rest of a reason right above the header, lines set tighter than their height).
      const onLine = (k: number, overlaps: boolean, next: number, pending: readonly number[]): 'label' | 'beside' | 'other' => {
        if (!overlaps) return wrapped(k, next, pending);
        return labelFragments(lines[k], hits, wanted, side, continues(k, pending)) === 'other' ? 'other' : 'label';
      };
      // From `from`, line by line in `step`'s direction: the last line the header takes.
      const extend = (from: number, step: 1 | -1, stop: (k: number) => boolean): number => {
        let end = from - step, pending: number[] = [];
        for (let k = from; !stop(k); k += step) {
          const overlaps = step < 0 ? lines[k].bbox[3] > line.bbox[1] + 0.5 : lines[k].bbox[1] < line.bbox[3] - 0.5;
          const kind = onLine(k, overlaps, k - step, pending);
          if (kind === 'other') break;
          pending.push(k);
          if (kind === 'beside') continue;
          for (const j of pending) header.add(j);
          end = k;
          pending = [];
        }
        return end;
      };
      const first = extend(firstHit - 1, -1, (k) => k <= covered || titles.has(k));
      const last = extend(li + 1, 1, (k) => k >= lines.length);
      // The header may take the last lines of the open section (labels wrapped above it).
      const prev = open as Section | null;
      if (prev && prev.start >= first) sections.splice(sections.indexOf(prev), 1);
      // A header repeated at the top of a page, with the columns the page before ended with.
      const carry = hints.carry;
      const repeated = sections.length === 0 && titles.size === 0 && carry && sameWidth(carry) && carry.hits.length === hits.length;
      startSection({ start: first, end: lines.length, header, hits, ...(repeated ? { breakAbove: openOf(carry), ...(carry.labelCols ? { priorLabelCols: carry.labelCols } : {}) } : {}) });
      covered = last;
      continue;
    }
    if (!open) {
      const carry = hints.carry;
      const carried = sections.length === 0 && titles.size === 0 && carry && sameWidth(carry);
      startSection({ start: li, end: lines.length, header: new Set(), hits: null, ...(carried ? { carried: { hits: carry.hits, leftBounds: carry.leftBounds, unlabelled: carry.unlabelled, bounds: carry.bounds, ...(carry.headerOnly ? { headerOnly: true } : {}) }, breakAbove: openOf(carry), ...(carry.labelCols ? { labelCols: carry.labelCols } : {}) } : {}) });
    }
  }

  const nameSet = new Set((hints.groupNames ?? []).map(compactText));
  // (A level-1 name may carry its points: 产出指标(50分).)
  const unpointed = (text: string): string => compactText(text).replace(/[(（][^()（）]*[)）]$/u, '');
  const groupName = (text: string): boolean => nameSet.has(unpointed(text));
  // The end of a group's name a page break cut off its first part (标(30分) of 效益指 / 标(30分)).
  const names = [...nameSet];
  const groupRest = (text: string): boolean => { const t = unpointed(text); return t.length > 0 && names.some((n) => n.length > t.length && n.endsWith(t)); };
  // And its first part (经济效益指 of 经济效益指 / 标).
  const groupHead = (text: string): boolean => { const t = compactText(text); return t.length >= 2 && names.some((n) => n.length > t.length && n.startsWith(t)); };
  const groupsNamed = (name: string): ReadonlySet<string> | undefined => {
    const bare = compactText(name).replace(/[(（][^()（）]*[)）]/gu, '');
    const hit = hints.groupWords?.find((g) => g.words.some((w) => bare.endsWith(w)));
    return hit ? new Set(hit.groups.map(compactText)) : undefined;
  };
  const out: Array<{ top: number; row: Row }> = [];
  for (const li of titles) out.push({ top: lines[li].bbox[1], row: freeRow(page, lines[li], toDisplay) });
  // The columns found between each header's labels: a later header with the same labels in the
  // same places heads the same columns (Calc prints every project of a sheet on one grid), where
  // its rows may show too little to place them (one row of figures set flush right).
  const found: Array<{ hits: ReadonlyArray<readonly [number, number]>; between: readonly number[] }> = hints.carry ? [{ hits: hints.carry.hits, between: hints.carry.bounds }] : [];
  const sameLabels = (a: ReadonlyArray<readonly [number, number]>, b: ReadonlyArray<readonly [number, number]>): boolean => a.length === b.length && a.every((h, k) => Math.abs(h[0] - b[k]![0]) < 0.5 && Math.abs(h[1] - b[k]![1]) < 0.5);
  const cut = sections.map((sec) => {
    const secLines = lines.slice(sec.start, sec.end).filter((_, k) => !titles.has(sec.start + k));
    // A section continued from the page before keeps its columns left of the header labels and
    // places the ones between the labels from this page's text.
    const hits = sec.hits ?? sec.carried?.hits ?? null;
    const body = lines.slice(sec.start, sec.end).filter((_, k) => !titles.has(sec.start + k) && !sec.header.has(sec.start + k));
    // (Not those of a header that stood alone at the foot of the page before: no row placed them.)
    const before = sec.carried ? (sec.carried.headerOnly ? undefined : sec.carried.bounds) : hits ? [...found].reverse().find((f) => sameLabels(f.hits, hits))?.between : undefined;
    const between = hits ? betweenLabels(secLines, hits, before) : [];
    if (hits) found.push({ hits, between });
    // (A header that stood alone at the foot of the page before showed no rows: this page's do.)
    const carried = sec.carried;
    // (Nor did one whose rows, too few to tell its label columns, showed nothing left of the
    // labels: a side label that the producer prints in the part of its merged cell on this page,
    // 绩效指 / 标 left of the level-1 names.)
    const fresh = !!carried && !carried.headerOnly && !carried.leftBounds.length && !sec.labelCols;
    const left = sec.hits ? labelOverText(body, leftOfLabels(secLines, sec.hits), between, sec.hits) : carried && (carried.headerOnly || fresh) ? leftOfLabels(secLines, carried.hits) : [...(carried?.leftBounds ?? [])];
    const bounds = hits ? [...left, ...between] : gapBounds(secLines, s);
    // Columns without a label, found here or (a page that goes on with the table, where the
    // rows may not show them) on the page before.
    const unlabelled = hits ? unlabelledColumns(body, bounds, hits) : [];
    if (sec.carried) {
      const em = bodyFontSize(secLines);
      unlabelled.push(...sec.carried.unlabelled.filter((x) => !bounds.some((b) => Math.abs(b - x) < em) && !unlabelled.some((b) => Math.abs(b - x) < em)));
    }
    bounds.push(...unlabelled);
    bounds.sort((x, y) => x - y);

    // (Columns found so left of what the page before carried shift its columns' numbers; they are
    // labels' columns.)
    const added = fresh ? left.length : 0;
    return { sec: added ? shiftColumns(sec, added) : sec, secLines, bounds, left, unlabelled, pieces: sectionPieces(lines, sec, bounds, titles, s, groupName, groupHead) };
  });
  // The pitch of wrapped text is set once for the page (a section may hold no wrapped cell),
  // or taken from the pages before when this one shows no wrap.
  const gaps = columnGapsEm(cut.flatMap((c) => [...c.pieces.byCol, ...groupByCol(c.pieces.header, c.bounds.length + 1)]));
  const seen = linePitchEm(gaps);
  // (Rows are the body's: a header's labels, wrapped and stacked beside side labels, show no padding.)
  const bodyGaps = columnGapsEm(cut.flatMap((c) => c.pieces.byCol));
  // A page that goes on with the table keeps the pitch the pages before showed (where its own rows
  // show another, cells of a character or two a line stacked tighter, they misread it); a page
  // that begins a table of its own under its title, above every section, shows its own (the tables
  // of one file may be set in other fonts, whose lines are spaced otherwise).
  const ownTable = titles.size > 0 && sections.length > 0 && Math.min(...titles) < sections[0]!.start;
  const pitchEm = seen === null ? (hints.pitchEm ?? 1.25) : hints.pitchEm === undefined || ownTable ? seen : hints.pitchEm;
  const pitch = pitchEm * bodyFontSize(lines);
  // Rows that add some space between their lines: lines of a column at the pitch are one cell's.
  const paddingEm = seen === null ? null : rowPaddingEm(bodyGaps, seen);
  const padding = paddingEm === null ? null : paddingEm * bodyFontSize(lines);
  // How cells are aligned vertically, from every section of the page and the pages before.
  const pageVotes: AlignVotes = { ...(hints.alignVotes ?? { middle: 0, top: 0, bottom: 0 }) };
  const labelSet = new Set((hints.cellLabels ?? []).map(compactText));
  const cellLabel = (text: string): boolean => labelSet.has(unnumbered(text));
  // The form's names and labels, one set for both passes: the votes are cast on the blocks the
  // rows are made of.
  const form = { cellLabel, groupName, groupRest, groupHead, groupKey: unpointed, groupsNamed };
  for (const { sec, bounds, pieces } of cut) {
    const v = sectionRows(page, lines, sec, bounds, pieces, pitch, padding, toDisplay, hints.hRules ?? [], [], { votesOnly: true, ...form }).votes;
    if (v) for (const a of ['middle', 'top', 'bottom'] as const) pageVotes[a] += v[a];
  }
  let carryOut: StreamCarry | null = null;
  for (const { sec, secLines, bounds, left, unlabelled, pieces } of cut) {
    const { labelCols, openGroups, cutRests } = sectionRows(page, lines, sec, bounds, pieces, pitch, padding, toDisplay, hints.hRules ?? [], out, { pageVotes, ...form });
    const hits = sec.hits ?? sec.carried?.hits;
    if (hits && sec.end === lines.length) {
      let x0 = Infinity, x1 = -Infinity;
      for (const l of secLines) { x0 = Math.min(x0, l.bbox[0]); x1 = Math.max(x1, l.bbox[2]); }
      const headerOnly = sec.hits !== null && lines.slice(sec.start, sec.end).every((_, k) => titles.has(sec.start + k) || sec.header.has(sec.start + k));
      carryOut = { hits, leftBounds: left, unlabelled, bounds, ...(labelCols ? { labelCols } : {}), ...(openGroups ? { openGroups } : {}), ...(cutRests ? { cutRests } : {}), x0, x1, pageWidth: hints.pageWidth ?? 0, ...(headerOnly ? { headerOnly } : {}) };
    }
  }
  if (titles.size && sections.length && Math.max(...titles) > sections[sections.length - 1].start) carryOut = null;
  return { rows: out, carry: carryOut, pitchEm: seen === null ? hints.pitchEm : pitchEm, alignVotes: pageVotes };
}

/** The most common font size of the lines (by characters). */
function bodyFontSize(lines: readonly TextLine[]): number {
  const weight = new Map<number, number>();
  for (const l of lines) for (const r of l.runs) {
    const k = Math.round(r.fontSize * 2) / 2;
    weight.set(k, (weight.get(k) ?? 0) + r.text.length);
  }
  let best = 10, bestW = -1;
  for (const [k, w] of weight) if (w > bestW) { best = k; bestW = w; }
  return best;
}

/** Splits a line where two runs are clearly apart: a wide gap, or any visible gap between CJK runs. */
function splitChunks(line: TextLine, s: PdfSettings): TextRun[][] {
  const out: TextRun[][] = [];
  let cur: TextRun[] = [];
  for (const r of line.runs) {
    const prev = cur[cur.length - 1];
    if (prev && isCellGap(prev, r, s)) {
      out.push(cur);
      cur = [];
    }
    cur.push(r);
  }
  if (cur.length) out.push(cur);
  return out;
}

/**
 * A run that is two header labels or more printed edge to edge (全年预算数全年执行数: each label
 * fills its column), cut into the labels; null if it is not (or is one label itself).
 */
function anchorsGlued(r: TextRun, anchors: readonly string[]): TextRun[] | null {
  const chars = Array.from(normalizeCjk(r.text));
  if (chars.length !== Array.from(r.text).length || chars.some((ch) => /\s/.test(ch))) return null;
  const text = chars.join('');
  if (anchors.includes(text)) return null;
  // The cuts that make the text whole labels, longest labels first (anchors come sorted so).
  const cut = (at: number): number[] | null => {
    if (at === chars.length) return [];
    for (const a of anchors) {
      const n = Array.from(a).length;
      if (n < 2 || chars.slice(at, at + n).join('') !== a) continue;
      const rest = cut(at + n);
      if (rest) return [at + n, ...rest];
    }
    return null;
  };
  const ends = cut(0);
  if (!ends || ends.length < 2) return null;
  const edges = charEdges(r);
  let from = 0;
  return ends.map((end) => {
    const piece: TextRun = { ...sliceRun(r, from, end, edges[from]!, edges[end]!), ...(from > 0 ? { cellStart: true } : {}) };
    from = end;
    return piece;
  });
}

/**
 * Lines with a header label's wrapped start cut off the text it was glued to (绩效指标(90一级指
 * over 标: a side label and the start of 一级指标 in one run), where the runs right under the start
 * complete the label. The start, two characters or more, is placed by character widths.
 */
function splitGluedLabelStarts(lines: readonly TextLine[], anchors: readonly string[]): readonly TextLine[] {
  const begins = (t: string): boolean => anchors.some((a) => a.startsWith(t));
  const completed = (li: number, start: TextRun): boolean => {
    let text = compactText(start.text), bottom = start.bbox[3];
    for (let k = li + 1; k < lines.length && lines[k]!.bbox[1] - bottom < start.fontSize; k++) {
      const under = lines[k]!.runs.filter((o) => o.bbox[0] < start.bbox[2] && o.bbox[2] > start.bbox[0]);
      if (under.length === 0) continue;
      const o = under[0]!;
      if (under.length > 1 || o.bbox[0] < start.bbox[0] - 0.5 * o.fontSize || o.bbox[2] > start.bbox[2] + 0.5 * o.fontSize) return false;
      text += compactText(o.text);
      bottom = o.bbox[3];
      if (anchors.includes(text)) return true;
      if (!begins(text)) return false;
    }
    return false;
  };
  return lines.map((l, li) => {
    let changed = false;
    const runs = l.runs.flatMap((r): TextRun[] => {
      if (r.angle !== 0) return [r];
      const parts = anchorsGlued(r, anchors);
      if (parts) { changed = true; return parts; }
      if (begins(compactText(r.text))) return [r];
      const chars = Array.from(r.text);
      const edges = charEdges(r);
      for (let i = 1; i + 2 <= chars.length; i++) {
        const tail = compactText(chars.slice(i).join(''));
        if (Array.from(tail).length < 2 || anchors.includes(tail) || !begins(tail)) continue;
        const start: TextRun = { ...sliceRun(r, i, chars.length, edges[i]!, r.bbox[2]), cellStart: true };
        if (!completed(li, start)) return [r];
        changed = true;
        return [sliceRun(r, 0, i, r.bbox[0], edges[i]!), start];
      }
      return [r];
    });
    return changed ? { ...l, runs } : l;
  });
}

/**
 * A cell label wrapped in its cell and centred on a row of one-line values (实施单位（盖 over 章）,
 * the department and the unit on the line between them): its two lines are read as one text on
 * that line, where the label printed whole would stand, so that the row's cells part around it.
 */
function centreWrappedLabels(lines: readonly TextLine[], labels: readonly string[]): readonly TextLine[] {
  if (!labels.length) return lines;
  const set = new Set(labels.map(compactText));
  const begins = (t: string): boolean => t !== '' && !set.has(t) && [...set].some((x) => x.length > t.length && x.startsWith(t));
  const out = lines.map((l) => ({ ...l, runs: [...l.runs] }));
  for (let i = 0; i < out.length; i++) {
    for (const r of [...out[i]!.runs]) {
      if (r.angle !== 0 || !begins(compactText(r.text))) continue;
      for (let k = i + 2; k < out.length && out[k]!.bbox[1] - r.bbox[3] < 1.5 * r.fontSize; k++) {
        const o = out[k]!.runs.find((x) => x.bbox[0] > r.bbox[0] - 1 && x.bbox[2] < r.bbox[2] + 1 && set.has(compactText(r.text + x.text)));
        if (!o) continue;
        // (Not where a text of two lines left of it stands on the label's lines, centred with it on
        // the row: the department over 局 beside 实施单位（盖 over 章）.)
        if ([out[i]!, out[k]!].some((l) => l.runs.some((x) => x !== r && x !== o && x.text.trim() !== '' && x.bbox[2] <= r.bbox[0] + 0.5))) break;
        // (The row's line halfway between the label's two, with text beside the label.)
        const mid = (centre(r.bbox) + centre(o.bbox)) / 2;
        const m = out.findIndex((l, j) => j > i && j < k && Math.abs(centreOf(l) - mid) < 0.3 * r.fontSize && l.runs.some((x) => x.bbox[2] <= r.bbox[0] || x.bbox[0] >= r.bbox[2]));
        if (m < 0) break;
        const row = out[m]!;
        const whole: TextRun = { ...r, text: r.text + o.text, bbox: [Math.min(r.bbox[0], o.bbox[0]), row.bbox[1], Math.max(r.bbox[2], o.bbox[2]), row.bbox[3]], restacked: true };
        out[i]!.runs.splice(out[i]!.runs.indexOf(r), 1);
        out[k]!.runs.splice(out[k]!.runs.indexOf(o), 1);
        row.runs.push(whole);
        row.runs.sort((a, b) => a.bbox[0] - b.bbox[0]);
        for (const l of [out[i]!, out[k]!]) if (l.runs.length) l.bbox = unionBox(l.runs.map((x) => x.bbox));
        break;
      }
    }
  }
  return out.filter((l) => l.runs.length > 0);
}

/**
 * Lines whose runs next to a cell label (a text that is a cell of its own) begin cells: labels
 * and values of rows without padding nearly touch ("项目资金(元)其中:当年财政拨款").
 */
function markCellLabels(lines: readonly TextLine[], labels: readonly string[]): readonly TextLine[] {
  if (!labels.length) return lines;
  const set = new Set(labels.map(compactText));
  // (A label may be numbered as an item of its section: 2.项目实施内容及过程概述.)
  const norm = unnumbered;
  const isWhole = (r: TextRun): boolean => set.has(norm(r.text));
  // A run that is a label whole (项目资金（万元）), or the first line of one wrapped (项目资金（万),
  // is not cut after a shorter label (项目资金).
  const isLabelStart = (r: TextRun): boolean => {
    const t = norm(r.text);
    if (t === '') return false;
    for (const l of set) if (l.startsWith(t)) return true;
    return false;
  };
  // A run that a label was joined into (the value touching it): cut after the label. A label
  // with a colon after it begins a sentence of a paragraph (改进措施：今后将…), not a cell.
  // (Also after the first line of a label wrapped in its cell whose rest stands right under that
  // line, within its extent: 年度目标完成情 over 况, the value touching the first line.)
  const cutLabel = (r: TextRun, li: number): TextRun[] => {
    if (r.angle !== 0 || isLabelStart(r)) return [r];
    const chars = Array.from(r.text);
    const edges = charEdges(r);
    const wrapped = (k: number): boolean => {
      const head = norm(chars.slice(0, k).join(''));
      if (Array.from(head).length < 2) return false;
      const rests = [...set].filter((x) => x.length > head.length && x.startsWith(head)).map((x) => x.slice(head.length));
      if (!rests.length) return false;
      for (let j = li + 1; j < lines.length && lines[j]!.bbox[1] - r.bbox[3] < r.fontSize; j++) {
        if (lines[j]!.runs.some((o) => o.bbox[0] > r.bbox[0] - 1 && o.bbox[2] < edges[k]! + 1 && rests.includes(norm(o.text)))) return true;
      }
      return false;
    };
    for (let k = chars.length - 1; k > 0; k--) {
      // (Nor does punctuation begin a value: 项目总体达到 / 预期目标。 ends a sentence.)
      if (/^[：:。，、；！？）」』”’.,;!?)]/u.test(chars[k]!)) continue;
      const head = norm(chars.slice(0, k).join(''));
      const wraps = wrapped(k);
      if (!wraps && !set.has(head)) continue;
      // (A label that is the start of a longer one, followed by a sentence, is a sentence's first
      // words: 项目资金支付进度较慢，预算执行率有待提高。 under 存在问题, not 项目资金 and its value;
      // unless a space parts them, as it parts two cells' texts: 项目年度目标 1.做好…。)
      if (!wraps && !/\s/.test(chars[k]!) && /[，。；]/.test(chars.slice(k).join('')) && [...set].some((x) => x.length > head.length && x.startsWith(head))) continue;
      return [{ ...r, text: chars.slice(0, k).join('').trimEnd(), bbox: [r.bbox[0], r.bbox[1], edges[k], r.bbox[3]] },
        { ...r, text: chars.slice(k).join('').trimStart(), bbox: [edges[k], r.bbox[1], r.bbox[2], r.bbox[3]], cellStart: true }];
    }
    return [r];
  };
  // A label that is also the first line of a longer one whose rest stands right under it
  // (实施单位 over （盖章）) is that longer label's first line, not a cell of its own.
  const restUnder = (li: number, r: TextRun): boolean => {
    for (let k = li + 1; k < lines.length && lines[k]!.bbox[1] - r.bbox[3] < r.fontSize; k++) {
      if (lines[k]!.runs.some((o) => Math.abs(o.bbox[0] - r.bbox[0]) < 1 && set.has(norm(r.text + o.text)))) return true;
    }
    return false;
  };
  // The first line of a label whose rest stands right under it, within its extent (实施单位（盖章
  // over a centred ）): a cell of its own as the whole label would be.
  const firstLine = (li: number, r: TextRun): boolean => {
    if (r.angle !== 0 || norm(r.text) === '' || !isLabelStart(r)) return false;
    for (let k = li + 1; k < lines.length && lines[k]!.bbox[1] - r.bbox[3] < r.fontSize; k++) {
      if (lines[k]!.runs.some((o) => o.bbox[0] > r.bbox[0] - 1 && o.bbox[2] < r.bbox[2] + 1 && set.has(norm(r.text + o.text)))) return true;
    }
    return false;
  };
  return lines.map((l, li) => {
    const split = l.runs.flatMap((r) => cutLabel(r, li));
    // Each run a label whole, or a label's first line: either begins a cell.
    const label = split.map((r) => isWhole(r) && !restUnder(li, r));
    const first = split.map((r, i) => !label[i] && firstLine(li, r));
    if (!label.some(Boolean) && !first.some(Boolean)) return l;
    const runs = split.map((r, i) => {
      const starts = i > 0 && !r.cellStart && (label[i] || first[i] || label[i - 1] || first[i - 1]);
      return starts || label[i] || first[i] ? { ...r, ...(starts ? { cellStart: true } : {}), ...(label[i] ? { wholeCell: true } : {}), ...(first[i] ? { labelStart: true } : {}) } : r;
    });
    return { ...l, runs };
  });
}

function isCellGap(a: TextRun, b: TextRun, s: PdfSettings): boolean {
  const gap = b.bbox[0] - a.bbox[2];
  const em = Math.max(a.fontSize, b.fontSize);
  // (A full-width bracket's advance may reach past the next text's start: 实施单位（盖章） then
  // its value, a point into it.)
  if (b.cellStart && gap > -Math.max(0.5, 0.15 * em)) return true;
  if (gap > s.chunkGapEm * em) return true;
  const ca = lastChar(a.text), cb = firstChar(b.text);
  // Figures are not words of a sentence: two apart by more than a space are two cells (narrow
  // number columns wrap "10.00" and "93.75" into pieces side by side, 10 | 93 over .0 | .7).
  return gap > CJK_CELL_GAP_EM * em && (isCjkChar(ca) || isCjkChar(cb) || (FIGURE_PIECE.test(a.text.trim()) && FIGURE_PIECE.test(b.text.trim())));
}

/** A figure or a piece of one (a wrapped "93.75" is 93 | .7 | 5), or a placeholder. */
const FIGURE_PIECE = /^(?:[-—–/]|[-+]?[\d.,]*\d[\d.,]*%?|\.)$/u;

function lastChar(t: string): string {
  const c = Array.from(t.trimEnd());
  return c.length ? c[c.length - 1] : ' ';
}
function firstChar(t: string): string {
  const c = t.trimStart();
  return c ? String.fromCodePoint(c.codePointAt(0)!) : ' ';
}

/** Index of the column holding x. */
function columnOf(bounds: readonly number[], x: number): number {
  let k = 0;
  while (k < bounds.length && x > bounds[k]) k++;
  return k;
}

/**
 * Two numbers of neighbouring cells drawn as one run without a space ("42.6794.82%"), cut where
 * both parts are numbers printed alike (as many decimals), or where the first prints as the
 * number before it on the line (`before`: 70.0 | 67.296.00% is 67.2 | 96.00%, a row's amounts
 * printing alike); a cut that does both first, then the cut nearest the column boundary.
 */
function splitGluedNumbers(r: TextRun, x: number, before?: string): [TextRun, TextRun] | null {
  const chars = Array.from(normalizeCjk(r.text));
  if (r.angle !== 0 || chars.length !== Array.from(r.text).length || !/^[\d.,%]+$/.test(chars.join(''))) return null;
  const NUM = /^(?:0|[1-9]\d{0,2}(?:,\d{3})+|[1-9]\d*)(?:\.(\d+))?%?$/;
  const edges = charEdges(r);
  // The number before it on the line, if any: the columns of a row's amounts print alike.
  const prior = before === undefined ? null : NUM.exec(normalizeCjk(before).trim());
  const priorDecimals = prior ? (prior[1]?.length ?? 0) : undefined;
  let best: [TextRun, TextRun] | null = null, bestD = Infinity, bestSupport = 0;
  for (let i = 1; i < chars.length; i++) {
    const a = NUM.exec(chars.slice(0, i).join('')), b = NUM.exec(chars.slice(i).join(''));
    if (!a || !b) continue;
    const support = ((a[1]?.length ?? 0) === (b[1]?.length ?? 0) ? 1 : 0) + ((a[1]?.length ?? 0) === priorDecimals ? 1 : 0);
    if (support === 0) continue;
    const d = Math.abs(edges[i] - x);
    if (d > 1.5 * r.fontSize || support < bestSupport || (support === bestSupport && d >= bestD)) continue;
    bestD = d;
    bestSupport = support;
    const raw = Array.from(r.text);
    best = [{ ...r, text: raw.slice(0, i).join(''), bbox: [r.bbox[0], r.bbox[1], edges[i], r.bbox[3]] }, { ...r, text: raw.slice(i).join(''), bbox: [edges[i], r.bbox[1], r.bbox[2], r.bbox[3]], cellStart: true }];
  }
  return best;
}

/**
 * Two paragraphs of neighbouring cells drawn as one run where a line of each nearly touches
 * (Writer: "…发放" then "全年已按计划…" 3 pt apart): cut at the character edge where a line next to
 * it begins a run (the right cell's left edge), the edge nearest the column boundary. That edge is
 * near the boundary: a start further off is a centred line's (标 of a wrapped label), not a column's.
 * `onlySeams`: only where a text item of the run begins, right on the start (0.3 pt). `upTo`: the
 * start may be anywhere from the boundary on, left of the next one (with `onlySeams`: two goal
 * paragraphs side by side whose header labels, centred, put the boundary far left of where the
 * right one's lines begin).
 */
function splitAtColumnStart(r: TextRun, x: number, starts: readonly number[], onlySeams = false, upTo?: number): [TextRun, TextRun] | null {
  const near = starts.filter((st) => st > r.bbox[0] + r.fontSize && st < r.bbox[2] - r.fontSize && (upTo !== undefined ? st > x - 0.5 && st < upTo : Math.abs(st - x) < 1.5 * r.fontSize));
  if (r.angle !== 0 || !near.length) return null;
  const st = near.reduce((a, b) => (Math.abs(b - x) < Math.abs(a - x) ? b : a));
  const edges = charEdges(r);
  // Where every character is a full em the edges are exact, and a cell's edge falls on one: a
  // line merely crossing where the lines beside begin a cell (a name over a merged value cell)
  // has its edges off by a fraction of a character. So are the edges where runs joined into this
  // one began (its seams), and one of them near the start is where the producer began the next
  // cell's text: right at the boundary, within the tolerance of an estimated edge; further off
  // (a paragraph's line drawn in pieces), only exactly there.
  const wide = Array.from(r.text).every(isWide);
  const seams = new Set(r.seams?.text === r.text ? r.seams.at.map(([k]) => k) : []);
  const atBound = Math.abs(st - x) < 0.5 * r.fontSize;
  const fits = (e: number, k: number): boolean => Math.abs(e - st) < (wide || (seams.has(k) && !atBound) ? 0.1 : 0.35) * r.fontSize;
  // (Never inside a figure where no figure begins: ≤5 | 00.00(元 where a line beside, a wrapped
  // target's /人次) centred in its cell, begins near the edge. Two figures glued, 2023年12月31 |
  // 2023年12, are cut between digits.)
  const chars = Array.from(r.text);
  const inFigure = (k: number): boolean => /[\d.,]/u.test(chars[k - 1] ?? '') && /[\d.,]/u.test(chars[k] ?? '') && (/^(?:0\d|[.,])/u.test(chars.slice(k, k + 2).join('')) || /[.,]/u.test(chars[k - 1]!));
  const fitting = edges.flatMap((e, k) => (onlySeams ? seams.has(k) && Math.abs(e - st) < 0.3 : fits(e, k)) && !inFigure(k) ? [k] : []);
  const i = fitting.find((k) => seams.has(k)) ?? fitting[0] ?? -1;
  if (i <= 0 || i >= edges.length - 1) return null;
  return cutAt(r, edges, i);
}

/**
 * A cut at the seam of a run nearest boundary b, within a sixth of an em of it (a third where the
 * run crosses that boundary alone), where digits meet
 * (11 月 30 | 2022 年 11: a wrapped date target filling its narrow cell and the next cell's date,
 * drawn as two texts a third of a point apart; one text never runs two figures together), or a
 * figure begins right after Han text.
 */
function splitAtFigureSeam(r: TextRun, b: number, hanToo: boolean): [TextRun, TextRun] | null {
  if (r.angle !== 0 || r.seams?.text !== r.text) return null;
  const chars = Array.from(r.text);
  // (Within half an em after a Han character with no space between, `hanToo`, in a run over one
  // boundary: 2023 年 10 月 31 日 | 2023 年 10 月完, where Writer's paragraph would have the space it
  // sets between Han and Latin. Calc sets none: 采购单价599 in a paragraph over many columns.)
  // (Digits meeting within a third of an em of it where the run crosses that boundary alone:
  // 2022 年 12 月 31 | 2022 年 12 月完, the boundary placed in the white beside the two cells.)
  const near = (k: number, sx: number): boolean => (/\d/u.test(chars[k - 1]!) ? Math.abs(sx - b) < r.fontSize / (hanToo ? 3 : 6) : hanToo && /\p{Script=Han}/u.test(chars[k - 1]!) && Math.abs(sx - b) < r.fontSize / 2);
  const seam = r.seams.at.filter(([k, sx]) => k > 0 && k < chars.length && /\d/u.test(chars[k]!) && near(k, sx))
    .sort((p, q) => Math.abs(p[1] - b) - Math.abs(q[1] - b))[0];
  return seam ? cutAt(r, charEdges(r), seam[0]) : null;
}

/** The seams of a run within a third of an em of x (half an em between two Han characters). */
function seamsNear(r: TextRun, x: number): (readonly [number, number])[] {
  if (r.angle !== 0 || r.seams?.text !== r.text) return [];
  const chars = Array.from(r.text);
  const han = (k: number): boolean => /\p{Script=Han}/u.test(chars[k - 1]!) && /\p{Script=Han}/u.test(chars[k]!);
  return r.seams.at.filter(([k, sx]) => k > 0 && k < chars.length && Math.abs(sx - x) < (han(k) ? 0.5 : 0.3) * r.fontSize);
}
/**
 * Whether a run crossing boundaries is cells' texts the producer drew apart: a text of it begins
 * near every boundary it crosses, and one of them right where a line beside begins a text after
 * another (Writer and Calc draw a paragraph's line in pieces too: pieces near the boundaries may
 * be chance).
 */
function seamsConfirmed(r: TextRun, bounds: readonly number[], starts: readonly number[]): boolean {
  const crossedBy = bounds.filter((x) => crossesAt(r, x));
  return crossedBy.every((x) => seamsNear(r, x).length > 0) &&
    crossedBy.some((x) => seamsNear(r, x).some(([, sx]) => starts.some((st) => Math.abs(st - sx) < 0.5)));
}
/**
 * Whether the space of a run nearest boundary b is the one a producer sets between Han and Latin
 * text (…准确率为 97.94%，…) in a line of a paragraph in a cell merged over columns: the line
 * (`whole`, of which `r` is what is left right of earlier cuts) runs through another boundary
 * inside its text, with no space there, and no line beside begins a text where the space ends
 * (`starts`, `edgeAt`). (Cells' texts drawn as one, 327.84 万元 317.55, have a space at each.)
 */
function autospaceAt(whole: TextRun, r: TextRun, b: number, bounds: readonly number[], starts: readonly number[], edgeAt: (x: number) => boolean): boolean {
  if (!bounds.some((o) => o !== b && crossesAt(whole, o) && !splitRunAt(whole, o, true))) return false;
  const parts = splitRunAt(r, b, true);
  if (!parts) return false;
  const [left, right] = parts;
  const x = right.bbox[0];
  return hanLatinSeam(left.text.trimEnd(), right.text.trimStart()) && !starts.some((st) => Math.abs(st - x) < 0.5) && !edgeAt(x);
}

/**
 * A cut at a space that is the one a producer sets between Han text and a figure the sentence goes
 * on after (服务对象满意率 97.25%。): no cut. (`after`: the text drawn right after the run, touching it.)
 */
function notInSentence(parts: [TextRun, TextRun] | null, after = ''): [TextRun, TextRun] | null {
  if (!parts) return null;
  const [a, b] = parts.map((p) => p.text.trim());
  return hanLatinSeam(a!, b!) && sentenceGoesOn(a!, b! + after) ? null : parts;
}

/**
 * Whether the text after a producer's space between Han text and a figure goes on with the
 * sentence: the figure, or the figure's unit after it (a character or two), and then punctuation
 * (…率为 | 97.25%。, …数量为 | 922台，, …数量 9 | 个；). A cell's text does not end so.
 */
function sentenceGoesOn(left: string, right: string): boolean {
  return /^[+-]?\d[\d.,]*%?\p{Script=Han}{0,2}[，。；;、]/u.test(right) || (/\d%?$/.test(left) && /^\p{Script=Han}{1,2}[，。；;、]/u.test(right));
}

/** Whether two texts meet where a producer sets its space between Han and Latin text (…率为 | 97.94%, 98% | 万元). */
function hanLatinSeam(left: string, right: string): boolean {
  return /\p{Script=Han}$/u.test(left) ? /^[A-Za-z0-9]/.test(right) : /[A-Za-z0-9%]$/.test(left) && /^\p{Script=Han}/u.test(right);
}

/**
 * A run that is one text twice (形成长效机制形成长效机制: a target and its actual value that fill
 * their cells, touching, drawn as one text) cut where the second begins, when that is within half
 * an em of boundary b.
 */
function splitTwins(r: TextRun, b: number): [TextRun, TextRun] | null {
  const chars = Array.from(r.text);
  const half = chars.length / 2;
  if (r.angle !== 0 || !Number.isInteger(half) || half < 2 || chars.slice(0, half).join('') !== chars.slice(half).join('') || /\s/.test(r.text)) return null;
  const edges = charEdges(r);
  return Math.abs(edges[half]! - b) < 0.5 * r.fontSize ? cutAt(r, edges, half) : null;
}

/** Whether boundary x falls inside run r, half an em from its ends. */
const crossesAt = (r: TextRun, x: number): boolean => x > r.bbox[0] + 0.5 * r.fontSize && x < r.bbox[2] - 0.5 * r.fontSize;

/**
 * A run joined from texts the producer drew apart, one of which begins right at a column boundary
 * (效益指标(30 | 社会效益指 | 政策宣传社会影: three cells without padding, each text touching the
 * next): cut there, where the run crosses two boundaries or more and `seamsConfirmed`. Where the
 * script changes, only closer to the boundary (a third of an em, else half).
 */
function splitAtSeam(r: TextRun, b: number): [TextRun, TextRun] | null {
  const at = seamsNear(r, b);
  if (!at.length) return null;
  const edges = charEdges(r);
  const [k] = at.reduce((p, q) => (Math.abs(q[1] - b) < Math.abs(p[1] - b) ? q : p));
  return cutAt(r, edges, k);
}

/**
 * The left edges at which the lines next to a line (a line pitch above or below) begin a run after
 * another run: the left edges of the cells beside, which a run of the line glued across goes over.
 */
function neighbourStarts(lines: readonly TextLine[], li: number, lo: number, hi: number): number[] {
  const l = lines[li];
  const size = Math.max(...l.runs.map((r) => r.fontSize));
  const y = (l.bbox[1] + l.bbox[3]) / 2;
  const out: number[] = [];
  for (let k = Math.max(lo, li - 4); k < Math.min(hi, li + 5); k++) {
    if (k === li) continue;
    const o = lines[k];
    if (Math.abs((o.bbox[1] + o.bbox[3]) / 2 - y) > 1.6 * size) continue;
    // (Not a text that goes on from the one before it, as close as the space a producer sets between
    // Han and Latin text: 区域 GDP | 增长, a line of a paragraph.)
    // (Where another line near begins a run there too, it is a column's edge: 本年度… | 497.00(元/套)…,
    // two paragraphs side by side, the right one's lines flush left.)
    const goesOn = (m: TextLine, j: number): boolean => {
      const q = m.runs[j]!;
      if (j === 0 || !(q.bbox[0] - m.runs[j - 1]!.bbox[2] < 0.5 * size && hanLatinSeam(m.runs[j - 1]!.text, q.text))) return false;
      return !lines.slice(Math.max(lo, li - 4), Math.min(hi, li + 5)).some((n) => n !== m && n.runs.some((o) => Math.abs(o.bbox[0] - q.bbox[0]) < 0.5));
    };
    o.runs.forEach((r, j) => { if (j > 0 && !r.restacked && !goesOn(o, j)) out.push(r.bbox[0]); });
    // A neighbour glued across the edge too shows it where one of its texts began right where a
    // line near it begins a text after another (two goal paragraphs side by side, touching on
    // two lines running).
    const seams = o.runs.flatMap((r) => (r.seams?.text === r.text ? r.seams.at.map(([, x]) => x) : []));
    if (!seams.length) continue;
    const near = lines.slice(lo, hi).filter((m) => m !== o && Math.abs(centre(m.bbox) - centre(o.bbox)) < 3.2 * size);
    // (Or where a line near it has a text begin at that place, white before it, inside a run glued
    // over the edge too: two paragraphs side by side, touching on every line, …中 | 本年度 and
    // …调研 | 年限.)
    const gapped = new Set(o.runs.flatMap(gappedSeams));
    for (const x of seams) if (near.some((m) => m.runs.some((q, j) => j > 0 && Math.abs(q.bbox[0] - x) < 0.5 && !goesOn(m, j)) || (gapped.has(x) && m.runs.some((q) => gappedSeams(q).some((y) => Math.abs(y - x) < 0.5))))) out.push(x);
  }
  return out;
}

/**
 * The places inside a run where a text of Han characters (and full-width marks) ended short of the
 * next one's start (an em a character: the white is exact only for Han text), each with its
 * character index and whether that text was Han characters alone: two cells' texts drawn as one.
 * A line of one paragraph drawn in pieces leaves no white between them.
 */
function whiteSeams(r: TextRun): Array<readonly [number, number, boolean, number]> {
  if (r.angle !== 0 || r.seams?.text !== r.text) return [];
  const chars = Array.from(r.text);
  const cuts = [[0, r.bbox[0]] as const, ...r.seams.at];
  const out: Array<readonly [number, number, boolean, number]> = [];
  for (let j = 1; j < cuts.length; j++) {
    const [k, sx] = cuts[j]!, [i, x0] = cuts[j - 1]!;
    if (k < 1 || k >= chars.length) continue;
    const before = chars.slice(i, k);
    const end = x0 + before.length * r.fontSize;
    if (before.every((ch) => /\p{Script=Han}|[，。；：、（）]/u.test(ch)) && sx - end >= 0.05 * r.fontSize) out.push([k, sx, before.every((ch) => /\p{Script=Han}/u.test(ch)), end]);
  }
  return out;
}

/**
 * A cut at a white seam (`whiteSeams`) whose white holds boundary b: the boundary was placed
 * between where one cell's text ends and the next one's begins (项目完成时 | 2023 年 6 月 30 日前完成,
 * a name and a target each filling its cell, drawn half a point apart).
 */
function splitInWhite(r: TextRun, b: number): [TextRun, TextRun] | null {
  const seam = whiteSeams(r).find(([k, sx, han, end]) => han && k >= 2 && end <= b + 0.1 && sx >= b - 0.1);
  return seam ? cutAt(r, charEdges(r), seam[0]) : null;
}

/** The x of each of a run's seams after white (`whiteSeams`). */
const gappedSeams = (r: TextRun): number[] => whiteSeams(r).map(([, sx]) => sx);

/**
 * Whether a run's text runs on through boundary b as a paragraph's line: a line of its paragraph
 * above or under it (begun where it begins, a line pitch from the next, up to three lines off: the
 * line next to a paragraph's last may be a short one that ends the one before) crosses b inside
 * its text (no space there). Its own space or gap at b is then a gap within the text (Writer's
 * autospace between Han and Latin: 及 APP 的, 视导 100 人次), not a cell's edge: a paragraph in a
 * cell merged over those columns.
 */
function paragraphThrough(lines: readonly TextLine[], li: number, lo: number, hi: number, r: TextRun, b: number): boolean {
  const em = r.fontSize;
  for (const step of [-1, 1]) {
    let y = centre(r.bbox);
    for (let k = li + step, n = 0; k >= lo && k < hi && n < 3; k += step) {
      const dy = Math.abs(centre(lines[k].bbox) - y);
      // (A line between, a cell centred beside the paragraph's lines, is passed over: one that
      // holds nothing over the run's extent, 年度目标完成情况 half a pitch down beside the goal.)
      if (dy < 0.6 * em || !lines[k]!.runs.some((x) => x.bbox[2] > r.bbox[0] && x.bbox[0] < r.bbox[2])) continue;
      if (dy > 1.6 * em) break;
      const o = lines[k].runs.find((x) => x.angle === 0 && Math.abs(x.bbox[0] - r.bbox[0]) <= 0.5 * em);
      if (!o) break;
      // (Not a line cut there where a comparison sign begins on the boundary: 问题响应时间 | ≤1.00(个
      // 工作日), two cells' texts touching.)
      if (o.bbox[0] <= b - em && o.bbox[2] >= b + em && /\p{Script=Han}/u.test(o.text) && !splitRunAt(o, b, true) && !splitAtSignOnEdge(o, b)) return true;
      y = centre(lines[k].bbox);
      n++;
    }
  }
  return false;
}

/**
 * The left edges of left-aligned columns whose cells have no padding, by the boundary on their
 * left: just right of a column boundary, where three lines of the section or more begin a run,
 * and where texts of the column on the left end, so the two columns' texts touch.
 */
function alignedStarts(lines: readonly TextLine[], bounds: readonly number[]): Map<number, number> {
  const runs = lines.flatMap((l) => l.runs).filter((r) => r.angle === 0);
  const xs = runs.map((r) => r.bbox[0]).sort((p, q) => p - q);
  const size = bodyFontSize(lines);
  const out = new Map<number, number>();
  for (const b of bounds) {
    const near = xs.filter((x) => x > b - 0.6 * size && x < b + 1.5 * size);
    let best = -1, bestN = 0;
    for (let i = 0; i < near.length; i++) {
      let n = 0;
      for (let j = i; j < near.length && near[j] - near[i] < 0.3 * size; j++) n++;
      if (n > bestN) [best, bestN] = [near[i], n];
    }
    // Texts of the left column that run up to the edge: ending at it, or glued over it with a
    // character edge right on it. One such text may be chance; two show cells without padding, and
    // so does one beside an edge that four lines or more begin at.
    const touching = runs.filter((r) => r.bbox[0] < best - r.fontSize && (
      (r.bbox[2] > best - 0.3 * r.fontSize && r.bbox[2] < best + 0.1 * r.fontSize) ||
      (r.bbox[2] > best + 0.5 * r.fontSize && charEdges(r).some((e) => Math.abs(e - best) < 0.1 * r.fontSize))));
    if ((bestN >= 3 && touching.length >= 2) || (bestN >= 4 && touching.length === 1)) out.set(b, best);
  }
  return out;
}

/**
 * A text filling its cell glued to the next cell's (a level-2 name as wide as its column, then the
 * level-3 name, no line beside to show the edge): cut at the character edge that falls on the right
 * column's own left edge, when the row has more cells right of it. Both parts hold two characters
 * or more: a label merged over the two columns, wrapped (评分等 / 级), may have a character edge
 * there by chance; so may a line of a cell merged to the table's right end (实施内容, 评价结论),
 * whose characters sit on the same grid as the columns' lines.
 */
function splitAtAlignedStart(r: TextRun, b: number, aligned: ReadonlyMap<number, number>): [TextRun, TextRun] | null {
  const x = aligned.get(b);
  if (x === undefined || r.angle !== 0) return null;
  const edges = charEdges(r);
  const chars = Array.from(r.text);
  const i = edges.findIndex((e) => Math.abs(e - x) < 0.15 * r.fontSize);
  if (i < 2 || i > chars.length - 2) return null;
  return cutAt(r, edges, i);
}

/**
 * A run glued over two boundaries or more (a label filling its cell, then the next cell's text)
 * where the producer began a text right on a column's own left edge (`alignedStarts`): cut there.
 */
function splitAtAlignedSeam(r: TextRun, b: number, aligned: ReadonlyMap<number, number>): [TextRun, TextRun] | null {
  const x = aligned.get(b);
  if (x === undefined || r.angle !== 0 || r.seams?.text !== r.text) return null;
  const seam = r.seams.at.find(([k, sx]) => k >= 2 && k <= Array.from(r.text).length - 2 && Math.abs(sx - x) < 0.3);
  return seam ? cutAt(r, charEdges(r), seam[0]) : null;
}

/**
 * A run joined over a boundary from two texts of Han characters with white between them, where
 * the second begins right on the column's own left edge (`alignedStarts`): a label filling its
 * narrow cell and the next cell's text, however short (可持续影响指 | 限, the last line of a
 * wrapped name). A line of one paragraph drawn in pieces leaves no white between them: each piece
 * begins where the one before ends. The white is exact only for Han text (an em a character).
 */
function splitAtGappedSeam(r: TextRun, b: number, aligned: ReadonlyMap<number, number>): [TextRun, TextRun] | null {
  const x = aligned.get(b);
  if (x === undefined) return null;
  const chars = Array.from(r.text);
  const seam = whiteSeams(r).find(([k, sx, han]) => Math.abs(sx - x) < 0.3 && k >= 2 && han && /\p{Script=Han}/u.test(chars[k]!));
  return seam ? cutAt(r, charEdges(r), seam[0]) : null;
}

/**
 * A run joined over a boundary from two texts, the first the first part of a group's name a wrap
 * cut (经济效益指 of 经济效益指 / 标, filling its narrow cell), the second beginning right on the
 * column's own left edge (`alignedStarts`), however short (金, the last line of the wrapped level-3
 * name beside, touching it: no white).
 */
function splitAfterNameHead(r: TextRun, b: number, aligned: ReadonlyMap<number, number>, head: (text: string) => boolean): [TextRun, TextRun] | null {
  const x = aligned.get(b);
  if (x === undefined || r.angle !== 0 || r.seams?.text !== r.text) return null;
  const chars = Array.from(r.text);
  const seam = r.seams.at.find(([k, sx]) => k >= 2 && k < chars.length && Math.abs(sx - x) < 0.3 && head(chars.slice(0, k).join('')) && /\p{Script=Han}/u.test(chars[k]!));
  return seam ? cutAt(r, charEdges(r), seam[0]) : null;
}

/** Punctuation of sentences, never in a target cell (≥8080（人次）, ≤1500元/套). */
const PROSE_PUNCT = /[。；，;]/u;

/**
 * A cut where a comparison sign begins right on the boundary, after Han text (卫生监督检查人次 |
 * ≥8080（人次）: a name filling its cell to the edge, the next cell's centred target touching it).
 * "On" is within 0.3 em: a boundary the header labels put between two columns may stand a few
 * points off the edge of cells set with no padding (平台账户采购单 | ≤1500元/ 2 points before it).
 * A sign whose text runs on into a sentence's punctuation (…确保安全事故发生率≤100%。 of a goal
 * wider than its column) begins no cell.
 */
function splitAtSignOnEdge(r: TextRun, b: number): [TextRun, TextRun] | null {
  const chars = Array.from(r.text);
  const edges = charEdges(r);
  for (let k = 1; k < chars.length; k++) {
    if (Math.abs(edges[k]! - b) < 0.3 * r.fontSize && /^[≥≤=＝<>]$/u.test(chars[k]!) && /\p{Script=Han}/u.test(chars[k - 1]!) && !PROSE_PUNCT.test(chars.slice(k).join(''))) return cutAt(r, edges, k);
  }
  return null;
}

/**
 * A cut whose right part may begin a cell's text: not with a mark (项目负责人 | ：林宇丽, a signature
 * line under the table whose colon's edge falls on a column's left edge by chance).
 */
function cellTextStart(parts: [TextRun, TextRun] | null): [TextRun, TextRun] | null {
  return parts && /^[\p{Script=Han}A-Za-z0-9]/u.test(parts[1].text) ? parts : null;
}

/**
 * A cut whose left part is a name the form gives its row groups (社会效益指标 | 申请人就, the line's
 * last text): a label filling its cell, glued to the next cell's line. (A line's last text may be a
 * paragraph of a cell merged to the table's end, which a column's edge falls in by chance.)
 */
function namedStart(parts: [TextRun, TextRun] | null, named: (text: string) => boolean): [TextRun, TextRun] | null {
  return parts && named(parts[0].text) ? parts : null;
}

/**
 * A run with a space after a name the form gives its row groups (满意度指标(10分) | 服务对象满, a
 * level-1 label touching the first line of the level-2 label beside it), the space within an em
 * and a half of the boundary: cut at that space. The header labels show where the boundary is
 * only roughly; the name shows where its cell ends.
 */
function splitAfterName(r: TextRun, b: number, named: (text: string) => boolean): [TextRun, TextRun] | null {
  if (r.angle !== 0) return null;
  const chars = Array.from(r.text);
  const edges = charEdges(r);
  for (let i = 1; i < chars.length - 1; i++) {
    if (chars[i] !== ' ' && chars[i] !== '\u3000') continue;
    if (Math.abs((edges[i]! + edges[i + 1]!) / 2 - b) > 1.5 * r.fontSize || !named(chars.slice(0, i).join('').trim())) continue;
    const right = chars.slice(i + 1).join('').trimStart();
    if (right === '') return null;
    return [sliceRun(r, 0, i, r.bbox[0], edges[i]!), { ...sliceRun(r, i + 1, chars.length, edges[i + 1]!, r.bbox[2]), cellStart: true }];
  }
  return null;
}

/** A run cut before its i-th character: the right part begins a cell. Each part keeps its seams. */
function cutAt(r: TextRun, edges: readonly number[], i: number): [TextRun, TextRun] {
  const n = Array.from(r.text).length;
  return [sliceRun(r, 0, i, r.bbox[0], edges[i]!), { ...sliceRun(r, i, n, edges[i]!, r.bbox[2]), cellStart: true }];
}

/**
 * Cuts a line into pieces: at a column boundary that falls into a gap between runs, or inside a
 * run glued over it where the text shows the cell edge (a space, two numbers, a neighbour's or
 * the column's left edge), and at any gap that separates cells on its own. `through`: whether a
 * run's paragraph runs on through a boundary; `edgeAt`: whether other lines begin a text at x.
 */
function cutLine(line: TextLine, li: number, bounds: readonly number[], s: PdfSettings, starts: readonly number[] = [], aligned: ReadonlyMap<number, number> = new Map(), through: (r: TextRun, b: number) => boolean = () => false, edgeAt: (x: number) => boolean = () => true, named: (text: string) => boolean = () => false, head: (text: string) => boolean = () => false): Piece[] {
  // First split runs whose text has a space right at a boundary (two cells in one run).
  const runs: TextRun[] = [];
  const last = line.runs[line.runs.length - 1];
  line.runs.forEach((r, ri) => {
    let cur: TextRun | null = r;
    const next = line.runs[ri + 1];
    const after = next && next.bbox[0] - r.bbox[2] < 0.5 * r.fontSize ? next.text.trim() : '';
    // A line of a paragraph in a cell merged over many columns ("99.69 分，评价等") is one cell.
    const crossed = bounds.filter((b) => b > r.bbox[0] + 0.5 * r.fontSize && b < r.bbox[2] - 0.5 * r.fontSize && !ownLeftEdge(r.bbox, r.fontSize, b)).length;
    if (crossed > 2) {
      runs.push(r);
      return;
    }
    for (const b of bounds) {
      if (!cur || b <= cur.bbox[0] + 0.5 * cur.fontSize || b >= cur.bbox[2] - 0.5 * cur.fontSize) continue;
      // Glued text is cut at a cell's edge only where it goes over one boundary: a line over
      // more is a merged cell's (a label and its value over the columns right of it).
      // (Over more boundaries, only where the producer began the next text right where a line
      // beside begins one, or began a text at each boundary (`seamsConfirmed`), or right on a
      // column's own left edge, the text not being the last of its line: `splitAtAlignedSeam`.
      // Over two, a text not the last of its line is cut also where a character edge falls on a
      // column's own left edge (效益指标(30 分)可持续影响指标 | 系统持续运行, three cells drawn
      // as one text, no seam): `splitAtAlignedStart`, where the right part may begin a cell.)
      // (Over one, also on that edge where the line's last text begins with a group's name
      // (`namedStart`), where white parts two Han texts there (`splitAtGappedSeam`), at a space
      // after a group's name near the boundary (`splitAfterName`), where a text begins on the
      // column's own left edge right after a group name's first part (`splitAfterNameHead`),
      // where a text item begins right where a line beside begins a text, right of the boundary
      // (`splitAtColumnStart`; not where a line of the run's paragraph runs on through the
      // boundary, `through`), where the run is one text twice, the second beginning at the
      // boundary (`splitTwins`), and where a comparison sign begins on the boundary after Han text
      // (`splitAtSignOnEdge`; not in a paragraph's line, `through`: 确保新增健身步道数=60处；…).)
      const parts: [TextRun, TextRun] | null = (through(r, b) || (crossed >= 2 && autospaceAt(r, cur, b, bounds, starts, edgeAt)) ? null : notInSentence(splitRunAt(cur, b, true), after)) ?? splitGluedNumbers(cur, b, runs[runs.length - 1]?.text) ?? splitInWhite(cur, b) ?? splitAtFigureSeam(cur, b, crossed === 1) ??
        (crossed === 1 ? (through(r, b) ? null : splitAtColumnStart(cur, b, starts)) ?? splitTwins(cur, b) ?? (r !== last ? splitAtAlignedStart(cur, b, aligned) : namedStart(splitAtAlignedStart(cur, b, aligned), named)) ?? splitAtGappedSeam(cur, b, aligned) ?? splitAfterNameHead(cur, b, aligned, head) ?? splitAfterName(cur, b, named) ?? splitAtColumnStart(cur, b, starts, true, bounds[bounds.indexOf(b) + 1] ?? Infinity) ?? (through(r, b) ? null : splitAtSignOnEdge(cur, b)) : splitAtColumnStart(cur, b, starts, true)) ??
        (crossed >= 2 && seamsConfirmed(r, bounds, starts) ? splitAtSeam(cur, b) : null) ??
        (crossed >= 2 && r !== last ? splitAtAlignedSeam(cur, b, aligned) : null) ??
        (crossed === 2 && r !== last ? cellTextStart(splitAtAlignedStart(cur, b, aligned)) : null);
      if (!parts) continue;
      runs.push(parts[0]);
      cur = parts[1];
    }
    if (cur) runs.push(cur);
  });
  const groups: TextRun[][] = [];
  let cur: TextRun[] = [];
  for (const r of runs) {
    const prev = cur[cur.length - 1];
    if (prev) {
      const slack = 0.5 * Math.max(prev.fontSize, r.fontSize);
      // (Texts that touch part at a column's own left edge where cells have no padding: 经济效益指 | 金,
      // a level-2 label and the last character of the level-3 name beside it.)
      // (Not at the space a producer puts between Han and Latin text, where the line is a paragraph's
      // running through the boundary: 视导 | 100 | 人次; unless other lines begin a text there, a
      // cell's edge: APP | 检定 and 优 | 96%, two paragraphs side by side.)
      const autospace = r.bbox[0] - prev.bbox[2] < 0.5 * r.fontSize && hanLatinSeam(prev.text, r.text) &&
        !starts.some((x) => Math.abs(x - r.bbox[0]) < 0.5) && !edgeAt(r.bbox[0]);
      // (Texts that touch right at a boundary, set on baselines apart, are two cells' texts centred
      // apart: 服务对象满 | 用户满意度.)
      const apart = Math.abs(centre(r.bbox) - centre(prev.bbox)) > 0.1 * r.fontSize && bounds.some((b) => Math.abs(b - r.bbox[0]) < 0.15 * r.fontSize && Math.abs(b - prev.bbox[2]) < 0.15 * r.fontSize);
      // (Texts that overlap, a text beginning near a boundary before the one on its left ends, are
      // two cells' texts: a paragraph filling its cell, its last full-width bracket set half wide,
      // and the next cell's paragraph. The texts of one paragraph abut.)
      // (Punctuation that ends a sentence, set half wide after a quote, begins no cell: ”。)
      const collide = prev.bbox[2] - r.bbox[0] > 0.5 && !/^[。，、；：！？）」』”’.,;:!?)]/u.test(r.text) && bounds.some((b) => Math.abs(b - r.bbox[0]) < 0.5 * r.fontSize && b > prev.bbox[0] + r.fontSize);
      // (Nor at that space where the number runs on into a sentence, 群众投诉下降率为 | 98%，参加…:
      // a one-line paragraph has no other line to show it runs through.)
      const sentence = autospace && sentenceGoesOn(prev.text, r.text);
      // (Texts on a column's own left edge (`aligned`) begin a cell where they touch the text before
      // or have white before them: 社会效益指标 | 户籍人口服务, a level-2 name run past its column's
      // boundary, a third of an em from the next.)
      const atBound = apart || collide || (r.bbox[0] - prev.bbox[2] > 0.3 && bounds.some((b) => b >= prev.bbox[2] - slack && b <= r.bbox[0] + slack && !(autospace && (sentence || through(cur[0]!, b))))) ||
        [...aligned.values()].some((x) => Math.abs(r.bbox[0] - x) < 0.15 * r.fontSize && (Math.abs(prev.bbox[2] - x) < 0.15 * r.fontSize || (!autospace && x - prev.bbox[2] > 0.2 * r.fontSize)));
      if (atBound || isCellGap(prev, r, s)) {
        groups.push(cur);
        cur = [];
      }
    }
    cur.push(r);
  }
  if (cur.length) groups.push(cur);
  const boxes = groups.map((g) => unionBox(g.map((r) => r.bbox)));
  const sizes = groups.map((g) => Math.max(...g.map((r) => r.fontSize)));
  const ats = boxes.map((bbox, k) => columnOf(bounds, bbox[0] + Math.min(0.5 * sizes[k]!, (bbox[2] - bbox[0]) / 2)));
  return groups.map((g, k): Piece => {
    const bbox = boxes[k]!, fontSize = sizes[k]!, at = ats[k]!;
    // A text that begins just left of a boundary and ends at the next one (within three quarters
    // of an em either side) fills the cell right of the first boundary from edge to edge, unless
    // another text of the line is in that cell. (A name or label does; a number is set right or
    // centred in its cell, and one beginning there is wider than its column's other lines.)
    const fills = at + 1 < bounds.length && /\p{Script=Han}/u.test(g.map((r) => r.text).join('')) && ownLeftEdge(bbox, fontSize, bounds[at]) && bbox[2] < bounds[at + 1] + 0.75 * fontSize && !ats.includes(at + 1);
    const col = fills ? at + 1 : at;
    const spans = col < bounds.length && bbox[2] > bounds[col] + 0.5 * fontSize;
    return { runs: g, bbox, fontSize, line: li, col, spans };
  });
}

/**
 * Whether boundary b, inferred from the gaps between texts, is in truth the left edge of a text
 * that begins just left of it (within three quarters of an em) and runs on two ems or more past it:
 * a text filling its cell from its very edge (服务对象满意度指 in a narrow level-2 column), not a
 * text of the column on the left, which begins at that column's own edge or centred in it.
 */
function ownLeftEdge(bbox: BBox, fontSize: number, b: number): boolean {
  return bbox[0] < b && bbox[0] > b - 0.75 * fontSize && bbox[2] > b + 2 * fontSize;
}

/**
 * A line centred in its cell and wider than the gaps of the other lines show the column to be (a
 * date as target, 2022年10月31日前完成) begins left of the boundary they give, in the column on the
 * left. There it begins right of where every line of that column begins (three at least), and
 * most of it lies past the boundary, in the column right of it, whose edge it does not pass: it
 * is that column's.
 */
function movePastBound(byCol: Piece[][], bounds: readonly number[]): void {
  for (let c = 0; c + 1 < bounds.length; c++) {
    const b = bounds[c]!, next = bounds[c + 1]!;
    const moved = byCol[c]!.filter((p) => {
      if (!p.spans || p.bbox[2] > next + 0.5 * p.fontSize || p.runs.some((r) => labelWithValue(r.text))) return false;
      // Begun right of where every line of its column begins, within two ems of the boundary, most
      // of it past the boundary.
      const others = byCol[c]!.filter((o) => o !== p && !o.spans);
      return (p.bbox[0] + p.bbox[2]) / 2 > b && p.bbox[0] > b - 2 * p.fontSize && others.length >= 3 && others.every((o) => o.bbox[0] < p.bbox[0] - p.fontSize);
    });
    if (!moved.length) continue;
    byCol[c] = byCol[c]!.filter((p) => !moved.includes(p));
    for (const p of moved) byCol[c + 1]!.push({ ...p, col: c + 1, spans: false });
  }
}

/**
 * Figures set right in their cells, flush with a figure of the column on the left, that begin past
 * the boundary the header's labels put there (11.08 over 9.86 and 1.22, right-aligned under
 * 预算执行数, the narrower two beginning right of the midpoint to 预算执 / 行率): they belong to
 * the column on the left where they end before any other text of the column they fell into begins.
 */
function moveBackFlushRight(byCol: Piece[][], bounds: readonly number[]): void {
  for (let c = 0; c + 1 < byCol.length && c < bounds.length; c++) {
    const b = bounds[c]!;
    const flush = byCol[c]!.filter(isNumberPiece).map((o) => o.bbox[2]);
    if (!flush.length) continue;
    const flushed = byCol[c + 1]!.filter((p) => !p.spans && isNumberPiece(p) && p.bbox[0] <= b + p.fontSize && flush.some((x) => Math.abs(x - p.bbox[2]) < 0.3));
    const starts = byCol[c + 1]!.filter((o) => !o.spans && !flushed.includes(o)).map((o) => o.bbox[0]);
    const moved = starts.length ? flushed.filter((p) => p.bbox[2] < Math.min(...starts) - 0.1 * p.fontSize) : [];
    if (!moved.length) continue;
    byCol[c + 1] = byCol[c + 1]!.filter((p) => !moved.includes(p));
    for (const p of moved) byCol[c]!.push({ ...p, col: c });
  }
}

/**
 * The wrapped rest of a line that spans column edges (a label cell merged over two columns, 评分等
 * over 级) sits under it, within it and centred or begun as it is; alone on its line in the
 * spanning piece's column, it may fall into the next column by its position. It belongs with the
 * line above.
 */
function joinSpanningWraps(byCol: Piece[][]): void {
  for (let c = 0; c < byCol.length; c++) {
    // A named cell label is a whole cell: nothing continues it.
    for (const p of byCol[c].filter((x) => x.spans && !x.runs.some((r) => r.wholeCell))) {
      const tol = 0.3 * p.fontSize;
      for (let d = c + 1; d < byCol.length; d++) {
        const i = byCol[d].findIndex((q) => {
          const dy = centre(q.bbox) - centre(p.bbox);
          if (dy < 0.5 * p.fontSize || dy > 1.5 * p.fontSize || q.runs.some((r) => r.wholeCell) || q.bbox[0] < p.bbox[0] - tol || q.bbox[2] > p.bbox[2] + tol) return false;
          const centred = Math.abs(q.bbox[0] + q.bbox[2] - p.bbox[0] - p.bbox[2]) / 2 < tol;
          return (centred || Math.abs(q.bbox[0] - p.bbox[0]) < tol) && !byCol[c].some((o) => o !== p && Math.abs(centre(o.bbox) - centre(q.bbox)) < 0.5 * q.fontSize);
        });
        if (i < 0) continue;
        const [q] = byCol[d].splice(i, 1);
        byCol[c].push({ ...q, col: c, spans: true });
        byCol[c].sort((a, b) => a.bbox[1] - b.bbox[1] || a.bbox[0] - b.bbox[0]);
        break;
      }
    }
  }
}

function groupByCol(ps: readonly Piece[], ncols: number): Piece[][] {
  const out: Piece[][] = Array.from({ length: ncols }, () => []);
  for (const p of ps) out[p.col].push(p);
  return out;
}

/** A number a narrow cell cut right after its point (100. over 00): a number still. */
const CUT_AT_POINT = /^\d+\.$/;
const HAN = /^\p{Script=Han}$/u;
const HAN_START = /^\p{Script=Han}/u;
/** Brackets and colons in full width. */
const fullWidth = (t: string): string => t.replace(/\(/g, '（').replace(/\)/g, '）').replace(/:/g, '：');
/** A piece of a label's points wrapped onto a line of its own: (90, 分), (10分). */
const POINTS_PIECE = /^(?:[(（]\d+(?:分[)）]?)?|\d*分[)）])$/u;
/** A line of a label printed down a narrow column: one to three Han characters. */
const SHORT_HAN = /^\p{Script=Han}{1,3}$/u;
/** The room (in ems) short of a column's edge a line of Han characters may end and still be full. */
const HAN_FIT_EM = 0.95;
// A line's start that line breaking would not leave at the end of the line above: a character
// with the closing mark after it, or an opening mark.
const BREAKS_BACK = /^(?:[^\s，。、；：！？）》」』”’,.;:!?)]{1}[，。、；：！？）》」』”’,;:!?)]|[（《「『“‘(])/u;
const isNumberPiece = (p: Piece): boolean => {
  const t = normalizeCjk(lineText(p));
  return FIGURE.test(t) || PLACEHOLDER.test(t);
};
const centre = (b: BBox): number => (b[1] + b[3]) / 2;
/**
 * Whether a text is a label and its value after a colon (填报人：某某, 项目负责人：某某): a line of its
 * own under the table, in no column, whatever column its position gives it.
 */
const labelWithValue = (text: string): boolean => /[：:]/.test(text);

/** Whether two pieces of text stand on one line: their middles a quarter of an em apart at most. */
const onLineOf = (o: Piece, p: Piece): boolean => Math.abs(centre(o.bbox) - centre(p.bbox)) < 0.25 * Math.max(o.fontSize, p.fontSize);
const decimalsOf = (p: Piece): number => /\.(\d*)%?$/.exec(normalizeCjk(lineText(p)))?.[1]?.length ?? -1;

/**
 * Whether a number continues on the next line of its cell: it has a decimal point but fewer
 * decimals than the column prints, and the next line holds only the missing digits.
 */
function numberWraps(upper: Piece, lower: Piece, columnDecimals: number): boolean {
  const d = decimalsOf(upper);
  const rest = normalizeCjk(lineText(lower));
  return d >= 0 && d < columnDecimals && /^\d+%?$/.test(rest) && rest.replace('%', '').length <= columnDecimals - d;
}

/** True when a horizontal rule separates y0 < y1 over the x range [x0, x1]. */
function ruleBetween(rules: readonly Rule[], y0: number, y1: number, x0: number, x1: number): boolean {
  for (const r of rules) {
    if (r.pos > y0 && r.pos < y1 && r.start <= x0 + 1 && r.end >= x1 - 1) return true;
  }
  return false;
}

/**
 * The distances in em between the centres of each two lines of one column that follow one
 * another and overlap horizontally, in one font size.
 */
function columnGapsEm(byCol: readonly Piece[][]): number[] {
  const gaps: number[] = [];
  for (const ps of byCol) {
    const sorted = [...ps].sort((a, b) => centre(a.bbox) - centre(b.bbox));
    for (let i = 1; i < sorted.length; i++) {
      const b = sorted[i];
      // The nearest line above that overlaps this one horizontally.
      for (let k = i - 1; k >= 0; k--) {
        const a = sorted[k];
        if (a.bbox[2] <= b.bbox[0] || a.bbox[0] >= b.bbox[2]) continue;
        if (Math.abs(a.fontSize - b.fontSize) < 0.5) gaps.push((centre(b.bbox) - centre(a.bbox)) / Math.max(a.fontSize, b.fontSize));
        break;
      }
    }
  }
  return gaps;
}

/**
 * The pitch of wrapped text, in em: the smallest distance between two lines of one column. Rows
 * are never closer than the lines of a wrapped cell (a row adds its padding), so the smallest
 * pitch is a wrap's whenever the text wraps at all. Null when no column has two such lines.
 */
function linePitchEm(gaps: readonly number[]): number | null {
  const over = gaps.filter((g) => g > 0.8);
  return over.length ? Math.min(...over) : null;
}

/**
 * What rows add between their lines (cell padding and rules), in em, where it is clear: two lines
 * of one column in two rows are at least the pitch and that apart, whatever the cells' alignment,
 * and the tallest cells of two rows show it exactly. The smallest excess over the pitch that two
 * gaps show alike, a tenth of an em or more (less may be a font's own offset) and under a third
 * of the pitch (a one-line cell centred beside two lines is half a pitch off); null when none.
 */
function rowPaddingEm(gaps: readonly number[], pitchEm: number): number | null {
  const excess = gaps.map((g) => g - pitchEm).filter((d) => d > 0.03).sort((a, b) => a - b);
  for (let i = 0; i + 1 < excess.length; i++) {
    if (excess[i] > 0.3 * pitchEm) break;
    if (excess[i + 1] - excess[i] < 0.02) return excess[i] >= 0.1 ? excess[i] : null;
  }
  return null;
}

interface SectionPieces {
  header: Piece[];
  byCol: Piece[][];
  x0: number;
  x1: number;
}

/** Cuts the lines of a section into pieces: the header row's, and each column's (top to bottom). */
function sectionPieces(lines: readonly TextLine[], sec: Section, bounds: readonly number[], titles: ReadonlySet<number>, s: PdfSettings, named: (text: string) => boolean = () => false, head: (text: string) => boolean = () => false): SectionPieces {
  const header: Piece[] = [];
  const byCol: Piece[][] = Array.from({ length: bounds.length + 1 }, () => []);
  let x0 = Infinity, x1 = -Infinity;
  const aligned = alignedStarts(lines.slice(sec.start, sec.end), bounds);
  // Where each line of the section begins its runs: a column's left edge where two other lines do.
  const runStarts = lines.map((l, k) => (k >= sec.start && k < sec.end ? l.runs.map((r) => r.bbox[0]) : []));
  for (let li = sec.start; li < sec.end; li++) {
    if (titles.has(li)) continue;
    x0 = Math.min(x0, lines[li].bbox[0]);
    x1 = Math.max(x1, lines[li].bbox[2]);
    const edgeAt = (x: number): boolean => runStarts.filter((xs, k) => k !== li && xs.some((v) => Math.abs(v - x) < 0.5)).length >= 2;
    const through = (r: TextRun, b: number): boolean => paragraphThrough(lines, li, sec.start, sec.end, r, b);
    for (const p of cutLine(lines[li], li, bounds, s, neighbourStarts(lines, li, sec.start, sec.end), aligned, through, edgeAt, named, head)) (sec.header.has(li) ? header : byCol[p.col]).push(p);
  }
  movePastBound(byCol, bounds);
  moveBackFlushRight(byCol, bounds);
  for (const ps of byCol) ps.sort((a, b) => a.bbox[1] - b.bbox[1] || a.bbox[0] - b.bbox[0]);
  joinSpanningWraps(byCol);
  return { header, byCol, x0, x1 };
}

function sectionRows(
  page: number,
  lines: readonly TextLine[],
  sec: Section,
  bounds: readonly number[],
  { header: headerPieces, byCol, x0, x1 }: SectionPieces,
  pitch: number,
  padding: number | null,
  toDisplay: BoxMapper,
  hRules: readonly Rule[],
  out: Array<{ top: number; row: Row }>,
  mode: { votesOnly?: boolean; pageVotes?: AlignVotes; cellLabel?: (text: string) => boolean; groupName?: (text: string) => boolean; groupRest?: (text: string) => boolean; groupHead?: (text: string) => boolean; groupKey?: (text: string) => string; groupsNamed?: (name: string) => ReadonlySet<string> | undefined } = {},
): { labelCols?: number[]; openGroups?: Record<number, OpenGroup>; cutRests?: Record<number, number>; votes?: AlignVotes } {
  const ncols = bounds.length + 1;
  if (!Number.isFinite(x0)) return sec.labelCols ? { labelCols: sec.labelCols } : {};
  const colX = (c: number): [number, number] => [c === 0 ? Math.min(x0, bounds[0] ?? x0) : bounds[c - 1], c === bounds.length ? Math.max(x1, bounds[c - 1] ?? x1) : bounds[c]];
  const body = bodyFontSize(lines.slice(sec.start, sec.end));
  const pitchTol = Math.max(1, 0.15 * body);
  // The right edge a full line of each column reaches (pieces spanning into the next column aside).
  const colRight = byCol.map((ps) => {
    let m = -Infinity;
    for (const p of ps) if (!p.spans) m = Math.max(m, p.bbox[2]);
    return m;
  });
  const spanRight = byCol.map((ps) => {
    let m = -Infinity;
    for (const p of ps) if (p.spans) m = Math.max(m, p.bbox[2]);
    return m;
  });
  // A wrapped line stops short of the edge by less than a character or two (line-breaking rules).
  const isFull = (p: Piece): boolean => p.bbox[2] >= (p.spans ? spanRight[p.col] : colRight[p.col]) - 1.5 * p.fontSize;
  const follows = (a: Piece | Block, b: Piece | Block, fontSize: number): boolean => {
    const lastA = 'pieces' in a ? a.pieces[a.pieces.length - 1] : a;
    const firstB = 'pieces' in b ? b.pieces[0] : b;
    const p = centre(firstB.bbox) - centre(lastA.bbox);
    if (p < 0.5 * fontSize || p > pitch + (padding === null ? pitchTol : padding / 2)) return false;
    if (ruleBetween(hRules, lastA.bbox[3] - 0.5, firstB.bbox[1] + 0.5, Math.max(lastA.bbox[0], firstB.bbox[0]), Math.min(lastA.bbox[2], firstB.bbox[2]))) return false;
    return firstB.bbox[0] < lastA.bbox[2] && firstB.bbox[2] > lastA.bbox[0];
  };
  // Between two Han characters a line may break anywhere: a line that ends on one wrapped only
  // where the next line's first character (a full em) would not have fitted after it. The edge is
  // the one the column's lines reach where another line follows them (a last line of some text
  // that runs out of its column, under the table, reaches further).
  const edgeOf = (p: Piece): number => (p.spans ? spanRight[p.col] : colRight[p.col]);
  const wrapEdge = byCol.map((ps) => {
    let m = -Infinity;
    for (let i = 0; i + 1 < ps.length; i++) if (!ps[i].spans && follows(ps[i], ps[i + 1], ps[i + 1].fontSize)) m = Math.max(m, ps[i].bbox[2]);
    return m;
  });
  const hanEdge = (p: Piece): number => (p.spans || !Number.isFinite(wrapEdge[p.col]) ? edgeOf(p) : wrapEdge[p.col]);
  const freeHanBreak = (upper: Piece, lower: Piece): boolean => HAN.test(lastChar(textOf(upper))) && HAN.test(firstChar(textOf(lower))) && !BREAKS_BACK.test(textOf(lower));
  // A line running on over the columns right of its own continues no text that one column holds
  // next to a named cell label (成都市…经济和信息化局 at its cell's edge beside 实施单位（盖章）, the
  // goal's paragraph under it across the table).
  const labelRightOf = (p: Piece): boolean =>
    byCol.some((ps, c) => c > p.col && ps.some((o) => o.runs.some((r) => r.wholeCell) && Math.abs(centre(o.bbox) - centre(p.bbox)) < 0.5 * p.fontSize));
  // A paragraph's line of Han text ends short of its edge by up to the width of what begins the
  // next line where that cannot be broken: a number or a Latin word with its signs and the mark
  // after it (≥80%，), text going on after it. (A narrow cell's short lines are no paragraph's:
  // what they leave room for tells nothing.)
  const unitFits = (upper: Piece, lower: Piece): boolean => {
    const unit = /^[^\p{Script=Han}\s，。、；：！？）》」』”’]+[，。、；：！？）》」』”’,.;:!?)]?/u.exec(textOf(lower))?.[0];
    if (!unit || unit.length < 2 || unit.length === textOf(lower).length) return false;
    // (A Latin word a sentence goes on after, APP 和公众号…, moves down whole under a line of a
    // narrow cell as short as eight characters; capitals are wider, and Writer sets a quarter em
    // between Han text and Latin.)
    const word = /^[A-Za-z]{2,}$/u.test(unit) && HAN.test(textOf(lower).slice(unit.length).trimStart().charAt(0));
    if (!HAN.test(lastChar(textOf(upper))) || Array.from(textOf(upper)).length < (word ? 8 : 12)) return false;
    const w = (Array.from(unit).reduce((acc, ch) => acc + (isWide(ch) ? 1 : word && /[A-Z]/u.test(ch) ? 0.6 : 0.55), 0) + (word ? 0.25 : 0)) * lower.fontSize;
    return upper.bbox[2] + w > edgeOf(upper) - 0.2 * upper.fontSize;
  };
  // A line stops a character shorter where the next one may not begin with what followed: a
  // closing mark takes the character before it along (低于预 / 算，导致), an opening one moves down.
  const fillsBefore = (upper: Piece, lower: Piece): boolean =>
    !(lower.spans && !upper.spans && labelRightOf(upper)) && (freeHanBreak(upper, lower)
      ? upper.bbox[2] > hanEdge(upper) - HAN_FIT_EM * upper.fontSize
      : isFull(upper) || (BREAKS_BACK.test(textOf(lower)) && upper.bbox[2] >= edgeOf(upper) - 2.5 * upper.fontSize) || unitFits(upper, lower));

  // The most decimals a number of each column shows (a number with fewer may have wrapped).
  const decimals = byCol.map((ps) => Math.max(0, ...ps.map((p) => /\.(\d+)%?$/.exec(normalizeCjk(lineText(p)))?.[1]?.length ?? 0)));

  // A number a narrow cell wrapped: its rest sits on the next line of the column, right under
  // a line that fills the cell. Sure signs first: a rest with the decimals the column prints
  // (`numberWraps`), or one that begins at the decimal point ("95" over ".54").
  const all = byCol.flat();
  const textOf = (p: Piece): string => normalizeCjk(lineText(p));
  const dotRest = (upper: Piece, lower: Piece): boolean => /^\d+$/.test(textOf(upper)) && /^\.\d+%?$/.test(textOf(lower));
  // A number that ends at its point (9. over 07) is cut there, whatever its column prints.
  const pointRest = (upper: Piece, lower: Piece): boolean => CUT_AT_POINT.test(textOf(upper)) && /^\d+%?$/.test(textOf(lower));
  // (A figure wrapped over three lines: digits, then a piece with its point on no other column's
  // line, each filling the cell, then digits, 10 over 0.0 over 0 of 100.00; not 2 over 99.8 / 8,
  // a row's score over the total whose line the total's weight shares.)
  const middles = new Set<Piece>();
  for (const ps of byCol) {
    for (let i = 1; i + 1 < ps.length; i++) {
      const [up, mid, down] = [ps[i - 1]!, ps[i]!, ps[i + 1]!];
      if (/^\d+$/.test(textOf(up)) && /^\d+\.\d*$/.test(textOf(mid)) && /^\d+%?$/.test(textOf(down)) && follows(up, mid, mid.fontSize) && follows(mid, down, down.fontSize) && fillsBefore(up, mid) && fillsBefore(mid, down) && !all.some((o) => o.col !== mid.col && onLineOf(o, mid))) middles.add(mid);
    }
  }
  const wrapsSurely = (upper: Piece, lower: Piece): boolean => numberWraps(upper, lower, decimals[lower.col]) || dotRest(upper, lower) || pointRest(upper, lower) || middles.has(lower);
  const rests = new Set<Piece>();
  // Pieces right under a line that fills their cell: they may continue it.
  const mayContinue = new Set<Piece>();
  for (const ps of byCol) {
    for (let i = 1; i < ps.length; i++) {
      if (!follows(ps[i - 1], ps[i], ps[i].fontSize) || !fillsBefore(ps[i - 1], ps[i])) continue;
      mayContinue.add(ps[i]);
      if (wrapsSurely(ps[i - 1], ps[i])) rests.add(ps[i]);
    }
  }
  const besideLine = (lower: Piece, pred: (o: Piece) => boolean, skip: ReadonlySet<Piece>, tolEm = 0.5): boolean =>
    all.some((o) => o.col !== lower.col && !skip.has(o) && Math.abs(centre(o.bbox) - centre(lower.bbox)) < tolEm * lower.fontSize && pred(o));
  // Digits alone on their line (nothing of another column beside them but what may continue a
  // line above) under a decimal number are its rest ("5.0" over "0"), even where no number of the
  // column shows all its decimals; under a whole number, where no other column's number stands
  // on their line ("1" over "5": 15), which a row would show, but another number's rest (10 / 0
  // beside 99.8 / 8: 100 and 99.88).
  const digitsRest = (lower: Piece): boolean => /^\d{1,3}%?$/.test(textOf(lower));
  // (A label the form prints as a cell of its own, a block's side label centred on its rows, may
  // stand beside them off their line: it is on no row's line.)
  const sideLabel = (o: Piece, p: Piece): boolean => o.runs.every((r) => r.wholeCell) && !onLineOf(o, p);
  // (A number that shows two decimals or more, as many as its column prints, is whole: 5.00 over
  // the total row's 100, rows stacked at the line pitch.)
  const complete = (upper: Piece): boolean => decimalsOf(upper) >= 2 && decimalsOf(upper) >= decimals[upper.col]!;
  // (No rest makes more decimals than two or than the column prints: 83.4% over 100% are two
  // rows' figures, set at the pitch where the rows add no space.)
  const fitsDecimals = (upper: Piece, lower: Piece): boolean => decimalsOf(upper) + textOf(lower).replace('%', '').length <= Math.max(2, decimals[lower.col]!);
  const decimalRest = (upper: Piece, lower: Piece): boolean => digitsRest(lower) && decimalsOf(upper) >= 1 && !complete(upper) && fitsDecimals(upper, lower) && !besideLine(lower, (o) => !sideLabel(o, lower), mayContinue);
  // A decimal number and digits under it, centred together on a line where other columns' cells
  // stand, a figure among them (670.1 over 2 round ≤ | 万元 | 15): one cell of two lines, centred
  // on its row.
  const centredPair = (upper: Piece, lower: Piece): boolean => {
    if (decimalsOf(upper) < 1 || complete(upper) || !digitsRest(lower)) return false;
    const y = (centre(upper.bbox) + centre(lower.bbox)) / 2;
    const on = all.filter((o) => o.col !== upper.col && Math.abs(centre(o.bbox) - y) < 0.3 * lower.fontSize);
    return on.length >= 2 && on.some(isNumberPiece);
  };
  // A number wrapped over several lines of a cell so narrow that every figure of its row wraps
  // (2902 / 880. / 7, 28631 / 72.8, 1 / 0 beside a label set a character a line): the pieces of
  // figures stacked at the pitch, each but the last filling its cell, together a number, centred
  // on the line of a whole figure of another column (a figure no piece of one stands over or
  // under), with no whole figure on their other lines. An odd number of lines has its middle on
  // a line of the rows as three rows' figures have (20 / 10 / 30 beside 已完成 | 1.49% | 符合要求):
  // there one of them must be no figure alone (880.). In the row a page break cuts at the foot,
  // the stack begins on the whole figure's line.
  const noFigureAlone = (p: Piece): boolean => /^[.,%]|[.,]$/.test(textOf(p));
  const figurePiece = (p: Piece): boolean => /^[≥≤=<>]?[\d.,]+%?$/.test(textOf(p)) && /\d/.test(textOf(p));
  const stackedFigures = new Set<Piece>();
  for (const ps of byCol) for (let i = 1; i < ps.length; i++) if (figurePiece(ps[i - 1]!) && figurePiece(ps[i]!) && follows(ps[i - 1]!, ps[i]!, ps[i]!.fontSize)) stackedFigures.add(ps[i - 1]!).add(ps[i]!);
  const wholeFigureAt = (col: number, y: number, tol: number): boolean => all.some((o) => o.col !== col && !stackedFigures.has(o) && isNumberPiece(o) && Math.abs(centre(o.bbox) - y) < tol);
  const centredStack = (ps: readonly Piece[], i: number): boolean => {
    if (!stackedFigures.has(ps[i]!) || !stackedFigures.has(ps[i - 1]!)) return false;
    let a = i - 1, b = i;
    while (a > 0 && figurePiece(ps[a - 1]!) && follows(ps[a - 1]!, ps[a]!, ps[a]!.fontSize)) a--;
    while (b + 1 < ps.length && figurePiece(ps[b + 1]!) && follows(ps[b]!, ps[b + 1]!, ps[b + 1]!.fontSize)) b++;
    const chain = ps.slice(a, b + 1);
    if (!chain.slice(0, -1).every(isFull) || !/^[≥≤=<>]?\d[\d,]*(?:\.\d{1,2})?%?$/.test(chain.map(textOf).join(''))) return false;
    const tol = 0.3 * ps[i]!.fontSize;
    const y = (chain[0]!.bbox[1] + chain[chain.length - 1]!.bbox[3]) / 2;
    // (Pieces that show the column's decimals only together, 10 / 0.0 / 0 where the column prints
    // 9.00: one figure's, whatever their number.)
    const d = decimals[ps[i]!.col]!;
    const together = d > 0 && (/\.(\d*)%?$/u.exec(chain.map(textOf).join(''))?.[1]?.length ?? -1) === d && chain.some((p) => decimalsOf(p) !== d);
    const shows = together || chain.some(noFigureAlone);
    if (chain.length % 2 === 1 && !shows) return false;
    // (The row a page break cuts at the page's foot sets its cells at the top of its part: there
    // the first line is the whole figure's. So does a table that sets every cell at its top, where
    // the pieces show they are one figure.)
    const top = !wholeFigureAt(ps[i]!.col, y, tol) && ((sec.end === lines.length && b === ps.length - 1) || shows);
    const at = top ? centre(chain[0]!.bbox) : y;
    return wholeFigureAt(ps[i]!.col, at, tol) && chain.every((p) => Math.abs(centre(p.bbox) - at) < tol || !wholeFigureAt(p.col, centre(p.bbox), tol));
  };
  const otherRests = new Set(rests);
  for (const ps of byCol) for (let i = 1; i < ps.length; i++) if (mayContinue.has(ps[i]) && decimalRest(ps[i - 1], ps[i])) otherRests.add(ps[i]);
  // A column where two numbers or more wrap that way ("3.0" over "0") prints the decimals they
  // make whole (3.00): any of its numbers cut as short continues on the next line, whatever
  // stands beside the rest (a wrapped unit, a name's last characters).
  for (const [c, ps] of byCol.entries()) {
    const made = ps.flatMap((p, i) => (i > 0 && otherRests.has(p) && !rests.has(p) ? [decimalsOf(ps[i - 1]) + textOf(p).replace('%', '').length] : []));
    const most = Math.max(-1, ...made);
    if (most <= decimals[c] || made.filter((d) => d === most).length < 2) continue;
    decimals[c] = most;
    for (let i = 1; i < ps.length; i++) if (mayContinue.has(ps[i]) && numberWraps(ps[i - 1], ps[i], most)) {
      rests.add(ps[i]);
      otherRests.add(ps[i]);
    }
  }
  // A number of three lines or more a cell centred on its row (1 / 0 / 0 beside 合计 | 100): its
  // middle lines stand beside the row's figures, but its first and last lines stand alone.
  // Beside them may stand a label printed down its narrow column, a character or a few a line
  // (预 / 算 / 执 / 行; 预算 / 执行 / 情况): it is no row's cell.
  const downLabel = new Set<Piece>();
  for (const ps of byCol) {
    for (let i = 0; i < ps.length; i++) {
      let j = i;
      while (SHORT_HAN.test(textOf(ps[j])) && j + 1 < ps.length && SHORT_HAN.test(textOf(ps[j + 1])) && follows(ps[j], ps[j + 1], ps[j + 1].fontSize)) j++;
      if (j - i >= 2) for (let k = i; k <= j; k++) downLabel.add(ps[k]);
      i = j;
    }
  }
  const stacked = new Set<Piece>();
  // (Nor does a named label that labels the rows from a column on the left: 项目资金(元), centred on
  // the fund block, on the line of the % of 99. / 60 / %.)
  const alone = (p: Piece): boolean => !besideLine(p, (o) => !downLabel.has(o) && !o.runs.every((r) => r.wholeCell), mayContinue);
  // (A number that shows its cut, a point inside with digits after it on the lines below, 43 /
  // 5.4 / 3: 435.43, is one cell even where text that is no figure stands beside its first or last
  // line, or the first or last line of another such number: cells of one row centred alike, 年度资
  // / 金总额 and 9 / 8. / 88 beside it. Rows of figures set at the pitch show no such cut.)
  const runs: Array<{ ps: Piece[]; cut: boolean }> = [];
  for (const [c, ps] of byCol.entries()) {
    for (let i = 0; i < ps.length; i++) {
      let j = i;
      while (j + 1 < ps.length && /^(?:[\d.]{1,3}%?|%)$/.test(textOf(ps[j + 1])) && /^[\d.]{1,3}$/.test(textOf(ps[j])) && mayContinue.has(ps[j + 1])) j++;
      if (j - i >= 2) {
        const run = ps.slice(i, j + 1);
        const joined = /^(\d+)\.(\d+)%?$/.exec(run.map(textOf).join(''));
        const showsCut = run.slice(0, -1).some((p) => /\.\d*$/.test(textOf(p)));
        runs.push({ ps: run, cut: joined !== null && joined[2]!.length >= Math.max(1, decimals[c]!) && showsCut });
      }
      i = j;
    }
  }
  const cutRuns = new Set(runs.filter((r) => r.cut).flatMap((r) => r.ps));
  const aloneCut = (p: Piece): boolean => !besideLine(p, (o) => !downLabel.has(o) && !o.runs.every((r) => r.wholeCell) && isNumberPiece(o) && !cutRuns.has(o), mayContinue);
  for (const { ps, cut } of runs) {
    const ends = [ps[0]!, ps[ps.length - 1]!];
    if (ends.every(cut ? aloneCut : alone)) for (const p of ps.slice(1)) stacked.add(p);
  }
  // Whole numbers that narrow cells cut alike (2570 over 0 in 指标值 and 完成值): digits under a
  // whole number that fills its cell, with no figure beside them but such rests, where the row's
  // other figures stand centred between the two lines (rows of one line each, stacked at the line
  // pitch, have theirs on the lines).
  const centredBetween = (upper: Piece, lower: Piece): boolean => {
    const lo = centre(upper.bbox) + 0.25 * lower.fontSize, hi = centre(lower.bbox) - 0.25 * lower.fontSize;
    return all.some((o) => o.col !== lower.col && isNumberPiece(o) && centre(o.bbox) > lo && centre(o.bbox) < hi);
  };
  const wholeRests = new Set<Piece>();
  for (const ps of byCol) for (let i = 1; i < ps.length; i++) if (mayContinue.has(ps[i]) && digitsRest(ps[i]) && /^\d+$/.test(textOf(ps[i - 1])) && centredBetween(ps[i - 1], ps[i])) wholeRests.add(ps[i]);
  // Digits under numbers cut short that fill their cells, alone on their line with nothing but
  // other such digits (10 / 0 beside 8 / 8 on the total row: 100 and 88; 10 / 0.0 / 0 beside 9 /
  // 4. / 03: 100.00 and 94.03): rests all, as no row is figures alone.
  const underWhole = new Set(byCol.flatMap((ps) => ps.filter((p, i) => i > 0 && mayContinue.has(p) && /^[\d.]{1,4}%?$/.test(textOf(p)) && /\d/.test(textOf(p)) && /^\d[\d.]*$/.test(textOf(ps[i - 1]!)) && !complete(ps[i - 1]!))));
  const jointRests = new Set<Piece>();
  for (const p of underWhole) {
    const mates = all.filter((o) => o !== p && onLineOf(o, p));
    if (mates.length > 0 && mates.every((o) => underWhole.has(o))) jointRests.add(p);
  }
  // (Figures the row centres between the two lines stand less than half an em from the rest's
  // middle where the lines are close: only those within a quarter of an em are on its line, as
  // `centredBetween` counts the others between.)
  const restOfNumber = (upper: Piece, lower: Piece): boolean =>
    stacked.has(lower) || jointRests.has(lower) || decimalRest(upper, lower) || (digitsRest(lower) && /^\d+$/.test(textOf(upper)) && (!besideLine(lower, isNumberPiece, otherRests) || (wholeRests.has(lower) && !besideLine(lower, isNumberPiece, wholeRests, 0.25))));
  // How wide a line of a column may be where a piece stands: the widest line over it, the
  // header's labels among them (a cell is at least as wide). Two figures that would have fitted
  // side by side on such a line are no figure wrapped (7 over 2 under the label 分值, 3.9 over 2
  // under 得分: two rows' weights and scores, set at the line pitch with no padding between).
  // (Only lines over the piece count: a side label printed a character a line, 9 / 0 of
  // (产出指标 / 90分), shares its column with wider labels beside it.)
  const widths = byCol.map((ps, c) => [...ps, ...headerPieces.filter((h) => h.col === c)].filter((q) => !q.spans).map((q): [number, number] => [q.bbox[0], q.bbox[2]]));
  for (const [a, b] of sec.hits ?? sec.carried?.hits ?? []) widths[columnOf(bounds, (a + b) / 2)]?.push([a, b]);
  const roomOver = (p: Piece): number => Math.max(0, ...widths[p.col]!.filter(([a, b]) => a < p.bbox[2] && b > p.bbox[0]).map(([a, b]) => b - a));
  const fitsAfter = (upper: Piece, lower: Piece, width: number): boolean => upper.bbox[2] - upper.bbox[0] + width < Math.min(roomOver(upper), roomOver(lower)) - 0.3 * lower.fontSize;
  const fitsOneLine = (upper: Piece, lower: Piece): boolean => fitsAfter(upper, lower, lower.bbox[2] - lower.bbox[0]);
  // Nor is Han text under a figure the figure's cell wrapped where its first character would have
  // fitted after the figure (95 over 较上年 / 有所提升 in a 指标值 column as wide as 有所提升: two
  // rows' cells, set at the line pitch).
  const roomForHan = (upper: Piece, lower: Piece): boolean => fitsAfter(upper, lower, lower.fontSize);
  const whole = (q: Piece): boolean => q.runs.some((r) => r.wholeCell);
  const labelled = all.filter(whole);
  const labelLine = (p: Piece): boolean => labelled.some((o) => o.col !== p.col && onLineOf(o, p));
  // Blocks: wrapped paragraphs of each column.
  const blocks: Block[] = [];
  for (const ps of byCol) {
    let cur: Block | null = null;
    ps.forEach((p, i) => {
      const last: Piece | undefined = cur?.pieces[cur.pieces.length - 1];
      // Two whole numbers one above the other are two rows' cells, never one wrapped cell,
      // unless the upper one is a number cut short by a narrow cell ("90.8" over "3").
      // Nor does a cell end on a line that begins a row: one holding a named cell label (优
      // beside 评分等级 under the total row's figures; a paragraph that goes on past a block
      // label centred beside it is one cell still).
      const endsOnLabel = labelLine(p) && !(ps[i + 1] && follows(p, ps[i + 1]!, p.fontSize));
      // In rows that add space between their lines, a line at the pitch under another is its cell's,
      // but for what would have fitted on the line above (`fitsOneLine`, `roomForHan`: Writer from
      // HTML drops the padding of some rows). (A named label beside it is on its line by chance: a
      // side label centred on its rows. So is one beside the last line of a number of three lines
      // or more, `stacked`.)
      const joins = cur && last && !whole(last) && !whole(p) && !p.runs[0]!.labelStart && !(isNumberPiece(last) && isNumberPiece(p) && fitsOneLine(last, p)) && !(isNumberPiece(last) && HAN_START.test(textOf(p)) && roomForHan(last, p)) && (padding !== null || !endsOnLabel || stacked.has(p)) && follows(last, p, p.fontSize) && (padding !== null || ((fillsBefore(last, p) || centredPair(last, p)) && (!(isNumberPiece(last) && (isNumberPiece(p) || CUT_AT_POINT.test(textOf(p)))) || wrapsSurely(last, p) || restOfNumber(last, p) || centredPair(last, p) || centredStack(ps, i))));
      if (cur && joins) {
        cur.pieces.push(p);
        cur.bbox = unionBox([cur.bbox, p.bbox]);
        cur.fontSize = Math.max(cur.fontSize, p.fontSize);
      } else {
        cur = { col: p.col, pieces: [p], bbox: p.bbox, fontSize: p.fontSize };
        blocks.push(cur);
      }
    });
  }
  if (mode.groupName) blocks.splice(0, blocks.length, ...blocks.flatMap((b) => splitNamedTail(b, mode.groupName!, mode.groupRest ?? (() => false))));

  // Columns that look like row-group labels (sparse, left of the data, or as the header page
  // showed): their cells are centred on groups of rows, so they are no evidence of a row, and
  // their blocks are not split by it.
  const counts = new Array<number>(ncols).fill(0);
  for (const b of blocks) counts[b.col]++;
  // (A page that goes on with a table whose label columns the page before showed has its data
  // columns right of them, however few rows it holds: the rest of a cut row and one more.)
  const denseHere = counts.findIndex((n) => n >= 0.6 * Math.max(...counts));
  const prior = sec.labelCols ?? sec.priorLabelCols;
  const dense = prior?.length ? Math.min(denseHere, Math.max(...prior) + 1) : denseHere;
  const inDataCol = (c: number): boolean => c >= dense && !(sec.labelCols ?? []).includes(c);
  // A one-line text is evidence of a row only where a one-line cell of another column stands on
  // its line: a group's label centred between two rows (a short table makes its column look
  // dense) stands on no row's line.
  const lineCentres = blocks.filter((b) => b.pieces.length === 1).map((b) => ({ y: centre(b.bbox), col: b.col })).sort((a, b) => a.y - b.y);
  const onRowLine = (b: Block): boolean => isNumberPiece(b.pieces[0]) || anyNear(lineCentres, centre(b.bbox), 0.3 * b.fontSize, (o) => o.col !== b.col);
  // A number with fewer decimals than its column prints may be a piece of one a narrow cell cut,
  // but only where a line of the column follows right under it, or where it is digits right
  // under a decimal number they may end (10.0 over 0; not 2.58, whole, over 7). A figure without a point over one without a
  // point is no such piece: together they would show no decimals either (two rows' scores, 4 over
  // 3, and targets, 8700 over 250, set at the line pitch in narrow columns).
  const pointless = (p: Piece): boolean => !normalizeCjk(lineText(p)).includes('.');
  const pieceOfCut = new Set(byCol.flatMap((ps) => ps.flatMap((p, i) => {
    const q = ps[i + 1];
    if (!q || !follows(p, q, q.fontSize) || (pointless(p) && isNumberPiece(q) && pointless(q))) return [];
    return decimalsOf(p) >= 1 && !complete(p) && digitsRest(q) ? [p, q] : [p];
  })));
  const mayBeCut = (p: Piece): boolean => isFull(p) && isNumberPiece(p) && Math.max(0, decimalsOf(p)) < decimals[p.col] && pieceOfCut.has(p);
  // (Nor is the name of a group of rows, 社会效益指标, centred on its two rows on the line of the
  // last line of the first row's 户籍人口 / 服务覆盖 / 率, in a column dense enough to look like data.)
  const groupLabel = (b: Block): boolean => mode.groupName?.(textOf(b.pieces[0]!)) ?? false;
  const isWhole = (b: Block): boolean => inDataCol(b.col) && b.pieces.length === 1 && !mayBeCut(b.pieces[0]) && onRowLine(b) && !groupLabel(b);
  const rowLines = new Map<Block, number[]>();
  const evidenced = splitByRowEvidence(blocks, isWhole, rowLines);
  // The row a page break cuts at the section's foot sets its cells at the top of its part whatever
  // their alignment (Writer, Chromium): its blocks cast no vote.
  const lastFigures = sec.end === lines.length ? Math.max(...blocks.filter((b) => inDataCol(b.col) && b.pieces.length === 1 && isNumberPiece(b.pieces[0]!)).map((b) => b.bbox[1])) : Infinity;
  // Nor does the rest of a side label whose first line the header row took (预算执 | 年度预算数… over
  // 行情况 / (10分)): where the whole label stands is not known.
  const headless = blocks.filter((b) => !inDataCol(b.col) && headerPieces.some((h) => h.col === b.col && follows(h, b, b.fontSize)));
  const own = alignmentVotes(blocks, inDataCol, (b) => Math.abs(b.bbox[1] - lastFigures) < 0.3 * b.fontSize, new Set([...[...evidenced.values()].flat(), ...headless]));
  // A block the row evidence cut was cut as if its cells sat at the top of their rows, so its parts
  // vote for nothing; the whole block votes for the one alignment under which its lines fall into
  // the rows its lines of evidence show (发放 / 样品 / 份数 / 宣传 / 咨询 / 场次 with figures beside
  // 样品 and 咨询: centred; a block that begins on its first row's line: top).
  for (const [b, at] of rowLines) {
    const fits = alignmentsFitting(b, at, (p) => Math.abs(p.bbox[1] - lastFigures) < 0.3 * p.fontSize);
    if (fits.length === 1) own[fits[0]!] += at.length;
  }
  if (mode.votesOnly) return { votes: own };
  // A document aligns its cells one way: the page's votes (this section's among them) decide,
  // so that a section whose own few votes come from blocks joined across rows does not.
  const align = alignmentOf(mode.pageVotes ?? own);
  const tolOf = (a: Block, b: Block): number => 0.3 * Math.min(a.fontSize, b.fontSize);
  // In a centred section that runs to the page's foot, the cells of the last row that the page
  // break cuts sit at the top of the row's part on this page: they begin on the line of its
  // one-line cells and are aligned by that line.
  const wholeLines = blocks.filter(isWhole).map((b) => centre(b.bbox));
  const footLine = align === 'middle' && sec.end === lines.length && wholeLines.length ? Math.max(...wholeLines) : null;
  const cutByBreak = (b: Block): boolean => footLine !== null && b.pieces.length > 1 && Math.abs(centre(b.pieces[0].bbox) - footLine) < 0.3 * b.fontSize;
  const key = (b: Block): number => (align === 'top' ? b.bbox[1] : align === 'bottom' ? b.bbox[3] : cutByBreak(b) ? centre(b.pieces[0].bbox) : centre(b.bbox));
  // A block cut where its lines line up with other columns' cells was cut as if cells sat at the
  // top of their rows: where its lines fall into those rows under an alignment, it is cut so.
  if (evidenced.size) {
    const whole = [...evidenced.keys()];
    const parts = new Set([...evidenced.values()].flat());
    const trial = [...blocks.filter((x) => !parts.has(x)), ...whole];
    const redone = splitAtRows(trial, isWhole, key, tolOf, align, new Set(whole), footLine);
    for (const [orig, made] of redone) {
      const old = evidenced.get(orig)!;
      const at = blocks.indexOf(old[0]);
      for (const o of old) blocks.splice(blocks.indexOf(o), 1);
      blocks.splice(Math.min(at, blocks.length), 0, ...made);
    }
  }
  // (Where cells sit at the top, the first line of a data cell of several lines is on its row's
  // top line too: 应急演练预算执 / 行率 and 93.42(% / ) show the row ≥90.0 / 0(%) begins, under the
  // row above's five-line target, where one whole figure alone would not.)
  const heads = align === 'top' ? (b: Block): Block | null => (inDataCol(b.col) && b.pieces.length >= 2 && !groupLabel(b) ? { ...b, pieces: [b.pieces[0]!], bbox: b.pieces[0]!.bbox } : null) : undefined;
  splitAtRows(blocks, isWhole, key, tolOf, align, undefined, footLine, heads);
  if (align === 'middle') splitOffCentre(blocks, isWhole, inDataCol, cutByBreak);
  else splitAgainstAlignment(blocks, isWhole, align, inDataCol);
  const lastRowCut = blocks.some(cutByBreak);

  // Rows: clusters of aligned blocks, after folding paragraphs that align with nothing into the
  // block above them (a cell with line breaks).
  // Label columns: sparse columns left of the first column with a cell on (nearly) every row.
  // Their blocks name groups of rows (merged cells) and are placed after the rows are known.
  // A page that continues a table uses the label columns its header page showed.
  // (Named cell labels under a column's other text, 评价结论 under the level-1 names, label their
  // own rows: they make no column dense. A signature line, 项目负责人：…, is under the table.)
  const perCol = new Array<number>(ncols).fill(0);
  const lowestOther = new Array<number>(ncols).fill(-Infinity);
  const signed = (b: Block): boolean => b.pieces.some((p) => labelWithValue(textOf(p)));
  for (const b of blocks) if (!b.pieces.every(whole) && !signed(b)) lowestOther[b.col] = Math.max(lowestOther[b.col], b.bbox[3]);
  for (const b of blocks) if (!(b.pieces.every(whole) && b.bbox[1] > lowestOther[b.col])) perCol[b.col]++;
  perCol.forEach((n, c) => { if (n < 2) perCol[c] = blocks.filter((b) => b.col === c).length; });
  const most = Math.max(0, ...perCol);
  // (A column that holds group names alone, fewer than a column right of it holds blocks, is a
  // label column however dense: 数量指标 / 质量指标 / 时效指标 over five rows.)
  const namesOnly = (c: number): boolean => {
    const own = blocks.filter((b) => b.col === c);
    // (One of them off every row, centred over rows: a column of single rows' names is read as any.)
    const onRow = (b: Block): boolean => blocks.some((o) => o.col !== b.col && o.pieces.length === 1 && Math.abs(centre(o.bbox) - centre(b.bbox)) < 0.3 * b.fontSize);
    // (Or a text of the densest column right of it beside none of them: a row of a group whose
    // name is centred on other rows, 市民参与率 over 游客就业率 beside 社会效益 / 指标.)
    const right = perCol.reduce((best, n, d) => (d > c && n > (best < 0 ? 0 : perCol[best]!) ? d : best), -1);
    // (Between two of them: a header's rest over the first, 预算执行 / 率, is no row.)
    const inside = (o: Block): boolean => own.some((b) => b.bbox[3] <= o.bbox[1]) && own.some((b) => b.bbox[1] >= o.bbox[3]);
    const bare = right >= 0 && blocks.some((o) => o.col === right && inside(o) && !own.some((b) => Math.min(b.bbox[3], o.bbox[3]) - Math.max(b.bbox[1], o.bbox[1]) > 0.3 * o.fontSize));
    // (A name's first part counts: 服务对象 / 满意度指 over a page break.)
    const name = (t: string): boolean => (mode.groupName?.(t) ?? false) || (mode.groupHead?.(t) ?? false);
    // (A name set a character or two a line down a narrow column, its lines cut apart at the rows'
    // lines, is one: 产 / 出指 / 标 beside five rows. Lines join while they print no name whole.)
    const units: Block[] = [];
    for (const b of [...own].sort((x, y) => x.bbox[1] - y.bbox[1])) {
      const u = units[units.length - 1];
      const t = u ? u.pieces.map(textOf).join('') : '';
      if (u && !(mode.groupName?.(t) ?? false) && stackedLines(u, b)) units[units.length - 1] = { ...u, pieces: [...u.pieces, ...b.pieces], bbox: unionBox([u.bbox, b.bbox]) };
      else units.push(b);
    }
    return units.length >= 2 && units.every((b) => name(b.pieces.map(textOf).join(''))) && perCol.some((n, d) => d > c && n > units.length) && (units.some((b) => !onRow(b)) || bare);
  };
  const firstDense = perCol.findIndex((n, c) => n >= 0.6 * most && !namesOnly(c));
  // (And sparse columns right of those that this page shows among three rows or more: a level-2
  // column whose groups were a row each on the header page, 经济效益指标 over three rows here.)
  const ownLabelCols = perCol.map((_, c) => c).filter((c) => most >= 3 && c < firstDense);
  // (Where the header page's label columns come again under a repeated header and this page's rows
  // are too few to show them, a label column's text and a grade row's name under it making it look
  // dense, those are the columns: 满意度指标 over two rows, then 评分等级.)
  // (Each of their texts a group's name, or a named cell label: not the rest of a name a break cut,
  // set a character a line, run into the next name.)
  const namesThere = (cols: readonly number[]): boolean => blocks.every((b) => !cols.includes(b.col) || b.pieces.every(whole) || (mode.groupName?.(b.pieces.map(textOf).join('')) ?? false));
  const priorCols = sec.priorLabelCols?.length && firstDense <= Math.max(...sec.priorLabelCols) && namesThere(sec.priorLabelCols) ? sec.priorLabelCols : undefined;
  const given = sec.labelCols ?? priorCols;
  const labelCols = given ? [...given, ...ownLabelCols.filter((c) => c > Math.max(-1, ...given))] : ownLabelCols;
  const labelCol = (c: number): boolean => labelCols.includes(c);
  const labels: Block[] = [];
  // (A signature line under the table, 项目负责人：… | 财务负责人：…, below every other text, is a
  // row of its own, no label.)
  const underAll = (b: Block): boolean => !blocks.some((o) => o !== b && !signed(o) && o.bbox[3] > b.bbox[1] + 0.5);
  const takeLabels = (): void => {
    for (let i = blocks.length - 1; i >= 0; i--) if (labelCol(blocks[i].col) && !(signed(blocks[i]) && underAll(blocks[i]))) labels.push(...blocks.splice(i, 1));
  };
  takeLabels();
  // A one-line block on a line that begins a row (a named cell label beside it) is no paragraph of the one above.
  // Nor is any block a paragraph of a named cell label above it (合计 over the conclusion's text).
  // Nor does the first text of a page that continues the table take the blocks under it when
  // nothing stands beside it: it is the rest of the row the break cut (数量 of 编制档案材料 over the
  // next row's 诊断服务完成 / 及时率), which the rows of the two pages join.
  const pageTop = Math.min(...blocks.map((b) => b.bbox[1]));
  const restOfCut = (a: Block): boolean =>
    sec.breakAbove !== undefined && a.bbox[1] <= pageTop + 0.5 && !blocks.some((o) => o.col !== a.col && o.bbox[1] < a.bbox[3] && o.bbox[3] > a.bbox[1]);
  // Nor does a paragraph running on over the columns right of it go on a line beside a named cell
  // label (the department beside 实施单位（盖章）, the goal across the table under it). Nor does
  // one go on into the first line of a wrapped cell label (a project name over 实施单位（盖 / 章）).
  const besideLabel = (a: Block, b: Block): boolean => {
    const last = a.pieces[a.pieces.length - 1]!;
    return b.pieces[0]!.spans && !last.spans && labelRightOf(last);
  };
  // Nor is a label numbered as an item of its section (2.项目实施内容及过程概述, its text beside it
  // in the same column) a paragraph's next line: it begins a row.
  const numberedLabel = (p: Piece): boolean => whole(p) && unnumbered(textOf(p)) !== compactText(textOf(p));
  const foldable = (a: Block, b: Block, fontSize: number): boolean =>
    follows(a, b, fontSize) && !(b.pieces.length === 1 && labelLine(b.pieces[0])) && !a.pieces.every(whole) && !b.pieces[0]!.runs[0]!.labelStart && !numberedLabel(b.pieces[0]!) && !restOfCut(a) && !besideLabel(a, b);
  let clusters = foldParagraphs(blocks, key, tolOf, foldable, (bs) => splitAtRows(bs, isWhole, key, tolOf, align, undefined, footLine));
  // Lines stacked at one pitch over several rows (cells without padding) are cut anew at the rows.
  // Rows are seen in one-line cells lined up across columns, and in named cell labels (项目名称,
  // 主管部门, 项目年度目标: the goals' lines may run on at one pitch through three rows). This comes
  // before the label columns are extended (a stack folded off its rows looks like a label over them)
  // and again after.
  const stackable = (a: Block, b: Block): boolean => follows(a, b, b.fontSize) && !a.pieces.some(whole) && !b.pieces.some(whole);
  // (A label wrapped in its cell, 年度目标完成情 / 况, is one too.)
  const namedCell = (b: Block): boolean => b.pieces.every(whole) || (mode.cellLabel?.(b.pieces.map(textOf).join('')) ?? false);
  // (The label columns' blocks are taken apart: the named labels may be theirs.)
  const withLabels = [...blocks, ...labels];
  const namedCol = Math.min(...withLabels.filter(namedCell).map((b) => b.col));
  const namedRows = withLabels.filter(namedCell).map((b) => b.bbox);
  // One-line figures of the data columns, each alone on its line.
  const loneFigures = (): BBox[] => blocks.filter((b) => isWhole(b) && isNumberPiece(b.pieces[0]!)).map((b) => b.bbox);
  const recut = (): void => {
    const wholeClusters = lineClusters(blocks, isWhole, key, tolOf);
    const wholeRows = wholeClusters.map((c) => unionBox(c.map((b) => b.bbox)));
    // (Named labels beside rows of figures are theirs, or side labels over them: 项目资金（元）.)
    const figureRows = wholeClusters.filter((c) => c.filter((b) => isNumberPiece(b.pieces[0]!)).length >= 2).map((c) => unionBox(c.map((b) => b.bbox)));
    const byFigures = (r: BBox): boolean => figureRows.some((w) => w[1] < r[3] && w[3] > r[1]);
    const fieldRows = namedRows.filter((r) => !byFigures(r));
    const cut = [
      splitAtNamedLabels(blocks.filter((b) => !byFigures(b.bbox)), blocks, withLabels, namedCell, align),
      align === 'middle' && recutStacks(blocks, fieldRows, align, stackable, (c) => c > namedCol, 1),
      align === 'middle' && recutStacks(blocks, wholeRows, align, stackable, (c) => c >= firstDense, 2, footLine, loneFigures()),
    ];
    if (cut.some(Boolean)) clusters = clusterBlocks(blocks, key, tolOf);
  };
  recut();
  if (!sec.labelCols && most >= 3) {
    // The label columns go on while the next column holds a block centred over several rows.
    let extended = false;
    // The lowest cell of a section that runs to the page's foot, beginning with the one row it
    // overlaps, is that row's cell cut short by the page break (the part of a row before a break
    // sits at its top), not a label over rows.
    const lowest = Math.max(...blocks.map((b) => b.bbox[3]));
    const cutAtFoot = (b: Block): boolean => {
      const over = overlapped(b, clusters);
      return sec.end === lines.length && b.bbox[3] >= lowest - 0.5 && over.length === 1 && Math.abs(Math.min(...over[0].map((x) => x.bbox[1])) - b.bbox[1]) < 0.3 * b.fontSize;
    };
    // Some column right of them keeps data: a section whose every column is labels has no rows.
    for (let c = labelCols.length ? Math.max(...labelCols) + 1 : 0; c < ncols; c++) {
      if (!clusters.some((cl) => cl.length === 1 && cl[0].col === c && (overlapsOthers(cl[0], clusters) || wedged(cl[0], clusters)) && !cutAtFoot(cl[0]))) break;
      if (!blocks.some((b) => b.col > c)) break;
      labelCols.push(c);
      extended = true;
    }
    if (extended) {
      takeLabels();
      clusters = foldParagraphs(blocks, key, tolOf, foldable, (bs) => splitAtRows(bs, isWhole, key, tolOf, align, undefined, footLine));
      recut();
    }
  }

  const newRow = (bbox: BBox): LogicalRow => ({ top: bbox[1], bottom: bbox[3], cols: Array.from({ length: ncols }, () => []), merge: new Array(ncols).fill(undefined) });
  const rows: LogicalRow[] = [];
  const headerRow = headerPieces.length ? newRow(unionBox(headerPieces.map((p) => p.bbox))) : null;
  if (headerRow) {
    for (const p of headerPieces) headerRow.cols[p.col].push(p);
    rows.push(headerRow);
  }
  const loose: Block[] = [];
  for (const c of clusters) {
    if (c.length === 1 && overlapsOthers(c[0], clusters)) {
      loose.push(c[0]);
      continue;
    }
    const r = newRow(unionBox(c.map((b) => b.bbox)));
    for (const b of c) r.cols[b.col].push(...b.pieces);
    rows.push(r);
  }
  rows.sort((a, b) => a.top - b.top);
  joinRowsInside(rows, headerRow);
  // (A section at the page's very top may go on with a table the page before did not show as one:
  // a goal's paragraph over the break.)
  splitRowsAtLabels(rows, labels, labelCols, (sec.breakAbove !== undefined || sec.start === 0) && align === 'middle');
  // Labels of row groups: each over the rows it is aligned with, the groups of a column tiling
  // its data rows. Other blocks that align with no row but overlap some: a cell of the row they
  // lie in.
  const dataCol = perCol.findIndex((n, c) => n > 0 && !labelCol(c));
  // A row under the data that holds a named cell label (合计, 评价结论) is a total or field row,
  // in no group.
  const named = (r: LogicalRow): boolean => r !== headerRow && r.cols.some((ps) => ps.some(whole));
  const firstData = rows.find((r) => dataCol >= 0 && r.cols[dataCol].length > 0 && !named(r))?.top ?? Infinity;
  const isData = (r: LogicalRow): boolean => dataCol >= 0 && r.cols[dataCol].length > 0 && !(named(r) && r.top > firstData);
  const misfit = new Set<number>();
  let cutRests: Record<number, number> | undefined;
  // On a page that continues the table, labels wholly over its first row of data that print the
  // end of a group's name are the rests of labels the break cut (效益指 / 标(30分)): a row of their
  // own, which the rows of the two pages join, not labels of the rows under them.
  const firstDataRow = rows.find(isData);
  // (A whole name, 效益指标, the end of 社会效益指标 too, is a label of its own.)
  const groupRest = (b: Block): boolean => { const t = b.pieces.map(textOf).join(''); return (mode.groupRest?.(t) ?? false) && !(mode.groupName?.(t) ?? false); };
  const labelRests = sec.breakAbove !== undefined && firstDataRow ? labels.filter((b) => b.bbox[3] < firstDataRow.top && !b.pieces.some(whole) && groupRest(b)) : [];
  if (labelRests.length) {
    const r = newRow(unionBox(labelRests.map((b) => b.bbox)));
    for (const b of labelRests) {
      r.cols[b.col].push(...b.pieces);
      labels.splice(labels.indexOf(b), 1);
    }
    rows.push(r);
    rows.sort((a, b) => a.top - b.top);
  }
  for (const c of labelCols) {
    // A label on the line of a row that has no cell in the data column (a grade or total row:
    // 评分等级 … 优) is that row's own cell, not the label of a group of rows.
    for (let i = labels.length - 1; i >= 0; i--) {
      const b = labels[i];
      // (Or one wrapped in its cell, 年度目标完成情 / 况 beside the two lines of its value, its first
      // line on the row's first: a row's own cell, no label over the rows above it.)
      const wrapped = b.pieces.length > 1 && (mode.cellLabel?.(b.pieces.map(textOf).join('')) ?? false);
      if (b.col !== c || (b.pieces.length !== 1 && !wrapped)) continue;
      // So is a named cell label (评价结论) on the first line of any row.
      const ownCell = wrapped || b.pieces.every(whole);
      const tol = 0.3 * b.fontSize;
      const line = b.pieces[0]!.bbox;
      // (A text of the row's own, within its extent: not a label placed over a group from that row
      // on, 标(90分) centred far below the rest of a cut header that begins its group.)
      const onRow = (x: LogicalRow, p: Piece): boolean => Math.abs(centre(p.bbox) - centre(line)) < tol && centre(p.bbox) > x.top - tol && centre(p.bbox) < x.bottom + tol;
      let r = rows.find((x) => (ownCell ? Math.abs(x.top - b.bbox[1]) < tol : !isData(x)) && x.cols[c].length === 0 && x.cols.some((ps) => ps.some((p) => onRow(x, p))));
      // A named cell label on a line no row reaches, where only blocks of label columns stand
      // (评分等级 … 良 under the total, 项目名称 and the name, where the columns a page before or
      // the lines below were taken for labels): a row of its own. (Not with a figure beside it: a
      // piece of a wrapped figure, 6 of 1,3 / 73, / 83 / 4.3 / 6, beside a side label.)
      const mates = labels.filter((o) => o !== b && o.pieces.length === 1 && Math.abs(centre(o.bbox) - centre(b.bbox)) < tol);
      if (!r && ownCell && !rows.some((x) => x.top < b.bbox[3] && x.bottom > b.bbox[1]) && !mates.some((o) => isNumberPiece(o.pieces[0]!))) {
        r = newRow(unionBox([b.bbox, ...mates.map((o) => o.bbox)]));
        for (const o of mates) {
          r.cols[o.col].push(...o.pieces);
          labels.splice(labels.indexOf(o), 1);
        }
        i = labels.indexOf(b);
        rows.push(r);
        rows.sort((x, y) => x.top - y.top);
      }
      if (!r) continue;
      r.cols[c].push(...b.pieces);
      labels.splice(i, 1);
    }
    const own = labels.filter((b) => b.col === c).sort((a, b) => a.bbox[1] - b.bbox[1]);
    // A last label may be centred on a group the page break cut: the rows at the foot are then
    // no group left open, and the label tells how far the group goes on over the break. (A last
    // label that fits no rows covers none: the rows at the foot stay open.)
    if (!own.length) continue;
    // What each data row's name says of its groups (及时率: 时效指标), read where the column's
    // labels leave the layout in doubt.
    const saidOf = (r: LogicalRow): ReadonlySet<string> | undefined => (isData(r) && mode.groupsNamed ? mode.groupsNamed(r.cols[dataCol]!.map(textOf).join('')) : undefined);
    const placed = placeLabels(rows, own, c, align, isData, mode.groupName ?? (() => false), mode.groupRest ?? (() => false), { continues: sec.breakAbove !== undefined, open: sec.breakAbove?.openGroups?.[c], rest: sec.breakAbove?.cutRests?.[c], atFoot: sec.end === lines.length, lastRowCut }, { said: rows.map(saidOf), key: mode.groupKey ?? compactText, outside: rows.map((r) => named(r) && r.top > firstData) }, mode.pageVotes);
    if (!placed.lastFits) misfit.add(c);
    if (placed.rest !== undefined) (cutRests ??= {})[c] = placed.rest;
  }
  // Too few rows to tell the label columns: every column left of the data may be one.
  const mayLabel = (sec.labelCols ?? (most >= 3 ? labelCols : perCol.map((_, c) => c).filter((c) => c < dataCol))).filter((c) => !misfit.has(c));
  const openGroups = sec.end === lines.length ? openGroupsAtFoot(rows, mayLabel, isData) : undefined;
  loose.sort((a, b) => a.bbox[1] - b.bbox[1]);
  for (const b of loose) {
    const i = nearestOverlap(rows, b);
    rows[i].cols[b.col].push(...b.pieces);
  }
  // Rules between the rows (a table with horizontal borders only) draw the rows themselves.
  const banded = bandRows([...headerPieces, ...byCol.flat()], ncols, colX, hRules, x0, x1);
  // A frame, or rules around whole sections only, leave bands that hold many rows: then the
  // text's own alignment decides. Bands are trusted when they are at least a third as many as the
  // rows the text shows (wrapped cells make the text alone see too many), or when no band holds
  // two numbers in one column.
  // Bands that hold at most one number a column, and whose cells merged over several bands hold
  // one paragraph each, are rows however many lines their wrapped cells take.
  const oneParagraph = (ps: readonly Piece[]): boolean => {
    const sorted = [...ps].sort((a, b) => a.bbox[1] - b.bbox[1]);
    return sorted.every((p, i) => i === 0 || p.bbox[1] - sorted[i - 1].bbox[3] < p.fontSize);
  };
  const oneRowEach = banded !== null && banded.every((r) => r.cols.every((ps, c) => ps.filter(isNumberPiece).length <= 1 && (r.merge[c]?.role !== 'start' || oneParagraph(ps))));
  const final = banded && banded.length >= 3 && (banded.length >= rows.length / 3 || oneRowEach) ? banded : rows;
  // What the labels told of a group the page before left open holds for the band their row is in.
  if (final !== rows && align === 'top') {
    for (const r of rows) {
      if (!r.fromPage) continue;
      const y = (r.top + r.bottom) / 2;
      const band = final.find((x) => x.top <= y && x.bottom >= y);
      if (band) r.fromPage.forEach((v, c) => { if (v !== undefined) (band.fromPage ??= [])[c] = v; });
    }
  }

  // A named label that shares its column with its value (2.项目实施内容及 / 过程概述, and the summary
  // beside it that runs on over both goal columns: no boundary parts them) keeps its lines there;
  // the value's lines, right of the label, go to the next column, where the rest of its lines are.
  for (const r of final) {
    for (let c = 0; c + 1 < ncols; c++) {
      const ps = r.cols[c]!;
      const label = ps.find((p) => p.runs[0]!.labelStart || p.runs[0]!.wholeCell);
      if (!label || r.merge[c + 1]?.role === 'continued') continue;
      const value = ps.filter((p) => p !== label && p.bbox[0] >= label.bbox[2] - 0.5);
      if (!value.some((p) => p.runs[0]!.cellStart && onLineOf(p, label))) continue;
      // (Where the next column holds a text of its own on a line of the value, not the rest of a
      // value's line cut at the boundary, the two are cells side by side: 预期目标 | 实际完成情况.)
      const goesOn = (q: Piece): boolean => value.some((v) => onLineOf(v, q) && q.bbox[0] >= v.bbox[2] - 0.5 && q.bbox[0] - v.bbox[2] < 0.5 * q.fontSize);
      if (r.cols[c + 1]!.some((q) => value.some((v) => onLineOf(v, q)) && !goesOn(q))) continue;
      r.cols[c] = ps.filter((p) => !value.includes(p));
      r.cols[c + 1] = [...value, ...r.cols[c + 1]!];
    }
  }
  for (const r of final) {
    const cells: Cell[] = [];
    for (let c = 0; c < ncols; c++) {
      const [cx0, cx1] = colX(c);
      const ps = r.cols[c];
      const m = r.merge[c];
      if (m?.role === 'continued') {
        cells.push({ text: '', merge: 'continued', rowSpan: 1, colSpan: 1, page, bbox: toDisplay([cx0, r.top, cx1, r.bottom]) });
        continue;
      }
      const fromPage = r.fromPage?.[c];
      const extra: Partial<Cell> = { ...(m?.role === 'start' ? { rowSpan: m.span, merge: 'start' as const } : {}), ...(fromPage !== undefined ? { continuesFromPage: fromPage } : {}) };
      if (ps.length === 0) {
        cells.push(makeCell('', page, toDisplay([cx0, r.top, cx1, r.bottom]), extra));
        continue;
      }
      ps.sort((a, b) => a.bbox[1] - b.bbox[1] || a.bbox[0] - b.bbox[0]);
      cells.push(linesToCell(toLines(ps), null, page, toDisplay(unionBox(ps.map((p) => p.bbox))), extra));
    }
    out.push({ top: (r.top + r.bottom) / 2, row: { cells, page, bbox: toDisplay([x0, r.top, x1, r.bottom]) } });
  }
  // Too few rows to tell label columns from data columns: leave it to the page that continues.
  const decided = sec.labelCols || most >= 3 ? labelCols : undefined;
  return { ...(decided ? { labelCols: decided } : {}), ...(openGroups ? { openGroups } : {}), ...(cutRests && sec.end === lines.length ? { cutRests } : {}) };
}

/**
 * Rows from horizontal rules: when rules run across the section between its rows, each band
 * between two rules is a row and everything a column holds in a band is one cell; where the rule
 * is missing over a column, that column's cell is merged over the bands on both sides (a row
 * group's label; also where it holds no text, the part of a group at a page's foot whose label the
 * next page prints). Null when fewer than two rules cross the section.
 */
function bandRows(pieces: readonly Piece[], ncols: number, colX: (c: number) => [number, number], hRules: readonly Rule[], x0: number, x1: number): LogicalRow[] | null {
  if (pieces.length === 0 || hRules.length < 2) return null;
  const top = Math.min(...pieces.map((p) => p.bbox[1])), bottom = Math.max(...pieces.map((p) => p.bbox[3]));
  const width = x1 - x0;
  const across = hRules.filter((r) => r.pos > top - 3 && r.pos < bottom + 3 && Math.min(r.end, x1) - Math.max(r.start, x0) >= 0.5 * width);
  const ys: number[] = [];
  for (const y of across.map((r) => r.pos).sort((a, b) => a - b)) if (!ys.length || y - ys[ys.length - 1] > 2) ys.push(y);
  if (ys.length < 2) return null;
  const bandOf = (p: Piece): number => {
    const c = centre(p.bbox);
    let k = 0;
    while (k < ys.length && c > ys[k]) k++;
    return k;
  };
  // drawn[k][c]: a rule at ys[k] runs under most of the text of column c (the column's bounds
  // lie midway in the gutters, wider than its cells).
  // (A label with its value, the signature line under the table above all (项目负责人：…), may
  // reach out of the table: such texts do not measure the column. A text spanning into the next
  // column counts up to the column's edge: 评价结论 in a narrow first column.)
  const textX = Array.from({ length: ncols }, (_, c) => {
    const own = pieces.filter((p) => p.col === c && !labelWithValue(lineText(p)));
    const edge = colX(c)[1];
    return own.length ? [Math.min(...own.map((p) => p.bbox[0])), Math.max(...own.map((p) => (p.spans ? Math.min(p.bbox[2], edge) : p.bbox[2])))] : colX(c);
  });
  const drawn = ys.map((y) => {
    const at = hRules.filter((r) => Math.abs(r.pos - y) <= 2);
    return Array.from({ length: ncols }, (_, c) => {
      const [a, b] = textX[c];
      return at.some((r) => Math.min(r.end, b) - Math.max(r.start, a) >= 0.6 * Math.max(1, b - a));
    });
  });
  const nb = ys.length + 1;
  const bands: Piece[][][] = Array.from({ length: nb }, () => Array.from({ length: ncols }, () => []));
  for (const p of pieces) bands[bandOf(p)][p.col].push(p);
  const used = bands.map((cols) => cols.some((c) => c.length > 0));
  const rows: LogicalRow[] = [];
  const rowOfBand = new Array<number>(nb).fill(-1);
  for (let k = 0; k < nb; k++) {
    if (!used[k]) continue;
    const ps = bands[k].flat();
    const box = unionBox(ps.map((p) => p.bbox));
    rowOfBand[k] = rows.length;
    rows.push({ top: k > 0 ? ys[k - 1] : box[1], bottom: k < ys.length ? ys[k] : box[3], cols: Array.from({ length: ncols }, () => []), merge: new Array(ncols).fill(undefined) });
  }
  for (let c = 0; c < ncols; c++) {
    let k = 0;
    while (k < nb) {
      // The bands k..e are one cell of column c: no rule over the column between them.
      let e = k;
      while (e + 1 < nb && !drawn[e][c]) e++;
      const members = [];
      for (let b = k; b <= e; b++) if (rowOfBand[b] >= 0) members.push(rowOfBand[b]);
      if (members.length) {
        const first = rows[members[0]];
        for (let b = k; b <= e; b++) first.cols[c].push(...bands[b][c]);
        if (members.length > 1) {
          first.merge[c] = { role: 'start', span: members.length };
          for (const m of members.slice(1)) rows[m].merge[c] = { role: 'continued', span: 1 };
        }
      }
      k = e + 1;
    }
  }
  return rows;
}

/**
 * One-line texts lined up across two columns or more: rows. Those in columns left of every other
 * such line's (产出指标 | 数量指标 at the top of a group, the figures of its first row lower down
 * beside a taller cell) are labels of a group that begins there, no row of their own.
 */
function lineClusters(blocks: readonly Block[], isWhole: (b: Block) => boolean, key: (b: Block) => number, tolOf: (a: Block, b: Block) => number): Block[][] {
  const lined = clusterBlocks(blocks.filter(isWhole), key, tolOf).filter((c) => c.length >= 2);
  const leftOfOthers = (c: readonly Block[]): boolean => Math.max(...c.map((b) => b.col)) < Math.min(...lined.filter((o) => o !== c).flatMap((o) => o.map((b) => b.col)));
  return lined.filter((c) => !leftOfOthers(c));
}

/**
 * Splits a block that runs over several rows when its lines fall into one cell per row: rows
 * without padding stack the wrapped cells of one column (a narrow row-label column) at the
 * pitch of wrapped text. The rows are the ones whole one-line cells of two or more columns
 * show; the block is split only if each row then gets a run of its lines aligned with the row
 * (a label merged over the rows is aligned with none of them and stays whole). The section's
 * alignment is tried first; a column aligned otherwise (labels centred where cells sit at the
 * top) is split by the one under which its lines fall into the rows. (`footLine`: the line of the
 * row a page break cuts at the section's foot, whose cells sit at the top of its part.)
 */
function splitAtRows(blocks: Block[], isWhole: (b: Block) => boolean, key: (b: Block) => number, tolOf: (a: Block, b: Block) => number, align: Align, only?: ReadonlySet<Block>, footLine: number | null = null, heads?: (b: Block) => Block | null): Map<Block, Block[]> {
  const done = new Map<Block, Block[]>();
  // (`heads`: blocks that stand for their row too, besides the whole one-line cells.)
  const extra = heads ? blocks.flatMap((b) => heads(b) ?? []) : [];
  const anchors = extra.length ? lineClusters([...blocks.filter(isWhole), ...extra], () => true, key, tolOf) : lineClusters(blocks, isWhole, key, tolOf);
  if (anchors.length < 2) return done;
  const rowsOf = anchors.map((c) => unionBox(c.map((b) => b.bbox))).sort((a, b) => a[1] - b[1]);
  for (let bi = 0; bi < blocks.length; bi++) {
    const b = blocks[bi];
    if (b.pieces.length < 2 || (only && !only.has(b))) continue;
    const made = splitOneAtRows(b, rowsOf, align, footLine);
    if (!made) continue;
    blocks.splice(bi, 1, ...made);
    bi += made.length - 1;
    done.set(b, made);
  }
  return done;
}

const pointOf = (b: BBox, a: Align): number => (a === 'top' ? b[1] : a === 'bottom' ? b[3] : centre(b));

/**
 * The lines of a block cut into one run per row it covers, each aligned with its row (the runs
 * that misalign least, a dynamic programme over the cuts); null when no alignment gives that.
 */
function splitOneAtRows(b: Block, rowsOf: readonly BBox[], align: Align, footLine: number | null = null): Block[] | null {
  const over = rowsOf.filter((r) => centre(r) > b.bbox[1] - 0.5 && centre(r) < b.bbox[3] + 0.5);
  const k = over.length;
  if (k < 2 || b.pieces.length < k) return null;
  const tol = 0.3 * b.fontSize;
  // Lines above the section's first row (the rest of a cell the page break cut, at the top of a
  // page) are a part of their own when the rows take the lines below them only.
  let lead = 0;
  while (over[0] === rowsOf[0] && lead < b.pieces.length - k && b.pieces[lead].bbox[3] <= over[0][1] + tol) lead++;
  // One alignment for every run first; failing that, each run aligned its own way (a row cut by
  // the page's foot, or one whose cells wrap unlike the rest), the others at a cost. Lines above
  // are set apart for the section's own alignment first (就业率 over 参加展 / 会人员 / 满意度 and
  // 会员企 / 业满意 / 度, centred), then as before, the fewest first.
  const aligns: Align[] = [align, ...(['middle', 'top', 'bottom'] as const).filter((x) => x !== align)];
  const leads = Array.from({ length: lead }, (_, i) => i + 1);
  const tries: Array<readonly [Align | 'any', number]> = [
    ...aligns.map((a) => [a, 0] as const),
    ...leads.map((from) => [align, from] as const),
    ['any', 0],
    ...leads.flatMap((from) => [...aligns.slice(1), 'any' as const].map((a) => [a, from] as const)),
  ];
  for (const [a, from] of tries) {
    const made = splitRunsAtRows({ ...b, pieces: b.pieces.slice(from) }, over, aligns, a, tol, footLine);
    if (!made) continue;
    if (from === 0) return made;
    const head = b.pieces.slice(0, from);
    return [{ col: b.col, pieces: head, bbox: unionBox(head.map((p) => p.bbox)), fontSize: Math.max(...head.map((p) => p.fontSize)) }, ...made];
  }
  return null;
}

/**
 * A column's lines stacked at one pitch over several rows (cells without padding) that the folds
 * left with a cell off its row: the fold gives a line between two rows to the cell above. The
 * whole stack (`minChain` blocks or more that follow one another) is cut anew so that every row's
 * lines are aligned with it (APP 注册 / 用户数 | 编制政 / 策解读 / 数量, not APP 注册 / 用户数 /
 * 编制政 | 策解读). The row a page break cuts at the section's foot (`footLine`) sets its cells at
 * the top of its part (系统可用率 / 问题整改到 / 位率 over a break: the last row's name begins on its
 * line). Returns whether a stack was cut.
 */
function recutStacks(blocks: Block[], rows: readonly BBox[], align: Align, follows: (a: Block, b: Block) => boolean, inColumn: (c: number) => boolean, minChain: number, footLine: number | null = null, lone: readonly BBox[] = []): boolean {
  // Whether a row's middle falls within a block's extent.
  const inside = (r: BBox, box: BBox): boolean => centre(r) > box[1] && centre(r) < box[3];
  // Rows seen in several columns are one.
  const rowsOf: BBox[] = [];
  for (const r of [...rows].sort((a, b) => centre(a) - centre(b))) {
    const last = rowsOf[rowsOf.length - 1];
    if (last && Math.abs(centre(last) - centre(r)) < 0.3 * (r[3] - r[1])) rowsOf[rowsOf.length - 1] = unionBox([last, r]);
    else rowsOf.push(r);
  }
  if (rowsOf.length < 2) return false;
  const fits = (b: Block): boolean => rowsOf.some((r) => Math.abs(pointOf(r, align) - pointOf(b.bbox, align)) < 0.3 * b.fontSize) &&
    rowsOf.filter((r) => inside(r, b.bbox)).length <= 1;
  let cut = false;
  for (const col of new Set(blocks.map((b) => b.col))) {
    if (!inColumn(col)) continue;
    const list = blocks.filter((b) => b.col === col).sort((a, b) => a.bbox[1] - b.bbox[1]);
    for (let i = 0; i < list.length; ) {
      let j = i + 1;
      while (j < list.length && follows(list[j - 1]!, list[j]!)) j++;
      const chain = list.slice(i, j);
      i = j;
      // (A block alone, over two figures each alone on its row and no row two columns show, is cut
      // too: ≤589.12 / (万元) / ≤138.85 / (万元) beside 4 and 2.)
      const loneIn = (b: Block): number => lone.filter((r) => inside(r, b.bbox)).length;
      const alone = chain.length === 1 && loneIn(chain[0]!) >= 2 && !rowsOf.some((r) => inside(r, chain[0]!.bbox));
      if ((chain.length < minChain && !alone) || chain.every(fits)) continue;
      const pieces = chain.flatMap((b) => b.pieces);
      const stack: Block = { col, pieces, bbox: unionBox(pieces.map((p) => p.bbox)), fontSize: Math.max(...pieces.map((p) => p.fontSize)) };
      const over = rowsOf.filter((r) => inside(r, stack.bbox));
      let made = over.length >= 2 && pieces.length >= over.length ? splitRunsAtRows(stack, over, [align], align, 0.3 * stack.fontSize, footLine) : null;
      // (Where the rows two columns show do not cut it, a figure alone on its row shows one too: a
      // weight centred on two-line cells whose other cells all wrap, 4 beside 带动受助 / 学生增收.)
      if (!made) {
        const more = lone.filter((r) => inside(r, stack.bbox) && !over.some((o) => o[1] < r[3] && o[3] > r[1]));
        const all = [...over, ...more].sort((a, b) => centre(a) - centre(b));
        if (more.length && pieces.length >= all.length) made = splitRunsAtRows(stack, all, [align], align, 0.3 * stack.fontSize, footLine);
      }
      if (!made) continue;
      blocks.splice(blocks.indexOf(chain[0]!), 1, ...made);
      for (const b of chain.slice(1)) blocks.splice(blocks.indexOf(b), 1);
      cut = true;
    }
  }
  return cut;
}

/**
 * A label block whose last lines print a group's name (满意度 / 指标 / (10分)) under lines that do
 * not begin it (标 / (30分), the rest of 效益指标(30分) a page break cut off the page before) is
 * two labels stacked at the pitch: cut before the name. (Not where the whole block is a name's
 * end: 对象 / 满意度指标, the rest of 服务 / 对象满意度指标.)
 */
function splitNamedTail(b: Block, groupName: (text: string) => boolean, groupRest: (text: string) => boolean): Block[] {
  const text = (ps: readonly Piece[]): string => ps.map((p) => normalizeCjk(lineText(p))).join('');
  if (b.pieces.length < 2 || groupName(text(b.pieces)) || groupRest(text(b.pieces))) return [b];
  for (let k = 1; k < b.pieces.length; k++) {
    const head = b.pieces.slice(0, k), tail = b.pieces.slice(k);
    if (!groupName(text(tail))) continue;
    const part = (ps: Piece[]): Block => ({ ...b, pieces: ps, bbox: unionBox(ps.map((p) => p.bbox)) });
    return [part(head), part(tail)];
  }
  return [b];
}

/**
 * A block whose lines run on beside two cells or more of a column of named labels (项目年度目标 |
 * 年度目标完成情况: rows without padding set the two goals' lines at one pitch) is cut so that each
 * part is aligned with one of the cells. `candidates`: the blocks of `blocks` that may be cut; `all`:
 * the section's blocks, label columns' among them. Returns whether a block was cut.
 */
function splitAtNamedLabels(candidates: readonly Block[], blocks: Block[], all: readonly Block[], named: (b: Block) => boolean, align: Align): boolean {
  let cut = false;
  for (const c of new Set(all.filter(named).map((b) => b.col))) {
    const cells = all.filter((b) => b.col === c).sort((a, b) => a.bbox[1] - b.bbox[1]);
    for (const b of candidates) {
      if (b.col <= c || b.pieces.length < 2 || named(b) || !blocks.includes(b)) continue;
      const over = cells.filter((l) => l.bbox[1] >= b.bbox[1] - 0.5 && l.bbox[3] <= b.bbox[3] + 0.5);
      if (over.length < 2 || !over.some(named)) continue;
      const made = splitRunsAtRows(b, over.map((l) => l.bbox), [align], align, 0.3 * b.fontSize);
      if (!made) continue;
      blocks.splice(blocks.indexOf(b), 1, ...made);
      cut = true;
    }
  }
  return cut;
}

/** `splitOneAtRows` for lines that all belong to the rows `over`, with alignment `a`. */
function splitRunsAtRows(b: Block, over: readonly BBox[], aligns: readonly Align[], a: Align | 'any', tol: number, footLine: number | null = null): Block[] | null {
  const n = b.pieces.length, k = over.length;
  const boxOf = (i: number, j: number): BBox => unionBox(b.pieces.slice(i, j).map((p) => p.bbox));
  // (The row a page break cuts at the section's foot, `footLine`, sets its cells at the top of its
  // part whatever their alignment: there the top costs nothing, in a section aligned at the middle
  // too.)
  const cutRow = (row: BBox): boolean => footLine !== null && Math.abs(centre(row) - footLine) < tol;
  const misfit = (box: BBox, row: BBox): number => {
    if (a !== 'any') return Math.min(Math.abs(pointOf(box, a) - pointOf(row, a)), a === 'middle' && cutRow(row) ? Math.abs(box[1] - row[1]) : Infinity);
    return Math.min(...aligns.map((x, i) => Math.abs(pointOf(box, x) - pointOf(row, x)) + (i && !(x === 'top' && cutRow(row)) ? 0.5 * tol : 0)));
  };
  // f[r][j]: least misalignment of lines [0, j) cut into the runs of rows [0, r).
  const f: number[][] = Array.from({ length: k + 1 }, () => new Array<number>(n + 1).fill(Infinity));
  const from: number[][] = Array.from({ length: k + 1 }, () => new Array<number>(n + 1).fill(-1));
  f[0][0] = 0;
  for (let r = 1; r <= k; r++) {
    for (let j = r; j <= n - (k - r); j++) {
      for (let i = r - 1; i < j; i++) {
        if (!Number.isFinite(f[r - 1][i])) continue;
        const d = misfit(boxOf(i, j), over[r - 1]);
        if (d >= tol) continue;
        if (f[r - 1][i] + d < f[r][j]) { f[r][j] = f[r - 1][i] + d; from[r][j] = i; }
      }
    }
  }
  if (!Number.isFinite(f[k][n])) return null;
  const cuts: number[] = [n];
  for (let r = k, j = n; r > 0; r--) { j = from[r][j]; cuts.unshift(j); }
  const made: Block[] = [];
  for (let r = 0; r < k; r++) {
    const ps = b.pieces.slice(cuts[r], cuts[r + 1]);
    made.push({ col: b.col, pieces: ps, bbox: unionBox(ps.map((p) => p.bbox)), fontSize: Math.max(...ps.map((p) => p.fontSize)) });
  }
  return made;
}

/** How many other columns hold a one-line cell lined up with a piece (a row seen by the others). */
function linedUp(singles: readonly Block[], col: number, p: Piece): number {
  return linedUpAt(singles, col, centre(p.bbox), p.fontSize);
}

/** How many other columns than `col` hold a one-line cell centred at height y. */
function linedUpAt(singles: readonly Block[], col: number, y: number, fontSize: number): number {
  const cols = new Set<number>();
  for (const x of singles) if (x.col !== col && Math.abs(centre(x.bbox) - y) < 0.3 * fontSize) cols.add(x.col);
  return cols.size;
}

/**
 * In a section whose cells sit at the top (or bottom) of their rows: whole one-line cells of two
 * other columns lined up with a later (earlier) line of a block show a row starting (ending)
 * inside the block, which is split there.
 */
function splitAgainstAlignment(blocks: Block[], isWhole: (b: Block) => boolean, align: 'top' | 'bottom', inColumn: (c: number) => boolean): void {
  const singles = blocks.filter(isWhole);
  for (let bi = 0; bi < blocks.length; bi++) {
    const b = blocks[bi];
    const n = b.pieces.length;
    if (n < 2 || !inColumn(b.col)) continue;
    const lined = b.pieces.map((p) => linedUp(singles, b.col, p) >= 2);
    const cuts: number[] = [];
    for (let k = 0; k < n; k++) {
      if (!lined[k]) continue;
      if (align === 'top' && k > 0) cuts.push(k);
      if (align === 'bottom' && k < n - 1) cuts.push(k + 1);
    }
    if (!cuts.length) continue;
    const parts: Piece[][] = [];
    let from = 0;
    for (const c of [...new Set(cuts)].sort((x, y) => x - y)) { parts.push(b.pieces.slice(from, c)); from = c; }
    parts.push(b.pieces.slice(from));
    const made = parts.filter((ps) => ps.length).map((ps) => ({ col: b.col, pieces: ps, bbox: unionBox(ps.map((p) => p.bbox)), fontSize: Math.max(...ps.map((p) => p.fontSize)) }));
    blocks.splice(bi, 1, ...made);
    bi += made.length - 1;
  }
}

/**
 * In a section whose cells are centred vertically: whole one-line cells of two other columns
 * lined up with a line of a block that is not centred on it show a row the block runs into. The block
 * keeps the lines centred on that line in one cell (the row's) and the lines above and below
 * become cells of their own. A cell of the last row that the page break cuts (`cutByBreak`) is
 * left whole.
 */
function splitOffCentre(blocks: Block[], isWhole: (b: Block) => boolean, inColumn: (c: number) => boolean, cutByBreak: (b: Block) => boolean): void {
  const singles = blocks.filter(isWhole);
  for (let bi = 0; bi < blocks.length; bi++) {
    const b = blocks[bi];
    const n = b.pieces.length;
    if (n < 2 || !inColumn(b.col)) continue;
    const tol = 0.3 * b.fontSize;
    if (singles.some((x) => x.col !== b.col && Math.abs(centre(x.bbox) - centre(b.bbox)) < tol)) continue;
    if (cutByBreak(b)) continue;
    // The row's line: one of the block's lines, or halfway between two (a row of two lines).
    let k = b.pieces.findIndex((p) => linedUp(singles, b.col, p) >= 2), w = 1;
    if (k < 0) {
      k = b.pieces.findIndex((p, i) => i < n - 1 && linedUpAt(singles, b.col, (centre(p.bbox) + centre(b.pieces[i + 1]!.bbox)) / 2, p.fontSize) >= 2);
      w = 2;
    }
    if (k < 0) continue;
    const j = Math.min(k, n - w - k);
    const parts = [b.pieces.slice(0, k - j), b.pieces.slice(k - j, k + j + w), b.pieces.slice(k + j + w)].filter((ps) => ps.length > 0);
    if (parts.length < 2) continue;
    const made = parts.map((ps) => ({ col: b.col, pieces: ps, bbox: unionBox(ps.map((p) => p.bbox)), fontSize: Math.max(...ps.map((p) => p.fontSize)) }));
    blocks.splice(bi, 1, ...made);
    bi += made.length - 1;
  }
}

/**
 * Undoes a join that two rows' cells share: where two lines of one block each line up with a
 * whole one-line cell of another column (different cells; not a number cut short), they are on
 * two rows (rows without padding
 * put the lines of consecutive single-line rows at the pitch of wrapped text).
 */
function splitByRowEvidence(blocks: Block[], isWhole: (b: Block) => boolean, rowLines?: Map<Block, number[]>): Map<Block, Block[]> {
  const done = new Map<Block, Block[]>();
  const singles = blocks.filter(isWhole);
  for (let bi = 0; bi < blocks.length; bi++) {
    const b = blocks[bi];
    if (b.pieces.length < 2) continue;
    const beside = b.pieces.map((p) => {
      const tol = 0.3 * p.fontSize;
      return singles.filter((x) => x.col !== b.col && Math.abs(centre(x.bbox) - centre(p.bbox)) < tol && x.bbox[0] !== p.bbox[0]).map((x) => x.col);
    });
    // Texts beside its first line that are all left of the block and of every column the texts
    // beside its other lines are in (产出指标 | 数量指标 on the first line of a five-line cell, the
    // figures of the row on its third) show no row of their own: labels at the top of a group that
    // begins with the row.
    const others = beside.slice(1).flat();
    const evidenced = beside.map((cs, k) => cs.length > 0 && !(k === 0 && Math.max(...cs) < Math.min(b.col, ...others)));
    let seen = false;
    let from = 0;
    const parts: Piece[][] = [];
    b.pieces.forEach((p, k) => {
      if (evidenced[k]) {
        if (seen && k > from) {
          parts.push(b.pieces.slice(from, k));
          from = k;
        }
        seen = true;
      }
    });
    if (parts.length === 0) continue;
    parts.push(b.pieces.slice(from));
    rowLines?.set(b, evidenced.flatMap((e, k) => (e ? [k] : [])));
    const made = parts.map((ps) => ({ col: b.col, pieces: ps, bbox: unionBox(ps.map((p) => p.bbox)), fontSize: Math.max(...ps.map((p) => p.fontSize)) }));
    blocks.splice(bi, 1, ...made);
    bi += made.length - 1;
    done.set(b, made);
  }
  return done;
}

/**
 * Clusters the blocks into rows, first folding a block that aligns with nothing into the block
 * above it in its column when it follows at the line pitch (another paragraph of that cell).
 */
function foldParagraphs(
  blocks: Block[],
  key: (b: Block) => number,
  tolOf: (a: Block, b: Block) => number,
  follows: (a: Block, b: Block, fontSize: number) => boolean,
  afterFold: (blocks: Block[]) => void,
): Block[][] {
  let clusters = clusterBlocks(blocks, key, tolOf);
  // Blocks once aligned with a row: two of them are two rows' cells, even after what was folded
  // into the lower one moved its centre off its row.
  const anchored = new Set<Block>();
  for (let round = 0; round < 4; round++) {
    const single = new Set<Block>();
    for (const c of clusters) {
      if (c.length === 1) single.add(c[0]);
      else for (const b of c) anchored.add(b);
    }
    let changed = false;
    const byColumn = new Map<number, Block[]>();
    for (const b of blocks) {
      let l = byColumn.get(b.col);
      if (!l) byColumn.set(b.col, (l = []));
      l.push(b);
    }
    for (const list of byColumn.values()) {
      list.sort((a, b) => a.bbox[1] - b.bbox[1]);
      for (let i = 1; i < list.length; i++) {
        const above = list[i - 1], cur = list[i];
        if (!single.has(cur) || !follows(above, cur, cur.fontSize)) continue;
        if (anchored.has(cur) && anchored.has(above)) continue;
        if (isNumberPiece(above.pieces[above.pieces.length - 1]) && isNumberPiece(cur.pieces[0])) continue;
        above.pieces.push(...cur.pieces);
        above.bbox = unionBox([above.bbox, cur.bbox]);
        above.fontSize = Math.max(above.fontSize, cur.fontSize);
        blocks.splice(blocks.indexOf(cur), 1);
        list.splice(i, 1);
        i--;
        changed = true;
      }
    }
    if (!changed) break;
    // Folding may run on across rows (cells without padding stack their lines at one pitch):
    // what the rows split apart again stays apart.
    afterFold(blocks);
    clusters = clusterBlocks(blocks, key, tolOf);
  }
  return clusters;
}

/** Pieces of one cell as lines (pieces of one line side by side are one line). */
function toLines(ps: readonly Piece[]): TextLine[] {
  const lines: TextLine[] = [];
  for (const p of ps) {
    const last = lines[lines.length - 1];
    if (last && Math.abs(centre(last.bbox) - centre(p.bbox)) < 0.4 * p.fontSize) {
      last.runs.push(...p.runs);
      last.runs.sort((a, b) => a.bbox[0] - b.bbox[0]);
      last.bbox = unionBox([last.bbox, p.bbox]);
    } else lines.push({ runs: [...p.runs], bbox: p.bbox, fontSize: p.fontSize });
  }
  return lines;
}

/**
 * How the cells of a section are aligned vertically: the alignment that most often lines up
 * a block of several lines with a block of another column that overlaps it. A section with few
 * such pairs takes the page's (a document aligns its cells one way).
 */
export type AlignVotes = Record<Align, number>;

/**
 * Weight of a vote for centred cells against one for cells at the top or the bottom. Cells at the
 * top of their rows line up by their centres almost never; in a centred table, a row's one-line
 * cell joined to the next row's wrapped lines (rows without padding) lines up by its top with the
 * row's other cells. So centre votes are the stronger evidence.
 */
const MIDDLE_VOTE_WEIGHT = 2;

/** The alignment the votes name, centre votes counting double (centre on ties). */
function alignmentOf(votes: AlignVotes): Align {
  const middle = MIDDLE_VOTE_WEIGHT * votes.middle;
  if (votes.top > middle && votes.top >= votes.bottom) return 'top';
  if (votes.bottom > middle && votes.bottom > votes.top) return 'bottom';
  return 'middle';
}

/**
 * Votes of a section's blocks for each vertical alignment (see `alignmentOf`). A block of a data
 * column that overlaps two blocks of another column runs over two rows (cells without padding,
 * their lines at one pitch, read as one): it is no evidence. (A label column's block is centred,
 * or set at the top or foot, over the rows of its group.) Nor is a pair of `mute` blocks.
 */
function alignmentVotes(blocks: readonly Block[], inDataCol: (c: number) => boolean, mute: (b: Block) => boolean = () => false, cut: ReadonlySet<Block> = new Set()): AlignVotes {
  const votes: AlignVotes = { middle: 0, top: 0, bottom: 0 };
  const sorted = [...blocks].sort((a, b) => a.bbox[1] - b.bbox[1]);
  const overTwo = (a: Block, col: number, tol: number): boolean =>
    inDataCol(a.col) && a.pieces.length > 1 && sorted.filter((c) => c.col === col && c.bbox[1] < a.bbox[3] - tol && c.bbox[3] > a.bbox[1] + tol).length >= 2;
  for (let i = 0; i < sorted.length; i++) {
    const a = sorted[i];
    for (let j = i + 1; j < sorted.length && sorted[j].bbox[1] < a.bbox[3]; j++) {
      const b = sorted[j];
      if (a.col === b.col || (a.pieces.length === 1 && b.pieces.length === 1) || (mute(a) && mute(b)) || cut.has(a) || cut.has(b)) continue;
      const tol = 0.3 * Math.min(a.fontSize, b.fontSize);
      if (overTwo(a, b.col, tol) || overTwo(b, a.col, tol)) continue;
      const dt = Math.abs(a.bbox[1] - b.bbox[1]), db = Math.abs(a.bbox[3] - b.bbox[3]), dm = Math.abs(centre(a.bbox) - centre(b.bbox));
      if (dm < tol && dt >= tol) votes.middle++;
      if (dt < tol && dm >= tol) votes.top++;
      if (db < tol && dm >= tol) votes.bottom++;
    }
  }
  return votes;
}

/**
 * The alignments under which a block's lines fall into rows whose lines of evidence (one-line
 * cells of other columns beside them) are the lines `at`: at the top, its first line is one; at
 * the foot, its last; centred, its lines part into runs, one per row, each centred on the row's
 * line. The row a page break cuts (`cutAtFoot` on its line) begins on its line and runs to the end.
 */
function alignmentsFitting(b: Block, at: readonly number[], cutAtFoot: (p: Piece) => boolean): Align[] {
  const ps = b.pieces, n = ps.length;
  const fits: Align[] = [];
  if (at[0] === 0) fits.push('top');
  if (at[at.length - 1] === n - 1 && !cutAtFoot(ps[n - 1]!)) fits.push('bottom');
  let from = 0;
  const centred = at.every((k, i) => {
    if (k < from) return false;
    if (i === at.length - 1 && cutAtFoot(ps[k]!)) {
      if (k !== from) return false;
      from = n;
      return true;
    }
    const tol = 0.3 * ps[k]!.fontSize;
    for (let e = k; e < n; e++) {
      if (Math.abs((ps[from]!.bbox[1] + ps[e]!.bbox[3]) / 2 - centre(ps[k]!.bbox)) < tol) {
        from = e + 1;
        return true;
      }
    }
    return false;
  });
  if (centred && from === n) fits.push('middle');
  return fits;
}

/** Groups blocks of different columns that overlap vertically and share their alignment. */
function clusterBlocks(blocks: readonly Block[], key: (b: Block) => number, tolOf: (a: Block, b: Block) => number): Block[][] {
  const order = blocks.map((_, i) => i).sort((a, b) => key(blocks[a]) - key(blocks[b]));
  const parent = blocks.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]];
    return i;
  };
  for (let x = 0; x < order.length; x++) {
    const a = blocks[order[x]];
    for (let y = x + 1; y < order.length; y++) {
      const b = blocks[order[y]];
      const tol = tolOf(a, b);
      if (key(b) - key(a) > tol) break;
      if (a.col === b.col) continue;
      parent[find(order[y])] = find(order[x]);
    }
  }
  const groups = new Map<number, Block[]>();
  blocks.forEach((b, i) => {
    const r = find(i);
    let g = groups.get(r);
    if (!g) groups.set(r, (g = []));
    g.push(b);
  });
  return [...groups.values()];
}

/** Whether a block overlaps vertically a cluster of at least two other blocks. */
function overlapsOthers(b: Block, clusters: readonly Block[][]): boolean {
  return overlapped(b, clusters).length > 0;
}

/**
 * Whether a block fills the white between two rows (clusters of at least two blocks) and touches
 * both: a label centred on the two, half a line pitch off the rows' lines (a one-line label of a
 * two-row group in a table whose rows are one line apart). A row of its own keeps the rows' pitch.
 */
function wedged(b: Block, clusters: readonly Block[][]): boolean {
  const boxes = clusters.filter((c) => c.length >= 2 && !c.includes(b)).map((c) => unionBox(c.map((x) => x.bbox)));
  const tol = 0.3 * b.fontSize;
  const above = boxes.filter((x) => x[3] <= b.bbox[1] + 0.5).map((x) => b.bbox[1] - x[3]);
  const below = boxes.filter((x) => x[1] >= b.bbox[3] - 0.5).map((x) => x[1] - b.bbox[3]);
  if (!above.length || !below.length) return false;
  const up = Math.min(...above), down = Math.min(...below);
  return up < tol && down < tol && Math.abs(up - down) < tol;
}

/** The clusters of at least two other blocks that a block overlaps vertically. */
function overlapped(b: Block, clusters: readonly Block[][]): Block[][] {
  return clusters.filter((c) => {
    if (c.length < 2 || c.includes(b)) return false;
    const box = unionBox(c.map((x) => x.bbox));
    return b.bbox[1] < box[3] - 0.5 && b.bbox[3] > box[1] + 0.5;
  });
}

/** What the rows' names say of their groups (`FormHints.groupWords`), and a label's key to compare with. */
interface RowNames {
  said: readonly (ReadonlySet<string> | undefined)[];
  key: (text: string) => string;
  /** Rows in no group: a total or field row under the data (合计, 评价结论). */
  outside?: readonly boolean[];
}

/** The cost of a row whose name says another group of the column than its label's (see `placeLabels`). */
const NAME_COST = 0.3;

/** Where a section meets page breaks: it continues a table, with a group left open, or runs to the page's foot. */
interface PageBreaks {
  continues: boolean;
  open: OpenGroup | undefined;
  /** The extent expected on this page of a group cut at the page before's foot, whose label stood there. */
  rest?: number | undefined;
  atFoot: boolean;
  /** The page's last row is cut by the break (its cells sit at the top of their part). */
  lastRowCut?: boolean;
}

type RowSlots = readonly LogicalRow[];

/** The row a block overlaps most (the nearest when it overlaps none). */
function nearestOverlap(rows: RowSlots, b: Block): number {
  let best = -1, bestO = 0;
  rows.forEach((r, i) => {
    const o = Math.min(b.bbox[3], r.bottom) - Math.max(b.bbox[1], r.top);
    if (o > bestO) { best = i; bestO = o; }
  });
  return best >= 0 ? best : nearestRow(rows, centre(b.bbox));
}

/**
 * Whether block b is the next line of block a's text: right under it, at the line pitch, in the
 * same font, the narrower one's extent within the wider one's (lines centred or set left alike).
 * (Writer from .docx may set lines 1.7 em apart: 满意度指标(10 over 分), 0.8 em of white between
 * the glyphs' boxes.)
 */
function stackedLines(a: Block, b: Block): boolean {
  const size = Math.max(a.fontSize, b.fontSize);
  if (Math.abs(a.fontSize - b.fontSize) > 0.1 * size) return false;
  const gap = b.bbox[1] - a.bbox[3];
  if (gap < -0.2 * size || gap > 0.9 * size) return false;
  const [narrow, wide] = a.bbox[2] - a.bbox[0] <= b.bbox[2] - b.bbox[0] ? [a, b] : [b, a];
  return narrow.bbox[0] >= wide.bbox[0] - 0.5 * size && narrow.bbox[2] <= wide.bbox[2] + 0.5 * size;
}

/**
 * Places the labels of one column over groups of rows, as merged cells. Each label is aligned
 * with its group as the section aligns cells (centred on it, or on its first or last row), and
 * the groups of a column follow one another over the data rows: the placement is the one with
 * the least misalignment and the fewest data rows left to no label (a dynamic programme over
 * the labels, top to bottom). On a page that continues a table, the rows above the first label
 * may belong to a group begun and labelled on the page before; at the foot of a page, the rows
 * below the last label to a group labelled on the next page (at a lesser cost). The rows' names
 * weigh in a little (`names`): a row whose name says another label's group costs a third of a
 * row left bare.
 */
function placeLabels(rows: RowSlots, labels: readonly Block[], c: number, align: Align, isData: (r: RowSlots[number]) => boolean, groupName: (text: string) => boolean, groupRest: (text: string) => boolean, at: PageBreaks, names: RowNames = { said: [], key: (t) => t }, votes?: AlignVotes): { lastFits: boolean; rest?: number } {
  const { open } = at;
  const n = rows.length;
  if (n === 0) return { lastFits: false };
  // (A group takes in no total or field row: 可持续影响指标 centred as well on its two rows as on
  // the three rows before 合计 and that row.)
  const free = (i: number): boolean => rows[i].cols[c].length === 0 && rows[i].merge[c] === undefined && !names.outside?.[i];
  const dataBefore = [0];
  for (let i = 0; i < n; i++) dataBefore.push(dataBefore[i] + (isData(rows[i]) ? 1 : 0));
  const dataIn = (a: number, b: number): number => (b < a ? 0 : dataBefore[b + 1] - dataBefore[a]);
  const firstData = rows.findIndex(isData);
  const point = (b: Block, a: Align): number => (a === 'top' ? b.bbox[1] : a === 'bottom' ? b.bbox[3] : centre(b.bbox));
  const groupPoint = (i: number, j: number, a: Align): number => (a === 'top' ? rows[i].top : a === 'bottom' ? rows[j].bottom : (rows[i].top + rows[j].bottom) / 2);
  // (`by`: the error of each alignment that fits, for placing a column's labels all one way.)
  interface Cand { s: number; e: number; err: number; cut?: boolean; rest?: number; by?: Partial<Record<Align, number>>; restOfCut?: boolean }
  // Producers often align the labels of row groups otherwise than the cells (Writer from HTML
  // puts them at the top of their group): the other alignments are allowed at a small cost.
  const aligns: Align[] = [align, ...(['middle', 'top', 'bottom'] as const).filter((a) => a !== align)];
  // (An alignment that hardly any block of the page and the pages before shows, a twentieth of
  // their votes, costs twice as much: 质量指标 set at the foot of six rows where a hundred cells
  // and labels were centred and two set at the foot.)
  const total = votes ? votes.middle + votes.top + votes.bottom : 0;
  const otherCost = (a: Align): number => (a === align ? 0 : votes && total >= 20 && votes[a] < 0.05 * total ? 1 : 0.5);
  const gap = open ? rowGap(rows) : 0;
  // Rows taller than their texts by amounts that differ from row to row (Calc keeps the heights the
  // sheet sets): the white between the rows' texts varies by more than two ems.
  const gaps = rows.slice(1).map((r, k) => r.top - rows[k]!.bottom).filter((g) => g > 0);
  const slack = gaps.length >= 2 && Math.max(...gaps) - Math.min(...gaps) > 2 * (labels[0]?.fontSize ?? 10);
  // The last group at a page's foot may go on over the break: Writer and Chromium print the text
  // of a cell a break cuts at the top of its first part, whatever the cell's alignment.
  const lastData = n - 1 - [...rows].reverse().findIndex(isData);
  // Where the page before's last label stood on a group the break cut, the rows its rest reaches
  // are that group's.
  const restRows = at.rest === undefined ? 0 : rows.filter((r) => (r.top + r.bottom) / 2 < rows[0]!.top + at.rest!).length;
  // The lines of one label stacked at one pitch, each beside a row of one line (社会效益 / 指标
  // where cells have no padding), may have been taken for labels of their own: two labels in a
  // row, one right under the other, may be one, where together they print a name the form gives
  // its groups and the first alone does not.
  const units: { first: number; last: number; block: Block }[] = labels.map((b, k) => ({ first: k, last: k, block: b }));
  const text = (x: Block): string => x.pieces.map((p) => normalizeCjk(lineText(p))).join('');
  for (let k = 0; k + 1 < labels.length; k++) {
    const a = labels[k]!, b = labels[k + 1]!;
    if (!stackedLines(a, b) || groupName(text(a)) || !groupName(text(a) + text(b))) continue;
    units.push({ first: k, last: k + 1, block: { ...a, pieces: [...a.pieces, ...b.pieces], bbox: unionBox([a.bbox, b.bbox]) } });
  }
  // A row whose name says it belongs to another group of this column's labels here (及时率 under
  // 成本指标 where 时效指标 is one) costs a little: where the layout fits two placements about as
  // well, the rows' names decide. (Rows above the first label on a page that continues a group,
  // and below the last at its foot, are of groups whose labels are on other pages.)
  const keys = new Set(units.map((u) => names.key(text(u.block))));
  // strayIn(k, a, b): rows a..b whose names say a group of this column's labels here other than
  // k's (any, for k null); prefix sums per label, made when first asked for.
  const prefixes = new Map<string | null, number[]>();
  const strayIn = (k: string | null, a: number, b: number): number => {
    if (b < a) return 0;
    let pre = prefixes.get(k);
    if (!pre) {
      pre = [0];
      for (let i = 0; i < n; i++) {
        const said = names.said[i];
        pre.push(pre[i]! + (said && [...said].some((g) => keys.has(g)) && (k === null || !said.has(k)) ? 1 : 0));
      }
      prefixes.set(k, pre);
    }
    return pre[b + 1]! - pre[a]!;
  };
  const cands: Cand[][] = units.map(({ block: b, first, last }) => {
    const near = nearestOverlap(rows, b);
    const isLast = last === labels.length - 1;
    const cutHere = (j: number, a: Align): boolean => at.atFoot && isData(rows[n - 1]) && isLast && a === 'top' && j >= lastData && (j === n - 1 || !free(j + 1));
    const tol = 0.5 * b.fontSize;
    const out: Cand[] = [];
    if (free(near)) {
      for (let i = near; i >= 0 && free(i); i--) {
        for (let j = near; j < n && free(j); j++) {
          let err = Infinity;
          const by: Partial<Record<Align, number>> = {};
          for (const a of aligns) {
            // A group that takes in the row the break cuts is cut too: its label is at its top.
            if (at.lastRowCut && isLast && j === n - 1 && a !== 'top') continue;
            // (Groups of three or five rows whose row heights the texts do not show: `offCentredRows`.
            // The sum over more rows gathers the error of each row's middle. Where the white between
            // rows varies less, still for groups of three or five that the texts' middle does not
            // fit, whose middle the rows' middles give exactly: 质量指标 half an em below the middle of
            // its three rows' texts, right on the middle the rows' own middles give. An even group's
            // boundaries are free, and would fit too much.)
            const plain = Math.abs(groupPoint(i, j, a) - point(b, a));
            // (Nor for a group of up to eight rows that misses by less than half the tolerance: the
            // rows' middles decide: 数量指标 of six rows, half an em off its texts' middle.)
            const nearMiss = plain >= tol && plain < 1.5 * tol && j - i <= 7;
            const d = (((slack || ((j - i) % 2 === 0 && plain >= tol)) && j - i <= 4) || nearMiss) && a === 'middle' && align === 'middle' && j > i ? Math.min(plain, offCentredRows(rows, i, j, point(b, a))) : plain;
            if (d < tol) {
              err = Math.min(err, d / tol + (cutHere(j, a) ? 0 : otherCost(a)));
              by[a] = d / tol + 0.01 * (j - i);
            }
          }
          // A group at the page's top takes in the group the page before left open, unless the
          // section sets its cells at the top and the label stands at the top of the page's first
          // row: there a group begins (a cut cell's label is printed in its first part).
          // (Nor where rows above the first row of data hold the rest of the row the break cut,
          // 2022 年 12 / 月 31 日前完 | 成: the open group has its part on this page.)
          const opens = (align === 'top' && i === firstData && Math.abs(rows[i].top - b.bbox[1]) < tol) || (i === firstData && firstData > 0);
          if (Number.isFinite(err) && !(open && i <= firstData && !opens)) out.push({ s: i, e: j, err: err + 0.01 * (j - i), by });
        }
      }
    }
    // The rest of a label the page before's foot cut (质量指 | 标: Calc prints the label centred on
    // the whole merged cell and clips it at each page's edge), first on this page and above the
    // rows the rest of that cell reaches: the label of those rows.
    if (first === 0 && at.continues && restRows > 0 && groupRest(text(b)) && !groupName(text(b)) && centre(b.bbox) < rows[restRows - 1]!.bottom) {
      let j = 0;
      while (j < restRows && free(j)) j++;
      if (j === restRows) out.push({ s: 0, e: restRows - 1, err: 0, cut: true, restOfCut: true });
    }
    // (Or the label whole, printed on both sides of the break where the whole cell's middle falls on
    // it, and standing above this page's first row: 质量指标 at the foot of one page and over the
    // five rows of its rest on the next. No label stands over its own group above its first line.)
    // (The rest the page before measured is rough: a row more or less costs a little, and the labels
    // below decide.)
    if (first === 0 && at.continues && restRows > 0 && groupName(text(b)) && b.bbox[3] <= rows[0]!.top + 0.25 * b.fontSize) {
      let j = 0;
      while (j < n && j <= restRows && free(j)) j++;
      for (let e = Math.max(0, restRows - 2); e < j; e++) out.push({ s: 0, e, err: 0.1 + 0.2 * Math.abs(e - restRows + 1), cut: true, restOfCut: true });
    }
    // (Where the page before did not tell how far that cell reaches, a label set at the top of its
    // cell, the rest over the first row labels some of the rows at the top; the labels below
    // decide how many.)
    if (first === 0 && at.continues && at.rest === undefined && groupRest(text(b)) && !groupName(text(b)) && b.bbox[1] < rows[0]!.bottom) {
      for (let j = 0; j < n && free(j); j++) out.push({ s: 0, e: j, err: 0.25 + 0.01 * j, cut: true, restOfCut: true });
    }
    // A group begun on the page before, whose rows there no label covered: its label is centred
    // on the whole merged cell, both parts and the gap between them (Calc and Chromium print a
    // label cut by a page break where the whole cell's middle falls). The parts' extents are the
    // texts', so the tolerance is wider.
    if (open && free(0)) {
      const y = centre(b.bbox);
      for (let j = 0; j < n && free(j); j++) {
        if (rows[j].bottom < y) continue;
        const d = Math.abs(rows[0].top + (rows[j].bottom - rows[0].top - open.height - gap) / 2 - y);
        if (d < 2 * tol) out.push({ s: 0, e: j, err: d / (2 * tol) + 0.25 + 0.01 * j, cut: true });
      }
    }
    // (Where the page before left no group open that it could tell, its last rows each beside a
    // name of its own, a first label above the middle of the rows from this page's top down to a
    // group's end may be centred on the whole cell, its part on the page before unknown: 成本指标
    // over six rows here and one there.)
    // (Not one on the page's first row, that may be its own or printed where the break cut its cell;
    // nor over a first row that holds the rest of a row the break cut, no row of data.)
    if (first === 0 && at.continues && !open && at.rest === undefined && free(0) && isData(rows[0]!) && b.bbox[1] >= rows[0]!.bottom) {
      const y = centre(b.bbox);
      for (let j = 0; j < n && free(j); j++) {
        if (rows[j]!.bottom > y && (rows[0]!.top + rows[j]!.bottom) / 2 - y >= tol) out.push({ s: 0, e: j, err: 0.6 + 0.01 * j, cut: true });
      }
    }
    // The last label at a page's foot may be centred on a merged cell the break cuts (Calc prints
    // it where the whole cell's middle falls): it stands below the middle of the cell's rows on
    // this page, down to the page's foot. Any group of the last rows whose middle is above it may
    // be that one, the nearer the likelier; the tiling of the groups above decides. (Where cells
    // are centred, a label that fits some rows too may be such a label, if it stands clearly
    // below the middle: the cost of the rows the other fit leaves bare decides.)
    if ((out.length === 0 || align === 'middle') && at.atFoot && isLast && isData(rows[n - 1]!) && free(n - 1)) {
      const y = centre(b.bbox);
      const min = out.length === 0 ? -tol : tol;
      for (let i = n - 1; i >= 0 && free(i); i--) {
        const below = y - groupPoint(i, n - 1, 'middle');
        // (What the whole cell has left for the next page: as far below the label as this part reaches above it, less this part.)
        if (below >= min) out.push({ s: i, e: n - 1, err: 0.5 + (0.1 * Math.max(0, below)) / b.fontSize, cut: true, rest: Math.max(0, 2 * (y - rows[i]!.top) - (rows[n - 1]!.bottom - rows[i]!.top)) });
      }
    }
    // (Two labels taken as one cost what each would, and a little more: they are one only where
    // that places them much better.)
    // (Centred on a group the break cuts, at the page's foot, a name's lines stacked are one label:
    // its place tells nothing of its lines, so the fit costs once.)
    if (last > first) return out.map((x) => ({ ...x, err: (x.rest !== undefined ? 1 : 2) * x.err + 0.2, ...(x.by ? { by: Object.fromEntries(Object.entries(x.by).map(([a, e]) => [a, 2 * e + 0.2])) } : {}) }));
    if (!out.length) {
      // The row it overlaps has a cell in this column already (a group's label printed high in
      // its first row, just under the header): the nearest row free there, below first.
      let at = near;
      for (let d = 1; !free(at) && d < n; d++) {
        if (near + d < n && free(near + d)) at = near + d;
        else if (near - d >= 0 && free(near - d)) at = near - d;
      }
      out.push({ s: at, e: at, err: MISFIT });
    }
    return out;
  });
  const weighed = cands.map((cs, u) => {
    const k = names.key(text(units[u]!.block));
    return cs.map((x) => {
      const d = NAME_COST * strayIn(k, x.s, x.e);
      return d === 0 ? x : { ...x, err: x.err + d, ...(x.by ? { by: Object.fromEntries(Object.entries(x.by).map(([a, e]) => [a, e + d])) } : {}) };
    });
  });
  // Rows above the first label are free only when the page before left no group open: else the
  // open group's label is on this page. (The rows the rest of a cut group reaches are its own:
  // the first label here begins after them, unless it is the rest of that label.)
  const above = ({ s, restOfCut }: Cand): number => (restOfCut ? 0 : at.continues && !open ? (at.rest === undefined ? 0 : dataIn(Math.min(s, restRows), Math.max(s, restRows) - 1)) + NAME_COST * strayIn(null, 0, s - 1) : dataIn(0, s - 1));
  const below = (e: number): number => (at.atFoot ? 0.25 * dataIn(e + 1, n - 1) + NAME_COST * strayIn(null, e + 1, n - 1) : dataIn(e + 1, n - 1));
  // A producer sets every label of a column one way: the labels placed all at one alignment (the
  // section's, or another at the small cost once) are preferred to a mix, which costs as much
  // again. (A label a page break cut, or one centred on a cut group, fits any.)
  const mixed = leastCostPath(weighed, units, labels.length, above, below, dataIn);
  let chosen = mixed?.path ?? null, cost = mixed ? mixed.cost + 0.5 : Infinity;
  // (The first label on a page that continues the table, and the last at a page's foot, may be of
  // a group the break cut: they keep every way.)
  const looseEnd = (u: number): boolean => (at.continues && units[u]!.first === 0) || (at.atFoot && units[u]!.last === labels.length - 1);
  for (const a of aligns) {
    const one = weighed.map((cs, u) => (looseEnd(u) ? cs : cs.flatMap((x) => (!x.by ? [x] : x.by[a] !== undefined ? [{ ...x, err: x.by[a]! }] : []))));
    const path = one.every((cs) => cs.length > 0) ? leastCostPath(one, units, labels.length, above, below, dataIn) : null;
    const c = path ? path.cost + otherCost(a) : Infinity;
    if (path && c <= cost) {
      chosen = path.path;
      cost = c;
    }
  }
  // No consistent placement (labels out of order): each on the row it overlaps.
  const placed = chosen ?? labels.map((b, k) => ({ s: nearestOverlap(rows, b), e: -1, cut: false, unit: k }));
  placed.forEach(({ s: i, e: j, cut, unit }, k) => {
    const b = units[unit]!.block;
    rows[i].cols[c].push(...b.pieces);
    // Whether the group the page before left open goes on here tells where that group's label is.
    // (A page that continues the table with no group left open begins its groups afresh.)
    if (k === 0 && at.continues) (rows[i].fromPage ??= [])[c] = !!open && cut === true;
    if (j > i) {
      rows[i].merge[c] = { role: 'start', span: j - i + 1 };
      for (let r = i + 1; r <= j; r++) rows[r].merge[c] = { role: 'continued', span: 1 };
    }
  });
  const last = chosen?.[chosen.length - 1];
  return { lastFits: last !== undefined && last.err < MISFIT, ...(last?.rest !== undefined ? { rest: last.rest } : {}) };
}

/**
 * How far y is from the middle of rows i..j, each of whose cells are centred in it, so that each
 * row reaches as far above its texts' middle as below: the boundary between two rows is then as
 * far from the one's middle as from the other's, and each boundary follows from the one above.
 * For an odd number of rows the middle is c_i − c_i+1 + … + c_j, whatever the first boundary.
 * Producers give rows more height than their text needs (Calc keeps the heights the sheet sets),
 * so the texts' extents do not show the rows': the middles do. For an even number of rows the
 * middle moves with the first boundary: the distance is then to the span of middles the possible
 * boundaries give (0 inside it). Infinity where no boundaries keep every row's text inside it (a
 * row's text set otherwise).
 */
function offCentredRows(rows: RowSlots, i: number, j: number, y: number): number {
  const mid = (k: number): number => (rows[k]!.top + rows[k]!.bottom) / 2;
  // Boundary k (above row k) is sign * b + off, b being the boundary above row i.
  let lo = i > 0 ? rows[i - 1]!.bottom : -Infinity, hi = rows[i]!.top;
  let sign = 1, off = 0;
  for (let k = i; k <= j; k++) {
    // The boundary under row k: 2 * mid(k) − the boundary above it.
    [sign, off] = [-sign, 2 * mid(k) - off];
    const floor = rows[k]!.bottom, ceil = k + 1 < rows.length ? rows[k + 1]!.top : Infinity;
    // floor ≤ sign * b + off ≤ ceil
    const a = (floor - off) / sign, c = (ceil - off) / sign;
    lo = Math.max(lo, Math.min(a, c));
    hi = Math.min(hi, Math.max(a, c));
  }
  if (lo > hi + 0.5) return Infinity;
  // The middle: (b + sign * b + off) / 2.
  if (sign === -1) return Math.abs(off / 2 - y);
  // (An even number of rows: b + off / 2, as far as the boundaries may lie; above the first row
  // nothing bounds them.)
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return Infinity;
  const a = Math.min(lo, hi) + off / 2, c = Math.max(lo, hi) + off / 2;
  return y < a ? a - y : y > c ? y - c : 0;
}

/**
 * Two labels of one label column never name one row: a row that several labels of a column lie
 * on (texts of rows at one line pitch read as one paragraph: 评价结论, 存在问题, 改进措施 beside
 * their texts) is cut between them, at the gap between lines nearest the middle of the two
 * labels, when each label then stands at the middle or the top of its part.
 */
/**
 * Joins into a row the rows that lie wholly within its height, where none has text in a column
 * where it has some: cells of one row aligned differently (a label centred beside a goal set at
 * the top of its cell) are one row, whatever the page's alignment says; no row of a table lies
 * inside another's.
 */
function joinRowsInside(rows: LogicalRow[], header: LogicalRow | null): void {
  // Tallest first: a row inside a row inside another goes with the outermost.
  const order = [...rows].sort((a, b) => b.bottom - b.top - (a.bottom - a.top));
  for (const outer of order) {
    if (outer === header || !rows.includes(outer)) continue;
    const inside = rows.filter((inner) => {
      if (inner === outer || inner === header || inner.bottom - inner.top >= outer.bottom - outer.top) return false;
      const size = Math.max(...inner.cols.flat().map((p) => p.fontSize), 1);
      return inner.top >= outer.top - 0.2 * size && inner.bottom <= outer.bottom + 0.2 * size;
    });
    // All of them or none: together they are the rest of the row's cells. Two named cell labels
    // (项目年度目标 over 年度目标完成情况) begin two rows.
    const named = (r: LogicalRow): boolean => r.cols.some((ps) => ps.some((p) => p.runs.some((x) => x.wholeCell)));
    if (!inside.length || inside.filter(named).length > 1 || inside.some((inner) => inner.cols.some((ps, c) => ps.length > 0 && outer.cols[c]!.length > 0))) continue;
    for (const inner of inside) {
      inner.cols.forEach((ps, c) => outer.cols[c]!.push(...ps));
      rows.splice(rows.indexOf(inner), 1);
    }
  }
}

function splitRowsAtLabels(rows: LogicalRow[], labels: readonly Block[], labelCols: readonly number[], continues = false): void {
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    for (const c of labelCols) {
      const on = labels.filter((b) => b.col === c && centre(b.bbox) > row.top && centre(b.bbox) < row.bottom).sort((a, b) => a.bbox[1] - b.bbox[1]);
      // Lines of one wrapped label follow one another at the text's pitch: labels of rows stand
      // apart, or are each a label the form names (评价结论 | 存在问题 | 改进措施, rows set tight).
      const named = on.length > 0 && on.every((b) => b.pieces.every((q) => q.runs.every((x) => x.wholeCell)));
      // (At the top of a page that goes on with a table whose cells are centred, the first row's one named
      // label centred on its last lines only: the lines above are the rest of the row the break
      // cut, set tight on it, 级为“优”。 over 存在问题 | 项目资金支付进度较慢….)
      // (A field's text, no figure: a row of figures under the rest of a header cut by the break,
      // 预算执行 / 率 over 97.58, is read as it stands.)
      const restAbove = continues && r === 0 && on.length === 1 && named && !row.cols.some((ps) => ps.some(isNumberPiece));
      if ((on.length < 2 && !restAbove) || row.cols[c].length > 0 || (!named && on.some((b, k) => k > 0 && b.bbox[1] - on[k - 1].bbox[3] < 0.75 * b.fontSize))) continue;
      const pieces = row.cols.flat().sort((a, b) => a.bbox[1] - b.bbox[1]);
      // Gaps between lines that no piece spans (between named labels' rows set tight, where
      // one line's box meets the next's: the lines' seam).
      const gaps: number[] = [];
      let bottom = -Infinity;
      for (const p of pieces) {
        if (bottom > -Infinity && p.bbox[1] > bottom - (named ? 0.25 * p.fontSize : 0)) gaps.push((bottom + p.bbox[1]) / 2);
        bottom = Math.max(bottom, p.bbox[3]);
      }
      if (restAbove) {
        const label = on[0]!, tol = 0.3 * label.fontSize;
        const fitsBelow = (g: number): boolean => {
          const ps = pieces.filter((p) => centre(p.bbox) > g);
          return ps.length > 0 && Math.abs((Math.min(...ps.map((p) => p.bbox[1])) + Math.max(...ps.map((p) => p.bbox[3]))) / 2 - centre(label.bbox)) < tol;
        };
        const whole = Math.abs((row.top + row.bottom) / 2 - centre(label.bbox)) < tol;
        const g = gaps.find((y) => y < centre(label.bbox) && fitsBelow(y));
        if (whole || g === undefined) continue;
        rows.splice(r, 1, ...[pieces.filter((p) => centre(p.bbox) < g), pieces.filter((p) => centre(p.bbox) > g)].map((ps) => rowOfPieces(ps, row)));
        r += 1;
        break;
      }
      const cuts = on.slice(1).map((b, k) => {
        const mid = (on[k].bbox[3] + b.bbox[1]) / 2;
        return gaps.reduce((best, g) => (Math.abs(g - mid) < Math.abs(best - mid) ? g : best), Infinity);
      });
      if (cuts.some((y, k) => !Number.isFinite(y) || (k > 0 && y <= cuts[k - 1]))) continue;
      const parts = on.map((_, k) => pieces.filter((p) => centre(p.bbox) > (k === 0 ? -Infinity : cuts[k - 1]) && centre(p.bbox) < (k === cuts.length ? Infinity : cuts[k])));
      const fits = parts.every((ps, k) => {
        if (!ps.length) return false;
        const top = Math.min(...ps.map((p) => p.bbox[1])), bot = Math.max(...ps.map((p) => p.bbox[3]));
        const tol = 0.5 * on[k].fontSize;
        return Math.abs((top + bot) / 2 - centre(on[k].bbox)) < tol || Math.abs(top - on[k].bbox[1]) < tol;
      });
      if (!fits) continue;
      const made = parts.map((ps) => rowOfPieces(ps, row));
      rows.splice(r, 1, ...made);
      r += made.length - 1;
      break;
    }
  }
}

/** A row of pieces of `row` (its columns, no merges). */
function rowOfPieces(ps: readonly Piece[], row: LogicalRow): LogicalRow {
  const nr: LogicalRow = { top: Math.min(...ps.map((p) => p.bbox[1])), bottom: Math.max(...ps.map((p) => p.bbox[3])), cols: row.cols.map(() => []), merge: row.merge.map(() => undefined) };
  for (const p of ps) nr.cols[p.col].push(p);
  return nr;
}

/** The cost of a label placed on a row no alignment fits. */
const MISFIT = 5;

/**
 * The candidate of each label (groups of rows s..e, in order, not overlapping) with the least
 * total of their misalignments and of the data rows left to no label (a dynamic programme over
 * the labels, top to bottom); null when no choice keeps them in order. A unit is one label or
 * two taken as one (`first`..`last`); the units chosen cover every label once.
 */
function leastCostPath<C extends { s: number; e: number; err: number }>(
  cands: readonly C[][],
  units: readonly { first: number; last: number }[],
  nLabels: number,
  above: (x: C) => number,
  below: (e: number) => number,
  dataIn: (a: number, b: number) => number,
): { path: (C & { unit: number })[]; cost: number } | null {
  // best[u][x]: least cost of labels 0..last(u) with unit u (one label, or two taken as one) on
  // candidate x. Units are listed so that one ending before another's first label comes first.
  const order = units.map((_, u) => u).sort((p, q) => units[p]!.last - units[q]!.last);
  const best: number[][] = cands.map((cs) => cs.map(() => Infinity));
  const from: [number, number][][] = cands.map((cs) => cs.map((): [number, number] => [-1, -1]));
  for (const u of order) {
    const { first } = units[u]!;
    cands[u]!.forEach((x, xi) => {
      if (first === 0) {
        best[u]![xi] = x.err + above(x);
        return;
      }
      units.forEach((v, vu) => {
        if (v.last !== first - 1) return;
        cands[vu]!.forEach((y, yi) => {
          if (y.e >= x.s || !Number.isFinite(best[vu]![yi]!)) return;
          const cost = best[vu]![yi]! + x.err + dataIn(y.e + 1, x.s - 1);
          if (cost < best[u]![xi]!) { best[u]![xi] = cost; from[u]![xi] = [vu, yi]; }
        });
      });
    });
  }
  let end: [number, number] = [-1, -1], bestCost = Infinity;
  units.forEach((v, u) => {
    if (v.last !== nLabels - 1) return;
    cands[u]!.forEach((x, xi) => {
      const cost = best[u]![xi]! + below(x.e);
      if (cost < bestCost) { bestCost = cost; end = [u, xi]; }
    });
  });
  if (end[0] < 0) return null;
  const chosen: (C & { unit: number })[] = [];
  for (let [u, xi] = end; u >= 0; [u, xi] = from[u]![xi]!) chosen.unshift({ ...cands[u]![xi]!, unit: u });
  return { path: chosen, cost: bestCost };
}

/** A section carried over from the page before, with `k` columns more left of its columns. */
function shiftColumns(sec: Section, k: number): Section {
  // (The new columns are label columns too.)
  const shifted = (cols: readonly number[]): number[] => [...Array.from({ length: k }, (_, c) => c), ...cols.map((c) => c + k)];
  const keys = <T,>(o: Record<number, T> | undefined): Record<number, T> | undefined => (o ? Object.fromEntries(Object.entries(o).map(([c, v]) => [Number(c) + k, v])) : undefined);
  const open = keys(sec.breakAbove?.openGroups), rests = keys(sec.breakAbove?.cutRests);
  return {
    ...sec,
    ...(sec.labelCols ? { labelCols: shifted(sec.labelCols) } : {}),
    ...(sec.priorLabelCols ? { priorLabelCols: shifted(sec.priorLabelCols) } : {}),
    ...(sec.breakAbove ? { breakAbove: { ...(open ? { openGroups: open } : {}), ...(rests ? { cutRests: rests } : {}) } } : {}),
  };
}

/**
 * The data rows at a section's foot that no label of a label column covers, by column: a
 * merged cell cut by the page break whose label stands on the next page.
 */
function openGroupsAtFoot(rows: RowSlots, labelCols: readonly number[], isData: (r: RowSlots[number]) => boolean): Record<number, OpenGroup> | undefined {
  const n = rows.length;
  if (n === 0 || !isData(rows[n - 1])) return undefined;
  const out: Record<number, OpenGroup> = {};
  for (const c of labelCols) {
    let i = n;
    while (i > 0 && isData(rows[i - 1]) && rows[i - 1].cols[c].length === 0 && rows[i - 1].merge[c] === undefined) i--;
    if (i < n) out[c] = { height: rows[n - 1].bottom - rows[i].top };
  }
  return Object.keys(out).length ? out : undefined;
}

/** Whether an item of `sorted` (ascending y) lies strictly within `tol` of `y` and passes `pred`. */
function anyNear<T extends { y: number }>(sorted: readonly T[], y: number, tol: number, pred: (o: T) => boolean): boolean {
  let lo = 0, hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid].y <= y - tol) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < sorted.length && sorted[i].y < y + tol; i++) if (pred(sorted[i])) return true;
  return false;
}

/** The usual space between the texts of two rows (the median). */
function rowGap(rows: RowSlots): number {
  const gaps = rows.slice(1).map((r, i) => r.top - rows[i].bottom).filter((g) => g > 0).sort((a, b) => a - b);
  return gaps.length ? gaps[Math.floor(gaps.length / 2)] : 0;
}

function nearestRow(rows: RowSlots, y: number): number {
  let best = 0, bestD = Infinity;
  rows.forEach((r, i) => {
    const d = Math.abs((r.top + r.bottom) / 2 - y);
    if (d < bestD) { best = i; bestD = d; }
  });
  return best;
}

function freeRow(page: number, line: TextLine, toDisplay: BoxMapper): Row {
  return { cells: [linesToCell([line], null, page, toDisplay(line.bbox))], page, bbox: toDisplay(line.bbox) };
}

const centreOf = (l: TextLine): number => (l.bbox[1] + l.bbox[3]) / 2;

/**
 * What a line next to a header's anchor line holds: 'label' when it is the rest of header labels
 * that wrapped (every run over the labels' span part of a label, one at least; runs left of the
 * first label, a block label's column, do not count), 'beside' when it holds only pieces of labels
 * left of them, 'left' when it holds nothing over the labels and other text left of them, 'other'
 * when a text over the labels is no piece of one.
 */
function labelFragments(line: TextLine, hits: ReadonlyArray<readonly [number, number]>, anchors: readonly string[], side = false, continues: (r: TextRun, t: string) => boolean = () => true): 'label' | 'beside' | 'left' | 'other' {
  let fragments = 0, pieces = 0, runs = 0;
  // (Brackets and colons compare in either width: 年度预算数(万 of 年度预算数（万元）.)
  const folded = anchors.map(fullWidth);
  for (const r of line.runs) {
    const t = compactText(r.text);
    if (t === '') continue;
    runs++;
    const piece = folded.some((a) => a.includes(fullWidth(t)));
    if (piece) pieces++;
    // A label's points wrapped onto lines of their own ((90 / 分) of 绩效指标(90分)) stand beside.
    if (POINTS_PIECE.test(t)) {
      pieces++;
      continue;
    }
    // Left of the labels, or under a first one that is a side label's (`side`): a row label's
    // column, or a side label printed down it; a piece of a label only if it is one.
    // (Over the side label, a piece that goes on from it: 情 of 项目基本情况 set one character a
    // line right above 预 of 预算执行情况 makes 情预, no piece of a label.)
    if (r.bbox[2] <= (side ? hits[1]![0] : hits[0][0]) + 0.5) {
      if (piece && r.bbox[0] < hits[0][1] && r.bbox[2] > hits[0][0] && continues(r, t)) fragments++;
      continue;
    }
    // A piece of one label sits over that label alone: a run over two apart (单位 of 实施 / 单位
    // just above the funds header, over 分 and 执) is a cell of the row above. (Labels found in
    // one run, 未完成 | 原因, touch: they are one.)
    const over = hits.filter(([x0, x1]) => r.bbox[0] < x1 - 0.5 && r.bbox[2] > x0 + 0.5);
    if (!piece || over.some((h, k) => k > 0 && h[0] - over[k - 1]![1] > 0.5) || !continues(r, t)) return 'other';
    fragments++;
  }
  return fragments > 0 ? 'label' : runs > 0 && pieces === runs ? 'beside' : 'left';
}

/**
 * Whether the first label found on the anchor line is a piece of a side label printed down its
 * column (绩效 / 指标 / (90 / 分) beside the indicator header): the runs stacked over it, line on
 * line through the anchor line, make no anchor and no part of one.
 */
function sideLabelFirst(lines: readonly TextLine[], at: number, first: readonly [number, number], anchors: readonly string[]): boolean {
  const over = (l: TextLine): TextRun[] => l.runs.filter((r) => r.bbox[0] < first[1] - 0.5 && r.bbox[2] > first[0] + 0.5);
  const size = lines[at].fontSize;
  const stack: TextRun[] = [...over(lines[at])];
  if (!stack.length) return false;
  // (Lines between, of other columns' wrapped labels, hold nothing over it.)
  for (let k = at - 1, top = stack[0].bbox[1]; k >= 0 && top - lines[k].bbox[3] < size; k--) {
    const rs = over(lines[k]);
    if (!rs.length) continue;
    stack.unshift(...rs);
    top = rs[0].bbox[1];
  }
  for (let k = at + 1, bottom = stack[stack.length - 1].bbox[3]; k < lines.length && lines[k].bbox[1] - bottom < size; k++) {
    const rs = over(lines[k]);
    if (!rs.length) continue;
    stack.push(...rs);
    bottom = rs[rs.length - 1].bbox[3];
  }
  const text = compactText(stack.map((r) => r.text).join(''));
  return !anchors.some((a) => a.includes(text) || text.includes(a));
}

/**
 * When the line holds two or more anchors, returns their x extents left to right (with the
 * wrapped anchors found on the `near` lines), else null.
 * An anchor may be part of a run (pdf.js joins adjacent header cells, "年度指标值实际完成值"):
 * its extent is then estimated from its share of the run's characters.
 */
function anchorHits(line: TextLine, anchors: readonly string[], near: readonly TextLine[]): Array<[number, number]> | null {
  const hits: Array<[number, number]> = [];
  let wholeRuns = 0;
  for (const r of line.runs) {
    const t = normalizeCjk(r.text);
    const n = Array.from(t).length;
    if (n === 0) continue;
    const perChar = (r.bbox[2] - r.bbox[0]) / n;
    // A run that begins a longer label (未完成原因 of 未完成原因分析) is that label's start, not
    // the label it ends with (原因).
    if (!anchors.includes(t.trim()) && anchors.some((a) => a.length > t.trim().length && a.startsWith(t.trim()))) continue;
    // Longest anchors first (the caller sorted them), so that a short anchor inside a long one is not taken alone.
    const taken: boolean[] = new Array(t.length).fill(false);
    for (const a of anchors) {
      let from = 0;
      for (let at = t.indexOf(a, from); at >= 0; at = t.indexOf(a, from)) {
        from = at + a.length;
        if (taken.slice(at, at + a.length).some(Boolean)) continue;
        taken.fill(true, at, at + a.length);
        const c0 = Array.from(t.slice(0, at)).length, c1 = c0 + Array.from(a).length;
        hits.push([r.bbox[0] + c0 * perChar, r.bbox[0] + c1 * perChar]);
        if (t.trim() === a) wholeRuns++;
      }
    }
  }
  // With narrow columns most labels wrap: one label and the starts of three or more, each a text
  // of its own (得分 beside 全年预算 | 全年执行 | 分 | 执), make a header too; a label found inside a
  // longer text (原因 of 未完成原因分) with the starts of others does not.
  const whole = hits.length;
  if (whole === 1 && wholeRuns === 0) return null;
  let ownStarts = 0, partStarts = 0;
  // A header cell that wrapped leaves the start of its label on this line ("年初预", "一级"):
  // what is left of a run after the whole labels, when it begins a label, is one too.
  for (const r of line.runs) {
    const t = normalizeCjk(r.text);
    const chars = Array.from(t);
    if (chars.length === 0) continue;
    const perChar = (r.bbox[2] - r.bbox[0]) / chars.length;
    let i = 0;
    while (i < chars.length) {
      const x0 = r.bbox[0] + i * perChar;
      if (hits.some(([a, b]) => x0 + 0.5 * perChar > a && x0 + 0.5 * perChar < b)) { i++; continue; }
      let j = i;
      while (j < chars.length && !hits.some(([a, b]) => r.bbox[0] + (j + 0.5) * perChar > a && r.bbox[0] + (j + 0.5) * perChar < b)) j++;
      const part = chars.slice(i, j).join('').trim();
      // One character starts a label only as a run of its own (a label one character wide).
      const n = Array.from(part).length;
      if ((n >= 2 || (n === 1 && i === 0 && j === chars.length)) && anchors.some((a) => a.length > part.length && a.startsWith(part))) {
        hits.push([x0, r.bbox[0] + j * perChar]);
        if (i === 0 && j === chars.length) ownStarts++;
        else partStarts++;
      }
      i = j;
    }
  }
  // Columns so narrow that no label fits on one line leave only starts: five or more, each a
  // text of its own (一级 | 二级指 | 度量 | 完成 | 权 | 得), make a header.
  if (hits.length < 2 || (whole === 1 && (partStarts > 0 || ownStarts < 3)) || (whole === 0 && (partStarts > 0 || ownStarts < 5))) return null;
  // A header line is mostly labels; a data line that merely mentions one ("宣传活动预算执行率",
  // "偏差原因：…") is not.
  let chars = 0, covered = 0;
  for (const r of line.runs) {
    const cs = Array.from(normalizeCjk(r.text));
    const per = (r.bbox[2] - r.bbox[0]) / Math.max(1, cs.length);
    cs.forEach((c, i) => {
      if (/\s/u.test(c)) return;
      chars++;
      const x = r.bbox[0] + (i + 0.5) * per;
      if (hits.some(([a, b]) => x > a && x < b)) covered++;
    });
  }
  if (covered < 0.5 * chars) return null;
  // A header cell that wrapped sits on the neighbouring lines ("全年执" over "行数", "分" over
  // "数"): runs stacked at one place, read top to bottom, that make a label or its start (two
  // characters or more) are one more label where they overlap no hit.
  // A stack may run on into a data row below the label ("二级指标" over "数"): its first lines
  // that make a whole label are the label; the start of a label counts only when nothing
  // continues it otherwise ("预算执行" over "情况(10分)" is no label). It must reach the
  // anchor line's height.
  // (Runs that only touch a label, where the columns adjoin, are beside it.)
  const stacked = [...near.flatMap((o) => o.runs), ...line.runs].filter((r) => !hits.some(([x0, x1]) => r.bbox[0] < x1 - 0.5 && r.bbox[2] > x0 + 0.5));
  stacked.sort((a, b) => a.bbox[1] - b.bbox[1]);
  const used = new Set<TextRun>();
  const textOf = (rs: readonly TextRun[]): string => normalizeCjk(rs.map((x) => x.text).join(''));
  const band: [number, number] = [line.bbox[1] - 1.5 * line.fontSize, line.bbox[3] + 1.5 * line.fontSize];
  for (const r of stacked) {
    if (used.has(r) || !anchors.some((a) => a.startsWith(textOf([r])))) continue;
    const full = [r];
    for (const o of stacked) {
      const last = full[full.length - 1];
      if (used.has(o) || full.includes(o) || o.bbox[1] <= last.bbox[1]) continue;
      if (o.bbox[0] < last.bbox[2] && o.bbox[2] > last.bbox[0] && o.bbox[1] - last.bbox[3] < o.fontSize) full.push(o);
    }
    let n = full.length;
    while (n > 0 && !anchors.includes(textOf(full.slice(0, n)))) n--;
    if (n === 0 && Array.from(textOf(full)).length >= 3 && anchors.some((a) => a.startsWith(textOf(full)))) n = full.length;
    const stack = full.slice(0, n);
    const t = textOf(stack);
    if (n === 0 || Array.from(t).length < 2 || !stack.some((x) => x.bbox[3] > band[0] && x.bbox[1] < band[1])) continue;
    const hit: [number, number] = [Math.min(...stack.map((x) => x.bbox[0])), Math.max(...stack.map((x) => x.bbox[2]))];
    if (hits.some(([x0, x1]) => hit[0] < x1 - 0.5 && hit[1] > x0 + 0.5)) continue;
    if (stack.some((x) => besideText(x, near, anchors, hits))) continue;
    for (const x of stack) used.add(x);
    hits.push(hit);
  }
  hits.sort((a, b) => a[0] - b[0]);
  return hits;
}

/**
 * Whether a run of a wrapped label's stack shares its line with a text that is no piece of a label
 * and stands over two labels or more of the anchor line: a row's paragraph, so the stack is a cell
 * label of the row above the header (年度目标完 / 成情况 beside the goal's 本年度，… over 年初预算 and
 * 调整后预算数), not a header label. (A header cell holds one column's label; one spanning columns,
 * 1.项目年度目标完成情况, is a label.)
 */
function besideText(run: TextRun, near: readonly TextLine[], anchors: readonly string[], hits: ReadonlyArray<readonly [number, number]>): boolean {
  const line = near.find((l) => l.runs.includes(run));
  if (!line) return false;
  return line.runs.some((o) => {
    const t = fullWidth(normalizeCjk(o.text).trim());
    if (o === run || POINTS_PIECE.test(t) || anchors.some((a) => fullWidth(a).includes(t))) return false;
    return hits.filter(([x0, x1]) => o.bbox[0] < x1 - 0.5 && o.bbox[2] > x0 + 0.5).length >= 2;
  });
}

/**
 * The boundaries left of the first label less the last one where the text left of it is in
 * truth the label's column: a label centred over a wide cell whose paragraph is set flush left
 * (预期目标 over goals that begin far left of it) stands midway between where that text begins and
 * where the next column's text begins, not midway between that boundary and the next column,
 * and no text of the rows (`lines`: the section less its header) is under it.
 */
function labelOverText(lines: readonly TextLine[], left: number[], between: readonly number[], hits: ReadonlyArray<readonly [number, number]>): number[] {
  if (!left.length || !between.length) return left;
  const last = left[left.length - 1]!, prev = left.length > 1 ? left[left.length - 2]! : -Infinity;
  const runs = lines.flatMap((l) => l.runs);
  const mine = runs.filter((r) => r.bbox[0] > prev && r.bbox[2] < last);
  const after = runs.filter((r) => r.bbox[0] >= between[0]!);
  // (The label's own column holds no text of the rows: 年初预算数 over its amounts is no such label.)
  if (!mine.length || !after.length || runs.some((r) => r.bbox[2] > last && r.bbox[0] < between[0]!)) return left;
  const start = Math.min(...mine.map((r) => r.bbox[0])), end = Math.min(...after.map((r) => r.bbox[0]));
  const centre = (hits[0]![0] + hits[0]![1]) / 2, em = bodyFontSize(lines);
  return Math.abs((start + end) / 2 - centre) < 1.5 * em && Math.abs((last + end) / 2 - centre) > 3 * em ? left.slice(0, -1) : left;
}

/**
 * Column boundaries left of the first header label: gaps between the section's runs wider than
 * a third of an em (a row label and a block label beside it).
 */
function leftOfLabels(lines: readonly TextLine[], hits: ReadonlyArray<readonly [number, number]>): number[] {
  const bounds: number[] = [];
  const left = hits[0][0];
  const spans: Array<[number, number, number, boolean]> = [];
  // A run that joins two texts where two other runs begin, one of them on the line right above or
  // under it, and no run of those lines goes over (年度总体目 drawn up to the goal whose other lines
  // begin there), counts as the two.
  const starts = lines.flatMap((l) => l.runs.map((r) => r.bbox[0]));
  const edgeBeside = (l: TextLine, x: number): boolean => {
    const near = lines.filter((m) => m !== l && Math.abs(centre(m.bbox) - centre(l.bbox)) < 1.6 * (l.bbox[3] - l.bbox[1]));
    return near.some((m) => m.runs.some((o) => Math.abs(o.bbox[0] - x) < 0.5)) && !near.some((m) => m.runs.some((o) => o.bbox[0] < x - 0.5 && o.bbox[2] > x + 0.5));
  };
  for (const l of lines) {
    for (const r of l.runs) {
      if (r.bbox[0] >= left - 0.5) continue;
      let from = r.bbox[0];
      for (const [, x] of r.seams?.text === r.text ? r.seams.at : []) {
        if (x >= left - 0.5 || x - from < r.fontSize || starts.filter((st) => Math.abs(st - x) < 0.5).length < 2 || !edgeBeside(l, x)) continue;
        spans.push([from, x - 0.5, r.fontSize, from === r.bbox[0] && r.cellStart === true]);
        from = x;
      }
      // (A run over the first label's start that is Han text ending short of it, a space and a
      // figure, ends there: a fund row's name filling its cell, drawn in one text with the figure
      // right of it, 其他资金 1171318.10. Not a paragraph's Han text spaced from a number: 完成 2022 年.)
      const han = from === r.bbox[0] && r.bbox[2] > left + 0.5 ? /^([\p{Script=Han}，。；：、（）]{2,}) (\S+)$/u.exec(r.text) : null;
      const hanEnd = han && FIGURE.test(han[2]!) ? r.bbox[0] + Array.from(han[1]!).length * r.fontSize : Infinity;
      spans.push([from, hanEnd < left - 0.5 ? hanEnd : Math.min(r.bbox[2], left), r.fontSize, from === r.bbox[0] && r.cellStart === true]);
    }
  }
  if (spans.length) {
    // A run that begins a cell comes first among runs starting where it does.
    spans.sort((a, b) => a[0] - b[0] || Number(b[3]) - Number(a[3]));
    // Runs of three lines or more starting at one x: the left edge of a column, however close the
    // text left of it comes, up to touching it (a narrow side label column beside the fund rows'
    // labels, 项目资金(万元) filling its column up to where 年度资金 begins).
    // (Two lines beginning at one x, a point or more right of the text before: a paragraph set flush
    // left beside a wrapped side label that fills its column, 项目基本情 / 况.)
    const edge = (x: number, n = 3): boolean => spans.filter((sp) => Math.abs(sp[0] - x) < 0.5).length >= n;
    let end = spans[0][1];
    for (const [a, b, size, starts] of spans.slice(1)) {
      if (a > end + Math.max(1, size / 3) || (starts && a > end - 0.5) || (a > end - 0.5 && edge(a)) || (a > end + 1 && edge(a, 2))) bounds.push((end + a) / 2);
      if (b > end) end = b;
    }
    // (A point's gap is one: a label column beside the first column's header, wrapped to fill it.
    // So is none where the first label's start was cut off the text it was glued to.)
    const glued = lines.some((l) => l.runs.some((r, k) => k > 0 && r.cellStart === true && Math.abs(r.bbox[0] - left) < 0.5 && Math.abs(l.runs[k - 1]!.bbox[2] - left) < 0.5));
    if (end < left - 0.5) bounds.push((end + left) / 2);
    else if (glued) bounds.push(left - 0.25);
  }
  return bounds;
}

/**
 * Column boundaries between neighbouring header labels: each keeps the runs with the label they
 * belong to (`splitBetween`), else in the white stretch that the fewest lines cross, else
 * midway between the labels.
 */
function betweenLabels(lines: readonly TextLine[], hits: ReadonlyArray<readonly [number, number]>, before: readonly number[] = []): number[] {
  const bounds: number[] = [];
  for (let i = 1; i < hits.length; i++) {
    const a = hits[i - 1][1], b = hits[i][0];
    // The boundary the page before found between the two labels (a page that goes on with the
    // table may show too little to place it: the rests of names the break cut).
    const prior = before.find((x) => x > hits[i - 1][0] && x < hits[i][1]);
    bounds.push(splitBetween(lines, hits[i - 1], hits[i], hits[i + 1]?.[0] ?? Infinity, prior, hits[i - 2]?.[1] ?? -Infinity) ?? (b > a ? (clearestGap(lines, a, b) ?? (a + b) / 2) : (a + b) / 2));
  }
  return bounds;
}

/**
 * The boundary between two neighbouring header labels that keeps each run with the label it
 * belongs to: a run overlapping one label, or centred under it, is on that label's side; a run
 * under neither goes by how its column aligns text (see below). In the clearest stretch between
 * the two sides; null when they interleave.
 */
function splitBetween(lines: readonly TextLine[], left: readonly [number, number], right: readonly [number, number], nextLabel = Infinity, prior?: number, prevLabel = -Infinity): number | null {
  const lc = (left[0] + left[1]) / 2, rc = (right[0] + right[1]) / 2;
  let l = left[1], r = right[0];
  // Where two lines or more have a text begin right at one x between the labels, inside runs over
  // both (two paragraphs side by side drawn as one text on each line, …诊断服务，中 | 本年度…).
  const seamXs = lines.flatMap((line) => line.runs.flatMap((run) => (run.bbox[0] < left[1] && run.bbox[2] > right[0] ? gappedSeams(run).filter((x) => x > left[1] && x < right[0]) : [])));
  const seamsAt = seamXs.filter((x) => seamXs.filter((y) => Math.abs(y - x) < 0.5).length >= 2);
  const undecided: Array<readonly [number, number]> = [];
  // The line of each undecided run, and where each line's runs placed on either side end (left)
  // and begin (right).
  const undecidedLine: TextLine[] = [], undecidedHan: boolean[] = [], undecidedWord: boolean[] = [];
  const placedOn = new Map<TextLine, { l: number[]; r: number[] }>();
  const onLine = (line: TextLine): { l: number[]; r: number[] } => {
    let v = placedOn.get(line);
    if (!v) placedOn.set(line, (v = { l: [], r: [] }));
    return v;
  };
  // Right edges of the runs on the left label's side, left edges of those on the right's.
  const placedL: number[] = [], placedR: number[] = [];
  // Left edges of the left side's runs, right edges of the right side's.
  const placedLx0: number[] = [], placedRx1: number[] = [];
  const overlaps = (x0: number, x1: number, label: readonly [number, number]): boolean => Math.min(x1, label[1]) - Math.max(x0, label[0]) > 0;
  // Where the runs under the right label alone begin (runs in its column: not going on under the
  // label after it): a run under the left label that goes on past that is a cell spanning both
  // columns too (a merged row's text not as wide as the two).
  // Where two such runs begin (a column's lines flush left), the first such place; else the first
  // run's start.
  const rightStarts: number[] = [];
  for (const line of lines) {
    for (const run of line.runs) {
      if (overlaps(run.bbox[0], run.bbox[2], right) && !overlaps(run.bbox[0], run.bbox[2], left) && run.bbox[2] < nextLabel && !labelWithValue(run.text)) rightStarts.push(run.bbox[0]);
    }
  }
  const sharedStart = rightStarts.filter((x) => rightStarts.filter((y) => Math.abs(y - x) < 1).length >= 2);
  const rightStart = Math.min(...(sharedStart.length ? sharedStart : rightStarts), Infinity);
  // Runs centred under each label, over it and not the other.
  // (The labels themselves are no evidence.)
  const spans = lines.flatMap((line) => line.runs)
    .filter((run) => !(Math.abs(run.bbox[0] - left[0]) < 0.5 && Math.abs(run.bbox[2] - left[1]) < 0.5) && !(Math.abs(run.bbox[0] - right[0]) < 0.5 && Math.abs(run.bbox[2] - right[1]) < 0.5))
    .map((run) => ({ x0: run.bbox[0], x1: run.bbox[2], tol: 0.3 * run.fontSize }));
  const centredUnder = (label: readonly [number, number], other: readonly [number, number]): Array<readonly [number, number]> => spans
    .filter((u) => overlaps(u.x0, u.x1, label) && !overlaps(u.x0, u.x1, other) && Math.abs((u.x0 + u.x1) / 2 - (label[0] + label[1]) / 2) < u.tol)
    .map((u) => [u.x0, u.x1] as const);
  const centredL = centredUnder(left, right), centredR = centredUnder(right, left);
  // Runs over one label only, not centred under it, that reach into runs centred under the other:
  // where they are fewer than those runs (or as many), they are cells merged over both columns;
  // else the centred runs are (a level-2 name wider than its column over the level-3 names).
  const overOnly = (label: readonly [number, number], other: readonly [number, number]): typeof spans => spans.filter((u) => overlaps(u.x0, u.x1, label) && !overlaps(u.x0, u.x1, other) && Math.abs((u.x0 + u.x1) / 2 - (label[0] + label[1]) / 2) >= u.tol);
  const ovL = overOnly(left, right).filter((u) => centredR.some(([y0]) => u.x1 > y0 + 0.5));
  const ovR = overOnly(right, left).filter((u) => centredL.some(([, y1]) => u.x0 < y1 - 0.5));
  const skipL = ovL.length > 0 && ovL.length <= centredR.filter(([y0]) => ovL.some((u) => u.x1 > y0 + 0.5)).length;
  const skipR = ovR.length > 0 && ovR.length <= centredL.filter(([, y1]) => ovR.some((u) => u.x0 < y1 - 0.5)).length;
  for (const line of lines) {
    for (const run of line.runs.flatMap((r) => cellsAcross(r, left, right, prevLabel, nextLabel, seamsAt))) {
      const [x0, , x1] = run.bbox;
      if (x1 <= left[0] || x0 >= right[1]) continue;
      // (A run's end reaching a tenth of an em under the right label is none: a figure whose space
      // at its end, wider than the quarter em taken off, reaches a wide label beside, 13.24␠ |
      // 预算执 / 行率. A run's start is exact.)
      const oL = Math.min(x1, left[1]) - Math.max(x0, left[0]);
      const oR = Math.min(x1, right[1]) - Math.max(x0, right[0]) - (x0 < right[0] ? 0.1 * run.fontSize : 0);
      if (oL > 0 && oR > 0) continue; // a cell spanning both columns
      if (oL > 0 && x1 > rightStart + 0.5 * run.fontSize) continue;
      const c = (x0 + x1) / 2, tol = 0.3 * run.fontSize;
      // A run over one label, not centred under it, reaching into a run centred under the other: a
      // cell merged over both columns and more (合计 centred over the level columns and the
      // target's, into a date target centred in its own column).
      if (skipL && oL > 0 && Math.abs(c - lc) >= tol && centredR.some(([y0]) => x1 > y0 + 0.5)) continue;
      if (skipR && oR > 0 && Math.abs(c - rc) >= tol && centredL.some(([, y1]) => x0 < y1 - 0.5)) continue;
      if (oL > 0 || Math.abs(c - lc) < tol) { l = Math.max(l, x1); placedL.push(x1); placedLx0.push(x0); onLine(line).l.push(x1); }
      else if (oR > 0 || Math.abs(c - rc) < tol) { r = Math.min(r, x0); placedR.push(x0); placedRx1.push(x1); onLine(line).r.push(x0); }
      else { undecided.push([x0, x1]); undecidedLine.push(line); undecidedHan.push(/\p{Script=Han}/u.test(run.text)); undecidedWord.push(/^[A-Za-z0-9.,%]+$/.test(run.text.trim())); }
    }
  }
  // Runs under neither label: a piece of a line one side's text begins, an em and more from the
  // other side's text on that line, is on the first side. On a page that goes on with the table,
  // those wholly on one side of the boundary the page before found (`prior`) are on that side. Else text flush left in a
  // column starts right of its boundary (the right label's column), text flush right ends left of
  // it (the left label's); alignment is seen in runs of other lines sharing the same edge. Else
  // the nearer label's centre.
  // Runs of equal width align both ways: they go by the runs already placed (wholly left of
  // the right side's first run is the left side).
  const sharing = (edge: (x: readonly [number, number]) => number, v: number): number => undecided.filter((u) => Math.abs(edge(u) - v) < 1).length;
  // Runs of the same width share both edges: where they tell one way only, a run of another
  // width does (1,407.3 and 0.0 set flush right end together, and begin apart).
  const aligned = (u: readonly [number, number], side: 0 | 1): boolean => undecided.some((o) => Math.abs(o[side] - u[side]) < 1 && Math.abs(o[1 - side]! - u[1 - side]!) >= 1);
  const [l0, r0] = [l, r];
  const em = bodyFontSize(lines);
  // Whether two runs or more of those placed on one side (left edges `x0s`, right edges `x1s`)
  // have their middle within half an em of c.
  const centredOn = (x0s: readonly number[], x1s: readonly number[], c: number): boolean => x0s.filter((a, i) => Math.abs((a + x1s[i]!) / 2 - c) < em / 2).length >= 2;
  // Whether undecided run k leads, run after run of its line each less than half an em from the
  // next, to a run placed on the right (dir 1) or on the left (-1): the start of a line of the
  // right cell's paragraph (截至 | 2023 年 12 | 月底，… set with the autospace between Han and Latin).
  const chained = (k: number, dir: 1 | -1): boolean => {
    const line = undecidedLine[k]!;
    const placed = placedOn.get(line);
    if (!placed) return false;
    // (Each step is that space: Han text on one side, Latin on the other.)
    const textAt = (x0: number, x1: number): string => line.runs.find((o) => Math.abs(o.bbox[0] - x0) < 0.01 && Math.abs(o.bbox[2] - x1) < 0.01)?.text ?? '';
    let [x0, x1] = undecided[k]!;
    for (;;) {
      const edge = dir === 1 ? x1 : x0;
      const here = textAt(x0, x1);
      const next = line.runs.find((o) => { const d = dir === 1 ? o.bbox[0] - edge : edge - o.bbox[2]; return d >= -0.5 && d < 0.5 * em; });
      if (!next || !(dir === 1 ? hanLatinSeam(here, next.text) : hanLatinSeam(next.text, here))) return false;
      if ((dir === 1 ? placed.r : placed.l).some((a) => Math.abs(a - (dir === 1 ? next.bbox[0] : next.bbox[2])) < 0.01)) return true;
      const j = undecided.findIndex((u, i) => undecidedLine[i] === line && Math.abs(u[0] - next.bbox[0]) < 0.01 && Math.abs(u[1] - next.bbox[2]) < 0.01);
      if (j < 0) return false;
      [x0, x1] = undecided[j]!;
    }
  };
  for (const [k, u] of undecided.entries()) {
    const [x0, x1] = u;
    const c = (x0 + x1) / 2;
    // A line of a cell has no white an em wide: a run an em or more before a run of its line placed
    // on the right, right after one placed on the left, is the left cell's (确保参与成果路演 30 人次 |
    // =8 班次), and the other way round.
    const mine = placedOn.get(undecidedLine[k]!);
    // (It goes on from a text of the side it joins, as close as a space between Han and Latin text:
    // a piece of that cell's line.)
    // (The white is the line's: no text of it, placed or not, stands in it. 时间达到定性 2023 年 6 |
    // 月 | 30 | 3、已加强…: 月 fills what looks white between 6 and 30.)
    const white = (a: number, b: number): boolean => !undecidedLine[k]!.runs.some((o) => o.bbox[2] > a + 0.5 && o.bbox[0] < b - 0.5);
    const beforeR = !!mine?.r.some((x) => x >= x1 + em && white(x1, x)) && !!mine?.l.some((x) => x <= x0 + 0.5 && x >= x0 - 0.35 * em);
    const afterL = !!mine?.l.some((x) => x <= x0 - em && white(x, x0)) && !!mine?.r.some((x) => x >= x1 - 0.5 && x <= x1 + 0.35 * em);
    // Lined up with the runs placed under a label: that label's column.
    const withL = placedL.some((e) => Math.abs(e - x1) < 1), withR = placedR.some((e) => Math.abs(e - x0) < 1);
    const flushLeft = sharing((x) => x[0], x0) >= 2, flushRight = sharing((x) => x[1], x1) >= 2;
    // A column aligns its text one way: runs sharing a right edge other than the one the right
    // side's runs share are the left column's (numbers set flush right), and the other way round.
    const sharedEdge = (edges: readonly number[], v: number): boolean => edges.some((e) => Math.abs(e - v) >= 1 && edges.filter((f) => Math.abs(f - e) < 1).length >= 2);
    const rightOfOther = flushRight && sharedEdge(placedRx1, x1) && !placedRx1.some((e) => Math.abs(e - x1) < 1);
    const leftOfOther = flushLeft && sharedEdge(placedLx0, x0) && !placedLx0.some((e) => Math.abs(e - x0) < 1);
    // (A number or Latin word right after a run placed on the left, as close as a space between Han
    // and Latin text, with nothing of its line placed on the right: the rest of that cell's line,
    // 确保参与技能竞赛 100.)
    const goesOnL = undecidedWord[k]! && !mine?.r.length && !!mine?.l.some((x) => x <= x0 + 0.5 && x >= x0 - 0.35 * em);
    if (beforeR !== afterL) {
      if (beforeR) l = Math.max(l, x1);
      else r = Math.min(r, x0);
    } else if (goesOnL) l = Math.max(l, x1);
    else if (chained(k, 1) !== chained(k, -1)) {
      if (chained(k, -1)) l = Math.max(l, x1);
      else r = Math.min(r, x0);
    }
    else if (prior !== undefined && (x0 >= prior - 0.5 || x1 <= prior + 0.5)) {
      // Wholly on one side of the boundary the page before found.
      if (x0 >= prior - 0.5) r = Math.min(r, x0);
      else l = Math.max(l, x1);
    } else if (withL !== withR) {
      if (withL) l = Math.max(l, x1);
      else r = Math.min(r, x0);
    } else if (rightOfOther !== leftOfOther) {
      if (rightOfOther) l = Math.max(l, x1);
      else r = Math.min(r, x0);
    } else if (flushRight && !flushLeft) l = Math.max(l, x1);
    else if (flushLeft && !flushRight) r = Math.min(r, x0);
    else if (aligned(u, 1) !== aligned(u, 0)) {
      if (aligned(u, 1)) l = Math.max(l, x1);
      else r = Math.min(r, x0);
    }
    else if (x1 <= r0 && r0 < right[0]) l = Math.max(l, x1);
    else if (x0 >= l0 && l0 > left[1]) r = Math.min(r, x0);
    // (Centred on the middle the runs placed on one side share: 0.00 under 295.50␠ and 69.08␠, a
    // column's figures centred, nearer the other label's centre.)
    else if (centredOn(placedLx0, placedL, c) !== centredOn(placedR, placedRx1, c)) {
      if (centredOn(placedLx0, placedL, c)) l = Math.max(l, x1);
      else r = Math.min(r, x0);
    }
    // A name only one label's cell can hold, that label centred in it (`fitsCentred`; figures may
    // overflow a cell too narrow for them).
    else if (undecidedHan[k] && fitsCentred(lc, x0, x1, prevLabel, em) !== fitsCentred(rc, x0, x1, nextLabel, em)) {
      if (fitsCentred(lc, x0, x1, prevLabel, em)) l = Math.max(l, x1);
      else r = Math.min(r, x0);
    }
    else if (Math.abs(c - lc) <= Math.abs(c - rc)) l = Math.max(l, x1);
    else r = Math.min(r, x0);
  }
  // A run over both labels drawn from two texts, white between them right where the left side's
  // texts end (项目完成时 | 2023 年 6 月 30 日前完成: a name filling its cell, the next cell's target
  // filling its own): the right cell begins at that seam.
  // So does a seam of such a run where the right side's lines begin, on the lines next to it too
  // (…目标值为 2023 年 10 月 31 日 | 2．已做好…: a goal's line drawn up to the next paragraph's).
  const startsBeside = (line: TextLine, x: number): boolean => lines.some((m) => m !== line && Math.abs(centre(m.bbox) - centre(line.bbox)) < 1.6 * (line.bbox[3] - line.bbox[1]) && m.runs.some((o) => Math.abs(o.bbox[0] - x) < 0.5));
  for (const line of lines) {
    for (const run of line.runs) {
      if (run.bbox[0] >= left[1] || run.bbox[2] <= right[0]) continue;
      for (const [k, sx, han, end] of whiteSeams(run)) if (han && k >= 2 && sx < r && sx > l && Math.abs(end - l) < 0.5 && placedL.filter((x) => Math.abs(x - l) < 0.5).length >= 2) r = sx;
      // (Or where the boundary the page before found is, within half an em: 服务对象 / 满意度指 |
      // 群众满意度 on a page that goes on with the table, a level-2 name filling its cell.)
      if (prior !== undefined) for (const [k, sx, han] of whiteSeams(run)) if (han && k >= 2 && sx < r && sx > l && Math.abs(sx - prior) < 0.5 * run.fontSize) [l, r] = [Math.max(l, sx - 0.5), Math.min(r, sx)];
      for (const [k, sx] of run.seams?.text === run.text ? run.seams.at : []) {
        if (k > 0 && sx > l + 0.5 && sx <= r + 0.5 && sharedStart.some((x) => Math.abs(x - sx) < 0.5) && startsBeside(line, sx)) [l, r] = [Math.max(l, sx - 0.5), Math.min(r, sx)];
      }
    }
  }
  if (r - l < -0.5) return null;
  // Cells that touch (text filling its cell up to the next one's) meet at the boundary.
  if (r - l < 1) return (l + r) / 2;
  return clearestGap(lines, l, r) ?? (l + r) / 2;
}

/**
 * A run over both labels that a space parts into a text over the left label alone and one over
 * the right label alone, each within the labels beside (pdf.js joins two cells' texts with a space
 * where they nearly touch: 确保参与科普活动30人次以上的班次数 ≥5（班次, a name filling its cell and a
 * target centred in the next), as those two texts; any other run as it is. (Not at the space a
 * producer sets between Han and Latin text: APP 注册用户数, a paragraph running on.) Without a
 * space, at its one seam after white that other lines' runs share (`seamsAt`: two paragraphs side
 * by side drawn as one text a line).
 */
function cellsAcross(r: TextRun, left: readonly [number, number], right: readonly [number, number], prevLabel: number, nextLabel: number, seamsAt: readonly number[] = []): TextRun[] {
  if (r.angle !== 0 || r.bbox[0] >= left[1] || r.bbox[2] <= right[0] || r.bbox[0] < prevLabel || r.bbox[2] > nextLabel) return [r];
  const chars = Array.from(r.text);
  const edges = charEdges(r);
  const cuts = chars.flatMap((ch, i) => (i > 0 && i < chars.length - 1 && /\s/u.test(ch) && !/\s/u.test(chars[i + 1]!) && edges[i]! > left[0] && edges[i]! < right[0] && edges[i + 1]! > left[1] && edges[i + 1]! < right[1] && !hanLatinSeam(chars.slice(0, i).join(''), chars.slice(i + 1).join('')) ? [i] : []));
  if (cuts.length === 1) {
    const i = cuts[0]!;
    return [sliceRun(r, 0, i, r.bbox[0], edges[i]!), sliceRun(r, i + 1, chars.length, edges[i + 1]!, r.bbox[2])];
  }
  // (Or at a seam of it where other lines' runs have one too.)
  const seams = r.seams?.text === r.text ? r.seams.at.filter(([k, x]) => k > 0 && k < chars.length && seamsAt.some((y) => Math.abs(y - x) < 0.5) && x > left[1] && x < right[0]) : [];
  if (cuts.length === 0 && seams.length === 1) {
    const [k, x] = seams[0]!;
    return [sliceRun(r, 0, k, r.bbox[0], x), sliceRun(r, k, chars.length, x, r.bbox[2])];
  }
  return [r];
}

/**
 * Whether a column whose header label is centred at `c` can hold text spanning [x0, x1] without
 * reaching past the neighbouring label's text (`other`, on the far side of the text's mirror
 * image): a header is centred in its cell, so the cell reaches as far on one side as on the other.
 */
function fitsCentred(c: number, x0: number, x1: number, other: number, em: number): boolean {
  if (!Number.isFinite(other)) return true;
  return other > c ? 2 * c - x0 <= other + 0.5 * em : 2 * c - x1 >= other - 0.5 * em;
}

/**
 * Boundaries of columns the header gives no label (the fund rows' labels between the side label
 * and 年初预算 where the form has no 年度预算数 cell): white space at least an em and a half wide
 * between names and figures that no text of the rows crosses, with no boundary yet right of where
 * the names begin, between
 * the first label and the last; the boundary goes in its widest stretch beside the labels, not
 * under one.
 */
function unlabelledColumns(body: readonly TextLine[], bounds: readonly number[], hits: ReadonlyArray<readonly [number, number]>): number[] {
  const spans = body.flatMap((l) => l.runs).map((r): [number, number, string] => [r.bbox[0], r.bbox[2], r.text]).sort((a, b) => a[0] - b[0]);
  if (spans.length < 2) return [];
  const size = bodyFontSize(body);
  const out: number[] = [];
  let [from, end, last] = spans[0]!;
  for (const [a, b, text] of spans.slice(1)) {
    // Only names left of the gap and figures right of it: a column of row labels (其中：财政资金)
    // beside the first column of amounts.
    // (Names of two rows or more: a grade centred in a merged cell is none.)
    const column = (x0: number, x1: number): boolean => x1 <= end + 0.5 && !bounds.some((x) => x > x0 && x < a);
    const names = /\p{Script=Han}/u.test(last) && FIGURE_PIECE.test(text.trim()) && spans.filter(([x0, x1, t]) => /\p{Script=Han}/u.test(t) && column(x0, x1)).length >= 2;
    if (names && a - end >= 1.5 * size && end > hits[0]![0] && a < hits[hits.length - 1]![1] && column(from, end)) {
      // The gap less the labels over it: its widest free stretch.
      let free: Array<[number, number]> = [[end, a]];
      for (const [h0, h1] of hits) free = free.flatMap(([f0, f1]): Array<[number, number]> => (h1 <= f0 || h0 >= f1 ? [[f0, f1]] : [...(h0 > f0 ? [[f0, h0] as [number, number]] : []), ...(h1 < f1 ? [[h1, f1] as [number, number]] : [])]));
      const best = free.sort((p, q) => q[1] - q[0] - (p[1] - p[0]))[0];
      if (best && best[1] - best[0] >= size) out.push((best[0] + best[1]) / 2);
    }
    if (b > end) [from, end, last] = [a, b, text];
  }
  return out;
}

/**
 * Middle of the stretch of (a, b) that the fewest lines cross with text (the widest stretch
 * among those), or null when it is narrower than 1 pt.
 */
function clearestGap(lines: readonly TextLine[], a: number, b: number): number | null {
  const step = 0.5;
  const n = Math.max(1, Math.ceil((b - a) / step));
  const cover = new Array<number>(n).fill(0);
  for (const l of lines) {
    const hit = new Uint8Array(n);
    // A space in a run is not text: pdf.js joins two cells' texts with one ("5. 因人员变动").
    for (const [x0, x1] of l.runs.flatMap(inkSpans)) {
      if (x1 <= a || x0 >= b) continue;
      const i0 = Math.max(0, Math.floor((x0 - a) / step)), i1 = Math.min(n - 1, Math.ceil((x1 - a) / step) - 1);
      for (let i = i0; i <= i1; i++) hit[i] = 1;
    }
    for (let i = 0; i < n; i++) cover[i] += hit[i];
  }
  const min = Math.min(...cover);
  let best: [number, number] | null = null;
  for (let i = 0; i < n; ) {
    if (cover[i] !== min) { i++; continue; }
    let j = i;
    while (j < n && cover[j] === min) j++;
    if (!best || j - i > best[1] - best[0]) best = [i, j];
    i = j;
  }
  if (!best || (best[1] - best[0]) * step < 1) return null;
  return a + ((best[0] + best[1]) / 2) * step;
}

/**
 * The stretches of a run that its text covers, apart where a space follows a figure cut at its
 * point: a narrow number column wraps 5.00 into 5. over 00, and pdf.js joins the 5. with a space
 * to the next cell's text (5. 因人员变动). A space in a sentence (得分 99.61 分) is text.
 */
function inkSpans(r: TextRun): Array<[number, number]> {
  const cut = /^(?:\d+\.)\s+(?=\S)/u.exec(r.text.trimStart());
  if (!cut || r.text !== r.text.trimStart()) return [[r.bbox[0], r.bbox[2]]];
  const edges = charEdges(r);
  const n = Array.from(cut[0]).length, figure = Array.from(cut[0].trimEnd()).length;
  return [[edges[0]!, edges[figure]!], [edges[n]!, r.bbox[2]]];
}

/**
 * Column boundaries of a section without a header: the middle of every gap between the chunks
 * of a line and of every stretch that no chunk crosses (gaps close together are one boundary). A boundary only cuts lines where they have
 * a gap, so one that another line's text runs through does no harm there.
 */
function gapBounds(lines: readonly TextLine[], s: PdfSettings): number[] {
  const mids: number[] = [];
  const spans: Array<[number, number]> = [];
  const chunksOf = lines.map((l) => splitChunks(l, s).map((c): [number, number] => [c[0].bbox[0], c[c.length - 1].bbox[2]]));
  lines.forEach((l, li) => {
    const chunks = chunksOf[li];
    // Chunks of lines beside this one (a cell centred beside a wrapped neighbour sits between
    // its lines): one standing inside a gap of this line is a cell of its own, between two gaps.
    const beside = lines.flatMap((m, mi) => (mi !== li && Math.min(l.bbox[3], m.bbox[3]) - Math.max(l.bbox[1], m.bbox[1]) > 0.3 * (l.bbox[3] - l.bbox[1]) ? chunksOf[mi] : []));
    for (let i = 1; i < chunks.length; i++) {
      const a = chunks[i - 1][1], b = chunks[i][0];
      const inner = beside.filter(([x0, x1]) => x0 > a + 1 && x1 < b - 1).sort((p, q) => p[0] - q[0]);
      let from = a;
      for (const [x0, x1] of inner) {
        if (x0 <= from) continue;
        mids.push((from + x0) / 2);
        from = x1;
      }
      mids.push((from + b) / 2);
    }
    for (const c of chunks) spans.push(c);
  });
  // Also white space that no chunk of any line crosses: a cell beside its wrapped neighbour is
  // on lines of its own (vertically centred), so no one line shows the gap between them. A gap
  // of a line that falls into such a gutter is that gutter's boundary.
  const gutters: Array<[number, number]> = [];
  if (spans.length > 1) {
    spans.sort((a, b) => a[0] - b[0]);
    let end = spans[0][1];
    for (const [a, b] of spans.slice(1)) {
      if (a > end + 1) gutters.push([end, a]);
      end = Math.max(end, b);
    }
  }
  for (let i = 0; i < mids.length; i++) {
    const g = gutters.find(([a, b]) => mids[i] > a && mids[i] < b);
    if (g) mids[i] = (g[0] + g[1]) / 2;
  }
  for (const [a, b] of gutters) mids.push((a + b) / 2);
  mids.sort((a, b) => a - b);
  const out: number[] = [];
  let group: number[] = [];
  for (const m of mids) {
    if (group.length && m - group[group.length - 1] > 6) {
      out.push(group.reduce((x, y) => x + y, 0) / group.length);
      group = [];
    }
    group.push(m);
  }
  if (group.length) out.push(group.reduce((x, y) => x + y, 0) / group.length);
  return out;
}
