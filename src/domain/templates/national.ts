/** Template `national`: the Ministry of Finance 项目支出绩效自评表 that district governments copy. */
import type { TemplateInput } from '../template.js';
import { FRAMEWORK, GRADE_BANDS, UNIT_PATTERNS, YEAR_PATTERNS } from './common.js';

export const NATIONAL: TemplateInput = {
  id: 'national',
  publisher: 'Ministry of Finance form (项目支出绩效自评表), copied by most district and county governments',
  description: 'a year line (2022 年度) under the title; 项目资金（元）or（万元）with 分值 before 执行率; rates printed with %; ' +
    'rows 年度资金总额(：) / 其中：当年(本年)财政拨款 / 上年结转资金 / 其他资金, placeholders — / -; side label 绩效指标; ' +
    'level-1 cells may carry points 产出指标(50分); 偏差原因分析及改进措施; a 总分 row; usually no grade; rates and the funds score rounded half-up',
  titles: ['财政项目支出绩效自评表', '项目支出绩效自评表'],
  unit: '元',
  unit_patterns: UNIT_PATTERNS,
  year_patterns: YEAR_PATTERNS,
  rounding: 'round',
  fields: {
    project_name: ['项目名称'],
    department: ['主管部门'],
    implementing_unit: ['实施单位'],
    goal_expected: ['预期目标'],
    goal_actual: ['实际完成情况'],
    grade: ['评分等级', '自评等级'],
  },
  required: ['project_name', 'department', 'implementing_unit', 'goal_expected', 'goal_actual'],
  sections: ['年度总体目标', '绩效指标'],
  funds: {
    headers: ['项目资金（元）', '项目资金（万元）', '项目资金'],
    columns: [
      { key: 'initial_budget', labels: ['年初预算数'] },
      { key: 'full_year_budget', labels: ['全年预算数'] },
      { key: 'executed', labels: ['全年执行数'] },
      { key: 'weight', labels: ['分值'] },
      { key: 'execution_rate', labels: ['执行率'] },
      { key: 'score', labels: ['得分'] },
    ],
    rows: [
      { key: 'total', labels: ['年度资金总额'] },
      { key: 'fiscal_appropriation', labels: ['其中：当年财政拨款', '其中：本年财政拨款', '当年财政拨款', '本年财政拨款'], optional: ['execution_rate'] },
      { key: 'carryover', labels: ['上年结转资金'], optional: ['execution_rate'] },
      { key: 'other', labels: ['其他资金'], optional: ['execution_rate'] },
    ],
    sum: { total: 'total', parts: ['fiscal_appropriation', 'carryover', 'other'], placeholder_is_zero: false },
  },
  indicators: {
    columns: [
      { key: 'level1', labels: ['一级指标'] },
      { key: 'level2', labels: ['二级指标'] },
      { key: 'level3', labels: ['三级指标'] },
      { key: 'target', labels: ['年度指标值'] },
      { key: 'actual', labels: ['实际完成值'] },
      { key: 'weight', labels: ['分值'] },
      { key: 'score', labels: ['得分'] },
      { key: 'deviation_reason', labels: ['偏差原因分析及改进措施', '偏差原因分析及整改措施'] },
    ],
    framework: FRAMEWORK,
  },
  total: { labels: ['总分', '合计'], unlabelled: false },
  grade: { required: false, bands: GRADE_BANDS },
};
