/**
 * Stage 4 — give every line a role. Runs after the character and doubling
 * repairs (a doubled headline must already be one copy) and before any
 * spacing repair (spaces separate byline fields).
 *
 * Three passes, like block rules with a catch-all:
 *  1. context-free patterns claim what they can prove alone (furniture,
 *     bylines, datelines, sign-offs, jump lines, display lines);
 *  2. the header zone at the top of the page gives short isolated lines to
 *     page furniture (masthead, section names);
 *  3. the rest are read top-down with their neighbours: a line continues the
 *     sentence before it, starts a paragraph, is an in-article subheading, or
 *     is part of a headline block. `body` always claims.
 */
import { CLOSERS, CODE_SETS, holdsHan, HAN_CLASS, closesUnopened, codeSet, displayWidth, endsInLeadInDash, endsSentence, RUNNING_TEXT_MARK, sentenceEndsNear, startsWithNoLineStart } from './chars.js';
import { AFTERWORD_LABEL, ATTRIBUTION, CAPTION_IN_TEXT, CROSS_REFERENCE, SERIAL_NUMBER, isBoxLabel, isDateLine, matchesAny, mayBeBracketReporter, mayBeJump, possibleMatches, type MarkerSet } from './markers.js';
import type { Byline, FurnitureRole } from './model.js';
import { parseByline } from './parse-byline.js';
import { isCreditLine } from './credit-line.js';
import type { WorkLine } from './work-line.js';
import { columnWidths } from './column-widths.js';
import { CLASSIFY_TUNING } from './classify-tuning.js';
import { bigramList, recall, type Bigram } from './bigrams.js';

const T = CLASSIFY_TUNING;

export type Role =
  | 'blank'
  | 'overlong'
  | 'furniture'
  | 'kicker'
  | 'title'
  | 'subheadline'
  | 'display'
  | 'byline'
  | 'dateline'
  | 'body'
  | 'subheading'
  | 'signoff'
  | 'jump'
  | 'endmark';

export interface DatelineParts {
  marker: string;
  /** A bracketed reporter right after the marker: （记者 张三）. */
  reporter: Byline | null;
  /** The text after marker and reporter: the start of the first paragraph. */
  rest: string;
}

export interface ClassifiedLine extends WorkLine {
  role: Role;
  /** Name of the rule that claimed the line (kept in article evidence). */
  rule: string;
  furniture?: FurnitureRole;
  byline?: Byline;
  dateline?: DatelineParts;
  /** Bracket content of a sign-off / jump line. */
  inner?: string;
  /** A title line that starts a new headline block (after a subheadline, or indented). */
  newGroup?: boolean;
  /** A line that is a paragraph of its own (a part's byline or sign-off kept in the text of a joined story). */
  standalone?: boolean;
  /** Local column width in em. */
  column: number;
  /** See headlineShape(). */
  shape: number;
}

export function parseDateline(text: string, markers: MarkerSet): DatelineParts | null {
  // Most lines carry no dateline: one combined match rules them all out (and their literal starts most of them).
  const candidates = matchesAny(markers.dateline, text) ? possibleMatches(markers.dateline, text) : [];
  for (const re of candidates) {
    const m = re.exec(text);
    if (!m) continue;
    let rest = text.slice(m[0].length).replace(/^[\s\u3000]+/u, '');
    let reporter: Byline | null = null;
    const r = mayBeBracketReporter(markers, rest) ? markers.bracketReporter.exec(rest) : null;
    if (r) {
      reporter = parseByline(r[0], markers);
      if (reporter) rest = rest.slice(r[0].length).replace(/^[\s\u3000]+/u, '');
    }
    return { marker: m[0], reporter, rest };
  }
  // A reporter bracket that opens a paragraph with no dateline before it: 〔記者X／台北報導〕司法院…
  const r = mayBeBracketReporter(markers, text) ? markers.bracketReporter.exec(text) : null;
  if (r) {
    const reporter = parseByline(r[0], markers);
    const rest = text.slice(r[0].length).replace(/^[\s\u3000]+/u, '');
    if (reporter && rest !== '') return { marker: '', reporter, rest };
  }
  return null;
}



const furniturePatterns = new WeakMap<MarkerSet['furniture'], RegExp[]>();

function isFurniture(t: string, markers: MarkerSet): boolean {
  let patterns = furniturePatterns.get(markers.furniture);
  if (!patterns) furniturePatterns.set(markers.furniture, (patterns = markers.furniture.map((f) => f.pattern)));
  return matchesAny(patterns, t);
}

/** The geometry rule's name for the furniture limit. */
const FURNITURE_MAX_WIDTH = CLASSIFY_TUNING.furnitureMaxWidth;

/** A pass-1 rule: claims `line` (sets its role and rule name) and returns true, or passes. */
type PatternRule = (line: ClassifiedLine, markers: MarkerSet) => boolean;

function claim(line: ClassifiedLine, role: Role, rule: string): true {
  line.role = role;
  line.rule = rule;
  return true;
}

const overlong: PatternRule = (line) => line.tooLong === true && claim(line, 'overlong', 'overlong');
const blank: PatternRule = (line) => line.text === '' && claim(line, 'blank', 'blank');
const doubledDisplay: PatternRule = (line) => line.doubled === true && claim(line, 'display', 'doubled-display');

/** Furniture lines are short; a bracket-only line (end mark, sign-off) starts with its bracket. */
const furniture: PatternRule = (line, markers) => {
  if (line.width > FURNITURE_MAX_WIDTH) return false;
  const t = line.text;
  if (isFurniture(t, markers)) {
    const f = markers.furniture.find((f) => f.pattern.test(t))!;
    line.furniture = f.role;
    return claim(line, 'furniture', `furniture-${f.role}`);
  }
  if (isDateLine(t)) {
    line.furniture = 'date';
    return claim(line, 'furniture', 'furniture-date');
  }
  return false;
};

// No pre-filter of our own in the rules below: a profile's pattern (^见第[0-9]+版$, a sign-off
// without brackets) must reach its rule.
const endmark: PatternRule = (line, markers) => markers.endmark.test(line.text) && claim(line, 'endmark', 'endmark');

/**
 * A jump line without brackets names its page: 第, 版/页/面, or a page code in
 * digits or letters (转第二版, 轉A5). A headline's line that starts with the
 * word's 轉 and a numeral (轉山城 推動…, the tail of 玩轉山城 wrapped) names none.
 */
const NAMES_PAGE = /第|版|页|頁|面|[0-9０-９A-Z]/u;

