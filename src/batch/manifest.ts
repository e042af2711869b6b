/**
 * OUT/manifest.json: what a `--out-dir` batch did, page by page. Written
 * atomically at the end and every so often during the run, so that a killed
 * run keeps most of it. A re-run reads it to skip pages whose output is up to
 * date; when it is missing or was written by another version or with other
 * options, the re-run falls back to the outputs' own `source.sha256` and
 * `tool` fields (see task.ts).
 *
 *   {
 *     "manifestVersion": 1,
 *     "tool": { "name": "news-parse", "version": "0.1.0" },
 *     "options": { "encoding": null, "keepSpacing": false, "profile": null, "profileSha256": null, "convert": null, "inputFormat": "auto" },
 *     "complete": true,               // false while running or after a kill
 *     "startedAt": "…", "updatedAt": "…",
 *     "summary": { "pages", "converted", "skipped", "failed", "articles", "warnings", "seconds" },
 *     "failures": [ { "path", "reason" } ],
 *     "files": [ { "path", "sha256", "output", "articles", "warnings", "status", "reason"? } ]
 *   }
 *
 * `output` is relative to OUT, with `/` separators; `files` is in input order.
 */
import { open, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { VERSION } from '../version.js';
import { BUILD_ID } from '../build-id.js';
import type { OutputOptions, PreviousEntry } from './task.js';
import { writeAtomic } from './write-atomic.js';

export const MANIFEST_NAME = 'manifest.json';

export type EntryStatus = 'converted' | 'skipped' | 'failed';

export interface ManifestEntry {
  path: string;
  sha256: string | null;
  output: string;
  articles: number;
  warnings: number;
  status: EntryStatus;
  reason?: string;
}

export interface BatchSummary {
  pages: number;
  converted: number;
  skipped: number;
  failed: number;
  articles: number;
  warnings: number;
  seconds: number;
}

/** An issue written by `--issue --out-dir` (its pages are the `files`). */
export interface IssueEntry {
  id: string | null;
  date: string | null;
  output: string;
  pages: number;
  articles: number;
  links: number;
  warnings: number;
}

export interface Manifest {
  manifestVersion: 1;
  /** `build`: src/build-id.ts — the same version built from other code is another tool. */
  tool: { name: 'news-parse'; version: string; build?: string };
  options: OutputOptions;
  complete: boolean;
  startedAt: string;
  updatedAt: string;
  summary: BatchSummary;
  failures: { path: string; reason: string }[];
  issues?: IssueEntry[];
  /** Files a walk or glob found that are not pages, and why: not converted, not counted among `pages`. */
  leftOut?: { path: string; reason: string }[];
  files: ManifestEntry[];
}

/**
 * The options as compared between runs, defaults filled in. Typed with every
 * key of OutputOptions, so an output-affecting option added there cannot be
 * left out of the comparison (the compiler asks for it here).
 */
function comparable(o: Partial<OutputOptions>): { [K in keyof Required<OutputOptions>]: unknown } {
  return {
    encoding: o.encoding ?? null,
    keepSpacing: Boolean(o.keepSpacing),
    profile: o.profile ?? null,
    profileSha256: o.profileSha256 ?? null,
    convert: o.convert ?? null,
    inputFormat: o.inputFormat ?? 'auto',
    issue: o.issue ?? null,
    pages: o.pages ?? null,
  };
}

function sameOptions(a: unknown, b: OutputOptions): boolean {
  if (!a || typeof a !== 'object') return false;
  return JSON.stringify(comparable(a as Partial<OutputOptions>)) === JSON.stringify(comparable(b));
}

/**
 * What an existing manifest says: its usable entries, by output path (none
 * when there is no manifest, it does not parse, or it was made by another
 * version or build or with other output options), and whether another build
 * of this version wrote it.
 */
export interface PreviousRun {
  /** The usable entries, by output path. */
  entries: Map<string, PreviousEntry>;
  /**
   * OUT was written by this version built from other code (src/build-id.ts).
   * Its outputs name the same version, so their own record cannot tell: every
   * page is converted again, as with --force.
   */
  otherBuild: boolean;
}

export async function loadPrevious(outDir: string, options: OutputOptions): Promise<PreviousRun> {
  const entries = new Map<string, PreviousEntry>();
  let data: Partial<Manifest>;
  try {
    data = JSON.parse(await readFile(join(outDir, MANIFEST_NAME), 'utf8')) as Partial<Manifest>;
  } catch {
    return { entries, otherBuild: false };
  }
  if (data?.manifestVersion !== 1 || data.tool?.version !== VERSION) return { entries, otherBuild: false };
  if (data.tool.build !== BUILD_ID) return { entries, otherBuild: true };
  if (!sameOptions(data.options, options) || !Array.isArray(data.files)) return { entries, otherBuild: false };
  for (const e of data.files) {
    if (!e || typeof e.output !== 'string' || typeof e.sha256 !== 'string' || e.status === 'failed') continue;
    entries.set(e.output, { sha256: e.sha256, articles: Number(e.articles) || 0, warnings: Number(e.warnings) || 0 });
  }
  return { entries, otherBuild: false };
}

/**
 * Whether the last run that wrote OUT's manifest finished (`"complete": true`).
 * Read from the head only: `complete` comes before `failures` and `files`,
 * which may run to millions of lines.
 */
export async function previousRunFinished(outDir: string): Promise<boolean> {
  let handle;
  try {
    handle = await open(join(outDir, MANIFEST_NAME), 'r');
  } catch {
    return false;
  }
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(4096), 0, 4096, 0);
    return /^ {2}"complete": true,$/mu.test(buffer.toString('utf8', 0, bytesRead));
  } finally {
    await handle.close();
  }
}

