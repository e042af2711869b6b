/**
 * Character-bigram evidence for "this headline belongs to this text": the
 * share of a headline's bigrams that occur in a body. Only Han characters are
 * counted: punctuation, digits, Latin letters and spaces say nothing about topic.
 * Body bigram sets are built once per body unit and cached.
 */
import { lowerBound } from './arrays.js';
import { titleText, type Block, type BodyUnit } from './group-blocks.js';

/**
 * How far, in blocks, a headline may stand from the text it belongs to. A page
 * whose reading order is scrambled lists a column's headlines before their
 * texts, so a pair can be far apart, but never farther than one printed page
 * holds: over 359 measured pages (fixtures, dev pages, ECPO) the farthest pair
 * was 23 blocks apart and the largest page had 63 blocks. Looking no farther
 * keeps pairing and splitting linear when the "page" is a whole issue or many
 * pages run together (each headline then has a bounded number of candidates).
 */
export const PAIRING_REACH = 64;

/** The block indexes within PAIRING_REACH of block `i` on a page of `n` blocks: [first, last]. */
export function reachOf(i: number, n: number): [first: number, last: number] {
  return [Math.max(0, i - PAIRING_REACH), Math.min(n - 1, i + PAIRING_REACH)];
}

/** Han ideographs (BMP blocks and the supplementary planes): the characters that carry topic. */
function isHan(cp: number): boolean {
  return (cp >= 0x3400 && cp <= 0x9fff) || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0x20000 && cp <= 0x3134f);
}

/** A bigram as one number (two code points), cheaper to hash than a string. */
export type Bigram = number;

const BMP_HAN_FIRST = 0x3400;
const BMP_HAN_SPAN = 0xa000 - BMP_HAN_FIRST;

/**
 * Two BMP Han characters (U+3400–U+9FFF) make a small integer, which V8 hashes
 * fastest; anything else (supplementary planes, compatibility ideographs) gets
 * a negative key that cannot collide with those.
 */
function key(a: number, b: number): Bigram {
  const ia = a - BMP_HAN_FIRST;
  const ib = b - BMP_HAN_FIRST;
  if (ia >= 0 && ia < BMP_HAN_SPAN && ib >= 0 && ib < BMP_HAN_SPAN) return ia * BMP_HAN_SPAN + ib;
  return -(a * 0x110000 + b) - 1;
}

/**
 * Han bigrams of `text`, read on from the code point `prev` (-1: none) —
 * added to `out`, only those in `keep` when it is given. Returns the last
 * Han code point, so that several texts can be read as one run.
 */
function collectBigrams(text: string, prev: number, out: Bigram[] | Set<Bigram>, keep: ReadonlySet<Bigram> | null): number {
  const toSet = out instanceof Set;
  for (let i = 0; i < text.length; i++) {
    let cp = text.charCodeAt(i);
    if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < text.length) {
      cp = text.codePointAt(i)!;
      i++;
    }
    if (!isHan(cp)) continue;
    if (prev >= 0) {
      const g = key(prev, cp);
      if (keep === null || keep.has(g)) {
        if (toSet) (out as Set<Bigram>).add(g);
        else (out as Bigram[]).push(g);
      }
    }
    prev = cp;
  }
  return prev;
}

export function bigramList(text: string): Bigram[] {
  const out: Bigram[] = [];
  collectBigrams(text, -1, out, null);
  return out;
}

/**
 * A set of bigrams as an ascending typed array, for the sets cached for every
 * body unit of a page: a Set is ~37 bytes an entry, this 8 (Float64: a
 * supplementary-plane bigram's key is beyond 32 bits), and a 50 MB page
 * caches 670,000 entries.
 */
export type SortedBigrams = Float64Array;

/** Where `g` is in ascending `sorted`, or -1. */
function indexIn(sorted: SortedBigrams, g: Bigram): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < g) lo = mid + 1;
    else hi = mid;
  }
  return lo < sorted.length && sorted[lo] === g ? lo : -1;
}

/** Share of `title`'s bigrams present in `body` (a set, a sorted set, or a bag with counts > 0). */
export function recall(title: Bigram[], body: ReadonlySet<Bigram> | SortedBigrams | ReadonlyMap<Bigram, number>): number {
  if (title.length === 0) return 0;
  let hit = 0;
  if (body instanceof Map) {
    for (const g of title) if ((body.get(g) ?? 0) > 0) hit++;
  } else if (body instanceof Float64Array) {
    for (const g of title) if (indexIn(body, g) >= 0) hit++;
  } else {
    for (const g of title) if ((body as ReadonlySet<Bigram>).has(g)) hit++;
  }
  return hit / title.length;
}

/** Share of `title`'s bigrams found in `body` text. */
export function bigramRecall(title: string, body: string): number {
  return recall(bigramList(title), new Set(bigramList(body)));
}

