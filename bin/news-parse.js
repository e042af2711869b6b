#!/usr/bin/env node
// CommonJS (bin/package.json): starting Node's ESM loader would cost every run ~13 ms.
// Exit codes: 0 ok · 1 findings (quality gate failed, invalid documents, some batch inputs failed)
//             2 usage error or unusable input · 3 internal error (a bug: please report it)
const { run } = require('./load-bundle.js').loadBundle().exports; // dist/cli/run.js bundled, with its code cache

run(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    process.stderr.write(`news-parse: internal error: ${err && err.stack ? err.stack : err}\n`);
    process.exitCode = 3;
  },
);
