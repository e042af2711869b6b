/** The batch pieces that need no worker: input collection and globs, the scheduler, the progress line, the manifest text. */
import { mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectInputs, splitGlob } from '../../src/batch/collect-inputs.js';
import { schedule } from '../../src/batch/schedule.js';
import { Progress, renderBar, formatDuration } from '../../src/batch/progress.js';
import { serializeManifest, ManifestWriter } from '../../src/batch/manifest.js';
import { readLines } from '../../src/batch/stdin-jsonl.js';
import { defaultJobs, PAGES_PER_WORKER } from '../../src/cli/command-batch.js';
import { tempDir, writePage } from './helpers.js';

async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

describe('collectInputs', () => {
  it('walks directories in sorted path order, follows links once, keeps argument order', async () => {
    const dir = tempDir('collect');
    for (const rel of ['a.txt', 'a/b.txt', 'a-b.txt', 'B.txt', 'a/c/d.xml', 'a/x.md', 'e.hocr.html', 'f.html']) writePage(join(dir, 'r', rel), 'x\n');
    writePage(join(dir, 'solo.md'), 'x\n');
    symlinkSync(join(dir, 'r', 'a'), join(dir, 'r', 'link')); // a symlinked directory
    symlinkSync(join(dir, 'r'), join(dir, 'r', 'a', 'c', 'loop')); // a loop
    mkdirSync(join(dir, 'r', 'z.txt'));
    const got = await collect(collectInputs([join(dir, 'solo.md'), join(dir, 'r'), join(dir, 'missing.txt')]));
    expect(got.map((p) => p.rel)).toEqual([
      'solo.md',
      'B.txt',
      'a-b.txt',
      'a.txt',
      'a/b.txt',
      'a/c/d.xml',
      'e.hocr.html',
      'missing.txt',
    ]);
    expect(got.at(-1)).toMatchObject({ missing: 'no such file' });
    expect(got[1]!.path).toBe(join(dir, 'r', 'B.txt'));
  });

  it('expands * and ** globs relative to their fixed prefix', async () => {
    const dir = tempDir('glob');
    for (const rel of ['2020/01/p1.txt', '2020/01/p2.xml', '2020/02/p1.txt', '2021/01/p1.txt', 'notes.txt']) writePage(join(dir, rel), 'x\n');
    const rels = async (pattern: string) => (await collect(collectInputs([join(dir, pattern)]))).map((p) => p.rel);
    expect(await rels('2020/**/*.txt')).toEqual(['01/p1.txt', '02/p1.txt']);
    expect(await rels('*/01/*')).toEqual(['2020/01/p1.txt', '2020/01/p2.xml', '2021/01/p1.txt']);
    expect(await rels('202?')).toEqual(['2020/01/p1.txt', '2020/01/p2.xml', '2020/02/p1.txt', '2021/01/p1.txt']);
    expect(await rels('**/p1.txt')).toEqual(['2020/01/p1.txt', '2020/02/p1.txt', '2021/01/p1.txt']);
    expect(await rels('nothing/*.txt')).toEqual([]);
  });

  it('splits globs at their first wildcard', () => {
    expect(splitGlob('data/2020/*/p*.txt')).toEqual({ base: 'data/2020', pattern: '*/p*.txt' });
    expect(splitGlob('*.txt')).toEqual({ base: '.', pattern: '*.txt' });
    expect(splitGlob('/srv/x/**')).toEqual({ base: '/srv/x', pattern: '**' });
  });
});

describe('schedule', () => {
  async function* numbers(n: number, pulled: number[]) {
    for (let i = 0; i < n; i++) {
      pulled.push(i);
      yield i;
    }
  }
  const delay = (i: number) => new Promise<number>((r) => setTimeout(() => r(i * 10), (i * 37) % 11));

  it('emits in input order with a bounded window when ordered', async () => {
    const pulled: number[] = [];
    const emitted: number[] = [];
    let maxAhead = 0;
    await schedule(
      numbers(100, pulled),
      (i) => delay(i),
      (i, r) => {
        expect(r).toBe(i * 10);
        emitted.push(i);
      },
      { window: 5, ordered: true },
    );
    expect(emitted).toEqual([...Array(100).keys()]);
    expect(pulled).toHaveLength(100);
    // the source is pulled lazily: never more than `window` ahead of what was emitted
    const check = async () => {
      const p: number[] = [];
      const e: number[] = [];
      await schedule(numbers(50, p), delay, (i) => {
        maxAhead = Math.max(maxAhead, p.length - e.length);
        e.push(i);
      }, { window: 4, ordered: true });
    };
    await check();
    expect(maxAhead).toBeLessThanOrEqual(4);
  });

  it('emits everything unordered, and stops on an emit error', async () => {
    const emitted: number[] = [];
    await schedule(numbers(30, []), delay, (i) => void emitted.push(i), { window: 6, ordered: false });
    expect(emitted.sort((a, b) => a - b)).toEqual([...Array(30).keys()]);
    await expect(
      schedule(numbers(30, []), delay, (i) => {
        if (i === 7) throw new Error('boom');
      }, { window: 3, ordered: true }),
    ).rejects.toThrow('boom');
  });
});

