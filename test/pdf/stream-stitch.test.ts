/**
 * Stream mode's logical rows (wrapped cells, centred labels as merged cells, sections aligned
 * with their header) and the joining of a row cut by a page break.
 *
 * > **Note**: fixture checks use the form's words; the unit tests of `stitchPageBreak` do not.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { extractPdf } from '../../src/pdf/index.js';
import { stitchPageBreak } from '../../src/pdf/stitch.js';
import { joinWrapped } from '../../src/wrap.js';
import { STREAM_ANCHORS } from '../../src/pipeline.js';
import type { BBox, Cell, Row } from '../../src/types.js';

const PRODUCERS = path.resolve(import.meta.dirname, '../fixtures/producers');
const BORDERLESS = path.join(PRODUCERS, 'chromium_borderless_01.pdf');
const SPLIT = path.join(PRODUCERS, 'chromium_split_repeat_01.pdf');
const read = (f: string) => new Uint8Array(readFileSync(f));
const texts = (r: Row) => r.cells.map((c) => c.text);

describe.skipIf(!existsSync(BORDERLESS))('stream mode builds logical rows', async () => {
  const x = await extractPdf(read(BORDERLESS), { file: 'b.pdf', anchors: STREAM_ANCHORS });
  const find = (t: string) => x.rows.find((r) => r.cells.some((c) => c.text === t))!;

  test('a title line is a row of its own, one cell', () => {
    expect(x.rows[0].cells.map((c) => c.text)).toEqual(['财政项目支出绩效自我评价']);
  });

  test('a value wrapped over two lines, printed beside its vertically centred label, is one cell of that row', () => {
    expect(texts(find('主管部门'))).toEqual(['主管部门', '上海市人力资源和社会保障局', '实施单位', '上海市人力资源和社会保障局']);
  });

  test('the funds section lines up with its header; the block label is merged over the header and four rows', () => {
    const header = find('全年预算数');
    expect(texts(header)).toEqual(['项目资金（万元）', '', '年初预算数', '全年预算数', '全年执行数', '分数', '执行率', '得分']);
    expect(header.cells[0]).toMatchObject({ merge: 'start', rowSpan: 5 });
    const i = x.rows.indexOf(header);
    expect(texts(x.rows[i + 1])).toEqual(['', '年度资金总额', '4918.16', '5901.28', '5606.41', '10.00', '95.00', '9.50']);
    expect(texts(x.rows[i + 2])).toEqual(['', '其中：当年财政拨款', '4918.16', '5901.28', '5606.41', '-', '95.00', '-']);
    for (let k = 1; k <= 4; k++) expect(x.rows[i + k].cells[0].merge).toBe('continued');
  });

  test('goal texts wrapped over lines are joined without a space', () => {
    expect(texts(find('年度总体目标'))).toEqual([
      '年度总体目标',
      '按照年度预算和工作计划，确保文物修缮项目数达到1200项，各类宣传活动举办场次达到80场。',
      '项目按计划实施，文物修缮项目数为853项，各类宣传活动举办场次为1场。',
    ]);
  });

  test('indicator rows: wrapped cells joined, centred group labels as start/continued merges', () => {
    const header = find('偏差原因分析');
    const i = x.rows.indexOf(header);
    const body = x.rows.slice(i + 1, i + 8);
    expect(body.map((r) => r.cells.length)).toEqual(new Array(7).fill(header.cells.length));
    expect(texts(body[0])).toEqual(['产出指标', '数量指标', '走访慰问人次数', '≥150.00(次/人均)', '156.00(次/人均)', '11.00', '11.00', '']);
    expect(body[0].cells[0]).toMatchObject({ merge: 'start', rowSpan: 5 });
    expect(body[0].cells[1]).toMatchObject({ merge: 'start', rowSpan: 2 });
    expect(body.slice(1, 5).map((r) => r.cells[0].merge)).toEqual(['continued', 'continued', 'continued', 'continued']);
    expect(body[1].cells[1].merge).toBe('continued');
    expect(texts(body[2])[7]).toBe('几家医疗机构因专家个人需求,费用有结余');
    expect(texts(body[4])[3]).toBe('不高于前3年最高值');
    expect(texts(body[6]).slice(0, 3)).toEqual(['满意度指标', '服务对象满意度指标', '机关纪委-培训人员满意度']);
    // The grade line under the indicators is a row of the table's last section, like a ruled table's.
    expect(texts(x.rows[x.rows.length - 1]).filter((t) => t !== '')).toEqual(['评分等级', '良']);
  });
});

describe.skipIf(!existsSync(SPLIT))('a row cut by a page break', () => {
  test('its two halves (with the header repeated between them) become one row', async () => {
    const x = await extractPdf(read(SPLIT), { file: 's.pdf', anchors: STREAM_ANCHORS });
    const hits = x.rows.filter((r) => r.cells.some((c) => c.text.startsWith('关文件要求')));
    const whole = x.rows.filter((r) => r.cells.some((c) => c.text === '团-局系统团干部培训参与率（按照年度工作计划和相关文件要求组织实施并通过验收）'));
    expect(whole).toHaveLength(1);
    expect(texts(whole[0]).slice(2, 7)).toEqual(['团-局系统团干部培训参与率（按照年度工作计划和相关文件要求组织实施并通过验收）', '≥95%', '达成指标', '3.00', '3.00']);
    expect(hits).toEqual([]);
    // The merged label groups that started on the dropped row now start on the row below it.
    const page2 = x.rows.filter((r) => r.page === 2);
    expect(page2[1].cells.slice(0, 2).map((c) => [c.merge, c.rowSpan])).toEqual([['start', 6], ['start', 2]]);
  });
});

describe('stitchPageBreak', () => {
  const box = (top: number, bottom: number): BBox => [30, top, 560, bottom];
  const cell = (text: string, extra: Partial<Cell> = {}): Cell => ({ text, rowSpan: 1, colSpan: 1, ...extra });
  const row = (cells: Array<string | Cell>, top: number, bottom: number, page = 1): Row => ({ cells: cells.map((c) => (typeof c === 'string' ? cell(c) : c)), page, bbox: box(top, bottom) });
  const head = () => row(['A', 'B', 'C', 'D', 'E'], 60, 80);
  const H = 842;

  test('joins a continuation after a repeated header and hands its merges down', () => {
    const prev = [head(), row([cell('', { merge: 'continued' }), 'first part of a long', 'v1', 'v2', 'v3'], 760, 800)];
    const next = [
      row(['A', 'B', 'C', 'D', 'E'], 40, 60, 2),
      row([cell('', { merge: 'start', rowSpan: 3 }), 'text', '', '', ''], 60, 75, 2),
      row([cell('', { merge: 'continued' }), 'x', 'y', 'z', 'w'], 75, 90, 2),
      row([cell('', { merge: 'continued' }), 'x2', 'y2', 'z2', 'w2'], 90, 105, 2),
    ];
    expect(stitchPageBreak(prev, next, H)).toBe(1);
    expect(texts(prev[1])).toEqual(['', 'first part of a long text', 'v1', 'v2', 'v3']);
    expect(next).toHaveLength(3);
    expect(next[1].cells[0]).toMatchObject({ merge: 'start', rowSpan: 2 });
  });

  test('CJK halves join without a space, Latin words with one', () => {
    expect(joinWrapped('参与率（按照年度工作计划和相', '关文件要求）')).toBe('参与率（按照年度工作计划和相关文件要求）');
    expect(joinWrapped('first', 'second')).toBe('first second');
    expect(joinWrapped('≤300.0', '0(元/人)')).toBe('≤300.00(元/人)');
  });

  test('a new row missing only one value is no continuation', () => {
    const prev = [head(), row(['g', 'name', 'v1', 'v2', 'reason'], 760, 800)];
    const next = [row(['', 'name2', 'v1', 'v2', ''], 40, 60, 2)];
    expect(stitchPageBreak(prev, next, H)).toBe(-1);
    expect(next).toHaveLength(1);
  });

  test('a first row holding a label the caller names as a cell of its own (总分) is a row of its own', () => {
    const prev = () => [head(), row(['g', 'name', '≥100%', '4', '偏差原因：受'], 760, 800)];
    const next = () => [row(['', '总分', '', '', '市场影响'], 40, 60, 2)];
    expect(stitchPageBreak(prev(), next(), H)).toBe(0);
    expect(stitchPageBreak(prev(), next(), H, ['总分'])).toBe(-1);
  });

  test('a cut row whose cell is a label the caller names (the total row at a page\'s foot) takes no text from the next page', () => {
    const prev = () => [head(), row(['', '总分', '', '100', '97.56'], 760, 800)];
    const next = () => [row(['', 'a line at the top of the next page', '', '', ''], 40, 60, 2)];
    expect(stitchPageBreak(prev(), next(), H)).toBe(0);
    expect(stitchPageBreak(prev(), next(), H, ['总分'])).toBe(-1);
  });

  test('a first row of whole numbers under whole numbers (the total row 100 | 88.43 under 29.00 | 29.00) is a row of its own', () => {
    const prev = [head(), row(['g', 'name', '≥95%', '29.00', '29.00'], 760, 800)];
    expect(stitchPageBreak(prev, [row(['', '', '', '100', '88.43'], 40, 60, 2)], H)).toBe(-1);
  });

  test('a few digits alone under a whole number of the cut row (10 | 0 of 100) go on it; two figures under two are a row of their own', () => {
    const prev = () => [head(), row(['', '', 'total', '10', '100.00'], 760, 800)];
    const lone = prev();
    expect(stitchPageBreak(lone, [row(['', '', '', '0', ''], 40, 60, 2)], H)).toBe(0);
    expect(texts(lone[1])).toEqual(['', '', 'total', '100', '100.00']);
    expect(stitchPageBreak(prev(), [row(['', '', '', '0', '5'], 40, 60, 2)], H)).toBe(-1);
  });

  test('a group name whole already takes no rest that repeats its end; the repeat stays in the raw text', () => {
    const prev = [head(), row([cell('时效指标', { merge: 'start', rowSpan: 2 }), 'name', 'v1', 'v2', 'v3'], 740, 760), row([cell('', { merge: 'continued' }), 'name 2', 'v1', 'v2', 'v3'], 770, 800)];
    const next = [row(['标', '', '', '', ''], 40, 60, 2), row(['', 'next', 'v1', 'v2', 'v3'], 60, 80, 2)];
    expect(stitchPageBreak(prev, next, H, [], ['时效指标'])).toBe(0);
    expect(prev[1]!.cells[0]).toMatchObject({ text: '时效指标', raw: '时效指标\n标' });
    expect(next).toHaveLength(1);
  });

  test('a rest of figures alone under text of the cut row, nothing under its name, goes on; under whole figures alone it is a row of its own', () => {
    const cut = () => [head(), row(['', '调研报告准确率', '不低于', '5.0', '5.0'], 760, 800)];
    const joined = cut();
    expect(stitchPageBreak(joined, [row(['', '', '85%', '0', '0'], 40, 60, 2)], H)).toBe(0);
    expect(texts(joined[1])).toEqual(['', '调研报告准确率', '不低于85%', '5.00', '5.00']);
    const whole = [head(), row(['', 'name', '≥95%', '8', '8.00'], 760, 800)];
    expect(stitchPageBreak(whole, [row(['', '', '', '100', '98.72'], 40, 60, 2)], H)).toBe(-1);
  });

  test('a whole number of a few digits takes a rest that the column wrapped a character a line (9 | 8 / . / 8 / 8)', () => {
    const at = (text: string, top: number, bottom: number): Cell => cell(text, { bbox: [500, top, 506, bottom] });
    const prev = [head(), { ...row(['', '合计', '', '100', at('9', 780, 790)], 780, 790), bbox: box(780, 790) }];
    const next = [row(['', '', '', '', at('8.88', 40, 80)], 40, 80, 2)];
    expect(stitchPageBreak(prev, next, H)).toBe(0);
    expect(texts(prev[1]!)[4]).toBe('98.88');
    const oneLine = [head(), row(['', '合计', '', '100', at('9', 780, 790)], 780, 790)];
    expect(stitchPageBreak(oneLine, [row(['', '', '', '', at('8.88', 40, 50)], 40, 50, 2)], H)).toBe(-1);
  });

  test('on a next page whose columns are other ones, a text that begins where a cell of the cut row begins, within it, goes on that cell', () => {
    const at = (text: string, x0: number, x1: number): Cell => cell(text, { bbox: [x0, 760, x1, 800] });
    const prev = [head(), row([at('项目年度目标', 100, 160), at('…确保人才队伍稳定性定性不', 242, 740), at('', 740, 800)], 760, 800)];
    const next = [row([at('', 30, 90), at('', 90, 160), at('', 160, 240), at('断增强。', 242, 278)], 40, 60, 2), row(['情况', '年度目标完成情况', '经过全年努力'], 60, 80, 2)];
    expect(stitchPageBreak(prev, next, H)).toBe(0);
    expect(texts(prev[1]!)[1]).toBe('…确保人才队伍稳定性定性不断增强。');
  });

  test('a table that ends mid-page, text under the table, or a different column count stop it', () => {
    const cont = () => [row(['', 'more', '', '', ''], 40, 60, 2)];
    expect(stitchPageBreak([head(), row(['g', 'name', 'v1', 'v2', 'v3'], 300, 320)], cont(), H)).toBe(-1);
    expect(stitchPageBreak([head(), row(['g', 'name', 'v1', 'v2', 'v3'], 760, 790), row(['a title'], 800, 815)], cont(), H)).toBe(-1);
    expect(stitchPageBreak([head(), row(['g', 'name', 'v1', 'v2'], 760, 800)], cont(), H)).toBe(-1);
    // A page number under the table does not.
    expect(stitchPageBreak([head(), row(['g', 'name', 'v1', 'v2', 'v3'], 760, 790), row(['- 3 -'], 810, 820)], cont(), H)).toBe(0);
  });
});
