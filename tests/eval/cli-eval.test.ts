/**
 * `news-parse eval` end to end, in-process, on a tiny self-contained fixture
 * written to a temp folder. The tests named "[needs parser]" run the real
 * parser, so they pass only once the core pipeline handles this simple page.
 */
import { mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';
import { useWritePort } from '../../src/batch/write-atomic.js';
import { memoryIO } from '../helpers/io.js';
import { fullDisk } from '../helpers/full-disk.js';

const INPUT = `05
2024年4月9日 星期二

老街菜场完成改造
本报讯 4月 8 日，经过三个月
的改造，老街菜场重新开门迎
客。新菜场增设了智能秤和休
息区，摊位由原来的六十个增
加到八十个。
附近居民王阿姨说：“现在买
菜干净又方便。”
（街道城管办）

社区图书室延长开放时间
本报讯 从本周起，社区图书室
每天开放到晚上九点，方便上
班族下班后借书阅读。
图书室还新添了两千册图书，
其中一半是儿童读物。
（社区文化中心）
`;

/** Gold written by hand from the page above, following fixtures/README.md. */
const GOLD = {
  page: { number: '05', furniture: [{ role: 'page-number', text: '05' }, { role: 'date', text: '2024年4月9日 星期二' }] },
  articles: [
    {
      kind: 'article',
      kicker: null,
      headline: '老街菜场完成改造',
      subheadline: null,
      byline: null,
      dateline: '本报讯',
      paragraphs: [
        { type: 'paragraph', text: '4月8日，经过三个月的改造，老街菜场重新开门迎客。新菜场增设了智能秤和休息区，摊位由原来的六十个增加到八十个。' },
        { type: 'paragraph', text: '附近居民王阿姨说：“现在买菜干净又方便。”' },
      ],
      signoff: '街道城管办',
      continuation: null,
    },
    {
      kind: 'article',
      kicker: null,
      headline: '社区图书室延长开放时间',
      subheadline: null,
      byline: null,
      dateline: '本报讯',
      paragraphs: [
        { type: 'paragraph', text: '从本周起，社区图书室每天开放到晚上九点，方便上班族下班后借书阅读。' },
        { type: 'paragraph', text: '图书室还新添了两千册图书，其中一半是儿童读物。' },
      ],
      signoff: '社区文化中心',
      continuation: null,
    },
  ],
};

interface Captured {
  code: number;
  stdout: string;
  stderr: string;
}

let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'news-parse-eval-'));
  mkdirSync(join(dir, 'fixtures', 'two-stories'), { recursive: true });
  writeFileSync(join(dir, 'fixtures', 'two-stories', 'input.txt'), INPUT);
  writeFileSync(join(dir, 'fixtures', 'two-stories', 'expected.json'), JSON.stringify(GOLD, null, 2));
});

afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function evalRun(args: string[], env: Record<string, string> = {}, cwd = dir): Promise<Captured> {
  const io = memoryIO({ env, cwd });
  const code = await run(['eval', ...args], io);
  return { code, stdout: io.out(), stderr: io.err() };
}

function editGold(edit: (gold: typeof GOLD) => void): void {
  const gold = structuredClone(GOLD);
  edit(gold);
  writeFileSync(join(dir, 'fixtures', 'two-stories', 'expected.json'), JSON.stringify(gold));
}

