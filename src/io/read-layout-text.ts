/**
 * `pdftotext -layout` text as a positioned page. Such text keeps the page's
 * columns side by side, padded with spaces: character columns stand for x and
 * rows for y. When a page clearly has that shape (many rows cut by wide gaps
 * of spaces at the same character positions down the page), each row is cut
 * at its gutters into pieces, and each piece becomes a line with a box (page
 * units: one character cell across, rows LINE_PITCH apart) and an estimated
 * type size, so the page takes the layout road (src/core/layout) like ALTO,
 * hOCR and PDF input. When the shape is not clear the text road keeps it
 * (`readLayoutText` returns null).
 *
 * What pdftotext -layout loses, and how it is made up for:
 *  - x drifts: pdftotext places each of its own text blocks from the block
 *    to its left, so one column starts a few cells further right in one stretch
 *    of the page than in another. Pieces are put on their column's start, keeping
 *    their offset from the column's local left edge (an indent, a centred
 *    headline). A drift larger than an indent (beside a lead headline a
 *    column's lines may start 10–20 cells left) makes a start of its own:
 *    starts that never begin pieces in one row and stand closer than their
 *    lines are long are one column (`mergeDriftedStarts`).
 *  - rows are not evenly spaced, nor strictly in y order: lines of neighbouring
 *    columns whose baselines differ a little get rows of their own (a staircase
 *    of rows each holding one column). A row's y is the least that keeps every
 *    column's lines a row apart (the longest path through each column's chain
 *    of lines), then as late as the lines below it allow (`foldRows`), so a
 *    staircase folds back to the lines it stands for; a blank row adds a row.
 *  - type sizes are gone: a piece is estimated to be display type from what
 *    the text still shows (`markDisplay`: short unpunctuated lines in rows most
 *    columns leave empty or with white above and below, centred lines, lines
 *    in a stack with display type) and given DISPLAY_SIZE, or more when the
 *    lines of its stack stand rows apart; the reason goes into the evidence
 *    (`display`, and the LAYOUT_TEXT_PLACED diagnostic counts them).
 *  - a centred headline's width is gone (each glyph one cell): it is given the
 *    columns it stands centred over (`centredSpan`).
 *  - a large glyph is packed into one cell, so the next column's text may start
 *    one space after a headline on the same row: such a row is cut at that space,
 *    and the row's text right of it is put back on its columns (`Piece.cell`).
 *  - a justified line holding Latin words is letter-spaced (a space between
 *    every two characters): it is kept whole, at its printed width, without
 *    the spacing, and never taken for display type.
 * Only spaces are dropped, so every character of the input is in a piece.
 */
import type { InputLine } from '../core/model.js';
import { columnStarts, GAP, INDENT, medianLength, MIN_PIECE, segmentsOf, type Segment } from '../core/split-layout-columns.js';
import { closesUnopened, displayWidth, endsSentence, RUNNING_TEXT_MARK } from '../core/chars.js';
import { isCreditLine } from '../core/credit-line.js';
import { DEFAULT_MARKERS, isBoxLabel, type MarkerSet } from '../core/markers.js';

/**
 * Page units between two rows: body type is 1 unit, so leading is 0.5 — as on
 * printed pages (0.35–0.55 em), under the layout road's block gap (0.9 em) and
 * its furniture gap (0.6 em: a bottom row of short body lines must not pass
 * for a furniture strip).
 */
const LINE_PITCH = 1.5;
/** Size given to a piece estimated to be display type: over the layout road's headlineRatio (1.3) with room. */
const DISPLAY_SIZE = 1.6;
/** Size of a kicker: smaller than DISPLAY_SIZE by more than the layout road's blockSizeRatio (1.3), so it is a block of its own. */
const KICKER_SIZE = 1.15;
/** A kicker is at most this share of the headline under it (kickers run to 4–8 characters over headlines of 10–16 on the pages seen). */
const KICKER_SHARE = 0.7;
/**
 * The shape test. A -layout page has a wide gap (3+ spaces between text) on
 * most rows of running text; plain pdftotext output and hard-wrapped text have
 * almost none. At least this share of the non-blank rows, and MIN_WIDE_ROWS.
 */
const MIN_WIDE_SHARE = 0.4;
const MIN_WIDE_ROWS = 8;
/**
 * …and the pieces must sit on the columns: at least this share of the pieces of
 * the wide rows start near a column start (a table's cells or a scatter of words
 * do not).
 */
const MIN_ON_COLUMN = 0.7;
/**
 * A row may stand up to this many rows above the row printed before it: in a
 * staircase (a few columns' lines, each on rows of their own) the later rows'
 * lines stand beside the earlier ones, not under them.
 */
const FOLD_SLACK = 4;
/** Cells a character of display type is taken to cover: pdftotext packs each large glyph into one cell, and headlines are set at about twice the body size. */
const DISPLAY_CELLS = 2;
/** A furniture strip's pieces are at most this long (the layout road's furnitureMaxChars). */
const STRIP_MAX_CHARS = 28;
/** Rows of white put under a top furniture strip. */
const STRIP_GAP_ROWS = 1;
/**
 * Cells a glyph of a centred headline may cover, least and most: headlines are
 * set at 1.5–4× the body size, and a body glyph is about one cell.
 */
const CENTRED_SCALE = [1.5, 4] as const;
/** Pieces in a column are neighbours when their folded rows are at most this far apart (a headline line at up to 2.5× body). */
const NEIGHBOUR_ROWS = 2.5;
/**
 * …and at most this far when the two lines start at one cell or are centred on
 * one another, as a headline's lines are: the next line of a headline in large
 * type stands 2–4 folded rows under it (its own leading), and a staircase of
 * the neighbouring columns' rows makes the fold of it a row too generous or
 * too mean; body lines under a headline start at the column's edge, but they
 * are long (not candidates) and come within a row or two.
 */
const ALIGNED_NEIGHBOUR_ROWS = 4;
/**
 * Folded rows a display line's next line may stand under it when both are display type already and
 * aligned, nothing between them in their column: one large headline whose lines the neighbouring columns'
 * rows push apart (on the dev pages up to 6–7 rows for headlines at 3–4× body).
 */
const STACK_REACH_ROWS = 8;
/** A headline's lines stand this many times their type size apart (baseline to baseline: type and its leading). */
const STACK_LEADING = 1.25;
/** Printed rows looked through for a neighbour (a staircase of up to eight columns, a row each). */
const NEIGHBOUR_SCAN = 16;
/** A display stack's type size per folded row between its lines (page units a row): a line takes STACK_LEADING its size. */
const STACK_SIZE_PER_ROW = 1 / STACK_LEADING;
/** No display type is estimated larger than this (× body). */
const MAX_SIZE = 4;
/** Rows of white looked for beside a piece. */
const WHITE_ROWS = 1;
/** Rows above and below a piece looked at for its column's local left edge (pdftotext's x drift is piecewise by its own blocks). */
const LOCAL_ROWS = 6;
/** A piece starting more than this many cells right of its column's local left edge is set in from it (centred), not indented. */
const MAX_INDENT = 4;
/** A piece at most this share of its column's body line length is short (a headline, a last line of a paragraph). */
const SHORT_SHARE = 0.8;
/** Each side of a single space that cuts a row after a large-glyph headline holds at least this many characters. */
const GLUED_MIN_CHARS = 4;
/**
 * A short line in a row that holds pieces in at most this share of the page's
 * columns is display type: body text fills every column of its rows, and a
 * bold intertitle (body size) sits in a full row, while a headline's large
 * type takes rows of its own (on the generated tune pages 110 of 142 headline
 * lines and 1 of 50 intertitles are in such rows).
 */
