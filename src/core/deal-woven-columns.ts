/**
 * Stage 0a′ (text input only) — columns read row by row, dealt back by their text.
 *
 * Where the gutter is narrow and two neighbouring columns' baselines do not
 * line up, plain `pdftotext` reads them row by row: a line holds the left
 * column's piece and the right column's (one space between), or one piece
 * alone, of either column, as the baselines come. set-aside-woven-rows finds
 * such a stretch; which column a lone piece belongs to is not in its position,
 * but it is in the text: a line that does not end a sentence goes on in the
 * next piece of its own column, and a column whose sentence has ended goes on
 * with a new paragraph. Each lone piece is given to the column whose text it
 * continues best (one best dealing of the whole stretch, scored junction by
 * junction: see `junction`), and the stretch is put out as the left column's
 * pieces, then the right column's, each keeping its input line number, as
 * split-joined-columns puts out two columns side by side.
 *
 * Three or four columns woven down a page are dealt the same way: a row of k
 * pieces of n columns goes to k of them, left to right. Five or more, and the
 * rows beside a lead headline (where headlines' lines meet the columns'
 * pieces), leave too many ways to deal a piece: set-aside-woven-rows sets
 * them aside.
 */
import { endsSentence, startsWithNoLineStart } from './chars.js';
import type { InputLine } from './model.js';

/** A stretch longer than this is not dealt: a block read row by row stands beside a headline or a narrow gutter, never a whole long page. */
const MAX_DEAL_LINES = 400;
/**
 * At most this many columns are dealt: a lone piece of a row of n columns has
 * n places and a row of k pieces n-choose-k, so five or more columns make most
 * places a guess; such stretches (beside a lead headline across the page) are
 * set aside.
 */
export const MAX_DEAL_COLUMNS = 4;
/**
 * Dealings kept after each row (the best by score). With two columns the exact
 * dealing keeps one state per pair of last pieces, which grows with the
 * stretch; with three, one per triple. The best dealing of a stretch is never
 * behind by more than a few junctions' scores, and 256 states keep every
 * dealing within them on the fixtures and dev pages (the 2-column dealings are
 * the exact ones there), at a cost linear in the stretch.
 */
const BEAM = 256;
/**
 * A stretch of fewer lines is not dealt: a few rows of two columns stand beside
 * a headline, at the top of columns read down after them, and where each
 * column goes on is not in the rows; two columns woven for this many lines are
 * a narrow gutter down the page, read whole in the stretch. (Dealt from 15
 * lines, a generated tuning page's short stretches split its stories; from 30,
 * dev-pages' dealt pages are left out.)
 */
const MIN_DEAL_LINES = 20;
/**
 * A piece this many em or more shorter than the column that ends no sentence
 * is a paragraph's first line: pdftotext drops the 2-em indent, and a wrap
 * fills the line otherwise (a hanging mark or a half-width letter moves it
 * by less).
 */
const INDENT_SHORT = 1.5;

/** A stretch of this many lines is long enough to deal and short enough to deal quickly. */
export function dealable(lines: number): boolean {
  return lines >= MIN_DEAL_LINES && lines <= MAX_DEAL_LINES;
}

/** Scores of one junction (the piece before in the same column → the piece after). */
const SCORE = {
  /** A piece that starts with a mark no line starts with (，。」) continues an open sentence: after a closed one it cannot stand. */
  impossible: -4,
  /** An open sentence goes on in its column's next piece: the likelier place for any piece. */
  continues: 0.5,
  /** …and surely so where the two characters at the junction stand together elsewhere on the page (a word cut by the wrap). */
  knownBigram: 2,
  /** A paragraph's first line (indent lost) after a closed sentence, or under an open one. */
  paragraphAfterClosed: 1,
  paragraphUnderOpen: -2,
  /** Lone pieces of two columns whose baselines differ come by turns. */
  alternate: 0.3,
  /**
   * Three or more columns: a piece put in a column while a column left of it has had none. pdftotext
   * reads a row left to right, so the stretch's first pieces are its left columns'; at the top, where
   * no sentence says which column a piece goes on, every column would score alike (a tie-break, no
   * more: a stretch may start under the top of its columns). Two columns keep their exact dealing:
   * there the tie-break moved a dev page's stretch that starts mid-column, and two articles were lost.
   */
  leftEmpty: -0.05,
} as const;

/** A junction bigram seen this many times around the stretch (log2 of 1 + count) is sure evidence; fewer sightings count less. */
const BIGRAM_SURE_LOG = 2;

interface Piece {
  n: number;
  text: string;
  width: number;
}

export interface DealInput {
  /** The stretch's lines, each cut into one or two column pieces (a line that is no row of two is one piece). */
  rows: { n: number; pieces: { text: string; width: number }[] }[];
  column: number;
  /** Bigram counts of the page's text around the stretch, within lines (the junction evidence). */
  bigrams: ReadonlyMap<string, number>;
}

