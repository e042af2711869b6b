import { describe, expect, it } from 'vitest';
import { undoubleGlyphs, undoubleLine } from '../../src/core/repair-doubling.js';
import { normalizeDashes, removeExtractionSpaces } from '../../src/core/normalize-spacing.js';
import { parse } from '../../src/index.js';

describe('doubled lines (fake bold)', () => {
  it('keeps the clean copy of a line printed twice', () => {
    expect(undoubleLine('天山爱心暑托班（（一期））小班““合家欢””天山爱心暑托班（一期）小班“合家欢”')).toBe('天山爱心暑托班（一期）小班“合家欢”');
  });
  it('handles an exact A+A copy', () => {
    expect(undoubleLine('街道举办培训班街道举办培训班')).toBe('街道举办培训班');
  });
  it('leaves short legitimate repetition alone', () => {
    expect(undoubleLine('加油加油')).toBeNull();
    expect(undoubleLine('谢谢谢谢大家的支持与帮助')).toBeNull();
  });
  it('undoes per-glyph doubling', () => {
    expect(undoubleGlyphs('字字节节跳跳动动')).toBe('字节跳动');
    expect(undoubleGlyphs('本本报报讯讯 今天')).toBe('本报讯 今天');
  });
  it.each(['人人都是软实力，人人展示软实力', '闪闪发光', '高高兴兴上学去', '家家户户', '——', '……', '哈哈哈哈哈哈', '2000年', '大家都说……明明白白地做事', '——家家户户'])(
    'keeps legitimate reduplication: %s',
    (text) => {
      expect(undoubleGlyphs(text)).toBeNull();
      expect(undoubleLine(text)).toBeNull();
    },
  );
  it('records the repair with its line', () => {
    const doc = parse('标题\n\n字字节节跳跳动动发发布布会会\n');
    expect(doc.repairs).toContainEqual({ kind: 'doubled-glyphs', lines: [3, 3], before: '字字节节跳跳动动发发布布会会', after: '字节跳动发布会' });
  });
});

describe('extraction spacing', () => {
  it.each([
    ['7月 28 日下午', '7月28日下午'],
    ['以 TED演讲的形式', '以TED演讲的形式'],
    ['确定 59', '确定59'],
    ['一要全力抓好经济工作， 提升区域经济', '一要全力抓好经济工作，提升区域经济'],
    ['话百年虹桥史 谋发展新篇章', '话百年虹桥史 谋发展新篇章'],
    ['“线上 + 线下”', '“线上 + 线下”'],
    ['SOHO天山 e家', 'SOHO天山e家'],
  ])('%s → %s', (input, output) => {
    expect(removeExtractionSpaces(input)).toBe(output);
  });
  it('turns dash runs into the two-em dash and keeps —— and ……', () => {
    expect(normalizeDashes('能力———居民区')).toBe('能力——居民区');
    expect(normalizeDashes('能力——居民区……')).toBe('能力——居民区……');
  });
  it('--keep-spacing keeps the spaces', () => {
    const text = '街道举办培训班\n本报讯 8 月 2 日，街道举办培训。\n';
    expect(parse(text).articles[0]!.paragraphs[0]!.text).toBe('8月2日，街道举办培训。');
    expect(parse(text, { keepSpacing: true }).articles[0]!.paragraphs[0]!.text).toBe('8 月 2 日，街道举办培训。');
  });
});

describe('paragraph reflow', () => {
  const page = [
    '街道召开推进会',
    '本报讯 8 月 6 日，街道召开上半年工作',
    '总结推进会，书记参加会议。',
    '会上，营商环境办、社区管理办、社区自',
    '',
    '治办作交流发言。',
    '街道党工委书记余双在回顾上半年工作后',
    '强调：要抢抓发展机遇。',
    '（街道党政办）',
  ].join('\n');
  it('joins wrapped lines with no space and starts paragraphs after sentence ends', () => {
    const a = parse(page).articles[0]!;
    expect(a.paragraphs.map((p) => p.text)).toEqual([
      '8月6日，街道召开上半年工作总结推进会，书记参加会议。',
      '会上，营商环境办、社区管理办、社区自治办作交流发言。',
      '街道党工委书记余双在回顾上半年工作后强调：要抢抓发展机遇。',
    ]);
    expect(a.paragraphs.map((p) => p.lines)).toEqual([[2, 3], [4, 6], [7, 8]]);
  });
  it('joins Latin words across a line break with a space', () => {
    const a = parse('标题在此\n本报讯 The quick brown\nfox jumps.\n（某办）').articles[0]!;
    expect(a.paragraphs[0]!.text).toBe('The quick brown fox jumps.');
  });
});
