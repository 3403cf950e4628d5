/**
 * The columns of every table ziping publishes (CSV, xlsx, datapackage.json), in order: the key
 * (English header), the Chinese header (`--headers zh`), the Table Schema type and a description.
 * The one mapping from the form's words to column names; emitters and the data package read it.
 */

/** Table Schema types used by the tables (frictionless: `string`, `integer`, `number`). */
export type ColumnType = 'string' | 'integer' | 'number';

export interface Column {
  /** English header and the field's name in JSON-like paths (`funds.total.executed`). */
  key: string;
  /** Chinese header (`--headers zh`). */
  zh: string;
  type: ColumnType;
  /** What the column holds, in words (English, with the form's term). */
  description: string;
}

/** Which header line the CSV and xlsx files get. */
export type HeaderLanguage = 'en' | 'zh';

const c = (key: string, zh: string, type: ColumnType, description: string): Column => ({ key, zh, type, description });

/** Fund rows of 项目资金, with their printed names. */
export const FUND_ROW_NAMES = {
  total: '年度资金总额',
  fiscal_appropriation: '当年财政拨款',
  carryover: '上年结转资金',
  other: '其他资金',
  fiscal_special_account: '财政专户管理资金',
  unit_funds: '单位资金',
} as const;

/** Fund columns, with their printed names; the first three are amounts (万元 or 元). */
export const FUND_COL_NAMES = {
  initial_budget: '年初预算数',
  full_year_budget: '全年预算数',
  executed: '全年执行数',
  execution_rate: '执行率',
  weight: '分数',
  score: '得分',
} as const;

/** Fund columns that hold amounts (the others are a rate and scores). */
export const AMOUNT_COLS = ['initial_budget', 'full_year_budget', 'executed'] as const;

/** Suffix of the columns holding an amount converted to 万元. */
export const WAN_SUFFIX = '_wan';

function fundColumns(): Column[] {
  const out: Column[] = [];
  for (const [rk, rowName] of Object.entries(FUND_ROW_NAMES)) {
    const cols = rk === 'total' ? (Object.keys(FUND_COL_NAMES) as Array<keyof typeof FUND_COL_NAMES>) : (['initial_budget', 'full_year_budget', 'executed', 'execution_rate'] as const);
    const note = rk === 'total' ? '' : ' (empty where the form has no such row)';
    for (const ck of cols) {
      const name = `${rowName}·${FUND_COL_NAMES[ck]}`;
      const amount = (AMOUNT_COLS as readonly string[]).includes(ck);
      out.push(c(`funds.${rk}.${ck}`, amount ? name : ck === 'execution_rate' ? `${name}（%）` : name, 'number',
        (amount ? `${rowName} ${FUND_COL_NAMES[ck]} as printed, in the table's unit (see unit)` : `${rowName} ${FUND_COL_NAMES[ck]} as printed`) + note));
      if (amount) out.push(c(`funds.${rk}.${ck}${WAN_SUFFIX}`, `${name}（万元）`, 'number', `${rowName} ${FUND_COL_NAMES[ck]} in 万元 (exact: 元 ÷ 10000), so that tables in 元 and 万元 add up` + note));
    }
    if (rk === 'total') out.push(c('funds.total.deviation_reason', `${rowName}·原因`, 'string', '原因 of the budget execution (sichuan-2023); empty where not printed'));
  }
  return out;
}

