/**
 * A re-run by another build of the same version (the code changed, the
 * version number did not) converts every page again: the outputs name the
 * same version, so only the manifest's build id (src/build-id.ts, stamped by
 * scripts/stamp-build.mjs) can tell. The same build skips them, as before.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
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

  it('with the manifest gone, the outputs’ own tool.build tells: another build’s are converted again, said in one line', async () => {
    const dir = tempDir('other-build-outputs');
    for (let i = 0; i < PAGES; i++) writePage(join(dir, 'in', `p${i}.txt`), pageText(i));
    const args = ['in', '--out-dir', 'out', '-j', '1', '-q'];
    expect((await runCli(args, { cwd: dir })).code).toBe(0);
    const outputs = Array.from({ length: PAGES }, (_, i) => join(dir, 'out', `p${i}.txt.json`));
    const bytes = outputs.map((f) => readFileSync(f, 'utf8'));
    const build = JSON.parse(bytes[0]!).tool.build;
    expect(build).toMatch(/^[0-9a-f]{16}$/u);
    expect(Object.keys(JSON.parse(bytes[0]!).tool)).toEqual(['name', 'version', 'build', 'options']);

    // The same build, no manifest: every output is current and skipped, nothing said.
    rmSync(join(dir, 'out', 'manifest.json'));
    const same = await runCli(args, { cwd: dir });
    expect(same.stderr).toBe('');
    expect(readJson(join(dir, 'out', 'manifest.json')).summary).toMatchObject({ skipped: PAGES, converted: 0 });

    // Another build wrote p0 (a code change under this version), and a build from before outputs named theirs wrote p1.
    rmSync(join(dir, 'out', 'manifest.json'));
    const doc0 = JSON.parse(bytes[0]!);
    writeFileSync(outputs[0]!, JSON.stringify({ ...doc0, tool: { ...doc0.tool, build: '0123456789abcdef' } }) + '\n');
    const doc1 = JSON.parse(bytes[1]!);
    const { build: _, ...toolWithoutBuild } = doc1.tool;
    writeFileSync(outputs[1]!, JSON.stringify({ ...doc1, tool: toolWithoutBuild }) + '\n');
    const other = await runCli(args, { cwd: dir });
    expect(other.code).toBe(0);
    expect(other.stderr).toBe(`news-parse: out: outputs there were written by another build of news-parse ${doc0.tool.version}; converting them again\n`);
    expect(readJson(join(dir, 'out', 'manifest.json')).summary).toMatchObject({ converted: 2, skipped: PAGES - 2 });
    // …and what this build writes is byte for byte what it wrote before
    expect(outputs.map((f) => readFileSync(f, 'utf8'))).toEqual(bytes);
  }, 120_000);
});
