/**
 * `npm run accuracy -- --seed N --count K`: accuracy on a sample no one has tuned to. Renders a
 * fresh sample with the layout sampler (scripts/sampler/sample.py: K tables, new records and
 * layouts from the seed, real producers), checks the golds' arithmetic (`sample.py check`), runs
 * `ziping ingest` on the PDFs, scores every field against the golds (src/bench/accuracy/score.ts,
 * score.py's semantics) and writes the report as Markdown and JSON.
 *
 *   node dist/bench/accuracy.js --seed N --count K [--out DIR] [--jobs J] [--report FILE]
 *       [--templates a,b] [--producers a,b] [--borders a,b] [--sample DIR] [--python PATH]
 *
 *   --out DIR     keep the sample there (default: a temporary folder, removed afterwards)
 *   --sample DIR  score an already rendered sample (its sample.json) instead of rendering one
 *   --report FILE Markdown report (default bench/ACCURACY.md); the JSON goes beside it
 *
 * Exits 0 whatever the accuracy; 1 when the run is broken (the sampler, the gold check or
 * ziping failed as a whole), 2 on a usage error.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildReport, toMarkdown, type FileInput } from './accuracy/report.js';
import { indexOutputs, scoreGoldFile, type JsonObject } from './accuracy/score.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SAMPLER = path.join(ROOT, 'scripts/sampler/sample.py');

interface Options {
  seed: number; count: number; out?: string; jobs: number; report: string; templates?: string; producers?: string;
  borders?: string; sample?: string; python: string;
}

class UsageError extends Error {}

function parseArgs(argv: string[]): Options {
  const o: Options = {
    seed: 1, count: 60, jobs: os.availableParallelism(), report: path.join(ROOT, 'bench/ACCURACY.md'),
    python: process.env.ZIPING_PYTHON ?? (existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3'),
  };
  const value = (i: number, name: string): string => {
    const v = argv[i];
    if (v === undefined || v.startsWith('--')) throw new UsageError(`${name} needs a value`);
    return v;
  };
  const int = (s: string, name: string): number => {
    const n = Number(s);
    if (!Number.isInteger(n) || n < 0) throw new UsageError(`${name} must be a whole number, not ${s}`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--seed') o.seed = int(value(++i, a), a);
    else if (a === '--count') o.count = int(value(++i, a), a);
    else if (a === '--out') o.out = path.resolve(value(++i, a));
    else if (a === '--jobs') o.jobs = Math.max(1, int(value(++i, a), a));
    else if (a === '--report') o.report = path.resolve(value(++i, a));
    else if (a === '--templates') o.templates = value(++i, a);
    else if (a === '--producers') o.producers = value(++i, a);
    else if (a === '--borders') o.borders = value(++i, a);
    else if (a === '--sample') o.sample = path.resolve(value(++i, a));
    else if (a === '--python') o.python = value(++i, a);
    else throw new UsageError(`unknown option ${a}`);
  }
  if (o.count < 1) throw new UsageError('--count must be at least 1');
  return o;
}

/** Runs a command; stderr is passed through when `echo` is set, stdout is returned. */
function run(cmd: string, args: string[], echo: boolean): Promise<{ code: number; stdout: string; stderr: string; seconds: number }> {
  const t = performance.now();
  return new Promise((resolve) => {
    const p = spawn(cmd, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '', stderr = '';
    p.stdout.on('data', (d: Buffer) => { stdout += d; if (echo) process.stderr.write(d); });
    p.stderr.on('data', (d: Buffer) => { stderr += d; if (echo) process.stderr.write(d); });
    p.on('error', (e) => resolve({ code: -1, stdout, stderr: stderr + String(e), seconds: (performance.now() - t) / 1000 }));
    p.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr, seconds: (performance.now() - t) / 1000 }));
  });
}

function readJson(file: string): unknown {
  return JSON.parse(readFileSync(file, 'utf8'));
}

interface SampleIndex {
  seed?: number; count?: number; templates?: string[];
  files: { name: string; producer?: string; pdf?: string; gold?: string; error?: string; problems?: string[]; features?: Record<string, string | number | boolean> }[];
}

