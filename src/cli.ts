#!/usr/bin/env node
/**
 * Command line: argv → options → batch. The only place that sets exit codes.
 *
 *   ziping ingest <file|folder|glob>... [--out DIR] [options]
 *   ziping merge <shard-out-dir>... --out DIR
 *   ziping inspect <file.pdf> [--page N] [--png DIR]
 *
 * Exit codes: 0 when at least one input was processed (ok, flagged or skipped as a duplicate),
 * 1 when nothing could be (the output folder is then left as it was; also a dataset that cannot be
 * added to as asked), 2 for a usage error, 3 when the run itself could not go on (the output folder
 * cannot be written: ENOTDIR, EACCES, ENOSPC …; another run holds it; any other failure that is
 * not about one input). `--` ends the options: what follows is inputs, even `-x.pdf`.
 */
import os from 'node:os';
import { setHeapGrowth } from './batch/heap.js';
import { MEMORY_MODEL } from './batch/plan.js';
import { OCR_WORKER_MB } from './batch/ocr-pool.js';
import { jsonReporter, lineReporter, ttyReporter, type Reporter } from './batch/progress.js';
import { parseShard, type Shard } from './batch/shard.js';
import { DatasetError } from './batch/store.js';
import { rawArguments } from './batch/inputs.js';
import { csvEncodingOf, dpiOf, inputEncodingOf, oneOf, parseBytes, parseDurationMs, parseMemoryMb, positiveInt, UsageError } from './cli-args.js';
import { safeLine } from './terminal.js';
import { TOOL_VERSION } from './version.js';
// The batch, the writers (exceljs) and pdf.js are loaded when a command needs them, so that
// --help and --version answer at once.

const COMMANDS = ['ingest', 'merge', 'inspect'] as const;

/** Exit codes (README, "CLI"). */
const EXIT = { ok: 0, nothingProcessed: 1, usage: 2, runtime: 3 } as const;

const OVERVIEW = `ziping ${TOOL_VERSION}: turns 项目支出绩效自评表 (performance self-evaluation tables) in PDFs
and text dumps into a verified open dataset.

usage: ziping ingest <file|folder|glob>... [--out DIR] [options]
       ziping merge <shard-out-dir>... --out DIR
       ziping inspect <file.pdf> [--page N] [--png DIR]
       ziping --help | --version
       ziping <command> --help

examples:
  ziping ingest samples --out out          read every PDF and dump under samples/ into out/
  ziping ingest 2024/教委 --out out         add another department to the same dataset
  ziping ingest 2024 --out out --replace   start the dataset in out/ over
  ziping inspect 附件1.pdf --page 2 --png pictures
`;

