/**
 * Layout stage 6 — stories by geometry. A headline, with the stack right
 * above and below it (kicker or column label, subheadline), opens a story;
 * a block belongs to the nearest headline above it whose span covers its
 * column, and a block with no headline above it (the top of a column)
 * continues the story open at the foot of the column before it, which is the
 * block before it in reading order. Content rules run afterwards inside each
 * story, and may still find what geometry cannot see (a run-in headline in
 * body type).
 */
import { LAYOUT_TUNING as T } from './tuning.js';
import { partitionPoint } from '../arrays.js';
import { byColumn, r2, xOverlap, type Box } from './geometry.js';
import type { Block } from './build-blocks.js';
import type { TypeMeasure } from './measure-type.js';
import type { Column } from './find-columns.js';

export type StackRole = 'label' | 'kicker' | 'headline' | 'subheadline';

export interface Zone {
  /** The headline block that opened the story; null for text before any headline (an orphan). */
  headline: Block | null;
  /** Blocks in reading order. */
  blocks: Block[];
  /** Role of the blocks of the headline stack. */
  stack: Map<Block, StackRole>;
  /** How each non-stack block joined the story: `below-headline` or `column-flow`. */
  joined: Map<Block, 'below-headline' | 'column-flow'>;
  /** The void under a kicker whose headline OCR did not read (lostHeadlineUnder), in page units; its evidence. */
  lostHeadlineGap?: number;
}

const gapBetween = (upper: Box, lower: Box) => lower[1] - upper[3];

/**
 * `stated`: the stream is the file's own reading order (follow-stated-order),
 * so a block with no headline above it continues the story of the block the
 * file reads before it (a story may skip a column, which geometry cannot
 * see), not the story opened last.
 */
export function assignZones(stream: Block[], type: TypeMeasure, columns: Column[], stated = false): Zone[] {
  const stackOf = findStacks(stream, type, columns);
  const zones: Zone[] = [];
  const zoneOf = new Map<Block, Zone>();
  const storyOf = new Map<Block, Zone>();
  const headlines = new HeadlinesByColumn(stream);
  let current: Zone | null = null;
  for (let i = 0; i < stream.length; i++) {
    const b = stream[i]!;
    const stack = stackOf.get(b);
    if (stack) {
      let zone = zoneOf.get(stack.headline);
      if (!zone) {
        zone = { headline: stack.headline, blocks: [], stack: new Map(), joined: new Map() };
        zones.push(zone);
        for (const member of stack.members.keys()) zoneOf.set(member, zone);
      }
      zone.blocks.push(b);
      zone.stack.set(b, stack.members.get(b)!);
      storyOf.set(b, zone);
      current = zone;
      continue;
    }
    if (i > 0 && lostHeadlineUnder(stream[i - 1]!, b, type, storyOf)) {
      // The kicker leaves the story it was read into: it and the text under the void open a story of their own.
      const kicker = stream[i - 1]!;
      const from = storyOf.get(kicker)!;
      from.blocks.pop();
      from.joined.delete(kicker);
      if (from.blocks.length === 0) zones.splice(zones.indexOf(from), 1);
      current = { headline: null, blocks: [kicker, b], stack: new Map([[kicker, 'kicker']]), joined: new Map([[b, 'column-flow']]), lostHeadlineGap: gapBetween(kicker.box, b.box) };
      zones.push(current);
      storyOf.set(kicker, current);
      storyOf.set(b, current);
      continue;
    }
    const above = headlines.above(b, type);
    const owner = above ? zoneOf.get(above) : undefined;
    if (owner) {
      owner.blocks.push(b);
      owner.joined.set(b, 'below-headline');
      storyOf.set(b, owner);
      continue;
    }
    if (stated && i > 0) current = storyOf.get(stream[i - 1]!) ?? current;
    if (!current) {
      current = { headline: null, blocks: [], stack: new Map(), joined: new Map() };
      zones.push(current);
    }
    current.blocks.push(b);
    current.joined.set(b, 'column-flow');
    storyOf.set(b, current);
  }
  return zones;
}

/**
 * A kicker-like line (one short line one row high, ending no sentence or
 * clause, no bracket or quote closing it) with a void under it in its column, `lostHeadlineGapEm` or more,
 * before text: the headline OCR did not read at all (Tesseract drops a whole
 * headline line now and then; the void is its height and margins). The text
 * under it is another story than the one the line was read into. Only when
 * the line is the last block of a story that is not its stack. OCR only
 * (sizes estimated from boxes).
 */
