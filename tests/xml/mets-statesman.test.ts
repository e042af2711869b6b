/**
 * English METS/ALTO check (The Statesman, London, 17 Feb 1824, BL; see
 * /work/shared/data/bl-statesman-1824-alto/SOURCE.txt). Page 1 is read with
 * our ALTO reader and the core; our articles' blocks are compared with the
 * METS articles (word ranges mapped to ALTO TextBlocks). The core's rules are
 * Chinese-first, so only a loose, measured bound is asserted; the numbers are
 * printed. Skipped when the data is absent.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readAlto } from '../../src/io/read-alto.js';
import { descendants, parseXmlTree } from '../../src/io/xml-safety.js';
import { newsDocumentProblems } from '../../src/schema/validate.js';
import { convertFixture } from '../helpers/fixtures.js';

const DIR = '/work/shared/data/bl-statesman-1824-alto';
const PAGE = '0002647_18240217_0001.xml';
const present = existsSync(join(DIR, PAGE)) && existsSync(join(DIR, 'articles.json'));

interface MetsArticle {
  id: string;
  type: string;
  title: string | null;
  areas: { alto: string; begin: string; end: string }[];
}

describe.skipIf(!present)('Statesman 1824 page 1 (METS/ALTO, English)', () => {
  it('reads the page and agrees loosely with the METS article segmentation', async () => {
    const bytes = readFileSync(join(DIR, PAGE));
    const read = readAlto(bytes);
    expect(read.lines.length).toBeGreaterThan(400);
    expect(read.lines.some((l) => l.text.includes('COAL DUTIES'))).toBe(true);
    // English words keep their spaces
    expect(read.lines.some((l) => / the /u.test(l.text))).toBe(true);

    // word number → TextBlock id
    const tree = parseXmlTree(new TextDecoder().decode(bytes), 'ALTO');
    const blockOfWord = new Map<number, string>();
    for (const tb of descendants(tree, (e) => e.name === 'TextBlock')) {
      for (const s of descendants(tb, (e) => e.name === 'String')) {
        const m = /(\d+)$/u.exec(s.attrs.ID ?? '');
        if (m) blockOfWord.set(Number(m[1]), tb.attrs.ID!);
      }
    }
    const mets = (JSON.parse(readFileSync(join(DIR, 'articles.json'), 'utf8')) as MetsArticle[])
      .filter((a) => a.type === 'ARTICLE')
      .map((a) => {
        const blocks = new Set<string>();
        for (const area of a.areas.filter((x) => x.alto === PAGE)) {
          for (let w = Number(area.begin.slice(4)); w <= Number(area.end.slice(4)); w++) {
            const b = blockOfWord.get(w);
            if (b) blocks.add(b);
          }
        }
        return { id: a.id, title: a.title, blocks };
      })
      .filter((a) => a.blocks.size > 0);

    const doc = await convertFixture(join(DIR, PAGE), { inputFormat: 'alto' });
    expect(newsDocumentProblems(doc)).toEqual([]);
    const ours = doc.articles.map((a) => new Set(a.blocks ?? []));
    let agree = 0;
    for (const m of mets) {
      const best = Math.max(0, ...ours.map((o) => [...m.blocks].filter((b) => o.has(b)).length));
      if (best * 2 >= m.blocks.size) agree++;
    }
    const fraction = mets.length === 0 ? 0 : agree / mets.length;
    console.log(
      `statesman p1: ${read.lines.length} lines, METS articles ${mets.length}, ours ${doc.articles.length}, ` +
        `METS articles mostly inside one of ours: ${agree}/${mets.length} (${(fraction * 100).toFixed(0)}%)`,
    );
    expect(mets.length).toBeGreaterThanOrEqual(5);
    expect(fraction).toBeGreaterThanOrEqual(LOOSE_BOUND);
  });
});

/** Measured: 6/7 (86%), but with only 2 articles of ours on the page (the core merges English articles); raise it, and add a one-to-one check, when the core learns English pages. */
const LOOSE_BOUND = 0.5;
