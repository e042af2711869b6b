/**
 * Stage 0a (text input only) — blocks plain pdftotext read row by row across columns.
 *
 * Beside a large headline (the page's lead, at the top of the page) plain
 * `pdftotext` (without -layout) makes one block of the headline and the first
 * lines of every column next to it, and reads that block row by row: a line
 * holds the pieces of two, three or four columns that stand on one baseline
 * (each piece one column wide, one space between them), the next line the
 * rest of that row or the row below, the headline's phrases in front of the
 * row they stand beside. Every story that runs from the foot of one column to
 * the top of the next is cut there, and the rows read as one text run several
 * stories' sentences together: later stages make pieces without headlines of
 * them and give the lead's headline to the wrong text.
 *
 * Which piece belongs to which column is not in their positions (the columns
 * are equally wide, rows are split at different places). Where two to four
 * columns are woven down a stretch of 20 lines or more with no headline's
 * phrase among its rows, the text tells: deal-woven-columns deals the pieces
 * back by which sentence each goes on. Elsewhere the stretch is not
 * re-ordered: its running text is set aside (left unassigned, nothing lost)
 * so that the stories around it are read whole, and the page is warned that
 * `pdftotext -layout`, the PDF itself or ALTO/hOCR read it correctly. What
 * is not running text stays in place, in order: the headline's phrases in
 * front of a row, and short lines without a clause mark (headline lines, a
 * byline) — the lead's headline and byline stand at the top of the first
 * column, right before the text of its story.
 *
 * A stretch is found by its woven lines: lines that cut into two or more
 * pieces of one column's width (the last may be shorter: a paragraph's end),
 * at least MIN_WOVEN of them with at most MAX_GAP lines between two. Two
 * columns read side by side for a stretch, every line joined (a narrow gutter
 * down the page), are split-joined-columns' case and are left to it.
 *
 * A headline's phrase joined to one line of the next column (headlineJoined)
 * stands alone: the headline beside a narrow gutter shares a baseline with
 * one line of the column to its right, and that row alone is read across.
 * Kept whole, the line is running text (it has the piece's clause marks) and
 * the story under the headline runs on in the story above. The line alone
 * does not prove it (a dateline marker before a full line of text has the
 * same shape), so it is cut only on a page where the extractor is seen
 * weaving columns elsewhere: the phrase stays in place as a headline line,
 * the piece is set aside as a woven row's would be (rule
 * headline-joined-to-column; warning HEADLINE_JOINED_TO_COLUMN).
 */
import { displayWidth, RUNNING_TEXT_MARK, startsWithNoLineStart } from './chars.js';
import { diagnostic } from './messages.js';
import type { Diagnostic, InputLine } from './model.js';
import { joinedWidthSlack, measurePlainColumns, type PlainColumns } from './split-joined-columns.js';
import { dealable, dealColumns, lineBigrams, MAX_DEAL_COLUMNS, type DealInput } from './deal-woven-columns.js';

/** A stretch holds at least this many woven lines: one alone is a lone join (split-joined-columns warns of it). */
const MIN_WOVEN = 2;
/** Woven lines at most this many lines apart belong to one stretch (a row may be read as three or four lines, one piece each). */
const MAX_GAP = 4;
/** A stretch reaches back and on over at most this many lines that are not woven (the rows read one piece a line). */
const MAX_REACH = 3;
/** This many lines in a row of one column-wide piece each are a column read down again: the stretch ended before them. */
const COLUMN_AGAIN = 3;
/** Running text: a clause mark in a line of a column's width. A headline line or a byline has none. */
const CLAUSE_MARK = /[，。、；：！？]/u;
/**
 * A piece joined to a headline's phrase is running text by a mark inside a sentence or at its end. A
 * colon alone does not make one: a headline's second phrase often has it (一方：…), and in hard-wrapped
 * text a two-phrase headline is as wide as the lines joined here.
 */
const RUNNING_MARK = /[，。、；！？]/u;


/** A line cut into column pieces: `display` leading headline phrases, `body` the column-wide pieces (the last may be short). */
export interface Pieces {
  display: string[];
  body: string[];
}

/**
 * The pieces of a line at its single spaces, each body piece but the last one
 * column wide (within the slack split-joined-columns allows), fewest pieces
 * first; leading phrases shorter than a column, without a clause mark,
 * before such pieces are a headline's (display type is wider than its
 * characters count). Null when no cut fits.
 */
