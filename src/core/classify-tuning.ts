/**
 * Every threshold of the text-road stages — classify-lines, group-blocks,
 * rejoin-intertitles, split-bodies, pair-titles, keep-story-tails — in one
 * place, each with its reason (as src/core/layout/tuning.ts does for the
 * layout stages). Widths are in em; shares are of the line's local column
 * width (classify-lines' columnWidths: the 75th percentile of nearby line
 * widths). Content shares are of a headline's Han bigrams (src/core/bigrams.ts).
 */
export const CLASSIFY_TUNING = {
  /**
   * A line's local column width is read off the lines within this many lines
   * above and below it (research §2.3): enough lines for a percentile, few
   * enough that the next column's or story's measure does not leak in.
   */
  columnWindowLines: 12,
  /** Lines narrower than this (headlines, paragraph tails, bylines) say nothing about the column's measure. */
  columnMinLineWidth: 6,
  /**
   * The column is this percentile of the window's widths: wrapped lines are
   * full, paragraph tails and short display lines fall below it, so the upper
   * quartile is the measure even where a quarter of the lines stop short.
   */
  columnPercentile: 0.75,
  /** With fewer counted lines than this in the window there is no measure to read… */
  columnMinLines: 3,
  /** …and the column is taken as this many em, a common newspaper column (about 10–14 em) with room for wide ones. */
  defaultColumn: 20,

  /** Page furniture (page number, date, editor line) is short; a longer line is text that mentions a date. */
  furnitureMaxWidth: 60,

  /** A headline with a comma is two phrases set short; a line this full with a comma is a sentence. */
  commaTitleShare: 0.75,
  /** A headline may run over a column (a lead across several): up to this many columns… */
  titleMaxColumns: 1.6,
  /** …or this many em on narrow pages, whichever is more. */
  titleMaxWidth: 30,

  /** The header zone is looked for in the page's first this many non-blank lines. */
  headerZoneLines: 12,
  /** Masthead and section names in the header zone are this short. */
  headerLineWidth: 10,
  /** A short line alone between blank lines after the header zone still is furniture up to this width. */
  headerAloneWidth: 8,
  /** A section name standing alone anywhere on the page is at most this wide. */
  sectionWidth: 6,

  /** A headline line leaves part of the column empty; a paragraph's first line lacks only its indent. */
  headlineShare: 0.8,
  /**
   * Two unpunctuated lines this short in a row after a sentence end are a
   * headline pair, not a paragraph start (a paragraph's first line is nearly
   * full: only its indent is missing). The same share as shortLine: below it
   * no hard wrap broke the line. A headline set in large type and wrapped at
   * its own measure (OCR and pdftotext text) runs 0.6–0.65 of the body column;
   * at 0.6 those pairs were read as body (dev-pages Tesseract text strict F1
   * 0.530 → 0.604, pdftotext 0.446 → 0.461 at 0.7; 0.75 lost on both).
   */
  shortPairShare: 0.7,
  /** After a boundary (page start, closer) a title-like line up to this share is a headline. */
  afterBoundaryShare: 0.85,
  /**
   * Below this share a line is not one a hard wrap broke: the text after it
   * starts afresh. Wrapping before a Latin word or a seam space costs a line at
   * most a few ems, so a wrapped line stays above this.
   */
  shortLine: 0.7,
  /**
   * Hard-wrapped text breaks every body line at the column width; a hanging
   * mark or a Latin word carried whole overruns it by an em or so. A line
   * wider than the column by more than this was never wrapped: it is display
   * type (a headline or kicker printed on one line across its column). On 100
   * dev pages of plain text, wider lines without sentence punctuation were
   * 114 headline lines, 16 kickers and 11 others.
   */
  widerThanColumn: 2,
  /**
   * A headline on one line separates its phrases with a space or two (本地新星登場
   * 挑戰全國賽); pdftotext's letter-spaced lines (市 場 觀 察) have a space
   * between most characters.
   */
  displayPhraseSpaces: 3,

  /**
   * A headline set as one body-width line after a finished paragraph looks
   * like a paragraph's first line; what tells it is its words
   * (title-restated-below): a headline restates the story under it and shares
   * little with the story above, and the text under it starts afresh. Width
   * alone picked 301 such lines on 100 plain-text dev pages, 17 of them
   * headlines; with the content check below (and a blank line above it),
   * 11 headlines, 5 intertitles and 3 other lines (dev-pages, plain text), on
   * pdftotext 6 headlines and 10 headline or kicker lines of a wrapped headline.
   *
   * It stops this many em short of its column: a paragraph's first line lacks
   * only its 2 em indent (which plain text does not keep)…
   */
  restatedShortEm: 2.5,
  /** …or this many, when it holds no comma or 、 (a first line of running text usually does). */
  restatedShortNoCommaEm: 1,
  /** Its Han bigrams that recur in the text under it (restating headlines measured ≥ 0.3, first lines of paragraphs mostly below)… */
  restatedBelow: 0.3,
  /** …but at most this share of them occurs in the text above (an intertitle names what its story has said). */
  restatedAbove: 0.1,
  /** The opening lines under it share at most this much with the text above: a new story starts there. */
  restatedOpeningShared: 0.1,
  /** Han bigrams per character of the line at least (OCR's fact-box lines, 售價 : $8,998起, fall below). */
  restatedHanShare: 0.6,
  /** Non-blank lines compared: under it, above it, and the opening under it. */
  restatedBelowLines: 15,
  restatedAboveLines: 30,
  restatedOpeningLines: 4,

  /**
   * On a positioned page a line in body type that the text rules would make a
   * headline is an intertitle up to this share of its column (an intertitle
   * leaves part of the line empty); a fuller one starts a paragraph.
   */
  intertitleShare: 0.8,
  /**
   * An enumerated in-article subheading (一要……) takes at most this many
   * lines; a longer enumerated run is a paragraph that opens with a numeral.
   */
  subheadingMaxLines: 3,
  /** A subheading's last line is one at most this full (it stops short, or ends in a closing quote). */
  subheadingEndShare: 0.8,
  /**
   * An unpunctuated run before a boundary is a heading (a photo title over
   * two lines) when it holds at most this many lines…
   */
  boundaryRunLines: 3,
  /** …each at most this full: a full line is a wrapped one whose sentence goes on. */
  boundaryRunShare: 0.8,

  /**
   * group-blocks: a main headline runs to two lines at most, so a title stack
   * of more than this many lines under its first is no kicker over a headline.
   */
  kickerStackLines: 2,
  /** The clearly shortest of three title lines, at most this share of the longer of the two under it, is their kicker. */
  kickerShortestShare: 0.75,
  /**
   * Of two title lines, a one-phrase first line at most this share of the line under it is a kicker (市财政局发文
   * over its main title). Two-line title blocks of the dev pages' plain text at or under 0.55 (a first line of
   * one phrase longer than a column label): 8 kicker and main title, 1 a line over a wrapped one that no gold
   * story has, no one headline broken in two; at 0.6, two Hong Kong headlines set in two decks (6 over 10
   * characters) were cut (pdftotext right headlines 0.509 → 0.507).
   */
  kickerShortOverOneShare: 0.55,
  /**
   * Title lines whose widths differ by at most this many em (one character, or a
   * space and a half-width digit) are one measure: a headline wrapped at its box
   * fills every line but its last to the same width (pdftotext's wrapped leads).
   */
  wrapMeasureSlack: 1,
  /** A kicker set apart by a blank line (pdftotext's block of its own) runs to at most this many lines: an 引题 is one phrase, wrapped once at most. */
  kickerBlockLines: 2,
  /**
   * An 引题 is set smaller than the headline under it. On an OCR page the
   * boxes estimate each line's type size (to about ±15 %): a first line whose
   * size is at least this share of the smallest title line under it is the
   * same type, the headline broken over lines, whatever the shape of its words
   * says (a speaker's `：` in the line under it reads as two phrases). On the
   * dev-pages hOCR every shape guess over lines of one size was wrong (4 of 4,
   * sizes within 5 %).
   */
  kickerSmallerThanTitle: 0.9,

  /**
   * rejoin-intertitles: a headline's words seldom occur in the story printed
   * before it; an intertitle names what its own story has been saying.
   * Measured on hard-wrapped pages: about one intertitle in four reaches this
   * share, one headline in forty.
   */
  intertitleWordsAbove: 0.2,
  /**
   * Share of the Han bigrams in the opening lines under the line that also
   * occur in the text above: a new story shares little beyond common words
   * (half of the headlines measured stay below 0.05, nine intertitles in ten
   * reach it).
   */
  intertitleOpeningShared: 0.05,
  /** Lines of the text under the line that count as its opening. */
  intertitleOpeningLines: 4,
  /**
   * A page extracted from a PDF (it ends with pdftotext's form feed) whose
   * paragraphs run on without blank lines has blank lines only where the
   * extractor ends a block: at most this share of its short sentence-ending
   * lines has a blank line under it (dev pdftotext pages at most 0.37,
   * Tesseract text, which sets every paragraph apart, at least 0.6). There a
   * lone line between two blank lines is a block of its own, set in its own
   * type: dev pdftotext had 94 headlines and no intertitle alone so.
   */
  blockBlankShare: 0.5,
  /**
   * The text under it may hold photographers' credits after its text when it
   * holds at least this many (a set of photos printed with a long story); one
   * credit closes a photo story, which no intertitle joins to the text above.
   */
  photoSetCredits: 2,

  /**
   * split-bodies: a unit is cut for a headline with no text only where the
   * tail after the cut holds at least this share of the headline's bigrams
   * (the story it restates)…
   */
  splitTailShare: 0.5,
  /** …and the head before it at most this share (the head is another story). */
  splitHeadShare: 0.3,
  /**
   * Headlines stacked in one block are split apart when each line reads like
   * its own body by at least this share: a single stacked line is short, so
   * the pairing threshold for content alone applies (pairContentAlone).
   */
  stackedLineShare: 0.4,
  /**
   * …and each such line holds at least this many bigrams (5 characters): a stacked headline is a
   * whole headline, while a line of 2-4 characters is a headline's wrapped tail or one of its short
   * phrases (山间小路 ⏎ 花开正好, …造福沿线 ⏎ 群众), whose one to three bigrams stand in many a story, so
   * "the body it reads like" is any body that happens to use the word.
   */
  stackedMinBigrams: 4,
  /** A unit shorter than this many lines holds no second story worth cutting out. */
  splitMinUnitLines: 4,
  /** A cut falls at a paragraph start from this line of the unit on (0-based), so the head keeps at least this many lines. */
  splitFirstCutLine: 2,

  /**
   * pair-titles: a headline directly above a text gets this much on top of its
   * content share (research §2.9: the right body's recall was 0.94 against
   * ≤ 0.12 for the others on the seed, so position decides only between
   * bodies that read alike)…
   */
  pairBefore: 0.35,
  /** …and a display line directly under a photo text it captions (or a display line over its text) this much. */
  pairAfter: 0.25,
  /** Without either position a pair needs at least this content share (a headline restates its story). */
  pairContentAlone: 0.4,

  /**
   * keep-story-tails: a tail is one or two short lines (a credit, a signature
   * over its date); a longer block without a story is more likely a headline
   * whose story was lost in the reading order, and it stays a headline.
   */
  tailMaxLines: 2,

  /**
   * build-articles: a headline line at least this share of the line above it
   * is a parallel clause, joined with a space (全力抓好经济工作 增强人民群众“感受度”);
   * a shorter one finishes the line above (“我为群众办实事”项目发布成压轴戏).
   */
  balancedHeadlineShare: 0.75,
  /** A photo unit whose text is mostly caption, with at most this many paragraphs besides, is a photo story. */
  photoStoryParagraphs: 2,

  /**
   * reflow-paragraphs, hard-wrapped text: a line more than this many em short
   * of its column stopped short (a paragraph's last line); a wrapped line
   * misses its column by less (a hanging mark, a Latin word carried whole).
   */
  shortOfColumnEm: 1,
  /** A first line whose 2 em indent was lost is at most this many em shorter than the column. */
  indentSlack: 3.5,

  /**
   * A bracketed aside that ends a text (a reporter's credit after the last
   * sentence, a note printed as a paragraph in brackets) is opened at most
   * this many lines above its end: a credit is a few characters, a note a
   * sentence or two.
   */
  asideLines: 3,

  /** title-head-above: a headline's head wraps over at most this many lines above the line the rules found. */
  headMaxLines: 2,
  /**
   * title-head-above: a wrapped headline's head ran to its column's edge, so it
   * is as wide as the lines after it, give or take this many em (a space or a
   * half-width letter). A shorter line over a headline is its kicker or a
   * column label (关注 over the headline).
   */
  headSlack: 1,
} as const;
