/**
 * The prefix rule of eval: a dateline/byline prefix at the start of an
 * article's first paragraph is not body text for scoring.
 *
 * Why: gold transcribed from a printed page may keep the first paragraph as
 * printed — `本报北京2月1日电 （记者…）`, `【綜合報導】`, `（中央社記者…電）`,
 * `〔記者…／台北報導〕`, `新华社…电（记者…）` in front of the text — while the
 * parser cuts that prefix into `dateline` and `byline`, where it is scored as
 * a field. Comparing bodies as they are would charge those characters twice
 * (once in the field, once in bodyCER and in the pairing similarity), and only
 * on one side of the convention. So both sides, gold and predicted, lose the
 * prefix before their bodies are compared; a parser that leaves the prefix in
 * the paragraph is treated the same as one that cuts it.
 *
 * What counts as a prefix is decided from the article itself and the printed
 * conventions, never from strings of any page: the article's own `dateline`
 * and `byline.text` where the paragraph starts with them, and the marker
 * patterns the parser knows (DEFAULT_MARKERS: datelines such as 本报讯 or
 * 新华社…电, bracketed reporter credits).
 */
import { DEFAULT_MARKERS } from '../core/markers.js';
import { squash } from './similarity.js';

/** The printed conventions a prefix may consist of, tried at the start of the paragraph. */
const PREFIX_PATTERNS: readonly RegExp[] = [...DEFAULT_MARKERS.dateline, DEFAULT_MARKERS.bracketReporter];

/** Punctuation that may separate a dateline from the text (`本报讯：`), dropped with the prefix. */
const SEPARATOR = /^[：:，,、]+/u;

/**
 * A prefix is a dateline, a reporter credit and the article's own fields: a
 * few pieces. The cap keeps a paragraph made of many bracketed items from
 * being eaten piece by piece.
 */
const MAX_PIECES = 4;

/**
 * The paragraph text (whitespace removed) without its dateline/byline prefix.
 *
 * @param text the first paragraph's text.
 * @param own the article's own dateline and byline text (null/undefined when absent).
 */
export function stripBodyPrefix(text: string, own: readonly (string | null | undefined)[]): string {
  let rest = squash(text);
  const fields = own.map((f) => (f == null ? '' : squash(f))).filter((f) => f.length > 0);
  for (let piece = 0; piece < MAX_PIECES; piece++) {
    let cut = 0;
    const field = fields.find((f) => rest.startsWith(f));
    if (field !== undefined) cut = field.length;
    else {
      for (const pattern of PREFIX_PATTERNS) {
        const m = pattern.exec(rest);
        if (m && m.index === 0 && m[0].length > 0) {
          cut = m[0].length;
          break;
        }
      }
    }
    if (cut === 0) break;
    rest = rest.slice(cut);
    rest = rest.replace(SEPARATOR, '');
  }
  return rest;
}
