/**
 * Tunables of the PDF layer, each with its unit. Defaults suit printed A4 tables (9–12 pt
 * text, 0.5–1 pt rules); `extractPdf` takes overrides through `PdfOptions`.
 */
export interface PdfSettings {
  /** Rules whose positions differ by less than this are snapped onto one line (pt). */
  snapTolerancePt: number;
  /** Collinear rule pieces separated by a gap up to this are joined (pt). */
  joinTolerancePt: number;
  /** A rule crossing or ending this close to another counts as touching it (pt). */
  intersectionTolerancePt: number;
  /** A filled rectangle thinner than this in one direction is a rule (Chromium borders) (pt). */
  maxRuleThicknessPt: number;
  /** A stroked or filled rule shorter than this is ignored (glyph strokes, dots) (pt). */
  minRuleLengthPt: number;
  /** Text runs whose vertical centres differ by less than this fraction of the font size share a line. */
  lineToleranceEm: number;
  /** Outside a grid, a horizontal gap wider than this (in em) splits a line into chunks. */
  chunkGapEm: number;
}

export const DEFAULT_PDF_SETTINGS: Readonly<PdfSettings> = Object.freeze({
  snapTolerancePt: 3,
  joinTolerancePt: 3,
  intersectionTolerancePt: 3,
  maxRuleThicknessPt: 3,
  minRuleLengthPt: 4,
  lineToleranceEm: 0.4,
  chunkGapEm: 1.5,
});

/** Given partial overrides, returns complete settings; rejects negatives (a programmer error). */
export function resolvePdfSettings(over: Partial<PdfSettings> = {}): PdfSettings {
  const s = { ...DEFAULT_PDF_SETTINGS, ...over };
  for (const [k, v] of Object.entries(s)) {
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) {
      throw new TypeError(`PDF setting ${k} must be a non-negative number, got ${String(v)}`);
    }
  }
  return s;
}
