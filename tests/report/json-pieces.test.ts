/** jsonPieces joined is JSON.stringify, byte for byte, on every fixture's document and on JSON's corner cases. */
import { describe, expect, it } from 'vitest';
import { jsonPieces } from '../../src/report/json-pieces.js';
import { convertFixture, fixtureCases } from '../helpers/fixtures.js';

const joined = (value: unknown, indent?: number) => [...jsonPieces(value, indent)].join('');

describe('jsonPieces', () => {
  it.each(fixtureCases().map((c) => [c.name, c.input]))('%s: indented and compact output equal JSON.stringify', async (_name, input) => {
    const doc = await convertFixture(input);
    expect(joined(doc, 2)).toBe(JSON.stringify(doc, null, 2));
    expect(joined(doc)).toBe(JSON.stringify(doc));
  });

  it.each([undefined, 0, 2, 4, 12])('corner cases with indent %s: empty containers, skipped members, nesting below the split depth', (indent) => {
    const value = {
      a: [],
      b: {},
      c: [undefined, () => 1, Symbol('s'), null, -0, 1e400, 'line\nbreak', '"quoted"'],
      d: undefined,
      e: { f: [{ g: [[1, [2, { h: [] }]], { i: 'x\n' }] }], j: undefined },
      '\u2028key': [[[[['deep']]]]],
      k: { toJSON: () => ({ replaced: true }) },
    };
    expect(joined(value, indent)).toBe(JSON.stringify(value, null, indent));
    expect(joined([value, [], {}], indent)).toBe(JSON.stringify([value, [], {}], null, indent));
  });

  it('hands on pieces of tens of thousands of characters, not one string, for a large document', () => {
    const big = { articles: Array.from({ length: 40_000 }, (_, i) => ({ id: `a${i}`, paragraphs: [{ text: '社区组织志愿者开展垃圾分类宣传活动。'.repeat(3) }] })) };
    const pieces = [...jsonPieces(big, 2)];
    expect(pieces.length).toBeGreaterThan(2);
    expect(Math.max(...pieces.map((p) => p.length))).toBeLessThan(1 << 16);
    expect(pieces.join('')).toBe(JSON.stringify(big, null, 2));
  });
});
