/**
 * ALTO (v1.4–v4, any MeasurementUnit) to the core's input lines. Blocks are
 * the TextBlocks (wherever they sit: PrintSpace, ComposedBlock, margins);
 * their order is TextBlock@IDNEXT or ReadingOrder when the file states one,
 * else geometry (src/io/reading-order.ts). Coordinates stay in the file's
 * unit: every threshold is relative to the page's own line heights.
 */
import type { Repair } from '../core/model.js';
import { UnusableInputError } from '../index.js';
import { layoutToLines, type BBox, type LayoutBlock, type LayoutLine, type LayoutPage, type LayoutWord } from './layout-lines.js';
import { descendants, parseXmlTree, screenXml, type XmlElement, type XmlLimits } from './xml-safety.js';
import type { LayoutRead } from './layout-document.js';

function num(v: string | undefined): number | undefined {
  if (v === undefined || v.trim() === '') return undefined;
  const n = Number(v);
  return Number.isFinite(n) ? n : undefined;
}

/** [left, top, right, bottom] from HPOS/VPOS/WIDTH/HEIGHT, or undefined when any is missing. */
export function altoBox(attrs: Record<string, string>): BBox | undefined {
  const x = num(attrs.HPOS);
  const y = num(attrs.VPOS);
  const w = num(attrs.WIDTH);
  const h = num(attrs.HEIGHT);
  if (x === undefined || y === undefined || w === undefined || h === undefined) return undefined;
  return [x, y, x + w, y + h];
}

function readLine(el: XmlElement): LayoutLine {
  const words: LayoutWord[] = [];
  let sp = false;
  for (const c of el.children) {
    if (c.name === 'SP') {
      sp = true;
    } else if (c.name === 'String') {
      // A hyphenated word's second half carries no new text in SUBS_CONTENT readers; we keep CONTENT as printed.
      const word: LayoutWord = { text: c.attrs.CONTENT ?? '', spaceBefore: sp };
      const box = altoBox(c.attrs);
      if (box) word.bbox = box;
      // WC: the word's confidence, 0–1 (ALTO 2 and later).
      const wc = num(c.attrs.WC);
      if (wc !== undefined) word.conf = Math.min(1, Math.max(0, wc));
      words.push(word);
      sp = false;
    } else if (c.name === 'HYP') {
      const last = words[words.length - 1];
      if (last) last.text += c.attrs.CONTENT ?? '-';
    }
  }
  const line: LayoutLine = { words };
  if (el.attrs.ID) line.id = el.attrs.ID;
  const box = altoBox(el.attrs);
  if (box) line.bbox = box;
  return line;
}

function readBlock(el: XmlElement): LayoutBlock {
  const block: LayoutBlock = { lines: el.children.filter((c) => c.name === 'TextLine').map(readLine) };
  if (el.attrs.ID) block.id = el.attrs.ID;
  const box = altoBox(el.attrs);
  if (box) block.bbox = box;
  return block;
}

/** Block ids in the order the file states: ReadingOrder refs first, else IDNEXT chains. */
function statedOrder(root: XmlElement, page: XmlElement, blocks: LayoutBlock[], textBlocks: XmlElement[]): string[] | undefined {
  const ids = new Set(blocks.map((b) => b.id).filter((x): x is string => Boolean(x)));
  const ro = descendants(root, (e) => e.name === 'ReadingOrder')[0];
  if (ro) {
    // Refs may point at TextBlocks or at ComposedBlocks holding them.
    const composed = new Map<string, string[]>();
    for (const cb of descendants(page, (e) => e.name === 'ComposedBlock' && Boolean(e.attrs.ID))) {
      composed.set(cb.attrs.ID!, descendants(cb, (e) => e.name === 'TextBlock' && Boolean(e.attrs.ID)).map((e) => e.attrs.ID!));
    }
    const order: string[] = [];
    for (const ref of descendants(ro, (e) => e.name === 'ElementRef')) {
      const id = ref.attrs.REF ?? '';
      if (ids.has(id)) order.push(id);
      else for (const inner of composed.get(id) ?? []) order.push(inner);
    }
    if (order.length > 0) return order;
  }
  const next = new Map<string, string>();
  for (const tb of textBlocks) if (tb.attrs.ID && tb.attrs.IDNEXT && ids.has(tb.attrs.IDNEXT)) next.set(tb.attrs.ID, tb.attrs.IDNEXT);
  if (next.size === 0) return undefined;
  const targets = new Set(next.values());
  const order: string[] = [];
  const seen = new Set<string>();
  const follow = (start: string) => {
    for (let id: string | undefined = start; id && !seen.has(id); id = next.get(id)) {
      seen.add(id);
      order.push(id);
    }
  };
  for (const b of blocks) if (b.id && !targets.has(b.id) && next.has(b.id)) follow(b.id);
  for (const b of blocks) if (b.id && next.has(b.id)) follow(b.id); // cycles
  return order;
}

/** Parses ALTO bytes into reading-ordered input lines, their ids, and overprint repairs. */
export function readAlto(bytes: Uint8Array, limits: XmlLimits = {}, forcedEncoding?: string): LayoutRead {
  const screened = screenXml(bytes, 'ALTO', limits, forcedEncoding);
  const root = parseXmlTree(screened.text, 'ALTO');
  const alto = root.children.find((c) => c.name === 'alto');
  if (!alto) throw new UnusableInputError('ALTO file has no <alto> root element');
  const pages: LayoutPage[] = [];
  const pageEls = descendants(alto, (e) => e.name === 'Page');
  for (const page of pageEls) {
    const textBlocks = descendants(page, (e) => e.name === 'TextBlock');
    const blocks = textBlocks.map(readBlock);
    const order = statedOrder(alto, page, blocks, textBlocks);
    pages.push(order ? { blocks, statedOrder: order } : { blocks });
  }
  const printed = pageEls[0]?.attrs.PRINTED_IMG_NR ?? null;
  const result = layoutToLines(pages);
  const repairs: Repair[] = result.repairs;
  const stated = pages.some((p) => p.statedOrder !== undefined);
  return { ...result, repairs, encoding: screened.encoding, encodingDetected: screened.detected, printedPage: printed, ...(stated ? { statedOrder: true } : {}) };
}
