/**
 * Stage 6 — pair headline blocks with body units. Its own stage because the
 * page's reading order may have put a headline far from its body (on the seed
 * the first headline belongs to the body 70 lines further down), so pairing
 * looks at the whole page at once, not at neighbours only.
 *
 * Evidence per pair:
 *  - content: share of the headline's character bigrams found in the body
 *    (a headline restates its story; research §2.9 measured 0.94 for the right
 *    body against ≤ 0.12 for the others on the seed);
 *  - position: the headline block directly precedes the body unit (+0.35), or
 *    a display line directly follows a photo text it captions (+0.25).
 * Pairs are taken greedily by score; a pair needs position or content ≥ 0.4
 * (the three are CLASSIFY_TUNING.pairBefore, pairAfter, pairContentAlone).
 * Only bodies within PAIRING_REACH blocks of a headline are candidates, found
 * through an index of the bodies by bigram, so a page's pairing is linear in its length.
 */
import { bigramList, headlineBigrams, hitsWithin, indexBodies, reachOf, type Bigram } from './bigrams.js';
import { titleText, type Block, type BodyUnit } from './group-blocks.js';
import { CLASSIFY_TUNING as T } from './classify-tuning.js';
import { DEFAULT_MARKERS, type MarkerSet } from './markers.js';

export { bigramRecall } from './bigrams.js';

export interface Pairing {
  title: number;
  body: number;
  score: number;
  content: number;
  adjacent: 'before' | 'after' | null;
}


export function pairTitles(blocks: Block[], relevant: ReadonlySet<Bigram> = headlineBigrams(blocks), markers: MarkerSet = DEFAULT_MARKERS): Pairing[] {
  const candidates: Pairing[] = [];
  const index = indexBodies(blocks, relevant);
  for (let ti = 0; ti < blocks.length; ti++) {
    const tb = blocks[ti]!;
    if (tb.type !== 'title') continue;
    const tGrams = bigramList(titleText(tb));
    const [first, last] = reachOf(ti, blocks.length);
    // Candidates: the bodies sharing a bigram with the headline (content alone needs one), and its neighbours.
    const hits = hitsWithin(index, tGrams, first, last);
    for (const bi of [ti - 1, ti + 1]) if (bi >= first && bi <= last && !hits.has(bi)) hits.set(bi, 0);
    for (const bi of [...hits.keys()].sort((a, b) => a - b)) {
      const ub = blocks[bi]!;
      if (ub.type !== 'body' || (ub.body.length === 0 && ub.dateline === null)) continue;
      const content = tGrams.length === 0 ? 0 : hits.get(bi)! / tGrams.length;
      let adjacent: Pairing['adjacent'] = null;
      if (bi === ti + 1) adjacent = 'before';
      else if (ti === bi + 1 && ub.closedBy === null && (tb.display || isPhotoUnit(ub, markers))) adjacent = 'after';
      const score = content + (adjacent === 'before' ? (tb.display ? T.pairAfter : T.pairBefore) : adjacent === 'after' ? T.pairAfter : 0);
      if (adjacent !== null || content >= T.pairContentAlone) candidates.push({ title: ti, body: bi, score, content, adjacent });
    }
  }
  candidates.sort((a, b) => b.score - a.score || a.title - b.title);
  const usedT = new Set<number>();
  const usedB = new Set<number>();
  const pairs: Pairing[] = [];
  for (const c of candidates) {
    if (usedT.has(c.title) || usedB.has(c.body)) continue;
    usedT.add(c.title);
    usedB.add(c.body);
    pairs.push(c);
  }
  return pairs;
}

/** A unit whose byline credits a photograph (摄影报道, 摄, 報導/攝: the markers' photoShot). */
export function isPhotoUnit(u: BodyUnit, markers: MarkerSet): boolean {
  return u.bylines.some((b) => typeof b.byline?.credit === 'string' && markers.photoShot.test(b.byline.credit));
}
