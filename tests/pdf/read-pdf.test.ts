/**
 * PDF input end to end on the committed PDFs of scripts/make-pdf-fixtures.mjs
 * (fixtures/pdf-*, tests/data/pdf/): fake bold undone by position, radicals
 * folded, one document per page with its index and size, and every bad PDF
 * one line and exit 2. No poppler or Chromium needed.
 */
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';
import { convertFile } from '../../src/convert/convert-page.js';
import { defaultSettings } from '../../src/convert/settings.js';
import type { NewsDocument } from '../../src/core/model.js';
import { parsePageSelection, pdfProblem, readPdfPages } from '../../src/io/read-pdf.js';
import { accountCharacters } from '../../src/core/accounting.js';
import { foldLookalikes, foldRadicals } from '../../src/core/cjk-radicals.js';
import { newsDocumentProblems } from '../../src/schema/validate.js';
import { memoryIO } from '../helpers/io.js';

const ROOT = join(import.meta.dirname, '..', '..');
const DATA = join(ROOT, 'tests', 'data', 'pdf');

async function documents(path: string, pages: string | null = null): Promise<NewsDocument[]> {
  const bytes = new Uint8Array(readFileSync(path));
  const out: NewsDocument[] = [];
  for await (const r of convertFile({ path, bytes }, { ...defaultSettings(ROOT), pages })) {
    if (!r.document) throw new Error(r.failure.reason);
    out.push(r.document);
  }
  return out;
}

async function cli(args: string[]) {
  const io = memoryIO({ cwd: ROOT });
  const code = await run(args, io);
  return { code, out: io.out(), err: io.err() };
}

describe('fake bold by position', () => {
  it('reads each doubled or tripled headline glyph once and records the copies', async () => {
    const [doc] = await documents(join(ROOT, 'fixtures/pdf-fake-bold-glyphs/input.pdf'));
    expect(newsDocumentProblems(doc!)).toEqual([]);
    const fake = doc!.repairs.filter((r) => r.kind === 'fake-bold');
    // Hand-checked: the first headline drawn twice per glyph, the second three times.
    expect(fake.map((r) => [r.before, r.after])).toEqual([
      ['老老街街坊坊办办起起读读书书角角', '老街坊办起读书角'],
      ['雨雨雨后后后河河河道道道清清清理理理完完完毕毕毕', '雨后河道清理完毕'],
    ]);
    expect(doc!.articles.map((a) => a.headline)).toContain('雨后河道清理完毕');
    expect(doc!.source).toMatchObject({ format: 'pdf', pageIndex: 1, pageCount: 1, pageSize: { width: 420, height: 380, unit: 'pt' } });
    // Boxes in points on the 420 × 380 page.
    const box = doc!.articles[1]!.bbox!;
    expect(box[0]).toBeCloseTo(30, 0);
    expect(box[2]).toBeLessThanOrEqual(420);
  });
});

describe('nothing lost from the text layer', () => {
  for (const rel of ['fixtures/pdf-fake-bold-glyphs/input.pdf', 'fixtures/pdf-kangxi-radicals/input.pdf', 'fixtures/pdf-vertical-columns/input.pdf', 'tests/data/pdf/three-pages.pdf']) {
    it(rel, async () => {
      const path = join(ROOT, rel);
      const docs = await documents(path);
      let n = 0;
      for await (const page of readPdfPages(new Uint8Array(readFileSync(path)))) {
        if ('failure' in page) throw new Error(page.failure);
        // Every glyph drawn, copies included: a fake-bold line's text layer is its repair's `before`.
        const layer = page.layout.blocks
          .flatMap((b) => b.lines.map((l) => l.repairs?.[0]?.before ?? l.words.map((w) => w.text).join('')))
          .join('\n');
        const account = accountCharacters(layer, docs[n++]!);
        expect(account, `missing "${account.missingSample}", extra "${account.extraSample}"`).toMatchObject({ missing: 0, extra: 0 });
      }
      expect(n).toBe(docs.length);
    });
  }
});

describe('radicals in the text layer', () => {
  it('folds ⼈ ⺠ ⼤ ⽉ ⼗ ⽇ to 人 民 大 月 十 日, one cjk-radical repair per line', async () => {
    const [doc] = await documents(join(ROOT, 'fixtures/pdf-kangxi-radicals/input.pdf'));
    const folds = doc!.repairs.filter((r) => r.kind === 'cjk-radical');
    expect(folds).toHaveLength(3);
    expect(folds[0]).toMatchObject({ before: '⼈⺠公园⼤草坪重新开放', after: '人民公园大草坪重新开放' });
    expect(JSON.stringify(doc!.articles)).not.toMatch(/[\u2e80-\u2fdf]/u);
  });

  it('uses NFKC for Kangxi radicals, the font-derived table for the supplement, and 户 for ⼾ on simplified pages', () => {
    expect(foldRadicals('⼈⺠⻑⻓⺀')).toBe('人民長长⺀');
    expect(foldRadicals('⼾')).toBe('戶');
    expect(foldRadicals('⼾', true)).toBe('户');
  });

  it('puts glyph-sharing lookalikes back to full-width punctuation (∕ → ／, 〜 → ～), leaving ASCII / and ~ alone', () => {
    expect(foldLookalikes('【記者甲∕台北報導】3〜5日 a/b ~')).toBe('【記者甲／台北報導】3～5日 a/b ~');
  });
});

