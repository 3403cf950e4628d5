/**
 * Zlib streams that inflate to a chosen size without compressing that many bytes: one block of
 * compressed zeros, ended by a full flush (so it does not depend on what came before), repeated.
 * A 4 GiB bomb is built in milliseconds from a 1 MiB sample.
 */
import { constants, deflateRawSync, deflateSync } from 'node:zlib';

const CHUNK = 1 << 20;

/** Given a size in bytes (a multiple of 1 MiB), returns a zlib stream of that many `fill` bytes. */
export function zlibBomb(inflatedBytes: number, fill = 0x20): Buffer {
  const chunks = Math.max(1, Math.round(inflatedBytes / CHUNK));
  const block = deflateRawSync(Buffer.alloc(CHUNK, fill), { level: 9, finishFlush: constants.Z_FULL_FLUSH });
  const final = deflateRawSync(Buffer.alloc(0), { level: 9 });
  const total = chunks * CHUNK;
  // Adler-32 of `total` bytes of `fill`: a = 1 + total·fill, b = Σ a over the bytes, both mod 65521.
  const MOD = 65521n;
  const n = BigInt(total), f = BigInt(fill);
  const a = (1n + n * f) % MOD;
  const b = (n + f * ((n * (n + 1n)) / 2n)) % MOD;
  const adler = Buffer.alloc(4);
  adler.writeUInt32BE(Number((b << 16n) | a));
  return Buffer.concat([Buffer.from([0x78, 0xda]), ...Array<Buffer>(chunks).fill(block), final, adler]);
}

/** A zlib stream of a zlib stream: the outer layer makes the bomb itself tiny. */
export function nestedZlibBomb(inflatedBytes: number, fill = 0x20): Buffer {
  return deflateSync(zlibBomb(inflatedBytes, fill), { level: 9 });
}
