/**
 * Stage 6a (text road) — a headline block that pairing gave no body, standing
 * right under a story's text with no text of its own under it, is no headline:
 * it is the last line of the story above, set apart from the text (a
 * photographer's or designer's credit, the signer and date of a decree, an
 * editor's line). Hard-wrapped text shows it as a short unpunctuated line
 * between blank lines, which is the shape of a headline; only pairing, which
 * has looked for its story over the whole page and found none, can say it is
 * not one. It becomes that story's last paragraph (`tail-under-story`).
 *
 * Runs after pair-titles and before build-articles; the pairs are renumbered
 * for the blocks that remain.
 */
import type { Block, BodyUnit, TitleBlock } from './group-blocks.js';
import { isPhotoUnit, type Pairing } from './pair-titles.js';
import { CLASSIFY_TUNING as T } from './classify-tuning.js';
import { DEFAULT_MARKERS, type MarkerSet } from './markers.js';

/** A headline block pairing gave no story, of a tail's few lines (CLASSIFY_TUNING.tailMaxLines). */
function isTail(b: Block, paired: ReadonlySet<number>, i: number): b is TitleBlock {
  return b.type === 'title' && !paired.has(i) && !b.display && b.kicker === null && b.subheadline === null && b.titles.length > 0 && b.titles.length <= T.tailMaxLines;
}

/**
 * A story's text above, still open: a photo's caption ends at its
 * photographer's credit, so a line under that is not the caption's (it is
 * more likely a kicker whose headline split-bodies cut apart), and a story
 * the page closed with a sign-off, an end mark or a jump line has had its
 * last line (a headline under it whose story was lost stays a headline).
 * A unit split-bodies cut is closed by content only: its tail may follow.
 */
function storyAbove(b: Block | undefined, markers: MarkerSet): b is BodyUnit {
  return b !== undefined && b.type === 'body' && b.body.length > 0 && !isPhotoUnit(b, markers) && b.closedBy !== 'endmark' && b.closedBy !== 'jump';
}

export function keepStoryTails(blocks: Block[], pairs: Pairing[], markers: MarkerSet = DEFAULT_MARKERS): { blocks: Block[]; pairs: Pairing[] } {
  const paired = new Set(pairs.map((p) => p.title));
  const newIndex = new Map<number, number>();
  const out: Block[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    const above = out[out.length - 1];
    const below = blocks[i + 1];
    if (isTail(b, paired, i) && storyAbove(above, markers) && (below === undefined || below.type === 'title')) {
      for (const line of b.titles) {
        line.role = 'body';
        line.rule = 'tail-under-story';
        line.standalone = true;
      }
      const body = [...above.body, ...b.titles];
      const tails: [number, number] = above.tails ? [above.tails[0], b.lines[1]] : [b.lines[0], b.lines[1]];
      out[out.length - 1] = { ...above, body, tails, lines: [above.lines[0], Math.max(above.lines[1], b.lines[1])] };
      continue;
    }
    newIndex.set(i, out.length);
    out.push(b);
  }
  if (out.length === blocks.length) return { blocks, pairs };
  return { blocks: out, pairs: pairs.map((p) => ({ ...p, title: newIndex.get(p.title)!, body: newIndex.get(p.body)! })) };
}
