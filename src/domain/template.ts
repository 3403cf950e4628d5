/**
 * A form template as data: everything ziping knows about one published variant of the
 * 项目支出绩效自评表 — its labels and their synonyms, the fund rows and columns, the indicator
 * columns, how a canonical field is composed from printed cells, the unit, the rounding rule,
 * which rows sum to which, where the total and the grade are printed. One generic reader
 * (src/repair) reads any table with any template; a new government's variant is a new value of
 * this schema (src/domain/templates/), not new code. A template is plain JSON: patterns are
 * regular-expression sources, so a template can be written in a file and passed in settings.
 */
import { z } from 'zod';

/** Canonical fund rows of the record, in output order. */
export const FUND_ROW_KEYS = ['total', 'fiscal_appropriation', 'carryover', 'other', 'fiscal_special_account', 'unit_funds'] as const;
export type FundRowKey = (typeof FUND_ROW_KEYS)[number];

/** Canonical fund columns. `weight`, `score` and `deviation_reason` are read on the total row only. */
export const FUND_COL_KEYS = ['initial_budget', 'full_year_budget', 'executed', 'execution_rate', 'weight', 'score', 'deviation_reason'] as const;
export type FundColKey = (typeof FUND_COL_KEYS)[number];

/** Canonical indicator columns; the last four are the printed parts of a composed target/actual. */
export const INDICATOR_COL_KEYS = [
  'level1', 'level2', 'level3', 'target', 'actual', 'weight', 'score', 'deviation_reason',
  'target_nature', 'target_value', 'target_unit', 'actual_value',
] as const;
export type IndicatorColKey = (typeof INDICATOR_COL_KEYS)[number];

/** Canonical text fields read by their label (beside it, or below a row of labels). */
export const FIELD_KEYS = [
  'project_name', 'department', 'implementing_unit', 'goal_expected', 'goal_actual', 'implementation_summary',
  'evaluation_conclusion', 'problems', 'improvements', 'grade',
] as const;
export type FieldKey = (typeof FIELD_KEYS)[number];

export const LEVEL1_NAMES = ['产出指标', '效益指标', '满意度指标'] as const;
export type Level1 = (typeof LEVEL1_NAMES)[number];

/** How printed rates and scores are cut to two decimals; `either` accepts both. */
export const Rounding = z.enum(['truncate', 'round', 'either']);
export type Rounding = z.infer<typeof Rounding>;

const Labels = z.array(z.string().min(1)).min(1);
const Pattern = z.string().min(1).describe('a regular expression source (JavaScript syntax, no flags)');

export const FundColumnSpec = z.object({
  key: z.enum(FUND_COL_KEYS),
  labels: Labels.describe('printed header labels, first the usual one'),
});
export const FundRowSpec = z.object({
  key: z.enum(FUND_ROW_KEYS),
  labels: Labels.describe('printed row labels (其中：当年财政拨款 …)'),
  optional: z.array(z.enum(FUND_COL_KEYS)).default([]).describe('columns this row may leave blank or print as a placeholder without being incomplete'),
});
export const IndicatorColumnSpec = z.object({
  key: z.enum(INDICATOR_COL_KEYS),
  labels: Labels,
});

