/**
 * Character-level comparison of texts, fast enough to compare every predicted
 * article with every gold article of a page: texts are arrays of code points
 * with whitespace removed, and LCS and edit distance are computed with
 * bit-parallel algorithms (32 pattern characters per machine word), so a pair of
 * 1,000-character articles costs about 32,000 word operations instead of a
 * million DP cells.
 *
 *   LCS:           Crochemore et al. 2001 / Hyyrö 2004 bit-vector recurrence
 *   edit distance: Myers 1999, multi-word form as in Hyyrö 2003 and edlib
 */

/** A text as code points, whitespace removed. */
export type Codes = Int32Array;

const WHITESPACE = /\s/u;

/** The text without whitespace, as code points (so astral characters count once). */
export function toCodes(text: string): Codes {
  const out: number[] = [];
  for (const ch of text) if (!WHITESPACE.test(ch)) out.push(ch.codePointAt(0)!);
  return Int32Array.from(out);
}

/** The text without whitespace (the form every comparison in eval uses). */
export function squash(text: string): string {
  return text.replace(/\s+/gu, '');
}

/**
 * The form scored fields (headline, kicker, byline names, …) are compared in:
 * whitespace removed and the full-width forms of ASCII (U+FF01–U+FF5E:
 * `：？／（）！，`, full-width letters and digits) folded to ASCII. They are the
 * same characters at another width (Unicode's compatibility decomposition of
 * that block), and OCR engines write `:` `?` `/` where the page prints `：？／`.
 * Nothing else is folded: CJK punctuation (U+3000–U+303F: `、。「」`), curly
 * quotes and dashes are kept as they are, so a misread mark still counts.
 */
export function fieldForm(text: string): string {
  return squash(text).replace(/[\uff01-\uff5e]/gu, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
}

function commonPrefix(a: Codes, b: Codes): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a[i] === b[i]) i++;
  return i;
}

function commonSuffix(a: Codes, b: Codes, prefix: number): number {
  const n = Math.min(a.length, b.length) - prefix;
  let i = 0;
  while (i < n && a[a.length - 1 - i] === b[b.length - 1 - i]) i++;
  return i;
}

/**
 * One step of the bit-parallel LCS (Allison–Dix / Hyyrö): V after reading a
 * character whose positions in the pattern are the 1 bits of `m`. The
 * addition carries across 32-bit words.
 */
function advance(v: Uint32Array, m: Uint32Array, words: number): void {
  let carry = 0;
  for (let w = 0; w < words; w++) {
    const vw = v[w]!;
    const u = (vw & m[w]!) >>> 0;
    const sum = vw + u + carry;
    carry = sum > 0xffffffff ? 1 : 0;
    v[w] = ((sum >>> 0) | (vw & ~m[w]!)) >>> 0;
  }
}

/** For each code point of `a`, a bit vector of the positions where it occurs. */
function positionMasks(a: Codes, words: number): Map<number, Uint32Array> {
  const masks = new Map<number, Uint32Array>();
  for (let i = 0; i < a.length; i++) {
    let m = masks.get(a[i]!);
    if (!m) masks.set(a[i]!, (m = new Uint32Array(words)));
    m[i >>> 5]! |= 1 << (i & 31);
  }
  return masks;
}

/** Length of the longest common subsequence of `a` and `b`. */
export function lcsLength(a: Codes, b: Codes): number {
  const pre = commonPrefix(a, b);
  const suf = commonSuffix(a, b, pre);
  const x = a.subarray(pre, a.length - suf);
  const y = b.subarray(pre, b.length - suf);
  if (x.length === 0 || y.length === 0) return pre + suf;
  const words = (x.length + 31) >>> 5;
  const masks = positionMasks(x, words);
  // V has a 0 bit for every pattern position that ends a match of the LCS so far.
  const v = new Uint32Array(words).fill(0xffffffff);
  for (let j = 0; j < y.length; j++) {
    const m = masks.get(y[j]!);
    if (!m) continue;
    advance(v, m, words);
  }
  let zeros = 0;
  for (let i = 0; i < x.length; i++) if ((v[i >>> 5]! & (1 << (i & 31))) === 0) zeros++;
  return pre + suf + zeros;
}

/**
 * A text's characters as a multiset: distinct code points in ascending order
 * with their counts. Two texts cannot have a common subsequence longer than
 * the characters they share counted with multiplicity, so `sharedCharacters`
 * bounds `lcsLength` from above at the cost of one merge of two short arrays
 * (a few hundred distinct characters) instead of the bit-parallel LCS pass.
 */
export interface CharacterCounts {
  codes: Float64Array;
  counts: Int32Array;
}

export function characterCounts(a: Codes): CharacterCounts {
  return countsOf(Float64Array.from(a));
}

