/**
 * Issue 14 item 13 (stdin part): `--stdin-jsonl` copies each id's JSON text as
 * it came, and answers every input line, a blank one too, so that line n of
 * the output answers line n of the input.
 */
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';
import { memberSpans } from '../../src/batch/stdin-jsonl.js';
import { memoryIO } from '../helpers/io.js';

async function answer(input: string): Promise<string[]> {
  const io = memoryIO({ stdin: input });
  expect(await run(['--stdin-jsonl', '-j', '1', '-q'], io)).toBe(0);
  expect(io.err()).toBe('');
  return io.out().split('\n').slice(0, -1);
}

describe('--stdin-jsonl ids and lines', () => {
  it('copies ids textually: big, huge and negative-zero numbers, escapes, nested values, spacing', async () => {
    const ids = ['1e400', '12345678901234567890', '-0', '1.50', '"\\u4e2d\\/x"', '{"shard": 7, "n": [1, 2.0]}', 'true', 'null'];
    const lines = await answer(ids.map((id) => `{"text": "本报讯 记者获悉。", "id" : ${id} }`).join('\n') + '\n');
    expect(lines).toHaveLength(ids.length);
    lines.forEach((line, i) => {
      expect(line.startsWith(`{"id":${ids[i]},"document":`), line.slice(0, 60)).toBe(true);
      JSON.parse(line); // still one valid JSON line
    });
  });

  it('takes the last of duplicate ids, as JSON.parse does, and null when there is none', async () => {
    const lines = await answer('{"id":1,"text":"x","id":2e0}\n{"text":"x"}\n');
    expect(lines[0]!.startsWith('{"id":2e0,')).toBe(true);
    expect(lines[1]!.startsWith('{"id":null,')).toBe(true);
  });

  it('answers blank lines, so output line n answers input line n', async () => {
    const lines = await answer('{"id":"a","text":"x"}\n\n   \n{"id":"b","text":"y"}\r\n');
    expect(lines.map((l) => JSON.parse(l).id)).toEqual(['a', null, null, 'b']);
    expect(JSON.parse(lines[1]!)).toEqual({ id: null, error: 'line 2: blank line (no record)' });
    expect(JSON.parse(lines[2]!).error).toBe('line 3: blank line (no record)');
  });

  it('finds member values whatever the spacing and nesting', () => {
    const json = '{ "a" : [1, {"id": 3}], "id":"x\\"}y" ,"b":{"c":"]"} }';
    const spans = memberSpans(json);
    const at = (k: string) => json.slice(spans.get(k)!.start, spans.get(k)!.end);
    expect(at('a')).toBe('[1, {"id": 3}]');
    expect(at('id')).toBe('"x\\"}y"');
    expect(at('b')).toBe('{"c":"]"}');
  });
});
