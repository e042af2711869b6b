import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { metricsOf } from '../../src/eval/aggregate.js';
import { compareBaseline, makeBaseline, readBaseline } from '../../src/eval/baseline.js';
import { checkThresholds, parseThresholds } from '../../src/eval/gate.js';
import { goldProblems } from '../../src/eval/gold.js';
import { buildReport, type ScoredPage } from '../../src/eval/report.js';
import { scorePage } from '../../src/eval/score-page.js';
import { formatEvalGithub } from '../../src/report/eval-github.js';
import { formatEvalJson } from '../../src/report/eval-json.js';
import { colorLevel, formatEvalText } from '../../src/report/eval-text.js';
import { article, doc, goldOf } from './make-doc.js';

const A = 'abcdefghijklmnopqrst';
const B = 'ABCDEFGHIJ';

/** Two pages: p1 perfect, p2 with one of two gold articles missing (articleF1 = 2/3). */
function pages(): ScoredPage[] {
  const perfect = doc([article(1, { headline: 'A', paragraphs: [A] })]);
  const half = doc([article(1, { headline: 'A', paragraphs: [A] })]);
  const halfGold = goldOf(doc([article(1, { headline: 'A', paragraphs: [A] }), article(2, { headline: 'B', paragraphs: [B] })]));
  return [
    { id: 'p1/input.txt', key: 'p1/input.txt', group: 'text', input: 'p1/input.txt', gold: 'p1/expected.json', score: scorePage(perfect, goldOf(perfect), 'A' + A) },
    { id: 'p2/input.txt', key: 'p2/input.txt', group: 'pdf', input: 'p2/input.txt', gold: 'p2/expected.json', score: scorePage(half, halfGold, 'A' + A + 'B') },
  ];
}

describe('thresholds', () => {
  it('parses names and values', () => {
    expect(parseThresholds('articleF1=0.95, paragraphF1=0.9', 'min')).toEqual([
      { metric: 'articleF1', rule: 'min', limit: 0.95 },
      { metric: 'paragraphF1', rule: 'min', limit: 0.9 },
    ]);
    expect(parseThresholds('bodyCER=0.05,splits=0', 'max')).toHaveLength(2);
  });

  it('rejects unknown metrics, wrong directions and missing numbers', () => {
    expect(() => parseThresholds('articleF2=0.9', 'min')).toThrow(/unknown metric 'articleF2'/);
    expect(() => parseThresholds('bodyCER=0.1', 'min')).toThrow(/use --max/);
    expect(() => parseThresholds('articleF1=0.9', 'max')).toThrow(/use --min/);
    expect(() => parseThresholds('articleF1=', 'min')).toThrow(/needs a number/);
    expect(() => parseThresholds('articleF1=high', 'min')).toThrow(/needs a number/);
  });

  it('fails on the total and names the pages below; warns when the total holds', () => {
    // Totals: 3 gold, 2 predicted, 2 matched → P 1, R 2/3, F1 0.8. Page p2: F1 2/3.
    const scored = pages();
    const list = scored.map((s) => ({ id: s.id, metrics: metricsOf(s.score.counts) }));
    const totals = buildReport('t', scored, [], null).totals.metrics;
    expect(totals.articleF1).toBeCloseTo(0.8, 12);
    const failing = checkThresholds(totals, list, parseThresholds('articleF1=0.9', 'min'));
    expect(failing.failures.map((f) => f.page)).toEqual([null, 'p2/input.txt']);
    const holding = checkThresholds(totals, list, parseThresholds('articleF1=0.75', 'min'));
    expect(holding.failures).toEqual([]);
    expect(holding.warnings.map((f) => f.page)).toEqual(['p2/input.txt']);
  });
});

