/**
 * `news-parse eval --format github`: GitHub Actions workflow commands. Each
 * failing page/metric becomes an `::error` annotation on the page's gold file;
 * a threshold broken by the totals is an `::error` without a file; pages below
 * a threshold the totals still meet are `::warning`s. A `::notice` sums up.
 */
import { describeFinding, formatValue } from './eval-describe.js';
import type { GateFinding } from '../eval/gate.js';
import type { EvalReport } from '../eval/report.js';

/** Escape the message part of a workflow command. */
function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escape a property value (file=…, title=…) of a workflow command. */
function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function formatEvalGithub(report: EvalReport): string {
  const goldOf = new Map(report.pages.map((p) => [p.id, p.gold]));
  const lines: string[] = [];
  const annotate = (level: 'error' | 'warning', f: GateFinding) => {
    if (f.page === null) {
      const scope = `all ${report.totals.pages} pages`;
      lines.push(`::${level} title=${escapeProperty('news-parse eval')}::${escapeData(`${describeFinding(f)} (${scope})`)}`);
    } else {
      const file = goldOf.get(f.page) ?? f.page;
      lines.push(`::${level} file=${escapeProperty(file)},line=1,title=${escapeProperty('news-parse eval')}::${escapeData(`${f.page}: ${describeFinding(f)}`)}`);
    }
  };
  for (const f of report.gate.failures) annotate('error', f);
  for (const f of report.gate.warnings) annotate('warning', f);
  const t = report.totals.metrics;
  const summary =
    `news-parse eval: ${report.totals.pages} pages, gate ${report.gate.passed ? 'passed' : 'FAILED'}; ` +
    (['articleF1', 'fieldAccuracy', 'paragraphF1', 'subheadingF1', 'bodyCER', 'lossless'] as const)
      .map((m) => `${m} ${formatValue(m, t[m])}`)
      .join(', ');
  lines.push(`::notice title=${escapeProperty('news-parse eval')}::${escapeData(summary)}`);
  return lines.join('\n') + '\n';
}
