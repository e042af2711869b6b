/**
 * Turns the command-line inputs of a batch (files, directories, globs) into a
 * stream of pages, without listing everything first: directories are walked
 * depth-first and only one directory listing per level is held at a time.
 *
 * Order is deterministic: arguments in the order given, and within a directory
 * or glob the pages sorted by relative path (code-unit order, so `a.txt`
 * comes before `a/b.txt`, as a plain sort of the paths would put them).
 *
 * Each page carries `rel`, its path relative to the directory argument (or the
 * glob's fixed prefix; a lone file's basename), which the batch mirrors under
 * `--out-dir` as `OUT/<rel>.json`.
 */
import { opendir, stat } from 'node:fs/promises';
import type { Dirent } from 'node:fs';
import { basename, join, sep } from 'node:path';
import { fsReason } from '../io/read-input.js';

/**
 * Whether a directory walk takes this file name: `.txt`, `.xml`, `.hocr`, and
 * `.html`/`.htm` only as hOCR (`x.hocr.html`). Files named on the command line
 * are taken whatever their extension.
 */
export function isPageFile(name: string): boolean {
  const lower = name.toLowerCase();
  if (lower.endsWith('.txt') || lower.endsWith('.xml') || lower.endsWith('.hocr')) return true;
  return lower.endsWith('.hocr.html') || lower.endsWith('.hocr.htm');
}

export interface PageInput {
  /** Path to open, as the user would write it (argument joined with the relative path). */
  path: string;
  /** Path relative to the argument's root, with `/` separators. */
  rel: string;
  /** Which argument it came from (index into the argument list). */
  arg: number;
}

/** An argument that names nothing; reported like an unreadable page. */
export interface MissingInput {
  path: string;
  rel: string;
  arg: number;
  missing: string;
}

const GLOB_CHARS = /[*?]/;

/** True when the argument is a pattern the shell left unexpanded. */
export function looksLikeGlob(arg: string): boolean {
  return GLOB_CHARS.test(arg);
}

/** Compiles `*`, `**` and `?` (the only wildcards supported) to a regex over `/`-separated relative paths. */
export function globToRegExp(pattern: string): RegExp {
  let re = '';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i]!;
    if (ch === '*') {
      if (pattern[i + 1] === '*') {
        // `**/` matches zero or more whole directories; a trailing `**` anything.
        if (pattern[i + 2] === '/') {
          re += '(?:[^/]*/)*';
          i += 2;
        } else {
          re += '.*';
          i += 1;
        }
      } else {
        re += '[^/]*';
      }
    } else if (ch === '?') {
      re += '[^/]';
    } else {
      re += ch.replace(/[.+^${}()|[\]\\]/g, '\\$&');
    }
  }
  return new RegExp(`^${re}$`);
}

/** Splits a glob into its fixed directory prefix and the pattern below it. */
export function splitGlob(arg: string): { base: string; pattern: string } {
  const parts = arg.split(/[\\/]/);
  const fixed: string[] = [];
  while (parts.length > 1 && !GLOB_CHARS.test(parts[0]!)) fixed.push(parts.shift()!);
  let base = fixed.join('/');
  if (base === '' && fixed.length > 0) base = '/'; // absolute pattern: /x/*.txt
  return { base: base === '' ? '.' : base, pattern: parts.join('/') };
}

function toPosix(p: string): string {
  return sep === '/' ? p : p.split(sep).join('/');
}

