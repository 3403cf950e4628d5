/**
 * The canonical record, schema first: TypeScript types and schemas/project-record.schema.json are
 * derived from these zod schemas. Field names follow the output contract (issue #3).
 */
import { z } from 'zod';

/** A decimal exactly as printed, thousands separators removed ("1068.30", "98.4", "100"). */
export const Amount = z.string().regex(/^-?\d+(\.\d+)?$/).describe('decimal string exactly as printed, separators removed');
const NullableAmount = Amount.nullable();

const BBoxSchema = z.tuple([z.number(), z.number(), z.number(), z.number()]).readonly().describe('[x0, top, x1, bottom] in PDF points, top-left origin');

export const ProvenanceSchema = z
  .object({
    file: z.string(),
    page: z.number().int().positive().optional(),
    line: z.number().int().positive().optional(),
    bbox: BBoxSchema.optional(),
    ocr: z.literal(true).optional().describe('the value was read by OCR from a scanned page'),
    confidence: z.number().min(0).max(1).optional().describe("OCR's confidence in what it read (lowest character confidence, 0–1)"),
    raw: z.string().optional().describe('the text as the file encodes it, when it differs from the value read (e.g. a Kangxi radical the glyph shows as 户)'),
  })
  .describe('where a value was read: file, page and box (PDF) or line (text dump); ocr and confidence when read by OCR');

export const DiagnosticSchema = z.object({
  code: z.string().describe('stable snake_case code, see README'),
  severity: z.enum(['error', 'warning', 'info']),
  message: z.string(),
  location: z.object({
    file: z.string(),
    page: z.number().int().optional(),
    line: z.number().int().optional(),
    bbox: BBoxSchema.optional(),
    project: z.number().int().optional(),
    field: z.string().optional(),
  }),
  actual: z.string().optional(),
  expected: z.string().optional(),
});

const FundRow = z.object({
  initial_budget: NullableAmount.describe('年初预算数 / 年初预算'),
  full_year_budget: NullableAmount.describe('全年预算数 / 调整后预算数'),
  executed: NullableAmount.describe('全年执行数 / 预算执行数'),
  execution_rate: NullableAmount.describe('执行率 / 预算执行率 (%, printed without the % sign)'),
});
const FundTotalRow = FundRow.extend({
  weight: NullableAmount.describe('分数 / 分值 / 权重 (weight of budget execution, usually 10)'),
  score: NullableAmount.describe('得分'),
  deviation_reason: z.string().nullable().describe('原因 (sichuan-2023); null when blank or where the form has no such cell'),
});
/** A fund row the form does not have is null, not zeros (Sichuan has no 上年结转资金). */
const OptionalFundRow = FundRow.nullable();

export const ParsedValue = z
  .object({
    op: z.enum(['=', '≥', '≤', '>', '<', '≈']).nullable().describe('comparison printed before the number'),
    value: Amount.describe('the number'),
    unit: z.string().nullable().describe('unit after the number, e.g. %, 人, 次/人均'),
  })
  .describe('a target or actual value split into operator, number and unit');

export const Achievement = z.enum(['达成', '部分达成', '未达成']).describe('achievement status printed instead of a value');

export const Indicator = z.object({
  level1: z.string().nullable().describe('一级指标 (from the framework when level 2 is known)'),
  level2: z.string().nullable().describe('二级指标'),
  level3: z.string().nullable().describe('三级指标'),
  target: z.string().nullable().describe('年度指标值 as printed; where the form prints it in parts, 指标性质 + 指标值 + 度量单位 joined without spaces (≥30篇, 定性健全)'),
  actual: z.string().nullable().describe('实际完成值 as printed; where the form prints it in parts, 完成值 + 度量单位 (35篇), 完成值 alone for 定性'),
  weight: NullableAmount.describe('分值'),
  score: NullableAmount.describe('得分'),
  deviation_reason: z.string().describe('偏差原因分析 / 偏差原因分析及改进措施 / 未完成原因分析 ("" when blank)'),
  target_nature: z.string().nullable().describe('指标性质 as printed (=, ≥, ≤, 定性); null where the form has no such column'),
  target_value: z.string().nullable().describe('指标值 as printed; null where the form has no such column'),
  target_unit: z.string().nullable().describe('度量单位 as printed; null when blank or where the form has no such column'),
  actual_value: z.string().nullable().describe('完成值 as printed; null where the form has no such column'),
  target_parsed: ParsedValue.nullable(),
  actual_parsed: ParsedValue.nullable(),
  achievement: Achievement.nullable().describe('when 实际完成值 is a status phrase (达成指标, 部分达成指标…)'),
  provenance: ProvenanceSchema.optional().describe('the row in the source'),
});

