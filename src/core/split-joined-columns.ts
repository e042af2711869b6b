/**
 * Stage 0b (text input only) — lines that hold two columns' text.
 *
 * Plain `pdftotext` (without -layout) reads neighbouring columns as one line
 * where the gutter between them is narrow: the left column's line, one
 * space, the right column's line. Every later stage would read two stories'
 * sentences run together. Such a line is wider than the column and has
 * a space where the left part is one column's width (an indent lost shortens
 * it by two em at most) and both parts are running Han text.
 *
 * The evidence is clear when several such lines stand together: pdftotext
 * read a stretch of two columns side by side. That stretch is put out as the
 * left parts, then the right parts, each piece keeping the number of the input
 * line it came from (only the joining space is dropped, as
 * split-layout-columns drops its gaps). A joined line standing alone cannot
 * be placed: its right part's neighbours are elsewhere in the text. Those are
 * left as they are, and the page gets a warning that `pdftotext -layout`, the
 * PDF itself or ALTO/hOCR input reads it correctly.
 */
import { displayWidth, hasSpaceGap, RUNNING_TEXT_MARK } from './chars.js';
import { diagnostic } from './messages.js';
import type { Diagnostic, InputLine } from './model.js';

/** A joined line is wider than one column by at least this many em (the right part's last line of a paragraph may be short). */
const MIN_EXTRA = 3;
/** …and at most this many: two full columns and the space. */
const MAX_JOINED = 2.15;
/** The left part ends where its column does: lost indent (2 em) and wrapping slack below, a hanging mark (，) above. */
const LEFT_SHORT = 2.5;
const LEFT_LONG = 1;
/** The same slack for other stages that cut a line into column pieces (set-aside-woven-rows). */
export const joinedWidthSlack = { extra: MIN_EXTRA, short: LEFT_SHORT, long: LEFT_LONG } as const;
/** This many joined lines in a row are a stretch pdftotext read across the gutter. */
const MIN_STRETCH = 3;
/** Columns are measured on pages with enough lines to have one. */
const MIN_PAGE_LINES = 12;
/** Most of a part is Han text (not a table row, not a Latin line letter-spaced by the extractor). */
const MIN_HAN_SHARE = 0.6;

/** Made when first needed: building \p{Script=Han} from Unicode's tables costs every run ~0.5 ms, and most pages never ask. */
let hanChar: RegExp | undefined;
/**
 * Text that keeps the page's layout (pdftotext -layout, OCR with spacing)
 * pads with runs of spaces; there columns stand apart and
 * split-layout-columns has read them. Plain extraction never pads. A line
 * is padded with this many spaces or more between text (hasSpaceGap).
 */
const PADDED_MIN_SPACES = 2;
const MAX_PADDED_SHARE = 0.05;
/** Fewer joined lines than this on a page, none in a stretch, are too little to warn about. */
const MIN_WARN = 2;

function hanShare(text: string): number {
  const han = text.match((hanChar ??= /\p{Script=Han}/gu))?.length ?? 0;
  return han / Math.max(1, [...text.replace(/\s/gu, '')].length);
}

/**
 * The page's column: the most common line width (to the half em). Wrapped
 * lines of running text fill the column exactly, so they outnumber any other
 * width even where many lines are joined (a percentile would drift to them).
 */
function columnWidth(widths: Float64Array): number {
  const count = new Map<number, number>();
  for (const w of widths) if (w >= 6) count.set(w, (count.get(w) ?? 0) + 1);
  let best = 0;
  let most = 0;
  for (const [w, c] of count) if (c > most || (c === most && w > best)) [best, most] = [w, c];
  return best;
}