function lostHeadlineUnder(prev: Block, b: Block, type: TypeMeasure, storyOf: Map<Block, Zone>): boolean {
  // OCR only: a PDF or -layout text prints every headline it has, and their voids are pictures and ads.
  if (prev.lines.some((l) => l.typeSet) || b.lines.some((l) => l.typeSet)) return false;
  if (b.kind !== 'body' || prev.kind !== 'body' || prev.lines.length !== 1 || prev.c1 !== b.c1 || xOverlap(prev.box, b.box) <= 0) return false;
  if (b.box[1] - prev.box[3] < T.lostHeadlineGapEm * type.body) return false;
  const line = prev.lines[0]!;
  const text = line.line.text.trim();
  // A kicker's phrase ends in a word or a dash, not in a clause mark (a line cut from a sentence), and its box is one row high.
  if (line.chars > T.labelMaxChars || !kickerLike(prev) || '）)」”』，、；：,;:'.includes(text.charAt(text.length - 1))) return false;
  if (line.box[3] - line.box[1] > T.headlineRatio * type.body) return false;
  const from = storyOf.get(prev);
  // Not the text of a story this rule opened: that story's kicker is taken, and taking its text away would leave it a bare kicker.
  if (from !== undefined && from.headline === null && from.stack.size > 0) return false;
  return from !== undefined && from.blocks[from.blocks.length - 1] === prev && !from.stack.has(prev);
}

interface Stack {
  headline: Block;
  members: Map<Block, StackRole>;
}

/**
 * Headline stacks: each display block with the blocks stacked right above it
 * (kicker, label: short, close to it, and closer to it than to the text above
 * them) and right below it (a second display block, a subheadline in type
 * between body and headline size). The largest display block of a stack is
 * its headline.
 */
function findStacks(stream: Block[], type: TypeMeasure, columns: Column[]): Map<Block, Stack> {
  const out = new Map<Block, Stack>();
  const near = T.stackGapEm * type.body;
  for (let i = 0; i < stream.length; i++) {
    const h = stream[i]!;
    if (h.kind !== 'headline' || out.has(h)) continue;
    const members: Block[] = [h];
    // Display blocks that follow, stacked under it.
    let j = i + 1;
    while (j < stream.length && stacked(members[members.length - 1]!, stream[j]!, near) && (stream[j]!.kind === 'headline' || isSubheadline(stream[j]!, type))) {
      if (stream[j]!.kind !== 'headline' && members.some((m) => m.kind !== 'headline')) break;
      members.push(stream[j]!);
      j++;
      if (members[members.length - 1]!.kind !== 'headline') break;
    }
    // Short blocks right above it (a kicker, a column label over it), each closer to what is under it than to anything above.
    for (let k = i - 1; k >= 0 && i - k <= 2; k--) {
      const above = stream[k]!;
      // A boxed column label read as a short display line (its frame makes its OCR box tall) opened a stack of its own.
      const labelled = out.get(above);
      if (labelled && !labelStack(labelled, h)) break;
      if (!kickerLike(above) || flushRight(above, columns, type) || !stacked(above, members[0]!, T.kickerGapEm * type.body)) break;
      const upper = nearestAbove(above, stream, k);
      if (upper && gapBetween(upper.box, above.box) <= gapBetween(above.box, members[0]!.box) && !labelShape(upper, h)) break;
      if (labelled) for (const m of labelled.members.keys()) out.delete(m);
      members.unshift(above);
    }
    let headline = h;
    for (const m of members) if (m.kind === 'headline' && m.size > headline.size) headline = m;
    const roles = new Map<Block, StackRole>();
    const at = members.indexOf(headline);
    // Below the headline: more of it in like type, else its subheadline.
    // Two short blocks over a headline: the upper is the column label (民生 over 守护城市安全), the lower its kicker.
    members.forEach((m, idx) =>
      roles.set(
        m,
        idx < at
          ? idx === 0 && at >= 2 && isLabel(m)
            ? 'label'
            : 'kicker'
          : idx === at || (m.kind === 'headline' && m.size >= T.headlinePartShare * headline.size)
            ? 'headline'
            : 'subheadline',
      ),
    );
    const stack = { headline, members: roles };
    for (const m of members) out.set(m, stack);
    i = Math.max(i, j - 1);
  }
  return out;
}

/** One short line: a column label's name, not a kicker's phrase. */
function isLabel(b: Block): boolean {
  return b.lines.length === 1 && b.lines[0]!.chars <= T.labelMaxChars;
}

/** Could this block be a kicker or label: a few lines that do not end a story. */
function kickerLike(b: Block): boolean {
  if (b.lines.length > T.stackMaxLines) return false;
  const last = b.lines[b.lines.length - 1]!.line.text.trim();
  const end = last.charAt(last.length - 1);
  if ('。！？!?'.includes(end)) return false;
  // A closing bracket ends a label (（人民论坛）) but also a story's sign-off; a closing quote ends a quoted
  // sentence (…说。”) on a story's last line, or a quoted name in a kicker (迎来一年一度的“春风行动”).
  if ('）)'.includes(end) && (b.lines.length > 1 || b.lines[0]!.chars > T.labelMaxChars)) return false;
  if ('」”』'.includes(end) && '。！？!?…'.includes(last.charAt(last.length - 2))) return false;
  return b.kind === 'body' || b.lines.length <= 2;
}

