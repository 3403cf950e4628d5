/**
 * Composes the stages for one input file: bytes → rows (decode or PDF) → project blocks →
 * draft records (repair) → records (validate) → checked records. No logic of its own beyond
 * routing; never throws for bad input: a file that cannot be processed comes back `failed`.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { CODES, diagnostic, InputError, type Diagnostic } from './diagnostics.js';
import { decodeText } from './decode/decode.js';
import type { Template } from './domain/template.js';
import { TEMPLATES } from './domain/templates/index.js';
import { templateSet } from './domain/vocabulary.js';
import type { ProjectRecord } from './domain/schema.js';
import { checkRecord } from './check/check.js';
import { readBlock } from './repair/index.js';
import { ocrCellsOf, reviewOcrArithmetic } from './repair/ocr-arithmetic.js';
import type { PageOcr, PdfPageInfo } from './pdf/index.js';
import type { FileResult, ManifestEntry, OcrSummary } from './result.js';
import { textToRows } from './rows/text-rows.js';
import { rowsToBlocks } from './segment/segment.js';
import type { Settings } from './settings.js';
import type { StageContext } from './stage.js';
import type { Row } from './types.js';
import { schemaDiagnostics, validateDraft } from './validate/validate.js';

export interface InputFile {
  /** Path to read (as given by the user). */
  path: string;
  /**
   * The input's name in the dataset: its path relative to the dataset root, with `/`. Record ids,
   * provenance and diagnostics carry it; default: the file name.
   */
  name?: string;
  bytes: Uint8Array;
}

/**
 * Header labels the PDF layer may use as column anchors on pages without ruling lines: every
 * template's fund and indicator column labels and the labels of the goals printed as columns.
 */
export function streamAnchors(templates: readonly Template[]): string[] {
  return [
    ...new Set(
      templates.flatMap((t) => [
        ...t.funds.columns.flatMap((c) => c.labels),
        ...t.indicators.columns.flatMap((c) => c.labels),
        ...(t.fields.goal_expected ?? []),
        ...(t.fields.goal_actual ?? []),
      ]),
    ),
  ];
}
/** The anchors of the shipped templates. */
export const STREAM_ANCHORS: readonly string[] = streamAnchors(TEMPLATES);

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Whether bytes start like a PDF (the header may follow up to 1 KB of junk). */
export function looksLikePdf(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 1024)).toString('latin1');
  return head.includes('%PDF-');
}

/** How `processFile` reads scanned pages. */
export interface ProcessOptions {
  /**
   * A page reader (the OCR pool's worker passes its own); `defer`: do not read them here, stop and
   * answer `deferred` (a batch worker hands such files to the OCR pool). Default: OCR in this
   * thread, when installed.
   */
  ocr?: PageOcr | 'defer';
}

interface Extracted {
  kind: 'pdf' | 'text';
  rows: Row[];
  encoding?: string;
  pages?: number;
  ocrPages?: number[];
  ocr?: OcrSummary;
}

/** The page reader for these settings, or none (`--ocr off`). */
async function pageReader(settings: Settings, opts: ProcessOptions): Promise<PageOcr | undefined> {
  if (settings.ocr === 'off') return undefined;
  const mode = settings.ocr;
  if (opts.ocr === 'defer') {
    const { OcrDeferred } = await import('./pdf/index.js');
    return { mode, dpi: settings.ocrDpi, read: () => Promise.reject(new OcrDeferred('this page needs OCR: handed to the OCR pool')) };
  }
  if (opts.ocr) return opts.ocr;
  const { localOcr } = await import('./ocr/index.js');
  return localOcr(mode, settings.ocrDpi);
}

/** What OCR did to a file, for its manifest entry; undefined when no page needed it. */
function ocrSummary(pages: readonly PdfPageInfo[], diags: readonly Diagnostic[], settings: Settings, reader: PageOcr | undefined): OcrSummary | undefined {
  if (!reader) {
    const unread = diags.filter((d) => d.code === 'ocr_required').length;
    return unread ? { mode: settings.ocr, status: 'off', pages: [], message: '--ocr off' } : undefined;
  }
  const wanted = pages.filter((p) => p.ocr);
  if (wanted.length === 0) return undefined;
  const read = wanted.filter((p) => p.ocr?.read === true);
  const failed = wanted.flatMap((p) => (p.ocr && p.ocr.read === false ? [p.ocr] : []));
  const ms = read.reduce((a, p) => a + (p.ocr?.read ? p.ocr.ms : 0), 0);
  const base = { mode: settings.ocr, pages: read.map((p) => p.page), ...(reader.engine ? { engine: reader.engine } : {}), ms };
  if (failed.length === 0) return { ...base, status: 'read' };
  const unavailable = failed.find((f) => f.unavailable);
  return { ...base, status: unavailable ? 'not_installed' : 'failed', message: (unavailable ?? failed[0]!).error };
}

