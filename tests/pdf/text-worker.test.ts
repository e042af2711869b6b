import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { GLYPH_PROGRAM_LOOP, textWorkerSource } from '../../src/io/pdfjs-text-worker.js';

describe('the pdf.js worker without Type 3 glyph programs (src/io/pdfjs-text-worker.ts)', () => {
  it('finds the loop it cuts, once, in the installed pdfjs-dist (else PDF pages are read at the old cost)', () => {
    expect(textWorkerSource()).not.toBeNull();
  });

  it('changes that loop and nothing else', () => {
    const original = readFileSync(createRequire(import.meta.url).resolve('pdfjs-dist/legacy/build/pdf.worker.mjs'), 'utf8');
    const cut = textWorkerSource()!;
    const at = original.indexOf(GLYPH_PROGRAM_LOOP);
    expect(cut.slice(0, at)).toBe(original.slice(0, at));
    const rest = original.slice(at + GLYPH_PROGRAM_LOOP.length);
    expect(cut.endsWith(rest)).toBe(true);
    expect(cut.slice(at, cut.length - rest.length)).toMatch(/^for \(const key of \(charProcs\.getKeys\(\), \[\]\)\) \{$/u);
  });
});
