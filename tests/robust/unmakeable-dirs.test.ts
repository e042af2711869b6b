/**
 * Issue 14 (review): `--out-dir /proc/x` hung for ever inside Node's recursive
 * mkdir — procfs answers ENOENT for a new entry, Node makes the parent (EEXIST)
 * and tries the child again, round and round. Every directory news-parse makes
 * now goes through makeDirs, which fails with one line instead.
 */
import { existsSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeDirs } from '../../src/batch/make-dirs.js';
import { run } from '../../src/cli/run.js';
import { memoryIO } from '../helpers/io.js';
import { tempDir, writePage, pageText } from '../batch/helpers.js';

/** procfs is there (Linux): a directory that exists and takes no new entries. */
const procfs = existsSync('/proc/self/status');

describe('making output directories', () => {
  it.runIf(procfs)('a directory under /proc fails at once, saying its parent takes none', () => {
    expect(() => makeDirs('/proc/news-parse-test')).toThrow('/proc does not take new directories');
    expect(() => makeDirs('/proc/news-parse-test/a/b')).toThrow('/proc does not take new directories');
  });

  it('makes missing parents, accepts one that exists, and names a file in the way', () => {
    const dir = tempDir('make-dirs');
    makeDirs(join(dir, 'a', 'b', 'c'));
    makeDirs(join(dir, 'a', 'b', 'c'));
    expect(existsSync(join(dir, 'a', 'b', 'c'))).toBe(true);
    writeFileSync(join(dir, 'f'), 'x');
    expect(() => makeDirs(join(dir, 'f'))).toThrow(expect.objectContaining({ code: 'ENOTDIR' }));
    expect(() => makeDirs(join(dir, 'f', 'g'))).toThrow(expect.objectContaining({ code: 'ENOTDIR' }));
    mkdirSync(join(dir, 'real'));
    symlinkSync(join(dir, 'real'), join(dir, 'link'));
    makeDirs(join(dir, 'link', 'x'));
    expect(existsSync(join(dir, 'real', 'x'))).toBe(true);
  });

  it.runIf(procfs)('--out-dir, --issue --out-dir and --review-dir under /proc: one line, exit 2', async () => {
    const dir = tempDir('proc-out');
    writePage(join(dir, 'in', 'p1.txt'), pageText(1));
    for (const [args, what] of [
      [['--out-dir', '/proc/x/out'], '/proc/x/out: cannot create the output directory: /proc does not take new directories'],
      [['--issue', '--out-dir', '/proc/x'], '/proc/x: cannot create the output directory: /proc does not take new directories'],
    ] as const) {
      const io = memoryIO({ cwd: dir });
      expect(await run([join(dir, 'in'), ...args, '-q'], io)).toBe(2);
      expect(io.err()).toBe(`news-parse: ${what}\n`);
    }
    const io = memoryIO({ cwd: dir });
    const code = await run([join(dir, 'in'), '--review-dir', '/proc/x', '-q'], io);
    expect(code).toBe(2);
    expect(io.err().trimEnd().split('\n')).toHaveLength(1);
    expect(io.err()).toMatch(/^news-parse: .*\/proc does not take new directories\n$/u);
  });
});
