/**
 * Stage 2c — the two-em dash `——` as OCR reads it. Tesseract's Chinese
 * models read the dash before a subheadline or an attribution (——市卫生健康委
 * 召开工作推进会, ——习近平) as two 一 (`一一`), and a dash between words as a
 * hyphen and a 一 (`专项规划-一`, `刘万仓-一`, `难一-由于`): on our generated pages
 * every `——` that opens a line came out as `一一` (6 of 6 in a fresh set), and
 * in the dev pages' OCR text 17 of 18 hyphens against a 一 stood for `——` (the
 * other for a quote mark, wrong either way). Rules keyed to `——`
 * (subheadlines, kickers ending in a dash, attributions) then miss the line.
 * Each changed line is an `ocr-dash` repair.
 *
 * `一一` is also a word (一一握手, 一一粘贴 "one by one"), so it is read as a dash
 * only where a word cannot stand: opening a line of one phrase — no sentence
 * or clause mark anywhere in it (a subheadline or a credit line, not a
 * paragraph's text running on: the dev pages' plain text has two wrapped lines
 * opening with the word, both with commas) — and never in the middle or at
 * the end of a line. A hyphen against 一 is no Chinese spelling anywhere: it is read
 * as the dash wherever the other side is Han, CJK punctuation or the line's
 * edge.
 */
import { HAN_CLASS } from './chars.js';
import type { Repair } from './model.js';
import { repairEachLine, type WorkLine } from './work-line.js';

/** A hyphen and a 一, either way round, between Han (or a quote mark) and Han or the line's edge. */
const HYPHEN_ONE = new RegExp(String.raw`(?<=^|[${HAN_CLASS}“”」』])\s*(?:-一|一-)\s*(?=$|[${HAN_CLASS}“「『])`, 'gu');
/** `一一` opening a line, before Han. */
const OPENING_ONES = new RegExp(String.raw`^一一(?=[${HAN_CLASS}])`, 'u');
/** Chinese numerals: a hyphen between 一 and one of these is a range (一-三季度, 第一-第三名 reads 第一-第), not a dash. */
const NUMERALS = '一二三四五六七八九十百千万两第';

/** Is the hyphen of `dash` (matched at `at` in `t`) a range between numerals: 一-三 or 五-一, 第一-第三? */
function isNumeralRange(t: string, dash: string, at: number): boolean {
  const other = dash.trim() === '一-' ? t.charAt(at + dash.length) : t.charAt(at - 1);
  return other !== '' && NUMERALS.includes(other);
}

/** Any sentence or clause mark: the line is running text, where 一一 is the word (一一派送到各村，…). */
const RUNNING_TEXT = /[。！？，、；：!?,;:]/u;

/**
 * The line with OCR's readings of `——` put back, or the line itself.
 * `headline`: geometry set the line in headline type, where a mark opening it
 * is an opening quote OCR read as a hyphen (“一场… → -一场…) — a dash-led
 * subheadline or credit is set smaller — so its opening is left alone.
 */
export function repairDashLine(t: string, headline = false): string {
  let out = t.includes('-') ? t.replace(HYPHEN_ONE, (dash, at: number) => (headline && t.slice(0, at).trim() === '' ? dash : isNumeralRange(t, dash, at) ? dash : '——')) : t;
  if (!headline && OPENING_ONES.test(out) && !RUNNING_TEXT.test(out)) out = out.replace(OPENING_ONES, '——');
  return out;
}

export function repairOcrDashes(lines: WorkLine[], repairs: Repair[]): WorkLine[] {
  return repairEachLine(lines, 'ocr-dash', repairs, (line) => (line.text.includes('一') ? repairDashLine(line.text, line.hint?.display === 'headline') : line.text));
}
