/**
 * Issue 14 (review), item 1: the out-dir lock under every interleaving. The
 * lock's file-system steps run against an in-memory file system in which each
 * step that touches a shared name waits for its turn; a scheduler picks which
 * waiting "process" goes next, and the test walks every order (or, for three
 * processes, thousands of seeded random ones). The defects this catches, in
 * the lock as it was: two runs clearing one stale or unfilled lock both won
 * (each removed the file, one removed the other's new lock), and a takeover
 * that renamed a lock aside and found it was not the dead one renamed it back
 * over a lock a third run had taken meanwhile.
 *
 * Invariants, checked after every step: at most one process holds the lock,
 * and the lock file names the one that does; every schedule ends with some
 * process having held it (a dead lock is never left blocking everyone); in
 * the end no lock, break lock or draft is left.
 */
import { describe, expect, it } from 'vitest';
import { LOCK_NAME, lockOutDir, OutDirBusy, type LockEnv } from '../../src/batch/out-dir-lock.js';

const OUT = '/out';
const LOCK = `${OUT}/${LOCK_NAME}`;
const START = 1_000_000_000;
const DEAD = 900;
const HOST = 'here';

function errno(code: string, path: string): Error {
  return Object.assign(new Error(`${code}: ${path}`), { code });
}

function holder(pid: number): string {
  return JSON.stringify({ pid, host: HOST, startedAt: '2026-12-01T10:00:00.000Z' }) + '\n';
}

/** One in-memory file system, the processes alive on it, and the steps waiting for their turn. */
class World {
  readonly files = new Map<string, { data: string; mtime: number }>();
  readonly alive = new Set<number>();
  readonly waiting: Array<{ proc: number; go: () => void }> = [];
  /** A file system without hard links (FAT, exFAT): link() fails with EPERM. */
  noLinks = false;

  private turn(proc: number, paths: string[]): Promise<void> {
    // A draft (`….tmp-PID`) is one process's own: its steps need no turn.
    if (paths.every((p) => p.includes('.tmp-'))) return Promise.resolve();
    return new Promise((go) => this.waiting.push({ proc, go }));
  }

  env(proc: number, pid: number): LockEnv {
    const f = this.files;
    const get = (path: string) => {
      const file = f.get(path);
      if (!file) throw errno('ENOENT', path);
      return file;
    };
    return {
      pid,
      host: HOST,
      now: () => START,
      alive: (p) => this.alive.has(p),
      ownTokens: new Set(),
      writeFile: async (path, data) => {
        await this.turn(proc, [path]);
        f.set(path, { data, mtime: START });
      },
      link: async (from, to) => {
        await this.turn(proc, [from, to]);
        if (this.noLinks) throw errno('EPERM', to);
        const file = get(from);
        if (f.has(to)) throw errno('EEXIST', to);
        f.set(to, { ...file });
      },
      // O_EXCL create, then the write: two steps, the file seen empty between them.
      createExclusive: async (path, data) => {
        await this.turn(proc, [path]);
        if (f.has(path)) throw errno('EEXIST', path);
        f.set(path, { data: '', mtime: START });
        await this.turn(proc, [path]);
        f.set(path, { data, mtime: START });
      },
      readFile: async (path) => {
        await this.turn(proc, [path]);
        return get(path).data;
      },
      mtimeMs: async (path) => {
        await this.turn(proc, [path]);
        return f.get(path)?.mtime ?? null;
      },
      rename: async (from, to) => {
        await this.turn(proc, [from, to]);
        f.set(to, get(from));
        f.delete(from);
      },
      unlink: async (path) => {
        await this.turn(proc, [path]);
        get(path);
        f.delete(path);
      },
      // release() is blocking and reads then removes the lock of a live holder, which nobody else may replace.
      readFileSync: (path) => get(path).data,
      unlinkSync: (path) => void f.delete(path),
    };
  }
}

interface Outcome {
  held: number;
  refused: number;
  violations: string[];
  left: string[];
  stale: number[];
}

/**
 * Runs `pids` against the world `setUp` makes, each taking the lock, holding
 * it for one step and releasing it; `choose(n)` picks which of the n waiting
 * steps goes next.
 */
async function runOnce(setUp: (w: World) => void, pids: number[], choose: (n: number) => number): Promise<Outcome> {
  const world = new World();
  for (const pid of pids) world.alive.add(pid);
  setUp(world);
  const holding = new Set<number>();
  const out: Outcome = { held: 0, refused: 0, violations: [], left: [], stale: [] };
  const check = () => {
    if (holding.size > 1) out.violations.push(`${[...holding].join(' and ')} hold the lock at once`);
    for (const pid of holding) {
      const text = world.files.get(LOCK)?.data;
      if (!text || JSON.parse(text).pid !== pid) out.violations.push(`${pid} holds the lock but the file says ${text ?? 'nothing'}`);
    }
  };
  const runs = pids.map(async (pid, proc) => {
    const env = world.env(proc, pid);
    try {
      const lock = await lockOutDir(OUT, env);
      holding.add(pid);
      out.held++;
      if (lock.stale) out.stale.push(lock.stale.pid);
      check();
      await new Promise<void>((go) => world.waiting.push({ proc, go })); // holds it while others move
      check();
      holding.delete(pid);
      lock.release();
    } catch (err) {
      if (!(err instanceof OutDirBusy)) throw err;
      out.refused++;
    }
  });
  const settle = () => new Promise((r) => setImmediate(r));
  for (;;) {
    await settle();
    check();
    if (world.waiting.length === 0) break;
    world.waiting.splice(choose(world.waiting.length), 1)[0]!.go();
  }
  await Promise.all(runs);
  out.left = [...world.files.keys()].sort();
  return out;
}

