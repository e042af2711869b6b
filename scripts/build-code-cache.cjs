// Build step (run by scripts/bundle-cli.mjs in a fresh node): runs the bundled CLI on the seed page
// in-process (as JSON and as the text summary), output discarded, and saves V8's code for the bundle — its top level and every
// function that run compiled — as dist/bundle/run.js.cache, which bin/load-bundle.js hands to V8.
'use strict';
const { join } = require('node:path');
const { loadBundle } = require('../bin/load-bundle.js');

const root = join(__dirname, '..');
const bundle = loadBundle();
const io = {
  stdout: { write: () => true, isTTY: false },
  stderr: { write: (s) => process.stderr.write(s), isTTY: false },
  readStdin: async () => new Uint8Array(),
  stdinStream: async function* () {},
  env: {},
  cwd: root,
  now: () => Date.now(),
  onStopSignal: () => () => {},
  exit: (code) => process.exit(code),
};
// JSON (the default when stdout is not a terminal) and the text summary (the default on one).
const seed = join(root, 'fixtures', 'seed-community-p02', 'input.txt');
(async () => {
  for (const format of ['json', 'text']) {
    const code = await bundle.exports.run([seed, '--format', format], io);
    if (code !== 0) throw new Error(`the seed page run (--format ${format}) exited ${code}`);
  }
  bundle.saveCache();
})();
