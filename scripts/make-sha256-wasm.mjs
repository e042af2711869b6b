// Writes the WebAssembly module of src/core/sha256.ts (SHA-256's compression function, FIPS 180-4 §6.2.2),
// instruction by instruction, and prints it as the byte list that file holds. Why the bytes are
// committed rather than written at start-up: in a cold process this code runs in V8's interpreter
// (~0.8 ms for the ~860 bytes, against ~0.01 ms for a literal). tests/unit/sha256.test.ts checks that
// the committed bytes are what this writes, and the hashes against node:crypto.
// Run: node scripts/make-sha256-wasm.mjs, and paste its output into src/core/sha256.ts (SHA256_WASM).
import { fileURLToPath } from 'node:url';

// The first 32 bits of the fractional parts of the cube roots of the first 64 primes.
const K = [
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be,
  0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa,
  0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85,
  0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3,
  0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f,
  0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
];

// The module's memory (one 64 KiB page): the state H (8 words) at 0, the message schedule W (64 words)
// at 64, the constants K at 320, and the blocks to compress from 1024 to the end of the page.
const W_AT = 64;
const K_AT = 320;
const BLOCKS_AT = 1024;

// The module is written into one array by these emitters (one WebAssembly instruction each, or a helper's few).
let out = [];
const emit = (...bytes) => {
  for (const b of bytes) out.push(b);
};
const get = (local) => emit(0x20, local);
const set = (local) => emit(0x21, local);
const tee = (local) => emit(0x22, local);
const load = (offset) => (emit(0x28, 2), uleb(offset));
const store = (offset) => (emit(0x36, 2), uleb(offset));
const i32 = (value) => (emit(0x41), sleb(value));
const op = (code) => emit(code);
const [EQZ, LT_U, ADD, SUB, AND, OR, XOR, SHL, SHR_U] = [0x45, 0x49, 0x6a, 0x6b, 0x71, 0x72, 0x73, 0x74, 0x76];
/**
 * Local `x` rotated right by `r` bits, as two shifts and an or: V8's baseline compiler (Liftoff, which runs
 * a one-page hash: the module is called twice, too few for its optimizing tier) makes each i32.rotr a call
 * into C, ~30 instructions where a shift is one — ~3.5 million instructions of a 12 KB page's hash.
 */
const rotr = (x, r) => (get(x), i32(r), op(SHR_U), get(x), i32(32 - r), op(SHL), op(OR));
const [BLOCK, LOOP, END, BR, BR_IF] = [0x02, 0x03, 0x0b, 0x0c, 0x0d];
/** A block or loop with no result. */
const begin = (kind) => emit(kind, 0x40);
const branch = (kind, depth) => emit(kind, depth);

function uleb(n) {
  do {
    const byte = n & 0x7f;
    n >>>= 7;
    out.push(n === 0 ? byte : byte | 0x80);
  } while (n !== 0);
}

function sleb(n) {
  n |= 0;
  for (;;) {
    const byte = n & 0x7f;
    n >>= 7;
    if ((n === 0 && (byte & 0x40) === 0) || (n === -1 && (byte & 0x40) !== 0)) return void out.push(byte);
    out.push(byte | 0x80);
  }
}

/** What `write` emits, after its length. */
function sized(write) {
  const outer = out;
  out = [];
  write();
  const bytes = out;
  out = outer;
  uleb(bytes.length);
  for (const b of bytes) out.push(b);
}

/** A section of the module: its id, then its bytes with their length. */
function section(id, write) {
  out.push(id);
  sized(write);
}

/** rotr(x, r1) ^ rotr(x, r2) ^ (x `last` s): the σ (last = SHR_U) and Σ (last = 'rotr') functions of the standard. */
function sigma(x, r1, r2, s, last) {
  rotr(x, r1), rotr(x, r2), op(XOR);
  if (last === SHR_U) get(x), i32(s), op(SHR_U);
  else rotr(x, s);
  op(XOR);
}

