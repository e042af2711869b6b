import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import type { Article, NewsDocument } from '../../src/core/model.js';
import { writeTei } from '../../src/report/write-tei.js';
import { writeMets } from '../../src/report/write-mets.js';
import { attachBoxes } from '../../src/core/layout/attach-boxes.js';

function article(over: Partial<Article>): Article {
  return {
    id: 'a1', kind: 'article', lines: [1, 9], kicker: null, headline: null, subheadline: null, byline: null, dateline: null,
    paragraphs: [], signoff: null, continuation: null, sources: {}, evidence: [], ...over,
  };
}

function doc(articles: Article[]): NewsDocument {
  return {
    schemaVersion: 1,
    tool: { name: 'news-parse', version: '0.0.0' },
    source: { path: 'p<1>&.xml', sha256: 'a'.repeat(64), encoding: 'utf-8', format: 'alto', bytes: 1, lines: 9 },
    script: 'hans',
    page: { number: '02', furniture: [{ role: 'page-number', text: '02', lines: [1, 1] }] },
    articles,
    unassigned: [{ text: '<残>&', lines: [9, 9], reason: 'no-article-markers' }],
    repairs: [],
    warnings: [],
  };
}

const full = article({
  kicker: '引题', headline: '全力抓好经济工作 & "A<B"', subheadline: '街道召开推进会',
  byline: { text: '□特约记者 姚志康 整理报道', role: '特约记者', names: ['姚志康'], credit: '整理报道' },
  dateline: '本报讯',
  paragraphs: [
    { type: 'paragraph', text: '8月6日，会议召开。', lines: [4, 4] },
    { type: 'subheading', text: '一要全力抓好经济工作', lines: [5, 5] },
    { type: 'paragraph', text: '天山是主阵地。', lines: [6, 6] },
    { type: 'caption', text: '图为会议现场。', lines: [7, 7] },
    { type: 'endmark', text: '（完）', lines: [8, 8] },
  ],
  signoff: '街道党政办', continuation: '下转第4版', blocks: ['block_1', 'block_2'],
});

const parser = new XMLParser({ ignoreAttributes: false, parseTagValue: false, alwaysCreateTextNode: true, isArray: (_n: string, _j: unknown, _leaf: boolean, isAttribute: boolean) => !isAttribute });

describe('TEI writer', () => {
  it('writes well-formed TEI with the documented structure', () => {
    const xml = writeTei(doc([full, article({ id: 'a2', headline: '只有标题' })]));
    expect(XMLValidator.validate(xml)).toBe(true);
    const tei = parser.parse(xml).TEI[0];
    const body = tei.text[0].body[0];
    expect(tei.text[0]['@_xml:lang']).toBe('zh-Hans');
    expect(body.fw[0]).toMatchObject({ '#text': '02', '@_type': 'page-number' });
    const div = body.div[0];
    expect(div['@_type']).toBe('article');
    expect(div['@_xml:id']).toBe('a1');
    expect(div.head.map((h: { '#text': string; '@_type'?: string }) => [h['@_type'] ?? null, h['#text']])).toEqual([
      ['kicker', '引题'], [null, '全力抓好经济工作 & "A<B"'], ['sub', '街道召开推进会'],
    ]);
    expect(div.byline[0]['#text']).toBe('□特约记者 姚志康 整理报道');
    expect(div.dateline[0]['#text']).toBe('本报讯');
    expect(div.p[0]['#text']).toBe('8月6日，会议召开。');
    expect(div.div[0]['@_type']).toBe('section');
    expect(div.div[0].head[0]['#text']).toBe('一要全力抓好经济工作');
    expect(div.div[0].p[0]['#text']).toBe('天山是主阵地。');
    expect(div.div[0].figure[0].figDesc[0]['#text']).toBe('图为会议现场。');
    expect(div.trailer[0]['#text']).toBe('（完）');
    expect(div.closer[0].signed[0]['#text']).toBe('街道党政办');
    expect(div.closer[0].note[0]['#text']).toBe('下转第4版');
    expect(body.div[2]['@_type']).toBe('unassigned');
  });

  it('writes a well-formed document with no articles', () => {
    const d = doc([]);
    d.page.furniture = [];
    d.unassigned = [];
    expect(XMLValidator.validate(writeTei(d))).toBe(true);
  });
});

describe('METS writer', () => {
  it('writes one ARTICLE div per article pointing at its ALTO blocks', () => {
    const xml = writeMets(doc([full, article({ id: 'a2', headline: '无块' })]));
    expect(XMLValidator.validate(xml)).toBe(true);
    const mets = parser.parse(xml)['mets:mets'][0];
    const logical = mets['mets:structMap'][0];
    expect(logical['@_TYPE']).toBe('LOGICAL');
    const divs = logical['mets:div'][0]['mets:div'];
    expect(divs).toHaveLength(2);
    expect(divs[0]['@_TYPE']).toBe('ARTICLE');
    const areas = divs[0]['mets:fptr'][0]['mets:seq'][0]['mets:area'];
    expect(areas.map((a: Record<string, string>) => [a['@_BETYPE'], a['@_FILEID'], a['@_BEGIN']])).toEqual([
      ['IDREF', 'ALTO1', 'block_1'], ['IDREF', 'ALTO1', 'block_2'],
    ]);
    expect(divs[1]['mets:fptr']).toBeUndefined();
    expect(mets['mets:fileSec'][0]['mets:fileGrp'][0]['mets:file'][0]['mets:FLocat'][0]['@_xlink:href']).toBe('p<1>&.xml');
    expect(mets['mets:dmdSec'][0]['mets:mdWrap'][0]['mets:xmlData'][0]['mods:mods'][0]['mods:name'][0]['mods:namePart'][0]['#text']).toBe('姚志康');
  });
});

describe('attachBoxes', () => {
  it('gives articles the blocks and union box of the lines their parts name', () => {
    const d = doc([article({ lines: [1, 3], sources: { headline: [1, 1] }, paragraphs: [{ type: 'paragraph', text: 'x', lines: [3, 3] }] })]);
    const lines = [
      { n: 1, text: 'h', hint: { block: 'b1', bbox: [10, 10, 100, 40] as [number, number, number, number] } },
      { n: 2, text: 'stray', hint: { block: 'b9', bbox: [0, 0, 5000, 5000] as [number, number, number, number] } },
      { n: 3, text: 'x', hint: { block: 'b2', bbox: [20, 50, 120, 80] as [number, number, number, number] } },
    ];
    attachBoxes(d.articles, lines);
    expect(d.articles[0]!.blocks).toEqual(['b1', 'b2']);
    expect(d.articles[0]!.bbox).toEqual([10, 10, 120, 80]);
  });
});
