/**
 * The accuracy report: scores of every gold project broken down by producer, border style,
 * template, every layout and form feature, field group; projects found; injected errors flagged
 * and false flags; failed files; the worst files with their mismatches. Built as data (written
 * as JSON) and rendered as Markdown.
 */
import type { FieldGroup, Json, JsonObject, Mismatch, ScoredFile } from './score.js';

/** Fields summed over a set of tables. */
export interface Tally { ok: number; total: number; found: number; gold: number; files: number }

export interface FlagTally { injected: number; detected: number; flagged: number; clean: number; falseFlags: number; falseFundsSum: number }

/** One sampled file: its gold (with layout), its features from sample.json and how it was scored. */
export interface FileInput {
  name: string;
  gold: JsonObject | null;
  features: Record<string, string | number | boolean>;
  scored: ScoredFile | null;
  /** render failure (sampler) or ziping failure (manifest), if any */
  error?: string;
  goldProblems?: string[];
}

export interface WorstFile {
  name: string;
  producer: string;
  borders: string;
  template: string;
  accuracy: number;
  found: number;
  gold: number;
  mismatches: { table: string; field: string; gold: string; got: string }[];
}

export interface AccuracyReport {
  seed: number | null;
  count: number | null;
  templates: string[];
  generated: string;
  timings: Record<string, number>;
  overall: Tally;
  flags: FlagTally;
  flagsByProducer: Record<string, FlagTally>;
  dimensions: Record<string, Record<string, Tally>>;
  groups: Record<string, Record<string, Tally>>;
  indicatorFields: Record<string, Tally>;
  failed: { name: string; producer: string; error: string }[];
  goldCheck: { tables: number; unexpected: number; output: string } | null;
  goldProblems: { name: string; problems: string[] }[];
  /**
   * Files left out of every figure: their gold holds text that is not on the rendered pages (the
   * producer clipped or dropped it), so no reader could match it. Listed with what ziping scored.
   */
  leftOut: { name: string; producer: string; borders: string; accuracy: number; falseFlags: number; problem: string }[];
  worst: WorstFile[];
}

/** How `scripts/sampler/sample.py` (post_check) words a gold that is not on the page. */
export const NOT_ON_PAGE = 'gold characters not on the page';

const newTally = (): Tally => ({ ok: 0, total: 0, found: 0, gold: 0, files: 0 });
const newFlags = (): FlagTally => ({ injected: 0, detected: 0, flagged: 0, clean: 0, falseFlags: 0, falseFundsSum: 0 });

/** Features reported in their own sections rather than under "layout". */
const OWN_SECTIONS = new Set(['producer', 'borders', 'template']);
/** Features that describe how a value was drawn rather than a category (not broken down). */
const SKIP_FEATURES = new Set(['font_size_exact', 'table_width', 'padding_pt', 'calc_scale']);

function fmtValue(v: Json): string {
  if (v === null) return 'null';
  const s = typeof v === 'string' ? v : JSON.stringify(v);
  return s.length > 60 ? s.slice(0, 57) + '…' : s;
}

function bucketFontSize(v: unknown): string {
  const n = Number(v);
  return n <= 8 ? '7.5–8' : n <= 9.5 ? '8.5–9.5' : '10–11';
}

function bucketPadding(v: unknown): string {
  const n = Number(v);
  return n < 1.5 ? '<1.5 pt' : n < 3 ? '1.5–3 pt' : '≥3 pt';
}

