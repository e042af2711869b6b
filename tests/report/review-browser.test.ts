/**
 * The review page as a browser sees it: Debian's headless Chromium loads the
 * page, a probe script appended for the test reads the live DOM and the
 * computed styles, and `--dump-dom` hands them back. Checks that every article
 * card exists, that every source line is coloured by its owner, that every
 * line's text is its input line as text (no element inside it), that no
 * element the writer does not make exists, and that clicking a card lights its
 * lines. Skipped when Chromium is absent (CI installs it: .ci/run).
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { CHROMIUM, headlessFlags } from '../../scripts/chromium.mjs';
import type { InputLine, NewsDocument } from '../../src/core/model.js';
import { PALETTE } from '../../src/report/html.js';
import { writeHtml } from '../../src/report/write-html.js';
import { convertFixturePage, FIXTURES, fixtureCases } from '../helpers/fixtures.js';

const run = promisify(execFile);

/** Reads the page after its own script ran; the result goes out base64-encoded in a <pre>, so no markup in it matters. */
const PROBE = `(function(){
function cs(e){return getComputedStyle(e)}
var lines=[].map.call(document.querySelectorAll('.lines .l'),function(l){var t=l.querySelector('.t');var s=cs(l);
return {n:+l.id.slice(1),owner:l.getAttribute('data-owner'),ids:l.getAttribute('data-a'),border:s.borderLeftColor,borderStyle:s.borderLeftStyle,background:s.backgroundColor,backgroundImage:s.backgroundImage,text:t.textContent,elements:t.childElementCount}});
var cards=[].map.call(document.querySelectorAll('article.card'),function(c){var h=c.querySelector('h3.r-headline');return {id:c.getAttribute('data-a'),border:cs(c).borderLeftColor,headline:h?h.lastChild.textContent:null}});
var boxes=[].map.call(document.querySelectorAll('.page rect[data-l]'),function(r){return {n:+r.getAttribute('data-l'),ids:r.getAttribute('data-a'),stroke:cs(r).stroke}});
var tags={};[].forEach.call(document.querySelectorAll('*'),function(e){tags[e.tagName.toLowerCase()]=(tags[e.tagName.toLowerCase()]||0)+1});
var second=document.querySelectorAll('article.card')[1];var lit=null;
if(second){second.click();lit=[].map.call(document.querySelectorAll('.lines .l.on'),function(l){return +l.id.slice(1)})}
var out=document.createElement('pre');out.id='probe';
out.textContent=btoa(unescape(encodeURIComponent(JSON.stringify({lines:lines,cards:cards,boxes:boxes,tags:tags,lit:lit,title:document.title})))) ;
document.body.appendChild(out);
})();`;

interface Probe {
  lines: { n: number; owner: string; ids: string | null; border: string; borderStyle: string; background: string; backgroundImage: string; text: string; elements: number }[];
  cards: { id: string; border: string; headline: string | null }[];
  boxes: { n: number; ids: string | null; stroke: string }[];
  tags: Record<string, number>;
  lit: number[] | null;
  title: string;
}

/** The elements the writer itself makes; anything else in the DOM came from the input. */
const WRITER_TAGS = new Set(
  'html head meta title style body header h1 h2 h3 p ul li code span a main section div article details summary del ins em script pre svg defs pattern rect g text'.split(' '),
);

function rgb(hex: string): string {
  const v = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  return `rgb(${v.join(', ')})`;
}

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

async function probe(html: string): Promise<Probe> {
  const hash = createHash('sha256').update(PROBE).digest('base64');
  // The page's policy admits only its own script; the test adds the probe's hash beside it.
  const probed = html.replace('script-src ', `script-src &#39;sha256-${hash}&#39; `).replace('</body>', `<script>${PROBE}</script>\n</body>`);
  const dir = mkdtempSync(join(tmpdir(), 'news-parse-review-'));
  dirs.push(dir);
  const file = join(dir, 'page.html');
  writeFileSync(file, probed);
  const { stdout } = await run(
    CHROMIUM,
    [
      ...headlessFlags(join(dir, 'profile')),
      '--window-size=1400,900',
      '--dump-dom',
      pathToFileURL(file).href,
    ],
    { maxBuffer: 64 * 1024 * 1024, timeout: 60_000 },
  );
  const m = /<pre id="probe">([A-Za-z0-9+/=]+)<\/pre>/u.exec(stdout);
  if (!m) throw new Error(`probe did not run; DOM was:\n${stdout.slice(0, 2000)}`);
  return JSON.parse(Buffer.from(m[1]!, 'base64').toString('utf8')) as Probe;
}

