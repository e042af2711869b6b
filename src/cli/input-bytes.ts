/** The bytes of a command-line input (`-` is standard input); an unreadable path is an InputError (exit 2). */
import { readFile } from 'node:fs/promises';
import { fsReason } from '../io/fs-reason.js';
import type { CliIO } from '../ports.js';
import { InputError } from './errors.js';

export async function readInputBytes(path: string, io: CliIO): Promise<Uint8Array> {
  if (path === '-') return io.readStdin();
  try {
    return await readFile(path);
  } catch (err) {
    throw new InputError(path, fsReason(err));
  }
}
