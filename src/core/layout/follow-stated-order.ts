/**
 * Layout stage 5b — the reading order the file states (ALTO ReadingOrder or
 * IDNEXT), when it agrees with the page. A producer that states an order has
 * seen what geometry guesses at (a story that skips a column, a sidebar read
 * after the story it interrupts), so its order is followed; but a stated order
 * is also written by tools that list blocks as they found them, so it is
 * checked against what geometry is sure of first. The reader hands the lines
 * over in the stated order, so a block's place in it is the reader index of its
 * first line. Pure.
 */
import type { Block } from './build-blocks.js';
import { lowerBound } from '../arrays.js';
import { LAYOUT_TUNING as T } from './tuning.js';

/** Where a block comes in the reader's (stated) order: its first line's. */
function statedRank(b: Block): number {
  let rank = Infinity;
  for (const l of b.lines) rank = Math.min(rank, l.index);
  return rank;
}

/**
 * The blocks in the stated order, or null when that order does not agree with
 * the page: it reads the text under a headline before the headline, or it
 * scatters the lines of one block (lines close together in one column and one
 * type, which build-blocks joined) between other blocks. Either, in more than
 * `statedOrderSlack` of the cases, says the file's order is not a reading
 * order of this page (the order a tool found blocks in), so geometry decides.
 * `geometric` is order-blocks' stream, whose headline-then-text pairs are the
 * test.
 */
export function followStatedOrder(geometric: Block[]): Block[] | null {
  // One block (or none) cannot be read out of order: the stated order is the only one, and agrees.
  if (geometric.length < 2) return geometric;
  const rank = new Map<Block, number>();
  for (const b of geometric) rank.set(b, statedRank(b));

  let scattered = 0;
  const byIndex = [...geometric].sort((a, b) => rank.get(a)! - rank.get(b)!);
  // A block is scattered when another block's first line falls between its own first and last line in the stated order.
  const firsts = byIndex.map((b) => rank.get(b)!);
  for (const b of geometric) {
    let last = -Infinity;
    for (const l of b.lines) last = Math.max(last, l.index);
    // firsts is ascending and holds b's own rank: another first line before b's last line sits inside b.
    if (lowerBound(firsts, last) - lowerBound(firsts, rank.get(b)! + 1) > 0) scattered++;
  }

  let pairs = 0;
  let bodyFirst = 0;
  for (let i = 0; i + 1 < geometric.length; i++) {
    const h = geometric[i]!;
    const next = geometric[i + 1]!;
    if (h.kind !== 'headline' || next.kind !== 'body' || next.box[1] < h.box[3]) continue;
    pairs++;
    if (rank.get(next)! < rank.get(h)!) bodyFirst++;
  }
  const allowed = (n: number) => Math.floor(T.statedOrderSlack * n);
  if (scattered > allowed(geometric.length) || bodyFirst > allowed(pairs)) return null;
  return byIndex;
}
