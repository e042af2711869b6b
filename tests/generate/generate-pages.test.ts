/**
 * The page generator's pure part (scripts/generate-pages: stories, gold, plain
 * text): deterministic from its seed, gold valid and printed as stated. The
 * Chromium/poppler/Tesseract steps are not run here (they need the tools and
 * seconds per page); corpus/generated/ holds their output.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { goldProblems } from '../../src/eval/gold.js';
// @ts-expect-error plain ES modules without types
import { convertPage, FAMILIES, goldOf, makePage } from '../../scripts/generate-pages/stories.mjs';
// @ts-expect-error plain ES modules without types
import { pageText } from '../../scripts/generate-pages/render.mjs';

type Gold = { page: { number: string }; articles: { kind: string; headline: string; paragraphs: { text: string }[] }[] };
const squash = (s: string) => s.replace(/\s+/gu, '');
const families = Object.keys(FAMILIES as object);

describe('generate-pages', () => {
  it('makes the same page from the same seed, and another from another seed', () => {
    for (const family of families) {
      expect(makePage(11, family, 'hans')).toEqual(makePage(11, family, 'hans'));
      expect(goldOf(makePage(11, family, 'hans'))).not.toEqual(goldOf(makePage(12, family, 'hans')));
    }
  });

  it('writes gold that validates and is printed in the plain text, in reading order', () => {
    for (const family of families) {
      for (let seed = 1; seed <= 5; seed++) {
        const page = makePage(seed, family, 'hans');
        const gold = goldOf(page) as Gold;
        expect(goldProblems(gold), `${family} ${seed}`).toEqual([]);
        const text = squash(pageText(page));
        let from = 0;
        for (const a of gold.articles) {
          for (const part of [a.headline, ...a.paragraphs.map((p) => p.text)]) {
            const at = text.indexOf(squash(part), from);
            expect(at, `${family} ${seed}: ${part.slice(0, 12)}`).toBeGreaterThanOrEqual(0);
            from = at;
          }
        }
      }
    }
  });

  it('makes headlines of words their body repeats', () => {
    let shared = 0;
    let total = 0;
    for (let seed = 1; seed <= 5; seed++) {
      for (const a of (goldOf(makePage(seed, 'tabloid', 'hans')) as Gold).articles) {
        if (a.kind !== 'article') continue;
        const body = a.paragraphs.map((p) => p.text).join('');
        const head = [...squash(a.headline)];
        for (let i = 0; i + 1 < head.length; i++, total++) if (body.includes(head[i]! + head[i + 1]!)) shared++;
      }
    }
    expect(shared / total).toBeGreaterThan(0.7);
  });

  it('converts traditional pages as a whole, gold and print alike', async () => {
    const { Converter } = await import('opencc-js/cn2t');
    const page = convertPage(makePage(3, 'tabloid', 'hant'), Converter({ from: 'cn', to: 'tw' }));
    const gold = JSON.stringify(goldOf(page));
    expect(gold).not.toMatch(/[报记这们发]/u);
    expect(squash(pageText(page))).toContain(squash((goldOf(page) as Gold).articles[0]!.paragraphs[0]!.text));
  });

  it('eval-corpus skips a corpus that is not there and exits 0', () => {
    const r = spawnSync(process.execPath, ['scripts/eval-corpus.mjs', 'no/such/corpus'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('skipped: no/such/corpus not present\n');
  });
});
