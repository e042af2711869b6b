/**
 * The eval report: everything the formatters print, as data. Its JSON form is
 * the `--format json` output and follows schemas/eval-report.schema.json.
 */
import { metricsOf, sumCounts, type Metrics } from './aggregate.js';
import type { BaselineComparison } from './baseline.js';
import { checkThresholds, type GateFinding, type Threshold } from './gate.js';
import { MATCH_THRESHOLD } from './match-articles.js';
import type { ArticleResult, PageCounts, PageScore } from './score-page.js';

export interface PageReport {
  /** Page id: the gold file path (as the baseline keys it). */
  id: string;
  input: string;
  gold: string;
  counts: PageCounts;
  metrics: Metrics;
  articles: ArticleResult[];
  lossless: PageScore['lossless'];
}

export interface EvalReport {
  schemaVersion: 1;
  tool: { name: 'news-parse'; version: string };
  matchThreshold: number;
  pages: PageReport[];
  totals: { pages: number; counts: PageCounts; metrics: Metrics };
  gate: {
    passed: boolean;
    thresholds: Threshold[];
    baseline: { path: string; updated: boolean; improvements: GateFinding[]; missingPages: string[] } | null;
    /** What fails the gate: thresholds broken by the totals (and the pages that break them), baseline regressions. */
    failures: GateFinding[];
    /** Pages below a threshold that the totals still meet. */
    warnings: GateFinding[];
  };
}

export interface ScoredPage {
  id: string;
  input: string;
  gold: string;
  score: PageScore;
}

/**
 * Put the report together.
 *
 * @param baseline The comparison with the recorded baseline (null when none was given or it is being rewritten).
 */
export function buildReport(
  version: string,
  scored: readonly ScoredPage[],
  thresholds: readonly Threshold[],
  baseline: { path: string; updated: boolean; comparison: BaselineComparison | null } | null,
): EvalReport {
  const pages: PageReport[] = scored.map((s) => ({
    id: s.id,
    input: s.input,
    gold: s.gold,
    counts: s.score.counts,
    metrics: metricsOf(s.score.counts),
    articles: s.score.articles,
    lossless: s.score.lossless,
  }));
  const counts = sumCounts(pages.map((p) => p.counts));
  const metrics = metricsOf(counts);
  const { failures, warnings } = checkThresholds(metrics, pages, thresholds);
  const comparison = baseline?.comparison ?? null;
  if (comparison) failures.push(...comparison.regressions);
  return {
    schemaVersion: 1,
    tool: { name: 'news-parse', version },
    matchThreshold: MATCH_THRESHOLD,
    pages,
    totals: { pages: pages.length, counts, metrics },
    gate: {
      passed: failures.length === 0,
      thresholds: [...thresholds],
      baseline: baseline
        ? { path: baseline.path, updated: baseline.updated, improvements: comparison?.improvements ?? [], missingPages: comparison?.missingPages ?? [] }
        : null,
      failures,
      warnings,
    },
  };
}
