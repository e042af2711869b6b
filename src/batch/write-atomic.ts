/**
 * Atomic file writes: the data goes to `<file>.tmp-<pid>` beside the target
 * and is renamed over it, so a reader (or a run killed half-way) only ever
 * sees a missing file or a complete one. A write that fails (a full disk)
 * removes its temporary file before it reports: a failed run leaves no
 * `*.tmp-<pid>` behind, and one killed with SIGKILL leaves temporaries that
 * the next run removes (src/batch/out-dir-lock.ts).
 *
 * Every write goes through the WritePort in use (src/ports.ts): the real disk,
 * or in tests a stand-in full disk.
 */
import { renameSync, rmSync } from 'node:fs';
import { lstat, readlink, realpath, rename, rm, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { nodeWritePort, processId, type WritePort } from '../ports.js';
import { makeDirs } from './make-dirs.js';
import { removeStaleTemporariesOf } from './stale-temporaries.js';

let port: WritePort = nodeWritePort;

/** The port writes go through. */
export function writePort(): WritePort {
  return port;
}

/** Tests: writes go through `p` until the returned function is called. */
export function useWritePort(p: WritePort): () => void {
  const before = port;
  port = p;
  return () => {
    port = before;
  };
}

/** The temporary name used while `file` is written. */
export function tempName(file: string): string {
  return `${file}.tmp-${processId()}`;
}

function isMissingDir(err: unknown): boolean {
  return (err as NodeJS.ErrnoException).code === 'ENOENT';
}

/** Writes `data` to `file` atomically, creating parent directories. */
export async function writeAtomic(file: string, data: string | Uint8Array): Promise<void> {
  const tmp = tempName(file);
  try {
    try {
      await port.writeFile(tmp, data);
    } catch (err) {
      if (!isMissingDir(err)) throw err;
      makeDirs(dirname(file));
      await port.writeFile(tmp, data);
    }
    await rename(tmp, file);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
}

/**
 * The same, blocking: for worker threads, where a blocking call holds up only
 * that worker and costs less than a round trip through the libuv thread pool.
 */
export function writeAtomicSync(file: string, data: OutputData): void {
  const tmp = tempName(file);
  try {
    try {
      port.writeFileSync(tmp, data);
    } catch (err) {
      if (!isMissingDir(err)) throw err;
      makeDirs(dirname(file));
      port.writeFileSync(tmp, data);
    }
    renameSync(tmp, file);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  }
}

/** What `-o FILE` takes: the whole text, or its pieces in order (a large document's JSON, src/report/json-pieces.ts). */
export type OutputData = string | Uint8Array | Iterable<string>;

async function writeData(file: string, data: OutputData): Promise<void> {
  if (typeof data === 'string' || data instanceof Uint8Array) return port.writeFile(file, data);
  const out = await port.open(file);
  try {
    for (const piece of data) await out.write(piece);
  } finally {
    await out.close();
  }
}

/** Linux's MAXSYMLINKS: a chain longer than this is a loop (ELOOP), as the kernel would say. */
const MAX_LINK_HOPS = 40;

/**
 * Where a write to `file` lands, as the shell's `>` would have it: through
 * every symbolic link to the file at the end of the chain — a dangling link's
 * target is created, the link kept — written atomically beside that file
 * (`direct: false`); or, when the chain ends at a device, FIFO or socket
 * (`-o /dev/stdout`), that node itself, written directly (`direct: true`):
 * renaming over it would replace the device. Renaming over the link instead
 * would swap the user's link for a plain file.
 */
export async function outputTarget(file: string): Promise<{ path: string; direct: boolean }> {
  // A chain that ends at a device, FIFO or socket is written as it is. Asked first, with stat (which follows
  // links as open does): /dev/stdout on a pipe is /proc/self/fd/1, a magic link whose text (pipe:[N]) names no
  // path, so walking the chain by readlink would lose it.
  const end = await stat(file).catch(() => null);
  if (end && !end.isFile() && !end.isDirectory()) return { path: file, direct: true };
  let path = file;
  for (let hop = 0; hop <= MAX_LINK_HOPS; hop++) {
    const info = await lstat(path).catch(() => null);
    if (!info) return { path, direct: false };
    if (!info.isSymbolicLink()) return { path, direct: !info.isFile() };
    // Relative to the link's real directory, as the kernel reads `..` in a link.
    path = resolve(await realpath(dirname(path)), await readlink(path));
  }
  throw Object.assign(new Error(`${file}: too many symbolic links`), { code: 'ELOOP' });
}

/**
 * `-o FILE` (and `eval --update-baseline`): written atomically like a batch
 * output, so a full disk never leaves a truncated file in FILE's place, at
 * the place outputTarget names. FILE's directory (or its link's target's)
 * must exist, as for any write.
 */
export async function writeOutputFile(file: string, data: OutputData): Promise<void> {
  const target = await outputTarget(file);
  if (target.direct) return writeData(target.path, data);
  await removeStaleTemporariesOf(target.path);
  const tmp = tempName(target.path);
  try {
    await writeData(tmp, data);
    await rename(tmp, target.path);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
}
