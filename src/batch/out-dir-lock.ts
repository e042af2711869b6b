/**
 * One batch at a time per output directory. Two batches writing one --out-dir
 * at once would each write a manifest of their own pages, the last one
 * winning (half the outputs unlisted, silently); so a batch takes
 * `OUT/.news-parse.lock` — holding its pid, host and start time — and a
 * second batch is refused in one line while the first runs.
 *
 * Every step that can race is one atomic file-system call:
 *  - taking a free lock is `link(draft, lock)`: the draft (`lock.X.tmp-PID`,
 *    already filled) gets the lock's name only if no file has it, so a lock
 *    is never seen half written and two runs never both create one;
 *  - breaking a lock left by a dead run (SIGKILL, a crash, a power cut) is
 *    done holding a second lock, `lock.break`, taken the same way: only its
 *    holder may replace the lock, which it does after reading it again (a
 *    live run's lock is never replaced: nobody else may remove or replace it
 *    meanwhile) by renaming its draft over it — the name is never free, so a
 *    newcomer cannot slip in between, and nothing is ever put back over a
 *    lock taken meanwhile. A `lock.break` left by a breaker that died is
 *    broken the same way, under `lock.break.break`, a few levels deep.
 * (Mercurial breaks its repository lock the same way.) The steps go through a
 * LockEnv, so that tests can run several "processes" against one in-memory
 * file system in every order their steps can interleave.
 *
 * A lock from another host (a shared file system) cannot be checked, so it is
 * refused with the way out: remove the lock file when that run is gone. The
 * name starts with a dot, so a walk of OUT as input skips it.
 */
