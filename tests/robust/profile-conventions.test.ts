/**
 * Issue 14 item 24: every convention a profile can name reaches the rule that
 * uses it — no hard-coded pre-filter may run before a profile's pattern.
 */
import { describe, expect, it } from 'vitest';
import { parse } from '../../src/index.js';
import { buildProfile, checkProfile } from '../../src/profile/load-profile.js';

const profile = (markers: unknown) => buildProfile(checkProfile({ name: 'conventions', markers }, 'test')).markers;

describe('profile conventions reach their rules', () => {
  it('a bylineRole added by a profile (撰稿人, 特派员) makes a byline', () => {
    const page = '社区开展垃圾分类宣传\n撰稿人 王小明\n本报讯 日前，社区组织志愿者开展垃圾分类宣传活动。\n';
    const markers = profile({ bylineRole: { add: ['撰稿人', '特派员'] } });
    expect(parse(page).articles[0]!.byline).toBeNull();
    const byline = parse(page, { markers }).articles[0]!.byline;
    expect(byline).toMatchObject({ role: '撰稿人', names: ['王小明'] });
    const envoy = parse(page.replace('撰稿人', '特派员'), { markers }).articles[0]!.byline;
    expect(envoy).toMatchObject({ role: '特派员', names: ['王小明'] });
  });
  it('a bylineCredit added by a profile (口述) reaches the byline grammar', () => {
    const page = '老街坊的故事\n撰稿人 王小明 口述\n本报讯 日前，社区组织志愿者开展垃圾分类宣传活动。\n';
    const markers = profile({ bylineRole: { add: ['撰稿人'] }, bylineCredit: { add: ['口述$'] } });
    expect(parse(page, { markers }).articles[0]!.byline).toMatchObject({ role: '撰稿人', names: ['王小明'], credit: '口述' });
  });
  it('a jump pattern added by a profile (^见第[0-9]+版$) makes a continuation', () => {
    const page = '社区开展垃圾分类宣传\n本报讯 日前，社区组织志愿者开展垃圾分类宣传活动，居民踊跃参与。\n见第3版\n';
    const markers = profile({ jump: { add: ['^见第[0-9]+版$'] } });
    expect(parse(page).articles[0]!.continuation).toBeNull();
    expect(parse(page, { markers }).articles[0]!.continuation).toBe('见第3版');
  });
  it('the built-in jump line still needs its bracket or a 下转/上接/转 lead', () => {
    for (const [line, jump] of [
      ['（下转第4版）', true],
      ['下转第4版', true],
      ['转第2版', true],
      ['（见第3版）', true],
      ['接1版', false],
      ['见第3版', false],
    ] as const) {
      const doc = parse(`社区开展垃圾分类宣传\n本报讯 日前，社区组织志愿者开展垃圾分类宣传活动，居民踊跃参与。\n${line}\n`);
      expect([line, doc.articles[0]!.continuation !== null]).toEqual([line, jump]);
    }
  });
});

describe('credit lines come from the page markers (issue 14 item 24)', () => {
  // A story, a credit line after its last sentence, the next headline: the credit is the story's last paragraph.
  const page = (credit: string) =>
    `社区开展垃圾分类宣传\n本报讯 日前，社区组织志愿者开展垃圾分类\n宣传活动，居民踊跃参与。\n${credit}\n夜跑团招募新成员\n城南夜跑团本月招募新成员，每周二晚\n上沿江边跑步。\n`;
  it.each(['撰稿：周小林', '特派员：周小林'])('a role word added by a profile makes %s over a headline a credit', (credit) => {
    const markers = profile({ bylineRole: { add: ['撰稿', '特派员'] } });
    // Built-in words only: the line reads as the next headline's first line.
    expect(parse(page(credit)).articles.map((a) => a.headline)).not.toContain('夜跑团招募新成员');
    const doc = parse(page(credit), { markers });
    expect(doc.articles.map((a) => a.headline)).toEqual(['社区开展垃圾分类宣传', '夜跑团招募新成员']);
    expect(doc.articles[0]!.paragraphs.at(-1)!.text).toBe(credit);
  });
  it('a credit label added by a profile (creditLabel ^口述[：:]) makes a credit', () => {
    const markers = profile({ creditLabel: { add: ['^口述[：:]'] } });
    expect(parse(page('口述：周小林')).articles.map((a) => a.headline)).not.toContain('夜跑团招募新成员');
    expect(parse(page('口述：周小林'), { markers }).articles.map((a) => a.headline)).toEqual(['社区开展垃圾分类宣传', '夜跑团招募新成员']);
  });
  it('a built-in credit label and a photo credit naming its source are credits without a profile', () => {
    for (const credit of ['撰文：周小林', '张华摄（本报）', '記者張華攝（本報）']) {
      const doc = parse(page(credit));
      expect([credit, doc.articles.map((a) => a.headline)]).toEqual([credit, ['社区开展垃圾分类宣传', '夜跑团招募新成员']]);
      expect(doc.articles[0]!.paragraphs.at(-1)!.text).toBe(credit);
    }
  });
});

describe('photo credits come from the page markers (review leftover: no hard-coded photo words)', () => {
  const kinds = (page: string, markers?: ReturnType<typeof profile>) => parse(page, markers ? { markers } : {}).articles.map((a) => a.kind);
  it('photoStory decides which credit makes a photo story', () => {
    const page = '春日湖畔\n本报记者 王小明 摄影报道\n春天来了，湖边游人如织，市民纷纷出门踏青赏花。\n';
    expect(kinds(page)).toEqual(['photo']);
    expect(kinds(page, profile({ photoStory: { replace: ['^专题摄影$'] } }))).toEqual(['article']);
  });
  it("photoShot decides which credit makes a captioned text a photo's", () => {
    const page = '春日湖畔\n本报记者 王小明 掌镜\n图为游客在湖边赏花。\n';
    expect(kinds(page, profile({ bylineCredit: { add: ['掌镜$'] } }))).toEqual(['article']);
    expect(kinds(page, profile({ bylineCredit: { add: ['掌镜$'] }, photoShot: { add: ['掌镜'] } }))).toEqual(['photo']);
  });
});
