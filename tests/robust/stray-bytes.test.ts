/**
 * Issue 14 item 6: a few stray bytes in an otherwise UTF-8 page are read as
 * U+FFFD, each recorded as an `invalid-bytes` repair on its line with a
 * warning giving the byte offsets — for a file, for `--encoding utf-8` and
 * for a `--stdin-jsonl` record alike; only what is not text is refused.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';
import { accountCharacters } from '../../src/core/accounting.js';
import { decodeBytes, MAX_INVALID_UTF8_SHARE, scanUtf8, textBeforeRepairs } from '../../src/core/decode.js';
import type { NewsDocument } from '../../src/core/model.js';
import { parseBytes } from '../../src/index.js';
import { memoryIO } from '../helpers/io.js';

const dir = mkdtempSync(join(tmpdir(), 'np-stray-'));
const seed = readFileSync('fixtures/seed-community-p02/input.txt');

/** The seed page with `stray` inserted at the start of line `line` (1-based); returns the bytes and the insertion offset. */
function withStray(line: number, stray: number[]): { bytes: Uint8Array; offset: number } {
  let offset = 0;
  for (let n = 1; n < line; n++) offset = seed.indexOf(0x0a, offset) + 1;
  return { bytes: Buffer.concat([seed.subarray(0, offset), Buffer.from(stray), seed.subarray(offset)]), offset };
}

function invalidRepairs(doc: NewsDocument) {
  return doc.repairs.filter((r) => r.kind === 'invalid-bytes');
}

describe('stray bytes in UTF-8 text', () => {
  it('a page with one stray byte is read: U+FFFD, a repair on its line, a warning with the byte offset', async () => {
    const { bytes, offset } = withStray(40, [0xff]);
    const file = join(dir, 'one-stray.txt');
    writeFileSync(file, bytes);
    const io = memoryIO();
    expect(await run([file, '--json'], io)).toBe(0);
    expect(io.err()).toBe('');
    const doc = JSON.parse(io.out()) as NewsDocument;
    expect(doc.source.encoding).toBe('utf-8');
    expect(invalidRepairs(doc)).toEqual([{ kind: 'invalid-bytes', lines: [40, 40], before: '\\xFF', after: '\uFFFD' }]);
    const warning = doc.warnings.find((w) => w.code === 'INVALID_BYTES_REPLACED')!;
    expect(warning).toMatchObject({ severity: 'warning', lines: [40, 40], args: { runs: 1, bytes: 1, offsets: String(offset) } });
    expect(warning.message).toContain(`byte offset ${offset}`);
  });

  it('--encoding utf-8 follows the same rule', async () => {
    const file = join(dir, 'forced.txt');
    writeFileSync(file, withStray(12, [0xc3]).bytes);
    const io = memoryIO();
    expect(await run([file, '--json', '--encoding', 'utf-8'], io)).toBe(0);
    const doc = JSON.parse(io.out()) as NewsDocument;
    expect(doc.source).toMatchObject({ encoding: 'utf-8', encodingDetected: false });
    expect(invalidRepairs(doc)).toEqual([{ kind: 'invalid-bytes', lines: [12, 12], before: '\\xC3', after: '\uFFFD' }]);
  });

  it('nothing is lost: the repair accounts for the bytes', () => {
    const bytes = withStray(30, [0xe4, 0xb8]).bytes; // a character cut short
    const decoded = decodeBytes(bytes);
    expect(decoded).toMatchObject({ ok: true, encoding: 'utf-8' });
    if (!decoded.ok) return;
    const doc = parseBytes(bytes);
    expect(invalidRepairs(doc)).toEqual([{ kind: 'invalid-bytes', lines: [30, 30], before: '\\xE4\\xB8', after: '\uFFFD' }]);
    const account = accountCharacters(textBeforeRepairs(decoded), doc);
    expect(account.missing + account.extra, account.missingSample + ' / ' + account.extraSample).toBe(0);
  });

  it('runs follow the WHATWG decoder (one U+FFFD per maximal invalid subpart)', () => {
    const bytes = Uint8Array.from([0x61, 0xe4, 0xb8, 0x41, 0xff, 0xf0, 0x9f, 0x98, 0x80, 0xed, 0xa0, 0x80]);
    const { runs } = scanUtf8(bytes);
    expect(runs).toEqual([{ start: 1, end: 3 }, { start: 4, end: 5 }, { start: 9, end: 10 }, { start: 10, end: 11 }, { start: 11, end: 12 }]);
    expect(new TextDecoder().decode(bytes).split('\uFFFD').length - 1).toBe(runs.length);
  });

  it('what is not text is still refused with one line and exit 2, and GB18030/Big5 are still told apart', async () => {
    // Random non-ASCII bytes: almost all invalid as UTF-8, far over the threshold.
    const noise = Uint8Array.from({ length: 4000 }, (_, i) => [0x80, 0x81][i % 2]!);
    const r = decodeBytes(noise);
    expect(r.ok).toBe(false);
    const file = join(dir, 'noise.txt');
    writeFileSync(file, noise);
    const io = memoryIO();
    expect(await run([file], io)).toBe(2);
    expect(io.err().trim().split('\n')).toHaveLength(1);
    expect(decodeBytes(readFileSync('fixtures/gb18030-photo-story/input.txt'))).toMatchObject({ ok: true, encoding: 'gb18030' });
    expect(decodeBytes(readFileSync('fixtures/big5-traditional-bylines/input.txt'))).toMatchObject({ ok: true, encoding: 'big5' });
    expect(MAX_INVALID_UTF8_SHARE).toBeLessThan(0.05);
  });

  it('a page with too many invalid bytes names the first offset', () => {
    const bytes = Buffer.concat([Buffer.from('本报讯 '), Buffer.alloc(200, 0xff)]);
    const r = decodeBytes(bytes, 'utf-8');
    expect(r).toMatchObject({ ok: false, reason: expect.stringMatching(/200 invalid bytes, the first at byte 10/) });
  });

  it('XML with a stray byte is not well-formed: one line with the offset', async () => {
    const alto = readFileSync('fixtures/alto-two-columns/input.xml');
    const at = alto.indexOf('CONTENT="') + 9;
    const file = join(dir, 'stray.alto.xml');
    writeFileSync(file, Buffer.concat([alto.subarray(0, at), Buffer.from([0xff]), alto.subarray(at)]));
    const io = memoryIO();
    expect(await run([file], io)).toBe(2);
    expect(io.err()).toMatch(new RegExp(`not well-formed: byte ${at} is not UTF-8`));
    expect(io.err().trim().split('\n')).toHaveLength(1);
  });
});

