/**
 * Spacing and dash repairs on text that is known to be prose (paragraphs,
 * headlines, subheadlines) — never on bylines, where spaces separate fields.
 * Each changed line is recorded as a repair.
 *
 * Mainland style puts no space between Han characters and digits or Latin
 * letters (GB/T 15835); the spaces in `7月 28 日` come from the extractor's
 * glyph-gap heuristics, so they are removed. Spaces between two Han
 * characters (`话百年虹桥史 谋发展新篇章`) and around operators (`线上 + 线下`)
 * are the author's and stay.
 */
import { HAN_CLASS } from './chars.js';
import type { Repair } from './model.js';

const SP = '[ \\t\\u00a0\\u3000]+';
const HAN_BEFORE_ALNUM = new RegExp(`(?<=[${HAN_CLASS}])${SP}(?=[0-9A-Za-z%])`, 'gu');
const ALNUM_BEFORE_HAN = new RegExp(`(?<=[0-9A-Za-z%])${SP}(?=[${HAN_CLASS}])`, 'gu');
const AFTER_FULLWIDTH = new RegExp(`(?<=[，。、；：？！”’）》」』】〕])${SP}`, 'gu');
// Only from the start of a run of spaces: tried from every space of a long run that ends in no
// punctuation, the match was quadratic (a bracket and 10,000 tabs took 2.5 s).
const BEFORE_FULLWIDTH = new RegExp(`(?<![ \\t\\u00a0\\u3000])${SP}(?=[，。、；：？！“‘（《「『【〔”’）》」』】〕])`, 'gu');
// Three or more em dashes (or box-drawing/horizontal-bar pairs) are one 2-em dash.
const DASH_RUN = /—{3,}|[―─]{2,}/gu;

const DASH_ANY = /[—―─]/u;
const SPACE_ANY = /[ \t\u00a0\u3000]/u;

export function removeExtractionSpaces(text: string): string {
  return text.replace(HAN_BEFORE_ALNUM, '').replace(ALNUM_BEFORE_HAN, '').replace(AFTER_FULLWIDTH, '').replace(BEFORE_FULLWIDTH, '');
}

export function normalizeDashes(text: string): string {
  return text.replace(DASH_RUN, '——');
}

/** Repair one line's prose text, recording each change against line `n`. */
export function repairProse(text: string, n: number, repairs: Repair[], keepSpacing: boolean): string {
  let out = text;
  const dashed = DASH_ANY.test(out) ? normalizeDashes(out) : out;
  if (dashed !== out) {
    repairs.push({ kind: 'dash-run', lines: [n, n], before: out, after: dashed });
    out = dashed;
  }
  if (!keepSpacing && SPACE_ANY.test(out)) {
    const spaced = removeExtractionSpaces(out);
    if (spaced !== out) {
      repairs.push({ kind: 'cjk-spacing', lines: [n, n], before: out, after: spaced });
      out = spaced;
    }
  }
  return out;
}
