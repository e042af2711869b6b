/** Issue 14 item 16: -j quotes a bad value as typed, and more jobs than CPUs are capped with a note. */
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PAGES_PER_WORKER } from '../../src/cli/command-batch.js';
import { run } from '../../src/cli/run.js';
import { ROOT, runCli } from '../batch/helpers.js';
import { memoryIO } from '../helpers/io.js';

describe('--jobs', () => {
  it('-j abc names the value typed', async () => {
    const io = memoryIO();
    expect(await run(['fixtures/seed-community-p02/', '--jsonl', '-', '-j', 'abc'], io)).toBe(2);
    expect(io.err()).toMatch(/--jobs must be a whole number of at least 1 \(got "abc"\)/);
  });
  it('-j 999 is capped at the CPUs, and says so', async () => {
    const r = await runCli(['fixtures/seed-community-p02/', '--jsonl', '-', '-j', '999', '-q'], { cwd: ROOT });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`--jobs 999 is more than the ${availableParallelism()} CPUs; using ${availableParallelism()}`);
  }, 60_000);
  it('--help and the README give the default the code uses (they disagreed)', async () => {
    const io = memoryIO();
    await run(['--help'], io);
    const per = `one per ${PAGES_PER_WORKER.toLocaleString('en')} pages`;
    const help = io.out().replace(/\s+/gu, ' ');
    expect(help).toMatch(new RegExp(`-j, --jobs <n> batch: worker threads \\(default: ${per}, at most the CPUs`, 'u'));
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8').replace(/\s+/gu, ' ');
    expect(readme).toContain(`(\`--jobs N\`; by default ${per}, at most the machine's CPUs`);
  });
});
