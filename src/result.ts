/** What processing one input produces: its manifest entry, its records and its diagnostics. */
import type { Diagnostic } from './diagnostics.js';
import type { ProjectRecord } from './domain/schema.js';

export type InputStatus = 'ok' | 'flagged' | 'failed' | 'skipped';

/**
 * Why an input was not read: `duplicate` (same content as an earlier input), `hidden` (a name
 * starting with a dot), `unsupported_type` (a folder entry whose extension is not .pdf, .txt,
 * .tsv, .text or .csv), `not_a_file` (a FIFO, socket or device), `symlinked_folder` (not followed),
 * `output_folder` (the run's own --out folder).
 */
export type SkipReason = 'duplicate' | 'hidden' | 'unsupported_type' | 'not_a_file' | 'symlinked_folder' | 'output_folder';

export interface ManifestEntry {
  /** The input's file name (basename). */
  file: string;
  /** The path as given (relative to the working directory when possible); a name that is not UTF-8 is decoded as well as possible. */
  path: string;
  /** The path's bytes in hex, when they are not valid UTF-8 (GBK names from Chinese Windows zips). */
  raw_path?: string;
  sha256: string;
  bytes: number;
  kind: 'pdf' | 'text' | 'unknown';
  /** ok: every table checks out; flagged: at least one table has a check issue; failed: see error. */
  status: InputStatus;
  /** Why an input was skipped. */
  skip_reason?: SkipReason;
  duplicate_of?: string;
  error?: { code: string; message: string };
  /** Detected text encoding (dumps). */
  encoding?: string;
  pages?: number;
  /** Pages without a text layer (need OCR). */
  ocr_pages?: number[];
  tables: number;
  flagged_tables: number;
  /** Wall time spent on this file, in milliseconds. */
  duration_ms: number;
  /** Whether the result came from the --out directory's cache. */
  cached?: boolean;
}

export interface FileResult {
  entry: ManifestEntry;
  records: ProjectRecord[];
  /** File-level diagnostics (record-level ones live in each record's issues/repairs). */
  diagnostics: Diagnostic[];
}
