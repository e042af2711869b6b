/**
 * From a PDF page's operator list (as pdf.js hands it back) to positioned
 * glyphs, and from glyphs to the page model of src/io/layout-lines.ts.
 * Pure: no pdf.js import here, so it is tested on hand-made operator lists and
 * a text run never loads it.
 *
 * Why the operator list rather than pdf.js's getTextContent: text content
 * merges glyphs into runs whose inner positions are lost, so a glyph drawn
 * twice a fraction of a point apart (fake bold) comes back as runs such as
 * "社", "社区", "区举" that no rule can take apart again; and the fonts' real
 * names (bold) are only sent with the operator list. The operator list has
 * every glyph with its font, size and the text state that places it.
 *
 * Coordinates: PDF points, top-left origin, y down (the page's viewport at
 * scale 1, so /Rotate and a CropBox offset are applied), like ALTO and hOCR.
 */
import type { PageGeometry, RepairKind } from '../core/model.js';
import type { BBox, LayoutBlock, LayoutLine, LayoutPage, LayoutWord } from './layout-lines.js';
import { splitVertical } from './pdf-vertical.js';
import { appendAll, medianOf } from '../core/arrays.js';

/** Numeric codes of the pdf.js operators this module interprets (pdf.js `OPS`). */
export interface PdfOps {
  save: number;
  restore: number;
  transform: number;
  beginText: number;
  setTextMatrix: number;
  moveText: number;
  setLeadingMoveText: number;
  nextLine: number;
  setLeading: number;
  setCharSpacing: number;
  setWordSpacing: number;
  setHScale: number;
  setTextRise: number;
  setTextRenderingMode: number;
  setFont: number;
  showText: number;
  showSpacedText: number;
  nextLineShowText: number;
  nextLineSetSpacingShowText: number;
  paintFormXObjectBegin: number;
  paintFormXObjectEnd: number;
}

/** What the interpreter needs of a pdf.js font object. */
export interface PdfFont {
  /** The font's real name (`BAAAAA+NotoSansCJKtc-Bold`), or undefined. */
  name?: string;
  fontMatrix?: number[];
  vertical?: boolean;
  isType3Font?: boolean;
}

/** A glyph as pdf.js puts it in `showText` arguments (numbers in the array are TJ adjustments). */
export interface PdfGlyph {
  unicode: string;
  width: number;
  isSpace?: boolean;
}

/** One drawn glyph on the page. */
export interface PlacedGlyph {
  text: string;
  /** Box [left, top, right, bottom]: the advance across, the em box (0.88 above the baseline, 0.12 below) up and down. */
  bbox: BBox;
  /** Baseline y. */
  base: number;
  /** Type size in points (font size through the text and page matrices). */
  size: number;
  bold: boolean;
  /** Copies of this glyph drawn on top of it (fake bold), dropped. */
  copies: number;
  /** Position in drawing order. */
  seq: number;
}

export interface GlyphRead {
  glyphs: PlacedGlyph[];
  /** Glyphs with no Unicode mapping or a private-use code point. */
  unmapped: number;
  /** Glyphs of vertical writing (Identity-V fonts), which this reader does not place yet. */
  vertical: number;
}

type Matrix = [number, number, number, number, number, number];

const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

function multiply(m: Matrix, n: Matrix): Matrix {
  // m then n (row vectors): the PDF convention, x' = x·m·n.
  return [
    m[0] * n[0] + m[1] * n[2],
    m[0] * n[1] + m[1] * n[3],
    m[2] * n[0] + m[3] * n[2],
    m[2] * n[1] + m[3] * n[3],
    m[4] * n[0] + m[5] * n[2] + n[4],
    m[4] * n[1] + m[5] * n[3] + n[5],
  ];
}

function asMatrix(v: unknown): Matrix | undefined {
  if (!v || typeof v !== 'object') return undefined;
  const a = v as Record<number, number>;
  const m: Matrix = [a[0]!, a[1]!, a[2]!, a[3]!, a[4]!, a[5]!];
  return m.every((x) => typeof x === 'number' && Number.isFinite(x)) ? m : undefined;
}

