/** `news-parse --stdin-jsonl`: records in, documents out, in order, ids kept; and as the map step of GNU parallel. */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CLI, ensureBuilt, pageText, runCli, tempDir, writePage } from './helpers.js';

const hasParallel = spawnSync('parallel', ['--version'], { stdio: 'ignore' }).status === 0;

function records(dir: string, n: number): { input: string; ids: unknown[] } {
  const ids: unknown[] = [];
  const lines: string[] = [];
  for (let i = 0; i < n; i++) {
    const id = i % 3 === 0 ? `doc-${i}` : i % 3 === 1 ? i : { shard: 7, n: i };
    ids.push(id);
    if (i % 4 === 2) {
      writePage(join(dir, `p${i}.txt`), pageText(i));
      lines.push(JSON.stringify({ id, path: join(dir, `p${i}.txt`) }));
    } else {
      // big and small pages mixed, so that workers finish out of order
      lines.push(JSON.stringify({ id, text: i % 5 === 0 ? pageText(i, 'seed-community-p02') : pageText(i) }));
    }
  }
  return { input: lines.join('\n') + '\n', ids };
}

describe('--stdin-jsonl', () => {
  beforeAll(() => ensureBuilt(), 180_000);

  it('answers every record in input order with its id', async () => {
    const dir = tempDir('stdin');
    const { input, ids } = records(dir, 60);
    const extra = '\n' + JSON.stringify({ id: 'missing', path: join(dir, 'nope.txt') }) + '\nnot json\n' + JSON.stringify({ id: 'empty' }) + '\n';
    const r = await runCli(['--stdin-jsonl', '--jobs', '2'], { cwd: dir, input: input + extra });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const out = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(out).toHaveLength(ids.length + 4);
    expect(out.slice(0, ids.length).map((o) => o.id)).toEqual(ids);
    for (const o of out.slice(0, ids.length)) {
      expect(o.document.schemaVersion).toBe(1);
      expect(o.error).toBeUndefined();
    }
    expect(out.slice(0, ids.length).filter((o) => o.document.source.path !== null)).toHaveLength(15);
    expect(out[ids.length]).toEqual({ id: null, error: `line ${ids.length + 1}: blank line (no record)` });
    expect(out[ids.length + 1]).toEqual({ id: 'missing', error: `${join(dir, 'nope.txt')}: no such file` });
    expect(out[ids.length + 2]).toMatchObject({ id: null, error: expect.stringMatching(/not valid JSON/) });
    expect(out[ids.length + 3]).toMatchObject({ id: 'empty', error: expect.stringMatching(/"text" or "path"/) });
  });

  it('gives the same lines when the same records pass through twice', async () => {
    const dir = tempDir('stdin2');
    const { input } = records(dir, 12);
    const a = await runCli(['--stdin-jsonl', '-j', '1'], { cwd: dir, input });
    const b = await runCli(['--stdin-jsonl', '-j', '2'], { cwd: dir, input });
    expect(b.stdout).toBe(a.stdout);
  });

  it.skipIf(!hasParallel)('works as the map step of GNU parallel --pipe (-k keeps chunk order)', () => {
    const dir = tempDir('parallel');
    const { input, ids } = records(dir, 50);
    writeFileSync(join(dir, 'records.jsonl'), input);
    const r = spawnSync(
      'sh',
      ['-c', `parallel --will-cite -k --pipe -N 7 '${process.execPath}' '${CLI}' --stdin-jsonl -j 1 < records.jsonl > docs.jsonl`],
      { cwd: dir, encoding: 'utf8', timeout: 120_000 },
    );
    expect(r.status, r.stderr).toBe(0);
    const out = spawnSync('cat', ['docs.jsonl'], { cwd: dir, encoding: 'utf8', maxBuffer: 256 << 20 }).stdout.trimEnd().split('\n');
    expect(out.map((l) => JSON.parse(l).id)).toEqual(ids);
  }, 120_000);
});
