/**
 * The failure classes of issue 9, each on a file the layout sampler drew (test/fixtures/layouts,
 * README there): what the PDF layer must make of it. That every table of these files reads
 * exactly as its gold says is test/gold.test.ts's part.
 *
 * > **Note**: these tests use the form's words: they check the layer from outside.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { extractPdf, type PdfExtraction } from '../../src/pdf/index.js';
import { inspectPdf } from '../../src/pdf/inspect.js';
import { STREAM_ANCHORS, STREAM_HINTS } from '../../src/pipeline.js';
import type { Row } from '../../src/types.js';
import { run } from '../helpers.js';

const DIR = path.resolve(import.meta.dirname, '../fixtures/layouts');
const extract = (f: string): Promise<PdfExtraction> => extractPdf(new Uint8Array(readFileSync(path.join(DIR, f))), { file: f, anchors: STREAM_ANCHORS });
/** Pages of a sampled file (test/fixtures/layout-pages, no gold), with the anchors or every stream hint. */
const PAGES = path.resolve(import.meta.dirname, '../fixtures/layout-pages');
const extractPages = (f: string, hints: 'anchors' | 'all' = 'anchors'): Promise<PdfExtraction> =>
  extractPdf(new Uint8Array(readFileSync(path.join(PAGES, f))), { file: f, ...(hints === 'all' ? STREAM_HINTS : { anchors: STREAM_ANCHORS }) });
const texts = (r: Row): string[] => r.cells.map((c) => c.text);
const rowWith = (x: PdfExtraction, t: string): Row | undefined => x.rows.find((r) => r.cells.some((c) => c.text === t));

describe('1. a borderless table (Chromium, no rules), two projects flowing over pages', async () => {
  const x = await extract('chromium_none_multi.pdf');
  test('every page is read from the text alone', () => {
    expect(x.pages.every((p) => p.mode === 'stream')).toBe(true);
  });
  test('the fund block lines up with its header, one fund row a row', () => {
    const header = x.rows.filter((r) => texts(r).includes('年初预算数'));
    expect(header).toHaveLength(2);
    for (const h of header) {
      const i = x.rows.indexOf(h);
      expect(x.rows.slice(i + 1, i + 5).map((r) => texts(r).find((t) => /年度资金总额|财政拨款|上年结转|其他资金/.test(t)))).toEqual(['年度资金总额', '其中：当年财政拨款', '上年结转资金', '其他资金']);
    }
  });
  test('the two goal paragraphs side by side stay in their own cells (no interleaving)', async () => {
    const res = await run(path.join(DIR, 'chromium_none_multi.pdf'));
    const gold = JSON.parse(readFileSync(path.join(DIR, 'chromium_none_multi.json'), 'utf8')) as { projects: Array<{ goal_expected: string; goal_actual: string }> };
    expect(res.records.map((r) => [r.goal_expected, r.goal_actual])).toEqual(gold.projects.map((g) => [g.goal_expected, g.goal_actual]));
  });
  test('the total row is found, and no table is called truncated', async () => {
    const res = await run(path.join(DIR, 'chromium_none_multi.pdf'));
    expect(res.records.every((r) => r.total_score !== null)).toBe(true);
    expect(res.records.flatMap((r) => r.issues.map((d) => d.code))).not.toContain('truncated_table');
  });
});

describe('2. HTML opened in LibreOffice Writer', () => {
  test('ruled: one indicator a row, each with its own 分值 and 得分', async () => {
    const res = await run(path.join(DIR, 'writer_html_all_multi.pdf'));
    for (const r of res.records) for (const i of r.indicators) expect([i.weight, i.score].every((v) => v !== null && /^\d+(\.\d+)?$/.test(v))).toBe(true);
  });
  test('a frame only, no padding between rows: wrapped cells stay in their rows', async () => {
    const x = await extract('writer_html_outer_landscape.pdf');
    const row = rowWith(x, '考场视频监控设备交付时间');
    expect(row && texts(row).filter((t) => t !== '')).toEqual(['时效指标', '考场视频监控设备交付时间', '2023年9月30日前完成', '达成指标', '20.00', '20.00']);
  });
});

describe('3. a label glued to its neighbour (Calc draws two cells as one run)', async () => {
  const x = await extract('calc_all_glued.pdf');
  test('the run is cut at the cell border: the 二级 label and the 三级 name are two cells', () => {
    const row = rowWith(x, '制度建设完善程度');
    expect(row).toBeDefined();
    expect(texts(row!)).toContain('可持续影响指标');
  });
});

describe('5. page furniture', async () => {
  const x = await extract('writer_html_outer_landscape.pdf');
  test('a page number and a watermark are set aside, reported, and in no cell', () => {
    const all = x.rows.flatMap(texts).join('\n');
    expect(all).not.toContain('信息公开');
    expect(all).not.toMatch(/^-1-$/m);
    const note = x.diagnostics.find((d) => d.code === 'page_furniture');
    expect(note?.message).toMatch(/-1-/);
    expect(note?.message).toMatch(/信息公开/);
  });
});

describe('5. page furniture: a running header', async () => {
  const x = await extract('writer_docx_running_header.pdf');
  const header = '上海市农业农村委员会2023年度项目支出绩效自评结果';
  test('the line repeated at the top of every page is a row on the first page only, and reported on the others', () => {
    expect(x.rows.filter((r) => texts(r).includes(header)).map((r) => r.page)).toEqual([1]);
    expect(x.diagnostics.filter((d) => d.code === 'page_furniture' && d.message.includes('running header')).length).toBe(x.pages.length - 1);
  });
  test('a row cut by the page break is joined although the next page leaves out the merged label column', () => {
    expect(rowWith(x, '疫病监测覆盖率（以年度考核结果为依据，由第三方机构独立评估）')).toBeDefined();
  });
});

describe('6. header labels set one character per line (Writer from .docx, a frame only, narrow columns)', async () => {
  const x = await extractPages('writer_docx_outer_stacked_labels_p1-3.pdf');
  test('二/级/指/标 over four lines and 得/分 over two are labels of their own columns, and the side label beside them is one cell', () => {
    const header = rowWith(x, '三级指标');
    expect(header && texts(header)).toEqual(['绩效指标(90分)', '一级指标', '二级指标', '三级指标', '指标性质', '指标值', '度量单位', '完成值', '权重', '得分', '未完成原因分析']);
  });
  test('the first indicator row keeps its figures in their columns', () => {
    const row = rowWith(x, '完成巡查次数');
    expect(row && texts(row).slice(3)).toEqual(['完成巡查次数', '≥', '15', '次', '15', '4', '4', '']);
  });
});

describe('7. one-line cells without padding (Writer from .docx, no rules): lines at one pitch are rows, not a paragraph', async () => {
  const x = await extract('writer_docx_none_stacked_rows.pdf');
  test('each 三级 name, target and figure of a group is a row of its own', () => {
    const after = (t: string): string[] | undefined => {
      const cells = rowWith(x, t) && texts(rowWith(x, t)!);
      return cells?.slice(cells.indexOf(t) + 1, cells.indexOf(t) + 5);
    };
    expect(['农田数量', '覆盖合作社数量', '检查合作社户数', '问题整改到位率', '项目验收合格率'].map(after)).toEqual([
      ['=15件', '17件', '22', '22'], ['≥130个', '152个', '13', '13'], ['≥253家', '313家', '11', '11'], ['≥90%', '已完成', '13', '13'], ['≥90%', '75.56%', '21', '16.1'],
    ]);
  });
});

describe('8. a page that continues a table (Calc, a frame only) and begins with a row whose text names header labels', async () => {
  const x = await extract('calc_outer_continued.pdf');
  test('"宣传活动预算执行率 … 偏差原因：" is a data row: the page keeps the columns of the page before', () => {
    const row = rowWith(x, '宣传活动预算执行率');
    expect(row && row.page).toBe(2);
    expect(texts(row!).filter((c) => c !== '').slice(0, 4)).toEqual(['宣传活动预算执行率', '≥90(%)', '未达成指标', '4.00']);
  });
});

describe('9. rules between rows only (Writer from HTML), reasons wrapped over many lines', async () => {
  const x = await extractPages('writer_html_horizontal_wrapped_reasons_p1.pdf');
  test('each band between two rules is one row: the indicator, its figures and its whole reason', () => {
    const row = rowWith(x, 'APP注册用户数');
    expect(row && texts(row).slice(2, 7)).toEqual(['APP注册用户数', '≥480(人)', '570.00(人)', '11', '11.00']);
    expect(row && texts(row)[7]).toMatch(/^户籍人口统计口径调整.*提高知晓率。$/s);
  });
});

describe('10. two numbers of neighbouring cells drawn as one run (Writer from HTML)', async () => {
  const x = await extractPages('writer_html_horizontal_glued_numbers_p1.pdf');
  test('"42.6794.82%" is cut into 预算执行数 and 预算执行率', () => {
    const row = rowWith(x, '总额');
    expect(row && texts(row).filter((t) => t !== '').slice(1, 5)).toEqual(['45.00', '45.00', '42.67', '94.82%']);
  });
});

describe('11. text whose drawing operator is not found (Calc): it is kept, not clipped by another cell\'s clip', async () => {
  const x = await extractPages('calc_outer_unmatched_clip_p1.pdf');
  test('"指标性" over "质" (the 指标性质 label) is read; the figures under it stay in their column', () => {
    const header = rowWith(x, '三级指标');
    expect(header && texts(header)).toContain('指标性质');
    const row = rowWith(x, '老年人登记人数');
    expect(row && texts(row).slice(2, 8)).toEqual(['老年人登记人数', '≥', '420', '人', '455', '3']);
  });
});

describe('12. the grade row under the total row (Writer from .docx, a frame only, Shanghai form)', async () => {
  const x = await extractPages('writer_docx_outer_grade_row_p2.pdf', 'all');
  test('"优" beside 评分等级 starts a row: it does not run on from the total weight above it', () => {
    const grade = rowWith(x, '评分等级');
    expect(grade && texts(grade).filter((t) => t !== '')).toEqual(['评分等级', '优']);
    const total = rowWith(x, '98.03');
    expect(total && texts(total).filter((t) => t !== '')).toEqual(['100', '98.03']);
  });
});

describe('13. the ends of the last group\'s level names beside the total row (Chromium, no rules, national form)', () => {
  test('"标(10分)" and "度指标" on the 总分 line leave it the total row', async () => {
    const res = await run(path.join(DIR, 'chromium_none_total_fragments.pdf'));
    expect(res.records.map((r) => [r.total_weight, r.total_score])).toEqual([['100', '99.27'], ['100', '99.73'], ['100', '97.08'], ['100', '91.84']]);
    expect(res.records[0]!.indicators.some((i) => i.level3 === '总分')).toBe(false);
  });
});

describe('14. the total row over the conclusion rows (Writer from HTML, no rules, Sichuan form)', async () => {
  const x = await extractPages('writer_html_none_total_then_conclusion_p3-4.pdf', 'all');
  test('合计 with its figures is a row of its own: the conclusion text under it is no paragraph of 合计', () => {
    const total = rowWith(x, '合计');
    expect(total && texts(total).filter((t) => t !== '')).toEqual(['合计', '100', '99.56']);
  });
});

describe('15. a paragraph line across many columns with a space in it (Writer from .docx, a frame only)', async () => {
  const x = await extractPages('writer_docx_outer_stacked_labels_p1-3.pdf', 'all');
  test('"99.69 分，评价等" stays a line of the 评价结论 text (no cell boundary cuts it at its space)', () => {
    const row = rowWith(x, '评价结论');
    expect(row && texts(row).filter((t) => t !== '')).toEqual(['评价结论', '项目实施程序规范，居民满意度较高，社会效益明显，自评得分99.69分，评价等级为“优”。']);
  });
});

describe('16. groups of rows cut by a page break (Calc, a frame only, Sichuan form)', () => {
  const level2Of = async (): Promise<Map<string, string | null>> => {
    const res = await run(path.join(PAGES, 'calc_outer_cut_groups_p1-4.pdf'));
    return new Map(res.records[0]!.indicators.map((i) => [i.level3 ?? '', i.level2]));
  };
  test('a label on the next page, centred on the whole merged cell, covers the rows the page before left without one', async () => {
    const l2 = await level2Of();
    // 数量指标 stands on page 2, over two rows of page 1 and nine of page 2.
    expect(['服务家长人数', '考务培训人次', '确保参与校园安全检查100人次以上的班次数'].map((t) => l2.get(t))).toEqual(['数量指标', '数量指标', '数量指标']);
    // 成本指标 stands on page 3, over two rows of page 2 and three of page 3.
    expect(['资助政策宣传预算执行率', '督导评估成本', '运维费用'].map((t) => l2.get(t))).toEqual(['成本指标', '成本指标', '成本指标']);
  });
  test('the groups between them keep their own rows', async () => {
    const l2 = await level2Of();
    expect(['题库试题故障修复率', '系统可用率', '培训教材办结时限', '教学视导按期完成率'].map((t) => l2.get(t))).toEqual(['质量指标', '质量指标', '时效指标', '时效指标']);
  });
});

describe('17. a label at the top of a group whose last row a page break cuts (Writer from .docx, no rules)', () => {
  test('the row at the foot of the page stays in the group above, not in the group that opens the next page', async () => {
    const res = await run(path.join(DIR, 'writer_docx_none_cut_group_top.pdf'));
    const l2 = new Map(res.records[0]!.indicators.map((i) => [i.level3, i.level2]));
    expect([l2.get('抽检完成及时率'), l2.get('资金拨付及时率'), l2.get('人均抽检成本')]).toEqual(['时效指标', '时效指标', '成本指标']);
  });
});

describe('18. the conclusion rows at one line pitch (Writer from HTML, no rules, Sichuan form)', async () => {
  const x = await extractPages('writer_html_none_conclusion_rows_p2-3.pdf', 'all');
  test('评价结论, 存在问题 and 改进措施 each begin a row with their own text, not one paragraph of three', () => {
    const rows = ['评价结论', '存在问题', '改进措施'].map((t) => rowWith(x, t));
    expect(rows.map((r) => r && texts(r).filter((t) => t !== '').length)).toEqual([2, 2, 2]);
    expect(rows[0] && texts(rows[0]).filter((t) => t !== '')[1]).toMatch(/^项目实施程序规范.*评价等级：优。$/);
    expect(rows[1] && texts(rows[1]).filter((t) => t !== '')[1]).toBe('项目前期论证不充分，实施过程中存在调整。');
  });
  test('a side label wrapped over two lines (绩效指标 / (90分), Calc) does not cut the row beside it', async () => {
    const y = await extractPages('calc_outer_wrapped_side_label_p7-8.pdf', 'all');
    const row = rowWith(y, '资金拨付及时率');
    expect(row && texts(row).at(-1)).toMatch(/^偏差原因：由于参训人员实际报名数量少于预期.*提高目标的可衡量性。$/);
  });
});

describe('19. a page whose frame has rules between some rows and none between columns (Writer from .docx, a frame only)', async () => {
  const x = await extractPages('writer_docx_outer_frame_rows_p1-2.pdf', 'all');
  test('the frame is no one-column grid: the page is read from its text, in the columns of the page before', () => {
    expect(x.pages.map((p) => p.mode)).toEqual(['stream', 'stream']);
    const row = rowWith(x, '项目预算控制率');
    expect(row && texts(row).filter((t) => t !== '')).toEqual(['成本指标', '项目预算控制率', '≤1%', '0.74%', '10', '10']);
  });
});

describe('20. the fund rows\' own column under 年度预算数（万元）, beside a side label set one character per line (Writer from .docx, no rules, Sichuan form)', async () => {
  const x = await extractPages('writer_docx_none_fund_rows_column_p1.pdf', 'all');
  test('the fund row labels are a column of their own, apart from the side label\'s characters', () => {
    const row = rowWith(x, '其中：财政资金');
    expect(row && texts(row).slice(1, 6)).toEqual(['其中：财政资金', '21.19', '21.19', '19.20', '90.61']);
    expect(rowWith(x, '财政专户管理资金')).toBeDefined();
  });
});

describe('21. a side label column touching the fund rows\' labels (Writer from HTML, no rules, narrow columns)', async () => {
  const x = await extractPages('writer_html_none_side_label_touching_p1.pdf', 'all');
  test('the fund row labels, left-aligned on one edge, are a column apart from 项目资金(万元) beside them', () => {
    const row = rowWith(x, '其中：当年财政拨款');
    expect(row && texts(row).filter((t) => t !== '')).toEqual(['其中：当年财政拨款', '6.89', '6.00', '6.00', '-', '100.00', '-']);
    expect(rowWith(x, '项目资金(万元)')).toBeDefined();
  });
});

describe('22. a short indicator table whose level-1 labels stand between rows (Writer from HTML, a frame only, no padding)', async () => {
  const x = await extractPages('writer_html_outer_short_table_p1.pdf', 'all');
  test('产出指标, centred between two rows, cuts no three-line 三级指标 name: each name stays whole in its row', () => {
    expect(rowWith(x, '发放演出场次份数') && texts(rowWith(x, '发放演出场次份数')!).slice(1, 6)).toEqual(['数量指标', '发放演出场次份数', '≥1416(份)', '达成指标', '30.00']);
    expect(rowWith(x, '问题响应时间') && texts(rowWith(x, '问题响应时间')!).slice(1, 6)).toEqual(['时效指标', '问题响应时间', '≤4(小时)', '4小时', '35.00']);
  });
});

describe('23. a block of wrapped names over rows aligned two ways (Writer from HTML, no rules; the last row at the page\'s foot)', async () => {
  const x = await extractPages('writer_html_none_mixed_alignment_p2.pdf', 'all');
  test('系统可用/率, 平台故障/修复率 and 平台归档/完整率 are three rows, the last one printed from its first line down', () => {
    expect(['系统可用率', '平台故障修复率', '平台归档完整率'].map((t) => rowWith(x, t) && texts(rowWith(x, t)!).filter((s) => s !== '').slice(-5))).toEqual([
      ['系统可用率', '≥85.00(%)', '85.76(%)', '3.50', '3.50'],
      ['平台故障修复率', '≥98.00(%)', '98.55(%)', '4.00', '4.00'],
      ['平台归档完整率', '≥90(%)', '100.00(%)', '2.00', '2.00'],
    ]);
  });
});

describe('24. label cells whose borders the producer left out (Writer from .docx, all rules, Sichuan form)', () => {
  test('a level name stands in the closed cell inside the open region, and the open region is cut back along the grid: every indicator has its levels', async () => {
    const res = await run(path.join(PAGES, 'writer_docx_all_open_label_cells_p1.pdf'));
    const levels = new Map(res.records[0]!.indicators.map((i) => [i.level3, [i.level1, i.level2]]));
    expect(levels.get('服务青少年人数')).toEqual(['产出指标', '数量指标']);
    expect(levels.get('赛事社会影响力')).toEqual(['效益指标', '社会效益指标']);
    expect(levels.get('场馆设施使用年限')).toEqual(['效益指标', '可持续影响指标']);
    expect(res.records[0]!.indicators.every((i) => i.level1 !== null && i.level2 !== null)).toBe(true);
  });
});

describe('25. the goals of the Sichuan form (no rules)', () => {
  test('a header row 项目年度目标 | 年度目标完成情况 beside the end of the wrapped side label (情况) still heads the goal columns (Chromium)', async () => {
    const res = await run(path.join(PAGES, 'chromium_none_goal_header_fragment_p1.pdf'));
    expect(res.records[0]!.goal_expected).toMatch(/^通过实施大邑县社区警务专项经费，加强窗口服务工作/);
    expect(res.records[0]!.goal_actual).toMatch(/^项目按计划实施，检查派出所户数实际完成168家/);
  });
  test('项目年度目标 a few points from its value\'s first line is a cell of its own (Calc)', async () => {
    const res = await run(path.join(PAGES, 'calc_none_goal_label_touching_p1.pdf'));
    expect(res.records[0]!.goal_expected).toBe('1.组织开展赛事，确保APP注册用户数=42人；\n2.落实体质监测的各项保障措施，项目验收合格率达到≥95%；\n3.加强公园的日常监管，问题响应时间目标值为≤7个工作日；\n4.按照“放管服”改革要求优化办事流程，确保群众满意度≥98%。');
    expect(res.records[0]!.goal_actual).toMatch(/^1\.已组织开展赛事，APP注册用户数46人；\n2\./);
  });
});

describe('26. 评价结论 merged over the 合计 row and the conclusion below it (Calc, a frame only, Sichuan form)', () => {
  test('the total row is read (no false missing_total_score), and the conclusion and its grade from the row below', async () => {
    const res = await run(path.join(PAGES, 'calc_outer_total_beside_conclusion.pdf'));
    const r = res.records[0]!;
    expect([r.total_weight, r.total_score]).toEqual(['100', '92.8']);
    expect(r.evaluation_conclusion).toBe('项目实施程序规范，科技企业满意度较高，社会效益明显，自评得分92.8分，评价等级：优。');
    expect([r.grade, r.grade_source]).toEqual(['优', 'conclusion']);
    expect(r.issues.map((d) => d.code)).not.toContain('missing_total_score');
  });
});

describe('27. a goal label wrapped around its value in a narrow column (Writer from .docx, a frame only, Sichuan form)', () => {
  test('项目年度目 above the paragraph and 标, centred, below it in the next column are one label, and the paragraph its value', async () => {
    const res = await run(path.join(PAGES, 'writer_docx_outer_label_around_goal_p1.pdf'));
    expect(res.records[0]!.goal_expected).toMatch(/^通过实施东坡区户籍管理信息系统运维专项经费，进一步提升户籍人口的获得感和满意度。/);
  });
});

describe('28. a label cell merged over two columns, wrapped, with the grade between its lines (Chromium, a frame only)', () => {
  test('评分等 / 级, centred, is one label, and 优 beside it the grade', async () => {
    const res = await run(path.join(PAGES, 'chromium_outer_grade_label_wrapped_p3-4.pdf'));
    expect(res.records.map((r) => [r.project_name, r.grade, r.grade_source])).toEqual([['金山区农村集体资产监管（二期）购买服务', '优', 'cell']]);
  });
});

describe('29. a wrapped line a character short where the next begins with a character and its closing mark (Chromium, a frame only)', async () => {
  const x = await extractPages('chromium_outer_line_short_before_mark_p6.pdf', 'all');
  test('低于预 / 算，导致 is one paragraph: the reason column does not take over the rows, and 服务老年人人数 is a row of its own', () => {
    const row = rowWith(x, '服务老年人人数');
    expect(row && texts(row).filter((t) => t !== '')).toEqual(['服务老年人人数', '≥2800人次', '2837人次', '5.00', '5.00']);
    expect(texts(rowWith(x, '检查街镇户数')!).at(-1)).toBe('受市场价格下降影响，实际采购成本低于预算，导致该项指标未完全达到年初目标，将建立定期调度机制，及时跟踪项目进展。');
  });
});

describe('30. a row group cut by a page break, its label at the top of the part before the break (Writer from HTML, a frame only, Sichuan form)', () => {
  test('the rows at the next page\'s top stay in the cut group (质量指标), and the next label is centred on its own rows', async () => {
    const res = await run(path.join(PAGES, 'writer_html_outer_group_cut_at_foot_p1-3.pdf'));
    const level2 = new Map(res.records[0]!.indicators.map((i) => [i.level3, i.level2]));
    expect(['问题整改到位率', '数据报告归档完整率', '展位故障修复率', '使用及时率', '项目完成时间'].map((t) => level2.get(t))).toEqual(['质量指标', '质量指标', '质量指标', '时效指标', '时效指标']);
  });
});

describe('31. side labels wrapped one piece a row, each piece a cell of its own (Writer from .docx, no rules, Sichuan form)', () => {
  test('项目 / 基本情况 and 预算 / 执行 / 情况 / (10 / 分) beside the rows do not hide the template: the table is read as sichuan-2023', async () => {
    const res = await run(path.join(PAGES, 'writer_docx_none_side_label_pieces_p1-2.pdf'));
    const r = res.records[0]!;
    expect(r.template).toBe('sichuan-2023');
    expect(r.issues.map((d) => d.code)).not.toContain('unknown_template');
    expect(r.indicators.slice(0, 3).map((i) => i.target)).toEqual(['≥6家', '=480家', '≥60次']);
  });
});

describe('32. the lines of two goal paragraphs side by side that nearly touch, drawn as one run (Writer from HTML, a frame only)', () => {
  test('the run is cut where the lines next to it begin the right paragraph: each goal keeps its own text', async () => {
    const res = await run(path.join(PAGES, 'writer_html_outer_goal_lines_touching_p1.pdf'));
    const r = res.records[0]!;
    expect(r.goal_expected).toMatch(/^全年计划按时完成思明区思明区社区工作者能力建设购买服务各项工作，发放服务设施份数目标值为≥26700张，政策宣讲规范性达到明显提高/);
    expect(r.goal_actual).toMatch(/^全年已按计划完成各项工作，发放服务设施份数为26700张，政策宣讲规范性为部分达成指标并具有一定效果，安全事故发生率98\.85%/);
  });
});

describe('33. the total row\'s figures wrapped in narrow columns, both at once (Writer from .docx, a frame only, national form)', () => {
  test('10 / 0 beside 99.8 / 8 read 100 and 99.88, and the header\'s 绩效指 / 标 does not hide the template', async () => {
    const res = await run(path.join(PAGES, 'writer_docx_outer_total_digits_wrapped_p1-2.pdf'));
    const r = res.records[0]!;
    expect([r.template, r.total_weight, r.total_score]).toEqual(['national', '100', '99.88']);
    expect(r.issues.map((d) => d.code)).toEqual([]);
  });
});

describe('34. a level-2 name filling its column, glued to the level-3 name (Writer from HTML)', () => {
  test('a frame only: 生态效益指标 | 对周边环境的影响, one run, is cut at the level-3 column\'s left edge', async () => {
    const res = await run(path.join(PAGES, 'writer_html_outer_goal_lines_touching_p1.pdf'));
    const pairs = res.records[0]!.indicators.map((i) => [i.level2, i.level3]);
    expect(pairs).toContainEqual(['生态效益指标', '对周边环境的影响']);
    expect(pairs.filter(([, l3]) => !l3)).toEqual([]);
  });

  test('rules between rows: 服务对象满意度 | 群众满意度 is two cells, and every indicator keeps its names', async () => {
    const res = await run(path.join(PAGES, 'writer_html_horizontal_level2_glued.pdf'));
    expect(res.records[0]!.indicators.map((i) => `${i.level2}/${i.level3}`)).toEqual([
      '数量指标/编制政策解读数量', '数量指标/发放信息系统份数', '数量指标/流行病学调查场次', '数量指标/覆盖医疗机构数量',
      '数量指标/健康档案数量', '时效指标/流行病学调查按期完成率', '时效指标/使用及时率', '社会效益指标/政策知晓率',
      '社会效益指标/献血者办事便利度', '服务对象满意度指标/群众满意度', '服务对象满意度指标/孕产妇满意度',
    ]);
  });
});

describe('35. a narrow score column wrapping every score (3.0 / 0), one row cut by the page\'s foot (Writer from .docx, a frame only)', () => {
  test('each score keeps its second decimal, the digit alone on the last line of page 1 included, and the table runs on to its total', async () => {
    const res = await run(path.join(PAGES, 'writer_docx_outer_score_digits_wrapped.pdf'));
    const r = res.records[0]!;
    expect(r.indicators).toHaveLength(22);
    expect(r.indicators.filter((i) => !/^\d+\.\d\d$/.test(i.score ?? ''))).toEqual([]);
    expect(r.indicators.find((i) => i.level3 === '新增监测设备数')?.score).toBe('4.00');
    expect(r.indicators.find((i) => i.level3 === '人均采样分析成本')).toMatchObject({ target: '≤200元/人次', actual: '199元/人次', weight: '4', score: '4.00' });
    expect([r.total_weight, r.total_score, r.grade]).toEqual(['100.00', '99.27', '优']);
    expect(r.issues.map((d) => d.code)).toEqual([]);
  });
});

describe('36. the indicator header and a row cut by page breaks (Writer from .docx, rules between rows, national form)', () => {
  test('绩效指 | 一 | 二级 | 三级指 … at the foot and 标 | 级指标 | 指标 | 标 … on the next page read as one header; 群众投 / 诉下降率 and ≥95 / % as one row', async () => {
    const res = await run(path.join(PAGES, 'writer_docx_horizontal_header_cut_by_page.pdf'));
    const r = res.records[0]!;
    expect(r.template).toBe('national');
    expect(r.indicators).toHaveLength(11);
    expect(r.indicators.find((i) => i.level3 === '群众投诉下降率')).toMatchObject({ level1: '效益指标', level2: '社会效益指标', target: '≥95%', actual: '98.54%', weight: '16', score: '16' });
    expect([r.total_weight, r.total_score]).toEqual(['100', '94.93']);
    expect(r.issues.filter((d) => d.severity !== 'info').map((d) => d.code)).toEqual([]);
  });
});

describe('37. a row cut by the page\'s foot, its long name wrapped under the row\'s one-line cells (Writer from .docx, no rules)', () => {
  test('the name\'s lines at the foot are that row\'s cell, not a label over rows: the next page\'s names stay in their own rows', async () => {
    const res = await run(path.join(PAGES, 'writer_docx_none_row_cut_at_foot.pdf'));
    const names = res.records[0]!.indicators.map((i) => i.level3);
    expect(names).toContain('技能竞赛覆盖率（以年度考核结果为依据，由第三方机构独立评估）');
    expect(names).toContain('政策宣传活动按期完成率');
    expect(res.records[0]!.indicators.find((i) => i.level3 === '政策宣传活动按期完成率')).toMatchObject({ level2: '时效指标', target: '≥90%', actual: '97%', weight: '3', score: '3' });
  });
});

describe('38. level names wrapped one line a row, a label wrapped around two values (Writer from .docx, no rules, Sichuan form)', () => {
  test('数 / 量指标 and 可 / 持续 / 影响指标 name their groups; 数 read into the header goes back down; both units read', async () => {
    const res = await run(path.join(PAGES, 'writer_docx_none_level_names_wrapped.pdf'));
    const [a, b] = res.records;
    expect(a!.indicators.slice(0, 6).map((i) => i.level2)).toEqual(Array(6).fill('数量指标'));
    expect(a!.indicators.map((i) => i.level2).filter((l) => l === null)).toEqual([]);
    expect(b!.indicators.find((i) => i.level3 === '宣传活动场次')).toMatchObject({ level1: '产出指标', level2: '数量指标' });
    expect(b!.indicators.find((i) => i.level3 === '人才队伍稳定性')).toMatchObject({ level1: '效益指标', level2: '可持续影响指标' });
    expect([b!.department, b!.implementing_unit]).toEqual(['成都市郫都区公安局', '郫都区交通警察大队']);
  });
});

describe('39. two figures of a fund row in one cell, another cell of the row empty (Calc, a frame only, Sichuan form)', () => {
  test('the row\'s six figures are read in order, one a column', async () => {
    const res = await run(path.join(PAGES, 'calc_outer_two_figures_in_a_cell.pdf'));
    const f = res.records[0]!.funds;
    expect([f.total.initial_budget, f.total.full_year_budget, f.total.executed, f.total.execution_rate]).toEqual(['10.0', '10.0', '10.0', '100.00']);
    expect([f.fiscal_appropriation?.initial_budget, f.fiscal_appropriation?.full_year_budget, f.fiscal_appropriation?.executed]).toEqual(['10.0', '10.0', '10.0']);
  });
});

describe('40. whole scores in a column that also prints 2.5, rows stacked at the pitch of wrapped text (Writer from .docx, a frame only)', () => {
  test('a whole score with no line under it is a row of its own: two rows whose names touch stay two rows', async () => {
    const res = await run(path.join(PAGES, 'writer_docx_outer_integer_scores_tight_rows.pdf'));
    const ind = res.records[2]!.indicators;
    expect(ind.find((i) => i.level3 === '政策解读办结时限')).toMatchObject({ target: '≤2小时', actual: '1小时', weight: '3', score: '3' });
    expect(ind.find((i) => i.level3 === '专利交付时间')).toMatchObject({ target: '2022年10月31日前完成验收', actual: '2022年10月完成', weight: '1', score: '1' });
  });
});

describe('41. fund labels run together down their column, a header label wrapped above its row (Writer from HTML, no rules, national form)', () => {
  test('each row of figures takes its label in order; the 偏差原因分析及改进措施 column is found', async () => {
    const res = await run(path.join(PAGES, 'writer_html_none_fund_labels_run_together.pdf'));
    const [a, , c, d] = res.records;
    expect(c!.funds.total).toMatchObject({ initial_budget: '171300.00', executed: '156895.88', execution_rate: '91.59', score: '9.16' });
    expect(d!.funds.total).toMatchObject({ initial_budget: '17.99', full_year_budget: '17.17', executed: '16.09', score: '9.37' });
    expect(res.records.flatMap((r) => r.issues.map((x) => x.code))).not.toContain('unknown_template');
    expect(a!.indicators.find((i) => i.level3 === '编制政策解读数量')?.deviation_reason).toBe('因供应商交付延迟，使部分工作延至下一年度实施，将建立定期调度机制，及时跟踪项目进展。');
  });
});

describe('42. a running header close over the table, wrapped rests of a fund row (Writer from .docx, a frame only, Sichuan form)', () => {
  test('the header is no row; the year line leaves the name; 100. / 00% is one rate; 质 / 量指 / 标 names its group', async () => {
    const x = await extractPages('writer_docx_outer_running_header_close.pdf', 'all');
    expect(x.rows.filter((r) => r.page! > 1 && r.cells.some((c) => c.text.includes('自评结果')))).toEqual([]);
    const res = await run(path.join(PAGES, 'writer_docx_outer_running_header_close.pdf'));
    const [a, b] = res.records;
    expect(a!.indicators.slice(0, 4).map((i) => i.level2)).toEqual(['数量指标', '质量指标', '质量指标', '质量指标']);
    expect(b!.project_name).toBe('大邑县旅游公共服务运维经费');
    expect(b!.funds.total).toMatchObject({ execution_rate: '100.00', deviation_reason: '按计划完成支出' });
  });
});

describe('43. a running header printed below the top tenth of the page (Writer from HTML, a frame only, B5 landscape)', () => {
  test('it is set aside on every page after the first, never joined to a cell', async () => {
    const res = await run(path.join(PAGES, 'writer_html_outer_running_header_low.pdf'));
    expect(res.records[1]!.indicators.find((i) => i.level3 === '参加质量安全检查人员满意度')?.target).toBe('≥100(%)');
    expect(res.records.flatMap((r) => r.indicators.map((i) => `${i.level3}${i.target}${i.actual}`)).filter((t) => t.includes('自评'))).toEqual([]);
  });
});

describe('44. the total score cut by a page break after its point (Chromium, all rules)', () => {
  test('100. at the foot and 00 at the next page\'s top are the total score 100.00', async () => {
    const res = await run(path.join(PAGES, 'chromium_all_total_cut_at_point.pdf'));
    expect([res.records[0]!.total_weight, res.records[0]!.total_score]).toEqual(['100', '100.00']);
    expect(res.records[0]!.issues.map((d) => d.code)).not.toContain('truncated_table');
  });
});

