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
import { CLOSERS, HAN, codeTable, endsSentence, startsWithNoLineStart } from './chars.js';
import { isDateLine, matchesAny, type MarkerSet } from './markers.js';
import type { Byline, FurnitureRole } from './model.js';
import { parseByline } from './parse-byline.js';
import type { WorkLine } from './work-line.js';

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
  /** Local column width in em. */
  column: number;
  /** See headlineShape(). */
  shape: number;
}

export function parseDateline(text: string, markers: MarkerSet): DatelineParts | null {
  // Most lines carry no dateline: one combined match rules them all out.
  const candidates = matchesAny(markers.dateline, text) ? markers.dateline : [];
  for (const re of candidates) {
    const m = re.exec(text);
    if (!m) continue;
    let rest = text.slice(m[0].length).replace(/^[\s\u3000]+/u, '');
    let reporter: Byline | null = null;
    const r = markers.bracketReporter.exec(rest);
    if (r) {
      reporter = parseByline(r[0], markers);
      if (reporter) rest = rest.slice(r[0].length).replace(/^[\s\u3000]+/u, '');
    }
    return { marker: m[0], reporter, rest };
  }
  // A reporter bracket that opens a paragraph with no dateline before it: 〔記者X／台北報導〕司法院…
  const r = markers.bracketReporter.exec(text);
  if (r) {
    const reporter = parseByline(r[0], markers);
    const rest = text.slice(r[0].length).replace(/^[\s\u3000]+/u, '');
    if (reporter && rest !== '') return { marker: '', reporter, rest };
  }
  return null;
}

/** Local column width: 75th percentile of line widths within ±12 lines (research §2.3). */
function columnWidths(lines: WorkLine[]): number[] {
  // Widths of the lines that count (≥ 6 em: not headlines, not paragraph tails),
  // kept sorted while the ±12-line window slides down the page.
  const counted = lines.map((l) => (l.tooLong || l.width < 6 ? -1 : l.width));
  // At most 25 widths: plain shifting beats splice, which allocates an array per call.
  const sorted: number[] = [];
  const insert = (w: number) => {
    let at = sorted.length;
    sorted.push(w);
    while (at > 0 && sorted[at - 1]! > w) {
      sorted[at] = sorted[at - 1]!;
      at--;
    }
    sorted[at] = w;
  };
  const remove = (w: number) => {
    let at = sorted.indexOf(w);
    for (; at < sorted.length - 1; at++) sorted[at] = sorted[at + 1]!;
    sorted.pop();
  };
  for (let j = 0; j <= Math.min(lines.length - 1, 12); j++) if (counted[j]! >= 0) insert(counted[j]!);
  return lines.map((line, i) => {
    if (i > 0) {
      const enter = i + 12;
      const leave = i - 13;
      if (enter < lines.length && counted[enter]! >= 0) insert(counted[enter]!);
      if (leave >= 0 && counted[leave]! >= 0) remove(counted[leave]!);
    }
    if (line.hint?.columnWidth) return line.hint.columnWidth;
    const k = sorted.length;
    if (k < 3) return 20;
    return sorted[Math.min(k - 1, Math.floor(k * 0.75))]!;
  });
}

