/**
 * Stage 0c (text input only) — column pieces put back after the text they go on.
 *
 * Plain `pdftotext` (without -layout) puts out a page's text as blocks, a
 * blank line between two, in an order of its own: where it reads a column's
 * foot before the column its story goes on in, or the columns of a story in a
 * snake across the page, a column's text stops mid-word before a blank line
 * (…我们会继续推进项) and the piece it goes on in (目落地。”…) stands elsewhere on
 * the page, under another story, where later stages make a headless article of
 * it or run it on in the story above.
 *
 * The text tells where a piece goes: a block whose last line is a full column
 * line that ends no sentence and stops on a Han character (a wrap, mid-word)
 * goes on in a block whose first line continues a sentence — a full line, or
 * the short last line of a paragraph, never a paragraph's first line
 * (pdftotext drops the indent: that line is short and reads on) — and the two
 * characters at the junction stand together elsewhere on the page (项目: a
 * word cut by the wrap). Such a block is moved right after the text it goes
 * on, when the block that follows that text now does not go on it as well
 * (its junction is a pair seen less often, or none). Each open end takes one
 * block, each block goes on one end, the pairs seen most often first; a moved
 * block's own open end is rethreaded the same way, so a chain of pieces reads
 * in order.
 */
import { displayWidth, endsSentence, isHanCodePoint, RUNNING_TEXT_MARK } from './chars.js';
import { diagnostic } from './messages.js';
import type { Diagnostic, InputLine } from './model.js';
import { joinedWidthSlack, measurePlainColumns, type PlainColumns } from './split-joined-columns.js';
import { lowerBound } from './arrays.js';

/**
 * A junction pair seen this many times within the page's lines is a word cut
 * by the wrap: once may be chance on a long page (的一, 了一 stand
 * everywhere, but then the block in place goes on the end as well and wins).
 */
const MIN_SEEN = 2;
/**
 * Blocks looked at as the piece of one open end, for each junction pair: the
 * nearest ones, either side: pieces go on close by (every dev and generated
 * page reads the same with and without the bound), and it keeps a long page
 * of like blocks linear.
 */
const NEAREST_STARTS = 16;
/** A first line this many em or more shorter than the column that ends no sentence is a paragraph's first line (its 2-em indent dropped). */
const INDENT_SHORT = 1.5;

interface Block {
  /** Index of the first non-blank line and one past the last; `to` past the blank lines after it. */
  from: number;
  last: number;
  to: number;
}

function isBlank(l: InputLine): boolean {
  return l.text.trim() === '';
}

function lastChar(text: string): string {
  const chars = [...text.trimEnd()];
  return chars[chars.length - 1] ?? '';
}

function firstChar(text: string): string {
  return [...text.trimStart()][0] ?? '';
}

function han(ch: string): boolean {
  return ch !== '' && isHanCodePoint(ch.codePointAt(0)!);
}

/** `measured`: the page's measure when a stage before took it of these same lines (set-aside-woven-rows). */
const pairKey = (a: number, b: number) => a * 0x110000 + b;

/**
 * How often each pair of an open end's last character (`ends`) and a block's first (`starts`), all Han,
 * stands together in the lines: the count deal-woven-columns' lineBigrams gives those pairs (Han characters
 * are never the white space it cuts words at), without making a string and a map entry of every pair of
 * the page (~4,000 on a 12 KB page).
 */
function junctionCounts(lines: readonly InputLine[], ends: readonly (string | null)[], starts: readonly (string | null)[]): Map<number, number> {
  const first = new Set<number>();
  for (const ch of ends) if (ch !== null) first.add(ch.codePointAt(0)!);
  const second = new Set<number>();
  for (const ch of starts) if (ch !== null) second.add(ch.codePointAt(0)!);
  const counts = new Map<number, number>();
  for (const l of lines) {
    const text = l.text;
    let prev = -1;
    for (let i = 0; i < text.length; i++) {
      const cp = text.codePointAt(i)!;
      if (cp > 0xffff) i++;
      if (prev >= 0 && first.has(prev) && second.has(cp)) {
        const k = pairKey(prev, cp);
        counts.set(k, (counts.get(k) ?? 0) + 1);
      }
      prev = cp;
    }
  }
  return counts;
}

