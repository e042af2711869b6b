/**
 * join-parallel-sections: intertitle stacks set alike are a story's
 * sections; stacks of like line lengths alone, or a dateline under a stack,
 * are stories of their own.
 */
import { describe, expect, it } from 'vitest';
import { parse } from '../../src/index.js';
import { accountCharacters } from '../../src/core/accounting.js';

const LEAD = ['老街改造惠民生', '老街改造已经进入第二年，街道从最难的几', '件事入手，一件一件解决。', ''];
const BODY_A = ['居民反映最多的是路面坑洼，街道先把主路', '重新铺了一遍，雨天不再积水。', ''];
const BODY_B = ['过去老街没有一盏像样的路灯，如今新装了', '六十多盏，晚上散步的人多了。', ''];
const BODY_C = ['老街的公厕也改造一新，有人每天打扫，', '居民们都说方便多了。', ''];

function page(...sections: string[][]): string {
  return [...LEAD, ...sections.flat()].join('\n');
}

function articlesOf(text: string): { headlines: (string | null)[]; subheadings: string[] } {
  const doc = parse(text);
  expect(accountCharacters(text, doc)).toMatchObject({ missing: 0, extra: 0 });
  return { headlines: doc.articles.map((a) => a.headline), subheadings: doc.articles.flatMap((a) => a.paragraphs.filter((p) => p.type === 'subheading').map((p) => p.text)) };
}

describe('join-parallel-sections', () => {
  it('joins one-character intertitles of one length (治, 修, 建) under the story', () => {
    const { headlines, subheadings } = articlesOf(page(['修', ...BODY_A], ['亮', ...BODY_B], ['净', ...BODY_C]));
    expect(headlines).toEqual(['老街改造惠民生']);
    expect(subheadings).toEqual(['修', '亮', '净']);
  });

  it('joins couplets of one measure, and labels of one shape over lines of any length', () => {
    expect(articlesOf(page(['路面修平整 雨天不积水', ...BODY_A], ['路灯装起来 夜晚更亮堂', ...BODY_B])).headlines).toEqual(['老街改造惠民生']);
    const labelled = articlesOf(page(['过去', '', '路面坑洼难行走', ...BODY_A], ['现在', '', '六十多盏路灯照亮回家路', ...BODY_B]));
    expect(labelled.headlines).toEqual(['老街改造惠民生']);
    expect(labelled.subheadings).toEqual(['过去', '路面坑洼难行走', '现在', '六十多盏路灯照亮回家路']);
  });

  it('records each joined section in the article\'s evidence, with its lines and the stage that joined it', () => {
    const doc = parse(page(['修', ...BODY_A], ['亮', ...BODY_B], ['净', ...BODY_C]));
    const joins = doc.articles[0]!.evidence.filter((e) => e.code === 'TEXT_PARTS_JOINED');
    // Lines: 4 of the lead, then each section (its one-character intertitle, two lines, a blank) from line 5.
    // rejoin-intertitles, which runs first, had joined the third section on to the second, so the second part
    // spans both and that earlier join follows it.
    expect(joins).toEqual([
      { code: 'TEXT_PARTS_JOINED', lines: [5, 7], detail: 'join-parallel-sections' },
      { code: 'TEXT_PARTS_JOINED', lines: [9, 15], detail: 'join-parallel-sections' },
      { code: 'TEXT_PARTS_JOINED', lines: [13, 15], detail: 'rejoin-intertitles' },
    ]);
  });

  it('leaves briefs apart that stand under the same column label (简讯 over each): a column of briefs, not sections', () => {
    const brief = (head: string, body: string[]) => ['简讯', head, ...body, ''];
    const { headlines } = articlesOf(page(brief('菜场试营业', ['城南菜场今天起试营业，六十个摊位全部', '开张，市民可以在早上六点来买菜。']), brief('公园添座椅', ['河畔公园本周新添两百把座椅，方便老人', '散步时歇脚，受到居民欢迎。'])));
    expect(headlines).toHaveLength(3);
  });

  it('leaves single headlines of one length apart: only a couplet or a label-sized word is set in parallel', () => {
    expect(articlesOf(page(['老街主路重新铺好', ...BODY_A], ['老街新装六十盏灯', ...BODY_B])).headlines).toHaveLength(3);
  });

  it('leaves a stack over a dateline apart: a dateline opens a report of its own', () => {
    const dated = ['本报北京3月1日电 （记者李明）过去老街没有', '一盏像样的路灯，如今新装了六十多盏。', ''];
    expect(articlesOf(page(['修', ...BODY_A], ['亮', ...dated])).headlines).toEqual(['老街改造惠民生', '修', '亮']);
  });
});
