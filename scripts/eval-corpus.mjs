#!/usr/bin/env node
/**
 * `npm run eval:dev` / `npm run eval:generated`: `news-parse eval` over corpora
 * that may not be on this machine, each rendering of a page scored separately
 * (--group-by rendering), with the strict scores (body similarity ≥ 0.9) beside
 * the default ones in every table.
 *
 *   node scripts/eval-corpus.mjs DIR… [-- EVAL-OPTIONS…]
 *
 * A DIR that is absent is reported as skipped, and the script still exits 0
 * (a fresh clone or CI has no ../shared/data). Extra options after `--` go to
 * news-parse eval (e.g. `-- --format json`); without them the report is the
 * text summary (totals per rendering, no row per page).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const split = argv.indexOf('--');
const dirs = split < 0 ? argv : argv.slice(0, split);
const extra = split < 0 ? ['--summary'] : argv.slice(split + 1);
if (dirs.length === 0) {
  process.stderr.write('usage: node scripts/eval-corpus.mjs DIR… [-- EVAL-OPTIONS…]\n');
  process.exit(2);
}

let code = 0;
for (const dir of dirs) {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    process.stdout.write(`skipped: ${dir} not present\n`);
    continue;
  }
  process.stdout.write(`== ${dir}\n`);
  const r = spawnSync(process.execPath, [join(root, 'bin', 'news-parse.js'), 'eval', dir, '--group-by', 'rendering', ...extra], { stdio: 'inherit' });
  if (r.status !== 0) code = r.status ?? 3;
}
process.exit(code);
