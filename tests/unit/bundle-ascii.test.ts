/**
 * The CLI's bundle is made pure ASCII (scripts/bundle-ascii.mjs) so that Node reads it fast: the rewritten
 * regex literals and String.raw templates must mean what they meant, and the built files must hold no
 * other byte (else the saving is silently gone).
 */
import { transformSync } from 'esbuild';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { asciiBundle } from '../../scripts/bundle-ascii.mjs';
import { ensureBuilt, ROOT } from '../batch/helpers.js';

/** What a script's `module.exports` is, run as a function of `module`. */
function evaluate(code: string): unknown {
  const module = { exports: undefined as unknown };
  new Function('module', code)(module);
  return module.exports;
}

describe('bundle-ascii', () => {
  const cases: string[] = [
    String.raw`module.exports = /[０-９]+/u.exec('ab１２c')[0];`,
    String.raw`module.exports = [/^本[报報]讯/u.test('本報讯 x'), /^本[报報]讯/u.test('本报訊')];`,
    String.raw`module.exports = [/\中/.test('中'), /a\中b/.test('a中b')];`, // an identity escape (no u flag)
    String.raw`module.exports = [/𠀀+/.test('𠀀\udc00'), /^[𠀀]$/.test('\ud840'), /^[𠀀]$/u.test('𠀀'), /^.$/u.test('𠀀')];`,
    String.raw`module.exports = /[一-龥]{2}/iu.exec('xx中文x')[0];`,
    String.raw`const h = '\\u4e00-\\u9fff'; module.exports = [String.raw` + '`[${h}]「」\\d`' + String.raw`, new RegExp(String.raw` + '`^[${h}]+「`' + String.raw`, 'u').test('中文「')];`,
    String.raw`module.exports = String.raw` + '`中${String.raw`文${1 + 1}`}字`' + ';', // a template inside a substitution
    String.raw`module.exports = [/「(.+?)」/gu[Symbol.replace]('「甲」「乙」', '<$1>'), /[^，。]/u.source.length > 0];`,
  ];
  for (const code of cases) {
    it(`means the same: ${code.slice(17, 80)}`, () => {
      // As the build does: esbuild escapes what it can (strings, plain templates), asciiBundle the rest.
      const ascii = asciiBundle(transformSync(code, { minifyWhitespace: true }).code);
      expect(ascii).toMatch(/^[\x00-\x7f]*$/u);
      expect(evaluate(ascii)).toEqual(evaluate(code));
    });
  }

  it('refuses a non-ASCII character it cannot rewrite', () => {
    expect(() => asciiBundle('module.exports = 1; /*! 版权 */')).toThrow(/non-ASCII character/u);
  });

  describe('the built bundle', () => {
    beforeAll(() => ensureBuilt(), 180_000);
    for (const file of ['run.js', 'worker.js']) {
      it(`dist/bundle/${file} is pure ASCII`, () => {
        const bytes = readFileSync(join(ROOT, 'dist', 'bundle', file));
        expect(bytes.findIndex((b) => b > 0x7f)).toBe(-1);
      });
    }
  });
});
