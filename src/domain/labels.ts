/**
 * The form's vocabulary as data: label synonyms, column sets, units and rounding, one entry per
 * template. A new government's variant of the national form is a new entry here, not new code.
 */

/** Keys of the four fund rows of 项目资金. */
export type FundRowKey = 'total' | 'fiscal_appropriation' | 'carryover' | 'other';
/** Keys of the fund columns. */
export type FundColKey = 'initial_budget' | 'full_year_budget' | 'executed' | 'weight' | 'execution_rate' | 'score';
/** Keys of the indicator table columns. */
export type IndicatorColKey =
  | 'level1' | 'level2' | 'level3' | 'target' | 'actual' | 'weight' | 'score' | 'deviation_reason'
  | 'nature' | 'measure_unit';

export type Level1 = '产出指标' | '效益指标' | '满意度指标';

/** How printed rates and scores are cut to two decimals. */
/** How printed rates and scores are cut to two decimals; `either` accepts both (templates seen both ways). */
export type Rounding = 'truncate' | 'round' | 'either';

export interface Template {
  id: string;
  /** Who publishes it, in words. */
  description: string;
  /** Title lines that open a table. */
  titles: readonly RegExp[];
  /** Amount unit of the funds block. */
  unit: '万元' | '元';
  /** The rule the published 执行率 and 得分 follow. */
  rounding: Rounding;
  /** Labels that, when found in a table, select this template (all must be present). */
  markers: readonly string[];
}

/** Synonyms for each header label; compared after {@link labelKey} normalisation. */
export const FIELD_LABELS = {
  project_name: ['项目名称'],
  department: ['主管部门', '主管单位', '主管部门及代码'],
  implementing_unit: ['实施单位', '项目实施单位', '执行单位'],
  funds_header: ['项目资金（万元）', '项目资金(万元)', '项目资金（元）', '项目资金(元)', '项目资金'],
  goal_header: ['年度总体目标'],
  goal_expected: ['预期目标', '年初设定目标'],
  goal_actual: ['实际完成情况', '全年实际完成情况'],
  grade: ['评分等级', '自评等级', '绩效等级'],
  total: ['总分', '合计', '总计'],
  conclusion: ['评价结论', '自评结论'],
  problems: ['存在问题', '存在的问题'],
  measures: ['改进措施', '改进建议'],
} as const satisfies Record<string, readonly string[]>;

export type FieldLabelKey = keyof typeof FIELD_LABELS;

export const FUND_ROW_LABELS: Record<FundRowKey, readonly string[]> = {
  total: ['年度资金总额', '年度资金总额：', '资金总额'],
  fiscal_appropriation: ['其中：当年财政拨款', '其中:当年财政拨款', '当年财政拨款', '其中：财政拨款', '财政拨款', '其中：财政资金', '财政资金'],
  carryover: ['上年结转资金', '上年结转', '其中：上年结转资金'],
  other: ['其他资金', '单位资金', '其他'],
};

export const FUND_COL_LABELS: Record<FundColKey, readonly string[]> = {
  initial_budget: ['年初预算数'],
  full_year_budget: ['全年预算数', '调整后预算数'],
  executed: ['全年执行数'],
  weight: ['分数', '分值', '权重'],
  execution_rate: ['执行率'],
  score: ['得分'],
};

export const INDICATOR_COL_LABELS: Record<IndicatorColKey, readonly string[]> = {
  level1: ['一级指标'],
  level2: ['二级指标'],
  level3: ['三级指标'],
  target: ['年度指标值', '年度目标值', '指标值'],
  actual: ['实际完成值', '全年实际值', '实际值'],
  weight: ['分值', '权重'],
  score: ['得分'],
  deviation_reason: ['偏差原因分析', '偏差原因分析及改进措施', '偏差原因分析及整改措施', '未完成原因分析'],
  nature: ['指标性质'],
  measure_unit: ['度量单位', '计量单位'],
};

/** The framework: each level-2 name fixes its level 1. */
export const LEVEL2_TO_LEVEL1: Record<string, Level1> = {
  数量指标: '产出指标',
  质量指标: '产出指标',
  时效指标: '产出指标',
  成本指标: '产出指标',
  经济效益指标: '效益指标',
  社会效益指标: '效益指标',
  生态效益指标: '效益指标',
  可持续影响指标: '效益指标',
  服务对象满意度指标: '满意度指标',
  满意度指标: '满意度指标',
};

/**
 * Words in a 三级指标 name that say which level 2 it belongs to (及时率 is a 时效指标, 满意度 a
 * 服务对象满意度指标…). Used only to break ties where a dump printed merged labels ambiguously.
 */
export const LEVEL2_HINTS: readonly { level2: string; words: readonly string[] }[] = [
  { level2: '时效指标', words: ['及时率', '及时性', '按时', '按期', '时限'] },
  { level2: '服务对象满意度指标', words: ['满意度', '满意率', '满意程度'] },
  { level2: '质量指标', words: ['合格率', '达标率', '准确率', '验收', '质量', '通过率', '合规'] },
  { level2: '成本指标', words: ['成本', '费用', '单价', '经费控制'] },
];

