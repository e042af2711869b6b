/**
 * Layout stage 2 — columns and gutters. The x-projection of body-type lines:
 * a column is an x-range that many body lines cover, a gutter a range that
 * (almost) none does. Headlines are left out because a headline over several
 * columns would bridge the gutters under it; a few body lines run across a
 * gutter (pdftotext, Tesseract) are outvoted by `gutterShare`.
 */
import { LAYOUT_TUNING as T } from './tuning.js';
import type { PlacedLine } from './geometry.js';
import type { TypeMeasure } from './measure-type.js';

export interface Column {
  x0: number;
  x1: number;
}

export function isBodyType(l: PlacedLine, type: TypeMeasure): boolean {
  return !l.display && l.size < T.headlineRatio * type.body && !(l.bold && l.size >= T.boldHeadlineRatio * type.body);
}

export function findColumns(lines: PlacedLine[], type: TypeMeasure): Column[] {
  const body = lines.filter((l) => isBodyType(l, type) && l.chars >= 3);
  if (body.length === 0) return [];
  let left = Infinity;
  let right = -Infinity;
  for (const l of body) {
    left = Math.min(left, l.box[0]);
    right = Math.max(right, l.box[2]);
  }
  const bin = Math.max(T.projectionBinEm * type.em, (right - left) / 20000);
  const bins = Math.max(1, Math.ceil((right - left) / bin) + 1);
  // Difference array: +1 where a line starts covering, −1 after it stops.
  const diff = new Int32Array(bins + 1);
  for (const l of body) {
    diff[Math.floor((l.box[0] - left) / bin)]! += 1;
    diff[Math.min(bins, Math.floor((l.box[2] - left) / bin) + 1)]! -= 1;
  }
  const cover = new Int32Array(bins);
  let run = 0;
  for (let i = 0; i < bins; i++) cover[i] = run += diff[i]!;
  const covered = [...cover].filter((c) => c > 0).sort((a, b) => a - b);
  const typical = covered[Math.floor(covered.length * 0.75)] ?? 0;
  const floor = Math.max(0, T.gutterShare * typical);
  const columns: Column[] = [];
  let start = -1;
  for (let i = 0; i <= bins; i++) {
    const on = i < bins && cover[i]! > floor;
    if (on && start < 0) start = i;
    if (!on && start >= 0) {
      const x0 = left + start * bin;
      const x1 = left + i * bin;
      if (x1 - x0 >= T.minColumnEm * type.em) columns.push({ x0, x1 });
      start = -1;
    }
  }
  return columns;
}

/** Sets `c1`/`c2` of every line: the first and last column it covers. */
export function assignColumns(lines: PlacedLine[], columns: Column[]): void {
  for (const l of lines) {
    let c1 = -1;
    let c2 = -1;
    const w = l.box[2] - l.box[0];
    for (let c = 0; c < columns.length; c++) {
      const col = columns[c]!;
      const overlap = Math.min(l.box[2], col.x1) - Math.max(l.box[0], col.x0);
      if (overlap > 0 && overlap >= T.spanOverlap * Math.min(w, col.x1 - col.x0)) {
        if (c1 < 0) c1 = c;
        c2 = c;
      }
    }
    if (c1 < 0) {
      // In a margin or a gutter: the nearest column by centre.
      const cx = (l.box[0] + l.box[2]) / 2;
      let best = 0;
      let dist = Infinity;
      for (let c = 0; c < columns.length; c++) {
        const col = columns[c]!;
        const d = cx < col.x0 ? col.x0 - cx : cx > col.x1 ? cx - col.x1 : 0;
        if (d < dist) {
          dist = d;
          best = c;
        }
      }
      c1 = c2 = columns.length > 0 ? best : 0;
    }
    l.c1 = c1;
    l.c2 = c2;
  }
}
