/** The review page writer: escaping, one card per article, an owner for every source line. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { NewsDocument } from '../../src/core/model.js';
import { esc } from '../../src/report/html.js';
import { lineOwners, writeHtml } from '../../src/report/write-html.js';
import { convertFixturePage, FIXTURES, fixtureCases } from '../helpers/fixtures.js';

async function page(name: string) {
  const dir = join(FIXTURES, name);
  const input = readdirInput(dir);
  return convertFixturePage(input);
}

function readdirInput(dir: string): string {
  const c = fixtureCases().find((f) => f.dir === dir);
  if (!c) throw new Error(`no fixture ${dir}`);
  return c.input;
}

/** A document with no articles: only `lines` input lines and the given unassigned text. */
function bareDocument(lines: number, unassigned: NewsDocument['unassigned']): NewsDocument {
  return {
    schemaVersion: 1,
    tool: { name: 'news-parse', version: '0' },
    source: { path: null, sha256: '', encoding: 'utf-8', format: 'text', bytes: 0, lines },
    page: { number: null, furniture: [] },
    articles: [],
    unassigned,
    repairs: [],
    warnings: [],
  };
}

/** The opening tags of the page, by element name. */
function tags(html: string, name: string): number {
  return [...html.matchAll(new RegExp(`<${name}[\\s>]`, 'giu'))].length;
}

