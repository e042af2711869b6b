import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { splitJoinedColumns } from '../../src/core/split-joined-columns.js';
import type { Diagnostic, InputLine } from '../../src/core/model.js';

const lines = (text: string): InputLine[] => text.split('\n').map((t, i) => ({ n: i + 1, text: t }));
const fixture = readFileSync(new URL('../../fixtures/pdftotext-joined-columns/input.txt', import.meta.url), 'utf8');

describe('split-joined-columns', () => {
  it('reads a stretch of joined lines left column, then right, each piece keeping its line number', () => {
    const warnings: Diagnostic[] = [];
    const out = splitJoinedColumns(lines(fixture), warnings);
    const texts = out.map((l) => l.text).filter((t) => t !== '');
    const left = texts.indexOf('食堂由社区闲置的活动室改');
    const right = texts.indexOf('樱花步道分时限流');
    expect(left).toBeGreaterThan(0);
    expect(texts.slice(left, left + 7).join('')).toBe('食堂由社区闲置的活动室改建而成，可同时容纳六十人用餐，菜单每周更换一次，居民可以在门口的意见簿上留言点菜。社区主任说，开张三天已有两百多位老人办卡，下一步将为行动不便的老人提供送餐上门。');
    expect(right).toBe(left + 7);
    expect(out.find((l) => l.text === '樱花步道分时限流')!.n).toBe(out.find((l) => l.text === '食堂由社区闲置的活动室改')!.n);
    // Only the joining spaces are dropped.
    expect(texts.join('').length).toBe(fixture.replace(/\n/g, '').length - 7);
    expect(warnings.map((w) => [w.code, w.args])).toEqual([['COLUMNS_JOINED_SPLIT', { lines: 7, stretches: 1 }]]);
  });
  it('warns about a lone joined line and leaves it as it is', () => {
    const body = Array.from({ length: 14 }, (_, i) => `这是第${'一二三四五六七八九十'[i % 10]}行正文，内容照常排好。`);
    body.splice(7, 0, '这是左栏正文，内容照常排好。 右栏正文在这里，也有逗号。');
    const warnings: Diagnostic[] = [];
    const input = lines(body.join('\n'));
    expect(splitJoinedColumns(input, warnings)).toEqual(input);
    expect(warnings).toEqual([]);
    body.splice(3, 0, '这是左栏另一行，内容照常排好。 右栏另一行正文，也有逗号。');
    const twice = lines(body.join('\n'));
    expect(splitJoinedColumns(twice, warnings)).toEqual(twice);
    expect(warnings.map((w) => w.code)).toEqual(['COLUMNS_JOINED_ON_LINES']);
    expect(warnings[0]!.message).toMatch(/pdftotext -layout/);
  });
  it('leaves a headline set as two phrases alone, and padded (-layout) text to split-layout-columns', () => {
    const body = Array.from({ length: 14 }, () => '这是一行正文，内容照常排好。');
    body.splice(5, 0, '两岸春节客流创新高 高铁夜车加开班次至凌晨时分');
    const warnings: Diagnostic[] = [];
    expect(splitJoinedColumns(lines(body.join('\n')), warnings).length).toBe(15);
    const padded = body.map((l) => `${l}    ${l}`);
    expect(splitJoinedColumns(lines(padded.join('\n')), warnings).length).toBe(15);
    expect(warnings).toEqual([]);
  });
});
