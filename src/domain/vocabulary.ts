/**
 * Given templates (data), returns the lookups the reader asks: which field, fund row, fund
 * column or indicator column a printed label names under one template; which template a
 * table's labels fit best; the union of every template's labels, which finds the tables in a
 * file and reads a table that fits none.
 */
import { labelKey } from './labels.js';
import {
  FUND_COL_KEYS,
  INDICATOR_COL_KEYS,
  type FieldKey,
  type FundColKey,
  type FundRowKey,
  type IndicatorColKey,
  type Level1,
  type Template,
} from './template.js';
import { NON_PROJECT_TITLES, TEMPLATES } from './templates/index.js';

/** The lookups of one template. Every label is compared after {@link labelKey}. */
export interface Vocabulary {
  readonly template: Template;
  /** Every label this template knows, normalised. */
  readonly labels: ReadonlySet<string>;
  field(text: string): FieldKey | undefined;
  /** A label that heads a part of the form (年度总体目标, 绩效指标). */
  isSection(text: string): boolean;
  /** A label that opens the funds block besides its columns (项目资金（万元）). */
  isFundsHeader(text: string): boolean;
  fundRow(text: string): FundRowKey | undefined;
  fundCol(text: string): FundColKey | undefined;
  indicatorCol(text: string): IndicatorColKey | undefined;
  isTotal(text: string): boolean;
  /** A line that is not part of the record (项目负责人：…). */
  isIgnored(text: string): boolean;
  level1(text: string): Level1 | undefined;
  /** The level-2 name a text is (满意度指标 alone counts as level 1), if any. */
  level2(text: string): string | undefined;
  /** The level 1 of a level-2 name. */
  level1Of(level2: string): Level1 | undefined;
  /** The unit a label or line names (项目资金（元）, 单位：万元), if any. */
  unitOf(text: string): '万元' | '元' | undefined;
  /** The year a title or year line names, if any. */
  yearOf(text: string): string | undefined;
  /** The grade a conclusion text names, if any. */
  gradeIn(text: string): string | undefined;
  /** Whether a text is any label of this template (or a level name). */
  knows(text: string): boolean;
  /**
   * Whether a text is the start or the end of a label (or level name) it is not: what is left of
   * a merged label cell whose text a page break split (响指标 of 可持续影响指标).
   */
  isFragment(text: string): boolean;
  /** Whether a text is a piece of a section label (指 of 绩效指标 printed one character a line). */
  isSectionPiece(text: string): boolean;
  /**
   * Whether a text is a side label of a part of the form or a piece of one: a section, a funds
   * label (预算执行情况) or what a narrow cell wrapped of either (执行, 情况), or its points ((10 / 分)).
   */
  isSidePiece(text: string): boolean;
}

function indexOf<K extends string>(entries: Iterable<readonly [K, readonly string[]]>): Map<string, K> {
  const m = new Map<string, K>();
  for (const [key, labels] of entries) for (const l of labels) if (!m.has(labelKey(l))) m.set(labelKey(l), key);
  return m;
}
const re = (sources: readonly string[]): RegExp[] => sources.map((s) => new RegExp(s));
const firstGroup = (res: readonly RegExp[], text: string): string | undefined => {
  for (const r of res) {
    const m = r.exec(text);
    if (m?.[1]) return m[1];
  }
  return undefined;
};

