/**
 * ../shared/data/dev-pages is copyrighted text, kept for measurement only:
 * none of it may enter the repository — not in fixtures, tests, docs, nor as
 * a comment's example. Read only when present, skipped otherwise; a failure
 * names the repository file and the dev page, never the text.
 *
 * Two checks, each past what unrelated Chinese news texts share:
 * - display lines: no headline, kicker, subheadline or subheading of a
 *   dev-pages article (a run of DISPLAY_MIN Chinese characters or more) is
 *   written anywhere in the repository. Display lines are what a comment
 *   quotes as an example; the shortest once pasted was five characters.
 * - running text: no BODY_GRAM characters in a row of a dev-pages article's
 *   text. News prose shares stock phrases (推动高质量发展 is seven, and stood
 *   in a hand-written fixture and a dev page alike); a copied sentence is longer.
 * Text of the project's seed pages (../shared/seeds, a real page given to
 * build fixtures from) is the project's to use and is not counted.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const SHARED = join(ROOT, '..', 'shared');
const DIR = join(SHARED, 'data', 'dev-pages');
const present = existsSync(DIR);

const DISPLAY_MIN = 5;
const BODY_GRAM = 10;

/**
 * Stock phrases a dev-pages display line shares with the project's own text, each checked by hand: the page
 * generator's topic list (scripts/generate-pages/content.mjs) was written before, and apart from, that page.
 */
const COINCIDENCES = new Set(['家门口就业']);

/** What the repository writes itself: sources, tests, docs, scripts, fixtures, the generated corpus. */
const OWN = ['src', 'tests', 'docs', 'scripts', 'fixtures', 'corpus', 'bin', 'README.md'];
const SKIP_DIRS = new Set(['node_modules', 'dist', '.git']);
const TEXT_FILE = /\.(?:ts|mjs|js|json|md|txt|xml|hocr|html|css|ya?ml)$/u;
const CJK_RUN = /[\u3400-\u9fff\uf900-\ufaff]+/gu;
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
  it('is nowhere in the repository (display lines, or ten characters of running text)', () => {
    const seeds = join(SHARED, 'seeds');
    const seedText = existsSync(seeds) ? [...files(seeds)].map((f) => runsOf(readFileSync(f, 'utf8')).join('\n')).join('\n') : '';
    const ownFiles = OWN.flatMap((top) => [...files(join(ROOT, top))]).filter((f) => f !== import.meta.filename);
    const ownText = new Map(ownFiles.map((f) => [relative(ROOT, f), runsOf(readFileSync(f, 'utf8')).join('\n')]));
    const grams = new Map<string, string>();
    for (const [file, text] of ownText) {
      for (const run of text.split('\n')) {
        for (let i = 0; i + BODY_GRAM <= run.length; i++) if (!grams.has(run.slice(i, i + BODY_GRAM))) grams.set(run.slice(i, i + BODY_GRAM), file);
      }
    }
    expect(ownText.size).toBeGreaterThan(200);

    const found = new Set<string>();
    const golds = readdirSync(DIR).filter((f) => f.endsWith('.gold.json'));
    expect(golds.length).toBeGreaterThanOrEqual(100);
    const seen = new Set<string>();
    for (const gold of golds) {
      for (const { text, display } of strings(JSON.parse(readFileSync(join(DIR, gold), 'utf8')))) {
        for (const run of runsOf(text)) {
          const key = `${display}${run}`;
          if (seen.has(key)) continue;
          seen.add(key);
          if (display && run.length >= DISPLAY_MIN && !seedText.includes(run) && !COINCIDENCES.has(run)) {
            for (const [file, own] of ownText) if (own.includes(run)) found.add(`${file}: a display line of ${gold}`);
          }
          for (let i = 0; i + BODY_GRAM <= run.length; i++) {
            const gram = run.slice(i, i + BODY_GRAM);
            const file = grams.get(gram);
            if (file !== undefined && !seedText.includes(gram)) found.add(`${file}: ${BODY_GRAM} characters of ${gold}`);
          }
        }
      }
    }
    expect([...found]).toEqual([]);
  });
});
