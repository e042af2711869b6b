/**
 * The per-character tests that run for every line are written as code-unit
 * loops and tables for speed. Each must agree with the plain definition it
 * replaced (a regex, String.prototype.trim, for…of over code points) — checked
 * here over every BMP code unit, every code point, or many generated strings.
 */
import { describe, expect, it } from 'vitest';
import { CLOSERS, HAN, HAN_CLASS, TERMINAL, closesUnopened, displayWidth, endsInLeadInDash, leftOpen, endsSentence, escapeClass, isHanCodePoint, isSpaceCode, sentenceEndsNear, startsWithNoLineStart, NO_LINE_START } from '../../src/core/chars.js';
import { matchesAny } from '../../src/core/markers.js';
import { isPersonName } from '../../src/core/parse-byline.js';

/** Deterministic pseudo-random strings over an alphabet that exercises the edge cases. */
function* strings(count: number, alphabet: string[]): Generator<string> {
  let seed = 12345;
  const next = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff);
  for (let i = 0; i < count; i++) {
    let s = '';
    const len = next() % 9;
    for (let j = 0; j < len; j++) s += alphabet[next() % alphabet.length];
    yield s;
  }
}

const ALPHABET = ['中', '文', 'a', '1', ' ', '\u3000', '\t', '。', '！', '？', '!', '?', '…', '、', '，', '”', '」', '）', ')', '》', '\ud840\udc00', '\ud840', '\udc00', '·', 'ｱ', '＃'];

describe('code-unit character tests agree with their definitions', () => {
  it('isPersonName is the name pattern it replaced (Han runs joined by ·, astral characters, lone surrogates)', () => {
    const H = `[${HAN_CLASS}]`;
    const re = new RegExp(`^(?:${H}{2,4}|${H}{1,6}(?:·${H}{1,6}){1,3})$`, 'u');
    const alphabet = ['张', '三', '李', '\ud840\udc00', '\ud840', '·', '·', 'a', ' ', '〇'];
    const all = [...strings(40000, alphabet), ...strings(20000, ['张', '·']), '张三', '张三李四', '约翰·史密斯', '·张三', '张三·', '张·三·李·四', '张·三·李·四·五', '张三李四五六七', '张三李四五六·七'];
    expect(all.filter((s) => isPersonName(s) !== re.test(s))).toEqual([]);
    expect(all.filter((s) => re.test(s)).length).toBeGreaterThan(1000);
  });

  it('sentenceEndsNear is /^.{0,3}[。！？!?，、,]/u (line breaks, astral characters, lone surrogates)', () => {
    const re = /^.{0,3}[。！？!?，、,]/u;
    const alphabet = [...ALPHABET, ',', '\n', '\r', '\u2028', '\u2029'];
    const disagree = [...strings(20000, alphabet)].filter((s) => sentenceEndsNear(s) !== re.test(s));
    expect(disagree).toEqual([]);
  });

  it('isSpaceCode is \\s (and what trim removes) for every BMP code unit', () => {
    const disagree: string[] = [];
    for (let c = 0; c <= 0xffff; c++) {
      const ch = String.fromCharCode(c);
      if (isSpaceCode(c) !== /\s/u.test(ch) || isSpaceCode(c) !== (ch.trim() === '')) disagree.push(`U+${c.toString(16)}`);
    }
    expect(disagree).toEqual([]);
  });

  it('isHanCodePoint is the HAN class for every code point', () => {
    const disagree: string[] = [];
    for (let cp = 0; cp <= 0x10ffff; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      if (isHanCodePoint(cp) !== HAN.test(String.fromCodePoint(cp))) disagree.push(`U+${cp.toString(16)}`);
    }
    expect(disagree).toEqual([]);
  });

  it('startsWithNoLineStart is "first code unit is one of NO_LINE_START"', () => {
    for (const s of strings(2000, ALPHABET)) expect(startsWithNoLineStart(s), JSON.stringify(s)).toBe(s !== '' && NO_LINE_START.includes(s[0]!));
  });

  it('endsSentence is the trailing-punctuation regex after trimEnd', () => {
    const closers = `[${escapeClass(CLOSERS)}]*`;
    const terminal = new RegExp(`[${TERMINAL}]${closers}$|……${closers}$`, 'u');
    const pause = new RegExp(`、${closers}$`, 'u');
    for (const s of strings(5000, ALPHABET)) {
      const t = s.trimEnd();
      expect(endsSentence(s), JSON.stringify(s)).toBe(terminal.test(t));
      expect(endsSentence(s, true), JSON.stringify(s)).toBe(terminal.test(t) || pause.test(t));
    }
  });

  it('displayWidth counts code points: CJK and full-width 1, narrow 0.5, · 1', () => {
    const reference = (text: string) => {
      let w = 0;
      for (const ch of text) {
        const cp = ch.codePointAt(0)!;
        w += cp < 0x1100 || (cp >= 0xff61 && cp <= 0xffdc) ? (cp === 0xb7 ? 1 : 0.5) : 1;
      }
      return w;
    };
    for (const s of strings(5000, ALPHABET)) expect(displayWidth(s), JSON.stringify(s)).toBe(reference(s));
  });
});

describe('matchesAny', () => {
  it('answers as "some pattern matches", combined or not', () => {
    const plain = [/^本报讯/u, /^【[^】]+】/u, /电$/u];
    // A back-reference cannot be combined (its group number would change): tried one by one.
    const withBackref = [/^(ab)\1$/u, /^x/u];
    for (const s of ['本报讯 今天', '【明報專訊】', '新华社电', '今天', 'abab', 'ab', 'xyz', '']) {
      expect(matchesAny(plain, s), s).toBe(plain.some((p) => p.test(s)));
      expect(matchesAny(withBackref, s), s).toBe(withBackref.some((p) => p.test(s)));
    }
  });
});

describe('bracket pairs (OPENERS[k] closes with CLOSERS[k])', () => {
  it('leftOpen gives the closer of the last bracket left open', () => {
    expect(leftOpen('新區「要建得像遊樂')).toBe('」');
    expect(leftOpen('「甲（乙')).toBe('）');
    expect(leftOpen('「甲（乙）')).toBe('」');
    expect(leftOpen('（甲）「乙」')).toBeNull();
  });
  it('closesUnopened finds a closer with no opener before it, in order', () => {
    expect(closesUnopened('者王明）')).toBe(true);
    expect(closesUnopened('」甲「')).toBe(true);
    expect(closesUnopened('（記者 王明）')).toBe(false);
    expect(closesUnopened('「甲（乙）」')).toBe(false);
    expect(closesUnopened('「甲）')).toBe(true);
  });
  it('endsInLeadInDash: two em dashes at the end, spaces after them allowed', () => {
    expect(endsInLeadInDash('某镇党委书记王五——')).toBe(true);
    expect(endsInLeadInDash('某镇党委书记王五—— ')).toBe(true);
    expect(endsInLeadInDash('某镇党委书记王五—')).toBe(false);
    expect(endsInLeadInDash('——某镇')).toBe(false);
  });
});
