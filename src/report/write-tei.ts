/**
 * `--format tei`: a NewsDocument as a TEI P5 document (structure in docs/xml.md).
 *
 *   <TEI xmlns="http://www.tei-c.org/ns/1.0">
 *     <teiHeader>…source path, hash, tool…</teiHeader>
 *     <text xml:lang="zh-Hans"><body>
 *       <fw type="page-number">02</fw>…            page furniture, role in @type
 *       <div type="article" xml:id="a1">
 *         <head type="kicker">…</head> <head>headline</head> <head type="sub">…</head>
 *         <byline>…</byline> <dateline>…</dateline>
 *         <p>…</p>
 *         <div type="section"><head>subheading</head><p>…</p></div>
 *         <figure><figDesc>caption</figDesc></figure>
 *         <trailer>（完）</trailer>
 *         <closer><signed>sign-off</signed><note type="continuation">下转第4版</note></closer>
 *       </div>
 *       <div type="unassigned"><ab>…</ab></div>
 *     </body></text>
 *   </TEI>
 *
 * Built with fast-xml-parser's XMLBuilder in preserveOrder form, so element
 * order is exactly as written here; text is escaped by the builder.
 */
import { XMLBuilder } from 'fast-xml-parser';
import type { Article, NewsDocument } from '../core/model.js';

/** A node in fast-xml-parser's preserveOrder shape. */
type Node = Record<string, unknown>;

/**
 * What XML 1.0 cannot hold at all (C0 controls but tab and line ends, lone
 * surrogates, U+FFFE, U+FFFF). The core removes them from the text, recorded
 * as control-chars repairs; this keeps a path or any other field that did not
 * pass through it from making the output ill-formed.
 */
const XML_FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|\p{Cs}/gu;
const xmlText = (s: string) => s.replace(XML_FORBIDDEN, '\ufffd');

export function el(name: string, attrs: Record<string, string | number | undefined> | null, children: Node[] | string): Node {
  const node: Node = { [name]: typeof children === 'string' ? [{ '#text': xmlText(children) }] : children };
  if (attrs) {
    const a: Record<string, string> = {};
    for (const [k, v] of Object.entries(attrs)) if (v !== undefined) a[`@_${k}`] = xmlText(String(v));
    if (Object.keys(a).length > 0) node[':@'] = a;
  }
  return node;
}

export function buildXml(root: Node): string {
  const builder = new XMLBuilder({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    format: true,
    indentBy: '  ',
    suppressEmptyNode: true,
    processEntities: true,
  });
  return '<?xml version="1.0" encoding="UTF-8"?>\n' + (builder.build([root]) as string).trim() + '\n';
}

const LANG: Record<string, string> = { hans: 'zh-Hans', hant: 'zh-Hant', mixed: 'zh', unknown: 'zh' };

function articleDiv(a: Article): Node {
  const top: Node[] = [];
  if (a.kicker) top.push(el('head', { type: 'kicker' }, a.kicker));
  if (a.headline) top.push(el('head', null, a.headline));
  if (a.subheadline) top.push(el('head', { type: 'sub' }, a.subheadline));
  if (a.byline) top.push(el('byline', null, a.byline.text));
  if (a.dateline) top.push(el('dateline', null, a.dateline));
  const body: Node[] = [];
  const trailers: Node[] = [];
  let section: Node[] | null = null;
  for (const p of a.paragraphs) {
    if (p.type === 'subheading') {
      section = [el('head', null, p.text)];
      body.push(el('div', { type: 'section' }, section));
      continue;
    }
    if (p.type === 'endmark') {
      trailers.push(el('trailer', null, p.text));
      continue;
    }
    const node = p.type === 'caption' ? el('figure', null, [el('figDesc', null, p.text)]) : el('p', null, p.text);
    (section ?? body).push(node);
  }
  const closer: Node[] = [];
  if (a.signoff) closer.push(el('signed', null, a.signoff));
  if (a.continuation) closer.push(el('note', { type: 'continuation' }, a.continuation));
  // TEI wants some content in a div: an article with only a headline keeps it; an empty one gets an empty <p/>.
  const content = [...top, ...body, ...trailers, ...(closer.length > 0 ? [el('closer', null, closer)] : [])];
  if (content.length === 0) content.push(el('p', null, ''));
  return el('div', { type: a.kind === 'photo' ? 'photo' : 'article', 'xml:id': a.id, n: `${a.lines[0]}-${a.lines[1]}` }, content);
}

/** The document as TEI P5 XML text. */
export function writeTei(doc: NewsDocument): string {
  const title = doc.source.path ?? 'news-parse page';
  const header = el('teiHeader', null, [
    el('fileDesc', null, [
      el('titleStmt', null, [el('title', null, title)]),
      el('publicationStmt', null, [el('p', null, `Converted by news-parse ${doc.tool.version}`)]),
      el('sourceDesc', null, [
        el('p', null, `${doc.source.format} input, ${doc.source.lines} lines, sha256 ${doc.source.sha256}`),
      ]),
    ]),
  ]);
  const body: Node[] = [];
  for (const f of doc.page.furniture) body.push(el('fw', { type: f.role, n: `${f.lines[0]}-${f.lines[1]}` }, f.text));
  for (const a of doc.articles) body.push(articleDiv(a));
  if (doc.unassigned.length > 0) {
    body.push(el('div', { type: 'unassigned' }, doc.unassigned.map((u) => el('ab', { type: u.reason, n: `${u.lines[0]}-${u.lines[1]}` }, u.text))));
  }
  if (body.length === 0) body.push(el('p', null, ''));
  const text = el('text', { 'xml:lang': LANG[doc.script ?? 'unknown'] }, [el('body', null, body)]);
  return buildXml(el('TEI', { xmlns: 'http://www.tei-c.org/ns/1.0' }, [header, text]));
}
