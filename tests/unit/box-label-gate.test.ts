/**
 * isBoxLabel gates BOX_LABEL by length and by the word's last character, so that the pattern is never compiled
 * on a page without such a line. The gate repeats what the pattern says: these tests fail when a word is added
 * to BOX_LABEL that the gate would turn away.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BOX_LABEL, isBoxLabel } from '../../src/core/markers.js';

/** Every word BOX_LABEL's alternatives spell, each character class taken one character at a time. */
function wordsOf(re: RegExp): string[] {
  const inner = /\(\?:(.*)\)/u.exec(re.source)![1]!;
  const expand = (alt: string): string[] => {
    const m = /\[([^\]]+)\]/u.exec(alt);
    if (!m) return [alt];
    return [...m[1]!].flatMap((c) => expand(alt.slice(0, m.index) + c + alt.slice(m.index + m[0].length)));
  };
  return inner.split('|').flatMap(expand);
}

describe('isBoxLabel', () => {
  const words = wordsOf(BOX_LABEL);

  it('says yes to every word BOX_LABEL spells, with or without its mark and colon', () => {
    expect(words.length).toBeGreaterThanOrEqual(12);
    for (const w of words) for (const mark of ['', '■']) for (const colon of ['', '：', ':']) {
      const text = mark + w + colon;
      expect(BOX_LABEL.test(text), text).toBe(true);
      expect(isBoxLabel(text), text).toBe(true);
    }
  });

  it('answers as BOX_LABEL does on every line of the fixture inputs', () => {
    const root = join(import.meta.dirname, '..', '..', 'fixtures');
    let lines = 0;
    for (const dir of readdirSync(root)) {
      let text: string;
      try {
        text = readFileSync(join(root, dir, 'input.txt'), 'utf8');
      } catch {
        continue;
      }
      for (const line of text.split('\n')) {
        lines++;
        expect(isBoxLabel(line), line).toBe(BOX_LABEL.test(line));
      }
    }
    expect(lines).toBeGreaterThan(1000);
  });
});
