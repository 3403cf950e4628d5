/**
 * Where the installed pdfjs-dist keeps its CMaps, standard fonts and wasm decoders. Kept apart
 * from pdf.js itself so that code which loads pdf.js its own way (the benchmark's naive loop) can
 * find them too.
 */
import { createRequire } from 'node:module';
import path from 'node:path';

export interface PdfjsAssetDirs {
  cMapUrl: string;
  standardFontDataUrl: string;
  wasmUrl: string;
}

let assetDirs: PdfjsAssetDirs | null = null;

/** Directories of the pdfjs-dist assets, as file paths with a trailing slash (what pdf.js 5 wants in Node). */
export function pdfjsAssetDirs(): PdfjsAssetDirs {
  if (!assetDirs) {
    const root = path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
    assetDirs = {
      cMapUrl: path.join(root, 'cmaps') + path.sep,
      standardFontDataUrl: path.join(root, 'standard_fonts') + path.sep,
      wasmUrl: path.join(root, 'wasm') + path.sep,
    };
  }
  return assetDirs;
}
