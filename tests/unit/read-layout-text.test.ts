/**
 * pdftotext -layout text read as positioned pieces (src/io/read-layout-text.ts):
 * the shape test (and when it keeps the text road), pieces and boxes, display
 * type estimated from what the rows show, and nothing lost.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeBytes, readTextLines } from '../../src/index.js';
import { accountCharacters } from '../../src/core/accounting.js';
import { readLayoutText } from '../../src/io/read-layout-text.js';
import { DEFAULT_MARKERS } from '../../src/core/markers.js';
import { compareWithGold, convertFixture, FIXTURES, readGold } from '../helpers/fixtures.js';

const FIXTURE = join(FIXTURES, 'pdftotext-layout-centred-lead-beside-side-story');
const TUNE = join(import.meta.dirname, '..', '..', 'corpus', 'generated', 'tune');

const linesOf = (text: string) => readTextLines(new TextEncoder().encode(text)).lines;
const nonSpace = (s: string) => [...s.replace(/\s+/gu, '')].sort().join('');

/** A made-up -layout page: three columns of running text, a headline row, a narrow-gutter row. */
function page(): string {
  const col = (n: number) => `第${n}行正文内容在这里继续写下去的文字`;
  const rows: string[] = ['08          青河晚报          2025年3月6日          城事', ''];
  rows.push('                    湖畔步道今日开放');
  for (let i = 0; i < 12; i++) rows.push(`${col(i)}     ${col(i + 20)}     ${col(i + 40)}`);
  return rows.join('\n') + '\n';
}

describe('read-layout-text: the shape test', () => {
  it('takes a page whose rows are cut by gutters at the same columns', () => {
    const read = readLayoutText(linesOf(page()));
    expect(read).not.toBeNull();
    expect(read!.detail).toMatch(/columns at cells 0, \d+, \d+/u);
  });

  it('keeps the text road for hard-wrapped text, a table of short cells, several pages and tabs', () => {
    const wrapped = Array.from({ length: 30 }, (_, i) => `这是第${i}行硬换行的正文，没有并排的栏。`).join('\n');
    expect(readLayoutText(linesOf(wrapped))).toBeNull();
    const table = Array.from({ length: 20 }, (_, i) => `张三${i}     12     34     56`).join('\n');
    expect(readLayoutText(linesOf(table))).toBeNull();
    expect(readLayoutText(linesOf(page() + '\f' + page()))).toBeNull();
    expect(readLayoutText(linesOf(page().replace('城事', '\t城事')))).toBeNull();
  });
});

