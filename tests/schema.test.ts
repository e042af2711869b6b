import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { newsDocumentProblems } from '../src/schema/validate.js';
import { parse } from '../src/index.js';
import { fixtureCases, readGold, convertFixture } from './helpers/fixtures.js';
import { readFileSync } from 'node:fs';

describe('schema', () => {
  it('generated validators are up to date with schemas/', () => {
    expect(() => execFileSync('node', ['scripts/build-validators.mjs', '--check'], { stdio: 'pipe' })).not.toThrow();
  });
  it('every fixture parses into a schema-valid document', async () => {
    for (const c of fixtureCases()) {
      const doc = await convertFixture(c.input);
      expect(newsDocumentProblems(doc), c.name).toEqual([]);
    }
  });
  it('rejects a document that breaks the contract', () => {
    const doc = parse('标题\n本报讯 今天天气很好。\n（某办）') as unknown as Record<string, unknown>;
    expect(newsDocumentProblems({ ...doc, articles: [{ id: 'x' }] })).not.toEqual([]);
    expect(newsDocumentProblems({ ...doc, extra: 1 })).not.toEqual([]);
  });
  it('gold files use only known article fields', () => {
    const known = new Set(['kind', 'kicker', 'headline', 'subheadline', 'byline', 'dateline', 'paragraphs', 'signoff', 'continuation', 'lines', 'id', 'script']);
    for (const c of fixtureCases()) {
      for (const a of readGold(c).articles ?? []) for (const k of Object.keys(a)) expect(known.has(k), `${c.name}: ${k}`).toBe(true);
    }
  });
});