/**
 * Weight words in a font's real name that mean a bold face. Medium and
 * Regular are not bold; `,Bold` is how Windows producers name synthetic bold.
 */
const BOLD_NAME = /bold|black|heavy|demi|semibold|extrabold|ultrabold|[-,_ ]?W[6-9]\b/iu;

export function isBoldFontName(name: string | undefined): boolean {
  if (!name) return false;
  // Subset prefix (ABCDEF+) carries no meaning.
  return BOLD_NAME.test(name.replace(/^[A-Z]{6}\+/u, ''));
}

/** Text rendering mode 2 (fill, then stroke): the usual way Chinese producers embolden a regular face. */
const FILL_STROKE = 2;

/** Share of the em box above the baseline (CJK ideographic em box: 880/1000 in Noto, Source Han, most CJK fonts). */
const ASCENT = 0.88;
const DESCENT = 0.12;

function isPrivateUse(cp: number): boolean {
  return (cp >= 0xe000 && cp <= 0xf8ff) || cp >= 0xf0000 || cp === 0xfffd;
}

/**
 * Interprets the text operators of one page's operator list. `pageMatrix`
 * maps PDF user space to the top-left-origin page (pdf.js viewport transform).
 */
export function placeGlyphs(
  fnArray: ArrayLike<number>,
  argsArray: ArrayLike<unknown>,
  fontOf: (loadedName: string) => PdfFont | undefined,
  ops: PdfOps,
  pageMatrix: Matrix,
): GlyphRead {
  const glyphs: PlacedGlyph[] = [];
  let unmapped = 0;
  let verticalGlyphs = 0;
  interface State {
    ctm: Matrix;
    font?: PdfFont;
    fontSize: number;
    charSpacing: number;
    wordSpacing: number;
    hScale: number;
    rise: number;
    leading: number;
    renderMode: number;
  }
  let st: State = { ctm: pageMatrix, fontSize: 0, charSpacing: 0, wordSpacing: 0, hScale: 1, rise: 0, leading: 0, renderMode: 0 };
  const stack: State[] = [];
  // Text object state: the line matrix and the pen's offset from it (as pdf.js's canvas keeps them).
  let textMatrix: Matrix = IDENTITY;
  let lineX = 0;
  let lineY = 0;
  let x = 0;
  let y = 0;
  let seq = 0;

  const moveText = (dx: number, dy: number) => {
    lineX += dx;
    lineY += dy;
    x = lineX;
    y = lineY;
  };

  const show = (items: unknown) => {
    if (!Array.isArray(items) || !st.font || st.fontSize === 0) return;
    const font = st.font;
    const fm = font.fontMatrix && font.fontMatrix.length === 6 ? font.fontMatrix : [0.001, 0, 0, 0.001, 0, 0];
    const direction = st.fontSize < 0 ? -1 : 1;
    const fontSize = Math.abs(st.fontSize);
    const widthScale = fontSize * fm[0]!;
    const vertical = Boolean(font.vertical);
    // Type 3 glyph space is the font's own: an em of 1000 units under a 0.001 matrix is the common case.
    const emScale = font.isType3Font && Math.abs(fm[3]!) > 1e-4 && Math.abs(fm[3]!) < 1e-2 ? Math.abs(fm[3]!) * 1000 : 1;
    const full = multiply(textMatrix, st.ctm);
    const bold = isBoldFontName(font.name) || st.renderMode === FILL_STROKE;
    for (const g of items) {
      if (typeof g === 'number') {
        // TJ adjustment in thousandths of an em, against the writing direction.
        if (vertical) y -= (g * fontSize) / 1000;
        else x -= (g * fontSize) / 1000 * st.hScale;
        continue;
      }
      const glyph = g as PdfGlyph;
      const spacing = (glyph.isSpace ? st.wordSpacing : 0) + st.charSpacing;
      const advance = glyph.width * widthScale + spacing * direction;
      const text = glyph.unicode ?? '';
      // isSpace is pdf.js's "char code 32" (where word spacing applies, PDF 9.3.3), not "blank":
      // Chromium's Type 3 fonts number their glyphs from 0, so code 32 can be 具.
      if (!vertical && text.trim() !== '') {
        const emSize = fontSize * emScale;
        const ox = x;
        const oy = y + st.rise;
        const adv = glyph.width * widthScale * st.hScale;
        // Baseline start and end, and the em box's top above the start, in page space. Up is +y in
        // text space whatever the font matrix: Chromium's Type 3 fonts flip glyph space (FontMatrix
        // d < 0) and draw their glyphs upside down in it.
        // Points through the full matrix (x·a + y·c + e, x·b + y·d + f), written out without arrays: this runs
        // for every glyph of a page, and the arrays were most of its garbage.
        const ex0 = ox + adv;
        const ty0 = oy + emSize * direction;
        const bx = ox * full[0] + oy * full[2] + full[4];
        const by = ox * full[1] + oy * full[3] + full[5];
        const ex = ex0 * full[0] + oy * full[2] + full[4];
        const ey = ex0 * full[1] + oy * full[3] + full[5];
        const tx = ox * full[0] + ty0 * full[2] + full[4];
        const ty = ox * full[1] + ty0 * full[3] + full[5];
        const size = Math.hypot(tx - bx, ty - by);
        if (size > 0) {
          // The em box's corners: the baseline's ends moved up by the ascent and down by the descent.
          const ux = (tx - bx) / size;
          const uy = (ty - by) / size;
          const upX = ASCENT * size * ux;
          const downX = DESCENT * size * ux;
          const upY = ASCENT * size * uy;
          const downY = DESCENT * size * uy;
          const left = Math.min(bx + upX, bx - downX, ex + upX, ex - downX);
          const right = Math.max(bx + upX, bx - downX, ex + upX, ex - downX, left + 0.01);
          const top = Math.min(by + upY, by - downY, ey + upY, ey - downY);
          const bottom = Math.max(by + upY, by - downY, ey + upY, ey - downY);
          if (text.length === 1) {
            if (isPrivateUse(text.charCodeAt(0))) unmapped++;
          } else for (const ch of text) if (isPrivateUse(ch.codePointAt(0)!)) unmapped++;
          glyphs.push({ text, bbox: [left, top, right, bottom], base: by, size, bold, copies: 0, seq: seq++ });
        }
      } else if (text === '') {
        unmapped++;
      } else if (vertical && text.trim() !== '') {
        verticalGlyphs++;
      }
      if (vertical) y -= advance;
      else x += advance * st.hScale;
    }
  };

  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i];
    const args = argsArray[i] as unknown[] | null;
    switch (fn) {
      case ops.save:
        stack.push({ ...st });
        break;
      case ops.restore:
        st = stack.pop() ?? st;
        break;
      case ops.transform: {
        const m = args && asMatrix(args);
        if (m) st.ctm = multiply(m, st.ctm);
        break;
      }
      case ops.paintFormXObjectBegin: {
        stack.push({ ...st });
        const m = args && asMatrix(args[0]);
        if (m) st.ctm = multiply(m, st.ctm);
        break;
      }
      case ops.paintFormXObjectEnd:
        st = stack.pop() ?? st;
        break;
      case ops.beginText:
        textMatrix = IDENTITY;
        lineX = lineY = x = y = 0;
        break;
      case ops.setTextMatrix: {
        const m = args && asMatrix(args[0] ?? args);
        if (m) textMatrix = m;
        lineX = lineY = x = y = 0;
        break;
      }
      case ops.moveText:
        if (args) moveText(Number(args[0]), Number(args[1]));
        break;
      case ops.setLeadingMoveText:
        if (args) {
          st.leading = -Number(args[1]);
          moveText(Number(args[0]), Number(args[1]));
        }
        break;
      case ops.setLeading:
        if (args) st.leading = -Number(args[0]);
        break;
      case ops.nextLine:
        moveText(0, st.leading);
        break;
      case ops.setCharSpacing:
        if (args) st.charSpacing = Number(args[0]);
        break;
      case ops.setWordSpacing:
        if (args) st.wordSpacing = Number(args[0]);
        break;
      case ops.setHScale:
        if (args) st.hScale = Number(args[0]) / 100;
        break;
      case ops.setTextRise:
        if (args) st.rise = Number(args[0]);
        break;
      case ops.setTextRenderingMode:
        if (args) st.renderMode = Number(args[0]);
        break;
      case ops.setFont:
        if (args) {
          st.font = fontOf(String(args[0]));
          st.fontSize = Number(args[1]);
        }
        break;
      case ops.showText:
      case ops.showSpacedText:
        if (args) show(args[0]);
        break;
      case ops.nextLineShowText:
        moveText(0, st.leading);
        if (args) show(args[0]);
        break;
      case ops.nextLineSetSpacingShowText:
        if (args) {
          st.wordSpacing = Number(args[0]);
          st.charSpacing = Number(args[1]);
          moveText(0, st.leading);
          show(args[2]);
        }
        break;
      default:
        break;
    }
  }
  return { glyphs, unmapped, vertical: verticalGlyphs };
}

