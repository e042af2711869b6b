/**
 * Stage 2c — the two-em dash `——` as OCR reads it. Tesseract's Chinese
 * models read the dash before a subheadline or an attribution (——市卫生健康委
 * 召开工作推进会, ——习近平) as two 一 (`一一`), and a dash between words as a
 * hyphen and a 一 (`线路调整-一`, `王小明-一`, `慢一-因为`): on our generated pages
 * every `——` that opens a line came out as `一一` (6 of 6 in a fresh set), and
 * in the dev pages' OCR text 17 of 18 hyphens against a 一 stood for `——` (the
 * other for a quote mark, wrong either way). Rules keyed to `——`
 * (subheadlines, kickers ending in a dash, attributions) then miss the line.
 * Each changed line is an `ocr-dash` repair. At a short line's end Tesseract
 * reads the lead-in dash of a kicker or intertitle as one 一 or two
 * (改造过程一 ⏎ 边施工边看病; finalOnesAsDash).
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
import { CLASSIFY_TUNING as T } from './classify-tuning.js';
import { columnWidths } from './column-widths.js';
import type { InputLine, Repair } from './model.js';
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
export function repairDashLine(t: string, headline = false, ocr = true): string {
  let out = t.includes('-') ? t.replace(HYPHEN_ONE, (dash, at: number) => (headline && t.slice(0, at).trim() === '' ? dash : isNumeralRange(t, dash, at) ? dash : '——')) : t;
  if (ocr && !headline && OPENING_ONES.test(out) && !RUNNING_TEXT.test(out)) out = out.replace(OPENING_ONES, '——');
  return out;
}

/**
 * A hyphen against 一 is OCR's reading of `——` and no spelling (see above):
 * a text page that holds one is OCR output, though its other punctuation came
 * out full-width (Tesseract's Chinese models print `，。“”` as such, so the
 * ASCII-punctuation habit widen-cjk-punctuation looks for is not there). Not
 * one such pair in the born-digital renderings of the dev pages and the
 * generated tune set (about 80,000 lines of plain text, pdftotext and -layout).
 */
export function holdsOcrDashReading(input: readonly InputLine[]): boolean {
  for (const line of input) {
    const t = line.text;
    if (!t.includes('-') || !t.includes('一')) continue;
    for (const m of t.matchAll(HYPHEN_ONE)) if (!isNumeralRange(t, m[0], m.index)) return true;
  }
  return false;
}

/** `一` or `一一` closing a line of at least three Han: perhaps a lead-in dash (走访发现—— read as 走访发现一). */
const FINAL_ONES = new RegExp(String.raw`(?<=[${HAN_CLASS}]{3})一一?$`, 'u');

/** A line of Han only, but for the final ones: one phrase, no mark, no figure. */
const HAN_ONLY = new RegExp(String.raw`^[${HAN_CLASS}]+$`, 'u');

/**
 * Han that make a word with a final 一 (之一, 统一, 唯一, 合二为一, 这一, 最后一,
 * 星期一, 第一): there the 一 is the word's, never a dash.
 */
const WORD_BEFORE_ONE = new Set([...'之统唯惟合如为同单划专逐不其初周均纯归独另又每这那哪某任上下前后头期', ...NUMERALS]);

/**
 * A short line of one phrase ending in 一 or 一一 after three Han or more:
 * the lead-in dash of a kicker or an intertitle (社区走访—— ⏎ 服务送到门口),
 * which Tesseract reads as 一 at a line's end (7 of the dev pages' Tesseract
 * lines). A line of text that wraps there runs to its column's edge; one
 * this short (shortPairShare of the column, the measure of a headline pair)
 * stops where its phrase does. The line must be Han only and the 一 no
 * word's (WORD_BEFORE_ONE).
 */
function finalOnesAsDash(line: WorkLine, column: number): string | null {
  const t = line.text.trim();
  const m = FINAL_ONES.exec(t);
  if (!m || WORD_BEFORE_ONE.has(t.charAt(m.index - 1)) || !HAN_ONLY.test(t.slice(0, m.index))) return null;
  if (line.width > T.shortPairShare * column) return null;
  return line.text.slice(0, line.text.lastIndexOf(m[0])) + '——' + line.text.slice(line.text.lastIndexOf(m[0]) + m[0].length);
}

/**
 * The page's lines with OCR's readings of `——` put back. The hyphen against 一
 * is no spelling on any page (not one line of the born-digital renderings
 * changes). `一一` opening a line and the short line's final 一 are read as the
 * dash only on OCR pages (`ocr`): born-digital text opens lines with the word,
 * and a headline may end in one (百里挑一, 买一送一, 十选一), which no list of
 * words before 一 can hold in full.
 */
export function repairOcrDashes(lines: WorkLine[], repairs: Repair[], ocr = true): WorkLine[] {
  // Column widths only for pages with a candidate: they cost a pass over the page.
  const candidate = (l: WorkLine) => ocr && l.hint === undefined && !l.tooLong && l.text.endsWith('一');
  const columns = lines.some(candidate) ? columnWidths(lines) : null;
  const columnOf = new Map<WorkLine, number>();
  if (columns) lines.forEach((l, i) => candidate(l) && columnOf.set(l, columns[i]!));
  return repairEachLine(lines, 'ocr-dash', repairs, (line) => {
    if (!line.text.includes('一')) return line.text;
    const column = columnOf.get(line);
    const final = column !== undefined ? finalOnesAsDash(line, column) : null;
    return repairDashLine(final ?? line.text, line.hint?.display === 'headline', ocr);
  });
}
