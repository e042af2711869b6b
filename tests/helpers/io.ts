/** An in-memory CliIO for running the CLI in-process. */
import type { CliIO } from '../../src/ports.js';

export interface MemoryIOOptions {
  stdin?: string;
  env?: Record<string, string>;
  cwd?: string;
  stdoutIsTTY?: boolean;
}

export function memoryIO(opts: MemoryIOOptions | string = {}): CliIO & { out: () => string; err: () => string } {
  const { stdin = '', env = {}, cwd = process.cwd(), stdoutIsTTY = false } = typeof opts === 'string' ? { stdin: opts } : opts;
  let out = '';
  let err = '';
  return {
    stdout: { write: (s: string) => (out += s), isTTY: stdoutIsTTY },
    stderr: { write: (s: string) => (err += s), isTTY: false },
    readStdin: async () => new TextEncoder().encode(stdin),
    stdinStream: async function* () {
      yield stdin;
    },
    env,
    cwd,
    now: () => Date.now(),
    onStopSignal: () => () => {},
    exit: (code) => {
      throw new Error(`exit ${code}`);
    },
    out: () => out,
    err: () => err,
  };
}
