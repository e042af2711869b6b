/**
 * Issue 14 item 5: a re-run after a profile file was edited under the same
 * `name` converts again. The effective profile's fingerprint is in the
 * manifest's options and in every output's tool.options, so both the
 * manifest's check and the outputs' own (manifest gone) see the change; a
 * profile file only re-indented or re-ordered is the same profile.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, pageText, readJson, runCli, tempDir, writePage } from './helpers.js';

const PAGES = 3;

function profile(extraDateline: string[]): object {
  return { name: 'my-paper', extends: 'mainland-community', markers: { dateline: { add: ['^本刊讯', ...extraDateline] } } };
}

describe('a profile file edited under the same name', () => {
  beforeAll(() => ensureBuilt(), 180_000);

  it('makes a re-run convert again, with or without the manifest; a re-indented file does not', async () => {
    const dir = tempDir('profile-edit');
    for (let i = 0; i < PAGES; i++) writePage(join(dir, 'in', `p${i}.txt`), pageText(i));
    const file = join(dir, 'paper.json');
    const args = ['in', '--out-dir', 'out', '--profile', file, '-j', '1', '-q'];
    writeFileSync(file, JSON.stringify(profile([])));
    expect((await runCli(args, { cwd: dir })).code).toBe(0);
    const first = readJson(join(dir, 'out', 'manifest.json'));
    expect(first.options.profile).toBe('my-paper');
    expect(first.options.profileSha256).toMatch(/^[0-9a-f]{64}$/u);
    expect(readJson(join(dir, 'out', 'p0.txt.json')).tool.options).toMatchObject({ profile: 'my-paper', profileSha256: first.options.profileSha256 });

    // the same profile, written another way: nothing to redo
    writeFileSync(file, JSON.stringify({ markers: { dateline: { add: ['^本刊讯'] } }, extends: 'mainland-community', name: 'my-paper' }, null, 4));
    expect((await runCli(args, { cwd: dir })).code).toBe(0);
    expect(readJson(join(dir, 'out', 'manifest.json')).summary).toMatchObject({ skipped: PAGES, converted: 0 });

    // edited: every page again
    writeFileSync(file, JSON.stringify(profile(['^本台讯'])));
    expect((await runCli(args, { cwd: dir })).code).toBe(0);
    const edited = readJson(join(dir, 'out', 'manifest.json'));
    expect(edited.summary).toMatchObject({ converted: PAGES, skipped: 0 });
    expect(edited.options.profileSha256).not.toBe(first.options.profileSha256);

    // edited again, and the manifest lost: the outputs' own tool.options decide
    writeFileSync(file, JSON.stringify(profile(['^本台讯', '^本网讯'])));
    rmSync(join(dir, 'out', 'manifest.json'));
    expect((await runCli(args, { cwd: dir })).code).toBe(0);
    expect(readJson(join(dir, 'out', 'manifest.json')).summary).toMatchObject({ converted: PAGES, skipped: 0 });
    // and unchanged once more, manifest lost: skipped by the outputs' own record
    rmSync(join(dir, 'out', 'manifest.json'));
    expect((await runCli(args, { cwd: dir })).code).toBe(0);
    expect(readJson(join(dir, 'out', 'manifest.json')).summary).toMatchObject({ converted: 0, skipped: PAGES });
  }, 120_000);
});
