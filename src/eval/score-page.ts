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
import { stripBodyPrefix } from './body-prefix.js';
import { countSplitsMerges, MATCH_THRESHOLD, matchArticles, PIECE_MIN_SHARE, PIECE_SHARE, STRICT_MATCH_THRESHOLD } from './match-articles.js';
import {
  alignOffsets,
  bigramCounts,
  characterCounts,
  lcsLengthAtLeast,
  lcsPattern,
  lcsSimilarity,
  sharedCharacters,
  squash,
  fieldForm,
  toCodes,
  type CharacterCounts,
  type Codes,
  type LcsPattern,
  type OffsetMap,
} from './similarity.js';

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
  /** The same fields with the gold and the predicted value. */
  mismatches: FieldMismatch[];
  /** Set on gold articles that are split and predicted articles that merge several gold ones. */
  split?: boolean;
  merged?: boolean;
}

export interface ScoreOptions {
  /** Least body similarity for a pair in the default report (MATCH_THRESHOLD unless given). */
  match?: number;
  /** The same for the strict report (STRICT_MATCH_THRESHOLD unless given). */
  strictMatch?: number;
}

export interface PageScore {
  /** Counts with articles paired at the default threshold. */
  counts: PageCounts;
  /** Counts with articles paired at the strict threshold. */
  strict: PageCounts;
  /** Gold × predicted pairs, and how many of them needed an LCS (the rest were settled by a bound). */
  work: { pairs: number; compared: number };
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
  /** The text, whitespace removed (the key under which equal bodies share their comparisons). */
  text: string;
  codes: Codes;
  /** Internal paragraph boundaries as offsets into `codes`. */
  boundaries: number[];
  subheadings: string[];
}

/**
 * The body of an article's paragraphs, the first one without its
 * dateline/byline prefix (the prefix rule, `body-prefix.ts`).
 *
 * @param own the article's dateline and byline text, which the prefix may repeat.
 */
function paragraphBody(paragraphs: readonly { type?: string; text: string }[], own: readonly (string | null | undefined)[]): BodyText {
  const parts: string[] = [];
  const boundaries: number[] = [];
  const subheadings: string[] = [];
  let offset = 0;
  for (const p of paragraphs) {
    const text = parts.length === 0 ? stripBodyPrefix(p.text, own) : squash(p.text);
    if (text.length === 0) continue;
    if (parts.length > 0) boundaries.push(offset);
    parts.push(text);
    offset += [...text].length;
    if (p.type === 'subheading') subheadings.push(text);
  }
  const text = parts.join('');
  return { text, codes: toCodes(text), boundaries, subheadings };
}

function usesParagraphs(g: GoldArticle): boolean {
  return (g.paragraphs ?? []).some((p) => squash(p.text).length > 0);
}

function headlineBody(headline: string | null | undefined): BodyText {
  const text = squash(headline ?? '');
  return { text, codes: toCodes(text), boundaries: [], subheadings: [] };
}

function sameText(a: string | null | undefined, b: string | null | undefined): boolean {
  if (a == null || b == null) return a == null && b == null;
  return fieldForm(a) === fieldForm(b);
}

