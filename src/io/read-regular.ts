/**
 * Reading a user's file without ever blocking. `readFile` on a FIFO waits for
 * a writer forever, and on a character device (`/dev/zero`) reads forever, so
 * every file news-parse reads by a name it was given — pages, profiles, gold,
 * baselines, documents to validate — is opened here: non-blocking (opening a
 * FIFO with no writer returns at once), then `fstat` on the open descriptor
 * (a symlink is judged by what it points to, and nothing can swap the file
 * between the check and the read), and only a regular file is read. Anything
 * else is a `NotRegularFileError` whose message names what it is.
 */
import { closeSync, constants, fstatSync, openSync, readFileSync, readSync, statSync, type Stats } from 'node:fs';

/** A path that names something other than a regular file (or a symlink to one). */
export class NotRegularFileError extends Error {
  readonly code = 'ENOTREG';
  constructor(what: string) {
    super(`${what}, not a regular file: only regular files are read`);
    this.name = 'NotRegularFileError';
  }
}

function what(s: Stats): string {
  if (s.isDirectory()) return 'is a directory';
  if (s.isFIFO()) return 'is a FIFO (named pipe)';
  if (s.isSocket()) return 'is a socket';
  if (s.isCharacterDevice()) return 'is a character device';
  if (s.isBlockDevice()) return 'is a block device';
  return 'is a special file';
}

// O_NONBLOCK makes open() of a FIFO without a writer return at once; regular files ignore it.
const FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/** A name Node could not keep: its bytes are not UTF-8, so the string holds U+FFFD and opens nothing. */
export class NotUtf8NameError extends Error {
  readonly code = 'ENOTUTF8NAME';
  constructor() {
    super('cannot be opened by this name: the file name is not valid UTF-8 (shown with U+FFFD); rename it to UTF-8 (convmv -f gbk -t utf-8 --notest FILE), or give its bytes in a --stdin-jsonl path record');
    this.name = 'NotUtf8NameError';
  }
}

/** The error to report for a failed open (or stat) of `path`: ENXIO and U+FFFD names said in words. */
export function openError(err: unknown, path: string | Buffer): unknown {
  const code = (err as NodeJS.ErrnoException)?.code;
  // open() of a Unix socket fails with ENXIO (as does a FIFO opened for writing with no reader).
  if (code === 'ENXIO') return new NotRegularFileError('is a socket or a device without a driver');
  // Directory listings and argv decode a name that is not UTF-8 with U+FFFD: "no such file" would be wrong.
  if (code === 'ENOENT' && typeof path === 'string' && path.includes('\uFFFD')) return new NotUtf8NameError();
  return err;
}

/** The bytes of the regular file `path`; throws NotRegularFileError for anything else, or the fs error. */
export function readRegularFileSync(path: string | Buffer): Buffer {
  let fd: number;
  try {
    fd = openSync(path, FLAGS);
  } catch (err) {
    throw openError(err, path);
  }
  try {
    const s = fstatSync(fd);
    if (!s.isFile()) throw new NotRegularFileError(what(s));
    return readFileSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * `readRegularFileSync` as a promise. Sync inside on purpose: the callers read one file at a time, and
 * node:fs/promises would cost every one-page run its load (~1 ms, src/cli/input-bytes.ts).
 */
export async function readRegularFile(path: string): Promise<Buffer> {
  return readRegularFileSync(path);
}

/** `readRegularFile` decoded as UTF-8 (a leading byte-order mark dropped): profiles, gold, baselines. */
export async function readRegularText(path: string): Promise<string> {
  return (await readRegularFile(path)).toString('utf8').replace(/^\uFEFF/u, '');
}

/**
 * The first bytes of the regular file `path`, as many as `enough` asks for:
 * it is called with what has been read so far and gives how many bytes it
 * needs in all (0 when it has enough). Null when `path` is not a regular file
 * or cannot be opened (reading it later says why).
 */
export function readHead(path: string, first: number, enough: (head: Uint8Array) => number): Uint8Array | null {
  let fd: number;
  try {
    fd = openSync(path, FLAGS);
  } catch {
    return null;
  }
  try {
    const s = fstatSync(fd);
    if (!s.isFile()) return null;
    let buf = Buffer.alloc(Math.min(first, s.size));
    let got = readSync(fd, buf, 0, buf.length, 0);
    for (;;) {
      const want = Math.min(enough(buf.subarray(0, got)), s.size);
      if (want <= got) return buf.subarray(0, got);
      const more = Buffer.alloc(want);
      buf.copy(more, 0, 0, got);
      buf = more;
      const n = readSync(fd, buf, got, want - got, got);
      // The file shrank while it was read (another writer): what was there is the head.
      if (n === 0) return buf.subarray(0, got);
      got += n;
    }
  } catch {
    return null;
  } finally {
    closeSync(fd);
  }
}

/**
 * Why `path` must not be written as a file: it exists and is not a regular file (writing to a FIFO
 * waits for a reader forever). Null when it is a regular file or does not exist yet.
 */
export function notRegularForWriting(path: string): string | null {
  const s = statSync(path, { throwIfNoEntry: false });
  return s && !s.isFile() ? new NotRegularFileError(what(s)).message.replace('only regular files are read', 'only regular files are written') : null;
}
