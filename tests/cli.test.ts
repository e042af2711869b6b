/**
 * The CLI in-process: output formats, and bad input — a one-line error on
 * stderr with the file and the reason and exit 2 for unusable input, a valid
 * document (with warnings) for readable text. Never a stack trace.
 */
import { mkdtempSync, writeFileSync, mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { run } from '../src/cli/run.js';
import { newsDocumentProblems } from '../src/schema/validate.js';
import { memoryIO } from './helpers/io.js';

const SEED = 'fixtures/seed-community-p02/input.txt';
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'news-parse-cli-'));
  writeFileSync(join(dir, 'empty.txt'), '');
  writeFileSync(join(dir, 'blank.txt'), '  \n\n\t \r\n');
  writeFileSync(join(dir, 'binary.bin'), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x00, 0x00, 0x00, 0x00, 0xff, 0xfe, 0x00, 0x10]));
  writeFileSync(join(dir, 'plain.txt'), '这是一段没有任何标记的文字，\n只是普通的句子。\n又一句话。\n');
  writeFileSync(join(dir, 'long.txt'), '长'.repeat(50 * 1024 * 1024 / 3));
  mkdirSync(join(dir, 'folder.txt'));
});

async function cli(args: string[], stdin = '') {
  const io = memoryIO(stdin);
  const code = await run(args, io);
  return { code, out: io.out(), err: io.err() };
}

describe('output', () => {
  it('--json prints a schema-valid document', async () => {
    const r = await cli([SEED, '--json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out);
    expect(newsDocumentProblems(doc)).toEqual([]);
    expect(doc.articles).toHaveLength(11);
  });
  it('defaults to JSON when stdout is not a terminal, and text with --format text (no colour when not a TTY)', async () => {
    expect(JSON.parse((await cli([SEED])).out).source.path).toBe(SEED);
    const text = (await cli([SEED, '--format', 'text'])).out;
    expect(text).toContain('全力抓好经济工作');
    expect(text).not.toMatch(/\u001b\[/);
  });
  it('reads standard input with -', async () => {
    const r = await cli(['-', '--json'], readFileSync(SEED, 'utf8'));
    expect(JSON.parse(r.out).source.path).toBeNull();
  });
  it('-o writes to a file', async () => {
    const out = join(dir, 'out.json');
    expect((await cli([SEED, '-o', out])).code).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8')).articles).toHaveLength(11);
  });
  it('validate accepts our output and rejects a broken document', async () => {
    const good = join(dir, 'good.json');
    await cli([SEED, '-o', good]);
    expect((await cli(['validate', good])).code).toBe(0);
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ schemaVersion: 1, articles: 'none' }));
    const r = await cli(['validate', bad]);
    expect(r.code).toBe(1);
    expect(r.out).toContain('bad.json');
  });
});

describe('bad input', () => {
  it.each([
    ['missing file', ['nope/missing.txt'], /missing\.txt: no such file/],
    ['a directory with no pages', ['@/folder.txt'], /folder\.txt/],
    ['binary data', ['@/binary.bin'], /binary\.bin: .*(binary|not valid)/],
    ['an unknown option', [SEED, '--frobnicate'], /unknown option/],
    ['a bad --format', [SEED, '--format', 'yaml'], /yaml/],
    ['an unknown encoding', [SEED, '--encoding', 'klingon'], /unknown encoding/],
    ['no input at all', [], /no input/],
  ])('%s → one line on stderr, exit 2', async (_name, args, message) => {
    const r = await cli(args.map((a) => a.replace('@', dir)));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).not.toMatch(/\n\s+at /);
  });

  it.each([
    ['an empty file', 'empty.txt', 'EMPTY_INPUT'],
    ['whitespace only', 'blank.txt', 'EMPTY_INPUT'],
    ['a page with no markers', 'plain.txt', 'NO_ARTICLE_MARKERS'],
    ['a 50 MB single line', 'long.txt', 'LINE_TOO_LONG'],
  ])('%s → a valid document with a warning', async (_name, file, code) => {
    const r = await cli([join(dir, file), '--json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out);
    expect(newsDocumentProblems(doc)).toEqual([]);
    expect(doc.articles).toHaveLength(0);
    expect(doc.warnings.map((w: { code: string }) => w.code)).toContain(code);
  });

  it('several inputs: a bad one is reported and skipped, the rest converted, exit 1', async () => {
    const r = await cli([SEED, join(dir, 'binary.bin'), '--json']);
    expect(r.code).toBe(1);
    expect(r.out.trim().split('\n')).toHaveLength(1);
    expect(r.err).toMatch(/binary\.bin/);
  });
});