const jump: PatternRule = (line, markers) => {
  if (!mayBeJump(markers, line.text) || !markers.jump.test(line.text)) return false;
  if (!/^[（(]/u.test(line.text) && !NAMES_PAGE.test(line.text)) return false;
  line.inner = line.text.replace(/^[（(]\s*|\s*[）)]$/gu, '');
  return claim(line, 'jump', 'jump');
};

const dateline: PatternRule = (line, markers) => {
  const parts = parseDateline(line.text, markers);
  if (!parts) return false;
  line.dateline = parts;
  return claim(line, 'dateline', 'dateline');
};

const byline: PatternRule = (line, markers) => {
  const parsed = parseByline(line.text, markers);
  if (!parsed) return false;
  line.byline = parsed;
  return claim(line, 'byline', parsed.role ? 'byline' : 'photo-credit');
};

const crossReference: PatternRule = (line) => CROSS_REFERENCE.test(line.text) && claim(line, 'body', 'cross-reference');

const boxLabel: PatternRule = (line) => isBoxLabel(line.text) && claim(line, 'subheading', 'box-label');

/** The frame of a boxed label as OCR reads it, at the line's sides: | (城市新观察) |, [_ (乡村行). */
const OCR_BOX_FRAME = /^[|\[_]+\s*(?=[（(])|(?<=[）)])\s*[|\]]+$/gu;

const bracketedSignoff: PatternRule = (line, markers) => {
  // The frame is ink of the box, not text: the bracket inside it is read as printed, the line keeps its text.
  const plain = markers.signoff.exec(line.text);
  const signoff = plain ?? (/^[|[_]/u.test(line.text) ? markers.signoff.exec(line.text.replace(OCR_BOX_FRAME, '')) : null);
  if (!signoff || markers.notSignoff.test(signoff[1]!) || !holdsHan(signoff[1]!)) return false;
  line.inner = signoff[1]!;
  return claim(line, 'signoff', plain ? 'bracketed-signoff' : 'framed-bracket');
};

/**
 * Pass 1, in order: the first rule that claims a line decides it (markdown-it's
 * block rules are the model). The context-free patterns come first, then the
 * role the layout stages gave a positioned line by geometry; a line none of
 * them claims goes on to passes 2 and 3, where `body` is the catch-all.
 */
const PATTERN_RULES: readonly PatternRule[] = [overlong, blank, doubledDisplay, furniture, endmark, jump, dateline, boxLabel, byline, crossReference, bracketedSignoff];

/** Pass 1: give `line` the role a context-free pattern proves, if any; false when none does. */
function claimStrongRole(line: ClassifiedLine, markers: MarkerSet): boolean {
  for (const rule of PATTERN_RULES) if (rule(line, markers)) return true;
  return false;
}

/**
 * Pass 1, positioned pages: the role the layout stages gave a line by its
 * type size and place (src/core/layout), for the lines no pattern claimed.
 * A furniture strip line with no furniture pattern is the masthead (or a
 * section name); a dash-led line in the headline stack stays for the
 * subheadline rule.
 */
function claimByGeometry(line: ClassifiedLine, markers: MarkerSet, titleAbove = true): boolean {
  const display = line.hint?.display;
  if (display === undefined || display === 'body') return false;
  // A page number or date standing alone over a headline is furniture whatever its place (第3版 above the first story).
  if ((display === 'kicker' || display === 'label') && line.width <= FURNITURE_MAX_WIDTH && (isFurniture(line.text, markers) || isDateLine(line.text))) return false;
  if (display === 'furniture') {
    line.role = 'furniture';
    line.furniture = furnitureRoleOf(line, markers);
    line.rule = 'furniture-strip';
    return true;
  }
  // A subheadline stands under a headline: a dash-led first headline line is the headline (OCR reads an opening “ as -).
  if (markers.subheadlinePrefix.test(line.text) && display !== 'kicker' && (display !== 'headline' || titleAbove)) {
    line.role = 'subheadline';
    line.rule = 'geometry-dash-subheadline';
    return true;
  }
  if (display === 'label') {
    line.role = 'furniture';
    line.furniture = 'label';
    line.rule = 'geometry-column-label';
    return true;
  }
  // An intertitle find-intertitles kept in its story (a display line between its paragraphs).
  if (display === 'intertitle') {
    line.role = 'subheading';
    line.rule = 'geometry-intertitle';
    // Each block of it is a subheading of its own (a lead-in line over the intertitle is one, as printed).
    if (line.hint?.blockStart === true) line.standalone = true;
    return true;
  }
  line.role = display === 'headline' ? 'title' : display;
  line.rule = `geometry-${display}`;
  // A block's first line opens a new part of the headline stack; the lines after it continue that part.
  line.newGroup = line.hint?.blockStart === true;
  return true;
}

/**
 * A fact-box line: a short field name, a colon, and a value with figures
 * (查询：1234 5678, 售價：$3,280 起, 营业时间：每日9时至17时). A headline with a
 * colon names a column or speaker instead (林志成專欄：…) and has no figures.
 * Tesseract often sets a space before the colon (售價 : $3,280): the line is the same field.
 */
export const INFO_LINE = new RegExp(String.raw`^[${HAN_CLASS}]{2,4}[ \u3000]?[：:].*[0-9０-９]`, 'u');

/** What a line of the furniture strip is: by the furniture patterns, else the masthead or a section name. */
function furnitureRoleOf(line: ClassifiedLine, markers: MarkerSet): FurnitureRole {
  const t = line.text;
  if (isFurniture(t, markers)) return markers.furniture.find((f) => f.pattern.test(t))!.role;
  if (isDateLine(t)) return 'date';
  return markers.section.test(t) ? 'section' : 'masthead';
}

/** A headline line never ends with a mark that opens a clause or a quotation. */
const OPEN_END = codeSet('，、：,:（(“‘「『《');

/** A line display type may be: not empty, not a fact-box line, no open end, no mark that never starts a line. */
function couldOpenDisplay(line: WorkLine): boolean {
  const t = line.text;
  return t !== '' && !line.tooLong && !startsWithNoLineStart(t) && (CODE_SETS[t.charCodeAt(t.length - 1)]! & OPEN_END) === 0 && !INFO_LINE.test(t);
}

/**
 * The part of "could this line be a headline?" that depends on its text
 * alone, found in one pass (it is asked of most lines up to three times):
 * 0 when it cannot be — sentence punctuation, two commas or two 、 (a list in
 * running text), an open end, a character that never starts a line —
 * otherwise 1 + its number of commas.
 */
function headlineShape(line: WorkLine): number {
  return couldOpenDisplay(line) ? punctuationShape(line.text) : 0;
}

/**
 * headlineShape's pass over the characters, a function of its own: V8 optimises the loop that runs
 * hot, and compiling it alone costs a fraction of compiling it with couldOpenDisplay and its regex
 * inlined (on a one-page run that compiling is CPU spent for nothing).
 */
function punctuationShape(t: string): number {
  let commas = 0;
  let pauses = 0;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    // 。 ； ！ ？ ! ? ;
    if (c === 0x3002 || c === 0xff1b || c === 0xff01 || c === 0xff1f || c === 0x21 || c === 0x3f || c === 0x3b) return 0;
    if (c === 0xff0c || c === 0x2c) commas++; // ， ,
    else if (c === 0x3001) pauses++; // 、
  }
  return commas > 1 || pauses > 1 ? 0 : 1 + commas;
}

/**
 * A headline may end in ？ or ！ (週末去哪裡玩？); headlineShape rules out every
 * line with sentence punctuation, so this is asked only where a byline or
 * dateline right under the line says a story starts there: one final ？/！,
 * nothing else that ends a sentence, at most one comma, short of the column.
 */
function askingTitle(line: ClassifiedLine): boolean {
  const t = line.text;
  const last = t.charCodeAt(t.length - 1);
  if (last !== 0xff1f && last !== 0xff01 && last !== 0x3f && last !== 0x21) return false;
  if (line.width > T.headlineShare * line.column || startsWithNoLineStart(t) || INFO_LINE.test(t)) return false;
  let commas = 0;
  for (let i = 0; i < t.length - 1; i++) {
    const c = t.charCodeAt(i);
    if (c === 0x3002 || c === 0xff1b || c === 0xff01 || c === 0xff1f || c === 0x21 || c === 0x3f || c === 0x3b) return false;
    if (c === 0xff0c || c === 0x2c) commas++;
  }
  return commas <= 1;
}

/** Could this line be (part of) a headline in a column this wide? No sentence punctuation, no open clause, not too wide. */
function titleLike(line: ClassifiedLine, column: number): boolean {
  const shape = line.shape;
  if (shape === 0) return false;
  if (shape === 2 && line.width > T.commaTitleShare * column) return false;
  return line.width <= Math.max(column * T.titleMaxColumns, T.titleMaxWidth);
}

/**
 * A line wider than its column (see CLASSIFY_TUNING.widerThanColumn) that
 * reads as display type: no sentence inside (。；), at most one comma, no
 * open end. A headline set on one line may hold ！ or ？ (星巴克買一送一！兩款入列);
 * a wrapped body line that wide never is. Two other things make a line that
 * wide: plain pdftotext joining two columns' lines at a space (the left part
 * one column wide: split-joined-columns' join point), on a page where it did
 * so elsewhere (`joinedColumns`: a headline's phrases may well split at a
 * column's width), and letter-spacing a justified line (a space between most
 * characters); neither is a headline.
 */
function widerThanColumn(line: ClassifiedLine, joinedColumns: boolean): boolean {
  if (joinedColumns || line.hint !== undefined || line.width <= line.column + T.widerThanColumn) return false;
  const t = line.text;
  // A line wholly in brackets is a column's name or a note: no headline.
  if (!couldOpenDisplay(line) || WHOLLY_BRACKETED.test(t)) return false;
  let commas = 0;
  let pauses = 0;
  let spaces = 0;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c === 0x3002 || c === 0xff1b || c === 0x3b) return false; // 。 ； ;
    if (c === 0xff0c || c === 0x2c) commas++;
    else if (c === 0x3001) pauses++;
    else if (c === 0x20 || c === 0x3000) spaces++;
  }
  return commas <= 1 && pauses <= 1 && spaces <= T.displayPhraseSpaces && !joinedColumns;
}

