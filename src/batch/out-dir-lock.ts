/**
 * One batch at a time per output directory. Two batches writing one --out-dir
 * at once would each write a manifest of their own pages, the last one
 * winning (half the outputs unlisted, silently); so a batch takes
 * `OUT/.news-parse.lock` — created exclusively, holding its pid, host and start
 * time — and a second batch is refused in one line while the first runs.
 *
 * A lock whose pid no longer exists on this host was left by a run that died
 * (SIGKILL, a crash, a power cut): it is taken over, and the caller removes
 * that run's temporaries (src/batch/stale-temporaries.ts). A lock from another
 * host (a shared file system) cannot be checked, so it is refused with the
 * way out: remove the lock file when that run is gone. The name starts with a
 * dot, so a walk of OUT as input skips it.
 */
import { readFileSync, rmSync, statSync } from 'node:fs';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { processAlive, processId } from '../ports.js';

export const LOCK_NAME = '.news-parse.lock';

export interface LockHolder {
  pid: number;
  host: string;
  startedAt: string;
}

/**
 * A lock file that does not parse is taken to be in the middle of being
 * written by the batch that just created it — unless it is older than this,
 * when its writer died between creating and filling it.
 */
const UNFILLED_LOCK_GRACE_MS = 10_000;

/** Another batch holds the directory (the message is the one line to print). */
export class OutDirBusy extends Error {
  constructor(
    readonly outDir: string,
    /** Null when the other batch has only just created the lock. */
    readonly holder: LockHolder | null,
  ) {
    const who = holder ? ` (pid ${holder.pid}${holder.host === hostname() ? '' : ` on ${holder.host}`}, started ${holder.startedAt})` : '';
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
    return typeof h.pid === 'number' && typeof h.host === 'string' && typeof h.startedAt === 'string' ? { pid: h.pid, host: h.host, startedAt: h.startedAt } : null;
  } catch {
    return null;
  }
}

/** Who holds `file`: a holder, 'gone' when it vanished meanwhile, or 'unfilled'. */
async function holderOf(file: string): Promise<LockHolder | 'gone' | 'unfilled'> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return 'gone';
  }
  return parseHolder(text) ?? 'unfilled';
}

function sameHolder(a: LockHolder | null, b: LockHolder): boolean {
  return a !== null && a.pid === b.pid && a.host === b.host && a.startedAt === b.startedAt;
}

/**
 * Moves a dead run's lock out of the way. The rename is atomic; if what was
 * renamed is not the lock that was read (another batch took the stale lock
 * first and wrote its own), it is put back and the directory is busy.
 */
async function takeOver(file: string, dead: LockHolder): Promise<boolean> {
  const aside = `${file}.stale-${processId()}`;
  try {
    await rename(file, aside);
  } catch {
    return false; // someone else moved it first: try again
  }
  const moved = parseHolder(await readFile(aside, 'utf8').catch(() => ''));
  if (!sameHolder(moved, dead)) {
    await rename(aside, file).catch(() => {});
    return false;
  }
  await rm(aside, { force: true });
  return true;
}

/**
 * Takes the lock of `outDir` (which exists). Throws OutDirBusy when another
 * live batch holds it; any other failure (a full disk, no permission) is
 * thrown as it comes.
 */
/**
 * The lock files this process holds now. A lock naming this process's pid on
 * this host that is not among them was left by a dead run whose pid came
 * round again (in a container every run may be pid 1): it is stale, not busy.
 */
const heldHere = new Set<string>();

export async function lockOutDir(outDir: string): Promise<OutDirLock> {
  const file = join(outDir, LOCK_NAME);
  const mine: LockHolder = { pid: processId(), host: hostname(), startedAt: new Date().toISOString() };
  let stale: LockHolder | null = null;
  // A few rounds: each lost race (a lock that vanished or was taken over meanwhile) costs one.
  for (let round = 0; round < 5; round++) {
    try {
      await writeFile(file, JSON.stringify(mine) + '\n', { flag: 'wx' });
      heldHere.add(file);
      return {
        stale,
        release: () => {
          heldHere.delete(file);
          release(file, mine);
        },
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    const held = await holderOf(file);
    if (held === 'gone') continue;
    if (held === 'unfilled') {
      const age = Date.now() - (statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? 0);
      if (age < UNFILLED_LOCK_GRACE_MS) throw new OutDirBusy(outDir, null);
      await rm(file, { force: true });
      continue;
    }
    const pidCameRound = held.host === mine.host && held.pid === mine.pid && !heldHere.has(file);
    if (held.host !== mine.host || (processAlive(held.pid) && !pidCameRound)) throw new OutDirBusy(outDir, held);
    if (await takeOver(file, held)) stale = held;
  }
  throw new OutDirBusy(outDir, null);
}

/** Removes the lock if it is still this run's. */
function release(file: string, mine: LockHolder): void {
  try {
    if (sameHolder(parseHolder(readFileSync(file, 'utf8')), mine)) rmSync(file, { force: true });
  } catch {
    /* already gone */
  }
}
