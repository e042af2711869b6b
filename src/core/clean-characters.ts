/**
 * Stage 2 — character-level repairs that need no context: control characters
 * removed, Unicode NFC, full-width digits and Latin letters folded to ASCII.
 * Runs first so every later rule sees one spelling of "12" and "A". Full-width
 * punctuation and curly quotes are kept: they are how Chinese is printed.
 */
import { displayWidth } from './chars.js';
import type { InputLine, Repair } from './model.js';
import { MAX_LINE_CHARS, type WorkLine } from './work-line.js';

// C0 except tab, DEL, C1; zero-width characters that extraction leaves behind.
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b\u200c\u200d\u2060]/gu;
const FULLWIDTH_ALNUM = /[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]/gu;
const CONTROL_ANY = new RegExp(CONTROL.source, 'u');
const FULLWIDTH_ANY = new RegExp(FULLWIDTH_ALNUM.source, 'u');
// Characters outside the ranges NFC never changes on their own (Latin up to U+02FF, most
// punctuation, kana, CJK unified ideographs, Hangul syllables, full-width forms): only a
// line holding one of them can change under NFC (combining marks, compatibility ideographs
// U+F900–U+FAFF, supplementary planes, a few singletons such as U+2126).
const MAY_CHANGE_UNDER_NFC = /[^\u0000-\u02ff\u2002-\u2125\u2127-\u2129\u212c-\u2328\u232b-\u2fff\u3000-\u3098\u309b-\u9fff\uac00-\ud7a3\ufe00-\uffff]/u;

export function cleanCharacters(input: InputLine[], repairs: Repair[]): WorkLine[] {
  return input.map((line) => {
    const raw = line.text;
    if (raw.length > MAX_LINE_CHARS) {
      return { n: line.n, raw, text: raw, indent: false, width: raw.length, tooLong: true, ...(line.hint ? { hint: line.hint } : {}) };
    }
    let text = raw;
    const record = (kind: Repair['kind'], after: string) => {
      if (after !== text) {
        repairs.push({ kind, lines: [line.n, line.n], before: text, after });
        text = after;
      }
    };
    if (CONTROL_ANY.test(text)) record('control-chars', text.replace(CONTROL, ''));
    if (MAY_CHANGE_UNDER_NFC.test(text)) record('unicode-nfc', text.normalize('NFC'));
    if (FULLWIDTH_ANY.test(text)) record('fullwidth-alnum', text.replace(FULLWIDTH_ALNUM, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)));
    const indent = /^[\s\u3000]/u.test(text);
    const trimmed = text.replace(/^[\s\u3000]+|[\s\u3000]+$/gu, '');
    return {
      n: line.n,
      raw,
      text: trimmed,
      indent: indent && trimmed.length > 0,
      width: displayWidth(trimmed),
      ...(line.hint ? { hint: line.hint } : {}),
    };
  });
}
