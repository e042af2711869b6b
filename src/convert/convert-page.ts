/**
 * The one road from an input to its documents, taken by every command that
 * converts pages: `news-parse FILE` (src/cli/command-parse.ts), the batch
 * task on workers and the main thread and `--stdin-jsonl` (src/batch/task.ts)
 * and eval (src/cli/command-eval.ts). Steps, once each:
 *
 *   settings → profile (loaded once per thread) → format (--input-format, or
 *   sniffed) → reader (src/convert/readers.ts: decode, read, run the core) →
 *   profile name and fingerprint in tool.options → --convert → schema check.
 *
 * Entry points:
 *   - `convertFile(source, settings)`: an AsyncIterable of `PageResult`, one
 *     per page of the input: exactly one for text, ALTO and hOCR (`page`
 *     null), one per page for a multi-page format (`page` = its 1-based index
 *     in the file), produced one page at a time.
 *   - `convertPage(source, settings)`: for a caller that takes one document
 *     per input (eval's one gold per page); a file that yields several pages
 *     is a failure there.
 * Neither throws for bad input: a page (or the whole input, `page` null) that
 * cannot be used is a `PageResult` with `failure` — `unusable-input` (exit 2
 * in the CLI) or `schema-mismatch` (our bug, exit 3). Only a bad --profile
 * throws (ProfileError), and the CLI loads the profile before any page.
 */
import { parseTextLines, readStringLines, UnusableInputError } from '../index.js';
import { invalidBytesRecord, type InvalidRun } from '../core/decode.js';
import type { InputLine, NewsDocument } from '../core/model.js';
import { newsDocumentProblems } from '../schema/validate.js';
import { formatOf, READERS, readerRow, type PageRead, type PendingRead, type ReadContext, type ReaderOutput, type ReaderRow, type ReadPage } from './readers.js';
import type { ConvertSettings } from './settings.js';

/** What to convert: a file's bytes, or (a `--stdin-jsonl` text record) a string. */
export type PageSource =
  | {
      /** Recorded in `source.path`; null for standard input. */
      path: string | null;
      bytes: Uint8Array;
    }
  | {
      path: null;
      text: string;
      /** Runs of invalid bytes the text's source held, each a U+FFFD in `text` (a `--stdin-jsonl` line): recorded as repairs. */
      invalid?: InvalidRun[];
    };

export type FailureCode = 'unusable-input' | 'schema-mismatch';

export interface ConvertFailure {
  code: FailureCode;
  /** In words for the user, without the file name (callers prefix it). */
  reason: string;
}

export type PageResult =
  | {
      page: number | null;
      document: NewsDocument;
      /** The numbered input lines the core read (the review page shows them; the document holds numbers only). */
      lines: InputLine[];
      failure?: undefined;
    }
  | { page: number | null; document?: undefined; lines?: undefined; failure: ConvertFailure };

type LoadedProfile = import('../profile/types.js').Profile;

/** A profile as last loaded: a file's by the text it had (null for a built-in). */
interface CachedProfile {
  text: string | null;
  profile: Promise<LoadedProfile>;
}
const profiles = new Map<string, CachedProfile>();

/**
 * The --profile, loaded once per thread for as long as it stays the same, and
 * only imported when a run has one; throws ProfileError
 * (src/profile/load-profile.ts) for a bad one. A profile file is read again on
 * every call on the main thread and loaded anew when its text changed: a
 * long-lived library process (or a batch of many runs) must not keep parsing
 * with a profile its file no longer says. The text, not its mtime and size: an
 * edit of the same length within one clock tick of the file system keeps both.
 */
export async function loadProfileOnce(nameOrPath: string, cwd: string): Promise<LoadedProfile> {
  // node:worker_threads is imported here, not at the top: a run without --profile never needs it (~2 ms of start-up).
  const [{ isProfileFile, loadProfile, profileFromText, readProfileText }, { isMainThread }] = await Promise.all([import('../profile/load-profile.js'), import('node:worker_threads')]);
  const key = `${cwd}\0${nameOrPath}`;
  const cached = profiles.get(key);
  // A batch's workers load the file the main thread has just checked (command-batch.ts loads it before
  // any worker starts), once: they skip the seconds the backtracking check may take, which a text they
  // read later, edited meanwhile, would not have passed.
  if (cached && (cached.text === null || !isMainThread)) return cached.profile;
  const text = isProfileFile(nameOrPath) ? await readProfileText(nameOrPath, cwd) : null;
  if (cached && cached.text === text) return cached.profile;
  const profile = text === null ? loadProfile(nameOrPath, cwd) : profileFromText(text, nameOrPath, { backtrackingChecked: !isMainThread });
  const entry = { text, profile };
  profiles.set(key, entry);
  profile.catch(() => {
    if (profiles.get(key) === entry) profiles.delete(key);
  });
  return profile;
}

/**
 * The issue identity of a parse (and what tool.options.issue records): --paper,
 * --date, --edition over the profile's paper and edition; null when none is known.
 */