export const TemplateSpec = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/).describe('stable id, written into every record read with it'),
    publisher: z.string().describe('who publishes the form, in words'),
    description: z.string().describe('what differs from the other templates, in words'),
    titles: z.array(Pattern).min(1).describe('title lines that open a table, matched against the normalised line (labelKey)'),
    unit: z.enum(['万元', '元']).describe('amount unit when the table prints none'),
    unit_patterns: z.array(Pattern).default([]).describe('where the table names its unit; group 1 is 万元 or 元 (项目资金（元）, 单位：万元)'),
    year_patterns: z.array(Pattern).default([]).describe('where the title or the line below it names the year; group 1 is the year'),
    rounding: Rounding.describe('how the published 执行率 and funds 得分 are cut to two decimals'),
    placeholders: z.array(z.string()).default(['-', '—', '－', '–', '/', '／']).describe('what a cell prints for "nothing here" (read as null)'),
    fields: z.partialRecord(z.enum(FIELD_KEYS), Labels).describe('labels of each text field; its value is printed beside the label or, under a row of labels, below it'),
    required: z.array(z.enum(FIELD_KEYS)).default([]).describe('fields every table of this form prints (missing_cell when absent)'),
    sections: z.array(z.string()).default([]).describe('labels that head a part of the form and hold no value (年度总体目标, 绩效指标, 项目基本情况)'),
    ignore: z.array(z.string()).default([]).describe('lines that start with one of these are not part of the record (项目负责人：…)'),
    funds: z.object({
      headers: z.array(z.string()).describe('labels that open the funds block besides its column labels (项目资金（万元）)'),
      row_header: z.array(z.string()).default([]).describe('labels of the header cell over the fund rows\' own labels, where the form prints one as a column (年度预算数（万元）)'),
      min_columns: z.number().int().positive().default(3).describe('column labels a row needs to be the funds header'),
      columns: z.array(FundColumnSpec).min(1).describe('fund columns in printed order'),
      rows: z.array(FundRowSpec).min(1).describe('fund rows in printed order; the first is the total'),
      sum: z.object({
        total: z.enum(FUND_ROW_KEYS),
        parts: z.array(z.enum(FUND_ROW_KEYS)).min(1),
        placeholder_is_zero: z.boolean().describe('a part printed as a placeholder (/, blank) counts 0 instead of leaving the sum unchecked'),
      }).describe('which rows add up to which, per amount column (funds_sum_mismatch)'),
      weight: z.string().default('10').describe('the points of budget execution (分数 / 分值 / 权重 of the total row)'),
    }),
    indicators: z.object({
      columns: z.array(IndicatorColumnSpec).min(3).describe('indicator columns in printed order'),
      compose: z
        .object({
          target: z.array(z.enum(INDICATOR_COL_KEYS)).min(1).describe('printed parts joined without spaces into target'),
          actual: z.array(z.enum(INDICATOR_COL_KEYS)).min(1).describe('printed parts joined without spaces into actual'),
          bare_actual_when: z
            .object({ column: z.enum(INDICATOR_COL_KEYS), values: z.array(z.string()).min(1) })
            .optional()
            .describe('actual is its first part alone when this column holds one of these (定性)'),
        })
        .optional()
        .describe('for forms that print a target in parts (指标性质, 指标值, 度量单位)'),
      framework: z.record(z.string(), z.enum(LEVEL1_NAMES)).describe('each level-2 name and its level 1'),
    }),
    total: z.object({
      labels: Labels.describe('labels of the total row (总分, 合计)'),
      unlabelled: z.boolean().describe('whether the total row may be printed without a label'),
      weight: z.string().default('100').describe('the total weight every table prints'),
    }),
    grade: z.object({
      required: z.boolean().describe('the form prints a grade on every table (missing_cell when absent)'),
      conclusion_patterns: z.array(Pattern).default([]).describe('where 评价结论 names the grade; group 1 is the grade (grade_source "conclusion")'),
      bands: z
        .array(z.object({ grade: z.string(), min: z.string().regex(/^\d+(\.\d+)?$/) }))
        .min(1)
        .describe('grade bands, highest first: a total at or above min gets grade'),
    }),
  })
  .meta({ id: 'Template', title: 'ziping form template' });

/** A template as written (defaults not yet applied). */
export type TemplateInput = z.input<typeof TemplateSpec>;
/** A template with its defaults. */
export type Template = z.output<typeof TemplateSpec>;

/** Given a template as written, returns it with its defaults, or throws naming what is wrong. */
export function parseTemplate(input: unknown, where = 'template'): Template {
  const res = TemplateSpec.safeParse(input);
  if (!res.success) {
    const what = res.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
    throw new Error(`${where}: not a valid template: ${what}`);
  }
  for (const p of [...res.data.titles, ...res.data.unit_patterns, ...res.data.year_patterns, ...res.data.grade.conclusion_patterns]) {
    try {
      new RegExp(p);
    } catch (e) {
      throw new Error(`${where}: pattern ${JSON.stringify(p)} is not a regular expression (${(e as Error).message})`);
    }
  }
  return res.data;
}
