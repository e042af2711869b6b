import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from '../../src/index.js';
import { isDateLine } from '../../src/core/markers.js';

const fixture = readFileSync(new URL('../../fixtures/ocr-text-header-strip-spaced/input.txt', import.meta.url), 'utf8');

describe('a header strip read by OCR as lines of items far apart', () => {
  it('is furniture, and no headless article opens the page', () => {
    const doc = parse(fixture);
    expect(doc.articles.map((a) => a.headline)).toEqual(['社区食堂开到家门口']);
    expect(doc.page.furniture.map((f) => f.role)).toEqual(['masthead', 'date']);
    expect(doc.page.date?.iso).toBe('2026-04-09');
  });
  it('measures a date line without the run of spaces between its items, not without its words', () => {
    expect(isDateLine('2026年4月9日 星期四' + ' '.repeat(41) + '民生')).toBe(true);
    // Words past the furniture vocabulary still make it no date line, however the spaces run.
    expect(isDateLine('2026年4月9日 星期四' + ' '.repeat(41) + '社区食堂开到家门口了吗')).toBe(false);
    expect(isDateLine('2026年4月9日' + '一'.repeat(35))).toBe(false);
  });
  it('keeps a masthead line with its items close together to the width of a header line', () => {
    // Two items a space apart are one line of that width: too wide for the header zone's lines, a headline.
    const close = fixture.replace(/^P05 +青山晚报$/mu, 'P05 青山晚报社区食堂开到家门口');
    expect(parse(close).page.furniture.map((f) => f.role)).not.toContain('masthead');
  });
});
