/**
 * The layout stages (src/core/layout) on small pages drawn in code: each test
 * is one phenomenon of a real page's geometry, with boxes a typesetter would
 * give (CJK glyphs one em wide, body type 40 units).
 */
import { describe, expect, it } from 'vitest';
import type { InputLine } from '../../src/core/model.js';
import { analyseLayout, isPositioned } from '../../src/core/layout/analyse-layout.js';
import { parseLines } from '../../src/index.js';
import { placedLines } from '../../src/core/layout/geometry.js';
import { measureType } from '../../src/core/layout/measure-type.js';
import { assignColumns, findColumns } from '../../src/core/layout/find-columns.js';
import { findContrastDisplay } from '../../src/core/layout/find-contrast-display.js';

const B = 40;
let n = 0;
/** A line of `text` set at (x, y) in type of `size`. */
function line(text: string, x: number, y: number, size = B): InputLine {
  return { n: ++n, text, hint: { bbox: [x, y, x + [...text].length * size, y + size] } };
}
/** `count` body lines filling a column from x, starting at y (leading 1.45). */
function column(x: number, y: number, count: number, width = 20, tag = '文'): InputLine[] {
  const out: InputLine[] = [];
  for (let i = 0; i < count; i++) out.push(line(`${tag}${'字'.repeat(width - 2)}。`, x, y + i * 1.45 * B));
  return out;
}
const texts = (lines: InputLine[]) => lines.map((l) => l.text);
const storyTexts = (page: InputLine[]) =>
  analyseLayout(page)
    .zones.filter((z) => z.zone)
    .map((z) => z.lines.map((l) => l.text));

