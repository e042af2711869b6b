/** The core stays pure: no stage may import node:*, the CLI libraries or anything outside src/core. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const CORE = join(import.meta.dirname, '..', 'src', 'core');

describe('architecture', () => {
  for (const file of readdirSync(CORE).filter((f) => f.endsWith('.ts'))) {
    it(`src/core/${file} imports only core modules`, () => {
      const imports = [...readFileSync(join(CORE, file), 'utf8').matchAll(/^\s*(?:import|export)\b[^'"]*?from\s+['"]([^'"]+)['"]/gmu)].map((m) => m[1]!);
      const outside = imports.filter((spec) => !spec.startsWith('./') && spec !== '../version.js');
      expect(outside).toEqual([]);
    });
  }
});
