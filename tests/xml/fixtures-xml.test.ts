/**
 * End to end (reader + core): the ALTO/hOCR fixture pages against their gold.
 * These pass once the core parses these pages well; the readers' own
 * behaviour is covered by readers.test.ts. Also: the fixture inputs' reading
 * order (a reader-only check that must always pass).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readAlto } from '../../src/io/read-alto.js';
import { readHocr } from '../../src/io/read-hocr.js';
import { newsDocumentProblems } from '../../src/schema/validate.js';
import { compareWithGold, FIXTURES, convertFixture } from '../helpers/fixtures.js';

const CASES = [
  { name: 'alto-two-columns', input: 'input.xml', format: 'alto' },
  { name: 'hocr-two-columns', input: 'input.hocr', format: 'hocr' },
] as const;

describe('XML fixture pages: reader output', () => {
  for (const c of CASES) {
    it(`${c.name}: lines come in column order`, () => {
      const bytes = readFileSync(join(FIXTURES, c.name, c.input));
      const read = (c.format === 'alto' ? readAlto : readHocr)(bytes);
      const texts = read.lines.map((l) => l.text);
      expect(texts[0]).toBe('河畔公园新建步道开放');
      // column 1 ends, then the sign-off at the top of column 2, then the second article
      const signoff = texts.findIndex((t) => t.includes('城东区园林所'));
      expect(texts[signoff - 1]).toBe('序。');
      expect(texts[signoff + 1]).toBe('社区图书室延长开放时');
      expect(read.lines[0]!.hint!.large).toBe(true);
      expect(read.lines.filter((l) => l.hint!.large).map((l) => l.text)).toEqual(['河畔公园新建步道开放', '社区图书室延长开放时', '间']);
    });
  }
});

describe('XML fixture pages: end to end against gold (needs the core)', () => {
  for (const c of CASES) {
    it(`${c.name}: e2e matches expected.json`, async () => {
      const path = join(FIXTURES, c.name, c.input);
      const doc = await convertFixture(path);
      expect(newsDocumentProblems(doc)).toEqual([]);
      expect(doc.source.format).toBe(c.format);
      expect(doc.articles.every((a) => a.blocks && a.blocks.length > 0 && a.bbox)).toBe(true);
      const gold = JSON.parse(readFileSync(join(FIXTURES, c.name, 'expected.json'), 'utf8'));
      expect(compareWithGold(doc, gold)).toEqual([]);
    });
  }
});
