/**
 * Skew of a scanned page: the small angle by which the scanner turned it. Ruling lines and text
 * lines make the ink's projection on the page's vertical axis sharpest when taken at the page's
 * own angle; the angle with the sharpest projection (largest sum of squared counts) wins, found
 * coarse to fine.
 */
import type { GrayImage } from './image.js';

/** Ink points of a mask taken every `step` pixels, as x and y arrays. */
function inkPoints(mask: Uint8Array, width: number, height: number, step: number): { xs: Float64Array; ys: Float64Array } {
  const xs: number[] = [], ys: number[] = [];
  // Not along the image's edges: a scanner's frame there is straight whatever the page's angle.
  const m = Math.max(4, Math.round(0.01 * Math.min(width, height)));
  for (let y = m; y < height - m; y += step) {
    for (let x = m; x < width - m; x += step) if (mask[y * width + x]) { xs.push(x); ys.push(y); }
  }
  return { xs: Float64Array.from(xs), ys: Float64Array.from(ys) };
}

function sharpness(xs: Float64Array, ys: Float64Array, deg: number, height: number, width: number, step: number): number {
  const t = Math.tan((deg * Math.PI) / 180);
  const pad = Math.ceil((Math.abs(t) * width) / step) + 2;
  const bins = new Float64Array(Math.ceil(height / step) + 2 * pad);
  // Bins as wide as the sampling step: narrower ones would favour 0°, where every sampled row
  // falls on a bin of its own and the bins between stay empty.
  for (let i = 0; i < xs.length; i++) {
    const b = Math.round((ys[i]! - xs[i]! * t) / step) + pad;
    bins[b]!++;
  }
  let s = 0;
  for (let i = 0; i < bins.length; i++) s += bins[i]! * bins[i]!;
  return s;
}

/**
 * Given a page and its ink mask, returns the clockwise angle (degrees) of its content, within
 * ±`maxDeg`; 0 when the page has too little ink to tell.
 */
export function estimateSkew(img: GrayImage, mask: Uint8Array, maxDeg = 3): number {
  // About 100 points per inch suffices: at 200 dpi every second pixel.
  const step = Math.max(1, Math.round(Math.min(img.width, img.height) / 900));
  const { xs, ys } = inkPoints(mask, img.width, img.height, step);
  if (xs.length < 200) return 0;
  let best = 0;
  let bestScore = -1;
  const scan = (from: number, to: number, by: number): void => {
    for (let d = from; d <= to + 1e-9; d += by) {
      const s = sharpness(xs, ys, d, img.height, img.width, step);
      if (s > bestScore) { bestScore = s; best = d; }
    }
  };
  scan(-maxDeg, maxDeg, 0.1);
  const coarse = best;
  scan(coarse - 0.1, coarse + 0.1, 0.01);
  return Math.round(best * 100) / 100;
}
