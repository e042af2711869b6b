/**
 * Lines set in body type although they are short and unpunctuated like a
 * headline: a dateline (本报讯, 新华社北京2月1日电), a reporter bracket
 * (〔記者…／台北報導〕), a byline or photo credit (本报记者 林晓, 杜华举摄,
 * 张华摄（本报）, 【■王小明／】), a credit line (撰文：…, （編輯：…）), a
 * bracketed sign-off or column label ((街道党政办)). Readers that estimate
 * type sizes from text alone (pdftotext -layout) ask this before calling a
 * short line display type, and classify-lines before keeping a headline line
 * that closes the story above (creditOverHeadline). It reads the page's
 * marker set, so a newspaper profile's own conventions (its role words,
 * credit labels, datelines) count too.
 */
import { matchesAny, mayBeBracketReporter, type MarkerSet } from './markers.js';
import { parseByline } from './parse-byline.js';

/** An opening bracket with no closing one after it: the first line of a bracketed credit or label wrapped over two lines. */
const UNCLOSED_BRACKET = /^[（(〔【［[][^）)〕】］\]]*$/u;

export function isCreditLine(text: string, markers: MarkerSet): boolean {
  const t = text.trim();
  if (t === '') return false;
  return (
    matchesAny(markers.dateline, t) ||
    (mayBeBracketReporter(markers, t) && markers.bracketReporter.test(t)) ||
    markers.signoff.test(t) ||
    UNCLOSED_BRACKET.test(t) ||
    markers.bylineRole.test(t) ||
    markers.creditLabel.test(t) ||
    parseByline(t, markers) !== null
  );
}