/**
 * Every bigram of every headline block on the page. Bodies are only ever asked
 * about these, so a body's set keeps only them — a few dozen entries instead of
 * thousands.
 */
export function headlineBigrams(blocks: readonly Block[]): Set<Bigram> {
  const out = new Set<Bigram>();
  for (const b of blocks) {
    if (b.type !== 'title') continue;
    for (const g of bigramList(titleText(b))) out.add(g);
  }
  return out;
}

type UnitCache<T> = WeakMap<ReadonlySet<Bigram>, WeakMap<BodyUnit, T>>;

/** What `make` computes for unit `u` on the page whose headline bigrams are `relevant`, computed once. */
function perUnit<T>(cache: UnitCache<T>, relevant: ReadonlySet<Bigram>, u: BodyUnit, make: () => T): T {
  let perPage = cache.get(relevant);
  if (!perPage) cache.set(relevant, (perPage = new WeakMap()));
  let value = perPage.get(u);
  if (value === undefined) perPage.set(u, (value = make()));
  return value;
}

const unitSets: UnitCache<SortedBigrams> = new WeakMap();

/** The bigrams of a body unit's text (dateline remainder and body lines, read as one run) that are in `relevant`, cached. */
export function unitBigrams(u: BodyUnit, relevant: ReadonlySet<Bigram>): SortedBigrams {
  return perUnit(unitSets, relevant, u, () => {
    const set = new Set<Bigram>();
    let prev = collectBigrams(u.dateline?.dateline?.rest ?? '', -1, set, relevant);
    for (const l of u.body) prev = collectBigrams(l.text, prev, set, relevant);
    return Float64Array.from(set).sort();
  });
}

/** The first and last body line (index into the unit's body; -1 for the dateline's remainder) holding a bigram. */
export interface LineSpan {
  first: number;
  last: number;
}

/** Bigrams with their line spans, as parallel typed arrays (see SortedBigrams): entry i is `grams[i]` on lines first[i]..last[i]. */
export interface BigramSpans {
  grams: SortedBigrams;
  first: Int32Array;
  last: Int32Array;
}

const unitSpans: UnitCache<BigramSpans> = new WeakMap();

/**
 * For each bigram in `relevant` within one line of the unit (the dateline's
 * remainder is line -1), the first and last such line; cached per unit.
 * Splitting asks every headline without a text where in a unit its bigrams
 * occur — a question these two numbers answer for any cut, without reading
 * the lines again for each headline.
 */
export function unitBigramSpans(u: BodyUnit, relevant: ReadonlySet<Bigram>): BigramSpans {
  return perUnit(unitSpans, relevant, u, () => {
    const spans = new Map<Bigram, LineSpan>();
    const grams: Bigram[] = [];
    for (let k = -1; k < u.body.length; k++) {
      grams.length = 0;
      collectBigrams(k < 0 ? (u.dateline?.dateline?.rest ?? '') : u.body[k]!.text, -1, grams, relevant);
      for (const g of grams) {
        const span = spans.get(g);
        if (span) span.last = k;
        else spans.set(g, { first: k, last: k });
      }
    }
    const sorted = Float64Array.from(spans.keys()).sort();
    const out: BigramSpans = { grams: sorted, first: new Int32Array(sorted.length), last: new Int32Array(sorted.length) };
    sorted.forEach((g, i) => {
      const span = spans.get(g)!;
      out.first[i] = span.first;
      out.last[i] = span.last;
    });
    return out;
  });
}

/** The span of `g` in a unit's `spans`, or null when no line of the unit holds it. */
export function spanOf(spans: BigramSpans, g: Bigram): LineSpan | null {
  const i = indexIn(spans.grams, g);
  return i < 0 ? null : { first: spans.first[i]!, last: spans.last[i]! };
}

/** For each relevant bigram, the indexes (ascending) of the blocks whose body unit holds it. */
export type BodyIndex = Map<Bigram, number[]>;

/** Index the body units of `blocks` by their bigrams in `relevant`. */
export function indexBodies(blocks: readonly Block[], relevant: ReadonlySet<Bigram>): BodyIndex {
  const index: BodyIndex = new Map();
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    if (b.type !== 'body') continue;
    for (const g of unitBigrams(b, relevant)) {
      const list = index.get(g);
      if (list) list.push(i);
      else index.set(g, [i]);
    }
  }
  return index;
}

/**
 * How many of `grams` (repeats counted) each body unit between blocks `first`
 * and `last` holds, for the units holding at least one: the same numerators as
 * recall() over each unit's set, found without visiting the others.
 */
export function hitsWithin(index: BodyIndex, grams: Bigram[], first: number, last: number): Map<number, number> {
  const hits = new Map<number, number>();
  for (const g of grams) {
    const list = index.get(g);
    if (!list) continue;
    for (let j = lowerBound(list, first); j < list.length && list[j]! <= last; j++) hits.set(list[j]!, (hits.get(list[j]!) ?? 0) + 1);
  }
  return hits;
}