/** Given the scored files, returns the report data. */
export function buildReport(files: readonly FileInput[], meta: { seed: number | null; count: number | null; templates: string[];
  timings: Record<string, number>; goldCheck: AccuracyReport['goldCheck'] }): AccuracyReport {
  const dims: Record<string, Record<string, Tally>> = {};
  const groups: Record<string, Record<string, Tally>> = {};
  const indFields: Record<string, Tally> = {};
  const overall = newTally();
  const flags = newFlags();
  const flagsByProducer: Record<string, FlagTally> = {};
  const failed: AccuracyReport['failed'] = [];
  const worst: WorstFile[] = [];
  const goldProblems: AccuracyReport['goldProblems'] = [];
  const leftOut: AccuracyReport['leftOut'] = [];
  const tally = (dim: string, value: string): Tally => ((dims[dim] ??= {})[value] ??= newTally());

  for (const f of files) {
    const feat = f.features;
    const producer = String(feat.producer ?? '?');
    const borders = String(feat.borders ?? '?');
    const template = String(feat.template ?? '?');
    if (f.goldProblems?.length) goldProblems.push({ name: f.name, problems: f.goldProblems });
    if (f.error) failed.push({ name: f.name, producer, error: f.error });
    if (!f.scored) continue;
    const notOnPage = f.goldProblems?.find((x) => x.startsWith(NOT_ON_PAGE));
    if (notOnPage) {
      const ps = f.scored.projects;
      const ok = ps.reduce((n, p) => n + p.score.ok, 0), total = ps.reduce((n, p) => n + p.score.total, 0) + f.scored.penalty;
      leftOut.push({ name: f.name, producer, borders, accuracy: total ? ok / total : 1,
        falseFlags: ps.filter((p) => p.flags && !p.flags.injected.length && p.flags.falseFlag).length, problem: notOnPage });
      continue;
    }
    const fileDims: [string, string][] = [
      ['producer', producer], ['borders', borders], ['producer × borders', `${producer} × ${borders}`],
      ['template', template], ['template × producer', `${template} × ${producer}`],
    ];
    for (const [k, v] of Object.entries(feat)) {
      if (OWN_SECTIONS.has(k) || SKIP_FEATURES.has(k)) continue;
      const value = k === 'font_size' ? bucketFontSize(v) : k === 'padding_pt' ? bucketPadding(v) : String(v);
      fileDims.push([`layout: ${k}`, value]);
    }
    const seen = new Set<string>();
    const layoutProjects = Array.isArray(f.gold?.layout && (f.gold.layout as JsonObject).projects)
      ? ((f.gold!.layout as JsonObject).projects as Json[]) : [];
    let fOk = 0, fTotal = 0, fFound = 0;
    const mism: WorstFile['mismatches'] = [];
    const fp = (flagsByProducer[producer] ??= newFlags());
    for (const p of f.scored.projects) {
      const pf = layoutProjects[p.index];
      const projDims: [string, string][] = [...fileDims];
      if (pf && typeof pf === 'object' && !Array.isArray(pf)) {
        for (const [k, v] of Object.entries(pf)) {
          if (k === 'n_indicators') continue;
          // each template has its own form variants: keyed by template
          projDims.push([`form: ${template} ${k}`, String(v)]);
        }
      }
      const inj = p.flags?.injected ?? [];
      projDims.push(['injected error', inj.length ? inj.join(',') : 'none']);
      for (const [d, v] of [['overall', 'all'] as [string, string], ...projDims]) {
        const t = tally(d, v);
        t.ok += p.score.ok; t.total += p.score.total; t.gold += 1; t.found += p.found ? 1 : 0;
        const key = `${d}\u0000${v}`;
        if (!seen.has(key)) { t.files += 1; seen.add(key); }
      }
      overall.ok += p.score.ok; overall.total += p.score.total; overall.gold += 1; overall.found += p.found ? 1 : 0;
      fOk += p.score.ok; fTotal += p.score.total; fFound += p.found ? 1 : 0;
      for (const [g, s] of Object.entries(p.score.groups) as [FieldGroup, { ok: number; total: number }][]) {
        for (const by of ['all', producer]) {
          const t = ((groups[g] ??= {})[by] ??= newTally());
          t.ok += s.ok; t.total += s.total;
        }
      }
      for (const [name, s] of Object.entries(p.score.indicatorFields)) {
        const t = (indFields[name] ??= newTally());
        t.ok += s.ok; t.total += s.total;
      }
      if (p.flags) {
        for (const fl of [flags, fp]) {
          if (p.flags.injected.length) {
            fl.injected++;
            if (p.flags.detected) fl.detected++;
            if (p.flags.flagged) fl.flagged++;
          } else {
            fl.clean++;
            if (p.flags.falseFlag) fl.falseFlags++;
            if (p.flags.falseFundsSum) fl.falseFundsSum++;
          }
        }
      }
      for (const m of p.score.mismatches.slice(0, 8)) mism.push(mismatchRow(`#${p.index + 1}`, m));
      if (!p.found) mism.unshift({ table: `#${p.index + 1}`, field: '(table not found)', gold: p.name, got: '' });
    }
    if (f.scored.penalty) {
      for (const [d, v] of [['overall', 'all'] as [string, string], ...fileDims]) tally(d, v).total += f.scored.penalty;
      overall.total += f.scored.penalty;
      fTotal += f.scored.penalty;
      const t = ((groups.extra_projects ??= {})['all'] ??= newTally());
      t.total += f.scored.penalty;
      const tp = ((groups.extra_projects ??= {})[producer] ??= newTally());
      tp.total += f.scored.penalty;
      mism.unshift({ table: '', field: 'extra_projects', gold: '0', got: String(f.scored.extraProjects) });
    }
    if (fTotal && fOk < fTotal) {
      worst.push({ name: f.name, producer, borders, template, accuracy: fOk / fTotal, found: fFound, gold: f.scored.projects.length, mismatches: mism });
    }
  }
  worst.sort((a, b) => a.accuracy - b.accuracy || a.name.localeCompare(b.name));
  return {
    seed: meta.seed, count: meta.count, templates: meta.templates, generated: new Date().toISOString(), timings: meta.timings,
    overall, flags, flagsByProducer, dimensions: dims, groups, indicatorFields: indFields, failed, goldCheck: meta.goldCheck,
    goldProblems, leftOut, worst: worst.slice(0, 15),
  };
}

