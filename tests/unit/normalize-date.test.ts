import { describe, expect, it } from 'vitest';
import { normalizeDate, readNumber } from '../../src/core/normalize-date.js';
import { pageNumberValue } from '../../src/core/page-number.js';

// Weekdays checked against a calendar: 2019-02-07 was a Thursday, 2024-03-29 a Friday,
// 2021-08-13 a Friday, 2019-02-21 a Thursday, 2020-05-30 a Saturday, 2016-01-31 a Sunday.
describe('printed page dates → ISO 8601, or a reason and no date', () => {
  it.each([
    // mainland
    ['2019年2月7日', '2019-02-07'],
    ['2019年2月7日 星期四', '2019-02-07'],
    ['2019年2月7日星期四 农历己亥年正月初三', '2019-02-07'],
    ['２０１９年２月７日　星期四', '2019-02-07'],
    ['二〇一九年二月七日 星期四', '2019-02-07'],
    ['二○一九年二月七日', '2019-02-07'],
    ['二零一九年二月廿一日', '2019-02-21'],
    ['2019年2月21日 周四', '2019-02-21'],
    ['2021 年 8 月 13 日 星期五', '2021-08-13'],
    ['2020年5月30日 礼拜六', '2020-05-30'],
    ['2016年1月31日 星期日', '2016-01-31'],
    ['2016年1月31日 星期天', '2016-01-31'],
    ['二〇二〇年五月卅日', '2020-05-30'],
    ['2019-02-07', '2019-02-07'],
    ['2019.2.7（四）', '2019-02-07'],
    ['2019/02/07', '2019-02-07'],
    // 民國 / Taiwan
    ['中華民國113年3月29日 星期五', '2024-03-29'],
    ['中華民國113年3月29日', '2024-03-29'],
    ['民國一一三年三月廿九日', '2024-03-29'],
    ['中華民國一百一十三年三月二十九日（星期五）', '2024-03-29'],
    ['民国38年10月1日', '1949-10-01'],
    // Hong Kong
    ['2024年3月29日 週五', '2024-03-29'],
    ['2024年3月29日(五)', '2024-03-29'],
    ['2024年3月29日（星期五）', '2024-03-29'],
    ['二〇二四年三月二十九日 星期五', '2024-03-29'],
  ])('%s → %s', (printed, iso) => {
    expect(normalizeDate(printed).iso).toBe(iso);
  });

  it.each([
    ['2019年2月7日 星期五', 'weekday-mismatch'],
    ['中華民國113年3月29日 星期四', 'weekday-mismatch'],
    ['2024年3月29日(一)', 'weekday-mismatch'],
    ['2019年2月30日', 'invalid-date'],
    ['2019年13月1日', 'invalid-date'],
    ['二〇一九年二月卅一日', 'invalid-date'],
    ['113年3月29日', 'ambiguous-year'],
    ['19年2月7日', 'ambiguous-year'],
    ['农历己亥年正月初三', 'no-date'],
    ['第8版', 'no-date'],
    ['', 'no-date'],
  ])('%s → no date (%s)', (printed, problem) => {
    const r = normalizeDate(printed);
    expect(r.iso).toBeNull();
    expect(r.problem).toBe(problem);
  });

  it('keeps the weekday it read and the text it read the date from', () => {
    expect(normalizeDate('天山 2019年2月7日 星期四 第2版')).toEqual({ iso: '2019-02-07', matched: '2019年2月7日 星期四', weekday: 4 });
  });
});

describe('Chinese numerals', () => {
  it.each([
    ['十', 10], ['十二', 12], ['二十', 20], ['二十一', 21], ['廿一', 21], ['廿', 20], ['卅', 30], ['卅一', 31],
    ['一百一十三', 113], ['一一三', 113], ['二〇一九', 2019], ['一百零五', 105], ['2019', 2019],
  ])('%s = %d', (s, n) => expect(readNumber(s)).toBe(n));
  it.each(['廿廿', '二廿', 'abc', '三五十'])('%s is not a number', (s) => expect(readNumber(s)).toBeNull());
});

describe('page numbers as sortable values', () => {
  it.each([
    ['02', null, 2], ['2', null, 2], ['A10', 'A', 10], ['A10版', 'A', 10], ['第8版', null, 8], ['第 8 版', null, 8],
    ['第十二版', null, 12], ['０５', null, 5], ['B02', 'B', 2], ['第3页', null, 3],
  ])('%s → %s %d', (printed, section, value) => {
    expect(pageNumberValue(printed)).toEqual({ section, value });
  });
  it.each(['封面', 'B2-3', '彩版', ''])('%s is not a number', (printed) => expect(pageNumberValue(printed)).toBeNull());
});
