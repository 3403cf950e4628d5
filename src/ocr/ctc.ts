/**
 * CTC decoding of the recogniser's output (one probability row per time step over the classes,
 * class 0 the blank): the best path with each character's confidence, and the next most likely
 * readings by prefix beam search (Graves et al.; Hannun et al., "First-Pass Large Vocabulary
 * Continuous Speech Recognition using Bi-Directional Recurrent DNNs"), which are what the
 * recogniser itself would have read instead.
 */

/** One reading of a text line. */
export interface Reading {
  text: string;
  /** Probability of the reading summed over its alignments (beam search), or of the best path. */
  p: number;
}

export interface Decoded {
  text: string;
  /** Confidence of each character of `text` (its best time step's probability). */
  chars: number[];
  /** For each character, the most likely other class at that step and its probability. */
  seconds: Array<{ char: string; p: number }>;
  /** Other readings, most likely first, each with its probability relative to the best (≤ 1). */
  alternatives: Reading[];
}

/**
 * Decodes rows [t0, t0 + steps) of `probs` (steps × classes). Alternatives are searched only for
 * lines of at most `beamMaxChars` characters (numbers, short labels), with `beamWidth` prefixes.
 */
export function decodeCtc(
  probs: Float32Array,
  offset: number,
  steps: number,
  classes: number,
  charset: readonly string[],
  opts: { beamWidth?: number; beamMaxChars?: number; minP?: number } = {},
): Decoded {
  const chars: number[] = [];
  const seconds: Array<{ char: string; p: number }> = [];
  let text = '';
  let prev = 0;
  const stepBest = new Int32Array(steps);
  for (let t = 0; t < steps; t++) {
    const row = offset + t * classes;
    let best = 0, bp = -1, second = 0, sp = -1;
    for (let c = 0; c < classes; c++) {
      const p = probs[row + c]!;
      if (p > bp) { second = best; sp = bp; best = c; bp = p; } else if (p > sp) { second = c; sp = p; }
    }
    stepBest[t] = best;
    if (best !== 0 && best !== prev) {
      text += charset[best] ?? '';
      chars.push(bp);
      seconds.push({ char: second === 0 ? '' : (charset[second] ?? ''), p: sp });
    } else if (best !== 0 && best === prev && chars.length) {
      // The same character over several steps: keep its best step.
      if (bp > chars[chars.length - 1]!) {
        chars[chars.length - 1] = bp;
        seconds[seconds.length - 1] = { char: second === 0 ? '' : (charset[second] ?? ''), p: sp };
      }
    }
    prev = best;
  }
  const maxChars = opts.beamMaxChars ?? 24;
  const alternatives = Array.from(text).length <= maxChars && text !== ''
    ? beamSearch(probs, offset, steps, classes, charset, opts.beamWidth ?? 8, opts.minP ?? 1e-3).filter((r) => r.text !== text)
    : [];
  return { text, chars, seconds, alternatives };
}

interface Beam {
  /** Probability of the prefix ending in a blank, and in its last character. */
  pb: number;
  pnb: number;
  last: number;
}

/** Prefix beam search over the classes with probability ≥ `minP` at each step. */
function beamSearch(probs: Float32Array, offset: number, steps: number, classes: number, charset: readonly string[], width: number, minP: number): Reading[] {
  let beams = new Map<string, Beam>([['', { pb: 1, pnb: 0, last: -1 }]]);
  for (let t = 0; t < steps; t++) {
    const row = offset + t * classes;
    const cands: Array<[number, number]> = [];
    for (let c = 0; c < classes; c++) {
      const p = probs[row + c]!;
      if (p >= minP) cands.push([c, p]);
    }
    const next = new Map<string, Beam>();
    const get = (prefix: string, last: number): Beam => {
      let b = next.get(prefix);
      if (!b) next.set(prefix, (b = { pb: 0, pnb: 0, last }));
      return b;
    };
    for (const [prefix, b] of beams) {
      for (const [c, p] of cands) {
        if (c === 0) {
          get(prefix, b.last).pb += (b.pb + b.pnb) * p;
        } else if (c === b.last) {
          // Repeating the last character: stays the same prefix, unless a blank separated them.
          get(prefix, c).pnb += b.pnb * p;
          get(prefix + charset[c], c).pnb += b.pb * p;
        } else {
          get(prefix + (charset[c] ?? ''), c).pnb += (b.pb + b.pnb) * p;
        }
      }
    }
    beams = new Map([...next.entries()].sort((a, z) => z[1].pb + z[1].pnb - (a[1].pb + a[1].pnb)).slice(0, width));
  }
  const all = [...beams.entries()].map(([text, b]) => ({ text, p: b.pb + b.pnb })).sort((a, z) => z.p - a.p);
  const top = all[0]?.p ?? 1;
  return all.filter((r) => r.text !== '').map((r) => ({ text: r.text, p: r.p / top }));
}
