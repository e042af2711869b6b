/**
 * Issue 14 items 1 and 2: a full disk loses nothing silently. Every page is
 * written or reported (one line each, no stack trace), the manifest is written
 * or the run says it could not, no `*.tmp-<pid>` is left, and the exit code
 * says it (1 some pages failed, 2 the output itself could not be written).
 * In-process with a stand-in full disk (the write port, tests/helpers/full-disk.ts);
 * tests/batch/full-disk-tmpfs.test.ts does the same on a real, tiny tmpfs.
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ManifestWriter } from '../../src/batch/manifest.js';
import type { OutputOptions } from '../../src/batch/task.js';
import { useWritePort } from '../../src/batch/write-atomic.js';
import { run } from '../../src/cli/run.js';
import { fullDisk } from '../helpers/full-disk.js';
import { memoryIO } from '../helpers/io.js';
import { listFiles, pageText, tempDir, writePage } from './helpers.js';

const OPTIONS: OutputOptions = { encoding: null, keepSpacing: false, profile: null, convert: null, inputFormat: 'auto' };
const PAGES = 24;

let restore: (() => void) | null = null;
afterEach(() => {
  restore?.();
  restore = null;
});

function pages(dir: string, n = PAGES): string[] {
  const names: string[] = [];
  for (let i = 0; i < n; i++) {
    const name = `p${String(i).padStart(2, '0')}.txt`;
    writePage(join(dir, 'in', name), pageText(i));
    names.push(name);
  }
  return names;
}

function temporaries(dir: string): string[] {
  return existsSync(dir) ? listFiles(dir).filter((f) => /\.tmp-\d+$/u.test(f)) : [];
}

/** Every stderr line is one `news-parse: …` line, and none is a stack frame. */
function expectOneLineMessages(stderr: string): string[] {
  const lines = stderr.split('\n').filter((l) => l !== '');
  for (const l of lines) expect(l).toMatch(/^news-parse: /u);
  expect(stderr).not.toMatch(/^\s+at /mu);
  return lines;
}

/** The size of one page's output, to size the disk in pages. */
async function outputSize(dir: string): Promise<number> {
  const io = memoryIO({ cwd: dir });
  expect(await run([join(dir, 'in/p00.txt'), '--json'], io)).toBe(0);
  return Buffer.byteLength(JSON.stringify(JSON.parse(io.out()))) + 1;
}