/**
 * A glyph drawn again at nearly the same place is fake bold (or a producer's
 * overprint), not a second character: within 0.3 of its advance across and
 * 0.1 em up or down. Two real glyphs of the same character never sit that
 * close — neighbours are a full advance apart (人人), and even narrow Latin
 * letters (ll) keep one advance.
 */
const COPY_ACROSS = 0.3;
const COPY_DOWN = 0.1;
/** How many earlier glyphs of the same character to compare with (a whole line may be drawn again after itself). */
const COPY_LOOKBACK = 64;

/** Drops the copies of fake-bold glyphs in place; each kept glyph counts its copies. */
export function dropCopies(glyphs: PlacedGlyph[]): PlacedGlyph[] {
  const kept: PlacedGlyph[] = [];
  const byText = new Map<string, PlacedGlyph[]>();
  for (const g of glyphs) {
    const same = byText.get(g.text);
    let original: PlacedGlyph | undefined;
    if (same) {
      const width = g.bbox[2] - g.bbox[0];
      for (let i = same.length - 1, n = 0; i >= 0 && n < COPY_LOOKBACK; i--, n++) {
        const o = same[i]!;
        if (Math.abs(o.size - g.size) > 0.05 * g.size) continue;
        if (Math.abs(o.bbox[0] - g.bbox[0]) <= COPY_ACROSS * Math.max(width, 0.1 * g.size) && Math.abs(o.base - g.base) <= COPY_DOWN * g.size) {
          original = o;
          break;
        }
      }
    }
    if (original) {
      original.copies++;
      continue;
    }
    kept.push(g);
    if (same) same.push(g);
    else byText.set(g.text, [g]);
  }
  return kept;
}

