/**
 * The baseline ratchet: a file recording the metrics of an accepted run, per
 * page and in total. A later run fails when any recorded metric got worse by
 * more than BASELINE_EPSILON (which only absorbs floating-point noise), so
 * quality can only go up. Pure: reading and writing the file is the command's
 * job.
 */
import { betterOf, isMetricName, type Metrics } from './aggregate.js';
import type { GateFinding, PageMetrics } from './gate.js';

export const BASELINE_EPSILON = 1e-9;

export interface Baseline {
  schemaVersion: 1;
  /** Metrics over all pages. */
  totals: Partial<Metrics>;
  /** Metrics of each page, keyed by the input's path relative to the gold root (so any working directory gives the same keys). */
  pages: Record<string, Partial<Metrics>>;
}

export interface BaselineComparison {
  /** Metrics that got worse than recorded. */
  regressions: GateFinding[];
  /** Metrics that got better than recorded (time to update the baseline). */
  improvements: GateFinding[];
  /** Recorded pages that this run did not score. */
  missingPages: string[];
}

/** The baseline to record for a run. */
export function makeBaseline(totals: Metrics, pages: readonly PageMetrics[]): Baseline {
  const byId: Record<string, Partial<Metrics>> = {};
  const keyOf = (p: PageMetrics) => p.key ?? p.id;
  for (const p of [...pages].sort((a, b) => (keyOf(a) < keyOf(b) ? -1 : keyOf(a) > keyOf(b) ? 1 : 0))) byId[keyOf(p)] = p.metrics;
  return { schemaVersion: 1, totals, pages: byId };
}

/**
 * Check that `data` (parsed JSON) is a baseline.
 *
 * @returns the baseline, or a message saying what is wrong with it.
 */
export function readBaseline(data: unknown): Baseline | string {
  const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
  if (!isRecord(data) || data.schemaVersion !== 1) return 'not a news-parse eval baseline (schemaVersion 1 expected)';
  if (!isRecord(data.totals) || !isRecord(data.pages)) return "baseline needs 'totals' and 'pages' objects";
  const metricsOk = (m: unknown, where: string): string | null => {
    if (!isRecord(m)) return `${where} is not an object`;
    for (const [k, v] of Object.entries(m)) {
      if (!isMetricName(k)) return `${where}: unknown metric '${k}'`;
      if (v !== null && typeof v !== 'number') return `${where}.${k} is not a number`;
    }
    return null;
  };
  const problem = metricsOk(data.totals, 'totals') ?? Object.entries(data.pages).map(([id, m]) => metricsOk(m, `pages["${id}"]`)).find(Boolean);
  return problem ?? (data as unknown as Baseline);
}

function compare(page: string | null, recorded: Partial<Metrics>, current: Metrics, out: BaselineComparison): void {
  for (const [name, limit] of Object.entries(recorded)) {
    if (!isMetricName(name) || limit === null || limit === undefined) continue;
    const value = current[name];
    if (value === null) continue;
    const worse = betterOf(name) === 'higher' ? value < limit - BASELINE_EPSILON : value > limit + BASELINE_EPSILON;
    const better = betterOf(name) === 'higher' ? value > limit + BASELINE_EPSILON : value < limit - BASELINE_EPSILON;
    if (worse) out.regressions.push({ page, metric: name, value, limit, rule: 'baseline' });
    else if (better) out.improvements.push({ page, metric: name, value, limit, rule: 'baseline' });
  }
}

/** Compare a run with the recorded baseline; pages new since the baseline are not compared. */
export function compareBaseline(baseline: Baseline, totals: Metrics, pages: readonly PageMetrics[]): BaselineComparison {
  const out: BaselineComparison = { regressions: [], improvements: [], missingPages: [] };
  compare(null, baseline.totals, totals, out);
  const seen = new Set<string>();
  for (const p of pages) {
    const key = p.key ?? p.id;
    seen.add(key);
    const recorded = baseline.pages[key];
    if (recorded) compare(p.id, recorded, p.metrics, out);
  }
  out.missingPages = Object.keys(baseline.pages).filter((id) => !seen.has(id));
  return out;
}
