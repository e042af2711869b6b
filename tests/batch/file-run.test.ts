/** The parts of a batch over files (src/batch/file-run.ts), each alone: inputs, schedule, sinks, manifest, summary. */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as run from '../../src/batch/file-run.js';
import { ManifestWriter } from '../../src/batch/manifest.js';
import type { OutputOptions, PreviousEntry } from '../../src/batch/task.js';
import type { StopSignal } from '../../src/ports.js';
import { tempDir, writePage } from './helpers.js';

const OPTIONS: OutputOptions = { encoding: null, keepSpacing: false, profile: null, convert: null, inputFormat: 'auto' };
const page = (path: string, rel: string) => ({ path, rel, arg: 0 });

describe('inputs', () => {
  it('streams the pages of the arguments, a missing argument as a failed entry in its place', async () => {
    const dir = tempDir('inputs');
    writePage(join(dir, 'a.txt'), 'x\n');
    writePage(join(dir, 'notes.md'), 'x\n');
    const got = [];
    for await (const p of run.pagesOf([dir, join(dir, 'nope.txt')])) got.push(p);
    expect(got.map((p) => p.rel)).toEqual(['a.txt', 'nope.txt']);
    expect('missing' in got[1]!).toBe(true);
  });

  it('names the page extensions from the reader table', () => {
    expect(run.pageExtensions().split(', ')).toEqual(expect.arrayContaining(['.txt', '.xml', '.hocr', '.hocr.html']));
  });
});

describe('schedule', () => {
  it('gives each page its output name once, and never the manifest’s', () => {
    const names = new run.OutputNames('out');
    expect(names.claim(page('a/p.txt', 'p.txt'))).toEqual({ rel: 'p.txt.json' });
    expect(names.claim(page('b/p.txt', 'p.txt'))).toEqual({ reason: expect.stringContaining('already that of a/p.txt') });
    expect(names.claim(page('manifest', 'manifest'))).toEqual({ reason: expect.stringContaining('(the manifest)') });
  });

  it('makes a task with the output path and what the last run recorded, or a result when there is nothing to run', () => {
    const prev: PreviousEntry = { sha256: 'a'.repeat(64), articles: 2, warnings: 0 };
    const ctx = { outDir: 'out', names: new run.OutputNames('out'), previous: new Map([['p.txt.json', prev]]), force: false };
    const task = run.taskFor(page('in/p.txt', 'p.txt'), 4, ctx);
    expect(task).toEqual({ kind: 'file', seq: 4, path: 'in/p.txt', out: join('out', 'p.txt.json'), force: false, prev });
    const again = run.taskFor(page('other/p.txt', 'p.txt'), 5, ctx);
    expect(run.isTask(again)).toBe(false);
    expect(again).toMatchObject({ seq: 5, status: 'failed', internal: false });
    expect(run.taskFor({ ...page('gone', 'gone'), missing: 'no such file' }, 6, ctx)).toEqual({ seq: 6, status: 'failed', reason: 'no such file', internal: false });
    // --jsonl: no output file and no names to claim
    expect(run.taskFor(page('in/p.txt', 'p.txt'), 7, { outDir: null, names: null, previous: new Map(), force: true })).toMatchObject({ out: null, force: true, prev: null });
  });
});

