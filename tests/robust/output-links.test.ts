/**
 * Issue 14 (review), item 2: `-o FILE` where FILE is a dangling symbolic link
 * replaced the link with a plain file (the atomic write renamed over it), and
 * `--jsonl FILE` replaced any link. Decided: a write goes where the shell's `>`
 * would put it — through the links to the file at the end, created when the
 * link dangles, the link kept — still atomically (temporary beside the target,
 * renamed); a target whose directory is missing, or a loop, is one line, exit 2.
 */
import { spawn, spawnSync } from 'node:child_process';
import { lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';
import { memoryIO } from '../helpers/io.js';
import { pageText, tempDir, writePage } from '../batch/helpers.js';

function setUp(name: string): string {
  const dir = tempDir(name);
  writePage(join(dir, 'in', 'p1.txt'), pageText(1));
  mkdirSync(join(dir, 'real'));
  return dir;
}

describe('writing through symbolic links', () => {
  it('-o a dangling link: the target is created, the link stays a link', async () => {
    const dir = setUp('o-dangling');
    symlinkSync('real/page.json', join(dir, 'page.json')); // relative, as `ln -s` is mostly used
    const io = memoryIO({ cwd: dir });
    expect(await run([join(dir, 'in', 'p1.txt'), '-o', join(dir, 'page.json')], io)).toBe(0);
    expect(io.err()).toBe('');
    expect(lstatSync(join(dir, 'page.json')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(dir, 'page.json'))).toBe('real/page.json');
    expect(JSON.parse(readFileSync(join(dir, 'real', 'page.json'), 'utf8')).source.path).toBe(join(dir, 'in', 'p1.txt'));
    expect(readdirSync(join(dir, 'real'))).toEqual(['page.json']); // no temporary left
  });

  it('-o a chain of links, one relative to a linked directory: the file at the end is replaced', async () => {
    const dir = setUp('o-chain');
    mkdirSync(join(dir, 'real', 'sub'));
    symlinkSync(join(dir, 'real', 'sub'), join(dir, 'sublink'));
    symlinkSync('../target.json', join(dir, 'real', 'sub', 'hop.json')); // `..` of the real directory: real/target.json
    symlinkSync(join(dir, 'sublink', 'hop.json'), join(dir, 'out.json'));
    expect(await run([join(dir, 'in', 'p1.txt'), '-o', join(dir, 'out.json')], memoryIO({ cwd: dir }))).toBe(0);
    expect(lstatSync(join(dir, 'out.json')).isSymbolicLink()).toBe(true);
    expect(lstatSync(join(dir, 'real', 'sub', 'hop.json')).isSymbolicLink()).toBe(true);
    expect(JSON.parse(readFileSync(join(dir, 'real', 'target.json'), 'utf8')).articles).toBeDefined();
  });

  it('--jsonl a dangling link: written through, the link kept', async () => {
    const dir = setUp('jsonl-dangling');
    symlinkSync(join(dir, 'real', 'docs.jsonl'), join(dir, 'docs.jsonl'));
    expect(await run([join(dir, 'in'), '--jsonl', join(dir, 'docs.jsonl'), '-q'], memoryIO({ cwd: dir }))).toBe(0);
    expect(lstatSync(join(dir, 'docs.jsonl')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'real', 'docs.jsonl'), 'utf8').trimEnd().split('\n')).toHaveLength(1);
    expect(readdirSync(join(dir, 'real'))).toEqual(['docs.jsonl']);
  });

  it('a link into a missing directory, or a loop: one line, exit 2, the link untouched', async () => {
    const dir = setUp('o-bad');
    symlinkSync(join(dir, 'nowhere', 'page.json'), join(dir, 'page.json'));
    let io = memoryIO({ cwd: dir });
    expect(await run([join(dir, 'in', 'p1.txt'), '-o', join(dir, 'page.json')], io)).toBe(2);
    expect(io.err()).toBe(`news-parse: ${join(dir, 'page.json')}: cannot write: no such file\n`);
    expect(readlinkSync(join(dir, 'page.json'))).toBe(join(dir, 'nowhere', 'page.json'));
    symlinkSync('loop-b', join(dir, 'loop-a'));
    symlinkSync('loop-a', join(dir, 'loop-b'));
    io = memoryIO({ cwd: dir });
    expect(await run([join(dir, 'in', 'p1.txt'), '-o', join(dir, 'loop-a')], io)).toBe(2);
    expect(io.err()).toBe(`news-parse: ${join(dir, 'loop-a')}: cannot write: too many symbolic links\n`);
    io = memoryIO({ cwd: dir });
    expect(await run([join(dir, 'in'), '--jsonl', join(dir, 'loop-a'), '-q'], io)).toBe(2);
    expect(io.err()).toMatch(/loop-a.*too many symbolic links\n$/u);
    expect(readlinkSync(join(dir, 'loop-a'))).toBe('loop-b');
  });
});

describe('--jsonl into a FIFO or device', () => {
  it('is written into it, not renamed over it (as root the rename replaced /dev/null with a file)', async () => {
    const dir = setUp('jsonl-fifo');
    const fifo = join(dir, 'docs.fifo');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const reader = spawn('cat', [fifo]);
    let got = '';
    reader.stdout.on('data', (d: Buffer) => (got += d.toString('utf8')));
    const ended = new Promise<void>((resolve) => reader.on('close', () => resolve()));
    expect(await run([join(dir, 'in'), '--jsonl', fifo, '-q'], memoryIO({ cwd: dir }))).toBe(0);
    await ended;
    expect(lstatSync(fifo).isFIFO()).toBe(true);
    expect(JSON.parse(got.trim()).source.path).toBe(join(dir, 'in', 'p1.txt'));
    expect(readdirSync(dir).sort()).toEqual(['docs.fifo', 'in', 'real']);
  });
});

describe('-o /dev/stdout and --jsonl /dev/stdout with stdout a pipe', () => {
  // /dev/stdout is then /proc/self/fd/1, whose link text (pipe:[N]) is no path: walking it by readlink said
  // "cannot write: no such file", exit 2.
  const bin = join(__dirname, '..', '..', 'bin', 'news-parse.js');
  it.each([['-o'], ['--jsonl']])('%s /dev/stdout writes the document down the pipe', (flag) => {
    const dir = setUp(`stdout-pipe${flag}`);
    // Through sh and cat: a shell's pipe is a FIFO (Node's own child pipes are sockets, which /dev/stdout cannot open).
    const r = spawnSync('sh', ['-c', '"$0" "$1" "$2" "$3" /dev/stdout | cat', process.execPath, bin, join(dir, 'in', 'p1.txt'), flag], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    expect(r.stderr).not.toMatch(/cannot write/u);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).source.path).toBe(join(dir, 'in', 'p1.txt'));
  });
});
