/**
 * Stage 5 — group classified lines into blocks: headline blocks and body
 * units. Its own stage because pairing (next stage) works on whole blocks, and
 * because "what may end a body" is decided here, once.
 *
 * A headline block is kicker? + title lines + subheadline?; a subheadline, an
 * indented title line or a new kicker starts the next block. A body unit is
 * byline? + (dateline + body | body) + closers (sign-off, jump line, end mark);
 * it ends at a closer, a headline block, a display line, a byline, or a new
 * dateline.
 */
import { closesUnopened, endsInLeadInDash, endsSentence, HAN_CLASS, leftOpen } from './chars.js';
import { CLASSIFY_TUNING as T } from './classify-tuning.js';
import type { ClassifiedLine } from './classify-lines.js';
import type { UnitCloser, UnitOpener } from './messages.js';
import type { LineRange } from './model.js';
import { sizeFromBox } from './layout/geometry.js';
import { LAYOUT_TUNING } from './layout/tuning.js';
import { readJump } from './read-jump.js';
import { CAPTION_IN_TEXT, DEFAULT_MARKERS, SERIAL_NUMBER, type MarkerSet } from './markers.js';
import { splitNames } from './parse-byline.js';

export interface TitleBlock {
  type: 'title';
  kicker: ClassifiedLine | null;
  /** Further lines of a kicker wrapped over several lines (positioned pages, where geometry knows the kicker's block). */
  kickerRest: ClassifiedLine[];
  titles: ClassifiedLine[];
  subheadline: ClassifiedLine | null;
  /** Further lines of a subheadline wrapped over several lines. */
  subheadlineRest: ClassifiedLine[];
  /** A doubled (fake-bold) display line: a photo title or a display heading. */
  display: boolean;
  /** Index in `titles` of the first title line after a blank line inside the block (text input). */
  blankAt?: number;
  /** More than one blank line stands between the block's title lines (a stack of blocks). */
  blanks?: number;
  lines: LineRange;
}

export interface BodyUnit {
  type: 'body';
  bylines: ClassifiedLine[];
  dateline: ClassifiedLine | null;
  /** The reporter bracket that completes a bare dateline on the next line (本报南昌2月12日电 ⏎ （记者…）江西…). */
  datelineReporter?: ClassifiedLine;
  body: ClassifiedLine[];
  signoff: ClassifiedLine | null;
  jump: ClassifiedLine | null;
  /** A jump line that opens the unit: the story is continued from another page (（上接第1版）). */
  jumpFrom: ClassifiedLine | null;
  endmark: ClassifiedLine | null;
  /** What opened and closed the unit, for the article's evidence. */
  openedBy: UnitOpener;
  closedBy: UnitCloser | null;
  /** Lines taken into the text from a headline block that had no story (keep-story-tails), for the evidence. */
  tails?: LineRange;
  /** Texts that read as stories of their own and were joined on as parts of this one, for the evidence (TEXT_PARTS_JOINED). */
  joins?: TextJoin[];
  lines: LineRange;
}

/** The stage that joined a part on to the text above it (its rule, in TEXT_PARTS_JOINED's detail). */
export type JoinRule = 'rejoin-intertitles' | 'join-parallel-sections' | 'join-summary-decks' | 'join-story-units';

/** One part joined on: its lines (its heads, if any, and its text) and the rule that joined it. */
export interface TextJoin {
  rule: JoinRule;
  lines: LineRange;
}

export type Block = TitleBlock | BodyUnit;

export interface Grouped {
  blocks: Block[];
  furniture: ClassifiedLine[];
  overlong: ClassifiedLine[];
}

/** First and last line number of `lines`. */
function span(lines: readonly ClassifiedLine[]): LineRange {
  let first = Infinity;
  let last = -Infinity;
  for (const l of lines) {
    if (l.n < first) first = l.n;
    if (l.n > last) last = l.n;
  }
  return [first, last];
}

