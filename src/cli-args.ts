/** Parsing of command-line values (durations, sizes, counts); errors are `UsageError`s. */

/** A mistake in the command line: the message is printed with the usage. */
export class UsageError extends Error {}

/** Parses 90, 90s, 1500ms, 2m, 1h into milliseconds (plain numbers are seconds). */
export function parseDurationMs(text: string): number {
  const m = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/.exec(text.trim());
  if (!m) throw new UsageError(`not a duration: ${text}`);
  const unit = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[(m[2] ?? 's') as 'ms' | 's' | 'm' | 'h'];
  return Math.max(1, Math.round(Number(m[1]) * unit));
}

/** Parses 200MB, 1.5GB, 500k, 1024 into bytes (units are powers of 1024; plain numbers are bytes). */
export function parseBytes(text: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*(b|k|kb|kib|m|mb|mib|g|gb|gib)?$/i.exec(text.trim());
  if (!m) throw new UsageError(`not a size: ${text}`);
  const u = (m[2] ?? 'b').toLowerCase()[0]!;
  return Math.round(Number(m[1]) * ({ b: 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 } as Record<string, number>)[u]!);
}

/** Parses a memory size for --max-memory into MiB: 500MB, 2GB, 512 (plain numbers are MiB). */
export function parseMemoryMb(text: string): number {
  const mb = /^\d+(?:\.\d+)?$/.test(text.trim()) ? Number(text) : parseBytes(text) / 2 ** 20;
  if (!(mb >= 1)) throw new UsageError(`--max-memory wants a size of at least 1 MiB, not ${text}`);
  return Math.floor(mb);
}

export function positiveInt(flag: string, text: string | undefined): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`${flag} wants a positive whole number, not ${text}`);
  return n;
}