describe('layout stages', () => {
  it('a page is positioned only when most of its lines have boxes', () => {
    const boxed = column(100, 100, 5);
    expect(isPositioned(boxed)).toBe(true);
    expect(isPositioned([...boxed, ...boxed.map((l) => ({ n: l.n + 100, text: l.text }))])).toBe(false);
    expect(isPositioned(boxed.map((l) => ({ n: l.n, text: l.text })))).toBe(false);
  });

  it('body size is the size most characters are set in, not the headline size', () => {
    const page = [line('大标题', 100, 40, 3 * B), ...column(100, 200, 8)];
    expect(measureType(placedLines(page)).body).toBe(B);
  });

  it('finds columns by the gutters between body lines; a headline across two columns does not bridge them', () => {
    const page = [line('横跨两栏的大标题文字', 100, 40, 3 * B), ...column(100, 200, 10), ...column(1000, 200, 10), ...column(1900, 200, 10)];
    const placed = placedLines(page);
    const type = measureType(placed);
    const cols = findColumns(placed, type);
    expect(cols).toHaveLength(3);
    assignColumns(placed, cols);
    expect([placed[0]!.c1, placed[0]!.c2]).toEqual([0, 1]);
  });

  it('a centred masthead in the top strip is furniture and does not join two columns', () => {
    const page = [line('03', 100, 20), line('城东社区报', 800, 20), line('2026年11月20日', 1700, 20), ...column(100, 150, 10), ...column(1000, 150, 10)];
    const a = analyseLayout(page);
    expect(a.columns).toHaveLength(2);
    expect(texts(a.zones[0]!.lines)).toEqual(['03', '城东社区报', '2026年11月20日']);
    expect(a.zones[0]!.lines.every((l) => l.hint?.display === 'furniture')).toBe(true);
  });

  it('a story runs down column 1 and on at the top of column 2 (no headline above it there)', () => {
    const page = [line('河畔步道开放', 100, 100, 2 * B), ...column(100, 220, 6, 20, '甲'), ...column(1000, 100, 3, 20, '乙'), line('图书室延时', 1000, 400, 2 * B), ...column(1000, 520, 4, 20, '丙')];
    const stories = storyTexts(page);
    expect(stories).toHaveLength(2);
    expect(stories[0]![0]).toBe('河畔步道开放');
    expect(stories[0]!.filter((t) => t.startsWith('乙'))).toHaveLength(3);
    expect(stories[1]![0]).toBe('图书室延时');
    expect(stories[1]!.slice(1).every((t) => t.startsWith('丙'))).toBe(true);
  });

  it('a headline across columns 1–2 owns the text under it in both; column 3 is read as its own story', () => {
    const page = [
      line('横跨两栏的大标题文字', 100, 100, 3 * B),
      ...column(100, 260, 5, 20, '甲'),
      ...column(1000, 260, 5, 20, '乙'),
      line('第三栏标题', 1900, 100, 2 * B),
      ...column(1900, 220, 10, 20, '丙'),
    ];
    const stories = storyTexts(page);
    expect(stories.map((s) => s[0])).toEqual(['横跨两栏的大标题文字', '第三栏标题']);
    expect(stories[0]!.slice(1).map((t) => t[0])).toEqual([...'甲甲甲甲甲乙乙乙乙乙']);
  });

  it('text above a headline across columns is read before it, column by column, and stays with its own story', () => {
    const page = [
      line('上方甲栏标题', 100, 100, 2 * B),
      ...column(100, 220, 4, 20, '甲'),
      ...column(1000, 100, 4, 20, '乙'),
      line('下方横跨两栏的标题', 100, 460, 4 * B),
      ...column(100, 660, 4, 20, '丙'),
      ...column(1000, 660, 4, 20, '丁'),
    ];
    const stories = storyTexts(page);
    expect(stories).toHaveLength(2);
    expect(stories[0]!.slice(1).map((t) => t[0]).join('')).toBe('甲甲甲甲乙乙乙乙');
    expect(stories[1]!.slice(1).map((t) => t[0]).join('')).toBe('丙丙丙丙丁丁丁丁');
  });

  it('a kicker right above a headline joins its stack; a sign-off flush right at a column top does not', () => {
    const page = [
      ...column(100, 100, 6, 20, '甲'),
      line('（完）', 100 + 17 * B, 100 + 6 * 1.45 * B),
      line('旧楼改造又有新进展——', 100, 600),
      line('六个小区加装电梯', 100, 670, 2 * B),
      ...column(100, 790, 4, 20, '乙'),
    ];
    const a = analyseLayout(page);
    const kicker = a.zones.flatMap((z) => z.lines).find((l) => l.text.startsWith('旧楼'))!;
    expect(kicker.hint?.display).toBe('kicker');
    const end = a.zones.flatMap((z) => z.lines).find((l) => l.text === '（完）')!;
    expect(end.hint?.display).toBe('body');
  });

  it('a kicker ending in a quoted name is a kicker; a line ending in a quoted sentence is not', () => {
    const page = [
      ...column(100, 100, 6, 20, '甲'),
      line('全市各个社区迎来一年一度的“春风行动”', 100, 600),
      line('六个小区加装电梯', 100, 670, 2 * B),
      ...column(100, 790, 4, 20, '乙'),
    ];
    const all = analyseLayout(page).zones.flatMap((z) => z.lines);
    expect(all.find((l) => l.text.startsWith('全市'))!.hint?.display).toBe('kicker');
    const said = [...page];
    said[6] = line('全市各个社区都说今年的春天来得早。”', 100, 600);
    const all2 = analyseLayout(said).zones.flatMap((z) => z.lines);
    expect(all2.find((l) => l.text.startsWith('全市'))!.hint?.display).toBe('body');
  });

  it('a boxed column label read by OCR with its rules as | or [ over a headline is a label, not a headline line', () => {
    const page = [
      ...column(100, 100, 6, 20, '甲'),
      line('[社区观察|', 100, 600, 1.8 * B),
      line('六个小区加装电梯', 100, 690, 2 * B),
      ...column(100, 820, 4, 20, '乙'),
    ];
    const all = analyseLayout(page).zones.flatMap((z) => z.lines);
    expect(all.find((l) => l.text === '[社区观察|')!.hint?.display).toBe('label');
    expect(all.find((l) => l.text === '六个小区加装电梯')!.hint?.display).toBe('headline');
  });

  it('the row under the page header is no furniture strip when it holds running text: the columns\u2019 first lines beside a headline', () => {
    // As -layout rows put them: a headline in large type at the top of the first column, the other columns'
    // first lines on its row, their next lines a little apart below it (all short enough for strip pieces).
    const page = [
      line('第2版', 100, 0),
      line('桐溪日报', 500, 0),
      line('2026年9月5日', 900, 0),
      line('老石桥修缮完工', 100, 80, 2 * B),
      line('城西菜市场的早市今年起提前到，', 600, 100),
      line('桐溪一中的图书馆这学期换了，', 1100, 100),
      ...column(100, 200, 6, 12, '甲'),
      ...column(600, 190, 8, 12, '乙'),
      ...column(1100, 190, 8, 12, '丙'),
    ];
    const all = analyseLayout(page).zones.flatMap((z) => z.lines);
    expect(all.find((l) => l.text === '第2版')!.hint?.display).toBe('furniture');
    expect(all.find((l) => l.text.startsWith('城西'))!.hint?.display).toBe('body');
    expect(all.find((l) => l.text.startsWith('桐溪一中'))!.hint?.display).toBe('body');
    expect(all.find((l) => l.text === '老石桥修缮完工')!.hint?.display).toBe('headline');
  });

  it('a bracketed series label over a kicker is a label however long, not part of the kicker', () => {
    const page = [
      ...column(100, 100, 6, 20, '甲'),
      line('（老街新事·社区里的热心人）', 100, 640, B),
      line('退休教师林秀梅——', 100, 700, 1.15 * B),
      line('把老街故事讲给孩子听', 100, 770, 1.6 * B),
      ...column(100, 880, 4, 20, '乙'),
    ];
    const all = analyseLayout(page).zones.flatMap((z) => z.lines);
    expect(all.find((l) => l.text.startsWith('（'))!.hint?.display).toBe('label');
    expect(all.find((l) => l.text.startsWith('退休'))!.hint?.display).toBe('kicker');
    expect(all.find((l) => l.text.startsWith('把老街'))!.hint?.display).toBe('headline');
  });

  it("a headline's short last line whose OCR advance looks small (a glyph read as two) stays in the headline", () => {
    // Box as tall as the headline's lines, left edge the same; 5 "characters" over 3.75 glyphs' width → advance 0.75 of the size.
    const last = { n: ++n, text: '下周开放了', hint: { bbox: [100, 790, 100 + 3.75 * 2 * B, 790 + 2 * B] as [number, number, number, number] } };
    const page = [...column(100, 100, 6, 20, '甲'), line('六个小区加装电梯的工程', 100, 600, 2 * B), line('首批三部已投入使用', 100, 695, 2 * B), last, ...column(100, 920, 4, 20, '乙')];
    const all = analyseLayout(page).zones.flatMap((z) => z.lines);
    expect(all.find((l) => l.text === '下周开放了')!.hint?.display).toBe('headline');
    // Measured down to body size (2.5 glyphs' width) it is still the headline's line.
    const narrower = { ...last, text: '下周开放了', hint: { bbox: [100, 790, 100 + 2.5 * 2 * B, 790 + 2 * B] as [number, number, number, number] } };
    const page2 = [...page.slice(0, -5).filter((l) => l !== last), narrower, ...column(100, 920, 4, 20, '乙')];
    expect(analyseLayout(page2).zones.flatMap((z) => z.lines).find((l) => l.text === '下周开放了')!.hint?.display).toBe('headline');
    // A line in smaller type (a lower box) under the headline stays its subheadline.
    const sub = { ...last, hint: { bbox: [100, 790, 100 + 5 * 1.5 * B, 790 + 1.5 * B] as [number, number, number, number] } };
    const page3 = [...page.slice(0, -5).filter((l) => l !== last), sub, ...column(100, 900, 4, 20, '乙')];
    expect(analyseLayout(page3).zones.flatMap((z) => z.lines).find((l) => l.text === '下周开放了')!.hint?.display).toBe('subheadline');
  });

  it('an OCR fragment inside a headline row takes the headline size', () => {
    const page = [line('江边步道今天开放', 100, 100, 2 * B), line('江', 100 + 9 * 2 * B + 10, 110), line('第二行标题文字', 100, 200, 2 * B), ...column(100, 320, 6)];
    const a = analyseLayout(page);
    const frag = a.zones.flatMap((z) => z.lines).find((l) => l.text === '江')!;
    expect(frag.hint?.display).toBe('headline');
  });

  it('a small line inside a headline line\'s box is the same ink read twice (OCR): kept out of the stories', () => {
    // Tesseract read the tops of two headline glyphs again as a 0.25-size "line" inside the headline's box.
    const above = [line('上面的标题', 100, 100, 2 * B), ...column(100, 220, 6)];
    const head = line('河畔公园新步道开放', 100, 620, 2 * B);
    const twice = { n: ++n, text: '工土', hint: { bbox: [600, 622, 700, 642] as [number, number, number, number] } };
    const below = column(100, 760, 6);
    const page = [...above, head, twice, ...below];
    const a = analyseLayout(page);
    const inZones = a.zones.flatMap((z) => z.lines).map((l) => l.text);
    expect(inZones).toContain('河畔公园新步道开放');
    expect(inZones).not.toContain('工土');
    expect(texts(a.secondReads)).toEqual(['工土']);
    // Numbered after the stories, every reader line once.
    expect(a.secondReads[0]!.n).toBe(page.length);
    expect(new Set(a.order).size).toBe(page.length);
    // A line with the reader's type size (PDF glyphs: drawn once each) is never a second read.
    const sized = (l: InputLine, size: number): InputLine => ({ ...l, hint: { ...l.hint, size } });
    const pdfPage = [...above.map((l) => sized(l, l === above[0] ? 2 * B : B)), sized(head, 2 * B), sized(twice, 20), ...below.map((l) => sized(l, B))];
    expect(analyseLayout(pdfPage).secondReads).toEqual([]);
    // Nor is a small line beside the headline, outside its box (a fragment of the row).
    const beside = { ...twice, hint: { bbox: [100 + 18 * B + 10, 630, 100 + 18 * B + 50, 670] as [number, number, number, number] } };
    expect(analyseLayout([...above, head, beside, ...below]).secondReads).toEqual([]);
  });

  it('a line whose box is tall but whose characters are body-sized stays body (OCR box noise)', () => {
    const page = [line('真正的大标题', 100, 80, 2 * B), ...column(100, 200, 4)];
    const noisy = line('原因，让不少老人放弃了出门的', 100, 200 + 4 * 1.45 * B);
    noisy.hint!.bbox![3] = noisy.hint!.bbox![1] + 1.6 * B;
    page.push(noisy, ...column(100, 200 + 5.6 * 1.45 * B, 3));
    const a = analyseLayout(page);
    const l = a.zones.flatMap((z) => z.lines).find((x) => x.text === noisy.text)!;
    expect(l.hint?.display).toBe('body');
  });

  it('two kicker-like lines, each over a void, open one headless story: the second is not taken from it again', () => {
    // The lost-headline rule used to fire on the second line too, leaving the first story a bare kicker (and throwing).
    const page = [line('城东新建口袋公园', 100, 20, 2 * B), ...column(100, 120, 10)];
    let y = 120 + 10 * 1.45 * B + 1.5 * B;
    page.push(line('社区文化活动', 100, y));
    y += B + 2.5 * B;
    page.push(line('居民踊跃参加', 100, y));
    y += B + 2.5 * B;
    page.push(...column(100, y, 8, 20, '乙'));
    const doc = parseLines(page, { name: 'probe' }, { format: 'hocr' });
    expect(doc.articles.map((a) => [a.kicker, a.headline])).toEqual([
      [null, '城东新建口袋公园'],
      ['社区文化活动', null],
    ]);
    expect(doc.articles.flatMap((a) => a.paragraphs).map((p) => p.text).join('')).toContain('居民踊跃参加');
  });

  it('renumbers lines in reading order and remembers each reader line', () => {
    const page = [...column(1000, 100, 3, 20, '乙'), line('标题', 100, 100, 2 * B), ...column(100, 220, 3, 20, '甲')];
    const a = analyseLayout(page);
    const all = a.zones.flatMap((z) => z.lines);
    expect(all.map((l) => l.n)).toEqual(all.map((_, i) => i + 1));
    expect(a.order).toHaveLength(page.length);
    expect(new Set(a.order).size).toBe(page.length);
  });
});

