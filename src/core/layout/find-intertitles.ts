/**
 * Layout stage — intertitles. A story's intertitle (a section heading set in
 * bold or slightly larger type inside its text) stands alone in its column
 * between two paragraphs, as a one-column headline of the next story does;
 * where the reader estimated type sizes from text (pdftotext -layout shows
 * none) both come out as display type, and the story is cut in two at the
 * intertitle. Geometry says where the line may be one — one column, a line or
 * two (and a lead-in line ending in a dash over it), a finished paragraph of
 * its column right above it and its text right under it — and content settles
 * it, as on the text road (rejoin-intertitles): the line names what the text
 * above has been saying, or the text under it reads on from the text above.
 * Such a block is body type from here on, so assign-zones keeps it in the
 * story above, and its lines get the geometry role `intertitle` (the story's
 * subheadings).
 *
 * Runs after build-blocks, before widen-headlines. Linear: each candidate
 * looks at a bounded number of lines above it and at the block under it.
 */
import { LAYOUT_TUNING as T } from './tuning.js';
import { bigramList, recall, type Bigram } from '../bigrams.js';
import { endsInLeadInDash, endsSentence, RUNNING_TEXT_MARK } from '../chars.js';
import { isCreditLine } from '../credit-line.js';
import type { MarkerSet } from '../markers.js';
import { byColumn, r2, xOverlap } from './geometry.js';
import type { Block } from './build-blocks.js';
import type { TypeMeasure } from './measure-type.js';

const textOf = (b: Block) => b.lines.map((l) => l.line.text).join('');

/**
 * The headline blocks that are intertitles of the story above them in their
 * column, each with its evidence (for the story's GEOMETRY_STORY entry).
 * Before widen-headlines and order-blocks: a lone display line taken for a
 * headline would be widened over the column beside it (whose rows pdftotext
 * interleaves with its own, so that strip looks empty) and cut the reading
 * order there.
 */
export function findIntertitles(blocks: Block[], type: TypeMeasure, markers: MarkerSet): Map<Block, string> {
  const out = new Map<Block, string>();
  const lists = byColumn(blocks, (b) => b.box[1]);
  const places = lists.map((list) => new Map(list?.map((b, k) => [b, k])));
  for (const h of blocks) {
    if (!candidate(h, type)) continue;
    const list = lists[h.c1]!;
    const k = places[h.c1]!.get(h)!;
    // A lead-in line right over it (源头治理—— over 先把管网理清: set smaller, read as body type) is the intertitle's first line.
    const lead = leadIn(list[k - 1], h, type) ? list[k - 1]! : null;
    const top = lead ?? h;
    const above = list[k - (lead ? 2 : 1)];
    const below = list[k + 1];
    // Between two runs of text of its column: a finished paragraph above it, its own text right under it.
    if (above?.kind !== 'body' || below?.kind !== 'body') continue;
    if (xOverlap(above.box, h.box) <= 0 || xOverlap(below.box, h.box) <= 0) continue;
    if (top.box[1] - above.box[3] > T.intertitleWhiteAboveEm * type.body) continue;
    if (!standsRightUnder(h, below, type)) continue;
    if (!endsSentence(above.lines[above.lines.length - 1]!.line.text.trim(), true)) continue;
    if (!opensParagraph(below, markers)) continue;
    const bag = textAbove(lists, h.c1, k - (lead ? 1 : 0));
    const named = recall(bigramList((lead ? textOf(lead) : '') + textOf(h)), bag);
    const opening = recall(bigramList(below.lines.slice(0, T.intertitleOpeningLines).map((l) => l.line.text).join('')), bag);
    if (named < T.intertitleWordsAbove && opening < T.intertitleOpeningShared) continue;
    const why = `intertitle kept in its story: ${r2(named)} of its words in the text above, the text under it shares ${r2(opening)}`;
    out.set(h, why);
    if (lead) out.set(lead, 'its lead-in line over it');
  }
  return out;
}

/**
 * The text under an intertitle goes on with its story: a paragraph starts
 * there. A dateline, reporter line or byline on its first lines opens a new
 * story; a dash-led line is a headline's subheadline, a caption's first words
 * (图为…) a photo's text; and a first line that stops short with no pause in
 * it is more display type (a subheadline or kicker set in body size), not a
 * paragraph's first line.
 */
function opensParagraph(next: Block, markers: MarkerSet): boolean {
  const first = next.lines[0]!;
  const text = first.line.text.trim();
  if (next.lines.slice(0, T.intertitleOpenerLines).some((l) => isCreditLine(l.line.text, markers))) return false;
  if (markers.subheadlinePrefix.test(text) || markers.caption.test(text)) return false;
  const left = Math.min(...next.lines.map((l) => l.box[0]));
  const right = Math.max(...next.lines.map((l) => l.box[2]));
  return RUNNING_TEXT_MARK.test(text) || first.box[2] - left >= T.intertitleFirstLineShare * (right - left);
}

/**
 * How far a lower block's box may reach up into the one above it, in em, and
 * still stand under it: boxes estimated from character rows overlap by up to
 * half a line where the two are set in different sizes.
 */
const ROW_OVERLAP_EM = 0.5;

/** `lower` stands right under `upper`: no more than intertitleTextGapEm of white between them. */
function standsRightUnder(upper: Block, lower: Block, type: TypeMeasure): boolean {
  const gap = lower.box[1] - upper.box[3];
  return gap >= -ROW_OVERLAP_EM * type.body && gap <= T.intertitleTextGapEm * type.body;
}

/** A one-line block ending in a lead-in dash right over `h` in its column. */
function leadIn(b: Block | undefined, h: Block, type: TypeMeasure): boolean {
  if (!b || b.lines.length !== 1 || !endsInLeadInDash(b.lines[0]!.line.text.trim())) return false;
  return xOverlap(b.box, h.box) > 0 && standsRightUnder(b, h, type);
}

/** A lone display block of one column, a line or two, in type no larger than an intertitle's may be estimated. */
function candidate(h: Block, type: TypeMeasure): boolean {
  return h.kind === 'headline' && h.c1 === h.c2 && h.lines.length <= T.intertitleMaxLines && h.size <= T.intertitleMaxSize * type.body;
}

/**
 * Han bigrams of the story's text above block `i` of column `c`: the body
 * blocks over it, up to the nearest display block (the story's headline), and
 * when the column's top comes first, on from the foot of the column before
 * (where the story came from: an intertitle near a column's top has a few lines
 * of its story above it); at most intertitleContextLines lines.
 */
function textAbove(lists: Block[][], c: number, i: number): Set<Bigram> {
  const bag = new Set<Bigram>();
  let lines = 0;
  for (let col = c, from = i - 1; col >= Math.max(0, c - 1) && lines < T.intertitleContextLines; col--) {
    const list = lists[col] ?? [];
    if (col !== c) from = list.length - 1;
    for (let k = from; k >= 0 && lines < T.intertitleContextLines; k--) {
      const b = list[k]!;
      if (b.kind !== 'body') return bag;
      for (let j = b.lines.length - 1; j >= 0 && lines < T.intertitleContextLines; j--, lines++) for (const g of bigramList(b.lines[j]!.line.text)) bag.add(g);
    }
  }
  return bag;
}
