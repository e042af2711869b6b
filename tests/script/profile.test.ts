import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';
import { DEFAULT_MARKERS } from '../../src/core/markers.js';
import type { NewsDocument } from '../../src/core/model.js';
import { parse } from '../../src/index.js';
import { BUILTIN_PROFILE_NAMES, builtinProfile, checkProfile } from '../../src/profile/load-profile.js';
import { unsafePatternReason } from '../../src/profile/regex-safety.js';
import { memoryIO } from '../helpers/io.js';

const dir = mkdtempSync(join(tmpdir(), 'np-profile-'));
function profileFile(name: string, data: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof data === 'string' ? data : JSON.stringify(data));
  return path;
}
async function cli(args: string[]) {
  const io = memoryIO();
  const code = await run(args, io);
  return { code, out: io.out(), err: io.err() };
}
const PAGE = 'fixtures/seed-community-p02/input.txt';

describe('regex safety', () => {
  it('accepts every built-in marker pattern', () => {
    const all = [
      ...DEFAULT_MARKERS.dateline,
      ...DEFAULT_MARKERS.furniture.map((f) => f.pattern),
      ...Object.values(DEFAULT_MARKERS).filter((v): v is RegExp => v instanceof RegExp),
    ];
    for (const re of all) expect([re.source, unsafePatternReason(re.source)]).toEqual([re.source, null]);
  });
  it.each([
    ['(a+)+', /nested quantifier/],
    ['(?:\\s*x)+', /nested quantifier/],
    ['(a|a)*', /alternation/],
    ['(.*)*', /nested quantifier/],
    ['^.*x.*y', /more than one/],
    ['.*电$', /anchored/],
    ['(\\d)\\1', /backreference/],
    ['[', /compile/],
    ['本'.repeat(1001), /longer than 1000/],
  ])('refuses %s', (source, why) => {
    expect(unsafePatternReason(source)).toMatch(why);
  });
  it.each(['^本刊讯', '^[（(]本刊记者[^）)]{1,20}[）)]', '^(?:ab)+$', '^.{0,4}专栏$'])('accepts %s', (source) => {
    expect(unsafePatternReason(source)).toBeNull();
  });
});

describe('built-in profiles', () => {
  it.each(BUILTIN_PROFILE_NAMES)('%s loads and passes its own checks', (name) => {
    const p = builtinProfile(name);
    expect(p.name).toBe(name);
    expect(p.markers.dateline.length).toBeGreaterThanOrEqual(DEFAULT_MARKERS.dateline.length);
  });
  it('mainland-community parses the seed exactly like the defaults', () => {
    const text = `${PAGE}`;
    const plain = parse(readFileSync(text, 'utf8'));
    const prof = parse(readFileSync(text, 'utf8'), { markers: builtinProfile('mainland-community').markers });
    expect(prof).toEqual(plain);
  });
  it('mainland-central: 据新华社电 (no place or date) opens a body; （人民论坛） is not a sign-off', () => {
    // The defaults read 据新华社北京3月5日电 (a wire dateline after 据); the bare form only the profile.
    const page = '坚持以人民为中心\n据新华社电 十四届全国人大三次会议5日上午开幕。\n（人民论坛）\n';
    const plain = parse(page);
    const central = parse(page, { markers: builtinProfile('mainland-central').markers });
    expect(plain.articles[0]?.dateline ?? null).toBeNull();
    expect(central.articles[0]!.dateline).toBe('据新华社电');
    expect(central.articles[0]!.signoff).toBeNull();
  });
  it('hk-tw: CNA editor sign-off with ROC date code; ▲ captions', () => {
    const page = '臺中花博園區變身親子公園\n（中央社記者趙麗妍台中28日電）台中市政府今天宣布，后里花博園區將轉型為親子公園。\n（編輯：陳家明）1150328\n';
    const hk = parse(page, { markers: builtinProfile('hk-tw').markers });
    expect(hk.articles[0]!.signoff).toBe('編輯：陳家明');
    expect(hk.articles[0]!.dateline).toMatch(/^（中央社記者趙麗妍台中28日電）/);
  });
});

