/**
 * Diagnostics: every repair, check failure and input problem is data with a stable code, a
 * severity, a message and a location, collected as a record flows through the stages.
 */
import type { BBox } from './types.js';

export type Severity = 'error' | 'warning' | 'info';
export type Stage = 'input' | 'decode' | 'pdf' | 'segment' | 'repair' | 'validate' | 'check' | 'dataset';

interface CodeInfo {
  stage: Stage;
  severity: Severity;
  meaning: string;
}

/** Every code users can filter on. Once published a code never changes meaning. */
export const CODES = {
  // input and decoding
  empty_file: { stage: 'input', severity: 'error', meaning: 'the file has no bytes' },
  binary_file: { stage: 'input', severity: 'error', meaning: 'the file is neither a PDF nor text' },
  undecodable: { stage: 'decode', severity: 'error', meaning: 'the text could not be decoded in any supported encoding' },
  decode_replaced: { stage: 'decode', severity: 'warning', meaning: 'bytes that decode in no encoding were replaced by U+FFFD (byte offsets given)' },
  mixed_encoding: { stage: 'decode', severity: 'warning', meaning: 'some lines are in another encoding than the rest of the file and were decoded in theirs' },
  no_table: { stage: 'segment', severity: 'error', meaning: 'no 绩效自评 table was found in the file' },
  read_failed: { stage: 'input', severity: 'error', meaning: 'the file could not be read' },
  internal_error: { stage: 'input', severity: 'error', meaning: 'ziping failed on this file (a bug): please report it' },
  too_large: { stage: 'input', severity: 'error', meaning: 'the file exceeds the per-file byte limit, or a stream in it inflates past the stream limit' },
  resource_limit: { stage: 'input', severity: 'error', meaning: 'the file needed more memory than the run allows (--max-memory, --worker-heap): its worker was stopped' },
  name_not_utf8: { stage: 'input', severity: 'warning', meaning: 'the file name is not valid UTF-8: it is shown decoded as well as possible (GB18030), its bytes in raw_path' },
  too_many_pages: { stage: 'pdf', severity: 'error', meaning: 'the PDF exceeds the per-file page limit' },
  timeout: { stage: 'input', severity: 'error', meaning: 'the file took longer than the per-file time limit' },
  // PDF
  pdf_invalid: { stage: 'pdf', severity: 'error', meaning: 'the file is not a readable PDF (corrupt or truncated)' },
  pdf_encrypted: { stage: 'pdf', severity: 'error', meaning: 'the PDF needs a password to open' },
  ocr_required: { stage: 'pdf', severity: 'warning', meaning: 'a page has no text layer (a scan) and was not read: OCR is off or not installed' },
  ocr_read: { stage: 'pdf', severity: 'info', meaning: 'a page without a text layer was read by OCR (its cells carry ocr: true and a confidence)' },
  pdf_warning: { stage: 'pdf', severity: 'info', meaning: 'pdf.js recovered from a problem in the file' },
  stream_table: { stage: 'pdf', severity: 'info', meaning: 'a page had no ruling lines: columns were inferred from text alignment' },
  side_page: { stage: 'pdf', severity: 'info', meaning: 'a page printed the columns right of an earlier page (a sheet wider than the paper, printed down then across): its text was read with that page, and its cells keep their own page and place' },
  page_furniture: { stage: 'pdf', severity: 'info', meaning: 'a page number, a running header or footer repeated from an earlier page, or slanted text (a watermark, a seal), was set aside: it is no table cell' },
  hidden_text: { stage: 'pdf', severity: 'warning', meaning: 'text a reader cannot see (invisible render mode, white on white, transparent) was left out of the cells' },
  text_layer_over_image: { stage: 'pdf', severity: 'info', meaning: 'invisible text over a page image (an OCR text layer) was read as the page\'s text' },
  page_too_complex: { stage: 'pdf', severity: 'warning', meaning: 'a page holds more ruling lines, grid cells or text runs than the page limits: it was not read' },
  // segmentation
  truncated_table: { stage: 'segment', severity: 'error', meaning: 'a table ends before its indicator section or totals' },
  orphan_rows: { stage: 'segment', severity: 'info', meaning: 'rows before the first table were ignored' },
  untitled_table: { stage: 'segment', severity: 'info', meaning: 'a table without a title line was found by its 项目名称 row' },
  duplicate_title: { stage: 'segment', severity: 'info', meaning: 'a duplicated title line was dropped' },
  non_project_table: { stage: 'segment', severity: 'info', meaning: 'a table that is not a project table (部门整体支出绩效自评表, a title in report prose, an appendix) was skipped' },
  unknown_template: { stage: 'validate', severity: 'warning', meaning: 'the table fits no template: it was read by the labels of every template, and the labels no template knows are named' },
  // repairs
  merged_label_group: { stage: 'repair', severity: 'info', meaning: 'merged 一级/二级 labels were assigned to the rows of their group' },
  level1_from_level2: { stage: 'repair', severity: 'info', meaning: 'level 1 was set from the level-2 name (printed label wrong, garbled or missing)' },
  level2_in_level1_column: { stage: 'repair', severity: 'info', meaning: 'a level-2 name printed in the level-1 column was moved' },
  level_labels_joined: { stage: 'repair', severity: 'info', meaning: "level names printed in one cell (a level 1 and a level 2, or two groups' names of one level) were read apart" },
  shifted_cells: { stage: 'repair', severity: 'info', meaning: 'the cells of a row were shifted and were realigned' },
  label_in_wrong_column: { stage: 'repair', severity: 'info', meaning: 'a 三级指标 name printed in a label column was moved' },
  garbage_label: { stage: 'repair', severity: 'warning', meaning: 'a label cell held text that is not a label of the form; it was ignored' },
  name_after_label: { stage: 'repair', severity: 'info', meaning: '项目名称 was printed on the line after the project name' },
  values_joined: { stage: 'repair', severity: 'info', meaning: 'two values of neighbouring cells (two figures, or a score and its note) shared one cell beside an empty one and were read apart' },
  label_value_joined: { stage: 'repair', severity: 'info', meaning: 'a label and its value shared one cell' },
  section_label_joined: { stage: 'repair', severity: 'info', meaning: "a field's label shared one cell with the section label beside its rows, or a piece of it (项目年度目标项目基本情况, 项目年度目标项目基): read as the field's label" },
  total_on_field_row: { stage: 'repair', severity: 'info', meaning: "the total row's figures were printed on a field's row (评分等级, its total label lost; or 评价结论 beside 合计): read as the totals" },
  group_labels_above: { stage: 'repair', severity: 'info', meaning: "level names read as a row of their own above a group's first row (the top of a group a page break cuts) were given to that group" },
  title_line_joined: { stage: 'repair', severity: 'info', meaning: "the table's year or unit line shared a cell with a field's value and was set apart" },
  fund_labels_in_order: { stage: 'repair', severity: 'info', meaning: 'the fund row labels were printed out of line with their figures (wrapped or run together): read from the label column in order, one per row of figures' },
  fund_header_merged: { stage: 'repair', severity: 'info', meaning: 'the funds header row also held the 年度资金总额 row' },
  html_removed: { stage: 'repair', severity: 'info', meaning: 'HTML tags were removed from a text cell' },
  thousands_separator: { stage: 'repair', severity: 'info', meaning: 'thousands separators were removed from an amount' },
  repeated_header: { stage: 'repair', severity: 'info', meaning: 'a header row repeated on a continuation page was dropped' },
  wrapped_cell_joined: { stage: 'repair', severity: 'info', meaning: 'a cell wrapped onto the next row was joined' },
  stacked_fields_split: { stage: 'repair', severity: 'info', meaning: 'text field labels run together in one cell (rows printed without padding and read as one, one paragraph each; or one cell over their rows) were given one to each row' },
  signature_set_aside: { stage: 'repair', severity: 'info', meaning: 'a signature line (项目负责人：…) that the rows carried beside cells of the table was set aside, the rest of the row read' },
  grade_from_conclusion: { stage: 'repair', severity: 'info', meaning: 'the grade was read from the 评价结论 text, the form having no grade cell (grade_source "conclusion")' },
  ambiguous_label_group: { stage: 'repair', severity: 'warning', meaning: 'two groupings of merged 二级 labels explain the printed layout equally well: both readings are given, the chosen one says what decided' },
  unassigned_level2: { stage: 'repair', severity: 'warning', meaning: 'no level-2 label could be assigned to an indicator row' },
  ocr_corrected: { stage: 'repair', severity: 'info', meaning: 'a number read by OCR with low confidence was replaced by the only other reading that makes the arithmetic hold' },
  // validation
  missing_cell: { stage: 'validate', severity: 'warning', meaning: 'a cell the form requires is empty or unreadable (kept null)' },
  invalid_number: { stage: 'validate', severity: 'warning', meaning: 'a numeric cell does not hold a number (kept as null)' },
  schema_violation: { stage: 'validate', severity: 'error', meaning: 'the record does not match the canonical schema' },
  // checks
  total_mismatch: { stage: 'check', severity: 'warning', meaning: 'printed total ≠ funds score + Σ indicator scores' },
  rate_mismatch: { stage: 'check', severity: 'warning', meaning: 'a printed 执行率 ≠ 全年执行数 / 全年预算数 × 100 (template rounding)' },
  exec_score_mismatch: { stage: 'check', severity: 'warning', meaning: 'funds 得分 ≠ 分数 × 执行率 / 100 (template rounding)' },
  weight_sum_not_100: { stage: 'check', severity: 'warning', meaning: 'funds 分数 + Σ indicator 分值 ≠ the printed total weight (100)' },
  score_exceeds_weight: { stage: 'check', severity: 'warning', meaning: 'an indicator 得分 is above its 分值' },
  grade_mismatch: { stage: 'check', severity: 'warning', meaning: '评分等级 does not match the band of the total score' },
  missing_total_score: { stage: 'check', severity: 'warning', meaning: 'the total score is not printed (kept null, never guessed)' },
  funds_sum_mismatch: { stage: 'check', severity: 'warning', meaning: "the fund rows the template sums (当年财政拨款 + 上年结转资金 + 其他资金) ≠ the total row (年度资金总额) in a column" },
  ocr_uncertain: { stage: 'check', severity: 'warning', meaning: 'a number read by OCR with low confidence is not confirmed by the arithmetic: kept as read, check it in the scan' },
  // the dataset as a whole
  duplicate_table: { stage: 'dataset', severity: 'info', meaning: 'a table repeats one of an earlier input (same project, department and figures): counted once, as the earlier one (projects.json marks it duplicate_of)' },
} as const satisfies Record<string, CodeInfo>;

export type Code = keyof typeof CODES;

export interface Location {
  file: string;
  page?: number;
  line?: number;
  bbox?: BBox;
  /** Index of the project in its file (0-based). */
  project?: number;
  /** Dotted path of the field in the record, e.g. `indicators.3.score`. */
  field?: string;
}

export interface Diagnostic {
  code: Code;
  severity: Severity;
  message: string;
  location: Location;
  actual?: string;
  expected?: string;
}

/** Builds a diagnostic with the code's default severity. */
export function diagnostic(
  code: Code,
  message: string,
  location: Location,
  extra: { actual?: string; expected?: string; severity?: Severity } = {},
): Diagnostic {
  const d: Diagnostic = { code, severity: extra.severity ?? CODES[code].severity, message, location };
  if (extra.actual !== undefined) d.actual = extra.actual;
  if (extra.expected !== undefined) d.expected = extra.expected;
  return d;
}

/** Thrown when a file cannot be processed at all; the batch turns it into a failed manifest entry. */
export class InputError extends Error {
  constructor(
    readonly code: Code,
    message: string,
    readonly file: string,
  ) {
    super(message);
    this.name = 'InputError';
  }
}