const SPARSE_ROW_SHARE = 0.5;
/** A short line with white beside it has at least this many characters to be taken for a headline (a lone 图 or 文 is not). */
const ISOLATED_MIN_CHARS = 4;
/** Lines of a headline stack told by the white above and below it (whiteStack): two or three, as the dev pages' -layout headlines in full rows run. */
const STACK_LINES = [2, 3] as const;
/** A line of at least this many words split by single spaces… (a letter-spaced line holds 10–20; a headline's phrases 2–4) */
const LETTER_SPACED_WORDS = 6;
/** …this share of them single characters is letter-spaced (a Latin word or a number among them is one word). */
const LETTER_SPACED_SHARE = 0.7;
/** A letter-spaced line of at least this many words is body text (display type holds at most 8–10 glyphs a column). */
const LETTER_SPACED_BODY_WORDS = 12;
/** Cells of white a body line leaves before the next column's start (the layout road's gutter). */
const GUTTER_CELLS = 2;
/** Text after a single space starting this close to a column start is that column's line across a narrow gutter. */
const GLUED_ON_COLUMN = 3;
/**
 * Two column starts that never begin pieces in the same row are one column
 * drifted (pdftotext places a stretch of a column from the block left of it,
 * so beside a lead headline its lines may start 10–20 cells off) when they
 * stand less than this share of their lines' length apart: were they two
 * columns side by side, the left one's lines would run over the right one's
 * start. Well under a column's width (line plus gutter), so neighbouring
 * columns that merely take turns (a headline over one of them) stay apart
 * unless they are that close.
 */
const DRIFT_SHARE = 0.8;
/**
 * Cells a paragraph's first line may be set in from the line under it (its
 * indent: two em of body type, which pdftotext prints as 1–3 cells with its
 * rounding), and cells its right end may stand off that line's end (a glyph's
 * rounding either way).
 */
const FIRST_LINE_INDENT = [1, 3] as const;
const FIRST_LINE_END_SLACK = 1;
/**
 * Cells a body line may start short of the next column's start, left of columnAt's slack, and still be that
 * column's when a line of the column to its left stands beside it on its row: pdftotext's rounding of a
 * block's x puts a column's lines 3–4 cells left in a stretch (on the dev pages 85 such lines, on the tune
 * pages 27); a line indented in its own column never has another line of that column beside it.
 */
const SHORT_OF_NEXT_CELLS = INDENT;
/** A start too rare to be a column's is taken for a drifted one only when at least this many rows begin there: a stretch beside a lead headline runs over its rows, while a few scattered rows starting at one cell are centred lines or captions (on a tune page three such rows were taken for drift at 3). */
const MIN_DRIFT_ROWS = 4;

const HAN = /\p{Script=Han}/u;
/**
 * A kicker that leads into its headline may end with a dash (……委员某某——, over
 * the headline it introduces), which no headline ends with: on the dev pages a
 * third of the kickers end so and none of the headlines. Such a line over
 * display type is a kicker whatever its length (kickers are set in type
 * smaller than the headline, which -layout cells do not show).
 */
const KICKER_LEAD_IN = /[—―─]{2}\s*$/u;
/** A headline's tail (its last line, under it) never ends with these: a full stop or a pause ends prose. */
const HEADLINE_TAIL_END = /[。，；：、,;.]\s*$/u;
/** Marks a line of running text stops at mid-sentence: a piece ending with one goes on in the next line. */
const PAUSE_END = /[，；：、,;]\s*$/u;

/** Prose, not display type: the piece ends a sentence, or stops at a pause in one. */
function isProse(text: string): boolean {
  return endsSentence(text, true) || PAUSE_END.test(text);
}



/** One piece of a row: a run of text between gutters. */
interface Piece {
  row: number;
  seg: Segment;
  /** Column the piece starts in, and the last column it reaches. */
  c1: number;
  c2: number;
  /**
   * x of its left edge after the drift is taken out (cells), and its width in
   * body em from its characters (displayWidth: CJK 1, ASCII and Latin ½):
   * pdftotext prints a line's characters one to a cell whatever their width,
   * so measured in cells a line with digits or Latin looks longer than a full
   * line of Han, and a full line that ends a sentence looks short (the layout
   * road would start a paragraph after it).
   */
  x0: number;
  w: number;
  /** The piece ended at a single space before another column's text (a large glyph before it). */
  gluedBefore: boolean;
  /** The piece was cut from the end of a large-glyph headline. */
  gluedAfter: boolean;
  /** …of one that stands alone on its rows beside it in a full row: the piece starts the next column. */
  besideAfter: boolean;
  /**
   * Its start cell as it would be without the large glyphs left of it on its
   * row: pdftotext counts a large glyph one cell, so the text right of a
   * large-glyph headline on its row stands too far left by the headline's
   * missing cells.
   */
  cell: number;
  display: boolean;
  /** Estimated type size (body 1). */
  size: number;
  /** Display type over a longer display line: a kicker, given KICKER_SIZE. */
  kicker?: boolean;
  why: string;
}

export interface LayoutTextRead {
  /** One line per piece, in row order (left to right within a row), with boxes and sizes. */
  lines: InputLine[];
  /** `L<row>:<cell>`: the input line and the character column each piece came from. */
  lineIds: string[];
  /** What the reader found, for the document's evidence. */
  detail: string;
  /** For each line, why it was estimated to be display type (null: body type). */
  display: (string | null)[];
  /** For each line, the number of the input line its piece was cut from. */
  rows: number[];
}

/**
 * Cut a segment at a single space where another column's text starts: across
 * a narrow gutter (a column's line, then text starting on the next column), or
 * after a headline set in large glyphs that pdftotext packed one to a cell (a
 * single space between Han characters in a row most columns leave empty, or
 * in a full row when the glyphs stand alone on their rows and would reach the
 * next column). A letter-spaced line is never cut inside.
 */
function splitGlued(seg: Segment, starts: number[], sparse: boolean, markers: MarkerSet, alone: (from: number, to: number) => boolean, besides: Set<Segment>): Segment[] {
  const text = seg.text;
  const cps = [...text];
  for (let i = GLUED_MIN_CHARS; i < cps.length - 1; i++) {
    if (cps[i] !== ' ' || cps[i + 1] === ' ') continue;
    const left = cps.slice(0, i).join('');
    const right = cps.slice(i + 1).join('');
    // Inside a letter-spaced line (single characters either side, or a letter-spaced run up to the space) the
    // space is the line's own; a column's line glued to a letter-spaced one is cut where its long word ends.
    if ((cps[i - 2] === ' ' && (i + 2 >= cps.length || cps[i + 2] === ' ')) || letterSpaced(left)) continue;
    // A narrow gutter: the text before the space is a column's line (it starts on a column) and the text after it starts on the next.
    const onColumn = starts.some((c) => seg.start >= c - 1 && seg.start <= c + INDENT) && starts.some((c) => Math.abs(seg.start + i + 1 - c) <= GLUED_ON_COLUMN);
    // Packed large glyphs: a row of prose does not pause at a single space between Han characters, and a headline does not end a sentence.
    const packed = sparse && HAN.test(cps[i - 1]!) && HAN.test(cps[i + 1]!) && !isProse(left) && !isCreditLine(left, markers) && cps.length - i - 1 >= GLUED_MIN_CHARS;
    // Large glyphs beside the next column's text in a full row: the text before the space stands alone in its
    // cells (large type takes more than a row, so the rows above and below are white there), and packed glyphs
    // of display size would reach the next column, where the text after the space starts.
    const next = starts.find((c) => c > seg.start + INDENT);
    const reach = next === undefined ? Infinity : (next - seg.start) / i;
    const beside =
      !sparse && !packed && !onColumn && reach >= 1 && reach <= CENTRED_SCALE[1] && HAN.test(cps[i - 1]!) && !isProse(left) && !isCreditLine(left, markers) && alone(seg.start, seg.start + i);
    if (!onColumn && !packed && !beside) continue;
    const fromRight = seg.from + left.length + 1;
    const a: Segment = { start: seg.start, end: seg.start + i, from: seg.from, to: seg.from + left.length, text: left, column: 0 };
    const b: Segment = { start: seg.start + i + 1, end: seg.end, from: fromRight, to: seg.to, text: right, column: 0 };
    // Running text after the space is the next column's line; display type may be the same headline's next words.
    if (beside && RUNNING_TEXT_MARK.test(right)) besides.add(b);
    return [a, ...splitGlued(b, starts, sparse, markers, alone, besides)];
  }
  return [seg];
}

