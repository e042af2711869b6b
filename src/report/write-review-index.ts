/**
 * `--review-dir DIR`: the index.html beside the review pages, a row per page
 * (articles, warnings, unassigned characters, repairs, a link), and a row per
 * page that could not be read, with the reason.
 */
import type { NewsDocument } from '../core/model.js';
import { esc, htmlPage } from './html.js';
import { reviewSummary } from './write-html.js';

export type ReviewIndexRow =
  | { input: string; href: string; document: NewsDocument }
  | { input: string; error: string };

const CSS = `
main{padding:.6rem 1rem}
tr.warn td{background:#f6f3dd}
tr.failed td{background:#fbe3e3}
`;

export function writeReviewIndex(rows: readonly ReviewIndexRow[], title = 'news-parse review'): string {
  let articles = 0;
  let unassigned = 0;
  let failed = 0;
  const trs = rows.map((r) => {
    if ('error' in r) {
      failed++;
      return `<tr class="failed"><td>${esc(r.input)}</td><td colspan="6" class="bad">${esc(r.error)}</td></tr>`;
    }
    const s = reviewSummary(r.document);
    articles += s.articles;
    unassigned += s.unassignedChars;
    const warn = s.warnings > 0 || s.unassignedChars > 0 || s.articles === 0;
    return (
      `<tr${warn ? ' class="warn"' : ''}><td><a href="${esc(r.href)}">${esc(r.input)}</a></td><td>${esc(r.document.page.number ?? '')}</td>` +
      `<td class="num">${s.articles}</td><td class="num">${s.warnings}</td><td class="num">${s.unassignedChars}</td><td class="num">${s.repairs}</td>` +
      `<td>${esc(r.document.warnings.filter((w) => w.severity !== 'info').map((w) => w.code).join(' '))}</td></tr>`
    );
  });
  const body =
    `<header class="top"><h1>${esc(title)}</h1><p>${rows.length} page${rows.length === 1 ? '' : 's'} · ${articles} articles · ${unassigned} unassigned characters` +
    `${failed > 0 ? ` · <span class="bad">${failed} could not be read</span>` : ''}</p></header>` +
    `<main><table><tr><th>page file</th><th>page</th><th>articles</th><th>warnings</th><th>unassigned characters</th><th>repairs</th><th>warning codes</th></tr>${trs.join('')}</table></main>`;
  return htmlPage(title, body, CSS);
}
