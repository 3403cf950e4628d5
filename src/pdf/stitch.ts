/**
 * Rows cut by a page break. A table row that does not fit on a page is printed in two parts:
 * the top at the foot of one page, the rest as the first body row of the next (after the
 * header row, when the producer repeats it). Given the rows of two consecutive pages, finds
 * such a pair and joins the second part into the first, column by column.
 *
 * A pair is taken when: the cut row is the last table row of its page (only a page number may
 * follow) and ends in the bottom fifth of the page; the continuation is the next page's first
 * row that is no copy of a table row of the previous page (a repeated header); both have the
 * same columns (by position, or by place on the page when the two pages' grids split columns
 * differently); the continuation has text only in columns where the cut row has text, in at
 * most half of them (a row of its own fills its value columns); none of its cells is a label the
 * caller names as a cell of its own (总分 begins the total row), numbered or not, whole or the first
 * line of one wrapped; and no cell of it is a whole
 * number under a whole number, but for a few digits alone under one (10 | 0 of 100, and 9 over
 * 8 / . / 8 / 8 that a narrow column wrapped a character a line, one or several side by side:
 * 10 | 9 over 0. / 00 | 4. / 6 / 8; figures of one decimal that go on with one digit, 100.0 | 0(%)
 * and 4.0 | 0, two at least; the end of a name cut mid-word beside the ends of whole numbers, 财政专户管理资
 * | 10 over 金 | 0.00). A rest of figures alone under
 * text of the cut row, with nothing under the row's name, goes on whatever its share of the
 * columns (不低于 | 5.0 over 85% | 0); where the next page's columns are other ones altogether, a
 * text that begins where a cell of the cut row begins, within it, goes on that cell (a
 * paragraph's last line). A cell of the cut row that goes on a cell merged over rows above it
 * stands for that cell (a note merged beside several rows, its paragraph cut by the break); one that
 * holds a group's name whole already takes no rest that only repeats its end (both parts of a cut
 * merged cell printed, each clipped).
 */
import type { Row } from '../types.js';
import { joinWrapped } from '../wrap.js';
import { compactText, FIGURE, PLACEHOLDER, unnumbered } from './normalize.js';