/**
 * `work` itself, made a ClassifiedLine ready for the passes: its column and
 * shape set, every other classification field reset (for a line classified
 * before). It writes into its argument and returns it, not a copy, and that
 * is on purpose: classify-lines runs on every line of a page, and copying
 * each (a spread into a new array, the same output) raised the peak RSS of a
 * 52 MB page of 1.34 million lines from 1.18 to 1.47 GB (issue 14 asks a page
 * to need at most 6× its size). newWorkLine makes each line with
 * these fields already in it, so writing them keeps the line's shape for V8.
 * Safe because the lines classify-lines is given are its own: pipeline's
 * prepare() makes them for this one call, and nothing reads them as
 * WorkLines after it.
 */
function resetInPlace(work: WorkLine, column: number): ClassifiedLine {
  const line = work as ClassifiedLine;
  line.column = column;
  line.shape = headlineShape(work);
  line.role = 'body';
  line.rule = '';
  line.furniture = undefined;
  line.byline = undefined;
  line.dateline = undefined;
  line.inner = undefined;
  line.newGroup = undefined;
  line.standalone = undefined;
  return line;
}

const CLOSING_QUOTE_END = new RegExp(`[${CLOSERS}]$`, 'u');

export interface ClassifyOptions {
  /** Look for a header zone at the top of the stream (the page's top; not inside a story cut out by geometry). */
  headerZone?: boolean;
  /**
   * The page's lines are not one hard-wrapped stream: split-layout-columns read
   * its columns side by side, or split-joined-columns found lines holding two
   * columns' text (a wide line may be one more of those, or a piece across a
   * column edge).
   */
  joinedColumns?: boolean;
}

/**
 * Gives every line of `lines` its role, in place: the array returned is
 * `lines`, each line now a ClassifiedLine (why not copies: resetInPlace).
 */
export function classifyLines(lines: WorkLine[], markers: MarkerSet, pauseEnds = false, options: ClassifyOptions = {}): ClassifiedLine[] {
  const columns = columnWidths(lines);
  // The same array and the same line objects, classified in place (see resetInPlace).
  const out = lines as ClassifiedLine[];
  // At its length (one entry a line, set in pass 1): grown by push it allocated ~14 MB more on a 50 MB page.
  const resolved = new Array<boolean>(lines.length);
  let titleAbove = false;
  for (let i = 0; i < lines.length; i++) {
    const line = resetInPlace(lines[i]!, columns[i]!);
    // Geometry's furniture, labels, kickers and headlines come before the text patterns (a column
    // label （社区观察） reads like a sign-off); a subheadline-sized line may still be a byline.
    const geometryFirst = line.hint?.display !== undefined && line.hint.display !== 'body' && line.hint.display !== 'subheadline';
    resolved[i] = geometryFirst ? claimByGeometry(line, markers, titleAbove) || claimStrongRole(line, markers) : claimStrongRole(line, markers) || claimByGeometry(line, markers, titleAbove); // pass 1
    if (line.role === 'title') titleAbove = true;
  }
  if (options.headerZone !== false) claimHeaderZone(out, resolved, markers);
  claimIsolatedSections(out, resolved, markers);
  readInContext(out, resolved, markers, pauseEnds, options.joinedColumns === true);
  claimUnfinishedPairs(out, pauseEnds);
  keepTrailingCredits(out, markers, pauseEnds);
  claimWrappedHeadlineHeads(out, pauseEnds);
  return out;
}

// The passes are separate functions, each small: they run for every line of
// every page, and V8 optimises (and, when its guesses fail, re-optimises)
// small functions far more cheaply than one large one.

function toFurniture(line: ClassifiedLine, furniture: FurnitureRole, rule: string): void {
  line.role = 'furniture';
  line.furniture = furniture;
  line.rule = rule;
}

const isBlankOrFurniture = (l: ClassifiedLine) => l.role === 'blank' || l.role === 'furniture';

/**
 * Pass 2: the header zone. Short lines at the top of the page, up to the
 * last furniture line there, are furniture too (masthead, section name);
 * after it, a short line standing alone between blank lines still is.
 */
function claimHeaderZone(out: ClassifiedLine[], resolved: boolean[], markers: MarkerSet): void {
  let zoneEnd = -1;
  for (let i = 0, seen = 0; i < out.length && seen < T.headerZoneLines; i++) {
    const l = out[i]!;
    if (l.role === 'blank') continue;
    seen++;
    if (l.role === 'furniture') zoneEnd = i;
    else if (!(headerItemsWidth(l) <= T.headerLineWidth && !/[。，；！？]/u.test(l.text) && !resolved[i])) break;
  }
  // The first header line that is not a section name is the masthead; any later one is a section name.
  let masthead = false;
  const claim = (line: ClassifiedLine, i: number) => {
    const section = markers.section.test(line.text);
    toFurniture(line, section || masthead ? 'section' : 'masthead', section ? 'header-section' : 'header-zone');
    if (!section) masthead = true;
    resolved[i] = true;
  };
  for (let i = 0; i <= zoneEnd; i++) {
    if (out[i]!.role !== 'blank' && !resolved[i]) claim(out[i]!, i);
  }
  for (let i = zoneEnd + 1; i < out.length; i++) {
    const line = out[i]!;
    if (isBlankOrFurniture(line)) continue;
    if (resolved[i]) break;
    const prevBlank = i === 0 || isBlankOrFurniture(out[i - 1]!);
    const nextBlank = i === out.length - 1 || isBlankOrFurniture(out[i + 1]!);
    if (!(line.width <= T.headerAloneWidth && prevBlank && nextBlank && !/[。，]/u.test(line.text))) break;
    claim(line, i);
  }
}

/**
 * A header line's width without the run of spaces between its items: OCR reads a header strip's page number at
 * the left edge and the masthead at the right as one line (P01 ⟨50 spaces⟩ 青山日报), each item short.
 */
function headerItemsWidth(line: ClassifiedLine): number {
  return line.text.includes('   ') ? displayWidth(line.text.replace(/\s{3,}/gu, ' ')) : line.width;
}

/** Anywhere on the page, a section name standing alone between blank lines. */
function claimIsolatedSections(out: ClassifiedLine[], resolved: boolean[], markers: MarkerSet): void {
  const alone = (j: number) => j < 0 || j >= out.length || isBlankOrFurniture(out[j]!);
  for (let i = 0; i < out.length; i++) {
    const line = out[i]!;
    if (resolved[i] || line.width > T.sectionWidth || !markers.section.test(line.text)) continue;
    if (alone(i - 1) && alone(i + 1)) {
      toFurniture(line, 'section', 'isolated-section');
      resolved[i] = true;
    }
  }
}

/** Roles a bracketed line can close: the text it would be the sign-off of. */
const SIGNED_ROLES: ReadonlySet<Role> = new Set(['body', 'subheading', 'dateline', 'byline']);

/**
 * A bracketed line with no text above it to sign off — at the page's top,
 * under furniture, a headline or another bracketed line — over a line that
 * is still open: a column label (（人民论坛）, （外媒看中国）) printed above a
 * headline, as pages whose headline blocks stand apart from their texts print
 * them. After text the same line stays a sign-off: there the two cannot be
 * told apart by their form. A serial number under a headline (（三）) and an
 * author over running text (（秋帆） ⏎ 西湖之遊、以春爲最、…) are no labels:
 * group-blocks reads those.
 */
