// npm run bench — a benchmark, not a test. Reports:
//  1. in-process parse throughput on every fixture page (MB/s of decoded text, pages/s), one core;
//  2. the CLI's wall time on the seed page against bare `node -e ""` start-up (medians of N runs).
// Targets (issue #2): ≥ 5 MB/s in-process; CLI within 2× Node's own start-up.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { parseBytes } from '../dist/index.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const fixtures = join(root, 'fixtures');
const pages = readdirSync(fixtures, { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(join(fixtures, d.name, 'input.txt')))
  .map((d) => readFileSync(join(fixtures, d.name, 'input.txt')));
const totalBytes = pages.reduce((n, b) => n + b.length, 0);

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};

// 1. In-process: warm up, then time whole passes over all pages.
for (let i = 0; i < 20; i++) for (const p of pages) parseBytes(p);
// Wall time and this process's CPU time per pass: on a shared machine the CPU
// figure is the steadier one (time stolen by other work is not counted).
const passes = [];
const cpuPasses = [];
for (let i = 0; i < 40; i++) {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  for (const p of pages) parseBytes(p);
  passes.push(performance.now() - t0);
  const c = process.cpuUsage(c0);
  cpuPasses.push((c.user + c.system) / 1000);
}
const report = (label, ms) =>
  `  ${label} ${ms.toFixed(2)} ms per pass → ${(totalBytes / 1e6 / (ms / 1000)).toFixed(1)} MB/s, ${(pages.length / (ms / 1000)).toFixed(0)} pages/s`;
console.log(`in-process: ${pages.length} fixture pages, ${(totalBytes / 1024).toFixed(0)} KiB per pass, 40 passes (target ≥ 5 MB/s)`);
console.log(report('median wall', median(passes)));
console.log(report('median CPU ', median(cpuPasses)));

// 2. CLI wall time vs bare node start-up, interleaved so machine drift hits both.
const seed = join(fixtures, 'seed-community-p02', 'input.txt');
const runs = Number(process.env.BENCH_RUNS ?? 15);
const time = (args) => {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  if (r.status !== 0) throw new Error(`${args.join(' ')} failed: ${r.stderr}`);
  return performance.now() - t0;
};
const bare = [];
const cli = [];
time(['-e', '']);
time([join(root, 'bin/news-parse.js'), seed, '--json']);
for (let i = 0; i < runs; i++) {
  bare.push(time(['-e', '']));
  cli.push(time([join(root, 'bin/news-parse.js'), seed, '--json']));
}
const b = median(bare);
const c = median(cli);
console.log(`CLI on the seed page (${runs} runs, medians): node -e "" ${b.toFixed(1)} ms, news-parse ${c.toFixed(1)} ms → ${(c / b).toFixed(2)}× (target ≤ 2×)`);
