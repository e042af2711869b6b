/**
 * Character classes, each with the reason it exists. Every rule that looks at
 * punctuation takes its sets from here, so a change of policy is one edit.
 */

/**
 * Han ideographs (both scripts), as the body of a character class. Written
 * as ranges rather than \p{Script=Han}: V8 compiles a Unicode-property class
 * in about a millisecond, and with a few dozen patterns that was most of the
 * CLI's start-up. Covers the radicals, 々 〇 〡-〩, Extension A, the unified
 * block, compatibility ideographs and the supplementary planes.
 */
export const HAN_CLASS = String.raw`\u2e80-\u2fdf\u3005\u3007\u3021-\u3029\u3038-\u303b\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u{20000}-\u{323af}`;

/** Is the code point a Han ideograph (the ranges of HAN_CLASS)? */
export function isHanCodePoint(cp: number): boolean {
  return (
    (cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0x3400 && cp <= 0x4dbf) || (cp >= 0x2e80 && cp <= 0x2fdf) || cp === 0x3005 || cp === 0x3007 ||
    (cp >= 0x3021 && cp <= 0x3029) || (cp >= 0x3038 && cp <= 0x303b) || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0x20000 && cp <= 0x323af)
  );
}

/** One Han ideograph. */
export const HAN = new RegExp(`[${HAN_CLASS}]`, 'u');

/**
 * Whether `text` holds a Han ideograph: HAN.test by code point. The class's
 * supplementary-plane range makes HAN a large regex to compile (about 0.2 ms
 * for both of V8's tiers), and the CLI's one page tests only a few strings.
 */
export function holdsHan(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const cp = text.codePointAt(i)!;
    if (isHanCodePoint(cp)) return true;
    if (cp > 0xffff) i++;
  }
  return false;
}

/**
 * Whether `text` has a run of at least `min` spaces (U+0020) with a
 * non-space on each side (isSpaceCode, the class \s): /\S {min,}\S/.test(text) by code unit. Asked of
 * every line by the column splitters, on a page that is usually one column.
 */
export function hasSpaceGap(text: string, min: number): boolean {
  // indexOf finds the leftmost run of `min`, so the unit before it is no space; a line with no such run costs one native search.
  const run = ' '.repeat(min);
  for (let i = text.indexOf(run); i !== -1; i = text.indexOf(run, i)) {
    let j = i + min;
    while (j < text.length && text.charCodeAt(j) === 0x20) j++;
    if (i > 0 && j < text.length && !isSpaceCode(text.charCodeAt(i - 1)) && !isSpaceCode(text.charCodeAt(j))) return true;
    i = j;
  }
  return false;
}

/**
 * Characters treated as CJK when joining wrapped lines. Includes the East Asian
 * Width "Ambiguous" punctuation Chinese text uses (“ ” ‘ ’ · — … □), which the
 * CSS/pandoc rule would wrongly treat as Latin and join with a space.
 */
export const CJKISH = new RegExp(String.raw`[${HAN_CLASS}\u3000-\u303f\uff00-\uffef“”‘’·—…□■○●◎◆◇▲△☆★☉\u3040-\u30ff]`, 'u');

/** Sentence-final marks: a line ending in one of these (plus closers) may end a paragraph. Not ；or ：. */
export const TERMINAL = '。！？!?';

/** Closing quotes/brackets that may follow a sentence-final mark (“…。” ends a sentence too). */
export const CLOSERS = '”’」』）)》〉】〕〗';

/** Openers: a typesetter never ends a line with one (clreq line-end prohibition), so a wrap follows. */
export const OPENERS = '“‘「『（(《〈【〔〖';

/**
 * Characters a typesetter never puts at a line start (clreq line-start
 * prohibition): seeing one at a line start proves the line continues the one before.
 */
export const NO_LINE_START = '，。、；：？！”’）》」』】〕〗〉·…,.;:?!)';

/** Full-width punctuation next to which extraction spaces are always noise. */
export const FULLWIDTH_PUNCT = '，。、；：？！“”‘’（）《》「」『』【】〔〕〖〗〈〉';

/** Byline markers printed before a byline (□ in mainland community papers; OCR often reads □ as 口). */
export const BYLINE_MARKERS = '□■◎●○◆◇▲△☆★☉';

/** Dash characters that runs of form 副题 prefixes and 2-em dashes (OCR reads ― as - or 一). */
export const DASHES = '—―─－-';

export function escapeClass(chars: string): string {
  return chars.replace(/[\]\\^-]/g, '\\$&');
}

/**
 * Sets of BMP characters, asked about for every line (and some for every
 * character): one table indexed by UTF-16 code unit, a bit per set, so that a
 * lookup allocates no one-character string. One table for all of them: a
 * 64 KB table per set (there were nine) was zeroed and paged in by every run,
 * ~48 page faults of a one-page run's ~4,400 more than one table.
 */
export const CODE_SETS = new Uint16Array(0x10000);
let nextSetBit = 1;

