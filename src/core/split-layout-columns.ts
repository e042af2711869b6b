/**
 * Stage 0 (text input only) — read columns set side by side one after another.
 *
 * `pdftotext -layout` and some OCR engines keep a page's columns next to each
 * other, padded with spaces, so one input line holds a line of every column
 * and every later stage would see three articles' sentences run together.
 * Here a page (a form feed starts the next) whose lines are mostly split by
 * wide gaps into pieces of prose (not a table's short cells) is cut into
 * pieces, columns start at the character positions where many pieces start,
 * and the pieces are put out column by column, each as a line that keeps the
 * number of the input line it came from. A line with a piece that runs across
 * a column edge (a headline over two columns) ends the run of columns above
 * it, and its pieces are put out as they stand; so are those of the page's
 * first line when they do not sit on the columns (the page header: page
 * number, masthead, section names).
 * Only spaces are dropped, so nothing is lost; each page read this way gets an
 * info diagnostic with its column positions and lines.
 */
import { diagnostic } from './messages.js';
import type { Diagnostic, InputLine } from './model.js';
import { appendAll } from './arrays.js';
import { hasSpaceGap } from './chars.js';

/**
 * A run of text in a line. `start`/`end` count characters (code points), as
 * layout extraction pads columns; `from`/`to` are the string offsets.
 */
export interface Segment {
  start: number;
  end: number;
  from: number;
  to: number;
  text: string;
  /** Index of the column the piece starts in, once the page's columns are known. */
  column: number;
}

/** A wide gap: three or more spaces between text. */
export const GAP = /\S {3,}\S/;
/** GAP's least run of spaces, for hasSpaceGap: the same test without compiling GAP on a page of one column. */
const GAP_MIN_SPACES = 3;
/** A page is read by columns when this share of its non-blank lines (and at least MIN_LINES) have a wide gap. */
const MIN_SHARE = 0.3;
const MIN_LINES = 5;
/**
 * Pieces of column text run to most of a column's width; a table's cells (names,
 * figures) are short. Below this median length the gaps are a table's, and its
 * rows must stay rows.
 */
export const MIN_PIECE = 8;
/** Segment starts within this many characters of each other start the same column (paragraph indents). */
export const INDENT = 4;

/** Pieces of a line between runs of two or more spaces (words inside one column are one space apart). */
export function segmentsOf(text: string): Segment[] {
  const out: Segment[] = [];
  let cp = 0; // characters before offset i
  let open: { start: number; from: number } | null = null;
  let lastEnd = 0;
  let lastTo = 0;
  let spaces = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x20) {
      spaces++;
    } else {
      if (open && spaces >= 2) {
        out.push({ start: open.start, end: lastEnd, from: open.from, to: lastTo, text: text.slice(open.from, lastTo), column: 0 });
        open = null;
      }
      open ??= { start: cp, from: i };
      spaces = 0;
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) i++; // the rest of a surrogate pair
      lastEnd = cp + 1;
      lastTo = i + 1;
    }
    cp++;
  }
  if (open) out.push({ start: open.start, end: lastEnd, from: open.from, to: lastTo, text: text.slice(open.from, lastTo), column: 0 });
  return out;
}

/** Column starts: positions where many segments begin, nearby starts (indents) counted with the commonest. */
export function columnStarts(rows: Segment[][], wideRows: number): number[] {
  const counts = new Map<number, number>();
  for (const row of rows) for (const s of row) counts.set(s.start, (counts.get(s.start) ?? 0) + 1);
  const clusters: { anchor: number; first: number; count: number }[] = [];
  for (const [at, count] of [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0])) {
    const near = clusters.find((c) => Math.abs(at - c.anchor) <= INDENT);
    if (near) {
      near.count += count;
      near.first = Math.min(near.first, at);
    } else clusters.push({ anchor: at, first: at, count });
  }
  const enough = Math.max(3, 0.15 * wideRows);
  return clusters
    .filter((c) => c.count >= enough)
    .map((c) => c.first)
    .sort((a, b) => a - b);
}

