/**
 * `report.html`: one self-contained page (no network: styles, script and pictures inline) for
 * reviewing a dataset, in Chinese with English beside it. A summary per department (tables,
 * flagged, budget and executed in 万元, score spread), then every flagged table with its
 * department, file, page, each failed rule in words with the printed and recomputed figures, and
 * crops of the page with the offending cells outlined (from the provenance boxes). Filters by
 * status and department.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Decimal } from 'decimal.js';
import { CODES } from '../diagnostics.js';
import type { ProjectRecord } from '../domain/schema.js';
import { isFlagged, toWan, type DatasetTotals, type RenderedInput } from '../emit/dataset.js';
import type { Crop, ManifestEntry } from '../result.js';
import type { BBox } from '../types.js';
import { TOOL_VERSION } from '../version.js';

/** Each check and problem in Chinese words (the English is CODES' meaning). */
export const RULE_ZH: Partial<Record<keyof typeof CODES, string>> = {
  rate_mismatch: '执行率 ≠ 全年执行数 ÷ 全年预算数 × 100',
  exec_score_mismatch: '预算执行得分 ≠ 分数 × 执行率 ÷ 100',
  funds_sum_mismatch: '当年财政拨款 + 上年结转资金 + 其他资金 ≠ 年度资金总额',
  weight_sum_not_100: '预算执行分数 + 各指标分值 ≠ 总分值（100）',
  score_exceeds_weight: '指标得分高于其分值',
  total_mismatch: '总分 ≠ 预算执行得分 + 各指标得分之和',
  grade_mismatch: '评分等级与总分不符（优 ≥ 90，良 ≥ 80，中 ≥ 60）',
  missing_total_score: '未印总分（未代填）',
  missing_cell: '表格必填项为空或无法识别',
  invalid_number: '数字栏中不是数字',
  truncated_table: '表格不完整（缺少指标表或合计行）',
  schema_violation: '记录不符合数据结构',
};

/** Status of a flagged table, as the report's filter shows it. */
export type ReviewStatus = 'mismatch' | 'incomplete' | 'error';

const STATUS_WORDS: Record<ReviewStatus, string> = {
  mismatch: '数字不符 · figures do not add up',
  incomplete: '不完整 · incomplete',
  error: '读取问题 · reading problem',
};

interface Mark { box: BBox; code: string }
interface FlaggedTable {
  id: string;
  path: string;
  title: string;
  department: string;
  status: ReviewStatus;
  where: string;
  issues: ProjectRecord['issues'];
  figures: Array<[string, string | null, string | null]>;
  crops: Array<{ file: string; page: number; region: BBox; scale: number; marks: Mark[] }>;
}

interface Department { tables: number; flagged: number; budget: Decimal; executed: Decimal; missingAmounts: number; scores: Decimal[] }

const esc = (s: unknown): string => String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
const UNKNOWN_DEPT = '（未注明部门）';

/** The department a table is counted under: as printed, else as the sidecar says. */
export function departmentOf(r: ProjectRecord): string {
  return r.department ?? r.source.department ?? UNKNOWN_DEPT;
}

/** Collects what the report needs, one input at a time; `html()` renders it. */
export class ReportCollector {
  private readonly flagged: FlaggedTable[] = [];
  private readonly departments = new Map<string, Department>();
  private failedInputs: Array<{ path: string; message: string }> = [];

  /** Takes one input's share of the dataset (kept records only) and its crops. */
  add(part: RenderedInput, crops: readonly Crop[], cacheDir?: string): void {
    this.addInput(part.entry);
    this.addRecords(part.records, crops, cacheDir);
  }

  /** Takes one input's manifest entry (a failed input is listed). */
  addInput(entry: ManifestEntry): void {
    if (entry.status === 'failed' && entry.error) this.failedInputs.push({ path: entry.path, message: entry.error.message });
  }

