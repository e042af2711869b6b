/**
 * Reading order of text blocks from their boxes alone: a recursive XY-cut
 * tuned for newspaper columns. Pure; coordinates are in any unit with y
 * growing downwards.
 *
 * At each step the set of boxes is cut where the projection leaves a gap:
 *
 *   1. a wide horizontal gap (≥ `bandGap`) across the whole set cuts it into
 *      bands, read top to bottom (article rows, a furniture strip over the page);
 *   2. otherwise a vertical gap (a gutter no box crosses) cuts it into columns,
 *      read left to right;
 *   3. otherwise any horizontal gap cuts it into bands, read top to bottom: this
 *      is where a block spanning several columns (a headline over its article)
 *      separates what is above it from the columns below it;
 *   4. boxes that overlap so no cut exists are read by top, then left.
 *
 * Columns come before narrow horizontal gaps on purpose: Chinese body text in
 * neighbouring columns sits on one baseline grid, so the small gaps between
 * paragraphs line up across columns and would otherwise cut through them.
 */

export interface Box {
  /** Anything that identifies the box to the caller. */
  key: number;
  /** [left, top, right, bottom]. */
  bbox: [number, number, number, number];
}

export interface ReadingOrderOptions {
  /** Horizontal gaps at least this tall cut bands before columns are looked for (default: none). */
  bandGap?: number;
  /** Boxes may overlap a gutter or gap by this much and still count as separated (default 0). */
  slack?: number;
}

const MAX_DEPTH = 400;

/** The keys of `boxes` in reading order. */
export function readingOrder(boxes: Box[], options: ReadingOrderOptions = {}): number[] {
  const out: number[] = [];
  cut(boxes, options, 0, out);
  return out;
}

function byTopLeft(a: Box, b: Box): number {
  return a.bbox[1] - b.bbox[1] || a.bbox[0] - b.bbox[0] || a.key - b.key;
}

/** Groups of boxes separated by gaps of at least `minGap` along the axis (0 = x, 1 = y). */
export function splitByGaps(boxes: Box[], axis: 0 | 1, minGap: number, slack = 0): Box[][] {
  const lo = axis;
  const hi = axis + 2;
  const sorted = [...boxes].sort((a, b) => a.bbox[lo] - b.bbox[lo] || a.key - b.key);
  const groups: Box[][] = [];
  let current: Box[] = [];
  let reach = -Infinity;
  for (const b of sorted) {
    const start = b.bbox[lo] + slack;
    if (current.length > 0 && start - reach >= minGap && start > reach) {
      groups.push(current);
      current = [];
    }
    current.push(b);
    reach = Math.max(reach, b.bbox[hi] - slack, b.bbox[lo] + slack);
  }
  if (current.length > 0) groups.push(current);
  return groups;
}

function cut(boxes: Box[], options: ReadingOrderOptions, depth: number, out: number[]): void {
  if (boxes.length <= 1 || depth > MAX_DEPTH) {
    for (const b of [...boxes].sort(byTopLeft)) out.push(b.key);
    return;
  }
  const slack = options.slack ?? 0;
  const recurse = (groups: Box[][]) => {
    for (const g of groups) cut(g, options, depth + 1, out);
  };
  if (options.bandGap !== undefined && Number.isFinite(options.bandGap)) {
    const bands = splitByGaps(boxes, 1, options.bandGap, slack);
    if (bands.length > 1) return recurse(bands);
  }
  const columns = splitByGaps(boxes, 0, Number.MIN_VALUE, slack);
  if (columns.length > 1) return recurse(columns);
  const bands = splitByGaps(boxes, 1, Number.MIN_VALUE, slack);
  if (bands.length > 1) return recurse(bands);
  for (const b of [...boxes].sort(byTopLeft)) out.push(b.key);
}