/** The body of `compress(n)`: the n blocks at BLOCKS_AT into the state H. */
function compressBody() {
  const [n, p, i, a, b, c, d, e, f, g, h, t1, x] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
  const vars = [a, b, c, d, e, f, g, h];
  emit(1, 12, 0x7f); // one group of 12 i32 locals after the parameter n
  i32(BLOCKS_AT), set(p);
  begin(BLOCK), begin(LOOP);
  get(n), op(EQZ), branch(BR_IF, 1);
  // W[0..15]: the block's words, big-endian (the memory is little-endian: swap the bytes).
  i32(0), set(i);
  begin(LOOP);
  get(i);
  get(p), get(i), op(ADD), load(0), set(x), rotr(x, 8), i32(0xff00ff00), op(AND);
  rotr(x, 24), i32(0x00ff00ff), op(AND), op(OR);
  store(W_AT);
  get(i), i32(4), op(ADD), tee(i), i32(64), op(LT_U), branch(BR_IF, 0);
  op(END);
  // W[16..63] = W[j-16] + σ0(W[j-15]) + W[j-7] + σ1(W[j-2]); W[j] is at W_AT + i (i = 4j, from 64 on here).
  begin(LOOP);
  get(i);
  get(i), load(0);
  get(i), load(4), set(x), sigma(x, 7, 18, 3, SHR_U), op(ADD);
  get(i), load(36), op(ADD);
  get(i), load(56), set(x), sigma(x, 17, 19, 10, SHR_U), op(ADD);
  store(W_AT);
  get(i), i32(4), op(ADD), tee(i), i32(256), op(LT_U), branch(BR_IF, 0);
  op(END);
  for (let k = 0; k < 8; k++) i32(0), load(4 * k), set(vars[k]);
  // The 64 rounds.
  i32(0), set(i);
  begin(LOOP);
  // t1 = h + Σ1(e) + Ch(e, f, g) + K[j] + W[j]
  get(h), sigma(e, 6, 11, 25, 'rotr'), op(ADD);
  get(e), get(f), op(AND), get(e), i32(-1), op(XOR), get(g), op(AND), op(XOR), op(ADD);
  get(i), load(K_AT), op(ADD);
  get(i), load(W_AT), op(ADD);
  set(t1);
  // h = g, g = f, f = e, e = d + t1, d = c, c = b; then b = a, a = t1 + Σ0(a) + Maj(a, old b, old c).
  get(g), set(h), get(f), set(g), get(e), set(f);
  get(d), get(t1), op(ADD), set(e);
  get(c), set(d), get(b), set(c);
  get(t1), sigma(a, 2, 13, 22, 'rotr'), op(ADD);
  get(a), get(c), op(AND), get(a), get(d), op(AND), op(XOR), get(c), get(d), op(AND), op(XOR), op(ADD);
  get(a), set(b);
  set(a);
  get(i), i32(4), op(ADD), tee(i), i32(256), op(LT_U), branch(BR_IF, 0);
  op(END);
  // H += a..h; on to the next block.
  for (let k = 0; k < 8; k++) i32(0), i32(0), load(4 * k), get(vars[k]), op(ADD), store(4 * k);
  get(p), i32(64), op(ADD), set(p);
  get(n), i32(1), op(SUB), set(n);
  branch(BR, 0);
  op(END), op(END), op(END);
}

export function moduleBytes() {
  out = [];
  emit(0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00);
  section(1, () => emit(1, 0x60, 1, 0x7f, 0)); // one type: (i32) -> ()
  section(3, () => emit(1, 0)); // one function, of that type
  section(5, () => emit(1, 0, 1)); // one memory of one page
  section(7, () => emit(2, 1, 0x6d, 2, 0, 1, 0x63, 0, 0)); // exports "m" (the memory) and "c" (compress)
  section(10, () => (emit(1), sized(compressBody))); // one function body
  section(11, () => {
    // K at K_AT, little-endian
    emit(1, 0), i32(K_AT), op(END), uleb(4 * K.length);
    for (const k of K) emit(k & 0xff, (k >>> 8) & 0xff, (k >>> 16) & 0xff, k >>> 24);
  });
  const bytes = new Uint8Array(out);
  out = [];
  return bytes;
}


if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const bytes = [...moduleBytes()];
  const lines = [];
  for (let i = 0; i < bytes.length; i += 24) lines.push('  ' + bytes.slice(i, i + 24).join(', ') + ',');
  console.log(`const SHA256_WASM = new Uint8Array([\n${lines.join('\n')}\n]);`);
}
