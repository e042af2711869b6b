/**
 * Issue 14 items 3 and 4: a run that died (kill -9) leaves temporaries and its
 * lock; the next run removes the temporaries it owns whose writer is dead and
 * says so. Two batches into one --out-dir at once: the second is refused in
 * one line while the first runs, and the first's manifest lists all its pages.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { LOCK_NAME, lockOutDir, OutDirBusy } from '../../src/batch/out-dir-lock.js';
import { removeStaleTemporaries, removeStaleTemporariesOf } from '../../src/batch/stale-temporaries.js';
import { run } from '../../src/cli/run.js';
import { memoryIO } from '../helpers/io.js';
import { CLI, ensureBuilt, listFiles, pageText, readJson, runCli, tempDir, writePage } from './helpers.js';

/** The pid of a process that has just exited (so, dead). */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}

function lockText(pid: number, host = hostname()): string {
  return JSON.stringify({ pid, host, startedAt: '2026-12-01T10:00:00.000Z' }) + '\n';
}

describe('the output directory lock', () => {
  it('refuses while a live batch holds it, and says who', async () => {
    const out = tempDir('lock-live');
    writeFileSync(join(out, LOCK_NAME), lockText(process.ppid));
    const err = await lockOutDir(out).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OutDirBusy);
    expect((err as Error).message).toBe(
      `${out}: another batch (pid ${process.ppid}, started 2026-12-01T10:00:00.000Z) is writing into this directory; wait for it to finish or give another --out-dir (if that run is gone, remove ${join(out, LOCK_NAME)})`,
    );
  });

  it('takes over the lock of a run that died, and releases only its own', async () => {
    const out = tempDir('lock-dead');
    const pid = deadPid();
    writeFileSync(join(out, LOCK_NAME), lockText(pid));
    const lock = await lockOutDir(out);
    expect(lock.stale).toMatchObject({ pid });
    expect(readJson(join(out, LOCK_NAME)).pid).toBe(process.pid);
    lock.release();
    expect(existsSync(join(out, LOCK_NAME))).toBe(false);
    const again = await lockOutDir(out);
    writeFileSync(join(out, LOCK_NAME), lockText(process.ppid)); // someone else's now
    again.release();
    expect(readJson(join(out, LOCK_NAME)).pid).toBe(process.ppid);
  });

  it('a lock naming this very pid, not held by this process, is a dead run whose pid came round again', async () => {
    const out = tempDir('lock-pid-reused');
    writeFileSync(join(out, LOCK_NAME), lockText(process.pid)); // as a killed run left it, pid 1 in a container
    writeFileSync(join(out, `p.txt.json.tmp-${process.pid}`), '{"half');
    const lock = await lockOutDir(out);
    expect(lock.stale).toMatchObject({ pid: process.pid, startedAt: '2026-12-01T10:00:00.000Z' });
    // held by this process now: a second batch in it is refused
    await expect(lockOutDir(out)).rejects.toBeInstanceOf(OutDirBusy);
    // nothing written yet under the lock: a temporary bearing this pid is the dead run's
    expect(await removeStaleTemporaries(out, true)).toBe(1);
    lock.release();
    expect(existsSync(join(out, LOCK_NAME))).toBe(false);
  });

  it('cannot judge a lock from another host or one being written, so refuses both', async () => {
    const out = tempDir('lock-host');
    writeFileSync(join(out, LOCK_NAME), lockText(deadPid(), 'some-other-host'));
    await expect(lockOutDir(out)).rejects.toThrow(/another batch \(pid \d+ on some-other-host,/u);
    writeFileSync(join(out, LOCK_NAME), '');
    await expect(lockOutDir(out)).rejects.toThrow(/^\S+: another batch is writing/u);
    // …but an empty lock file older than the grace period is a writer that died in between
    utimesSync(join(out, LOCK_NAME), new Date(Date.now() - 60_000), new Date(Date.now() - 60_000));
    (await lockOutDir(out)).release();
  });
});

