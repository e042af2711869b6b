/**
 * Issue 14 item 23: the GNU parallel recipes in README.md and docs/batch.md
 * keep the warm-up of each process under 10 % — chunks of at least the
 * measured 12,000 records (docs/batch.md, *Why 20,000*), or --round-robin with
 * long-lived processes. `-N 500` spent 69 % of its CPU warming up.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');
/** Records per process for the warm-up (~1.07 s of CPU) to be under 10 % at ~0.83 ms per warm record. */
const MIN_CHUNK_RECORDS = 12_000;

describe('GNU parallel recipes', () => {
  for (const file of ['README.md', 'docs/batch.md']) {
    it(`${file}: every parallel --pipe recipe uses chunks of ≥ ${MIN_CHUNK_RECORDS} records or --round-robin`, () => {
      const recipes = readFileSync(join(ROOT, file), 'utf8')
        .split('\n')
        .filter((l) => /^\s*parallel .*--pipe/u.test(l) && l.includes('--stdin-jsonl'));
      expect(recipes.length).toBeGreaterThan(0);
      for (const r of recipes) {
        const n = /\s-N\s+(\d+)/u.exec(r);
        expect(r.includes('--round-robin') || (n !== null && Number(n[1]) >= MIN_CHUNK_RECORDS), r).toBe(true);
      }
    });
  }
});
