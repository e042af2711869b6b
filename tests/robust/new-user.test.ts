/**
 * Issue 14 item 22 (rest): what a new user types. `-q`/`--force` with one
 * file do not change its output; `news-parse help` is help; `news-parse <
 * page.txt` reads the page, and with nothing to read says so in one line.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';
import { memoryIO } from '../helpers/io.js';

const PAGE = 'fixtures/seed-community-p02/input.txt';

describe('a new user', () => {
  it('-q and --force on one file keep the same indented JSON', async () => {
    const plain = memoryIO();
    expect(await run([PAGE], plain)).toBe(0);
    expect(plain.out().startsWith('{\n  "schemaVersion": 1,')).toBe(true);
    for (const flag of ['-q', '--force', '--quiet']) {
      const io = memoryIO();
      expect(await run([PAGE, flag], io)).toBe(0);
      expect(io.out(), flag).toBe(plain.out());
    }
  });

  it('news-parse help shows the help, and help eval the eval help', async () => {
    const io = memoryIO();
    expect(await run(['help'], io)).toBe(0);
    expect(io.out()).toMatch(/^Usage: news-parse \[options\] \[command\] \[inputs\.\.\.\]/);
    expect(io.err()).toBe('');
    const ev = memoryIO();
    expect(await run(['help', 'eval'], ev)).toBe(0);
    expect(ev.out()).toMatch(/^Usage: news-parse eval \[options\] <inputs\.\.\.>/);
  });

  it('news-parse < page.txt reads standard input', async () => {
    const io = { ...memoryIO({ stdin: readFileSync(PAGE, 'utf8') }), stdinIsTTY: () => false };
    const named = memoryIO();
    await run([PAGE], named);
    expect(await run([], io)).toBe(0);
    const doc = JSON.parse(io.out());
    expect(doc.source.path).toBeNull();
    expect(doc.articles.length).toBe(JSON.parse(named.out()).articles.length);
  });

  it('with no input on a terminal: one line saying what to do, exit 2', async () => {
    const io = { ...memoryIO(), stdinIsTTY: () => true };
    expect(await run([], io)).toBe(2);
    const lines = io.err().trim().split('\n');
    expect(lines).toEqual(['news-parse: no input given: name a page file (news-parse page.txt), give - to read standard input, or see news-parse --help']);
  });
});
