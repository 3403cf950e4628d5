/**
 * Composes the stages for one input file: bytes → rows (decode or PDF) → project blocks →
 * draft records (repair) → records (validate) → checked records. No logic of its own beyond
 * routing (and cutting large dumps into chunks); never throws for bad input: a file that cannot be
 * processed comes back `failed`.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import path from 'node:path';
import { CODES, diagnostic, InputError, type Diagnostic } from './diagnostics.js';
import { LineDecoder } from './decode/lines.js';
import { LEVEL2_HINTS } from './domain/labels.js';
import type { Template } from './domain/template.js';
import { TEMPLATES } from './domain/templates/index.js';
import { templateSet, type TemplateSet } from './domain/vocabulary.js';
import type { ProjectRecord } from './domain/schema.js';
import { checkRecord } from './check/check.js';
import { readBlock } from './repair/index.js';
import { ocrCellsOf, reviewOcrArithmetic, type OcrCell } from './repair/ocr-arithmetic.js';
import type { GroupWords, PageOcr, PdfPageInfo } from './pdf/index.js';
import type { FileResult, ManifestEntry, OcrSummary } from './result.js';
import { RowReader } from './rows/text-rows.js';
import { rowsToBlocks, type ProjectBlock } from './segment/segment.js';
import type { Settings } from './settings.js';
import type { StageContext } from './stage.js';
import type { Row } from './types.js';
import { schemaDiagnostics, validateDraft } from './validate/validate.js';

export interface InputFile {
  /** Path to read, as given by the user (as well as it decodes, for a name that is not UTF-8). */
  path: string;
  /**
   * The input's name in the dataset: its path relative to the dataset root, with `/`. Record ids,
   * provenance and diagnostics carry it; default: the file name.
   */
  name?: string;
  /** The content, when the caller holds it. */
  bytes?: Uint8Array;
  /** Where to read the content in chunks instead (a path, or its raw bytes for a name that is not UTF-8). */
  source?: string | Buffer;
  /** The path's bytes in hex, when the name is not UTF-8 (reported as `name_not_utf8`). */
  rawPath?: string;
  /** Content hash and size, when known already (else computed from `bytes`). */
  sha256?: string;
  size?: number;
}

/** Where records go as they are made (a file of any size streams through in flat memory). */
export type RecordSink = (record: ProjectRecord) => void | Promise<void>;

/** What a file gives besides its records. */
export interface FileSummary {
  entry: ManifestEntry;
  diagnostics: Diagnostic[];
  /** Set instead of a result when the file needs OCR and the caller asked to defer it (`pages`: the document's page count). */
  deferred?: { pages: number };
}

/** How `processFileTo` reads a file. */
export interface ProcessOptions {
  signal?: AbortSignal;
  /** Rows per segmented chunk of a dump (see `DUMP_CHUNK_ROWS`). */
  chunkRows?: number;
  /**
   * How scanned pages are read: a page reader (the OCR pool's worker passes its own); `defer`: do
   * not read them here, stop and answer `deferred` (a batch worker hands such files to the OCR
   * pool). Default: OCR in this thread, when installed.
   */
  ocr?: PageOcr | 'defer';
}

/**
 * Header labels the PDF layer may use as column anchors on pages without ruling lines: every
 * template's header of the fund rows' column (年度预算数（万元）), fund and indicator column labels
 * and the labels of the goals printed as columns, each with full-width and ASCII brackets (a
 * narrow header cell wraps 年度预算数(万 over 元)).
 */
export function streamAnchors(templates: readonly Template[]): string[] {
  return [
    ...new Set(
      templates.flatMap((t) => [
        ...t.funds.row_header,
        ...t.funds.columns.flatMap((c) => c.labels),
        ...t.indicators.columns.flatMap((c) => c.labels),
        ...(t.fields.goal_expected ?? []),
        ...(t.fields.goal_actual ?? []),
      ]).flatMap(widthVariants),
    ),
  ];
}
/** The anchors of the shipped templates. */
export const STREAM_ANCHORS: readonly string[] = streamAnchors(TEMPLATES);

