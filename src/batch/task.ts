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
import { convertFile, type PageResult, type PageSource } from '../convert/convert-page.js';
import type { ConvertSettings } from '../convert/settings.js';
import type { InvalidRun } from '../core/decode.js';
import type { NewsDocument } from '../core/model.js';
import { fsReason } from '../io/fs-reason.js';
import { readRegularFileSync } from '../io/read-regular.js';
import { BUILD_ID } from '../build-id.js';
import { VERSION } from '../version.js';
import { writeAtomicSync } from './write-atomic.js';
import { documentJson } from '../report/json-pieces.js';

/** The options that change the output documents; recorded in the manifest and compared on re-runs. */
export interface OutputOptions {
  encoding: string | null;
  keepSpacing: boolean;
  /** Name of the --profile in use (its `name`, whether given by name or as a file). */
  profile: string | null;
  /**
   * The effective profile's fingerprint (src/profile/profile-hash.ts), null
   * without a profile: a file edited under the same name changes it.
   */
  profileSha256?: string | null;
  /** --convert mode, null for none. */
  convert: 't2s' | 's2t' | 's2tw' | 's2hk' | null;
  /** --input-format. */
  inputFormat: 'auto' | 'text' | 'alto' | 'hocr' | 'pdf';
  /** --paper, --date, --edition and the profile's paper/edition, as tool.options.issue records them; null for none. */
  issue?: { paper?: string; date?: string; edition?: string } | null;
  /** --pages (PDF), null for all. */
  pages?: string | null;
}

/** What every worker is started with. */
export interface WorkerSettings {
  /** How to convert a page (the road's settings, shared with parse and eval). */
  convert: ConvertSettings;
  /** The output-affecting part, as the manifest records it. */
  options: OutputOptions;
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
      /** Path to read (as reported: U+FFFD where its name's bytes are not UTF-8). */
      path: string;
      /** The path's exact bytes, when they are not UTF-8 (a `--stdin-jsonl` path record): opened by these. */
      pathBytes?: Uint8Array;
      /** Output file to write atomically; null to return the JSON instead. */
      out: string | null;
      /** Redo even when the output is up to date. */
      force: boolean;
      prev: PreviousEntry | null;
    }
  | {
      kind: 'text';
      seq: number;
      text: string;
      /** Runs of invalid bytes the record's line held, each a U+FFFD in `text` (src/batch/stdin-jsonl.ts). */
      invalid?: InvalidRun[];
    };

export type TaskResult =
  /** `otherBuild`: an output of this input and options was there, written by another build of this version (redone). */
  | { seq: number; status: 'converted'; sha256: string; articles: number; warnings: number; json?: string; otherBuild?: true }
  | { seq: number; status: 'skipped'; sha256: string; articles: number; warnings: number }
  | { seq: number; status: 'failed'; reason: string; internal: boolean; sha256?: string };

function sha256(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}

function failed(seq: number, reason: string, internal = false, hash?: string): TaskResult {
  return hash ? { seq, status: 'failed', reason, internal, sha256: hash } : { seq, status: 'failed', reason, internal };
}

/**
 * What an existing output is to this run: `current` when this build made it
 * from these bytes with these options; `other-build` when all that holds but
 * another build of this version made it (or one from before outputs named
 * their build) — the code changed under the same version number, so it is
 * redone, and the run says why; `stale` otherwise.
 */
export function outputStatus(doc: unknown, hash: string, options: OutputOptions): 'current' | 'other-build' | 'stale' {
  if (!sameMaking(doc, hash, options)) return 'stale';
  return (doc as NewsDocument).tool.build === BUILD_ID ? 'current' : 'other-build';
}

/** True when `doc` was made from these bytes by this version with these options (by whichever build). */
function sameMaking(doc: unknown, hash: string, options: OutputOptions): doc is NewsDocument {
  const d = doc as Partial<NewsDocument> | null;
  if (!d || typeof d !== 'object' || !d.source || !d.tool || !Array.isArray(d.articles)) return false;
  if (d.source.sha256 !== hash || d.tool.version !== VERSION) return false;
  if (Boolean(d.tool.options?.['keepSpacing']) !== options.keepSpacing) return false;
  if ((d.tool.options?.['profile'] ?? null) !== options.profile) return false;
  if ((d.tool.options?.['profileSha256'] ?? null) !== (options.profileSha256 ?? null)) return false;
  if ((d.conversion?.mode ?? null) !== options.convert) return false;
  if (JSON.stringify(d.tool.options?.['issue'] ?? null) !== JSON.stringify(options.issue ?? null)) return false;
  if (options.inputFormat !== 'auto' && d.source.format !== options.inputFormat) return false;
  if (options.encoding) return d.source.encodingDetected === false && d.source.encoding === options.encoding.toLowerCase();
  return d.source.encodingDetected !== false;
}

