/**
 * The input's fingerprint is hashed by our own SHA-256 below a size (src/core/sha256.ts, for a cheaper
 * start-up) and by node:crypto above it: both must give the same digest for every length, around the
 * padding's block boundaries (55/56/64 bytes), past one call's window of blocks, and for strings
 * (hashed as UTF-8, a lone surrogate as U+FFFD).
 */
import { createHash } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { SHA256_WASM, sha256Hex } from '../../src/core/sha256.js';
import { readStringLines, readTextLines } from '../../src/index.js';
import { moduleBytes } from '../../scripts/make-sha256-wasm.mjs';

const nodeHash = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');

/** Bytes that differ from position to position (a multiplicative hash of the index). */
function bytesOf(n: number, seed = 1): Uint8Array {
  const b = new Uint8Array(n);
  for (let i = 0; i < n; i++) b[i] = (Math.imul(i + seed, 2654435761) >>> 24) & 0xff;
  return b;
}

describe('sha256', () => {
  it('the committed module is what scripts/make-sha256-wasm.mjs writes', () => {
    expect([...SHA256_WASM]).toEqual([...moduleBytes()]);
  });

  it('gives the standard digests of the FIPS 180-4 examples', () => {
    expect(sha256Hex(new TextEncoder().encode('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256Hex(new TextEncoder().encode('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq'))).toBe(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    );
    expect(sha256Hex(new Uint8Array(0))).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  it('agrees with node:crypto for every length up to 300 bytes', () => {
    for (let n = 0; n <= 300; n++) {
      const b = bytesOf(n, n);
      expect(sha256Hex(b), `length ${n}`).toBe(nodeHash(b));
    }
  });

  it('agrees with node:crypto past one call of the module (1,008 blocks) and at large sizes', () => {
    for (const n of [64 * 1008 - 1, 64 * 1008, 64 * 1008 + 1, 64 * 1008 * 2 + 55, 1024 * 1024, 3_000_017]) {
      const b = bytesOf(n);
      expect(sha256Hex(b), `length ${n}`).toBe(nodeHash(b));
    }
  });

  it('gives a page the same source.sha256 below and above the size where node:crypto takes over', () => {
    const page = '本报讯 天山路街道召开会议。\n';
    for (const copies of [1, 500, 80_000]) {
      const text = page.repeat(copies);
      const bytes = new TextEncoder().encode(text);
      expect(readTextLines(bytes).source.sha256, `${bytes.length} bytes`).toBe(nodeHash(bytes));
      expect(readStringLines(text).source.sha256, `${text.length} characters`).toBe(nodeHash(text));
    }
    // A lone surrogate in a string page (a --stdin-jsonl record) is hashed as U+FFFD, as node:crypto does.
    expect(readStringLines('a\ud800b').source.sha256).toBe(nodeHash('a\ud800b'));
  });
});

describe('where WebAssembly may not be compiled', () => {
  it('hashes another way (null), not an internal error', async () => {
    vi.resetModules();
    vi.stubGlobal('WebAssembly', { ...WebAssembly, Module: function Module() { throw new Error('wasm code generation disallowed by embedder'); } });
    try {
      const fresh = await import('../../src/core/sha256.js');
      expect(fresh.sha256Hex(new Uint8Array([1, 2, 3]))).toBeNull();
    } finally {
      vi.unstubAllGlobals();
      vi.resetModules();
    }
  });
});
