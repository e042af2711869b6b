/**
 * `news-parse INPUTS… --review-dir DIR`: a review page per page, mirroring the
 * inputs' tree as the batch's --out-dir does (`DIR/<relative path>.html`; the
 * pages of a multi-page input as `DIR/<relative path>/pNNN.html`), and
 * `DIR/index.html` with a row per page.
 *
 * Pages are converted one at a time on the main thread, on the road every
 * command takes (src/convert/convert-page.ts): a review page needs the lines
 * the core read, which workers do not send back, and a person reads these
 * pages at a few a minute. A page that cannot be read gets a row saying why,
 * is reported on stderr, and makes the exit code 1 (2 when none could be read).
 */
import { writeAtomic } from '../batch/write-atomic.js';
import { join } from 'node:path';
import { fsReason } from '../io/fs-reason.js';
import type { ReviewIndexRow } from '../report/write-review-index.js';
import { convertSettings, failureError, type ParseCommandOptions } from './command-parse.js';
import { convertInputs } from './convert-inputs.js';
import { EXIT, UserError } from './errors.js';
import type { CliIO } from '../ports.js';

export interface ReviewCommandOptions extends ParseCommandOptions {
  reviewDir?: string;
  outDir?: string;
  jsonl?: string;
  stdinJsonl?: boolean;
  quiet?: boolean;
}

/** `../../index.html` from a page at `rel` (a `/`-separated path under the review folder). */
function indexHrefFrom(rel: string): string {
  return '../'.repeat(rel.split('/').length - 1) + 'index.html';
}

async function writeInto(dir: string, rel: string, html: string): Promise<void> {
  const path = join(dir, rel);
  try {
    // Temporary + rename (parent folders made): a failed write leaves no half page behind.
    await writeAtomic(path, html);
  } catch (err) {
    throw new UserError(`${path}: cannot write: ${fsReason(err)}`);
  }
}

export async function commandReview(inputs: string[], opts: ReviewCommandOptions, io: CliIO): Promise<number> {
  const dir = opts.reviewDir!;
  if (inputs.length === 0) throw new UserError('no input given (try: news-parse pages/ --review-dir review/)');
  if (opts.outDir !== undefined || opts.jsonl !== undefined || opts.stdinJsonl) throw new UserError('--review-dir writes HTML only; run --out-dir or --jsonl separately');
  if (opts.format !== undefined || opts.output !== undefined) throw new UserError('--review-dir writes HTML pages into DIR; it takes no --format or --output');
  const settings = await convertSettings(opts, io.cwd);
  const { writeHtml } = await import('../report/write-html.js');
  const { writeReviewIndex } = await import('../report/write-review-index.js');

  const rows: ReviewIndexRow[] = [];
  let exit: number = EXIT.ok;
  const fail = (input: string, reason: string, code: number = EXIT.findings) => {
    io.stderr.write(`news-parse: ${input}: ${reason}\n`);
    rows.push({ input, error: reason });
    exit = Math.max(exit, code);
  };
  for await (const { input: page, result } of convertInputs(inputs, settings, (path, reason) => fail(path, reason), (path, reason) => io.stderr.write(`news-parse: left out ${path}: ${reason}\n`))) {
    const input = result.page !== null ? `${page.path} page ${result.page}` : page.path;
    if (!result.document) {
      const err = failureError(page.path, result);
      fail(input, result.failure.reason, err.exitCode === EXIT.internal ? EXIT.internal : EXIT.findings);
      continue;
    }
    const rel = result.page !== null ? `${page.rel}/p${String(result.page).padStart(3, '0')}.html` : `${page.rel}.html`;
    await writeInto(dir, rel, writeHtml(result.document, result.lines, { indexHref: indexHrefFrom(rel) }));
    rows.push({ input, href: rel, document: result.document });
  }
  if (rows.length === 0) throw new UserError(`no pages found in ${inputs.join(', ')}`);
  await writeInto(dir, 'index.html', writeReviewIndex(rows));
  if (!opts.quiet && io.stderr.isTTY) io.stderr.write(`news-parse: review pages in ${join(dir, 'index.html')} (${rows.length} page${rows.length === 1 ? '' : 's'})\n`);
  // Nothing readable at all is unusable input (2); some pages failing is a finding (1).
  return rows.some((r) => 'document' in r) ? exit : Math.max(exit, EXIT.usage);
}
