/**
 * Stage 8 — turn paired blocks into Article records: fields cut out of their
 * lines (dateline and reporter off the first paragraph, brackets off sign-offs,
 * dashes off subheadlines), prose repaired, paragraphs rebuilt, and the
 * evidence for every boundary and pairing decision written down.
 */
import type { ClassifiedLine } from './classify-lines.js';
import type { BodyUnit, Block, TitleBlock } from './group-blocks.js';
import { titleLines, unitLines } from './group-blocks.js';
import type { MarkerSet } from './markers.js';
import { closedByEvidence, openedByEvidence } from './messages.js';
import type { Article, Byline, Evidence, LineRange, Paragraph, Repair } from './model.js';
import { repairProse } from './normalize-spacing.js';
import { isPhotoUnit, type Pairing } from './pair-titles.js';
import { reflowParagraphs, type Piece } from './reflow-paragraphs.js';
import { reporterInDateline } from './parse-byline.js';
import { lowerBound } from './arrays.js';
import { CLASSIFY_TUNING as T } from './classify-tuning.js';

export interface BuildContext {
  markers: MarkerSet;
  repairs: Repair[];
  keepSpacing: boolean;
  /** The page ends sentences with 、 (see detect-punctuation-style.ts). */
  pauseEnds?: boolean;
}

const one = (n: number): LineRange => [n, n];

function mergeBylines(list: Byline[]): Byline | null {
  if (list.length === 0) return null;
  if (list.length === 1) return list[0]!;
  const uniq = (xs: (string | null)[]) => [...new Set(xs.filter((x): x is string => x !== null))];
  const roles = uniq(list.flatMap((b) => (b.role ? b.role.split('/') : [])));
  const credits = uniq(list.map((b) => b.credit));
  return {
    text: list.map((b) => b.text).join(' '),
    role: roles.length ? roles.join('/') : null,
    names: uniq(list.flatMap((b) => b.names)),
    credit: credits.length ? credits.join('/') : null,
  };
}

/** Strip a marker (brackets, dashes) off a field, recording what was removed. */
function stripMarker(line: ClassifiedLine, stripped: string, kind: Repair['kind'], ctx: BuildContext): string {
  if (stripped !== line.text) ctx.repairs.push({ kind, lines: one(line.n), before: line.text, after: stripped });
  return stripped;
}

function headlineFrom(t: TitleBlock, ctx: BuildContext): string | null {
  if (t.titles.length === 0) return null;
  const parts = t.titles.map((l) => ({ line: l, text: repairProse(l.text, l.n, ctx.repairs, ctx.keepSpacing) }));
  let out = parts[0]!.text;
  for (let i = 1; i < parts.length; i++) {
    // Two balanced headline lines are parallel clauses (全力抓好经济工作 增强人民群众“感受度”);
    // a short tail line finishes the first (“我为群众办实事”项目发布成压轴戏).
    const balanced = parts[i]!.line.width >= T.balancedHeadlineShare * parts[i - 1]!.line.width;
    out += (balanced ? ' ' : '') + parts[i]!.text;
  }
  return out;
}

function subheadlineFrom(line: ClassifiedLine, ctx: BuildContext): string {
  const stripped = stripMarker(line, line.text.replace(ctx.markers.subheadlinePrefix, ''), 'subheadline-dashes', ctx);
  return repairProse(stripped, line.n, ctx.repairs, ctx.keepSpacing);
}

function bracketInner(line: ClassifiedLine, ctx: BuildContext): string {
  const inner = (line.inner ?? line.text).trim();
  return stripMarker(line, inner, 'marker-brackets', ctx);
}

