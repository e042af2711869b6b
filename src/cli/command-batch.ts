/**
 * The batch form of the main command: many pages (files, directories, globs)
 * converted on worker threads, each to `OUT/<relative path>.json` with a
 * manifest (`--out-dir`), or all to JSON Lines in input order (`--jsonl`);
 * and `--stdin-jsonl`, the record filter for map steps. Chosen by
 * src/batch/route.ts; the pieces live in src/batch/.
 */
import { createWriteStream, renameSync, writeFileSync } from 'node:fs';
import { mkdir, rename } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { collectInputs, type MissingInput, type PageInput } from '../batch/collect-inputs.js';
import { loadPrevious, ManifestWriter, MANIFEST_NAME, type ManifestEntry } from '../batch/manifest.js';
import { InlineRunner, WorkerPool, type TaskRunner } from '../batch/pool.js';
import { Progress } from '../batch/progress.js';
import { schedule } from '../batch/schedule.js';
import { answerLine, readLines, readRecords } from '../batch/stdin-jsonl.js';
import type { OutputOptions, TaskResult, WorkerSettings } from '../batch/task.js';
import { tempName } from '../batch/write-atomic.js';
import { fsReason } from '../io/fs-reason.js';
import { loadProfileOnce } from '../convert/convert-page.js';
import { convertSettings, type ParseCommandOptions } from './command-parse.js';
import { EXIT, UserError } from './errors.js';
import type { CliIO, OutStream, StopSignal } from '../ports.js';

export interface BatchCommandOptions extends ParseCommandOptions {
  outDir?: string;
  jsonl?: string;
  jobs?: number;
  quiet?: boolean;
  force?: boolean;
  stdinJsonl?: boolean;
}


interface Sink {
  write(chunk: string): Promise<void>;
  close(): Promise<void>;
}

class OutputClosed extends Error {}

type Emitterish = OutStream & {
  on?: (event: string, fn: (...args: unknown[]) => void) => unknown;
  once?: (event: string, fn: (...args: unknown[]) => void) => unknown;
  removeListener?: (event: string, fn: (...args: unknown[]) => void) => unknown;
};

/** Writes to a stream, waiting for 'drain' when it is full (memory stays bounded however fast pages come). */
function streamSink(stream: Emitterish): Sink {
  let error: unknown = null;
  stream.on?.('error', (err) => {
    error = err;
  });
  return {
    async write(chunk) {
      if (error) throw new OutputClosed(String(error));
      if (stream.write(chunk) === false && stream.once) {
        await new Promise<void>((resolve) => {
          const done = () => {
            stream.removeListener?.('drain', done);
            stream.removeListener?.('error', done);
            resolve();
          };
          stream.once!('drain', done);
          stream.once!('error', done);
        });
      }
      if (error) throw new OutputClosed(String(error));
    },
    async close() {},
  };
}

/** A file written under a temporary name and renamed into place when complete. */
function fileSink(path: string): Sink {
  const tmp = tempName(path);
  const stream = createWriteStream(tmp);
  const inner = streamSink(stream as unknown as Emitterish);
  return {
    write: inner.write,
    async close() {
      stream.end();
      await once(stream, 'finish');
      await rename(tmp, path);
    },
  };
}

function openSink(target: string, io: CliIO): Sink {
  return target === '-' ? streamSink(io.stdout as Emitterish) : fileSink(target);
}

/** What the workers need; a bad --profile or --max-xml-mb fails here, before any page is read. */
async function workerSettings(opts: BatchCommandOptions, io: CliIO): Promise<WorkerSettings> {
  const convert = await convertSettings(opts, io.cwd);
  const profile = convert.profile ? await loadProfileOnce(convert.profile, convert.cwd) : null;
  const options: OutputOptions = {
    encoding: convert.encoding ? convert.encoding.toLowerCase() : null,
    keepSpacing: convert.keepSpacing,
    profile: profile ? profile.name : null,
    convert: convert.convert,
    inputFormat: convert.inputFormat,
  };
  return { convert, options };
}

/** `--jobs 1` runs on the main thread (no worker to start, no messages); more jobs, on that many workers. */
function runnerFor(jobs: number, settings: WorkerSettings): TaskRunner {
  return jobs === 1 ? new InlineRunner(settings) : new WorkerPool(jobs, settings);
}

