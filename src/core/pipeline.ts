/**
 * The named stages, in order. Each is a pure function of the previous stage's
 * value (plus the repair log it appends to); nothing here reads files, prints
 * or imports node:*.
 *
 * Two roads share the text stages:
 *  - positioned input (PDF glyphs, ALTO/hOCR boxes, pdftotext -layout text
 *    cut into pieces by src/io/read-layout-text.ts): the layout stages
 *    (src/core/layout: measure-type → find-columns → find-furniture →
 *    build-blocks → order-blocks → assign-zones) put the lines in reading
 *    order and cut the page into stories by geometry; the text stages then run
 *    inside each story;
 *  - plain text (the fallback: no positions): split-layout-columns, then the
 *    text stages over the whole page.
 *
 *   text stages: clean-characters → widen-cjk-punctuation → repair-doubling → join-wrapped-markers →
 *   detect-punctuation-style → classify-lines → group-blocks →
 *   rejoin-intertitles, join-parallel-sections, join-summary-decks, split-bodies (text road only) → pair-titles → keep-story-tails (text road only) → build-articles
 */
import { buildArticles } from './build-articles.js';
import { cleanCharacters } from './clean-characters.js';
import { needsWidening, widenCjkPunctuation } from './widen-cjk-punctuation.js';
import { holdsOcrDashReading, repairOcrDashes } from './repair-ocr-dashes.js';
import { classifyLines, type ClassifiedLine } from './classify-lines.js';
import { groupBlocks, titleLines as titleLinesOf, unitLines as unitLinesOf, type Block } from './group-blocks.js';
import { endsSentence } from './chars.js';
import { joinWrappedMarkers } from './join-wrapped-markers.js';
import { pauseMarksEndSentences } from './detect-punctuation-style.js';
import { assignScripts } from './detect-script.js';
import { DEFAULT_MARKERS, type MarkerSet } from './markers.js';
import { diagnostic } from './messages.js';
import type { Article, Diagnostic, Furniture, InputLine, NewsDocument, Repair, SourceInfo, Unassigned } from './model.js';
import type { ParseOptions } from './options.js';
import { pairTitles, type Pairing } from './pair-titles.js';
import { headlineBigrams } from './bigrams.js';
import { repairDoubling } from './repair-doubling.js';
import { blockBoundaries, rejoinIntertitles } from './rejoin-intertitles.js';
import { joinParallelSections } from './join-parallel-sections.js';
import { joinSummaryDecks } from './join-summary-decks.js';
import { splitBodies } from './split-bodies.js';
import { keepStoryTails } from './keep-story-tails.js';
import { splitLayoutColumns } from './split-layout-columns.js';
import { splitJoinedColumns } from './split-joined-columns.js';
import { setAsideWovenRows } from './set-aside-woven-rows.js';
import { rethreadColumnPieces } from './rethread-column-pieces.js';
import { joinStoryUnits } from './join-story-units.js';
import { analyseLayout, isPositioned, type ZoneLines } from './layout/analyse-layout.js';
import { attachBoxes } from './layout/attach-boxes.js';
import type { WorkLine } from './work-line.js';
import { identifyPage } from './identify-page.js';
import { BUILD_ID } from '../build-id.js';
import { VERSION } from '../version.js';
import { appendAll } from './arrays.js';

export const STAGES = [
  'measure-type',
  'find-columns',
  'find-furniture',
  'build-blocks',
  'order-blocks',
  'assign-zones',
  'set-aside-woven-rows',
  'split-joined-columns',
  'split-layout-columns',
  'rethread-column-pieces',
  'clean-characters',
  'widen-cjk-punctuation',
  'repair-doubling',
  'join-wrapped-markers',
  'detect-punctuation-style',
  'classify-lines',
  'group-blocks',
  'join-story-units',
  'rejoin-intertitles',
  'join-parallel-sections',
  'join-summary-decks',
  'split-bodies',
  'pair-titles',
  'keep-story-tails',
  'build-articles',
  'identify-page',
] as const;

function furnitureOf(lines: ClassifiedLine[]): Furniture[] {
  return lines.map((l) => ({ role: l.furniture ?? 'other', text: l.text, lines: [l.n, l.n] }));
}