function bodyPieces(unit: BodyUnit, ctx: BuildContext): Piece[] {
  const pieces: Piece[] = [];
  if (unit.dateline?.dateline) {
    const rest = unit.dateline.dateline.rest;
    if (rest !== '') pieces.push({ n: unit.dateline.n, text: repairProse(rest, unit.dateline.n, ctx.repairs, ctx.keepSpacing), line: unit.dateline });
  }
  const after = unit.datelineReporter;
  if (after?.dateline && after.dateline.rest !== '') pieces.push({ n: after.n, text: repairProse(after.dateline.rest, after.n, ctx.repairs, ctx.keepSpacing), line: after });
  for (const line of unit.body) {
    pieces.push({ n: line.n, text: repairProse(line.text, line.n, ctx.repairs, ctx.keepSpacing), line });
  }
  if (unit.endmark) pieces.push({ n: unit.endmark.n, text: unit.endmark.text, line: unit.endmark });
  return pieces;
}

function span(ranges: LineRange[]): LineRange {
  return [Math.min(...ranges.map((r) => r[0])), Math.max(...ranges.map((r) => r[1]))];
}

interface HeadlineFields {
  kicker: string | null;
  headline: string | null;
  subheadline: string | null;
}

function headlineFields(title: TitleBlock, ctx: BuildContext, sources: Article['sources'], evidence: Evidence[]): HeadlineFields {
  let kicker: string | null = null;
  let subheadline: string | null = null;
  if (title.kicker) {
    kicker = repairProse(title.kicker.text, title.kicker.n, ctx.repairs, ctx.keepSpacing);
    for (const l of title.kickerRest) kicker += repairProse(l.text, l.n, ctx.repairs, ctx.keepSpacing);
    const last = title.kickerRest[title.kickerRest.length - 1] ?? title.kicker;
    sources.kicker = [title.kicker.n, last.n];
  }
  const headline = headlineFrom(title, ctx);
  if (title.titles.length) sources.headline = [title.titles[0]!.n, title.titles[title.titles.length - 1]!.n];
  if (title.subheadline) {
    subheadline = subheadlineFrom(title.subheadline, ctx);
    for (const l of title.subheadlineRest) subheadline += repairProse(l.text, l.n, ctx.repairs, ctx.keepSpacing);
    const last = title.subheadlineRest[title.subheadlineRest.length - 1] ?? title.subheadline;
    sources.subheadline = [title.subheadline.n, last.n];
  }
  evidence.push({ code: title.display ? 'HEADLINE_FROM_DISPLAY_LINE' : 'HEADLINE_BLOCK', lines: title.lines, detail: title.titles.map((l) => l.rule).join(',') });
  return { kicker, headline, subheadline };
}

interface BodyFields {
  byline: Byline | null;
  dateline: string | null;
  paragraphs: Paragraph[];
  signoff: string | null;
  continuation: string | null;
  jumpFrom: string | null;
}

/** The byline of a unit: its byline lines and a reporter bracketed after the dateline, with the lines they came from. */
function unitByline(unit: BodyUnit, sources: Article['sources']): Byline | null {
  const bylines: Byline[] = [];
  let first = Infinity;
  let last = -Infinity;
  for (const l of unit.bylines) {
    first = Math.min(first, l.n);
    last = Math.max(last, l.carriedFrom ?? l.n);
    if (l.byline) bylines.push(l.byline);
  }
  const marker = unit.dateline?.dateline?.marker;
  // The reporter named inside a wire dateline counts only when no byline line names anyone:
  // its text stays in the dateline, so it cannot be merged with another byline's.
  const reporter = unit.dateline?.dateline?.reporter ?? (marker && bylines.length === 0 ? reporterInDateline(marker) : null);
  if (reporter) {
    bylines.push(reporter);
    first = Math.min(first, unit.dateline!.n);
    last = Math.max(last, unit.dateline!.carriedFrom ?? unit.dateline!.n);
  }
  const after = unit.datelineReporter;
  if (after?.dateline?.reporter) {
    bylines.push(after.dateline.reporter);
    first = Math.min(first, after.n);
    last = Math.max(last, after.carriedFrom ?? after.n);
  }
  const byline = mergeBylines(bylines);
  if (byline) sources.byline = [first, last];
  return byline;
}

