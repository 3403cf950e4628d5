/**
 * Pages that print the columns right of an earlier page's (a sheet wider than the paper): found by
 * texts drawn on both at one height with one shift, glued on the right, cells mapped back.
 */
import { describe, expect, test } from 'vitest';
import { findSideJoins, glueSidePages, mapCellsBack, type SidePage } from '../../src/pdf/side-pages.js';
import type { TextRun } from '../../src/pdf/text-runs.js';
import type { BBox, Row } from '../../src/types.js';

const run = (text: string, x: number, top: number, size = 9): TextRun => ({ text, bbox: [x, top, x + Array.from(text).length * size, top + size], fontSize: size, angle: 0 });
const page = (n: number, runs: TextRun[], drawn: TextRun[] = runs): SidePage => ({ page: n, width: 612, height: 792, runs, drawn });

// The left page: labels and figures, with the title, a merged note and its header drawn past its
// right edge (clipped there, so not seen). The side page: the same three texts shifted left by
// 300, seen there, and the note column's other text.
const leftSeen = [run('项目名称', 50, 100), run('年初预算', 120, 200), run('39.20', 200, 220), run('一级指标', 50, 300)];
const leftDrawn = [...leftSeen, run('部门预算项目支出绩效自评表', 200, 60), run('未完成原因分析', 520, 300), run('因政策调整部分工作', 505, 320)];
const sideSeen = [run('部门预算项目支出绩效自评表', -100, 60), run('原因', 260, 180), run('由于参训人员实际报名', 250, 200), run('未完成原因分析', 220, 300), run('因政策调整部分工作', 205, 320)];

describe('findSideJoins', () => {
  test('a page whose texts repeat an earlier page\'s, clipped there, at one height and one shift, goes on its right', () => {
    expect(findSideJoins([page(1, leftSeen, leftDrawn), page(2, sideSeen)])).toEqual([{ page: 2, into: 1, dx: 300, twins: 3 }]);
  });

  test('two texts drawn on both are no evidence; nor are texts at one place on both (a repeated header)', () => {
    expect(findSideJoins([page(1, leftSeen, leftDrawn.slice(0, -1)), page(2, sideSeen)])).toEqual([]);
    expect(findSideJoins([page(1, leftSeen), page(2, leftSeen)])).toEqual([]);
  });

  test('a page of another table whose texts, shifted so, would cover the page\'s own is not joined', () => {
    const other = [...sideSeen, run('主管部门', -250, 100), run('全年预算', -180, 200), run('26.16', -100, 220), run('二级指标', -250, 300)];
    expect(findSideJoins([page(1, leftSeen, leftDrawn), page(2, other)])).toEqual([]);
  });

  test('a sheet three pages wide joins its third page to the first, the shifts added', () => {
    const thirdDrawn = [run('由于参训人员实际报名', -50, 200), run('未完成原因分析', -80, 300), run('因政策调整部分工作', -95, 320), run('第三页的文字', 100, 400)];
    const joins = findSideJoins([page(1, leftSeen, leftDrawn), page(2, sideSeen), page(3, [run('第三页的文字', 100, 400)], thirdDrawn)]);
    expect(joins).toEqual([{ page: 2, into: 1, dx: 300, twins: 3 }, { page: 3, into: 1, dx: 600, twins: 3 }]);
  });
});

describe('glueSidePages and mapCellsBack', () => {
  test('the side page\'s runs go on the right without the copies the page holds; its cells get their page and place back', () => {
    const glued = glueSidePages(leftSeen, [{ page: 2, dx: 300, runs: [...sideSeen, run('项目名称', 50 - 300, 100)] }]);
    expect(glued.runs.filter((r) => r.text === '项目名称')).toHaveLength(1);
    expect(glued.runs.find((r) => r.text === '原因')!.bbox[0]).toBe(560);
    const rows: Row[] = [{ cells: [{ text: '年初预算', rowSpan: 1, colSpan: 1, page: 1, bbox: [120, 200, 156, 209] as BBox }, { text: '原因', rowSpan: 1, colSpan: 1, page: 1, bbox: [560, 180, 578, 189] as BBox }] }];
    mapCellsBack(rows, glued.parts);
    expect(rows[0]!.cells.map((c) => [c.page, c.bbox![0]])).toEqual([[1, 120], [2, 260]]);
  });
});