import { readFileSync, rmSync } from 'node:fs';
import { link, open, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { processAlive, processId } from '../ports.js';
import { errorCode } from '../io/fs-reason.js';

export const LOCK_NAME = '.news-parse.lock';

export interface LockHolder {
  pid: number;
  host: string;
  startedAt: string;
  /** Random, one per attempt: tells this process's own locks from a dead run's that bears the same pid. */
  token?: string;
}

/** The file-system steps and the facts about processes that the lock uses. */
export interface LockEnv {
  pid: number;
  host: string;
  now(): number;
  /** Whether process `pid` exists on this host. */
  alive(pid: number): boolean;
  /** Tokens of the locks this process holds or is taking (see pidCameRound). */
  readonly ownTokens: Set<string>;
  writeFile(path: string, data: string): Promise<void>;
  /** Fails with EEXIST when `to` exists. */
  link(from: string, to: string): Promise<void>;
  /** Creates `path` with `data`, failing with EEXIST when it exists (open O_EXCL, then write: seen empty meanwhile). */
  createExclusive(path: string, data: string): Promise<void>;
  readFile(path: string): Promise<string>;
  /** Modification time in ms, or null when the file is gone. */
  mtimeMs(path: string): Promise<number | null>;
  rename(from: string, to: string): Promise<void>;
  unlink(path: string): Promise<void>;
  /** Blocking, for release(): a stop-signal handler calls it. */
  readFileSync(path: string): string;
  unlinkSync(path: string): void;
}

const nodeOwnTokens = new Set<string>();

/**
 * Creates `path` with `data`, failing if it exists (the lock of a file system without hard links). A create
 * whose write then fails (a full disk) removes what it made: an empty lock would turn the next run away
 * for the whole grace period of an unfilled lock.
 */
export async function createExclusiveFile(path: string, data: string): Promise<void> {
  const file = await open(path, 'wx');
  try {
    await file.writeFile(data);
  } catch (err) {
    await file.close().catch(() => undefined);
    await unlink(path).catch(() => undefined);
    throw err;
  }
  await file.close();
}

/** This process and the real disk. */
function nodeLockEnv(): LockEnv {
  return {
    pid: processId(),
    host: hostname(),
    now: () => Date.now(),
    alive: processAlive,
    ownTokens: nodeOwnTokens,
    writeFile: (path, data) => writeFile(path, data),
    link: (from, to) => link(from, to),
    createExclusive: createExclusiveFile,
    readFile: (path) => readFile(path, 'utf8'),
    mtimeMs: async (path) => (await stat(path).catch(() => null))?.mtimeMs ?? null,
    rename: (from, to) => rename(from, to),
    unlink: (path) => unlink(path),
    readFileSync: (path) => readFileSync(path, 'utf8'),
    unlinkSync: (path) => rmSync(path, { force: true }),
  };
}

/**
 * A lock file that does not parse cannot come from a run of this version (its
 * lock appears filled); it is an older version's, created and not yet filled —
 * unless it is older than this, when its writer died in between.
 */
const UNFILLED_LOCK_GRACE_MS = 10_000;

/**
 * How deep a chain of break locks is followed: each level is a breaker that
 * died in the microseconds it held its break lock. Past this the directory is
 * reported busy, with the lock to remove by hand.
 */
const MAX_BREAK_DEPTH = 3;

/** What link() says on a file system without hard links (vfat/exFAT: EPERM; some shares: ENOTSUP, ENOSYS). */
const NO_HARD_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS']);

/** Lost races (a lock that vanished or changed hands meanwhile) tolerated before giving up as busy. */
const MAX_ROUNDS = 5;

/** Another batch holds the directory (the message is the one line to print). */
export class OutDirBusy extends Error {
  constructor(
    readonly outDir: string,
    /** Null when the other batch is taking the lock right now. */
    readonly holder: LockHolder | null,
    host = hostname(),
  ) {
    const who = holder ? ` (pid ${holder.pid}${holder.host === host ? '' : ` on ${holder.host}`}, started ${holder.startedAt})` : '';
    super(
      `${outDir}: another batch${who} is writing into this directory; ` +
        `wait for it to finish or give another --out-dir (if that run is gone, remove ${join(outDir, LOCK_NAME)})`,
    );
    this.name = 'OutDirBusy';
  }
}

export interface OutDirLock {
  /** The lock of a run that died, taken over; null when there was none. */
  readonly stale: LockHolder | null;
  /** Gives the directory up (blocking, so that a stop-signal handler can call it). Never throws. */
  release(): void;
}

function parseHolder(text: string): LockHolder | null {
  try {
    const h = JSON.parse(text) as Partial<LockHolder>;
    if (typeof h.pid !== 'number' || typeof h.host !== 'string' || typeof h.startedAt !== 'string') return null;
    return { pid: h.pid, host: h.host, startedAt: h.startedAt, ...(typeof h.token === 'string' ? { token: h.token } : {}) };
  } catch {
    return null;
  }
}

type Held = LockHolder | 'gone' | 'unfilled';

/** Who holds `file`: a holder, 'gone' when it vanished meanwhile, or 'unfilled' (not a lock of ours). */
async function holderOf(env: LockEnv, file: string): Promise<Held> {
  let text: string;
  try {
    text = await env.readFile(file);
  } catch {
    return 'gone';
  }
  return parseHolder(text) ?? 'unfilled';
}

/**
 * A lock naming this process's pid on this host that this process did not
 * make was left by a dead run whose pid came round again (in a container
 * every run may be pid 1): stale, not busy.
 */
function pidCameRound(env: LockEnv, held: LockHolder): boolean {
  return held.host === env.host && held.pid === env.pid && !(held.token !== undefined && env.ownTokens.has(held.token));
}

/** Whether `held` may be broken: its run is gone (or, unfilled, its writer died before filling it). */
async function breakable(env: LockEnv, file: string, held: Held): Promise<boolean> {
  if (held === 'gone') return false;
  if (held === 'unfilled') {
    const mtime = await env.mtimeMs(file);
    return mtime !== null && env.now() - mtime >= UNFILLED_LOCK_GRACE_MS;
  }
  if (held.host !== env.host) return false;
  return pidCameRound(env, held) || !env.alive(held.pid);
}

/** Why a lock could not be taken: someone holds it (null: someone is taking it right now). */
class Busy {
  constructor(readonly holder: LockHolder | null) {}
}

interface Taken {
  stale: LockHolder | null;
  mine: LockHolder;
}


let attempts = 0;

/**
 * Takes the lock `file`, breaking a dead holder's under `file.break` (depth
 * counts the levels of break locks above this one). Throws Busy, or a
 * file-system error (a full disk, no permission) as it comes.
 */
async function take(env: LockEnv, file: string, depth: number): Promise<Taken> {
  const token = `${Math.random().toString(36).slice(2, 10)}${(attempts++).toString(36)}`;
  const mine: LockHolder = { pid: env.pid, host: env.host, startedAt: new Date(env.now()).toISOString(), token };
  // Its own name per attempt: two attempts in one process must not write one draft.
  const draft = `${file}.${token}.tmp-${env.pid}`;
  env.ownTokens.add(token);
  let draftUsed = false;
  try {
    await env.writeFile(draft, JSON.stringify(mine) + '\n');
    let stale: LockHolder | null = null;
    let linkless = false;
    for (let round = 0; round < MAX_ROUNDS; round++) {
      try {
        if (linkless) await env.createExclusive(file, JSON.stringify(mine) + '\n');
        else await env.link(draft, file);
        return { stale, mine };
      } catch (err) {
        if (!linkless && NO_HARD_LINKS.has(errorCode(err) ?? '')) {
          // FAT, exFAT, some network shares: no hard links. An exclusive create is as exclusive, its
          // lock seen empty for a moment (an unfilled lock inside its grace is busy, never broken).
          linkless = true;
          round--;
          continue;
        }
        if (errorCode(err) !== 'EEXIST') throw err;
      }
      const held = await holderOf(env, file);
      if (held === 'gone') continue;
      if (!(await breakable(env, file, held))) throw new Busy(held === 'unfilled' ? null : held);
      if (depth >= MAX_BREAK_DEPTH) throw new Busy(held === 'unfilled' ? null : held);
      // Only the holder of the break lock may replace this lock; one who cannot get it is told
      // the directory is busy: whoever holds the break lock is alive and taking the directory.
      const guard = await take(env, `${file}.break`, depth + 1).catch((err: unknown) => {
        throw err instanceof Busy ? new Busy(null) : err;
      });
      try {
        const now = await holderOf(env, file);
        if (now === 'gone' || !(await breakable(env, file, now))) continue;
        await env.rename(draft, file);
        draftUsed = true;
        return { stale: now === 'unfilled' ? null : now, mine };
      } finally {
        release(env, `${file}.break`, guard.mine);
      }
    }
    throw new Busy(null);
  } catch (err) {
    env.ownTokens.delete(token);
    throw err;
  } finally {
    if (!draftUsed) await env.unlink(draft).catch(() => {});
  }
}

/** Removes the lock if it is still this holder's. */
function release(env: LockEnv, file: string, mine: LockHolder): void {
  if (mine.token !== undefined) env.ownTokens.delete(mine.token);
  try {
    const held = parseHolder(env.readFileSync(file));
    if (held !== null && held.pid === mine.pid && held.host === mine.host && held.token === mine.token) env.unlinkSync(file);
  } catch {
    /* already gone */
  }
}

/**
 * Takes the lock of `outDir` (which exists). Throws OutDirBusy when another
 * live batch holds it or is taking it; any other failure (a full disk, no
 * permission) is thrown as it comes.
 */
export async function lockOutDir(outDir: string, env: LockEnv = nodeLockEnv()): Promise<OutDirLock> {
  const file = join(outDir, LOCK_NAME);
  let taken: Taken;
  try {
    taken = await take(env, file, 0);
  } catch (err) {
    if (err instanceof Busy) throw new OutDirBusy(outDir, err.holder, env.host);
    throw err;
  }
  const stale = taken.stale === null ? null : { pid: taken.stale.pid, host: taken.stale.host, startedAt: taken.stale.startedAt };
  return { stale, release: () => release(env, file, taken.mine) };
}
