import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dealColumns, lineBigrams } from '../../src/core/deal-woven-columns.js';
import { setAsideWovenRows } from '../../src/core/set-aside-woven-rows.js';
import { displayWidth } from '../../src/core/chars.js';
import type { Diagnostic, InputLine } from '../../src/core/model.js';

const fixture = readFileSync(new URL('../../fixtures/two-columns-woven-row-by-row/input.txt', import.meta.url), 'utf8');
const threeColumns = readFileSync(new URL('../../fixtures/three-columns-woven-row-by-row/input.txt', import.meta.url), 'utf8');
const lines = (text: string): InputLine[] => text.split('\n').map((t, i) => ({ n: i + 1, text: t }));
const row = (n: number, ...pieces: string[]) => ({ n, pieces: pieces.map((text) => ({ text, width: displayWidth(text) })) });
/** Twenty rows of two pieces each around the lone pieces under test (shorter stretches are not dealt). */
const frame = (start: number) => Array.from({ length: 20 }, (_, k) => row(start + k, '左栏正文排满一行，内容照常排好。', '右栏正文排满一行，内容照常排好。'));

describe('deal-woven-columns', () => {
  it('gives a lone piece to the column whose open sentence it goes on, by the bigram at the junction', () => {
    const rows = [...frame(1), row(21, '居民说这里的公园越来越漂亮，', '管理处表示明年还要新增一批座'), row(22, '椅，方便老人歇脚。'), row(23, '大家都很满意。')];
    // 座椅 stands together elsewhere on the page; 漂亮 ends its clause with a comma, so both sides are open.
    const bigrams = lineBigrams(lines('公园里的座椅都是新换的'));
    const [left, right] = dealColumns({ rows, column: 15, bigrams })!;
    expect(right!.slice(-2).map((l) => l.n)).toEqual([21, 22]);
    expect(left!.at(-1)!.n).toBe(23);
  });
  it('never starts a piece with a mark no line starts with under a closed sentence', () => {
    // Short and open, the piece would read as a paragraph's first line (after the closed sentence); its comma says it goes on.
    const rows = [...frame(1), row(21, '这一段话到这里就结束了。', '右栏这一行的话还没有说完'), row(22, '，接着往下读')];
    const [, right] = dealColumns({ rows, column: 15, bigrams: new Map() })!;
    expect(right!.at(-1)!.n).toBe(22);
  });
  it('leaves short stretches and rows of five pieces undealt', () => {
    expect(dealColumns({ rows: frame(1).slice(0, 10), column: 15, bigrams: new Map() })).toBeNull();
    expect(dealColumns({ rows: [...frame(1), row(21, '甲', '乙', '丙', '丁', '戊')], column: 15, bigrams: new Map() })).toBeNull();
  });
  it('deals three columns: a row of two pieces goes to the columns whose sentences they go on, keeping their order', () => {
    const full = '正文排满一行，内容照常排好了'; // 14 em of 15: open, not short enough to be a first line
    const three = Array.from({ length: 20 }, (_, k) => row(1 + k, full, full, full));
    // The left column's sentence ends; the middle and right ones go on: the row of two is theirs.
    const rows = [...three, row(21, '左栏这一段话到这里说完了。', '中栏这一行的话还没有说完', '右栏这一行的话也没有说完'), row(22, '，中栏接着往下读下去。', '，右栏接着往下读下去。')];
    const [left, middle, right] = dealColumns({ rows, column: 15, bigrams: new Map() })!;
    expect([left!.length, middle!.length, right!.length]).toEqual([21, 22, 22]);
    expect(middle!.at(-1)!.text).toBe('，中栏接着往下读下去。');
    expect(right!.at(-1)!.text).toBe('，右栏接着往下读下去。');
  });
  it('puts the first pieces of a three-column stretch in its left columns when no sentence tells', () => {
    const first = '段落的第一行缩进两格'; // a paragraph's first line: ends no sentence, 2 em short
    const rows = [row(1, first, first), row(2, first), ...Array.from({ length: 20 }, (_, k) => row(3 + k, '正文排满一行，内容照常排好了', '正文排满一行，内容照常排好了', '正文排满一行，内容照常排好了'))];
    const [left, middle, right] = dealColumns({ rows, column: 15, bigrams: new Map() })!;
    expect([left![0]!.n, middle![0]!.n, right![0]!.n]).toEqual([1, 1, 2]);
  });
  it('puts a woven stretch out as its left column, then its right, nothing set aside or lost', () => {
    const warnings: Diagnostic[] = [];
    const input = lines(fixture);
    const out = setAsideWovenRows(input, warnings);
    expect(out.setAside).toEqual([]);
    const text = out.lines.map((l) => l.text).join('');
    expect(text).toContain('工人们清理了河道里的淤泥，又沿着河岸修建了生态护坡，让水鸟重新回到了河湾公园。为了方便市民出行');
    expect(text).toContain('樱花节期间游客较多，请市民爱护园内花木。');
    const chars = (ls: InputLine[]) => ls.map((l) => l.text.replace(/\s/gu, '')).join('').length;
    expect(chars(out.lines)).toBe(chars(input));
    expect(warnings.map((w) => w.code)).toEqual(['COLUMNS_WOVEN_DEALT']);
  });
  it("puts a three-column stretch out column by column, each column's lines in order", () => {
    const input = lines(threeColumns);
    const out = setAsideWovenRows(input, []);
    expect(out.setAside).toEqual([]);
    const text = out.lines.map((l) => l.text.replace(/\s/gu, '')).join('');
    // The three columns' tops, in order: left, middle, right.
    const tops = ['城东社区图书馆改造工程本周完工', '用再排队等管理员', '为了方便上班族'].map((t) => text.indexOf(t));
    expect(tops.every((k) => k >= 0)).toBe(true);
    expect([...tops].sort((a, b) => a - b)).toEqual(tops);
    expect(text).toContain('大家希望多添绘本读物和大字版图书');
  });
  it("deals a short line without a clause mark in a long stretch (a column's intertitle), not in a short one (beside a headline)", () => {
    const two = (k: number) => `左栏正文排满一行，内容排好了第${k}行 右栏正文排满一行，内容排好了第${k}行`;
    // A column read down after the stretch gives the page its column width.
    const after = Array.from({ length: 60 }, (_, k) => `下栏正文排满一行，内容排好了第${k % 10}行`);
    const page = (count: number) => lines(['标题', '', ...Array.from({ length: count }, (_, k) => (k === 10 ? '栏里的小标题' : two(k % 10))), '', ...after].join('\n'));
    expect(setAsideWovenRows(page(45), []).setAside).toEqual([]);
    expect(setAsideWovenRows(page(25), []).setAside.length).toBeGreaterThan(0);
  });
});