const INGEST_HELP = `usage: ziping ingest <file|folder|glob>... [--out DIR] [options]

Reads PDFs and text dumps (folders recursively: .pdf, .txt, .tsv, .text, .csv; a file named
explicitly is always read; -- ends the options, for a file named -x.pdf) and adds them to the
dataset in --out. Every entry of a folder is listed in the manifest, read or skipped with its
reason. The folder holds one dataset of everything
ingested into it: a new file is added, a file whose content changed is updated, an unchanged one
is left as it is, and a run that processes nothing leaves the folder as it was.

options:
  -o, --out <dir>          output folder (default: out); holds the dataset and a cache
      --replace            start the dataset in --out over instead of adding to it
      --root <dir>         folder that input paths (and record ids) are relative to; set by the
                           first run into --out (default: the current folder), kept after that
      --sources <file>     metadata sidecar (path, url, published, department[, year]); a
                           sources.csv in a folder given is read as well
      --headers en|zh      header line of the CSV tables and the xlsx (default en)
      --csv-guard on|off   prefix text cells that a spreadsheet would run as a formula with '
                           (default on; off gives every value as it is, for pandas or csvkit)
      --no-report          skip report.html and the page pictures it shows (drawing them takes
                           about as long again as reading the page of each flagged PDF table)
      --encoding <enc>     CSV encoding: utf-8 (with BOM, default; also utf8) or gb18030 (also gbk)
      --input-encoding <e> text dump encoding: auto (default), utf-8, gb18030 (gbk), utf-16le, utf-16be
      --template <file>    a form template of your own (JSON, schemas/template.schema.json), read
                           besides the shipped ones; repeat for more (README: Adding a template)
  -j, --jobs <n>           worker threads (default: one per core, ${os.availableParallelism()} here)
      --max-memory <size>  memory budget of the run: 500MB, 2GB (plain numbers are MiB); fewer
                           workers are started when --jobs would not fit (about ${MEMORY_MODEL.mainMb} MiB + ${MEMORY_MODEL.workerMb} MiB each,
                           and ${OCR_WORKER_MB} MiB per OCR worker unless --ocr off, taken out first)
      --worker-heap <MiB>  V8 heap limit of each worker (default 2048); a file needing more fails
      --ocr <mode>         scanned pages: auto (default: read pages without a text layer by OCR),
                           off (report them as ocr_required), force (read every page by OCR)
      --ocr-jobs <n>       OCR workers (default 1; each uses every core it is given)
      --ocr-dpi <n>        resolution pages are drawn at for OCR, 100–600 (default 200)
      --timeout <time>     per-file time limit: 90, 90s, 1500ms, 2m (plain numbers are seconds)
      --max-pages <n>      per-file page limit
      --max-bytes <size>   per-file size limit: 200MB, 1.5GB, 500k (plain numbers are bytes)
      --shard <i/n>        take part i of n of the inputs (by content hash); merge the parts
      --json               progress as NDJSON events on stdout (start, file, ocr, warning, done)
  -h, --help               this help

writes into --out:
  report.html      review page: every flagged table with the rule it breaks, printed and
                   recomputed figures and the page with the cells outlined; a summary per department
  projects.csv     one row per table (id <path>#<n>, funds as printed and in 万元, check results)
  indicators.csv   one row per indicator (project_id joins projects.id)
  issues.csv       one row per issue or repair, with its code
  inputs.csv       one row per input file, with its status and sources.csv metadata
  ziping.xlsx      the same four tables as sheets, numbers as numbers, flagged rows coloured
  projects.json    the full records (schema: schemas/project-record.schema.json)
  datapackage.json Frictionless Data Package describing the CSV tables
  manifest.json    every input with its status, and the totals

examples:
  ziping ingest reports --out data                 a folder of PDFs and dumps
  ziping ingest 'reports/**/*.pdf' --out data      a glob (quote it)
  ziping ingest reports --out data --headers zh --csv-guard off
`;

const MERGE_HELP = `usage: ziping merge <shard-out-dir>... --out DIR [--replace] [--headers en|zh] [--csv-guard on|off] [--encoding utf-8|gb18030]

Writes into --out the dataset that one run would have written from the output folders of
\`ziping ingest --shard i/n\` (every shard of one command, run in the same folder). --out must
not hold a dataset yet, unless --replace is given; later runs of ingest can add to it.

example:
  ziping ingest reports --out part1 --shard 1/2     (on one machine)
  ziping ingest reports --out part2 --shard 2/2     (on another)
  ziping merge part1 part2 --out data
`;

const INSPECT_HELP = `usage: ziping inspect <file.pdf> [--page N] [--png DIR]

Prints the grid ziping reconstructed for each table of a PDF (rows, cells, merged cells, lattice
or stream mode). With --png DIR it also draws each page (or page N) into DIR, ruling lines in red
and detected cells in blue, so you can see why a table came out the way it did. Pages without a
text layer (scans) are read by OCR, as ingest reads them, when it is installed.

example:
  ziping inspect 附件1.pdf --page 2 --png pictures
`;

/** Given the tokens after the command, calls `on` with each option and its value getter; returns positionals. */
function parseArgs(args: readonly string[], on: (flag: string, value: () => string) => boolean): string[] {
  return positionsOf(args, on).map((i) => args[i]!);
}

/** As `parseArgs`, but returns the positions of the positionals in `args` (to pick their raw bytes). */
function positionsOf(args: readonly string[], on: (flag: string, value: () => string) => boolean): number[] {
  const positional: number[] = [];
  for (let i = 0; i < args.length; i++) {
    let a = args[i]!;
    let inline: string | undefined;
    const eq = a.startsWith('--') ? a.indexOf('=') : -1;
    if (eq > 0) {
      inline = a.slice(eq + 1);
      a = a.slice(0, eq);
    }
    const flag = a;
    const value = (): string => {
      if (inline !== undefined) return inline;
      const v = args[++i];
      if (v === undefined) throw new UsageError(`${flag} needs a value`);
      return v;
    };
    if (a === '--') {
      for (let k = i + 1; k < args.length; k++) positional.push(k);
      break;
    }
    if (a.startsWith('-') && a !== '-') {
      if (!on(a, value)) throw new UsageError(`unknown option ${a} (to name a file that starts with "-", put it after "--")`);
    } else positional.push(i);
  }
  return positional;
}

class HelpRequested extends Error {
  constructor(readonly text: string) { super('help'); }
}