function isColumnLabel(out: ClassifiedLine[], resolved: boolean[], i: number): boolean {
  const line = out[i]!;
  if ((line.rule !== 'bracketed-signoff' && line.rule !== 'framed-bracket') || SERIAL_NUMBER.test(line.inner ?? '')) return false;
  const above = lineAbove(out, i);
  // A boxed bracket is a label wherever it stands: no paper boxes a sign-off. Nor is a bracket under an
  // attribution (——编 者) one: the words above are signed already.
  if (above !== null && SIGNED_ROLES.has(above.role) && above.rule !== 'attribution' && line.rule !== 'framed-bracket') return false;
  const next = nextContent(out, i + 1);
  if (next < 0 || resolved[next]) return false;
  // Right under a headline the bracket may be its author over the first line of text
  // (雨中看花 ⏎ （林溪） ⏎ 春雨連綿了一週，院子裏的): then only a line of headline shape makes it a label.
  const underHeadline = above !== null && (above.role === 'title' || above.role === 'kicker' || above.role === 'subheadline');
  return underHeadline ? titleLike(out[next]!, out[next]!.column) || dashKicker(out[next]!.text) || displayKicker(out[next]!) : titleUnderLabel(out[next]!);
}

/** A kicker set on one line wider than the column (no wrapped line of text is): the next story's display type. */
function displayKicker(line: ClassifiedLine): boolean {
  return line.hint === undefined && line.width > line.column + T.widerThanColumn && kickerShape(line);
}

const HEADLINE_ROLES: ReadonlySet<Role> = new Set(['title', 'kicker', 'subheadline', 'display']);

/**
 * A writer's, designer's or editor's credit (撰文：王小明, 本版制图：李明,
 * （編輯：陳大文）1120823, a profile's 撰稿：…) that the headline shape rules put
 * on top of the next headline: it ends the story above, it heads nothing.
 * Which lines are credits the page's markers say (isCreditLine: role words,
 * credit labels, bylines), as they do for the -layout reader. Asked only of
 * headline lines, a few per page.
 */
function creditOverHeadline(line: ClassifiedLine, markers: MarkerSet): boolean {
  return (line.role === 'title' || line.role === 'kicker') && isCreditLine(line.text, markers);
}

/**
 * Pass 4: a credit printed on its own line at a story's end — a reporter line
 * (記者王小明) or a bare dateline (（新华社电）) after the last sentence, with the
 * next headline, a column label or the page's end after it — closes that
 * story: it is the story's last paragraph, as the page prints it. As a byline
 * or dateline it would open a new article holding nothing else.
 */
function keepTrailingCredits(out: ClassifiedLine[], markers: MarkerSet, pauseEnds: boolean): void {
  for (let i = 0; i < out.length; i++) {
    const line = out[i]!;
    // A photographer's credit under a caption stays a byline: group-blocks gives it to the photo's text.
    const photo = isPhotoCredit(line, markers) && underCaption(out, markers, i);
    const overHeadline = creditOverHeadline(line, markers);
    const credit = (line.role === 'byline' && !photo) || (line.role === 'dateline' && line.dateline!.rest === '' && line.dateline!.reporter === null) || overHeadline;
    if (!credit || !closesStory(out, i, pauseEnds, overHeadline, markers)) continue;
    let j = i + 1;
    while (j < out.length && out[j]!.role === 'blank') j++;
    const next = out[j];
    if (next !== undefined && !HEADLINE_ROLES.has(next.role) && next.rule !== 'column-label') continue;
    line.role = 'body';
    line.rule = 'trailing-credit';
    line.byline = undefined;
    line.dateline = undefined;
    line.standalone = true;
  }
}

/**
 * The line above line i ends a story: its last sentence, or — for a designer's
 * credit (制图：…), printed under everything else of its story — the story's
 * sign-off or photographer's credit right under that sentence.
 */
function closesStory(out: ClassifiedLine[], i: number, pauseEnds: boolean, designCredit: boolean, markers: MarkerSet): boolean {
  const k = lineAboveAt(out, i);
  if (k < 0) return false;
  const above = out[k]!;
  if ((above.role === 'body' || above.role === 'subheading') && endsSentence(above.text, pauseEnds)) return true;
  // A labelled credit (资料来源：…, 制图：…) closes what it credits, a fact box or a table of
  // figures too, whose last line ends no sentence.
  if (designCredit && above.role === 'body' && markers.creditLabel.test(out[i]!.text)) return true;
  if (!designCredit || (above.rule !== 'bracketed-signoff' && above.rule !== 'trailing-credit')) return false;
  const text = lineAbove(out, k);
  return text !== null && (text.role === 'body' || text.role === 'subheading') && endsSentence(text.text, pauseEnds);
}

/** Rules that open a run of text: the line before it ended a sentence, a boundary or a headline. */
const OPENS_TEXT: ReadonlySet<string> = new Set(['body-after-boundary']);

/**
 * Pass 3b (hard-wrapped text): two lines read as a paragraph's first line and
 * its continuation whose second line is short and ends no sentence — a
 * paragraph always ends with punctuation, so those two lines never were one:
 * they are a headline stack (a kicker over a short main title, 市里聚焦… ⏎
 * 老街换新颜) set in the text's place. Both lines must have headline shape
 * (a kicker may hold two commas or 、, no sentence), and the first may run to
 * the column's width (a kicker is often as long as a body line). Only where
 * the line under the pair is not its continuation either: a new paragraph, a
 * blank line, a boundary or the page's end.
 */
function claimUnfinishedPairs(out: ClassifiedLine[], pauseEnds: boolean): void {
  for (let i = 0; i < out.length; i++) {
    const first = out[i]!;
    if (first.role !== 'body' || !OPENS_TEXT.has(first.rule) || first.hint !== undefined || !kickerShape(first)) continue;
    const j = i + 1;
    const second = out[j];
    if (second === undefined || second.role !== 'body' || second.rule !== 'continuation' || second.shape === 0) continue;
    if (second.width >= T.shortLine * second.column || endsSentence(second.text, pauseEnds)) continue;
    const after = out[j + 1];
    if (after !== undefined && after.role === 'body' && after.rule === 'continuation') continue;
    first.role = 'kicker';
    first.rule = 'unfinished-pair';
    first.newGroup = true;
    // A bracketed line right above the pair with no text above it to sign off is the pair's column label.
    let k = i - 1;
    while (k >= 0 && out[k]!.role === 'blank') k--;
    const label = out[k];
    if (label?.rule === 'bracketed-signoff' && !SERIAL_NUMBER.test(label.inner ?? '')) {
      const above = lineAbove(out, k);
      if (above === null || !SIGNED_ROLES.has(above.role)) toFurniture(label, 'label', 'column-label');
    }
    second.role = 'title';
    second.rule = 'unfinished-pair';
    second.newGroup = false;
    i = j;
  }
}

/** A line a kicker may be: no sentence inside, at most two commas and two 、, no open end. */
function kickerShape(line: ClassifiedLine): boolean {
  const t = line.text;
  if (!couldOpenDisplay(line) || /[。；;！？!?]/u.test(t)) return false;
  return (t.match(/[，,]/gu)?.length ?? 0) <= 2 && (t.match(/、/gu)?.length ?? 0) <= 2;
}

const isPhotoCredit = (line: ClassifiedLine, markers: MarkerSet) => line.role === 'byline' && markers.photoCredit.test(line.byline!.credit ?? '');

/**
 * Line j is a photographer's credit right after a finished sentence — under
 * a photo's caption (图为… ⏎ 张华摄（本报）) or under the text of a story
 * printed with its photo: it closes that text and opens none, so the line
 * under it starts afresh, as after a sign-off (group-blocks ends the unit
 * there too; pass 4 keeps a credit under a story's text as its last
 * paragraph when a headline follows).
 */
function photoCreditClosing(out: ClassifiedLine[], markers: MarkerSet, pauseEnds: boolean, j: number): boolean {
  if (!isPhotoCredit(out[j]!, markers)) return false;
  const above = lineAbove(out, j);
  return above !== null && (above.role === 'body' || above.role === 'subheading') && endsSentence(above.text, pauseEnds);
}

/**
 * The text right above line i (its body and subheading lines, up to anything
 * else) holds a caption: a line opening with the page's caption marker
 * (图为, 图①, 上图) or a caption's words inside a line.
 */
