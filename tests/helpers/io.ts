/** An in-memory CliIO for running the CLI in-process. */
import type { CliIO } from '../../src/cli/io.js';

export function memoryIO(stdin = '', env: Record<string, string> = {}): CliIO & { out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return {
    stdout: { write: (s: string) => (out += s), isTTY: false },
    stderr: { write: (s: string) => (err += s), isTTY: false },
    readStdin: async () => new TextEncoder().encode(stdin),
    env,
    cwd: process.cwd(),
    out: () => out,
    err: () => err,
  };
}
