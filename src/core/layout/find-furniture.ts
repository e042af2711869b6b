/**
 * Layout stage 4 — the furniture strips: the page's top row (page number,
 * masthead, date, section) and bottom row, recognised by where they stand
 * (above or below everything else, apart from it) and what they hold (short
 * pieces, not prose). Their lines never enter a story.
 */
import { LAYOUT_TUNING as T } from './tuning.js';
import { yOverlap, type PlacedLine } from './geometry.js';
import type { TypeMeasure } from './measure-type.js';
import { maxOf, minOf } from '../arrays.js';
import { RUNNING_TEXT_MARK } from '../chars.js';

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

interface Row {
  lines: PlacedLine[];
  /** Distance to the next line further in (below a top row, above a bottom row). */
  gap: number;
  spread: boolean;
}

/** The outermost row of `sorted` (lines not yet taken), or null when it is all that is left. */
function outerRow(sorted: PlacedLine[], side: 'top' | 'bottom', pageWidth: number, taken: Set<PlacedLine>): Row | null {
  const left = sorted.filter((l) => !taken.has(l));
  const first = left[0];
  if (!first) return null;
  // The row: every line sharing height with the outermost one.
  const lines = left.filter((l) => yOverlap(l.box, first.box) > 0.3 * Math.min(l.box[3] - l.box[1], first.box[3] - first.box[1]));
  if (lines.length === left.length) return null;
  const inRow = new Set(lines);
  const rest = left.filter((l) => !inRow.has(l));
  const edge = side === 'top' ? maxOf(lines, (l) => l.box[3]) : minOf(lines, (l) => l.box[1]);
  const gap = side === 'top' ? minOf(rest, (l) => l.box[1]) - edge : edge - maxOf(rest, (l) => l.box[3]);
  const rowLeft = minOf(lines, (l) => l.box[0]);
  const rowRight = maxOf(lines, (l) => l.box[2]);
  // Pieces spread across the page (page number left, date right).
  return { lines, gap, spread: lines.length >= 2 && rowRight - rowLeft >= 0.5 * pageWidth };
}

/**
 * A strip row holds short pieces of no running text, at least one of them in small type (a page
 * number, a date: two headlines side by side at the top of a page are all
 * display type), spread across the page and a little apart from what
 * follows — or one piece standing well apart (a headline sits about one em
 * above its text). A row of display type only (a masthead) is a strip when
 * a strip row follows right after it.
 */
function takeStrip(sorted: PlacedLine[], side: 'top' | 'bottom', pageWidth: number, type: TypeMeasure, out: Set<PlacedLine>): void {
  const isStrip = (row: Row) => {
    // A strip's pieces (page number, masthead, date, section, an editor's credit) are names and figures, never
    // clauses: a row under the page's header where the columns' first lines stand beside a headline is no strip.
    if (row.lines.some((l) => l.chars > T.furnitureMaxChars || out.has(l) || RUNNING_TEXT_MARK.test(l.line.text))) return false;
    if (row.spread) return row.gap >= T.furnitureGapEm * type.body && row.lines.some((l) => l.size < T.headlineRatio * type.body);
    return row.gap >= T.loneFurnitureGapEm * type.body;
  };
  const first = outerRow(sorted, side, pageWidth, out);
  if (!first) return;
  if (isStrip(first)) {
    for (const l of first.lines) out.add(l);
    const second = outerRow(sorted, side, pageWidth, out);
    if (second && second.spread && isStrip(second)) for (const l of second.lines) out.add(l);
    return;
  }
  const displayOnly = first.lines.every((l) => l.size >= T.headlineRatio * type.body) && first.lines.every((l) => l.chars <= T.furnitureMaxChars);
  if (!displayOnly || first.gap >= 2 * type.body) return;
  const taken = new Set([...out, ...first.lines]);
  const second = outerRow(sorted, side, pageWidth, taken);
  if (second && second.spread && isStrip(second)) for (const l of [...first.lines, ...second.lines]) out.add(l);
}
