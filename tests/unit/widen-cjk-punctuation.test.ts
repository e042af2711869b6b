import { describe, expect, it } from 'vitest';
import { needsWidening, widenLine } from '../../src/core/widen-cjk-punctuation.js';
import { parse } from '../../src/index.js';

const lines = (...texts: string[]) => texts.map((text, i) => ({ n: i + 1, text }));

describe('OCR punctuation widened on a Chinese page', () => {
  it.each([
    ['记者获悉,夜市延长营业', '记者获悉，夜市延长营业'],
    ['负责人介绍:延时营业', '负责人介绍：延时营业'],
    ['以餐饮为主;夜间公交', '以餐饮为主；夜间公交'],
    ['真热闹!', '真热闹！'],
    ['增加约三成?记者', '增加约三成？记者'],
    ['市图书馆(新馆)开放', '市图书馆（新馆）开放'],
    // The CJK neighbour may be punctuation, and a run of marks is judged as one.
    ['“真的吗?!”', '“真的吗？！”'],
    ['。(街道党政办)', '。（街道党政办）'],
    // OCR puts spaces around marks; the neighbour is the next character that is not one.
    ['要求 : 一是', '要求 ： 一是'],
    // A parenthesis takes its partner's width, so a numbered point is not half and half.
    ['(1)加强管理', '（1）加强管理'],
    ['网址:http://example.cn', '网址：http://example.cn'],
  ])('%s → %s', (before, after) => {
    expect(widenLine(before)).toBe(after);
  });

  it.each([
    '营业至23:30', // a time
    '摊位达1,200个', // a thousands separator
    '写着 Open late, every weekend.', // an English phrase
    '登录 http://example.cn/a?b=1', // a URL
    'the (ABC) model 的', // brackets inside an English phrase
    '比分 3:1 领先',
  ])('keeps ASCII marks with no CJK neighbour: %s', (text) => {
    expect(widenLine(text)).toBe(text);
  });

  it('judges the page: overwhelmingly Han, and most marks next to Han written ASCII', () => {
    expect(needsWidening(lines('滨江夜市周末延长营业', '记者获悉,夜市 OK'))).toBe(true);
    // Too many Latin letters: an English page naming a Chinese place.
    expect(needsWidening(lines('The night market opens late, says 陈晓.', 'Visitors: about 1,200.'))).toBe(false);
    expect(needsWidening(lines('2024:05', '1,200'))).toBe(false);
    // Born-digital text prints the marks full-width; its one ASCII bracket pair is the publisher's.
    expect(needsWidening(lines('记者获悉，夜市延长营业；市民说：“真热闹！”', '(记者陈晓)周末营业，首批摊位达1,200个？'))).toBe(false);
    // No ASCII mark next to Han: nothing to do.
    expect(needsWidening(lines('记者获悉，夜市延长营业至23:30'))).toBe(false);
  });

  it('records each widened line as a repair, text as printed in the article', () => {
    const doc = parse('滨江夜市周末延长营业\n\n本报讯 记者获悉,夜市延长营业至23:30;首批摊位达1,200个。\n');
    expect(doc.repairs).toContainEqual({
      kind: 'cjk-punctuation-width',
      lines: [3, 3],
      before: '本报讯 记者获悉,夜市延长营业至23:30;首批摊位达1,200个。',
      after: '本报讯 记者获悉，夜市延长营业至23:30；首批摊位达1,200个。',
    });
    expect(doc.articles[0]!.paragraphs[0]!.text).toBe('记者获悉，夜市延长营业至23:30；首批摊位达1,200个。');
  });

  it('leaves a mostly English page alone, its Chinese names included', () => {
    const text = 'Night market opens late\n\nThe market (滨江夜市) will stay open until 23:30, officials said: 陈晓,a reporter, saw crowds; "Great!" said one visitor.\n';
    const doc = parse(text);
    expect(doc.repairs.filter((r) => r.kind === 'cjk-punctuation-width')).toEqual([]);
  });
});
