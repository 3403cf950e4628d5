/** The context every stage gets: where it is, and a sink for its diagnostics. */
import { diagnostic, type Code, type Diagnostic, type Location } from './diagnostics.js';
import type { Cell, Row } from './types.js';

export interface StageContext {
  file: string;
  /** Index of the current project in its file, when known. */
  project?: number;
  report(d: Diagnostic): void;
}

/** Where a row (and optionally one of its cells) is, as a diagnostic location. */
export function locate(ctx: StageContext, row?: Row, cell?: Cell, field?: string): Location {
  const loc: Location = { file: ctx.file };
  if (row?.line !== undefined) loc.line = row.line;
  const page = cell?.page ?? row?.page;
  if (page !== undefined) loc.page = page;
  const bbox = cell?.bbox ?? row?.bbox;
  if (bbox !== undefined) loc.bbox = bbox;
  if (ctx.project !== undefined) loc.project = ctx.project;
  if (field !== undefined) loc.field = field;
  return loc;
}

/** Reports a diagnostic located at a row/cell. */
export function report(
  ctx: StageContext,
  code: Code,
  message: string,
  at: { row?: Row; cell?: Cell; field?: string } = {},
  extra: { actual?: string; expected?: string } = {},
): void {
  ctx.report(diagnostic(code, message, locate(ctx, at.row, at.cell, at.field), extra));
}