/** Lines of a unit in role order: bylines, dateline, body, closers. */
function unitLines(u: BodyUnit): ClassifiedLine[] {
  const out = u.jumpFrom ? [u.jumpFrom] : [];
  for (const l of u.bylines) out.push(l);
  if (u.dateline) out.push(u.dateline);
  if (u.datelineReporter) out.push(u.datelineReporter);
  for (const l of u.body) out.push(l);
  if (u.signoff) out.push(u.signoff);
  if (u.jump) out.push(u.jump);
  if (u.endmark) out.push(u.endmark);
  return out;
}

/** Lines of a headline block: kicker, titles, subheadline. */
function titleLines(t: TitleBlock): ClassifiedLine[] {
  const out = t.kicker ? [t.kicker, ...t.kickerRest] : [];
  for (const l of t.titles) out.push(l);
  if (t.subheadline) out.push(t.subheadline, ...t.subheadlineRest);
  return out;
}

const TWO_PHRASES = new RegExp(String.raw`[${HAN_CLASS}](?:[\s\u3000]+|：)[${HAN_CLASS}]`, 'u');

/**
 * The grouping state: blocks closed so far and the headline block or body
 * unit being built (at most one of them is open). The steps below are small
 * functions of it rather than closures of one large loop: groupBlocks runs
 * for every line, and V8 compiles small functions far faster.
 */
interface Grouping {
  blocks: Block[];
  title: TitleBlock | null;
  unit: BodyUnit | null;
  markers: MarkerSet;
}

/** A phrase of a main title set in phrases is a clause of a few characters (为民办实事, 少跑腿); OCR's stray spaces leave shorter pieces. */
const MAIN_PHRASE_MIN = 3;

/**
 * A line set as spaced phrases of clause length (少跑腿 快办事 好办事). The
 * main title under a long 引题 is often set so (某市推出便民新举措，群众办事更省心 ⏎
 * 少跑腿 快办事); the short last line of a headline broken over lines is the
 * end of one phrase, and a credit (制图：李明) is a label and a name.
 */
function spacedPhrases(text: string): boolean {
  const phrases = text.trim().split(/[\s\u3000]+/u);
  return phrases.length > 1 && phrases.every((p) => (p.match(HAN_RUN) ?? []).join('').length >= MAIN_PHRASE_MIN);
}

const HAN_RUN = new RegExp(`[${HAN_CLASS}]+`, 'gu');

/** The number of Han characters in `text`. */
const hanCount = (text: string) => (text.match(HAN_RUN) ?? []).join('').length;

/**
 * A line a kicker over one main line may be: one phrase (two spaced phrases are a headline's deck), longer
 * than a column label (labelOnlyChars, as the layout road reads a label: 要闻, 简讯), and not the tail of
 * text above (a bracket it closes but does not open).
 */
function oneLinePhrase(line: ClassifiedLine): boolean {
  return !TWO_PHRASES.test(line.text) && hanCount(line.text) > LAYOUT_TUNING.labelOnlyChars && !closesUnopened(line.text);
}

/**
 * 引题 without punctuation, told by the shape of the stack: a one-phrase line above
 * a main headline set as two phrases with a space (春节假期消费市场观察 / 年味浓 消费旺 服务暖),
 * even a line longer than the main title when that is one line of spaced phrases (spacedPhrases),
 * or the clearly shortest of three title lines, since a main title runs to two lines
 * at most (回應外界質疑 / 司法院擬修法 / 法官評鑑納外部委員). Three lines of like width
 * are more often headlines of neighbouring columns that OCR read across. Of two lines, a
 * one-phrase first line at most kickerShortOverOneShare as wide as a main line of words
 * under it is the kicker: who speaks or acts, over what (市财政局发文 / 小微企业贷款贴息再延长一年);
 * a headline broken over two lines by sense, or wrapped, sets its lines nearer one width.
 */
