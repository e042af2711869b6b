#!/usr/bin/env node
// The floor for `npm run bench:batch`: the least a batch converter must do —
// walk the corpus, read each page, split it into lines and write them as a
// JSON string to OUT/<relative path>.json. No decoding guesses, no parsing.
// Usage: node scripts/bench-floor.mjs CORPUS_DIR OUT_DIR
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const [root, out] = process.argv.slice(2);
if (!root || !out) {
  console.error('usage: node scripts/bench-floor.mjs CORPUS_DIR OUT_DIR');
  process.exit(2);
}
let pages = 0;
function visit(dir, rel) {
  for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const r = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) visit(join(dir, e.name), r);
    else if (e.name.endsWith('.txt')) {
      const lines = readFileSync(join(dir, e.name), 'utf8').split(/\r?\n/);
      mkdirSync(join(out, rel), { recursive: true });
      writeFileSync(join(out, `${r}.json`), JSON.stringify(lines) + '\n');
      pages++;
    }
  }
}
visit(root, '');
console.error(`floor: ${pages} pages`);