/** A label as printed with full-width and with ASCII brackets and colons (项目资金（元）, 项目资金(元)). */
function widthVariants(label: string): string[] {
  const full = label.replace(/\(/g, '（').replace(/\)/g, '）').replace(/:/g, '：');
  const ascii = label.replace(/（/g, '(').replace(/）/g, ')').replace(/：/g, ':');
  return [label, full, ascii];
}

/**
 * Row labels that are a cell of their own: on a borderless page, the text after one begins a cell.
 * Every template's labels of the project name, department, implementing unit, the goals and the
 * implementation summary (项目年度目标 a few points from its value's first line) and grade, the
 * funds block's side labels (项目资金（万元）) and the goals section's side label (年度总体目标),
 * each with full-width and ASCII brackets (the PDF layer compares them as printed).
 */
export function streamCellLabels(templates: readonly Template[]): string[] {
  return [
    ...new Set(
      templates
        .flatMap((t) => [
          ...(t.fields.project_name ?? []),
          ...(t.fields.department ?? []),
          ...(t.fields.implementing_unit ?? []),
          ...(t.fields.goal_expected ?? []),
          ...(t.fields.goal_actual ?? []),
          ...(t.fields.implementation_summary ?? []),
          ...(t.fields.evaluation_conclusion ?? []),
          ...(t.fields.problems ?? []),
          ...(t.fields.improvements ?? []),
          ...t.funds.headers,
          ...t.sections.filter((l) => l.includes('目标')),
          ...(t.fields.grade ?? []),
          ...t.total.labels,
        ])
        .flatMap(widthVariants),
    ),
  ];
}
/** The cell labels of the shipped templates. */
export const STREAM_CELL_LABELS: readonly string[] = streamCellLabels(TEMPLATES);

/**
 * Names of row groups and rows that labels beside the rows print whole: every template's level-1
 * and level-2 names and fund rows. On a borderless page, a label that is one is not the first
 * line of a label wrapped over the rows below.
 */
export function streamGroupNames(templates: readonly Template[]): string[] {
  return [
    ...new Set(
      templates.flatMap((t) => [
        ...Object.keys(t.indicators.framework),
        ...Object.values(t.indicators.framework),
        ...t.funds.rows.flatMap((r) => r.labels),
      ]).flatMap(widthVariants),
    ),
  ];
}
/** The group names of the shipped templates. */
export const STREAM_GROUP_NAMES: readonly string[] = streamGroupNames(TEMPLATES);

/**
 * Beginnings of lines that are no part of a table: every template's `ignore` (项目负责人：…, the
 * signature line under a Sichuan table). On a borderless page such a line is read alone.
 */
export function streamFreeLines(templates: readonly Template[]): string[] {
  return [...new Set(templates.flatMap((t) => t.ignore).flatMap(widthVariants))];
}
/** The free lines of the shipped templates. */
export const STREAM_FREE_LINES: readonly string[] = streamFreeLines(TEMPLATES);

/**
 * The words of a 三级指标 that say its level 2 (及时率: 时效指标), each with the level-2 name and the
 * level 1 every template files it under: on a borderless page, where a column's labels fit two
 * placements about as well, the rows' names decide.
 */
export function streamGroupWords(templates: readonly Template[]): GroupWords[] {
  return LEVEL2_HINTS.map((h) => ({ words: h.words, groups: [...new Set([h.level2, ...templates.flatMap((t) => (t.indicators.framework[h.level2] ? [t.indicators.framework[h.level2]!] : []))])] }));
}

/** What the PDF layer is told about the form on pages without ruling lines. */
export const STREAM_HINTS = { anchors: STREAM_ANCHORS, cellLabels: STREAM_CELL_LABELS, groupNames: STREAM_GROUP_NAMES, freeLines: STREAM_FREE_LINES, groupWords: streamGroupWords(TEMPLATES) } as const;

