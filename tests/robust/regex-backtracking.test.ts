/**
 * Issue 14 item 8: a profile file's pattern that can backtrack catastrophically
 * (these five pass the static rules of regex-safety.ts and then run for tens of
 * seconds to minutes on one line) is refused by recheck, with one line naming it.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadProfile } from '../../src/profile/load-profile.js';

const dir = mkdtempSync(join(tmpdir(), 'np-redos-'));
const LONG = 60_000;

describe('profile files: recheck refuses patterns that backtrack catastrophically', () => {
  it.each(['^本*本*本*本*讯', String.raw`\d*\d*\d*\d*x`, '[a-z]*[a-z]*[a-z]*$', '(?=a*a*a*b)', '.{0,999}.{0,999}x'])(
    '%s is refused with one line naming the field',
    async (pattern) => {
      const file = join(dir, 'bad.json');
      writeFileSync(file, JSON.stringify({ name: 'bad', markers: { dateline: { add: ['^本刊讯', pattern] } } }));
      const err = await loadProfile(file, process.cwd()).then(
        () => null,
        (e: Error) => e,
      );
      expect(err?.name).toBe('ProfileError');
      expect(err!.message).toMatch(/^profile .*bad\.json: \/markers\/dateline\/add\/1: pattern (can backtrack catastrophically|could not be shown safe)/);
      expect(err!.message.split('\n')).toHaveLength(1);
    },
    LONG,
  );
  it('a safe pattern loads, and a batch worker may skip the check the main thread made', async () => {
    const file = join(dir, 'good.json');
    writeFileSync(file, JSON.stringify({ name: 'good', markers: { dateline: { add: ['^本刊讯'] } } }));
    expect((await loadProfile(file, process.cwd())).name).toBe('good');
    expect((await loadProfile(file, process.cwd(), { backtrackingChecked: true })).name).toBe('good');
  }, LONG);
});