/**
 * A letter-spaced line: pdftotext prints a justified line that holds Latin
 * words with a space between every two characters. Its single spaces are
 * inside one line, not gaps between columns or large glyphs. At least
 * LETTER_SPACED_WORDS words, LETTER_SPACED_SHARE of them one character.
 */
function letterSpaced(text: string): boolean {
  const words = text.split(' ');
  if (words.length < LETTER_SPACED_WORDS) return false;
  return words.filter((w) => [...w].length === 1).length >= LETTER_SPACED_SHARE * words.length;
}

/**
 * Printed width (em) of a piece. A long letter-spaced line is a justified
 * body line: its spaces are the justification's, inside its measure. A short
 * one may be large glyphs printed a space apart (each covers two cells), whose
 * spaces do stand for width.
 */
function printedWidth(text: string): number {
  return displayWidth(justifiedLine(text) ? text.replace(/ /gu, '') : text);
}

/**
 * A justified line's text without pdftotext's letter-spacing: the single
 * spaces it printed between characters go, as the padding between columns
 * does; a space between two Latin words or numbers is the text's and stays.
 */
function unspaced(text: string): string {
  return text.replace(/(?<![0-9A-Za-z]) (?! )|(?<! ) (?![0-9A-Za-z])/gu, '');
}

/** A long letter-spaced line: a justified body line, full by construction, never display type. */
function justifiedLine(text: string): boolean {
  return letterSpaced(text) && text.split(' ').length >= LETTER_SPACED_BODY_WORDS;
}

/** The rows right above and right below `row` are white in cells [from, to) (the page's edge is white). */
function whiteCells(cells: string[][], row: number, from: number, to: number): boolean {
  for (const r of [row - 1, row + 1]) {
    const line = cells[r];
    if (!line) continue;
    for (let c = from; c < Math.min(to, line.length); c++) if (line[c] !== ' ') return false;
  }
  return true;
}

/** Index of the last column start at or left of `at` (with a cell of slack), or 0. */
function columnAt(starts: number[], at: number): number {
  let k = 0;
  for (let i = 0; i < starts.length; i++) if (starts[i]! <= at + 2) k = i;
  return k;
}

/**
 * The page's pieces and columns, or null when the text does not have the
 * -layout shape (then the text road reads it).
 */
export function readLayoutText(input: InputLine[], markers: MarkerSet = DEFAULT_MARKERS): LayoutTextRead | null {
  // One page only: text after a form feed is another page, which this reader does not place.
  const ff = input.findIndex((l) => l.text.includes('\f'));
  if (ff >= 0 && input.slice(ff + 1).some((l) => l.text.trim() !== '')) return null;
  if (input.some((l) => l.text.includes('\t'))) return null;
  const page = input.map((l) => l.text.replace(/\f/gu, ' '));
  const nonBlank = page.filter((t) => t.trim() !== '').length;
  const wide = page.filter((t) => GAP.test(t)).length;
  if (wide < MIN_WIDE_ROWS || wide < MIN_WIDE_SHARE * nonBlank) return null;
  const rows = page.map((t) => (t.trim() === '' ? [] : segmentsOf(t)));
  const cells = page.map((t) => [...t]);
  const besides = new Set<Segment>();
  if (medianLength(rows.flatMap((r) => (r.length > 1 ? r : []))) < MIN_PIECE) return null;
  const starts = columnStarts(rows, wide);
  if (starts.length < 2) return null;
  let onColumn = 0;
  let inWide = 0;
  for (const r of rows) {
    if (r.length < 2) continue;
    for (const s of r) {
      inWide++;
      if (starts.some((c) => s.start >= c - 1 && s.start <= c + INDENT)) onColumn++;
    }
  }
  if (onColumn < MIN_ON_COLUMN * inWide) return null;
  // Where text starts (for cutting rows) stays as printed; columns (for placing pieces) have their drift merged.
  const { starts: columns, drift, drifted } = mergeDriftedStarts(rows, starts);
  // One column drifted is not a page of columns side by side.
  if (columns.length < 2) return null;

  const pieces: Piece[][] = rows.map((segs, row) => {
    const out: Piece[] = [];
    for (const s of segs) {
      // Packed large glyphs only in a row most columns leave empty (a headline's row); elsewhere a single space is a space in the text.
      const parts = splitGlued(s, starts, segs.length <= SPARSE_ROW_SHARE * starts.length, markers, (from, to) => whiteCells(cells, row, from, to), besides);
      parts.forEach((seg, i) => {
        // Text after one space that starts on a column is the next column's (a narrow gutter); elsewhere it follows packed large glyphs.
        const glued = i > 0 && !starts.some((c) => Math.abs(seg.start - c) <= GLUED_ON_COLUMN);
        const gluedNext = i + 1 < parts.length && !starts.some((c) => Math.abs(parts[i + 1]!.start - c) <= GLUED_ON_COLUMN);
        out.push({ row, seg, c1: 0, c2: 0, x0: seg.start, w: printedWidth(seg.text), cell: seg.start, gluedBefore: gluedNext, gluedAfter: glued, besideAfter: besides.has(seg), display: false, size: 1, why: '' });
      });
    }
    return out;
  });
  const { next: movedOn, chained } = placeColumns(pieces, columns, drift);
  const bodyLen = bodyLengths(pieces, columns);
  const strip = stripRow(pieces);
  // Rows folded once to find each piece's neighbours in its column, and again once display type has its width.
  const rowY0 = foldRows(pieces, columns.length);
  markDisplay(pieces, columns, bodyLen, rowY0, strip, markers);
  widenDisplay(pieces, columns, bodyLen);
  markKickers(pieces, rowY0);
  const nextLine = sizeStacks(pieces, foldRows(pieces, columns.length));
  // The last fold knows the sizes: a large headline's lines take more than a row.
  const rowY = foldRows(pieces, columns.length);
  standStripApart(strip, rowY);
  const stackY = closeUpStacks(nextLine, rowY);

  const lines: InputLine[] = [];
  const lineIds: string[] = [];
  const display: (string | null)[] = [];
  const inputRows: number[] = [];
  let displayCount = 0;
  const reasons = new Map<string, number>();
  for (const list of pieces) {
    for (const p of list) {
      const y = stackY.get(p) ?? rowY[p.row]! * LINE_PITCH;
      const size = p.size;
      // Body type stays inside its column: a line pdftotext placed a few cells right (its drift) or two
      // columns' text it ran together must not bridge the gutter, or the layout road sees one column there.
      const next = columns[p.c1 + 1];
      const w = !p.display && next !== undefined ? Math.max(1, Math.min(p.w, next - GUTTER_CELLS - p.x0)) : p.w;
      // Type is centred on its row: display type reaches into the leading above and below.
      const box: [number, number, number, number] = [p.x0, y + 0.5 - size / 2, p.x0 + w, y + 0.5 + size / 2];
      lines.push({ n: lines.length + 1, text: justifiedLine(p.seg.text) ? unspaced(p.seg.text) : p.seg.text, hint: { bbox: box, size, blockStart: false } });
      lineIds.push(`L${input[p.row]!.n}:${p.seg.start}`);
      display.push(p.display ? p.why : null);
      inputRows.push(input[p.row]!.n);
      if (p.display) {
        displayCount++;
        reasons.set(p.why, (reasons.get(p.why) ?? 0) + 1);
      }
    }
  }
  const why = [...reasons].map(([k, v]) => `${v} ${k}`).join(', ');
  const detail = `pdftotext -layout shape: ${wide} of ${nonBlank} rows cut by gutters, columns at cells ${columns.join(', ')}${drifted.length > 0 ? ` (drifted starts at ${drifted.join(', ')} merged)` : ''}${movedOn > 0 ? `; ${movedOn} lines put on the next column (drifted short of its start beside a line of their own)` : ''}${chained > 0 ? `; ${chained} lines of drifted chains put right of the lines beside them` : ''}; ${lines.length} pieces, ${displayCount} estimated display type${why ? ` (${why})` : ''}`;
  return { lines, lineIds, detail, display, rows: inputRows };
}

