/**
 * Page crops for report.html: for each flagged table of a PDF, the part of each page that holds a
 * figure at fault, drawn by pdf.js on @napi-rs/canvas (an optional dependency) and saved as PNG
 * beside the input's cache file. The report outlines the offending cells over them from the
 * provenance boxes. Without the canvas package the report simply has no pictures.
 */
import { createRequire } from 'node:module';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { isFlagged } from '../emit/dataset.js';
import type { ProjectRecord } from '../domain/schema.js';
import type { Crop, FileResult } from '../result.js';
import type { BBox } from '../types.js';

/** Pixels per PDF point in the crops. */
export const CROP_SCALE = 1.5;
/** Context kept above and below the offending cells, in points. */
const ABOVE_PT = 90, BELOW_PT = 40, PAD_PT = 6;

interface CanvasModule {
  createCanvas(w: number, h: number): { getContext(k: '2d'): unknown; encode(f: 'png'): Promise<Buffer> };
}

let canvasModule: CanvasModule | null | undefined;
function loadCanvas(): CanvasModule | null {
  if (canvasModule === undefined) {
    try {
      canvasModule = createRequire(import.meta.url)('@napi-rs/canvas') as CanvasModule;
    } catch {
      canvasModule = null;
    }
  }
  return canvasModule;
}

/** Whether crops can be drawn on this machine (the optional canvas package is installed). */
export function canDrawCrops(): boolean {
  return loadCanvas() !== null;
}

const union = (boxes: readonly BBox[]): BBox => [
  Math.min(...boxes.map((b) => b[0])), Math.min(...boxes.map((b) => b[1])), Math.max(...boxes.map((b) => b[2])), Math.max(...boxes.map((b) => b[3])),
];

/** Every box of a record on `page` (its provenance: where each value was read). */
function recordBoxes(r: ProjectRecord, page: number): BBox[] {
  const out: BBox[] = [];
  for (const p of Object.values(r.provenance)) if (p.page === page && p.bbox) out.push(p.bbox);
  for (const ind of r.indicators) if (ind.provenance?.page === page && ind.provenance.bbox) out.push(ind.provenance.bbox);
  return out;
}

/**
 * Given a flagged record, returns the regions to draw: one per page holding an offending cell
 * (the table's width, from a little above the first such cell to a little below the last).
 */
export function cropRegions(r: ProjectRecord): Array<{ page: number; region: BBox }> {
  const byPage = new Map<number, BBox[]>();
  for (const d of r.issues) {
    if (d.location.page === undefined || !d.location.bbox) continue;
    byPage.set(d.location.page, [...(byPage.get(d.location.page) ?? []), d.location.bbox]);
  }
  // A table flagged without a located cell (a missing figure): its first page, at the top.
  if (byPage.size === 0 && r.source.pages?.length) {
    const page = r.source.pages[0]!;
    const boxes = recordBoxes(r, page);
    if (boxes.length) {
      const t = union(boxes);
      return [{ page, region: [t[0] - PAD_PT, t[1] - PAD_PT, t[2] + PAD_PT, Math.min(t[3], t[1] + 260) + PAD_PT] }];
    }
  }
  const out: Array<{ page: number; region: BBox }> = [];
  for (const [page, marks] of [...byPage].sort((a, b) => a[0] - b[0])) {
    const m = union(marks);
    const table = union([...recordBoxes(r, page), m]);
    const top = Math.max(table[1], m[1] - ABOVE_PT) - PAD_PT;
    const bottom = Math.min(table[3], m[3] + BELOW_PT) + PAD_PT;
    out.push({ page, region: [table[0] - PAD_PT, top, table[2] + PAD_PT, bottom] });
  }
  return out;
}

/** The regions to draw for one record of a file (`index`: its position among the file's records): none unless it is flagged. */
export function cropsWanted(r: ProjectRecord, index: number): CropWanted | undefined {
  if (!isFlagged(r)) return undefined;
  const regions = cropRegions(r);
  return regions.length ? { i: index, regions } : undefined;
}

/** What to draw for one flagged record. */
export interface CropWanted {
  i: number;
  regions: Array<{ page: number; region: BBox }>;
}

/**
 * Draws the crops of the flagged tables of a PDF result and records them in `result.crops`; the
 * PNGs go beside `cachePath`. Does nothing for text dumps, without the canvas package, or when
 * pdf.js cannot draw the page (the report then shows the figures alone).
 */
export async function addCrops(result: FileResult, bytes: Uint8Array, cachePath: string): Promise<void> {
  if (result.entry.kind !== 'pdf') return;
  const wanted = result.records.flatMap((r, i) => cropsWanted(r, i) ?? []);
  const crops = await drawCrops(result.entry.file, wanted, bytes, cachePath);
  if (crops.length) result.crops = crops;
}

/**
 * Draws the regions `wanted` of a PDF (its records streamed elsewhere: a worker keeps only what to
 * draw) beside `cachePath`; returns the crops drawn.
 */
export async function drawCrops(file: string, wanted: readonly CropWanted[], bytes: Uint8Array, cachePath: string): Promise<Crop[]> {
  if (!wanted.length) return [];
  const napi = loadCanvas();
  if (!napi) return [];
  const { openPdf } = await import('../pdf/document.js');
  let opened;
  try {
    opened = await openPdf(bytes, file, { render: true });
  } catch {
    return [];
  }
  const crops: Crop[] = [];
  const stem = path.basename(cachePath).replace(/\.json$/, '');
  try {
    for (const w of wanted) {
      for (const { page: p, region } of w.regions) {
        try {
          const page = await opened.doc.getPage(p);
          const full = page.getViewport({ scale: CROP_SCALE, rotation: page.rotate });
          const [x0, y0, x1, y1] = [Math.max(0, region[0]), Math.max(0, region[1]), Math.min(full.width / CROP_SCALE, region[2]), Math.min(full.height / CROP_SCALE, region[3])];
          const clipped: BBox = [x0, y0, x1, y1];
          const W = Math.ceil((x1 - x0) * CROP_SCALE), H = Math.ceil((y1 - y0) * CROP_SCALE);
          if (W <= 0 || H <= 0) continue;
          const canvas = napi.createCanvas(W, H);
          const ctx = canvas.getContext('2d') as { fillStyle: string; fillRect(x: number, y: number, w: number, h: number): void };
          ctx.fillStyle = '#ffffff';
          ctx.fillRect(0, 0, W, H);
          const viewport = page.getViewport({ scale: CROP_SCALE, rotation: page.rotate, offsetX: -x0 * CROP_SCALE, offsetY: -y0 * CROP_SCALE });
          await page.render({ canvas: canvas as unknown as HTMLCanvasElement, canvasContext: ctx as unknown as CanvasRenderingContext2D, viewport }).promise;
          page.cleanup();
          const png = `${stem}.t${w.i + 1}.p${p}.png`;
          await writeFile(path.join(path.dirname(cachePath), png), await canvas.encode('png'));
          crops.push({ record: w.i, page: p, png, region: clipped, scale: CROP_SCALE });
        } catch {
          // This page cannot be drawn: the report shows the figures without it.
        }
      }
    }
  } finally {
    await opened.close();
  }
  return crops;
}