describe('45. a level 1 and a level 2 name read line by line into one cell (Chromium, rules between rows; Writer from .docx, all rules)', () => {
  test('满意度服务对象满意度指指标 is 满意度指标 and 服务对象满意度指标', async () => {
    const res = await run(path.join(PAGES, 'chromium_horizontal_level_names_interleaved.pdf'));
    const last = res.records[0]!.indicators.slice(-6);
    expect(last.map((i) => [i.level1, i.level2])).toEqual(Array(6).fill(['满意度指标', '服务对象满意度指标']));
  });
  test('so is 满意服务度指对象标满意度指标, the lines of the two names taken in turns', async () => {
    const res = await run(path.join(PAGES, 'writer_docx_all_level_names_taken_in_turns.pdf'));
    const ind = res.records[0]!.indicators;
    expect(ind.find((i) => i.level3 === '专题对接会社会影响力')?.level2).toBe('社会效益指标');
    expect(ind.slice(-6).map((i) => [i.level1, i.level2])).toEqual(Array(6).fill(['满意度指标', '服务对象满意度指标']));
  });
});

describe('46. fund column labels wrapped onto lines read as rows of their own (Writer from .docx, no rules, Sichuan form)', () => {
  test('预算执 / 行率 is the 预算执行率 column', async () => {
    const res = await run(path.join(PAGES, 'writer_docx_none_fund_header_wrapped.pdf'));
    expect(res.records.map((r) => r.funds.total.execution_rate)).toEqual(['100.00', '90.71']);
  });
});

describe('47. the goal labels read into one cell over their rows, a name\'s line inside a level name (Writer from HTML, rules between rows, Sichuan form)', () => {
  test('each goal row gets its label; 社会效益指便利度标 is 社会效益指标 and the end of 承租户办事便利度', async () => {
    const res = await run(path.join(PAGES, 'writer_html_horizontal_goal_labels_one_cell.pdf'));
    const r = res.records[0]!;
    expect(r.goal_expected?.startsWith('1.推进信息系统及APP的升级改造')).toBe(true);
    expect(r.goal_actual?.startsWith('1.已推进信息系统及APP的升级改造')).toBe(true);
    expect(r.indicators.find((i) => i.level3 === '承租户办事便利度')).toMatchObject({ level1: '效益指标', level2: '社会效益指标', weight: '5', score: '5' });
  });
});

describe('48. the total row\'s figures on the grade\'s row, its label lost (Writer from HTML, a frame only)', () => {
  test('评分等级 | 优 | 100 | 99.90 gives the totals and the grade; the table is not called truncated', async () => {
    const res = await run(path.join(PAGES, 'writer_html_outer_total_on_grade_row.pdf'));
    const r = res.records[0]!;
    expect([r.total_weight, r.total_score, r.grade]).toEqual(['100', '99.90', '优']);
    expect(r.repairs.map((d) => d.code)).toContain('total_on_field_row');
    expect(r.issues.map((d) => d.code)).not.toContain('truncated_table');
  });
});

describe('49. a group label on its first row over rows at the page\'s foot, the total beside 评价结论 (Chromium, a frame only, Sichuan form)', () => {
  test('the rows under 数量指标 keep it, not the next page\'s group; 合计 | 100 | 94.3 on the 评价结论 row gives the totals', async () => {
    const res = await run(path.join(PAGES, 'chromium_outer_group_label_at_top_p6-8.pdf'));
    const r = res.records[0]!;
    expect(r.indicators.slice(0, 10).map((i) => i.level2)).toEqual(Array(10).fill('数量指标'));
    expect(r.indicators[10]?.level2).toBe('社会效益指标');
    expect([r.total_weight, r.total_score]).toEqual(['100', '94.3']);
    expect(r.evaluation_conclusion?.startsWith('经自评')).toBe(true);
  });
});

describe('50. centred cells in rows without padding (Writer from .docx, no rules)', () => {
  test('the table is read as centred: each wrapped name and target stays in its row', async () => {
    const res = await run(path.join(PAGES, 'writer_docx_none_centred_tight_rows.pdf'));
    const ind = res.records[0]!.indicators;
    expect(ind.find((i) => i.level3 === '数据准确率')).toMatchObject({ target: '≥85%', actual: '85%', weight: '2' });
    expect(ind.find((i) => i.level3 === '项目完成时间')).toMatchObject({ target: '2023年6月30日前完成使用', actual: '按时完成', weight: '1' });
    expect(ind.find((i) => i.level3 === '资金拨付及时率')).toMatchObject({ target: '≥100%', actual: '100%', weight: '3' });
    expect(ind.filter((i) => i.target === null || i.actual === null)).toEqual([]);
  });
});

describe('51. a fund row\'s first figure read between the lines of its label (Chromium, rules between rows, national form)', () => {
  test('年度资金总10.8额： is the row 年度资金总额 with 10.8 as its first figure', async () => {
    const res = await run(path.join(PAGES, 'chromium_horizontal_figure_inside_fund_label_p1.pdf'));
    const f = res.records[0]!.funds;
    expect(f.total).toMatchObject({ initial_budget: '10.8', full_year_budget: '10.8', executed: '10.2', execution_rate: '94.44', score: '9.44' });
    expect([f.carryover?.initial_budget, f.other?.initial_budget]).toEqual(['0.0', '0.0']);
  });
});

describe('52. garbage in a label cell of a row whose text columns stand under their headers, one of them empty (Calc, rules between rows)', () => {
  test('the row reads by position: 使用及时率 | 定性 | 2023年12月31日前完成 | (no unit) | 已完成', async () => {
    const res = await run(path.join(PAGES, 'calc_horizontal_labels_of_a_page_in_one_cell.pdf'));
    expect(res.records[0]!.indicators.find((i) => i.level3 === '使用及时率')).toMatchObject({ level2: '时效指标', target: '定性2023年12月31日前完成', actual: '已完成', weight: '5', score: '5' });
  });
});

describe('53. fund row labels read up into the funds header (Writer from HTML, rules between rows, Sichuan form)', () => {
  test('the labels in the header\'s first cell count first: 总额 and 其中：财政资金 get their figures', async () => {
    const res = await run(path.join(PAGES, 'writer_html_horizontal_fund_labels_in_header.pdf'));
    const f = res.records[1]!.funds;
    expect(f.total).toMatchObject({ initial_budget: '100.41', full_year_budget: '90.00', executed: '85.07', execution_rate: '94.52', score: '9.45' });
    expect(f.fiscal_appropriation).toMatchObject({ initial_budget: '100.41', executed: '85.07' });
  });
});

describe('54. a level-2 name and the 三级指标 beside it read as one cell (Writer from .docx, no rules, national form)', () => {
  test('数量指标展品数量 is the level 2 数量指标 and the indicator 展品数量', async () => {
    const res = await run(path.join(PAGES, 'writer_docx_none_level_name_before_name.pdf'));
    expect(res.records[1]!.indicators[0]).toMatchObject({ level1: '产出指标', level2: '数量指标', level3: '展品数量', target: '≥13700份', actual: '部分完成', weight: '4', score: '3' });
  });
});

describe('55. two field labels run together beside the 合计 row (Writer from .docx, a frame only, Sichuan form)', () => {
  test('评价结论存在问题 beside 合计 | 100 | 94.59 leaves it the total row', async () => {
    const res = await run(path.join(PAGES, 'writer_docx_outer_labels_beside_total.pdf'));
    expect(res.records.map((r) => [r.total_weight, r.total_score])).toEqual([['100', '99.31'], ['100', '94.59'], ['100', '97.1']]);
    expect(res.records[1]!.issues.map((d) => d.code)).not.toContain('truncated_table');
  });
});

describe('56. stacked text fields with a signature cell beside them and a paragraph break lost (Writer from HTML, a frame only, Sichuan form)', () => {
  test('each of 评价结论, 存在问题, 改进措施 gets its sentence, and the grade is read from the conclusion', async () => {
    const res = await run(path.join(PAGES, 'writer_html_outer_stacked_fields_signed_p3.pdf'));
    const r = res.records[0]!;
    expect(r.evaluation_conclusion).toBe('该项目绩效目标设置较为明确，资金使用规范，项目实施基本达到预期效果，自评得分93.87分，绩效评价等级为“优”。');
    expect(r.problems?.startsWith('来沪人员对项目政策知晓度不高')).toBe(true);
    expect(r.improvements?.startsWith('加大政策宣传力度')).toBe(true);
    expect([r.grade, r.grade_source]).toEqual(['优', 'conclusion']);
  });
});

describe('57. names wrapped in a column a few characters wide, cells centred, no padding (Writer from HTML, no rules, Shanghai form)', async () => {
  const x = await extractPages('writer_html_none_narrow_names_centred_p1-2.pdf', 'all');
  const page2 = x.rows.filter((r) => r.page === 2);
  test('a line one character short of the column is no wrapped line: each name stays on the row it is centred on', () => {
    expect(texts(rowWith(x, '=2.00(项)')!).filter((t) => t !== '')).toEqual(['编制政策解读数量', '=2.00(项)', '2项', '1.00', '1.00']);
    expect(texts(rowWith(x, '约90次')!).filter((t) => t !== '')).toContain('窗口服务场次');
    expect(texts(rowWith(x, '≥18篇')!).filter((t) => t !== '')).toContain('编制宣传材料数量');
  });
  test('the lines above the page\'s first row are the rest of the row the page break cut (APP注 / 册用户数), joined to it', () => {
    // (The page number -1- under page 1's table, in the bottom band a little above its tenth, is set aside.)
    expect(texts(rowWith(x, 'APP注册用户数')!).filter((t) => t !== '')).toEqual(['APP注册用户数', '=15.00(户)', '15', '2.00', '2.00']);
    expect(page2.flatMap(texts)).not.toContain('册用户数');
  });
});

describe('58. the last row of a page cut by the page break, cells centred (Writer from HTML, a frame only, Sichuan form)', () => {
  test('its cells sit at the top of its part and stay one row: 制度建设完善程度 | 定性 | 形成长效机制 | 基本达成 | 10 | 4.41', async () => {
    const x = await extractPages('writer_html_outer_row_cut_at_foot_centred.pdf', 'all');
    expect(texts(rowWith(x, '制度建设完善程度')!).filter((t) => t !== '').slice(0, 6)).toEqual(['制度建设完善程度', '定性', '形成长效机制', '基本达成', '10', '4.41']);
  });
  test('the group the row ends stays its group: a label beside a group the break cuts is at its top', async () => {
    const res = await run(path.join(PAGES, 'writer_html_outer_row_cut_at_foot_centred.pdf'));
    expect(res.records[0]!.indicators.find((i) => i.level3 === '制度建设完善程度')).toMatchObject({ level2: '可持续影响指标', target: '定性形成长效机制', actual: '基本达成', weight: '10', score: '4.41' });
  });
});

describe('59. a label centred between its row\'s lines, wrapped, in a gap of the row\'s own line (Writer from HTML, no rules, Sichuan form)', () => {
  test('主管部门 | its value | 实施单位（盖章） | its value: four cells, though the goals below run across them', async () => {
    const x = await extractPages('writer_html_none_unit_label_beside_wrapped_goals_p1.pdf', 'all');
    expect(texts(rowWith(x, '主管部门')!).filter((t) => t !== '')).toEqual(['主管部门', '成都市郫都区科学技术局', '实施单位（盖章）', '郫都区科技创新服务中心']);
  });
});

describe('60. level names a page break cuts after one character (Writer from .docx, all rules, Sichuan form)', () => {
  test('产 / 出指标 and 数 / 量指标 over the page break: the group\'s four rows are 数量指标', async () => {
    const res = await run(path.join(PAGES, 'writer_docx_all_level_names_cut_one_character_p5-8.pdf'));
    const r = res.records.find((x) => x.project_name === '2023年动物疫病防控运行维护')!;
    expect(r.indicators.slice(0, 5).map((i) => [i.level1, i.level2])).toEqual([...Array(4).fill(['产出指标', '数量指标']), ['产出指标', '时效指标']]);
  });
});

describe('61. field labels under the indicators, in the level-1 column (Writer from .docx, a frame only, Sichuan form)', () => {
  test('评价结论 is its row\'s cell, and neither it nor 合计 is taken into the last groups', async () => {
    const res = await run(path.join(PAGES, 'writer_docx_outer_field_labels_in_level_column.pdf'));
    const r = res.records[0]!;
    const level2 = new Map(r.indicators.map((i) => [i.level3, i.level2]));
    expect(['社区工作者参与率', '受助人员获得感', '会员满意度', '群众满意度'].map((t) => level2.get(t))).toEqual(['社会效益指标', '社会效益指标', '服务对象满意度指标', '服务对象满意度指标']);
    expect([r.total_weight, r.total_score]).toEqual(['100', '97.95']);
    expect(r.evaluation_conclusion?.startsWith('经自评')).toBe(true);
  });
});

describe('62. a group\'s labels read as a row of their own above the part a page break cuts, and a cell\'s rest atop the next page (Writer from .docx, a frame only, Shanghai form)', () => {
  test('产出指标 | 数量指标 on their own line name the group the next row begins', async () => {
    // (Read as a row of their own, the form reader repairs it (group_labels_above); the labels'
    // line lies within the first row's height, which now takes them.)
    const res = await run(path.join(PAGES, 'writer_docx_outer_group_labels_above_cut_group_p5-7.pdf'));
    const r = res.records.find((x) => x.project_name === '杨浦区河道综合整治专项')!;
    expect(r.indicators.slice(0, 5).map((i) => [i.level1, i.level2])).toEqual([['产出指标', '数量指标'], ['产出指标', '数量指标'], ['产出指标', '数量指标'], ['产出指标', '数量指标'], ['产出指标', '质量指标']]);
    expect(r.indicators[0]).toMatchObject({ level3: '服务居民人数', target: '=962.00(人次)', actual: '963.00(人次)' });
  });
  test('the rest of a target the break cut (≥95.0 / 0(%)) stays apart from the next rows\' targets, stacked at one pitch', async () => {
    const res = await run(path.join(PAGES, 'writer_docx_outer_group_labels_above_cut_group_p5-7.pdf'));
    const r = res.records.find((x) => x.project_name === '杨浦区河道综合整治专项')!;
    const target = new Map(r.indicators.map((i) => [i.level3, i.target]));
    expect(['水质检测完成及时率', '河道采购单价', '用户获得感', '群众投诉下降率'].map((t) => target.get(t))).toEqual(['≥95.00(%)', '≤500(元)', '全年稳定运行', '≥90(%)']);
  });
});

describe('63. the row 2.项目实施内容及过程概述 under the goal paragraphs, its label run into its text (Writer from HTML, Sichuan form)', () => {
  test('no rules: the label and the text\'s first line in one cell, the rest in the next: the summary, not more goal', async () => {
    const res = await run(path.join(PAGES, 'writer_html_none_summary_label_before_text.pdf'));
    const r = res.records[0]!;
    expect(r.goal_expected?.endsWith('居民就业率达到≥95%。')).toBe(true);
    expect(r.goal_actual?.endsWith('居民就业率96.78%。')).toBe(true);
    expect(r.implementation_summary).toBe('根据年初计划，项目分三个阶段实施：前期调研、组织实施和总结验收，各阶段任务均按期完成。');
  });
  test('a frame only: the label wrapped, its first line run into the text (2.项目实施内容及过程概 | 述)', async () => {
    const res = await run(path.join(PAGES, 'writer_html_outer_summary_label_wrapped_p1.pdf'));
    const r = res.records[0]!;
    expect(r.goal_expected?.endsWith('确保执法检查规范性定性形成长效机制。')).toBe(true);
    expect(r.implementation_summary).toBe('项目于2023年4月启动，通过政府采购确定服务单位，按合同约定组织实施，2023年12月完成验收。');
  });
});

describe('64. a running header of body size with the repeated table header close under it (Calc, a frame only, Shanghai form)', () => {
  test('it is set aside on the page that repeats it, and the goal above the break ends where it is printed', async () => {
    const x = await extractPages('calc_outer_running_header_close_above_table.pdf', 'all');
    expect(x.rows.filter((r) => r.page === 2).some((r) => r.cells.some((c) => c.text.includes('自评结果')))).toBe(false);
    const res = await run(path.join(PAGES, 'calc_outer_running_header_close_above_table.pdf'));
    expect(res.records[0]!.goal_expected?.endsWith('确保服务对象满意率≥100%。')).toBe(true);
  });
});

describe('65. the label 2.项目实施内容及过程概述 read into the last line of a goal cell, its text in the next column (Writer from HTML, a frame only, Sichuan form)', () => {
  test('the goals end where they end, and the summary is the text beside the label, without the label\'s pieces', async () => {
    const res = await run(path.join(PAGES, 'writer_html_outer_summary_label_under_goal_line.pdf'));
    const [a, , c] = res.records;
    expect(a!.goal_expected?.endsWith('实现用户服务“一网通办”。')).toBe(true);
    expect(a!.goal_actual?.endsWith('工作已按计划完成。')).toBe(true);
    expect(a!.implementation_summary?.startsWith('根据年初计划，项目分三个阶段实施')).toBe(true);
    expect(c!.implementation_summary?.startsWith('项目于2023年5月启动')).toBe(true);
  });
  test('no rules (Writer from .docx): the summary row read into the goal cell, label and text, the other goal beside it', async () => {
    const res = await run(path.join(PAGES, 'writer_docx_none_summary_under_goal_in_one_cell.pdf'));
    const r = res.records[0]!;
    expect(r.goal_expected).toBe('全年计划按时完成2023年西昌市社区警务补贴各项工作，确保培训人次≥607人次，促进区域GDP增长达到定性持续改善。');
    expect(r.goal_actual).toBe('培训人次为627人次，促进区域GDP增长为已完成。');
    expect(r.implementation_summary).toBe('根据年初计划，项目分三个阶段实施：前期调研、组织实施和总结验收，各阶段任务均按期完成。');
  });
});

describe('66. 实施单位 / （盖章） wrapped around the department beside it in one cell (Writer from .docx, a frame only, Sichuan form)', () => {
  test('主管部门 | 实施单位 + the department + （盖章） | the unit: the department is 主管部门\'s, the unit after the label its own', async () => {
    const res = await run(path.join(PAGES, 'writer_docx_outer_unit_label_around_department.pdf'));
    expect(res.records.slice(2).map((r) => [r.department, r.implementing_unit])).toEqual([['蒲江县卫生健康局', '蒲江县妇幼保健院'], ['江油市商务局', '江油市投资促进中心']]);
  });
});

describe('67. a score wrapped in a narrow cell, its last digit on the next page (Writer from .docx, all rules, Sichuan form)', () => {
  test('1 at page 1\'s foot and 5 on page 2 are the score 15, not a digit of 完成值, and the table is not flagged', async () => {
    const res = await run(path.join(PAGES, 'writer_docx_all_score_wrapped_over_page_break.pdf'));
    const r = res.records[0]!;
    expect(r.indicators.find((i) => i.level3 === '项目预算控制率')).toMatchObject({ actual: '2.68%', weight: '15', score: '15' });
    expect(r.issues.map((d) => d.code)).not.toContain('total_mismatch');
  });
});

describe('68. fund figures a narrow cell cut among their digits (Calc, no rules, national form)', () => {
  test('120996 over 6.6 is 1209966.6, and 100 over % the rate 100', async () => {
    const res = await run(path.join(PAGES, 'calc_none_fund_figures_cut_among_digits.pdf'));
    const f = res.records[0]!.funds;
    expect(f.total).toMatchObject({ initial_budget: '1129872.1', full_year_budget: '1209966.6', executed: '1209966.6', execution_rate: '100' });
    expect(f.fiscal_appropriation).toMatchObject({ full_year_budget: '1209966.6' });
    expect(res.records[0]!.issues.map((d) => d.code)).not.toContain('rate_mismatch');
  });
});

/** The codes of the arithmetic checks that a clean table must not raise. */
const ARITH = ['total_mismatch', 'weight_sum_not_100', 'missing_total_score', 'rate_mismatch', 'exec_score_mismatch', 'funds_sum_mismatch', 'score_exceeds_weight'];
const arithmetic = (r: { issues: ReadonlyArray<{ code: string }> }): string[] => r.issues.map((d) => d.code).filter((c) => ARITH.includes(c));

describe('69. the last digits of a weight a narrow ruled cell wrapped, at the top of a page (Calc, all rules, Shanghai form)', () => {
  test('10. over 00 in the first row of page 2 is the weight 10.00, not a page number, and the row is its own', async () => {
    const x = await extractPages('calc_all_weight_digits_at_page_top.pdf', 'all');
    const row = rowWith(x, '技术培训完成及时率');
    expect(row && texts(row).filter((t) => t !== '')).toEqual(['技术培训完成及时率', '≥100%', '100%', '10.00', '10.00']);
    const res = await run(path.join(PAGES, 'calc_all_weight_digits_at_page_top.pdf'));
    expect(res.records[0]!.indicators.map((i) => i.level3)).toContain('技术培训完成及时率');
    expect(arithmetic(res.records[0]!)).toEqual([]);
  });
});

describe('70. rows stacked without padding under a data cell that wraps (Writer from HTML, a frame only, Sichuan form)', () => {
  test('a 三级指标 wrapped over two lines, the next row\'s name right under it, does not turn the cells to the bottom: 合计 and the field rows stay rows', async () => {
    const x = await extractPages('writer_html_outer_stacked_total_and_field_rows.pdf', 'all');
    const total = x.rows.find((r) => r.page === 1 && texts(r).includes('合计'));
    expect(total && texts(total).filter((t) => t !== '')).toEqual(['合计', '100', '100']);
    expect(rowWith(x, '评价结论')).toBeDefined();
    const res = await run(path.join(PAGES, 'writer_html_outer_stacked_total_and_field_rows.pdf'));
    expect(res.records.map((r) => [r.total_weight, r.total_score])).toEqual([['100', '100'], ['100', '97.22']]);
    for (const r of res.records) expect(arithmetic(r)).toEqual([]);
  });
  test('a level-2 name read into the level-1 cell (满意度指标服务对象满意度指标) opens its group under the merge above it', async () => {
    const res = await run(path.join(PAGES, 'writer_html_outer_stacked_total_and_field_rows.pdf'));
    const last = res.records[0]!.indicators.slice(-2);
    expect(last.map((i) => [i.level1, i.level2])).toEqual([['满意度指标', '服务对象满意度指标'], ['满意度指标', '服务对象满意度指标']]);
  });
});

describe('71. a fund row label cell that lost its left rule at the top of a page (Writer from .docx, all rules, Shanghai form)', () => {
  test('its figures begin the row: the label read in order goes before them, no figure is overwritten', async () => {
    const res = await run(path.join(PAGES, 'writer_docx_all_fund_label_cell_without_rule.pdf'));
    const r = res.records.find((x) => x.project_name === '2023年度居住证办理服务补贴')!;
    expect(r.funds.total).toMatchObject({ initial_budget: '94500.00', full_year_budget: '94500.00', executed: '92896.58', weight: '10', execution_rate: '98.30', score: '9.83' });
    expect(arithmetic(r)).toEqual([]);
  });
});

describe('72. fund figures one or two characters wide, wrapped round the row\'s line (Chromium, rules between rows, Sichuan form)', () => {
  test('1 over 0 and 9. over 07 centred on 总额 are 10 and 9.07; 92. over 96% and 9. over 3 are 92.96% and 9.3', async () => {
    const x = await extractPages('chromium_horizontal_fund_figures_wrapped_round_row.pdf', 'all');
    const totals = x.rows.filter((r) => texts(r).includes('总额')).map((r) => texts(r).filter((t) => t !== '' && t !== '总额').slice(0, 6));
    expect(totals).toEqual([['119.47', '119.47', '108.36', '90.70%', '10', '9.07'], ['1667', '2189', '2035', '92.96%', '10', '9.3']]);
  });
});

describe('73. a total weight of three lines in a cell one digit wide, centred on the total row (Chromium, a frame only, Sichuan form)', () => {
  test('1 / 0 / 0 beside 合计 | 100 is the total weight 100, not a digit of the weight above', async () => {
    const res = await run(path.join(PAGES, 'chromium_outer_total_weight_three_lines.pdf'));
    const r = res.records[0]!;
    expect([r.total_weight, r.total_score]).toEqual(['100', '100']);
    expect(r.indicators.at(-1)!.weight).toBe('10');
    expect(arithmetic(r).filter((c) => c !== 'funds_sum_mismatch')).toEqual([]);
  });
});

describe('74. a fund row label wrapped onto two rows with its figures (Chromium, no rules, national form)', () => {
  test('年度 over 资金总额, 5,005,4 over 17, 1 over 0 and 93.9 over 3% are one row: 5005417, 10, 93.93', async () => {
    const res = await run(path.join(PAGES, 'chromium_none_fund_label_wrapped_thousands_cut.pdf'));
    const byName = new Map(res.records.map((r) => [r.project_name, r]));
    expect(byName.get('历下区特种设备安全监察专项经费')!.funds.total).toMatchObject({ initial_budget: '5005417', weight: '10', execution_rate: '93.93', score: '9.39' });
    expect(byName.get('居住证办理服务建设项目')!.funds.total).toMatchObject({ initial_budget: '687500.2', weight: '10', execution_rate: '100.00' });
  });
  test('the table whose label only so reads as the national form\'s (年度资金总额：) is read with that template', async () => {
    const res = await run(path.join(PAGES, 'chromium_none_fund_label_wrapped_thousands_cut.pdf'));
    const r = res.records.find((x) => x.project_name === '朝阳区交通安全宣传购买服务')!;
    expect(r.template).toBe('national');
    expect(r.funds.total).toMatchObject({ initial_budget: '6', weight: '10', execution_rate: '100', score: '10' });
  });
  test('the total weight\'s last digit at a page\'s top is no page number, and the total row under the level names\' last pieces (分) | 满意度指标 | 总分) is found', async () => {
    const res = await run(path.join(PAGES, 'chromium_none_fund_label_wrapped_thousands_cut.pdf'));
    expect(res.records.map((r) => [r.total_weight, r.total_score])).toEqual([['100', '99.39'], ['100', '97.07'], ['100', '100'], ['100', '96.50']]);
    expect(res.records.map((r) => arithmetic(r).filter((c) => c !== 'exec_score_mismatch'))).toEqual([[], [], [], []]);
  });
});

describe('75. the rest of a weight or score on the next page, on the grid of the row it ends (Writer from .docx, rules between rows)', () => {
  test('1 at page 1\'s foot and 0 on page 2 are the score 10 (national form)', async () => {
    const res = await run(path.join(PAGES, 'writer_docx_horizontal_score_rest_on_next_page.pdf'));
    const i = res.records[0]!.indicators.find((x) => x.level3 === '技术培训按期完成率')!;
    expect([i.weight, i.score]).toEqual(['10', '10']);
    expect(arithmetic(res.records[0]!)).toEqual([]);
  });
  test('1 over 2.00 is the weight 12.00 (Shanghai form)', async () => {
    const res = await run(path.join(PAGES, 'writer_docx_horizontal_weight_rest_on_next_page.pdf'));
    const i = res.records[0]!.indicators.find((x) => x.level3 === '户籍人口服务覆盖率')!;
    expect([i.weight, i.score]).toEqual(['12.00', '12.00']);
    expect(arithmetic(res.records[0]!)).toEqual([]);
  });
});

describe('76. the total fund row wrapped over three rows beside the side label\'s pieces (Writer from .docx, no rules, Sichuan form)', () => {
  test('况总额 | 9 | 1, (1 | 4 | 0, 0分) | .43: the rate 94.43 and the weight 10, the label kept', async () => {
    const res = await run(path.join(PAGES, 'writer_docx_none_fund_rest_with_side_label.pdf'));
    expect(res.records[0]!.funds.total).toMatchObject({ initial_budget: '721.57', execution_rate: '94.43', weight: '10', score: '9.44' });
    expect(res.records[0]!.issues.filter((d) => d.location.field?.startsWith('funds.total'))).toEqual([]);
  });
  test('92.9 at page 1\'s foot and 1 on page 2 are the rate 92.91 (the column prints two decimals), the reason\'s rest beside it going on the reason above: no flag', async () => {
    const res = await run(path.join(PAGES, 'writer_docx_none_fund_rest_with_side_label.pdf'));
    expect(res.records[0]!.funds.other).toMatchObject({ executed: '143.59', execution_rate: '92.91' });
    expect(arithmetic(res.records[0]!)).toEqual([]);
  });
});

describe('77. a level-2 name merged over two rows with the second row\'s 三级指标 read into it, the group under it cut by the page break (Calc, rules between rows, national form)', () => {
  test('经济效益指标促进区域GDP增长: the name is the group\'s, 促进区域GDP增长 the second row\'s 三级指标', async () => {
    const res = await run(path.join(PAGES, 'calc_horizontal_level3_in_merged_label_group_at_foot.pdf'));
    const rows = res.records[0]!.indicators;
    expect(rows.slice(3, 5).map((i) => [i.level2, i.level3, i.weight])).toEqual([['经济效益指标', '在建工程利用率', '4'], ['经济效益指标', '促进区域GDP增长', '7']]);
  });
  test('the unlabelled rows after it at page 1\'s foot take the label their group prints on page 2 (社会效益指标)', async () => {
    const res = await run(path.join(PAGES, 'calc_horizontal_level3_in_merged_label_group_at_foot.pdf'));
    const rows = res.records[0]!.indicators;
    expect(rows.slice(5, 9).map((i) => i.level2)).toEqual(['社会效益指标', '社会效益指标', '社会效益指标', '社会效益指标']);
    expect(rows).toHaveLength(11);
  });
});

describe('78. the fund rows\' labels wrapped to fill their column, a point from the first value column\'s header (Writer from HTML, no rules, Shanghai form)', () => {
  test('the labels and 年初预算数 are two columns: the figures are not read into the labels', async () => {
    const x = await extractPages('writer_html_none_fund_labels_touching_first_column.pdf', 'all');
    const row = rowWith(x, '年度资金总额');
    expect(row && texts(row).filter((t) => t !== '')).toEqual(['年度资金总额', '7.96', '7.96', '7.96', '10.00', '100.00', '10.00']);
    const res = await run(path.join(PAGES, 'writer_html_none_fund_labels_touching_first_column.pdf'));
    expect(res.records[0]!.funds.total).toMatchObject({ initial_budget: '7.96', full_year_budget: '7.96', executed: '7.96', weight: '10.00', execution_rate: '100.00', score: '10.00' });
  });
});

describe('79. a page number alone a little above the page\'s bottom tenth (Writer from HTML, a frame only, Shanghai form, A4 landscape)', () => {
  test('第1 | 页 under the table is set aside, not read into the last row\'s cells', async () => {
    const x = await extractPages('writer_html_outer_page_number_above_bottom_tenth.pdf', 'all');
    expect(x.rows.flatMap(texts).filter((t) => /第\d+$/.test(t))).toEqual([]);
    const res = await run(path.join(PAGES, 'writer_html_outer_page_number_above_bottom_tenth.pdf'));
    const i = res.records[0]!.indicators.find((r) => r.target?.startsWith('2023年10月31日前'))!;
    expect([i.target, i.actual]).toEqual(['2023年10月31日前', '部分达成指标并具有一定效果']);
  });
});

describe('80. an amount run over its cell\'s edge into the rate beside it (Writer from HTML, no rules, Sichuan form)', () => {
  test('753.3870.04% beside an empty 预算执行数 cell is 753.38 and 70.04, told apart by the decimals the row prints', async () => {
    const res = await run(path.join(PAGES, 'writer_html_none_fund_amount_glued_to_rate_p1-2.pdf'));
    const f = res.records[0]!.funds;
    expect(f.total).toMatchObject({ initial_budget: '1075.57', executed: '753.38', execution_rate: '70.04' });
    expect(f.fiscal_appropriation).toMatchObject({ executed: '512.15', execution_rate: '61.86' });
    expect(arithmetic(res.records[0]!)).toEqual([]);
  });
});

describe('81. the total row read as one with the field rows under it, its label run into the conclusion (Writer from HTML, a frame only, Sichuan form)', () => {
  test('评价结论存在问题 | 合计项目实施… | 100 | 99.6 gives the totals, and the table is not flagged', async () => {
    const res = await run(path.join(PAGES, 'writer_html_outer_total_label_run_into_conclusion_p3-4.pdf'));
    const r = res.records[0]!;
    expect([r.total_weight, r.total_score]).toEqual(['100', '99.6']);
    expect(arithmetic(r)).toEqual([]);
    expect(r.issues.map((d) => d.code)).not.toContain('truncated_table');
  });
});

describe('82. figures of two lines centred round their row\'s line at a page\'s top (Calc, a frame only, Sichuan form)', () => {
  test('670.1 over 2 and 12.5 over 6 beside ≤ | 万元 | 15 are 670.12 and 12.56, one row, not the rest of the row before the break', async () => {
    const x = await extractPages('calc_outer_figures_centred_round_row_p5-6.pdf', 'all');
    const row = rowWith(x, '节约财政资金');
    const filled = row ? texts(row).filter((t) => t !== '') : [];
    expect(filled.slice(filled.indexOf('节约财政资金'), filled.indexOf('节约财政资金') + 7)).toEqual(['节约财政资金', '≤', '670.12', '万元', '689.09', '15', '12.56']);
    const res = await run(path.join(PAGES, 'calc_outer_figures_centred_round_row_p5-6.pdf'));
    const ind = res.records[0]!.indicators;
    expect(ind.slice(1, 3).map((i) => [i.level3, i.target, i.weight, i.score])).toEqual([['核查完成及时率', '≥95%', '30', '30'], ['节约财政资金', '≤670.12万元', '15', '12.56']]);
  });
});

describe('83. fund rows under a 年度预算数(万元) column they leave empty (Calc, rules between rows, Sichuan form)', () => {
  test('the sub-rows\' figures go under the columns the total row\'s do, their placeholders counted: 324.65 is 年初预算, not a column later', async () => {
    const res = await run(path.join(PAGES, 'calc_horizontal_empty_year_budget_column_p2-3.pdf'));
    const r = res.records.find((x) => x.project_name === '建筑市场信用管理补贴')!;
    expect(r.funds.fiscal_appropriation).toMatchObject({ initial_budget: '324.65', full_year_budget: '324.65', executed: '297.72', execution_rate: '91.70' });
    expect(r.funds.unit_funds).toMatchObject({ initial_budget: '67.39', executed: '107.38', execution_rate: '99.40' });
    expect(arithmetic(r)).toEqual([]);
  });
});

describe('84. a rate of three lines centred on its row beside a side label printed a character a line (Chromium, a frame only, Sichuan form)', () => {
  test('10 / 0.0 / 0% beside 算 | 总额 | 340.00 is the rate 100.00%, one cell: 算 beside its first line is no row\'s cell', async () => {
    const x = await extractPages('chromium_outer_rate_three_lines_beside_side_label_p4-5.pdf', 'all');
    const row = rowWith(x, '总额');
    expect(row && texts(row).filter((t) => t !== '').slice(1)).toEqual(['总额', '340.00', '340.00', '340.00', '100.00%', '10', '10']);
    const res = await run(path.join(PAGES, 'chromium_outer_rate_three_lines_beside_side_label_p4-5.pdf'));
    const r = res.records.find((x) => x.project_name === '公共体育场馆运维运行维护')!;
    expect(r.funds.total.execution_rate).toBe('100.00');
    expect(arithmetic(r)).toEqual([]);
  });
});