describe('progress', () => {
  it('renders done/total, rate and ETA within the width', () => {
    expect(renderBar(50, 200, 10_000, 80)).toBe('[#######-----------------------] 50/200  25%  5.0 pages/s  ETA 0:30');
    expect(renderBar(3, null, 1000, 80)).toMatch(/^\[-+\] 3\/\?  3\.0 pages\/s$/);
    expect(renderBar(1, 10, 1000, 20).length).toBeLessThan(20);
    expect(formatDuration(3725)).toBe('1:02:05');
  });

  it('redraws in place at most every 100 ms and prints notes above the bar', () => {
    let t = 0;
    const chunks: string[] = [];
    const p = new Progress({ write: (s: string) => chunks.push(s), isTTY: true, columns: 80 }, true, () => t);
    p.setTotal(10);
    for (let i = 0; i < 5; i++) p.tick(); // same instant: no redraw
    expect(chunks).toHaveLength(1);
    t = 150;
    p.tick();
    expect(chunks).toHaveLength(2);
    expect(chunks[1]).toMatch(/^\r\[.*\] 6\/10 .*\x1b\[K$/);
    p.note('news-parse: x.txt: no such file');
    expect(chunks.slice(2, 4)).toEqual(['\r\x1b[K', 'news-parse: x.txt: no such file\n']);
    p.clear();
    expect(chunks.at(-1)).toBe('\r\x1b[K');
    const quiet: string[] = [];
    const q = new Progress({ write: (s: string) => quiet.push(s) }, false);
    q.setTotal(3);
    q.tick();
    q.note('a');
    expect(quiet).toEqual(['a\n']);
  });
});

describe('manifest text and stdin lines', () => {
  it('puts one file entry per line and parses back', () => {
    const w = new ManifestWriter('/nonexistent', { encoding: null, keepSpacing: false, profile: null, convert: null, inputFormat: 'auto' });
    w.add(1, { path: 'b.txt', sha256: 'b'.repeat(64), output: 'b.txt.json', articles: 2, warnings: 1, status: 'converted' });
    w.add(0, { path: 'a.txt', sha256: null, output: 'a.txt.json', articles: 0, warnings: 0, status: 'failed', reason: 'no such file' });
    const text = serializeManifest(w.build(true));
    const m = JSON.parse(text);
    expect(m.files.map((f: { path: string }) => f.path)).toEqual(['a.txt', 'b.txt']);
    expect(m.failures).toEqual([{ path: 'a.txt', reason: 'no such file' }]);
    expect(m.summary).toMatchObject({ pages: 2, converted: 1, failed: 1, articles: 2, warnings: 1 });
    expect(text.split('\n').filter((l) => l.startsWith('    {"path"'))).toHaveLength(2);
  });

  it('splits a byte stream into lines across chunk and character boundaries', async () => {
    const bytes = Buffer.from('{"a":"中文"}\r\n\nsecond\nthird', 'utf8');
    async function* chunks() {
      for (let i = 0; i < bytes.length; i += 3) yield bytes.subarray(i, i + 3);
    }
    expect((await collect(readLines(chunks()))).map((l) => [l.line, l.text])).toEqual([[1, '{"a":"中文"}'], [2, ''], [3, 'second'], [4, 'third']]);
  });
});

describe('default --jobs', () => {
  it('starts a worker only for every PAGES_PER_WORKER pages, within the CPUs', () => {
    expect(defaultJobs(0, 8)).toBe(1);
    expect(defaultJobs(24, 8)).toBe(1);
    expect(defaultJobs(2 * PAGES_PER_WORKER - 1, 8)).toBe(1);
    expect(defaultJobs(2 * PAGES_PER_WORKER, 8)).toBe(2);
    expect(defaultJobs(100 * PAGES_PER_WORKER, 8)).toBe(8);
    expect(defaultJobs(100 * PAGES_PER_WORKER, 1)).toBe(1);
  });
});
