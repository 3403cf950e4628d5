/**
 * `npm run bench`: throughput of the batch on a corpus of at least --pages pages (copies of
 * every PDF producer we have: the dev corpus' LibreOffice Calc exports and the Chromium, Writer
 * and scan fixtures), measured in one run, on the same files with the same number of workers:
 *
 *   ingest   — `ziping ingest` end to end (fresh output folder: no cache);
 *   bare     — a bare pdf.js loop (open, getTextContent + getOperatorList per page), the naive
 *              baseline, with the same worker-thread fan-out;
 *   pdfjs    — the same loop with pdf.js driven as ziping drives it (src/pdf/pdfjs.ts, openPdf);
 *   extract  — the PDF layer alone, and process — processFile alone (stage costs by difference);
 *   pdftotext — poppler's `pdftotext -layout`, spawned with the same parallelism (native reference);
 *
 * then `ingest` again at each --jobs value (scaling); these runs leave scans unread (`--ocr off`).
 * Then OCR on its own: `ingest` of copies of the scans in test/fixtures/scans (--ocr-pages pages),
 * for OCR pages/s and the peak memory of a run with the OCR pool. Writes bench/RESULTS.md and
 * prints it.
 *
 * The six runs at the highest --jobs not above the core count are repeated --repeat times, interleaved, and the fastest
 * of each kept (shared machines are noisy); scaling runs are single.
 *
 *   node dist/bench/bench.js [--pages 2000] [--jobs 1,2,4] [--repeat 2] [--quick] [--corpus dir] [--keep] [--results path] [--ocr-pages 9]
 *   --jobs: default 1, 2, 4, … and the core count
 *   --quick: 300 pages, all cores only, no repeat, 3 OCR pages
 *   --ocr-pages 0: no OCR run
 */
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pLimit from 'p-limit';
import { OCR_WORKER_MB } from '../batch/ocr-pool.js';
import { DEV_CORPUS, hasDevCorpus, missingCorpusMessage } from '../dev/shared.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const DIST = path.join(ROOT, 'dist');
const SOURCES = [DEV_CORPUS, path.join(ROOT, 'test/fixtures/producers')];

interface Options { pages: number; jobs: number[]; corpus?: string; keep: boolean; results: string; quick: boolean; repeat: number; ocrPages: number }

/** 1, 2, 4, … up to the core count, and the core count itself: scaling from one core to all. */
function defaultJobs(cores: number): number[] {
  const jobs = [];
  for (let j = 1; j < cores; j *= 2) jobs.push(j);
  return [...jobs, cores];
}

function parseArgs(argv: string[]): Options {
  const cores = os.availableParallelism();
  const o: Options = { pages: 2000, jobs: defaultJobs(cores), keep: false, results: path.join(ROOT, 'bench/RESULTS.md'), quick: false, repeat: 2, ocrPages: 9 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--pages') o.pages = Number(argv[++i]);
    else if (a === '--jobs') o.jobs = argv[++i]!.split(',').map(Number).filter((n) => n > 0);
    else if (a === '--quick') o.quick = true;
    else if (a === '--corpus') o.corpus = argv[++i]!;
    else if (a === '--keep') o.keep = true;
    else if (a === '--repeat') o.repeat = Math.max(1, Number(argv[++i]));
    else if (a === '--results') o.results = path.resolve(argv[++i]!);
    else if (a === '--ocr-pages') o.ocrPages = Math.max(0, Number(argv[++i]));
    else throw new Error(`unknown option ${a}`);
  }
  if (o.quick && !argv.includes('--pages')) o.pages = 300;
  if (o.quick && !argv.includes('--jobs')) o.jobs = [cores];
  if (o.quick && !argv.includes('--repeat')) o.repeat = 1;
  if (o.quick && !argv.includes('--ocr-pages')) o.ocrPages = 3;
  o.jobs.sort((a, b) => a - b);
  return o;
}