describe('85. a merged cell\'s text crossing where the row under begins a cell, and a header wrapped beside the side label\'s pieces (Chromium, a frame only, Sichuan form)', () => {
  test('a project name run over the 实施单位（盖章） column\'s left edge is one value: the cut would fall inside a character', async () => {
    const res = await run(path.join(PAGES, 'chromium_outer_header_wrapped_beside_side_label_p4-5.pdf'));
    expect(res.records[0]!.project_name).toBe('涪城区网约车平台监管建设项目');
  });
  test('年初预 over 算 beside 情况(10 of the side label is 年初预算: the fund columns are all read', async () => {
    const res = await run(path.join(PAGES, 'chromium_outer_header_wrapped_beside_side_label_p4-5.pdf'));
    expect(res.records[0]!.funds.total).toMatchObject({ initial_budget: '85.26', full_year_budget: '85.26', executed: '84.77', execution_rate: '99.43', weight: '10', score: '9.94' });
  });
});

describe('86. goals printed as two columns, the left one\'s text run on into the next row\'s label (Writer from HTML, a frame only, Sichuan form)', () => {
  test('项目年度目标 keeps its text: the lines before 2.项目实施内容 go under their own label, not under the one the cell\'s later lines reach', async () => {
    const res = await run(path.join(PAGES, 'writer_html_outer_goals_as_columns_summary_run_in_p1-3.pdf'));
    const r = res.records[0]!;
    expect(r.goal_expected).toBe('全年计划按时完成江油市公交线网优化专项各项工作，确保监测设备数量≥52套，问题响应时间目标值为≤3个工作日，确保安全检查按期完成率=100%，确保垃圾分类准确率=100%，确保乘客满意度≥85%。');
    expect(r.goal_actual).toBe('本年度，监测设备数量为55套，问题响应时间为3个工作日，安全检查按期完成率为100%，垃圾分类准确率为100%，乘客满意度为79.46%。');
  });
});

describe('87. a wrapped 三级指标\'s last character beside a level-2 name printed to its column\'s edge (Writer from HTML, a frame only, national form)', () => {
  test('社会效益指 | 力 is cut at the column\'s edge, not where the centred 标 under it begins: 职业技能培训社会影响力 keeps its 力', async () => {
    const res = await run(path.join(PAGES, 'writer_html_outer_label_end_beside_wrapped_name_p3-4.pdf'));
    const rows = res.records[0]!.indicators;
    const i = rows.find((r) => r.level3?.startsWith('职业技能培训'));
    expect(i && [i.level2, i.level3, i.target, i.weight]).toEqual(['社会效益指标', '职业技能培训社会影响力', '逐步完善', '4']);
    expect(rows.find((r) => r.level3 === '退休人员就业率')?.level2).toBe('社会效益指标');
  });
});

describe('88. a goal\'s line with a space where a column of the funds grid begins (Writer from .docx, rules between rows, Sichuan form)', () => {
  test('1、推进信息系统及 APP 的升级改造 is one line of the goal: the space is Writer\'s between Latin and Han, the lines under it run through that edge', async () => {
    const res = await run(path.join(PAGES, 'writer_docx_horizontal_goal_autospace_at_column_edge_p1.pdf'));
    const r = res.records[0]!;
    expect(r.goal_expected).toBe('1、推进信息系统及APP的升级改造，发放农田份数达到≥60份；\n2、按照“放管服”改革要求优化办事流程，质量抽检按期完成率达到≥85%；\n3、组织开展质量抽检，确保技术培训完成及时率≥90%。');
    expect(r.goal_actual).toBe('1、已推进信息系统及APP的升级改造，发放农田份数63份；\n2、已按照“放管服”改革要求优化办事流程，质量抽检按期完成率96%；\n3、已组织开展质量抽检，技术培训完成及时率92%。');
  });
});

describe('89. the total row cut by a page break, its figures wrapped in narrow cells (Writer from .docx, a frame only, Sichuan form)', () => {
  test('10 | 94. at page 2\'s foot and 0 | 71 at page 3\'s top are the total weight 100 and the total score 94.71', async () => {
    const res = await run(path.join(PAGES, 'writer_docx_outer_total_row_cut_by_page_break_p1-3.pdf'));
    const r = res.records.find((x) => x.project_name === '校园安全管理运行维护')!;
    expect([r.total_weight, r.total_score]).toEqual(['100', '94.71']);
  });
  test('10 / 0.0 / 0% beside 预算 | 总额 and 情况 is the rate 100.00%: a side label printed two characters a line is no row\'s cell', async () => {
    const res = await run(path.join(PAGES, 'writer_docx_outer_total_row_cut_by_page_break_p1-3.pdf'));
    const r = res.records.find((x) => x.project_name === '校园安全管理运行维护')!;
    expect(r.funds.total).toMatchObject({ initial_budget: '78', full_year_budget: '100', executed: '100', execution_rate: '100.00', weight: '10', score: '10' });
    expect(arithmetic(r)).toEqual([]);
  });
});

describe('90. a rate of three lines beside fund labels printed two characters a line (Chromium, no rules, national form)', () => {
  test('9 / 1. / 6% beside 年度 | 资金 | 总额 is the rate 91.6%', async () => {
    const res = await run(path.join(PAGES, 'chromium_none_rate_three_lines_beside_two_char_label_p1.pdf'));
    const r = res.records[0]!;
    expect(r.funds.total).toMatchObject({ initial_budget: '1230.20', executed: '1175.14', execution_rate: '91.6', score: '9.16' });
    expect(r.issues.map((d) => d.code)).not.toContain('rate_mismatch');
  });
});

describe('91. the funds header wrapped over four lines read as four rows, its data rows on the next page (Writer from .docx, rules between rows, Sichuan form)', () => {
  test('预 over 算执行率 three rows under the header is 预算执行率: the figures are read under their columns, not shifted one left', async () => {
    const res = await run(path.join(PAGES, 'writer_docx_horizontal_funds_header_over_four_lines_p4-6.pdf'));
    const r = res.records.find((x) => x.project_name === '消费券发放平台运维购买服务')!;
    expect(r.funds.total).toMatchObject({ initial_budget: '167.27', full_year_budget: '164.27', executed: '146.27', execution_rate: '89.04', weight: '10', score: '8.9' });
    expect(arithmetic(r)).toEqual([]);
  });
});

describe('92. a tall row\'s figures set at its top, its names lower (Writer from HTML, a frame only, Shanghai form)', () => {
  test('7.00 | 3.23 on a line of their own above 项目完成时间 are that row\'s 分值 and 得分, not the total row', async () => {
    const res = await run(path.join(PAGES, 'writer_html_outer_figures_above_row_names_p5-6.pdf'));
    const r = res.records.find((x) => x.project_name === '2023年科普基地建设经费')!;
    const i = r.indicators.find((x) => x.level3 === '项目完成时间');
    expect(i && [i.level2, i.target, i.actual, i.weight, i.score]).toEqual(['时效指标', '2023年6月30日前完成验收', '2023年7月完成', '7.00', '3.23']);
    expect([r.total_weight, r.total_score]).toEqual(['100.00', '92.45']);
    expect(arithmetic(r)).toEqual([]);
  });
});

describe('93. two goals\' lines touching, drawn as two text items 0.7 pt apart (Writer from HTML, no rules, Shanghai form)', () => {
  test('…合格率目标值 | 查商户户数 199.00(家)… is cut where the second item begins: each goal keeps its own text', async () => {
    const res = await run(path.join(PAGES, 'writer_html_none_goal_lines_touching_p1.pdf'));
    const r = res.records[0]!;
    expect(r.goal_expected).toBe('全年计划按时完成老字号品牌保护和平台管理购买服务各项工作，检查会展中心户数目标值为≥22.00(家)，检查商户户数目标值为≥160(家)，商业网点合格率目标值为≥80.00(%)，确保群众投诉下降率≥90.00(%)，会员企业满意度达到≥90(%)。保障平台安全稳定运行，建立健全电子商务发展工作台账。');
    expect(r.goal_actual).toBe('截至2023年12月底，检查会展中心户数22.00(家)，检查商户户数199.00(家)，商业网点合格率为80.00(%)，群众投诉下降率90.00(%)，会员企业满意度为99.00(%)。取得了较好的社会效益。');
  });
});

describe('94. a goal\'s line drawn as many text items, one of them beginning near where a line beside begins a run (Writer from HTML, a frame only, Sichuan form)', () => {
  test('…确保户籍档案归档完整率… is one line of the goal: the item 档 begins 1.6 pt off that start, no cell\'s edge', async () => {
    const res = await run(path.join(PAGES, 'writer_html_outer_goal_item_seam_near_neighbour_start_p3.pdf'));
    const r = res.records.find((x) => x.project_name === '社区警务经费')!;
    expect(r.goal_expected).toBe('全年计划按时完成社区警务经费各项工作，APP注册用户数达到≥248人，确保户籍档案归档完整率≥90%，系统交付时间达到定性2023年9月30日前完成，政策知晓率目标值为≥95%，确保长效管理机制建立情况定性符合合同约定。');
  });
});

describe('95. a row label touching the first line of a goal beside it, drawn 1.2 pt apart (Writer from HTML, a frame only, national form)', () => {
  test('年度总体目标 | 据，由第三方机构独立评估… is cut where the goal\'s item begins: the label stays out of the goal', async () => {
    const res = await run(path.join(PAGES, 'writer_html_outer_goal_label_touching_goal_line_p1.pdf'));
    expect(res.records[0]!.goal_expected).toBe('1、完成年度宣传材料的编制工作，确保健身指导规范性无重大安全事故；\n2、组织开展赛事，赛事覆盖率（以年度考核结果为依据，由第三方机构独立评估）目标值为=100%；\n3、落实体质监测的各项保障措施，运动员参与率目标值为≥95%；\n4、完成健身苑点的采购与安装调试，确保参加赛事人员满意度≥85%。');
  });
});

describe('96. a level-2 label printed on its group\'s first row, the group\'s last row at page 1\'s foot, the next page opening a group of its own (Chromium, a frame only, national form)', () => {
  test('检查社区卫生服务中心户数 under 数量指标 keeps it: the group 质量指标 centred on its own rows on page 2 did not begin on page 1', async () => {
    const res = await run(path.join(PAGES, 'chromium_outer_top_label_group_before_page_break_p1-2.pdf'));
    const rows = res.records[0]!.indicators;
    expect(rows.map((r) => r.level2)).toEqual(['数量指标', '数量指标', '质量指标', '质量指标', '社会效益指标', '社会效益指标', '服务对象满意度指标']);
  });
});

describe('97. a target touching the actual value beside it, drawn as two text items 0.1 pt apart (Writer from HTML, no rules, Shanghai form)', () => {
  test('≤202.33(万 | 199.13(万 is cut where the second item begins, at the column\'s edge: 199.13 keeps its 1', async () => {
    const res = await run(path.join(PAGES, 'writer_html_none_target_touching_actual_p1-2.pdf'));
    const i = res.records[0]!.indicators.find((x) => x.level3 === '运维费用');
    expect(i && [i.target, i.actual, i.weight, i.score]).toEqual(['≤202.33(万元)', '199.13(万元)', '2', '2.00']);
  });
});

describe('98. the basic rows stacked at one pitch, and a 三级指标 cut by the page break (Writer from HTML, a frame only, Sichuan form)', () => {
  test('the department at its cell\'s edge does not run on into the goal under it, and the goal\'s line ending before ≥80%， goes on: each field its own row', async () => {
    const res = await run(path.join(PAGES, 'writer_html_outer_basic_rows_and_name_cut_by_break_p1-2.pdf'));
    const r = res.records[0]!;
    expect(r.department).toBe('成都市双流区经济和信息化局');
    expect(r.goal_expected).toBe('全年计划按时完成中小企业服务项目各项工作，确保园区登记人数≥1100人，确保诊断服务完成及时率≥80%，确保使用及时率定性2023年12月31日前完成，专题对接会完成及时率目标值为≥85%。保障节能项目安全稳定运行，完成年度档案材料的编制工作。');
    expect(r.goal_actual).toBe('本年度，园区登记人数为1100人，诊断服务完成及时率为80%，使用及时率按时完成，专题对接会完成及时率为85%。取得了较好的社会效益。');
  });
  test('数量 alone at page 2\'s top is the rest of 编制档案材料, not the first line of the next row\'s name', async () => {
    const res = await run(path.join(PAGES, 'writer_html_outer_basic_rows_and_name_cut_by_break_p1-2.pdf'));
    const rows = res.records[0]!.indicators;
    expect(rows.slice(2, 4).map((i) => [i.level2, i.level3, i.target, i.weight])).toEqual([['数量指标', '编制档案材料数量', '=2篇', '7'], ['时效指标', '诊断服务完成及时率', '≥80%', '11']]);
  });
});

describe('99. an empty level-2 cell right under a merged label whose cell ends above it (Calc, a frame only, Shanghai form)', () => {
  test('政策解读准确率 under 数量指标 (merged over the two rows above) goes with 质量指标 printed under it, whose group the page break cuts', async () => {
    const res = await run(path.join(PAGES, 'calc_outer_empty_row_under_closed_merged_label_p1-2.pdf'));
    expect(res.records[0]!.indicators.map((i) => i.level2)).toEqual(['数量指标', '数量指标', '质量指标', '质量指标', '质量指标', '质量指标', '社会效益指标', '服务对象满意度指标', '服务对象满意度指标']);
  });
});

describe('100. a numbered field label wrapped after three characters beside its value (Chromium, rules between rows, Sichuan form)', () => {
  test('2.项目实 | 项目于2023年6月启动… is the summary\'s label and value: the goal keeps its own text', async () => {
    const res = await run(path.join(PAGES, 'chromium_horizontal_summary_label_wrapped_three_chars_p1.pdf'));
    const r = res.records[0]!;
    expect(r.goal_actual).toBe('经过全年努力，资金拨付及时率为100%，参加体质监测人员满意度81%。');
    expect(r.implementation_summary).toBe('项目于2023年6月启动，通过政府采购确定服务单位，按合同约定组织实施，2023年12月完成验收。');
  });
});

describe('101. a whole amount glued to the rate beside it, the grid without the edge between them (Writer from HTML, no rules, Sichuan form)', () => {
  test('15684.32% beside an empty 预算执行数 cell is 156 and 84.32%: the one cut whose rate is 156 over the row\'s 185', async () => {
    const res = await run(path.join(PAGES, 'writer_html_none_amount_glued_to_rate_p1.pdf'));
    const r = res.records[0]!;
    expect(r.funds.total).toMatchObject({ initial_budget: '185', full_year_budget: '185', executed: '156', execution_rate: '84.32', weight: '10', score: '8.43' });
    expect(r.funds.fiscal_appropriation).toMatchObject({ executed: '156', execution_rate: '84.32' });
    expect(r.issues.map((d) => d.code)).not.toContain('exec_score_mismatch');
  });
});

describe('102. whole numbers that narrow cells wrapped alike, the row\'s other figures centred between their lines (Writer from .docx, no rules, Sichuan form)', () => {
  test('2570 over 0 in 指标值 and in 完成值, ≥ | 份 | 10 | 10 between them, are 25700: one row, not three', async () => {
    const res = await run(path.join(PAGES, 'writer_docx_none_whole_numbers_wrapped_alike_p1.pdf'));
    const i = res.records[0]!.indicators[0]!;
    expect([i.level3, i.target, i.actual, i.weight, i.score]).toEqual(['发放计量器具份数', '≥25700份', '25700份', '10', '10']);
    expect(res.records[0]!.indicators[1]!.level3).toBe('新增电梯数');
  });
});

describe('103. the rest of a wrapped column label under the header, beside a level-1 name (Writer from .docx, no rules, Sichuan form)', () => {
  test('产出指标 | 值 (of 指标 / 标 / 值) is no indicator row: the first row is 覆盖企业数量 with its own target', async () => {
    const res = await run(path.join(PAGES, 'writer_docx_none_header_rest_beside_level1_p1.pdf'));
    const rows = res.records[0]!.indicators;
    expect(rows.slice(0, 3).map((i) => [i.level1, i.level3, i.target])).toEqual([['产出指标', '覆盖企业数量', '=4个'], ['产出指标', '新增平台数', '=4套'], ['产出指标', '专题对接会人次', '=11990人次']]);
  });
});

describe('104. rows of whole figures one above the other at the line pitch (Writer from .docx, a frame only, national form)', () => {
  test('10 | 10 over 10 | 10 are two rows\' weights and scores, not one cut figure: no figure stands between their lines', async () => {
    const res = await run(path.join(PAGES, 'writer_docx_outer_one_line_rows_whole_figures_p1.pdf'));
    const rows = res.records[0]!.indicators;
    expect(rows.slice(0, 3).map((i) => [i.level3, i.weight, i.score])).toEqual([['确保参与评审会20人次以上的班次数', '10', '10'], ['使用及时率', '10', '10'], ['资金拨付及时率', '5', '4.4']]);
  });
});

describe('105. a funds header whose labels wrapped onto lines above and below it, the side label beginning under it (Writer from .docx, a frame only, Sichuan form)', () => {
  test('预 / 算执行 / 率 and 年度 / 预算数(万 / 元) are the header\'s labels: the table is read as the Sichuan form, rates and target values kept', async () => {
    const res = await run(path.join(PAGES, 'writer_docx_outer_funds_header_wrapped_above_and_below_p1-2.pdf'));
    const r = res.records[0]!;
    expect(r.template).toBe('sichuan-2023');
    expect(r.funds.total).toMatchObject({ executed: '212.42', execution_rate: '92.62', weight: '10', score: '9.26' });
    expect(r.indicators.slice(0, 3).map((i) => i.target)).toEqual(['=300个', '定性全年稳定运行', '≥90%']);
  });
});

describe('106. the total row cut by the page break, its figures wrapped a few characters a line (Writer from .docx, a frame only, Sichuan form)', () => {
  test('1 over 0 and 98 over .4 at page 2\'s foot, 0 | 3 at page 3\'s top, are the total weight 100 and the total score 98.43', async () => {
    const res = await run(path.join(PAGES, 'writer_docx_outer_total_row_cut_wrapped_digits_p3-5.pdf'));
    const r = res.records[0]!;
    expect([r.total_weight, r.total_score]).toEqual(['100', '98.43']);
    expect(r.issues.map((d) => d.code)).not.toContain('total_mismatch');
  });
});

describe('107. the side label 预算执行情况(10分) wrapped a piece a row beside the fund rows (Writer from .docx, no rules, Sichuan form)', () => {
  test('执行 | 总额 and 分) | 单位资金 name the fund rows 总额 and 单位资金: the table is read as the Sichuan form, its targets in parts', async () => {
    const res = await run(path.join(PAGES, 'writer_docx_none_side_label_pieces_beside_fund_rows_p4-5.pdf'));
    const r = res.records.find((x) => x.project_name === '简阳市医务人员传染病监测预警经费')!;
    expect(r.template).toBe('sichuan-2023');
    expect(r.indicators.slice(0, 3).map((i) => i.target)).toEqual(['=11户', '定性2023年10月31日前完成', '定性2023年12月31日前完成']);
    expect(r.funds.total).toMatchObject({ initial_budget: '41.4', execution_rate: '100.00' });
  });
});

describe('108. a page number with the page count close under the table (Writer from HTML, no rules, Shanghai form)', () => {
  test('第1页 共6页, two thirds of a line under the last row, is set aside: the row keeps its own target and actual value', async () => {
    const res = await run(path.join(PAGES, 'writer_html_none_page_number_close_under_table_p1-2.pdf'));
    const i = res.records[0]!.indicators.find((x) => x.level3 === '安全事故发生率')!;
    expect([i.target, i.actual, i.weight]).toEqual(['≤100(%)', '达成指标', '9.00']);
  });
});

describe('109. a level-2 name filling its narrow cell, the level-3 name begun right after it (Writer from HTML, no rules, Shanghai form)', () => {
  test('服务对象满意度指 | 服务对象 over 标 | 满意率 are the last row\'s level-2 and level-3 names, beside 满意度指标 and its figures', async () => {
    const res = await run(path.join(PAGES, 'writer_html_none_level2_filling_narrow_cell_p2-4.pdf'));
    const r = res.records.find((x) => x.project_name === '2023年交通运行监测专项经费')!;
    const last = r.indicators.at(-1)!;
    expect([last.level1, last.level2, last.level3, last.target, last.actual, last.weight]).toEqual(['满意度指标', '服务对象满意度指标', '服务对象满意率', '≥100%', '100%', '4.00']);
  });
});

describe('110. a name the page break cut, its rest stacked on the next row\'s two lines (Writer from HTML, a frame only, Shanghai form)', () => {
  test('机构独立 / 评估） over 问题响应 / 时间, the figures centred between the last two lines: the rest goes to the row on page 1', async () => {
    const res = await run(path.join(PAGES, 'writer_html_outer_name_rest_over_two_line_row_p1-2.pdf'));
    const rows = res.records[0]!.indicators;
    expect(rows.slice(9, 11).map((i) => [i.level3, i.target])).toEqual([['专题对接会覆盖率（以年度考核结果为依据，由第三方机构独立评估）', '达到≥98%'], ['问题响应时间', '≤15(个工作日)']]);
  });
});

describe('111. the total row\'s figures wrapped in narrow cells, the funds side label centred beside their second line (Calc, no rules, Shanghai form)', () => {
  test('13.9 over 0 and 10.0 over 0, 12.79 | 12.62 | 98.67 | 9.86 between their lines, are one row: 13.90 and 10.00', async () => {
    const res = await run(path.join(PAGES, 'calc_none_total_figures_wrapped_beside_side_label_p3-4.pdf'));
    expect(res.records[0]!.funds.total).toMatchObject({ initial_budget: '13.90', full_year_budget: '12.79', executed: '12.62', weight: '10.00', execution_rate: '98.67', score: '9.86' });
  });
});

describe('112. a target wider than its column\'s lines show it, centred, begun left of the boundary they give (Chromium, no rules, national form)', () => {
  test('2022年10月31日前完成 / 验收 is the target of 排水管网交付时间, not part of its name', async () => {
    const res = await run(path.join(PAGES, 'chromium_none_wide_target_left_of_bound_p1-2.pdf'));
    const i = res.records[1]!.indicators[5]!;
    expect([i.level2, i.level3, i.target, i.actual, i.weight]).toEqual(['时效指标', '排水管网交付时间', '2022年10月31日前完成验收', '已完成', '5']);
  });
});

describe('113. the goals\' side label drawn right up to the goal, wrapped 年度总体目 / 标 (Writer from HTML, no rules, Shanghai form)', () => {
  test('年度总体目 touching 全年计划… where the goal\'s other lines begin is the label\'s first line, not the goal\'s first words', async () => {
    const res = await run(path.join(PAGES, 'writer_html_none_goals_label_touching_goal_p3-4.pdf'));
    const r = res.records[0]!;
    expect(r.goal_expected!.startsWith('全年计划按时完成重点水文站网运行经费各项工作，确保供水企业登记人数≥610人')).toBe(true);
  });
});

describe('114. level-1 names in the column of the conclusion\'s labels (Writer from HTML, no rules, Sichuan form)', () => {
  test('评价结论, 存在问题 and 改进措施 under 产出指标 and 效益指标 leave the column a label column: each level name goes with the rows it is centred on', async () => {
    const res = await run(path.join(PAGES, 'writer_html_none_level_labels_beside_conclusion_labels.pdf'));
    const rows = res.records[0]!.indicators;
    expect(rows.map((i) => i.level2)).toEqual(['数量指标', '质量指标', '质量指标', '质量指标', '时效指标', '成本指标', '成本指标', '成本指标', '成本指标', '社会效益指标', '社会效益指标', '服务对象满意度指标']);
    expect(rows[9]!.level1).toBe('效益指标');
  });
});

describe('115. the reason column\'s label wrapped, its last line in a column of its own (Writer from .docx, a frame only, national form)', () => {
  test('偏差原因分析及改进措 | 施 labels the column its first lines are in: the reasons are read', async () => {
    const res = await run(path.join(PAGES, 'writer_docx_outer_reason_label_last_line_apart_p1-2.pdf'));
    const rows = res.records[0]!.indicators;
    expect(rows[0]!.deviation_reason).toMatch(/^因政策调整，部分工作内容取消，使部分工作延至下一年度实施，拟通过APP和公众号加大宣传力度/);
    expect(rows[1]!.deviation_reason).toBe('');
  });
});

describe('116. the goals in two columns under their labels, the summary under them merged over both (Writer from .docx, rules between rows, Sichuan form)', () => {
  test('项目于2023年6月启动… runs from the expected goal\'s column into the actual one\'s: the boundary between the goals is where the actual goal begins', async () => {
    const res = await run(path.join(PAGES, 'writer_docx_horizontal_goals_in_columns_under_summary.pdf'));
    const r = res.records[0]!;
    expect(r.goal_expected).toBe('全年计划按时完成涪城区居民防汛防台专项经费各项工作，确保养护人次≥3800人次，年度应急演练开班班次达到≥3期。');
    expect(r.goal_actual).toBe('截至2023年12月底，养护人次3800人次，年度应急演练开班班次3期。');
  });
});

describe('117. the basic rows stacked at the line pitch, the goal across the table right under the department (Writer from HTML, no rules, Sichuan form)', () => {
  test('西昌市水务局, short in its cell beside 实施单位（盖章）, is the department: neither the name over it nor the goal under it takes it', async () => {
    const res = await run(path.join(PAGES, 'writer_html_none_level_labels_beside_conclusion_labels.pdf'));
    const r = res.records[0]!;
    expect([r.project_name, r.department, r.implementing_unit]).toEqual(['西昌市水文站网运行专项经费', '西昌市水务局', '西昌市水利工程管理站']);
    expect(r.goal_expected!.startsWith('通过实施西昌市水文站网运行专项经费，全面落实市委、市政府关于排水管网养护的工作要求。')).toBe(true);
  });
});

describe('118. the funds header at a page\'s foot, the last line of a column label read with the first figure on the next page (Writer from .docx, a frame only, Shanghai form)', () => {
  test('年初预算 over 数1088.38 is the label 年初预算数 and the figure 1088.38', async () => {
    const res = await run(path.join(PAGES, 'writer_docx_outer_funds_label_rest_with_first_figure_p3-5.pdf'));
    const r = res.records.find((x) => x.project_name === '闵行区农机购置补贴购买服务')!;
    expect(r.funds.total).toMatchObject({ initial_budget: '1088.38', full_year_budget: '1070.00', executed: '990.28', execution_rate: '92.54' });
    expect(r.funds.fiscal_appropriation).toMatchObject({ initial_budget: '1088.38' });
  });
});

describe('119. the funds header at a page\'s foot with its labels wrapped a character a line, the fund rows on the next page with two narrow columns\' figures wrapped side by side (Writer from .docx, rules between rows, Shanghai form)', () => {
  test('年 / 初 / 预 / 算 / 数 beside 得分 is the header; 10 | 93 over .0 | .7 over 0 | 5 are 10.00 and 93.75', async () => {
    const res = await run(path.join(PAGES, 'writer_docx_horizontal_funds_header_wrapped_narrow_figures_side_by_side_p7-8.pdf'));
    const r = res.records.find((x) => x.project_name === '老年人健康体检经费')!;
    expect(r.implementing_unit).toBe('上海市健康促进中心');
    expect(r.funds.total).toMatchObject({ initial_budget: '8.40', full_year_budget: '8.00', executed: '7.50', weight: '10.00', execution_rate: '93.75', score: '9.37' });
    expect(r.funds.fiscal_appropriation).toMatchObject({ full_year_budget: '8.00', executed: '7.50', execution_rate: '93.75' });
  });
});

describe('120. a score cut at its point (5. over 00) that pdf.js joins with a space to the reason beside it (Writer from .docx, rules between rows, Shanghai form)', () => {
  test('5. 因人员变动，工作衔 is the score 5.00 and the reason, across the page break', async () => {
    const res = await run(path.join(PAGES, 'writer_docx_horizontal_figure_piece_spaced_to_reason_p9-11.pdf'));
    const r = res.records.find((x) => x.project_name === '科技成果转化服务运行维护')!;
    const ind = r.indicators.find((i) => i.level3 === '编制统计报表数量')!;
    expect(ind).toMatchObject({ target: '≥64.00(份)', actual: '基本达成', weight: '6.00', score: '5.00' });
    expect(ind.deviation_reason).toMatch(/^因人员变动，工作衔接存在一定滞后/);
    expect(r.indicators.filter((i) => i.level3 === null || i.level3 === '报表数量')).toHaveLength(0);
  });
});

describe('121. fund row labels in a column the header gives no label, a label wrapped beside its first figure (Writer from .docx, a frame only, Sichuan form)', () => {
  test('其中：财政资 / 金 beside 100 is the row 其中：财政资金 and its figures', async () => {
    const res = await run(path.join(PAGES, 'writer_docx_outer_fund_row_labels_without_header_p1-2.pdf'));
    const r = res.records[0]!;
    expect(r.funds.fiscal_appropriation).toMatchObject({ initial_budget: '100', full_year_budget: '100', executed: '97', execution_rate: '87.00' });
  });
});

describe('122. a merged cell\'s label drawn off the page (centred over the part of the cell on the next page) before the header\'s labels (Calc, all rules, Sichuan form)', () => {
  test('the header label 指 / 标 / 性 / 质 keeps its first characters: targets are 定性定期开展', async () => {
    const res = await run(path.join(PAGES, 'calc_all_side_label_drawn_off_page.pdf'));
    const ind = res.records[0]!.indicators.find((i) => i.level3 === '执法检查规范性')!;
    expect(ind.target).toBe('定性定期开展');
  });
});

describe('123. goal labels centred over goals set flush left far from them; amounts set flush right, wider and narrower (Calc, a frame only, national form)', () => {
  test('预期目标 heads the goals that begin left of it; 1,407.3 and 0.0 are 年初预算数', async () => {
    const res = await run(path.join(PAGES, 'calc_outer_goal_label_centred_over_flush_left_goals.pdf'));
    const r = res.records[0]!;
    expect(r.goal_expected).toMatch(/^1\.加强服务大厅的日常监管，确保窗口服务场次≥3（次）；/);
    expect(r.goal_actual).toMatch(/^1\.已加强服务大厅的日常监管，窗口服务场次3次；/);
    expect(r.funds.total).toMatchObject({ initial_budget: '1407.3', full_year_budget: '1180.0', executed: '802.1' });
    expect(r.funds.other).toMatchObject({ initial_budget: '0.0', full_year_budget: '0.0', executed: '0.0' });
  });
});

describe('124. a goal label centred beside its goal, the goal set at the top of its cell (Calc, no rules, Sichuan form, landscape)', () => {
  test('项目年度目标 and the goal beside it are one row', async () => {
    const res = await run(path.join(PAGES, 'calc_none_goal_label_centred_beside_top_goal.pdf'));
    expect(res.records[0]!.goal_expected).toMatch(/^通过实施双流区全民健身设施建设专项经费，保障健身苑点安全稳定运行。/);
    expect(res.records[0]!.goal_actual).toMatch(/^经过全年努力，健身指导场次实际完成56场次；/);
  });
});

describe('125. a rate printed a character a line that the page break cuts, in a column the header gives no label on the first page (Writer from .docx, no rules, Sichuan form)', () => {
  test('9 / 2 / . / 9 at the foot and 1 at the next top are 92.91', async () => {
    const res = await run(path.join(PAGES, 'writer_docx_none_rate_digits_stacked_over_page_break_p1-2.pdf'));
    expect(res.records[0]!.funds.other).toMatchObject({ initial_budget: '154.55', executed: '143.59', execution_rate: '92.91' });
  });
});

describe('126. the total row at a page\'s top under the rests of the last indicator\'s names (指标 | 度), columns the page before placed (Writer from .docx, no rules, national form)', () => {
  test('the rests go to the last row, the total row is the total: 100 and 100.00, no flag', async () => {
    const res = await run(path.join(PAGES, 'writer_docx_none_total_under_name_rests_at_page_top_p2-3.pdf'));
    const r = res.records.find((x) => x.project_name === '旧住房成套改造专项经费')!;
    expect([r.total_weight, r.total_score, r.check.status]).toEqual(['100', '100.00', 'ok']);
    expect(r.indicators[r.indicators.length - 1]).toMatchObject({ level2: '服务对象满意度指标', level3: '参加质量安全检查人员满意度', weight: '10', score: '10' });
  });
});

describe('127. a fund row of placeholders at a page\'s top under a row whose last cells are placeholders (Calc, rules between rows, Sichuan form)', () => {
  test('财政专户管理资金 | / | / is a row of its own: 其中：财政资金 keeps its figures', async () => {
    const res = await run(path.join(PAGES, 'calc_horizontal_fund_row_of_placeholders_at_page_top_p1-2.pdf'));
    const r = res.records.find((x) => x.project_name === '邛崃市邛崃市技能大师工作室建设补贴')!;
    expect(r.funds.fiscal_appropriation).toMatchObject({ initial_budget: '3474', full_year_budget: '3858', executed: '3672', execution_rate: '95.18' });
    expect(r.funds.fiscal_special_account).toMatchObject({ initial_budget: null, executed: null });
  });
});

describe('128. 实施单位（盖章） wrapped as 实施单位 over （盖章） beside a department wrapped on the same two lines (Chromium, a frame only, Sichuan form)', () => {
  test('实施单位 is the first line of 实施单位（盖章）, no cell of its own: the department and the unit are whole', async () => {
    const res = await run(path.join(PAGES, 'chromium_outer_unit_label_wrapped_beside_wrapped_department_p1.pdf'));
    const r = res.records.find((x) => x.project_name === '职业技能培训补贴及就业指导讲座运行维护')!;
    expect([r.department, r.implementing_unit]).toEqual(['德阳市旌阳区人力资源和社会保障局', '旌阳区人才交流中心']);
  });
});

describe('129. the total row\'s 100 right under the last indicator\'s 5.00, rows stacked at the line pitch (Writer from HTML, no rules, Shanghai form)', () => {
  test('5.00 over 100 are two rows\' cells: the weight 5.00 and the total weight 100; the file is read', async () => {
    const res = await run(path.join(PAGES, 'writer_html_none_total_weight_stacked_under_last_weight.pdf'));
    const r = res.records[0]!;
    expect(r.indicators[r.indicators.length - 1]).toMatchObject({ level3: '教师满意度', weight: '5.00', score: '5.00' });
    expect(r.total_weight).toBe('100');
  });
});

describe('130. rows that add a little padding between their lines, weights wrapped a digit a line (Writer from .docx, a frame only, national form)', () => {
  test('lines of a column at the line pitch are one cell: 编制宣传材料 / 数量 and 1 / 5 are one row, 15; the figures add up', async () => {
    const res = await run(path.join(PAGES, 'writer_docx_outer_rows_padded_weights_wrapped_a_digit_a_line.pdf'));
    const r = res.records[0]!;
    expect(r.indicators[0]).toMatchObject({ level1: '产出指标', level2: '数量指标', level3: '编制宣传材料数量', target: '≥34（项）', actual: '41项', weight: '15', score: '15' });
    expect(r.indicators).toHaveLength(8);
    expect([r.total_weight, r.total_score, r.check.status]).toEqual(['100', '92.48', 'ok']);
  });
});

