/**
 * Stage 0a′ (text input only) — two columns read row by row, dealt back by their text.
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
 * Only stretches of at most two columns are dealt: three or more beside a
 * lead headline leave too many ways to deal a piece (set-aside-woven-rows
 * sets them aside).
 */
import { endsSentence, startsWithNoLineStart } from './chars.js';
import type { InputLine } from './model.js';

/** A stretch longer than this is not dealt (the dealing keeps one state per line pair, quadratic in the stretch). */
const MAX_DEAL_LINES = 400;
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
  left: number;
  right: number;
  score: number;
  back: State | null;
  /** The side the row's lone piece went to (0 left, 1 right, -1 both sides: a row of two). */
  side: -1 | 0 | 1;
}

/** The two columns' lines, left then right, or null when the stretch is no two-column stretch. */
export function dealTwoColumns(input: DealInput): { left: InputLine[]; right: InputLine[] } | null {
  const { rows, column, bigrams } = input;
  if (!dealable(rows.length) || rows.some((r) => r.pieces.length > 2)) return null;
  const pieces: Piece[][] = rows.map((r) => r.pieces.map((p) => ({ n: r.n, text: p.text, width: p.width })));
  // Piece ids: row index * 2 + position; -1 = none yet.
  const at = (id: number): Piece | null => (id < 0 ? null : pieces[id >> 1]![id & 1]!);
  let states: State[] = [{ left: -1, right: -1, score: 0, back: null, side: -1 }];
  for (let i = 0; i < rows.length; i++) {
    const row = pieces[i]!;
    const next = new Map<string, State>();
    const offer = (s: State) => {
      const key = `${s.left},${s.right}`;
      const known = next.get(key);
      if (!known || s.score > known.score) next.set(key, s);
    };
    for (const s of states) {
      if (row.length === 2) {
        const score = s.score + junction(at(s.left), row[0]!, column, bigrams) + junction(at(s.right), row[1]!, column, bigrams);
        offer({ left: i * 2, right: i * 2 + 1, score, back: s, side: -1 });
        continue;
      }
      for (const side of [0, 1] as const) {
        const prev = at(side === 0 ? s.left : s.right);
        const turn = s.side !== -1 && s.side !== side ? SCORE.alternate : 0;
        const score = s.score + junction(prev, row[0]!, column, bigrams) + turn;
        offer(side === 0 ? { left: i * 2, right: s.right, score, back: s, side } : { left: s.left, right: i * 2, score, back: s, side });
      }
    }
    states = [...next.values()];
  }
  let best = states[0]!;
  for (const s of states) if (s.score > best.score) best = s;
  const sides: (-1 | 0 | 1)[] = [];
  for (let s: State | null = best; s !== null && s.back !== null; s = s.back) sides.push(s.side);
  sides.reverse();
  const left: InputLine[] = [];
  const right: InputLine[] = [];
  sides.forEach((side, i) => {
    const row = pieces[i]!;
    if (side === -1) {
      left.push({ n: row[0]!.n, text: row[0]!.text });
      right.push({ n: row[1]!.n, text: row[1]!.text });
    } else (side === 0 ? left : right).push({ n: row[0]!.n, text: row[0]!.text });
  });
  return { left, right };
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
