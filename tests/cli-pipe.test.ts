/**
 * The built CLI with a reader that closes standard output early
 * (`news-parse page.txt --json | head -c 100`): a quiet exit 0, no stack trace.
 */
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CLI, ROOT, ensureBuilt } from './batch/helpers.js';

function runClosingEarly(args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    // Take the first chunk, then hang up, as `head -c` does.
    child.stdout.once('data', () => child.stdout.destroy());
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

describe('standard output closed by the reader', () => {
  beforeAll(() => ensureBuilt(), 180_000);

  it('ends a one-page run quietly with exit 0', async () => {
    const page = join('fixtures', 'seed-community-p02', 'input.txt');
    // A large output (the page converted to Taiwan script, several pipe buffers) so that writes continue after the hang-up.
    const r = await runClosingEarly([page, page, page, page, '--json', '--convert', 's2tw']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });
});

/** The built CLI on the seed page without --format, standard output sent to `stdout`; its output and the Node modules it loaded. */
function runTo(stdout: 'pipe' | number): { stdout: string; modules: string[] } {
  const dir = mkdtempSync(join(tmpdir(), 'news-parse-stdout-'));
  const list = join(dir, 'modules.txt');
  const preload = join(dir, 'list-modules.cjs');
  writeFileSync(preload, `process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(list)}, process.moduleLoadList.join('\\n')));\n`);
  const r = spawnSync(process.execPath, ['-r', preload, CLI, join('fixtures', 'seed-community-p02', 'input.txt')], { cwd: ROOT, stdio: ['ignore', stdout, 'pipe'], encoding: 'utf8' });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  const modules = readFileSync(list, 'utf8').split('\n');
  rmSync(dir, { recursive: true, force: true });
  return { stdout: r.stdout ?? '', modules };
}

describe('standard output that is no terminal', () => {
  beforeAll(() => ensureBuilt(), 180_000);

  // Whether standard output is a terminal picks the default format; telling it by making process.stdout
  // loaded Node's streams on every run (src/ports.ts mayBeTerminal).
  it('gets JSON, and the run makes no stream, on a pipe, a file and /dev/null', () => {
    const piped = runTo('pipe');
    expect(JSON.parse(piped.stdout).articles.length).toBeGreaterThan(0);
    const dir = mkdtempSync(join(tmpdir(), 'news-parse-stdout-file-'));
    const file = join(dir, 'out.json');
    const fd = openSync(file, 'w');
    const toFile = runTo(fd);
    closeSync(fd);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(JSON.parse(piped.stdout));
    rmSync(dir, { recursive: true, force: true });
    const nullFd = openSync('/dev/null', 'w');
    const toNull = runTo(nullFd);
    closeSync(nullFd);
    for (const run of [piped, toFile, toNull]) expect(run.modules.filter((m) => m.includes('streams/writable') || m === 'NativeModule tty')).toEqual([]);
  });
});