function underCaption(out: ClassifiedLine[], markers: MarkerSet, i: number): boolean {
  for (let j = i - 1; j >= 0; j--) {
    const l = out[j]!;
    if (l.role === 'blank') continue;
    if (l.role !== 'body' && l.role !== 'subheading') return false;
    if (markers.caption.test(l.text) || CAPTION_IN_TEXT.test(l.text)) return true;
  }
  return false;
}

/** The first non-blank line above line i (furniture too), or null at the page's top. */
function lineAbove(out: ClassifiedLine[], i: number): ClassifiedLine | null {
  return out[lineAboveAt(out, i)] ?? null;
}

/** The index of the first line above line i that is not blank, or -1. */
function lineAboveAt(out: ClassifiedLine[], i: number): number {
  let j = i - 1;
  while (j >= 0 && out[j]!.role === 'blank') j--;
  return j;
}

function headlineHead(line: ClassifiedLine, pauseEnds: boolean): boolean {
  const t = line.text;
  if (line.width > T.headlineShare * line.column || endsSentence(t, pauseEnds) || /[。；]/u.test(t) || startsWithNoLineStart(t)) return false;
  // A line that closes a bracket it does not open is the tail of text above, no headline's head.
  return !closesUnopened(t);
}

/**
 * Pass 5: the head of a headline the typesetter wrapped at its column's edge
 * (社論：公園整修是市民的勝 / 利, 老街商圈人潮 回流8成 / 店家樂…). Extracted text
 * gives the headline's lines as a block of their own between blank lines, and
 * the rules above, reading top-down, took only the later lines for the
 * headline: the head read on as the text above it (that text ends with a
 * caption or a credit, not a sentence) or as a paragraph start. Lines between
 * a blank line and a headline block that itself ends at a blank line or
 * opens a story (byline, dateline), each shorter than a headline may be
 * against the column but as wide as the headline's next line, none ending a
 * sentence, are the headline's first lines.
 */
function claimWrappedHeadlineHeads(out: ClassifiedLine[], pauseEnds: boolean): void {
  for (let i = 1; i < out.length; i++) {
    if (out[i]!.role !== 'title' || out[i - 1]!.role !== 'body') continue;
    let head = i - 1;
    while (head > 0 && i - head < T.headMaxLines && out[head - 1]!.role === 'body') head--;
    if (head > 0 && out[head - 1]!.role !== 'blank') continue;
    let end = i;
    while (end + 1 < out.length && out[end + 1]!.role === 'title') end++;
    const after = out[end + 1];
    if (after && after.role !== 'blank' && after.role !== 'byline' && after.role !== 'dateline' && after.role !== 'subheadline') continue;
    let headLike = true;
    for (let k = head; k < i && headLike; k++) headLike = headlineHead(out[k]!, pauseEnds) && out[k]!.width >= out[i]!.width - T.headSlack;
    if (!headLike) continue;
    for (let k = head; k < i; k++) {
      out[k]!.role = 'title';
      out[k]!.rule = 'title-head-above';
      out[k]!.newGroup = k === head;
    }
    out[i]!.newGroup = false;
    i = end;
  }
}

/**
 * The headline under a column label may be set as a sentence (新的一年，河边见…,
 * 种菜也能种出门道！): under a label, any line without a full stop inside, an open
 * end or more than one comma is the headline's first line.
 */
function titleUnderLabel(line: ClassifiedLine): boolean {
  const t = line.text;
  if (!couldOpenDisplay(line)) return false;
  if (/[。；;]/u.test(t) || (t.match(/[，,]/gu)?.length ?? 0) > 1 || (t.match(/、/gu)?.length ?? 0) > 1) return false;
  return line.width <= Math.max(line.column * T.titleMaxColumns, T.titleMaxWidth);
}

/** Index of the first line from `from` on that is neither blank nor furniture, or -1. */
function nextContent(out: ClassifiedLine[], from: number): number {
  for (let j = from; j < out.length; j++) {
    if (!isBlankOrFurniture(out[j]!)) return j;
  }
  return -1;
}

/** Line j opens an article body or a subheadline (dateline, byline, dash-led line). */
function isStrongOpener(out: ClassifiedLine[], resolved: boolean[], markers: MarkerSet, j: number): boolean {
  return j >= 0 && (out[j]!.role === 'dateline' || out[j]!.role === 'byline' || (!resolved[j] && markers.subheadlinePrefix.test(out[j]!.text)));
}

interface Decision {
  role: Role;
  rule: string;
  newGroup?: boolean;
}

/** Every decision pass 3 can make, named by its rule. */
const DECIDED = {
  dashSubheadline: { role: 'subheadline', rule: 'dash-subheadline' },
  attribution: { role: 'body', rule: 'attribution' },
  titleBeforeOpener: { role: 'title', rule: 'title-before-opener', newGroup: true },
  continuation: { role: 'body', rule: 'continuation' },
  shortHeadlinePair: { role: 'title', rule: 'short-headline-pair', newGroup: true },
  titleBeforeBoundary: { role: 'title', rule: 'title-before-boundary', newGroup: true },
  paragraphStart: { role: 'body', rule: 'paragraph-start' },
  titleBetweenParagraphs: { role: 'title', rule: 'title-between-paragraphs', newGroup: true },
  enumeratedSubheading: { role: 'subheading', rule: 'enumerated-subheading' },
  titleBlock: { role: 'title', rule: 'title-block', newGroup: false },
  titleBlockNewGroup: { role: 'title', rule: 'title-block', newGroup: true },
  bodyAfterHeadline: { role: 'body', rule: 'body-after-headline' },
  bodyAfterByline: { role: 'body', rule: 'body-after-byline' },
  kickerAboveHeadline: { role: 'kicker', rule: 'kicker-above-headline', newGroup: true },
  titleAfterBoundary: { role: 'title', rule: 'title-after-boundary', newGroup: true },
  bodyAfterBoundary: { role: 'body', rule: 'body-after-boundary' },
  bodyTypeIntertitle: { role: 'subheading', rule: 'body-type-intertitle' },
  wrappedSubheadline: { role: 'subheadline', rule: 'wrapped-subheadline', newGroup: false },
  titleWiderThanColumn: { role: 'title', rule: 'title-wider-than-column', newGroup: true },
  titleUnderLabel: { role: 'title', rule: 'title-under-label', newGroup: true },
  titleRestatedBelow: { role: 'title', rule: 'title-restated-below', newGroup: true },
  titleOverBoxLabel: { role: 'title', rule: 'title-over-box-label', newGroup: true },
  phrasedTitleOverFirstLine: { role: 'title', rule: 'phrased-title-over-first-line', newGroup: true },
  titleOverFirstLine: { role: 'title', rule: 'title-over-first-line', newGroup: true },
} as const satisfies Record<string, Decision>;

/** Pass 3: the lines no pattern claimed, read top-down with their neighbours. */
function readInContext(out: ClassifiedLine[], resolved: boolean[], markers: MarkerSet, pauseEnds: boolean, joinedColumns: boolean): void {
  let prev: ClassifiedLine | null = null;
  for (let i = 0; i < out.length; i++) {
    const line = out[i]!;
    // An editor's or designer's line (责任编辑：…, 版式设计：…) is printed under a page's or a box's
    // last story, never inside one: what follows starts afresh, as at the page's top.
    if (line.furniture === 'editor') prev = null;
    if (isBlankOrFurniture(line)) continue;
    if (resolved[i]) {
      // Decided here, not in pass 1: whether the line above is text to sign off is known only now.
      if (isColumnLabel(out, resolved, i)) toFurniture(line, 'label', 'column-label');
      else prev = line;
      continue;
    }
    const d = bodyTypeOnly(line, decide(out, resolved, markers, pauseEnds, joinedColumns, i, prev), out[i + 1] ?? null);
    if (d === DECIDED.enumeratedSubheading) {
      // Up to three lines at once: the subheading and its wrapped tail.
      const sub = subheadingExtent(out, i, resolved, markers);
      for (const j of sub) {
        out[j]!.role = 'subheading';
        out[j]!.rule = d.rule;
        resolved[j] = true;
      }
      prev = out[sub[sub.length - 1]!]!;
      i = sub[sub.length - 1]!;
      continue;
    }
    line.role = d.role;
    line.rule = d.rule;
    if (d.newGroup !== undefined) line.newGroup = d.newGroup;
    resolved[i] = true;
    prev = line;
  }
}

