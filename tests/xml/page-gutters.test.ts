import { describe, expect, it } from 'vitest';
import { readHocr } from '../../src/io/read-hocr.js';
import { gapAtGutter, pageGutters } from '../../src/io/page-gutters.js';
import type { BBox } from '../../src/io/layout-lines.js';
import { block, cjkLine, hocr, type L } from './helpers.js';

const enc = (s: string) => new TextEncoder().encode(s);

/** Two columns of `rows` body lines, 10 characters of 40 px each, with a gutter of `gutter` px between them. */
function twoColumnLines(rows: number, gutter: number): { left: L[]; right: L[]; rightX: number } {
  const rightX = 100 + 400 + gutter;
  const left: L[] = [];
  const right: L[] = [];
  for (let i = 0; i < rows; i++) {
    left.push(cjkLine(`a${i}`, '左栏的正文一行十个字', 100, 100 + i * 60));
    right.push(cjkLine(`b${i}`, '右栏的正文一行十个字', rightX, 100 + i * 60));
  }
  return { left, right, rightX };
}

describe('page gutters (reader)', () => {
  it('finds a narrow gutter that a few lines run across, and no gutter inside a column', () => {
    const { left, right, rightX } = twoColumnLines(30, 60);
    const boxes: BBox[] = [...left, ...right].map((l) => [l.x, l.y, l.x + l.w, l.y + l.h]);
    // Two lines Tesseract ran across the gutter.
    boxes.push([100, 2000, rightX + 400, 2044], [100, 2060, rightX + 400, 2104]);
    const gutters = pageGutters(boxes, 44);
    expect(gutters).toHaveLength(1);
    const [g0, g1] = gutters[0]!;
    expect(g0).toBeGreaterThanOrEqual(480);
    expect(g1).toBeLessThanOrEqual(rightX + 20);
    // A gap over the gutter is cut; the same gap inside a column, or a narrow one over the gutter, is not.
    expect(gapAtGutter(498, rightX, gutters, 44)).toBe(true);
    expect(gapAtGutter(200, 262, gutters, 44)).toBe(false);
    expect(gapAtGutter(505, 520, gutters, 44)).toBe(false);
  });

  it('finds none on a page with too few lines to tell', () => {
    const { left, right } = twoColumnLines(4, 60);
    expect(pageGutters([...left, ...right].map((l) => [l.x, l.y, l.x + l.w, l.y + l.h] as BBox), 44)).toEqual([]);
  });

  it('cuts a body line joined across a 1.4 em gutter where its word gap lines up with the gutter', () => {
    const { left, right } = twoColumnLines(20, 60);
    // Row 20: Tesseract read both columns as one line (one block of its own).
    const a = cjkLine('j', '左栏被连上的那一行字', 100, 100 + 20 * 60);
    const b = cjkLine('j', '右栏被连上的那一行字', 560, 100 + 20 * 60);
    const joined: L = { ...a, w: 860, words: [...a.words, ...b.words] };
    const read = readHocr(enc(hocr([block('pl', left), block('pr', right), block('pj', [joined])])));
    const texts = read.lines.map((l) => l.text);
    expect(texts).toContain('左栏被连上的那一行字');
    expect(texts).toContain('右栏被连上的那一行字');
    expect(texts.some((t) => t.length > 10)).toBe(false);
  });

  it('does not cut a wide word gap that no gutter of the page lines up with', () => {
    const { left, right } = twoColumnLines(20, 60);
    // A line inside the left column with a 70 px gap in its middle (a spaced-out name, a tab): it stays whole.
    const a = cjkLine('s', '记者', 100, 100 + 20 * 60);
    const b = cjkLine('s', '张三报道', 250, 100 + 20 * 60);
    const spaced: L = { ...a, w: 310, words: [...a.words, ...b.words] };
    const read = readHocr(enc(hocr([block('pl', left), block('pr', right), block('ps', [spaced])])));
    expect(read.lines.map((l) => l.text)).toContain('记者张三报道');
  });
});
