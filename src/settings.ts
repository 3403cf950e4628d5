/** Every tunable of a run, with its default and unit, parsed once (in cli.ts). */
import { z } from 'zod';
import { TemplateSpec } from './domain/template.js';

export const Settings = z.object({
  /** Text encoding of dumps: auto-detect, or force one. */
  encoding: z.enum(['auto', 'utf-8', 'gb18030', 'utf-16le', 'utf-16be']).default('auto'),
  /** CSV output encoding: UTF-8 with BOM (Excel/WPS friendly) or GB18030. */
  csvEncoding: z.enum(['utf-8', 'gb18030']).default('utf-8'),
  /** Per-file limits: a file over any of them is reported and skipped. */
  maxBytes: z.number().int().positive().default(200 * 1024 * 1024),
  maxPages: z.number().int().positive().default(5000),
  timeoutMs: z.number().int().positive().default(120_000),
  /** Vertical tolerance (pt) when grouping PDF text into lines and rules into a grid. */
  rowTolerancePt: z.number().nonnegative().default(2),
  snapTolerancePt: z.number().nonnegative().default(3),
  /** Templates added to the shipped ones (data, src/domain/template.ts), read after them. */
  templates: z.array(TemplateSpec).default([]),
  /** OCR of scanned pages: `auto` reads pages without a text layer, `force` every page, `off` none. */
  ocr: z.enum(['auto', 'off', 'force']).default('auto'),
  /** Resolution scanned pages are drawn at for OCR (pixels per inch). */
  ocrDpi: z.number().int().min(100).max(600).default(200),
});
export type Settings = z.infer<typeof Settings>;
export const defaultSettings: Settings = Settings.parse({});