function hasUnmarkedKicker(title: TitleBlock): boolean {
  const [first, ...rest] = title.titles;
  if (!first || rest.length === 0 || rest.length > T.kickerStackLines) return false;
  if (wrappedAtOneMeasure(title.titles)) return false;
  const twoPhraseMain = rest.some((l) => TWO_PHRASES.test(l.text)) && !TWO_PHRASES.test(first.text);
  if (first.width > rest.reduce((w, l) => w + l.width, 0)) return rest.length === 1 && spacedPhrases(rest[0]!.text) && !TWO_PHRASES.test(first.text);
  const shortestOfThree = rest.length === 2 && !title.subheadline && first.width <= T.kickerShortestShare * Math.max(rest[0]!.width, rest[1]!.width);
  const shortOverOne = rest.length === 1 && oneLinePhrase(first) && hanCount(rest[0]!.text) >= MAIN_PHRASE_MIN && first.width <= T.kickerShortOverOneShare * rest[0]!.width;
  return twoPhraseMain || shortestOfThree || shortOverOne;
}

/**
 * One headline wrapped at its box's measure, not a kicker over it (新區「要建得像遊樂 ⏎
 * 園」居民憂：預算高達 ⏎ 90億 恐成空城): its first line leaves open a bracket that a
 * later line closes, or
 * three or more lines fill one measure but the last, which is no wider (a wrap
 * fills every line up to its last; a kicker is set apart from the headline in
 * other type, and a two-line headline under a kicker has its longer line last
 * only by chance, so two lines alone say nothing).
 */
function wrappedAtOneMeasure(titles: readonly ClassifiedLine[]): boolean {
  // A typesetter wraps inside a bracket; a kicker is a whole phrase. The closer must follow (OCR misreads brackets).
  const closer = leftOpen(titles[0]!.text);
  if (closer !== null && titles.slice(1).some((l) => l.text.includes(closer))) return true;
  if (titles.length < 3) return false;
  const measure = titles[0]!.width;
  const last = titles[titles.length - 1]!;
  return titles.slice(1, -1).every((l) => Math.abs(l.width - measure) <= T.wrapMeasureSlack) && last.width <= measure + T.wrapMeasureSlack;
}

/**
 * The title lines are one headline block of the layout road in the type size
 * the reader states (a PDF's font size): there a kicker in other type is a
 * block of its own, which geometry has already named, so the shape of the
 * lines says nothing more — a headline wrapped over three lines of one size
 * with a short first line is still one headline.
 */
function oneSetHeadline(title: TitleBlock): boolean {
  return title.titles.every((l, i) => l.hint?.display === 'headline' && l.hint.size !== undefined && (i === 0 || l.hint.blockStart !== true));
}

/**
 * The first title line is measured by its box, and in the type of the lines under it (an 引题 is set
 * smaller: CLASSIFY_TUNING.kickerSmallerThanTitle).
 */
function firstInTitleType(title: TitleBlock): boolean {
  const sizes = title.titles.map((l) => (l.hint?.bbox && l.hint.size === undefined ? sizeFromBox(l.hint.bbox, l.text) : NaN));
  if (!sizes.every((s) => s > 0)) return false;
  const [first, ...rest] = sizes as [number, ...number[]];
  return first >= T.kickerSmallerThanTitle * Math.min(...rest);
}

/**
 * 引题 that ends in a dash (一位老校长—— ⏎ 为山村孩子修路; 走过二十年——):
 * the dash hands over to the headline, so the title lines up to and including
 * the first one ending in —— are the kicker, when headline lines follow. Only
 * where no positions say which block a line belongs to (text input).
 */
function dashKickerEnd(title: TitleBlock): number {
  if (title.kicker || title.display || title.titles.some((l) => l.hint !== undefined)) return -1;
  for (let k = 0; k < title.titles.length - 1; k++) if (endsInLeadInDash(title.titles[k]!.text)) return k;
  return -1;
}

/**
 * 引题 read as a block of its own: plain pdftotext puts a blank line between
 * blocks of other type, so title lines, a blank line, then more title lines
 * are a kicker (smaller type) over its headline (市运会乒乓球赛 ⏎⏎ 老将队逆转夺得冠军).
 * The number of kicker lines, or 0: only text input, no kicker found yet,
 * one blank line in the block, at most kickerBlockLines lines above it that
 * end no sentence, two or more below (a headline in large type wraps; one
 * line under a blank is as often the next story's headline).
 */
