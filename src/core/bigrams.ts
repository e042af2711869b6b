/**
 * Character-bigram evidence for "this headline belongs to this text": the
 * share of a headline's bigrams that occur in a body. Only Han characters are
 * counted: punctuation, digits, Latin letters and spaces say nothing about topic.
 * Body bigram sets are built once per body unit and cached.
 */
import type { BodyUnit } from './group-blocks.js';

/** Han ideographs (BMP blocks and the supplementary planes): the characters that carry topic. */
function isHan(cp: number): boolean {
  return (cp >= 0x3400 && cp <= 0x9fff) || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0x20000 && cp <= 0x3134f);
}

/** A bigram as one number (two code points), cheaper to hash than a string. */
export type Bigram = number;

export function bigramList(text: string): Bigram[] {
  const out: Bigram[] = [];
  let prev = -1;
  for (let i = 0; i < text.length; i++) {
    let cp = text.charCodeAt(i);
    if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < text.length) {
      cp = text.codePointAt(i)!;
      i++;
    }
    if (!isHan(cp)) continue;
    if (prev >= 0) out.push(prev * 0x110000 + cp);
    prev = cp;
  }
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

const unitSets = new WeakMap<BodyUnit, Set<Bigram>>();

/** The bigram set of a body unit's text (dateline remainder and body lines), cached. */
export function unitBigrams(u: BodyUnit): Set<Bigram> {
  let set = unitSets.get(u);
  if (!set) {
    set = new Set(bigramList([u.dateline?.dateline?.rest ?? '', ...u.body.map((l) => l.text)].join('')));
    unitSets.set(u, set);
  }
  return set;
}