/** The output at `out` when this build made it from these bytes and options; 'other-build' when only the build differs. */
async function existingOutput(out: string, hash: string, options: OutputOptions): Promise<NewsDocument | 'other-build' | null> {
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
    const status = outputStatus(doc, hash, options);
    return status === 'current' ? (doc as NewsDocument) : status === 'other-build' ? status : null;
  } catch {
    return null;
  }
}

/** Runs one task; never throws (every failure becomes a `failed` result). */
export async function runTask(task: Task, settings: WorkerSettings): Promise<TaskResult> {
  const { seq } = task;
  const { options } = settings;
  let bytes: Uint8Array | null = null;
  // Hashed up front only when an earlier output may make the parse unnecessary; otherwise the
  // document's own source.sha256 is the same hash, and computing it twice cost ~2% of a batch.
  let hash: string | null = null;
  let otherBuild = false;
  if (task.kind === 'file') {
    try {
      bytes = readRegularFileSync(task.pathBytes ? Buffer.from(task.pathBytes) : task.path);
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
      if (doc === 'other-build') otherBuild = true;
      else if (doc) return { seq, status: 'skipped', sha256: hash, articles: doc.articles.length, warnings: doc.warnings.length };
    }
  }
  const source: PageSource = task.kind === 'file' ? { path: task.path, bytes: bytes! } : { path: null, text: task.text, ...(task.invalid ? { invalid: task.invalid } : {}) };
  const outcome = await convertTask(task, source, settings);
  if ('reason' in outcome) {
    hash ??= sha256(task.kind === 'file' ? bytes! : task.text);
    return failed(seq, outcome.reason, outcome.internal, hash);
  }
  hash ??= outcome.sha256;
  const counts = { articles: outcome.articles, warnings: outcome.warnings, ...(otherBuild ? { otherBuild: true as const } : {}) };
  return outcome.json !== undefined ? { seq, status: 'converted', sha256: hash, ...counts, json: outcome.json } : { seq, status: 'converted', sha256: hash, ...counts };
}

/** Where page `page` of a multi-page input goes: `OUT/issue.pdf.json` → `OUT/issue.pdf/p003.json`. */
export function pageOutput(out: string, page: number): string {
  return `${out.replace(/\.json$/u, '')}/p${String(page).padStart(3, '0')}.json`;
}

type Converted = { sha256: string; articles: number; warnings: number; json?: string };
type Failed = { reason: string; internal: boolean };

/**
 * Converts the task's input on the road and writes (or collects, for --jsonl)
 * each page's document as it comes, so a multi-page input holds one page at a
 * time with --out-dir. The first failed page fails the task.
 */
async function convertTask(task: Task, source: PageSource, settings: WorkerSettings): Promise<Converted | Failed> {
  const out = task.kind === 'file' ? task.out : null;
  const lines: string[] = [];
  let done = null as Converted | null;
  try {
    for await (const result of convertFile(source, settings.convert)) {
      if (!result.document) return failureOf(result);
      const doc = result.document;
      done = { sha256: doc.source.sha256, articles: (done?.articles ?? 0) + doc.articles.length, warnings: (done?.warnings ?? 0) + doc.warnings.length };
      if (out) {
        const file = result.page === null ? out : pageOutput(out, result.page);
        try {
          // Compact: an archive's outputs are read by programs (jq pretty-prints), and indenting made
          // them half as large again — bytes this VM's page cache charged for in system time. A large
          // page's JSON goes in pieces (documentJson), never as one string: a 50 MB page's is 155 MB as a
          // string, and the joined line and its bytes as much again.
          writeAtomicSync(file, documentJson(doc));
        } catch (err) {
          return { reason: `cannot write ${file}: ${fsReason(err)}`, internal: false };
        }
      } else {
        lines.push(JSON.stringify(doc));
      }
    }
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    return { reason: `internal error: ${message}; please report this`, internal: true };
  }
  if (!done) return { reason: 'holds no pages', internal: false };
  return out ? done : { ...done, json: lines.join('\n') };
}

function failureOf(result: PageResult): Failed {
  const where = result.page !== null ? `page ${result.page}: ` : '';
  return { reason: where + result.failure!.reason, internal: result.failure!.code === 'schema-mismatch' };
}