const FURNITURE_MAX_WIDTH = 60;
const OPENING_BRACKET = /^[（(〈《【〔［[]/u;

const furniturePatterns = new WeakMap<MarkerSet['furniture'], RegExp[]>();

function isFurniture(t: string, markers: MarkerSet): boolean {
  let patterns = furniturePatterns.get(markers.furniture);
  if (!patterns) furniturePatterns.set(markers.furniture, (patterns = markers.furniture.map((f) => f.pattern)));
  return matchesAny(patterns, t);
}

/** Pass 1: give `line` the role a context-free pattern proves, if any; false when none does. */
function claimStrongRole(line: ClassifiedLine, markers: MarkerSet): boolean {
  const t = line.text;
  const claim = (role: Role, rule: string): true => {
    line.role = role;
    line.rule = rule;
    return true;
  };
  if (line.tooLong) return claim('overlong', 'overlong');
  if (t === '') return claim('blank', 'blank');
  if (line.doubled) return claim('display', 'doubled-display');
  // Furniture lines are short; a bracket-only line (end mark, sign-off) starts with its bracket.
  if (line.width <= FURNITURE_MAX_WIDTH) {
    if (isFurniture(t, markers)) {
      const f = markers.furniture.find((f) => f.pattern.test(t))!;
      line.furniture = f.role;
      return claim('furniture', `furniture-${f.role}`);
    }
    if (isDateLine(t)) {
      line.furniture = 'date';
      return claim('furniture', 'furniture-date');
    }
  }
  const bracketed = OPENING_BRACKET.test(t);
  if (bracketed && markers.endmark.test(t)) return claim('endmark', 'endmark');
  if (markers.jump.test(t) && /[（(]|^(?:下转|下轉|上接|转|轉)/u.test(t)) {
    line.inner = t.replace(/^[（(]\s*|\s*[）)]$/gu, '');
    return claim('jump', 'jump');
  }
  const dateline = parseDateline(t, markers);
  if (dateline) {
    line.dateline = dateline;
    return claim('dateline', 'dateline');
  }
  const byline = parseByline(t, markers);
  if (byline) {
    line.byline = byline;
    return claim('byline', byline.role ? 'byline' : 'photo-credit');
  }
  const signoff = bracketed ? markers.signoff.exec(t) : null;
  if (signoff && !markers.notSignoff.test(signoff[1]!) && HAN.test(signoff[1]!)) {
    line.inner = signoff[1]!;
    return claim('signoff', 'bracketed-signoff');
  }
  return false;
}

/** A headline line never ends with a mark that opens a clause or a quotation. */
const OPEN_END = codeTable('，、：,:（(“‘「『《');

/**
 * The part of "could this line be a headline?" that depends on its text
 * alone, found in one pass (it is asked of most lines up to three times):
 * 0 when it cannot be — sentence punctuation, two commas or two 、 (a list in
 * running text), an open end, a character that never starts a line —
 * otherwise 1 + its number of commas.
 */
function headlineShape(line: WorkLine): number {
  const t = line.text;
  if (t === '' || line.tooLong || startsWithNoLineStart(t) || OPEN_END[t.charCodeAt(t.length - 1)] === 1) return 0;
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

/** Could this line be (part of) a headline in a column this wide? No sentence punctuation, no open clause, not too wide. */
function titleLike(line: ClassifiedLine, column: number): boolean {
  const shape = line.shape;
  if (shape === 0) return false;
  if (shape === 2 && line.width > 0.75 * column) return false;
  return line.width <= Math.max(column * 1.6, 30);
}

/**
 * Every classified line is built with all its fields, in one order: later
 * stages read these objects line by line, and V8 keeps such reads fast only
 * while all of them share one shape.
 */
function classifiedLine(line: WorkLine, column: number): ClassifiedLine {
  return {
    n: line.n,
    raw: line.raw,
    text: line.text,
    indent: line.indent,
    width: line.width,
    hint: line.hint,
    doubled: line.doubled,
    carriedFrom: line.carriedFrom,
    tooLong: line.tooLong,
    column,
    shape: headlineShape(line),
    role: 'body',
    rule: '',
    furniture: undefined,
    byline: undefined,
    dateline: undefined,
    inner: undefined,
    newGroup: undefined,
  };
}

const CLOSING_QUOTE_END = new RegExp(`[${CLOSERS}]$`, 'u');

export function classifyLines(lines: WorkLine[], markers: MarkerSet, pauseEnds = false): ClassifiedLine[] {
  const columns = columnWidths(lines);
  const out: ClassifiedLine[] = lines.map((line, i) => classifiedLine(line, columns[i]!));
  const resolved = out.map((l) => claimStrongRole(l, markers));

  // Pass 2: the header zone. Short lines at the top of the page, up to the
  // last furniture line there, are furniture too (masthead, section name);
  // after it, a short line standing alone between blank lines still is.
  const headerish = (l: ClassifiedLine) => l.width <= 10 && !/[。，；！？]/u.test(l.text) && !resolved[out.indexOf(l)];
  let zoneEnd = -1;
  for (let i = 0, seen = 0; i < out.length && seen < 12; i++) {
    const l = out[i]!;
    if (l.role === 'blank') continue;
    seen++;
    if (l.role === 'furniture') zoneEnd = i;
    else if (!headerish(l)) break;
  }
  let masthead = false;
  const toFurniture = (line: ClassifiedLine, i: number) => {
    const section = markers.section.test(line.text);
    Object.assign(line, {
      role: 'furniture',
      furniture: section || masthead ? 'section' : 'masthead',
      rule: section ? 'header-section' : 'header-zone',
    });
    if (!section) masthead = true;
    resolved[i] = true;
  };
  for (let i = 0; i <= zoneEnd; i++) {
    if (out[i]!.role !== 'blank' && !resolved[i]) toFurniture(out[i]!, i);
  }
  for (let i = zoneEnd + 1; i < out.length; i++) {
    const line = out[i]!;
    if (line.role === 'blank' || line.role === 'furniture') continue;
    if (resolved[i]) break;
    const prevBlank = i === 0 || out[i - 1]!.role === 'blank' || out[i - 1]!.role === 'furniture';
    const nextBlank = i === out.length - 1 || out[i + 1]!.role === 'blank' || out[i + 1]!.role === 'furniture';
    if (!(line.width <= 8 && prevBlank && nextBlank && !/[。，]/u.test(line.text))) break;
    toFurniture(line, i);
  }
  // Anywhere on the page, a section name standing alone between blank lines.
  for (let i = 0; i < out.length; i++) {
    const line = out[i]!;
    if (resolved[i] || line.width > 6 || !markers.section.test(line.text)) continue;
    const alone = (j: number) => j < 0 || j >= out.length || out[j]!.role === 'blank' || out[j]!.role === 'furniture';
    if (alone(i - 1) && alone(i + 1)) {
      Object.assign(line, { role: 'furniture', furniture: 'section', rule: 'isolated-section' });
      resolved[i] = true;
    }
  }

  // Pass 3: context, top-down.
  const nextContent = (from: number): number => {
    for (let j = from; j < out.length; j++) {
      if (out[j]!.role !== 'blank' && out[j]!.role !== 'furniture') return j;
    }
    return -1;
  };
  const isStrongOpener = (j: number): boolean =>
    j >= 0 && (out[j]!.role === 'dateline' || out[j]!.role === 'byline' || (!resolved[j] && markers.subheadlinePrefix.test(out[j]!.text)));

  let prev: ClassifiedLine | null = null;
  for (let i = 0; i < out.length; i++) {
    const line = out[i]!;
    if (line.role === 'blank' || line.role === 'furniture') continue;
    if (resolved[i]) {
      prev = line;
      continue;
    }
    const col = line.column;
    const nextIdx = nextContent(i + 1);
    const next = nextIdx >= 0 ? out[nextIdx]! : null;
    const strongNext = isStrongOpener(nextIdx);
    const titleChainNext = next !== null && !resolved[nextIdx] && titleLike(next, col) && isStrongOpener(nextContent(nextIdx + 1));
    const likeTitle = titleLike(line, col);
    const prevRole = prev?.role ?? null;
    const inTitle = prevRole === 'title' || prevRole === 'kicker';
    const inBody = prevRole === 'body' || prevRole === 'dateline' || prevRole === 'subheading';
    const prevText = prevRole === 'dateline' ? prev!.dateline!.rest : (prev?.text ?? '');
    const prevOpen = inBody && prevText !== '' && !endsSentence(prevText, pauseEnds) && !/[：:]$/u.test(prevText);

    const set = (role: Role, rule: string, newGroup?: boolean) => {
      line.role = role;
      line.rule = rule;
      if (newGroup !== undefined) line.newGroup = newGroup;
      resolved[i] = true;
      prev = line;
    };

    // A dash-led line right under a headline is its 副题.
    if (markers.subheadlinePrefix.test(line.text) && (inTitle || (!inBody && strongNext))) {
      set('subheadline', 'dash-subheadline');
      continue;
    }
    if (prevOpen || startsWithNoLineStart(line.text)) {
      // Mid-sentence: a wrapped continuation, unless a headline block plainly starts here.
      if (likeTitle && (strongNext || titleChainNext) && line.width <= 0.8 * col && !startsWithNoLineStart(line.text)) {
        set('title', 'title-before-opener', true);
      } else {
        set('body', 'continuation');
      }
      continue;
    }
    if (inBody) {
      const sub = subheadingExtent(out, i, resolved, markers);
      if (sub.length > 0) {
        for (const j of sub) Object.assign(out[j]!, { role: 'subheading', rule: 'enumerated-subheading' });
        for (const j of sub) resolved[j] = true;
        prev = out[sub[sub.length - 1]!]!;
        i = sub[sub.length - 1]!;
        continue;
      }
      // Two short unpunctuated lines after a sentence end are a headline, not a paragraph start
      // (a paragraph's first line is nearly full: only its indent is missing).
      const shortPair = line.width <= 0.6 * col && next !== null && !resolved[nextIdx] && titleLike(next, col) && next.width <= 0.6 * col;
      if (likeTitle && (strongNext || titleChainNext)) set('title', 'title-before-opener', true);
      else if (likeTitle && shortPair) set('title', 'short-headline-pair', true);
      else if (likeTitle && line.width <= 0.8 * col && unpunctuatedRunEndsAtBoundary(out, i, resolved, pauseEnds)) set('title', 'title-before-boundary', true);
      else set('body', 'paragraph-start');
      continue;
    }
    if (inTitle || prevRole === 'subheadline') {
      if (likeTitle && (line.width <= 0.8 * col || strongNext || line.indent)) {
        set('title', 'title-block', prevRole === 'subheadline' || line.indent);
      } else {
        set('body', 'body-after-headline');
      }
      continue;
    }
    if (prevRole === 'byline') {
      if (likeTitle && (strongNext || titleChainNext)) set('title', 'title-before-opener', true);
      else set('body', 'body-after-byline');
      continue;
    }
    // After a boundary: page start, sign-off, jump line, end mark, display line.
    if (/[，：:]$/u.test(line.text) && line.width <= 0.8 * col && next && !resolved[nextIdx] && titleLike(next, col)) {
      set('kicker', 'kicker-above-headline', true);
      continue;
    }
    if (likeTitle && (line.width <= 0.85 * col || strongNext || titleChainNext)) {
      set('title', 'title-after-boundary', true);
    } else {
      set('body', 'body-after-boundary');
    }
  }
  return out;
}

const BOUNDARY_ROLES: ReadonlySet<Role> = new Set(['furniture', 'byline', 'dateline', 'signoff', 'jump', 'endmark', 'display']);

/**
 * A run of at most three unpunctuated lines starting at `start` that is
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
    if (endsSentence(l.text, pauseEnds) || /[，、；：,;:]$/u.test(l.text) || l.width > 0.8 * l.column || ++taken > 3) return false;
  }
  return taken > 0;
}

/**
 * Lines of an enumerated in-article subheading starting at `start`
 * (一要……“贡献率”), or [] when the enumerated line is an ordinary
 * paragraph. A subheading has no sentence punctuation and closes at a line
 * ending in a closing quote, a short line, or after three lines.
 */
function subheadingExtent(out: ClassifiedLine[], start: number, resolved: boolean[], markers: MarkerSet): number[] {
  const first = out[start]!;
  if (!markers.subheading.test(first.text)) return [];
  const taken: number[] = [];
  for (let j = start; j < out.length && taken.length < 3; j++) {
    const l = out[j]!;
    if (l.role === 'blank') continue;
    if (resolved[j] && j !== start) break;
    if (/[。！？；]/u.test(l.text) || /[，、：]$/u.test(l.text)) return [];
    taken.push(j);
    if (CLOSING_QUOTE_END.test(l.text) || l.width <= 0.6 * l.column || l.width <= 0.8 * l.column) return taken;
  }
  return [];
}