/**
 * Columns of every piece, and its x with pdftotext's drift taken out: a piece
 * keeps its offset from the local left edge of its column (the commonest start
 * of that column's pieces in nearby rows).
 */
function placeColumns(pieces: Piece[][], starts: number[], drift: (cell: number) => number): { next: number; chained: number } {
  const moved = { n: 0 };
  for (const list of pieces) {
    // Cells the row's text right of a large-glyph headline stands short by (Piece.cell).
    let shift = 0;
    for (let i = 0; i < list.length; i++) {
      const p = list[i]!;
      if (p.besideAfter) {
        // The next column's text: it starts that column, wherever the packed glyphs left it.
        p.c1 = Math.min(starts.length - 1, columnAt(starts, list[i - 1]!.cell) + 1);
        shift = Math.max(shift, starts[p.c1]! - p.seg.start);
        p.cell = p.seg.start + shift;
      } else if (p.gluedAfter) {
        // Right of a large-glyph headline the cells say nothing of x: the glyphs were about two cells wide each.
        const left = list[i - 1]!;
        p.c1 = columnAt(starts, left.cell + DISPLAY_CELLS * (left.seg.end - left.seg.start));
        p.cell = p.seg.start + shift;
      } else {
        p.cell = p.seg.start + shift + drift(p.seg.start);
        p.c1 = columnAt(starts, p.cell);
        // Two lines of one column never stand side by side on a row: a body line after another of its column that
        // starts a few cells short of the next column's start and runs past it is that column's line, drifted left.
        const prev = list[i - 1];
        const next = starts[p.c1 + 1];
        const len = p.seg.end - p.seg.start;
        if (
          prev &&
          next !== undefined &&
          !prev.gluedBefore &&
          prev.c1 >= p.c1 &&
          prev.seg.end - prev.seg.start >= MIN_PIECE &&
          len >= MIN_PIECE &&
          p.cell >= next - SHORT_OF_NEXT_CELLS &&
          p.cell + len > next + GUTTER_CELLS
        ) {
          p.c1 = Math.min(starts.length - 1, prev.c1 + 1);
          moved.n++;
        }
      }
    }
  }
  const chained = placeDriftedChains(pieces, starts);
  for (const list of pieces) {
    for (const p of list) {
      if (p.gluedAfter) {
        p.x0 = starts[p.c1]!;
      } else {
        const local = localLeft(pieces, p.row, p.c1, starts[p.c1]!);
        const d = p.cell - local;
        p.x0 = starts[p.c1]! + Math.max(0, d);
      }
      spanColumns(p, starts);
    }
  }
  return { next: moved.n, chained };
}

/** Rows a column's chain of lines may skip (a staircase row of the other columns, a blank row). */
const CHAIN_GAP_ROWS = 2;
/**
 * A chain is put right of the lines beside it when at least this many of its rows, and this share of the rows
 * where a body line stands left of it, have that line in its column or further right: one such row is as often a
 * box, an advert or two columns run together at a single space. Measured (-layout strict F1 / right headlines):
 * (on 50d731d) 2 and 0.7 give dev 0.630 / 0.511, tune 0.606; one row 0.629 (two stories more predicted); three rows dev 0.631 /
 * 0.513 but tune 0.598; a share of 0.5 dev 0.631 / 0.509.
 */
const CHAIN_MIN_CONFLICTS = 2;
const CHAIN_CONFLICT_SHARE = 0.7;

/**
 * Beside a lead headline pdftotext drifts each column of the band by its own amount, so "the next column" of a
 * row is often not the right one; but the band's columns keep their order, and each keeps one start cell (give or
 * take an indent) row after row. Each such chain of lines is one column's: the column right of the column of
 * the line left of it, on enough of its rows (CHAIN_MIN_CONFLICTS, CHAIN_CONFLICT_SHARE), and the rows where
 * nothing stands left of it (the headline's white) follow the rows where something does. Chains are taken left
 * to right, so each sees the columns the chains left of it were given. A line cut from a headline's packed glyphs
 * already stands on a column by them, which the chain takes as its own. Returns the lines moved.
 */
function placeDriftedChains(pieces: Piece[][], starts: number[]): number {
  const free = (p: Piece) => !p.display;
  // Where the piece was printed (with the drift merged), before any move: a line cut from packed glyphs stands
  // on the column after them already, so its printed start says where it was.
  const at = (p: Piece) => (p.besideAfter || p.gluedAfter ? p.seg.start : p.cell);
  const raw = (p: Piece) => columnAt(starts, at(p));
  const chainOf = new Set<Piece>();
  const chains: Piece[][] = [];
  for (const list of pieces) {
    for (const p of list) {
      if (!free(p) || chainOf.has(p)) continue;
      const chain = [p];
      chainOf.add(p);
      // The chain's starts stay within an indent of one another (a paragraph's first line is set in).
      let lo = p.seg.start;
      let hi = p.seg.start;
      let last = p;
      for (let r = p.row + 1; r < pieces.length && r - last.row <= CHAIN_GAP_ROWS + 1; r++) {
        const q = pieces[r]!.filter((o) => free(o) && !chainOf.has(o) && raw(o) === raw(p) && Math.max(hi, o.seg.start) - Math.min(lo, o.seg.start) <= INDENT);
        if (q.length !== 1) continue;
        last = q[0]!;
        chain.push(last);
        chainOf.add(last);
        lo = Math.min(lo, last.seg.start);
        hi = Math.max(hi, last.seg.start);
      }
      chains.push(chain);
    }
  }
  chains.sort((a, b) => a[0]!.seg.start - b[0]!.seg.start);
  let n = 0;
  for (const chain of chains) {
    const col = raw(chain[0]!);
    let need = col;
    let conflicts = 0;
    let withLeft = 0;
    for (const m of chain) {
      if (m.besideAfter || m.gluedAfter) {
        withLeft++;
        conflicts++;
        need = Math.max(need, m.c1);
        continue;
      }
      const list = pieces[m.row]!;
      const left = list[list.indexOf(m) - 1];
      if (!left || left.gluedBefore || left.seg.end - left.seg.start < MIN_PIECE || m.seg.end - m.seg.start < MIN_PIECE) continue;
      // A line left of its column's start (an advert in the margin) is no column's line.
      if (left.cell < starts[raw(left)]! - 1) continue;
      withLeft++;
      if (left.c1 >= col) {
        conflicts++;
        need = Math.max(need, left.c1 + 1);
      }
    }
    need = Math.min(starts.length - 1, need);
    if (need === col || conflicts < CHAIN_MIN_CONFLICTS || conflicts < CHAIN_CONFLICT_SHARE * withLeft) continue;
    // The chain keeps its own left edge's offsets (a paragraph's indent) on its column.
    const shift = starts[need]! - Math.min(...chain.map(at));
    for (const m of chain) {
      if (m.c1 >= need) continue;
      m.c1 = need;
      m.cell = at(m) + shift;
      n++;
    }
  }
  return n;
}

