import { CLASSIFY_TUNING } from '../classify-tuning.js';

/**
 * Every threshold of the layout stages, in one place, each with its reason.
 * Distances are in units of the page's body type size ("em" below), so the
 * same numbers serve PDF points, hOCR pixels and ALTO's mm10 alike.
 */
export const LAYOUT_TUNING = {
  /**
   * The page is read by geometry when at least this share of its non-empty
   * lines has a box: a reader that lost a few boxes (a malformed ALTO line)
   * still gets the geometric road, a file that has almost none does not.
   */
  positionedShare: 0.8,
  /** Fewer positioned lines than this and a page is too small for statistics: text road. */
  minPositionedLines: 4,
  /**
   * Type at least this many times the body size is display type (headline,
   * masthead). Body, bylines and intertitles are set within ±15% of the body
   * size; on Chromium-typeset and real pages the smallest headlines are 1.4×,
   * and Tesseract's line boxes of body text vary by up to 1.25× (ascenders,
   * punctuation), so 1.3 separates the two with room on both sides.
   */
  headlineRatio: 1.3,
  /**
   * OCR lines between this and `headlineRatio` × the body may be display type,
   * told by contrast (find-contrast-display): Tesseract measures a one-column
   * headline set at 1.38× the body (14.5 over 10.5 pt) at 1.23–1.29×, and the
   * kickers and dash subheadlines set at 1.15× at 1.15–1.19×, which stay body.
   */
  contrastDisplayRatio: 1.2,
  /**
   * …when at most this many such lines stand stacked (a headline wraps to two
   * or three lines in its column); a larger body type runs on for many.
   */
  contrastRunLines: 3,
  /** …stand over the line right under them within this gap (em), or over nothing and apart from what is above; … */
  contrastGapEm: 1.6,
  /**
   * …and when that line is text, it stands at least this far (em) under them
   * (a headline stands 0.78–0.8 em over its text on the generated pages; the
   * lines of a larger body type on the dev pages have 0.31–0.44 em between them)…
   */
  contrastGapBelowEm: 0.6,
  /**
   * …and is at most 1/this of the size of their fullest line (find-contrast-display `fullest`): the byline or text under a headline is
   * body type (≤ 1.05×), a larger body type's next line is of its own size.
   */
  contrastStep: 1.15,
  /**
   * A line of at most `fragmentChars` characters under this share of the body size, right under such a run, is
   * a speck or a glyph split into marks (a one-glyph last headline line read as `一|` and `AL` at 0.56×), not the
   * text the run stands over: the line under it is looked for past it. Body lines measure 0.85× and more.
   */
  contrastSpeckShare: 0.7,
  /**
   * Height and advance of a line of Han type agree within this share (square
   * glyphs; the community headlines: 0.94–0.97); a body line with a box made
   * tall by a rule or a speck, or run across a gutter, does not (0.3–0.8).
   */
  squareGlyphShare: 0.9,
  /**
   * A bold line at least this much larger than the body is display type too
   * (PDF only: OCR cannot tell weight). Bold intertitles are body-sized and
   * stay below it.
   */
  boldHeadlineRatio: 1.12,
  /**
   * Lines whose size is within this ratio of each other can be one block. An
   * OCR line's size is measured to ±15% (an extra or lost character changes
   * its advance), while a kicker is set at most ~0.7× its headline.
   */
  blockSizeRatio: 1.3,
  /**
   * Two display pieces of one row at most this share of their height apart are one line OCR cut in two, even
   * across a column boundary (build-blocks `touching`): the pieces of a cut lead headline were 0.12-0.18 apart;
   * headlines of neighbouring columns are a gutter apart (1 em of the body or more: ≥ 0.33 of a 3× headline).
   */
  headlinePieceGap: 0.3,
  /**
   * Display lines whose box heights are within this ratio (and that start at
   * one left edge) are one headline even when their measured sizes differ
   * more: Tesseract's boxes of one headline's lines agree to a few per cent,
   * a subheadline's are at most ~0.8 of them.
   */
  displayBoxHeightRatio: 1.08,
  /**
   * Display lines whose type size the reader states (PDF font sizes, exact)
   * are one block only within this ratio: a headline's lines share one size,
   * while a kicker over it is set at 0.8× or less (11.5 over 14.5 pt on the
   * generated tabloids), which the OCR tolerance above would join.
   */
  typeSetDisplayRatio: 1.1,
  /**
   * Two lines of one column are one block when the gap between them is at most
   * this (in em). Body leading is 0.35–0.55 em; the space above a headline or
   * a new story is ≥ 1 em on every layout seen.
   */
  blockGapEm: 0.9,
  /** A headline's lines (large type, larger leading) join when their gap is at most this many of their own size. */
  headlineGapRatio: 0.8,
  /** A piece of at most this many characters inside a display line's row is a fragment of that line (OCR). */
  fragmentChars: 2,
  /**
   * A line inside a display line's box in type at most this share of its size
   * is the same ink read a second time (OCR): the second reads on the dev
   * pages are 0.2–0.5 of their headline's size, while a kicker or a credit set
   * beside a headline is never inside its box.
   */
  secondReadShare: 0.6,
  /**
   * …and a line without a Han character inside a Han display line's box is
   * such a read up to this share: the glyphs' strokes read as Latin capitals
   * (`TPR` inside a 1.7× headline on a generated page measures 0.66 of it).
   * No printed Latin stands inside a headline's box as a line of its own: a
   * Latin word of the headline is a word of its line.
   */
  secondReadLatinShare: 0.8,
  /** "Inside" a box allows this much (× the display size) on each side: OCR boxes of one glyph row differ by a few pixels. */
  secondReadSlack: 0.1,
  /** Width of one bin of the x-projection that finds gutters (em). */
  projectionBinEm: 0.25,
  /**
   * An x-range covered by at most this share of the typical column's body
   * lines is a gutter: a few lines that pdftotext or Tesseract ran across
   * the gutter must not fuse two columns.
   */
  gutterShare: 0.06,
  /** Narrower ranges are not columns (a stray page number, a bullet). */
  minColumnEm: 3,
  /** A line covers a column when it overlaps it by at least this share of the narrower of the two. */
  spanOverlap: 0.3,
  /** A short block at most this far above a headline (em) is part of its stack (kicker, column label). */
  stackGapEm: 1.6,
  /** A kicker or label has at most this many lines (a long 引题 wraps to two or three in a narrow column). */
  stackMaxLines: 3,
  /**
   * A kicker may stand this far (em) above its headline: kickers sit 1–2 em
   * above it on the pages seen; it must also be closer to the headline than
   * to the text above it, and not end a sentence.
   */
  kickerGapEm: 2.5,
  /** A block ending within this many em of its column's right edge, and starting well in from the left, is set flush right (a sign-off). */
  flushRightEm: 1.5,
  /**
   * A file's stated reading order is followed unless more than this share of
   * its blocks are scattered (their lines read apart) or of its headlines come
   * after the text right under them: one slip in ten forgives a block that
   * OCR split or geometry joined differently from the producer; more says the
   * order is the order a tool found blocks in, not a reading order.
   */
  statedOrderSlack: 0.1,
  /**
   * A line whose best word the OCR engine scored under this (0–1) is noise
   * (find-ocr-noise): the dev pages' hOCR has 9 such lines, all logos and
   * specks; between 0.2 and 0.4 are both (a short last line of text, 错过。,
   * scores 0.28), so the line is drawn under them.
   */
  noiseConfidence: 0.2,
  /**
   * A one-line kicker of at most this many characters (frame marks aside) is
   * a column label: the shortest kicker in the dev pages' gold has 5
   * characters, in the generated pages' 4; labels are two-character words.
   */
  labelOnlyChars: 3,
  /**
   * A void this high (em) under a kicker-like line before text is a headline
   * OCR did not read (assign-zones lostHeadlineUnder): a headline is 1.4–2.5
   * em high with 0.8 em or more above its text (3.2 em on the generated page
   * where Tesseract dropped one), while a story's lines, its paragraphs and
   * the kicker over a headline that was read leave under 1 em.
   */
  lostHeadlineGapEm: 2.2,
  /** A bracketed line this short can be a column label (（人民论坛）); longer, it ends a story. */
  labelMaxChars: 16,
  /** The furniture strip: the top row(s) of the page whose pieces are at most this long. */
  furnitureMaxChars: 28,
  /** …and which stand at least this far (em) above the first story. */
  furnitureGapEm: 0.6,
  /** A strip of one piece must stand this far (em) apart: a headline sits about 1 em above its text. */
  loneFurnitureGapEm: 3,
  /**
   * A line ending this many em before its block's right edge stops short (a
   * paragraph's last line). Justified lines end within a fraction of an em;
   * OCR boxes wobble by a quarter em.
   */
  shortLineEm: 0.9,
  /**
   * Text in two columns starts "level" when the tops differ by at most this
   * (em): a story's columns start on one line, give or take a byline line set
   * above the first column or a subheadline's extra space.
   */
  levelEm: 2.5,
  /** A headline of the same row keeps another out of its columns when its type is at least this share of the other's. */
  rivalSizeShare: 0.8,
  /** A display block under a headline in type at least this share of its size is more of the headline; smaller, its subheadline. */
  headlinePartShare: 0.85,
  /** A subheadline (block right under a headline, between body and headline size) is at least this × body. */
  subheadlineRatio: 1.08,
  /**
   * find-intertitles: an intertitle is a line, or a line and its wrapped
   * tail; a headline of three lines or more in one column is a story's.
   */
  intertitleMaxLines: 2,
  /**
   * …in type at most this × body: intertitles are set at body size to 1.4×;
   * a reader that estimates sizes gives a lone display line 1.6× (the -layout
   * reader's DISPLAY_SIZE), a stack whose lines stand rows apart more.
   */
  intertitleMaxSize: 1.7,
  /** …with its text at most this far (em) under it: an intertitle stands right over the paragraph it heads. */
  intertitleTextGapEm: 2.5,
  /** …and the text it follows at most this far (em) above it: a line of white sets an intertitle off; more is a picture or another story's space. */
  intertitleWhiteAboveEm: 4,
  /**
   * The first line under it is a paragraph's: it holds a pause or runs to at
   * least this share of its block's width (a line stopping short without a
   * pause is a subheadline or kicker set in body size, display type).
   */
  intertitleFirstLineShare: 0.8,
  /**
   * Share of the line's Han bigrams found in the story's text before it: an
   * intertitle names what its story has said, a headline seldom repeats the
   * story printed before it (the text road's threshold, measured on
   * hard-wrapped pages: one headline in forty reaches it; one value for both
   * roads, so a change to it moves both).
   */
  intertitleWordsAbove: CLASSIFY_TUNING.intertitleWordsAbove,
  /** …or share of the bigrams of the text's opening lines under it found above it (the text road's intertitleOpeningShared). */
  intertitleOpeningShared: CLASSIFY_TUNING.intertitleOpeningShared,
  /** Lines of the text under the line that count as its opening (as on the text road). */
  intertitleOpeningLines: CLASSIFY_TUNING.intertitleOpeningLines,
  /** Lines under the line looked at for a story's opener (a dateline, reporter line or byline: a headline's text opens so, an intertitle's never). */
  intertitleOpenerLines: 2,
  /** Lines of the story's text before the line that are looked at (bounded, so the stage stays linear). */
  intertitleContextLines: 40,
} as const;