describe('--profile on the command line', () => {
  it('a built-in name is recorded in tool.options.profile', async () => {
    const { code, out } = await cli([PAGE, '--json', '--profile', 'mainland-community']);
    expect(code).toBe(0);
    expect((JSON.parse(out) as NewsDocument).tool.options?.['profile']).toBe('mainland-community');
  });
  it('a profile file adds a dateline pattern', async () => {
    const input = profileFile('page.txt', '社区开展义诊活动\n本刊讯 8月2日，社区开展义诊活动，居民踊跃参加。\n');
    const prof = profileFile('good.json', { name: 'my-paper', extends: 'mainland-community', markers: { dateline: { add: ['^本刊讯'] } }, hints: { columnWidth: 17 } });
    const without = await cli([input, '--json']);
    const withp = await cli([input, '--json', '--profile', prof]);
    expect(withp.code).toBe(0);
    expect((JSON.parse(without.out) as NewsDocument).articles[0]?.dateline ?? null).toBeNull();
    expect((JSON.parse(withp.out) as NewsDocument).articles[0]!.dateline).toBe('本刊讯');
  });
  it.each([
    ['missing field', { markers: {} }, /\/name: missing required field/],
    ['wrong type', { name: 'x', markers: { dateline: { add: [42] } } }, /\/markers\/dateline\/add\/0: must be string/],
    ['wrong type (hints)', { name: 'x', hints: { columnWidth: 'wide' } }, /\/hints\/columnWidth: must be integer/],
    ['unknown field', { name: 'x', markers: { headline: { add: ['^x'] } } }, /\/markers\/headline: unknown field/],
    ['dangerous regex', { name: 'x', markers: { jump: { add: ['^(下转+)+$'] } } }, /\/markers\/jump\/add\/0: nested quantifier/],
    ['unanchored .*', { name: 'x', markers: { section: { add: ['.*版$'] } } }, /\/markers\/section\/add\/0: .*anchored/],
    ['furniture pattern', { name: 'x', markers: { furniture: { add: [{ role: 'date', pattern: '(a|b)+' }] } } }, /\/markers\/furniture\/add\/0\/pattern: repeated alternation/],
    ['bad furniture role', { name: 'x', markers: { furniture: { add: [{ role: 'masthead', pattern: '^x$' }] } } }, /\/markers\/furniture\/add\/0\/role: must be one of/],
    ['signoff without group', { name: 'x', markers: { signoff: { replace: ['^（[^）]{1,9}）$'] } } }, /\/markers\/signoff\/replace\/0: .*capture group/],
    ['unknown extends', { name: 'x', extends: 'nope' }, /\/extends: unknown built-in profile "nope"/],
    ['not JSON', '{name:', /not valid JSON/],
  ])('bad profile (%s) → exit 2, one line naming the field', async (label, data, why) => {
    const path = profileFile(`${label.replace(/\W+/g, '-')}.json`, data);
    const { code, err, out } = await cli([PAGE, '--json', '--profile', path]);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toMatch(why);
    expect(err.trim().split('\n')).toHaveLength(1);
    expect(err).toMatch(/^news-parse: profile /);
  });
  it('unknown built-in name and missing file → exit 2', async () => {
    expect((await cli([PAGE, '--profile', 'nope'])).err).toMatch(/unknown profile \(built-in: mainland-community, mainland-central, hk-tw/);
    const missing = await cli([PAGE, '--profile', join(dir, 'missing.json')]);
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/no such file/);
  });
  it('checkProfile works on data directly', () => {
    expect(() => checkProfile({ name: 'Bad Name' }, 'inline')).toThrow(/\/name: must match pattern/);
  });
});
