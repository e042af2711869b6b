import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dealTwoColumns, lineBigrams } from '../../src/core/deal-woven-columns.js';
import { setAsideWovenRows } from '../../src/core/set-aside-woven-rows.js';
import { displayWidth } from '../../src/core/chars.js';
import type { Diagnostic, InputLine } from '../../src/core/model.js';

const fixture = readFileSync(new URL('../../fixtures/two-columns-woven-row-by-row/input.txt', import.meta.url), 'utf8');
const lines = (text: string): InputLine[] => text.split('\n').map((t, i) => ({ n: i + 1, text: t }));
const row = (n: number, ...pieces: string[]) => ({ n, pieces: pieces.map((text) => ({ text, width: displayWidth(text) })) });
/** Twenty rows of two pieces each around the lone pieces under test (shorter stretches are not dealt). */
const frame = (start: number) => Array.from({ length: 20 }, (_, k) => row(start + k, '左栏正文排满一行，内容照常排好。', '右栏正文排满一行，内容照常排好。'));

describe('deal-woven-columns', () => {
  it('gives a lone piece to the column whose open sentence it goes on, by the bigram at the junction', () => {
    const rows = [...frame(1), row(21, '居民说这里的公园越来越漂亮，', '管理处表示明年还要新增一批座'), row(22, '椅，方便老人歇脚。'), row(23, '大家都很满意。')];
    // 座椅 stands together elsewhere on the page; 漂亮 ends its clause with a comma, so both sides are open.
    const bigrams = lineBigrams(lines('公园里的座椅都是新换的'));
    const dealt = dealTwoColumns({ rows, column: 15, bigrams })!;
    expect(dealt.right.slice(-2).map((l) => l.n)).toEqual([21, 22]);
    expect(dealt.left.at(-1)!.n).toBe(23);
  });
  it('never starts a piece with a mark no line starts with under a closed sentence', () => {
    // Short and open, the piece would read as a paragraph's first line (after the closed sentence); its comma says it goes on.
    const rows = [...frame(1), row(21, '这一段话到这里就结束了。', '右栏这一行的话还没有说完'), row(22, '，接着往下读')];
    const dealt = dealTwoColumns({ rows, column: 15, bigrams: new Map() })!;
    expect(dealt.right.at(-1)!.n).toBe(22);
  });
  it('leaves short stretches and rows of three pieces undealt', () => {
    expect(dealTwoColumns({ rows: frame(1).slice(0, 10), column: 15, bigrams: new Map() })).toBeNull();
    expect(dealTwoColumns({ rows: [...frame(1), row(21, '甲', '乙', '丙')], column: 15, bigrams: new Map() })).toBeNull();
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
});
