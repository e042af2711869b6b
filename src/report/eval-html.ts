/**
 * `news-parse eval … --format html --out DIR`: the eval report as pages a
 * person reads. A summary (the totals table, a row per page, the gate) and,
 * per page, gold and predicted articles side by side: matched pairs with
 * their similarity, missed gold articles, extra predictions, splits and
 * merges, and each wrong field with both values.
 *
 * Everything scored comes from the EvalReport (src/eval): this file draws it
 * and recomputes nothing. The gold and predicted documents are passed only to
 * show the articles' text.
 */
import { SCORED_FIELDS, type GoldArticle, type GoldDocument, type ScoredField } from '../eval/gold.js';
import type { EvalReport, PageReport } from '../eval/report.js';
import type { ArticleResult } from '../eval/score-page.js';
import type { Article, InputLine, NewsDocument } from '../core/model.js';
import { REPORT_COLUMNS as COLUMNS, describeFinding, findingKeys, formatValue } from './eval-describe.js';
import { colourClass, esc, htmlPage } from './html.js';

const CSS = `
main{padding:.6rem 1rem}
.pairs{width:100%;table-layout:fixed}
.pairs col.what{width:12%}
.pairs col.side{width:44%}
.badge{display:inline-block;font-size:12px;font-weight:600;border:1px solid #555;border-radius:3px;padding:0 .35em;margin:0 .2em .2em 0;background:#fff}
.badge.ok{border-color:#228833}
.badge.miss,.badge.extra{border-color:#a3001b;color:#a3001b;border-width:2px}
.badge.split,.badge.merged,.badge.fields{border-color:#8a6d00;border-style:dashed}
.side{border-left:6px solid var(--k);padding-left:.5em}
.side.none{border-left:6px dotted #000;color:#555}
.side h3{font-size:1rem;margin:.1rem 0}
.side p{margin:.15rem 0}
.lab{display:inline-block;font-size:11px;color:#333;border:1px solid #999;border-radius:3px;padding:0 .3em;margin-right:.35em;background:#fff}
.wrong{background:#fbe3e3;outline:2px solid #a3001b}
.unscored{color:#666}
ul.wrongs{margin:.3rem 0;padding-left:1.1rem}
.body{max-height:12em;overflow:auto}
tr.fail td{background:#fbe3e3}
td.fail{color:#a3001b;font-weight:700;outline:2px solid #a3001b}
td.warn{text-decoration:underline wavy #8a6d00}
@media print{.body{max-height:none;overflow:visible}tr{break-inside:avoid}}
`;

/** One page's documents, for showing article text beside the scores. */
export interface EvalPageDocuments {
  gold: GoldDocument;
  predicted: NewsDocument;
  /** The input lines the prediction was read from (for its review page beside this one). */
  lines?: InputLine[];
}

function fieldText(field: ScoredField, value: unknown): string {
  if (value === undefined) return '';
  if (value === null) return 'null';
  if (field === 'byline') {
    const b = value as { text?: string; role?: string | null; names?: string[] };
    return [b.text, b.role != null && `role ${b.role}`, b.names && `names ${b.names.join('、')}`].filter(Boolean).join(' · ');
  }
  return String(value);
}

function bodyText(paragraphs: readonly { type?: string; text: string }[] | undefined): string {
  return (paragraphs ?? []).map((p) => (p.type && p.type !== 'paragraph' ? `[${p.type}] ` : '') + p.text).join('\n');
}

/** One side of a row: the gold or the predicted article, wrong fields outlined; '' side when there is no article. */
function side(article: GoldArticle | Article | undefined, title: string, index: number, wrong: readonly ScoredField[], gold: boolean): string {
  if (!article) return `<div class="side none">no ${gold ? 'gold' : 'predicted'} article</div>`;
  const parts = [`<p class="muted">${esc(title)}</p>`];
  for (const f of SCORED_FIELDS) {
    const value = (article as Record<string, unknown>)[f];
    if (value === undefined) {
      if (gold) parts.push(`<p class="unscored"><span class="lab">${f}</span>not scored</p>`);
      continue;
    }
    const tag = f === 'headline' ? 'h3' : 'p';
    parts.push(`<${tag}${wrong.includes(f) ? ' class="wrong"' : ''}><span class="lab">${f}</span>${esc(fieldText(f, value))}</${tag}>`);
  }
  const body = bodyText(article.paragraphs);
  if (body) parts.push(`<p class="body"><span class="lab">body</span>${esc(body).replace(/\n/g, '<br>')}</p>`);
  return `<div class="side ${colourClass(index)}">${parts.join('')}</div>`;
}

