/**
 * `news-parse <dirs|files|globs> --out-dir OUT` and `--jsonl`: what is
 * written, skipped and reported, in what order, with which exit code. The
 * articles inside the documents are not checked here (tests/fixtures.test.ts
 * does that).
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, listFiles, pageText, readJson, runCli, tempDir, writePage } from './helpers.js';

/** Bytes that are no text in any encoding news-parse reads (0x80 0x81 … is not UTF-8, GB18030 or Big5). */
function undecodable(n: number): Buffer {
  return Buffer.from(Array.from({ length: n }, (_, i) => 0x80 + (i % 2)));
}

const GOOD = ['a/p1.txt', 'a/b/p2.txt', 'a/b/c/p3.txt', 'top.txt', 'z/p4.txt', 'z/p5.txt'];

/**
 * A tree with nested folders, a file that is not text in any encoding (bytes without NULs, so the walk's sniff
 * takes it and conversion fails it; binary data with NULs is left out, tests/robust/walk-and-globs.test.ts),
 * a dangling symlink, a directory named like a page, and a file that is not a page.
 */
function makeTree(): { dir: string; inDir: string } {
  const dir = tempDir('batch');
  const inDir = join(dir, 'in');
  GOOD.forEach((rel, i) => writePage(join(inDir, rel), pageText(rel + i)));
  const binary = undecodable(4000);
  writePage(join(inDir, 'a/corrupt.txt'), binary);
  symlinkSync(join(dir, 'nowhere.txt'), join(inDir, 'a', 'dangling.txt'));
  mkdirSync(join(inDir, 'a', 'folder.txt', 'empty'), { recursive: true });
  writePage(join(inDir, 'a/notes.md'), 'not a page\n');
  return { dir, inDir };
}

