/**
 * Vertical writing set with horizontal fonts: Chinese (and Japanese) set top to
 * bottom, columns right to left, each glyph upright and placed one em under
 * the one before. Browsers print `writing-mode: vertical-rl` this way, and so
 * do layout programs that stack glyphs instead of using an Identity-V font.
 * Read as horizontal text, every glyph is a line of its own, or is joined
 * with the glyphs of the neighbouring columns on its baseline — garbage. Such
 * glyphs are found by their neighbours (one directly under or over them, em
 * boxes touching, and none beside them on their baseline), taken out of the
 * horizontal reading, and read as lines of their own, one per column, top to
 * bottom, columns right to left. Their lines carry no box: the layout stages
 * read horizontal geometry only, so a vertical page takes the text road and
 * vertical pieces of a horizontal page come after its stories (nothing lost).
 * Pure.
 */
import type { RepairKind } from '../core/model.js';
import type { LayoutBlock, LayoutLine } from './layout-lines.js';
import type { PlacedGlyph } from './pdf-glyphs.js';
import { medianOf, partitionPoint } from '../core/arrays.js';

/**
 * Em boxes of two glyphs of one vertical column touch: a browser or layout
 * program advances one em per glyph (a little more with letter-spacing), so
 * the gap between the boxes is within ±0.15 em. Horizontal lines of text are
 * set with leading (1.2–1.6 em line height: gaps of 0.2 em and more), so a
 * glyph directly over another glyph of the next line is never that close.
 */
const STACK_GAP = 0.15;
/** Glyphs of one column share their centre line (within 0.3 em: narrow punctuation is centred too). */
const STACK_ALIGN = 0.3;
/**
 * A glyph with a neighbour on its baseline, at most a quarter em away, is in
 * a horizontal line: CJK text is set solid or nearly, while the columns of
 * vertical text stand at least their line gap (0.3 em and more) apart.
 */
const BESIDE_GAP = 0.25;
const SAME_BASELINE = 0.15;
const SAME_SIZE = 0.1;
/** Fewer stacked glyphs than this are no column: two glyphs over each other happen in tables and furniture. */
const MIN_COLUMN = 3;
/** A column starting this many em lower than the one before it opens a paragraph (the two-character indent). */
const INDENT_MIN = 1.5;
/** Columns of one block: the gap between them at most this (em) — a column's line gap; a wider one separates blocks. */
const COLUMN_GAP = 1.2;

/**
 * Vertical presentation forms (U+FE10–FE19, U+FE30–FE4F): the punctuation of
 * vertical fonts, which text layers map the rotated glyphs to. In a line read
 * top to bottom they stand for the ordinary full-width forms.
 */
const VERTICAL_FORMS: Record<string, string> = {
  '\ufe10': '，', '\ufe11': '、', '\ufe12': '。', '\ufe13': '：', '\ufe14': '；', '\ufe15': '！', '\ufe16': '？',
  '\ufe17': '〖', '\ufe18': '〗', '\ufe19': '…', '\ufe30': '‥', '\ufe31': '—', '\ufe32': '–', '\ufe33': '_', '\ufe34': '_',
  '\ufe35': '（', '\ufe36': '）', '\ufe37': '｛', '\ufe38': '｝', '\ufe39': '〔', '\ufe3a': '〕', '\ufe3b': '【', '\ufe3c': '】',
  '\ufe3d': '《', '\ufe3e': '》', '\ufe3f': '〈', '\ufe40': '〉', '\ufe41': '「', '\ufe42': '」', '\ufe43': '『', '\ufe44': '』',
  '\ufe47': '［', '\ufe48': '］',
};

export interface VerticalSplit {
  /** The glyphs of horizontal text, in their drawing order. */
  horizontal: PlacedGlyph[];
  /** Blocks of vertical columns, each column a line read top to bottom, columns right to left. */
  blocks: LayoutBlock[];
  /** Glyphs read as vertical writing. */
  glyphs: number;
}

export function splitVertical(glyphs: PlacedGlyph[], pageIndex: number): VerticalSplit {
  if (glyphs.length < MIN_COLUMN) return { horizontal: glyphs, blocks: [], glyphs: 0 };
  const byTop = [...glyphs].sort((a, b) => a.bbox[1] - b.bbox[1]);
  const byBase = [...glyphs].sort((a, b) => a.base - b.base);
  const below = new Map<PlacedGlyph, PlacedGlyph>();
  const hasAbove = new Set<PlacedGlyph>();
  const beside = new Set<PlacedGlyph>();
  for (const g of glyphs) {
    const under = stackedUnder(g, byTop);
    if (under) {
      below.set(g, under);
      hasAbove.add(under);
    }
    if (hasNeighbourBeside(g, byBase)) beside.add(g);
  }
  const upright = (g: PlacedGlyph) => !beside.has(g) && (below.has(g) || hasAbove.has(g));
  const columns: PlacedGlyph[][] = [];
  const taken = new Set<PlacedGlyph>();
  for (const g of byTop) {
    if (taken.has(g) || !upright(g)) continue;
    const column = [g];
    let next = below.get(g);
    while (next && upright(next) && !taken.has(next) && !column.includes(next)) {
      column.push(next);
      next = below.get(next);
    }
    if (column.length < MIN_COLUMN) continue;
    for (const c of column) taken.add(c);
    columns.push(column);
  }
  if (columns.length === 0) return { horizontal: glyphs, blocks: [], glyphs: 0 };
  return {
    horizontal: glyphs.filter((g) => !taken.has(g)),
    blocks: columnBlocks(columns, pageIndex),
    glyphs: taken.size,
  };
}