describe('baseline', () => {
  it('passes against itself and reports a drop per page and in total', () => {
    const scored = pages();
    const list = scored.map((s) => ({ id: s.id, metrics: metricsOf(s.score.counts) }));
    const totals = buildReport('t', scored, [], null).totals.metrics;
    const baseline = makeBaseline(totals, list);
    expect(readBaseline(JSON.parse(JSON.stringify(baseline)))).toEqual(baseline);
    expect(compareBaseline(baseline, totals, list).regressions).toEqual([]);

    const worse = structuredClone(baseline);
    worse.pages['p2/input.txt']!.articleF1 = 0.7; // recorded better than now (0.667)
    worse.totals.bodyCER = 0.1; // recorded lower than now
    const cmp = compareBaseline(worse, totals, list);
    expect(cmp.regressions.map((r) => `${r.page}:${r.metric}`)).toEqual(['null:bodyCER', 'p2/input.txt:articleF1']);

    const better = structuredClone(baseline);
    better.pages['p1/input.txt']!.articleF1 = 0.5;
    better.pages['gone/input.txt'] = {};
    const cmp2 = compareBaseline(better, totals, list);
    expect(cmp2.regressions).toEqual([]);
    expect(cmp2.improvements).toHaveLength(1);
    expect(cmp2.missingPages).toEqual(['gone/input.txt']);
  });

  it('ignores differences within epsilon', () => {
    const scored = pages();
    const list = scored.map((s) => ({ id: s.id, metrics: metricsOf(s.score.counts) }));
    const totals = buildReport('t', scored, [], null).totals.metrics;
    const baseline = makeBaseline(totals, list);
    baseline.totals.articleF1 = totals.articleF1! + 1e-12;
    expect(compareBaseline(baseline, totals, list).regressions).toEqual([]);
  });

  it('rejects files that are not baselines', () => {
    expect(readBaseline([])).toMatch(/not a news-parse eval baseline/);
    expect(readBaseline({ schemaVersion: 1, totals: { articleF9: 1 }, pages: {} })).toMatch(/unknown metric 'articleF9'/);
  });
});

describe('gold schema', () => {
  it('accepts partial gold and rejects typos', () => {
    expect(goldProblems({ articles: [{ headline: 'x' }] })).toEqual([]);
    expect(goldProblems({ articles: [{ headline: 'x', byline: null, paragraphs: [{ text: 'y' }] }] })).toEqual([]);
    const typo = goldProblems({ articles: [{ headlin: 'x' }] });
    expect(typo[0]).toMatchObject({ path: '/articles/0' });
    expect(typo[0]!.message).toMatch(/headlin/);
    expect(goldProblems({ articles: [{ headline: 3 }] })).not.toEqual([]);
  });
});

describe('report formats', () => {
  const report = buildReport('0.0.0', pages(), parseThresholds('articleF1=0.9', 'min'), null);

  it('JSON follows schemas/eval-report.schema.json', () => {
    const schema = JSON.parse(readFileSync(new URL('../../schemas/eval-report.schema.json', import.meta.url), 'utf8'));
    const validate = new Ajv2020.default({ strict: true, allErrors: true }).compile(schema);
    const data = JSON.parse(formatEvalJson(report));
    expect(validate(data), JSON.stringify(validate.errors)).toBe(true);
    expect(data.gate.passed).toBe(false);
  });

  it('GitHub annotations point at the gold file of each failing page', () => {
    const out = formatEvalGithub(report);
    expect(out).toContain('::error title=news-parse eval::articleF1 0.800 < min 0.900 (all 2 pages)');
    expect(out).toContain('::error file=p2/expected.json,line=1,title=news-parse eval::p2/input.txt: articleF1 0.667 < min 0.900');
    expect(out).toMatch(/::notice .*gate FAILED/);
  });

  it('text has no colour codes at level 0 and colours failures at level 1', () => {
    const plain = formatEvalText(report, 0);
    expect(plain).not.toMatch(/\x1b\[/);
    expect(plain).toMatch(/^p2\/input\.txt\s+1\.000\s+0\.500\s+0\.667/m);
    expect(plain).toContain('missed   gold #2 「B」');
    expect(plain).toContain('gate: FAILED');
    expect(formatEvalText(report, 1)).toMatch(/\x1b\[/);
  });

  it('colour follows NO_COLOR and the terminal', () => {
    expect(colorLevel({ env: {}, stdout: { write: () => 0, isTTY: true } })).toBeGreaterThan(0);
    expect(colorLevel({ env: { NO_COLOR: '1' }, stdout: { write: () => 0, isTTY: true } })).toBe(0);
    expect(colorLevel({ env: {}, stdout: { write: () => 0 } })).toBe(0);
  });
});
