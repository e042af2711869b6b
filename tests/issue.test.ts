/** A whole issue: page order, continuation links, joined stories, and the article records of the exports. */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { parse } from '../src/index.js';
import { assembleIssue } from '../src/core/assemble-issue.js';
import { CSV_COLUMNS, csvCells, csvRow, issueRecords, pageRecords, UTF8_BOM } from '../src/report/article-records.js';
import { newsDocumentProblems } from '../src/schema/validate.js';
import { newsIssueProblems } from '../src/schema/validate-issue.js';
import { articleRecordProblems } from '../src/schema/validate-article-record.js';

const DIR = join(import.meta.dirname, '..', 'fixtures', 'issue-three-pages-jumps');
const gold = JSON.parse(readFileSync(join(DIR, 'expected-issue.json'), 'utf8'));

function parsePages(options: { paper?: string } = { paper: 'dhwb' }) {
  const files = readdirSync(DIR).filter((f) => f.endsWith('.txt')).sort();
  return files.map((f) => parse(readFileSync(join(DIR, f), 'utf8'), { path: f, issue: options }));
}

describe('the three-page issue fixture', () => {
  const { issue, pages } = assembleIssue(parsePages());

  it('is a valid issue document, its pages valid NewsDocuments', () => {
    expect(newsIssueProblems(issue)).toEqual([]);
    for (const p of pages) expect(newsDocumentProblems(p)).toEqual([]);
    // Which build wrote it, as every page says (from the TypeScript sources: 'source').
    expect(issue.tool).toEqual({ name: 'news-parse', version: pages[0]!.tool.version, build: 'source' });
    for (const p of pages) expect(p.tool.build).toBe('source');
  });

  it('orders the pages by page number, not by file name', () => {
    expect(issue.issue).toEqual(gold.issue);
    expect(issue.pages.map((p) => ({ index: p.index, number: p.number, path: p.path, articles: p.articles }))).toEqual(gold.pages);
  });

  it('links exactly the jumps it should: not the cross-reference, not the jump to a missing page', () => {
    expect(issue.links).toEqual(gold.links);
    expect(issue.warnings.map((w) => ({ code: w.code, article: w.article, lines: w.lines }))).toEqual(gold.warnings);
  });

  it('joins each continued story from its parts, text equal to the parts in order', () => {
    expect(
      issue.articles.map((a) => ({ id: a.id, headline: a.headline, signoff: a.signoff, parts: a.parts.map((p) => p.id), text: a.paragraphs.map((p) => p.text).join('\n') })),
    ).toEqual(gold.articles);
    const byId = new Map(pages.flatMap((p) => p.articles.map((a) => [a.id, a] as const)));
    for (const a of issue.articles) {
      const fromParts = a.parts.flatMap((p) => byId.get(p.id)!.paragraphs.map((para) => para.text));
      expect(a.paragraphs.map((p) => p.text)).toEqual(fromParts);
      for (const para of a.paragraphs) expect(a.parts.map((p) => p.id)).toContain(para.part);
    }
  });

  it('writes continuedOn / continuedFrom on the per-page parts', () => {
    const byId = new Map(pages.flatMap((p) => p.articles.map((a) => [a.id, a] as const)));
    for (const l of gold.links) {
      expect(byId.get(l.from)!.continuedOn).toBe(l.to);
      expect(byId.get(l.to)!.continuedFrom).toBe(l.from);
    }
    expect(byId.get('dhwb-2024-03-29-a-p1-a3')!.continuedOn).toBeNull();
  });

  it('without a paper code the parts are still linked, by page-qualified references', () => {
    const plain = assembleIssue(parsePages({})).issue;
    expect(plain.issue.id).toBeNull();
    expect(plain.links.map((l) => [l.from, l.to])).toEqual([['p1-a1', 'p3-a1'], ['p1-a2', 'p2-a1']]);
  });

  it('does not link when a continued part has a headline that does not match', () => {
    const docs = parsePages();
    const p2 = docs.find((d) => d.page.number === '02')!;
    p2.articles[0]!.headline = '社区食堂受欢迎';
    const { issue: changed } = assembleIssue(docs);
    expect(changed.links.map((l) => l.to)).toEqual(['dhwb-2024-03-29-a-p3-a1']);
    expect(changed.warnings.filter((w) => w.code === 'JUMP_UNMATCHED').map((w) => w.article)).toEqual([
      'dhwb-2024-03-29-a-p1-a2', 'dhwb-2024-03-29-a-p1-a3', 'dhwb-2024-03-29-a-p2-a1',
    ]);
  });
});

describe('article records', () => {
  const { issue, pages } = assembleIssue(parsePages());
  const records = issueRecords(issue);

  it('each validates against its schema; a joined story is one record', () => {
    for (const r of records) expect(articleRecordProblems(r)).toEqual([]);
    for (const p of pages) for (const r of pageRecords(p)) expect(articleRecordProblems(r)).toEqual([]);
    expect(records).toHaveLength(5);
    expect(records[0]).toMatchObject({ id: 'dhwb-2024-03-29-a-p1-a1', issue: 'dhwb-2024-03-29-a', date: '2024-03-29', page: '01', pages: ['01', '03'] });
    expect(records[0]!.sources.map((s) => s.path)).toEqual(['b-front.txt', 'a-back.txt']);
  });

  it('give identical ids when the same pages are parsed again', () => {
    expect(issueRecords(assembleIssue(parsePages()).issue).map((r) => r.id)).toEqual(records.map((r) => r.id));
  });

  it('round-trip through a maintained CSV parser (csv-parse), BOM included', () => {
    const tricky = { ...records[1]!, headline: '他说“好”, 然后 "走了"', text: 'a,b\r\nc"d' };
    const rows = [tricky, ...records];
    const csv = UTF8_BOM + csvRow(CSV_COLUMNS) + rows.map((r) => csvRow(csvCells(r))).join('');
    const parsed: string[][] = parseCsv(csv, { bom: true, relax_column_count: false });
    expect(parsed[0]).toEqual([...CSV_COLUMNS]);
    expect(parsed.slice(1)).toEqual(rows.map(csvCells));
    expect(parsed[1]![CSV_COLUMNS.indexOf('text')]).toBe('a,b\r\nc"d');
    expect(parsed[2]![CSV_COLUMNS.indexOf('sources')]).toBe('b-front.txt#L6-13;a-back.txt#L6-12');
  });
});
