/** What processing one input produces: its manifest entry, its records and its diagnostics. */
import type { Diagnostic } from './diagnostics.js';
import type { ProjectRecord } from './domain/schema.js';

export type InputStatus = 'ok' | 'flagged' | 'failed' | 'skipped';

export interface ManifestEntry {
  /** The input's file name (basename). */
  file: string;
  /** The path as given (relative to the working directory when possible). */
  path: string;
  sha256: string;
  bytes: number;
  kind: 'pdf' | 'text' | 'unknown';
  /** ok: every table checks out; flagged: at least one table has a check issue; failed: see error. */
  status: InputStatus;
  /** Why a file was skipped (duplicate content of an earlier input). */
  skip_reason?: 'duplicate';
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
