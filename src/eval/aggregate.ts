/**
 * From counts to metrics. Totals are micro-averages: the counts of all pages
 * are added first and the metric is computed once, so a page with ten articles
 * weighs ten times a page with one.
 *
 * Conventions for empty denominators: precision is 1 when nothing was
 * predicted, recall is 1 when there was nothing to find (so an empty page
 * scored against an empty gold is perfect, and predicting nothing scores
 * F1 = 0 against a non-empty gold). A metric with nothing to score (no matched
 * pairs with paragraphs, no gold field present) is null and never fails a gate.
 */
import { SCORED_FIELDS, type ScoredField } from './gold.js';
import { emptyCounts, type PageCounts, type PRCounts } from './score-page.js';

type FieldMetric = `${ScoredField}Accuracy`;

export type MetricName =
  | 'articlePrecision'
  | 'articleRecall'
  | 'articleF1'
  | 'splits'
  | 'merges'
  | 'fieldAccuracy'
  | FieldMetric
  | 'paragraphPrecision'
  | 'paragraphRecall'
  | 'paragraphF1'
  | 'subheadingF1'
  | 'bodyCER'
  | 'lossless';

export type Metrics = Record<MetricName, number | null>;

/** Every metric, in report order, with the direction in which it improves. */
export const METRICS: readonly { name: MetricName; better: 'higher' | 'lower'; description: string }[] = [
  { name: 'articlePrecision', better: 'higher', description: 'matched predicted articles / predicted articles' },
  { name: 'articleRecall', better: 'higher', description: 'matched gold articles / gold articles' },
  { name: 'articleF1', better: 'higher', description: 'harmonic mean of article precision and recall' },
  { name: 'splits', better: 'lower', description: 'gold articles spread over two or more predicted articles' },
  { name: 'merges', better: 'lower', description: 'predicted articles holding two or more gold articles' },
  { name: 'fieldAccuracy', better: 'higher', description: 'scored fields right / fields scored, all fields together' },
  ...SCORED_FIELDS.map((f) => ({
    name: `${f}Accuracy` as FieldMetric,
    better: 'higher' as const,
    description: `matched pairs with the right ${f} / matched pairs whose gold has ${f}`,
  })),
  { name: 'paragraphPrecision', better: 'higher', description: 'predicted paragraph boundaries that are gold boundaries' },
  { name: 'paragraphRecall', better: 'higher', description: 'gold paragraph boundaries that were predicted' },
  { name: 'paragraphF1', better: 'higher', description: 'harmonic mean of boundary precision and recall' },
  { name: 'subheadingF1', better: 'higher', description: 'F1 of subheading paragraphs matched by text' },
  { name: 'bodyCER', better: 'lower', description: 'edit distance of body text / gold body characters' },
  { name: 'lossless', better: 'higher', description: '1 − (missing + extra characters) / input characters' },
];

export const METRIC_NAMES: readonly MetricName[] = METRICS.map((m) => m.name);

export function isMetricName(name: string): name is MetricName {
  return (METRIC_NAMES as readonly string[]).includes(name);
}

export function betterOf(name: MetricName): 'higher' | 'lower' {
  return METRICS.find((m) => m.name === name)!.better;
}

function prf(c: PRCounts): [precision: number, recall: number, f1: number] {
  const p = c.predicted === 0 ? 1 : c.tp / c.predicted;
  const r = c.gold === 0 ? 1 : c.tp / c.gold;
  return [p, r, p + r === 0 ? 0 : (2 * p * r) / (p + r)];
}

/** The metrics of one page or of summed counts. */
export function metricsOf(c: PageCounts): Metrics {
  const out = {} as Metrics;
  const [ap, ar, af] = c.articles ? prf(c.articles) : [null, null, null];
  out.articlePrecision = ap;
  out.articleRecall = ar;
  out.articleF1 = af;
  out.splits = c.articles ? c.articles.splits : null;
  out.merges = c.articles ? c.articles.merges : null;
  let correct = 0;
  let total = 0;
  for (const f of SCORED_FIELDS) {
    const t = c.fields[f];
    correct += t.correct;
    total += t.total;
    out[`${f}Accuracy`] = t.total === 0 ? null : t.correct / t.total;
  }
  out.fieldAccuracy = total === 0 ? null : correct / total;
  const [bp, br, bf] = c.boundaries.pairs === 0 ? [null, null, null] : prf(c.boundaries);
  out.paragraphPrecision = bp;
  out.paragraphRecall = br;
  out.paragraphF1 = bf;
  out.subheadingF1 = c.subheadings.pairs === 0 ? null : prf(c.subheadings)[2];
  out.bodyCER = c.body.goldChars === 0 ? null : c.body.errors / c.body.goldChars;
  out.lossless = c.chars === null ? null : c.chars.input === 0 ? 1 : Math.max(0, 1 - (c.chars.missing + c.chars.extra) / c.chars.input);
  // Report order.
  return Object.fromEntries(METRIC_NAMES.map((n) => [n, out[n]])) as Metrics;
}

/** Counts of several pages added together. */
export function sumCounts(pages: readonly PageCounts[]): PageCounts {
  const sum = emptyCounts();
  for (const c of pages) {
    if (c.articles) {
      sum.articles ??= { tp: 0, predicted: 0, gold: 0, splits: 0, merges: 0 };
      for (const k of ['tp', 'predicted', 'gold', 'splits', 'merges'] as const) sum.articles[k] += c.articles[k];
    }
    for (const f of SCORED_FIELDS) {
      sum.fields[f].correct += c.fields[f].correct;
      sum.fields[f].total += c.fields[f].total;
    }
    for (const k of ['tp', 'predicted', 'gold', 'pairs'] as const) {
      sum.boundaries[k] += c.boundaries[k];
      sum.subheadings[k] += c.subheadings[k];
    }
    sum.body.errors += c.body.errors;
    sum.body.goldChars += c.body.goldChars;
    if (c.chars) {
      sum.chars ??= { input: 0, missing: 0, extra: 0 };
      sum.chars.input += c.chars.input;
      sum.chars.missing += c.chars.missing;
      sum.chars.extra += c.chars.extra;
    }
  }
  return sum;
}