describe('batch --out-dir', () => {
  beforeAll(() => ensureBuilt(), 180_000);

  it('converts every page, mirrors the tree, reports and skips the bad ones, exits 1', async () => {
    const { dir } = makeTree();
    const r = await runCli(['in', '--out-dir', 'out', '--jobs', '2'], { cwd: dir });
    expect(r.code).toBe(1);
    const out = join(dir, 'out');
    expect(listFiles(out)).toEqual([...GOOD.map((g) => `${g}.json`), 'manifest.json'].sort());
    for (const rel of GOOD) {
      const doc = readJson(join(out, `${rel}.json`));
      expect(doc.schemaVersion).toBe(1);
      // compact: one line of JSON and its newline
      expect(readFileSync(join(out, `${rel}.json`), 'utf8').split('\n')).toHaveLength(2);
      expect(doc.source.path).toBe(`in/${rel}`);
    }
    const lines = r.stderr.trim().split('\n');
    expect(lines).toContain('news-parse: in/a/dangling.txt: no such file');
    expect(lines.some((l) => l.startsWith('news-parse: in/a/corrupt.txt: '))).toBe(true);
    expect(lines.at(-1)).toMatch(/^news-parse: 8 pages: 6 converted, 0 skipped, 2 failed; \d+ articles, \d+ warnings; [\d.]+ s \([\d.]+ pages\/s, 2 workers\)$/);
    expect(r.stderr).not.toContain('\r'); // no progress bar when stderr is not a terminal
    expect(r.stdout).toBe('');

    const m = readJson(join(out, 'manifest.json'));
    expect(m.manifestVersion).toBe(1);
    expect(m.complete).toBe(true);
    expect(m.tool.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(m.options).toEqual({ encoding: null, keepSpacing: false, profile: null, profileSha256: null, convert: null, inputFormat: 'auto' });
    expect(m.summary).toMatchObject({ pages: 8, converted: 6, skipped: 0, failed: 2 });
    expect(m.failures.map((f: { path: string }) => f.path).sort()).toEqual(['in/a/corrupt.txt', 'in/a/dangling.txt']);
    // files in input order: sorted relative paths
    expect(m.files.map((f: { path: string }) => f.path)).toEqual(
      ['a/b/c/p3.txt', 'a/b/p2.txt', 'a/corrupt.txt', 'a/dangling.txt', 'a/p1.txt', 'top.txt', 'z/p4.txt', 'z/p5.txt'].map((p) => `in/${p}`),
    );
    for (const f of m.files) {
      expect(['converted', 'failed']).toContain(f.status);
      if (f.status === 'converted') {
        // the hash of the file's bytes, which is what a re-run compares
        expect(f.sha256).toBe(createHash('sha256').update(readFileSync(join(dir, f.path))).digest('hex'));
        expect(readJson(join(out, f.output)).source.sha256).toBe(f.sha256);
        expect(f.articles).toBe(readJson(join(out, f.output)).articles.length);
      } else expect(f.reason).toBeTruthy();
    }
  });

  it('runs a batch too small to repay a worker on the main thread unless --jobs says otherwise', async () => {
    const { dir } = makeTree();
    const r = await runCli(['in', '--out-dir', 'out'], { cwd: dir });
    expect(r.stderr.trim().split('\n').at(-1)).toMatch(/\(\S+ pages\/s, main thread\)$/);
  });

  it('skips up-to-date pages on a second run, with or without the manifest, and redoes all with --force', async () => {
    const { dir } = makeTree();
    const out = join(dir, 'out');
    await runCli(['in', '--out-dir', 'out'], { cwd: dir });
    const before = statSync(join(out, 'a/p1.txt.json')).mtimeMs;

    const again = await runCli(['in', '--out-dir', 'out'], { cwd: dir });
    expect(again.code).toBe(1); // the two bad pages still fail
    expect(readJson(join(out, 'manifest.json')).summary).toMatchObject({ converted: 0, skipped: 6, failed: 2 });
    expect(statSync(join(out, 'a/p1.txt.json')).mtimeMs).toBe(before);

    // Without a manifest the outputs' own source.sha256 and tool fields decide; a changed page is redone.
    rmSync(join(out, 'manifest.json'));
    writeFileSync(join(dir, 'in/top.txt'), pageText('changed'));
    const third = await runCli(['in', '--out-dir', 'out'], { cwd: dir });
    const m3 = readJson(join(out, 'manifest.json'));
    expect(third.code).toBe(1);
    expect(m3.summary).toMatchObject({ converted: 1, skipped: 5, failed: 2 });
    expect(m3.files.find((f: { path: string }) => f.path === 'in/top.txt').status).toBe('converted');

    // A stale manifest (output deleted) does not make a missing output count as done.
    rmSync(join(out, 'a/b/p2.txt.json'));
    const fourth = await runCli(['in', '--out-dir', 'out', '-q'], { cwd: dir });
    expect(fourth.stderr.trim().split('\n')).toHaveLength(2); // only the two failure lines under --quiet
    expect(readJson(join(out, 'manifest.json')).summary).toMatchObject({ converted: 1, skipped: 5 });
    expect(existsSync(join(out, 'a/b/p2.txt.json'))).toBe(true);

    // Other output options make every output stale.
    const spaced = await runCli(['in', '--out-dir', 'out', '--keep-spacing'], { cwd: dir });
    expect(spaced.code).toBe(1);
    expect(readJson(join(out, 'manifest.json')).summary).toMatchObject({ converted: 6, skipped: 0 });

    // --convert changes the output too; the converted outputs say so.
    const converted = await runCli(['in', '--out-dir', 'out', '--keep-spacing', '--convert', 't2s'], { cwd: dir });
    expect(converted.code).toBe(1);
    expect(readJson(join(out, 'manifest.json')).summary).toMatchObject({ converted: 6, skipped: 0 });
    expect(readJson(join(out, 'manifest.json')).options.convert).toBe('t2s');
    expect(readJson(join(out, 'top.txt.json')).conversion).toEqual({ mode: 't2s' });
    rmSync(join(out, 'manifest.json')); // the outputs alone still tell that they are up to date
    const convertedAgain = await runCli(['in', '--out-dir', 'out', '--keep-spacing', '--convert', 't2s'], { cwd: dir });
    expect(readJson(join(out, 'manifest.json')).summary).toMatchObject({ converted: 0, skipped: 6 });
    expect(convertedAgain.code).toBe(1);

    const forced = await runCli(['in', '--out-dir', 'out', '--keep-spacing', '--force'], { cwd: dir });
    expect(forced.code).toBe(1);
    expect(readJson(join(out, 'manifest.json')).summary).toMatchObject({ converted: 6, skipped: 0 });
    expect(listFiles(out).filter((f) => f.includes('.tmp-'))).toEqual([]);
  });

  it('puts a lone file at OUT/<basename>.json and expands globs the shell left alone', async () => {
    const { dir } = makeTree();
    const lone = await runCli(['in/a/b/p2.txt', '--out-dir', 'one'], { cwd: dir });
    expect(lone.code).toBe(0);
    expect(listFiles(join(dir, 'one'))).toEqual(['manifest.json', 'p2.txt.json']);

    const glob = await runCli(['in/a/**/p*.txt', '--out-dir', 'g'], { cwd: dir });
    expect(glob.code).toBe(0);
    expect(listFiles(join(dir, 'g'))).toEqual(['b/c/p3.txt.json', 'b/p2.txt.json', 'manifest.json', 'p1.txt.json']);
  });

  it('walks .xml and .hocr pages too (routed by extension) and ignores other files', async () => {
    const dir = tempDir('formats');
    writePage(join(dir, 'in/p.txt'), pageText('t'));
    writePage(join(dir, 'in/s/p.alto.xml'), '<?xml version="1.0"?><alto xmlns="http://www.loc.gov/standards/alto/ns-v4#"><Layout/></alto>\n');
    writePage(join(dir, 'in/s/p.hocr'), '<html><body><div class="ocr_page"></div></body></html>\n');
    writePage(join(dir, 'in/s/p.hocr.html'), '<html><body><div class="ocr_page"></div></body></html>\n');
    writePage(join(dir, 'in/s/readme.md'), 'no\n');
    writePage(join(dir, 'in/s/plain.html'), '<html></html>\n');
    const r = await runCli(['in', '--out-dir', 'out', '-q'], { cwd: dir });
    expect([0, 1]).toContain(r.code); // whether a near-empty XML page converts is the readers' business
    const m = readJson(join(dir, 'out/manifest.json'));
    expect(m.files.map((f: { path: string }) => f.path)).toEqual(['in/p.txt', 'in/s/p.alto.xml', 'in/s/p.hocr', 'in/s/p.hocr.html']);
    expect(m.files[0].status).toBe('converted');
  });

  it('reports two inputs that would write the same output instead of overwriting', async () => {
    const dir = tempDir('collide');
    writePage(join(dir, 'x/p.txt'), pageText(1));
    writePage(join(dir, 'y/p.txt'), pageText(2));
    const r = await runCli(['x', 'y', '--out-dir', 'out'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/news-parse: y\/p\.txt: its output .*p\.txt\.json is already that of x\/p\.txt/);
    expect(readJson(join(dir, 'out/p.txt.json')).source.path).toBe('x/p.txt');
  });

  it('exits 2 when every page fails or there is nothing to convert', async () => {
    const dir = tempDir('allbad');
    writePage(join(dir, 'in/bad.txt'), undecodable(12));
    const r = await runCli(['in', '--out-dir', 'out'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('news-parse: in/bad.txt: ');

    mkdirSync(join(dir, 'empty'));
    const e = await runCli(['empty', '--out-dir', 'out2'], { cwd: dir });
    expect(e.code).toBe(2);
    expect(e.stderr).toMatch(/no page files/);

    const both = await runCli(['in', '--out-dir', 'o', '--jsonl', 'x.jsonl'], { cwd: dir });
    expect(both.code).toBe(2);
    const jobs = await runCli(['in', '--jobs', '0'], { cwd: dir });
    expect(jobs.code).toBe(2);
    const profile = await runCli(['in', '--out-dir', 'o', '--profile', 'no-such-profile'], { cwd: dir });
    expect(profile.code).toBe(2);
    expect(existsSync(join(dir, 'o', 'manifest.json'))).toBe(false);
    const tei = await runCli(['in', '--format', 'tei'], { cwd: dir });
    expect(tei.code).toBe(2);
  });
});

describe('batch --jsonl', () => {
  beforeAll(() => ensureBuilt(), 180_000);

  it('writes one document per line in sorted input order, whatever finishes first', async () => {
    const dir = tempDir('jsonl');
    const rels: string[] = [];
    for (let i = 0; i < 40; i++) {
      // big and small pages interleaved, so that completion order differs from input order
      const rel = `d${i % 3}/p${String(i).padStart(2, '0')}.txt`;
      rels.push(rel);
      writePage(join(dir, 'in', rel), i % 5 === 0 ? pageText(i, 'seed-community-p02') : pageText(i));
    }
    writePage(join(dir, 'in/d1/bad.txt'), undecodable(8));
    const r = await runCli(['in', '--jsonl', '-', '--jobs', '2'], { cwd: dir });
    expect(r.code).toBe(1);
    const docs = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(docs.map((d) => d.source.path)).toEqual(rels.sort().map((p) => `in/${p}`));
    expect(r.stderr).toContain('news-parse: in/d1/bad.txt: ');
    expect(r.stderr).not.toContain('{'); // nothing of the documents on stderr

    const toFile = await runCli(['in', '--jsonl', 'all.jsonl', '-q'], { cwd: dir });
    expect(toFile.stdout).toBe('');
    const fileLines = readFileSync(join(dir, 'all.jsonl'), 'utf8').trimEnd().split('\n');
    expect(fileLines.map((l) => JSON.parse(l).source.path)).toEqual(docs.map((d) => d.source.path));
    expect(listFiles(dir).filter((f) => f.includes('.tmp-'))).toEqual([]);
  });

  it('a directory alone prints JSON Lines; several files with --json still print JSON Lines without the batch', async () => {
    const dir = tempDir('plain');
    writePage(join(dir, 'in/a.txt'), pageText('a'));
    writePage(join(dir, 'in/b.txt'), pageText('b'));
    const d = await runCli(['in'], { cwd: dir });
    expect(d.code).toBe(0);
    expect(d.stdout.trimEnd().split('\n').map((l) => JSON.parse(l).source.path)).toEqual(['in/a.txt', 'in/b.txt']);
    const j = await runCli(['in/b.txt', 'in/a.txt', '--json'], { cwd: dir });
    expect(j.code).toBe(0);
    expect(j.stdout.trimEnd().split('\n').map((l) => JSON.parse(l).source.path)).toEqual(['in/b.txt', 'in/a.txt']);
    expect(j.stderr).toBe(''); // the single-run path has no summary line
  });
});