function junction(a: Piece | null, x: Piece, column: number, bigrams: ReadonlyMap<string, number>): number {
  const closed = a === null || endsSentence(a.text);
  if (startsWithNoLineStart(x.text)) return closed ? SCORE.impossible : SCORE.continues + SCORE.knownBigram;
  const paragraphStart = x.width <= column - INDENT_SHORT && !endsSentence(x.text);
  if (closed) return paragraphStart ? SCORE.paragraphAfterClosed : 0;
  if (paragraphStart) return SCORE.paragraphUnderOpen;
  const last = [...a.text.trimEnd()].pop() ?? '';
  const first = [...x.text.trimStart()][0] ?? '';
  return SCORE.continues + SCORE.knownBigram * Math.min(1, Math.log2(1 + (bigrams.get(last + first) ?? 0)) / BIGRAM_SURE_LOG);
}

interface State {
  /** The last piece id of each column (row index * MAX_DEAL_COLUMNS + position), -1 where none yet. */
  last: readonly number[];
  score: number;
  back: State | null;
  /** The columns the row's pieces went to, left to right. */
  placed: readonly number[];
  /** The column the row's piece went to when it was a lone piece, else -1 (lone pieces come by turns). */
  lone: number;
}

/**
 * Every way to give k pieces of a row to n columns keeping their order (a row
 * is read left to right): the increasing k-subsets of 0..n-1.
 */
function placements(k: number, n: number): number[][] {
  const out: number[][] = [];
  const walk = (from: number, acc: number[]) => {
    if (acc.length === k) {
      out.push([...acc]);
      return;
    }
    for (let c = from; c <= n - (k - acc.length); c++) walk(c + 1, [...acc, c]);
  };
  walk(0, []);
  return out;
}

/**
 * The stretch's columns, left to right, each its lines in order; null when the
 * stretch is too short or too long to deal, or holds more columns than
 * MAX_DEAL_COLUMNS. The stretch has as many columns as its fullest row has pieces.
 */
export function dealColumns(input: DealInput): InputLine[][] | null {
  const { rows, column, bigrams } = input;
  const n = Math.max(0, ...rows.map((r) => r.pieces.length));
  if (!dealable(rows.length) || n < 2 || n > MAX_DEAL_COLUMNS) return null;
  const pieces: Piece[][] = rows.map((r) => r.pieces.map((p) => ({ n: r.n, text: p.text, width: p.width })));
  const at = (id: number): Piece | null => (id < 0 ? null : pieces[Math.floor(id / MAX_DEAL_COLUMNS)]![id % MAX_DEAL_COLUMNS]!);
  const ways = Array.from({ length: n + 1 }, (_, k) => placements(k, n));
  let states: State[] = [{ last: Array<number>(n).fill(-1), score: 0, back: null, placed: [], lone: -1 }];
  for (let i = 0; i < rows.length; i++) {
    const row = pieces[i]!;
    const next = new Map<string, State>();
    for (const s of states) {
      for (const way of ways[row.length]!) {
        const last = [...s.last];
        let score = s.score;
        way.forEach((c, k) => {
          score += junction(at(s.last[c]!), row[k]!, column, bigrams);
          if (n > 2 && c > 0 && last[c - 1] === -1) score += SCORE.leftEmpty;
          last[c] = i * MAX_DEAL_COLUMNS + k;
        });
        const lone = row.length === 1 ? way[0]! : -1;
        if (lone !== -1 && s.lone !== -1 && s.lone !== lone) score += SCORE.alternate;
        const key = last.join(',');
        const known = next.get(key);
        if (!known || score > known.score) next.set(key, { last, score, back: s, placed: way, lone });
      }
    }
    states = [...next.values()];
    // Keep the best BEAM states: the cost stays linear in the stretch, and a dealing
    // that far behind the best this early does not come back (see BEAM).
    if (states.length > BEAM) states = states.sort((a, b) => b.score - a.score).slice(0, BEAM);
  }
  let best = states[0]!;
  for (const s of states) if (s.score > best.score) best = s;
  const placed: (readonly number[])[] = [];
  for (let s: State | null = best; s !== null && s.back !== null; s = s.back) placed.push(s.placed);
  placed.reverse();
  const out: InputLine[][] = Array.from({ length: n }, () => []);
  placed.forEach((way, i) => way.forEach((c, k) => out[c]!.push({ n: pieces[i]![k]!.n, text: pieces[i]![k]!.text })));
  return out;
}

/** Bigram counts within the lines' text (spaces dropped: a space is where pieces were joined). */
export function lineBigrams(lines: readonly InputLine[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const l of lines) {
    for (const part of l.text.split(/\s+/u)) {
      const chars = [...part];
      for (let k = 1; k < chars.length; k++) {
        const b = chars[k - 1]! + chars[k]!;
        out.set(b, (out.get(b) ?? 0) + 1);
      }
    }
  }
  return out;
}
