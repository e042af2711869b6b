/** Boxes, sizes and the small statistics the layout stages share. Pure. */
import type { InputLine } from '../model.js';

/** [left, top, right, bottom], y growing downwards. */
export type Box = [number, number, number, number];

/** A line with the geometry the layout stages read. */
export interface PlacedLine {
  /** Index of the line in the reader's list. */
  index: number;
  line: InputLine;
  box: Box;
  /** Type size: the reader's `hint.size`, else the box height. */
  size: number;
  bold: boolean;
  /** The size is the reader's (a PDF font size, exact), not estimated from the box (OCR, to ±15 %). */
  typeSet?: boolean;
  /** Display type though its size is under the headline ratio: an OCR headline told by contrast (find-contrast-display). */
  display?: boolean;
  /** A headline's row of one glyph whose OCR box hugs a stroke or marks (build-blocks `wrappedGlyph`): it took the headline's size. */
  glyphRow?: boolean;
  /** Characters of text (no spaces): the weight of the line in page statistics. */
  chars: number;
  /** First and last column the line covers (-1 before columns are known). */
  c1: number;
  c2: number;
}

export function placedLines(lines: InputLine[]): PlacedLine[] {
  const out: PlacedLine[] = [];
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    const b = l.hint?.bbox;
    if (!b || !validBox(b) || l.text.trim() === '') continue;
    const typeSet = l.hint?.size !== undefined && l.hint.size > 0 && Number.isFinite(l.hint.size);
    const size = typeSet ? l.hint!.size! : sizeFromBox(b as Box, l.text);
    if (!(size > 0)) continue;
    out.push({ index: i, line: l, box: [b[0], b[1], b[2], b[3]], size, bold: Boolean(l.hint?.bold), typeSet, chars: l.text.replace(/\s+/gu, '').length, c1: -1, c2: -1 });
  }
  return out;
}

/**
 * Type size of a line whose reader gives none (OCR): the smaller of its box
 * height and its character advance. Chinese glyphs are square, so both
 * measure the size; an OCR box is often taller than its type (a descender, a
 * speck, a rule nearby) but never much wider per character, so the advance
 * keeps a body line with a tall box from passing for a headline.
 */
export function sizeFromBox(b: Box, text: string): number {
  const height = b[3] - b[1];
  const units = displayUnits(text);
  // One or two glyphs: the box hugs their ink, narrower than their advance.
  if (units <= 2) return height;
  const advance = (b[2] - b[0]) / units;
  return advance > 0 ? Math.min(height, advance) : height;
}

function validBox(b: readonly number[]): boolean {
  return b.length === 4 && b.every(Number.isFinite) && b[2]! >= b[0]! && b[3]! > b[1]!;
}

export const width = (b: Box) => b[2] - b[0];
export const height = (b: Box) => b[3] - b[1];
export const centerY = (b: Box) => (b[1] + b[3]) / 2;

/** Horizontal overlap of two boxes (negative: the gap between them). */
export function xOverlap(a: Box, b: Box): number {
  return Math.min(a[2], b[2]) - Math.max(a[0], b[0]);
}

/** Vertical overlap of two boxes (negative: the gap between them). */
export function yOverlap(a: Box, b: Box): number {
  return Math.min(a[3], b[3]) - Math.max(a[1], b[1]);
}

export function union(boxes: Box[]): Box {
  const out: Box = [Infinity, Infinity, -Infinity, -Infinity];
  for (const b of boxes) {
    if (b[0] < out[0]) out[0] = b[0];
    if (b[1] < out[1]) out[1] = b[1];
    if (b[2] > out[2]) out[2] = b[2];
    if (b[3] > out[3]) out[3] = b[3];
  }
  return out;
}

/** The value below which `share` of the total weight lies (weights ≥ 0). */
export function weightedQuantile(values: number[], weights: number[], share: number): number {
  if (values.length === 0) return 0;
  const order = values.map((_, i) => i).sort((a, b) => values[a]! - values[b]!);
  let total = 0;
  for (const w of weights) total += w;
  let acc = 0;
  for (const i of order) {
    acc += weights[i]!;
    if (acc >= share * total) return values[i]!;
  }
  return values[order[order.length - 1]!]!;
}

/**
 * Items by the columns they cover (`c1`…`c2`), each column's list sorted by
 * `key`: the layout stages look things up near a place in one column instead
 * of scanning the page.
 */
export function byColumn<T extends { c1: number; c2: number }>(items: readonly T[], key: (x: T) => number): T[][] {
  const out: T[][] = [];
  for (const x of items) for (let c = Math.max(0, x.c1); c <= x.c2; c++) (out[c] ??= []).push(x);
  for (const list of out) list?.sort((a, b) => key(a) - key(b));
  return out;
}

/** Rounded to 2 decimals, for evidence details. */
export const r2 = (x: number) => Math.round(x * 100) / 100;

/** Display width in em: CJK and full-width 1, other characters ½. */
export function displayUnits(text: string): number {
  let w = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x20 || c === 0x3000 || c === 0x09) continue;
    if (c >= 0xd800 && c <= 0xdbff) {
      w += 1;
      i++;
      continue;
    }
    w += c < 0x1100 || (c >= 0xff61 && c <= 0xffdc) ? 0.5 : 1;
  }
  return Math.max(w, 0.5);
}
