// Stamps dist/build-id.js with a hash of the compiled JavaScript under dist/ (src/build-id.ts says why).
// Runs after tsc (and the validators) and before the bundle, which then carries the stamp. The hash covers
// every .js file's path and bytes, in sorted order, except the bundle (made from these files) and the stamp.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const STAMP = join(dist, 'build-id.js');

function jsFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return p === join(dist, 'bundle') ? [] : jsFiles(p);
    return e.name.endsWith('.js') && p !== STAMP ? [p] : [];
  });
}

const hash = createHash('sha256');
for (const file of jsFiles(dist).map((p) => relative(dist, p).split('\\').join('/')).sort()) {
  hash.update(file).update('\0').update(readFileSync(join(dist, file))).update('\0');
}
// 16 hex digits (64 bits): enough to tell builds apart, short enough to read in a manifest.
const id = hash.digest('hex').slice(0, 16);
writeFileSync(STAMP, `/** Stamped by scripts/stamp-build.mjs: a hash of this build's compiled JavaScript. */\nexport const BUILD_ID = '${id}';\n`);
