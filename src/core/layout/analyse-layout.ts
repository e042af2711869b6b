/**
 * The layout road: positioned lines (PDF glyph runs, ALTO/hOCR boxes) to
 * stories, by geometry first. Named stages, each in its own file:
 *
 *   find-ocr-noise → measure-type → find-contrast-display → find-second-reads →
 *   find-furniture → find-columns →
 *   build-blocks → widen-headlines → order-blocks (→ follow-stated-order) →
 *   assign-zones
 *
 * What comes out is the page's lines in reading order, renumbered, each with
 * the role geometry gave it (furniture, kicker, headline, subheadline, body)
 * and the story (zone) it belongs to; the text rules then run inside each
 * zone (pipeline.ts). Pure.
 */
import type { InputLine, LineHint } from '../model.js';
import { LAYOUT_TUNING as T } from './tuning.js';
import { placedLines, type PlacedLine } from './geometry.js';
import { measureType, type TypeMeasure } from './measure-type.js';
import { assignColumns, findColumns, type Column } from './find-columns.js';
import { findFurniture } from './find-furniture.js';
import { findSecondReads } from './find-second-reads.js';
import { findOcrNoise } from './find-ocr-noise.js';
import { findContrastDisplay } from './find-contrast-display.js';
import { buildBlocks, type Block } from './build-blocks.js';
import { orderBlocks } from './order-blocks.js';
import { followStatedOrder } from './follow-stated-order.js';
import { widenHeadlines } from './widen-headlines.js';
import { assignZones, describeZone, type Zone } from './assign-zones.js';
import { findIntertitles } from './find-intertitles.js';
import { minOf } from '../arrays.js';
import { DEFAULT_MARKERS, type MarkerSet } from '../markers.js';

export type LayoutRole = 'furniture' | 'label' | 'kicker' | 'headline' | 'subheadline' | 'intertitle' | 'body';

export interface ZoneLines {
  /** Lines of the zone in reading order, with their new numbers. */
  lines: InputLine[];
  /** null: the furniture strips. */
  zone: Zone | null;
  /** Geometry of the zone in words, for the article's evidence. */
  detail: string;
}

export interface LayoutAnalysis {
  type: TypeMeasure;
  columns: Column[];
  zones: ZoneLines[];
  /** Reader index of each output line (new number n is position + 1). */
  order: number[];
  /** OCR second reads of display lines (find-second-reads), after the zones: text for `unassigned`, not for stories. */
  secondReads: InputLine[];
  /** OCR noise (find-ocr-noise), after the second reads: text for `unassigned`, not for stories. */
  noise: InputLine[];
  /** Reader lines that had no usable box, appended after the noise (unplaced). */
  unplaced: InputLine[];
  /** The file stated a reading order: `followed`, or `rejected` when it did not agree with the page (follow-stated-order). */
  statedOrder?: 'followed' | 'rejected';
}

/** Is this page read by geometry? Enough of its lines have boxes. */
export function isPositioned(lines: InputLine[]): boolean {
  let text = 0;
  let boxed = 0;
  for (const l of lines) {
    if (l.text.trim() === '') continue;
    text++;
    if (l.hint?.bbox) boxed++;
  }
  return boxed >= T.minPositionedLines && boxed >= T.positionedShare * text;
}

export interface LayoutOptions {
  /** The reader's line order is the one the file states (ALTO ReadingOrder, IDNEXT), not its own guess. */
  statedOrder?: boolean;
  /**
   * The boxes and type sizes were estimated from text (pdftotext -layout: character cells and rows): a
   * display line may be an intertitle the estimate took for a headline (find-intertitles). A PDF's font
   * sizes and an OCR engine's boxes are measured, and their headlines are left as they are.
   */
  sizesFromText?: boolean;
  /** The page's markers (datelines, bylines: what opens a story's text). */
  markers?: MarkerSet;
}

