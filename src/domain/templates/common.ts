/**
 * Data the shipped templates share: the national indicator framework (二级指标 → 一级指标), the
 * grade bands, the usual year and unit lines. Plain values; each template copies what it uses.
 */
import type { Level1 } from '../template.js';

/** The framework of the Ministry of Finance: each level-2 name fixes its level 1. */
export const FRAMEWORK: Readonly<Record<string, Level1>> = {
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

/** Grade bands, highest first: 优 ≥ 90, 良 ≥ 80, 中 ≥ 60, else 差. */
export const GRADE_BANDS = [
  { grade: '优', min: '90' },
  { grade: '良', min: '80' },
  { grade: '中', min: '60' },
  { grade: '差', min: '0' },
];

/** A year named in a title or the line below it: 2023年度, (2022 年度). */
export const YEAR_PATTERNS = ['(20\\d\\d)年度'];

/** The unit in a funds label (项目资金（元）, 年度预算数（万元）) or a unit line (单位：万元). */
export const UNIT_PATTERNS = ['^单位：(万元|元)$', '^(?:项目资金|年度预算数|资金)（(万元|元)）$'];
