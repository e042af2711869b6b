import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from '../../src/index.js';
import { reporterInDateline } from '../../src/core/parse-byline.js';
import { readJump } from '../../src/core/read-jump.js';
import { newsDocumentProblems } from '../../src/schema/validate.js';

const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures');
const seed = readFileSync(join(FIXTURES, 'seed-community-p02', 'input.txt'), 'utf8');
const jumpPage = readFileSync(join(FIXTURES, 'crlf-jump-line', 'input.txt'), 'utf8');

describe('stable ids', () => {
  it('are {paper}-{date}-{edition}-p{page}-a{n} when the paper is given and the page prints its date and number', () => {
    const doc = parse(jumpPage, { issue: { paper: 'dhrb' } });
    expect(doc.page.date).toEqual({ printed: '2023年11月4日 星期六', iso: '2023-11-04', lines: [4, 4] });
    expect(doc.page.numberValue).toEqual({ section: null, value: 1 });
    expect(doc.page.issue).toEqual({ paper: 'dhrb', date: '2023-11-04', edition: 'a', id: 'dhrb-2023-11-04-a' });
    expect(doc.page.id).toBe('dhrb-2023-11-04-a-p1');
    expect(doc.articles.map((a) => a.id)).toEqual(doc.articles.map((_, i) => `dhrb-2023-11-04-a-p1-a${i + 1}`));
    expect(newsDocumentProblems(doc)).toEqual([]);
  });

  it('are unchanged when the same input is parsed again', () => {
    const ids = () => parse(jumpPage, { issue: { paper: 'dhrb', edition: 'b' } }).articles.map((a) => a.id);
    expect(ids()).toEqual(ids());
    expect(ids()[0]).toBe('dhrb-2023-11-04-b-p1-a1');
  });

  it('take the given date over the printed one, and say so', () => {
    const doc = parse(jumpPage, { issue: { paper: 'dhrb', date: '2023-11-05' } });
    expect(doc.page.id).toBe('dhrb-2023-11-05-a-p1');
    expect(doc.warnings.map((w) => w.code)).toContain('ISSUE_DATE_DIFFERS');
  });

  it('stay aN when a part is unknown (no paper; or a page with no date)', () => {
    expect(parse(jumpPage).articles[0]!.id).toBe('a1');
    expect(parse(jumpPage).page.id).toBeNull();
    // The seed page prints its number (02) but no date.
    const seedDoc = parse(seed, { issue: { paper: 'tsjd' } });
    expect(seedDoc.page.date).toBeNull();
    expect(seedDoc.page.id).toBeNull();
    expect(seedDoc.articles[0]!.id).toBe('a1');
    expect(parse(seed, { issue: { paper: 'tsjd', date: '2021-08-13' } }).articles[0]!.id).toBe('tsjd-2021-08-13-a-p2-a1');
  });

  it('a printed date that cannot be trusted is kept as printed, iso null, with a warning', () => {
    const doc = parse(jumpPage.replace('星期六', '星期五'), { issue: { paper: 'dhrb' } });
    expect(doc.page.date?.iso).toBeNull();
    expect(doc.page.date?.printed).toBe('2023年11月4日 星期五');
    expect(doc.warnings.find((w) => w.code === 'DATE_UNREADABLE')?.args).toEqual({ printed: '2023年11月4日 星期五', problem: 'weekday-mismatch' });
    expect(doc.page.id).toBeNull();
  });
});

describe('a reporter named inside a wire dateline', () => {
  it.each([
    ['（中央社記者戴雅真台北29日電）', ['戴雅真']],
    ['（中央社記者黃國芳嘉義縣29日電）', ['黃國芳']],
    ['（中央社記者郭建伸、王揚宇台北29日電）', ['郭建伸', '王揚宇']],
    ['（中央社記者林克倫東京29日專電）', ['林克倫']],
    ['（中央社記者王小明高雄 23 日電）', ['王小明']], // extraction's spaces at the digit seams
    ['（新华社记者李小红北京3日电）', ['李小红']], // simplified 记者 (the pattern's pre-check asks for 者 alone)
    ['（中央社記者某某某某地29日電）', null], // unknown place: name and place cannot be told apart
    ['（中央社東京29日綜合外電報導）', null],
  ])('%s → %j', (marker, names) => {
    expect(reporterInDateline(marker)?.names ?? null).toEqual(names);
  });

  it('is the byline (role 記者), the dateline stays whole', () => {
    const doc = parse('台積電擴大投資\n（中央社記者戴雅真台北29日電）台積電今天宣布擴大投資，預計明年完工。\n');
    const a = doc.articles[0]!;
    expect(a.dateline).toBe('（中央社記者戴雅真台北29日電）');
    expect(a.byline).toEqual({ text: '記者戴雅真', role: '記者', names: ['戴雅真'], credit: null, inDateline: true });
    expect(a.sources.byline).toEqual([2, 2]);
  });
});

