/** The HTML outputs from the CLI: --format html, --review-dir, eval --format html --out. */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';
import { pageFileOf } from '../../src/cli/write-eval-pages.js';
import { memoryIO } from '../helpers/io.js';

const SEED = 'fixtures/seed-community-p02/input.txt';
const ALTO = 'fixtures/alto-two-columns/input.xml';
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'news-parse-html-'));
  mkdirSync(join(dir, 'pages', 'sub'), { recursive: true });
  writeFileSync(join(dir, 'pages', 'a.txt'), readFileSync(SEED));
  writeFileSync(join(dir, 'pages', 'sub', 'b.xml'), readFileSync(ALTO));
  // No text in any encoding, without NUL bytes (binary data with NULs is left out of a walk, not failed).
  writeFileSync(join(dir, 'pages', 'sub', 'bad.txt'), Buffer.from([0x80, 0x81, 0x80, 0x81, 0x80, 0x81, 0x80, 0x81]));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function cli(args: string[]) {
  const io = memoryIO();
  const code = await run(args, io);
  return { code, out: io.out(), err: io.err() };
}

describe('--format html', () => {
  it('prints one review page', async () => {
    const r = await cli([SEED, '--format', 'html']);
    expect(r.code).toBe(0);
    expect(r.out.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(r.out).toContain('id="card-a11"');
    expect(r.out).toContain('id="L311"');
  });

  it('writes it to -o', async () => {
    const out = join(dir, 'seed.html');
    expect((await cli([ALTO, '--format', 'html', '-o', out])).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('<svg viewBox=');
  });

  it('refuses several inputs, pointing to --review-dir', async () => {
    const r = await cli([SEED, ALTO, '--format', 'html']);
    expect(r.code).toBe(2);
    expect(r.err).toBe('news-parse: --format html writes one page; for several, use --review-dir DIR\n');
  });
});

describe('--review-dir', () => {
  it('writes a page per input mirroring the tree, an index row per page, and a row for the page that failed', async () => {
    const out = join(dir, 'review');
    const r = await cli([join(dir, 'pages'), '--review-dir', out]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^news-parse: .*bad\.txt: .+\n$/u);
    expect(existsSync(join(out, 'a.txt.html'))).toBe(true);
    expect(existsSync(join(out, 'sub', 'b.xml.html'))).toBe(true);
    const index = readFileSync(join(out, 'index.html'), 'utf8');
    expect(index).toContain('<a href="a.txt.html">');
    expect(index).toContain('<a href="sub/b.xml.html">');
    expect(index).toMatch(/<tr class="failed"><td>[^<]*bad\.txt<\/td>/u);
    // A page links back to the index from where it is.
    expect(readFileSync(join(out, 'sub', 'b.xml.html'), 'utf8')).toContain('<a href="../index.html">all pages</a>');
  });

  it('gives each page of a multi-page PDF its own file, which --format html refuses to squeeze into one', async () => {
    const pdf = 'fixtures/issue-three-pages-pdf/issue.pdf';
    const out = join(dir, 'review-pdf');
    expect((await cli([pdf, '--review-dir', out])).code).toBe(0);
    for (const n of ['001', '002', '003']) expect(readFileSync(join(out, 'issue.pdf', `p${n}.html`), 'utf8')).toContain('<svg viewBox=');
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toContain('<a href="issue.pdf/p002.html">fixtures/issue-three-pages-pdf/issue.pdf page 2</a>');
    const one = await cli([pdf, '--format', 'html']);
    expect(one.code).toBe(2);
    expect(one.err).toBe(`news-parse: ${pdf}: holds 3 pages; --format html writes one, use --review-dir DIR\n`);
  });

  it('takes no --format and no other batch output', async () => {
    expect((await cli([SEED, '--review-dir', join(dir, 'r2'), '--format', 'json'])).code).toBe(2);
    expect((await cli([SEED, '--review-dir', join(dir, 'r2'), '--out-dir', join(dir, 'o')])).code).toBe(2);
  });
});

describe('eval --format html', () => {
  it('writes the summary and a page per input', async () => {
    const out = join(dir, 'eval');
    const r = await cli(['eval', 'fixtures/seed-community-p02', 'fixtures/ocr-tesseract-seed', '--gold', 'fixtures/', '--format', 'html', '--out', out]);
    expect(r.code).toBe(0);
    expect(r.out).toBe('');
    const index = readFileSync(join(out, 'index.html'), 'utf8');
    expect(index).toContain('<a href="pages/fixtures/ocr-tesseract-seed/input.txt.html">');
    const page = readFileSync(join(out, 'pages', 'fixtures', 'ocr-tesseract-seed', 'input.txt.html'), 'utf8');
    // This OCR page loses an article to a merge: the report shows it.
    expect(page).toContain('<span class="badge miss">missed</span>');
    expect(page).toContain('<a href="../../../index.html">all pages</a>');
    // Beside it, the prediction's review page, linked from it.
    expect(page).toContain('<a href="input.txt.review.html">the predicted segmentation (review page)</a>');
    const review = readFileSync(join(out, 'pages', 'fixtures', 'ocr-tesseract-seed', 'input.txt.review.html'), 'utf8');
    expect(review).toContain('id="card-a1"');
  });

  it('needs --out, and --out needs --format html', async () => {
    expect((await cli(['eval', 'fixtures/seed-community-p02', '--format', 'html'])).code).toBe(2);
    expect((await cli(['eval', 'fixtures/seed-community-p02', '--out', join(dir, 'x')])).code).toBe(2);
  });

  it('keeps every page inside the folder', () => {
    expect(pageFileOf('../../shared/p.txt')).toBe('pages/_up/_up/shared/p.txt.html');
    expect(pageFileOf('./a/b.txt')).toBe('pages/a/b.txt.html');
  });
});