interface PageState {
  markers: MarkerSet;
  options: ParseOptions;
  repairs: Repair[];
  warnings: Diagnostic[];
  unassigned: Unassigned[];
  furniture: ClassifiedLine[];
  /** OCR's ASCII marks on a Chinese page are to be widened (judged once over the whole input: the layout road prepares story by story). */
  widenPunctuation: boolean;
  /**
   * The page is OCR output: read from hOCR/ALTO, or text with OCR's punctuation habit (widenPunctuation).
   * Only there are `一一` and `-一` OCR's readings of `——`; in born-digital text they are words and ranges.
   */
  ocr: boolean;
}

/** One stream of lines (a whole text page, or one story of a positioned page) before classification. */
interface Stream {
  lines: WorkLine[];
  zone: ZoneLines | null;
}

function prepare(input: InputLine[], state: PageState): WorkLine[] {
  const widened = widenCjkPunctuation(cleanCharacters(input, state.repairs), state.widenPunctuation, state.repairs);
  const cleaned = repairOcrDashes(widened, state.repairs, state.ocr);
  const undoubled = repairDoubling(cleaned, state.repairs);
  return joinWrappedMarkers(undoubled, state.markers);
}

/** Classify and group one stream; the overlong lines go to `unassigned`. */
function groupStream(stream: Stream, state: PageState, pauseEnds: boolean, headerZone: boolean, joinedColumns = false): { blocks: Block[]; classified: ClassifiedLine[] } {
  const classified = classifyLines(stream.lines, state.markers, pauseEnds, { headerZone, joinedColumns });
  const grouped = groupBlocks(classified, state.markers);
  appendAll(state.furniture, grouped.furniture);
  for (const line of grouped.overlong) {
    state.unassigned.push({ text: line.text, lines: [line.n, line.n], reason: 'line-too-long' });
    state.warnings.push(diagnostic('LINE_TOO_LONG', { chars: line.text.length }, { lines: [line.n, line.n] }));
  }
  return { blocks: grouped.blocks, classified };
}

/**
 * The blocks as pairing and keep-story-tails leave them, and the pairs. A
 * function of its own so that the headline bigrams die when it returns, and
 * with them the bigram sets and spans cached for every body unit
 * (src/core/bigrams.ts caches them per page's headline bigrams, ~40 MB on a
 * 50 MB page), which were kept through build-articles when this was inline there.
 */
function pairedUnits(blocks: Block[], splitScrambled: boolean, state: PageState, pauseEnds: boolean, setApart: ReadonlySet<number> | null): { blocks: Block[]; pairs: Pairing[] } {
  const markers = state.markers;
  // Headline bigrams are the only ones pairing asks bodies about; built once per stream.
  const relevant = headlineBigrams(blocks);
  // A deck is known by its place right over its report: only where the text is one hard-wrapped stream.
  const decks = (b: Block[]) => (columnsRejoined(state.warnings) ? b : joinSummaryDecks(b, pauseEnds));
  const units = splitScrambled ? splitBodies(decks(joinParallelSections(rejoinIntertitles(blocks, setApart))), relevant) : blocks;
  const paired = pairTitles(units, relevant, markers);
  // A headline block no story was found for, right under a story's text, is that story's last line.
  return splitScrambled ? keepStoryTails(units, paired, markers) : { blocks: units, pairs: paired };
}

/** `setApart`: lines alone between blank lines on a page whose blank lines end blocks (text road; see rejoin-intertitles). */
function articlesOf(blocks: Block[], state: PageState, pauseEnds: boolean, splitScrambled: boolean, setApart: ReadonlySet<number> | null = null): Article[] {
  const kept = pairedUnits(blocks, splitScrambled, state, pauseEnds, setApart);
  return buildArticles(kept.blocks, kept.pairs, { markers: state.markers, repairs: state.repairs, keepSpacing: Boolean(state.options.keepSpacing), pauseEnds });
}

function leaveUnassigned(blocks: Block[], state: PageState): void {
  for (const b of blocks) {
    if (b.type !== 'body') continue;
    for (const l of b.body) state.unassigned.push({ text: l.text, lines: [l.n, l.n], reason: 'no-article-markers' });
  }
}