const centreX = (g: PlacedGlyph) => (g.bbox[0] + g.bbox[2]) / 2;
const similarSize = (a: PlacedGlyph, b: PlacedGlyph) => Math.abs(a.size - b.size) <= SAME_SIZE * Math.max(a.size, b.size);

/** The glyph right under `g` in a vertical column, or undefined. */
function stackedUnder(g: PlacedGlyph, byTop: PlacedGlyph[]): PlacedGlyph | undefined {
  const bottom = g.bbox[3];
  const tol = STACK_GAP * g.size;
  let best: PlacedGlyph | undefined;
  for (let i = partitionPoint(byTop, (o) => o.bbox[1] >= bottom - tol); i < byTop.length && byTop[i]!.bbox[1] <= bottom + tol; i++) {
    const o = byTop[i]!;
    if (o === g || !similarSize(o, g) || Math.abs(centreX(o) - centreX(g)) > STACK_ALIGN * g.size) continue;
    if (!best || Math.abs(centreX(o) - centreX(g)) < Math.abs(centreX(best) - centreX(g))) best = o;
  }
  return best;
}

/** Another glyph on g's baseline touching or nearly touching it, left or right. */
function hasNeighbourBeside(g: PlacedGlyph, byBase: PlacedGlyph[]): boolean {
  const tol = SAME_BASELINE * g.size;
  const near = BESIDE_GAP * g.size;
  for (let i = partitionPoint(byBase, (o) => o.base >= g.base - tol); i < byBase.length && byBase[i]!.base <= g.base + tol; i++) {
    const o = byBase[i]!;
    if (o === g || !similarSize(o, g)) continue;
    const gap = Math.max(o.bbox[0] - g.bbox[2], g.bbox[0] - o.bbox[2]);
    // Heavy overlap is a glyph drawn over another (fake bold is gone by now): not a neighbour in a line.
    if (gap <= near && gap >= -0.5 * g.size) return true;
  }
  return false;
}

/** Columns right to left; neighbouring columns of one size and overlapping rows are one run of text, cut into paragraphs. */
function columnBlocks(columns: PlacedGlyph[][], pageIndex: number): LayoutBlock[] {
  const box = (c: PlacedGlyph[]) => [Math.min(...c.map((g) => g.bbox[0])), c[0]!.bbox[1], Math.max(...c.map((g) => g.bbox[2])), c[c.length - 1]!.bbox[3]] as const;
  const sorted = [...columns].sort((a, b) => box(b)[2] - box(a)[2] || box(a)[1] - box(b)[1]);
  const groups: PlacedGlyph[][][] = [];
  for (const c of sorted) {
    const [l, t, , b] = box(c);
    const size = c[0]!.size;
    const group = groups.find((gr) => {
      const last = gr[gr.length - 1]!;
      const [ll, lt, , lb] = box(last);
      return similarSize(last[0]!, c[0]!) && ll - box(c)[2] <= COLUMN_GAP * size && ll > l && Math.min(b, lb) - Math.max(t, lt) > 0;
    });
    if (group) group.push(c);
    else groups.push([c]);
  }
  // A paragraph's first column starts two characters down: each paragraph is a block, as on horizontal pages.
  const paragraphs: PlacedGlyph[][][] = [];
  for (const gr of groups) {
    gr.forEach((c, i) => {
      const indented = i > 0 && c[0]!.bbox[1] - gr[i - 1]![0]!.bbox[1] >= INDENT_MIN * c[0]!.size;
      if (i === 0 || indented) paragraphs.push([c]);
      else paragraphs[paragraphs.length - 1]!.push(c);
    });
  }
  return paragraphs.map((p, i) => ({ id: `p${pageIndex}-v${i + 1}`, lines: p.map(columnLine) }));
}

/**
 * One column as a line: its glyphs top to bottom, vertical punctuation put
 * back to the horizontal forms (a `cjk-lookalike` repair), fake-bold copies
 * (already dropped) recorded as on horizontal lines. No box: see the header.
 */
function columnLine(column: PlacedGlyph[]): LayoutLine {
  const drawn = column.map((g) => g.text).join('');
  const fold = (t: string) => [...t].map((ch) => VERTICAL_FORMS[ch] ?? ch).join('');
  const text = fold(drawn);
  const size = Math.round(medianOf(column, (g) => g.size) * 100) / 100;
  const bold = column.filter((g) => g.bold).length * 2 > column.length;
  const repairs: { kind: RepairKind; before: string }[] = [];
  const copies = column.reduce((n, g) => n + g.copies, 0);
  // As on horizontal lines, every glyph as drawn: the copies' vertical forms are input too.
  if (copies > 0) repairs.push({ kind: 'fake-bold', before: column.map((g) => g.text.repeat(1 + g.copies)).join('') });
  if (text !== drawn) repairs.push({ kind: 'cjk-lookalike', before: drawn });
  return { words: [{ text, size, bold }], ...(repairs.length > 0 ? { repairs } : {}) };
}
