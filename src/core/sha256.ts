/**
 * SHA-256 (FIPS 180-4) of bytes, as lowercase hex: the input's fingerprint in
 * `source.sha256` (and the METS checksum), which must stay SHA-256.
 *
 * Why our own: loading node:crypto (and the streams it brings) costs a
 * one-page run ~6 ms of CPU, a third of what the page's parse costs; the edge
 * (src/index.ts) hashes pages up to a size here and larger ones with
 * node:crypto. Why WebAssembly: the same rounds in JavaScript run in V8's
 * interpreter on a cold start and take 5-9 ms for a 12 KB page; V8 compiles
 * this module to machine code at once (~0.3 ms with hashing a page).
 */

/** The initial hash value: the first 32 bits of the fractional parts of the square roots of the first 8 primes. */
const H0 = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];

// Where the module keeps things in its memory (one 64 KiB page): the state H (8 words) at 0, its message
// schedule and constants below 1024, and the blocks to compress from BLOCKS_AT to the end of the page.
const BLOCKS_AT = 1024;
const BLOCKS_PER_CALL = (65536 - BLOCKS_AT) / 64;

/**
 * The module: one function, `c(n)`, compresses the n 64-byte blocks at BLOCKS_AT into the state at 0;
 * its memory is exported as `m`. Written instruction by instruction, with the reasons for its layout,
 * by scripts/make-sha256-wasm.mjs (tests/unit/sha256.test.ts checks these bytes are what it writes); its
 * rotations are shifts (the script says why).
 */
export const SHA256_WASM = new Uint8Array([
  0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 1, 127, 0, 3, 2, 1, 0, 5, 3, 1, 0, 1,
  7, 9, 2, 1, 109, 2, 0, 1, 99, 0, 0, 10, 169, 4, 1, 166, 4, 1, 12, 127, 65, 128, 8, 33,
  1, 2, 64, 3, 64, 32, 0, 69, 13, 1, 65, 0, 33, 2, 3, 64, 32, 2, 32, 1, 32, 2, 106, 40,
  2, 0, 33, 12, 32, 12, 65, 8, 118, 32, 12, 65, 24, 116, 114, 65, 128, 254, 131, 120, 113, 32, 12, 65,
  24, 118, 32, 12, 65, 8, 116, 114, 65, 255, 129, 252, 7, 113, 114, 54, 2, 64, 32, 2, 65, 4, 106, 34,
  2, 65, 192, 0, 73, 13, 0, 11, 3, 64, 32, 2, 32, 2, 40, 2, 0, 32, 2, 40, 2, 4, 33, 12,
  32, 12, 65, 7, 118, 32, 12, 65, 25, 116, 114, 32, 12, 65, 18, 118, 32, 12, 65, 14, 116, 114, 115, 32,
  12, 65, 3, 118, 115, 106, 32, 2, 40, 2, 36, 106, 32, 2, 40, 2, 56, 33, 12, 32, 12, 65, 17, 118,
  32, 12, 65, 15, 116, 114, 32, 12, 65, 19, 118, 32, 12, 65, 13, 116, 114, 115, 32, 12, 65, 10, 118, 115,
  106, 54, 2, 64, 32, 2, 65, 4, 106, 34, 2, 65, 128, 2, 73, 13, 0, 11, 65, 0, 40, 2, 0, 33,
  3, 65, 0, 40, 2, 4, 33, 4, 65, 0, 40, 2, 8, 33, 5, 65, 0, 40, 2, 12, 33, 6, 65, 0,
  40, 2, 16, 33, 7, 65, 0, 40, 2, 20, 33, 8, 65, 0, 40, 2, 24, 33, 9, 65, 0, 40, 2, 28,
  33, 10, 65, 0, 33, 2, 3, 64, 32, 10, 32, 7, 65, 6, 118, 32, 7, 65, 26, 116, 114, 32, 7, 65,
  11, 118, 32, 7, 65, 21, 116, 114, 115, 32, 7, 65, 25, 118, 32, 7, 65, 7, 116, 114, 115, 106, 32, 7,
  32, 8, 113, 32, 7, 65, 127, 115, 32, 9, 113, 115, 106, 32, 2, 40, 2, 192, 2, 106, 32, 2, 40, 2,
  64, 106, 33, 11, 32, 9, 33, 10, 32, 8, 33, 9, 32, 7, 33, 8, 32, 6, 32, 11, 106, 33, 7, 32,
  5, 33, 6, 32, 4, 33, 5, 32, 11, 32, 3, 65, 2, 118, 32, 3, 65, 30, 116, 114, 32, 3, 65, 13,
  118, 32, 3, 65, 19, 116, 114, 115, 32, 3, 65, 22, 118, 32, 3, 65, 10, 116, 114, 115, 106, 32, 3, 32,
  5, 113, 32, 3, 32, 6, 113, 115, 32, 5, 32, 6, 113, 115, 106, 32, 3, 33, 4, 33, 3, 32, 2, 65,
  4, 106, 34, 2, 65, 128, 2, 73, 13, 0, 11, 65, 0, 65, 0, 40, 2, 0, 32, 3, 106, 54, 2, 0,
  65, 0, 65, 0, 40, 2, 4, 32, 4, 106, 54, 2, 4, 65, 0, 65, 0, 40, 2, 8, 32, 5, 106, 54,
  2, 8, 65, 0, 65, 0, 40, 2, 12, 32, 6, 106, 54, 2, 12, 65, 0, 65, 0, 40, 2, 16, 32, 7,
  106, 54, 2, 16, 65, 0, 65, 0, 40, 2, 20, 32, 8, 106, 54, 2, 20, 65, 0, 65, 0, 40, 2, 24,
  32, 9, 106, 54, 2, 24, 65, 0, 65, 0, 40, 2, 28, 32, 10, 106, 54, 2, 28, 32, 1, 65, 192, 0,
  106, 33, 1, 32, 0, 65, 1, 107, 33, 0, 12, 0, 11, 11, 11, 11, 136, 2, 1, 0, 65, 192, 2, 11,
  128, 2, 152, 47, 138, 66, 145, 68, 55, 113, 207, 251, 192, 181, 165, 219, 181, 233, 91, 194, 86, 57, 241, 17,
  241, 89, 164, 130, 63, 146, 213, 94, 28, 171, 152, 170, 7, 216, 1, 91, 131, 18, 190, 133, 49, 36, 195, 125,
  12, 85, 116, 93, 190, 114, 254, 177, 222, 128, 167, 6, 220, 155, 116, 241, 155, 193, 193, 105, 155, 228, 134, 71,
  190, 239, 198, 157, 193, 15, 204, 161, 12, 36, 111, 44, 233, 45, 170, 132, 116, 74, 220, 169, 176, 92, 218, 136,
  249, 118, 82, 81, 62, 152, 109, 198, 49, 168, 200, 39, 3, 176, 199, 127, 89, 191, 243, 11, 224, 198, 71, 145,
  167, 213, 81, 99, 202, 6, 103, 41, 41, 20, 133, 10, 183, 39, 56, 33, 27, 46, 252, 109, 44, 77, 19, 13,
  56, 83, 84, 115, 10, 101, 187, 10, 106, 118, 46, 201, 194, 129, 133, 44, 114, 146, 161, 232, 191, 162, 75, 102,
  26, 168, 112, 139, 75, 194, 163, 81, 108, 199, 25, 232, 146, 209, 36, 6, 153, 214, 133, 53, 14, 244, 112, 160,
  106, 16, 22, 193, 164, 25, 8, 108, 55, 30, 76, 119, 72, 39, 181, 188, 176, 52, 179, 12, 28, 57, 74, 170,
  216, 78, 79, 202, 156, 91, 243, 111, 46, 104, 238, 130, 143, 116, 111, 99, 165, 120, 20, 120, 200, 132, 8, 2,
  199, 140, 250, 255, 190, 144, 235, 108, 80, 164, 247, 163, 249, 190, 242, 120, 113, 198,
]);

