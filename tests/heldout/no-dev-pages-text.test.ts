/**
 * ../shared/data/dev-pages is copyrighted text, kept for measurement only:
 * none of it may enter the repository — not in fixtures, tests, docs, nor as
 * a comment's example. Read only when present, skipped otherwise; a failure
 * names the repository file and the dev page, never the text.
 *
 * For display lines, each line of the repository's files is read as its
 * Chinese characters alone, so that a headline quoted as two pieces
 * (`山间小路 ⏎ 花开正好`) or split by spaces is still whole; running text
 * is compared run by run. Three checks, each past what unrelated Chinese
 * news texts share:
 * - a display line (headline, kicker, subheadline, subheading) of a dev-pages
 *   article, whole, of DISPLAY_MIN characters or more: display lines are what
 *   a comment quotes, and the shortest once pasted was five characters;
 * - DISPLAY_GRAM characters in a row of a display line: a quoted part of a
 *   longer headline (a wrapped head and its tail);
 * - BODY_GRAM characters in a row of an article's running text: news prose
 *   shares stock phrases (推动高质量发展 is seven, and stood in a hand-written
 *   fixture and a dev page alike); a copied sentence is longer.
 * - JOINED_GRAM characters in a row of running text read across its
 *   punctuation, as the display lines are: a quoted clause pair whose clauses
 *   are each shorter than BODY_GRAM (a clause of eight and one of seven once
 *   stood in a comment). Fourteen is past the stock phrases prose shares
 *   across a comma: on this tree the longest such coincidence was eleven (a
 *   wire dateline with its reporter's title).
 * - a display line of DASHED_MIN characters ending in a dash (a kicker or an
 *   intertitle's lead-in, 社区走访——), quoted with its dash (or OCR's 一 or
 *   hyphen for it): short, but as much a page's own words as a headline, and
 *   what a comment on a dash rule quotes; without the dash it is a phrase
 *   any text may hold.
 * Both sides are compared in simplified script (OpenCC t2s): a traditional
 * page's headline quoted in simplified is still that headline.
 * Text of the project's seed pages (../shared/seeds, a real page given to
 * build fixtures from) is the project's to use and is not counted.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { converterFor } from '../../src/io/convert-script.js';

const ROOT = join(import.meta.dirname, '..', '..');
const SHARED = join(ROOT, '..', 'shared');
const DIR = join(SHARED, 'data', 'dev-pages');
const present = existsSync(DIR);

const DISPLAY_MIN = 5;
const DISPLAY_GRAM = 6;
const BODY_GRAM = 10;
const JOINED_GRAM = 14;
const DASHED_MIN = 4;
/** A display line that ends in a dash, as printed (the dash is not a Han character, so it is read off the text). */
const DASH_ENDED = /[—-]\s*$/u;

/**
 * Stock phrases a dev-pages display line shares with the project's own text, each checked by hand: a topic of
 * the page generator's list (scripts/generate-pages/content.mjs) and the pages it made, a title before a name.
 */
const COINCIDENCES = new Set(['家门口就业', '家门口就业稳', '全国人大代表']);

/** What the repository writes itself: sources, tests, docs, scripts, fixtures, the generated corpus. */
const OWN = ['src', 'tests', 'docs', 'scripts', 'fixtures', 'corpus', 'bin', 'schemas', 'README.md'];
const SKIP_DIRS = new Set(['node_modules', 'dist', '.git']);
const TEXT_FILE = /\.(?:ts|mjs|js|json|md|txt|xml|hocr|html|css|ya?ml)$/u;
const CJK_RUN = /[\u3400-\u9fff\uf900-\ufaff]+/gu;
const NOT_CJK = /[^\u3400-\u9fff\uf900-\ufaff]+/gu;
const DISPLAY_KEYS = new Set(['headline', 'kicker', 'subheadline']);

function* files(path: string): Generator<string> {
  if (!existsSync(path)) return;
  if (statSync(path).isFile()) {
    if (TEXT_FILE.test(path)) yield path;
    return;
  }
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    if (entry.isDirectory() && SKIP_DIRS.has(entry.name)) continue;
    yield* files(join(path, entry.name));
  }
}

const runsOf = (text: string) => text.match(CJK_RUN) ?? [];
/** A file's lines, each as its Chinese characters alone. */
const hanLines = (text: string) => text.split('\n').map((line) => line.replace(NOT_CJK, '')).filter((line) => line.length > 0);