/** Sort key that makes a per-directory sort equal a sort of the full paths. */
function sortKey(name: string, isDir: boolean): string {
  return isDir ? `${name}/` : name;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

interface Entry {
  name: string;
  dir: boolean;
  /** A symlink whose target is missing: yielded as a page so the batch reports it. */
  dangling: boolean;
}

async function listDir(dir: string): Promise<Entry[]> {
  const entries: Entry[] = [];
  const handle = await opendir(dir);
  for await (const d of handle as AsyncIterable<Dirent>) {
    if (d.isDirectory()) entries.push({ name: d.name, dir: true, dangling: false });
    else if (d.isSymbolicLink()) {
      try {
        const s = await stat(join(dir, d.name));
        entries.push({ name: d.name, dir: s.isDirectory(), dangling: false });
      } catch {
        entries.push({ name: d.name, dir: false, dangling: true });
      }
    } else if (d.isFile()) entries.push({ name: d.name, dir: false, dangling: false });
    // sockets, FIFOs and devices are not pages
  }
  entries.sort((a, b) => compare(sortKey(a.name, a.dir), sortKey(b.name, b.dir)));
  return entries;
}

/**
 * Walks `root` depth-first in sorted order, yielding relative paths of files
 * that `accept` takes. Symlinked directories are followed once (loops are cut
 * by device:inode). `onError` hears about directories that cannot be listed.
 */
export async function* walk(
  root: string,
  accept: (rel: string, name: string) => boolean,
  onError: (path: string, err: unknown) => void,
): AsyncGenerator<string> {
  const seen = new Set<string>();
  async function* visit(dir: string, relDir: string): AsyncGenerator<string> {
    let id: string;
    try {
      const s = await stat(dir);
      id = `${s.dev}:${s.ino}`;
    } catch (err) {
      onError(dir, err);
      return;
    }
    if (seen.has(id)) return;
    seen.add(id);
    let entries: Entry[];
    try {
      entries = await listDir(dir);
    } catch (err) {
      onError(dir, err);
      return;
    }
    for (const e of entries) {
      const rel = relDir === '' ? e.name : `${relDir}/${e.name}`;
      if (e.dir) yield* visit(join(dir, e.name), rel);
      else if (accept(rel, e.name)) yield rel;
    }
    entries.length = 0;
  }
  yield* visit(root, '');
}

function joinArg(root: string, rel: string): string {
  if (root === '.' || root === './') return rel;
  return root.endsWith('/') || root.endsWith(sep) ? root + rel : `${root}/${rel}`;
}

/**
 * Streams the pages named by `args`, in order. An argument that does not exist
 * (and is not a glob) comes out as a MissingInput so that the batch can report
 * it and go on; `onError` hears about directories that cannot be listed.
 */
export async function* collectInputs(
  args: readonly string[],
  onError: (path: string, err: unknown) => void = () => {},
): AsyncGenerator<PageInput | MissingInput> {
  for (let arg = 0; arg < args.length; arg++) {
    const given = args[arg]!;
    let info: Awaited<ReturnType<typeof stat>> | null = null;
    try {
      info = await stat(given);
    } catch (err) {
      if (looksLikeGlob(given)) {
        yield* expandGlob(given, arg, onError);
        continue;
      }
      yield { path: given, rel: basename(given), arg, missing: fsReason(err) };
      continue;
    }
    if (info.isDirectory()) {
      for await (const rel of walk(given, (_rel, name) => isPageFile(name), onError)) {
        yield { path: joinArg(given, rel), rel, arg };
      }
    } else {
      yield { path: given, rel: basename(toPosix(given)), arg };
    }
  }
}

async function* expandGlob(
  given: string,
  arg: number,
  onError: (path: string, err: unknown) => void,
): AsyncGenerator<PageInput> {
  const { base, pattern } = splitGlob(given);
  const re = globToRegExp(pattern);
  // A file matches when the pattern matches its path, or (for page files) when
  // the pattern matches one of its directories: `archive/*` takes every page under archive/.
  const accept = (rel: string, name: string): boolean => {
    if (re.test(rel)) return true;
    if (!isPageFile(name)) return false;
    for (let i = rel.indexOf('/'); i !== -1; i = rel.indexOf('/', i + 1)) {
      if (re.test(rel.slice(0, i))) return true;
    }
    return false;
  };
  let info;
  try {
    info = await stat(base);
  } catch (err) {
    onError(base, err);
    return;
  }
  if (!info.isDirectory()) return;
  for await (const rel of walk(base, accept, onError)) yield { path: joinArg(base, rel), rel, arg };
}