/** Set flush right in its column, well in from the left: a sign-off or a credit, never a kicker. */
function flushRight(b: Block, columns: Column[], type: TypeMeasure): boolean {
  const col = columns[b.c1];
  if (!col) return false;
  return col.x1 - b.box[2] <= T.flushRightEm * type.em && b.box[0] - col.x0 >= 0.25 * (col.x1 - col.x0);
}

function stacked(upper: Block, lower: Block, near: number): boolean {
  const gap = gapBetween(upper.box, lower.box);
  return gap > -0.5 * Math.min(upper.size, lower.size) && gap <= near && xOverlap(upper.spanBox, lower.spanBox) > 0;
}

function isSubheadline(b: Block, type: TypeMeasure): boolean {
  return b.size >= T.subheadlineRatio * type.body && b.lines.length <= 3;
}

/** The nearest block above `b` (among the 40 before it in the stream) that overlaps it horizontally, or null. */
function nearestAbove(b: Block, stream: Block[], at: number): Block | null {
  let best: Block | null = null;
  for (let i = at - 1; i >= 0 && i >= at - 40; i--) {
    const o = stream[i]!;
    if (o.box[3] <= b.box[1] + 1 && xOverlap(o.box, b.box) > 0 && (!best || o.box[3] > best.box[3])) best = o;
  }
  return best;
}

/**
 * A one-line display block of a column label's length in smaller type than
 * the headline `h` under it: a column label in a box, whose frame OCR reads
 * into its box (2 glyphs, 1.4× the body by height alone on the generated
 * community pages, against 1.72× for the headline under its kicker).
 */
function labelShape(b: Block, h: Block): boolean {
  return b.kind === 'headline' && b.lines.length === 1 && b.lines[0]!.chars <= T.labelMaxChars && b.size < h.size;
}

/**
 * A stack opened by such a label, holding at most the kicker under it (taken
 * for its subheadline), right over `h`: the label and kicker of `h`'s stack,
 * not a story of their own.
 */
function labelStack(stack: Stack, h: Block): boolean {
  if (!labelShape(stack.headline, h) || stack.members.size > 2) return false;
  for (const [m, role] of stack.members) if (m !== stack.headline && role !== 'subheadline') return false;
  return true;
}

/**
 * Display blocks by the column they cover, each list in order of their bottom
 * edge, so "the nearest headline above" is a binary search, not a scan of the
 * page (the layout stages stay linear in the number of lines).
 */
class HeadlinesByColumn {
  private readonly lists: Block[][];

  constructor(stream: Block[]) {
    this.lists = byColumn(
      stream.filter((b) => b.kind === 'headline'),
      (b) => b.box[3],
    );
  }

  /**
   * The display block whose bottom is nearest above `b`'s top (within half an
   * em), covering b's first column and overlapping it horizontally, or null.
   */
  above(b: Block, type: TypeMeasure): Block | null {
    const list = this.lists[b.c1];
    if (!list) return null;
    const limit = b.box[1] + 0.5 * type.body;
    const lo = partitionPoint(list, (h) => h.box[3] > limit);
    // Walk up from the nearest: a few display blocks of the row may not overlap b.
    for (let i = lo - 1; i >= 0 && i >= lo - 8; i--) {
      const h = list[i]!;
      if (h !== b && xOverlap(h.spanBox, b.box) >= 0.3 * Math.min(h.spanBox[2] - h.spanBox[0], b.box[2] - b.box[0])) return h;
    }
    return null;
  }
}

/** A short description of a zone's geometry, for its article's evidence. */
export function describeZone(zone: Zone, type: TypeMeasure): string {
  const h = zone.headline;
  const cols = new Set<number>();
  for (const b of zone.blocks) for (let c = b.c1; c <= b.c2; c++) cols.add(c);
  const list = [...cols].sort((a, b) => a - b).map((c) => c + 1);
  const head = h ? `headline ${r2(h.size / type.body)}× body over column${h.c1 === h.c2 ? ` ${h.c1 + 1}` : `s ${h.c1 + 1}–${h.c2 + 1}`}${h.widened ? ' (widened over the story under it)' : ''}${h.lines.some((l) => l.display) ? ' (display type by contrast with the smaller text under it)' : ''}` : zone.lostHeadlineGap !== undefined
      ? `no headline (a void of ${r2(zone.lostHeadlineGap / type.body)} em under its kicker: a headline OCR did not read)`
      : 'no headline';
  const flowed = [...zone.joined.values()].filter((j) => j === 'column-flow').length;
  return `${head}; ${zone.blocks.length} blocks in column${list.length === 1 ? '' : 's'} ${list.join(',')}${flowed ? `; ${flowed} continued from the column before` : ''}`;
}
