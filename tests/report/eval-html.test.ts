/** The eval report's HTML pages: gold and predicted side by side, the totals table, text escaped. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../src/eval/report.js';
import { scorePage } from '../../src/eval/score-page.js';
import type { GoldDocument } from '../../src/eval/gold.js';
import { writeEvalPageHtml, writeEvalSummaryHtml } from '../../src/report/eval-html.js';
import { convertFixturePage, FIXTURES } from '../helpers/fixtures.js';

const dir = join(FIXTURES, 'markup-in-text');
const input = join(dir, 'input.txt');

describe('eval HTML', async () => {
  const { document } = await convertFixturePage(input);
  const gold = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as GoldDocument;
  // A gold that disagrees: a wrong headline on the first article, the second article missing, one gold article the parser never saw.
  const wrong: GoldDocument = {
    ...gold,
    articles: [
      { ...gold.articles![0]!, headline: '<i>另一个</i>标题' },
      { kind: 'article', headline: '不存在的文章', paragraphs: [{ type: 'paragraph', text: '这篇文章在页面上没有出现，解析器不可能找到它。' }] },
    ],
  };
  const score = scorePage(document, wrong, null);
  const report = buildReport('0.0.0', [{ id: 'p1', input: 'pages/p1.txt', gold: 'pages/p1.gold.json', score }], [], null);
  const page = writeEvalPageHtml(report, report.pages[0]!, { gold: wrong, predicted: document }, 'index.html');

  it('shows each kind of result with its badge', () => {
    expect(page).toContain('<span class="badge ok">matched');
    expect(page).toContain('<span class="badge miss">missed</span>');
    expect(page).toContain('<span class="badge extra">extra</span>');
    expect(page).toContain('1 wrong field</span>');
  });

  it('gives a wrong field with both values, escaped', () => {
    expect(page).toContain('<li><span class="lab">headline</span>gold «&lt;i&gt;另一个&lt;/i&gt;标题» · predicted «留言板把“&lt;script&gt;”原样显示 居民议事会商定下周修好»</li>');
    expect(page).not.toMatch(/<i>|<script>[^(]/u);
  });

  it('says which gold fields are not scored', () => {
    expect(page).toContain('<span class="lab">byline</span>not scored');
  });

  it('has a summary with a linked row per page and the totals', () => {
    const summary = writeEvalSummaryHtml(report, new Map([['p1', 'p1.html']]));
    expect(summary).toContain('<a href="p1.html">p1</a>');
    expect(summary).toMatch(/<tr><th>total<\/th><td class="num">0\.500<\/td>/u);
    expect(summary).toContain('articles: 1 matched of 2 gold and 2 predicted');
  });
});
