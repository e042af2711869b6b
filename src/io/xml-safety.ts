/**
 * Shared guard rails for the XML readers (ALTO, hOCR): a size limit checked
 * before anything is decoded, a refusal of DOCTYPE internal subsets (so no
 * entity can be declared, expanded or fetched), and the one fast-xml-parser
 * configuration both readers use. Every refusal is an UnusableInputError with
 * a one-line reason, which the CLI turns into exit code 2.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { decodeBytes } from '../core/decode.js';
import { UnusableInputError } from '../index.js';

/** Default largest XML input, in MiB (`--max-xml-mb`). */
export const DEFAULT_MAX_XML_MB = 64;

/** Deepest element nesting accepted (ALTO and hOCR need fewer than 20 levels). */
export const MAX_XML_DEPTH = 200;

/**
 * Longest attribute value accepted, in characters. An ALTO CONTENT holds a
 * word or a line and an hOCR title a box and a few numbers (a line of a page
 * is under 1,000 characters, and the core keeps lines over 20,000 out of its
 * rules); past this one attribute costs the XML parser seconds and memory out
 * of all proportion (one of 17 million characters in a 51 MB ALTO file took
 * 52 s and 2.3 GB of RSS).
 */
export const MAX_XML_ATTRIBUTE_CHARS = 1_000_000;

export interface XmlLimits {
  /** Largest accepted input in MiB (default 64). */
  maxXmlMb?: number;
}

/** Decoded XML text and the encoding it was read with. */
export interface XmlText {
  text: string;
  encoding: string;
  detected: boolean;
}

/**
 * Checks size, decodes and screens the text of an XML file. Throws
 * UnusableInputError when the file is too large, cannot be decoded, declares
 * entities or has a DOCTYPE internal subset.
 */
