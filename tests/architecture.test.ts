/**
 * The house drawing (README, *How it works*) as a test: the core stays pure,
 * every import between the layers of src/ points downward (never into cli/
 * from below), and `process` is touched only by the ports (src/ports.ts).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve, dirname } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = join(import.meta.dirname, '..', 'src');
const CORE = join(SRC, 'core');

/**
 * Floors of the house, top first. A module may import from its own floor or
 * any floor below it. `index` is the library entry (src/index.ts), which the
 * readers in io/ build on.
 */
const FLOORS: string[][] = [['cli'], ['batch', 'report'], ['convert', 'eval'], ['io', 'profile'], ['index'], ['schema'], ['core'], ['ports', 'version', 'build-id']];

function floorOf(part: string): number {
  const i = FLOORS.findIndex((f) => f.includes(part));
  if (i === -1) throw new Error(`src/${part} is on no floor of the house drawing (tests/architecture.test.ts FLOORS)`);
  return i;
}

/** `cli`, `core`, … for a file under src/ (`index`, `ports`, `version` for the files at the top of src/). */
function partOf(file: string): string {
  const rel = relative(SRC, file).split(/[\\/]/u);
  return rel.length === 1 ? rel[0]!.replace(/\.(ts|js)$/u, '') : rel[0]!;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'generated' ? [] : sourceFiles(p);
    return e.name.endsWith('.ts') ? [p] : [];
  });
}

/** Every module specifier a file imports, statically or with import(). */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specs = [...text.matchAll(/^\s*(?:import|export)\b[^'"]*?from\s+['"]([^'"]+)['"]/gmu), ...text.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/gu)];
  return specs.map((m) => m[1]!);
}

describe('architecture', () => {
  for (const file of readdirSync(CORE).filter((f) => f.endsWith('.ts'))) {
    it(`src/core/${file} imports only core modules`, () => {
      const outside = importsOf(join(CORE, file)).filter((spec) => !spec.startsWith('./') && spec !== '../version.js' && spec !== '../build-id.js');
      expect(outside).toEqual([]);
    });
  }

  for (const file of sourceFiles(SRC)) {
    const name = relative(SRC, file);
    it(`src/${name} imports nothing from a floor above its own`, () => {
      const floor = floorOf(partOf(file));
      const upward = importsOf(file)
        .filter((spec) => spec.startsWith('.'))
        .map((spec) => resolve(dirname(file), spec))
        .filter((target) => floorOf(partOf(target)) < floor)
        .map((target) => relative(SRC, target));
      expect(upward).toEqual([]);
    });
  }

  it('nothing below the CLI imports from src/cli/', () => {
    const offenders = sourceFiles(SRC)
      .filter((f) => partOf(f) !== 'cli')
      .filter((f) => importsOf(f).some((spec) => spec.startsWith('.') && partOf(resolve(dirname(f), spec)) === 'cli'))
      .map((f) => relative(SRC, f));
    expect(offenders).toEqual([]);
  });

  it('only src/ports.ts touches process', () => {
    const offenders = sourceFiles(SRC)
      .filter((f) => partOf(f) !== 'ports')
      // Comments may name it; code may not.
      .filter((f) => /(^|[^.\w])process\.\w/mu.test(readFileSync(f, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gmu, '')))
      .map((f) => relative(SRC, f));
    expect(offenders).toEqual([]);
  });
});
