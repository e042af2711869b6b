/**
 * Issue 14 item 15: a page holding characters XML 1.0 forbids (U+FFFE, U+FFFF,
 * C0 controls) gives well-formed TEI and METS; the text loses them through a
 * recorded repair.
 */
import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { parse } from '../../src/index.js';
import { writeTei } from '../../src/report/write-tei.js';

describe('XML output of a page with characters XML forbids', () => {
  it('U+FFFE and U+FFFF are removed with a control-chars repair, and the TEI is well-formed', () => {
    const doc = parse('社区开展垃圾\uFFFE分类宣传\n本报讯 日前，社区组织志愿者\uFFFF开展活动。\n');
    expect(JSON.stringify(doc.articles)).not.toMatch(/[\uFFFE\uFFFF]/u);
    const repairs = doc.repairs.filter((r) => r.kind === 'control-chars');
    expect(repairs.map((r) => r.before)).toEqual(['社区开展垃圾\uFFFE分类宣传', '本报讯 日前，社区组织志愿者\uFFFF开展活动。']);
    const tei = writeTei(doc);
    expect(XMLValidator.validate(tei)).toBe(true);
    expect(tei).not.toMatch(/[\uFFFE\uFFFF]/u);
  });
  it('a forbidden character that did not pass through the core (the path) is replaced in the XML', () => {
    const doc = parse('社区开展垃圾分类宣传\n本报讯 日前，社区组织志愿者开展活动。\n', { path: 'page\u0001\uFFFF.txt' });
    const tei = writeTei(doc);
    expect(XMLValidator.validate(tei)).toBe(true);
    expect(tei).not.toMatch(/[\u0001\uFFFF]/u);
    expect(tei).toContain('page\uFFFD\uFFFD.txt');
  });
});
