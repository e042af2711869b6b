import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from '../../src/index.js';

const fixture = readFileSync(new URL('../../fixtures/dash-subheadline-wrapped-in-two-lines/input.txt', import.meta.url), 'utf8');

describe('classify-lines: a dash subheadline wrapped in hard-wrapped text', () => {
  it('reads the line right under a subheadline that filled its line as the subheadline going on', () => {
    const doc = parse(fixture);
    expect(doc.articles[0]!.subheadline).toBe('今年计划完成一百二十部，居民出资比例最高降到三成');
    expect(doc.articles.map((a) => a.headline)).toEqual(['老旧小区加装电梯提速', '城南新建三座口袋公园']);
  });
  it('does not go on where the subheadline stopped short of the column, or across a blank line', () => {
    const short = fixture.replace('——今年计划完成一百二十部，居民出资\n', '——今年计划完成一百二十部\n');
    expect(parse(short).articles[0]!.subheadline).toBe('今年计划完成一百二十部');
    const apart = fixture.replace('居民出资\n比例', '居民出资\n\n比例');
    expect(parse(apart).articles[0]!.subheadline).toBe('今年计划完成一百二十部，居民出资');
  });
});