async function main(): Promise<number> {
  let o: Options;
  try {
    o = parseArgs(process.argv.slice(2));
  } catch (e) {
    if (e instanceof UsageError) { console.error(`accuracy: ${e.message}`); return 2; }
    throw e;
  }
  const timings: Record<string, number> = {};
  const temp = !o.sample && !o.out;
  const dir = o.sample ?? o.out ?? mkdtempSync(path.join(os.tmpdir(), 'ziping-accuracy-'));
  try {
    if (!o.sample) {
      mkdirSync(dir, { recursive: true });
      const args = [SAMPLER, '--seed', String(o.seed), '--count', String(o.count), '--out', dir, '--jobs', String(o.jobs)];
      if (o.templates) args.push('--templates', o.templates);
      if (o.producers) args.push('--producers', o.producers);
      if (o.borders) args.push('--borders', o.borders);
      console.error(`rendering ${o.count} tables (seed ${o.seed}) into ${dir} …`);
      const r = await run(o.python, args, true);
      timings.render_s = Math.round(r.seconds);
      if (r.code !== 0 || !existsSync(path.join(dir, 'sample.json'))) {
        console.error(`accuracy: the sampler failed (exit ${r.code})`);
        return 1;
      }
    }
    const index = readJson(path.join(dir, 'sample.json')) as SampleIndex;
    // the golds' arithmetic, checked on every sample scored
    const chk = await run(o.python, [SAMPLER, 'check', dir], false);
    timings.check_s = Math.round(chk.seconds * 10) / 10;
    const m = /(\d+) tables checked, (\d+) with unexpected arithmetic/.exec(chk.stdout);
    const goldCheck = m ? { tables: Number(m[1]), unexpected: Number(m[2]), output: chk.stdout.trim().split('\n').slice(-20).join('\n') } : null;
    if (!goldCheck || chk.code !== 0) {
      console.error(`accuracy: the gold check failed:\n${chk.stdout}${chk.stderr}`);
      return 1;
    }
    const pdfs = index.files.filter((f) => f.pdf && existsSync(path.join(dir, f.pdf))).map((f) => path.join(dir, f.pdf!));
    const zout = path.join(dir, 'ziping-out');
    rmSync(zout, { recursive: true, force: true });
    console.error(`ziping ingest: ${pdfs.length} PDFs …`);
    const ing = await run(process.execPath, [path.join(ROOT, 'dist/cli.js'), 'ingest', ...pdfs, '--out', zout, '--jobs', String(o.jobs)], false);
    timings.ingest_s = Math.round(ing.seconds * 10) / 10;
    const projectsFile = path.join(zout, 'projects.json');
    if (!existsSync(projectsFile)) {
      console.error(`accuracy: ziping wrote no projects.json (exit ${ing.code}):\n${ing.stderr.slice(-2000)}`);
      return 1;
    }
    const t0 = performance.now();
    const outputs = (readJson(projectsFile) as JsonObject[]);
    const manifest = existsSync(path.join(zout, 'manifest.json')) ? readJson(path.join(zout, 'manifest.json')) as { inputs?: { file?: string; status?: string; error?: { code?: string; message?: string } }[] } : {};
    const failedInZiping = new Map<string, string>();
    for (const inp of manifest.inputs ?? []) {
      if (inp.status === 'failed') failedInZiping.set(path.basename(String(inp.file ?? '')), `ziping: ${inp.error?.code ?? ''} ${inp.error?.message ?? ''}`.trim());
    }
    const idx = indexOutputs(outputs);
    const inputs: FileInput[] = index.files.map((f) => {
      const goldPath = f.gold ? path.join(dir, f.gold) : null;
      const gold = goldPath && existsSync(goldPath) ? readJson(goldPath) as JsonObject : null;
      const error = f.error ? `render: ${f.error}` : failedInZiping.get(f.pdf ?? '');
      return { name: f.name, gold, features: { ...(f.features ?? {}), template: String(f.features?.template ?? gold?.template ?? '?') },
        scored: gold ? scoreGoldFile(gold, idx) : null, error, goldProblems: f.problems };
    });
    timings.score_s = Math.round((performance.now() - t0) / 100) / 10;
    const report = buildReport(inputs, { seed: index.seed ?? o.seed, count: index.count ?? o.count, templates: index.templates ?? [], timings, goldCheck });
    mkdirSync(path.dirname(o.report), { recursive: true });
    writeFileSync(o.report, toMarkdown(report));
    const jsonPath = o.report.replace(/\.md$/i, '') + '.json';
    writeFileSync(jsonPath, JSON.stringify(report, null, 1) + '\n');
    const ov = report.overall;
    console.log(`field accuracy ${(ov.ok / (ov.total || 1)).toFixed(4)} (${ov.ok}/${ov.total}); tables found ${ov.found}/${ov.gold}; ` +
      `injected detected ${report.flags.detected}/${report.flags.injected}; false flags ${report.flags.falseFlags}/${report.flags.clean}; ` +
      `failed files ${report.failed.length} → ${path.relative(process.cwd(), o.report)}`);
    return 0;
  } finally {
    if (temp) rmSync(dir, { recursive: true, force: true });
  }
}

main().then((code) => { process.exitCode = code; }, (e: unknown) => { console.error(e); process.exitCode = 1; });