/** Given a template, returns its lookups. */
export function vocabularyOf(t: Template): Vocabulary {
  const fields = indexOf(Object.entries(t.fields) as [FieldKey, string[]][]);
  const sections = new Set(t.sections.map(labelKey));
  const fundsHeaders = new Set(t.funds.headers.map(labelKey));
  const fundRows = indexOf(t.funds.rows.map((r) => [r.key, r.labels] as const));
  const fundCols = indexOf(t.funds.columns.map((c) => [c.key, c.labels] as const));
  const indCols = indexOf(t.indicators.columns.map((c) => [c.key, c.labels] as const));
  const totals = new Set(t.total.labels.map(labelKey));
  const ignore = t.ignore.map(labelKey);
  const framework = t.indicators.framework;
  const level1Names = new Set<string>(Object.values(framework));
  const unitRes = re(t.unit_patterns);
  const yearRes = re(t.year_patterns);
  const gradeRes = re(t.grade.conclusion_patterns);
  const labels = new Set<string>([...fields.keys(), ...sections, ...fundsHeaders, ...fundRows.keys(), ...fundCols.keys(), ...indCols.keys(), ...totals, ...ignore]);
  const v: Vocabulary = {
    template: t,
    labels,
    field: (text) => fields.get(labelKey(text)),
    isSection: (text) => sections.has(labelKey(text)),
    isFundsHeader: (text) => fundsHeaders.has(labelKey(text)),
    fundRow: (text) => fundRows.get(labelKey(text)),
    fundCol: (text) => fundCols.get(labelKey(text)),
    indicatorCol: (text) => indCols.get(labelKey(text)),
    isTotal: (text) => totals.has(labelKey(text)),
    isIgnored: (text) => {
      const k = labelKey(text);
      return k !== '' && ignore.some((p) => k.startsWith(p));
    },
    level1: (text) => {
      const k = labelKey(text);
      return level1Names.has(k) ? (k as Level1) : undefined;
    },
    level2: (text) => {
      const k = labelKey(text);
      if (level1Names.has(k)) return undefined;
      return k in framework ? k : undefined;
    },
    level1Of: (level2) => framework[level2],
    unitOf: (text) => firstGroup(unitRes, labelKey(text)) as '万元' | '元' | undefined,
    yearOf: (text) => firstGroup(yearRes, labelKey(text)),
    gradeIn: (text) => firstGroup(gradeRes, text.replace(/\s+/g, '')),
    knows: (text) => {
      const k = labelKey(text);
      return labels.has(k) || level1Names.has(k) || k in framework;
    },
    isSectionPiece: (text) => {
      const k = labelKey(text);
      return k !== '' && [...sections].some((l) => l.length > k.length && l.includes(k));
    },
    isSidePiece: (text) => {
      const k = labelKey(text);
      if (k === '') return false;
      if (/^（\d*分?$|^\d*分?）$/.test(k)) return true;
      return sections.has(k) || fundsHeaders.has(k) || [...sections, ...fundsHeaders].some((l) => l.length > k.length && l.includes(k));
    },
    isFragment: (text) => {
      const k = labelKey(text);
      if (k === '') return false;
      for (const l of [...labels, ...level1Names, ...Object.keys(framework)]) {
        if (l.length > k.length && (l.startsWith(k) || l.endsWith(k))) return true;
      }
      return false;
    },
  };
  return v;
}

/** Merges label lists of several templates, first template first, without repeats. */
function mergeLabels(lists: readonly (readonly string[] | undefined)[]): string[] {
  return [...new Set(lists.flatMap((l) => l ?? []))];
}

/**
 * The union of several templates: every label of each, the first template's meaning where two
 * disagree. Reads a table whose labels fit no template (`unknown_template`), and finds tables.
 */
