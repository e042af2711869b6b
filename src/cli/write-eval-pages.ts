/**
 * `eval --format html --out DIR`: DIR/index.html (the summary) and, per page,
 * DIR/pages/<page id>.html with the review page of its prediction beside it
 * (<page id>.review.html). A page id is the input's path from the working
 * directory; a `..` in it becomes `_up` so that no page lands outside DIR.
 */
import { writeAtomic } from '../batch/write-atomic.js';
import { join } from 'node:path';
import type { EvalReport } from '../eval/report.js';
import { fsReason } from '../io/fs-reason.js';
import { writeEvalPageHtml, writeEvalSummaryHtml, type EvalPageDocuments } from '../report/eval-html.js';
import { writeHtml } from '../report/write-html.js';
import { UserError } from './errors.js';

/** `pages/fixtures/seed/input.txt.html` for `fixtures/seed/input.txt`; `pages/_up/x.txt.html` for `../x.txt`. */
export function pageFileOf(id: string): string {
  const parts = id.split('/').filter((p) => p !== '' && p !== '.').map((p) => (p === '..' ? '_up' : p));
  return `pages/${parts.join('/')}.html`;
}

async function put(path: string, html: string): Promise<void> {
  try {
    // Temporary + rename (parent folders made): a failed write leaves no half page behind.
    await writeAtomic(path, html);
  } catch (err) {
    throw new UserError(`${path}: cannot write: ${fsReason(err)}`);
  }
}

export async function writeEvalPages(dir: string, report: EvalReport, documents: ReadonlyMap<string, EvalPageDocuments>): Promise<void> {
  const hrefs = new Map<string, string>();
  for (const page of report.pages) {
    const docs = documents.get(page.id);
    if (!docs) continue;
    const file = pageFileOf(page.id);
    const up = '../'.repeat(file.split('/').length - 1);
    // Beside the scores, the prediction's own review page: where on the page the articles went wrong.
    let review: string | undefined;
    if (docs.lines) {
      const reviewFile = file.replace(/\.html$/u, '.review.html');
      await put(join(dir, reviewFile), writeHtml(docs.predicted, docs.lines, { indexHref: up + 'index.html' }));
      review = reviewFile.slice(reviewFile.lastIndexOf('/') + 1);
    }
    await put(join(dir, file), writeEvalPageHtml(report, page, docs, up + 'index.html', review));
    hrefs.set(page.id, file);
  }
  await put(join(dir, 'index.html'), writeEvalSummaryHtml(report, hrefs));
}