describe('read-layout-text: pieces', () => {
  it('cuts rows at gutters, one line per piece, with a box in cells and rows, and keeps every character', () => {
    const text = page();
    const read = readLayoutText(linesOf(text))!;
    expect(nonSpace(read.lines.map((l) => l.text).join(''))).toBe(nonSpace(text));
    const body = read.lines.find((l) => l.text.startsWith('第3行'))!;
    expect(body.hint?.bbox?.[0]).toBe(0);
    expect(body.hint?.size).toBe(1);
    // Pieces of one row share a y; the next row of a column stands lower.
    const same = read.lines.filter((l) => l.text.startsWith('第3行') || l.text.startsWith('第23行'));
    expect(new Set(same.map((l) => l.hint?.bbox?.[1])).size).toBe(1);
    const next = read.lines.find((l) => l.text.startsWith('第4行'))!;
    expect(next.hint!.bbox![1]).toBeGreaterThan(body.hint!.bbox![1]);
  });

  it('gives a piece its printed width: a digit or Latin letter half a Han character', () => {
    const rows = page().split('\n');
    rows.splice(3, 1, `第1行正文里有2026年的数字  ${rows[3]!.slice(20)}`);
    const read = readLayoutText(linesOf(rows.join('\n')))!;
    const line = read.lines.find((l) => l.text === '第1行正文里有2026年的数字')!;
    const [x0, , x1] = line.hint!.bbox!;
    // 10 Han characters and 5 digits: 12.5 em, not 15 cells.
    expect(x1 - x0).toBe(12.5);
  });

  it('estimates a short unpunctuated line alone in its row to be display type, and says why', () => {
    const read = readLayoutText(linesOf(page()))!;
    const i = read.lines.findIndex((l) => l.text === '湖畔步道今日开放');
    expect(read.lines[i]!.hint!.size).toBeGreaterThan(1.3);
    expect(read.display[i]).toMatch(/row most columns leave empty/u);
    // Running text is body type.
    expect(read.lines.filter((l) => l.text.startsWith('第')).every((l) => l.hint?.size === 1)).toBe(true);
  });

  it('cuts a headline of packed large glyphs from the next column’s text one space after it', () => {
    const rows = page().split('\n');
    rows.splice(2, 1, '春晖社区健康义诊持续升温 石门区口袋公园建设');
    const read = readLayoutText(linesOf(rows.join('\n')))!;
    const left = read.lines.findIndex((l) => l.text === '春晖社区健康义诊持续升温');
    const right = read.lines.findIndex((l) => l.text === '石门区口袋公园建设');
    expect(left).toBeGreaterThanOrEqual(0);
    expect(right).toBeGreaterThanOrEqual(0);
    expect(read.display[left]).toMatch(/cut from the next column/u);
    // Its text is placed on a column right of the headline, not on the cell after it.
    expect(read.lines[right]!.hint!.bbox![0]).toBeGreaterThan(read.lines[left]!.hint!.bbox![2] - 1);
  });

  it('cuts a large-glyph headline alone on its rows from the next column’s running text in a full row, and puts that text on its column', () => {
    const rows = page().split('\n');
    const cols = rows[5]!.split(/ {2,}/u);
    // The headline's cells are white on the rows above and below; the second column's line follows it after one space.
    rows[4] = ' '.repeat(25) + rows[4]!.slice(25);
    rows[6] = ' '.repeat(25) + rows[6]!.slice(25);
    rows[5] = `河堤步道夜间亮灯 ${cols[1]}，     ${cols[2]}`;
    const read = readLayoutText(linesOf(rows.join('\n')))!;
    const left = read.lines.findIndex((l) => l.text === '河堤步道夜间亮灯');
    const right = read.lines.findIndex((l) => l.text === `${cols[1]}，`);
    expect(left).toBeGreaterThanOrEqual(0);
    expect(right).toBeGreaterThanOrEqual(0);
    // On the second column's start (as that column's other lines), not on the cell after the headline.
    const second = read.lines.find((l) => l.text === rows[7]!.split(/ {2,}/u)[1])!;
    expect(read.lines[right]!.hint!.bbox![0]).toBe(second.hint!.bbox![0]);
    // The third column's line on that row stands short by the headline's missing cells: it is put back on its column.
    const third = read.lines.find((l) => l.text === cols[2])!;
    const thirdBelow = read.lines.find((l) => l.text === rows[7]!.split(/ {2,}/u)[2])!;
    expect(third.hint!.bbox![0]).toBe(thirdBelow.hint!.bbox![0]);
  });

  it('keeps a body line inside its column: text it ran on with past the gutter does not reach the next column', () => {
    const rows = page().split('\n');
    const cols = rows[6]!.split(/ {2,}/u);
    // A short first-column line runs on, one space on, into text that starts off the second column's cells (not cut there).
    rows[6] = `第3行正文内容 也在这里继续写下去的文字还很长很长     ${cols[2]}`;
    const read = readLayoutText(linesOf(rows.join('\n')))!;
    const runOn = read.lines.find((l) => l.text.startsWith('第3行正文内容 '))!;
    const second = read.lines.find((l) => l.text === rows[7]!.split(/ {2,}/u)[1])!;
    expect(runOn.hint!.bbox![2]).toBeLessThan(second.hint!.bbox![0]);
  });

  it('puts a column’s lines drifted left beside a headline on the column’s start (starts that never share a row are one column)', () => {
    const line = (n: number) => `第${String(n).padStart(2, '0')}行正文内容在这里继续写下去的文字`;
    // Beside a two-column headline the third column's first lines start 12 cells left of its start further down:
    // as a start of their own (5 of 25 rows) and as one too rare to be a column's (4 of 40).
    for (const [drifted, body] of [
      [5, 20],
      [4, 36],
    ] as const) {
      const rows: string[] = [];
      for (let i = 0; i < drifted; i++) rows.push(`${i === 1 ? '春季花展本周末开幕' : ''}`.padEnd(36, ' ') + line(60 + i));
      for (let i = 0; i < body; i++) rows.push(`${line(i)}     ${line(i + 20)}     ${line(i + 70)}`);
      const read = readLayoutText(linesOf(rows.join('\n') + '\n'))!;
      const third = read.lines.filter((l) => Number(/^第(\d+)行/u.exec(l.text)?.[1]) >= 60);
      expect(third).toHaveLength(drifted + body);
      for (const l of third) expect(l.hint!.bbox![0]).toBe(48);
      expect(read.detail).toMatch(/columns at cells 0, 24, 48 \(drifted starts at 36→48 merged\)/u);
    }
  });

  it('puts a chain of lines drifted too far and too briefly for a start of its own on the column right of the lines beside it', () => {
    const line = (n: number) => `第${String(n).padStart(2, '0')}行正文内容在这里继续写下去的文字`;
    const short = (n: number) => `第${String(n).padStart(2, '0')}行短句到此为止。`;
    // Columns at 0, 24, 48; for three rows the third column's lines print at cell 37, two cells after the second
    // column's shorter lines (eleven short of 48: past the 4-cell rule, too few rows for a drifted start), and on
    // the third row nothing stands left of it (a headline's white).
    const band = (withLeft: number) => {
      const rows: string[] = [];
      for (let i = 0; i < 3; i++) rows.push((i < withLeft ? `${line(i + 80)}     ${short(i + 90)}` : '').padEnd(37, ' ') + line(60 + i));
      for (let i = 0; i < 40; i++) rows.push(`${line(i)}     ${line(i + 20)}     ${line(i + 100)}`);
      return readLayoutText(linesOf(rows.join('\n') + '\n'))!;
    };
    const x = (read: NonNullable<ReturnType<typeof readLayoutText>>, n: number) => read.lines.find((l) => l.text === line(n))!.hint!.bbox![0];
    const read = band(2);
    expect(read.detail).toMatch(/columns at cells 0, 24, 48;/u);
    expect(read.detail).toMatch(/3 lines of drifted chains put right of the lines beside them/u);
    for (const n of [60, 61, 62]) expect(x(read, n)).toBe(48);
    // One such row is not enough (a box or an advert beside a column's lines): the chain stays where it stands.
    const once = band(1);
    expect(once.detail).not.toMatch(/drifted chains/u);
    for (const n of [60, 61, 62]) expect(x(once, n)).toBeLessThan(48);
  });

  it('keeps a column on its own start when what stands left of it on its rows is left of the first column (an advert in the margin)', () => {
    const line = (n: number) => `第${String(n).padStart(2, '0')}行正文内容在这里继续写下去的文字`;
    const rows: string[] = [];
    for (let i = 0; i < 4; i++) rows.push(`  眼镜店诚信经营到家${i}`.padEnd(20, ' ') + `${line(i)}     ${line(i + 20)}`);
    for (let i = 4; i < 30; i++) rows.push(' '.repeat(20) + `${line(i)}     ${line(i + 20)}`);
    const read = readLayoutText(linesOf(rows.join('\n') + '\n'))!;
    expect(read.detail).not.toMatch(/drifted chains/u);
    for (let i = 0; i < 4; i++) expect(read.lines.find((l) => l.text === line(i))!.hint!.bbox![0]).toBe(20);
  });

  it('keeps a paragraph’s first line alone in its row in body type: set in from the line under it, ending where it ends', async () => {
    const dir = join(FIXTURES, 'pdftotext-layout-paragraph-first-line-alone-in-its-row');
    const read = readLayoutText(linesOf(readFileSync(join(dir, 'input.txt'), 'utf8')))!;
    const first = read.lines.findIndex((l) => l.text === '管理员王阿姨说周');
    expect(first).toBeGreaterThanOrEqual(0);
    expect(read.display[first]).toBeNull();
    // The headlines in the same narrow columns are still display type.
    expect(read.display[read.lines.findIndex((l) => l.text === '图书角添新书')]).not.toBeNull();
    // Through the layout road no first line of a paragraph becomes an intertitle either (short of its column only by its indent).
    const doc = await convertFixture(join(dir, 'input.txt'));
    expect(compareWithGold(doc, readGold({ name: 'pdftotext-layout-paragraph-first-line-alone-in-its-row', dir, input: join(dir, 'input.txt'), expected: join(dir, 'expected.json') }))).toEqual([]);
  });

  it('takes a display line ending with a lead-in dash over a headline for its kicker, though it is the longer', () => {
    const dir = join(FIXTURES, 'pdftotext-layout-kicker-leading-in-with-a-dash');
    const read = readLayoutText(linesOf(readFileSync(join(dir, 'input.txt'), 'utf8')))!;
    const kicker = read.lines.find((l) => l.text === '退休教师林秀梅——')!;
    const headline = read.lines.find((l) => l.text === '把老街故事讲给孩子听')!;
    expect(kicker.hint!.size).toBeLessThan(headline.hint!.size! / 1.3);
  });

  it('keeps a box’s standing label (核心阅读) in body type though it stands alone under a headline', () => {
    const read = readLayoutText(linesOf(readFileSync(join(FIXTURES, 'pdftotext-layout-box-label-under-headline', 'input.txt'), 'utf8')))!;
    const label = read.lines.findIndex((l) => l.text === '核心阅读');
    expect(label).toBeGreaterThanOrEqual(0);
    expect(read.display[label]).toBeNull();
    expect(read.display[read.lines.findIndex((l) => l.text === '老粮仓变身村史馆')]).not.toBeNull();
  });

  it('keeps a short headline line over a longer one in the headline when a line of the headline stands over it (a kicker opens its stack)', () => {
    const read = readLayoutText(linesOf(readFileSync(join(FIXTURES, 'pdftotext-layout-headline-tail-over-longer-line', 'input.txt'), 'utf8')))!;
    const size = (text: string) => read.lines.find((l) => l.text === text)!.hint!.size!;
    expect(read.display[read.lines.findIndex((l) => l.text === '村史馆')]).not.toMatch(/kicker/u);
    expect(size('村史馆')).toBe(size('东湖村老粮仓改建'));
    expect(size('村史馆')).toBe(size('三百件老物件有了新家'));
  });

  it('closes up a large headline whose lines the other columns’ rows push five rows apart: one type size, its own leading', () => {
    const read = readLayoutText(linesOf(readFileSync(join(FIXTURES, 'pdftotext-layout-headline-lines-rows-apart', 'input.txt'), 'utf8')))!;
    const heads = ['城西体育公园', '昨起向市民开放', '球场可网上预约'].map((t) => read.lines.find((l) => l.text === t)!);
    expect(new Set(heads.map((l) => l.hint!.size)).size).toBe(1);
    const size = heads[0]!.hint!.size!;
    const tops = heads.map((l) => l.hint!.bbox![1]);
    for (let i = 1; i < tops.length; i++) expect(tops[i]! - tops[i - 1]!).toBeLessThanOrEqual(1.25 * size + 1e-9);
  });

  it('takes a stack of two short lines with white above and below it in a full row for display type, its tail too', () => {
    const read = readLayoutText(linesOf(readFileSync(join(FIXTURES, 'pdftotext-layout-headline-stacks-in-full-rows', 'input.txt'), 'utf8')))!;
    const why = (text: string) => read.display[read.lines.findIndex((l) => l.text === text)];
    for (const line of ['新街口装上倒计时灯', '行人过街心里有数', '城南三个老小区加装电梯', '开工']) expect(why(line)).toMatch(/stack of short lines with white above and below/u);
  });

  it('keeps a poem’s stanzas in body type: set apart by white like a headline stack, but with more short lines past the white', () => {
    // The fixture's page with a poem of two stanzas quoted in its third column.
    const rows = [
    "第3版                    桐溪日报                2026年10月20日",
    "",
    "东街菜场试营业               南桥小学新操场启用             老街夜市添摊位",
    "",
    "  本报讯 改建了半年的东街菜场        本报讯 南桥小学的新操场昨天        本报讯 老街夜市这个月新增了",
    "今天开始试营业，一楼卖蔬菜和水果，     启用，塑胶跑道一圈二百米，中间是      三十个摊位，主要卖手工艺品和本地",
    "二楼卖肉类和水产。             一块五人制足球场。             小吃，每天傍晚五点出摊。",
    "  菜场管理处说，摊位按品种分区，       校长说，过去一下雨就停体育课，       夜市的摊主大多是附近的居民，",
    "顾客买完菜可以自己复秤。          现在每个班每周都能上足球课。        有人做了二十多年的糖画，有人刚从",
    "                                            外地回来开店。",
    "新街口装上倒计时灯             城南三个老小区加装电梯             开市那天，街道请来一位退休的",
    "行人过街心里有数              开工                    老教师，在夜市门口念了他写的一首",
    "                                            小诗：",
    "  本报讯 新街口的四个路口昨天        本报讯 城南三个老旧小区的加",
    "装上了行人倒计时信号灯，绿灯还剩      装电梯工程昨天开工，一共要装十二      灯笼一盏一盏亮起",
    "几秒，灯上一看就知道。           部电梯，年底前全部投用。          老街又醒了过来",
    "  交警大队说，这个路口早晚高峰        街道办说，加装电梯的费用由政",
    "人多，有了倒计时，行人不再抢最后      府补贴一部分，其余由住户按楼层分      糖画摊前排着长队",
    "几秒。                   摊。                    孩子们笑个不停",
    "  附近的居民说，带孩子过马路的        住在六楼的一位老人说，以后下",
    "时候，看一眼倒计时就知道能不能走。     楼买菜、去医院复查都方便多了。         夜市管理员说，新摊位由街道统",
    "                                            一招租，租金比去年降了一成，周末",
    "                                            街口还有志愿者指路。",
    ];
    const read = readLayoutText(linesOf(rows.join('\n') + '\n'))!;
    const why = (text: string) => read.display[read.lines.findIndex((l) => l.text === text)];
    expect(why('新街口装上倒计时灯')).toMatch(/stack of short lines/u);
    for (const line of ['灯笼一盏一盏亮起', '老街又醒了过来', '糖画摊前排着长队', '孩子们笑个不停']) expect(why(line)).toBeNull();
  });

  it('keeps a letter-spaced line whole, never display type, at its printed width and without the spacing', () => {
    const rows = page().split('\n');
    rows.splice(8, 0, '读 者 用 手 机 APP 也 能 预 约 借 书 ，');
    const read = readLayoutText(linesOf(rows.join('\n')))!;
    const i = read.lines.findIndex((l) => l.text === '读者用手机APP也能预约借书，');
    expect(i).toBeGreaterThanOrEqual(0);
    expect(read.display[i]).toBeNull();
    const box = read.lines[i]!.hint!.bbox!;
    expect(box[2] - box[0]).toBe(13.5);
  });
});

