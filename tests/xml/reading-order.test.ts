import { describe, expect, it } from 'vitest';
import { readingOrder, splitByGaps, type Box } from '../../src/io/reading-order.js';

const box = (key: number, l: number, t: number, r: number, b: number): Box => ({ key, bbox: [l, t, r, b] });

describe('readingOrder (XY-cut)', () => {
  it('reads three columns left to right, top to bottom within each', () => {
    const boxes = [box(0, 700, 100, 980, 300), box(1, 0, 100, 280, 300), box(2, 350, 320, 630, 500), box(3, 0, 320, 280, 500), box(4, 350, 100, 630, 300), box(5, 700, 320, 980, 500)];
    expect(readingOrder(boxes)).toEqual([1, 3, 4, 2, 0, 5]);
  });

  it('lets a headline spanning columns cut the page into bands', () => {
    // headline over all three columns, then the columns, then a full-width block at the bottom
    const boxes = [box(0, 0, 0, 980, 80), box(1, 0, 100, 300, 500), box(2, 340, 100, 640, 500), box(3, 680, 100, 980, 500), box(4, 0, 520, 980, 600)];
    expect(readingOrder(boxes)).toEqual([0, 1, 2, 3, 4]);
  });

  it('keeps a column-3 article whole next to a two-column article with its own headline', () => {
    const boxes = [
      box(0, 0, 0, 640, 80), // headline over columns 1-2
      box(1, 0, 100, 300, 500),
      box(2, 340, 100, 640, 500),
      box(3, 680, 0, 980, 60), // column 3 headline
      box(4, 680, 70, 980, 500),
    ];
    expect(readingOrder(boxes)).toEqual([0, 1, 2, 3, 4]);
  });

  it('does not cut columns at paragraph gaps that line up across them', () => {
    const boxes = [box(0, 0, 0, 300, 200), box(1, 0, 210, 300, 400), box(2, 340, 0, 640, 200), box(3, 340, 210, 640, 400)];
    expect(readingOrder(boxes)).toEqual([0, 1, 2, 3]);
  });

  it('cuts a wide horizontal gap into bands before looking for columns (bandGap)', () => {
    // top row of two columns, a big gap, a bottom row of two columns whose gutter lines up
    const boxes = [box(0, 0, 0, 300, 200), box(1, 340, 0, 640, 200), box(2, 0, 400, 300, 600), box(3, 340, 400, 640, 600)];
    expect(readingOrder(boxes)).toEqual([0, 2, 1, 3]);
    expect(readingOrder(boxes, { bandGap: 100 })).toEqual([0, 1, 2, 3]);
  });

  it('tolerates slight overlaps with slack, and falls back to top-left order for overlapping boxes', () => {
    const boxes = [box(0, 0, 0, 310, 200), box(1, 300, 0, 600, 200), box(2, 0, 210, 310, 400)];
    expect(readingOrder(boxes, { slack: 10 })).toEqual([0, 2, 1]);
    const overlapping = [box(0, 100, 50, 300, 150), box(1, 0, 0, 200, 100), box(2, 50, 90, 250, 300)];
    expect(readingOrder(overlapping)).toEqual([1, 0, 2]);
  });

  it('handles empty and single inputs, and many boxes without deep recursion trouble', () => {
    expect(readingOrder([])).toEqual([]);
    expect(readingOrder([box(7, 0, 0, 1, 1)])).toEqual([7]);
    const stair = Array.from({ length: 2000 }, (_, i) => box(i, i * 10, i * 10, i * 10 + 15, i * 10 + 15));
    expect(readingOrder(stair)).toHaveLength(2000);
  });

  it('splitByGaps groups along an axis', () => {
    const groups = splitByGaps([box(0, 0, 0, 10, 10), box(1, 5, 20, 20, 30), box(2, 30, 0, 40, 10)], 0, 1);
    expect(groups.map((g) => g.map((b) => b.key))).toEqual([[0, 1], [2]]);
  });
});
