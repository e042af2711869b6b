/**
 * `news-parse eval` as a readable report: one table row per page, a totals
 * row, per-field accuracy, what went wrong on each page (missed, extra, split,
 * merged articles, wrong fields, lost characters), then the gate verdict.
 * Colour only when the output is a terminal and NO_COLOR is not set.
 */
import { Chalk, type ChalkInstance } from 'chalk';
import type { MetricName, Metrics } from '../eval/aggregate.js';
import { SCORED_FIELDS } from '../eval/gold.js';
import type { EvalReport, PageReport } from '../eval/report.js';
import { colorLevel, type ColorLevel } from './color.js';
import { describeFinding, formatValue } from './eval-describe.js';

type Level = ColorLevel;

export { colorLevel };

const COLUMNS: { metric: MetricName; title: string }[] = [
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

function quote(s: string): string {
  const chars = [...s];
  return `「${chars.length > 24 ? chars.slice(0, 24).join('') + '…' : s}」`;
}

function pageProblems(page: PageReport, c: ChalkInstance): string[] {
  const out: string[] = [];
  for (const a of page.articles) {
    const where = a.gold !== null ? `gold #${a.gold + 1}` : `${a.predicted}`;
    if (a.predicted === null) out.push(`${c.red('missed')}   ${where} ${quote(a.label)}${a.split ? ' (split)' : ''}`);
    else if (a.gold === null) out.push(`${c.red('extra')}    ${where} ${quote(a.label)}${a.merged ? ' (merges several gold articles)' : ''}`);
    else {
      if (a.split) out.push(`${c.yellow('split')}    ${where} ${quote(a.label)} is spread over several predicted articles`);
      if (a.merged) out.push(`${c.yellow('merged')}   ${a.predicted} ${quote(a.label)} holds several gold articles`);
      if (a.wrongFields.length > 0) out.push(`${c.yellow('fields')}   ${where} → ${a.predicted} ${quote(a.label)}: ${a.wrongFields.join(', ')}`);
    }
  }
  const chars = page.counts.chars;
  if (chars && chars.missing > 0) out.push(`${c.red('lost')}     ${chars.missing} input characters not in the output: ${quote(page.lossless?.missingSample ?? '')}`);
  if (chars && chars.extra > 0) out.push(`${c.red('added')}    ${chars.extra} output characters not in the input: ${quote(page.lossless?.extraSample ?? '')}`);
  return out;
}

/**
 * Render the report.
 *
 * @param level chalk colour level (0 = none).
 */
export function formatEvalText(report: EvalReport, level: Level): string {
  const c = new Chalk({ level });
  const failing = new Set(report.gate.failures.map((f) => `${f.page ?? ''}\u0000${f.metric}`));
  const warned = new Set(report.gate.warnings.map((f) => `${f.page ?? ''}\u0000${f.metric}`));
  const width = Math.max(5, ...report.pages.map((p) => p.id.length));
  const cell = (page: string | null, metric: MetricName, metrics: Metrics, w: number) => {
    const text = formatValue(metric, metrics[metric]).padStart(w);
    const key = `${page ?? ''}\u0000${metric}`;
    if (failing.has(key)) return c.red.bold(text);
    if (warned.has(key)) return c.yellow(text);
    return metrics[metric] === null ? c.dim(text) : text;
  };
  const widths = COLUMNS.map((col) => Math.max(col.title.length, 5));
  const lines: string[] = [];
  lines.push(c.bold(`news-parse eval: ${report.totals.pages} page${report.totals.pages === 1 ? '' : 's'} (articles pair at body similarity ≥ ${report.matchThreshold})`));
  lines.push('');
  lines.push(c.bold(['page'.padEnd(width), ...COLUMNS.map((col, i) => col.title.padStart(widths[i]!))].join('  ')));
  for (const p of report.pages) {
    lines.push([p.id.padEnd(width), ...COLUMNS.map((col, i) => cell(p.id, col.metric, p.metrics, widths[i]!))].join('  '));
  }
  const t = report.totals.metrics;
  lines.push(c.bold(['total'.padEnd(width), ...COLUMNS.map((col, i) => cell(null, col.metric, t, widths[i]!))].join('  ')));
  lines.push('');
  const counts = report.totals.counts;
  lines.push(
    'fields: ' +
      SCORED_FIELDS.filter((f) => counts.fields[f].total > 0)
        .map((f) => `${f} ${formatValue(`${f}Accuracy`, t[`${f}Accuracy`])} (${counts.fields[f].correct}/${counts.fields[f].total})`)
        .join(' · '),
  );
  if (counts.articles) {
    lines.push(`articles: ${counts.articles.tp} matched of ${counts.articles.gold} gold and ${counts.articles.predicted} predicted; ${counts.articles.splits} split, ${counts.articles.merges} merged`);
  }
  lines.push(
    `paragraph boundaries: ${counts.boundaries.tp} right of ${counts.boundaries.predicted} predicted, ${counts.boundaries.gold} gold; ` +
      `subheadings: ${counts.subheadings.tp} right of ${counts.subheadings.predicted} predicted, ${counts.subheadings.gold} gold`,
  );
  if (counts.chars) lines.push(`characters: ${counts.chars.missing} lost, ${counts.chars.extra} added, of ${counts.chars.input} input`);

  for (const p of report.pages) {
    const problems = pageProblems(p, c);
    if (problems.length === 0) continue;
    lines.push('');
    lines.push(c.bold(p.id) + c.dim(`  (gold: ${p.gold})`));
    for (const line of problems) lines.push('  ' + line);
  }

  lines.push('');
  const gate = report.gate;
  if (gate.thresholds.length === 0 && !gate.baseline) lines.push(c.dim('gate: no thresholds or baseline given'));
  else lines.push(gate.passed ? c.green.bold('gate: passed') : c.red.bold('gate: FAILED'));
  for (const f of gate.failures) lines.push(`  ${c.red('✗')} ${f.page ?? 'total'}: ${describeFinding(f)}`);
  for (const f of gate.warnings) lines.push(`  ${c.yellow('!')} ${f.page}: ${describeFinding(f)} (total holds)`);
  if (gate.baseline) {
    const b = gate.baseline;
    if (b.updated) lines.push(`baseline ${b.path} rewritten`);
    else {
      if (b.improvements.length > 0) lines.push(c.green(`baseline: ${b.improvements.length} metric value(s) improved; record them with --update-baseline`));
      if (b.missingPages.length > 0) lines.push(c.yellow(`baseline: ${b.missingPages.length} recorded page(s) not in this run: ${b.missingPages.join(', ')}`));
    }
  }
  return lines.join('\n') + '\n';
}

