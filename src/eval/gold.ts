/**
 * The gold document: a NewsDocument in which only the scored fields need to be
 * present (schemas/gold.schema.json). An absent field is not scored; a field
 * present with null is scored as "must be null".
 */
import validateGoldFn from '../schema/generated/gold.validate.js';
import type { Article, Byline, Paragraph, ParagraphType } from '../core/model.js';

export interface GoldParagraph {
  type?: ParagraphType;
  text: string;
  lines?: Paragraph['lines'];
}

export type GoldByline = Partial<Byline>;

export interface GoldArticle {
  kind?: Article['kind'];
  kicker?: string | null;
  headline?: string | null;
  subheadline?: string | null;
  byline?: GoldByline | null;
  dateline?: string | null;
  paragraphs?: GoldParagraph[];
  signoff?: string | null;
  continuation?: string | null;
}

export interface GoldDocument {
  page?: { number?: string | null; furniture?: { role: string; text: string }[] };
  articles?: GoldArticle[];
}

/** The fields compared on every matched pair, in report order. */
export const SCORED_FIELDS = ['kind', 'kicker', 'headline', 'subheadline', 'byline', 'dateline', 'signoff', 'continuation'] as const;
export type ScoredField = (typeof SCORED_FIELDS)[number];

/** Schema problems that make `data` unusable as a gold file; empty when it is fine. */
export function goldProblems(data: unknown): { path: string; message: string }[] {
  if (validateGoldFn(data)) return [];
  return (validateGoldFn.errors ?? []).map((e) => {
    const extra = e.keyword === 'additionalProperties' ? ` ('${String(e.params.additionalProperty)}')` : '';
    const allowed = e.keyword === 'enum' ? ` (${(e.params.allowedValues as unknown[]).join(', ')})` : '';
    return { path: e.instancePath || '/', message: (e.message ?? 'invalid') + extra + allowed };
  });
}