describe('131. an indicator header whose first line holds labels and whose next line holds more (Chromium, a frame only, national form)', () => {
  test('绩效 | 一级 | 二级 | 三级指标 … over 指标 | 指标 | 指标 | 值 is one header: the indicators are read', async () => {
    const res = await run(path.join(PAGES, 'chromium_outer_indicator_header_labels_wrapped_under_first_line_p2-3.pdf'));
    const r = res.records.find((x) => x.project_name === '水文站网运行运行维护')!;
    expect(r.goal_expected).toMatch(/用户满意度达到≥95%。$/);
    expect(r.indicators).toHaveLength(5);
    expect(r.indicators[0]).toMatchObject({ level1: '产出指标', level2: '数量指标', level3: '检查河道户数', target: '≥70（户）', weight: '18', score: '18' });
    expect([r.total_weight, r.total_score, r.check.status]).toEqual(['100', '99.1', 'ok']);
  });
});

describe('132. a rate cut by the page break before its % (Writer from .docx, all rules, Sichuan form)', () => {
  test('95.1 at the foot and 4% at the next top are 95.14; the reason beside it goes on too', async () => {
    const res = await run(path.join(PAGES, 'writer_docx_all_rate_cut_before_percent_at_page_break_p3-4.pdf'));
    const r = res.records.find((x) => x.project_name === '2023年学生资助经费')!;
    expect(r.funds.total).toMatchObject({ executed: '1018.01', execution_rate: '95.14', weight: '10', score: '9.51' });
    expect(r.funds.total.deviation_reason).toMatch(/^户籍人口统计口径调整，使部分工作延至下一年度实施/);
  });
});

describe('133. the funds header alone at a page\'s foot, its rows on the next page (Writer from HTML, rules between rows, Shanghai form)', () => {
  test('the next page finds the fund rows\' label column from its own text: 年度资金总额 and its figures are read', async () => {
    const res = await run(path.join(PAGES, 'writer_html_horizontal_funds_header_alone_at_page_foot_p1-2.pdf'));
    const r = res.records.find((x) => x.project_name === '道路运输安全监管专项经费')!;
    expect(r.funds.total).toMatchObject({ initial_budget: '6.84', full_year_budget: '6.84', executed: '6.84', execution_rate: '100.00', weight: '10.00', score: '10.00' });
    expect(r.funds.carryover).toMatchObject({ initial_budget: '0.00', executed: '0.00' });
  });
});

describe('134. guards: an amount\'s rest on the line of a side label centred on the fund rows; a row label printed down its column above the funds header (Writer from .docx, Shanghai and Sichuan forms)', () => {
  test('30.0 over 0 beside 项目资金（万元） is 30.00', async () => {
    const res = await run(path.join(PAGES, 'writer_docx_none_amount_rest_on_side_label_line_p1.pdf'));
    expect(res.records[0]!.funds.total).toMatchObject({ initial_budget: '34.36', full_year_budget: '30.00', executed: '30.00', weight: '10.00' });
  });
  test('年度 / 预算 / 数(万 / 元) beside the header\'s lines: 预 / 算 / 执 / 行 / 率 stays whole, the figures in their columns', async () => {
    const res = await run(path.join(PAGES, 'writer_docx_outer_funds_header_row_label_stacked_p5-6.pdf'));
    const r = res.records.find((x) => x.project_name === '2023年中小企业服务购买服务')!;
    expect(r.funds.total).toMatchObject({ initial_budget: '780.00', full_year_budget: '780.00', executed: '350.23', execution_rate: '44.90' });
  });
});

describe('135. an indicator header of label starts only, every label wrapped (Writer from .docx, no rules, Sichuan form)', () => {
  test('指标 | 一级 | 二级指 | 度量 | 完成 | 权 | 得 | 未完成原因 is a header (原因 inside 未完成原因 is no label of its own): the indicators are read', async () => {
    const res = await run(path.join(PAGES, 'writer_docx_none_indicator_header_of_label_starts_p1.pdf'));
    const r = res.records[0]!;
    expect(r.indicators[0]).toMatchObject({ level1: '产出指标', level2: '数量指标', level3: '居民登记人数', target: '=30人', actual: '33人', weight: '9', score: '9' });
    expect(r.indicators.length).toBeGreaterThanOrEqual(4);
  });
});

describe('136. a label stacked in a narrow column between two labels it touches (Writer from HTML, no rules, Sichuan form)', () => {
  test('指标 / 性质 between 三级指标 and 指标值 is a column of its own: the indicators and the total are read', async () => {
    const res = await run(path.join(PAGES, 'writer_html_none_indicator_label_stacked_between_touching_labels_p1-2.pdf'));
    const r = res.records[0]!;
    expect(r.indicators).toHaveLength(12);
    expect(r.indicators[0]).toMatchObject({ level1: '产出指标', level2: '数量指标', target: '≥50班次', actual: '50班次', weight: '10', score: '10' });
    expect([r.total_weight, r.total_score, r.check.status]).toEqual(['100', '95.84', 'ok']);
  });
});

describe('137. the funds side label\'s last line glued to a fund row\'s label (Writer from HTML, no rules, Sichuan form)', () => {
  test('情况(10 分)单位资金 is cut where four fund labels begin: 单位资金 labels its own figures, 总额 keeps its', async () => {
    const res = await run(path.join(PAGES, 'writer_html_none_side_label_glued_to_row_label_p3.pdf'));
    const r = res.records.find((x) => x.project_name === '顺庆区社会组织慈善项目监管补贴')!;
    expect(r.funds.total).toMatchObject({ initial_budget: '35.49', full_year_budget: '37.00', executed: '36.37', execution_rate: '98.30', weight: '10', score: '9.83' });
    expect(r.funds.unit_funds).toMatchObject({ initial_budget: '9.52', full_year_budget: '11.03', executed: '11.03', execution_rate: '100.00' });
  });
});

describe('138. the funds side label wrapped beside the header, first of its labels (Chromium, no rules, Sichuan form)', () => {
  test('预算执 / 行情况 / (10分) beside 调整后预算 / 数 | 预算执行 / 数 | 预算 / 执行 / 率: one header, the fund figures in their columns', async () => {
    const res = await run(path.join(PAGES, 'chromium_none_funds_side_label_wrapped_beside_header_p1.pdf'));
    const r = res.records[0]!;
    expect(r.funds.total).toMatchObject({ initial_budget: '871.33', full_year_budget: '871.33', executed: '855.31', execution_rate: '98.16' });
    expect(r.funds.fiscal_appropriation).toMatchObject({ full_year_budget: '670.18', executed: '670.18', execution_rate: '100.00' });
  });
});

describe('139. a label\'s wrapped start glued to the side label before it, texts touching at a column\'s edge (Writer from HTML, rules between rows, Sichuan form)', () => {
  test('绩效指标(90一级指 over 标 is the side label and 一级指标; 经济效益指 | 金 part where the level-3 names begin: every indicator in its group', async () => {
    const res = await run(path.join(PAGES, 'writer_html_horizontal_indicator_label_start_glued_to_side_label_p1-2.pdf'));
    const r = res.records[0]!;
    expect(r.indicators).toHaveLength(11);
    expect(r.indicators[0]).toMatchObject({ level1: '产出指标', level2: '数量指标', level3: '覆盖运输企业数量', weight: '7', score: '7' });
    expect(r.indicators[5]).toMatchObject({ level1: '效益指标', level2: '经济效益指标', level3: '节约财政资金', target: '≤32.49万元', actual: '28.82万元' });
    expect(r.indicators[6]).toMatchObject({ level2: '经济效益指标', target: '定性建立健全' });
    expect(r.indicators[10]).toMatchObject({ level1: '满意度指标', level2: '服务对象满意度指标', level3: '用户满意度' });
  });
});

describe('140. the rest of a name the page break cut, above a page of centred rows without padding (Writer from HTML, no rules, Shanghai form)', () => {
  test('就业率 at the page\'s top is the rest of 消费者就业率; 参加展 / 会人员 / 满意度 and 会员企 / 业满意 / 度 are centred on their rows', async () => {
    const res = await run(path.join(PAGES, 'writer_html_none_name_rest_above_centred_rows_p1-3.pdf'));
    const r = res.records[0]!;
    expect(r.indicators.slice(-3).map((x) => [x.level3, x.weight])).toEqual([['消费者就业率', '3.00'], ['参加展会人员满意度', '7.00'], ['会员企业满意度', '4.00']]);
    expect(r.indicators.at(-1)).toMatchObject({ level1: '满意度指标', level2: '服务对象满意度指标' });
  });
});

describe('141. rows without padding, their lines at one pitch (Writer from HTML, a frame only, Sichuan form)', () => {
  test('the level-3 names are cut anew so each is centred on its row; the two goals\' lines, stacked, are cut at their labels; 实施单位（盖 / 章） cut by the page break still labels the unit', async () => {
    const res = await run(path.join(PAGES, 'writer_html_outer_rows_stacked_at_pitch_p1-2.pdf'));
    const r = res.records.find((x) => x.project_name === '顺庆区观众重大科技基础设施运维专项')!;
    expect(r.implementing_unit).toBe('顺庆区生产力促进中心');
    expect(r.goal_expected).toMatch(/^通过实施顺庆区观众重大科技基础设施运维专项.*参加评审会人员满意度≥90%。$/s);
    expect(r.goal_actual).toMatch(/^经过全年努力.*各项绩效指标基本完成。$/s);
    expect(r.indicators.slice(0, 5).map((x) => x.level3)).toEqual(['APP注册用户数', '编制政策解读数量', '评审会人次', '编制档案材料数量', '科普活动规范性']);
    expect(r.indicators[4]).toMatchObject({ level1: '产出指标', level2: '质量指标', target: '定性按规范执行', actual: '已建立', weight: '7' });
  });
});

describe('142. the rows of the fields and goals without padding, their lines at one pitch (Writer from HTML, no rules, Sichuan form)', () => {
  test('the value lines are cut anew at the named labels\' rows (项目名称, 主管部门, 项目年度目标, 年度目标完成情况), the section label beside them apart', async () => {
    const res = await run(path.join(PAGES, 'writer_html_none_field_rows_stacked_at_pitch_p1.pdf'));
    const r = res.records[0]!;
    expect([r.project_name, r.department, r.implementing_unit]).toEqual(['住房租赁平台运维运行维护', '德阳市旌阳区住房和城乡建设局', '德阳市旌阳区住房和城乡建设局']);
    expect(r.goal_expected).toBe('全年计划按时完成住房租赁平台运维运行维护各项工作，确保确保参与政策宣传20人次以上的班次数=38班次，确保服务承租户人数≥2029人次，确保项目验收合格率≥95%，质量安全检查按期完成率达到≥90%。');
    expect(r.goal_actual).toBe('项目按计划实施，确保参与政策宣传20人次以上的班次数38班次，服务承租户人数2029人次，项目验收合格率为100%，质量安全检查按期完成率为90.62%。');
  });
});

describe('143. two goals\' paragraphs stacked at one pitch, the last line after a short one (Writer from HTML, no rules, Sichuan form)', () => {
  test('each goal keeps its lines; 抽检共开展 10 次，覆盖用户 686 人次。 is one line of the second, not two cells', async () => {
    const res = await run(path.join(PAGES, 'writer_html_none_goals_stacked_last_line_after_short_one.pdf'));
    const r = res.records[0]!;
    expect(r.goal_expected).toMatch(/^通过实施2023年计量器具检定专项经费.*会员满意度达到=100%。\n服务本市经济社会发展大局.*确保参与检定10人次以上。$/s);
    expect(r.goal_actual).toMatch(/^经过全年努力.*取得了较好的社会效益。\n抽检共开展10次，覆盖用户686人次。$/s);
  });
});

describe('144. a goal\'s line cut by the producer\'s space between Han and digits where a column boundary falls (Writer from HTML, no rules, Sichuan form)', () => {
  test('确保参与教学视导 | 100 | 人次以上。 is one line of the goal, under the goal\'s label', async () => {
    const res = await run(path.join(PAGES, 'writer_html_none_goal_line_autospace_at_column_edge_p2-3.pdf'));
    const r = res.records.find((x) => x.project_name === '郫都区民办学校规范管理经费')!;
    expect(r.goal_expected).toMatch(/^通过实施郫都区民办学校规范管理经费.*\n全面落实市委、市政府关于民办学校规范管理的工作要求，加强幼儿园的日常监管，确保参与教学视导100人次以上。$/s);
  });
});

describe('145. a page whose only multi-line cells in line with others are the row the page break cuts (Writer from HTML, no rules, Sichuan form)', () => {
  test('that row, set at the top of its part, casts no vote: the page reads as centred, and the fields and goals stacked at one pitch are cut at their labels', async () => {
    const res = await run(path.join(PAGES, 'writer_html_none_cut_row_at_foot_sets_its_cells_at_top_p1.pdf'));
    const r = res.records[0]!;
    expect([r.project_name, r.department, r.implementing_unit]).toEqual(['2023年互联网医院平台运维专项经费', '德阳市旌阳区卫生健康局', '旌阳区中医医院']);
    expect(r.goal_expected).toMatch(/^1\.完成信息系统的采购与安装调试，监测点数量达到≥3600件；\n2\..*签约居民获得感目标值为定性符合合同约定。$/s);
    expect(r.goal_actual).toMatch(/^1\.已完成信息系统的采购与安装调试，监测点数量3863件；\n2\..*签约居民获得感符合合同约定。$/s);
  });
});

describe('146. a signature line under field rows without padding, its texts in the label columns (Writer from HTML, no rules, Sichuan form)', () => {
  test('项目负责人：曹志刚 财务负责人：高伟英 is a row of its own: the total row keeps its label, each field its text', async () => {
    const res = await run(path.join(PAGES, 'writer_html_none_signature_line_under_stacked_field_rows_p3-4.pdf'));
    const r = res.records.find((x) => x.project_name === '2023年社会体育指导员培训及培训工作经费')!;
    expect([r.total_weight, r.total_score, r.check.status]).toEqual(['100', '99.76', 'ok']);
    expect([r.problems, r.improvements]).toEqual(['会员对项目政策知晓度不高，宣传力度不够。', '加强项目全过程绩效监控，及时纠正偏差；健全项目管理制度，强化资金使用监管。']);
  });
});

describe('147. two goal paragraphs side by side, touching on the lines where both run (Writer from HTML, no rules, national form)', () => {
  test('each line is cut where the second paragraph\'s text begins, seen where the lines beside begin it: each goal keeps its own lines', async () => {
    const res = await run(path.join(PAGES, 'writer_html_none_goal_paragraphs_touching_on_every_line_p1.pdf'));
    const r = res.records.find((x) => x.project_name === '西湖区社区养老服务经费')!;
    expect(r.goal_expected).toBe('全年计划按时完成西湖区社区养老服务经费各项工作，上门服务场次目标值为=49场次，登记窗口合格率目标值为≥85%，确保会员满意度=100%。');
    expect(r.goal_actual).toBe('上门服务场次49场次，登记窗口合格率为85.19%，会员满意度为已完成。');
  });
});

const levels = (x: { level1: string | null; level2: string | null }): string => `${x.level1 ?? ''}/${x.level2 ?? ''}`;

describe('148. a group label\'s two lines each beside a row of one line (Writer from HTML, a frame only, national form)', () => {
  test('社会效益 / 指标 is one label over its four rows, not two labels of a row each: 时效指标 keeps its six rows', async () => {
    const res = await run(path.join(PAGES, 'writer_html_outer_group_label_lines_beside_one_line_rows_p1-2.pdf'));
    const r = res.records.find((x) => x.project_name === '交通运行监测运维经费')!;
    expect(r.indicators.slice(15, 24).map(levels)).toEqual([
      '产出指标/质量指标', ...Array<string>(6).fill('产出指标/时效指标'), '效益指标/社会效益指标', '效益指标/社会效益指标',
    ]);
  });
});

describe('149. a group label read as two labels at a continued page\'s top, the total row at the foot (Writer from .docx, no rules, national form)', () => {
  test('服务 / 对象 / 满意 and 度指 / 标 are one label centred on its five rows; the group ending at the total row is no group the break cuts', async () => {
    const res = await run(path.join(PAGES, 'writer_docx_none_group_label_lines_apart_total_at_foot.pdf'));
    const r = res.records[0]!;
    expect(r.indicators.slice(17, 24).map(levels)).toEqual([
      '效益指标/可持续影响指标', '效益指标/可持续影响指标', ...Array<string>(5).fill('满意度指标/服务对象满意度指标'),
    ]);
    expect(r.check.status).toBe('ok');
  });
});

describe('150. a page with no group label between a group the break cuts and the next page\'s (Chromium, rules between rows, cells set at the top, Sichuan form)', () => {
  test('the page\'s rows go on with 时效指标, whose label stands at the top of its first part; 成本指标 begins at the next page\'s top', async () => {
    const res = await run(path.join(PAGES, 'chromium_horizontal_top_page_without_group_labels_p8-11.pdf'));
    const r = res.records.find((x) => x.project_name === '2023年科技创新券补贴')!;
    expect(r.indicators.slice(11, 22).map(levels)).toEqual([...Array<string>(10).fill('产出指标/时效指标'), '产出指标/成本指标']);
  });
});

describe('151. three cells of a row in one text, each touching the next (Writer from HTML, rules between rows, national form)', () => {
  test('效益指标(30 | 社会效益指 | 政策宣传社会影 is cut where the producer began each text, and 服务对象满 | 用户满意度, set on baselines apart, at the boundary they touch', async () => {
    const res = await run(path.join(PAGES, 'writer_html_horizontal_three_cells_in_one_text_p3-4.pdf'));
    const r = res.records.find((x) => x.project_name === '青山湖区住房租赁平台运维专项')!;
    expect(r.indicators.slice(12, 18).map((x) => `${levels(x)}/${x.level3 ?? ''}`)).toEqual([
      '产出指标/成本指标/住宅小区采购单价', '效益指标/社会效益指标/政策宣传社会影响力', '效益指标/社会效益指标/引导高校毕业生到基层工作人数',
      '效益指标/社会效益指标/居民就业率', '满意度指标/服务对象满意度指标/用户满意度', '满意度指标/服务对象满意度指标/群众满意度',
    ]);
  });
});

describe('152. figures drawn with a space after them, up to the next column\'s text (Writer from HTML, rules between rows, Sichuan form)', () => {
  test('187.18 is the amount executed, 93.59 % the rate: the space is no ink', async () => {
    const res = await run(path.join(PAGES, 'writer_html_horizontal_figure_with_trailing_space_p2-3.pdf'));
    const r = res.records.find((x) => x.project_name === '互联网医院平台运维购买服务')!;
    expect(r.funds.total).toMatchObject({ initial_budget: '200.00', full_year_budget: '200.00', executed: '187.18', execution_rate: '93.59' });
    expect(r.funds.fiscal_appropriation).toMatchObject({ executed: '161.95', execution_rate: '93.02' });
  });
});

describe('153. a level-2 label filling its cell glued to the next cell\'s line (Writer from HTML, a frame only, Sichuan form)', () => {
  test('服务对象满意 | 意率 is cut where the producer began 意率, right on the level-3 column\'s edge: 服务对象满意率 keeps its 意率, its group its label', async () => {
    const res = await run(path.join(PAGES, 'writer_html_outer_level2_label_glued_to_level3_wrap_p1-3.pdf'));
    const r = res.records.find((x) => x.project_name === '商业网点规划经费')!;
    expect(r.indicators.slice(28, 32).map((x) => `${levels(x)}/${x.level3 ?? ''}`)).toEqual([
      '满意度指标/服务对象满意度指标/服务对象满意率', '满意度指标/服务对象满意度指标/用户满意度',
      '满意度指标/服务对象满意度指标/会员满意度', '满意度指标/服务对象满意度指标/企业满意度',
    ]);
  });
});

describe('154. a table\'s header and one row at a page\'s foot, the rest on the next page (Writer from HTML, a frame only, Sichuan form)', () => {
  test('新增专利数 begins the 三级指标 column: 二级指标 is centred in its cell, which cannot reach that far; the next page keeps the boundary', async () => {
    const res = await run(path.join(PAGES, 'writer_html_outer_header_one_row_centred_labels_p2-3.pdf'));
    const r = res.records.find((x) => x.project_name === '科技人才计划补贴')!;
    expect(r.indicators.map((x) => `${levels(x)}/${x.level3 ?? ''}`).slice(0, 5)).toEqual([
      '产出指标/数量指标/新增专利数', '产出指标/数量指标/确保参与技术交流20人次以上的班次数', '产出指标/数量指标/完成评审会次数',
      '产出指标/质量指标/项目验收合格率', '产出指标/质量指标/科研设备质量',
    ]);
    expect([r.total_weight, r.total_score]).toEqual(['100', '100']);
  });
});

describe('155. a level-2 label filling its narrow cell, touching the last character of a wrapped level-3 name on its line (Writer from HTML)', () => {
  test('可持续影响指 | 限 (a frame only): the two texts are a hair apart, so two cells; 数字资源使用年限 is one name, its own row', async () => {
    const res = await run(path.join(PAGES, 'writer_html_outer_level2_touching_one_char_tail_p3-4.pdf'));
    const r = res.records.find((x) => x.project_name === '2022年文物保护修缮及讲座补贴')!;
    expect(r.indicators.slice(13, 17).map((x) => `${levels(x)}/${x.level3 ?? ''}`)).toEqual([
      '效益指标/社会效益指标/读者参与率', '效益指标/社会效益指标/市民办事便利度', '效益指标/可持续影响指标/数字资源使用年限', '效益指标/可持续影响指标/文化配送常态化开展',
    ]);
  });
  test('服务对象满意度 | 度 (no rules): 参加政策宣讲人员满意度 is one name, its own row', async () => {
    const res = await run(path.join(PAGES, 'writer_html_none_level2_touching_one_char_tail_p2-3.pdf'));
    const r = res.records.find((x) => x.project_name === '2022年社区工作者能力建设工作经费')!;
    expect(r.indicators.slice(-4).map((x) => `${x.level2 ?? ''}/${x.level3 ?? ''}`)).toEqual([
      '服务对象满意度指标/会员满意度', '服务对象满意度指标/参加政策宣讲人员满意度', '服务对象满意度指标/用户满意度', '服务对象满意度指标/参加上门服务人员满意度',
    ]);
  });
});

describe('156. the total row\'s label centred over several columns, reaching into a date target centred in its own (Writer from HTML, a frame only, Shanghai form)', () => {
  test('合计 does not move the 三级指标 boundary past the target\'s start: 2023 年 6 月 30 日前完成验收 stays whole', async () => {
    const res = await run(path.join(PAGES, 'writer_html_outer_total_label_over_date_target_p1.pdf'));
    const r = res.records.find((x) => x.project_name === '市级既有多层住宅加装电梯运行维护')!;
    expect(r.indicators.slice(1, 3).map((x) => [x.level3, x.target])).toEqual([
      ['现场巡查完成率', '≥85(%)'], ['在建工程交付时间', '2023年6月30日前完成验收'],
    ]);
  });
});

describe('157. a level-3 name whose line ends in figures after a space, an em and more before the target (Writer from HTML, no rules, national form)', () => {
  test('确保参与成果路演 30 人次 keeps its figures: a line of a cell has no white an em wide, =8 班次 is the next cell', async () => {
    const res = await run(path.join(PAGES, 'writer_html_none_name_autospace_before_figures_p3-4.pdf'));
    const r = res.records.find((x) => x.project_name === '2022年AI算力平台建设运行维护')!;
    expect([r.indicators[1]!.level3, r.indicators[1]!.target]).toEqual(['确保参与成果路演30人次以上的班次数', '=8班次']);
  });
});

describe('158. a rate a narrow cell wrapped over three lines (Chromium, no rules, national form)', () => {
  test('10 / 0 / % is 100 %, the rows\' score 10', async () => {
    const res = await run(path.join(PAGES, 'chromium_none_rate_wrapped_three_lines_p2-3.pdf'));
    const r = res.records.find((x) => x.project_name === '金水区生态环境执法专项经费')!;
    expect([r.funds.total?.execution_rate, r.funds.total?.score, r.funds.fiscal_appropriation?.execution_rate]).toEqual(['100', '10', '100']);
    expect(r.check.status).toBe('ok');
  });
});

describe('159. a group label centred on three rows much taller than their texts (Calc, a frame only, Sichuan form)', () => {
  test('社会效益指标 is centred on 户籍人口服务覆盖率 … 考生获得感, as the rows\' middles tell where their edges are', async () => {
    const res = await run(path.join(PAGES, 'calc_outer_group_of_three_rows_tall_rows_p1-4.pdf'));
    const r = res.records.find((x) => x.project_name === '彭州市校园安全管理建设项目')!;
    expect(r.indicators.slice(-4).map((x) => `${levels(x)}/${x.level3 ?? ''}`)).toEqual([
      '效益指标/社会效益指标/户籍人口服务覆盖率', '效益指标/社会效益指标/受助学生参与率', '效益指标/社会效益指标/考生获得感', '满意度指标/服务对象满意度指标/家长满意度',
    ]);
  });
});

describe('160. the last character of a row\'s name carried under the header the next page repeats (Writer from HTML, no rules, Shanghai form)', () => {
  test('三级指标 | 率 is the header, dropped, and 率 the end of 问题整改到位率', async () => {
    const res = await run(path.join(PAGES, 'writer_html_none_cut_row_rest_under_repeated_header_p2-3.pdf'));
    const r = res.records.find((x) => x.project_name === '2023年社会保险经办服务经费')!;
    expect(r.indicators.slice(0, 3).map((x) => x.level3)).toEqual(['检查用人单位户数', '问题整改到位率', '鉴定题库合格率']);
    expect([...r.issues, ...r.repairs].some((d) => d.code === 'repeated_header' && d.message.includes('(率)'))).toBe(true);
  });
});

describe('161. a level-2 label filling its cell in one text with the level-3 name\'s first line, the line\'s last text (Writer from HTML, rules between rows, Shanghai form)', () => {
  test('社会效益指标 | 申请人就 is cut where the name the form gives the group ends, on the column\'s own edge', async () => {
    const res = await run(path.join(PAGES, 'writer_html_horizontal_level2_glued_one_item_p1-2.pdf'));
    const r = res.records.find((x) => x.project_name === '2023年度社区警务购买服务')!;
    expect(r.indicators.slice(5, 7).map((x) => `${levels(x)}/${x.level3 ?? ''}`)).toEqual(['效益指标/社会效益指标/申请人就业率', '效益指标/社会效益指标/户籍人口就业率']);
  });
});

describe('162. a level-1 label with its points touching the first line of the level-2 label beside it (Calc, no rules, national form)', () => {
  test('满意度指标(10分) | 服务对象满 is cut at the space after the name: 服务对象满意度指标 heads its four rows', async () => {
    const res = await run(path.join(PAGES, 'calc_none_level1_label_touching_level2_line_p4-5.pdf'));
    const r = res.records.find((x) => x.project_name === '2023年商业网点规划及展会专项经费')!;
    expect(r.indicators.slice(-5).map((x) => `${levels(x)}/${x.level3 ?? ''}`)).toEqual([
      '效益指标/社会效益指标/调研走访社会影响力', '满意度指标/服务对象满意度指标/参加业务培训人员满意度', '满意度指标/服务对象满意度指标/参加调研走访人员满意度',
      '满意度指标/服务对象满意度指标/会员满意度', '满意度指标/服务对象满意度指标/群众满意度',
    ]);
  });
});

describe('163. the total row\'s weight and score each wrapped by a narrow cell, their rests on lines of their own (Chromium, a frame only)', () => {
  test('10 / 0 beside 8 / 8 are 100 and 88: a line of nothing but such digits is no row', async () => {
    const res = await run(path.join(PAGES, 'chromium_outer_total_figures_wrapped_together_p1-2.pdf'));
    const r = res.records.find((x) => x.project_name === 'AI算力平台建设专项')!;
    expect([r.total_weight, r.total_score]).toEqual(['100', '88']);
    expect(r.check.status).toBe('ok');
  });
  test('10 / 0.0 / 0 beside 9 / 4. / 03 (three lines each) are 100.00 and 94.03', async () => {
    const res = await run(path.join(PAGES, 'chromium_outer_total_figures_wrapped_three_lines_p8-11.pdf'));
    const r = res.records.find((x) => x.project_name === '徐汇区观众AI算力平台建设购买服务')!;
    expect([r.total_weight, r.total_score]).toEqual(['100.00', '94.03']);
    expect(r.check.status).toBe('ok');
  });
});

describe('164. a conclusion row\'s text that begins with the words of a label (Chromium, a frame only, Sichuan form)', () => {
  test('项目资金支付进度较慢，预算执行率有待提高。 is 存在问题\'s text whole: 项目资金 there begins a sentence, no label', async () => {
    const res = await run(path.join(PAGES, 'chromium_outer_problems_beginning_with_a_label.pdf'));
    const r = res.records.find((x) => x.project_name === '郫都区交通安全宣传补贴')!;
    expect(r.problems).toBe('项目资金支付进度较慢，预算执行率有待提高。');
  });
});

describe('165. a 原因 cell merged down the fund rows, its lines beside the rows below 总额 (Sichuan form)', () => {
  test('Writer from .docx, no rules: the lines beside 其中：财政资金 … 其他资金 are the rest of 总额\'s 原因', async () => {
    const res = await run(path.join(PAGES, 'writer_docx_none_fund_reason_merged_down_p1.pdf'));
    const r = res.records.find((x) => x.project_name === '公共体育场馆运维及体质监测工作经费')!;
    expect(r.funds.total?.deviation_reason).toBe('因政策调整，部分工作内容取消，造成实际完成值低于目标值，将加强与相关部门的沟通协调，确保按期完成。');
  });
  test('Calc, a frame only: a short 原因 centred in the merged cell, wholly below the 总额 row, is still 总额\'s', async () => {
    const res = await run(path.join(PAGES, 'calc_outer_fund_reason_merged_down_p1.pdf'));
    const r = res.records.find((x) => x.project_name === '双流区传染病监测预警专项经费')!;
    expect(r.funds.total?.deviation_reason).toBe('系统上线时间较计划推迟，致使满意度略低于预期，拟通过APP和公众号加大宣传力度，提高知晓率。');
  });
});

describe('166. one-line level-2 labels of two-row groups, each filling the white between its rows (Calc, no rules, Shanghai form)', () => {
  test('质量指标 and 时效指标 head two rows each: the level-2 column is a label column though no label overlaps a row', async () => {
    const res = await run(path.join(PAGES, 'calc_none_level2_labels_between_rows.pdf'));
    const r = res.records.find((x) => x.project_name === '2023年度户籍管理信息系统运维（二期）补贴')!;
    expect(r.indicators.slice(0, 5).map((x) => `${levels(x)}/${x.level3 ?? ''}`)).toEqual([
      '产出指标/数量指标/完成核查次数', '产出指标/质量指标/驾驶员信息录入差错率', '产出指标/质量指标/系统可用率',
      '产出指标/时效指标/问题响应时间', '产出指标/时效指标/项目完成时间',
    ]);
  });
});

describe('167. the 项目实施内容及过程概述 label wrapped over two lines, its text one line longer (Chromium, no rules, Sichuan form)', () => {
  test('成。 beside 及过程概述, after the label\'s last line, is the end of the summary', async () => {
    const res = await run(path.join(PAGES, 'chromium_none_summary_running_past_its_label_p1-2.pdf'));
    const r = res.records.find((x) => x.project_name === '节能降耗专项购买服务')!;
    expect(r.implementation_summary).toBe('根据年初计划，项目分三个阶段实施：前期调研、组织实施和总结验收，各阶段任务均按期完成。');
  });
});

describe('168. group labels centred on their groups in a section whose cells sit at the top (Writer from HTML, a frame only, Sichuan form)', () => {
  test('数量指标 heads one row and 质量指标 three: the column\'s labels are placed all one way, as 时效指标 between its two rows shows', async () => {
    const res = await run(path.join(PAGES, 'writer_html_outer_group_labels_all_centred.pdf'));
    const r = res.records[0]!;
    expect(r.indicators.slice(0, 6).map((x) => x.level2)).toEqual(['数量指标', '质量指标', '质量指标', '质量指标', '时效指标', '时效指标']);
  });
});

describe('169. tables that follow one another with no rule between, the signature line under one on the row of the next one\'s title (Writer from HTML, all rules, Sichuan form)', () => {
  test('项目负责人：… | 部门预算项目支出绩效自评表(2023年度) is a title row: each table has its year', async () => {
    const res = await run(path.join(PAGES, 'writer_html_all_title_beside_signature.pdf'));
    expect(res.records.map((r) => [r.project_name, r.year])).toEqual([
      ['金堂县金堂县出租汽车行业服务质量考核补贴', '2023'], ['停车信息平台运维工作经费', '2023'], ['2023年既有多层住宅加装电梯运维经费', '2023'],
    ]);
  });
});

describe('170. the 实施单位（盖章） label centred between the two lines of its value, all read into one cell (Calc, a frame only, Sichuan form)', () => {
  test('彭州市生态环境保护综合行政执法大 + 实施单位（盖章） + 队: the label\'s value is the text around it', async () => {
    const res = await run(path.join(PAGES, 'calc_outer_unit_label_between_value_lines_p2-3.pdf'));
    const r = res.records.find((x) => x.project_name === '2023年环境信息公开专项')!;
    expect([r.department, r.implementing_unit]).toEqual(['彭州市生态环境局', '彭州市生态环境保护综合行政执法大队']);
  });
});

describe('171. the next table\'s title read into one text with the signature line under the table before (Calc, all rules, tables in one flow, Sichuan form)', () => {
  test('项目负责人：…财务负责人：…部门预算项目支出绩效自评表（2023年度）… opens a table with its title and year', async () => {
    const res = await run(path.join(PAGES, 'calc_all_title_run_into_signature.pdf'));
    const r = res.records.find((x) => x.project_name === '动物疫病防控工作经费')!;
    expect([r.title, r.year]).toEqual(['部门预算项目支出绩效自评表（2023年度）', '2023']);
  });
});

describe('172. a note in the 原因 column beginning right under the funds header (Writer from HTML, no rules, Sichuan form)', () => {
  test('偏差原 under the whole label 原因 is no wrapped piece of it: the 总额 row\'s 原因 is read whole', async () => {
    const res = await run(path.join(PAGES, 'writer_html_none_reason_first_line_under_header.pdf'));
    const r = res.records[0]!;
    expect(r.funds.total?.deviation_reason).toBe('偏差原因：因供应商交付延迟，影响了整体实施进度，将建立定期调度机制，及时跟踪项目进展。改进措施：拟通过APP和公众号加大宣传力度，提高知晓率。');
  });
});

describe('173. a group label under the last row of a page, centred on a merged cell the break cuts (Calc, a frame only, Shanghai form)', () => {
  test('质量指标 at the page\'s foot heads the rows after 数量指标\'s three, not the last row alone', async () => {
    const res = await run(path.join(PAGES, 'calc_outer_group_label_at_page_foot_p4-5.pdf'));
    const r = res.records.find((x) => x.project_name === '互联网医院平台运维专项')!;
    expect(r.indicators.slice(0, 6).map((x) => x.level2)).toEqual(['数量指标', '数量指标', '数量指标', '质量指标', '质量指标', '质量指标']);
  });
});