export const CheckSchema = z.object({
  status: z.enum(['ok', 'mismatch', 'incomplete']),
  rounding: z.enum(['truncate', 'round', 'either']).describe('rule of the template the table was read with'),
  recomputed_execution_rate: NullableAmount.describe('全年执行数 / 全年预算数 × 100 of the total row'),
  recomputed_exec_score: NullableAmount.describe('分数 × printed 执行率 / 100'),
  recomputed_total_weight: NullableAmount.describe('funds 分数 + Σ indicator 分值'),
  recomputed_total_score: NullableAmount.describe('funds 得分 + Σ indicator 得分'),
  recomputed_grade: z.string().nullable().describe("the template's grade band of the printed total (of the recomputed one when not printed)"),
  printed_execution_rate: NullableAmount,
  printed_exec_score: NullableAmount,
  printed_total_weight: NullableAmount,
  printed_total_score: NullableAmount,
  printed_grade: z.string().nullable(),
});

export const ProjectRecord = z
  .object({
    id: z.string().describe('stable id: <path>#<n>, path as in source.path, n counting tables in the file from 1'),
    source: z.object({
      path: z.string().describe("the input's path relative to the dataset root, with / (unique in a dataset)"),
      file: z.string().describe("the input's file name"),
      sha256: z.string(),
      kind: z.enum(['pdf', 'text']),
      pages: z.array(z.number().int().positive()).optional().describe('PDF pages the table is on'),
      lines: z.tuple([z.number().int(), z.number().int()]).optional().describe('first and last line in a text dump'),
      index: z.number().int().nonnegative().describe('position of the table in its file, from 0'),
      url: z.string().optional().describe('where the file was published (sources.csv)'),
      published: z.string().optional().describe('when it was published (sources.csv)'),
      department: z.string().optional().describe('who published it (sources.csv)'),
      year: z.string().optional().describe('budget year it reports on (sources.csv)'),
    }),
    template: z.string().describe('id of the template the table was read with (src/domain/templates/); "unknown" when none fits'),
    unit: z.enum(['万元', '元']).describe('unit of the printed amounts'),
    title: z.string().nullable(),
    year: z.string().nullable().describe('year the title or the line below it names (2022年度 → "2022"); null when none is printed'),
    project_name: z.string().nullable().describe('项目名称'),
    department: z.string().nullable().describe('主管部门'),
    implementing_unit: z.string().nullable().describe('实施单位'),
    funds: z.object({
      total: FundTotalRow.describe('年度资金总额 / 总额'),
      fiscal_appropriation: OptionalFundRow.describe('其中：当年财政拨款 / 本年财政拨款 / 财政资金'),
      carryover: OptionalFundRow.describe('上年结转资金'),
      other: OptionalFundRow.describe('其他资金'),
      fiscal_special_account: OptionalFundRow.describe('财政专户管理资金 (sichuan-2023)'),
      unit_funds: OptionalFundRow.describe('单位资金 (sichuan-2023)'),
    }).describe('fund rows; a row the form does not have is null'),
    goal_expected: z.string().nullable().describe('预期目标 / 项目年度目标'),
    goal_actual: z.string().nullable().describe('实际完成情况 / 年度目标完成情况'),
    implementation_summary: z.string().nullable().describe('项目实施内容及过程概述; null where not printed'),
    indicators: z.array(Indicator),
    total_weight: NullableAmount.describe('total row 分值 (100)'),
    total_score: NullableAmount.describe('total row 得分; null when not printed'),
    grade: z.string().nullable().describe('the grade as printed: 评分等级, or named in 评价结论; never filled in (see check.recomputed_grade)'),
    grade_source: z.enum(['cell', 'conclusion']).nullable().describe('where the grade was printed: its own cell, or named in the 评价结论 text; null when not printed'),
    evaluation_conclusion: z.string().nullable().describe('评价结论; null where not printed'),
    problems: z.string().nullable().describe('存在问题; null where not printed'),
    improvements: z.string().nullable().describe('改进措施; null where not printed'),
    check: CheckSchema,
    issues: z.array(DiagnosticSchema).describe('check failures and problems, with stable codes'),
    repairs: z.array(DiagnosticSchema).describe('every heuristic that changed what was read'),
    provenance: z.record(z.string(), ProvenanceSchema).describe('field path → where it was read'),
    duplicate_of: z.string().optional().describe('id of the earlier table this one repeats (same project, department and figures): counted once, as that one; absent when it repeats none'),
  })
  .meta({ id: 'ProjectRecord', title: 'ziping project record' });

export type ProjectRecord = z.infer<typeof ProjectRecord>;
export type IndicatorRecord = z.infer<typeof Indicator>;
export type CheckResult = z.infer<typeof CheckSchema>;
export type ParsedValue = z.infer<typeof ParsedValue>;
export type FundTotal = z.infer<typeof FundTotalRow>;
export type FundRowValues = z.infer<typeof FundRow>;
