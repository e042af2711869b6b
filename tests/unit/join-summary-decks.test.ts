/**
 * join-summary-decks: a deck over its report is the report's first
 * paragraph; every character of the report's opener stays in the text, the
 * reporter bracket of a bare dateline on the next line too (it was lost once).
 */
import { describe, expect, it } from 'vitest';
import { parse } from '../../src/index.js';
import { accountCharacters } from '../../src/core/accounting.js';

const HEAD = ['社区食堂年内覆盖全部街道', '今年底前，全市每个街道都将建', '成至少一家社区食堂，老年人就餐', '可享受政府发放的每餐三元补贴'];
const REPORT = ['记者从市民政局获悉：今年全市将新建', '社区食堂六十家，年底前实现街道全覆', '盖，老年人就餐可享受补贴。'];

describe('join-summary-decks', () => {
  it('keeps a bare dateline and the reporter bracket under it in the text of the joined report', () => {
    const page = [...HEAD, '本报南京2月21日电', '（记者孙立）' + REPORT[0], ...REPORT.slice(1)].join('\n');
    const doc = parse(page);
    expect(doc.articles).toHaveLength(1);
    expect(accountCharacters(page, doc)).toMatchObject({ missing: 0, extra: 0 });
    expect(doc.articles[0]!.paragraphs[1]!.text.startsWith('本报南京2月21日电')).toBe(true);
    // The report under the deck (its dateline on line 5, its text to line 8) is a joined part, named in the evidence.
    expect(doc.articles[0]!.evidence.filter((e) => e.code === 'TEXT_PARTS_JOINED')).toEqual([{ code: 'TEXT_PARTS_JOINED', lines: [5, 8], detail: 'join-summary-decks' }]);
  });

  it('leaves a text that ends a sentence under its headline: a story of its own, not a deck', () => {
    const page = [...HEAD.slice(0, 3), '可享受政府发放的每餐三元补贴。', '本报南京2月21日电 （记者孙立）' + REPORT[0], ...REPORT.slice(1)].join('\n');
    expect(parse(page).articles).toHaveLength(2);
  });
});
