/** Diagnostic and evidence codes: one table each (src/core/messages.ts), exported by the library, never built from pieces. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIAGNOSTIC_CODES, EVIDENCE_CODES, EVIDENCE_MEANING, type DiagnosticCode, type EvidenceCode } from '../src/index.js';
import { convertFixture, fixtureCases } from './helpers/fixtures.js';

const SRC = join(import.meta.dirname, '..', 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'generated' ? [] : sourceFiles(p);
    return e.name.endsWith('.ts') ? [p] : [];
  });
}

describe('codes', () => {
  it('lists each code once, in the schema’s code shape, with a meaning for every evidence code', () => {
    for (const codes of [DIAGNOSTIC_CODES, EVIDENCE_CODES]) {
      expect(new Set(codes).size).toBe(codes.length);
      for (const c of codes) expect(c).toMatch(/^[A-Z][A-Z0-9_]*$/u);
    }
    for (const c of EVIDENCE_CODES) expect(EVIDENCE_MEANING[c].length).toBeGreaterThan(10);
  });

  it('gives every fixture only codes from the tables', async () => {
    const diagnostics = new Set<string>(DIAGNOSTIC_CODES);
    const evidence = new Set<string>(EVIDENCE_CODES);
    const seen = new Set<string>();
    for (const c of fixtureCases()) {
      const doc = await convertFixture(c.input);
      for (const w of doc.warnings) expect(diagnostics.has(w.code), `${c.name}: ${w.code}`).toBe(true);
      for (const a of doc.articles)
        for (const e of a.evidence) {
          expect(evidence.has(e.code), `${c.name}: ${e.code}`).toBe(true);
          seen.add(e.code);
        }
    }
    // The fixtures exercise the usual decisions, so the table is not a list of names nobody emits.
    for (const c of ['HEADLINE_BLOCK', 'OPENED_BY_DATELINE', 'CLOSED_BY_SIGNOFF', 'PAIRED_BY_POSITION_AND_CONTENT']) expect(seen.has(c), c).toBe(true);
  });

  it('lets a consumer switch on a code exhaustively', () => {
    const describe = (c: EvidenceCode | DiagnosticCode): string => {
      switch (c) {
        case 'CLOSED_BY_SIGNOFF':
          return 'signed';
        case 'NO_ARTICLE_MARKERS':
          return 'empty';
        default:
          return 'other';
      }
    };
    expect(describe('CLOSED_BY_SIGNOFF')).toBe('signed');
  });

  it('builds no code from pieces in src/ (no template or concatenation after `code:`)', () => {
    const offenders: string[] = [];
    for (const f of sourceFiles(SRC)) {
      const text = readFileSync(f, 'utf8');
      for (const m of text.matchAll(/\bcode:\s*(`|'[^']*'\s*\+|[\w.]+\s*\+\s*['`])/gu)) offenders.push(`${f.slice(SRC.length + 1)}: ${m[0]}`);
    }
    expect(offenders).toEqual([]);
  });
});
