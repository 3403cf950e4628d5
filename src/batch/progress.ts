/**
 * Progress of a batch as events, and three ways to show them: one line per file (not a TTY, as
 * the first `ingest` printed), a live status line (TTY), and NDJSON for other programs
 * (`--json`: one JSON object per line on stdout).
 */
import type { ManifestEntry } from '../result.js';
import type { DatasetTotals } from './dataset-writer.js';
import { safeJson, safeLine } from '../terminal.js';

/** The run is about to process files. */
export interface StartEvent {
  event: 'start';
  /** Inputs found (all shards). */
  inputs: number;
  /** Inputs of this shard. */
  shard_inputs: number;
  shard: string | null;
  /** Inputs answered from the cache, without processing. */
  cached: number;
  /** Inputs to process now. */
  todo: number;
  todo_bytes: number;
  jobs: number;
  out: string;
}

/** One input is done (in completion order; the dataset is in input order). */
export interface FileEvent {
  event: 'file';
  /** Position in the input list (0-based). */
  index: number;
  path: string;
  bytes: number;
  status: ManifestEntry['status'];
  kind: ManifestEntry['kind'];
  pages: number | null;
  tables: number;
  flagged_tables: number;
  cached: boolean;
  duration_ms: number;
  error: ManifestEntry['error'] | null;
  duplicate_of: string | null;
  skip_reason: ManifestEntry['skip_reason'] | null;
}

/** A file has pages without a text layer and waits for the OCR pool. */
export interface OcrEvent {
  event: 'ocr';
  index: number;
  path: string;
  /** Pages of the document (not all need OCR). */
  pages: number;
}

/** Something the user should know that is not about one file (a glob matching nothing). */
export interface WarningEvent {
  event: 'warning';
  message: string;
}

/** The run is over and the dataset written. */
export interface DoneEvent {
  event: 'done';
  out: string;
  /**
   * This run's inputs: how each came out, and what it did to the dataset (added: new path;
   * updated: new content at a known path; unchanged: same content; kept: this run failed on it,
   * the earlier result stays); missing: arguments that named nothing; duplicates: inputs skipped
   * as copies of another (the rest of `skipped` are folder entries that are no inputs).
   */
  totals: {
    inputs: number; ok: number; flagged: number; failed: number; skipped: number; duplicates: number; cached: number; pages: number; tables: number; flagged_tables: number;
    added: number; updated: number; unchanged: number; kept: number; missing: number;
  };
  /** The whole dataset in the output folder after the run; null when nothing was written. */
  dataset: DatasetTotals | null;
  /** The review page written, if any. */
  report: string | null;
  /** Wall time of each batch stage, in milliseconds. */
  stages: { collect_ms: number; hash_ms: number; process_ms: number; emit_ms: number; total_ms: number };
  /** Sum of the time workers spent on files. */
  worker_ms: number;
  workers_started: number;
  workers_replaced: number;
  /** Workers the memory watchdog stopped (their files are `resource_limit`). */
  workers_stopped_for_memory: number;
  /** Files read by the OCR pool, their pages read by OCR, and its workers. */
  ocr?: { files: number; pages: number; workers_started: number; workers_replaced: number };
  /** Peak resident memory of the whole process (every worker thread included), in MiB. */
  peak_rss_mb: number;
  /** CPU time of the whole process (user + system, every thread), in milliseconds. */
  cpu_ms: number;
}

export type ProgressEvent = StartEvent | FileEvent | OcrEvent | WarningEvent | DoneEvent;
export type Reporter = (e: ProgressEvent) => void;

/** Given a manifest entry, returns the file event for it. */
export function fileEvent(index: number, entry: ManifestEntry, cached: boolean): FileEvent {
  return {
    event: 'file', index, path: entry.path, bytes: entry.bytes, status: entry.status, kind: entry.kind, pages: entry.pages ?? null,
    tables: entry.tables, flagged_tables: entry.flagged_tables, cached, duration_ms: entry.duration_ms,
    error: entry.error ?? null, duplicate_of: entry.duplicate_of ?? null, skip_reason: entry.skip_reason ?? null,
  };
}

const SKIPPED: Record<NonNullable<ManifestEntry['skip_reason']>, string> = {
  duplicate: 'duplicate of', hidden: 'a hidden file (name starts with a dot)', unsupported_type: 'not a PDF or text dump (by its name)',
  not_a_file: 'not a regular file (FIFO, socket or device)', symlinked_folder: 'a symbolic link to a folder (not followed)',
  output_folder: "the run's own output folder",
};

/** The line printed for one file (the format of the first `ingest`; cached and skipped files say so); safe for a terminal. */
export function fileLine(e: FileEvent): string {
  if (e.status === 'skipped') {
    const why = e.skip_reason === 'duplicate' || !e.skip_reason ? `duplicate of ${e.duplicate_of}` : SKIPPED[e.skip_reason];
    return `${e.status.padEnd(7)} ${safeLine(e.path)}: ${safeLine(why)}\n`;
  }
  return `${e.status.padEnd(7)} ${safeLine(e.path)}: ${e.tables} table(s)${e.flagged_tables ? `, ${e.flagged_tables} flagged` : ''}${e.error ? ` — ${safeLine(e.error.message)}` : ''}${e.cached ? ' (cached)' : ''}\n`;
}

