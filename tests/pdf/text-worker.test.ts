import { describe, expect, it } from 'vitest';
import { GET_NAME_OPENING, GLYPH_PROGRAM_LOOP, WORKER_EDITS, originalWorkerSource, textWorkerSource } from '../../src/io/pdfjs-text-worker.js';

describe('the pdf.js worker as news-parse runs it (src/io/pdfjs-text-worker.ts)', () => {
  it('finds the text of every edit, once, in the installed pdfjs-dist (else PDF pages are read at the old cost)', () => {
    expect(textWorkerSource().made).toEqual(WORKER_EDITS.map((e) => e.name));
  });

  it('changes those texts and nothing else', () => {
    const original = originalWorkerSource();
    let rest = textWorkerSource().source;
    let from = 0;
    // Walk the edits in source order: everything between them is pdf.js's text.
    const edits = [...WORKER_EDITS].sort((a, b) => original.indexOf(a.original) - original.indexOf(b.original));
    for (const edit of edits) {
      const at = original.indexOf(edit.original);
      const before = original.slice(from, at);
      expect(rest.startsWith(before)).toBe(true);
      rest = rest.slice(before.length);
      expect(rest.startsWith(edit.replacement)).toBe(true);
      rest = rest.slice(edit.replacement.length);
      from = at + edit.original.length;
    }
    expect(rest).toBe(original.slice(from));
  });

  it('leaves out the name edit when what it relies on is gone (a pdf.js that reshaped its name cache)', () => {
    const reshaped = originalWorkerSource().replace('let NameCache = Object.create(null);', 'const NAMES = new Map();');
    expect(textWorkerSource(reshaped).made).toEqual(WORKER_EDITS.map((e) => e.name).filter((n) => n !== 'short names by their bytes'));
  });

  it('cuts the Type 3 glyph-program loop to no keys', () => {
    const edit = WORKER_EDITS.find((e) => e.original === GLYPH_PROGRAM_LOOP)!;
    expect(edit.replacement).toMatch(/^for \(const key of \(charProcs\.getKeys\(\), \[\]\)\) \{$/u);
  });

  it("keeps getName's own loop for what follows its opening (the for loop runs pdf.js's body, which ends the method as before)", () => {
    const original = originalWorkerSource();
    const at = original.indexOf(GET_NAME_OPENING);
    const body = original.slice(at + GET_NAME_OPENING.length, original.indexOf('\n  }\n', at));
    // The body's exits are what the for loop was written for: break, continue, and the return after the loop.
    expect(body).not.toMatch(/\breturn\b(?![^\n]*Name\.get\(strBuf\.join\(""\)\))/u);
    expect(body).toMatch(/return Name\.get\(strBuf\.join\(""\)\);$/u);
  });

  it('reads names as pdf.js does: short, long, escaped, cut by delimiters, after the name cache is emptied', async () => {
    const source = textWorkerSource().source;
    // The worker module's Lexer and Name under both getName versions, through a copy that exports them.
    const exporting = (s: string) => `${s}\nexport { Lexer as __Lexer, Name as __Name, clearPrimitiveCaches as __clear, StringStream as __Stream };`;
    const load = async (s: string) =>
      (await import(`data:text/javascript;base64,${Buffer.from(exporting(s)).toString('base64')}`)) as {
        __Lexer: new (stream: unknown) => { getObj(): unknown };
        __Name: { get(n: string): unknown };
        __clear(): void;
        __Stream: new (s: string) => unknown;
      };
    const ours = await load(source);
    const theirs = await load(originalWorkerSource());
    const input = '/g0 /g1A/g0 /Type/Font /BaseFontName /A#42C /#41 /abcdef /abcdefg /x#4 /y#zz / /\xe9\xff /a/b[/g22]<</K /V>>';
    const tokens = (m: typeof ours) => {
      const lexer = new m.__Lexer(new m.__Stream(input));
      const out: unknown[] = [];
      for (let t = lexer.getObj(); typeof t !== 'symbol'; t = lexer.getObj()) out.push(t);
      return out;
    };
    const expected = tokens(theirs);
    expect(expected.length).toBeGreaterThan(20);
    expect(tokens(ours)).toEqual(expected);
    // The same Name objects as Name.get gives, before and after pdf.js empties its cache.
    const first = tokens(ours);
    expect(first[0]).toBe(ours.__Name.get('g0'));
    ours.__clear();
    const again = tokens(ours);
    expect(again[0]).toBe(ours.__Name.get('g0'));
    expect(again[0]).not.toBe(first[0]);
  });

  it("gives each simple font the same fallback Unicode as pdf.js's for-in loops: dense, sparse, .notdef, uniXXXX, a stray huge code", async () => {
    const exporting = (src: string) => `${src}\nexport { PartialEvaluator as __Evaluator, StandardEncoding as __Standard, WinAnsiEncoding as __WinAnsi };`;
    type Module = { __Evaluator: { prototype: object }; __Standard: string[]; __WinAnsi: string[] };
    const load = async (src: string) => (await import(`data:text/javascript;base64,${Buffer.from(exporting(src)).toString('base64')}`)) as Module;
    const ours = await load(textWorkerSource().source);
    const theirs = await load(originalWorkerSource());
    const fallback = (m: Module, differences: string[], baseEncodingName: string | null, winAnsi = false) => {
      const evaluator = Object.create(m.__Evaluator.prototype) as { _simpleFontToUnicode(p: unknown): string[] };
      const properties = { composite: false, defaultEncoding: winAnsi ? m.__WinAnsi : m.__Standard, baseEncodingName, differences };
      return Object.entries(evaluator._simpleFontToUnicode(properties));
    };
    const sparse: string[] = [];
    sparse[3] = 'g1A';
    sparse[65] = 'uni4E2D';
    sparse[66] = '.notdef';
    sparse[70] = 'G41';
    sparse[200] = 'c42';
    const chromium = Array.from({ length: 35 }, (_, i) => `g${i.toString(16).toUpperCase()}`);
    const huge: string[] = [];
    huge[5] = 'A';
    huge[100000] = 'B';
    for (const [differences, base, winAnsi] of [[[], null, false], [chromium, null, false], [sparse, 'WinAnsiEncoding', true], [huge, null, false]] as const) {
      const expected = fallback(theirs, differences as string[], base, winAnsi);
      expect(expected.length).toBeGreaterThan(0);
      expect(fallback(ours, differences as string[], base, winAnsi)).toEqual(expected);
    }
  });
});
