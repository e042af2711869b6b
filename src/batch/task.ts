/**
 * What a batch worker does with one page: read, hash, decide whether the
 * existing output is up to date, parse, check against the schema, and write
 * the output (or hand back the JSON for `--jsonl`). Runs inside a worker
 * thread (src/batch/worker.ts); kept apart so that it has no thread plumbing.
 * File access is blocking on purpose: it holds up only this worker, and is
 * cheaper than the thread-pool round trips of fs/promises.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { parse, UnusableInputError } from '../index.js';
import type { NewsDocument } from '../core/model.js';
import { newsDocumentProblems } from '../schema/validate.js';
import { fsReason } from '../io/read-input.js';
import { readDocument } from '../io/convert-file.js';
import { VERSION } from '../version.js';
import { writeAtomicSync } from './write-atomic.js';

/** The options that change the output documents; recorded in the manifest and compared on re-runs. */
export interface OutputOptions {
  encoding: string | null;
  keepSpacing: boolean;
  /** Name of the --profile in use (its `name`, whether given by name or as a file). */
  profile: string | null;
  /** --convert mode, null for none. */
  convert: 't2s' | 's2t' | 's2tw' | 's2hk' | null;
  /** --input-format. */
  inputFormat: 'auto' | 'text' | 'alto' | 'hocr';
}

/** What every worker is started with. */
export interface WorkerSettings {
  options: OutputOptions;
  /** --profile as given (a name or a file, resolved against `cwd`). */
  profileArg: string | null;
  cwd: string;
  /** --max-xml-mb (refuses input; does not change an output that was made). */
  maxXmlMb: number | null;
}

/** What a previous run recorded for this page (from OUT/manifest.json). */
export interface PreviousEntry {
  sha256: string;
  articles: number;
  warnings: number;
}

export type Task =
  | {
      kind: 'file';
      seq: number;
      /** Path to read. */
      path: string;
      /** Output file to write atomically; null to return the JSON instead. */
      out: string | null;
      /** Redo even when the output is up to date. */
      force: boolean;
      prev: PreviousEntry | null;
    }
  | { kind: 'text'; seq: number; text: string };

export type TaskResult =
  | { seq: number; status: 'converted'; sha256: string; articles: number; warnings: number; json?: string }
  | { seq: number; status: 'skipped'; sha256: string; articles: number; warnings: number }
  | { seq: number; status: 'failed'; reason: string; internal: boolean; sha256?: string };

function sha256(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}

function failed(seq: number, reason: string, internal = false, hash?: string): TaskResult {
  return hash ? { seq, status: 'failed', reason, internal, sha256: hash } : { seq, status: 'failed', reason, internal };
}

/** True when `doc` (an existing output) was made from these bytes by this version with these options. */
export function upToDate(doc: unknown, hash: string, options: OutputOptions): doc is NewsDocument {
  const d = doc as Partial<NewsDocument> | null;
  if (!d || typeof d !== 'object' || !d.source || !d.tool || !Array.isArray(d.articles)) return false;
  if (d.source.sha256 !== hash || d.tool.version !== VERSION) return false;
  if (Boolean(d.tool.options?.['keepSpacing']) !== options.keepSpacing) return false;
  if ((d.tool.options?.['profile'] ?? null) !== options.profile) return false;
  if ((d.conversion?.mode ?? null) !== options.convert) return false;
  if (options.inputFormat !== 'auto' && d.source.format !== options.inputFormat) return false;
  if (options.encoding) return d.source.encodingDetected === false && d.source.encoding === options.encoding.toLowerCase();
  return d.source.encodingDetected !== false;
}

async function existingOutput(out: string, hash: string, options: OutputOptions): Promise<NewsDocument | null> {
  // A fresh output directory has none: asking first is cheaper than the exception a failed read throws.
  if (!existsSync(out)) return null;
  let text: string;
  try {
    text = readFileSync(out, 'utf8');
  } catch {
    return null;
  }
  try {
    const doc: unknown = JSON.parse(text);
    return upToDate(doc, hash, options) ? doc : null;
  } catch {
    return null;
  }
}

type LoadedProfile = import('../profile/types.js').Profile;
let profile: Promise<LoadedProfile> | null = null;