/** The text's bigrams (pairs of neighbouring characters) as a multiset, in the same form. */
export function bigramCounts(a: Codes): CharacterCounts {
  const keys = new Float64Array(Math.max(0, a.length - 1));
  // 0x110000 code points: the pair's key is exact in a double (< 2^42).
  for (let i = 0; i + 1 < a.length; i++) keys[i] = a[i]! * 0x110000 + a[i + 1]!;
  return countsOf(keys);
}

function countsOf(keys: Float64Array): CharacterCounts {
  const sorted = keys.sort();
  const codes: number[] = [];
  const counts: number[] = [];
  for (let i = 0; i < sorted.length; i++) {
    if (i > 0 && sorted[i] === sorted[i - 1]) counts[counts.length - 1]!++;
    else codes.push(sorted[i]!), counts.push(1);
  }
  return { codes: Float64Array.from(codes), counts: Int32Array.from(counts) };
}

/** Σ over characters (or bigrams) of min(count in a, count in b); for characters, an upper bound of the LCS length. */
export function sharedCharacters(a: CharacterCounts, b: CharacterCounts): number {
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.codes.length && j < b.codes.length) {
    const x = a.codes[i]!;
    const y = b.codes[j]!;
    if (x < y) i++;
    else if (x > y) j++;
    else n += Math.min(a.counts[i++]!, b.counts[j++]!);
  }
  return n;
}

/**
 * A text prepared to be the pattern of many LCS computations: its position
 * masks are built once instead of once per pair (building them costs about as
 * much as the LCS pass itself).
 */
export interface LcsPattern {
  length: number;
  words: number;
  masks: Map<number, Uint32Array>;
}

export function lcsPattern(a: Codes): LcsPattern {
  const words = Math.max(1, (a.length + 31) >>> 5);
  return { length: a.length, words, masks: positionMasks(a, words) };
}

/** How many characters of the text pass between two checks of the early exit (a check costs one pass over the words). */
const LCS_CHECK_EVERY = 32;

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/**
 * LCS length of the pattern and `b`, or null as soon as it is certain to be
 * below `least`: after j characters of b the LCS so far can grow by at most
 * the |b| − j characters left, so a pair of unrelated texts is given up after
 * a fraction of b. When it returns a number, that number is the exact LCS.
 */
export function lcsLengthAtLeast(pattern: LcsPattern, b: Codes, least: number): number | null {
  const { words, masks } = pattern;
  if (pattern.length === 0 || b.length === 0) return 0 >= least ? 0 : null;
  // V has a 0 bit for every pattern position that ends a match of the LCS so far (bits past the pattern stay 1).
  const v = new Uint32Array(words).fill(0xffffffff);
  const common = () => {
    let n = 0;
    for (let w = 0; w < words; w++) n += popcount(~v[w]! >>> 0);
    return n;
  };
  for (let j = 0; j < b.length; j++) {
    if (j > 0 && j % LCS_CHECK_EVERY === 0 && common() + (b.length - j) < least) return null;
    const m = masks.get(b[j]!);
    if (!m) continue;
    advance(v, m, words);
  }
  const l = common();
  return l >= least ? l : null;
}

/** 2·LCS / (|a| + |b|): 1 for equal texts, 0 for texts with nothing in common (1 when both are empty). */
export function lcsSimilarity(a: Codes, b: Codes, lcs = lcsLength(a, b)): number {
  const total = a.length + b.length;
  return total === 0 ? 1 : (2 * lcs) / total;
}

/** Levenshtein distance (insert, delete, substitute, each cost 1) between `a` and `b`. */
export function editDistance(a: Codes, b: Codes): number {
  const pre = commonPrefix(a, b);
  const suf = commonSuffix(a, b, pre);
  return myers(a.subarray(pre, a.length - suf), b.subarray(pre, b.length - suf));
}

function myers(pattern: Codes, text: Codes): number {
  const m = pattern.length;
  if (m === 0) return text.length;
  if (text.length === 0) return m;
  const words = (m + 31) >>> 5;
  const masks = positionMasks(pattern, words);
  const pv = new Uint32Array(words).fill(0xffffffff);
  const mv = new Uint32Array(words);
  const lastBit = (m - 1) & 31;
  const empty = new Uint32Array(words);
  let score = m;
  for (let j = 0; j < text.length; j++) {
    const eqs = masks.get(text[j]!) ?? empty;
    let hin = 1; // global alignment: the top row grows by one per text character
    for (let w = 0; w < words; w++) {
      const p = pv[w]!;
      const mm = mv[w]!;
      const hinNeg = hin < 0 ? 1 : 0;
      let eq = eqs[w]!;
      const xv = eq | mm;
      eq |= hinNeg;
      const xh = ((((eq & p) >>> 0) + p) >>> 0 ^ p) | eq;
      let ph = mm | ~(xh | p);
      let mh = p & xh;
      const bit = w === words - 1 ? lastBit : 31;
      const hout = ((ph >>> bit) & 1) - ((mh >>> bit) & 1);
      ph = (ph << 1) | (hin > 0 ? 1 : 0);
      mh = (mh << 1) | hinNeg;
      pv[w] = (mh | ~(xv | ph)) >>> 0;
      mv[w] = (ph & xv) >>> 0;
      hin = hout;
    }
    score += hin;
  }
  return score;
}

