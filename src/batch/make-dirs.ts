/**
 * `mkdir -p` that always returns. Node's own recursive mkdir (20.x) answers
 * ENOENT by making the parent and trying the child again, with no check that
 * the retry can do better: under a directory that exists but cannot hold new
 * entries and says ENOENT for them — procfs and sysfs do (`--out-dir
 * /proc/x`) — the parent's EEXIST and the child's ENOENT alternate for ever,
 * and the promise never settles (the sync form spins the whole thread). Here
 * a child that is still not found once its parent exists is final, and said
 * as such.
 */
import { mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { errorCode } from '../io/fs-reason.js';


/** The error for a directory that cannot be made although its parent exists (fsReason says its message). */
function cannotHold(dir: string): Error {
  return Object.assign(new Error(`${dirname(dir)} does not take new directories`), { code: 'ENEWDIR' });
}

/** The error for a path that exists and is not a directory. */
function notADirectory(dir: string): Error {
  return Object.assign(new Error(`${dir}: not a directory`), { code: 'ENOTDIR' });
}

/**
 * Makes `dir` and any missing parents; a directory already there is fine.
 * Blocking, for the main thread and workers alike: a mkdir costs microseconds,
 * and one form means one walk to keep right.
 */
export function makeDirs(dir: string): void {
  try {
    mkdirSync(dir);
    return;
  } catch (err) {
    if (errorCode(err) === 'EEXIST') {
      if (statSync(dir, { throwIfNoEntry: false })?.isDirectory()) return;
      throw notADirectory(dir);
    }
    if (errorCode(err) !== 'ENOENT' || dirname(dir) === dir) throw err;
  }
  makeDirs(dirname(dir));
  // Another run may make it meanwhile: as good.
  try {
    mkdirSync(dir);
  } catch (err) {
    if (errorCode(err) === 'EEXIST' && statSync(dir, { throwIfNoEntry: false })?.isDirectory()) return;
    throw errorCode(err) === 'ENOENT' ? cannotHold(dir) : err;
  }
}