describe('widen-headlines', () => {
  it('a lead headline set centred over the middle columns owns the columns beside it when they start level with its text', () => {
    const page = [
      line('青山镇新变化', 1000, 100, 3 * B),
      ...column(100, 260, 5, 20, '甲'),
      ...column(1000, 260, 5, 20, '乙'),
      ...column(1900, 260, 5, 20, '丙'),
      ...column(2800, 260, 5, 20, '丁'),
    ];
    const stories = storyTexts(page);
    expect(stories).toHaveLength(1);
    expect(stories[0]!.slice(1).map((t) => t[0]).join('')).toBe('甲甲甲甲甲乙乙乙乙乙丙丙丙丙丙丁丁丁丁丁');
  });

  it('running text beside a headline stops the widening (a story flowing through the columns)', () => {
    const page = [...column(100, 100, 12, 20, '甲'), line('乙栏标题', 1000, 300, 2 * B), ...column(1000, 420, 6, 20, '乙')];
    const a = analyseLayout(page);
    const zone = a.zones.find((z) => z.lines.some((l) => l.text === '乙栏标题'))!;
    expect(zone.lines.some((l) => l.text.startsWith('甲'))).toBe(false);
  });

  it('text that starts above the middle of a headline’s first line runs beside it; below it, a wrapped headline’s story', () => {
    // A one-line headline in column 2 whose top is one unit above column 1's first line (an ad's slogan beside a
    // story): column 1 is not its, however level the text under it.
    const beside = [line('栏外广告标语', 1000, 259, Math.round(1.35 * B)), line('电话号码一二三', 1000, 330, B), ...column(100, 260, 5, 20, '甲')];
    const a = analyseLayout(beside);
    const ad = a.zones.find((z) => z.lines.some((l) => l.text === '栏外广告标语'))!;
    expect(ad.lines.some((l) => l.text.startsWith('甲'))).toBe(false);
    // A two-line headline in column 1 with column 2's text starting level with its second line: widened over it.
    const wrapped = [line('两行的标题', 100, 100, 2 * B), line('第二行', 100, 190, 2 * B), ...column(100, 300, 5, 20, '甲'), ...column(1000, 200, 5, 20, '乙')];
    const zones = analyseLayout(wrapped).zones.filter((z) => z.zone);
    expect(zones).toHaveLength(1);
    expect(zones[0]!.detail).toContain('over columns 1–2 (widened');
  });

  it("a column between two headlines of one row is the left one's", () => {
    const page = [
      line('左边的标题文字', 100, 100, 2 * B),
      ...column(100, 220, 5, 20, '甲'),
      ...column(1000, 220, 5, 20, '乙'),
      line('右边的标题文字', 1900, 100, 2 * B),
      ...column(1900, 220, 5, 20, '丙'),
    ];
    const stories = storyTexts(page);
    expect(stories.map((s) => s.slice(1).map((t) => t[0]).join(''))).toEqual(['甲甲甲甲甲乙乙乙乙乙', '丙丙丙丙丙']);
  });
});

