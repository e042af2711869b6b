/** Small hand-made documents for the eval tests. */
import type { Article, NewsDocument, Paragraph } from '../../src/core/model.js';
import type { GoldArticle, GoldDocument } from '../../src/eval/gold.js';

type ParagraphSpec = string | [Paragraph['type'], string];

export function article(n: number, fields: Partial<Omit<Article, 'paragraphs'>> & { paragraphs?: ParagraphSpec[] } = {}): Article {
  const { paragraphs = [], ...rest } = fields;
  return {
    id: `a${n}`,
    kind: 'article',
    lines: [1, 1],
    kicker: null,
    headline: null,
    subheadline: null,
    byline: null,
    dateline: null,
    signoff: null,
    continuation: null,
    sources: {},
    evidence: [],
    ...rest,
    paragraphs: paragraphs.map((p) => {
      const [type, text] = typeof p === 'string' ? (['paragraph', p] as const) : p;
      return { type, text, lines: [1, 1] };
    }),
  };
}

export function doc(articles: Article[], extra: Partial<NewsDocument> = {}): NewsDocument {
  return {
    schemaVersion: 1,
    tool: { name: 'news-parse', version: 'test' },
    source: { path: null, sha256: '0'.repeat(64), encoding: 'utf-8', format: 'text', bytes: 0, lines: 1 },
    page: { number: null, furniture: [] },
    articles,
    unassigned: [],
    repairs: [],
    warnings: [],
    ...extra,
  };
}

/** The gold form of a predicted document: every scored field present. */
export function goldOf(d: NewsDocument): GoldDocument {
  return {
    articles: d.articles.map(
      (a): GoldArticle => ({
        kind: a.kind,
        kicker: a.kicker,
        headline: a.headline,
        subheadline: a.subheadline,
        byline: a.byline,
        dateline: a.dateline,
        paragraphs: a.paragraphs.map((p) => ({ type: p.type, text: p.text })),
        signoff: a.signoff,
        continuation: a.continuation,
      }),
    ),
  };
}