function bodyFields(unit: BodyUnit, ctx: BuildContext, sources: Article['sources'], evidence: Evidence[]): BodyFields {
  const byline = unitByline(unit, sources);
  let dateline: string | null = null;
  let signoff: string | null = null;
  let continuation: string | null = null;
  let jumpFrom: string | null = null;
  if (unit.jumpFrom) {
    jumpFrom = bracketInner(unit.jumpFrom, ctx);
    sources.jumpFrom = one(unit.jumpFrom.n);
  }
  if (unit.dateline?.dateline?.marker) {
    dateline = unit.dateline.dateline.marker;
    sources.dateline = one(unit.dateline.n);
  }
  const paragraphs = reflowParagraphs(bodyPieces(unit, ctx), ctx.markers, ctx.pauseEnds);
  if (unit.signoff) {
    signoff = bracketInner(unit.signoff, ctx);
    sources.signoff = one(unit.signoff.n);
  }
  if (unit.jump) {
    continuation = bracketInner(unit.jump, ctx);
    sources.continuation = one(unit.jump.n);
  }
  evidence.push({ code: openedByEvidence(unit.openedBy), lines: one(unitLines(unit)[0]!.n) });
  if (unit.closedBy) {
    const closer = unit.closedBy === 'signoff' ? unit.signoff : unit.closedBy === 'jump' ? unit.jump : unit.closedBy === 'endmark' ? unit.endmark : null;
    evidence.push({ code: closedByEvidence(unit.closedBy), lines: one(closer?.n ?? unit.lines[1]) });
  }
  if (unit.tails) evidence.push({ code: 'TAIL_UNDER_STORY', lines: unit.tails });
  for (const join of unit.joins ?? []) evidence.push({ code: 'TEXT_PARTS_JOINED', lines: join.lines, detail: join.rule });
  return { byline, dateline, paragraphs, signoff, continuation, jumpFrom };
}

function pairingEvidence(pairing: Pairing, title: TitleBlock, unit: BodyUnit): Evidence {
  const code = pairing.adjacent === null ? 'PAIRED_BY_CONTENT' : pairing.content >= T.pairContentAlone ? 'PAIRED_BY_POSITION_AND_CONTENT' : 'PAIRED_BY_POSITION';
  const where = pairing.adjacent ? `, headline ${pairing.adjacent === 'before' ? 'directly above the text' : 'directly below the photo text'}` : '';
  return {
    code,
    lines: span([title.lines, unit.lines]),
    score: Math.round(pairing.score * 1000) / 1000,
    detail: `headline bigram recall ${pairing.content.toFixed(2)}${where}`,
  };
}

/** A photo story: credited as one (the markers' photoStory, 摄影报道), or a photo unit whose text is mostly caption. */
function isPhotoStory(byline: Byline | null, unit: BodyUnit | null, paragraphs: Paragraph[], markers: MarkerSet): boolean {
  if (markers.photoStory.test(byline?.credit ?? '')) return true;
  if (unit === null || !isPhotoUnit(unit, markers) || !paragraphs.some((p) => p.type === 'caption')) return false;
  return paragraphs.filter((p) => p.type === 'paragraph').length <= T.photoStoryParagraphs;
}

const NO_HEADLINE: HeadlineFields = { kicker: null, headline: null, subheadline: null };
const noBody = (): BodyFields => ({ byline: null, dateline: null, paragraphs: [], signoff: null, continuation: null, jumpFrom: null });

/** Build one article from an optional headline block and an optional body unit. */
export function buildArticle(title: TitleBlock | null, unit: BodyUnit | null, pairing: Pairing | null, ctx: BuildContext): Article {
  const evidence: Evidence[] = [];
  const sources: Article['sources'] = {};
  const head = title ? headlineFields(title, ctx, sources, evidence) : NO_HEADLINE;
  const body = unit ? bodyFields(unit, ctx, sources, evidence) : noBody();
  if (pairing) evidence.push(pairingEvidence(pairing, title!, unit!));
  const ranges: LineRange[] = [];
  if (title) ranges.push(title.lines);
  if (unit) ranges.push(unit.lines);
  return {
    id: '',
    kind: isPhotoStory(body.byline, unit, body.paragraphs, ctx.markers) ? 'photo' : 'article',
    lines: span(ranges),
    script: 'unknown', // set by detect-script once the whole page is built
    ranges: [span(ranges)], // narrowed by assignRanges once every article of the page is known
    kicker: head.kicker,
    headline: head.headline,
    subheadline: head.subheadline,
    byline: body.byline,
    dateline: body.dateline,
    paragraphs: body.paragraphs,
    signoff: body.signoff,
    continuation: body.continuation,
    jumpFrom: body.jumpFrom,
    sources,
    evidence,
  };
}

