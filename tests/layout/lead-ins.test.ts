/**
 * Issue 14 (review), item 6: leadInsOf (src/core/layout/order-blocks.ts)
 * scanned every block of the region for every headline across it, O(headlines
 * × blocks). It now searches a window of bottoms in the blocks sorted by their
 * bottom edge. Same results: compared with the scan as it was, on generated
 * layouts — ties of bottoms and x-overlaps, stacked kickers and labels, blocks
 * just inside and just outside the reach, integer and fractional coordinates.
 */
import { describe, expect, it } from 'vitest';
import type { Block } from '../../src/core/layout/build-blocks.js';
import { xOverlap } from '../../src/core/layout/geometry.js';
import { leadInsOf, sortedByBottom } from '../../src/core/layout/order-blocks.js';
import { LAYOUT_TUNING as T } from '../../src/core/layout/tuning.js';

/** The scan as it was before the window (the reference). */
function naiveLeadIns(h: Block, blocks: Block[], isAcross: Set<Block>): Block[] {
  const out: Block[] = [];
  let under: Block = h;
  for (let k = 0; k < 2; k++) {
    let best: Block | null = null;
    for (const bl of blocks) {
      if (bl === h || isAcross.has(bl) || out.includes(bl) || bl.lines.length > T.stackMaxLines) continue;
      const gap = under.box[1] - bl.box[3];
      if (gap < 0 || gap > T.headlineGapRatio * h.size || xOverlap(bl.box, under.box) <= 0) continue;
      if (!best || bl.box[3] > best.box[3]) best = bl;
    }
    if (!best) break;
    out.unshift(best);
    under = best;
  }
  return out;
}

function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function block(id: number, box: [number, number, number, number], lines: number, size: number, kind: Block['kind']): Block {
  return { id, lines: Array.from({ length: lines }) as Block['lines'], box, spanBox: box, size, kind, c1: 0, c2: 3 } as Block;
}

/** A region of `n` blocks with a few headlines across it and short blocks crowded above them. */
function layout(rand: () => number, n: number, fractional: boolean): { blocks: Block[]; across: Block[] } {
  const q = (v: number) => (fractional ? v : Math.round(v));
  const blocks: Block[] = [];
  const across: Block[] = [];
  const heads = 1 + Math.floor(rand() * 6);
  for (let i = 0; i < heads; i++) {
    const top = q(rand() * 2000);
    const size = q(20 + rand() * 40);
    const h = block(blocks.length, [q(rand() * 50), top, q(900 + rand() * 100), top + size], 1 + Math.floor(rand() * 2), size, 'headline');
    blocks.push(h);
    across.push(h);
    // Short blocks ending near its top: some within reach (gap 0 … 0.8 × size), some just past it, some overlapping it.
    for (let j = 0; j < 4; j++) {
      const gap = q((rand() * 1.2 - 0.1) * T.headlineGapRatio * size);
      const bottom = top - gap;
      const x = q(rand() * 900);
      blocks.push(block(blocks.length, [x, bottom - q(10 + rand() * 30), x + q(rand() * 300), bottom], 1 + Math.floor(rand() * 4), q(10 + rand() * 20), rand() < 0.5 ? 'headline' : 'body'));
    }
  }
  while (blocks.length < n) {
    const x = q(rand() * 1000);
    const y = q(rand() * 2100);
    // Repeated bottoms: ties that the window must break as the scan did (first in the region wins).
    const bottom = rand() < 0.3 && blocks.length > 0 ? blocks[Math.floor(rand() * blocks.length)]!.box[3] : y + q(5 + rand() * 200);
    blocks.push(block(blocks.length, [x, Math.min(y, bottom - 1), x + q(20 + rand() * 400), bottom], 1 + Math.floor(rand() * 8), q(10 + rand() * 30), rand() < 0.2 ? 'headline' : 'body'));
  }
  // The region's order is not sorted by anything in particular.
  for (let i = blocks.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [blocks[i], blocks[j]] = [blocks[j]!, blocks[i]!];
  }
  return { blocks, across };
}

describe('leadInsOf: a window of bottoms, the same lead-ins as the scan', () => {
  it('agrees with the scan on 3,000 generated regions', () => {
    let found = 0;
    let stacked = 0;
    for (let seed = 1; seed <= 3_000; seed++) {
      const rand = seeded(seed);
      const { blocks, across } = layout(rand, 10 + Math.floor(rand() * 80), seed % 2 === 0);
      const isAcross = new Set(across);
      const byBottom = sortedByBottom(blocks);
      for (const h of across) {
        const want = naiveLeadIns(h, blocks, isAcross);
        expect(leadInsOf(h, byBottom, isAcross).map((b) => b.id), `seed ${seed}, headline ${h.id}`).toEqual(want.map((b) => b.id));
        if (want.length > 0) found++;
        if (want.length > 1) stacked++;
      }
    }
    // The generated regions exercise the rule: many headlines have a lead-in, some two.
    expect(found).toBeGreaterThan(1_000);
    expect(stacked).toBeGreaterThan(100);
  });
});
