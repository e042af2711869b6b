/**
 * A batch killed with SIGKILL half-way leaves only complete JSON files (outputs
 * and manifest are written under a temporary name and renamed), and a re-run
 * converts only what is missing.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CLI, ensureBuilt, listFiles, pageText, readJson, runCli, tempDir, writePage } from './helpers.js';

const PAGES = 400;

function outputsIn(out: string): string[] {
  return existsSync(out) ? listFiles(out).filter((f) => f.endsWith('.json') && f !== 'manifest.json') : [];
}

describe('interrupted batch', () => {
  beforeAll(() => ensureBuilt(), 180_000);

  it('leaves only complete outputs after SIGKILL, and a re-run converts only the rest', async () => {
    const dir = tempDir('kill');
    for (let i = 0; i < PAGES; i++) writePage(join(dir, 'in', `v${i % 4}`, `p${String(i).padStart(3, '0')}.txt`), pageText(i));
    const out = join(dir, 'out');

    const child = spawn(process.execPath, [CLI, 'in', '--out-dir', 'out', '--jobs', '1'], { cwd: dir, stdio: 'ignore' });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    // Kill as soon as a few outputs are there.
    const deadline = Date.now() + 30_000;
    while (outputsIn(out).length < 5 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
    child.kill('SIGKILL');
    const code = await exited;
    expect(code).toBeNull(); // it was killed, not finished

    const done = outputsIn(out);
    expect(done.length).toBeGreaterThanOrEqual(5);
    expect(done.length).toBeLessThan(PAGES);
    for (const f of readdirSync(out, { recursive: true }) as string[]) {
      if (!f.endsWith('.json')) continue; // `*.tmp-<pid>` leftovers are not outputs
      expect(() => JSON.parse(readFileSync(join(out, f), 'utf8')), f).not.toThrow();
    }

    const again = await runCli(['in', '--out-dir', 'out', '--jobs', '2'], { cwd: dir, timeoutMs: 120_000 });
    expect(again.code).toBe(0);
    const m = readJson(join(out, 'manifest.json'));
    expect(m.complete).toBe(true);
    expect(m.summary).toMatchObject({ pages: PAGES, skipped: done.length, converted: PAGES - done.length, failed: 0 });
    expect(outputsIn(out)).toHaveLength(PAGES);
  }, 120_000);
});
