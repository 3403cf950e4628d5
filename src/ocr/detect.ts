/**
 * Text detection with the PP-OCRv4 DB model: the page (lines removed) → a map of the probability
 * that each pixel is text → boxes of text lines. DB predicts shrunk text kernels; each connected
 * kernel above `threshold` whose mean probability reaches `boxThreshold` is grown back by
 * area × `unclipRatio` / perimeter (Liao et al., "Real-time Scene Text Detection with
 * Differentiable Binarization"; the constants are PaddleOCR's defaults).
 */
import type { GrayImage } from './image.js';
import { resize } from './image.js';
import type { OcrRuntime } from './runtime.js';

/** A box in pixels of the page image: [x0, y0, x1, y1]. */
export type PixelBox = [number, number, number, number];

export interface DetectOptions {
  /** The longer side is scaled down to at most this many pixels. */
  maxSide: number;
  threshold: number;
  boxThreshold: number;
  unclipRatio: number;
}

export const DEFAULT_DETECT: Readonly<DetectOptions> = Object.freeze({ maxSide: 1600, threshold: 0.3, boxThreshold: 0.6, unclipRatio: 1.6 });

// ImageNet normalisation, as the model was trained (PaddleOCR NormalizeImage).
const MEAN = [0.485, 0.456, 0.406];
const STD = [0.229, 0.224, 0.225];

/** Given a page image, returns its text-line boxes (pixels of `img`) with their scores. */
export async function detectText(rt: OcrRuntime, img: GrayImage, o: DetectOptions = DEFAULT_DETECT): Promise<Array<{ box: PixelBox; score: number }>> {
  const scale = Math.min(1, o.maxSide / Math.max(img.width, img.height));
  const w = Math.max(32, Math.round((img.width * scale) / 32) * 32);
  const h = Math.max(32, Math.round((img.height * scale) / 32) * 32);
  const small = w === img.width && h === img.height ? img : resize(img, w, h);
  const plane = w * h;
  const input = new Float32Array(3 * plane);
  for (let i = 0; i < plane; i++) {
    const v = small.data[i]! / 255;
    input[i] = (v - MEAN[0]!) / STD[0]!;
    input[plane + i] = (v - MEAN[1]!) / STD[1]!;
    input[2 * plane + i] = (v - MEAN[2]!) / STD[2]!;
  }
  const out = await rt.det.run({ [rt.det.inputNames[0]!]: rt.tensor(input, [1, 3, h, w]) });
  const prob = out[rt.det.outputNames[0]!]!.data;
  const boxes = probabilityToBoxes(prob, w, h, o);
  const sx = img.width / w, sy = img.height / h;
  return boxes.map(({ box, score }) => ({ box: [box[0] * sx, box[1] * sy, box[2] * sx, box[3] * sy], score }));
}

/** Given DB's probability map, returns the grown boxes of its kernels (map pixels). */
export function probabilityToBoxes(prob: Float32Array, w: number, h: number, o: DetectOptions): Array<{ box: PixelBox; score: number }> {
  const label = new Int32Array(w * h).fill(-1);
  const stack = new Int32Array(w * h);
  const out: Array<{ box: PixelBox; score: number }> = [];
  for (let start = 0; start < w * h; start++) {
    if (label[start] !== -1 || prob[start]! < o.threshold) continue;
    // Flood fill one kernel (4-connected).
    let top = 0;
    stack[top++] = start;
    label[start] = start;
    let x0 = w, y0 = h, x1 = -1, y1 = -1, sum = 0, n = 0;
    while (top > 0) {
      const p = stack[--top]!;
      const x = p % w, y = (p - x) / w;
      sum += prob[p]!;
      n++;
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
      const push = (q: number): void => {
        if (label[q] === -1 && prob[q]! >= o.threshold) { label[q] = start; stack[top++] = q; }
      };
      if (x > 0) push(p - 1);
      if (x < w - 1) push(p + 1);
      if (y > 0) push(p - w);
      if (y < h - 1) push(p + w);
    }
    const bw = x1 - x0 + 1, bh = y1 - y0 + 1;
    if (Math.min(bw, bh) < 3) continue;
    const score = sum / n;
    if (score < o.boxThreshold) continue;
    const d = (bw * bh * o.unclipRatio) / (2 * (bw + bh));
    out.push({ box: [Math.max(0, x0 - d), Math.max(0, y0 - d), Math.min(w, x1 + 1 + d), Math.min(h, y1 + 1 + d)], score });
  }
  return out;
}