export function analyseLayout(input: InputLine[], options: LayoutOptions = {}): LayoutAnalysis {
  const statedOrder = options.statedOrder === true;
  const boxed = placedLines(input);
  const noisy = findOcrNoise(boxed);
  const all = boxed.filter((l) => !noisy.has(l));
  const type = measureType(all);
  findContrastDisplay(all, type);
  const doubled = findSecondReads(all, type);
  const placed = all.filter((l) => !doubled.has(l));
  // The furniture strip first: its pieces (a centred masthead) would bridge the gutters below them.
  const strip = findFurniture(placed, type);
  const content = placed.filter((l) => !strip.has(l));
  const columns = findColumns(content, type);
  assignColumns(placed, columns);
  const blocks = buildBlocks(content, type);
  // Intertitles the size estimate took for headlines are body blocks of their story from here on.
  const intertitles = options.sizesFromText ? findIntertitles(blocks, type, options.markers ?? DEFAULT_MARKERS) : new Map<Block, string>();
  for (const b of intertitles.keys()) b.kind = 'body';
  widenHeadlines(blocks, columns, type);
  const geometric = orderBlocks(blocks, columns.length);
  const stated = statedOrder ? followStatedOrder(geometric) : null;
  const stream = stated ?? geometric;
  const zones = assignZones(stream, type, columns, stated !== null);

  const order: number[] = [];
  const out: ZoneLines[] = [];
  const emit = (lines: { line: PlacedLine; role: LayoutRole; blockStart: boolean; columnWidth?: number; endsShort?: boolean }[]): InputLine[] => {
    const result: InputLine[] = [];
    for (const { line, role, blockStart, columnWidth, endsShort } of lines) {
      order.push(line.index);
      const hint: LineHint = { ...line.line.hint, display: role };
      if (endsShort !== undefined) hint.endsShort = endsShort;
      if (blockStart) hint.blockStart = true;
      else delete hint.blockStart;
      if (columnWidth !== undefined) hint.columnWidth = columnWidth;
      result.push({ n: order.length, text: line.line.text, hint });
    }
    return result;
  };
  const stripLines = [...strip].sort((a, b) => a.box[1] - b.box[1] || a.box[0] - b.box[0]);
  const contentTop = minOf(content, (c) => c.box[1]);
  const top = stripLines.filter((l) => content.length === 0 || l.box[3] <= contentTop);
  const inTop = new Set(top);
  const bottom = stripLines.filter((l) => !inTop.has(l));
  if (top.length > 0) out.push({ lines: emit(top.map((line) => ({ line, role: 'furniture', blockStart: true }))), zone: null, detail: 'top furniture strip' });
  for (const zone of zones) {
    const lines: { line: PlacedLine; role: LayoutRole; blockStart: boolean; columnWidth?: number }[] = [];
    for (const block of zone.blocks) {
      const role: LayoutRole = zone.stack.get(block) ?? (intertitles.has(block) ? 'intertitle' : 'body');
      const colWidth = columnWidthEm(block, columns, type);
      const left = blockLeft(block);
      const labelled = (role === 'kicker' && (hasLabelLine(block) || labelOnly(block))) || ((role === 'kicker' || (role === 'headline' && block.lines.length > 1)) && boxedLabel(block.lines[0]!));
      const right = blockRight(block);
      block.lines.forEach((line, i) => {
        const indent = (line.box[0] - left) / type.em;
        const indented = role === 'body' && indent >= 1.2 && indent <= 4.5;
        const lineRole: LayoutRole = labelled && i === 0 ? 'label' : role;
        const body = role === 'body';
        lines.push({
          line,
          role: lineRole,
          blockStart: body ? indented : i === 0 || (labelled && i === 1),
          ...(body && colWidth ? { columnWidth: colWidth } : {}),
          ...(body ? { endsShort: right - line.box[2] >= T.shortLineEm * type.em } : {}),
        });
      });
    }
    const kept = zone.blocks.flatMap((b) => intertitles.get(b) ?? []);
    out.push({ lines: emit(lines), zone, detail: describeZone(zone, type) + kept.map((k) => `; ${k}`).join('') + (stated ? '; in the reading order the file states' : '') });
  }
  if (bottom.length > 0) out.push({ lines: emit(bottom.map((line) => ({ line, role: 'furniture', blockStart: true }))), zone: null, detail: 'bottom furniture strip' });
  const secondReads = emit([...doubled].sort((a, b) => a.index - b.index).map((line) => ({ line, role: 'body', blockStart: true })));
  const noise = emit([...noisy].sort((a, b) => a.index - b.index).map((line) => ({ line, role: 'body', blockStart: true })));
  const used = new Set(order);
  const unplaced: InputLine[] = [];
  for (let i = 0; i < input.length; i++) {
    if (used.has(i)) continue;
    order.push(i);
    unplaced.push({ ...input[i]!, n: order.length });
  }
  return { type, columns, zones: out, order, secondReads, noise, unplaced, ...(statedOrder ? { statedOrder: stated ? ('followed' as const) : ('rejected' as const) } : {}) };
}

