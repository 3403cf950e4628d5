/** Template `sichuan-2023`: 部门预算项目支出绩效自评表(2023年度), Sichuan county and department level. */
import type { TemplateInput } from '../template.js';
import { FRAMEWORK, GRADE_BANDS, UNIT_PATTERNS, YEAR_PATTERNS } from './common.js';

/** Every column of a fund row below 总额 may print / or nothing (a source the project did not use). */
const ALL_OPTIONAL = ['initial_budget', 'full_year_budget', 'executed', 'execution_rate'] as const;

export const SICHUAN_2023: TemplateInput = {
  id: 'sichuan-2023',
  publisher: '四川省 county and department budget units (部门预算项目支出绩效自评表)',
  description: 'a 单位：万元 line; 实施单位（盖章）; 项目基本情况 (项目年度目标, 年度目标完成情况, 项目实施内容及过程概述); ' +
    '预算执行情况(10分) with 年初预算 / 调整后预算数 / 预算执行数 / 预算执行率 / 权重 / 得分 / 原因 and rows 总额 / 财政资金 / ' +
    '财政专户管理资金 / 单位资金 / 其他资金 (no 上年结转资金); targets in parts 指标性质 + 指标值 + 度量单位, actual 完成值; ' +
    'a 合计 row; 评价结论 (naming the grade), 存在问题, 改进措施; rates and the funds score rounded half-up',
  titles: ['部门预算项目支出绩效自评表', '项目支出绩效自评表'],
  unit: '万元',
  unit_patterns: UNIT_PATTERNS,
  year_patterns: YEAR_PATTERNS,
  rounding: 'round',
  fields: {
    project_name: ['项目名称'],
    department: ['主管部门'],
    implementing_unit: ['实施单位（盖章）', '实施单位'],
    goal_expected: ['项目年度目标'],
    goal_actual: ['年度目标完成情况'],
    implementation_summary: ['项目实施内容及过程概述'],
    evaluation_conclusion: ['评价结论'],
    problems: ['存在问题'],
    improvements: ['改进措施'],
  },
  required: ['project_name', 'department', 'implementing_unit', 'goal_expected', 'goal_actual'],
  sections: ['项目基本情况', '项目年度目标完成情况', '绩效指标'],
  ignore: ['项目负责人', '财务负责人', '填报人'],
  funds: {
    headers: ['预算执行情况', '年度预算数（万元）', '年度预算数'],
    row_header: ['年度预算数（万元）', '年度预算数'],
    columns: [
      { key: 'initial_budget', labels: ['年初预算', '年初预算数'] },
      { key: 'full_year_budget', labels: ['调整后预算数'] },
      { key: 'executed', labels: ['预算执行数'] },
      { key: 'execution_rate', labels: ['预算执行率'] },
      { key: 'weight', labels: ['权重'] },
      { key: 'score', labels: ['得分'] },
      { key: 'deviation_reason', labels: ['原因'] },
    ],
    rows: [
      { key: 'total', labels: ['总额'] },
      { key: 'fiscal_appropriation', labels: ['其中：财政资金', '财政资金'], optional: [...ALL_OPTIONAL] },
      { key: 'fiscal_special_account', labels: ['财政专户管理资金'], optional: [...ALL_OPTIONAL] },
      { key: 'unit_funds', labels: ['单位资金'], optional: [...ALL_OPTIONAL] },
      { key: 'other', labels: ['其他资金'], optional: [...ALL_OPTIONAL] },
    ],
    sum: { total: 'total', parts: ['fiscal_appropriation', 'fiscal_special_account', 'unit_funds', 'other'], placeholder_is_zero: true },
  },
  indicators: {
    columns: [
      { key: 'level1', labels: ['一级指标'] },
      { key: 'level2', labels: ['二级指标'] },
      { key: 'level3', labels: ['三级指标'] },
      { key: 'target_nature', labels: ['指标性质'] },
      { key: 'target_value', labels: ['指标值'] },
      { key: 'target_unit', labels: ['度量单位', '计量单位'] },
      { key: 'actual_value', labels: ['完成值'] },
      { key: 'weight', labels: ['权重'] },
      { key: 'score', labels: ['得分'] },
      { key: 'deviation_reason', labels: ['未完成原因分析'] },
    ],
    compose: {
      target: ['target_nature', 'target_value', 'target_unit'],
      actual: ['actual_value', 'target_unit'],
      bare_actual_when: { column: 'target_nature', values: ['定性'] },
    },
    framework: FRAMEWORK,
  },
  total: { labels: ['合计', '总分'], unlabelled: false },
  grade: {
    required: false,
    conclusion_patterns: ['(?:绩效)?(?:评价|自评)等级(?:为|是|：)?[“"‘「]?(优|良|中|差)'],
    bands: GRADE_BANDS,
  },
};