async function ingest(args: string[]): Promise<number> {
  let outDir = 'out';
  let jobs: number | undefined, shard: Shard | undefined, workerHeapMb: number | undefined, maxMemoryMb: number | undefined, ocrJobs: number | undefined;
  let json = false, replace = false;
  let root: string | undefined;
  const sources: string[] = [];
  let headers: 'en' | 'zh' = 'en';
  let csvGuard = true;
  let withReport = true;
  const raw: Record<string, unknown> = {};
  const templateFiles: string[] = [];
  // Arguments that are not UTF-8 (GBK names) are read by their bytes.
  const rawArgs = await rawArguments(args);
  const at = positionsOf(args, (a, value) => {
    if (a === '--out' || a === '-o') outDir = value();
    else if (a === '--encoding') raw.csvEncoding = csvEncodingOf(value());
    else if (a === '--input-encoding') raw.encoding = inputEncodingOf(value());
    else if (a === '--template') templateFiles.push(value());
    else if (a === '--jobs' || a === '-j') jobs = positiveInt(a, value());
    else if (a === '--timeout') raw.timeoutMs = parseDurationMs(value());
    else if (a === '--max-pages') raw.maxPages = positiveInt(a, value());
    else if (a === '--max-bytes') raw.maxBytes = parseBytes(value());
    else if (a === '--shard') shard = parseShard(value());
    else if (a === '--json') json = true;
    else if (a === '--worker-heap') workerHeapMb = positiveInt(a, value());
    else if (a === '--max-memory') maxMemoryMb = parseMemoryMb(value());
    else if (a === '--replace') replace = true;
    else if (a === '--root') root = value();
    else if (a === '--sources') sources.push(value());
    else if (a === '--headers') headers = oneOf(a, value(), ['en', 'zh'] as const);
    else if (a === '--csv-guard') csvGuard = oneOf(a, value(), ['on', 'off'] as const) === 'on';
    else if (a === '--no-report') withReport = false;
    else if (a === '--ocr') raw.ocr = oneOf(a, value(), ['auto', 'off', 'force'] as const);
    else if (a === '--ocr-dpi') raw.ocrDpi = dpiOf(a, value());
    else if (a === '--ocr-jobs') ocrJobs = positiveInt(a, value());
    else if (a === '--help' || a === '-h') throw new HelpRequested(INGEST_HELP);
    else return false;
    return true;
  });
  const inputs = at.map((i) => rawArgs[i]!);
  if (inputs.length === 0) throw new UsageError('ingest needs at least one file, folder or glob');
  const { Settings } = await import('./settings.js');
  const { runIngest } = await import('./batch/run.js');
  if (templateFiles.length) raw.templates = await readTemplates(templateFiles);
  const settings = Settings.parse(raw);
  // About 15 % less memory for about 7 % speed (src/batch/heap.ts); a --worker-heap of the user's
  // own is left to V8's choice, which is already thrifty for small heaps.
  if (workerHeapMb === undefined) setHeapGrowth();
  const human: Reporter = process.stderr.isTTY ? ttyReporter(process.stderr) : lineReporter(process.stderr);
  const report: Reporter = json ? ((e) => { human(e); jsonReporter(process.stdout)(e); }) : human;
  const done = await runIngest({
    inputs, outDir, settings, report, replace, sources, output: { headers, csvGuard, report: withReport },
    ...(root !== undefined ? { root } : {}), ...(jobs ? { jobs } : {}), ...(shard ? { shard } : {}), ...(workerHeapMb ? { workerHeapMb } : {}), ...(maxMemoryMb ? { maxMemoryMb } : {}),
    ...(ocrJobs ? { ocrJobs } : {}),
  });
  // An empty shard is not a failure; a run that wrote nothing is.
  if (done.totals.inputs === 0) return shard ? EXIT.ok : EXIT.nothingProcessed;
  return done.dataset ? EXIT.ok : EXIT.nothingProcessed;
}

/** Reads --template files: each a template as JSON; a file that is not one is a usage error naming it. */
async function readTemplates(files: readonly string[]): Promise<unknown[]> {
  const { readFileSync } = await import('node:fs');
  const { parseTemplate } = await import('./domain/template.js');
  const { TEMPLATES } = await import('./domain/templates/index.js');
  const ids = new Set(TEMPLATES.map((t) => t.id));
  return files.map((file) => {
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(file, 'utf8'));
    } catch (e) {
      throw new UsageError(`--template ${file}: ${(e as Error).message}`);
    }
    let t;
    try {
      t = parseTemplate(json, `--template ${file}`);
    } catch (e) {
      throw new UsageError((e as Error).message);
    }
    if (ids.has(t.id)) throw new UsageError(`--template ${file}: the id ${t.id} is already taken by another template`);
    ids.add(t.id);
    return json;
  });
}