/** A page with nothing that marks an article (no headline, byline, dateline or closer). */
function unmarked(blocks: Block[]): boolean {
  return !blocks.some((b) => b.type === 'title' || b.bylines.length > 0 || b.dateline !== null || b.closedBy !== null);
}

/** Under this many characters of text without a sentence end, a headline has no story under it. */
const STORY_MIN_CHARS = 80;

/**
 * A headline whose text below is a few lines that never end a sentence and
 * name no reporter or source: an advertisement or a box of figures.
 */
function storyless(blocks: Block[], pauseEnds: boolean): boolean {
  let chars = 0;
  for (const b of blocks) {
    if (b.type !== 'body') continue;
    if (b.bylines.length > 0 || b.dateline !== null) return false;
    for (const l of b.body) {
      if (endsSentence(l.text, pauseEnds)) return false;
      chars += l.text.length;
    }
  }
  return chars < STORY_MIN_CHARS;
}

/** Lines cut out of columns read side by side, or joined across a gutter, are no hard-wrapped stream. */
function columnsRejoined(warnings: readonly Diagnostic[]): boolean {
  return warnings.some((w) => w.code === 'COLUMNS_JOINED_SPLIT' || w.code === 'COLUMNS_JOINED_ON_LINES' || w.code === 'COLUMNS_WOVEN_SET_ASIDE' || w.code === 'COLUMNS_WOVEN_DEALT' || w.code === 'HEADLINE_JOINED_TO_COLUMN' || w.code === 'COLUMNS_SIDE_BY_SIDE');
}

/** The text road: the whole page as one stream. */
/**
 * The text road's page up to its blocks. A function of its own so that the
 * prepared and classified line arrays die when it returns: the interpreter
 * keeps a frame's temporaries alive until the frame ends, and on a 50 MB page
 * the unclassified lines alone were ~150 MB while articles were built.
 */
function textBlocks(input: InputLine[], state: PageState): { blocks: Block[]; allBlank: boolean; pauseEnds: boolean; setApart: ReadonlySet<number> | null } {
  let ordered = input;
  if (state.options.format === undefined || state.options.format === 'text') {
    const woven = setAsideWovenRows(input, state.warnings);
    for (const l of woven.setAside) state.unassigned.push({ text: l.text, lines: [l.n, l.n], reason: 'columns-woven' });
    const split = splitLayoutColumns(splitJoinedColumns(woven.lines, state.warnings, woven.measured), state.warnings);
    // Both splits hand back their input when they split nothing: the page's measure is still woven's.
    ordered = split === woven.lines ? rethreadColumnPieces(split, state.warnings, woven.measured) : rethreadColumnPieces(split, state.warnings);
  }
  const lines = prepare(ordered, state);
  const pauseEnds = pauseMarksEndSentences(lines);
  const joinedColumns = columnsRejoined(state.warnings);
  const { blocks, classified } = groupStream({ lines, zone: null }, state, pauseEnds, true, joinedColumns);
  return { blocks, pauseEnds, allBlank: classified.every((l) => l.role === 'blank'), setApart: blockBoundaries(input, classified, pauseEnds) };
}

function textRoad(input: InputLine[], state: PageState): { articles: Article[]; allBlank: boolean; anyBlocks: boolean; marked: boolean } {
  const { blocks, allBlank, pauseEnds, setApart } = textBlocks(input, state);
  // A page with nothing that marks an article is not split into articles: its text is left for a person.
  if (unmarked(blocks)) {
    leaveUnassigned(blocks, state);
    return { articles: [], allBlank, anyBlocks: blocks.length > 0, marked: false };
  }
  const articles: Article[] = [];
  for (const a of articlesOf(blocks, state, pauseEnds, true, setApart)) {
    if (!storylessArticle(a, pauseEnds)) {
      articles.push(a);
      continue;
    }
    // Display type over a few lines of figures (an ad's name over its phone and address): no story.
    state.unassigned.push({ text: [a.kicker, a.headline, a.subheadline, ...a.paragraphs.map((p) => p.text)].filter((t) => t).join(' '), lines: a.lines, reason: 'no-story-text' });
    state.warnings.push(diagnostic('DISPLAY_WITHOUT_STORY', {}, { lines: a.lines }));
  }
  articles.forEach((a, i) => (a.id = `a${i + 1}`));
  return { articles, allBlank, anyBlocks: blocks.length > 0, marked: true };
}