/**
 * Lines are runs of glyphs on one baseline: baselines within 0.15 em, sizes
 * within 10 %, and no gap over 0.9 em — a column gutter is wider (newspapers
 * set 1–3 em), a Latin word space or the letter-spacing of a justified CJK
 * line narrower.
 */
const SAME_BASELINE = 0.15;
const SAME_SIZE = 0.1;
const MAX_GAP = 0.9;
/** A gap over 0.15 em (or a space glyph, already gone) separates words. */
const WORD_GAP = 0.15;
/**
 * Glyphs overlapping by more than 0.6 em are not neighbours in one line (text
 * drawn over other text). Half an em is normal: a full-width bracket or comma
 * whose next glyph is moved up by half its advance (CJK punctuation squeeze).
 */
const MAX_OVERLAP = 0.6;

interface Run {
  glyphs: PlacedGlyph[];
}

/** A line's type size: the median of its glyphs' (a drop cap or a superscript does not move it), to 0.01 pt. */
function lineSize(glyphs: readonly PlacedGlyph[]): number {
  return Math.round(medianOf(glyphs, (g) => g.size) * 100) / 100;
}

function buildRuns(glyphs: PlacedGlyph[]): Run[] {
  const sorted = [...glyphs].sort((a, b) => a.base - b.base || a.bbox[0] - b.bbox[0]);
  const runs: Run[] = [];
  let i = 0;
  while (i < sorted.length) {
    // One baseline band: glyphs whose baselines stay within the tolerance of the band's first.
    const first = sorted[i]!;
    let j = i + 1;
    while (j < sorted.length && sorted[j]!.base - first.base <= SAME_BASELINE * Math.min(first.size, sorted[j]!.size)) j++;
    const band = sorted.slice(i, j).sort((a, b) => a.bbox[0] - b.bbox[0] || a.seq - b.seq);
    // Sizes in one band can differ (a headline and a caption beside it): runs of one size each.
    const open: Run[] = [];
    for (const g of band) {
      let run: Run | undefined;
      for (const r of open) {
        const last = r.glyphs[r.glyphs.length - 1]!;
        const gap = g.bbox[0] - last.bbox[2];
        if (Math.abs(last.size - g.size) <= SAME_SIZE * Math.max(last.size, g.size) && gap <= MAX_GAP * g.size && gap >= -MAX_OVERLAP * g.size) {
          run = r;
          break;
        }
      }
      if (run) run.glyphs.push(g);
      else {
        run = { glyphs: [g] };
        open.push(run);
        runs.push(run);
      }
    }
    i = j;
  }
  return runs;
}