/** --jobs as given, or null when it was not. */
function jobCount(opts: BatchCommandOptions): number | null {
  if (opts.jobs === undefined) return null;
  const n = Number(opts.jobs);
  if (!Number.isInteger(n) || n < 1) throw new UserError(`--jobs must be a whole number of at least 1 (got ${String(opts.jobs)})`);
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
  for await (const _ of collectInputs(inputs)) if (++pages >= enough) return { jobs: defaultJobs(pages, cpus), pages: null };
  return { jobs: defaultJobs(pages, cpus), pages };
}

function checkOptions(inputs: string[], opts: BatchCommandOptions): void {
  if (opts.format && opts.format !== 'json') throw new UserError(`--format ${opts.format} is for one page; a batch writes JSON (--out-dir or --jsonl)`);
  if (opts.output) throw new UserError('--output writes one document; for a batch use --out-dir DIR or --jsonl FILE');
  if (opts.outDir && opts.jsonl) throw new UserError('give either --out-dir or --jsonl, not both');
  if (opts.stdinJsonl) {
    if (inputs.length > 0) throw new UserError('--stdin-jsonl reads records from standard input; give no input files');
    if (opts.outDir) throw new UserError('--stdin-jsonl writes JSON Lines; use --jsonl FILE (or standard output), not --out-dir');
    return;
  }
  if (inputs.length === 0) throw new UserError('no input given (try: news-parse pages/ --out-dir out, or news-parse --help)');
  if (inputs.includes('-')) throw new UserError('standard input (-) cannot be part of a batch; use --stdin-jsonl for records on standard input');
}

export async function commandBatch(inputs: string[], opts: BatchCommandOptions, io: CliIO): Promise<number> {
  checkOptions(inputs, opts);
  const given = jobCount(opts);
  const settings = await workerSettings(opts, io);
  // Records on standard input cannot be counted ahead; GNU parallel recipes pass -j 1 anyway.
  if (opts.stdinJsonl) return runStdinJsonl(opts, io, given ?? availableParallelism(), settings);
  const { jobs, pages } = given !== null ? { jobs: given, pages: null } : await jobsForFiles(inputs);
  return runFiles(inputs, opts, io, jobs, settings, pages);
}

/** Streams the pages, turning directories that cannot be listed into failed entries. */
async function* pagesOf(inputs: string[]): AsyncGenerator<PageInput | MissingInput> {
  const unlisted: MissingInput[] = [];
  const onError = (path: string, err: unknown) => unlisted.push({ path, rel: path, arg: -1, missing: `cannot list: ${fsReason(err)}` });
  for await (const page of collectInputs(inputs, onError)) {
    yield* unlisted.splice(0);
    yield page;
  }
  yield* unlisted.splice(0);
}

async function countPages(inputs: string[]): Promise<number> {
  let n = 0;
  for await (const _ of collectInputs(inputs)) n++;
  return n;
}

function exitCodeOf(summary: { pages: number; failed: number }, internal: boolean): number {
  if (internal) return EXIT.internal;
  if (summary.failed === 0) return EXIT.ok;
  return summary.failed === summary.pages ? EXIT.usage : EXIT.findings;
}

