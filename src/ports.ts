/**
 * The ports: everything a run may touch outside its own memory — output
 * streams, standard input, environment, working directory, the clock, signals
 * and the exit — as one interface that every layer may import (it imports
 * nothing of ours). Commands receive a `CliIO`; tests pass their own to run
 * commands in-process. `processIO()` is the real one: with bin/news-parse.js,
 * the only code that touches `process`.
 */
import { closeSync, fstatSync, openSync, statSync, writeFileSync, writeSync } from 'node:fs';

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
  /** Whether standard input is a terminal (asked only when no input is named: a pipe is then read as `-`). */
  stdinIsTTY?(): boolean;
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

/** For the short wait before writing again to a full non-blocking pipe. */
const pause = new Int32Array(new SharedArrayBuffer(4));

/**
 * Whether file descriptor `fd` may be a terminal, told without making its
 * stream: a terminal is a character device, and /dev/null (where `news-parse
 * page.txt > /dev/null`, or a parent's ignored stdio, sends it) is one that is
 * no terminal. Asked by `isTTY`, whose answer picks the default output format
 * on every run; making process.stdout to read its isTTY loaded the streams
 * (~8 million instructions, ~4 % of a one-page run beyond bare Node). When fstat
 * cannot tell, the stream is made and asked.
 */
function mayBeTerminal(fd: number): boolean {
  try {
    const stat = fstatSync(fd);
    if (!stat.isCharacterDevice()) return false;
    const devNull = statSync('/dev/null', { throwIfNoEntry: false });
    return !(devNull && devNull.isCharacterDevice() && devNull.dev === stat.dev && devNull.ino === stat.ino && devNull.rdev === stat.rdev);
  } catch {
    return true;
  }
}

/**
 * Standard output or error as the CLI sees them. Node makes process.stdout
 * and process.stderr on first use, as stream objects whose set-up loads
 * net, stream and tty: ~4 ms of a one-page run, which writes one string.
 * Node writes to files, pipes and terminals synchronously on POSIX anyway,
 * so until something needs the stream itself, `write` goes straight to the
 * file descriptor with fs.writeSync. What needs the stream — a batch sink's
 * 'drain' and 'error' events, `isTTY` on a character device (mayBeTerminal), the progress bar's `columns` — makes
 * it then, and every later write goes through it, in order.
 */
class StdStream implements OutStream {
  private made: NodeJS.WriteStream | null = null;
  constructor(
    private readonly fd: 1 | 2,
    private readonly make: () => NodeJS.WriteStream,
  ) {}

  private stream(): NodeJS.WriteStream {
    return (this.made ??= this.make());
  }

  write(chunk: string): boolean {
    if (this.made) return this.made.write(chunk);
    const bytes = Buffer.from(chunk, 'utf8');
    let at = 0;
    while (at < bytes.length) {
      try {
        at += writeSync(this.fd, bytes, at);
      } catch (err) {
        const e = err as NodeJS.ErrnoException;
        // A pipe another process set non-blocking: wait a millisecond for the reader.
        if (e.code === 'EAGAIN') Atomics.wait(pause, 0, 0, 1);
        else if (this.fd === 1) onStdoutError(e);
        else return false;
      }
    }
    return true;
  }

  get isTTY(): boolean {
    if (this.made === null && !mayBeTerminal(this.fd)) return false;
    return Boolean(this.stream().isTTY);
  }

  get columns(): number | undefined {
    return this.stream().columns;
  }

  on(event: string, listener: (...args: unknown[]) => void): this {
    this.stream().on(event, listener);
    return this;
  }

  once(event: string, listener: (...args: unknown[]) => void): this {
    this.stream().once(event, listener);
    return this;
  }

  removeListener(event: string, listener: (...args: unknown[]) => void): this {
    this.stream().removeListener(event, listener);
    return this;
  }
}

export function processIO(): CliIO {
  const stdout = new StdStream(1, () => {
    if (!process.stdout.listeners('error').includes(onStdoutError)) process.stdout.on('error', onStdoutError);
    return process.stdout;
  });
  return {
    stdout,
    stderr: new StdStream(2, () => process.stderr),
    async readStdin() {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks);
    },
    stdinStream: () => process.stdin,
    stdinIsTTY: () => Boolean(process.stdin.isTTY),
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
  /** The same, blocking (batch workers: it holds up only that worker); `data` may be pieces, written in order (a large document's JSON). */
  writeFileSync(path: string, data: string | Uint8Array | Iterable<string>): void;
  /** Opens `path` for writing, truncating it. */
  open(path: string): Promise<FileWriter>;
}

/** Writes `pieces` to `path` in order, blocking, each piece's bytes in full (write(2) may write part of them). */
function writePiecesSync(path: string, pieces: Iterable<string>): void {
  const fd = openSync(path, 'w');
  try {
    for (const piece of pieces) {
      const bytes = Buffer.from(piece, 'utf8');
      for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at);
    }
  } finally {
    closeSync(fd);
  }
}

/** node:fs/promises, imported when a file is first written: a run that only prints never loads it (~1 ms of start-up). */
const fsPromises = () => import('node:fs/promises');

/** The real disk. */
export const nodeWritePort: WritePort = {
  writeFile: async (path, data) => (await fsPromises()).writeFile(path, data),
  writeFileSync: (path, data) => (typeof data === 'string' || data instanceof Uint8Array ? writeFileSync(path, data) : writePiecesSync(path, data)),
  async open(path) {
    const handle = await (await fsPromises()).open(path, 'w');
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

/**
 * node:crypto, loaded when first asked for: a large input's hash (src/index.ts).
 * A one-page run of a small page never loads it (with the streams it brings,
 * ~4 ms of start-up).
 */
export function nodeCrypto(): typeof import('node:crypto') {
  return process.getBuiltinModule('node:crypto');
}
