/**
 * The hostile corpus (issue 12): every attack that once hurt ziping, generated at test time from a
 * good dump and the fixtures, never committed as big binaries. `writeHostileCorpus` lays it out in
 * a folder, good files and hostile ones mixed:
 *
 *   good/                  copies of the good inputs given (their records must not change)
 *   hostile/bombs/         PDFs whose streams inflate to gigabytes (Flate, Flate in Flate, an image)
 *   hostile/hidden/        a "1" drawn invisible, white on white, transparent, in one line with
 *                          the number it falsifies; white on a dark cell (visible); an OCR'd scan
 *   hostile/grids/         a page ruled 1000 × 1000
 *   hostile/dumps/         a large dump; one bad byte; cut mid-character; half UTF-8, half GBK; a
 *                          NUL byte; comma- and tab-separated .csv; binary junk named .txt
 *   hostile/names/         a GBK name (not UTF-8), a name with terminal escape sequences, "-x.txt"
 *   hostile/entries/       a dot-file, an unsupported type, a FIFO, symbolic links (to a file, to a
 *                          folder, broken), an unreadable folder
 *
 *   node dist/hostile/corpus.js <dir> [--dump-mb N] [--no-bombs] [good files…]
 *
 * Concurrent runs and malformed cache entries are made by the tests themselves (test/hostile/).
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import { binaryJunk, cutMidCharacter, halfUtf8HalfGbk, oneBadByte, repeatedDump, toCommaCsv, withNul } from './dumps.js';
import { bombPdf, hiddenDigitPdf, hugeGridPdf, imageBombPdf, ocrLayerPdf } from './pdfs.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** What to generate. */
export interface CorpusOptions {
  /** Good inputs copied into good/ (their records are the reference). */
  good: readonly string[];
  /** A good UTF-8 dump the messy dumps are made from. */
  dump: string;
  /** Size of the large dump, in MiB (0: none). */
  dumpMb?: number;
  /** What the bombs inflate to, in MiB (0: no bombs). */
  bombMb?: number;
  /** Whether to make the FIFO and the unreadable folder (they need a POSIX file system). */
  specialEntries?: boolean;
}

/** One generated input and what ziping must make of it. */
export interface CorpusEntry {
  /** Path relative to the corpus folder, as ziping shows it (decoded as well as possible). */
  path: string;
  /** `read`: read, with status ok or flagged; `failed` with an error code; `skipped` with a reason. */
  expect: { status: 'read' } | { status: 'failed'; code: string } | { status: 'skipped'; reason: string };
}