/** The closing lines: this run's inputs, what they did to the dataset, and the dataset as a whole. */
export function summaryLine(e: DoneEvent): string {
  const t = e.totals;
  const secs = (e.stages.total_ms / 1000).toFixed(1);
  const ocr = e.ocr ? `, ${e.ocr.pages} read by OCR` : '';
  // Skipped folder entries (hidden files, other types …) are not processed; duplicates are.
  const entries = t.skipped - t.duplicates;
  const run = `${t.inputs} input(s): ${t.ok + t.flagged + t.duplicates} processed${t.duplicates ? ` (${t.duplicates} duplicate(s) skipped)` : ''}, ${entries ? `${entries} skipped, ` : ''}${t.failed} failed${t.missing ? `, ${t.missing} not found` : ''} (${t.pages ? `${t.pages} PDF page(s)${ocr} in ` : ''}${secs} s, peak memory ${e.peak_rss_mb} MiB)`;
  const out = safeLine(e.out);
  if (!e.dataset) return `${run}\nnothing written: ${out}/ is left as it was\n`;
  const d = e.dataset;
  const changes = `${t.added} added, ${t.updated} updated, ${t.unchanged} unchanged${t.kept ? `, ${t.kept} kept from before (failed this time)` : ''}`;
  return `${run}\n${out}/: ${changes} → ${d.tables} table(s) from ${d.inputs - d.skipped} input(s)${d.skipped ? ` (and ${d.skipped} skipped, listed in manifest.json)` : ''}, ${d.flagged_tables} flagged${d.duplicate_tables ? `, ${d.duplicate_tables} duplicate table(s) left out` : ''}${e.report ? `; review ${safeLine(e.report)}` : ''}\n`;
}

/** Not a TTY: one line per file, then the summary. */
export function lineReporter(stream: NodeJS.WritableStream = process.stderr): Reporter {
  return (e) => {
    if (e.event === 'file') stream.write(fileLine(e));
    else if (e.event === 'ocr') stream.write(`ocr     ${safeLine(e.path)}: pages without a text layer, queued for OCR\n`);
    else if (e.event === 'warning') stream.write(`warning: ${safeLine(e.message)}\n`);
    else if (e.event === 'done') stream.write(summaryLine(e));
  };
}

/** NDJSON: every event as one line of JSON. */
export function jsonReporter(stream: NodeJS.WritableStream = process.stdout): Reporter {
  return (e) => void stream.write(safeJson(e) + '\n');
}

function formatDuration(ms: number): string {
  if (!Number.isFinite(ms)) return '?';
  const s = Math.round(ms / 1000);
  return s >= 3600 ? `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m` : s >= 60 ? `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s` : `${s}s`;
}

/**
 * A TTY: one status line rewritten in place (files, pages, tables, flagged, failed, rate, ETA
 * from the bytes still to process); failed files are printed above it as they come.
 */
export function ttyReporter(stream: NodeJS.WriteStream = process.stderr): Reporter {
  let start: StartEvent | undefined;
  let began = 0;
  let done = 0, fresh = 0, freshBytes = 0, pages = 0, tables = 0, flagged = 0, failed = 0;
  const ocrWaiting = new Set<number>();
  let last = 0;
  const draw = (force = false): void => {
    const now = Date.now();
    if (!start || (!force && now - last < 100)) return;
    last = now;
    const secs = (now - began) / 1000;
    const rate = secs > 0 ? pages / secs : 0;
    const eta = freshBytes > 0 ? ((start.todo_bytes - freshBytes) * (now - began)) / freshBytes : NaN;
    const ocr = ocrWaiting.size ? ` · OCR ${ocrWaiting.size} file(s)` : '';
    const line = `files ${done}/${start.shard_inputs} · pages ${pages} · tables ${tables} · flagged ${flagged} · failed ${failed}${ocr} · ${rate.toFixed(1)} pages/s · ETA ${fresh === start.todo ? '0s' : formatDuration(eta)}`;
    stream.write(`\r\x1b[2K${line.slice(0, Math.max(20, (stream.columns || 120) - 1))}`);
  };
  return (e) => {
    if (e.event === 'start') {
      start = e;
      began = Date.now();
      draw(true);
    } else if (e.event === 'ocr') {
      ocrWaiting.add(e.index);
      draw(true);
    } else if (e.event === 'file') {
      ocrWaiting.delete(e.index);
      done++;
      pages += e.pages ?? 0;
      tables += e.tables;
      if (e.status === 'flagged') flagged++;
      if (e.status === 'failed') {
        failed++;
        stream.write(`\r\x1b[2K${fileLine(e)}`);
      }
      if (!e.cached && e.status !== 'skipped') {
        fresh++;
        freshBytes += e.bytes;
      }
      draw(e.status === 'failed');
    } else if (e.event === 'warning') stream.write(`\r\x1b[2Kwarning: ${safeLine(e.message)}\n`);
    else {
      draw(true);
      stream.write(`\n${summaryLine(e)}`);
    }
  };
}