/** The hints for a run's templates: the shipped ones' unless templates were added. */
export function streamHints(added: readonly Template[]): { anchors: readonly string[]; cellLabels: readonly string[]; groupNames: readonly string[]; freeLines: readonly string[]; groupWords: readonly GroupWords[] } {
  if (added.length === 0) return STREAM_HINTS;
  const all = [...TEMPLATES, ...added];
  return { anchors: streamAnchors(all), cellLabels: streamCellLabels(all), groupNames: streamGroupNames(all), freeLines: streamFreeLines(all), groupWords: streamGroupWords(all) };
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Whether bytes start like a PDF (the header may follow up to 1 KB of junk). */
export function looksLikePdf(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 1024)).toString('latin1');
  return head.includes('%PDF-');
}

/** Rows of a dump are segmented in chunks of at least this many rows, cut before a title line. */
export const DUMP_CHUNK_ROWS = 20_000;
/** Bytes read from a dump at a time. */
const READ_CHUNK = 1 << 20;

/** Given a row, whether it is a title line (every non-empty cell a title of any table): a safe place to cut a dump. */
function isTitleRow(row: Row, set: TemplateSet): boolean {
  const texts = row.cells.map((c) => c.text).filter((t) => t !== '');
  return texts.length > 0 && (texts.every((t) => set.isTitle(t)) || texts.every((t) => set.isNonProjectTitle(t)));
}

/** The bytes of an input in chunks: from memory, or read from its path. */
async function* chunksOf(input: InputFile): AsyncGenerator<Uint8Array> {
  if (input.bytes) {
    for (let at = 0; at < input.bytes.length; at += READ_CHUNK) yield input.bytes.subarray(at, at + READ_CHUNK);
    return;
  }
  // A stream reads FIFOs and pipes too (a positioned read would not).
  for await (const chunk of createReadStream(input.source ?? input.path, { highWaterMark: READ_CHUNK }) as AsyncIterable<Buffer>) yield chunk;
}