/** Writes the corpus into `dir`; returns what each input is expected to give. */
export function writeHostileCorpus(dir: string, opts: CorpusOptions): CorpusEntry[] {
  const entries: CorpusEntry[] = [];
  const put = (rel: string, data: Buffer | string, expect: CorpusEntry['expect']): void => {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), data);
    entries.push({ path: rel, expect });
  };
  for (const f of opts.good) {
    mkdirSync(path.join(dir, 'good'), { recursive: true });
    copyFileSync(f, path.join(dir, 'good', path.basename(f)));
    entries.push({ path: `good/${path.basename(f)}`, expect: { status: 'read' } });
  }
  const bombMb = opts.bombMb ?? 2048;
  if (bombMb > 0) {
    put('hostile/bombs/flate.pdf', bombPdf(bombMb), { status: 'failed', code: 'too_large' });
    put('hostile/bombs/flate-in-flate.pdf', bombPdf(bombMb * 2, true), { status: 'failed', code: 'too_large' });
    // pdf.js declines to decode an image this large: the page is an image without text.
    put('hostile/bombs/image.pdf', imageBombPdf(Math.min(bombMb, 1024)), { status: 'failed', code: 'ocr_required' });
  }
  // Not forms: each is read (no table found), and its hidden text is reported.
  for (const how of ['invisible', 'white', 'transparent', 'invisible-same-line', 'white-on-dark'] as const) {
    put(`hostile/hidden/${how}.pdf`, hiddenDigitPdf(how), { status: 'failed', code: 'no_table' });
  }
  put('hostile/hidden/ocr-layer.pdf', ocrLayerPdf(), { status: 'failed', code: 'no_table' });
  put('hostile/grids/ruled-1000x1000.pdf', hugeGridPdf(1000), { status: 'failed', code: 'ocr_required' });

  const utf8 = readFileSync(opts.dump);
  const text = utf8.toString('utf8');
  if ((opts.dumpMb ?? 0) > 0) put('hostile/dumps/large.txt', repeatedDump(utf8, opts.dumpMb! * 2 ** 20), { status: 'read' });
  // Each messy dump differs from the good one (else it would be skipped as a duplicate).
  put('hostile/dumps/one-bad-byte.txt', oneBadByte(utf8), { status: 'read' });
  put('hostile/dumps/cut-mid-character.txt', cutMidCharacter(utf8), { status: 'read' });
  put('hostile/dumps/half-utf8-half-gbk.txt', halfUtf8HalfGbk(text), { status: 'read' });
  put('hostile/dumps/nul-byte.txt', withNul(utf8), { status: 'read' });
  put('hostile/dumps/comma.csv', toCommaCsv(text), { status: 'read' });
  put('hostile/dumps/tab.csv', Buffer.concat([utf8, Buffer.from('\n')]), { status: 'read' });
  put('hostile/dumps/junk.txt', binaryJunk(64 << 10), { status: 'failed', code: 'binary_file' });

  // Names: GBK bytes (not UTF-8), terminal escape sequences, a leading dash.
  const gbkName = Buffer.concat([Buffer.from(path.join(dir, 'hostile/names/')), iconv.encode('绩效自评表.txt', 'gbk')]);
  mkdirSync(path.join(dir, 'hostile/names'), { recursive: true });
  writeFileSync(gbkName, Buffer.concat([utf8, Buffer.from('\n\n')]));
  entries.push({ path: 'hostile/names/绩效自评表.txt', expect: { status: 'read' } });
  put('hostile/names/\u001b[31mred\u001b[0m\u001b]0;owned\u0007.txt', Buffer.concat([utf8, Buffer.from('\n\n\n')]), { status: 'read' });
  put('hostile/names/-x.txt', Buffer.concat([utf8, Buffer.from('\n\n\n\n')]), { status: 'read' });

  // Folder entries that are not inputs: each is reported as skipped (or failed) with its reason.
  put('hostile/entries/.hidden.txt', 'x', { status: 'skipped', reason: 'hidden' });
  put('hostile/entries/notes.docx', 'x', { status: 'skipped', reason: 'unsupported_type' });
  symlinkSync('../dumps/tab.csv', path.join(dir, 'hostile/entries/link-to-file.csv'));
  entries.push({ path: 'hostile/entries/link-to-file.csv', expect: { status: 'skipped', reason: 'duplicate' } });
  symlinkSync('../dumps', path.join(dir, 'hostile/entries/link-to-folder'));
  entries.push({ path: 'hostile/entries/link-to-folder', expect: { status: 'skipped', reason: 'symlinked_folder' } });
  symlinkSync('missing.txt', path.join(dir, 'hostile/entries/broken-link.txt'));
  entries.push({ path: 'hostile/entries/broken-link.txt', expect: { status: 'failed', code: 'read_failed' } });
  if (opts.specialEntries ?? true) {
    execFileSync('mkfifo', [path.join(dir, 'hostile/entries/fifo.txt')]);
    entries.push({ path: 'hostile/entries/fifo.txt', expect: { status: 'skipped', reason: 'not_a_file' } });
    put('hostile/entries/unreadable/inside.txt', utf8, { status: 'read' });
    entries.pop(); // the file inside is never seen: the folder is one failed entry
    chmodSync(path.join(dir, 'hostile/entries/unreadable'), 0o000);
    entries.push({ path: 'hostile/entries/unreadable', expect: { status: 'failed', code: 'read_failed' } });
  }
  return entries.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** The good inputs of the repository: the sample dump and the producer fixtures. */
export function defaultGood(): string[] {
  const producers = path.join(ROOT, 'test/fixtures/producers');
  return [path.join(ROOT, 'samples/shanghai_rsj_2023_dump.txt'), ...['chromium_bordered_01.pdf', 'chromium_multi_01.pdf', 'writer_docx_01.pdf'].map((f) => path.join(producers, f))];
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const dir = args.shift();
  if (!dir) {
    process.stderr.write('usage: node dist/hostile/corpus.js <dir> [--dump-mb N] [--bomb-mb N] [good files…]\n');
    process.exit(2);
  }
  let dumpMb = 20, bombMb = 2048;
  const good: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--dump-mb') dumpMb = Number(args[++i]);
    else if (args[i] === '--bomb-mb') bombMb = Number(args[++i]);
    else good.push(args[i]!);
  }
  const entries = writeHostileCorpus(dir, { good: good.length ? good : defaultGood(), dump: path.join(ROOT, 'samples/shanghai_rsj_2023_dump.txt'), dumpMb, bombMb });
  for (const e of entries) process.stdout.write(`${JSON.stringify(e)}\n`);
}