/**
 * On a positioned page, geometry has already found the headlines: a line in
 * body type that the text rules would make a title or kicker is an
 * intertitle (a short display line inside the story) when it is short,
 * otherwise a paragraph start; an indented line reaching its block's right
 * edge is a paragraph start however narrow its column.
 */
function bodyTypeOnly(line: ClassifiedLine, d: Decision, next: ClassifiedLine | null): Decision {
  if (line.hint?.display !== 'body') return d;
  // Set in by an indent and running to its block's right edge: a paragraph's first line, full to the measure (an
  // intertitle stops short, or is centred); short of the column only by its indent, it is no intertitle.
  if ((d.role === 'title' || d.role === 'kicker') && line.hint.blockStart && line.hint.endsShort === false) return DECIDED.paragraphStart;
  if (d.role === 'title' || d.role === 'kicker') return line.width <= T.intertitleShare * line.column ? DECIDED.bodyTypeIntertitle : DECIDED.paragraphStart;
  // A short unpunctuated flush-left line between a paragraph's end and an indented line: an intertitle.
  if (d === DECIDED.paragraphStart && line.hint.endsShort && !line.hint.blockStart && next?.hint?.blockStart && line.shape === 1 && !line.text.includes('，')) {
    return DECIDED.bodyTypeIntertitle;
  }
  return d;
}

function decide(out: ClassifiedLine[], resolved: boolean[], markers: MarkerSet, pauseEnds: boolean, joinedColumns: boolean, i: number, prev: ClassifiedLine | null): Decision {
  const line = out[i]!;
  const col = line.column;
  const nextIdx = nextContent(out, i + 1);
  const next = nextIdx >= 0 ? out[nextIdx]! : null;
  const strongNext = isStrongOpener(out, resolved, markers, nextIdx);
  const titleChainNext = next !== null && !resolved[nextIdx] && titleLike(next, col) && isStrongOpener(out, resolved, markers, nextContent(out, nextIdx + 1));
  const likeTitle = titleLike(line, col);
  const prevRole = prev?.role ?? null;
  const inTitle = prevRole === 'title' || prevRole === 'kicker';
  const inBody = prevRole === 'body' || prevRole === 'dateline' || prevRole === 'subheading';
  const prevText = prevRole === 'dateline' ? prev!.dateline!.rest : (prev?.text ?? '');
  // A hard-wrapped line breaks only where the column is full: after a clearly short line the sentence did not wrap.
  // (A Latin word wrapped whole can leave a line short by its length: letter ⏎ letter still reads on.)
  const prevShort = prev !== null && prev.hint === undefined && prev.width < T.shortLine * col && !(/[A-Za-z]$/u.test(prevText) && /^[A-Za-z]/u.test(line.text));
  const prevOpen =
    inBody && prevText !== '' && !prevShort && !endsSentence(prevText, pauseEnds) && !/[：:]$/u.test(prevText) && !asideAfterSentence(out, prev!, i, pauseEnds) && !displaySetApart(out, i, prev!, likeTitle);

  // A dash-led line right under a headline is its 副题.
  if (markers.subheadlinePrefix.test(line.text) && (inTitle || (!inBody && strongNext))) return DECIDED.dashSubheadline;
  // On a positioned page, a subheadline that ran to the end of its line wraps on to this one.
  if (prevRole === 'subheadline' && prev!.hint?.endsShort === false && line.hint?.display !== undefined && !line.hint.blockStart && line.shape > 0) return DECIDED.wrappedSubheadline;
  // In hard-wrapped text, a dash-led subheadline that filled its line to the column's edge goes on
  // in the line right under it (no blank line between: plain pdftotext sets a blank line between
  // blocks of other type); a 副题 states, it ends no sentence. One wider than the column was set on
  // its own line, never wrapped (the seed page's: the line under it is the next headline).
  if (prevRole === 'subheadline' && prev!.hint === undefined && line.hint === undefined && out[i - 1] === prev && Math.abs(prev!.width - col) <= T.wrapMeasureSlack && !endsSentence(line.text, pauseEnds)) return DECIDED.wrappedSubheadline;
  if (underLabel(out, i) && titleUnderLabel(line)) return DECIDED.titleUnderLabel;
  // Under a label, a line of display type too long for a headline line (two commas, wider than the column) is the kicker.
  if (underLabel(out, i) && displayKicker(line) && next !== null && !resolved[nextIdx] && titleUnderLabel(next)) return DECIDED.kickerAboveHeadline;
  // A line no hard wrap made: display type, the next line of a headline or the first of a new one.
  if (!prevOpen && widerThanColumn(line, joinedColumns)) {
    if (inTitle || prevRole === 'subheadline') return prevRole === 'subheadline' || line.indent ? DECIDED.titleBlockNewGroup : DECIDED.titleBlock;
    return DECIDED.titleWiderThanColumn;
  }
  // Text that reads on is hard-wrapped, never wider than its column: a line that is, after a blank
  // line or over a story's opener, is display type set on one line (a headline under a fact box that
  // ends in figures or a source, 资料来源：…, which ends no sentence).
  if (prevOpen && widerThanColumn(line, joinedColumns) && !endsSentence(line.text, pauseEnds) && (out[i - 1]?.role === 'blank' || strongNext)) return DECIDED.titleWiderThanColumn;
  if (prevOpen || startsWithNoLineStart(line.text)) {
    // Mid-sentence: a wrapped continuation, unless a headline block plainly starts here.
    const headline = likeTitle && (strongNext || titleChainNext) && line.width <= T.headlineShare * col && !startsWithNoLineStart(line.text);
    return headline ? DECIDED.titleBeforeOpener : DECIDED.continuation;
  }
  // A dash and a name under words that have ended (a quote, an editor's note) are their attribution, the text's last
  // line; as the first of two short lines it had read as a headline pair over the next section.
  if (inBody && line.text.startsWith('——') && ATTRIBUTION.test(line.text) && endsSentence(prevText, pauseEnds)) return DECIDED.attribution;
  if (inBody) {
    if (subheadingExtent(out, i, resolved, markers).length > 0) return DECIDED.enumeratedSubheading;
    // Two short unpunctuated lines after a sentence end are a headline, not a paragraph start
    // (a paragraph's first line is nearly full: only its indent is missing).
    const shortPair = line.width <= T.shortPairShare * col && next !== null && !resolved[nextIdx] && titleLike(next, col) && next.width <= T.shortPairShare * col;
    if ((likeTitle || askingTitle(line)) && (strongNext || titleChainNext)) return DECIDED.titleBeforeOpener;
    if (likeTitle && shortPair) return DECIDED.shortHeadlinePair;
    // A story's box label (核心阅读) stands right under the story's headline (after the story above has ended);
    // a reporter's afterword (记者手记) stands at the foot of its story, under its text.
    if (likeTitle && line.width < T.shortLine * col && next?.rule === 'box-label' && !AFTERWORD_LABEL.test(next.text) && endsSentence(prevText, pauseEnds)) return DECIDED.titleOverBoxLabel;
    if (likeTitle && line.width <= T.headlineShare * col && unpunctuatedRunEndsAtBoundary(out, i, resolved, pauseEnds)) return DECIDED.titleBeforeBoundary;
    if (likeTitle && line.hint === undefined && line.width < T.shortLine * col && next !== null && !resolved[nextIdx] && next.width >= T.shortLine * col) return DECIDED.titleBetweenParagraphs;
    if (likeTitle && restatedBelow(out, i)) return DECIDED.titleRestatedBelow;
    if (endsSentence(prevText, pauseEnds) || /[：:]$/u.test(prevText)) {
      const over = overFirstLine(out, i, resolved, pauseEnds);
      if (over !== null) return over;
    }
    return DECIDED.paragraphStart;
  }
  if (inTitle || prevRole === 'subheadline') {
    // A kicker that ends in a dash (张建国代表——) introduces its headline: the line under it is that
    // headline, however full its line (a headline under a kicker may run to the column's width).
    // Only where the dash line opens a headline stack: between two paragraphs (生意冷清—— ⏎ 顾客寥寥，…)
    // it is an intertitle leading into its own text.
    if (prevRole !== 'subheadline' && endsInLeadInDash(prevText) && OPENS_STACK.has(prev!.rule) && titleUnderLabel(line)) return DECIDED.titleBlock;
    if (firstLineUnderBlank(out, i, pauseEnds)) return DECIDED.bodyAfterHeadline;
    if (likeTitle && (line.width <= T.headlineShare * col || strongNext || line.indent)) {
      return prevRole === 'subheadline' || line.indent ? DECIDED.titleBlockNewGroup : DECIDED.titleBlock;
    }
    return DECIDED.bodyAfterHeadline;
  }
  if (prevRole === 'byline' && !photoCreditClosing(out, markers, pauseEnds, out.lastIndexOf(prev!, i))) {
    return likeTitle && (strongNext || titleChainNext) ? DECIDED.titleBeforeOpener : DECIDED.bodyAfterByline;
  }
  // After a boundary: page start, sign-off, jump line, end mark, display line, a photo's credit after a story.
  if (/[，：:]$/u.test(line.text) && line.width <= T.headlineShare * col && next && !resolved[nextIdx] && titleLike(next, col)) return DECIDED.kickerAboveHeadline;
  // 引题 ending in a dash (某省某县某镇党委书记王五——) over its headline: a kicker may be a long
  // phrase, even one with commas, so only a sentence inside it rules it out.
  if (dashKicker(line.text) && next && !resolved[nextIdx] && !endsInLeadInDash(next.text) && titleUnderLabel(next)) return DECIDED.kickerAboveHeadline;
  // …or one of any width set apart, a blank line above and below it, with no punctuation: plain pdftotext
  // sets a blank line between blocks of other type, and running text after a boundary ends its sentence.
  if (likeTitle && (line.width <= T.afterBoundaryShare * col || strongNext || titleChainNext || unpunctuatedSetApart(out, i))) return DECIDED.titleAfterBoundary;
  if (strongNext && askingTitle(line)) return DECIDED.titleBeforeOpener;
  return DECIDED.bodyAfterBoundary;
}

