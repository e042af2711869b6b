/**
 * Layout stage 4 — the furniture strips: the page's top row (page number,
 * masthead, date, section) and bottom row, recognised by where they stand
 * (above or below everything else, apart from it) and what they hold (short
 * pieces, not prose). Their lines never enter a story.
 */
import { LAYOUT_TUNING as T } from './tuning.js';
import { yOverlap, type PlacedLine } from './geometry.js';
import type { TypeMeasure } from './measure-type.js';

/** Indexes (into `lines`) of the lines in the top and bottom furniture strips. */
export function findFurniture(lines: PlacedLine[], type: TypeMeasure): Set<PlacedLine> {
  const out = new Set<PlacedLine>();
  if (lines.length < 3) return out;
  const byTop = [...lines].sort((a, b) => a.box[1] - b.box[1]);
  const byBottom = [...lines].sort((a, b) => b.box[3] - a.box[3]);
  let left = Infinity;
  let right = -Infinity;
  for (const l of lines) {
    left = Math.min(left, l.box[0]);
    right = Math.max(right, l.box[2]);
  }
  const pageWidth = right - left;
  takeStrip(byTop, 'top', pageWidth, type, out);
  takeStrip(byBottom, 'bottom', pageWidth, type, out);
  return out;
}

function takeStrip(sorted: PlacedLine[], side: 'top' | 'bottom', pageWidth: number, type: TypeMeasure, out: Set<PlacedLine>): void {
  const first = sorted[0]!;
  // The row: every line sharing height with the outermost one.
  const row = sorted.filter((l) => yOverlap(l.box, first.box) > 0.3 * Math.min(l.box[3] - l.box[1], first.box[3] - first.box[1]));
  if (row.length === sorted.length) return;
  if (row.some((l) => l.chars > T.furnitureMaxChars || out.has(l))) return;
  const rest = sorted.filter((l) => !row.includes(l));
  const edge = side === 'top' ? Math.max(...row.map((l) => l.box[3])) : Math.min(...row.map((l) => l.box[1]));
  const gap = side === 'top' ? Math.min(...rest.map((l) => l.box[1])) - edge : edge - Math.max(...rest.map((l) => l.box[3]));
  const rowLeft = Math.min(...row.map((l) => l.box[0]));
  const rowRight = Math.max(...row.map((l) => l.box[2]));
  // Pieces spread across the page (page number left, date right), or one row standing apart.
  const spread = row.length >= 2 && rowRight - rowLeft >= 0.5 * pageWidth;
  // A lone piece is furniture only when it stands well apart: a short headline
  // at the top of a column sits about one em above its text.
  if (!(spread ? gap >= T.furnitureGapEm * type.body : gap >= T.loneFurnitureGapEm * type.body)) return;
  for (const l of row) out.add(l);
}
