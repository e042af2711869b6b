/**
 * Issue 14 item 10 (memory): batch --out-dir writes a large page's JSON in pieces, never as one string (a 50 MB
 * page's compact JSON is ~155 MB as a string, and the line joined with its newline and its UTF-8 bytes as much
 * again). Structural: what the write port is handed, through a recording port; not a measurement of memory.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { useWritePort } from '../../src/batch/write-atomic.js';
import { run } from '../../src/cli/run.js';
import { nodeWritePort, type WritePort } from '../../src/ports.js';
import { PIECES_FROM_BYTES } from '../../src/report/json-pieces.js';
import { memoryIO } from '../helpers/io.js';
import { pageText, tempDir, writePage } from './helpers.js';

let restore: (() => void) | null = null;
afterEach(() => {
  restore?.();
  restore = null;
});

/** The real disk, noting for each blocking write whether it was handed one string (or bytes) or pieces. */
function recordingPort(): WritePort & { whole: Map<string, boolean> } {
  const whole = new Map<string, boolean>();
  return {
    ...nodeWritePort,
    whole,
    writeFileSync(path, data) {
      whole.set(path, typeof data === 'string' || data instanceof Uint8Array);
      nodeWritePort.writeFileSync(path, data);
    },
  };
}

describe('batch --out-dir and a large page', () => {
  it('hands the write port a large page’s JSON in pieces, an ordinary page’s whole; both files are the compact JSON', async () => {
    const dir = tempDir('large-pieces');
    const page = pageText('small', 'seed-community-p02');
    const copies = Math.ceil((PIECES_FROM_BYTES * 1.05) / Buffer.byteLength(page));
    writePage(join(dir, 'in', 'large.txt'), Array.from({ length: copies }, () => page).join('\n'));
    writePage(join(dir, 'in', 'small.txt'), page);
    const port = recordingPort();
    restore = useWritePort(port);
    const io = memoryIO({ cwd: dir });
    expect(await run([join(dir, 'in'), '--out-dir', join(dir, 'out'), '-j', '1', '-q'], io)).toBe(0);
    const handed = (name: string) => [...port.whole].find(([path]) => path.includes(`${name}.txt.json.tmp-`))?.[1];
    expect(handed('large')).toBe(false);
    expect(handed('small')).toBe(true);
    for (const name of ['large', 'small']) {
      const text = readFileSync(join(dir, 'out', `${name}.txt.json`), 'utf8');
      expect(text).toBe(JSON.stringify(JSON.parse(text)) + '\n');
    }
    const large = JSON.parse(readFileSync(join(dir, 'out', 'large.txt.json'), 'utf8'));
    expect(large.source.bytes).toBeGreaterThan(PIECES_FROM_BYTES);
    expect(large.articles.length).toBeGreaterThan(copies);
  });
});
