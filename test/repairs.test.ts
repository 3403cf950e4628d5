/** One test per repair heuristic, on rows taken from the real dumps (samples/ and corpus/dev). */
import { describe, expect, test } from 'vitest';
import type { ProjectRecord } from '../src/domain/schema.js';
import { dump, runText } from './helpers.js';

const FUNDS_HEADER = ['项目资金（万元）', '', '', '年初预算数', '全年预算数', '全年执行数', '分数', '执行率', '得分'];
const FUNDS = [
  ['', '', '年度资金总额', '124.00', '84.00', '81.39', '10.00', '96.89', '9.68'],
  ['', '', '其中：当年财政拨款', '124.00', '84.00', '81.39', '-', '96.89', '-'],
  ['', '', '上年结转资金', '0.00', '0.00', '0.00', '-', '0.00', '-'],
  ['', '', '其他资金', '0.00', '0.00', '0.00', '-', '0.00', '-'],
];
const GOALS = [
  ['年度总体目标', '', '预期目标', '', '', '实际完成情况'],
  ['', '', '按计划及时开展2场法治工作培训。', '', '', '全年开展法治工作培训2场。'],
];
const IND_HEADER = ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析'];
// 法律法规专项经费 (samples/, table 3): 10 + 80 = 100, total 99.68.
const INDICATORS = [
  ['产出指标', '数量指标', '合同应审尽审率', '=100(%)', '100.00(%)', '10.00', '10.00'],
  ['', '', '法治工作培训、执法培训完成场数', '=2.00(场)', '2.00(场)', '20.00', '20.00'],
  ['', '', '外聘法律顾问人数', '=7.00(人)', '7.00(人)', '10.00', '10.00'],
  ['', '质量指标', '人员培训质量', '良好', '达成指标', '10.00', '10.00'],
  ['', '时效指标', '外聘法律顾问服务及时率', '=100(%)', '100.00(%)', '10.00', '10.00'],
  ['', '', '组织人员培训及时率', '=100(%)', '100.00(%)', '10.00', '10.00'],
  ['效益指标', '社会效益指标', '合同风险控制情况', '有效控制', '达成指标', '10.00', '10.00'],
  ['满意度指标', '服务对象满意度指标', '参加培训人员满意度', '≥90(%)', '100.00(%)', '10.00', '10.00'],
];
const TOTAL = ['', '', '', '', '', '100', '99.68'];

function table(parts: { head?: (string[] | string)[]; funds?: string[][]; goals?: string[][]; indHeader?: string[]; indicators?: string[][]; total?: string[] } = {}): string {
  return dump([
    '财政项目支出绩效自我评价',
    ...(parts.head ?? [
      ['项目名称', '', '法律法规专项经费'],
      ['主管部门', '', '上海市人力资源和社会保障局', '实施单位', '上海市人力资源和社会保障局'],
    ]),
    FUNDS_HEADER,
    ...(parts.funds ?? FUNDS),
    ...(parts.goals ?? GOALS),
    parts.indHeader ?? IND_HEADER,
    ...(parts.indicators ?? INDICATORS),
    parts.total ?? TOTAL,
    ['评分等级', '', '优'],
  ]);
}

async function one(text: string): Promise<ProjectRecord> {
  const res = await runText(text);
  expect(res.records).toHaveLength(1);
  return res.records[0]!;
}
const repairCodes = (r: ProjectRecord): string[] => r.repairs.map((d) => d.code);

