/**
 * Issue stage 2 — one document for a whole issue: its pages in page order,
 * the continuation links between their articles (link-continuations.ts), and
 * every story of the issue once, a story that jumps being joined from its
 * parts (their paragraphs in order, each paragraph naming the part it came
 * from). The per-page documents come back with `continuedOn` /
 * `continuedFrom` set on the linked parts. Pure.
 */
import { diagnostic } from './messages.js';
import type { Article, Byline, Diagnostic, IssueIdentity, NewsDocument, ParagraphType, LineRange, PageDate } from './model.js';
import { issueRef, linkContinuations, type ContinuationLink } from './link-continuations.js';
import { BUILD_ID } from '../build-id.js';
import { VERSION } from '../version.js';

export interface IssuePart {
  /** The part's article reference in the issue (issueRef). */
  id: string;
  /** 1-based index of its page in issue order. */
  page: number;
  pageNumber: string | null;
  headline: string | null;
  lines: LineRange;
  ranges: LineRange[];
}

export interface IssueArticle {
  id: string;
  kind: Article['kind'];
  kicker: string | null;
  headline: string | null;
  subheadline: string | null;
  byline: Byline | null;
  dateline: string | null;
  signoff: string | null;
  paragraphs: { type: ParagraphType; text: string; lines: LineRange; part: string }[];
  parts: IssuePart[];
}

export interface IssuePage {
  index: number;
  number: string | null;
  numberValue: { section: string | null; value: number } | null;
  id: string | null;
  date: PageDate | null;
  path: string | null;
  /** The page's 1-based index inside a multi-page file (PDF), else null. */
  pageInFile: number | null;
  sha256: string;
  articles: string[];
}

export interface IssueDocument {
  schemaVersion: 1;
  kind: 'issue';
  /** `build`: as a NewsDocument's tool.build. */
  tool: { name: 'news-parse'; version: string; build?: string };
  issue: IssueIdentity;
  pages: IssuePage[];
  links: ContinuationLink[];
  articles: IssueArticle[];
  warnings: Diagnostic[];
}

/**
 * Page order: by section letter (none first), then number; pages without a
 * numeric page number keep their input order after the numbered ones.
 */
export function orderPages(docs: readonly NewsDocument[]): NewsDocument[] {
  const key = (d: NewsDocument) => d.page.numberValue ?? null;
  return docs
    .map((doc, i) => ({ doc, i }))
    .sort((a, b) => {
      const x = key(a.doc);
      const y = key(b.doc);
      if (x && y) return (x.section ?? '').localeCompare(y.section ?? '') || x.value - y.value || a.i - b.i;
      if (x || y) return x ? -1 : 1;
      return a.i - b.i;
    })
    .map((x) => x.doc);
}

/** The issue's identity: what every page that knows it agrees on; a disagreement is a warning and a null. */
function issueIdentity(pages: readonly NewsDocument[], warnings: Diagnostic[]): IssueIdentity {
  const agreed = (field: 'paper' | 'date' | 'edition'): string | null => {
    const values = [...new Set(pages.map((p) => p.page.issue?.[field] ?? null).filter((v): v is string => v !== null))];
    if (values.length > 1) warnings.push(diagnostic('ISSUE_PAGES_DISAGREE', { field, values: values.join(', ') }));
    return values.length === 1 ? values[0]! : null;
  };
  const paper = agreed('paper');
  const date = agreed('date');
  const edition = agreed('edition');
  return { paper, date, edition, id: paper && date && edition ? `${paper}-${date}-${edition}` : null };
}

function joinParts(chain: { article: Article; ref: string; page: number; doc: NewsDocument }[]): IssueArticle {
  const first = chain[0]!.article;
  const paragraphs: IssueArticle['paragraphs'] = [];
  for (const p of chain) for (const para of p.article.paragraphs) paragraphs.push({ ...para, part: p.ref });
  return {
    id: chain[0]!.ref,
    kind: first.kind,
    kicker: first.kicker,
    headline: first.headline,
    subheadline: first.subheadline,
    byline: chain.find((p) => p.article.byline)?.article.byline ?? null,
    dateline: first.dateline,
    signoff: [...chain].reverse().find((p) => p.article.signoff)?.article.signoff ?? null,
    paragraphs,
    parts: chain.map((p) => ({
      id: p.ref,
      page: p.page + 1,
      pageNumber: p.doc.page.number,
      headline: p.article.headline,
      lines: p.article.lines,
      ranges: p.article.ranges ?? [p.article.lines],
    })),
  };
}

export function assembleIssue(docs: readonly NewsDocument[]): { issue: IssueDocument; pages: NewsDocument[] } {
  const warnings: Diagnostic[] = [];
  const ordered = orderPages(docs);
  const identity = issueIdentity(ordered, warnings);
  const { links, warnings: jumpWarnings } = linkContinuations(ordered);
  warnings.push(...jumpWarnings);
  const on = new Map(links.map((l) => [l.from, l.to]));
  const from = new Map(links.map((l) => [l.to, l.from]));

  const byRef = new Map<string, { article: Article; ref: string; page: number; doc: NewsDocument }>();
  const pages = ordered.map((doc, page) => {
    const articles = doc.articles.map((a) => {
      const ref = issueRef(doc, page, a);
      const linked = { ...a, continuedOn: on.get(ref) ?? null, continuedFrom: from.get(ref) ?? null };
      byRef.set(ref, { article: linked, ref, page, doc });
      return linked;
    });
    return { ...doc, articles };
  });

  const articles: IssueArticle[] = [];
  const joined = new Set<string>();
  for (const part of byRef.values()) {
    if (from.has(part.ref) || joined.has(part.ref)) continue;
    const chain = [part];
    joined.add(part.ref);
    for (let next = on.get(part.ref); next !== undefined && !joined.has(next); next = on.get(next)) {
      chain.push(byRef.get(next)!);
      joined.add(next);
    }
    articles.push(joinParts(chain));
  }
  // Links that run in a circle (jumps pointing back and forth) have no start: each part stands alone.
  for (const part of byRef.values()) if (!joined.has(part.ref)) articles.push(joinParts([part]));

  const issuePages: IssuePage[] = pages.map((doc, i) => ({
    index: i + 1,
    number: doc.page.number,
    numberValue: doc.page.numberValue ?? null,
    id: doc.page.id ?? null,
    date: doc.page.date ?? null,
    path: doc.source.path,
    pageInFile: doc.source.pageIndex ?? null,
    sha256: doc.source.sha256,
    articles: doc.articles.map((a) => issueRef(doc, i, a)),
  }));
  return {
    issue: { schemaVersion: 1, kind: 'issue', tool: { name: 'news-parse', version: VERSION, build: BUILD_ID }, issue: identity, pages: issuePages, links, articles, warnings },
    pages,
  };
}