async function extract(input: InputFile, file: string, settings: Settings, diags: Diagnostic[], signal: AbortSignal | undefined, opts: ProcessOptions): Promise<Extracted> {
  if (input.bytes.length === 0) throw new InputError('empty_file', `${file}: the file is empty (0 bytes)`, file);
  if (looksLikePdf(input.bytes)) {
    const { extractPdf } = await import('./pdf/index.js');
    const reader = await pageReader(settings, opts);
    const anchors = settings.templates.length ? streamAnchors([...TEMPLATES, ...settings.templates]) : STREAM_ANCHORS;
    const res = await extractPdf(input.bytes, { file, maxPages: settings.maxPages, anchors, ...(signal ? { signal } : {}), ...(reader ? { ocr: reader } : {}) });
    diags.push(...res.diagnostics);
    const ocrPages = res.pages.filter((p) => !p.hasText).map((p) => p.page);
    const ocr = ocrSummary(res.pages, res.diagnostics, settings, reader);
    return { kind: 'pdf', rows: res.rows, pages: res.pages.length, ocrPages, ...(ocr ? { ocr } : {}) };
  }
  let decoded;
  try {
    decoded = decodeText(input.bytes, file, settings.encoding);
  } catch (e) {
    if (e instanceof InputError && /\.pdf$/i.test(file)) {
      throw new InputError('pdf_invalid', `${file}: named .pdf but has no PDF header and is not text either`, file);
    }
    throw e;
  }
  return { kind: 'text', rows: textToRows(decoded.text), encoding: decoded.encoding };
}

