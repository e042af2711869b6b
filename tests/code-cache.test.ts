/** The CLI starts from V8's code cache of its bundle (bin/load-bundle.js), and works the same with or without it. */
import { spawnSync } from 'node:child_process';
import { existsSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CLI, ensureBuilt, ROOT } from './batch/helpers.js';

const CACHE = join(ROOT, 'dist', 'bundle', 'run.js.cache');
const SEED = 'fixtures/seed-community-p02/input.txt';
const cli = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8' });

describe('code cache', () => {
  beforeAll(() => ensureBuilt(), 180_000);

  it('is built with the bundle and accepted by this Node', () => {
    expect(existsSync(CACHE)).toBe(true);
    const r = spawnSync(process.execPath, ['-e', "process.stdout.write(String(require('./bin/load-bundle.js').loadBundle().cacheUsed))"], { cwd: ROOT, encoding: 'utf8' });
    expect(r.stdout).toBe('true');
  });

  it('gives the same output without it, and serves import() of ESM packages (--convert)', () => {
    const withCache = cli(SEED, '--json', '--convert', 't2s');
    expect(withCache.status).toBe(0);
    expect(withCache.stderr).toBe('');
    const aside = `${CACHE}.aside`;
    renameSync(CACHE, aside);
    try {
      const without = cli(SEED, '--json', '--convert', 't2s');
      expect(without.stdout).toBe(withCache.stdout);
    } finally {
      renameSync(aside, CACHE);
    }
  });
});