describe('read-layout-text: credit lines by the page’s markers', () => {
  const withLine = (line: string) => {
    const rows = page().split('\n');
    rows.splice(2, 1, `                    ${line}`);
    return linesOf(rows.join('\n'));
  };
  const sizeOf = (read: ReturnType<typeof readLayoutText>, text: string) => read!.lines.find((l) => l.text === text)!.hint!.size;

  it('keeps a byline, a dateline and a bracketed credit in body type though they stand alone like a headline', () => {
    for (const line of ['本报记者 林晓', '新华社北京3月5日电', '（街道党政办）', '〔記者王明／台北報導〕']) {
      expect(sizeOf(readLayoutText(withLine(line)), line), line).toBe(1);
    }
    // The same row with a headline in it is display type (the test is the line, not the row).
    expect(sizeOf(readLayoutText(withLine('湖畔步道今日开放')), '湖畔步道今日开放')).toBeGreaterThan(1.3);
  });

  it('reads a profile’s own role words: its credit line is body type only under that profile', () => {
    const line = '撰稿 王明远';
    expect(sizeOf(readLayoutText(withLine(line)), line)).toBeGreaterThan(1.3);
    const profile = { ...DEFAULT_MARKERS, bylineRole: new RegExp(`${DEFAULT_MARKERS.bylineRole.source}|撰稿`, 'u') };
    expect(sizeOf(readLayoutText(withLine(line), profile), line)).toBe(1);
  });
});