/** Every `n` characters in a row of `lines`, each with the first `where` it came from. */
function addGrams(into: Map<string, string>, lines: readonly string[], n: number, where: string): void {
  for (const line of lines) for (let i = 0; i + n <= line.length; i++) if (!into.has(line.slice(i, i + n))) into.set(line.slice(i, i + n), where);
}

/** Every string of a gold document, marked display (headline, kicker, subheadline, a subheading's text) or not. */
function* strings(value: unknown, display = false): Generator<{ text: string; display: boolean }> {
  if (typeof value === 'string') yield { text: value, display };
  else if (Array.isArray(value)) for (const v of value) yield* strings(v, display);
  else if (value !== null && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    for (const [k, v] of Object.entries(o)) yield* strings(v, DISPLAY_KEYS.has(k) || (k === 'text' && o.type === 'subheading'));
  }
}

describe.skipIf(!present)('dev-pages text', () => {
  it('is nowhere in the repository (display lines, ten characters of running text, fourteen read across its punctuation)', async () => {
    const simplified = await converterFor('t2s');
    const read = (f: string) => simplified(readFileSync(f, 'utf8'));
    const seeds = join(SHARED, 'seeds');
    const seedText = existsSync(seeds) ? [...files(seeds)].flatMap((f) => hanLines(read(f))).join('\n') : '';
    const ownFiles = OWN.flatMap((top) => [...files(join(ROOT, top))]).filter((f) => f !== import.meta.filename);
    const ownSources = new Map(ownFiles.map((f) => [f, read(f)]));
    const ownLines = new Map(ownFiles.map((f) => [relative(ROOT, f), hanLines(ownSources.get(f)!)]));
    expect(ownLines.size).toBeGreaterThan(200);
    const ownText = new Map([...ownLines].map(([file, lines]) => [file, lines.join('\n')]));
    const displayGrams = new Map<string, string>();
    const bodyGrams = new Map<string, string>();
    const joinedGrams = new Map<string, string>();
    for (const [file, lines] of ownLines) {
      addGrams(displayGrams, lines, DISPLAY_GRAM, file);
      addGrams(joinedGrams, lines, JOINED_GRAM, file);
    }
    // Running text is compared run by run (punctuation ends a run): joined across it, prose shares too much.
    for (const f of ownFiles) addGrams(bodyGrams, runsOf(ownSources.get(f)!), BODY_GRAM, relative(ROOT, f));
    const ours = (text: string) => seedText.includes(text) || COINCIDENCES.has(text);

    const found = new Set<string>();
    const golds = readdirSync(DIR).filter((f) => f.endsWith('.gold.json'));
    expect(golds.length).toBeGreaterThanOrEqual(100);
    const seen = new Set<string>();
    for (const gold of golds) {
      for (const { text, display } of strings(JSON.parse(read(join(DIR, gold))))) {
        const han = text.replace(NOT_CJK, '');
        const key = `${display}${han}`;
        if (seen.has(key)) continue;
        seen.add(key);
        if (display && han.length >= DASHED_MIN && han.length < DISPLAY_MIN && DASH_ENDED.test(text) && !ours(han)) {
          const quoted = new RegExp(`${han}\\s*[—\\-一]`, 'u');
          for (const [file, source] of ownSources) if (quoted.test(source)) found.add(`${relative(ROOT, file)}: a dash-ended display line of ${gold}`);
        }
        if (display && han.length >= DISPLAY_MIN && !ours(han)) {
          for (const [file, own] of ownText) if (own.includes(han)) found.add(`${file}: a display line of ${gold}`);
        }
        const checks: [number, Map<string, string>, string[], string][] = display
          ? [[DISPLAY_GRAM, displayGrams, [han], 'a display line']]
          : [
              [BODY_GRAM, bodyGrams, runsOf(text), 'the text'],
              [JOINED_GRAM, joinedGrams, [han], 'the text read across its punctuation'],
            ];
        for (const [n, grams, pieces, what] of checks) {
          for (const piece of pieces) {
            for (let i = 0; i + n <= piece.length; i++) {
              const gram = piece.slice(i, i + n);
              const file = grams.get(gram);
              if (file !== undefined && !ours(gram)) found.add(`${file}: ${n} characters of ${what} of ${gold}`);
            }
          }
        }
      }
    }
    expect([...found]).toEqual([]);
  });
});