function verdict(r: ArticleResult): string {
  const badges: string[] = [];
  if (r.gold !== null && r.predicted !== null) badges.push(`<span class="badge ok">matched ${esc((r.similarity ?? 0).toFixed(3))}</span>`);
  if (r.predicted === null) badges.push('<span class="badge miss">missed</span>');
  if (r.gold === null) badges.push('<span class="badge extra">extra</span>');
  if (r.split) badges.push('<span class="badge split" title="the gold article is spread over two or more predicted articles">split</span>');
  if (r.merged) badges.push('<span class="badge merged" title="the predicted article holds two or more gold articles">merged</span>');
  if (r.wrongFields.length > 0) badges.push(`<span class="badge fields">${r.wrongFields.length} wrong field${r.wrongFields.length === 1 ? '' : 's'}</span>`);
  return badges.join(' ');
}

function wrongList(r: ArticleResult): string {
  if (r.mismatches.length === 0) return '';
  const items = r.mismatches.map((m) => `<li><span class="lab">${m.field}</span>gold «${esc(m.gold ?? 'null')}» · predicted «${esc(m.predicted ?? 'null')}»</li>`);
  return `<ul class="wrongs">${items.join('')}</ul>`;
}

/** The strict article F1 (pairs at the strict threshold) sits after the default article columns, as in the text report. */
const STRICT_AFTER = 3;

/** A table row's cells: `labelCell` (a whole th/td), then a cell per metric, failing and warned values marked. */
function metricsRow(labelCell: string, scores: Pick<PageReport, 'metrics' | 'strict'>, failing: ReadonlySet<string>, warned: ReadonlySet<string>, page: string | null): string {
  const cells = COLUMNS.map(({ metric }) => {
    const key = `${page ?? ''}\u0000${metric}`;
    const cls = failing.has(key) ? 'num fail' : warned.has(key) ? 'num warn' : 'num';
    return `<td class="${cls}">${esc(formatValue(metric, scores.metrics[metric]))}</td>`;
  });
  cells.splice(STRICT_AFTER, 0, `<td class="num muted">${esc(formatValue('articleF1', scores.strict.metrics.articleF1))}</td>`);
  return labelCell + cells.join('');
}

function metricsHead(first: string, strictThreshold: number): string {
  const heads = COLUMNS.map((c) => `<th title="${c.metric}">${c.title}</th>`);
  heads.splice(STRICT_AFTER, 0, `<th title="article F1 with pairs at body similarity ≥ ${strictThreshold}">F1≥${esc(String(strictThreshold))}</th>`);
  return `<tr><th>${first}</th>${heads.join('')}</tr>`;
}

/**
 * The page of one scored input.
 *
 * @param summaryHref link back to the summary page.
 * @param reviewHref link to the review page of the prediction, when one is written.
 */
export function writeEvalPageHtml(report: EvalReport, page: PageReport, docs: EvalPageDocuments, summaryHref: string, reviewHref?: string): string {
  const { failing, warned } = findingKeys(report);
  const goldArticles = docs.gold.articles ?? [];
  const predById = new Map(docs.predicted.articles.map((a, i) => [a.id, { a, i }]));
  const rows = page.articles.map((r) => {
    const g = r.gold !== null ? goldArticles[r.gold] : undefined;
    const p = r.predicted !== null ? predById.get(r.predicted) : undefined;
    const colour = p ? p.i : (r.gold ?? 0);
    return (
      `<tr><td class="what">${verdict(r)}</td>` +
      `<td>${side(g, r.gold !== null ? `gold #${r.gold + 1}` : '', colour, r.wrongFields, true)}${wrongList(r)}</td>` +
      `<td>${side(p?.a, r.predicted ?? '', colour, r.wrongFields, false)}</td></tr>`
    );
  });
  const chars = page.counts.chars;
  const lossless: string[] = [];
  if (chars && chars.missing > 0) lossless.push(`<li class="bad">${chars.missing} input characters not in the output: «${esc(page.lossless?.missingSample ?? '')}»</li>`);
  if (chars && chars.extra > 0) lossless.push(`<li class="bad">${chars.extra} output characters not in the input: «${esc(page.lossless?.extraSample ?? '')}»</li>`);
  const a = page.counts.articles;
  const body =
    `<header class="top"><h1>${esc(page.input)}</h1><p>gold ${esc(page.gold)} · <a href="${esc(summaryHref)}">all pages</a>` +
    `${reviewHref ? ` · <a href="${esc(reviewHref)}">the predicted segmentation (review page)</a>` : ''}</p>` +
    (a ? `<p>${a.tp} matched of ${a.gold} gold and ${a.predicted} predicted articles; ${a.splits} split, ${a.merges} merged</p>` : '<p>the gold file scores no articles</p>') +
    `</header><main><table>${metricsHead('page', report.strictMatchThreshold)}<tr>${metricsRow('<td>this page</td>', page, failing, warned, page.id)}</tr></table>` +
    (lossless.length > 0 ? `<ul>${lossless.join('')}</ul>` : '') +
    `<h2>Articles</h2><table class="pairs"><colgroup><col class="what"><col class="side"><col class="side"></colgroup><tr><th>verdict</th><th>gold</th><th>predicted</th></tr>${rows.join('')}</table></main>`;
  return htmlPage(`${page.input} · news-parse eval`, body, CSS);
}