describe('read-layout-text: through the reader table', () => {
  it('reads the fixture page on the layout road, and --input-format text keeps the text road', async () => {
    const input = join(FIXTURE, 'input.txt');
    const doc = await convertFixture(input);
    expect(doc.warnings.map((w) => w.code)).toEqual(expect.arrayContaining(['LAYOUT_TEXT_PLACED', 'LAYOUT_BY_GEOMETRY']));
    expect(doc.source.format).toBe('text');
    expect(compareWithGold(doc, readGold({ name: 'f', dir: FIXTURE, input, expected: join(FIXTURE, 'expected.json') }))).toEqual([]);
    const text = await convertFixture(input, { inputFormat: 'text' });
    expect(text.warnings.map((w) => w.code)).not.toContain('LAYOUT_TEXT_PLACED');
  });

  it('loses nothing on the generated -layout pages', async () => {
    const files = readdirSync(TUNE).filter((f) => f.endsWith('-layout.txt'));
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) {
      const path = join(TUNE, f);
      const decoded = decodeBytes(readFileSync(path));
      if (!decoded.ok) throw new Error(f);
      const doc = await convertFixture(path);
      expect(doc.warnings.map((w) => w.code), f).toContain('LAYOUT_TEXT_PLACED');
      const account = accountCharacters(decoded.text, doc);
      expect(account, `${f}: missing "${account.missingSample}", extra "${account.extraSample}"`).toMatchObject({ missing: 0, extra: 0 });
    }
  });
});