function setApartAbove(title: TitleBlock): number {
  const k = title.blankAt;
  // A second blank line makes a stack of blocks (headlines listed before their texts, an ad's line over them).
  if (k === undefined || title.blanks !== 1 || title.kicker || title.display || title.titles.some((l) => l.hint !== undefined)) return 0;
  if (k > T.kickerBlockLines || title.titles.length - k < 2 || title.titles.slice(0, k).some((l) => endsSentence(l.text))) return 0;
  // Lines above the blank wrapped at the measure of those below are set in the same type: a kicker in
  // smaller type wraps wider in characters. They are one headline broken by a blank line (OCR), or the
  // headlines of two stories whose text is elsewhere.
  const oneMeasure = Math.abs(title.titles[0]!.width - title.titles[k]!.width) <= T.wrapMeasureSlack;
  return k > 1 && oneMeasure ? 0 : k;
}

function closeTitle(g: Grouping): void {
  const title = g.title;
  if (!title) return;
  const dashEnd = dashKickerEnd(title);
  const apart = dashEnd >= 0 ? 0 : setApartAbove(title);
  if (dashEnd >= 0) {
    title.kicker = title.titles[0]!;
    title.kickerRest = title.titles.slice(1, dashEnd + 1);
    title.titles = title.titles.slice(dashEnd + 1);
    // A pair read between two paragraphs keeps its rule: rejoin-intertitles asks it (a lead-in dash there opens an intertitle).
    if (title.kicker.rule !== 'short-headline-pair') title.kicker.rule = 'kicker-ends-in-dash';
  } else if (apart > 0) {
    title.kicker = title.titles[0]!;
    title.kickerRest = title.titles.slice(1, apart);
    title.titles = title.titles.slice(apart);
    title.kicker.rule = 'kicker-set-apart';
  } else if (!title.kicker && !title.display && !oneSetHeadline(title) && !firstInTitleType(title) && hasUnmarkedKicker(title)) {
    title.kicker = title.titles[0]!;
    title.titles = title.titles.slice(1);
  }
  title.lines = span(titleLines(title));
  g.blocks.push(title);
  g.title = null;
}

function closeUnit(g: Grouping): void {
  if (!g.unit) return;
  g.unit.lines = span(unitLines(g.unit));
  g.blocks.push(g.unit);
  g.unit = null;
}

function openUnit(g: Grouping, openedBy: UnitOpener): BodyUnit {
  closeTitle(g);
  g.unit = { type: 'body', bylines: [], dateline: null, body: [], signoff: null, jump: null, jumpFrom: null, endmark: null, openedBy, closedBy: null, lines: [0, 0] };
  return g.unit;
}

const unitHasText = (u: BodyUnit | null) => u !== null && (u.body.length > 0 || u.dateline !== null);
const unitClosed = (u: BodyUnit | null) => u !== null && u.closedBy !== null;

/** A sign-off, jump line or end mark closes the unit it ends (opening one if the page starts with it). */
function addCloser(g: Grouping, line: ClassifiedLine, slot: 'signoff' | 'jump' | 'endmark'): void {
  if (g.unit === null) openUnit(g, 'closer');
  let unit = g.unit!;
  if (unit[slot] !== null) {
    // A second closer of the same kind cannot belong to the same article.
    closeUnit(g);
    unit = openUnit(g, 'closer');
  }
  unit[slot] = line;
  unit.closedBy = slot;
}

/**
 * A jump line closes the text before it (（下转第4版）), except one that says
 * where the story comes from before any of its text (headline ⏎ （上接第1版） ⏎
 * text): that one opens the unit, so the continued part keeps its headline.
 */
function addJump(g: Grouping, line: ClassifiedLine): void {
  if (readJump(line.text)?.direction === 'from' && (g.unit === null || (!unitHasText(g.unit) && !unitClosed(g.unit) && g.unit.jumpFrom === null))) {
    (g.unit ?? openUnit(g, 'jump-from')).jumpFrom = line;
    return;
  }
  addCloser(g, line, 'jump');
}