describe('repairs', () => {
  test('the unrepaired table reads clean', async () => {
    const r = await one(table());
    expect(r.check.status).toBe('ok');
    expect(r.issues).toEqual([]);
    expect(r.indicators.map((i) => i.level2)).toEqual(['数量指标', '数量指标', '数量指标', '质量指标', '时效指标', '时效指标', '社会效益指标', '服务对象满意度指标']);
  });

  test('merged labels printed on the middle row of their group (tab_dump_03, 公交行业运营补贴专项资金)', async () => {
    const rows = [
      ['产出指标', '', '网站建设及信息发布工作完成率', '100%', '达成指标', '10.00', '10.00'],
      ['', '', '每家继续教育基地专业技术实训人数', '≥20000.00(人次)', '27914.00(人次)', '7.00', '7.00'],
      ['', '数量指标', '档案数字化工作完成率', '≥90%', '达成指标', '3.00', '3.00'],
      ['', '', '对口支援培训工作开展场数', '2', '达成指标', '5.00', '5.00'],
      ['', '', '工会-报纸订阅工作完成率', '=100.00(%)', '100.00(%)', '13.00', '13.00'],
      ['', '', '安全检查企业数', '>1200.00(家)', '1512.00(家)', '5.00', '5.00'],
      ['', '质量指标', '维保人员资质达标率', '≥90%', '达成指标', '9.00', '9.00'],
      ['', '', '设备运维稳定性', '稳定', '达成指标', '3.00', '3.00'],
      ['效益指标', '社会效益指标', '泄密事故发生数', '0', '达成指标', '27.00', '27.00'],
      ['满意度指标', '服务对象满意度指标', '管理人员满意度', '≥85.00(%)', '85.00(%)', '8.00', '8.00'],
    ];
    const r = await one(table({ indicators: rows, total: ['', '', '', '', '', '100', '99.68'] }));
    expect(r.indicators.map((i) => i.level2)).toEqual([
      '数量指标', '数量指标', '数量指标', '数量指标', '数量指标', '数量指标', '质量指标', '质量指标', '社会效益指标', '服务对象满意度指标',
    ]);
    expect(r.indicators.map((i) => i.level1).slice(0, 8).every((l) => l === '产出指标')).toBe(true);
    expect(repairCodes(r)).toContain('merged_label_group');
  });

  test('two groupings that the printed labels fit equally well are reported with both readings (issue 9)', async () => {
    // 数量指标 centred on row 2 fits rows 1–3 or 1–4; 质量指标 centred on row 6 then fits 4–8 or 5–8.
    const rows = [
      ['产出指标', '', '培训班开班数', '=2(班)', '2.00(班)', '10.00', '10.00'],
      ['', '数量指标', '培训人数', '≥100(人)', '120.00(人)', '10.00', '10.00'],
      ['', '', '课程开发数', '=4(门)', '4.00(门)', '10.00', '10.00'],
      ['', '', '培训考核合格率', '≥90%', '95%', '10.00', '10.00'],
      ['', '', '教材编印质量', '良好', '达成指标', '10.00', '10.00'],
      ['', '质量指标', '学员出勤率', '≥95%', '达成指标', '10.00', '10.00'],
      ['', '', '证书发放准确率', '=100%', '达成指标', '10.00', '10.00'],
      ['', '', '课程评估达标率', '≥90%', '达成指标', '10.00', '10.00'],
      ['满意度指标', '服务对象满意度指标', '参训人员满意度', '≥90(%)', '95.00(%)', '10.00', '10.00'],
    ];
    const r = await one(table({ indicators: rows, total: ['', '', '', '', '', '100', '99.68'] }));
    // The names decide: 合格率 is a 质量指标 word.
    expect(r.indicators.map((i) => i.level2).slice(0, 8)).toEqual(['数量指标', '数量指标', '数量指标', '质量指标', '质量指标', '质量指标', '质量指标', '质量指标']);
    const amb = r.repairs.filter((d) => d.code === 'ambiguous_label_group');
    expect(amb).toHaveLength(1);
    expect(amb[0]).toMatchObject({ severity: 'warning', actual: '数量指标 to row 3, 质量指标 from row 4', expected: '数量指标 to row 4, 质量指标 from row 5' });
    expect(amb[0]!.message).toContain('培训考核合格率');
  });

  test('level names on a row of their own above their group\'s first row (a page break cut the group) name that group', async () => {
    const rows = [...INDICATORS.slice(0, 6), ['效益指标', '社会效益指标', '', '', '', '', ''], ['', '', '合同风险控制情况', '有效控制', '达成指标', '10.00', '10.00'], INDICATORS[7]!];
    const r = await one(table({ indicators: rows }));
    expect(r.indicators).toHaveLength(8);
    expect(r.indicators[6]).toMatchObject({ level1: '效益指标', level2: '社会效益指标', level3: '合同风险控制情况' });
    expect(repairCodes(r)).toContain('group_labels_above');
  });

  test('fund row labels run together down their column, out of line with their figures (Writer from HTML without rules)', async () => {
    const funds = [
      ['', '', '年度资金总额其中：当', '124.00', '84.00', '81.39', '10.00', '96.89', '9.68'],
      ['', '', '年财政拨款上年结转', '120.00', '80.00', '77.39', '-', '96.73', '-'],
      ['', '', '资金其他资金', '4.00', '4.00', '4.00', '-', '100.00', '-'],
      ['', '', '', '0.00', '0.00', '0.00', '-', '0.00', '-'],
    ];
    const r = await one(table({ funds }));
    expect(r.funds.total).toMatchObject({ initial_budget: '124.00', executed: '81.39', score: '9.68' });
    expect(r.funds.fiscal_appropriation).toMatchObject({ initial_budget: '120.00', executed: '77.39' });
    expect(r.funds.carryover).toMatchObject({ initial_budget: '4.00', executed: '4.00' });
    expect(r.funds.other).toMatchObject({ initial_budget: '0.00', executed: '0.00' });
    expect(repairCodes(r)).toContain('fund_labels_in_order');
  });

  test('a side label\'s points read into the first fund row\'s label ((10分)年度资金总额)', async () => {
    const funds = [['', '', '(10分)年度资金总额', '124.00', '84.00', '81.39', '10.00', '96.89', '9.68'], ...FUNDS.slice(1)];
    const r = await one(table({ funds }));
    expect(r.funds.total).toMatchObject({ initial_budget: '124.00', executed: '81.39', execution_rate: '96.89', score: '9.68' });
    expect(r.check.status).toBe('ok');
  });

  test('a grouping the layout settles is not reported as ambiguous', async () => {
    const r = await one(table());
    expect(r.repairs.map((d) => d.code)).not.toContain('ambiguous_label_group');
  });

  test('cells shifted by one (tab_dump_01, 非机动车停放秩序治理专项资金)', async () => {
    const rows = [...INDICATORS.slice(0, 6), ['效益指标', '社会效益指标', '', '合同风险控制情况', '有效控制', '达成指标', '10.00', '10.00'], INDICATORS[7]!];
    const r = await one(table({ indicators: rows }));
    expect(r.indicators[6]).toMatchObject({ level2: '社会效益指标', level3: '合同风险控制情况', target: '有效控制', actual: '达成指标', weight: '10.00', score: '10.00' });
    expect(repairCodes(r)).toContain('shifted_cells');
  });

  test('a 三级指标 printed in the level-1 column (samples/, 队伍建设专项)', async () => {
    const r = await one(table({ indicators: [...INDICATORS.slice(0, 7), ['', '服务对象满意度指标', '参加培训人员满意度', '≥90(%)', '100.00(%)', '5.00', '5.00'], ['机关纪委-培训人员满意度', '', '', '≥90%', '达成指标', '5.00', '5.00']] }));
    expect(r.indicators[8]).toMatchObject({ level1: '满意度指标', level2: '服务对象满意度指标', level3: '机关纪委-培训人员满意度', target: '≥90%', actual: '达成指标' });
    expect(repairCodes(r)).toContain('label_in_wrong_column');
  });

  test('三级指标 and 年度指标值 printed left of their columns (samples/, 劳动保障工作经费)', async () => {
    const rows = [...INDICATORS];
    rows.splice(4, 0, ['福保-培训参加人次', '80人次', '', '', '达成指标', '0.00', '0.00']);
    const r = await one(table({ indicators: rows }));
    expect(r.indicators[4]).toMatchObject({ level2: '质量指标', level3: '福保-培训参加人次', target: '80人次', actual: '达成指标' });
    expect(repairCodes(r)).toContain('label_in_wrong_column');
  });

  test('a level-2 name in the level-1 column (samples/, 劳动保障工作经费)', async () => {
    const rows = [...INDICATORS];
    rows[4] = ['时效指标', '', '外聘法律顾问服务及时率', '=100(%)', '100.00(%)', '10.00', '10.00'];
    const r = await one(table({ indicators: rows }));
    expect(r.indicators[4]).toMatchObject({ level1: '产出指标', level2: '时效指标', level3: '外聘法律顾问服务及时率', weight: '10.00' });
    expect(repairCodes(r)).toContain('level2_in_level1_column');
  });

  test('a level-1 and a level-2 name in one cell are both read (Calc, a frame only: 满意度指标服务对象满意度指标)', async () => {
    const rows = [...INDICATORS.slice(0, 7), ['满意度指标服务对象满意度指标', '', '参加培训人员满意度', '≥90(%)', '100.00(%)', '10.00', '10.00']];
    const r = await one(table({ indicators: rows }));
    expect(r.indicators[7]).toMatchObject({ level1: '满意度指标', level2: '服务对象满意度指标', level3: '参加培训人员满意度', weight: '10.00' });
    expect(repairCodes(r)).toContain('level_labels_joined');
  });

  test('a whole row shifted left reads as a shift, not a misplaced label (tab_dump_01, 高校思政课建设专项经费)', async () => {
    const rows = [...INDICATORS];
    rows[4] = ['时效指标', '外聘法律顾问服务及时率', '=100(%)', '100.00(%)', '10.00', '10.00'];
    const r = await one(table({ indicators: rows }));
    expect(r.indicators[4]).toMatchObject({ level1: '产出指标', level2: '时效指标', level3: '外聘法律顾问服务及时率', weight: '10.00' });
    expect(repairCodes(r)).toContain('shifted_cells');
    expect(repairCodes(r)).not.toContain('level2_in_level1_column');
  });

  test('a row of a page with another grid (its merged label cells given fewer slots) keeps its printed level names (seed 31337, file 025)', async () => {
    // The header page's grid gives the 二级 and 年度指标值 cells two slots; the row at the top of
    // the next page one each.
    const wide = (r: string[]): string[] => [r[0]!, r[1]!, '', r[2]!, r[3]!, '', ...r.slice(4)];
    const rows = INDICATORS.map(wide);
    rows[7] = INDICATORS[7]!;
    const r = await one(table({ indHeader: wide(IND_HEADER), indicators: rows, total: wide(TOTAL) }));
    expect(r.indicators[7]).toMatchObject({ level1: '满意度指标', level2: '服务对象满意度指标', level3: '参加培训人员满意度', weight: '10.00', score: '10.00' });
    expect(r.check.status).toBe('ok');
  });

  test('garbage in a label cell: level 1 comes from level 2 (tab_dump_01, 基本公共卫生服务项目)', async () => {
    const rows = [...INDICATORS];
    rows[6] = ['八八三三三三', '社会效益指标', '合同风险控制情况', '有效控制', '达成指标', '10.00', '10.00'];
    const r = await one(table({ indicators: rows }));
    expect(r.indicators[6]).toMatchObject({ level1: '效益指标', level2: '社会效益指标', level3: '合同风险控制情况' });
    expect(repairCodes(r)).toEqual(expect.arrayContaining(['garbage_label', 'level1_from_level2']));
  });

  test('项目名称 printed after the name (samples/, 海外联络处专项经费)', async () => {
    const r = await one(table({ head: [['海外联络处专项经费'], ['项目名称'], ['主管部门', '上海市人力资源和社会保障局', '实施单位', '上海市人力资源和社会保障局']] }));
    expect(r.project_name).toBe('海外联络处专项经费');
    expect(repairCodes(r)).toContain('name_after_label');
  });

  test('a label and its value in one cell (tab_dump_01, 教育考试组织实施项目)', async () => {
    const r = await one(table({ head: [['项目名称', '教育考试组织实施项目'], ['主管部门', '', '上海市教育委员会', '实施单位 上海市教育委员会']] }));
    expect(r.implementing_unit).toBe('上海市教育委员会');
    expect(repairCodes(r)).toContain('label_value_joined');
  });

  test('the funds header merged with the 年度资金总额 row, and thousands separators (tab_dump_02)', async () => {
    const header = ['项目资金（万元）', '年度资金总额', '年初预算数', '全年预算数', '全年执行数', '分数', '执行率', '得分'];
    const funds = [
      ['', '', '', '6,250.00', '6,250.00', '5,474.95', '10.00', '87.59', '8.75'],
      ['', '', '其中：当年财政拨款', '6,250.00', '6,250.00', '5,474.95', '-', '87.59', '-'],
      ['', '', '上年结转资金', '0.00', '0.00', '0.00', '-', '0.00', '-'],
      ['', '', '其他资金', '0.00', '0.00', '0.00', '-', '0.00', '-'],
    ];
    const text = table({ funds }).replace(FUNDS_HEADER.join('\t'), header.join('\t'));
    const r = await one(text);
    expect(r.funds.total).toEqual({ initial_budget: '6250.00', full_year_budget: '6250.00', executed: '5474.95', execution_rate: '87.59', weight: '10.00', score: '8.75', deviation_reason: null });
    expect(repairCodes(r)).toEqual(expect.arrayContaining(['fund_header_merged', 'thousands_separator']));
  });

  test('a fund row shifted to the first column (tab_dump_01, 教育考试组织实施项目)', async () => {
    const funds = [...FUNDS.slice(0, 3), ['其他资金', '0.00', '0.00', '0.00', '-', '0.00', '-']];
    const r = await one(table({ funds }));
    expect(r.funds.other).toEqual({ initial_budget: '0.00', full_year_budget: '0.00', executed: '0.00', execution_rate: '0.00' });
    expect(repairCodes(r)).toContain('shifted_cells');
  });

  test('fund values printed cells after their label (samples/, 留学人员专项资助)', async () => {
    const funds = FUNDS.map((r) => [...r.slice(0, 3), '', ...r.slice(3)]);
    const r = await one(table({ funds }));
    expect(r.funds.total.executed).toBe('81.39');
    expect(r.check.status).toBe('ok');
  });

  test('HTML tags in goal texts (samples/, 队伍建设专项)', async () => {
    const goals = [GOALS[0]!, ['', '', '<p>1、切实履行主体责任。</p> <p>2、营造风清气正的政治生态。</p>', '', '', '完成。']];
    const r = await one(table({ goals }));
    expect(r.goal_expected).toBe('1、切实履行主体责任。\n2、营造风清气正的政治生态。');
    expect(repairCodes(r)).toContain('html_removed');
  });

  test('a row cut short after its 分值 keeps 得分 null (samples/, 劳动保障工作经费)', async () => {
    const rows = [...INDICATORS];
    rows[3] = ['', '', '质量指标', '质量指标', '人员培训质量', '良好', '达成指标', '10.00'];
    const r = await one(table({ indicators: rows }));
    expect(r.indicators[3]).toMatchObject({ level2: '质量指标', level3: '人员培训质量', weight: '10.00', score: null });
    expect(r.issues.map((d) => d.code)).toContain('missing_cell');
  });

  test('traditional or unusual characters are kept as printed', async () => {
    const rows = [...INDICATORS];
    rows[2] = ['', '', '外聘法律顧問人數', '=7.00(人)', '7.00(人)', '10.00', '10.00'];
    const r = await one(table({ indicators: rows }));
    expect(r.indicators[2]!.level3).toBe('外聘法律顧問人數');
  });
});
