/**
 * A line's local column width in a hard-wrapped text: what a full line of its
 * column measures, read off the lines around it. Classify-lines reads every
 * line's width against it (short of the column, wider than it); the OCR dash
 * repair asks it of the few lines that may hold a dash read as 一.
 */
import { CLASSIFY_TUNING as T } from './classify-tuning.js';
import type { WorkLine } from './work-line.js';

/** Local column width: a percentile of the line widths in a window around each line (CLASSIFY_TUNING.column*). */
export function columnWidths(lines: WorkLine[]): Float64Array {
  const reach = T.columnWindowLines;
  // Widths of the lines that count (not headlines, not paragraph tails), -1 for the others, kept
  // sorted while the window slides down the page. Typed arrays: a page's widths are whole or half
  // ems, and one array kind for both keeps this loop's optimised code valid.
  const counted = new Float64Array(lines.length);
  for (let i = 0; i < lines.length; i++) counted[i] = lines[i]!.tooLong || lines[i]!.width < T.columnMinLineWidth ? -1 : lines[i]!.width;
  // The window holds the line and `reach` on each side, and one more for a moment: the line
  // entering is added before the one leaving goes.
  const sorted = new Float64Array(2 * reach + 2);
  let k = 0;
  const insert = (w: number) => {
    let at = k++;
    while (at > 0 && sorted[at - 1]! > w) {
      sorted[at] = sorted[at - 1]!;
      at--;
    }
    sorted[at] = w;
  };
  const remove = (w: number) => {
    let at = 0;
    while (sorted[at] !== w) at++;
    for (k--; at < k; at++) sorted[at] = sorted[at + 1]!;
  };
  const out = new Float64Array(lines.length);
  for (let j = 0; j <= Math.min(lines.length - 1, reach); j++) if (counted[j]! >= 0) insert(counted[j]!);
  for (let i = 0; i < lines.length; i++) {
    if (i > 0) {
      const enter = i + reach;
      const leave = i - reach - 1;
      if (enter < lines.length && counted[enter]! >= 0) insert(counted[enter]!);
      if (leave >= 0 && counted[leave]! >= 0) remove(counted[leave]!);
    }
    const hinted = lines[i]!.hint?.columnWidth;
    out[i] = hinted ? hinted : k < T.columnMinLines ? T.defaultColumn : sorted[Math.min(k - 1, Math.floor(k * T.columnPercentile))]!;
  }
  return out;
}
