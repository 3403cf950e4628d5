/** Which part of the input list a run takes (`--shard i/n`). */
import { UsageError } from '../cli-args.js';

/** Which part of the input list this run takes: `index` in 1..count. */
export interface Shard {
  index: number;
  count: number;
}

/** Parses `i/n` (1 ≤ i ≤ n). */
export function parseShard(text: string): Shard {
  const m = /^(\d+)\/(\d+)$/.exec(text);
  const index = m ? Number(m[1]) : NaN, count = m ? Number(m[2]) : NaN;
  if (!m || count < 1 || index < 1 || index > count) throw new UsageError(`--shard wants i/n with 1 ≤ i ≤ n, not ${text}`);
  return { index, count };
}