/** Every schedule, depth first: each run replays a prefix of choices and takes the first option after it. */
async function everySchedule(setUp: (w: World) => void, pids: number[], each: (o: Outcome) => void): Promise<number> {
  let prefix: number[] = [];
  let count = 0;
  for (;;) {
    const trace: Array<{ c: number; n: number }> = [];
    each(
      await runOnce(setUp, pids, (n) => {
        const c = trace.length < prefix.length ? prefix[trace.length]! : 0;
        trace.push({ c, n });
        return c;
      }),
    );
    count++;
    let j = trace.length - 1;
    while (j >= 0 && trace[j]!.c >= trace[j]!.n - 1) j--;
    if (j < 0) return count;
    prefix = [...trace.slice(0, j).map((t) => t.c), trace[j]!.c + 1];
  }
}

/** A small seeded generator, so that the sampled schedules are the same on every run. */
function seeded(seed: number): (n: number) => number {
  let s = seed >>> 0;
  return (n) => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s % n;
  };
}

function expectSafe(o: Outcome, untouched: string[] = []): void {
  expect(o.violations).toEqual([]);
  expect(o.left).toEqual(untouched);
}

const deadLock = (w: World) => void w.files.set(LOCK, { data: holder(DEAD), mtime: START - 60_000 });
const unfilledOldLock = (w: World) => void w.files.set(LOCK, { data: '', mtime: START - 60_000 });

describe('the out-dir lock, every interleaving of its steps', () => {
  it('two runs meeting a dead run’s lock: one at a time, the lock always named, one of them gets it', async () => {
    const n = await everySchedule(deadLock, [101, 102], (o) => {
      expectSafe(o);
      expect(o.held).toBeGreaterThanOrEqual(1);
      expect(o.stale).toEqual([DEAD]); // broken once, by one of them
    });
    expect(n).toBeGreaterThan(50);
  });

  it('two runs meeting an unfilled lock past its grace: the same', async () => {
    const n = await everySchedule(unfilledOldLock, [101, 102], (o) => {
      expectSafe(o);
      expect(o.held).toBeGreaterThanOrEqual(1);
    });
    expect(n).toBeGreaterThan(50);
  });

  it('a break lock left by a breaker that died, over a dead run’s lock: broken one level down', async () => {
    const setUp = (w: World) => {
      deadLock(w);
      w.files.set(`${LOCK}.break`, { data: holder(DEAD + 1), mtime: START - 60_000 });
    };
    // Some 10^5 orders in all: a seeded sample of them.
    for (let seed = 1; seed <= 2_000; seed++) {
      const o = await runOnce(setUp, [101, 102], seeded(seed));
      expectSafe(o);
      expect(o.held).toBeGreaterThanOrEqual(1);
    }
  });

  it('a dead run’s pid come round again (two runs of one pid, as pid 1 in containers), with a newcomer', async () => {
    await everySchedule(deadLock, [DEAD, 102], (o) => {
      expectSafe(o);
      expect(o.held).toBeGreaterThanOrEqual(1);
    });
  });

  it('on a file system without hard links (exclusive create, seen empty for a step): the same, for a dead lock and a free one', async () => {
    for (const lock of [deadLock, () => {}]) {
      const setUp = (w: World) => {
        w.noLinks = true;
        lock(w);
      };
      await everySchedule(setUp, [101, 102], (o) => {
        expectSafe(o);
        expect(o.held).toBeGreaterThanOrEqual(1);
      });
      for (let seed = 1; seed <= 1_000; seed++) {
        const o = await runOnce(setUp, [101, 102, 103], seeded(seed));
        expectSafe(o);
        expect(o.held).toBeGreaterThanOrEqual(1);
      }
    }
  }, 60_000);

  it('a live run’s lock is never broken, whatever the order', async () => {
    const setUp = (w: World) => {
      w.alive.add(555);
      w.files.set(LOCK, { data: holder(555), mtime: START - 60_000 });
    };
    await everySchedule(setUp, [101, 102], (o) => {
      expectSafe(o, [LOCK]);
      expect(o.held).toBe(0);
      expect(o.refused).toBe(2);
    });
  });

  it('three runs at a dead run’s lock or a free directory: 3,000 seeded orders each', async () => {
    for (const setUp of [deadLock, unfilledOldLock, () => {}]) {
      for (let seed = 1; seed <= 3_000; seed++) {
        const o = await runOnce(setUp, [101, 102, 103], seeded(seed));
        expectSafe(o);
        expect(o.held).toBeGreaterThanOrEqual(1);
      }
    }
  }, 60_000);

  it('two attempts in one process at once: one holds, the other is refused', async () => {
    for (let seed = 1; seed <= 200; seed++) {
      const world = new World();
      world.alive.add(101);
      const env = world.env(0, 101);
      const choose = seeded(seed);
      const attempts = [lockOutDir(OUT, env), lockOutDir(OUT, env)].map((p) => p.then((l) => l, (e: unknown) => e));
      for (;;) {
        await new Promise((r) => setImmediate(r));
        if (world.waiting.length === 0) break;
        world.waiting.splice(choose(world.waiting.length), 1)[0]!.go();
      }
      const [a, b] = await Promise.all(attempts);
      expect([a, b].filter((x) => x instanceof OutDirBusy)).toHaveLength(1);
      const lock = [a, b].find((x) => !(x instanceof OutDirBusy)) as { release(): void };
      expect([...world.files.keys()]).toEqual([LOCK]);
      lock.release();
      expect([...world.files.keys()]).toEqual([]);
    }
  });
});