describe('sinks', () => {
  it('creates the output directory and reads its manifest, unless --force', async () => {
    const out = join(tempDir('sinks'), 'deep', 'out');
    const made = await run.openOutputs({ outDir: out, jsonl: null, force: false }, OPTIONS, { stdout: { write: () => true } });
    expect(existsSync(out)).toBe(true);
    expect(made.jsonl).toBeNull();
    expect(existsSync(join(out, '.news-parse.lock'))).toBe(true);
    made.lock!.release();
    const w = new ManifestWriter(out, OPTIONS);
    w.add(0, { path: 'p.txt', sha256: 'b'.repeat(64), output: 'p.txt.json', articles: 1, warnings: 0, status: 'converted' });
    await w.flush(true);
    const again = await run.openOutputs({ outDir: out, jsonl: null, force: false }, OPTIONS, { stdout: { write: () => true } });
    expect([...again.previous.keys()]).toEqual(['p.txt.json']);
    again.lock!.release();
    const forced = await run.openOutputs({ outDir: out, jsonl: null, force: true }, OPTIONS, { stdout: { write: () => true } });
    expect(forced.previous.size).toBe(0);
    forced.lock!.release();
  });

  it('refuses an output directory that cannot be made, and writes JSON Lines to stdout for -', async () => {
    const file = join(tempDir('sinks2'), 'file');
    writeFileSync(file, 'x');
    await expect(run.openOutputs({ outDir: join(file, 'out'), jsonl: null, force: false }, OPTIONS, { stdout: { write: () => true } })).rejects.toBeInstanceOf(run.OutputError);
    let written = '';
    const { jsonl } = await run.openOutputs({ outDir: null, jsonl: '-', force: false }, OPTIONS, { stdout: { write: (s: string) => (written += s) } });
    await jsonl!.write('{"a":1}\n');
    expect(written).toBe('{"a":1}\n');
  });
});

describe('manifest', () => {
  it('records a converted page, a failed page and a missing argument', () => {
    const p = page('in/p.txt', 'p.txt');
    expect(run.entryFor(p, { seq: 0, status: 'converted', sha256: 'c'.repeat(64), articles: 3, warnings: 1 })).toEqual({
      path: 'in/p.txt',
      sha256: 'c'.repeat(64),
      output: 'p.txt.json',
      articles: 3,
      warnings: 1,
      status: 'converted',
    });
    expect(run.entryFor(p, { seq: 0, status: 'failed', reason: 'binary', internal: false })).toEqual({
      path: 'in/p.txt',
      sha256: null,
      output: 'p.txt.json',
      articles: 0,
      warnings: 0,
      status: 'failed',
      reason: 'binary',
    });
    expect(run.entryFor({ ...p, missing: 'no such file' }, { seq: 0, status: 'failed', reason: 'no such file', internal: false }).output).toBe('');
  });

  it('writes the manifest so far (complete: false) on a stop signal, then exits 130', () => {
    const out = tempDir('stop');
    const manifest = new ManifestWriter(out, OPTIONS);
    manifest.add(0, { path: 'p.txt', sha256: 'd'.repeat(64), output: 'p.txt.json', articles: 1, warnings: 0, status: 'converted' });
    let handler: ((s: StopSignal) => void) | null = null;
    let stopped = false;
    let cleared = false;
    const io = {
      onStopSignal: (h: (s: StopSignal) => void) => {
        handler = h;
        return () => {
          stopped = true;
        };
      },
      exit: (code: number): never => {
        throw new Error(`exit ${code}`);
      },
    };
    const stop = run.saveOnStop(io, manifest, out, () => (cleared = true));
    expect(() => handler!('SIGINT')).toThrow('exit 130');
    expect(cleared).toBe(true);
    const written = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(written.complete).toBe(false);
    expect(written.files).toHaveLength(1);
    stop();
    expect(stopped).toBe(true);
  });
});

describe('summary', () => {
  it('exits 0 when none failed, 1 when some, 2 when all, 3 on our bug', () => {
    expect(run.exitCodeOf({ pages: 3, failed: 0 }, false)).toBe(0);
    expect(run.exitCodeOf({ pages: 3, failed: 1 }, false)).toBe(1);
    expect(run.exitCodeOf({ pages: 3, failed: 3 }, false)).toBe(2);
    expect(run.exitCodeOf({ pages: 3, failed: 1 }, true)).toBe(3);
  });

  it('says what was done in one line', () => {
    const line = run.summaryLine({ pages: 2000, converted: 1990, skipped: 5, failed: 5, articles: 8123, warnings: 320 }, 12_300, 2);
    expect(line).toBe('news-parse: 2000 pages: 1990 converted, 5 skipped, 5 failed; 8123 articles, 320 warnings; 12.3 s (162.6 pages/s, 2 workers)\n');
    expect(run.summaryLine({ pages: 1, converted: 1, skipped: 0, failed: 0, articles: 1, warnings: 0 }, 0, 1)).toContain('1 page: ');
  });
});