export function columnPieces(text: string, column: number): Pieces | null {
  const words = text.trim().split(/ +/u);
  const widths = words.map((w) => displayWidth(w));
  const memo = new Map<number, string[] | null>();
  const { short, long } = joinedWidthSlack;
  // Fewest body pieces that cover words[i..]; the last piece may be short, the others full.
  const cover = (i: number): string[] | null => {
    if (i === words.length) return [];
    const known = memo.get(i);
    if (known !== undefined) return known;
    let best: string[] | null = null;
    let acc = 0;
    for (let j = i; j < words.length; j++) {
      acc += widths[j]!;
      if (acc > column + long) break;
      const full = acc >= column - short;
      if (!full && j < words.length - 1) continue;
      const rest = cover(j + 1);
      if (rest !== null && (best === null || rest.length + 1 < best.length)) best = [words.slice(i, j + 1).join(' '), ...rest];
    }
    memo.set(i, best);
    return best;
  };
  const whole = cover(0);
  if (whole !== null) return { display: [], body: whole };
  for (let k = 1; k < words.length; k++) {
    if (RUNNING_TEXT_MARK.test(words[k - 1]!)) break;
    const rest = cover(k);
    if (rest !== null && rest.length > 0 && displayWidth(rest[0]!) >= column - short) return { display: words.slice(0, k), body: rest };
  }
  return null;
}

/** A line that holds two or more columns' pieces, or a headline's phrases and a column's piece. */
function woven(text: string, column: number): Pieces | null {
  if (displayWidth(text) < column + joinedWidthSlack.extra) return null;
  const p = columnPieces(text, column);
  if (p === null) return null;
  return p.body.length >= 2 || (p.display.length > 0 && p.body.length >= 1) ? p : null;
}

/** A line that is one headline's phrases and one column-wide piece of running text after them. */
function headlineJoined(p: Pieces | null): boolean {
  return p !== null && p.display.length > 0 && p.body.length === 1 && RUNNING_MARK.test(p.body[0]!);
}

function isBlank(l: InputLine): boolean {
  return l.text.trim() === '';
}

/** One column's full line of running text: what a column read down is made of. */
function columnLine(text: string, column: number): boolean {
  const w = displayWidth(text.trim());
  return w >= column - joinedWidthSlack.short && w <= column + joinedWidthSlack.long && CLAUSE_MARK.test(text);
}

/** Two columns joined on every line of the stretch: split-joined-columns reads those left, then right. */
function sideBySide(from: number, to: number, pieces: (Pieces | null)[]): boolean {
  for (let i = from; i <= to; i++) {
    const p = pieces[i];
    if (!p || p.display.length > 0 || p.body.length !== 2) return false;
  }
  return true;
}

export interface WovenRows {
  /** The lines read on: everything but the set-aside running text. */
  lines: InputLine[];
  /** Running text of the woven stretches, for `unassigned`. */
  setAside: InputLine[];
  /** The page's measure of `lines`, null where none can be taken (split-joined-columns starts from it). */
  measured: PlainColumns | null;
}

export function setAsideWovenRows(input: InputLine[], warnings: Diagnostic[]): WovenRows {
  const measured = measurePlainColumns(input);
  const none = { lines: input, setAside: [], measured };
  if (measured === null) return none;
  const { widths, column } = measured;
  const pieces: (Pieces | null)[] = input.map((l, i) => (widths[i]! >= column + joinedWidthSlack.extra ? woven(l.text, column) : null));
  const stretches: [number, number][] = [];
  const lone: number[] = [];
  for (let i = 0; i < input.length; ) {
    if (!pieces[i]) {
      i++;
      continue;
    }
    let last = i;
    let count = 1;
    let j = i + 1;
    for (; j < input.length && j - last <= MAX_GAP; j++) {
      if (isBlank(input[j]!)) break;
      if (pieces[j]) [last, count] = [j, count + 1];
    }
    if (count === 1 && headlineJoined(pieces[i]!)) lone.push(i);
    else if (count >= MIN_WOVEN && !sideBySide(i, last, pieces)) {
      const [from, to] = reach(input, i, last, column);
      const prev = stretches[stretches.length - 1];
      if (prev && from <= prev[1] + 1) prev[1] = to;
      else stretches.push([from, to]);
    }
    i = last + 1;
  }
  if (stretches.length === 0) return none;
  // Only where the extractor is seen weaving columns is a lone headline-and-piece line its doing.
  const joined = lone.filter((i) => !stretches.some(([from, to]) => i >= from - 1 && i <= to + 1));
  for (const i of joined) stretches.push([i, i]);
  stretches.sort((a, b) => a[0] - b[0]);
  const dealt = stretches.map(([from, to]) => dealStretch(input, pieces, from, to, column));
  const lines: InputLine[] = [];
  const setAside: InputLine[] = [];
  let s = 0;
  for (let i = 0; i < input.length; i++) {
    const line = input[i]!;
    const stretch = stretches[s];
    if (!stretch || i < stretch[0]) {
      lines.push(line);
      continue;
    }
    const deal = dealt[s];
    if (deal) {
      deal.forEach((col, k) => {
        // A blank line between columns: a column's foot and the next column's top are two blocks.
        if (k > 0) lines.push({ n: deal[k - 1]![deal[k - 1]!.length - 1]?.n ?? line.n, text: '' });
        for (const l of col) lines.push(l);
      });
      i = stretch[1];
      s++;
      continue;
    }
    const p = pieces[i];
    if (p && p.display.length > 0) lines.push({ n: line.n, text: p.display.join(' ') });
    const body = p ? p.body.join(' ') : line.text;
    // Woven rows and lines of running text go; headline lines and bylines (no clause mark) stay in order.
    if (!isBlank(line) && (p !== null || CLAUSE_MARK.test(body))) setAside.push({ n: line.n, text: body });
    else lines.push(line);
    if (i === stretch[1]) s++;
  }
  const dealtStretches = stretches.filter((_, k) => dealt[k] !== null);
  if (dealtStretches.length > 0) {
    const [first, last] = [input[dealtStretches[0]![0]]!.n, input[dealtStretches[dealtStretches.length - 1]![1]]!.n];
    const count = dealtStretches.reduce((k, [from, to]) => k + to - from + 1, 0);
    warnings.push(diagnostic('COLUMNS_WOVEN_DEALT', { lines: count, first }, { lines: [first, last] }));
  }
  const joinedAt = new Set(joined.map((i) => input[i]!.n));
  const rows = setAside.filter((l) => !joinedAt.has(l.n));
  if (rows.length > 0) {
    const first = rows[0]!.n;
    const stretchCount = stretches.length - dealtStretches.length - joined.length;
    warnings.push(diagnostic('COLUMNS_WOVEN_SET_ASIDE', { lines: rows.length, first, stretches: stretchCount }, { lines: [first, rows[rows.length - 1]!.n] }));
  }
  if (joined.length > 0) {
    const [first, last] = [input[joined[0]!]!.n, input[joined[joined.length - 1]!]!.n];
    warnings.push(diagnostic('HEADLINE_JOINED_TO_COLUMN', { lines: joined.length, first }, { lines: [first, last] }));
  }
  return { lines, setAside, measured: measurePlainColumns(lines) };
}