/** A CliIO whose standard input is these bytes (memoryIO's is a string). */
function bytesIO(stdin: Uint8Array) {
  const io = memoryIO();
  return {
    ...io,
    stdinStream: async function* () {
      yield stdin.subarray(0, 7); // split across chunks
      yield stdin.subarray(7);
    },
  };
}

describe('stray bytes in --stdin-jsonl', () => {
  it('a text record with a stray byte gets the repair and the warning (offset in standard input)', async () => {
    const first = Buffer.from('{"id":1,"text":"本报讯 第一行"}\n');
    const head = Buffer.from('{"id":"x\uFFFDy","text":"本报讯 第一行\\n第二');
    const input = Buffer.concat([first, head, Buffer.from([0xfe]), Buffer.from('行"}\n')]);
    const io = bytesIO(input);
    expect(await run(['--stdin-jsonl', '-j', '1', '-q'], io)).toBe(0);
    const out = io.out().trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(out).toHaveLength(2);
    expect(out[1].id).toBe('x\uFFFDy'); // a U+FFFD that was in the input stays, and is no repair
    const doc = out[1].document as NewsDocument;
    expect(invalidRepairs(doc)).toEqual([{ kind: 'invalid-bytes', lines: [2, 2], before: '\\xFE', after: '\uFFFD' }]);
    const offset = first.length + head.length;
    expect(doc.warnings.find((w) => w.code === 'INVALID_BYTES_REPLACED')).toMatchObject({ args: { offsets: String(offset) } });
    expect(JSON.stringify(doc)).toContain('第二\uFFFD行');
  });

  it('a path record whose file name is not UTF-8 opens that file', async () => {
    const name = Buffer.concat([Buffer.from(join(dir, 'p')), Buffer.from([0xb0, 0xe6]), Buffer.from('.txt')]);
    writeFileSync(name, '本报讯 记者从市里获悉。\n');
    const input = Buffer.concat([Buffer.from('{"id":7,"path":"'), name, Buffer.from('"}\n')]);
    const io = bytesIO(input);
    expect(await run(['--stdin-jsonl', '-j', '1', '-q'], io)).toBe(0);
    const out = JSON.parse(io.out());
    expect(out.error).toBeUndefined();
    expect(out.document.source.path).toBe(join(dir, 'p\uFFFD\uFFFD.txt'));
  });

  it('a line that is not UTF-8 text is answered with an error line', async () => {
    const input = Buffer.concat([Buffer.from('{"id":1,"text":"'), Buffer.alloc(100, 0xc0), Buffer.from('"}\n')]);
    const io = bytesIO(input);
    expect(await run(['--stdin-jsonl', '-j', '1', '-q'], io)).toBe(0);
    expect(JSON.parse(io.out())).toMatchObject({ id: 1, error: expect.stringMatching(/^line 1: bytes are not valid UTF-8 \(100 invalid bytes, the first at byte 16/) });
  });
});
