// Bundles the built CLI (dist/cli/run.js and the batch worker) into dist/bundle/, which
// bin/news-parse.js loads. Why: Node loads an ES module in about a millisecond, and a
// one-page run loaded 35 of ours; bundled, it loads a handful, which took ~20 ms (of ~260)
// off every run on the project's VM. Code splitting keeps what a run may not need
// (batch, eval, XML, TEI/METS, conversion) in chunks loaded only when asked for, and
// packages stay in node_modules. The bundle is made from tsc's output, so it is the same
// JavaScript the tests run, only in fewer files.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outdir = join(root, 'dist', 'bundle');
rmSync(outdir, { recursive: true, force: true });
await build({
  // worker.js is an entry of its own: the pool starts it by URL, next to the chunk that holds the pool.
  entryPoints: { run: join(root, 'dist/cli/run.js'), worker: join(root, 'dist/batch/worker.js') },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  logLevel: 'warning',
});
