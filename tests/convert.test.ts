/** The road's reader table and its contract for one-page and multi-page formats (src/convert/). */
import { describe, expect, it } from 'vitest';
import { convertFile, convertPage, type PageResult } from '../src/convert/convert-page.js';
import { isPageFile, READERS, sniffFormat, stripPageExtension, type ReaderRow, type ReadPage } from '../src/convert/readers.js';
import { defaultSettings } from '../src/convert/settings.js';
import { parse } from '../src/index.js';

const enc = (s: string) => new TextEncoder().encode(s);
const settings = defaultSettings(process.cwd());

async function all(it: AsyncIterable<PageResult>): Promise<PageResult[]> {
  const out: PageResult[] = [];
  for await (const r of it) out.push(r);
  return out;
}

/** A made-up multi-page format: pages separated by form feeds, page 2 unreadable when it says so. */
const PAGED: ReaderRow = {
  format: 'text',
  extensions: ['.paged'],
  sniff: (head) => head.startsWith('PAGED'),
  load: async () => (bytes, ctx) =>
    (async function* (): AsyncGenerator<ReadPage> {
      const pages = new TextDecoder().decode(bytes).slice(5).split('\f');
      for (let i = 0; i < pages.length; i++) {
        if (pages[i] === 'BROKEN') yield { page: i + 1, failure: 'page is broken' };
        else yield { page: i + 1, document: parse(pages[i]!, ctx.parse), lines: [] };
      }
    })(),
};

describe('reader table', () => {
  it('sniffs ALTO, hOCR, and text for everything else', () => {
    expect(sniffFormat(enc('<?xml version="1.0"?><alto xmlns="x">'))).toBe('alto');
    expect(sniffFormat(enc('<html><div class="ocr_page">'))).toBe('hocr');
    expect(sniffFormat(enc('本报讯 <alto'))).toBe('text');
    expect(sniffFormat(enc('本报讯 今天'))).toBe('text');
  });

  it('takes page files by a reader extension, and plain .html never', () => {
    for (const name of ['p.txt', 'P.TXT', 'p.xml', 'p.hocr', 'p.hocr.html', 'p.hocr.htm']) expect(isPageFile(name), name).toBe(true);
    for (const name of ['p.html', 'p.htm', 'p.md', 'p.json', 'txt']) expect(isPageFile(name), name).toBe(false);
    expect(stripPageExtension('p.hocr.html')).toBe('p');
    expect(stripPageExtension('input.txt')).toBe('input');
    expect(stripPageExtension('notes.md')).toBe('notes.md');
  });

  it('gives every row a distinct format and ends with the text row, which takes anything', () => {
    const formats = READERS.map((r) => r.format);
    expect(new Set(formats).size).toBe(formats.length);
    expect(READERS.at(-1)!.format).toBe('text');
    expect(READERS.at(-1)!.sniff('\u0001anything')).toBe(true);
  });
});

describe('convertFile', () => {
  it('yields one result with page null for a one-page format', async () => {
    const results = await all(convertFile({ path: 'p.txt', bytes: enc('本报讯 今天天气很好。\n') }, settings));
    expect(results).toHaveLength(1);
    expect(results[0]!.page).toBeNull();
    expect(results[0]!.document!.source.path).toBe('p.txt');
  });

  it('turns unusable input into a failure result instead of throwing', async () => {
    const [r] = await all(convertFile({ path: 'bin.txt', bytes: new Uint8Array([0, 1, 2, 0, 0, 255, 254, 0, 3]) }, settings));
    expect(r!.document).toBeUndefined();
    expect(r!.failure!.code).toBe('unusable-input');
  });

  it('yields the pages of a multi-page reader in order, a bad page as its own failure', async () => {
    const bytes = enc('PAGED本报讯 第一页。\fBROKEN\f本报讯 第三页。');
    const results = await all(convertFile({ path: 'x.paged', bytes }, settings, [PAGED]));
    expect(results.map((r) => r.page)).toEqual([1, 2, 3]);
    expect(results.map((r) => (r.document ? 'doc' : r.failure!.reason))).toEqual(['doc', 'page is broken', 'doc']);
    expect(results[2]!.document!.source.path).toBe('x.paged');
  });

  it('fills tool.options with the profile on every page', async () => {
    const bytes = enc('PAGED本报讯 一。\f本报讯 二。');
    const results = await all(convertFile({ path: null, bytes }, { ...settings, profile: 'hk-tw' }, [PAGED]));
    expect(results.map((r) => r.document!.tool.options)).toEqual([
      { keepSpacing: false, profile: 'hk-tw', profileSha256: expect.stringMatching(/^[0-9a-f]{64}$/u) },
      { keepSpacing: false, profile: 'hk-tw', profileSha256: results[0]!.document!.tool.options!['profileSha256'] },
    ]);
  });

  it('convertPage refuses a file of several pages (one gold per page in eval)', async () => {
    const r = await convertPage({ path: 'x.paged', bytes: enc('PAGED一\f二') }, settings, [PAGED]);
    expect(r.failure!.reason).toMatch(/several pages/);
  });
});

describe('PageResult.lines', () => {
  it('hands back the lines the core read, numbered as the document cites them', async () => {
    const r = await convertPage({ path: null, bytes: enc('本报讯 一。\n\n第三行。\n') }, settings);
    expect(r.lines!.map((l) => l.text)).toEqual(['本报讯 一。', '', '第三行。']);
    expect(r.document!.source.lines).toBe(r.lines!.length);
  });
});

describe('--stdin-jsonl answers', () => {
  it('puts the pages of a multi-page input on the record’s one line', async () => {
    const { answerLine } = await import('../src/batch/stdin-jsonl.js');
    const rec = { idJson: '"r1"', line: 1, task: null };
    const one = answerLine(rec, { seq: 0, status: 'converted', sha256: 'x', articles: 0, warnings: 0, json: '{"a":1}' });
    expect(JSON.parse(one)).toEqual({ id: 'r1', document: { a: 1 } });
    const two = answerLine(rec, { seq: 0, status: 'converted', sha256: 'x', articles: 0, warnings: 0, json: '{"a":1}\n{"a":"x\\ny"}' });
    expect(two.trimEnd().split('\n')).toHaveLength(1);
    expect(JSON.parse(two)).toEqual({ id: 'r1', documents: [{ a: 1 }, { a: 'x\ny' }] });
  });
});
