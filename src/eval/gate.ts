/**
 * The quality gate: `--min` / `--max` thresholds on metrics. Pure.
 *
 * A threshold is checked on the totals (all pages, micro-averaged). When the
 * total breaks it, the gate fails and every page that breaks it too is listed
 * as a failure (so CI annotations point at the gold files to look at); when the
 * total holds, pages that break it are only warnings. A metric that is null
 * (nothing to score) never breaks a threshold.
 */
import { betterOf, isMetricName, METRIC_NAMES, type MetricName, type Metrics } from './aggregate.js';

export type Rule = 'min' | 'max' | 'baseline';

export interface Threshold {
  metric: MetricName;
  rule: 'min' | 'max';
  limit: number;
}

/** A metric on a page (or on the totals, page null) that is worse than its limit. */
export interface GateFinding {
  page: string | null;
  metric: MetricName;
  value: number;
  limit: number;
  rule: Rule;
}

export interface PageMetrics {
  /** The page as reports name it. */
  id: string;
  /** The page's baseline key (the id when not given). */
  key?: string;
  metrics: Metrics;
}

/**
 * Parse `articleF1=0.95,paragraphF1=0.9`.
 *
 * @throws RangeError with a message for the user when a name or value is wrong.
 */
export function parseThresholds(spec: string, rule: 'min' | 'max'): Threshold[] {
  const out: Threshold[] = [];
  for (const item of spec.split(',').map((s) => s.trim()).filter(Boolean)) {
    const eq = item.indexOf('=');
    const name = (eq < 0 ? item : item.slice(0, eq)).trim();
    const valueText = eq < 0 ? '' : item.slice(eq + 1).trim();
    if (!isMetricName(name)) {
      throw new RangeError(`--${rule}: unknown metric '${name}' (known: ${METRIC_NAMES.join(', ')})`);
    }
    const better = betterOf(name);
    if (rule === 'min' && better === 'lower') throw new RangeError(`--min: ${name} is better when lower; use --max ${name}=…`);
    if (rule === 'max' && better === 'higher') throw new RangeError(`--max: ${name} is better when higher; use --min ${name}=…`);
    const limit = Number(valueText);
    if (valueText === '' || !Number.isFinite(limit)) throw new RangeError(`--${rule}: '${item}' needs a number, as in ${name}=0.9`);
    out.push({ metric: name, rule, limit });
  }
  if (out.length === 0) throw new RangeError(`--${rule}: no thresholds given (as in articleF1=0.95)`);
  return out;
}

function breaks(value: number | null, t: Threshold): value is number {
  if (value === null) return false;
  return t.rule === 'min' ? value < t.limit : value > t.limit;
}

/** Check thresholds on the totals and on each page. */
export function checkThresholds(
  totals: Metrics,
  pages: readonly PageMetrics[],
  thresholds: readonly Threshold[],
): { failures: GateFinding[]; warnings: GateFinding[] } {
  const failures: GateFinding[] = [];
  const warnings: GateFinding[] = [];
  for (const t of thresholds) {
    const totalValue = totals[t.metric];
    const totalBreaks = breaks(totalValue, t);
    if (totalBreaks) failures.push({ page: null, metric: t.metric, value: totalValue, limit: t.limit, rule: t.rule });
    for (const p of pages) {
      const v = p.metrics[t.metric];
      if (!breaks(v, t)) continue;
      (totalBreaks ? failures : warnings).push({ page: p.id, metric: t.metric, value: v, limit: t.limit, rule: t.rule });
    }
  }
  return { failures, warnings };
}