/** Pages of a PDF, from pdfinfo. */
function pdfPages(file: string): Promise<number> {
  return new Promise((resolve) => {
    const p = spawn('pdfinfo', [file], { stdio: ['ignore', 'pipe', 'ignore'] });
    let out = '';
    p.stdout.on('data', (d) => (out += d));
    p.on('close', () => resolve(Number(/Pages:\s+(\d+)/.exec(out)?.[1] ?? 0)));
    p.on('error', () => resolve(0));
  });
}

/**
 * Copies the source PDFs round-robin into `dir` until they hold `pages` pages; each copy gets a
 * distinct trailing comment so no two files share content (duplicates would be skipped).
 */
async function buildCorpus(dir: string, pages: number, sourceDirs: readonly string[] = SOURCES): Promise<{ files: string[]; pages: number; producers: Record<string, number> }> {
  if (sourceDirs.includes(DEV_CORPUS) && !hasDevCorpus()) process.stderr.write(`bench: ${missingCorpusMessage()}; using the fixtures only\n`);
  const sources = sourceDirs.filter((d) => d !== DEV_CORPUS || hasDevCorpus()).flatMap((d) => readdirSync(d).filter((f) => f.endsWith('.pdf')).sort().map((f) => path.join(d, f)));
  const counts = await Promise.all(sources.map(pdfPages));
  const files: string[] = [];
  const producers: Record<string, number> = {};
  let total = 0;
  for (let n = 0; total < pages; n++) {
    const src = sources[n % sources.length]!;
    const name = `${String(n).padStart(5, '0')}_${path.basename(src)}`;
    const bytes = Buffer.concat([readFileSync(src), Buffer.from(`\n%ziping-bench copy ${n}\n`)]);
    writeFileSync(path.join(dir, name), bytes);
    files.push(path.join(dir, name));
    total += counts[n % sources.length]!;
    const producer = /^(chromium|writer|scan)/.exec(path.basename(src))?.[1] ?? 'calc';
    producers[producer] = (producers[producer] ?? 0) + counts[n % sources.length]!;
  }
  return { files, pages: total, producers };
}

function run(cmd: string, args: string[], opts: { cwd?: string } = {}): Promise<{ code: number; stdout: string; stderr: string; ms: number }> {
  const t = performance.now();
  return new Promise((resolve, reject) => {
    const p = spawn(cmd, args, { cwd: opts.cwd ?? ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '', stderr = '';
    p.stdout.on('data', (d) => (stdout += d));
    p.stderr.on('data', (d) => (stderr += d));
    p.on('error', reject);
    p.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr, ms: performance.now() - t }));
  });
}

interface Measure { name: string; jobs: number; pages: number; wall_ms: number; worker_ms?: number; cpu_ms?: number; peak_rss_mb: number; rss_note?: string; stages?: Record<string, number>; errors?: number; ocr_pages?: number; ocr_ms?: number }

async function ingest(corpusDir: string, work: string, jobs: number, pages: number, ocr: 'off' | 'auto' = 'off'): Promise<Measure> {
  const out = path.join(work, `out-j${jobs}`);
  rmSync(out, { recursive: true, force: true });
  const r = await run(process.execPath, [path.join(DIST, 'cli.js'), 'ingest', corpusDir, '--out', out, '--jobs', String(jobs), '--json', '--ocr', ocr]);
  const done = JSON.parse(r.stdout.trim().split('\n').at(-1) ?? '{}');
  if (done.event !== 'done') throw new Error(`ingest failed: ${r.stderr.slice(-2000)}`);
  let ocrMs = 0;
  if (ocr !== 'off') {
    const m = JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8')) as { inputs: Array<{ ocr?: { ms?: number } }> };
    ocrMs = m.inputs.reduce((a, e) => a + (e.ocr?.ms ?? 0), 0);
  }
  rmSync(out, { recursive: true, force: true });
  return {
    name: ocr === 'off' ? 'ingest' : 'ocr', jobs, pages: done.totals.pages ?? pages, wall_ms: r.ms, worker_ms: done.worker_ms, cpu_ms: done.cpu_ms, peak_rss_mb: done.peak_rss_mb, stages: done.stages,
    ...(ocr !== 'off' ? { ocr_pages: done.ocr?.pages ?? 0, ocr_ms: ocrMs } : {}),
  };
}

