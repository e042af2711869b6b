/**
 * Stage 5b — split a body unit that holds two stories. When the page's reading
 * order put a headline block away from its body, that body can run straight on
 * from another article's text with no marker between them. If a headline block
 * has no text under it, and some unit's tail (from a paragraph start on) reads
 * like that headline while its head does not, the tail becomes its own unit,
 * which pairing will then give to the headline by content.
 *
 * Runs after group-blocks and before pair-titles.
 */
import { titleText, type Block, type BodyUnit, type TitleBlock } from './group-blocks.js';
import { bigramList, headlineBigrams, hitsWithin, indexBodies, reachOf, recall, spanOf, unitBigramSpans, unitBigrams, type Bigram, type BigramSpans, type BodyIndex } from './bigrams.js';
import { CLASSIFY_TUNING as T } from './classify-tuning.js';
import { closesUnopened } from './chars.js';

/**
 * Headlines stacked one under another (pdftotext often lists a column's
 * headlines before their texts) read as one many-line headline block. When
 * each line reads like a different body, the block is split into one block
 * per line, and pairing gives each its body by content.
 */
function splitStackedTitles(blocks: Block[], relevant: ReadonlySet<Bigram>): Block[] {
  let index: BodyIndex | null = null;
  return blocks.flatMap((b, bi) => {
    // Under a kicker set apart by a blank line, the title lines are one block of one type: one headline.
    if (b.type !== 'title' || b.display || b.subheadline || b.titles.length < 2 || b.kicker?.rule === 'kicker-set-apart') return [b];
    index ??= indexBodies(blocks, relevant);
    const [first, last] = reachOf(bi, blocks.length);
    const best = b.titles.map((line) => {
      let top = -1;
      let most = 0;
      const grams = bigramList(line.text);
      for (const [i, hits] of hitsWithin(index!, grams, first, last)) {
        if (hits > most || (hits === most && i < top)) [top, most] = [i, hits];
      }
      // A line that closes a bracket it never opened (…委员会主席）) is the tail of the text above, however short.
      const long = grams.length >= T.stackedMinBigrams || closesUnopened(line.text);
      return grams.length > 0 && long && most / grams.length >= T.stackedLineShare ? top : -1;
    });
    const distinct = new Set(best.filter((i) => i >= 0));
    if (best.includes(-1) || distinct.size < b.titles.length) return [b];
    return b.titles.map((line, i): TitleBlock => ({
      ...b,
      kicker: i === 0 ? b.kicker : null,
      kickerRest: i === 0 ? b.kickerRest : [],
      titles: [line],
      lines: [i === 0 && b.kicker ? b.kicker.n : line.n, line.n],
    }));
  });
}

/** First and last line of each of `grams` in a unit (a line past the end, and -1, when absent). */
function linesOf(grams: Bigram[], spans: BigramSpans): { first: number[]; last: number[] } {
  const first: number[] = [];
  const last: number[] = [];
  for (const g of grams) {
    const span = spanOf(spans, g);
    first.push(span ? span.first : Number.MAX_SAFE_INTEGER);
    last.push(span ? span.last : -1);
  }
  return { first, last };
}

/** Share of a headline's bigrams (repeats counted), given by their lines, for which `holds` is true. */
function share(lines: number[], holds: (line: number) => boolean): number {
  if (lines.length === 0) return 0;
  let hit = 0;
  for (const line of lines) if (holds(line)) hit++;
  return hit / lines.length;
}

const startsOf = new WeakMap<BodyUnit, number[]>();

/** Where a unit may be cut: its paragraph starts from CLASSIFY_TUNING.splitFirstCutLine on, cached per unit. */
function paragraphStarts(u: BodyUnit): number[] {
  let starts = startsOf.get(u);
  if (!starts) {
    starts = [];
    for (let k = T.splitFirstCutLine; k < u.body.length; k++) if (u.body[k]!.rule === 'paragraph-start') starts.push(k);
    startsOf.set(u, starts);
  }
  return starts;
}

export function splitBodies(input: Block[], relevant: ReadonlySet<Bigram> = headlineBigrams(input)): Block[] {
  const blocks = splitStackedTitles(input, relevant);
  const out = blocks.slice();
  for (let ti = 0; ti < out.length; ti++) {
    const t = out[ti]!;
    if (t.type !== 'title' || t.display) continue;
    const below = out[ti + 1];
    if (below && below.type === 'body') continue;
    const tGrams = bigramList(titleText(t));
    let best: { unit: number; at: number; score: number } | null = null;
    const [first, last] = reachOf(ti, out.length);
    for (let ui = first; ui <= last; ui++) {
      const u = out[ui]!;
      if (u.type !== 'body' || u.body.length < T.splitMinUnitLines) continue;
      // No tail can read like the headline if the whole unit does not.
      if (recall(tGrams, unitBigrams(u, relevant)) < T.splitTailShare) continue;
      // The unit's own headline (directly above it) should read like the head, not the tail.
      const ownGrams = ui > 0 && out[ui - 1]!.type === 'title' ? bigramList(titleText(out[ui - 1] as TitleBlock)) : [];
      // A cut before line k leaves a bigram in the head when its first line is before k (the
      // dateline's remainder is line -1), in the tail when its last line is k or later.
      // Headlines' bigrams are all in `relevant`, so `spans` knows every one asked about.
      const spans = unitBigramSpans(u, relevant);
      const t = linesOf(tGrams, spans);
      const own = linesOf(ownGrams, spans);
      for (const k of paragraphStarts(u)) {
        const tailFit = share(t.last, (line) => line >= k);
        const headFit = share(t.first, (line) => line < k);
        const ownFit = own.first.length ? share(own.first, (line) => line < k) - share(own.last, (line) => line >= k) : 0;
        const score = tailFit - headFit + ownFit;
        if (tailFit >= T.splitTailShare && headFit <= T.splitHeadShare && score > (best?.score ?? 0)) best = { unit: ui, at: k, score };
      }
    }
    if (!best) continue;
    const { unit: ui, at } = best as { unit: number; at: number; score: number };
    const u = out[ui] as BodyUnit;
    const headBody = u.body.slice(0, at);
    const tailBody = u.body.slice(at);
    const head: BodyUnit = { ...u, body: headBody, signoff: null, jump: null, endmark: null, closedBy: 'content-split', lines: [u.lines[0], headBody[headBody.length - 1]!.n] };
    const tail: BodyUnit = { ...u, bylines: [], dateline: null, jumpFrom: null, body: tailBody, openedBy: 'content-split', lines: [tailBody[0]!.n, u.lines[1]] };
    out.splice(ui, 1, head, tail);
    if (ui < ti) ti++;
  }
  return out;
}
