// Start-up cost of script conversion: times `news-parse PAGE --json` with and without --convert,
// and checks that a run without --convert never loads opencc-js (via a module-load hook on stderr).
// Usage: node scripts/bench-startup.mjs [runs=15] [page=fixtures/seed-community-p02/input.txt]
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const runs = Number(process.argv[2] ?? 15);
const page = process.argv[3] ?? 'fixtures/seed-community-p02/input.txt';
const bin = join(root, 'bin/news-parse.js');

function time(args) {
  const ms = [];
  for (let i = 0; i < runs + 2; i++) {
    const t = process.hrtime.bigint();
    execFileSync(process.execPath, [bin, page, '--json', ...args], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
    if (i >= 2) ms.push(Number(process.hrtime.bigint() - t) / 1e6); // two warm-up runs
  }
  ms.sort((a, b) => a - b);
  return { median: ms[Math.floor(ms.length / 2)], min: ms[0], max: ms[ms.length - 1] };
}

/**
 * Does the run load opencc-js? The CLI is CommonJS and requires it, so a preloaded
 * probe lists the module cache at exit; an ESM loader hook would catch an import too.
 */
function loadsOpencc(args) {
  const probe = join(mkdtempSync(join(tmpdir(), 'news-parse-probe-')), 'probe.cjs');
  writeFileSync(
    probe,
    `process.on('exit', () => { for (const k of Object.keys(require.cache)) if (k.includes('opencc-js')) process.stderr.write('OPENCC ' + k + '\\n'); });\n`,
  );
  const hook = `data:text/javascript,${encodeURIComponent(
    `export async function resolve(s, c, next) { const r = await next(s, c); if (r.url.includes('opencc-js')) process.stderr.write('OPENCC ' + r.url + '\\n'); return r; }`,
  )}`;
  const register = `data:text/javascript,${encodeURIComponent(`import { register } from 'node:module'; register(${JSON.stringify(hook)});`)}`;
  const r = spawnSync(process.execPath, ['--require', probe, '--import', register, bin, page, '--json', ...args], { cwd: root, encoding: 'utf8' });
  rmSync(dirname(probe), { recursive: true, force: true });
  return /OPENCC/.test(r.stderr);
}

const rows = [
  ['(no --convert)', []],
  ['--convert t2s', ['--convert', 't2s']],
  ['--convert s2tw', ['--convert', 's2tw']],
];
console.log(`page: ${page}, ${runs} runs each (after 2 warm-ups), node ${process.version}`);
for (const [label, args] of rows) {
  const t = time(args);
  console.log(`${label.padEnd(16)} median ${t.median.toFixed(1)} ms  (min ${t.min.toFixed(1)}, max ${t.max.toFixed(1)})  loads opencc-js: ${loadsOpencc(args)}`);
}
