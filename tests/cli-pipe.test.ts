/**
 * The built CLI with a reader that closes standard output early
 * (`news-parse page.txt --json | head -c 100`): a quiet exit 0, no stack trace.
 */
import { spawn } from 'node:child_process';
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