const SENTENCE_MARK = /[。！？!?]/u;

/** The text road's storyless: an article whose text is a few lines that end no sentence, with no reporter, dateline or jump line. */
function storylessArticle(a: Article, pauseEnds: boolean): boolean {
  // A jump line (下转第4版) says the story goes on elsewhere: a story, however short here.
  if (a.kind !== 'article' || a.headline === null || a.byline !== null || a.dateline !== null || a.signoff !== null || a.continuation !== null || a.jumpFrom) return false;
  let chars = 0;
  for (const p of a.paragraphs) {
    // Lines are joined into paragraphs by now: a sentence end anywhere in one was a line's end or within it.
    if (SENTENCE_MARK.test(p.text) || endsSentence(p.text, pauseEnds)) return false;
    chars += p.text.length;
  }
  return chars > 0 && chars < STORY_MIN_CHARS;
}

/** The layout road: stories found by geometry, the text rules run inside each. */
function layoutRoad(zones: ZoneLines[], unplaced: InputLine[], state: PageState): Article[] {
  const streams: Stream[] = zones.map((z) => ({ lines: prepare(z.lines, state), zone: z }));
  if (unplaced.length > 0) streams.push({ lines: prepare(unplaced, state), zone: null });
  const pauseEnds = pauseMarksEndSentences(streams.flatMap((s) => s.lines));
  const articles: Article[] = [];
  let firstStory = true;
  for (const stream of streams) {
    const story = stream.zone?.zone ?? null;
    // Only a headless stream before the first story may hold header lines the strip did not catch.
    const { blocks } = groupStream(stream, state, pauseEnds, firstStory && (story === null || story.headline === null));
    if (story) firstStory = false;
    if (!story) {
      leaveUnassigned(blocks, state);
      continue;
    }
    if (story.headline && storyless(blocks, pauseEnds)) {
      // Display type over a few lines of figures (an advertisement, a box of contacts): no story.
      for (const b of blocks) for (const l of b.type === 'title' ? titleLinesOf(b) : unitLinesOf(b)) state.unassigned.push({ text: l.text, lines: [l.n, l.n], reason: 'no-story-text' });
      state.warnings.push(diagnostic('DISPLAY_WITHOUT_STORY', {}, { lines: [stream.lines[0]!.n, stream.lines[stream.lines.length - 1]!.n] }));
      continue;
    }
    const parts = story.headline ? joinStoryUnits(blocks) : { blocks, joined: 0 };
    const found = articlesOf(parts.blocks, state, pauseEnds, false);
    const range = stream.lines.length > 0 ? ([stream.lines[0]!.n, stream.lines[stream.lines.length - 1]!.n] as [number, number]) : null;
    const detail = stream.zone!.detail + (parts.joined ? `; ${parts.joined + 1} parts joined under its headline` : '');
    for (const a of found) if (range) a.evidence.unshift({ code: story.headline ? 'GEOMETRY_STORY' : 'GEOMETRY_HEADLESS_STORY', lines: range, detail });
    appendAll(articles, found);
  }
  articles.sort((a, b) => a.lines[0] - b.lines[0]);
  articles.forEach((a, i) => (a.id = `a${i + 1}`));
  return articles;
}

/**
 * Parse one page of lines. `prior` are repairs a reader made before the core
 * saw the text (overprinted words it dropped), numbered as `input` is; they
 * are renumbered with the lines when the layout road reorders them.
 */
