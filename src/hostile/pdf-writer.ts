/**
 * A minimal PDF writer for the hostile corpus: numbered objects, streams with any filter chain,
 * a classic cross-reference table. It writes what a test needs to say exactly (a stream that
 * inflates to gigabytes, text in render mode 3, a 1000 × 1000 grid), not what a producer would.
 */
import { deflateSync } from 'node:zlib';

/** A PDF object written verbatim (dictionary, array, number …), or a stream with its dictionary. */
export type PdfObject = string | { dict: string; data: Uint8Array };

/** Builds a document object by object; `ref(n)` is "n 0 R". */
export class PdfWriter {
  private readonly objects: PdfObject[] = [];

  /** Reserves an object number (filled later with `set`). */
  reserve(): number {
    this.objects.push('null');
    return this.objects.length;
  }

  /** Adds an object; returns its number. */
  add(obj: PdfObject): number {
    this.objects.push(obj);
    return this.objects.length;
  }

  /** Replaces a reserved object. */
  set(num: number, obj: PdfObject): void {
    this.objects[num - 1] = obj;
  }

  /** Serialises the document with `root` as its catalog. */
  toBytes(root: number): Buffer {
    const parts: Buffer[] = [Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
    let size = parts[0]!.length;
    const offsets: number[] = [];
    const push = (b: Buffer): void => {
      parts.push(b);
      size += b.length;
    };
    this.objects.forEach((obj, i) => {
      offsets.push(size);
      if (typeof obj === 'string') push(Buffer.from(`${i + 1} 0 obj\n${obj}\nendobj\n`, 'latin1'));
      else {
        push(Buffer.from(`${i + 1} 0 obj\n<< ${obj.dict} /Length ${obj.data.length} >>\nstream\n`, 'latin1'));
        push(Buffer.from(obj.data.buffer, obj.data.byteOffset, obj.data.byteLength));
        push(Buffer.from('\nendstream\nendobj\n', 'latin1'));
      }
    });
    const xref = size;
    const lines = [`xref\n0 ${this.objects.length + 1}\n0000000000 65535 f \n`, ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`)];
    push(Buffer.from(`${lines.join('')}trailer\n<< /Size ${this.objects.length + 1} /Root ${root} 0 R >>\nstartxref\n${xref}\n%%EOF\n`, 'latin1'));
    return Buffer.concat(parts);
  }
}

/** "n 0 R". */
export function ref(num: number): string {
  return `${num} 0 R`;
}

/** A PDF string literal of Latin-1 text, escaped. */
export function pdfString(text: string): string {
  return `(${text.replace(/[\\()]/g, '\\$&')})`;
}

/** A PDF hex string of the UTF-16BE code units of `text` (for fonts with the UniGB-UCS2-H CMap). */
export function ucs2Hex(text: string): string {
  let hex = '';
  for (let i = 0; i < text.length; i++) hex += text.charCodeAt(i).toString(16).padStart(4, '0');
  return `<${hex}>`;
}

/** Font resources every generated page may use: /Helv (Helvetica) and /Song (a CJK font, not embedded). */
export function standardFonts(w: PdfWriter): string {
  const helv = w.add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  const desc = w.add('<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>');
  const cid = w.add(`<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /FontDescriptor ${ref(desc)} /DW 1000 >>`);
  const song = w.add(`<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [${ref(cid)}] >>`);
  return `<< /Helv ${ref(helv)} /Song ${ref(song)} >>`;
}

/** One page: its content (one stream or several) and extra resources. */
export interface PageSpec {
  content: Uint8Array | string | Array<{ dict: string; data: Uint8Array }>;
  /** Extra entries of the /Resources dictionary (besides /Font). */
  resources?: string;
  width?: number;
  height?: number;
}

/**
 * Writes a document of `pages` (A4 by default) and returns its bytes; `shared` may add objects
 * and returns resource entries every page gets (an image: `/XObject << /Im1 7 0 R >>`).
 */
export function buildPdf(pages: readonly PageSpec[], shared?: (w: PdfWriter) => string): Buffer {
  const w = new PdfWriter();
  const catalog = w.reserve();
  const tree = w.reserve();
  const fonts = standardFonts(w);
  const common = shared?.(w) ?? '';
  const kids: number[] = [];
  for (const p of pages) {
    const streams = typeof p.content === 'string' || p.content instanceof Uint8Array
      ? [w.add({ dict: '', data: typeof p.content === 'string' ? Buffer.from(p.content, 'latin1') : p.content })]
      : p.content.map((s) => w.add(s));
    const contents = streams.length === 1 ? ref(streams[0]!) : `[${streams.map(ref).join(' ')}]`;
    kids.push(w.add(`<< /Type /Page /Parent ${ref(tree)} /MediaBox [0 0 ${p.width ?? 595} ${p.height ?? 842}] /Resources << /Font ${fonts} ${common} ${p.resources ?? ''} >> /Contents ${contents} >>`));
  }
  w.set(tree, `<< /Type /Pages /Kids [${kids.map(ref).join(' ')}] /Count ${kids.length} >>`);
  w.set(catalog, `<< /Type /Catalog /Pages ${ref(tree)} >>`);
  return w.toBytes(catalog);
}

/** A FlateDecode stream object of `data`. */
export function flate(data: Uint8Array | string): { dict: string; data: Uint8Array } {
  return { dict: '/Filter /FlateDecode', data: deflateSync(typeof data === 'string' ? Buffer.from(data, 'latin1') : data) };
}
