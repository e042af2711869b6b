import { describe, expect, it } from 'vitest';
import { repairDashLine } from '../../src/core/repair-ocr-dashes.js';
import { parse } from '../../src/index.js';

describe('OCR readings of —— put back', () => {
  it.each([
    // 一一 opening a line of one phrase: a subheadline, a credit.
    ['一一市文化馆召开工作推进会', '——市文化馆召开工作推进会'],
    ['一一王小明', '——王小明'],
    // A hyphen against 一, either way round, at a line's edge or between words.
    ['河畔公园改造-一', '河畔公园改造——'],
    ['-一编者', '——编者'],
    ['最难的一段一-隧道穿过河底', '最难的一段——隧道穿过河底'],
    ['新建的步道-一全长三公里', '新建的步道——全长三公里'],
  ])('%s → %s', (before, after) => {
    expect(repairDashLine(before)).toBe(after);
  });

  it.each([
    '志愿者一一登记', // 一一 as a word, mid-line
    '把饭菜一一', // …at a line's end: the word runs on to the next line
    '一一握手。', // opening a line that ends a sentence: the word
    '一一送到居民家中，', // opening running text that goes on
    '一一派送到各村，满车都是', // …with a clause mark inside it
    '第1-2段', // a hyphen between digits
    '一号楼', // one 一
  ])('keeps %s', (text) => {
    expect(repairDashLine(text)).toBe(text);
  });

  it('leaves the opening of a line in headline type: there -一 is an opening quote read as a hyphen', () => {
    expect(repairDashLine('-一场热闹非凡的', true)).toBe('-一场热闹非凡的');
    expect(repairDashLine('一一市文化馆召开工作推进会', true)).toBe('一一市文化馆召开工作推进会');
    expect(repairDashLine('步道开放-一', true)).toBe('步道开放——');
  });

  it('records each changed line as an ocr-dash repair, and the subheadline is read as one', () => {
    const doc = parse(['社区手机课堂开班', '一一市老年大学召开工作推进会', '', '本报讯 河畔社区的手机课堂昨天开班，二十位老人来上了第一课。'].join('\n'));
    expect(doc.repairs).toContainEqual({ kind: 'ocr-dash', lines: [2, 2], before: '一一市老年大学召开工作推进会', after: '——市老年大学召开工作推进会' });
    expect(doc.articles[0]!.subheadline).toBe('市老年大学召开工作推进会');
  });
});
