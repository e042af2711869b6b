import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from '../../src/index.js';

const fixture = readFileSync(new URL('../../fixtures/ocr-text-headline-under-open-end/input.txt', import.meta.url), 'utf8');

describe('classify-lines: a short unpunctuated line between blank lines under an open line (displaySetApart)', () => {
  it('is a headline, not the open sentence’s wrapped end', () => {
    const doc = parse(fixture);
    expect(doc.articles.map((a) => a.headline)).toEqual(['老街灯会引来八方游客', '河滩上的候鸟']);
    expect(doc.articles[0]!.paragraphs[1]!.text.endsWith('锣鼓声一直')).toBe(true);
  });
  it('stays the sentence’s end when it is punctuated, not set apart, or under a line with no clause mark or colon', () => {
    // With its sentence end it is a paragraph's last line run on over a blank line.
    expect(parse(fixture.replace('河滩上的候鸟\n', '河滩上的候鸟。\n')).articles.map((a) => a.headline)).toEqual(['老街灯会引来八方游客']);
    // No blank line under it: not set apart.
    expect(parse(fixture.replace('河滩上的候鸟\n\n', '河滩上的候鸟\n')).articles[0]!.paragraphs[1]!.text).toContain('锣鼓声一直河滩上的候鸟');
    // Under a line of a poem or a stacked headline (no clause mark, no colon) it is that stack's next line.
    const stack = fixture.replace('看灯的人还是不肯散去。锣鼓声一直', '看灯的人还是不肯散去\n\n锣鼓声响彻了整条老街一直');
    expect(parse(stack).articles.map((a) => a.headline)).not.toContain('河滩上的候鸟');
    // Over the page's date it is the masthead set inside the column's text (pdftotext): the text stays open over it.
    const masthead = fixture.replace('河滩上的候鸟\n\n', '青山日报\n\n2026年4月9日 星期四\n\n');
    expect(parse(masthead).articles[0]!.paragraphs[1]!.text).toContain('锣鼓声一直青山日报');
  });
});
