// Bundles the built CLI (dist/cli/run.js) and the batch worker into dist/bundle/, which
// bin/news-parse.js loads. Why: a one-page run loaded 37 ES modules (35 of ours) through
// Node's ESM loader; as two CommonJS files it starts ~35 ms sooner on the project's VM
// (~20 ms for the module count, ~13 ms more for not starting the ESM loader at all —
// bin/ and dist/bundle/ hold a package.json saying "commonjs" for that).
// Modules that a run may not need (batch, eval, XML, TEI/METS, text output) stay behind
// esbuild's lazy wrappers: their code is in the file but runs only when imported. Packages
// stay in node_modules and are required when used, except chalk (ESM-only) and commander
// (every run needs it, and bundled its code goes into the code cache). The bundle is made
// from tsc's output, so it is the JavaScript the tests run.
//
// Then the V8 code cache of run.js (bin/load-bundle.js says why): `import()` of the packages
// left outside becomes `__nodeImport()` (code compiled with vm.Script may not use import()
// without a Node flag), both files are made pure ASCII (scripts/bundle-ascii.mjs says why), run.js is
// written inside the function the loader calls (wrapBundle, bin/load-bundle.js says why), and
// scripts/build-code-cache.cjs runs the seed page once and saves the compiled code. Measured: see
// README, Benchmarks.
import { build } from 'esbuild';
import { asciiBundle } from './bundle-ascii.mjs';
import loader from '../bin/load-bundle.js';
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const { wrapBundle } = loader;

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outdir = join(root, 'dist', 'bundle');
rmSync(outdir, { recursive: true, force: true });
// commander requires node:child_process when it loads, for subcommands that are programs of their own
// (`git-style` executables), which news-parse has none of. Loading it brings net, stream and dgram: ~2 ms
// of every run. The bundled copy requires it on first use instead; the build fails if commander's line
// changes, so the saving cannot go away unnoticed.
const COMMANDER_CHILD_PROCESS = "const childProcess = require('node:child_process');";
const lazyChildProcess = {
  name: 'commander-lazy-child-process',
  setup(b) {
    b.onLoad({ filter: /commander[\\/]lib[\\/]command\.js$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      if (!source.includes(COMMANDER_CHILD_PROCESS)) throw new Error(`${args.path}: no "${COMMANDER_CHILD_PROCESS}" to make lazy (commander changed?)`);
      const lazy = "const childProcess = { spawn: (...a) => require('node:child_process').spawn(...a) };";
      return { contents: source.replace(COMMANDER_CHILD_PROCESS, lazy), loader: 'js' };
    });
  },
};
await build({
  plugins: [lazyChildProcess],
  // worker.js is an entry of its own: the pool starts it by URL, next to run.js.
  entryPoints: { run: join(root, 'dist/cli/run.js'), worker: join(root, 'dist/batch/worker.js') },
  outdir,
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  external: ['fast-xml-parser', 'opencc-js', 'opencc-js/*', 'pdfjs-dist', 'pdfjs-dist/*', 'recheck', 'tinyglobby'],
  // import.meta.url (the pool's worker URL, createRequire for pdf.js) means this file's URL, worked out when
  // first asked for: node:url's pathToFileURL is compiled on first use, ~0.4 ms a run that needs no URL spent.
  banner: { js: "const import_meta = { get url() { return require('node:url').pathToFileURL(__filename).href; } };" },
  define: { 'import.meta.url': 'import_meta.url' },
  logLevel: 'warning',
  // Without blanks and comments the CLI bundle is 930 → 666 KB: ~4 ms less CPU to read and load it.
  minifyWhitespace: true,
  // Local names shortened (847 → 651 KB, code cache 643 → 616 KB): a run reads, copies and maps ~195 pages
  // less (page faults ~4,345 → ~4,150) and 2.5 million instructions fewer. Property names, strings and the
  // exports stay; no code reads a function's name (stack traces of an internal error name the shortened ones:
  // the library in dist/ keeps its names). keepNames would keep them, but its __name calls cost more than
  // the change saves (708 M instructions, 4,420 faults).
  minifyIdentifiers: true,
});
writeFileSync(join(outdir, 'package.json'), '{ "type": "commonjs" }\n');

// run.js is loaded through vm.Script (bin/load-bundle.js), whose code may not call import():
// each import() esbuild left for an external package goes through the loader's __nodeImport.
const runJs = join(outdir, 'run.js');
const bundled = readFileSync(runJs, 'utf8');
const rewritten = bundled.replace(/\bimport\((?=\s*["'`])/gu, '__nodeImport(');
if (/\bimport\s*\(/u.test(rewritten)) throw new Error('dist/bundle/run.js still calls import() with a computed specifier; bin/load-bundle.js cannot serve it');
writeFileSync(runJs, wrapBundle(asciiBundle(rewritten)));
const workerJs = join(outdir, 'worker.js');
writeFileSync(workerJs, asciiBundle(readFileSync(workerJs, 'utf8')));
const cache = spawnSync(process.execPath, [join(root, 'scripts', 'build-code-cache.cjs')], { stdio: 'inherit' });
if (cache.status !== 0) throw new Error('scripts/build-code-cache.cjs failed');