/**
 * Column starts with drift merged: adjacent starts that never begin pieces in
 * one row and stand apart by less than DRIFT_SHARE of their lines' (median)
 * length are one column, at the start more rows begin at. `drift` gives the
 * cells a piece starting at `cell` moves by to stand on its merged column.
 */
function mergeDriftedStarts(rows: Segment[][], starts: number[]): { starts: number[]; drift: (cell: number) => number; drifted: string[] } {
  const near = (at: number, c: number) => at >= c - 1 && at <= c + INDENT;
  // Starts too rare to be columns of their own (a stretch of drifted lines beside a headline) may be drifted ones.
  const minor = new Map<number, number>();
  for (const segs of rows) for (const s of segs) if (!starts.some((c) => near(s.start, c))) minor.set(s.start, (minor.get(s.start) ?? 0) + 1);
  const minorStarts: number[] = [];
  for (const [at] of [...minor].sort((x, y) => y[1] - x[1] || x[0] - y[0])) if (!minorStarts.some((c) => Math.abs(c - at) <= INDENT)) minorStarts.push(at);
  const groupAt = (c: number, isMinor: boolean) => {
    const rowSet = new Set<number>();
    const lengths: number[] = [];
    rows.forEach((segs, r) => {
      for (const s of segs) {
        if (!near(s.start, c)) continue;
        rowSet.add(r);
        lengths.push(s.end - s.start);
      }
    });
    lengths.sort((x, y) => x - y);
    return { at: c, members: [c], rows: rowSet, length: lengths.length > 0 ? lengths[lengths.length >> 1]! : 0, minor: isMinor };
  };
  const groups = [...starts.map((c) => groupAt(c, false)), ...minorStarts.map((c) => groupAt(c, true))]
    .filter((g) => !g.minor || g.rows.size >= MIN_DRIFT_ROWS)
    .sort((a, b) => a.at - b.at);
  // From the right: a drifted stretch stands left of its column (pdftotext places it from the block on its left),
  // so each start is first tried against the column to its right.
  const merged = [groups[groups.length - 1]!];
  for (const g of groups.slice(0, -1).reverse()) {
    const right = merged[0]!;
    const apart = right.members[0]! - g.members[g.members.length - 1]!;
    const together = [...g.rows].some((r) => right.rows.has(r));
    // A rare start right of a column's is set in from it (a centred headline's lines, a caption), not drifted; one
    // left of a column's is its drifted body lines only when they are as long as its lines (not an advert's short centred ones).
    const rare = right.minor || (g.minor && g.length < SHORT_SHARE * right.length);
    if (together || rare || apart > DRIFT_SHARE * Math.min(g.length, right.length)) {
      merged.unshift(g);
      continue;
    }
    // The column is where more rows start (a rare start never is).
    const keep = g.minor || right.rows.size >= g.rows.size ? right : g;
    right.at = keep.at;
    right.length = keep.length;
    right.members.unshift(...g.members);
    for (const r of g.rows) right.rows.add(r);
  }
  const columns = merged.filter((m) => !m.minor);
  const drift = (cell: number) => {
    for (const m of columns) for (const c of m.members) if (c !== m.at && near(cell, c)) return m.at - c;
    return 0;
  };
  const drifted = columns.flatMap((m) => m.members.filter((c) => c !== m.at).map((c) => `${c}→${m.at}`));
  return { starts: columns.map((m) => m.at), drift, drifted };
}

function spanColumns(p: Piece, starts: number[]): void {
  p.c2 = p.c1;
  while (p.c2 + 1 < starts.length && p.x0 + p.w > starts[p.c2 + 1]! + 1) p.c2++;
}

/**
 * Display pieces cover DISPLAY_CELLS a character, up to the next piece of
 * their row. A centred display piece alone in its row is a headline centred
 * over several columns: it is given the widest run of columns over which it
 * stands centred with its glyphs CENTRED_SCALE cells wide (pdftotext gives
 * its start cell, not its width), or the span of the centred line above it
 * (the second line of the headline).
 */
function widenDisplay(pieces: Piece[][], starts: number[], bodyLen: number[]): void {
  let above: Piece | null = null;
  for (const list of pieces) {
    if (list.length === 0) continue;
    let centredHere: Piece | null = null;
    list.forEach((p, i) => {
      // A wrapped kicker's lines (markWrappedKickers) are set to the column's measure, in no large glyphs.
      if (!p.display || p.kicker) return;
      const next = list[i + 1];
      const room = next ? next.x0 - 1 - p.x0 : Infinity;
      // Alone in its row and not flush with its column's left edge.
      const centred = list.length === 1 && p.x0 > starts[p.c1]!;
      const span = centred ? centredSpan(p, starts, bodyLen) ?? (above && xOverlaps(above, p) ? ([above.x0, above.x0 + above.w] as const) : null) : null;
      if (span) {
        p.x0 = span[0];
        p.w = span[1] - span[0];
        p.c1 = columnAt(starts, p.x0);
        p.why += '; centred over columns';
        centredHere = p;
      } else p.w = Math.max(p.w, Math.min(DISPLAY_CELLS * p.w, room));
      spanColumns(p, starts);
    });
    above = centredHere;
  }
}

function xOverlaps(a: Piece, b: Piece): boolean {
  return a.x0 < b.x0 + b.w && b.x0 < a.x0 + a.w;
}

/** The widest run of columns [left, right] (cells) over which `p` stands centred with glyphs of a plausible width. */
function centredSpan(p: Piece, starts: number[], bodyLen: number[]): readonly [number, number] | null {
  const start = p.seg.start;
  const chars = p.seg.end - p.seg.start;
  let best: readonly [number, number] | null = null;
  for (let a = 0; a < starts.length; a++) {
    if (starts[a]! > start) break;
    for (let b = a + 1; b < starts.length; b++) {
      const left = starts[a]!;
      const right = starts[b]! + bodyLen[b]!;
      // Centred: as much white right of the glyphs as left of them.
      const scale = (right - left - 2 * (start - left)) / chars;
      if (scale < CENTRED_SCALE[0] || scale > CENTRED_SCALE[1]) continue;
      if (!best || right - left > best[1] - best[0]) best = [left, right];
    }
  }
  return best;
}

