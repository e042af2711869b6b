import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from '../../src/index.js';

const fixture = readFileSync(new URL('../../fixtures/text-ad-without-story/input.txt', import.meta.url), 'utf8');

describe('text road: a headline over a few lines that end no sentence (an ad) is no story', () => {
  it('leaves the ad unassigned, kept as printed, with DISPLAY_WITHOUT_STORY', () => {
    const doc = parse(fixture);
    expect(doc.articles.map((a) => a.headline)).toEqual(['春晖村河道整治受到欢迎', '河边新添健身角']);
    expect(doc.articles.map((a) => a.id)).toEqual(['a1', 'a2']);
    expect(doc.unassigned.map((u) => u.reason)).toEqual(['no-story-text']);
    expect(doc.unassigned[0]!.text).toContain('电话：29374458');
    expect(doc.warnings.map((w) => w.code)).toContain('DISPLAY_WITHOUT_STORY');
  });
  it('keeps a short story that ends a sentence, or names its reporter', () => {
    const sentence = parse(fixture.replace('地址：枫桥路18号', '地址：枫桥路18号。'));
    expect(sentence.articles.map((a) => a.headline)).toContain('新天地家电 品质生活从这里开始');
    const reporter = parse(fixture.replace('品质生活从这里开始\n', '品质生活从这里开始\n本报记者 陈静\n'));
    expect(reporter.articles.map((a) => a.headline)).toContain('新天地家电 品质生活从这里开始');
  });
});
