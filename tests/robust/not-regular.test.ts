/**
 * Issue 14 item 7: FIFOs, sockets and devices — or symlinks to them — never
 * block a run. Only regular files are read; anything else is a failure that
 * says what it is, in one line, with the README's exit code. The built CLI
 * runs as a child with a timeout, so a regression fails instead of hanging
 * the test runner (a blocked read would hold its event loop).
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, runCli, tempDir } from '../batch/helpers.js';

const hasMkfifo = spawnSync('mkfifo', ['--version'], { stdio: 'ignore' }).status === 0;
const SEED = join(import.meta.dirname, '..', '..', 'fixtures', 'seed-community-p02');
const TIMEOUT = 30_000;

function fifo(path: string): string {
  const r = spawnSync('mkfifo', [path]);
  if (r.status !== 0) throw new Error(`mkfifo ${path} failed`);
  return path;
}

/** The lines of stderr, each checked to be one `news-parse: …` line. */
function errLines(stderr: string): string[] {
  const lines = stderr.trim().split('\n');
  for (const l of lines) expect(l.startsWith('news-parse: '), l).toBe(true);
  return lines;
}

describe.skipIf(!hasMkfifo)('only regular files are read', () => {
  let dir: string;
  beforeAll(() => {
    ensureBuilt();
    dir = tempDir('not-regular');
    mkdirSync(join(dir, 'tree', 'sub'), { recursive: true });
    copyFileSync(join(SEED, 'input.txt'), join(dir, 'tree', 'a-page.txt'));
    fifo(join(dir, 'tree', 'pipe.txt'));
    fifo(join(dir, 'elsewhere.fifo'));
    symlinkSync(join(dir, 'elsewhere.fifo'), join(dir, 'tree', 'sub', 'link-to-pipe.txt'));
    fifo(join(dir, 'profile.json'));
    fifo(join(dir, 'doc.json'));
    fifo(join(dir, 'baseline.json'));
    mkdirSync(join(dir, 'cases', 'one'), { recursive: true });
    copyFileSync(join(SEED, 'input.txt'), join(dir, 'cases', 'one', 'input.txt'));
    fifo(join(dir, 'cases', 'one', 'expected.json'));
  }, 180_000);

  it('a batch tree with a FIFO and a symlink to one: both listed as failed, the page converted, exit 1', async () => {
    const r = await runCli(['tree', '--jsonl', 'out.jsonl', '-q'], { cwd: dir, timeoutMs: TIMEOUT });
    expect(r.code, r.stderr).toBe(1);
    const lines = errLines(r.stderr);
    expect(lines).toEqual([
      'news-parse: tree/pipe.txt: is a FIFO (named pipe), not a regular file: only regular files are read',
      'news-parse: tree/sub/link-to-pipe.txt: is a FIFO (named pipe), not a regular file: only regular files are read',
    ]);
    expect(readFileSync(join(dir, 'out.jsonl'), 'utf8').trim().split('\n')).toHaveLength(1);
  });

  it('a FIFO or a character device given as the page: one line, exit 2', async () => {
    const r = await runCli(['tree/pipe.txt'], { cwd: dir, timeoutMs: TIMEOUT });
    expect(r.code).toBe(2);
    expect(errLines(r.stderr)).toEqual(['news-parse: tree/pipe.txt: is a FIFO (named pipe), not a regular file: only regular files are read']);
    const z = await runCli(['/dev/zero'], { cwd: dir, timeoutMs: TIMEOUT });
    expect(z.code).toBe(2);
    expect(errLines(z.stderr)).toEqual(['news-parse: /dev/zero: is a character device, not a regular file: only regular files are read']);
  });

  it('a FIFO as a --stdin-jsonl path: an error line, exit 0', async () => {
    const input = JSON.stringify({ id: 1, path: join(dir, 'tree', 'sub', 'link-to-pipe.txt') }) + '\n' + JSON.stringify({ id: 2, text: '本报讯 记者获悉。' }) + '\n';
    const r = await runCli(['--stdin-jsonl', '-j', '1'], { cwd: dir, input, timeoutMs: TIMEOUT });
    expect(r.code).toBe(0);
    const out = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(out[0]).toEqual({ id: 1, error: `${join(dir, 'tree', 'sub', 'link-to-pipe.txt')}: is a FIFO (named pipe), not a regular file: only regular files are read` });
    expect(out[1].document).toBeDefined();
  });

  it('a FIFO as --profile, as validate input, as eval --baseline and as gold: one line, exit 2', async () => {
    const profile = await runCli(['tree/a-page.txt', '--profile', 'profile.json'], { cwd: dir, timeoutMs: TIMEOUT });
    expect(profile.code).toBe(2);
    expect(errLines(profile.stderr)).toEqual(['news-parse: profile profile.json: cannot read (is a FIFO (named pipe), not a regular file: only regular files are read)']);
    const validate = await runCli(['validate', 'doc.json'], { cwd: dir, timeoutMs: TIMEOUT });
    expect(validate.code).toBe(2);
    expect(errLines(validate.stderr)).toHaveLength(1);
    expect(validate.stderr).toMatch(/doc\.json: is a FIFO/);
    writeFileSync(join(dir, 'gold.json'), '{"articles": []}');
    const baseline = await runCli(['eval', 'tree/a-page.txt', '--gold', 'gold.json', '--baseline', 'baseline.json'], { cwd: dir, timeoutMs: TIMEOUT });
    expect(baseline.code).toBe(2);
    expect(errLines(baseline.stderr)).toHaveLength(1);
    expect(baseline.stderr).toMatch(/baseline\.json: is a FIFO/);
    if (!process.env['CI']) {
      // --update-baseline is refused under CI before it gets this far.
      const update = await runCli(['eval', 'tree/a-page.txt', '--gold', 'gold.json', '--baseline', 'baseline.json', '--update-baseline'], { cwd: dir, timeoutMs: TIMEOUT });
      expect(update.code).toBe(2);
      expect(errLines(update.stderr)).toEqual(['news-parse: baseline.json: cannot write: is a FIFO (named pipe), not a regular file: only regular files are written']);
    }
    const gold = await runCli(['eval', 'cases'], { cwd: dir, timeoutMs: TIMEOUT });
    expect(gold.code).toBe(2);
    expect(errLines(gold.stderr)).toHaveLength(1);
    expect(gold.stderr).toMatch(/expected\.json: bad gold file: is a FIFO/);
  }, 120_000);
});