/**
 * Hard-wrapped text (no positions): a line with a blank line right above it, a clause mark in it and an open
 * end, over a full line of running text right under it (no blank between) is the first line of a body block
 * (plain pdftotext sets display type and body type as blocks of their own, a blank line between them, and
 * drops the paragraph's indent): under a headline it starts the text (1月6日，站里新装了12台 ⏎ 除冰机，…), it is
 * no headline line.
 */
function firstLineUnderBlank(out: readonly ClassifiedLine[], i: number, pauseEnds: boolean): boolean {
  const line = out[i]!;
  const below = out[i + 1];
  if (line.hint !== undefined || out[i - 1]?.role !== 'blank' || !below || below.hint !== undefined || below.text.trim() === '') return false;
  if (!RUNNING_TEXT_MARK.test(line.text) || endsSentence(line.text, pauseEnds) || line.width > line.column + T.wrapMeasureSlack) return false;
  return Math.abs(below.width - line.column) <= T.wrapMeasureSlack && RUNNING_TEXT_MARK.test(below.text);
}

/**
 * Hard-wrapped text: a short line of headline shape alone between blank lines is display type, even under a
 * line left open. A text's open end can stand over another block when the extraction read the rest of its
 * column elsewhere (Tesseract takes a page's blocks in an order of its own; pdftotext sets a column's foot
 * after the next story's headline), and a paragraph that runs on over a blank line goes on in a full line
 * (…走了一会 ⏎ ⏎ 儿才望见山腰上的茶园，一层层排到), or ends in a short one that holds its sentence end: a short
 * unpunctuated line between blanks is no wrapped tail (老街换新颜 ⏎ ⏎ 清晨，巷口的早点铺…).
 */
function displaySetApart(out: readonly ClassifiedLine[], i: number, prev: ClassifiedLine, likeTitle: boolean): boolean {
  const line = out[i]!;
  if (!likeTitle || line.width > T.headlineShare * line.column || !unpunctuatedSetApart(out, i)) return false;
  // The open line is running text or a label's line (a clause mark or a colon in it: 查询：…): under a line of a
  // poem or of a stacked headline, set apart as this one is, it is the next such line.
  if (!RUNNING_TEXT_MARK.test(prev.text) && !/[：:]/u.test(prev.text)) return false;
  // Over the page's date it is the masthead, which pdftotext may set in the middle of a column's text (the
  // column then goes on under the header strip): the text stays open over it.
  let j = i + 1;
  while (j < out.length && out[j]!.role === 'blank') j++;
  return j >= out.length || out[j]!.role !== 'furniture';
}

/** Two phrases with a space between them, a Han character or a mark that ends or opens a phrase at the seam (a figure or a Latin word after a space does not count: running text sets those apart). */
const PHRASE_SEAM = new RegExp(`[${HAN_CLASS}」』》”？！?!][ \u3000]+[${HAN_CLASS}「『《“]`, 'u');

/**
 * Rules phrased-title-over-first-line and title-over-first-line (hard-wrapped text): a headline set on one line
 * right over its story's first line, no blank line between them, as web pages and tabloids extracted to text
 * print it. After a finished paragraph (or one ending in a colon) and a blank line it reads like a paragraph's
 * first line; what tells it is the line under it, which stops short of the column by a lost two-em indent
 * (1–3.5 em, reflow-paragraphs' indentLost) and reads on: a paragraph's first line is followed by a full line,
 * not by another first line. An intertitle in body type stands there more often (dev pages, plain text), so:
 *  - a line whose phrases a space sets apart (社区图书馆延长开放 周末增设亲子区; a phrase may end in ？ or ！),
 *    which running text never has between two Han characters, is a headline (6 lines, 6 headlines);
 *  - one without a space, comma or 、 is a headline or an intertitle, as title-between-paragraphs is, and
 *    rejoin-intertitles decides by its words (23 lines: 4 headlines, 19 intertitles; it joins 18 of these and
 *    1 headline);
 *  - one with a comma or 、 is left a paragraph's first line (each such line there was an intertitle, which
 *    the story keeps as text).
 * None holds 。 or ； or ends open; a phrased one has at most one comma.
 */
function overFirstLine(out: readonly ClassifiedLine[], i: number, resolved: boolean[], pauseEnds: boolean): Decision | null {
  const line = out[i]!;
  const under = out[i + 1];
  if (line.hint !== undefined || out[i - 1]?.role !== 'blank' || under === undefined || under.hint !== undefined || resolved[i + 1]) return null;
  const t = line.text;
  if (!couldOpenDisplay(line) || endsSentence(t, pauseEnds) || /[。；;]/u.test(t)) return null;
  const commas = t.match(/[，,]/gu)?.length ?? 0;
  const phrased = PHRASE_SEAM.test(t);
  if (commas > 1 || (!phrased && (commas > 0 || t.includes('、') || line.shape === 0))) return null;
  if (line.width > Math.max(line.column * T.titleMaxColumns, T.titleMaxWidth)) return null;
  const short = under.column - under.width;
  if (short <= T.shortOfColumnEm || short > T.indentSlack || under.text.trim() === '' || endsSentence(under.text, pauseEnds)) return null;
  // The line under it reads on into more text: the first line of a paragraph, not a short line of its own.
  const after = nextContent(out as ClassifiedLine[], i + 2);
  if (after < 0 || resolved[after]) return null;
  // A Latin word or a figure carried whole to the next line leaves a wrapped line short too.
  if (/[A-Za-z0-9]$/u.test(under.text) && /^[A-Za-z0-9]/u.test(out[after]!.text)) return null;
  return phrased ? DECIDED.phrasedTitleOverFirstLine : DECIDED.titleOverFirstLine;
}

