/**
 * Level names wrapped over the rows of their group. A merged level-1 or level-2 cell narrow enough
 * to wrap its name (数 / 量指标, 可 / 持续 / 影响指标), in a layer that draws no rule between rows,
 * leaves each line of the name in the row it stands beside: pieces that are no name alone. Pieces
 * stacked in one label column on rows that follow one another (blank cells between them allowed,
 * within a few rows), the first beginning a name of the form and each adding on until together
 * they spell it, are one label. Where the layer tells merged cells, the name goes to the first
 * piece's row, whose merged cell the other pieces' cells continue; else to the first piece's row
 * that holds a figure (`wrapped_cell_joined`). The rows stay as many.
 */
import { labelKey } from '../domain/labels.js';
import type { Vocabulary } from '../domain/vocabulary.js';
import { report, type StageContext } from '../stage.js';
import type { Cell, Row } from '../types.js';
import { readIndicatorHeader } from './indicator-rows.js';
import { acrossOverlap, blank } from './text.js';

/** Rows a wrapped name may reach over, its first piece's row included. */
const MAX_ROWS = 5;

/** Whether two cells stand in one column (their boxes overlap across), where one page's boxes tell. */
function stacked(a: Cell, b: Cell): boolean {
  return a.page !== b.page || (acrossOverlap(a, b) ?? 1) > 0;
}

/**
 * Given an indicator header and the rows under it, returns both with wrapped level names joined.
 * The first line of a name may have been read into the header row, after the column's label
 * (二级指标数 over 量指标): it is moved down to the first row, where the rest of the name is.
 */
export function joinLabelPieces(header: Row, rows: readonly Row[], v: Vocabulary, ctx: StageContext): { header: Row; rows: Row[] } {
  const framework = v.template.indicators.framework;
  const names = [...new Set([...Object.keys(framework), ...Object.values(framework)].map(labelKey))];
  const isName = (k: string): boolean => names.includes(k);
  const begins = (k: string): boolean => names.some((n) => n.length > k.length && n.startsWith(k));
  const out = rows.map((r) => ({ ...r, cells: [...r.cells] }));
  const head = { ...header, cells: [...header.cells] };
  head.cells.forEach((c, col) => {
    const first = out[0]?.cells[col];
    if (v.indicatorCol(c.text) !== undefined || !first) return;
    const k = labelKey(c.text);
    for (let n = k.length - 1; n >= 2; n--) {
      const key = v.indicatorCol(k.slice(0, n));
      const rest = k.slice(n);
      if ((key !== 'level1' && key !== 'level2') || !begins(rest)) continue;
      head.cells[col] = { ...c, text: k.slice(0, n), raw: c.text };
      out[0]!.cells[col] = { ...first, text: rest + first.text };
      report(ctx, 'wrapped_cell_joined', `the first line of a level name (${rest}) read into the header cell ${k.slice(0, n)} was moved to the row below`, { row: header, cell: c }, { actual: c.text, expected: k.slice(0, n) });
      return;
    }
  });
  const h = readIndicatorHeader(head, v);
  for (const col of [h.level1, h.level2]) {
    if (col === undefined) continue;
    for (let i = 0; i < out.length; i++) {
      const first = out[i]!.cells[col];
      if (!first || first.text === '') continue;
      let key = labelKey(first.text);
      if (key === '' || isName(key) || !begins(key)) continue;
      const pieces: number[] = [i];
      for (let j = i + 1; j < Math.min(out.length, i + MAX_ROWS); j++) {
        const c = out[j]!.cells[col];
        if (!c || c.text === '') continue;
        const k = labelKey(c.text);
        if (k === '' || isName(k) || !stacked(first, c)) break;
        key += k;
        pieces.push(j);
        if (!begins(key)) break;
      }
      if (pieces.length < 2 || !isName(key)) continue;
      const texts = pieces.map((p) => out[p]!.cells[col]!.text);
      // Where the layer tells merged cells, the name opens its group on the first piece's row and
      // the others continue it; else it stands on the first piece's row that is an indicator's (a
      // piece may stand beside the wrapped lines of the row above).
      const merged = pieces.some((p) => out[p]!.cells[col]!.merge !== undefined);
      const hasFigure = (r: Row): boolean => r.cells.some((c, n) => n > col && /^\d+(?:\.\d+)?$/.test(c.text.trim()));
      const at = merged ? i : (pieces.find((p) => hasFigure(out[p]!)) ?? i);
      const cells = pieces.map((p) => out[p]!.cells[col]!);
      pieces.forEach((p, n) => {
        out[p]!.cells[col] = p === at ? { ...cells[n]!, text: key, raw: texts.join('\n') } : { ...blank(cells[n]!), ...(merged ? { merge: 'continued' as const } : {}) };
      });
      report(ctx, 'wrapped_cell_joined', `a level name wrapped over ${pieces.length} rows was joined: ${key}`, { row: out[at]!, cell: out[at]!.cells[col] }, { actual: texts.join(' / '), expected: key });
      i = pieces[pieces.length - 1]!;
    }
  }
  return { header: head, rows: out };
}
