/**
 * Text recognition with the PP-OCRv4 SVTR-CTC model: each line box cut from the page, scaled to
 * 48 pixels high, normalised to [-1, 1], batched by width (padding with zeros as PaddleOCR does),
 * and decoded with its character confidences and alternative readings (ctc.ts).
 */
import { decodeCtc, type Decoded } from './ctc.js';
import type { PixelBox } from './detect.js';
import { crop, resize, type GrayImage } from './image.js';
import type { OcrRuntime } from './runtime.js';

const HEIGHT = 48;
/** Widest line fed at once (a longer one is cut into pieces). */
const MAX_WIDTH = 2400;
/** Lines per inference call. */
const BATCH = 12;

/** Given line boxes on a page, returns what each says. */
export async function recognizeBoxes(rt: OcrRuntime, img: GrayImage, boxes: readonly PixelBox[]): Promise<Decoded[]> {
  const lines = boxes.map((b, index) => {
    const c = crop(img, b[0], b[1], b[2], b[3]);
    const width = Math.min(MAX_WIDTH, Math.max(8, Math.ceil((HEIGHT * c.width) / c.height)));
    return { index, image: resize(c, width, HEIGHT) };
  });
  // Similar widths together, so that little of each batch is padding.
  lines.sort((a, b) => a.image.width - b.image.width);
  const out: Decoded[] = new Array(boxes.length);
  for (let k = 0; k < lines.length; k += BATCH) {
    const batch = lines.slice(k, k + BATCH);
    const width = Math.max(...batch.map((l) => l.image.width));
    const plane = HEIGHT * width;
    const input = new Float32Array(batch.length * 3 * plane);
    batch.forEach((l, n) => {
      const base = n * 3 * plane;
      for (let y = 0; y < HEIGHT; y++) {
        for (let x = 0; x < l.image.width; x++) {
          const v = l.image.data[y * l.image.width + x]! / 127.5 - 1;
          const i = y * width + x;
          input[base + i] = v;
          input[base + plane + i] = v;
          input[base + 2 * plane + i] = v;
        }
      }
    });
    const res = await rt.rec.run({ [rt.rec.inputNames[0]!]: rt.tensor(input, [batch.length, 3, HEIGHT, width]) });
    const t = res[rt.rec.outputNames[0]!]!;
    const [, steps, classes] = t.dims as [number, number, number];
    // Time steps past a line's own width are padding: decode only its share.
    batch.forEach((l, n) => {
      const own = Math.min(steps, Math.ceil((steps * l.image.width) / width) + 1);
      out[l.index] = decodeCtc(t.data, n * steps * classes, own, classes, rt.charset);
    });
  }
  return out;
}

export type { GrayImage };