function union(a: BBox, b: BBox): BBox {
  return [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3])];
}

function round2(b: BBox): BBox {
  return b.map((v) => Math.round(v * 100) / 100) as BBox;
}

/** A page line with what the reader repaired on it. */
export interface PdfLine extends LayoutLine {
  bbox: BBox;
  size: number;
}

function runToLine(run: Run): PdfLine {
  const words: LayoutWord[] = [];
  let word: { text: string; box: BBox; bold: boolean; size: number } | undefined;
  let prev: PlacedGlyph | undefined;
  let doubled = '';
  let copies = 0;
  const flush = (spaceBefore: boolean) => {
    if (!word) return;
    words.push({ text: word.text, bbox: round2(word.box), size: Math.round(word.size * 100) / 100, bold: word.bold, spaceBefore });
  };
  let pendingSpace = false;
  for (const g of run.glyphs) {
    const gap = prev ? g.bbox[0] - prev.bbox[2] : 0;
    if (!word || gap > WORD_GAP * g.size || g.bold !== word.bold) {
      flush(pendingSpace);
      pendingSpace = Boolean(prev) && gap > WORD_GAP * g.size;
      word = { text: g.text, box: g.bbox, bold: g.bold, size: g.size };
    } else {
      word.text += g.text;
      word.box = union(word.box, g.bbox);
    }
    doubled += g.text.repeat(1 + g.copies);
    copies += g.copies;
    prev = g;
  }
  flush(pendingSpace);
  if (words[0]) words[0].spaceBefore = false;
  const bbox = round2(run.glyphs.reduce((b, g) => union(b, g.bbox), run.glyphs[0]!.bbox));
  const line: PdfLine = { words, bbox, size: lineSize(run.glyphs) };
  if (copies > 0) line.repairs = [{ kind: 'fake-bold' satisfies RepairKind, before: doubled }];
  return line;
}