async function merge(args: string[]): Promise<number> {
  let outDir: string | undefined;
  let replace = false;
  const output: { csvEncoding?: 'utf-8' | 'gb18030'; headers?: 'en' | 'zh'; csvGuard?: boolean } = {};
  const dirs = parseArgs(args, (a, value) => {
    if (a === '--out' || a === '-o') outDir = value();
    else if (a === '--replace') replace = true;
    else if (a === '--encoding') output.csvEncoding = csvEncodingOf(value());
    else if (a === '--headers') output.headers = oneOf(a, value(), ['en', 'zh'] as const);
    else if (a === '--csv-guard') output.csvGuard = oneOf(a, value(), ['on', 'off'] as const) === 'on';
    else if (a === '--help' || a === '-h') throw new HelpRequested(MERGE_HELP);
    else return false;
    return true;
  });
  if (!outDir || dirs.length === 0) throw new UsageError('merge needs shard output folders and --out <dir>');
  const { mergeShards } = await import('./batch/merge.js');
  const s = await mergeShards(dirs, outDir, output, replace);
  process.stderr.write(`${s.inputs} input(s) from ${s.shards} shard(s): ${s.inputs - s.failed} processed, ${s.failed} failed → ${safeLine(outDir)}/\n`);
  return s.inputs - s.failed > 0 ? EXIT.ok : EXIT.nothingProcessed;
}

async function inspect(args: string[]): Promise<number> {
  let page: number | undefined;
  let png: string | undefined;
  const files = parseArgs(args, (a, value) => {
    if (a === '--page') page = positiveInt(a, value());
    else if (a === '--png') png = value();
    else if (a === '--help' || a === '-h') throw new HelpRequested(INSPECT_HELP);
    else return false;
    return true;
  });
  if (files.length !== 1) throw new UsageError(files.length ? `inspect takes one PDF, not ${files.length}` : 'inspect needs a PDF');
  // Loaded on demand: inspect may pull in the optional canvas package.
  return (await import('./inspect-command.js')).inspectCommand({ file: files[0]!, ...(page ? { page } : {}), ...(png !== undefined ? { png } : {}) });
}

async function main(argv: string[]): Promise<number> {
  const [cmd, ...rest] = argv;
  if (cmd === undefined) {
    process.stderr.write(OVERVIEW);
    return EXIT.usage;
  }
  if (cmd === '--help' || cmd === '-h' || cmd === 'help') {
    process.stdout.write(rest[0] === 'ingest' ? INGEST_HELP : rest[0] === 'merge' ? MERGE_HELP : rest[0] === 'inspect' ? INSPECT_HELP : OVERVIEW);
    return 0;
  }
  if (cmd === '--version' || cmd === '-V' || cmd === 'version') {
    process.stdout.write(`ziping ${TOOL_VERSION}\n`);
    return 0;
  }
  try {
    if (cmd === 'ingest') return await ingest(rest);
    if (cmd === 'merge') return await merge(rest);
    if (cmd === 'inspect') return await inspect(rest);
  } catch (e) {
    if (e instanceof HelpRequested) {
      process.stdout.write(e.text);
      return 0;
    }
    if (e instanceof UsageError) {
      const help = cmd === 'ingest' ? 'ziping ingest --help' : cmd === 'merge' ? 'ziping merge --help' : 'ziping inspect --help';
      process.stderr.write(`ziping ${cmd}: ${safeLine(e.message)}\n(see ${help})\n`);
      return EXIT.usage;
    }
    if (e instanceof DatasetError) {
      process.stderr.write(`ziping ${cmd}: ${safeLine(e.message)}\n`);
      return EXIT.nothingProcessed;
    }
    throw e;
  }
  const near = COMMANDS.find((c) => c.startsWith(cmd.slice(0, 2)));
  process.stderr.write(`ziping: unknown command '${safeLine(cmd)}'${near ? ` (did you mean '${near}'?)` : ''}; the commands are ${COMMANDS.join(', ')}\n(see ziping --help)\n`);
  return EXIT.usage;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    // Anything but a usage error stopped the run itself (a full disk, an output folder that
    // cannot be written or is in use): exit 3.
    const errno = (e as NodeJS.ErrnoException)?.code;
    const text = (e as Error)?.message ?? String(e);
    process.stderr.write(`ziping: ${safeLine(errno && !text.includes(errno) ? `${errno}: ${text}` : text)}\n`);
    process.exit(EXIT.runtime);
  },
);
