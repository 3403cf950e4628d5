#!/usr/bin/env node
/**
 * Command line: argv → options → batch. The only place that sets exit codes.
 *
 *   ziping ingest <file|folder|glob>... --out <dir> [options]
 *   ziping merge <shard-out-dir>... --out <dir> [--encoding utf-8|gb18030]
 *   ziping inspect <file.pdf> [--page N] [--png [DIR]]
 *
 * Exit codes: 0 when at least one input was processed (ok, flagged or skipped as a duplicate),
 * 1 when nothing could be, 2 for a usage error, 3 when the run itself could not go on (the output
 * folder cannot be written: ENOTDIR, EACCES, ENOSPC …; another run holds it; any other failure
 * that is not about one input). `--` ends the options: what follows is inputs, even `-x.pdf`.
 */
import os from 'node:os';
import { setHeapGrowth } from './batch/heap.js';
import { MEMORY_MODEL } from './batch/plan.js';
import { mergeShards } from './batch/merge.js';
import { jsonReporter, lineReporter, ttyReporter, type Reporter } from './batch/progress.js';
import { rawArguments } from './batch/inputs.js';
import { parseShard, runIngest, type Shard } from './batch/run.js';
import { parseBytes, parseDurationMs, parseMemoryMb, positiveInt, UsageError } from './cli-args.js';
import { Settings } from './settings.js';
import { safeLine } from './terminal.js';

/** Exit codes (README, "CLI"). */
const EXIT = { ok: 0, nothingProcessed: 1, usage: 2, runtime: 3 } as const;

const USAGE = `usage: ziping ingest <file|folder|glob>... --out <dir> [options]
       ziping merge <shard-out-dir>... --out <dir> [--encoding utf-8|gb18030]
       ziping inspect <file.pdf> [--page N] [--png [DIR]]

ingest options:
  -o, --out <dir>          output folder (default: out); its .cache/ makes re-runs resumable
  -j, --jobs <n>           worker threads (default: one per core, ${os.availableParallelism()} here)
      --timeout <time>     per-file time limit: 90, 90s, 1500ms, 2m (plain numbers are seconds)
      --max-pages <n>      per-file page limit
      --max-bytes <size>   per-file size limit: 200MB, 1.5GB, 500k (plain numbers are bytes)
      --shard <i/n>        take part i of n of the inputs (by content hash); merge the parts
      --max-memory <size>  memory budget of the run: 500MB, 2GB (plain numbers are MiB); fewer
                           workers are started when --jobs would not fit (about ${MEMORY_MODEL.mainMb} MiB + ${MEMORY_MODEL.workerMb} MiB each)
      --worker-heap <MiB>  V8 heap limit of each worker (default 2048); a file needing more fails
      --json               progress as NDJSON events on stdout (start, file, warning, done)
      --encoding <enc>     CSV encoding: utf-8 (with BOM, default) or gb18030
      --input-encoding <e> text dump encoding: auto (default), utf-8, gb18030, utf-16le, utf-16be
`;

