/**
 * From a reader's page model (blocks → lines → words, with boxes) to the
 * `InputLine[]` the core takes: blocks put in reading order, words joined
 * into line text under the CJK spacing rule, overprinted copies dropped (and
 * recorded as repairs), and the layout hints filled in. Pure.
 */
import type { InputLine, PageGeometry, Repair, RepairKind } from '../core/model.js';
import { readingOrder, splitByGaps, type Box, type ReadingOrderOptions } from './reading-order.js';
import { GUTTER_TUNING, gapAtGutter, inGutter, pageGutters } from './page-gutters.js';

export type BBox = [number, number, number, number];

export interface LayoutWord {
  text: string;
  bbox?: BBox;
  /** An ALTO SP element stands between this word and the previous one. */
  spaceBefore?: boolean;
  /** Type size in page units (PDF font size from the text matrix); absent for OCR input. */
  size?: number;
  /** Bold font (PDF font's real name, ALTO STYLE="bold"). */
  bold?: boolean;
  /** The OCR engine's confidence in the word, 0–1 (hOCR x_wconf / 100, ALTO WC); absent when the file gives none. */
  conf?: number;
}

export interface LayoutLine {
  id?: string;
  bbox?: BBox;
  words: LayoutWord[];
  /** What the reader already repaired on this line (PDF fake-bold copies); `after` is the line's text. */
  repairs?: { kind: RepairKind; before: string }[];
}

export interface LayoutBlock {
  id?: string;
  bbox?: BBox;
  lines: LayoutLine[];
}

export interface LayoutPage {
  blocks: LayoutBlock[];
  /** Page size in the units of the boxes, when the input states it. */
  geometry?: PageGeometry;
  /** Block ids in an order the file states (ALTO IDNEXT / ReadingOrder); geometry is used when absent. */
  statedOrder?: string[];
  /** 1-based page index inside a multi-page input (PDF). */
  index?: number;
}

export interface LayoutResult {
  lines: InputLine[];
  lineIds: (string | null)[];
  repairs: Repair[];
}

/** Han, kana, hangul, CJK and full-width punctuation, and the quotes/dashes Chinese text uses. */
const CJKISH = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u2000-\u206f\u2e80-\u303f\uff00-\uffef□■○●◎◆◇▲△☆★]/u;

/** Display units of a string: CJK and full-width 1, everything else 0.5. */
export function displayUnits(text: string): number {
  let w = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    w += cp < 0x1100 || (cp >= 0xff61 && cp <= 0xffdc) ? 0.5 : 1;
  }
  return w;
}

