import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { rethreadColumnPieces } from '../../src/core/rethread-column-pieces.js';
import type { Diagnostic, InputLine } from '../../src/core/model.js';

const fixture = readFileSync(new URL('../../fixtures/column-piece-after-another-story/input.txt', import.meta.url), 'utf8');
const lines = (text: string): InputLine[] => text.split('\n').map((t, i) => ({ n: i + 1, text: t }));
const texts = (ls: InputLine[]) => ls.map((l) => l.text);

describe('rethread-column-pieces', () => {
  it('reads the piece a sentence cut mid-word goes on in right after it, past the story between', () => {
    const input = lines(fixture);
    const warnings: Diagnostic[] = [];
    const out = rethreadColumnPieces(input, warnings);
    const cut = texts(out).indexOf('社区还将组织一批志愿者定期维');
    expect(texts(out).slice(cut + 1, cut + 3)).toEqual(['', '护花木，让花园一直保持整洁。']);
    // Nothing lost, nothing made: the same lines, each once.
    expect(out.map((l) => `${l.n}:${l.text}`).sort()).toEqual(input.map((l) => `${l.n}:${l.text}`).sort());
    expect(warnings.map((w) => w.code)).toEqual(['COLUMN_PIECES_RETHREADED']);
  });

  it('leaves a block that goes on the open end in place (a stray blank line inside a paragraph)', () => {
    // The block after the open end is the paragraph's next line: no headline or first line stands there.
    const input = lines(fixture.replace('社区还将组织一批志愿者定期维\n\n街头书报亭换上新装\n', '社区还将组织一批志愿者定期维\n\n护栏刷了新漆，看着很整齐。\n\n街头书报亭换上新装\n'));
    const warnings: Diagnostic[] = [];
    expect(rethreadColumnPieces(input, warnings)).toBe(input);
    expect(warnings).toEqual([]);
  });

  it('needs the pair at the junction seen twice elsewhere on the page', () => {
    // 维护 now stands once within a line (书报亭的日常维护): a single sighting may be chance.
    const input = lines(fixture.replace('成后同样交给志愿者维护。', '成后同样交给志愿者管理。'));
    expect(rethreadColumnPieces(input, [])).toBe(input);
  });

  it('moves nothing past display blocks alone (a headline pdftotext set between a column and its next block)', () => {
    // 维护 twice without the story between (the page's other sighting was in its text).
    const page = fixture.replace('有不少居民来散步。', '有居民来散步，维护也方便。');
    const between = lines(page.replace('书报亭的日常维护由街道负', '书报亭的日常管理由街道负'));
    expect(rethreadColumnPieces(between, [])).not.toBe(between);
    const input = lines(page.replace(/本报讯 城南[^]*?好看。\n\n/u, ''));
    expect(rethreadColumnPieces(input, [])).toBe(input);
  });
});