function localLeft(pieces: Piece[][], row: number, col: number, anchor: number): number {
  const counts = new Map<number, number>();
  for (let r = Math.max(0, row - LOCAL_ROWS); r <= Math.min(pieces.length - 1, row + LOCAL_ROWS); r++) {
    for (const p of pieces[r]!) {
      if (p.gluedAfter || p.c1 !== col) continue;
      if (Math.abs(p.cell - anchor) > INDENT) continue;
      counts.set(p.cell, (counts.get(p.cell) ?? 0) + 1);
    }
  }
  let best = anchor;
  let bestCount = 0;
  for (const [at, n] of counts) if (n > bestCount || (n === bestCount && at < best)) [best, bestCount] = [at, n];
  return best;
}

/**
 * The page's top row, when it is a furniture strip (page number, masthead,
 * date, section: several short unpunctuated pieces), stands apart from what
 * follows in print (a rule, white space), which -layout rows do not show: the
 * rows below are moved down by STRIP_GAP_ROWS so that the layout road's
 * furniture stage sees the gap it looks for.
 */
function standStripApart(strip: number, rowY: number[]): void {
  if (strip < 0) return;
  for (let r = strip + 1; r < rowY.length; r++) rowY[r]! += STRIP_GAP_ROWS;
}

/** The page's first row when it is a furniture strip (several short unpunctuated pieces), else -1. */
function stripRow(pieces: Piece[][]): number {
  const first = pieces.findIndex((list) => list.length > 0);
  if (first < 0) return -1;
  const row = pieces[first]!;
  if (row.length < 2 || row.some((p) => isProse(p.seg.text) || [...p.seg.text.replace(/\s/gu, '')].length > STRIP_MAX_CHARS)) return -1;
  return first;
}

/**
 * y of each row, in rows: the least y that keeps each column's consecutive
 * lines a row apart, plus a row for each blank row between them. Rows of a
 * staircase (one column each) share a y; rows where every column moves on
 * move y on by one.
 */
function foldRows(pieces: Piece[][], columns: number): number[] {
  const rowY = new Array<number>(pieces.length).fill(0);
  const lastY = new Array<number>(columns).fill(-Infinity);
  // Rows a piece's type takes (display type estimated larger takes more): two lines stand half of each apart.
  const lastH = new Array<number>(columns).fill(1);
  const rowsOf = (p: Piece) => Math.max(1, p.size / (LINE_PITCH * STACK_SIZE_PER_ROW));
  const lastRow = new Array<number>(columns).fill(-1);
  // blanksBefore[r]: fully blank rows before row r.
  const blanksBefore = new Array<number>(pieces.length + 1).fill(0);
  for (let r = 0; r < pieces.length; r++) blanksBefore[r + 1] = blanksBefore[r]! + (pieces[r]!.length === 0 ? 1 : 0);
  let prevY = -1;
  let prevRow = -1;
  for (let r = 0; r < pieces.length; r++) {
    const list = pieces[r]!;
    if (list.length === 0) {
      rowY[r] = prevY;
      continue;
    }
    const blankRun = prevRow >= 0 ? blanksBefore[r]! - blanksBefore[prevRow + 1]! : 0;
    // A row none of whose columns has a line yet stands where the row before it does.
    let chained = -Infinity;
    for (const p of list) {
      for (let c = p.c1; c <= p.c2; c++) {
        if (lastRow[c]! < 0) continue;
        chained = Math.max(chained, lastY[c]! + (lastH[c]! + rowsOf(p)) / 2 + blanksBefore[r]! - blanksBefore[lastRow[c]! + 1]!);
      }
    }
    // After a blank row the text stands at least a row lower than the text before it.
    const floor = prevRow >= 0 ? (blankRun > 0 ? prevY + 1 + blankRun : prevY - FOLD_SLACK) : 0;
    const y = Math.max(floor, chained === -Infinity ? prevY : chained);
    rowY[r] = y;
    for (const p of list) {
      for (let c = p.c1; c <= p.c2; c++) {
        lastY[c] = y;
        lastRow[c] = r;
        lastH[c] = rowsOf(p);
      }
    }
    prevY = y;
    prevRow = r;
  }
  // Then as late as the lines below allow: a column's first lines beside a staircase of another
  // column's rows stand right above the rest of their column, and the white goes above them.
  const nextY = new Array<number>(columns).fill(Infinity);
  const nextRow = new Array<number>(columns).fill(-1);
  const nextH = new Array<number>(columns).fill(1);
  for (let r = pieces.length - 1; r >= 0; r--) {
    const list = pieces[r]!;
    if (list.length === 0) continue;
    let late = Infinity;
    for (const p of list) {
      for (let c = p.c1; c <= p.c2; c++) {
        if (nextRow[c]! < 0) continue;
        late = Math.min(late, nextY[c]! - (nextH[c]! + rowsOf(p)) / 2 - (blanksBefore[nextRow[c]!]! - blanksBefore[r + 1]!));
      }
    }
    if (late !== Infinity && late > rowY[r]!) rowY[r] = late;
    for (const p of list) {
      for (let c = p.c1; c <= p.c2; c++) {
        nextY[c] = rowY[r]!;
        nextRow[c] = r;
        nextH[c] = rowsOf(p);
      }
    }
  }
  return rowY;
}

/** Rows right above (-1) or below (+1) the piece in which nothing overlaps its span (up to WHITE_ROWS; the page's edge and the furniture strip are white). */
function whiteRows(pieces: Piece[][], p: Piece, dir: -1 | 1, strip: number): number {
  let n = 0;
  for (let r = p.row + dir; n < WHITE_ROWS; r += dir, n++) {
    if (r < 0 || r >= pieces.length || r === strip) return WHITE_ROWS;
    if (pieces[r]!.some((q) => xOverlaps(p, q))) break;
  }
  return n;
}

/**
 * Large type leaves white beside it in -layout rows: the neighbouring columns'
 * lines take rows of their own. A white row right above and right below (a
 * bold intertitle, body-sized, has text right above it: on the tune pages 42
 * of 50 intertitles; two white rows on one side alone caught more intertitles
 * than headlines there).
 */
function whiteBeside(pieces: Piece[][], p: Piece, strip: number): boolean {
  const up = whiteRows(pieces, p, -1, strip);
  const down = whiteRows(pieces, p, 1, strip);
  return up >= 1 && down >= 1;
}

/**
 * The stack of STACK_LINES short lines that `p` opens, when white stands above
 * it and below it in its column: the lines of a headline in large type each
 * have the headline's next line on one side, so none has white on both. Each
 * line starts at `p`'s cell (flush left, as the stack's lines are set), on
 * the next printed row overlapping it, is a candidate (`line`) and holds
 * ISOLATED_MIN_CHARS Han characters (an address's 东街12号铺 ⏎ 电话：5566 7788
 * does not), but for a short tail as its last line. The stack closes no
 * bracket it did not open (the tail of a bracketed note). A paragraph's lines
 * run to the measure, and its last short line ends a sentence, so body text
 * makes no such stack; verse does, and is told by more short lines past the
 * white.
 */