const PAGE_NUMBER = /^[\d\s\-–—/.第页共ofPage]+$/u;
/** A page number as footers print it: -1-, 第 1 页 共 2 页, 1/2. */
const PAGE_FOOTER = /^(?:[-–—]\s*\d{1,4}\s*[-–—]|第\s*\d{1,4}\s*页(?:\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*\/\s*\d{1,4})$/u;

const signature = (r: Row) => r.cells.map((c) => c.text).filter((t) => t !== '').join('\u0001');

/**
 * When the first row of `next` that is no repeated header continues the last table row of
 * `prev`, joins its text into that row and removes it from `next` (handing any merge it starts
 * to the row below). Returns the index removed from `next`, or -1.
 */
export function stitchPageBreak(prev: readonly Row[], next: Row[], prevPageHeight: number, cellLabels: readonly string[] = [], groupNames: readonly string[] = []): number {
  let ci = prev.length - 1;
  // (A page number set in a column of the grid, -1- in a row of empty cells, is one too.)
  const footer = (r: Row): boolean => {
    const texts = r.cells.map((c) => c.text.trim()).filter((t) => t !== '');
    return texts.length === 1 && PAGE_FOOTER.test(texts[0]!);
  };
  while (ci >= 0 && (prev[ci].cells.length < 2 || footer(prev[ci]))) {
    if (!prev[ci].cells.every((c) => PAGE_NUMBER.test(c.text) || c.text === '')) return -1;
    ci--;
  }
  if (ci < 0) return -1;
  const cut = prev[ci];
  if (!cut.bbox || cut.bbox[3] < 0.8 * prevPageHeight) return -1;
  const seen = new Set<string>();
  for (const r of prev) if (r.cells.length >= 2) seen.add(signature(r));
  // A repeated header holds labels, no figures (a row of figures the same as one of the page
  // before is another table's row).
  let k = 0;
  while (k < next.length && next[k].cells.length >= 2 && seen.has(signature(next[k])) && !next[k].cells.some((c) => /\d/.test(c.text))) k++;
  const cont = next[k];
  if (!cont) return -1;
  // A row that holds a label the caller named as a cell of its own (总分) is a row of its own.
  // (Or the first line of one wrapped in its cell, four characters at least: 2.项目实施内容及过 over
  // 程概述.)
  const named = new Set(cellLabels.map(compactText));
  const labelHead = (t: string): boolean => Array.from(t).length >= 4 && [...named].some((l) => l.length > t.length && l.startsWith(t));
  if (cont.cells.some((c) => named.has(unnumbered(c.text)) || labelHead(unnumbered(c.text)))) return -1;
  // Rows of different grids are matched by place only when the continuation carries the table's
  // merged label cells on, or each of its cells has the edges of a cell of the cut row (a column of
  // merged labels left out on the new page), or of cells side by side when it is empty (the label
  // cells of a cut row drawn as one on the new page): it is that table, not a new one.
  // (Or, where the next page's columns are other ones altogether, each of its texts begins where
  // one of the cut row's begins, within it: the last line of a paragraph, 断增强。, under the
  // paragraph, columns found apart on each page.)
  const byLeft = cont.cells.some((c) => c.text !== '') && cont.cells.every((c) => c.text === '' || leftAligned(cut, c) >= 0);
  // (An empty cell no wider than a point, a column the stream found between texts, is none.)
  const nothing = (c: Row['cells'][number]): boolean => c.text === '' && c.bbox !== undefined && c.bbox[2] - c.bbox[0] < 1;
  if (cont.cells.length !== cut.cells.length && !cont.cells.some((c) => c.merge !== undefined) && !cont.cells.every((c) => overlapping(cut, c) >= 0 || (c.text === '' && spanning(cut, c)) || nothing(c)) && !byLeft) return -1;
  // The continuation's cells by the cut row's cells: by position when both rows have as many
  // cells, else by where they are on the page (a grid split into other columns on each page).
  const partner = (i: number): number => {
    if (cont.cells.length === cut.cells.length) return i;
    const j = overlapping(cut, cont.cells[i]);
    return j < 0 && byLeft ? leftAligned(cut, cont.cells[i]) : j;
  };
  // A cell of the cut row that goes on a merged cell begun above it (原因 merged over the fund
  // rows, its paragraph cut by the break) stands for that cell: the rest joins its text.
  const mergedFrom = (j: number): Row['cells'][number] | undefined => {
    const cell = cut.cells[j]!;
    if (cell.merge !== 'continued') return cell;
    for (let r = ci - 1; r >= 0; r--) {
      const row = prev[r]!;
      const k = row.cells.length === cut.cells.length ? j : overlapping(row, cell);
      const above = k >= 0 ? row.cells[k] : undefined;
      if (!above || above.merge === undefined) return undefined;
      if (above.merge === 'start') return above.rowSpan > ci - r ? above : undefined;
    }
    return undefined;
  };
  const cutCols: number[] = [], contCols: number[] = [];
  cut.cells.forEach((c, i) => { if (c.text !== '') cutCols.push(i); });
  cont.cells.forEach((c, i) => { if (c.text !== '') contCols.push(i); });
  if (contCols.length === 0) return -1;
  // (Only where the continuation holds nothing else: a rest of the side label beside other rests,
  // 绩效指标(90分) over 指标, is no such note.)
  const onlyMerged = contCols.every((i) => partner(i) >= 0 && cut.cells[partner(i)]!.merge === 'continued');
  // (Beside other rests, the rest of a side label that its part on the page before does not hold
  // already goes on it too: 基本情况 under 项目, beside the rest of a goal's paragraph.)
  // (Beside rests of texts only: beside a group's name, 指标 under 质量指标, the row holds the
  // labels' parts a break cut, each printed on both pages.)
  const names = new Set(groupNames.map(compactText));
  const mergedHere = (i: number): boolean => partner(i) >= 0 && cut.cells[partner(i)]!.merge === 'continued';
  const besideText = contCols.some((i) => !mergedHere(i)) && contCols.every((i) => mergedHere(i) || (partner(i) >= 0 && !names.has(compactText(cut.cells[partner(i)]!.text))));
  const sideRest = (i: number): boolean => {
    if (onlyMerged || !besideText || !mergedHere(i)) return false;
    const from = mergedFrom(partner(i));
    return from !== undefined && from.text !== '' && !FIGURE.test(cont.cells[i]!.text.trim()) && !compactText(from.text).includes(compactText(cont.cells[i]!.text));
  };
  const target = (i: number): Row['cells'][number] | undefined => (partner(i) < 0 ? undefined : onlyMerged || sideRest(i) ? mergedFrom(partner(i)) : cut.cells[partner(i)]!.merge === 'continued' ? undefined : cut.cells[partner(i)]);
  if (!contCols.every((i) => target(i) !== undefined && target(i)!.text !== '')) return -1;
  if (new Set(contCols.map(partner)).size !== contCols.length) return -1;
  // A number that ends on its decimal point, digits under it (94. | 71): the row surely goes on,
  // however many of its cells do, and a whole number beside it is cut too (10 | 0 of 100).
  // So does a row whose cells a column a few characters wide wrapped onto lines (1 over 0, 98
  // over .4) when all the next page's top holds is one line of digits under each (0 | 3 of 100
  // and 98.43).
  // So does a whole number of a few digits whose rest, a line of digits, is all the next page's top
  // holds (10 | 0 of the total weight 100 that a narrow cell wrapped, the break between its
  // lines): a row of its own holds more than one figure.
  // (Or a number the column wrapped onto lines of a few characters itself: 9 | 8 / . / 8 / 8 of
  // 98.88.)
  // (Or several such numbers side by side, each rest a number the column wrapped onto lines, under
  // cells after the row's name: 总分 | 10 | 9 over 0. / 00 | 4. / 6 / 8, the total row's 100.00 and
  // 94.68. A figure the column would have wrapped is no line of its own.)
  const first = cutCols[0] ?? 0;
  const loneDigits = (i: number): boolean => /^\d{1,3}$/.test(target(i)!.text.trim()) &&
    (contCols.length === 1 ? /^\d{1,3}$/.test(cont.cells[i].text.trim()) || wrappedFigure(target(i)!, cont.cells[i]) : partner(i) > first && wrappedFigure(target(i)!, cont.cells[i]));
  // So does a row whose rest holds figures alone, under cells of the cut row that hold text, and
  // nothing under the text the cut row begins with (its name): 调研报告准确率 | 不低于 | 89% | 5.0 | 5.0
  // over | 85% | | 0 | 0. A row of its own has a name.
  // (Under one text at least that is no figure whole: the total row's 100 | 98.72 under a row's
  // 8 | 8.00 is a row of its own, its label elsewhere.)
  const nameless = contCols.every((i) => partner(i) > first && FIGURE.test(cont.cells[i].text.trim())) &&
    !FIGURE.test(cut.cells[first]!.text.trim()) && contCols.some((i) => !FIGURE.test(target(i)!.text.trim()));
  // So does a row whose figures of one decimal each go on with one digit (100.0 | 0(%), 4.0 | 0:
  // 100.00(%) and 4.00), two of them at least, its name with the rest of the name (困难家庭就 | 业率).
  const decimalRest = (i: number): boolean => /^\d+\.\d$/.test(target(i)!.text.trim()) && /^\d(?:[(（]?%[)）]?)?$/.test(cont.cells[i].text.trim());
  const nameRest = (i: number): boolean => partner(i) === first && /\p{Script=Han}$/u.test(target(i)!.text.trim()) && /^\p{Script=Han}+$/u.test(cont.cells[i].text.trim());
  // So does a row whose name the break cut mid-word (财政专户管理资 | 金), its other rests the ends of
  // whole numbers (10 | 0.00 of 100.00).
  const digitsRest = (i: number): boolean => /^\d+$/.test(target(i)!.text.trim()) && /^\d[\d.]*%?$/.test(cont.cells[i].text.trim());
  const surelyCut = nameless || contCols.some((i) => /\d\.$/.test(target(i)!.text.trim()) && /^\d/.test(cont.cells[i].text.trim())) ||
    (contCols.some(nameRest) && contCols.some(digitsRest) && contCols.every((i) => nameRest(i) || digitsRest(i))) ||
    contCols.every((i) => wrappedDigits(target(i)!, cont.cells[i]) || loneDigits(i)) ||
    (contCols.filter(decimalRest).length >= 2 && contCols.every((i) => decimalRest(i) || nameRest(i)));
  if (contCols.filter((i) => !sideRest(i)).length * 2 > cutCols.length && !surelyCut) return -1;
  // Two whole numbers are two rows' cells (29.00 over the total row's 100), not one cut in two;
  // nor does a named label of the cut row (总分) go on: it is whole.
  // (A number without the % its rest ends on is cut: 95.1 over 4%.)
  const restOfRate = (a: string, b: string): boolean => /^\d+(?:\.\d*)?$/.test(a) && /^\d+%$/.test(b);
  if (!surelyCut && contCols.some((i) => FIGURE.test(target(i)!.text.trim()) && FIGURE.test(cont.cells[i].text.trim()) && !restOfRate(target(i)!.text.trim(), cont.cells[i].text.trim()))) return -1;
  if (contCols.some((i) => named.has(compactText(target(i)!.text)))) return -1;
  // Nor does a placeholder (/ or —): it is the whole of its cell, and a row under it with text in
  // its column is another row (财政专户管理资金 | / | / under 其中：财政资金 | … | / | /).
  if (contCols.some((i) => PLACEHOLDER.test(target(i)!.text.trim()))) return -1;
  // A group's name whole already (时效指 / 标 on the page before), that the rest only repeats the end
  // of, was printed on both pages (a producer prints a merged cell cut by the break in each part,
  // clipped): the repeat is no text of its own, kept in the raw text only.
  // (Also the row's own cell, the group's name whole on its last row, where the rest is all the
  // next page's top holds: 可持续影响指 / 标 over a lone 标, the rest of the part on the new page.)
  // (Or any text whose end the rest repeats, two Han characters at least, where the rest is all the
  // next page's top holds: 服务对象满意 over 象满意, the clipped first line of 服务对象满意 / 度指标.)
  const repeats = (a: Row['cells'][number], b: Row['cells'][number]): boolean => {
    const [x, y] = [compactText(a.text), compactText(b.text)];
    if (!(onlyMerged || contCols.length === 1) || !x.endsWith(y) || x === y) return false;
    return (names.has(x) && !names.has(x + y)) || /^\p{Script=Han}{2,}$/u.test(y);
  };
  for (const i of contCols) {
    const a = target(i)!, b = cont.cells[i];
    if (repeats(a, b)) {
      a.raw = `${a.raw ?? a.text}\n${b.raw ?? b.text}`;
      continue;
    }
    const raw = a.raw !== undefined || b.raw !== undefined ? joinWrapped(a.raw ?? a.text, b.raw ?? b.text) : undefined;
    a.text = joinWrapped(a.text, b.text);
    if (raw !== undefined && raw !== a.text) a.raw = raw;
  }
  // A merge that starts on the continuation now starts on the row below it.
  const below = next[k + 1];
  cont.cells.forEach((c, i) => {
    if (c.merge !== 'start' || c.rowSpan < 2) return;
    const d = below?.cells.length === cont.cells.length ? below.cells[i] : undefined;
    if (!d || d.merge !== 'continued') return;
    d.text = c.text;
    if (c.rowSpan > 2) {
      d.merge = 'start';
      d.rowSpan = c.rowSpan - 1;
    } else {
      delete d.merge;
      d.rowSpan = 1;
    }
  });
  next.splice(k, 1);
  return k;
}

/**
 * Whether `a` is a number a narrow column wrapped onto lines of at most three characters, and `b`
 * one line of digits in that column: the rest of it.
 */
function wrappedDigits(a: Row['cells'][number], b: Row['cells'][number]): boolean {
  return /^\d+$/.test(b.text) && wrappedOver(a, b, /^\d[\d.]*$/);
}

/**
 * Whether `b` is a number a narrow column wrapped onto two lines or more of at most three
 * characters, `a` one line of that column (its height a line's).
 */
function wrappedFigure(a: Row['cells'][number], b: Row['cells'][number]): boolean {
  return wrappedOver(b, a, /^\d[\d.]*\d$/);
}

/** Whether `multi`, its text matching `text`, fills two lines or more of `single`'s height with at most three characters a line. */
function wrappedOver(multi: Row['cells'][number], single: Row['cells'][number], text: RegExp): boolean {
  if (!multi.bbox || !single.bbox || !text.test(multi.text)) return false;
  const line = single.bbox[3] - single.bbox[1];
  const lines = Math.round((multi.bbox[3] - multi.bbox[1]) / line);
  return line > 0 && lines >= 2 && multi.text.length <= 3 * lines;
}

/** Whether `cell` has the left edge of one cell of `row` and the right edge of one (a cell over several). */
function spanning(row: Row, cell: Row['cells'][number]): boolean {
  const b = cell.bbox;
  if (!b) return false;
  return row.cells.some((c) => c.bbox !== undefined && Math.abs(c.bbox[0] - b[0]) < 2) && row.cells.some((c) => c.bbox !== undefined && Math.abs(c.bbox[2] - b[2]) < 2);
}

/**
 * Index of the cell of `row` with text (or in a merged cell begun above) that begins where `cell`
 * begins and holds it across, or -1. (A cell's extent is its text's: the rest of a paragraph may
 * run wider, as far as the next cell with text, or the row's end.)
 */
function leftAligned(row: Row, cell: Row['cells'][number]): number {
  const b = cell.bbox;
  if (!b) return -1;
  const reach = (i: number): number => Math.min(...row.cells.slice(i + 1).filter((c) => c.text !== '' && c.bbox !== undefined).map((c) => c.bbox![0]), row.bbox?.[2] ?? -Infinity);
  return row.cells.findIndex((c, i) => (c.text !== '' || c.merge === 'continued') && c.bbox !== undefined && Math.abs(c.bbox[0] - b[0]) < 2 && b[2] <= Math.max(c.bbox[2], reach(i)) + 2);
}

/**
 * Index of the cell of `row` in the same column as `cell` (the same left and right edges, or a few
 * points off where each page sets its grid a little apart: nine tenths of each across), or -1.
 */
function overlapping(row: Row, cell: Row['cells'][number]): number {
  const b = cell.bbox;
  if (!b) return -1;
  const exact = row.cells.findIndex((c) => c.bbox !== undefined && Math.abs(c.bbox[0] - b[0]) < 2 && Math.abs(c.bbox[2] - b[2]) < 2);
  if (exact >= 0) return exact;
  const shared = (c: Row['cells'][number]): number => (c.bbox ? Math.min(c.bbox[2], b[2]) - Math.max(c.bbox[0], b[0]) : 0);
  return row.cells.findIndex((c) => c.bbox !== undefined && shared(c) >= 0.9 * Math.max(c.bbox[2] - c.bbox[0], b[2] - b[0]));
}
