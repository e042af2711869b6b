/**
 * `news-parse ISSUE_DIR --issue`: the inputs are the pages of one issue — a
 * folder (or files, or globs) of pages, found the way a batch finds them
 * (src/batch/collect-inputs.ts), or one multi-page file whose pages the road
 * yields one by one. Every page goes the one conversion road
 * (src/convert/convert-page.ts); then src/core/assemble-issue.ts orders the
 * pages, links continuations and joins the stories.
 *
 * Output: with --out-dir, each page's document (`OUT/<rel>.json`, a page of a
 * multi-page file `OUT/<rel>.p<N>.json`), `OUT/issue.json` and
 * `OUT/manifest.json` with an entry for the issue (and `OUT/articles.jsonl`
 * or `.csv` with --articles); without it, the issue document (or, with
 * --articles, the issue's article records) on standard output or -o FILE.
 */
import { join } from 'node:path';
import { OutputError, takeOutDir } from '../batch/file-run.js';
import { ManifestWriter, MANIFEST_NAME, type ManifestEntry } from '../batch/manifest.js';
import { makeDirs } from '../batch/make-dirs.js';
import { writeAtomic, writeOutputFile } from '../batch/write-atomic.js';
import { assembleIssue, orderPages, type IssueDocument } from '../core/assemble-issue.js';
import type { NewsDocument } from '../core/model.js';
import { fsReason } from '../io/fs-reason.js';
import type { CliIO } from '../ports.js';
import { newsDocumentProblems } from '../schema/validate.js';
import { newsIssueProblems } from '../schema/validate-issue.js';
import { VERSION } from '../version.js';
import { convertSettings, failureError, type ParseCommandOptions } from './command-parse.js';
import { convertInputs } from './convert-inputs.js';
import { EXIT, InputError, UserError } from './errors.js';

export interface IssueCommandOptions extends ParseCommandOptions {
  outDir?: string;
  jsonl?: string;
  stdinJsonl?: boolean;
  quiet?: boolean;
}

export const ISSUE_NAME = 'issue.json';

interface ReadPage {
  doc: NewsDocument;
  /** Output path relative to --out-dir. */
  output: string;
  path: string;
}

function checkOptions(inputs: string[], opts: IssueCommandOptions): void {
  if (inputs.length === 0) throw new UserError('--issue needs the pages of the issue: a folder, page files, or a multi-page file');
  if (inputs.includes('-')) throw new UserError('--issue reads page files; standard input (-) cannot be a page of an issue');
  if (opts.stdinJsonl || opts.jsonl) throw new UserError('--issue writes one issue document; use --out-dir DIR or -o FILE, not --jsonl/--stdin-jsonl');
  if (opts.format && opts.format !== 'json') throw new UserError(`--format ${opts.format} is for one page; --issue writes JSON`);
  if (opts.output && opts.outDir) throw new UserError('give either --out-dir or --output with --issue, not both');
}

/** Every page of the issue through the road; a page that cannot be read is reported and left out (exit 1). */
async function readPages(inputs: string[], opts: IssueCommandOptions, io: CliIO): Promise<{ pages: ReadPage[]; failed: ManifestEntry[] }> {
  const settings = await convertSettings(opts, io.cwd);
  const pages: ReadPage[] = [];
  const failed: ManifestEntry[] = [];
  const fail = (path: string, reason: string) => {
    io.stderr.write(`news-parse: ${path}: ${reason}\n`);
    failed.push({ path, sha256: null, output: '', articles: 0, warnings: 0, status: 'failed', reason });
  };
  for await (const { input, result } of convertInputs(inputs, settings, fail, (path, reason) => io.stderr.write(`news-parse: left out ${path}: ${reason}\n`))) {
    if (!result.document) {
      const err = failureError(input.path, result);
      if (!(err instanceof InputError)) throw err;
      fail(input.path, result.failure.reason);
      continue;
    }
    const output = result.page === null ? `${input.rel}.json` : `${input.rel}.p${result.page}.json`;
    pages.push({ doc: result.document, output, path: input.path });
  }
  if (pages.length === 0 && failed.length === 0) throw new UserError(`no page files found in ${inputs.join(' ')}`);
  if (pages.length === 0) throw new InputError(inputs.join(' '), 'no page of the issue could be read');
  return { pages, failed };
}