function mismatchRow(table: string, m: Mismatch): WorstFile['mismatches'][number] {
  return { table, field: m.field, gold: fmtValue(m.gold), got: fmtValue(m.got) };
}

// ---------------------------------------------------------------------------------------------
// Markdown

const acc = (t: { ok: number; total: number }): string => (t.total ? (t.ok / t.total).toFixed(4) : '–');
const cellText = (s: string): string => s.replaceAll('|', '\\|').replaceAll('\n', '⏎');

function tallyTable(title: string, rows: Record<string, Tally>, sort: 'key' | 'acc' = 'key'): string[] {
  const keys = Object.keys(rows);
  keys.sort(sort === 'acc' ? (a, b) => rows[a]!.ok / (rows[a]!.total || 1) - rows[b]!.ok / (rows[b]!.total || 1) : undefined);
  const out = [`| ${title} | field accuracy | fields | tables found | files |`, '| --- | ---: | ---: | ---: | ---: |'];
  for (const k of keys) {
    const t = rows[k]!;
    out.push(`| ${cellText(k)} | ${acc(t)} | ${t.ok}/${t.total} | ${t.found}/${t.gold} | ${t.files} |`);
  }
  return out;
}

function matrix(rows: string[], cols: string[], dim: Record<string, Tally> | undefined, sep = ' × '): string[] {
  const out = [`| | ${cols.join(' | ')} | total |`, `| --- |${cols.map(() => ' ---: |').join('')} ---: |`];
  for (const r of rows) {
    const cells = cols.map((c) => {
      const t = dim?.[`${r}${sep}${c}`];
      return t ? `${acc(t)} (${t.gold})` : '–';
    });
    let ok = 0, total = 0, gold = 0;
    for (const c of cols) { const t = dim?.[`${r}${sep}${c}`]; if (t) { ok += t.ok; total += t.total; gold += t.gold; } }
    out.push(`| ${r} | ${cells.join(' | ')} | ${total ? (ok / total).toFixed(4) : '–'} (${gold}) |`);
  }
  return out;
}

function ratio(a: number, b: number): string {
  return `${a}/${b}`;
}

