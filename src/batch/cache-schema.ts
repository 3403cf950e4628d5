/**
 * What a cache entry must hold to be used (zod): its head (manifest entry, file-level diagnostics,
 * record count) and each record with every field the dataset writer reads, typed. An entry that
 * does not match, whatever made it (a crash, a hand edit, another version), is a cache miss.
 * Records are held to the shape the writer needs, not to the record schema itself: a record may
 * carry `schema_violation` issues and still be part of the dataset.
 */
import { z } from 'zod';
import { CODES, type Diagnostic } from '../diagnostics.js';
import { DiagnosticSchema } from '../domain/schema.js';
import type { ManifestEntry } from '../result.js';

/** Format of the cache files this code writes and reads. */
export const CACHE_FORMAT = 3;

const CodeSchema = z.enum(Object.keys(CODES) as [keyof typeof CODES, ...Array<keyof typeof CODES>]);
const CachedDiagnostic = DiagnosticSchema.extend({ code: CodeSchema });

const BBox = z.tuple([z.number(), z.number(), z.number(), z.number()]);

const OcrSummarySchema = z.object({
  mode: z.enum(['auto', 'force', 'off']),
  status: z.enum(['read', 'off', 'not_installed', 'failed']),
  pages: z.array(z.number().int().positive()),
  engine: z.string().optional(),
  ms: z.number().nonnegative().optional(),
  message: z.string().optional(),
});

export const ManifestEntrySchema = z.object({
  file: z.string(),
  path: z.string(),
  raw_path: z.string().regex(/^[0-9a-f]*$/).optional(),
  sha256: z.string(),
  bytes: z.number().int().nonnegative(),
  kind: z.enum(['pdf', 'text', 'unknown']),
  status: z.enum(['ok', 'flagged', 'failed', 'skipped']),
  skip_reason: z.enum(['duplicate', 'hidden', 'unsupported_type', 'not_a_file', 'symlinked_folder', 'output_folder']).optional(),
  duplicate_of: z.string().optional(),
  error: z.object({ code: z.string(), message: z.string() }).optional(),
  encoding: z.string().optional(),
  pages: z.number().int().nonnegative().optional(),
  ocr_pages: z.array(z.number().int().positive()).optional(),
  ocr: OcrSummarySchema.optional(),
  tables: z.number().int().nonnegative(),
  flagged_tables: z.number().int().nonnegative(),
  duration_ms: z.number().nonnegative(),
  cached: z.boolean().optional(),
  source: z.object({ url: z.string().optional(), published: z.string().optional(), department: z.string().optional(), year: z.string().optional() }).optional(),
  duplicate_tables: z.array(z.object({ id: z.string(), duplicate_of: z.string() })).optional(),
});

// The schema and the interface must describe the same object.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const entrySchemaMatches: Same<z.infer<typeof ManifestEntrySchema>, ManifestEntry> = true;
void entrySchemaMatches;

/** A page crop drawn for report.html (a PNG beside the cache file). */
const CropSchema = z.object({
  record: z.number().int().nonnegative(),
  page: z.number().int().positive(),
  png: z.string().regex(/^[^/\\]+\.png$/),
  region: BBox,
  scale: z.number().positive(),
});

export const CacheHead = z.object({
  format: z.literal(CACHE_FORMAT),
  entry: ManifestEntrySchema,
  diagnostics: z.array(CachedDiagnostic),
  records: z.number().int().nonnegative(),
  crops: z.array(CropSchema).optional(),
});
export type CacheHead = z.infer<typeof CacheHead> & { diagnostics: Diagnostic[] };

const Text = z.string().nullable();
const Parsed = z.looseObject({ op: Text, value: z.string(), unit: Text }).nullable();
const FundValues = z.record(z.string(), Text);

/** A record as the dataset writer reads it (projects.json takes it whole). */
export const CachedRecord = z.looseObject({
  id: z.string(),
  source: z.looseObject({
    path: z.string(),
    file: z.string(),
    sha256: z.string(),
    kind: z.enum(['pdf', 'text']),
    index: z.number().int().nonnegative(),
    pages: z.array(z.number()).optional(),
    lines: z.array(z.number()).optional(),
  }),
  template: z.string(),
  unit: z.string(),
  title: Text,
  project_name: Text,
  department: Text,
  implementing_unit: Text,
  // A fund row the record's template does not have is null (sichuan-2023 has no 上年结转资金).
  funds: z.looseObject({
    total: FundValues, fiscal_appropriation: FundValues.nullable(), carryover: FundValues.nullable(), other: FundValues.nullable(),
    fiscal_special_account: FundValues.nullable(), unit_funds: FundValues.nullable(),
  }),
  goal_expected: Text,
  goal_actual: Text,
  indicators: z.array(z.looseObject({
    level1: Text, level2: Text, level3: Text, target: Text, actual: Text, weight: Text, score: Text,
    deviation_reason: z.string(), target_parsed: Parsed, actual_parsed: Parsed, achievement: Text,
    provenance: z.looseObject({ page: z.number().optional(), line: z.number().optional() }).optional(),
  })),
  total_weight: Text,
  total_score: Text,
  grade: Text,
  check: z.looseObject({
    status: z.string(),
    recomputed_execution_rate: Text, recomputed_exec_score: Text, recomputed_total_weight: Text,
    recomputed_total_score: Text, recomputed_grade: Text,
  }),
  issues: z.array(CachedDiagnostic),
  repairs: z.array(CachedDiagnostic),
  provenance: z.record(z.string(), z.unknown()),
});
