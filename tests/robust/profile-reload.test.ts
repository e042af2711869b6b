/**
 * Issue 14 (review), item 8: a long-lived library process cached profiles by
 * path, so a profile file edited between two conversions was not read again
 * and pages went on being parsed with what the file no longer said. The cache
 * is keyed by the file's text now: an edit — even one of the same length,
 * within one tick of the file system's clock, where mtime and size both stay —
 * is loaded anew; an unchanged file is not rebuilt.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { convertPage, loadProfileOnce } from '../../src/convert/convert-page.js';
import { defaultSettings } from '../../src/convert/settings.js';
import { tempDir } from '../batch/helpers.js';

const profileText = (name: string, dateline: string) => JSON.stringify({ name, extends: 'mainland-community', markers: { dateline: { add: [dateline] } } });
const page = new TextEncoder().encode('社区新闻\n\n邻里节开幕\n本台讯 昨天上午，邻里节在社区广场开幕。居民们带来了自己做的点心和手工艺品。\n');

describe('a profile file edited while a process runs', () => {
  it('is read again: the next conversion uses what the file says now', async () => {
    const dir = tempDir('profile-reload');
    const file = join(dir, 'paper.json');
    writeFileSync(file, profileText('paper-a', '^本刊讯'));
    const settings = { ...defaultSettings(dir), profile: file };
    const first = (await convertPage({ path: null, bytes: page }, settings)).document!;
    expect(first.tool.options).toMatchObject({ profile: 'paper-a' });
    expect(first.articles.map((a) => a.dateline)).not.toContain('本台讯');

    writeFileSync(file, profileText('paper-b', '^本台讯')); // the same length: mtime and size may well not change
    const second = (await convertPage({ path: null, bytes: page }, settings)).document!;
    expect(second.tool.options).toMatchObject({ profile: 'paper-b' });
    expect(second.tool.options!['profileSha256']).not.toBe(first.tool.options!['profileSha256']);
    expect(second.articles.map((a) => a.dateline)).toContain('本台讯');
  });

  it('an unchanged file gives the profile already built; a built-in is built once', async () => {
    const dir = tempDir('profile-same');
    const file = join(dir, 'paper.json');
    writeFileSync(file, profileText('paper-a', '^本刊讯'));
    const a = await loadProfileOnce(file, dir);
    writeFileSync(file, profileText('paper-a', '^本刊讯')); // rewritten, same text
    expect(await loadProfileOnce(file, dir)).toBe(a);
    expect(await loadProfileOnce('hk-tw', dir)).toBe(await loadProfileOnce('hk-tw', dir));
  });

  it('a file that became invalid is refused, and the good text after it is loaded again', async () => {
    const dir = tempDir('profile-bad');
    const file = join(dir, 'paper.json');
    writeFileSync(file, profileText('paper-a', '^本刊讯'));
    await loadProfileOnce(file, dir);
    writeFileSync(file, '{"name": ');
    await expect(loadProfileOnce(file, dir)).rejects.toThrow(/not valid JSON/u);
    writeFileSync(file, profileText('paper-c', '^本刊讯'));
    expect((await loadProfileOnce(file, dir)).name).toBe('paper-c');
  });
});
