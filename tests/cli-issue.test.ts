/** The CLI side of issues and exports: --paper/--date/--edition, --issue, --articles jsonl|csv, --bom. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../src/cli/run.js';
import { newsDocumentProblems } from '../src/schema/validate.js';
import { newsIssueProblems } from '../src/schema/validate-issue.js';
import { articleRecordProblems } from '../src/schema/validate-article-record.js';
import { CSV_COLUMNS } from '../src/report/article-records.js';
import { memoryIO } from './helpers/io.js';

const ISSUE = join(import.meta.dirname, '..', 'fixtures', 'issue-three-pages-jumps');
const PAGE = join(import.meta.dirname, '..', 'fixtures', 'crlf-jump-line', 'input.txt');
const tmp = mkdtempSync(join(tmpdir(), 'news-parse-issue-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function cli(args: string[]) {
  const io = memoryIO();
  const code = await run(args, io);
  return { code, out: io.out(), err: io.err() };
}

describe('--paper, --date, --edition', () => {
  it('give the article ids', async () => {
    const { code, out } = await cli([PAGE, '--json', '--paper', 'dhrb', '--edition', 'b']);
    expect(code).toBe(0);
    const doc = JSON.parse(out);
    expect(doc.articles[0].id).toBe('dhrb-2023-11-04-b-p1-a1');
    expect(doc.tool.options.issue).toEqual({ paper: 'dhrb', edition: 'b' });
  });
  it('come from a profile file\'s paper and edition too; the options win', async () => {
    const profile = join(tmp, 'dhrb.json');
    writeFileSync(profile, JSON.stringify({ name: 'dhrb', extends: 'mainland-community', paper: 'dhrb', edition: 'c' }));
    const fromProfile = JSON.parse((await cli([PAGE, '--json', '--profile', profile])).out);
    expect(fromProfile.page.id).toBe('dhrb-2023-11-04-c-p1');
    const overridden = JSON.parse((await cli([PAGE, '--json', '--profile', profile, '--edition', 'b'])).out);
    expect(overridden.page.id).toBe('dhrb-2023-11-04-b-p1');
    const badProfile = join(tmp, 'bad-paper.json');
    writeFileSync(badProfile, JSON.stringify({ name: 'dhrb', paper: 'DH RB' }));
    const bad = await cli([PAGE, '--json', '--profile', badProfile]);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/paper/);
  });

  it.each([
    [['--paper', 'RMRB'], '--paper'],
    [['--paper', 'rm-rb'], '--paper'],
    [['--date', '2019-02-30'], '--date'],
    [['--date', '7 Feb 2019'], '--date'],
    [['--edition', 'A B'], '--edition'],
  ])('refuse %j with one line and exit 2', async (args, name) => {
    const { code, err } = await cli([PAGE, ...args]);
    expect(code).toBe(2);
    expect(err.trim().split('\n')).toHaveLength(1);
    expect(err).toMatch(new RegExp(`^news-parse: ${name}`));
  });
});

describe('--issue', () => {
  it('prints the issue document, valid, pages in page order', async () => {
    const { code, out } = await cli([ISSUE, '--issue', '--paper', 'dhwb']);
    expect(code).toBe(0);
    const issue = JSON.parse(out);
    expect(newsIssueProblems(issue)).toEqual([]);
    expect(issue.pages.map((p: { number: string }) => p.number)).toEqual(['01', '02', '03']);
    expect(issue.links).toHaveLength(2);
  });

  it('with --out-dir writes the pages, issue.json, articles and a manifest entry for the issue; the same ids again on a re-run', async () => {
    const out = join(tmp, 'issue');
    const first = await cli([ISSUE, '--issue', '--paper', 'dhwb', '--out-dir', out, '--articles', 'jsonl', '-q']);
    expect(first.code).toBe(0);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(manifest.issues).toEqual([{ id: 'dhwb-2024-03-29-a', date: '2024-03-29', output: 'issue.json', pages: 3, articles: 5, links: 2, warnings: 1 }]);
    expect(manifest.files.map((f: { output: string }) => f.output)).toEqual(['b-front.txt.json', 'c-inside.txt.json', 'a-back.txt.json']);
    const front = JSON.parse(readFileSync(join(out, 'b-front.txt.json'), 'utf8'));
    expect(newsDocumentProblems(front)).toEqual([]);
    expect(front.articles[0].continuedOn).toBe('dhwb-2024-03-29-a-p3-a1');
    const records = readFileSync(join(out, 'articles.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(records).toHaveLength(5);
    for (const r of records) expect(articleRecordProblems(r)).toEqual([]);
    await cli([ISSUE, '--issue', '--paper', 'dhwb', '--out-dir', out, '--articles', 'jsonl', '-q']);
    const again = readFileSync(join(out, 'articles.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(again.map((r) => r.id)).toEqual(records.map((r) => r.id));
  });
});

describe('--articles', () => {
  it('jsonl for one page: one valid record per article', async () => {
    const { code, out } = await cli([PAGE, '--articles', 'jsonl']);
    expect(code).toBe(0);
    const lines = out.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.length).toBeGreaterThan(1);
    for (const r of lines) expect(articleRecordProblems(r)).toEqual([]);
  });

  it('csv for a batch, with --bom, reads back with csv-parse: one header, a row per article in input order', async () => {
    const { code, out } = await cli([ISSUE, '--articles', 'csv', '--bom', '-q']);
    expect(code).toBe(0);
    expect(out.startsWith('\uFEFFid,')).toBe(true);
    const rows: string[][] = parseCsv(out, { bom: true });
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(rows).toHaveLength(1 + 7);
    expect(rows.slice(1).map((r) => r[CSV_COLUMNS.indexOf('page')])).toEqual(['03', '03', '01', '01', '01', '02', '02']);
  });

  it('csv for an issue: a joined continuation is one row', async () => {
    const { out } = await cli([ISSUE, '--issue', '--paper', 'dhwb', '--articles', 'csv']);
    const rows: string[][] = parseCsv(out);
    expect(rows).toHaveLength(1 + 5);
    expect(rows[1]![CSV_COLUMNS.indexOf('pages')]).toBe('01;03');
  });
});

describe('--issue on a multi-page PDF', () => {
  const PDF = join(import.meta.dirname, '..', 'fixtures', 'issue-three-pages-pdf', 'issue.pdf');
  it('orders its pages by printed number and links the same jumps as the text pages', async () => {
    const { code, out } = await cli([PDF, '--issue', '--paper', 'dhwb']);
    expect(code).toBe(0);
    const issue = JSON.parse(out);
    expect(newsIssueProblems(issue)).toEqual([]);
    expect(issue.pages.map((p: { number: string; pageInFile: number }) => [p.number, p.pageInFile])).toEqual([['01', 2], ['02', 3], ['03', 1]]);
    const pageOf = (id: string) => id.replace(/^.*-p(\d+)-a\d+$/u, '$1');
    expect(issue.links.map((l: { from: string; to: string; jumpOn: string }) => [pageOf(l.from), pageOf(l.to), l.jumpOn])).toEqual([['1', '3', '下转第3版'], ['1', '2', '转第二版']]);
    const joined = issue.articles.filter((a: { parts: unknown[] }) => a.parts.length > 1).map((a: { headline: string }) => a.headline);
    expect(joined).toEqual(['本市绿色转型迈出新步伐', '老城区改造启动']);
    expect(issue.warnings.map((w: { code: string; args: { jump: string } }) => [w.code, w.args.jump])).toEqual([['JUMP_UNMATCHED', '下转第5版']]);
  });
});