/** A line without a clause mark at most this share of the column wide is a headline's line, not a column's (a paragraph's first line lacks only its 2-em indent). */
const HEADLINE_LINE_SHARE = 0.75;

/**
 * A stretch of this many lines or more is no lead headline's rows (beside the
 * headline a block is read row by row only as far down as the headline
 * reaches: at most 34 lines on the dev pages' set-aside page tops) but columns
 * woven down a narrow gutter, where a short line without a clause mark is a
 * column's own: an intertitle, a column label, a sign-off — dealt like any
 * piece. (From 20 lines, dev-pages pdftotext dealt a 26-line block beside
 * headlines as two columns and predicted 3 more articles, none right.)
 */
const LONG_STRETCH = 40;

/** Lines around a stretch whose bigrams are the junction evidence (the stories the stretch's pieces belong to). */
const BIGRAM_WINDOW = 200;

/** A stretch of at most MAX_DEAL_COLUMNS columns, dealt back into them by its text (deal-woven-columns), or null. */
function dealStretch(input: InputLine[], pieces: (Pieces | null)[], from: number, to: number, column: number): Dealt | null {
  if (!dealable(to - from + 1)) return null;
  const rows: DealInput['rows'] = [];
  for (let i = from; i <= to; i++) {
    const p = pieces[i];
    const text = input[i]!.text.trim();
    // A row whose last piece is short is no wider than the column and its slack: cut it here (woven() does not).
    const cut = p ?? (displayWidth(text) > column + joinedWidthSlack.long ? columnPieces(text, column) : null);
    // A headline's phrases in front of a row, or a short line without a clause mark (a headline's line)
    // in a short stretch: the rows stand beside a lead headline, where the columns' pieces and the
    // headlines' lines meet. A short line that starts with a mark no line starts with (」, ……) is the
    // tail of a column's sentence, wherever it stands.
    if (cut && cut.display.length > 0) return null;
    const headlineLine = !cut && text !== '' && !CLAUSE_MARK.test(text) && displayWidth(text) <= HEADLINE_LINE_SHARE * column;
    if (headlineLine && !startsWithNoLineStart(text) && to - from + 1 < LONG_STRETCH) return null;
    const parts = cut ? cut.body : text === '' ? [] : [text];
    if (parts.length > MAX_DEAL_COLUMNS) return null;
    if (parts.length > 0) rows.push({ n: input[i]!.n, pieces: parts.map((text) => ({ text, width: displayWidth(text) })) });
  }
  const bigrams = lineBigrams(input.slice(Math.max(0, from - BIGRAM_WINDOW), to + 1 + BIGRAM_WINDOW));
  return dealColumns({ rows, column, bigrams });
}

/** A dealt stretch: its columns' lines, left to right. */
type Dealt = InputLine[][];

/**
 * The stretch's first and last line: back to the block's start (a blank line)
 * and on past its last woven line, over the rows read one piece a line,
 * MAX_REACH lines at most, stopping where one column is read down again.
 */
function reach(input: InputLine[], first: number, last: number, column: number): [number, number] {
  let from = first;
  while (from > 0 && first - from < MAX_REACH && !isBlank(input[from - 1]!)) from--;
  let to = last;
  while (to + 1 < input.length && to - last < MAX_REACH && !isBlank(input[to + 1]!)) {
    let run = 0;
    while (run < COLUMN_AGAIN && to + 1 + run < input.length && columnLine(input[to + 1 + run]!.text, column)) run++;
    if (run >= COLUMN_AGAIN) break;
    to++;
  }
  return [from, to];
}