/** Every input line an article's parts were cut from (a marker carried up from the next line counts both). */
function ownLines(title: TitleBlock | null, unit: BodyUnit | null): number[] {
  const out: number[] = [];
  const lines = [...(title ? titleLines(title) : []), ...(unit ? unitLines(unit) : [])];
  for (const l of lines) {
    out.push(l.n);
    if (l.carriedFrom !== undefined) out.push(l.carriedFrom);
  }
  return out.sort((a, b) => a - b);
}

/**
 * Each article's own line ranges: runs of its lines, broken only where a line
 * of another article lies between. Lines nobody owns (blank, furniture) do
 * not break a run, so a story set in one piece is one range; a headline
 * paired with text further down (scrambled reading order) gives two, and the
 * ranges of two articles never nest as their first–last `lines` may.
 */
function assignRanges(articles: Article[], parts: number[][]): void {
  // The article owning each line (-1: none), and the owned lines in order, as typed arrays indexed by
  // line number: a 50 MB page has 1.3 million lines, and a Map of them and its sorted keys were ~70 MB.
  let maxLine = 0;
  for (const lines of parts) for (const n of lines) maxLine = Math.max(maxLine, n);
  const owner = new Int32Array(maxLine + 1).fill(-1);
  parts.forEach((lines, i) => lines.forEach((n) => (owner[n] = i)));
  let owned = 0;
  for (let n = 0; n <= maxLine; n++) if (owner[n]! >= 0) owned++;
  const others = new Int32Array(owned);
  for (let n = 0, k = 0; n <= maxLine; n++) if (owner[n]! >= 0) others[k++] = n;
  for (let i = 0; i < articles.length; i++) {
    const lines = parts[i]!;
    const ranges: LineRange[] = [];
    // Index into `others`, advanced past each run's end; it starts at the article's first line (from 0, every
    // article walked the lines of all articles before it: quadratic on a page of thousands of articles).
    let k = lowerBound(others, lines[0] ?? 0);
    for (const n of lines) {
      const last = ranges[ranges.length - 1];
      if (last && n <= last[1]) continue;
      let foreign = false;
      if (last) {
        while (k < others.length && others[k]! <= last[1]) k++;
        for (let j = k; j < others.length && others[j]! < n; j++) {
          if (owner[others[j]!] !== i) {
            foreign = true;
            break;
          }
        }
      }
      if (last && !foreign) last[1] = n;
      else ranges.push([n, n]);
    }
    articles[i]!.ranges = ranges;
  }
}

export function buildArticles(blocks: Block[], pairs: Pairing[], ctx: BuildContext): Article[] {
  const byTitle = new Map(pairs.map((p) => [p.title, p]));
  const pairedBodies = new Set(pairs.map((p) => p.body));
  const built: { article: Article; lines: number[] }[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]!;
    if (block.type === 'title') {
      const p = byTitle.get(i);
      const unit = p ? (blocks[p.body] as BodyUnit) : null;
      built.push({ article: buildArticle(block, unit, p ?? null, ctx), lines: ownLines(block, unit) });
    } else if (!pairedBodies.has(i)) {
      built.push({ article: buildArticle(null, block, null, ctx), lines: ownLines(null, block) });
    }
  }
  built.sort((a, b) => a.article.lines[0] - b.article.lines[0]);
  const articles = built.map((b) => b.article);
  articles.forEach((a, i) => (a.id = `a${i + 1}`));
  assignRanges(articles, built.map((b) => b.lines));
  return articles;
}
