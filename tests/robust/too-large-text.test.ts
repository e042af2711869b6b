/**
 * A text page larger than V8's longest string (2^29 − 24 code units) made
 * TextDecoder throw, and the run ended as an internal error with a stack trace
 * (exit 3). Such a page is refused in one line now, exit 2 (README, Limits).
 */
import { closeSync, openSync, ftruncateSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';
import { decodeBytes, MAX_TEXT_BYTES } from '../../src/core/decode.js';
import { readTextLines, UnusableInputError } from '../../src/index.js';
import { memoryIO } from '../helpers/io.js';
import { tempDir } from '../batch/helpers.js';

const REASON = `536,870,889 bytes: more than the 536,870,888 one page of text can be (the longest string JavaScript holds); split it`;

describe('text larger than one string can hold', () => {
  it('is refused by the decoder with the reason, at one byte over', () => {
    expect(MAX_TEXT_BYTES).toBe(0x1fffffe8);
    // Zero-filled and untouched past the head: the pages are never made.
    const bytes = new Uint8Array(MAX_TEXT_BYTES + 1);
    bytes.set(new TextEncoder().encode('本报讯'));
    expect(decodeBytes(bytes)).toEqual({ ok: false, reason: REASON });
    expect(decodeBytes(bytes, 'utf-8')).toEqual({ ok: false, reason: REASON });
    expect(() => readTextLines(bytes)).toThrow(new UnusableInputError(REASON));
  });

  it('as a page on the command line: one line, exit 2', async () => {
    const dir = tempDir('too-large');
    const file = join(dir, 'huge.txt');
    const fd = openSync(file, 'w');
    writeSync(fd, '本报讯 社区新闻\n');
    ftruncateSync(fd, MAX_TEXT_BYTES + 1); // sparse: no disk used
    closeSync(fd);
    const io = memoryIO({ cwd: dir });
    expect(await run([file, '-o', join(dir, 'out.json')], io)).toBe(2);
    expect(io.err()).toBe(`news-parse: ${file}: ${REASON}\n`);
  }, 60_000);
});

describe('a --stdin-jsonl line longer than one string can hold', () => {
  it('is answered with an error line, its bytes not kept; the lines around it are read as usual', async () => {
    const { readLines, readRecords } = await import('../../src/batch/stdin-jsonl.js');
    const MAX = 1000; // the default is MAX_TEXT_BYTES; a small one keeps the test light
    const long = `{"id":2,"text":"${'字'.repeat(400)}"}`; // 1,218 bytes, in pieces across chunks
    const input = `{"id":1,"text":"本报讯"}\n${long}\n{"id":3,"text":"本报讯"}\n${long}`;
    const bytes = new TextEncoder().encode(input);
    async function* chunks() {
      for (let i = 0; i < bytes.length; i += 97) yield bytes.slice(i, i + 97);
    }
    const lines = [];
    for await (const l of readLines(chunks(), MAX)) lines.push(l);
    expect(lines.map((l) => [l.line, l.tooLong ?? l.text])).toEqual([
      [1, '{"id":1,"text":"本报讯"}'],
      [2, '1,218 bytes: more than the 1,000 one page of text can be (the longest string JavaScript holds); split it'],
      [3, '{"id":3,"text":"本报讯"}'],
      [4, '1,218 bytes: more than the 1,000 one page of text can be (the longest string JavaScript holds); split it'],
    ]);
    const records = [];
    for await (const r of readRecords((async function* () { yield* lines; })())) records.push(r);
    expect(records.map((r) => r.error ?? null)).toEqual([null, `line 2: ${lines[1]!.tooLong}`, null, `line 4: ${lines[3]!.tooLong}`]);
  });
});
