/**
 * Issue 14 items 9 and 12: inputs that took time superlinear in their size.
 * Each took tens of seconds to minutes before (and so fails by the test's
 * timeout); none asserts a duration.
 */
import { describe, expect, it } from 'vitest';
import { parse } from '../../src/index.js';

const STORY = '本报讯 日前，社区组织志愿者开展垃圾分类宣传活动，居民踊跃参与。';
const page = (last: string) => `社区开展垃圾分类宣传\n${STORY}\n${last}\n`;

describe('one long line', () => {
  it('a jump lead, 19,990 spaces and an opening bracket (was 78 s)', () => {
    expect(parse(page(`下转 1${' '.repeat(19_990)}（`)).articles[0]!.continuation).toBeNull();
  });
  it('a sign-off bracket and 19,990 tabs (the sign-off pattern was 39 s)', () => {
    expect(parse(page(`〈${'\t'.repeat(19_990)}x`)).articles[0]!.signoff).toBeNull();
  });
  it('a jump line with 19,990 spaces inside it', () => {
    expect(parse(page(`（下转${' '.repeat(19_990)}第4版）`)).articles[0]!.continuation).toMatch(/^下转\s+第4版$/u);
  });
  it('a long run of spaces before no punctuation in prose (spacing repair; 10,000 tabs were 2.5 s)', () => {
    const doc = parse(page(`日前${'\t'.repeat(19_990)}居民`));
    expect(doc.articles.length).toBeGreaterThan(0);
  });
});

describe('many units on one page', () => {
  it('6,000 headline + 本报讯 units pair one to one (quadratic pairing: 4,000 took 29 s)', () => {
    const text = Array.from({ length: 6000 }, (_, i) => `社区开展活动第${i}期\n${STORY}`).join('\n');
    const doc = parse(text);
    expect(doc.articles).toHaveLength(6000);
    expect(doc.articles[5999]!.headline).toBe('社区开展活动第5999期');
  }, 60_000);
});
