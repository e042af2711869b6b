/**
 * Scoring one page: a predicted NewsDocument against its gold document. Pure;
 * returns raw counts (so pages add up exactly) and the article pairing (so
 * reports can say which article went wrong). Metrics are computed from counts
 * in `aggregate.ts`.
 *
 * Body text of an article is its paragraph texts concatenated, whitespace
 * removed; for a gold article without paragraphs (absent or empty) the headline
 * is used instead, on both sides of every comparison with it.
 */
import { accountCharacters } from '../core/accounting.js';
import type { Article, NewsDocument } from '../core/model.js';
import { SCORED_FIELDS, type GoldArticle, type GoldDocument, type ScoredField } from './gold.js';
import { countSplitsMerges, matchArticles } from './match-articles.js';
import { alignOffsets, lcsLength, lcsSimilarity, squash, toCodes, type Codes, type OffsetMap } from './similarity.js';

/** tp of `predicted` items that are right, of `gold` items that should be there. */
export interface PRCounts {
  tp: number;
  predicted: number;
  gold: number;
}

export interface Tally {
  correct: number;
  total: number;
}

export interface PageCounts {
  /** null when the gold file has no `articles` (article scores not wanted). */
  articles: (PRCounts & { splits: number; merges: number }) | null;
  fields: Record<ScoredField, Tally>;
  /** Paragraph boundaries inside matched pairs whose gold has paragraphs; `pairs` counts those pairs. */
  boundaries: PRCounts & { pairs: number };
  /** Subheadings (paragraph type `subheading`, matched by text) inside the same pairs. */
  subheadings: PRCounts & { pairs: number };
  /** Edit operations and gold characters of body text; unmatched gold articles count all their characters. */
  body: { errors: number; goldChars: number };
  /** Lossless accounting; null when the input text is not known (XML input). */
  chars: { input: number; missing: number; extra: number } | null;
}

export interface ArticleResult {
  /** Index into gold `articles`, or null for a predicted article with no gold partner. */
  gold: number | null;
  /** Id of the predicted article, or null for a missed gold article. */
  predicted: string | null;
  similarity: number | null;
  /** The headline (gold, else predicted), or the start of the body, for reports. */
  label: string;
  /** Scored fields that differ, for a matched pair. */
  wrongFields: ScoredField[];
  /** Set on gold articles that are split and predicted articles that merge several gold ones. */
  split?: boolean;
  merged?: boolean;
}

export interface PageScore {
  counts: PageCounts;
  articles: ArticleResult[];
  lossless: { missingSample: string; extraSample: string } | null;
}

export function emptyCounts(): PageCounts {
  const fields = {} as Record<ScoredField, Tally>;
  for (const f of SCORED_FIELDS) fields[f] = { correct: 0, total: 0 };
  return {
    articles: null,
    fields,
    boundaries: { tp: 0, predicted: 0, gold: 0, pairs: 0 },
    subheadings: { tp: 0, predicted: 0, gold: 0, pairs: 0 },
    body: { errors: 0, goldChars: 0 },
    chars: null,
  };
}

interface BodyText {
  codes: Codes;
  /** Internal paragraph boundaries as offsets into `codes`. */
  boundaries: number[];
  subheadings: string[];
}

function paragraphBody(paragraphs: { type?: string; text: string }[]): BodyText {
  const parts: string[] = [];
  const boundaries: number[] = [];
  const subheadings: string[] = [];
  let offset = 0;
  for (const p of paragraphs) {
    const text = squash(p.text);
    if (text.length === 0) continue;
    if (parts.length > 0) boundaries.push(offset);
    parts.push(text);
    offset += [...text].length;
    if (p.type === 'subheading') subheadings.push(text);
  }
  return { codes: toCodes(parts.join('')), boundaries, subheadings };
}

function usesParagraphs(g: GoldArticle): boolean {
  return (g.paragraphs ?? []).some((p) => squash(p.text).length > 0);
}

function headlineBody(headline: string | null | undefined): BodyText {
  return { codes: toCodes(headline ?? ''), boundaries: [], subheadings: [] };
}

function sameText(a: string | null | undefined, b: string | null | undefined): boolean {
  if (a == null || b == null) return a == null && b == null;
  return squash(a) === squash(b);
}

/** A scored field is right when it equals gold after whitespace removal; byline compares role and names. */
function fieldRight(field: ScoredField, gold: GoldArticle, predicted: Article): boolean {
  if (field === 'byline') {
    const g = gold.byline;
    const p = predicted.byline;
    if (g == null || p == null) return g == null && p == null;
    if (g.role !== undefined && !sameText(g.role, p.role)) return false;
    if (g.names !== undefined) {
      const gn = g.names.map(squash).sort();
      const pn = p.names.map(squash).sort();
      if (gn.length !== pn.length || gn.some((n, i) => n !== pn[i])) return false;
    }
    return true;
  }
  if (field === 'kind') return gold.kind === predicted.kind;
  return sameText(gold[field], predicted[field]);
}

/** Predicted boundaries that land on a gold boundary once mapped through the alignment. */
function matchBoundaries(predicted: BodyText, gold: BodyText, map: OffsetMap): number {
  const golds = gold.boundaries;
  const used = new Uint8Array(golds.length);
  let tp = 0;
  for (const b of predicted.boundaries) {
    const lo = map.lo[b]!;
    const hi = map.hi[b]!;
    const k = golds.findIndex((g, i) => !used[i] && g >= lo && g <= hi);
    if (k >= 0) (used[k] = 1), tp++;
  }
  return tp;
}

