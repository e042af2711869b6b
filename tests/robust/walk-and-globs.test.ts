/**
 * Issue 14 items 17 and 18: a folder walk or a glob takes only pages — a METS
 * file, other XML, JSON (news-parse's own output too), binary data and
 * read-me/licence/source notes are left out, each said with its reason — and
 * globs have the syntax people type (`{txt,xml}`, `[ab]*`, via tinyglobby); a
 * glob over a missing folder matches nothing (it was one failed "page").
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';
import { memoryIO } from '../helpers/io.js';

const dir = mkdtempSync(join(tmpdir(), 'np-walk-'));
const tree = join(dir, 'tree');
const SEED = 'fixtures/seed-community-p02/input.txt';
const ALTO = 'fixtures/alto-two-columns/input.xml';

async function batch(args: string[]): Promise<{ code: number; paths: string[]; err: string[] }> {
  const out = join(dir, `out-${Math.random().toString(36).slice(2)}.jsonl`);
  const io = memoryIO({ cwd: dir });
  const code = await run([...args, '--jsonl', out, '-j', '1'], io);
  let paths: string[] = [];
  try {
    paths = readFileSync(out, 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l).source.path);
  } catch {
    // no output file: the run found no pages
  }
  return { code, paths, err: io.err().trim().split('\n') };
}

beforeAll(async () => {
  mkdirSync(join(tree, 'sub'), { recursive: true });
  copyFileSync(SEED, join(tree, 'a-page.txt'));
  copyFileSync(SEED, join(tree, 'b-page.txt'));
  copyFileSync(ALTO, join(tree, 'sub', 'p2.xml'));
  writeFileSync(join(tree, 'issue_mets.xml'), '<?xml version="1.0"?>\n<!-- METS of an issue -->\n<mets:mets xmlns:mets="http://www.loc.gov/METS/"><mets:fileSec/></mets:mets>\n');
  writeFileSync(join(tree, 'sub', 'tei.xml'), '<?xml version="1.0"?>\n<TEI xmlns="http://www.tei-c.org/ns/1.0"><text/></TEI>\n');
  writeFileSync(join(tree, 'SOURCE.txt'), 'Repository : https://example.org/data\nLicense    : CC BY 4.0\n');
  writeFileSync(join(tree, 'bin.txt'), Buffer.from([0x00, 0x01, 0x02, 0xff, 0x00, 0x10, 0x00, 0x00, 0x41]));
  const io = memoryIO();
  await run([SEED], io); // news-parse's own output, saved under a page's name
  writeFileSync(join(tree, 'sub', 'a-page.out.txt'), io.out());
});

describe('a folder walk takes only pages', () => {
  it('leaves out METS, other XML, JSON, binary and source notes, one line each with the reason', async () => {
    const r = await batch([tree]);
    expect(r.code).toBe(0);
    expect(r.paths).toEqual([join(tree, 'a-page.txt'), join(tree, 'b-page.txt'), join(tree, 'sub', 'p2.xml')]);
    const left = r.err.filter((l) => l.startsWith('news-parse: left out '));
    expect(left).toEqual([
      `news-parse: left out ${tree}/SOURCE.txt: a read-me, licence or source note (by its name), not a page`,
      `news-parse: left out ${tree}/bin.txt: binary data (NUL bytes), not a page`,
      `news-parse: left out ${tree}/issue_mets.xml: a METS file (the structure of an issue, not a page; give the ALTO pages it points to)`,
      `news-parse: left out ${tree}/sub/a-page.out.txt: JSON (data, or a document news-parse wrote), not a page`,
      `news-parse: left out ${tree}/sub/tei.xml: XML, but neither ALTO nor hOCR (its root element is <TEI>), not a page`,
    ]);
    expect(r.err[r.err.length - 1]).toMatch(/^news-parse: 3 pages: 3 converted/);
  });

  it('with --out-dir, the manifest lists what was left out and why', async () => {
    const out = join(dir, `out-dir-${Math.random().toString(36).slice(2)}`);
    const io = memoryIO({ cwd: dir });
    expect(await run([tree, '--out-dir', out, '-j', '1', '-q'], io)).toBe(0);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(manifest.summary.pages).toBe(3);
    expect(manifest.leftOut.map((l: { path: string }) => l.path)).toEqual([
      `${tree}/SOURCE.txt`,
      `${tree}/bin.txt`,
      `${tree}/issue_mets.xml`,
      `${tree}/sub/a-page.out.txt`,
      `${tree}/sub/tei.xml`,
    ]);
    expect(manifest.leftOut[2].reason).toMatch(/^a METS file/u);
  });

  it('a file named on the command line is read whatever it holds', async () => {
    const r = await batch([join(tree, 'SOURCE.txt'), join(tree, 'a-page.txt')]);
    expect(r.paths).toEqual([join(tree, 'SOURCE.txt'), join(tree, 'a-page.txt')]);
  });
});

describe('--issue walks the same way', () => {
  it('an issue folder with its METS file: the METS is left out, the three pages make the issue', async () => {
    const issue = join(dir, 'issue');
    mkdirSync(issue, { recursive: true });
    for (const f of ['a-back.txt', 'b-front.txt', 'c-inside.txt']) copyFileSync(join('fixtures/issue-three-pages-jumps', f), join(issue, f));
    copyFileSync(join(tree, 'issue_mets.xml'), join(issue, 'mets.xml'));
    const io = memoryIO();
    expect(await run([issue, '--issue'], io)).toBe(0);
    expect(io.err()).toBe(`news-parse: left out ${issue}/mets.xml: a METS file (the structure of an issue, not a page; give the ALTO pages it points to)\n`);
    expect(JSON.parse(io.out()).pages).toHaveLength(3);
  });
});

describe('globs', () => {
  it('brace expansion and character classes work', async () => {
    const braces = await batch([`${tree}/{a-page.txt,sub/*.xml}`]);
    expect(braces.paths).toEqual([join(tree, 'a-page.txt'), join(tree, 'sub', 'p2.xml')]);
    const cls = await batch([`${tree}/[ab]-*`]);
    expect(cls.paths).toEqual([join(tree, 'a-page.txt'), join(tree, 'b-page.txt')]);
    const ext = await batch([`${tree}/**/*.{txt,xml}`]);
    expect(ext.paths).toEqual([join(tree, 'a-page.txt'), join(tree, 'b-page.txt'), join(tree, 'sub', 'p2.xml')]);
  });

  it('a glob over a missing folder matches nothing: no failed page, and the run says why', async () => {
    const alone = await batch([`${dir}/nowhere/*.txt`]);
    expect(alone.code).toBe(2);
    expect(alone.err).toHaveLength(1);
    expect(alone.err[0]).toMatch(/no page files .* found in .*nowhere\/\*\.txt \(.*nowhere\/\*\.txt: matches nothing: .*nowhere does not exist\)$/);
    const mixed = await batch([`${dir}/nowhere/*.txt`, join(tree, 'a-page.txt')]);
    expect(mixed.code).toBe(0);
    expect(mixed.paths).toEqual([join(tree, 'a-page.txt')]);
    expect(mixed.err).toEqual([`news-parse: left out ${dir}/nowhere/*.txt: matches nothing: ${dir}/nowhere does not exist`, expect.stringMatching(/^news-parse: 1 page: 1 converted, 0 skipped, 0 failed/)]);
  });
});

describe('the progress bar counts the pages the walk takes (issue 14 review, item 7)', () => {
  it('its total leaves out what the walk leaves out', async () => {
    let err = '';
    const io = { ...memoryIO({ cwd: dir }), stderr: { write: (s: string) => (err += s), isTTY: true, columns: 100 } };
    expect(await run([tree, '--jsonl', join(dir, 'progress.jsonl')], io)).toBe(0); // no -j: the default --jobs counts the pages first
    const totals = [...err.matchAll(/\] (\d+)\/(\d+|\?)/gu)].map((m) => m[2]);
    expect(totals.length).toBeGreaterThan(0);
    expect(new Set(totals)).toEqual(new Set(['3'])); // 3 pages; the 5 files left out are not among them
  });
});