describe('--out-dir on a full disk', () => {
  it('writes or reports every page, says the manifest could not be written, leaves no temporaries, exit 2', async () => {
    const dir = tempDir('full-outdir');
    const names = pages(dir);
    const disk = fullDisk({ budget: 8.5 * (await outputSize(dir)) });
    restore = useWritePort(disk);
    const io = memoryIO({ cwd: dir });
    const code = await run([join(dir, 'in'), '--out-dir', join(dir, 'out'), '-j', '1'], io);
    restore();
    restore = null;

    expect(code).toBe(2);
    const lines = expectOneLineMessages(io.err());
    const written = listFiles(join(dir, 'out')).filter((f) => f.endsWith('.txt.json'));
    expect(written.length).toBe(8);
    for (const f of written) expect(() => JSON.parse(readFileSync(join(dir, 'out', f), 'utf8'))).not.toThrow();
    for (const name of names) {
      const reported = lines.some((l) => l.startsWith(`news-parse: ${join(dir, 'in', name)}: cannot write `) && l.endsWith('no space left on device'));
      expect(written.includes(`${name}.json`) !== reported, name).toBe(true);
    }
    expect(lines.at(-1)).toMatch(/manifest\.json: cannot write: no space left on device: this run's 24 pages are not recorded/u);
    expect(temporaries(join(dir, 'out'))).toEqual([]);
  });

  it('lists a page that could not be written as failed in the manifest, exit 1', async () => {
    const dir = tempDir('full-one');
    pages(dir, 6);
    restore = useWritePort(fullDisk({ failsOn: (p) => p.includes('p03.txt.json') }));
    const io = memoryIO({ cwd: dir });
    expect(await run([join(dir, 'in'), '--out-dir', join(dir, 'out'), '-j', '1'], io)).toBe(1);
    expect(expectOneLineMessages(io.err())).toEqual([expect.stringMatching(/^news-parse: \S+\/in\/p03\.txt: cannot write .*p03\.txt\.json: no space left on device$/u), expect.stringMatching(/^news-parse: 6 pages: 5 converted/u)]);
    const m = JSON.parse(readFileSync(join(dir, 'out', 'manifest.json'), 'utf8'));
    expect(m.complete).toBe(true);
    expect(m.summary).toMatchObject({ pages: 6, converted: 5, failed: 1 });
    expect(m.failures).toEqual([{ path: join(dir, 'in/p03.txt'), reason: expect.stringContaining('no space left on device') }]);
    expect(temporaries(join(dir, 'out'))).toEqual([]);
  });

  it('goes on when a manifest write during the run fails, and writes it at the end', async () => {
    const out = tempDir('full-flush');
    let refuse = 1;
    restore = useWritePort(fullDisk({ failsOn: (p) => p.includes('manifest.json') && refuse-- > 0 }));
    const manifest = new ManifestWriter(out, OPTIONS, 1, 0);
    manifest.add(0, { path: 'p.txt', sha256: 'a'.repeat(64), output: 'p.txt.json', articles: 1, warnings: 0, status: 'converted' });
    const failed = await manifest.maybeFlush();
    expect((failed as NodeJS.ErrnoException).code).toBe('ENOSPC');
    expect(readdirSync(out)).toEqual([]); // no temporary left
    manifest.add(1, { path: 'q.txt', sha256: 'b'.repeat(64), output: 'q.txt.json', articles: 2, warnings: 0, status: 'converted' });
    expect(await manifest.finish(true)).toBeNull();
    expect(JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')).files).toHaveLength(2);
  });

  it('removes the previous manifest when the new one cannot be written, and tries again in the space freed', async () => {
    const out = tempDir('full-prev');
    writeFileSync(join(out, 'manifest.json'), '{"manifestVersion":1,"files":[]}\n');
    let refuse = 1;
    restore = useWritePort(fullDisk({ failsOn: (p) => p.includes('manifest.json') && refuse-- > 0 }));
    const manifest = new ManifestWriter(out, OPTIONS);
    manifest.add(0, { path: 'p.txt', sha256: 'a'.repeat(64), output: 'p.txt.json', articles: 1, warnings: 0, status: 'converted' });
    expect(await manifest.finish(true)).toBeNull();
    expect(JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')).files).toHaveLength(1);
  });
});

describe('--jsonl FILE on a full disk', () => {
  it('batch: one line naming FILE, exit 2, no FILE and no temporary', async () => {
    const dir = tempDir('full-jsonl');
    pages(dir);
    restore = useWritePort(fullDisk({ budget: 20_000 }));
    const io = memoryIO({ cwd: dir });
    expect(await run([join(dir, 'in'), '--jsonl', join(dir, 'docs.jsonl'), '-j', '1', '-q'], io)).toBe(2);
    expect(expectOneLineMessages(io.err())).toEqual([`news-parse: ${join(dir, 'docs.jsonl')}: cannot write: no space left on device`]);
    expect(readdirSync(dir).sort()).toEqual(['in']);
  });

  it('--stdin-jsonl: one line naming FILE, exit 2, no FILE and no temporary', async () => {
    const dir = tempDir('full-stdin');
    const records = Array.from({ length: PAGES }, (_, i) => JSON.stringify({ id: i, text: pageText(i) })).join('\n');
    restore = useWritePort(fullDisk({ budget: 20_000 }));
    const io = memoryIO({ cwd: dir, stdin: records + '\n' });
    expect(await run(['--stdin-jsonl', '--jsonl', join(dir, 'docs.jsonl'), '-j', '1'], io)).toBe(2);
    expect(expectOneLineMessages(io.err())).toEqual([`news-parse: ${join(dir, 'docs.jsonl')}: cannot write: no space left on device`]);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('still writes the whole file when there is room', async () => {
    const dir = tempDir('room-stdin');
    const records = Array.from({ length: PAGES }, (_, i) => JSON.stringify({ id: i, text: pageText(i) })).join('\n');
    const io = memoryIO({ cwd: dir, stdin: records + '\n' });
    expect(await run(['--stdin-jsonl', '--jsonl', join(dir, 'docs.jsonl'), '-j', '1'], io)).toBe(0);
    const lines = readFileSync(join(dir, 'docs.jsonl'), 'utf8').trimEnd().split('\n');
    expect(lines.map((l) => JSON.parse(l).id)).toEqual(Array.from({ length: PAGES }, (_, i) => i));
    expect(readdirSync(dir)).toEqual(['docs.jsonl']);
  });
});

describe('-o FILE on a full disk', () => {
  it('keeps the previous FILE whole (temp + rename), one line, exit 2, no temporary', async () => {
    const dir = tempDir('full-o');
    pages(dir, 1);
    const before = '{"previous":"complete"}\n';
    writeFileSync(join(dir, 'page.json'), before);
    restore = useWritePort(fullDisk({ budget: 1000 }));
    const io = memoryIO({ cwd: dir });
    expect(await run([join(dir, 'in/p00.txt'), '-o', join(dir, 'page.json')], io)).toBe(2);
    expect(expectOneLineMessages(io.err())).toEqual([`news-parse: ${join(dir, 'page.json')}: cannot write: no space left on device`]);
    expect(readFileSync(join(dir, 'page.json'), 'utf8')).toBe(before);
    expect(readdirSync(dir).sort()).toEqual(['in', 'page.json']);
  });

  it('writes through a device (-o /dev/null is not replaced by a file)', async () => {
    const dir = tempDir('o-dev');
    pages(dir, 1);
    const io = memoryIO({ cwd: dir });
    expect(await run([join(dir, 'in/p00.txt'), '-o', '/dev/null'], io)).toBe(0);
    expect(readdirSync('/dev').some((f) => f.startsWith('null.tmp-'))).toBe(false);
  });
});
