/**
 * A re-run by another build of the same version (the code changed, the
 * version number did not) converts every page again: the outputs name the
 * same version, so only the manifest's build id (src/build-id.ts, stamped by
 * scripts/stamp-build.mjs) can tell. The same build skips them, as before.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, pageText, readJson, ROOT, runCli, tempDir, writePage } from './helpers.js';

const PAGES = 3;

describe('a manifest written by another build of this version', () => {
  beforeAll(() => ensureBuilt(), 180_000);

  it('the build stamps a hash of its code, which the manifest records', () => {
    const stamp = readFileSync(join(ROOT, 'dist', 'build-id.js'), 'utf8');
    expect(stamp).toMatch(/BUILD_ID = '[0-9a-f]{16}'/u);
  });

  it('makes the re-run convert every page again and say so; the same build skips them', async () => {
    const dir = tempDir('other-build');
    for (let i = 0; i < PAGES; i++) writePage(join(dir, 'in', `p${i}.txt`), pageText(i));
    const args = ['in', '--out-dir', 'out', '-j', '1', '-q'];
    expect((await runCli(args, { cwd: dir })).code).toBe(0);
    const manifestPath = join(dir, 'out', 'manifest.json');
    const first = readJson(manifestPath);
    expect(first.tool.build).toMatch(/^[0-9a-f]{16}$/u);

    const same = await runCli(args, { cwd: dir });
    expect(same.code).toBe(0);
    expect(readJson(manifestPath).summary).toMatchObject({ skipped: PAGES, converted: 0 });

    writeFileSync(manifestPath, JSON.stringify({ ...first, tool: { ...first.tool, build: '0123456789abcdef' } }));
    const other = await runCli(args, { cwd: dir });
    expect(other.code).toBe(0);
    expect(other.stderr).toMatch(/written by another build of news-parse .*; converting every page again/u);
    const after = readJson(manifestPath);
    expect(after.summary).toMatchObject({ converted: PAGES, skipped: 0 });
    expect(after.tool.build).toBe(first.tool.build);
  }, 120_000);
});