export function mergedIssue(given: ConvertSettings['issue'], profile: { paper?: string; edition?: string } | null): ConvertSettings['issue'] {
  const issue = { ...(profile?.paper ? { paper: profile.paper } : {}), ...(profile?.edition ? { edition: profile.edition } : {}), ...(given ?? {}) };
  return Object.keys(issue).length > 0 ? issue : null;
}

function issueOptions(settings: ConvertSettings, profile: LoadedProfile | null): { issue?: NonNullable<ConvertSettings['issue']> } {
  const issue = mergedIssue(settings.issue, profile);
  return issue ? { issue } : {};
}

const unusable = (page: number | null, reason: string): PageResult => ({ page, failure: { code: 'unusable-input', reason } });

/** The steps after the reader: profile name, --convert, schema check. */
async function finish({ document: doc, lines }: PageRead, page: number | null, settings: ConvertSettings, profile: LoadedProfile | null): Promise<PageResult> {
  if (profile) doc = { ...doc, tool: { ...doc.tool, options: { ...(doc.tool.options ?? {}), profile: profile.name, profileSha256: profile.sha256 } } };
  if (settings.convert) {
    // Loaded only when asked: a run without --convert never imports opencc-js.
    const { convertDocument } = await import('../io/convert-script.js');
    doc = await convertDocument(doc, settings.convert);
  }
  const problems = newsDocumentProblems(doc);
  if (problems.length > 0) {
    const first = problems[0]!;
    const reason = `internal error: output does not match the schema (${first.path} ${first.message}); please report this`;
    return { page, failure: { code: 'schema-mismatch', reason } };
  }
  return { page, document: doc, lines };
}

function isOnePage(out: ReaderOutput): out is PageRead | PendingRead {
  return !(Symbol.asyncIterator in out);
}

/**
 * The reader's output for the source `take` hands over: a decoded page
 * (parsed, or pending its parse) or the pages of a multi-page file. Only this
 * function's frame holds the source, and only until the reader has decoded it.
 */
async function readSource(take: () => PageSource, ctx: ReadContext, settings: ConvertSettings, readers: readonly ReaderRow[]): Promise<ReaderOutput> {
  const source = take();
  if ('text' in source) {
    const { lines, source: read } = readStringLines(source.text, ctx.parse);
    const invalid = invalidBytesRecord(source);
    return { run: () => ({ document: parseTextLines({ lines, source: read, ...invalid }, ctx.parse), lines }) };
  }
  const format = settings.inputFormat === 'auto' ? formatOf(source.bytes, source.path, readers) : settings.inputFormat;
  const read = await readerRow(format, readers).load();
  return read(source.bytes, ctx);
}

/**
 * Every page of `source` converted with `settings`, one at a time (see the
 * module comment); `readers` is for tests. The source reaches the pages'
 * generator through a holder emptied when it is read, so no frame of the road
 * keeps a file's bytes (or a record's text) through the parse: a generator
 * keeps its arguments for as long as it runs, and a 50 MB page's bytes were
 * 50 MB more at the parse's peak. The caller's own reference is its affair
 * (the CLI keeps none).
 */
export function convertFile(source: PageSource, settings: ConvertSettings, readers: readonly ReaderRow[] = READERS): AsyncGenerator<PageResult> {
  let held: PageSource | null = source;
  const take = (): PageSource => {
    const taken = held!;
    held = null;
    return taken;
  };
  return pagesOf(take, source.path, settings, readers);
}

async function* pagesOf(take: () => PageSource, path: string | null, settings: ConvertSettings, readers: readonly ReaderRow[]): AsyncGenerator<PageResult> {
  const profile = settings.profile ? await loadProfileOnce(settings.profile, settings.cwd) : null;
  const ctx: ReadContext = {
    parse: { path, keepSpacing: settings.keepSpacing, ...(profile ? { markers: profile.markers } : {}), ...issueOptions(settings, profile) },
    settings,
  };
  let pages: AsyncIterable<ReadPage>;
  try {
    const out = await readSource(take, ctx, settings, readers);
    if (isOnePage(out)) {
      // A pending read runs the core here, the bytes let go of (PendingRead, src/convert/readers.ts).
      yield await finish('run' in out ? out.run() : out, null, settings, profile);
      return;
    }
    pages = out;
  } catch (err) {
    if (!(err instanceof UnusableInputError)) throw err;
    yield unusable(null, err.reason);
    return;
  }
  try {
    for await (const p of pages) {
      yield 'failure' in p ? unusable(p.page, p.failure) : await finish(p, p.page, settings, profile);
    }
  } catch (err) {
    // A multi-page file that breaks half-way (truncated) keeps the pages read so far.
    if (!(err instanceof UnusableInputError)) throw err;
    yield unusable(null, err.reason);
  }
}

/** The one document of a one-page input (or its failure); several pages are a failure here. */
export async function convertPage(source: PageSource, settings: ConvertSettings, readers: readonly ReaderRow[] = READERS): Promise<PageResult> {
  let first: PageResult | null = null;
  for await (const result of convertFile(source, settings, readers)) {
    if (first) return unusable(null, 'holds several pages; give one page (a one-page file)');
    first = result;
  }
  return first ?? unusable(null, 'holds no pages');
}
