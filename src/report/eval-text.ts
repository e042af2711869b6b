/**
 * `news-parse eval` as a readable report: one table row per page, a totals
 * row, per-field accuracy, what went wrong on each page (missed, extra, split,
 * merged articles, wrong fields, lost characters), then the gate verdict.
 * Colour only when the output is a terminal and NO_COLOR is not set.
 */
import { Chalk, type ChalkInstance } from 'chalk';
import type { MetricName, Metrics } from '../eval/aggregate.js';
import { SCORED_FIELDS } from '../eval/gold.js';
import type { EvalReport, PageReport, Totals } from '../eval/report.js';
import { colorLevel, type ColorLevel } from './color.js';
import { REPORT_COLUMNS as COLUMNS, describeFinding, findingKeys, formatValue } from './eval-describe.js';

type Level = ColorLevel;

export { colorLevel };

/** The strict article F1 column, beside the default one. */
const STRICT_TITLE = 'F1≥.9';

function quote(s: string): string {
  const chars = [...s];
  return `「${chars.length > 24 ? chars.slice(0, 24).join('') + '…' : s}」`;
}

/** A field value in a wrong-field line: gold and predicted side by side. */
function shownValue(v: string | null): string {
  return v === null ? 'null' : quote(v);
}

/** The strict report beside the default: article P/R/F1 and headline accuracy at the strict threshold. */
function strictLine(t: Totals, threshold: number): string {
  const m = t.strict.metrics;
  const h = t.strict.counts.fields.headline;
  const a = t.strict.counts.articles;
  return (
    `strict (articles pair at body similarity ≥ ${threshold}): ` +
    `art P ${formatValue('articlePrecision', m.articlePrecision)} · art R ${formatValue('articleRecall', m.articleRecall)} · ` +
    `art F1 ${formatValue('articleF1', m.articleF1)}${a ? ` (${a.tp} matched)` : ''} · headline ${formatValue('headlineAccuracy', m.headlineAccuracy)} (${h.correct}/${h.total})` +
    (a ? ` · right headlines of all gold articles ${formatValue('headlineAccuracy', headlinesFound(t))} (${h.correct}/${a.gold})` : '')
  );
}

/**
 * Gold articles found at the strict threshold with the right headline, over
 * all gold articles: what a reader of the page gets right, where headline
 * accuracy counts only among the articles found.
 */
function headlinesFound(t: Totals): number | null {
  const a = t.strict.counts.articles;
  if (!a || a.gold === 0) return null;
  return t.strict.counts.fields.headline.correct / a.gold;
}

const GROUP_COLUMNS: { title: string; value: (t: Totals) => string }[] = [
  { title: 'pages', value: (t) => String(t.pages) },
  { title: 'art F1', value: (t) => formatValue('articleF1', t.metrics.articleF1) },
  { title: 'head', value: (t) => formatValue('headlineAccuracy', t.metrics.headlineAccuracy) },
  { title: 'F1≥.9', value: (t) => formatValue('articleF1', t.strict.metrics.articleF1) },
  { title: 'head≥.9', value: (t) => formatValue('headlineAccuracy', t.strict.metrics.headlineAccuracy) },
  { title: 'found≥.9', value: (t) => formatValue('headlineAccuracy', headlinesFound(t)) },
  { title: 'fields', value: (t) => formatValue('fieldAccuracy', t.metrics.fieldAccuracy) },
  { title: 'para F1', value: (t) => formatValue('paragraphF1', t.metrics.paragraphF1) },
  { title: 'CER', value: (t) => formatValue('bodyCER', t.metrics.bodyCER) },
];

/** Totals per group (rendering), default and strict side by side. */
function groupTable(report: EvalReport, c: ChalkInstance): string[] {
  const rows = [...report.groups.map((g) => ({ name: g.group, t: g as Totals })), { name: 'all', t: report.totals }];
  const width = Math.max(5, ...rows.map((r) => r.name.length));
  const widths = GROUP_COLUMNS.map((col) => Math.max(col.title.length, 5));
  const lines = [c.bold(`per group (default ≥ ${report.matchThreshold}, strict ≥ ${report.strictMatchThreshold}):`)];
  lines.push(c.bold(['group'.padEnd(width), ...GROUP_COLUMNS.map((col, i) => col.title.padStart(widths[i]!))].join('  ')));
  for (const r of rows) lines.push([r.name.padEnd(width), ...GROUP_COLUMNS.map((col, i) => col.value(r.t).padStart(widths[i]!))].join('  '));
  return lines;
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
      if (a.mismatches.length > 0) {
        const shown = a.mismatches.map((m) => `${m.field} ${shownValue(m.gold)} ≠ ${shownValue(m.predicted)}`).join(', ');
        out.push(`${c.yellow('fields')}   ${where} → ${a.predicted} ${quote(a.label)}: ${shown}`);
      }
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
 * @param summary totals, groups and the gate only: no row and no problem list per page (for corpora of hundreds of pages).
 */
export function formatEvalText(report: EvalReport, level: Level, summary = false): string {
  const c = new Chalk({ level });
  const { failing, warned } = findingKeys(report);
  const width = Math.max(5, ...(summary ? [] : report.pages).map((p) => p.id.length));
  const cell = (page: string | null, metric: MetricName, metrics: Metrics, w: number) => {
    const text = formatValue(metric, metrics[metric]).padStart(w);
    const key = `${page ?? ''}\u0000${metric}`;
    if (failing.has(key)) return c.red.bold(text);
    if (warned.has(key)) return c.yellow(text);
    return metrics[metric] === null ? c.dim(text) : text;
  };
  const widths = COLUMNS.map((col) => Math.max(col.title.length, 5));
  const strictWidth = STRICT_TITLE.length;
  const strictCell = (m: Metrics) => c.dim(formatValue('articleF1', m.articleF1).padStart(strictWidth));
  const lines: string[] = [];
  lines.push(
    c.bold(
      `news-parse eval: ${report.totals.pages} page${report.totals.pages === 1 ? '' : 's'} ` +
        `(articles pair at body similarity ≥ ${report.matchThreshold}; the ${STRICT_TITLE} column and the strict line at ≥ ${report.strictMatchThreshold})`,
    ),
  );
  lines.push('');
  const row = (name: string, cells: string[], strict: string) => [name.padEnd(width), ...cells.slice(0, 3), strict, ...cells.slice(3)].join('  ');
  lines.push(c.bold(row('page', COLUMNS.map((col, i) => col.title.padStart(widths[i]!)), STRICT_TITLE)));
  for (const p of summary ? [] : report.pages) {
    lines.push(row(p.id, COLUMNS.map((col, i) => cell(p.id, col.metric, p.metrics, widths[i]!)), strictCell(p.strict.metrics)));
  }
  const t = report.totals.metrics;
  lines.push(c.bold(row('total', COLUMNS.map((col, i) => cell(null, col.metric, t, widths[i]!)), strictCell(report.totals.strict.metrics))));
  lines.push('');
  lines.push(strictLine(report.totals, report.strictMatchThreshold));
  if (report.groups.length > 0) {
    lines.push('');
    lines.push(...groupTable(report, c));
    lines.push('');
  }
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

  for (const p of summary ? [] : report.pages) {
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