function whiteStack(pieces: Piece[][], rowY: number[], p: Piece, strip: number, line: (q: Piece) => boolean): Piece[] | null {
  const next = (q: Piece) => {
    const n = neighbour(pieces, rowY, q, 1);
    return n && line(n) && !n.display && Math.abs(n.x0 - p.x0) <= 1 ? n : undefined;
  };
  const full = (q: Piece) => hanCount(q.seg.text) >= ISOLATED_MIN_CHARS;
  if (!line(p) || !full(p) || whiteRows(pieces, p, -1, strip) < 1) return null;
  const stack = [p];
  for (let q = next(p); q && full(q); q = next(q)) {
    stack.push(q);
    if (stack.length > STACK_LINES[1]) return null;
  }
  // The headline's last line may be a short tail (…老小区加装电梯 ⏎ 开工).
  const tail = next(stack[stack.length - 1]!);
  if (tail && HAN.test(tail.seg.text)) stack.push(tail);
  if (stack.length < STACK_LINES[0]) return null;
  const last = stack[stack.length - 1]!;
  if (whiteRows(pieces, last, 1, strip) < 1) return null;
  if (closesUnopened(stack.map((q) => q.seg.text).join(''))) return null;
  // Verse sets its stanzas apart by white too: a stack with more short lines past the white is one.
  const beyond = [nextOverlapping(pieces, p, -1), nextOverlapping(pieces, last, 1)];
  if (beyond.some((q) => q && line(q))) return null;
  return stack;
}

/** The first piece above (-1) or below (+1) `p`, however far, that overlaps its span. */
function nextOverlapping(pieces: Piece[][], p: Piece, dir: -1 | 1): Piece | undefined {
  for (let r = p.row + dir; r >= 0 && r < pieces.length; r += dir) {
    const q = pieces[r]!.find((o) => xOverlaps(o, p));
    if (q) return q;
  }
  return undefined;
}

function hanCount(text: string): number {
  let n = 0;
  for (const ch of text) if (HAN.test(ch)) n++;
  return n;
}

/**
 * The next piece above (-1) or below (+1) `p` that overlaps its span, within
 * NEIGHBOUR_ROWS of folded y: in a staircase the line under a headline line
 * may be several printed rows further down. `continuation`: the piece looked
 * for is the next line of a headline over it (the piece above its headline, or
 * the line under a headline), which may stand further off when aligned with
 * it (ALIGNED_NEIGHBOUR_ROWS); a kicker or label over a headline stands apart
 * by white of its own and is not reached that far.
 */
function neighbour(pieces: Piece[][], rowY: number[], p: Piece, dir: -1 | 1, continuation = false, reach = ALIGNED_NEIGHBOUR_ROWS): Piece | undefined {
  const y = rowY[p.row]!;
  for (let r = p.row + dir, steps = 0; r >= 0 && r < pieces.length && steps < NEIGHBOUR_SCAN; r += dir, steps++) {
    const q = pieces[r]!.find((o) => xOverlaps(o, p));
    if (q) return Math.abs(rowY[r]! - y) <= (continuation && aligned(p, q) ? reach : NEIGHBOUR_ROWS) ? q : undefined;
  }
  return undefined;
}

/** Two pieces start at one cell, or stand centred on one another (a headline's lines, set flush left or centred). */
function aligned(a: Piece, b: Piece): boolean {
  return Math.abs(a.x0 - b.x0) <= 1 || Math.abs(a.x0 + a.w / 2 - (b.x0 + b.w / 2)) <= 1;
}

/**
 * Sizes: body 1; a kicker KICKER_SIZE; display type DISPLAY_SIZE, or more when
 * the lines of its stack stand several folded rows apart (large type: a
 * headline at twice the body size takes two rows a line).
 */
function sizeStacks(pieces: Piece[][], rowY: number[]): Map<Piece, Piece> {
  // The display line right under each display line of a headline (its next line).
  const below = new Map<Piece, Piece>();
  for (const list of pieces) {
    for (const p of list) {
      if (!p.display) continue;
      p.size = p.kicker ? KICKER_SIZE : Math.max(p.size, DISPLAY_SIZE);
      if (p.kicker) continue;
      const q = neighbour(pieces, rowY, p, 1, true, STACK_REACH_ROWS);
      if (!q?.display || q.kicker) continue;
      const step = rowY[q.row]! - rowY[p.row]!;
      const size = Math.min(MAX_SIZE, Math.max(DISPLAY_SIZE, STACK_SIZE_PER_ROW * step * LINE_PITCH));
      p.size = Math.max(p.size, size);
      q.size = Math.max(q.size, size);
      below.set(p, q);
    }
  }
  // One headline's lines share one type size: the steps between them differ only by the rows a staircase of
  // the neighbouring columns put in between, and a headline whose first lines came out smaller than the rest
  // would be read as a kicker over a shorter headline. Each chain of lines takes its largest estimate.
  for (const chain of stackChains(below)) {
    const size = Math.max(...chain.map((c) => c.size));
    for (const c of chain) c.size = size;
  }
  return below;
}

/** The chains of `below` (each display line to the line under it), each from its top line down. */
function stackChains(below: Map<Piece, Piece>): Piece[][] {
  const lower = new Set(below.values());
  const chains: Piece[][] = [];
  for (const top of below.keys()) {
    if (lower.has(top)) continue;
    const chain: Piece[] = [top];
    for (let q = below.get(top); q && !chain.includes(q); q = below.get(q)) chain.push(q);
    chains.push(chain);
  }
  return chains;
}

/**
 * y (page units) of the lines of each headline stack (sizeStacks' chains),
 * closed up to the headline's own leading: pdftotext gives the rows of the
 * neighbouring columns' lines between a large headline's lines, so its lines
 * stand many rows apart, further than the layout road joins one headline's
 * lines; nothing else stands between them in their column (the chain's
 * lines are each other's next piece there), so the lower lines move up.
 */
function closeUpStacks(below: Map<Piece, Piece>, rowY: number[]): Map<Piece, number> {
  const out = new Map<Piece, number>();
  for (const [top, ...rest] of stackChains(below)) {
    let y = rowY[top!.row]! * LINE_PITCH;
    for (const q of rest) {
      y = Math.min(rowY[q.row]! * LINE_PITCH, y + STACK_LEADING * q.size);
      out.set(q, y);
    }
  }
  return out;
}

/**
 * The other lines of a headline: a short, unpunctuated piece right above or
 * below a display piece (overlapping it) is display type too — one line of a
 * two-line headline often has no white beside it. A `——` subheadline and a
 * byline are not.
 */
function spreadDisplay(pieces: Piece[][], rowY: number[], candidate: (p: Piece) => boolean, tail: (p: Piece) => boolean): void {
  for (let pass = 0; pass < 2; pass++) {
    for (let r = 0; r < pieces.length; r++) {
      for (const p of pieces[r]!) {
        if (p.display) continue;
        const line = candidate(p);
        if (!line && !tail(p)) continue;
        const above = neighbour(pieces, rowY, p, -1, true);
        const below = line ? neighbour(pieces, rowY, p, 1) : undefined;
        if ((above?.display && !above.kicker && (line || aligned(above, p))) || below?.display) {
          p.display = true;
          p.why = 'a short line in a stack with display type';
        }
      }
    }
  }
}

/**
 * A display piece right above a longer display piece of its column, at most
 * KICKER_SHARE of its length, or one ending with a lead-in dash
 * (KICKER_LEAD_IN), is a kicker: set smaller than the headline, as kickers
 * are, so that the layout road tells the two apart.
 */
