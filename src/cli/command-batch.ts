/**
 * The batch form of the main command: many pages (files, directories, globs)
 * converted on worker threads, each to `OUT/<relative path>.json` with a
 * manifest (`--out-dir`), or all to JSON Lines in input order (`--jsonl`);
 * and `--stdin-jsonl`, the record filter for map steps. Chosen by
 * src/batch/route.ts; the pieces live in src/batch/.
 */
import { VERSION } from '../version.js';
import { readFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import {
  countedPages,
  countPages,
  entryFor,
  exitCodeOf,
  isTask,
  openOutputs,
  OutputError,
  OutputNames,
  pageExtensions,
  pagesOf,
  saveOnStop,
  summaryLine,
  taskFor,
  type BatchPage,
  type Outputs,
} from '../batch/file-run.js';
import { ManifestWriter, MANIFEST_NAME } from '../batch/manifest.js';
import { InlineRunner, WorkerPool, type TaskRunner } from '../batch/pool.js';
import { Progress } from '../batch/progress.js';
import { schedule } from '../batch/schedule.js';
import { fileSink, OutputClosed, OutputWriteError, openSink, type Sink } from '../batch/sinks.js';
import { answerLine, readLines, readRecords } from '../batch/stdin-jsonl.js';
import type { OutputOptions, TaskResult, WorkerSettings } from '../batch/task.js';
import { loadProfileOnce, mergedIssue } from '../convert/convert-page.js';
import { fsReason } from '../io/fs-reason.js';
import type { CliIO } from '../ports.js';
import { articlesRenderer, convertSettings, type ParseCommandOptions } from './command-parse.js';
import type { NewsDocument } from '../core/model.js';
import { EXIT, UserError } from './errors.js';

export interface BatchCommandOptions extends ParseCommandOptions {
  outDir?: string;
  jsonl?: string;
  /** As typed (commander passes the string): a bad value is quoted back. */
  jobs?: number | string;
  quiet?: boolean;
  force?: boolean;
  stdinJsonl?: boolean;
}


/** What the workers need; a bad --profile or --max-xml-mb fails here, before any page is read. */
export async function workerSettings(opts: ParseCommandOptions, io: CliIO): Promise<WorkerSettings> {
  const convert = await convertSettings(opts, io.cwd);
  const profile = convert.profile ? await loadProfileOnce(convert.profile, convert.cwd) : null;
  const issue = mergedIssue(convert.issue, profile);
  const options: OutputOptions = {
    encoding: convert.encoding ? convert.encoding.toLowerCase() : null,
    keepSpacing: convert.keepSpacing,
    profile: profile ? profile.name : null,
    profileSha256: profile ? profile.sha256 : null,
    convert: convert.convert,
    inputFormat: convert.inputFormat,
    ...(issue ? { issue } : {}),
    ...(convert.pages !== null ? { pages: convert.pages } : {}),
  };
  return { convert, options };
}

/** `--jobs 1` runs on the main thread (no worker to start, no messages); more jobs, on that many workers. */
function runnerFor(jobs: number, settings: WorkerSettings): TaskRunner {
  return jobs === 1 ? new InlineRunner(settings) : new WorkerPool(jobs, settings);
}

/**
 * --jobs as given, or null when it was not; more than the CPUs is capped at
 * them, with a note: each worker warms up on its own, so extra workers only
 * add warm-ups (-j 999 took 207 s on 3,000 pages against 5 s by default).
 */
function jobCount(opts: BatchCommandOptions, io: CliIO): number | null {
  if (opts.jobs === undefined) return null;
  const typed = String(opts.jobs);
  const n = /^\s*\d+\s*$/u.test(typed) ? Number(typed) : NaN;
  if (!Number.isInteger(n) || n < 1) throw new UserError(`--jobs must be a whole number of at least 1 (got "${typed}")`);
  const cpus = availableParallelism();
  if (n > cpus) {
    io.stderr.write(`news-parse: --jobs ${n} is more than the ${cpus} CPUs; using ${cpus}\n`);
    return cpus;
  }
  return n;
}

/**
 * Pages a worker must have before one is started by default. A worker is a V8
 * isolate that compiles the parser anew, a warm-up worth about 600 warm pages of
 * CPU (callgrind; docs/batch.md#performance). With twice that, at most a third of
 * a worker's CPU goes to warming up; and on the 2-CPU development machine two
 * workers stop being slower than one at about 2 × 1,200 pages.
 */
export const PAGES_PER_WORKER = 1200;

/** The default --jobs for a batch of `pages`: one per PAGES_PER_WORKER pages, at least 1, at most the CPUs. */
export function defaultJobs(pages: number, cpus: number): number {
  return Math.max(1, Math.min(cpus, Math.floor(pages / PAGES_PER_WORKER)));
}

/**
 * Counts the batch's pages, but only as far as the default --jobs needs to
 * know; `pages` is the whole count when it got there (the progress bar's total).
 */
async function jobsForFiles(inputs: string[]): Promise<{ jobs: number; pages: number | null }> {
  const cpus = availableParallelism();
  const enough = PAGES_PER_WORKER * cpus;
  let pages = 0;
  for await (const _ of countedPages(inputs)) if (++pages >= enough) return { jobs: defaultJobs(pages, cpus), pages: null };
  return { jobs: defaultJobs(pages, cpus), pages };
}

function checkOptions(inputs: string[], opts: BatchCommandOptions): void {
  if (opts.format && opts.format !== 'json') throw new UserError(`--format ${opts.format} is for one page; a batch writes JSON (--out-dir or --jsonl)`);
  if (opts.output) throw new UserError('--output writes one document; for a batch use --out-dir DIR or --jsonl FILE');
  if (opts.outDir && opts.jsonl) throw new UserError('give either --out-dir or --jsonl, not both');
  if (opts.stdinJsonl) {
    if (inputs.length > 0) throw new UserError('--stdin-jsonl reads records from standard input; give no input files');
    if (opts.outDir) throw new UserError('--stdin-jsonl writes JSON Lines; use --jsonl FILE (or standard output), not --out-dir');
    if (opts.articles) throw new UserError('--stdin-jsonl answers one line per record; --articles is for page files');
    return;
  }
  if (inputs.length === 0) throw new UserError('no input given (try: news-parse pages/ --out-dir out, or news-parse --help)');
  if (inputs.includes('-')) throw new UserError('standard input (-) cannot be part of a batch; use --stdin-jsonl for records on standard input');
}

export async function commandBatch(inputs: string[], opts: BatchCommandOptions, io: CliIO): Promise<number> {
  checkOptions(inputs, opts);
  const given = jobCount(opts, io);
  const settings = await workerSettings(opts, io);
  // Records on standard input cannot be counted ahead; GNU parallel recipes pass -j 1 anyway.
  if (opts.stdinJsonl) return runStdinJsonl(opts, io, given ?? availableParallelism(), settings);
  const { jobs, pages } = given !== null ? { jobs: given, pages: null } : await jobsForFiles(inputs);
  return runFiles(inputs, opts, io, jobs, settings, pages);
}

/** Shows progress on a terminal; the total comes from the default --jobs count or, when that stopped early, a count of its own. */
function progressFor(inputs: string[], opts: BatchCommandOptions, io: CliIO, knownPages: number | null): Progress {
  const shown = !opts.quiet && Boolean(io.stderr.isTTY);
  const progress = new Progress(io.stderr, shown);
  if (knownPages !== null) progress.setTotal(knownPages);
  else if (shown) {
    void countPages(inputs).then(
      (n) => progress.setTotal(n),
      () => {},
    );
  }
  return progress;
}

/** inputs → schedule → sinks → manifest → summary (the parts are in src/batch/file-run.ts); --out-dir is locked meanwhile. */
async function runFiles(inputs: string[], opts: BatchCommandOptions, io: CliIO, jobs: number, settings: WorkerSettings, knownPages: number | null): Promise<number> {
  let outputs: Outputs;
  try {
    outputs = await openOutputs({ outDir: opts.outDir ?? null, jsonl: opts.jsonl ?? null, force: Boolean(opts.force) }, settings.options, io);
  } catch (err) {
    if (err instanceof OutputError) throw new UserError(err.message);
    throw err;
  }
  if (outputs.cleaned) io.stderr.write(`news-parse: ${outputs.cleaned}\n`);
  if (outputs.otherBuild) io.stderr.write(`news-parse: ${outputs.outDir}: written by another build of news-parse ${VERSION}; converting every page again\n`);
  try {
    return await convertAll(inputs, opts, io, jobs, settings, knownPages, outputs);
  } finally {
    outputs.lock?.release();
  }
}

async function convertAll(inputs: string[], opts: BatchCommandOptions, io: CliIO, jobs: number, settings: WorkerSettings, knownPages: number | null, outputs: Outputs): Promise<number> {
  const { options } = settings;
  const { outDir, jsonl } = outputs;
  // --articles: the records of each document instead of the document (with --out-dir, OUT/articles.* after the run).
  const records = opts.articles ? await articlesRenderer(opts.articles, Boolean(opts.bom)) : null;
  const progress = progressFor(inputs, opts, io, knownPages);
  const manifest = new ManifestWriter(outDir, options);
  const ctx = { outDir, names: outDir ? new OutputNames(outDir) : null, previous: outputs.previous, force: Boolean(opts.force) || outputs.otherBuild };
  const pool = runnerFor(jobs, settings);
  let internal = false;
  const started = io.now();
  const stopListening = saveOnStop(io, manifest, outDir, () => {
    progress.clear();
    outputs.lock?.release();
  });

  const start = (page: BatchPage, seq: number): Promise<TaskResult> => {
    const task = taskFor(page, seq, ctx);
    return isTask(task) ? pool.run(task) : Promise.resolve(task);
  };
  const manifestFile = join(outDir ?? '', MANIFEST_NAME);
  let manifestWarned = false;
  let otherBuildSaid = false;
  const emit = async (page: BatchPage, result: TaskResult, seq: number) => {
    if (result.status === 'failed') {
      if (result.internal) internal = true;
      progress.note(`news-parse: ${page.path}: ${result.reason}`);
    }
    if (result.status === 'converted' && result.otherBuild && !otherBuildSaid) {
      // With no manifest to say so, only the outputs' own tool.build tells: said once, for the first.
      otherBuildSaid = true;
      progress.note(`news-parse: ${outDir}: outputs there were written by another build of news-parse ${VERSION}; converting them again`);
    }
    manifest.add(seq, entryFor(page, result));
    if (jsonl && result.status === 'converted' && result.json !== undefined) await jsonl.write(records ? records(JSON.parse(result.json) as NewsDocument) : result.json + '\n');
    progress.tick();
    const failed = await manifest.maybeFlush();
    if (failed && !manifestWarned) {
      manifestWarned = true;
      progress.note(`news-parse: ${manifestFile}: cannot write: ${fsReason(failed)} (the run goes on; it is written again at the end)`);
    }
  };

  const skips: { path: string; reason: string }[] = [];
  let closed = false;
  try {
    await schedule(
      pagesOf(inputs, (path, reason) => {
        skips.push({ path, reason });
        manifest.addLeftOut(path, reason);
      }),
      start,
      emit,
      { window: Math.max(8, jobs * 4), ordered: jsonl !== null },
    );
  } catch (err) {
    if (err instanceof OutputWriteError) {
      await jsonl?.abort();
      throw new UserError(err.message);
    }
    if (!(err instanceof OutputClosed)) throw err;
    closed = true; // the reader went away (e.g. `| head`): stop quietly
  } finally {
    stopListening();
    await pool.close();
    progress.clear();
  }
  const summary = manifest.summary;
  if (summary.pages === 0) {
    if (jsonl && !closed) await jsonl.abort();
    const why = skips.length > 0 ? ` (${skips.slice(0, SKIPS_LISTED).map((s) => `${s.path}: ${s.reason}`).join('; ')}${skips.length > SKIPS_LISTED ? `; and ${skips.length - SKIPS_LISTED} more` : ''})` : '';
    throw new UserError(`no page files (${pageExtensions()}) found in ${inputs.join(' ')}${why}`);
  }
  const unrecorded = await manifest.finish(!closed);
  if (outDir && records && !unrecorded) await writeArticlesFile(outDir, manifest, records, opts.articles!);
  if (jsonl && !closed) await closeSink(jsonl);
  if (!opts.quiet) io.stderr.write(skipLines(skips) + summaryLine(summary, io.now() - started, jobs));
  if (unrecorded) {
    // Said last, so that it is the line a user sees: the outputs are there, the record of them is not.
    const previous = unrecorded.removedPrevious ? '; the previous manifest was removed' : '';
    io.stderr.write(`news-parse: ${manifestFile}: cannot write: ${fsReason(unrecorded.error)}: this run's ${summary.pages} pages are not recorded${previous} (a re-run checks each output itself)\n`);
    return Math.max(exitCodeOf(summary, internal), EXIT.usage);
  }
  return exitCodeOf(summary, internal);
}

/** Renames a finished file into place; a failure is one line, exit 2, with the temporary removed. */
async function closeSink(sink: Sink): Promise<void> {
  try {
    await sink.close();
  } catch (err) {
    await sink.abort();
    if (err instanceof OutputWriteError) throw new UserError(err.message);
    throw err;
  }
}

/** Skipped files listed one per line before the summary, up to this many (then a count). */
const SKIPS_LISTED = 20;

/** The note of what a walk or glob skipped and why: one line per file, `news-parse: left out PATH: reason` ("skipped" in the summary means up to date). */
export function skipLines(skips: readonly { path: string; reason: string }[]): string {
  let out = '';
  for (const s of skips.slice(0, SKIPS_LISTED)) out += `news-parse: left out ${s.path}: ${s.reason}\n`;
  if (skips.length > SKIPS_LISTED) out += `news-parse: left out ${skips.length - SKIPS_LISTED} more files that are not pages\n`;
  return out;
}

/** OUT/articles.jsonl|csv: the records of every page written or skipped as up to date, in input order, read back from OUT. */
async function writeArticlesFile(outDir: string, manifest: ManifestWriter, records: (doc: NewsDocument) => string, format: string): Promise<void> {
  const file = join(outDir, `articles.${format}`);
  const out = fileSink(file);
  try {
    for (const entry of manifest.build(true).files) {
      if (entry.status === 'failed') continue;
      await out.write(records(JSON.parse(await readFile(join(outDir, entry.output), 'utf8')) as NewsDocument));
    }
  } catch (err) {
    await out.abort();
    if (err instanceof UserError) throw err;
    if (err instanceof OutputWriteError) throw new UserError(err.message);
    throw new UserError(`${file}: cannot write: ${fsReason(err)}`);
  }
  await closeSink(out);
}

async function runStdinJsonl(opts: BatchCommandOptions, io: CliIO, jobs: number, settings: WorkerSettings): Promise<number> {
  const stream = io.stdinStream();
  const sink = openSink(opts.jsonl ?? '-', io.stdout);
  const pool = runnerFor(jobs, settings);
  try {
    await schedule(
      readRecords(readLines(stream)),
      (rec, seq) => (rec.task ? pool.run({ ...rec.task, seq }) : Promise.resolve(null)),
      (rec, result) => sink.write(answerLine(rec, result)),
      { window: Math.max(8, jobs * 4), ordered: true },
    );
  } catch (err) {
    if (err instanceof OutputWriteError) {
      await sink.abort();
      throw new UserError(err.message);
    }
    if (!(err instanceof OutputClosed)) throw err;
    return EXIT.ok;
  } finally {
    await pool.close();
  }
  await closeSink(sink);
  return EXIT.ok;
}