describe('esc', () => {
  it('escapes markup characters and both quotes', () => {
    expect(esc(`<a href="x" title='y'>&lt;</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;lt;&lt;/a&gt;');
  });
  it('shows control characters as control pictures, keeps tab and newline', () => {
    expect(esc('a\u0000b\u000cc\u007fd\te\nf')).toBe('a\u2400b\u240cc\u2421d\te\nf');
  });
});

describe('writeHtml on a page whose text is markup', async () => {
  const { document, lines } = await page('markup-in-text');
  const html = writeHtml(document, lines);

  it('renders none of it as markup: only our own script and style elements exist', () => {
    expect(tags(html, 'script')).toBe(1);
    expect(tags(html, 'style')).toBe(1);
    expect(html.match(/<\/script>/giu)).toHaveLength(1);
    expect(html.match(/<\/style>/giu)).toHaveLength(1);
    expect(tags(html, 'img')).toBe(0);
    expect(tags(html, 'b')).toBe(0);
    expect(html).not.toContain('alert("x")');
  });

  it('escapes the text everywhere it appears: lines, cards, tooltips', () => {
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    // An entity in the input is shown as printed, not decoded.
    expect(html).toContain('&amp;lt;b&amp;gt;');
    expect(html).toContain('&lt;/style&gt;');
    expect(html).toContain('引号&#39;和&quot;以及&amp;amp;转义');
    expect(html).toContain('<h3 class="f r-headline"><span class="lab">headline</span>图书角新添&lt;b&gt;绘本&lt;/b&gt;两百册</h3>');
    // The sign-off repair's tooltip carries before and after, escaped.
    expect(html).toMatch(/<span class="fix" title="marker-brackets \(L17\): «（社区办）» → «社区办»">/u);
  });

  it('keeps the page self-contained: no URL but in-page anchors, and a policy that forbids fetching', () => {
    expect(html).not.toMatch(/\b(?:src|href)="(?!#)/u);
    expect(html).toContain('default-src &#39;none&#39;');
  });
});

describe('writeHtml on the fixtures', () => {
  for (const c of fixtureCases()) {
    it(`${c.name}: a card per article, every source line owned`, async () => {
      const { document, lines } = await convertFixturePage(c.input);
      const html = writeHtml(document, lines);
      for (const a of document.articles) expect(html).toContain(`id="card-${a.id}" data-a="${a.id}"`);
      expect(tags(html, 'article')).toBe(document.articles.length);

      const owners = lineOwners(document, lines);
      const lineDivs = [...html.matchAll(/<div class="l ([^"]*)" id="L(\d+)" data-owner="([a-z]+)"(?: data-a="([^"]*)")?>/gu)];
      expect(lineDivs.map((m) => Number(m[2]))).toEqual(Array.from({ length: document.source.lines }, (_, i) => i + 1));
      for (const m of lineDivs) {
        const n = Number(m[2]);
        const first = owners[n]![0]!;
        expect(m[1]).toContain(`r-${first.role}`);
        expect(m[3]).toBe(first.role);
        // An article's lines carry its colour and its id; nothing else does.
        if (first.article !== null) {
          expect(m[1]).toMatch(new RegExp(`^c${first.article % 6} `, 'u'));
          expect(m[4]?.split(' ')).toContain(document.articles[first.article]!.id);
        } else {
          expect(m[1]).toMatch(/^cx /u);
        }
      }
      // By the nothing-lost rule every line with text is named by some part of the document.
      const unowned = owners.flatMap((list, n) => (list.some((o) => o.role === 'unowned') ? [n] : []));
      expect(unowned).toEqual([]);
    });
  }
});

describe('lineOwners', () => {
  it('gives each article field and paragraph its role, and blank lines no owner', async () => {
    const { document, lines } = await page('crlf-jump-line');
    const owners = lineOwners(document, lines);
    for (const [i, a] of document.articles.entries()) {
      for (const [fieldName, range] of Object.entries(a.sources)) {
        const role = fieldName;
        expect(owners[range[0]]!.map((o) => `${o.article}:${o.role}`)).toContain(`${i}:${role}`);
      }
      for (const p of a.paragraphs) expect(owners[p.lines[0]]!.some((o) => o.article === i)).toBe(true);
    }
    for (const f of document.page.furniture) expect(owners[f.lines[0]]![0]!.role).toBe('furniture');
    for (const l of lines) if (l.text.trim() === '') expect(owners[l.n]!.map((o) => o.role)).not.toContain('unowned');
  });

  it('lets one line belong to several articles (pieces of a -layout line)', async () => {
    const { document, lines } = await page('pdftotext-layout-columns');
    const owners = lineOwners(document, lines);
    const shared = owners.filter((list) => new Set(list.map((o) => o.article).filter((a) => a !== null)).size > 1);
    expect(shared.length).toBeGreaterThan(0);
  });

  it('marks lines nothing names as unowned', () => {
    const doc = bareDocument(2, []);
    const owners = lineOwners(doc, [
      { n: 1, text: '  ' },
      { n: 2, text: '漏掉的字' },
    ]);
    expect(owners.slice(1).map((l) => l[0]!.role)).toEqual(['blank', 'unowned']);
  });
});

describe('the page drawing', () => {
  it('draws a box per line and an outline per article for layout input', async () => {
    const { document, lines } = await page('alto-two-columns');
    const html = writeHtml(document, lines);
    expect([...html.matchAll(/<rect class="c\d r-[a-z]+" [^>]*data-l="\d+"/gu)]).toHaveLength(lines.length);
    expect([...html.matchAll(/<g class="outline c\d" data-a="a\d+">/gu)]).toHaveLength(document.articles.length);
  });

  it('is drawn at the page size a PDF page states', async () => {
    const { document, lines } = await page('pdf-fake-bold-glyphs');
    const size = document.source.pageSize!;
    const html = writeHtml(document, lines);
    expect(html).toContain(`<h2>Page · ${size.width}×${size.height} pt</h2>`);
    expect(html).toContain(`<rect class="sheet" x="0" y="0" width="${size.width}" height="${size.height}"/>`);
  });

  it('is left out for plain text', async () => {
    const { document, lines } = await page('seed-community-p02');
    expect(writeHtml(document, lines)).not.toContain('<svg');
  });

  it('cuts a very long line so the page stays loadable', () => {
    const text = '长'.repeat(50_000);
    const doc = bareDocument(1, [{ text, lines: [1, 1], reason: 'line-too-long' }]);
    const html = writeHtml(doc, [{ n: 1, text }]);
    expect(html.length).toBeLessThan(60_000);
    expect(html).toContain('(30000 more characters)');
  });
});