describe('layout road through the text rules', () => {
  const source = { path: null, sha256: '', encoding: 'utf-8', format: 'hocr' as const, bytes: 0, lines: 0 };
  it('a leading dash on the first headline line (an opening quote OCR read as -) does not make it a subheadline', () => {
    const page = [
      ...column(100, 100, 6, 20, '甲'),
      line('-一场热闹非凡的', 100, 600, 2 * B),
      line('社区音乐会', 100, 695, 2 * B),
      line('本报讯 昨晚，河西社区在广场上举办了一场音乐会，附近的居民都来了。', 100, 820),
      ...column(100, 820 + 1.45 * B, 4, 20, '乙'),
    ];
    const doc = parseLines(page, { ...source, lines: page.length }, { format: 'hocr' });
    const story = doc.articles.find((a) => a.headline?.includes('社区音乐会'))!;
    expect(story.headline).toBe('-一场热闹非凡的社区音乐会');
    expect(story.subheadline).toBeNull();
    expect(doc.articles.filter((a) => a.subheadline?.includes('热闹'))).toEqual([]);
  });
});

describe('find-contrast-display', () => {
  const marked = (page: InputLine[]) => {
    const placed = placedLines(page);
    findContrastDisplay(placed, measureType(placed));
    return placed.filter((l) => l.display).map((l) => l.line.text);
  };
  it('a one-column headline at 1.25× the body, 0.8 em over its text, is display type', () => {
    const page = [line('社区菜场换新颜', 100, 100, 50), ...column(100, 182, 10)];
    expect(marked(page)).toEqual(['社区菜场换新颜']);
  });
  it('a headline wrapped in two such lines, or over a last line measured larger, is display type throughout', () => {
    expect(marked([line('社区菜场改造', 100, 100, 50), line('早市延长一小时', 100, 170, 50), ...column(100, 252, 10)])).toEqual(['社区菜场改造', '早市延长一小时']);
    expect(marked([line('社区菜场改造全面', 100, 100, 50), line('完工', 100, 170, 70), ...column(100, 272, 10)])).toEqual(['社区菜场改造全面']);
  });
  it('a glyph read as tiny marks under the headline (a one-glyph last line, 0.55×) is passed over: the headline stands over the text under it', () => {
    const marks: InputLine = { n: ++n, text: '一|', hint: { bbox: [100, 160, 144, 182] } };
    expect(marked([line('社区菜场换新颜改造', 100, 100, 51), marks, ...column(100, 200, 10)])).toEqual(['社区菜场换新颜改造']);
  });
  it('a wrapped headline is measured by its fullest line: a short last line measured smaller still stands over a subheadline 1.07×', () => {
    const page = [line('枫林街道旧厂房改成', 100, 100, 51), line('书院', 100, 170, 49), line('——区文化馆召开现场推进会', 100, 250, 43), ...column(100, 320, 10)];
    expect(marked(page)).toEqual(['枫林街道旧厂房改成', '书院']);
    // The run's smallest line alone (49 < 1.15 × 43) would not have stood over the subheadline.
    expect(marked([line('书院', 100, 170, 49), line('——区文化馆召开现场推进会', 100, 250, 43), ...column(100, 320, 10)])).toEqual([]);
  });
  it('a paragraph in a larger body type (1.2×, body leading) stays text: its lines run on, or stand close over the text', () => {
    const larger: InputLine[] = [];
    for (let i = 0; i < 5; i++) larger.push(line('较大字号的一段正文文字。', 100, 100 + i * 70, 48));
    expect(marked([...larger, ...column(100, 100 + 5 * 70, 10)])).toEqual([]);
    expect(marked([line('较大字号的一段正文文字。', 100, 100, 48), ...column(100, 168, 10)])).toEqual([]);
  });
  it('a line whose box is tall but whose advance is body size is not square type: text', () => {
    const tall: InputLine = { n: ++n, text: '正文中的一行文字被方框拉高了', hint: { bbox: [100, 100, 100 + 14 * B, 150] } };
    expect(marked([tall, ...column(100, 182, 10)])).toEqual([]);
  });
  it('sizes a reader states (PDF) are exact: never re-read by contrast', () => {
    const pdf: InputLine = { ...line('社区菜场换新颜', 100, 100, 50), hint: { bbox: [100, 100, 450, 150], size: 50 } };
    expect(marked([pdf, ...column(100, 182, 10)])).toEqual([]);
  });
});

