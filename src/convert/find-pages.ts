/**
 * Page discovery, the same for batch inputs and eval cases: a directory is
 * walked depth-first in sorted order and a file is a page when its name ends
 * in a reader's extension (src/convert/readers.ts `isPageFile`). Hidden
 * entries (`.git`, the `._page.txt` AppleDouble files macOS leaves on shared
 * drives) and `node_modules` are never pages. Only one directory listing per
 * level is held at a time. A FIFO, socket or device with a page's name is
 * taken too: reading it fails with what it is (src/io/read-regular.ts), so a
 * batch lists it under failures instead of passing over it in silence.
 */
import { opendir, stat } from 'node:fs/promises';
import type { Dirent } from 'node:fs';
import { join } from 'node:path';
import { isPageFile } from './readers.js';

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
    if (d.name.startsWith('.') || d.name === 'node_modules') continue;
    if (d.isDirectory()) entries.push({ name: d.name, dir: true, dangling: false });
    else if (d.isSymbolicLink()) {
      try {
        const s = await stat(join(dir, d.name));
        entries.push({ name: d.name, dir: s.isDirectory(), dangling: false });
      } catch {
        entries.push({ name: d.name, dir: false, dangling: true });
      }
    } else {
      // A regular file — or a FIFO, socket or device with a page's name, taken so that reading it
      // reports it as a failed page (src/io/read-regular.ts never blocks on one) rather than skip it unsaid.
      entries.push({ name: d.name, dir: false, dangling: false });
    }
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

/** The relative paths (`/`-separated) of the pages under `root`, in sorted order. */
export function findPages(root: string, onError: (path: string, err: unknown) => void): AsyncGenerator<string> {
  return walk(root, (_rel, name) => isPageFile(name), onError);
}