export function screenXml(bytes: Uint8Array, kind: string, limits: XmlLimits = {}, forcedEncoding?: string): XmlText {
  const maxMb = limits.maxXmlMb ?? DEFAULT_MAX_XML_MB;
  if (bytes.length > maxMb * 1024 * 1024) {
    const mb = (bytes.length / (1024 * 1024)).toFixed(1);
    throw new UnusableInputError(`${kind} file is ${mb} MB, over the ${maxMb} MB limit (raise it with --max-xml-mb)`);
  }
  const decoded = decodeBytes(bytes, forcedEncoding);
  if (!decoded.ok) throw new UnusableInputError(decoded.reason);
  // XML with bytes its encoding cannot read is not well-formed (XML 1.0, 4.3.3); text input takes a few
  // stray bytes as U+FFFD, but a reader's lines have no byte offsets to record them against.
  const stray = decoded.invalid?.[0];
  if (stray) throw new UnusableInputError(`${kind} is not well-formed: byte ${stray.byte} is not ${decoded.encoding.toUpperCase()} (${decoded.invalid!.length} invalid run${decoded.invalid!.length === 1 ? '' : 's'})`);
  const text = decoded.text.replace(/^\uFEFF/u, '');
  // A DOCTYPE is fine (hOCR carries the XHTML one); an internal subset or any
  // ENTITY declaration is refused before the parser sees it: that is where
  // billion-laughs expansion and external (SYSTEM "file:…") entities live.
  const doctype = /<!DOCTYPE\b[^>[]*\[/iu.exec(text);
  if (doctype) throw new UnusableInputError(`${kind} has a DOCTYPE with an internal subset (entity declarations are not accepted)`);
  if (/<!ENTITY\b/iu.test(text)) throw new UnusableInputError(`${kind} declares entities (<!ENTITY …>), which are not accepted`);
  const { depth, attribute } = markupExtent(text);
  if (depth > MAX_XML_DEPTH) throw new UnusableInputError(`${kind} nests elements more than ${MAX_XML_DEPTH} levels deep`);
  if (attribute.chars > MAX_XML_ATTRIBUTE_CHARS) {
    throw new UnusableInputError(`${kind} has an attribute value of ${attribute.chars} characters (line ${attribute.line}), over the limit of ${MAX_XML_ATTRIBUTE_CHARS}: not a page's markup`);
  }
  return { text, encoding: decoded.encoding, detected: decoded.detected };
}

/** Deepest element nesting (see markupExtent). */
export function nestingDepth(text: string): number {
  return markupExtent(text).depth;
}

/**
 * Deepest element nesting and longest attribute value (with its line), by a
 * linear scan that skips comments, CDATA, processing instructions and the
 * DOCTYPE and reads quoted attribute values as values (a `>` inside one does
 * not end the tag). It does not check well-formedness (the validator does);
 * it only bounds what runs after it.
 */
export function markupExtent(text: string): { depth: number; attribute: { chars: number; line: number } } {
  let depth = 0;
  let max = 0;
  let longest = 0;
  let longestAt = 0;
  // The next " and ' from where the scan is, kept so that a document without one is not searched again per tag.
  let dq = -2;
  let sq = -2;
  const quote = (from: number): number => {
    if (dq !== -1 && dq < from) dq = text.indexOf('"', from);
    if (sq !== -1 && sq < from) sq = text.indexOf("'", from);
    return dq === -1 ? sq : sq === -1 ? dq : Math.min(dq, sq);
  };
  /** The `>` that ends the tag opened at `i`, past quoted values; -1 when there is none. */
  const tagEnd = (i: number): number => {
    let from = i;
    for (;;) {
      const gt = text.indexOf('>', from);
      if (gt === -1) return -1;
      const q = quote(from);
      if (q === -1 || q > gt) return gt;
      const close = text.indexOf(text[q]!, q + 1);
      if (close === -1) return -1;
      if (close - q - 1 > longest) {
        longest = close - q - 1;
        longestAt = q;
      }
      from = close + 1;
    }
  };
  let i = text.indexOf('<');
  while (i !== -1 && i < text.length) {
    const next = text.charCodeAt(i + 1);
    if (next === 33 /* ! */) {
      if (text.startsWith('<!--', i)) {
        const end = text.indexOf('-->', i + 4);
        i = end === -1 ? -1 : text.indexOf('<', end + 3);
        continue;
      }
      if (text.startsWith('<![CDATA[', i)) {
        const end = text.indexOf(']]>', i + 9);
        i = end === -1 ? -1 : text.indexOf('<', end + 3);
        continue;
      }
    } else if (next === 47 /* / */) {
      depth--;
    } else if (next !== 63 /* ? */) {
      const end = tagEnd(i);
      if (end === -1) break;
      if (text.charCodeAt(end - 1) !== 47 /* self-closing */) {
        depth++;
        if (depth > max) max = depth;
      }
      i = text.indexOf('<', end + 1);
      continue;
    }
    const end = text.indexOf('>', i);
    i = end === -1 ? -1 : text.indexOf('<', end + 1);
  }
  let line = 1;
  if (longest > MAX_XML_ATTRIBUTE_CHARS) for (let k = text.indexOf('\n'); k !== -1 && k < longestAt; k = text.indexOf('\n', k + 1)) line++;
  return { depth: max, attribute: { chars: longest, line } };
}

/** A parsed element: name without namespace prefix, attributes, children in document order. */
export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  /** Text directly inside this element, in order (children's text excluded). */
  text: string;
}

type OrderedNode = Record<string, unknown> & { ':@'?: Record<string, unknown> };

/**
 * Parses screened XML text into a plain element tree. `html` tolerates the
 * XHTML entities and unclosed void tags other hOCR engines write.
 */
export function parseXmlTree(text: string, kind: string, html = false): XmlElement {
  const valid = XMLValidator.validate(text, { allowBooleanAttributes: true, ...(html ? { unpairedTags: ['br', 'meta', 'link', 'img', 'hr', 'input'] } : {}) });
  if (valid !== true) {
    const e = valid.err;
    throw new UnusableInputError(`${kind} is not well-formed XML (line ${e.line}, column ${e.col}: ${e.msg.replace(/\s+/gu, ' ').slice(0, 120)})`);
  }
  const parser = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: '',
    removeNSPrefix: true,
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: false,
    ignoreDeclaration: true,
    ignorePiTags: true,
    processEntities: true,
    htmlEntities: html,
    allowBooleanAttributes: true,
    maxNestedTags: MAX_XML_DEPTH + 10,
    ...(html ? { unpairedTags: ['br', 'meta', 'link', 'img', 'hr', 'input'] } : {}),
  });
  let nodes: OrderedNode[];
  try {
    nodes = parser.parse(text) as OrderedNode[];
  } catch (err) {
    throw new UnusableInputError(`${kind} could not be parsed (${(err as Error).message.split('\n')[0]})`);
  }
  const root: XmlElement = { name: '#document', attrs: {}, children: [], text: '' };
  // Iterative conversion (no recursion on input depth).
  const stack: { nodes: OrderedNode[]; into: XmlElement }[] = [{ nodes, into: root }];
  while (stack.length > 0) {
    const { nodes: list, into } = stack.pop()!;
    for (const node of list) {
      for (const key of Object.keys(node)) {
        if (key === ':@') continue;
        const value = node[key];
        if (key === '#text') {
          into.text += String(value);
          continue;
        }
        if (key.startsWith('?') || key === '#comment') continue;
        const attrs: Record<string, string> = {};
        for (const [k, v] of Object.entries(node[':@'] ?? {})) attrs[k] = String(v);
        const el: XmlElement = { name: key, attrs, children: [], text: '' };
        into.children.push(el);
        if (Array.isArray(value)) stack.push({ nodes: value as OrderedNode[], into: el });
      }
    }
  }
  return root;
}

/** All descendants named `name`, in document order (iterative). */
export function descendants(el: XmlElement, test: (e: XmlElement) => boolean): XmlElement[] {
  const out: XmlElement[] = [];
  const stack: XmlElement[] = [...el.children].reverse();
  while (stack.length > 0) {
    const e = stack.pop()!;
    if (test(e)) out.push(e);
    for (let i = e.children.length - 1; i >= 0; i--) stack.push(e.children[i]!);
  }
  return out;
}

/** All text inside an element, children included, in document order. */
export function deepText(el: XmlElement): string {
  // preserveOrder keeps mixed content in order; our tree keeps each element's
  // own text and its children separately, which is enough for hOCR words
  // (text lives in the word span or in one nested <strong>/<em>).
  let s = el.text;
  for (const c of el.children) s += deepText(c);
  return s;
}