/** Collects entries in input order and writes the manifest now and then. */
export class ManifestWriter {
  /**
   * Each entry's manifest line by input position, made once when it is added:
   * a flush then only joins them instead of re-serializing every entry, and a
   * line takes no more memory than the entry object did.
   */
  private readonly lines: (string | undefined)[] = [];
  /** Failed pages by input position (with an output directory)… */
  private readonly failedAt: ({ path: string; reason: string } | undefined)[] = [];
  /** …or in completion order (without one). */
  private readonly failed: { path: string; reason: string }[] = [];
  private readonly startedAt = new Date();
  private readonly issues: IssueEntry[] = [];
  private readonly leftOut: { path: string; reason: string }[] = [];
  private sinceFlush = 0;
  private lastFlush = Date.now();
  readonly summary: BatchSummary = { pages: 0, converted: 0, skipped: 0, failed: 0, articles: 0, warnings: 0, seconds: 0 };

  constructor(
    private readonly outDir: string | null,
    private readonly options: OutputOptions,
    /** Write during the run after this many new entries… */
    private readonly every = 200,
    /** …but not more often than this (rewriting a huge manifest costs). */
    private readonly minIntervalMs = 1000,
  ) {}

  /** Records the page with input position `seq`. */
  add(seq: number, entry: ManifestEntry): void {
    // Without an output directory only the failures are kept (memory stays flat on a long --jsonl run).
    if (this.outDir) {
      this.lines[seq] = entryLine(entry);
      if (entry.status === 'failed') this.failedAt[seq] = { path: entry.path, reason: entry.reason ?? '' };
    } else if (entry.status === 'failed') this.failed.push({ path: entry.path, reason: entry.reason ?? '' });
    const s = this.summary;
    s.pages++;
    s[entry.status]++;
    s.articles += entry.articles;
    s.warnings += entry.warnings;
    this.sinceFlush++;
  }

  /** Records an issue document written beside the pages. */
  addIssue(entry: IssueEntry): void {
    this.issues.push(entry);
  }

  /** Records a file the walk or glob found and left out as not a page (METS, JSON, binary, a read-me), with why. */
  addLeftOut(path: string, reason: string): void {
    this.leftOut.push({ path, reason });
  }

  /**
   * Writes the manifest when enough has happened since the last write. A
   * failed write (a full disk) is handed back, not thrown: these writes only
   * save what a killed run would otherwise lose, the run goes on, and the
   * write at the end is the one that must succeed.
   */
  async maybeFlush(): Promise<unknown> {
    if (this.sinceFlush < this.every || Date.now() - this.lastFlush < this.minIntervalMs) return null;
    try {
      await this.flush(false);
      return null;
    } catch (err) {
      return err;
    }
  }

  /**
   * The write at the end of the run. When it fails (a full disk), the
   * previous run's manifest is removed — it no longer describes OUT, and a
   * re-run without one checks each output's own hash and options instead —
   * and the write is tried once more in the space that frees. Returns the
   * failure, or null when the manifest was written.
   */
  async finish(complete: boolean): Promise<{ error: unknown; removedPrevious: boolean } | null> {
    try {
      await this.flush(complete);
      return null;
    } catch (first) {
      if (!this.outDir) throw first;
      let removedPrevious = false;
      try {
        await rm(join(this.outDir, MANIFEST_NAME));
        removedPrevious = true;
        await this.flush(complete);
        return null;
      } catch (err) {
        return { error: removedPrevious ? err : first, removedPrevious };
      }
    }
  }

  async flush(complete: boolean): Promise<void> {
    this.sinceFlush = 0;
    this.lastFlush = Date.now();
    if (!this.outDir) return;
    await writeAtomic(join(this.outDir, MANIFEST_NAME), this.serialize(complete));
  }

  /** The manifest text; the same as serializeManifest(this.build(complete)), without re-serializing every entry. */
  serialize(complete: boolean): string {
    return manifestText(this.head(complete), this.lines.filter((l): l is string => l !== undefined));
  }

  failures(): { path: string; reason: string }[] {
    const out = [...this.failed];
    for (const f of this.failedAt) if (f) out.push({ ...f });
    return out;
  }

  build(complete: boolean): Manifest {
    const files: ManifestEntry[] = [];
    for (const l of this.lines) if (l !== undefined) files.push(JSON.parse(l) as ManifestEntry);
    return { ...this.head(complete), files };
  }

  private head(complete: boolean): Omit<Manifest, 'files'> {
    this.summary.seconds = Math.round((Date.now() - this.startedAt.getTime()) / 10) / 100;
    return {
      manifestVersion: 1,
      tool: { name: 'news-parse', version: VERSION, build: BUILD_ID },
      options: this.options,
      complete,
      startedAt: this.startedAt.toISOString(),
      updatedAt: new Date().toISOString(),
      summary: { ...this.summary },
      failures: this.failures(),
      ...(this.issues.length > 0 ? { issues: this.issues } : {}),
      ...(this.leftOut.length > 0 ? { leftOut: this.leftOut } : {}),
    };
  }
}

/** Pretty JSON, except that each file entry takes one line (a manifest may list a million pages). */
export function serializeManifest(m: Manifest): string {
  const { files, ...head } = m;
  return manifestText(head, files.map(entryLine));
}

function entryLine(entry: ManifestEntry): string {
  return `    ${JSON.stringify(entry)}`;
}

function manifestText(head: Omit<Manifest, 'files'>, lines: string[]): string {
  const top = JSON.stringify(head, null, 2);
  const list = lines.length === 0 ? '[]' : `[\n${lines.join(',\n')}\n  ]`;
  return `${top.slice(0, -2)},\n  "files": ${list}\n}\n`;
}
