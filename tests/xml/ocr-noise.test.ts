/**
 * A line the OCR engine was sure of nowhere (every word's confidence under
 * noiseConfidence) is noise: it stays out of the stories and is left
 * unassigned as read (src/core/layout/find-ocr-noise.ts).
 */
import { describe, expect, it } from 'vitest';
import { readAlto } from '../../src/io/read-alto.js';
import { readHocr } from '../../src/io/read-hocr.js';
import { documentFromLayout } from '../../src/io/layout-document.js';
import { alto, block, cjkLine, hocr, type B } from './helpers.js';

/** A logo read as Latin capitals right over a headline, then the story in one column. */
function page(): B[] {
  const logo = block('b_logo', [{ id: 'l_logo', x: 100, y: 100, w: 300, h: 80, words: [{ t: 'RBEES', x: 100, w: 300 }] }]);
  const head = block('b_head', [cjkLine('l_head', '河畔公园新步道开放', 100, 200, 90)]);
  const text = ['本报讯 三月十二日，城东河畔公园新建的步道正式开', '放，步道全长三公里，沿途新设了六处休息亭和两', '座公共厕所。公园负责人介绍，步道路面铺设了透', '水材料，雨后不积水，晚上十点关灯。'];
  const body = block('b_body', text.map((t, i) => cjkLine(`l_b${i}`, t.replace(' ', ''), i === 0 ? 180 : 100, 340 + i * 64)));
  return [logo, head, body];
}

const enc = (s: string) => new TextEncoder().encode(s);

function parseHocr(xml: string) {
  const bytes = enc(xml);
  return documentFromLayout(readHocr(bytes), bytes, 'hocr');
}

describe('OCR noise by word confidence', () => {
  it('hOCR: a line whose words all score x_wconf 0 is left unassigned, the headline stays clean', () => {
    const xml = hocr(page()).replace(/(id='l_logo_w0' title='[^']*)x_wconf 90/u, '$1x_wconf 0');
    const doc = parseHocr(xml);
    expect(doc.unassigned).toContainEqual({ text: 'RBEES', lines: expect.any(Array), reason: 'ocr-low-confidence' });
    expect(doc.articles).toHaveLength(1);
    expect(doc.articles[0]!.headline).toBe('河畔公园新步道开放');
    expect(doc.articles[0]!.kicker).toBeNull();
  });

  it('hOCR: the same line read with confidence is text, not noise', () => {
    const doc = parseHocr(hocr(page()));
    expect(doc.unassigned.filter((u) => u.reason === 'ocr-low-confidence')).toEqual([]);
    expect(JSON.stringify(doc.articles)).toContain('RBEES');
  });

  it('ALTO: WC under 0.2 on every word of the line', () => {
    const xml = alto(page()).replace('CONTENT="RBEES"', 'CONTENT="RBEES" WC="0.05"');
    const bytes = enc(xml);
    const doc = documentFromLayout(readAlto(bytes), bytes, 'alto');
    expect(doc.unassigned).toContainEqual({ text: 'RBEES', lines: expect.any(Array), reason: 'ocr-low-confidence' });
    expect(doc.articles[0]!.headline).toBe('河畔公园新步道开放');
  });
});
