/**
 * rejoin-intertitles merges the text below a lone intertitle into the story
 * above; when that text carries a set of photographers' credits under its
 * captions, the credits must come along (they were dropped: 14 characters of
 * a real page were in no article).
 */
import { describe, expect, it } from 'vitest';
import { parse } from '../../src/index.js';
import { accountCharacters } from '../../src/core/accounting.js';
import { readFileSync } from 'node:fs';

const SET_APART = readFileSync(new URL('../../fixtures/pdftotext-headline-set-apart-on-one-subject/input.txt', import.meta.url), 'utf8');
const headlines = (text: string) => parse(text).articles.map((a) => a.headline);

const PAGE = [
  '社区菜场焕新开张',
  '本报记者 王小明',
  '　　社区菜场改造完成后，居民买菜',
  '更方便了。菜场里新装了冷柜和电子',
  '秤，摊位排得整整齐齐，过道也宽敞',
  '了许多，老人推着小车也能走得顺畅。',
  '　　菜场负责人说，改造期间摊主们',
  '搬到临时棚里营业，居民买菜没有断',
  '过。如今菜场焕新开张，摊主们都回',
  '来了，还新添了几家卖熟食的摊位。',
  '菜场焕新',
  '　　焕新后的菜场每天早上六点开门，',
  '晚上八点关门。居民李阿姨说，菜场',
  '焕新以后干净明亮，她每天都来转一',
  '转，买点新鲜的蔬菜和水果回家。',
  '图①：菜场里，居民在挑选蔬菜。',
  '张大力摄（新华社发）',
  '图②：摊主在整理新到的水果。',
  '刘小华摄',
].join('\n');

describe('rejoin-intertitles', () => {
  it('keeps the photo credits of the text it joins to the story above', () => {
    const doc = parse(PAGE);
    expect(doc.articles).toHaveLength(1);
    const a = doc.articles[0]!;
    expect(a.paragraphs.find((p) => p.type === 'subheading')?.text).toBe('菜场焕新');
    expect(a.byline?.names).toEqual(['王小明', '张大力', '刘小华']);
    expect(accountCharacters(PAGE, doc)).toMatchObject({ missing: 0, extra: 0 });
  });
  it('keeps a headline alone between blank lines on an extractor page whose paragraphs run on, whatever its words (set-apart-headline)', () => {
    const doc = parse(SET_APART);
    expect(doc.articles.map((a) => a.headline)).toEqual(['新款平板电脑上市', '平板电脑配件降价']);
    expect(doc.articles[1]!.evidence.find((e) => e.code === 'HEADLINE_BLOCK')?.detail).toBe('set-apart-headline');
    // The intertitle inside its column's block is still joined.
    expect(doc.articles[0]!.paragraphs.filter((p) => p.type === 'subheading').map((p) => p.text)).toEqual(['续航更长']);
  });
  it('asks the words as before on a page without the form feed, and where paragraphs are set apart by blank lines (OCR text)', () => {
    expect(headlines(SET_APART.replace('\f', ''))).toEqual(['新款平板电脑上市']);
    // Every short paragraph end over a blank line: blank lines say nothing of blocks there.
    const spaced = SET_APART.replace('生记笔记和画图。\n', '生记笔记和画图。\n\n').replace('幕清楚，重量也比上一代轻。\n', '幕清楚，重量也比上一代轻。\n\n').replace('格下调了三成左右。\n', '格下调了三成左右。\n\n').replace('了尽快清理库存。\n', '了尽快清理库存。\n\n');
    expect(headlines(spaced)).toEqual(['新款平板电脑上市']);
  });
  it('joins a set-apart line under a full line left open: a block pdftotext printed between a column\'s lines (a masthead mid-page)', () => {
    // The market story's last line before the headline cut off mid-sentence at the full measure.
    const open = SET_APART.replace('不少市民昨天到商场试用，认为屏\n幕清楚，重量也比上一代轻。', '不少市民昨天到商场试用，认为屏\n幕清楚，重量也比上一代轻，商场');
    expect(headlines(open)).toEqual(['新款平板电脑上市']);
    // A short line ends a block however it ends (a fact line: 查询电话 1234 5678).
    const fact = SET_APART.replace('幕清楚，重量也比上一代轻。', '查询电话 1234 5678');
    expect(headlines(fact)).toEqual(['新款平板电脑上市', '平板电脑配件降价']);
  });
});
