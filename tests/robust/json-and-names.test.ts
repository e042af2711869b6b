/**
 * Issue 14 item 13 (files part): invalid pretty-printed JSON — a profile, a
 * gold file, a document to validate — is one line naming the file, the line
 * and column, and what is wrong (V8's own message quotes the raw input, several
 * lines of it); a file whose name is not UTF-8 is not reported as missing.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';
import { JsonSyntaxError, parseJson } from '../../src/io/parse-json.js';
import { memoryIO } from '../helpers/io.js';

const dir = mkdtempSync(join(tmpdir(), 'np-json-'));
const page = readFileSync('fixtures/seed-community-p02/input.txt');
// A missing comma after line 2, and an unquoted value on line 3 of the second: pretty-printed, as people write them.
const MISSING_COMMA = '{\n  "name": "my-paper"\n  "extends": "mainland-community"\n}\n';
const BAD_VALUE = '{\n  "articles": [\n    {"headline": tru\n    }\n  ]\n}\n';

function oneLine(text: string): string {
  const lines = text.trim().split('\n');
  expect(lines, text).toHaveLength(1);
  return lines[0]!;
}

describe('invalid JSON is one line with line and column', () => {
  it('parseJson names the line and column, without quoting the input', () => {
    expect(() => parseJson(MISSING_COMMA)).toThrow(JsonSyntaxError);
    try {
      parseJson(MISSING_COMMA);
    } catch (err) {
      expect(err).toMatchObject({ line: 3, column: 3 });
      expect((err as Error).message).toBe("line 3, column 3: expected ',' or '}' after property value");
    }
    expect(() => parseJson(BAD_VALUE)).toThrow(/^line 3, column 21: unexpected character "\\n"$/);
    expect(() => parseJson('{"a": 1')).toThrow(/^line 1, column 8: the text ends before the JSON does$/);
    expect(() => parseJson('[1,]')).toThrow(/^line 1, column 4: unexpected character "\]"$/);
    expect(parseJson('{"a": [1, 2]}')).toEqual({ a: [1, 2] });
  });

  it('a profile', async () => {
    writeFileSync(join(dir, 'bad-profile.json'), MISSING_COMMA);
    writeFileSync(join(dir, 'page.txt'), page);
    const io = memoryIO({ cwd: dir });
    expect(await run([join(dir, 'page.txt'), '--profile', 'bad-profile.json'], io)).toBe(2);
    expect(oneLine(io.err())).toBe("news-parse: profile bad-profile.json: not valid JSON (line 3, column 3: expected ',' or '}' after property value)");
  });

  it('a gold file', async () => {
    mkdirSync(join(dir, 'case'), { recursive: true });
    writeFileSync(join(dir, 'case', 'input.txt'), page);
    writeFileSync(join(dir, 'case', 'expected.json'), BAD_VALUE);
    const io = memoryIO({ cwd: dir });
    expect(await run(['eval', 'case'], io)).toBe(2);
    expect(oneLine(io.err())).toMatch(/^news-parse: case\/expected\.json: bad gold file: not JSON \(line 3, column 21: unexpected character "\\n"\)$/);
  });

  it('a document to validate', async () => {
    writeFileSync(join(dir, 'doc.json'), BAD_VALUE);
    const io = memoryIO({ cwd: dir });
    expect(await run(['validate', join(dir, 'doc.json')], io)).toBe(2);
    expect(oneLine(io.err())).toMatch(/doc\.json: not JSON \(line 3, column 21: unexpected character "\\n"\)$/);
  });
});

describe('file names that are not UTF-8', () => {
  it('a page whose name is GBK bytes is reported for its name, not as missing', async () => {
    const tree = join(dir, 'tree');
    mkdirSync(tree, { recursive: true });
    writeFileSync(Buffer.concat([Buffer.from(tree + '/'), Buffer.from([0xb5, 0xda, 0x31, 0xb0, 0xe6]), Buffer.from('.txt')]), page);
    writeFileSync(join(tree, 'ok.txt'), page);
    const io = memoryIO({ cwd: dir });
    expect(await run([tree, '--jsonl', join(dir, 'out.jsonl'), '-q', '-j', '1'], io), io.err()).toBe(1);
    const line = oneLine(io.err());
    expect(line.startsWith(`news-parse: ${tree}/`)).toBe(true);
    expect(line).toMatch(/\.txt: cannot be opened by this name: the file name is not valid UTF-8/);
    expect(line).not.toMatch(/no such file/);
  });
});
