/** Words for eval findings, shared by the text and GitHub formatters. */
import type { MetricName } from '../eval/aggregate.js';
import type { GateFinding } from '../eval/gate.js';
import type { EvalReport } from '../eval/report.js';

/** The metrics of the per-page tables (text and HTML reports), with their column titles. */
export const REPORT_COLUMNS: readonly { metric: MetricName; title: string }[] = [
  { metric: 'articlePrecision', title: 'art P' },
  { metric: 'articleRecall', title: 'art R' },
  { metric: 'articleF1', title: 'art F1' },
  { metric: 'splits', title: 'split' },
  { metric: 'merges', title: 'merge' },
  { metric: 'fieldAccuracy', title: 'fields' },
  { metric: 'paragraphF1', title: 'para F1' },
  { metric: 'subheadingF1', title: 'subh F1' },
  { metric: 'bodyCER', title: 'CER' },
  { metric: 'lossless', title: 'lossless' },
];

/** Keys `page\0metric` (page '' for the totals) of the values that fail the gate and of those only warned about. */
export function findingKeys(report: EvalReport): { failing: Set<string>; warned: Set<string> } {
  return {
    failing: new Set(report.gate.failures.map((f) => `${f.page ?? ''}\u0000${f.metric}`)),
    warned: new Set(report.gate.warnings.map((f) => `${f.page ?? ''}\u0000${f.metric}`)),
  };
}

/** A metric value as reports print it: counts as integers, ratios with three decimals, null as a dash. */
export function formatValue(metric: MetricName, value: number | null): string {
  if (value === null) return '–';
  if (metric === 'splits' || metric === 'merges') return String(value);
  return value.toFixed(3);
}

/** `articleF1 0.800 < min 0.950`, `bodyCER 0.031 > baseline 0.020`. */
export function describeFinding(f: GateFinding): string {
  const below = f.rule === 'min' || (f.rule === 'baseline' && f.value < f.limit);
  return `${f.metric} ${formatValue(f.metric, f.value)} ${below ? '<' : '>'} ${f.rule} ${formatValue(f.metric, f.limit)}`;
}