/** Enters `chars` in CODE_SETS as a set of its own: the bit its characters carry there (`CODE_SETS[c] & bit`). */
export function codeSet(chars: string): number {
  if (nextSetBit > 0x8000) throw new Error('CODE_SETS holds 16 sets: make it wider for more');
  const bit = nextSetBit;
  nextSetBit *= 2;
  for (let i = 0; i < chars.length; i++) CODE_SETS[chars.charCodeAt(i)]! |= bit;
  return bit;
}

const IS_TERMINAL = codeSet(TERMINAL);
const IS_CLOSER = codeSet(CLOSERS);
const IS_NO_LINE_START = codeSet(NO_LINE_START);

/**
 * Marks of running text — a clause's comma or pause, a sentence's full stop
 * or semicolon, full-width or ASCII: a headline's phrase, a byline, a
 * masthead or a date holds none; a line of running text nearly always does.
 */
export const RUNNING_TEXT_MARK = /[，。、；,;]/u;

/** Each opener's closer: OPENERS[k] is closed by CLOSERS[k]. */
const CLOSER_OF: ReadonlyMap<string, string> = new Map([...OPENERS].map((open, k) => [open, CLOSERS[k]!]));

/** The closer of the last bracket or quote `text` opens and does not close, or null. */
export function leftOpen(text: string): string | null {
  const open: string[] = [];
  for (const ch of text) {
    const closer = CLOSER_OF.get(ch);
    if (closer !== undefined) open.push(closer);
    else if (open.length > 0 && ch === open[open.length - 1]) open.pop();
  }
  return open[open.length - 1] ?? null;
}

/** `text` closes a bracket or quote it did not open: it is the tail of text above (a credit's …心）). */
export function closesUnopened(text: string): boolean {
  const open: string[] = [];
  for (const ch of text) {
    const closer = CLOSER_OF.get(ch);
    if (closer !== undefined) open.push(closer);
    else if ((CODE_SETS[ch.charCodeAt(0)]! & IS_CLOSER) !== 0 && ch.length === 1) {
      if (open[open.length - 1] !== ch) return true;
      open.pop();
    }
  }
  return false;
}

/** A line ending in a lead-in dash (——): a kicker or an intertitle leading into what follows it. */
export function endsInLeadInDash(text: string): boolean {
  return text.trimEnd().endsWith('——');
}

/** The text starts with a character that never starts a printed line, so it continues the line before. */
export function startsWithNoLineStart(text: string): boolean {
  return (CODE_SETS[text.charCodeAt(0)]! & IS_NO_LINE_START) !== 0;
}

/** What \s and String.prototype.trim treat as white space, by code unit. */
export function isSpaceCode(c: number): boolean {
  return (
    c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

/**
 * The line ends a sentence (。 ！ ？ or …… , optionally followed by closing
 * quotes/brackets). On pages punctuated the old way, with 、 as the only mark
 * (`pauseEnds`, see detect-punctuation-style.ts), a final 、 may end one too.
 * A loop from the end rather than a regex: it runs for nearly every line.
 */
export function endsSentence(text: string, pauseEnds = false): boolean {
  let i = text.length - 1;
  while (i >= 0 && isSpaceCode(text.charCodeAt(i))) i--;
  while (i >= 0 && (CODE_SETS[text.charCodeAt(i)]! & IS_CLOSER) !== 0) i--;
  if (i < 0) return false;
  const c = text.charCodeAt(i);
  return (CODE_SETS[c]! & IS_TERMINAL) !== 0 || (c === 0x2026 && text.charCodeAt(i - 1) === 0x2026) || (pauseEnds && c === 0x3001); // … 、
}

/**
 * Display width in em: CJK and full-width forms count 1, ASCII and other
 * narrow characters 0.5. Column widths and indents are measured in this unit.
 * Counts code points (a surrogate pair is one character, width 1).
 */
export function displayWidth(text: string): number {
  let w = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        i++;
        w += 1;
        continue;
      }
    }
    w += c < 0x1100 || (c >= 0xff61 && c <= 0xffdc) ? (c === 0xb7 ? 1 : 0.5) : 1;
  }
  return w;
}

/** Characters counted by the "nothing lost" invariant: everything but whitespace. */
export function significantChars(text: string): string {
  return text.replace(/\s+/gu, '');
}

/** What sentenceEndsNear looks for. */
const SENTENCE_END_OR_COMMA = new Set('。！？!?，、,');
/** Line breaks, which `.` does not cross: /^.{0,3}[…]/u stops at one. */
const LINE_BREAK = new Set('\n\r\u2028\u2029');

/**
 * A sentence end or comma among the first four characters of `text` — what /^.{0,3}[。！？!?，、,]/u
 * tests, by code point. A loop, not that regex: under the u flag `.{0,3}` is 5 KB of regex bytecode,
 * compiled on every first page for a test that most pages ask once.
 */
export function sentenceEndsNear(text: string): boolean {
  let seen = 0;
  for (const ch of text) {
    if (SENTENCE_END_OR_COMMA.has(ch)) return true;
    if (LINE_BREAK.has(ch) || ++seen === 4) return false;
  }
  return false;
}
