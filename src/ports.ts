/**
 * The ports: everything a run may touch outside its own memory — output
 * streams, standard input, environment, working directory, the clock, signals
 * and the exit — as one interface that every layer may import (it imports
 * nothing of ours). Commands receive a `CliIO`; tests pass their own to run
 * commands in-process. `processIO()` is the real one: with bin/news-parse.js,
 * the only code that touches `process`.
 */

import { writeFileSync } from 'node:fs';
import { open, writeFile } from 'node:fs/promises';

/**
 * Exit codes, in one place (mirrored in README.md):
 *
 *   0  success
 *   1  findings: the eval quality gate failed, `validate` found invalid documents,
 *      or a batch converted some inputs but not all
 *   2  usage error or unusable input (unreadable path, binary data, bad encoding, bad option)
 *   3  internal error: a bug in news-parse (for example a document that fails its own schema)
 */
export const EXIT = { ok: 0, findings: 1, usage: 2, internal: 3 } as const;

export interface OutStream {
  write(chunk: string): unknown;
  isTTY?: boolean;
}

export type StopSignal = 'SIGINT' | 'SIGTERM';

export interface CliIO {
  stdout: OutStream;
  stderr: OutStream;
  /** Reads all of standard input (only called when an input is `-`). */
  readStdin(): Promise<Uint8Array>;
  /** Standard input as a stream (`--stdin-jsonl`). */
  stdinStream(): AsyncIterable<Uint8Array | string>;
  env: Record<string, string | undefined>;
  cwd: string;
  /** Milliseconds since the epoch (timings in summaries). */
  now(): number;
  /** Calls `handler` once on Ctrl-C or a termination request; returns the function that stops listening. */
  onStopSignal(handler: (signal: StopSignal) => void): () => void;
  /** Ends the process now (after a stop signal). */
  exit(code: number): never;
}

/**
 * A reader that goes away (`news-parse page.txt --json | head`) is not an
 * error of ours: the run ends quietly with 0, as a pipeline expects. Any
 * other failure to write standard output is one line on stderr, exit 2.
 */
function onStdoutError(err: NodeJS.ErrnoException): void {
  if (err.code === 'EPIPE') process.exit(EXIT.ok);
  process.stderr.write(`news-parse: cannot write standard output: ${err.code ?? err.message}\n`);
  process.exit(EXIT.usage);
}

export function processIO(): CliIO {
  if (!process.stdout.listeners('error').includes(onStdoutError)) process.stdout.on('error', onStdoutError);
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    async readStdin() {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks);
    },
    stdinStream: () => process.stdin,
    env: process.env,
    cwd: process.cwd(),
    now: () => Date.now(),
    onStopSignal(handler) {
      process.once('SIGINT', handler);
      process.once('SIGTERM', handler);
      return () => {
        process.removeListener('SIGINT', handler);
        process.removeListener('SIGTERM', handler);
      };
    },
    exit: (code) => process.exit(code),
  };
}

/** This process's id (temporary file names that two processes writing the same output cannot share). */
export function processId(): number {
  return process.pid;
}

/**
 * Whether a process with this id exists on this machine (signal 0 checks
 * without sending anything; EPERM means it exists but is someone else's).
 * Decides whether a lock or a temporary file was left by a run that died.
 */
export function processAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A file opened for writing, written chunk after chunk in order. */
export interface FileWriter {
  write(data: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * How output files get their bytes: every output, manifest, JSON Lines file
 * and `-o` file is written through this port (src/batch/write-atomic.ts holds
 * the one in use), so that a test can stand in a full disk or a failing
 * device without one. Renames and removals are not part of it: they need no
 * space and are what cleans up after a failed write.
 */
export interface WritePort {
  /** Creates or truncates `path` and writes `data`. */
  writeFile(path: string, data: string | Uint8Array): Promise<void>;
  /** The same, blocking (batch workers: it holds up only that worker). */
  writeFileSync(path: string, data: string | Uint8Array): void;
  /** Opens `path` for writing, truncating it. */
  open(path: string): Promise<FileWriter>;
}

/** The real disk. */
export const nodeWritePort: WritePort = {
  writeFile: (path, data) => writeFile(path, data),
  writeFileSync: (path, data) => writeFileSync(path, data),
  async open(path) {
    const handle = await open(path, 'w');
    return {
      // writeFile on a handle writes from the current position and loops over short writes.
      write: (data) => handle.writeFile(data),
      close: () => handle.close(),
    };
  },
};

/**
 * Gives an environment variable a value unless the user set one, for a library
 * that reads its settings from the environment when it loads (recheck's backend).
 */
export function defaultProcessEnv(name: string, value: string): void {
  process.env[name] ??= value;
}