/** The page reader for these settings, or none (`--ocr off`). */
async function pageReader(settings: Settings, ocr: ProcessOptions['ocr']): Promise<PageOcr | undefined> {
  if (settings.ocr === 'off') return undefined;
  const mode = settings.ocr;
  if (ocr === 'defer') {
    const { OcrDeferred } = await import('./pdf/index.js');
    return { mode, dpi: settings.ocrDpi, read: () => Promise.reject(new OcrDeferred('this page needs OCR: handed to the OCR pool')) };
  }
  if (ocr) return ocr;
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

/** Turns blocks into checked records, numbering them across the whole file. */
class RecordMaker {
  count = 0;
  flagged = 0;
  truncated = 0;

  /**
   * @param file the input's dataset name (record ids, locations); `base` its file name.
   * @param sha256 the content hash records carry (for a dump read without a known hash, it is only
   * known at the end: records then carry '' and the entry gets the hash).
   * @param templates the templates the run reads with.
   * @param diagnostics the file's own diagnostics (a block that is no project table is reported there).
   * @param ocrCells cells read by OCR (PDFs with scanned pages), re-checked by the form's arithmetic.
   */
  constructor(
    private readonly file: string,
    private readonly base: string,
    public sha256: string,
    private readonly kind: 'pdf' | 'text',
    private readonly templates: TemplateSet,
    private readonly diagnostics: Diagnostic[],
    private readonly sink: RecordSink,
    private readonly ocrCells: ReadonlyMap<string, OcrCell> = new Map(),
  ) {}

  async add(block: ProjectBlock): Promise<void> {
    const { file } = this;
    const index = this.count;
    const collected: Diagnostic[] = [];
    const ctx: StageContext = { file, project: index, report: (d) => collected.push(d) };
    const draft = readBlock(block, ctx, this.templates);
    if (!draft.sections.indicators && !draft.sections.funds && !draft.project_name) {
      // Neither a project's name nor its funds nor its indicators: a title in prose or an
      // appendix that is not a project table, not a broken one.
      this.diagnostics.push(diagnostic('non_project_table', `"${block.title ?? block.rows[0]?.cells.find((c) => c.text)?.text ?? ''}" has no project name, funds or indicators: not a project table, skipped`, { file, ...(block.rows[0]?.line ? { line: block.rows[0].line } : {}), ...(block.rows[0]?.page ? { page: block.rows[0].page } : {}) }));
      return;
    }
    this.count++;
    if (!draft.sections.indicators || !draft.sections.funds || !draft.sections.total) {
      this.truncated++;
      const missing = [!draft.sections.funds && '项目资金', !draft.sections.indicators && '指标 table', !draft.sections.total && 'total row'].filter(Boolean).join(', ');
      collected.push(diagnostic('truncated_table', `table ${index + 1}${draft.project_name ? ` (${draft.project_name})` : ''} is incomplete: no ${missing}`, { file, project: index, ...(block.rows[0]?.line ? { line: block.rows[0].line } : {}), ...(block.rows[0]?.page ? { page: block.rows[0].page } : {}) }));
    }
    const { record: read, template } = validateDraft(draft, { path: file, file: this.base, sha256: this.sha256, kind: this.kind, index }, ctx);
    // Figures read by OCR are re-checked by the form's arithmetic (repair/ocr-arithmetic.ts).
    const ocr = reviewOcrArithmetic(read, template, index, this.ocrCells);
    const unchecked = ocr.record;
    const { check, issues } = checkRecord(unchecked, template, index);
    ocr.annotate(issues);
    const stale = (d: Diagnostic): boolean => d.code === 'missing_cell' && ocr.corrected.has(d.location.field ?? '');
    const record: ProjectRecord = { ...unchecked, check };
    record.repairs = [...collected.filter((d) => CODES[d.code].stage === 'repair'), ...ocr.repairs];
    record.issues = [...collected.filter((d) => CODES[d.code].stage !== 'repair' && !stale(d)), ...issues, ...ocr.issues];
    record.issues.push(...schemaDiagnostics(record, file, index));
    if (record.check.status !== 'ok' || record.issues.some((d) => d.severity === 'error')) this.flagged++;
    try {
      await this.sink(record);
    } catch (e) {
      throw new SinkFailure(e);
    }
  }
}

/** The sink failed (a full disk under the cache): not the file's fault, so it is not reported as the file's error. */
class SinkFailure extends Error {
  constructor(readonly reason: unknown) {
    super((reason as Error)?.message ?? String(reason));
  }
}

/** Whether an error is the engine running out of room (not a bug): too big a string, array or buffer. */
export function isResourceError(e: unknown): boolean {
  return e instanceof RangeError && /Invalid (string|array|typed array) length|Array buffer allocation failed|allocation failed|over the limit|Maximum call stack/i.test(e.message);
}

/**
 * Processes one input file: records go to `sink` as they are made (in order); returns the manifest
 * entry and file-level diagnostics. Never throws for bad input: a file that cannot be processed
 * comes back `failed`. Text dumps are decoded, split and segmented chunk by chunk, so memory stays
 * flat whatever their size.
 */
export async function processFileTo(input: InputFile, settings: Settings, sink: RecordSink, opts: ProcessOptions = {}): Promise<FileSummary> {
  const started = Date.now();
  // Every location names the input by its dataset name, so that two files called 附件1.pdf in
  // two folders never mix (issue 13).
  const file = input.name ?? path.basename(input.path);
  const size = input.bytes?.length ?? input.size ?? 0;
  const entry: ManifestEntry = {
    file: path.posix.basename(file),
    path: file,
    sha256: input.sha256 ?? (input.bytes ? sha256(input.bytes) : ''),
    bytes: size,
    kind: 'unknown',
    status: 'ok',
    tables: 0,
    flagged_tables: 0,
    duration_ms: 0,
  };
  const diagnostics: Diagnostic[] = [];
  if (input.rawPath) {
    entry.raw_path = input.rawPath;
    diagnostics.push(diagnostic('name_not_utf8', `${file}: the file name is not valid UTF-8; shown decoded as well as possible (bytes ${input.rawPath})`, { file }));
  }
  const fail = (code: keyof typeof CODES, text: string): FileSummary => {
    // Every error names its file first, whichever layer raised it.
    const message = text.startsWith(`${file}: `) ? text : `${file}: ${text}`;
    entry.status = 'failed';
    entry.error = { code, message };
    diagnostics.push(diagnostic(code, message, { file }, { severity: 'error' }));
    entry.duration_ms = Date.now() - started;
    return { entry, diagnostics };
  };
  if (size > settings.maxBytes) return fail('too_large', `${file}: ${size} bytes, over the per-file limit of ${settings.maxBytes}`);
  let maker: RecordMaker | undefined;
  let ocrPages: number[] = [];
  const templates = templateSet(settings.templates);
  // One pass over the content: the first chunk tells a PDF from a dump.
  const chunks = chunksOf(input);
  try {
    const first = await chunks.next();
    const head = first.done ? new Uint8Array(0) : first.value;
    if (head.length === 0) throw new InputError('empty_file', `${file}: the file is empty (0 bytes)`, file);
    if (looksLikePdf(head)) {
      entry.kind = 'pdf';
      let bytes = input.bytes;
      if (!bytes) {
        const parts: Uint8Array[] = [head];
        for await (const c of chunks) parts.push(c);
        bytes = new Uint8Array(Buffer.concat(parts));
      }
      if (!entry.sha256) entry.sha256 = sha256(bytes);
      const { extractPdf } = await import('./pdf/index.js');
      const reader = await pageReader(settings, opts.ocr);
      const res = await extractPdf(bytes, { file, maxPages: settings.maxPages, ...streamHints(settings.templates), ...(opts.signal ? { signal: opts.signal } : {}), ...(reader ? { ocr: reader } : {}) });
      diagnostics.push(...res.diagnostics);
      ocrPages = res.pages.filter((p) => !p.hasText).map((p) => p.page);
      entry.pages = res.pages.length;
      if (ocrPages.length) entry.ocr_pages = ocrPages;
      const ocr = ocrSummary(res.pages, res.diagnostics, settings, reader);
      if (ocr) entry.ocr = ocr;
      maker = new RecordMaker(file, entry.file, entry.sha256, 'pdf', templates, diagnostics, sink, ocr?.pages.length ? ocrCellsOf(res.rows) : new Map());
      for (const block of rowsToBlocks(res.rows, { file, report: (d) => diagnostics.push(d) }, templates)) await maker.add(block);
    } else {
      entry.kind = 'text';
      maker = new RecordMaker(file, entry.file, entry.sha256, 'text', templates, diagnostics, sink);
      entry.encoding = await readDump(head, chunks, input, file, settings, maker, diagnostics, opts.chunkRows ?? DUMP_CHUNK_ROWS, templates);
    }
  } catch (caught) {
    // A record too big to write is the file's resource error; a sink that cannot write stops the caller.
    const e = caught instanceof SinkFailure ? caught.reason : caught;
    if (caught instanceof SinkFailure && !isResourceError(e)) throw e;
    if (e instanceof InputError) {
      if (entry.kind === 'text' && /\.pdf$/i.test(file) && (e.code === 'binary_file' || e.code === 'undecodable')) {
        return fail('pdf_invalid', `${file}: named .pdf but has no PDF header and is not text either`);
      }
      return fail(e.code, e.message);
    }
    if ((e as Error)?.name === 'OcrDeferred') {
      // Nothing was made yet (pages are read before any record): the caller hands the file on.
      entry.duration_ms = Date.now() - started;
      return { entry, diagnostics: [], deferred: { pages: (e as { pages?: number }).pages ?? 1 } };
    }
    if (isResourceError(e)) return fail('resource_limit', `${file}: ran out of room (${(e as Error).message})`);
    if ((e as NodeJS.ErrnoException)?.code && (e as NodeJS.ErrnoException).syscall) return fail('read_failed', `${file}: ${(e as Error).message}`);
    return fail('internal_error', `${file}: ${(e as Error)?.message ?? String(e)}`);
  } finally {
    await chunks.return(undefined);
  }
  if (!entry.sha256) entry.sha256 = maker.sha256;
  entry.tables = maker.count;
  entry.flagged_tables = maker.flagged;
  if (maker.count === 0) {
    const unread = ocrPages.length > 0 && entry.ocr?.status !== 'read';
    const ocr = unread ? ` (${ocrPages.length} page(s) without a text layer were not read${entry.ocr?.message ? `: ${entry.ocr.message}` : ''})` : '';
    // A file named .pdf that is no PDF was read as text: say so, it is what went wrong.
    const notPdf = entry.kind !== 'pdf' && /\.pdf$/i.test(file) ? ' (named .pdf but has no PDF header; read as text)' : '';
    return fail(unread ? 'ocr_required' : 'no_table', `${file}: no 绩效自评 table found${ocr}${notPdf}`);
  }
  if (maker.truncated === maker.count) {
    entry.status = 'failed';
    entry.error = { code: 'truncated_table', message: `${file}: every table is incomplete (truncated)` };
  } else {
    entry.status = entry.flagged_tables > 0 || maker.truncated > 0 ? 'flagged' : 'ok';
    if (maker.truncated > 0) entry.error = { code: 'truncated_table', message: `${file}: ${maker.truncated} of ${maker.count} table(s) are incomplete` };
  }
  entry.duration_ms = Date.now() - started;
  return { entry, diagnostics };
}

/**
 * Reads a dump chunk by chunk: decodes lines, makes rows, and segments them in chunks of at least
 * `chunkRows` rows cut before a title line (where a new table starts whatever came before), so
 * that only one chunk's rows are held at a time. Returns the encoding.
 */
async function readDump(head: Uint8Array, rest: AsyncIterable<Uint8Array>, input: InputFile, file: string, settings: Settings, maker: RecordMaker, diagnostics: Diagnostic[], chunkRows: number, templates: TemplateSet): Promise<string> {
  const decoder = new LineDecoder(file, settings.encoding);
  const reader = new RowReader(/\.csv$/i.test(file) ? 'auto' : 'tab');
  const ctx: StageContext = { file, report: (d) => diagnostics.push(d) };
  const hash = input.sha256 || input.bytes ? undefined : createHash('sha256');
  let rows: Row[] = [];
  const flush = async (): Promise<void> => {
    const chunk = rows;
    rows = [];
    for (const block of rowsToBlocks(chunk, ctx, templates)) await maker.add(block);
  };
  const take = async (more: readonly Row[]): Promise<void> => {
    for (const row of more) {
      if (rows.length >= chunkRows && isTitleRow(row, templates) && !isTitleRow(rows[rows.length - 1]!, templates)) await flush();
      rows.push(row);
    }
  };
  const feed = async (chunk: Uint8Array): Promise<void> => {
    hash?.update(chunk);
    for (const line of decoder.push(chunk)) await take(reader.pushAll(line.text, line.line));
  };
  await feed(head);
  for await (const chunk of rest) await feed(chunk);
  for (const line of decoder.end()) await take(reader.pushAll(line.text, line.line));
  await take(reader.end());
  await flush();
  if (hash) maker.sha256 = hash.digest('hex');
  diagnostics.push(...decoder.diagnostics());
  return decoder.encoding;
}

/** Processes one input file into its manifest entry, records and file-level diagnostics (records held in memory). */
export async function processFile(input: InputFile, settings: Settings, signal?: AbortSignal, opts: Omit<ProcessOptions, 'signal'> = {}): Promise<FileResult> {
  const records: ProjectRecord[] = [];
  const { entry, diagnostics, deferred } = await processFileTo(input, settings, (r) => void records.push(r), { ...opts, ...(signal ? { signal } : {}) });
  return { entry, records, diagnostics, ...(deferred ? { deferred } : {}) };
}
