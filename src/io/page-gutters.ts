/**
 * The page's column gutters as the reader sees them, before lines are built:
 * x-ranges that the body lines on both sides leave (almost) empty. Tesseract
 * runs a line straight across a narrow gutter (1.4 em on some papers), and
 * such lines must be cut where a word gap lines up with a gutter the other
 * lines show (`splitAcrossGutters`); a flat word-gap threshold cannot tell a
 * gutter from a wide gap inside a line (a tab before a figure, a spaced name).
 * Pure.
 */
import type { BBox } from './layout-lines.js';

export const GUTTER_TUNING = {
  /** Lines up to this many times the median line height are body type; headlines may legitimately span gutters. */
  bodyHeightRatio: 1.3,
  /** Width of one bin of the x-projection, in median line heights. */
  binRatio: 0.25,
  /**
   * A bin is in a gutter when it is covered by at most this share of the lines
   * the columns on both sides of it hold. The few lines Tesseract ran across a
   * narrow gutter are 5–10 % of a column's lines on the pages seen; a ragged
   * column edge or a short paragraph end still leaves well over half.
   */
  dipShare: 0.2,
  /** How far (in line heights) to each side the column peaks are looked for: more than a gutter, less than a column. */
  peakReach: 4,
  /** Both neighbouring columns need at least this many body lines for a dip between them to mean anything. */
  minColumnLines: 8,
  /** A gutter is at least this wide (line heights): narrower dips are ragged line ends. */
  minWidth: 0.5,
  /** …and at most this wide: a wider empty range is a margin or a picture, which a line does not run across. */
  maxWidth: 4,
  /**
   * A word gap that overlaps a gutter is cut when it is at least this many line
   * heights: a gutter of 1.4 em less the OCR boxes' slack is ≥ 1 line height, while
   * the widest gaps inside a CJK line (after a comma's half-width glyph box) stay
   * near 0.6.
   */
  minWordGap: 0.8,
  /**
   * OCR words the engine is less sure of than this are left out of the gutters' evidence, and one lying in a
   * gutter does not bridge it: Tesseract reads a speck between two columns as a mark (a quote pair at 0.37 on a
   * generated page), while the glyphs of body text are read at 0.8 and more.
   */
  wordConfidence: 0.5,
} as const;

const T = GUTTER_TUNING;

/** Gutters as [x0, x1] ranges, left to right, from the boxes of all the page's lines. */
export function pageGutters(lineBoxes: BBox[], lineHeight: number): [number, number][] {
  if (!(lineHeight > 0)) return [];
  const body = lineBoxes.filter((b) => b[3] - b[1] <= T.bodyHeightRatio * lineHeight && b[2] > b[0]);
  if (body.length < 2 * T.minColumnLines) return [];
  let left = Infinity;
  let right = -Infinity;
  for (const b of body) {
    left = Math.min(left, b[0]);
    right = Math.max(right, b[2]);
  }
  if (!Number.isFinite(left) || !Number.isFinite(right)) return [];
  const bin = Math.max(T.binRatio * lineHeight, (right - left) / 20000);
  const bins = Math.ceil((right - left) / bin) + 1;
  const diff = new Int32Array(bins + 1);
  for (const b of body) {
    diff[Math.floor((b[0] - left) / bin)]! += 1;
    diff[Math.min(bins, Math.floor((b[2] - left) / bin) + 1)]! -= 1;
  }
  const cover = new Int32Array(bins);
  let run = 0;
  for (let i = 0; i < bins; i++) cover[i] = run += diff[i]!;
  const reach = Math.max(1, Math.round(T.peakReach / T.binRatio));
  const leftPeak = runningMax(cover, reach, 1);
  const rightPeak = runningMax(cover, reach, -1);
  const gutters: [number, number][] = [];
  let start = -1;
  for (let i = 0; i <= bins; i++) {
    const sides = i < bins ? Math.min(leftPeak[i]!, rightPeak[i]!) : 0;
    const dip = i < bins && sides >= T.minColumnLines && cover[i]! <= T.dipShare * sides;
    if (dip && start < 0) start = i;
    if (!dip && start >= 0) {
      const x0 = left + start * bin;
      const x1 = left + i * bin;
      const w = (x1 - x0) / lineHeight;
      if (w >= T.minWidth && w <= T.maxWidth) gutters.push([x0, x1]);
      start = -1;
    }
  }
  return gutters;
}

/** For each bin, the largest cover within `reach` bins before it (dir 1) or after it (dir −1), the bin included. */
function runningMax(cover: Int32Array, reach: number, dir: 1 | -1): Int32Array {
  const out = new Int32Array(cover.length);
  // A monotone deque of indices keeps this linear in the number of bins.
  const deque: number[] = [];
  let head = 0;
  const n = cover.length;
  for (let k = 0; k < n; k++) {
    const i = dir === 1 ? k : n - 1 - k;
    while (deque.length > head && cover[deque[deque.length - 1]!]! <= cover[i]!) deque.pop();
    deque.push(i);
    while (Math.abs(deque[head]! - i) > reach) head++;
    out[i] = cover[deque[head]!]!;
  }
  return out;
}

/** Does the box [x0, x1] lie in one of the gutters (its middle between the gutter's edges)? */
export function inGutter(x0: number, x1: number, gutters: [number, number][]): boolean {
  const mid = (x0 + x1) / 2;
  return gutters.some(([g0, g1]) => mid >= g0 && mid <= g1);
}

/** Does the word gap [x0, x1] cut through one of the gutters? */
export function gapAtGutter(x0: number, x1: number, gutters: [number, number][], lineHeight: number): boolean {
  if (x1 - x0 < T.minWordGap * lineHeight) return false;
  for (const [g0, g1] of gutters) {
    const overlap = Math.min(x1, g1) - Math.max(x0, g0);
    if (overlap > 0 && overlap >= 0.5 * Math.min(x1 - x0, g1 - g0)) return true;
  }
  return false;
}