describe('find-intertitles (sizes estimated from text)', () => {
  // A one-column story: a headline, text about the river, a lone display line naming the river's path, more text.
  const page = (under: string) => [
    line('河道清淤完工', 100, 40, 1.6 * B),
    line('城东的青石河清淤工程昨天完工，两岸新修了', 100, 140),
    line('步道，附近居民又能在河边散步。', 100, 140 + 1.45 * B),
    line('河边步道留住人', 100, 140 + 3.2 * B, 1.6 * B),
    line(under, 100, 140 + 5.1 * B),
    line('柳树和桃树，每隔三百米有一处休息亭子。', 100, 140 + 6.55 * B),
  ];
  const roleOf = (lines: InputLine[], text: string, sizesFromText = true) =>
    analyseLayout(lines, { sizesFromText })
      .zones.flatMap((z) => z.lines)
      .find((l) => l.text === text)!.hint?.display;

  it('a lone display line between paragraphs that names what the text above said is the story\'s intertitle', () => {
    expect(roleOf(page('新修的步道长两公里，沿河种了许多的'), '河边步道留住人')).toBe('intertitle');
  });
  it('over text a dateline opens it is the next story\'s headline', () => {
    expect(roleOf(page('本报讯 新修的步道长两公里，沿河种了'), '河边步道留住人')).toBe('headline');
  });
  it('where the reader measured the type (PDF, OCR) a display line is left a headline', () => {
    expect(roleOf(page('新修的步道长两公里，沿河种了许多的'), '河边步道留住人', false)).toBe('headline');
  });
});
