/** Template `shanghai-2023`: the Shanghai city form 财政项目支出绩效自我评价 (the dev corpus). */
import type { TemplateInput } from '../template.js';
import { FRAMEWORK, GRADE_BANDS, UNIT_PATTERNS, YEAR_PATTERNS } from './common.js';

export const SHANGHAI_2023: TemplateInput = {
  id: 'shanghai-2023',
  publisher: '上海市 city departments and districts (财政项目支出绩效自我评价)',
  description: '项目资金（万元）or（元）with 分数 before 执行率; 年度总体目标 as 预期目标 / 实际完成情况 columns; ' +
    '偏差原因分析; a total row often unlabelled; 评分等级 printed; rates and the funds score truncated to 2 decimals',
  titles: ['财政项目支出绩效自我?评价', '项目支出绩效自我?评价?表'],
  unit: '万元',
  unit_patterns: UNIT_PATTERNS,
  year_patterns: YEAR_PATTERNS,
  rounding: 'truncate',
  fields: {
    project_name: ['项目名称'],
    department: ['主管部门', '主管单位', '主管部门及代码'],
    implementing_unit: ['实施单位', '项目实施单位', '执行单位'],
    goal_expected: ['预期目标', '年初设定目标'],
    goal_actual: ['实际完成情况', '全年实际完成情况'],
    grade: ['评分等级', '自评等级', '绩效等级'],
  },
  required: ['project_name', 'department', 'implementing_unit', 'goal_expected', 'goal_actual', 'grade'],
  sections: ['年度总体目标'],
  funds: {
    headers: ['项目资金（万元）', '项目资金（元）', '项目资金'],
    columns: [
      { key: 'initial_budget', labels: ['年初预算数'] },
      { key: 'full_year_budget', labels: ['全年预算数', '调整后预算数'] },
      { key: 'executed', labels: ['全年执行数'] },
      { key: 'weight', labels: ['分数', '分值', '权重'] },
      { key: 'execution_rate', labels: ['执行率'] },
      { key: 'score', labels: ['得分'] },
    ],
    rows: [
      { key: 'total', labels: ['年度资金总额', '资金总额'] },
      { key: 'fiscal_appropriation', labels: ['其中：当年财政拨款', '当年财政拨款', '其中：财政拨款', '财政拨款', '其中：财政资金', '财政资金'] },
      { key: 'carryover', labels: ['上年结转资金', '上年结转', '其中：上年结转资金'] },
      { key: 'other', labels: ['其他资金', '单位资金', '其他'] },
    ],
    sum: { total: 'total', parts: ['fiscal_appropriation', 'carryover', 'other'], placeholder_is_zero: false },
  },
  indicators: {
    columns: [
      { key: 'level1', labels: ['一级指标'] },
      { key: 'level2', labels: ['二级指标'] },
      { key: 'level3', labels: ['三级指标'] },
      { key: 'target', labels: ['年度指标值', '年度目标值', '指标值'] },
      { key: 'actual', labels: ['实际完成值', '全年实际值', '实际值'] },
      { key: 'weight', labels: ['分值', '权重'] },
      { key: 'score', labels: ['得分'] },
      { key: 'deviation_reason', labels: ['偏差原因分析'] },
    ],
    framework: FRAMEWORK,
  },
  total: { labels: ['总分', '合计', '总计'], unlabelled: true },
  grade: { required: true, bands: GRADE_BANDS },
};