describe('174. one-line rows set at the line pitch, their figures one under another (Writer from HTML, a frame only, national form)', () => {
  test('83.4% over 100% is no number cut in two (it would show four decimals): three rows, not one', async () => {
    const res = await run(path.join(PAGES, 'writer_html_outer_rows_at_line_pitch_p1-3.pdf'));
    const r = res.records.find((x) => x.project_name === '水文站网运行经费')!;
    expect(r.indicators.slice(19, 22).map((x) => [x.level3, x.actual, x.weight, x.score])).toEqual([
      ['档案材料准确率', '83.4%', '2', '0.9'], ['河道归档完整率', '100%', '2', '2'], ['供水企业参与率', '87%', '4', '4'],
    ]);
  });
});

describe('175. the first row of a page that goes on with a ruled table, its left edges undrawn (Writer from .docx, all rules)', () => {
  test('群众投诉下降率 is read in its row, not as text outside the table', async () => {
    const res = await run(path.join(PAGES, 'writer_docx_all_continued_row_edges_undrawn_p1-2.pdf'));
    const r = res.records.find((x) => x.project_name === '高考考务组织补贴')!;
    const row = r.indicators.find((x) => x.actual === '96.94(%)');
    expect([row?.level3, row?.target, row?.weight, row?.score]).toEqual(['群众投诉下降率', '≥90.00(%)', '11.00', '11.00']);
  });
});

describe('176. rules between rows, the signature line under the table reaching left of them (Writer from .docx, rules between rows only, Sichuan form)', () => {
  test('评价结论, 存在问题 and 改进措施 are rows of their own, not one cell the rules do not cross', async () => {
    const res = await run(path.join(PAGES, 'writer_docx_horizontal_signature_left_of_rules_p1-3.pdf'));
    const r = res.records.find((x) => x.project_name === '蒲江县民办学校规范管理运维经费')!;
    expect([r.problems, r.improvements, r.grade]).toEqual(['教师对项目政策知晓度不高，宣传力度不够；项目资金支付进度较慢，预算执行率有待提高。', '加快项目实施和资金支付进度，提高预算执行率。', '优']);
  });
});

describe('177. a row a page break cuts after a figure\'s point, the rest of the level-1 label beside its digits (Writer from .docx, all rules)', () => {
  test('20. over 00 on the next page, beside 标 of 产出指 / 标: the row keeps its columns and its score is whole', async () => {
    const res = await run(path.join(PAGES, 'writer_docx_all_score_cut_at_point_beside_label_rest_p2-3.pdf'));
    const r = res.records.find((x) => x.project_name === '重点劳动保障监察执法补贴')!;
    const row = r.indicators[1]!;
    expect([row.level1, row.level3, row.target, row.actual, row.weight, row.score]).toEqual(['产出指标', '检查培训机构户数', '330户', '378', '20.00', '20.00']);
  });
});

describe('178. a group label centred on a whole merged cell the page break cuts, where it also fits rows of its own (Calc, no rules, Sichuan form)', () => {
  test('质量指标 heads the last four rows of page 1 and the two it goes on with on page 2; 时效指标 then begins after them', async () => {
    const res = await run(path.join(PAGES, 'calc_none_group_cut_label_at_whole_cell_middle.pdf'));
    const r = res.records[0]!;
    expect(r.indicators.slice(4, 16).map((x) => x.level2)).toEqual([
      '数量指标', '质量指标', '质量指标', '质量指标', '质量指标', '质量指标', '质量指标', '时效指标', '时效指标', '时效指标', '时效指标', '经济效益指标',
    ]);
  });
});

describe('179. two figures glued in one run, printed with unlike decimals (Writer from HTML, no rules, Sichuan form)', () => {
  test('70.0 | 67.296.00% is 67.2 | 96.00% (the row\'s amounts print one decimal), not 67.29 | 6.00%: no false rate flag', async () => {
    const res = await run(path.join(PAGES, 'writer_html_none_glued_figures_unlike_decimals_p6-7.pdf'));
    const r = res.records.find((x) => x.funds.total?.initial_budget === '61.8')!;
    const t = r.funds.total!, f = r.funds.fiscal_appropriation!;
    expect([t.executed, t.execution_rate, f.executed, f.execution_rate]).toEqual(['67.2', '96.00', '67.2', '96.00']);
    expect(r.issues.map((d) => d.code)).not.toContain('rate_mismatch');
  });
});

describe('180. a value filling its cell up to a wrapped label beside it, with no gap a column shows (Calc, a frame only, Sichuan form)', () => {
  test('德阳市旌阳区经济和信息化 | 实施单位（盖章 over a centred ）| 旌阳区大数据中心: the first line of the label begins a cell', async () => {
    const res = await run(path.join(PAGES, 'calc_outer_value_glued_to_wrapped_unit_label_p2-4.pdf'));
    const r = res.records.find((x) => x.project_name === '5G网络建设推进及政策培训运维经费')!;
    expect([r.department, r.implementing_unit]).toEqual(['德阳市旌阳区经济和信息化局', '旌阳区大数据中心']);
  });
});

describe('181. the rest of a level name a page break cut, read into one grid cell with the 三级指标 beside it (Writer from .docx, all rules, Sichuan form)', () => {
  test('服务对象满 at page 2\'s foot, 意度指标 | 群众满意度 in one cell at page 3\'s top: the 三级指标 is 群众满意度', async () => {
    const res = await run(path.join(PAGES, 'writer_docx_all_level_name_rest_beside_level3_p1-3.pdf'));
    const r = res.records.find((x) => x.project_name === '阆中市学前教育保教质量提升工作经费')!;
    expect(r.indicators.slice(-2).map((x) => [x.level2, x.level3, x.actual])).toEqual([['服务对象满意度指标', '会员满意度', '95%'], ['服务对象满意度指标', '群众满意度', '99%']]);
  });
});

describe('182. the rest of a level name a page break cut, a line under the 三级指标 it shares a grid cell with (Writer from .docx, all rules)', () => {
  test('效益 at page 2\'s foot, 执法检查社会影响力 over 指标 at page 3\'s top: the 三级指标 is 执法检查社会影响力', async () => {
    const res = await run(path.join(PAGES, 'writer_docx_all_level_name_rest_under_level3_p2-3.pdf'));
    const r = res.records.find((x) => x.project_name === '企业土壤污染状况调查专项')!;
    const row = r.indicators.find((x) => x.actual === '全年稳定运行');
    expect([row?.level1, row?.level2, row?.level3, row?.weight]).toEqual(['效益指标', '社会效益指标', '执法检查社会影响力', '1']);
  });
});

describe('183. group labels centred on two or four rows taller than their texts (Writer from .docx, no rules, national form)', () => {
  test('时效指标 heads its four rows and 社会效益指标 its two: every level name as printed', async () => {
    const res = await run(path.join(PAGES, 'writer_docx_none_even_group_rows_taller_than_text_p1-2.pdf'));
    const r = res.records.find((x) => x.project_name === '岳麓区辐射环境监测专项')!;
    expect(r.indicators.map((x) => x.level2)).toEqual([
      '数量指标', '数量指标', '数量指标', '数量指标', '数量指标', '时效指标', '时效指标', '时效指标', '时效指标', '成本指标', '社会效益指标', '社会效益指标', '服务对象满意度指标',
    ]);
  });
});

describe('184. a page number in words printed less than a line under the table\'s last text (Writer from HTML, no rules, Sichuan form)', () => {
  test('第1页 is page furniture, not the 度量单位 and 完成值 of the row above it', async () => {
    const res = await run(path.join(PAGES, 'writer_html_none_page_number_under_table.pdf'));
    const r = res.records[0]!;
    const row = r.indicators.find((x) => x.level3 === '项目完成时间');
    expect([row?.target, row?.actual, row?.target_unit]).toEqual(['定性2023年12月31日前完成', '2023年12月完成', null]);
  });
});

describe('185. a total score whose last digit a page break carried to the next page\'s top (Writer from .docx)', () => {
  test('rules between rows only, Sichuan form: 99.4 over 4 beside the signature line is 99.44, as the scores add up; no false total flag', async () => {
    const res = await run(path.join(PAGES, 'writer_docx_horizontal_total_digit_on_next_page_p2-3.pdf'));
    const r = res.records.find((x) => x.project_name === '交通执法装备更新工作经费')!;
    expect(r.total_score).toBe('99.44');
    expect(r.issues.map((d) => d.code)).not.toContain('total_mismatch');
  });
  test('all rules, Shanghai form: 89.9 over 7 in a row of its own on the next page is 89.97', async () => {
    const res = await run(path.join(PAGES, 'writer_docx_all_total_digit_on_next_page_p3-4.pdf'));
    const r = res.records.find((x) => x.project_name === '公交线网优化和信息平台管理项目')!;
    expect(r.total_score).toBe('89.97');
    expect(r.issues.map((d) => d.code)).not.toContain('total_mismatch');
  });
});

describe('186. a space narrower than any glyph between two cells\' texts that touch (Writer from HTML, a frame only, national form)', () => {
  test('经济效益指标 信息平台利用率: the 三级指标 column begins where its texts begin, every 二级 and 三级 name in its own column', async () => {
    const res = await run(path.join(PAGES, 'writer_html_outer_space_narrower_than_glyph.pdf'));
    const r = res.records.find((x) => x.project_name === '2022年网约车平台监管及安全检查项目')!;
    expect(r.indicators.map((x) => [x.level2, x.level3])).toEqual([
      ['数量指标', '编制评估报告数量'], ['质量指标', '停车泊位合格率'], ['时效指标', '项目完成时间'], ['时效指标', '资金拨付及时率'],
      ['经济效益指标', '信息平台利用率'], ['社会效益指标', '出租车司机办事便利度'], ['社会效益指标', '户籍人口服务覆盖率'],
      ['可持续影响指标', '制度建设完善程度'], ['可持续影响指标', '系统持续运行'], ['服务对象满意度指标', '群众满意度'],
    ]);
  });
});

describe('187. labels wrapped in narrow cells whose values touch them (Writer from HTML, no rules, Sichuan form)', () => {
  const file = path.join(PAGES, 'writer_html_none_wrapped_labels_touching_values_p1-2.pdf');
  test('年度预算数(万 over 元), with ASCII brackets, heads the fund rows\' labels: each figure in its column', async () => {
    const res = await run(file);
    const f = res.records[0]!.funds;
    expect([f.total.initial_budget, f.total.full_year_budget, f.total.executed, f.total.execution_rate, f.total.weight, f.total.score]).toEqual(['2516.0', '3035.8', '2962.2', '97.58', '10', '9.76']);
    expect([f.fiscal_special_account?.initial_budget, f.fiscal_special_account?.executed]).toEqual(['774.9', '867.8']);
  });
  test('年度目标完成情 over 况, the goal touching the label\'s first line: the goal is read whole', async () => {
    const res = await run(file);
    expect(res.records[0]!.goal_actual).toBe('劳动保障执法检查按期完成率90.34%，技能竞赛成本430.13万元，引导高校毕业生到基层工作人数3929人。');
  });
});

describe('188. a full-width bracket\'s advance reaching past the start of the value beside it (Chromium, rules between rows only, Sichuan form)', () => {
  test('实施单位（盖章） ends a point into 西昌市市场监管综合行政执法大队: the label is a cell of its own, the value the implementing unit', async () => {
    const res = await run(path.join(PAGES, 'chromium_horizontal_unit_label_bracket_over_value_p1-2.pdf'));
    expect(res.records.map((x) => x.implementing_unit)).toEqual(['西昌市市场监管综合行政执法大队', '江油市生产力促进中心']);
  });
});

describe('189. a total\'s last digit alone on the document\'s last page, in a ruled row (Writer from .docx, rules between rows only, national form)', () => {
  test('98.7 over a lone 9 at page 3\'s top: the 9 is no page number, the total is 98.79 as the scores add up; no false total flag', async () => {
    const res = await run(path.join(PAGES, 'writer_docx_horizontal_total_digit_alone_on_last_page_p2-3.pdf'));
    const r = res.records.find((x) => x.project_name === '2022年家庭医生签约服务建设项目')!;
    expect(r.total_score).toBe('98.79');
    expect(r.issues.map((d) => d.code)).not.toContain('total_mismatch');
  });
});

describe('190. a borderless table whose first indicator group a page break cuts (Chromium, no rules, landscape, Shanghai form)', () => {
  const file = path.join(PAGES, 'chromium_none_cut_group_labels_at_top_grade_row_p1-3.pdf');
  test('产出指标 | 数量指标 printed on the first line of a five-line 实际完成值, the row\'s figures on its third: one row', async () => {
    const res = await run(file);
    const r = res.records[0]!;
    expect(r.indicators[0]).toMatchObject({ level1: '产出指标', level2: '数量指标', level3: '检查文化场馆户数', target: '≥16(户)', actual: '部分达成指标并具有一定效果', weight: '7.00', score: '3.66' });
    expect(r.indicators).toHaveLength(12);
  });
  test('评分等级 … 良 under the 合计 row on the last page, whose columns the page before read as labels: a row of its own', async () => {
    const res = await run(file);
    const r = res.records[0]!;
    expect([r.total_score, r.grade]).toEqual(['83.23', '良']);
    expect(r.issues.map((d) => d.code)).toEqual([]);
  });
});

describe('191. the row a page break cuts, its 三级指标 stacked at one pitch with the rows\' above (Writer from HTML, no rules, landscape, Shanghai form)', () => {
  test('确保参 / … / 班次数 centred on its figures, APP 注 / 册用户 / 数 at the top of the cut row\'s part: each name with its row', async () => {
    const res = await run(path.join(PAGES, 'writer_html_none_cut_row_names_at_one_pitch_p3-4.pdf'));
    const r = res.records.find((x) => x.project_name === '环境信息公开专项')!;
    expect(r.indicators.slice(0, 3).map((x) => [x.level3, x.target, x.weight])).toEqual([
      ['完成监测次数', '约7次', '8.00'], ['确保参与监测100人次以上的班次数', '≥4班次', '4.00'], ['APP注册用户数', '4244人', '10.00'],
    ]);
  });
});

describe('192. a number in a wrapped name that ends its line close to the next column (Writer from HTML, a frame only, landscape, Sichuan form)', () => {
  test('确保参与技能竞赛 100 over 人次以上的班次数: the 100 is the name\'s, not the 指标性质\'s', async () => {
    const res = await run(path.join(PAGES, 'writer_html_outer_number_after_name_near_next_column.pdf'));
    const r = res.records.find((x) => x.project_name === '顺庆区退休人员社会化管理补贴')!;
    expect([r.indicators[0]?.level3, r.indicators[0]?.target]).toEqual(['确保参与技能竞赛100人次以上的班次数', '=44班次']);
  });
});

describe('193. an amount and the rate beside it drawn as one run of glyphs (Writer from HTML, no rules, landscape, Sichuan form)', () => {
  test('247896.23% cut at the column edge as 247 | 896.23%: read as 2478 | 96.23%, the cut whose rate the amounts give; no false flag', async () => {
    const res = await run(path.join(PAGES, 'writer_html_none_amount_and_rate_one_run_p6-9.pdf'));
    const r = res.records.find((x) => x.project_name === '阆中市卫生监督执法运维经费')!;
    expect([r.funds.total.executed, r.funds.total.execution_rate, r.funds.fiscal_appropriation?.executed, r.funds.fiscal_appropriation?.execution_rate]).toEqual(['2478', '96.23', '1922', '97.27']);
    expect(r.issues.map((d) => d.code)).toEqual([]);
  });
});

describe('194. a total wrapped onto three lines, two of them on the next page (Writer from .docx, a frame only, Shanghai form)', () => {
  test('99 at page 6\'s foot, .2 and 3 under its cell at page 7\'s top: the total is 99.23, as the scores add up; no false total flag', async () => {
    const res = await run(path.join(PAGES, 'writer_docx_outer_total_three_lines_over_page_break_p4-7.pdf'));
    const r = res.records.find((x) => x.project_name === '受助人员居家养老服务补贴补贴')!;
    expect(r.total_score).toBe('99.23');
    expect(r.issues.map((d) => d.code)).not.toContain('total_mismatch');
  });
});

describe('195. a cell label wrapped right above the fund header, beside the goal\'s text (Chromium, no rules, Sichuan form)', () => {
  test('成情况 of 年度目标完 / 成情况 is no header label: the fund columns keep their places, no false flag', async () => {
    const res = await run(path.join(PAGES, 'chromium_none_goal_label_wrapped_over_fund_header.pdf'));
    const r = res.records.find((x) => x.project_name === '社区工作者流浪乞讨人员救助项目')!;
    expect(r.funds.total).toMatchObject({ initial_budget: '543.86', full_year_budget: '673.89', executed: '673.89', execution_rate: '100.00', weight: '10', score: '10' });
    expect(r.funds.fiscal_appropriation).toMatchObject({ initial_budget: '543.86', executed: '673.89', execution_rate: '100.00' });
    expect(r.issues.map((d) => d.code)).not.toContain('rate_mismatch');
  });
});

describe('196. the indicator header row cut by a page break (Writer from HTML, all rules, landscape, national form)', () => {
  test('年度指 | 偏差原因分析及 over 标值 | 改进措施: the national template, the reasons in their column, no false flag', async () => {
    const res = await run(path.join(PAGES, 'writer_html_all_indicator_header_cut_by_page_break_p6-7.pdf'));
    const r = res.records.find((x) => x.project_name === '绿色农产品认证及田间指导购买服务')!;
    expect(r.template).toBe('national');
    expect(r.indicators.map((i) => i.level3)).toEqual(['疫病监测场次', '制度建设完善程度', '用户满意度']);
    expect(r.indicators[1]!.deviation_reason).toMatch(/^偏差原因：会员单位参与积极性不高/);
    expect(r.indicators[2]!.deviation_reason).toMatch(/^因人员变动/);
    expect(r.issues.map((d) => d.code)).not.toContain('rate_mismatch');
  });
});

describe('197. three cells of a row drawn as one text over two column edges (Writer from HTML, rules between rows only, national form)', () => {
  test('效益指标(30 分)可持续影响指标系统持续运行 is cut where a character edge falls on the 三级指标 column\'s left edge', async () => {
    const res = await run(path.join(PAGES, 'writer_html_horizontal_three_cells_one_text_p1.pdf'));
    const r = res.records.find((x) => x.project_name === '鼓楼区AI算力平台建设及成果路演建设项目')!;
    expect(r.indicators[3]).toMatchObject({ level1: '效益指标', level2: '可持续影响指标', level3: '系统持续运行', target: '形成长效机制', weight: '30', score: '30' });
    expect(r.indicators).toHaveLength(5);
  });
});

describe('198. a signature line under the table whose colon\'s edge falls on a column\'s left edge (Writer from HTML, no rules, Sichuan form)', () => {
  test('项目负责人：林宇丽 is not cut at the colon: 改进措施 keeps its own text', async () => {
    const res = await run(path.join(PAGES, 'writer_html_none_signature_colon_on_column_edge_p2-4.pdf'));
    const r = res.records.find((x) => x.project_name === '旌阳区供水水质监测建设项目')!;
    expect(r.improvements).toBe('加快项目实施和资金支付进度，提高预算执行率；进一步加强绩效目标管理，科学合理设置绩效指标。');
  });
});

describe('199. group labels wrapped onto lines 1.7 em apart, centred on their group (Writer from .docx, no rules, landscape, national form)', () => {
  test('满意度指标(10 over 分) is one label over the four satisfaction rows, not two labels of the last three', async () => {
    const res = await run(path.join(PAGES, 'writer_docx_none_label_lines_far_apart_p3-5.pdf'));
    const r = res.records.find((x) => x.project_name === '河西区文旅市场执法建设项目')!;
    const level2 = (name: string): string | null | undefined => r.indicators.find((i) => i.level3 === name)?.level2;
    expect(level2('演出场次合格率')).toBe('质量指标');
    expect(level2('读者就业率')).toBe('社会效益指标');
    expect(level2('群众投诉下降率')).toBe('社会效益指标');
    expect(['服务对象满意率', '群众满意度', '参加文化配送人员满意度', '用户满意度'].map(level2)).toEqual(Array(4).fill('服务对象满意度指标'));
  });
});

describe('200. two goal paragraphs glued far from the boundary their centred labels give (Writer from HTML, no rules, landscape, national form)', () => {
  test('…确保 | 全年已按计划… is cut where Writer began the second text, right where the line under it begins one', async () => {
    const res = await run(path.join(PAGES, 'writer_html_none_goals_glued_far_from_boundary_p1.pdf'));
    const r = res.records.find((x) => x.project_name === '2023年电子商务发展专项')!;
    expect(r.goal_expected).toBe('全年计划按时完成2023年电子商务发展专项各项工作，确保编制工作方案数量≥2846份，确保展会预算执行率=100%。');
    expect(r.goal_actual).toBe('全年已按计划完成各项工作，编制工作方案数量2846份，展会预算执行率已完成。');
  });
});

describe('201. a piece of a wrapped header label at each page\'s top, where a running header would be (LibreOffice Calc, a frame only, landscape, Sichuan form)', () => {
  test('单位 of 度量 / 单位, beside the header repeated at the top of pages 2 and 5, is no running header: 指标值 and 度量单位 stay two columns', async () => {
    const res = await run(path.join(PAGES, 'calc_outer_header_label_piece_repeated_at_page_tops_p2_p4-5.pdf'));
    const r = res.records.find((x) => x.project_name === '邛崃市大气污染防治项目')!;
    expect(r.indicators.slice(0, 3).map((i) => [i.target, i.actual, i.target_value, i.target_unit])).toEqual([['≥7班次', '7班次', '7', '班次'], ['≥63个', '63个', '63', '个'], ['≥90%', '100%', '90', '%']]);
  });
});

describe('202. cells of two lines beside cells of one centred half a line off, a figure cut among them (Chromium, a frame only, Sichuan form)', () => {
  test('问题整改到位 / 率 and 10 / 0 beside ≥ | 100 | % | 4 | 4 are one row: 100 complete, the weight and score beside it', async () => {
    const res = await run(path.join(PAGES, 'chromium_outer_cut_figures_centred_half_a_line_off_p1-2.pdf'));
    const r = res.records.find((x) => x.project_name === '2023年婚姻登记服务运行维护')!;
    expect(r.indicators.slice(1, 4).map((i) => [i.level3, i.target, i.actual, i.weight, i.score])).toEqual([
      ['救助档案数量', '≥20个', '21个', '13', '13'],
      ['问题整改到位率', '≥100%', '100%', '4', '4'],
      ['养老床位归档完整率', '≥98%', '100%', '7', '7'],
    ]);
  });
});

describe('203. a rate wrapped onto three lines, its last beside the fund block\'s side label (LibreOffice Calc, a frame only, national form)', () => {
  test('99. / 60 / % is 99.60%: the side label 项目资金(元) on the line of % does not end the cell; no false flag', async () => {
    const res = await run(path.join(PAGES, 'calc_outer_rate_three_lines_beside_side_label.pdf'));
    const r = res.records[0]!;
    expect(r.funds.total.execution_rate).toBe('99.60');
    expect(r.issues.map((d) => d.code)).not.toContain('rate_mismatch');
  });
});

describe('204. the last digits of a total alone at the top of the last page, whose foot has its page number (Chromium, no rules, national form)', () => {
  test('87. at page 3\'s foot and 49 at page 4\'s top are 87.49, the page numbers being -2-, -3-, -4- at the feet; no false flag', async () => {
    const res = await run(path.join(PAGES, 'chromium_none_total_digits_alone_on_last_page_p2-4.pdf'));
    const r = res.records.find((x) => x.project_name === '环境质量监测工作经费')!;
    expect(r.total_score).toBe('87.49');
    expect(r.issues.map((d) => d.code)).not.toContain('missing_total_score');
  });
});

describe('205. amounts cut over three lines, centred beside each other on their row (Chromium, no rules, Shanghai form)', () => {
  test('43 / 5.4 / 3 is 435.43 and 9 / 8. / 88 is 98.88, on 年度资金总额\'s row, as 34 / 5.5 / 8 and 10 / 0. / 00 on 当年财政拨款\'s; no false flag', async () => {
    const res = await run(path.join(PAGES, 'chromium_none_amounts_cut_over_three_lines_p1-3.pdf'));
    const r = res.records[0]!;
    const { total, fiscal_appropriation: fiscal } = r.funds;
    expect([total.initial_budget, total.full_year_budget, total.executed, total.execution_rate, total.score]).toEqual(['435.43', '435.43', '430.58', '98.88', '9.88']);
    expect([fiscal?.initial_budget, fiscal?.full_year_budget, fiscal?.executed, fiscal?.execution_rate]).toEqual(['345.58', '345.58', '345.58', '100.00']);
    expect(r.issues.filter((d) => d.severity !== 'info').map((d) => d.code)).toEqual([]);
  });
});

describe('206. two rows of one line each set at the line pitch in a table whose rows are padded (Writer from HTML, a frame only, national form)', () => {
  test('7 over 2 under 分值 and 3.9 over 2 under 得分 would fit on one line: two rows, not 72 and 3.92', async () => {
    const res = await run(path.join(PAGES, 'writer_html_outer_rows_at_line_pitch.pdf'));
    const r = res.records[0]!;
    expect(r.indicators.slice(2, 4).map((i) => [i.level2, i.level3, i.target, i.actual, i.weight, i.score])).toEqual([
      ['质量指标', '题库试题合格率', '≥90%', '80.34%', '7', '3.9'],
      ['质量指标', '课程资源质量', '建立健全', '建立健全', '2', '2'],
    ]);
    expect(r.issues.filter((d) => d.severity !== 'info').map((d) => d.code)).toEqual(['missing_total_score']);
  });
});

describe('207. a side label printed a character a line, its points among them, in the column of wider labels (Writer from .docx, a frame only, Sichuan form)', () => {
  test('9 over 0 of (90分) stays one label: the first indicator keeps its row and its score 5 / . / 7 / 8', async () => {
    const res = await run(path.join(PAGES, 'writer_docx_outer_side_label_points_down_p4-5.pdf'));
    const r = res.records.find((x) => x.project_name === '企业碳排放权交易管理建设项目')!;
    expect([r.indicators[0]?.level1, r.indicators[0]?.level3, r.indicators[0]?.target, r.indicators[0]?.weight, r.indicators[0]?.score]).toEqual(['产出指标', '执法检查人次', '=6400人次', '15', '5.78']);
  });
});

describe('208. a group label centred on its rows on the line of a wrapped cell\'s last line (Writer from HTML, a frame only, Shanghai form)', () => {
  test('户籍人口 / 服务覆盖 / 率 is one indicator, of 社会效益指标, and 项目完成 / 时间 another, of 时效指标', async () => {
    const res = await run(path.join(PAGES, 'writer_html_outer_group_label_on_a_wrapped_line_p1.pdf'));
    const r = res.records[0]!;
    expect(r.indicators.map((i) => [i.level2, i.level3, i.weight])).toEqual([
      ['数量指标', '社会体育指导员登记人数', '15'],
      ['质量指标', '系统可用率', '25'],
      ['时效指标', '项目完成时间', '5'],
      ['社会效益指标', '户籍人口服务覆盖率', '20'],
      ['社会效益指标', '政策知晓率', '10'],
      ['服务对象满意度指标', '用户满意度', '15'],
    ]);
  });
});

describe('209. a comparison sign beginning right on a column edge, glued to the name before it (Writer from HTML, horizontal rules only, national form)', () => {
  test('卫生监督检查人次≥8080（人次） is the name 卫生监督检查人次 and the target ≥8080（人次）', async () => {
    const res = await run(path.join(PAGES, 'writer_html_horizontal_sign_on_column_edge_p1-2.pdf'));
    const r = res.records[0]!;
    expect(r.indicators.slice(0, 3).map((i) => [i.level3, i.target, i.actual, i.weight])).toEqual([
      ['孕产妇登记人数', '≥28（人）', '34人', '7'],
      ['卫生监督检查人次', '≥8080（人次）', '9460人次', '6'],
      ['卫生监督检查按期完成率', '≥100%', '100%', '10'],
    ]);
  });
});

describe('210. a page inside one group, no level-2 name printed on it (Chromium, horizontal rules only, Sichuan form)', () => {
  test('page 7\'s rows stay with 时效指标 begun on page 6; 社会效益指标 begins on page 8', async () => {
    const res = await run(path.join(PAGES, 'chromium_horizontal_page_inside_one_group_p4-8.pdf'));
    const r = res.records.find((x) => x.project_name === '2023年居家养老服务补贴专项经费')!;
    const at = (name: string): string | null | undefined => r.indicators.find((i) => i.level3 === name)?.level2;
    expect(['社工培训完成及时率', '问题响应时间', '工作方案办结时限', '等级评估完成及时率', '群众投诉下降率'].map(at)).toEqual(['时效指标', '时效指标', '时效指标', '时效指标', '社会效益指标']);
  });
});

describe('211. Han text a line pitch under a figure, in a column where its first character would have fitted after the figure (Writer from HTML, no rules, Sichuan form)', () => {
  test('95 over 较上年 / 有所提升 are two rows\' 指标值: ≥95% and 定性较上年有所提升', async () => {
    const res = await run(path.join(PAGES, 'writer_html_none_text_under_figure_at_line_pitch.pdf'));
    const r = res.records[0]!;
    expect(r.indicators.slice(7, 9).map((i) => [i.level3, i.target, i.actual])).toEqual([
      ['政策知晓率', '≥95%', '99.16%'],
      ['劳动保障执法检查社会影响力', '定性较上年有所提升', '较上年有所提升'],
    ]);
  });
});

describe('212. figures flush right with their column that begin past the boundary the header put there (Writer from HTML, no rules, Sichuan form)', () => {
  test('9.86 and 1.22 are 预算执行数, flush with 11.08, and the rates 92.58% and 90.37% stand alone; no funds_sum_mismatch', async () => {
    const res = await run(path.join(PAGES, 'writer_html_none_figures_flush_right_past_boundary.pdf'));
    const r = res.records[0]!;
    expect([r.funds.total.executed, r.funds.total.execution_rate, r.funds.fiscal_appropriation?.executed, r.funds.fiscal_appropriation?.execution_rate, r.funds.unit_funds?.executed, r.funds.unit_funds?.execution_rate]).toEqual(['11.08', '92.33', '9.86', '92.58', '1.22', '90.37']);
    expect(r.issues.map((d) => d.code)).not.toContain('funds_sum_mismatch');
  });
});

describe('213. inspect reads a page as ingest does (the form\'s group names reach it)', () => {
  test('户籍人口 / 服务覆盖 / 率 is one cell in inspect\'s grid, as in the records of 208', async () => {
    const f = path.join(PAGES, 'writer_html_outer_group_label_on_a_wrapped_line_p1.pdf');
    const text = await inspectPdf(new Uint8Array(readFileSync(f)), { file: path.basename(f), ...STREAM_HINTS });
    expect(text).toContain('"户籍人口服务覆盖率"');
    expect(text).not.toContain('"项目完成时间户籍人口"');
  });
});

describe('214. a signature line a line pitch under the last row (Writer from HTML, no rules, Sichuan form)', () => {
  test('项目负责人：许斌鹏 财务负责人：郑伟 stands alone: 改进措施 keeps its whole text', async () => {
    const res = await run(path.join(PAGES, 'writer_html_none_signature_at_line_pitch.pdf'));
    const r = res.records.find((x) => x.project_name === '商业网点规划运维经费')!;
    expect([r.problems, r.improvements]).toEqual([
      '部分绩效指标设置不够细化，量化指标偏少；项目资金支付进度较慢，预算执行率有待提高。',
      '进一步加强绩效目标管理，科学合理设置绩效指标；加快项目实施和资金支付进度，提高预算执行率；健全项目管理制度，强化资金使用监管。',
    ]);
  });
});

describe('215. a side label filling its column up to where the fund rows\' labels begin (Writer from HTML, no rules, national form)', () => {
  test('项目资金(万元) and 年度资金 / 总额： are two columns: every figure of the fund rows is read', async () => {
    const res = await run(path.join(PAGES, 'writer_html_none_side_label_touching_row_labels_p3-4.pdf'));
    const f = res.records[0]!.funds;
    expect([f.total.initial_budget, f.total.full_year_budget, f.total.executed, f.total.execution_rate, f.total.weight, f.total.score]).toEqual(['251.2', '346.0', '192.7', '55.69', '10', '5.57']);
    expect([f.fiscal_appropriation?.initial_budget, f.fiscal_appropriation?.full_year_budget, f.fiscal_appropriation?.executed]).toEqual(['251.2', '251.2', '97.9']);
  });
});

describe('216. two header labels printed edge to edge in one text run (Writer from HTML, no rules, national form)', () => {
  test('全年预算数全年执行数 is 全年预算数 and 全年执行数: 700000.0 is the full-year budget, 669983.9 executed', async () => {
    const res = await run(path.join(PAGES, 'writer_html_none_header_labels_glued.pdf'));
    const f = res.records.find((x) => x.project_name === '文物保护修缮运行维护')!.funds;
    expect([f.total.initial_budget, f.total.full_year_budget, f.total.executed, f.total.execution_rate]).toEqual(['708016.8', '700000.0', '669983.9', '95.71']);
    expect([f.fiscal_appropriation?.full_year_budget, f.fiscal_appropriation?.executed]).toEqual(['662494.5', '632478.4']);
  });
});

describe('217. the rests of labels a page break cut, stacked at the pitch over the next group\'s labels (Writer from HTML, no rules, national form)', () => {
  test('标(30分) ends 效益指标 on the page before; 满意度指标(10分) and 服务对象满意度指标 label the last row', async () => {
    const res = await run(path.join(PAGES, 'writer_html_none_label_rests_over_next_group_p1-2.pdf'));
    const r = res.records[0]!;
    expect(r.indicators.slice(-2).map((i) => [i.level1, i.level2, i.level3])).toEqual([
      ['效益指标', '社会效益指标', '政策知晓率'],
      ['满意度指标', '服务对象满意度指标', '参加水质检测人员满意度'],
    ]);
  });
});

describe('218. a comparison sign beginning two points before the boundary the header put there, glued to the name (Writer from HTML, no rules, national form)', () => {
  test('平台账户采购单 / 价 and ≤1500元/ / 套 are the name and the target of one row, as is 人均政策宣传成 / 本 | ≤1200元/ / 人', async () => {
    const res = await run(path.join(PAGES, 'writer_html_none_sign_near_column_edge_p2-4.pdf'));
    const r = res.records[0]!;
    const row = (name: string): Array<string | null> | undefined => { const i = r.indicators.find((x) => x.level3 === name); return i && [i.level2, i.target, i.actual, i.weight]; };
    expect([row('平台账户采购单价'), row('人均政策宣传成本')]).toEqual([['成本指标', '≤1500元/套', '1403元/套', '2'], ['成本指标', '≤1200元/人', '1081元/人', '1']]);
  });
});

describe('219. a goal wider than its column whose last sentence ends on a comparison sign near the boundary (Writer from HTML, horizontal rules only, Sichuan form)', () => {
  test('…确保安全事故发生率≤100%。 stays the goal\'s: a sign whose text runs into a sentence\'s punctuation begins no cell', async () => {
    const res = await run(path.join(PAGES, 'writer_html_goal_sign_before_sentence_end_p3-4.pdf'));
    expect(res.records[0]!.goal_expected).toMatch(/加强社区的日常监管，确保安全事故发生率≤100%。$/);
  });
});