/**
 * The summary: the totals table with a row per page (linked to its page),
 * the counts behind the totals and the gate's verdict.
 *
 * @param hrefs the file of each page's report, by page id.
 */
export function writeEvalSummaryHtml(report: EvalReport, hrefs: ReadonlyMap<string, string>): string {
  const { failing, warned } = findingKeys(report);
  const rows = report.pages.map((p) => {
    const href = hrefs.get(p.id);
    const name = href ? `<a href="${esc(href)}">${esc(p.id)}</a>` : esc(p.id);
    const bad = COLUMNS.some(({ metric }) => failing.has(`${p.id}\u0000${metric}`));
    return `<tr${bad ? ' class="fail"' : ''}>${metricsRow(`<td>${name}</td>`, p, failing, warned, p.id)}</tr>`;
  });
  const t = report.totals;
  const counts = t.counts;
  const fieldRows = SCORED_FIELDS.filter((f) => counts.fields[f].total > 0).map(
    (f) => `<tr><td>${f}</td><td class="num">${esc(formatValue(`${f}Accuracy`, t.metrics[`${f}Accuracy`]))}</td><td class="num">${counts.fields[f].correct}/${counts.fields[f].total}</td></tr>`,
  );
  const gate = report.gate;
  const verdict =
    gate.thresholds.length === 0 && !gate.baseline ? '<p class="muted">gate: no thresholds or baseline given</p>' : gate.passed ? '<p><strong>gate: passed</strong></p>' : '<p class="bad">gate: FAILED</p>';
  const findings = [
    ...gate.failures.map((f) => `<li class="bad">✗ ${esc(f.page ?? 'total')}: ${esc(describeFinding(f))}</li>`),
    ...gate.warnings.map((f) => `<li>! ${esc(f.page ?? '')}: ${esc(describeFinding(f))} (total holds)</li>`),
  ];
  const body =
    `<header class="top"><h1>news-parse eval · ${t.pages} page${t.pages === 1 ? '' : 's'}</h1>` +
    `<p>articles pair at body similarity ≥ ${esc(String(report.matchThreshold))} · news-parse ${esc(report.tool.version)}</p></header><main>` +
    `<table>${metricsHead('page', report.strictMatchThreshold)}${rows.join('')}<tr>${metricsRow('<th>total</th>', t, failing, warned, null)}</tr></table>` +
    (counts.articles
      ? `<p>articles: ${counts.articles.tp} matched of ${counts.articles.gold} gold and ${counts.articles.predicted} predicted; ${counts.articles.splits} split, ${counts.articles.merges} merged</p>`
      : '') +
    `<h2>Fields</h2><table><tr><th>field</th><th>accuracy</th><th>right</th></tr>${fieldRows.join('')}</table>` +
    (counts.chars ? `<p>characters: ${counts.chars.missing} lost, ${counts.chars.extra} added, of ${counts.chars.input} input</p>` : '') +
    `<h2>Gate</h2>${verdict}${findings.length > 0 ? `<ul>${findings.join('')}</ul>` : ''}</main>`;
  return htmlPage('news-parse eval', body, CSS);
}
