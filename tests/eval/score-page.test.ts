import { describe, expect, it } from 'vitest';
import { metricsOf } from '../../src/eval/aggregate.js';
import { countSplitsMerges, matchArticles } from '../../src/eval/match-articles.js';
import { scorePage } from '../../src/eval/score-page.js';
import { article, doc, goldOf } from './make-doc.js';

// Texts use distinct letters so every LCS can be read off by eye:
// A = 20 letters a…t, B = 10 letters A…J; no letter is shared between them.
const A = 'abcdefghijklmnopqrst';
const B = 'ABCDEFGHIJ';

describe('scorePage', () => {
  it('scores a perfect page 1.0 everywhere', () => {
    const predicted = doc([
      article(1, {
        headline: '老街菜场完成改造',
        dateline: '本报讯',
        byline: { text: '□记者 王五', role: '记者', names: ['王五'], credit: null },
        paragraphs: ['abcde', ['subheading', 'fgh'], 'ijklmnop'],
        signoff: '街道城管办',
      }),
      article(2, { kind: 'photo', headline: '图书室', paragraphs: [B, ['caption', '图为读者']] }),
    ]);
    const { counts, articles } = scorePage(predicted, goldOf(predicted), null);
    const m = metricsOf(counts);
    for (const name of ['articlePrecision', 'articleRecall', 'articleF1', 'fieldAccuracy', 'headlineAccuracy', 'bylineAccuracy', 'paragraphPrecision', 'paragraphRecall', 'paragraphF1', 'subheadingF1'] as const) {
      expect(m[name], name).toBe(1);
    }
    expect(m.bodyCER).toBe(0);
    expect(m.splits).toBe(0);
    expect(m.merges).toBe(0);
    expect(m.lossless).toBeNull(); // no input text given
    expect(articles.every((a) => a.wrongFields.length === 0 && a.similarity === 1)).toBe(true);
  });

  it('counts a split article (gold A → predicted A1 + A2)', () => {
    // gold: A (20 chars), B (10). predicted: A1 = first 12 of A, A2 = last 8 of A, B.
    //   sim(A, A1) = 2·12/(20+12) = 0.75     sim(A, A2) = 2·8/(20+8) = 0.571     sim(B, B) = 1
    // One-to-one: A–A1 (the larger similarity), B–B; A2 is left over.
    //   precision = 2/3, recall = 2/2 = 1, F1 = 2·(2/3)·1 / (2/3 + 1) = 0.8
    // Split: A1 and A2 are both pieces of A (lcs 12 ≥ 0.5·12 and 8 ≥ 0.5·8; both ≥ 0.1·20) → 1 split.
    // Body CER: A vs A1 needs 8 deletions, B vs B none: 8 / (20 + 10) = 0.267.
    const gold = goldOf(doc([article(1, { headline: 'A', paragraphs: [A] }), article(2, { headline: 'B', paragraphs: [B] })]));
    const predicted = doc([
      article(1, { headline: 'A', paragraphs: [A.slice(0, 12)] }),
      article(2, { headline: null, paragraphs: [A.slice(12)] }),
      article(3, { headline: 'B', paragraphs: [B] }),
    ]);
    const { counts, articles } = scorePage(predicted, gold, null);
    const m = metricsOf(counts);
    expect(counts.articles).toEqual({ tp: 2, predicted: 3, gold: 2, splits: 1, merges: 0 });
    expect(m.articlePrecision).toBeCloseTo(2 / 3, 12);
    expect(m.articleRecall).toBe(1);
    expect(m.articleF1).toBeCloseTo(0.8, 12);
    expect(m.bodyCER).toBeCloseTo(8 / 30, 12);
    expect(articles.find((a) => a.gold === 0)).toMatchObject({ predicted: 'a1', similarity: 0.75, split: true });
    expect(articles.find((a) => a.gold === null)).toMatchObject({ predicted: 'a2' });
  });

  it('counts a merged pair (gold A + B → one predicted article)', () => {
    // gold: A1 = first 12 of A, A2 = last 8 of A (as two articles). predicted: A (20) holding both.
    //   sim(A1, A) = 2·12/32 = 0.75 → matched;  sim(A2, A) = 2·8/28 = 0.571, but A is taken.
    //   precision = 1/1, recall = 1/2, F1 = 2·1·0.5/1.5 = 0.667
    // Merge: lcs 12 ≥ 0.5·12 and lcs 8 ≥ 0.5·8 (both ≥ 0.1·20) → predicted A holds 2 gold → 1 merge.
    // Split: A is a piece of A1 only when lcs ≥ 0.5·|A| = 10: true for A1 (12), false for A2 (8) → no split.
    // Body CER: A1 vs A = 8 insertions, A2 unmatched = 8 missing: (8 + 8) / (12 + 8) = 0.8.
    const gold = goldOf(doc([article(1, { paragraphs: [A.slice(0, 12)] }), article(2, { paragraphs: [A.slice(12)] })]));
    const predicted = doc([article(1, { paragraphs: [A] })]);
    const { counts } = scorePage(predicted, gold, null);
    const m = metricsOf(counts);
    expect(counts.articles).toEqual({ tp: 1, predicted: 1, gold: 2, splits: 0, merges: 1 });
    expect(m.articleF1).toBeCloseTo(2 / 3, 12);
    expect(m.bodyCER).toBeCloseTo(0.8, 12);
  });

  it('scores fields on matched pairs only where gold has them', () => {
    // Two matched pairs; the first has the wrong headline. Gold of the second omits headline (not scored)
    // and says subheadline must be null (the prediction has one → wrong).
    //   headline: 0/1 right; subheadline: 1 right (pair 1) of 2 → 0.5; dateline 2/2; byline 2/2 (names compared as sets).
    const predicted = doc([
      article(1, { headline: '老街菜场重新开门', dateline: '本报讯', byline: { text: '记者 甲 乙', role: '记者', names: ['乙', '甲'], credit: null }, paragraphs: [A] }),
      article(2, { headline: '图书室', subheadline: '夜间开放', dateline: null, byline: null, paragraphs: [B] }),
    ]);
    const gold = goldOf(predicted);
    gold.articles![0]!.headline = '老街菜场 完成改造';
    gold.articles![0]!.byline = { role: '记者', names: ['甲', '乙'] };
    delete gold.articles![1]!.headline;
    gold.articles![1]!.subheadline = null;
    const { counts, articles } = scorePage(predicted, gold, null);
    const m = metricsOf(counts);
    expect(counts.fields.headline).toEqual({ correct: 0, total: 1 });
    expect(m.headlineAccuracy).toBe(0);
    expect(m.subheadlineAccuracy).toBe(0.5);
    expect(m.datelineAccuracy).toBe(1);
    expect(m.bylineAccuracy).toBe(1);
    expect(articles[0]!.wrongFields).toEqual(['headline']);
    expect(articles[1]!.wrongFields).toEqual(['subheadline']);
    // 8 fields on pair 1, 7 on pair 2 (no headline); 2 wrong → 13/15.
    expect(m.fieldAccuracy).toBeCloseTo(13 / 15, 12);
  });

  it('ignores whitespace in field comparison', () => {
    const predicted = doc([article(1, { headline: '全力抓好经济工作增强人民群众“感受度”', paragraphs: [A] })]);
    const gold = goldOf(predicted);
    gold.articles![0]!.headline = '全力抓好经济工作 增强人民群众“感受度”';
    expect(metricsOf(scorePage(predicted, gold, null).counts).headlineAccuracy).toBe(1);
  });

  it('folds the width of ASCII forms in fields (OCR writes ： as :), and nothing else', () => {
    const score = (predictedHeadline: string, goldHeadline: string) => {
      const predicted = doc([article(1, { headline: predictedHeadline, paragraphs: [A] })]);
      const gold = goldOf(predicted);
      gold.articles![0]!.headline = goldHeadline;
      return metricsOf(scorePage(predicted, gold, null).counts).headlineAccuracy;
    };
    expect(score('快评/告别排队了吗?', '快评／告别排队了吗？')).toBe(1);
    expect(score('市集:周末开张（摊位）', '市集：周末开张(摊位)')).toBe(1);
    // CJK punctuation and quotes are not width forms: a misread mark is still wrong.
    expect(score('一场热闹的“音乐会”', '一场热闹的「音乐会」')).toBe(0);
    expect(score('甲、乙', '甲,乙')).toBe(0);
    expect(score('市集:周末开张', '市集：周末開張')).toBe(0);
  });

  it('scores a missing paragraph break', () => {
    // gold: abcde | fghijkl | mnop → boundaries at 5 and 12. predicted: abcde | fghijklmnop → boundary at 5.
    //   tp = 1; precision = 1/1; recall = 1/2; F1 = 2·1·0.5/1.5 = 0.667. Body text is equal: CER 0.
    const gold = goldOf(doc([article(1, { paragraphs: ['abcde', 'fghijkl', 'mnop'] })]));
    const predicted = doc([article(1, { paragraphs: ['abcde', 'fghijklmnop'] })]);
    const { counts } = scorePage(predicted, gold, null);
    const m = metricsOf(counts);
    expect(counts.boundaries).toEqual({ tp: 1, predicted: 1, gold: 2, pairs: 1 });
    expect(m.paragraphPrecision).toBe(1);
    expect(m.paragraphRecall).toBe(0.5);
    expect(m.paragraphF1).toBeCloseTo(2 / 3, 12);
    expect(m.bodyCER).toBe(0);
  });

  it('finds boundaries through small text differences', () => {
    // gold "abc。|def", predicted lost the 。: "abc|def". Offset 3 in predicted lines up with gold 3–4, which
    // contains the gold boundary 4. CER = 1/7.
    const gold = goldOf(doc([article(1, { paragraphs: ['abc。', 'def'] })]));
    const predicted = doc([article(1, { paragraphs: ['abc', 'def'] })]);
    const { counts } = scorePage(predicted, gold, null);
    expect(counts.boundaries.tp).toBe(1);
    expect(metricsOf(counts).bodyCER).toBeCloseTo(1 / 7, 12);
  });

  it('scores subheadings by text inside matched pairs', () => {
    // gold subheadings 一要, 二要; predicted 一要 (right) and 三要 (wrong): P = 1/2, R = 1/2, F1 = 0.5.
    const gold = goldOf(doc([article(1, { paragraphs: [['subheading', '一要'], 'abcdefghijk', ['subheading', '二要'], 'lmnopqrst'] })]));
    const predicted = doc([article(1, { paragraphs: [['subheading', '一要'], 'abcdefghijk', ['subheading', '三要'], 'lmnopqrst'] })]);
    expect(metricsOf(scorePage(predicted, gold, null).counts).subheadingF1).toBe(0.5);
  });

  it('counts missing and extra characters (lossless)', () => {
    // input: 天山路路 街道讯 (7 chars). Output places 天山路 (headline), 街道 (paragraph), X (unassigned);
    // a repair turned 路路 into 路. Output chars − after(路) + before(路路) = 天山路路街道X.
    //   missing: 讯 (1); extra: X (1); lossless = 1 − 2/7.
    const predicted = doc([article(1, { headline: '天山路', paragraphs: ['街道'] })], {
      unassigned: [{ text: 'X', lines: [2, 2], reason: 'test' }],
      repairs: [{ kind: 'doubled-glyphs', lines: [1, 1], before: '路路', after: '路' }],
    });
    const score = scorePage(predicted, { articles: [] }, '天山路路\n街道讯\n');
    expect(score.counts.chars).toEqual({ input: 7, missing: 1, extra: 1 });
    expect(score.lossless).toEqual({ missingSample: '讯', extraSample: 'X' });
    expect(metricsOf(score.counts).lossless).toBeCloseTo(1 - 2 / 7, 12);
  });

  it('leaves article scores out when gold has no articles', () => {
    const m = metricsOf(scorePage(doc([article(1, { paragraphs: [A] })]), {}, null).counts);
    expect(m.articleF1).toBeNull();
    expect(m.paragraphF1).toBeNull();
    expect(m.bodyCER).toBeNull();
  });

  it('scores an empty page against an empty gold as perfect', () => {
    const m = metricsOf(scorePage(doc([]), { articles: [] }, null).counts);
    expect([m.articlePrecision, m.articleRecall, m.articleF1]).toEqual([1, 1, 1]);
  });
});

