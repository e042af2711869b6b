/**
 * matchesAny and possibleMatches leave a pattern out of a line when the line lacks the literal text
 * every match of that pattern starts with (literalPrefixes, read off the pattern's source). They must
 * give what trying every pattern gives: the literal starts read here are checked on sources where a
 * wrong reading would show, and the answers on every line of the fixtures and the generated tuning
 * pages, for the built-in marker lists and every built-in profile's.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_MARKERS, literalPrefixes, matchesAny, mayBeBracketReporter, mayBeJump, possibleMatches, type MarkerSet } from '../../src/core/markers.js';
import { applyProfile } from '../../src/profile/apply-profile.js';
import { BUILTIN_PROFILES } from '../../src/profile/builtin/index.js';

const ROOT = join(import.meta.dirname, '..', '..');

describe('literalPrefixes', () => {
  const cases: [RegExp, string[] | null][] = [
    [/^本[报報](?:讯|訊)/u, ['本报讯', '本报訊', '本報讯', '本報訊']],
    [/^[（(]中央社[^）)]/u, ['（中央社', '(中央社']],
    [/^(?:本版)?(?:责编|编辑)\s*[：:]/u, ['本版责编', '本版编辑', '责编', '编辑']],
    [/^(第|总第)\s*[0-9]+期$/u, ['第', '总第']],
    [/^\(\[a\./u, ['([a.']], // escaped syntax characters are literal
    [/^[(.*]x/u, ['(x', '.x', '*x']], // inside a list, ( . * stand for themselves
    [/^ab*c/u, ['a']], // b* may be absent: the start stops before it
    [/^ab+c/u, ['a']],
    [/^ab{2}c/u, ['a']],
    [/^a(?:b|)c/u, ['a']], // an empty alternative is not read
    [/^a??b/u, ['ab', 'b']],
    [/^𠀀x/u, ['𠀀x']], // one character of two code units with the u flag
    [/^[𠀀]/, null], // without it, a list of two halves
    [/^\u672C[\u62A5\u5831]\x41/u, ['本报A', '本報A']], // escapes, as the CLI's bundle writes non-ASCII characters
    [/^\u{20000}\uD840\uDC00/u, ['𠀀𠀀']],
    [/^\uD840/u, null], // half a pair
    [/^\u{41}/, null], // without the u flag, \u{41} is 41 u's
    [/^a|b/u, null], // the ^ holds for one side only
    [/^(?:a|b)|c/u, null],
    [/a/u, null],
    [/^[a-z]/u, null], // a range
    [/^[^a]/u, null],
    [/^\s*a/u, null],
    [/^.a/u, null],
    [/^(?=a)a/u, null],
    [/^a?/u, null], // the empty string can match
    [/^a/iu, null], // case-insensitive: a matches A
    [/^a/mu, null], // ^ after every line break
    [/^a/gu, null], // a test that carries lastIndex
  ];
  for (const [re, expected] of cases) {
    it(`${re} → ${JSON.stringify(expected)}`, () => {
      const got = literalPrefixes(re);
      expect(got === null ? null : [...got].sort()).toEqual(expected === null ? null : [...expected].sort());
    });
  }

  it('reads the built-in dateline patterns that need it most: 本报…日电 and 新华社…日电 start with their literal words', () => {
    expect(literalPrefixes(DEFAULT_MARKERS.dateline[4]!)).toEqual(['本报', '本報']);
    expect(literalPrefixes(DEFAULT_MARKERS.dateline[5]!)).toContain('新华社');
  });
});

/** Every line of every fixture input and generated tuning page (text renderings). */
function corpusLines(): string[] {
  const files: string[] = [];
  for (const dir of [join(ROOT, 'fixtures'), join(ROOT, 'corpus', 'generated', 'tune')]) {
    if (!existsSync(dir)) continue;
    for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) {
      if (e.isFile() && /\.txt$/u.test(e.name)) files.push(join(e.parentPath, e.name));
    }
  }
  const lines = files.flatMap((f) => readFileSync(f, 'utf8').split(/\r?\n/u));
  // Lines as the classifier sees them (trimmed), and some after what a dateline or furniture starts with, so that every literal start is met.
  const starts = ['本报讯 ', '本報訊', '本报北京2月14日电 ', '新华社北京11月3日电 ', '（中央社記者台北29日電）', '【明報專訊】', '（路透社倫敦28日電）', '第3期', '本版责编：'];
  const some = lines.filter((_, i) => i % 40 === 0);
  return [...new Set([...lines, ...lines.map((l) => l.trim()), ...starts.flatMap((s) => [s, ...some.map((l) => s + l)])])];
}