async function loop(mode: string, listFile: string, jobs: number): Promise<Measure> {
  const r = await run(process.execPath, [path.join(DIST, 'bench/loop.js'), mode, String(jobs), listFile]);
  if (r.code !== 0) throw new Error(`${mode} loop failed: ${r.stderr.slice(-2000)}`);
  const o = JSON.parse(r.stdout.trim());
  return { name: mode, jobs, pages: o.pages, wall_ms: r.ms, worker_ms: o.worker_ms, cpu_ms: o.cpu_ms, peak_rss_mb: o.peak_rss_mb, errors: o.errors };
}

/** pdftotext -layout of every file, `jobs` at a time; peak RSS from GNU time (the sum of the `jobs` largest). */
async function pdftotext(files: string[], jobs: number, pages: number): Promise<Measure> {
  const limit = pLimit(jobs);
  const rss: number[] = [];
  let errors = 0;
  const t = performance.now();
  await Promise.all(files.map((f) => limit(async () => {
    const r = await run('/usr/bin/time', ['-f', '%M', 'pdftotext', '-layout', '-q', f, '/dev/null']);
    if (r.code !== 0) errors++;
    rss.push(Number(r.stderr.trim().split('\n').at(-1)) / 1024);
  })));
  const ms = performance.now() - t;
  rss.sort((a, b) => b - a);
  const peak = rss.slice(0, jobs).reduce((a, b) => a + b, 0);
  return { name: 'pdftotext', jobs, pages, wall_ms: ms, peak_rss_mb: Math.round(peak), rss_note: `≤ sum of the ${jobs} largest processes (largest ${Math.round(rss[0] ?? 0)} MiB)`, errors };
}

const pps = (m: Measure): number => m.pages / (m.wall_ms / 1000);

/** Given ingest runs at several --jobs values, returns "about A MiB + B MiB per worker" by least squares. */
function memoryModel(runs: Measure[]): string {
  const n = runs.length;
  const mx = runs.reduce((a, m) => a + m.jobs, 0) / n, my = runs.reduce((a, m) => a + m.peak_rss_mb, 0) / n;
  const sxx = runs.reduce((a, m) => a + (m.jobs - mx) ** 2, 0);
  if (sxx === 0) return `peak RSS ${Math.round(my)} MiB at ${runs[0]!.jobs} job(s)`;
  const slope = runs.reduce((a, m) => a + (m.jobs - mx) * (m.peak_rss_mb - my), 0) / sxx;
  return `peak RSS ≈ ${Math.round(my - slope * mx)} MiB + ${Math.round(slope)} MiB per worker (least squares over ${runs.map((m) => m.jobs).join(', ')} jobs)`;
}
/** The OCR section of the results: pages/s and peak memory of a run that reads scans. */
function ocrSection(m: Measure, text: Measure): string[] {
  const pages = m.ocr_pages ?? 0;
  return [
    '## OCR',
    '',
    `\`ziping ingest\` of ${pages} scanned page(s) (copies of test/fixtures/scans: Calc, Writer and Chromium tables, 150–200 dpi, one with a seal), OCR by PP-OCRv4 on onnxruntime in one OCR worker (all cores), pages drawn at 200 dpi:`,
    '',
    '| run | OCR pages/s | s per page (OCR worker) | wall s | peak RSS MiB |',
    '|---|---:|---:|---:|---:|',
    `| \`ingest\` of scans | ${f2(pages / (m.wall_ms / 1000))} | ${f2((m.ocr_ms ?? 0) / 1000 / Math.max(1, pages))} | ${f1(m.wall_ms / 1000)} | ${m.peak_rss_mb} |`,
    '',
    `Peak RSS of the text run above: ${text.peak_rss_mb} MiB; a run that reads scans adds the OCR worker (models, their buffers outside V8's heap): ${m.peak_rss_mb} MiB here in all, which \`--max-memory\` counts as about ${OCR_WORKER_MB} MiB per OCR worker (src/batch/ocr-pool.ts). Text-layer files never wait for OCR: they are read by the usual workers while the OCR pool works.`,
    '',
  ];
}