export function medianLength(segments: Segment[]): number {
  if (segments.length === 0) return 0;
  const lengths = segments.map((s) => s.end - s.start).sort((a, b) => a - b);
  return lengths[lengths.length >> 1]!;
}

interface Row {
  line: InputLine;
  segments: Segment[];
}

function readPage(page: InputLine[], out: InputLine[], warnings: Diagnostic[]): void {
  // The cheap tests first: most pages are passed on as they are.
  const nonBlank = page.filter((l) => l.text.trim() !== '').length;
  const wide = page.filter((l) => hasSpaceGap(l.text, GAP_MIN_SPACES)).length;
  if (wide < MIN_LINES || wide < MIN_SHARE * nonBlank) {
    appendAll(out, page);
    return;
  }
  const rows: Row[] = page.map((line) => ({ line, segments: line.text.trim() === '' ? [] : segmentsOf(line.text) }));
  const table = medianLength(rows.flatMap((r) => (r.segments.length > 1 ? r.segments : []))) < MIN_PIECE;
  const columns = table ? [] : columnStarts(rows.map((r) => r.segments), wide);
  if (columns.length < 2) {
    appendAll(out, page);
    return;
  }
  for (const row of rows) {
    for (const s of row.segments) {
      for (let k = 0; k < columns.length; k++) if (columns[k]! <= s.start + 2) s.column = k;
    }
  }
  const onColumn = (s: Segment) => columns.some((c) => s.start >= c - 1 && s.start <= c + INDENT);
  const crosses = (s: Segment) => s.column + 1 < columns.length && s.end > columns[s.column + 1]! + 1;

  let band: Row[] = [];
  const flush = () => {
    for (let k = 0; k < columns.length; k++) {
      const lines: InputLine[] = [];
      let gap = true;
      for (const row of band) {
        const mine = row.segments.filter((s) => s.column === k);
        if (mine.length === 0) {
          // Nothing in this column on this line: white space in the column (between paragraphs or articles).
          if (!gap) lines.push({ n: row.line.n, text: '' });
          gap = true;
          continue;
        }
        lines.push({ n: row.line.n, text: row.line.text.slice(mine[0]!.from, mine[mine.length - 1]!.to) });
        gap = false;
      }
      while (lines.length > 0 && lines[lines.length - 1]!.text === '') lines.pop();
      if (lines.length > 0) appendAll(out, lines).push({ n: lines[lines.length - 1]!.n, text: '' });
    }
    band = [];
  };

  let seenText = false;
  for (const row of rows) {
    const header = !seenText && row.segments.filter((s) => !onColumn(s)).length >= 2;
    if (row.segments.length > 0) seenText = true;
    if (header || row.segments.some(crosses)) {
      flush();
      for (const s of row.segments) out.push({ n: row.line.n, text: s.text });
      out.push({ n: row.line.n, text: '' });
      continue;
    }
    band.push(row);
  }
  flush();
  const first = page[0]!.n;
  const last = page[page.length - 1]!.n;
  warnings.push(diagnostic('COLUMNS_SIDE_BY_SIDE', { columns: columns.length, at: columns.join(', ') }, { lines: [first, last] }));
}

/** The lines in reading order: pages whose columns stand side by side are read column by column. */
export function splitLayoutColumns(input: InputLine[], warnings: Diagnostic[]): InputLine[] {
  // Most pages have no wide gaps at all: one cheap test per line decides.
  let wide = 0;
  for (const l of input) if (hasSpaceGap(l.text, GAP_MIN_SPACES)) wide++;
  if (wide < MIN_LINES) return input;
  const out: InputLine[] = [];
  let start = 0;
  for (let i = 1; i <= input.length; i++) {
    if (i === input.length || input[i]!.text.startsWith('\f')) {
      readPage(input.slice(start, i), out, warnings);
      start = i;
    }
  }
  return out;
}
