import { describe, expect, it } from 'vitest';
import type { ClassifiedLine } from '../../src/core/classify-lines.js';
import type { Block, BodyUnit, TitleBlock } from '../../src/core/group-blocks.js';
import { splitBodies } from '../../src/core/split-bodies.js';

// Blocks built by hand: what split-bodies decides about a many-line headline block from the bodies alone.
const line = (n: number, text: string, role: ClassifiedLine['role']): ClassifiedLine =>
  ({ n, text, role, rule: role, column: 16, shape: 1, width: text.length }) as ClassifiedLine;
const title = (n: number, ...texts: string[]): TitleBlock => ({
  type: 'title', kicker: null, kickerRest: [], titles: texts.map((t, k) => line(n + k, t, 'title')), subheadline: null, subheadlineRest: [], display: false, lines: [n, n + texts.length - 1],
});
const unit = (n: number, ...texts: string[]): BodyUnit => ({
  type: 'body', bylines: [], dateline: null, body: texts.map((t, k) => line(n + k, t, 'body')), signoff: null, jump: null, jumpFrom: null, endmark: null, openedBy: 'text', closedBy: null, lines: [n, n + texts.length - 1],
});
const titles = (blocks: Block[]) => blocks.filter((b): b is TitleBlock => b.type === 'title').map((b) => b.titles.map((l) => l.text));

const market = unit(2, '老街两旁的商铺早早开门迎客，店主们说今年迎客的时间比往年都早。');
const park = unit(20, '河湾公园改造工程昨天全面完工，新建的步道沿着河岸延伸三公里，樱花树种满了步道两旁。');
const square = unit(40, '城南广场的夜市本周开市，摊位沿着广场排开，夜市里的小吃摊最受欢迎。');

describe('split-bodies: stacked headlines', () => {
  it('splits a block whose lines each read like a different body', () => {
    const blocks: Block[] = [title(1, '老街商铺开门迎客'), market, title(10, '河湾公园步道全面完工', '城南广场夜市开市'), park, square];
    expect(titles(splitBodies(blocks))).toEqual([['老街商铺开门迎客'], ['河湾公园步道全面完工'], ['城南广场夜市开市']]);
  });
  it('keeps a headline whose wrapped tail is a word of another story (too short to read like a body of its own)', () => {
    const blocks: Block[] = [title(1, '老街商铺开门迎客'), market, title(10, '河湾公园改造完工樱花步', '道迎客'), park];
    expect(titles(splitBodies(blocks))).toEqual([['老街商铺开门迎客'], ['河湾公园改造完工樱花步', '道迎客']]);
  });
  it('still splits off a short line that closes a bracket it never opened (the tail of the text above)', () => {
    const credit = unit(2, '老街两旁的商铺早早开门迎客。（作者为城南区商业协会', '副会长）');
    const blocks: Block[] = [title(1, '老街商铺开门迎客'), credit, title(10, '会副会长）', '河湾公园步道全面完工'), park];
    expect(titles(splitBodies(blocks))).toContainEqual(['会副会长）']);
  });
});
