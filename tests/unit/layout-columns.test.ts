import { describe, expect, it } from 'vitest';
import { splitLayoutColumns } from '../../src/core/split-layout-columns.js';
import type { Diagnostic, InputLine } from '../../src/core/model.js';

const numbered = (text: string): InputLine[] => text.split('\n').map((t, i) => ({ n: i + 1, text: t }));
const nonSpace = (lines: InputLine[]) => [...lines.map((l) => l.text).join('')].filter((c) => !/\s/u.test(c)).sort().join('');

/** Two columns of `rows` lines each, the second starting at character `at`. */
function twoColumns(left: string[], right: string[], at: number): string {
  return left.map((l, i) => l.padEnd(at, ' ') + (right[i] ?? '')).join('\n');
}

const LEFT = ['市交通局发布通知', '全市公交线路自下月起调整发车', '间隔，高峰时段加密班次，方便', '市民出行。', '据介绍，调整涉及三十条线路。', '新的时刻表已在站牌公布。'];
const RIGHT = ['本报讯 昨天下午，区图书馆举办', '读书分享会，百余名市民参加。', '活动现场设置了亲子阅读区和', '旧书交换角。', '馆方表示，此类活动将每月举', '办一次。'];

describe('split-layout-columns', () => {
  it('reads a page of side-by-side columns column by column, each piece keeping its input line number', () => {
    const input = numbered(twoColumns(LEFT, RIGHT, 24));
    const warnings: Diagnostic[] = [];
    const out = splitLayoutColumns(input, warnings);
    const texts = out.filter((l) => l.text !== '').map((l) => l.text);
    expect(texts).toEqual([...LEFT, ...RIGHT]);
    expect(out.filter((l) => l.text !== '').map((l) => l.n)).toEqual([1, 2, 3, 4, 5, 6, 1, 2, 3, 4, 5, 6]);
    expect(nonSpace(out)).toBe(nonSpace(input));
    expect(warnings.map((w) => [w.code, w.lines, w.args])).toEqual([['COLUMNS_SIDE_BY_SIDE', [1, 6], { columns: 2, at: '0, 24' }]]);
  });

  it('leaves a page alone when only a few lines have wide gaps', () => {
    const input = numbered(['02         社区要闻', ...LEFT, ...RIGHT].join('\n'));
    const warnings: Diagnostic[] = [];
    expect(splitLayoutColumns(input, warnings)).toBe(input);
    expect(warnings).toEqual([]);
  });

  it('leaves a table alone: short cells in wide gaps are rows, not columns', () => {
    const table = ['指数        收盘        涨跌', '上证指数    3245.12     +0.52%', '深证成指    10233.45    -0.31%', '创业板指    2011.07     +1.02%', '沪深300     3890.66     +0.17%', '科创50      1002.38     -0.44%'];
    const input = numbered(table.join('\n'));
    const warnings: Diagnostic[] = [];
    expect(splitLayoutColumns(input, warnings)).toEqual(input);
    expect(warnings).toEqual([]);
  });

  it('keeps a line that runs across a column edge whole, between the columns above and below it', () => {
    const top = twoColumns(LEFT.slice(0, 3), RIGHT.slice(0, 3), 24);
    const bottom = twoColumns(LEFT.slice(3), RIGHT.slice(3), 24);
    const across = '全区公交线路与图书馆开放时间同步调整的通知发布会今天举行';
    const out = splitLayoutColumns(numbered([top, across, bottom].join('\n')), []);
    const texts = out.filter((l) => l.text !== '').map((l) => l.text);
    expect(texts).toEqual([...LEFT.slice(0, 3), ...RIGHT.slice(0, 3), across, ...LEFT.slice(3), ...RIGHT.slice(3)]);
  });

  it('reads each form-feed page with its own column positions', () => {
    const page1 = twoColumns(LEFT, RIGHT, 24);
    const page2 = twoColumns(RIGHT, LEFT, 30);
    const out = splitLayoutColumns(numbered(`${page1}\n\f${page2}`), []);
    const texts = out.filter((l) => l.text.trim() !== '').map((l) => l.text.replace('\f', ''));
    expect(texts).toEqual([...LEFT, ...RIGHT, ...RIGHT, ...LEFT]);
  });

  it('puts a blank line where a column has nothing, and splits the page header that sits off the columns', () => {
    const rows = [
      '02      天山        社区要闻          社区快讯',
      ...twoColumns(LEFT.slice(0, 2), RIGHT.slice(0, 2), 24).split('\n'),
      ' '.repeat(24) + RIGHT[2],
      ...twoColumns(LEFT.slice(2), RIGHT.slice(3), 24).split('\n'),
    ];
    const out = splitLayoutColumns(numbered(rows.join('\n')), []);
    expect(out.slice(0, 5).map((l) => l.text)).toEqual(['02', '天山', '社区要闻', '社区快讯', '']);
    const left = out.slice(5, out.findIndex((l) => l.text === RIGHT[0]));
    expect(left.map((l) => l.text)).toEqual([LEFT[0], LEFT[1], '', LEFT[2], LEFT[3], LEFT[4], LEFT[5], '']);
  });
});