/** projects.csv: one row per table. */
export const PROJECT_COLUMNS: readonly Column[] = [
  c('id', '记录编号', 'string', 'record id: <path>#<n>, n counting the tables of the file from 1'),
  c('path', '文件路径', 'string', "the input's path relative to the dataset root (joins inputs.csv)"),
  c('file', '文件名', 'string', "the input's file name"),
  c('index', '文件内序号', 'integer', 'position of the table in its file, from 0'),
  c('pages', '页码', 'string', 'PDF pages the table is on, separated by spaces'),
  c('lines', '行号', 'string', 'first-last line of the table in a text dump'),
  c('template', '模板', 'string', 'the form template the table was read with (unknown when none fits)'),
  c('unit', '金额单位', 'string', 'unit of the printed amounts: 万元 or 元'),
  c('title', '标题', 'string', 'title line of the table'),
  c('year', '评价年度', 'string', 'year the title or the line below it names'),
  c('project_name', '项目名称', 'string', '项目名称'),
  c('department', '主管部门', 'string', '主管部门 as printed'),
  c('implementing_unit', '实施单位', 'string', '实施单位'),
  ...fundColumns(),
  c('goal_expected', '预期目标', 'string', '预期目标 / 项目年度目标'),
  c('goal_actual', '实际完成情况', 'string', '实际完成情况 / 年度目标完成情况'),
  c('implementation_summary', '项目实施内容及过程概述', 'string', '项目实施内容及过程概述, where printed'),
  c('indicators', '指标数', 'integer', 'number of indicator rows'),
  c('total_weight', '总分值', 'number', 'printed total weight (100)'),
  c('total_score', '总得分', 'number', 'printed total score; empty when not printed'),
  c('grade', '评分等级', 'string', 'the grade as printed (its cell, or named in 评价结论); empty when not printed'),
  c('grade_source', '等级来源', 'string', 'where the grade was printed: cell or conclusion'),
  c('evaluation_conclusion', '评价结论', 'string', '评价结论, where printed'),
  c('problems', '存在问题', 'string', '存在问题, where printed'),
  c('improvements', '改进措施', 'string', '改进措施, where printed'),
  c('check.status', '核验结果', 'string', 'ok, mismatch (a printed figure does not add up) or incomplete'),
  c('check.recomputed_execution_rate', '重算执行率', 'number', '全年执行数 / 全年预算数 × 100 of the total row'),
  c('check.recomputed_exec_score', '重算预算执行得分', 'number', '分值 × printed 执行率 / 100'),
  c('check.recomputed_total_weight', '重算总分值', 'number', 'funds 分值 + Σ indicator 分值'),
  c('check.recomputed_total_score', '重算总得分', 'number', 'funds 得分 + Σ indicator 得分'),
  c('check.recomputed_grade', '重算评分等级', 'string', 'grade of the printed total (of the recomputed one when not printed)'),
  c('issue_codes', '问题代码', 'string', 'codes of the issues of the table, separated by ;'),
  c('repair_codes', '修复代码', 'string', 'codes of the repairs made while reading the table, separated by ;'),
  c('sha256', '文件哈希', 'string', 'SHA-256 of the input file'),
  c('source_url', '来源网址', 'string', 'where the file was published (sources.csv)'),
  c('source_published', '发布日期', 'string', 'when it was published (sources.csv)'),
  c('source_department', '发布部门', 'string', 'who published it (sources.csv)'),
  c('source_year', '年度', 'string', 'budget year it reports on (sources.csv)'),
];

/** indicators.csv: one row per indicator. */
export const INDICATOR_COLUMNS: readonly Column[] = [
  c('project_id', '记录编号', 'string', 'id of the table (projects.csv)'),
  c('n', '指标序号', 'integer', 'position of the indicator in its table, from 1'),
  c('path', '文件路径', 'string', "the input's path relative to the dataset root"),
  c('level1', '一级指标', 'string', '一级指标'),
  c('level2', '二级指标', 'string', '二级指标'),
  c('level3', '三级指标', 'string', '三级指标'),
  c('target', '年度指标值', 'string', '年度指标值 as printed'),
  c('actual', '实际完成值', 'string', '实际完成值 as printed'),
  c('weight', '分值', 'number', '分值'),
  c('score', '得分', 'number', '得分'),
  c('deviation_reason', '偏差原因分析', 'string', '偏差原因分析 / 未完成原因分析'),
  c('target_nature', '指标性质', 'string', '指标性质 as printed (=, ≥, ≤, 定性), where the form has the column'),
  c('target_op', '指标值比较符', 'string', 'comparison printed before the target: =, ≥, ≤, >, < or ≈'),
  c('target_value', '指标值数值', 'number', 'the number of the target'),
  c('target_unit', '指标值单位', 'string', 'unit after the target number (%, 人, 次…)'),
  c('actual_op', '完成值比较符', 'string', 'comparison printed before the actual value'),
  c('actual_value', '完成值数值', 'number', 'the number of the actual value'),
  c('actual_unit', '完成值单位', 'string', 'unit after the actual number'),
  c('achievement', '达成情况', 'string', '达成, 部分达成 or 未达成 when 实际完成值 is a status phrase'),
  c('page', '页码', 'integer', 'PDF page of the row'),
  c('line', '行号', 'integer', 'line of the row in a text dump'),
];

