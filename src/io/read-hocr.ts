/**
 * Tesseract hOCR (and other engines' hOCR 1.2) to the core's input lines.
 * Blocks are the paragraphs (`ocr_par`; an `ocr_carea` without paragraphs
 * counts as one); lines are `ocr_line` / `ocr_header` / `ocr_caption` /
 * `ocr_textfloat`; words are `ocrx_word`. hOCR states no reading order, so
 * blocks are ordered by geometry.
 */
import { UnusableInputError } from '../index.js';
import { layoutToLines, type BBox, type LayoutBlock, type LayoutLine, type LayoutPage, type LayoutWord } from './layout-lines.js';
import { deepText, descendants, parseXmlTree, screenXml, type XmlElement, type XmlLimits } from './xml-safety.js';
import type { LayoutRead } from './layout-document.js';
import { appendAll } from '../core/arrays.js';

const LINE_CLASSES = new Set(['ocr_line', 'ocr_header', 'ocr_caption', 'ocr_textfloat']);

function classes(el: XmlElement): string[] {
  return (el.attrs.class ?? '').split(/\s+/u).filter(Boolean);
}

function hasClass(el: XmlElement, names: Set<string> | string): boolean {
  return classes(el).some((c) => (typeof names === 'string' ? c === names : names.has(c)));
}

/**
 * The `bbox` of an hOCR `title` (`left top right bottom`). The quoted image
 * path may hold `;`, so it is removed first.
 */
export function titleBox(title: string | undefined): BBox | undefined {
  if (!title) return undefined;
  const rest = title.replace(/image\s+"[^"]*"/u, '');
  for (const part of rest.split(';')) {
    const m = /^\s*bbox\s+(-?[\d.]+)\s+(-?[\d.]+)\s+(-?[\d.]+)\s+(-?[\d.]+)\s*$/u.exec(part);
    if (m) {
      const box = [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4])] as BBox;
      return box.every(Number.isFinite) ? box : undefined;
    }
  }
  return undefined;
}

/** `x_wconf N` of a word's title (Tesseract: 0–100) as 0–1, or undefined. */
function wordConfidence(title: string | undefined): number | undefined {
  const m = title ? /(?:^|;)\s*x_wconf\s+(-?[\d.]+)/u.exec(title) : null;
  const v = m ? Number(m[1]) / 100 : NaN;
  return Number.isFinite(v) ? Math.min(1, Math.max(0, v)) : undefined;
}

function readLine(el: XmlElement): LayoutLine {
  const words: LayoutWord[] = descendants(el, (e) => hasClass(e, 'ocrx_word')).map((w) => {
    const word: LayoutWord = { text: deepText(w) };
    const box = titleBox(w.attrs.title);
    if (box) word.bbox = box;
    const conf = wordConfidence(w.attrs.title);
    if (conf !== undefined) word.conf = conf;
    return word;
  });
  // A line without word spans (other engines) is one word.
  if (words.length === 0) words.push({ text: deepText(el) });
  const line: LayoutLine = { words };
  if (el.attrs.id) line.id = el.attrs.id;
  const box = titleBox(el.attrs.title);
  if (box) line.bbox = box;
  return line;
}

function readBlock(el: XmlElement): LayoutBlock {
  const block: LayoutBlock = { lines: descendants(el, (e) => hasClass(e, LINE_CLASSES)).map(readLine) };
  if (el.attrs.id) block.id = el.attrs.id;
  const box = titleBox(el.attrs.title);
  if (box) block.bbox = box;
  return block;
}

/** Parses hOCR bytes into reading-ordered input lines, their ids, and overprint repairs. */
export function readHocr(bytes: Uint8Array, limits: XmlLimits = {}, forcedEncoding?: string): LayoutRead {
  const screened = screenXml(bytes, 'hOCR', limits, forcedEncoding);
  const root = parseXmlTree(screened.text, 'hOCR', true);
  const pageEls = descendants(root, (e) => hasClass(e, 'ocr_page'));
  if (pageEls.length === 0) throw new UnusableInputError('hOCR file has no ocr_page element');
  const pages: LayoutPage[] = pageEls.map((page) => {
    const blocks: LayoutBlock[] = [];
    for (const area of descendants(page, (e) => hasClass(e, 'ocr_carea'))) {
      const pars = descendants(area, (e) => hasClass(e, 'ocr_par'));
      if (pars.length > 0) appendAll(blocks, pars.map(readBlock));
      else blocks.push(readBlock(area));
    }
    if (blocks.length === 0) {
      // No content areas: paragraphs, else the page, as blocks.
      const pars = descendants(page, (e) => hasClass(e, 'ocr_par'));
      appendAll(blocks, pars.length > 0 ? pars.map(readBlock) : [readBlock(page)]);
    }
    return { blocks };
  });
  return { ...layoutToLines(pages), encoding: screened.encoding, encodingDetected: screened.detected, printedPage: null };
}
