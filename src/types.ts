/**
 * Geometry and row types shared by every stage. The lower layers (decode/, pdf/) produce `Row[]`;
 * everything after works on rows and knows nothing of where they came from.
 */

/** A box in PDF points with a top-left origin: [x0, top, x1, bottom]. */
export type BBox = readonly [x0: number, top: number, x1: number, bottom: number];

/** How a cell takes part in a vertical merge (rowspan) found in the source. */
export type MergeRole = 'start' | 'continued';

/** One cell of a row, left to right. */
export interface Cell {
  /** Normalised text: trimmed, CJK-normalised; paragraph breaks inside a cell are "\n". */
  text: string;
  /** The text as extracted, when it differs from `text`. */
  raw?: string;
  /** Rows covered by this cell when it starts a vertical merge (> 1), else 1. */
  rowSpan: number;
  /** Grid columns covered (1 for text dumps). */
  colSpan: number;
  /**
   * Set when the source shows a vertical merge: `start` on the first row of a merged cell,
   * `continued` on the placeholders of the rows below it (their text is '').
   */
  merge?: MergeRole;
  /**
   * On the first cell of a merged cell at the top of a page, where the source tells: true when
   * the merged cell began on the page before (a page break cut it), false when it begins here.
   */
  continuesFromPage?: boolean;
  /** 1-based page number (PDF only). */
  page?: number;
  /** Where the cell is on its page (PDF only). */
  bbox?: BBox;
  /** Set when the text was read by OCR (a scanned page). */
  ocr?: CellOcr;
}

/** How sure OCR is of a cell's text, and what else it could have read there. */
export interface CellOcr {
  /** Lowest confidence of any character in the cell (0–1). */
  confidence: number;
  /** Confidence of each character of the cell's text (single-line cells). */
  chars?: number[];
  /** The recogniser's second choice at each character ('' for none) and its probability. */
  seconds?: Array<{ char: string; p: number }>;
  /** Other readings of the whole cell, most likely first, with probabilities relative to the best. */
  alternatives?: Array<{ text: string; p: number }>;
}

/** One visual row of a table, or one line of a dump. */
export interface Row {
  cells: Cell[];
  /** 1-based line number in a text dump. */
  line?: number;
  /** 1-based page number (PDF only). */
  page?: number;
  /** The row's box on its page (PDF only). */
  bbox?: BBox;
  /** True when the source had a blank line (dump) or a page break (PDF) just before this row. */
  breakBefore?: boolean;
}

/** Where a value came from: enough for a reviewer to find it in the source. */
export interface Provenance {
  file: string;
  page?: number;
  line?: number;
  bbox?: BBox;
  /** Set when the value was read by OCR from a scanned page. */
  ocr?: true;
  /** OCR's confidence in what it read there (lowest of the cells, 0–1). */
  confidence?: number;
  /** The cell's text as the file encodes it, when it differs from the text read. */
  raw?: string;
}
