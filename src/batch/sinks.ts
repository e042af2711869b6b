/**
 * Where a batch's JSON Lines go: a stream (standard output) that is waited on
 * when full, or a file written under a temporary name and renamed into place
 * when complete. A reader that goes away (`| head`) is an OutputClosed, which
 * the batch takes as the end of the run, not as an error.
 */
import { createWriteStream } from 'node:fs';
import { rename } from 'node:fs/promises';
import { once } from 'node:events';
import type { OutStream } from '../ports.js';
import { tempName } from './write-atomic.js';

export interface Sink {
  write(chunk: string): Promise<void>;
  close(): Promise<void>;
}

export class OutputClosed extends Error {}

type Emitterish = OutStream & {
  on?: (event: string, fn: (...args: unknown[]) => void) => unknown;
  once?: (event: string, fn: (...args: unknown[]) => void) => unknown;
  removeListener?: (event: string, fn: (...args: unknown[]) => void) => unknown;
};

/** Writes to a stream, waiting for 'drain' when it is full (memory stays bounded however fast pages come). */
export function streamSink(stream: Emitterish): Sink {
  let error: unknown = null;
  stream.on?.('error', (err) => {
    error = err;
  });
  return {
    async write(chunk) {
      if (error) throw new OutputClosed(String(error));
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
      if (error) throw new OutputClosed(String(error));
    },
    async close() {},
  };
}

/** A file written under a temporary name and renamed into place when complete. */
export function fileSink(path: string): Sink {
  const tmp = tempName(path);
  const stream = createWriteStream(tmp);
  const inner = streamSink(stream as unknown as Emitterish);
  return {
    write: inner.write,
    async close() {
      stream.end();
      await once(stream, 'finish');
      await rename(tmp, path);
    },
  };
}

/** `-` is `stdout`; anything else a file. */
export function openSink(target: string, stdout: OutStream): Sink {
  return target === '-' ? streamSink(stdout as Emitterish) : fileSink(target);
}

