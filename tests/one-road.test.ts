/**
 * Every command converts a page on the same road (src/convert/convert-page.ts):
 * `news-parse FILE`, batch `--out-dir` and `--jsonl` (main thread and
 * workers), `--stdin-jsonl` and eval give the same document, byte for byte,
 * for the same page and options. Run through the built CLI, as a user runs it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { evalDocument } from '../src/cli/command-eval.js';
import { ensureBuilt, readJson, ROOT, runCli, tempDir } from './batch/helpers.js';

const PAGES = ['fixtures/seed-community-p02/input.txt', 'fixtures/alto-two-columns/input.xml'];
const OPTION_SETS: string[][] = [[], ['--keep-spacing', '--profile', 'hk-tw']];

/** The compact JSON of a document, as batch writes it. */
const compact = (text: string) => JSON.stringify(JSON.parse(text));

async function cli(args: string[], input?: string): Promise<string> {
  const r = await runCli(args, { cwd: ROOT, ...(input !== undefined ? { input } : {}) });
  expect(r.stderr, args.join(' ')).toBe('');
  expect(r.code, args.join(' ')).toBe(0);
  return r.stdout;
}

describe('one road: parse, batch, --stdin-jsonl and eval agree', () => {
  beforeAll(() => ensureBuilt(), 180_000);

  for (const page of PAGES) {
    for (const options of OPTION_SETS) {
      it(`${page} ${options.join(' ') || '(default options)'}`, async () => {
        const parsed = compact(await cli([page, '--json', ...options]));
        expect(JSON.parse(parsed).source.path).toBe(page);
        if (options.includes('--profile')) expect(JSON.parse(parsed).tool.options.profile).toBe('hk-tw');

        const out = tempDir('road');
        await cli([page, '--out-dir', out, '-q', ...options]);
        const name = page.split('/').pop()!;
        expect(compact(readFileSync(join(out, `${name}.json`), 'utf8'))).toBe(parsed);
        expect(readJson(join(out, 'manifest.json')).files).toHaveLength(1);

        expect((await cli([page, '--jsonl', '-', '-j', '1', '-q', ...options])).trimEnd()).toBe(parsed);
        // Two inputs so that two workers start; each line is that page's document.
        const twice = (await cli([page, page, '--jsonl', '-', '-j', '2', '-q', ...options])).trimEnd().split('\n');
        expect(twice).toEqual([parsed, parsed]);

        const answer = await cli(['--stdin-jsonl', '-j', '1', ...options], JSON.stringify({ id: 7, path: page }) + '\n');
        expect(answer).toBe(`{"id":7,"document":${parsed}}\n`);

        if (options.length === 0) {
          // In-process from the TypeScript sources: the same document but for the build that wrote it.
          const doc = await evalDocument(page, readFileSync(join(ROOT, page)), ROOT);
          expect(doc.tool.build).toBe('source');
          expect(JSON.stringify({ ...doc, tool: { ...doc.tool, build: JSON.parse(parsed).tool.build } })).toBe(parsed);
        }
      }, 60_000);
    }
  }
});
