/** What processing one input produces: its manifest entry, its records and its diagnostics. */
import type { Diagnostic } from './diagnostics.js';
import type { ProjectRecord } from './domain/schema.js';
import type { BBox } from './types.js';

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
  /** The input's path relative to the dataset root, with `/`: its key in the dataset; a name that is not UTF-8 is decoded as well as possible. */
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
  /** Pages without a text layer (scans). */
  ocr_pages?: number[];
  /** What OCR did with them: read, or why not (off, not installed, failed). */
  ocr?: OcrSummary;
  tables: number;
  flagged_tables: number;
  /** Wall time spent on this file, in milliseconds. */
  duration_ms: number;
  /** Whether the result came from the --out directory's cache. */
  cached?: boolean;
  /** Metadata from a sources.csv sidecar (url, published, department, year). */
  source?: { url?: string; published?: string; department?: string; year?: string };
  /** Tables of this file left out as copies of a table of an earlier input. */
  duplicate_tables?: Array<{ id: string; duplicate_of: string }>;
}

/** A picture of part of a page, drawn for report.html (PDF inputs, flagged tables). */
export interface Crop {
  /** Index of the record in the file's records. */
  record: number;
  page: number;
  /** PNG file name, beside the input's cache file. */
  png: string;
  /** The cropped region of the page, in PDF points, top-left origin. */
  region: BBox;
  /** Pixels per point. */
  scale: number;
}

/** OCR of one file's scanned pages. */
export interface OcrSummary {
  mode: 'auto' | 'force' | 'off';
  /** `read`: every page that needed OCR was read; `off`: --ocr off; `not_installed`: the optional OCR packages are missing; `failed`: OCR failed on a page. */
  status: 'read' | 'off' | 'not_installed' | 'failed';
  /** Pages read by OCR. */
  pages: number[];
  engine?: string;
  /** Time spent drawing and reading pages, in milliseconds. */
  ms?: number;
  message?: string;
}

export interface FileResult {
  entry: ManifestEntry;
  records: ProjectRecord[];
  /** File-level diagnostics (record-level ones live in each record's issues/repairs). */
  diagnostics: Diagnostic[];
  /** Page crops of flagged tables, when drawn. */
  crops?: Crop[];
  /** Set instead of a result when the file needs OCR and the caller asked to defer it (`pages`: the document's page count). */
  deferred?: { pages: number };
}
