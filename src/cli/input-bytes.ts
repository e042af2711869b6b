/**
 * The bytes of a command-line input (`-` is standard input); an unreadable path, or one that is not a
 * regular file (a FIFO, a device), is an InputError (exit 2). Read with node:fs, not node:fs/promises:
 * the inputs are read one after another anyway, and loading node:fs/promises (with the readline and
 * watcher modules it brings) cost a one-page run ~1 ms.
 */
import { fsReason } from '../io/fs-reason.js';
import { readRegularFileSync } from '../io/read-regular.js';
import type { CliIO } from '../ports.js';
import { InputError } from './errors.js';

export async function readInputBytes(path: string, io: CliIO): Promise<Uint8Array> {
  if (path === '-') return io.readStdin();
  try {
    return readRegularFileSync(path);
  } catch (err) {
    throw new InputError(path, fsReason(err));
  }
}
