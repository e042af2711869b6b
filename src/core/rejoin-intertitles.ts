/**
 * Stage 5a (text road) — a lone short line between two runs of body text is
 * a headline or an intertitle, and hard-wrapped text does not say which:
 * both are one unpunctuated line after a finished paragraph. classify-lines
 * calls it a headline (rules title-between-paragraphs, title-over-first-line);
 * here content decides.
 * When the text under it reads on from the text above it — the headline's
 * words occur above, or the opening lines under it share vocabulary with
 * the text above — it is the story's intertitle, and the two runs are one
 * body unit with the line as a subheading between them. A two-line stack
 * there whose first line ends in a lead-in dash (源头治理—— ⏎ 先把管网理清) is
 * joined so without asking the words: the dash says it leads into its own
 * text (dashLedStack).
 *
 * On a page whose blank lines are its extractor's block boundaries
 * (blockBoundaries: plain pdftotext), a line with a blank line right above
 * and right below it, under text that ends there (closedAbove), is a block
 * of its own, set in other type than the text
 * around it: a headline, never an intertitle, which pdftotext reads in its
 * column's block. Such a line is left a headline whatever its words (rule
 * set-apart-headline), so a page of stories on one subject (two gadgets'
 * reviews) keeps its headlines.
 *
 * Runs after group-blocks and before split-bodies.
 */
import { bigramList, recall, type Bigram } from './bigrams.js';
import type { Block, BodyUnit, TitleBlock } from './group-blocks.js';
import { CLASSIFY_TUNING as T } from './classify-tuning.js';
import { endsInLeadInDash, endsSentence } from './chars.js';
import { INFO_LINE, type ClassifiedLine } from './classify-lines.js';
import type { InputLine } from './model.js';

/** pdftotext ends every page with a form feed; a hard-wrapped text does not. */
const FORM_FEED = '\f';

/**
 * The lines standing alone between two blank lines, on a page whose blank
 * lines are block boundaries (an extractor's page, paragraphs run on without
 * blank lines); null on any other page.
 */
export function blockBoundaries(input: readonly InputLine[], lines: readonly ClassifiedLine[], pauseEnds: boolean): ReadonlySet<number> | null {
  if (!input.some((l) => l.text.includes(FORM_FEED))) return null;
  let ends = 0;
  let apart = 0;
  for (let i = 0; i + 1 < lines.length; i++) {
    const l = lines[i]!;
    if (l.role === 'blank' || !(l.width < T.intertitleShare * l.column) || !endsSentence(l.text, pauseEnds)) continue;
    ends++;
    if (lines[i + 1]!.role === 'blank') apart++;
  }
  if (ends === 0 || apart > T.blockBlankShare * ends) return null;
  const alone = new Set<number>();
  for (let i = 1; i + 1 < lines.length; i++) if (lines[i]!.role !== 'blank' && lines[i - 1]!.role === 'blank' && lines[i + 1]!.role === 'blank') alone.add(lines[i]!.n);
  return alone;
}

function bodyBag(u: BodyUnit): Set<Bigram> {
  const bag = new Set<Bigram>();
  for (const g of bigramList(u.dateline?.dateline?.rest ?? '')) bag.add(g);
  for (const l of u.body) for (const g of bigramList(l.text)) bag.add(g);
  return bag;
}

/**
 * A text opened by text holds bylines only after its text: photographers'
 * credits under its captions. One credit closes a photo story (a photo's
 * title, its text and caption, its credit: 图片报道 ⏎ … ⏎ 图为… ⏎ X摄), which
 * reads on from nothing above it; a set of them (图① … X摄 ⏎ 图② … Y摄) is the
 * photos printed with a long story, whose intertitle may stand above them.
 */
function bylinesAllowBelow(below: BodyUnit): boolean {
  return below.bylines.length === 0 || (below.bylines.length >= T.photoSetCredits && below.bylines.every((b) => b.n > below.body[0]!.n));
}

/** The classify-lines rules that leave "headline or intertitle?" to the words (a phrased headline is sure of itself). */
const HEADLINE_OR_INTERTITLE: ReadonlySet<string> = new Set(['title-between-paragraphs', 'title-over-first-line']);

const loneLine = (b: TitleBlock) => !b.display && b.kicker === null && b.subheadline === null && b.titles.length === 1 && HEADLINE_OR_INTERTITLE.has(b.titles[0]!.rule);