/** Our own output failing its schema is a bug: exit 3. */
function checkSchemas(issue: IssueDocument, pages: NewsDocument[]): void {
  const problems = newsIssueProblems(issue);
  if (problems.length > 0) throw new UserError(`internal error: the issue document does not match its schema (${problems[0]!.path} ${problems[0]!.message}); please report this`, EXIT.internal);
  for (const doc of pages) {
    const p = newsDocumentProblems(doc);
    if (p.length > 0) throw new UserError(`${doc.source.path}: internal error: output does not match the schema (${p[0]!.path} ${p[0]!.message}); please report this`, EXIT.internal);
  }
}

async function articlesText(issue: IssueDocument, opts: IssueCommandOptions): Promise<string> {
  const [{ ArticlesWriter, RecordSchemaError }, { issueRecords }] = await Promise.all([import('../report/write-articles.js'), import('../report/article-records.js')]);
  try {
    return new ArticlesWriter(opts.articles!, Boolean(opts.bom)).chunk(issueRecords(issue));
  } catch (err) {
    if (err instanceof RecordSchemaError) throw new UserError(err.message, EXIT.internal);
    throw err;
  }
}

async function writeOutDir(outDir: string, issue: IssueDocument, pages: NewsDocument[], outputs: Map<NewsDocument, ReadPage>, failed: ManifestEntry[], opts: IssueCommandOptions, io: CliIO): Promise<void> {
  const { workerSettings } = await import('./command-batch.js');
  const manifest = new ManifestWriter(outDir, (await workerSettings(opts, io)).options);
  try {
    makeDirs(outDir);
  } catch (err) {
    throw new UserError(`${outDir}: cannot create the output directory: ${fsReason(err)}`);
  }
  let taken;
  try {
    taken = await takeOutDir(outDir);
  } catch (err) {
    throw err instanceof OutputError ? new UserError(err.message) : err;
  }
  if (taken.cleaned) io.stderr.write(`news-parse: ${taken.cleaned}\n`);
  try {
    let seq = 0;
    for (const doc of pages) {
      const { output, path } = outputs.get(doc)!;
      const file = join(outDir, output);
      await writeAtomic(file, JSON.stringify(doc) + '\n');
      manifest.add(seq++, { path, sha256: doc.source.sha256, output, articles: doc.articles.length, warnings: doc.warnings.length, status: 'converted' });
    }
    for (const f of failed) manifest.add(seq++, f);
    await writeAtomic(join(outDir, ISSUE_NAME), JSON.stringify(issue) + '\n');
    if (opts.articles) await writeAtomic(join(outDir, `articles.${opts.articles}`), await articlesText(issue, opts));
    manifest.addIssue({
      id: issue.issue.id,
      date: issue.issue.date,
      output: ISSUE_NAME,
      pages: issue.pages.length,
      articles: issue.articles.length,
      links: issue.links.length,
      warnings: issue.warnings.length,
    });
    await manifest.flush(true);
  } catch (err) {
    if (err instanceof UserError) throw err;
    throw new UserError(`${join(outDir, MANIFEST_NAME)}: cannot write the issue: ${fsReason(err)}`);
  } finally {
    taken.lock.release();
  }
}

export async function commandIssue(inputs: string[], opts: IssueCommandOptions, io: CliIO): Promise<number> {
  checkOptions(inputs, opts);
  const { pages: read, failed } = await readPages(inputs, opts, io);
  const byDoc = new Map(read.map((p) => [p.doc, p] as const));
  const ordered = orderPages(read.map((p) => p.doc));
  const { issue, pages } = assembleIssue(ordered);
  // assembleIssue keeps the order it is given; map its copies back to where each page came from.
  const outputs = new Map(pages.map((doc, i) => [doc, byDoc.get(ordered[i]!)!] as const));
  checkSchemas(issue, pages);

  if (opts.outDir) await writeOutDir(opts.outDir, issue, pages, outputs, failed, opts, io);
  else {
    const text = opts.articles ? await articlesText(issue, opts) : JSON.stringify(issue, null, 2) + '\n';
    if (opts.output) {
      try {
        await writeOutputFile(opts.output, text);
      } catch (err) {
        throw new UserError(`${opts.output}: cannot write: ${fsReason(err)}`);
      }
    } else io.stdout.write(text);
  }
  if (!opts.quiet && opts.outDir) {
    io.stderr.write(`news-parse: issue ${issue.issue.id ?? '(no id: give --paper)'}: ${issue.pages.length} pages, ${issue.articles.length} articles, ${issue.links.length} continuations linked, ${issue.warnings.length} warnings (news-parse ${VERSION})\n`);
  }
  return failed.length > 0 ? EXIT.findings : EXIT.ok;
}