function median(values: number[]): number {
  if (values.length === 0) return 0;
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

export function unionBox(boxes: (BBox | undefined)[]): BBox | undefined {
  let out: BBox | undefined;
  for (const b of boxes) {
    if (!b) continue;
    out = out ? [Math.min(out[0], b[0]), Math.min(out[1], b[1]), Math.max(out[2], b[2]), Math.max(out[3], b[3])] : [...b];
  }
  return out;
}

function lineBox(line: LayoutLine): BBox | undefined {
  return line.bbox ?? unionBox(line.words.map((w) => w.bbox));
}

function blockBox(block: LayoutBlock): BBox | undefined {
  return block.bbox ?? unionBox(block.lines.map(lineBox));
}

/** True when `b` is an overprinted copy of `a`: same text, boxes nearly on top of each other. */
export function isOverprint(a: LayoutWord, b: LayoutWord, lineHeight: number): boolean {
  if (a.text !== b.text || !a.bbox || !b.bbox || a.text.trim() === '') return false;
  const tol = Math.max(2, 0.3 * Math.min(a.bbox[2] - a.bbox[0], lineHeight || Infinity));
  return (
    Math.abs(a.bbox[0] - b.bbox[0]) <= tol &&
    Math.abs(a.bbox[2] - b.bbox[2]) <= tol &&
    Math.abs(a.bbox[1] - b.bbox[1]) <= Math.max(2, 0.3 * (lineHeight || 0))
  );
}

/**
 * Joins a line's words: no space between CJK words; one space between two
 * non-CJK words when the file marks a space (SP) or the gap is over a quarter
 * of the line height.
 */
export function joinWords(words: LayoutWord[], lineHeight: number): string {
  let out = '';
  let prev: LayoutWord | undefined;
  for (const w of words) {
    const text = w.text.trim();
    if (text === '') continue;
    if (prev) {
      const last = [...prev.text.trim()].pop()!;
      const first = [...text][0]!;
      if (!CJKISH.test(last) && !CJKISH.test(first)) {
        const gap = w.bbox && prev.bbox ? w.bbox[0] - prev.bbox[2] : undefined;
        const wide = gap !== undefined && lineHeight > 0 && gap > 0.25 * lineHeight;
        if (w.spaceBefore || wide || (gap === undefined && w.spaceBefore !== false)) out += ' ';
      }
    }
    out += text;
    prev = w;
  }
  return out;
}

export interface LayoutOptions {
  /** Height ratio over the median body line that marks a line as large (default 1.3). */
  largeRatio?: number;
}

/** Builds the core's input lines from a page model. */
export function layoutToLines(pages: LayoutPage[], options: LayoutOptions = {}): LayoutResult {
  const largeRatio = options.largeRatio ?? 1.3;
  const lines: InputLine[] = [];
  const lineIds: (string | null)[] = [];
  const repairs: Repair[] = [];

  for (const page of pages) {
    const blocks = page.blocks.filter((b) => b.lines.some((l) => l.words.some((w) => w.text.trim() !== '')));
    // Page statistics: median line height, median width of one display unit.
    const heights: number[] = [];
    const unitWidths: number[] = [];
    for (const b of blocks) {
      for (const l of b.lines) {
        const box = lineBox(l);
        if (box) heights.push(box[3] - box[1]);
        for (const w of l.words) {
          const units = displayUnits(w.text.trim());
          if (w.bbox && units > 0) unitWidths.push((w.bbox[2] - w.bbox[0]) / units);
        }
      }
    }
    const bodyHeight = median(heights);
    const unit = median(unitWidths);

    const gutters = pageGutters(gutterEvidence(blocks), bodyHeight);
    const splitBlocks = bodyHeight > 0 ? blocks.flatMap((b) => splitAcrossGutters(b, bodyHeight, gutters)) : blocks;
    const ordered = orderBlocks(splitBlocks, page.statedOrder, { bandGap: 1.5 * bodyHeight || undefined, slack: 0.25 * unit });
    const seenLines = new SeenLines();
    for (const block of ordered) {
      const bbox = blockBox(block);
      const columnWidth = bbox && unit > 0 ? Math.max(1, Math.round((bbox[2] - bbox[0]) / unit)) : undefined;
      const blockLeft = bbox?.[0];
      const sortedLines = [...block.lines];
      let first = true;
      // Indent: a line starting 1.5–3.5 units right of the block's left edge,
      // in a block whose lines mostly start flush (Chinese 2-character indent).
      const lefts = sortedLines.map((l) => lineBox(l)?.[0]).filter((x): x is number => x !== undefined);
      const flushShare = blockLeft !== undefined && unit > 0 ? lefts.filter((x) => x - blockLeft < 0.7 * unit).length / Math.max(1, lefts.length) : 0;
      // A block whose lines are mostly large is a headline: a short last line
      // (one glyph, so a smaller box) is large too.
      const largeCount = sortedLines.filter((l) => {
        const b = lineBox(l);
        return b && bodyHeight > 0 && b[3] - b[1] >= largeRatio * bodyHeight;
      }).length;
      const largeBlock = largeCount > 0 && largeCount * 2 >= sortedLines.length;
      for (const line of sortedLines) {
        const box = lineBox(line);
        const height = box ? box[3] - box[1] : bodyHeight;
        const { kept, dropped } = dropOverprints(line.words, height);
        const text = joinWords(kept, height);
        if (text === '') continue;
        // A whole line printed twice on top of itself (fake bold of a full line).
        const twin = box ? seenLines.twinOf(text, box, height) : undefined;
        if (twin) {
          repairs.push({ kind: 'overprint', lines: [twin.n, twin.n], before: twin.text + text, after: twin.text });
          continue;
        }
        const n = lines.length + 1;
        if (dropped.length > 0) {
          repairs.push({ kind: 'overprint', lines: [n, n], before: joinWords(line.words, height), after: text });
        }
        for (const r of line.repairs ?? []) repairs.push({ kind: r.kind, lines: [n, n], before: r.before, after: text });
        const indented =
          !first && box && blockLeft !== undefined && unit > 0 && lefts.length >= 3 && flushShare >= 0.5 &&
          box[0] - blockLeft >= 1.5 * unit && box[0] - blockLeft <= 3.5 * unit;
        const hint: InputLine['hint'] = {};
        if (line.id) hint.id = line.id;
        if (block.id) hint.block = block.id;
        if (box) hint.bbox = box;
        if (box && bodyHeight > 0 && (height >= largeRatio * bodyHeight || (largeBlock && height >= 1.1 * bodyHeight))) hint.large = true;
        if (first || indented) hint.blockStart = true;
        if (columnWidth !== undefined) hint.columnWidth = columnWidth;
        typeOf(kept, hint);
        // The engine's best word on the line: a line it was sure of nowhere is noise (find-ocr-noise).
        if (kept.length > 0 && kept.every((w) => w.conf !== undefined)) hint.confidence = Math.max(...kept.map((w) => w.conf!));
        if (page.index !== undefined) hint.page = page.index;
        lines.push({ n, text, hint });
        lineIds.push(line.id ?? null);
        if (box) seenLines.add({ text, box, n });
        first = false;
      }
    }
  }
  return { lines, lineIds, repairs };
}

/**
 * A line's type size and weight from its words (PDF glyphs): the size most of
 * its characters are set in, bold when most of them are bold.
 */
function typeOf(words: LayoutWord[], hint: NonNullable<InputLine['hint']>): void {
  const bySize = new Map<number, number>();
  let chars = 0;
  let boldChars = 0;
  let weighed = false;
  for (const w of words) {
    const n = [...w.text].length;
    if (w.size !== undefined) bySize.set(w.size, (bySize.get(w.size) ?? 0) + n);
    if (w.bold !== undefined) {
      weighed = true;
      chars += n;
      if (w.bold) boldChars += n;
    }
  }
  let best = 0;
  for (const [size, n] of bySize) if (n > (bySize.get(best) ?? 0)) best = size;
  if (bySize.size > 0) hint.size = best;
  if (weighed) hint.bold = boldChars * 2 > chars;
}

interface SeenLine {
  text: string;
  box: BBox;
  n: number;
}

/** Rows of the index of kept lines, in page units: a twin is looked for in the rows its tolerance reaches. */
const SEEN_ROW = 16;

/**
 * The lines kept so far, by text and row, so that looking for a line's
 * overprinted twin visits only lines with the same text near it: a scan of all
 * kept lines made an ALTO page of 130,000 overprinted lines take minutes.
 */
class SeenLines {
  private readonly byText = new Map<string, Map<number, SeenLine[]>>();
  add(line: SeenLine): void {
    let rows = this.byText.get(line.text);
    if (!rows) this.byText.set(line.text, (rows = new Map()));
    const row = Math.floor(line.box[1] / SEEN_ROW);
    const list = rows.get(row);
    if (list) list.push(line);
    else rows.set(row, [line]);
  }
  /** The first kept line (lowest n) with this text and nearly this box, as nearlySameBox() decides. */
  twinOf(text: string, box: BBox, height: number): SeenLine | undefined {
    const rows = this.byText.get(text);
    if (!rows) return undefined;
    const tol = boxTolerance(height);
    let twin: SeenLine | undefined;
    const visit = (list: SeenLine[] | undefined) => {
      for (const s of list ?? []) if ((twin === undefined || s.n < twin.n) && nearlySameBox(s.box, box, height)) twin = s;
    };
    const from = Math.floor((box[1] - tol) / SEEN_ROW);
    const to = Math.floor((box[1] + tol) / SEEN_ROW);
    // Coordinates that are not finite, or a tolerance wider than the rows there are: look at every row.
    if (!(Number.isFinite(from) && Number.isFinite(to)) || to - from >= rows.size) for (const list of rows.values()) visit(list);
    else for (let row = from; row <= to; row++) visit(rows.get(row));
    return twin;
  }
}

const boxTolerance = (height: number) => Math.max(2, 0.3 * height);

function nearlySameBox(a: BBox, b: BBox, height: number): boolean {
  const tol = boxTolerance(height);
  return Math.abs(a[0] - b[0]) <= tol && Math.abs(a[1] - b[1]) <= tol && Math.abs(a[2] - b[2]) <= tol && Math.abs(a[3] - b[3]) <= tol;
}

function dropOverprints(words: LayoutWord[], height: number): { kept: LayoutWord[]; dropped: LayoutWord[] } {
  const kept: LayoutWord[] = [];
  const dropped: LayoutWord[] = [];
  for (const w of words) {
    const prev = kept[kept.length - 1];
    if (prev && isOverprint(prev, w, height)) dropped.push(w);
    else kept.push(w);
  }
  return { kept, dropped };
}

/** Blocks in reading order: the file's stated order when it has one, else geometry. */
export function orderBlocks(blocks: LayoutBlock[], stated?: string[], options: ReadingOrderOptions = {}): LayoutBlock[] {
  if (stated && stated.length > 0) {
    const byId = new Map(blocks.filter((b) => b.id).map((b) => [b.id!, b]));
    const out: LayoutBlock[] = [];
    const used = new Set<LayoutBlock>();
    for (const id of stated) {
      const b = byId.get(id);
      if (b && !used.has(b)) {
        out.push(b);
        used.add(b);
      }
    }
    const rest = orderBlocks(blocks.filter((b) => !used.has(b)), undefined, options);
    return [...out, ...rest];
  }
  const boxes: Box[] = [];
  const unplaced: LayoutBlock[] = [];
  blocks.forEach((b) => {
    const box = blockBox(b);
    if (box) boxes.push({ key: boxes.length, bbox: box });
    else unplaced.push(b);
  });
  // Without coordinates on every block, geometry cannot be trusted: keep file order.
  if (unplaced.length > 0) return blocks;
  const placed = blocks.filter((b) => blockBox(b));
  return readingOrder(boxes, options).map((k) => placed[k]!);
}

/**
 * What the page's gutters are found from: the boxes of its lines, or on an OCR
 * page (every word carries the engine's confidence) the boxes of its words.
 * Over a narrow gutter (1.4 em) Tesseract runs most rows of a story straight
 * across, and their line boxes fill the gutter the page shows; its words do
 * not (a Han word is a glyph or two), so the gutter is still there to cut
 * those lines at. A PDF's words are text runs, up to a whole line: its lines
 * are used as before.
 */
function gutterEvidence(blocks: LayoutBlock[]): BBox[] {
  const ocr = blocks.every((b) => b.lines.every((l) => l.words.every((w) => w.conf !== undefined && w.bbox !== undefined)));
  const out: BBox[] = [];
  for (const b of blocks) {
    for (const l of b.lines) {
      if (ocr) {
        for (const w of l.words) if (w.text.trim() !== '' && (w.conf ?? 0) >= GUTTER_TUNING.wordConfidence) out.push(w.bbox!);
      } else {
        const box = lineBox(l);
        if (box) out.push(box);
      }
    }
  }
  return out;
}

/**
 * Tesseract sometimes reads one "line" straight across several columns (a row
 * of headlines, the furniture strip, body lines over a narrow gutter). A gap
 * between words of at least 2.5 body line heights (and 1.2 of the line's own
 * height) is a gutter anywhere; a narrower one is a gutter when it lines up
 * with one of the page's `gutters` (found from the other lines) and the line is
 * body type — a flat narrower threshold cut real lines. The line is cut there,
 * and the block's pieces are regrouped into one block per column (all keeping
 * the block's id).
 */
export function splitAcrossGutters(block: LayoutBlock, bodyHeight: number, gutters: [number, number][] = []): LayoutBlock[] {
  let split = false;
  const segments: LayoutLine[] = [];
  for (const line of block.lines) {
    const box = lineBox(line);
    const height = box ? box[3] - box[1] : bodyHeight;
    const minGap = Math.max(2.5 * bodyHeight, 1.2 * height);
    // Body type on both sides of the gap, by the words' heights (Tesseract's box of a line run across columns
    // is often as tall as two lines): a headline beside body text is not cut by a narrow gap.
    const bodyType = (words: LayoutWord[]) => median(words.flatMap((w) => (w.bbox ? [w.bbox[3] - w.bbox[1]] : []))) <= GUTTER_TUNING.bodyHeightRatio * bodyHeight;
    let current: LayoutWord[] = [];
    const flush = () => {
      if (current.length === 0) return;
      const seg: LayoutLine = { words: current };
      if (line.id) seg.id = line.id;
      const segBox = current.length === line.words.length ? box : unionBox(current.map((w) => w.bbox));
      if (segBox) seg.bbox = segBox;
      segments.push(seg);
      current = [];
    };
    let prev: LayoutWord | undefined;
    line.words.forEach((w, i) => {
      if (w.text.trim() === '') return;
      // A speck read in the gutter (an unsure word there) stays with the text before it and bridges nothing.
      if (prev && w.bbox && gutterSpeck(w, gutters)) {
        current.push(w);
        return;
      }
      const gap = prev?.bbox && w.bbox ? w.bbox[0] - prev.bbox[2] : -Infinity;
      const atGutter = gap > 0 && gapAtGutter(prev!.bbox![2], w.bbox![0], gutters, bodyHeight) && bodyType(current) && bodyType(line.words.slice(i));
      if (gap >= minGap || atGutter) {
        flush();
        split = true;
      }
      current.push(w);
      prev = w;
    });
    flush();
  }
  if (!split) return [block];
  const boxes: Box[] = [];
  segments.forEach((seg, i) => {
    const b = lineBox(seg);
    if (b) boxes.push({ key: i, bbox: b });
  });
  if (boxes.length !== segments.length) return [block];
  return splitByGaps(boxes, 0, Number.MIN_VALUE).map((group) => {
    const lines = group.map((g) => segments[g.key]!).sort((a, b) => byRow(lineBox(a)!, lineBox(b)!));
    const out: LayoutBlock = { lines };
    if (block.id) out.id = block.id;
    const bb = unionBox(lines.map(lineBox));
    if (bb) out.bbox = bb;
    return out;
  });
}

/** An OCR word the engine was unsure of, lying in one of the page's gutters. */
function gutterSpeck(w: LayoutWord, gutters: [number, number][]): boolean {
  return w.conf !== undefined && w.conf < GUTTER_TUNING.wordConfidence && inGutter(w.bbox![0], w.bbox![2], gutters);
}

/** Top to bottom; boxes that share most of their height are one row, read left to right. */
function byRow(a: BBox, b: BBox): number {
  const overlap = Math.min(a[3], b[3]) - Math.max(a[1], b[1]);
  const shorter = Math.min(a[3] - a[1], b[3] - b[1]);
  if (shorter > 0 && overlap >= 0.5 * shorter) return a[0] - b[0];
  return a[1] - b[1] || a[0] - b[0];
}
