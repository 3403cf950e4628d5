/**
 * The one place pdf.js is loaded. Its legacy build (the one that runs on Node 20) bundles core-js,
 * which replaces a few built-ins of the whole thread with JavaScript versions: `Array.prototype.push`
 * (for engines that mishandle lengths past 2^53 − 1), `JSON.parse` and `JSON.stringify` (for the
 * JSON.rawJSON proposal). pdf.js needs neither fix, yet every push it makes and every result we
 * serialize went through them: 15–20 % of a worker's time. So the display bundle and the worker
 * bundle are loaded here once, together (the in-process "fake worker" takes the loaded worker from
 * `globalThis.pdfjsWorker` instead of importing it later), and then V8's own versions are put back.
 * Everything core-js *adds* (Promise.withResolvers, Map.getOrInsertComputed, …) stays.
 *
 * > **Note**: import pdf.js only through this module, and before anything else that bundles
 * > core-js: built-ins it already replaced would be taken for V8's own and left as they are.
 * > `RESTORED_NATIVES` says what was put back.
 */
const natives = {
  push: Array.prototype.push,
  parse: JSON.parse,
  stringify: JSON.stringify,
};

const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
const worker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
(globalThis as { pdfjsWorker?: unknown }).pdfjsWorker ??= worker;

/** Puts back the V8 built-ins that core-js replaced; returns the names put back. */
function restoreNatives(): string[] {
  const restored: string[] = [];
  const put = <T extends object>(owner: T, key: keyof T & string, value: unknown, name: string): void => {
    if (owner[key] === value) return;
    Object.defineProperty(owner, key, { value, writable: true, configurable: true, enumerable: false });
    restored.push(name);
  };
  put(Array.prototype, 'push', natives.push, 'Array.prototype.push');
  put(JSON, 'parse', natives.parse, 'JSON.parse');
  put(JSON, 'stringify', natives.stringify, 'JSON.stringify');
  return restored;
}

/** Built-ins put back after loading pdf.js (empty when core-js left them alone). */
export const RESTORED_NATIVES: readonly string[] = restoreNatives();

export const { getDocument, OPS } = pdfjs;
export type { PDFDocumentLoadingTask, PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
