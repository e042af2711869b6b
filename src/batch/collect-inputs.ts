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
import { stat } from 'node:fs/promises';
import { basename, sep } from 'node:path';
import { isPageFile } from '../convert/readers.js';
import { findPages, walk } from '../convert/find-pages.js';
import { fsReason } from '../io/fs-reason.js';
import { openError } from '../io/read-regular.js';
import { GLOB_CHARS, looksLikeGlob } from './route.js';

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
      yield { path: given, rel: basename(given), arg, missing: fsReason(openError(err, given)) };
      continue;
    }
    if (info.isDirectory()) {
      for await (const rel of findPages(given, onError)) {
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