/**
 * A kicker block whose first line is a short column label over longer kicker
 * lines (【美丽中国】 over 我们的社区越来越美…), or a bracketed one over any
 * kicker line: the label is page furniture.
 */
function hasLabelLine(block: Block): boolean {
  if (block.lines.length < 2) return false;
  const first = block.lines[0]!;
  if (first.chars > T.labelMaxChars) return false;
  return first.box[2] - first.box[0] <= 0.6 * (block.lines[1]!.box[2] - block.lines[1]!.box[0]) || BRACKETED.test(first.line.text.trim());
}

/**
 * A kicker of one line this short is a column label (要闻, 文化| with its
 * box's frame read as a mark): no kicker of the dev pages or the generated
 * ones is under 4 characters (a kicker is a phrase), while labels are
 * mostly two.
 */
function labelOnly(block: Block): boolean {
  if (block.lines.length !== 1) return false;
  return [...block.lines[0]!.line.text.replace(FRAME_MARKS, '')].length <= T.labelOnlyChars;
}
const FRAME_MARKS = /[\s|[\]｜［］丨]/gu;

/**
 * A line wholly in brackets names a column or series (（新春走基层）), as
 * a kicker's first line it is the label over the kicker however long: a
 * kicker's own words are not bracketed whole (on the dev pages none of 78).
 */
const BRACKETED = /^[（(【〔［[][^（）()【】〔〕［］[\]]+[）)】〕］\]]$/u;

/**
 * A column label printed in a box (or a column logo), as OCR reads it: the
 * box's vertical rules come out as `|`, `[` or `]` at both ends of a short
 * line (`[社区观察|`, `| (城乡观察) |`). No headline or kicker is printed
 * between such marks; the line is the label over the stack.
 */
const BOXED = /^[|[｜［丨].*[|\]｜］丨]$/u;
function boxedLabel(line: PlacedLine): boolean {
  const t = line.line.text.trim();
  return line.chars <= T.labelMaxChars && BOXED.test(t);
}

/** The right edge a block's full lines reach: its widest lines' (a short last line must not set it). */
function blockRight(block: Block): number {
  const rights = block.lines.map((l) => l.box[2]).sort((a, b) => b - a);
  return rights[Math.min(rights.length - 1, Math.floor(rights.length / 4))]!;
}

/** The left edge most of a block's lines start at (its first line may be indented). */
function blockLeft(block: Block): number {
  const lefts = block.lines.map((l) => l.box[0]).sort((a, b) => a - b);
  return lefts[Math.floor((lefts.length - 1) / 2)]!;
}

/** Column width in em of the columns a body block sits in (for the text rules' line-length tests). */
function columnWidthEm(block: Block, columns: Column[], type: TypeMeasure): number | undefined {
  const col = columns[block.c1];
  if (!col) return undefined;
  // The longest line of the block is the best measure of the set width; the column range can include a hanging indent.
  let widest = 0;
  for (const l of block.lines) widest = Math.max(widest, l.box[2] - l.box[0]);
  const w = Math.max(widest, 0.9 * (col.x1 - col.x0));
  return Math.max(1, Math.round(w / type.em));
}

