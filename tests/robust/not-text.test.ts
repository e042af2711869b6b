/** Issue 14 item 19: a file that is not text is named for what it is, with what to do instead (exit 2). */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';
import { memoryIO } from '../helpers/io.js';

const dir = mkdtempSync(join(tmpdir(), 'np-nottext-'));

describe('files that are not text', () => {
  it.each([
    ['report.docx', [0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0xff, 0xfe, 0x80], /ZIP archive \(a \.docx/],
    ['report.doc', [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0xff, 0x80], /OLE document \(\.doc/],
    ['scan.png', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0xff, 0x80], /PNG image: OCR it first/],
    ['scan.jpg', [0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x80], /JPEG image/],
    ['page.txt.gz', [0x1f, 0x8b, 0x08, 0x00, 0xff, 0x80], /gzip-compressed/],
  ])('%s', async (name, bytes, why) => {
    const file = join(dir, name);
    writeFileSync(file, Uint8Array.from(bytes));
    const io = memoryIO();
    expect(await run([file], io)).toBe(2);
    expect(io.err()).toMatch(why);
    expect(io.err().trim().split('\n')).toHaveLength(1);
  });
});
