import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';
import { accountCharacters } from '../../src/core/accounting.js';
import type { NewsDocument } from '../../src/core/model.js';
import { parse } from '../../src/index.js';
import { convertDocument } from '../../src/io/convert-script.js';
import { newsDocumentProblems } from '../../src/schema/validate.js';
import { memoryIO } from '../helpers/io.js';

const HANT = 'fixtures/seed-community-p02-hant/input.txt';
const HANS = 'fixtures/seed-community-p02/input.txt';

async function cli(args: string[]): Promise<{ code: number; doc: NewsDocument | null; err: string }> {
  const io = memoryIO();
  const code = await run(args, io);
  return { code, doc: code === 0 ? (JSON.parse(io.out()) as NewsDocument) : null, err: io.err() };
}

describe('--convert', () => {
  it('t2s converts a traditional page, validates, records repairs, loses nothing', async () => {
    const { code, doc } = await cli([HANT, '--json', '--convert', 't2s']);
    expect(code).toBe(0);
    expect(newsDocumentProblems(doc)).toEqual([]);
    expect(doc!.conversion).toEqual({ mode: 't2s' });
    expect(doc!.tool.options?.['convert']).toBe('t2s');
    expect(doc!.script).toBe('hant'); // the page as printed
    const first = doc!.articles[0]!;
    expect(first.headline).toBe('全力抓好经济工作 增强人民群众“感受度”');
    const bylined = doc!.articles.find((a) => a.byline !== null)!;
    expect(bylined.byline!.role).toBe('特约记者');
    expect(bylined.byline!.text).toContain('特约记者');
    const conv = doc!.repairs.filter((r) => r.kind === 'script-conversion');
    expect(conv.length).toBeGreaterThan(10);
    for (const r of conv) expect(r.before).not.toBe(r.after);
    expect(conv.some((r) => r.before.includes('經濟') && r.after.includes('经济'))).toBe(true);
    const account = accountCharacters(readFileSync(HANT, 'utf8'), doc!);
    expect({ missing: account.missing, extra: account.extra }).toEqual({ missing: 0, extra: 0 });
  });

  it('t2s of the traditional page gives the simplified page text', async () => {
    const conv = (await cli([HANT, '--json', '--convert', 't2s'])).doc!;
    const hans = (await cli([HANS, '--json'])).doc!;
    const same = conv.articles.filter((a, i) => a.headline === hans.articles[i]?.headline).length;
    expect(same / hans.articles.length).toBeGreaterThan(0.8);
  });

  it('keeps the original text when no conversion is asked', async () => {
    const plain = (await cli([HANT, '--json'])).doc!;
    const none = (await cli([HANT, '--json', '--convert', 'none'])).doc!;
    expect(plain.conversion).toBeUndefined();
    expect(plain.articles[0]!.headline).toBe('全力抓好經濟工作 增強人民群眾“感受度”');
    expect(plain.repairs.some((r) => r.kind === 'script-conversion')).toBe(false);
    expect(none).toEqual(plain);
  });

  it('s2tw / s2hk / s2t convert simplified text the other way; unchanged strings get no repair', async () => {
    const doc = parse('全力抓好经济工作\n本报讯 8月6日，天山路街道召开工作总结推进会。\n（街道党政办）\n');
    const tw = await convertDocument(doc, 's2tw');
    expect(tw.articles[0]!.headline).toBe('全力抓好經濟工作');
    expect(tw.articles[0]!.dateline).toBe('本報訊');
    expect(newsDocumentProblems(tw)).toEqual([]);
    const hk = await convertDocument(doc, 's2hk');
    expect(hk.articles[0]!.signoff).toBe('街道黨政辦');
    const t = await convertDocument(doc, 's2t');
    expect(t.conversion).toEqual({ mode: 's2t' });
    expect(doc.articles[0]!.headline).toBe('全力抓好经济工作'); // input document untouched
    const again = await convertDocument(parse('ABC 123\n'), 't2s');
    expect(again.repairs.filter((r) => r.kind === 'script-conversion')).toEqual([]);
  });

  it('rejects an unknown mode with exit 2', async () => {
    const { code, err } = await cli([HANS, '--json', '--convert', 'x2y']);
    expect(code).toBe(2);
    expect(err).toMatch(/--convert/);
  });
});

describe('traditional and simplified pages parse to the same structure', () => {
  const shape = (doc: NewsDocument) =>
    doc.articles.map((a) => ({
      kind: a.kind,
      paragraphs: a.paragraphs.length,
      types: a.paragraphs.map((p) => p.type).join(','),
      headline: a.headline !== null,
      byline: a.byline !== null,
      dateline: a.dateline !== null,
      signoff: a.signoff !== null,
      continuation: a.continuation !== null,
    }));
  it('seed-community-p02 vs seed-community-p02-hant', () => {
    const hans = parse(readFileSync(HANS, 'utf8'));
    const hant = parse(readFileSync(HANT, 'utf8'));
    expect(hans.script).toBe('hans');
    expect(hant.script).toBe('hant');
    expect(hant.articles.length).toBe(hans.articles.length);
    expect(shape(hant)).toEqual(shape(hans));
    expect(hant.page.furniture.map((f) => f.role)).toEqual(hans.page.furniture.map((f) => f.role));
  });
});
