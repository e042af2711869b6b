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
import { findPages } from '../convert/find-pages.js';
import { fsReason } from '../io/fs-reason.js';
import { MAX_XML_PROLOG, notAPage, prologEnd, SNIFF_WINDOW } from '../convert/readers.js';
import { openError, readHead } from '../io/read-regular.js';
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
  onSkip?: (path: string, reason: string) => void,
): AsyncGenerator<PageInput | MissingInput> {
  // Sniffing reads the start of every file found: asked for by the run and by its count of pages (src/batch/file-run.ts).
  const sniff = onSkip !== undefined;
  onSkip ??= () => {};
  for (let arg = 0; arg < args.length; arg++) {
    const given = args[arg]!;
    let info: Awaited<ReturnType<typeof stat>> | null = null;
    try {
      info = await stat(given);
    } catch (err) {
      if (looksLikeGlob(given)) {
        yield* expandGlob(given, arg, onError, onSkip, sniff);
        continue;
      }
      yield { path: given, rel: basename(given), arg, missing: fsReason(openError(err, given)) };
      continue;
    }
    if (info.isDirectory()) {
      for await (const rel of findPages(given, onError)) {
        const path = joinArg(given, rel);
        if (!skipped(path, sniff, onSkip)) yield { path, rel, arg };
      }
    } else {
      yield { path: given, rel: basename(toPosix(given)), arg };
    }
  }
}

/** A glob's pattern for tinyglobby: hidden entries are left out (as the walk does), and node_modules. */
const GLOB_OPTIONS = { onlyFiles: false, expandDirectories: false, dot: false, followSymbolicLinks: true, ignore: ['**/node_modules/**'] } as const;

/**
 * The pages a glob names, expanded by tinyglobby (`*`, `**`, `?`, `[ab]`,
 * `{txt,xml}`, extglobs) below its fixed prefix: a file the pattern matches is
 * taken whatever its name; a directory it matches gives every page under it
 * (`'archive/19*'`). Sorted by relative path, each once. A prefix that does
 * not exist, or a pattern that matches nothing, gives no pages and is said
 * through `onSkip` (was: one failed "page" named after the folder).
 */
async function* expandGlob(
  given: string,
  arg: number,
  onError: (path: string, err: unknown) => void,
  onSkip: (path: string, reason: string) => void,
  sniff: boolean,
): AsyncGenerator<PageInput> {
  const { base, pattern } = splitGlob(given);
  let info;
  try {
    info = await stat(base);
  } catch (err) {
    const missing = (err as NodeJS.ErrnoException).code === 'ENOENT';
    onSkip(given, `matches nothing: ${base} ${missing ? 'does not exist' : `cannot be read (${fsReason(err)})`}`);
    return;
  }
  if (!info.isDirectory()) {
    onSkip(given, `matches nothing: ${base} is not a directory`);
    return;
  }
  const { glob } = await import('tinyglobby');
  let matches: string[];
  try {
    matches = await glob(pattern, { ...GLOB_OPTIONS, cwd: base });
  } catch (err) {
    onError(base, err);
    return;
  }
  matches.sort(compare);
  const seen = new Set<string>();
  let any = false;
  for (const m of matches) {
    if (m.endsWith('/')) {
      const dir = m.slice(0, -1);
      for await (const rel of findPages(joinArg(base, dir), onError)) {
        const full = `${dir}/${rel}`;
        if (seen.has(full)) continue;
        seen.add(full);
        any = true;
        const path = joinArg(base, full);
        if (!skipped(path, sniff, onSkip)) yield { path, rel: full, arg };
      }
    } else if (!seen.has(m)) {
      seen.add(m);
      any = true;
      const path = joinArg(base, m);
      if (!skipped(path, sniff, onSkip)) yield { path, rel: m, arg };
    }
  }
  if (!any) onSkip(given, 'matches no file');
}

/** The bytes a sniff needs: the window, or past an XML prolog that has not ended in it. */
function sniffNeeds(head: Uint8Array): number {
  if (head.length < SNIFF_WINDOW) return 0;
  return prologEnd(Buffer.from(head.buffer, head.byteOffset, head.length).toString('latin1').replace(/\u0000/gu, '')) === -1 ? MAX_XML_PROLOG + SNIFF_WINDOW : 0;
}

/**
 * True (and said through `onSkip`) when a file a walk or glob found is not a
 * page (src/convert/readers.ts `notAPage`: METS, other XML, JSON, binary,
 * read-me and licence notes). A file that cannot be opened, or is not a
 * regular file, is left to the conversion, which reports it.
 */
function skipped(path: string, sniff: boolean, onSkip: (path: string, reason: string) => void): boolean {
  if (!sniff) return false;
  const head = readHead(path, SNIFF_WINDOW, sniffNeeds);
  if (head === null) return false;
  const reason = notAPage(head, basename(path));
  if (reason === null) return false;
  onSkip(path, reason);
  return true;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
