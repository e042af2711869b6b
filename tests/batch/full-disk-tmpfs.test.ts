/**
 * Issue 14 items 1 and 2 on a real full disk: a 200 KiB tmpfs (mounted here,
 * as root; skipped cleanly where mounting is not allowed). The built CLI with
 * worker threads, so the workers' own writes are covered too
 * (tests/batch/full-disk.test.ts does the same in-process with a stand-in disk).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createExclusiveFile } from '../../src/batch/out-dir-lock.js';
import { ensureBuilt, listFiles, pageText, runCli, tempDir, writePage } from './helpers.js';

// Made and mounted when the tests run, not when the module loads (collecting or filtering the tests mounts nothing).
let base = '';
let disk = '';
let mounted = false;

beforeAll(() => {
  base = tempDir('tmpfs');
  disk = join(base, 'disk');
  mkdirSync(disk);
  mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=200k', 'tmpfs', disk], { stdio: 'ignore' }).status === 0;
});

afterAll(() => {
  if (mounted) spawnSync('umount', [disk], { stdio: 'ignore' });
  if (base) rmSync(base, { recursive: true, force: true });
});

/** Each test skips itself where mounting is not permitted (not root, or no tmpfs in a container). */
function needsDisk(ctx: { skip: (note?: string) => void }): void {
  if (!mounted) ctx.skip('cannot mount a tmpfs here');
}

const PAGES = 60; // ~6 KB of output each: about 30 fit

function stderrLines(stderr: string): string[] {
  expect(stderr).not.toMatch(/^\s+at /mu);
  const lines = stderr.split('\n').filter((l) => l !== '');
  for (const l of lines) expect(l).toMatch(/^news-parse: /u);
  return lines;
}

describe('a full tmpfs', () => {
  beforeAll(() => {
    if (!mounted) return;
    ensureBuilt();
    for (let i = 0; i < PAGES; i++) writePage(join(base, 'in', `p${String(i).padStart(2, '0')}.txt`), pageText(i));
  }, 180_000);

  it('--out-dir with 2 workers: every page written or reported, the manifest failure said last, no temporaries, exit 2', async (ctx) => {
    needsDisk(ctx);
    const out = join(disk, 'out');
    const r = await runCli(['in', '--out-dir', out, '-j', '2'], { cwd: base });
    expect(r.code).toBe(2);
    const lines = stderrLines(r.stderr);
    const written = listFiles(out).filter((f) => f.endsWith('.txt.json'));
    expect(written.length).toBeGreaterThan(0);
    expect(written.length).toBeLessThan(PAGES);
    for (let i = 0; i < PAGES; i++) {
      const name = `p${String(i).padStart(2, '0')}.txt`;
      const reported = lines.some((l) => l.startsWith(`news-parse: in/${name}: cannot write`));
      expect(written.includes(`${name}.json`) !== reported, name).toBe(true);
    }
    expect(lines.at(-1)).toMatch(/manifest\.json: cannot write: no space left on device/u);
    expect(listFiles(out).filter((f) => /\.tmp-\d+$/u.test(f))).toEqual([]);
    rmSync(out, { recursive: true });
  }, 120_000);

  it('--jsonl FILE: one line, exit 2, no file and no temporary', async (ctx) => {
    needsDisk(ctx);
    const r = await runCli(['in', '--jsonl', join(disk, 'docs.jsonl'), '-q'], { cwd: base });
    expect(r.code).toBe(2);
    expect(stderrLines(r.stderr)).toEqual([`news-parse: ${join(disk, 'docs.jsonl')}: cannot write: no space left on device`]);
    expect(listFiles(disk)).toEqual([]);
  }, 120_000);

  it('--stdin-jsonl --jsonl FILE: one line, exit 2, no file and no temporary', async (ctx) => {
    needsDisk(ctx);
    const records = Array.from({ length: PAGES }, (_, i) => JSON.stringify({ id: i, text: pageText(i) })).join('\n') + '\n';
    const r = await runCli(['--stdin-jsonl', '--jsonl', join(disk, 'docs.jsonl'), '-j', '1'], { cwd: base, input: records });
    expect(r.code).toBe(2);
    expect(stderrLines(r.stderr)).toEqual([`news-parse: ${join(disk, 'docs.jsonl')}: cannot write: no space left on device`]);
    expect(listFiles(disk)).toEqual([]);
  }, 120_000);

  it('-o FILE: the previous file stays whole, exit 2', async (ctx) => {
    needsDisk(ctx);
    const filler = join(disk, 'filler');
    writeFileSync(join(disk, 'page.json'), '{"previous":"complete"}\n');
    // Fill the disk but for ~2 KB, less than one document.
    const r0 = spawnSync('sh', ['-c', `dd if=/dev/zero of=${filler} bs=1k 2>/dev/null; truncate -s -2k ${filler}`]);
    expect(r0.error).toBeUndefined();
    const r = await runCli(['in/p00.txt', '-o', join(disk, 'page.json')], { cwd: base });
    expect(r.code).toBe(2);
    expect(stderrLines(r.stderr)).toEqual([`news-parse: ${join(disk, 'page.json')}: cannot write: no space left on device`]);
    expect(readFileSync(join(disk, 'page.json'), 'utf8')).toBe('{"previous":"complete"}\n');
    expect(listFiles(disk).sort()).toEqual(['filler', 'page.json']);
    rmSync(filler);
  }, 120_000);

  it('a lock made by exclusive create (no hard links) whose write fails leaves no empty lock behind', async (ctx) => {
    needsDisk(ctx);
    const filler = join(disk, 'filler');
    const r0 = spawnSync('sh', ['-c', `dd if=/dev/zero of=${filler} bs=1k 2>/dev/null; truncate -s -2k ${filler}`]);
    expect(r0.error).toBeUndefined();
    await expect(createExclusiveFile(join(disk, '.news-parse.lock'), 'x'.repeat(64 * 1024))).rejects.toMatchObject({ code: 'ENOSPC' });
    expect(existsSync(join(disk, '.news-parse.lock'))).toBe(false);
    rmSync(filler);
  });
});
