import { describe, expect, it } from 'vitest';
import { parse } from '../../src/index.js';

// Three unpunctuated title lines above one body: is the first a kicker (引题) or a headline line?
const BODY = '本报讯（记者王明）市交通局昨天发布通知，全市公交线路自下月起调整发车间隔，高峰时段\n加密班次，方便市民出行。\n';

function only(text: string) {
  const { articles } = parse(text);
  expect(articles).toHaveLength(1);
  return articles[0]!;
}

describe('a stack of three title lines', () => {
  it('takes a clearly shorter first line as the kicker over a two-line headline', () => {
    const a = only(['全市公交调整', '高峰时段加密班次', '方便市民早晚出行', BODY].join('\n'));
    expect(a.kicker).toBe('全市公交调整');
    expect(a.headline).toBe('高峰时段加密班次 方便市民早晚出行');
    expect(a.sources.kicker).toEqual([1, 1]);
    expect(a.sources.headline).toEqual([2, 3]);
  });

  it('keeps three lines of like width together as the headline (no kicker)', () => {
    // Like widths are more often headlines of neighbouring columns, read across by OCR.
    const a = only(['全市公交线路调整', '高峰时段加密班次', '方便市民早晚出行', BODY].join('\n'));
    expect(a.kicker).toBeNull();
    expect(a.sources.headline).toEqual([1, 3]);
  });
});

describe('a long first line over one shorter line', () => {
  it('is a kicker over a main title set as spaced phrases', () => {
    const a = only(['市交通局调整全市公交线路发车间隔', '早加密 晚延时', BODY].join('\n'));
    expect(a.kicker).toBe('市交通局调整全市公交线路发车间隔');
    expect(a.headline).toBe('早加密 晚延时');
  });

  it('is one headline when the short line is the end of a phrase (OCR put a space after its first word)', () => {
    const a = only(['市交通局调整全市公交线路发车间', '隔 高峰时段加密班次', BODY].join('\n'));
    expect(a.kicker).toBeNull();
  });
});
