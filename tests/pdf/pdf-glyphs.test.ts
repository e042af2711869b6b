/**
 * The PDF reader's pure part: operator lists to placed glyphs, fake-bold
 * copies dropped by position, glyphs to lines and blocks. Hand-made operator
 * lists stand in for pdf.js, so every number here is worked out by hand.
 */
import { describe, expect, it } from 'vitest';
import { dropCopies, glyphsToPage, isBoldFontName, placeGlyphs, type PdfFont, type PdfOps, type PlacedGlyph } from '../../src/io/pdf-glyphs.js';
import { layoutToLines } from '../../src/io/layout-lines.js';

// Any distinct numbers do: the interpreter only compares codes.
const OPS: PdfOps = {
  save: 10, restore: 11, transform: 12, beginText: 31, setTextMatrix: 42, moveText: 40, setLeadingMoveText: 41, nextLine: 43,
  setLeading: 36, setCharSpacing: 33, setWordSpacing: 34, setHScale: 35, setTextRise: 38, setTextRenderingMode: 37, setFont: 37.5,
  showText: 44, showSpacedText: 45, nextLineShowText: 46, nextLineSetSpacingShowText: 47, paintFormXObjectBegin: 74, paintFormXObjectEnd: 75,
};

/** A page 200 pt high: PDF user space (y up) to top-left origin, as pdf.js's viewport at scale 1. */
const PAGE: [number, number, number, number, number, number] = [1, 0, 0, -1, 0, 200];

const glyph = (unicode: string, width = 1000) => ({ unicode, width, isSpace: false });

function run(ops: [number, unknown[] | null][], fonts: Record<string, PdfFont>) {
  return placeGlyphs(ops.map((o) => o[0]), ops.map((o) => o[1]), (n) => fonts[n], OPS, PAGE);
}

describe('placeGlyphs', () => {
  it('places each glyph of a run at its advance, with the em box above the baseline in top-left coordinates', () => {
    const { glyphs } = run(
      [
        [OPS.beginText, null],
        [OPS.setFont, ['f1', 10]],
        [OPS.setTextMatrix, [[1, 0, 0, 1, 50, 150]]],
        [OPS.showText, [[glyph('人'), glyph('民'), -500, glyph('网')]]],
      ],
      { f1: { name: 'ABCDEF+NotoSerifCJKsc-Regular' } },
    );
    expect(glyphs.map((g) => g.text)).toEqual(['人', '民', '网']);
    // Baseline at 200 − 150 = 50; em box 8.8 above, 1.2 below; a TJ of −500 moves 5 pt on.
    expect(glyphs[0]!.bbox.map((v) => +v.toFixed(2))).toEqual([50, 41.2, 60, 51.2]);
    expect(glyphs[1]!.bbox[0]).toBeCloseTo(60);
    expect(glyphs[2]!.bbox[0]).toBeCloseTo(75);
    expect(glyphs.every((g) => g.size === 10 && !g.bold)).toBe(true);
  });

  it('reads a Chromium-style Type 3 font (flipped font matrix, flipped text and page matrices) upright, with its size', () => {
    const { glyphs } = run(
      [
        [OPS.transform, [0.5, 0, 0, -0.5, 0, 200]],
        [OPS.beginText, null],
        [OPS.setFont, ['t3', 20]],
        [OPS.setTextMatrix, [[1, 0, 0, -1, 100, 100]]],
        [OPS.showText, [[glyph('报')]]],
      ],
      { t3: { name: 'BAAAAA+NotoSansCJKtc-Bold', fontMatrix: [0.001, 0, 0, -0.001, 0, 0], isType3Font: true } },
    );
    // User space: x = 0.5·100 = 50, y = 200 − 0.5·100 = 150, then the page flips y: baseline at 50. Size 0.5·20 = 10.
    expect(glyphs[0]!.size).toBeCloseTo(10);
    expect(glyphs[0]!.bbox.map((v) => +v.toFixed(2))).toEqual([50, 41.2, 60, 51.2]);
    expect(glyphs[0]!.bold).toBe(true);
  });

  it('takes pdf.js isSpace for char code 32 only: a glyph with text is kept, word spacing still applies', () => {
    const { glyphs } = run(
      [
        [OPS.setFont, ['f', 10]],
        [OPS.setWordSpacing, [5]],
        [OPS.setTextMatrix, [[1, 0, 0, 1, 0, 100]]],
        [OPS.showText, [[{ unicode: '具', width: 1000, isSpace: true }, glyph('体')]]],
      ],
      { f: {} },
    );
    expect(glyphs.map((g) => g.text)).toEqual(['具', '体']);
    expect(glyphs[1]!.bbox[0]).toBeCloseTo(15);
  });

  it('counts glyphs without Unicode and private-use code points as unmapped', () => {
    const { glyphs, unmapped } = run(
      [
        [OPS.setFont, ['f', 10]],
        [OPS.showText, [[glyph(''), glyph('\ue001'), glyph('字')]]],
      ],
      { f: {} },
    );
    expect(unmapped).toBe(2);
    expect(glyphs.map((g) => g.text)).toEqual(['\ue001', '字']);
  });

  it('counts glyphs of a vertical font instead of placing them (vertical writing is not read yet)', () => {
    const r = run([[OPS.setFont, ['v', 10]], [OPS.showText, [[glyph('竖'), glyph('排')]]]], { v: { vertical: true } });
    expect(r.glyphs).toEqual([]);
    expect(r.vertical).toBe(2);
  });

  it('takes bold from text rendering mode 2 (fill and stroke) and restores the graphics state', () => {
    const { glyphs } = run(
      [
        [OPS.save, null],
        [OPS.setTextRenderingMode, [2]],
        [OPS.setFont, ['f', 10]],
        [OPS.showText, [[glyph('粗')]]],
        [OPS.restore, null],
        [OPS.setFont, ['f', 10]],
        [OPS.showText, [[glyph('细')]]],
      ],
      { f: { name: 'SimSun' } },
    );
    expect(glyphs.map((g) => g.bold)).toEqual([true, false]);
  });
});