/** A scored field is right when it equals gold in `fieldForm` (whitespace removed, width folded); byline compares role and names. */
function fieldRight(field: ScoredField, gold: GoldArticle, predicted: Article): boolean {
  if (field === 'byline') {
    const g = gold.byline;
    const p = predicted.byline;
    if (g == null || p == null) return g == null && p == null;
    if (g.role !== undefined && !sameText(g.role, p.role)) return false;
    if (g.names !== undefined) {
      const gn = g.names.map(fieldForm).sort();
      const pn = p.names.map(fieldForm).sort();
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

/** What a wrong field held on each side, for reports (byline as its role and names, the parts scored). */
export interface FieldMismatch {
  field: ScoredField;
  gold: string | null;
  predicted: string | null;
}

function shownValue(field: ScoredField, a: GoldArticle | Article): string | null {
  if (field === 'byline') {
    const b = a.byline;
    if (b == null) return null;
    const names = b.names === undefined ? '' : b.names.length === 0 ? '(no names)' : b.names.join('、');
    return [b.role === undefined ? '' : b.role === null ? '(no role)' : b.role, names].filter(Boolean).join(' ') || (b.text ?? '');
  }
  const v = a[field];
  return v == null ? null : String(v);
}

/**
 * Every gold × predicted body comparison of a page. A pair whose LCS cannot
 * reach any of the thresholds that read it (the pairing thresholds, and the
 * piece shares of splits and merges) is not finished: its LCS and similarity
 * are recorded as 0, which every reader treats exactly as it treats the true
 * sub-threshold value, so the scores are the same as with every LCS computed.
 * Two bounds settle such pairs: the shared-character count (with
 * multiplicity), a merge of two character histograms; then the LCS pass
 * itself, which gives up once the characters left cannot lift it to the least
 * useful value (`lcsLengthAtLeast`). On a page of many articles that is most
 * pairs, and the work per page grows far slower than gold × predicted LCS.
 * Pairs of equal texts (a page of repeated articles) are compared once.
 */
interface PairTable {
  lcs: number[][];
  similarity: number[][];
  /** Pairs on the page, and pairs whose LCS was computed to the end. */
  work: { pairs: number; compared: number };
}

/** Float slack on the least useful LCS, so that a pair whose similarity would round onto a threshold is kept. */
const LEAST_SLACK = 1e-9;

/**
 * Above this many LCS cells (|gold|·|predicted|) a pair is first asked whether
 * the two texts share text at all, by bigrams: a pair of two 700-character
 * articles and up. Below it the exact LCS is cheaper than being clever.
 */
const BIG_PAIR_CELLS = 500_000;

/**
 * A big pair whose shared bigrams (with multiplicity) are fewer than this
 * share of the shorter text's bigrams is settled as unrelated without its LCS.
 * This is the one bound that is not exact: a common subsequence can in
 * principle avoid common bigrams. In practice text that is half the same
 * shares runs, so its bigrams: a pair at similarity 0.5, or a gold article
 * half inside a merged prediction, shares well over a third of the shorter
 * text's bigrams even through 10 % OCR errors, while two different stories on
 * one page share one in ten or fewer (common words: 记者, 工作, 的一). Checked
 * on dev-pages and corpus/generated: reports are byte-identical with and
 * without this bound. It keeps a page of hundreds of articles from costing
 * gold × predicted full LCS passes (100 dev pages as one page: see docs/eval.md).
 */
const MIN_BIGRAM_SHARE = 0.2;

function compareBodies(
  goldBodies: readonly BodyText[],
  bodyFor: (g: number, p: number) => BodyText,
  predictedLength: readonly number[],
  leastMatch: number,
): PairTable {
  const lcs: number[][] = [];
  const similarity: number[][] = [];
  const work = { pairs: 0, compared: 0 };
  const histograms = new Map<BodyText, CharacterCounts>();
  const histogramOf = (b: BodyText) => {
    let h = histograms.get(b);
    if (!h) histograms.set(b, (h = characterCounts(b.codes)));
    return h;
  };
  const bigrams = new Map<BodyText, CharacterCounts>();
  const bigramsOf = (b: BodyText) => {
    let h = bigrams.get(b);
    if (!h) bigrams.set(b, (h = bigramCounts(b.codes)));
    return h;
  };
  const unrelated = (a: BodyText, b: BodyText) => {
    const la = a.codes.length;
    const lb = b.codes.length;
    if (la * lb < BIG_PAIR_CELLS) return false;
    return sharedCharacters(bigramsOf(a), bigramsOf(b)) < MIN_BIGRAM_SHARE * (Math.min(la, lb) - 1);
  };
  // Equal texts get one id, so a pair is keyed by two small numbers instead of both texts.
  const ids = new Map<string, number>();
  const idOf = (b: BodyText) => {
    let id = ids.get(b.text);
    if (id === undefined) ids.set(b.text, (id = ids.size));
    return id;
  };
  const patterns = new Map<number, LcsPattern>();
  const settled = new Map<string, number | null>();
  for (let g = 0; g < goldBodies.length; g++) {
    const lcsRow: number[] = [];
    const simRow: number[] = [];
    const a = goldBodies[g]!;
    const lg = a.codes.length;
    for (let p = 0; p < predictedLength.length; p++) {
      work.pairs++;
      const b = bodyFor(g, p);
      const lb = b.codes.length;
      const lp = predictedLength[p]!;
      const key = `${lp}:${idOf(a)}:${idOf(b)}`;
      const known = settled.get(key);
      if (known !== undefined) {
        lcsRow.push(known ?? 0);
        simRow.push(known === null ? 0 : lcsSimilarity(a.codes, b.codes, known));
        continue;
      }
      // Least LCS that any reader of this pair could act on (see matchArticles and countSplitsMerges).
      const least =
        Math.min(
          (leastMatch * (lg + lb)) / 2,
          Math.max(PIECE_SHARE * lp, PIECE_MIN_SHARE * lg, 1),
          Math.max(PIECE_SHARE * lg, PIECE_MIN_SHARE * lp, 1),
        ) - LEAST_SLACK;
      let l: number | null = null;
      if (lg + lb > 0 && Math.min(lg, lb) >= least && sharedCharacters(histogramOf(a), histogramOf(b)) >= least && !unrelated(a, b)) {
        let pattern = patterns.get(idOf(a));
        if (!pattern) patterns.set(idOf(a), (pattern = lcsPattern(a.codes)));
        l = lcsLengthAtLeast(pattern, b.codes, least);
      }
      settled.set(key, l);
      if (l === null) {
        lcsRow.push(0);
        simRow.push(0);
        continue;
      }
      work.compared++;
      lcsRow.push(l);
      simRow.push(lcsSimilarity(a.codes, b.codes, l));
    }
    lcs.push(lcsRow);
    similarity.push(simRow);
  }
  return { lcs, similarity, work };
}

/**
 * Score `predicted` against `gold`, at the default pairing threshold and at
 * the strict one (one pass over the pairs serves both).
 *
 * @param predicted The parser's document for the page.
 * @param gold The gold document (partial NewsDocument).
 * @param inputText The decoded input text, for the lossless count; null to skip it.
 */
export function scorePage(predicted: NewsDocument, gold: GoldDocument, inputText: string | null, options: ScoreOptions = {}): PageScore {
  const match = options.match ?? MATCH_THRESHOLD;
  const strictMatch = options.strictMatch ?? STRICT_MATCH_THRESHOLD;
  let chars: PageCounts['chars'] = null;
  let lossless: PageScore['lossless'] = null;
  if (inputText !== null) {
    const account = accountCharacters(inputText, predicted);
    chars = { input: toCodes(inputText).length, missing: account.missing, extra: account.extra };
    lossless = { missingSample: account.missingSample, extraSample: account.extraSample };
  }
  if (!gold.articles) {
    const counts = emptyCounts();
    counts.chars = chars;
    const strict = emptyCounts();
    strict.chars = chars;
    return { counts, strict, articles: [], lossless, work: { pairs: 0, compared: 0 } };
  }

  const goldArticles = gold.articles;
  const predArticles = predicted.articles;
  const goldBodies = goldArticles.map((g) =>
    usesParagraphs(g) ? paragraphBody(g.paragraphs!, [g.dateline, g.byline?.text]) : headlineBody(g.headline),
  );
  const predParagraphBodies = predArticles.map((p) =>
    p.paragraphs.some((q) => squash(q.text).length > 0) ? paragraphBody(p.paragraphs, [p.dateline, p.byline?.text]) : headlineBody(p.headline),
  );
  const predHeadlineBodies = predArticles.map((p) => headlineBody(p.headline));
  const predBodyFor = (g: number, p: number) => (usesParagraphs(goldArticles[g]!) ? predParagraphBodies[p]! : predHeadlineBodies[p]!);
  const table = compareBodies(
    goldBodies,
    predBodyFor,
    predParagraphBodies.map((b) => b.codes.length),
    Math.min(match, strictMatch),
  );
  const { splits, merges } = countSplitsMerges(
    table.lcs,
    goldBodies.map((b) => b.codes.length),
    predParagraphBodies.map((b) => b.codes.length),
  );
  // Alignments are the costly part of scoring a pair; the strict pass mostly revisits the same pairs.
  const alignments = new Map<number, OffsetMap>();
  const alignmentOf = (g: number, p: number) => {
    const key = g * predArticles.length + p;
    let map = alignments.get(key);
    if (!map) alignments.set(key, (map = alignOffsets(predBodyFor(g, p).codes, goldBodies[g]!.codes)));
    return map;
  };

  const scoreAt = (threshold: number): { counts: PageCounts; results: ArticleResult[] } => {
    const counts = emptyCounts();
    counts.chars = chars;
    const results: ArticleResult[] = [];
    const pairs = matchArticles(table.similarity, threshold);
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
        results.push({ gold: g, predicted: null, similarity: null, label: labelOf(ga.headline, gb.codes), wrongFields: [], mismatches: [], split: splits.includes(g) || undefined });
        continue;
      }
      const pa = predArticles[p]!;
      const pb = predBodyFor(g, p);
      const wrongFields: ScoredField[] = [];
      const mismatches: FieldMismatch[] = [];
      for (const f of SCORED_FIELDS) {
        if (!(f in ga)) continue;
        counts.fields[f].total++;
        if (fieldRight(f, ga, pa)) counts.fields[f].correct++;
        else wrongFields.push(f), mismatches.push({ field: f, gold: shownValue(f, ga), predicted: shownValue(f, pa) });
      }
      const map = alignmentOf(g, p);
      counts.body.errors += map.distance;
      if (usesParagraphs(ga)) {
        counts.boundaries.pairs++;
        counts.boundaries.predicted += pb.boundaries.length;
        counts.boundaries.gold += gb.boundaries.length;
        counts.boundaries.tp += matchBoundaries(pb, gb, map);
        counts.subheadings.pairs++;
        counts.subheadings.predicted += pb.subheadings.length;
        counts.subheadings.gold += gb.subheadings.length;
        counts.subheadings.tp += multisetOverlap(gb.subheadings, pb.subheadings);
      }
      results.push({
        gold: g,
        predicted: pa.id,
        similarity: table.similarity[g]![p]!,
        label: labelOf(ga.headline ?? pa.headline, gb.codes),
        wrongFields,
        mismatches,
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
      results.push({ gold: null, predicted: pa.id, similarity: null, label: labelOf(pa.headline, predParagraphBodies[p]!.codes), wrongFields: [], mismatches: [], merged });
    }
    return { counts, results };
  };

  const main = scoreAt(match);
  const strict = scoreAt(strictMatch).counts;
  return { counts: main.counts, strict, articles: main.results, lossless, work: table.work };
}
