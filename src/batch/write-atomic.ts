/**
 * Atomic file writes: the data goes to `<file>.tmp-<pid>` beside the target
 * and is renamed over it, so a reader (or a run killed half-way) only ever
 * sees a missing file or a complete one.
 */
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { processId } from '../ports.js';

/** The temporary name used while `file` is written. */
export function tempName(file: string): string {
  return `${file}.tmp-${processId()}`;
}

/** Writes `data` to `file` atomically, creating parent directories. */
export async function writeAtomic(file: string, data: string | Uint8Array): Promise<void> {
  const tmp = tempName(file);
  try {
    await writeFile(tmp, data);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    await mkdir(dirname(file), { recursive: true });
    await writeFile(tmp, data);
  }
  try {
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
export function writeAtomicSync(file: string, data: string | Uint8Array): void {
  const tmp = tempName(file);
  try {
    writeFileSync(tmp, data);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(tmp, data);
  }
  try {
    renameSync(tmp, file);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  }
}
