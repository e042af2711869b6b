// Loads dist/bundle/run.js (the bundled CLI, scripts/bundle-cli.mjs) with V8's code cache.
//
// Why: a one-page run spends much of its start-up compiling — the bundle's top level and
// then every function the first parse calls, one by one as they are first called. The
// build runs the CLI once on the seed page and saves V8's code for all of that
// (dist/bundle/run.js.cache, scripts/build-code-cache.cjs); a run that finds it skips the
// compiling. Measured on the seed page: −17 ms of CPU of ~155 (README, Benchmarks).
//
// The cache belongs to one build of run.js and one Node/V8: the build deletes dist/bundle/
// before bundling, so an old cache never meets a new bundle; V8 itself rejects a cache made
// by another V8 version or flags (cachedDataRejected), and then the bundle is compiled as
// usual — a missing or rejected cache costs time, never correctness.
//
// The bundle runs as a CommonJS module would (same wrapper arguments), and the build writes it already
// wrapped in that function (wrapBundle): joining the wrapper on at each start made a second 818 KB copy
// of the source for V8 to flatten (~230 more pages of memory touched, ~4 million instructions). It is
// pure ASCII (scripts/bundle-ascii.mjs), so it is read as latin1: the same characters, without the
// UTF-8 decoder's pass over every byte. `import()` cannot be
// used by code compiled with vm.Script without a Node flag, so the build rewrites the
// bundle's `import()` of ESM packages (opencc-js, pdf.js) to `__nodeImport()`, given here.
'use strict';
const { openSync, fstatSync, readSync, closeSync, writeFileSync, renameSync } = require('node:fs');
const { dirname, join } = require('node:path');
// Module.createRequire from the CommonJS loader already loaded: require('node:module') would also load
// the ES module loader's parts it re-exports (~0.35 ms of every run).
const { createRequire } = module.constructor;
const { Script } = require('node:vm');

const BUNDLE = join(__dirname, '..', 'dist', 'bundle', 'run.js');
const CACHE = `${BUNDLE}.cache`;

/**
 * File `path` read whole into `buffer` from its start (a new one when it is too small): the buffer and the
 * length read.
 */
function readInto(path, buffer) {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    const into = buffer !== undefined && buffer.length >= size ? buffer : Buffer.allocUnsafeSlow(size);
    let length = 0;
    for (let n; length < size && (n = readSync(fd, into, length, size - length, length)) > 0; ) length += n;
    return { buffer: into, length };
  } finally {
    closeSync(fd);
  }
}

/** The bundle's code as the file holds it: one function expression taking what a CommonJS module gets, and `__nodeImport`. */
function wrapBundle(code) {
  return `(function (exports, require, module, __filename, __dirname, __nodeImport) {${code}\n})`;
}

/** The bundle's exports, and (for the build) a way to save the code compiled so far. */
function loadBundle() {
  // One buffer for both files: the source is copied out of it into a string, and the cache is then read
  // over it, into pages already mapped (~155 fewer page faults of ~4,500 a run than a buffer of its own).
  const read = readInto(BUNDLE);
  const source = read.buffer.toString('latin1', 0, read.length);
  let cachedData;
  try {
    const cache = readInto(CACHE, read.buffer);
    cachedData = cache.buffer.subarray(0, cache.length);
  } catch {
    // No cache (a build that made none): the bundle is compiled as usual.
  }
  const script = new Script(source, { filename: BUNDLE, ...(cachedData ? { cachedData } : {}) });
  const module = { exports: {} };
  const nodeImport = (specifier) => import(specifier);
  script.runInThisContext().call(module.exports, module.exports, createRequire(BUNDLE), module, BUNDLE, dirname(BUNDLE), nodeImport);
  return {
    exports: module.exports,
    /** True when there was a cache and V8 took it. */
    cacheUsed: cachedData !== undefined && script.cachedDataRejected === false,
    /** Saves the code V8 has compiled for the bundle so far (every function run until now). */
    saveCache() {
      const tmp = `${CACHE}.tmp-${process.pid}`;
      writeFileSync(tmp, script.createCachedData());
      renameSync(tmp, CACHE);
    },
  };
}

module.exports = { loadBundle, wrapBundle, BUNDLE, CACHE };
