import { describe, expect, it } from 'vitest';
import { alignOffsets, editDistance, lcsLength, lcsSimilarity, toCodes } from '../../src/eval/similarity.js';

function naiveLcs(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  const dp = Array.from({ length: x.length + 1 }, () => new Array<number>(y.length + 1).fill(0));
  for (let i = 1; i <= x.length; i++)
    for (let j = 1; j <= y.length; j++)
      dp[i]![j] = x[i - 1] === y[j - 1] ? dp[i - 1]![j - 1]! + 1 : Math.max(dp[i - 1]![j]!, dp[i]![j - 1]!);
  return dp[x.length]![y.length]!;
}

function naiveEdit(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    for (let j = 1; j <= y.length; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[y.length]!;
}

/** A small deterministic PRNG so failures reproduce. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

function randomText(next: () => number, length: number, alphabet: string): string {
  const chars = [...alphabet];
  let out = '';
  for (let i = 0; i < length; i++) out += chars[Math.floor(next() * chars.length)];
  return out;
}

describe('similarity', () => {
  it('ignores whitespace and counts astral characters once', () => {
    expect(Array.from(toCodes(' 天 山\n𠀀'))).toEqual([0x5929, 0x5c71, 0x20000]);
  });

  it('agrees with the textbook DP on random texts, across word boundaries', () => {
    const next = rng(42);
    for (let t = 0; t < 300; t++) {
      const alphabet = t % 2 ? '天山路街道' : 'ab';
      const a = randomText(next, Math.floor(next() * 90), alphabet);
      const b = randomText(next, Math.floor(next() * 90), alphabet);
      const x = toCodes(a);
      const y = toCodes(b);
      expect(lcsLength(x, y), `lcs ${a} / ${b}`).toBe(naiveLcs(a, b));
      expect(editDistance(x, y), `edit ${a} / ${b}`).toBe(naiveEdit(a, b));
      expect(alignOffsets(x, y).distance).toBe(naiveEdit(a, b));
    }
  });

  it('gives 2·LCS/(|a|+|b|)', () => {
    expect(lcsSimilarity(toCodes('甲乙丙丁'), toCodes('甲乙'))).toBeCloseTo(4 / 6);
    expect(lcsSimilarity(toCodes(''), toCodes(''))).toBe(1);
  });

  it('maps predicted offsets into gold offsets', () => {
    // gold 甲乙丙。丁戊, predicted lost the 。: offset 3 (after 丙) lines up with gold 3..4
    const map = alignOffsets(toCodes('甲乙丙丁戊'), toCodes('甲乙丙。丁戊'));
    expect(map.distance).toBe(1);
    expect([map.lo[3], map.hi[3]]).toEqual([3, 4]);
    expect([map.lo[5], map.hi[5]]).toEqual([6, 6]);
  });

  // The bit-parallel LCS works in 32-bit words: page-sized texts cross many word
  // boundaries, where a carry lost would show as a length off by one or more.
  it('gives the textbook LCS length on page-sized input', () => {
    const next = rng(7);
    const alphabet = '的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之';
    const naive = (a: string, b: string): number => {
      let prev = new Array<number>(b.length + 1).fill(0);
      for (let i = 1; i <= a.length; i++) {
        const row = new Array<number>(b.length + 1).fill(0);
        for (let j = 1; j <= b.length; j++) row[j] = a[i - 1] === b[j - 1] ? prev[j - 1]! + 1 : Math.max(prev[j]!, row[j - 1]!);
        prev = row;
      }
      return prev[b.length]!;
    };
    for (const [la, lb] of [[1200, 1000], [65, 700], [333, 97]] as const) {
      const a = randomText(next, la, alphabet);
      const b = randomText(next, lb, alphabet);
      expect(lcsLength(toCodes(a), toCodes(b))).toBe(naive(a, b));
    }
    const a = randomText(next, 1200, alphabet);
    const b = a.slice(0, 500) + randomText(next, 40, alphabet) + a.slice(560);
    expect(alignOffsets(toCodes(a), toCodes(b)).distance).toBeLessThanOrEqual(120);
  });
});
