import { describe, expect, it } from 'vitest';
import { binaryReason, decodeBytes } from '../../src/core/decode.js';
import { splitLines } from '../../src/core/split-lines.js';

const text = '本報訊 記者今日從市政府獲悉，新建的圖書館將於下月開放。';

describe('decoding', () => {
  it('detects UTF-8 with and without BOM', () => {
    const plain = new TextEncoder().encode(text);
    expect(decodeBytes(plain)).toMatchObject({ ok: true, encoding: 'utf-8', bom: false, text });
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...plain]);
    expect(decodeBytes(bom)).toMatchObject({ ok: true, encoding: 'utf-8', bom: true });
  });
  it('decodes UTF-16 with a BOM', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    expect(decodeBytes(le)).toMatchObject({ ok: true, encoding: 'utf-16le', text });
    const be = Buffer.from(le);
    be.swap16();
    expect(decodeBytes(be)).toMatchObject({ ok: true, encoding: 'utf-16be', text });
  });
  it('tells Big5 from GB18030 (bytes from the committed fixtures)', async () => {
    const { readFileSync } = await import('node:fs');
    const big5 = decodeBytes(readFileSync('fixtures/big5-traditional-bylines/input.txt'));
    expect(big5).toMatchObject({ ok: true, encoding: 'big5' });
    const gb = decodeBytes(readFileSync('fixtures/gb18030-photo-story/input.txt'));
    expect(gb).toMatchObject({ ok: true, encoding: 'gb18030' });
  });
  it('--encoding overrides detection and refuses bytes that do not decode', () => {
    expect(decodeBytes(new TextEncoder().encode(text), 'utf-8')).toMatchObject({ ok: true, detected: false });
    expect(decodeBytes(new Uint8Array([0xff, 0xfe, 0xfd]), 'utf-8')).toMatchObject({ ok: false });
    expect(decodeBytes(new Uint8Array([0x41]), 'klingon')).toMatchObject({ ok: false });
  });
  it('flags binary data', () => {
    expect(binaryReason('abc\u0000def')).toMatch(/binary/);
    expect(binaryReason(text)).toBeNull();
  });
  it('accepts LF, CRLF and CR line ends and keeps line numbers', () => {
    expect(splitLines('a\r\nb\rc\nd')).toEqual({
      lines: [{ n: 1, text: 'a' }, { n: 2, text: 'b' }, { n: 3, text: 'c' }, { n: 4, text: 'd' }],
      lineEnding: 'mixed',
    });
    expect(splitLines('a\r\nb\r\n').lineEnding).toBe('crlf');
  });
});
