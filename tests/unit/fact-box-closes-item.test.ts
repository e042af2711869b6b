/**
 * A consumer page's item ends in its fact box (售價：… ⏎ 查詢：…), which Tesseract
 * writes with a space before the colon. The fact lines must not open the next
 * item's headline stack, and the next item's one-line headline must not be
 * rejoined as an intertitle of the item above.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from '../../src/index.js';
import { accountCharacters } from '../../src/core/accounting.js';
import { INFO_LINE } from '../../src/core/classify-lines.js';

const FIXTURE = readFileSync(new URL('../../fixtures/text-ocr-fact-box-closes-item/input.txt', import.meta.url), 'utf8');

describe('a fact box closes its item', () => {
  it('keeps the next item a story of its own under its own headline (headline-after-fact-box)', () => {
    const doc = parse(FIXTURE);
    expect(doc.articles.map((a) => a.headline)).toEqual(['旺角甜品新店 主打港式糖水', '新款電飯煲上市']);
    expect(doc.articles[1]!.evidence.find((e) => e.code === 'HEADLINE_BLOCK')?.detail).toContain('headline-after-fact-box');
    expect(doc.articles[0]!.paragraphs.map((p) => p.text).join('')).toContain('查詢：2388 1234');
    expect(accountCharacters(FIXTURE, doc)).toMatchObject({ missing: 0, extra: 0 });
  });
  it('reads a fact line with a space before its colon as a fact line; a column name with a colon is none', () => {
    expect(['售價 : $38起', '查詢 :2388 1234', '查詢：2388 1234', '營業時間　：每日9時至17時'].map((t) => INFO_LINE.test(t))).toEqual([true, true, true, true]);
    expect(['林志成專欄：城市的早晨', '查詢  :2388 1234'].map((t) => INFO_LINE.test(t))).toEqual([false, false]);
  });
  it('still rejoins a lone line under finished text that reads on (no fact box above it)', () => {
    const doc = parse(FIXTURE.replace('\n售價 : $38起\n\n查詢 :2388 1234\n', '\n店內座位不多,老闆說週末會加開座位。\n').replace('家電品牌近日推出新款電飯煲', '甜品店老闆說店內座位不多'));
    expect(doc.articles.map((a) => a.headline)).toEqual(['旺角甜品新店 主打港式糖水']);
  });
});