function markKickers(pieces: Piece[][], rowY: number[]): void {
  for (let r = 0; r + 1 < pieces.length; r++) {
    for (const p of pieces[r]!) {
      if (!p.display) continue;
      const under = neighbour(pieces, rowY, p, 1);
      // A short line under a headline's line is its tail, not a kicker over what follows: a kicker opens its stack.
      const over = neighbour(pieces, rowY, p, -1, true);
      if (over?.display && !over.kicker && aligned(over, p)) continue;
      if (under?.display && (p.seg.end - p.seg.start <= KICKER_SHARE * (under.seg.end - under.seg.start) || KICKER_LEAD_IN.test(p.seg.text))) {
        p.kicker = true;
        p.why = 'a short display line over a longer one (kicker)';
      }
    }
  }
}

/** Body line length of each column (cells): the long end of its pieces' lengths (a quarter of lines are shorter last lines). */
function bodyLengths(pieces: Piece[][], starts: number[]): number[] {
  const lengths: number[][] = starts.map(() => []);
  for (const list of pieces) for (const p of list) if (p.c1 === p.c2 && !p.gluedAfter) lengths[p.c1]!.push(p.w);
  return lengths.map((l) => {
    const s = l.sort((a, b) => a - b);
    return s.length > 0 ? s[Math.floor(0.75 * (s.length - 1))]! : 0;
  });
}

/**
 * A paragraph's first line: set in by its indent from the body line right
 * under it and ending where that line ends (both full to the column's measure).
 * Short of the column's lines by its indent and alone in its row when the
 * neighbouring columns' rows fall elsewhere, it looks like a headline; but a
 * headline's large glyphs, packed one to a cell, end where their count puts
 * them, and a centred one stops as far short of the measure as it is set in.
 * Measured in cells (pdftotext's), drift taken out: both lines are of one
 * column and one type size.
 */
function firstLineOfParagraph(pieces: Piece[][], rowY: number[], p: Piece): boolean {
  if (p.gluedAfter || p.gluedBefore) return false;
  const q = neighbour(pieces, rowY, p, 1);
  if (!q || q.c1 !== p.c1 || q.gluedAfter || q.gluedBefore || justifiedLine(q.seg.text)) return false;
  const indent = p.cell - q.cell;
  const endOf = (o: Piece) => o.cell + (o.seg.end - o.seg.start);
  return indent >= FIRST_LINE_INDENT[0] && indent <= FIRST_LINE_INDENT[1] && Math.abs(endOf(p) - endOf(q)) <= FIRST_LINE_END_SLACK;
}

/**
 * Display type, estimated from what -layout text still shows. A piece that
 * ends a sentence is prose. Otherwise it is display type when
 *  - a single space cut it from the next column's text (its glyphs were packed
 *    one to a cell: type larger than the cell);
 *  - it runs across a gutter into the next column (a headline over columns);
 *  - it is set in from its column's left edge and stops short of its right
 *    edge (centred), and is short.
 */
function markDisplay(pieces: Piece[][], starts: number[], bodyLen: number[], rowY: number[], strip: number, markers: MarkerSet): void {
  const short = (p: Piece) => p.w <= SHORT_SHARE * bodyLen[p.c1]!;
  // Letter-spaced body lines, credit lines (the page's markers: datelines, bylines, sign-offs), subheadlines and a
  // box's standing label (核心阅读 over a story's summary: bold body type, standing alone under the headline) are
  // never display type here, whole lines or a headline's tail.
  const neverDisplay = (text: string) => justifiedLine(text) || isCreditLine(text, markers) || markers.subheadlinePrefix.test(text) || isBoxLabel(text.trim());
  // Nor is prose, a single character, or a paragraph's first line.
  const candidate = (p: Piece) => {
    const text = p.seg.text;
    return p.row !== strip && !isProse(text) && [...text.replace(/\s/gu, '')].length >= 2 && !neverDisplay(text) && !firstLineOfParagraph(pieces, rowY, p);
  };
  for (const list of pieces) {
    for (const p of list) {
      if (!candidate(p)) continue;
      const len = p.w;
      const offset = p.x0 - starts[p.c1]!;
      // Cut at one space and shorter than the column's lines: packed large glyphs (a body line across a narrow gutter is as long as the column).
      if (p.gluedBefore && short(p)) {
        p.display = true;
        p.why = 'cut from the next column at one space';
      } else if (short(p) && offset > MAX_INDENT && p.x0 + len < starts[p.c1]! + bodyLen[p.c1]! - 2) {
        p.display = true;
        p.why = 'centred in its column';
      } else if (short(p) && len >= ISOLATED_MIN_CHARS && list.length <= SPARSE_ROW_SHARE * starts.length) {
        p.display = true;
        p.why = 'short, in a row most columns leave empty';
      } else if (short(p) && offset <= 1 && len >= ISOLATED_MIN_CHARS && whiteBeside(pieces, p, strip)) {
        p.display = true;
        p.why = 'short, with white above and below it in its column';
      }
    }
  }
  // A headline of two or three lines in a full row: no line has white on both sides, the stack does.
  for (const list of pieces) {
    for (const p of list) {
      if (p.display || !candidate(p) || !short(p) || p.x0 - starts[p.c1]! > 1) continue;
      const stack = whiteStack(pieces, rowY, p, strip, (q) => candidate(q) && short(q));
      if (!stack) continue;
      for (const q of stack) {
        q.display = true;
        q.why = 'a stack of short lines with white above and below it in its column';
      }
    }
  }
  // The text after a large-glyph headline on its row: display type too when it is short (the next column's headline).
  for (const list of pieces) {
    list.forEach((p, i) => {
      if (p.gluedAfter && i > 0 && list[i - 1]!.display && candidate(p) && short(p)) {
        p.display = true;
        p.why = 'short, after a large-glyph headline on its row';
      }
    });
  }
  // A headline's last line may be one character, or end with the ？ or ！ a headline may end with.
  const tail = (p: Piece) => {
    const text = p.seg.text;
    return p.row !== strip && short(p) && !HEADLINE_TAIL_END.test(text) && !neverDisplay(text);
  };
  spreadDisplay(pieces, rowY, (p) => candidate(p) && short(p), tail);
  markWrappedKickers(pieces, rowY, strip, (p) => candidate(p) && !short(p));
}

/**
 * A kicker of two lines over a headline: a long line that ends no sentence,
 * white above it, and its short tail right under it, flush with it, over the
 * headline's first line. The tail was taken for a line of the headline under
 * it (a short line in a stack with display type) and the long line for body
 * text; both are the kicker, set smaller than the headline (-layout cells do
 * not show it): KICKER_SIZE. A headline's first line is not as long as a
 * full column line over a shorter one of its own.
 */
function markWrappedKickers(pieces: Piece[][], rowY: number[], strip: number, long: (p: Piece) => boolean): void {
  for (const list of pieces) {
    for (const p of list) {
      if (!p.display || p.kicker) continue;
      const above = neighbour(pieces, rowY, p, -1);
      const below = neighbour(pieces, rowY, p, 1, true);
      // A long line ending with a lead-in dash is a kicker of one line over the headline (markKickers).
      if (!above || above.display || !long(above) || KICKER_LEAD_IN.test(above.seg.text) || Math.abs(above.x0 - p.x0) > 1 || whiteRows(pieces, above, -1, strip) < 1) continue;
      if (!below?.display || below.kicker) continue;
      // A line as long as the headline line under it is that headline's first line, under a one-line kicker.
      const cells = (q: Piece) => q.seg.end - q.seg.start;
      if (cells(p) === cells(below)) continue;
      for (const q of [above, p]) {
        q.display = true;
        q.kicker = true;
        q.why = 'a long line and its short tail over a headline (kicker)';
      }
    }
  }
}
