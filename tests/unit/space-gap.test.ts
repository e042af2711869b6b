/** hasSpaceGap stands in for /\S {n,}\S/ in the column splitters: it must answer as the regex does. */
import { describe, expect, it } from 'vitest';
import { hasSpaceGap } from '../../src/core/chars.js';

const UNITS = [' ', ' ', ' ', '\t', '\u3000', '\u00a0', '\ufeff', '中', '文', 'a', '1', '。', '\ud842\udfb7'];

describe('hasSpaceGap', () => {
  it('answers as /\\S {2,}\\S/ and /\\S {3,}\\S/ on strings of spaces, other white space, Han, Latin and surrogate pairs', () => {
    let seed = 12345;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
    let gaps = 0;
    for (let k = 0; k < 20000; k++) {
      let text = '';
      const len = next() % 12;
      for (let i = 0; i < len; i++) text += UNITS[next() % UNITS.length];
      for (const min of [2, 3]) {
        const want = new RegExp(`\\S {${min},}\\S`, 'u').test(text);
        if (want) gaps++;
        expect(hasSpaceGap(text, min), JSON.stringify(text)).toBe(want);
      }
    }
    expect(gaps).toBeGreaterThan(300);
  });

  it('finds a gap after a shorter run that is not one', () => {
    expect(hasSpaceGap('甲 乙   丙', 3)).toBe(true);
    expect(hasSpaceGap('   甲', 2)).toBe(false);
    expect(hasSpaceGap('甲\u3000  乙', 2)).toBe(false);
  });
});
