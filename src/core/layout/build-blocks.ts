/**
 * Layout stage 3 — blocks: lines of one column span, one type class and
 * nearly one size, close together. A block is what the later stages place,
 * order and give to a story; the text rules only ever see a block's lines
 * together and in row order.
 */
import { LAYOUT_TUNING as T } from './tuning.js';
import { appendAll, partitionPoint } from '../arrays.js';
import { byColumn, union, xOverlap, yOverlap, type Box, type PlacedLine } from './geometry.js';
import { isBodyType } from './find-columns.js';
import type { TypeMeasure } from './measure-type.js';

export type BlockKind = 'body' | 'headline';

export interface Block {
  /** Position in the list of blocks as built (stable identity for evidence). */
  id: number;
  /** Lines in reading order: rows top to bottom, pieces of a row left to right. */
  lines: PlacedLine[];
  box: Box;
  /** Character-weighted median size of its lines. */
  size: number;
  kind: BlockKind;
  c1: number;
  c2: number;
  /** The width the block owns: its box, or for a headline widened over the story under it, its columns (widen-headlines). */
  spanBox: Box;
  /** The headline was widened beyond its own box. */
  widened?: boolean;
}

export function buildBlocks(lines: PlacedLine[], type: TypeMeasure): Block[] {
  absorbFragments(lines, type);
  // Body lines: one list per column span, top to bottom. Display lines are
  // grouped apart: the lines of one centred headline have different widths,
  // and so may cover different columns (display-rows below).
  const bySpan = new Map<string, PlacedLine[]>();
  const display: PlacedLine[] = [];
  for (const l of lines) {
    if (!isBodyType(l, type)) {
      display.push(l);
      continue;
    }
    const key = `${l.c1}:${l.c2}`;
    let list = bySpan.get(key);
    if (!list) bySpan.set(key, (list = []));
    list.push(l);
  }
  const groups: PlacedLine[][] = [];
  for (const list of bySpan.values()) {
    list.sort((a, b) => a.box[1] - b.box[1] || a.box[0] - b.box[0]);
    let current: PlacedLine[] = [];
    let bottom = -Infinity;
    let last: PlacedLine | null = null;
    for (const l of list) {
      if (last && joins(last, l, bottom, type)) {
        current.push(l);
      } else {
        if (current.length > 0) groups.push(current);
        current = [l];
        bottom = -Infinity;
      }
      bottom = Math.max(bottom, l.box[3]);
      last = l;
    }
    if (current.length > 0) groups.push(current);
  }
  appendAll(groups, displayGroups(display, type));
  const blocks = groups.map((g) => makeBlock(g, type));
  blocks.sort((a, b) => a.box[1] - b.box[1] || a.box[0] - b.box[0]);
  blocks.forEach((b, i) => (b.id = i));
  return blocks;
}

/**
 * Display lines into blocks: a line joins the open block it lies under
 * (overlapping it horizontally, close below it, of nearly its size), so a
 * headline's centred lines stay one block whatever columns each covers.
 */
function displayGroups(display: PlacedLine[], type: TypeMeasure): PlacedLine[][] {
  display.sort((a, b) => a.box[1] - b.box[1] || a.box[0] - b.box[0]);
  const open: { lines: PlacedLine[]; bottom: number; left: number; right: number }[] = [];
  const done: PlacedLine[][] = [];
  for (const l of display) {
    let host: (typeof open)[number] | undefined;
    for (const g of open) {
      const last = g.lines[g.lines.length - 1]!;
      // Under the block, or beside its last line in the same row (OCR cut the line in two).
      const under = Math.min(l.box[2], g.right) - Math.max(l.box[0], g.left) > 0;
      // (Within one column; across a column boundary only when the pieces all but touch: two headlines side by
      // side in neighbouring columns, two stories, stand a gutter apart.)
      const shorter = Math.min(last.box[3] - last.box[1], l.box[3] - l.box[1]);
      const inRow = yOverlap(last.box, l.box) > 0.5 * shorter;
      const beside = inRow && ((last.c1 === l.c1 && last.c2 === l.c2) || touching(last, l, shorter));
      if (!under && !beside) continue;
      if (joins(last, l, g.bottom, type)) {
        host = g;
        break;
      }
    }
    if (!host) {
      host = { lines: [], bottom: -Infinity, left: l.box[0], right: l.box[2] };
      open.push(host);
    }
    host.lines.push(l);
    host.bottom = Math.max(host.bottom, l.box[3]);
    host.left = Math.min(host.left, l.box[0]);
    host.right = Math.max(host.right, l.box[2]);
    // Blocks that ended well above this line can no longer grow: keep the open list short.
    for (let i = open.length - 1; i >= 0; i--) {
      if (open[i]!.bottom < l.box[1] - 4 * l.size) done.push(open.splice(i, 1)[0]!.lines);
    }
  }
  for (const g of open) done.push(g.lines);
  return done;
}