async function ingest(args: string[]): Promise<number> {
  const inputs: Array<string | Buffer> = [];
  const raw = await rawArguments(args);
  let optionsEnd = false;
  let outDir = 'out';
  let jobs: number | undefined;
  let shard: Shard | undefined;
  let json = false;
  let workerHeapMb: number | undefined;
  let maxMemoryMb: number | undefined;
  const given: Record<string, unknown> = {};
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const value = (): string => {
      const v = args[++i];
      if (v === undefined) throw new UsageError(`${a} needs a value`);
      return v;
    };
    if (optionsEnd) inputs.push(raw[i]!);
    else if (a === '--') optionsEnd = true;
    else if (a === '--out' || a === '-o') outDir = value();
    else if (a === '--encoding') given.csvEncoding = value();
    else if (a === '--input-encoding') given.encoding = value();
    else if (a === '--jobs' || a === '-j') jobs = positiveInt(a, value());
    else if (a === '--timeout') given.timeoutMs = parseDurationMs(value());
    else if (a === '--max-pages') given.maxPages = positiveInt(a, value());
    else if (a === '--max-bytes') given.maxBytes = parseBytes(value());
    else if (a === '--shard') shard = parseShard(value());
    else if (a === '--json') json = true;
    else if (a === '--worker-heap') workerHeapMb = positiveInt(a, value());
    else if (a === '--max-memory') maxMemoryMb = parseMemoryMb(value());
    else if (a === '--help' || a === '-h') return void process.stdout.write(USAGE), 0;
    else if (a.startsWith('-') && a !== '-') throw new UsageError(`unknown option ${a} (to name a file that starts with "-", put it after "--")`);
    else inputs.push(raw[i]!);
  }
  if (inputs.length === 0) throw new UsageError('ingest needs at least one file, folder or glob');
  const parsed = Settings.safeParse(given);
  if (!parsed.success) throw new UsageError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  // About 15 % less memory for about 7 % speed (src/batch/heap.ts); a --worker-heap of the user's
  // own is left to V8's choice, which is already thrifty for small heaps.
  if (workerHeapMb === undefined) setHeapGrowth();
  const human: Reporter = process.stderr.isTTY ? ttyReporter(process.stderr) : lineReporter(process.stderr);
  const report: Reporter = json ? ((e) => { human(e); jsonReporter(process.stdout)(e); }) : human;
  const done = await runIngest({ inputs, outDir, settings: parsed.data, ...(jobs ? { jobs } : {}), ...(shard ? { shard } : {}), ...(workerHeapMb ? { workerHeapMb } : {}), ...(maxMemoryMb ? { maxMemoryMb } : {}), report });
  // An empty shard is not a failure; an empty run is (nothing could be processed).
  if (done.totals.inputs === 0) return shard ? EXIT.ok : EXIT.nothingProcessed;
  return done.totals.ok + done.totals.flagged + done.totals.duplicates > 0 ? EXIT.ok : EXIT.nothingProcessed;
}

async function merge(args: string[]): Promise<number> {
  const dirs: string[] = [];
  let outDir: string | undefined;
  let encoding: 'utf-8' | 'gb18030' | undefined;
  let optionsEnd = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (optionsEnd) dirs.push(a);
    else if (a === '--') optionsEnd = true;
    else if (a === '--out' || a === '-o') outDir = args[++i];
    else if (a === '--encoding') {
      const v = args[++i];
      if (v !== 'utf-8' && v !== 'gb18030') throw new UsageError(`--encoding wants utf-8 or gb18030, not ${v}`);
      encoding = v;
    } else if (a.startsWith('-')) throw new UsageError(`unknown option ${a}`);
    else dirs.push(a);
  }
  if (!outDir || dirs.length === 0) throw new UsageError('merge needs shard output folders and --out <dir>');
  const s = await mergeShards(dirs, outDir, encoding);
  process.stderr.write(`${s.inputs} input(s) from ${s.shards} shard(s): ${s.inputs - s.failed} processed, ${s.failed} failed → ${safeLine(outDir)}/\n`);
  return s.inputs - s.failed > 0 ? EXIT.ok : EXIT.nothingProcessed;
}

async function main(argv: string[]): Promise<number> {
  const [cmd, ...rest] = argv;
  if (cmd === 'ingest') return ingest(rest);
  if (cmd === 'merge') return merge(rest);
  // Loaded on demand: inspect may pull in the optional canvas package.
  if (cmd === 'inspect') return (await import('./inspect-command.js')).inspectCommand(rest);
  process.stderr.write(USAGE);
  return EXIT.usage;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    // A usage error is the command line's fault; anything else stopped the run itself (a full
    // disk, an output folder that cannot be written or is in use): another exit code.
    const usage = e instanceof UsageError;
    const errno = (e as NodeJS.ErrnoException)?.code;
    const text = (e as Error)?.message ?? String(e);
    process.stderr.write(`ziping: ${safeLine(errno && !text.includes(errno) ? `${errno}: ${text}` : text)}\n${usage ? USAGE : ''}`);
    process.exit(usage ? EXIT.usage : EXIT.runtime);
  },
);
