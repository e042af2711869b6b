/**
 * Stage 3 — undo fake-bold doubling that survived extraction, before any line
 * is classified (a doubled headline would otherwise read as body text).
 *
 * Two shapes (research §2.2):
 *  - the whole line printed twice, A+B, where one copy may double only its
 *    punctuation: 天山爱心暑托班（（一期））小班““合家欢””天山爱心暑托班（一期）小班“合家欢”;
 *  - every glyph doubled in place: 字字节节跳跳动动.
 * Legitimate reduplication (人人, 闪闪发光, 高高兴兴, ——, ……) is left alone:
 * in-place doubling needs a run of at least three pairs of three different
 * characters, which no AA/AABB word forms. The marks that are always printed
 * doubled (…… ——) do not count among the three: "……许许多多" is an ellipsis
 * and an AABB word, not a doubled line.
 */
import type { Repair } from './model.js';
import { mapChangedLines, type WorkLine } from './work-line.js';
import { CODE_SETS, codeSet, displayWidth, isHanCodePoint } from './chars.js';

const DOUBLED_PUNCT = /([“”‘’（）《》「」『』【】，。、；：？！()])\1/gu;

const SPACE_ANY = /\s/u;
const DOUBLABLE = '“”‘’（）《》「」『』【】，。、；：？！()';

function collapsePunct(s: string): string {
  return s.replace(DOUBLED_PUNCT, '$1');
}

/** Han ideographs in s[from, to), by code point. */
function hanCount(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    let cp = s.charCodeAt(i);
    if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < to) {
      const low = s.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        cp = 0x10000 + ((cp - 0xd800) << 10) + (low - 0xdc00);
        i++;
      }
    }
    if (isHanCodePoint(cp)) n++;
  }
  return n;
}

const IS_DOUBLABLE = codeSet(DOUBLABLE);

/**
 * Do s[a0, a1) and s[b0, b1) read the same once doubled punctuation is
 * collapsed? The same as collapsePunct(a) === collapsePunct(b), without
 * building either string: most candidate cuts fail within a character or two.
 */
function sameCollapsed(s: string, a0: number, a1: number, b0: number, b1: number): boolean {
  let i = a0;
  let j = b0;
  while (i < a1 && j < b1) {
    const x = s.charCodeAt(i);
    if (x !== s.charCodeAt(j)) return false;
    i += (CODE_SETS[x]! & IS_DOUBLABLE) !== 0 && i + 1 < a1 && s.charCodeAt(i + 1) === x ? 2 : 1;
    j += (CODE_SETS[x]! & IS_DOUBLABLE) !== 0 && j + 1 < b1 && s.charCodeAt(j + 1) === x ? 2 : 1;
  }
  return i === a1 && j === b1;
}

/** Split a doubled line into its clean copy, or null when the line is not doubled. */
export function undoubleLine(text: string): string | null {
  const s = SPACE_ANY.test(text) ? text.replace(/\s+/gu, '') : text;
  if (s.length < 8 || s.length > 400) return null;
  const last = s.charCodeAt(s.length - 1);
  const lastDoublable = (CODE_SETS[last]! & IS_DOUBLABLE) !== 0;
  // Copy B starts where the first character recurs.
  for (let cut = s.indexOf(s[0]!, 4); cut >= 0 && cut <= s.length - 4; cut = s.indexOf(s[0]!, cut + 1)) {
    // Copy A ends as copy B does (or both end in punctuation that may be doubled).
    if (s.charCodeAt(cut - 1) !== last && !lastDoublable) continue;
    if (!sameCollapsed(s, 0, cut, cut, s.length)) continue;
    if (hanCount(s, 0, cut) < 4 || hanCount(s, cut, s.length) < 4) continue;
    // Keep the copy without doubled punctuation; if both have it, the collapsed form.
    const a = s.slice(0, cut);
    const b = s.slice(cut);
    const cb = collapsePunct(b);
    if (b === cb) return b;
    if (a === collapsePunct(a)) return a;
    return cb;
  }
  return null;
}

/** Three adjacent pairs of equal UTF-16 units somewhere in the text: the only texts worth the regex. */
function hasThreePairs(text: string): boolean {
  for (let i = 0; i + 5 < text.length; i++) {
    if (text.charCodeAt(i) === text.charCodeAt(i + 1) && text.charCodeAt(i + 2) === text.charCodeAt(i + 3) && text.charCodeAt(i + 4) === text.charCodeAt(i + 5)) return true;
  }
  return false;
}

/** Marks set as a pair by rule (the ellipsis and the dash are two em wide): their pair is no evidence of doubling. */
const PAIRED_MARKS = new Set(['…', '—', '―', '─', '⋯']);

/** Collapse runs of in-place doubled glyphs (≥ 3 pairs, ≥ 3 distinct characters besides the paired marks). */
export function undoubleGlyphs(text: string): string | null {
  if (!hasThreePairs(text)) return null;
  let changed = false;
  const out = text.replace(/((.)\2){3,}/gu, (run) => {
    const chars = Array.from(run);
    const single: string[] = [];
    for (let i = 0; i < chars.length; i += 2) single.push(chars[i]!);
    if (new Set(single.filter((c) => !PAIRED_MARKS.has(c))).size < 3) return run;
    changed = true;
    return single.join('');
  });
  return changed ? out : null;
}

/** The lines with doubled ones repaired (`lines` itself when none was doubled). */
export function repairDoubling(lines: WorkLine[], repairs: Repair[]): WorkLine[] {
  return mapChangedLines(lines, (line) => undoubled(line, repairs));
}

function undoubled(line: WorkLine, repairs: Repair[]): WorkLine {
  if (line.tooLong || line.text.length < 6) return line;
  const whole = undoubleLine(line.text);
  if (whole !== null) {
    repairs.push({ kind: 'doubled-line', lines: [line.n, line.n], before: line.text, after: whole });
    return { ...line, text: whole, width: displayWidth(whole), doubled: true };
  }
  const glyphs = undoubleGlyphs(line.text);
  if (glyphs !== null) {
    repairs.push({ kind: 'doubled-glyphs', lines: [line.n, line.n], before: line.text, after: glyphs });
    return { ...line, text: glyphs, width: displayWidth(glyphs), doubled: true };
  }
  return line;
}
