/**
 * Measured on ../shared/data/dev-pages (copyrighted: read only when present,
 * skipped otherwise; nothing of it is kept): on the plain-text renderings,
 * every printed page date is read (no DATE_UNREADABLE), every page number has
 * a sortable value, no two articles' own line ranges overlap, and every CNA
 * dateline that names a reporter gives the byline; and on every text rendering
 * (plain, pdftotext, -layout, Tesseract) no input character is lost.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeBytes, parseBytes } from '../../src/index.js';
import { accountCharacters } from '../../src/core/accounting.js';

const DIR = join(import.meta.dirname, '..', '..', '..', 'shared', 'data', 'dev-pages');
const present = existsSync(DIR);

describe.skipIf(!present)('dev pages (plain text): dates, page numbers, ranges, wire reporters', () => {
  it('hold on all 100 text renderings', () => {
    const files = readdirSync(DIR).filter((f) => f.endsWith('-text.txt'));
    expect(files.length).toBeGreaterThanOrEqual(100);
    let dated = 0;
    let cna = 0;
    for (const f of files) {
      const doc = parseBytes(readFileSync(join(DIR, f)), { path: f });
      expect(doc.warnings.filter((w) => w.code === 'DATE_UNREADABLE'), f).toEqual([]);
      if (doc.page.date?.iso) dated++;
      if (doc.page.number !== null) expect(doc.page.numberValue, `${f} ${doc.page.number}`).not.toBeNull();
      const ranges = doc.articles.flatMap((a) => a.ranges!.map((r) => ({ id: a.id, r })));
      for (const x of ranges) for (const y of ranges) if (x.id < y.id) expect(x.r[0] <= y.r[1] && y.r[0] <= x.r[1], `${f} ${x.id} ${y.id}`).toBe(false);
      for (const a of doc.articles) {
        if (!a.dateline || !/中央社記者|中央社记者/u.test(a.dateline)) continue;
        cna++;
        expect(a.byline?.names.length ?? 0, `${f} ${a.id}`).toBeGreaterThan(0);
      }
    }
    // 89 of the 100 pages print a date (2026-12-01); 3 CNA datelines name their reporter.
    expect(dated).toBeGreaterThanOrEqual(89);
    expect(cna).toBeGreaterThanOrEqual(3);
  });

  // The eval counted 14 lost characters on one real page that no fixture showed (rejoin-intertitles): every
  // text rendering is checked here, not only the fixtures and the generated pages of tests/lossless.
  it('lose no character on any text rendering', () => {
    const files = readdirSync(DIR).filter((f) => /-(?:text|pdf|layout|ocr)\.txt$/u.test(f));
    expect(files.length).toBeGreaterThanOrEqual(300);
    for (const f of files) {
      const decoded = decodeBytes(readFileSync(join(DIR, f)));
      if (!decoded.ok) throw new Error(`${f}: not decoded`);
      const doc = parseBytes(readFileSync(join(DIR, f)), { path: f });
      const account = accountCharacters(decoded.text, doc);
      expect(account, `${f}: missing "${account.missingSample}"`).toMatchObject({ missing: 0, extra: 0 });
    }
  });
});