/** Processes one input file into its manifest entry, records and file-level diagnostics. */
export async function processFile(input: InputFile, settings: Settings, signal?: AbortSignal, opts: ProcessOptions = {}): Promise<FileResult> {
  const started = Date.now();
  // Every location names the input by its dataset name, so that two files called 附件1.pdf in
  // two folders never mix (issue 13).
  const file = input.name ?? path.basename(input.path);
  const entry: ManifestEntry = {
    file: path.posix.basename(file),
    path: file,
    sha256: sha256(input.bytes),
    bytes: input.bytes.length,
    kind: looksLikePdf(input.bytes) ? 'pdf' : input.bytes.length === 0 ? 'unknown' : 'text',
    status: 'ok',
    tables: 0,
    flagged_tables: 0,
    duration_ms: 0,
  };
  const diagnostics: Diagnostic[] = [];
  const records: ProjectRecord[] = [];
  const fail = (code: keyof typeof CODES, text: string): FileResult => {
    // Every error names its file first, whichever layer raised it.
    const message = text.startsWith(`${file}: `) ? text : `${file}: ${text}`;
    entry.status = 'failed';
    entry.error = { code, message };
    diagnostics.push(diagnostic(code, message, { file }, { severity: 'error' }));
    entry.duration_ms = Date.now() - started;
    return { entry, records, diagnostics };
  };
  if (input.bytes.length > settings.maxBytes) {
    return fail('too_large', `${file}: ${input.bytes.length} bytes, over the per-file limit of ${settings.maxBytes}`);
  }
  let ex: Extracted;
  try {
    ex = await extract(input, file, settings, diagnostics, signal, opts);
  } catch (e) {
    if (e instanceof InputError) return fail(e.code, e.message);
    if ((e as Error)?.name === 'OcrDeferred') {
      entry.duration_ms = Date.now() - started;
      return { entry, records, diagnostics: [], deferred: { pages: (e as { pages?: number }).pages ?? 1 } };
    }
    return fail('internal_error', `${file}: ${(e as Error)?.message ?? String(e)}`);
  }
  entry.kind = ex.kind;
  if (ex.encoding) entry.encoding = ex.encoding;
  if (ex.pages !== undefined) entry.pages = ex.pages;
  if (ex.ocrPages && ex.ocrPages.length) entry.ocr_pages = ex.ocrPages;
  if (ex.ocr) entry.ocr = ex.ocr;
  const ocrCells = ex.ocr?.pages.length ? ocrCellsOf(ex.rows) : new Map();

  const fileCtx: StageContext = { file, report: (d) => diagnostics.push(d) };
  const templates = templateSet(settings.templates);
  const blocks = rowsToBlocks(ex.rows, fileCtx, templates);
  let truncated = 0;
  let index = 0;
  blocks.forEach((block) => {
    const collected: Diagnostic[] = [];
    const ctx: StageContext = { file, project: index, report: (d) => collected.push(d) };
    const draft = readBlock(block, ctx, templates);
    if (!draft.sections.indicators && !draft.sections.funds && !draft.project_name) {
      // Neither a project's name nor its funds nor its indicators: a title in prose or an
      // appendix that is not a project table, not a broken one.
      diagnostics.push(diagnostic('non_project_table', `"${block.title ?? block.rows[0]?.cells.find((c) => c.text)?.text ?? ''}" has no project name, funds or indicators: not a project table, skipped`, { file, ...(block.rows[0]?.line ? { line: block.rows[0].line } : {}), ...(block.rows[0]?.page ? { page: block.rows[0].page } : {}) }));
      return;
    }
    if (!draft.sections.indicators || !draft.sections.funds || !draft.sections.total) {
      truncated++;
      const missing = [!draft.sections.funds && '项目资金', !draft.sections.indicators && '指标 table', !draft.sections.total && 'total row'].filter(Boolean).join(', ');
      collected.push(diagnostic('truncated_table', `table ${index + 1}${draft.project_name ? ` (${draft.project_name})` : ''} is incomplete: no ${missing}`, { file, project: index, ...(block.rows[0]?.line ? { line: block.rows[0].line } : {}), ...(block.rows[0]?.page ? { page: block.rows[0].page } : {}) }));
    }
    const { record: read, template } = validateDraft(draft, { path: file, file: entry.file, sha256: entry.sha256, kind: ex.kind, index }, ctx);
    // Figures read by OCR are re-checked by the form's arithmetic (repair/ocr-arithmetic.ts).
    const ocr = reviewOcrArithmetic(read, template, index, ocrCells);
    const unchecked = ocr.record;
    const { check, issues } = checkRecord(unchecked, template, index);
    ocr.annotate(issues);
    const stale = (d: Diagnostic): boolean => d.code === 'missing_cell' && ocr.corrected.has(d.location.field ?? '');
    const record: ProjectRecord = { ...unchecked, check };
    record.repairs = [...collected.filter((d) => CODES[d.code].stage === 'repair'), ...ocr.repairs];
    record.issues = [...collected.filter((d) => CODES[d.code].stage !== 'repair' && !stale(d)), ...issues, ...ocr.issues];
    record.issues.push(...schemaDiagnostics(record, file, index));
    records.push(record);
    index++;
  });
  entry.tables = records.length;
  entry.flagged_tables = records.filter((r) => r.check.status !== 'ok' || r.issues.some((d) => d.severity === 'error')).length;
  if (records.length === 0) {
    const unread = ex.ocrPages?.length && ex.ocr?.status !== 'read';
    const ocr = unread ? ` (${ex.ocrPages!.length} page(s) without a text layer were not read${ex.ocr?.message ? `: ${ex.ocr.message}` : ''})` : '';
    const res = fail(unread ? 'ocr_required' : 'no_table', `${file}: no 绩效自评 table found${ocr}`);
    res.diagnostics.push(...[]);
    return res;
  }
  if (truncated === records.length) {
    entry.status = 'failed';
    entry.error = { code: 'truncated_table', message: `${file}: every table is incomplete (truncated)` };
  } else {
    entry.status = entry.flagged_tables > 0 || truncated > 0 ? 'flagged' : 'ok';
    if (truncated > 0) entry.error = { code: 'truncated_table', message: `${file}: ${truncated} of ${records.length} table(s) are incomplete` };
  }
  entry.duration_ms = Date.now() - started;
  return { entry, records, diagnostics };
}