describe('matchesAny and possibleMatches', () => {
  const lines = corpusLines();
  const lists: [string, MarkerSet][] = [['built-in', DEFAULT_MARKERS], ...Object.entries(BUILTIN_PROFILES).map(([name, spec]): [string, MarkerSet] => [name, applyProfile(spec)])];
  it('has lines to check', () => expect(lines.length).toBeGreaterThan(5000));
  for (const [name, markers] of lists) {
    const furniture = markers.furniture.map((f) => f.pattern);
    for (const [what, patterns] of [['dateline', markers.dateline], ['furniture', furniture]] as const) {
      it(`${name} ${what}: the same answer as trying every pattern, on every line`, () => {
        let matched = 0;
        const wrong: string[] = [];
        for (const line of lines) {
          const each = patterns.filter((p) => p.test(line));
          const possible = possibleMatches(patterns, line);
          if (matchesAny(patterns, line) !== each.length > 0 || each.some((p) => !possible.includes(p))) wrong.push(line);
          if (each.length > 0) matched++;
        }
        expect(wrong).toEqual([]);
        // The check means something only if some lines match.
        expect(matched).toBeGreaterThan(20);
      });
    }
  }
});

describe('mayBeJump and mayBeBracketReporter rule out only lines their pattern cannot match', () => {
  // Corpus lines, and lines put together from the parts of jumps and reporter brackets, so that both patterns match many.
  const parts = ['（', '(', '）', ')', '〔', '〕', '［', '］', '[', ']', ' ', '下转', '下轉', '上接', '紧接', '转', '轉', '接', '续見', '承', '见', '詳見', '第', '至', '4', 'A6', '二', '版', '页', '面', '接上版', '承上页', '本报', '记者', '記者', '通讯员', '通訊員', '特约记者', '全媒体记者', '张三', '吳政峰', '／', '/', '台北報導', '综合报道', '。', '街道党政办'];
  let seed = 7;
  const next = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff);
  const made: string[] = [];
  const pick = (list: string[]) => list[next() % list.length]!;
  for (let i = 0; i < 60000; i++) {
    // Half free, half the shape of a bracket: an opening bracket, words, a closing one, maybe text after it.
    let line = i % 2 === 0 ? '' : pick(['（', '(', '〔', '［', '[']);
    for (let n = 1 + (next() % 5); n > 0; n--) line += pick(parts);
    if (i % 2 === 1) line += pick(['）', ')', '〕', '］', ']']) + (next() % 2 === 0 ? '' : pick(parts));
    made.push(line);
  }
  const lines = [...corpusLines(), ...made];
  for (const [what, re, guard] of [
    ['jump', DEFAULT_MARKERS.jump, mayBeJump],
    ['bracketReporter', DEFAULT_MARKERS.bracketReporter, mayBeBracketReporter],
  ] as const) {
    it(`${what}: every line the built-in pattern matches gets past the guard`, () => {
      const matched = lines.filter((l) => re.test(l));
      expect(matched.filter((l) => !guard(DEFAULT_MARKERS, l))).toEqual([]);
      expect(matched.length).toBeGreaterThan(200);
      // The guard is worth its place only if it turns most lines away.
      expect(lines.filter((l) => guard(DEFAULT_MARKERS, l)).length).toBeLessThan(lines.length / 2);
    });
  }
  it('a profile’s own pattern is always tried', () => {
    const own: MarkerSet = { ...DEFAULT_MARKERS, jump: /x/u, bracketReporter: /x/u };
    expect(mayBeJump(own, 'x')).toBe(true);
    expect(mayBeBracketReporter(own, 'x')).toBe(true);
  });
});
