/**
 * Stage 2 — character-level repairs that need no context: control characters
 * removed, Unicode NFC, radicals that stand for ideographs folded to them
 * (PDF text layers: ⼈ for 人), full-width digits and Latin letters folded to ASCII.
 * Runs first so every later rule sees one spelling of "12" and "A". Full-width
 * punctuation and curly quotes are kept: they are how Chinese is printed.
 */
import { displayWidth, isSpaceCode } from './chars.js';
import { foldLookalikes, foldRadicals, isLookalikeCode, isRadicalCode } from './cjk-radicals.js';
import { classifyCounts, countScript } from './detect-script.js';
import type { InputLine, Repair } from './model.js';
import { MAX_LINE_CHARS, newWorkLine, type WorkLine } from './work-line.js';

// C0 except tab, DEL, C1; zero-width characters that extraction leaves behind; the noncharacters
// U+FFFE and U+FFFF, which no text means and XML 1.0 forbids (TEI and METS output would be ill-formed).
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b\u200c\u200d\u2060\ufffe\uffff]/gu;
const FULLWIDTH_ALNUM = /[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]/gu;

function isControl(c: number): boolean {
  return c <= 0x08 || (c >= 0x0b && c <= 0x1f) || (c >= 0x7f && c <= 0x9f) || c === 0x200b || c === 0x200c || c === 0x200d || c === 0x2060 || c === 0xfffe || c === 0xffff;
}

function isFullwidthAlnum(c: number): boolean {
  return (c >= 0xff10 && c <= 0xff19) || (c >= 0xff21 && c <= 0xff3a) || (c >= 0xff41 && c <= 0xff5a);
}

/**
 * Outside the ranges NFC never changes on their own (Latin up to U+02FF, most
 * punctuation, kana, CJK unified ideographs, Hangul syllables, full-width
 * forms): only a line holding such a code unit can change under NFC
 * (combining marks, compatibility ideographs U+F900–U+FAFF, surrogates of the
 * supplementary planes, a few singletons such as U+2126).
 */
function mayChangeUnderNfc(c: number): boolean {
  return !(
    c <= 0x02ff || (c >= 0x2002 && c <= 0x2125) || (c >= 0x2127 && c <= 0x2129) || (c >= 0x212c && c <= 0x2328) ||
    (c >= 0x232b && c <= 0x2fff) || (c >= 0x3000 && c <= 0x3098) || (c >= 0x309b && c <= 0x9fff) ||
    (c >= 0xac00 && c <= 0xd7a3) || c >= 0xfe00
  );
}

const HAS_CONTROL = 1;
const HAS_NFC_CANDIDATE = 2;
const HAS_FULLWIDTH = 4;
const HAS_RADICAL = 8;
const HAS_LONG_DASH = 16;
const HAS_LOOKALIKE = 32;

/** The two- and three-em dashes (U+2E3A, U+2E3B) some fonts map one glyph to; Chinese text spells them —— and ———. */
const LONG_DASH = /[\u2e3a\u2e3b]/gu;

/** Which repairs a line may need, in one pass over its code units (nearly every line needs none). */
function needs(text: string): number {
  let flags = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // Printable ASCII and CJK unified ideographs (nearly every character) need nothing.
    if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x20 && c < 0x7f)) continue;
    if (isControl(c)) flags |= HAS_CONTROL;
    if (mayChangeUnderNfc(c)) flags |= HAS_NFC_CANDIDATE;
    if (isFullwidthAlnum(c)) flags |= HAS_FULLWIDTH;
    if (isRadicalCode(c)) flags |= HAS_RADICAL;
    if (c === 0x2e3a || c === 0x2e3b) flags |= HAS_LONG_DASH;
    if (isLookalikeCode(c)) flags |= HAS_LOOKALIKE;
  }
  return flags;
}

export function cleanCharacters(input: InputLine[], repairs: Repair[]): WorkLine[] {
  // Per-line loops in the stages are plain for loops rather than map callbacks:
  // V8 then optimises each loop once, with its function, instead of the callback
  // on its own first.
  // Made at its length, not grown by push: growing an array of a 50 MB page's 1.3 million lines
  // allocates ~14 MB more in copies, which only a full collection frees.
  const out = new Array<WorkLine>(input.length);
  const page: PageContext = { input, simplified: undefined };
  for (let i = 0; i < input.length; i++) out[i] = cleanLine(input[i]!, repairs, page);
  return out;
}

/** What a line's repair may need to know of the whole page, worked out only when asked. */
interface PageContext {
  input: InputLine[];
  simplified: boolean | undefined;
}

function pageIsSimplified(page: PageContext): boolean {
  if (page.simplified === undefined) {
    const counts = { hans: 0, hant: 0 };
    for (const l of page.input) countScript(l.text, counts);
    page.simplified = classifyCounts(counts) === 'hans';
  }
  return page.simplified;
}

function cleanLine(line: InputLine, repairs: Repair[], page: PageContext): WorkLine {
  const raw = line.text;
  if (raw.length > MAX_LINE_CHARS) return newWorkLine(line.n, raw, false, raw.length, line.hint, true);
  const flags = needs(raw);
  const text = flags === 0 ? raw : repaired(raw, flags, line.n, repairs, page);
  // trim() removes exactly what \s matches (U+3000 included).
  const trimmed = text.trim();
  const indent = trimmed.length > 0 && isSpaceCode(text.charCodeAt(0));
  return newWorkLine(line.n, trimmed, indent, displayWidth(trimmed), line.hint, undefined);
}

/** The repairs `flags` call for, in order, each recorded against line `n`. */
function repaired(raw: string, flags: number, n: number, repairs: Repair[], page: PageContext): string {
  let text = raw;
  const record = (kind: Repair['kind'], after: string) => {
    if (after !== text) {
      repairs.push({ kind, lines: [n, n], before: text, after });
      text = after;
    }
  };
  if (flags & HAS_CONTROL) record('control-chars', text.replace(CONTROL, ''));
  if (flags & HAS_NFC_CANDIDATE) record('unicode-nfc', text.normalize('NFC'));
  if (flags & HAS_RADICAL) record('cjk-radical', foldRadicals(text, text.includes('\u2f3e') && pageIsSimplified(page)));
  if (flags & HAS_LOOKALIKE) record('cjk-lookalike', foldLookalikes(text));
  if (flags & HAS_LONG_DASH) record('dash-run', text.replace(LONG_DASH, (d) => (d === '\u2e3a' ? '——' : '———')));
  if (flags & HAS_FULLWIDTH) record('fullwidth-alnum', text.replace(FULLWIDTH_ALNUM, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)));
  return text;
}
