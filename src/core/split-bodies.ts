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
import { bigramList, headlineBigrams, recall, unitBigrams, type Bigram } from './bigrams.js';

const MIN_TAIL = 0.5;
const MAX_HEAD = 0.3;
// A single stacked headline line is short: the pairing threshold for content alone applies.
const MIN_STACKED = 0.4;


/**
 * Headlines stacked one under another (pdftotext often lists a column's
 * headlines before their texts) read as one many-line headline block. When
 * each line reads like a different body, the block is split into one block
 * per line, and pairing gives each its body by content.
 */
function splitStackedTitles(blocks: Block[], relevant: ReadonlySet<Bigram>): Block[] {
  const bodies = blocks.filter((b): b is BodyUnit => b.type === 'body');
  return blocks.flatMap((b) => {
    if (b.type !== 'title' || b.display || b.subheadline || b.titles.length < 2) return [b];
    const best = b.titles.map((line) => {
      let top = -1;
      let score = 0;
      const grams = bigramList(line.text);
      bodies.forEach((u, i) => {
        const r = recall(grams, unitBigrams(u, relevant));
        if (r > score) [top, score] = [i, r];
      });
      return score >= MIN_STACKED ? top : -1;
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

export function splitBodies(input: Block[], relevant: ReadonlySet<Bigram> = headlineBigrams(input)): Block[] {
  const blocks = splitStackedTitles(input, relevant);
  let out = blocks.slice();
  for (let ti = 0; ti < out.length; ti++) {
    const t = out[ti]!;
    if (t.type !== 'title' || t.display) continue;
    const below = out[ti + 1];
    if (below && below.type === 'body') continue;
    const tGrams = bigramList(titleText(t));
    let best: { unit: number; at: number; score: number } | null = null;
    out.forEach((u, ui) => {
      if (u.type !== 'body' || u.body.length < 4) return;
      // No tail can read like the headline if the whole unit does not.
      if (recall(tGrams, unitBigrams(u, relevant)) < MIN_TAIL) return;
      // The unit's own headline (directly above it) should read like the head, not the tail.
      const ownGrams = ui > 0 && out[ui - 1]!.type === 'title' ? bigramList(titleText(out[ui - 1] as TitleBlock)) : [];
      // Bags of bigrams before and after each candidate split, moved one line at a time.
      // Only the two headlines' bigrams are ever asked about, so only they are counted.
      const asked = new Set([...tGrams, ...ownGrams]);
      const lineGrams = u.body.map((l) => bigramList(l.text).filter((g) => asked.has(g)));
      const head = new Map<Bigram, number>();
      const tail = new Map<Bigram, number>();
      const bump = (bag: Map<Bigram, number>, grams: Bigram[], by: number) => {
        for (const g of grams) bag.set(g, (bag.get(g) ?? 0) + by);
      };
      bump(head, bigramList(u.dateline?.dateline?.rest ?? ''), 1);
      lineGrams.forEach((g) => bump(tail, g, 1));
      for (let k = 0; k < u.body.length; k++) {
        if (k >= 2 && u.body[k]!.rule === 'paragraph-start') {
          const tailFit = recall(tGrams, tail);
          const headFit = recall(tGrams, head);
          const ownFit = ownGrams.length ? recall(ownGrams, head) - recall(ownGrams, tail) : 0;
          const score = tailFit - headFit + ownFit;
          if (tailFit >= MIN_TAIL && headFit <= MAX_HEAD && score > (best?.score ?? 0)) best = { unit: ui, at: k, score };
        }
        bump(head, lineGrams[k]!, 1);
        bump(tail, lineGrams[k]!, -1);
      }
    });
    if (!best) continue;
    const { unit: ui, at } = best as { unit: number; at: number; score: number };
    const u = out[ui] as BodyUnit;
    const headBody = u.body.slice(0, at);
    const tailBody = u.body.slice(at);
    const head: BodyUnit = { ...u, body: headBody, signoff: null, jump: null, endmark: null, closedBy: 'content-split', lines: [u.lines[0], headBody[headBody.length - 1]!.n] };
    const tail: BodyUnit = { ...u, bylines: [], dateline: null, jumpFrom: null, body: tailBody, openedBy: 'content-split', lines: [tailBody[0]!.n, u.lines[1]] };
    out = [...out.slice(0, ui), head, tail, ...out.slice(ui + 1)];
    if (ui < ti) ti++;
  }
  return out;
}