/** The level 2 a 三级指标 name hints at, if any. */
export function level2Hint(level3: string | null): string | undefined {
  if (!level3) return undefined;
  // Parenthetical notes ("（…提升工作质量…）") say how, not what: only the name itself counts.
  const name = level3.replace(/[（(][^）)]*[）)]/g, '');
  return LEVEL2_HINTS.find((h) => h.words.some((w) => name.includes(w)))?.level2;
}

export const LEVEL1_NAMES: readonly Level1[] = ['产出指标', '效益指标', '满意度指标'];

/** Grade bands, highest first: a total at or above `min` gets `grade`. */
export const GRADE_BANDS = [
  { grade: '优', min: '90' },
  { grade: '良', min: '80' },
  { grade: '中', min: '60' },
  { grade: '差', min: '0' },
] as const;

/** Achievement phrases printed in 实际完成值, most specific first. */
export const ACHIEVEMENT_PHRASES = [
  '部分达成指标并具有一定效果',
  '未达成指标并效果较差',
  '部分达成',
  '未达成指标',
  '达成指标',
  '未达成',
  '达成',
] as const;

/** Title lines that open a table, across templates. */
const TITLE_RES = [
  /财政项目支出绩效自我?评价/,
  /项目支出绩效自(?:我)?评(?:价)?表/,
  /绩效自评表/,
];

export const TEMPLATES: readonly Template[] = [
  {
    id: 'shanghai-2023',
    description: '上海市 财政项目支出绩效自我评价 (万元, rates truncated to 2 decimals)',
    titles: TITLE_RES,
    unit: '万元',
    rounding: 'truncate',
    markers: [],
  },
  {
    id: 'national-yuan',
    description: 'national form with amounts in 元 (rates truncated or rounded)',
    titles: TITLE_RES,
    unit: '元',
    rounding: 'either',
    markers: ['项目资金（元）'],
  },
  {
    id: 'sichuan-dept',
    description: '四川 部门预算项目支出绩效自评表 (调整后预算数, 权重, 指标性质/度量单位)',
    titles: TITLE_RES,
    unit: '万元',
    rounding: 'either',
    markers: ['调整后预算数'],
  },
];

/** Normalises a label for comparison: no spaces, ASCII punctuation folded to full width. */
export function labelKey(text: string): string {
  return text
    .replace(/\s+/g, '')
    .replace(/\(/g, '（')
    .replace(/\)/g, '）')
    .replace(/:/g, '：')
    .replace(/[：:]$/, '');
}

const fieldIndex = new Map<string, FieldLabelKey>();
for (const [key, labels] of Object.entries(FIELD_LABELS) as [FieldLabelKey, readonly string[]][]) {
  for (const l of labels) fieldIndex.set(labelKey(l), key);
}
const fundRowIndex = new Map<string, FundRowKey>();
for (const [key, labels] of Object.entries(FUND_ROW_LABELS) as [FundRowKey, readonly string[]][]) {
  for (const l of labels) fundRowIndex.set(labelKey(l), key);
}
const fundColIndex = new Map<string, FundColKey>();
for (const [key, labels] of Object.entries(FUND_COL_LABELS) as [FundColKey, readonly string[]][]) {
  for (const l of labels) fundColIndex.set(labelKey(l), key);
}
const indicatorColIndex = new Map<string, IndicatorColKey>();
for (const [key, labels] of Object.entries(INDICATOR_COL_LABELS) as [IndicatorColKey, readonly string[]][]) {
  for (const l of labels) indicatorColIndex.set(labelKey(l), key);
}

/** Which header field a cell's text names, if any. */
export function fieldOf(text: string): FieldLabelKey | undefined {
  return fieldIndex.get(labelKey(text));
}
/** Which fund row a cell's text names, if any. */
export function fundRowOf(text: string): FundRowKey | undefined {
  return fundRowIndex.get(labelKey(text));
}
/** Which fund column a cell's text names, if any. */
export function fundColOf(text: string): FundColKey | undefined {
  return fundColIndex.get(labelKey(text));
}
/** Which indicator column a cell's text names, if any. */
export function indicatorColOf(text: string): IndicatorColKey | undefined {
  return indicatorColIndex.get(labelKey(text));
}
/** The level-1 name a cell's text is, if any. */
export function level1Of(text: string): Level1 | undefined {
  const k = labelKey(text);
  return (LEVEL1_NAMES as readonly string[]).includes(k) ? (k as Level1) : undefined;
}
/** The level-2 name a cell's text is (满意度指标 alone counts as level 1), if any. */
export function level2Of(text: string): string | undefined {
  const k = labelKey(text);
  if (k === '满意度指标') return undefined;
  return k in LEVEL2_TO_LEVEL1 ? k : undefined;
}
/** Whether a line is a table title. */
export function isTitle(text: string): boolean {
  const t = labelKey(text);
  return t.length <= 40 && TITLE_RES.some((re) => re.test(t));
}
/** Picks the template whose markers all appear among a table's labels (the first is the default). */
export function detectTemplate(labels: ReadonlySet<string>): Template {
  for (const t of TEMPLATES.slice(1)) {
    if (t.markers.every((m) => labels.has(labelKey(m)))) return t;
  }
  return TEMPLATES[0]!;
}
/** The grade a total score earns. */
export function gradeFor(total: { gte(n: string): boolean }): string {
  for (const band of GRADE_BANDS) if (total.gte(band.min)) return band.grade;
  return '差';
}
