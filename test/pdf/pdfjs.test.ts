/**
 * How ziping drives pdf.js must change its speed, never what it reads: the font sink (no glyph
 * outlines) gives the same text and operators as pdf.js's Node default, and loading pdf.js leaves
 * V8's own built-ins in place.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const PRODUCERS = path.join(HERE, '../fixtures/producers');

// Taken before anything loads pdf.js (this file imports it only below, dynamically).
const push = Array.prototype.push;
const { parse, stringify } = JSON;

describe('loading pdf.js', () => {
  it('leaves Array.prototype.push, JSON.parse and JSON.stringify as V8 made them', async () => {
    const { RESTORED_NATIVES } = await import('../../src/pdf/pdfjs.js');
    expect(Array.prototype.push).toBe(push);
    expect(JSON.parse).toBe(parse);
    expect(JSON.stringify).toBe(stringify);
    // What core-js added stays: pdf.js calls it.
    expect(typeof (Promise as { withResolvers?: unknown }).withResolvers).toBe('function');
    // pdfjs-dist 5.6 replaces exactly these; a new version that does otherwise should be looked at.
    expect(RESTORED_NATIVES).toEqual(['Array.prototype.push', 'JSON.parse', 'JSON.stringify']);
  });
});

describe('font sink', () => {
  /** Text items and operators of every page, opened one way or the other. */
  async function read(file: string, render: boolean): Promise<{ text: string[]; ops: number[][]; args: string[] }> {
    const { openPdf } = await import('../../src/pdf/document.js');
    const { doc, close } = await openPdf(new Uint8Array(readFileSync(file)), path.basename(file), { render });
    const text: string[] = [], ops: number[][] = [], args: string[] = [];
    try {
      for (let p = 1; p <= doc.numPages; p++) {
        const page = await doc.getPage(p);
        text.push(sameDoc(JSON.stringify((await page.getTextContent()).items)));
        const list = await page.getOperatorList();
        ops.push(list.fnArray);
        args.push(sameDoc(JSON.stringify(list.argsArray, (_k, v: unknown) => (ArrayBuffer.isView(v) ? Array.from(v as Float32Array) : v))));
      }
    } finally {
      await close();
    }
    return { text, ops, args };
  }

  /** Font names carry the document's number (g_d0_f1, g_d1_f1…); the two opens differ only there. */
  const sameDoc = (json: string): string => json.replace(/g_d\d+_/g, 'g_d_');

  for (const name of ['chromium_bordered_01.pdf', 'writer_docx_01.pdf']) {
    it(`gives the same text and operators as glyph outlines do (${name})`, async () => {
      const file = path.join(PRODUCERS, name);
      const sink = await read(file, false);
      const outlines = await read(file, true);
      expect(sink.text.join('').length).toBeGreaterThan(5000);
      expect(sink.text).toEqual(outlines.text);
      expect(sink.ops).toEqual(outlines.ops);
      expect(sink.args).toEqual(outlines.args);
    });
  }
});
