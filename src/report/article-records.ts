/**
 * Article-level exports: one flat record per article (`--articles jsonl|csv`)
 * for a catalogue, a search index or a spreadsheet, validated by
 * schemas/article-record.schema.json. A story joined across pages in issue
 * mode is one record; its `sources` list every part. Pure.
 */
import type { IssueArticle, IssueDocument } from '../core/assemble-issue.js';
import type { Article, LineRange, NewsDocument } from '../core/model.js';

export interface ArticleSource {
  /** The part's article id (issue reference in issue mode). */
  id: string;
  path: string | null;
  /** The page's 1-based index inside a multi-page file (PDF), else null. */
  pageInFile: number | null;
  page: string | null;
  lines: LineRange;
  ranges: LineRange[];
}

export interface ArticleRecord {
  id: string;
  issue: string | null;
  date: string | null;
  /** Printed page number of the (first) part. */
  page: string | null;
  /** Printed page numbers of all parts, in order. */
  pages: (string | null)[];
  kind: Article['kind'];
  kicker: string | null;
  headline: string | null;
  subheadline: string | null;
  byline: string[];
  bylineRole: string | null;
  dateline: string | null;
  signoff: string | null;
  /** The paragraphs joined with a line feed. */
  text: string;
  paragraphs: string[];
  sources: ArticleSource[];
}

type Fields = Pick<Article, 'kind' | 'kicker' | 'headline' | 'subheadline' | 'byline' | 'dateline' | 'signoff'> & { paragraphs: { text: string }[] };

function record(id: string, issue: string | null, date: string | null, a: Fields, sources: ArticleSource[]): ArticleRecord {
  const paragraphs = a.paragraphs.map((p) => p.text);
  return {
    id,
    issue,
    date,
    page: sources[0]?.page ?? null,
    pages: sources.map((s) => s.page),
    kind: a.kind,
    kicker: a.kicker,
    headline: a.headline,
    subheadline: a.subheadline,
    byline: a.byline?.names ?? [],
    bylineRole: a.byline?.role ?? null,
    dateline: a.dateline,
    signoff: a.signoff,
    text: paragraphs.join('\n'),
    paragraphs,
    sources,
  };
}

/** One record per article of a page document. */
export function pageRecords(doc: NewsDocument): ArticleRecord[] {
  const issue = doc.page.issue?.id ?? null;
  const date = doc.page.issue?.date ?? doc.page.date?.iso ?? null;
  return doc.articles.map((a) =>
    record(a.id, issue, date, a, [{ id: a.id, path: doc.source.path, pageInFile: doc.source.pageIndex ?? null, page: doc.page.number, lines: a.lines, ranges: a.ranges ?? [a.lines] }]),
  );
}

/** One record per story of an issue: a joined continuation is one record. */
export function issueRecords(issue: IssueDocument): ArticleRecord[] {
  const pageOf = (index: number) => issue.pages[index - 1];
  return issue.articles.map((a: IssueArticle) =>
    record(
      a.id,
      issue.issue.id,
      issue.issue.date,
      a,
      a.parts.map((p) => ({ id: p.id, path: pageOf(p.page)?.path ?? null, pageInFile: pageOf(p.page)?.pageInFile ?? null, page: p.pageNumber, lines: p.lines, ranges: p.ranges })),
    ),
  );
}

/** CSV columns, in order: the record's flat fields; lists joined (see README). */
export const CSV_COLUMNS = [
  'id', 'issue', 'date', 'page', 'pages', 'kind', 'kicker', 'headline', 'subheadline', 'byline', 'byline_role', 'dateline', 'signoff', 'paragraphs', 'text', 'sources',
] as const;

const ranges = (r: LineRange[]) => r.map(([a, b]) => (a === b ? `L${a}` : `L${a}-${b}`)).join(',');

/** A record as CSV cells: names joined with 、, pages with ;, sources as path#L6-13,L20-24 (path@2#… for page 2 of a PDF) joined with ;. */
export function csvCells(r: ArticleRecord): string[] {
  return [
    r.id,
    r.issue ?? '',
    r.date ?? '',
    r.page ?? '',
    r.pages.map((p) => p ?? '').join(';'),
    r.kind,
    r.kicker ?? '',
    r.headline ?? '',
    r.subheadline ?? '',
    r.byline.join('、'),
    r.bylineRole ?? '',
    r.dateline ?? '',
    r.signoff ?? '',
    String(r.paragraphs.length),
    r.text,
    r.sources.map((s) => `${s.path ?? '-'}${s.pageInFile !== null ? `@${s.pageInFile}` : ''}#${ranges(s.ranges)}`).join(';'),
  ];
}

/** RFC 4180: a field with a comma, quote, CR or LF is quoted, quotes doubled; records end with CRLF. */
export function csvField(s: string): string {
  return /[",\r\n]/u.test(s) ? `"${s.replace(/"/gu, '""')}"` : s;
}

export function csvRow(cells: readonly string[]): string {
  return cells.map(csvField).join(',') + '\r\n';
}

/** The UTF-8 byte-order mark that makes spreadsheet programs read the file as UTF-8 (--bom). */
export const UTF8_BOM = '\uFEFF';