/**
 * Two pieces of one display row that all but touch (`headlinePieceGap` of their height apart at most): OCR cut
 * one headline line in two, at a glyph it could not read, and the pieces may cover different columns (a lead
 * across the page read as 銀杏區招 and 會再添新舉措, 0.12-0.18 of their height apart on the generated pages).
 * Headlines of neighbouring columns stand at least a gutter apart, 1 em of the body and more.
 */
function touching(left: PlacedLine, right: PlacedLine, height: number): boolean {
  // OCR only: a PDF's text runs and -layout text's rows are cut at spaces, never at a glyph (on -layout text
  // headlines of neighbouring columns can stand a space or two apart: the dev pages lost two stories to this).
  if (left.typeSet || right.typeSet) return false;
  const [a, b] = left.box[0] <= right.box[0] ? [left, right] : [right, left];
  const gap = b.box[0] - a.box[2];
  return gap >= -0.5 * height && gap <= T.headlinePieceGap * height;
}

/**
 * OCR cuts a display line into pieces and reads a glyph or two of it as a
 * separate small "line" (a 麼 read as 0, a stray 習 under the row), or reads
 * part of it twice, as a second line lying inside the first. Such a fragment
 * (at most `fragmentChars` characters near the row, or any length inside the
 * display line's box) takes that line's size: its own box says little of its
 * type, the row it sits in does.
 */
function absorbFragments(lines: PlacedLine[], type: TypeMeasure): void {
  // Display lines by column, top to bottom: a fragment looks only at those of its column near its row.
  const displayByColumn = byColumn(
    lines.filter((l) => !isBodyType(l, type)),
    (l) => l.box[1],
  );
  for (const l of lines) {
    const display = !isBodyType(l, type);
    const list = displayByColumn[l.c1];
    if (!list) continue;
    const h = l.box[3] - l.box[1];
    // First display line that could reach down to this fragment's row.
    const lo = partitionPoint(list, (d) => d.box[1] >= l.box[1] - 4 * d.size);
    for (let i = lo; i < list.length && list[i]!.box[1] <= l.box[3]; i++) {
      const d = list[i]!;
      if (d.c1 > l.c1 || d.c2 < l.c2) continue;
      const inRow = yOverlap(d.box, l.box) >= 0.6 * h;
      const near = l.box[0] <= d.box[2] + 2 * d.size && l.box[2] >= d.box[0] - 2 * d.size;
      // Longer pieces only when they lie inside the display line's box: OCR read those glyphs twice.
      const inside = xOverlap(d.box, l.box) >= 0.8 * (l.box[2] - l.box[0]);
      const glyphRow = wrappedGlyph(d, l, type);
      if ((!display && inRow && near && (l.chars <= T.fragmentChars || inside)) || nextHeadlineLine(d, l) || glyphRow) {
        l.size = d.size;
        l.bold = d.bold;
        // A headline told by contrast (find-contrast-display) is display type under the headline ratio: so is its piece.
        if (d.display) l.display = true;
        if (glyphRow) l.glyphRow = true;
        break;
      }
    }
  }
}

/**
 * A line right under a display line, starting at its left edge, with a box of
 * its height, is that headline's next line whatever its measured size says.
 * An OCR size is the smaller of box height and advance, and a glyph read as
 * two characters in a short last line shrinks the advance by a third, down to
 * body or subheadline size; a smaller type has a lower box too.
 */