function multisetOverlap(a: string[], b: string[]): number {
  const left = new Map<string, number>();
  for (const s of a) left.set(s, (left.get(s) ?? 0) + 1);
  let n = 0;
  for (const s of b) {
    const k = left.get(s);
    if (k) left.set(s, k - 1), n++;
  }
  return n;
}

function labelOf(headline: string | null | undefined, body: Codes): string {
  const h = headline ? squash(headline) : '';
  if (h) return h;
  return String.fromCodePoint(...body.subarray(0, 16)) + (body.length > 16 ? '…' : '');
}

/**
 * Score `predicted` against `gold`.
 *
 * @param predicted The parser's document for the page.
 * @param gold The gold document (partial NewsDocument).
 * @param inputText The decoded input text, for the lossless count; null to skip it.
 */
export function scorePage(predicted: NewsDocument, gold: GoldDocument, inputText: string | null): PageScore {
  const counts = emptyCounts();
  const results: ArticleResult[] = [];
  let lossless: PageScore['lossless'] = null;
  if (inputText !== null) {
    const account = accountCharacters(inputText, predicted);
    counts.chars = { input: toCodes(inputText).length, missing: account.missing, extra: account.extra };
    lossless = { missingSample: account.missingSample, extraSample: account.extraSample };
  }
  if (!gold.articles) return { counts, articles: results, lossless };

  const goldArticles = gold.articles;
  const predArticles = predicted.articles;
  const goldBodies = goldArticles.map((g) => (usesParagraphs(g) ? paragraphBody(g.paragraphs!) : headlineBody(g.headline)));
  const predParagraphBodies = predArticles.map((p) =>
    p.paragraphs.some((q) => squash(q.text).length > 0) ? paragraphBody(p.paragraphs) : headlineBody(p.headline),
  );
  const predHeadlineBodies = predArticles.map((p) => headlineBody(p.headline));
  const predBodyFor = (g: number, p: number) => (usesParagraphs(goldArticles[g]!) ? predParagraphBodies[p]! : predHeadlineBodies[p]!);

  const lcs: number[][] = [];
  const similarity: number[][] = [];
  for (let g = 0; g < goldArticles.length; g++) {
    lcs.push([]);
    similarity.push([]);
    for (let p = 0; p < predArticles.length; p++) {
      const a = goldBodies[g]!.codes;
      const b = predBodyFor(g, p).codes;
      const l = lcsLength(a, b);
      lcs[g]!.push(l);
      similarity[g]!.push(a.length + b.length === 0 ? 0 : lcsSimilarity(a, b, l));
    }
  }

  const pairs = matchArticles(similarity);
  const { splits, merges } = countSplitsMerges(
    lcs,
    goldBodies.map((b) => b.codes.length),
    predArticles.map((_, p) => predParagraphBodies[p]!.codes.length),
  );
  counts.articles = { tp: pairs.length, predicted: predArticles.length, gold: goldArticles.length, splits: splits.length, merges: merges.length };

  const partnerOfGold = new Map(pairs.map(([g, p]) => [g, p]));
  const matchedPred = new Set(pairs.map(([, p]) => p));
  for (let g = 0; g < goldArticles.length; g++) {
    const ga = goldArticles[g]!;
    const gb = goldBodies[g]!;
    counts.body.goldChars += gb.codes.length;
    const p = partnerOfGold.get(g);
    if (p === undefined) {
      counts.body.errors += gb.codes.length;
      results.push({ gold: g, predicted: null, similarity: null, label: labelOf(ga.headline, gb.codes), wrongFields: [], split: splits.includes(g) || undefined });
      continue;
    }
    const pa = predArticles[p]!;
    const pb = predBodyFor(g, p);
    const wrongFields: ScoredField[] = [];
    for (const f of SCORED_FIELDS) {
      if (!(f in ga)) continue;
      counts.fields[f].total++;
      if (fieldRight(f, ga, pa)) counts.fields[f].correct++;
      else wrongFields.push(f);
    }
    if (usesParagraphs(ga)) {
      const map = alignOffsets(pb.codes, gb.codes);
      counts.body.errors += map.distance;
      counts.boundaries.pairs++;
      counts.boundaries.predicted += pb.boundaries.length;
      counts.boundaries.gold += gb.boundaries.length;
      counts.boundaries.tp += matchBoundaries(pb, gb, map);
      counts.subheadings.pairs++;
      counts.subheadings.predicted += pb.subheadings.length;
      counts.subheadings.gold += gb.subheadings.length;
      counts.subheadings.tp += multisetOverlap(gb.subheadings, pb.subheadings);
    } else {
      counts.body.errors += alignOffsets(pb.codes, gb.codes).distance;
    }
    results.push({
      gold: g,
      predicted: pa.id,
      similarity: similarity[g]![p]!,
      label: labelOf(ga.headline ?? pa.headline, gb.codes),
      wrongFields,
      split: splits.includes(g) || undefined,
    });
  }
  for (let p = 0; p < predArticles.length; p++) {
    const merged = merges.includes(p) || undefined;
    if (matchedPred.has(p)) {
      if (merged) for (const r of results) if (r.predicted === predArticles[p]!.id) r.merged = true;
      continue;
    }
    const pa = predArticles[p]!;
    results.push({ gold: null, predicted: pa.id, similarity: null, label: labelOf(pa.headline, predParagraphBodies[p]!.codes), wrongFields: [], merged });
  }
  return { counts, articles: results, lossless };
}
