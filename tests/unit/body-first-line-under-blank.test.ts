import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from '../../src/index.js';

const fixture = readFileSync(new URL('../../fixtures/body-first-line-under-headline-blank/input.txt', import.meta.url), 'utf8');

describe('classify-lines: the body block’s first line under the blank line below a headline', () => {
  it('starts the text, not the headline, when it runs on into a full line of running text', () => {
    const doc = parse(fixture);
    expect(doc.articles.map((a) => a.headline)).toEqual(['山村书屋添新书', '高原小站的清晨']);
    expect(doc.articles[1]!.paragraphs[0]!.text.startsWith('1月6日，站里新装了12台除冰机')).toBe(true);
  });
  it('leaves a headline’s second line alone: no clause mark, no blank line above it, or no running text under it', () => {
    // A headline line with no clause mark goes on the headline as before.
    const noMark = fixture.replace('1月6日，站里新装了12台\n', '1月6日站里新装了12台\n');
    expect(parse(noMark).articles[1]!.headline).toBe('高原小站的清晨 1月6日站里新装了12台');
    // Set apart below as well (a blank line under it): no body block's first line.
    const apart = fixture.replace('12台\n除冰机，', '12台\n\n除冰机，');
    expect(parse(apart).articles[1]!.headline).toBe('高原小站的清晨 1月6日，站里新装了12台');
  });
});