/** A line without any punctuation with a blank line (or the page's edge) right above and right below it. */
function unpunctuatedSetApart(out: readonly ClassifiedLine[], i: number): boolean {
  const line = out[i]!;
  if (line.hint !== undefined || line.shape !== 1) return false;
  const blank = (k: number) => k < 0 || k >= out.length || out[k]!.role === 'blank' || out[k]!.text.trim() === '';
  return blank(i - 1) && blank(i + 1);
}

const WHOLLY_BRACKETED = /^[（(][^（()）]*[）)]$/u;

/** Closing brackets an aside ends with, and their openers. */
const ASIDE_CLOSE = codeSet('）)');
const ASIDE_OPEN = codeSet('（(');

/**
 * The text that ends at line `prev` (line i's predecessor) closes with a
 * bracketed aside after a finished sentence — a reporter's credit
 * (…的时间。（记者 王明）, …。」(記者林華)) — or is a bracketed note that makes a
 * paragraph of its own ((本文摘自…的讲话)): that text is over, as after a
 * sentence end, and the next line starts afresh. The opening bracket is looked
 * for up to CLASSIFY_TUNING.asideLines lines up, within the paragraph.
 */
function asideAfterSentence(out: ClassifiedLine[], prev: ClassifiedLine, i: number, pauseEnds: boolean): boolean {
  const t = prev.text.trimEnd();
  if ((CODE_SETS[t.charCodeAt(t.length - 1)]! & ASIDE_CLOSE) === 0) return false;
  let k = out.lastIndexOf(prev, i);
  let text = t;
  for (let taken = 1; k >= 0; taken++) {
    let depth = 0;
    for (let j = text.length - 1; j >= 0; j--) {
      const c = text.charCodeAt(j);
      if ((CODE_SETS[c]! & ASIDE_CLOSE) !== 0) depth++;
      else if ((CODE_SETS[c]! & ASIDE_OPEN) !== 0 && --depth === 0) {
        const before = text.slice(0, j);
        // A bracket that opens its paragraph is a note of its own; one inside a sentence (张华(左)) is no aside.
        if (before.trim() === '') return out[k]!.rule !== 'continuation';
        return endsSentence(before, pauseEnds);
      }
    }
    // Not opened on this line: read on up the paragraph, through its wrapped lines only.
    if (out[k]!.rule !== 'continuation' || taken >= T.asideLines) return false;
    do k--;
    while (k >= 0 && out[k]!.role === 'blank');
    if (k < 0 || out[k]!.role !== 'body') return false;
    text = out[k]!.text + text;
  }
  return false;
}

/** Rules that put a line at the head of a headline stack (after a boundary or a column label, not between paragraphs). */
const OPENS_STACK: ReadonlySet<string> = new Set(['title-under-label', 'title-after-boundary', 'kicker-above-headline']);

/** A kicker's closing dash (——), which points at the headline under it. */

/** A line that can be a kicker ending in a dash: a kicker may be a long phrase, even one with commas, but holds no sentence. */
function dashKicker(text: string): boolean {
  return endsInLeadInDash(text) && !/[。；;！？!?]/u.test(text);
}

const NUMBERED_ITEM = /^[0-9０-９]+[.．、]/u;

/** The Han bigrams of up to `count` non-blank lines from `from` on, walking by `step` (±1). */
function nearbyBigrams(out: ClassifiedLine[], from: number, step: 1 | -1, count: number): Set<Bigram> {
  const bag = new Set<Bigram>();
  for (let j = from, taken = 0; j >= 0 && j < out.length && taken < count; j += step) {
    const t = out[j]!.text;
    if (t === '') continue;
    for (const g of bigramList(t)) bag.add(g);
    taken++;
  }
  return bag;
}

/**
 * Rule title-restated-below (text without positions): a line after a blank
 * line and a finished paragraph, short of its column by more than a lost
 * indent, whose words recur in the text under it and not in the text above,
 * over text that shares little with the story above — a headline set at body
 * width (see CLASSIFY_TUNING.restatedShortEm). Asked only of the few lines
 * that reach it, so the bigrams cost nothing on most lines.
 */
function restatedBelow(out: ClassifiedLine[], i: number): boolean {
  const line = out[i]!;
  if (line.hint !== undefined || out[i - 1]?.role !== 'blank') return false;
  const short = line.column - line.width;
  const t = line.text;
  if (short < T.restatedShortNoCommaEm || (short < T.restatedShortEm && (t.includes('，') || t.includes(',') || t.includes('、')))) return false;
  // A numbered item (7.河北衡水破获…) is a list's paragraph, however short.
  if (NUMBERED_ITEM.test(t)) return false;
  const grams = bigramList(t);
  // Mostly Han: a headline, not a fact-box line (售價 : $8,998) or a line of figures.
  if (grams.length < T.restatedHanShare * [...t].length) return false;
  const first = out[nextContent(out, i + 1)]?.text ?? '';
  // The sentence ends a character or two into the next line (…也是一个利 ⏎ 好。): the line was wrapped.
  if (sentenceEndsNear(first)) return false;
  if (recall(grams, nearbyBigrams(out, i + 1, 1, T.restatedBelowLines)) < T.restatedBelow) return false;
  const above = nearbyBigrams(out, i - 1, -1, T.restatedAboveLines);
  if (recall(grams, above) > T.restatedAbove) return false;
  let opening = '';
  for (let j = i + 1, taken = 0; j < out.length && taken < T.restatedOpeningLines; j++) {
    if (out[j]!.text === '') continue;
    opening += out[j]!.text;
    taken++;
  }
  return recall(bigramList(opening), above) <= T.restatedOpeningShared;
}

/** The content line before line i is a column label. */
function underLabel(out: ClassifiedLine[], i: number): boolean {
  return lineAbove(out, i)?.rule === 'column-label';
}

const BOUNDARY_ROLES: ReadonlySet<Role> = new Set(['furniture', 'byline', 'dateline', 'signoff', 'jump', 'endmark', 'display']);

/**
 * A run of a few unpunctuated lines (CLASSIFY_TUNING.boundaryRun*) starting at `start` that is
 * followed by a boundary (furniture, byline, dateline, closer) or the page end
 * cannot be a paragraph — a paragraph ends with punctuation — so it is a
 * heading (a photo title wrapped over two lines, say).
 */
function unpunctuatedRunEndsAtBoundary(out: ClassifiedLine[], start: number, resolved: boolean[], pauseEnds: boolean): boolean {
  let taken = 0;
  for (let j = start; j < out.length; j++) {
    const l = out[j]!;
    if (l.role === 'blank') continue;
    if (resolved[j]) return taken > 0 && BOUNDARY_ROLES.has(l.role);
    if (endsSentence(l.text, pauseEnds) || /[，、；：,;:]$/u.test(l.text) || l.width > T.boundaryRunShare * l.column || ++taken > T.boundaryRunLines) return false;
  }
  return taken > 0;
}

/**
 * Lines of an enumerated in-article subheading starting at `start`
 * (一要……“贡献率”), or [] when the enumerated line is an ordinary
 * paragraph. A subheading has no sentence punctuation and closes at a line
 * ending in a closing quote or a short line, within CLASSIFY_TUNING.subheadingMaxLines.
 */
/** The bullets that set a story's summary points (■…) apart, as markers.subheading knows them. */
const SUMMARY_BULLET = /^[■▲◆●]/u;

function subheadingExtent(out: ClassifiedLine[], start: number, resolved: boolean[], markers: MarkerSet): number[] {
  const first = out[start]!;
  if (!markers.subheading.test(first.text)) return [];
  const taken: number[] = [];
  for (let j = start; j < out.length && taken.length < T.subheadingMaxLines; j++) {
    const l = out[j]!;
    if (l.role === 'blank') continue;
    // A bulleted point (■…) runs on until the text it sums up opens: the dateline under the last point
    // ends it as a short line would (read as a headline over that dateline, it cut the points off their story).
    if (resolved[j] && j !== start) return taken.length > 0 && SUMMARY_BULLET.test(first.text) && l.role === 'dateline' ? taken : [];
    if (/[。！？；]/u.test(l.text) || /[，、：]$/u.test(l.text)) return [];
    taken.push(j);
    if (CLOSING_QUOTE_END.test(l.text) || l.width <= T.subheadingEndShare * l.column) return taken;
  }
  return [];
}
