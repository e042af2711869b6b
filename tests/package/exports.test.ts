/**
 * The package as a consumer sees it (issue 14 item 22): its subpath exports
 * resolve, CommonJS `require` gets Node's clear ESM error rather than "not
 * exported", and the packed files hold what the README links to. Runs the
 * built package (npm test builds first) in a child Node, by its own name.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const node = (code: string, type: 'module' | 'commonjs' = 'module') =>
  execFileSync(process.execPath, [`--input-type=${type}`, '-e', code], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

describe('package exports', () => {
  it('news-parse/convert reads every format through the one road', () => {
    const out = node(`
      import { convertPage, defaultSettings } from 'news-parse/convert';
      import { readFileSync } from 'node:fs';
      const path = 'fixtures/alto-two-columns/input.xml';
      const r = await convertPage({ path, bytes: readFileSync(path) }, defaultSettings(process.cwd()));
      console.log(r.document.source.format, r.document.articles.length);`);
    expect(out.trim()).toBe('alto 2');
  });

  it('news-parse/schemas/*.json resolve', () => {
    const out = node(`import { createRequire } from 'node:module'; const r = createRequire(process.cwd() + '/'); console.log(r.resolve('news-parse/schemas/news-document.schema.json'));`);
    expect(out.trim()).toBe(join(root, 'schemas', 'news-document.schema.json'));
  });

  it('require() from CommonJS says the package is ESM, not that nothing is exported', () => {
    let message = '';
    try {
      node(`require('news-parse')`, 'commonjs');
    } catch (err) {
      message = String((err as { stderr?: string }).stderr ?? err);
    }
    expect(message).not.toContain('ERR_PACKAGE_PATH_NOT_EXPORTED');
    expect(message === '' || /ERR_REQUIRE_ESM|require\(\) of ES Module/u.test(message)).toBe(true);
  });

  it('the packed files include the licence and the docs the README links', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { files: string[] };
    expect(existsSync(join(root, 'LICENSE'))).toBe(true);
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const linked = [...readme.matchAll(/\]\((docs\/[^)#]+)/gu)].map((m) => m[1]!);
    expect(linked.length).toBeGreaterThan(0);
    for (const doc of linked) {
      expect(existsSync(join(root, doc)), doc).toBe(true);
      expect(pkg.files.includes(doc.split('/')[0]!), doc).toBe(true);
    }
    expect(pkg.files).toContain('LICENSE');
  });
});