/** Given the report data, returns the Markdown report. */
export function toMarkdown(r: AccuracyReport): string {
  const L: string[] = [];
  const o = r.overall;
  L.push('# ziping accuracy on a fresh layout sample', '');
  L.push(`Generated by \`npm run accuracy -- --seed ${r.seed ?? '?'} --count ${r.count ?? '?'}${r.templates.length ? ` --templates ${r.templates.join(',')}` : ''}\` ` +
    `(${r.generated.slice(0, 10)}). The sample is drawn afresh from the seed by \`scripts/sampler/sample.py\` ` +
    '(records, layouts, producers); each PDF is read by `ziping ingest` and scored field by field against the ' +
    'record the sampler wrote beside it, with the semantics of `../shared/tools/score.py`.', '');
  L.push('## Summary', '');
  L.push(`- **field accuracy ${acc(o)}** (${o.ok}/${o.total} fields)`);
  L.push(`- tables found: ${ratio(o.found, o.gold)} in ${Object.values(r.dimensions.producer ?? {}).reduce((s, t) => s + t.files, 0)} files; files that failed: ${r.failed.length}`);
  const f = r.flags;
  L.push(`- injected inconsistencies detected (the injected code reported, as score.py counts): ${ratio(f.detected, f.injected)}; flagged with any check code: ${ratio(f.flagged, f.injected)}`);
  L.push(`- false arithmetic flags on clean tables (score.py's definition): ${ratio(f.falseFlags, f.clean)}; \`funds_sum_mismatch\` on clean tables: ${ratio(f.falseFundsSum, f.clean)}`);
  if (r.goldCheck) L.push(`- gold arithmetic (\`sample.py check\`): ${r.goldCheck.tables} tables, ${r.goldCheck.unexpected} with unexpected arithmetic`);
  L.push(`- gold verified against the rendered pages (every gold character on the page, no text drawn over text): ${r.goldProblems.length ? `${r.goldProblems.length} files with problems (listed below)` : 'no problems'}`);
  if (r.leftOut.length) {
    L.push(`- files left out of every figure above and below, because text of their gold is not on the rendered pages ` +
      `(the producer clipped or dropped it, so no reader could match it): ${r.leftOut.length} (listed below with what ziping scored on them)`);
  }
  const t = r.timings;
  L.push(`- time: render ${t.render_s ?? '?'} s, check ${t.check_s ?? '?'} s, ingest ${t.ingest_s ?? '?'} s, score ${t.score_s ?? '?'} s`, '');

  const producers = Object.keys(r.dimensions.producer ?? {}).sort();
  const borders = Object.keys(r.dimensions.borders ?? {}).sort();
  L.push('## Producer × border style', '', 'Field accuracy (tables).', '');
  L.push(...matrix(producers, borders, r.dimensions['producer × borders']), '');
  L.push('## By producer', '', ...tallyTable('producer', r.dimensions.producer ?? {}), '');
  L.push('## By border style', '', ...tallyTable('borders', r.dimensions.borders ?? {}), '');
  const templates = Object.keys(r.dimensions.template ?? {}).sort();
  L.push('## By template', '', ...tallyTable('template', r.dimensions.template ?? {}), '');
  if (templates.length) L.push('Template × producer:', '', ...matrix(templates, producers, r.dimensions['template × producer']), '');

  L.push('## By field group', '');
  const gcols = ['all', ...producers];
  L.push(`| group | ${gcols.join(' | ')} |`, `| --- |${gcols.map(() => ' ---: |').join('')}`);
  for (const g of Object.keys(r.groups).sort()) {
    L.push(`| ${g} | ${gcols.map((c) => { const x = r.groups[g]![c]; return x ? `${acc(x)} (${x.ok}/${x.total})` : '–'; }).join(' | ')} |`);
  }
  L.push('', '`extra_rows`: indicator rows ziping output that match no gold row (each counts as one wrong field); ' +
    '`extra_projects`: ten fields per table found beyond the gold.', '');
  L.push('Indicator fields:', '', '| field | accuracy | fields |', '| --- | ---: | ---: |');
  for (const [k, v] of Object.entries(r.indicatorFields)) L.push(`| ${k} | ${acc(v)} | ${v.ok}/${v.total} |`);
  L.push('');

  L.push('## Injected errors and false flags by producer', '', '| producer | injected | detected | flagged | clean | false flags | funds_sum on clean |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const [p, x] of Object.entries(r.flagsByProducer).sort()) {
    L.push(`| ${p} | ${x.injected} | ${x.detected} | ${x.flagged} | ${x.clean} | ${x.falseFlags} | ${x.falseFundsSum} |`);
  }
  L.push('', ...tallyTable('injected error', r.dimensions['injected error'] ?? {}), '');

  L.push('## By layout feature', '', 'Every feature the sampler drew for a file (see `scripts/sampler/README.md`); ' +
    '`pages`, `table_split` and `cut_group` are measured on the rendered PDF.', '');
  for (const d of Object.keys(r.dimensions).filter((k) => k.startsWith('layout: ')).sort()) {
    L.push(`### ${d.slice(8)}`, '', ...tallyTable(d.slice(8), r.dimensions[d]!), '');
  }
  L.push('## By form feature (per table)', '');
  for (const d of Object.keys(r.dimensions).filter((k) => k.startsWith('form: ')).sort()) {
    L.push(`### ${d.slice(6)}`, '', ...tallyTable(d.slice(6), r.dimensions[d]!), '');
  }

  L.push('## Files that failed', '');
  if (!r.failed.length) L.push('None.', '');
  else {
    L.push('| file | producer | error |', '| --- | --- | --- |');
    for (const x of r.failed) L.push(`| ${x.name} | ${x.producer} | ${cellText(x.error.slice(0, 200))} |`);
    L.push('');
  }
  if (r.leftOut.length) {
    L.push('## Files left out (gold not on the page)', '', '| file | producer | borders | field accuracy | false flags | problem |', '| --- | --- | --- | ---: | ---: | --- |');
    for (const x of r.leftOut) L.push(`| ${x.name} | ${x.producer} | ${x.borders} | ${x.accuracy.toFixed(4)} | ${x.falseFlags} | ${cellText(x.problem.slice(0, 120))} |`);
    L.push('');
  }
  if (r.goldProblems.length) {
    L.push('## Gold problems found by the sampler', '');
    for (const g of r.goldProblems) L.push(`- ${g.name}: ${g.problems.map(cellText).join('; ')}`);
    L.push('');
  }
  L.push('## Worst files', '');
  if (!r.worst.length) L.push('Every field of every file matched.', '');
  for (const w of r.worst) {
    L.push(`### ${w.name} — ${w.accuracy.toFixed(4)} (${w.producer}, borders ${w.borders}, ${w.template}; tables found ${w.found}/${w.gold})`, '');
    L.push('| table | field | gold | got |', '| --- | --- | --- | --- |');
    for (const m of w.mismatches.slice(0, 12)) L.push(`| ${m.table} | ${m.field} | ${cellText(m.gold)} | ${cellText(m.got)} |`);
    if (w.mismatches.length > 12) L.push(`| | … ${w.mismatches.length - 12} more | | |`);
    L.push('');
  }
  return L.join('\n');
}