async function fixturePage(name: string): Promise<{ document: NewsDocument; lines: InputLine[] }> {
  const c = fixtureCases().find((f) => f.dir === join(FIXTURES, name));
  if (!c) throw new Error(`no fixture ${name}`);
  return convertFixturePage(c.input);
}

function checkPage(document: NewsDocument, lines: InputLine[], p: Probe): void {
  // Every article has its card, in its colour, with its headline as text.
  expect(p.cards.map((c) => c.id)).toEqual(document.articles.map((a) => a.id));
  document.articles.forEach((a, i) => {
    expect(p.cards[i]!.border).toBe(rgb(PALETTE[i % PALETTE.length]![0]));
    expect(p.cards[i]!.headline).toBe(a.headline);
  });
  // Every source line is there once, as the text it was in the input, coloured by its first owner.
  expect(p.lines.map((l) => l.n)).toEqual(lines.map((l) => l.n));
  const indexOf = new Map(document.articles.map((a, i) => [a.id, i]));
  for (const [k, l] of p.lines.entries()) {
    expect(l.elements).toBe(0);
    expect(l.text).toBe(lines[k]!.text);
    const first = l.ids?.split(' ')[0];
    if (first !== undefined) {
      expect(l.border).toBe(rgb(PALETTE[indexOf.get(first)! % PALETTE.length]![0]));
      expect(l.background).not.toBe('rgba(0, 0, 0, 0)');
    } else if (l.owner === 'furniture') {
      expect(l.border).toBe(rgb('#777777'));
    } else if (l.owner === 'unassigned' || l.owner === 'unowned') {
      expect(l.borderStyle).toBe('dotted');
      expect(l.backgroundImage).toContain('repeating-linear-gradient');
    } else {
      expect(l.owner).toBe('blank');
      expect(l.background).toBe('rgba(0, 0, 0, 0)');
    }
  }
  // No element the writer does not write: nothing in the input became markup.
  expect(Object.keys(p.tags).filter((t) => !WRITER_TAGS.has(t))).toEqual([]);
  expect(p.tags.script).toBe(2);
  expect(p.tags.style).toBe(1);
  // Clicking the second card lights exactly the lines that name its article.
  if (document.articles.length > 1) {
    const id = document.articles[1]!.id;
    expect(p.lit).toEqual(p.lines.filter((l) => l.ids?.split(' ').includes(id)).map((l) => l.n));
  }
}

describe.skipIf(!existsSync(CHROMIUM))('review page in headless Chromium', () => {
  it('the sample page: every card, every line coloured by its owner', async () => {
    const { document, lines } = await fixturePage('seed-community-p02');
    const p = await probe(writeHtml(document, lines));
    checkPage(document, lines, p);
    expect(p.boxes).toEqual([]);
    expect(p.title).toBe(`${document.source.path} · news-parse review`);
  }, 90_000);

  it('an ALTO page: the same, and every line box stroked in its article colour', async () => {
    const { document, lines } = await fixturePage('alto-two-columns');
    const p = await probe(writeHtml(document, lines));
    checkPage(document, lines, p);
    expect(p.boxes.map((b) => b.n)).toEqual(lines.map((l) => l.n));
    const indexOf = new Map(document.articles.map((a, i) => [a.id, i]));
    for (const b of p.boxes) {
      const first = b.ids?.split(' ')[0];
      if (first !== undefined) expect(b.stroke).toBe(rgb(PALETTE[indexOf.get(first)! % PALETTE.length]![0]));
    }
  }, 90_000);

  it('a page whose text is markup: shown as text, never run', async () => {
    const { document, lines } = await fixturePage('markup-in-text');
    const p = await probe(writeHtml(document, lines));
    checkPage(document, lines, p);
    expect(p.lines.some((l) => l.text.includes('<script>alert("x")</script>'))).toBe(true);
    expect(p.lines.some((l) => l.text.includes('&lt;b&gt;'))).toBe(true);
    expect(p.cards[1]!.headline).toBe('图书角新添<b>绘本</b>两百册');
  }, 90_000);
});
