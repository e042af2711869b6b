/**
 * Layout stage 5 — reading order of blocks. Not a page-wide XY-cut (which
 * cuts at every headline and breaks a story that runs down one column and on
 * at the top of the next): a region of columns is cut horizontally only at a
 * headline that spans the whole region, and vertically only at a column
 * boundary that no headline crosses; a region of one column is read top to
 * bottom. So columns under a headline are read one after another, and a
 * story that flows down column 1 and on at the top of column 2 stays in one
 * piece of the order.
 */
import { partitionPoint } from '../arrays.js';
import type { Block } from './build-blocks.js';
import { appendAll } from '../arrays.js';
import { xOverlap } from './geometry.js';
import { LAYOUT_TUNING as T } from './tuning.js';

const MAX_DEPTH = 200;
/** A headline has at most a label and a kicker over it. */
const MAX_LEAD_INS = 2;
/** A kicker or label wraps to at most this many lines (assign-zones' stackMaxLines). */
const MAX_LEAD_IN_LINES = T.stackMaxLines;

export function orderBlocks(blocks: Block[], columns: number): Block[] {
  const out: Block[] = [];
  order(blocks, 0, Math.max(0, columns - 1), out, 0);
  return out;
}

/** Only display type can span: a body line run across a gutter is placed by its first column. */
const spans = (b: Block) => b.kind === 'headline' && b.c2 > b.c1;

function byTop(a: Block, b: Block): number {
  return a.box[1] - b.box[1] || a.box[0] - b.box[0];
}

/** How many of the sorted `tops` are at or above `y`. */
const countAtOrAbove = (tops: number[], y: number) => partitionPoint(tops, (t) => t > y);

/**
 * The short blocks stacked right above a headline across the region (a kicker,
 * a column label over it), top first: they sit in its first column, above its
 * top, so the band above would take them and part them from their headline.
 * Each is at most a few lines and closer above than a headline's own leading.
 * `byBottom` is the region's blocks sorted by their bottom edge (stably, so
 * that of blocks with one bottom the first in the region wins, as it would in
 * a scan): the candidates are the window of bottoms within reach above the
 * block under them, found by binary search, so a page of many headlines
 * across the region costs O(headlines × log blocks + window), not
 * O(headlines × blocks).
 */
export function leadInsOf(h: Block, byBottom: readonly Block[], isAcross: ReadonlySet<Block>): Block[] {
  const out: Block[] = [];
  const reach = T.headlineGapRatio * h.size;
  let under: Block = h;
  for (let k = 0; k < MAX_LEAD_INS; k++) {
    const top = under.box[1];
    // gap = top - bottom falls as the bottoms rise: the window is 0 <= gap <= reach.
    const from = partitionPoint(byBottom, (bl) => top - bl.box[3] <= reach);
    const to = partitionPoint(byBottom, (bl) => top - bl.box[3] < 0);
    let best: Block | null = null;
    for (let i = from; i < to; i++) {
      const bl = byBottom[i]!;
      if (bl === h || isAcross.has(bl) || out.includes(bl) || bl.lines.length > MAX_LEAD_IN_LINES) continue;
      if (xOverlap(bl.box, under.box) <= 0) continue;
      if (!best || bl.box[3] > best.box[3]) best = bl;
    }
    if (!best) break;
    out.unshift(best);
    under = best;
  }
  return out;
}

/** The blocks sorted by bottom edge, stably (leadInsOf's window). */
export function sortedByBottom(blocks: readonly Block[]): Block[] {
  return [...blocks].sort((x, y) => x.box[3] - y.box[3]);
}

function order(blocks: Block[], a: number, b: number, out: Block[], depth: number): void {
  if (blocks.length <= 1 || a >= b || depth > MAX_DEPTH) {
    appendAll(out, [...blocks].sort(byTop));
    return;
  }
  // Headlines across the whole region cut it into bands: what is above the
  // first, it, what lies between it and the next, … (all at once, so a tall
  // page costs one pass per level, not one per headline).
  const across = blocks.filter((bl) => spans(bl) && bl.c1 <= a && bl.c2 >= b).sort(byTop);
  if (across.length > 0) {
    const tops = across.map((h) => h.box[1]);
    const bands: Block[][] = across.map(() => []);
    bands.push([]);
    const isAcross = new Set(across);
    const byBottom = sortedByBottom(blocks);
    const leadIns = across.map((h) => leadInsOf(h, byBottom, isAcross));
    const placed = new Set(leadIns.flat());
    for (const bl of blocks) {
      if (isAcross.has(bl) || placed.has(bl)) continue;
      bands[countAtOrAbove(tops, bl.box[1])]!.push(bl);
    }
    for (let i = 0; i < bands.length; i++) {
      order(bands[i]!, a, b, out, depth + 1);
      if (i < across.length) appendAll(out, [...leadIns[i]!, across[i]!]);
    }
    return;
  }
  // Column boundaries no headline crosses cut the region into groups read left to right.
  const crossed = new Uint8Array(b - a);
  for (const bl of blocks) {
    if (!spans(bl)) continue;
    for (let k = Math.max(bl.c1, a); k < Math.min(bl.c2, b); k++) crossed[k - a] = 1;
  }
  const groups: [number, number][] = [];
  let start = a;
  for (let k = a; k < b; k++) {
    if (!crossed[k - a]) {
      groups.push([start, k]);
      start = k + 1;
    }
  }
  groups.push([start, b]);
  if (groups.length > 1) {
    for (const [g1, g2] of groups) {
      order(blocks.filter((bl) => bl.c1 >= g1 && bl.c1 <= g2), g1, g2, out, depth + 1);
    }
    return;
  }
  // Headlines of staggered spans cross every boundary: cut above the topmost one.
  // Its kicker and column label stay with it, as with a headline across the region.
  const top = blocks.filter(spans).sort(byTop)[0]!;
  const leadIns = new Set(leadInsOf(top, sortedByBottom(blocks), new Set([top])));
  const above = blocks.filter((bl) => bl.box[3] <= top.box[1] && !leadIns.has(bl));
  if (above.length > 0 && above.length < blocks.length) {
    order(above, a, b, out, depth + 1);
    order(blocks.filter((bl) => bl.box[3] > top.box[1] || leadIns.has(bl)), a, b, out, depth + 1);
    return;
  }
  // Nothing above it but its lead-ins: its own columns first (the lead-ins with it), then the rest.
  const inside = blocks.filter((bl) => (bl.c1 >= top.c1 && bl.c1 <= top.c2 && bl.box[1] >= top.box[1]) || leadIns.has(bl));
  const rest = blocks.filter((bl) => !inside.includes(bl));
  if (rest.length === 0) {
    appendAll(out, [...blocks].sort((x, y) => x.c1 - y.c1 || byTop(x, y)));
    return;
  }
  order(inside, top.c1, top.c2, out, depth + 1);
  order(rest, a, b, out, depth + 1);
}
