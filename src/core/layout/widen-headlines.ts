/**
 * Layout stage — a headline's true span. A lead headline is often set
 * centred and shorter than the story under it: over a story four columns
 * wide it may cover only the middle two. A column beside a headline belongs
 * to it when the strip of that column beside the headline is empty and the
 * first text below that strip starts level with the headline's own text (the
 * story's columns start on one line). Running text beside the headline (a
 * story flowing through the columns) or a headline of its own there stops
 * the widening.
 */
import { LAYOUT_TUNING as T } from './tuning.js';
import { partitionPoint } from '../arrays.js';
import { byColumn } from './geometry.js';
import type { Block } from './build-blocks.js';
import type { Column } from './find-columns.js';
import type { TypeMeasure } from './measure-type.js';

/** Index of the first block in `list` whose bottom is below `y`. */
function firstEndingBelow(list: Block[], y: number): number {
  // Tops are sorted; a block that starts above y may still reach below it, so step back over those.
  let i = partitionPoint(list, (b) => b.box[1] >= y);
  while (i > 0 && list[i - 1]!.box[3] > y) i--;
  return i;
}

export function widenHeadlines(blocks: Block[], columns: Column[], type: TypeMeasure): void {
  const lists = byColumn(blocks, (b) => b.box[1]);
  const level = T.levelEm * type.body;
  // Only headline type widens: a bold label or kicker names a part of the page, not a story's width.
  const headlines = blocks.filter((b) => b.kind === 'headline' && b.size >= T.headlineRatio * type.body);
  const bodyTops = new Map<Block, number>();
  for (const h of headlines) {
    const top = firstTextBelow(h, lists);
    if (top !== null) bodyTops.set(h, top);
  }
  // Rightwards first, then leftwards into columns no headline of the same row has taken: text
  // under a headline runs down and on to the right, so a column between two headlines of one
  // row is the left one's.
  const claimed: Block[][] = Array.from({ length: columns.length }, () => []);
  for (const h of headlines) for (let c = h.c1; c <= h.c2; c++) claimed[c]!.push(h);
  // A headline of the row bars another from its columns; a label or kicker in much smaller type does not.
  const rivals = (g: Block, h: Block) => g !== h && Math.abs(g.box[1] - h.box[1]) <= level && g.size >= T.rivalSizeShare * h.size;
  for (const step of [1, -1] as const) {
    for (const h of headlines) {
      const bodyTop = bodyTops.get(h);
      if (bodyTop === undefined) continue;
      for (let c = step < 0 ? h.c1 - 1 : h.c2 + 1; c >= 0 && c < columns.length; c += step) {
        if (claimed[c]!.some((g) => rivals(g, h))) break;
        if (!besideIsEmpty(lists[c] ?? [], h, bodyTop, level, type)) break;
        if (step < 0) h.c1 = c;
        else h.c2 = c;
        claimed[c]!.push(h);
        h.spanBox = [columns[h.c1]!.x0, h.box[1], columns[h.c2]!.x1, h.box[3]];
        h.widened = true;
      }
    }
  }
}

/** Top of the first text under the headline in its own columns, or null. */
function firstTextBelow(h: Block, lists: Block[][]): number | null {
  let top = Infinity;
  for (let c = h.c1; c <= h.c2; c++) {
    for (const b of lists[c] ?? []) {
      if (b === h || b.box[1] < h.box[3] - 1 || b.kind !== 'body') continue;
      if (b.box[0] >= h.box[2] || b.box[2] <= h.box[0]) continue;
      top = Math.min(top, b.box[1]);
      break;
    }
  }
  return top === Infinity ? null : top;
}

/**
 * The strip of a column beside headline `h` (from its top down to the top of
 * its text) holds nothing, and the column's first block below the strip is
 * body text starting level with `bodyTop`. Two things may stand in the strip
 * under the headline's last line without stopping it: the story's own
 * subheadline or byline, set left in the first column under a centred lead
 * headline (smaller display type, no rival). Text that starts above the
 * middle of the headline's first line runs beside it (the neighbour's story), however level.
 */
function besideIsEmpty(list: Block[], h: Block, bodyTop: number, level: number, type: TypeMeasure): boolean {
  for (let i = firstEndingBelow(list, h.box[1]); i < list.length; i++) {
    const b = list[i]!;
    if (b.box[3] <= h.box[1]) continue;
    // Text that starts above the middle of the headline's first line runs beside it (the neighbour's story),
    // however level: OCR boxes an ad's slogan a unit above the next story's first line.
    if (b.box[1] < h.box[1] + (0.5 * (h.box[3] - h.box[1])) / h.lines.length) return false;
    if (underHeadline(b, h, bodyTop, type)) continue;
    if (b.box[1] < bodyTop - level) return leadsIntoText(b, h, bodyTop, level, type); // something beside the headline, unless its stack
    return b.kind === 'body' && Math.abs(b.box[1] - bodyTop) <= level;
  }
  return false;
}

/** A short block of the headline's stack below it: after its last line, before its text, in smaller type than a rival headline. */
function underHeadline(b: Block, h: Block, bodyTop: number, type: TypeMeasure): boolean {
  return (
    b.box[1] >= h.box[3] &&
    b.box[3] <= bodyTop &&
    b.lines.length <= T.stackMaxLines &&
    b.size < T.rivalSizeShare * h.size &&
    b.box[1] - h.box[3] <= T.stackGapEm * type.body
  );
}

/**
 * OCR estimates sizes from boxes (±15 %), so the story's subheadline and
 * byline under a centred lead, set a little larger than the text or smaller,
 * come out in body type and build-blocks joins them to the text under them:
 * one body block that starts right under the headline. It is the headline's
 * stack over its text when at most stackMaxLines short lines (stopping well
 * short of the block's right edge: a dash-led subheadline, a reporter's
 * name) stand above the level of the text and the rest starts level with it.
 * Running text beside the headline fills its lines.
 */
function leadsIntoText(b: Block, h: Block, bodyTop: number, level: number, type: TypeMeasure): boolean {
  // Sizes a reader states (PDF fonts, -layout estimates made apart from boxes) split the stack from the text already.
  if (b.kind !== 'body' || b.lines.some((l) => l.typeSet)) return false;
  if (b.box[1] < h.box[3] - 1 || b.box[1] - h.box[3] > T.stackGapEm * type.body) return false;
  const lead = b.lines.filter((l) => l.box[1] < bodyTop - level);
  if (lead.length === 0 || lead.length > T.stackMaxLines || lead.length === b.lines.length) return false;
  if (lead.some((l) => b.box[2] - l.box[2] < T.shortLineEm * type.em)) return false;
  return Math.abs(b.lines[lead.length]!.box[1] - bodyTop) <= level;
}
