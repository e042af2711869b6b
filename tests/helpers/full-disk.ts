/**
 * A stand-in full disk for the write port (src/ports.ts): writes succeed until
 * `budget` bytes have been written, then a write stores what still fits and
 * fails with ENOSPC — as a real full disk leaves a truncated file behind.
 * `failsOn` makes only the writes to matching paths fail (one bad page).
 * Renames and removals go to the real disk.
 */
import { nodeWritePort, type WritePort } from '../../src/ports.js';

function enospc(path: string): NodeJS.ErrnoException {
  const err = new Error(`ENOSPC: no space left on device, write '${path}'`) as NodeJS.ErrnoException;
  err.code = 'ENOSPC';
  err.errno = -28;
  return err;
}

export interface FullDisk extends WritePort {
  /** Bytes written so far (truncated writes included). */
  written(): number;
  /** Writes refused so far. */
  refused(): number;
}

export function fullDisk(opts: { budget?: number; failsOn?: (path: string) => boolean }): FullDisk {
  let left = opts.budget ?? Infinity;
  let written = 0;
  let refused = 0;
  /** What of `data` fits: all of it, or the part that fits and the error to throw after writing it. */
  const take = (path: string, data: string | Uint8Array): { part: Uint8Array; error: Error | null } => {
    const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
    if (opts.failsOn?.(path)) {
      refused++;
      return { part: bytes.subarray(0, 0), error: enospc(path) };
    }
    if (bytes.length <= left) {
      left -= bytes.length;
      written += bytes.length;
      return { part: bytes, error: null };
    }
    const part = bytes.subarray(0, Math.max(0, left));
    written += part.length;
    left = 0;
    refused++;
    return { part, error: enospc(path) };
  };
  return {
    async writeFile(path, data) {
      const { part, error } = take(path, data);
      await nodeWritePort.writeFile(path, part);
      if (error) throw error;
    },
    writeFileSync(path, data) {
      const { part, error } = take(path, typeof data === 'string' || data instanceof Uint8Array ? data : [...data].join(''));
      nodeWritePort.writeFileSync(path, part);
      if (error) throw error;
    },
    async open(path) {
      const file = await nodeWritePort.open(path);
      return {
        async write(data) {
          const { part, error } = take(path, data);
          await file.write(new TextDecoder().decode(part));
          if (error) throw error;
        },
        close: () => file.close(),
      };
    },
    written: () => written,
    refused: () => refused,
  };
}
