/**
 * Templates as data (issue 10): the shipped templates are valid data; a form no template knows is
 * read by the union of their labels and named (`unknown_template`); a template added as data
 * alone reads it; tables that are no project tables are skipped; each template's own rules —
 * composed targets, a grade named in the conclusion, fund rows the form does not have, rounding,
 * which rows sum to the total.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseTemplate, TemplateSpec } from '../src/domain/template.js';
import { TEMPLATES } from '../src/domain/templates/index.js';
import type { ProjectRecord } from '../src/domain/schema.js';
import { templateJsonSchema } from '../src/emit/json-schema.js';
import { processFile } from '../src/pipeline.js';
import { readBlock } from '../src/repair/index.js';
import { templateSet } from '../src/domain/vocabulary.js';
import { textToRows } from '../src/rows/text-rows.js';
import type { Row } from '../src/types.js';
import { Settings } from '../src/settings.js';
import { ensureBuilt, ziping } from './cli-helpers.js';
import { comparable, dump, goldComparable, ROOT, runText, type GoldProject } from './helpers.js';

const ADDED = path.join(ROOT, 'test/fixtures/added-template');
const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');

async function one(text: string, name = 'inline.txt'): Promise<ProjectRecord> {
  const res = await runText(text, name);
  expect(res.records).toHaveLength(1);
  return res.records[0]!;
}
const codes = (r: ProjectRecord): string[] => [...r.issues, ...r.repairs].map((d) => d.code);

describe('the shipped templates', () => {
  test('are valid data with unique ids, and the README lists each with its unit and rounding', () => {
    expect(TEMPLATES.map((t) => t.id)).toEqual(['shanghai-2023', 'national', 'sichuan-2023']);
    for (const t of TEMPLATES) {
      expect(TemplateSpec.safeParse(t).success, t.id).toBe(true);
      expect(readme).toMatch(new RegExp(`\\| \`${t.id}\` \\|[^\\n]*\\| ${t.unit}[^\\n]*\\| ${t.rounding === 'truncate' ? 'truncated' : 'rounded half-up'}`));
    }
  });
  test('schemas/template.schema.json is current (npm run schema rewrites it)', () => {
    expect(readFileSync(path.join(ROOT, 'schemas/template.schema.json'), 'utf8')).toBe(templateJsonSchema());
  });
  test('a template that is not valid data is refused with what is wrong', () => {
    expect(() => parseTemplate({ id: 'Bad Id' }, 'bad.json')).toThrow(/bad\.json: not a valid template: .*id/);
    const t = JSON.parse(readFileSync(path.join(ADDED, 'example-county-2023.template.json'), 'utf8')) as Record<string, unknown>;
    expect(() => parseTemplate({ ...t, titles: ['(unclosed'] }, 'x.json')).toThrow(/x\.json: pattern "\(unclosed" is not a regular expression/);
  });
});

describe('a government variant added as data', () => {
  const text = readFileSync(path.join(ADDED, 'added_template_01.txt'));
  const gold = (JSON.parse(readFileSync(path.join(ADDED, 'added_template_01.json'), 'utf8')) as { projects: GoldProject[] }).projects[0]!;
  const template = JSON.parse(readFileSync(path.join(ADDED, 'example-county-2023.template.json'), 'utf8')) as unknown;

  test('without its template: read by the labels of every template, the labels no template knows named (unknown_template)', async () => {
    const res = await processFile({ path: 'added_template_01.txt', bytes: new Uint8Array(text) }, Settings.parse({}));
    const r = res.records[0]!;
    expect(r.template).toBe('unknown');
    const warn = r.issues.find((d) => d.code === 'unknown_template');
    expect(warn).toMatchObject({ severity: 'warning' });
    expect(warn!.actual!.split(', ')).toEqual(expect.arrayContaining(['资金情况（万元）', '预算数', '执行数', '绩效目标', '完成情况', '目标值', '偏差原因']));
    // What no template knows stays null: nothing is read into a column it does not belong to.
    expect(r.funds.total).toMatchObject({ full_year_budget: null, executed: null, execution_rate: '95.00', weight: '10', score: '9.5' });
    expect(r.goal_expected).toBeNull();
    expect(r.project_name).toBe(gold.project_name);
  });

  test('with its template (JSON, no code): every field read, the checks follow its rules', async () => {
    const settings = Settings.parse({ templates: [template] });
    const res = await processFile({ path: 'added_template_01.txt', bytes: new Uint8Array(text) }, settings);
    const r = res.records[0]!;
    expect(r.template).toBe('example-county-2023');
    expect(comparable(r, gold)).toEqual(goldComparable(gold));
    expect(r.issues).toEqual([]);
    // 284 / 300 = 94.666…: printed 94.67, which this template's half-up rounding accepts.
    expect(r.check).toMatchObject({ status: 'ok', rounding: 'round' });
  });

  test('the same file from the command line: ingest --template', { timeout: 120_000 }, () => {
    ensureBuilt();
    const out = path.join(ROOT, '.test-output', 'added-template');
    const run = ziping(['ingest', path.join(ADDED, 'added_template_01.txt'), '--template', path.join(ADDED, 'example-county-2023.template.json'), '--out', out, '--replace', '--no-report'], ROOT);
    expect(run.code, run.stderr).toBe(0);
    const records = JSON.parse(readFileSync(path.join(out, 'projects.json'), 'utf8')) as ProjectRecord[];
    expect(records.map((x) => [x.template, x.check.status])).toEqual([['example-county-2023', 'ok']]);
    const bad = ziping(['ingest', path.join(ADDED, 'added_template_01.txt'), '--template', path.join(ADDED, 'added_template_01.txt'), '--out', out], ROOT);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain(`--template ${path.join(ADDED, 'added_template_01.txt')}`);
  });
});

// A Sichuan county table as a dump: 部门预算项目支出绩效自评表. 103.03 / 120 = 85.858…: 85.86 rounded
// half-up (85.85 truncated); 10 × 85.86 / 100 = 8.586 → 8.59; rows printed / or blank count 0 in 总额.
const SICHUAN = {
  head: [
    '金堂县部门预算项目支出绩效自评表(2023年度)',
    '单位：万元',
    ['项目名称', '', '', '教师培训专项经费'],
    ['主管部门', '', '', '金堂县教育局', '实施单位（盖章）', '金堂县职业中学'],
    ['项目基本情况', '项目年度目标', '完成全县教师培训200人次，培训合格率不低于95%。'],
    ['', '年度目标完成情况', '全年培训教师215人次，合格率96.5%。'],
  ],
  funds: [
    ['预算执行情况(10分)', '年度预算数(万元)', '年初预算', '调整后预算数', '预算执行数', '预算执行率', '权重', '得分', '原因'],
    ['', '总额', '100.00', '120.00', '103.03', '85.86%', '10', '8.59', '部分学校培训延期'],
    ['', '其中：财政资金', '100.00', '110.00', '95.03', '86.39%', '/', '/', ''],
    ['', '财政专户管理资金', '/', '/', '/', '/', '/', '/', ''],
    ['', '单位资金', '0.00', '10.00', '8.00', '80.00%', '/', '/', ''],
    ['', '其他资金', '', '', '', '', '/', '/', ''],
  ],
  indicators: [
    ['绩效指标(90分)', '一级指标', '二级指标', '三级指标', '指标性质', '指标值', '度量单位', '完成值', '权重', '得分', '未完成原因分析'],
    ['', '产出指标', '数量指标', '培训教师人次', '≥', '200', '人次', '215', '30', '30', ''],
    ['', '', '质量指标', '培训合格率', '≥', '95', '%', '96.5', '30', '30', ''],
    ['', '效益指标', '社会效益指标', '教学质量', '定性', '明显提升', '', '有所提升', '20', '16', '部分学校进度滞后'],
    ['', '满意度指标', '服务对象满意度指标', '教师满意度', '≥', '90', '%', '92', '10', '10', ''],
    ['合计', '', '', '', '', '', '', '', '100', '94.59', ''],
  ],
  tail: [
    ['评价结论', '项目实施规范，自评得分94.59分，评价等级为“优”。'],
    ['存在问题', '个别学校培训进度滞后。'],
    ['改进措施', '加强培训进度管理。'],
    '项目负责人：张明    财务负责人：李华',
  ],
};
const sichuan = (edit: (s: string) => string = (s) => s): string =>
  edit(dump([...SICHUAN.head, ...SICHUAN.funds, ...SICHUAN.indicators, ...SICHUAN.tail]));

describe('sichuan-2023', () => {
  test('every canonical field, composed targets, the grade named in the conclusion, rows the form does not have null', async () => {
    const r = await one(sichuan());
    expect(r).toMatchObject({
      template: 'sichuan-2023', unit: '万元', year: '2023', title: '金堂县部门预算项目支出绩效自评表(2023年度)',
      project_name: '教师培训专项经费', department: '金堂县教育局', implementing_unit: '金堂县职业中学',
      goal_expected: '完成全县教师培训200人次，培训合格率不低于95%。', goal_actual: '全年培训教师215人次，合格率96.5%。',
      implementation_summary: null, total_weight: '100', total_score: '94.59', grade: '优', grade_source: 'conclusion',
      evaluation_conclusion: '项目实施规范，自评得分94.59分，评价等级为“优”。', problems: '个别学校培训进度滞后。', improvements: '加强培训进度管理。',
    });
    expect(r.funds).toEqual({
      total: { initial_budget: '100.00', full_year_budget: '120.00', executed: '103.03', execution_rate: '85.86', weight: '10', score: '8.59', deviation_reason: '部分学校培训延期' },
      fiscal_appropriation: { initial_budget: '100.00', full_year_budget: '110.00', executed: '95.03', execution_rate: '86.39' },
      carryover: null,
      other: { initial_budget: null, full_year_budget: null, executed: null, execution_rate: null },
      fiscal_special_account: { initial_budget: null, full_year_budget: null, executed: null, execution_rate: null },
      unit_funds: { initial_budget: '0.00', full_year_budget: '10.00', executed: '8.00', execution_rate: '80.00' },
    });
    expect(r.indicators.map((i) => [i.target, i.actual, i.target_nature, i.target_value, i.target_unit, i.actual_value])).toEqual([
      ['≥200人次', '215人次', '≥', '200', '人次', '215'],
      ['≥95%', '96.5%', '≥', '95', '%', '96.5'],
      ['定性明显提升', '有所提升', '定性', '明显提升', null, '有所提升'],
      ['≥90%', '92%', '≥', '90', '%', '92'],
    ]);
    expect(r.indicators[2]!.deviation_reason).toBe('部分学校进度滞后');
    expect(r.check).toMatchObject({ status: 'ok', rounding: 'round', recomputed_execution_rate: '85.86', recomputed_grade: '优' });
    expect(r.issues).toEqual([]);
    expect(r.repairs.find((d) => d.code === 'grade_from_conclusion')).toMatchObject({ severity: 'info', expected: '优', location: { field: 'grade' } });
  });

  test('a label a page break cut inside its note (实施单位（盖 of 实施单位（盖章）) still names its field', async () => {
    const r = await one(sichuan((s) => s.replace('实施单位（盖章）', '实施单位（盖')));
    expect(r.implementing_unit).toBe('金堂县职业中学');
  });

  test('rates are rounded half-up: a truncated rate is flagged', async () => {
    const r = await one(sichuan((s) => s.replace('85.86%', '85.85%')));
    expect(r.issues.map((d) => d.code)).toContain('rate_mismatch');
    expect(r.issues.find((d) => d.code === 'rate_mismatch')).toMatchObject({ actual: '85.85', expected: '85.86' });
  });

  test('总额 = 财政资金 + 财政专户管理资金 + 单位资金 + 其他资金, a row printed as / or blank counting 0', async () => {
    const r = await one(sichuan((s) => s.replace('单位资金\t0.00', '单位资金\t5.00')));
    expect(r.issues.map((d) => d.code)).toEqual(['funds_sum_mismatch']);
    expect(r.issues[0]).toMatchObject({ actual: '100.00', expected: '105.00', location: { field: 'funds.total.initial_budget' } });
  });

  test('a fund row that could not be read is unknown, not 0: no funds_sum_mismatch', async () => {
    // The label of 其中：财政资金 lost (a borderless layer's mix of label pieces): the row is not read.
    const r = await one(sichuan((s) => s.replace('\t其中：财政资金\t', '\t其中：财算执行政资金\t')));
    expect(r.funds.fiscal_appropriation).toEqual({ initial_budget: null, full_year_budget: null, executed: null, execution_rate: null });
    expect(codes(r)).not.toContain('funds_sum_mismatch');
  });

  test('a grade the conclusion names against the band of the total is flagged', async () => {
    const r = await one(sichuan((s) => s.replace('评价等级为“优”', '评价等级：良')));
    expect(r.grade).toBe('良');
    expect(r.issues.map((d) => d.code)).toEqual(['grade_mismatch']);
  });

  test('a conclusion that names no grade: grade null, never filled in, and the table is complete', async () => {
    const r = await one(sichuan((s) => s.replace('，评价等级为“优”', '')));
    expect([r.grade, r.grade_source, r.check.recomputed_grade, r.check.status]).toEqual([null, null, '优', 'ok']);
    expect(codes(r)).not.toContain('missing_cell');
  });

  test('the year line on the row of the unit line, or cut into cells, still gives the year', async () => {
    const apart = (edit: (s: string) => string) => sichuan((s) => edit(s.replace('金堂县部门预算项目支出绩效自评表(2023年度)\n', '金堂县部门预算项目支出绩效自评表\n')));
    for (const text of [apart((s) => s.replace('单位：万元', '\t(2023年度)\t单位：万元')), apart((s) => s.replace('单位：万元', '（2023\t年度）\n单位：万元'))]) {
      const r = await one(text);
      expect([r.title, r.year]).toEqual(['金堂县部门预算项目支出绩效自评表', '2023']);
    }
  });

  test('a signature line drawn into the rows beside the total row or a field is set aside, the rest of the row read', async () => {
    // A borderless table whose signature line under it the PDF layer set into its last rows.
    const r = await one(sichuan((s) => s
      .replace('合计\t\t\t', '合计\t项目负责人：张明\t\t')
      .replace('改进措施\t加强培训进度管理。', '项目负责人：张明\t改进措施\t加强培训进度管理。')));
    const clean = await one(sichuan());
    expect([r.total_weight, r.total_score, r.improvements, r.grade]).toEqual([clean.total_weight, clean.total_score, clean.improvements, clean.grade]);
    expect(r.indicators).toHaveLength(clean.indicators.length);
    expect(r.check.status).toBe('ok');
    expect(r.repairs.filter((d) => d.code === 'signature_set_aside').map((d) => d.actual)).toEqual(['项目负责人：张明', '项目负责人：张明']);
  });

  test('实施单位（盖章） wrapped in a narrow cell around a value is read as the label, each value to its field', async () => {
    const clean = await one(sichuan());
    const around = await one(sichuan((s) => s.replace('金堂县教育局\t实施单位（盖章）\t金堂县职业中学', '金堂县教育局\t实施单位（盖金堂县职业中学章）')));
    const split = await one(sichuan((s) => s.replace('金堂县教育局\t实施单位（盖章）\t金堂县职业中学', '实施单位（盖金堂县教育局\t章）\t金堂县职业中学')));
    for (const r of [around, split]) expect([r.department, r.implementing_unit]).toEqual([clean.department, clean.implementing_unit]);
  });

  test('a fund row label read into one cell with its first figure (总额100.00) or a piece of the side label (总额预算执行情况) is read apart', async () => {
    const glued = sichuan((s) => s.replace(/\n\t(总额|其中：财政资金|单位资金)\t/g, '\n\t$1'));
    const r = await one(glued);
    const clean = await one(sichuan());
    expect(r.funds).toEqual(clean.funds);
    expect(r.check.status).toBe('ok');
    expect(r.repairs.filter((d) => d.code === 'label_value_joined').map((d) => d.actual)).toEqual(['总额100.00', '其中：财政资金100.00', '单位资金0.00']);
    // A row label in one cell with a piece of the side label printed down the block (borderless).
    const side = await one(sichuan((s) => s.replace('\n\t总额\t', '\n总额预算执行情况(10分)\t').replace('\n\t其中：财政资金\t', '\n预其中：财政资金\t')));
    expect([side.template, side.funds]).toEqual(['sichuan-2023', clean.funds]);
    expect(side.repairs.filter((d) => d.code === 'label_value_joined').map((d) => d.expected)).toEqual(['总额', '其中：财政资金']);
    // The label between two pieces of the side label (行情况 单位资金 (10分)).
    const mid = await one(sichuan((s) => s.replace('\n\t单位资金\t', '\n行情况单位资金(10分)\t')));
    expect([mid.template, mid.funds]).toEqual(['sichuan-2023', clean.funds]);
    // The header's 年度预算数(万元) and 年初预算 drawn as one cell, 总额 with its first figure.
    const header = await one(sichuan((s) => s.replace('年度预算数(万元)\t年初预算', '年度预算数(万元)年初预算').replace('\t总额\t', '\t总额')));
    expect([header.template, header.funds]).toEqual(['sichuan-2023', clean.funds]);
  });

  test('the year and unit lines set into the rows of a merged 项目名称 label are no value: the name is read below them, the year from its line', () => {
    // A borderless layer's rows: 项目名称 merged over three lines, the year line and the unit line on its first two.
    const rows: Row[] = textToRows(sichuan((s) => s.replace('金堂县部门预算项目支出绩效自评表(2023年度)\n单位：万元\n项目名称\t\t\t教师培训专项经费\n',
      '金堂县部门预算项目支出绩效自评表\n项目名称\t\t\t(2023年度)\n\t\t\t\t\t单位：万元\n\t\t\t教师培训专项经费\n')));
    const at = rows.findIndex((r) => r.cells[0]?.text === '项目名称');
    rows[at]!.cells[0] = { ...rows[at]!.cells[0]!, rowSpan: 3, merge: 'start' };
    const draft = readBlock({ title: '金堂县部门预算项目支出绩效自评表', rows: rows.slice(1) }, { file: 'inline.txt', report: () => undefined }, templateSet());
    expect([draft.project_name, draft.year, draft.unit]).toEqual(['教师培训专项经费', '2023', '万元']);
  });

  test('项目基本情况 as columns, with 项目实施内容及过程概述', async () => {
    const text = sichuan((s) =>
      s.replace(
        '项目基本情况\t项目年度目标\t完成全县教师培训200人次，培训合格率不低于95%。\n\t年度目标完成情况\t全年培训教师215人次，合格率96.5%。\n',
        '项目基本情况\t1.项目年度目标完成情况\n\t项目年度目标\t年度目标完成情况\n\t完成全县教师培训200人次。\t全年培训教师215人次。\n\t2.项目实施内容及过程概述\t分两期组织集中培训。\n',
      ),
    );
    const r = await one(text);
    expect([r.goal_expected, r.goal_actual, r.implementation_summary]).toEqual(['完成全县教师培训200人次。', '全年培训教师215人次。', '分两期组织集中培训。']);
    // The label wrapped over three lines in a narrow cell, read as rows with its value's lines between them.
    const stacked = await one(text.replace('\t2.项目实施内容及过程概述\t分两期组织集中培训。\n', '\t2.项目实施\n\t分两期组织\n\t内容及过\n\t集中培训。\n\t程概述\n'));
    expect([stacked.goal_expected, stacked.goal_actual, stacked.implementation_summary]).toEqual(['完成全县教师培训200人次。', '全年培训教师215人次。', '分两期组织集中培训。']);
  });
});

// The Ministry of Finance form as a dump: 项目资金（元）, 分值 before 执行率, rates with %, points on
// level-1 cells, 偏差原因分析及改进措施, a 总分 row, no grade. 1,034,340 / 1,200,000 = 86.195: 86.20
// half-up (86.19 truncated).
const NATIONAL = [
  '项目支出绩效自评表',
  '（2022 年度）',
  ['项目名称', '', '社区养老服务补贴'],
  ['主管部门', '', '某某区民政局', '实施单位', '某某区养老服务中心'],
  ['项目资金（元）', '', '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
  ['', '年度资金总额：', '1,000,000.00', '1,200,000.00', '1,034,340.00', '10', '86.20%', '8.62'],
  ['', '其中：本年财政拨款', '1,000,000.00', '1,000,000.00', '900,000.00', '—', '90.00%', '—'],
  ['', '上年结转资金', '0.00', '200,000.00', '134,340.00', '—', '—', '—'],
  ['', '其他资金', '0.00', '0.00', '0.00', '—', '—', '—'],
  ['年度总体目标', '预期目标', '', '实际完成情况'],
  ['', '为120名老人提供上门服务。', '', '全年服务老人126名。'],
  ['绩效指标', '一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'],
  ['', '产出指标(50分)', '数量指标', '服务老人人数', '≥120人', '126人', '30', '30', ''],
  ['', '', '质量指标', '服务合格率', '≥95%', '97%', '20', '20', ''],
  ['', '效益指标(30分)', '社会效益指标', '老人生活质量', '有效提升', '有所提升', '30', '28', '宣传不足，下一步加强宣传'],
  ['', '满意度指标(10分)', '服务对象满意度指标', '老人满意度', '≥90%', '95%', '10', '10', ''],
  ['总分', '', '', '', '', '', '100', '96.62', ''],
];

describe('national', () => {
  test('read with its own rules: 元, the year line, rates without %, placeholders null, no grade printed and none required', async () => {
    const r = await one(dump(NATIONAL));
    expect(r).toMatchObject({ template: 'national', unit: '元', year: '2022', title: '项目支出绩效自评表', grade: null, grade_source: null, total_score: '96.62' });
    expect(r.funds.total).toMatchObject({ full_year_budget: '1200000.00', executed: '1034340.00', execution_rate: '86.20', weight: '10', score: '8.62' });
    expect(r.funds.carryover).toEqual({ initial_budget: '0.00', full_year_budget: '200000.00', executed: '134340.00', execution_rate: null });
    expect([r.funds.fiscal_special_account, r.funds.unit_funds]).toEqual([null, null]);
    expect(r.indicators.map((i) => i.level1)).toEqual(['产出指标', '产出指标', '效益指标', '满意度指标']);
    expect(r.indicators[2]!.deviation_reason).toBe('宣传不足，下一步加强宣传');
    expect(r.check).toMatchObject({ status: 'ok', rounding: 'round', recomputed_grade: '优' });
    expect(r.issues).toEqual([]);
  });
  test('the ends of the last level names wrapped onto the 总分 line (度指标, (10分)) leave it the total row', async () => {
    const clean = await one(dump(NATIONAL));
    for (const ends of [['标(10分)', '度指标'], ['(10分)', '']]) {
      const rows = [...NATIONAL];
      rows[rows.length - 1] = ['总分', ends[0]!, ends[1]!, '', '', '', '100', '96.62', ''];
      const r = await one(dump(rows));
      expect([r.total_weight, r.total_score, r.indicators.length, r.check.status]).toEqual([clean.total_weight, clean.total_score, clean.indicators.length, 'ok']);
    }
  });
  test('a page footer (-1-, 第2页 共3页) kept among the rows is no indicator and no text', async () => {
    const rows = [...NATIONAL];
    rows.splice(13, 0, '-1-');
    rows.splice(11, 0, ['', '', '第2页 共3页']);
    const r = await one(dump(rows));
    const clean = await one(dump(NATIONAL));
    expect(r.indicators.map((i) => i.level3)).toEqual(clean.indicators.map((i) => i.level3));
    expect([r.goal_expected, r.goal_actual]).toEqual([clean.goal_expected, clean.goal_actual]);
    expect(r.issues).toEqual([]);
  });
  test('the side label 绩效指标 printed one character a line is no text of the rows beside it', async () => {
    const rows = NATIONAL.map((r, i) => (i >= 12 && i <= 15 && Array.isArray(r) ? ['绩效指标'[i - 12]!, ...r.slice(1)] : r));
    rows[11] = ['', ...(rows[11] as string[]).slice(1)];
    const r = await one(dump(rows));
    expect(r.indicators).toEqual((await one(dump(NATIONAL))).indicators.map((i, n) => ({ ...i, provenance: r.indicators[n]!.provenance })));
    expect(codes(r)).not.toContain('garbage_label');
  });
  test('a level-1 name and the side label 绩效指标 read as one cell (Chromium, no rules) keep their row', async () => {
    const rows = NATIONAL.map((r, i) => (i === 12 && Array.isArray(r) ? ['', '产出指标(50分)绩效指标', ...r.slice(2)] : r));
    rows[11] = ['', ...(rows[11] as string[]).slice(1)];
    const r = await one(dump(rows));
    expect(r.indicators.map((i) => [i.level1, i.level2, i.level3])).toEqual((await one(dump(NATIONAL))).indicators.map((i) => [i.level1, i.level2, i.level3]));
    expect(codes(r)).not.toContain('garbage_label');
  });
  test('a truncated rate is flagged (the form rounds half-up)', async () => {
    const r = await one(dump(NATIONAL).replace('86.20%', '86.19%'));
    expect(r.issues.map((d) => d.code)).toContain('rate_mismatch');
  });
});

describe('tables that are not project tables', () => {
  const DEPT_WIDE = [
    '部门整体支出绩效自评表',
    ['部门名称', '金堂县教育局'],
    ['年度主要任务', '任务名称', '主要内容'],
    ['', '教育教学', '保障全县中小学正常运转'],
    ['年度绩效指标', '一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分'],
    ['', '产出指标', '数量指标', '学校数', '10所', '10所', '50', '50'],
    ['总分', '', '', '', '', '', '100', '98'],
  ];
  test('a department-wide table is skipped with an info diagnostic; the project table after it is read', async () => {
    const res = await runText(dump(DEPT_WIDE) + sichuan());
    expect(res.records.map((r) => r.project_name)).toEqual(['教师培训专项经费']);
    expect(res.records[0]!.check.status).toBe('ok');
    const skipped = res.diagnostics.filter((d) => d.code === 'non_project_table');
    expect(skipped).toHaveLength(1);
    expect(skipped[0]).toMatchObject({ severity: 'info', location: { line: 1 } });
    expect(res.diagnostics.map((d) => d.code)).not.toContain('truncated_table');
  });
  test('a title in report prose with no table after it is no broken table', async () => {
    const prose = dump(['附件2', '项目支出绩效自评表', '本单位按照要求开展了2023年度项目支出绩效自评工作，现将有关情况说明如下。', '一、项目基本情况']);
    const res = await runText(prose + sichuan());
    expect(res.records).toHaveLength(1);
    expect(res.diagnostics.map((d) => d.code)).toContain('non_project_table');
    expect(res.diagnostics.map((d) => d.code)).not.toContain('truncated_table');
    const alone = await runText(prose);
    expect(alone.records).toEqual([]);
    expect(alone.entry.error?.code).toBe('no_table');
  });
});
