/** Words for eval findings, shared by the text and GitHub formatters. */
import type { MetricName } from '../eval/aggregate.js';
import type { GateFinding } from '../eval/gate.js';

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