  /** Takes kept records of one input (some or all of them, in order) and the input's crops. */
  addRecords(records: readonly ProjectRecord[], crops: readonly Crop[], cacheDir?: string): void {
    for (const r of records) {
      const name = departmentOf(r);
      const d = this.departments.get(name) ?? { tables: 0, flagged: 0, budget: new Decimal(0), executed: new Decimal(0), missingAmounts: 0, scores: [] };
      this.departments.set(name, d);
      d.tables++;
      const budget = toWan(r.funds.total.full_year_budget, r.unit), executed = toWan(r.funds.total.executed, r.unit);
      if (budget === null || executed === null) d.missingAmounts++;
      if (budget !== null) d.budget = d.budget.plus(budget);
      if (executed !== null) d.executed = d.executed.plus(executed);
      if (r.total_score !== null) d.scores.push(new Decimal(r.total_score));
      if (!isFlagged(r)) continue;
      d.flagged++;
      const c = r.check;
      this.flagged.push({
        id: r.id,
        path: r.source.path,
        title: r.project_name ?? r.title ?? r.id,
        department: name,
        status: c.status === 'ok' ? 'error' : c.status,
        where: r.source.pages?.length ? `第 ${r.source.pages.join('、')} 页 · page ${r.source.pages.join(', ')}` : r.source.lines ? `第 ${r.source.lines[0]}–${r.source.lines[1]} 行 · lines ${r.source.lines[0]}–${r.source.lines[1]}` : '',
        issues: r.issues,
        figures: [
          ['执行率 · execution rate', c.printed_execution_rate, c.recomputed_execution_rate],
          ['预算执行得分 · budget score', c.printed_exec_score, c.recomputed_exec_score],
          ['总分值 · total weight', c.printed_total_weight, c.recomputed_total_weight],
          ['总分 · total score', c.printed_total_score, c.recomputed_total_score],
          ['评分等级 · grade', c.printed_grade, c.recomputed_grade],
        ],
        crops: crops.filter((k) => k.record === r.source.index).map((k) => ({
          file: cacheDir ? path.join(cacheDir, k.png) : k.png,
          page: k.page,
          region: k.region,
          scale: k.scale,
          marks: r.issues.filter((d) => d.location.page === k.page && d.location.bbox).map((d) => ({ box: d.location.bbox!, code: d.code })),
        })),
      });
    }
  }

  /** The page, with the crops read and inlined. */
  async html(totals: DatasetTotals): Promise<string> {
    const depts = [...this.departments].sort((a, b) => a[0].localeCompare(b[0], 'zh'));
    const parts: string[] = [];
    parts.push(`<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'; script-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>自评表审核报告 · ziping review report</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<h1>自评表审核报告 <small>Review report</small></h1>
<p>${totals.tables} 张表（${totals.flagged_tables} 张需复核），来自 ${totals.inputs} 个文件${totals.duplicate_tables ? `；另有 ${totals.duplicate_tables} 张重复的表未计入` : ''}。 <span class="en">${totals.tables} tables (${totals.flagged_tables} flagged) from ${totals.inputs} input file(s)${totals.duplicate_tables ? `; ${totals.duplicate_tables} duplicate table(s) left out` : ''}. Figures are as printed; the checks recompute them exactly.</span></p>
</header>
<main>
<section id="departments">
<h2>各部门汇总 <small>By department</small></h2>
<table class="summary">
<thead><tr><th>部门 <small>Department</small></th><th>表数 <small>Tables</small></th><th>需复核 <small>Flagged</small></th><th>全年预算数（万元） <small>Budget, 10k yuan</small></th><th>全年执行数（万元） <small>Executed</small></th><th>执行率 <small>Rate</small></th><th>总分 最低 / 中位 / 最高 <small>Score min / median / max</small></th></tr></thead>
<tbody>`);
    for (const [name, d] of depts) {
      const rate = d.budget.isZero() ? '' : `${d.executed.div(d.budget).times(100).toDecimalPlaces(2, Decimal.ROUND_DOWN).toFixed(2)}%`;
      const s = [...d.scores].sort((a, b) => a.cmp(b));
      const median = s.length === 0 ? null : s.length % 2 ? s[(s.length - 1) / 2]! : s[s.length / 2 - 1]!.plus(s[s.length / 2]!).div(2);
      const spread = s.length ? `${s[0]!.toFixed()} / ${median!.toFixed()} / ${s.at(-1)!.toFixed()}` : '';
      parts.push(`<tr data-department="${esc(name)}"><td>${esc(name)}</td><td class="n">${d.tables}</td><td class="n">${d.flagged}</td><td class="n">${esc(d.budget.toFixed())}${d.missingAmounts ? `<sup title="${d.missingAmounts} 张表缺金额 · tables without this amount">*</sup>` : ''}</td><td class="n">${esc(d.executed.toFixed())}</td><td class="n">${rate}</td><td class="n">${spread}</td></tr>`);
    }
    parts.push(`</tbody></table>
</section>
<section id="flagged">
<h2>需复核的表 <small>Flagged tables</small></h2>
<form class="filters" onsubmit="return false">
<label>状态 <small>Status</small> <select id="filter-status"><option value="">全部 · all</option>${(Object.keys(STATUS_WORDS) as ReviewStatus[]).map((s) => `<option value="${s}">${esc(STATUS_WORDS[s])}</option>`).join('')}</select></label>
<label>部门 <small>Department</small> <select id="filter-department"><option value="">全部 · all</option>${depts.filter(([, d]) => d.flagged > 0).map(([n]) => `<option value="${esc(n)}">${esc(n)}</option>`).join('')}</select></label>
<output id="shown">${this.flagged.length} / ${this.flagged.length}</output>
</form>`);
    if (this.flagged.length === 0) parts.push('<p class="none">没有需复核的表。 <span class="en">No table is flagged.</span></p>');
    for (const t of this.flagged) parts.push(await renderTable(t));
    if (this.failedInputs.length) {
      parts.push(`<h2>未能读取的文件 <small>Files that could not be read</small></h2><ul class="failed">${this.failedInputs.map((f) => `<li><code>${esc(f.path)}</code>: ${esc(f.message)}</li>`).join('')}</ul>`);
    }
    parts.push(`</section>
</main>
<footer>ziping ${esc(TOOL_VERSION)} · 印刷值为原表数字，重算值由 ziping 精确计算 · printed figures are as published; recomputed ones are exact.</footer>
<script>${SCRIPT}</script>
</body>
</html>
`);
    return parts.join('\n');
  }
}

