/**
 * The parts of a batch over files (`news-parse DIR --out-dir OUT` or
 * `--jsonl FILE`), in the order a page meets them:
 *
 *   inputs    `pagesOf`: the pages of the arguments, unlistable directories as failures;
 *   schedule  `OutputNames` + `taskFor`: each page's output name (refusing a second page
 *             for the same name) and the task that converts it, or its result when there
 *             is nothing to run;
 *   sinks     `openOutputs`: the output directory and the previous manifest, or the
 *             JSON Lines sink (src/batch/sinks.ts);
 *   manifest  `entryFor`: a page's result as its manifest entry; `saveOnStop`: the
 *             manifest so far when the run is stopped;
 *   summary   `exitCodeOf`, `summaryLine`.
 * src/cli/command-batch.ts `runFiles` strings them together; each is tested alone
 * (tests/batch/file-run.test.ts).
 */
import { join } from 'node:path';
import { READERS } from '../convert/readers.js';
import { fsReason } from '../io/fs-reason.js';
import { EXIT, type CliIO, type StopSignal } from '../ports.js';
import { collectInputs, type MissingInput, type PageInput } from './collect-inputs.js';
import { loadPrevious, MANIFEST_NAME, previousRunFinished, type BatchSummary, type ManifestEntry, type ManifestWriter } from './manifest.js';
import { makeDirs } from './make-dirs.js';
import { lockOutDir, OutDirBusy, type OutDirLock } from './out-dir-lock.js';
import { openSink, type Sink } from './sinks.js';
import { removeStaleTemporaries } from './stale-temporaries.js';
import type { OutputOptions, PreviousEntry, Task, TaskResult } from './task.js';
import { writeAtomicSync } from './write-atomic.js';

export type BatchPage = PageInput | MissingInput;

/**
 * inputs: streams the pages, turning directories that cannot be listed into failed entries; files a walk or
 * glob found that are not pages (METS, JSON, binary, read-me notes) and globs that match nothing go to `onSkip`.
 */
export async function* pagesOf(inputs: readonly string[], onSkip: (path: string, reason: string) => void = () => {}): AsyncGenerator<BatchPage> {
  const unlisted: MissingInput[] = [];
  const onError = (path: string, err: unknown) => unlisted.push({ path, rel: path, arg: -1, missing: `cannot list: ${fsReason(err)}` });
  for await (const page of collectInputs(inputs, onError, onSkip)) {
    yield* unlisted.splice(0);
    yield page;
  }
  yield* unlisted.splice(0);
}

/**
 * How many pages the inputs hold (the progress bar's total, the default
 * --jobs): what the run will convert, so the files a walk leaves out are
 * sniffed out here too (another 35–90 µs per file found).
 */
export async function* countedPages(inputs: readonly string[]): AsyncGenerator<PageInput | MissingInput> {
  yield* collectInputs(inputs, () => {}, () => {});
}

/** countedPages, all of them. */
export async function countPages(inputs: readonly string[]): Promise<number> {
  let n = 0;
  for await (const _ of countedPages(inputs)) n++;
  return n;
}

/** The page extensions, for the message of a batch that found none: `.txt, .xml, .hocr, …`. */
export function pageExtensions(): string {
  return READERS.flatMap((r) => r.extensions).join(', ');
}

/**
 * schedule: the output name of each page under --out-dir (`OUT/<rel>.json`).
 * Two arguments can bring pages of the same relative path (`a/p.txt b/p.txt`);
 * the second would overwrite the first, so it is refused, as is a page that
 * would overwrite the manifest.
 */
export class OutputNames {
  private readonly taken = new Map<string, string>([[MANIFEST_NAME, '(the manifest)']]);

  constructor(private readonly outDir: string) {}

  /** The output (relative to OUT) for `page`, or why it cannot have one. */
  claim(page: PageInput): { rel: string } | { reason: string } {
    const rel = `${page.rel}.json`;
    const other = this.taken.get(rel);
    if (other !== undefined) return { reason: `its output ${join(this.outDir, rel)} is already that of ${other} (give the common parent directory instead)` };
    this.taken.set(rel, page.path);
    return { rel };
  }
}

export interface TaskContext {
  /** --out-dir, or null for --jsonl. */
  outDir: string | null;
  names: OutputNames | null;
  /** What the previous run recorded, by output name. */
  previous: ReadonlyMap<string, PreviousEntry>;
  force: boolean;
}

/** schedule: the task converting `page`, or its result already when there is nothing to run. */
export function taskFor(page: BatchPage, seq: number, ctx: TaskContext): Task | TaskResult {
  if ('missing' in page) return { seq, status: 'failed', reason: page.missing, internal: false };
  const rel = `${page.rel}.json`;
  if (ctx.names) {
    const claim = ctx.names.claim(page);
    if ('reason' in claim) return { seq, status: 'failed', reason: claim.reason, internal: false };
  }
  return { kind: 'file', seq, path: page.path, out: ctx.outDir ? join(ctx.outDir, rel) : null, force: ctx.force, prev: ctx.previous.get(rel) ?? null };
}

export function isTask(t: Task | TaskResult): t is Task {
  return 'kind' in t;
}

export interface Outputs {
  outDir: string | null;
  previous: Map<string, PreviousEntry>;
  /** The JSON Lines sink (--jsonl), or null with --out-dir. */
  jsonl: Sink | null;
  /** --out-dir's lock (release it when the run ends), or null. */
  lock: OutDirLock | null;
  /** What a run that died left in OUT and this one cleaned up: one line to say, or null. */
  cleaned: string | null;
  /** OUT's manifest is another build's (same version, other code): convert every page again, and say so. */
  otherBuild: boolean;
}