describe('the prefix rule', () => {
  // Gold keeps the first paragraph as printed, dateline and reporter in front; the parser cut them into fields.
  const body = '春节前夕，街道为辖区老人送去年货。';
  const gold = {
    articles: [{ headline: '送年货', paragraphs: [{ text: `本报北京2月1日电 （记者 王五） ${body}` }, { text: '老人们很高兴。' }] }],
  };
  const predicted = doc([
    article(1, {
      headline: '送年货',
      dateline: '本报北京2月1日电',
      byline: { text: '（记者 王五）', role: '记者', names: ['王五'], credit: null },
      paragraphs: [body, '老人们很高兴。'],
    }),
  ]);

  it('compares bodies without the dateline/byline prefix on both sides', () => {
    const score = scorePage(predicted, gold, null);
    const m = metricsOf(score.counts);
    expect(m.bodyCER).toBe(0);
    expect(score.articles[0]!.similarity).toBe(1);
    expect(m.paragraphF1).toBe(1);
    // Gold chars are the body without the prefix: 17 + 7.
    expect(score.counts.body.goldChars).toBe(24);
  });

  it('treats a parser that leaves the prefix in the paragraph the same way', () => {
    const kept = doc([article(1, { headline: '送年货', paragraphs: [`本报北京2月1日电（记者王五）${body}`, '老人们很高兴。'] })]);
    expect(metricsOf(scorePage(kept, gold, null).counts).bodyCER).toBe(0);
  });

  it('cuts the article\'s own fields and the printed markers, not arbitrary text', () => {
    const credit = doc([article(1, { paragraphs: ['【綜合報導】日本福島核電廠開始排放處理水。'] })]);
    const plain = { articles: [{ paragraphs: [{ text: '日本福島核電廠開始排放處理水。' }] }] };
    expect(metricsOf(scorePage(credit, plain, null).counts).bodyCER).toBe(0);
    const ordinary = doc([article(1, { paragraphs: ['街道召开工作会。'] })]);
    const other = { articles: [{ paragraphs: [{ text: '社区召开工作会。' }] }] };
    expect(scorePage(ordinary, other, null).counts.body.errors).toBe(2);
  });
});

