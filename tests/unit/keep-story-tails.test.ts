import { describe, expect, it } from 'vitest';
import type { ClassifiedLine } from '../../src/core/classify-lines.js';
import type { Block, BodyUnit, TitleBlock } from '../../src/core/group-blocks.js';
import { keepStoryTails } from '../../src/core/keep-story-tails.js';

// Blocks built by hand: what keep-story-tails decides from blocks and pairs alone.
const line = (n: number, text: string, role: ClassifiedLine['role'], extra: Partial<ClassifiedLine> = {}): ClassifiedLine =>
  ({ n, text, role, rule: role, column: 15, shape: 1, width: text.length, ...extra }) as ClassifiedLine;

const title = (n: number, text: string): TitleBlock => ({ type: 'title', kicker: null, kickerRest: [], titles: [line(n, text, 'title')], subheadline: null, subheadlineRest: [], display: false, lines: [n, n] });

const unit = (first: number, body: ClassifiedLine[], bylines: ClassifiedLine[] = []): BodyUnit => ({
  type: 'body', bylines, dateline: null, body, signoff: null, jump: null, jumpFrom: null, endmark: null, openedBy: 'text', closedBy: null, lines: [first, body[body.length - 1]!.n],
});

const story = unit(2, [line(2, '河滨步道新装的路灯本周起每晚亮灯。', 'body')]);
const next = unit(6, [line(6, '石桥社区昨天举行消防演练。', 'body')]);

describe('keep-story-tails', () => {
  it('makes an unpaired one-line headline under a story, before the next headline, the story’s last paragraph', () => {
    const blocks: Block[] = [title(1, '河滨步道夜间亮灯'), story, title(4, '制图：林一帆'), title(5, '石桥社区消防演练举行'), next];
    const kept = keepStoryTails(blocks, [{ title: 0, body: 1, score: 1, content: 0.5, adjacent: 'before' }, { title: 3, body: 4, score: 1, content: 0.5, adjacent: 'before' }]);
    expect(kept.blocks).toHaveLength(4);
    const above = kept.blocks[1] as BodyUnit;
    expect(above.body.map((l) => l.text)).toEqual(['河滨步道新装的路灯本周起每晚亮灯。', '制图：林一帆']);
    expect(above.body[1]!.standalone).toBe(true);
    expect(above.tails).toEqual([4, 4]);
    // Pairs follow the blocks that remain.
    expect(kept.pairs.map((p) => [p.title, p.body])).toEqual([[0, 1], [2, 3]]);
  });

  it('leaves a headline line under a photo’s caption and credit alone (the credit closed the caption)', () => {
    const credit = line(3, '本报记者 王明 摄', 'byline', { byline: { text: '本报记者 王明 摄', role: '本报记者', names: ['王明'], credit: '摄' } });
    const photo = unit(2, [line(2, '图为老街口新安装的便民座椅。', 'body')], [credit]);
    const blocks: Block[] = [title(1, '老街口新添便民座椅'), photo, title(4, '守护城市安全'), title(5, '石桥社区消防演练举行'), next];
    const kept = keepStoryTails(blocks, [{ title: 0, body: 1, score: 1, content: 0.5, adjacent: 'before' }, { title: 3, body: 4, score: 1, content: 0.5, adjacent: 'before' }]);
    expect(kept.blocks).toBe(blocks);
  });

  it('gives no tail to a story its end mark or jump line closed; a sign-off may still have one under it', () => {
    for (const [closedBy, kept] of [['endmark', false], ['jump', false], ['signoff', true]] as const) {
      const closed: BodyUnit = { ...story, closedBy };
      const blocks: Block[] = [title(1, '河滨步道夜间亮灯'), closed, title(4, '春季义诊活动预告')];
      const out = keepStoryTails(blocks, [{ title: 0, body: 1, score: 1, content: 0.5, adjacent: 'before' }]).blocks;
      expect([closedBy, out.length]).toEqual([closedBy, kept ? 2 : 3]);
    }
  });

  it('leaves a paired headline, and one with text of its own under it, alone', () => {
    const blocks: Block[] = [title(1, '河滨步道夜间亮灯'), story, title(5, '石桥社区消防演练举行'), next];
    expect(keepStoryTails(blocks, [{ title: 0, body: 1, score: 1, content: 0.5, adjacent: 'before' }]).blocks).toBe(blocks);
  });
});