/**
 * sinks: creates the output directory, takes its lock (src/batch/out-dir-lock.ts),
 * removes what a run that died left there, and reads its previous manifest
 * (unless --force); or opens the JSON Lines sink.
 */
export async function openOutputs(
  target: { outDir: string | null; jsonl: string | null; force: boolean },
  options: OutputOptions,
  io: Pick<CliIO, 'stdout'>,
): Promise<Outputs> {
  const { outDir } = target;
  if (!outDir) return { outDir: null, previous: new Map(), jsonl: openSink(target.jsonl ?? '-', io.stdout), lock: null, cleaned: null, otherBuild: false };
  try {
    makeDirs(outDir);
  } catch (err) {
    throw new OutputError(`${outDir}: cannot create the output directory: ${fsReason(err)}`);
  }
  const { lock, cleaned } = await takeOutDir(outDir);
  try {
    const prev = target.force ? { entries: new Map<string, PreviousEntry>(), otherBuild: false } : await loadPrevious(outDir, options);
    return { outDir, previous: prev.entries, jsonl: null, lock, cleaned, otherBuild: prev.otherBuild };
  } catch (err) {
    lock.release();
    throw err;
  }
}

/**
 * Locks OUT for this run, and removes the temporaries of runs that died: when
 * their lock was left, or when no run finished there (no manifest, or one
 * with `complete: false` — runs of versions before the lock). A run that
 * ended removed its own temporaries, so a finished OUT is not walked again.
 */
export async function takeOutDir(outDir: string): Promise<{ lock: OutDirLock; cleaned: string | null }> {
  let lock: OutDirLock;
  try {
    lock = await lockOutDir(outDir);
  } catch (err) {
    if (err instanceof OutDirBusy) throw new OutputError(err.message);
    throw new OutputError(`${outDir}: cannot lock the output directory: ${fsReason(err)}`);
  }
  const removed = lock.stale || !(await previousRunFinished(outDir)) ? await removeStaleTemporaries(outDir, true) : 0;
  const files = `${removed} temporar${removed === 1 ? 'y' : 'ies'}`;
  const cleaned = lock.stale
    ? `${outDir}: a batch (pid ${lock.stale.pid}, started ${lock.stale.startedAt}) did not finish here; its lock and ${files} were removed`
    : removed > 0
      ? `${outDir}: ${files} of runs that did not finish were removed`
      : null;
  return { lock, cleaned };
}

/** An output that cannot be made or written (the CLI reports it as a usage error, exit 2). */
export class OutputError extends Error {}

/** manifest: a page's result as its entry. */
export function entryFor(page: BatchPage, result: TaskResult): ManifestEntry {
  const failed = result.status === 'failed';
  const entry: ManifestEntry = {
    path: page.path,
    sha256: failed ? (result.sha256 ?? null) : result.sha256,
    output: 'missing' in page ? '' : `${page.rel}.json`,
    articles: failed ? 0 : result.articles,
    warnings: failed ? 0 : result.warnings,
    status: result.status,
  };
  if (failed) entry.reason = result.reason;
  return entry;
}

/** The exit status of a process stopped by `signal` (128 + its number, as shells report it). */
export function signalExitCode(signal: StopSignal): number {
  return signal === 'SIGINT' ? 130 : 143;
}

/**
 * manifest: a stop signal (Ctrl-C) keeps what was done — the manifest is
 * written (complete: false), then `beforeExit` runs (it releases the lock), then the process exits. Returns the function
 * that stops listening.
 */
export function saveOnStop(io: Pick<CliIO, 'onStopSignal' | 'exit'>, manifest: ManifestWriter, outDir: string | null, beforeExit: () => void): () => void {
  return io.onStopSignal((signal) => {
    if (outDir) {
      try {
        writeAtomicSync(join(outDir, MANIFEST_NAME), manifest.serialize(false));
      } catch {
        /* exiting anyway; the temporary is removed, the previous manifest kept */
      }
    }
    beforeExit();
    io.exit(signalExitCode(signal));
  });
}

/** summary: 3 when a page hit our bug, else 0 when none failed, 2 when all did, 1 when some did. */
export function exitCodeOf(summary: Pick<BatchSummary, 'pages' | 'failed'>, internal: boolean): number {
  if (internal) return EXIT.internal;
  if (summary.failed === 0) return EXIT.ok;
  return summary.failed === summary.pages ? EXIT.usage : EXIT.findings;
}

/** summary: `news-parse: 2000 pages: 1990 converted, 5 skipped, 5 failed; 8123 articles, 320 warnings; 12.3 s (162.6 pages/s, 2 workers)` */
export function summaryLine(s: Omit<BatchSummary, 'seconds'>, ms: number, jobs: number): string {
  const secs = ms / 1000;
  const rate = secs > 0 ? (s.pages / secs).toFixed(1) : '-';
  const pages = `${s.pages} page${s.pages === 1 ? '' : 's'}`;
  const on = jobs === 1 ? 'main thread' : `${jobs} workers`;
  return `news-parse: ${pages}: ${s.converted} converted, ${s.skipped} skipped, ${s.failed} failed; ${s.articles} articles, ${s.warnings} warnings; ${secs.toFixed(1)} s (${rate} pages/s, ${on})\n`;
}