describe('isBoldFontName', () => {
  it('reads weights from real font names', () => {
    expect(isBoldFontName('BAAAAA+NotoSansCJKtc-Bold')).toBe(true);
    expect(isBoldFontName('SimSun,Bold')).toBe(true);
    expect(isBoldFontName('SourceHanSerifSC-Heavy')).toBe(true);
    expect(isBoldFontName('AAAAAA+NotoSansCJKtc-Regular')).toBe(false);
    expect(isBoldFontName('NotoSansCJKsc-Medium')).toBe(false);
    expect(isBoldFontName(undefined)).toBe(false);
  });
});

function placed(text: string, x: number, base: number, size = 10, seq = 0): PlacedGlyph {
  return { text, bbox: [x, base - 0.88 * size, x + size, base + 0.12 * size], base, size, bold: false, copies: 0, seq };
}

describe('dropCopies (fake bold by position)', () => {
  it('keeps one of a glyph drawn two or three times a fraction of a point apart', () => {
    const kept = dropCopies([placed('老', 10, 50), placed('老', 10.35, 50), placed('街', 20, 50), placed('街', 20.3, 50), placed('街', 20.6, 50)]);
    expect(kept.map((g) => `${g.text}${g.copies}`)).toEqual(['老1', '街2']);
  });

  it('leaves neighbours of the same character alone (人人 a full advance apart)', () => {
    expect(dropCopies([placed('人', 10, 50), placed('人', 20, 50)])).toHaveLength(2);
  });

  it('finds a whole line drawn again after itself', () => {
    const line = [...'雨后河道'].map((c, i) => placed(c, 10 + 10 * i, 50));
    const again = [...'雨后河道'].map((c, i) => placed(c, 10.4 + 10 * i, 50.1));
    expect(dropCopies([...line, ...again]).map((g) => g.copies)).toEqual([1, 1, 1, 1]);
  });
});

describe('glyphsToPage', () => {
  const geometry = { width: 400, height: 300, unit: 'pt' };

  it('builds lines on one baseline, cut at a gutter, and records fake-bold copies as a repair of the line', () => {
    const glyphs = [placed('老', 10, 50, 20), placed('老', 10.35, 50, 20), placed('街', 30, 50, 20)];
    // Two columns of body text on one baseline, 2 em apart.
    const left = [...'左栏文字'].map((c, i) => placed(c, 10 + 10 * i, 100));
    const right = [...'右栏文字'].map((c, i) => placed(c, 70 + 10 * i, 100));
    const page = glyphsToPage([...glyphs, ...left, ...right], geometry, 1);
    const lines = page.blocks.flatMap((b) => b.lines.map((l) => l.words.map((w) => w.text).join('')));
    expect(lines).toEqual(['老街', '左栏文字', '右栏文字']);
    expect(page.blocks[0]!.lines[0]!.repairs).toEqual([{ kind: 'fake-bold', before: '老老街' }]);
    const { lines: input, repairs } = layoutToLines([page]);
    expect(repairs).toEqual([{ kind: 'fake-bold', lines: [1, 1], before: '老老街', after: '老街' }]);
    expect(input[0]!.hint).toMatchObject({ size: 20, bold: false });
  });

  it('keeps a squeezed full-width bracket and the comma after it in one line', () => {
    // 」 at 40 (advance box to 50); the comma moved up by half an em, at 45.
    const page = glyphsToPage([placed('党', 30, 50), placed('」', 40, 50), placed('，', 45, 50), placed('梁', 55, 50)], geometry, 1);
    expect(page.blocks).toHaveLength(1);
    expect(page.blocks[0]!.lines[0]!.words.map((w) => w.text).join('')).toBe('党」，梁');
  });

  it('puts an indented first line and the flush lines under it in one block, and starts a new block at the next indent', () => {
    const row = (text: string, x: number, base: number) => [...text].map((c, i) => placed(c, x + 10 * i, base));
    const glyphs = [
      ...row('开头缩进两字', 30, 50), // indented 2 em in a column starting at 10
      ...row('第二行顶格排起', 10, 64),
      ...row('第三行。', 10, 78),
      ...row('新段落缩进', 30, 92),
      ...row('接着一行顶格', 10, 106),
    ];
    const page = glyphsToPage(glyphs, geometry, 2);
    expect(page.blocks.map((b) => b.lines.length)).toEqual([3, 2]);
    expect(page.blocks[0]!.id).toBe('p2-b1');
  });
});