describe('220. the rest of a level-2 name a page break cut, two lines at the pitch whose last prints a name of its own (Chromium, a frame only, national form)', () => {
  test('对象 / 满意度指标 on the last page is the end of 服务 / 对象满意度指标: the last row keeps its group and the total row is read', async () => {
    const res = await run(path.join(PAGES, 'chromium_outer_group_name_rest_p2-5.pdf'));
    const r = res.records.find((x) => x.project_name === '农村人居环境整治工作经费')!;
    expect(r.indicators.slice(-2).map((i) => [i.level1, i.level2, i.level3])).toEqual([
      ['效益指标', '社会效益指标', '田间指导社会影响力'],
      ['满意度指标', '服务对象满意度指标', '会员满意度'],
    ]);
    expect([r.total_weight, r.total_score]).toEqual(['100', '94.45']);
  });
});

describe('221. a level-2 name filling its cell up to the level-3 name, in pieces the producer drew apart (Writer from HTML, no rules, Shanghai form)', () => {
  test('服务对象满意度 | 用户满意 / 度: the cut keeps where the producer began 用户, so 用户满意度 is the last group\'s first row', async () => {
    const res = await run(path.join(PAGES, 'writer_html_none_label_touching_name_p1-3.pdf'));
    const r = res.records.find((x) => x.project_name === '市级公共体育场馆运维购买服务')!;
    expect(r.indicators.slice(-4).map((i) => [i.level1, i.level2, i.level3, i.target, i.weight])).toEqual([
      ['效益指标', '社会效益指标', '运动员就业率', '≥80.00(%)', '3.50'],
      ['满意度指标', '服务对象满意度指标', '用户满意度', '≥90(%)', '1.50'],
      ['满意度指标', '服务对象满意度指标', '参加健身指导人员满意度', '=100.00(%)', '1.50'],
      ['满意度指标', '服务对象满意度指标', '会员满意度', '=100(%)', '3.50'],
    ]);
  });
});


describe('222. a level-1 name that is also the end of a level-2 name, centred on its group on a page that continues the table (Writer from HTML, no rules, Sichuan form)', () => {
  test('效益指标 | 社会效益指标 label the three rows they are centred on; they are no rest of a label the break cut', async () => {
    const res = await run(path.join(PAGES, 'writer_html_none_group_name_mid_continued_page.pdf'));
    const r = res.records[0]!;
    expect(r.indicators.slice(5, 10).map((i) => [i.level1, i.level2, i.level3])).toEqual([
      ['产出指标', '时效指标', '档案材料办结时限'],
      ['产出指标', '时效指标', '资金拨付及时率'],
      ['效益指标', '社会效益指标', '诊断服务社会影响力'],
      ['效益指标', '社会效益指标', '政策知晓率'],
      ['效益指标', '社会效益指标', '政策培训社会影响力'],
    ]);
  });
});

describe('223. rows set at the pitch with no padding, one cell of three lines centred beside one-line cells (Writer from HTML, no rules, Sichuan form, landscape)', () => {
  test('2023年 / 12月31 / 日前完成 is the next row\'s target, not the end of 150: the page\'s cells are read as centred', async () => {
    const res = await run(path.join(PAGES, 'writer_html_none_stacked_rows_centred_p1-2.pdf'));
    const r = res.records.find((x) => x.project_name === '2023年中小学教师培训工作经费')!;
    expect(r.indicators.slice(2, 7).map((i) => [i.level2, i.level3, i.target])).toEqual([
      ['数量指标', '发放题库试题份数', '≥150份'],
      ['时效指标', '使用及时率', '定性2023年12月31日前完成'],
      ['时效指标', '考务培训按期完成率', '=100%'],
      ['成本指标', '督导评估成本', '≤7.64万元'],
      ['成本指标', '运维费用', '≤759.56万元'],
    ]);
  });
});

describe('224. label cells of three and five lines centred on one-line figures, every line at the pitch with no room between rows (Writer from HTML, a frame only, Shanghai form, landscape)', () => {
  test('发放 / 样品 / 份数 is one 三级指标 centred on its figures: the blocks the figures cut cast no vote for cells at the top', async () => {
    const res = await run(path.join(PAGES, 'writer_html_outer_stacked_labels_centred_p1-2.pdf'));
    const r = res.records.find((x) => x.project_name === '2023年度知识产权保护项目')!;
    expect(r.indicators.slice(0, 4).map((i) => [i.level2, i.level3, i.target, i.weight])).toEqual([
      ['数量指标', '发放样品份数', '=69472.00(张)', '11.00'],
      ['数量指标', '宣传咨询场次', '=172.00(次)', '6.00'],
      ['质量指标', '用户信息录入差错率', '≤3.00(%)', '14.00'],
      ['时效指标', '执法检查按期完成率', '≥95.00(%)', '12.00'],
    ]);
  });
});

describe('225. the first word of a 三级指标 left of the edge the header labels give its column (Writer from HTML, a frame only, national form)', () => {
  test('数量指标APP | 注册用户数 is the level name 数量指标 and the 三级指标 APP注册用户数, and the group goes on over the page break', async () => {
    const res = await run(path.join(PAGES, 'writer_html_outer_level3_word_left_of_edge_p3-4.pdf'));
    const r = res.records.find((x) => x.project_name === '河西区河西区教育信息化APP运维专项')!;
    expect(r.indicators.slice(0, 3).map((i) => [i.level2, i.level3, i.target])).toEqual([
      ['数量指标', 'APP注册用户数', '440人'],
      ['数量指标', '发放资助档案份数', '≥42800（张）'],
      ['数量指标', '年度考务培训开班班次', '≥16（期）'],
    ]);
  });
});

describe('226. a goal paragraph\'s line with the space Writer sets between Han text and a number right on a column edge (Writer from HTML, a frame only, Sichuan form, landscape)', () => {
  test('…数据准确率为 97.94%，投诉件… stays one line of the goal: no text of it is lost to the column right of the edge', async () => {
    const res = await run(path.join(PAGES, 'writer_html_outer_goal_autospace_at_edge_p3-4.pdf'));
    const r = res.records.find((x) => x.project_name === '特种设备安全监察项目')!;
    expect(r.goal_actual).toBe('经过全年努力，抽检场次为20场次，用户登记人数为268人，数据准确率为97.94%，投诉件交付时间为2023年12月完成，带动企业增收419.14万元。');
    expect(r.implementing_unit).toBe('南充市顺庆区市场监督管理局');
  });
});

describe('227. the rest of a level-2 name a page break cut, at the next page\'s top beside the rest of the row\'s reason, on a grid with one column more (Chromium, all rules, Sichuan form, landscape)', () => {
  test('服务 / 对象满意度指标 is the level-2 name of the last row; its rest is not read into the 三级指标', async () => {
    const res = await run(path.join(PAGES, 'chromium_all_level2_rest_in_cut_row_p1-4.pdf'));
    const r = res.records.find((x) => x.project_name === '2023年防汛防台补贴')!;
    const last = r.indicators[r.indicators.length - 1]!;
    expect([last.level2, last.level3, last.target, last.weight]).toEqual(['服务对象满意度指标', '服务对象满意率', '≥98%', '15']);
    expect(last.deviation_reason).toBe('因人员变动，工作衔接存在一定滞后，导致该项指标未完全达到年初目标，将建立定期调度机制，及时跟踪项目进展。');
  });
});

describe('228. one character of a level-2 name a page break cut, in one cell with the next row\'s 三级指标 (Writer from .docx, all rules, Sichuan form, landscape)', () => {
  test('经济效益指 / 标吸引社会投资 is 经济效益指标 and 吸引社会投资', async () => {
    const res = await run(path.join(PAGES, 'writer_docx_all_level2_one_char_rest_p1-2.pdf'));
    const r = res.records.find((x) => x.project_name === '2023年5G网络建设推进及专题对接会工作经费')!;
    expect(r.indicators.slice(7, 9).map((i) => [i.level2, i.level3, i.target])).toEqual([
      ['经济效益指标', '节约财政资金', '≤450.44万元'],
      ['经济效益指标', '吸引社会投资', '≤264.49万元'],
    ]);
  });
});

describe('229. a group\'s label a page break cuts where Calc clips it: 质量指 at one page\'s foot, 标 at the next page\'s top (LibreOffice Calc, no rules, national form)', () => {
  test('the rows the rest of the cut cell reaches are 质量指标; 时效指标 begins after them', async () => {
    const res = await run(path.join(PAGES, 'calc_none_group_label_clipped_at_break.pdf'));
    const r = res.records.find((x) => x.project_name === '土壤污染状况调查运行维护')!;
    expect(r.indicators.slice(4, 10).map((i) => [i.level2, i.level3])).toEqual([
      ['质量指标', '现场核查规范性'],
      ['质量指标', '问题整改到位率'],
      ['质量指标', '危险废物质量'],
      ['质量指标', '用户信息录入差错率'],
      ['时效指标', '现场核查完成及时率'],
      ['时效指标', '宣传培训完成及时率'],
    ]);
  });
});

describe('230. the rest of a level-1 name\'s points a page break cut, 效益指标(30 | 分), beside the next page\'s first 三级指标 (Writer from .docx, all rules, national form, landscape)', () => {
  test('分) is no part of the 三级指标 群众投诉下降率', async () => {
    const res = await run(path.join(PAGES, 'writer_docx_all_points_rest_over_level3_p1-2.pdf'));
    const r = res.records.find((x) => x.project_name === '劳动保障监察执法购买服务')!;
    expect(r.indicators.slice(20, 22).map((i) => [i.level1, i.level2, i.level3, i.target])).toEqual([
      ['效益指标', '社会效益指标', '政策宣传活动社会影响力', '符合合同约定'],
      ['效益指标', '社会效益指标', '群众投诉下降率', '≥95%'],
    ]);
  });
});

describe('231. a goal paragraph\'s line crossing the edge where the line above begins the implementing unit, a character\'s edge right on it (Chromium, a frame only, Sichuan form)', () => {
  test('全年计划…专项经费各项工作，确保种植 stays one line of the goal: the paragraph\'s next line runs through the edge', async () => {
    const res = await run(path.join(PAGES, 'chromium_outer_goal_line_over_value_start_p4-6.pdf'));
    const r = res.records.find((x) => x.project_name === '新型职业农民培训专项经费')!;
    expect(r.goal_expected).toBe('全年计划按时完成新型职业农民培训专项经费各项工作，确保种植户信息录入差错率≤3%，质量抽检完成及时率达到≥95%，参加田间指导人员满意度目标值为≥90%。');
  });
});

describe('232. a goal\'s line filling its cell, its last bracket set half wide, touching the next cell\'s goal (Chromium, no rules, Shanghai form)', () => {
  test('（二期） and 本年度，… are two cells\' texts: each goal reads whole', async () => {
    const res = await run(path.join(PAGES, 'chromium_none_goals_touching_fund_labels_wrapped_p3-5.pdf'));
    const r = res.records.find((x) => x.project_name === '2023年度公交线网优化（二期）购买服务')!;
    expect(r.goal_expected?.startsWith('通过实施2023年度公交线网优化（二期）购买服务，保障停车泊位安全稳定运行。')).toBe(true);
    expect(r.goal_actual?.startsWith('本年度，年度满意度调查开班班次实际完成14.00(班次)；')).toBe(true);
  });
});

describe('233. fund row labels wrapped in a column with no header label, the row\'s first figure read into a line of them (Chromium, no rules, Shanghai form)', () => {
  test('其中:当16.96 / 年财政拨 / 款 is 其中：当年财政拨款 with its figures, and 年度资金20.91总额 keeps its figure', async () => {
    const res = await run(path.join(PAGES, 'chromium_none_goals_touching_fund_labels_wrapped_p3-5.pdf'));
    const r = res.records.find((x) => x.project_name === '2023年度公交线网优化（二期）购买服务')!;
    const f = r.funds;
    expect([f.total.initial_budget, f.total.full_year_budget, f.total.executed, f.total.execution_rate]).toEqual(['20.91', '22.39', '21.26', '94.95']);
    expect([f.fiscal_appropriation?.initial_budget, f.fiscal_appropriation?.full_year_budget, f.fiscal_appropriation?.executed, f.fiscal_appropriation?.execution_rate]).toEqual(['16.96', '18.26', '17.13', '93.81']);
  });
});

describe('234. a goal of one line whose number begins, after the space Writer sets, right at a column boundary (Writer from HTML, a frame only, Sichuan form, landscape)', () => {
  test('群众投诉下降率为 98%，参加… is one goal: the number runs on into the sentence', async () => {
    const res = await run(path.join(PAGES, 'writer_html_outer_one_line_goal_number_at_edge_p3-4.pdf'));
    const r = res.records.find((x) => x.project_name === '大邑县学前教育保教质量提升补贴')!;
    expect(r.goal_actual).toBe('群众投诉下降率为98%，参加资助政策宣传人员满意度为100%。');
  });
});

describe('235. a target and its actual value, the same words filling their cells, drawn as one text across the boundary (Writer from HTML, a frame only, national form)', () => {
  test('形成长效机制形成长效机制 is 形成长效机制 | 形成长效机制', async () => {
    const res = await run(path.join(PAGES, 'writer_html_outer_target_and_actual_one_text_p1.pdf'));
    const r = res.records.find((x) => x.project_name === '2022年流浪乞讨人员救助专项')!;
    expect(r.indicators.slice(2, 4).map((i) => [i.level3, i.target, i.actual, i.weight])).toEqual([
      ['社区工作者获得感', '形成长效机制', '形成长效机制', '12'],
      ['人才队伍稳定性', '定期开展', '定期开展', '18'],
    ]);
  });
});

describe('236. a field label that begins a longer one, a space, then the field\'s sentence, drawn as one text (Writer from .docx, a frame only, Sichuan form)', () => {
  test('项目年度目标 1.做好… is the label and the goal: the department row above stays its own', async () => {
    const res = await run(path.join(PAGES, 'writer_docx_outer_goal_label_space_sentence.pdf'));
    const r = res.records.find((x) => x.project_name === '居家养老服务补贴运行维护')!;
    expect(r.department).toBe('泸县民政局');
    expect(r.goal_expected?.startsWith('1.做好困难家庭的服务保障工作，确保参与救助巡查30人次以上的班次数达到≥36班次；')).toBe(true);
  });
});

describe('237. a sentence\'s full stop after a closing quote, set half wide by Chromium so that it overlaps the quote, near a column boundary (Chromium, no rules, Sichuan form)', () => {
  test('…评价等级为“优”。 keeps its full stop', async () => {
    const res = await run(path.join(PAGES, 'chromium_none_conclusion_stop_after_quote_p4-5.pdf'));
    const r = res.records.find((x) => x.project_name === '既有多层住宅加装电梯经费')!;
    expect(r.evaluation_conclusion).toBe('项目按计划实施，资金拨付及时，管理制度健全，绩效目标基本完成，自评得分96.76分，评价等级为“优”。');
  });
});

describe('238. a side label whose first line stands in its section\'s header row, its rest centred by chance on the row below (Calc, no rules, Sichuan form, labels at the top of their groups)', () => {
  test('the rest casts no vote for centred cells: each level-2 label heads its two rows', async () => {
    const res = await run(path.join(PAGES, 'calc_none_fund_label_head_in_header_p1-2.pdf'));
    const r = res.records.find((x) => x.project_name === '卫生监督执法建设项目')!;
    expect(r.indicators.slice(0, 7).map((i) => [i.level3, i.level2])).toEqual([
      ['信息系统数量', '数量指标'],
      ['完成卫生监督检查次数', '数量指标'],
      ['健康讲座完成及时率', '时效指标'],
      ['健康体检完成及时率', '时效指标'],
      ['项目预算控制率', '成本指标'],
      ['信息系统采购单价', '成本指标'],
      ['节约财政资金', '经济效益指标'],
    ]);
  });
});

describe('239. labels of row groups that the layout places about as well one row up or down, the rows\' names telling which (Calc, no rules, Sichuan form, rows taller than their texts)', () => {
  test('…完成及时率, 运维费用, …成本 go with 时效指标 and 成本指标 as the names say; the groups around them follow', async () => {
    const res = await run(path.join(PAGES, 'calc_none_labels_named_by_rows_p5-7.pdf'));
    const r = res.records.find((x) => x.project_name === '用户数字化转型示范运行维护')!;
    expect([6, 11, 12, 16, 22, 24].map((k) => [r.indicators[k]!.level3, r.indicators[k]!.level2])).toEqual([
      ['走访调研完成率', '质量指标'],
      ['诊断服务完成及时率', '时效指标'],
      ['运维费用', '成本指标'],
      ['专题对接会成本', '成本指标'],
      ['户籍人口服务覆盖率', '社会效益指标'],
      ['企业办事便利度', '社会效益指标'],
    ]);
  });
});

describe('240. the last line of a wrapped row label right above the funds header, over a header label it is no piece of (Writer from .docx, a frame only, Sichuan form)', () => {
  test('情况 of 年度目标完成 / 情况 is not read into 年度预算数(万元): the funds columns keep their figures', async () => {
    const res = await run(path.join(PAGES, 'writer_docx_outer_label_end_over_funds_header_p1-2.pdf'));
    const r = res.records.find((x) => x.project_name === '仁寿县科技创新券及成果路演项目')!;
    expect(r.funds.total).toMatchObject({ initial_budget: '2437.08', full_year_budget: '2392.18', executed: '2295.33', execution_rate: '95.95', weight: '10', score: '9.6' });
    expect(r.funds.fiscal_appropriation).toMatchObject({ initial_budget: '1815.50', full_year_budget: '1815.50', executed: '1746.40', execution_rate: '96.19' });
    expect(r.check.status).toBe('ok');
  });
});

describe('241. the rest of a level-2 label a page break cut, over the next page\'s first row, where the page before did not tell how far its group reaches (Calc, no rules, national form, labels at the top of their groups)', () => {
  test('标 of 数量指 / 标 labels the rows down to 质量指标; 质量指标 and 社会效益指标 head their own rows', async () => {
    const res = await run(path.join(PAGES, 'calc_none_label_rest_top_set_p1-2.pdf'));
    const r = res.records.find((x) => x.project_name === '2022年既有多层住宅加装电梯及质量安全检查专项经费')!;
    expect(r.indicators.map((i) => i.level2)).toEqual(['数量指标', '数量指标', '数量指标', '数量指标', '质量指标', '质量指标', '质量指标', '质量指标', '质量指标', '质量指标', '社会效益指标']);
  });
});

describe('242. figures wrapped a few characters a line in columns so narrow that every figure of a row wraps (Chromium, a frame only, national form)', () => {
  test('2902 / 880. / 7, 28631 / 72.8, 1 / 0 and ≥8 / 0% are one figure each, centred on the line of the row\'s whole figures', async () => {
    const res = await run(path.join(PAGES, 'chromium_outer_figures_wrapped_every_column_p10-11.pdf'));
    const r = res.records.find((x) => x.project_name === '小店区传染病监测预警及健康讲座经费')!;
    expect(r.funds.total).toMatchObject({ initial_budget: '2117275.4', full_year_budget: '2902880.7', executed: '2863172.8', execution_rate: '98.63', weight: '10', score: '9.86' });
    expect(r.funds.fiscal_appropriation).toMatchObject({ full_year_budget: '2351247.3', executed: '2311539.4' });
    expect(r.indicators.map((i) => [i.level3, i.target, i.weight, i.score])).toEqual([
      ['新增健康档案数', '≥10（套）', '19', '19'],
      ['人均科普宣传活动成本', '≤500（元/人）', '31', '31'],
      ['户籍人口服务覆盖率', '≥80%', '30', '30'],
      ['患者满意度', '≥95%', '5', '5'],
      ['用户满意度', '≥90%', '5', '5'],
    ]);
    expect(r.check.status).toBe('ok');
  });
});

describe('243. figures wrapped in the row a page break cuts, set at the top of its part (Chromium, a frame only, national form, columns a few characters wide)', () => {
  test('=10 / 0%, 基本完 / 成 and 1 / 0 beside 群众满意度 and its score 9 are one row: =100%, 基本完成, 10', async () => {
    const res = await run(path.join(PAGES, 'chromium_outer_figures_wrapped_in_cut_row_p4-6.pdf'));
    const r = res.records.find((x) => x.project_name === '河西区困难群众临时救助工作经费')!;
    expect(r.indicators.slice(7).map((i) => [i.level3, i.target, i.actual, i.weight, i.score])).toEqual([
      ['引导高校毕业生到基层工作人数', '≥220人', '达到预期', '30', '30'],
      ['群众满意度', '=100%', '基本完成', '10', '9'],
    ]);
    expect(r.check.status).toBe('ok');
  });
});

describe('244. a level-2 label centred on three rows taller than their texts by amounts that vary a little (Calc, a frame only, national form)', () => {
  test('质量指标 half an em below the middle of its rows\' texts labels 系统可用率, 教学设备质量 and 实训工位合格率: the middle their rows\' middles give', async () => {
    const res = await run(path.join(PAGES, 'calc_outer_odd_group_rows_middles_p3-5.pdf'));
    const r = res.records.find((x) => x.project_name === '受助学生民办学校规范管理运行维护')!;
    expect(r.indicators.slice(0, 8).map((i) => i.level2)).toEqual(['数量指标', '数量指标', '质量指标', '质量指标', '质量指标', '时效指标', '时效指标', '时效指标']);
  });
});

describe('245. a level-3 name filling its cell and the target centred in the next, drawn as one text with a space (Calc, a frame only, national form)', () => {
  test('确保参与科普活动30人次以上的班次数 ≥5（班次 is the name and the target ≥5（班次）: the space parts the two cells', async () => {
    const res = await run(path.join(PAGES, 'calc_outer_name_and_target_one_text_p1-2.pdf'));
    const r = res.records.find((x) => x.project_name === 'AI算力平台建设购买服务')!;
    expect(r.indicators[1]).toMatchObject({ level3: '确保参与科普活动30人次以上的班次数', target: '≥5（班次）', actual: '5班次', weight: '5', score: '5' });
    expect(r.indicators).toHaveLength(12);
  });
});

describe('246. a total weight wrapped over three lines in a table that sets every cell at its top (Chromium, no rules, Shanghai form)', () => {
  test('10 / 0.0 / 0 beside 合计 and 97.48 is 100.00, the decimals the column prints: no weight_sum_not_100', async () => {
    const res = await run(path.join(PAGES, 'chromium_none_total_weight_three_lines_top_p3-4.pdf'));
    const r = res.records.find((x) => x.project_name === '重大科技基础设施运维专项')!;
    expect(r.total_weight).toBe('100.00');
    expect(r.total_score).toBe('97.48');
    expect(r.check.status).toBe('ok');
  });
});

describe('247. a second project\'s funds block whose rows on the page show one row of figures set flush right (Calc, horizontal rules, national form)', () => {
  test('the funds header with the same labels in the same places as the first project\'s heads the same columns: 300 | 300 | 272 and 0 | 0 | 0', async () => {
    const res = await run(path.join(PAGES, 'calc_horizontal_second_funds_block_one_row_p1-2.pdf'));
    const r = res.records.find((x) => x.project_name === '天河区旅游公共服务项目')!;
    expect(r.funds.total).toMatchObject({ initial_budget: '300', full_year_budget: '300', executed: '272' });
    for (const row of [r.funds.carryover, r.funds.other]) expect(row).toMatchObject({ initial_budget: '0', full_year_budget: '0', executed: '0' });
    expect(r.issues.filter((d) => d.code === 'missing_cell')).toEqual([]);
  });
});

describe('248–250. rows set tight (Writer from HTML, a frame only, Sichuan form, landscape)', () => {
  test('248. 评价结论, 存在问题 and 改进措施, each a label the form names, head a row each though no white parts the rows', async () => {
    const res = await run(path.join(PAGES, 'writer_html_outer_tight_named_rows_p5-6.pdf'));
    const r = res.records.find((x) => x.project_name === '西昌市园区数字化转型示范专项经费')!;
    expect(r.evaluation_conclusion).toBe('经自评，该项目预算执行较好，产出和效益指标总体完成，自评得分92.24分，评价等级：优。');
    expect(r.problems).toBe('无');
    expect(r.improvements).toBe('加大政策宣传力度，提升中小企业的知晓率和满意度；进一步加强绩效目标管理，科学合理设置绩效指标；加快项目实施和资金支付进度，提高预算执行率。');
    expect(r).toMatchObject({ grade: '优', grade_source: 'conclusion' });
  });
  test('249. 30 at the end of a goal\'s line, after 月 drawn as a text of its own, stays in its paragraph: 月 fills the white before it', async () => {
    const res = await run(path.join(PAGES, 'writer_html_outer_tight_named_rows_p5-6.pdf'));
    const r = res.records.find((x) => x.project_name === '西昌市园区数字化转型示范专项经费')!;
    expect(r.goal_expected?.endsWith('3、加强产业园区的日常监管，示范场景交付时间达到定性2023年6月30日前完成。')).toBe(true);
    expect(r.goal_actual).toBe('1、已推进信息系统及APP的升级改造，示范场景归档完整率90%；\n2、已完成年度政策解读的编制工作，问题响应时间34天；\n3、已加强产业园区的日常监管，示范场景交付时间已完成。');
  });
  test('250. a level-2 label centred as well on two rows as on three rows and the 合计 row under them labels the two: a group takes in no total row', async () => {
    const res = await run(path.join(PAGES, 'writer_html_outer_tight_named_rows_p5-6.pdf'));
    const r = res.records.find((x) => x.project_name === '西昌市园区数字化转型示范专项经费')!;
    expect(r.indicators.slice(8).map((i) => i.level2)).toEqual(['时效指标', '时效指标', '时效指标', '经济效益指标', '经济效益指标', '经济效益指标', '可持续影响指标', '可持续影响指标']);
  });
});

describe('251. a target glued to the level-3 name beside it, a wrapped line of the target centred near the cut (Writer from HTML, no rules, Shanghai form)', () => {
  test('人均政策培训≤500.00(元 is cut before ≤, never inside the figure where /人次) begins on the line below', async () => {
    const res = await run(path.join(PAGES, 'writer_html_none_target_glued_to_name_p1-2.pdf'));
    const r = res.records.find((x) => x.project_name === '重点中小企业服务购买服务')!;
    expect(r.indicators[6]).toMatchObject({ level2: '成本指标', level3: '人均政策培训成本', target: '≤500.00(元/人次)', actual: '495.00(元/人次)', weight: '13.00', score: '13.00' });
    expect(r.indicators).toHaveLength(9);
  });
});

describe('252. level-2 labels centred on eleven and seven rows, the rows at the foot a group whose label is on the next page (Calc, no rules, Shanghai form)', () => {
  test('质量指标 and 时效指标 label their eleven and seven rows, not six set at the foot and a group cut at the break: hardly a block of the document is set at the foot', async () => {
    const res = await run(path.join(PAGES, 'calc_none_long_groups_centred_p5-7.pdf'));
    const r = res.records.find((x) => x.project_name === '普陀区中小企业服务（二期）专项')!;
    const level2 = r.indicators.map((i) => i.level2);
    expect(level2.slice(11, 36)).toEqual([...Array<string>(11).fill('质量指标'), ...Array<string>(7).fill('时效指标'), ...Array<string>(7).fill('社会效益指标')]);
  });
});

describe('253–254. a ruled table cut by page breaks that leave cell edges undrawn (Writer from .docx, all rules, Sichuan form, landscape)', () => {
  test('253. the edge between 标, the rest of 质量指 / 标, and 检定规范性 is undrawn in the first band of the page: it runs up to the rule over it', async () => {
    const res = await run(path.join(PAGES, 'writer_docx_all_edges_undrawn_after_break_p4-6.pdf'));
    const r = res.records.find((x) => x.project_name === '食品安全抽检建设项目')!;
    expect(r.indicators[3]).toMatchObject({ level2: '质量指标', level3: '检定规范性', target: '定性符合国家相关标准', actual: '已建立', weight: '6', score: '6' });
    expect(r.indicators).toHaveLength(10);
  });
  test('254. 预算 at the foot of a page and 执行率 at the top of the next are one column label, 预算执行率, though 执行率 is a label of its own', async () => {
    const res = await run(path.join(PAGES, 'writer_docx_all_edges_undrawn_after_break_p4-6.pdf'));
    const r = res.records.find((x) => x.project_name === '金堂县软件和信息服务业发展项目')!;
    expect(r.funds.total).toMatchObject({ executed: '204.25', execution_rate: '100.00', weight: '10', score: '10' });
    expect(r.funds.fiscal_appropriation?.execution_rate).toBe('100.00');
  });
});

describe('255. a level-2 column whose groups are a row each on the header page and span rows on the next (Chromium, a frame only, Shanghai form)', () => {
  test('成本指标, centred between 人均田间指导成本 and 质量抽检成本 on page 2, labels both: the page shows the column sparse', async () => {
    const res = await run(path.join(PAGES, 'chromium_outer_level2_labels_only_on_next_page_p1-2.pdf'));
    const r = res.records.find((x) => x.project_name === '农业技术推广运行维护')!;
    expect(r.indicators.map((i) => [i.level1, i.level2])).toEqual([
      ['产出指标', '数量指标'], ['产出指标', '质量指标'], ['产出指标', '时效指标'], ['产出指标', '成本指标'], ['产出指标', '成本指标'], ['满意度指标', '服务对象满意度指标'],
    ]);
  });
});

describe('256. a row set at the top under a row whose target wraps over five lines, rows set tight (Writer from .docx, a frame only, Shanghai form)', () => {
  test('≥90.0 / 0(%) begins the row of 应急演练预算执 / 行率 and 93.42(% / ): the first lines of that row\'s cells show where it begins', async () => {
    const res = await run(path.join(PAGES, 'writer_docx_outer_top_set_row_under_tall_target_p3.pdf'));
    const r = res.records.find((x) => x.project_name === '市级河道综合整治专项经费')!;
    expect(r.indicators.slice(2, 4).map((i) => [i.level3, i.target, i.actual])).toEqual([
      ['项目完成时间', '2023年9月30日前完成验收', '2023年9月已完成'],
      ['应急演练预算执行率', '≥90.00(%)', '93.42(%)'],
    ]);
  });
});

describe('257. the two goal paragraphs side by side, touching on every line and drawn as one text a line (Writer from HTML, horizontal rules, Shanghai form)', () => {
  test('the right paragraph begins where each line has a text begin after white: …中 | 本年度 and …调研 | 年限', async () => {
    const res = await run(path.join(PAGES, 'writer_html_horizontal_goals_touching_p1.pdf'));
    const r = res.records.find((x) => x.project_name === '5G网络建设推进运维经费')!;
    expect(r.goal_expected).toBe('通过实施5G网络建设推进运维经费，加强诊断服务工作的规范化、标准化建设。组织开展诊断服务，中小企业办事便利度达到全年稳定运行；落实走访调研的各项保障措施，节能项目使用年限达到7(年)。');
    expect(r.goal_actual).toBe('本年度，中小企业办事便利度实际完成基本达成；节能项目使用年限实际完成7.00(年)。取得了较好的社会效益。');
  });
});

describe('258. the funds block\'s 原因 merged over the fund rows, its note cut by a page break (Writer from .docx, horizontal rules, Sichuan form)', () => {
  test('算编制的科学性。 at the top of the next page joins the note begun beside 总额: the cut row\'s cell goes on that merged cell', async () => {
    const res = await run(path.join(PAGES, 'writer_docx_horizontal_merged_reason_cut_p2-3.pdf'));
    const r = res.records.find((x) => x.project_name === '2023年签约居民互联网医院平台运维建设项目')!;
    expect(r.funds.total.deviation_reason).toBe('受市场价格下降影响，实际采购成本低于预算，导致该项指标未完全达到年初目标，下一步将加强项目前期论证和预算编制的科学性。');
    expect(r.indicators[0]?.level3).toBe('服务患者人数');
  });
});

describe('259. a Latin word moved down whole under a short line of a narrow cell (Writer from HTML, no rules, Shanghai form)', () => {
  test('一年度实施，拟通过 over APP 和公众号加大宣传 is one reason: APP, with the quarter em Writer sets before it, did not fit the two ems left', async () => {
    const res = await run(path.join(PAGES, 'writer_html_none_latin_word_moved_down_p2-4.pdf'));
    const r = res.records.find((x) => x.project_name === '殡葬设施运维（二期）工作经费')!;
    expect(r.indicators[24]?.deviation_reason).toBe('受项目招标流程延长影响，影响了整体实施进度，将加强与相关部门的沟通协调，确保按期完成。');
    expect(r.indicators[25]?.deviation_reason).toBe('部分服务对象对政策了解不够，使部分工作延至下一年度实施，拟通过APP和公众号加大宣传力度，提高知晓率。');
    expect(r.indicators.slice(15, 26).map((i) => i.level2)).toEqual([...Array<string>(10).fill('成本指标'), '社会效益指标']);
  });
});

describe('260. whole figures without a point one above the other at the line pitch, in narrow columns (Writer from .docx, no rules, Sichuan form)', () => {
  test('250 over 370 and the score 4 over 3 are two rows\' cells, no number a narrow cell cut: 覆盖社会组织数量 and 服务受助人员人数 are two rows', async () => {
    const res = await run(path.join(PAGES, 'writer_docx_none_pointless_figures_at_line_pitch_p1.pdf'));
    const r = res.records[0]!;
    expect(r.indicators.slice(0, 6).map((i) => [i.level3, i.target, i.actual, i.weight, i.score])).toEqual([
      ['服务设施数量', '=8700份', '8700份', '4', '4'],
      ['覆盖社会组织数量', '=250家', '205家', '2', '0.71'],
      ['服务受助人员人数', '≥370人次', '451人次', '3', '3'],
      ['新增登记窗口数', '≥19处', '16处', '6', '5.63'],
      ['服务会员单位人数', '≥3049人次', '1970人次', '6', '2.58'],
      ['完成政策宣讲次数', '=6次', '6次', '7', '7'],
    ]);
  });
});

describe('261. the total row cut by a page break inside its narrow weight cell (Writer from .docx, all rules, national form)', () => {
  test('10 at the foot of page 4 and 0 alone at the top of page 5, in a row whose label cells are drawn as one, are the total weight 100', async () => {
    const res = await run(path.join(PAGES, 'writer_docx_all_total_weight_cut_by_page_break_p4-5.pdf'));
    const r = res.records.find((x) => x.project_name === '岳麓区农村集体资产监管补贴')!;
    expect([r.total_weight, r.total_score]).toEqual(['100', '100.00']);
    expect(r.issues.filter((d) => d.code === 'weight_sum_not_100')).toEqual([]);
  });
});

describe('262. a level-2 name merged over rows on both sides of a page break, printed in both parts (Calc, no rules, Shanghai form)', () => {
  test('the 标 clipped at the top of page 2 repeats the end of 时效指 / 标: the name is 时效指标, and 资金拨付及时率 keeps its name', async () => {
    const res = await run(path.join(PAGES, 'calc_none_group_name_printed_on_both_pages_p1-2.pdf'));
    const r = res.records[0]!;
    const rows = r.indicators.filter((i) => i.level2 === '时效指标');
    expect(rows.map((i) => i.level3)).toEqual(['资金拨付及时率', '使用及时率', '监测完成及时率', '执法检查按期完成率', '宣传材料办结时限', '政策解读办结时限']);
  });
});