describe('stale temporaries', () => {
  it('removes our temporaries whose writer is dead, keeps a live writer’s and everything else', async () => {
    const out = tempDir('stale');
    const dead = deadPid();
    const sleeper = spawn('sleep', ['30']);
    const live = sleeper.pid!;
    const files = [`a/p1.txt.json.tmp-${dead}`, `manifest.json.tmp-${dead}`, `articles.csv.tmp-${dead}`, `.news-parse.lock.k3x9.tmp-${dead}`, `.news-parse.lock.break.z0.tmp-${dead}`, `x.news-parse.lock.k3x9.tmp-${dead}`, `b/p2.txt.json.tmp-${live}`, `notes.txt.tmp-${dead}`, 'a/p1.txt.json', `mine.json.tmp-${process.pid}`];
    for (const f of files) writePage(join(out, f), 'x');
    try {
      expect(await removeStaleTemporaries(out)).toBe(5);
    } finally {
      sleeper.kill();
    }
    expect(listFiles(out)).toEqual(['a/p1.txt.json', `b/p2.txt.json.tmp-${live}`, `mine.json.tmp-${process.pid}`, `notes.txt.tmp-${dead}`, `x.news-parse.lock.k3x9.tmp-${dead}`].sort());
    writePage(join(out, 'docs.jsonl'), 'x');
    writePage(join(out, `docs.jsonl.tmp-${dead}`), 'x');
    writePage(join(out, `docs.jsonl.tmp-${dead}x`), 'x');
    expect(await removeStaleTemporariesOf(join(out, 'docs.jsonl'))).toBe(1);
    expect(existsSync(join(out, `docs.jsonl.tmp-${dead}x`))).toBe(true);
  });

  it('a batch into an OUT a dead run left: its lock and temporaries removed, said in one line', async () => {
    const dir = tempDir('stale-batch');
    writePage(join(dir, 'in', 'p1.txt'), pageText(1));
    const out = join(dir, 'out');
    const dead = deadPid();
    writePage(join(out, LOCK_NAME), lockText(dead));
    writePage(join(out, `p1.txt.json.tmp-${dead}`), '{"trunc');
    writePage(join(out, `manifest.json.tmp-${dead}`), '{"trunc');
    const io = memoryIO({ cwd: dir });
    expect(await run([join(dir, 'in'), '--out-dir', out, '-j', '1', '-q'], io)).toBe(0);
    expect(io.err()).toBe(`news-parse: ${out}: a batch (pid ${dead}, started 2026-12-01T10:00:00.000Z) did not finish here; its lock and 2 temporaries were removed\n`);
    expect(listFiles(out)).toEqual(['manifest.json', 'p1.txt.json']);
  });

  it('-o FILE and --jsonl FILE remove FILE.tmp-<dead pid> beside FILE', async () => {
    const dir = tempDir('stale-o');
    writePage(join(dir, 'in', 'p1.txt'), pageText(1));
    const dead = deadPid();
    writePage(join(dir, `page.json.tmp-${dead}`), '{"trunc');
    writePage(join(dir, `docs.jsonl.tmp-${dead}`), '{"trunc');
    expect(await run([join(dir, 'in', 'p1.txt'), '-o', join(dir, 'page.json')], memoryIO({ cwd: dir }))).toBe(0);
    expect(await run([join(dir, 'in'), '--jsonl', join(dir, 'docs.jsonl'), '-q'], memoryIO({ cwd: dir }))).toBe(0);
    expect(listFiles(dir)).toEqual(['docs.jsonl', 'in/p1.txt', 'page.json']);
  });
});

describe('two batches, one --out-dir (the built CLI)', () => {
  beforeAll(() => ensureBuilt(), 180_000);

  it('refuses the second while the first runs; the first lists all its pages', async () => {
    const dir = tempDir('two');
    const PAGES = 300;
    for (let i = 0; i < PAGES; i++) writePage(join(dir, 'a', `p${String(i).padStart(3, '0')}.txt`), pageText(`a${i}`));
    for (let i = 0; i < 20; i++) writePage(join(dir, 'b', `q${i}.txt`), pageText(`b${i}`));
    const first = spawn(process.execPath, [CLI, 'a', '--out-dir', 'out', '-j', '1', '-q'], { cwd: dir, stdio: 'ignore' });
    const firstDone = new Promise<number | null>((resolve) => first.on('exit', (code) => resolve(code)));
    const deadline = Date.now() + 60_000;
    while (!existsSync(join(dir, 'out', 'p000.txt.json')) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
    const second = await runCli(['b', '--out-dir', 'out', '-j', '1', '-q'], { cwd: dir });
    expect(await firstDone).toBe(0);
    expect(second.code).toBe(2);
    expect(second.stderr).toMatch(new RegExp(`^news-parse: out: another batch \\(pid ${first.pid}, started [^)]+\\) is writing into this directory; wait for it to finish or give another --out-dir`, 'u'));
    expect(second.stderr.trimEnd().split('\n')).toHaveLength(1);
    const m = readJson(join(dir, 'out', 'manifest.json'));
    expect(m.summary).toMatchObject({ pages: PAGES, converted: PAGES, failed: 0 });
    const outputs = listFiles(join(dir, 'out')).filter((f) => f !== 'manifest.json');
    expect(outputs).toEqual(m.files.map((f: { output: string }) => f.output).sort());
    expect(existsSync(join(dir, 'out', LOCK_NAME))).toBe(false);
    // once the first is done, the second may write there
    expect((await runCli(['b', '--out-dir', 'out', '-j', '1', '-q'], { cwd: dir })).code).toBe(0);
  }, 120_000);
});

describe('kill -9 mid-batch (the built CLI)', () => {
  beforeAll(() => ensureBuilt(), 180_000);

  it('the next run removes the killed run’s lock and temporaries', async () => {
    const dir = tempDir('kill9');
    for (let i = 0; i < 300; i++) writePage(join(dir, 'in', `p${String(i).padStart(3, '0')}.txt`), pageText(i));
    const child = spawn(process.execPath, [CLI, 'in', '--out-dir', 'out', '-j', '1', '-q'], { cwd: dir, stdio: 'ignore' });
    const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
    const deadline = Date.now() + 60_000;
    while (!existsSync(join(dir, 'out', 'p004.txt.json')) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
    child.kill('SIGKILL');
    await exited;
    expect(readJson(join(dir, 'out', LOCK_NAME)).pid).toBe(child.pid);
    // What a kill in the middle of a write leaves (the window is too short to hit on purpose).
    writeFileSync(join(dir, 'out', `p005.txt.json.tmp-${child.pid}`), '{"source":');
    const again = await runCli(['in', '--out-dir', 'out', '-j', '1', '-q'], { cwd: dir });
    expect(again.code).toBe(0);
    expect(again.stderr).toMatch(new RegExp(`^news-parse: out: a batch \\(pid ${child.pid}, started [^)]+\\) did not finish here; its lock and [1-9]\\d* temporar(y|ies) were removed\\n$`, 'u'));
    expect(listFiles(join(dir, 'out')).filter((f) => f.includes('.tmp-') || f === LOCK_NAME)).toEqual([]);
    expect(readJson(join(dir, 'out', 'manifest.json')).summary).toMatchObject({ pages: 300, failed: 0 });
    expect(JSON.parse(readFileSync(join(dir, 'out', 'p005.txt.json'), 'utf8')).source.path).toBe('in/p005.txt');
  }, 120_000);
});