const f1 = (x: number): string => x.toFixed(1);
const f2 = (x: number): string => x.toFixed(2);

async function main(): Promise<void> {
  const o = parseArgs(process.argv.slice(2));
  // The comparison runs at the most jobs that still get a core each; higher values only scale.
  const maxJobs = [...o.jobs].reverse().find((j) => j <= os.availableParallelism()) ?? o.jobs[0]!;
  const work = mkdtempSync(path.join(os.tmpdir(), 'ziping-bench-'));
  const started = Date.now();
  try {
    let corpusDir = o.corpus;
    let corpus: { files: string[]; pages: number; producers: Record<string, number> };
    if (corpusDir) {
      const files = readdirSync(corpusDir).filter((f) => f.toLowerCase().endsWith('.pdf')).sort().map((f) => path.join(corpusDir!, f));
      const counts = await Promise.all(files.map(pdfPages));
      corpus = { files, pages: counts.reduce((a, b) => a + b, 0), producers: {} };
    } else {
      corpusDir = path.join(work, 'corpus');
      mkdirSync(corpusDir);
      corpus = await buildCorpus(corpusDir, o.pages);
    }
    const listFile = path.join(work, 'files.txt');
    writeFileSync(listFile, corpus.files.join('\n') + '\n');
    const log = (s: string): void => void process.stderr.write(`bench: ${s}\n`);
    log(`${corpus.files.length} files, ${corpus.pages} pages in ${corpusDir}; jobs ${o.jobs.join(',')}; ${os.availableParallelism()} cores`);

    // Flush the corpus just written and warm every path once on a few files, so that the first
    // measure does not pay for the disk or a cold start (it cost the first run up to 40 % here).
    await run('sync', []);
    const warmDir = path.join(work, 'warm');
    mkdirSync(warmDir);
    const warmList = path.join(work, 'warm.txt');
    const warmFiles = corpus.files.slice(0, Math.min(corpus.files.length, 2 * maxJobs + 4));
    warmFiles.forEach((f) => copyFileSync(f, path.join(warmDir, path.basename(f))));
    writeFileSync(warmList, warmFiles.join('\n') + '\n');
    await ingest(warmDir, work, maxJobs, 0);
    for (const mode of ['bare', 'pdfjs', 'extract', 'process']) await loop(mode, warmList, maxJobs);
    await pdftotext(warmFiles, maxJobs, 0);
    const load = os.loadavg()[0]!;
    const steps = ['ingest', 'bare', 'pdfjs', 'extract', 'process', 'pdftotext'] as const;
    const best = new Map<string, Measure>();
    for (let r = 1; r <= o.repeat; r++) {
      for (const step of steps) {
        log(`${step} at ${maxJobs} job(s)${o.repeat > 1 ? `, round ${r}/${o.repeat}` : ''}…`);
        const m = step === 'ingest' ? await ingest(corpusDir, work, maxJobs, corpus.pages)
          : step === 'pdftotext' ? await pdftotext(corpus.files, maxJobs, corpus.pages)
          : await loop(step, listFile, maxJobs);
        log(`  ${f1(pps(m))} pages/s, ${Math.round(m.wall_ms)} ms, peak RSS ${m.peak_rss_mb} MiB`);
        const prev = best.get(step);
        if (!prev || m.wall_ms < prev.wall_ms) best.set(step, { ...m, peak_rss_mb: Math.max(m.peak_rss_mb, prev?.peak_rss_mb ?? 0) });
      }
    }
    const main = steps.map((s) => best.get(s)!);
    // Memory against corpus size: the same ingest on a quarter of the files.
    const quarterDir = path.join(work, 'quarter');
    mkdirSync(quarterDir);
    const quarterFiles = corpus.files.slice(0, Math.max(1, Math.floor(corpus.files.length / 4)));
    quarterFiles.forEach((f) => copyFileSync(f, path.join(quarterDir, path.basename(f))));
    log(`ingest of a quarter of the corpus (${quarterFiles.length} files) at ${maxJobs} job(s)…`);
    const quarter = await ingest(quarterDir, work, maxJobs, 0);
    // Scaling: ingest and, as the peer, the naive pdf.js loop at each --jobs value.
    const scaling: Array<{ ingest: Measure; bare: Measure }> = [];
    for (const j of o.jobs) {
      if (j === maxJobs) { scaling.push({ ingest: main[0]!, bare: main[1]! }); continue; }
      log(`ingest and bare loop at ${j} job(s)…`);
      const m = await ingest(corpusDir, work, j, corpus.pages);
      const b = await loop('bare', listFile, j);
      log(`  ${f1(pps(m))} pages/s (bare loop ${f1(pps(b))})`);
      scaling.push({ ingest: m, bare: b });
    }
    // OCR on its own: copies of the scans, read by the OCR pool (the text workers have nothing to do).
    let ocrRun: Measure | undefined;
    if (o.ocrPages > 0) {
      const ocrDir = path.join(work, 'ocr');
      mkdirSync(ocrDir);
      const scans = await buildCorpus(ocrDir, o.ocrPages, [path.join(ROOT, 'test/fixtures/scans')]);
      log(`OCR: ingest of ${scans.files.length} scanned files (${scans.pages} pages) at ${maxJobs} job(s), one OCR worker…`);
      ocrRun = await ingest(ocrDir, work, maxJobs, scans.pages, 'auto');
      log(`  ${f2((ocrRun.ocr_pages ?? 0) / (ocrRun.wall_ms / 1000))} OCR pages/s, peak RSS ${ocrRun.peak_rss_mb} MiB`);
    }
    const by = Object.fromEntries(main.map((m) => [m.name, m])) as Record<string, Measure>;
    const ing = by.ingest!, bare = by.bare!, tuned = by.pdfjs!, ex = by.extract!, pr = by.process!, ptt = by.pdftotext!;
    const perPage = (m: Measure): number => (m.worker_ms ?? 0) / m.pages;
    const base = scaling[0]!;
    const perCpu = (m: Measure): number => m.pages / ((m.cpu_ms ?? NaN) / 1000);
    const cores = os.availableParallelism();
    const md = [
      '# Batch benchmark',
      '',
      `Run ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC by \`npm run bench -- ${process.argv.slice(2).join(' ')}\` (${Math.round((Date.now() - started) / 1000)} s):`,
      `${os.cpus()[0]?.model ?? 'cpu'}, ${os.availableParallelism()} cores, Node ${process.version}; load average ${load.toFixed(2)} at the start (other work on the machine skews every number).`,
      `Corpus: ${corpus.files.length} PDFs, ${corpus.pages} pages${Object.keys(corpus.producers).length ? ` (pages by producer: ${Object.entries(corpus.producers).map(([k, v]) => `${k} ${v}`).join(', ')})` : ''}; copies of ../shared/corpus/dev/*.pdf and test/fixtures/producers/*.pdf, each with a distinct trailing comment.`,
      '',
      `## Throughput at ${maxJobs} job(s)${o.repeat > 1 ? ` (fastest of ${o.repeat} interleaved rounds)` : ''}`,
      '',
      '| run | pages/s | wall s | vs bare pdf.js | peak RSS MiB |',
      '|---|---:|---:|---:|---:|',
      ...main.map((m) => `| ${m.name === 'ingest' ? '`ziping ingest` (full pipeline)' : m.name === 'bare' ? 'bare pdf.js loop (baseline)' : m.name === 'pdfjs' ? 'the same loop, pdf.js driven as ziping does' : m.name === 'extract' ? 'PDF layer only (`extractPdf`)' : m.name === 'process' ? '`processFile` only' : '`pdftotext -layout` (poppler)'} | ${f1(pps(m))} | ${f1(m.wall_ms / 1000)} | ${f2(pps(m) / pps(bare))}× | ${m.peak_rss_mb}${m.rss_note ? ` (${m.rss_note})` : ''} |`),
      '',
      `Full pipeline / bare loop: **${f2(pps(ing) / pps(bare))}×** (target ≥ 0.9×). pdftotext is ${f1(pps(ptt) / pps(ing))}× faster than the full pipeline.`,
      `Peak RSS is the whole process (main thread and every worker thread), from \`process.resourceUsage().maxRSS\`.`,
      '',
      '## Time per stage',
      '',
      'Worker time per page (sum over workers ÷ pages, timed from the main thread), each stage by difference of the loops above:',
      '',
      '| stage | ms/page |',
      '|---|---:|',
      `| pdf.js, naive: parse, text content, operator list | ${f2(perPage(bare))} |`,
      `| how ziping drives pdf.js (font sink, V8 built-ins put back, heap growth) | ${f2(perPage(tuned) - perPage(bare))} |`,
      `| PDF layer: runs, rules, grid, rows | ${f2(perPage(ex) - perPage(tuned))} |`,
      `| segment, repair, validate, check | ${f2(perPage(pr) - perPage(ex))} |`,
      `| batch: cache write, messages, waiting on the main thread | ${f2(perPage(ing) - perPage(pr))} |`,
      '',
      `Batch stages of \`ingest\` (wall ms; the dataset is written while files are processed, so emit is only the tail): ${Object.entries(ing.stages ?? {}).map(([k, v]) => `${k.replace(/_ms$/, '')} ${v}`).join(', ')}.`,
      '',
      '## Scaling of `ziping ingest`',
      '',
      `Each row is one run of \`ingest\` and one of the bare pdf.js loop (the peer) at that many worker threads, on ${cores} core(s).`,
      'CPU s is the whole process (every thread, user + system); pages per CPU-second falling as jobs rise',
      'would be work added by parallelism itself (locks, copies, a busy main thread). Rows with more jobs than',
      'cores measure memory per worker, not speed.',
      '',
      '| jobs | pages/s | speed-up | bare loop speed-up | CPU s | pages per CPU-s | vs first row | peak RSS MiB |',
      '|---:|---:|---:|---:|---:|---:|---:|---:|',
      ...scaling.map(({ ingest: m, bare: b }) => `| ${m.jobs} | ${f1(pps(m))} | ${f2(pps(m) / pps(base.ingest))}× | ${f2(pps(b) / pps(base.bare))}× | ${f1((m.cpu_ms ?? NaN) / 1000)} | ${f1(perCpu(m))} | ${Math.round((100 * perCpu(m)) / perCpu(base.ingest))}% | ${m.peak_rss_mb} |`),
      '',
      '## Memory',
      '',
      `Peak RSS of \`ingest\` at ${maxJobs} job(s): ${quarter.peak_rss_mb} MiB on a quarter of the corpus (${quarterFiles.length} files, ${quarter.pages} pages), ${ing.peak_rss_mb} MiB on all of it (${corpus.files.length} files, ${ing.pages} pages).`,
      '',
      'Results go to the cache as each file finishes and the dataset is written from it in input order while',
      'files are processed, so the main thread holds only manifest entries: peak RSS follows the number of',
      'workers (each one a V8 isolate with pdf.js and its garbage), not the corpus size. `ingest` caps V8\'s',
      'heap growth (src/batch/heap.ts); `--max-memory` starts only the workers that fit a budget.',
      ...(scaling.length > 1 ? ['', `Measured above: ${memoryModel(scaling.map((r) => r.ingest))}.`] : []),
      '',
      ...(ocrRun ? ocrSection(ocrRun, ing) : []),
    ].join('\n');
    mkdirSync(path.dirname(o.results), { recursive: true });
    writeFileSync(o.results, md);
    process.stdout.write(md);
    if (o.keep) log(`kept ${work}`);
  } finally {
    if (!o.keep) rmSync(work, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`bench: ${(e as Error).stack ?? String(e)}\n`);
  process.exit(1);
});
