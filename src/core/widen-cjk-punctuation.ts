/**
 * Stage 2b — ASCII punctuation that OCR wrote for the full-width forms a
 * Chinese page prints. Tesseract's Chinese models emit `,` `:` `;` `?` `!`
 * `(` `)` where the page has ， ： ； ？ ！ （ ）, so the text no longer reads as
 * printed and later rules that look for full-width marks miss them. On a page
 * whose letters are overwhelmingly Han, a run of these marks with a Han
 * ideograph or CJK punctuation on at least one side becomes its full-width
 * form (a `cjk-punctuation-width` repair) — when the page itself shows the
 * OCR habit: most of its marks in CJK context are ASCII. Born-digital text
 * (PDF text layers, a paper's own text) prints these marks full-width and
 * uses an ASCII one next to Han only by the publisher's choice (Hong Kong
 * papers set bylines in ASCII brackets); those are kept as printed. Marks
 * with no CJK neighbour stay ASCII: 1,000, 10:30, English phrases, URLs. A
 * parenthesis takes the width of its partner on the line, so (1）never comes
 * out half and half.
 */
// Code units, not points: a supplementary-plane ideograph is not counted (too rare to weigh a page by).
import { isHanCodePoint } from './chars.js';
import type { InputLine, Repair } from './model.js';
import { repairEachLine, type WorkLine } from './work-line.js';

/**
 * A page is judged Chinese when at least this share of its letters (Han
 * ideographs plus ASCII letters; digits belong to both scripts) are Han. A
 * Chinese page quoting English names, units and URLs stays above 0.9; a
 * bilingual page or an English one with Chinese names falls below, and there
 * ASCII punctuation is as likely to be meant as not.
 */
const MIN_HAN_SHARE = 0.8;

/**
 * The page is OCR'd text whose engine does not tell the widths apart when at
 * least this share of its , : ; ? ! ( ) in CJK context are ASCII (against
 * every ，：；？！（） on the page). Tesseract's traditional-Chinese model
 * writes nearly all of them ASCII; born-digital pages, which print them
 * full-width and choose ASCII for a few (bylines in ASCII brackets), stay
 * under a third; a majority is the line between the two.
 */
const MIN_ASCII_SHARE = 0.5;

/** The ASCII marks OCR writes for full-width ones, and what the page printed. */
const WIDE: Record<string, string> = { ',': '，', ':': '：', ';': '；', '?': '？', '!': '！', '(': '（', ')': '）' };

function isTarget(c: number): boolean {
  return c === 0x2c || c === 0x3a || c === 0x3b || c === 0x3f || c === 0x21 || c === 0x28 || c === 0x29;
}

function isAsciiLetter(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

/**
 * A neighbour that proves CJK context: an ideograph, CJK symbols and
 * punctuation (U+3000–U+303F: 。、「」…), full-width forms, and the curly quotes,
 * ellipsis and dash Chinese sets at full width.
 */
function isCjkContext(c: number): boolean {
  return isHanCodePoint(c) || (c >= 0x3001 && c <= 0x303f) || (c >= 0xff01 && c <= 0xff60) || c === 0x201c || c === 0x201d || c === 0x2018 || c === 0x2019 || c === 0x2026 || c === 0x2014;
}

function isWideMark(c: number): boolean {
  return c === 0xff0c || c === 0xff1a || c === 0xff1b || c === 0xff1f || c === 0xff01 || c === 0xff08 || c === 0xff09;
}

/**
 * Should the page's ASCII marks be widened? Its letters are overwhelmingly Han
 * (MIN_HAN_SHARE), and most of its marks in CJK context are ASCII
 * (MIN_ASCII_SHARE). One pass over the whole input.
 */
export function needsWidening(input: readonly InputLine[]): boolean {
  let han = 0;
  let latin = 0;
  let ascii = 0;
  let wide = 0;
  for (const line of input) {
    const t = line.text;
    for (let i = 0; i < t.length; i++) {
      const c = t.charCodeAt(i);
      if (isHanCodePoint(c)) han++;
      else if (isAsciiLetter(c)) latin++;
      else if (isWideMark(c)) wide++;
      else if (isTarget(c) && inCjkContext(t, i, i)) ascii++;
    }
  }
  return han > 0 && han >= (han + latin) * MIN_HAN_SHARE && ascii > 0 && ascii >= (ascii + wide) * MIN_ASCII_SHARE;
}

/** Index of the nearest character before `i` (exclusive) that is not a space, or -1. */
function before(t: string, i: number): number {
  let j = i - 1;
  while (j >= 0 && t.charCodeAt(j) === 0x20) j--;
  return j;
}

function after(t: string, i: number): number {
  let j = i + 1;
  while (j < t.length && t.charCodeAt(j) === 0x20) j++;
  return j < t.length ? j : -1;
}

/** Is the run of marks t[start..end] next to CJK: its nearest non-space neighbour on either side? */
function inCjkContext(t: string, start: number, end: number): boolean {
  const p = before(t, start);
  const n = after(t, end);
  return (p >= 0 && isCjkContext(t.charCodeAt(p))) || (n >= 0 && isCjkContext(t.charCodeAt(n)));
}

/** The line with its OCR punctuation widened, or the line itself when nothing qualifies. */
export function widenLine(t: string): string {
  let wide: boolean[] | null = null;
  for (let i = 0; i < t.length; i++) {
    if (!isTarget(t.charCodeAt(i))) continue;
    // A run of marks (?! or ),) is judged as one: its neighbours are the characters around the run.
    let end = i;
    while (end + 1 < t.length && isTarget(t.charCodeAt(end + 1))) end++;
    if (inCjkContext(t, i, end)) {
      wide ??= new Array<boolean>(t.length).fill(false);
      for (let k = i; k <= end; k++) wide[k] = true;
    }
    i = end;
  }
  if (wide === null) return t;
  matchParentheses(t, wide);
  let out = '';
  for (let i = 0; i < t.length; i++) out += wide[i] ? WIDE[t[i]!]! : t[i]!;
  return out;
}

/** A parenthesis pair on one line is printed at one width: widen both when either qualified. */
function matchParentheses(t: string, wide: boolean[]): void {
  const open: number[] = [];
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c === 0x28) open.push(i);
    else if (c === 0x29 && open.length > 0) {
      const o = open.pop()!;
      if (wide[o] || wide[i]) wide[o] = wide[i] = true;
    }
  }
}

/**
 * Widen OCR punctuation on every line when `widen` (needsWidening, judged once
 * over the whole page: the layout road calls this per story).
 */
export function widenCjkPunctuation(lines: WorkLine[], widen: boolean, repairs: Repair[]): WorkLine[] {
  return widen ? repairEachLine(lines, 'cjk-punctuation-width', repairs, (line) => widenLine(line.text)) : lines;
}