/** issues.csv: one row per issue or repair. */
export const ISSUE_COLUMNS: readonly Column[] = [
  c('project_id', '记录编号', 'string', 'id of the table (projects.csv); empty for a problem of the whole file'),
  c('path', '文件路径', 'string', "the input's path relative to the dataset root (inputs.csv)"),
  c('file', '文件名', 'string', "the input's file name"),
  c('kind', '类别', 'string', 'issue or repair'),
  c('code', '代码', 'string', 'stable code (README: Diagnostic codes)'),
  c('severity', '严重程度', 'string', 'error, warning or info'),
  c('stage', '阶段', 'string', 'stage that reported it'),
  c('message', '说明', 'string', 'what is wrong, in words'),
  c('page', '页码', 'integer', 'PDF page'),
  c('line', '行号', 'integer', 'line in a text dump'),
  c('field', '字段', 'string', 'field of the record (funds.total.executed, indicators.3.score…)'),
  c('actual', '印刷值', 'string', 'the value as printed'),
  c('expected', '应为', 'string', 'the value the rule gives'),
];

/** inputs.csv: one row per input file of the dataset. */
export const INPUT_COLUMNS: readonly Column[] = [
  c('path', '文件路径', 'string', "the input's path relative to the dataset root"),
  c('file', '文件名', 'string', "the input's file name"),
  c('sha256', '文件哈希', 'string', 'SHA-256 of the file'),
  c('bytes', '字节数', 'integer', 'size of the file'),
  c('kind', '类型', 'string', 'pdf, text or unknown'),
  c('status', '状态', 'string', 'ok, flagged, failed or skipped'),
  c('error_code', '错误代码', 'string', 'why it failed (code)'),
  c('error', '错误说明', 'string', 'why it failed (words)'),
  c('duplicate_of', '重复于', 'string', 'path of the earlier input with the same content (status skipped)'),
  c('encoding', '编码', 'string', 'detected encoding of a text dump'),
  c('pages', '页数', 'integer', 'pages of a PDF'),
  c('tables', '表数', 'integer', 'tables found in the file'),
  c('flagged_tables', '有问题的表数', 'integer', 'tables with an issue'),
  c('duplicate_tables', '重复的表数', 'integer', 'tables that repeat a table of an earlier input (left out of projects.csv)'),
  c('url', '来源网址', 'string', 'where the file was published (sources.csv)'),
  c('published', '发布日期', 'string', 'when it was published (sources.csv)'),
  c('department', '发布部门', 'string', 'who published it (sources.csv)'),
  c('year', '年度', 'string', 'budget year (sources.csv)'),
];

/** Every published table, by CSV file name. */
export const TABLES = {
  'projects.csv': PROJECT_COLUMNS,
  'indicators.csv': INDICATOR_COLUMNS,
  'issues.csv': ISSUE_COLUMNS,
  'inputs.csv': INPUT_COLUMNS,
} as const;

export type TableFile = keyof typeof TABLES;

/** The header of a column in the chosen language. */
export function headerOf(col: Column, lang: HeaderLanguage): string {
  return lang === 'zh' ? col.zh : col.key;
}
