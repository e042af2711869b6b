/**
 * Temporaries left by a run that died: a batch killed with SIGKILL (or a
 * crash, or a power cut) cannot remove the `<file>.tmp-<pid>` it was writing
 * (src/batch/write-atomic.ts). The next run removes those it owns — names of
 * our outputs (`….json`, `….jsonl`, `….csv`) followed by `.tmp-<pid>` — and
 * only when process <pid> no longer exists, so a run still writing keeps its
 * own. Nothing else in the directory is touched.
 */
import { readdir, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { processAlive, processId } from '../ports.js';

/**
 * `….json.tmp-123`: an output, the manifest, an issue document, articles.jsonl / .csv;
 * `.news-parse.lock.k3x9.tmp-123`: the draft of a lock (src/batch/out-dir-lock.ts), or of a break lock.
 */
const OWN_TEMPORARY = /(?:\.(?:json|jsonl|csv)|^\.news-parse\.lock(?:\.break)*\.[a-z0-9]+)\.tmp-([0-9]+)$/u;

/** True when `pid` (from a temporary's name) is not this run and no longer exists. */
function deadWriter(pid: string): boolean {
  return Number(pid) !== processId() && !processAlive(Number(pid));
}

function isStale(name: string, ownPidToo: boolean): boolean {
  const m = OWN_TEMPORARY.exec(name);
  return m !== null && ((ownPidToo && Number(m[1]) === processId()) || deadWriter(m[1]!));
}

/**
 * Removes the stale temporaries under `dir` (recursively: outputs mirror the
 * input tree); returns how many. `ownPidToo`: the caller holds OUT's lock and
 * has written nothing yet, so a temporary bearing this process's pid is a dead
 * run's whose pid came round again (in a container every run may be pid 1).
 */
export async function removeStaleTemporaries(dir: string, ownPidToo = false): Promise<number> {
  let removed = 0;
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return 0;
  }
  for (const e of entries) {
    const path = join(dir, e.name);
    if (e.isDirectory()) removed += await removeStaleTemporaries(path, ownPidToo);
    else if (e.isFile() && isStale(e.name, ownPidToo)) {
      await rm(path, { force: true });
      removed++;
    }
  }
  return removed;
}

/** Removes the stale temporaries of one output file (`--jsonl FILE`, `-o FILE`): `FILE.tmp-<pid>` beside it. */
export async function removeStaleTemporariesOf(file: string): Promise<number> {
  const prefix = `${basename(file)}.tmp-`;
  let names: string[];
  try {
    names = await readdir(dirname(file));
  } catch {
    return 0;
  }
  let removed = 0;
  for (const name of names) {
    const pid = name.startsWith(prefix) ? name.slice(prefix.length) : '';
    if (!/^[0-9]+$/u.test(pid) || !deadWriter(pid)) continue;
    await rm(join(dirname(file), name), { force: true });
    removed++;
  }
  return removed;
}