/** The --profile, loaded once per worker (the main thread has already checked that it loads). */
function profileOf(settings: WorkerSettings): Promise<LoadedProfile> | null {
  if (!settings.profileArg) return null;
  profile ??= import('../profile/load-profile.js').then(({ loadProfile }) => loadProfile(settings.profileArg!, settings.cwd));
  return profile;
}

/** The same steps as the single-page path (command-parse.ts convertOne): read, profile name, --convert, schema check. */
async function parseChecked(task: Task, bytes: Uint8Array | null, settings: WorkerSettings): Promise<NewsDocument> {
  const { options } = settings;
  const loaded = await profileOf(settings);
  let doc =
    task.kind === 'text'
      ? parse(task.text, { path: null, keepSpacing: options.keepSpacing, ...(loaded ? { markers: loaded.markers } : {}) })
      : await readDocument(task.path, bytes!, {
          ...(options.encoding ? { encoding: options.encoding } : {}),
          keepSpacing: options.keepSpacing,
          inputFormat: options.inputFormat,
          ...(settings.maxXmlMb !== null ? { maxXmlMb: settings.maxXmlMb } : {}),
          ...(loaded ? { markers: loaded.markers } : {}),
        });
  if (loaded) doc = { ...doc, tool: { ...doc.tool, options: { ...(doc.tool.options ?? {}), profile: loaded.name } } };
  if (options.convert) {
    const { convertDocument } = await import('../io/convert-script.js');
    doc = await convertDocument(doc, options.convert);
  }
  const problems = newsDocumentProblems(doc);
  if (problems.length > 0) {
    const first = problems[0]!;
    throw new SchemaMismatch(`internal error: output does not match the schema (${first.path} ${first.message}); please report this`);
  }
  return doc;
}

class SchemaMismatch extends Error {}

/** Runs one task; never throws (every failure becomes a `failed` result). */
export async function runTask(task: Task, settings: WorkerSettings): Promise<TaskResult> {
  const { seq } = task;
  const { options } = settings;
  let bytes: Uint8Array | null = null;
  // Hashed up front only when an earlier output may make the parse unnecessary; otherwise the
  // document's own source.sha256 is the same hash, and computing it twice cost ~2% of a batch.
  let hash: string | null = null;
  if (task.kind === 'file') {
    try {
      bytes = readFileSync(task.path);
    } catch (err) {
      return failed(seq, fsReason(err));
    }
    if (task.out && !task.force && (task.prev || existsSync(task.out))) {
      hash = sha256(bytes);
      if (task.prev && task.prev.sha256 === hash) {
        const exists = statSync(task.out, { throwIfNoEntry: false })?.isFile() ?? false;
        if (exists) return { seq, status: 'skipped', sha256: hash, articles: task.prev.articles, warnings: task.prev.warnings };
      }
      const doc = await existingOutput(task.out, hash, options);
      if (doc) return { seq, status: 'skipped', sha256: hash, articles: doc.articles.length, warnings: doc.warnings.length };
    }
  }
  let doc: NewsDocument;
  try {
    doc = await parseChecked(task, bytes, settings);
  } catch (err) {
    hash ??= sha256(task.kind === 'file' ? bytes! : task.text);
    if (err instanceof UnusableInputError) return failed(seq, err.reason, false, hash);
    if (err instanceof SchemaMismatch) return failed(seq, err.message, true, hash);
    const message = err instanceof Error ? err.message : String(err);
    return failed(seq, `internal error: ${message}; please report this`, true, hash);
  }
  hash ??= doc.source.sha256;
  const counts = { articles: doc.articles.length, warnings: doc.warnings.length };
  if (task.kind === 'file' && task.out) {
    try {
      // Compact: an archive's outputs are read by programs (jq pretty-prints), and indenting made
      // them half as large again — bytes this VM's page cache charged for in system time.
      writeAtomicSync(task.out, JSON.stringify(doc) + '\n');
    } catch (err) {
      return failed(seq, `cannot write ${task.out}: ${fsReason(err)}`, false, hash);
    }
    return { seq, status: 'converted', sha256: hash, ...counts };
  }
  return { seq, status: 'converted', sha256: hash, ...counts, json: JSON.stringify(doc) };
}