async function renderTable(t: FlaggedTable): Promise<string> {
  const rows = t.issues.map((d) => {
    const en = d.code in CODES ? CODES[d.code as keyof typeof CODES].meaning : '';
    const zh = RULE_ZH[d.code as keyof typeof CODES] ?? '';
    const where = [d.location.page ? `p. ${d.location.page}` : '', d.location.line ? `line ${d.location.line}` : '', d.location.field ?? ''].filter(Boolean).join(' · ');
    return `<tr class="sev-${esc(d.severity)}"><td><code>${esc(d.code)}</code><br>${esc(zh)}<br><small>${esc(en)}</small><div class="msg">${esc(d.message)}</div></td><td class="n printed">${esc(d.actual ?? '')}</td><td class="n recomputed">${esc(d.expected ?? '')}</td><td>${esc(where)}</td></tr>`;
  });
  const differs = (p: string | null, r: string | null): boolean => p !== null && r !== null && (/^-?\d+(\.\d+)?$/.test(p) && /^-?\d+(\.\d+)?$/.test(r) ? !new Decimal(p).eq(r) : p !== r);
  const figures = t.figures.filter(([, p, r]) => p !== null || r !== null).map(([label, p, r]) => `<tr${differs(p, r) ? ' class="differs"' : ''}><th>${esc(label)}</th><td class="n">${esc(p ?? '—')}</td><td class="n">${esc(r ?? '—')}</td></tr>`);
  const crops: string[] = [];
  for (const k of t.crops) {
    let data: Buffer;
    try {
      data = await readFile(k.file);
    } catch {
      continue;
    }
    const [x0, y0, x1, y1] = k.region;
    const w = x1 - x0, h = y1 - y0;
    const marks = k.marks.map((m) => {
      const pct = (v: number) => `${(v * 100).toFixed(3)}%`;
      return `<div class="mark" data-code="${esc(m.code)}" data-bbox="${m.box.map((v) => v.toFixed(2)).join(',')}" title="${esc(m.code)}" style="left:${pct((m.box[0] - x0) / w)};top:${pct((m.box[1] - y0) / h)};width:${pct((m.box[2] - m.box[0]) / w)};height:${pct((m.box[3] - m.box[1]) / h)}"></div>`;
    });
    crops.push(`<figure class="crop" data-page="${k.page}" data-region="${k.region.map((v) => v.toFixed(2)).join(',')}"><div class="page" style="width:${Math.round(w * k.scale)}px"><img alt="第 ${k.page} 页局部 · part of page ${k.page}" width="${Math.round(w * k.scale)}" src="data:image/png;base64,${data.toString('base64')}">${marks.join('')}</div><figcaption>第 ${k.page} 页 · page ${k.page}（红框：不符的数字 · red: the figures at fault）</figcaption></figure>`);
  }
  return `<article class="flagged" id="${esc(encodeURIComponent(t.id))}" data-id="${esc(t.id)}" data-status="${t.status}" data-department="${esc(t.department)}">
<h3>${esc(t.title)} <span class="status ${t.status}">${esc(STATUS_WORDS[t.status])}</span></h3>
<dl><dt>部门 <small>Department</small></dt><dd>${esc(t.department)}</dd><dt>文件 <small>File</small></dt><dd><code>${esc(t.path)}</code></dd><dt>位置 <small>Where</small></dt><dd>${esc(t.where)}</dd><dt>编号 <small>ID</small></dt><dd><code>${esc(t.id)}</code></dd></dl>
<table class="issues"><thead><tr><th>规则 <small>Rule</small></th><th>印刷值 <small>Printed</small></th><th>重算值 <small>Recomputed</small></th><th>位置 <small>Where</small></th></tr></thead><tbody>${rows.join('')}</tbody></table>
<table class="figures"><thead><tr><th></th><th>印刷值 <small>Printed</small></th><th>重算值 <small>Recomputed</small></th></tr></thead><tbody>${figures.join('')}</tbody></table>
${crops.join('\n')}
</article>`;
}