/** The offset of the space that splits `text` into two column lines, or -1. */
function joinPoint(text: string, width: number, column: number): number {
  if (width < column + MIN_EXTRA || width > MAX_JOINED * column) return -1;
  let left = 0;
  let best = -1;
  let bestOff = Infinity;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x20 && i > 0) {
      const off = Math.abs(left - column);
      if (left >= column - LEFT_SHORT && left <= column + LEFT_LONG && off < bestOff) [best, bestOff] = [i, off];
    }
    left += displayWidth(text[i]!);
  }
  if (best < 0) return -1;
  const l = text.slice(0, best);
  const r = text.slice(best + 1).trimStart();
  if (r === '' || displayWidth(r) > column + LEFT_LONG) return -1;
  return hanShare(l) >= MIN_HAN_SHARE && hanShare(r) >= MIN_HAN_SHARE ? best : -1;
}

/** A plain-text page's line widths (0 for a blank line) and its column width, the measure both column stages start from. */
export interface PlainColumns {
  widths: Float64Array;
  column: number;
}

/**
 * The page's column, or null where no column can be measured: too few lines,
 * or a -layout page (padded with runs of spaces: split-layout-columns' case).
 */
export function measurePlainColumns(input: readonly InputLine[]): PlainColumns | null {
  // Per-line numbers in typed arrays, counted in loops: a 50 MB page has 1.3 million lines, and the
  // arrays that map() and filter() made of them were ~70 MB that only a full collection frees.
  const widths = new Float64Array(input.length);
  let nonBlank = 0;
  let padded = 0;
  for (let i = 0; i < input.length; i++) {
    const text = input[i]!.text;
    widths[i] = text.trim() === '' ? 0 : displayWidth(text);
    if (widths[i]! > 0) nonBlank++;
    if (hasSpaceGap(text, PADDED_MIN_SPACES)) padded++;
  }
  if (nonBlank < MIN_PAGE_LINES || padded > MAX_PADDED_SHARE * input.length) return null;
  const column = columnWidth(widths);
  return column === 0 ? null : { widths, column };
}

/** `measured`: the page's measure when a stage before took it of these same lines (set-aside-woven-rows). */
export function splitJoinedColumns(input: InputLine[], warnings: Diagnostic[], measured: PlainColumns | null = measurePlainColumns(input)): InputLine[] {
  if (measured === null) return input;
  const { widths, column } = measured;
  // Cheap test first: most pages have no line near twice the column.
  if (!widths.some((w) => w >= column + MIN_EXTRA)) return input;
  const at = new Int32Array(input.length);
  for (let i = 0; i < input.length; i++) at[i] = widths[i]! >= column + MIN_EXTRA ? joinPoint(input[i]!.text, widths[i]!, column) : -1;
  const out: InputLine[] = [];
  let left = 0;
  const alone: number[] = [];
  let split = 0;
  for (let i = 0; i < input.length; ) {
    if (at[i]! < 0) {
      out.push(input[i]!);
      i++;
      continue;
    }
    let j = i;
    let running = 0;
    for (; j < input.length && at[j]! >= 0; j++) if (RUNNING_TEXT_MARK.test(input[j]!.text)) running++;
    // Lines without clause marks are more likely headlines set as two phrases: they are no evidence.
    if (j - i < MIN_STRETCH || running * 2 < j - i) {
      for (let k = i; k < j; k++) {
        if (RUNNING_TEXT_MARK.test(input[k]!.text)) alone.push(input[k]!.n);
        out.push(input[k]!);
      }
    } else {
      const stretch = input.slice(i, j);
      for (const [k, l] of stretch.entries()) out.push({ n: l.n, text: l.text.slice(0, at[i + k]!) });
      out.push({ n: stretch[stretch.length - 1]!.n, text: '' });
      for (const [k, l] of stretch.entries()) out.push({ n: l.n, text: l.text.slice(at[i + k]! + 1).trimStart() });
      split += j - i;
      left++;
    }
    i = j;
  }
  if (split > 0) warnings.push(diagnostic('COLUMNS_JOINED_SPLIT', { lines: split, stretches: left }));
  if (alone.length >= MIN_WARN || (alone.length > 0 && split > 0)) warnings.push(diagnostic('COLUMNS_JOINED_ON_LINES', { lines: alone.length, first: alone[0]! }, { lines: [alone[0]!, alone[alone.length - 1]!] }));
  // Nothing split: `out` holds the input's lines as they were.
  return split > 0 ? out : input;
}
