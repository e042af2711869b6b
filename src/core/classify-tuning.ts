/**
 * The thresholds classify-lines reads lines by, in one place, each with its
 * reason (as src/core/layout/tuning.ts does for the layout stages). Widths are
 * in em; shares are of the line's local column width (classify-lines'
 * columnWidths: the 75th percentile of nearby line widths).
 */
export const CLASSIFY_TUNING = {
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
} as const;
