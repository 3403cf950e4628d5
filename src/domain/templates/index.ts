/**
 * The templates ziping ships, in the order ties are broken (the first is the default), and the
 * titles of tables in the same files that are not project tables.
 */
import { parseTemplate, type Template } from '../template.js';
import { NATIONAL } from './national.js';
import { SHANGHAI_2023 } from './shanghai-2023.js';
import { SICHUAN_2023 } from './sichuan-2023.js';

export const TEMPLATES: readonly Template[] = [SHANGHAI_2023, NATIONAL, SICHUAN_2023].map((t) => parseTemplate(t, `template ${t.id}`));

/**
 * Titles of tables that are not project tables: the department-wide self-evaluation
 * (部门整体支出绩效自评表) and its variants. Matched against the normalised line (labelKey).
 */
export const NON_PROJECT_TITLES: readonly string[] = [
  '部门整体(?:支出)?绩效(?:自评|自我评价|评价)',
  '整体支出绩效(?:自评|自我评价|评价)',
  '单位整体(?:支出)?绩效(?:自评|自我评价|评价)',
];
