/**
 * Stage 5c (text road) — a headline's deck over its report. People's Daily
 * sets a short summary between a news story's headline and its dateline
 * (headline ⏎ 今年底前，七成事项将一次办结 ⏎ 本报北京2月20日电 （记者…）…),
 * a few lines in the deck's own type that end no sentence. A dateline opens a
 * body unit, so the deck came out as the headline's whole story and the
 * report as a story without a headline. A text unit right under a headline
 * block, of at most DECK_MAX_LINES lines, whose last line ends no sentence,
 * over a unit its dateline opens, is that report's first paragraph: the two
 * are one unit, the dateline kept in the text where it is printed.
 *
 * Runs after join-parallel-sections and before split-bodies.
 */
import { endsSentence } from './chars.js';
import type { Block, BodyUnit } from './group-blocks.js';
import { joinUnits } from './join-units.js';

/**
 * A deck is a sentence or two of summary (the dev pages' run 3–4 lines of a
 * narrow column); a text of more lines under a headline is a story of its
 * own, whatever follows it.
 */
const DECK_MAX_LINES = 5;

function isDeck(unit: Block | undefined, above: Block | undefined, pauseEnds: boolean): unit is BodyUnit {
  if (unit?.type !== 'body' || above?.type !== 'title') return false;
  if (unit.openedBy !== 'text' || unit.closedBy !== null || unit.bylines.length > 0 || unit.jumpFrom !== null) return false;
  const n = unit.body.length;
  return n > 0 && n <= DECK_MAX_LINES && !endsSentence(unit.body[n - 1]!.text, pauseEnds);
}

export function joinSummaryDecks(blocks: Block[], pauseEnds = false): Block[] {
  const out: Block[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    const next = blocks[i + 1];
    if (isDeck(b, blocks[i - 1], pauseEnds) && next?.type === 'body' && next.openedBy === 'dateline') {
      out.push(joinUnits(b, [{ heads: [], unit: next }], 'join-summary-decks'));
      i++;
      continue;
    }
    out.push(b);
  }
  return out;
}