/** Kicker, title, subheadline or display line: continues the open headline block or starts one. */
function addHeadlineLine(g: Grouping, line: ClassifiedLine): void {
  closeUnit(g);
  const title = g.title;
  const startsNew =
    title === null ||
    line.role === 'display' ||
    title.display ||
    (line.role === 'kicker' && (line.newGroup !== false || title.kicker === null || title.titles.length > 0)) ||
    (line.role === 'title' && ((line.newGroup === true && title.titles.length > 0) || title.subheadline !== null)) ||
    (line.role === 'subheadline' && title.subheadline !== null && line.newGroup !== false);
  if (startsNew) {
    closeTitle(g);
    g.title = { type: 'title', kicker: null, kickerRest: [], titles: [], subheadline: null, subheadlineRest: [], display: line.role === 'display', lines: [line.n, line.n] };
  }
  const t = g.title!;
  if (line.role === 'kicker') {
    if (t.kicker) t.kickerRest.push(line);
    else t.kicker = line;
  }
  else if (line.role === 'subheadline') {
    if (t.subheadline) t.subheadlineRest.push(line);
    else t.subheadline = line;
  }
  else t.titles.push(line);
}

/** One picture's credit (摄, 攝影, 供图): a photo credit that does not make the story a photo story. */
function creditsOnePicture(credit: string, markers: MarkerSet): boolean {
  return markers.photoCredit.test(credit) && !markers.photoStory.test(credit);
}

function addByline(g: Grouping, line: ClassifiedLine): void {
  // A photo credit (摄) after a captioned text belongs to that text; any other byline opens a unit.
  const unit = g.unit;
  const credit = line.byline?.credit ?? '';
  // A writer's credit in 【】 (【■王曉晴／】, 【時報】) opens its story like any byline; it credits no photo.
  const photoCredit = (line.byline?.role === null && !line.text.startsWith('【')) || (creditsOnePicture(credit, g.markers) && unit !== null && unit.body.some((l) => CAPTION_IN_TEXT.test(l.text)));
  if (photoCredit && unitHasText(unit) && !unitClosed(unit)) {
    unit!.bylines.push(line);
    return;
  }
  if (unit === null || unitHasText(unit) || unitClosed(unit)) {
    closeUnit(g);
    openUnit(g, 'byline');
  }
  g.unit!.bylines.push(line);
}

/**
 * A bare dateline (本报南昌2月12日电, nothing after it) whose line is followed by
 * a reporter bracket that opens text (（记者…）江西省…): one opener wrapped
 * across a line end, often with a stray blank between, not two stories.
 */
function continuesBareDateline(unit: BodyUnit | null, line: ClassifiedLine): boolean {
  const open = unit?.dateline?.dateline;
  return unit !== null && open !== undefined && open.rest === '' && open.reporter === null && unit.datelineReporter === undefined && unit.body.length === 0 && !unitClosed(unit) && line.dateline?.marker === '' && line.dateline.reporter !== null;
}

function addDateline(g: Grouping, line: ClassifiedLine): void {
  if (continuesBareDateline(g.unit, line)) {
    line.rule = 'reporter-after-bare-dateline';
    g.unit!.datelineReporter = line;
    return;
  }
  if (g.unit === null || unitHasText(g.unit) || unitClosed(g.unit)) {
    closeUnit(g);
    openUnit(g, 'dateline');
  }
  g.unit!.dateline = line;
}

/**
 * The unit's text ends at a photographer's credit printed under it (…图为… ⏎
 * 张华摄（本报）): the photo's text is over, and a line after it starts another
 * text — unless it opens the next photo's caption (图②：…) of one set. The
 * unit stays open to a sign-off, end mark or photo title after it.
 */
function endsAtPhotoCredit(u: BodyUnit, line: ClassifiedLine, markers: MarkerSet): boolean {
  const credit = u.bylines[u.bylines.length - 1];
  const last = u.body[u.body.length - 1];
  if (credit === undefined || last === undefined || credit.n < last.n || !creditsOnePicture(credit.byline?.credit ?? '', markers)) return false;
  return !markers.caption.test(line.text) && !CAPTION_OF_SET.test(line.text);
}