const STYLE = `
body{font-family:system-ui,"Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif;margin:0;color:#222;background:#fafafa}
header,main,footer{max-width:1100px;margin:0 auto;padding:0 16px}
h1{font-size:1.6em;margin:.8em 0 .3em}h2{margin-top:1.6em}small,.en{color:#666;font-weight:normal}
table{border-collapse:collapse;margin:.5em 0;background:#fff}th,td{border:1px solid #ddd;padding:4px 8px;text-align:left;vertical-align:top}
td.n{text-align:right;font-variant-numeric:tabular-nums}
.filters{display:flex;gap:1.5em;align-items:center;margin:1em 0;position:sticky;top:0;background:#fafafa;padding:.5em 0;z-index:2}
article.flagged{background:#fff;border:1px solid #ddd;border-left:4px solid #d9534f;margin:1em 0;padding:.5em 1em}
article.flagged[hidden]{display:none}
dl{display:grid;grid-template-columns:max-content 1fr;gap:2px 12px}dt{color:#666}dd{margin:0}
.status{font-size:.7em;padding:2px 6px;border-radius:3px;background:#f2dede;color:#a94442;vertical-align:middle}
.status.incomplete{background:#fcf8e3;color:#8a6d3b}.status.error{background:#eee;color:#555}
tr.differs td{background:#fdecea;font-weight:bold}.msg{color:#555;font-size:.9em}
figure.crop{margin:1em 0}figure.crop .page{position:relative;max-width:100%;border:1px solid #ccc}
figure.crop img{display:block;width:100%;height:auto}
.mark{position:absolute;box-sizing:border-box;border:3px solid rgb(255,0,0);pointer-events:auto}
footer{color:#888;font-size:.85em;margin:2em auto}
`;

const SCRIPT = `
(function () {
  var status = document.getElementById('filter-status');
  var dept = document.getElementById('filter-department');
  var shown = document.getElementById('shown');
  var items = Array.prototype.slice.call(document.querySelectorAll('article.flagged'));
  function apply() {
    var n = 0;
    items.forEach(function (a) {
      var ok = (!status.value || a.dataset.status === status.value) && (!dept.value || a.dataset.department === dept.value);
      a.hidden = !ok;
      if (ok) n++;
    });
    shown.textContent = n + ' / ' + items.length;
  }
  status.addEventListener('change', apply);
  dept.addEventListener('change', apply);
  apply();
})();
`;
