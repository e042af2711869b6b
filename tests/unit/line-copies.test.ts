// Issue 14 item 10 (memory): the per-line repair stages copy the page's line array only when a line changes,
// and then once, at its length. A 50 MB page holds 1.3 million lines; a copy grown by push for every stage
// was ~24 MB allocated each in V8's large-object space. Structural, not a measurement of memory.
import { describe, expect, it } from 'vitest';
import { cleanCharacters } from '../../src/core/clean-characters.js';
import { repairDoubling } from '../../src/core/repair-doubling.js';
import { repairOcrDashes } from '../../src/core/repair-ocr-dashes.js';
import { widenCjkPunctuation } from '../../src/core/widen-cjk-punctuation.js';
import type { Repair } from '../../src/core/model.js';

const workLines = (texts: string[]) => cleanCharacters(texts.map((text, i) => ({ n: i + 1, text })), []);

describe('per-line repairs copy the lines only when one changes', () => {
  const stages = [
    ['repair-doubling', (lines: ReturnType<typeof workLines>, repairs: Repair[]) => repairDoubling(lines, repairs), '街道举办培训班街道举办培训班'],
    ['widen-cjk-punctuation', (lines: ReturnType<typeof workLines>, repairs: Repair[]) => widenCjkPunctuation(lines, true, repairs), '居民踊跃参与,活动圆满结束.'],
    ['repair-ocr-dashes', (lines: ReturnType<typeof workLines>, repairs: Repair[]) => repairOcrDashes(lines, repairs), '一一记者 张华'],
  ] as const;

  it.each(stages)('%s hands back the same array when no line needs it', (_name, stage) => {
    const lines = workLines(['本报讯 居民踊跃参与垃圾分类。', '', '活动持续到本月底。']);
    const repairs: Repair[] = [];
    expect(stage(lines, repairs)).toBe(lines);
    expect(repairs).toEqual([]);
  });

  it.each(stages)('%s copies once when a line changes: the input array and its lines stay as they were', (_name, stage, changed) => {
    const lines = workLines(['本报讯 居民踊跃参与垃圾分类。', changed, '活动持续到本月底。']);
    const before = lines.slice();
    const repairs: Repair[] = [];
    const out = stage(lines, repairs);
    expect(out).not.toBe(lines);
    expect(lines).toEqual(before);
    expect(lines[1]!.text).toBe(changed);
    expect(out).toHaveLength(3);
    // Unchanged lines are the same objects, not copies of them.
    expect(out[0]).toBe(lines[0]);
    expect(out[2]).toBe(lines[2]);
    expect(out[1]!.text).not.toBe(changed);
    expect(repairs).toHaveLength(1);
    expect(repairs[0]!.lines).toEqual([2, 2]);
  });
});
