import { describe, expect, it } from 'vitest';
import { holdsOcrDashReading, repairDashLine } from '../../src/core/repair-ocr-dashes.js';
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

  it('keeps a range between numerals: 一-三 and 第一-第三 are no dash', () => {
    expect(repairDashLine('今年一-三季度的客流')).toBe('今年一-三季度的客流');
    expect(repairDashLine('获得第一-第三名的队伍')).toBe('获得第一-第三名的队伍');
    expect(repairDashLine('五-一假期的安排')).toBe('五-一假期的安排');
  });

  it('runs on OCR pages only: born-digital text keeps its 一一 and its hyphens', () => {
    // Full-width punctuation throughout: no OCR habit, so no line is OCR's reading of a dash.
    const page = ['社区手机课堂开班', '', '本报讯 河畔社区的手机课堂昨天开班，老人们', '一一登记后领到了学习手册', '上课时间为每周一-三下午。'].join('\n');
    const doc = parse(page);
    expect(doc.repairs.filter((r) => r.kind === 'ocr-dash')).toEqual([]);
    expect(doc.articles.flatMap((a) => a.paragraphs.map((p) => p.text)).join('')).toContain('老人们一一登记后领到了学习手册上课时间为每周一-三下午');
  });

  it('records each changed line as an ocr-dash repair, and the subheadline is read as one', () => {
    // ASCII commas on a Chinese page: Tesseract's habit, so the page is read as OCR text.
    const doc = parse(['社区手机课堂开班', '一一市老年大学召开工作推进会', '', '本报讯 河畔社区的手机课堂昨天开班,二十位老人来上了第一课,每周两次,共八周'].join('\n'));
    expect(doc.repairs).toContainEqual({ kind: 'ocr-dash', lines: [2, 2], before: '一一市老年大学召开工作推进会', after: '——市老年大学召开工作推进会' });
    expect(doc.articles[0]!.subheadline).toBe('市老年大学召开工作推进会');
  });

  // A hard-wrapped body: full lines of 20 em set the column the short lines are read against; its hyphen
  // against 一 (OCR's reading of a dash, put back) makes the page an OCR page.
  const BODY = ['镇卫生院改造工程近日完工，门诊楼和住院楼', '都换了新设备-一附近几个村的村民看病不用再往', '县城跑了，医生护士也多了起来，大家都很满意。', ''];

  function dashRepairs(lines: string[], body = BODY): string[] {
    return parse([...body, ...lines].join('\n')).repairs.filter((r) => r.kind === 'ocr-dash' && r.before !== BODY[1]).map((r) => r.after);
  }

  it('reads a short line of Han ending in 一 or 一一 as a lead-in dash, on OCR pages', () => {
    expect(dashRepairs(['改造过程一', '边施工边看病'])).toEqual(['改造过程——']);
    expect(dashRepairs(['服务提升一一', '专家每周来坐诊'])).toEqual(['服务提升——']);
  });

  it('keeps a born-digital headline that ends in 一 (百里挑一): the final 一 is a dash only on OCR pages', () => {
    const bornDigital = BODY.map((l) => l.replace('-一', '，'));
    expect(dashRepairs(['百里挑一', '镇上选出十位好医生'], bornDigital)).toEqual([]);
    expect(dashRepairs(['改造过程一', '边施工边看病'], bornDigital)).toEqual([]);
  });

  it('keeps a final 一 that is a word (之一, 统一, 第一), a line of text wrapped there, and a short name (天一)', () => {
    expect(dashRepairs(['全省十大工程之一', '边施工边看病'])).toEqual([]);
    expect(dashRepairs(['思想认识统一', '边施工边看病'])).toEqual([]);
    expect(dashRepairs(['天一', '边施工边看病'])).toEqual([]);
    // As wide as the column: a line of text that wraps after 一 (…跑了一 ⏎ 趟。).
    expect(dashRepairs(['镇卫生院的医生护士每天都要往村里跑一', '趟，给老人量血压。'])).toEqual([]);
    // Figures or marks on the line: not one phrase.
    expect(dashRepairs(['改造2期一', '边施工边看病'])).toEqual([]);
  });

  it('takes a hyphen against 一 as the sign of an OCR page, whose lines opening with 一一 are then dashes too', () => {
    expect(holdsOcrDashReading([{ n: 1, text: '线路调整-一' }])).toBe(true);
    expect(holdsOcrDashReading([{ n: 1, text: '今年一-三季度的客流' }, { n: 2, text: '一一登记' }])).toBe(false);
    const page = ['社区手机课堂开班', '一一市老年大学召开工作推进会', '', '本报讯 河畔社区的手机课堂昨天开班，二十位老人来上了第一课。', '活动由老年大学-一社区服务中心联合举办。'];
    expect(parse(page.join('\n')).articles[0]!.subheadline).toBe('市老年大学召开工作推进会');
  });
});
