/**
 * Grey images and the few operations the OCR layer needs on them: conversion from RGBA (with red
 * ink dropped), crop, bilinear resize and rotation, Otsu's threshold. Pixels are bytes, 0 black.
 */

/** A single-channel 8-bit image, row-major. */
export interface GrayImage {
  width: number;
  height: number;
  data: Uint8ClampedArray;
}

/** Returns a white image of the given size. */
export function blank(width: number, height: number, value = 255): GrayImage {
  return { width, height, data: new Uint8ClampedArray(width * height).fill(value) };
}

/**
 * Given RGBA pixels, returns their grey with red ink (a seal) taken out. Black text under a seal
 * takes the seal's colour but stays darker than the seal's own ink in the green channel (red ink
 * lets little green through, black ink none), while JPEG, which smears colour over a pixel or
 * two, leaves the seal's thin strokes and edges pale in green. So a tinted pixel is judged by its
 * green against the seal's own (the median green of its strongly red pixels): clearly darker is
 * text, about as dark or lighter is the seal and becomes paper.
 */
export function rgbaToGray(rgba: Uint8ClampedArray | Uint8Array, width: number, height: number): GrayImage {
  const out = new Uint8ClampedArray(width * height);
  const greens = new Uint32Array(256);
  let reds = 0;
  for (let i = 0, j = 0; i < out.length; i++, j += 4) {
    const r = rgba[j]!, g = rgba[j + 1]!, b = rgba[j + 2]!;
    out[i] = (r * 299 + g * 587 + b * 114) / 1000;
    if (r - Math.max(g, b) > 60) { greens[g]++; reds++; }
  }
  if (reds < 50) return { width, height, data: out };
  let seen = 0, sealGreen = 0;
  for (let v = 0; v < 256; v++) { seen += greens[v]!; if (seen * 2 >= reds) { sealGreen = v; break; } }
  const text = 0.75 * sealGreen, seal = 0.95 * sealGreen;
  for (let i = 0, j = 0; i < out.length; i++, j += 4) {
    const r = rgba[j]!, g = rgba[j + 1]!, b = rgba[j + 2]!;
    if (r - Math.max(g, b) <= 8) continue;
    const dark = Math.min(g, b);
    out[i] = dark <= text ? dark : dark >= seal ? 255 : dark + ((255 - dark) * (dark - text)) / (seal - text);
  }
  return { width, height, data: out };
}

/** The part of `img` inside [x0, x1) × [y0, y1), clamped to the image (white outside). */
export function crop(img: GrayImage, x0: number, y0: number, x1: number, y1: number): GrayImage {
  const ix0 = Math.floor(x0), iy0 = Math.floor(y0);
  const w = Math.max(1, Math.ceil(x1) - ix0), h = Math.max(1, Math.ceil(y1) - iy0);
  const out = blank(w, h);
  for (let y = 0; y < h; y++) {
    const sy = iy0 + y;
    if (sy < 0 || sy >= img.height) continue;
    for (let x = 0; x < w; x++) {
      const sx = ix0 + x;
      if (sx < 0 || sx >= img.width) continue;
      out.data[y * w + x] = img.data[sy * img.width + sx]!;
    }
  }
  return out;
}

/** Samples `img` at a fractional position (bilinear; white outside). */
function sample(img: GrayImage, x: number, y: number): number {
  const x0 = Math.floor(x), y0 = Math.floor(y);
  const fx = x - x0, fy = y - y0;
  const at = (xx: number, yy: number): number => (xx < 0 || yy < 0 || xx >= img.width || yy >= img.height ? 255 : img.data[yy * img.width + xx]!);
  const top = at(x0, y0) * (1 - fx) + at(x0 + 1, y0) * fx;
  const bottom = at(x0, y0 + 1) * (1 - fx) + at(x0 + 1, y0 + 1) * fx;
  return top * (1 - fy) + bottom * fy;
}

/** Resizes to `width` × `height`: area averaging when shrinking by more than 2, else bilinear. */
export function resize(img: GrayImage, width: number, height: number): GrayImage {
  const out = blank(width, height);
  const sx = img.width / width, sy = img.height / height;
  if (sx > 2 || sy > 2) {
    for (let y = 0; y < height; y++) {
      const y0 = Math.floor(y * sy), y1 = Math.max(y0 + 1, Math.floor((y + 1) * sy));
      for (let x = 0; x < width; x++) {
        const x0 = Math.floor(x * sx), x1 = Math.max(x0 + 1, Math.floor((x + 1) * sx));
        let s = 0;
        for (let yy = y0; yy < y1; yy++) for (let xx = x0; xx < x1; xx++) s += img.data[yy * img.width + xx]!;
        out.data[y * width + x] = s / ((y1 - y0) * (x1 - x0));
      }
    }
    return out;
  }
  for (let y = 0; y < height; y++) {
    const fy = (y + 0.5) * sy - 0.5;
    for (let x = 0; x < width; x++) out.data[y * width + x] = sample(img, (x + 0.5) * sx - 0.5, fy);
  }
  return out;
}

/**
 * Rotates by `deg` degrees about the centre (positive: clockwise on screen, as y grows downwards),
 * keeping the size; corners brought in from outside are white.
 */
export function rotate(img: GrayImage, deg: number): GrayImage {
  if (deg === 0) return img;
  const out = blank(img.width, img.height);
  const a = (deg * Math.PI) / 180, cos = Math.cos(a), sin = Math.sin(a);
  const cx = (img.width - 1) / 2, cy = (img.height - 1) / 2;
  for (let y = 0; y < img.height; y++) {
    const dy = y - cy;
    for (let x = 0; x < img.width; x++) {
      const dx = x - cx;
      // Inverse mapping: where in the source this output pixel comes from.
      out.data[y * img.width + x] = sample(img, cx + dx * cos + dy * sin, cy - dx * sin + dy * cos);
    }
  }
  return out;
}

/** Otsu's threshold of the image's histogram: pixels at or below it are ink. */
export function otsu(img: GrayImage): number {
  const hist = new Float64Array(256);
  for (let i = 0; i < img.data.length; i++) hist[img.data[i]!]++;
  const total = img.data.length;
  let sumAll = 0;
  for (let t = 0; t < 256; t++) sumAll += t * hist[t]!;
  let wB = 0, sumB = 0, best = 0, bestVar = -1;
  for (let t = 0; t < 256; t++) {
    wB += hist[t]!;
    if (wB === 0) continue;
    const wF = total - wB;
    if (wF === 0) break;
    sumB += t * hist[t]!;
    const mB = sumB / wB, mF = (sumAll - sumB) / wF;
    const v = wB * wF * (mB - mF) * (mB - mF);
    if (v > bestVar) { bestVar = v; best = t; }
  }
  return best;
}

/** Ink mask: 1 where the pixel is at or below `threshold`. */
export function binarize(img: GrayImage, threshold: number): Uint8Array {
  const out = new Uint8Array(img.data.length);
  for (let i = 0; i < out.length; i++) out[i] = img.data[i]! <= threshold ? 1 : 0;
  return out;
}
