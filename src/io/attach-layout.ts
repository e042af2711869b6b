/**
 * Post-pass for layout input: each article gets the ids of the blocks its
 * lines came from (in reading order) and the union box of those lines. Uses
 * the lines the article's parts name (sources and paragraphs), so a line the
 * core left elsewhere inside the article's overall range does not count.
 */
import type { Article, InputLine, NewsDocument } from '../core/model.js';
import { unionBox } from './layout-lines.js';

function articleLineNumbers(a: Article): number[] {
  const ranges: [number, number][] = [...Object.values(a.sources).filter((r): r is [number, number] => Array.isArray(r)), ...a.paragraphs.map((p) => p.lines)];
  if (ranges.length === 0) ranges.push(a.lines);
  const set = new Set<number>();
  for (const [first, last] of ranges) for (let n = first; n <= last; n++) set.add(n);
  return [...set].sort((x, y) => x - y);
}

/** Fills `blocks` and `bbox` of every article from the input lines' hints (in place; returns the document). */
export function attachLayout(doc: NewsDocument, lines: InputLine[]): NewsDocument {
  const byN = new Map(lines.map((l) => [l.n, l]));
  for (const a of doc.articles) {
    const blocks: string[] = [];
    const boxes = [];
    for (const n of articleLineNumbers(a)) {
      const hint = byN.get(n)?.hint;
      if (!hint) continue;
      if (hint.block && !blocks.includes(hint.block)) blocks.push(hint.block);
      boxes.push(hint.bbox);
    }
    const bbox = unionBox(boxes);
    if (blocks.length > 0) a.blocks = blocks;
    if (bbox) a.bbox = bbox;
  }
  return doc;
}
