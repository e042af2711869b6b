/**
 * Character-bigram evidence for "this headline belongs to this text": the
 * share of a headline's bigrams that occur in a body. Only Han characters are
 * counted: punctuation, digits, Latin letters and spaces say nothing about topic.
 * Body bigram sets are built once per body unit and cached.
 */
import { titleText, type Block, type BodyUnit } from './group-blocks.js';

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
 * added to `out`, or only those in `keep` when it is given. Returns the last
 * Han code point, so that several texts can be read as one run.
 */
function collectBigrams(text: string, prev: number, out: Bigram[] | Set<Bigram>, keep: ReadonlySet<Bigram> | null): number {
  for (let i = 0; i < text.length; i++) {
    let cp = text.charCodeAt(i);
    if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < text.length) {
      cp = text.codePointAt(i)!;
      i++;
    }
    if (!isHan(cp)) continue;
    if (prev >= 0) {
      const g = key(prev, cp);
      if (keep === null) (out as Bigram[]).push(g);
      else if (keep.has(g)) (out as Set<Bigram>).add(g);
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

/** Share of `title`'s bigrams present in `body` (a set, or a bag with counts > 0). */
export function recall(title: Bigram[], body: ReadonlySet<Bigram> | ReadonlyMap<Bigram, number>): number {
  if (title.length === 0) return 0;
  let hit = 0;
  if (body instanceof Map) {
    for (const g of title) if ((body.get(g) ?? 0) > 0) hit++;
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

const unitSets = new WeakMap<ReadonlySet<Bigram>, WeakMap<BodyUnit, Set<Bigram>>>();

/** The bigrams of a body unit's text (dateline remainder and body lines) that are in `relevant`, cached. */
export function unitBigrams(u: BodyUnit, relevant: ReadonlySet<Bigram>): Set<Bigram> {
  let perPage = unitSets.get(relevant);
  if (!perPage) {
    perPage = new WeakMap();
    unitSets.set(relevant, perPage);
  }
  let set = perPage.get(u);
  if (!set) {
    set = new Set();
    let prev = collectBigrams(u.dateline?.dateline?.rest ?? '', -1, set, relevant);
    for (const l of u.body) prev = collectBigrams(l.text, prev, set, relevant);
    perPage.set(u, set);
  }
  return set;
}
