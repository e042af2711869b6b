// Bundles the built CLI (dist/cli/run.js) and the batch worker into dist/bundle/, which
// bin/news-parse.js loads. Why: a one-page run loaded 37 ES modules (35 of ours) through
// Node's ESM loader; as two CommonJS files it starts ~35 ms sooner on the project's VM
// (~20 ms for the module count, ~13 ms more for not starting the ESM loader at all —
// bin/ and dist/bundle/ hold a package.json saying "commonjs" for that).
// Modules that a run may not need (batch, eval, XML, TEI/METS, text output) stay behind
// esbuild's lazy wrappers: their code is in the file but runs only when imported. Packages
// stay in node_modules and are required when used, except chalk, which is ESM-only and is
// bundled. The bundle is made from tsc's output, so it is the JavaScript the tests run.
import { build } from 'esbuild';
import { rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outdir = join(root, 'dist', 'bundle');
rmSync(outdir, { recursive: true, force: true });
await build({
  // worker.js is an entry of its own: the pool starts it by URL, next to run.js.
  entryPoints: { run: join(root, 'dist/cli/run.js'), worker: join(root, 'dist/batch/worker.js') },
  outdir,
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  external: ['commander', 'fast-xml-parser', 'opencc-js', 'opencc-js/*', 'pdfjs-dist', 'pdfjs-dist/*'],
  // import.meta.url (the pool's worker URL, createRequire) means this file's URL.
  banner: { js: "const import_meta_url = require('node:url').pathToFileURL(__filename).href;" },
  define: { 'import.meta.url': 'import_meta_url' },
  logLevel: 'warning',
});
writeFileSync(join(outdir, 'package.json'), '{ "type": "commonjs" }\n');