describe('news-parse eval (CLI)', () => {
  it('[needs parser] passes a low --min on the unchanged fixture', async () => {
    const r = await evalRun(['fixtures', '--gold', 'fixtures', '--min', 'articleF1=0.5,paragraphF1=0.5']);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('fixtures/two-stories/input.txt');
    expect(r.stdout).toContain('gate: passed');
    expect(r.code).toBe(0);
  });

  it('[needs parser] scores the unchanged fixture perfectly', async () => {
    const r = await evalRun(['fixtures', '--gold', 'fixtures', '--format', 'json']);
    const report = JSON.parse(r.stdout);
    expect(report.totals.metrics).toMatchObject({ articleF1: 1, fieldAccuracy: 1, paragraphF1: 1, bodyCER: 0, lossless: 1 });
  });

  it('[needs parser] fails the gate when a gold article is missing from the output', async () => {
    // Gold now expects a third article the parser cannot find: recall 2/3, F1 0.8 < 0.95.
    editGold((g) => g.articles.push({ ...g.articles[1]!, headline: '不存在的文章', paragraphs: [{ type: 'paragraph', text: '这一篇文章在版面上并不存在，解析器不可能找到它。' }] }));
    const r = await evalRun(['fixtures', '--gold', 'fixtures', '--min', 'articleF1=0.95']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('missed');
    expect(r.stdout).toContain('gate: FAILED');
  });

  it('[needs parser] fails against the baseline when a gold article changes', async () => {
    const baseline = join(dir, 'eval-baseline.json');
    const record = await evalRun(['fixtures', '--baseline', 'eval-baseline.json', '--update-baseline']);
    expect(record.code).toBe(0);
    expect(record.stderr).toContain('baseline written');
    expect(JSON.parse(readFileSync(baseline, 'utf8')).pages['two-stories/input.txt']).toBeDefined();
    expect((await evalRun(['fixtures', '--baseline', 'eval-baseline.json'])).code).toBe(0);

    editGold((g) => (g.articles[0]!.headline = '老街菜场今天开门'));
    const r = await evalRun(['fixtures', '--baseline', 'eval-baseline.json', '--format', 'github']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^::error file=fixtures\/two-stories\/expected\.json,line=1,.*headlineAccuracy 0\.500 < baseline 1\.000$/m);
  });

  it('[needs parser] a baseline that cannot be written whole leaves the old one as it was, and no temporary', async () => {
    expect((await evalRun(['fixtures', '--baseline', 'eval-baseline.json', '--update-baseline'])).code).toBe(0);
    const before = readFileSync(join(dir, 'eval-baseline.json'), 'utf8');
    editGold((g) => (g.articles[0]!.headline = '老街菜场今天开门'));
    const restore = useWritePort(fullDisk({ budget: 40 }));
    try {
      const r = await evalRun(['fixtures', '--baseline', 'eval-baseline.json', '--update-baseline']);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/eval-baseline\.json: cannot write: .*(no space|ENOSPC)/iu);
    } finally {
      restore();
    }
    expect(readFileSync(join(dir, 'eval-baseline.json'), 'utf8')).toBe(before);
    expect(readdirSync(dir).filter((f) => f.includes('.tmp-'))).toEqual([]);
  });

  it('refuses --update-baseline when CI is set', async () => {
    const r = await evalRun(['fixtures', '--baseline', 'b.json', '--update-baseline'], { CI: 'true' });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^news-parse: refusing to rewrite the baseline when CI is set/);
  });

  it('rejects an unknown metric with a usage error', async () => {
    const r = await evalRun(['fixtures', '--min', 'articleF2=0.9']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown metric 'articleF2'/);
  });

  it('exits 2 with one line for a bad gold file', async () => {
    editGold((g) => ((g.articles[0] as Record<string, unknown>).headLine = 'typo'));
    const r = await evalRun(['fixtures', '--gold', 'fixtures']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("news-parse: fixtures/two-stories/expected.json: bad gold file: /articles/0 must NOT have additional properties ('headLine')\n");
  });

  it('exits 2 when an input has no gold file', async () => {
    rmSync(join(dir, 'fixtures', 'two-stories', 'expected.json'));
    const r = await evalRun(['fixtures']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/input\.txt: no gold file \(looked for fixtures\/two-stories\/expected\.json\)/);
  });

  it('exits 2 for a missing baseline file', async () => {
    const r = await evalRun(['fixtures', '--baseline', 'nope.json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/nope\.json: no such file \(record a baseline with --update-baseline\)/);
  });

  it('[needs parser] pairs NAME.txt with NAME.gold.json in a separate gold folder', async () => {
    mkdirSync(join(dir, 'pages'));
    mkdirSync(join(dir, 'gold'));
    writeFileSync(join(dir, 'pages', 'p05.txt'), INPUT);
    writeFileSync(join(dir, 'pages', 'notes.txt'), 'no gold for this one: skipped');
    writeFileSync(join(dir, 'gold', 'p05.gold.json'), JSON.stringify(GOLD));
    const r = await evalRun(['pages', '--gold', 'gold', '--format', 'json', '--min', 'articleF1=1']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).pages.map((p: { id: string; gold: string }) => [p.id, p.gold])).toEqual([['pages/p05.txt', 'gold/p05.gold.json']]);
  });

  it('[needs parser] keys the baseline by the path under the gold root, so a run from inside fixtures/ still compares every page', async () => {
    expect((await evalRun(['fixtures', '--gold', 'fixtures', '--baseline', 'eval-baseline.json', '--update-baseline'])).code).toBe(0);
    editGold((g) => (g.articles[0]!.headline = '老街菜场今天开门'));
    const inside = join(dir, 'fixtures');
    const r = await evalRun(['.', '--gold', '.', '--baseline', '../eval-baseline.json', '--format', 'json'], {}, inside);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(report.pages.map((p: { key: string }) => p.key)).toEqual(['two-stories/input.txt']);
    expect(report.gate.baseline.missingPages).toEqual([]);
    expect(report.gate.failures).toContainEqual(expect.objectContaining({ page: 'two-stories/input.txt', metric: 'headlineAccuracy', rule: 'baseline' }));
  });

  it('[needs parser] shows the gold and the predicted value of a wrong field', async () => {
    editGold((g) => (g.articles[0]!.headline = '老街菜场今天开门'));
    const r = await evalRun(['fixtures', '--gold', 'fixtures']);
    expect(r.stdout).toMatch(/fields {3}gold #1 → a1 .*: headline 「老街菜场今天开门」 ≠ 「老街菜场完成改造」$/m);
  });

  it('[needs parser] reports the strict scores (similarity ≥ 0.9) beside the default, and takes --match', async () => {
    // The gold body of the second story loses its last sentence: similarity ≈ 0.82, paired at 0.5, not at 0.9.
    editGold((g) => g.articles[1]!.paragraphs.splice(1, 1));
    const report = JSON.parse((await evalRun(['fixtures', '--format', 'json'])).stdout);
    expect(report.matchThreshold).toBe(0.5);
    expect(report.strictMatchThreshold).toBe(0.9);
    expect(report.totals.counts.articles.tp).toBe(2);
    expect(report.totals.strict.counts.articles.tp).toBe(1);
    expect(report.totals.strict.metrics.articleF1).toBeCloseTo(0.5, 12);
    expect(report.pages[0].strict.metrics.articleF1).toBeCloseTo(0.5, 12);
    const text = (await evalRun(['fixtures'])).stdout;
    expect(text).toMatch(/^strict \(articles pair at body similarity ≥ 0\.9\): art P 0\.500 · art R 0\.500 · art F1 0\.500 \(1 matched\)/m);
    const tight = JSON.parse((await evalRun(['fixtures', '--format', 'json', '--match', '0.9'])).stdout);
    expect(tight.matchThreshold).toBe(0.9);
    expect(tight.totals.counts.articles.tp).toBe(1);
    const bad = await evalRun(['fixtures', '--match', '1.5']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe("news-parse: --match: expected a body similarity in (0, 1], got '1.5'\n");
  });

  it('[needs parser] gives totals per rendering with --group-by', async () => {
    mkdirSync(join(dir, 'pages'));
    writeFileSync(join(dir, 'pages', 'p05-text.txt'), INPUT);
    writeFileSync(join(dir, 'pages', 'p05-text.gold.json'), JSON.stringify(GOLD));
    writeFileSync(join(dir, 'pages', 'p05-pdf.txt'), INPUT);
    writeFileSync(join(dir, 'pages', 'p05-pdf.gold.json'), JSON.stringify({ articles: GOLD.articles.slice(0, 1) }));
    const report = JSON.parse((await evalRun(['pages', '--group-by', 'rendering', '--format', 'json'])).stdout);
    expect(report.groups.map((g: { group: string; pages: number }) => [g.group, g.pages])).toEqual([['pdf', 1], ['text', 1]]);
    expect(report.groups[0].metrics.articlePrecision).toBe(0.5);
    expect(report.groups[1].metrics.articleF1).toBe(1);
    const byPattern = JSON.parse((await evalRun(['pages', '--group-by', '^(p\\d+)-', '--format', 'json'])).stdout);
    expect(byPattern.groups.map((g: { group: string }) => g.group)).toEqual(['p05']);
    const text = (await evalRun(['pages', '--group-by', 'rendering'])).stdout;
    expect(text).toMatch(/^pdf +1 +0\.667/m);
    expect((await evalRun(['pages', '--group-by', '(unclosed'])).code).toBe(2);
  });
});