export function unionTemplate(ts: readonly Template[]): Template {
  const first = ts[0]!;
  const fields: Template['fields'] = {};
  for (const t of ts) {
    for (const [k, labels] of Object.entries(t.fields) as [FieldKey, string[]][]) fields[k] = mergeLabels([fields[k], labels]);
  }
  const fundCols = FUND_COL_KEYS.filter((k) => ts.some((t) => t.funds.columns.some((c) => c.key === k))).map((key) => ({
    key,
    labels: mergeLabels(ts.map((t) => t.funds.columns.find((c) => c.key === key)?.labels)),
  }));
  const rowKeys = [...new Set(ts.flatMap((t) => t.funds.rows.map((r) => r.key)))];
  const fundRows = rowKeys.map((key) => ({
    key,
    labels: mergeLabels(ts.map((t) => t.funds.rows.find((r) => r.key === key)?.labels)),
    optional: [...FUND_COL_KEYS.filter((c) => c !== 'weight' && c !== 'score')],
  }));
  const indCols = INDICATOR_COL_KEYS.filter((k) => ts.some((t) => t.indicators.columns.some((c) => c.key === k))).map((key) => ({
    key,
    labels: mergeLabels(ts.map((t) => t.indicators.columns.find((c) => c.key === key)?.labels)),
  }));
  const compose = ts.find((t) => t.indicators.compose)?.indicators.compose;
  return {
    id: 'unknown',
    publisher: 'no template: read by the labels of every template',
    description: 'a table whose labels fit no template',
    titles: mergeLabels(ts.map((t) => t.titles)),
    unit: first.unit,
    unit_patterns: mergeLabels(ts.map((t) => t.unit_patterns)),
    year_patterns: mergeLabels(ts.map((t) => t.year_patterns)),
    rounding: 'either',
    placeholders: mergeLabels(ts.map((t) => t.placeholders)),
    fields,
    required: [],
    sections: mergeLabels(ts.map((t) => t.sections)),
    ignore: mergeLabels(ts.map((t) => t.ignore)),
    funds: {
      headers: mergeLabels(ts.map((t) => t.funds.headers)),
      row_header: mergeLabels(ts.map((t) => t.funds.row_header)),
      min_columns: Math.min(...ts.map((t) => t.funds.min_columns)),
      columns: fundCols,
      rows: fundRows,
      sum: { ...first.funds.sum, placeholder_is_zero: false },
      weight: first.funds.weight,
    },
    indicators: {
      columns: indCols,
      ...(compose ? { compose } : {}),
      framework: Object.assign({}, ...ts.map((t) => t.indicators.framework)) as Template['indicators']['framework'],
    },
    total: { labels: mergeLabels(ts.map((t) => t.total.labels)), unlabelled: ts.some((t) => t.total.unlabelled), weight: first.total.weight },
    grade: {
      required: false,
      conclusion_patterns: mergeLabels(ts.map((t) => t.grade.conclusion_patterns)),
      bands: first.grade.bands,
    },
  };
}

/** The templates a run reads with: each one's lookups, their union, and the title tests. */
export interface TemplateSet {
  readonly templates: readonly Vocabulary[];
  readonly union: Vocabulary;
  /** Whether a line is a project table's title. */
  isTitle(text: string): boolean;
  /** Whether a line is the title of a table that is not a project table (部门整体支出绩效自评表). */
  isNonProjectTitle(text: string): boolean;
  /**
   * The project table's title a signature line runs into, read as one text with it (项目负责人：…
   * 财务负责人：… 部门预算项目支出绩效自评表（2023年度）): the text from the title on, without a
   * unit line after it.
   */
  titleAfterSignature(text: string): string | undefined;
}

/** Titles of any self-evaluation table, whatever its template: the catch-all for unknown forms. */
const GENERIC_TITLES = [/绩效自评表$/, /绩效自我评价表?$/];
const MAX_TITLE = 40;

const cache = new WeakMap<readonly Template[], TemplateSet>();
const NO_EXTRA: readonly Template[] = [];

/** Given the shipped templates and any added ones (data), returns the set a run reads with. */
export function templateSet(extra: readonly Template[] = NO_EXTRA): TemplateSet {
  const key = extra.length === 0 ? NO_EXTRA : extra;
  const hit = cache.get(key);
  if (hit) return hit;
  const all = [...TEMPLATES, ...extra];
  const templates = all.map(vocabularyOf);
  const union = vocabularyOf(unionTemplate(all));
  const templateTitles = re(union.template.titles);
  const titleRes = [...templateTitles, ...GENERIC_TITLES];
  const nonProject = re(NON_PROJECT_TITLES);
  const set: TemplateSet = {
    templates,
    union,
    isNonProjectTitle: (text) => {
      const k = labelKey(text);
      return k.length <= MAX_TITLE && nonProject.some((r) => r.test(k));
    },
    isTitle: (text) => {
      const k = labelKey(text);
      return k.length <= MAX_TITLE && !nonProject.some((r) => r.test(k)) && titleRes.some((r) => r.test(k));
    },
    titleAfterSignature: (text) => {
      if (!union.isIgnored(text)) return undefined;
      const k = labelKey(text);
      const at = Math.min(...templateTitles.map((r) => r.exec(k)?.index ?? Infinity));
      if (!Number.isFinite(at) || at === 0) return undefined;
      // (A unit line may follow it in the same text: 单位：万元.)
      let title = k.slice(at);
      const unit = Array.from(title, (_, j) => j).find((j) => j > 0 && union.unitOf(title.slice(j)) !== undefined);
      if (unit !== undefined) title = title.slice(0, unit);
      return set.isTitle(title) ? title : undefined;
    },
  };
  cache.set(key, set);
  return set;
}