describe('article line ranges', () => {
  it('do not nest on the seed page, whose first headline is paired with text further down', () => {
    const doc = parse(seed);
    const [a1, a2] = doc.articles;
    expect(a1!.lines).toEqual([11, 144]); // `lines` is still first–last line of any part
    expect(a2!.lines[0]).toBeGreaterThan(a1!.lines[0]);
    expect(a1!.ranges).toEqual([[11, 13], [84, 144]]);
    const all = doc.articles.flatMap((a) => a.ranges!.map((r) => ({ id: a.id, r })));
    for (const x of all) for (const y of all) {
      if (x.id === y.id) continue;
      const overlap = x.r[0] <= y.r[1] && y.r[0] <= x.r[1];
      expect(overlap, `${x.id} ${x.r} overlaps ${y.id} ${y.r}`).toBe(false);
    }
  });
});

describe('jump lines', () => {
  it.each([
    ['下转第4版', 'on', null, 4],
    ['（下转第4版）', 'on', null, 4],
    ['上接第1版', 'from', null, 1],
    ['转第二版', 'on', null, 2],
    ['（續見A6版）', 'on', 'A', 6],
    ['（上接第一版）', 'from', null, 1],
    ['承第3版', 'from', null, 3],
  ])('%s → %s page %s%d', (text, direction, section, value) => {
    expect(readJump(text)).toEqual({ direction, page: { section, value }, previousPage: false });
  });
  it('（接上版） points at the page before', () => {
    expect(readJump('（接上版）')).toEqual({ direction: 'from', page: null, previousPage: true });
  });
  it.each(['（相關新聞刊A2）', '（相关报道见下）', '本报讯'])('%s is not a jump', (text) => {
    expect(readJump(text)).toBeNull();
  });
  it('a jump FROM another page before the text opens the part under its headline; a jump ON closes it', () => {
    const doc = parse('绿色转型\n（上接第1版）\n本地企业去年减少排放两成，今年计划再减一成。\n\n（下转第4版）\n');
    expect(doc.articles).toHaveLength(1);
    const a = doc.articles[0]!;
    expect([a.headline, a.jumpFrom, a.continuation]).toEqual(['绿色转型', '上接第1版', '下转第4版']);
    expect(a.sources.jumpFrom).toEqual([2, 2]);
    expect(newsDocumentProblems(doc)).toEqual([]);
  });
  it('a headline line that opens with the word 轉 and a numeral (玩轉三灣 wrapped) is no jump line: an unbracketed jump names its page', () => {
    const doc = parse('海邊單車節週末登場 玩\n轉三灣 鎮公所推出新路線\n【本報訊】\n單車節昨天清晨出發，三灣沿線湧入上千名車友。\n');
    expect(doc.articles).toHaveLength(1);
    expect(doc.articles[0]!.headline?.replace(/\s/gu, '')).toBe('海邊單車節週末登場玩轉三灣鎮公所推出新路線');
    expect(doc.articles[0]!.continuation).toBeNull();
    const on = parse('市府推新制\n本報訊 市府今天宣布新制，下月起實施，各區公所受理申請。\n轉A5\n');
    expect(on.articles[0]!.continuation).toBe('轉A5');
  });
  it('the cross-reference （相關新聞刊A2） is not taken for a jump (or a sign-off)', () => {
    const doc = parse('市府推新制\n本報訊 市府今天宣布新制，下月起實施。\n（相關新聞刊A2）\n');
    expect(doc.articles[0]!.continuation).toBeNull();
    expect(doc.articles[0]!.jumpFrom).toBeNull();
    expect(doc.articles[0]!.signoff).toBeNull();
  });
});
