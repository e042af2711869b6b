/**
 * The eval report: everything the formatters print, as data. Its JSON form is
 * the `--format json` output and follows schemas/eval-report.schema.json.
 */
import { metricsOf, sumCounts, type Metrics } from './aggregate.js';
import type { BaselineComparison } from './baseline.js';
import { checkThresholds, type GateFinding, type Threshold } from './gate.js';
import { MATCH_THRESHOLD, STRICT_MATCH_THRESHOLD } from './match-articles.js';
import type { ArticleResult, PageCounts, PageScore } from './score-page.js';

/** Counts and metrics with articles paired at the strict threshold. */
export interface StrictScores {
  counts: PageCounts;
  metrics: Metrics;
}

export interface PageReport {
  /** Page id: the input path as typed (relative to the working directory), for people. */
  id: string;
  /** The page's key in the baseline: the input's path relative to the gold root, the same from any working directory. */
  key: string;
  /** The page's group (its rendering, with --group-by), or null. */
  group: string | null;
  input: string;
  gold: string;
  counts: PageCounts;
  metrics: Metrics;
  strict: StrictScores;
  articles: ArticleResult[];
  lossless: PageScore['lossless'];
}

/** Counts of several pages added up, with their metrics, at both thresholds. */
export interface Totals {
  pages: number;
  counts: PageCounts;
  metrics: Metrics;
  strict: StrictScores;
}

export interface EvalReport {
  schemaVersion: 1;
  tool: { name: 'news-parse'; version: string };
  matchThreshold: number;
  strictMatchThreshold: number;
  pages: PageReport[];
  totals: Totals;
  /** Totals of each group of pages (with --group-by), in order of first appearance; empty without grouping. */
  groups: (Totals & { group: string })[];
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
  key: string;
  group: string | null;
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
  match: { match: number; strictMatch: number } = { match: MATCH_THRESHOLD, strictMatch: STRICT_MATCH_THRESHOLD },
): EvalReport {
  const pages: PageReport[] = scored.map((s) => ({
    id: s.id,
    key: s.key,
    group: s.group,
    input: s.input,
    gold: s.gold,
    counts: s.score.counts,
    metrics: metricsOf(s.score.counts),
    strict: { counts: s.score.strict, metrics: metricsOf(s.score.strict) },
    articles: s.score.articles,
    lossless: s.score.lossless,
  }));
  const totals = totalsOf(pages);
  const groups: EvalReport['groups'] = [];
  const byGroup = new Map<string, PageReport[]>();
  for (const p of pages) {
    if (p.group === null) continue;
    let list = byGroup.get(p.group);
    if (!list) byGroup.set(p.group, (list = []));
    list.push(p);
  }
  for (const [group, list] of byGroup) groups.push({ group, ...totalsOf(list) });
  const { failures, warnings } = checkThresholds(totals.metrics, pages, thresholds);
  const comparison = baseline?.comparison ?? null;
  if (comparison) failures.push(...comparison.regressions);
  return {
    schemaVersion: 1,
    tool: { name: 'news-parse', version },
    matchThreshold: match.match,
    strictMatchThreshold: match.strictMatch,
    pages,
    totals,
    groups,
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

function totalsOf(pages: readonly PageReport[]): Totals {
  const counts = sumCounts(pages.map((p) => p.counts));
  const strict = sumCounts(pages.map((p) => p.strict.counts));
  return { pages: pages.length, counts, metrics: metricsOf(counts), strict: { counts: strict, metrics: metricsOf(strict) } };
}
