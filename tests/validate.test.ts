/**
 * Issue 14 item 20: `validate` names the offending property and its JSON path,
 * reads JSON Lines (the batch's own output; each line checked, line numbers in
 * the problems), and walks directories (an --out-dir as the batch wrote it).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { run } from '../src/cli/run.js';
import { memoryIO } from './helpers/io.js';
import { pageText, tempDir, writePage } from './batch/helpers.js';

let dir: string;
let doc: Record<string, any>;

async function validate(args: string[], stdin = ''): Promise<{ code: number; out: string; err: string }> {
  const io = memoryIO({ cwd: dir, stdin });
  const code = await run(['validate', ...args], io);
  return { code, out: io.out(), err: io.err() };
}

beforeAll(async () => {
  dir = tempDir('validate');
  for (let i = 0; i < 3; i++) writePage(join(dir, 'in', `p${i}.txt`), pageText(i));
  const io = memoryIO({ cwd: dir });
  expect(await run([join(dir, 'in', 'p0.txt'), '--json'], io)).toBe(0);
  doc = JSON.parse(io.out());
});

describe('validate names what is wrong and where', () => {
  it('an unknown property: its name and its own JSON path', async () => {
    const bad = structuredClone(doc);
    bad.articles[0].subHeadline = 'x';
    writeFileSync(join(dir, 'extra.json'), JSON.stringify(bad));
    const r = await validate([join(dir, 'extra.json')]);
    expect(r.code).toBe(1);
    expect(r.out).toBe(`${join(dir, 'extra.json')}: /articles/0/subHeadline: unknown property "subHeadline" (the schema allows no other properties here)\n`);
  });

  it('a missing property, a wrong value', async () => {
    const bad = structuredClone(doc);
    delete bad.source.sha256;
    bad.source.format = 'docx';
    writeFileSync(join(dir, 'missing.json'), JSON.stringify(bad));
    const r = await validate([join(dir, 'missing.json')]);
    expect(r.code).toBe(1);
    expect(r.out.split('\n')).toEqual(
      expect.arrayContaining([`${join(dir, 'missing.json')}: /source/sha256: missing required property "sha256"`, `${join(dir, 'missing.json')}: /source/format: must be one of "text", "alto", "hocr", "pdf"`]),
    );
  });
});

describe('validate reads JSON Lines', () => {
  it('the batch’s --jsonl output: each line checked, line numbers in the problems', async () => {
    const file = join(dir, 'docs.jsonl');
    expect(await run([join(dir, 'in'), '--jsonl', file, '-q'], memoryIO({ cwd: dir }))).toBe(0);
    expect(await validate([file])).toEqual({ code: 0, out: `${file}: valid (3 lines)\n`, err: '' });
    const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
    const second = JSON.parse(lines[1]!);
    second.warnings.push({ code: 'NO_SUCH', severity: 'info', message: 'x', extra: 1 });
    lines[1] = JSON.stringify(second);
    lines[2] = '{"schemaVersion": 1,';
    writeFileSync(join(dir, 'broken.jsonl'), lines.join('\n') + '\n');
    const r = await validate([join(dir, 'broken.jsonl')]);
    expect(r.code).toBe(1);
    const out = r.out.trimEnd().split('\n');
    expect(out.some((l) => l.startsWith(`${join(dir, 'broken.jsonl')}:2: /warnings/`) && l.includes('unknown property "extra"'))).toBe(true);
    expect(out.at(-1)).toMatch(new RegExp(`^${join(dir, 'broken.jsonl')}:3: not JSON \\(.+\\)$`, 'u'));
    expect(out.some((l) => l.includes('.jsonl:1:'))).toBe(false);
  });

  it('--stdin-jsonl answers: the documents checked, an error line is a finding; JSON Lines on standard input', async () => {
    const answers = [JSON.stringify({ id: 'a', document: doc }), JSON.stringify({ id: 'b', error: 'p.txt: no such file' })].join('\n') + '\n';
    const r = await validate(['-'], answers);
    expect(r.code).toBe(1);
    expect(r.out).toBe('-:2: id "b": an error line, no document: p.txt: no such file\n');
    expect((await validate(['-'], JSON.stringify({ id: 1, document: doc }) + '\n' + JSON.stringify(doc) + '\n')).out).toBe('-: valid (2 lines)\n');
  });
});

describe('validate walks directories', () => {
  it('an --out-dir: every output checked, the manifest named and not checked', async () => {
    const out = join(dir, 'out');
    expect(await run([join(dir, 'in'), '--out-dir', out, '-q'], memoryIO({ cwd: dir }))).toBe(0);
    const r = await validate([out]);
    expect(r).toEqual({
      code: 0,
      out: [
        `${join(out, 'manifest.json')}: a batch manifest (OUT/manifest.json), not a document: not checked`,
        `${join(out, 'p0.txt.json')}: valid`,
        `${join(out, 'p1.txt.json')}: valid`,
        `${join(out, 'p2.txt.json')}: valid`,
        '',
      ].join('\n'),
      err: '',
    });
    const bad = JSON.parse(readFileSync(join(out, 'p1.txt.json'), 'utf8'));
    bad.page.colour = 'red';
    writeFileSync(join(out, 'p1.txt.json'), JSON.stringify(bad));
    const again = await validate([out]);
    expect(again.code).toBe(1);
    expect(again.out).toContain(`${join(out, 'p1.txt.json')}: /page/colour: unknown property "colour"`);
  });

  it('a directory without JSON files, a missing path: one line each, exit 2', async () => {
    mkdirSync(join(dir, 'empty'));
    const r = await validate([join(dir, 'empty'), join(dir, 'nope.json')]);
    expect(r.code).toBe(2);
    expect(r.err).toBe(`news-parse: ${join(dir, 'empty')}: holds no .json, .jsonl or .ndjson files\nnews-parse: ${join(dir, 'nope.json')}: no such file\n`);
  });
});
