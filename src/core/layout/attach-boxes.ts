/**
 * Positioned pages: each article gets the ids of the reader's blocks its
 * lines came from (in reading order) and the union box of those lines. Uses
 * the lines the article's parts name (sources and paragraphs), so a line of
 * another story inside the article's overall range does not count.
 */
import type { Article, InputLine } from '../model.js';

function articleLineNumbers(a: Article): number[] {
  const ranges: [number, number][] = [...Object.values(a.sources).filter((r): r is [number, number] => Array.isArray(r)), ...a.paragraphs.map((p) => p.lines)];
  if (ranges.length === 0) ranges.push(a.lines);
  const set = new Set<number>();
  for (const [first, last] of ranges) for (let n = first; n <= last; n++) set.add(n);
  return [...set].sort((x, y) => x - y);
}

export function attachBoxes(articles: Article[], lines: InputLine[]): void {
  const byN = new Map(lines.map((l) => [l.n, l]));
  for (const a of articles) {
    // A Set keeps first-seen order and answers "seen?" at once: blocks.includes() made one article
    // of 40,000 hOCR paragraphs take 15 s.
    const blocks = new Set<string>();
    let box: [number, number, number, number] | null = null;
    for (const n of articleLineNumbers(a)) {
      const hint = byN.get(n)?.hint;
      if (!hint) continue;
      if (hint.block) blocks.add(hint.block);
      const b = hint.bbox;
      if (!b) continue;
      box = box ? [Math.min(box[0], b[0]), Math.min(box[1], b[1]), Math.max(box[2], b[2]), Math.max(box[3], b[3])] : [b[0], b[1], b[2], b[3]];
    }
    if (blocks.size > 0) a.blocks = [...blocks];
    if (box) a.bbox = box;
  }
}
