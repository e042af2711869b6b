/**
 * Stage 5b (text road) — a story cut into sections by intertitles set in
 * parallel. Hard-wrapped text prints a section's intertitle stack like a
 * headline stack (short unpunctuated lines between paragraphs), so each
 * section came out as a story of its own. What gives them away is that an
 * editor sets one story's intertitles alike — a place over a five-character
 * phrase (杭州 ⏎ 灯谜挂满街, 成都 ⏎ 汤圆香满院), one label word over the
 * section's line (过去 ⏎ …, 现在 ⏎ …), couplets of one measure (春风吹绿江南岸 ⏎
 * 细雨润开小院花), single characters (治, 查) — while the headlines of a page's
 * stories are written one by one, each as long as it needs. Two or more such
 * stacks in a row, each over text that no dateline opens (a dateline opens a
 * report of its own), after text that nothing has closed, are the sections of
 * the story above the first: one unit, the stacks its subheadings. A part's
 * byline stays in the text as its own paragraph, as printed (an interview of
 * several pieces, each by its reporter).
 *
 * Runs after rejoin-intertitles and before split-bodies.
 */
import { isHanCodePoint, isSpaceCode } from './chars.js';
import type { ClassifiedLine } from './classify-lines.js';
import { titleLines, type Block, type BodyUnit } from './group-blocks.js';
import { joinUnits, type StoryPart } from './join-units.js';

/** A section label is a place or a word (杭州, 过去, 东 区); a longer first line is a kicker or a headline's first line. */
const LABEL_MAX_CHARS = 4;

/** One stack alone is an intertitle or a headline (rejoin-intertitles asks its words); parallel shape takes a second. */
const MIN_SECTIONS = 2;

/** A letter or digit of a phrase: Han, ASCII or full-width letters and digits (marks and quotes are not counted). */
function wordChar(cp: number): boolean {
  return isHanCodePoint(cp) || (cp >= 0x30 && cp <= 0x39) || ((cp | 0x20) >= 0x61 && (cp | 0x20) <= 0x7a) || (cp >= 0xff10 && cp <= 0xff19) || (cp >= 0xff21 && cp <= 0xff3a) || (cp >= 0xff41 && cp <= 0xff5a);
}

/**
 * A line's shape: its phrases (cut at spaces) as counts of their letters and
 * digits — 赏新景 品年味 → [3, 3]. A loop, not a regex: it runs on most pages,
 * the seed page too, whose start-up is measured.
 */
function phraseShape(text: string): number[] {
  const out: number[] = [];
  let n = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (isSpaceCode(cp)) {
      if (n > 0) out.push(n);
      n = 0;
    } else if (wordChar(cp)) n++;
  }
  if (n > 0) out.push(n);
  return out;
}

type Shape = number[][];

const total = (line: number[]) => line.reduce((a, b) => a + b, 0);
const sameLine = (x: number[], y: number[]) => x.length === y.length && x.every((v, k) => v === y[k]);

/** Every phrase of the stack one length: a couplet (春风吹绿江南岸 ⏎ 细雨润开小院花, 赏新景 品年味) or a word (治). */
function evenPhrases(shape: Shape): number | null {
  const first = shape[0]?.[0];
  return first !== undefined && shape.every((line) => line.length > 0 && line.every((n) => n === first)) ? first : null;
}

/**
 * Two stacks set alike, the way one editor sets one story's intertitles:
 * - under a label each (a place, a word: ≤ LABEL_MAX_CHARS), either labels of
 *   one shape (过去 ⏎ …, 现在 ⏎ …; 东 区 ⏎ …, 西 区 ⏎ …) or lines under them of one
 *   shape (杭州 ⏎ 灯谜挂满街, 成都 ⏎ 汤圆香满院);
 * - or both couplets of one measure, line for line (春风吹绿江南岸 ⏎ 细雨润开小院花
 *   beside 老街灯火照团圆 ⏎ 新村笑语迎佳节), or one-word intertitles of one length
 *   (治, 查).
 * Lines of like lengths alone are not enough: tabloid headlines are set to fill
 * their box, so two stories' two-line headlines often match in length.
 */
function parallel(a: Shape, b: Shape): boolean {
  if (a.length !== b.length || a.length === 0) return false;
  if (a.length >= 2 && total(a[0]!) <= LABEL_MAX_CHARS && total(b[0]!) <= LABEL_MAX_CHARS) {
    return sameLine(a[0]!, b[0]!) || a.slice(1).every((line, k) => sameLine(line, b[k + 1]!));
  }
  const even = evenPhrases(a);
  if (even === null || even !== evenPhrases(b) || !a.every((line, k) => sameLine(line, b[k]!))) return false;
  // A couplet has two phrases at least; a lone phrase is a word of label size.
  return a.length + a[0]!.length > 2 || even <= LABEL_MAX_CHARS;
}

/** The title blocks from `i` on, up to the next body unit, as one stack (a label and its line may be cut by a blank). */
function stackAt(blocks: readonly Block[], i: number): { lines: ClassifiedLine[]; end: number } | null {
  const lines: ClassifiedLine[] = [];
  let j = i;
  for (; j < blocks.length && blocks[j]!.type === 'title'; j++) {
    const t = blocks[j] as Extract<Block, { type: 'title' }>;
    // A display line or a subheadline belongs to a story's own headline stack, never to a section's.
    if (t.display || t.subheadline !== null) return null;
    for (const l of titleLines(t)) lines.push(l);
  }
  return lines.length > 0 ? { lines, end: j } : null;
}

/** The sections that follow `first` (blocks[i]): parallel stacks, each over one unit no dateline opens. */
function sectionsAfter(blocks: readonly Block[], i: number): { parts: StoryPart[]; next: number } {
  const parts: StoryPart[] = [];
  let above = blocks[i] as BodyUnit;
  let shape: Shape | null = null;
  let j = i + 1;
  for (;;) {
    const stack = stackAt(blocks, j);
    if (!stack || above.closedBy !== null) break;
    const unit = blocks[stack.end];
    if (unit?.type !== 'body' || unit.dateline !== null || unit.jumpFrom !== null) break;
    const next = stack.lines.map((l) => phraseShape(l.text));
    if (shape !== null && !parallel(shape, next)) break;
    // The same label over each stack (简讯, 快讯) is a column's label over its briefs, not a section's.
    if (shape !== null && stack.lines.length >= 2 && stack.lines[0]!.text.trim() === parts[parts.length - 1]!.heads[0]!.text.trim()) break;
    parts.push({ heads: stack.lines, unit });
    shape = next;
    above = unit;
    j = stack.end + 1;
  }
  return { parts, next: j };
}

export function joinParallelSections(blocks: Block[]): Block[] {
  const out: Block[] = [];
  let i = 0;
  while (i < blocks.length) {
    const b = blocks[i]!;
    const found = b.type === 'body' && b.body.length > 0 ? sectionsAfter(blocks, i) : null;
    if (!found || found.parts.length < MIN_SECTIONS) {
      out.push(b);
      i++;
      continue;
    }
    for (const { heads } of found.parts) {
      for (const line of heads) {
        line.role = 'subheading';
        line.rule = 'parallel-section';
        line.newGroup = undefined;
        // Each line of a stack is a subheading of its own (a label, then the section's line).
        line.standalone = true;
      }
    }
    out.push(joinUnits(b as BodyUnit, found.parts, 'join-parallel-sections'));
    i = found.next;
  }
  return out;
}
