/** Fixture discovery and field-by-field comparison of a parse with its gold file. */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import type { InputLine, NewsDocument } from '../../src/core/model.js';
import { convertPage } from '../../src/convert/convert-page.js';
import { defaultSettings, type ConvertSettings } from '../../src/convert/settings.js';

export const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures');

export interface FixtureCase {
  name: string;
  dir: string;
  input: string;
  expected: string;
}

export function fixtureCases(): FixtureCase[] {
  return readdirSync(FIXTURES, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => {
      const dir = join(FIXTURES, d.name);
      const input = readdirSync(dir).find((f) => f.startsWith('input.'));
      return { name: d.name, dir, input: input ? join(dir, input) : '', expected: join(dir, 'expected.json') };
    })
    .filter((c) => c.input !== '' && existsSync(c.expected))
    .sort((a, b) => a.name.localeCompare(b.name));
}

export function readGold(c: FixtureCase): Partial<NewsDocument> & { articles?: Record<string, unknown>[] } {
  return JSON.parse(readFileSync(c.expected, 'utf8'));
}

const squash = (v: unknown) => (typeof v === 'string' ? v.replace(/\s+/gu, '') : v);

/** Differences between a parse and its gold, one string each; [] when they agree on every gold field. */
export function compareWithGold(doc: NewsDocument, gold: ReturnType<typeof readGold>): string[] {
  const diffs: string[] = [];
  const eq = (path: string, got: unknown, want: unknown, loose = false) => {
    const g = loose ? squash(got) : got;
    const w = loose ? squash(want) : want;
    if (JSON.stringify(g) !== JSON.stringify(w)) diffs.push(`${path}: got ${JSON.stringify(got)}, want ${JSON.stringify(want)}`);
  };
  if (gold.page) {
    if ('number' in gold.page) eq('page.number', doc.page.number, gold.page.number);
    if (gold.page.furniture) {
      eq(
        'page.furniture',
        doc.page.furniture.map((f) => `${f.role}:${f.text}`),
        gold.page.furniture.map((f) => `${f.role}:${f.text}`),
      );
    }
  }
  const want = gold.articles ?? [];
  if (want.length !== doc.articles.length) diffs.push(`articles: got ${doc.articles.length}, want ${want.length}`);
  want.forEach((w, i) => {
    const a = doc.articles[i] as unknown as Record<string, unknown> | undefined;
    const at = `articles[${i}]`;
    if (!a) return;
    for (const f of ['kind', 'dateline', 'signoff', 'continuation'] as const) if (f in w) eq(`${at}.${f}`, a[f], w[f]);
    for (const f of ['headline', 'kicker', 'subheadline'] as const) if (f in w) eq(`${at}.${f}`, a[f], w[f], true);
    if ('byline' in w) {
      const wb = w.byline as NewsDocument['articles'][0]['byline'];
      const ab = a.byline as typeof wb;
      if (wb === null || ab === null) eq(`${at}.byline`, ab, wb);
      else {
        eq(`${at}.byline.text`, ab.text, wb.text);
        eq(`${at}.byline.role`, ab.role, wb.role);
        eq(`${at}.byline.names`, ab.names, wb.names);
        eq(`${at}.byline.credit`, ab.credit, wb.credit);
      }
    }
    if ('paragraphs' in w) {
      const wp = w.paragraphs as { type: string; text: string }[];
      const ap = a.paragraphs as { type: string; text: string }[];
      if (wp.length !== ap.length) diffs.push(`${at}.paragraphs: got ${ap.length}, want ${wp.length}`);
      for (let k = 0; k < Math.max(wp.length, ap.length); k++) {
        const g = ap[k];
        const x = wp[k];
        if (!g || !x) continue;
        eq(`${at}.paragraphs[${k}].type`, g.type, x.type);
        eq(`${at}.paragraphs[${k}].text`, g.text, x.text);
      }
    }
  });
  return diffs;
}

/** A page file converted on the road every command takes, with default settings (or `overrides`): its document and the lines read. */
export async function convertFixturePage(path: string, overrides: Partial<ConvertSettings> = {}): Promise<{ document: NewsDocument; lines: InputLine[] }> {
  const result = await convertPage({ path, bytes: readFileSync(path) }, { ...defaultSettings(process.cwd()), ...overrides });
  if (!result.document) throw new Error(`${path}: ${result.failure.reason}`);
  return { document: result.document, lines: result.lines };
}

/** The document of `convertFixturePage`. */
export async function convertFixture(path: string, overrides: Partial<ConvertSettings> = {}): Promise<NewsDocument> {
  return (await convertFixturePage(path, overrides)).document;
}
