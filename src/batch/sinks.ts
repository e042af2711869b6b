/**
 * Where a batch's JSON Lines go: a stream (standard output) that is waited on
 * when full, or a file written under a temporary name and renamed into place
 * when complete. A reader that goes away (`| head`) is an OutputClosed, which
 * the batch takes as the end of the run, not as an error; a write that fails
 * (a full disk) is an OutputWriteError, which the batch reports (exit 2) after
 * `abort()` has removed the temporary file.
 */
import { rm, rename } from 'node:fs/promises';
import type { FileWriter, OutStream } from '../ports.js';
import { fsReason } from '../io/fs-reason.js';
import { removeStaleTemporariesOf } from './stale-temporaries.js';
import { outputTarget, tempName, writePort } from './write-atomic.js';

export interface Sink {
  write(chunk: string): Promise<void>;
  /** Finishes the output (a file: renamed into place). */
  close(): Promise<void>;
  /** Gives the output up after a failure (a file: its temporary removed). Never throws. */
  abort(): Promise<void>;
}

/** The reader of standard output went away: the run ends quietly. */
export class OutputClosed extends Error {}

/** The output could not be written: `target: cannot write: reason`, exit 2. */
export class OutputWriteError extends Error {
  constructor(
    readonly target: string,
    readonly reason: string,
  ) {
    super(`${target}: cannot write: ${reason}`);
    this.name = 'OutputWriteError';
  }
}

type Emitterish = OutStream & {
  on?: (event: string, fn: (...args: unknown[]) => void) => unknown;
  once?: (event: string, fn: (...args: unknown[]) => void) => unknown;
  removeListener?: (event: string, fn: (...args: unknown[]) => void) => unknown;
};

/** EPIPE is a reader that left; anything else on standard output is a failure to say. */
function streamFailure(err: unknown): Error {
  const code = (err as NodeJS.ErrnoException | null)?.code;
  if (code === 'EPIPE' || code === 'ERR_STREAM_DESTROYED') return new OutputClosed(String(err));
  return new OutputWriteError('standard output', fsReason(err));
}

/** Writes to a stream, waiting for 'drain' when it is full (memory stays bounded however fast pages come). */
export function streamSink(stream: Emitterish): Sink {
  let error: unknown = null;
  stream.on?.('error', (err) => {
    error = err;
  });
  return {
    async write(chunk) {
      if (error) throw streamFailure(error);
      if (stream.write(chunk) === false && stream.once) {
        await new Promise<void>((resolve) => {
          const done = () => {
            stream.removeListener?.('drain', done);
            stream.removeListener?.('error', done);
            resolve();
          };
          stream.once!('drain', done);
          stream.once!('error', done);
        });
      }
      if (error) throw streamFailure(error);
    },
    async close() {},
    async abort() {},
  };
}

/**
 * Chunks are gathered up to this size before they are written: one write call
 * per ~64 KiB rather than one per page (a page's document is ~10 KiB).
 */
const FILE_CHUNK_CHARS = 64 * 1024;

/**
 * A file written under a temporary name and renamed into place when complete.
 * Every failure (open, write, close, rename) is an OutputWriteError naming
 * `path`; `abort` removes the temporary.
 */
export function fileSink(path: string): Sink {
  // Where the bytes go (through FILE's symbolic links, or straight into a device), found when first written.
  let target: { path: string; direct: boolean; tmp: string } | null = null;
  let file: Promise<FileWriter> | null = null;
  let pending: string[] = [];
  let size = 0;
  const fail = (err: unknown): never => {
    throw err instanceof OutputWriteError ? err : new OutputWriteError(path, fsReason(err));
  };
  // A run killed while writing FILE left FILE.tmp-<its pid>: removed before this run writes its own.
  const opened = () =>
    (file ??= outputTarget(path).then(async (t) => {
      target = { ...t, tmp: t.direct ? t.path : tempName(t.path) };
      if (!t.direct) await removeStaleTemporariesOf(t.path);
      return writePort().open(target.tmp);
    }));
  const flush = async () => {
    const data = pending.join('');
    pending = [];
    size = 0;
    const f = await opened();
    if (data !== '') await f.write(data);
  };
  return {
    async write(chunk) {
      pending.push(chunk);
      size += chunk.length;
      if (size >= FILE_CHUNK_CHARS) await flush().catch(fail);
    },
    async close() {
      try {
        await flush();
        await (await opened()).close();
        if (!target!.direct) await rename(target!.tmp, target!.path);
      } catch (err) {
        fail(err);
      }
    },
    async abort() {
      pending = [];
      if (file) await file.then((f) => f.close()).catch(() => {});
      if (target && !target.direct) await rm(target.tmp, { force: true }).catch(() => {});
    },
  };
}

/** `-` is `stdout`; anything else a file. */
export function openSink(target: string, stdout: OutStream): Sink {
  return target === '-' ? streamSink(stdout as Emitterish) : fileSink(target);
}