describe('263. a 三级指标 cut by a page break, the next page\'s grid set a point or two apart (Writer from HTML, all rules, Shanghai form)', () => {
  test('率 under the repeated header on page 3 ends 档案材料准确 at the foot of page 2', async () => {
    const res = await run(path.join(PAGES, 'writer_html_all_name_rest_on_grid_set_apart_p2-3.pdf'));
    const r = res.records.find((x) => x.project_name === '劳动保障监察执法和社保卡管理补贴')!;
    expect(r.indicators.map((i) => i.level3)).toContain('档案材料准确率');
    expect(r.indicators.map((i) => i.level3)).not.toContain('率');
    expect(r.indicators.find((i) => i.level3 === '档案材料准确率')).toMatchObject({ target: '≥90.00(%)', actual: '99.00(%)', weight: '9.00', score: '9.00' });
  });
});

describe('264. fund rows and the note merged beside them cut by a page break, the side label cut too (Calc, no rules, Sichuan form)', () => {
  test('预算执行 | 其中：财政资金 … over 情况(10分) | 财政专户管理资金 … are two fund rows, no header cut in two; the note\'s first line, alone under the total\'s empty 原因, begins it', async () => {
    const res = await run(path.join(PAGES, 'calc_none_fund_rows_and_note_cut_by_page_break_p1-2.pdf'));
    const f = res.records[0]!.funds;
    expect(f.fiscal_appropriation).toMatchObject({ initial_budget: '377.85', full_year_budget: '377.85', executed: '217.41', execution_rate: '57.54' });
    expect(f.unit_funds).toMatchObject({ initial_budget: '41.11', executed: '37.78' });
    expect(f.total.deviation_reason).toBe('户籍人口统计口径调整，导致该项指标未完全达到年初目标，拟通过APP和公众号加大宣传力度，提高知晓率。');
  });
});

describe('265. a numbered label sharing its column with the text beside it (Writer from HTML, horizontal rules, Sichuan form)', () => {
  test('2.项目实施内容及 / 过程概述 is the label; the summary beside it, running on over both goal columns, is read line by line', async () => {
    const res = await run(path.join(PAGES, 'writer_html_horizontal_numbered_label_beside_summary_p1-2.pdf'));
    const r = res.records.find((x) => x.project_name === '商业网点规划及推介活动专项')!;
    expect(r.implementation_summary).toBe('2023年度共开展调研走访100次，覆盖商户，资金按进度拨付，项目实施过程规范。');
    expect(r.goal_actual).toBe('业务培训人次230人次，服务个体工商户人数13100人次，政策解读准确率96.45%，引导高校毕业生到基层工作人数为90人，政策知晓率为95.5%。各项绩效指标基本完成。');
  });
});

describe('266. a field label wrapped in its cell and centred on its row (Writer from HTML, no rules, Sichuan form)', () => {
  test('实施单位（盖 over 章）, the department and the unit on the line between them: three cells, the unit read, no 章） before the goals', async () => {
    const res = await run(path.join(PAGES, 'writer_html_none_unit_label_wrapped_round_row_p4.pdf'));
    const r = res.records[0]!;
    expect([r.department, r.implementing_unit]).toEqual(['成都市郫都区科学技术局', '成都市郫都区科学技术局']);
    expect(r.goal_expected?.startsWith('全年计划按时完成郫都区科技成果转化服务专项各项工作')).toBe(true);
  });
});

describe('267. the two goal paragraphs cut by a page break mid-sentence (Writer from .docx, a frame only, Shanghai form)', () => {
  test('…调研走访次数不 | 少于2次 and …平台归档完整率实 | 际完成 go on without a break; 预期目标。 ending the actual is no label and its value', async () => {
    const res = await run(path.join(PAGES, 'writer_docx_outer_goals_cut_mid_sentence_p1-2.pdf'));
    const r = res.records[0]!;
    expect(r.goal_expected).toBe('通过实施外贸企业服务项目，切实维护会员企业合法权益。完成数据报告的采购与安装调试，确保完成调研走访次数不少于2次；完成年度评估报告的编制工作，确保展位合格率98%；组织开展调研走访，平台归档完整率目标值为≥95%。');
    expect(r.goal_actual).toBe('截至2023年12月底，完成调研走访次数实际完成2次；展位合格率实际完成部分达成指标并具有一定效果；平台归档完整率实际完成达成指标。项目总体达到预期目标。');
  });
});

describe('268. a wrapped field label centred on its row, over goal lines that a figure ends (Writer from HTML, horizontal rules, Sichuan form)', () => {
  test('the department and the unit are read, and 服务对象满意率 97.25%。 stays one line of the actual goal', async () => {
    const res = await run(path.join(PAGES, 'writer_html_horizontal_unit_label_wrapped_over_goal_figure_p1.pdf'));
    const r = res.records[0]!;
    expect([r.department, r.implementing_unit]).toEqual(['成都市郫都区交通运输局', '成都市郫都区交通运输局']);
    expect(r.goal_actual).toBe('全年已按计划完成各项工作，年度安全检查开班班次为5期，项目完成时间已完成，服务对象满意率97.25%。');
  });
});

describe('269. a wrapped field label and the department left of it, both of two lines centred on the row (Writer from .docx, no rules, Sichuan form)', () => {
  test('西昌市人力资源和社会保障 over 局 beside 实施单位（盖 over 章） is the department whole', async () => {
    const res = await run(path.join(PAGES, 'writer_docx_none_unit_label_wrapped_beside_department_of_two_lines_p1.pdf'));
    const r = res.records[0]!;
    expect([r.department, r.implementing_unit]).toEqual(['西昌市人力资源和社会保障局', '西昌市人力资源和社会保障局']);
  });
});

describe('270. a name and a date target each filling its cell, drawn half a point apart (Writer from HTML, a frame only, Shanghai form)', () => {
  test('项目完成时 | 2023 年 6 月 30 日前完成 over 间 | 验收 are two cells, the name whole and the target whole', async () => {
    const res = await run(path.join(PAGES, 'writer_html_outer_name_and_date_target_filling_their_cells_p3-4.pdf'));
    const rows = res.records[0]!.indicators;
    expect(rows.find((i) => i.level3 === '项目完成时间')).toMatchObject({ target: '2023年6月30日前完成验收', actual: '2023年6月完成', weight: '4.00', score: '4.00' });
    expect(rows.find((i) => i.level3 === '服务设施交付时间')).toMatchObject({ target: '2023年9月30日前完成使用', actual: '2023年9月已完成', weight: '3.00', score: '3.00' });
  });
});

describe('271. a wrapped date target touching the next cell\'s date on one line (Writer from HTML, horizontal rules, national form)', () => {
  test('11 月 30 | 2022 年 11, two texts a third of a point apart, part between the figures; 项目完成时 | 11 月 30 | 2022 年 12 too', async () => {
    const res = await run(path.join(PAGES, 'writer_html_horizontal_date_targets_touching_next_cell_p5-6.pdf'));
    const r = res.records.find((x) => x.project_name === '2022年河道综合整治购买服务')!;
    expect(r.indicators.find((i) => i.level3 === '使用及时率')).toMatchObject({ target: '2022年11月30日前完成使用', actual: '2022年11月完成' });
    expect(r.indicators.find((i) => i.level3 === '项目完成时间')).toMatchObject({ target: '2022年11月30日前完成使用', actual: '2022年12月完成', weight: '9', score: '6.9' });
  });
});

describe('272. the total score wrapped a character a line and cut by a page break (Writer from .docx, no rules, Sichuan form)', () => {
  test('9 at one page\'s foot and 8 / . / 8 / 8 at the next one\'s top are 98.88: no false flag', async () => {
    const res = await run(path.join(PAGES, 'writer_docx_none_total_score_wrapped_digit_by_digit_cut_by_page_break_p6-10.pdf'));
    const r = res.records.find((x) => x.project_name === '婚姻登记服务经费')!;
    expect([r.total_weight, r.total_score]).toEqual(['100', '98.88']);
    expect(r.check.status).toBe('ok');
  });
});

describe('273. a group whose merged cell a page break cuts, its name printed on the next page only (Calc, horizontal rules, Shanghai form)', () => {
  test('the rows at the foot of page 1 under no rule in the level-2 column are 质量指标, the group page 2 names', async () => {
    const res = await run(path.join(PAGES, 'calc_horizontal_group_label_only_on_next_page_p1-2.pdf'));
    const rows = res.records[0]!.indicators;
    expect(rows.slice(0, 6).map((i) => i.level2)).toEqual(['数量指标', '质量指标', '质量指标', '质量指标', '质量指标', '质量指标']);
  });
});

describe('274. a side label printed only on the page a table goes on to (Calc, no rules, national form)', () => {
  test('绩效指 / 标 left of the level-1 names on page 4 is a column of its own: 产出指标 and 质量指标 are placed as labels', async () => {
    const res = await run(path.join(PAGES, 'calc_none_side_label_only_on_next_page_p3-4.pdf'));
    const r = res.records.find((x) => x.project_name === '河西区环境信息公开专项经费')!;
    expect(r.indicators.slice(0, 6).map((i) => i.level2)).toEqual(['数量指标', '数量指标', '质量指标', '质量指标', '时效指标', '时效指标']);
  });
});

describe('275. a level-2 column of group names as many as three fifths of the rows (Calc, no rules, Shanghai form)', () => {
  test('数量指标, 质量指标 and 时效指标 centred between rows are labels over them, no rows of their own', async () => {
    const res = await run(path.join(PAGES, 'calc_none_group_names_over_five_rows_p6-7.pdf'));
    const r = res.records.find((x) => x.project_name === '道路运输安全监管及执法检查建设项目')!;
    expect(r.indicators.slice(0, 5).map((i) => i.level2)).toEqual(['数量指标', '数量指标', '质量指标', '质量指标', '时效指标']);
  });
});

describe('276. an indicator row cut by a page break inside its target and its scores (Writer from .docx, all rules, Shanghai form)', () => {
  test('调研报告准确率 | 不低于 | 89% | 5.0 | 5.0 over | 85% | | 0 | 0 is one row: 不低于85%, 5.00', async () => {
    const res = await run(path.join(PAGES, 'writer_docx_all_target_and_scores_cut_by_page_break_p1-2.pdf'));
    const rows = res.records[0]!.indicators;
    expect(rows.find((i) => i.level3 === '调研报告准确率')).toMatchObject({ target: '不低于85%', actual: '89%', weight: '5.00', score: '5.00' });
    expect(rows.filter((i) => !i.level3)).toHaveLength(0);
  });
});

describe('277. the goals beside a wrapped side label that fills its column (Calc, horizontal rules, Sichuan form)', () => {
  test('项目基本情 / 况 and the goal lines two points right of it are two columns: both goals read', async () => {
    const res = await run(path.join(PAGES, 'calc_horizontal_goal_beside_wrapped_side_label_p1-2.pdf'));
    const r = res.records[0]!;
    expect(r.goal_expected).toBe('全年计划按时完成2023年参训教师民办学校规范管理项目各项工作，题库试题交付时间达到定性2023年12月31日前完成，确保使用及时率定性2023年12月31日前完成。');
    expect(r.goal_actual).toBe('本年度，题库试题交付时间为按时完成，使用及时率为按时完成。');
  });
});

describe('278. a one-line target over the next row\'s wrapped date, rows without padding, the last row cut by the page (Writer from HTML, no rules, national form)', () => {
  test('≥95% is 数据准确率\'s target and 2022 年 / 10 月 31 / 日前完成 the next row\'s', async () => {
    const res = await run(path.join(PAGES, 'writer_html_none_one_line_target_over_wrapped_date_at_page_foot_p1-2.pdf'));
    const rows = res.records[0]!.indicators;
    expect(rows.find((i) => i.level3 === '数据准确率')).toMatchObject({ target: '≥95%', actual: '95%' });
    expect(rows.find((i) => i.level3 === '示范基地交付时间')).toMatchObject({ target: '2022年10月31日前完成', actual: '2022年10月完成' });
  });
});

describe('279. the actual goal of one line centred between the expected goal\'s two lines (Writer from .docx, no rules, Shanghai form)', () => {
  test('截至 2023 年 12 月底，… begins the actual goal: its first words, set with the space between Han and Latin, are no part of the expected', async () => {
    const res = await run(path.join(PAGES, 'writer_docx_none_actual_goal_centred_between_expected_lines_p2.pdf'));
    const r = res.records[0]!;
    expect(r.goal_expected).toBe('全年计划按时完成排水管网养护专项各项工作，泵闸质量目标值为符合国家相关标准，节能减排量目标值为=177.00(吨)。');
    expect(r.goal_actual).toBe('截至2023年12月底，泵闸质量为部分达成指标并具有一定效果，节能减排量为122。');
  });
});

describe('280. a goal line drawn up to the next paragraph\'s lines (Writer from HTML, no rules, Shanghai form)', () => {
  test('…目标值为 2023 年 10 月 31 日 | 2．已做好… parts where the actual goal\'s lines begin: 日 stays in the expected', async () => {
    const res = await run(path.join(PAGES, 'writer_html_none_goal_line_drawn_up_to_next_paragraph_p3.pdf'));
    const r = res.records[0]!;
    expect(r.goal_expected).toContain('泵闸交付时间目标值为2023年10月31日前完成使用；');
    expect(r.goal_actual).toBe('1.已做好居民的服务保障工作，水质检测人次19932.00(人次)；\n2.已做好供水企业的服务保障工作，泵闸交付时间2023年10月已完成；\n3.已完成河道的采购与安装调试，用户满意度100.00(%)。');
  });
});

describe('281. goal lines drawn in pieces, a font a glyph, over columns the field rows part (Writer from HTML, a frame only, Sichuan form)', () => {
  test('区域 GDP | 增长…, Writer\'s space between Latin and Han, is no cell\'s edge: both goals whole', async () => {
    const res = await run(path.join(PAGES, 'writer_html_outer_goal_lines_in_font_pieces_p1-2.pdf'));
    const r = res.records.find((x) => x.project_name === '涪城区学前教育保教质量提升工作经费')!;
    expect(r.goal_expected).toBe('通过实施涪城区学前教育保教质量提升工作经费，加强考务培训工作的规范化、标准化建设。加强幼儿园的日常监管，确保促进区域GDP增长定性有效提升；组织开展督导评估，群众满意度达到≥90%。');
    expect(r.goal_actual).toBe('促进区域GDP增长实际完成有效提升；群众满意度实际完成94.75%。');
  });
});

describe('282. the last line of a goal on the next page, whose columns are found apart (Writer from .docx, horizontal rules, Sichuan form)', () => {
  test('断增强。 at the top of page 3 ends the expected goal begun on page 2', async () => {
    const res = await run(path.join(PAGES, 'writer_docx_horizontal_goal_last_line_on_next_page_p2-3.pdf'));
    const r = res.records.find((x) => x.project_name === '老年人健康体检运行维护')!;
    expect(r.goal_expected?.endsWith('确保宣传材料办结时限≤30个工作日，确保人才队伍稳定性定性不断增强。')).toBe(true);
  });
});

describe('283. a note merged over the fund rows that a page break cuts, running on below its cell over the header under it (Chromium, all rules, Sichuan form)', () => {
  test('标的可衡量性。, drawn over 未完成原因分析, ends the 原因 note; the header is read and the indicators\' reasons with it', async () => {
    const res = await run(path.join(PAGES, 'chromium_all_note_overflowing_into_header_below_p4-5.pdf'));
    const r = res.records.find((x) => x.project_name === '职业技能培训补贴运行维护')!;
    expect(r.funds.total.deviation_reason).toBe('因人员变动，工作衔接存在一定滞后，使部分工作延至下一年度实施，今后将进一步完善绩效目标设置，提高目标的可衡量性。');
    expect(r.indicators[0]!.deviation_reason).toBe('偏差原因：会员单位参与积极性不高，使部分工作延至下一年度实施，后续将优化服务流程，提升用户体验。');
  });
});

describe('284. a date target filling its cell, touching the next cell\'s date (Writer from HTML, no rules, national form)', () => {
  test('2023 年 10 月 31 日 | 2023 年 10 月完, drawn half a point apart, part where the figure begins right after Han text', async () => {
    const res = await run(path.join(PAGES, 'writer_html_none_date_target_touching_next_date_p1.pdf'));
    const rows = res.records[0]!.indicators;
    expect(rows.find((i) => i.level3 === '展品交付时间')).toMatchObject({ target: '2023年10月31日前完成', actual: '2023年10月完成' });
  });
});

describe('285. executed figures set flush right with a space after them, touching the rates a narrow column wraps (Writer from HTML, no rules, Sichuan form)', () => {
  test('13.24␠ reaching the wrapped label 预算执 / 行率 is no cell over both columns: every executed amount and rate read in its column', async () => {
    const res = await run(path.join(PAGES, 'writer_html_none_executed_figures_touching_wrapped_rates_p2-3.pdf'));
    const f = res.records[0]!.funds;
    expect([f.total.executed, f.total.execution_rate]).toEqual(['13.24', '97.86']);
    expect([f.fiscal_appropriation?.executed, f.fiscal_appropriation?.execution_rate]).toEqual(['9.44', '98.03']);
    expect([f.fiscal_special_account?.executed, f.fiscal_special_account?.execution_rate]).toEqual(['0.82', '97.62']);
  });
});

describe('286. executed figures centred with a space after them, a figure without one beside them (Writer from HTML, a frame only, Sichuan form)', () => {
  test('0.00, centred on the middle of 295.50␠ and 69.08␠, is the executed column\'s, nearer the rate label though it is', async () => {
    const res = await run(path.join(PAGES, 'writer_html_outer_executed_figures_centred_beside_wrapped_rates_p2.pdf'));
    const f = res.records[0]!.funds;
    expect([f.total.executed, f.total.execution_rate]).toEqual(['295.50', '94.40']);
    expect([f.fiscal_special_account?.executed, f.fiscal_special_account?.execution_rate]).toEqual(['69.08', '99.21']);
    expect(f.unit_funds?.executed).toBe('0.00');
  });
});

describe('287. a fund row\'s name drawn in one text with the figure right of it, the figure wrapped a digit (Writer from .docx, a frame only, national form)', () => {
  test('其他资金 1171318.10 ends where its name does: the names are a column of their own and every initial budget is read whole', async () => {
    const res = await run(path.join(PAGES, 'writer_docx_outer_fund_name_drawn_with_its_figure_p1-3.pdf'));
    const r = res.records.find((x) => x.project_name === '职业教育实训基地建设及督导评估建设项目')!;
    expect([r.funds.total.initial_budget, r.funds.fiscal_appropriation?.initial_budget, r.funds.carryover?.initial_budget, r.funds.other?.initial_budget]).toEqual(['6258046.97', '4725635.02', '361093.85', '1171318.10']);
    expect(r.issues.map((d) => d.code)).not.toContain('funds_sum_mismatch');
  });
});

describe('288. an indicator\'s name cut by a page break, its rest under the repeated header (Writer from HTML, no rules, Shanghai form)', () => {
  test('定性 at page 2\'s top, over the next row, ends 人才队伍稳; the next row keeps its own name', async () => {
    const res = await run(path.join(PAGES, 'writer_html_none_name_cut_by_break_under_repeated_header_p1-2.pdf'));
    const rows = res.records.find((x) => x.project_name === '防汛防台建设项目')!.indicators;
    expect(rows.find((i) => i.level2 === '可持续影响指标')).toMatchObject({ level3: '人才队伍稳定性', target: '建立健全', weight: '15.00' });
    expect(rows.find((i) => i.level1 === '满意度指标')).toMatchObject({ level3: '会员满意度', target: '≥90.00(%)', score: '15.00' });
  });
});

describe('289. a Calc sheet wider than the paper, printed down then across (Calc, horizontal rules, Sichuan form)', () => {
  test('pages 3 and 4 print the 原因 and 未完成原因分析 columns of pages 1 and 2: they are read with them, and their cells keep their own page', async () => {
    const res = await run(path.join(PAGES, 'calc_horizontal_sheet_wider_than_page_p1-4.pdf'));
    expect(res.records).toHaveLength(1);
    const r = res.records[0]!;
    expect(r.funds.total.deviation_reason).toBe('由于参训人员实际报名数量少于预期，使部分工作延至下一年度实施。');
    expect(r.provenance['funds.total.deviation_reason']?.page).toBe(3);
    expect(r.indicators.find((i) => i.level3 === '人均资助政策宣传成本')).toMatchObject({ level1: '产出指标', target: '≤2000元/人', actual: '2516元/人', score: '9', deviation_reason: '因人员变动，工作衔接存在一定滞后，导致该项指标未完全达到年初目标。' });
    expect(r.indicators.find((i) => i.level3 === '会员满意度')).toMatchObject({ level1: '满意度指标', score: '3.63', deviation_reason: '会员单位参与积极性不高，使部分工作延至下一年度实施。' });
    expect([r.grade, r.grade_source]).toEqual(['优', 'conclusion']);
    expect(res.diagnostics.filter((d) => d.code === 'side_page').map((d) => d.location.page)).toEqual([3, 4]);
  });
});

describe('290. an indicator header whose labels wrap (一级 / 指标, 三级指 / 标), beside the section\'s side label, the rows under it closed by named rows merged over two columns (Writer from HTML, a frame only, Sichuan form)', () => {
  test('the side label 绩效指标(90分) keeps its own column, the two lines of labels make the header, and every indicator is read', async () => {
    const res = await run(path.join(PAGES, 'writer_html_outer_wrapped_header_labels_beside_side_label_p2-3.pdf'));
    const r = res.records.find((x) => x.project_name === '旌阳区居住证办理服务工作经费')!;
    expect(r.indicators.map((i) => [i.level1, i.level2, i.level3])).toEqual([
      ['产出指标', '数量指标', '年度窗口服务开班班次'],
      ['产出指标', '质量指标', '宣传活动完成率'],
      ['效益指标', '经济效益指标', '带动群众增收'],
      ['效益指标', '社会效益指标', '安全事故发生率'],
      ['效益指标', '生态效益指标', '对周边环境的影响'],
      ['满意度指标', '服务对象满意度指标', '会员满意度'],
    ]);
    expect(r.indicators[2]).toMatchObject({ target: '≤873.9万元', actual: '859.63万元', weight: '22', score: '22' });
    expect([r.total_weight, r.total_score]).toEqual(['100', '98.83']);
  });
});

describe('291. a figure cut by a page break after its point, its last digits alone at the next page\'s top (Chromium, a frame only, Shanghai form)', () => {
  test('67 over the next row\'s figures, flush with them, is no page number: 24. / 67 is 24.67, and the fund row under it stays a row of its own', async () => {
    const res = await run(path.join(PAGES, 'chromium_outer_cut_figure_rest_alone_at_page_top_p3-4.pdf'));
    const f = res.records.find((x) => x.project_name === '2023年度院前急救能力提升经费')!.funds;
    expect([f.total.initial_budget, f.total.executed, f.total.execution_rate]).toEqual(['22.83', '24.67', '98.68']);
    expect([f.fiscal_appropriation?.initial_budget, f.fiscal_appropriation?.executed]).toEqual(['20.26', '22.70']);
  });
});

describe('292. a group of six rows whose label stands a little off its texts\' middle, the next group cut by the page break (Calc, a frame only, national form)', () => {
  test('数量指标, half an em below the middle of its rows\' texts and right on their rows\' middle, labels six rows; the page\'s last two rows go on with 质量指标 over the break', async () => {
    const res = await run(path.join(PAGES, 'calc_outer_group_of_six_rows_label_off_its_texts_middle_p1-2.pdf'));
    const rows = res.records[0]!.indicators;
    const level2 = (name: string): string | null | undefined => rows.find((i) => i.level3 === name)?.level2;
    expect(['年度救助巡查开班班次', '调研报告准确率', '等级评估规范性', '政策解读准确率', '档案材料办结时限', '登记窗口采购单价'].map(level2)).toEqual(['数量指标', '质量指标', '质量指标', '质量指标', '时效指标', '成本指标']);
  });
});

describe('293. the total weight wrapped over three lines of a narrow column, alone on a page that goes on with the table (Calc, horizontal rules, Shanghai form)', () => {
  test('10 over 0.0 over 0 is 100.00, no weight of 10 and a row of 0.00: the clean table is not flagged weight_sum_not_100', async () => {
    const res = await run(path.join(PAGES, 'calc_horizontal_total_weight_wrapped_over_three_lines_p5-7.pdf'));
    const r = res.records[0]!;
    expect([r.total_weight, r.total_score]).toEqual(['100.00', '99.95']);
    expect(r.issues.map((d) => d.code)).not.toContain('weight_sum_not_100');
  });
});

describe('294. a page inside two rows a page break cuts at both ends, one horizontal rule drawn on it (Chromium, every rule, national form)', () => {
  test('the page is read as a grid of two cut rows: the row cut at page 7\'s foot keeps its note, and the next indicator is read whole', async () => {
    const res = await run(path.join(PAGES, 'chromium_all_page_inside_two_cut_rows_one_rule_p4-8.pdf'));
    const rows = res.records[0]!.indicators;
    const cut = rows.find((i) => i.level3 === '培训教材办结时限')!;
    expect(cut.deviation_reason).toBe('偏差原因：部分服务对象对政策了解不够，造成实际完成值低于目标值，将加强与相关部门的沟通协调，确保按期完成。');
    expect(rows.find((i) => i.level3 === '资金拨付及时率')).toMatchObject({ level2: '时效指标', target: '≥85%', actual: '基本完成', weight: '3', score: '1.1' });
  });
});

describe('295. spare grid columns in the indicator header (Writer from HTML, every rule, Shanghai form)', () => {
  test('an empty column between 分值 and 得分 parts no figure pair: rows whose 实际完成值 is a figure keep their columns, and page 2, whose header has no spare column, is read by its own', async () => {
    const res = await run(path.join(PAGES, 'writer_html_all_spare_grid_columns_beside_weight_p1-2.pdf'));
    const rows = res.records[0]!.indicators;
    expect(rows.find((i) => i.level3 === '技能竞赛场次')).toMatchObject({ target: '≥34(次)', actual: '39', weight: '1.50', score: '1.50' });
    expect(rows.find((i) => i.level3 === '高校毕业生信息录入差错率')).toMatchObject({ target: '≤2(%)', actual: '1.36', weight: '3.50', score: '3.50' });
    expect(rows.find((i) => i.level3 === '户籍人口服务覆盖率')?.deviation_reason).toBe('部分服务对象对政策了解不够，致使满意度略低于预期。');
    expect(res.records[0]!.issues.map((d) => d.code)).not.toContain('weight_sum_not_100');
  });
});

describe('296. a level-1 cell and the level-2 cell beside it drawn without the rule between them (Writer from .docx, every rule, Shanghai form)', () => {
  test('服务对象满意度指标满意度指标, the level 2 read before the level 1 set lower, names both: its rows are 满意度指标', async () => {
    const res = await run(path.join(PAGES, 'writer_docx_all_level_names_cell_without_rule_between_p1.pdf'));
    const rows = res.records[0]!.indicators;
    expect(rows.filter((i) => i.level1 === '满意度指标').map((i) => [i.level2, i.level3])).toEqual([
      ['服务对象满意度指标', '服务对象满意率'],
      ['服务对象满意度指标', '群众满意度'],
    ]);
  });

  test('and read line by line, the level 2 first (服务对象满意度指 + 满意度指标 + 标): its four rows are 满意度指标', async () => {
    const res = await run(path.join(PAGES, 'writer_docx_all_level_names_interleaved_level2_first_p1-2.pdf'));
    const rows = res.records.find((x) => x.project_name === '2023年防汛防台工作经费')!.indicators;
    expect(rows.slice(-5).map((i) => [i.level1, i.level2])).toEqual([['效益指标', '可持续影响指标'], ...Array(4).fill(['满意度指标', '服务对象满意度指标'])]);
  });
});

describe('297. the text of a cell a page break cuts, run past the rule at the table\'s foot (Chromium, every rule, Sichuan form)', () => {
  test('按计划完 / 成支出 is the 原因 of 总额, and 预算执行情况(10 / 分) one label', async () => {
    const res = await run(path.join(PAGES, 'chromium_all_cut_cell_text_runs_past_table_foot_p2-4.pdf'));
    const r = res.records.find((x) => x.project_name === '2023年职业技能培训补贴运维经费')!;
    expect(r.funds.total.deviation_reason).toBe('按计划完成支出');
  });
});

describe('298. a level-1 name a line under the level-2 name, both at the top of the group a page break cuts (Chromium, no rules, national form)', () => {
  test('数量指标, on a line of its own above the row that prints 产出指标(80分), labels that row and the four under it', async () => {
    const res = await run(path.join(PAGES, 'chromium_none_level_names_a_line_apart_at_cut_group_top_p7-9.pdf'));
    const rows = res.records.find((x) => x.project_name === '2022年社会体育指导员公共体育场馆运维补贴')!.indicators;
    expect(rows.slice(0, 6).map((i) => [i.level1, i.level2])).toEqual([...Array(5).fill(['产出指标', '数量指标']), ['产出指标', '质量指标']]);
    expect(rows[0]!.level3).toBe('APP注册用户数');
  });
});

describe('299. the space a producer sets between Han text and a figure, at a column\'s edge, in a paragraph merged over columns (Writer from .docx, no rules and a frame only, Sichuan form)', () => {
  test('数量 9 | 个； and 数量为 | 922台， go on with their sentence: the goal is read whole', async () => {
    const a = await run(path.join(PAGES, 'writer_docx_none_autospace_before_unit_at_column_edge_p1.pdf'));
    expect(a.records[0]!.goal_actual).toBe('1.已落实水质检测的各项保障措施，覆盖泵站数量9个；\n2.已按照“放管服”改革要求优化办事流程，编制调研报告数量3篇。');
    const b = await run(path.join(PAGES, 'writer_docx_outer_autospace_before_figure_at_column_edge_p4-5.pdf'));
    expect(b.records.find((x) => x.project_name === '食品安全抽检工作经费')!.goal_actual).toBe('截至2023年12月底，投诉件数量为922台，使用及时率为按时完成，人才队伍稳定性较上年有所提升，参加抽检人员满意度为85%。');
  });
});

describe('300. the rest of a note merged beside the fund rows, at the next page\'s top right of an edge Writer leaves undrawn (Writer from .docx, every rule, Sichuan form)', () => {
  test('，后续将优化服务流程，提升用户体验。 ends the 原因 of 总额', async () => {
    const res = await run(path.join(PAGES, 'writer_docx_all_cut_note_right_of_undrawn_edge_p3-5.pdf'));
    const r = res.records.find((x) => x.project_name === '2023年大气污染防治建设项目')!;
    expect(r.funds.total.deviation_reason).toBe('受项目招标流程延长影响，导致该项指标未完全达到年初目标，后续将优化服务流程，提升用户体验。');
    expect(r.indicators[0]).toMatchObject({ level3: '覆盖建设工地数量', target: '≥340家', actual: '391家' });
  });
});

describe('301. an amount set flush right against a rate wrapped over two lines, read into the rate\'s cell line by line (Writer from .docx, a frame only, Sichuan form)', () => {
  test('93.00 / 93 / % is the amount 93 and the rate 93.00%, as 93 / 100 says; the clean table is not flagged funds_sum_mismatch', async () => {
    const res = await run(path.join(PAGES, 'writer_docx_outer_amount_read_into_wrapped_rate_p1-3.pdf'));
    const r = res.records.find((x) => x.project_name === '简阳市保障性住房管理工作经费')!;
    expect(r.funds.fiscal_appropriation).toMatchObject({ initial_budget: '67', full_year_budget: '100', executed: '93', execution_rate: '93.00' });
    expect(r.issues.map((d) => d.code)).not.toContain('funds_sum_mismatch');
  });

  test('97.81 / 29.88 / % on the 总额 row is 29.88 and 97.81% (29.88 / 30.55)', async () => {
    const res = await run(path.join(PAGES, 'writer_docx_outer_amount_read_into_wrapped_rate_b_p2-3.pdf'));
    const r = res.records.find((x) => x.project_name === '2023年就业困难人员援助工作经费')!;
    expect(r.funds.total).toMatchObject({ full_year_budget: '30.55', executed: '29.88', execution_rate: '97.81', weight: '10', score: '9.78' });
  });
});

describe('302. the rest of a row a page break cut, its label cells\' edges left undrawn on the next page and drawn by no band below (Writer from .docx, every rule, national form)', () => {
  test('分) | 指标 | 服务对象满意率 are cut along the columns the page before ended with: the last indicator is read, and no extra row', async () => {
    const res = await run(path.join(PAGES, 'writer_docx_all_cut_row_label_edges_undrawn_on_next_page_p1-3.pdf'));
    const r = res.records.find((x) => x.project_name === '蜀山区公共交通乘客满意度调查项目')!;
    expect(r.indicators).toHaveLength(22);
    expect(r.indicators[21]).toMatchObject({ level1: '满意度指标', level2: '服务对象满意度指标', level3: '服务对象满意率', target: '≥80%', actual: '81.67%', weight: '5', score: '5' });
  });
});

describe('303. a level-1 name, a level-2 name and the 三级指标 drawn as one text over their three cells (Writer from .docx, a frame only, national form)', () => {
  test('产出指标(50分) 数量指标 APP注册用户数 is the first row\'s three labels: the row is read, and the rows under it keep 数量指标', async () => {
    const res = await run(path.join(PAGES, 'writer_docx_outer_level_names_and_name_drawn_as_one_text_p1-2.pdf'));
    const rows = res.records.find((x) => x.project_name === '历下区文物保护修缮及文化配送专项经费')!.indicators;
    expect(rows[0]).toMatchObject({ level1: '产出指标', level2: '数量指标', level3: 'APP注册用户数', target: '≥220户', actual: '220户', weight: '3', score: '3' });
    expect(rows[1]).toMatchObject({ level2: '数量指标', level3: '展览场次' });
  });
});

describe('304. a score and the note beside it drawn as one text, and fund figures wrapped over a page break (Writer from .docx, a frame only, Shanghai form)', () => {
  test('6.00 | 2.45 偏差原因：因政策… is a weight, a score and the start of a note; the row is not read a column off', async () => {
    const res = await run(path.join(PAGES, 'writer_docx_outer_score_and_note_drawn_as_one_text_p5-8.pdf'));
    const r = res.records.find((x) => x.project_name === '2023年建设工程质量安全监督专项经费')!;
    expect(r.indicators.find((i) => i.level3 === '人均物业考评成本')).toMatchObject({ target: '≤800.00(元/人)', actual: '883(元/人)', weight: '6.00', score: '2.45' });
    expect(r.issues.map((d) => d.code)).not.toContain('weight_sum_not_100');
  });

  test('the 年度资金总额 row cut by the break, every figure wrapped (1115251.9 / 0, 14000 / 00.00, 10.0 / 0): the rests go on their figures', async () => {
    const res = await run(path.join(PAGES, 'writer_docx_outer_score_and_note_drawn_as_one_text_p5-8.pdf'));
    const f = res.records.find((x) => x.project_name === '防汛防台购买服务')!.funds.total;
    expect(f).toMatchObject({ initial_budget: '1115251.90', full_year_budget: '1400000.00', executed: '1378558.26', weight: '10.00', execution_rate: '98.46', score: '9.84' });
  });
});