describe('the pair table', () => {
  it('settles unrelated pairs by bounds and scores exactly as if every LCS were computed', () => {
    // Ten articles with disjoint alphabets (so every cross pair has LCS 0), predicted in reverse order.
    const texts = Array.from({ length: 10 }, (_, k) => Array.from({ length: 40 }, (_, i) => String.fromCodePoint(0x4e00 + k * 64 + (i % 37))).join(''));
    const predicted = doc(texts.map((t, k) => article(k + 1, { headline: `h${k}`, paragraphs: [t] })).reverse());
    const gold = goldOf(doc(texts.map((t, k) => article(k + 1, { headline: `h${k}`, paragraphs: [t] }))));
    const score = scorePage(predicted, gold, null);
    expect(score.work).toEqual({ pairs: 100, compared: 10 });
    expect(score.counts.articles).toEqual({ tp: 10, predicted: 10, gold: 10, splits: 0, merges: 0 });
    expect(score.articles.filter((a) => a.gold !== null).map((a) => [a.gold, a.predicted])).toEqual(texts.map((_, k) => [k, `a${k + 1}`]));
  });

  it('compares equal bodies once on a page of repeated articles', () => {
    const predicted = doc(Array.from({ length: 8 }, (_, k) => article(k + 1, { paragraphs: [A] })));
    const score = scorePage(predicted, goldOf(predicted), null);
    expect(score.work).toEqual({ pairs: 64, compared: 1 });
    expect(score.counts.articles?.tp).toBe(8);
  });
});

describe('matchArticles', () => {
  it('maximises total similarity instead of taking the best pair first', () => {
    // Greedy takes g0–p0 (0.9) and leaves g1 alone; the optimum is g0–p1 + g1–p0 = 1.65.
    expect(matchArticles([[0.9, 0.8], [0.85, 0]])).toEqual([[0, 1], [1, 0]]);
  });

  it('never pairs below the threshold', () => {
    expect(matchArticles([[0.49]])).toEqual([]);
    expect(matchArticles([[0.5]])).toEqual([[0, 0]]);
  });

  it('handles more gold than predicted', () => {
    expect(matchArticles([[0.6], [0.9], [0.7]])).toEqual([[1, 0]]);
  });

  it('does not count a short stray fragment as a piece', () => {
    // gold of 100 chars; predicted 95-char body plus a 3-char fragment fully inside gold: 3 < 0.1·100.
    expect(countSplitsMerges([[95, 3]], [100], [95, 3]).splits).toEqual([]);
  });
});