async function runFiles(inputs: string[], opts: BatchCommandOptions, io: CliIO, jobs: number, settings: WorkerSettings, knownPages: number | null): Promise<number> {
  const { options } = settings;
  const outDir = opts.outDir ?? null;
  if (outDir) {
    try {
      await mkdir(outDir, { recursive: true });
    } catch (err) {
      throw new UserError(`${outDir}: cannot create the output directory: ${fsReason(err)}`);
    }
  }
  const previous = outDir && !opts.force ? await loadPrevious(outDir, options) : new Map();
  const sink = outDir ? null : openSink(opts.jsonl ?? '-', io);
  const progress = new Progress(io.stderr, !opts.quiet && Boolean(io.stderr.isTTY));
  if (knownPages !== null) progress.setTotal(knownPages);
  else if (!opts.quiet && io.stderr.isTTY) {
    void countPages(inputs).then(
      (n) => progress.setTotal(n),
      () => {},
    );
  }
  const manifest = new ManifestWriter(outDir, options);
  const outputs = new Map<string, string>();
  const pool = runnerFor(jobs, settings);
  let internal = false;
  const started = io.now();

  // A Ctrl-C keeps what was done: the manifest is written (complete: false) before exiting.
  const onSignal = (signal: StopSignal) => {
    progress.clear();
    if (outDir) {
      const file = join(outDir, MANIFEST_NAME);
      try {
        writeFileSync(tempName(file), manifest.serialize(false));
        renameSync(tempName(file), file);
      } catch {
        /* exiting anyway */
      }
    }
    io.exit(signal === 'SIGINT' ? 130 : 143);
  };
  const stopListening = io.onStopSignal(onSignal);

  const start = (page: PageInput | MissingInput, seq: number): Promise<TaskResult> => {
    if ('missing' in page) return Promise.resolve({ seq, status: 'failed', reason: page.missing, internal: false });
    const outRel = `${page.rel}.json`;
    if (outDir) {
      const other = outputs.get(outRel) ?? (outRel === MANIFEST_NAME ? '(the manifest)' : undefined);
      if (other !== undefined) {
        const reason = `its output ${join(outDir, outRel)} is already that of ${other} (give the common parent directory instead)`;
        return Promise.resolve({ seq, status: 'failed', reason, internal: false });
      }
      outputs.set(outRel, page.path);
    }
    return pool.run({ kind: 'file', seq, path: page.path, out: outDir ? join(outDir, outRel) : null, force: Boolean(opts.force), prev: previous.get(outRel) ?? null });
  };

  const emit = async (page: PageInput | MissingInput, result: TaskResult, seq: number) => {
    const entry: ManifestEntry = {
      path: page.path,
      sha256: result.status === 'failed' ? (result.sha256 ?? null) : result.sha256,
      output: 'missing' in page ? '' : `${page.rel}.json`,
      articles: result.status === 'failed' ? 0 : result.articles,
      warnings: result.status === 'failed' ? 0 : result.warnings,
      status: result.status,
    };
    if (result.status === 'failed') {
      entry.reason = result.reason;
      if (result.internal) internal = true;
      progress.note(`news-parse: ${page.path}: ${result.reason}`);
    }
    manifest.add(seq, entry);
    if (sink && result.status === 'converted' && result.json !== undefined) await sink.write(result.json + '\n');
    progress.tick();
    await manifest.maybeFlush();
  };

  let closed = false;
  try {
    await schedule(pagesOf(inputs), start, emit, { window: Math.max(8, jobs * 4), ordered: sink !== null });
  } catch (err) {
    if (!(err instanceof OutputClosed)) throw err;
    closed = true; // the reader went away (e.g. `| head`): stop quietly
  } finally {
    stopListening();
    await pool.close();
    progress.clear();
  }
  const summary = manifest.summary;
  if (summary.pages === 0) {
    if (sink && !closed) await sink.close().catch(() => {});
    throw new UserError(`no page files (.txt, .xml, .hocr) found in ${inputs.join(' ')}`);
  }
  try {
    await manifest.flush(!closed);
  } catch (err) {
    throw new UserError(`${join(outDir ?? '', MANIFEST_NAME)}: cannot write: ${fsReason(err)}`);
  }
  if (sink && !closed) {
    try {
      await sink.close();
    } catch (err) {
      throw new UserError(`${opts.jsonl}: cannot write: ${fsReason(err)}`);
    }
  }
  if (!opts.quiet) io.stderr.write(summaryLine(summary, io.now() - started, jobs));
  return exitCodeOf(summary, internal);
}

/** `news-parse: 2000 pages: 1990 converted, 5 skipped, 5 failed; 8123 articles, 320 warnings; 12.3 s (162.6 pages/s, 2 workers)` */
export function summaryLine(s: { pages: number; converted: number; skipped: number; failed: number; articles: number; warnings: number }, ms: number, jobs: number): string {
  const secs = ms / 1000;
  const rate = secs > 0 ? (s.pages / secs).toFixed(1) : '-';
  const pages = `${s.pages} page${s.pages === 1 ? '' : 's'}`;
  const on = jobs === 1 ? 'main thread' : `${jobs} workers`;
  return `news-parse: ${pages}: ${s.converted} converted, ${s.skipped} skipped, ${s.failed} failed; ${s.articles} articles, ${s.warnings} warnings; ${secs.toFixed(1)} s (${rate} pages/s, ${on})\n`;
}

async function runStdinJsonl(opts: BatchCommandOptions, io: CliIO, jobs: number, settings: WorkerSettings): Promise<number> {
  const stream = io.stdinStream();
  const sink = openSink(opts.jsonl ?? '-', io);
  const pool = runnerFor(jobs, settings);
  try {
    await schedule(
      readRecords(readLines(stream)),
      (rec, seq) => (rec.task ? pool.run({ ...rec.task, seq }) : Promise.resolve(null)),
      (rec, result) => sink.write(answerLine(rec, result)),
      { window: Math.max(8, jobs * 4), ordered: true },
    );
  } catch (err) {
    if (!(err instanceof OutputClosed)) throw err;
    return EXIT.ok;
  } finally {
    await pool.close();
  }
  await sink.close();
  return EXIT.ok;
}