function nextHeadlineLine(d: PlacedLine, l: PlacedLine): boolean {
  if (l.line.hint?.size !== undefined) return false;
  const a = d.box[3] - d.box[1];
  const b = l.box[3] - l.box[1];
  const gap = l.box[1] - d.box[3];
  return gap >= 0 && gap <= T.headlineGapRatio * d.size && Math.max(a, b) <= T.displayBoxHeightRatio * Math.min(a, b) && Math.abs(l.box[0] - d.box[0]) <= 0.5 * d.size;
}

/**
 * A speck of at most `fragmentChars` characters (under `contrastSpeckShare` of the body) in the row right
 * under a display line, at its left edge: a headline's one-glyph line, the last glyph of a phrase too long for
 * the column, that OCR read as marks (温 as 人= over MI, 0.6× the body) or boxed round its stroke (一). It is
 * a row of that headline, so the headline's next line under it stays one block with it.
 */
function wrappedGlyph(d: PlacedLine, l: PlacedLine, type: TypeMeasure): boolean {
  if (l.line.hint?.size !== undefined || l.chars > T.fragmentChars || l.size >= T.contrastSpeckShare * type.body) return false;
  return l.box[1] >= d.box[3] - 0.25 * d.size && l.box[1] <= d.box[3] + d.size && Math.abs(l.box[0] - d.box[0]) <= 0.5 * d.size;
}

function joins(last: PlacedLine, l: PlacedLine, bottom: number, type: TypeMeasure): boolean {
  const lastBody = isBodyType(last, type);
  if (lastBody !== isBodyType(l, type)) return false;
  const ratio = Math.max(last.size, l.size) / Math.min(last.size, l.size);
  if (ratio > T.blockSizeRatio) return false;
  // Display lines whose sizes the reader states: a kicker set a little smaller than its headline is a block of its own.
  if (!lastBody && last.typeSet && l.typeSet && ratio > T.typeSetDisplayRatio) return false;
  // A piece of the same row (Tesseract cut one headline line in two).
  if (yOverlap(last.box, l.box) > 0.5 * Math.min(last.box[3] - last.box[1], l.box[3] - l.box[1])) return true;
  const gap = l.box[1] - bottom;
  // A glyph row's box hugs a stroke or marks anywhere in its row: the row, not its ink, is a line of the headline.
  const limit = lastBody ? T.blockGapEm * type.body : (last.glyphRow || l.glyphRow ? 1 : T.headlineGapRatio) * Math.max(last.size, l.size);
  return gap <= limit;
}

function makeBlock(lines: PlacedLine[], type: TypeMeasure): Block {
  const rows = inRows(lines);
  let c1 = Infinity;
  let c2 = -Infinity;
  let bodyChars = 0;
  let chars = 0;
  for (const l of rows) {
    c1 = Math.min(c1, l.c1);
    c2 = Math.max(c2, l.c2);
    chars += l.chars;
    if (isBodyType(l, type)) bodyChars += l.chars;
  }
  const sizes = rows.map((l) => l.size).sort((a, b) => a - b);
  const box = union(rows.map((l) => l.box));
  return {
    id: 0,
    lines: rows,
    box,
    spanBox: box,
    size: sizes[sizes.length >> 1]!,
    kind: bodyChars * 2 >= chars ? 'body' : 'headline',
    c1,
    c2,
  };
}

/** Lines in row order: a line that shares most of its height with the row's first line is in that row. */
export function inRows(lines: PlacedLine[]): PlacedLine[] {
  const sorted = [...lines].sort((a, b) => a.box[1] - b.box[1] || a.box[0] - b.box[0]);
  const out: PlacedLine[] = [];
  let row: PlacedLine[] = [];
  const flush = () => {
    row.sort((a, b) => a.box[0] - b.box[0]);
    appendAll(out, row);
    row = [];
  };
  for (const l of sorted) {
    const head = row[0];
    if (head && yOverlap(head.box, l.box) < 0.5 * Math.min(head.box[3] - head.box[1], l.box[3] - l.box[1])) flush();
    row.push(l);
  }
  flush();
  return out;
}