describe('vertical writing', () => {
  it('reads glyphs set top to bottom as column lines, right to left, with a warning that counts them', async () => {
    const [doc] = await documents(join(ROOT, 'fixtures/pdf-vertical-columns/input.pdf'));
    // 7 headline glyphs and 89 of the body, in 1 + 5 columns.
    expect(doc!.warnings.filter((w) => w.code === 'PDF_VERTICAL_TEXT').map((w) => w.message)).toEqual([
      '96 glyphs on this PDF page are set top to bottom (vertical writing): read as 6 column lines, right to left, by the text rules only (the layout analysis reads horizontal text); check its articles',
    ]);
    expect(doc!.articles.map((a) => a.headline)).toEqual(['古城墙修缮完工']);
    expect(doc!.repairs.filter((r) => r.kind === 'cjk-lookalike')).toHaveLength(4);
    expect(JSON.stringify(doc!.articles)).not.toMatch(/[\ufe10-\ufe19]/u);
  });

  it('finds no vertical writing on the horizontal fixture pages', async () => {
    for (const rel of ['fixtures/pdf-fake-bold-glyphs/input.pdf', 'fixtures/pdf-modular-headline-stacks/input.pdf']) {
      const [doc] = await documents(join(ROOT, rel));
      expect(doc!.warnings.map((w) => w.code)).not.toContain('PDF_VERTICAL_TEXT');
    }
  });
});

describe('pages', () => {
  const three = join(DATA, 'three-pages.pdf');

  it('gives one document per page, with its index; a page without text gets a warning', async () => {
    const docs = await documents(three);
    expect(docs.map((d) => [d.source.pageIndex, d.source.pageCount])).toEqual([[1, 3], [2, 3], [3, 3]]);
    expect(docs.map((d) => d.articles[0]?.headline ?? null)).toEqual(['图书馆延长开放时间', '菜市场完成改造', null]);
    expect(docs[2]!.warnings.map((w) => w.code)).toContain('PDF_PAGE_WITHOUT_TEXT');
    expect(new Set(docs.map((d) => d.source.sha256)).size).toBe(1);
  });

  it('reads the pages --pages selects, in the order given', async () => {
    expect((await documents(three, '2')).map((d) => d.source.pageIndex)).toEqual([2]);
    expect((await documents(three, '2-,1')).map((d) => d.source.pageIndex)).toEqual([2, 3, 1]);
  });

  it('parses page selections and refuses pages the file does not have', () => {
    expect(parsePageSelection('1-3,7', 9)).toEqual([1, 2, 3, 7]);
    expect(parsePageSelection(undefined, 2)).toEqual([1, 2]);
    expect(() => parsePageSelection('4', 3)).toThrow(/has 3 pages/u);
    expect(() => parsePageSelection('2-1', 3)).toThrow(/bad page range/u);
    expect(() => parsePageSelection('x', 3)).toThrow(/bad page selection/u);
  });

  it('prints JSON Lines, one document per page, from the CLI', async () => {
    const r = await cli([three, '--json', '--pages', '1-2']);
    expect(r.code).toBe(0);
    const lines = r.out.trim().split('\n');
    expect(lines.map((l) => (JSON.parse(l) as NewsDocument).source.pageIndex)).toEqual([1, 2]);
  });

  it('writes each page of a PDF in a batch as OUT/<name>.pdf/pNNN.json', async () => {
    const out = mkdtempSync(join(tmpdir(), 'np-pdf-batch-'));
    const r = await cli([DATA, '--out-dir', out, '-j', '1', '-q']);
    // The bad PDFs beside it fail (exit 1 for a partial batch); the good one is split into pages.
    expect(r.code).toBe(1);
    expect(readdirSync(join(out, 'three-pages.pdf')).sort()).toEqual(['p001.json', 'p002.json', 'p003.json']);
    const p2 = JSON.parse(readFileSync(join(out, 'three-pages.pdf', 'p002.json'), 'utf8')) as NewsDocument;
    expect(p2.source.pageIndex).toBe(2);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as { failures: { path: string; reason: string }[] };
    expect(manifest.failures.map((f) => f.path.split('/').pop()).sort()).toEqual(['encrypted.pdf', 'image-only.pdf', 'not-a-pdf.pdf', 'truncated.pdf']);
  });
});

describe('bad PDFs: one line, exit 2', () => {
  const cases: [string, RegExp][] = [
    ['image-only.pdf', /no text layer .*run OCR first/u],
    ['encrypted.pdf', /encrypted PDF/u],
    ['truncated.pdf', /truncated PDF/u],
    ['not-a-pdf.pdf', /not a PDF/u],
  ];
  for (const [name, reason] of cases) {
    it(name, async () => {
      const r = await cli([join(DATA, name), '--json']);
      expect(r.code).toBe(2);
      expect(r.out).toBe('');
      expect(r.err.trim().split('\n')).toHaveLength(1);
      expect(r.err).toMatch(/^news-parse: .*: /u);
      expect(r.err).toMatch(reason);
      expect(r.err).not.toMatch(/\n\s+at /u);
    });
  }

  it('a page beyond the file is a usage error', async () => {
    const r = await cli([join(DATA, 'three-pages.pdf'), '--pages', '5']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/page 5 asked for, but the PDF has 3 pages/u);
  });

  it('checks the header and the end before pdf.js loads', () => {
    expect(pdfProblem(new TextEncoder().encode('hello'))).toMatch(/not a PDF/u);
    expect(pdfProblem(new TextEncoder().encode('%PDF-1.4\n1 0 obj'))).toMatch(/truncated/u);
    expect(pdfProblem(new TextEncoder().encode('%PDF-1.4\n%%EOF\n'))).toBeUndefined();
  });
});