/**
 * Two short lines between paragraphs, the first ending in a lead-in dash
 * (源头治理—— ⏎ 先把管网理清): a section's intertitle leading into its topic. A
 * kicker ending in a dash over the next story's headline stands after a
 * boundary, a column label or unfinished text, or over a byline or dateline,
 * which the caller rules out (it asks for a finished sentence above).
 */
function dashLedStack(b: TitleBlock): boolean {
  if (b.display || b.subheadline !== null || b.kickerRest.length > 0) return false;
  const lines = b.kicker ? [b.kicker, ...b.titles] : b.titles;
  if (lines.length !== 2 || lines[0]!.rule !== 'short-headline-pair' || !endsInLeadInDash(lines[0]!.text)) return false;
  // Both short, as short-headline-pair read them (a kicker set wider than its column is the next story's).
  return lines.every((l) => l.width <= T.shortPairShare * l.column);
}

/**
 * The text above ends where a block can: a finished sentence, or a short line (a paragraph's or a fact
 * line's end). A full line left open runs on under the line: pdftotext printed a block of other type (a
 * masthead it reads mid-page) between a column's lines.
 */
function closedAbove(above: BodyUnit): boolean {
  const last = above.body[above.body.length - 1]!;
  return endsSentence(last.text) || last.width < T.intertitleShare * last.column;
}

export function rejoinIntertitles(blocks: Block[], setApart: ReadonlySet<number> | null = null): Block[] {
  const out: Block[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    const above = out[out.length - 1];
    const below = blocks[i + 1];
    const lone = b.type === 'title' && (loneLine(b) || (dashLedStack(b) && above?.type === 'body' && endsSentence(above.body[above.body.length - 1]?.text ?? '')));
    if (!lone || above?.type !== 'body' || below?.type !== 'body' || above.closedBy !== null || above.body.length === 0) {
      out.push(b);
      continue;
    }
    if (below.openedBy !== 'text' || !bylinesAllowBelow(below) || below.dateline !== null || below.jumpFrom !== null) {
      out.push(b);
      continue;
    }
    const heads = b.kicker ? [b.kicker, ...b.titles] : b.titles;
    // A text that ends in a fact box (售價：$38起 ⏎ 查詢：2388 1234) has closed its item: a consumer page's
    // next item starts under it, and its one line is that item's headline (rule headline-after-fact-box).
    if (heads.length === 1 && INFO_LINE.test(above.body[above.body.length - 1]!.text)) {
      heads[0]!.rule = 'headline-after-fact-box';
      out.push(b);
      continue;
    }
    if (heads.length === 1 && setApart?.has(heads[0]!.n) && closedAbove(above)) {
      heads[0]!.rule = 'set-apart-headline';
      out.push(b);
      continue;
    }
    if (heads.length === 1) {
      const bag = bodyBag(above);
      const titleAbove = recall(bigramList(heads[0]!.text), bag);
      const opening = recall(bigramList(below.body.slice(0, T.intertitleOpeningLines).map((l) => l.text).join('')), bag);
      if (titleAbove < T.intertitleWordsAbove && opening < T.intertitleOpeningShared) {
        out.push(b);
        continue;
      }
    }
    for (const line of heads) {
      line.role = 'subheading';
      line.rule = heads.length === 1 ? 'intertitle-reads-on' : 'intertitle-lead-in';
      line.newGroup = undefined;
    }
    // The text below brings its photographers' credits (bylinesAllowBelow let them through): they are
    // the merged text's bylines now, or their characters would be in no article.
    const merged: BodyUnit = {
      ...above,
      bylines: [...above.bylines, ...below.bylines],
      body: [...above.body, ...heads, ...below.body],
      signoff: below.signoff,
      jump: below.jump,
      endmark: below.endmark,
      closedBy: below.closedBy,
      lines: [above.lines[0], below.lines[1]],
    };
    // Tails kept under the text below stay in the evidence (TAIL_UNDER_STORY) of the merged text.
    if (below.tails) merged.tails = above.tails ? [above.tails[0], below.tails[1]] : below.tails;
    merged.joins = [...(above.joins ?? []), { rule: 'rejoin-intertitles', lines: [Math.min(heads[0]?.n ?? below.lines[0], below.lines[0]), below.lines[1]] }, ...(below.joins ?? [])];
    out[out.length - 1] = merged;
    i++;
  }
  return out;
}