export function runPipeline(input: InputLine[], source: SourceInfo, options: ParseOptions = {}, markers: MarkerSet = DEFAULT_MARKERS, prior: Repair[] = []): NewsDocument {
  // A profile's markers come in through the options (parseBytes, the CLI); an explicit argument wins.
  if (options.markers && markers === DEFAULT_MARKERS) markers = options.markers;
  const widenPunctuation = needsWidening(input);
  const ocr = options.format === 'hocr' || options.format === 'alto' || widenPunctuation || holdsOcrDashReading(input);
  const state: PageState = { markers, options, repairs: [], warnings: [], unassigned: [], furniture: [], widenPunctuation, ocr };

  let articles: Article[];
  let lines = input;
  // Boxes come only from readers (a -layout text page read as positioned pieces is still format text).
  const positioned = options.format !== undefined && isPositioned(input);
  if (positioned) {
    const layout = analyseLayout(input, { statedOrder: options.statedReadingOrder === true, sizesFromText: options.format === 'text', markers });
    lines = [...layout.zones.flatMap((z) => z.lines), ...layout.secondReads, ...layout.noise, ...layout.unplaced];
    const newNumber = new Map<number, number>();
    layout.order.forEach((readerIndex, k) => newNumber.set(input[readerIndex]!.n, k + 1));
    source = { ...source, lineIds: layout.order.map((i) => input[i]!.hint?.id ?? source.lineIds?.[i] ?? null) };
    for (const r of prior) {
      const first = newNumber.get(r.lines[0]) ?? r.lines[0];
      const last = newNumber.get(r.lines[1]) ?? r.lines[1];
      state.repairs.push({ ...r, lines: [Math.min(first, last), Math.max(first, last)] });
    }
    // The same ink read twice by OCR (find-second-reads): kept, as printed, outside the stories.
    for (const l of layout.secondReads) state.unassigned.push({ text: l.text, lines: [l.n, l.n], reason: 'ocr-second-read' });
    // Lines the OCR engine was sure of nowhere (find-ocr-noise): kept as read, outside the stories.
    for (const l of layout.noise) state.unassigned.push({ text: l.text, lines: [l.n, l.n], reason: 'ocr-low-confidence' });
    articles = layoutRoad(layout.zones, layout.unplaced, state);
    if (articles.length === 0 && lines.every((l) => l.text.trim() === '')) state.warnings.push(diagnostic('EMPTY_INPUT', {}));
    state.warnings.push(diagnostic('LAYOUT_BY_GEOMETRY', { columns: layout.columns.length, body: Math.round(layout.type.body * 100) / 100, stories: layout.zones.filter((z) => z.zone?.headline).length, ...(layout.statedOrder ? { statedOrder: layout.statedOrder } : {}) }));
  } else {
    appendAll(state.repairs, prior);
    const road = textRoad(input, state);
    articles = road.articles;
    if (road.allBlank) state.warnings.push(diagnostic('EMPTY_INPUT', {}));
    if (!road.marked && road.anyBlocks) state.warnings.push(diagnostic('NO_ARTICLE_MARKERS', {}));
  }
  const { furniture, repairs, unassigned, warnings } = state;
  furniture.sort((a, b) => a.n - b.n);
  const pageNumber = furniture.find((l) => l.furniture === 'page-number')?.text ?? null;
  const pageFurniture = furnitureOf(furniture);
  const identity = identifyPage(pageFurniture, pageNumber, options.issue, warnings);
  if (identity.id) for (const a of articles) a.id = `${identity.id}-${a.id}`;
  for (const a of articles) {
    if (a.headline === null) state.warnings.push(diagnostic('ARTICLE_WITHOUT_HEADLINE', {}, { lines: a.lines, article: a.id }));
    else if (a.paragraphs.length === 0) state.warnings.push(diagnostic('HEADLINE_WITHOUT_BODY', {}, { lines: a.lines, article: a.id }));
  }
  if (positioned) attachBoxes(articles, lines);

  repairs.sort((a, b) => a.lines[0] - b.lines[0]);
  unassigned.sort((a, b) => a.lines[0] - b.lines[0]);
  // Script detection (cheap: one pass over the text with two small character sets).
  const otherText = furniture.map((l) => l.text);
  for (const u of unassigned) otherText.push(u.text);
  const script = assignScripts(articles, otherText);
  return {
    schemaVersion: 1,
    tool: { name: 'news-parse', version: VERSION, build: BUILD_ID, options: { keepSpacing: Boolean(options.keepSpacing), ...(options.issue ? { issue: options.issue } : {}) } },
    source,
    script,
    page: { number: pageNumber, numberValue: identity.numberValue, date: identity.date, id: identity.id, issue: identity.issue, furniture: pageFurniture },
    articles,
    unassigned,
    repairs,
    warnings,
  };
}