describe('305. a fund header alone at a page\'s foot, its figures on the next page set flush right under no label (Writer from .docx, a frame only, Sichuan form)', () => {
  test('110.99 | 119.34 are 年初预算 and 调整后预算数: the columns between the labels come from the figures, not from the page that showed none', async () => {
    const res = await run(path.join(PAGES, 'writer_docx_outer_fund_figures_under_header_alone_at_foot_p2-3.pdf'));
    const r = res.records.find((x) => x.project_name === '社会组织户籍困难家庭帮扶运行维护')!;
    expect(r.funds.total).toMatchObject({ initial_budget: '110.99', full_year_budget: '119.34', executed: '116.45', execution_rate: '97.58', weight: '10', score: '9.76' });
    expect(r.issues.map((d) => d.code)).not.toContain('funds_sum_mismatch');
  });
});

describe('306. two cells\' texts that touch over a column boundary without a rule (Writer from HTML, a frame only, national form)', () => {
  test('2022 年 12 月 31 | 2022 年 12 月完: a wrapped date target and the actual beside it, parted where the digits meet', async () => {
    const res = await run(path.join(PAGES, 'writer_html_outer_touching_date_targets_and_cut_level2_name_p3-4.pdf'));
    const r = res.records.find((x) => x.project_name === '知识产权保护专项经费')!;
    expect(r.indicators.find((i) => i.level3 === '使用及时率')).toMatchObject({ target: '2022年12月31日前完成', actual: '2022年12月完成', weight: '7', score: '2.1' });
  });

  test('服务对象 / 满意度指 | 群众满意度 on the page that goes on with the table: parted where the page before put the boundary', async () => {
    const res = await run(path.join(PAGES, 'writer_html_outer_touching_date_targets_and_cut_level2_name_p3-4.pdf'));
    const rows = res.records.find((x) => x.project_name === '知识产权保护专项经费')!.indicators;
    expect(rows[rows.length - 1]).toMatchObject({ level1: '满意度指标', level2: '服务对象满意度指标', level3: '群众满意度', target: '≥95%', actual: '95.37%' });
  });
});

describe('307. a wrapped level-2 name\'s first line touching the last line of the wrapped 三级指标 beside it (Writer from HTML, no rules, Sichuan form)', () => {
  test('经济效益指 | 金: the rows keep their names and groups', async () => {
    const res = await run(path.join(PAGES, 'writer_html_none_level2_head_touching_level3_rest_p1.pdf'));
    const rows = res.records.find((x) => x.project_name === '仁寿县动物疫病防控专项经费')!.indicators;
    expect(rows.find((i) => i.target === '≤4小时')).toMatchObject({ level2: '时效指标', level3: '培训教材办结时限' });
    expect(rows.find((i) => i.target === '≤761.73万元')).toMatchObject({ level1: '效益指标', level2: '经济效益指标', level3: '节约财政资金', actual: '724.01万元' });
  });
});

describe('308. a running header printed smaller than the text under a wide top margin (Writer from HTML, no rules, national form, landscape)', () => {
  test('北京市朝阳区交通运输局 2023 年度项目支出绩效自评结果 at the top of page 3 is no part of the row the break cut', async () => {
    const res = await run(path.join(PAGES, 'writer_html_none_running_header_under_wide_margin_p1-3.pdf'));
    const r = res.records.find((x) => x.project_name === '互联网医院平台运维专项')!;
    expect(r.indicators.find((i) => i.target === '≥95%' && i.actual === '90.85%')).toMatchObject({ level2: '质量指标', level3: '问题整改到位率' });
  });
});

describe('309. a group labelled on the page after a break, under the rest of the row the break cut (Writer from .docx, no rules, national form)', () => {
  test('成 of 2022 年 12 / 月 31 日前完 | 成 is the open group\'s: 效益指标 and 社会效益指标 take the three rows they are centred on', async () => {
    const res = await run(path.join(PAGES, 'writer_docx_none_group_after_cut_row_rest_p1-4.pdf'));
    const rows = res.records.find((x) => x.project_name === '水文站网运行补贴')!.indicators;
    for (const name of ['安全事故发生率', '户籍人口服务覆盖率', '政策知晓率']) expect(rows.find((i) => i.level3 === name)).toMatchObject({ level1: '效益指标', level2: '社会效益指标' });
    expect(rows.find((i) => i.level3 === '项目完成时间')).toMatchObject({ level2: '时效指标', target: '2022年12月31日前完成' });
  });
});

describe('310. the rest of a field\'s text a page break cut, set tight over the next field\'s line (Writer from HTML, a frame only, Sichuan form)', () => {
  test('级为“优”。 ends 评价结论, not 存在问题 (the label is centred on its own line alone); the grade is read from it', async () => {
    const res = await run(path.join(PAGES, 'writer_html_outer_conclusion_rest_tight_over_next_field_p3-4.pdf'));
    const r = res.records.find((x) => x.project_name === '崇州市商户信用监管专项经费')!;
    expect(r.evaluation_conclusion).toBe('项目按计划实施，资金拨付及时，管理制度健全，绩效目标基本完成，自评得分92.14分，绩效评价等级为“优”。');
    expect(r.problems).toBe('项目资金支付进度较慢，预算执行率有待提高。');
    expect(r.grade).toBe('优');
  });
});

describe('311. a goal\'s paragraph cut by a page break, its rest set tight over the next goal at the top of a page without rules (Writer from HTML, no rules, Sichuan form)', () => {
  test('the four lines above 年度目标完成情况\'s paragraph end 项目年度目标 on the page before', async () => {
    const res = await run(path.join(PAGES, 'writer_html_none_goal_rest_tight_over_next_goal_p2-4.pdf'));
    const r = res.records.find((x) => x.project_name === '碳排放权交易管理运维经费')!;
    expect(r.goal_expected).toBe('1.推进信息系统及APP的升级改造，确保发放样品份数=27717份；\n2.落实现场核查的各项保障措施，监测设备故障修复率目标值为≥100%；\n3.加强建设工地的日常监管，企业办事便利度目标值为定性不断增强；\n4.完成危险废物的采购与安装调试，确保系统持续运行定性有效提升。');
    expect(r.goal_actual).toBe('1.已推进信息系统及APP的升级改造，发放样品份数30144份；\n2.已落实现场核查的各项保障措施，监测设备故障修复率100%；\n3.已加强建设工地的日常监管，企业办事便利度部分达成指标并具有一定效果；\n4.已完成危险废物的采购与安装调试，系统持续运行已建立。');
  });
});

describe('312. a field\'s label and the first line of the section label beside it read as one cell (Writer from .docx, horizontal rules only, Sichuan form)', () => {
  test('项目年度目标项目基 is the label 项目年度目标: the goals are read', async () => {
    const res = await run(path.join(PAGES, 'writer_docx_horizontal_field_label_beside_section_piece_p1-2.pdf'));
    const r = res.records.find((x) => x.project_name === '大邑县大邑县农业技术推广专项经费')!;
    expect(r.goal_expected).toBe('通过实施大邑县大邑县农业技术推广专项经费，推动新型职业农民培训工作高质量发展。组织开展质量抽检，示范基地质量达到定性不断增强；完成年度工作方案的编制工作，确保使用及时率定性2023年12月31日前完成；完成年度培训教材的编制工作，用户满意度达到≥80%。');
    expect(r.goal_actual).toBe('示范基地质量实际完成不断增强；使用及时率实际完成按时完成；用户满意度实际完成99%。养殖户满意度较高。');
  });
});

describe('313. a level-2 column whose groups are mostly one row each, one name centred on three rows (Writer from .docx, no rules, Sichuan form)', () => {
  test('市民参与率 and 群众投诉下降率, beside no name, are 社会效益指标\'s rows with 游客就业率', async () => {
    const res = await run(path.join(PAGES, 'writer_docx_none_level2_names_one_row_groups_p3-4.pdf'));
    const rows = res.records.find((x) => x.project_name === '大邑县非遗保护传承及执法检查工作经费')!.indicators;
    for (const name of ['市民参与率', '游客就业率', '群众投诉下降率']) expect(rows.find((i) => i.level3 === name)).toMatchObject({ level1: '效益指标', level2: '社会效益指标' });
    expect(rows.find((i) => i.level3 === '演出场次采购单价')).toMatchObject({ level2: '成本指标' });
  });
});

describe('314. a last page holding a running header and a seal only (Chromium, no rules, Shanghai form)', () => {
  test('the page is no scan: it is not read by OCR, and the unlabelled total row on the page before stays the total', async () => {
    const res = await run(path.join(PAGES, 'chromium_none_running_header_over_seal_page.pdf'));
    expect(res.diagnostics.map((d) => d.code)).not.toContain('ocr_read');
    const r = res.records.find((x) => x.project_name === '市级交通执法装备更新经费')!;
    expect([r.total_weight, r.total_score]).toEqual(['100.00', '98.33']);
    expect(r.issues.map((d) => d.code)).not.toContain('truncated_table');
  });
});

describe('315. a title wrapped inside its year (Writer from HTML, no rules, Sichuan form)', () => {
  test('…自评表（2023 / 年度）: the title and the line under it name the year', async () => {
    const res = await run(path.join(PAGES, 'writer_html_none_goal_rest_tight_over_next_goal_p2-4.pdf'));
    expect(res.records.find((x) => x.project_name === '涪城区食品安全抽检运维经费')!.year).toBe('2023');
  });
});

describe('316. two side labels set one character a line down one column, one right under the other (Writer from .docx, no rules, Sichuan form)', () => {
  test('情 / 况 of 项目基本情况 over 预 / 算 of 预算执行情况 are no part of the funds header: the table is read with the Sichuan form', async () => {
    const res = await run(path.join(PAGES, 'writer_docx_none_side_labels_stacked_one_character_a_line_p1-3.pdf'));
    const r = res.records.find((x) => x.project_name === '困难群众临时救助专项')!;
    expect(r.template).toBe('sichuan-2023');
    expect(r.funds.total).toMatchObject({ initial_budget: '11.85', full_year_budget: '11.85', executed: '10.79', execution_rate: '91.05' });
    expect(r.indicators[0]).toMatchObject({ level3: '覆盖社会组织数量', target: '=18个', target_value: '18', actual: '18个' });
    expect(r.issues.map((d) => d.code)).not.toContain('unknown_template');
  });

  test('年度目标完成情 / 况, its value beside the first line: the label is made whole and 年度目标完成情况 read', async () => {
    const res = await run(path.join(PAGES, 'writer_docx_none_side_labels_stacked_one_character_a_line_p1-3.pdf'));
    const r = res.records.find((x) => x.project_name === '困难群众临时救助专项')!;
    expect(r.goal_actual).toBe('本年度，政策宣讲完成及时率实际完成100%；统计报表办结时限实际完成47小时。');
  });
});

describe('317. a 三级指标 touching the date target beside it, under a line whose name touches a sign on the same edge (Writer from HTML, no rules, Shanghai form)', () => {
  test('住宅小区交付 | 2023 年 11 月 30 is two cells: 问题响应时间 | ≤1.00(个工作日) above is no paragraph running through the edge', async () => {
    const res = await run(path.join(PAGES, 'writer_html_none_name_touching_date_target_under_sign_on_edge_p2-4.pdf'));
    const rows = res.records.find((x) => x.project_name === '重点城市更新项目管理补贴')!.indicators;
    expect(rows.find((i) => i.level3 === '住宅小区交付时间')).toMatchObject({ target: '2023年11月30日前完成使用', actual: '2023年11月完成', weight: '5.00', score: '5.00' });
    expect(rows.find((i) => i.level3 === '使用及时率')).toMatchObject({ target: '2023年10月31日前完成验收' });
  });
});

describe('318. a row a page break cuts inside its name and inside figures of two decimals (Writer from .docx, a frame only, Shanghai form)', () => {
  test('困难家庭就 | 100.0 | 4.0 | 4.0 and 业率 | 0(%) | 0 | 0 under the repeated header are one row: 困难家庭就业率, 100.00(%), 4.00, 4.00', async () => {
    const res = await run(path.join(PAGES, 'writer_docx_outer_row_cut_with_one_decimal_figures_p6-9.pdf'));
    const rows = res.records.find((x) => x.project_name === '社区居民困难群众临时救助运行维护')!.indicators;
    expect(rows.find((i) => i.level3 === '困难家庭就业率')).toMatchObject({ target: '=100.00(%)', actual: '100.00(%)', weight: '4.00', score: '4.00' });
    expect(rows.some((i) => i.level3 === '业率' || i.level3 === '困难家庭就')).toBe(false);
  });
});

describe('319. a total row a page break cuts inside figures a narrow column wraps (Writer from .docx, no rules, Shanghai form)', () => {
  test('总分 | 10 | 9 and 0. / 00 | 4. / 6 / 8 under the repeated header are one row: 100.00 and 94.68, no mismatch flagged', async () => {
    const res = await run(path.join(PAGES, 'writer_docx_none_total_row_cut_inside_wrapped_figures_p2-4.pdf'));
    const r = res.records.find((x) => x.project_name === '交通执法装备更新建设项目')!;
    expect([r.total_weight, r.total_score, r.grade]).toEqual(['100.00', '94.68', '优']);
    expect(r.check.status).toBe('ok');
  });
});

describe('320. a group name printed whole on both sides of a page break (Calc, no rules, national form)', () => {
  test('质量指标 over page 2\'s first row labels the five rows its cell reaches there; 成本指标 and 社会效益指标 keep their own', async () => {
    const res = await run(path.join(PAGES, 'calc_none_group_label_whole_over_both_parts_of_break.pdf'));
    const rows = res.records[0]!.indicators;
    const level2 = (name: string) => rows.find((i) => i.level3 === name)?.level2;
    expect(['数据准确率', '读者信息录入差错率', '项目预算控制率', '展览预算执行率', '政策知晓率', '户籍人口服务覆盖率'].map(level2)).toEqual(['质量指标', '质量指标', '成本指标', '成本指标', '社会效益指标', '社会效益指标']);
    expect(rows.find((i) => i.level3 === '政策知晓率')?.level1).toBe('效益指标');
  });
});

describe('321. a first label centred on a cell begun on the page before, which left no group open (Calc, no rules, Sichuan form)', () => {
  test('成本指标, above the middle of page 2\'s first six rows, labels all six: 计量器具采购单价 too, not 社会效益指标', async () => {
    const res = await run(path.join(PAGES, 'calc_none_row_under_one_row_groups_at_foot.pdf'));
    const rows = res.records[0]!.indicators;
    const level2 = (name: string) => rows.find((i) => i.level3 === name)?.level2;
    expect(['问题整改到位率', '项目预算控制率', '宣传咨询预算执行率', '计量器具采购单价', '消费者办事便利度'].map(level2)).toEqual(['质量指标', '成本指标', '成本指标', '成本指标', '社会效益指标']);
    expect(rows.find((i) => i.level3 === '计量器具采购单价')?.level1).toBe('产出指标');
  });
});

describe('322. level-1 names set a character a line beside the rows (Writer from .docx, a frame only, Shanghai form)', () => {
  test('产 / 出 / 指 / 标 makes no column of data: 数量指标 and 质量指标 label groups of two and three rows', async () => {
    const res = await run(path.join(PAGES, 'writer_docx_outer_level1_names_a_character_a_line.pdf'));
    const rows = res.records[0]!.indicators;
    expect(rows.slice(0, 5).map((i) => i.level2)).toEqual(['数量指标', '数量指标', '质量指标', '质量指标', '质量指标']);
    expect(rows.map((i) => i.level1)).toEqual(['产出指标', '产出指标', '产出指标', '产出指标', '产出指标', '满意度指标', '满意度指标']);
  });
});

describe('323. a field label wrapped in its cell beside its value (Calc, no rules, Sichuan form)', () => {
  test('年度目标完成情 / 况 labels its own row: the actual goal is read, not taken as a label over the rows above', async () => {
    const res = await run(path.join(PAGES, 'calc_none_wrapped_field_label_beside_its_value_p1-2.pdf'));
    const r = res.records.find((x) => x.project_name === '江油市退休人员社会化管理补贴')!;
    expect(r.goal_actual).toBe('截至2023年12月底，确保参与职业技能培训50人次以上的班次数27班次，群众投诉下降率为97%。');
    expect(r.goal_expected).toMatch(/^全年计划按时完成江油市退休人员社会化管理补贴各项工作.*≥85%。$/);
  });
});

describe('324. a numbered field label wrapped in its cell opens a page (Chromium, horizontal rules, Sichuan form)', () => {
  test('2.项目实施内容及过 / 程概述 begins a row of its own: the summary is read, the expected goal ends where it did', async () => {
    const res = await run(path.join(PAGES, 'chromium_horizontal_numbered_wrapped_label_opens_page_p2-3.pdf'));
    const r = res.records.find((x) => x.project_name === '涪城区农机购置补贴及田间指导补贴')!;
    expect(r.implementation_summary).toBe('2023年度共开展技术培训20次，覆盖合作社，资金按进度拨付，项目实施过程规范。');
    expect(r.goal_expected).toMatch(/用户满意度目标值为≥90%。$/);
  });
});

describe('325. a paragraph cut by a page break over a page number, its rest beside a side label\'s (Writer from .docx, a frame only, Sichuan form)', () => {
  test('…户籍人口服务覆 and 盖率目标值为=100%。… under the next page\'s 基本情况 are one goal', async () => {
    const res = await run(path.join(PAGES, 'writer_docx_outer_goal_cut_under_footer_beside_side_label_rest.pdf'));
    const r = res.records.find((x) => x.project_name === '固体废物规范化管理运维经费')!;
    expect(r.goal_expected).toMatch(/户籍人口服务覆盖率目标值为=100%。提高财政资金使用效益，按照“放管服”改革要求优化办事流程。$/);
    expect(r.goal_actual).toMatch(/^经过全年努力/);
  });
});

describe('326. a reason column under a header with a column more than the page\'s rows (Writer from .docx, all rules, Sichuan form)', () => {
  test('the reason beside 人均宣传咨询成本 on page 2 is read, under the header\'s 未完成原因分析', async () => {
    const res = await run(path.join(PAGES, 'writer_docx_all_reason_column_a_page_grid_lacks_p1-2.pdf'));
    const rows = res.records[0]!.indicators;
    expect(rows.find((i) => i.level3 === '人均宣传咨询成本')?.deviation_reason).toBe('偏差原因：由于参训人员实际报名数量少于预期，致使满意度略低于预期。改进措施：今后将进一步完善绩效目标设置，提高目标的可衡量性。');
    expect(rows.filter((i) => i.deviation_reason !== '').length).toBe(1);
  });
});

describe('327. a paragraph\'s line over a column boundary, a label centred between its lines (Writer from HTML, a frame only, Sichuan form)', () => {
  test('…编制政策解读数量 10 项； stays whole: the line under it runs through the boundary too', async () => {
    const res = await run(path.join(PAGES, 'writer_html_outer_goal_line_past_column_edge_beside_centred_label_p3.pdf'));
    const r = res.records.find((x) => x.project_name === '供水水质监测及水质检测建设项目')!;
    expect(r.goal_actual).toMatch(/^1[.．]已完成河道的采购与安装调试，编制政策解读数量10项；\n2[.．]已按照/);
  });
});

describe('328. a group name on both sides of a break whose rest is a row shorter than measured (Calc, no rules, Shanghai form)', () => {
  test('时效指标 over page 6 labels 项目完成时间 only: 成本指标, centred on the next two rows, keeps 运维费用', async () => {
    const res = await run(path.join(PAGES, 'calc_none_group_name_over_rest_a_row_shorter_p5-6.pdf'));
    const rows = res.records.find((x) => x.project_name === '用户科技人才计划建设项目')!.indicators;
    const level2 = (name: string) => rows.find((i) => i.level3 === name)?.level2;
    expect(['项目完成时间', '运维费用', '技术交流预算执行率'].map(level2)).toEqual(['时效指标', '成本指标', '成本指标']);
  });
});

describe('329. the parts of cut labels opening a page beside a side label (Calc, horizontal rules, Shanghai form)', () => {
  test('指标 over page 2 is no rest of 问题整改到位率\'s row: the row keeps its level names, its name whole', async () => {
    const res = await run(path.join(PAGES, 'calc_horizontal_label_rests_over_break_beside_side_label.pdf'));
    const rows = res.records[0]!.indicators;
    expect(rows.find((i) => i.level3 === '问题整改到位率')).toMatchObject({ level1: '产出指标', level2: '质量指标', weight: '6', score: '2.61' });
    expect(rows.some((i) => (i.level3 ?? '').endsWith('指标'))).toBe(false);
  });
});

describe('330. a level-2 name run past its column\'s boundary, white before the next column\'s text (Calc, a frame only, national form)', () => {
  test('社会效益指标 | 户籍人口服务 / 覆盖率 and 服务对象满意度指标 | 参加展览人员满意度 are two cells each', async () => {
    const res = await run(path.join(PAGES, 'calc_outer_level2_name_past_its_column_edge.pdf'));
    const rows = res.records[0]!.indicators;
    expect(rows.slice(-2).map((i) => [i.level1, i.level2, i.level3, i.weight, i.score])).toEqual([
      ['效益指标', '社会效益指标', '户籍人口服务覆盖率', '30', '30'],
      ['满意度指标', '服务对象满意度指标', '参加展览人员满意度', '10', '10'],
    ]);
  });
});

describe('331. a group name left of a page\'s grid that lost the columns of cut merged cells (Chromium, every rule, national form)', () => {
  test('成本指 / 标 beside the first row of page 3 labels 成本指标\'s eight rows; 资金拨付及时率 keeps 时效指标', async () => {
    const res = await run(path.join(PAGES, 'chromium_all_group_name_left_of_grid_after_break_p1-4.pdf'));
    const rows = res.records.find((x) => x.project_name === '小店区软件和信息服务业发展专项经费')!.indicators;
    const level2 = (name: string) => rows.find((i) => i.level3 === name)?.level2;
    expect(['资金拨付及时率', '人均政策培训成本', '运维费用', '专题对接会预算执行率', '用户满意度'].map(level2)).toEqual(['时效指标', '成本指标', '成本指标', '成本指标', '服务对象满意度指标']);
    expect(rows.filter((i) => i.level2 === '成本指标').map((i) => i.level1)).toEqual(new Array(8).fill('产出指标'));
  });
});

describe('332. a numbered field label under the goals, at their edge and pitch (Writer from .docx, no rules, Sichuan form)', () => {
  test('2.项目实施内容及过程概述 begins a row: the summary is its own field, not the actual goal\'s last line', async () => {
    const res = await run(path.join(PAGES, 'writer_docx_none_numbered_summary_label_under_goals.pdf'));
    const r = res.records[0]!;
    expect(r.implementation_summary).toBe('项目于2023年6月启动，通过政府采购确定服务单位，按合同约定组织实施，2023年12月完成验收。');
    expect(r.goal_actual).toMatch(/为下一年度工作打下了良好基础。$/);
  });
});

describe('333. a side label wrapped in its narrow cell around the goals\' header (Calc, no rules, Sichuan form)', () => {
  test('项目基本情 + 项目年度目标 + 况 is the header 项目年度目标: both goals are read', async () => {
    const res = await run(path.join(PAGES, 'calc_none_side_label_wrapped_around_goal_header.pdf'));
    const r = res.records[0]!;
    expect(r.goal_expected).toMatch(/^全年计划按时完成社区警务建设项目各项工作，确保来沪人员登记人数=1600人/);
    expect(r.goal_actual).toBe('来沪人员登记人数为1911人，驾驶员信息录入差错率为4.58%，空气质量优良率95%。');
  });
});

describe('334. a clipped repeat of a cut label\'s end opening the next page (Calc, horizontal and every rule)', () => {
  test('标 over page 2 repeats the end of 可持续影响指标, whole on page 1: no level-3 name takes it', async () => {
    const res = await run(path.join(PAGES, 'calc_horizontal_clipped_label_rest_repeats_its_end_p1-2.pdf'));
    const rows = res.records[0]!.indicators;
    expect(rows.map((i) => i.level3).slice(7, 10)).toEqual(['群众投诉下降率', '制度建设完善程度', '人才队伍稳定性']);
    expect(rows.filter((i) => i.level2 === '可持续影响指标').length).toBe(2);
  });
  test('象满意 over page 6 repeats the end of 服务对象满意, the first line of 服务对象满意 / 度指标: both rows are 满意度指标', async () => {
    const res = await run(path.join(PAGES, 'calc_all_clipped_label_line_repeated_over_break_p5-6.pdf'));
    const rows = res.records[0]!.indicators;
    expect(rows.slice(-3).map((i) => [i.level3, i.level1, i.level2])).toEqual([
      ['带动见习学员增收', '效益指标', '经济效益指标'],
      ['服务对象满意率', '满意度指标', '服务对象满意度指标'],
      ['参保人员满意度', '满意度指标', '服务对象满意度指标'],
    ]);
  });
});

describe('335. a group under a repeated header on a page too short to show the label columns (Writer from HTML, no rules)', () => {
  test('满意度指标, centred on page 2\'s two rows, labels both; the page before\'s group does not go on', async () => {
    const res = await run(path.join(PAGES, 'writer_html_none_group_under_repeated_header_few_rows_p1-2.pdf'));
    const rows = res.records[0]!.indicators;
    expect(rows.slice(-3).map((i) => [i.level3, i.level2])).toEqual([
      ['长效管理机制建立情况', '可持续影响指标'],
      ['参加科普活动人员满意度', '服务对象满意度指标'],
      ['会员满意度', '服务对象满意度指标'],
    ]);
  });
  test('the rest of a cut name set a character a line, run into the next name, is no label of those rows (Chromium, a frame only)', async () => {
    const res = await run(path.join(PAGES, 'chromium_outer_label_rest_a_character_a_line_under_repeated_header_p3-5.pdf'));
    const rows = res.records.find((x) => (x.project_name ?? '').startsWith('户籍管理'))!.indicators;
    const level2 = (name: string) => rows.find((i) => i.level3 === name)?.level2;
    expect(['安全事故发生率', '服务对象满意率', '参加核查人员满意度'].map(level2)).toEqual(['社会效益指标', '服务对象满意度指标', '服务对象满意度指标']);
  });
});

describe('336. a group name on the line of a side label\'s rest centred on a page\'s rows (Writer from .docx, a frame only, Sichuan form)', () => {
  test('时效指标 labels its five rows, not the rests of the cut header over them', async () => {
    const res = await run(path.join(PAGES, 'writer_docx_outer_group_name_beside_cut_side_label_rest_p2-3.pdf'));
    const rows = res.records.find((x) => (x.project_name ?? '').startsWith('旌阳区社区养老'))!.indicators;
    expect(rows.map((i) => i.level2)).toEqual([...new Array(4).fill('数量指标'), ...new Array(5).fill('时效指标'), ...new Array(3).fill('社会效益指标'), '服务对象满意度指标', '服务对象满意度指标']);
  });
});

describe('337. a project that begins on a page after one read at another line pitch (Calc, a frame only, national form)', () => {
  test('the fund block of 固体废物规范化管理建设项目, wrapped in narrow columns at its own pitch, is read whole', async () => {
    const res = await run(path.join(PAGES, 'calc_outer_new_table_own_line_pitch_p5-8.pdf'));
    const f = res.records.find((x) => x.project_name === '固体废物规范化管理建设项目')!.funds;
    expect([f.total.initial_budget, f.total.full_year_budget, f.total.executed, f.total.execution_rate, f.other?.full_year_budget]).toEqual(['41955900.00', '41955900.00', '34985019.91', '83.39', '7990208.15']);
  });
});

describe('338. names stacked at one pitch over the row a break cuts (Writer from HTML, no rules, national form)', () => {
  test('系统可用率 and 问题整改到 / 位率 are two rows\' names: the cut row sets its cells at its top', async () => {
    const res = await run(path.join(PAGES, 'writer_html_none_stacked_names_over_break_no_padding_p5-6.pdf'));
    const rows = res.records[0]!.indicators;
    expect(rows.slice(12, 15).map((i) => [i.level3, i.target, i.weight, i.score])).toEqual([
      ['监测完成率', '≥80%', '3', '3'],
      ['系统可用率', '≥90%', '3', '3'],
      ['问题整改到位率', '≥80%', '4', '1.5'],
    ]);
  });
});

describe('339. a page that goes on with a table, its own rows stacked tighter than the table\'s pitch (Calc, a frame only, national form)', () => {
  test('page 6 keeps page 5\'s pitch: the reason beside 覆盖商户数量 is its own, and 数量指标 labels its eight rows', async () => {
    const res = await run(path.join(PAGES, 'calc_outer_new_table_own_line_pitch_p5-8.pdf'));
    const rows = res.records.find((x) => x.project_name === '青山湖区老字号品牌保护运维经费')!.indicators;
    expect(rows.slice(0, 8).map((i) => i.level2)).toEqual(new Array(8).fill('数量指标'));
    expect(rows.slice(3, 7).map((i) => [i.level3, i.target, i.deviation_reason.slice(0, 9)])).toEqual([
      ['完成业务培训次数', '≥2次', ''],
      ['覆盖商户数量', '≥70家', '受市场价格下降影响'],
      ['确保参与展会50人次以上的班次数', '7班次', ''],
      ['APP注册用户数', '≥35（户）', '偏差原因：由于参训'],
    ]);
  });
});

describe('340. rows of two lines without padding, a weight alone on each row\'s middle (Writer from .docx, no rules, Shanghai form)', () => {
  test('完成考务 / 培训次数 / 带动受助 / 学生增收 / 吸引社会 / 投资 is three rows\' names, each with its target', async () => {
    const res = await run(path.join(PAGES, 'writer_docx_none_two_line_rows_no_padding_lone_weights.pdf'));
    const rows = res.records[0]!.indicators;
    expect(rows.slice(7, 13).map((i) => [i.level3, i.target, i.weight])).toEqual([
      ['完成考务培训次数', '=4.00(次)', '3'],
      ['带动受助学生增收', '≤589.12(万元)', '4'],
      ['吸引社会投资', '≤138.85(万元)', '2'],
      ['促进区域GDP增长', '明显提高', '3'],
      ['节约财政资金', '≤186.38(万元)', '4'],
      ['带动学生增收', '≤683.54(万元)', '4'],
    ]);
    expect(rows.length).toBe(26);
  });
});

describe('341. the rest of a wrapped section label on the line of the goal under it (Writer from HTML, a frame only, Shanghai form)', () => {
  test('标 of 年度总体目 / 标 does not begin the expected goal', async () => {
    const res = await run(path.join(PAGES, 'writer_html_outer_side_label_rest_begins_goal_p3-5.pdf'));
    const r = res.records.find((x) => (x.project_name ?? '').startsWith('浦东新区环境信息公开'))!;
    expect(r.goal_expected).toMatch(/^1[.．]完成年度统计报表的编制工作，问题整改到位率达到≥85\(%\)；/);
    expect(r.goal_actual).toMatch(/^1[.．]已完成年度统计报表的编制工作/);
  });
});

describe('342. the rest of a goal a break cut, wider than its first part, under other columns (Chromium, no rules, Sichuan form)', () => {
  test('items 4 and 5 over page 5 go on the expected goal', async () => {
    const res = await run(path.join(PAGES, 'chromium_none_goal_rest_wider_than_its_first_part_p4-5.pdf'));
    const r = res.records.find((x) => (x.project_name ?? '').startsWith('阆中市停车信息平台'))!;
    expect(r.goal_expected).toMatch(/；\n4[.．]完成监测设备的采购与安装调试，服务本市经济社会发展大局，助力GDP稳步增长；\n5[.．]建立健全交通运行监测工作台账，加强运行监测工作的规范化、标准化建设。$/);
    expect(r.goal_actual).toMatch(/^1[.．]已按照/);
  });
});

describe('343. the first line of a reason merged down the fund rows, above the total\'s line (Chromium, no rules, Sichuan form)', () => {
  test('户籍人 begins the total\'s 原因', async () => {
    const res = await run(path.join(PAGES, 'chromium_none_reason_first_line_above_total.pdf'));
    expect(res.records[0]!.funds.total.deviation_reason).toBe('户籍人口统计口径调整，使部分工作延至下一年度实施，下一步将加强项目前期论证和预算编制的科学性。');
  });
});

describe('344. a comparison sign on a column boundary inside a paragraph\'s line (Writer from HTML, horizontal rules, Sichuan form)', () => {
  test('确保新增健身步道数=60处；… stays one line of the expected goal', async () => {
    const res = await run(path.join(PAGES, 'writer_html_horizontal_goal_line_sign_on_funds_boundary_p5-6.pdf'));
    expect(res.records[0]!.goal_expected).toBe('通过实施广汉市广汉市社会体育指导员培训专项经费，全面落实市委、市政府关于全民健身设施建设的工作要求。推进信息系统及APP的升级改造，确保新增健身步道数=60处；建立健全体育赛事组织工作台账，系统可用率达到≥100%；推进信息系统及APP的升级改造，市民获得感目标值为定性全年稳定运行。');
  });
});

describe('345. a name wrapped onto two lines, centred on a group a break cuts at a page\'s foot (Calc, a frame only, Sichuan form)', () => {
  test('社会效益指 / 标 labels 安全事故发生率 and the two rows under it, and the row over page 6', async () => {
    const res = await run(path.join(PAGES, 'calc_outer_stacked_name_centred_on_group_cut_at_foot_p4-6.pdf'));
    const rows = res.records[0]!.indicators;
    expect(rows.slice(11, 16).map((i) => i.level2)).toEqual(['经济效益指标', '社会效益指标', '社会效益指标', '社会效益指标', '社会效益指标']);
  });
});

describe('346. a fund row cut by a break inside its name and inside its rate (Writer from .docx, every rule, Sichuan form)', () => {
  test('财政专户管理资 | 10 over 金 | 0.00 is 财政专户管理资金 at 100.00: no rate_mismatch on a clean table', async () => {
    const res = await run(path.join(PAGES, 'writer_docx_all_fund_name_and_rate_cut_by_break.pdf'));
    const r = res.records[0]!;
    expect(r.funds.fiscal_special_account?.execution_rate).toBe('100.00');
    expect(r.issues.map((d) => d.code)).not.toContain('rate_mismatch');
  });
});

describe('347. rates set a character a line beside a side label set the same way (Writer from .docx, no rules, Sichuan form)', () => {
  test('99 / . / 60% under the total\'s 99 are its rate 99.60, 9 over 其他资金\'s 6.19% is 96.19: no rate or score mismatch', async () => {
    const res = await run(path.join(PAGES, 'writer_docx_none_rate_a_character_a_line_p1-7.pdf'));
    const r = res.records[0]!;
    expect([r.funds.total.initial_budget, r.funds.total.execution_rate, r.funds.total.weight, r.funds.total.score]).toEqual(['500.99', '99.60', '10', '9.96']);
    expect(r.funds.total.deviation_reason).toMatch(/^偏差原因：部分服务对象对政策了解不够/);
    expect(r.funds.other?.execution_rate).toBe('96.19');
    expect(r.issues.filter((d) => d.code === 'exec_score_mismatch' || d.code === 'rate_mismatch')).toEqual([]);
  });
});
