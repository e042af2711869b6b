/**
 * Issue 14 item 11: readable input never ends in exit 3 — bad ALTO
 * coordinates and very many lines, paragraphs or overprints are handled.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';
import { memoryIO } from '../helpers/io.js';

const dir = mkdtempSync(join(tmpdir(), 'np-readable-'));
async function convert(name: string, content: string) {
  const file = join(dir, name);
  writeFileSync(file, content);
  const io = memoryIO();
  const code = await run([file, '--json'], io);
  return { code, out: io.out(), err: io.err() };
}

const altoPage = (lines: string) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<alto xmlns="http://www.loc.gov/standards/alto/ns-v3#"><Description><MeasurementUnit>pixel</MeasurementUnit></Description><Layout><Page ID="p1" WIDTH="2000" HEIGHT="3000"><PrintSpace><TextBlock ID="b1" HPOS="100" VPOS="100" WIDTH="800" HEIGHT="2000">${lines}</TextBlock></PrintSpace></Page></Layout></alto>\n`;
const altoLine = (i: number, attrs: string, text = '社区开展垃圾分类宣传活动') =>
  `<TextLine ID="l${i}" ${attrs}><String ${attrs} CONTENT="${text}"/></TextLine>`;

describe('ALTO coordinates that are not numbers a page can have', () => {
  it.each([
    ['NaN', 'HPOS="NaN" VPOS="NaN" WIDTH="NaN" HEIGHT="NaN"'],
    ['negative', 'HPOS="-100" VPOS="-50" WIDTH="-300" HEIGHT="-40"'],
    ['missing', ''],
    ['1e308', 'HPOS="1e308" VPOS="1e308" WIDTH="1e308" HEIGHT="1e308"'],
    ['Infinity', 'HPOS="Infinity" VPOS="-Infinity" WIDTH="1e400" HEIGHT="40"'],
  ])('%s: a valid document with the text kept, no exit 3', async (_name, attrs) => {
    const good = (i: number) => altoLine(i, `HPOS="100" VPOS="${100 + i * 50}" WIDTH="600" HEIGHT="40"`);
    const r = await convert(`coords-${_name}.xml`, altoPage(good(1) + altoLine(2, attrs, '居民踊跃参与垃圾分类') + good(3)));
    expect([r.code, r.err]).toEqual([0, '']);
    expect(r.out.replace(/\s+/gu, '')).toContain('居民踊跃参与垃圾分类');
  });
});

describe('very many lines, paragraphs, overprints', () => {
  it('150,000 text lines of which 5 hold a 3-space gap (split-layout-columns)', async () => {
    const lines = Array.from({ length: 150_000 }, (_, i) => (i % 30_000 === 7 ? '社区开展活动   居民踊跃参与' : '社区组织志愿者开展垃圾分类宣传活动。'));
    const r = await convert('many-lines.txt', lines.join('\n'));
    expect([r.code, r.err]).toEqual([0, '']);
  }, 120_000);
  it('an hOCR page with 150,000 ocr_par: one article naming every block once, in reading order (blocks.includes per line: minutes)', async () => {
    const pars = Array.from({ length: 150_000 }, (_, i) => {
      const box = `bbox 100 ${100 + i * 50} 700 ${140 + i * 50}`;
      return `<p class='ocr_par' id='p${i}' title="${box}"><span class='ocr_line' title="${box}">居民踊跃参与垃圾分类。</span></p>`;
    });
    const hocr = `<html><body><div class='ocr_page' title='bbox 0 0 800 ${200 + pars.length * 50}'><div class='ocr_carea'>${pars.join('')}</div></div></body></html>\n`;
    const r = await convert('many-pars.hocr', hocr);
    expect([r.code, r.err]).toEqual([0, '']);
    const doc = JSON.parse(r.out);
    const blocks = doc.articles.flatMap((a: { blocks?: string[] }) => a.blocks ?? []);
    expect(blocks).toHaveLength(150_000);
    expect(blocks[0]).toBe('p0');
    expect(blocks[149_999]).toBe('p149999');
  }, 120_000);
  it('an ALTO page with 130,000 overprinted lines (a scan of all kept lines for each: minutes)', async () => {
    const lines = Array.from({ length: 130_000 }, (_, i) => {
      const attrs = `HPOS="100" VPOS="${100 + (i >> 1) * 50}" WIDTH="600" HEIGHT="40"`;
      return altoLine(i, attrs, '居民踊跃参与');
    });
    const r = await convert('many-overprints.xml', altoPage(lines.join('')));
    expect(r.code).not.toBe(3);
    expect(r.err).not.toMatch(/Maximum call stack|RangeError|internal error/);
  }, 120_000);
});
