/**
 * What every template shares about labels: how a printed label is normalised before it is
 * compared, the words that hint at a level 2, the achievement phrases, grade bands. The labels
 * themselves, form by form, are data in src/domain/templates/.
 */

/**
 * Normalises a label for comparison: no spaces, ASCII parentheses and colons folded to full
 * width, a trailing colon dropped (年度资金总额：), points dropped (产出指标(50分), 预算执行情况(10分),
 * and a side label's points read into the first row's label: (10分)总额) and a leading enumeration
 * dropped (2.项目实施内容及过程概述).
 */
export function labelKey(text: string): string {
  return text
    .replace(/\s+/g, '')
    .replace(/\(/g, '（')
    .replace(/\)/g, '）')
    .replace(/:/g, '：')
    .replace(/（\d+(?:\.\d+)?分）$/, '')
    .replace(/^（\d+(?:\.\d+)?分）(?=\p{Script=Han})/u, '')
    .replace(/^(?:\d{1,2}|[一二三四五六七八九十]{1,2})[.．、]/, '')
    .replace(/：$/, '')
    // A label a page break cut inside its note (实施单位（盖 of 实施单位（盖章）) reads as the label.
    .replace(/(?<=\p{Script=Han})（[^（）]{0,3}$/u, '');
}

/** Whether a text reads like a label: short, Chinese, no figures, no sentence punctuation. */
export function looksLikeLabel(text: string): boolean {
  const k = labelKey(text);
  return k.length >= 2 && k.length <= 12 && !/[\d%。，；,;]/.test(k) && /\p{Script=Han}/u.test(k);
}

/**
 * Words in a 三级指标 name that say which level 2 it belongs to (及时率 is a 时效指标, 满意度 a
 * 服务对象满意度指标…). Used only where the layout leaves the groups open: to break ties where a
 * dump printed merged labels ambiguously, and (as the words a name ends with, `streamGroupWords`)
 * where a borderless page's labels fit two placements about as well.
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

/** A grade band: a total at or above `min` gets `grade`. */
export interface GradeBand {
  grade: string;
  min: string;
}

/** The grade a total score earns under `bands` (highest first). */
export function gradeFor(total: { gte(n: string): boolean }, bands: readonly GradeBand[]): string | null {
  for (const band of bands) if (total.gte(band.min)) return band.grade;
  return bands[bands.length - 1]?.grade ?? null;
}
