/**
 * Vertical writing set with horizontal fonts (src/io/pdf-vertical.ts): glyphs
 * stacked one em apart, columns right to left, are read as column lines; the
 * lines of horizontal text, whose glyphs also stand over each other one line
 * apart, are left alone. Glyph boxes are worked out by hand (10 pt type).
 */
import { describe, expect, it } from 'vitest';
import { glyphsToPage, type PlacedGlyph } from '../../src/io/pdf-glyphs.js';
import { splitVertical } from '../../src/io/pdf-vertical.js';
import { layoutToLines } from '../../src/io/layout-lines.js';

function placed(text: string, x: number, base: number, size = 10, copies = 0): PlacedGlyph {
  return { text, bbox: [x, base - 0.88 * size, x + size, base + 0.12 * size], base, size, bold: false, copies, seq: 0 };
}

/** A column of text from the top: each glyph one em under the one before. */
const column = (text: string, x: number, top: number, size = 10) => [...text].map((c, i) => placed(c, x, top + 0.88 * size + i * size, size));
/** A horizontal line from the left: each glyph one em after the one before. */
const row = (text: string, x: number, base: number) => [...text].map((c, i) => placed(c, x + 10 * i, base));

const lineTexts = (split: ReturnType<typeof splitVertical>) => split.blocks.flatMap((b) => b.lines.map((l) => l.words.map((w) => w.text).join('')));

describe('splitVertical', () => {
  it('reads columns set top to bottom right to left, and puts vertical punctuation back to its horizontal form', () => {
    // Columns 15 pt apart (a 0.5 em line gap): the right one first; the glyphs of neighbouring columns share baselines.
    const glyphs = [...column('河水清了\ufe10', 100, 20), ...column('鱼回来了\ufe12', 85, 20), ...column('本报讯', 70, 20)];
    const split = splitVertical(glyphs, 1);
    expect(split.glyphs).toBe(13);
    expect(split.horizontal).toEqual([]);
    expect(lineTexts(split)).toEqual(['河水清了，', '鱼回来了。', '本报讯']);
    expect(split.blocks).toHaveLength(1);
    expect(split.blocks[0]!.lines[0]!.repairs).toEqual([{ kind: 'cjk-lookalike', before: '河水清了\ufe10' }]);
  });

  it('leaves horizontal lines alone, even set with tight leading (line height 1.2 em)', () => {
    const glyphs = [...row('第一行文字', 10, 50), ...row('第二行文字', 10, 62), ...row('第三行', 10, 74)];
    const split = splitVertical(glyphs, 1);
    expect(split.glyphs).toBe(0);
    expect(split.horizontal).toHaveLength(glyphs.length);
  });

  it('leaves two glyphs over each other alone (a table cell, furniture): a column has at least three', () => {
    const split = splitVertical([...column('二版', 100, 20), ...row('正文一行', 10, 80)], 1);
    expect(split.glyphs).toBe(0);
  });

  it('in a page: the horizontal page number stays a boxed line, the column lines carry no box and keep their fake-bold repair', () => {
    const glyphs = [...row('第6版', 10, 12), ...column('古城墙', 100, 30), placed('城', 100.3, 30 + 8.8 + 10, 10, 0)];
    // The copy of 城 (0.3 pt to the right) is dropped by dropCopies before the columns are read, and counted on the kept glyph.
    const page = glyphsToPage(glyphs, { width: 200, height: 200, unit: 'pt' }, 1);
    expect(page.vertical).toEqual({ glyphs: 3, columns: 1 });
    const { lines, repairs } = layoutToLines([page]);
    expect(lines.map((l) => l.text)).toEqual(['第6版', '古城墙']);
    expect(lines[0]!.hint?.bbox).toBeDefined();
    expect(lines[1]!.hint?.bbox).toBeUndefined();
    expect(repairs).toEqual([{ kind: 'fake-bold', lines: [2, 2], before: '古城城墙', after: '古城墙' }]);
  });

  it('a doubled vertical form is recorded as drawn: the fake-bold repair keeps the copy before it is folded', () => {
    const glyphs = [...column('古城︐墙', 100, 30), placed('︐', 100.3, 30 + 8.8 + 2 * 10, 10, 0)];
    const page = glyphsToPage(glyphs, { width: 200, height: 200, unit: 'pt' }, 1);
    const { lines, repairs } = layoutToLines([page]);
    expect(lines.map((l) => l.text)).toEqual(['古城，墙']);
    expect(repairs).toEqual([
      { kind: 'fake-bold', lines: [1, 1], before: '古城︐︐墙', after: '古城，墙' },
      { kind: 'cjk-lookalike', lines: [1, 1], before: '古城︐墙', after: '古城，墙' },
    ]);
  });
});