/** A caption of a numbered set as OCR may read it: 图, its number read as up to three marks (图②, 图@, 图电), a colon. */
const CAPTION_OF_SET = /^[图圖]\S{0,3}\s?[:：]/u;

function addBodyLine(g: Grouping, line: ClassifiedLine): void {
  // A designer's credit under a story's sign-off (classify-lines' trailing-credit) still is that story's last line.
  if (line.rule === 'trailing-credit' && g.unit !== null && g.unit.closedBy === 'signoff' && unitHasText(g.unit)) {
    g.unit.body.push(line);
    return;
  }
  if (g.unit === null || unitClosed(g.unit) || endsAtPhotoCredit(g.unit, line, g.markers)) {
    closeUnit(g);
    openUnit(g, 'text');
  }
  g.unit!.body.push(line);
}

/** A bracketed line: a serial number or author under a headline, otherwise a sign-off. */
function addBracketed(g: Grouping, line: ClassifiedLine): void {
  const title = g.title;
  const underHeadline = title !== null && g.unit === null && title.titles.length > 0;
  // A bracketed number right under a headline is the part of a serial: （六）.
  if (underHeadline && SERIAL_NUMBER.test(line.inner ?? '')) {
    line.role = 'subheadline';
    line.rule = 'serial-number-under-headline';
    if (title.subheadline === null) title.subheadline = line;
    else title.titles.push(line);
    return;
  }
  // A bracketed name right under a headline is its author, not the sign-off
  // of the text before it (盲從 ⏎ （丹翁）, as older papers print bylines).
  if (underHeadline) {
    line.role = 'byline';
    line.rule = 'bracketed-author-under-headline';
    line.byline = { text: line.text, role: null, names: splitNames(line.inner ?? '') ?? [], credit: null };
    openUnit(g, 'byline').bylines.push(line);
    return;
  }
  addCloser(g, line, 'signoff');
}

export function groupBlocks(lines: ClassifiedLine[], markers: MarkerSet = DEFAULT_MARKERS): Grouped {
  const g: Grouping = { blocks: [], title: null, unit: null, markers };
  const furniture: ClassifiedLine[] = [];
  const overlong: ClassifiedLine[] = [];
  let afterBlank = false;
  for (const line of lines) {
    if (line.role !== 'blank' && line.role !== 'title') afterBlank = false;
    switch (line.role) {
      case 'blank':
        afterBlank = true;
        break;
      case 'furniture':
        // Furniture between headline lines separates two headline blocks.
        closeTitle(g);
        furniture.push(line);
        break;
      case 'overlong':
        overlong.push(line);
        break;
      case 'kicker':
      case 'title':
      case 'subheadline':
      case 'display':
        addHeadlineLine(g, line);
        if (line.role === 'title') {
          const t = g.title!;
          if (afterBlank && t.titles.length > 1) {
            t.blankAt ??= t.titles.length - 1;
            t.blanks = (t.blanks ?? 0) + 1;
          }
          afterBlank = false;
        }
        break;
      case 'byline':
        addByline(g, line);
        break;
      case 'dateline':
        addDateline(g, line);
        break;
      case 'body':
      case 'subheading':
        addBodyLine(g, line);
        break;
      case 'signoff':
        addBracketed(g, line);
        break;
      case 'jump':
        addJump(g, line);
        break;
      case 'endmark':
        addCloser(g, line, 'endmark');
        break;
    }
  }
  closeUnit(g);
  closeTitle(g);
  return { blocks: g.blocks, furniture, overlong };
}

export { titleLines, unitLines };

/** A headline block's text for content matching: title lines and subheadline (no kicker). */
export function titleText(t: TitleBlock): string {
  let text = '';
  for (const l of t.titles) text += l.text;
  if (!t.subheadline) return text;
  text += t.subheadline.text;
  for (const l of t.subheadlineRest) text += l.text;
  return text;
}