/** What this file uses of the WebAssembly API (the project builds without the DOM library that declares it). */
declare const WebAssembly:
  | {
      Module: new (bytes: Uint8Array) => object;
      Instance: new (module: object) => { exports: Record<string, unknown> };
    }
  | undefined;

interface Engine {
  memory: { buffer: ArrayBuffer };
  compress: (blocks: number) => void;
}

let engine: Engine | null | undefined;

function compiled(): Engine | null {
  if (engine === undefined) {
    // No WebAssembly (node --jitless): the caller hashes another way.
    if (typeof WebAssembly !== 'object') return (engine = null);
    try {
      const { exports } = new WebAssembly.Instance(new WebAssembly.Module(SHA256_WASM));
      engine = { memory: exports.m as Engine['memory'], compress: exports.c as Engine['compress'] };
    } catch {
      // An embedder may forbid compiling WebAssembly (a CSP without wasm-unsafe-eval): hashed another way, as above.
      engine = null;
    }
  }
  return engine;
}

/** The SHA-256 of `bytes` in lowercase hex; null where WebAssembly is not available. */
export function sha256Hex(bytes: Uint8Array): string | null {
  const e = compiled();
  if (!e) return null;
  const heap = new Uint8Array(e.memory.buffer);
  const state = new DataView(e.memory.buffer, 0, 32);
  for (let k = 0; k < 8; k++) state.setInt32(4 * k, H0[k]!, true);
  const n = bytes.length;
  let at = 0;
  while (n - at >= 64) {
    const blocks = Math.min((n - at) >>> 6, BLOCKS_PER_CALL);
    heap.set(bytes.subarray(at, at + blocks * 64), BLOCKS_AT);
    e.compress(blocks);
    at += blocks * 64;
  }
  // The rest, a 1 bit, zeros, and the message's length in bits as 64 bits big-endian: one or two blocks.
  const rest = n - at;
  const tail = new Uint8Array(rest + 9 <= 64 ? 64 : 128);
  tail.set(bytes.subarray(at));
  tail[rest] = 0x80;
  const bits = new DataView(tail.buffer);
  bits.setUint32(tail.length - 8, Math.floor(n / 0x20000000));
  bits.setUint32(tail.length - 4, (n << 3) >>> 0);
  heap.set(tail, BLOCKS_AT);
  e.compress(tail.length >>> 6);
  let hex = '';
  for (let k = 0; k < 8; k++) hex += state.getUint32(4 * k, true).toString(16).padStart(8, '0');
  return hex;
}