/**
 * Blocks by a simple rule, left for the core to refine: a line joins the
 * block above it when it has the same type size (within 5 %), starts within
 * 0.6 em below that block's last line, overlaps it across by more than half
 * the narrower of the two, and lines up with it — same left edge (within
 * 0.5 em), same centre (centred headlines), or, as the block's second line,
 * 1.5–3.5 em left of an indented first line (a paragraph's two-em indent).
 * A line indented against the block starts a new one: blocks are paragraphs,
 * headlines and captions, as an OCR engine's text blocks are.
 */
const BLOCK_SIZE = 0.05;
const BLOCK_GAP = 0.6;
const ALIGN = 0.5;
const INDENT_MIN = 1.5;
const INDENT_MAX = 3.5;

function joinsBlock(block: PdfLine[], line: PdfLine): boolean {
  const last = block[block.length - 1]!;
  const em = line.size;
  if (Math.abs(last.size - em) > BLOCK_SIZE * Math.max(last.size, em)) return false;
  const gap = line.bbox[1] - last.bbox[3];
  if (gap > BLOCK_GAP * em || gap < -0.3 * em) return false;
  const overlap = Math.min(last.bbox[2], line.bbox[2]) - Math.max(last.bbox[0], line.bbox[0]);
  if (overlap <= 0.5 * Math.min(last.bbox[2] - last.bbox[0], line.bbox[2] - line.bbox[0])) return false;
  const firstLeft = block[0]!.bbox[0];
  const flushLeft = block.length > 1 ? block[1]!.bbox[0] : firstLeft;
  if (Math.abs(line.bbox[0] - flushLeft) <= ALIGN * em) return true;
  const centre = (b: BBox) => (b[0] + b[2]) / 2;
  if (Math.abs(centre(line.bbox) - centre(last.bbox)) <= ALIGN * em && Math.abs(line.bbox[0] - last.bbox[0]) > ALIGN * em) return true;
  const indent = firstLeft - line.bbox[0];
  return block.length === 1 && indent >= INDENT_MIN * em && indent <= INDENT_MAX * em;
}

function groupBlocks(lines: PdfLine[]): PdfLine[][] {
  const sorted = [...lines].sort((a, b) => a.bbox[1] - b.bbox[1] || a.bbox[0] - b.bbox[0]);
  const blocks: PdfLine[][] = [];
  let open: PdfLine[][] = [];
  for (const line of sorted) {
    // Blocks that ended well above this line can take no more lines.
    open = open.filter((b) => line.bbox[1] - b[b.length - 1]!.bbox[3] <= BLOCK_GAP * Math.max(line.size, b[b.length - 1]!.size));
    let target: PdfLine[] | undefined;
    let best = Infinity;
    for (const b of open) {
      if (!joinsBlock(b, line)) continue;
      const d = line.bbox[1] - b[b.length - 1]!.bbox[3];
      if (d < best) {
        best = d;
        target = b;
      }
    }
    if (target) target.push(line);
    else {
      const b = [line];
      blocks.push(b);
      open.push(b);
    }
  }
  return blocks;
}

/** A PDF page's model, with what of it was set top to bottom (src/io/pdf-vertical.ts). */
export interface PdfLayoutPage extends LayoutPage {
  vertical: { glyphs: number; columns: number };
}

/** The page model for one page's glyphs; fake-bold copies are dropped and recorded on their lines, vertical columns read apart. */
export function glyphsToPage(glyphs: PlacedGlyph[], geometry: PageGeometry, pageIndex: number): PdfLayoutPage {
  const kept = dropCopies(glyphs);
  const vertical = splitVertical(kept, pageIndex);
  const lines = buildRuns(vertical.horizontal).map(runToLine);
  const blocks: LayoutBlock[] = groupBlocks(lines).map((lines, i) => ({
    id: `p${pageIndex}-b${i + 1}`,
    bbox: lines.reduce((b, l) => union(b, l.bbox), lines[0]!.bbox),
    lines,
  }));
  appendAll(blocks, vertical.blocks);
  return { blocks, geometry, vertical: { glyphs: vertical.glyphs, columns: vertical.blocks.reduce((n, b) => n + b.lines.length, 0) } };
}