export function rethreadColumnPieces(input: InputLine[], warnings: Diagnostic[], measured: PlainColumns | null = measurePlainColumns(input)): InputLine[] {
  if (measured === null) return input;
  const { column } = measured;
  const blocks: Block[] = [];
  let lead = 0;
  while (lead < input.length && isBlank(input[lead]!)) lead++;
  for (let i = lead; i < input.length; ) {
    let last = i;
    while (last + 1 < input.length && !isBlank(input[last + 1]!)) last++;
    let to = last + 1;
    while (to < input.length && isBlank(input[to]!)) to++;
    blocks.push({ from: i, last, to });
    i = to;
  }
  if (blocks.length < 3) return input;
  const full = (text: string) => {
    const w = displayWidth(text.trim());
    return w >= column - joinedWidthSlack.short && w <= column + joinedWidthSlack.long;
  };
  // A block's open end: a full line that stops mid-word. Its start goes on a sentence: not a paragraph's first line.
  // The line above it reads on into it too: mid-paragraph. (Where a stray blank line follows a paragraph's first
  // line, the line above that ended the paragraph before, or is a headline's.)
  const openEnd = blocks.map((b) => {
    const t = input[b.last]!.text;
    if (b.last === b.from || !full(input[b.last - 1]!.text) || endsSentence(input[b.last - 1]!.text)) return null;
    return full(t) && !endsSentence(t) && han(lastChar(t)) ? lastChar(t) : null;
  });
  // A block's first line that opens something (a paragraph's first line, a headline's, a date): short, reading on.
  const opens = blocks.map((b) => {
    const t = input[b.from]!.text;
    return displayWidth(t.trim()) <= column - INDENT_SHORT && !endsSentence(t);
  });
  const goesOn = blocks.map((b, k) => {
    const t = input[b.from]!.text;
    // A lone line that ends no sentence, or lines without a clause mark, are display type (a kicker:
    // 某某聚焦“三农”——, 某某晚会 ⏎ ——), not a column's text.
    if (!han(firstChar(t)) || opens[k] || (b.last === b.from && !endsSentence(t))) return null;
    if (!input.slice(b.from, b.last + 1).some((l) => RUNNING_TEXT_MARK.test(l.text))) return null;
    return displayWidth(t.trim()) <= column + joinedWidthSlack.long ? firstChar(t) : null;
  });
  // Only the pairs an open end can make with a block's first character are counted, and only when an open end
  // asks (most pages have none).
  let pairs: Map<number, number> | null = null;
  const seen = (a: string | null, b: string | null) => {
    if (a === null || b === null) return 0;
    pairs ??= junctionCounts(input, openEnd, goesOn);
    return pairs.get(pairKey(a.codePointAt(0)!, b.codePointAt(0)!)) ?? 0;
  };
  // A block with a full line is a column's text; one without is display type or furniture (a headline, the
  // masthead, a date) that pdftotext set between a column's text and its next block.
  const text = blocks.map((b) => {
    for (let i = b.from; i <= b.last; i++) if (full(input[i]!.text)) return true;
    return false;
  });
  // Text right after an open end but for display blocks goes on there already (the headline between is the
  // next story's, read out of place; later stages pair it by its words): nothing to move.
  const textBefore = [0];
  for (let k = 0; k < blocks.length; k++) textBefore.push(textBefore[k]! + (text[k] ? 1 : 0));
  const textBetween = (e: number, s: number) => s < e || textBefore[s]! - textBefore[e + 1]! > 0;
  const next = new Map<number, number>();
  /** The end each moved block was put after (next, read backwards: a chain's walk up to its first block). */
  const prevOf = new Map<number, number>();
  const moved = new Set<number>();
  // An open end looks elsewhere only when the block after it cannot go on it: the page ends, a paragraph's,
  // headline's or date's first line follows (a stray blank line inside a paragraph is followed by the
  // paragraph's next line), or that block went on another end (taken in an earlier round).
  const blocked = (e: number) => e + 1 === blocks.length || opens[e + 1]! || moved.has(e + 1);
  // Blocks by the character they go on with: an open end is paired only with blocks whose junction pair the
  // page holds, not with every block (all pairs of a long page's blocks would be quadratic).
  const byFirst = new Map<string, number[]>();
  goesOn.forEach((ch, s) => {
    if (ch === null) return;
    const list = byFirst.get(ch);
    if (list) list.push(s);
    else byFirst.set(ch, [s]);
  });
  const candidates: { end: number; start: number; count: number }[] = [];
  for (let e = 0; e < blocks.length; e++) {
    if (openEnd[e] === null) continue;
    for (const [ch, starts] of byFirst) {
      const count = seen(openEnd[e]!, ch);
      if (count < MIN_SEEN) continue;
      // A long page of like blocks (a junction pair on every copy of a repeated article) must not pair every end with every start.
      let right = lowerBound(starts, e);
      let left = right - 1;
      for (let taken = 0; taken < NEAREST_STARTS && (left >= 0 || right < starts.length); taken++) {
        const takeLeft = right >= starts.length || (left >= 0 && e - starts[left]! <= starts[right]! - e);
        const s = takeLeft ? starts[left--]! : starts[right++]!;
        if (s !== e && s !== e + 1 && textBetween(e, s)) candidates.push({ end: e, start: s, count });
      }
    }
  }
  if (candidates.length === 0) return input;
  candidates.sort((a, b) => b.count - a.count || Math.abs(a.start - a.end) - Math.abs(b.start - b.end) || a.end - b.end || a.start - b.start);

  // A block is free to move when the text above it does not go on in it: that text ends a sentence, or
  // goes on elsewhere (taken in an earlier round). Rounds until nothing more moves.
  const free = (s: number) => s === 0 || openEnd[s - 1] === null || (next.has(s - 1) && next.get(s - 1) !== s);
  for (let changed = true; changed; ) {
    changed = false;
    for (const c of candidates) {
      if (next.has(c.end) || moved.has(c.start) || !blocked(c.end) || !free(c.start)) continue;
      // No cycle: the block must not be one the end's own chain comes from.
      let cycle = false;
      for (let k: number | undefined = c.end; k !== undefined && !cycle; k = prevOf.get(k)) cycle = k === c.start;
      if (cycle) continue;
      next.set(c.end, c.start);
      prevOf.set(c.start, c.end);
      moved.add(c.start);
      changed = true;
    }
  }
  if (next.size === 0) return input;
  const out: InputLine[] = input.slice(0, lead);
  const done = new Set<number>();
  let made = false;
  const put = (b: number) => {
    done.add(b);
    const blk = blocks[b]!;
    for (let i = blk.from; i < blk.to; i++) out.push(input[i]!);
    // Only the page's last block has no blank line after it: one goes between it and a block put after it.
    made = blk.to === blk.last + 1;
    if (made) out.push({ n: input[blk.last]!.n, text: '' });
  };
  for (let b = 0; b < blocks.length; b++) {
    if (done.has(b) || moved.has(b)) continue;
    put(b);
    for (let k = next.get(b); k !== undefined && !done.has(k); k = next.get(k)) put(k);
  }
  if (made) out.pop();
  const first = Math.min(...[...moved].map((b) => input[blocks[b]!.from]!.n));
  warnings.push(diagnostic('COLUMN_PIECES_RETHREADED', { pieces: moved.size, first }, { lines: [first, first] }));
  return out;
}