/**
 * An edit alignment of `a` (predicted) to `b` (gold), as the range of `b`
 * offsets each `a` offset lines up with: offset i of `a` (the gap before a[i])
 * maps to every gold offset from lo[i] to hi[i]. Used to carry paragraph
 * boundaries from predicted text into gold text when the two differ.
 */
export interface OffsetMap {
  distance: number;
  lo: Int32Array;
  hi: Int32Array;
}

/** Above this many DP cells the middle of the alignment is interpolated instead (a rare, very bad pair). */
const MAX_BAND_CELLS = 4_000_000;

/** Align `a` to `b`, returning the edit distance and where each offset of `a` falls in `b`. */
export function alignOffsets(a: Codes, b: Codes): OffsetMap {
  const n = a.length;
  const m = b.length;
  const pre = commonPrefix(a, b);
  const suf = commonSuffix(a, b, pre);
  const x = a.subarray(pre, n - suf);
  const y = b.subarray(pre, m - suf);
  const distance = myers(x, y);
  const lo = new Int32Array(n + 1);
  const hi = new Int32Array(n + 1);
  for (let i = 0; i <= pre; i++) lo[i] = hi[i] = i;
  for (let i = n - suf; i <= n; i++) lo[i] = hi[i] = i - n + m;
  const mid = bandedPath(x, y, distance);
  for (let i = 0; i <= x.length; i++) {
    const range = mid ? [mid.lo[i]!, mid.hi[i]!] : interpolate(i, x.length, y.length);
    lo[pre + i] = pre + range[0]!;
    hi[pre + i] = pre + range[1]!;
  }
  return { distance, lo, hi };
}

function interpolate(i: number, n: number, m: number): [number, number] {
  if (n === 0) return [0, m];
  const j = Math.round((i * m) / n);
  return [j, j];
}

/**
 * One optimal Levenshtein path through the band |i − j| ≤ d (no optimal path
 * leaves it), as the min and max column the path visits in each row.
 */
function bandedPath(x: Codes, y: Codes, d: number): { lo: Int32Array; hi: Int32Array } | null {
  const n = x.length;
  const m = y.length;
  const width = 2 * d + 1;
  if ((n + 1) * width > MAX_BAND_CELLS) return null;
  // dir: 1 diagonal, 2 up (a[i-1] deleted), 3 left (b[j-1] inserted)
  const dir = new Uint8Array((n + 1) * width);
  let prev = new Int32Array(width).fill(0x3fffffff);
  let cur = new Int32Array(width).fill(0x3fffffff);
  for (let j = 0; j <= Math.min(m, d); j++) {
    prev[j + d] = j;
    dir[j + d] = 3;
  }
  for (let i = 1; i <= n; i++) {
    cur.fill(0x3fffffff);
    const jFrom = Math.max(0, i - d);
    const jTo = Math.min(m, i + d);
    for (let j = jFrom; j <= jTo; j++) {
      const k = j - i + d;
      let best = 0x3fffffff;
      let how = 0;
      if (j > 0) {
        const diag = prev[k]! + (x[i - 1] === y[j - 1] ? 0 : 1);
        if (diag < best) (best = diag), (how = 1);
      }
      if (k + 1 < width && prev[k + 1]! + 1 < best) (best = prev[k + 1]! + 1), (how = 2);
      if (k > 0 && cur[k - 1]! + 1 < best) (best = cur[k - 1]! + 1), (how = 3);
      cur[k] = best;
      dir[i * width + k] = how;
    }
    [prev, cur] = [cur, prev];
  }
  const lo = new Int32Array(n + 1).fill(0x3fffffff);
  const hi = new Int32Array(n + 1).fill(-1);
  let i = n;
  let j = m;
  for (;;) {
    if (j < lo[i]!) lo[i] = j;
    if (j > hi[i]!) hi[i] = j;
    if (i === 0 && j === 0) break;
    const how = i === 0 ? 3 : dir[i * width + (j - i + d)];
    if (how === 1) i--, j--;
    else if (how === 2) i--;
    else j--;
  }
  return { lo, hi };
}
