import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { columnPieces, setAsideWovenRows } from '../../src/core/set-aside-woven-rows.js';
import type { Diagnostic, InputLine } from '../../src/core/model.js';

const lines = (text: string): InputLine[] => text.split('\n').map((t, i) => ({ n: i + 1, text: t }));
const fixture = readFileSync(new URL('../../fixtures/pdftotext-rows-read-across-columns/input.txt', import.meta.url), 'utf8');
const joinedFixture = readFileSync(new URL('../../fixtures/pdftotext-joined-columns/input.txt', import.meta.url), 'utf8');
const headlineJoinedFixture = readFileSync(new URL('../../fixtures/pdftotext-headline-joined-to-next-column-line/input.txt', import.meta.url), 'utf8');

describe('set-aside-woven-rows', () => {
  it('cuts a line into column-wide pieces, the headline phrases in front kept apart', () => {
    expect(columnPieces('食堂负责人介绍，开张半年来每 新线路经过火车站、长途汽车站', 14)).toEqual({ display: [], body: ['食堂负责人介绍，开张半年来每', '新线路经过火车站、长途汽车站'] });
    expect(columnPieces('旧城改造 首批 天就餐的老人已超过三百人次， 和三家医院，末班车发车时间延', 14)).toEqual({
      display: ['旧城改造', '首批'],
      body: ['天就餐的老人已超过三百人次，', '和三家医院，末班车发车时间延'],
    });
    // A short piece ends a line only: nothing of another column is read after a paragraph's last line.
    expect(columnPieces('个窗口。 相同，乘客可以使用交通卡和手', 14)).toBeNull();
  });
  it('leaves the running text of a block read row by row unassigned, keeping the headline phrases and the byline in order', () => {
    const warnings: Diagnostic[] = [];
    const input = lines(fixture);
    const out = setAsideWovenRows(input, warnings);
    expect(out.setAside.map((l) => l.n)).toEqual([7, 8, 9, 10, 11, 12, 13]);
    expect(out.setAside[1]!.text).toBe('天就餐的老人已超过三百人次， 和三家医院，末班车发车时间延');
    const kept = out.lines.filter((l) => l.n >= 7 && l.n <= 15).map((l) => l.text);
    expect(kept).toEqual(['旧城改造 首批', '三百户 启动', '本报记者 王海', '市政府昨天宣布，旧城区改造首']);
    // Nothing lost: every character is kept or set aside.
    const chars = (ls: InputLine[]) => ls.map((l) => l.text.replace(/\s/gu, '')).join('');
    expect(chars(out.lines).length + chars(out.setAside).length).toBe(chars(input).length);
    expect(warnings.map((w) => [w.code, w.args])).toEqual([['COLUMNS_WOVEN_SET_ASIDE', { lines: 7, first: 7, stretches: 1 }]]);
    expect(warnings[0]!.message).toMatch(/pdftotext -layout/);
  });
  it('takes two woven lines close together for a block: back to the block start (at most 3 lines), on until a column is read down again', () => {
    const body = Array.from({ length: 14 }, () => '这是一行正文，内容照常排好。');
    body.splice(6, 0, '左栏的第一行正文，内容照常。 中栏的第一行正文，内容照常。', '右栏的第一行正文，内容照常。', '左栏的第二行正文，内容照常。 中栏的第二行正文，内容照常。');
    const warnings: Diagnostic[] = [];
    expect(setAsideWovenRows(lines(body.join('\n')), warnings).setAside.map((l) => l.n)).toEqual([4, 5, 6, 7, 8, 9]);
  });
  it('leaves two columns joined on every line (a narrow gutter) to split-joined-columns', () => {
    const warnings: Diagnostic[] = [];
    const input = lines(joinedFixture);
    expect(setAsideWovenRows(input, warnings).lines).toBe(input);
    expect(warnings).toEqual([]);
  });
  it("cuts a lone line of a headline's phrase and a column's line on a page woven elsewhere: the phrase stays, the line is set aside", () => {
    const warnings: Diagnostic[] = [];
    const input = lines(headlineJoinedFixture);
    const out = setAsideWovenRows(input, warnings);
    expect(out.setAside.map((l) => [l.n, l.text])).toEqual([
      [7, '沿江步道的路灯都换成节能灯，'],
      [8, '夜间照明比原来亮了一倍多，市'],
      [9, '民晚上散步更安心。'],
      [20, '活动由园林局和街道共同举办，'],
    ]);
    expect(out.lines.filter((l) => l.n >= 19 && l.n <= 21).map((l) => l.text)).toEqual(['沿线的临时指示牌。', '社区菜场完成改造', '河湾社区菜场经过三个月改造，']);
    expect(warnings.map((w) => [w.code, w.args])).toEqual([
      ['COLUMNS_WOVEN_SET_ASIDE', { lines: 3, first: 7, stretches: 1 }],
      ['HEADLINE_JOINED_TO_COLUMN', { lines: 1, first: 20 }],
    ]);
    const chars = (ls: InputLine[]) => ls.map((l) => l.text.replace(/\s/gu, '')).join('');
    expect(chars(out.lines).length + chars(out.setAside).length).toBe(chars(input).length);
  });
  it('leaves a lone headline-and-piece line alone on a page the extractor does not weave, and a piece whose only mark is a colon', () => {
    // The same line with no woven rows above: a dateline marker before a full line has this shape too.
    const page = headlineJoinedFixture.split('\n');
    const unwoven = lines([...page.slice(0, 6), ...page.slice(10)].join('\n'));
    const warnings: Diagnostic[] = [];
    expect(setAsideWovenRows(unwoven, warnings).setAside).toEqual([]);
    expect(warnings).toEqual([]);
    // A two-phrase headline whose second phrase has a colon is as wide as a joined line.
    const colon = lines(headlineJoinedFixture.replace('活动由园林局和街道共同举办，', '园林局和街道：一起举办活动'));
    expect(setAsideWovenRows(colon, []).setAside.map((l) => l.n)).toEqual([7, 8, 9]);
  });
});
